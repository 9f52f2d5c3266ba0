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

/// The file kinds a folder is searched for.
pub const BRIEF_EXTENSIONS: &str = ".txt, .md, .docx, .json";

/// The briefs named by `inputs`: files as given, folders walked (in name
/// order) for `.txt`, `.md`, `.docx` and `.json` files, and glob patterns
/// expanded.
/// A folder with no brief in it, or a pattern that matches no file, is an
/// error: a build that would make nothing says why.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for input in inputs {
        let text = input.to_string_lossy();
        if !input.exists() && text.contains(['*', '?', '[']) {
            let paths = glob::glob(&text)
                .map_err(|err| Error::Pattern { pattern: text.to_string(), message: err.msg.to_string() })?;
            let mut found: Vec<PathBuf> = paths.filter_map(Result::ok).filter(|p| p.is_file()).collect();
            if found.is_empty() {
                return Err(Error::NoMatch { pattern: text.to_string() });
            }
            found.sort();
            out.extend(found);
            continue;
        }
        if !input.is_dir() {
            out.push(input.clone());
            continue;
        }
        let before = out.len();
        let walker = walkdir::WalkDir::new(input).sort_by_file_name().into_iter();
        for entry in walker.filter_map(Result::ok).filter(|e| e.file_type().is_file()) {
            let ext = entry.path().extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            let model_output = entry.file_name() == "model.json";
            if matches!(ext.as_deref(), Some("txt" | "md" | "docx" | "json")) && !model_output {
                out.push(entry.into_path());
            }
        }
        if out.len() == before {
            return Err(Error::NoBriefs { dir: input.clone() });
        }
    }
    Ok(out)
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
    let mut paths = expand(inputs)?;
    if let Some((index, count)) = batch.shard {
        let total = paths.len();
        paths = shard(paths, index, count);
        if paths.is_empty() {
            return Err(Error::EmptyShard { index, count, total });
        }
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
        let _ =
            std::io::stderr().lock().write_all(table(&outcomes, start.elapsed().as_secs_f64()).as_bytes());
    }
    if output.open {
        let first = outcomes.iter().filter_map(|o| o.result.as_ref().ok()).next();
        if let Some(pdf) = first.and_then(|r| r.products.first().map(|p| r.dir.join(p.product.file_name()))) {
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

/// Opens a file (or an address) with the desktop's viewer; a failure is
/// only a note.
pub(crate) fn open(path: &std::path::Path) {
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

/// The width the closing table keeps to: an 80-column terminal.
const TABLE_WIDTH: usize = 80;

/// The closing table: products, pages, time, notes and errors per brief,
/// the brief's path last. A path too long for the line is shortened from
/// the left (`…/sahel/mali-fuel.md`), so every row keeps its columns and
/// fits in [`TABLE_WIDTH`] columns.
pub fn table(outcomes: &[Outcome], seconds: f64) -> String {
    use std::fmt::Write as _;
    const HEAD: &str = "products  pages     time  notes  errors  ";
    let room = TABLE_WIDTH - HEAD.chars().count();
    let mut out = format!("\n{HEAD}brief\n");
    let (mut products, mut pages) = (0, 0);
    for o in outcomes {
        let name = shorten_left(&o.path.to_string_lossy(), room);
        let _ = match &o.result {
            Ok(r) => {
                let p: usize = r.products.iter().map(|x| x.pages).sum();
                let notes: usize = r.notes.len() + r.products.iter().map(|x| x.messages.len()).sum::<usize>();
                products += r.products.len();
                pages += p;
                let time = format!("{:.2}s", r.seconds);
                writeln!(out, "{:>8}  {p:>5}  {time:>7}  {notes:>5}  {:>6}  {name}", r.products.len(), 0)
            }
            Err(_) => writeln!(out, "{:>8}  {:>5}  {:>7}  {:>5}  {:>6}  {name}", 0, 0, "-", 0, 1),
        };
    }
    let failed = outcomes.iter().filter(|o| o.result.is_err()).count();
    let _ = writeln!(
        out,
        "{} briefs, {products} products, {pages} pages in {seconds:.2} s ({:.1} products/s); {failed} failed",
        outcomes.len(),
        products as f64 / seconds.max(1e-9)
    );
    out
}

/// `text` in at most `width` characters: kept whole when it fits, else its
/// end, after an ellipsis (the file name is the part that tells briefs apart).
fn shorten_left(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        return text.to_string();
    }
    let tail: String = text.chars().skip(count - (width - 1)).collect();
    format!("…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_paths_keep_the_table_in_its_columns() {
        let report = |seconds| Report {
            name: "b".into(),
            dir: PathBuf::from("out/b"),
            products: Vec::new(),
            unchanged: Vec::new(),
            seconds,
            notes: vec!["decoded".into()],
        };
        let long = format!("briefs/{}/sahel-mali-fuel-blockade.md", "regional-desk/west-africa".repeat(4));
        let outcomes = vec![
            Outcome { path: PathBuf::from("a.md"), result: Ok(report(0.5)) },
            Outcome { path: PathBuf::from(&long), result: Ok(report(12.25)) },
            Outcome { path: PathBuf::from("c.txt"), result: Err(Error::NoMatch { pattern: "x".into() }) },
        ];
        let text = table(&outcomes, 13.0);
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert!(lines.iter().all(|l| l.chars().count() <= TABLE_WIDTH), "{text}");
        // Every row's brief starts where the header's does.
        let column = lines[0].find("brief").unwrap();
        for row in &lines[1..4] {
            assert_eq!(row.chars().take(column).count(), column, "{text}");
            assert!(
                row.chars().nth(column - 1) == Some(' ') && row.chars().nth(column) != Some(' '),
                "{text}"
            );
        }
        assert!(lines[2][column..].starts_with('…'), "{text}");
        assert!(lines[2].ends_with("/sahel-mali-fuel-blockade.md"), "{text}");
        assert!(lines[2].contains(" 12.25s "), "{text}");
        assert!(lines[3].ends_with("  1  c.txt"), "{text}");
    }

    #[test]
    fn an_empty_folder_and_an_unmatched_pattern_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.pdf"), "x").unwrap();
        let err = expand(&[dir.path().to_path_buf()]).unwrap_err().to_string();
        assert_eq!(err, format!("no briefs (.txt, .md, .docx, .json) in `{}`", dir.path().display()));
        let pattern = dir.path().join("*.md");
        let err = expand(std::slice::from_ref(&pattern)).unwrap_err().to_string();
        assert_eq!(err, format!("no file matches `{}`", pattern.display()));
    }

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
