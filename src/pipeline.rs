//! The pipeline that ties the stages together: read → analyse (or load a
//! model) → render → write. The subcommands of [`crate::run`] are thin
//! wrappers over these functions.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, NaiveDate, Utc};

use crate::analysis::{self, Options};
use crate::cli::{AnalysisArgs, OutputArgs};
use crate::input::{self, InputKind};
use crate::model::Brief;
use crate::output;
use crate::render::{Brand, Fit, Product, Rendered, Renderer, Settings};
use crate::{Error, input::Input};

/// The marking used when neither the brief nor the user gives one.
pub const DEFAULT_MARKING: &str = "UNCLASSIFIED";

/// The brief files named by `inputs`: files as given, folders walked (in
/// name order) for `.txt`, `.md` and `.json` files.
pub fn expand(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            out.push(input.clone());
            continue;
        }
        let walker = walkdir::WalkDir::new(input).sort_by_file_name().into_iter();
        for entry in walker.filter_map(Result::ok).filter(|e| e.file_type().is_file()) {
            let ext = entry.path().extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            if matches!(ext.as_deref(), Some("txt" | "md" | "json")) {
                out.push(entry.into_path());
            }
        }
    }
    out
}

/// Reads a brief or model file and returns it with its model.
pub fn load(path: &Path, analysis: &AnalysisArgs) -> Result<(Input, Brief), Error> {
    let input = input::read(path)?;
    let mut brief = match input.kind {
        InputKind::Model if input.path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml")) => {
            Brief::from_toml(&input.text, &input.path)?
        }
        InputKind::Model => Brief::from_json(&input.text, &input.path)?,
        InputKind::Text => {
            let markdown = input
                .path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
            analysis::analyse(&input.text, &Options { title: analysis.title.clone(), markdown })
                .map_err(|source| Error::FrontMatter { path: input.path.clone(), source })?
        }
    };
    if let (InputKind::Model, Some(title)) = (input.kind, &analysis.title) {
        brief.meta.title = title.clone();
    }
    Ok((input, brief))
}

/// The settings for rendering `brief` under the given options.
pub fn settings(brief: &Brief, args: &OutputArgs) -> Settings {
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
        .unwrap_or_else(|| DEFAULT_MARKING.to_string())
        .to_uppercase();
    Settings {
        date,
        marking,
        generator: format!("briefsmith {}", env!("CARGO_PKG_VERSION")),
        brand: Brand { organization: brief.meta.organization.clone(), ..Brand::default() },
        fit: Fit::LADDER[0],
        timestamp,
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
    /// Wall time for analysis, rendering and writing.
    pub seconds: f64,
}

/// Builds the products of one brief into `args.output/<name>/`.
pub fn build(
    renderer: &Renderer,
    path: &Path,
    analysis: &AnalysisArgs,
    args: &OutputArgs,
) -> Result<Report, Error> {
    let start = Instant::now();
    let (input, brief) = load(path, analysis)?;
    let name = input.name();
    let dir = args.output.join(&name);
    let settings = settings(&brief, args);
    let products = render_all(renderer, &brief, &args.format, &settings)?;
    let model = brief.to_json();
    for rendered in &products {
        output::write_atomic(&dir.join(format!("{}.pdf", rendered.product)), &rendered.pdf)?;
    }
    output::write_atomic(&dir.join("model.json"), model.as_bytes())?;
    if let Some(project) = &args.keep_typst {
        let fit = products.iter().find_map(|r| r.fit).unwrap_or(settings.fit);
        output::eject(project, renderer.templates(), &model, &Settings { fit, ..settings.clone() })?;
    }
    Ok(Report { name, dir, products, seconds: start.elapsed().as_secs_f64() })
}

/// Renders the requested products, in parallel, in the order requested.
pub fn render_all(
    renderer: &Renderer,
    brief: &Brief,
    products: &[Product],
    settings: &Settings,
) -> Result<Vec<Rendered>, Error> {
    let mut wanted: Vec<Product> = products.to_vec();
    wanted.sort();
    wanted.dedup();
    let results: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = wanted
            .iter()
            .map(|&product| scope.spawn(move || renderer.render(brief, product, settings)))
            .collect();
        handles.into_iter().map(|h| h.join().expect("render thread panicked")).collect()
    });
    results.into_iter().map(|r| r.map_err(Error::from)).collect()
}
