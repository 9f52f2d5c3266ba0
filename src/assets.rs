//! Built-in templates and fonts, compiled into the binary.
//!
//! The single place that embeds files from `templates/` and `fonts/`. A
//! user's `--templates DIR` overrides templates file by file (see
//! [`crate::render::Templates`]); fonts are always these, so output is the
//! same on every machine.

/// A file shipped inside the binary.
#[derive(Debug, Clone, Copy)]
pub struct Asset {
    /// Path relative to its folder (`briefing.typ`, `inter/Inter-Bold.otf`).
    pub path: &'static str,
    /// Contents.
    pub data: &'static [u8],
}

macro_rules! asset {
    ($dir:literal, $path:literal) => {
        Asset { path: $path, data: include_bytes!(concat!("../", $dir, "/", $path)) }
    };
}

/// The Typst templates: one main file per product and a shared module.
pub const TEMPLATES: &[Asset] = &[
    asset!("templates", "common.typ"),
    asset!("templates", "briefing.typ"),
    asset!("templates", "summary.typ"),
    asset!("templates", "slides.typ"),
    asset!("templates", "handout.typ"),
];

/// Font files, in the order they are offered to Typst: text faces first,
/// then the Arabic-script face and the emoji face, found by fallback.
pub const FONTS: &[Asset] = &[
    asset!("fonts", "inter/Inter-Regular.otf"),
    asset!("fonts", "inter/Inter-Italic.otf"),
    asset!("fonts", "inter/Inter-SemiBold.otf"),
    asset!("fonts", "inter/Inter-SemiBoldItalic.otf"),
    asset!("fonts", "inter/Inter-Bold.otf"),
    asset!("fonts", "inter/Inter-BoldItalic.otf"),
    asset!("fonts", "noto-serif/NotoSerif-Regular.ttf"),
    asset!("fonts", "noto-serif/NotoSerif-Italic.ttf"),
    asset!("fonts", "noto-serif/NotoSerif-Bold.ttf"),
    asset!("fonts", "noto-serif/NotoSerif-BoldItalic.ttf"),
    asset!("fonts", "noto-naskh-arabic/NotoNaskhArabic-Regular.ttf"),
    asset!("fonts", "noto-naskh-arabic/NotoNaskhArabic-Bold.ttf"),
    asset!("fonts", "noto-color-emoji/NotoColorEmoji.ttf"),
];

/// The licence beside each font family, copied with the fonts into an
/// ejected Typst project.
pub const FONT_LICENCES: &[Asset] = &[
    asset!("fonts", "inter/OFL.txt"),
    asset!("fonts", "noto-serif/OFL.txt"),
    asset!("fonts", "noto-naskh-arabic/OFL.txt"),
    asset!("fonts", "noto-color-emoji/OFL.txt"),
];

/// The built-in template at `path`, if there is one.
pub fn template(path: &str) -> Option<&'static Asset> {
    TEMPLATES.iter().find(|a| a.path == path)
}
