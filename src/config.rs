//! `briefsmith.toml` in the working folder: project defaults for options the
//! command line does not give (output folder, brand, products, marking).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::cli::OutputArgs;
use crate::render::Product;

/// The file's name.
pub const FILE: &str = "briefsmith.toml";

/// Project defaults.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Output folder.
    pub output: Option<PathBuf>,
    /// Brand file.
    pub brand: Option<PathBuf>,
    /// Products to render.
    pub formats: Option<Vec<Product>>,
    /// Default marking.
    pub marking: Option<String>,
}

/// A malformed `briefsmith.toml`.
#[derive(Debug, thiserror::Error)]
#[error("failed to read config `{path}` ({path}:{line}:{column}: {message})")]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// Reads `briefsmith.toml` from `dir`, if there is one.
pub fn load(dir: &Path) -> Result<Option<Config>, ConfigError> {
    let path = dir.join(FILE);
    let Ok(text) = std::fs::read_to_string(&path) else { return Ok(None) };
    toml::from_str(&text).map(Some).map_err(|err| {
        let at = err.span().map_or(0, |s| s.start).min(text.len());
        let (line, column) = crate::model::line_column(&text, at);
        ConfigError { path: PathBuf::from(FILE), line, column, message: err.message().to_string() }
    })
}

impl Config {
    /// Fills the options the command line left unset.
    pub fn apply(self, args: &mut OutputArgs) {
        args.output = args.output.take().or(self.output);
        args.brand = args.brand.take().or(self.brand);
        args.format = args.format.take().or(self.formats);
        args.marking = args.marking.take().or(self.marking);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_fills_only_what_the_command_line_left_unset() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE),
            "output = \"pdfs\"\nformats = [\"summary\", \"pptx\"]\nmarking = \"TLP:GREEN\"\n",
        )
        .unwrap();
        let config = load(dir.path()).unwrap().unwrap();
        let mut args = OutputArgs { marking: Some("OFFICIAL".into()), ..OutputArgs::default() };
        config.apply(&mut args);
        assert_eq!(args.out_dir(), PathBuf::from("pdfs"));
        assert_eq!(args.products(), [Product::Summary, Product::Pptx]);
        assert_eq!(args.marking.as_deref(), Some("OFFICIAL"));
    }

    #[test]
    fn a_bad_key_is_located() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), "output = \"x\"\ncolour = 3\n").unwrap();
        let err = load(dir.path()).unwrap_err().to_string();
        assert!(err.contains("briefsmith.toml:2:1"), "{err}");
    }
}
