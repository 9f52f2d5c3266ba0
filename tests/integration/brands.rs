//! Quarto brand files as teams write them (`tests/brands/`, one folder
//! each with what it references), each used to build the seed's summary:
//! the logo, colours and fonts reach the PDF, a font briefsmith does not
//! have is reported on one line, a missing logo names the path tried.

use std::path::{Path, PathBuf};
use std::process::Output;

use lopdf::Object;

use crate::support::*;

/// The brand file of `tests/brands/<path>`.
fn brand(path: &str) -> PathBuf {
    root().join("tests/brands").join(path)
}

/// Builds the seed's summary with `brand` in a fresh folder: the run, and
/// the PDF when there is one.
fn build_summary(brand: &Path) -> (Output, Option<Pdf>) {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let args = ["build", seed.to_str().unwrap(), "--brand", brand.to_str().unwrap(), "--format", "summary"];
    let out = run(dir.path(), &args);
    let pdf = dir.path().join("out/pakistan-counterterrorism/summary.pdf");
    let pdf = pdf.is_file().then(|| Pdf::open(&pdf));
    (out, pdf)
}

/// Builds and asserts success and one page.
fn summary(brand: &Path) -> (String, Pdf) {
    let (out, pdf) = build_summary(brand);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = pdf.expect("the summary was written");
    assert_eq!(pdf.pages(), 1);
    (stderr(&out), pdf)
}

/// Width and height of every raster image in the PDF.
fn images(pdf: &Pdf) -> Vec<(i64, i64)> {
    pdf.doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Image"))
        .map(|s| {
            let size = |k: &[u8]| s.dict.get(k).and_then(Object::as_i64).unwrap_or(0);
            (size(b"Width"), size(b"Height"))
        })
        .collect()
}

/// The base names of the fonts the PDF uses (subset tags removed).
fn fonts(pdf: &Pdf) -> Vec<String> {
    pdf.doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(Object::as_name).is_ok_and(|n| n == b"Font"))
        .filter_map(|d| d.get(b"BaseFont").and_then(Object::as_name).ok())
        .map(|n| {
            let name = String::from_utf8_lossy(n);
            name.split_once('+').map_or(name.to_string(), |(_, base)| base.to_string())
        })
        .collect()
}

/// Every fill and stroke colour set with three components in the page and
/// form content streams, as 0–255 channels.
fn colours(pdf: &Pdf) -> Vec<[u8; 3]> {
    let mut contents: Vec<Vec<u8>> =
        pdf.doc.get_pages().values().map(|&id| pdf.doc.get_page_content(id)).collect();
    for object in pdf.doc.objects.values() {
        let Ok(stream) = object.as_stream() else { continue };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Form") {
            contents.push(stream.decompressed_content().unwrap_or_else(|_| stream.content.clone()));
        }
    }
    let mut found = Vec::new();
    for content in contents {
        let Ok(content) = lopdf::content::Content::decode(&content) else { continue };
        for op in content.operations {
            if !matches!(op.operator.as_str(), "rg" | "RG" | "sc" | "SC" | "scn" | "SCN")
                || op.operands.len() != 3
            {
                continue;
            }
            let channels: Vec<f32> = op.operands.iter().filter_map(|o| o.as_float().ok()).collect();
            if let [r, g, b] = channels[..] {
                found.push([r, g, b].map(|c| (c * 255.0).round() as u8));
            }
        }
    }
    found
}

/// Whether the PDF paints with `hex` (#RRGGBB), to within rounding.
fn paints(pdf: &Pdf, hex: &str) -> bool {
    let want: Vec<u8> = (0..3).map(|i| u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap()).collect();
    colours(pdf).iter().any(|c| c.iter().zip(&want).all(|(a, b)| a.abs_diff(*b) <= 1))
}

/// The lines of stderr that mention `word`.
fn lines_about<'a>(err: &'a str, word: &str) -> Vec<&'a str> {
    err.lines().filter(|l| l.contains(word)).collect()
}

#[test]
fn an_object_logo_naming_an_images_entry_is_used() {
    // logo.images.full is {path, alt}; large: full; meta.name {full, short};
    // palette names that name each other; keys for other tools.
    let (err, pdf) = summary(&brand("think-tank/_brand.yml"));
    assert_eq!(images(&pdf), [(96, 32)], "the large logo (96×32 PNG) is drawn");
    assert!(paints(&pdf, "#1B365D"), "the primary colour, named through two palette entries, is used");
    assert!(pdf.text().contains("MeridianInstituteforSecurityStudies"), "the full name is shown");
    assert!(!err.contains("warning"), "{err}");
    assert!(lines_about(&err, "brand").is_empty(), "nothing to say about this brand: {err}");
}

#[test]
fn rooted_logo_paths_start_at_the_quarto_project_root() {
    // brand/_brand.yml names /assets/logos/wordmark.png; _quarto.yml is one
    // folder up. The other sizes name files the project does not have.
    let (err, pdf) = summary(&brand("quarto-project/brand/_brand.yml"));
    assert_eq!(images(&pdf), [(96, 32)]);
    assert!(paints(&pdf, "#0E5C54"), "the palette's deep teal is the primary colour");
    assert!(pdf.text().contains("TidewaterResilienceNetwork"));
    assert!(lines_about(&err, "brand").is_empty(), "{err}");
}

#[test]
fn a_missing_logo_names_the_brand_and_the_path_tried() {
    let file = brand("missing-logo/_brand.yml");
    let (out, pdf) = build_summary(&file);
    assert!(!out.status.success());
    assert!(pdf.is_none());
    let tried = brand("missing-logo/images/northfield-seal.png");
    let want = format!(
        "error: failed to use brand `{}` (logo `/images/northfield-seal.png` not found at `{}`)",
        file.display(),
        tried.display()
    );
    assert!(stderr(&out).contains(&want), "{}\nwanted: {want}", stderr(&out));
}

#[test]
fn a_google_font_is_reported_once_and_replaced() {
    // Lato from Google Fonts for body and headings; Fira Code (monospace,
    // not used by the templates) is not mentioned. Light/dark logo and colours.
    let (err, pdf) = summary(&brand("google-fonts/_brand.yml"));
    let about = lines_about(&err, "Lato");
    assert_eq!(about.len(), 1, "one line about Lato: {err}");
    assert!(about[0].contains("is a Google font") && about[0].contains("using"), "{}", about[0]);
    assert!(lines_about(&err, "Fira").is_empty(), "{err}");
    assert!(lines_about(&err, "unknown font family").is_empty(), "{err}");
    assert!(fonts(&pdf).iter().any(|f| f.starts_with("Inter")), "Inter stands in: {:?}", fonts(&pdf));
    assert!(paints(&pdf, "#005A8C"), "the light variant of the primary colour is used");
    assert!(paints(&pdf, "#2E8B57"), "the light logo (an SVG) is drawn");
    assert!(!paints(&pdf, "#A0E0FF"), "the dark logo is not");
}

#[test]
fn file_fonts_reach_the_pdf_and_a_missing_system_font_is_reported_once() {
    // Kestrel Sans (headings, so the summary's text) ships as an .otf beside
    // the brand; Minion Pro (body, not used by the summary) is installed
    // nowhere here.
    let (err, pdf) = summary(&brand("file-fonts/_brand.yml"));
    let fonts = fonts(&pdf);
    assert!(fonts.iter().any(|f| f == "KestrelSans-Regular"), "the brand's font is embedded: {fonts:?}");
    let about = lines_about(&err, "Minion Pro");
    assert_eq!(about.len(), 1, "one line about Minion Pro: {err}");
    assert!(about[0].contains("is not available") && about[0].ends_with("using Noto Serif"), "{}", about[0]);
    assert!(lines_about(&err, "Kestrel").is_empty(), "{err}");
    assert!(lines_about(&err, "unknown font family").is_empty(), "{err}");
    assert_eq!(images(&pdf), [(96, 32)], "a logo given as a plain path");
}
