//! `check` and `parse --explain`, and what Markdown front matter does to the
//! model, as a user sees them.

use crate::support::*;

const NO_RECOMMENDATIONS: &str = "---\ntitle: Lake Chad Watch\nmarking: TLP:GREEN\nversion: 1.2\nstatus: draft\n---\n\n\
## Background\n\nBoko Haram attacked three villages near Monguno in March 2025 and killed at least 40 people.\n\n\
## Assessment\n\nBoko Haram fighters now tax fishing on the lake islands. Boko Haram raids will continue.\n";

#[test]
fn check_warns_about_missing_recommendations_and_strict_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("watch.md"), NO_RECOMMENDATIONS).unwrap();

    let out = run(dir.path(), &["check", "watch.md"]);
    assert!(out.status.success(), "without --strict warnings do not fail: {}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("warning: watch.md: no recommendations found"), "{err}");
    assert!(err.contains("warning: watch.md: no conclusion found"), "{err}");

    let out = run(dir.path(), &["check", "--strict", "watch.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).ends_with("error: check of `watch.md` found 2 warning(s)\n"), "{}", stderr(&out));
}

#[test]
fn check_is_quiet_on_the_seed_but_for_its_derived_title() {
    let out = run(
        &root(),
        &[
            "check",
            "--strict",
            "--title",
            "Pakistan and its western border",
            "seeds/pakistan-counterterrorism.txt",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).ends_with(": 0 warning(s)\n"), "{}", stderr(&out));
}

#[test]
fn explain_shows_each_item_beside_its_source_line() {
    let out = run(&root(), &["parse", "--explain", "seeds/pakistan-counterterrorism.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(
        "  1. Enhance border security\n    confidence 0.85: advice with an agent, for Pakistan (urged)\n    ← 11:694 \"To effectively address these challenges, Pakistan needs to enhance border security.\""
    ), "{text}");
    assert!(text.contains("  2025-03\n    ← 8:1 \"In March 2025, Pakistani authorities"), "{text}");
}

#[test]
fn front_matter_fills_the_title_block() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("watch.md"), NO_RECOMMENDATIONS).unwrap();
    let out = run(dir.path(), &["parse", "watch.md"]);
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(model["meta"]["title"], "Lake Chad Watch");
    assert_eq!(model["meta"]["marking"], "TLP:GREEN");
    assert_eq!(model["meta"]["version"], "1.2");
    assert_eq!(model["meta"]["status"], "draft");
    assert_eq!(model["threats"][0]["name"], "Boko Haram");
    assert_eq!(model["events"][0]["date"], "2025-03");
}

#[test]
fn malformed_front_matter_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.md"), "---\ntitle: ok\nmarking: [unclosed\n---\n\nText.\n").unwrap();
    let out = run(dir.path(), &["parse", "bad.md"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("error: failed to read front matter of `bad.md` (bad.md:"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
