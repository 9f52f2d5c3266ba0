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

/// Says that a test did not run and why, straight to the process's
/// stderr (past the test harness's capture, so a passing run still says it).
pub fn not_run(why: &str) {
    use std::io::Write;
    let note = format!("NOT RUN: {why}");
    match std::fs::OpenOptions::new().write(true).open("/dev/stderr") {
        Ok(mut stderr) => {
            let _ = writeln!(stderr, "{note}");
        }
        Err(_) => eprintln!("{note}"),
    }
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

    /// For each page, the text it shows itself and the text the forms it
    /// draws show (a PDF page drawn as an image is such a form), whitespace
    /// removed.
    /// Each form is read as lopdf reads a page: it is given a page of its
    /// own in a copy of the document, with the form's content and resources.
    pub fn page_and_form_texts(&self) -> Vec<(String, String)> {
        use lopdf::{Dictionary, Object, ObjectId};
        let mut doc = self.doc.clone();
        let pages = doc.get_pages();
        let root =
            doc.catalog().and_then(|c| c.get(b"Pages")).and_then(Object::as_reference).expect("page tree");
        // The forms named in a resource dictionary, and in theirs, in turn.
        fn forms(doc: &lopdf::Document, resources: Option<&Object>, out: &mut Vec<ObjectId>) {
            let resources = match resources {
                Some(Object::Reference(id)) => doc.get_dictionary(*id).ok(),
                Some(Object::Dictionary(d)) => Some(d),
                _ => None,
            };
            let Some(xobjects) = resources.and_then(|r| r.get(b"XObject").ok()) else { return };
            let xobjects = match xobjects {
                Object::Reference(id) => doc.get_dictionary(*id).ok(),
                Object::Dictionary(d) => Some(d),
                _ => None,
            };
            for (_, x) in xobjects.into_iter().flat_map(|d| d.iter()) {
                let Ok(id) = x.as_reference() else { continue };
                let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else { continue };
                let is_form =
                    stream.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Form");
                if is_form && !out.contains(&id) {
                    out.push(id);
                    forms(doc, stream.dict.get(b"Resources").ok(), out);
                }
            }
        }
        let mut per_page = Vec::new();
        let mut next_page = pages.len() as u32 + 1;
        let mut extra: Vec<(u32, Vec<u32>)> = Vec::new();
        for (&number, &id) in &pages {
            let page = doc.get_dictionary(id).expect("page").clone();
            let mut found = Vec::new();
            forms(&doc, page.get(b"Resources").ok(), &mut found);
            let mut numbers = Vec::new();
            for form in found {
                let stream = doc.get_object(form).and_then(Object::as_stream).expect("form").clone();
                let mut pseudo = Dictionary::new();
                pseudo.set("Type", Object::Name(b"Page".to_vec()));
                pseudo.set("Parent", Object::Reference(root));
                pseudo.set("Contents", Object::Reference(form));
                if let Ok(resources) = stream.dict.get(b"Resources") {
                    pseudo.set("Resources", resources.clone());
                }
                let pseudo_id = doc.add_object(pseudo);
                let tree = doc.get_dictionary_mut(root).expect("page tree");
                let mut kids = tree.get(b"Kids").and_then(Object::as_array).cloned().unwrap_or_default();
                kids.push(Object::Reference(pseudo_id));
                tree.set("Kids", kids);
                numbers.push(next_page);
                next_page += 1;
            }
            extra.push((number, numbers));
        }
        let count = next_page - 1;
        doc.get_dictionary_mut(root).expect("page tree").set("Count", i64::from(count));
        for (number, forms) in extra {
            let own = doc.extract_text(&[number]).unwrap_or_default();
            let drawn: String = forms.iter().map(|&f| doc.extract_text(&[f]).unwrap_or_default()).collect();
            per_page.push((squash(&own), squash(&drawn)));
        }
        per_page
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
