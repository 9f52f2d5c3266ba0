//! Reading a brief from disk: the first stage of the pipeline.
//!
//! Turns a path into [`Input`]: the text of a prose or Markdown brief, or the
//! text of a model file that skips the analysis. Everything that can be wrong
//! with the file itself (missing, a folder, empty, not text) is reported here,
//! naming the file, so later stages only ever see readable text.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The largest brief we read. Briefs are a few pages; anything near this is
/// almost certainly the wrong file, and the analysis holds it all in memory.
pub const MAX_BRIEF_BYTES: u64 = 16 * 1024 * 1024;

/// The largest Word document we open: its pictures make it larger than its
/// text; the text it holds is still held to [`MAX_BRIEF_BYTES`].
pub const MAX_DOCX_BYTES: u64 = 64 * 1024 * 1024;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Prose or Markdown to analyse.
    Text,
    /// A model (JSON) that passes through unchanged.
    Model,
}

/// A brief read from disk.
#[derive(Debug, Clone)]
pub struct Input {
    /// Where it came from.
    pub path: PathBuf,
    /// Its text, decoded.
    pub text: String,
    /// Brief or model.
    pub kind: InputKind,
    /// The encoding it was decoded from, when not UTF-8.
    pub encoding: Option<&'static str>,
}

impl Input {
    /// A short name for outputs: the file stem (`pakistan-counterterrorism`).
    pub fn name(&self) -> String {
        let stem =
            self.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "brief".into());
        // A model printed into its own output folder is called `model.json`;
        // the folder then names the brief.
        if self.kind == InputKind::Model
            && stem == "model"
            && let Some(parent) = self.path.parent().and_then(Path::file_name)
        {
            return parent.to_string_lossy().into_owned();
        }
        stem
    }
}

/// Failures reading a brief.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// No file at the path.
    #[error("failed to read brief `{0}` (no such file)")]
    NotFound(PathBuf),
    /// The path is a folder.
    #[error("failed to read brief `{0}` (it is a folder, not a file)")]
    IsDirectory(PathBuf),
    /// The file holds nothing but whitespace.
    #[error("failed to read brief `{0}` (the file is empty)")]
    Empty(PathBuf),
    /// The file is larger than [`MAX_BRIEF_BYTES`].
    #[error("failed to read brief `{path}` (it is {size} bytes; the limit is {limit})")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size (for a Word document, that of its text).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is not text (a PDF, an image, an archive).
    #[error("failed to read brief `{path}` (it is a binary file{what}, not text)")]
    Binary {
        /// The file.
        path: PathBuf,
        /// ", apparently a PDF" and the like, or empty.
        what: String,
    },
    /// The file is text but not valid UTF-8.
    #[error("failed to read brief `{path}` (invalid UTF-8 at byte {offset})")]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// First bad byte.
        offset: usize,
    },
    /// A Word document that cannot be read.
    #[error("failed to read brief `{path}` ({source})")]
    Docx {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        source: crate::docx::DocxError,
    },
    /// Any other I/O failure.
    #[error("failed to read brief `{path}` ({source})")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}

/// Reads and decodes the brief at `path`.
pub fn read(path: &Path) -> Result<Input, InputError> {
    let meta = fs::metadata(path).map_err(|err| match err.kind() {
        io::ErrorKind::NotFound => InputError::NotFound(path.into()),
        _ => InputError::Io { path: path.into(), source: err },
    })?;
    if meta.is_dir() {
        return Err(InputError::IsDirectory(path.into()));
    }
    let docx = is_docx_path(path);
    let limit = if docx { MAX_DOCX_BYTES } else { MAX_BRIEF_BYTES };
    if meta.len() > limit {
        return Err(InputError::TooLarge { path: path.into(), size: meta.len(), limit });
    }
    let bytes = fs::read(path).map_err(|source| InputError::Io { path: path.into(), source })?;
    let (text, encoding) = if docx {
        let text = crate::docx::to_markdown(&bytes)
            .map_err(|source| InputError::Docx { path: path.into(), source })?;
        if text.len() as u64 > MAX_BRIEF_BYTES {
            return Err(InputError::TooLarge {
                path: path.into(),
                size: text.len() as u64,
                limit: MAX_BRIEF_BYTES,
            });
        }
        (text, None)
    } else {
        decode(path, bytes)?
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty(path.into()));
    }
    let kind = if is_model_path(path) { InputKind::Model } else { InputKind::Text };
    Ok(Input { path: path.into(), text, kind, encoding })
}

/// Whether a path names a Word document.
pub fn is_docx_path(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("docx") || ext.eq_ignore_ascii_case("docm"))
}

/// Whether a path names a model file (JSON or TOML) rather than a brief.
pub fn is_model_path(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("json") || ext.eq_ignore_ascii_case("toml"))
}

/// Decodes a brief: UTF-8 (a BOM is dropped), UTF-16 with a BOM, or
/// Windows-1252, which word processors write; anything else is refused with
/// the offset of the first bad byte. Returns the text and, when not UTF-8,
/// the encoding it came from.
fn decode(path: &Path, mut bytes: Vec<u8>) -> Result<(String, Option<&'static str>), InputError> {
    for (bom, encoding) in
        [(&b"\xFF\xFE"[..], encoding_rs::UTF_16LE), (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE)]
    {
        if bytes.starts_with(bom) {
            let (text, had_errors) = encoding.decode_with_bom_removal(&bytes);
            if !had_errors {
                return Ok((text.into_owned(), Some(encoding.name())));
            }
        }
    }
    if let Some(what) = sniff_binary(&bytes) {
        return Err(InputError::Binary { path: path.into(), what: what.into() });
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            windows_1252(&bytes)
                .map(|text| (text, Some("windows-1252")))
                .ok_or(InputError::InvalidUtf8 { path: path.into(), offset })
        }
    }
}

/// Text that reads as Windows-1252: no byte the code page leaves undefined,
/// no control characters but tab, CR and LF.
fn windows_1252(bytes: &[u8]) -> Option<String> {
    const UNDEFINED: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];
    if bytes.iter().any(|b| UNDEFINED.contains(b) || (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))) {
        return None;
    }
    let (text, _, had_errors) = encoding_rs::WINDOWS_1252.decode(bytes);
    (!had_errors).then(|| text.into_owned())
}

/// Recognises common binary formats by their magic bytes, and anything with
/// NUL bytes early on.
fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", ", apparently a PDF"),
        (b"\x89PNG", ", apparently a PNG image"),
        (b"\xFF\xD8\xFF", ", apparently a JPEG image"),
        (b"GIF8", ", apparently a GIF image"),
        (b"PK\x03\x04", ", apparently a ZIP archive or Office document"),
        (b"\xD0\xCF\x11\xE0", ", apparently an old Office document"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(what);
    }
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0).then_some("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_is_refused_as_binary() {
        let err = decode(Path::new("x.pdf"), b"%PDF-1.7 ...".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "failed to read brief `x.pdf` (it is a binary file, apparently a PDF, not text)"
        );
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = decode(Path::new("x.txt"), b"abc\x81\x01def".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "failed to read brief `x.txt` (invalid UTF-8 at byte 3)");
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode(Path::new("x"), b"\xEF\xBB\xBFhi".to_vec()).unwrap().0, "hi");
    }

    #[test]
    fn word_processor_encodings_are_decoded() {
        let (text, encoding) = decode(Path::new("x"), b"\x93Smart quotes\x94 \x96 caf\xe9".to_vec()).unwrap();
        assert_eq!(text, "“Smart quotes” – café");
        assert_eq!(encoding, Some("windows-1252"));
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Hi ☂".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(Path::new("x"), utf16).unwrap(), ("Hi ☂".to_string(), Some("UTF-16LE")));
    }
}
