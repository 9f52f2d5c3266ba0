//! Reading Word (`.docx`) briefs: the document's text as Markdown, which the
//! analysis then reads like any Markdown brief (spans and `--explain` point
//! into this text).
//!
//! Headings come from the heading styles (by their names in `styles.xml`, so
//! localised style ids work) and from outline levels; numbered and bulleted
//! lists keep their nesting (formats from `numbering.xml`); a bold run that
//! opens a paragraph stays a bold lead; tables become a paragraph per row;
//! text boxes and field results are text. Footnote and comment references,
//! field codes and deleted text are left out; inserted text is in (tracked
//! changes taken as accepted). Title, subtitle, author and date come from
//! the Title and Subtitle styles and `docProps/core.xml`, as front matter.
//!
//! The container is read with `zip`, the XML with `quick-xml`. Hostile files
//! get one clear error: not a zip (a PDF, an old or password-protected
//! `.doc`), damaged, no document part, a part that unpacks beyond
//! [`MAX_PART_BYTES`] (a zip bomb), or XML with a DOCTYPE (entity expansion
//! and external entities are never read).

use std::collections::HashMap;
use std::io::Read;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

/// The largest a part may unpack to.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// The most entries a document may hold.
const MAX_ENTRIES: usize = 20_000;

/// Why a `.docx` cannot be read; the caller names the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocxError {
    /// Not a zip archive at all.
    #[error("it is not a Word document{0}")]
    NotDocx(&'static str),
    /// The archive is damaged or truncated.
    #[error("the Word document is damaged ({0})")]
    Damaged(String),
    /// No `word/document.xml`.
    #[error("the Word document has no document part (word/document.xml); a macro-only or template file?")]
    NoDocument,
    /// A part unpacks to more than [`MAX_PART_BYTES`].
    #[error("a part of the Word document unpacks to more than {} MiB (a zip bomb?)", MAX_PART_BYTES >> 20)]
    TooLarge,
    /// Too many entries.
    #[error("the Word document holds more than {MAX_ENTRIES} parts")]
    TooManyParts,
    /// A part declares a DOCTYPE.
    #[error("`{0}` declares a DOCTYPE; XML entities are not read")]
    Doctype(String),
    /// A part is not well-formed XML.
    #[error("`{part}` is not well-formed XML ({message})")]
    Xml {
        /// The part.
        part: String,
        /// What is wrong.
        message: String,
    },
}

/// The Markdown text of a Word document (with front matter when it has a
/// title, subtitle, author or date).
pub fn to_markdown(bytes: &[u8]) -> Result<String, DocxError> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(DocxError::NotDocx(if bytes.starts_with(b"%PDF-") {
            " (it is a PDF)"
        } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
            " (it is password-protected, or an old Word 97–2003 .doc: save it as .docx)"
        } else {
            " (not a zip archive)"
        }));
    }
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| DocxError::Damaged(e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(DocxError::TooManyParts);
    }
    let document = part(&mut zip, "word/document.xml")?.ok_or(DocxError::NoDocument)?;
    let styles = match part(&mut zip, "word/styles.xml")? {
        Some(xml) => styles(&xml)?,
        None => HashMap::new(),
    };
    let numbering = match part(&mut zip, "word/numbering.xml")? {
        Some(xml) => numbering(&xml)?,
        None => Numbering::default(),
    };
    let core = match part(&mut zip, "docProps/core.xml")? {
        Some(xml) => core(&xml)?,
        None => HashMap::new(),
    };
    let body = Body::read(&document, &styles, &numbering)?;
    let mut front: Vec<(&str, String)> = Vec::new();
    if let Some(title) = body.title.clone().or_else(|| core.get("title").cloned()).filter(|t| !t.is_empty()) {
        front.push(("title", title));
    }
    if let Some(subtitle) = body.subtitle.clone() {
        front.push(("subtitle", subtitle));
    }
    if let Some(author) = core.get("creator").filter(|a| !a.is_empty()) {
        front.push(("author", author.clone()));
    }
    if let Some(date) = core.get("created").and_then(|d| d.get(..10)).filter(|d| d.len() == 10) {
        front.push(("date", date.to_string()));
    }
    let mut out = String::new();
    if !front.is_empty() {
        out.push_str("---\n");
        for (key, value) in front {
            // JSON strings are YAML strings: quotes and colons stay text.
            out.push_str(&format!("{key}: {}\n", serde_json::Value::String(value)));
        }
        out.push_str("---\n\n");
    }
    out.push_str(&body.markdown);
    Ok(out)
}

/// A part's text, read with a size limit; `None` when absent.
fn part(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Result<Option<String>, DocxError> {
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(DocxError::Damaged(e.to_string())),
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1).read_to_end(&mut bytes).map_err(|e| DocxError::Damaged(e.to_string()))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(DocxError::TooLarge);
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| DocxError::Xml { part: name.into(), message: "not UTF-8".into() })
}

/// The events of an XML part, refusing a DOCTYPE.
fn events(
    xml: &str,
    part: &str,
    mut each: impl FnMut(Event<'_>) -> Result<(), DocxError>,
) -> Result<(), DocxError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0usize;
    loop {
        let event =
            reader.read_event().map_err(|e| DocxError::Xml { part: part.into(), message: e.to_string() })?;
        match event {
            // A part cut short (a truncated file) ends inside its elements.
            Event::Eof if depth > 0 => {
                return Err(DocxError::Xml {
                    part: part.into(),
                    message: "it ends inside an element".into(),
                });
            }
            Event::Eof => return Ok(()),
            Event::DocType(_) => return Err(DocxError::Doctype(part.into())),
            event => {
                match &event {
                    Event::Start(_) => depth += 1,
                    Event::End(_) => depth = depth.saturating_sub(1),
                    _ => {}
                }
                each(event)?
            }
        }
    }
}

/// An attribute's value by its local name (`w:val` → `val`).
fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// An element's name without its namespace prefix (`w:p` → `p`).
fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_string()
}

/// What a paragraph style means here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Heading(u8),
    Title,
    Subtitle,
}

/// Style ids that mean headings, title or subtitle, by the style's name
/// (`heading 2`, `Title`) or its outline level.
fn styles(xml: &str) -> Result<HashMap<String, Style>, DocxError> {
    let mut out = HashMap::new();
    let mut id: Option<String> = None;
    events(xml, "word/styles.xml", |event| {
        if let Event::Start(e) | Event::Empty(e) = &event {
            match local(e).as_str() {
                "style" => id = attr(e, "styleId"),
                "name" => {
                    let name = attr(e, "val").unwrap_or_default().to_lowercase();
                    let style = match name.as_str() {
                        "title" => Some(Style::Title),
                        "subtitle" => Some(Style::Subtitle),
                        n => {
                            n.strip_prefix("heading ").and_then(|l| l.trim().parse().ok()).map(Style::Heading)
                        }
                    };
                    if let (Some(id), Some(style)) = (&id, style) {
                        out.insert(id.clone(), style);
                    }
                }
                "outlineLvl" => {
                    if let (Some(id), Some(level)) = (&id, attr(e, "val").and_then(|v| v.parse::<u8>().ok()))
                    {
                        out.entry(id.clone()).or_insert(Style::Heading(level + 1));
                    }
                }
                _ => {}
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// List formats: numId → abstractNumId, and (abstractNumId, level) → bullet.
#[derive(Debug, Default)]
struct Numbering {
    nums: HashMap<String, String>,
    bullets: HashMap<(String, u8), bool>,
}

impl Numbering {
    fn is_bullet(&self, num: &str, level: u8) -> bool {
        self.nums.get(num).and_then(|a| self.bullets.get(&(a.clone(), level))).copied().unwrap_or(true)
    }
}

fn numbering(xml: &str) -> Result<Numbering, DocxError> {
    let mut out = Numbering::default();
    let (mut abstract_id, mut level, mut num) = (None::<String>, 0u8, None::<String>);
    events(xml, "word/numbering.xml", |event| {
        if let Event::Start(e) | Event::Empty(e) = &event {
            match local(e).as_str() {
                "abstractNum" => abstract_id = attr(e, "abstractNumId"),
                "lvl" => level = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0),
                "numFmt" => {
                    if let Some(a) = &abstract_id {
                        out.bullets.insert((a.clone(), level), attr(e, "val").as_deref() == Some("bullet"));
                    }
                }
                "num" => {
                    abstract_id = None;
                    num = attr(e, "numId");
                }
                "abstractNumId" => {
                    if let (Some(n), Some(a)) = (&num, attr(e, "val")) {
                        out.nums.insert(n.clone(), a);
                    }
                }
                _ => {}
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// `docProps/core.xml`: title, creator, created … by local name.
fn core(xml: &str) -> Result<HashMap<String, String>, DocxError> {
    let mut out = HashMap::new();
    let mut current: Option<String> = None;
    events(xml, "docProps/core.xml", |event| {
        match event {
            Event::Start(e) => current = Some(local(&e)),
            Event::Text(t) => {
                if let Some(key) = &current {
                    let text = t.xml10_content();
                    out.entry(key.clone()).or_insert_with(String::new).push_str(text.trim());
                }
            }
            Event::End(_) => current = None,
            _ => {}
        }
        Ok(())
    })?;
    Ok(out)
}

/// A paragraph as it is read.
#[derive(Debug, Default)]
struct Para {
    style: Option<Style>,
    outline: Option<u8>,
    list: Option<(String, u8)>,
    /// The bold lead, then the rest.
    lead: String,
    text: String,
    /// Still in the opening bold runs.
    leading: bool,
}

/// The body read out: Markdown blocks, and the Title and Subtitle paragraphs.
struct Body {
    markdown: String,
    title: Option<String>,
    subtitle: Option<String>,
}

impl Body {
    fn read(xml: &str, styles: &HashMap<String, Style>, numbering: &Numbering) -> Result<Body, DocxError> {
        let mut body = Body { markdown: String::new(), title: None, subtitle: None };
        // Paragraphs open now (a text box's paragraphs sit inside a run of
        // another); the blocks they make, in order of their ends.
        let mut open: Vec<Para> = Vec::new();
        let mut blocks: Vec<String> = Vec::new();
        // Table rows: the cells' texts of the row open now.
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut skip = 0usize; // depth inside a part left out
        let mut bold = false; // the run's bold
        let mut in_text = false;
        events(xml, "word/document.xml", |event| {
            match event {
                Event::Start(e) => {
                    let name = local(&e);
                    if skip > 0 || is_left_out(&name) {
                        skip += 1;
                        return Ok(());
                    }
                    match name.as_str() {
                        "p" => open.push(Para { leading: true, ..Para::default() }),
                        "r" => bold = false,
                        "t" => in_text = true,
                        "tr" => rows.push(Vec::new()),
                        "tc" => {
                            if let Some(row) = rows.last_mut() {
                                row.push(String::new());
                            }
                        }
                        _ => {}
                    }
                }
                Event::Empty(e) => {
                    if skip > 0 {
                        return Ok(());
                    }
                    let name = local(&e);
                    let Some(p) = open.last_mut() else { return Ok(()) };
                    match name.as_str() {
                        "pStyle" => p.style = attr(&e, "val").and_then(|v| styles.get(&v).copied()),
                        "outlineLvl" => p.outline = attr(&e, "val").and_then(|v| v.parse().ok()),
                        "ilvl" => {
                            let level = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                            let num = p.list.take().map(|(n, _)| n).unwrap_or_default();
                            p.list = Some((num, level));
                        }
                        "numId" => {
                            let level = p.list.take().map_or(0, |(_, l)| l);
                            p.list = attr(&e, "val").filter(|v| v != "0").map(|v| (v, level));
                        }
                        "b" => bold = !matches!(attr(&e, "val").as_deref(), Some("0" | "false")),
                        "tab" | "br" | "cr" => push(p, " ", bold),
                        "noBreakHyphen" => push(p, "-", bold),
                        _ => {}
                    }
                }
                Event::Text(t) if skip == 0 && in_text => {
                    if let Some(p) = open.last_mut() {
                        push(p, &t.xml10_content(), bold);
                    }
                }
                // &amp; &lt; … and character references inside text.
                Event::GeneralRef(r) if skip == 0 && in_text => {
                    let name = r.xml10_content();
                    let text = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| DocxError::Xml {
                                part: "word/document.xml".into(),
                                message: format!("undefined entity `&{name};`"),
                            })?
                            .to_string(),
                    };
                    if let Some(p) = open.last_mut() {
                        push(p, &text, bold);
                    }
                }
                Event::End(e) => {
                    if skip > 0 {
                        skip -= 1;
                        return Ok(());
                    }
                    match e.local_name().as_ref() {
                        "t" => in_text = false,
                        "p" => {
                            if let Some(p) = open.pop() {
                                let in_cell = open.is_empty() && rows.last().is_some_and(|r| !r.is_empty());
                                if in_cell {
                                    let text = format!("{}{}", p.lead, p.text);
                                    let cell = rows.last_mut().and_then(|r| r.last_mut()).expect("a cell");
                                    join(cell, text.trim());
                                } else if let Some(block) = finish(p, numbering, &mut body) {
                                    blocks.push(block);
                                }
                            }
                        }
                        "tr" => {
                            if let Some(row) = rows.pop() {
                                let cells: Vec<&str> =
                                    row.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
                                if !cells.is_empty() {
                                    blocks.push(escape(&cells.join("; ")));
                                }
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
            Ok(())
        })?;
        // Consecutive list items stay together; other blocks are paragraphs.
        let mut last_list = false;
        for block in blocks {
            let list = block.trim_start().starts_with("- ") || block.trim_start().starts_with("1. ");
            if !body.markdown.is_empty() {
                body.markdown.push_str(if list && last_list { "\n" } else { "\n\n" });
            }
            body.markdown.push_str(&block);
            last_list = list;
        }
        body.markdown.push('\n');
        Ok(body)
    }
}

/// Parts of the body whose text is not the document's: deleted text, field
/// codes, the fallback copy of a drawing (its text box is read once, from
/// the choice), section properties, footnote and comment references.
fn is_left_out(name: &str) -> bool {
    matches!(
        name,
        "del"
            | "instrText"
            | "Fallback"
            | "sectPr"
            | "footnoteReference"
            | "endnoteReference"
            | "commentReference"
            | "delText"
            | "moveFrom"
    )
}

fn push(p: &mut Para, text: &str, bold: bool) {
    if p.leading && bold {
        p.lead.push_str(text);
    } else {
        if !text.trim().is_empty() || !p.text.is_empty() {
            p.leading = false;
        }
        p.text.push_str(text);
    }
}

fn join(cell: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    if !cell.is_empty() {
        cell.push(' ');
    }
    cell.push_str(text);
}

/// Characters Markdown would read as markup at the start of a line or
/// inline, escaped so the text stays text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|')
            || (i == 0 && matches!(c, '#' | '-' | '+' | '=' | '~'))
        {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. " at the start would make a list.
    if let Some(dot) = out.find(". ")
        && dot > 0
        && out[..dot].chars().all(|c| c.is_ascii_digit())
    {
        out.insert(dot, '\\');
    }
    out
}

/// A paragraph as a Markdown block (none for an empty one, or for the Title
/// and Subtitle, which become front matter).
fn finish(p: Para, numbering: &Numbering, body: &mut Body) -> Option<String> {
    use crate::analysis::text::collapse;
    let (lead, text) = (collapse(&p.lead), collapse(&p.text));
    let whole = collapse(&format!("{} {}", lead, text));
    if whole.is_empty() {
        return None;
    }
    let heading = match p.style {
        Some(Style::Title) => {
            body.title.get_or_insert(whole);
            return None;
        }
        Some(Style::Subtitle) => {
            body.subtitle.get_or_insert(whole);
            return None;
        }
        Some(Style::Heading(level)) => Some(level),
        None => p.outline.filter(|&l| l < 9).map(|l| l + 1),
    };
    if let Some(level) = heading {
        return Some(format!("{} {}", "#".repeat(usize::from(level.clamp(1, 6))), escape(&whole)));
    }
    let content = match (lead.is_empty(), text.is_empty()) {
        (false, false) => format!("**{}** {}", escape(&lead), escape(&text)),
        (false, true) => format!("**{}**", escape(&lead)),
        _ => escape(&text),
    };
    match p.list {
        Some((num, level)) => {
            let marker = if numbering.is_bullet(&num, level) { "-" } else { "1." };
            Some(format!("{}{marker} {content}", "    ".repeat(usize::from(level.min(8)))))
        }
        None => Some(content),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::Write;

    use super::*;

    /// A .docx in memory from its parts.
    pub(crate) fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in parts {
            zip.start_file(*name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn document(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#
        )
    }

    fn p(style: &str, text: &str) -> String {
        let ppr = if style.is_empty() {
            String::new()
        } else {
            format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
        };
        format!(r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
    }

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:style w:styleId="Titel"><w:name w:val="Title"/></w:style>
        <w:style w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>
        <w:style w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>"#;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
        <w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

    fn item(level: u8, bold: &str, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>{bold}</w:t></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p>"#
        )
    }

    #[test]
    fn a_document_becomes_markdown_with_its_structure() {
        let body = [
            p("Titel", "Sahel Outlook"),
            p("berschrift1", "Background"),
            // Tracked changes: the insertion is in, the deletion out; a
            // footnote reference and a field code are left out.
            r#"<w:p><w:r><w:t>JNIM </w:t></w:r><w:ins><w:r><w:t>expanded south</w:t></w:r></w:ins><w:del><w:r><w:delText>grew</w:delText></w:r></w:del><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>.</w:t></w:r></w:p>"#.to_string(),
            p("Heading2", "Recommendations"),
            item(0, "Fund mediation.", "Donors should pool funds."),
            item(1, "", "Through local councils &amp; elders."),
            item(0, "", "Expand patrols."),
            // A table row, and a text box inside a paragraph.
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Mali</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12 attacks</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#.to_string(),
            r#"<w:p><w:r><w:t>See the box.</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="m"><mc:Choice><w:txbxContent><w:p><w:r><w:t>Boxed note.</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>Boxed note.</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>"#.to_string(),
        ]
        .concat();
        let core = r#"<cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t"><dc:title>Ignored: the Title style wins</dc:title><dc:creator>Policy Unit: Sahel</dc:creator><dcterms:created>2026-03-14T09:00:00Z</dcterms:created></cp:coreProperties>"#;
        let bytes = docx(&[
            ("word/document.xml", &document(&body)),
            ("word/styles.xml", STYLES),
            ("word/numbering.xml", NUMBERING),
            ("docProps/core.xml", core),
        ]);
        assert_eq!(
            to_markdown(&bytes).unwrap(),
            "---\ntitle: \"Sahel Outlook\"\nauthor: \"Policy Unit: Sahel\"\ndate: \"2026-03-14\"\n---\n\n\
             # Background\n\nJNIM expanded south.\n\n## Recommendations\n\n\
             1. **Fund mediation.** Donors should pool funds.\n    - Through local councils & elders.\n1. Expand patrols.\n\n\
             Mali; 12 attacks\n\nBoxed note.\n\nSee the box.\n"
        );
    }

    #[test]
    fn hostile_files_get_one_clear_error() {
        let err = |bytes: &[u8]| to_markdown(bytes).unwrap_err().to_string();
        assert_eq!(err(b"%PDF-1.7 ..."), "it is not a Word document (it is a PDF)");
        assert!(
            err(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1....").contains("password-protected, or an old Word 97")
        );
        assert_eq!(err(b"plain text"), "it is not a Word document (not a zip archive)");
        let good = docx(&[("word/document.xml", &document(&p("", "Hello.")))]);
        let truncated = err(&good[..good.len() / 2]);
        assert!(
            truncated.starts_with("the Word document is damaged")
                || truncated.contains("ends inside an element"),
            "{truncated}"
        );
        let macros = docx(&[("word/vbaProject.bin", "macros")]);
        assert!(err(&macros).starts_with("the Word document has no document part"));
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(
            err(&docx(&[("word/document.xml", laughs)])),
            "`word/document.xml` declares a DOCTYPE; XML entities are not read"
        );
        let external = r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"#;
        assert!(err(&docx(&[("word/document.xml", external)])).contains("declares a DOCTYPE"));
        let undeclared = document(r#"<w:p><w:r><w:t>&x;</w:t></w:r></w:p>"#);
        assert!(err(&docx(&[("word/document.xml", &undeclared)])).contains("is not well-formed XML"));
    }

    #[test]
    fn a_zip_bomb_is_refused_without_unpacking_it_all() {
        // 80 MiB of spaces inside one text run: a few hundred KiB packed.
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(b"<w:document><w:body><w:p><w:r><w:t>").unwrap();
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..80 {
            zip.write_all(&chunk).unwrap();
        }
        zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>").unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert!(bytes.len() < 2 << 20, "{} bytes packed", bytes.len());
        assert_eq!(to_markdown(&bytes).unwrap_err(), DocxError::TooLarge);
    }
}
