//! The brief model: what the analysis finds and what the templates render.
//!
//! This is the seam between [`crate::analysis`] and [`crate::render`]. It is
//! printed by `briefsmith parse`, written as `model.json` beside the PDFs and
//! read back by `briefsmith render`, so its JSON field names are a contract:
//! fields may be added, never renamed. Every field except `meta.title` may be
//! missing from a hand-written model; missing fields take their defaults.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// A whole brief, as analysed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Brief {
    /// Title block and document control.
    pub meta: Meta,
    /// Bottom line up front: two to four sentences taken from the text.
    pub summary: Vec<String>,
    /// The source span of each summary sentence, in the same order.
    pub summary_sources: Vec<Span>,
    /// Background paragraphs.
    pub context: Vec<String>,
    /// The source span of each context paragraph, in the same order.
    pub context_sources: Vec<Span>,
    /// Threat actors (and named risks), in order of first mention.
    pub threats: Vec<Threat>,
    /// Every named actor the brief discusses, threats included, with a role.
    pub actors: Vec<Actor>,
    /// The author's recommendations, in the order they are made.
    pub recommendations: Vec<Recommendation>,
    /// Closing paragraphs.
    pub conclusion: Vec<String>,
    /// The source span of each conclusion paragraph, in the same order.
    pub conclusion_sources: Vec<Span>,
    /// Counted quantities ("at least eight new training camps").
    pub figures: Vec<Figure>,
    /// Dated (or relatively dated) statements, in text order.
    pub events: Vec<Event>,
}

/// Title block and document control.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// The document title.
    pub title: String,
    /// A subtitle shown under the title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Author or issuing unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Issuing organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// Date of the brief as written by the author (ISO `2025-03-14` preferred).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Handling marking, e.g. `TLP:AMBER` or `OFFICIAL-SENSITIVE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marking: Option<String>,
    /// Document version ("1.2").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Draft, final, …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Distribution statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distribution: Option<String>,
    /// How the title was obtained: `given` (front matter, flag or model) or
    /// `derived` (built from the text by the analysis).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_source: Option<String>,
    /// The brief the model was made from, so that `render` can find its
    /// sentences again for the briefing's source notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceFile>,
}

/// The brief a model was made from: where it was and what it held.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceFile {
    /// The path as given on the command line (relative to the folder the
    /// model was made in, unless it was given absolute).
    pub path: String,
    /// SHA-256 of the brief's text as UTF-8, in lower-case hex: the spans
    /// of the model count bytes of exactly this text.
    pub sha256: String,
}

impl SourceFile {
    /// The record of `text`, read from `path`.
    pub fn of(path: &Path, text: &str) -> Self {
        SourceFile { path: path.to_string_lossy().into_owned(), sha256: sha256_hex(text) }
    }
}

/// SHA-256 of `text` in lower-case hex (what `sha256sum` prints for a UTF-8 file).
pub fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// A half-open byte range `[start, end)` into the input text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The 1-based line and column (in characters) of byte `at` of `text`, as
/// error messages and `--explain` print them.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

impl Span {
    /// Creates a span.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
}

/// What kind of thing a threat is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThreatKind {
    /// A named organisation or group.
    #[default]
    Actor,
    /// A named risk that is not an organisation (a porous border, safe havens).
    Risk,
}

/// The part an actor plays in the brief.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The brief warns about it.
    Threat,
    /// It funds, arms, supports or tolerates a threat.
    Enabler,
    /// A state on whose territory a threat shelters, has its bases or
    /// attacks from.
    Host,
    /// It helps the brief's subject.
    Partner,
    /// The brief is written about or for it (usually a state).
    Subject,
    /// The author's own side: its government, agencies and forces.
    Own,
    /// Harmed by a threat.
    Victim,
    /// Mentioned, with no clear part.
    #[default]
    Other,
}

/// How central a threat is to the brief's argument.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Salience {
    /// Central: the brief is about it.
    #[default]
    Major,
    /// Mentioned in passing.
    Minor,
}

/// A threat actor or named risk with what the brief says about it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Threat {
    /// Full name ("Tehreek-i-Taliban Pakistan").
    pub name: String,
    /// Other names used for it in the brief ("TTP").
    pub aliases: Vec<String>,
    /// Short display name: the acronym when there is one, else the name.
    pub label: String,
    /// Organisation or risk.
    pub kind: ThreatKind,
    /// One sentence that sums it up.
    pub summary: String,
    /// The other sentences about it, in text order.
    pub points: Vec<String>,
    /// How often the brief names it (any alias).
    pub mentions: usize,
    /// Central to the brief or mentioned in passing.
    pub salience: Salience,
    /// Its part: a threat, or an enabler of one (a state sponsoring a group).
    #[serde(default = "threat_role")]
    pub role: Role,
    /// How sure the analysis is that this is a threat, from 0 to 1 (a
    /// hand-written model that leaves it out is taken as sure).
    #[serde(default = "sure")]
    pub confidence: f64,
    /// Why it was taken for a threat, in a few words.
    pub reason: String,
    /// Spans of the summary and point sentences.
    pub sources: Vec<Span>,
}

fn threat_role() -> Role {
    Role::Threat
}

fn sure() -> f64 {
    1.0
}

fn yes() -> bool {
    true
}

/// A named actor and its role.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Actor {
    /// Full name.
    pub name: String,
    /// Other names used for it.
    pub aliases: Vec<String>,
    /// Its part in the brief.
    pub role: Role,
    /// How often the brief names it.
    pub mentions: usize,
    /// For a host: the threats it shelters, by label.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shelters: Vec<String>,
}

/// One recommendation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Recommendation {
    /// A short imperative title ("Enhance border security").
    pub title: String,
    /// What the author says about it.
    pub detail: String,
    /// Who is to act, when the text names them ("Congress", "network defenders").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addressee: Option<String>,
    /// True when the author urges it; false for an option the author only
    /// lays out ("Congress may consider …").
    #[serde(default = "yes")]
    pub explicit: bool,
    /// How sure the analysis is that this is a recommendation, from 0 to 1
    /// (a hand-written model that leaves it out is taken as sure).
    #[serde(default = "sure")]
    pub confidence: f64,
    /// Why it was taken for one, in a few words.
    pub reason: String,
    /// Spans of the sentences it came from.
    pub sources: Vec<Span>,
}

/// A counted quantity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Figure {
    /// The number.
    pub value: f64,
    /// What it counts ("new Al-Qaida training camps").
    pub label: String,
    /// A hedge in front of the number ("at least", "over").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// The phrase as written ("at least eight new Al-Qaida training camps").
    pub text: String,
    /// The threat it is about, by name, when the sentence makes that clear.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threat: Option<String>,
    /// Span of the sentence it came from.
    pub sources: Vec<Span>,
}

/// A dated statement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Event {
    /// Normalised date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` when the
    /// text gives only a relative time ("over the past year").
    pub date: Option<String>,
    /// The date as a reader sees it ("March 2025", "Over the past year").
    pub display_date: String,
    /// True when the time is relative to the writing, not a calendar date.
    pub relative: bool,
    /// The sentence that states it.
    pub text: String,
    /// Span of that sentence.
    pub sources: Vec<Span>,
}

/// Failures reading a model file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The JSON does not parse or does not have the model's shape.
    #[error("failed to read model `{path}` ({path}:{line}:{column}: {message})")]
    Malformed {
        /// The model file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde said.
        message: String,
    },
}

impl Brief {
    /// Reads a model from JSON text; `path` names the file in errors.
    pub fn from_json(text: &str, path: &Path) -> Result<Self, ModelError> {
        serde_json::from_str(text).map_err(|err| ModelError::Malformed {
            path: path.display().to_string(),
            line: err.line(),
            column: err.column(),
            message: strip_position(&err.to_string()),
        })
    }

    /// Reads a model from TOML text; `path` names the file in errors.
    pub fn from_toml(text: &str, path: &Path) -> Result<Self, ModelError> {
        toml::from_str(text).map_err(|err| {
            let at = err.span().map_or(0, |s| s.start).min(text.len());
            let (line, column) = line_column(text, at);
            ModelError::Malformed {
                path: path.display().to_string(),
                line,
                column,
                message: err.message().to_string(),
            }
        })
    }

    /// The model as pretty JSON, the form `parse` prints and `model.json` holds.
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// serde_json appends " at line L column C"; we print the position ourselves.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_model_names_line_and_column() {
        let err = Brief::from_json("{\n  \"meta\": 3\n}", Path::new("m.json")).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("m.json:2:"), "{text}");
        assert!(text.contains("invalid type"), "{text}");
    }

    #[test]
    fn toml_models_read_like_json_ones() {
        let brief =
            Brief::from_toml("[meta]\ntitle = \"T\"\n[[threats]]\nname = \"JNIM\"\n", Path::new("m.toml"))
                .unwrap();
        assert_eq!(brief.threats[0].name, "JNIM");
        let err = Brief::from_toml("[meta]\ntitle = 3\n", Path::new("m.toml")).unwrap_err();
        assert!(err.to_string().starts_with("failed to read model `m.toml` (m.toml:2:"), "{err}");
    }

    #[test]
    fn minimal_model_takes_defaults() {
        let brief = Brief::from_json(r#"{"meta":{"title":"T"}}"#, Path::new("m.json")).unwrap();
        assert_eq!(brief.meta.title, "T");
        assert!(brief.threats.is_empty());
    }
}
