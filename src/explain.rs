//! `briefsmith parse --explain`: each item of the model beside the source
//! sentences it came from, so a reader can audit the extraction.

use std::fmt::Write as _;

use crate::model::{Brief, Span};

/// The explanation as text, one block per item.
pub fn explain(brief: &Brief, source: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "TITLE ({}): {}",
        brief.meta.title_source.as_deref().unwrap_or("given"),
        brief.meta.title
    );
    section(&mut out, "BOTTOM LINE");
    for (sentence, span) in brief.summary.iter().zip(&brief.summary_sources) {
        item(&mut out, sentence, &[*span], source);
    }
    section(&mut out, "THREATS");
    for threat in &brief.threats {
        let aliases = if threat.aliases.is_empty() {
            String::new()
        } else {
            format!(" ({})", threat.aliases.join(", "))
        };
        let kind = match threat.kind {
            crate::model::ThreatKind::Actor => "actor",
            crate::model::ThreatKind::Risk => "risk",
        };
        let salience = match threat.salience {
            crate::model::Salience::Major => "major",
            crate::model::Salience::Minor => "minor",
        };
        let _ = writeln!(
            out,
            "  {}{aliases}: {kind}, {salience}, {} mentions, {} points",
            threat.name,
            threat.mentions,
            threat.points.len()
        );
        let _ = writeln!(out, "    confidence {:.2}: {}", threat.confidence, threat.reason);
        let _ = writeln!(out, "    summary: {}", threat.summary);
        for span in &threat.sources {
            source_line(&mut out, *span, source);
        }
    }
    section(&mut out, "ACTORS");
    for actor in &brief.actors {
        let _ = writeln!(out, "  {:?}: {} ({} mentions)", actor.role, actor.name, actor.mentions);
    }
    section(&mut out, "RECOMMENDATIONS");
    for (i, rec) in brief.recommendations.iter().enumerate() {
        let _ = writeln!(out, "  {}. {}", i + 1, rec.title);
        let who = rec.addressee.as_deref().map(|a| format!(", for {a}")).unwrap_or_default();
        let kind = if rec.explicit { "urged" } else { "an option" };
        let _ = writeln!(out, "    confidence {:.2}: {}{who} ({kind})", rec.confidence, rec.reason);
        for span in &rec.sources {
            source_line(&mut out, *span, source);
        }
    }
    section(&mut out, "CONCLUSION");
    for (para, span) in brief.conclusion.iter().zip(&brief.conclusion_sources) {
        item(&mut out, &shorten(para, 80), &[*span], source);
    }
    section(&mut out, "FIGURES");
    for figure in &brief.figures {
        let q = figure.qualifier.as_deref().map(|q| format!("{q} ")).unwrap_or_default();
        item(&mut out, &format!("{q}{} — {}", figure.value, figure.label), &figure.sources, source);
    }
    section(&mut out, "EVENTS");
    for event in &brief.events {
        let date = event.date.clone().unwrap_or_else(|| format!("relative: {}", event.display_date));
        item(&mut out, &date, &event.sources, source);
    }
    out
}

fn section(out: &mut String, name: &str) {
    let _ = writeln!(out, "\n{name}");
}

fn item(out: &mut String, label: &str, spans: &[Span], source: &str) {
    let _ = writeln!(out, "  {label}");
    for span in spans {
        source_line(out, *span, source);
    }
}

/// `    ← 12:1 "sentence"`, or a note when the span does not fit the source
/// (a hand-edited model rendered against another text).
fn source_line(out: &mut String, span: Span, source: &str) {
    let Some(text) = source.get(span.start..span.end) else {
        let _ = writeln!(out, "    ← {}..{} (outside the source)", span.start, span.end);
        return;
    };
    let (line, column) = crate::model::line_column(source, span.start);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let _ = writeln!(out, "    ← {line}:{column} \"{}\"", shorten(&text, 160));
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyse};

    #[test]
    fn items_sit_beside_their_sentences() {
        let text =
            "Officials met.\nThe government should expand border patrols. This would help.\nIt ended well.";
        let brief = analyse(text, &Options::default()).unwrap();
        let out = explain(&brief, text);
        assert!(
            out.contains("1. Expand border patrols\n    confidence 0.85: advice with an agent, for The government (urged)\n    ← 2:1 \"The government should expand border patrols.\""),
            "{out}"
        );
    }
}
