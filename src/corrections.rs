//! Corrections: what a reviewer changed in the analysis of a brief, kept in
//! a small TOML file beside it (`BRIEF.corrections.toml`) and applied on top
//! of every fresh analysis, so the brief's text can still change.
//!
//! Corrections are anchored to names and to source text, never to byte
//! offsets: a threat is found by its name, label or an alias, a
//! recommendation by its title, a quote by its words (whitespace aside). A
//! correction whose anchor is gone is reported, with its line, never dropped
//! silently. The file format is documented in the README; [`Corrections`]
//! is its schema. `review` writes the file; `build`, `watch`, `check`,
//! `parse` and `review` read it.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::analysis::text::collapse;
use crate::model::{Brief, Role, Span, Threat, ThreatKind, line_column};

/// The corrections file of a brief: `NAME.corrections.toml` beside `NAME.txt`.
pub fn path_for(brief: &Path) -> PathBuf {
    let stem = brief.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "brief".into());
    brief.with_file_name(format!("{stem}.corrections.toml"))
}

/// Everything a reviewer changed. Every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Corrections {
    /// The document title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The bottom-line sentences, each quoted from the brief.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bottom_line: Vec<String>,
    /// Document control: marking, version, status, author, distribution.
    #[serde(skip_serializing_if = "DocumentControl::is_empty")]
    pub document: DocumentControl,
    /// Changes to the threats.
    #[serde(skip_serializing_if = "ThreatChanges::is_empty")]
    pub threats: ThreatChanges,
    /// Changes to the recommendations.
    #[serde(skip_serializing_if = "RecommendationChanges::is_empty")]
    pub recommendations: RecommendationChanges,
}

/// Document control set by the reviewer (the command line still wins).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DocumentControl {
    /// Handling marking (`TLP:AMBER`, `OFFICIAL-SENSITIVE`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marking: Option<String>,
    /// Document version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Draft, final, …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Author or issuing unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Distribution statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distribution: Option<String>,
}

impl DocumentControl {
    fn is_empty(&self) -> bool {
        *self == DocumentControl::default()
    }
}

/// Changes to the threats, applied in this order: add, merge, edit, drop,
/// order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThreatChanges {
    /// Threats the analysis missed, by the name the brief uses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub add: Vec<NewThreat>,
    /// Threats that are one: the others become aliases of `into`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub merge: Vec<Merge>,
    /// Threats changed in place.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub edit: Vec<ThreatEdit>,
    /// Threats that are not threats (by name, label or alias).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub drop: Vec<String>,
    /// The threats to put first, in this order; the rest follow as found.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<String>,
}

/// A threat the analysis missed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NewThreat {
    /// Its name as the brief writes it (the anchor: it must occur in the text).
    pub name: String,
    /// Short display name (default: the name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Other names the brief uses for it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Organisation (`actor`, the default) or `risk`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ThreatKind>,
}

/// Threats to merge into one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Merge {
    /// The threat that stays.
    pub into: String,
    /// The threats merged into it.
    pub names: Vec<String>,
}

/// A threat changed in place.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThreatEdit {
    /// Which threat (name, label or alias, as the analysis gives it).
    pub name: String,
    /// New full name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rename: Option<String>,
    /// New short name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Organisation or risk.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ThreatKind>,
    /// Its part in the brief.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// The sentence that sums it up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// Changes to the recommendations, applied in this order: add, edit, drop,
/// order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RecommendationChanges {
    /// Recommendations the analysis missed, each quoted from the brief.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub add: Vec<NewRecommendation>,
    /// Recommendations changed in place.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub edit: Vec<RecommendationEdit>,
    /// Recommendations that are not (by title).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub drop: Vec<String>,
    /// The recommendations to put first, by title, in this order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<String>,
}

/// A recommendation the analysis missed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NewRecommendation {
    /// The words of the brief it comes from (the anchor).
    pub quote: String,
    /// Its title (default: the quote's first clause).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its detail (default: the quote, when a title is given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// A recommendation changed in place.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RecommendationEdit {
    /// Which recommendation (its title as the analysis gives it).
    pub title: String,
    /// New title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rename: Option<String>,
    /// New detail.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl ThreatChanges {
    fn is_empty(&self) -> bool {
        self.add.is_empty()
            && self.merge.is_empty()
            && self.edit.is_empty()
            && self.drop.is_empty()
            && self.order.is_empty()
    }
}

impl RecommendationChanges {
    fn is_empty(&self) -> bool {
        self.add.is_empty() && self.edit.is_empty() && self.drop.is_empty() && self.order.is_empty()
    }
}

/// Failures reading a corrections file.
#[derive(Debug, thiserror::Error)]
pub enum CorrectionsError {
    /// The file cannot be read.
    #[error("failed to read corrections `{path}` ({source})")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file does not parse.
    #[error("failed to read corrections `{path}` ({path}:{line}:{column}: {message})")]
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
}

/// Corrections read from a file, with the file's text for line numbers.
#[derive(Debug, Clone)]
pub struct File {
    /// Where they came from.
    pub path: PathBuf,
    /// What they say.
    pub corrections: Corrections,
    text: String,
}

impl File {
    /// Reads the corrections file of `brief`, if there is one.
    pub fn find(brief: &Path) -> Result<Option<File>, CorrectionsError> {
        let path = path_for(brief);
        if !path.is_file() {
            return Ok(None);
        }
        File::read(&path).map(Some)
    }

    /// Reads a corrections file.
    pub fn read(path: &Path) -> Result<File, CorrectionsError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| CorrectionsError::Io { path: path.into(), source })?;
        let corrections = parse(&text).map_err(|(at, message)| {
            let (line, column) = line_column(&text, at);
            CorrectionsError::Malformed { path: path.into(), line, column, message }
        })?;
        Ok(File { path: path.into(), corrections, text })
    }

    /// The corrections file of `brief` as it will be saved (the review
    /// page's corrections): reports name lines of exactly that text.
    pub fn unsaved(brief: &Path, corrections: Corrections) -> File {
        let name = brief.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let text = to_toml(&corrections, &name);
        File { path: path_for(brief), corrections, text }
    }

    /// The file's text (for an unsaved file, what saving writes).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where `anchor` is named in the file, as `path:line`.
    fn at(&self, anchor: &str) -> String {
        let quoted = toml_string(anchor);
        match self.text.find(&quoted) {
            Some(at) => format!("{}:{}", self.path.display(), line_column(&self.text, at).0),
            None => self.path.display().to_string(),
        }
    }
}

/// Parses the TOML text of a corrections file; on failure, the byte offset
/// and the message.
pub fn parse(text: &str) -> Result<Corrections, (usize, String)> {
    toml::from_str(text).map_err(|err| (err.span().map_or(0, |s| s.start), err.message().to_string()))
}

/// The corrections as a commented TOML file, as `review` saves them.
pub fn to_toml(corrections: &Corrections, brief_name: &str) -> String {
    let body = toml::to_string_pretty(corrections).unwrap_or_default();
    let mut out = String::new();
    if !brief_name.is_empty() {
        out.push_str(&format!(
            "# Corrections to briefsmith's analysis of {brief_name}, applied on top of every\n\
             # fresh analysis (build, watch, check, parse, review). Threats are named by\n\
             # name, label or alias, recommendations by title, quotes by their words.\n\n"
        ));
    }
    out.push_str(&body);
    out
}

/// A TOML basic string, as `toml` writes one.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// What applying corrections left undone: one line per correction whose
/// anchor is gone (`file:line: …`).
pub type Unresolved = Vec<String>;

/// Applies `file` to `brief`, whose spans point into `text` (the brief's
/// text; `markdown` as the analysis read it).
pub fn apply(brief: &mut Brief, file: &File, text: &str, markdown: bool) -> Unresolved {
    let c = &file.corrections;
    let mut gone = Vec::new();
    if let Some(title) = c.title.as_ref().filter(|t| !t.trim().is_empty()) {
        brief.meta.title = title.clone();
        brief.meta.title_source = Some("given".into());
    }
    let d = &c.document;
    let meta = &mut brief.meta;
    for (value, slot) in [
        (&d.marking, &mut meta.marking),
        (&d.version, &mut meta.version),
        (&d.status, &mut meta.status),
        (&d.author, &mut meta.author),
        (&d.distribution, &mut meta.distribution),
    ] {
        if let Some(value) = value {
            // An empty value clears what the brief said.
            *slot = Some(value.trim().to_string()).filter(|v| !v.is_empty());
        }
    }
    // Bottom line: each quote must be found.
    if !c.bottom_line.is_empty() {
        let mut summary = Vec::new();
        let mut spans = Vec::new();
        for quote in &c.bottom_line {
            match find_quote(text, quote) {
                Some(span) => {
                    summary.push(collapse(quote));
                    spans.push(span);
                }
                None => gone.push(format!(
                    "{}: bottom-line sentence not found in the brief: {}",
                    file.at(quote),
                    short(quote)
                )),
            }
        }
        if !summary.is_empty() {
            brief.summary = summary;
            brief.summary_sources = spans;
        }
    }
    // Only a threat to add needs the brief's sentences.
    let sentences =
        if c.threats.add.is_empty() { Vec::new() } else { crate::analysis::sentences(text, markdown) };
    apply_threats(brief, file, &sentences, &mut gone);
    apply_recommendations(brief, file, text, &mut gone);
    gone
}

fn apply_threats(
    brief: &mut Brief,
    file: &File,
    sentences: &[crate::analysis::Sentence],
    gone: &mut Unresolved,
) {
    let t = &file.corrections.threats;
    for new in &t.add {
        if find_threat(&brief.threats, &new.name).is_some() {
            continue;
        }
        let forms: Vec<&str> =
            std::iter::once(new.name.as_str()).chain(new.aliases.iter().map(String::as_str)).collect();
        let about: Vec<&crate::analysis::Sentence> =
            sentences.iter().filter(|s| forms.iter().any(|f| contains_words(&s.text, f))).collect();
        if about.is_empty() {
            gone.push(format!(
                "{}: threat `{}` to add is not named in the brief",
                file.at(&new.name),
                new.name
            ));
            continue;
        }
        let mentions =
            about.iter().map(|s| forms.iter().map(|f| count_words(&s.text, f)).sum::<usize>()).sum();
        brief.threats.push(Threat {
            name: new.name.clone(),
            aliases: new.aliases.clone(),
            label: new.label.clone().unwrap_or_else(|| new.name.clone()),
            kind: new.kind.unwrap_or_default(),
            summary: about[0].text.clone(),
            points: about[1..].iter().take(4).map(|s| s.text.clone()).collect(),
            mentions,
            salience: Default::default(),
            role: Role::Threat,
            confidence: 1.0,
            reason: "added by a reviewer".into(),
            sources: about.iter().take(5).map(|s| s.span).collect(),
        });
    }
    for merge in &t.merge {
        if find_threat(&brief.threats, &merge.into).is_none() {
            gone.push(format!(
                "{}: threat `{}` to merge into is not in the analysis",
                file.at(&merge.into),
                merge.into
            ));
            continue;
        }
        for name in &merge.names {
            let into = find_threat(&brief.threats, &merge.into).unwrap_or_default();
            let Some(from) = find_threat(&brief.threats, name).filter(|&i| i != into) else {
                gone.push(format!("{}: threat `{name}` to merge is not in the analysis", file.at(name)));
                continue;
            };
            let merged = brief.threats.remove(from);
            let target = &mut brief.threats[if from < into { into - 1 } else { into }];
            for alias in std::iter::once(&merged.name).chain(&merged.aliases).chain([&merged.label]) {
                let known = alias.eq_ignore_ascii_case(&target.name)
                    || target.aliases.iter().any(|a| a.eq_ignore_ascii_case(alias));
                if !known {
                    target.aliases.push(alias.clone());
                }
            }
            for point in std::iter::once(merged.summary).chain(merged.points) {
                if !point.is_empty() && point != target.summary && !target.points.contains(&point) {
                    target.points.push(point);
                }
            }
            target.mentions += merged.mentions;
            target.sources.extend(merged.sources);
            target.sources.sort();
            target.sources.dedup();
            let into_name = target.name.clone();
            for figure in &mut brief.figures {
                if figure.threat.as_deref().is_some_and(|t| t.eq_ignore_ascii_case(&merged.name)) {
                    figure.threat = Some(into_name.clone());
                }
            }
        }
    }
    for edit in &t.edit {
        let Some(i) = find_threat(&brief.threats, &edit.name) else {
            gone.push(format!(
                "{}: threat `{}` to edit is not in the analysis",
                file.at(&edit.name),
                edit.name
            ));
            continue;
        };
        let threat = &mut brief.threats[i];
        if let Some(name) = &edit.rename {
            let old = std::mem::replace(&mut threat.name, name.clone());
            if !old.eq_ignore_ascii_case(name) && !threat.aliases.contains(&old) {
                threat.aliases.insert(0, old.clone());
            }
            threat.aliases.retain(|a| !a.eq_ignore_ascii_case(name));
            for figure in &mut brief.figures {
                if figure.threat.as_deref().is_some_and(|t| t.eq_ignore_ascii_case(&old)) {
                    figure.threat = Some(name.clone());
                }
            }
            if edit.label.is_none() && threat.label.eq_ignore_ascii_case(&old) {
                threat.label = name.clone();
            }
        }
        if let Some(label) = &edit.label {
            threat.label = label.clone();
        }
        if let Some(kind) = edit.kind {
            threat.kind = kind;
        }
        if let Some(role) = edit.role {
            threat.role = role;
        }
        if let Some(summary) = &edit.summary {
            threat.summary = summary.clone();
        }
        threat.confidence = 1.0;
        threat.reason = "corrected by a reviewer".into();
    }
    for name in &t.drop {
        match find_threat(&brief.threats, name) {
            Some(i) => {
                let dropped = brief.threats.remove(i);
                for actor in &mut brief.actors {
                    if actor.role == Role::Threat && actor.name.eq_ignore_ascii_case(&dropped.name) {
                        actor.role = Role::Other;
                    }
                }
                for figure in &mut brief.figures {
                    if figure.threat.as_deref().is_some_and(|t| t.eq_ignore_ascii_case(&dropped.name)) {
                        figure.threat = None;
                    }
                }
            }
            None => gone.push(format!("{}: threat `{name}` to drop is not in the analysis", file.at(name))),
        }
    }
    let mut first = Vec::new();
    for name in &t.order {
        match find_threat(&brief.threats, name) {
            Some(i) => first.push(brief.threats.remove(i)),
            None => gone.push(format!("{}: threat `{name}` to order is not in the analysis", file.at(name))),
        }
    }
    if !first.is_empty() {
        first.append(&mut brief.threats);
        brief.threats = first;
    }
}

fn apply_recommendations(brief: &mut Brief, file: &File, text: &str, gone: &mut Unresolved) {
    let r = &file.corrections.recommendations;
    for new in &r.add {
        let Some(span) = find_quote(text, &new.quote) else {
            gone.push(format!(
                "{}: recommendation to add not found in the brief: {}",
                file.at(&new.quote),
                short(&new.quote)
            ));
            continue;
        };
        let quote = collapse(&new.quote);
        let title = new.title.clone().unwrap_or_else(|| title_of(&quote));
        if find_recommendation(&brief.recommendations, &title).is_some() {
            continue;
        }
        let detail = new
            .detail
            .clone()
            .unwrap_or_else(|| if new.title.is_some() { quote.clone() } else { String::new() });
        brief.recommendations.push(crate::model::Recommendation {
            title,
            detail,
            addressee: None,
            explicit: true,
            confidence: 1.0,
            reason: "added by a reviewer".into(),
            sources: vec![span],
        });
    }
    for edit in &r.edit {
        let Some(i) = find_recommendation(&brief.recommendations, &edit.title) else {
            gone.push(format!(
                "{}: recommendation `{}` to edit is not in the analysis",
                file.at(&edit.title),
                edit.title
            ));
            continue;
        };
        let rec = &mut brief.recommendations[i];
        if let Some(title) = &edit.rename {
            rec.title = title.clone();
        }
        if let Some(detail) = &edit.detail {
            rec.detail = detail.clone();
        }
        rec.confidence = 1.0;
        rec.reason = "corrected by a reviewer".into();
    }
    for title in &r.drop {
        match find_recommendation(&brief.recommendations, title) {
            Some(i) => {
                brief.recommendations.remove(i);
            }
            None => gone
                .push(format!("{}: recommendation `{title}` to drop is not in the analysis", file.at(title))),
        }
    }
    let mut first = Vec::new();
    for title in &r.order {
        match find_recommendation(&brief.recommendations, title) {
            Some(i) => first.push(brief.recommendations.remove(i)),
            None => gone.push(format!(
                "{}: recommendation `{title}` to order is not in the analysis",
                file.at(title)
            )),
        }
    }
    if !first.is_empty() {
        first.append(&mut brief.recommendations);
        brief.recommendations = first;
    }
}

/// The threat named `name` (its name, label or an alias, in any case).
pub fn find_threat(threats: &[Threat], name: &str) -> Option<usize> {
    let name = collapse(name);
    threats.iter().position(|t| {
        std::iter::once(&t.name).chain([&t.label]).chain(&t.aliases).any(|n| n.eq_ignore_ascii_case(&name))
    })
}

/// The recommendation titled `title` (in any case, whitespace aside).
pub fn find_recommendation(recs: &[crate::model::Recommendation], title: &str) -> Option<usize> {
    let title = collapse(title);
    recs.iter().position(|r| collapse(&r.title).eq_ignore_ascii_case(&title))
}

/// Where `quote` occurs in `text`, whitespace runs matching any whitespace.
pub fn find_quote(text: &str, quote: &str) -> Option<Span> {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let first = *words.first()?;
    let mut from = 0;
    while let Some(found) = text[from..].find(first) {
        let start = from + found;
        let mut at = start;
        let mut ok = true;
        for (k, word) in words.iter().enumerate() {
            if k > 0 {
                let rest = &text[at..];
                let skipped = rest.len() - rest.trim_start().len();
                if skipped == 0 {
                    ok = false;
                    break;
                }
                at += skipped;
            }
            if text[at..].starts_with(word) {
                at += word.len();
            } else {
                ok = false;
                break;
            }
        }
        if ok {
            return Some(Span::new(start, at));
        }
        from = start + first.len();
    }
    None
}

/// Whether `text` names `name` as whole words, in any case.
fn contains_words(text: &str, name: &str) -> bool {
    count_words(text, name) > 0
}

/// How often `text` names `name` as whole words, in any case.
fn count_words(text: &str, name: &str) -> usize {
    let (text, name) = (text.to_lowercase(), name.to_lowercase());
    if name.is_empty() {
        return 0;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(&name)
        .filter(|(i, _)| {
            !word(text[..*i].chars().next_back()) && !word(text[i + name.len()..].chars().next())
        })
        .count()
}

/// A quote shortened for a message.
fn short(s: &str) -> String {
    let s = collapse(s);
    if s.chars().count() <= 60 {
        format!("\"{s}\"")
    } else {
        format!("\"{}…\"", s.chars().take(59).collect::<String>())
    }
}

/// A title from a quoted recommendation: its first clause, without a
/// leading connective, capitalised, without end punctuation.
fn title_of(quote: &str) -> String {
    let clause = quote.split([';', ':']).next().unwrap_or(quote);
    let clause = clause.trim().trim_end_matches(['.', '!', ',']);
    let words: Vec<&str> = clause.split_whitespace().collect();
    let clause = if words.len() > 14 { words[..14].join(" ") + "…" } else { words.join(" ") };
    crate::analysis::text::capitalise(&clause)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Recommendation;

    const TEXT: &str = "The Harbour Front attacked ports in March.\nThe Harbour Front also  raids ferries. The Coast League smuggles fuel.\n\nThe navy should\nescort tankers. Ports must be hardened.";

    fn brief() -> Brief {
        Brief {
            threats: vec![
                Threat { name: "Harbour Front".into(), label: "HF".into(), mentions: 2, ..Threat::default() },
                Threat { name: "Ports".into(), label: "Ports".into(), ..Threat::default() },
            ],
            recommendations: vec![Recommendation {
                title: "Escort tankers".into(),
                ..Recommendation::default()
            }],
            ..Brief::default()
        }
    }

    fn file(toml: &str) -> File {
        File { path: "b.corrections.toml".into(), corrections: parse(toml).unwrap(), text: toml.into() }
    }

    #[test]
    fn quotes_are_found_whatever_the_whitespace() {
        let span = find_quote(TEXT, "The navy should escort tankers.").unwrap();
        assert_eq!(&TEXT[span.start..span.end], "The navy should\nescort tankers.");
        assert!(find_quote(TEXT, "The navy should escort frigates.").is_none());
    }

    #[test]
    fn corrections_rename_drop_add_and_order() {
        let f = file(
            r#"title = "Ports under pressure"
bottom_line = ["The Coast League smuggles fuel."]

[document]
marking = "TLP:AMBER"
status = "draft"

[threats]
drop = ["Ports"]
order = ["Coast League", "HF"]

[[threats.add]]
name = "Coast League"

[[threats.edit]]
name = "HF"
rename = "Harbour Liberation Front"

[[recommendations.add]]
quote = "Ports must be hardened."
"#,
        );
        let mut b = brief();
        let gone = apply(&mut b, &f, TEXT, false);
        assert!(gone.is_empty(), "{gone:?}");
        assert_eq!(b.meta.title, "Ports under pressure");
        assert_eq!((b.meta.marking.as_deref(), b.meta.status.as_deref()), (Some("TLP:AMBER"), Some("draft")));
        assert_eq!(b.summary, ["The Coast League smuggles fuel."]);
        let names: Vec<&str> = b.threats.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Coast League", "Harbour Liberation Front"]);
        assert!(b.threats[1].aliases.contains(&"Harbour Front".to_string()));
        assert_eq!(b.threats[0].summary, "The Coast League smuggles fuel.");
        assert_eq!(b.recommendations.len(), 2);
        assert_eq!(b.recommendations[1].title, "Ports must be hardened");
        let span = b.recommendations[1].sources[0];
        assert_eq!(&TEXT[span.start..span.end], "Ports must be hardened.");
    }

    #[test]
    fn merged_threats_become_aliases() {
        let f = file("[[threats.merge]]\ninto = \"Ports\"\nnames = [\"HF\"]\n");
        let mut b = brief();
        assert!(apply(&mut b, &f, TEXT, false).is_empty());
        assert_eq!(b.threats.len(), 1);
        assert_eq!(b.threats[0].name, "Ports");
        assert!(b.threats[0].aliases.contains(&"Harbour Front".to_string()));
        assert_eq!(b.threats[0].mentions, 2);
    }

    #[test]
    fn an_anchor_that_is_gone_is_reported_with_its_line() {
        let f = file(
            "[threats]\ndrop = [\"Coast League\"]\n\n[[recommendations.edit]]\ntitle = \"Mine the harbour\"\nrename = \"x\"\n",
        );
        let mut b = brief();
        let gone = apply(&mut b, &f, TEXT, false);
        assert_eq!(
            gone,
            [
                "b.corrections.toml:2: threat `Coast League` to drop is not in the analysis",
                "b.corrections.toml:5: recommendation `Mine the harbour` to edit is not in the analysis",
            ]
        );
        assert_eq!(b.threats.len(), 2, "nothing else changed");
    }

    #[test]
    fn a_malformed_file_names_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.corrections.toml");
        std::fs::write(&path, "[threats]\ndrop = \"HF\"\n").unwrap();
        let err = File::read(&path).unwrap_err().to_string();
        assert!(
            err.starts_with(&format!(
                "failed to read corrections `{}` ({}:2:",
                path.display(),
                path.display()
            )),
            "{err}"
        );
        std::fs::write(&path, "[threats]\nremove = [\"HF\"]\n").unwrap();
        let err = File::read(&path).unwrap_err().to_string();
        assert!(err.contains(":2:1: unknown field `remove`"), "{err}");
    }

    #[test]
    fn saved_corrections_read_back_the_same() {
        let c = Corrections {
            title: Some("T".into()),
            threats: ThreatChanges { drop: vec!["HF".into()], ..Default::default() },
            recommendations: RecommendationChanges {
                add: vec![NewRecommendation {
                    quote: "Ports must be hardened.".into(),
                    ..Default::default()
                }],
                ..Default::default()
            },
            ..Default::default()
        };
        let text = to_toml(&c, "b.txt");
        assert!(text.starts_with("# Corrections to briefsmith's analysis of b.txt"), "{text}");
        assert_eq!(parse(&text).unwrap(), c);
    }
}
