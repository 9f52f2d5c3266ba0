//! End-to-end tests: run the `briefsmith` binary as a user would and check
//! what it writes, reading PDFs back with lopdf (an independent reader).
//!
//! Modules: `seed` (the sample brief through every command), `errors` (what a
//! user sees when something is wrong), and `support` (helpers).

mod support {
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

    /// Removes all whitespace.
    pub fn squash(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }
}

mod seed {
    use super::support::*;

    const THREATS: [&str; 3] = ["Tehreek-i-Taliban Pakistan", "Al-Qaida", "Islamic State Khorasan Province"];
    const RECOMMENDATIONS: [&str; 5] = [
        "Enhance border security",
        "Strengthen Counterterrorism Cooperation",
        "Increase Diplomatic Pressure on Afghanistan",
        "Disrupt Terrorist Financing Networks",
        "Bolster Domestic Counterterrorism Measures",
    ];

    #[test]
    fn build_writes_three_pdfs_and_the_model() {
        let dir = tempfile::tempdir().unwrap();
        let out = run(dir.path(), &["build", seed().to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let base = dir.path().join("out/pakistan-counterterrorism");

        let summary = Pdf::open(&base.join("summary.pdf"));
        assert_eq!(summary.pages(), 1, "the summary is one page");

        let slides = Pdf::open(&base.join("slides.pdf"));
        assert!(slides.pages() >= 6, "title, bottom line, three threats, recommendations, conclusion");
        for (w, h) in slides.page_sizes() {
            assert!((w / h - 16.0 / 9.0).abs() < 0.01, "slide is {w}x{h}, not 16:9");
        }

        let briefing = Pdf::open(&base.join("briefing.pdf"));
        for (w, h) in briefing.page_sizes() {
            assert!((w - 595.3).abs() < 1.0 && (h - 841.9).abs() < 1.0, "briefing page is {w}x{h}, not A4");
        }
        for (product, pdf) in [("briefing", &briefing), ("slides", &slides)] {
            let text = pdf.text();
            for name in THREATS.iter().chain(&RECOMMENDATIONS) {
                assert!(text.contains(&squash(name)), "`{name}` is missing from the {product} text");
            }
        }
        let summary_text = summary.text();
        for title in RECOMMENDATIONS {
            assert!(summary_text.contains(&squash(title)), "`{title}` is missing from the summary");
        }

        let model: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(base.join("model.json")).unwrap()).unwrap();
        assert_eq!(model["threats"].as_array().unwrap().len(), 3);
    }

    #[test]
    fn parse_prints_the_reviewed_model() {
        let out = run(&root(), &["parse", "seeds/pakistan-counterterrorism.txt"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let json = String::from_utf8(out.stdout).unwrap();
        insta::assert_snapshot!("seed_model", json);
    }

    #[test]
    fn render_takes_a_hand_edited_model() {
        let dir = tempfile::tempdir().unwrap();
        let out = run(&root(), &["parse", "seeds/pakistan-counterterrorism.txt"]);
        let mut model: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        model["meta"]["title"] = "Edited by hand".into();
        model["recommendations"][0]["title"] = "Seal the border crossings".into();
        let path = dir.path().join("edited.json");
        std::fs::write(&path, serde_json::to_string(&model).unwrap()).unwrap();

        let out = run(dir.path(), &["render", "edited.json", "--format", "briefing", "-o", "docs"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = Pdf::open(&dir.path().join("docs/edited/briefing.pdf")).text();
        assert!(text.contains("Editedbyhand"));
        assert!(text.contains("Sealthebordercrossings"));
        assert!(!dir.path().join("docs/edited/slides.pdf").exists(), "only the requested product");
    }

    #[test]
    fn keep_typst_writes_a_self_contained_project() {
        let dir = tempfile::tempdir().unwrap();
        let seed = seed();
        let out = run(
            dir.path(),
            &["build", seed.to_str().unwrap(), "--format", "summary", "--keep-typst", "proj"],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let proj = dir.path().join("proj");
        for file in ["briefing.typ", "summary.typ", "slides.typ", "common.typ", "brief.json", "settings.json"]
        {
            assert!(proj.join(file).is_file(), "{file} is missing");
        }
        assert!(proj.join("fonts/inter/OFL.txt").is_file());
        let settings: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(proj.join("settings.json")).unwrap()).unwrap();
        assert!(settings["fit"]["body_size"].as_f64().unwrap() >= 8.5);
    }
}

mod errors {
    use super::support::*;

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
}

mod seed_model {
    //! What issue-level behaviour the seed's model must show, asserted on the
    //! library directly (the snapshot pins the rest).
    use briefsmith::analysis::{Options, analyse};
    use briefsmith::model::Role;

    fn seed() -> briefsmith::model::Brief {
        analyse(include_str!("../seeds/pakistan-counterterrorism.txt"), &Options::default())
            .expect("analyses")
    }

    #[test]
    fn threats_are_the_three_groups_with_their_aliases() {
        let brief = seed();
        let threats: Vec<(&str, &str)> =
            brief.threats.iter().map(|t| (t.name.as_str(), t.label.as_str())).collect();
        assert_eq!(
            threats,
            [
                ("Tehreek-i-Taliban Pakistan", "TTP"),
                ("Al-Qaida", "Al-Qaida"),
                ("Islamic State Khorasan Province", "ISIS-K")
            ]
        );
        assert!(brief.threats[2].aliases.contains(&"ISIS".to_string()), "ISIS is ISIS-K here");
        let taliban = brief.actors.iter().find(|a| a.name == "Afghan Taliban").expect("Afghan Taliban found");
        assert_eq!(taliban.role, Role::Enabler);
        assert!(brief.actors.iter().any(|a| a.name == "Pakistan" && a.role == Role::Subject));
    }

    #[test]
    fn five_recommendations_in_order() {
        let titles: Vec<String> =
            seed().recommendations.into_iter().map(|r| r.title.to_lowercase()).collect();
        assert_eq!(
            titles,
            [
                "enhance border security",
                "strengthen counterterrorism cooperation",
                "increase diplomatic pressure on afghanistan",
                "disrupt terrorist financing networks",
                "bolster domestic counterterrorism measures"
            ]
        );
    }

    #[test]
    fn conclusion_is_the_last_paragraph() {
        let brief = seed();
        assert_eq!(brief.conclusion.len(), 1);
        assert!(brief.conclusion[0].starts_with("Pakistan’s security landscape remains precarious"));
        assert!(brief.conclusion[0].ends_with("security and stability."));
    }

    #[test]
    fn figures_and_the_dated_event() {
        let brief = seed();
        let figures: Vec<(f64, Option<&str>, &str)> =
            brief.figures.iter().map(|f| (f.value, f.qualifier.as_deref(), f.label.as_str())).collect();
        assert_eq!(
            figures,
            [
                (8.0, Some("at least"), "new Al-Qaida training camps"),
                (400.0, Some("over"), "suspected militants")
            ]
        );
        let dated: Vec<_> = brief.events.iter().filter(|e| !e.relative).collect();
        assert_eq!(dated.len(), 1);
        assert_eq!(dated[0].date.as_deref(), Some("2025-03"));
        assert!(dated[0].text.contains("arrested Mohammad Sharifullah"));
    }

    #[test]
    fn every_span_points_at_its_sentence() {
        let text = include_str!("../seeds/pakistan-counterterrorism.txt");
        let brief = seed();
        for (sentence, span) in brief.summary.iter().zip(&brief.summary_sources) {
            assert_eq!(&text[span.start..span.end], sentence);
        }
        for rec in &brief.recommendations {
            let first = rec.sources[0];
            let source = text[first.start..first.end].to_lowercase();
            assert!(source.contains(&rec.title.to_lowercase()), "{} not in {source}", rec.title);
        }
    }
}
