//! One slide's shapes, from its plan parts, on the geometry of `slides.typ`.
//!
//! Each part goes where the PDF deck lays it out — margins, headline block,
//! body box — at the size the template chose, so what fits there fits here.
//! Headlines go into the title placeholder and running text into the body
//! placeholder (PowerPoint's outline and accessibility read them); tables of
//! threats, the agenda, figures and the timeline are text boxes.

use super::plan::{Deck, Part};
use super::xml::{Anchor, MM, Marker, PAGE_H, PAGE_W, Para, Placeholder, Rect, Run, Scale, Shapes, TextBox};

/// The page margins of `slides.typ`.
pub const MARGIN_X: f64 = 16.0 * MM;
/// Top margin.
pub const MARGIN_TOP: f64 = 15.0 * MM;
/// Bottom margin.
pub const MARGIN_BOTTOM: f64 = 19.0 * MM;
/// The content box.
pub const CONTENT_W: f64 = PAGE_W - 2.0 * MARGIN_X;
/// Its height.
pub const CONTENT_H: f64 = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM;
const TOP_GUTTER: f64 = 7.0 * MM;
const FOOT_GUTTER: f64 = 4.0 * MM;
/// Inter's cap height in ems: Typst measures a line from the capitals' top
/// to the baseline, so a pitch is this plus the leading.
const CAP: f64 = 0.73;

/// Which layout a slide uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Title slide.
    Title,
    /// Title and content (a body placeholder).
    Content,
    /// Title only (the body is text boxes).
    TitleOnly,
}

impl Layout {
    /// The layout part's number (`slideLayoutN.xml`).
    pub fn number(self) -> usize {
        match self {
            Layout::Title => 1,
            Layout::Content => 2,
            Layout::TitleOnly => 3,
        }
    }
}

/// A text box's top moved up so its first baseline falls where Typst's
/// does: Typst's first line starts at the capitals, PowerPoint's about
/// four fifths of a line pitch above the baseline.
fn raise(size: f64, pitch: f64) -> f64 {
    ((0.8 * pitch - CAP) * size).max(0.0)
}

/// The shapes of one slide, on a slide of `scale`, and the layout it uses.
/// `logo`: the logo's relationship id and size in points, when the deck
/// has one.
pub fn shapes(
    parts: &[Part],
    deck: &Deck,
    number: usize,
    logo: Option<(&str, f64, f64)>,
    scale: Scale,
) -> (Layout, String) {
    let mut sh = Shapes::new(scale);
    let mut layout = Layout::TitleOnly;
    let mut body = Rect::new(MARGIN_X, MARGIN_TOP, CONTENT_W, CONTENT_H);
    if parts.iter().any(|p| matches!(p, Part::Title { .. })) {
        layout = Layout::Title;
        title_slide(&mut sh, parts, deck, logo);
    }
    // Running text fills the body placeholder of "Title and Content".
    let running = |p: &Part| {
        matches!(p, Part::Numbered { .. } | Part::Bullets { .. } | Part::Paras { .. } | Part::Recs { .. })
    };
    if parts.iter().any(running) {
        layout = Layout::Content;
    }
    for part in parts {
        if let Part::Top { kicker, head, size, height } = part {
            body = top(&mut sh, kicker, head, *size, *height, deck);
        }
    }
    for part in parts {
        match part {
            Part::Numbered { size, items } => numbered(&mut sh, body, deck, *size, items),
            Part::Bullets { size, lead, beside, items } => {
                bullets(&mut sh, body, deck, *size, *lead, *beside, items)
            }
            Part::Paras { size, lead, items } => paras(&mut sh, body, deck, *size, *lead, items),
            Part::Recs { size, detail_size, items } => recs(&mut sh, body, deck, *size, *detail_size, items),
            Part::Figures { size, row, items } => figures(&mut sh, body, *size, *row, items, deck),
            Part::Table { size, rows, label_width } => table(&mut sh, body, deck, *size, rows, *label_width),
            Part::Agenda { size, columns, entries } => agenda(&mut sh, body, deck, *size, *columns, entries),
            Part::Events { size, extra, date_width, items } => {
                events(&mut sh, body, deck, *size, *extra, *date_width, items)
            }
            Part::Deck(_) | Part::Title { .. } | Part::Control { .. } | Part::Top { .. } => {}
        }
    }
    footer(&mut sh, deck, number);
    (layout, sh.into_xml())
}

/// The bottom line: numbered key judgements.
fn numbered(sh: &mut Shapes, body: Rect, deck: &Deck, size: f64, items: &[String]) {
    let pitch = CAP + 0.45;
    let paras: Vec<Para> = items
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Para::of(Run::new(s, size, &deck.text), pitch)
                .hanging(1.9 * size, Marker::Number(deck.accent.clone(), 1))
                .before(if i == 0 { 0.0 } else { gap(size, 0.9, 0.45) })
        })
        .collect();
    body_text(sh, "Bottom line", body, size, pitch, &paras, true);
}

/// A threat's points (beside its figures, when it has some).
fn bullets(sh: &mut Shapes, body: Rect, deck: &Deck, size: f64, lead: bool, beside: bool, items: &[String]) {
    let pitch = CAP + 0.45;
    let w = if beside { CONTENT_W * 0.7 - 10.0 * MM } else { body.w };
    let paras: Vec<Para> = items
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let run = Run::new(s, size, &deck.text);
            let run = if lead && i == 0 { run.bold() } else { run };
            Para::of(run, pitch)
                .hanging(0.95 * size, Marker::Square(deck.primary.clone()))
                .before(if i == 0 { 0.0 } else { gap(size, 0.75, 0.45) })
        })
        .collect();
    body_text(sh, "Points", Rect { w, ..body }, size, pitch, &paras, true);
}

/// The conclusion's paragraphs.
fn paras(sh: &mut Shapes, body: Rect, deck: &Deck, size: f64, lead: bool, items: &[String]) {
    let pitch = CAP + 0.5;
    let paras: Vec<Para> = items
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let run = Run::new(s, size, &deck.text);
            let run = if lead && i == 0 { run.bold() } else { run };
            Para::of(run, pitch).before(if i == 0 { 0.0 } else { gap(size, 0.9, 0.5) })
        })
        .collect();
    body_text(sh, "Conclusion", body, size, pitch, &paras, true);
}

/// Recommendations, numbered, each with its detail.
fn recs(
    sh: &mut Shapes,
    body: Rect,
    deck: &Deck,
    size: f64,
    detail_size: f64,
    items: &[super::plan::RecItem],
) {
    let pitch = CAP + 0.4;
    let indent = 2.05 * size;
    let mut paras = Vec::new();
    for (i, r) in items.iter().enumerate() {
        let title = Run::new(&r.title, size, &deck.text).bold();
        paras.push(
            Para::of(title, pitch)
                .hanging(indent, Marker::Number(deck.primary.clone(), r.number))
                .before(if i == 0 { 0.0 } else { gap(size, 0.85, 0.4) }),
        );
        if !r.detail.is_empty() {
            paras.push(
                Para::of(Run::new(&r.detail, detail_size, &deck.muted), pitch)
                    .indented(indent)
                    .before(gap(size, 0.35, 0.4)),
            );
        }
    }
    body_text(sh, "Recommendations", body, size, pitch, &paras, true);
}

/// The threat overview: each threat's label, and its key fact hanging beside it.
fn table(
    sh: &mut Shapes,
    body: Rect,
    deck: &Deck,
    size: f64,
    rows: &[super::plan::TableRow],
    label_width: f64,
) {
    let pitch = CAP + 0.4;
    let indent = label_width + 0.8 * size;
    let paras: Vec<Para> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut runs = vec![Run::new(&r.label, size, &deck.primary).bold()];
            if r.kind == "risk" {
                runs.push(Run::new(" RISK", size * 0.55, &deck.accent).bold().spaced_caps(0.08));
            }
            let at = runs.len() - 1;
            runs.push(Run::new(&r.fact, size, &deck.text));
            Para::new(runs, pitch).hanging(indent, Marker::None).tab(at, indent, "l").before(if i == 0 {
                0.0
            } else {
                gap(size, 0.84, 0.4)
            })
        })
        .collect();
    body_text(sh, "Threats at a glance", body, size, pitch, &paras, false);
}

/// The agenda, in one or two columns, each line with its slide number.
fn agenda(
    sh: &mut Shapes,
    body: Rect,
    deck: &Deck,
    size: f64,
    columns: u8,
    entries: &[super::plan::AgendaEntry],
) {
    let pitch = CAP + 0.4;
    let cols = columns.clamp(1, 2);
    let column_gap = 12.0 * MM;
    let col_w = (body.w - column_gap * f64::from(cols - 1)) / f64::from(cols);
    let line = |(i, e): (usize, &super::plan::AgendaEntry)| {
        let before = if i == 0 { 0.0 } else { gap(size, 0.62, 0.4) };
        let number = Run::new(&e.slide, size, &deck.muted);
        // A threat: a dash under the section's text.
        if e.sub {
            let mut runs = vec![Run::new(&e.label, size, &deck.text).bold()];
            if !e.name.is_empty() {
                runs.push(Run::new(format!(" — {}", e.name), size, &deck.muted));
            }
            let at = runs.len() - 1;
            runs.push(number);
            let mut para = Para::new(runs, pitch).hanging(2.6 * size, Marker::Dash(deck.accent.clone()));
            para = para.outdent(size).tab(at, col_w, "r").before(before);
            para
        } else {
            let runs = vec![Run::new(&e.label, size, &deck.text).bold(), number];
            Para::new(runs, pitch)
                .hanging(1.6 * size, Marker::Square(deck.primary.clone()))
                .tab(0, col_w, "r")
                .before(before)
        }
    };
    // Two columns as two text boxes, split as the PDF splits them (the
    // first takes the odd one): a box's own columns do not survive
    // shrinking in every viewer.
    let per_column = entries.len().div_ceil(usize::from(cols)).max(1);
    for (k, chunk) in entries.chunks(per_column).enumerate() {
        let paras: Vec<Para> = chunk.iter().enumerate().map(line).collect();
        let x = body.x + k as f64 * (col_w + column_gap);
        let rect = raised(Rect { x, w: col_w, ..body }, size, pitch);
        sh.text(&TextBox::new("Agenda", rect), &paras);
    }
}

/// The timeline: dates hanging beside the events, and how many were left off.
fn events(
    sh: &mut Shapes,
    body: Rect,
    deck: &Deck,
    size: f64,
    extra: usize,
    date_width: f64,
    items: &[super::plan::EventItem],
) {
    let pitch = CAP + 0.4;
    let indent = date_width + size;
    let mut paras: Vec<Para> = items
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let date = if e.relative {
                Run::new(&e.date, size, &deck.muted).bold().italic()
            } else {
                Run::new(&e.date, size, &deck.primary).bold()
            };
            Para::new(vec![date, Run::new(&e.text, size, &deck.text)], pitch)
                .hanging(indent, Marker::None)
                .tab(0, indent, "l")
                .before(if i == 0 { 0.0 } else { gap(size, 0.7, 0.4) })
        })
        .collect();
    if extra > 0 {
        let s = (size * 0.75).max(14.0);
        let what = if extra == 1 { "event" } else { "events" };
        let run = Run::new(format!("Further: {extra} {what} in the full briefing."), s, &deck.muted);
        paras.push(Para::of(run.italic(), pitch).before(gap(size, 0.8, 0.4)));
    }
    body_text(sh, "Timeline", body, size, pitch, &paras, false);
}

/// Space before a paragraph for a gap of `spacing` ems between two in
/// Typst, whose lines count from the capitals: PowerPoint's line pitch
/// already holds the `leading`.
fn gap(size: f64, spacing: f64, leading: f64) -> f64 {
    ((spacing - leading) * size).max(0.0)
}

/// A body box moved up so its first baseline sits where Typst's does, and
/// lengthened by as much.
fn raised(body: Rect, size: f64, pitch: f64) -> Rect {
    let up = raise(size, pitch);
    Rect::new(body.x, body.y - up, body.w, body.h + up)
}

/// Running text in the body placeholder, or in a text box.
fn body_text(
    sh: &mut Shapes,
    name: &str,
    body: Rect,
    size: f64,
    pitch: f64,
    paras: &[Para],
    placeholder: bool,
) {
    let tb = TextBox {
        placeholder: placeholder.then_some(Placeholder::Body),
        ..TextBox::new(name, raised(body, size, pitch))
    };
    sh.text(&tb, paras);
}

/// Kicker, headline and accent rule; returns the body box below them.
fn top(sh: &mut Shapes, kicker: &str, head: &str, size: f64, height: f64, deck: &Deck) -> Rect {
    let kick_size = 11.0;
    let kick_h = if kicker.is_empty() { 0.0 } else { CAP * kick_size + 2.5 * MM };
    // The headline first: screen readers read a slide in shape order.
    let pitch = CAP + 0.3;
    let head_h = (height - kick_h - 4.0 * MM - 2.0).max(size);
    let up = raise(size, pitch);
    let rect = Rect::new(MARGIN_X, MARGIN_TOP + kick_h - up, CONTENT_W, head_h + up + 0.3 * size);
    let tb = TextBox { placeholder: Some(Placeholder::Title), ..TextBox::new("Headline", rect) };
    sh.text(&tb, &[Para::of(Run::new(head, size, &deck.primary).bold(), pitch)]);
    if !kicker.is_empty() {
        let pitch = 1.2;
        let rect = Rect::new(MARGIN_X, MARGIN_TOP - raise(kick_size, pitch), CONTENT_W, kick_size * 1.3);
        let run = Run::new(kicker, kick_size, &deck.accent).bold().spaced_caps(0.12);
        sh.text(&TextBox { shrink: false, ..TextBox::new("Kicker", rect) }, &[Para::of(run, pitch)]);
    }
    sh.rect("Accent rule", Rect::new(MARGIN_X, MARGIN_TOP + height - 2.0, 18.0 * MM, 2.0), &deck.accent);
    let y = MARGIN_TOP + height + TOP_GUTTER;
    Rect::new(MARGIN_X, y, CONTENT_W, (MARGIN_TOP + CONTENT_H - FOOT_GUTTER - y).max(20.0))
}

/// Figures shown large: a column at the right of the points, or a row.
fn figures(
    sh: &mut Shapes,
    body: Rect,
    size: f64,
    row: bool,
    items: &[super::plan::FigureItem],
    deck: &Deck,
) {
    let n = items.len().max(1) as f64;
    let gap = if row { 10.0 * MM } else { 1.1 * size };
    let (x0, w, h) = if row {
        (body.x, (body.w - gap * (n - 1.0)) / n, body.h)
    } else {
        (body.x + CONTENT_W * 0.7, CONTENT_W * 0.3, (body.h - gap * (n - 1.0)) / n)
    };
    for (i, f) in items.iter().enumerate() {
        let i = i as f64;
        let (x, y) = if row { (x0 + i * (w + gap), body.y) } else { (x0, body.y + i * (h + gap)) };
        sh.rect("Figure bar", Rect::new(x, y, 3.0, h.min(size * 5.5)), &deck.accent);
        let mut paras = Vec::new();
        if !f.qualifier.is_empty() {
            paras.push(Para::of(
                Run::new(&f.qualifier, size * 0.62, &deck.muted).bold().spaced_caps(0.08),
                1.2,
            ));
        }
        paras.push(Para::of(Run::new(&f.value, f.value_size, &deck.primary).bold(), 1.1));
        paras.push(Para::of(Run::new(&f.label, size * 0.8, &deck.text), CAP + 0.35));
        let tb = TextBox::new("Figure", Rect::new(x + 0.7 * size + 3.0, y, w - 0.7 * size - 3.0, h));
        sh.text(&tb, &paras);
    }
}

/// The title slide: kicker and logo, the brand panel with title and
/// subtitle, and the document control block.
fn title_slide(sh: &mut Shapes, parts: &[Part], deck: &Deck, logo: Option<(&str, f64, f64)>) {
    let Some(Part::Title { kicker, title, size, title_height, subtitle, subtitle_size, subtitle_height }) =
        parts.iter().find(|p| matches!(p, Part::Title { .. }))
    else {
        return;
    };
    let sub = !subtitle.is_empty();
    let panel_h = 18.0 * MM + title_height + if sub { 5.0 * MM + subtitle_height } else { 0.0 };
    let panel_y = MARGIN_TOP + ((CONTENT_H - panel_h) / 2.0).max(0.0);
    // The panel first (it lies under the title), then the title: screen
    // readers read a slide in shape order.
    sh.rect("Brand panel", Rect::new(0.0, panel_y, PAGE_W, panel_h), &deck.primary);
    let pitch = CAP + 0.28;
    let up = raise(*size, pitch);
    let rect = Rect::new(MARGIN_X, panel_y + 9.0 * MM - up, CONTENT_W, title_height + up + 0.3 * size);
    let tb = TextBox { placeholder: Some(Placeholder::CentredTitle), ..TextBox::new("Title", rect) };
    sh.text(&tb, &[Para::of(Run::new(title, *size, "#FFFFFF").bold(), pitch)]);
    if sub {
        let pitch = CAP + 0.4;
        let up = raise(*subtitle_size, pitch);
        let y = panel_y + 9.0 * MM + title_height + 5.0 * MM;
        let rect = Rect::new(MARGIN_X, y - up, CONTENT_W, subtitle_height + up + 0.3 * subtitle_size);
        let tb = TextBox { placeholder: Some(Placeholder::Subtitle), ..TextBox::new("Subtitle", rect) };
        let tint = mix_white(&deck.primary, 0.12);
        sh.text(&tb, &[Para::of(Run::new(subtitle, *subtitle_size, &tint), pitch)]);
    }
    // Kicker and logo above the panel, on one baseline.
    let above = Rect::new(MARGIN_X, MARGIN_TOP, CONTENT_W, (panel_y - 6.0 * MM - MARGIN_TOP).max(12.0));
    let mut kick_w = CONTENT_W;
    if let Some((rid, w, h)) = logo {
        let lh = 1.5 * 72.0 / 2.54;
        let lw = (w / h * lh).min(8.0 * 72.0 / 2.54);
        let lh = lw * h / w;
        kick_w -= lw + 8.0 * MM;
        let descr = if deck.organization.is_empty() {
            "Logo".to_string()
        } else {
            format!("{} logo", deck.organization)
        };
        sh.picture("Logo", &descr, Rect::new(MARGIN_X + CONTENT_W - lw, above.y + above.h - lh, lw, lh), rid);
    }
    let run = Run::new(kicker, 12.0, &deck.accent).bold().spaced_caps(0.12);
    let tb = TextBox { anchor: Anchor::Bottom, ..TextBox::new("Kicker", Rect { w: kick_w, ..above }) };
    sh.text(&tb, &[Para::of(run, 1.2)]);
    // Document control under the panel.
    if let Some(Part::Control { size, line, marking, distribution }) =
        parts.iter().find(|p| matches!(p, Part::Control { .. }))
    {
        let pitch = CAP + 0.4;
        let mut paras = Vec::new();
        if !line.is_empty() {
            let mut runs = Vec::new();
            for (i, s) in line.iter().enumerate() {
                if i > 0 {
                    runs.push(Run::new("  ·  ", *size, &deck.muted));
                }
                let run = Run::new(s, *size, &deck.text);
                runs.push(if i == 0 && *s == deck.date { run.bold() } else { run });
            }
            paras.push(Para::new(runs, pitch));
        }
        if !marking.is_empty() {
            let s = if marking.chars().count() > 60 { size * 0.75 } else { *size };
            let run = Run::new(marking, s, &deck.text).bold().spaced_caps(0.08);
            paras.push(Para::of(run, pitch).before(if paras.is_empty() {
                0.0
            } else {
                gap(*size, 0.7, 0.4)
            }));
        }
        if !distribution.is_empty() {
            let run = Run::new(distribution, size * 0.8, &deck.muted);
            paras.push(Para::of(run, pitch).before(if paras.is_empty() {
                0.0
            } else {
                gap(*size, 0.7, 0.4)
            }));
        }
        let y = panel_y + panel_h + 6.0 * MM;
        let rect = raised(Rect::new(MARGIN_X, y, CONTENT_W, MARGIN_TOP + CONTENT_H - y), *size, pitch);
        sh.text(&TextBox::new("Document control", rect), &paras);
    }
}

/// The footer placeholders: organisation · date, the brand's footer line,
/// version · slide number.
pub fn footer(sh: &mut Shapes, deck: &Deck, number: usize) {
    let size = 8.0;
    let (left, centre, right) = footer_boxes();
    let org_date: Vec<&str> =
        [deck.organization.as_str(), deck.date.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
    let tb = |name, rect, ph| TextBox {
        placeholder: Some(ph),
        anchor: Anchor::Middle,
        ..TextBox::new(name, rect)
    };
    let run = Run::new(org_date.join("  ·  "), size, &deck.muted);
    sh.text(&tb("Date", left, Placeholder::Date), &[Para::of(run, 1.2)]);
    if !deck.footer.is_empty() {
        let run = Run::new(&deck.footer, size, &deck.muted);
        sh.text(&tb("Footer", centre, Placeholder::Footer), &[Para::of(run, 1.2).centred()]);
    }
    let mut runs = Vec::new();
    if !deck.version.is_empty() {
        runs.push(Run::new(format!("{}  ·  ", deck.version), size, &deck.muted));
    }
    runs.push(Run::new(number.to_string(), size, &deck.muted).slide_number());
    let mut para = Para::new(runs, 1.2);
    para.align = "r";
    sh.text(&tb("Slide number", right, Placeholder::Number), &[para]);
}

/// Where the three footer parts go (left, centre, right).
pub fn footer_boxes() -> (Rect, Rect, Rect) {
    let y = PAGE_H - MARGIN_BOTTOM + 4.0 * MM;
    let h = 4.5 * MM;
    let third = CONTENT_W / 3.0;
    (
        Rect::new(MARGIN_X, y, third, h),
        Rect::new(MARGIN_X + third, y, third, h),
        Rect::new(MARGIN_X + 2.0 * third, y, third, h),
    )
}

/// `colour` taken `share` of the way from white (white text on the brand
/// colour, a little tinted).
pub fn mix_white(colour: &str, share: f64) -> String {
    let h = super::xml::hex(colour);
    let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).unwrap_or(0) as f64;
    let m = |v: f64| (255.0 * (1.0 - share) + v * share).round() as u8;
    format!("#{:02X}{:02X}{:02X}", m(c(0)), m(c(2)), m(c(4)))
}
