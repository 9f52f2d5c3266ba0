//! DrawingML pieces: units, escaping, runs, paragraphs and shapes.
//!
//! Geometry is given in points of the Typst page (297 × 167.06 mm) and
//! scaled here ([`Scale`]) to the slide — PowerPoint's widescreen 13.33 ×
//! 7.5 in, or a reference deck's 16:9 size — font sizes with it, so a text
//! that fits a box in the PDF deck fits the same box in PowerPoint.

use std::fmt::Write as _;

/// The slide in EMU (PowerPoint's widescreen 16:9).
pub const SLIDE_CX: i64 = 12_192_000;
/// Its height.
pub const SLIDE_CY: i64 = 6_858_000;
/// The Typst page width in points (297 mm).
pub const PAGE_W: f64 = 297.0 / 25.4 * 72.0;
/// The Typst page height in points (167.0625 mm).
pub const PAGE_H: f64 = 167.0625 / 25.4 * 72.0;

/// Points per millimetre.
pub const MM: f64 = 72.0 / 25.4;

/// How Typst points become the slide's units: the Typst page maps onto
/// the whole slide, lengths as EMU, type sizes as hundredths of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    cx: i64,
    cy: i64,
}

impl Scale {
    /// PowerPoint's widescreen slide.
    pub const WIDESCREEN: Scale = Scale { cx: SLIDE_CX, cy: SLIDE_CY };

    /// A 16:9 slide `cx` × `cy` EMU.
    pub fn new(cx: i64, cy: i64) -> Self {
        Scale { cx, cy }
    }

    /// The slide's size in EMU.
    pub fn size(self) -> (i64, i64) {
        (self.cx, self.cy)
    }

    /// A Typst length in points as EMU on the slide.
    pub fn emu(self, pt: f64) -> i64 {
        (pt * self.cx as f64 / PAGE_W).round() as i64
    }

    /// A Typst size in points as hundredths of a point on the slide.
    pub fn hundredths(self, pt: f64) -> i64 {
        (pt * self.cx as f64 / (PAGE_W * 12_700.0) * 100.0).round() as i64
    }
}

/// Text for XML: escaped, and without the characters XML 1.0 cannot hold
/// (control characters, U+FFFE/U+FFFF), which would make the file one
/// PowerPoint offers to repair.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Hyphenated names of at most 20 characters ("Al-Qaida", "ISIS-K") with
/// non-breaking hyphens (U+2011), so a slide never breaks them at the end
/// of a line — as the PDF deck keeps them whole. Longer chains keep their
/// break points.
pub fn keep_names(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find(|c: char| c.is_alphanumeric() || c == '-') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '-')).unwrap_or(rest.len());
        let word = &rest[..end];
        let compound =
            word.contains('-') && word.chars().count() <= 20 && word.split('-').all(|part| !part.is_empty());
        if compound {
            out.push_str(&word.replace('-', "\u{2011}"));
        } else {
            out.push_str(word);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `#1F3A5F` → `1F3A5F` (black for anything else).
pub fn hex(colour: &str) -> String {
    let h = colour.trim().trim_start_matches('#');
    if h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()) {
        h.to_ascii_uppercase()
    } else {
        "000000".into()
    }
}

/// A run of text in one style.
#[derive(Debug, Clone)]
pub struct Run {
    /// The text.
    pub text: String,
    /// Size in Typst points.
    pub size: f64,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Colour, `#rrggbb`.
    pub colour: String,
    /// Letter spacing in ems.
    pub tracking: f64,
    /// Shown in capitals (the text stays as written).
    pub caps: bool,
    /// The slide's number, kept up to date by PowerPoint (the text is what it shows now).
    pub slide_number: bool,
}

impl Run {
    /// Plain text at `size` in `colour`.
    pub fn new(text: impl Into<String>, size: f64, colour: &str) -> Self {
        Run {
            text: text.into(),
            size,
            bold: false,
            italic: false,
            colour: colour.into(),
            tracking: 0.0,
            caps: false,
            slide_number: false,
        }
    }

    /// The same, bold.
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    /// The same, italic.
    pub fn italic(mut self) -> Self {
        self.italic = true;
        self
    }

    /// The same, spaced small capitals (kickers, markings).
    pub fn spaced_caps(mut self, tracking: f64) -> Self {
        self.caps = true;
        self.tracking = tracking;
        self
    }

    fn rpr(&self, tag: &str, scale: Scale) -> String {
        let mut s = format!(r#"<a:{tag} lang="en-GB" sz="{}""#, scale.hundredths(self.size));
        if self.bold {
            s.push_str(r#" b="1""#);
        }
        if self.italic {
            s.push_str(r#" i="1""#);
        }
        if self.caps {
            s.push_str(r#" cap="all""#);
        }
        if self.tracking != 0.0 {
            let _ = write!(s, r#" spc="{}""#, scale.hundredths(self.size * self.tracking));
        }
        let _ = write!(
            s,
            r#" dirty="0"><a:solidFill><a:srgbClr val="{}"/></a:solidFill></a:{tag}>"#,
            hex(&self.colour)
        );
        s
    }

    /// The same as the slide number field.
    pub fn slide_number(mut self) -> Self {
        self.slide_number = true;
        self
    }

    fn xml(&self, scale: Scale) -> String {
        if self.slide_number {
            return format!(
                r#"<a:fld id="{{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}}" type="slidenum">{}<a:t>{}</a:t></a:fld>"#,
                self.rpr("rPr", scale),
                esc(&self.text)
            );
        }
        format!("<a:r>{}<a:t>{}</a:t></a:r>", self.rpr("rPr", scale), esc(&keep_names(&self.text)))
    }
}

/// How a paragraph is marked.
#[derive(Debug, Clone, PartialEq)]
pub enum Marker {
    /// No marker.
    None,
    /// A small square in the given colour.
    Square(String),
    /// An en dash in the given colour.
    Dash(String),
    /// "1", "2" … in the given colour, bold, starting at the number given.
    Number(String, usize),
}

/// A paragraph.
#[derive(Debug, Clone)]
pub struct Para {
    /// Its runs (tabs between runs are `Run`s of "\t" — see [`Para::tab`]).
    pub runs: Vec<Run>,
    /// Line pitch in ems of the first run's size (Typst's leading + cap height).
    pub pitch: f64,
    /// Space before, in points.
    pub before: f64,
    /// Left margin in points.
    pub indent: f64,
    /// Where the first line starts, relative to the margin (negative for a
    /// hanging marker or label).
    pub first: f64,
    /// Marker.
    pub marker: Marker,
    /// `l`, `ctr` or `r`.
    pub align: &'static str,
    /// Tab stops, in points from the box's left edge, with their alignment.
    pub tabs: Vec<(f64, &'static str)>,
    /// A tab between run `i` and `i + 1` for each `i` listed.
    tabs_after: Vec<usize>,
}

impl Para {
    /// A paragraph of runs, left-aligned, no marker.
    pub fn new(runs: Vec<Run>, pitch: f64) -> Self {
        Para {
            runs,
            pitch,
            before: 0.0,
            indent: 0.0,
            first: 0.0,
            marker: Marker::None,
            align: "l",
            tabs: Vec::new(),
            tabs_after: Vec::new(),
        }
    }

    /// One run.
    pub fn of(run: Run, pitch: f64) -> Self {
        Para::new(vec![run], pitch)
    }

    /// Space before.
    pub fn before(mut self, pt: f64) -> Self {
        self.before = pt;
        self
    }

    /// Centred.
    pub fn centred(mut self) -> Self {
        self.align = "ctr";
        self
    }

    /// A hanging indent of `pt` with a marker in it.
    pub fn hanging(mut self, pt: f64, marker: Marker) -> Self {
        self.indent = pt;
        self.first = -pt;
        self.marker = marker;
        self
    }

    /// Indented by `pt` (no marker).
    pub fn indented(mut self, pt: f64) -> Self {
        self.indent = pt;
        self
    }

    /// The first line starts `pt` to the left of the margin (and the first
    /// tab in it goes to the margin).
    pub fn outdent(mut self, pt: f64) -> Self {
        self.first = -pt;
        self
    }

    /// A tab after run `i`, to a stop at `at` points from the box's left
    /// edge. (A hanging paragraph's first tab goes to its margin without one.)
    pub fn tab(mut self, after: usize, at: f64, align: &'static str) -> Self {
        self.tabs_after.push(after);
        self.tabs.push((at, align));
        self
    }

    /// The paragraph as DrawingML.
    pub fn xml(&self, scale: Scale) -> String {
        let size = self.runs.first().map_or(12.0, |r| r.size);
        let mut s = format!(r#"<a:p><a:pPr algn="{}""#, self.align);
        // Both always: a body placeholder would otherwise take the master's.
        let _ = write!(s, r#" marL="{}" indent="{}""#, scale.emu(self.indent), scale.emu(self.first));
        s.push_str(r#" rtl="0">"#);
        let _ = write!(s, r#"<a:lnSpc><a:spcPts val="{}"/></a:lnSpc>"#, scale.hundredths(size * self.pitch));
        let _ = write!(s, r#"<a:spcBef><a:spcPts val="{}"/></a:spcBef>"#, scale.hundredths(self.before));
        match &self.marker {
            Marker::None => s.push_str("<a:buNone/>"),
            Marker::Square(c) => {
                let _ = write!(
                    s,
                    r#"<a:buClr><a:srgbClr val="{}"/></a:buClr><a:buSzPct val="55000"/><a:buFont typeface="Arial"/><a:buChar char="■"/>"#,
                    hex(c)
                );
            }
            Marker::Dash(c) => {
                let _ = write!(
                    s,
                    r#"<a:buClr><a:srgbClr val="{}"/></a:buClr><a:buSzPct val="100000"/><a:buFont typeface="+mn-lt"/><a:buChar char="–"/>"#,
                    hex(c)
                );
            }
            Marker::Number(c, start) => {
                let _ = write!(
                    s,
                    r#"<a:buClr><a:srgbClr val="{}"/></a:buClr><a:buSzPct val="100000"/><a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPlain" startAt="{start}"/>"#,
                    hex(c)
                );
            }
        }
        if self.tabs.iter().any(|(at, _)| *at > self.indent) {
            s.push_str("<a:tabLst>");
            // Tab stops count from the paragraph's left margin.
            for (at, algn) in self.tabs.iter().filter(|(at, _)| *at > self.indent) {
                let _ = write!(s, r#"<a:tab pos="{}" algn="{algn}"/>"#, scale.emu(at - self.indent));
            }
            s.push_str("</a:tabLst>");
        }
        s.push_str("</a:pPr>");
        for (i, run) in self.runs.iter().enumerate() {
            s.push_str(&run.xml(scale));
            if self.tabs_after.contains(&i) {
                let tab = Run { text: "\t".into(), ..run.clone() };
                let _ = write!(s, "<a:r>{}<a:t>\t</a:t></a:r>", tab.rpr("rPr", scale));
            }
        }
        if let Some(last) = self.runs.last() {
            s.push_str(&last.rpr("endParaRPr", scale));
        }
        s.push_str("</a:p>");
        s
    }
}

/// A rectangle in Typst points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// A rectangle.
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Self {
        Rect { x, y, w: w.max(1.0), h: h.max(1.0) }
    }

    fn xfrm(&self, rot: i64, scale: Scale) -> String {
        let rot = if rot != 0 { format!(r#" rot="{rot}""#) } else { String::new() };
        // Never past the slide's edges, never empty.
        let (slide_cx, slide_cy) = scale.size();
        let x = scale.emu(self.x).clamp(0, slide_cx - 1);
        let y = scale.emu(self.y).clamp(0, slide_cy - 1);
        let cx = scale.emu(self.w).clamp(1, slide_cx - x);
        let cy = scale.emu(self.h).clamp(1, slide_cy - y);
        format!(r#"<a:xfrm{rot}><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>"#)
    }
}

/// Where a text shape's text sits in its box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Anchor {
    /// At the top.
    Top,
    /// Centred vertically.
    Middle,
    /// At the bottom.
    Bottom,
}

/// A placeholder a shape fills, and which it inherits from the layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Placeholder {
    /// The slide title (the headline), or the title slide's title.
    Title,
    /// The title slide's title.
    CentredTitle,
    /// The title slide's subtitle.
    Subtitle,
    /// The content area.
    Body,
    /// Footer: date.
    Date,
    /// Footer: text.
    Footer,
    /// Footer: slide number.
    Number,
}

impl Placeholder {
    /// The `<p:ph>` element.
    pub fn ph(self) -> &'static str {
        match self {
            Placeholder::Title => r#"<p:ph type="title"/>"#,
            Placeholder::CentredTitle => r#"<p:ph type="ctrTitle"/>"#,
            Placeholder::Subtitle => r#"<p:ph type="subTitle" idx="1"/>"#,
            Placeholder::Body => r#"<p:ph idx="1"/>"#,
            Placeholder::Date => r#"<p:ph type="dt" sz="half" idx="10"/>"#,
            Placeholder::Footer => r#"<p:ph type="ftr" sz="quarter" idx="11"/>"#,
            Placeholder::Number => r#"<p:ph type="sldNum" sz="quarter" idx="12"/>"#,
        }
    }
}

/// A shape being written onto a slide, master or layout.
pub struct Shapes {
    xml: String,
    next_id: u32,
    scale: Scale,
}

impl Default for Shapes {
    fn default() -> Self {
        Shapes::new(Scale::WIDESCREEN)
    }
}

/// A text shape's look.
#[derive(Debug, Clone)]
pub struct TextBox<'a> {
    /// Name shown in the selection pane.
    pub name: &'a str,
    /// Where.
    pub rect: Rect,
    /// The placeholder it fills, if any.
    pub placeholder: Option<Placeholder>,
    /// Vertical anchor.
    pub anchor: Anchor,
    /// Fill colour, if any.
    pub fill: Option<String>,
    /// Outline colour, if any (a 1 pt line).
    pub outline: Option<String>,
    /// Inner margin in points (all four sides).
    pub inset: f64,
    /// Rotation in degrees.
    pub rotation: f64,
    /// Shrink the text if it does not fit (a font the viewer lacks may run wider).
    pub shrink: bool,
    /// Wrap lines at the box's width.
    pub wrap: bool,
}

impl<'a> TextBox<'a> {
    /// A plain text box, top-anchored, no fill, no inset, shrinking on overflow.
    pub fn new(name: &'a str, rect: Rect) -> Self {
        TextBox {
            name,
            rect,
            placeholder: None,
            anchor: Anchor::Top,
            fill: None,
            outline: None,
            inset: 0.0,
            rotation: 0.0,
            shrink: true,
            wrap: true,
        }
    }
}

impl Shapes {
    /// Shapes on a slide of the given scale.
    pub fn new(scale: Scale) -> Self {
        Shapes { xml: String::new(), next_id: 2, scale }
    }

    /// Shapes numbered from `id` (to add to a part that has shapes of its
    /// own), on a slide of the given scale.
    pub fn starting_at(id: u32, scale: Scale) -> Self {
        Shapes { next_id: id, ..Shapes::new(scale) }
    }

    /// The shapes written so far, for a `<p:spTree>`.
    pub fn into_xml(self) -> String {
        self.xml
    }

    fn id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// A text shape holding `paras` (an empty list gives an empty paragraph).
    pub fn text(&mut self, tb: &TextBox, paras: &[Para]) {
        let id = self.id();
        let (nv, locks) = match tb.placeholder {
            Some(ph) => {
                (format!("<p:nvPr>{}</p:nvPr>", ph.ph()), r#"<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>"#)
            }
            None => ("<p:nvPr/>".to_string(), r#"<p:cNvSpPr txBox="1"/>"#),
        };
        let fill = match &tb.fill {
            Some(c) => format!(r#"<a:solidFill><a:srgbClr val="{}"/></a:solidFill>"#, hex(c)),
            None => "<a:noFill/>".into(),
        };
        let outline = match &tb.outline {
            Some(c) => {
                format!(r#"<a:ln w="12700"><a:solidFill><a:srgbClr val="{}"/></a:solidFill></a:ln>"#, hex(c))
            }
            None => String::new(),
        };
        let anchor = match tb.anchor {
            Anchor::Top => "t",
            Anchor::Middle => "ctr",
            Anchor::Bottom => "b",
        };
        let inset = self.scale.emu(tb.inset);
        let wrap = if tb.wrap { "square" } else { "none" };
        let fit = if tb.shrink { "<a:normAutofit/>" } else { "<a:noAutofit/>" };
        let body: String = if paras.is_empty() {
            "<a:p><a:endParaRPr lang=\"en-GB\" dirty=\"0\"/></a:p>".into()
        } else {
            paras.iter().map(|p| p.xml(self.scale)).collect()
        };
        let _ = write!(
            self.xml,
            r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{}"/>{locks}{nv}</p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}{outline}</p:spPr><p:txBody><a:bodyPr vert="horz" wrap="{wrap}" lIns="{inset}" tIns="{inset}" rIns="{inset}" bIns="{inset}" anchor="{anchor}" rtlCol="0">{fit}</a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>"#,
            esc(tb.name),
            tb.rect.xfrm((tb.rotation * 60_000.0).round() as i64, self.scale),
        );
    }

    /// A filled rectangle, or an outlined one when `outline` is set.
    pub fn rect(&mut self, name: &str, rect: Rect, fill: &str) {
        let id = self.id();
        let _ = write!(
            self.xml,
            r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="{}"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>"#,
            esc(name),
            rect.xfrm(0, self.scale),
            hex(fill)
        );
    }

    /// A picture (the part's relationship id `rid`).
    pub fn picture(&mut self, name: &str, descr: &str, rect: Rect, rid: &str) {
        let id = self.id();
        let _ = write!(
            self.xml,
            r#"<p:pic><p:nvPicPr><p:cNvPr id="{id}" name="{}" descr="{}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr userDrawn="1"/></p:nvPicPr><p:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#,
            esc(name),
            esc(descr),
            rect.xfrm(0, self.scale)
        );
    }
}

/// The `<p:spTree>` around shapes.
pub fn sp_tree(shapes: &str) -> String {
    format!(
        r#"<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>{shapes}</p:spTree>"#
    )
}

/// The namespaces every PresentationML part declares.
pub const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;

/// The XML declaration.
pub const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_loses_what_xml_cannot_hold() {
        assert_eq!(esc("a<b>&\"c\u{1}\u{FFFF}\td"), "a&lt;b&gt;&amp;&quot;c d");
    }

    #[test]
    fn short_hyphenated_names_never_break() {
        assert_eq!(
            keep_names("Al-Qaida and ISIS-K, well-known."),
            "Al\u{2011}Qaida and ISIS\u{2011}K, well\u{2011}known."
        );
        assert_eq!(keep_names("a - b and -x"), "a - b and -x");
        assert_eq!(keep_names("Tehreek-i-Taliban-Pakistan-Movement"), "Tehreek-i-Taliban-Pakistan-Movement");
    }

    #[test]
    fn the_page_maps_onto_the_whole_slide() {
        let emu = |pt| Scale::WIDESCREEN.emu(pt);
        assert_eq!(emu(PAGE_W), SLIDE_CX);
        assert!((emu(PAGE_H) - SLIDE_CY).abs() < 200, "{}", emu(PAGE_H));
        // 20 pt on the Typst page is 22.8 pt on the larger slide.
        assert_eq!(Scale::WIDESCREEN.hundredths(20.0), 2281);
    }

    #[test]
    fn a_smaller_sixteen_by_nine_slide_scales_lengths_and_type_alike() {
        let half = Scale::new(SLIDE_CX / 2, SLIDE_CY / 2);
        let mut sh = Shapes::new(half);
        let para = Para::of(Run::new("x", 20.0, "#000000"), 1.2).before(10.0);
        sh.text(&TextBox::new("t", Rect::new(PAGE_W / 4.0, PAGE_H / 4.0, PAGE_W, 20.0)), &[para]);
        let xml = sh.into_xml();
        // A quarter of the way in, and no wider than what is left of the slide.
        assert!(xml.contains(r#"<a:off x="1524000" y="857250"/><a:ext cx="4572000""#), "{xml}");
        // 20 pt type is half of its 22.81 pt on the widescreen slide.
        assert!(xml.contains(r#"sz="1140""#) && xml.contains(r#"<a:spcBef><a:spcPts val="570"/>"#), "{xml}");
    }
}
