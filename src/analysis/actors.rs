//! Actors: who the brief names, which side each is on, and which are threats.
//!
//! Four steps over the sentences as [`super::syntax`] reads them:
//!
//! 1. **Names.** Proper-name runs of the noun-phrase chunks ("Department of
//!    Defense", "Islamic State in the Greater Sahara"), acronym definitions
//!    ("Tehreek-i-Taliban Pakistan (TTP)", "violent extremist organizations
//!    (VEOs)"), other names the text gives ("also known as", "known as",
//!    "a.k.a.", "formerly", "X, or Y" in brackets, "BlackCat/ALPHV"), names
//!    from the public lists of [`super::gazetteer`] (states, designated
//!    terrorist organisations, ATT&CK groups and malware), and groups named
//!    by a common noun of wrongdoing ("criminal gangs", "clan militias").
//! 2. **Aliases.** Forms join one actor across spelling variants
//!    (al-Qaida / al-Qa'ida), acronym stems (ISIS for ISIS-K), head words
//!    (the Taliban for the Afghan Taliban) and descriptors ("SVR actors" for
//!    the SVR).
//! 3. **Evidence.** Each clause says who does what to whom: the agent of an
//!    attack on someone who is not hostile is a threat; the agent of an
//!    attack on a hostile group counters it; the one attacked is a victim;
//!    "X is a threat" says so; "attacks by X", "X's aggression" and
//!    "threats from X" name the agent of a harm; sheltering or supporting a
//!    threat makes an enabler; acting with the author's side a partner;
//!    saying or reporting a source; being told what to do an addressee.
//! 4. **Sides.** The author's own side (the state the recommendations
//!    address or the threats are aimed at, its institutions, its partners
//!    and the victims) is never a threat. A known threat group is one unless
//!    the text casts it otherwise; a state, an institution or an unknown name
//!    only on the evidence of what it does. Each threat gets a salience, a
//!    confidence and the reason for it.
//!
//! Every step is linear in the length of the text: names are matched with a
//! trie over interned tokens, and aliases through hash maps.

use std::collections::{HashMap, HashSet};

use super::gazetteer::{self, Entry, Via};
use super::semantics;
use super::syntax::{Clause, Parsed};
use super::tagger::Tag;
use super::text::{Document, Section};
use crate::model::{Role, Salience};

/// What sort of actor a name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    /// A non-state organisation or group (or a named malware family).
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
    /// A named risk (malware, a trend), not an organisation.
    pub risk: bool,
    /// Paragraphs the brief devotes to it (under a threats heading).
    pub home: Vec<usize>,
    /// Whether the brief treats it as a threat.
    pub threat: bool,
    /// Central or in passing.
    pub salience: Salience,
    /// How sure the analysis is of its part, 0 to 1.
    pub confidence: f64,
    /// Why, in a few words.
    pub reason: String,
    /// For a host: the hostile groups named beside it as sheltering there
    /// (as first named).
    pub harbours: Vec<String>,
}

/// The kind of name an actor was found by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nature {
    /// A state from the gazetteer.
    State,
    /// An institution of a state ("China Coast Guard", "Pakistani security forces").
    Organ,
    /// A public body without a state in its name ("Federal Bureau of Investigation").
    Institution,
    /// A group on a public list of threat groups.
    Listed,
    /// Malware or an attacker's tool.
    Software,
    /// A group named by a noun of wrongdoing ("gangs", "adversaries").
    Generic,
    /// A person ("President Donald Trump").
    Person,
    /// Any other proper name.
    Name,
}

/// An actor while it is assembled.
#[derive(Debug)]
struct Draft {
    forms: Vec<String>,
    form_counts: Vec<usize>,
    /// The long form the author defined.
    defined: Option<String>,
    defined_in: Option<usize>,
    nature: Nature,
    /// For an organ: the state it belongs to.
    state_of: Option<String>,
    /// A name that marks hostility (a listed group, "Taliban", "gang").
    hostile_name: bool,
    /// Listed by the author under a threats heading.
    listed: bool,
    /// A named risk rather than an organisation.
    risk: bool,
    home: Vec<usize>,
    mentions: usize,
    sentences: Vec<usize>,
    /// Mentions as the subject of a clause.
    subject_mentions: usize,
    /// References back to it ("they", "the group").
    references: usize,
    /// Phrases that stand for it (not only name it in front of another noun).
    heads: usize,
    evidence: Evidence,
}

/// What the clauses say about an actor.
#[derive(Debug, Default, Clone)]
struct Evidence {
    /// Agent of a harm to someone not hostile.
    harm: f64,
    /// Called a threat, menace, adversary …
    called_threat: f64,
    /// Target of an action against it ("combat X", "designate X").
    countered: f64,
    /// Harmed by someone.
    victim: f64,
    /// Acts against a hostile group.
    counters: f64,
    /// Helps or shelters a threat.
    enables: f64,
    /// Named as the place a hostile group has its havens or bases, or
    /// attacks from ("safe havens in Afghanistan"): a host, for a state.
    harbours: f64,
    /// The hostile groups named beside that place (their first forms).
    harboured: Vec<String>,
    /// Acts together with, or helps, the author's side.
    partners: f64,
    /// Says, reports or assesses.
    says: f64,
    /// Is told what to do.
    addressed: f64,
    /// A state named as the owner of interests, policy, allies, agencies.
    own: f64,
    /// Words of threat near its mentions ("militants", "attacks").
    cues: f64,
    /// Sentences giving the strongest evidence, for the reason.
    because: Vec<String>,
    /// States it acts together with ("U.S.-Israeli strikes"), by name.
    allied: Vec<String>,
}

/// Finds the actors of `doc`, in order of first mention.
pub fn find(doc: &Document, parsed: &[Parsed]) -> Vec<Found> {
    let mut book = Book::default();
    harvest(doc, parsed, &mut book);
    listed_threats(doc, &mut book);
    let matcher = Matcher::new(&book.drafts);
    let mentions = matcher.find_all(doc, parsed, &book.drafts);
    count(&mentions, &mut book.drafts);
    gather_evidence(doc, parsed, &mentions, &mut book.drafts);
    decide(doc, parsed, book.drafts)
}

/// The drafts with the indexes that join new forms to them.
#[derive(Default)]
struct Book {
    drafts: Vec<Draft>,
    by_key: HashMap<String, usize>,
    by_last: HashMap<String, Vec<usize>>,
    by_first: HashMap<String, Vec<usize>>,
    by_stem: HashMap<String, Vec<usize>>,
    /// Drafts with a form of the Islamic State family.
    family: Vec<usize>,
}

/// Whether `phrase` (lower case) contains one of `names` (lower case) as a
/// run of whole words. Looks up every run of up to eight words instead of
/// searching the phrase for every name, so the cost does not grow with the
/// number of names.
pub fn names_one_of(phrase: &str, names: &HashSet<String>) -> bool {
    let ws: Vec<&str> = phrase
        .split_whitespace()
        .map(|w| {
            let w =
                w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '.'));
            w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)
        })
        .collect();
    (0..ws.len()).any(|i| (i + 1..=ws.len().min(i + 8)).any(|j| names.contains(&ws[i..j].join(" "))))
}

/// Whether a form names the Islamic State or one of its branches.
fn is_family(form: &str) -> bool {
    let l = form.to_lowercase();
    IS_FAMILY.contains(&l.as_str()) || l.starts_with("isis") || l.starts_with("islamic state")
}

/// An index list longer than this is ambiguous anyway: it is not searched.
const MAX_CANDIDATES: usize = 8;

/// The most forms one actor keeps.
const MAX_FORMS: usize = 32;

impl Book {
    fn push(&mut self, draft: Draft) -> usize {
        let i = self.drafts.len();
        self.drafts.push(draft);
        let forms = self.drafts[i].forms.clone();
        for f in forms {
            self.index(i, &f);
        }
        i
    }

    fn add_alias(&mut self, i: usize, form: &str) {
        // "also tracked as APT38 and, in …": no conjunction at the edge.
        let form = form.trim().trim_end_matches([',', ';']);
        let form = form.strip_suffix(" and").or_else(|| form.strip_suffix(" or")).unwrap_or(form).trim();
        // No actor has dozens of names; past that, one acronym is being
        // defined for many different names and more forms only cost time.
        if form.is_empty()
            || self.drafts[i].forms.len() >= MAX_FORMS
            || self.drafts[i].forms.iter().any(|f| f == form)
        {
            return;
        }
        self.drafts[i].forms.push(form.to_string());
        self.drafts[i].form_counts.push(0);
        self.index(i, form);
    }

    /// Moves every form of draft `from` to draft `to`; the forms then
    /// find `to`.
    fn move_forms(&mut self, from: usize, to: usize) {
        let forms = std::mem::take(&mut self.drafts[from].forms);
        self.drafts[from].form_counts.clear();
        for form in forms {
            let key = tokens(&form).join(" ");
            if self.by_key.get(&key) == Some(&from) {
                self.by_key.insert(key, to);
            }
            self.add_alias(to, &form);
        }
    }

    fn index(&mut self, i: usize, form: &str) {
        let ts = tokens(form);
        if ts.is_empty() {
            return;
        }
        if is_family(form) && !self.family.contains(&i) && self.family.len() <= MAX_CANDIDATES {
            self.family.push(i);
        }
        self.by_key.entry(ts.join(" ")).or_insert(i);
        for (map, t) in [(&mut self.by_last, ts.last()), (&mut self.by_first, ts.first())] {
            if let Some(t) = t {
                let list = map.entry(t.clone()).or_default();
                if list.len() <= MAX_CANDIDATES && !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        if is_acronym(form)
            && let Some((stem, _)) = form.split_once('-')
        {
            let list = self.by_stem.entry(stem.to_lowercase()).or_default();
            if list.len() <= MAX_CANDIDATES && !list.contains(&i) {
                list.push(i);
            }
        }
    }

    /// The actor a form belongs to, if exactly one fits.
    fn unify(&self, form: &str) -> Option<usize> {
        let ts = tokens(form);
        if ts.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_key.get(&ts.join(" ")) {
            return Some(i);
        }
        let mut hits: Vec<usize> = Vec::new();
        let mut consider = |i: usize| {
            if !hits.contains(&i) {
                hits.push(i);
            }
        };
        // "ISIS" for "ISIS-K".
        if is_acronym(form) {
            for &i in self.by_stem.get(&form.to_lowercase()).into_iter().flatten() {
                consider(i);
            }
        }
        if ts.len() == 1 && !GENERIC_HEADS.contains(&ts[0].as_str()) {
            // The head word: "the Taliban" for "the Afghan Taliban".
            for &i in self.by_last.get(&ts[0]).into_iter().flatten() {
                if self.drafts[i].forms.iter().any(|f| tokens(f).len() > 1)
                    && self.drafts[i].nature != Nature::State
                {
                    consider(i);
                }
            }
            // "Sinaloa" for "Sinaloa Cartel", "Wagner" for "Wagner Group".
            for &i in self.by_first.get(&ts[0]).into_iter().flatten() {
                let fits = self.drafts[i].forms.iter().any(|f| {
                    let ft = tokens(f);
                    ft.len() == 2 && ft[0] == ts[0] && GENERIC_HEADS.contains(&ft[1].as_str())
                });
                if fits {
                    consider(i);
                }
            }
        } else if ts.len() > 1 {
            // A leading part: "the Islamic State" for "Islamic State Khorasan Province".
            for &i in self.by_first.get(&ts[0]).into_iter().flatten() {
                if self.drafts[i].forms.iter().any(|f| {
                    let ft = tokens(f);
                    ft.len() > ts.len()
                        && ft.starts_with(&ts)
                        && !GENERIC_HEADS.contains(&ts[ts.len() - 1].as_str())
                }) {
                    consider(i);
                }
            }
        }
        if is_family(form) {
            for &i in &self.family {
                if self.drafts[i].forms.iter().any(|f| is_family(f)) {
                    consider(i);
                }
            }
        }
        (hits.len() == 1).then(|| hits[0])
    }
}

/// Head words too generic to stand for one actor on their own.
#[rustfmt::skip]
const GENERIC_HEADS: &[&str] = &[
    "group", "front", "movement", "army", "brigade", "brigades", "cartel", "network", "militia",
    "gang", "mafia", "syndicate", "brotherhood", "forces", "force", "clan", "corps", "party",
    "state", "actors", "actor", "agency", "department", "service", "council", "ministry", "office",
    "government", "authority", "police", "command", "unit", "organization", "organisation",
];

/// The sibling names of the Islamic State that refer to one family.
const IS_FAMILY: &[&str] = &["isis", "isil", "daesh", "islamic state", "is"];

impl Draft {
    fn new(name: &str, nature: Nature) -> Self {
        Draft {
            forms: vec![name.to_string()],
            form_counts: vec![0],
            defined: None,
            defined_in: None,
            nature,
            state_of: None,
            hostile_name: false,
            listed: false,
            risk: false,
            home: Vec::new(),
            mentions: 0,
            sentences: Vec::new(),
            subject_mentions: 0,
            references: 0,
            heads: 0,
            evidence: Evidence::default(),
        }
    }
}

// ---------------------------------------------------------------------------
// 1. Names

/// A name met in a sentence: its text and tokens.
struct Seen {
    sentence: usize,
    text: String,
    nature: Nature,
    state_of: Option<String>,
    hostile: bool,
}

fn harvest(doc: &Document, parsed: &[Parsed], book: &mut Book) {
    let mut seen: Vec<Seen> = Vec::new();
    let mut defs: Vec<(usize, String, Vec<String>)> = Vec::new();
    let mut descriptors: HashMap<String, Vec<String>> = HashMap::new();
    for (si, p) in parsed.iter().enumerate() {
        let text = &doc.sentences[si].text;
        definitions(text, p, si, &mut defs);
        names(text, p, si, &mut seen, &mut descriptors);
        generic_groups(text, p, si, &mut seen);
    }
    // Definitions first: the author's own long forms and acronyms.
    for (si, long, shorts) in &defs {
        let nature = classify(long).or_else(|| shorts.iter().find_map(|s| classify(s)));
        let known = book.unify(long).or_else(|| shorts.iter().find_map(|s| book.unify(s)));
        let i = match known {
            Some(i) => i,
            None => {
                let nature =
                    nature.unwrap_or(if is_lower_phrase(long) { Nature::Generic } else { Nature::Name });
                let mut d = Draft::new(long, nature);
                d.hostile_name = hostile_name(long) || shorts.iter().any(|s| hostile_name(s));
                d.state_of = organ_state(long);
                if d.state_of.is_some() && nature == Nature::Name {
                    d.nature = Nature::Organ;
                }
                book.push(d)
            }
        };
        book.add_alias(i, long);
        for s in shorts {
            book.add_alias(i, s);
        }
        let d = &mut book.drafts[i];
        if d.defined.is_none() && !is_acronym(long) {
            d.defined = Some(long.clone());
        }
        d.defined_in.get_or_insert(*si);
    }
    // Longer names first, so that shorter forms join them.
    seen.sort_by_key(|s| (std::cmp::Reverse(tokens(&s.text).len()), s.sentence));
    let mut done = HashSet::new();
    for s in seen {
        if !done.insert(key(&s.text)) {
            continue;
        }
        // All the names of a state (and its capital) are one actor: "U.S."
        // and "United States", "Moscow" and "Russia".
        if s.nature == Nature::State
            && let Some(state) = gazetteer::state(&s.text)
        {
            match book
                .by_key
                .get(&key(state.name))
                .copied()
                .filter(|&i| book.drafts[i].nature == Nature::State)
            {
                Some(i) => book.add_alias(i, &s.text),
                None => {
                    let i = book.push(Draft::new(state.name, Nature::State));
                    book.add_alias(i, &s.text);
                }
            }
            continue;
        }
        // A listed group's names are one actor: "Volt Typhoon", "Vanguard
        // Panda" and "BRONZE SILHOUETTE".
        if s.nature == Nature::Listed
            && let Some(group) = gazetteer::group(&s.text)
        {
            let existing =
                group.names().find_map(|n| book.by_key.get(&key(n)).copied()).or_else(|| book.unify(&s.text));
            match existing.filter(|&i| book.drafts[i].nature != Nature::State) {
                Some(i) => {
                    book.add_alias(i, &s.text);
                    book.drafts[i].hostile_name = true;
                    if book.drafts[i].nature == Nature::Name {
                        book.drafts[i].nature = Nature::Listed;
                    }
                }
                None => {
                    let mut d = Draft::new(&s.text, Nature::Listed);
                    d.hostile_name = true;
                    book.push(d);
                }
            }
            continue;
        }
        if let Some(i) = book.unify(&s.text) {
            // A state joins only its own names; a generic phrase only its own kind.
            let d = &book.drafts[i];
            let compatible = (d.nature == Nature::State) == (s.nature == Nature::State)
                && (s.nature != Nature::Generic || d.nature == Nature::Generic || tokens(&s.text).len() > 1);
            if compatible {
                book.add_alias(i, &s.text);
                book.drafts[i].hostile_name |= s.hostile;
                continue;
            }
        }
        let mut d = Draft::new(&s.text, s.nature);
        d.hostile_name = s.hostile;
        d.state_of = s.state_of;
        book.push(d);
    }
    join_acronyms(book);
    join_descriptors(book, &descriptors);
}

/// "M23" for "March 23 Movement", "AA" for "Arakan Army": an acronym whose
/// letters (and numbers) are the initials of a name the brief uses joins it,
/// when exactly one name fits.
fn join_acronyms(book: &mut Book) {
    let signature = |words: &[&str]| -> String {
        words
            .iter()
            .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
            .map(|w| {
                if w.chars().all(|c| c.is_ascii_digit()) {
                    w.to_string()
                } else {
                    w.chars().next().map(|c| c.to_lowercase().collect()).unwrap_or_default()
                }
            })
            .collect()
    };
    let mut by_signature: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, d) in book.drafts.iter().enumerate() {
        for f in &d.forms {
            let ws: Vec<&str> = f.split_whitespace().collect();
            if ws.len() >= 2 && d.nature != Nature::Generic {
                let sig = signature(&ws);
                // Exact initials; with a number, the name may go on ("M23"
                // for "March 23 Movement"): its prefixes are keys too.
                let digits = sig.chars().any(|c| c.is_ascii_digit());
                let ends: Vec<usize> = if digits {
                    sig.char_indices().map(|(k, c)| k + c.len_utf8()).filter(|&k| k >= 2).take(12).collect()
                } else {
                    vec![sig.len()]
                };
                for end in ends {
                    let key = format!("{}{}", &sig[..end], if end == sig.len() { "" } else { "…" });
                    let list = by_signature.entry(key).or_default();
                    if !list.contains(&i) && list.len() <= MAX_CANDIDATES {
                        list.push(i);
                    }
                }
            }
        }
    }
    for i in 0..book.drafts.len() {
        let d = &book.drafts[i];
        // A draft of acronyms only ("M23", or "AFC/M23" read as two names).
        if d.forms.is_empty() || !d.forms.iter().all(|f| is_acronym(f)) {
            continue;
        }
        let mut fits: Vec<usize> = Vec::new();
        for f in &d.forms {
            let acronym = f.trim_end_matches('s').to_lowercase();
            let digits = acronym.chars().any(|c| c.is_ascii_digit());
            let exact = by_signature.get(&acronym).into_iter().flatten();
            let longer = by_signature.get(&format!("{acronym}…")).into_iter().flatten().filter(|_| digits);
            fits.extend(exact.chain(longer).copied().filter(|&j| j != i));
        }
        fits.sort_unstable();
        fits.dedup();
        if let [j] = fits.as_slice() {
            book.move_forms(i, *j);
        }
    }
}

/// "the rebels" after "the M23 rebels": a noun of a group that the brief
/// also puts after exactly one name stands for that name's group.
fn join_descriptors(book: &mut Book, descriptors: &HashMap<String, Vec<String>>) {
    // Common-noun groups of several words by their head noun.
    let mut by_head: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, d) in book.drafts.iter().enumerate().filter(|(_, d)| d.nature == Nature::Generic) {
        for f in &d.forms {
            let ws: Vec<&str> = f.split_whitespace().collect();
            if ws.len() > 1 {
                let list = by_head.entry(singular(&ws[ws.len() - 1].to_lowercase())).or_default();
                if !list.contains(&j) && list.len() < 8 {
                    list.push(j);
                }
            }
        }
    }
    for i in 0..book.drafts.len() {
        let d = &book.drafts[i];
        if d.nature != Nature::Generic || d.forms.iter().any(|f| f.split_whitespace().count() > 1) {
            continue;
        }
        let Some(form) = d.forms.first() else { continue };
        let head = singular(&form.to_lowercase());
        // "militias" after "state-sponsored militias": the one group of
        // that noun the brief qualifies.
        let qualified: Vec<usize> = by_head
            .get(&head)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&j| j != i && !book.drafts[j].forms.is_empty())
            .collect();
        // The qualified group the author defines or names in several ways
        // ("state-sponsored militias, known as the VDPs"), if one stands out
        // ("civilian militia", named once, does not).
        let weight = |j: usize| (book.drafts[j].defined.is_some(), book.drafts[j].forms.len());
        let mut ranked = qualified;
        ranked.sort_by_key(|&j| std::cmp::Reverse(weight(j)));
        let main = ranked.first().copied().filter(|&j| ranked.get(1).is_none_or(|&k| weight(k) < weight(j)));
        let names = descriptors.get(&head);
        if let Some(main) = main.filter(|_| names.is_none()) {
            book.move_forms(i, main);
            continue;
        }
        let Some(names) = names else { continue };
        let owners: Vec<usize> = names.iter().filter_map(|n| book.unify(n)).collect();
        let first = owners.first().copied();
        if first.is_some_and(|o| o != i && owners.iter().all(|&x| x == o)) {
            let o = first.unwrap_or(i);
            // "the M23 rebels … the rebels": the name is a rebel group's.
            if book.drafts[i].hostile_name {
                book.drafts[o].hostile_name = true;
            }
            book.move_forms(i, o);
        }
    }
}

/// Whether a phrase is written in lower case (a common-noun group).
fn is_lower_phrase(phrase: &str) -> bool {
    phrase.split_whitespace().all(|w| !w.chars().next().is_some_and(char::is_uppercase))
}

/// The nature of a name from the gazetteer and its head word, if it tells.
fn classify(name: &str) -> Option<Nature> {
    let ws: Vec<&str> = name.split_whitespace().collect();
    if let Some(hit) = gazetteer::known_name(&ws, false) {
        return Some(match hit.entry {
            Entry::State(_) if hit.via == Via::Demonym => return None,
            Entry::State(_) => Nature::State,
            Entry::Group(_) => Nature::Listed,
            Entry::Software(_) => Nature::Software,
        });
    }
    let head = ws.last()?.to_lowercase();
    let head = singular(&head);
    if organ_state(name).is_some() {
        return Some(Nature::Organ);
    }
    if semantics::noun(&head).institution() && !hostile_name(name) {
        return Some(Nature::Institution);
    }
    None
}

/// "cartels" → "cartel"; "militias" → "militia".
fn singular(word: &str) -> String {
    if let Some(s) = word.strip_suffix("ies").filter(|s| s.len() > 2) {
        return format!("{s}y");
    }
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

/// The state whose institution a name is: "China Coast Guard" → China,
/// "Russian Foreign Intelligence Service" → Russia, "Iran's Armed Forces" → Iran.
fn organ_state(name: &str) -> Option<String> {
    let ws: Vec<&str> = name.split_whitespace().collect();
    if ws.len() < 2 {
        return None;
    }
    let first = ws[0].trim_end_matches("’s").trim_end_matches("'s");
    let state = gazetteer::state_of_demonym(first).or_else(|| gazetteer::state(first))?;
    let rest: Vec<String> = ws[1..].iter().map(|w| singular(&w.to_lowercase())).collect();
    let institution = rest.iter().any(|w| {
        let n = semantics::noun(w);
        n.institution() || ORGAN_WORDS.contains(&w.as_str())
    }) || semantics::phrase(&rest.iter().map(String::as_str).collect::<Vec<_>>())
        .is_some_and(|(_, c)| c.institution());
    institution.then(|| state.name.to_string())
}

/// Words of a state's institutions that the word classes file under other senses.
const ORGAN_WORDS: &[&str] =
    &["guard", "force", "navy", "army", "intelligence", "security", "military", "police"];

/// Names in a name-like form that mark hostility on their own: a group on a
/// public list, or a name holding a noun of wrongdoing ("Gran Grif gang").
fn hostile_name(name: &str) -> bool {
    let ws: Vec<&str> = name.split_whitespace().collect();
    if let Some(hit) = gazetteer::known_name(&ws, false)
        && matches!(hit.entry, Entry::Group(_))
    {
        return true;
    }
    // "Arakan Army", "National Liberation Front": a name for an armed force
    // that does not begin with a state's name is an armed group's.
    let armed = ws.len() >= 2
        && ARMED_GROUP_HEADS.contains(&ws[ws.len() - 1].to_lowercase().as_str())
        && gazetteer::state(ws[0]).is_none()
        && gazetteer::state_of_demonym(ws[0]).is_none()
        && !matches!(ws[0].to_lowercase().as_str(), "the" | "royal" | "federal" | "salvation");
    armed
        || ws.iter().any(|w| {
            let lower = singular(&w.to_lowercase());
            lower.split(['-', '/']).any(|part| semantics::noun(part).hostile())
        })
}

/// Heads of the names of armed groups ("Arakan Army", "March 23 Movement").
#[rustfmt::skip]
const ARMED_GROUP_HEADS: &[&str] = &[
    "army", "front", "brigade", "brigades", "battalion", "battalions", "legion", "movement",
    "mujahideen", "militia", "militias", "insurgency", "commandos",
];

/// Acronym definitions and other names given in the text.
fn definitions(text: &str, p: &Parsed, si: usize, out: &mut Vec<(usize, String, Vec<String>)>) {
    let n = p.toks.len();
    for k in 0..n {
        let t = &p.toks[k];
        // "X (ACR)", "X (also known as A, B, and C)", "X (formerly Y)", "X (Y, or Z)".
        if t.tag == Tag::OpenBracket && k > 0 {
            let Some(close) = (k + 1..n.min(k + 40)).find(|&j| p.toks[j].tag == Tag::CloseBracket) else {
                continue;
            };
            let Some(long) = name_before(text, p, k) else { continue };
            let inner = &text[p.toks[k].end..p.toks[close].start];
            let inner = inner.split(';').next().unwrap_or("").trim();
            let aliases = alternatives(inner);
            if aliases.is_empty() {
                continue;
            }
            // "CVE-2019-9670 Zimbra (Citrix)" and the like: acronyms must fit.
            let fits =
                aliases.iter().all(|a| !is_acronym(a) || acronym_fits(a, &long) || !is_lower_phrase(&long));
            if fits {
                out.push((si, long, aliases));
            }
        }
        // "X, known as Y", "X, also known as Y", "X, also tracked as Y".
        if matches!(t.lower.as_str(), "known" | "tracked" | "called" | "named") && p.is(k + 1, "as") && k > 0
        {
            let mut before = k;
            if p.is(before - 1, "also") || p.is(before - 1, "commonly") {
                before -= 1;
            }
            if before > 0 && p.toks[before - 1].tag == Tag::Comma {
                before -= 1;
            }
            let Some(long) = name_before(text, p, before) else { continue };
            let from = p.toks.get(k + 2).map(|x| x.start).unwrap_or(text.len());
            let until = (k + 2..n)
                .find(|&j| matches!(p.toks[j].tag, Tag::Comma | Tag::Period | Tag::OpenBracket | Tag::Colon))
                .map_or(text.len(), |j| p.toks[j].start);
            let alias = text[from..until.max(from)].trim().trim_start_matches("the ");
            // "Vanguard Panda and BRONZE SILHOUETTE": each a name.
            let names: Vec<String> = alias
                .split(" and ")
                .flat_map(|part| part.split(" or "))
                .map(|part| part.trim().trim_start_matches("the ").to_string())
                .filter(|part| !part.is_empty() && !is_lower_phrase(part))
                .collect();
            if !names.is_empty() && alias.split_whitespace().count() <= 8 {
                out.push((si, long, names));
            }
        }
        // "BlackCat/ALPHV" cut into three tokens: one actor, two names.
        if t.lower == "/"
            && k > 0
            && k + 1 < n
            && p.toks[k - 1].end == t.start
            && p.toks[k + 1].start == t.end
            && (p.toks[k - 1].capitalised || p.toks[k - 1].inner_capital)
            && (p.toks[k + 1].capitalised || p.toks[k + 1].inner_capital)
        {
            let left = text[p.toks[k - 1].start..p.toks[k - 1].end].to_string();
            let right = text[p.toks[k + 1].start..p.toks[k + 1].end].to_string();
            out.push((si, left, vec![right]));
        }
        // "BlackCat/ALPHV" as one token: one actor, two names.
        let word = &text[t.start..t.end];
        if t.capitalised && word.contains('/') {
            let parts: Vec<&str> = word.split('/').filter(|s| s.len() > 1).collect();
            if parts.len() > 1 && parts.iter().all(|s| s.chars().next().is_some_and(char::is_uppercase)) {
                out.push((si, word.to_string(), parts.iter().map(|s| s.to_string()).collect()));
            }
        }
    }
}

/// The alternatives listed in brackets: "also known as APT29, Cozy Bear, and
/// The Dukes", "Volunteers for the Defense of the Fatherland, or VDPs", "TTP".
fn alternatives(inner: &str) -> Vec<String> {
    let lower = inner.to_lowercase();
    let mut rest = inner;
    for opener in ["also known as ", "known as ", "a.k.a. ", "aka ", "formerly known as ", "formerly ", "or "]
    {
        if lower.starts_with(opener) {
            rest = &inner[opener.len()..];
            break;
        }
    }
    let listed = rest.len() < inner.len();
    let mut out = Vec::new();
    for part in rest.split([',', ';']) {
        let part = part.trim();
        let part = part.strip_prefix("and ").or_else(|| part.strip_prefix("or ")).unwrap_or(part).trim();
        let part = part.strip_prefix("the ").unwrap_or(part);
        if part.is_empty() {
            continue;
        }
        let words = part.split_whitespace().count();
        let name_like = part.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !name_like || words > 8 || part.chars().any(|c| matches!(c, '"' | '“' | '”')) {
            return Vec::new();
        }
        out.push(part.to_string());
    }
    // A bare bracket holds one name: "(TTP)", "(Volunteers …, or VDPs)".
    if !listed && out.len() > 2 {
        return Vec::new();
    }
    if !listed && out.len() == 1 && !is_acronym(&out[0]) && out[0].split_whitespace().count() > 1 {
        // "(Armed Conflict Location & Event Data)": a long form after an acronym.
        return out;
    }
    if !listed && out.len() == 1 && !is_acronym(&out[0]) {
        return Vec::new();
    }
    out
}

/// Whether an acronym's letters can come from a long form's words.
fn acronym_fits(acronym: &str, long: &str) -> bool {
    let letters: Vec<char> =
        acronym.chars().filter(|c| c.is_ascii_uppercase()).map(|c| c.to_ascii_lowercase()).collect();
    let initials: String = long
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    !letters.is_empty() && initials.starts_with(letters[0]) || letters.iter().all(|c| initials.contains(*c))
}

/// The name (or lower-case group phrase) that ends right before token `k`.
fn name_before(text: &str, p: &Parsed, k: usize) -> Option<String> {
    let c = p.chunk_of.get(k.checked_sub(1)?).copied().flatten()?;
    let chunk = &p.chunks[c];
    if chunk.end != k {
        return None;
    }
    let mut s = chunk.start;
    while s < chunk.end
        && (matches!(p.toks[s].tag, Tag::Dt | Tag::PrpPoss | Tag::Cd) || p.toks[s].tag == Tag::Pos)
    {
        s += 1;
    }
    // "(SVR) actors (also known as …)": a descriptor after an acronym
    // stands for the acronym's actor.
    if chunk.end - s == 1
        && DESCRIPTOR_HEADS.contains(&p.toks[s].lemma.as_str())
        && s >= 3
        && p.toks[s - 1].tag == Tag::CloseBracket
        && p.toks[s - 3].tag == Tag::OpenBracket
    {
        let acronym = &text[p.toks[s - 2].start..p.toks[s - 2].end];
        return is_acronym(acronym).then(|| acronym.to_string());
    }
    // The proper part of "the Russian Foreign Intelligence Service".
    let run = name_run_within(p, s, chunk.end);
    let (mut a, b) = match run {
        Some((a, b)) if b == chunk.end => (a, b),
        _ => (s, chunk.end),
    };
    // "VEOs Jama’at Nusrat al-Islam wal-Muslimin": an acronym in apposition.
    if b - a >= 3 && is_acronym(&text[p.toks[a].start..p.toks[a].end]) {
        a += 1;
    }
    if a >= b {
        return None;
    }
    let name = text[p.toks[a].start..p.toks[b - 1].end].to_string();
    (!name.is_empty()).then_some(name)
}

/// A token that can be part of a proper name.
fn name_like(p: &Parsed, i: usize) -> bool {
    let t = &p.toks[i];
    if t.tag.is_proper() {
        return true;
    }
    let first = p.first_word() == Some(i);
    // "al-Qaida": a lower-case particle before a capitalised name.
    let capital = t.capitalised || t.inner_capital;
    capital
        && (!first || t.inner_capital)
        && (t.tag.is_noun() || t.tag.is_adj() || t.tag == Tag::Fw || t.tag == Tag::Cd)
}

/// The longest proper-name run inside tokens `a..b`: name-like tokens with
/// connectors ("of", "for", "the", "&", "and" after "of") between them.
fn name_run_within(p: &Parsed, a: usize, b: usize) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut i = a;
    while i < b {
        if !name_like(p, i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < b {
            // "March 23 Movement": a number inside a name.
            let number_inside = p.toks[end].tag == Tag::Cd && end + 1 < b && name_like(p, end + 1);
            if name_like(p, end) || number_inside {
                end += 1;
            } else if end + 1 < b && CONNECTORS.contains(&p.toks[end].lower.as_str()) && name_like(p, end + 1)
            {
                end += 2;
            } else if end + 2 < b
                && CONNECTORS.contains(&p.toks[end].lower.as_str())
                && p.toks[end + 1].lower == "the"
                && name_like(p, end + 2)
            {
                end += 3;
            } else {
                break;
            }
        }
        if best.is_none_or(|(s, e)| end - start > e - s) {
            best = Some((start, end));
        }
        i = end;
    }
    best
}

/// Lower-case words that may sit inside a proper name.
const CONNECTORS: &[&str] =
    &["of", "for", "&", "and", "in", "de", "du", "des", "la", "el", "al", "wal", "wa", "pour"];

/// Words that title a person ("President", "Secretary").
#[rustfmt::skip]
const PERSON_TITLES: &[&str] = &[
    "president", "vice", "secretary", "minister", "prime", "senator", "representative", "rep",
    "sen", "gen", "general", "director", "spokesperson", "spokesman", "ambassador", "chairman",
    "chair", "governor", "mayor", "king", "queen", "prince", "sheikh", "commander", "colonel",
    "admiral", "judge", "justice", "chief", "leader", "dr", "mr", "mrs", "ms", "former", "then",
];

/// Month and weekday names: capitalised, never actors.
#[rustfmt::skip]
const CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
];

/// Proper names of a sentence: the name runs of its chunks and the
/// gazetteer's names.
fn names(
    text: &str,
    p: &Parsed,
    si: usize,
    out: &mut Vec<Seen>,
    descriptors: &mut HashMap<String, Vec<String>>,
) {
    for chunk in &p.chunks {
        let Some((a, b)) = name_run_within(p, chunk.start, chunk.end) else { continue };
        // Trim connectors and titles at the edges.
        let mut a = a;
        let mut b = b;
        while a < b && (CONNECTORS.contains(&p.toks[a].lower.as_str()) || p.toks[a].lower == "the") {
            a += 1;
        }
        while b > a && CONNECTORS.contains(&p.toks[b - 1].lower.as_str()) {
            b -= 1;
        }
        if a >= b {
            continue;
        }
        let person = PERSON_TITLES.contains(&p.toks[a].lower.trim_end_matches('.'));
        let lowers: Vec<&str> = (a..b).map(|i| p.toks[i].lower.as_str()).collect();
        if lowers.iter().all(|w| CALENDAR.contains(w) || w.chars().all(|c| c.is_ascii_digit())) {
            continue;
        }
        // "West African", "North Korean": words of origin, not a name.
        if p.toks[b - 1].tag.is_adj() && !hostile_name(&text[p.toks[a].start..p.toks[b - 1].end]) {
            continue;
        }
        let phrase = strip_suffix(&text[p.toks[a].start..p.toks[b - 1].end]).to_string();
        let words: Vec<&str> = phrase.split_whitespace().collect();
        // A demonym alone ("Russian") names no actor; a state by its demonym
        // with a common noun is handled as a generic group.
        if words.len() == 1
            && (gazetteer::state_of_demonym(words[0]).is_some() || gazetteer::is_demonym_tail(words[0]))
        {
            continue;
        }
        let gaz = gazetteer::known_name(&words, a == p.first_word().unwrap_or(0));
        let nature = if person {
            Nature::Person
        } else {
            match gaz.map(|h| (h.entry, h.via)) {
                Some((Entry::State(_), Via::Demonym)) => continue,
                Some((Entry::State(_), _)) => Nature::State,
                Some((Entry::Group(_), _)) => Nature::Listed,
                Some((Entry::Software(_), _)) => Nature::Software,
                None => classify(&phrase).unwrap_or(Nature::Name),
            }
        };
        let state_of = if nature == Nature::Organ { organ_state(&phrase) } else { None };
        // "the M23 rebels": remember which name "rebels" followed.
        let head = &p.toks[chunk.head];
        if b <= chunk.head && !head.capitalised && nature != Nature::State {
            let n = semantics::noun(&head.lemma);
            if n.hostile() || n.person() {
                let list = descriptors.entry(head.lemma.clone()).or_default();
                if !list.contains(&phrase) && list.len() <= MAX_CANDIDATES {
                    list.push(phrase.clone());
                }
            }
        }
        out.push(Seen { sentence: si, hostile: hostile_name(&phrase), text: phrase, nature, state_of });
    }
    // The gazetteer's names, wherever they stand (a group named in lower
    // case or inside a longer run).
    let words: Vec<&str> = p.toks.iter().map(|t| &text[t.start..t.end]).collect();
    for hit in gazetteer::scan(&words) {
        // "Cox's Bazar": the end of a longer name, not the malware.
        let inside_name =
            hit.start > 0 && (p.toks[hit.start - 1].tag == Tag::Pos || p.toks[hit.start - 1].tag.is_proper());
        if matches!(hit.entry, Entry::Software(_)) && inside_name {
            continue;
        }
        let nature = match hit.entry {
            Entry::State(_) if hit.via == Via::Demonym => continue,
            Entry::State(_) => Nature::State,
            Entry::Group(_) => Nature::Listed,
            Entry::Software(_) => Nature::Software,
        };
        let phrase = text[p.toks[hit.start].start..p.toks[hit.start + hit.len - 1].end].to_string();
        out.push(Seen {
            sentence: si,
            hostile: nature == Nature::Listed,
            text: phrase,
            nature,
            state_of: None,
        });
    }
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

/// Word suffixes that attach a name to a participle: "Al-Qaida-linked".
#[rustfmt::skip]
const NAME_SUFFIXES: &[&str] = &[
    "linked", "led", "affiliated", "backed", "inspired", "aligned", "related", "allied", "style",
    "controlled", "held", "based", "sponsored", "associated", "connected", "run", "dominated",
];

/// Groups named by a common noun: chunks whose head is a noun of wrongdoing
/// ("gangs", "adversaries", "militias") or a group noun with a hostile
/// modifier ("antidemocratic actors", "terrorist groups"), and a state's
/// institutions named by their demonym ("Pakistani security forces").
fn generic_groups(text: &str, p: &Parsed, si: usize, out: &mut Vec<Seen>) {
    for chunk in &p.chunks {
        let head = &p.toks[chunk.head];
        // A capitalised head is a name, or a label in title case.
        if !head.tag.is_noun() || head.tag.is_proper() || head.capitalised {
            continue;
        }
        let lemma = head.lemma.as_str();
        let noun = semantics::noun(lemma);
        // Modifiers: adjectives and nouns before the head, after determiners.
        let mut a = chunk.start;
        while a < chunk.head
            && matches!(p.toks[a].tag, Tag::Dt | Tag::PrpPoss | Tag::Pdt | Tag::Cd | Tag::Pos)
        {
            a += 1;
        }
        // A named actor in front ("TTP militants", "M23 rebels") makes it that actor's.
        if (a..chunk.head).any(|i| {
            let word = &text[p.toks[i].start..p.toks[i].end];
            (p.toks[i].tag.is_proper() || p.toks[i].capitalised && i > 0)
                && gazetteer::state_of_demonym(word).is_none()
                && gazetteer::state(word).is_none()
        }) {
            continue;
        }
        let modifiers: Vec<usize> = (a..chunk.head).collect();
        let hostile_modifier = modifiers.iter().any(|&i| {
            let t = &p.toks[i];
            semantics::adjective(&t.lemma).hostile()
                || (t.tag.is_noun() && semantics::noun(&t.lemma).hostile())
        });
        let demonym = modifiers.iter().find_map(|&i| {
            let word = &text[p.toks[i].start..p.toks[i].end];
            gazetteer::state_of_demonym(word).or_else(|| gazetteer::state(word)).map(|s| s.name.to_string())
        });
        // "Pakistan's security agencies": a state's own.
        let demonym = demonym.or_else(|| {
            let owner =
                p.chunks.iter().position(|c| c.end + 1 == chunk.start && p.toks[c.end].tag == Tag::Pos)?;
            let o = &p.chunks[owner];
            let word = &text[p.toks[o.start].start..p.toks[o.end - 1].end];
            gazetteer::state(word.trim_start_matches("the ")).map(|s| s.name.to_string())
        });
        let agentive = noun.person() || noun.group() || noun.institution() || AGENT_HEADS.contains(&lemma);
        let hostile = noun.hostile() || (agentive && hostile_modifier);
        let organ =
            demonym.is_some() && (noun.institution() || ORGAN_WORDS.contains(&lemma) && head.tag == Tag::Nns);
        // Other groups of people named with a modifier ("state security
        // forces", "antidemocratic actors"): kept as candidates, threats only
        // on the evidence of what they do.
        let real_modifier = modifiers.iter().any(|&i| {
            !QUANTIFIERS.contains(&p.toks[i].lower.as_str())
                && !p.toks[i].tag.is_adv()
                && p.toks[i].tag != Tag::Cd
        });
        let collective = head.tag == Tag::Nns || noun.institution();
        let described = agentive && real_modifier && collective && !noun.place();
        if !(hostile || organ || described) {
            continue;
        }
        // Start after adverbs and quantifiers: "more capable non-state
        // actors" → "capable non-state actors"; "encourage other criminal
        // actors" (a verb the tagger took into the chunk) → "criminal actors".
        if let Some(q) = (a..chunk.head).rev().find(|&i| QUANTIFIERS.contains(&p.toks[i].lower.as_str())) {
            a = q + 1;
        }
        while a < chunk.head && p.toks[a].tag.is_adv() {
            a += 1;
        }
        let phrase = text[p.toks[a].start..p.toks[chunk.end - 1].end].to_string();
        let nature = if organ { Nature::Organ } else { Nature::Generic };
        out.push(Seen { sentence: si, text: phrase, nature, state_of: demonym.filter(|_| organ), hostile });
    }
}

/// Nouns for people who act, that the word classes do not file as persons or groups.
const AGENT_HEADS: &[&str] =
    &["actor", "actors", "operative", "proxy", "affiliate", "elite", "element", "cell"];

/// Words before a group noun that say how many, not which.
#[rustfmt::skip]
const QUANTIFIERS: &[&str] = &[
    "more", "most", "other", "some", "many", "several", "various", "numerous", "all", "any",
    "few", "such", "certain", "these", "those", "both", "each",
];

/// Names the author lists under a heading about threats, risks or actors:
/// bold leads of its items and paragraphs, and its subheadings.
fn listed_threats(doc: &Document, book: &mut Book) {
    let mut listed: Vec<(String, Vec<usize>)> = Vec::new();
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        let Some(heading) = para.heading.as_deref().map(str::to_lowercase) else { continue };
        if !super::text::names_threats(&heading) || para.section == Some(Section::Recommendations) {
            continue;
        }
        let Some(name) = para.lead.clone().or_else(|| para.subheading.clone()) else { continue };
        let name =
            name.split(" (").next().unwrap_or(&name).trim().trim_end_matches(['.', ':', ',']).to_string();
        let name = name.strip_prefix("The ").map(str::to_string).unwrap_or(name);
        if name.is_empty() || name.split_whitespace().count() > 6 {
            continue;
        }
        match listed.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(&name)) {
            Some((_, paras)) => paras.push(pi),
            None => listed.push((name, vec![pi])),
        }
    }
    for (name, paragraphs) in listed {
        let i = match book.unify(&name) {
            Some(i) => i,
            None if classify(&name) == Some(Nature::State) => continue,
            None => {
                let mut d = Draft::new(&name, Nature::Name);
                d.risk = is_risk_name(&name);
                d.hostile_name = hostile_name(&name);
                book.push(d)
            }
        };
        book.drafts[i].listed = true;
        book.drafts[i].home.extend(paragraphs);
    }
}

/// A listed name that is a trend or weakness, not a group: no capitalised
/// word after the first and no group noun ("Cross-border spread").
fn is_risk_name(name: &str) -> bool {
    let ws: Vec<&str> = name.split_whitespace().collect();
    let group = ws.iter().any(|w| {
        let lower = singular(&w.to_lowercase());
        let n = semantics::noun(&lower);
        n.group() || n.hostile() || n.person()
    });
    let proper = ws.len() == 1
        && ws[0].chars().next().is_some_and(char::is_uppercase)
        && !ws[0].chars().skip(1).all(char::is_lowercase)
        || ws.iter().skip(1).any(|w| w.chars().next().is_some_and(char::is_uppercase));
    !group && !proper && ws.len() > 1
}

// ---------------------------------------------------------------------------
// 2. Mentions

/// A mention of an actor: sentence, token range.
#[derive(Debug, Clone, Copy)]
struct Mention {
    actor: usize,
    form: usize,
    sentence: usize,
    start: usize,
    end: usize,
}

/// A trie of the actors' forms over interned token keys.
struct Matcher {
    ids: HashMap<String, u32>,
    edges: HashMap<(u32, u32), u32>,
    /// For each node, the (actor, form) a form ending there names.
    ends: Vec<Option<(usize, usize)>>,
}

impl Matcher {
    fn new(drafts: &[Draft]) -> Self {
        let mut m = Matcher { ids: HashMap::new(), edges: HashMap::new(), ends: vec![None] };
        for (ai, d) in drafts.iter().enumerate() {
            for (fi, f) in d.forms.iter().enumerate() {
                let ts = tokens(f);
                if ts.is_empty() {
                    continue;
                }
                let mut node = 0u32;
                for t in ts {
                    let next_id = m.ids.len() as u32;
                    let id = *m.ids.entry(t).or_insert(next_id);
                    let next_node = m.ends.len() as u32;
                    node = *m.edges.entry((node, id)).or_insert_with(|| next_node);
                    if node as usize == m.ends.len() {
                        m.ends.push(None);
                    }
                }
                m.ends[node as usize].get_or_insert((ai, fi));
            }
        }
        m
    }

    /// Every mention, longest match first, left to right.
    fn find_all(&self, doc: &Document, parsed: &[Parsed], drafts: &[Draft]) -> Vec<Mention> {
        let mut out = Vec::new();
        for (si, p) in parsed.iter().enumerate() {
            let text = &doc.sentences[si].text;
            let ids: Vec<Option<u32>> = p
                .toks
                .iter()
                .map(|t| {
                    let k = token_key(strip_suffix(&text[t.start..t.end]));
                    self.ids.get(&k).copied()
                })
                .collect();
            let mut i = 0;
            while i < ids.len() {
                let mut node = 0u32;
                let mut best = None;
                let mut j = i;
                while j < ids.len() {
                    // "the" inside a name is skipped by the keys, so skip it here too.
                    if p.toks[j].lower == "the" && j > i {
                        j += 1;
                        continue;
                    }
                    let Some(id) = ids[j] else { break };
                    let Some(&next) = self.edges.get(&(node, id)) else { break };
                    node = next;
                    j += 1;
                    if let Some(hit) = self.ends[node as usize] {
                        // A proper name is met capitalised: "Networks" the
                        // label is not "networks" the word.
                        let (actor, form) = hit;
                        let written = &drafts[actor].forms[form];
                        let proper = written.chars().next().is_some_and(char::is_uppercase);
                        if !proper || p.toks[i].capitalised || p.toks[i].inner_capital {
                            best = Some((hit, j));
                        }
                    }
                }
                match best {
                    Some(((actor, form), end)) => {
                        out.push(Mention { actor, form, sentence: si, start: i, end });
                        i = end;
                    }
                    None => i += 1,
                }
            }
        }
        out
    }
}

fn count(mentions: &[Mention], drafts: &mut [Draft]) {
    for m in mentions {
        let d = &mut drafts[m.actor];
        d.mentions += 1;
        d.form_counts[m.form] += 1;
        if d.sentences.last() != Some(&m.sentence) {
            d.sentences.push(m.sentence);
        }
    }
}

// ---------------------------------------------------------------------------
// 3. Evidence

/// Who each chunk of a sentence names.
struct Who {
    /// For each chunk, the actor it names.
    chunk: Vec<Option<usize>>,
    /// For each chunk, an actor named in front of another head ("HAMAS" in
    /// "HAMAS attacks").
    modifier: Vec<Option<usize>>,
}

fn who(p: &Parsed, mentions: &[Mention], prev_subject: Option<usize>, drafts: &[Draft]) -> Who {
    let mut chunk: Vec<Option<usize>> = vec![None; p.chunks.len()];
    let mut modifier: Vec<Option<usize>> = vec![None; p.chunks.len()];
    for m in mentions {
        let Some(c) = p.chunk_of.get(m.start).copied().flatten() else { continue };
        let head = p.chunks[c].head;
        // The mention is the chunk ("the TTP"), or names it through a
        // descriptor ("TTP militants", "SVR actors").
        // A state before "forces" or "officials" names its institution, not itself.
        let head_noun = semantics::noun(&p.toks[head].lemma);
        let descriptor = (DESCRIPTOR_HEADS.contains(&p.toks[head].lemma.as_str())
            || head_noun.group()
            || head_noun.hostile())
            && drafts[m.actor].nature != Nature::State
            && !p.toks[head].capitalised;
        if (m.start..m.end).contains(&head) || descriptor {
            chunk[c] = Some(m.actor);
        } else if m.end <= head {
            modifier[c].get_or_insert(m.actor);
        }
    }
    // "it", "they", "the group": the actor the sentence or the one before was about.
    for (c, ch) in p.chunks.iter().enumerate() {
        if chunk[c].is_some() {
            continue;
        }
        let head = &p.toks[ch.head];
        let anaphor = matches!(head.lower.as_str(), "it" | "they")
            || (ch.end - ch.start == 2
                && p.toks[ch.start].lower == "the"
                && ANAPHORIC_HEADS.contains(&head.lemma.as_str()));
        if anaphor {
            // The sentence's own subject first ("ISSP remains entrenched …
            // along the border with Niger, where it kills civilians"), then
            // the one before, then the nearest name.
            let own_subject = p
                .clauses
                .iter()
                .find(|cl| cl.first < ch.start)
                .and_then(|cl| cl.subject.iter().find_map(|&s| (s < c).then_some(chunk[s]).flatten()));
            chunk[c] = own_subject.or(prev_subject).or_else(|| (0..c).rev().find_map(|k| chunk[k]));
        }
    }
    Who { chunk, modifier }
}

/// Heads that describe the actor named in front of them ("Conti actors").
#[rustfmt::skip]
const DESCRIPTOR_HEADS: &[&str] = &[
    "actor", "actors", "operator", "affiliate", "member", "fighter", "militant", "leader",
    "commander", "cell", "operative", "hacker", "group", "ransomware", "network", "faction",
    "force", "unit", "official", "government", "authority", "leadership", "regime", "militia",
];

/// Heads that refer back to an actor after "the" ("the group").
#[rustfmt::skip]
const ANAPHORIC_HEADS: &[&str] = &[
    "group", "organization", "organisation", "movement", "network", "outfit", "cartel", "gang",
    "militia", "actor", "actors", "regime", "insurgent", "militant",
];

fn gather_evidence(doc: &Document, parsed: &[Parsed], mentions: &[Mention], drafts: &mut [Draft]) {
    let mut by_sentence: Vec<Vec<Mention>> = vec![Vec::new(); parsed.len()];
    for m in mentions {
        by_sentence[m.sentence].push(*m);
    }
    // Each state's draft by the state's gazetteer name, for demonyms.
    let mut states: HashMap<&'static str, usize> = HashMap::new();
    for (i, d) in drafts.iter().enumerate().filter(|(_, d)| d.nature == Nature::State) {
        for f in &d.forms {
            if let Some(s) = gazetteer::state(f) {
                states.entry(s.name).or_insert(i);
            }
        }
    }
    let mut prev_subject: Option<usize> = None;
    let mut prev_para = usize::MAX;
    for (si, p) in parsed.iter().enumerate() {
        if doc.sentences[si].para != prev_para {
            prev_subject = None;
            prev_para = doc.sentences[si].para;
        }
        let text = &doc.sentences[si].text;
        let w = who(p, &by_sentence[si], prev_subject, drafts);
        // References back ("they", "the group") count towards how often
        // the brief speaks of an actor; so does standing as a phrase of its
        // own, not only as a word in front of another ("the Israel–HAMAS war").
        for (c, ch) in p.chunks.iter().enumerate() {
            if let Some(a) = w.chunk[c] {
                drafts[a].heads += 1;
                if !by_sentence[si].iter().any(|m| (ch.start..ch.end).contains(&m.start)) {
                    drafts[a].references += 1;
                }
            }
        }
        // Whether a chunk names a hostile group, or a harm ("neutralize
        // Al-Qaida-linked threats", "disrupt terrorist financing"): acting
        // against it is countering.
        let hostile_chunk = |c: usize, drafts: &[Draft]| -> bool {
            match w.chunk[c] {
                Some(a) => drafts[a].hostile_name,
                None => {
                    let ch = &p.chunks[c];
                    let head = &p.toks[ch.head];
                    w.modifier[c].is_some_and(|a| drafts[a].hostile_name)
                        || semantics::noun(&head.lemma).harm()
                        || semantics::noun(&head.lemma).hostile()
                        || (ch.start..ch.head).any(|i| {
                            semantics::adjective(&p.toks[i].lemma).hostile() && p.toks[i].tag.is_adj()
                        })
                        || (ch.start..ch.head)
                            .any(|i| p.toks[i].tag.is_noun() && semantics::noun(&p.toks[i].lemma).hostile())
                }
            }
        };
        let mut first_subject = None;
        for clause in &p.clauses {
            clause_evidence(text, p, clause, &w, drafts, &hostile_chunk, &mut first_subject);
        }
        allies(text, p, &by_sentence[si], drafts, &states);
        nominal_evidence(text, p, &w, drafts, &states, &hostile_chunk);
        cue_evidence(p, &by_sentence[si], drafts);
        if let Some(s) = first_subject {
            prev_subject = Some(s);
        }
    }
}

/// Short reason text: the verb and whom it was done to.
fn because(text: &str, p: &Parsed, verb: usize, patient: Option<usize>) -> String {
    let v = &text[p.toks[verb].start..p.toks[verb].end];
    match patient {
        Some(c) => format!("{v} {}", shorten(p.chunk_text(text, c), 40)),
        None => v.to_string(),
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

#[allow(clippy::too_many_arguments)]
fn clause_evidence(
    text: &str,
    p: &Parsed,
    clause: &Clause,
    w: &Who,
    drafts: &mut [Draft],
    hostile_chunk: &dyn Fn(usize, &[Draft]) -> bool,
    first_subject: &mut Option<usize>,
) {
    let (agents, patients): (Vec<usize>, Vec<usize>) = if clause.passive {
        (clause.agent.clone(), clause.subject.clone())
    } else {
        let mut patients = clause.object.clone();
        // "attacks against civilians", "firing into Israel", "compete with the United States".
        let rivalry = matches!(
            p.toks[clause.then.unwrap_or(clause.verb)].lemma.as_str(),
            "compete" | "clash" | "fight" | "interfere" | "meddle" | "collude"
        );
        for &(prep, c) in &clause.preps {
            let word = p.toks[prep].lower.as_str();
            if matches!(word, "against" | "on" | "into" | "at" | "upon") || (rivalry && word == "with") {
                patients.push(c);
            }
        }
        (clause.subject.clone(), patients)
    };
    for &c in &clause.subject {
        if let Some(a) = w.chunk[c] {
            drafts[a].subject_mentions += 1;
            first_subject.get_or_insert(a);
        }
    }
    // "threatened to leave", "continue to operate": the verb after "to" says
    // what is done.
    let lemmas: Vec<&str> = match clause.then {
        Some(t) => vec![p.toks[t].lemma.as_str()],
        None => vec![p.toks[clause.verb].lemma.as_str()],
    };
    let verb_tok = clause.then.unwrap_or(clause.verb);
    let classes: Vec<semantics::VerbClasses> = lemmas.iter().map(|l| semantics::verb(l)).collect();
    // "carried out missile and drone attacks", "waged a campaign of violence".
    // "answered with water cannon, ramming and blocking manoeuvres".
    let harmful = |c: usize| {
        let head = p.head_lemma(c);
        semantics::noun(head).harm()
            || HARM_EVENT_HEADS.contains(&head)
            || head.strip_suffix("ing").is_some_and(|stem| {
                semantics::verb(stem).harm() || semantics::verb(&format!("{stem}e")).harm() || {
                    // "ramming" → "ram"
                    let mut s = stem.to_string();
                    s.pop();
                    semantics::verb(&s).harm()
                }
            })
    };
    let performs_harm = lemmas.iter().any(|l| LIGHT_VERBS.contains(l))
        && (clause.object.iter().any(|&c| harmful(c))
            || clause
                .preps
                .iter()
                .any(|&(k, c)| matches!(p.toks[k].lower.as_str(), "with" | "through") && harmful(c)));
    let designating = lemmas.iter().any(|l| DESIGNATING_VERBS.contains(l));
    let damaging = designating
        || classes.iter().any(|c| c.harm() || c.counter())
        || lemmas.iter().any(|l| ADVERSARIAL_VERBS.contains(l))
        || performs_harm;
    let helping = classes.iter().any(|c| c.help());
    let sheltering = classes.iter().any(|c| c.shelter());
    let saying = classes.iter().any(|c| c.say());
    let copula = COPULAS.contains(&p.toks[clause.verb].lemma.as_str()) && !clause.passive;

    // The addressee of advice: "Congress should", "Pakistan needs to". A
    // threat is not advised ("JNIM no longer needs to capture cities").
    if clause.modal.is_some_and(|m| ADVISING_MODALS.contains(&p.toks[m].lower.as_str())) && !clause.negated {
        for &c in &clause.subject {
            if let Some(a) = w.chunk[c]
                && !drafts[a].hostile_name
            {
                drafts[a].evidence.addressed += 1.0;
            }
        }
    }
    if copula {
        // "Iran will remain a regional menace", "X is a threat to …".
        let complement = clause.object.first().copied();
        if let Some(comp) = complement {
            let head = p.head_lemma(comp);
            // "a threat", "a regional menace", "an aggressive and unpredictable actor".
            let ch = &p.chunks[comp];
            let hostile_adjective = (ch.start..ch.head).any(|i| {
                p.toks[i].tag.is_adj()
                    && (semantics::adjective(&p.toks[i].lemma).hostile() || p.toks[i].lower == "disruptive")
            });
            let threatish =
                THREAT_NOUNS.contains(&head) || semantics::noun(head).hostile() || hostile_adjective;
            let partnerish = PARTNER_NOUNS.contains(&head);
            for &c in &clause.subject {
                if let Some(a) = w.chunk[c] {
                    if threatish && !clause.negated {
                        drafts[a].evidence.called_threat += 2.0;
                        note(
                            &mut drafts[a].evidence,
                            format!("called {}", shorten(p.chunk_text(text, comp), 40)),
                        );
                    } else if partnerish {
                        drafts[a].evidence.partners += 2.0;
                    }
                }
            }
        }
        return;
    }
    if clause.negated {
        return;
    }
    if damaging {
        let hostile_patients = patients.iter().filter(|&&c| hostile_chunk(c, drafts)).count();
        // "fueled the crisis", "triggered the war": causing a harm is no
        // countering of it.
        let causing = lemmas.iter().any(|l| CAUSATIVE_VERBS.contains(l));
        let against_hostile = !causing && !patients.is_empty() && hostile_patients * 2 >= patients.len();
        let patient = patients.first().copied();
        for &c in &agents {
            let Some(a) = w.chunk[c] else { continue };
            if against_hostile || designating {
                drafts[a].evidence.counters += 1.0;
            } else {
                // Arresting or silencing people who are not hostile is repression.
                let weight = if classes.iter().any(|c| c.harm()) || performs_harm {
                    2.0
                } else if classes.iter().any(|c| c.counter()) && !patients.is_empty() {
                    1.5
                } else {
                    1.0
                };
                drafts[a].evidence.harm += weight;
                note(&mut drafts[a].evidence, because(text, p, verb_tok, patient));
            }
        }
        for &c in &patients {
            let Some(a) = w.chunk[c] else { continue };
            let agent_hostile = agents.iter().any(|&g| hostile_chunk(g, drafts));
            if agent_hostile || agents.is_empty() && !against_hostile {
                drafts[a].evidence.victim += 1.0;
            } else if !agent_hostile && (designating || classes.iter().any(|c| c.counter())) {
                drafts[a].evidence.countered += 1.0;
                note(&mut drafts[a].evidence, because(text, p, verb_tok, None));
            }
        }
    }
    if helping || sheltering {
        let helps_threat = patients
            .iter()
            .chain(clause.preps.iter().filter(|(k, _)| p.toks[*k].lower == "to").map(|(_, c)| c))
            .any(|&c| hostile_chunk(c, drafts));
        for &c in &agents {
            if let Some(a) = w.chunk[c] {
                if helps_threat {
                    drafts[a].evidence.enables += if sheltering { 2.0 } else { 1.0 };
                    note(&mut drafts[a].evidence, because(text, p, verb_tok, patients.first().copied()));
                } else if helping {
                    drafts[a].evidence.partners += 0.5;
                }
            }
        }
    }
    if saying {
        for &c in &agents {
            if let Some(a) = w.chunk[c] {
                drafts[a].evidence.says += 1.0;
            }
        }
    }
}

/// States that act together: "U.S.-Israeli strikes" (a compound of two
/// states' names), and states named side by side in a sentence about a
/// joint act ("U.S. and Israeli military action").
fn allies(
    text: &str,
    p: &Parsed,
    mentions: &[Mention],
    drafts: &mut [Draft],
    states: &HashMap<&'static str, usize>,
) {
    let state_of =
        |word: &str| gazetteer::state(word).or_else(|| gazetteer::state_of_demonym(word)).map(|s| s.name);
    for (k, t) in p.toks.iter().enumerate() {
        let word = &text[t.start..t.end];
        if !word.contains('-') {
            continue;
        }
        // Only a joint act: "U.S.-Israeli strikes", not "U.S.-Iran talks".
        let joint_act = p.chunk_of[k].is_some_and(|c| {
            let head = p.head_lemma(c);
            semantics::noun(head).harm() || HARM_EVENT_HEADS.contains(&head) || head == "action"
        });
        if !joint_act {
            continue;
        }
        let named: Vec<&str> = word.split(['-', '–']).filter_map(state_of).collect();
        if named.len() < 2 {
            continue;
        }
        for a in &named {
            for b in &named {
                if a != b
                    && let Some(&i) = states.get(a)
                    && !drafts[i].evidence.allied.iter().any(|x| x == b)
                {
                    drafts[i].evidence.allied.push((*b).to_string());
                }
            }
        }
    }
    // "U.S. and Israeli military action against Iran": two states joined by
    // "and" before a noun of harm.
    for w in mentions.windows(2) {
        let (a, b) = (w[0], w[1]);
        let joined = b.start == a.end + 1 && p.toks[a.end].lower == "and";
        let before_harm = p.chunk_of.get(b.start).copied().flatten().is_some_and(|c| {
            let head = p.head_lemma(c);
            semantics::noun(head).harm() || HARM_EVENT_HEADS.contains(&head) || head == "action"
        });
        if joined
            && before_harm
            && drafts[a.actor].nature == Nature::State
            && drafts[b.actor].nature == Nature::State
        {
            let (na, nb) = (drafts[a.actor].forms[0].clone(), drafts[b.actor].forms[0].clone());
            drafts[a.actor].evidence.allied.push(nb);
            drafts[b.actor].evidence.allied.push(na);
        }
    }
}

fn note(e: &mut Evidence, why: String) {
    if e.because.len() < 3 && !e.because.contains(&why) {
        e.because.push(why);
    }
}

/// What a state owns when the author speaks for it: "U.S. interests",
/// "Pakistan's security agencies", "our allies".
#[rustfmt::skip]
const OWN_HEADS: &[&str] = &[
    "interest", "policy", "ally", "partner", "government", "official", "force", "military",
    "agency", "security", "homeland", "network", "citizen", "support", "assistance", "law",
    "leadership", "primacy", "program", "programme", "funding", "infrastructure", "effort",
    "strategy", "authority", "readiness", "negotiator", "demand", "cooperation", "operation",
    "economy", "intelligence", "diplomat", "embassy", "troop", "soldier", "personnel",
];

/// Nouns that call an actor a threat in "X is a …".
#[rustfmt::skip]
const THREAT_NOUNS: &[&str] = &[
    "threat", "menace", "danger", "adversary", "enemy", "foe", "aggressor", "risk", "challenge",
    "rival", "competitor", "sponsor",
];

/// Verbs that list an actor as a terrorist or criminal organisation: acts
/// against it, like the verbs of countering.
const DESIGNATING_VERBS: &[&str] = &["designate", "proscribe", "blacklist", "list", "indict", "charge"];

/// Verbs that carry out what their object names: "carried out attacks",
/// "waged war", "launched an offensive".
#[rustfmt::skip]
const LIGHT_VERBS: &[&str] = &[
    "carry", "conduct", "launch", "perpetrate", "commit", "stage", "mount", "wage", "undertake",
    "orchestrate", "plot", "plan", "claim", "escalate", "intensify", "step", "control", "run",
    "operate", "answer", "respond", "engage",
];

/// Nouns that call an actor a partner.
const PARTNER_NOUNS: &[&str] = &["partner", "ally", "friend", "supporter", "donor"];

/// Verbs that join a subject to what it is.
const COPULAS: &[&str] = &["be", "remain", "become", "stay", "constitute", "represent", "pose"];

/// Modals that advise rather than predict.
const ADVISING_MODALS: &[&str] = &["should", "must", "need", "needs", "ought", "has", "have"];

/// Verbs of opposition to an order or a rival that the word classes do not
/// file as harms ("challenging longstanding rules", "undermine the United States").
#[rustfmt::skip]
const ADVERSARIAL_VERBS: &[&str] = &[
    "challenge", "undermine", "destabilize", "destabilise", "subvert", "coerce", "intimidate", "compete",
    "disrupt", "exploit", "target", "compromise", "scan", "breach", "infiltrate", "encrypt",
    "steal", "menace", "erode", "weaken", "deceive", "manipulate", "fuel", "escalate",
];

/// Evidence from noun phrases: "attacks by X", "X's aggression", "threats
/// from X", "attacks on Y".
fn nominal_evidence(
    text: &str,
    p: &Parsed,
    w: &Who,
    drafts: &mut [Draft],
    states: &HashMap<&'static str, usize>,
    hostile_chunk: &dyn Fn(usize, &[Draft]) -> bool,
) {
    for (c, ch) in p.chunks.iter().enumerate() {
        let head = &p.toks[ch.head];
        // "U.S. interests", "Pakistan's security agencies": a state speaking
        // of what is its own.
        let owner = ch.possessor.and_then(|o| w.chunk[o]).or(w.modifier[c]);
        if let Some(a) = owner
            && drafts[a].nature == Nature::State
            && OWN_HEADS.contains(&head.lemma.as_str())
        {
            drafts[a].evidence.own += 1.0;
        }
        let harm_head =
            semantics::noun(&head.lemma).harm() || HARM_EVENT_HEADS.contains(&head.lemma.as_str());
        if !harm_head {
            continue;
        }
        let threat_word = THREAT_NOUNS.contains(&head.lemma.as_str());
        // The agent in front: "X's attacks", "TTP attacks", "Iran's disruption".
        let mut agents: Vec<usize> = Vec::new();
        if let Some(owner) = ch.possessor
            && let Some(a) = w.chunk[owner]
        {
            agents.push(a);
        }
        // "the Ukraine conflict", "the Ukrainian war": a war or a conflict
        // named by a state is where it is fought, not who wages it.
        let where_fought = SYMMETRIC_HEADS.contains(&head.lemma.as_str());
        // A name before the head: "HAMAS attacks", "Conti ransomware attacks";
        // a state's name there says where ("the Kabul airport bombing"),
        // its people's name says who ("Russian aggression", below).
        if let Some(a) = w.modifier[c]
            && drafts[a].nature != Nature::State
        {
            agents.push(a);
        }
        // A people's name before it: "Chinese coercion", "Russian aggression".
        for i in (ch.start..ch.head).filter(|_| !where_fought) {
            let word = &text[p.toks[i].start..p.toks[i].end];
            if let Some(state) = gazetteer::state_of_demonym(word)
                && let Some(&a) = states.get(state.name)
            {
                agents.push(a);
            }
        }
        // After the head: "by X", "posed by X", "threats from X"; "on/against/to Y".
        let mut k = ch.end;
        let mut patients: Vec<usize> = Vec::new();
        let mut hops = 0;
        while k + 1 < p.toks.len() && hops < 2 {
            let mut prep = p.toks[k].lower.as_str();
            let mut next = k + 1;
            if matches!(prep, "posed" | "carried" | "conducted" | "perpetrated" | "launched")
                && p.is(k + 1, "by")
            {
                next = k + 2;
                prep = "by";
            }
            let Some(target) = p.chunk_of.get(next).copied().flatten() else { break };
            match prep {
                "by" => {
                    if let Some(a) = w.chunk[target] {
                        agents.push(a);
                    }
                }
                // "threats from China"; "attacks from Afghanistan" names a place.
                "from" if threat_word => {
                    if let Some(a) = w.chunk[target] {
                        agents.push(a);
                    }
                }
                "on" | "against" | "to" | "upon" => patients.push(target),
                // "the killing of civilians": a patient.
                "of" if !threat_word => patients.push(target),
                _ => break,
            }
            k = p.chunks[target].end;
            hops += 1;
        }
        let against_hostile = !patients.is_empty() && patients.iter().all(|&t| hostile_chunk(t, drafts));
        agents.dedup();
        for a in agents {
            if against_hostile {
                drafts[a].evidence.counters += 0.5;
            } else {
                drafts[a].evidence.harm += 1.0;
                let what = shorten(p.chunk_text(text, c), 40);
                note(&mut drafts[a].evidence, what);
            }
        }
        for t in patients {
            if let Some(a) = w.chunk[t] {
                drafts[a].evidence.victim += 0.5;
            }
        }
    }
}

/// Verbs of causing or worsening: done to a harm, they make it.
#[rustfmt::skip]
const CAUSATIVE_VERBS: &[&str] = &[
    "fuel", "trigger", "exacerbate", "escalate", "spark", "provoke", "stoke", "incite", "cause",
    "worsen", "inflame", "aggravate", "prolong", "instigate", "foment",
];

/// Harms that two sides wage on each other: named by a state, they say
/// where, not who.
const SYMMETRIC_HEADS: &[&str] = &["war", "conflict", "fighting", "hostility", "clash", "battle", "crisis"];

/// Nouns of harmful events the word classes may miss.
#[rustfmt::skip]
const HARM_EVENT_HEADS: &[&str] = &[
    "attack", "threat", "strike", "aggression", "campaign", "operation", "disruption",
    "intrusion", "incursion", "activity", "plot", "exploitation", "targeting", "compromise",
    "breach", "influence", "interference", "coercion",
];

/// Words of threat in the same sentence as a mention: weak evidence, used to
/// keep an unknown name that keeps company with violence.
fn cue_evidence(p: &Parsed, mentions: &[Mention], drafts: &mut [Draft]) {
    for m in mentions {
        let lo = m.start.saturating_sub(6);
        let hi = (m.end + 6).min(p.toks.len());
        let cues = (lo..hi)
            .filter(|&i| i < m.start || i >= m.end)
            .filter(|&i| {
                let t = &p.toks[i];
                (t.tag.is_noun() && (semantics::noun(&t.lemma).harm() || semantics::noun(&t.lemma).hostile()))
                    || (t.tag.is_verb() && semantics::verb(&t.lemma).harm())
            })
            .count();
        drafts[m.actor].evidence.cues += cues.min(3) as f64 * 0.25;
    }
    // Words of shelter and support near a name in a sentence that also names
    // a hostile group: "the Afghan Taliban's alleged provision of shelter and
    // logistical support to TTP militants".
    for m in mentions {
        let others_hostile = mentions.iter().any(|o| o.actor != m.actor && drafts[o.actor].hostile_name);
        if !others_hostile || drafts[m.actor].hostile_name && drafts[m.actor].nature == Nature::Listed {
            continue;
        }
        let lo = m.start.saturating_sub(8);
        let hi = (m.end + 8).min(p.toks.len());
        let cues = (lo..hi)
            .filter(|&i| i < m.start || i >= m.end)
            .filter(|&i| {
                let t = &p.toks[i];
                let stem: String = t.lemma.chars().take(5).collect();
                let v = semantics::verb(&t.lemma);
                v.shelter()
                    || v.help()
                    || (t.tag.is_noun() && semantics::help_verb_stems().contains(stem.as_str()))
            })
            .count();
        drafts[m.actor].evidence.enables += (cues as f64 * 0.5).min(1.5);
    }
    harbour_evidence(p, mentions, drafts);
}

/// Nouns of a place where a hostile group shelters; they mark hostility by
/// themselves ("safe havens in Afghanistan").
const HAVEN_NOUNS: &[&str] = &["haven", "sanctuary", "hideout", "stronghold", "hideaway"];

/// Nouns and verbs of a group's presence, which mark a host only beside a
/// hostile group or word ("TTP leaders operate freely within Afghanistan",
/// "militant camps in Syria").
#[rustfmt::skip]
const PRESENCE_WORDS: &[&str] = &[
    "base", "camp", "shelter", "refuge", "presence", "operate", "hide", "train", "regroup",
    "headquarter", "harbor", "harbour", "reside", "sheltered",
];

/// A state named as the place a hostile group shelters, operates or attacks
/// from: "its safe havens in Afghanistan", "handlers based in Afghanistan",
/// "training camps across Afghanistan", "attacks from Afghanistan". The preposition must come right before the
/// state's name; the cue word up to five words before the preposition.
fn harbour_evidence(p: &Parsed, mentions: &[Mention], drafts: &mut [Draft]) {
    let hostile: Vec<String> = mentions
        .iter()
        .filter(|o| drafts[o.actor].hostile_name && drafts[o.actor].nature != Nature::State)
        .map(|o| drafts[o.actor].forms[0].clone())
        .collect();
    let hostile_word = p.toks.iter().any(|t| t.tag.is_noun() && semantics::noun(&t.lemma).hostile());
    for m in mentions {
        if drafts[m.actor].nature != Nature::State || m.start == 0 {
            continue;
        }
        let prep = p.toks[m.start - 1].lower.as_str();
        if !matches!(prep, "in" | "within" | "inside" | "across" | "throughout" | "from") {
            continue;
        }
        let window = m.start.saturating_sub(6)..m.start - 1;
        let haven = window
            .clone()
            .any(|i| p.toks[i].tag.is_noun() && HAVEN_NOUNS.contains(&p.toks[i].lemma.as_str()));
        let presence = window.clone().any(|i| PRESENCE_WORDS.contains(&p.toks[i].lemma.as_str()));
        // "attacks from Afghanistan": harm launched from the place.
        let attacks_from = prep == "from"
            && window.clone().any(|i| {
                let t = &p.toks[i];
                (t.tag.is_noun() && semantics::noun(&t.lemma).harm()) || t.lemma == "launch"
            });
        let hostile_near = !hostile.is_empty() || hostile_word;
        if haven || (presence || attacks_from) && hostile_near {
            let e = &mut drafts[m.actor].evidence;
            e.harbours += 1.0;
            for name in &hostile {
                if !e.harboured.contains(name) {
                    e.harboured.push(name.clone());
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// 4. Sides and decisions

fn decide(doc: &Document, parsed: &[Parsed], mut drafts: Vec<Draft>) -> Vec<Found> {
    let _ = parsed;
    drafts.retain(|d| d.mentions > 0 || d.listed);
    // The author's own state: the one the advice is addressed to, or the one
    // the threats are aimed at, or the one most named.
    let own = own_state(&drafts);
    let own_name = own.map(|i| drafts[i].forms[0].clone());
    // The author's side: its state, the state's institutions, and the states
    // it acts together with.
    let is_own = |d: &Draft| -> bool {
        own_name.as_deref().is_some_and(|o| {
            d.forms.iter().any(|f| f == o)
                || d.state_of.as_deref().is_some_and(|s| same_state(s, o))
                || d.evidence.allied.iter().any(|a| same_state(a, o))
        })
    };
    let named_threats = drafts
        .iter()
        .filter(|d| {
            d.nature != Nature::Generic
                && (d.hostile_name
                    || d.evidence.harm >= 2.0
                    || matches!(d.nature, Nature::Listed | Nature::Software))
        })
        .map(|d| d.mentions)
        .sum::<usize>();
    // Malware names mean malware only in a brief about cyber operations
    // ("Cox's Bazar" is a place, not BazarLoader).
    let cyber = drafts.iter().filter(|d| d.nature == Nature::Software).count() >= 2
        || doc.sentences.iter().any(|s| {
            let lower = s.text.to_lowercase();
            ["malware", "ransomware", "cyber", "hacker", "intrusion", "phishing"]
                .iter()
                .any(|w| lower.contains(w))
        });
    let mut judged: Vec<(Draft, bool, bool, f64, String)> = drafts
        .into_iter()
        .map(|d| {
            let own_side = is_own(&d);
            let (threat, score, reason) = judge(&d, own_side, named_threats, cyber);
            (d, own_side, threat, score, reason)
        })
        .collect();
    // The institutions of a hostile state that the brief names more than
    // once share its part ("Russian private military companies").
    let hostile_states: Vec<String> = judged
        .iter()
        .filter(|(d, _, threat, _, _)| *threat && d.nature == Nature::State)
        .map(|(d, ..)| d.forms[0].clone())
        .collect();
    for (d, own_side, threat, score, reason) in &mut judged {
        let of_hostile =
            d.state_of.as_deref().is_some_and(|s| hostile_states.iter().any(|h| same_state(s, h)));
        if d.nature == Nature::Organ && of_hostile && !*threat && !*own_side && d.mentions >= 2 {
            *threat = true;
            *score = score.max(1.5);
            let state = d.state_of.clone().unwrap_or_default();
            *reason = if reason.is_empty() {
                format!("an institution of {state}")
            } else {
                format!("an institution of {state}; {reason}")
            };
        }
    }
    let mut out: Vec<Found> = Vec::with_capacity(judged.len());
    for (mut d, own_side, threat, score, reason) in judged {
        // Malware that acts is an actor ("Conti steals files"); else a risk.
        if d.nature == Nature::Software && d.evidence.harm < 2.0 {
            d.risk = true;
        }
        if std::env::var_os("BRIEFSMITH_DEBUG_ACTORS").is_some() {
            eprintln!(
                "{:?} {:?} hostile={} threat={threat} score={score:.1} mentions={} {:?}",
                d.forms, d.nature, d.hostile_name, d.mentions, d.evidence
            );
        }
        let role = if threat {
            Role::Threat
        } else if own_side
            && d.nature == Nature::State
            && own_name.as_deref().is_some_and(|o| d.forms.iter().any(|f| f == o))
        {
            Role::Subject
        } else if own_side && d.nature == Nature::State {
            Role::Partner
        } else if own_side {
            Role::Own
        } else if d.nature == Nature::State && d.evidence.harbours >= 1.0 {
            Role::Host
        } else if d.evidence.enables >= 1.5 && d.evidence.enables > d.evidence.harm * 0.5
            || d.evidence.enables >= 1.0 && d.evidence.harm == 0.0
        {
            Role::Enabler
        } else if d.evidence.partners >= 1.0 || d.evidence.addressed >= 1.0 {
            Role::Partner
        } else if d.evidence.victim >= 1.0 && d.evidence.victim > d.evidence.harm {
            Role::Victim
        } else {
            Role::Other
        };
        // Only actors a reader would look up: threats, enablers, states and
        // organisations; not every capitalised phrase.
        let keep = threat
            || matches!(role, Role::Enabler | Role::Host | Role::Subject | Role::Partner)
            || matches!(d.nature, Nature::State | Nature::Listed | Nature::Organ | Nature::Institution)
            || d.mentions >= 2 && d.nature != Nature::Person;
        if !keep {
            continue;
        }
        let salience = if d.listed || d.mentions >= 3 || d.evidence.harm + d.evidence.called_threat >= 4.0 {
            Salience::Major
        } else {
            Salience::Minor
        };
        let confidence = (1.0 - (-score / 3.0).exp()).clamp(0.05, 0.99);
        out.push(finish(d, role, threat, salience, confidence, reason));
    }
    let _ = doc;
    out.sort_by_key(|a| a.sentences.first().copied().unwrap_or(usize::MAX));
    out
}

fn same_state(a: &str, b: &str) -> bool {
    match (gazetteer::state(a), gazetteer::state(b)) {
        (Some(x), Some(y)) => std::ptr::eq(x, y),
        _ => a.eq_ignore_ascii_case(b),
    }
}

/// The author's own state, if the text shows it.
fn own_state(drafts: &[Draft]) -> Option<usize> {
    drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.nature == Nature::State)
        .map(|(i, d)| {
            let e = &d.evidence;
            let score = e.own + e.addressed * 3.0 + e.victim + e.counters * 0.5 + e.partners * 0.5
                - e.harm * 0.5
                - e.called_threat;
            // Being attacked alone does not make a state the author's own
            // ("Russia's war against Ukraine" in a US assessment).
            let speaks_for = e.own + e.addressed + e.counters > 0.0;
            (i, if speaks_for { score } else { 0.0 })
        })
        .filter(|(_, s)| *s >= 3.0)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i)
}

/// Whether an actor is a threat, with a score (for the confidence) and the reason.
fn judge(d: &Draft, own_side: bool, named_threat_mentions: usize, cyber: bool) -> (bool, f64, String) {
    let e = &d.evidence;
    let acts = e.harm + e.called_threat + e.countered;
    // Fighting other armed groups does not make a hostile group a friend.
    let counters = if d.hostile_name { 0.0 } else { e.counters * 1.5 };
    let against = counters + e.partners * 2.0 + e.addressed * 3.0 + e.says * 0.5;
    let mut reasons: Vec<String> = Vec::new();
    if d.listed {
        reasons.push("listed under a threats heading".into());
    }
    if own_side {
        return (false, 0.0, "the author's own side".into());
    }
    let prior = match d.nature {
        Nature::Listed => 3.0,
        _ if d.hostile_name => 2.0,
        _ => 0.0,
    };
    if prior > 0.0 {
        reasons.push(if d.nature == Nature::Listed {
            "a known threat group".into()
        } else {
            "named as a hostile group".into()
        });
    }
    for b in &e.because {
        reasons.push(b.clone());
    }
    let score = prior + acts + e.cues * 0.5 + if d.listed { 3.0 } else { 0.0 } - against - e.victim * 0.5;
    let threat = match d.nature {
        _ if d.listed => true,
        Nature::Person => false,
        // Malware is a threat in its own right (a risk, or an actor when it acts).
        Nature::Software => cyber,
        Nature::State | Nature::Institution => acts >= 2.0 && acts > against && score >= 2.0,
        Nature::Organ => acts >= 1.5 && acts > against,
        // A listed group named once in passing ("the Israel–HAMAS war" in a
        // brief on Russia) is a threat of this brief only if it acts in it.
        // A listed group that the brief shows only arming or sheltering a
        // threat is its enabler here ("rifles supplied by the Houthis to
        // al-Shabaab").
        Nature::Listed if e.enables >= 1.0 && e.harm == 0.0 && e.called_threat == 0.0 && !d.listed => false,
        Nature::Listed => {
            score >= 1.5
                && (d.mentions >= 2
                    || d.heads >= 1
                    || e.harm >= 2.0
                    || e.countered >= 1.0
                    || e.called_threat > 0.0)
        }
        // "U.S. adversaries", "a capable adversary": a word for whoever
        // opposes the author's side stands for the named threats, not for
        // an actor of its own.
        Nature::Generic if named_threat_mentions > 0 && relational(d) => false,
        Nature::Generic if d.hostile_name => {
            // A group named by a common noun stands for an actor of its own
            // when it is not just another word for the named threats: it is
            // most of what the brief names, or the author defines it, or it
            // is set apart by its modifier ("clan militias").
            let salient = d.mentions * 2 >= named_threat_mentions.max(1)
                || d.defined.is_some()
                || (d.mentions + d.references >= 2 && distinct(d));
            // Beside named threats, a group the brief names without saying
            // what it does ("led by clan militias") is not one of them.
            let said = acts > 0.0 || e.cues > 0.0 || d.listed || d.defined.is_some();
            // Named once beside named threats: in passing.
            let recurs = d.mentions + d.references >= 2 || d.listed || d.defined.is_some();
            score >= 1.5 && (salient && said && recurs || named_threat_mentions == 0)
        }
        Nature::Generic => e.harm >= 2.0 && acts > against && score >= 2.0,
        // An unknown name: hostile by its words and named more than once, or
        // doing harm.
        Nature::Name => {
            (d.hostile_name && score >= 2.0 && (d.mentions >= 2 || acts >= 1.0) && e.says < 1.0)
                // A name that means nothing hostile needs more than one act
                // of harm ("Windows" read as the subject of "to compromise").
                || (acts >= 2.0 && score >= 2.0 && (e.because.len() >= 2 || acts >= 3.0))
        }
    };
    (threat, score.max(0.0), reasons.join("; "))
}

/// Nouns that name an actor only by its relation to the author's side, or
/// by the part it plays in an attack ("the attackers").
#[rustfmt::skip]
const RELATIONAL_HEADS: &[&str] = &[
    "adversary", "enemy", "foe", "rival", "competitor", "opponent", "attacker", "hacker",
    "perpetrator", "assailant", "intruder", "culprit",
];

/// Whether every form of a common-noun group is headed by a relational
/// noun ("adversaries", "U.S. rivals").
fn relational(d: &Draft) -> bool {
    d.forms.iter().all(|f| {
        f.split_whitespace()
            .last()
            .is_some_and(|w| RELATIONAL_HEADS.contains(&singular(&w.to_lowercase()).as_str()))
    })
}

/// Whether a group named by a common noun is set apart by a modifier that
/// says which group, not how hostile it is: "clan militias",
/// "state-sponsored militias", not "terrorist groups" or "criminal gangs".
fn distinct(d: &Draft) -> bool {
    d.forms.iter().any(|f| {
        let ws: Vec<String> = f.split_whitespace().map(str::to_lowercase).collect();
        ws.len() >= 2
            && ws[..ws.len() - 1].iter().all(|w| {
                let w = singular(w);
                !semantics::adjective(&w).hostile()
                    && !semantics::noun(&w).hostile()
                    && !semantics::noun(&w).harm()
                    && gazetteer::state(&w).is_none()
                    && !QUANTIFIERS.contains(&w.as_str())
                    && !matches!(
                        w.as_str(),
                        "armed"
                            | "violent"
                            | "militant"
                            | "jihadist"
                            | "islamist"
                            | "suspected"
                            | "local"
                            | "foreign"
                    )
            })
    })
}

fn finish(d: Draft, role: Role, threat: bool, salience: Salience, confidence: f64, reason: String) -> Found {
    let acronyms: Vec<&String> = d.forms.iter().filter(|f| is_acronym(f)).collect();
    let count = |form: &str| d.forms.iter().position(|f| f == form).map_or(0, |i| d.form_counts[i]);
    // A name over an acronym, and a proper name over a common noun that
    // stands for it ("March 23 Movement", not "rebels").
    let proper = d.forms.iter().any(|f| !is_lower_phrase(f));
    let commonest = (0..d.forms.len())
        .filter(|&i| !is_acronym(&d.forms[i]) || acronyms.len() == d.forms.len())
        .filter(|&i| !proper || !is_lower_phrase(&d.forms[i]))
        .max_by_key(|&i| (d.form_counts[i], d.forms[i].len()))
        .map_or_else(|| d.forms[0].clone(), |i| d.forms[i].clone());
    let commonest = if d.nature == Nature::State {
        d.forms
            .iter()
            .find(|f| !gazetteer::is_capital(f) && gazetteer::state(f).is_some())
            .cloned()
            .unwrap_or(commonest)
    } else {
        commonest
    };
    let name = match &d.defined {
        Some(defined) if count(&commonest) < 3 * count(defined).max(1) => defined.clone(),
        _ => commonest,
    };
    let name = if d.nature == Nature::Generic { super::text::capitalise(&name) } else { name };
    let label = d
        .forms
        .iter()
        .filter(|f| is_acronym(f) || f.split_whitespace().count() <= 2)
        .max_by_key(|f| (count(f), is_acronym(f), std::cmp::Reverse(f.len())))
        .cloned()
        .unwrap_or_else(|| name.clone());
    let label = if d.nature == Nature::Generic { super::text::capitalise(&label) } else { label };
    let mut aliases: Vec<String> =
        d.forms.iter().filter(|f| !f.eq_ignore_ascii_case(&name)).cloned().collect();
    aliases.sort_by_key(|a| (!is_acronym(a), *a != label));
    aliases.dedup();
    let kind = if d.nature == Nature::State { ActorKind::State } else { ActorKind::Org };
    Found {
        name,
        aliases,
        label,
        kind,
        role,
        mentions: d.mentions,
        sentences: d.sentences,
        defined_in: d.defined_in,
        risk: d.risk,
        home: d.home,
        threat,
        salience,
        confidence,
        reason,
        harbours: if role == Role::Host { d.evidence.harboured } else { Vec::new() },
    }
}

// ---------------------------------------------------------------------------
// Keys

/// Tokens of a name for matching: lower case, apostrophes dropped, and
/// interior vowels dropped from long words so spelling variants meet.
fn tokens(name: &str) -> Vec<String> {
    super::text::words(name)
        .iter()
        .map(|w| token_key(w.text))
        .filter(|t| !t.is_empty() && t != "the")
        .collect()
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

/// All capitals (digits and hyphens allowed), two to ten characters; a
/// plural "s" or one inner lower-case letter allowed ("VDPs", "TdA").
pub fn is_acronym(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let upper = chars.iter().filter(|c| c.is_ascii_uppercase()).count();
    let body: &[char] =
        if chars.len() > 2 && chars.last() == Some(&'s') { &chars[..chars.len() - 1] } else { &chars };
    let inner_lower = body.len() <= 5 && body.iter().filter(|c| c.is_lowercase()).count() <= 1;
    let digits = chars.iter().filter(|c| c.is_ascii_digit()).count();
    (2..=10).contains(&chars.len())
        && (upper >= 2 || upper == 1 && digits >= 1 && chars[0].is_ascii_uppercase())
        && body.iter().all(|c| {
            c.is_ascii_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '-' | '&' | '/')
                || (inner_lower && c.is_ascii_lowercase())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::syntax;

    fn found(text: &str) -> Vec<Found> {
        let doc = Document::parse(text);
        let parsed: Vec<Parsed> = doc.sentences.iter().map(|s| syntax::parse(&s.text)).collect();
        find(&doc, &parsed)
    }

    fn threats(text: &str) -> Vec<String> {
        found(text).into_iter().filter(|a| a.threat).map(|a| a.name).collect()
    }

    #[test]
    fn acronym_definition_unifies_long_and_short_forms() {
        let f = found(
            "The Tehreek-i-Taliban Pakistan (TTP) launched attacks on police. TTP militants killed six soldiers.",
        );
        let ttp = f.iter().find(|a| a.aliases.contains(&"TTP".to_string())).expect("TTP found");
        assert_eq!(ttp.name, "Tehreek-i-Taliban Pakistan");
        assert!(ttp.threat);
    }

    #[test]
    fn a_state_where_a_group_has_its_havens_is_its_host() {
        let f = found(
            "Kenya faces a growing threat from al-Shabaab. Al-Shabaab keeps safe havens in Somalia and launches raids from Somalia into Kenya's border counties. Kenya should fund its police. Trade with Germany grew, and firms based in Germany opened offices in Nairobi.",
        );
        let role = |name: &str| f.iter().find(|a| a.name == name).map(|a| a.role);
        assert_eq!(role("Somalia"), Some(Role::Host), "{f:?}");
        let somalia = f.iter().find(|a| a.name == "Somalia").unwrap();
        assert!(somalia.harbours.iter().any(|h| h.eq_ignore_ascii_case("al-Shabaab")), "{somalia:?}");
        assert_ne!(role("Germany"), Some(Role::Host), "a place named beside no hostile group: {f:?}");
        assert_ne!(role("Kenya"), Some(Role::Host));
    }

    #[test]
    fn a_state_only_attacked_is_not_the_subject() {
        let f = found(
            "Russia's war against Ukraine continues. Russia attacked Ukraine's power grid. Russian strikes hit Ukrainian ports. Russia threatens Ukraine's allies.",
        );
        let ukraine = f.iter().find(|a| a.name == "Ukraine").expect("Ukraine found");
        assert_ne!(ukraine.role, Role::Subject, "{ukraine:?}");
        assert!(!ukraine.threat, "{ukraine:?}");
    }

    #[test]
    fn names_are_found_as_runs_of_whole_words() {
        let names: HashSet<String> = ["al-shabaab".to_string(), "islamic state".to_string()].into();
        assert!(names_one_of("the islamic state's fighters", &names));
        assert!(names_one_of("al-shabaab's leaders", &names));
        assert!(!names_one_of("the state of islamic law", &names));
    }

    #[test]
    fn also_known_as_gives_aliases() {
        let f = found(
            "Russian Foreign Intelligence Service (SVR) actors (also known as APT29, Cozy Bear, and The Dukes) exploit vulnerabilities. SVR actors scanned and exploited U.S. networks.",
        );
        let svr = f.iter().find(|a| a.aliases.iter().any(|x| x == "SVR")).expect("SVR found");
        assert!(svr.aliases.iter().any(|x| x == "Cozy Bear"), "{svr:?}");
        assert!(svr.threat, "{svr:?}");
    }

    #[test]
    fn the_authors_agencies_are_not_threats() {
        let t = threats(
            "The Department of Defense must prepare for the next pandemic. The Department of Defense supports the Centers for Disease Control and Prevention in its response. Defense officials warn that the pandemic threatens readiness.",
        );
        assert!(!t.iter().any(|n| n.contains("Defense") || n.contains("Prevention")), "{t:?}");
    }

    #[test]
    fn a_state_organ_that_attacks_is_a_threat() {
        let t = threats(
            "The China Coast Guard is attacking, intimidating and harassing Philippine fishermen. The China Coast Guard rammed a Philippine supply boat near the shoal. Manila should document every incident.",
        );
        assert!(t.iter().any(|n| n == "China Coast Guard"), "{t:?}");
    }

    #[test]
    fn acronyms() {
        assert!(is_acronym("TTP") && is_acronym("VDPs") && is_acronym("ISIS-K"));
        assert!(!is_acronym("Taliban") && !is_acronym("I"));
    }
}
