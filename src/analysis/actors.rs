//! Named actors: finding them, unifying their aliases, counting mentions and
//! deciding the part each plays (threat, enabler, partner, subject).
//!
//! Organisations are recognised by an acronym definition ("Tehreek-i-Taliban
//! Pakistan (TTP)"), by a keyword in the name ("Cartel", "Front", "Taliban")
//! or by a list of well-known groups; states by a gazetteer. Aliases unify
//! across spelling variants (al-Qaida / Al-Qaeda / al-Qa'ida), acronym stems
//! (ISIS for ISIS-K) and head words (the Taliban for the Afghan Taliban).
//! Roles come from cue words near each mention.

use std::collections::HashSet;

use super::lexicon::{self, contains};
use super::text::{Document, Word, words};
use crate::model::Role;

/// What sort of actor a name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    /// A non-state organisation or group.
    Org,
    /// A state (or its government, by metonymy).
    State,
}

/// An actor found in a document.
#[derive(Debug, Clone)]
pub struct Found {
    /// Display name: the long form when defined, else the commonest form.
    pub name: String,
    /// Other surface forms, acronyms first.
    pub aliases: Vec<String>,
    /// Short display form.
    pub label: String,
    /// Organisation or state.
    pub kind: ActorKind,
    /// Its part in the brief.
    pub role: Role,
    /// Number of mentions.
    pub mentions: usize,
    /// Sentences that mention it, ascending, without repeats.
    pub sentences: Vec<usize>,
    /// The sentence that defines its acronym, if any.
    pub defined_in: Option<usize>,
}

/// Word suffixes that attach a name to a participle: "Al-Qaida-linked".
const NAME_SUFFIXES: &[&str] = &[
    "linked",
    "led",
    "affiliated",
    "backed",
    "inspired",
    "aligned",
    "related",
    "allied",
    "style",
    "controlled",
    "held",
    "based",
    "sponsored",
    "associated",
    "connected",
    "run",
    "dominated",
];

/// Lower-case words that may sit inside a name between capitalised words.
const CONNECTORS: &[&str] =
    &["of", "for", "al", "el", "i", "e", "de", "del", "la", "wa", "bin", "ul", "the", "y"];

/// Capitalised words that begin sentences but never names.
const STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "that",
    "its",
    "their",
    "his",
    "her",
    "our",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "without",
    "while",
    "whilst",
    "although",
    "though",
    "despite",
    "beyond",
    "besides",
    "however",
    "moreover",
    "furthermore",
    "meanwhile",
    "since",
    "after",
    "before",
    "during",
    "over",
    "under",
    "as",
    "if",
    "when",
    "where",
    "many",
    "some",
    "several",
    "most",
    "one",
    "two",
    "both",
    "each",
    "every",
    "such",
    "to",
    "and",
    "but",
    "yet",
    "so",
    "first",
    "second",
    "third",
    "finally",
    "also",
    "further",
];

/// Head words too generic to stand for one actor on their own.
const GENERIC_HEADS: &[&str] = &[
    "group",
    "front",
    "movement",
    "army",
    "brigade",
    "brigades",
    "cartel",
    "network",
    "militia",
    "gang",
    "mafia",
    "syndicate",
    "brotherhood",
    "forces",
    "clan",
    "corps",
    "party",
    "state",
];

/// The sibling names of the Islamic State that refer to one family.
const IS_FAMILY: &[&str] = &["isis", "isil", "daesh", "islamic state", "is"];

/// A capitalised phrase in a sentence.
#[derive(Debug, Clone)]
struct Run {
    sentence: usize,
    text: String,
    tokens: Vec<String>,
}

/// Finds the actors of `doc`, in order of first mention.
pub fn find(doc: &Document) -> Vec<Found> {
    let common = common_words(doc);
    let mut defs: Vec<(usize, String, String)> = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let ws = words(&sentence.text);
        defs.extend(definitions(&sentence.text, &ws).into_iter().map(|(l, s)| (si, l, s)));
        runs.extend(capitalised_runs(si, &sentence.text, &ws, &common));
    }

    let mut actors: Vec<Draft> = Vec::new();
    for (si, long, short) in &defs {
        if let Some(i) = unify(&actors, long).or_else(|| unify(&actors, short)) {
            actors[i].add_alias(long);
            actors[i].add_alias(short);
            actors[i].defined_in.get_or_insert(*si);
            continue;
        }
        if let Some(kind) = classify(long, true).or_else(|| classify(short, false)) {
            actors.push(Draft::new(long, kind, Some(*si), Some(short)));
        }
    }

    // Longer names first, so shorter forms can join them as aliases.
    let mut candidates: Vec<&Run> = runs.iter().collect();
    candidates.sort_by_key(|r| (std::cmp::Reverse(r.tokens.len()), r.sentence));
    let mut seen = HashSet::new();
    for run in candidates {
        if !seen.insert(key(&run.text)) {
            continue;
        }
        let kind = classify(&run.text, false);
        if kind == Some(ActorKind::State) {
            // A state joins only itself ("the United States" and "United States").
            match actors.iter().position(|a| a.forms.iter().any(|f| key(f) == key(&run.text))) {
                Some(i) => actors[i].add_alias(&run.text),
                None => actors.push(Draft::new(&run.text, ActorKind::State, None, None)),
            }
        } else if let Some(i) = unify(&actors, &run.text) {
            actors[i].add_alias(&run.text);
        } else if let Some(kind) = kind {
            actors.push(Draft::new(&run.text, kind, None, None));
        }
    }

    count_mentions(doc, &mut actors);
    actors.retain(|a| a.mentions > 0);
    let subject = actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == ActorKind::State)
        .max_by_key(|(i, a)| (a.mentions, std::cmp::Reverse(*i)))
        .map(|(i, _)| i);
    for (i, actor) in actors.iter_mut().enumerate() {
        actor.role = actor.decide_role(Some(i) == subject);
    }
    actors.sort_by_key(|a| a.sentences.first().copied().unwrap_or(usize::MAX));
    actors.into_iter().map(Draft::finish).collect()
}

/// An actor while it is being assembled.
#[derive(Debug)]
struct Draft {
    forms: Vec<String>,
    defined: Option<String>,
    kind: ActorKind,
    defined_in: Option<usize>,
    mentions: usize,
    form_counts: Vec<usize>,
    sentences: Vec<usize>,
    cues: [usize; 3],
    role: Role,
}

impl Draft {
    fn new(name: &str, kind: ActorKind, defined_in: Option<usize>, acronym: Option<&str>) -> Self {
        let mut draft = Draft {
            forms: vec![name.to_string()],
            defined: defined_in.map(|_| name.to_string()),
            kind,
            defined_in,
            mentions: 0,
            form_counts: vec![0],
            sentences: Vec::new(),
            cues: [0; 3],
            role: Role::Other,
        };
        if let Some(acronym) = acronym {
            draft.add_alias(acronym);
        }
        draft
    }

    fn add_alias(&mut self, form: &str) {
        if !self.forms.iter().any(|f| f == form) {
            self.forms.push(form.to_string());
            self.form_counts.push(0);
        }
    }

    fn decide_role(&self, is_subject: bool) -> Role {
        let [threat, enabler, partner] = self.cues;
        match self.kind {
            ActorKind::State if is_subject && self.mentions >= 2 => Role::Subject,
            ActorKind::State if enabler >= 2 && enabler > threat + partner => Role::Enabler,
            ActorKind::State if partner >= 1 && partner > threat + enabler => Role::Partner,
            ActorKind::State => Role::Other,
            ActorKind::Org if threat >= 2 && threat * 2 >= enabler * 3 => Role::Threat,
            ActorKind::Org if enabler >= 2 => Role::Enabler,
            ActorKind::Org if threat >= 1 => Role::Threat,
            ActorKind::Org if partner >= 1 => Role::Partner,
            ActorKind::Org => Role::Other,
        }
    }

    fn finish(self) -> Found {
        let acronyms: Vec<&String> = self.forms.iter().filter(|f| is_acronym(f)).collect();
        let name = self.defined.clone().unwrap_or_else(|| {
            // The commonest written form; on a tie, the longer one.
            let best = (0..self.forms.len())
                .filter(|&i| !is_acronym(&self.forms[i]) || acronyms.len() == self.forms.len())
                .max_by_key(|&i| (self.form_counts[i], self.forms[i].len()))
                .unwrap_or(0);
            self.forms[best].clone()
        });
        let label = acronyms
            .iter()
            .max_by_key(|a| {
                let i = self.forms.iter().position(|f| f == **a).unwrap_or(0);
                (self.form_counts[i] + usize::from(self.defined_in.is_some()) * 100, a.len())
            })
            .map(|a| a.to_string())
            .unwrap_or_else(|| name.clone());
        let mut aliases: Vec<String> = self.forms.iter().filter(|f| **f != name).cloned().collect();
        aliases.sort_by_key(|a| (!is_acronym(a), *a != label));
        Found {
            name,
            aliases,
            label,
            kind: self.kind,
            role: self.role,
            mentions: self.mentions,
            sentences: self.sentences,
            defined_in: self.defined_in,
        }
    }
}

/// Lower-case words that occur in lower case somewhere in the document.
fn common_words(doc: &Document) -> HashSet<String> {
    doc.sentences
        .iter()
        .flat_map(|s| words(&s.text).into_iter().map(|w| w.text.to_string()).collect::<Vec<_>>())
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect()
}

/// Acronym definitions in a sentence: `(long, short)` pairs.
fn definitions(text: &str, ws: &[Word]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for k in 1..ws.len() {
        let w = ws[k];
        let opens = text[..w.start].trim_end().ends_with('(');
        if !(opens && w.next == Some(')') && is_acronym(w.text)) {
            continue;
        }
        let end = k - 1;
        let mut start = end;
        loop {
            let cand = ws[start];
            if !(is_name_word(&cand) || (start != end && contains(CONNECTORS, cand.text))) {
                start += 1;
                break;
            }
            if start == 0 || !matches!(ws[start - 1].next, Some(' ')) {
                break;
            }
            start -= 1;
        }
        while start <= end && !is_name_word(&ws[start]) {
            start += 1;
        }
        if start > end || contains(STARTERS, ws[start].text) && start == end {
            continue;
        }
        while start < end && contains(&["the"], ws[start].text) {
            start += 1;
        }
        let long = text[ws[start].start..ws[end].end].to_string();
        out.push((strip_suffix(&long).to_string(), w.text.to_string()));
    }
    out
}

/// A word that can be part of a name: capitalised, or "al-Qaida"-like.
fn is_name_word(w: &Word) -> bool {
    w.is_capitalised()
        || w.text.split(['-', '‑']).nth(1).is_some_and(|p| p.chars().next().is_some_and(char::is_uppercase))
}

/// Capitalised phrases of a sentence, without sentence-initial common words.
fn capitalised_runs(si: usize, text: &str, ws: &[Word], common: &HashSet<String>) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !is_name_word(&ws[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let spaced = |a: usize| ws.get(a + 1).is_some_and(|b| &text[ws[a].end..b.start] == " ");
        while end + 1 < ws.len() && spaced(end) {
            let next = ws[end + 1];
            if is_name_word(&next) {
                end += 1;
            } else if contains(CONNECTORS, next.text)
                && spaced(end + 1)
                && ws.get(end + 2).is_some_and(is_name_word)
            {
                end += 2;
            } else {
                break;
            }
        }
        i = end + 1;
        let mut s = start;
        if s == 0 && is_common_start(ws[0].text, common) {
            s += 1;
        }
        while s <= end && (contains(STARTERS, ws[s].text) && s == 0 || contains(CONNECTORS, ws[s].text)) {
            s += 1;
        }
        if s > end {
            continue;
        }
        let phrase = strip_suffix(&text[ws[s].start..ws[end].end]).to_string();
        let tokens = tokens(&phrase);
        if !tokens.is_empty() {
            out.push(Run { sentence: si, text: phrase, tokens });
        }
    }
    out
}

fn is_common_start(word: &str, common: &HashSet<String>) -> bool {
    contains(STARTERS, word) || (!is_acronym(word) && common.contains(&word.to_lowercase()))
}

/// Drops a participle glued to a name ("Al-Qaida-linked" → "Al-Qaida").
fn strip_suffix(name: &str) -> &str {
    for sep in ['-', '‑'] {
        if let Some((head, tail)) = name.rsplit_once(sep)
            && NAME_SUFFIXES.contains(&tail)
        {
            return head;
        }
    }
    name
}

/// Whether a phrase names an actor, and of which kind. `defined` is true for
/// phrases given an acronym by the author.
fn classify(phrase: &str, defined: bool) -> Option<ActorKind> {
    let lower = phrase.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    if lexicon::STATES.contains(&lower) {
        return Some(ActorKind::State);
    }
    if lexicon::CAPITALS.contains(&lower) || lexicon::DEMONYMS.contains(&lower) {
        return None;
    }
    let ws: Vec<&str> = lower.split_whitespace().collect();
    let first = ws.first().copied().unwrap_or("");
    let head = ws.last().copied().unwrap_or("");
    let of_state = lexicon::DEMONYMS.contains(&first) || lexicon::STATES.contains(&first);
    if of_state && ws[1..].iter().any(|w| lexicon::STATE_ORGANS.contains(w)) {
        return None;
    }
    if lexicon::KNOWN_GROUPS.contains(&lower) || IS_FAMILY.contains(&lower) && lower != "is" {
        return Some(ActorKind::Org);
    }
    let keyword = ws
        .iter()
        .flat_map(|w| std::iter::once(*w).chain(w.split(['-', '‑'])))
        .any(|part| lexicon::ORG_KEYWORDS.contains(&part))
        || lower.contains("islamic state");
    if keyword {
        return Some(ActorKind::Org);
    }
    (defined && !lexicon::NON_ACTOR_HEADS.contains(&head)).then_some(ActorKind::Org)
}

/// The actor a form belongs to, if any.
fn unify(actors: &[Draft], form: &str) -> Option<usize> {
    let k = key(form);
    let form_tokens = tokens(form);
    let exact = actors.iter().position(|a| a.forms.iter().any(|f| key(f) == k));
    if exact.is_some() {
        return exact;
    }
    let lower = form.to_lowercase();
    let family =
        |f: &str| IS_FAMILY.contains(&f.to_lowercase().as_str()) || f.to_lowercase().starts_with("isis");
    let mut matches = actors.iter().enumerate().filter(|(_, a)| {
        a.forms.iter().any(|f| {
            let ft = tokens(f);
            // An acronym stem: ISIS for ISIS-K.
            (is_acronym(form) && f.starts_with(&format!("{form}-")))
                // The head word: the Taliban for the Afghan Taliban.
                || (form_tokens.len() == 1 && ft.len() > 1 && ft.last() == form_tokens.last()
                    && !GENERIC_HEADS.contains(&lower.as_str()))
                // A leading part: the Islamic State for Islamic State Khorasan Province.
                || (form_tokens.len() > 1 && ft.len() > form_tokens.len() && ft.starts_with(&form_tokens))
                || (family(form) && family(f))
        })
    });
    let first = matches.next().map(|(i, _)| i);
    // Ambiguous forms join nobody.
    if matches.next().is_some() { None } else { first }
}

/// Tokens of a name for matching: lower case, apostrophes dropped, and
/// interior vowels dropped from long words so spelling variants meet.
fn tokens(name: &str) -> Vec<String> {
    words(name).iter().map(|w| token_key(w.text)).filter(|t| t != "the").collect()
}

fn token_key(word: &str) -> String {
    let plain: String = word.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect();
    let chars: Vec<char> = plain.chars().collect();
    if chars.len() < 5 || chars.iter().all(|c| c.is_ascii_digit()) {
        return plain;
    }
    let last = chars.len() - 1;
    chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| i == 0 || i == last || !"aeiou".contains(*c))
        .map(|(_, c)| c)
        .collect()
}

fn key(name: &str) -> String {
    tokens(name).join(" ")
}

/// All capitals (digits and hyphens allowed), two to ten characters.
pub fn is_acronym(word: &str) -> bool {
    let upper = word.chars().filter(char::is_ascii_uppercase).count();
    (2..=10).contains(&word.chars().count())
        && upper >= 2
        && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '&'))
}

/// Counts mentions (longest match first) and cue words around them.
fn count_mentions(doc: &Document, actors: &mut [Draft]) {
    let patterns: Vec<(usize, usize, Vec<String>)> = actors
        .iter()
        .enumerate()
        .flat_map(|(ai, a)| a.forms.iter().enumerate().map(move |(fi, f)| (ai, fi, tokens(f))))
        .filter(|(_, _, t)| !t.is_empty())
        .collect();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let ws = words(&sentence.text);
        let keys: Vec<String> = ws.iter().map(|w| token_key(strip_suffix(w.text))).collect();
        let lower: Vec<String> = ws.iter().map(|w| w.text.to_lowercase()).collect();
        let mut i = 0;
        while i < keys.len() {
            let best =
                patterns.iter().filter(|(_, _, t)| keys[i..].starts_with(t)).max_by_key(|(_, _, t)| t.len());
            let Some((ai, fi, t)) = best else {
                i += 1;
                continue;
            };
            let actor = &mut actors[*ai];
            actor.mentions += 1;
            actor.form_counts[*fi] += 1;
            if actor.sentences.last() != Some(&si) {
                actor.sentences.push(si);
            }
            // "assistance from the United States": the words right before a
            // name say most about its part.
            let before = lower[i.saturating_sub(3)..i].join(" ");
            if ["assistance from", "support from", "help from", "cooperation with", "partnership with"]
                .iter()
                .any(|p| before.contains(p))
            {
                actor.cues[2] += 3;
            }
            let window = i.saturating_sub(6)..(i + t.len() + 6).min(lower.len());
            for w in &lower[window] {
                let w = strip_suffix(w);
                actor.cues[0] += usize::from(lexicon::THREAT_CUES.contains(&w));
                actor.cues[1] += usize::from(lexicon::ENABLER_CUES.contains(&w));
                actor.cues[2] += usize::from(lexicon::PARTNER_CUES.contains(&w));
            }
            i += t.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Vec<String>, Role)> {
        find(&Document::parse(text)).into_iter().map(|a| (a.name, a.aliases, a.role)).collect()
    }

    #[test]
    fn acronym_definition_unifies_long_and_short_forms() {
        let found = names(
            "The Tehreek-i-Taliban Pakistan (TTP) launched attacks on police. TTP militants killed six soldiers.",
        );
        assert_eq!(found[0].0, "Tehreek-i-Taliban Pakistan");
        assert_eq!(found[0].1, ["TTP"]);
        assert_eq!(found[0].2, Role::Threat);
    }

    #[test]
    fn spelling_variants_are_one_actor() {
        let found =
            names("Al-Qaida attacks rose. The al-Qaeda network plots more attacks. al-Qa'ida recruits.");
        let qaida: Vec<_> = found.iter().filter(|f| f.0.to_lowercase().contains("qa")).collect();
        assert_eq!(qaida.len(), 1, "{found:?}");
    }

    #[test]
    fn acronym_stem_joins_its_longer_form() {
        let found = names(
            "The Islamic State Khorasan Province (ISIS-K) bombed the airport. An ISIS commander was arrested after the attack.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains(&"ISIS".to_string()));
    }

    #[test]
    fn state_organs_are_not_actors() {
        assert!(classify("Pakistan Army", false).is_none());
        assert_eq!(classify("Afghan Taliban", false), Some(ActorKind::Org));
        assert_eq!(classify("Pakistan", false), Some(ActorKind::State));
    }
}
