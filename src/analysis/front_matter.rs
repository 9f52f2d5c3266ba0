//! YAML front matter of a Markdown brief: title and document control.
//!
//! Read with `serde_yaml_ng`. Unknown keys are ignored (briefs carry their
//! own bookkeeping); malformed YAML is an error that names the line and
//! column in the brief file itself.

use serde::Deserialize;

/// The keys briefsmith reads.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FrontMatter {
    /// Title.
    pub title: Option<String>,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Author or issuing unit.
    pub author: Option<String>,
    /// Organisation (either spelling).
    #[serde(alias = "organisation")]
    pub organization: Option<String>,
    /// Date as written.
    pub date: Option<serde_yaml_ng::Value>,
    /// Handling marking.
    #[serde(alias = "classification", alias = "tlp")]
    pub marking: Option<String>,
    /// Document version.
    pub version: Option<serde_yaml_ng::Value>,
    /// Draft, final, …
    pub status: Option<String>,
    /// Distribution statement.
    pub distribution: Option<String>,
}

/// Malformed front matter, located in the brief file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct FrontMatterError {
    /// 1-based line in the brief.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// Parses front matter that starts at byte `offset` of `source`.
pub fn parse(yaml: &str, source: &str, offset: usize) -> Result<FrontMatter, FrontMatterError> {
    if yaml.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    let (first_line, _) = crate::model::line_column(source, offset);
    serde_yaml_ng::from_str(yaml).map_err(|err| {
        let (line, column) = err.location().map_or((0, 1), |l| (l.line(), l.column()));
        let message = err.to_string();
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        FrontMatterError { line: first_line + line.saturating_sub(1), column, message }
    })
}

/// A YAML scalar as text (`1.2` and `2025-03-01` arrive as numbers or strings).
pub fn scalar(value: &serde_yaml_ng::Value) -> Option<String> {
    match value {
        serde_yaml_ng::Value::String(s) => Some(s.clone()),
        serde_yaml_ng::Value::Number(n) => Some(n.to_string()),
        serde_yaml_ng::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_document_control() {
        let fm = parse("title: T\norganisation: Unit\nversion: 1.2\nstatus: draft\n", "", 0).unwrap();
        assert_eq!(fm.organization.as_deref(), Some("Unit"));
        assert_eq!(fm.version.as_ref().and_then(scalar).as_deref(), Some("1.2"));
    }

    #[test]
    fn errors_are_located_in_the_brief() {
        let source = "---\ntitle: ok\nmarking: [unclosed\n---\nBody";
        let err = parse("title: ok\nmarking: [unclosed\n", source, 4).unwrap_err();
        assert_eq!(err.line, 3, "{err}");
    }
}
