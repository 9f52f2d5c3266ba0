//! The deck's theme, slide master, layouts and notes master, carrying the
//! brand: its colours as the theme's, its sans-serif family as the theme's
//! heading and body font, and the marking rows and DRAFT mark on the master,
//! so every slide — and every slide a reader adds — shows them.

use std::fmt::Write as _;

use super::plan::Deck;
use super::slide::{MARGIN_X, footer_boxes, mix_white};
use super::xml::{
    Anchor, DECL, MM, NS, PAGE_H, PAGE_W, Para, Placeholder, Rect, Run, Scale, Shapes, TextBox, esc, hex,
    sp_tree,
};

/// The theme: colours and fonts from the brand.
pub fn theme(deck: &Deck, name: &str) -> String {
    let c = |v: &str| format!(r#"<a:srgbClr val="{}"/>"#, hex(v));
    let font = esc(&deck.sans);
    format!(
        r#"{DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="{name}"><a:themeElements><a:clrScheme name="Brand"><a:dk1>{text}</a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2>{primary}</a:dk2><a:lt2>{light}</a:lt2><a:accent1>{primary}</a:accent1><a:accent2>{accent}</a:accent2><a:accent3>{muted}</a:accent3><a:accent4>{light}</a:accent4><a:accent5>{text}</a:accent5><a:accent6>{accent}</a:accent6><a:hlink>{primary}</a:hlink><a:folHlink>{muted}</a:folHlink></a:clrScheme><a:fontScheme name="Brand"><a:majorFont><a:latin typeface="{font}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="{font}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Brand"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#,
        text = c(&deck.text),
        primary = c(&deck.primary),
        accent = c(&deck.accent),
        muted = c(&deck.muted),
        light = c(&deck.light),
    )
}

/// The marking rows, the TLP label, the DRAFT tag and the diagonal DRAFT
/// mark, as master shapes (also added to a reference deck's master).
pub fn marking_shapes(sh: &mut Shapes, deck: &Deck) {
    let side = 16.0 * MM;
    let row_h = 6.0 * MM;
    let rows = [("Marking (top)", 4.0 * MM, true), ("Marking (bottom)", PAGE_H - 4.0 * MM - row_h, false)];
    if deck.draft {
        draft_watermark(sh, deck);
    }
    let centre = deck.banner.as_str();
    for (name, y, top) in rows {
        if !centre.is_empty() {
            let size = if centre.chars().count() > 110 { 7.0 } else { 9.0 };
            let run = Run::new(centre, size, &deck.text).bold().spaced_caps(0.09);
            let rect = Rect::new(side + 28.0 * MM, y, PAGE_W - 2.0 * side - 56.0 * MM, row_h);
            let tb = TextBox { anchor: Anchor::Middle, ..TextBox::new(name, rect) };
            sh.text(&tb, &[Para::of(run, 1.15).centred()]);
        }
        if !deck.tlp.is_empty() {
            let (label, colour) = (deck.tlp.as_str(), deck.tlp_colour.as_str());
            let w = label.chars().count() as f64 * 12.0 * 0.68 + 12.0 * 0.9;
            let rect = Rect::new(PAGE_W - side - w, y, w, row_h);
            let tb = TextBox {
                anchor: Anchor::Middle,
                fill: Some("#000000".into()),
                shrink: false,
                wrap: false,
                ..TextBox::new("TLP label", rect)
            };
            sh.text(&tb, &[Para::of(Run::new(label, 12.0, colour).bold().spaced_caps(0.04), 1.15).centred()]);
        }
        if deck.draft && top {
            let rect = Rect::new(side, y + 0.5 * MM, 17.0 * MM, row_h - 1.0 * MM);
            let tb = TextBox {
                anchor: Anchor::Middle,
                shrink: false,
                wrap: false,
                outline: Some(deck.accent.clone()),
                ..TextBox::new("DRAFT tag", rect)
            };
            let run = Run::new("DRAFT", 10.0, &deck.accent).bold().spaced_caps(0.16);
            sh.text(&tb, &[Para::of(run, 1.15).centred()]);
        }
    }
}

/// Large, light, diagonal "DRAFT" across the slide.
fn draft_watermark(sh: &mut Shapes, deck: &Deck) {
    let diag = (PAGE_W * PAGE_W + PAGE_H * PAGE_H).sqrt();
    let size = diag * 0.17;
    let angle = PAGE_H.atan2(PAGE_W).to_degrees();
    let (w, h) = (diag * 0.75, size * 1.4);
    let rect = Rect::new((PAGE_W - w) / 2.0, (PAGE_H - h) / 2.0, w, h);
    let tb = TextBox {
        anchor: Anchor::Middle,
        rotation: 360.0 - angle,
        shrink: false,
        wrap: false,
        ..TextBox::new("DRAFT mark", rect)
    };
    let colour = mix_white(&deck.muted, 0.14);
    sh.text(&tb, &[Para::of(Run::new("DRAFT", size, &colour).bold().spaced_caps(0.06), 1.2).centred()]);
}

/// The slide master: placeholders where the slides put them, text styles in
/// the brand, and the marking shapes.
pub fn slide_master(deck: &Deck) -> String {
    let mut sh = Shapes::default();
    let placeholder = |sh: &mut Shapes, name, rect, ph| {
        let tb = TextBox { placeholder: Some(ph), ..TextBox::new(name, rect) };
        sh.text(&tb, &[]);
    };
    let content_w = PAGE_W - 2.0 * MARGIN_X;
    placeholder(
        &mut sh,
        "Title",
        Rect::new(MARGIN_X, 15.0 * MM + 6.0 * MM, content_w, 60.0),
        Placeholder::Title,
    );
    placeholder(&mut sh, "Body", body_rect(), Placeholder::Body);
    let (l, c, r) = footer_boxes();
    placeholder(&mut sh, "Date", l, Placeholder::Date);
    placeholder(&mut sh, "Footer", c, Placeholder::Footer);
    placeholder(&mut sh, "Slide number", r, Placeholder::Number);
    marking_shapes(&mut sh, deck);
    let primary = hex(&deck.primary);
    let text = hex(&deck.text);
    let mut levels = String::new();
    for lvl in 1..=5 {
        let size = 2280 - 228 * (lvl - 1).min(3);
        let _ = write!(
            levels,
            r#"<a:lvl{lvl}pPr marL="{}" indent="-{}" algn="l" rtl="0"><a:spcBef><a:spcPts val="1000"/></a:spcBef><a:buClr><a:srgbClr val="{primary}"/></a:buClr><a:buSzPct val="55000"/><a:buFont typeface="Arial"/><a:buChar char="■"/><a:defRPr sz="{size}"><a:solidFill><a:srgbClr val="{text}"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl{lvl}pPr>"#,
            228_600 * lvl,
            228_600,
        );
    }
    format!(
        r#"{DECL}<p:sldMaster {NS}><p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>{}</p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/><p:sldLayoutId id="2147483650" r:id="rId2"/><p:sldLayoutId id="2147483651" r:id="rId3"/></p:sldLayoutIdLst><p:hf hdr="0"/><p:txStyles><p:titleStyle><a:lvl1pPr algn="l" rtl="0"><a:lnSpc><a:spcPct val="95000"/></a:lnSpc><a:buNone/><a:defRPr sz="3192" b="1"><a:solidFill><a:srgbClr val="{primary}"/></a:solidFill><a:latin typeface="+mj-lt"/></a:defRPr></a:lvl1pPr></p:titleStyle><p:bodyStyle>{levels}</p:bodyStyle><p:otherStyle><a:lvl1pPr><a:defRPr sz="1800"><a:solidFill><a:srgbClr val="{text}"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>"#,
        sp_tree(&sh.into_xml())
    )
}

/// The body placeholder's box on the master and content layout.
fn body_rect() -> Rect {
    let y = 15.0 * MM + 40.0 * MM;
    Rect::new(MARGIN_X, y, PAGE_W - 2.0 * MARGIN_X, PAGE_H - 19.0 * MM - 4.0 * MM - y)
}

/// A slide layout: `Title Slide`, `Title and Content` or `Title Only`.
pub fn slide_layout(number: usize) -> String {
    let (name, kind) = match number {
        1 => ("Title Slide", "title"),
        2 => ("Title and Content", "obj"),
        _ => ("Title Only", "titleOnly"),
    };
    let mut sh = Shapes::default();
    let empty = |sh: &mut Shapes, name, rect, ph| {
        let tb = TextBox { placeholder: Some(ph), ..TextBox::new(name, rect) };
        sh.text(&tb, &[]);
    };
    let content_w = PAGE_W - 2.0 * MARGIN_X;
    match number {
        1 => {
            let y = PAGE_H / 2.0 - 40.0;
            empty(&mut sh, "Title", Rect::new(MARGIN_X, y, content_w, 60.0), Placeholder::CentredTitle);
            empty(&mut sh, "Subtitle", Rect::new(MARGIN_X, y + 64.0, content_w, 30.0), Placeholder::Subtitle);
        }
        2 => {
            empty(&mut sh, "Title", Rect::new(MARGIN_X, 21.0 * MM, content_w, 60.0), Placeholder::Title);
            empty(&mut sh, "Content", body_rect(), Placeholder::Body);
        }
        _ => empty(&mut sh, "Title", Rect::new(MARGIN_X, 21.0 * MM, content_w, 60.0), Placeholder::Title),
    }
    let (l, c, r) = footer_boxes();
    empty(&mut sh, "Date", l, Placeholder::Date);
    empty(&mut sh, "Footer", c, Placeholder::Footer);
    empty(&mut sh, "Slide number", r, Placeholder::Number);
    format!(
        r#"{DECL}<p:sldLayout {NS} type="{kind}" preserve="1"><p:cSld name="{name}">{}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"#,
        sp_tree(&sh.into_xml())
    )
}

/// The notes master (PowerPoint wants one whenever a slide has notes).
pub fn notes_master() -> String {
    let mut sh = Shapes::default();
    let (w, h) = (NOTES_W, NOTES_H);
    let tb = |name, rect, ph| TextBox { placeholder: Some(ph), ..TextBox::new(name, rect) };
    sh.text(&tb("Notes", Rect::new(w * 0.1, h * 0.47, w * 0.8, h * 0.42), Placeholder::Body), &[]);
    let image = format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="10" name="Slide image"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr></p:sp>"#,
        notes_image_xfrm()
    );
    let body = sp_tree(&(image + &sh.into_xml()))
        .replace(r#"<p:ph idx="1"/>"#, r#"<p:ph type="body" sz="quarter" idx="3"/>"#);
    format!(
        r#"{DECL}<p:notesMaster {NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>{body}</p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/><p:notesStyle><a:lvl1pPr marL="0" algn="l" rtl="0"><a:defRPr sz="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr></p:notesStyle></p:notesMaster>"#
    )
}

/// Where the slide's image sits on a notes page.
fn notes_image_xfrm() -> String {
    let emu = |pt| Scale::WIDESCREEN.emu(pt);
    let (w, h) = (NOTES_W, NOTES_H);
    format!(
        r#"<a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm>"#,
        emu(w * 0.1),
        emu(h * 0.07),
        emu(w * 0.8),
        emu(w * 0.8 * 9.0 / 16.0)
    )
}

/// The notes page in Typst points (portrait, 7.5 × 10 in), scaled as slides are.
const NOTES_W: f64 = PAGE_W * 6_858_000.0 / 12_192_000.0;
const NOTES_H: f64 = PAGE_W * 9_144_000.0 / 12_192_000.0;

/// A slide's notes page: the slide image and the notes, a paragraph each.
pub fn notes_slide(notes: &[String]) -> String {
    let image = format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide image"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr>{}</p:spPr></p:sp>"#,
        notes_image_xfrm()
    );
    let paras: String = notes
        .iter()
        .map(|n| format!(r#"<a:p><a:r><a:rPr lang="en-GB" dirty="0"/><a:t>{}</a:t></a:r></a:p>"#, esc(n)))
        .collect();
    let paras =
        if paras.is_empty() { "<a:p><a:endParaRPr lang=\"en-GB\"/></a:p>".to_string() } else { paras };
    let body = format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{paras}</p:txBody></p:sp>"#
    );
    format!(
        r#"{DECL}<p:notes {NS}><p:cSld>{}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"#,
        sp_tree(&(image + &body))
    )
}
