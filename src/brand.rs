//! Brands: the organisation, logo, colours, fonts, footer and default
//! marking shared by all products.
//!
//! A brand comes from `--brand FILE`, else a `brand.toml` or `_brand.yml`
//! beside the brief, else the built-in default. Two formats are read:
//! briefsmith's own `brand.toml` (see [`STARTER`]) and the subset of
//! Quarto's `_brand.yml` that applies (`meta.name`, `logo`, `color.palette`
//! and the semantic colours, `typography.base` and `headings`).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::line_column;

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

/// A brand with what it brings besides settings: the logo file, font
/// folders and document defaults.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// What templates read.
    pub brand: Brand,
    /// The logo's bytes, served to templates at `brand.logo`.
    pub logo: Option<Vec<u8>>,
    /// Folders of extra fonts.
    pub font_dirs: Vec<PathBuf>,
    /// Marking when the brief and the command line give none.
    pub marking: Option<String>,
    /// Distribution statement when the brief gives none.
    pub distribution: Option<String>,
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
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
    /// A value is not usable (a colour that is not one, a logo of another kind).
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
"##;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct TomlBrand {
    organization: TomlOrganization,
    colors: BTreeMap<String, String>,
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

/// Loads a brand file (`.toml` or Quarto's `_brand.yml`).
pub fn load(path: &Path) -> Result<Loaded, BrandError> {
    let text = fs::read_to_string(path).map_err(|source| BrandError::Io { path: path.into(), source })?;
    let base = path.parent().unwrap_or(Path::new("."));
    let is_yaml = path.extension().is_some_and(|e| e == "yml" || e == "yaml");
    let mut loaded = if is_yaml { from_quarto(&text, path)? } else { from_toml(&text, path)? };
    loaded.path = Some(path.to_path_buf());
    if let Some(logo) = loaded.brand.logo.take() {
        let file = base.join(&logo);
        let ext = file.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        let ext = match ext.as_deref() {
            Some(e @ ("svg" | "png" | "jpg" | "jpeg")) => e.to_string(),
            _ => {
                return Err(BrandError::Invalid {
                    path: path.into(),
                    message: format!("the logo `{logo}` is not an SVG, PNG or JPEG file"),
                });
            }
        };
        let bytes = fs::read(&file).map_err(|source| BrandError::Io { path: file.clone(), source })?;
        loaded.logo = Some(bytes);
        loaded.brand.logo = Some(format!("brand/logo.{ext}"));
    }
    loaded.font_dirs = loaded.font_dirs.iter().map(|d| base.join(d)).collect();
    for colour in [
        &loaded.brand.primary,
        &loaded.brand.accent,
        &loaded.brand.text,
        &loaded.brand.muted,
        &loaded.brand.light,
    ] {
        if !is_hex_colour(colour) {
            return Err(BrandError::Invalid {
                path: path.into(),
                message: format!("`{colour}` is not a hex colour such as #1F3A5F"),
            });
        }
    }
    Ok(loaded)
}

fn from_toml(text: &str, path: &Path) -> Result<Loaded, BrandError> {
    let raw: TomlBrand = toml::from_str(text).map_err(|err| {
        let at = err.span().map_or(0, |s| s.start).min(text.len());
        let (line, column) = line_column(text, at);
        BrandError::Malformed { path: path.into(), line, column, message: err.message().to_string() }
    })?;
    let mut brand =
        Brand { organization: raw.organization.name, logo: raw.organization.logo, ..Brand::default() };
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
    Ok(Loaded {
        brand,
        font_dirs: raw.fonts.dir.into_iter().map(PathBuf::from).collect(),
        marking: raw.document.marking,
        distribution: raw.document.distribution,
        ..Loaded::default()
    })
}

/// Reads the part of Quarto's `_brand.yml` that applies.
fn from_quarto(text: &str, path: &Path) -> Result<Loaded, BrandError> {
    use serde_yaml_ng::Value;
    let root: Value = serde_yaml_ng::from_str(text).map_err(|err| {
        let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
        let message = err.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message).to_string();
        BrandError::Malformed { path: path.into(), line, column, message }
    })?;
    let get = |v: &Value, key: &str| v.get(key).cloned();
    let string = |v: Option<Value>| v.and_then(|v| v.as_str().map(str::to_string));
    let mut brand = Brand::default();
    // meta.name is a string or { full, short }.
    if let Some(meta) = get(&root, "meta") {
        brand.organization = string(get(&meta, "name")).or_else(|| {
            get(&meta, "name").and_then(|n| string(get(&n, "full")).or_else(|| string(get(&n, "short"))))
        });
    }
    // logo is a path, or { small, medium, large }, each a path or { path, light, dark }.
    if let Some(logo) = get(&root, "logo") {
        let pick = |v: Value| {
            string(Some(v.clone())).or_else(|| string(get(&v, "path"))).or_else(|| string(get(&v, "light")))
        };
        brand.logo = pick(logo.clone())
            .or_else(|| ["medium", "large", "small"].iter().find_map(|size| get(&logo, size).and_then(pick)));
    }
    if let Some(color) = get(&root, "color") {
        let palette = get(&color, "palette");
        // A semantic colour may name a palette entry.
        let resolve = |name: &str| -> Option<String> {
            let value = string(get(&color, name))?;
            if value.starts_with('#') {
                return Some(value);
            }
            palette.as_ref().and_then(|p| string(get(p, &value))).or(Some(value))
        };
        if let Some(c) = resolve("primary") {
            brand.primary = c;
        }
        if let Some(c) = resolve("secondary") {
            brand.accent = c;
        }
        if let Some(c) = resolve("foreground") {
            brand.text = c;
        }
        if let Some(c) = resolve("background") {
            brand.light = c;
        }
    }
    if let Some(typo) = get(&root, "typography") {
        let family = |key: &str| {
            string(get(&typo, key)).or_else(|| get(&typo, key).and_then(|v| string(get(&v, "family"))))
        };
        if let Some(base) = family("base") {
            brand.serif = base;
        }
        if let Some(headings) = family("headings") {
            brand.sans = headings;
        }
    }
    Ok(Loaded { brand, ..Loaded::default() })
}

fn is_hex_colour(s: &str) -> bool {
    let hex = s.strip_prefix('#').unwrap_or("");
    matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn the_starter_brand_loads() {
        let dir = tempfile::tempdir().unwrap();
        let loaded = load(&write(dir.path(), "brand.toml", STARTER)).unwrap();
        assert_eq!(loaded.brand.organization.as_deref(), Some("Policy Analysis Unit"));
        assert_eq!(loaded.brand.primary, "#1F3A5F");
    }

    #[test]
    fn quarto_brand_maps_palette_names_and_fonts() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("logo.svg"),
            "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>",
        )
        .unwrap();
        let yml = "meta:\n  name:\n    full: Institute for Sahel Studies\n    short: ISS\nlogo:\n  medium: logo.svg\ncolor:\n  palette:\n    sand: \"#C2A878\"\n  primary: sand\n  secondary: \"#2B4C3F\"\ntypography:\n  base: Noto Serif\n  headings:\n    family: Inter\n";
        let loaded = load(&write(dir.path(), "_brand.yml", yml)).unwrap();
        assert_eq!(loaded.brand.organization.as_deref(), Some("Institute for Sahel Studies"));
        assert_eq!(loaded.brand.primary, "#C2A878");
        assert_eq!(loaded.brand.accent, "#2B4C3F");
        assert_eq!(loaded.brand.logo.as_deref(), Some("brand/logo.svg"));
        assert!(loaded.logo.is_some());
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
