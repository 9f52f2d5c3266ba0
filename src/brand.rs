//! Brands: the organisation, logo, colours, fonts, footer and default
//! marking shared by all products.
//!
//! A brand comes from `--brand FILE`, else a `brand.toml` or `_brand.yml`
//! beside the brief, else the built-in default. Two formats are read:
//! briefsmith's own `brand.toml` (see [`STARTER`]) and Quarto's `_brand.yml`
//! (the brand.yml format; what is read and how it maps: `from_quarto`).
//!
//! A file is first read as written (`Parsed`); [`load`] then finds the
//! files it names (the logo, font files) and checks each font family against
//! the fonts the renderer will have ([`Shared::families`]). A family it will
//! not have is replaced by the built-in one, with one note saying which and
//! why, rather than a Typst warning at every place the family is used.

use std::fs;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_yaml_ng::Value;

use crate::model::line_column;
use crate::render::Shared;

/// The look shared by the products, as templates read it (`settings.brand`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Brand {
    /// Issuing organisation shown on covers and footers.
    pub organization: Option<String>,
    /// Main colour (headings, bands).
    pub primary: String,
    /// Accent colour (rules, call-outs).
    pub accent: String,
    /// Body text colour.
    pub text: String,
    /// Secondary text colour.
    pub muted: String,
    /// Tint for boxes.
    pub light: String,
    /// Sans-serif family (headings, slides, summary).
    pub sans: String,
    /// Serif family (briefing body).
    pub serif: String,
    /// Arabic-script fallback family.
    pub arabic: String,
    /// Footer line.
    pub footer: Option<String>,
    /// Path templates pass to `image()` for the logo, when there is one.
    pub logo: Option<String>,
}

impl Default for Brand {
    fn default() -> Self {
        Brand {
            organization: None,
            primary: "#1F3A5F".into(),
            accent: "#B3282D".into(),
            text: "#1A1A1A".into(),
            muted: "#5B6573".into(),
            light: "#EEF1F5".into(),
            sans: "Inter".into(),
            serif: "Noto Serif".into(),
            arabic: "Noto Naskh Arabic".into(),
            footer: None,
            logo: None,
        }
    }
}

/// A brand with what it brings besides settings: the logo file, fonts,
/// document defaults and notes for the user.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// What templates read.
    pub brand: Brand,
    /// The logo's bytes, served to templates at `brand.logo`.
    pub logo: Option<Vec<u8>>,
    /// Extra fonts, offered before the built-in ones: folders (searched for
    /// font files) and single font files (brand.yml's `source: file`).
    pub font_dirs: Vec<PathBuf>,
    /// Marking when the brief and the command line give none.
    pub marking: Option<String>,
    /// Distribution statement when the brief gives none.
    pub distribution: Option<String>,
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// A PowerPoint deck whose theme, master and layouts `slides.pptx` uses.
    pub reference_deck: Option<PathBuf>,
    /// What the user should know, one line each: a font family replaced
    /// (and why), a logo online and not fetched.
    pub notes: Vec<String>,
}

/// Failures reading a brand file.
#[derive(Debug, thiserror::Error)]
pub enum BrandError {
    /// The file cannot be read.
    #[error("failed to read brand `{path}` ({source})")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file does not parse.
    #[error("failed to read brand `{path}` ({path}:{line}:{column}: {message})")]
    Malformed {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A value is not usable (a colour that is not one, a logo of another
    /// kind, a file that is not there).
    #[error("failed to use brand `{path}` ({message})")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// A commented starter `brand.toml`, written by `briefsmith init`.
pub const STARTER: &str = r##"# briefsmith brand: one file drives the briefing, the summary, the slides
# and the handout. Paths are relative to this file. Every key is optional.

[organization]
name = "Policy Analysis Unit"       # shown on covers, title slides, footers
# logo = "logo.svg"                 # SVG or PNG

[colors]                            # hex colours
primary = "#1F3A5F"                 # headings, bands
accent = "#B3282D"                  # rules, call-outs
text = "#1A1A1A"                    # body text
muted = "#5B6573"                   # secondary text
light = "#EEF1F5"                   # tint of boxes

[fonts]
sans = "Inter"                      # headings, summary, slides
serif = "Noto Serif"                # briefing body
# dir = "fonts"                     # a folder of extra .ttf/.otf files

[document]
# footer = "Prepared for the Director of Policy"
# marking = "TLP:GREEN"             # default handling marking
# distribution = "Approved for public release; distribution is unlimited."
# reference_deck = "template.pptx" # slides.pptx takes its master and layouts
"##;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct TomlBrand {
    organization: TomlOrganization,
    colors: std::collections::BTreeMap<String, String>,
    fonts: TomlFonts,
    document: TomlDocument,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct TomlOrganization {
    name: Option<String>,
    logo: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct TomlFonts {
    sans: Option<String>,
    serif: Option<String>,
    dir: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct TomlDocument {
    footer: Option<String>,
    marking: Option<String>,
    distribution: Option<String>,
    reference_deck: Option<String>,
}

/// A brand file as written: its values, and the paths it names as it
/// names them, before the files are found and the fonts checked.
#[derive(Debug, Default)]
struct Parsed {
    /// Colours, families, organisation, footer; no logo yet.
    brand: Brand,
    /// The logo's path as written.
    logo: Option<String>,
    /// `brand.toml`'s font folder, as written.
    font_dirs: Vec<String>,
    /// brand.yml's `typography.fonts`.
    fonts: Vec<FontEntry>,
    /// Default marking.
    marking: Option<String>,
    /// Default distribution statement.
    distribution: Option<String>,
    /// The reference deck's path as written.
    reference_deck: Option<String>,
}

/// One entry of brand.yml's `typography.fonts`.
#[derive(Debug, Clone, PartialEq)]
struct FontEntry {
    /// The family, as the brand spells it.
    family: String,
    /// Where its files come from.
    source: FontSource,
    /// For `source: file`: the files as written (their `weight` and `style`
    /// are not needed: Typst reads both from the font itself).
    files: Vec<String>,
}

/// brand.yml's font sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FontSource {
    /// Files beside the brand (or online).
    File,
    /// Google Fonts, fetched by a browser; never by briefsmith.
    Google,
    /// Bunny Fonts, likewise.
    Bunny,
    /// Installed on the reader's machine (also what an unknown source means).
    System,
}

/// The files of one `typography.fonts` entry, once looked for.
#[derive(Debug, Default)]
struct EntryFiles {
    /// Font files Typst can read.
    usable: Vec<PathBuf>,
    /// Files it cannot (online ones, web fonts), as written.
    unusable: Vec<String>,
}

/// The brand file to use for a brief: the one given, else one beside the
/// brief, else none (the built-in default).
pub fn discover(given: Option<&Path>, brief: &Path) -> Option<PathBuf> {
    if let Some(path) = given {
        return Some(path.to_path_buf());
    }
    let dir = brief.parent().unwrap_or(Path::new(""));
    ["brand.toml", "_brand.yml", "_brand.yaml"].iter().map(|f| dir.join(f)).find(|p| p.is_file())
}

/// The brand of a brief: the file [`discover`] finds, loaded, else the
/// built-in default.
pub fn for_brief(given: Option<&Path>, brief: &Path) -> Result<Loaded, BrandError> {
    match discover(given, brief) {
        Some(file) => load(&file),
        None => Ok(Loaded::default()),
    }
}

/// Loads a brand file (`.toml` or Quarto's `_brand.yml`): reads it, reads
/// the logo, finds the font files, and replaces font families the renderer
/// will not have (see [`Loaded::notes`]).
pub fn load(path: &Path) -> Result<Loaded, BrandError> {
    let text = fs::read_to_string(path).map_err(|source| BrandError::Io { path: path.into(), source })?;
    let quarto = path.extension().is_some_and(|e| e == "yml" || e == "yaml");
    let parsed = if quarto { from_quarto(&text, path)? } else { from_toml(&text, path)? };
    let invalid = |message: String| BrandError::Invalid { path: path.into(), message };
    for colour in [
        &parsed.brand.primary,
        &parsed.brand.accent,
        &parsed.brand.text,
        &parsed.brand.muted,
        &parsed.brand.light,
    ] {
        if !is_hex_colour(colour) {
            return Err(invalid(format!("`{colour}` is not a hex colour such as #1F3A5F")));
        }
    }
    let dir = path.parent().unwrap_or(Path::new(""));
    let places = Places { dir: dir.to_path_buf(), root: quarto.then(|| project_root(dir)) };
    let mut loaded = Loaded {
        brand: parsed.brand,
        marking: parsed.marking,
        distribution: parsed.distribution,
        path: Some(path.to_path_buf()),
        ..Loaded::default()
    };
    if let Some(logo) = &parsed.logo {
        match read_logo(logo, &places).map_err(invalid)? {
            Some((kind, bytes)) => {
                loaded.logo = Some(bytes);
                loaded.brand.logo = Some(format!("brand/logo.{kind}"));
            }
            None => loaded.notes.push(format!(
                "brand logo `{logo}` is online; briefsmith works offline and does not fetch it, \
                 so the documents have no logo"
            )),
        }
    }
    if let Some(deck) = &parsed.reference_deck {
        let file = places.resolve(deck);
        if !file.is_file() {
            return Err(invalid(format!("reference deck `{deck}` not found at `{}`", file.display())));
        }
        loaded.reference_deck = Some(file);
    }
    loaded.font_dirs = parsed.font_dirs.iter().map(|d| dir.join(d)).collect();
    let found = find_font_files(&parsed.fonts, &places).map_err(invalid)?;
    loaded.font_dirs.extend(found.iter().flat_map(|f| f.usable.iter().cloned()));
    check_fonts(&mut loaded, &parsed.fonts, &found, quarto);
    Ok(loaded)
}

fn from_toml(text: &str, path: &Path) -> Result<Parsed, BrandError> {
    let raw: TomlBrand = toml::from_str(text).map_err(|err| {
        let at = err.span().map_or(0, |s| s.start).min(text.len());
        let (line, column) = line_column(text, at);
        BrandError::Malformed { path: path.into(), line, column, message: err.message().to_string() }
    })?;
    let mut brand = Brand { organization: raw.organization.name, ..Brand::default() };
    for (key, value) in raw.colors {
        let slot = match key.as_str() {
            "primary" => &mut brand.primary,
            "accent" | "secondary" => &mut brand.accent,
            "text" | "foreground" => &mut brand.text,
            "muted" => &mut brand.muted,
            "light" | "background" => &mut brand.light,
            other => {
                return Err(BrandError::Invalid {
                    path: path.into(),
                    message: format!("unknown colour `{other}` (use primary, accent, text, muted, light)"),
                });
            }
        };
        *slot = value;
    }
    if let Some(sans) = raw.fonts.sans {
        brand.sans = sans;
    }
    if let Some(serif) = raw.fonts.serif {
        brand.serif = serif;
    }
    brand.footer = raw.document.footer;
    Ok(Parsed {
        brand,
        logo: raw.organization.logo,
        font_dirs: raw.fonts.dir.into_iter().collect(),
        fonts: Vec::new(),
        marking: raw.document.marking,
        distribution: raw.document.distribution,
        reference_deck: raw.document.reference_deck,
    })
}

/// Reads the part of a Quarto brand (`_brand.yml`, the brand.yml format)
/// that applies. Keys it does not use (`meta.link`, `defaults`, `bootstrap`,
/// link colours, sizes, weights…) are ignored.
///
/// - `meta.name`: text, or `{full, short}` (the full name is shown).
/// - `logo`: one image for the documents. It is a path, `{path, alt}`, or
///   sizes `small`, `medium`, `large`, each a path, a name in
///   `logo.images` (whose entries are paths or `{path, alt}`), `{path, alt}`,
///   or `{light, dark}` of those. The largest size given is used (`large`,
///   else `medium`, else `small`): brand.yml keeps `large` for title slides
///   and print, and the documents print the logo up to 6 cm wide on a cover.
///   Of `{light, dark}`, `light`: the pages are white. A relative path is
///   read from the brand's folder, a `/`-rooted one from the Quarto project
///   root (see `project_root`); an online (`https://`) logo is not fetched.
/// - `color`: `primary` → primary, `secondary` → accent, `foreground` →
///   text, and for the tint of boxes the first of `light`, `tertiary`,
///   `background` that is pale and not white (a white box on a white page
///   does not show). A colour is a hex colour, a name in `color.palette`
///   (whose entries may name other entries), the name of another theme
///   colour, `{light, dark}` (light is used), or one of the seventeen CSS 2.1
///   colour names (`white`, `black`, `red`, `navy`… and `grey`, `cyan`,
///   `magenta`), so palettes written with names work; others (`rgb(…)`,
///   the long CSS list) are refused by name.
/// - `typography`: `base` → the body family (briefing body), `headings` →
///   the heading family (headings, summary, slides), each a family or
///   `{family, …}`; headings without a family take the base family, as in
///   brand.yml. `typography.fonts` lists where families come from: the files
///   of `source: file` are loaded (relative to the brand, or `/`-rooted);
///   `google` and `bunny` fonts are never fetched; `system` fonts are not
///   used (briefsmith has only its own fonts, so output is the same on every
///   machine). `monospace` is not used by the templates.
fn from_quarto(text: &str, path: &Path) -> Result<Parsed, BrandError> {
    let root: Value = serde_yaml_ng::from_str(text).map_err(|err| {
        let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
        let message = err.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message).to_string();
        BrandError::Malformed { path: path.into(), line, column, message }
    })?;
    let invalid = |message: String| BrandError::Invalid { path: path.into(), message };
    if !matches!(root, Value::Null | Value::Mapping(_)) {
        return Err(invalid(format!(
            "the file holds {}, not brand keys such as `meta`, `logo`, `color`, `typography`",
            kind(&root)
        )));
    }
    let mut parsed = Parsed::default();
    parsed.brand.organization = organization(get(&root, "meta")).map_err(invalid)?;
    if let Some(logo) = get(&root, "logo") {
        parsed.logo = pick_logo(logo).map_err(invalid)?;
    }
    if let Some(color) = get(&root, "color") {
        colours(color, &mut parsed.brand).map_err(invalid)?;
    }
    if let Some(typography) = get(&root, "typography") {
        fonts(typography, &mut parsed).map_err(invalid)?;
    }
    // brand.yml's place for one tool's settings: `defaults: briefsmith: …`.
    let ours = get(&root, "defaults").and_then(|d| get(d, "briefsmith"));
    parsed.reference_deck = ours.and_then(|d| get(d, "reference-deck")).and_then(text_of);
    Ok(parsed)
}

/// A key's value, none when it is absent or empty.
fn get<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    value.get(key).filter(|v| !v.is_null())
}

/// What a YAML value is, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

/// Text, trimmed, none when empty.
fn text_of(value: &Value) -> Option<String> {
    value.as_str().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// `meta.name`: text, or `{full, short}`.
fn organization(meta: Option<&Value>) -> Result<Option<String>, String> {
    let Some(name) = meta.and_then(|m| get(m, "name")) else { return Ok(None) };
    match name {
        Value::String(_) => Ok(text_of(name)),
        Value::Mapping(_) => {
            Ok(get(name, "full").and_then(text_of).or_else(|| get(name, "short").and_then(text_of)))
        }
        other => Err(format!("`meta.name` is {}, not text or {{full, short}}", kind(other))),
    }
}

/// The logo for the documents, as written (see `from_quarto`).
fn pick_logo(logo: &Value) -> Result<Option<String>, String> {
    match logo {
        Value::String(_) => Ok(text_of(logo)),
        Value::Mapping(_) if ["path", "light", "dark"].iter().any(|k| get(logo, k).is_some()) => {
            logo_resource(logo, None, "logo")
        }
        Value::Mapping(_) => {
            let images = get(logo, "images");
            for size in ["large", "medium", "small"] {
                if let Some(value) = get(logo, size) {
                    return logo_resource(value, images, &format!("logo.{size}"));
                }
            }
            Ok(None)
        }
        other => Err(format!("`logo` is {}, not a path or {{small, medium, large}}", kind(other))),
    }
}

/// One logo value at `at`: a path or (when `images` is given) a name in
/// `logo.images`, `{path, alt}`, or `{light, dark}` of those.
fn logo_resource(value: &Value, images: Option<&Value>, at: &str) -> Result<Option<String>, String> {
    match value {
        Value::String(name) => match images.and_then(|i| get(i, name.trim())) {
            Some(image) => logo_resource(image, None, &format!("logo.images.{}", name.trim())),
            None => Ok(text_of(value)),
        },
        Value::Mapping(_) if get(value, "path").is_some() => match get(value, "path") {
            Some(path @ Value::String(_)) => Ok(text_of(path)),
            other => Err(format!("`{at}.path` is {}, not a path", other.map_or("empty", kind))),
        },
        Value::Mapping(_) => match (get(value, "light"), get(value, "dark")) {
            (Some(light), _) => logo_resource(light, images, &format!("{at}.light")),
            (None, Some(dark)) => logo_resource(dark, images, &format!("{at}.dark")),
            (None, None) => Err(format!("`{at}` has neither `path` nor `light` or `dark`")),
        },
        other => Err(format!(
            "`{at}` is {}, not a path, a name in `logo.images`, {{path, alt}} or {{light, dark}}",
            kind(other)
        )),
    }
}

/// brand.yml's theme colours, which a colour may name.
const THEME_COLOURS: [&str; 11] = [
    "foreground",
    "background",
    "primary",
    "secondary",
    "tertiary",
    "success",
    "info",
    "warning",
    "danger",
    "light",
    "dark",
];

/// The colours of `color` (see `from_quarto`).
fn colours(color: &Value, brand: &mut Brand) -> Result<(), String> {
    for (key, slot) in
        [("primary", &mut brand.primary), ("secondary", &mut brand.accent), ("foreground", &mut brand.text)]
    {
        let Some(value) = get(color, key) else { continue };
        let colour = resolve_colour(color, value, 0)
            .ok_or_else(|| format!("`color.{key}` is {}, not a colour", kind(value)))?;
        if !is_hex_colour(&colour) {
            return Err(format!(
                "`{colour}` (color.{key}) is not a hex colour such as #1F3A5F, a CSS colour name \
                 or a name in `color.palette`"
            ));
        }
        *slot = colour;
    }
    let tint = ["light", "tertiary", "background"]
        .iter()
        .filter_map(|key| get(color, key).and_then(|v| resolve_colour(color, v, 0)))
        .find(|c| is_tint(c));
    if let Some(tint) = tint {
        brand.light = tint;
    }
    Ok(())
}

/// A brand.yml colour value as a hex colour, following names: `{light,
/// dark}` gives its light colour; a name is looked up in `color.palette`,
/// then among the theme colours, then among the CSS 2.1 colour names. What
/// is none of these comes back as written, for the caller to refuse by name;
/// none when the value is not text at all.
fn resolve_colour(color: &Value, value: &Value, depth: usize) -> Option<String> {
    // Names that name each other in a circle end here.
    if depth > 16 {
        return None;
    }
    if value.is_mapping() {
        let light = get(value, "light").or_else(|| get(value, "dark"))?;
        return resolve_colour(color, light, depth + 1);
    }
    let name = value.as_str()?.trim();
    if is_hex_colour(name) {
        return Some(name.to_string());
    }
    let named = color
        .get("palette")
        .and_then(|palette| get(palette, name))
        .or_else(|| THEME_COLOURS.contains(&name).then(|| get(color, name)).flatten());
    if let Some(next) = named
        && let Some(colour) = resolve_colour(color, next, depth + 1)
    {
        return Some(colour);
    }
    Some(css_colour(name).unwrap_or(name).to_string())
}

/// The CSS 2.1 colour names (with `grey`, `cyan` and `magenta`) as hex.
fn css_colour(name: &str) -> Option<&'static str> {
    Some(match name.to_ascii_lowercase().as_str() {
        "black" => "#000000",
        "silver" => "#C0C0C0",
        "gray" | "grey" => "#808080",
        "white" => "#FFFFFF",
        "maroon" => "#800000",
        "red" => "#FF0000",
        "purple" => "#800080",
        "fuchsia" | "magenta" => "#FF00FF",
        "green" => "#008000",
        "lime" => "#00FF00",
        "olive" => "#808000",
        "yellow" => "#FFFF00",
        "navy" => "#000080",
        "blue" => "#0000FF",
        "teal" => "#008080",
        "aqua" | "cyan" => "#00FFFF",
        "orange" => "#FFA500",
        _ => return None,
    })
}

/// Red, green and blue of a hex colour (#RGB, #RGBA, #RRGGBB, #RRGGBBAA).
fn rgb(hex: &str) -> Option<[u8; 3]> {
    let digits = hex.strip_prefix('#')?;
    let channel = |s: &str| u8::from_str_radix(s, 16).ok();
    match digits.len() {
        3 | 4 => {
            let c = |i: usize| channel(&digits[i..=i]).map(|v| v * 17);
            Some([c(0)?, c(1)?, c(2)?])
        }
        6 | 8 => Some([channel(&digits[0..2])?, channel(&digits[2..4])?, channel(&digits[4..6])?]),
        _ => None,
    }
}

/// Whether a hex colour can tint a box: pale enough for body text on it,
/// and not white, which would not show on the page.
fn is_tint(colour: &str) -> bool {
    let Some([r, g, b]) = rgb(colour) else { return false };
    let lightness = (0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b)) / 255.0;
    lightness >= 0.7 && [r, g, b] != [255, 255, 255]
}

/// The families of `typography` and its `fonts` list (see `from_quarto`).
fn fonts(typography: &Value, parsed: &mut Parsed) -> Result<(), String> {
    let base = family(get(typography, "base"), "typography.base")?;
    let headings = family(get(typography, "headings"), "typography.headings")?;
    if let Some(base) = &base {
        parsed.brand.serif = base.clone();
    }
    if let Some(headings) = headings.or(base) {
        parsed.brand.sans = headings;
    }
    let Some(list) = get(typography, "fonts") else { return Ok(()) };
    let Value::Sequence(list) = list else {
        return Err(format!("`typography.fonts` is {}, not a list of {{family, source}}", kind(list)));
    };
    for (i, entry) in list.iter().enumerate() {
        let at = format!("typography.fonts[{i}]");
        let family =
            get(entry, "family").and_then(text_of).ok_or_else(|| format!("`{at}` has no `family`"))?;
        let files = match get(entry, "files") {
            None => Vec::new(),
            Some(one @ Value::String(_)) => text_of(one).into_iter().collect(),
            Some(Value::Sequence(items)) => items
                .iter()
                .enumerate()
                .map(|(j, item)| {
                    let path = if item.is_mapping() { get(item, "path") } else { Some(item) };
                    path.and_then(text_of).ok_or_else(|| {
                        format!("`{at}.files[{j}]` is {}, not a path or {{path, weight, style}}", kind(item))
                    })
                })
                .collect::<Result<_, _>>()?,
            Some(other) => return Err(format!("`{at}.files` is {}, not a list of paths", kind(other))),
        };
        let source = match get(entry, "source").and_then(Value::as_str).map(str::trim) {
            Some("file") => FontSource::File,
            Some("google") => FontSource::Google,
            Some("bunny") => FontSource::Bunny,
            None if !files.is_empty() => FontSource::File,
            _ => FontSource::System,
        };
        parsed.fonts.push(FontEntry { family, source, files });
    }
    Ok(())
}

/// A typography element's family: a family name or `{family, …}`.
fn family(value: Option<&Value>, at: &str) -> Result<Option<String>, String> {
    match value {
        None => Ok(None),
        Some(name @ Value::String(_)) => Ok(text_of(name)),
        Some(element @ Value::Mapping(_)) => match get(element, "family") {
            None => Ok(None),
            Some(name @ Value::String(_)) => Ok(text_of(name)),
            Some(other) => Err(format!("`{at}.family` is {}, not a family name", kind(other))),
        },
        Some(other) => Err(format!("`{at}` is {}, not a family name or {{family, …}}", kind(other))),
    }
}

/// Where a brand's paths lead: a relative one from the brand's folder; in
/// brand.yml, a `/`-rooted one from the Quarto project root.
struct Places {
    /// The brand file's folder.
    dir: PathBuf,
    /// The project root (brand.yml only).
    root: Option<PathBuf>,
}

impl Places {
    fn resolve(&self, written: &str) -> PathBuf {
        match (&self.root, written.strip_prefix('/')) {
            (Some(root), Some(rest)) => root.join(rest.trim_start_matches('/')),
            _ => self.dir.join(written),
        }
    }
}

/// The Quarto project root for a brand in `dir`, as Quarto reads
/// `/`-rooted paths: the nearest folder at or above `dir` that holds
/// `_quarto.yml` (or `_quarto.yaml`), else `dir` itself. Spelt from `dir` as
/// given (`brand/..` is `.`), so messages show paths the way the user gave
/// them.
fn project_root(dir: &Path) -> PathBuf {
    let start = normalise(dir);
    let mut here = start.clone();
    loop {
        let at = if here.as_os_str().is_empty() { Path::new(".") } else { here.as_path() };
        if ["_quarto.yml", "_quarto.yaml"].iter().any(|f| at.join(f).is_file()) {
            return here;
        }
        match parent_of(&here) {
            Some(parent) => here = parent,
            None => return start,
        }
    }
}

/// A path with `.` dropped and `name/..` taken out, without asking the file
/// system (the working folder is the empty path).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.components().next_back(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The folder above a normalised path: its parent while it names folders,
/// then `..`, `../..` up to the file system's root; none above the root.
fn parent_of(here: &Path) -> Option<PathBuf> {
    match here.components().next_back() {
        Some(Component::Normal(_)) => Some(here.parent().map(Path::to_path_buf).unwrap_or_default()),
        Some(Component::RootDir | Component::Prefix(_)) => None,
        _ => {
            let at = if here.as_os_str().is_empty() { Path::new(".") } else { here };
            let up = here.join("..");
            (at.canonicalize().ok()? != up.canonicalize().ok()?).then_some(up)
        }
    }
}

/// Whether a path is a web address (brand.yml allows online logos and
/// fonts; briefsmith fetches nothing).
fn is_url(written: &str) -> bool {
    let lower = written.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The logo at `written`: the extension it is served with (from its
/// content, not its name) and its bytes; none for an online logo.
fn read_logo(written: &str, places: &Places) -> Result<Option<(&'static str, Vec<u8>)>, String> {
    if is_url(written) {
        return Ok(None);
    }
    let file = places.resolve(written);
    let bytes = fs::read(&file).map_err(|err| match err.kind() {
        std::io::ErrorKind::NotFound => format!("logo `{written}` not found at `{}`", file.display()),
        _ => format!("logo `{written}` cannot be read at `{}` ({err})", file.display()),
    })?;
    match image_kind(&bytes) {
        Some(kind) => Ok(Some((kind, bytes))),
        None => Err(format!(
            "logo `{written}` at `{}` is not an SVG, PNG, JPEG, GIF or WebP image",
            file.display()
        )),
    }
}

/// An image's format from its first bytes, as the extension Typst knows.
fn image_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("jpg")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("gif")
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some("webp")
    } else {
        // An SVG file opens with its root element, after any XML
        // declaration, comments and doctype.
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]);
        head.contains("<svg").then_some("svg")
    }
}

/// Looks for the files of each `source: file` font (one result per entry).
/// A file that is not there is an error; an online file or a web font
/// (WOFF, WOFF2) is set aside, as Typst cannot read it.
fn find_font_files(fonts: &[FontEntry], places: &Places) -> Result<Vec<EntryFiles>, String> {
    let mut all = Vec::new();
    for entry in fonts {
        let mut found = EntryFiles::default();
        for written in entry.files.iter().filter(|_| entry.source == FontSource::File) {
            if is_url(written) {
                found.unusable.push(written.clone());
                continue;
            }
            let file = places.resolve(written);
            if !file.is_file() {
                return Err(format!(
                    "font file `{written}` of `{}` not found at `{}`",
                    entry.family,
                    file.display()
                ));
            }
            let ext = file.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            if ext.is_some_and(|ext| Shared::FONT_EXTENSIONS.contains(&ext.as_str())) {
                found.usable.push(file);
            } else {
                found.unusable.push(written.clone());
            }
        }
        all.push(found);
    }
    Ok(all)
}

/// Replaces each font family the renderer will not have by the built-in
/// family of its place (Noto Serif for body text, Inter for headings), with
/// one note per family saying why and what is used instead. A family that
/// the brand's own files spell otherwise (`Kestrel` for `Kestrel Sans`) is
/// taken as the files spell it.
fn check_fonts(loaded: &mut Loaded, fonts: &[FontEntry], found: &[EntryFiles], quarto: bool) {
    let available: Vec<String> =
        Shared::families(&loaded.font_dirs).iter().map(|f| f.to_lowercase()).collect();
    let defaults = Brand::default();
    let places = [("body text", defaults.serif), ("headings", defaults.sans)];
    let wanted = [loaded.brand.serif.clone(), loaded.brand.sans.clone()];
    let mut chosen = wanted.clone();
    let mut seen = Vec::new();
    for family in &wanted {
        let lower = family.to_lowercase();
        if available.contains(&lower) || seen.contains(&lower) {
            continue;
        }
        seen.push(lower.clone());
        let uses: Vec<usize> = (0..wanted.len()).filter(|&i| wanted[i].to_lowercase() == lower).collect();
        let entry = fonts.iter().position(|e| e.family.to_lowercase() == lower);
        let named = entry.map(|i| Shared::families_in(&found[i].usable)).unwrap_or_default();
        if let [only] = named.as_slice() {
            for &i in &uses {
                chosen[i] = only.clone();
            }
            loaded
                .notes
                .push(format!("brand font `{family}` is named `{only}` in its files; using `{only}`"));
            continue;
        }
        for &i in &uses {
            chosen[i] = places[i].1.clone();
        }
        let using = if uses.iter().all(|&i| places[i].1 == places[uses[0]].1) {
            places[uses[0]].1.clone()
        } else {
            uses.iter()
                .map(|&i| format!("{} for {}", places[i].1, places[i].0))
                .collect::<Vec<_>>()
                .join(" and ")
        };
        let why = why_missing(entry.map(|i| (&fonts[i], &found[i])), &named, quarto);
        loaded.notes.push(format!("brand font `{family}` {why}; using {using}"));
    }
    let [serif, sans] = chosen;
    loaded.brand.serif = serif;
    loaded.brand.sans = sans;
}

/// Why a family is not there, from what the brand says of it.
fn why_missing(entry: Option<(&FontEntry, &EntryFiles)>, named: &[String], quarto: bool) -> String {
    const OFFLINE: &str = "briefsmith works offline and does not fetch it — put its files beside the \
                           brand and use `source: file`";
    let quote = |items: &[String]| items.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
    match entry {
        Some((entry, _)) if entry.source == FontSource::Google => format!("is a Google font; {OFFLINE}"),
        Some((entry, _)) if entry.source == FontSource::Bunny => format!("is a Bunny font; {OFFLINE}"),
        Some((entry, files)) if entry.source == FontSource::File && files.usable.is_empty() => {
            if files.unusable.is_empty() {
                "has no `files`".to_string()
            } else if files.unusable.iter().all(|f| is_url(f)) {
                format!("is online ({}); {OFFLINE}", quote(&files.unusable))
            } else {
                format!(
                    "has no file Typst can read ({}; web fonts, WOFF and WOFF2, are not read) — add its \
                     .ttf or .otf files",
                    quote(&files.unusable)
                )
            }
        }
        Some(_) if !named.is_empty() => format!("is not in its files (they hold {})", quote(named)),
        _ if quarto => "is not available (briefsmith uses its built-in fonts and those a brand lists with \
                        `source: file`)"
            .to_string(),
        _ => "is not available (briefsmith uses its built-in fonts and those in the brand's `fonts.dir`)"
            .to_string(),
    }
}

fn is_hex_colour(s: &str) -> bool {
    let hex = s.strip_prefix('#').unwrap_or("");
    matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG of one white pixel.
    const PNG: &[u8] = &[
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00,
        0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00,
        0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0xF8, 0xFF, 0xFF, 0x3F, 0x00, 0x05, 0xFE,
        0x02, 0xFE, 0x33, 0x12, 0x95, 0x14, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60,
        0x82,
    ];
    const SVG: &str = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>";

    fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        path
    }

    /// The test font: Inter renamed "Kestrel Sans" (see tests/brands/).
    fn kestrel() -> Vec<u8> {
        fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/brands/file-fonts/fonts/KestrelSans-Regular.otf"),
        )
        .unwrap()
    }

    #[test]
    fn the_starter_brand_loads() {
        let dir = tempfile::tempdir().unwrap();
        let loaded = load(&write(dir.path(), "brand.toml", STARTER)).unwrap();
        assert_eq!(loaded.brand.organization.as_deref(), Some("Policy Analysis Unit"));
        assert_eq!(loaded.brand.primary, "#1F3A5F");
        assert!(loaded.notes.is_empty(), "{:?}", loaded.notes);
    }

    #[test]
    fn quarto_brand_maps_palette_names_and_fonts() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "logo.svg", SVG);
        let yml = "meta:\n  name:\n    full: Institute for Sahel Studies\n    short: ISS\nlogo:\n  medium: logo.svg\ncolor:\n  palette:\n    sand: \"#C2A878\"\n  primary: sand\n  secondary: \"#2B4C3F\"\ntypography:\n  base: Noto Serif\n  headings:\n    family: Inter\n";
        let loaded = load(&write(dir.path(), "_brand.yml", yml)).unwrap();
        assert_eq!(loaded.brand.organization.as_deref(), Some("Institute for Sahel Studies"));
        assert_eq!(loaded.brand.primary, "#C2A878");
        assert_eq!(loaded.brand.accent, "#2B4C3F");
        assert_eq!((loaded.brand.serif.as_str(), loaded.brand.sans.as_str()), ("Noto Serif", "Inter"));
        assert_eq!(loaded.brand.logo.as_deref(), Some("brand/logo.svg"));
        assert!(loaded.logo.is_some());
        assert!(loaded.notes.is_empty(), "{:?}", loaded.notes);
    }

    #[test]
    fn an_object_logo_names_an_entry_of_images() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "logos/full.png", PNG);
        write(dir.path(), "logos/mark.svg", SVG);
        let yml = "logo:\n  images:\n    full:\n      path: logos/full.png\n      alt: The full logo\n    mark: logos/mark.svg\n  small: mark\n  large: full\n";
        let loaded = load(&write(dir.path(), "_brand.yml", yml)).unwrap();
        assert_eq!(loaded.brand.logo.as_deref(), Some("brand/logo.png"), "large is preferred to small");
        assert_eq!(loaded.logo.as_deref(), Some(PNG));
    }

    #[test]
    fn a_light_and_dark_logo_gives_the_light_one() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "light.png", PNG);
        let yml = "logo:\n  images:\n    day: light.png\n  medium:\n    light: day\n    dark:\n      path: missing-dark.png\n      alt: Reversed\n";
        let loaded = load(&write(dir.path(), "_brand.yml", yml)).unwrap();
        assert_eq!(loaded.brand.logo.as_deref(), Some("brand/logo.png"));
        // A top-level {light, dark} is read the same way.
        let yml = "logo:\n  light:\n    path: light.png\n  dark: missing-dark.png\n";
        assert!(load(&write(dir.path(), "_brand.yml", yml)).unwrap().logo.is_some());
    }

    #[test]
    fn rooted_paths_start_at_the_quarto_project_root() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "_quarto.yml", "project:\n  type: website\nbrand: brand/_brand.yml\n");
        write(dir.path(), "assets/logo.png", PNG);
        write(dir.path(), "assets/fonts/KestrelSans-Regular.otf", kestrel());
        let yml = "logo: /assets/logo.png\ntypography:\n  fonts:\n    - family: Kestrel Sans\n      source: file\n      files:\n        - path: /assets/fonts/KestrelSans-Regular.otf\n          weight: 400\n  headings: Kestrel Sans\n";
        let brand = write(dir.path(), "brand/_brand.yml", yml);
        let loaded = load(&brand).unwrap();
        assert_eq!(loaded.logo.as_deref(), Some(PNG));
        assert_eq!(loaded.font_dirs, [dir.path().join("assets/fonts/KestrelSans-Regular.otf")]);
        assert_eq!(loaded.brand.sans, "Kestrel Sans");
        assert!(loaded.notes.is_empty(), "{:?}", loaded.notes);
    }

    #[test]
    fn rooted_paths_without_a_project_start_beside_the_brand() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "kit/img/logo.png", PNG);
        let loaded = load(&write(dir.path(), "kit/_brand.yml", "logo: /img/logo.png\n")).unwrap();
        assert_eq!(loaded.logo.as_deref(), Some(PNG));
    }

    #[test]
    fn the_project_root_is_spelt_from_the_folder_given() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "site/_quarto.yml", "project:\n  type: default\n");
        fs::create_dir_all(dir.path().join("site/brand/kit")).unwrap();
        let given = dir.path().join("site/brand/./kit/..");
        assert_eq!(project_root(&given), dir.path().join("site"));
        assert_eq!(normalise(Path::new("a/./b/../c")), Path::new("a/c"));
        assert_eq!(normalise(Path::new("../a/..")), Path::new(".."));
        assert_eq!(parent_of(Path::new("a")), Some(PathBuf::new()));
        assert_eq!(parent_of(Path::new("")), Some(PathBuf::from("..")));
        assert_eq!(parent_of(Path::new("/")), None);
    }

    #[test]
    fn a_missing_logo_names_the_path_tried() {
        let dir = tempfile::tempdir().unwrap();
        let brand = write(dir.path(), "x/_brand.yml", "logo: /img/logo.png\n");
        let err = load(&brand).unwrap_err().to_string();
        let tried = dir.path().join("x/img/logo.png");
        assert_eq!(
            err,
            format!(
                "failed to use brand `{}` (logo `/img/logo.png` not found at `{}`)",
                brand.display(),
                tried.display()
            )
        );
    }

    #[test]
    fn a_logo_of_another_kind_is_refused_by_content() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "logo.png", "not an image");
        let err = load(&write(dir.path(), "_brand.yml", "logo: logo.png\n")).unwrap_err().to_string();
        assert!(err.contains("logo `logo.png` at `") && err.contains("is not an SVG, PNG"), "{err}");
        // A real PNG under another name is served as what it is.
        write(dir.path(), "logo.bin", PNG);
        let loaded = load(&write(dir.path(), "_brand.yml", "logo: logo.bin\n")).unwrap();
        assert_eq!(loaded.brand.logo.as_deref(), Some("brand/logo.png"));
    }

    #[test]
    fn an_online_logo_is_not_fetched() {
        let dir = tempfile::tempdir().unwrap();
        let yml = "logo:\n  large: https://example.org/logo.png\n";
        let loaded = load(&write(dir.path(), "_brand.yml", yml)).unwrap();
        assert!(loaded.logo.is_none() && loaded.brand.logo.is_none());
        assert_eq!(loaded.notes.len(), 1);
        assert!(loaded.notes[0].contains("does not fetch it"), "{:?}", loaded.notes);
    }

    #[test]
    fn a_google_font_is_replaced_with_one_note() {
        let dir = tempfile::tempdir().unwrap();
        let yml = "typography:\n  fonts:\n    - family: Lato\n      source: google\n      weight: [400, 700]\n    - family: Fira Code\n      source: google\n  base: Lato\n  headings:\n    family: Lato\n    weight: bold\n  monospace: Fira Code\n";
        let loaded = load(&write(dir.path(), "_brand.yml", yml)).unwrap();
        assert_eq!((loaded.brand.serif.as_str(), loaded.brand.sans.as_str()), ("Noto Serif", "Inter"));
        assert_eq!(
            loaded.notes,
            ["brand font `Lato` is a Google font; briefsmith works offline and does not fetch it — put its \
              files beside the brand and use `source: file`; using Noto Serif for body text and Inter for \
              headings"]
        );
    }

    #[test]
    fn a_missing_font_is_replaced_with_one_note_in_either_format() {
        let dir = tempfile::tempdir().unwrap();
        let toml = "[fonts]\nsans = \"Helvetica Neue\"\n";
        let loaded = load(&write(dir.path(), "brand.toml", toml)).unwrap();
        assert_eq!(loaded.brand.sans, "Inter");
        assert_eq!(loaded.notes.len(), 1);
        assert!(
            loaded.notes[0].starts_with("brand font `Helvetica Neue` is not available ("),
            "{:?}",
            loaded.notes
        );
        assert!(loaded.notes[0].ends_with("; using Inter"), "{:?}", loaded.notes);
        let yml = "typography:\n  fonts:\n    - family: Frutiger\n      source: system\n  base: Frutiger\n  headings: inter\n";
        let loaded = load(&write(dir.path(), "_brand.yml", yml)).unwrap();
        assert_eq!((loaded.brand.serif.as_str(), loaded.brand.sans.as_str()), ("Noto Serif", "inter"));
        assert_eq!(loaded.notes.len(), 1, "a family in another case is the same family: {:?}", loaded.notes);
        assert!(loaded.notes[0].ends_with("; using Noto Serif"), "{:?}", loaded.notes);
    }

    #[test]
    fn file_fonts_are_loaded_from_beside_the_brand() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "fonts/KestrelSans-Regular.otf", kestrel());
        let yml = "typography:\n  fonts:\n    - family: Kestrel Sans\n      source: file\n      files:\n        - fonts/KestrelSans-Regular.otf\n  base: Kestrel Sans\n";
        let loaded = load(&write(dir.path(), "_brand.yml", yml)).unwrap();
        assert_eq!(loaded.font_dirs, [dir.path().join("fonts/KestrelSans-Regular.otf")]);
        assert_eq!(
            (loaded.brand.serif.as_str(), loaded.brand.sans.as_str()),
            ("Kestrel Sans", "Kestrel Sans")
        );
        assert!(loaded.notes.is_empty(), "{:?}", loaded.notes);
        assert!(Shared::families(&loaded.font_dirs).iter().any(|f| f == "Kestrel Sans"));
    }

    #[test]
    fn a_file_font_spelt_otherwise_takes_the_files_name() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "k.otf", kestrel());
        let yml = "typography:\n  fonts:\n    - family: Kestrel\n      source: file\n      files: k.otf\n  headings: Kestrel\n";
        let loaded = load(&write(dir.path(), "_brand.yml", yml)).unwrap();
        assert_eq!(loaded.brand.sans, "Kestrel Sans");
        assert_eq!(
            loaded.notes,
            ["brand font `Kestrel` is named `Kestrel Sans` in its files; using `Kestrel Sans`"]
        );
    }

    #[test]
    fn web_fonts_and_missing_font_files_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "fonts/lato.woff2", "wOF2");
        let yml = "typography:\n  fonts:\n    - family: Lato\n      source: file\n      files:\n        - path: fonts/lato.woff2\n  headings: Lato\n";
        let loaded = load(&write(dir.path(), "_brand.yml", yml)).unwrap();
        assert_eq!(loaded.brand.sans, "Inter");
        assert!(loaded.font_dirs.is_empty());
        assert_eq!(loaded.notes.len(), 1);
        assert!(
            loaded.notes[0].contains("has no file Typst can read (`fonts/lato.woff2`"),
            "{:?}",
            loaded.notes
        );
        let yml = "typography:\n  fonts:\n    - family: Lato\n      source: file\n      files: [/fonts/Lato-Regular.ttf]\n";
        let brand = write(dir.path(), "_brand.yml", yml);
        let err = load(&brand).unwrap_err().to_string();
        let tried = dir.path().join("fonts/Lato-Regular.ttf");
        assert!(
            err.ends_with(&format!(
                "(font file `/fonts/Lato-Regular.ttf` of `Lato` not found at `{}`)",
                tried.display()
            )),
            "{err}"
        );
    }

    #[test]
    fn colours_follow_palette_names_theme_names_and_light_variants() {
        let dir = tempfile::tempdir().unwrap();
        let yml = "color:\n  palette:\n    midnight: \"#1B365D\"\n    brand-blue: midnight\n    ink: black\n    mist: \"#E8EDF3\"\n  primary: brand-blue\n  secondary:\n    light: red\n    dark: \"#FF8888\"\n  foreground: dark\n  dark: ink\n  background: white\n  light: white\n  tertiary: mist\n";
        let brand = load(&write(dir.path(), "_brand.yml", yml)).unwrap().brand;
        assert_eq!(brand.primary, "#1B365D", "a palette name naming another");
        assert_eq!(brand.accent, "#FF0000", "the light variant, a CSS name");
        assert_eq!(brand.text, "#000000", "a theme colour naming a palette entry naming a CSS name");
        assert_eq!(brand.light, "#E8EDF3", "white does not tint a box; the tertiary colour does");
        let dark_tint = "color:\n  tertiary: \"#2B4C3F\"\n  background: white\n";
        let brand = load(&write(dir.path(), "_brand.yml", dark_tint)).unwrap().brand;
        assert_eq!(brand.light, Brand::default().light, "a dark colour does not tint a box");
    }

    #[test]
    fn a_colour_that_is_none_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "_brand.yml", "color:\n  palette:\n    a: b\n    b: a\n  primary: a\n");
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains("(color.primary) is not a hex colour"), "names that circle end: {err}");
        let path = write(dir.path(), "_brand.yml", "color:\n  primary: rgb(1, 2, 3)\n");
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains("`rgb(1, 2, 3)` (color.primary) is not a hex colour"), "{err}");
    }

    #[test]
    fn unknown_keys_are_ignored_and_wrong_shapes_named() {
        let dir = tempfile::tempdir().unwrap();
        let yml = "meta:\n  name: Plain\n  link:\n    home: https://example.org\ncolor:\n  link: primary\n  primary: \"#123456\"\ntypography:\n  link:\n    decoration: underline\n  monospace-inline:\n    family: Fira Code\ndefaults:\n  bootstrap:\n    defaults:\n      navbar-bg: $brand-blue\nextra: 1\n";
        let loaded = load(&write(dir.path(), "_brand.yml", yml)).unwrap();
        assert_eq!(loaded.brand.organization.as_deref(), Some("Plain"));
        assert_eq!(loaded.brand.primary, "#123456");
        let short = "meta:\n  name:\n    short: ACME\n";
        let loaded = load(&write(dir.path(), "_brand.yml", short)).unwrap();
        assert_eq!(loaded.brand.organization.as_deref(), Some("ACME"));
        let err = load(&write(dir.path(), "_brand.yml", "logo:\n  large: 12\n")).unwrap_err().to_string();
        assert!(err.contains("`logo.large` is a number"), "{err}");
        let err = load(&write(dir.path(), "_brand.yml", "- a\n- b\n")).unwrap_err().to_string();
        assert!(err.contains("the file holds a list"), "{err}");
        assert!(load(&write(dir.path(), "_brand.yml", "")).is_ok(), "an empty brand is the default");
    }

    #[test]
    fn malformed_toml_names_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "brand.toml", "[colors]\nprimary = #123\n");
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains("brand.toml:2:"), "{err}");
    }

    #[test]
    fn bad_colour_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "brand.toml", "[colors]\nprimary = \"blue\"\n");
        assert!(load(&path).unwrap_err().to_string().contains("`blue` is not a hex colour"));
    }
}
