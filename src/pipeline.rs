//! The pipeline that ties the stages together: read → analyse (or load a
//! model) → render → write. The subcommands of [`crate::run`] are thin
//! wrappers over these functions.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, NaiveDate, Utc};

use crate::analysis::{self, Options};
use crate::brand;
use crate::cli::{AnalysisArgs, OutputArgs};
use crate::input::{self, InputKind};
use crate::model::Brief;
use crate::model::{SourceFile, Span, sha256_hex};
use crate::output;
use crate::render::{
    Brand, DocumentControl, Fit, Handout, Product, Quote, Rendered, Renderer, Settings, SlideImage, Sources,
    Templates,
};
use crate::{Error, input::Input};
use typst::foundations::Bytes;

/// The marking used when neither the brief nor the user gives one.
pub const DEFAULT_MARKING: &str = "UNCLASSIFIED";

/// A brief read and analysed, with its corrections applied.
#[derive(Debug)]
pub struct Loaded {
    /// The file as read.
    pub input: Input,
    /// Its model.
    pub brief: Brief,
    /// Corrections whose anchor is gone (`file:line: …`), one line each.
    pub unresolved: Vec<String>,
}

/// Reads a brief or model file and returns it with its model: a brief is
/// analysed and its corrections file (`NAME.corrections.toml` beside it),
/// if any, applied on top, unless `--no-corrections`.
pub fn load(path: &Path, analysis: &AnalysisArgs) -> Result<Loaded, Error> {
    let input = input::read(path)?;
    let mut brief = analyse(&input, analysis)?;
    let mut unresolved = Vec::new();
    let wanted = input.kind == InputKind::Text && !analysis.no_corrections;
    if wanted && let Some(file) = crate::corrections::File::find(&input.path)? {
        unresolved = crate::corrections::apply(&mut brief, &file, &input.text, is_markdown(&input.path));
    }
    if let (InputKind::Model, Some(title)) = (input.kind, &analysis.title) {
        brief.meta.title = title.clone();
    }
    Ok(Loaded { input, brief, unresolved })
}

/// Whether the file is Markdown by its name (the analysis also recognises
/// Markdown by its look).
pub fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
        || input::is_docx_path(path)
}

/// The model of a file as read, before corrections: the analysis of a brief
/// (naming the brief as its source), or the model a model file holds.
pub fn analyse(input: &Input, analysis: &AnalysisArgs) -> Result<Brief, Error> {
    Ok(match input.kind {
        InputKind::Model if input.path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml")) => {
            Brief::from_toml(&input.text, &input.path)?
        }
        InputKind::Model => Brief::from_json(&input.text, &input.path)?,
        InputKind::Text => {
            let options = Options { title: analysis.title.clone(), markdown: is_markdown(&input.path) };
            let mut brief = analysis::analyse(&input.text, &options)
                .map_err(|source| Error::FrontMatter { path: input.path.clone(), source })?;
            brief.meta.source = Some(SourceFile::of(&input.path, &input.text));
            brief
        }
    })
}

/// The settings for rendering `brief` under the given options and brand.
/// `source` is the brief's text, for source notes (none for a model file).
pub fn settings(brief: &Brief, args: &OutputArgs, brand: &brand::Loaded, source: Option<&str>) -> Settings {
    let timestamp = args
        .creation_timestamp
        .and_then(|secs| DateTime::<Utc>::from_timestamp(secs, 0))
        .unwrap_or_else(Utc::now);
    let date = match brief.meta.date.as_deref() {
        Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(|d| d.format("%-d %B %Y").to_string())
            .unwrap_or_else(|_| d.to_string()),
        None => timestamp.format("%-d %B %Y").to_string(),
    };
    let marking = args
        .marking
        .clone()
        .or_else(|| brief.meta.marking.clone())
        .or_else(|| brand.marking.clone())
        .unwrap_or_else(|| DEFAULT_MARKING.to_string())
        .to_uppercase();
    let status = args.status.clone().or_else(|| brief.meta.status.clone());
    let document = DocumentControl {
        version: args.doc_version.clone().or_else(|| brief.meta.version.clone()),
        draft: status.as_deref().is_some_and(|s| s.eq_ignore_ascii_case("draft")),
        status,
        distribution: args
            .distribution
            .clone()
            .or_else(|| brief.meta.distribution.clone())
            .or_else(|| brand.distribution.clone()),
        author: args.author.clone().or_else(|| brief.meta.author.clone()),
        keywords: brief.threats.iter().map(|t| t.label.clone()).collect(),
    };
    let mut files = Vec::new();
    if let (Some(path), Some(bytes)) = (&brand.brand.logo, &brand.logo) {
        files.push((path.clone(), Bytes::new(bytes.clone())));
    }
    Settings {
        date,
        marking,
        generator: format!("briefsmith {}", env!("CARGO_PKG_VERSION")),
        brand: Brand {
            organization: brief.meta.organization.clone().or_else(|| brand.brand.organization.clone()),
            ..brand.brand.clone()
        },
        fit: Fit::LADDER[0],
        document,
        sources: source.map(|text| sources(brief, text)).unwrap_or_default(),
        handout: None,
        handout_copy: false,
        files,
        timestamp,
        pdf_standards: args.pdf_standard.clone(),
        reference_deck: brand.reference_deck.clone(),
    }
}

/// The sentences behind each item, with their line numbers.
fn sources(brief: &Brief, text: &str) -> Sources {
    let quotes = |spans: &[Span]| -> Vec<Quote> {
        spans
            .iter()
            .filter_map(|s| {
                let quote = text.get(s.start..s.end)?;
                let (line, _) = crate::model::line_column(text, s.start);
                Some(Quote { line, quote: quote.split_whitespace().collect::<Vec<_>>().join(" ") })
            })
            .collect()
    };
    Sources {
        threats: brief.threats.iter().map(|t| quotes(&t.sources)).collect(),
        recommendations: brief.recommendations.iter().map(|r| quotes(&r.sources)).collect(),
        figures: brief.figures.iter().map(|f| quotes(&f.sources)).collect(),
        events: brief.events.iter().map(|e| quotes(&e.sources)).collect(),
    }
}

/// What building one brief produced.
#[derive(Debug)]
pub struct Report {
    /// The brief's name (file stem).
    pub name: String,
    /// Folder the files went to.
    pub dir: PathBuf,
    /// Each product rendered.
    pub products: Vec<Rendered>,
    /// Products whose file already held exactly these bytes (left alone).
    pub unchanged: Vec<Product>,
    /// Wall time for analysis, rendering and writing.
    pub seconds: f64,
    /// Things the user should know about the brief itself (its encoding).
    pub notes: Vec<String>,
}

/// Builds the products of one brief into `<output>/<name>/`.
pub fn build(
    renderers: &Renderers,
    path: &Path,
    analysis: &AnalysisArgs,
    args: &OutputArgs,
) -> Result<Report, Error> {
    let start = Instant::now();
    let Loaded { input, brief, unresolved, .. } = load(path, analysis)?;
    let name = input.name();
    let dir = args.out_dir().join(&name);
    let brand = brand::for_brief(args.brand.as_deref(), path)?;
    let renderer = renderers.get(&brand.font_dirs)?;
    let mut notes = brand.notes.clone();
    notes.extend(unresolved.into_iter().map(|line| format!("correction not applied: {line}")));
    // A model's source notes need the brief it was made from.
    let found;
    let source = match input.kind {
        InputKind::Text => Some(input.text.as_str()),
        InputKind::Model => match find_brief(&input.path, brief.meta.source.as_ref()) {
            Ok(text) => {
                found = text;
                Some(found.as_str())
            }
            Err(why) => {
                if args.products().contains(&Product::Briefing) {
                    notes.push(format!("the briefing has no source notes: {why}"));
                }
                None
            }
        },
    };
    let settings = settings(&brief, args, &brand, source);
    let products = render_all(&renderer, &brief, &args.products(), &settings, renderers.one_off)?;
    let model = brief.to_json();
    let mut unchanged = Vec::new();
    for rendered in &products {
        if !output::write_atomic(&dir.join(rendered.product.file_name()), &rendered.bytes)? {
            unchanged.push(rendered.product);
        }
        if rendered.product == Product::Slides {
            output::write_atomic(&dir.join("slides.pdfpc"), pdfpc(&rendered.speaker_notes).as_bytes())?;
        }
    }
    output::write_atomic(&dir.join("model.json"), model.as_bytes())?;
    // What is written need not be held: a batch keeps every report until
    // its closing table, and a deck's slide images run to megabytes.
    let products: Vec<Rendered> = products
        .into_iter()
        .map(|r| Rendered { bytes: Vec::new(), document: None, speaker_notes: Vec::new(), ..r })
        .collect();
    if let Some(project) = &args.keep_typst {
        let fit = products.iter().find_map(|r| r.fit).unwrap_or(settings.fit);
        output::eject(project, renderer.templates(), &model, &Settings { fit, ..settings.clone() })?;
    }
    if let Some(e) = input.encoding {
        notes.push(format!(
            "decoded `{}` from {e}; spans in model.json count bytes of the UTF-8 text",
            input.path.display()
        ));
    }
    Ok(Report { name, dir, products, unchanged, seconds: start.elapsed().as_secs_f64(), notes })
}

/// The text of the brief a model was made from, for its source notes, or
/// why it cannot be had. The model names the brief's path as it was given
/// when the model was made; it is looked for as given (from the working
/// folder), then from the model's folder and each folder above it, so a
/// project moved or rendered from elsewhere still finds it. The text must
/// hash as recorded: the model's spans point into exactly that text.
pub fn find_brief(model: &Path, source: Option<&SourceFile>) -> Result<String, String> {
    let Some(source) = source else {
        return Err(format!("`{}` does not name the brief it was made from", model.display()));
    };
    let given = Path::new(&source.path);
    let mut candidates = vec![given.to_path_buf()];
    if given.is_relative() {
        let folder = model.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        candidates.extend(folder.ancestors().map(|dir| dir.join(given)));
        if let Some(name) = given.file_name() {
            candidates.push(folder.join(name));
        }
    }
    let mut changed = None;
    for path in &candidates {
        let Ok(read) = input::read(path) else { continue };
        if sha256_hex(&read.text) == source.sha256 {
            return Ok(read.text);
        }
        changed.get_or_insert(read.path);
    }
    match changed {
        Some(path) => Err(format!(
            "the brief `{}` has changed since the model was made (its spans no longer point into it)",
            path.display()
        )),
        None => Err(format!("the brief `{}` named by the model was not found", source.path)),
    }
}

/// Renderers by the font folders their brand brings, built once each.
#[derive(Default)]
pub struct Renderers {
    templates: Templates,
    color: bool,
    one_off: bool,
    built: std::sync::Mutex<Vec<(Vec<PathBuf>, std::sync::Arc<Renderer>)>>,
}

impl Renderers {
    /// Renderers over `templates`, with coloured diagnostics or not.
    pub fn new(templates: Templates, color: bool) -> Self {
        Renderers { templates, color, one_off: false, built: Default::default() }
    }

    /// For a build of a single brief, and nothing after it: Typst's cached
    /// layouts are dropped once the first products are done, before the
    /// handout, which keeps the peak memory down. Not for `watch` (whose
    /// next render reuses them) nor a batch (where other briefs are in
    /// flight and would lose theirs).
    pub fn one_off(mut self, yes: bool) -> Self {
        self.one_off = yes;
        self
    }

    /// The renderer for a brand's font folders.
    pub fn get(&self, font_dirs: &[PathBuf]) -> Result<std::sync::Arc<Renderer>, Error> {
        let mut built = self.built.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, r)) = built.iter().find(|(dirs, _)| dirs == font_dirs) {
            return Ok(r.clone());
        }
        let renderer =
            std::sync::Arc::new(Renderer::new(self.templates.clone(), font_dirs).with_color(self.color));
        built.push((font_dirs.to_vec(), renderer.clone()));
        Ok(renderer)
    }
}

/// The speaker notes in pdfpc's JSON format, one entry per slide.
pub fn pdfpc(notes: &[Vec<String>]) -> String {
    let pages: Vec<serde_json::Value> = notes
        .iter()
        .enumerate()
        .map(|(i, lines)| {
            serde_json::json!({
                "idx": i,
                "label": (i + 1).to_string(),
                "overlay": 0,
                "forcedOverlay": false,
                "hidden": false,
                "note": lines.join("\n"),
            })
        })
        .collect();
    let file = serde_json::json!({ "pdfpcFormat": 2, "disableMarkdown": true, "pages": pages });
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The settings for the handout of rendered `slides`: their pages and their
/// speaker notes.
///
/// The handout draws the pages of the slides PDF itself: the slides' text
/// stays text, and drawing is quick. Typst cannot embed a PDF in a PDF/A or
/// PDF/UA file, so for those each slide is passed as an SVG instead.
pub fn handout_settings(settings: &Settings, slides: &Rendered) -> Settings {
    let mut settings = settings.clone();
    let images = if settings.pdf_standards.iter().all(|s| pdf_version_only(*s)) {
        let path = "handout/slides.pdf".to_string();
        settings.files.push((path.clone(), Bytes::new(slides.bytes.clone())));
        (1..=slides.pages).map(|page| SlideImage { path: path.clone(), page: Some(page) }).collect()
    } else {
        let options = typst_svg::SvgOptions::default();
        let pages = slides.document.as_ref().map(|doc| doc.pages()).unwrap_or_default();
        let mut images = Vec::new();
        for (i, page) in pages.iter().enumerate() {
            let path = format!("handout/slide-{}.svg", i + 1);
            settings.files.push((path.clone(), Bytes::from_string(typst_svg::svg(page, &options))));
            images.push(SlideImage { path, page: None });
        }
        images
    };
    settings.handout = Some(Handout { slides: images, notes: slides.speaker_notes.clone() });
    settings
}

/// Whether a PDF standard names only a PDF version (which still allows PDF
/// images) rather than a conformance level such as PDF/A or PDF/UA.
fn pdf_version_only(standard: typst_pdf::PdfStandard) -> bool {
    use typst_pdf::PdfStandard as S;
    matches!(standard, S::V_1_4 | S::V_1_5 | S::V_1_6 | S::V_1_7 | S::V_2_0)
}

/// Renders the requested products in the order of [`Product::ALL`]: the
/// briefing, summary and slides in parallel (on rayon's pool, so briefs of a
/// batch share it), then the handout. The handout draws a copy of the slides
/// laid out without their own markings, so each of its pages shows the
/// marking once. The PowerPoint deck is written from the slides' layout
/// when the slides PDF is made too (else it lays them out itself).
/// `one_off`: see [`Renderers::one_off`].
pub fn render_all(
    renderer: &Renderer,
    brief: &Brief,
    products: &[Product],
    settings: &Settings,
    one_off: bool,
) -> Result<Vec<Rendered>, Error> {
    let handout = products.contains(&Product::Handout);
    // With the slides PDF, the PowerPoint deck is written from its layout.
    let pptx_from_slides = products.contains(&Product::Pptx) && products.contains(&Product::Slides);
    let mut first: Vec<Product> = products
        .iter()
        .copied()
        .filter(|&p| p != Product::Handout && !(pptx_from_slides && p == Product::Pptx))
        .collect();
    // The summary is the quickest: it goes last, so the two long ones start
    // at once and the summary fills in beside whichever ends first.
    first.sort_by_key(|&p| (p == Product::Summary, p));
    first.dedup();
    use rayon::prelude::*;
    let mut out: Vec<Rendered> = first
        .par_iter()
        .map(|&product| renderer.render(brief, product, settings))
        .collect::<Result<_, _>>()?;
    if pptx_from_slides {
        let slides = out.iter().find(|r| r.product == Product::Slides).and_then(|r| r.document.as_ref());
        if let Some(doc) = slides {
            let pptx = crate::render::pptx_from(doc, settings)?;
            out.push(pptx);
        }
    }
    if handout {
        // The handout's copy of the slides comes after the others, with the
        // cache emptied first in a one-off build: laid out beside them, or
        // on top of their cached layouts, it would raise the peak memory by
        // a sixth, for no gain in time.
        for r in &mut out {
            r.document = None;
        }
        if one_off {
            typst::comemo::evict(0);
        }
        let copy =
            renderer.render(brief, Product::Slides, &Settings { handout_copy: true, ..settings.clone() })?;
        let handout = handout_settings(settings, &copy);
        drop(copy);
        if one_off {
            typst::comemo::evict(0);
        }
        out.push(renderer.render(brief, Product::Handout, &handout)?);
    }
    out.retain(|r| products.contains(&r.product));
    out.sort_by_key(|r| r.product);
    Ok(out)
}
