//! The sample brief through every command, as a user runs them.

use crate::support::*;

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
    assert!(stderr(&out).contains("built edited"), "{}", stderr(&out));

    let out = run(dir.path(), &["render", "edited.json", "--format", "summary", "-o", "docs", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("docs/edited/summary.pdf").is_file());
    assert_eq!(stderr(&out), "", "--quiet prints nothing on success");
}

#[test]
fn keep_typst_writes_a_self_contained_project() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let out =
        run(dir.path(), &["build", seed.to_str().unwrap(), "--format", "summary", "--keep-typst", "proj"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let proj = dir.path().join("proj");
    for file in ["briefing.typ", "summary.typ", "slides.typ", "common.typ", "brief.json", "settings.json"] {
        assert!(proj.join(file).is_file(), "{file} is missing");
    }
    assert!(proj.join("fonts/inter/OFL.txt").is_file());
    let settings: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(proj.join("settings.json")).unwrap()).unwrap();
    assert!(settings["fit"]["body_size"].as_f64().unwrap() >= 8.5);
}

#[test]
fn render_finds_the_brief_for_its_source_notes_or_says_why_not() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    std::fs::create_dir_all(project.join("briefs")).unwrap();
    std::fs::copy(seed(), project.join("briefs/pk.txt")).unwrap();
    let out = run(&project, &["build", "briefs/pk.txt", "--format", "briefing"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let built = Pdf::open(&project.join("out/pk/briefing.pdf"));
    assert!(built.text().contains("Sourcenotes"));
    let model: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(project.join("out/pk/model.json")).unwrap()).unwrap();
    assert_eq!(model["meta"]["source"]["path"], "briefs/pk.txt");
    assert_eq!(model["meta"]["source"]["sha256"].as_str().map(str::len), Some(64));

    // Rendered from another folder, the model still finds its brief (from
    // its own folder upwards): the same briefing, appendix included.
    let model_path = project.join("out/pk/model.json");
    let model_arg = model_path.to_str().unwrap();
    let out = run(dir.path(), &["render", model_arg, "--format", "briefing", "-o", "again"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("source notes"), "{}", stderr(&out));
    let again = Pdf::open(&dir.path().join("again/pk/briefing.pdf"));
    assert_eq!(again.pages(), built.pages());
    assert!(again.text().contains("Sourcenotes"));

    // A brief edited since: its spans no longer fit, and the note says so.
    std::fs::write(project.join("briefs/pk.txt"), "Edited.\n").unwrap();
    let out = run(dir.path(), &["render", model_arg, "--format", "briefing", "-o", "edited"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "note: the briefing has no source notes: the brief `{}` has changed since the model was made",
            project.join("briefs/pk.txt").display()
        )),
        "{}",
        stderr(&out)
    );
    assert!(!Pdf::open(&dir.path().join("edited/pk/briefing.pdf")).text().contains("Sourcenotes"));

    // A model that names no brief.
    let mut bare = model.clone();
    bare["meta"].as_object_mut().unwrap().remove("source");
    std::fs::write(dir.path().join("bare.json"), bare.to_string()).unwrap();
    let out = run(dir.path(), &["render", "bare.json", "--format", "briefing"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "note: the briefing has no source notes: `bare.json` does not name the brief it was made from"
        ),
        "{}",
        stderr(&out)
    );
}
