//! `briefsmith review BRIEF`: a local web page to correct the analysis
//! beside its sources and see the documents change.
//!
//! The page (built into the binary: `page.html`, `page.js`, `page.css`)
//! shows the brief's text with every extracted item highlighted, the
//! analysis to correct, and previews of the summary, the slides and the
//! briefing's first pages. Each change is sent as the whole [`Corrections`]
//! object; the [`Session`] applies it to the fresh analysis it holds,
//! re-renders the previews on warm caches and answers with the new state.
//! "Save" writes the corrections file beside the brief (atomically); every
//! later `build`, `watch`, `check` and `review` applies it.
//!
//! Safe by default: the server listens on 127.0.0.1 only, on a free port,
//! and answers only under an unguessable token in the path; requests whose
//! `Host` or `Origin` is not this server's are refused (DNS rebinding,
//! cross-site requests); it serves nothing from disk and writes only the
//! corrections file.

use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use axum::Router;
use axum::extract::{Path as UrlPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post, put};
use serde_json::json;
use tokio_stream::StreamExt as _;

use crate::Error;
use crate::brand;
use crate::check;
use crate::cli::{AnalysisArgs, OutputArgs};
use crate::corrections::{self, Corrections};
use crate::input::{self, Input};
use crate::model::{Brief, Span};
use crate::output;
use crate::pipeline;
use crate::render::{Product, Renderer, Templates};

const PAGE: &str = include_str!("page.html");
const SCRIPT: &str = include_str!("page.js");
const STYLE: &str = include_str!("page.css");

/// Pages of the briefing shown in the preview.
const BRIEFING_PAGES: usize = 2;

/// Failures of the review server itself.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// The port cannot be had.
    #[error("failed to listen on 127.0.0.1:{port} ({source})")]
    Listen {
        /// The port asked for (0: any free one).
        port: u16,
        /// The cause.
        source: std::io::Error,
    },
    /// No random token could be drawn.
    #[error("failed to draw a random token ({0})")]
    Token(String),
    /// The server stopped with an error.
    #[error("the review server failed ({0})")]
    Serve(std::io::Error),
}

/// One brief under review: its text, its fresh analysis, the corrections
/// and what they give, and the rendered previews.
pub struct Session {
    brief: PathBuf,
    corrections_path: PathBuf,
    analysis: AnalysisArgs,
    output: OutputArgs,
    brand: brand::Loaded,
    renderer: Renderer,
    /// Threads with deep stacks for Typst's layout.
    pool: rayon::ThreadPool,
    input: Input,
    modified: Option<SystemTime>,
    corrections_modified: Option<SystemTime>,
    base: Brief,
    corrections: Corrections,
    saved: Corrections,
    model: Brief,
    unresolved: Vec<String>,
    previews: Previews,
}

/// The previews: SVG pages per product, and when they were made.
#[derive(Default)]
struct Previews {
    revision: u64,
    millis: u64,
    pages: Vec<(Product, Vec<String>)>,
}

impl Session {
    /// Reads, analyses and renders `brief` for review.
    pub fn open(
        brief: &Path,
        analysis: &AnalysisArgs,
        output: &OutputArgs,
        templates: Templates,
        pool: rayon::ThreadPool,
    ) -> Result<Session, Error> {
        let input = input::read(brief)?;
        if input.kind != input::InputKind::Text {
            return Err(Error::Review(format!(
                "`{}` is a model; review a brief (.txt, .md), whose sentences the page can show",
                brief.display()
            )));
        }
        let brand = brand::for_brief(output.brand.as_deref(), brief)?;
        let renderer = Renderer::new(templates, &brand.font_dirs);
        let mut output = output.clone();
        output.creation_timestamp.get_or_insert_with(|| chrono::Utc::now().timestamp());
        let base = pipeline::analyse(&input, analysis)?;
        let corrections_path = corrections::path_for(brief);
        let saved = match corrections::File::find(brief)? {
            Some(file) => file.corrections,
            None => Corrections::default(),
        };
        let mut session = Session {
            brief: brief.to_path_buf(),
            modified: modified(brief),
            corrections_modified: modified(&corrections_path),
            corrections_path,
            analysis: analysis.clone(),
            output,
            brand,
            renderer,
            pool,
            input,
            model: base.clone(),
            base,
            corrections: saved.clone(),
            saved,
            unresolved: Vec::new(),
            previews: Previews::default(),
        };
        session.apply();
        session.render()?;
        Ok(session)
    }

    /// Applies the corrections to the fresh analysis.
    fn apply(&mut self) {
        let mut model = self.base.clone();
        let file = corrections::File::unsaved(&self.brief, self.corrections.clone());
        let markdown = pipeline::is_markdown(&self.input.path);
        self.unresolved = corrections::apply(&mut model, &file, &self.input.text, markdown);
        self.model = model;
    }

    /// Takes the page's corrections: applies them and renders anew.
    pub fn correct(&mut self, corrections: Corrections) -> Result<(), Error> {
        self.corrections = corrections;
        self.apply();
        self.render()
    }

    /// Writes the corrections file, atomically.
    pub fn save(&mut self) -> Result<(), Error> {
        let file = corrections::File::unsaved(&self.brief, self.corrections.clone());
        output::write_atomic(&self.corrections_path, file.text().as_bytes())?;
        self.saved = self.corrections.clone();
        self.corrections_modified = modified(&self.corrections_path);
        Ok(())
    }

    /// Re-reads the brief, or the corrections file, if either changed on
    /// disk since it was read; true when something changed. Corrections
    /// changed on disk are taken only when the page has none unsaved.
    pub fn refresh(&mut self) -> Result<bool, Error> {
        let mut changed = false;
        if modified(&self.brief) != self.modified {
            self.modified = modified(&self.brief);
            self.input = input::read(&self.brief)?;
            self.base = pipeline::analyse(&self.input, &self.analysis)?;
            changed = true;
        }
        if modified(&self.corrections_path) != self.corrections_modified {
            self.corrections_modified = modified(&self.corrections_path);
            if self.corrections == self.saved {
                let on_disk = match corrections::File::find(&self.brief)? {
                    Some(file) => file.corrections,
                    None => Corrections::default(),
                };
                changed |= on_disk != self.corrections;
                self.corrections = on_disk.clone();
                self.saved = on_disk;
            }
        }
        if changed {
            self.apply();
            self.render()?;
        }
        Ok(changed)
    }

    /// Lays out the previews (in parallel, on warm caches) as SVG pages.
    fn render(&mut self) -> Result<(), Error> {
        use rayon::prelude::*;
        let start = Instant::now();
        let settings = pipeline::settings(&self.model, &self.output, &self.brand, Some(&self.input.text));
        let products = [Product::Summary, Product::Slides, Product::Briefing];
        let (renderer, model) = (&self.renderer, &self.model);
        let pages: Vec<(Product, Vec<String>)> = self.pool.install(|| {
            products
                .par_iter()
                .map(|&product| {
                    let doc = renderer.preview(model, product, &settings)?;
                    let keep = if product == Product::Briefing { BRIEFING_PAGES } else { usize::MAX };
                    let options = typst_svg::SvgOptions::default();
                    let svgs =
                        doc.pages().iter().take(keep).map(|page| typst_svg::svg(page, &options)).collect();
                    Ok((product, svgs))
                })
                .collect::<Result<_, crate::render::RenderError>>()
        })?;
        self.previews = Previews {
            revision: self.previews.revision + 1,
            millis: start.elapsed().as_millis() as u64,
            pages,
        };
        Ok(())
    }

    /// Page `n` (1-based) of a product's preview, as SVG.
    pub fn preview(&self, product: Product, n: usize) -> Option<&str> {
        let (_, pages) = self.previews.pages.iter().find(|(p, _)| *p == product)?;
        pages.get(n.checked_sub(1)?).map(String::as_str)
    }

    /// The corrected model (what `build` will render).
    pub fn model(&self) -> &Brief {
        &self.model
    }

    /// Everything the page shows, as JSON. Offsets into the text count
    /// UTF-16 code units, as JavaScript strings do.
    pub fn state(&self) -> serde_json::Value {
        let text = &self.input.text;
        let units = Utf16::new(text);
        let m = &self.model;
        let mut highlights = Vec::new();
        let mut mark = |kind: &str, item: Option<usize>, label: &str, spans: &[Span]| {
            for s in spans {
                if s.end <= text.len() && s.start < s.end {
                    highlights.push(json!({
                        "kind": kind, "item": item, "label": label,
                        "start": units.at(s.start), "end": units.at(s.end),
                    }));
                }
            }
        };
        for (i, t) in m.threats.iter().enumerate() {
            mark("threat", Some(i), &format!("threat: {}", t.label), &t.sources);
        }
        for (i, r) in m.recommendations.iter().enumerate() {
            mark("rec", Some(i), &format!("recommendation: {}", r.title), &r.sources);
        }
        mark("summary", None, "bottom line", &m.summary_sources);
        mark("conclusion", None, "conclusion", &m.conclusion_sources);
        for (i, f) in m.figures.iter().enumerate() {
            mark("figure", Some(i), &format!("figure: {}", f.text), &f.sources);
        }
        for (i, e) in m.events.iter().enumerate() {
            mark("event", Some(i), &format!("event: {}", e.display_date), &e.sources);
        }
        let threat_edits = &self.corrections.threats.edit;
        let threats: Vec<serde_json::Value> = m
            .threats
            .iter()
            .map(|t| {
                let anchor = threat_edits
                    .iter()
                    .find(|e| e.rename.as_deref() == Some(t.name.as_str()))
                    .map_or(t.name.clone(), |e| e.name.clone());
                json!({
                    "anchor": anchor, "name": t.name, "label": t.label, "aliases": t.aliases,
                    "kind": t.kind, "role": t.role, "salience": t.salience,
                    "confidence": t.confidence, "reason": t.reason,
                    "doubtful": t.confidence < check::DOUBTFUL,
                })
            })
            .collect();
        let rec_edits = &self.corrections.recommendations.edit;
        let recommendations: Vec<serde_json::Value> = m
            .recommendations
            .iter()
            .map(|r| {
                let anchor = rec_edits
                    .iter()
                    .find(|e| e.rename.as_deref() == Some(r.title.as_str()))
                    .map_or(r.title.clone(), |e| e.title.clone());
                json!({
                    "anchor": anchor, "title": r.title, "detail": r.detail,
                    "confidence": r.confidence, "reason": r.reason,
                    "doubtful": r.confidence < check::DOUBTFUL,
                })
            })
            .collect();
        let pages: serde_json::Map<String, serde_json::Value> =
            self.previews.pages.iter().map(|(p, pages)| (p.to_string(), json!(pages.len()))).collect();
        let settings = pipeline::settings(m, &self.output, &self.brand, None);
        let d = settings.document;
        let control = json!({
            "marking": settings.marking, "version": d.version, "status": d.status,
            "author": d.author, "distribution": d.distribution,
        });
        json!({
            "brief": self.brief.display().to_string(),
            "text": text,
            "title": m.meta.title,
            "control": control,
            "highlights": highlights,
            "bottom_line": m.summary,
            "threats": threats,
            "recommendations": recommendations,
            "corrections": self.corrections,
            "unresolved": self.unresolved,
            "dirty": self.corrections != self.saved,
            "saved": self.corrections_path.is_file().then(|| self.corrections_path.display().to_string()),
            "revision": self.previews.revision,
            "preview_ms": self.previews.millis,
            "pages": pages,
        })
    }
}

/// When a file was last modified, if it exists.
fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Byte offsets of a text to UTF-16 offsets.
struct Utf16 {
    /// (byte offset, UTF-16 offset) of every character.
    starts: Vec<(usize, usize)>,
    len: usize,
}

impl Utf16 {
    fn new(text: &str) -> Self {
        let mut units = 0;
        let starts = text
            .char_indices()
            .map(|(i, c)| {
                let at = (i, units);
                units += c.len_utf16();
                at
            })
            .collect();
        Utf16 { starts, len: units }
    }

    fn at(&self, byte: usize) -> usize {
        match self.starts.binary_search_by_key(&byte, |&(b, _)| b) {
            Ok(i) => self.starts[i].1,
            Err(i) => self.starts.get(i).map_or(self.len, |&(_, u)| u),
        }
    }
}

// ---------------------------------------------------------------------------
// The server

/// What the handlers share.
struct App {
    session: Mutex<Session>,
    /// `Host` values this server answers to.
    hosts: [String; 2],
    /// `Origin` values it accepts.
    origins: [String; 2],
    /// Tells the pages that the state changed (the revision).
    changed: tokio::sync::watch::Sender<u64>,
}

/// A running review server: its address (with the token) and how to stop it.
pub struct Server {
    /// `http://127.0.0.1:PORT/TOKEN/`.
    pub url: String,
    runtime: tokio::runtime::Runtime,
    serve: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Server {
    /// Starts serving `session` on 127.0.0.1 (`port` 0: a free port).
    pub fn start(session: Session, port: u16) -> Result<Server, Error> {
        let token = token()?;
        let listener = std::net::TcpListener::bind(("127.0.0.1", port))
            .and_then(|l| l.set_nonblocking(true).map(|()| l))
            .map_err(|source| ReviewError::Listen { port, source })?;
        let port = listener.local_addr().map_err(|source| ReviewError::Listen { port, source })?.port();
        let (changed, _) = tokio::sync::watch::channel(0);
        let app = Arc::new(App {
            session: Mutex::new(session),
            hosts: [format!("127.0.0.1:{port}"), format!("localhost:{port}")],
            origins: [format!("http://127.0.0.1:{port}"), format!("http://localhost:{port}")],
            changed,
        });
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(ReviewError::Serve)?;
        let router = router(&token, app.clone());
        let serve = runtime.spawn(async move {
            let listener = tokio::net::TcpListener::from_std(listener)?;
            axum::serve(listener, router).await
        });
        runtime.spawn(watch_files(app));
        Ok(Server { url: format!("http://127.0.0.1:{port}/{token}/"), runtime, serve })
    }

    /// Serves until the process is stopped (or the server fails).
    pub fn wait(self) -> Result<(), Error> {
        match self.runtime.block_on(self.serve) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(err)) => Err(ReviewError::Serve(err).into()),
            Err(err) => Err(ReviewError::Serve(std::io::Error::other(err.to_string())).into()),
        }
    }
}

/// Runs `briefsmith review`.
pub fn run(
    brief: &Path,
    analysis: &AnalysisArgs,
    output: &OutputArgs,
    templates: Templates,
    pool: rayon::ThreadPool,
    port: u16,
    open: bool,
) -> Result<(), Error> {
    let session = Session::open(brief, analysis, output, templates, pool)?;
    let server = Server::start(session, port)?;
    // The address on stdout alone, for scripts; the rest on stderr.
    println!("{}", server.url);
    eprintln!("reviewing {} at {} (Ctrl-C to stop)", brief.display(), server.url);
    if open {
        crate::batch::open(Path::new(&server.url));
    }
    server.wait()
}

/// 128 random bits, as hex.
fn token() -> Result<String, Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| ReviewError::Token(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

fn router(token: &str, app: Arc<App>) -> Router {
    let base = format!("/{token}");
    Router::new()
        .route(&format!("{base}/"), get(|| async { Html(PAGE) }))
        .route(&format!("{base}/page.js"), get(|| async { asset("text/javascript; charset=utf-8", SCRIPT) }))
        .route(&format!("{base}/page.css"), get(|| async { asset("text/css; charset=utf-8", STYLE) }))
        .route(&format!("{base}/api/state"), get(state))
        .route(&format!("{base}/api/corrections"), put(correct))
        .route(&format!("{base}/api/save"), post(save))
        .route(&format!("{base}/api/preview/{{product}}/{{page}}"), get(preview))
        .route(&format!("{base}/api/events"), get(events))
        .fallback(|| async { (StatusCode::NOT_FOUND, "not found") })
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// Refuses requests for another host (DNS rebinding) or from another
/// origin (a cross-site page), before any handler runs.
async fn guard(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let value = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let host_ok = value(header::HOST).is_some_and(|h| app.hosts.iter().any(|ok| ok == h));
    let origin_ok = value(header::ORIGIN).is_none_or(|o| app.origins.iter().any(|ok| ok == o));
    let site_ok = headers.get("sec-fetch-site").is_none_or(|s| s != "cross-site");
    if !host_ok || !origin_ok || !site_ok {
        return (StatusCode::FORBIDDEN, "forbidden: not this review server's host or origin").into_response();
    }
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; img-src 'self'; frame-ancestors 'none'"),
    );
    response
}

fn asset(kind: &'static str, body: &'static str) -> impl IntoResponse {
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    (headers, body)
}

/// Runs `f` on the session off the async threads (rendering takes a while).
async fn with_session<T: Send + 'static>(
    app: Arc<App>,
    f: impl FnOnce(&mut Session) -> Result<T, Error> + Send + 'static,
) -> Result<T, Response> {
    let joined = tokio::task::spawn_blocking(move || {
        let mut session = app.session.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut session)
    })
    .await;
    match joined {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) => Err((StatusCode::UNPROCESSABLE_ENTITY, err.to_string()).into_response()),
        Err(err) => Err((StatusCode::INTERNAL_SERVER_ERROR, err.to_string()).into_response()),
    }
}

/// The session's state as JSON, or the error's response.
fn state_or_error(result: Result<serde_json::Value, Response>) -> Response {
    result.map_or_else(|response| response, |state| axum::Json(state).into_response())
}

async fn state(State(app): State<Arc<App>>) -> Response {
    state_or_error(with_session(app, |s| s.refresh().map(|_| s.state())).await)
}

async fn correct(State(app): State<Arc<App>>, axum::Json(corrections): axum::Json<Corrections>) -> Response {
    state_or_error(with_session(app, move |s| s.correct(corrections).map(|()| s.state())).await)
}

async fn save(State(app): State<Arc<App>>) -> Response {
    state_or_error(with_session(app, |s| s.save().map(|()| s.state())).await)
}

async fn preview(
    State(app): State<Arc<App>>,
    UrlPath((product, page)): UrlPath<(String, usize)>,
) -> Response {
    let Some(product) = Product::ALL.iter().copied().find(|p| p.to_string() == product) else {
        return (StatusCode::NOT_FOUND, "no such product").into_response();
    };
    let session = app.session.lock().unwrap_or_else(PoisonError::into_inner);
    match session.preview(product, page) {
        Some(svg) => ([(header::CONTENT_TYPE, "image/svg+xml")], svg.to_string()).into_response(),
        None => (StatusCode::NOT_FOUND, "no such page").into_response(),
    }
}

async fn events(
    State(app): State<Arc<App>>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let changes = tokio_stream::wrappers::WatchStream::from_changes(app.changed.subscribe());
    Sse::new(changes.map(|revision| Ok(Event::default().event("state").data(revision.to_string()))))
        .keep_alive(KeepAlive::default())
}

/// Looks at the brief and its corrections file twice a second; when either
/// changed on disk, the session re-reads it and the pages are told.
async fn watch_files(app: Arc<App>) {
    loop {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let revision = with_session(app.clone(), |s| Ok(s.refresh()?.then_some(s.previews.revision))).await;
        if let Ok(Some(revision)) = revision {
            app.changed.send_replace(revision);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_code_units() {
        let text = "a€😀b";
        let units = Utf16::new(text);
        assert_eq!(units.at(0), 0);
        assert_eq!(units.at(1), 1, "after a");
        assert_eq!(units.at(4), 2, "after €, one unit");
        assert_eq!(units.at(8), 4, "after 😀, two units");
        assert_eq!(units.at(9), 5, "the end");
    }

    #[test]
    fn tokens_are_long_and_differ() {
        let (a, b) = (token().unwrap(), token().unwrap());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
    }
}
