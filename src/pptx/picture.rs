//! Pictures for the deck (the brand's logo): PNG and JPEG as they are,
//! SVG drawn to PNG, each with its size for placing it.

/// A picture for the deck: its bytes, extension and size in pixels. PNG
/// and JPEG as they are; an SVG is drawn to a PNG 400 pixels high (older
/// PowerPoint shows no SVG without one). `None` for anything else.
pub fn picture(bytes: &[u8]) -> Option<(Vec<u8>, &'static str, f64, f64)> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() > 24 {
        let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
        let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
        return (w > 0 && h > 0).then(|| (bytes.to_vec(), "png", f64::from(w), f64::from(h)));
    }
    if bytes.starts_with(&[0xFF, 0xD8]) {
        let (w, h) = jpeg_size(bytes)?;
        return Some((bytes.to_vec(), "jpeg", f64::from(w), f64::from(h)));
    }
    // Text in the SVG is set in the fonts briefsmith ships (Inter first).
    let mut options = resvg::usvg::Options { font_family: "Inter".into(), ..Default::default() };
    for font in crate::assets::FONTS
        .iter()
        .filter(|f| f.path.starts_with("inter/") || f.path.starts_with("noto-serif/"))
    {
        // Shared, not copied: the fonts live in the binary.
        let source = resvg::usvg::fontdb::Source::Binary(std::sync::Arc::new(font.data));
        options.fontdb_mut().load_font_source(source);
    }
    let tree = resvg::usvg::Tree::from_data(bytes, &options).ok()?;
    let size = tree.size();
    let scale = 400.0 / size.height();
    let (w, h) = ((size.width() * scale).ceil() as u32, 400u32);
    if w == 0 || w > 8000 {
        return None;
    }
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h)?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    Some((pixmap.encode_png().ok()?, "png", f64::from(w), f64::from(h)))
}

/// Width and height from a JPEG's frame header.
fn jpeg_size(b: &[u8]) -> Option<(u16, u16)> {
    let mut i = 2;
    while i + 9 < b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
            let h = u16::from_be_bytes([b[i + 5], b[i + 6]]);
            let w = u16::from_be_bytes([b[i + 7], b[i + 8]]);
            return (w > 0 && h > 0).then_some((w, h));
        }
        i += 2 + len;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_report_their_size() {
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="red"/></svg>"#;
        let (png, ext, w, h) = picture(svg).expect("an SVG is drawn");
        assert_eq!((ext, w, h), ("png", 800.0, 400.0));
        let (_, ext, w, h) = picture(&png).expect("a PNG is kept");
        assert_eq!((ext, w, h), ("png", 800.0, 400.0));
        assert!(picture(b"GIF89a").is_none());
    }
}
