//! briefsmith: a policy or security brief in, a briefing, a one-page summary
//! and a slide deck out.
//!
//! The pipeline, one module per stage, with a data type at every seam:
//!
//! ```text
//! input (path → text) ─▶ analysis (text → model::Brief) ─▶ render (Brief → PDF)
//!                                                         ─▶ output (files)
//! ```
//!
//! [`pipeline`] ties the stages together; [`run`] dispatches the subcommands
//! defined in [`cli`].

pub mod analysis;
pub mod assets;
pub mod batch;
pub mod brand;
pub mod check;
pub mod cli;
pub mod config;
pub mod corrections;
pub mod docx;
pub mod explain;
pub mod input;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod pptx;
pub mod render;
pub mod review;
pub mod watch;

use std::io::{IsTerminal, Write};

use cli::{Cli, Command};
use render::Templates;

/// Everything that can stop a command, one variant per stage.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The brief could not be read.
    #[error(transparent)]
    Input(#[from] input::InputError),
    /// The model file is malformed.
    #[error(transparent)]
    Model(#[from] model::ModelError),
    /// The corrections file is malformed.
    #[error(transparent)]
    Corrections(#[from] corrections::CorrectionsError),
    /// The brief's front matter is malformed.
    #[error("failed to read front matter of `{path}` ({path}:{source})")]
    FrontMatter {
        /// The brief.
        path: std::path::PathBuf,
        /// Where and what.
        source: analysis::FrontMatterError,
    },
    /// A product failed to render.
    #[error(transparent)]
    Render(#[from] render::RenderError),
    /// An output could not be written.
    #[error(transparent)]
    Write(#[from] output::WriteError),
    /// `briefsmith.toml` is malformed.
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    /// The brand file cannot be used.
    #[error(transparent)]
    Brand(#[from] brand::BrandError),
    /// The `--templates` folder cannot be used.
    #[error("failed to use templates `{path}` ({source})")]
    Templates {
        /// The folder.
        path: std::path::PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// `check --strict` found gaps.
    #[error("check of `{path}` found {count} warning(s)")]
    Check {
        /// The brief.
        path: std::path::PathBuf,
        /// How many.
        count: usize,
    },
    /// A folder given to build holds no brief.
    #[error("no briefs ({exts}) in `{dir}`", exts = batch::BRIEF_EXTENSIONS)]
    NoBriefs {
        /// The folder.
        dir: std::path::PathBuf,
    },
    /// A glob pattern matched no file.
    #[error("no file matches `{pattern}`")]
    NoMatch {
        /// The pattern as given.
        pattern: String,
    },
    /// A glob pattern is malformed.
    #[error("failed to read pattern `{pattern}` ({message})")]
    Pattern {
        /// The pattern as given.
        pattern: String,
        /// What is wrong.
        message: String,
    },
    /// `--shard` picked a share with no brief in it.
    #[error("no briefs in shard {index}/{count} (the {total} briefs all fall in other shards)")]
    EmptyShard {
        /// The shard asked for.
        index: usize,
        /// Shards in all.
        count: usize,
        /// Briefs before sharding.
        total: usize,
    },
    /// Some briefs of a batch failed (each was reported as it failed).
    #[error("failed to build {failed} of {total} briefs")]
    Batch {
        /// How many failed.
        failed: usize,
        /// How many there were.
        total: usize,
    },
    /// A brief cannot be reviewed.
    #[error("failed to review: {0}")]
    Review(String),
    /// The review server failed.
    #[error(transparent)]
    ReviewServer(#[from] review::ReviewError),
    /// Watching files failed.
    #[error("failed to watch files ({0})")]
    Watch(String),
    /// The worker threads could not start.
    #[error("failed to start worker threads ({0})")]
    Threads(String),
    /// Printing to stdout failed (a closed pipe, for instance).
    #[error("failed to write to standard output ({0})")]
    Stdout(std::io::Error),
}

/// Tells mimalloc to keep the memory it frees instead of handing it back to
/// the system a second later (its default). A batch frees each brief's
/// layouts and allocates the next brief's at once: memory handed back is
/// handed out again, and the kernel zeroes every page of it on the way
/// (a tenth of a batch's processor time). Kept, it is simply reused; the
/// resident set stays at its high-water mark, which a batch reaches within
/// its first briefs anyway (BENCHMARKS.md). `MIMALLOC_PURGE_DELAY` in the
/// environment still decides, when set. For a binary (or benchmark) whose
/// global allocator is mimalloc; call it first thing in `main`.
#[cfg(feature = "mimalloc")]
#[allow(unsafe_code)]
pub fn keep_freed_memory() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    /// `mi_option_purge_delay` in mimalloc.h (the same in mimalloc 2 and 3).
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    /// "No purging at all".
    const NEVER: std::ffi::c_long = -1;
    // SAFETY: `mi_option_set` stores an integer in mimalloc's option table;
    // it takes no pointers and may be called at any time from any thread.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, NEVER) };
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Parse(args) => {
            let pipeline::Loaded { input, brief, unresolved, .. } =
                pipeline::load(&args.input, &args.analysis)?;
            for line in &unresolved {
                eprintln!("warning: correction not applied: {line}");
            }
            let text = if args.explain { explain::explain(&brief, &input.text) } else { brief.to_json() };
            print_stdout(format!("{}\n", text.trim_end()).as_bytes())
        }
        Command::Watch(mut args) => {
            with_config(&mut args.output)?;
            let renderers =
                pipeline::Renderers::new(templates(&args.output)?, std::io::stderr().is_terminal());
            pool(None)?.install(|| watch::run(&renderers, &args.input, &args.analysis, &args.output))
        }
        Command::Review(args) => {
            let mut output = args.output();
            with_config(&mut output)?;
            let templates = templates(&output)?;
            let port = args.port.unwrap_or(0);
            review::run(&args.input, &args.analysis, &output, templates, pool(None)?, port, !args.no_open)
        }
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut command, "briefsmith", &mut out);
            print_stdout(&out)
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_mangen::Man::new(command).render(&mut out).map_err(Error::Stdout)?;
            print_stdout(&out)
        }
        Command::Init(args) => {
            let written = output::init(&args.dir, args.force)?;
            let mut err = std::io::stderr().lock();
            for path in written {
                let _ = writeln!(err, "wrote {}", path.display());
            }
            let _ = writeln!(
                err,
                "edit brand.toml, then: briefsmith build BRIEF --brand {} --templates {}",
                args.dir.join("brand.toml").display(),
                args.dir.join("templates").display()
            );
            Ok(())
        }
        Command::Check(args) => {
            let pipeline::Loaded { input, brief, unresolved, .. } =
                pipeline::load(&args.input, &args.analysis)?;
            let source = (input.kind == input::InputKind::Text).then_some(input.text.as_str());
            let mut warnings = check::check(&brief, source);
            warnings.extend(unresolved.into_iter().map(|line| check::Warning {
                message: format!("correction not applied: {line}"),
                hint: Some("edit or remove it in the corrections file, or run `briefsmith review`".into()),
            }));
            let mut err = std::io::stderr().lock();
            for w in &warnings {
                let _ = writeln!(err, "warning: {}: {}", input.path.display(), w.message);
                if let Some(hint) = &w.hint {
                    let _ = writeln!(err, "  hint: {hint}");
                }
            }
            let _ = writeln!(err, "{}: {} warning(s)", input.path.display(), warnings.len());
            if args.strict && !warnings.is_empty() {
                return Err(Error::Check { path: input.path, count: warnings.len() });
            }
            Ok(())
        }
        Command::Build(mut args) => {
            with_config(&mut args.output)?;
            build(&args.inputs, &args.analysis, &args.output, &args.batch)
        }
        Command::Render(mut args) => {
            with_config(&mut args.output)?;
            let batch = cli::BatchArgs { quiet: args.quiet, ..Default::default() };
            build(std::slice::from_ref(&args.model), &Default::default(), &args.output, &batch)
        }
    }
}

/// The templates the options ask for.
fn templates(output: &cli::OutputArgs) -> Result<Templates, Error> {
    match &output.templates {
        Some(dir) => Templates::dir(dir).map_err(|source| Error::Templates { path: dir.clone(), source }),
        None => Ok(Templates::Builtin),
    }
}

/// Writes to stdout; a reader that stops early (`| head`) is not an error.
fn print_stdout(bytes: &[u8]) -> Result<(), Error> {
    match std::io::stdout().lock().write_all(bytes) {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Stdout(err)),
        _ => Ok(()),
    }
}

/// Fills unset options from `briefsmith.toml` in the working folder.
fn with_config(output: &mut cli::OutputArgs) -> Result<(), Error> {
    if let Some(config) = config::load(std::path::Path::new("."))? {
        config.apply(output);
    }
    Ok(())
}

fn build(
    inputs: &[std::path::PathBuf],
    analysis: &cli::AnalysisArgs,
    output: &cli::OutputArgs,
    batch: &cli::BatchArgs,
) -> Result<(), Error> {
    let renderers = pipeline::Renderers::new(templates(output)?, std::io::stderr().is_terminal());
    batch::run(&pool(batch.jobs)?, renderers, inputs, analysis, output, batch)
}

/// The worker threads: `jobs` of them (default: one per core), with stacks
/// as deep as a main thread's, since Typst's layout recurses deeply.
fn pool(jobs: Option<usize>) -> Result<rayon::ThreadPool, Error> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .stack_size(16 * 1024 * 1024)
        .build()
        .map_err(|e| Error::Threads(e.to_string()))
}
