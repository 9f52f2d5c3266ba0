//! Risks: threats that are not organisations — a pandemic, famine,
//! economic collapse, climate change, gang violence, ransomware.
//!
//! Read from the noun-phrase chunks of [`super::syntax`]: a chunk whose head
//! is a harm or danger in the word classes of [`super::semantics`] ("gang
//! violence", "food insecurity", "the COVID-19 pandemic") names a risk. The
//! chunks of one head make one risk, named by its commonest form with its
//! modifiers; the other forms are its aliases. An act that an actor the
//! brief names carries out ("TTP attacks", "attacks by Iran") belongs to that
//! actor, not to a risk of its own; in a brief built around named actors,
//! acts are theirs and only conditions (instability, a pandemic) can be
//! risks. A risk must recur, or stand in a heading or the opening, to count.

use std::collections::{HashMap, HashSet};

use super::actors::Found;
use super::semantics;
use super::syntax::Parsed;
use super::tagger::Tag;
use super::text::Document;
use crate::model::Salience;

/// A risk found in the text.
#[derive(Debug, Clone)]
pub struct Risk {
    /// Its name: the commonest form, with its modifiers.
    pub name: String,
    /// Other forms used for it.
    pub aliases: Vec<String>,
    /// Sentences that name it, ascending.
    pub sentences: Vec<usize>,
    /// Number of mentions.
    pub mentions: usize,
    /// Central or in passing.
    pub salience: Salience,
    /// How sure, 0 to 1.
    pub confidence: f64,
    /// Why it counts.
    pub reason: String,
}

/// Heads too general to name a risk without a modifier ("the threat").
#[rustfmt::skip]
const VAGUE_HEADS: &[&str] = &[
    "threat", "risk", "danger", "challenge", "problem", "issue", "concern", "hazard", "crisis",
    "damage", "harm", "loss", "incident", "event", "activity", "action", "operation", "effect",
    "impact", "consequence", "pressure", "difficulty", "trouble", "tension", "misunderstanding",
];

/// Modifiers that say how much or which, not what kind ("growing threats").
#[rustfmt::skip]
const EMPTY_MODIFIERS: &[&str] = &[
    "more", "most", "other", "some", "many", "several", "various", "numerous", "all", "any",
    "few", "such", "certain", "these", "those", "both", "each", "new", "recent", "further",
    "additional", "growing", "increasing", "increased", "significant", "serious", "major",
    "potential", "possible", "future", "ongoing", "continued", "current", "same", "similar",
    "greater", "larger", "broader", "wider", "heightened", "persistent", "evolving", "emerging",
    "direct", "indirect", "immediate", "long-term", "short-term", "multiple", "specific",
    "next", "last", "first", "latest", "previous", "earlier", "later",
];

struct Group {
    forms: Vec<(String, usize)>,
    sentences: Vec<usize>,
    mentions: usize,
    act: bool,
    prominent: bool,
}

/// Finds the risks of `doc`. `actors` are the analysis's actors: an act
/// they are named as carrying out is theirs.
pub fn find(doc: &Document, parsed: &[Parsed], actors: &[Found]) -> Vec<Risk> {
    let threat_forms: HashSet<String> = actors
        .iter()
        .filter(|a| a.threat)
        .flat_map(|a| {
            std::iter::once(a.name.to_lowercase()).chain(a.aliases.iter().map(|x| x.to_lowercase()))
        })
        .collect();
    // A brief built around a named actor: its acts are that actor's.
    let named_actor_brief =
        actors.iter().filter(|a| a.threat && !a.risk).map(|a| a.mentions).sum::<usize>() >= 3;
    let first_para_sentences: Vec<usize> =
        doc.paragraphs.first().map(|p| p.sentences.clone()).unwrap_or_default();
    let mut groups: Vec<Group> = Vec::new();
    let mut by_head: HashMap<String, usize> = HashMap::new();
    for (si, p) in parsed.iter().enumerate() {
        let text = &doc.sentences[si].text;
        for ch in &p.chunks {
            let head = &p.toks[ch.head];
            if !head.tag.is_noun() || head.tag.is_proper() {
                continue;
            }
            // Modifiers after determiners and quantifiers.
            let mut a = ch.start;
            while a < ch.head
                && (matches!(p.toks[a].tag, Tag::Dt | Tag::PrpPoss | Tag::Pdt | Tag::Cd | Tag::Pos)
                    || p.toks[a].tag.is_adv()
                    || EMPTY_MODIFIERS.contains(&p.toks[a].lower.as_str()))
            {
                a += 1;
            }
            let lowers: Vec<&str> = (a..ch.end).map(|i| p.toks[i].lower.as_str()).collect();
            let phrase_class = semantics::phrase(&lowers).filter(|(len, _)| *len == lowers.len());
            let harm = phrase_class.is_some_and(|(_, c)| c.harm()) || semantics::noun(&head.lemma).harm();
            if !harm {
                continue;
            }
            let modified = a < ch.head;
            if VAGUE_HEADS.contains(&head.lemma.as_str()) && !modified {
                continue;
            }
            let form = text[p.toks[a].start..p.toks[ch.end - 1].end].to_string();
            let lower_form = form.to_lowercase();
            // An actor's own act: "TTP attacks", "Iran's attacks", "attacks by Iran".
            let owned = ch.possessor.is_some()
                || (a..ch.head).any(|i| p.toks[i].tag.is_proper() || (p.toks[i].capitalised && i > 0))
                || super::actors::names_one_of(&lower_form, &threat_forms)
                || by_actor(p, ch.end, text, &threat_forms);
            let act = is_act(&head.lemma);
            // In a brief built around named actors, "the Bybit theft" is
            // theirs too.
            if owned && (act || named_actor_brief) {
                continue;
            }
            // Forms that name an actor's kind, not a risk ("terrorist groups").
            if semantics::noun(&head.lemma).hostile() {
                continue;
            }
            let key = if VAGUE_HEADS.contains(&head.lemma.as_str()) {
                lowers[..lowers.len() - 1].join(" ")
            } else {
                head.lemma.clone()
            };
            let gi = *by_head.entry(key).or_insert_with(|| {
                groups.push(Group {
                    forms: Vec::new(),
                    sentences: Vec::new(),
                    mentions: 0,
                    act,
                    prominent: false,
                });
                groups.len() - 1
            });
            let g = &mut groups[gi];
            g.mentions += 1;
            if g.sentences.last() != Some(&si) {
                g.sentences.push(si);
            }
            match g.forms.iter_mut().find(|(f, _)| f.eq_ignore_ascii_case(&form)) {
                Some((_, n)) => *n += 1,
                None => g.forms.push((form, 1)),
            }
            g.prominent |= first_para_sentences.contains(&si);
        }
    }
    // Headings name risks too ("## Strait of Hormuz" does not; "## Food insecurity" does).
    for h in &doc.headings {
        let lower = h.text.to_lowercase();
        for (key, &gi) in &by_head {
            if lower.contains(key.as_str()) {
                groups[gi].prominent = true;
            }
        }
    }
    let mut out: Vec<Risk> = Vec::new();
    for g in groups {
        let needed = if named_actor_brief {
            if g.act { usize::MAX } else { 5 }
        } else if g.prominent {
            2
        } else {
            3
        };
        if g.mentions < needed {
            continue;
        }
        // The name: the commonest form with a modifier, else the commonest.
        let mut forms = g.forms.clone();
        forms.sort_by(|a, b| {
            b.1.cmp(&a.1).then(b.0.split_whitespace().count().cmp(&a.0.split_whitespace().count()))
        });
        let name = forms
            .iter()
            .filter(|(f, _)| f.split_whitespace().count() > 1 && f.split_whitespace().count() <= 4)
            .max_by_key(|(_, n)| *n)
            .map_or_else(|| forms[0].0.clone(), |(f, _)| f.clone());
        let aliases: Vec<String> =
            forms.iter().map(|(f, _)| f.clone()).filter(|f| !f.eq_ignore_ascii_case(&name)).take(6).collect();
        let salience = if g.mentions >= 5 || g.prominent { Salience::Major } else { Salience::Minor };
        let confidence = (0.3 + 0.08 * g.mentions as f64 + if g.prominent { 0.15 } else { 0.0 }).min(0.9);
        let reason = format!(
            "a harm named {} times{}",
            g.mentions,
            if g.prominent { ", in the opening or a heading" } else { "" }
        );
        out.push(Risk {
            name: lower_name(&name),
            aliases,
            sentences: g.sentences,
            mentions: g.mentions,
            salience,
            confidence,
            reason,
        });
    }
    out.sort_by_key(|r| r.sentences.first().copied().unwrap_or(usize::MAX));
    out
}

/// Whether the chunk ending at `end` is followed by "by" and a threat's name.
fn by_actor(p: &Parsed, end: usize, text: &str, threat_forms: &HashSet<String>) -> bool {
    if !(p.is(end, "by") || p.is(end, "from")) {
        return false;
    }
    let Some(c) = p.chunk_of.get(end + 1).copied().flatten() else { return false };
    let next = p.chunk_text(text, c).to_lowercase();
    super::actors::names_one_of(&next, threat_forms)
}

/// Whether a harm is an act someone carries out (an attack, a kidnapping)
/// rather than a condition (instability, a pandemic): its noun is made
/// from a verb of harm.
fn is_act(lemma: &str) -> bool {
    if semantics::verb(lemma).harm() {
        return true;
    }
    let stem: String = lemma.chars().take(5).collect();
    stem.chars().count() == 5 && semantics::harm_verb_stems().contains(stem.as_str())
}

/// A risk's name in lower case, unless it begins with a name or acronym.
fn lower_name(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("");
    let keep = first.chars().skip(1).any(char::is_uppercase)
        || first.chars().next().is_some_and(|c| c.is_ascii_digit());
    if keep {
        return name.to_string();
    }
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
