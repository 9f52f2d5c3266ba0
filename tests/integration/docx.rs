//! Word briefs: the `.docx` fixtures give the models of their text versions,
//! and hostile `.docx` files get one clear error and write nothing.

use std::io::Write;
use std::path::PathBuf;

use crate::support::*;

fn text_version(name: &str) -> PathBuf {
    let seed = root().join("seeds").join(format!("{name}.txt"));
    if seed.exists() { seed } else { root().join("tests/corpus/briefs").join(format!("{name}.txt")) }
}

fn parse(path: &std::path::Path) -> serde_json::Value {
    let out = run(&root(), &["parse", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}: {}", path.display(), stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn word_briefs_give_the_models_of_their_text_versions() {
    let dir = root().join("tests/docx");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".docx").map(str::to_string))
        .collect();
    names.sort();
    assert_eq!(names.len(), 13, "the seed and the 12 corpus briefs: {names:?}");
    let labels = |m: &serde_json::Value, key: &str, field: &str| -> Vec<String> {
        m[key].as_array().unwrap().iter().map(|x| x[field].as_str().unwrap().to_string()).collect()
    };
    for name in &names {
        let word = parse(&dir.join(format!("{name}.docx")));
        let text = parse(&text_version(name));
        assert_eq!(labels(&word, "threats", "label"), labels(&text, "threats", "label"), "{name}: threats");
        assert_eq!(
            labels(&word, "threats", "name"),
            labels(&text, "threats", "name"),
            "{name}: threat names"
        );
        assert_eq!(
            labels(&word, "recommendations", "title"),
            labels(&text, "recommendations", "title"),
            "{name}: recommendations"
        );
        assert_eq!(word["conclusion"], text["conclusion"], "{name}: conclusion");
        assert_eq!(word["summary"], text["summary"], "{name}: bottom line");
    }
}

/// A model without what depends on where the text sits in its file (spans,
/// byte offsets) or on the file itself (`meta`).
fn without_positions(v: &serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Object(map) => map
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "spans" | "start" | "end" | "meta"))
            .map(|(k, v)| (k.clone(), without_positions(v)))
            .collect(),
        serde_json::Value::Array(items) => items.iter().map(without_positions).collect(),
        other => other.clone(),
    }
}

#[test]
fn a_brief_saved_in_words_own_dialect_reads_as_its_text() {
    // Word's template, runs split mid-word with revision ids, spelling marks,
    // bookmarks, a rendered page break, a content control, a hyperlink
    // (see tests/docx/word/make.py): the whole model is the text version's.
    let word = parse(&root().join("tests/docx/word/pakistan-counterterrorism.docx"));
    let text = parse(&text_version("pakistan-counterterrorism"));
    assert_eq!(without_positions(&word), without_positions(&text));
    assert_eq!(word["meta"]["author"], "Policy Analysis Unit", "from the document properties");
}

#[test]
fn a_word_brief_builds_every_product() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("tests/docx/pakistan-counterterrorism.docx"), dir.path().join("pk.docx"))
        .unwrap();
    let out = run(dir.path(), &["build", "pk.docx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for product in ["briefing", "summary", "slides", "handout"] {
        assert!(Pdf::open(&dir.path().join(format!("out/pk/{product}.pdf"))).pages() >= 1);
    }
    let text = Pdf::open(&dir.path().join("out/pk/summary.pdf")).text();
    assert!(text.contains("Enhancebordersecurity"), "{text}");
    // A folder of briefs takes Word files too.
    let out = run(dir.path(), &["build", ".", "--format", "summary", "-o", "all", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("all/pk/summary.pdf").is_file());
}

/// A zip with these parts (stored, or deflated).
fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, bytes) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn hostile_word_files_get_one_clear_error_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    write("pdf.docx", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
    write("old.docx", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0");
    write("corrupt.docx", b"PK\x03\x04 this is not a zip at all");
    write("macros.docx", &zip(&[("word/vbaProject.bin", b"\0\x01macro")]));
    let laughs = br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol9 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#;
    write("laughs.docx", &zip(&[("word/document.xml", laughs)]));
    let external = br#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"#;
    write("external.docx", &zip(&[("word/document.xml", external)]));
    let mut bomb = b"<w:document><w:body><w:p><w:r><w:t>".to_vec();
    bomb.resize(bomb.len() + (80 << 20), b' ');
    bomb.extend_from_slice(b"</w:t></w:r></w:p></w:body></w:document>");
    write("bomb.docx", &zip(&[("word/document.xml", &bomb)]));
    drop(bomb);
    // A 100 MB document (sparse: its size is what is refused).
    std::fs::File::create(dir.path().join("huge.docx")).unwrap().set_len(100 << 20).unwrap();
    let cases = [
        ("pdf.docx", "it is not a Word document (it is a PDF)"),
        (
            "old.docx",
            "it is not a Word document (it is password-protected, or an old Word 97–2003 .doc: save it as .docx)",
        ),
        ("corrupt.docx", "the Word document is damaged ("),
        ("macros.docx", "the Word document has no document part (word/document.xml)"),
        ("laughs.docx", "`word/document.xml` declares a DOCTYPE; XML entities are not read"),
        ("external.docx", "`word/document.xml` declares a DOCTYPE; XML entities are not read"),
        ("bomb.docx", "a part of the Word document unpacks to more than 64 MiB (a zip bomb?)"),
        ("huge.docx", "it is 104857600 bytes; the limit is 67108864"),
    ];
    for (name, cause) in cases {
        let out = run(dir.path(), &["build", name]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        assert!(err.starts_with(&format!("error: failed to read brief `{name}` ({cause}")), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "{name}: one line: {err}");
    }
    assert!(!dir.path().join("out").exists(), "nothing half-written");
}
