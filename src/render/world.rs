//! The Typst `World` that compiles one product: our templates, our fonts and
//! the model as data, and nothing else.
//!
//! Files a template can read: the templates themselves (built in, or from a
//! `--templates` folder, file by file), and two data files served from
//! memory, `brief.json` (the model) and `settings.json` (date, marking,
//! brand, fit). Packages, system fonts and paths outside the template root
//! are refused.
//!
//! Fonts: a brand's (its font folders and single font files) first, then
//! the built-in ones. [`Shared::families`] lists the families a renderer
//! would have without building one, so a brand can check its fonts when it
//! is loaded.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, PoisonError};

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_kit::diagnostics::DiagnosticWorld;
use typst_kit::files::{FileLoader, FileStore};
use typst_kit::fonts::FontStore;

use crate::assets;

/// Name of the model file templates read.
pub const BRIEF_FILE: &str = "brief.json";
/// Name of the settings file templates read.
pub const SETTINGS_FILE: &str = "settings.json";

/// Where templates come from.
#[derive(Debug, Clone, Default)]
pub enum Templates {
    /// The templates compiled into briefsmith.
    #[default]
    Builtin,
    /// A folder whose files override the built-in ones of the same name.
    Dir {
        /// The folder, canonicalised.
        root: PathBuf,
        /// The folder as the user named it, for messages.
        shown: PathBuf,
    },
}

impl Templates {
    /// Templates from `dir`, which must exist.
    pub fn dir(dir: &Path) -> std::io::Result<Self> {
        Ok(Templates::Dir { root: dir.canonicalize()?, shown: dir.to_path_buf() })
    }

    /// Loads the template file at a root-relative path.
    pub fn load(&self, path: &str) -> FileResult<Bytes> {
        if let Templates::Dir { root, .. } = self {
            let vpath = VirtualPath::new(path).map_err(|_| FileError::AccessDenied)?;
            let real = vpath.realize(root).map_err(|_| FileError::AccessDenied)?;
            if real.exists() {
                // Symbolic links may point anywhere; only what resolves inside
                // the root may be read.
                let canonical = real.canonicalize().map_err(|e| FileError::from_io(e, &real))?;
                if !canonical.starts_with(root) {
                    return Err(FileError::AccessDenied);
                }
                if canonical.is_dir() {
                    return Err(FileError::IsDirectory);
                }
                return fs::read(&canonical).map(Bytes::new).map_err(|e| FileError::from_io(e, &real));
            }
        }
        assets::template(path)
            .map(|a| Bytes::new(a.data))
            .ok_or_else(|| FileError::NotFound(PathBuf::from(path)))
    }

    /// How to name a template file to a user.
    pub fn display(&self, path: &str) -> String {
        match self {
            Templates::Dir { root, shown } if root.join(path).exists() => {
                shown.join(path).display().to_string()
            }
            _ => format!("templates/{path}"),
        }
    }
}

/// What every compile shares: the standard library, the fonts and the parsed
/// templates.
pub struct Shared {
    library: LazyHash<Library>,
    fonts: FontStore,
    /// Parsed sources by file, so a template is parsed once, not once per
    /// product and brief; an edited template (in watch mode) is reparsed
    /// incrementally.
    sources: Mutex<HashMap<FileId, Source>>,
}

impl Shared {
    /// File name extensions of the font files Typst reads (not web fonts:
    /// WOFF and WOFF2 are compressed forms it cannot open).
    pub const FONT_EXTENSIONS: [&str; 4] = ["ttf", "otf", "ttc", "otc"];

    /// Builds the library and registers fonts: those in `font_paths` first
    /// (each a folder, searched for font files, or a single font file), then
    /// the built-in ones.
    pub fn new(font_paths: &[PathBuf]) -> Self {
        use typst::LibraryExt as _;
        let mut fonts = FontStore::new();
        for data in font_files(font_paths).iter().filter_map(|file| fs::read(file).ok()) {
            for font in Font::iter(Bytes::new(data)) {
                let info = font.info().clone();
                fonts.push((font, info));
            }
        }
        for asset in assets::FONTS {
            for font in Font::iter(Bytes::new(asset.data)) {
                let info = font.info().clone();
                fonts.push((font, info));
            }
        }
        Shared { library: LazyHash::new(Library::builder().build()), fonts, sources: Mutex::default() }
    }

    /// The font families a renderer built with `font_paths` offers: those of
    /// the fonts found there, then the built-in ones, each once, spelled as
    /// the fonts spell them. Typst matches a family name whatever its case.
    pub fn families(font_paths: &[PathBuf]) -> Vec<String> {
        let mut names = Self::families_in(font_paths);
        names.extend(builtin_families().iter().cloned());
        unique_families(names)
    }

    /// The font families of the fonts in `font_paths` alone (not the
    /// built-in ones), each once.
    pub fn families_in(font_paths: &[PathBuf]) -> Vec<String> {
        let names = font_files(font_paths)
            .iter()
            .filter_map(|file| fs::read(file).ok())
            .flat_map(|data| FontInfo::iter(&data).map(|info| info.family).collect::<Vec<_>>())
            .collect();
        unique_families(names)
    }

    /// The parsed source of `bytes`, the current content of file `id`.
    fn source(&self, id: FileId, bytes: &Bytes) -> FileResult<Source> {
        let text = std::str::from_utf8(bytes.as_slice()).map_err(|_| FileError::InvalidUtf8)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut sources = self.sources.lock().unwrap_or_else(PoisonError::into_inner);
        let source = match sources.get_mut(&id) {
            Some(source) if source.text() == text => source,
            Some(source) => {
                source.replace(text);
                source
            }
            None => sources.entry(id).or_insert_with(|| Source::new(id, text.to_string())),
        };
        Ok(source.clone())
    }
}

impl Default for Shared {
    fn default() -> Self {
        Self::new(&[])
    }
}

/// The font files under `paths`, in order: a path that is a file is taken
/// as it is, a folder is searched (sorted by name) for files with a font
/// extension. What cannot be read is skipped.
fn font_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        let entries = walkdir::WalkDir::new(path).sort_by_file_name().into_iter().filter_map(Result::ok);
        for entry in entries.filter(|e| e.file_type().is_file()) {
            let ext = entry.path().extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            if ext.is_some_and(|ext| Shared::FONT_EXTENSIONS.contains(&ext.as_str())) {
                files.push(entry.into_path());
            }
        }
    }
    files
}

/// The families of the built-in fonts, read once.
fn builtin_families() -> &'static [String] {
    static FAMILIES: OnceLock<Vec<String>> = OnceLock::new();
    FAMILIES.get_or_init(|| {
        unique_families(
            assets::FONTS
                .iter()
                .flat_map(|asset| FontInfo::iter(asset.data).map(|info| info.family))
                .collect(),
        )
    })
}

/// Family names without repeats, compared as Typst compares them (in lower
/// case); the first spelling is kept.
fn unique_families(names: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    names.into_iter().filter(|name| seen.insert(name.to_lowercase())).collect()
}

/// Serves project files: the two data files from memory, the rest from the
/// templates. Packages do not exist here.
struct Loader<'a> {
    templates: &'a Templates,
    brief: Bytes,
    settings: Bytes,
    files: Vec<(String, Bytes)>,
}

impl FileLoader for Loader<'_> {
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Package(PackageError::Other(Some(
                format!("packages are not available in briefsmith templates (cannot load {spec})").into(),
            ))));
        }
        match id.vpath().get_without_slash() {
            BRIEF_FILE => Ok(self.brief.clone()),
            SETTINGS_FILE => Ok(self.settings.clone()),
            path => match self.files.iter().find(|(p, _)| p == path) {
                Some((_, bytes)) => Ok(bytes.clone()),
                None => self.templates.load(path),
            },
        }
    }
}

/// One compile's world.
pub struct BriefWorld<'a> {
    shared: &'a Shared,
    templates: &'a Templates,
    main: FileId,
    files: FileStore<Loader<'a>>,
    today: Datetime,
}

impl<'a> BriefWorld<'a> {
    /// A world whose main file is `main` (e.g. `briefing.typ`).
    pub fn new(
        shared: &'a Shared,
        templates: &'a Templates,
        main: &str,
        brief: Bytes,
        settings: Bytes,
        files: Vec<(String, Bytes)>,
        today: Datetime,
    ) -> Self {
        let vpath =
            VirtualPath::new(main).unwrap_or_else(|_| VirtualPath::new("main.typ").expect("valid path"));
        let main = RootedPath::new(VirtualRoot::Project, vpath).intern();
        let files = FileStore::new(Loader { templates, brief, settings, files });
        BriefWorld { shared, templates, main, files, today }
    }
}

impl World for BriefWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.shared.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.shared.source(id, &self.files.file(id)?)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.file(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

impl DiagnosticWorld for BriefWorld<'_> {
    fn name(&self, id: FileId) -> String {
        match id.vpath().get_without_slash() {
            path @ (BRIEF_FILE | SETTINGS_FILE) => path.to_string(),
            path => self.templates.display(path),
        }
    }
}
