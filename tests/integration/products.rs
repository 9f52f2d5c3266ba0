//! The products as documents: the one-pager always fits, no slide text leaves
//! its slide, Arabic names have their glyphs, markings and document control
//! reach every page and the metadata, brands apply, speaker notes and the
//! handout exist, and page 1 of each product still looks as reviewed.

use std::path::{Path, PathBuf};

use briefsmith::analysis::{Options, analyse};
use briefsmith::cli::OutputArgs;
use briefsmith::model::{Brief, Figure, Meta, Recommendation, Threat};
use briefsmith::pipeline;
use briefsmith::render::{Product, Renderer, Settings, Templates};
use typst::layout::{Frame, FrameItem, Point, Transform};
use typst_layout::PagedDocument;

use crate::support::*;

const SEED: &str = include_str!("../../seeds/pakistan-counterterrorism.txt");

fn args() -> OutputArgs {
    OutputArgs { creation_timestamp: Some(1_764_000_000), ..OutputArgs::default() }
}

fn seed() -> Brief {
    analyse(SEED, &Options::default()).expect("seed analyses")
}

/// A brief far too big for one page: 12 threats, 15 recommendations, long
/// texts, an Arabic name.
pub(crate) fn huge() -> Brief {
    let long = "The group has expanded its operations across three provinces, recruiting from displaced communities and taxing trade on the main highways, which gives it revenue, reach and a steady flow of new fighters.";
    Brief {
        meta: Meta { title: "A very long title about twelve armed groups, fifteen recommendations and the limits of one page of paper".into(), ..Meta::default() },
        summary: vec![long.into(), long.into(), long.into(), long.into()],
        threats: (1..=12)
            .map(|i| Threat {
                name: format!("Armed Group Number {i} (تحریک طالبان پاکستان)"),
                label: format!("AG{i}"),
                summary: format!("Armed Group Number {i} is a growing threat. {long}"),
                points: vec![long.into(); 6],
                ..Threat::default()
            })
            .collect(),
        recommendations: (1..=15)
            .map(|i| Recommendation { title: format!("Recommendation number {i} with a long title"), detail: format!("{long} {long}"), ..Recommendation::default() })
            .collect(),
        conclusion: vec![long.into(); 3],
        figures: (1..=6).map(|i| Figure { value: 100.0 * i as f64, label: "fighters".into(), threat: Some(format!("Armed Group Number {i} (تحریک طالبان پاکستان)")), ..Figure::default() }).collect(),
        ..Brief::default()
    }
}

fn render_pdf(brief: &Brief, product: Product) -> Vec<u8> {
    let renderer = Renderer::new(Templates::Builtin, &[]);
    let settings = pipeline::settings(brief, &args(), &Default::default(), None);
    renderer.render(brief, product, &settings).expect("renders").bytes
}

fn document(brief: &Brief, product: Product) -> PagedDocument {
    let renderer = Renderer::new(Templates::Builtin, &[]);
    let settings = pipeline::settings(brief, &args(), &Default::default(), None);
    renderer.document(brief, product, &settings).expect("lays out")
}

fn pdf_pages(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf).expect("PDF reads").get_pages().len()
}

/// Every text item of a frame with its absolute transform.
fn texts(frame: &Frame, ts: Transform, out: &mut Vec<(Transform, typst::text::TextItem)>) {
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group) => texts(&group.frame, here.pre_concat(group.transform), out),
            FrameItem::Text(text) => out.push((here, text.clone())),
            _ => {}
        }
    }
}

fn longest_fixture() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut briefs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flat_map(|e| ["brief.md", "brief.txt"].map(|f| e.as_ref().unwrap().path().join(f)))
        .filter(|p| p.is_file())
        .collect();
    briefs.sort_by_key(|p| std::fs::metadata(p).unwrap().len());
    briefs.pop().expect("fixtures exist")
}

#[test]
fn the_summary_is_one_page_for_the_longest_fixture_and_a_huge_brief() {
    let path = longest_fixture();
    let text = std::fs::read_to_string(&path).unwrap();
    let brief = analyse(
        &text,
        &Options { markdown: path.extension().is_some_and(|e| e == "md"), ..Options::default() },
    )
    .unwrap();
    assert_eq!(pdf_pages(&render_pdf(&brief, Product::Summary)), 1, "{}", path.display());

    let renderer = Renderer::new(Templates::Builtin, &[]);
    let settings = pipeline::settings(&huge(), &args(), &Default::default(), None);
    let rendered = renderer.render(&huge(), Product::Summary, &settings).expect("renders");
    assert_eq!(pdf_pages(&rendered.bytes), 1);
    let fit = rendered.fit.expect("the summary reports its fit");
    assert!(fit.body_size >= 8.5, "body type never below 8.5 pt");
    assert!(rendered.messages.iter().any(|m| m.contains("left out")), "the user is told what was left out");
}

#[test]
fn no_slide_text_leaves_its_slide() {
    for brief in [seed(), huge()] {
        let doc = document(&brief, Product::Slides);
        for (n, page) in doc.pages().iter().enumerate() {
            let size = page.frame.size();
            let mut found = Vec::new();
            texts(&page.frame, Transform::identity(), &mut found);
            for (ts, text) in found {
                let left = Point::zero().transform(ts);
                let right = Point::with_x(text.width()).transform(ts);
                let top = Point::with_y(-text.size * 0.8).transform(ts);
                let bottom = Point::with_y(text.size * 0.25).transform(ts);
                let tolerance = typst::layout::Abs::pt(0.5);
                assert!(
                    left.x >= -tolerance
                        && right.x <= size.x + tolerance
                        && top.y >= -tolerance
                        && bottom.y <= size.y + tolerance,
                    "slide {} of `{}`: `{}` runs off the slide",
                    n + 1,
                    brief.meta.title,
                    text.text
                );
            }
        }
    }
}

#[test]
fn arabic_names_render_with_no_missing_glyph() {
    let mut brief = seed();
    brief.threats[0].aliases.push("تحریک طالبان پاکستان".into());
    brief.threats[0].points.insert(0, "Its Urdu name is تحریک طالبان پاکستان.".into());
    brief.threats[0].points.insert(1, "Its channels use 🛰 and ✅ in posts.".into());
    for product in [Product::Briefing, Product::Slides] {
        let doc = document(&brief, product);
        let mut found = Vec::new();
        for page in doc.pages() {
            texts(&page.frame, Transform::identity(), &mut found);
        }
        let arabic: Vec<_> = found
            .iter()
            .filter(|(_, t)| {
                t.text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c) || c == '🛰' || c == '✅')
            })
            .collect();
        assert!(arabic.len() >= 2, "{product}: the Arabic text and the emoji are laid out");
        for (_, text) in arabic {
            assert!(
                text.glyphs.iter().all(|g| g.id != 0),
                "{product}: a glyph of `{}` is missing",
                text.text
            );
        }
    }
}

#[test]
fn markings_draft_marks_and_document_control_reach_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("memo.md");
    std::fs::write(&brief, format!("---\ntitle: Border memo\nauthor: South Asia Desk\nversion: 2.1\nstatus: draft\nmarking: TLP:AMBER\ndistribution: Partners only\n---\n\n{SEED}")).unwrap();
    let out = run(dir.path(), &["build", "memo.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for product in ["briefing", "summary", "slides", "handout"] {
        let pdf = lopdf::Document::load(dir.path().join(format!("out/memo/{product}.pdf"))).unwrap();
        for (n, page) in pdf.get_pages().keys().enumerate() {
            let text = squash(&pdf.extract_text(&[*page]).unwrap());
            assert!(
                text.matches("TLP:AMBER").count() >= 2,
                "{product} page {}: TLP label top and bottom",
                n + 1
            );
            assert!(text.contains("DRAFT"), "{product} page {}: DRAFT mark", n + 1);
        }
        let info = pdf
            .trailer
            .get(b"Info")
            .and_then(|o| o.as_reference())
            .and_then(|r| pdf.get_dictionary(r))
            .expect("Info dictionary");
        let title = info
            .get(b"Title")
            .and_then(|o| o.as_str())
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        assert!(title.contains("Border memo") || !title.is_empty(), "{product}: PDF title");
    }
    let first_page = Pdf::open(&dir.path().join("out/memo/briefing.pdf"));
    let text = first_page.text();
    assert!(text.contains("v2.1"), "version in the footer");
    assert!(text.contains("Partnersonly"), "distribution statement");
    assert!(text.contains("SouthAsiaDesk"), "author");
}

#[test]
fn a_brand_beside_the_brief_applies_and_init_writes_a_starter() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["init", "kit"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("kit/templates/slides.typ").is_file());
    let toml = std::fs::read_to_string(dir.path().join("kit/brand.toml")).unwrap();
    std::fs::write(
        dir.path().join("brand.toml"),
        toml.replace("Policy Analysis Unit", "Institute for Border Studies").replace("#1F3A5F", "#6A1B4D"),
    )
    .unwrap();
    std::fs::write(dir.path().join("seed.txt"), SEED).unwrap();
    let out = run(dir.path(), &["build", "seed.txt", "--format", "briefing"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = Pdf::open(&dir.path().join("out/seed/briefing.pdf")).text();
    assert!(text.contains("InstituteforBorderStudies"), "the brand's organisation is shown");
}

#[test]
fn slides_come_with_speaker_notes_and_a_handout() {
    let dir = tempfile::tempdir().unwrap();
    let seed = crate::support::seed();
    let out = run(dir.path(), &["build", seed.to_str().unwrap(), "--format", "slides,handout"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let base = dir.path().join("out/pakistan-counterterrorism");
    let slides = Pdf::open(&base.join("slides.pdf")).pages();
    let pdfpc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(base.join("slides.pdfpc")).unwrap()).unwrap();
    let pages = pdfpc["pages"].as_array().unwrap();
    assert_eq!(pages.len(), slides, "one note entry per slide");
    let noted = pages.iter().filter(|p| !p["note"].as_str().unwrap_or("").is_empty()).count();
    assert!(noted * 2 >= slides, "most slides have notes ({noted} of {slides})");
    let handout = Pdf::open(&base.join("handout.pdf"));
    assert!(handout.pages() >= slides.div_ceil(3), "at most three slides a page");
    assert!(!base.join("briefing.pdf").exists());
    // The slides are drawn from the slides PDF, so their text stays text:
    // each is a form whose content shows text (an SVG would draw outlines).
    let doc = lopdf::Document::load(base.join("handout.pdf")).unwrap();
    let forms_with_text = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(|t| t.as_name()).is_ok_and(|n| n == b"Form"))
        .filter(|s| {
            let content = s.decompressed_content().unwrap_or_else(|_| s.content.clone());
            String::from_utf8_lossy(&content).contains(" Tf")
        })
        .count();
    assert!(forms_with_text >= slides, "each slide drawn with its text ({forms_with_text} forms with text)");
}

#[test]
fn a_handout_page_shows_each_marking_once() {
    let dir = tempfile::tempdir().unwrap();
    let seed = crate::support::seed();
    let args =
        ["build", seed.to_str().unwrap(), "--format", "slides,handout", "--marking", "TLP:AMBER+STRICT"];
    let out = run(dir.path(), &[&args[..], &["--status", "draft"]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let base = dir.path().join("out/pakistan-counterterrorism");
    // The deck itself carries its markings on every slide …
    let slides = Pdf::open(&base.join("slides.pdf"));
    let slide_pages = slides.page_and_form_texts();
    assert!(slide_pages.iter().all(|(own, _)| own.contains("TLP:AMBER+STRICT") && own.contains("DRAFT")));
    // … but on a handout page the slides are drawn without them: the page's
    // own banners show the marking, and the DRAFT mark, once.
    let pages = Pdf::open(&base.join("handout.pdf")).page_and_form_texts();
    assert!(pages.len() >= 4);
    for (i, (own, drawn)) in pages.iter().enumerate() {
        assert!(
            drawn.contains("SLIDE") || drawn.contains("Pakistan"),
            "page {}: slides drawn: {drawn}",
            i + 1
        );
        assert!(own.contains("TLP:AMBER+STRICT"), "page {}: the page's own banner", i + 1);
        assert!(!drawn.contains("TLP:AMBER"), "page {}: a slide drawn with its own marking: {drawn}", i + 1);
        assert!(!drawn.contains("DRAFT"), "page {}: a slide drawn with its own DRAFT mark", i + 1);
    }
}

#[test]
fn a_handout_meets_the_pdf_standards_asked_for() {
    // Typst cannot embed a PDF in a PDF/A or PDF/UA file: there the slides
    // reach the handout as SVG. A bare PDF version still embeds the PDF.
    let dir = tempfile::tempdir().unwrap();
    let seed = crate::support::seed();
    for standards in ["a-2b", "ua-1", "1.4"] {
        let out = run(
            dir.path(),
            &["build", seed.to_str().unwrap(), "--format", "handout", "--pdf-standard", standards],
        );
        assert!(out.status.success(), "{standards}: {}", stderr(&out));
        let handout = Pdf::open(&dir.path().join("out/pakistan-counterterrorism/handout.pdf"));
        assert!(handout.pages() >= 4, "{standards}: eleven slides, three a page");
        assert!(handout.text().contains("SLIDE3"), "{standards}: the slides are labelled");
    }
}

/// Page 1 of each product, rendered small, against a reviewed reference.
/// Refresh with `BRIEFSMITH_UPDATE_REFERENCES=1 cargo test references`.
#[test]
fn page_one_of_each_product_matches_its_reference() {
    let refs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/references");
    let update = std::env::var_os("BRIEFSMITH_UPDATE_REFERENCES").is_some();
    let brief = seed();
    for product in [Product::Briefing, Product::Summary, Product::Slides, Product::Handout] {
        let renderer = Renderer::new(Templates::Builtin, &[]);
        let mut settings = pipeline::settings(&brief, &args(), &Default::default(), Some(SEED));
        if product == Product::Summary {
            settings.fit = renderer.render(&brief, product, &settings).unwrap().fit.unwrap();
        }
        if product == Product::Handout {
            let copy = Settings { handout_copy: true, ..settings.clone() };
            let slides = renderer.render(&brief, Product::Slides, &copy).unwrap();
            settings = pipeline::handout_settings(&settings, &slides);
        }
        let doc = renderer.document(&brief, product, &settings).expect("lays out");
        let options =
            typst_render::RenderOptions { pixel_per_pt: typst::utils::Scalar::new(0.4), render_bleed: false };
        let pixmap = typst_render::render(&doc.pages()[0], &options);
        let path = refs.join(format!("{product}.png"));
        if update || !path.exists() {
            std::fs::create_dir_all(&refs).unwrap();
            pixmap.save_png(&path).unwrap();
            continue;
        }
        let reference = tiny_skia::Pixmap::load_png(&path).unwrap();
        assert_eq!(
            (pixmap.width(), pixmap.height()),
            (reference.width(), reference.height()),
            "{product}: size changed"
        );
        let diff: u64 =
            pixmap.data().iter().zip(reference.data()).map(|(a, b)| u64::from(a.abs_diff(*b))).sum();
        let mean = diff as f64 / pixmap.data().len() as f64;
        assert!(
            mean < 2.0,
            "{product}: page 1 differs from tests/references/{product}.png (mean {mean:.2} per channel); review and refresh with BRIEFSMITH_UPDATE_REFERENCES=1"
        );
    }
}

#[test]
fn one_renderer_sees_a_template_edited_between_renders() {
    // Parsed templates are kept between renders; an edit (as in watch mode)
    // must still reach the next render, and an edit back must too.
    let dir = tempfile::tempdir().expect("temp dir");
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).expect("folder");
    let summary = templates.join("summary.typ");
    let renderer = Renderer::new(Templates::dir(&templates).expect("templates"), &[]);
    let brief = seed();
    let settings = pipeline::settings(&brief, &args(), &Default::default(), None);
    let text_of = |pdf: Vec<u8>| {
        let path = dir.path().join("summary.pdf");
        std::fs::write(&path, pdf).expect("writes");
        Pdf::open(&path).text()
    };
    for word in ["Firstversion", "Secondversion", "Firstversion"] {
        std::fs::write(&summary, format!("#set page(width: 10cm, height: 5cm)\n{word} of the summary\n"))
            .expect("writes");
        let text = text_of(renderer.render(&brief, Product::Summary, &settings).expect("renders").bytes);
        assert!(text.contains(&format!("{word}ofthesummary")), "{word} missing from {text}");
    }
    // The built-in `common.typ` still serves a template that imports it.
    std::fs::write(&summary, "#import \"common.typ\": clip-str\n#clip-str(\"Imported helper works\", 16)\n")
        .expect("writes");
    let text = text_of(renderer.render(&brief, Product::Summary, &settings).expect("renders").bytes);
    assert!(text.contains("Importedhelper…"), "{text}");
}
