//! `slides.pptx`: the deck as PowerPoint, read back three ways — the
//! package itself (zip + quick-xml: every part well-formed, typed and
//! reachable, every shape on the slide), python-pptx (`tests/pptx/read.py`)
//! and LibreOffice Impress converting it to PDF. The last two run when
//! installed (`.ci/run` installs them) and say NOT RUN otherwise.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{Pdf, not_run, root, run, seed, stderr};

/// A `.pptx` package, read with the `zip` crate.
struct Package {
    parts: BTreeMap<String, Vec<u8>>,
}

impl Package {
    fn open(path: &Path) -> Package {
        let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut zip = zip::ZipArchive::new(file).expect("slides.pptx is a zip package");
        let mut parts = BTreeMap::new();
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            parts.insert(entry.name().unwrap().to_string(), bytes);
        }
        Package { parts }
    }

    fn xml(&self, name: &str) -> String {
        String::from_utf8(self.parts.get(name).unwrap_or_else(|| panic!("no part `{name}`")).clone()).unwrap()
    }

    /// The slides in presentation order.
    fn slides(&self) -> Vec<String> {
        let pres = self.xml("ppt/presentation.xml");
        let rels = relationships(&self.xml("ppt/_rels/presentation.xml.rels"));
        attr_values(&pres, "p:sldId", "r:id")
            .iter()
            .map(|id| format!("ppt/{}", rels.iter().find(|r| &r.0 == id).expect("slide relationship").2))
            .collect()
    }
}

/// `(Id, Type, Target)` of each relationship.
fn relationships(xml: &str) -> Vec<(String, String, String)> {
    let ids = attr_values(xml, "Relationship", "Id");
    let types = attr_values(xml, "Relationship", "Type");
    let targets = attr_values(xml, "Relationship", "Target");
    ids.into_iter().zip(types).zip(targets).map(|((i, t), g)| (i, t, g)).collect()
}

/// The values of `attr` on every element named `element`, in order.
fn attr_values(xml: &str, element: &str, attr: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == element => {
                if let Some(a) = e.try_get_attribute(attr).unwrap() {
                    out.push(a.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap().into_owned());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The text of a part, a line per paragraph (`a:p`), with the deck's
/// non-breaking hyphens read as hyphens.
fn paragraphs(xml: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut out, mut line, mut in_text) = (Vec::new(), String::new(), false);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "a:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == "a:t" => in_text = false,
            Event::Text(t) if in_text => line.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                let name = r.xml10_content();
                line.push_str(match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    _ => "'",
                });
            }
            Event::End(e) if e.name().as_ref() == "a:p" => {
                out.push(std::mem::take(&mut line).replace('\u{2011}', "-"))
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Builds `brief` with `args` into a temporary folder; returns it and the
/// brief's output folder.
fn build(brief: &Path, args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec!["build", brief.to_str().unwrap(), "--format", "slides,pptx"];
    all.extend_from_slice(args);
    let out = run(dir.path(), &all);
    assert!(out.status.success(), "{}", stderr(&out));
    let name = brief.file_stem().unwrap().to_str().unwrap().to_string();
    let base = dir.path().join("out").join(name);
    (dir, base)
}

/// The longest brief of the real corpus.
fn longest_corpus_brief() -> PathBuf {
    let dir = root().join("tests/corpus/briefs");
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .max_by_key(|p| std::fs::metadata(p).unwrap().len())
        .expect("corpus briefs")
}

/// What the package must hold for PowerPoint to open it without offering a
/// repair, and what the deck must say. Returns the slide count.
fn check_deck(base: &Path, marking: &str, draft: bool) -> usize {
    let pkg = Package::open(&base.join("slides.pptx"));
    let pdf_pages = Pdf::open(&base.join("slides.pdf")).pages();
    let model: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(base.join("model.json")).unwrap()).unwrap();

    // Every part is typed, well-formed and reachable; every target exists.
    let types = pkg.xml("[Content_Types].xml");
    let overrides: BTreeSet<String> = attr_values(&types, "Override", "PartName").into_iter().collect();
    let defaults: BTreeSet<String> = attr_values(&types, "Default", "Extension").into_iter().collect();
    let mut reached = BTreeSet::from(["[Content_Types].xml".to_string()]);
    for (name, bytes) in &pkg.parts {
        let ext = name.rsplit('.').next().unwrap();
        assert!(
            overrides.contains(&format!("/{name}")) || defaults.contains(ext),
            "`{name}` has no content type"
        );
        if ext == "xml" || ext == "rels" {
            let xml = String::from_utf8(bytes.clone()).expect("UTF-8");
            // Shape ids are unique within a part (PowerPoint repairs a
            // slide whose ids repeat); parsing them reads the whole part.
            let ids = attr_values(&xml, "p:cNvPr", "id");
            let unique: BTreeSet<&String> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "`{name}` repeats a shape id: {ids:?}");
        }
        if let Some((dir, file)) = name.rsplit_once("_rels/") {
            let source = format!("{dir}{}", file.trim_end_matches(".rels"));
            reached.insert(name.clone());
            for (_, kind, target) in relationships(&pkg.xml(name)) {
                let full = resolve(&source, &target);
                assert!(pkg.parts.contains_key(&full), "`{name}` points to a missing `{full}` ({kind})");
                reached.insert(full);
            }
        }
    }
    for name in pkg.parts.keys() {
        assert!(reached.contains(name), "`{name}` is in the package but nothing points to it");
    }

    // As many slides as the PDF deck, each with notes and a headline.
    let slides = pkg.slides();
    assert_eq!(slides.len(), pdf_pages, "one slide per page of slides.pdf");
    let pres = pkg.xml("ppt/presentation.xml");
    let cx: i64 = attr_values(&pres, "p:sldSz", "cx")[0].parse().unwrap();
    let cy: i64 = attr_values(&pres, "p:sldSz", "cy")[0].parse().unwrap();
    assert_eq!((cx, cy), (12_192_000, 6_858_000), "PowerPoint's widescreen slide");
    let pdfpc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(base.join("slides.pdfpc")).unwrap()).unwrap();
    let mut text = String::new();
    for (i, slide) in slides.iter().enumerate() {
        let xml = pkg.xml(slide);
        // No shape reaches past the slide's edges.
        let offs = attr_values(&xml, "a:off", "x").into_iter().zip(attr_values(&xml, "a:off", "y"));
        let exts = attr_values(&xml, "a:ext", "cx").into_iter().zip(attr_values(&xml, "a:ext", "cy"));
        for ((x, y), (w, h)) in offs.zip(exts) {
            let [x, y, w, h] = [x, y, w, h].map(|v| v.parse::<i64>().unwrap());
            assert!(
                x >= 0 && y >= 0 && x + w <= cx && y + h <= cy,
                "slide {}: a shape at {x},{y} {w}×{h} leaves the slide",
                i + 1
            );
        }
        if i > 0 {
            assert!(
                xml.contains(r#"<p:ph type="title"/>"#),
                "slide {}: its headline is the title placeholder",
                i + 1
            );
        }
        text.push_str(&paragraphs(&xml).join("\n"));
        text.push('\n');
        // The notes pane holds exactly the notes of the PDF deck's presenter file.
        let rels =
            relationships(&pkg.xml(&slide.replace("slides/", "slides/_rels/").replace(".xml", ".xml.rels")));
        let notes = rels.iter().find(|r| r.1.ends_with("/notesSlide")).expect("a notes page");
        let notes = paragraphs(&pkg.xml(&resolve(slide, &notes.2)));
        let expected = pdfpc["pages"][i]["note"].as_str().unwrap();
        assert!(!expected.is_empty(), "slide {} has notes", i + 1);
        assert_eq!(notes.join("\n"), expected, "slide {}'s speaker notes", i + 1);
    }

    // Every threat and recommendation is there as text.
    for t in model["threats"].as_array().unwrap() {
        let label = t["label"].as_str().unwrap();
        assert!(text.contains(label), "threat `{label}` is on a slide");
    }
    for r in model["recommendations"].as_array().unwrap() {
        let title = r["title"].as_str().unwrap();
        assert!(text.contains(title), "recommendation `{title}` is on a slide");
    }
    // The marking is on the master (every slide shows it, and any slide a
    // reader adds), top and bottom; a draft also carries the DRAFT mark.
    let master = pkg.xml("ppt/slideMasters/slideMaster1.xml");
    let master_text = paragraphs(&master);
    assert_eq!(master_text.iter().filter(|t| t.contains(marking)).count(), 2, "{master_text:?}");
    assert_eq!(master_text.iter().any(|t| t == "DRAFT"), draft, "{master_text:?}");
    for slide in &slides {
        assert!(!pkg.xml(slide).contains("showMasterSp=\"0\""), "no slide hides the master's marking");
    }
    // The document properties.
    let core = pkg.xml("docProps/core.xml");
    let title = model["meta"]["title"].as_str().unwrap();
    assert!(paragraphs(&format!("<a:p><a:t>{}</a:t></a:p>", core_value(&core, "dc:title")))[0] == title);
    let first = model["threats"][0]["label"].as_str().unwrap();
    assert!(core_value(&core, "cp:keywords").contains(first), "keywords name the threats");
    slides.len()
}

fn core_value(xml: &str, tag: &str) -> String {
    let start = xml.find(&format!("<{tag}>")).map(|i| i + tag.len() + 2).unwrap_or(0);
    let end = xml.find(&format!("</{tag}>")).unwrap_or(start);
    xml[start..end].to_string()
}

/// A relationship target relative to the part that holds it.
fn resolve(from: &str, target: &str) -> String {
    let mut dir: Vec<&str> = from.split('/').collect();
    dir.pop();
    for seg in target.split('/') {
        match seg {
            ".." => {
                dir.pop();
            }
            s => dir.push(s),
        }
    }
    dir.join("/")
}

#[test]
fn the_seed_and_the_longest_corpus_brief_as_powerpoint() {
    let brand = root().join("examples/brand/brand.toml");
    let (_dir, base) = build(
        &seed(),
        &[
            "--brand",
            brand.to_str().unwrap(),
            "--status",
            "draft",
            "--marking",
            "TLP:AMBER+STRICT",
            "--author",
            "J. Analyst",
        ],
    );
    check_deck(&base, "TLP:AMBER+STRICT", true);
    let pkg = Package::open(&base.join("slides.pptx"));
    // The brand: its colours are the theme's, its logo is on the title slide.
    let theme = pkg.xml("ppt/theme/theme1.xml");
    assert!(theme.contains(r#"<a:accent1><a:srgbClr val="0F5257"/>"#), "primary colour");
    assert!(theme.contains(r#"<a:latin typeface="Inter"/>"#));
    assert!(pkg.parts.contains_key("ppt/media/logo.png"), "the SVG logo, drawn");
    assert!(pkg.xml("ppt/slides/slide1.xml").contains("Sahel Policy Centre logo"));
    assert!(core_value(&pkg.xml("docProps/core.xml"), "dc:creator") == "J. Analyst");

    let (_dir, base) = build(&longest_corpus_brief(), &[]);
    check_deck(&base, "UNCLASSIFIED", false);
}

#[test]
fn every_corpus_brief_makes_the_same_deck_in_powerpoint() {
    let dir = tempfile::tempdir().unwrap();
    let briefs = root().join("tests/corpus/briefs");
    let out = run(dir.path(), &["build", briefs.to_str().unwrap(), "--format", "slides,pptx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut decks = 0;
    for entry in std::fs::read_dir(dir.path().join("out")).unwrap() {
        decks += usize::from(check_deck(&entry.unwrap().path(), "UNCLASSIFIED", false) > 0);
    }
    assert_eq!(decks, 12);
}

/// The products tests' pathological brief (twelve threats, fifteen long
/// recommendations, long everything) as a model file.
fn huge_model(dir: &Path) -> PathBuf {
    let path = dir.join("huge.json");
    std::fs::write(&path, crate::products::huge().to_json()).unwrap();
    path
}

#[test]
fn a_pathological_brief_keeps_every_shape_on_its_slides() {
    let dir = tempfile::tempdir().unwrap();
    let (_out, base) = build(&huge_model(dir.path()), &[]);
    let slides = check_deck(&base, "UNCLASSIFIED", false);
    assert!(slides > 15, "twelve threats, fifteen recommendations: {slides} slides");
}

#[test]
fn python_pptx_reads_every_threat_recommendation_marking_and_note() {
    if Command::new("python3").args(["-c", "import pptx"]).output().map_or(true, |o| !o.status.success()) {
        not_run("the python-pptx test of slides.pptx needs python-pptx (.ci/run installs it with pip)");
        return;
    }
    for (brief, args, marking) in [
        (seed(), vec!["--marking", "TLP:GREEN", "--status", "draft"], "TLP:GREEN"),
        (longest_corpus_brief(), vec![], "UNCLASSIFIED"),
    ] {
        let (_dir, base) = build(&brief, &args);
        let out = Command::new("python3")
            .arg(root().join("tests/pptx/read.py"))
            .arg(base.join("slides.pptx"))
            .output()
            .unwrap();
        assert!(out.status.success(), "python-pptx fails: {}", String::from_utf8_lossy(&out.stderr));
        let deck: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let model: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(base.join("model.json")).unwrap()).unwrap();
        let slides = deck["slides"].as_array().unwrap();
        assert_eq!(slides.len(), Pdf::open(&base.join("slides.pdf")).pages());
        let all: String = slides
            .iter()
            .flat_map(|s| {
                s["texts"].as_array().unwrap().iter().map(|t| t.as_str().unwrap().replace('\u{2011}', "-"))
            })
            .collect::<Vec<_>>()
            .join("\n");
        for t in model["threats"].as_array().unwrap() {
            assert!(all.contains(t["label"].as_str().unwrap()), "{}", t["label"]);
        }
        for r in model["recommendations"].as_array().unwrap() {
            assert!(all.contains(r["title"].as_str().unwrap()), "{}", r["title"]);
        }
        let master: Vec<&str> =
            deck["master"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
        assert!(master.iter().filter(|t| t.contains(marking)).count() == 2, "{master:?}");
        let pdfpc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(base.join("slides.pdfpc")).unwrap()).unwrap();
        let (w, h) = (deck["width"].as_i64().unwrap(), deck["height"].as_i64().unwrap());
        for (i, s) in slides.iter().enumerate() {
            assert_eq!(
                s["notes"].as_str().unwrap(),
                pdfpc["pages"][i]["note"].as_str().unwrap(),
                "slide {}",
                i + 1
            );
            if i > 0 {
                assert!(s["title"].as_str().is_some_and(|t| !t.is_empty()), "slide {} has a title", i + 1);
            }
            for b in s["boxes"].as_array().unwrap() {
                let [l, t, bw, bh] = [1, 2, 3, 4].map(|k| b[k].as_i64().unwrap());
                assert!(
                    l >= 0 && t >= 0 && l + bw <= w && t + bh <= h,
                    "slide {}: {b} leaves the slide",
                    i + 1
                );
            }
        }
        assert_eq!(deck["core"]["title"], model["meta"]["title"]);
    }
}

#[test]
fn libreoffice_converts_the_deck_with_every_slide() {
    let Some(soffice) = ["soffice", "libreoffice"]
        .into_iter()
        .find(|p| Command::new(p).arg("--version").output().is_ok_and(|o| o.status.success()))
    else {
        not_run(
            "the LibreOffice test of slides.pptx needs Debian's libreoffice-impress (.ci/run installs it)",
        );
        return;
    };
    let models = tempfile::tempdir().unwrap();
    for brief in [seed(), longest_corpus_brief(), huge_model(models.path())] {
        let (dir, base) = build(&brief, &["--status", "draft"]);
        let profile = dir.path().join("lo-profile");
        let converted = dir.path().join("lo");
        let out = Command::new(soffice)
            .arg(format!("-env:UserInstallation=file://{}", profile.display()))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&converted)
            .arg(base.join("slides.pptx"))
            .output()
            .unwrap();
        assert!(out.status.success(), "LibreOffice: {}", String::from_utf8_lossy(&out.stderr));
        let pdf = converted.join("slides.pdf");
        assert!(pdf.exists(), "LibreOffice wrote no PDF: {}", String::from_utf8_lossy(&out.stdout));
        assert_eq!(
            Pdf::open(&pdf).pages(),
            Pdf::open(&base.join("slides.pdf")).pages(),
            "{}",
            brief.display()
        );
    }
}

#[test]
fn a_reference_deck_gives_its_master_and_layouts() {
    let brand = root().join("tests/pptx/brand.toml");
    let (_dir, base) = build(&seed(), &["--brand", brand.to_str().unwrap()]);
    let pkg = Package::open(&base.join("slides.pptx"));
    // Its theme (Georgia) and master (its own shape, and our marking rows).
    assert!(pkg.xml("ppt/theme/theme1.xml").contains(r#"typeface="Georgia""#));
    let master = pkg.xml("ppt/slideMasters/slideMaster1.xml");
    assert!(master.contains("Reference footer band") && master.contains("Marking (top)"));
    let layouts = pkg.parts.keys().filter(|p| p.starts_with("ppt/slideLayouts/slideLayout")).count();
    assert_eq!(layouts, 11, "all of its layouts, for slides a reader adds");
    // Slides take its layouts by type.
    let slide1 = relationships(&pkg.xml("ppt/slides/_rels/slide1.xml.rels"));
    let layout = &slide1.iter().find(|r| r.1.ends_with("/slideLayout")).unwrap().2;
    assert!(pkg.xml(&resolve("ppt/slides/slide1.xml", layout)).contains(r#"type="title""#));
    // Its own slides are not carried over.
    assert_eq!(pkg.slides().len(), Pdf::open(&base.join("slides.pdf")).pages());

    // A 4:3 deck cannot hold 16:9 slides: one line, nothing written.
    let dir = tempfile::tempdir().unwrap();
    let brand = root().join("tests/pptx/brand-4x3.toml");
    let out = run(
        dir.path(),
        &["build", seed().to_str().unwrap(), "--format", "pptx", "--brand", brand.to_str().unwrap()],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("failed to write slides.pptx (reference deck `")
            && err.contains(
                "reference-4x3.pptx`: its slides are 25.40 × 19.05 cm, not 16:9 like briefsmith's)"
            ),
        "{err}"
    );
    assert!(!dir.path().join("out/pakistan-counterterrorism/slides.pptx").exists());
    // A missing one is the brand's error.
    let missing = dir.path().join("brand.toml");
    std::fs::write(&missing, "[document]\nreference_deck = \"nowhere.pptx\"\n").unwrap();
    let out =
        run(dir.path(), &["build", seed().to_str().unwrap(), "--format", "pptx", "--brand", "brand.toml"]);
    assert!(stderr(&out).contains("reference deck `nowhere.pptx` not found at"), "{}", stderr(&out));
}

#[test]
fn the_deck_alone_is_the_deck_made_beside_the_pdf() {
    // Beside slides.pdf the deck is written from the PDF's layout; alone it
    // lays the slides out itself. Both give the same bytes, run after run.
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let pptx = |out: &str, format: &str| {
        let done = run(dir.path(), &["build", seed.to_str().unwrap(), "-o", out, "--format", format]);
        assert!(done.status.success(), "{}", stderr(&done));
        std::fs::read(dir.path().join(out).join("pakistan-counterterrorism/slides.pptx")).unwrap()
    };
    let alone = pptx("a", "pptx");
    assert!(!dir.path().join("a/pakistan-counterterrorism/slides.pdf").exists());
    assert!(alone == pptx("b", "slides,pptx,handout"), "the same deck alone and beside the PDFs");
    assert!(alone == pptx("c", "pptx"), "the same deck twice");
}

#[test]
fn a_template_without_a_slide_plan_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("own")).unwrap();
    std::fs::write(dir.path().join("own/slides.typ"), "#set page(paper: \"presentation-16-9\")\n= My deck\n")
        .unwrap();
    let seed = seed();
    let args = ["build", seed.to_str().unwrap(), "--format", "slides,pptx", "--templates", "own"];
    let out = run(dir.path(), &args);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(
            "failed to write slides.pptx (the slides template emits no slide plan (`<slide-plan>` metadata))"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn hostile_text_makes_a_well_formed_deck() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("odd.txt");
    std::fs::write(
        &brief,
        "Threats <script>alert(1)</script> & \"quotes\" from the Lord's Resistance Army \u{1}\u{7}\u{FFFF}.\n\n\
         The Lord's Resistance Army (LRA) attacked villages in 2024 & killed 40 people; \
         the LRA threatens the region. ]]> <![CDATA[ x ]]> &amp; \u{202E}reversed.\n\n\
         The government should fund <b>patrols</b> & protect civilians from the LRA.\n",
    )
    .unwrap();
    let out = run(dir.path(), &["build", "odd.txt", "--format", "slides,pptx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pkg = Package::open(&dir.path().join("out/odd/slides.pptx"));
    let mut text = String::new();
    for slide in pkg.slides() {
        text += &paragraphs(&pkg.xml(&slide)).join("\n"); // panics on malformed XML
    }
    assert!(text.contains("LRA"), "{text}");
    assert!(!text.contains('\u{1}') && !text.contains('\u{FFFF}'), "characters XML cannot hold are left out");
}
