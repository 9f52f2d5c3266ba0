//! `briefsmith watch`: re-render a brief whenever it, its brand file or a
//! template changes, reusing the warm renderer and Typst's caches. A broken
//! edit prints its error and leaves the last good PDFs in place (outputs are
//! only written when every product rendered). The session has one date, so
//! a product an edit did not change is not rewritten.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::Error;
use crate::brand;
use crate::cli::{AnalysisArgs, OutputArgs};
use crate::pipeline::{self, Renderers};

/// Builds `brief`, then rebuilds on every change until interrupted.
pub fn run(
    renderers: &Renderers,
    brief: &Path,
    analysis: &AnalysisArgs,
    output: &OutputArgs,
) -> Result<(), Error> {
    // One date for the whole session, so a product the edit did not touch
    // comes out byte for byte the same and its file is left alone (a PDF
    // viewer then reloads only the documents that changed).
    let mut output = output.clone();
    output.creation_timestamp.get_or_insert_with(|| chrono::Utc::now().timestamp());
    let output = &output;
    rebuild(renderers, brief, analysis, output);
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && matches!(
                event.kind,
                notify::EventKind::Modify(_) | notify::EventKind::Create(_) | notify::EventKind::Remove(_)
            )
        {
            let _ = tx.send(event.paths);
        }
    })
    .map_err(|e| Error::Watch(e.to_string()))?;
    // The brief and its corrections file (which `review` may write at any time).
    let mut watched: Vec<PathBuf> = vec![brief.to_path_buf(), crate::corrections::path_for(brief)];
    if let Some(file) = brand::discover(output.brand.as_deref(), brief) {
        watched.push(file);
    }
    // Editors often replace a file rather than write it: watch its folder.
    let mut folders: Vec<PathBuf> = watched.iter().map(|p| parent(p)).collect();
    folders.sort();
    folders.dedup();
    for folder in &folders {
        watcher.watch(folder, RecursiveMode::NonRecursive).map_err(|e| Error::Watch(e.to_string()))?;
    }
    if let Some(templates) = &output.templates {
        watcher.watch(templates, RecursiveMode::Recursive).map_err(|e| Error::Watch(e.to_string()))?;
    }
    let names: Vec<_> = watched.iter().filter_map(|p| p.file_name().map(|n| n.to_os_string())).collect();
    eprintln!(
        "watching {} (Ctrl-C to stop)",
        watched.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    );
    while let Ok(paths) = rx.recv() {
        let mut relevant = touches(&paths, &names, output.templates.as_deref());
        // Let a burst of events from one save settle.
        while let Ok(more) = rx.recv_timeout(Duration::from_millis(40)) {
            relevant |= touches(&more, &names, output.templates.as_deref());
        }
        if relevant {
            rebuild(renderers, brief, analysis, output);
        }
    }
    Ok(())
}

fn parent(path: &Path) -> PathBuf {
    path.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Whether a change concerns the brief, the brand or a template (not the
/// outputs, which may be written into a watched folder).
fn touches(paths: &[PathBuf], names: &[std::ffi::OsString], templates: Option<&Path>) -> bool {
    paths.iter().any(|p| {
        p.file_name().is_some_and(|n| names.iter().any(|w| w == n))
            || templates.is_some_and(|t| p.starts_with(t) || t.canonicalize().is_ok_and(|c| p.starts_with(c)))
    })
}

/// One build, reported on one line.
fn rebuild(renderers: &Renderers, brief: &Path, analysis: &AnalysisArgs, output: &OutputArgs) {
    let start = Instant::now();
    let result = pipeline::build(renderers, brief, analysis, output);
    typst::comemo::evict(10);
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let mut err = std::io::stderr().lock();
    match result {
        Ok(report) => {
            let pages: Vec<String> = report
                .products
                .iter()
                .map(|r| {
                    let same = if report.unchanged.contains(&r.product) { " unchanged" } else { "" };
                    format!("{} {}p{same}", r.product, r.pages)
                })
                .collect();
            let _ = writeln!(err, "rebuilt {} in {ms:.0} ms ({})", report.name, pages.join(", "));
            // What the user should know of the brief itself: corrections not
            // applied, brand fonts replaced, the encoding it was read in.
            for note in &report.notes {
                let _ = writeln!(err, "note: {note}");
            }
        }
        Err(e) => {
            let _ = writeln!(err, "error: {e}\n(keeping the last good documents)");
        }
    }
}
