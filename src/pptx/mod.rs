//! The slide deck as editable PowerPoint (`slides.pptx`, `--format pptx`).
//!
//! `slides.typ` is laid out as for the PDF deck and emits a plan of every
//! slide ([`plan`]): its texts as shown and the sizes its fit rules chose.
//! From that plan this module writes Office Open XML by hand — the package
//! parts, a theme and slide master in the brand ([`master`]), one slide per
//! page with text in placeholders and text boxes ([`slide`]), the speaker
//! notes in the notes pane, the document properties, the logo
//! ([`picture`]) — and zips it with the `zip` crate. A brand's reference
//! deck ([`reference`]) supplies its own theme, master and layouts instead
//! of ours.

mod master;
mod picture;
pub mod plan;
pub mod reference;
mod slide;
mod xml;

use std::fmt::Write as _;
use std::io::Write as _;

use chrono::{DateTime, Utc};

use crate::render::Settings;
use plan::{Deck, Part, Slide};
use xml::{DECL, NS, Scale, esc};

/// Failures writing the deck.
#[derive(Debug, thiserror::Error)]
pub enum PptxError {
    /// The package could not be zipped.
    #[error("{0}")]
    Zip(#[from] zip::result::ZipError),
    /// Writing into memory failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The brand's reference deck cannot be used.
    #[error(transparent)]
    Reference(#[from] reference::ReferenceError),
}

/// The deck's parts, by path in the package, before zipping.
#[derive(Default)]
struct Package {
    parts: Vec<(String, Vec<u8>)>,
    overrides: Vec<(String, &'static str)>,
}

impl Package {
    fn add(
        &mut self,
        path: impl Into<String>,
        content_type: Option<&'static str>,
        bytes: impl Into<Vec<u8>>,
    ) {
        let path = path.into();
        if let Some(ct) = content_type {
            self.overrides.push((format!("/{path}"), ct));
        }
        self.parts.push((path, bytes.into()));
    }

    fn zip(mut self) -> Result<Vec<u8>, PptxError> {
        let mut types = format!(
            r#"{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="jpg" ContentType="image/jpeg"/><Default Extension="gif" ContentType="image/gif"/><Default Extension="emf" ContentType="image/x-emf"/><Default Extension="wmf" ContentType="image/x-wmf"/><Default Extension="svg" ContentType="image/svg+xml"/><Default Extension="fntdata" ContentType="application/x-fontdata"/>"#
        );
        for (path, ct) in &self.overrides {
            let _ = write!(types, r#"<Override PartName="{}" ContentType="{ct}"/>"#, esc(path));
        }
        types.push_str("</Types>");
        self.parts.insert(0, ("[Content_Types].xml".into(), types.into_bytes()));
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        // A fixed date: the same deck gives the same bytes.
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        for (path, bytes) in &self.parts {
            out.start_file(path.as_str(), options)?;
            out.write_all(bytes)?;
        }
        Ok(out.finish()?.into_inner())
    }
}

/// Relationships part: `(id, type, target)`.
fn rels(list: &[(String, &str, String)]) -> String {
    let mut s = format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    );
    for (id, kind, target) in list {
        let kind = if kind.starts_with("http") {
            kind.to_string()
        } else {
            format!("http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}")
        };
        let _ = write!(s, r#"<Relationship Id="{id}" Type="{kind}" Target="{}"/>"#, esc(target));
    }
    s.push_str("</Relationships>");
    s
}

const CT_SLIDE: &str = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml";
const CT_NOTES: &str = "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml";
const CT_LAYOUT: &str = "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml";
const CT_MASTER: &str = "application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml";
const CT_NOTES_MASTER: &str = "application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml";
const CT_THEME: &str = "application/vnd.openxmlformats-officedocument.theme+xml";

/// The deck of `slides` (read from the slides' plan), with the logo and
/// timestamp of `settings`.
pub fn write(slides: &[Slide], settings: &Settings) -> Result<Vec<u8>, PptxError> {
    let deck = slides
        .iter()
        .flat_map(|s| &s.parts)
        .find_map(|p| if let Part::Deck(d) = p { Some((**d).clone()) } else { None })
        .unwrap_or_default();
    let logo = (!deck.logo.is_empty())
        .then(|| settings.files.iter().find(|(path, _)| *path == deck.logo))
        .flatten()
        .and_then(|(_, bytes)| picture::picture(bytes.as_slice()));
    let reference = match &settings.reference_deck {
        Some(path) => Some(reference::Reference::open(path)?),
        None => None,
    };
    let mut pkg = Package::default();
    let layouts = match &reference {
        Some(r) => r.add_to(&mut pkg, &deck)?,
        None => {
            add_master(&mut pkg, &deck);
            [1, 2, 3].map(|n| format!("../slideLayouts/slideLayout{n}.xml"))
        }
    };
    // The notes master and its theme.
    pkg.add("ppt/notesMasters/notesMaster1.xml", Some(CT_NOTES_MASTER), master::notes_master());
    pkg.add(
        "ppt/notesMasters/_rels/notesMaster1.xml.rels",
        None,
        rels(&[("rId1".into(), "theme", "../theme/themeNotes.xml".into())]),
    );
    pkg.add("ppt/theme/themeNotes.xml", Some(CT_THEME), master::theme(&deck, "Notes"));
    let mut slide_ids = String::new();
    let mut pres_rels = vec![
        ("rId1".to_string(), "slideMaster", "slideMasters/slideMaster1.xml".to_string()),
        ("rId2".to_string(), "notesMaster", "notesMasters/notesMaster1.xml".to_string()),
        (
            "rId3".to_string(),
            "theme",
            reference.as_ref().map_or("theme/theme1.xml".into(), |r| r.theme.clone()),
        ),
        ("rId4".to_string(), "presProps", "presProps.xml".to_string()),
        ("rId5".to_string(), "viewProps", "viewProps.xml".to_string()),
        ("rId6".to_string(), "tableStyles", "tableStyles.xml".to_string()),
    ];
    if let Some((bytes, ext, ..)) = &logo {
        pkg.add(format!("ppt/media/logo.{ext}"), None, bytes.clone());
    }
    let scale = reference.as_ref().map_or(Scale::WIDESCREEN, |r| Scale::new(r.size.0, r.size.1));
    let (cx, cy) = scale.size();
    for (i, s) in slides.iter().enumerate() {
        let n = i + 1;
        let logo_ref = logo.as_ref().map(|(_, _, w, h)| ("rId3", *w, *h));
        let (layout, shapes) = slide::shapes(&s.parts, &deck, n, logo_ref, scale);
        let xml = format!(
            r#"{DECL}<p:sld {NS}><p:cSld>{}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#,
            xml::sp_tree(&shapes)
        );
        pkg.add(format!("ppt/slides/slide{n}.xml"), Some(CT_SLIDE), xml);
        let mut slide_rels = vec![
            ("rId1".to_string(), "slideLayout", layouts[layout.number() - 1].clone()),
            ("rId2".to_string(), "notesSlide", format!("../notesSlides/notesSlide{n}.xml")),
        ];
        if let Some((_, ext, ..)) = &logo
            && layout == slide::Layout::Title
        {
            slide_rels.push(("rId3".to_string(), "image", format!("../media/logo.{ext}")));
        }
        pkg.add(format!("ppt/slides/_rels/slide{n}.xml.rels"), None, rels(&slide_rels));
        pkg.add(format!("ppt/notesSlides/notesSlide{n}.xml"), Some(CT_NOTES), master::notes_slide(&s.notes));
        pkg.add(
            format!("ppt/notesSlides/_rels/notesSlide{n}.xml.rels"),
            None,
            rels(&[
                ("rId1".into(), "notesMaster", "../notesMasters/notesMaster1.xml".into()),
                ("rId2".into(), "slide", format!("../slides/slide{n}.xml")),
            ]),
        );
        let rid = format!("rId{}", 10 + i);
        let _ = write!(slide_ids, r#"<p:sldId id="{}" r:id="{rid}"/>"#, 256 + i);
        pres_rels.push((rid, "slide", format!("slides/slide{n}.xml")));
    }
    let presentation = format!(
        r#"{DECL}<p:presentation {NS} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst>{slide_ids}</p:sldIdLst><p:sldSz cx="{cx}" cy="{cy}"/><p:notesSz cx="6858000" cy="9144000"/><p:defaultTextStyle><a:lvl1pPr><a:defRPr lang="en-GB"><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr></p:defaultTextStyle></p:presentation>"#
    );
    pkg.add(
        "ppt/presentation.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
        presentation,
    );
    pkg.add("ppt/_rels/presentation.xml.rels", None, rels(&pres_rels));
    pkg.add(
        "ppt/presProps.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.presProps+xml"),
        format!(r#"{DECL}<p:presentationPr {NS}/>"#),
    );
    pkg.add(
        "ppt/viewProps.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml"),
        format!(r#"{DECL}<p:viewPr {NS}><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>"#),
    );
    pkg.add(
        "ppt/tableStyles.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml"),
        format!(
            r#"{DECL}<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" def="{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}"/>"#
        ),
    );
    add_properties(&mut pkg, &deck, slides.len(), settings.timestamp);
    pkg.add(
        "_rels/.rels",
        None,
        rels(&[
            ("rId1".into(), "officeDocument", "ppt/presentation.xml".into()),
            (
                "rId2".into(),
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml".into(),
            ),
            ("rId3".into(), "extended-properties", "docProps/app.xml".into()),
        ]),
    );
    pkg.zip()
}

/// Our own theme, master and three layouts.
fn add_master(pkg: &mut Package, deck: &Deck) {
    pkg.add("ppt/theme/theme1.xml", Some(CT_THEME), master::theme(deck, "Brand"));
    pkg.add("ppt/slideMasters/slideMaster1.xml", Some(CT_MASTER), master::slide_master(deck));
    let mut master_rels: Vec<(String, &str, String)> = (1..=3)
        .map(|n| (format!("rId{n}"), "slideLayout", format!("../slideLayouts/slideLayout{n}.xml")))
        .collect();
    master_rels.push(("rId4".into(), "theme", "../theme/theme1.xml".into()));
    pkg.add("ppt/slideMasters/_rels/slideMaster1.xml.rels", None, rels(&master_rels));
    for n in 1..=3 {
        pkg.add(format!("ppt/slideLayouts/slideLayout{n}.xml"), Some(CT_LAYOUT), master::slide_layout(n));
        pkg.add(
            format!("ppt/slideLayouts/_rels/slideLayout{n}.xml.rels"),
            None,
            rels(&[("rId1".into(), "slideMaster", "../slideMasters/slideMaster1.xml".into())]),
        );
    }
}

/// Title, author, keywords and dates (`docProps/core.xml`), and the
/// application's (`docProps/app.xml`).
fn add_properties(pkg: &mut Package, deck: &Deck, slides: usize, timestamp: DateTime<Utc>) {
    let when = timestamp.format("%Y-%m-%dT%H:%M:%SZ");
    let core = format!(
        r#"{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><cp:keywords>{}</cp:keywords><cp:lastModifiedBy>{}</cp:lastModifiedBy><cp:category>{}</cp:category><dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>"#,
        esc(&deck.title),
        esc(&deck.author.join("; ")),
        esc(&deck.keywords.join(", ")),
        esc(&deck.author.join("; ")),
        esc(&deck.marking),
    );
    pkg.add("docProps/core.xml", Some("application/vnd.openxmlformats-package.core-properties+xml"), core);
    let app = format!(
        r#"{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>briefsmith {}</Application><PresentationFormat>Widescreen</PresentationFormat><Slides>{slides}</Slides><Notes>{slides}</Notes><Company>{}</Company></Properties>"#,
        env!("CARGO_PKG_VERSION"),
        esc(&deck.organization),
    );
    pkg.add(
        "docProps/app.xml",
        Some("application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        app,
    );
}
