//! Helpers: running the binary, reading PDFs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fixed creation time so outputs do not depend on the clock.
pub const EPOCH: &str = "1764000000";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn seed() -> PathBuf {
    root().join("seeds/pakistan-counterterrorism.txt")
}

/// Runs briefsmith with `args` in `cwd`.
pub fn run(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefsmith"))
        .args(args)
        .current_dir(cwd)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("briefsmith runs")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A PDF read back with lopdf.
pub struct Pdf {
    pub doc: lopdf::Document,
}

impl Pdf {
    pub fn open(path: &Path) -> Pdf {
        Pdf { doc: lopdf::Document::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())) }
    }

    pub fn pages(&self) -> usize {
        self.doc.get_pages().len()
    }

    /// Width and height of every page, in points.
    pub fn page_sizes(&self) -> Vec<(f32, f32)> {
        self.doc
            .get_pages()
            .values()
            .map(|&id| {
                let page = self.doc.get_dictionary(id).expect("page dictionary");
                let mediabox = page.get(b"MediaBox").and_then(|o| o.as_array()).expect("MediaBox");
                let n: Vec<f32> = mediabox.iter().map(|o| o.as_float().expect("number")).collect();
                (n[2] - n[0], n[3] - n[1])
            })
            .collect()
    }

    /// All text, with whitespace removed, so line breaks inside names do
    /// not matter.
    pub fn text(&self) -> String {
        let pages: Vec<u32> = self.doc.get_pages().keys().copied().collect();
        let text = self.doc.extract_text(&pages).expect("text extracts");
        squash(&text)
    }
}

/// Removes all whitespace and the invisible characters that line breaking
/// and bidirectional layout add or drop (soft hyphens, zero-width spaces and
/// joiners, direction marks and overrides, BOMs).
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
        })
        .collect()
}

/// One fixture of `tests/fixtures/`: its name, its brief (`brief.md` or
/// `brief.txt`) and its folder, which holds `gold.json`.
pub struct FixtureFiles {
    pub name: String,
    pub brief: PathBuf,
    pub dir: PathBuf,
}

/// The fixtures with gold labels, in name order.
pub fn fixture_files() -> Vec<FixtureFiles> {
    let fixtures = root().join("tests/fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("tests/fixtures exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.join("gold.json").is_file())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|dir| {
            let brief =
                ["brief.md", "brief.txt"].iter().map(|f| dir.join(f)).find(|p| p.is_file()).expect("a brief");
            let name = dir.file_name().expect("a folder name").to_string_lossy().into_owned();
            FixtureFiles { name, brief, dir }
        })
        .collect()
}
