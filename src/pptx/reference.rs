//! A brand's reference deck, as Quarto's `reference-doc`: its theme, slide
//! master and layouts are used instead of ours (its own slides are left
//! out), the marking rows and DRAFT mark are added to its master, and our
//! slides take its "Title Slide", "Title and Content" and "Title Only"
//! layouts (found by type).

use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::plan::Deck;
use super::xml::{SLIDE_CX, SLIDE_CY, Scale, Shapes};
use super::{CT_LAYOUT, CT_MASTER, CT_THEME, Package};

/// Largest reference deck read, and largest part unpacked from it.
const MAX_BYTES: u64 = 64 * 1024 * 1024;
/// Most entries in a reference deck.
const MAX_ENTRIES: usize = 20_000;

/// Why a reference deck cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("reference deck `{}`: {why}", path.display())]
pub struct ReferenceError {
    /// The deck.
    pub path: PathBuf,
    /// Why.
    pub why: String,
}

/// A reference deck, read.
pub struct Reference {
    /// Its parts that we keep: theme(s), master, layouts, their media.
    parts: Vec<(String, Vec<u8>, Option<&'static str>)>,
    /// The master's path in the package.
    master: String,
    /// The layouts to use for the title slide, content slides and title-only slides.
    layouts: [String; 3],
    /// The theme, relative to `ppt/`.
    pub theme: String,
    /// Its slide size in EMU.
    pub size: (i64, i64),
}

impl Reference {
    /// Reads the deck at `path`.
    pub fn open(path: &Path) -> Result<Reference, ReferenceError> {
        let fail = |why: String| ReferenceError { path: path.to_path_buf(), why };
        let meta = std::fs::metadata(path).map_err(|e| fail(e.to_string()))?;
        if meta.len() > MAX_BYTES {
            return Err(fail(format!("it is {} MB; the limit is 64 MB", meta.len() / 1_000_000)));
        }
        let bytes = std::fs::read(path).map_err(|e| fail(e.to_string()))?;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|_| fail("it is not a PowerPoint file (not a zip package)".into()))?;
        if zip.len() > MAX_ENTRIES {
            return Err(fail(format!("it has {} parts; the limit is {MAX_ENTRIES}", zip.len())));
        }
        let mut read = |name: &str| -> Result<Vec<u8>, ReferenceError> {
            let entry = zip.by_name(name).map_err(|_| fail(format!("it has no `{name}`")))?;
            let mut out = Vec::new();
            entry.take(MAX_BYTES + 1).read_to_end(&mut out).map_err(|e| fail(e.to_string()))?;
            if out.len() as u64 > MAX_BYTES {
                return Err(fail(format!("`{name}` unpacks to more than 64 MB")));
            }
            Ok(out)
        };
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        // Parts read to find the master and layouts, kept for copying.
        let mut read_already: std::collections::BTreeMap<String, Vec<u8>> = Default::default();
        let types = text(&read("[Content_Types].xml")?);
        if types.contains("<!DOCTYPE") {
            return Err(fail("it declares a DOCTYPE, which briefsmith does not read".into()));
        }
        let presentation = text(&read("ppt/presentation.xml")?);
        let pres_rels = text(&read("ppt/_rels/presentation.xml.rels")?);
        let size = attr_after(&presentation, "<p:sldSz", "cx")
            .zip(attr_after(&presentation, "<p:sldSz", "cy"))
            .and_then(|(x, y)| Some((x.parse::<i64>().ok()?, y.parse::<i64>().ok()?)))
            .unwrap_or((SLIDE_CX, SLIDE_CY));
        // The slides are 16:9; another shape would squash them.
        if (size.0 * 9 - size.1 * 16).abs() > size.0 / 50 {
            return Err(fail(format!(
                "its slides are {:.2} × {:.2} cm, not 16:9 like briefsmith's",
                size.0 as f64 / 360_000.0,
                size.1 as f64 / 360_000.0
            )));
        }
        let master_id = attr_after(&presentation, "<p:sldMasterId ", "r:id")
            .ok_or_else(|| fail("it has no slide master".into()))?;
        let master = format!(
            "ppt/{}",
            target(&pres_rels, &master_id).ok_or_else(|| fail("its master is missing".into()))?
        );
        let master_rels_path = rels_path(&master);
        let master_rels_bytes = read(&master_rels_path)?;
        let master_rels = text(&master_rels_bytes);
        read_already.insert(master_rels_path.clone(), master_rels_bytes);
        let mut keep: Vec<String> = vec![master.clone(), master_rels_path];
        let mut found: Vec<(String, String)> = Vec::new(); // (path, layout type)
        let mut theme = String::from("theme/theme1.xml");
        for (kind, tgt) in relationships(&master_rels) {
            let full = resolve(&master, &tgt);
            if kind.ends_with("/slideLayout") {
                let xml = read(&full)?;
                let ty = attr_after(&text(&xml), "<p:sldLayout", "type").unwrap_or_default();
                found.push((full.clone(), ty));
                read_already.insert(full.clone(), xml);
                keep.push(full.clone());
                let rp = rels_path(&full);
                if let Ok(r) = read(&rp) {
                    for (k, t) in relationships(&text(&r)) {
                        if !k.ends_with("/slideMaster") && !t.starts_with("http") {
                            keep.push(resolve(&full, &t));
                        }
                    }
                    read_already.insert(rp.clone(), r);
                    keep.push(rp);
                }
            } else if !tgt.starts_with("http") {
                if kind.ends_with("/theme") {
                    theme = full.trim_start_matches("ppt/").to_string();
                }
                keep.push(full);
            }
        }
        if found.is_empty() {
            return Err(fail("its master has no layouts".into()));
        }
        let pick =
            |types: &[&str]| found.iter().find(|(_, t)| types.contains(&t.as_str())).map(|(p, _)| p.clone());
        let first = found[0].0.clone();
        let content = pick(&["obj", "tx"]).unwrap_or_else(|| first.clone());
        let layouts = [
            pick(&["title"]).unwrap_or_else(|| first.clone()),
            content.clone(),
            pick(&["titleOnly"]).unwrap_or(content),
        ]
        .map(|p| format!("../{}", p.trim_start_matches("ppt/")));
        let mut parts = Vec::new();
        keep.sort();
        keep.dedup();
        for name in keep {
            let bytes = match read_already.remove(&name) {
                Some(bytes) => bytes,
                None => read(&name)?,
            };
            let ct = if name == master {
                Some(CT_MASTER)
            } else if name.contains("/slideLayouts/") && name.ends_with(".xml") {
                Some(CT_LAYOUT)
            } else if name.contains("/theme/") && name.ends_with(".xml") {
                Some(CT_THEME)
            } else {
                None
            };
            if name.ends_with(".xml") && String::from_utf8_lossy(&bytes).contains("<!DOCTYPE") {
                return Err(fail(format!("`{name}` declares a DOCTYPE, which briefsmith does not read")));
            }
            parts.push((name, bytes, ct));
        }
        Ok(Reference { parts, master, layouts, theme, size })
    }

    /// Adds the deck's master, layouts, theme and media to `pkg`, the master
    /// with our marking shapes; returns the layouts for the title slide,
    /// content slides and title-only slides (relative to a slide).
    pub(super) fn add_to(&self, pkg: &mut Package, deck: &Deck) -> Result<[String; 3], ReferenceError> {
        let mut marking = Shapes::starting_at(5000, Scale::new(self.size.0, self.size.1));
        super::master::marking_shapes(&mut marking, deck);
        let marking = marking.into_xml();
        for (name, bytes, ct) in &self.parts {
            if *name == self.master {
                let xml = String::from_utf8_lossy(bytes);
                let xml = match xml.find("</p:spTree>") {
                    Some(i) => format!("{}{marking}{}", &xml[..i], &xml[i..]),
                    None => xml.into_owned(),
                };
                pkg.add(name.clone(), *ct, xml.into_bytes());
            } else {
                pkg.add(name.clone(), *ct, bytes.clone());
            }
        }
        // Media the parts use get their content type from the extension defaults.
        Ok(self.layouts.clone())
    }
}

/// The value of attribute `name` in the first element starting with `tag`.
fn attr_after(xml: &str, tag: &str, name: &str) -> Option<String> {
    let start = xml.find(tag)?;
    let end = start + xml[start..].find('>')?;
    let element = &xml[start..end];
    let key = format!(" {name}=\"");
    let i = element.find(&key)? + key.len();
    let j = element[i..].find('"')?;
    Some(element[i..i + j].to_string())
}

/// `(type, target)` of every relationship in a `.rels` part.
fn relationships(rels: &str) -> Vec<(String, String)> {
    rels.split("<Relationship ")
        .skip(1)
        .filter_map(|r| {
            let r = format!("<Relationship {r}");
            Some((attr_after(&r, "<Relationship", "Type")?, attr_after(&r, "<Relationship", "Target")?))
        })
        .filter(|(_, t)| !t.contains("://"))
        .collect()
}

/// The target of relationship `id`.
fn target(rels: &str, id: &str) -> Option<String> {
    rels.split("<Relationship ").skip(1).find_map(|r| {
        let r = format!("<Relationship {r}");
        (attr_after(&r, "<Relationship", "Id")? == id).then(|| attr_after(&r, "<Relationship", "Target"))?
    })
}

/// `ppt/slideMasters/slideMaster1.xml` → `ppt/slideMasters/_rels/slideMaster1.xml.rels`.
fn rels_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// A relationship target relative to the part holding it, as a package path.
fn resolve(from: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut dir: Vec<&str> = from.split('/').collect();
    dir.pop();
    for seg in target.split('/') {
        match seg {
            ".." => {
                dir.pop();
            }
            "." | "" => {}
            s => dir.push(s),
        }
    }
    dir.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_their_part() {
        assert_eq!(
            resolve("ppt/slideMasters/slideMaster1.xml", "../slideLayouts/slideLayout2.xml"),
            "ppt/slideLayouts/slideLayout2.xml"
        );
        assert_eq!(
            resolve("ppt/slideLayouts/slideLayout1.xml", "../media/image1.png"),
            "ppt/media/image1.png"
        );
        assert_eq!(
            rels_path("ppt/slideMasters/slideMaster1.xml"),
            "ppt/slideMasters/_rels/slideMaster1.xml.rels"
        );
    }
}
