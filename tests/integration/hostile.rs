//! Hostile and broken input: text that looks like code renders literally,
//! templates stay in their sandbox, outputs are never half-written, every
//! bad input gets one clear line, PDFs are reproducible and meet standards.

use std::path::Path;

use crate::support::*;

/// Strings that would do something if pasted into Typst, HTML or Markdown.
const HOSTILE: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "#eval(\"1 + 1\")",
    "#import \"@preview/x:1.0.0\": *",
    "] closes [ opens",
    "$x^2 + y$",
    "<label> and @ref",
    "*not bold* and _not emphasis_",
    "`not code`",
    "back\\slash",
    "// not a comment",
    "/* not a block */",
    "<script>alert(1)</script>",
    "[link](http://example.com)",
    "zero\u{200B}width\u{200D}joiners",
    "Pneumonoultramicroscopicsilicovolcanoconiosis-Supercalifragilisticexpialidocious-Antidisestablishmentarianism-Floccinaucinihilipilification",
];

fn hostile_model() -> serde_json::Value {
    serde_json::json!({
        "meta": { "title": "Hostile #title $x$ [y]", "marking": "TLP:RED" },
        "summary": HOSTILE.iter().take(3).map(|s| format!("The group wrote {s} on the wall.")).collect::<Vec<_>>(),
        "context": HOSTILE.iter().map(|s| format!("Consider {s} here.")).chain(["Bidi \u{202E}override\u{202C} text.".to_string()]).collect::<Vec<_>>(),
        "threats": [{ "name": "Group #1 [x]", "label": "G#1", "summary": "It posts $money$.", "points": ["A point with *stars*."] }],
        "recommendations": [{ "title": "Block #read(\"x\")", "detail": "Detail with ] and [." }],
        "conclusion": ["The end <label>."]
    })
}

#[test]
fn text_that_looks_like_code_renders_literally() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("hostile.json"), hostile_model().to_string()).unwrap();
    let out = run(dir.path(), &["render", "hostile.json", "--format", "briefing,summary,slides"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = Pdf::open(&dir.path().join("out/hostile/briefing.pdf")).text();
    for s in HOSTILE {
        assert!(text.contains(&squash(s)), "`{s}` is not in the PDF text as written");
    }
    // Arabic and emoji are checked glyph by glyph in `products` (lopdf's
    // extraction reads neither right-to-left runs nor colour glyphs);
    // invisible characters (bidi overrides, zero-width spaces) have no glyphs
    // in a PDF, so the visible text around them is what is compared.
    assert!(text.contains(&squash("Hostile #title $x$ [y]")));
    assert!(!text.contains("root:x:0"), "no file was read");
    // A right-to-left override is laid out as the reader would see it
    // (reversed): the characters are there, in visual order.
    assert!(
        text.contains("Consider") && text.contains(&squash("override").chars().rev().collect::<String>())
            || text.contains("override")
    );
}

#[test]
fn hostile_prose_goes_through_the_analysis_unharmed() {
    let dir = tempfile::tempdir().unwrap();
    let brief: String =
        HOSTILE.iter().map(|s| format!("Analysts found {s} in the files of the Wagner Group.\n")).collect();
    std::fs::write(dir.path().join("prose.txt"), &brief).unwrap();
    let out = run(dir.path(), &["build", "prose.txt", "--format", "briefing"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

fn templates_with(dir: &Path, briefing: &str) {
    std::fs::create_dir_all(dir.join("tpl")).unwrap();
    std::fs::write(dir.join("tpl/briefing.typ"), briefing).unwrap();
    std::fs::write(dir.join("secret.txt"), "TOP SECRET CONTENT").unwrap();
}

fn build_with_templates(dir: &Path) -> std::process::Output {
    let seed = seed();
    run(dir, &["build", seed.to_str().unwrap(), "--format", "briefing", "--templates", "tpl"])
}

#[test]
fn user_templates_cannot_leave_their_folder() {
    for (template, expected) in [
        ("#read(\"../secret.txt\")", "escape"),
        ("#read(\"/../secret.txt\")", "escape"),
        ("#import \"@preview/cetz:0.3.0\": *", "packages are not available"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        templates_with(dir.path(), template);
        let out = build_with_templates(dir.path());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{template}: {err}");
        assert!(err.contains(expected), "{template}: {err}");
        assert!(!err.contains("TOP SECRET"), "{template}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_template_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    templates_with(dir.path(), "#read(\"link.txt\")");
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), dir.path().join("tpl/link.txt")).unwrap();
    let out = build_with_templates(dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("access denied") || err.contains("failed to load"), "{err}");
    assert!(!err.contains("TOP SECRET"), "{err}");
}

#[test]
fn a_failed_render_never_replaces_a_good_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let out = run(dir.path(), &["build", seed.to_str().unwrap(), "--format", "briefing"]);
    assert!(out.status.success());
    let pdf = dir.path().join("out/pakistan-counterterrorism/briefing.pdf");
    let good = std::fs::read(&pdf).unwrap();
    templates_with(dir.path(), "#panic(\"broken template\")");
    let out = build_with_templates(dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&pdf).unwrap(), good, "the good PDF is untouched");
    let leftovers: Vec<_> = std::fs::read_dir(pdf.parent().unwrap())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files remain");
}

#[test]
fn a_killed_batch_leaves_no_truncated_pdf() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("briefs")).unwrap();
    let seed = std::fs::read_to_string(seed()).unwrap();
    for i in 0..12 {
        std::fs::write(dir.path().join(format!("briefs/b{i}.txt")), &seed).unwrap();
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_briefsmith"))
        .args(["build", "briefs", "-q"])
        .current_dir(dir.path())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    let _ = child.kill();
    let _ = child.wait();
    for entry in walkdir::WalkDir::new(dir.path().join("out")).into_iter().filter_map(Result::ok) {
        if entry.path().extension().is_some_and(|e| e == "pdf") {
            assert!(lopdf::Document::load(entry.path()).is_ok(), "{} is a whole PDF", entry.path().display());
        }
    }
}

#[test]
fn bad_inputs_get_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("image.txt"), b"\x89PNG\r\n\x1a\n....").unwrap();
    std::fs::write(p.join("bytes.txt"), b"Valid start \x81\x01 then junk").unwrap();
    let huge = std::fs::File::create(p.join("huge.txt")).unwrap();
    huge.set_len(100 * 1024 * 1024).unwrap();
    std::fs::create_dir(p.join("branded")).unwrap();
    std::fs::write(p.join("branded/brand.toml"), "[colors]\nprimary = #fff\n").unwrap();
    std::fs::write(p.join("ok.txt"), std::fs::read_to_string(seed()).unwrap()).unwrap();
    std::fs::write(p.join("branded/ok.txt"), std::fs::read_to_string(seed()).unwrap()).unwrap();
    std::fs::write(p.join("a-file"), "").unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["parse", "image.txt"],
            "error: failed to read brief `image.txt` (it is a binary file, apparently a PNG image, not text)",
        ),
        (&["parse", "bytes.txt"], "error: failed to read brief `bytes.txt` (invalid UTF-8 at byte 12)"),
        (
            &["parse", "huge.txt"],
            "error: failed to read brief `huge.txt` (it is 104857600 bytes; the limit is 16777216)",
        ),
        (
            &["build", "branded/ok.txt", "--format", "summary"],
            "error: failed to read brand `branded/brand.toml` (branded/brand.toml:2:",
        ),
        (&["build", "ok.txt", "--brand", "none.toml"], "error: failed to read brand `none.toml` ("),
        (
            &["build", "ok.txt", "--format", "summary", "-o", "a-file/out"],
            "error: failed to write `a-file/out",
        ),
        (&["build", "ok.txt", "--format", "poster"], "error: invalid value 'poster' for '--format <FORMAT>'"),
    ];
    for (args, expected) in cases {
        let out = run(p, args);
        let err = stderr(&out);
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        assert!(err.starts_with(expected), "{args:?}: {err}");
        assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "{args:?}: {err}");
    }
}

#[test]
fn word_processor_encodings_are_decoded_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(seed()).unwrap().replace('’', "'");
    let latin: Vec<u8> = text
        .chars()
        .map(|c| if c.is_ascii() { c as u8 } else { b' ' })
        .chain(*b"\n\x93Quoted\x94 caf\xe9.\n")
        .collect();
    std::fs::write(dir.path().join("cp1252.txt"), latin).unwrap();
    let out = run(dir.path(), &["build", "cp1252.txt", "--format", "summary"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("note: decoded `cp1252.txt` from windows-1252"), "{}", stderr(&out));
}

#[test]
fn builds_are_byte_identical_with_a_fixed_date() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    for out_dir in ["a", "b"] {
        let out = run(dir.path(), &["build", seed.to_str().unwrap(), "-o", out_dir]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    for product in ["briefing", "summary", "slides", "handout"] {
        let a = std::fs::read(dir.path().join(format!("a/pakistan-counterterrorism/{product}.pdf"))).unwrap();
        let b = std::fs::read(dir.path().join(format!("b/pakistan-counterterrorism/{product}.pdf"))).unwrap();
        assert!(a == b, "{product}.pdf differs between two builds");
    }
}

#[test]
fn archival_and_accessible_standards() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    for standards in ["a-2b", "a-3b", "ua-1", "a-2a,ua-1"] {
        let out = run(
            dir.path(),
            &["build", seed.to_str().unwrap(), "--format", "briefing,summary", "--pdf-standard", standards],
        );
        assert!(out.status.success(), "{standards}: {}", stderr(&out));
        let pdf = std::fs::read(dir.path().join("out/pakistan-counterterrorism/briefing.pdf")).unwrap();
        let text = String::from_utf8_lossy(&pdf);
        assert!(
            text.contains("pdfaid") || text.contains("pdfuaid") || standards == "ua-1",
            "{standards}: XMP identification"
        );
    }
    let out = run(
        dir.path(),
        &["build", seed.to_str().unwrap(), "--format", "summary", "--pdf-standard", "ua-1,a-4"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("error: failed to export summary ("), "{}", stderr(&out));
}
