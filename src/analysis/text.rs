//! Paragraphs, sentences and words with their byte spans.
//!
//! The first step of the analysis. Sentence boundaries come from the Unicode
//! text segmentation rules (UAX #29, the `unicode-segmentation` crate), with
//! a repair for abbreviations such as "U.S." that those rules split after.
//! Every later step works on these sentences and keeps their spans, which is
//! how each item of the model points back at its source.

use unicode_segmentation::UnicodeSegmentation;

use crate::model::Span;

/// A sentence of the input.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Where it is in the input.
    pub span: Span,
    /// Its text with runs of whitespace collapsed to one space.
    pub text: String,
    /// Index of its paragraph.
    pub para: usize,
}

/// The part of a brief a block belongs to, from its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Summary, key judgments, bottom line up front.
    Summary,
    /// Background, context, situation.
    Context,
    /// Findings, assessment, threats: the analysis proper.
    Analysis,
    /// Recommendations, policy options, the way forward.
    Recommendations,
    /// Conclusion, outlook.
    Conclusion,
}

impl Section {
    /// The section a heading announces. Unknown headings (an actor's name,
    /// a topic) are analysis.
    pub fn of_heading(heading: &str) -> Section {
        let h = heading.to_lowercase();
        let has = |keys: &[&str]| keys.iter().any(|k| h.contains(k));
        if h.contains("bottom line") && h.len() < 14 {
            // A summary at the top, a conclusion at the end: the caller
            // decides by position.
            Section::Summary
        } else if has(&[
            "recommend",
            "way forward",
            "policy option",
            "options for",
            "should be done",
            "next step",
            "what to do",
            "action",
            "proposal",
            "priorities for",
            "mitigation",
            "for congress",
            "congressional consideration",
            "policy consideration",
            "what we propose",
        ]) {
            Section::Recommendations
        } else if has(&["conclu", "outlook", "looking ahead", "final thought", "closing"]) {
            Section::Conclusion
        } else if has(&[
            "summary",
            "bottom line",
            "bluf",
            "key judg",
            "key point",
            "takeaway",
            "key message",
            "in brief",
            "at a glance",
        ]) {
            Section::Summary
        } else if has(&[
            "background",
            "context",
            "introduc",
            "situation",
            "overview",
            "state of play",
            "setting",
        ]) {
            Section::Context
        } else {
            Section::Analysis
        }
    }
}

/// Whether a heading announces threats, risks or actors ("Risks",
/// "Threat actors", "Armed groups").
pub fn names_threats(heading: &str) -> bool {
    let h = heading.to_lowercase();
    ["threat", "risk", "actor", "adversar", "perpetrator", "groups"].iter().any(|k| h.contains(k))
}

/// A paragraph (or list item): a span and the indices of its sentences.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// Where it is in the input.
    pub span: Span,
    /// Indices into [`Document::sentences`].
    pub sentences: Vec<usize>,
    /// The section its heading puts it in; `None` in a brief without headings.
    pub section: Option<Section>,
    /// Whether it is an item of a bulleted or numbered list.
    pub list_item: bool,
    /// A bold run-in at its start ("**Expand patrols.** Pool assets …").
    pub lead: Option<String>,
    /// The section heading it sits under ("Threat actors").
    pub heading: Option<String>,
    /// A lower-level heading it sits under ("Al-Shabaab").
    pub subheading: Option<String>,
}

/// A heading of the brief.
#[derive(Debug, Clone)]
pub struct Heading {
    /// Its text.
    pub text: String,
    /// 1 for a title, 2 for a section, and so on.
    pub level: u8,
    /// Where it is in the input.
    pub span: Span,
}

/// How a block of text sits in the brief, for [`Document::push_block`].
#[derive(Debug, Clone, Default)]
pub struct Block {
    /// Its span in the input.
    pub span: Span,
    /// Its section, if the brief has headings.
    pub section: Option<Section>,
    /// A list item.
    pub list_item: bool,
    /// A bold run-in at its start.
    pub lead: Option<String>,
    /// The section heading above it.
    pub heading: Option<String>,
    /// A lower-level heading above it.
    pub subheading: Option<String>,
}

/// The input cut into paragraphs and sentences.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// All sentences in text order.
    pub sentences: Vec<Sentence>,
    /// All paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Headings in text order (empty for plain prose).
    pub headings: Vec<Heading>,
}

impl Document {
    /// Segments plain text. Paragraphs are separated by blank lines; when the
    /// text has no blank lines at all (a paste from a word processor), every
    /// line is a paragraph. A short line without final punctuation followed by
    /// more text is a heading ("Recommendations").
    pub fn parse(text: &str) -> Self {
        let mut doc = Document::default();
        let spans = paragraph_spans(text);
        let mut section = None;
        for (i, &span) in spans.iter().enumerate() {
            let body = &text[span.start..span.end];
            if i + 1 < spans.len() && looks_like_heading(body) {
                // The first line of a pasted brief is its title, not a section.
                let level = if i == 0 { 1 } else { 2 };
                if level == 2 {
                    section = Some(Section::of_heading(body));
                }
                doc.headings.push(Heading { text: collapse(body), level, span });
                continue;
            }
            // Line breaks inside a paragraph are wrapping, not sentence ends:
            // UAX #29 breaks after every line feed, so they become spaces (one
            // byte for one byte, so offsets hold).
            let plain: String = body.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
            let heading = doc.headings.iter().rev().find(|h| h.level == 2).map(|h| h.text.clone());
            doc.push_block(&plain, &|i| span.start + i, Block { span, section, heading, ..Block::default() });
        }
        doc
    }

    /// Adds a paragraph whose plain text is `plain`; `to_source` maps a byte
    /// offset in `plain` to one in the input.
    pub fn push_block(&mut self, plain: &str, to_source: &dyn Fn(usize) -> usize, block: Block) {
        let para = self.paragraphs.len();
        let mut sentences = Vec::new();
        for (start, end) in sentence_ranges(plain) {
            sentences.push(self.sentences.len());
            let span = Span::new(to_source(start), to_source(end).max(to_source(start)));
            self.sentences.push(Sentence { span, text: collapse(&plain[start..end]), para });
        }
        if !sentences.is_empty() {
            let Block { span, section, list_item, lead, heading, subheading } = block;
            self.paragraphs.push(Paragraph {
                span,
                sentences,
                section,
                list_item,
                lead,
                heading,
                subheading,
            });
        }
    }

    /// The text of paragraph `i`, whitespace collapsed.
    pub fn paragraph_text(&self, i: usize) -> String {
        let para = &self.paragraphs[i];
        para.sentences.iter().map(|&s| self.sentences[s].text.as_str()).collect::<Vec<_>>().join(" ")
    }

    /// Whether the brief has headings that name its sections.
    pub fn has_sections(&self) -> bool {
        self.paragraphs.iter().any(|p| p.section.is_some())
    }
}

/// A short line with no final punctuation: "Background", "The Way Forward".
fn looks_like_heading(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    (1..=8).contains(&words)
        && !line.contains('\n')
        && !line.ends_with(['.', '!', '?', ';', ',', ':', '"', '”', ')'])
        && line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Spans of paragraphs, trimmed of surrounding whitespace.
fn paragraph_spans(text: &str) -> Vec<Span> {
    let has_blank_lines = text.trim().lines().any(|l| l.trim().is_empty());
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        let line_start = offset;
        offset += line.len();
        if blank {
            if let Some(s) = start.take() {
                spans.push(Span::new(s, end));
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let content_end = line_start + line.trim_end().len();
        if has_blank_lines {
            start.get_or_insert(line_start + lead);
            end = content_end;
        } else {
            spans.push(Span::new(line_start + lead, content_end));
        }
    }
    if let Some(s) = start {
        spans.push(Span::new(s, end));
    }
    spans
}

/// Sentence byte ranges inside a paragraph's plain text, trimmed.
fn sentence_ranges(plain: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, s) in plain.split_sentence_bound_indices() {
        let trimmed = s.trim_end();
        let lead = trimmed.len() - trimmed.trim_start().len();
        let trimmed = trimmed.trim_start();
        if trimmed.is_empty() {
            continue;
        }
        let range = (i + lead, i + lead + trimmed.len());
        match out.last_mut() {
            Some(prev) if continues(&plain[prev.0..prev.1], trimmed) => prev.1 = range.1,
            _ => out.push(range),
        }
    }
    out
}

/// Abbreviations that never end a sentence: titles before a name, Latin
/// abbreviations inside one.
#[rustfmt::skip]
const INNER_ABBREVIATIONS: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "gen.", "col.", "lt.", "maj.", "capt.", "sgt.",
    "adm.", "gov.", "sen.", "rep.", "amb.", "pres.", "sec.", "e.g.", "i.e.", "vs.", "cf.",
    "approx.", "fig.", "p.", "pp.", "para.", "al.", "art.", "ch.", "vol.", "ed.",
];

/// Abbreviations that end a sentence when the next word opens one ("… in
/// the U.S. The group …"), and do not otherwise ("U.S. Army").
#[rustfmt::skip]
const FINAL_ABBREVIATIONS: &[&str] = &[
    "u.s.", "u.k.", "u.n.", "e.u.", "u.s.a.", "etc.", "inc.", "ltd.", "co.", "corp.", "a.m.",
    "p.m.", "jr.", "sr.", "no.", "nos.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sep.", "sept.", "oct.", "nov.", "dec.",
];

/// Closed-class words that open sentences and never continue a name: after
/// "U.S." they show that a new sentence has begun.
#[rustfmt::skip]
const SENTENCE_OPENERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "that", "it", "its", "they", "their", "we", "our",
    "he", "she", "his", "her", "i", "in", "on", "at", "for", "from", "with", "like", "as", "but",
    "and", "or", "however", "moreover", "while", "when", "if", "since", "after", "before",
    "during", "although", "though", "some", "many", "most", "all", "each", "both", "other",
    "such", "there", "here", "what", "how", "why", "where", "who", "yet", "still", "also",
    "meanwhile", "instead", "despite", "because", "unlike", "according", "by", "to", "one", "no",
    "not", "further", "furthermore", "finally", "first", "second", "third", "then", "thus",
];

/// Whether the segment `next` continues the sentence `prev` (UAX #29 broke
/// after an abbreviation, or inside a quotation).
fn continues(prev: &str, next: &str) -> bool {
    if starts_lowercase(next) {
        return true;
    }
    let last = prev.split_whitespace().last().unwrap_or("");
    let last = last.trim_start_matches(['(', '"', '\'', '“', '‘']).to_lowercase();
    if INNER_ABBREVIATIONS.contains(&last.as_str()) {
        return true;
    }
    let first = next.split_whitespace().next().unwrap_or("");
    let first_word: String =
        first.chars().take_while(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
    if FINAL_ABBREVIATIONS.contains(&last.as_str()) {
        // "No. 5", "Jan. 6": a number follows; "U.S. The": a sentence does.
        let number = first.chars().next().is_some_and(|c| c.is_ascii_digit());
        return number || !SENTENCE_OPENERS.contains(&first_word.as_str()) && !first.starts_with(['"', '“']);
    }
    // A single capital initial ("J. Smith"), not a one-letter sentence end.
    let mut chars = last.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_alphabetic())
        && !SENTENCE_OPENERS.contains(&first_word.as_str())
}

/// A "sentence" that starts in lower case continues the previous one (UAX #29
/// breaks after "?" or "!" inside quotations, for instance).
fn starts_lowercase(s: &str) -> bool {
    s.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase)
}

/// Upper-cases the first letter.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Collapses runs of whitespace to single spaces.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A word of a sentence with its byte range inside the sentence text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word, without surrounding punctuation or a possessive `'s`.
    pub text: &'a str,
    /// Byte offset inside the sentence text.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// The character right after the word (punctuation matters to callers).
    pub next: Option<char>,
}

impl Word<'_> {
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Splits a sentence into words. Inner hyphens and apostrophes stay inside a
/// word ("Tehreek-i-Taliban", "al-Qa'ida"); a trailing possessive is dropped.
pub fn words(s: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let is_inner = |c: char| matches!(c, '-' | '\'' | '’' | '‑' | '.' | '&');
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        // "11,000" is one word: a comma between digits is inside a number.
        let digit_comma = c == ','
            && k > 0
            && chars[k - 1].1.is_ascii_digit()
            && chars.get(k + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
        let word_char = c.is_alphanumeric()
            || digit_comma
            || (is_inner(c)
                && start.is_some()
                && chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphanumeric()));
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                push_word(s, st, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        push_word(s, st, s.len(), &mut out);
    }
    out
}

fn push_word<'a>(s: &'a str, start: usize, mut end: usize, out: &mut Vec<Word<'a>>) {
    let text = &s[start..end];
    for suffix in ["'s", "’s"] {
        if text.len() > suffix.len() && text.ends_with(suffix) {
            end -= suffix.len();
        }
    }
    let next = s[end..].chars().next();
    out.push(Word { text: &s[start..end], start, end, next });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_paragraphs_without_blank_lines() {
        let doc = Document::parse("One. Two.\nThree.\n");
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.sentences[2].text, "Three.");
    }

    #[test]
    fn blank_lines_separate_wrapped_paragraphs() {
        let text = "A wrapped\nsentence here. And\nanother.\n\nSecond para.";
        let doc = Document::parse(text);
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.sentences[0].text, "A wrapped sentence here.");
        let s = doc.sentences[1].span;
        assert_eq!(&text[s.start..s.end], "And\nanother.");
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let doc = Document::parse("Officials from the U.S. Army met Dr. Khan. Then they left.");
        assert_eq!(doc.sentences.len(), 2, "{:?}", doc.sentences);
        let doc = Document::parse("Allies, e.g. Japan, agreed on Jan. 6 under Resolution No. 2699. It held.");
        assert_eq!(doc.sentences.len(), 2, "{:?}", doc.sentences);
    }

    #[test]
    fn an_abbreviation_can_end_a_sentence() {
        let doc =
            Document::parse("Most victims are in the U.S. The group also hit the U.K. Its leaders fled.");
        let texts: Vec<&str> = doc.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Most victims are in the U.S.", "The group also hit the U.K.", "Its leaders fled."]
        );
    }

    #[test]
    fn words_keep_inner_hyphens_and_drop_possessives() {
        let w: Vec<_> = words("The group’s ties to al-Qa'ida (ISIS-K).").iter().map(|w| w.text).collect();
        assert_eq!(w, ["The", "group", "ties", "to", "al-Qa'ida", "ISIS-K"]);
    }
}
