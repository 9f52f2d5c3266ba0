//! The analysis stage: brief text in, [`Brief`] model out.
//!
//! Steps, each in its own module: segment the text ([`text`]), find the named
//! actors and their roles ([`actors`]), the recommendations
//! ([`recommendations`]), figures ([`figures`]) and dated events ([`events`]).
//! This module then lays out the structure: which paragraphs are context and
//! conclusion, which sentences belong to which threat, and which carry the
//! bottom line. Everything is deterministic and offline, and every item keeps
//! the spans of the sentences it came from.

pub mod actors;
pub mod events;
pub mod figures;
pub mod lexicon;
pub mod recommendations;
pub mod text;

use std::collections::{BTreeSet, HashSet};

use crate::model::{Actor, Brief, Event, Figure, Meta, Recommendation, Role, Span, Threat, ThreatKind};
use actors::{ActorKind, Found};
use text::{Document, words};

/// What the caller knows that the text does not say.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A title that overrides the derived one.
    pub title: Option<String>,
}

/// Analyses a brief.
pub fn analyse(input: &str, options: &Options) -> Brief {
    let doc = Document::parse(input);
    let found = actors::find(&doc);
    let recs = recommendations::find(&doc, &found);
    let threats: Vec<&Found> =
        found.iter().filter(|a| a.role == Role::Threat && a.kind == ActorKind::Org).collect();

    let rec_sentences: HashSet<usize> = recs.iter().flat_map(|r| r.sentences.iter().copied()).collect();
    let conclusion = conclusion_paragraph(&doc, &rec_sentences);
    let attribution = attribute(&doc, &threats);

    let mut brief = Brief { meta: Meta::default(), ..Brief::default() };
    brief.context = Vec::new();
    let context_paras = context_paragraphs(&doc, &attribution, &rec_sentences, conclusion);
    for (span, sentences) in &context_paras {
        brief
            .context
            .push(sentences.iter().map(|&s| doc.sentences[s].text.as_str()).collect::<Vec<_>>().join(" "));
        brief.context_sources.push(*span);
    }
    let in_context: HashSet<usize> = context_paras.iter().flat_map(|(_, s)| s.iter().copied()).collect();

    for (ti, actor) in threats.iter().enumerate() {
        brief.threats.push(build_threat(
            &doc,
            actor,
            ti,
            &attribution,
            &in_context,
            &rec_sentences,
            conclusion,
        ));
    }
    brief.actors = found
        .iter()
        .map(|a| Actor {
            name: a.name.clone(),
            aliases: a.aliases.clone(),
            role: a.role,
            mentions: a.mentions,
        })
        .collect();
    brief.recommendations = recs
        .iter()
        .map(|r| Recommendation {
            title: r.title.clone(),
            detail: r.detail.clone(),
            sources: r.sentences.iter().map(|&s| doc.sentences[s].span).collect(),
        })
        .collect();
    if let Some(p) = conclusion {
        brief.conclusion.push(doc.paragraph_text(p));
        brief.conclusion_sources.push(doc.paragraphs[p].span);
    }
    brief.figures = find_figures(&doc, &brief.threats, &attribution, &threats);
    brief.events = find_events(&doc);
    let summary = bottom_line(&doc, &threats, &rec_sentences, conclusion);
    brief.summary = summary.iter().map(|&s| doc.sentences[s].text.clone()).collect();
    brief.summary_sources = summary.iter().map(|&s| doc.sentences[s].span).collect();
    brief.meta = match &options.title {
        Some(title) => Meta { title: title.clone(), title_source: Some("given".into()), ..Meta::default() },
        None => Meta {
            title: derive_title(&found, &threats, &doc),
            title_source: Some("derived".into()),
            ..Meta::default()
        },
    };
    brief
}

/// Which threats (indices into the threat list) each sentence is about.
fn attribute(doc: &Document, threats: &[&Found]) -> Vec<BTreeSet<usize>> {
    let mut out = vec![BTreeSet::new(); doc.sentences.len()];
    for (ti, t) in threats.iter().enumerate() {
        for &s in &t.sentences {
            out[s].insert(ti);
        }
    }
    // A paragraph that discusses one threat only is about that threat
    // throughout: "Many of those detained …" belongs to it too.
    for para in &doc.paragraphs {
        let named: BTreeSet<usize> = para.sentences.iter().flat_map(|&s| out[s].iter().copied()).collect();
        if named.len() == 1 {
            for &s in &para.sentences {
                out[s] = named.clone();
            }
        }
    }
    for (si, sentence) in doc.sentences.iter().enumerate() {
        // "Beyond TTP and Al-Qaida, ISIS-K remains …" is about ISIS-K only.
        if out[si].len() > 1
            && opens_with_transition(&sentence.text)
            && let Some((intro, _)) = sentence.text.split_once(',')
        {
            let intro_lower = intro.to_lowercase();
            let keep: BTreeSet<usize> = out[si]
                .iter()
                .copied()
                .filter(|&ti| !names_of(threats[ti]).any(|n| intro_lower.contains(&n.to_lowercase())))
                .collect();
            if !keep.is_empty() {
                out[si] = keep;
            }
        }
        // "The group's attacks …" continues the previous sentence's threat.
        if out[si].is_empty()
            && si > 0
            && doc.sentences[si - 1].para == sentence.para
            && refers_back(&sentence.text)
            && out[si - 1].len() == 1
        {
            out[si] = out[si - 1].clone();
        }
    }
    out
}

fn names_of(actor: &Found) -> impl Iterator<Item = &String> {
    std::iter::once(&actor.name).chain(&actor.aliases)
}

fn opens_with_transition(sentence: &str) -> bool {
    let first = sentence.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(
        first.as_str(),
        "beyond"
            | "while"
            | "whilst"
            | "besides"
            | "unlike"
            | "like"
            | "alongside"
            | "apart"
            | "in"
            | "aside"
            | "although"
    )
}

fn refers_back(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    [
        "the group",
        "the organisation",
        "the organization",
        "the movement",
        "the network",
        "the outfit",
        "its ",
        "it ",
        "their ",
        "his capture",
        "the arrest",
        "the cartel",
        "the gang",
        "the militia",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// The closing paragraph: the last one, unless it recommends, in a brief of
/// three paragraphs or more; or a paragraph opened by a concluding phrase.
fn conclusion_paragraph(doc: &Document, rec_sentences: &HashSet<usize>) -> Option<usize> {
    let n = doc.paragraphs.len();
    let cue = (n * 2 / 3..n).rev().find(|&p| {
        let first = &doc.sentences[doc.paragraphs[p].sentences[0]].text.to_lowercase();
        ["in conclusion", "to conclude", "in sum", "in short", "overall,", "ultimately,", "in the end,"]
            .iter()
            .any(|c| first.starts_with(c))
    });
    if cue.is_some() {
        return cue;
    }
    let last = n.checked_sub(1)?;
    let recommends = doc.paragraphs[last].sentences.iter().any(|s| rec_sentences.contains(s));
    (n >= 3 && !recommends).then_some(last)
}

/// Context: the opening paragraph, paragraphs about no threat in particular,
/// and the sentences that lead into the recommendations. Each is a span and
/// its sentence indices.
fn context_paragraphs(
    doc: &Document,
    attribution: &[BTreeSet<usize>],
    rec_sentences: &HashSet<usize>,
    conclusion: Option<usize>,
) -> Vec<(Span, Vec<usize>)> {
    let mut out = Vec::new();
    for (p, para) in doc.paragraphs.iter().enumerate() {
        if Some(p) == conclusion {
            continue;
        }
        let first_rec = para.sentences.iter().position(|s| rec_sentences.contains(s));
        let lead: Vec<usize> = para.sentences[..first_rec.unwrap_or(para.sentences.len())].to_vec();
        if lead.is_empty() {
            continue;
        }
        let about_threats = lead.iter().filter(|&&s| !attribution[s].is_empty()).count();
        let opening = p == 0 && doc.paragraphs.len() > 2;
        let unowned = about_threats * 2 < lead.len();
        if opening || unowned || first_rec.is_some() {
            let span = Span::new(
                doc.sentences[lead[0]].span.start,
                doc.sentences[*lead.last().unwrap_or(&lead[0])].span.end,
            );
            out.push((span, lead));
        }
    }
    out
}

fn build_threat(
    doc: &Document,
    actor: &Found,
    ti: usize,
    attribution: &[BTreeSet<usize>],
    in_context: &HashSet<usize>,
    rec_sentences: &HashSet<usize>,
    conclusion: Option<usize>,
) -> Threat {
    let excluded = |s: usize| rec_sentences.contains(&s) || Some(doc.sentences[s].para) == conclusion;
    let mine: Vec<usize> = (0..doc.sentences.len())
        .filter(|&s| attribution[s].contains(&ti) && attribution[s].len() <= 2 && !excluded(s))
        .collect();
    let summary = mine
        .iter()
        .copied()
        .max_by_key(|&s| (threat_summary_score(doc, actor, s, attribution), std::cmp::Reverse(s)))
        .or_else(|| actor.sentences.first().copied());
    let mut points: Vec<usize> =
        mine.iter().copied().filter(|&s| Some(s) != summary && !in_context.contains(&s)).collect();
    if points.len() < 2 {
        // A threat discussed only in the opening still needs its points.
        points = mine.iter().copied().filter(|&s| Some(s) != summary).collect();
    }
    let mut sources: Vec<Span> =
        summary.into_iter().chain(points.iter().copied()).map(|s| doc.sentences[s].span).collect();
    sources.sort();
    Threat {
        name: actor.name.clone(),
        aliases: actor.aliases.clone(),
        label: actor.label.clone(),
        kind: ThreatKind::Actor,
        summary: summary.map(|s| doc.sentences[s].text.clone()).unwrap_or_default(),
        points: points.iter().map(|&s| doc.sentences[s].text.clone()).collect(),
        mentions: actor.mentions,
        sources,
    }
}

/// How well a sentence sums up a threat: its defining sentence, the threat
/// as subject, threat cue words; sentences that need context score lower.
fn threat_summary_score(doc: &Document, actor: &Found, s: usize, attribution: &[BTreeSet<usize>]) -> i32 {
    let text = &doc.sentences[s].text;
    let ws = words(text);
    let lower: Vec<String> = ws.iter().map(|w| w.text.to_lowercase()).collect();
    let mut score = 0;
    if actor.defined_in == Some(s) {
        score += 3;
    }
    let first_mention = lower
        .iter()
        .position(|w| names_of(actor).any(|n| n.to_lowercase().starts_with(w.as_str()) && w.len() > 1));
    if first_mention.is_some_and(|i| i * 5 < lower.len() * 2) {
        score += 2;
    }
    score += lower.iter().filter(|w| lexicon::THREAT_CUES.contains(&w.as_str())).count().min(3) as i32;
    score -= 2 * (attribution[s].len() as i32 - 1);
    if matches!(
        lower.first().map(String::as_str),
        Some("however" | "moreover" | "this" | "these" | "it" | "its" | "such" | "they")
    ) {
        score -= 2;
    }
    if !(8..=40).contains(&ws.len()) {
        score -= 2;
    }
    score
}

fn find_figures(
    doc: &Document,
    threats: &[Threat],
    attribution: &[BTreeSet<usize>],
    found: &[&Found],
) -> Vec<Figure> {
    let mut out = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        for f in figures::find(&sentence.text) {
            // The threat this sentence is about, else the one its paragraph
            // was discussing just before.
            let owner = (0..=si)
                .rev()
                .take_while(|&k| doc.sentences[k].para == sentence.para)
                .find_map(|k| (attribution[k].len() == 1).then(|| *attribution[k].first().unwrap_or(&0)));
            out.push(Figure {
                value: f.value,
                label: f.label,
                qualifier: f.qualifier,
                text: f.text,
                threat: owner.filter(|&t| t < threats.len()).map(|t| found[t].name.clone()),
                sources: vec![sentence.span],
            });
        }
    }
    out
}

fn find_events(doc: &Document) -> Vec<Event> {
    doc.sentences
        .iter()
        .filter_map(|s| {
            let when = events::find(&s.text)?;
            Some(Event {
                date: when.date,
                display_date: when.display,
                relative: when.relative,
                text: s.text.clone(),
                sources: vec![s.span],
            })
        })
        .collect()
}

/// Two to four sentences that carry the main judgment.
fn bottom_line(
    doc: &Document,
    threats: &[&Found],
    rec_sentences: &HashSet<usize>,
    conclusion: Option<usize>,
) -> Vec<usize> {
    let n = doc.sentences.len();
    if n == 0 {
        return Vec::new();
    }
    let names: Vec<Vec<String>> =
        threats.iter().map(|t| names_of(t).map(|n| n.to_lowercase()).collect()).collect();
    let score = |s: usize| -> i32 {
        let sentence = &doc.sentences[s];
        let lower = sentence.text.to_lowercase();
        let ws = words(&sentence.text);
        let mut score = 0;
        if s == 0 {
            score += 4;
        }
        let para = &doc.paragraphs[sentence.para];
        if para.sentences[0] == s {
            score += 1;
        }
        if Some(sentence.para) == conclusion {
            score += 2;
        }
        let named = names.iter().filter(|ns| ns.iter().any(|n| lower.contains(n.as_str()))).count() as i32;
        score += named.min(3) * 2;
        for cue in [
            "threat",
            "remain",
            "will continue",
            "necessitate",
            "significant",
            "persistent",
            "urgent",
            "likely",
            "risk",
            "challenge",
            "escalat",
            "resurgence",
            "security",
            "stability",
            "without",
        ] {
            if lower.contains(cue) {
                score += 1;
            }
        }
        if rec_sentences.contains(&s) {
            score -= 6;
        }
        if !(10..=40).contains(&ws.len()) {
            score -= 3;
        }
        if matches!(
            ws.first().map(|w| w.text.to_lowercase()).as_deref(),
            Some(
                "however"
                    | "moreover"
                    | "this"
                    | "these"
                    | "it"
                    | "its"
                    | "such"
                    | "they"
                    | "his"
                    | "her"
                    | "one"
            )
        ) {
            score -= 3;
        }
        score
    };
    let mut ranked: Vec<(i32, usize)> = (0..n).map(|s| (score(s), s)).collect();
    ranked.sort_by_key(|&(sc, s)| (std::cmp::Reverse(sc), s));
    let want = if n >= 12 { 3 } else { 2.min(n) };
    let mut chosen: Vec<usize> = ranked.iter().take(want).map(|&(_, s)| s).collect();
    chosen.sort_unstable();
    chosen
}

/// A title from the text: the subject state and the threats, or the opening
/// words when there are no threats.
fn derive_title(found: &[Found], threats: &[&Found], doc: &Document) -> String {
    let subject = found.iter().find(|a| a.role == Role::Subject).map(|a| a.name.as_str());
    let labels: Vec<&str> = threats.iter().take(4).map(|t| t.label.as_str()).collect();
    let list = match labels.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    match (subject, list.is_empty()) {
        (Some(s), false) => format!("{s}: The Threat from {list}"),
        (None, false) => format!("The Threat from {list}"),
        (Some(s), true) => format!("{s}: Situation Brief"),
        (None, true) => {
            let first = doc.sentences.first().map(|s| s.text.as_str()).unwrap_or("Brief");
            let ws: Vec<&str> = first.split_whitespace().take(8).collect();
            let mut t = ws.join(" ");
            t = t.trim_end_matches(['.', ',', ';', ':']).to_string();
            recommendations::capitalise(&t)
        }
    }
}
