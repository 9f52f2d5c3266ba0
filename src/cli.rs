//! Command-line interface: the clap definitions. The doc comments are the
//! help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::render::Product;

/// One example per subcommand, shown under the top-level help.
const EXAMPLES: &str = "\
Examples:
  briefsmith build brief.txt              all documents and model.json in out/brief/
  briefsmith parse brief.md > model.json  the model as JSON
  briefsmith render out/brief/model.json  the documents again from a corrected model
  briefsmith check --strict brief.txt     list what the analysis missed; fail if any
  briefsmith init my-brand                a starter brand.toml and templates to edit
  briefsmith watch brief.md               rebuild whenever brief, brand or templates change
  briefsmith review brief.md              correct the analysis in the browser, with previews
  briefsmith completions bash             a completion script (bash, zsh, fish, …)
  briefsmith man > briefsmith.1           the man page";

/// Turns a policy or security brief into a briefing, a one-page summary and a
/// slide deck, offline.
#[derive(Debug, Parser)]
#[command(name = "briefsmith", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse briefs and render their documents (and `model.json`).
    Build(BuildArgs),
    /// Analyse a brief and print its model as JSON on stdout.
    Parse(ParseArgs),
    /// Render documents from a model file (as printed by `parse`).
    Render(RenderArgs),
    /// Warn about what the analysis could not find in a brief.
    Check(CheckArgs),
    /// Write a starter brand.toml and a copy of the built-in templates to customise.
    Init(InitArgs),
    /// Re-render a brief whenever it, its brand file or a template changes.
    Watch(WatchArgs),
    /// Correct the analysis in the browser beside its sources, with live
    /// previews; saves NAME.corrections.toml beside the brief.
    Review(ReviewArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

/// Arguments of `watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The brief (or model) file.
    #[arg(value_hint = clap::ValueHint::FilePath)]
    pub input: PathBuf,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Arguments of `review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The brief (.txt, .md).
    #[arg(value_hint = clap::ValueHint::FilePath)]
    pub input: PathBuf,
    /// Print the page's address instead of opening the browser [default: off].
    #[arg(long)]
    pub no_open: bool,
    /// Port to listen on, on 127.0.0.1 only [default: a free port].
    #[arg(long, value_name = "PORT")]
    pub port: Option<u16>,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    /// Brand file (brand.toml or Quarto's _brand.yml) [default: brand.toml or
    /// _brand.yml beside the brief, else the built-in brand].
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub brand: Option<PathBuf>,
    /// Use the templates in this folder instead of the built-in ones
    /// [default: the built-in templates].
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub templates: Option<PathBuf>,
    /// Handling marking shown on every page [default: the brief's, else the
    /// brand's, else UNCLASSIFIED].
    #[arg(long)]
    pub marking: Option<String>,
    /// Status; `draft` puts a DRAFT mark on every page [default: the brief's,
    /// else none].
    #[arg(long)]
    pub status: Option<String>,
}

impl ReviewArgs {
    /// The rendering options the preview uses (the rest as `build`'s defaults).
    pub fn output(&self) -> OutputArgs {
        OutputArgs {
            brand: self.brand.clone(),
            templates: self.templates.clone(),
            marking: self.marking.clone(),
            status: self.status.clone(),
            ..OutputArgs::default()
        }
    }
}

/// Arguments of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to write into (created if needed).
    #[arg(default_value = ".", value_hint = clap::ValueHint::DirPath)]
    pub dir: PathBuf,
    /// Replace files that already exist [default: off].
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The brief (or model) file.
    #[arg(value_hint = clap::ValueHint::FilePath)]
    pub input: PathBuf,
    /// Exit with an error when there are warnings [default: off].
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
}

/// Arguments of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Brief files (.txt, .md) or model files (.json).
    #[arg(required = true, value_hint = clap::ValueHint::FilePath)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub batch: BatchArgs,
}

/// Options for building many briefs.
#[derive(Debug, Args, Clone, Default)]
pub struct BatchArgs {
    /// Build only shard I of N (e.g. `2/4`): a deterministic share of the
    /// inputs, so separate jobs can split a corpus [default: all the inputs].
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<(usize, usize)>,
    /// Briefs built at once [default: one per core].
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Print only errors [default: off].
    #[arg(short, long)]
    pub quiet: bool,
}

/// Parses a PDF standard by the name typst uses ("a-2b", "ua-1", "1.7").
fn parse_standard(s: &str) -> Result<typst_pdf::PdfStandard, String> {
    serde_json::from_value(serde_json::Value::String(s.to_ascii_lowercase()))
        .map_err(|_| format!("`{s}` is not a PDF standard (try 1.7, 2.0, a-2b, a-3b, a-4, ua-1)"))
}

/// Parses `I/N` with 1 ≤ I ≤ N.
fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let (i, n) = s.split_once('/').ok_or("expected I/N, e.g. 2/4")?;
    let i: usize = i.trim().parse().map_err(|_| format!("`{i}` is not a number"))?;
    let n: usize = n.trim().parse().map_err(|_| format!("`{n}` is not a number"))?;
    if i == 0 || n == 0 || i > n {
        return Err(format!("shard {i}/{n} does not exist; use 1/{n} to {n}/{n}"));
    }
    Ok((i, n))
}

/// Arguments of `parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// The brief file (.txt, .md).
    #[arg(value_hint = clap::ValueHint::FilePath)]
    pub input: PathBuf,
    /// Print each item beside its source sentences instead of JSON [default: off].
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
}

/// Arguments of `render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The model file (JSON).
    #[arg(value_hint = clap::ValueHint::FilePath)]
    pub model: PathBuf,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Print only errors [default: off].
    #[arg(short, long)]
    pub quiet: bool,
}

/// Options that steer the analysis.
#[derive(Debug, Args, Clone, Default)]
pub struct AnalysisArgs {
    /// Title to use instead of the one derived from the text [default: the
    /// brief's own, else one derived from the text].
    #[arg(long)]
    pub title: Option<String>,
    /// Leave out the corrections file beside the brief (NAME.corrections.toml)
    /// and show the analysis as it is [default: off].
    #[arg(long)]
    pub no_corrections: bool,
}

/// Options that steer rendering and output.
#[derive(Debug, Args, Clone)]
pub struct OutputArgs {
    /// Output folder; each brief's files go into a subfolder named after it
    /// [default: out, or briefsmith.toml's `output`].
    #[arg(short, long, value_hint = clap::ValueHint::DirPath)]
    pub output: Option<PathBuf>,
    /// Products to render, comma-separated; `pptx` is the deck as editable
    /// PowerPoint [default: the four PDFs, or briefsmith.toml's `formats`].
    #[arg(long, value_enum, value_delimiter = ',')]
    pub format: Option<Vec<Product>>,
    /// Open the first product when it is written [default: off].
    #[arg(long)]
    pub open: bool,
    /// Also write a self-contained Typst project (templates, model, fonts) here
    /// [default: none].
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub keep_typst: Option<PathBuf>,
    /// Use the templates in this folder instead of the built-in ones (file by
    /// file: files it lacks come from the built-in set) [default: the built-in
    /// templates].
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub templates: Option<PathBuf>,
    /// Brand file (brand.toml or Quarto's _brand.yml) [default: brand.toml or
    /// _brand.yml beside the brief, else the built-in brand].
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub brand: Option<PathBuf>,
    /// Handling marking shown on every page; TLP labels get their colours
    /// [default: the brief's, else the brand's, else UNCLASSIFIED].
    #[arg(long)]
    pub marking: Option<String>,
    /// Document version shown in every footer [default: the brief's, else none].
    #[arg(long, value_name = "VERSION")]
    pub doc_version: Option<String>,
    /// Status; `draft` puts a DRAFT mark on every page [default: the brief's,
    /// else none].
    #[arg(long)]
    pub status: Option<String>,
    /// Distribution statement [default: the brief's, else the brand's, else none].
    #[arg(long)]
    pub distribution: Option<String>,
    /// Author or issuing unit [default: the brief's, else none].
    #[arg(long)]
    pub author: Option<String>,
    /// PDF standards to conform to, comma-separated: 1.4–2.0, a-1b, a-2b,
    /// a-2u, a-3b, a-3u, a-4, ua-1 … (one PDF/A and PDF/UA together works)
    /// [default: none; tagged PDF 1.7].
    #[arg(long, value_name = "STANDARDS", value_delimiter = ',', value_parser = parse_standard)]
    pub pdf_standard: Vec<typst_pdf::PdfStandard>,
    /// Date the documents with this UNIX time [default: now].
    #[arg(long, env = "SOURCE_DATE_EPOCH", value_name = "SECONDS")]
    pub creation_timestamp: Option<i64>,
}

impl OutputArgs {
    /// The output folder.
    pub fn out_dir(&self) -> PathBuf {
        self.output.clone().unwrap_or_else(|| PathBuf::from("out"))
    }

    /// The products to render.
    pub fn products(&self) -> Vec<Product> {
        self.format.clone().unwrap_or_else(|| Product::ALL.to_vec())
    }
}

impl Default for OutputArgs {
    /// The values the command line gives when no option is passed.
    fn default() -> Self {
        OutputArgs {
            output: None,
            format: None,
            open: false,
            keep_typst: None,
            templates: None,
            brand: None,
            marking: None,
            doc_version: None,
            status: None,
            distribution: None,
            author: None,
            pdf_standard: Vec::new(),
            creation_timestamp: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn default_output_args_match_the_command_line() {
        let cli = Cli::try_parse_from(["briefsmith", "build", "a.txt"]).unwrap();
        let Command::Build(args) = cli.command else { panic!("not build") };
        let default = OutputArgs::default();
        assert_eq!(args.output.out_dir(), default.out_dir());
        assert_eq!(args.output.products(), default.products());
    }

    #[test]
    fn every_option_states_its_default() {
        let cli = Cli::command();
        for sub in cli.get_subcommands() {
            for arg in sub.get_arguments().filter(|a| !a.is_positional()) {
                let id = arg.get_id().as_str();
                if matches!(id, "help" | "version") {
                    continue;
                }
                let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                assert!(
                    !arg.get_default_values().is_empty() || help.contains("[default: "),
                    "`{} --{id}` does not say its default: {help:?}",
                    sub.get_name()
                );
            }
        }
    }

    #[test]
    fn top_level_help_shows_one_example_per_subcommand() {
        let mut cli = Cli::command();
        let help = cli.render_help().to_string();
        let examples = help.split_once("Examples:").expect("an Examples section").1;
        for sub in cli.get_subcommands().map(|s| s.get_name()).filter(|n| *n != "help") {
            let n = examples
                .lines()
                .filter(|l| l.trim_start().starts_with(&format!("briefsmith {sub} ")))
                .count();
            assert_eq!(n, 1, "example lines for `{sub}` in:\n{help}");
        }
    }

    #[test]
    fn shard_is_checked() {
        assert_eq!(parse_shard("2/4"), Ok((2, 4)));
        assert!(parse_shard("5/4").unwrap_err().contains("does not exist"));
        assert!(parse_shard("x").is_err());
    }

    #[test]
    fn format_takes_a_comma_separated_list() {
        let cli =
            Cli::try_parse_from(["briefsmith", "build", "a.txt", "--format", "summary,slides"]).unwrap();
        let Command::Build(args) = cli.command else { panic!("not build") };
        assert_eq!(args.output.products(), [Product::Summary, Product::Slides]);
    }

    #[test]
    fn unknown_product_is_refused_by_name() {
        let err = Cli::try_parse_from(["briefsmith", "build", "a.txt", "--format", "poster"]).unwrap_err();
        assert!(err.to_string().contains("invalid value 'poster'"), "{err}");
    }
}
