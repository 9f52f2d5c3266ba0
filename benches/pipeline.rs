//! Benchmarks of briefsmith (`cargo bench`); method and figures in
//! BENCHMARKS.md.
//!
//! 1. criterion: the seed's analysis, each product's cold render (Typst's
//!    memo cache emptied first, as in a fresh process), all products of the
//!    seed in one process, and a warm re-render after a one-word edit (watch).
//! 2. a side-by-side report printed after criterion:
//!    - the stock typst CLI compiling the briefing of the `--keep-typst`
//!      project, against briefsmith's briefing, summary and slides in one
//!      process (the typst binary is taken from `$BRIEFSMITH_TYPST`, else
//!      `typst` on the PATH; without it this part is skipped);
//!    - a batch of 100 briefs made from the fixtures on 1 and on 2 threads
//!      (products per second, speed-up), and a loop of typst CLI calls over
//!      their ejected projects;
//!    - peak memory of the seed build and of the 100-brief batch, read from
//!      the binary's own report (`BRIEFSMITH_REPORT_PEAK_MEMORY`);
//!    - `review`'s edit-to-preview time: a correction (a threat renamed)
//!      applied and the summary, slides and briefing's first pages laid out
//!      again as SVG, on the session's warm caches;
//!    - analysis time against input size, from 86 KB to 1.7 MB, for the
//!      real-brief corpus repeated and for sentence-like text full of
//!      distinct names and acronyms (the case that was quadratic): the
//!      time per MB must stay flat as the input grows.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use briefsmith::analysis::{Options, analyse};
use briefsmith::cli::OutputArgs;
use briefsmith::pipeline;
use briefsmith::render::{Product, Renderer, Templates};
use criterion::Criterion;

// The same allocator as the binary, so in-process figures match it.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SEED: &str = include_str!("../seeds/pakistan-counterterrorism.txt");
/// The products compared with the typst CLI (the handout has no CLI twin).
const THREE: [Product; 3] = [Product::Briefing, Product::Summary, Product::Slides];
const BIN: &str = env!("CARGO_BIN_EXE_briefsmith");

fn output_args() -> OutputArgs {
    OutputArgs { creation_timestamp: Some(1_764_000_000), ..OutputArgs::default() }
}

fn criterion_benches(c: &mut Criterion) {
    c.bench_function("parse/seed", |b| {
        b.iter(|| analyse(black_box(SEED), &Options::default()).expect("analyses"))
    });

    let renderer = Renderer::new(Templates::Builtin, &[]);
    let brief = analyse(SEED, &Options::default()).expect("analyses");
    let settings = pipeline::settings(&brief, &output_args(), &Default::default(), Some(SEED));
    for product in THREE {
        c.bench_function(&format!("render/{product}"), |b| {
            b.iter(|| {
                typst::comemo::evict(0);
                renderer.render(black_box(&brief), product, &settings).expect("renders")
            })
        });
    }
    c.bench_function("render/all-three", |b| {
        b.iter(|| {
            typst::comemo::evict(0);
            pipeline::render_all(&renderer, black_box(&brief), &THREE, &settings, false).expect("renders")
        })
    });
    // Watch mode: the caches are warm and each run is a new edit (a word no
    // earlier run had), so the changed paragraph is laid out afresh.
    for product in THREE {
        let mut edit = 0;
        c.bench_function(&format!("warm/{product}-after-one-word-edit"), |b| {
            b.iter_batched(
                || {
                    edit += 1;
                    let text = SEED.replacen("precarious", &format!("fragile{edit}"), 1);
                    analyse(&text, &Options::default()).expect("analyses")
                },
                |brief| renderer.render(&brief, product, &settings).expect("renders"),
                criterion::BatchSize::SmallInput,
            )
        });
    }
}

/// Median wall time of `runs` calls of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn typst_cli() -> Option<PathBuf> {
    let candidate =
        std::env::var_os("BRIEFSMITH_TYPST").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("typst"));
    Command::new(&candidate).arg("--version").output().ok().filter(|o| o.status.success()).map(|_| candidate)
}

fn typst_compile(typst: &Path, project: &Path, main: &str) {
    let out = Command::new(typst)
        .args(["compile", "--font-path", "fonts", "--ignore-system-fonts", main])
        .current_dir(project)
        .env("SOURCE_DATE_EPOCH", "1764000000")
        .output()
        .expect("typst runs");
    assert!(out.status.success(), "typst compile failed: {}", String::from_utf8_lossy(&out.stderr));
}

/// Runs the briefsmith binary and returns its reported peak memory in KiB.
fn peak_memory(args: &[&str], cwd: &Path) -> Option<u64> {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .env("BRIEFSMITH_REPORT_PEAK_MEMORY", "1")
        .env("SOURCE_DATE_EPOCH", "1764000000")
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    err.lines().find_map(|l| l.strip_prefix("peak memory: ")?.strip_suffix(" KiB")?.parse().ok())
}

/// 100 briefs made from the fixtures: each fixture several times, every
/// paragraph of each copy changed, so no copy reuses another's layout.
fn make_batch(dir: &Path) -> Vec<PathBuf> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("fixtures")
        .flat_map(|e| ["brief.md", "brief.txt"].map(|f| e.as_ref().expect("entry").path().join(f)))
        .filter(|p| p.is_file())
        .collect();
    sources.sort();
    std::fs::create_dir_all(dir).expect("batch folder");
    (0..100)
        .map(|i| {
            let source = &sources[i % sources.len()];
            let ext = source.extension().and_then(|e| e.to_str()).unwrap_or("txt");
            let path = dir.join(format!("brief-{i:03}.{ext}"));
            let text = std::fs::read_to_string(source).expect("fixture reads");
            let text: Vec<String> = text
                .lines()
                .map(|line| {
                    let prose = !line.starts_with('#') && !line.starts_with("---");
                    if prose {
                        line.replacen(" the ", &format!(" the (copy {i}) "), 1)
                    } else {
                        line.to_string()
                    }
                })
                .collect();
            std::fs::write(&path, text.join("\n")).expect("writes");
            path
        })
        .collect()
}

fn side_by_side() {
    let work = tempfile::tempdir().expect("temp dir");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/pakistan-counterterrorism.txt");
    let seed = seed.to_str().expect("utf-8 path");
    println!("\n== side by side (medians) ==");
    let formats = THREE.map(|p| p.to_string()).join(",");

    // briefsmith: the seed, three products, one fresh process each time.
    let three = median(7, || {
        let out = Command::new(BIN)
            .args(["build", seed, "-q", "--format", &formats, "-o"])
            .arg(work.path().join("out"))
            .env("SOURCE_DATE_EPOCH", "1764000000")
            .output()
            .expect("briefsmith runs");
        assert!(out.status.success());
    });
    println!("briefsmith build (briefing+summary+slides, process): {:.1} ms", three.as_secs_f64() * 1e3);

    let typst = typst_cli();
    let project = work.path().join("project");
    let out = Command::new(BIN)
        .args(["build", seed, "-q", "--format", &formats, "--keep-typst"])
        .arg(&project)
        .arg("-o")
        .arg(work.path().join("out"))
        .output()
        .expect("briefsmith runs");
    assert!(out.status.success());
    if let Some(typst) = &typst {
        let cli = median(7, || typst_compile(typst, &project, "briefing.typ"));
        println!("typst compile briefing.typ (stock CLI, same fonts):   {:.1} ms", cli.as_secs_f64() * 1e3);
        println!(
            "ratio briefsmith(3 products) / typst(briefing):      {:.2}",
            three.as_secs_f64() / cli.as_secs_f64()
        );
    } else {
        println!("typst CLI not found (set BRIEFSMITH_TYPST or put `typst` on the PATH): comparison skipped");
    }

    // Batch of 100 briefs, 1 and 2 threads.
    let briefs = make_batch(&work.path().join("batch"));
    let mut products_per_second = Vec::new();
    for jobs in ["1", "2"] {
        let start = Instant::now();
        let out = Command::new(BIN)
            .args(["build", "-q", "--format", &formats, "-j", jobs, "-o"])
            .arg(work.path().join(format!("batch-out-{jobs}")))
            .arg(work.path().join("batch"))
            .output()
            .expect("briefsmith runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let seconds = start.elapsed().as_secs_f64();
        let rate = (briefs.len() * THREE.len()) as f64 / seconds;
        println!("batch of {} briefs, {jobs} thread(s): {seconds:.2} s, {rate:.1} products/s", briefs.len());
        products_per_second.push(rate);
    }
    println!("speed-up from 1 to 2 threads: {:.2}x", products_per_second[1] / products_per_second[0]);

    if let Some(typst) = &typst {
        // The typst CLI over the same briefs' projects: 20 briefs, 3 products each.
        let mut projects = Vec::new();
        for (i, brief) in briefs.iter().take(20).enumerate() {
            let project = work.path().join(format!("eject-{i}"));
            let out = Command::new(BIN)
                .args(["build", "-q", "--format", &formats, "--keep-typst"])
                .arg(&project)
                .arg("-o")
                .arg(work.path().join("eject-out"))
                .arg(brief)
                .output()
                .expect("briefsmith runs");
            assert!(out.status.success());
            projects.push(project);
        }
        let start = Instant::now();
        for project in &projects {
            for product in THREE {
                typst_compile(typst, project, &format!("{product}.typ"));
            }
        }
        let rate = (projects.len() * THREE.len()) as f64 / start.elapsed().as_secs_f64();
        println!("typst CLI loop over {} ejected projects: {rate:.1} products/s", projects.len());
        println!("batch (2 threads) / typst CLI loop: {:.1}x", products_per_second[1] / rate);
    }

    let out_dir = work.path().join("mem");
    let out_dir = out_dir.to_str().expect("utf-8");
    if let Some(kib) = peak_memory(&["build", seed, "-q", "-o", out_dir], work.path()) {
        println!("peak memory, seed build: {:.1} MB", kib as f64 / 1024.0);
    }
    for n in [25, 100] {
        let subset = work.path().join(format!("subset-{n}"));
        std::fs::create_dir_all(&subset).expect("subset");
        for brief in briefs.iter().take(n) {
            std::fs::copy(brief, subset.join(brief.file_name().expect("name"))).expect("copy");
        }
        if let Some(kib) =
            peak_memory(&["build", "-q", "-o", out_dir, subset.to_str().expect("utf-8")], work.path())
        {
            println!("peak memory, batch of {n} briefs: {:.1} MB", kib as f64 / 1024.0);
        }
    }
}

/// Sentence-like text of about `bytes` bytes in which nearly every
/// capitalised phrase is new: invented group names, places and acronyms
/// (deterministic, so every run sees the same text).
fn many_names(bytes: usize) -> String {
    const SYLLABLES: [&str; 20] = [
        "kar", "van", "tor", "mel", "zan", "dor", "bel", "ris", "quo", "lan", "sto", "vek", "mir", "ash",
        "pol", "tren", "gra", "hol", "fen", "dus",
    ];
    const KINDS: [&str; 10] = [
        "Front", "Brigade", "Movement", "Council", "Army", "Network", "Ministry", "Bureau", "Agency", "Group",
    ];
    const VERBS: [&str; 6] = ["attacked", "funded", "met", "threatened", "recruited fighters from", "warned"];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let word = |next: &mut dyn FnMut(usize) -> usize| {
        let n = 2 + next(2);
        let w: String = (0..n).map(|_| SYLLABLES[next(SYLLABLES.len())]).collect();
        let mut c = w.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
    };
    let mut out = String::with_capacity(bytes + 200);
    let mut in_paragraph = 0;
    while out.len() < bytes {
        let (a, b, c, d, e) =
            (word(&mut next), word(&mut next), word(&mut next), word(&mut next), word(&mut next));
        let acronym: String = d.chars().take(3).collect::<String>().to_uppercase();
        let sentence = format!(
            "The {a} {} {} the {c} {} ({acronym}) near {b} {e} on 3 March, according to officials. ",
            KINDS[next(KINDS.len())],
            VERBS[next(VERBS.len())],
            KINDS[next(KINDS.len())],
        );
        out.push_str(&sentence);
        in_paragraph += 1;
        if in_paragraph == 5 {
            out.push_str("\n\n");
            in_paragraph = 0;
        }
    }
    out
}

/// The real-brief corpus, repeated until it is about `bytes` long.
fn corpus_text(bytes: usize) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/briefs");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).expect("corpus").map(|e| e.expect("entry").path()).collect();
    files.sort();
    let all: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).expect("brief")).collect();
    let mut out = String::new();
    'fill: loop {
        for text in &all {
            if out.len() >= bytes {
                break 'fill;
            }
            out.push_str(text);
            out.push_str("\n\n");
        }
    }
    out
}

/// Analysis time against input size: it must grow linearly.
fn scaling() {
    println!("\n== analysis time against input size (median of 3) ==");
    for (label, make) in [("real briefs", corpus_text as fn(usize) -> String), ("many names", many_names)] {
        for kb in [86, 172, 344, 860, 1720] {
            let text = make(kb * 1000);
            let took = median(3, || {
                black_box(analyse(&text, &Options::default()).expect("analyses"));
            });
            let mb = text.len() as f64 / 1e6;
            println!(
                "{label:>11}, {kb:>5} KB: {:>8.1} ms, {:.2} s per MB",
                took.as_secs_f64() * 1e3,
                took.as_secs_f64() / mb
            );
        }
    }
}

/// The PowerPoint deck beside the PDF deck: each laid out from a cold cache
/// (as a one-off build does), in process and as a whole `briefsmith build`.
fn deck_formats() {
    println!("\n== slides.pdf and slides.pptx (seed, median of 11) ==");
    let renderer = Renderer::new(Templates::Builtin, &[]);
    let brief = analyse(SEED, &Options::default()).expect("analyses");
    let settings = pipeline::settings(&brief, &output_args(), &Default::default(), Some(SEED));
    for product in [Product::Slides, Product::Pptx] {
        let took = median(11, || {
            typst::comemo::evict(0);
            renderer.render(&brief, product, &settings).expect("renders");
        });
        println!("render {:<28} {:>7.1} ms", product.file_name(), took.as_secs_f64() * 1e3);
    }
    let dir = std::env::temp_dir().join(format!("briefsmith-bench-decks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    std::fs::write(dir.join("seed.txt"), SEED).expect("brief written");
    for format in ["slides", "pptx", "slides,pptx"] {
        let took = median(11, || {
            let status = Command::new(BIN)
                .args(["build", "seed.txt", "--format", format, "-o", "out"])
                .current_dir(&dir)
                .stdout(std::process::Stdio::null())
                .status()
                .expect("briefsmith runs");
            assert!(status.success());
        });
        println!("`briefsmith build --format {format:<12}` {:>7.1} ms", took.as_secs_f64() * 1e3);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `review`: from a correction to new previews, on warm caches.
fn edit_to_preview() {
    use briefsmith::corrections::{Corrections, ThreatChanges, ThreatEdit};
    println!("\n== review: edit to preview (seed, median of 11) ==");
    let dir = std::env::temp_dir().join(format!("briefsmith-bench-review-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    let brief = dir.join("seed.txt");
    std::fs::write(&brief, SEED).expect("brief written");
    let pool = rayon::ThreadPoolBuilder::new().stack_size(16 << 20).build().expect("pool");
    let mut session = briefsmith::review::Session::open(
        &brief,
        &Default::default(),
        &output_args(),
        Templates::Builtin,
        pool,
    )
    .expect("opens");
    let mut edit = 0;
    let took = median(11, || {
        edit += 1;
        let rename = ThreatEdit {
            name: "TTP".into(),
            rename: Some(format!("Tehrik-e-Taliban {edit}")),
            ..Default::default()
        };
        let corrections = Corrections {
            threats: ThreatChanges { edit: vec![rename], ..Default::default() },
            ..Default::default()
        };
        session.correct(corrections).expect("renders");
    });
    println!(
        "a threat renamed → summary, slides, briefing pages 1–2 as SVG: {:.0} ms",
        took.as_secs_f64() * 1e3
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn main() {
    #[cfg(feature = "mimalloc")]
    briefsmith::keep_freed_memory();
    // `BRIEFSMITH_BENCH=scaling cargo bench` runs only the scaling report,
    // `BRIEFSMITH_BENCH=review` only the edit-to-preview time,
    // `BRIEFSMITH_BENCH=pptx` only the PDF and PowerPoint decks' times.
    match std::env::var("BRIEFSMITH_BENCH").as_deref() {
        Ok("scaling") => return scaling(),
        Ok("review") => return edit_to_preview(),
        Ok("pptx") => return deck_formats(),
        _ => {}
    }
    let mut criterion = Criterion::default().sample_size(20).configure_from_args();
    criterion_benches(&mut criterion);
    criterion.final_summary();
    edit_to_preview();
    deck_formats();
    scaling();
    side_by_side();
}
