//! The slide plan: what `slides.typ` decided for each slide, read back from
//! the laid-out deck.
//!
//! Every slide of `slides.typ` emits its parts as `<slide-plan>` metadata —
//! the texts exactly as the PDF deck shows them (shortened or not) and the
//! sizes its fit rules chose — so the PowerPoint deck is written from the
//! same decisions and never needs fit rules of its own. Sizes and heights
//! are in points of the Typst page (297 × 167.06 mm).

use serde::Deserialize;
use typst_layout::PagedDocument;

/// One slide: its parts in the order the template emitted them, and its
/// speaker notes.
#[derive(Debug, Clone, Default)]
pub struct Slide {
    /// What the slide shows.
    pub parts: Vec<Part>,
    /// The speaker notes, one paragraph each.
    pub notes: Vec<String>,
}

/// One part of a slide.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "part", rename_all = "kebab-case")]
pub enum Part {
    /// What every slide shares: document control and the brand (title slide only).
    Deck(Box<Deck>),
    /// The title slide's kicker, title and subtitle.
    #[serde(rename_all = "kebab-case")]
    Title {
        /// "Organisation · Briefing".
        kicker: String,
        /// The title as fitted.
        title: String,
        /// Its size.
        size: f64,
        /// Its height at that size.
        title_height: f64,
        /// The subtitle ("" for none).
        subtitle: String,
        /// Its size.
        subtitle_size: f64,
        /// Its height at that size.
        subtitle_height: f64,
    },
    /// The title slide's document control block.
    Control {
        /// Text size.
        size: f64,
        /// Date, author, "v1.2 · Draft": those there are.
        line: Vec<String>,
        /// The marking ("" for none).
        marking: String,
        /// The distribution statement ("" for none).
        distribution: String,
    },
    /// A content slide's kicker and headline.
    Top {
        /// Small capitals above the headline ("" for none).
        kicker: String,
        /// The headline.
        head: String,
        /// Its size.
        size: f64,
        /// Kicker, headline and accent rule together.
        height: f64,
    },
    /// Numbered key judgements (the bottom line).
    Numbered {
        /// Text size.
        size: f64,
        /// The judgements as shown.
        items: Vec<String>,
    },
    /// The agenda.
    Agenda {
        /// Text size.
        size: f64,
        /// One or two columns.
        columns: u8,
        /// The sections and threats.
        entries: Vec<AgendaEntry>,
    },
    /// The threat overview table.
    #[serde(rename_all = "kebab-case")]
    Table {
        /// Text size.
        size: f64,
        /// One row per threat.
        rows: Vec<TableRow>,
        /// The width of the label column.
        label_width: f64,
    },
    /// A threat's points.
    Bullets {
        /// Text size.
        size: f64,
        /// The first point is the moved headline, set in bold.
        lead: bool,
        /// Figures stand beside the points (the points take the left column).
        beside: bool,
        /// The points as shown.
        items: Vec<String>,
    },
    /// A threat's figures, shown large.
    Figures {
        /// Label size (the number is larger).
        size: f64,
        /// In a row across the slide (no points), else a column at the right.
        row: bool,
        /// The figures.
        items: Vec<FigureItem>,
    },
    /// The timeline.
    #[serde(rename_all = "kebab-case")]
    Events {
        /// Text size.
        size: f64,
        /// Events left off the slide.
        extra: usize,
        /// The width of the date column.
        date_width: f64,
        /// The events shown.
        items: Vec<EventItem>,
    },
    /// Recommendations.
    #[serde(rename_all = "kebab-case")]
    Recs {
        /// Title size.
        size: f64,
        /// Detail size.
        detail_size: f64,
        /// The recommendations on this slide.
        items: Vec<RecItem>,
    },
    /// Paragraphs (the conclusion).
    Paras {
        /// Text size.
        size: f64,
        /// The first paragraph is the moved headline, set in bold.
        lead: bool,
        /// The paragraphs as shown.
        items: Vec<String>,
    },
}

/// Document control and the brand, as the templates resolved them.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Deck {
    /// The brief's title.
    pub title: String,
    /// The issuing organisation ("" for none).
    pub organization: String,
    /// The display date.
    pub date: String,
    /// The marking, in capitals ("" for none).
    pub marking: String,
    /// The marking as the centre of the marking rows shows it ("" when it
    /// is nothing but a TLP label, which stands at the side instead).
    pub banner: String,
    /// The TLP 2.0 label in the marking ("" for none).
    pub tlp: String,
    /// Its colour, `#rrggbb`.
    #[serde(rename = "tlp-colour")]
    pub tlp_colour: String,
    /// "v1.2" ("" for none).
    pub version: String,
    /// "Draft" ("" for none).
    pub status: String,
    /// Whether the DRAFT mark is shown.
    pub draft: bool,
    /// The brand's footer line.
    pub footer: String,
    /// Author(s) for the document properties.
    pub author: Vec<String>,
    /// Keywords for the document properties.
    pub keywords: Vec<String>,
    /// The logo's path among the served files ("" for none).
    pub logo: String,
    /// Brand colours as `#rrggbb`.
    pub primary: String,
    /// Accent colour.
    pub accent: String,
    /// Body text colour.
    pub text: String,
    /// Secondary text colour.
    pub muted: String,
    /// Tint for boxes.
    pub light: String,
    /// The sans-serif family.
    pub sans: String,
}

/// An agenda line.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AgendaEntry {
    /// "Bottom line", or a threat's label.
    pub label: String,
    /// A threat's name ("" for none).
    pub name: String,
    /// A threat under "Threat overview".
    pub sub: bool,
    /// The slide it starts on.
    pub slide: String,
}

/// A row of the threat overview.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TableRow {
    /// The threat's label.
    pub label: String,
    /// `risk` for a risk that is no actor.
    pub kind: String,
    /// Its key fact.
    pub fact: String,
}

/// A figure shown large.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FigureItem {
    /// "At least" ("" for none).
    pub qualifier: String,
    /// The number, formatted (and shortened if it had to be).
    pub value: String,
    /// Its size.
    #[serde(rename = "value-size")]
    pub value_size: f64,
    /// What it counts.
    pub label: String,
}

/// A timeline entry.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct EventItem {
    /// The date as shown.
    pub date: String,
    /// Dated only relatively ("over the past year").
    pub relative: bool,
    /// What happened.
    pub text: String,
}

/// A recommendation.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RecItem {
    /// Its number in the whole list.
    pub number: usize,
    /// Its title.
    pub title: String,
    /// Its detail ("" when not shown).
    pub detail: String,
}

/// The slides of a laid-out `slides.typ`, one per page, with their notes.
/// `Err` names what is missing when the template emits no plan (a user's
/// own template from before the plan existed).
pub fn read(doc: &PagedDocument, notes: &[Vec<String>]) -> Result<Vec<Slide>, String> {
    use typst::foundations::{Label, Selector};
    use typst::introspection::{Introspector as _, MetadataElem};
    use typst::utils::PicoStr;

    let mut slides = vec![Slide::default(); doc.pages().len()];
    let label = Label::new(PicoStr::intern("slide-plan")).ok_or("no slide plan")?;
    for content in doc.introspector().query(&Selector::Label(label)) {
        let Some(meta) = content.to_packed::<MetadataElem>() else { continue };
        let value = serde_json::to_value(&meta.value).map_err(|e| e.to_string())?;
        let page = value.get("page").and_then(serde_json::Value::as_u64).unwrap_or(0) as usize;
        let part: Part =
            serde_json::from_value(value).map_err(|e| format!("a slide plan part is malformed ({e})"))?;
        let Some(slide) = page.checked_sub(1).and_then(|i| slides.get_mut(i)) else { continue };
        // A part laid out twice on its page (a fit box measured again) counts once.
        if !slide.parts.contains(&part) {
            slide.parts.push(part);
        }
    }
    if !slides.iter().flat_map(|s| &s.parts).any(|p| matches!(p, Part::Deck(_))) {
        return Err("the slides template emits no slide plan (`<slide-plan>` metadata)".into());
    }
    for (slide, notes) in slides.iter_mut().zip(notes) {
        slide.notes = notes.clone();
    }
    Ok(slides)
}
