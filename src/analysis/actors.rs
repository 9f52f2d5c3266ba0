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
use super::text::{Document, Section, Word, words};
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
    /// A named risk (a trend, a weakness), not an organisation.
    pub risk: bool,
    /// Paragraphs the brief devotes to it (under a threats heading).
    pub home: Vec<usize>,
}

/// Word suffixes that attach a name to a participle: "Al-Qaida-linked".
#[rustfmt::skip]
const NAME_SUFFIXES: &[&str] = &[
    "linked", "led", "affiliated", "backed", "inspired", "aligned", "related", "allied", "style",
    "controlled", "held", "based", "sponsored", "associated", "connected", "run", "dominated",
];

/// Lower-case words that may sit inside a name between capitalised words.
const CONNECTORS: &[&str] =
    &["of", "for", "al", "el", "i", "e", "de", "del", "la", "wa", "bin", "ul", "the", "y"];

/// Capitalised words that begin sentences but never names.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "that", "its", "their", "his", "her", "our", "in",
    "on", "at", "by", "for", "from", "with", "without", "while", "whilst", "although", "though",
    "despite", "beyond", "besides", "however", "moreover", "furthermore", "meanwhile", "since",
    "after", "before", "during", "over", "under", "as", "if", "when", "where", "many", "some",
    "several", "most", "one", "two", "both", "each", "every", "such", "to", "and", "but", "yet",
    "so", "first", "second", "third", "finally", "also", "further",
];

/// Head words too generic to stand for one actor on their own.
#[rustfmt::skip]
const GENERIC_HEADS: &[&str] = &[
    "group", "front", "movement", "army", "brigade", "brigades", "cartel", "network", "militia",
    "gang", "mafia", "syndicate", "brotherhood", "forces", "clan", "corps", "party", "state",
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
        let state =
            [long.as_str(), short.as_str()].into_iter().any(|f| classify(f, false) == Some(ActorKind::State));
        let kind = if state {
            Some(ActorKind::State)
        } else {
            classify(long, true).or_else(|| classify(short, false))
        };
        if let Some(kind) = kind {
            actors.push(Draft::new(long, kind, Some(*si), Some(short)));
        }
    }

    // Names the author lists under a threats heading are threats.
    for (name, paragraphs) in listed_threats(doc) {
        let i = match unify(&actors, &name) {
            Some(i) => i,
            None if classify(&name, false) == Some(ActorKind::State) => continue,
            None => {
                let mut draft = Draft::new(&name, ActorKind::Org, None, None);
                draft.risk = is_risk_name(&name);
                actors.push(draft);
                actors.len() - 1
            }
        };
        actors[i].listed = true;
        actors[i].home.extend(paragraphs);
    }

    // Longer names first, so shorter forms can join them as aliases.
    let mut candidates: Vec<&Run> = runs.iter().collect();
    candidates.sort_by_key(|r| (std::cmp::Reverse(r.tokens.len()), r.sentence));
    let mut seen = HashSet::new();
    for run in candidates {
        if !seen.insert(key(&run.text)) {
            continue;
        }
        // "Manila" speaks for the Philippines.
        let seat = lexicon::SEATS_OF_GOVERNMENT.iter().find(|(city, _)| run.text.eq_ignore_ascii_case(city));
        if let Some((_, state)) = seat {
            match actors
                .iter()
                .position(|a| a.kind == ActorKind::State && a.forms.iter().any(|f| key(f) == key(state)))
            {
                Some(i) => actors[i].add_alias(&run.text),
                None => {
                    let mut draft = Draft::new(&title_case(state), ActorKind::State, None, None);
                    draft.add_alias(&run.text);
                    actors.push(draft);
                }
            }
            continue;
        }
        let kind = classify(&run.text, false);
        if kind == Some(ActorKind::State) {
            // A state joins only itself ("the United States" and "United States").
            match actors.iter().position(|a| a.forms.iter().any(|f| key(f) == key(&run.text))) {
                Some(i) => actors[i].add_alias(&run.text),
                None => actors.push(Draft::new(&run.text, ActorKind::State, None, None)),
            }
        } else if is_place_or_nationality(&run.text) {
            continue;
        } else if let Some(i) = unify(&actors, &run.text) {
            actors[i].add_alias(&run.text);
        } else if let Some(kind) = kind {
            actors.push(Draft::new(&run.text, kind, None, None));
        } else if let Some(state) = organ_of(&run.text) {
            // "China Coast Guard": a threat unless it is the subject's own.
            let mut draft = Draft::new(&run.text, ActorKind::Org, None, None);
            draft.organ_of = Some(state);
            actors.push(draft);
        } else if is_plain_name(&run.text, &common) {
            // An unknown name ("Qilin"): kept only if it acts like a group.
            let mut draft = Draft::new(&run.text, ActorKind::Org, None, None);
            draft.weak = true;
            actors.push(draft);
        }
    }
    for (name, forms) in generic_groups(doc, &actors) {
        let mut draft = Draft::new(&name, ActorKind::Org, None, None);
        // Keep the name with its modifier ("Maritime militia") over the bare noun.
        draft.defined = Some(name.clone());
        for form in &forms {
            draft.add_alias(form);
        }
        actors.push(draft);
    }

    count_mentions(doc, &mut actors);
    actors.retain(|a| a.listed || (a.mentions > 0 && (!a.weak || a.acts_like_a_group())));
    // The subject is the state named most often; its own institutions
    // ("Pakistan Army") are never threats, so they go.
    let subject: Option<String> = actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == ActorKind::State)
        .max_by_key(|(i, a)| (a.mentions, std::cmp::Reverse(*i)))
        .map(|(_, a)| a.forms[0].to_lowercase());
    let of_subject =
        |state: &str| subject.as_deref().is_some_and(|s| state.chars().take(4).eq(s.chars().take(4)));
    actors.retain(|a| !a.organ_of.as_deref().is_some_and(of_subject));
    for actor in &mut actors {
        let is_subject = subject.as_deref() == Some(actor.forms[0].to_lowercase().as_str());
        actor.role = actor.decide_role(is_subject);
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
    /// An unknown name that must act like a group to be kept.
    weak: bool,
    /// A state's institution ("China Coast Guard"): the state's name.
    organ_of: Option<String>,
    /// Mentions right after "in", "near", "from" …: a place, not an actor.
    locative: usize,
    /// Mentions followed by a verb: something that acts.
    acting: usize,
    /// Listed by the author under a threats heading.
    listed: bool,
    /// A named risk rather than an organisation.
    risk: bool,
    /// Paragraphs devoted to it.
    home: Vec<usize>,
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
            weak: false,
            organ_of: None,
            locative: 0,
            acting: 0,
            listed: false,
            risk: false,
            home: Vec::new(),
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

    /// A name that marks an armed, criminal or hostile cyber group.
    fn hostile(&self) -> bool {
        self.forms.iter().any(|f| {
            let lower = f.to_lowercase();
            lexicon::KNOWN_GROUPS.contains(&lower.as_str())
                || lower
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|part| lexicon::HOSTILE_KEYWORDS.contains(&part))
        })
    }

    /// Named at least twice, mostly not as a place, acting at least once,
    /// with threat words around it.
    fn acts_like_a_group(&self) -> bool {
        self.mentions >= 2 && self.locative == 0 && self.acting >= 2 && self.cues[0] >= 3
    }

    fn decide_role(&self, is_subject: bool) -> Role {
        let [threat, enabler, partner] = self.cues;
        if self.listed {
            return Role::Threat;
        }
        match self.kind {
            ActorKind::State if is_subject && self.mentions >= 2 => Role::Subject,
            ActorKind::State if enabler >= 2 && enabler > threat + partner => Role::Enabler,
            ActorKind::State if partner >= 1 && partner > threat + enabler => Role::Partner,
            ActorKind::State => Role::Other,
            ActorKind::Org if enabler >= 3 && enabler > 2 * threat => Role::Enabler,
            ActorKind::Org if !self.hostile() && enabler >= 2 && enabler > threat => Role::Enabler,
            ActorKind::Org if !self.hostile() && partner >= 3 && partner > 2 * threat => Role::Partner,
            ActorKind::Org if self.hostile() || (threat >= 3 && threat > enabler + partner) => Role::Threat,
            // Another state's coast guard or army acting against the subject.
            ActorKind::Org if self.organ_of.is_some() && threat >= 1 && threat >= partner => Role::Threat,
            ActorKind::Org if partner >= 1 => Role::Partner,
            ActorKind::Org => Role::Other,
        }
    }

    fn finish(self) -> Found {
        let acronyms: Vec<&String> = self.forms.iter().filter(|f| is_acronym(f)).collect();
        let count = |form: &str| self.forms.iter().position(|f| f == form).map_or(0, |i| self.form_counts[i]);
        // The commonest written form that is not an acronym; on a tie, the longer one.
        let commonest = (0..self.forms.len())
            .filter(|&i| !is_acronym(&self.forms[i]) || acronyms.len() == self.forms.len())
            .max_by_key(|&i| (self.form_counts[i], self.forms[i].len()))
            .map_or_else(|| self.forms[0].clone(), |i| self.forms[i].clone());
        // The author's defined long form, unless the text mostly uses another
        // ("Al-Shabaab" over "Harakat al-Shabaab al-Mujahideen").
        // A state is called by its name, not its capital's.
        let commonest = if self.kind == ActorKind::State {
            self.forms
                .iter()
                .find(|f| !lexicon::SEATS_OF_GOVERNMENT.iter().any(|(city, _)| f.eq_ignore_ascii_case(city)))
                .cloned()
                .unwrap_or(commonest)
        } else {
            commonest
        };
        let name = match &self.defined {
            Some(defined) if count(&commonest) < 3 * count(defined).max(1) => defined.clone(),
            _ => commonest,
        };
        // The short form readers see most: an acronym or a name of two words at most.
        let label = self
            .forms
            .iter()
            .filter(|f| is_acronym(f) || f.split_whitespace().count() <= 2)
            .max_by_key(|f| (count(f), is_acronym(f), std::cmp::Reverse(f.len())))
            .cloned()
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
            risk: self.risk,
            home: self.home,
        }
    }
}

/// Names listed under a heading about threats, risks or actors: bold leads
/// of its items and paragraphs, and its subheadings. Each with the
/// paragraphs that discuss it.
fn listed_threats(doc: &Document) -> Vec<(String, Vec<usize>)> {
    let mut out: Vec<(String, Vec<usize>)> = Vec::new();
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        let Some(heading) = para.heading.as_deref().map(str::to_lowercase) else { continue };
        let about_threats = ["threat", "risk", "actor", "adversar", "perpetrator", "groups"]
            .iter()
            .any(|k| heading.contains(k));
        if !about_threats || para.section == Some(Section::Recommendations) {
            continue;
        }
        let Some(name) = para.lead.clone().or_else(|| para.subheading.clone()) else { continue };
        // "Boko Haram (JAS)" names Boko Haram; a long lead is a finding, not a name.
        let name =
            name.split(" (").next().unwrap_or(&name).trim().trim_end_matches(['.', ':', ',']).to_string();
        let name = name.strip_prefix("The ").map(str::to_string).unwrap_or(name);
        if name.is_empty() || name.split_whitespace().count() > 6 {
            continue;
        }
        match out.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(&name)) {
            Some((_, paras)) => paras.push(pi),
            None => out.push((name, vec![pi])),
        }
    }
    out
}

/// A listed name that is a trend or weakness, not a group: no capitalised
/// word after the first and no group noun ("Cross-border spread").
fn is_risk_name(name: &str) -> bool {
    let ws: Vec<&str> = name.split_whitespace().collect();
    let group = ws.iter().any(|w| {
        let lower = w.to_lowercase();
        let singular = lower.trim_end_matches('s');
        GROUP_NOUNS.contains(&singular)
            || lexicon::ORG_KEYWORDS.contains(&lower.as_str())
            || lexicon::HOSTILE_KEYWORDS.contains(&lower.as_str())
    });
    let proper = ws.len() == 1
        && ws[0].chars().next().is_some_and(char::is_uppercase)
        && !ws[0].chars().skip(1).all(char::is_lowercase)
        || ws.iter().skip(1).any(|w| w.chars().next().is_some_and(char::is_uppercase));
    !group && !proper && ws.len() > 1
}

/// Words before a place name.
#[rustfmt::skip]
const LOCATIVE: &[&str] = &[
    "in", "near", "at", "from", "to", "into", "across", "outside", "around", "off", "through",
    "via", "towards", "toward", "inside", "between",
];

/// Words after a name that show it acting.
#[rustfmt::skip]
const ACTING: &[&str] = &[
    "has", "have", "had", "is", "was", "were", "are", "will", "can", "uses", "claimed", "said",
    "hit", "struck", "stole", "runs", "sells", "moves", "affiliates", "operators", "ransomware",
    "gang", "group", "members", "fighters", "leaders", "leader", "cells", "crews",
];

/// Month and weekday names, which are capitalised but never actors.
#[rustfmt::skip]
const CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
];

/// Nouns for groups that briefs name in lower case ("Somali pirates",
/// "the maritime militia", "initial access brokers"), singular.
#[rustfmt::skip]
const GROUP_NOUNS: &[&str] = &[
    "pirate", "militia", "smuggler", "trafficker", "broker", "gang", "bandit", "poacher", "hacker",
    "mercenary",
];

/// A proper name that is not a state, place, month or institution: a
/// candidate for an actor the word lists do not know.
fn is_plain_name(phrase: &str, common: &HashSet<String>) -> bool {
    let lower = phrase.to_lowercase();
    let ws: Vec<&str> = lower.split_whitespace().collect();
    let (Some(first), Some(head)) = (ws.first(), ws.last()) else { return false };
    ws.len() <= 4
        && !lexicon::STATES.contains(&lower.as_str())
        && !lexicon::CAPITALS.contains(&lower.as_str())
        && !ws.iter().any(|w| lexicon::DEMONYMS.contains(w) || CALENDAR.contains(w))
        && !lexicon::NON_ACTOR_HEADS.contains(head)
        && !lexicon::NON_ACTOR_HEADS.contains(first)
        && !(ws.len() == 1 && common.contains(*first))
        && !(ws.len() == 1 && ["ian", "ean", "ese", "ish", "ans"].iter().any(|s| first.ends_with(s)))
        && !is_acronym(phrase)
}

/// A state, capital, nationality or month: never an organisation's alias.
fn is_place_or_nationality(phrase: &str) -> bool {
    let lower = phrase.to_lowercase();
    lexicon::CAPITALS.contains(&lower.as_str())
        || lexicon::DEMONYMS.contains(&lower.as_str())
        || CALENDAR.contains(&lower.as_str())
}

/// A word that marks a hostile group's name ("al-Shabaab", "Taliban").
fn hostile_word(word: &str) -> bool {
    word.split(|c: char| !c.is_alphanumeric()).any(|part| lexicon::HOSTILE_KEYWORDS.contains(&part))
}

/// The state whose institution a phrase names ("China Coast Guard" → china).
fn organ_of(phrase: &str) -> Option<String> {
    let lower = phrase.to_lowercase();
    let ws: Vec<&str> = lower.split_whitespace().collect();
    let first = *ws.first()?;
    let of_state = lexicon::DEMONYMS.contains(&first) || lexicon::STATES.contains(&first);
    (of_state && ws[1..].iter().any(|w| lexicon::STATE_ORGANS.contains(w))).then(|| first.to_string())
}

/// Groups named with a lower-case noun, mentioned at least twice: the name
/// (its commonest form with a modifier) and the other forms.
fn generic_groups(doc: &Document, actors: &[Draft]) -> Vec<(String, Vec<String>)> {
    let mut found: Vec<(String, Vec<String>, Vec<String>)> = Vec::new(); // head, phrases (with repeats)
    for sentence in &doc.sentences {
        let ws = words(&sentence.text);
        for (i, w) in ws.iter().enumerate() {
            let lower = w.text.to_lowercase();
            let singular = lower
                .strip_suffix("ies")
                .map(|s| format!("{s}y"))
                .unwrap_or_else(|| lower.trim_end_matches('s').to_string());
            let Some(head) = GROUP_NOUNS.iter().find(|n| **n == singular || **n == lower) else { continue };
            // "Houthi militias", "TTP smugglers": the group has a name.
            if i > 0
                && ws[i - 1].is_capitalised()
                && !lexicon::DEMONYMS.contains(&ws[i - 1].text.to_lowercase().as_str())
            {
                continue;
            }
            let mut start = i;
            while start > 0 && i - start < 2 {
                let prev = ws[start - 1];
                let p = prev.text.to_lowercase();
                let modifier = prev.next == Some(' ')
                    && prev.text.chars().all(char::is_alphabetic)
                    && !MODIFIER_STOPS.contains(&p.as_str())
                    && !p.ends_with("ed")
                    && !contains(lexicon::IMPERATIVE_VERBS, &p)
                    && (!prev.is_capitalised() || lexicon::DEMONYMS.contains(&p.as_str()));
                if !modifier {
                    break;
                }
                start -= 1;
            }
            let phrase = sentence.text[ws[start].start..w.end].to_string();
            match found.iter_mut().find(|(h, _, _)| h == head) {
                Some((_, phrases, _)) => phrases.push(phrase),
                None => found.push((head.to_string(), vec![phrase], Vec::new())),
            }
        }
    }
    found
        .into_iter()
        .filter(|(_, phrases, _)| phrases.len() >= 2)
        .filter(|(head, _, _)| {
            !actors.iter().any(|a| a.forms.iter().any(|f| f.to_lowercase().contains(head.as_str())))
        })
        .map(|(_, phrases, _)| {
            let with_modifier = |p: &String| p.split_whitespace().count() > 1;
            let name = phrases
                .iter()
                .filter(|p| with_modifier(p))
                .max_by_key(|p| phrases.iter().filter(|q| q.eq_ignore_ascii_case(p)).count())
                .unwrap_or(&phrases[0]);
            let name = super::text::capitalise(name);
            let mut forms: Vec<String> = Vec::new();
            for p in &phrases {
                if !p.eq_ignore_ascii_case(&name) && !forms.iter().any(|f| f.eq_ignore_ascii_case(p)) {
                    forms.push(p.clone());
                }
            }
            (name, forms)
        })
        .collect()
}

/// Words that never modify a group noun.
#[rustfmt::skip]
const MODIFIER_STOPS: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "by", "with", "from", "to", "in", "on", "at", "for", "as",
    "that", "these", "those", "this", "its", "their", "our", "some", "many", "most", "other",
    "such", "by", "against", "armed", "local", "suspected", "alleged", "known", "several", "two",
    "three", "four", "five",
    "every", "each", "any", "no", "all", "both", "more", "fewer", "has", "have", "had", "is", "was",
    "were", "are", "when", "while", "which", "who", "where", "if", "than", "then", "not", "also",
];

/// "united states" → "United States".
fn title_case(s: &str) -> String {
    s.split(' ').map(super::text::capitalise).collect::<Vec<_>>().join(" ")
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
            let number = cand.text.chars().all(|c| c.is_ascii_digit());
            if !(is_name_word(&cand) || (start != end && (contains(CONNECTORS, cand.text) || number))) {
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
        // Not "the", nor a sentence's opening verb ("Give the Korea Financial Intelligence Unit (KoFIU)").
        while start < end
            && (contains(&["the"], ws[start].text)
                || (start == 0
                    && (contains(STARTERS, ws[0].text) || contains(lexicon::IMPERATIVE_VERBS, ws[0].text))))
        {
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
            let number = next.text.chars().all(|c| c.is_ascii_digit());
            if is_name_word(&next)
                || (number
                    && (ws.get(end + 2).is_some_and(is_name_word) || end + 2 == ws.len() || !spaced(end + 1)))
            {
                // "March 23 Movement", "Unit 29155".
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
        if s == 0 && (is_common_start(ws[0].text, common) || contains(lexicon::IMPERATIVE_VERBS, ws[0].text))
        {
            s += 1;
        }
        while s <= end
            && (contains(STARTERS, ws[s].text) && s == 0
                || contains(CONNECTORS, ws[s].text)
                || ws[s].text.chars().all(|c| c.is_ascii_digit()))
        {
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
                // The head word: the Taliban for the Afghan Taliban; a
                // distinctive word: al-Shabaab for Harakat al-Shabaab al-Mujahideen.
                || (form_tokens.len() == 1
                    && ft.len() > 1
                    && (ft.last() == form_tokens.last() || (hostile_word(&lower) && ft.contains(&form_tokens[0]))
                        // "Sinaloa" for the Sinaloa Cartel, "Wagner" for the Wagner Group.
                        || (ft.len() == 2
                            && ft[0] == form_tokens[0]
                            && f.split_whitespace().last().is_some_and(|h| GENERIC_HEADS.contains(&h.to_lowercase().as_str()))))
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
    let mut plain: String = word.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect();
    // "Houthis" and "Houthi" are one name.
    if plain.len() >= 6 && plain.ends_with('s') && !plain.ends_with("ss") {
        plain.pop();
    }
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
    let chars: Vec<char> = word.chars().collect();
    // "TdA" has a lower-case letter inside; "IEDs" (a plural) does not count.
    let inner_lower = chars.len() <= 5
        && chars.last().is_some_and(|c| !c.is_lowercase())
        && chars.iter().filter(|c| c.is_lowercase()).count() <= 1;
    (2..=10).contains(&chars.len())
        && upper >= 2
        && chars.iter().all(|c| {
            c.is_ascii_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '-' | '&' | '/')
                || (inner_lower && c.is_ascii_lowercase())
        })
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
            if i > 0 && LOCATIVE.contains(&lower[i - 1].as_str()) {
                actor.locative += 1;
            }
            if let Some(next) = lower.get(i + t.len()) {
                let verbish = ACTING.contains(&next.as_str())
                    || (next.ends_with("ed") && next.len() > 4)
                    || (next.ends_with('s')
                        && !next.ends_with("ss")
                        && ws[i + t.len()].text.chars().next().is_some_and(char::is_lowercase));
                actor.acting += usize::from(verbish);
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
