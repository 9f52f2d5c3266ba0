//! What a user sees when something is wrong: one `error:` line naming the
//! file and the cause, a non-zero exit, no panic.

use crate::support::*;

#[test]
fn missing_brief_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["build", "nope.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "error: failed to read brief `nope.txt` (no such file)\n");
}

#[test]
fn empty_brief_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), " \n\t\n").unwrap();
    let out = run(dir.path(), &["parse", "empty.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "error: failed to read brief `empty.txt` (the file is empty)\n");
}

#[test]
fn template_error_points_at_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("mytemplates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("briefing.typ"), "#let x = 1\n= Title\n#undefined-thing(x)\n").unwrap();
    let seed = seed();
    let out = run(
        dir.path(),
        &["build", seed.to_str().unwrap(), "--format", "briefing", "--templates", "mytemplates"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("error: failed to render briefing\n"), "{err}");
    assert!(err.contains("unknown variable: undefined-thing"), "{err}");
    assert!(err.contains("mytemplates/briefing.typ:3:"), "the file, line and column: {err}");
    assert!(err.contains("#undefined-thing(x)"), "the excerpt is shown: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn malformed_model_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("m.json"), "{\n  \"meta\": {\"title\": 3}\n}\n").unwrap();
    let out = run(dir.path(), &["render", "m.json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("error: failed to read model `m.json` (m.json:2:"), "{err}");
}

#[test]
fn a_folder_is_not_a_brief() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["parse", "."]);
    assert_eq!(stderr(&out), "error: failed to read brief `.` (it is a folder, not a file)\n");
}
