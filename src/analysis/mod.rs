//! The analysis stage: brief text in, [`Brief`] model out.
//!
//! Steps, each in its own module: segment the text into paragraphs and
//! sentences ([`text`], [`markdown`]); read each sentence as language —
//! tokens, part-of-speech tags and lemmas ([`tagger`]), noun-phrase chunks
//! and clauses ([`syntax`]); find the actors, their sides and the threats
//! among them ([`actors`], consulting the public lists of [`gazetteer`] and
//! the word classes of [`semantics`]), the risks that are not actors
//! ([`risks`]), the recommendations ([`recommendations`]), figures
//! ([`figures`]) and dated events ([`events`]). This module then lays out
//! the structure: which paragraphs are context and conclusion, which
//! sentences belong to which threat, and which carry the bottom line.
//! Everything is deterministic and offline, and every item keeps the spans
//! of the sentences it came from.

pub mod actors;
pub mod events;
pub mod figures;
pub mod front_matter;
pub mod gazetteer;
pub mod markdown;
pub mod recommendations;
pub mod risks;
pub mod semantics;
pub mod syntax;
pub mod tagger;
pub mod text;

use std::collections::{BTreeSet, HashSet};

use crate::model::{
    Actor, Brief, Event, Figure, Meta, Recommendation, Role, Salience, Span, Threat, ThreatKind,
};
use actors::{ActorKind, Found};
pub use front_matter::FrontMatterError;
use syntax::Parsed;
pub use text::Sentence;
use text::{Document, Section, words};

/// What the caller knows that the text does not say.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A title that overrides the derived one and the front matter's.
    pub title: Option<String>,
    /// Read the text as Markdown (else decided from its shape).
    pub markdown: bool,
}

/// Analyses a brief. Fails only on malformed front matter.
pub fn analyse(input: &str, options: &Options) -> Result<Brief, FrontMatterError> {
    let (doc, front) = if options.markdown || markdown::looks_like_markdown(input) {
        let parsed = markdown::parse(input);
        let front = match &parsed.front_matter {
            Some((yaml, offset)) => front_matter::parse(yaml, input, *offset)?,
            None => front_matter::FrontMatter::default(),
        };
        (parsed.doc, front)
    } else {
        (Document::parse(input), front_matter::FrontMatter::default())
    };
    Ok(analyse_document(doc, front, options))
}

/// The sentences of a brief as the analysis segments it, with their spans
/// in `input` (for corrections anchored to names and quotes).
pub fn sentences(input: &str, markdown: bool) -> Vec<Sentence> {
    if markdown || markdown::looks_like_markdown(input) {
        markdown::parse(input).doc.sentences
    } else {
        Document::parse(input).sentences
    }
}

fn analyse_document(doc: Document, front: front_matter::FrontMatter, options: &Options) -> Brief {
    let parsed: Vec<Parsed> = doc.sentences.iter().map(|s| syntax::parse(&s.text)).collect();
    let found = actors::find(&doc, &parsed);
    let recs = recommendations::find(&doc, &parsed, &found);
    let risks: Vec<Found> = risks::find(&doc, &parsed, &found).into_iter().map(risk_as_found).collect();
    // Threats: the actors first, central ones before those in passing, then
    // the risks; each group in order of first mention.
    let mut threats: Vec<&Found> = found.iter().filter(|a| a.threat).chain(risks.iter()).collect();
    threats.sort_by_key(|t| {
        (t.risk, t.salience == Salience::Minor, t.sentences.first().copied().unwrap_or(usize::MAX))
    });

    let rec_sentences: HashSet<usize> = recs.iter().flat_map(|r| r.sentences.iter().copied()).collect();
    let conclusion = conclusion_paragraphs(&doc, &rec_sentences);
    let attribution = attribute(&doc, &threats);

    let mut brief = Brief { meta: Meta::default(), ..Brief::default() };
    brief.context = Vec::new();
    let context_paras = context_paragraphs(&doc, &attribution, &rec_sentences, &conclusion);
    for (span, sentences) in &context_paras {
        brief
            .context
            .push(sentences.iter().map(|&s| doc.sentences[s].text.as_str()).collect::<Vec<_>>().join(" "));
        brief.context_sources.push(*span);
    }
    let in_context: HashSet<usize> = context_paras.iter().flat_map(|(_, s)| s.iter().copied()).collect();

    // The sentences about each threat, in order: one pass over the
    // attribution, not a scan of every sentence for every threat.
    let mut about: Vec<Vec<usize>> = vec![Vec::new(); threats.len()];
    for (s, set) in attribution.iter().enumerate() {
        for &ti in set {
            about[ti].push(s);
        }
    }
    for (ti, actor) in threats.iter().enumerate() {
        brief.threats.push(build_threat(
            &doc,
            actor,
            &about[ti],
            &attribution,
            &in_context,
            &rec_sentences,
            &conclusion,
        ));
    }
    brief.actors = found
        .iter()
        .map(|a| Actor {
            name: a.name.clone(),
            aliases: a.aliases.clone(),
            role: a.role,
            mentions: a.mentions,
            shelters: sheltered_threats(a, &brief.threats),
        })
        .collect();
    brief.recommendations = recs
        .iter()
        .map(|r| Recommendation {
            title: r.title.clone(),
            detail: r.detail.clone(),
            addressee: r.addressee.clone(),
            explicit: r.explicit,
            confidence: round2(r.confidence),
            reason: r.reason.clone(),
            sources: r.sentences.iter().map(|&s| doc.sentences[s].span).collect(),
        })
        .collect();
    for &p in &conclusion {
        brief.conclusion.push(doc.paragraph_text(p));
        brief.conclusion_sources.push(doc.paragraphs[p].span);
    }
    brief.figures = find_figures(&doc, &brief.threats, &attribution, &threats);
    brief.events = find_events(&doc);
    let summary = bottom_line(&doc, &threats, &rec_sentences, &conclusion);
    brief.summary = summary.iter().map(|&s| doc.sentences[s].text.clone()).collect();
    brief.summary_sources = summary.iter().map(|&s| doc.sentences[s].span).collect();
    let h1 = doc.headings.iter().find(|h| h.level == 1).map(|h| h.text.clone());
    let (title, title_source) = match options.title.clone().or(front.title).or(h1) {
        Some(title) => (title, "given"),
        None => (derive_title(&found, &threats, &doc), "derived"),
    };
    brief.meta = Meta {
        title,
        subtitle: front.subtitle,
        author: front.author,
        organization: front.organization,
        date: front.date.as_ref().and_then(front_matter::scalar),
        marking: front.marking,
        version: front.version.as_ref().and_then(front_matter::scalar),
        status: front.status,
        distribution: front.distribution,
        title_source: Some(title_source.into()),
        source: None,
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
        // The paragraphs the author devotes to it are about it throughout.
        for &p in &t.home {
            for &s in &doc.paragraphs[p].sentences {
                out[s] = BTreeSet::from([ti]);
            }
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

/// The closing paragraphs: those under a conclusion heading; in prose, the
/// last paragraph (unless it recommends) of a brief of three or more, or one
/// opened by a concluding phrase.
fn conclusion_paragraphs(doc: &Document, rec_sentences: &HashSet<usize>) -> Vec<usize> {
    if doc.has_sections() {
        let marked: Vec<usize> = (0..doc.paragraphs.len())
            .filter(|&p| doc.paragraphs[p].section == Some(Section::Conclusion))
            .collect();
        if !marked.is_empty() {
            return marked;
        }
    }
    let n = doc.paragraphs.len();
    let cue = (n * 2 / 3..n).rev().find(|&p| {
        let first = &doc.sentences[doc.paragraphs[p].sentences[0]].text.to_lowercase();
        ["in conclusion", "to conclude", "in sum", "in short", "overall,", "ultimately,", "in the end,"]
            .iter()
            .any(|c| first.starts_with(c))
    });
    if let Some(p) = cue {
        return (p..n).filter(|&q| !recommends(doc, q, rec_sentences)).collect();
    }
    match n.checked_sub(1) {
        Some(last) if n >= 3 && !recommends(doc, last, rec_sentences) && !doc.paragraphs[last].list_item => {
            vec![last]
        }
        _ => Vec::new(),
    }
}

fn recommends(doc: &Document, p: usize, rec_sentences: &HashSet<usize>) -> bool {
    doc.paragraphs[p].sentences.iter().any(|s| rec_sentences.contains(s))
}

/// Context: the paragraphs under a context heading; in prose, the opening
/// paragraph, paragraphs about no threat in particular, and the sentences
/// that lead into the recommendations. Each is a span and its sentences.
fn context_paragraphs(
    doc: &Document,
    attribution: &[BTreeSet<usize>],
    rec_sentences: &HashSet<usize>,
    conclusion: &[usize],
) -> Vec<(Span, Vec<usize>)> {
    let whole = |p: usize| (doc.paragraphs[p].span, doc.paragraphs[p].sentences.clone());
    if doc.has_sections() {
        let marked: Vec<_> = (0..doc.paragraphs.len())
            .filter(|&p| doc.paragraphs[p].section == Some(Section::Context))
            .map(whole)
            .collect();
        if !marked.is_empty() {
            return marked;
        }
    }
    let mut out = Vec::new();
    for (p, para) in doc.paragraphs.iter().enumerate() {
        let skip =
            matches!(para.section, Some(Section::Summary | Section::Recommendations | Section::Conclusion));
        if conclusion.contains(&p) || skip {
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
            let last = *lead.last().unwrap_or(&lead[0]);
            let span = Span::new(doc.sentences[lead[0]].span.start, doc.sentences[last].span.end);
            out.push((span, lead));
        }
    }
    out
}

fn build_threat(
    doc: &Document,
    actor: &Found,
    about: &[usize],
    attribution: &[BTreeSet<usize>],
    in_context: &HashSet<usize>,
    rec_sentences: &HashSet<usize>,
    conclusion: &[usize],
) -> Threat {
    let excluded = |s: usize| {
        let para = &doc.paragraphs[doc.sentences[s].para];
        rec_sentences.contains(&s)
            || conclusion.contains(&doc.sentences[s].para)
            || matches!(para.section, Some(Section::Recommendations | Section::Summary))
    };
    let mine: Vec<usize> =
        about.iter().copied().filter(|&s| attribution[s].len() <= 2 && !excluded(s)).collect();
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
        kind: if actor.risk { ThreatKind::Risk } else { ThreatKind::Actor },
        summary: summary.map(|s| doc.sentences[s].text.clone()).unwrap_or_default(),
        points: points.iter().map(|&s| doc.sentences[s].text.clone()).collect(),
        mentions: actor.mentions,
        salience: actor.salience,
        role: Role::Threat,
        confidence: round2(actor.confidence),
        reason: actor.reason.clone(),
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
    score += parsed_cues(text).min(3);
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
    conclusion: &[usize],
) -> Vec<usize> {
    let n = doc.sentences.len();
    if n == 0 {
        return Vec::new();
    }
    // The author's own summary section, when there is one: its first
    // sentences (one per list item).
    let marked: Vec<usize> = doc
        .paragraphs
        .iter()
        .filter(|p| p.section == Some(Section::Summary))
        .flat_map(|p| if p.list_item { p.sentences[..1].to_vec() } else { p.sentences.clone() })
        .take(4)
        .collect();
    if !marked.is_empty() {
        return marked;
    }
    // How many threats each sentence names, from the threats' own mention
    // lists: one pass over the mentions, not a search of every sentence
    // for every name.
    let mut named_in = vec![0i32; n];
    for t in threats {
        for &s in &t.sentences {
            if let Some(c) = named_in.get_mut(s) {
                *c += 1;
            }
        }
    }
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
        if conclusion.contains(&sentence.para) {
            score += 2;
        }
        score += named_in[s].min(3) * 2;
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

/// The threats a host shelters, by label, in the threat list's order: each
/// group named beside the host that is one of the threats (by any name).
fn sheltered_threats(host: &Found, threats: &[Threat]) -> Vec<String> {
    threats
        .iter()
        .filter(|t| {
            host.harbours.iter().any(|h| {
                std::iter::once(&t.name)
                    .chain(&t.aliases)
                    .chain([&t.label])
                    .any(|n| n.eq_ignore_ascii_case(h))
            })
        })
        .map(|t| t.label.clone())
        .collect()
}

/// A risk as the threat list holds it.
fn risk_as_found(r: risks::Risk) -> Found {
    Found {
        label: r.name.clone(),
        name: r.name,
        aliases: r.aliases,
        kind: ActorKind::Org,
        role: Role::Threat,
        mentions: r.mentions,
        sentences: r.sentences,
        defined_in: None,
        risk: true,
        home: Vec::new(),
        threat: true,
        salience: r.salience,
        confidence: r.confidence,
        reason: r.reason,
        harbours: Vec::new(),
    }
}

/// A confidence to two decimals, so the model reads cleanly.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Words of harm in a sentence (nouns and verbs), for choosing summaries.
fn parsed_cues(text: &str) -> i32 {
    let p = syntax::parse(text);
    p.toks
        .iter()
        .filter(|t| {
            (t.tag.is_noun() && (semantics::noun(&t.lemma).harm() || semantics::noun(&t.lemma).hostile()))
                || (t.tag.is_verb() && semantics::verb(&t.lemma).harm())
        })
        .count() as i32
}

/// A title from the text: the subject state and the threats the analysis is
/// sure of; a neutral one when it is not sure of any.
fn derive_title(found: &[Found], threats: &[&Found], doc: &Document) -> String {
    let subject = found.iter().find(|a| a.role == Role::Subject).map(|a| a.name.as_str());
    let sure: Vec<&&Found> =
        threats.iter().filter(|t| !t.risk && t.salience == Salience::Major && t.confidence >= 0.6).collect();
    let labels: Vec<&str> = sure.iter().take(4).map(|t| t.label.as_str()).collect();
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
            // A neutral title: the main risk, if one is clear; never a cut sentence.
            let _ = doc;
            match threats.iter().find(|t| t.risk && t.salience == Salience::Major) {
                Some(r) => format!("{}: Situation Brief", text::capitalise(&r.name)),
                None => "Situation Brief".to_string(),
            }
        }
    }
}
