//! Markdown briefs: headings, lists and YAML front matter.
//!
//! Parsed with `pulldown-cmark`, whose source offsets keep every sentence's
//! span pointing into the original file. Headings put the blocks under them
//! into a [`Section`]; list items become paragraphs of their own; a bold
//! run-in at the start of a block is kept as its lead. The front matter is
//! returned as text for [`super::front_matter`].

use std::ops::Range;

use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::text::{Block, Document, Heading, Section, collapse};
use crate::model::Span;

/// Whether a brief's text should be read as Markdown even without an `.md`
/// name: it opens with front matter or has ATX headings.
pub fn looks_like_markdown(text: &str) -> bool {
    text.starts_with("---\n")
        || text.starts_with("---\r\n")
        || text.lines().any(|l| {
            let hashes = l.len() - l.trim_start_matches('#').len();
            (1..=6).contains(&hashes) && l[hashes..].starts_with(' ')
        })
}

/// A Markdown brief: its document and its front matter (text and the byte
/// offset where it starts).
pub struct Parsed {
    /// Paragraphs, sentences and headings.
    pub doc: Document,
    /// YAML front matter and its offset in the input.
    pub front_matter: Option<(String, usize)>,
}

/// Text gathered for one block, with the source range of each piece.
#[derive(Default)]
struct Gather {
    plain: String,
    pieces: Vec<(usize, Range<usize>)>,
    start: Option<usize>,
    end: usize,
    lead: Option<String>,
    strong_at_start: bool,
    in_strong: bool,
    strong_text: String,
}

impl Gather {
    fn push(&mut self, text: &str, range: Range<usize>) {
        if self.in_strong && self.strong_at_start {
            self.strong_text.push_str(text);
        }
        self.start.get_or_insert(range.start);
        self.end = range.end;
        self.pieces.push((self.plain.len(), range));
        self.plain.push_str(text);
    }

    fn space(&mut self) {
        if !self.plain.is_empty() && !self.plain.ends_with(' ') {
            let at = self.end;
            self.pieces.push((self.plain.len(), at..at));
            self.plain.push(' ');
        }
    }

    /// Maps an offset in `plain` to the input.
    fn to_source(&self, i: usize, source: &str) -> usize {
        let k = self.pieces.partition_point(|(p, _)| *p <= i).saturating_sub(1);
        let Some((p, range)) = self.pieces.get(k) else { return self.start.unwrap_or(0) };
        let piece_len = self.pieces.get(k + 1).map_or(self.plain.len(), |(next, _)| *next) - p;
        // Code spans, escapes and entities make a piece's text differ from
        // its source ("`®`" is "®"); then only its ends map exactly.
        let mut at = if piece_len == range.len() {
            range.start + (i - p)
        } else if i == *p {
            range.start
        } else {
            range.end
        };
        at = at.min(source.len());
        while !source.is_char_boundary(at) {
            at -= 1;
        }
        at
    }
}

/// Parses a Markdown brief.
pub fn parse(text: &str) -> Parsed {
    let options =
        Options::ENABLE_YAML_STYLE_METADATA_BLOCKS | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut doc = Document::default();
    let mut front_matter = None;
    let mut section: Option<Section> = None;
    let mut gather: Option<Gather> = None;
    let mut heading: Option<(u8, Gather)> = None;
    let mut in_meta = false;
    let mut seen_recommendations = false;
    let mut item_depth = 0usize;
    let flush = |doc: &mut Document, g: Option<Gather>, section: Option<Section>, list_item: bool| {
        let Some(g) = g else { return };
        if g.plain.trim().is_empty() {
            return;
        }
        let span = Span::new(g.start.unwrap_or(0), g.end);
        let lead = g.lead.clone();
        // The headings above this block: its section's and a lower one after it.
        let mut heading = None;
        let mut subheading = None;
        for h in doc.headings.iter().rev() {
            if h.level >= 3 && heading.is_none() && subheading.is_none() {
                subheading = Some(h.text.clone());
            } else if h.level == 2 {
                heading = Some(h.text.clone());
                break;
            }
        }
        // A paragraph opened by "**Bottom line:**" is the summary.
        let summary_lead =
            lead.as_deref().is_some_and(|l| !list_item && Section::of_heading(l) == Section::Summary);
        let section = if summary_lead && section.is_none() { Some(Section::Summary) } else { section };
        doc.push_block(
            &g.plain,
            &|i| g.to_source(i, text),
            Block { span, section, list_item, lead, heading, subheading },
        );
    };
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_meta = false,
            Event::Text(t) if in_meta => {
                front_matter = Some((t.to_string(), range.start));
            }
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut doc, gather.take(), section, item_depth > 0);
                heading = Some((level as u8, Gather::default()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, g)) = heading.take() {
                    let text = collapse(&g.plain);
                    // Main sections are level 2; a lower heading with a section's
                    // name ("### Recommendations") counts too.
                    if level == 2 || (level > 2 && Section::of_heading(&text) != Section::Analysis) {
                        let mut found = Section::of_heading(&text);
                        // "Bottom line" after the recommendations closes the brief.
                        if found == Section::Summary && seen_recommendations {
                            found = Section::Conclusion;
                        }
                        seen_recommendations |= found == Section::Recommendations;
                        section = Some(found);
                    }
                    doc.headings.push(Heading { text, level, span: Span::new(range.start, range.end) });
                }
            }
            Event::Start(Tag::Paragraph)
                if (item_depth == 0 || gather.as_ref().is_none_or(|g| g.plain.trim().is_empty())) =>
            {
                flush(&mut doc, gather.take(), section, item_depth > 0);
                gather = Some(Gather { strong_at_start: true, ..Gather::default() });
            }
            Event::End(TagEnd::Paragraph) => {
                if item_depth == 0 {
                    flush(&mut doc, gather.take(), section, false);
                } else if let Some(g) = gather.as_mut() {
                    g.space();
                }
            }
            Event::Start(Tag::Item) => {
                flush(&mut doc, gather.take(), section, item_depth > 0);
                item_depth += 1;
                gather = Some(Gather { strong_at_start: true, ..Gather::default() });
            }
            Event::End(TagEnd::Item) => {
                flush(&mut doc, gather.take(), section, true);
                item_depth = item_depth.saturating_sub(1);
            }
            Event::Start(Tag::List(_)) if item_depth > 0 => {
                flush(&mut doc, gather.take(), section, true);
            }
            Event::Start(Tag::Strong) => {
                if let Some(g) = gather.as_mut() {
                    g.in_strong = true;
                    g.strong_at_start = g.strong_at_start && g.plain.trim().is_empty();
                }
            }
            Event::End(TagEnd::Strong) => {
                if let Some(g) = gather.as_mut() {
                    if g.strong_at_start && g.lead.is_none() {
                        let lead = g.strong_text.trim().trim_end_matches(['.', ':', '—', '–', '-']).trim();
                        if !lead.is_empty() {
                            g.lead = Some(lead.to_string());
                        }
                    }
                    g.in_strong = false;
                    g.strong_at_start = false;
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, g)) = heading.as_mut() {
                    g.push(&t, range);
                } else {
                    if gather.is_none() {
                        gather = Some(Gather::default());
                    }
                    if let Some(g) = gather.as_mut() {
                        if !g.in_strong && !t.trim().is_empty() {
                            g.strong_at_start = false;
                        }
                        g.push(&t, range);
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, g)) = heading.as_mut() {
                    g.space();
                } else if let Some(g) = gather.as_mut() {
                    g.space();
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(g) = gather.as_mut() {
                    g.space();
                }
            }
            _ => {}
        }
    }
    flush(&mut doc, gather.take(), section, item_depth > 0);
    Parsed { doc, front_matter }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BRIEF: &str = "---\ntitle: Sahel Outlook\nmarking: TLP:AMBER\n---\n\n# Sahel Outlook\n\n## Background\n\nJNIM expanded south. It now *raids* border posts.\n\n## Recommendations\n\n1. **Fund local mediation.** Donors should pool funds.\n2. Expand patrols along the border.\n\n## Outlook\n\nViolence will persist.\n";

    #[test]
    fn sections_lists_and_leads() {
        let parsed = parse(BRIEF);
        let doc = &parsed.doc;
        assert_eq!(parsed.front_matter.as_ref().map(|f| f.0.contains("TLP:AMBER")), Some(true));
        let sections: Vec<_> = doc.paragraphs.iter().map(|p| (p.section, p.list_item)).collect();
        assert_eq!(
            sections,
            [
                (Some(Section::Context), false),
                (Some(Section::Recommendations), true),
                (Some(Section::Recommendations), true),
                (Some(Section::Conclusion), false)
            ]
        );
        assert_eq!(doc.paragraphs[1].lead.as_deref(), Some("Fund local mediation"));
        assert_eq!(doc.headings[0].level, 1);
    }

    #[test]
    fn spans_point_into_the_source() {
        let parsed = parse(BRIEF);
        for s in &parsed.doc.sentences {
            let source = &BRIEF[s.span.start..s.span.end];
            let first = s.text.split_whitespace().next().unwrap().trim_matches('*');
            assert!(source.contains(first), "{source:?} vs {:?}", s.text);
        }
        assert_eq!(parsed.doc.sentences[1].text, "It now raids border posts.");
    }

    #[test]
    fn spans_stay_on_char_boundaries_in_code_spans() {
        // Regression (found by the property tests): a multi-byte character
        // in a code span mapped into the middle of that character.
        for text in ["`®`", "a `é` b.", "&amp; `ü` and \\* x"] {
            for s in &parse(text).doc.sentences {
                assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end), "{text:?}");
            }
        }
    }

    #[test]
    fn markdown_is_recognised_by_its_shape() {
        assert!(looks_like_markdown("---\ntitle: x\n---\nText"));
        assert!(looks_like_markdown("Intro\n\n## Background\nText"));
        assert!(!looks_like_markdown("Plain prose about #hashtags."));
    }
}
