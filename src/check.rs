//! `briefsmith check`: what the analysis could not find in a brief.
//!
//! Works on the model alone, so it applies equally to a brief and to a
//! hand-edited model file. Each warning says what is missing and how an
//! author can supply it.

use crate::model::{Brief, Role};

/// One finding of [`check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// What is missing or doubtful.
    pub message: String,
    /// How to fix it, if there is an obvious way.
    pub hint: Option<String>,
}

fn warn(message: impl Into<String>, hint: Option<&str>) -> Warning {
    Warning { message: message.into(), hint: hint.map(str::to_string) }
}

/// Checks a model for gaps a reader would notice.
pub fn check(brief: &Brief) -> Vec<Warning> {
    let mut out = Vec::new();
    if brief.recommendations.is_empty() {
        out.push(warn(
            "no recommendations found",
            Some(
                "add a `Recommendations` heading with a list, or sentences such as `The government should …`",
            ),
        ));
    }
    if brief.conclusion.is_empty() {
        out.push(warn(
            "no conclusion found",
            Some("end with a concluding paragraph or a `Conclusion` heading"),
        ));
    }
    if brief.threats.is_empty() {
        out.push(warn("no threat actors found", None));
    }
    if brief.summary.len() < 2 {
        out.push(warn(
            format!("the bottom line has {} sentence(s); 2 to 4 are expected", brief.summary.len()),
            Some("open with the main judgment, or add a `Summary` section"),
        ));
    }
    if brief.meta.title_source.as_deref() == Some("derived") {
        out.push(warn(
            format!("no title given; using `{}`", brief.meta.title),
            Some("set `title:` in front matter or pass --title"),
        ));
    }
    for actor in &brief.actors {
        if actor.mentions == 1 && matches!(actor.role, Role::Threat | Role::Enabler) {
            let role = if actor.role == Role::Threat { "threat" } else { "enabler" };
            out.push(warn(format!("{role} `{}` is mentioned only once", actor.name), None));
        }
    }
    for threat in &brief.threats {
        if threat.points.is_empty() {
            out.push(warn(format!("threat `{}` has no points beyond its summary", threat.name), None));
        }
    }
    for rec in &brief.recommendations {
        if rec.detail.trim().is_empty() {
            out.push(warn(format!("recommendation `{}` has no detail", rec.title), None));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Meta};

    #[test]
    fn an_empty_model_lacks_everything() {
        let messages: Vec<String> = check(&Brief::default()).into_iter().map(|w| w.message).collect();
        assert!(messages.contains(&"no recommendations found".to_string()));
        assert!(messages.contains(&"no conclusion found".to_string()));
        assert!(messages.contains(&"no threat actors found".to_string()));
    }

    #[test]
    fn a_threat_named_once_is_flagged() {
        let brief = Brief {
            meta: Meta { title: "T".into(), ..Meta::default() },
            actors: vec![Actor { name: "JNIM".into(), role: Role::Threat, mentions: 1, ..Actor::default() }],
            ..Brief::default()
        };
        assert!(check(&brief).iter().any(|w| w.message == "threat `JNIM` is mentioned only once"));
    }
}
