//! Building many briefs: finding them (files, folders, globs), taking a
//! shard, rendering them in parallel on one set of renderers, reporting
//! progress and a summary table. One bad brief never stops the others.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

use crate::Error;
use crate::cli::{AnalysisArgs, BatchArgs, OutputArgs};
use crate::pipeline::{self, Renderers, Report};

/// The briefs named by `inputs`: files as given, folders walked (in name
/// order) for `.txt`, `.md` and `.json` files, and glob patterns expanded.
pub fn expand(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for input in inputs {
        let text = input.to_string_lossy();
        if !input.exists()
            && text.contains(['*', '?', '['])
            && let Ok(paths) = glob::glob(&text)
        {
            let mut found: Vec<PathBuf> = paths.filter_map(Result::ok).filter(|p| p.is_file()).collect();
            found.sort();
            if !found.is_empty() {
                out.extend(found);
                continue;
            }
        }
        if !input.is_dir() {
            out.push(input.clone());
            continue;
        }
        let walker = walkdir::WalkDir::new(input).sort_by_file_name().into_iter();
        for entry in walker.filter_map(Result::ok).filter(|e| e.file_type().is_file()) {
            let ext = entry.path().extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            let model_output = entry.file_name() == "model.json";
            if matches!(ext.as_deref(), Some("txt" | "md" | "json")) && !model_output {
                out.push(entry.into_path());
            }
        }
    }
    out
}

/// A deterministic share of `paths`: shard `index` (1-based) of `count`
/// takes every path whose name hashes to it. The same inputs always split the
/// same way on every machine, so independent jobs cover each brief once.
pub fn shard(paths: Vec<PathBuf>, index: usize, count: usize) -> Vec<PathBuf> {
    if count <= 1 {
        return paths;
    }
    paths.into_iter().filter(|p| fnv1a(&p.to_string_lossy()) % count as u64 == (index - 1) as u64).collect()
}

/// FNV-1a: a small, stable hash (the standard library's may change).
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The outcome of one brief in a batch.
pub struct Outcome {
    /// The brief.
    pub path: PathBuf,
    /// What was built, or why not.
    pub result: Result<Report, Error>,
}

/// Builds every brief of `inputs`; fails (after building the rest) if any
/// brief failed.
pub fn run(
    pool: &rayon::ThreadPool,
    renderers: Renderers,
    inputs: &[PathBuf],
    analysis: &AnalysisArgs,
    output: &OutputArgs,
    batch: &BatchArgs,
) -> Result<(), Error> {
    let mut paths = expand(inputs);
    if let Some((index, count)) = batch.shard {
        paths = shard(paths, index, count);
    }
    let renderers = &renderers.one_off(paths.len() == 1);
    let terminal = std::io::stderr().is_terminal();
    let bar = if batch.quiet || !terminal || paths.len() < 2 {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(paths.len() as u64).with_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} briefs  {elapsed}  {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    };
    let start = Instant::now();
    // Longest briefs first, so no long one is left running alone at the end.
    let mut order: Vec<usize> = (0..paths.len()).collect();
    order.sort_by_cached_key(|&i| std::cmp::Reverse(std::fs::metadata(&paths[i]).map_or(0, |m| m.len())));
    // One brief per worker at a time. Rayon alone would let a worker that
    // waits inside Typst (which parallelises on the same pool) pick up the
    // next brief and nest it on its stack, so the number of briefs in
    // flight, and memory, would grow with the batch. Here plain threads hand
    // out the briefs and each waits for its brief on the pool.
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<Outcome>>> = Mutex::new((0..paths.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..pool.current_num_threads().min(paths.len()) {
            scope.spawn(|| {
                while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let path = &paths[i];
                    let result = pool.install(|| pipeline::build(renderers, path, analysis, output));
                    // Keep memory flat over a long batch: drop cached layouts
                    // that have not been used for a while.
                    typst::comemo::evict(2);
                    report_one(&bar, &result, batch.quiet, paths.len());
                    bar.inc(1);
                    let outcome = Outcome { path: path.clone(), result };
                    slots.lock().unwrap_or_else(PoisonError::into_inner)[i] = Some(outcome);
                }
            });
        }
    });
    let outcomes: Vec<Outcome> =
        slots.into_inner().unwrap_or_else(PoisonError::into_inner).into_iter().flatten().collect();
    bar.finish_and_clear();
    let failed = outcomes.iter().filter(|o| o.result.is_err()).count();
    if paths.len() > 1 && !batch.quiet {
        print_table(&outcomes, start.elapsed().as_secs_f64());
    }
    if output.open {
        let first = outcomes.iter().filter_map(|o| o.result.as_ref().ok()).next();
        if let Some(pdf) =
            first.and_then(|r| r.products.first().map(|p| r.dir.join(format!("{}.pdf", p.product))))
        {
            open(&pdf);
        }
    }
    match (failed, outcomes.len()) {
        (0, _) => Ok(()),
        // A single brief's error is the error.
        (_, 1) => outcomes.into_iter().next().map_or(Ok(()), |o| o.result.map(|_| ())),
        (failed, total) => Err(Error::Batch { failed, total }),
    }
}

/// Opens a file with the desktop's viewer; a failure is only a note.
fn open(path: &std::path::Path) {
    let (program, args): (&str, Vec<&std::ffi::OsStr>) = if cfg!(target_os = "macos") {
        ("open", vec![path.as_os_str()])
    } else if cfg!(windows) {
        ("cmd", vec!["/C".as_ref(), "start".as_ref(), "".as_ref(), path.as_os_str()])
    } else {
        ("xdg-open", vec![path.as_os_str()])
    };
    if let Err(err) = std::process::Command::new(program).args(args).spawn() {
        eprintln!("note: could not open `{}` ({err})", path.display());
    }
}

/// One line per brief as it finishes (errors always; successes unless quiet).
fn report_one(bar: &ProgressBar, result: &Result<Report, Error>, quiet: bool, total: usize) {
    bar.suspend(|| {
        let mut err = std::io::stderr().lock();
        match result {
            Ok(report) if !quiet => {
                let parts: Vec<String> = report
                    .products
                    .iter()
                    .map(|r| {
                        format!("{} ({} page{})", r.product, r.pages, if r.pages == 1 { "" } else { "s" })
                    })
                    .collect();
                let _ = writeln!(
                    err,
                    "built {} → {}: {} in {:.2} s",
                    report.name,
                    report.dir.display(),
                    parts.join(", "),
                    report.seconds
                );
                for note in report.notes.iter().chain(report.products.iter().flat_map(|r| &r.messages)) {
                    let _ = writeln!(err, "note: {note}");
                }
            }
            Ok(_) => {}
            // A lone brief's error is printed once, by `main`.
            Err(e) if total > 1 => {
                let _ = writeln!(err, "error: {e}");
            }
            Err(_) => {}
        }
    });
}

/// The closing table: brief, products, pages, time, warnings, errors.
fn print_table(outcomes: &[Outcome], seconds: f64) {
    let mut err = std::io::stderr().lock();
    let width =
        outcomes.iter().map(|o| o.path.to_string_lossy().chars().count()).max().unwrap_or(5).clamp(5, 60);
    let _ = writeln!(
        err,
        "\n{:<width$}  {:>8}  {:>5}  {:>7}  {:>8}  {:>6}",
        "brief", "products", "pages", "time", "notes", "errors"
    );
    let (mut products, mut pages) = (0, 0);
    for o in outcomes {
        let name = o.path.to_string_lossy();
        match &o.result {
            Ok(r) => {
                let p: usize = r.products.iter().map(|x| x.pages).sum();
                let notes: usize = r.notes.len() + r.products.iter().map(|x| x.messages.len()).sum::<usize>();
                products += r.products.len();
                pages += p;
                let _ = writeln!(
                    err,
                    "{name:<width$}  {:>8}  {p:>5}  {:>6.2}s  {notes:>8}  {:>6}",
                    r.products.len(),
                    r.seconds,
                    0
                );
            }
            Err(_) => {
                let _ = writeln!(err, "{name:<width$}  {:>8}  {:>5}  {:>7}  {:>8}  {:>6}", 0, 0, "-", 0, 1);
            }
        }
    }
    let failed = outcomes.iter().filter(|o| o.result.is_err()).count();
    let _ = writeln!(
        err,
        "{} briefs, {products} products, {pages} pages in {seconds:.2} s ({:.1} products/s); {failed} failed",
        outcomes.len(),
        products as f64 / seconds.max(1e-9)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_the_inputs() {
        let paths: Vec<PathBuf> = (0..50).map(|i| PathBuf::from(format!("briefs/b{i}.md"))).collect();
        let mut all: Vec<PathBuf> = (1..=3).flat_map(|i| shard(paths.clone(), i, 3)).collect();
        all.sort();
        let mut expected = paths.clone();
        expected.sort();
        assert_eq!(all, expected, "every brief in exactly one shard");
        assert_eq!(shard(paths.clone(), 2, 3), shard(paths, 2, 3), "deterministic");
    }
}
