//! Writing results: the PDFs and `model.json` of a brief, and the ejected
//! Typst project of `--keep-typst`.
//!
//! Files are written to a temporary name in the target folder and renamed
//! into place, so a failed run never leaves a truncated PDF behind. A file
//! that already holds the same bytes is left alone, so a PDF viewer (or a
//! build tool) sees only the documents that changed.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::assets;
use crate::render::{BRIEF_FILE, Product, SETTINGS_FILE, Settings, Templates};

/// Failure writing an output file.
#[derive(Debug, thiserror::Error)]
#[error("failed to write `{path}` ({source})")]
pub struct WriteError {
    /// The file or folder.
    pub path: PathBuf,
    /// The cause.
    pub source: io::Error,
}

/// Writes `data` to `path` through a temporary file in the same folder,
/// unless the file already holds exactly `data`. Returns whether it wrote.
pub fn write_atomic(path: &Path, data: &[u8]) -> Result<bool, WriteError> {
    let err = |source| WriteError { path: path.to_path_buf(), source };
    if fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == data.len() as u64)
        && fs::read(path).is_ok_and(|old| old == data)
    {
        return Ok(false);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|source| WriteError { path: dir.to_path_buf(), source })?;
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    fs::write(&tmp, data).map_err(err)?;
    fs::rename(&tmp, path).map_err(|source| {
        let _ = fs::remove_file(&tmp);
        err(source)
    })?;
    Ok(true)
}

/// Writes a self-contained Typst project into `dir`: the templates in use,
/// `brief.json`, `settings.json` and the fonts with their licences. The stock
/// `typst compile --font-path fonts --ignore-system-fonts briefing.typ` then
/// makes the same document.
pub fn eject(
    dir: &Path,
    templates: &Templates,
    brief_json: &str,
    settings: &Settings,
) -> Result<(), WriteError> {
    for asset in assets::TEMPLATES {
        let data = templates.load(asset.path).map(|b| b.to_vec()).unwrap_or_else(|_| asset.data.to_vec());
        write_atomic(&dir.join(asset.path), &data)?;
    }
    write_atomic(&dir.join(BRIEF_FILE), brief_json.as_bytes())?;
    for (path, bytes) in &settings.files {
        write_atomic(&dir.join(path), bytes)?;
    }
    let settings = serde_json::to_string_pretty(settings).unwrap_or_default();
    write_atomic(&dir.join(SETTINGS_FILE), settings.as_bytes())?;
    for asset in assets::FONTS.iter().chain(assets::FONT_LICENCES) {
        write_atomic(&dir.join("fonts").join(asset.path), asset.data)?;
    }
    let products: Vec<String> = Product::ALL.iter().map(|p| p.template()).collect();
    let readme = format!(
        "Typst project written by briefsmith.\n\nMain files: {}.\nCompile one with:\n\n    typst compile --font-path fonts --ignore-system-fonts briefing.typ\n\n\
         brief.json is the model and settings.json the date, marking, brand and summary fit;\n\
         edit them or the templates, then compile again.\n",
        products.join(", ")
    );
    write_atomic(&dir.join("README.txt"), readme.as_bytes()).map(|_| ())
}

/// Writes a starter `brand.toml` and the built-in templates (under
/// `templates/`) into `dir`; existing files are kept unless `force`.
/// Returns the files written.
pub fn init(dir: &Path, force: bool) -> Result<Vec<PathBuf>, WriteError> {
    let mut files: Vec<(PathBuf, &[u8])> = vec![(dir.join("brand.toml"), crate::brand::STARTER.as_bytes())];
    for asset in assets::TEMPLATES {
        files.push((dir.join("templates").join(asset.path), asset.data));
    }
    if !force && let Some((path, _)) = files.iter().find(|(p, _)| p.exists()) {
        return Err(WriteError {
            path: path.clone(),
            source: io::Error::new(io::ErrorKind::AlreadyExists, "it exists; pass --force to replace it"),
        });
    }
    for (path, data) in &files {
        write_atomic(path, data)?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("a.pdf");
        write_atomic(&path, b"data").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"data");
        let names: Vec<_> =
            fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn the_same_bytes_are_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.pdf");
        assert!(write_atomic(&path, b"one").unwrap(), "a new file is written");
        assert!(!write_atomic(&path, b"one").unwrap(), "the same bytes are left alone");
        assert!(write_atomic(&path, b"two").unwrap(), "new bytes are written");
        assert_eq!(fs::read(&path).unwrap(), b"two");
    }
}
