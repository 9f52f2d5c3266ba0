//! Many briefs at once, shards, project config, watch, completions and man.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::support::*;

const SEED: &str = include_str!("../../seeds/pakistan-counterterrorism.txt");

fn folder_of_briefs(dir: &std::path::Path, n: usize) {
    std::fs::create_dir_all(dir.join("briefs")).unwrap();
    for i in 0..n {
        std::fs::write(
            dir.join(format!("briefs/brief-{i}.txt")),
            SEED.replacen("Pakistan", &format!("Pakistan ({i})"), 1),
        )
        .unwrap();
    }
}

#[test]
fn one_bad_brief_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    folder_of_briefs(dir.path(), 3);
    std::fs::write(dir.path().join("briefs/broken.txt"), "  \n").unwrap();
    let out = run(dir.path(), &["build", "briefs", "--format", "summary"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error: failed to read brief `briefs/broken.txt` (the file is empty)"), "{err}");
    assert!(
        err.contains("brief ") && err.contains("products") && err.contains("errors"),
        "the closing table: {err}"
    );
    assert!(err.trim_end().ends_with("error: failed to build 1 of 4 briefs"), "{err}");
    for i in 0..3 {
        assert_eq!(Pdf::open(&dir.path().join(format!("out/brief-{i}/summary.pdf"))).pages(), 1);
    }
}

#[test]
fn an_empty_folder_says_there_is_nothing_to_build() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("empty/sub")).unwrap();
    std::fs::write(dir.path().join("empty/sub/notes.pdf"), "%PDF-1.7").unwrap();
    let out = run(dir.path(), &["build", "empty"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).trim_end(), "error: no briefs (.txt, .md, .docx, .json) in `empty`");
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn a_pattern_that_matches_nothing_says_so() {
    let dir = tempfile::tempdir().unwrap();
    folder_of_briefs(dir.path(), 1);
    let out = run(dir.path(), &["build", "briefs/*.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).trim_end(), "error: no file matches `briefs/*.md`");
    // A pattern that matches builds what it matched.
    let out = run(dir.path(), &["build", "briefs/*.txt", "--format", "summary", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("out/brief-0/summary.pdf").is_file());
}

#[test]
fn a_shard_with_no_brief_says_so() {
    let dir = tempfile::tempdir().unwrap();
    folder_of_briefs(dir.path(), 1);
    // One brief falls in exactly one of two shards; the other is empty.
    let codes: Vec<(Option<i32>, String)> = ["1/2", "2/2"]
        .iter()
        .map(|shard| {
            let out = run(dir.path(), &["build", "briefs", "--format", "summary", "-q", "--shard", shard]);
            (out.status.code(), stderr(&out))
        })
        .collect();
    let empty: Vec<&(Option<i32>, String)> = codes.iter().filter(|(code, _)| *code == Some(1)).collect();
    assert_eq!(empty.len(), 1, "{codes:?}");
    assert!(
        empty[0].1.trim_end().starts_with("error: no briefs in shard ")
            && empty[0].1.contains("(the 1 briefs all fall in other shards)"),
        "{codes:?}"
    );
}

#[test]
fn the_closing_table_keeps_its_columns_for_long_paths() {
    let dir = tempfile::tempdir().unwrap();
    let deep = "regional-desks/west-africa-and-the-sahel/quarterly-assessments/2026";
    std::fs::create_dir_all(dir.path().join(deep)).unwrap();
    std::fs::write(dir.path().join(deep).join("mali-fuel-blockade-and-jnim.txt"), SEED).unwrap();
    std::fs::write(dir.path().join("short.txt"), SEED).unwrap();
    let out = run(dir.path(), &["build", deep, "short.txt", "--format", "summary"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().skip_while(|l| !l.starts_with("products")).collect();
    assert!(lines.len() >= 4, "{err}");
    let column = lines[0].find("brief").expect("header");
    for row in &lines[..3] {
        assert!(row.chars().count() <= 80, "wider than 80 columns: {row:?}");
    }
    assert!(lines[1].ends_with("/mali-fuel-blockade-and-jnim.txt") && lines[1].contains('…'), "{err}");
    assert!(lines[1][column..].starts_with('…'), "{err}");
    assert_eq!(&lines[2][column..], "short.txt", "{err}");
}

#[test]
fn shards_cover_every_brief_once() {
    let dir = tempfile::tempdir().unwrap();
    folder_of_briefs(dir.path(), 6);
    for shard in ["1/3", "2/3", "3/3"] {
        let out = run(
            dir.path(),
            &[
                "build",
                "briefs",
                "--format",
                "summary",
                "--shard",
                shard,
                "-o",
                &format!("out-{}", &shard[..1]),
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let mut built: Vec<String> = Vec::new();
    for shard in 1..=3 {
        let dir = dir.path().join(format!("out-{shard}"));
        if dir.exists() {
            built.extend(
                std::fs::read_dir(dir)
                    .unwrap()
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned()),
            );
        }
    }
    built.sort();
    let expected: Vec<String> = (0..6).map(|i| format!("brief-{i}")).collect();
    assert_eq!(built, expected);
}

#[test]
fn project_config_sets_defaults_the_command_line_can_override() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("memo.txt"), SEED).unwrap();
    std::fs::write(dir.path().join("briefsmith.toml"), "output = \"pdfs\"\nformats = [\"summary\"]\n")
        .unwrap();
    let out = run(dir.path(), &["build", "memo.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("pdfs/memo/summary.pdf").is_file());
    assert!(!dir.path().join("pdfs/memo/briefing.pdf").exists());
    let out = run(dir.path(), &["build", "memo.txt", "--format", "briefing"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("pdfs/memo/briefing.pdf").is_file());
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    let out = run(&root(), &["completions", "bash"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("_briefsmith()"));
    let out = run(&root(), &["man"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains(".TH briefsmith 1"));
}

#[test]
fn watch_rebuilds_on_an_edit_and_keeps_the_last_good_pdf_on_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("memo.txt"), SEED).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefsmith"))
        .args(["watch", "memo.txt", "--format", "summary"])
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let wait_for = |needle: &str| -> String {
        loop {
            let line =
                rx.recv_timeout(Duration::from_secs(20)).unwrap_or_else(|_| panic!("no `{needle}` line"));
            if line.contains(needle) {
                return line;
            }
        }
    };
    wait_for("watching");
    std::fs::write(dir.path().join("memo.txt"), SEED.replace("precarious", "fragile")).unwrap();
    let line = wait_for("rebuilt memo in");
    assert!(line.contains(" ms "), "{line}");
    assert!(line.contains("summary 1p)"), "the edit reached the summary: {line}");
    // An edit that changes nothing the summary shows leaves its file alone.
    let summary = dir.path().join("out/memo/summary.pdf");
    let before = std::fs::metadata(&summary).unwrap().modified().unwrap();
    std::fs::write(dir.path().join("memo.txt"), SEED.replace("precarious", "fragile") + "\n\n").unwrap();
    let line = wait_for("rebuilt memo in");
    assert!(line.contains("summary 1p unchanged"), "{line}");
    assert_eq!(std::fs::metadata(&summary).unwrap().modified().unwrap(), before, "not rewritten");
    // A corrections file written beside the brief (as `review` saves it)
    // rebuilds, and a correction whose anchor is gone is said.
    let corrections = dir.path().join("memo.corrections.toml");
    std::fs::write(&corrections, "title = \"Watched and corrected\"\n").unwrap();
    wait_for("rebuilt memo in");
    let model = std::fs::read_to_string(dir.path().join("out/memo/model.json")).unwrap();
    assert!(model.contains("\"title\": \"Watched and corrected\""), "{model}");
    std::fs::write(&corrections, "[threats]\ndrop = [\"No Such Group\"]\n").unwrap();
    let line = wait_for("correction not applied");
    assert!(
        line.contains("memo.corrections.toml:2: threat `No Such Group` to drop is not in the analysis"),
        "{line}"
    );
    std::fs::write(dir.path().join("memo.txt"), "").unwrap();
    wait_for("error: failed to read brief");
    assert_eq!(Pdf::open(&dir.path().join("out/memo/summary.pdf")).pages(), 1, "the last good PDF stays");
    let _ = child.kill();
    let _ = child.wait();
}
