//! `briefsmith check`: what the analysis could not find in a brief, and what
//! it found but doubts.
//!
//! Works on the model (and, when there is one, the brief's text), so it
//! applies equally to a brief and to a hand-edited model file. Each warning
//! says what is missing or doubtful and how an author can settle it.

use crate::model::{Brief, Role, ThreatKind};

/// Below this confidence a threat or recommendation is reported as doubtful.
pub const DOUBTFUL: f64 = 0.5;

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

/// Checks a model for gaps and doubts a reader would notice. `source` is the
/// brief's text when the model was analysed from one.
pub fn check(brief: &Brief, source: Option<&str>) -> Vec<Warning> {
    let mut out = Vec::new();
    if brief.recommendations.is_empty() {
        let advising = source.map_or(0, advising_sentences);
        let message = if advising > 0 {
            format!(
                "no recommendations found, though {advising} sentence(s) say what should, must or may be done"
            )
        } else {
            "no recommendations found".to_string()
        };
        out.push(warn(
            message,
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
    let subject = subject_of(brief);
    for threat in &brief.threats {
        let names = || std::iter::once(&threat.name).chain(&threat.aliases);
        if let Some(subject) = subject
            && names().any(|n| n.eq_ignore_ascii_case(subject))
        {
            out.push(warn(
                format!("threat `{}` is also the brief's subject", threat.name),
                Some("correct it in model.json if the brief is written about it rather than against it"),
            ));
        }
        if threat.confidence < DOUBTFUL {
            let kind = if threat.kind == ThreatKind::Risk { "risk" } else { "threat" };
            out.push(warn(
                format!(
                    "{kind} `{}` is doubtful (confidence {:.2}: {})",
                    threat.name,
                    threat.confidence,
                    if threat.reason.is_empty() { "no reason recorded" } else { &threat.reason }
                ),
                None,
            ));
        }
        if threat.points.is_empty() {
            out.push(warn(format!("threat `{}` has no points beyond its summary", threat.name), None));
        }
    }
    for rec in &brief.recommendations {
        if rec.confidence < DOUBTFUL {
            out.push(warn(
                format!(
                    "recommendation `{}` is doubtful (confidence {:.2}: {})",
                    rec.title, rec.confidence, rec.reason
                ),
                None,
            ));
        }
        if rec.detail.trim().is_empty() {
            out.push(warn(format!("recommendation `{}` has no detail", rec.title), None));
        }
    }
    // Doubtful items first: they are what a reviewer should look at.
    out.sort_by_key(|w| !w.message.contains("doubtful") && !w.message.contains("subject"));
    out
}

/// The brief's subject: the actor whose role says so, else none.
fn subject_of(brief: &Brief) -> Option<&str> {
    brief.actors.iter().find(|a| a.role == Role::Subject).map(|a| a.name.as_str())
}

/// Sentences of a text that say what should, must or may be done.
fn advising_sentences(text: &str) -> usize {
    text.split(['.', '\n', ';'])
        .filter(|s| {
            let lower = s.to_lowercase();
            [" should ", " must ", " need to ", " needs to ", " ought to ", " may consider", " recommend"]
                .iter()
                .any(|m| lower.contains(m))
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Meta};

    #[test]
    fn an_empty_model_lacks_everything() {
        let messages: Vec<String> = check(&Brief::default(), None).into_iter().map(|w| w.message).collect();
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
        assert!(check(&brief, None).iter().any(|w| w.message == "threat `JNIM` is mentioned only once"));
    }

    #[test]
    fn doubtful_threats_and_unread_advice_are_reported_first() {
        let brief = Brief {
            meta: Meta { title: "T".into(), ..Meta::default() },
            threats: vec![crate::model::Threat {
                name: "Qilin".into(),
                confidence: 0.3,
                reason: "named once near `attacks`".into(),
                ..Default::default()
            }],
            ..Brief::default()
        };
        let warnings = check(&brief, Some("Donors should fund the mission. It works."));
        assert_eq!(
            warnings[0].message,
            "threat `Qilin` is doubtful (confidence 0.30: named once near `attacks`)"
        );
        assert!(
            warnings.iter().any(|w| w.message
                == "no recommendations found, though 1 sentence(s) say what should, must or may be done"),
            "{warnings:?}"
        );
    }
}
