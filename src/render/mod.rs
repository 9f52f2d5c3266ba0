//! The render stage: a [`Brief`] model in, PDF bytes out, through Typst.
//!
//! The model and the [`Settings`] reach the templates as JSON files
//! (`brief.json`, `settings.json`) read with `json(...)`; brief text is never
//! spliced into Typst source. [`Renderer`] holds what all compiles share
//! (library, fonts, templates). The one-page summary is re-rendered with
//! tighter [`Fit`] settings until it is one page.

mod world;

use std::fmt;

use serde::Serialize;
use typst::diag::{SourceDiagnostic, Warned};
use typst::ecow::EcoVec;
use typst::foundations::{Bytes, Datetime, Smart};
use typst_kit::diagnostics::{self, DiagnosticFormat, termcolor};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

pub use world::{BRIEF_FILE, BriefWorld, SETTINGS_FILE, Shared, Templates};

pub use crate::brand::Brand;
use crate::model::Brief;

/// The documents briefsmith makes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Product {
    /// The full briefing (A4).
    Briefing,
    /// The one-page summary (A4).
    Summary,
    /// The slide deck (16:9).
    Slides,
    /// The printed handout: each slide beside its speaker notes (A4).
    Handout,
    /// The slide deck as editable PowerPoint (`slides.pptx`).
    Pptx,
}

impl Product {
    /// The products built when none are named, in the order they are
    /// listed and rendered (`pptx` only when asked for).
    pub const ALL: [Product; 4] = [Product::Briefing, Product::Summary, Product::Slides, Product::Handout];

    /// The product's name: `briefing`, `summary`, `slides`.
    pub fn name(self) -> &'static str {
        match self {
            Product::Briefing => "briefing",
            Product::Summary => "summary",
            Product::Slides => "slides",
            Product::Handout => "handout",
            Product::Pptx => "pptx",
        }
    }

    /// The template that is its main file (the PowerPoint deck is written
    /// from the slides' plan).
    pub fn template(self) -> String {
        match self {
            Product::Pptx => "slides.typ".into(),
            _ => format!("{}.typ", self.name()),
        }
    }

    /// The file it is written to: `briefing.pdf`, …, `slides.pptx`.
    pub fn file_name(self) -> String {
        match self {
            Product::Pptx => "slides.pptx".into(),
            _ => format!("{}.pdf", self.name()),
        }
    }
}

impl fmt::Display for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Everything templates need besides the model.
#[derive(Debug, Clone, Serialize)]
pub struct Settings {
    /// The date printed on the documents ("25 November 2026").
    pub date: String,
    /// The marking printed on every page, in capitals.
    pub marking: String,
    /// "briefsmith 0.1.0".
    pub generator: String,
    /// Colours, fonts, organisation.
    pub brand: Brand,
    /// How densely the one-page summary is set.
    pub fit: Fit,
    /// Version, status, distribution and the like.
    pub document: DocumentControl,
    /// Source quotes for each item, for source notes.
    pub sources: Sources,
    /// The rendered slides and their notes, for the handout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handout: Option<Handout>,
    /// Slides laid out to be drawn inside the handout: without their own
    /// marking banners and DRAFT mark, which the handout's page carries once.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub handout_copy: bool,
    /// Files served to templates besides the model and settings (the logo,
    /// slide images for the handout), by root-relative path.
    #[serde(skip)]
    pub files: Vec<(String, Bytes)>,
    /// The moment the documents are dated, for PDF metadata.
    #[serde(skip)]
    pub timestamp: chrono::DateTime<chrono::Utc>,
    /// PDF standards the files must meet (none: plain tagged PDF 1.7).
    #[serde(skip)]
    pub pdf_standards: Vec<typst_pdf::PdfStandard>,
    /// The brand's reference deck for `slides.pptx`, if it names one.
    #[serde(skip)]
    pub reference_deck: Option<std::path::PathBuf>,
}

/// Document control, the same on every product and in the PDF metadata.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocumentControl {
    /// Version ("1.2").
    pub version: Option<String>,
    /// Status ("draft", "final").
    pub status: Option<String>,
    /// A draft carries a DRAFT mark on every page.
    pub draft: bool,
    /// Distribution statement.
    pub distribution: Option<String>,
    /// Author or issuing unit.
    pub author: Option<String>,
    /// PDF keywords (the threats' labels).
    pub keywords: Vec<String>,
}

/// Source quotes per item, aligned with the model's arrays.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Sources {
    /// One list per threat.
    pub threats: Vec<Vec<Quote>>,
    /// One list per recommendation.
    pub recommendations: Vec<Vec<Quote>>,
    /// One list per figure.
    pub figures: Vec<Vec<Quote>>,
    /// One list per event.
    pub events: Vec<Vec<Quote>>,
}

/// A sentence of the brief and the line it starts on.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Quote {
    /// 1-based line.
    pub line: usize,
    /// The sentence, whitespace collapsed.
    pub quote: String,
}

/// What the handout template lays out.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Handout {
    /// The slide images, in order.
    pub slides: Vec<SlideImage>,
    /// The speaker notes of each slide.
    pub notes: Vec<Vec<String>>,
}

/// One slide as the handout draws it: a page of the slides PDF, or (where
/// the PDF standard asked for forbids PDF images) an SVG file of its own.
#[derive(Debug, Clone, Serialize)]
pub struct SlideImage {
    /// Root-relative path of the image file.
    pub path: String,
    /// The page of a PDF file to draw (1-based); none for an SVG.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
}

/// Density settings for the one-page summary; each step of [`Fit::LADDER`]
/// leaves out more.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Fit {
    /// Body size in points (never below 8.5).
    pub body_size: f64,
    /// Sentences shown per threat besides its summary.
    pub max_points: usize,
    /// Recommendation detail: full, first sentence, or none.
    pub detail: Detail,
    /// Threats shown; the rest are counted.
    pub max_threats: usize,
    /// Recommendations shown; the rest are counted.
    pub max_recs: usize,
    /// Longest text shown before it is cut with an ellipsis.
    pub max_chars: usize,
}

/// How much of a recommendation's detail the summary shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Detail {
    /// All of it.
    Full,
    /// Its first sentence.
    First,
    /// Only the title.
    None,
}

impl Fit {
    /// From roomiest to tightest. The last step is small enough for any input.
    pub const LADDER: [Fit; 7] = [
        Fit {
            body_size: 10.5,
            max_points: 2,
            detail: Detail::First,
            max_threats: 99,
            max_recs: 99,
            max_chars: 600,
        },
        Fit {
            body_size: 10.0,
            max_points: 1,
            detail: Detail::First,
            max_threats: 99,
            max_recs: 99,
            max_chars: 400,
        },
        Fit {
            body_size: 9.5,
            max_points: 0,
            detail: Detail::First,
            max_threats: 99,
            max_recs: 99,
            max_chars: 300,
        },
        Fit {
            body_size: 9.0,
            max_points: 0,
            detail: Detail::None,
            max_threats: 10,
            max_recs: 12,
            max_chars: 240,
        },
        Fit {
            body_size: 8.5,
            max_points: 0,
            detail: Detail::None,
            max_threats: 8,
            max_recs: 10,
            max_chars: 200,
        },
        Fit {
            body_size: 8.5,
            max_points: 0,
            detail: Detail::None,
            max_threats: 6,
            max_recs: 8,
            max_chars: 160,
        },
        Fit {
            body_size: 8.5,
            max_points: 0,
            detail: Detail::None,
            max_threats: 4,
            max_recs: 5,
            max_chars: 110,
        },
    ];

    /// What this step leaves out of `brief`, in words, or `None` if nothing.
    pub fn omissions(&self, brief: &Brief) -> Option<String> {
        let mut parts = Vec::new();
        let points: usize =
            brief.threats.iter().map(|t| t.points.len().saturating_sub(self.max_points)).sum();
        if points > 0 {
            parts.push(format!("{points} threat points"));
        }
        if brief.threats.len() > self.max_threats {
            parts.push(format!(
                "{} of {} threats",
                brief.threats.len() - self.max_threats,
                brief.threats.len()
            ));
        }
        if brief.recommendations.len() > self.max_recs {
            let n = brief.recommendations.len();
            parts.push(format!("{} of {n} recommendations", n - self.max_recs));
        }
        match self.detail {
            Detail::None if !brief.recommendations.is_empty() => parts.push("recommendation details".into()),
            Detail::First if brief.recommendations.iter().any(|r| r.detail.contains(". ")) => {
                parts.push("all but the first sentence of recommendation details".into())
            }
            _ => {}
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// A rendered product.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// Which product.
    pub product: Product,
    /// The file: PDF, or for [`Product::Pptx`] a PowerPoint package.
    pub bytes: Vec<u8>,
    /// Page count.
    pub pages: usize,
    /// Things the user should know (what the summary left out, template warnings).
    pub messages: Vec<String>,
    /// The density the summary was set at (summary only).
    pub fit: Option<Fit>,
    /// Each slide's speaker notes (slides only).
    pub speaker_notes: Vec<Vec<String>>,
    /// The laid-out pages (slides only): a handout in PDF/A or PDF/UA draws
    /// them as SVG.
    pub document: Option<PagedDocument>,
}

/// Failures rendering a product.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template failed to compile; `report` holds the diagnostics as the
    /// typst CLI prints them (file:line:col and an excerpt).
    #[error("failed to render {product}\n{report}")]
    Template {
        /// Which product.
        product: Product,
        /// Formatted diagnostics.
        report: String,
    },
    /// The PDF standards asked for cannot be met together.
    #[error("failed to export {product} ({message})")]
    Standard {
        /// Which product.
        product: Product,
        /// Why.
        message: String,
    },
    /// The PowerPoint deck could not be written.
    #[error("failed to write slides.pptx ({message})")]
    Pptx {
        /// Why.
        message: String,
    },
    /// The one-page summary did not fit on one page even at its tightest.
    #[error(
        "failed to render summary (it does not fit on one page even with the tightest layout; {pages} pages)"
    )]
    SummaryOverflow {
        /// Pages at the tightest setting.
        pages: usize,
    },
}

/// Compiles products; holds what all compiles share.
pub struct Renderer {
    shared: Shared,
    templates: Templates,
    color: bool,
}

impl Renderer {
    /// A renderer over the given templates, with extra font folders (a
    /// brand's) offered before the built-in fonts.
    pub fn new(templates: Templates, font_dirs: &[std::path::PathBuf]) -> Self {
        Renderer { shared: Shared::new(font_dirs), templates, color: false }
    }

    /// Colour diagnostics (for a terminal).
    pub fn with_color(mut self, color: bool) -> Self {
        self.color = color;
        self
    }

    /// The templates in use.
    pub fn templates(&self) -> &Templates {
        &self.templates
    }

    /// Renders one product of `brief`.
    pub fn render(
        &self,
        brief: &Brief,
        product: Product,
        settings: &Settings,
    ) -> Result<Rendered, RenderError> {
        let brief_json = Bytes::from_string(brief.to_json());
        let mut rendered = Rendered {
            product,
            bytes: Vec::new(),
            pages: 0,
            messages: Vec::new(),
            fit: None,
            speaker_notes: Vec::new(),
            document: None,
        };
        if product == Product::Pptx {
            let (doc, messages) = self.compile(product, brief_json, settings)?;
            return Ok(Rendered { messages, ..pptx_from(&doc, settings)? });
        }
        if product != Product::Summary {
            let (doc, messages) = self.compile(product, brief_json, settings)?;
            rendered.bytes = self.export(product, &doc, settings)?;
            rendered.pages = doc.pages().len();
            rendered.messages = messages;
            if product == Product::Slides {
                rendered.speaker_notes = speaker_notes(&doc);
                rendered.document = Some(doc);
            }
            return Ok(rendered);
        }
        let mut last_pages = 0;
        for fit in Fit::LADDER {
            let settings = Settings { fit, ..settings.clone() };
            let (doc, mut messages) = self.compile(product, brief_json.clone(), &settings)?;
            let pages = doc.pages().len();
            if pages == 1 {
                if let Some(left_out) = fit.omissions(brief) {
                    messages.push(format!("summary shortened to fit one page (left out: {left_out})"));
                }
                rendered.bytes = self.export(product, &doc, &settings)?;
                rendered.pages = pages;
                rendered.messages = messages;
                rendered.fit = Some(fit);
                return Ok(rendered);
            }
            last_pages = pages;
        }
        Err(RenderError::SummaryOverflow { pages: last_pages })
    }

    /// Lays out one product for a preview: the summary at the roomiest
    /// density that keeps it to one page, as [`Renderer::render`] picks it;
    /// nothing is exported.
    pub fn preview(
        &self,
        brief: &Brief,
        product: Product,
        settings: &Settings,
    ) -> Result<PagedDocument, RenderError> {
        if product != Product::Summary {
            return self.document(brief, product, settings);
        }
        let mut last_pages = 0;
        for fit in Fit::LADDER {
            let doc = self.document(brief, product, &Settings { fit, ..settings.clone() })?;
            if doc.pages().len() == 1 {
                return Ok(doc);
            }
            last_pages = doc.pages().len();
        }
        Err(RenderError::SummaryOverflow { pages: last_pages })
    }

    /// Lays out one product with `settings` as given (no fitting), for
    /// callers that inspect pages rather than export them.
    pub fn document(
        &self,
        brief: &Brief,
        product: Product,
        settings: &Settings,
    ) -> Result<PagedDocument, RenderError> {
        let brief_json = Bytes::from_string(brief.to_json());
        Ok(self.compile(product, brief_json, settings)?.0)
    }

    /// Compiles one product with the given settings.
    fn compile(
        &self,
        product: Product,
        brief_json: Bytes,
        settings: &Settings,
    ) -> Result<(PagedDocument, Vec<String>), RenderError> {
        let world = self.world(product, brief_json, settings);
        let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
        let doc = output
            .map_err(|errors| RenderError::Template { product, report: self.report(&world, &errors) })?;
        let messages = if warnings.is_empty() {
            Vec::new()
        } else {
            vec![self.report(&world, &collapse_repeats(warnings))]
        };
        Ok((doc, messages))
    }

    /// Exports a compiled product as PDF.
    fn export(
        &self,
        product: Product,
        doc: &PagedDocument,
        settings: &Settings,
    ) -> Result<Vec<u8>, RenderError> {
        let standards = typst_pdf::PdfStandards::new(&settings.pdf_standards)
            .map_err(|err| RenderError::Standard { product, message: err.message().to_string() })?;
        let options = PdfOptions {
            ident: Smart::Custom(format!("briefsmith-{product}")),
            timestamp: Some(Timestamp::new_utc(to_datetime(settings.timestamp))),
            standards,
            ..PdfOptions::default()
        };
        typst_pdf::pdf(doc, &options).map_err(|errors| {
            let world = self.world(product, Bytes::new(Vec::new()), settings);
            RenderError::Template { product, report: self.report(&world, &errors) }
        })
    }

    fn world(&self, product: Product, brief_json: Bytes, settings: &Settings) -> BriefWorld<'_> {
        let settings_json = Bytes::from_string(serde_json::to_string(settings).unwrap_or_default());
        let today = to_datetime(settings.timestamp);
        let files = settings.files.clone();
        BriefWorld::new(
            &self.shared,
            &self.templates,
            &product.template(),
            brief_json,
            settings_json,
            files,
            today,
        )
    }

    /// Formats diagnostics the way the typst CLI does.
    fn report(&self, world: &BriefWorld, diags: &EcoVec<SourceDiagnostic>) -> String {
        let mut buffer = termcolor::Buffer::no_color();
        if self.color {
            buffer = termcolor::Buffer::ansi();
        }
        if diagnostics::emit(&mut buffer, world, diags, DiagnosticFormat::Human).is_err() {
            return diags.iter().map(|d| d.message.to_string()).collect::<Vec<_>>().join("\n");
        }
        String::from_utf8_lossy(buffer.as_slice()).trim_end().to_string()
    }
}

/// The PowerPoint deck from the laid-out slides (the slides PDF's own
/// layout, when both are made).
pub fn pptx_from(doc: &PagedDocument, settings: &Settings) -> Result<Rendered, RenderError> {
    let notes = speaker_notes(doc);
    let slides = crate::pptx::plan::read(doc, &notes).map_err(|why| RenderError::Pptx { message: why })?;
    let bytes =
        crate::pptx::write(&slides, settings).map_err(|e| RenderError::Pptx { message: e.to_string() })?;
    Ok(Rendered {
        product: Product::Pptx,
        bytes,
        pages: slides.len(),
        messages: Vec::new(),
        fit: None,
        speaker_notes: notes,
        document: None,
    })
}

/// The `<speaker-notes>` metadata of a slide deck: one list per page.
fn speaker_notes(doc: &PagedDocument) -> Vec<Vec<String>> {
    use typst::foundations::{Label, Selector};
    use typst::introspection::{Introspector as _, MetadataElem};
    use typst::utils::PicoStr;

    let mut notes = vec![Vec::new(); doc.pages().len()];
    let Some(label) = Label::new(PicoStr::intern("speaker-notes")) else { return notes };
    for content in doc.introspector().query(&Selector::Label(label)) {
        let Some(meta) = content.to_packed::<MetadataElem>() else { continue };
        let Ok(value) = serde_json::to_value(&meta.value) else { continue };
        let page = value.get("page").and_then(serde_json::Value::as_u64).unwrap_or(0) as usize;
        let lines: Vec<String> = value
            .get("notes")
            .and_then(serde_json::Value::as_array)
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        if let Some(slot) = page.checked_sub(1).and_then(|i| notes.get_mut(i)) {
            slot.extend(lines);
        }
    }
    notes
}

/// A chrono UTC time as a Typst datetime.
fn to_datetime(t: chrono::DateTime<chrono::Utc>) -> Datetime {
    use chrono::{Datelike, Timelike};
    Datetime::from_ymd_hms(
        t.year(),
        t.month() as u8,
        t.day() as u8,
        t.hour() as u8,
        t.minute() as u8,
        t.second() as u8,
    )
    .unwrap_or_else(|| Datetime::from_ymd(2000, 1, 1).expect("valid date"))
}

/// Warnings with the same message once each, the first with how many times
/// it came: Typst warns at every use of, say, a font family it does not
/// have, which in a template is dozens of lines saying one thing.
fn collapse_repeats(warnings: EcoVec<SourceDiagnostic>) -> EcoVec<SourceDiagnostic> {
    let mut seen: Vec<(SourceDiagnostic, usize)> = Vec::new();
    for warning in warnings {
        match seen.iter_mut().find(|(w, _)| w.severity == warning.severity && w.message == warning.message) {
            Some((_, count)) => *count += 1,
            None => seen.push((warning, 1)),
        }
    }
    seen.into_iter()
        .map(|(mut warning, count)| {
            if count > 1 {
                warning.message = typst::ecow::eco_format!("{} ({count} times)", warning.message);
            }
            warning
        })
        .collect()
}

#[cfg(test)]
mod collapse_tests {
    use typst::syntax::Span;

    use super::*;

    #[test]
    fn repeated_warnings_become_one_with_a_count() {
        let warn = |m: &str| SourceDiagnostic::warning(Span::detached(), m);
        let warnings: EcoVec<SourceDiagnostic> =
            [warn("unknown font family: lato"), warn("other"), warn("unknown font family: lato")]
                .into_iter()
                .collect();
        let messages: Vec<String> =
            collapse_repeats(warnings).iter().map(|w| w.message.to_string()).collect();
        assert_eq!(messages, ["unknown font family: lato (2 times)", "other"]);
    }
}
