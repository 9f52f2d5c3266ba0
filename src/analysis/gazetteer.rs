//! The gazetteer: the threat groups, malware and tools, and states that the
//! analysis recognises by name.
//!
//! The data lives in `data/gazetteer/` as tab-separated files built from
//! public sources (MITRE ATT&CK, the CIA World Factbook; see the README
//! there), compiled into the binary and parsed once, at first use. Lookups go
//! through hash maps keyed by a normalised form of each name: accents folded
//! (Côte = Cote), apostrophes and full stops dropped (al-Qa’ida = al-Qaida,
//! U.S. = US), hyphens and dashes read as spaces (al-Qaida = al Qaida), a
//! possessive `'s` and a leading "the" dropped (The Dukes = Dukes).
//!
//! Matching also respects case, so that names that are words or acronyms do
//! not fire on ordinary prose. Each name follows one rule:
//!
//! - an acronym (`US`, `DPRK`, `APT29`, `ISIS-K`, `TdA`) matches only as
//!   spelt, capitals and all;
//! - a name marked in the data as an ordinary English word (`Sidewinder`,
//!   `Snake`, `Manila`) matches only capitalised and not as the first word
//!   of a sentence, or, when the source spells it with inner capitals
//!   (`STRONTIUM`, `GoldenEye`), only as spelt;
//! - any other name matches when each word that the name capitalises is
//!   capitalised in the text (`Turla` and `TURLA`, not `turla`;
//!   `al-Qaida` and `Al-Qaida`).
//!
//! A caller that has a capitalised run of words asks [`known_name`] whether
//! it is a name, saying whether the run opens its sentence; [`scan`] and
//! [`longest_at`] find names inside a sentence's words (as
//! [`words`](super::text::words) splits them), taking the first word as the
//! sentence's start. Single lookups ([`group`], [`software`], [`state`], …)
//! read their argument as a name met mid-sentence.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

const GROUPS: &str = include_str!("../../data/gazetteer/groups.tsv");
const SOFTWARE: &str = include_str!("../../data/gazetteer/software.tsv");
const STATES: &str = include_str!("../../data/gazetteer/states.tsv");

/// What kind of threat group a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupCategory {
    /// An intrusion set from MITRE ATT&CK.
    Cyber,
    /// An organisation on the US list of Foreign Terrorist Organizations or
    /// in the Factbook's country profiles.
    Terrorist,
}

/// What kind of software a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SoftwareCategory {
    /// Malicious code.
    Malware,
    /// A tool that attackers use, often also a legitimate one.
    Tool,
}

/// A threat group and its other names.
#[derive(Debug, PartialEq, Eq)]
pub struct Group {
    /// The name the source files it under.
    pub name: &'static str,
    /// Cyber or terrorist.
    pub category: GroupCategory,
    /// Other names, acronyms and spellings.
    pub aliases: Box<[&'static str]>,
    /// Where it comes from: an ATT&CK group id (`G0016`), `FTO` or `WFB`.
    pub source: &'static str,
}

/// A piece of malware or an attacker's tool.
#[derive(Debug, PartialEq, Eq)]
pub struct Software {
    /// The name ATT&CK files it under.
    pub name: &'static str,
    /// Malware or tool.
    pub category: SoftwareCategory,
    /// Other names.
    pub aliases: Box<[&'static str]>,
    /// The ATT&CK software id (`S0367`).
    pub source: &'static str,
}

/// A state, or a territory that acts as one.
#[derive(Debug, PartialEq, Eq)]
pub struct State {
    /// The short name: "Russia", "North Korea".
    pub name: &'static str,
    /// Official long names: "Russian Federation".
    pub official: Box<[&'static str]>,
    /// Acronyms and other names: "DPRK", "Burma", "America".
    pub other_names: Box<[&'static str]>,
    /// Adjectives and nouns of nationality: "Russian", "Russians".
    pub demonyms: Box<[&'static str]>,
    /// Capitals, which prose uses for the government: "Moscow".
    pub capitals: Box<[&'static str]>,
    /// A Factbook profile (`WFB:rs`), names briefsmith added, or both.
    pub source: &'static str,
}

impl Group {
    /// The name, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.name).chain(self.aliases.iter().copied())
    }
}

impl Software {
    /// The name, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.name).chain(self.aliases.iter().copied())
    }
}

impl State {
    /// Every name that stands for the state itself, short name first
    /// (demonyms and capitals not included).
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.name)
            .chain(self.official.iter().copied())
            .chain(self.other_names.iter().copied())
    }
}

/// A record of the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A threat group.
    Group(&'static Group),
    /// Malware or a tool.
    Software(&'static Software),
    /// A state.
    State(&'static State),
}

/// How a match names its record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Via {
    /// By one of its names or acronyms.
    Name,
    /// By a state's capital ("Moscow").
    Capital,
    /// By a state's demonym ("Russian").
    Demonym,
}

/// A name found among a sentence's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the first word.
    pub start: usize,
    /// Number of words.
    pub len: usize,
    /// The record named.
    pub entry: Entry,
    /// Name, capital or demonym.
    pub via: Via,
}

/// Threat groups, in file order.
pub fn all_groups() -> &'static [Group] {
    &gazetteer().groups
}

/// Malware and tools, in file order.
pub fn all_software() -> &'static [Software] {
    &gazetteer().software
}

/// States, in file order.
pub fn all_states() -> &'static [State] {
    &gazetteer().states
}

/// The threat group that `name` names (`APT29`, `Cozy Bear`, `The Dukes`).
pub fn group(name: &str) -> Option<&'static Group> {
    match lookup(name, |t, _| matches!(t, Target::Group(_)))? {
        Entry::Group(g) => Some(g),
        _ => None,
    }
}

/// The malware or tool that `name` names (`Emotet`, `Cobalt Strike`).
pub fn software(name: &str) -> Option<&'static Software> {
    match lookup(name, |t, _| matches!(t, Target::Software(_)))? {
        Entry::Software(s) => Some(s),
        _ => None,
    }
}

/// The state that `name` names: any of its names, acronyms or capitals
/// (`North Korea`, `DPRK`, `Pyongyang`).
pub fn state(name: &str) -> Option<&'static State> {
    match lookup(name, |t, via| matches!(t, Target::State(_)) && via != Via::Demonym)? {
        Entry::State(s) => Some(s),
        _ => None,
    }
}

/// The state whose demonym `word` is (`Russian`, `Burkinabe`).
pub fn state_of_demonym(word: &str) -> Option<&'static State> {
    match lookup(word, |t, via| matches!(t, Target::State(_)) && via == Via::Demonym)? {
        Entry::State(s) => Some(s),
        _ => None,
    }
}

/// Whether `word` is the last word of a state's demonym of several words
/// ("Korean" of "North Korean", "Sudanese" of "South Sudanese"): a word of
/// origin, shared by more than one people, that names no actor alone.
pub fn is_demonym_tail(word: &str) -> bool {
    static TAILS: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    let tails = TAILS.get_or_init(|| {
        gazetteer()
            .states
            .iter()
            .flat_map(|s| s.demonyms.iter())
            .filter_map(|d| d.rsplit_once(' ').map(|(_, last)| last.trim_end_matches('s').to_lowercase()))
            .collect()
    });
    tails.contains(word.trim_end_matches('s').to_lowercase().as_str())
}

/// Whether `name` is a state's capital (`Moscow`, `Washington`).
pub fn is_capital(name: &str) -> bool {
    lookup(name, |t, via| matches!(t, Target::State(_)) && via == Via::Capital).is_some()
}

/// Whether `words`, as a whole, is a known name: the question to ask of a
/// capitalised run of words. `at_sentence_start` says whether the first
/// word opens its sentence, where a name that is also an ordinary word
/// ("Sidewinder") does not count. A leading "the" is allowed ("the Dukes").
/// When a name belongs to records of more than one kind, a group comes
/// before software, software before a state.
pub fn known_name(words: &[&str], at_sentence_start: bool) -> Option<Hit> {
    let g = gazetteer();
    let text = Pieces::of(words);
    let (first, at_start) = match text.lower.first() {
        Some(the) if the == "the" && text.lower.len() > 1 => (1, false),
        _ => (0, at_sentence_start),
    };
    let key = text.lower[first..].join(" ");
    let name = g.with_key(&key).find(|n| n.fits(&text, first, at_start))?;
    Some(Hit { start: 0, len: words.len(), entry: g.entry(name.target), via: name.via })
}

/// The longest name that starts at word `i` of a sentence's `words` (word 0
/// opens the sentence), if any.
pub fn longest_at(words: &[&str], i: usize) -> Option<Hit> {
    longest(gazetteer(), &Pieces::of(words), i)
}

/// The names in a sentence's `words`, left to right, each the longest that
/// starts where it does; a name inside a longer one is not reported.
pub fn scan(words: &[&str]) -> Vec<Hit> {
    let g = gazetteer();
    let text = Pieces::of(words);
    let mut hits = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match longest(g, &text, i) {
            Some(hit) => {
                i += hit.len;
                hits.push(hit);
            }
            None => i += 1,
        }
    }
    hits
}

fn longest(g: &'static Gazetteer, text: &Pieces, i: usize) -> Option<Hit> {
    let range = text.words.get(i)?;
    let first = text.lower.get(range.start).filter(|_| range.start < range.end)?;
    g.starting_with(first).find_map(|name| {
        let end = range.start + name.len;
        // The name must end where a word ends: "ISIS" is no match in "ISIS-K".
        let last = text.word_of(end.checked_sub(1)?)?;
        let whole = text.words[last].end == end;
        (whole && name.same_tokens(&text.lower[range.start..end]) && name.fits(text, range.start, i == 0))
            .then(|| Hit { start: i, len: last + 1 - i, entry: g.entry(name.target), via: name.via })
    })
}

/// Looks a single name up, read as met mid-sentence.
fn lookup(name: &str, wanted: impl Fn(Target, Via) -> bool) -> Option<Entry> {
    let g = gazetteer();
    // Normalising splits the name into tokens; word boundaries do not matter
    // when the whole of it must match.
    let text = Pieces::of(&[name]);
    let first = usize::from(text.lower.len() > 1 && text.lower[0] == "the");
    let key = text.lower[first..].join(" ");
    let mut found = g.with_key(&key).filter(|n| wanted(n.target, n.via) && n.fits(&text, first, false));
    let target = found.next()?.target;
    // Two records under one name (the build prevents it) name neither.
    if found.any(|n| n.target != target) {
        return None;
    }
    Some(g.entry(target))
}

/// How a name's case must look in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// Spelt exactly so: acronyms, STRONTIUM.
    Exact,
    /// Each word the name capitalises is capitalised.
    Capitalised,
    /// Capitalised, and not the first word of a sentence.
    Word,
}

/// Which record a name belongs to, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Group(u32),
    Software(u32),
    State(u32),
}

impl Target {
    /// Groups before software before states, for names that several share.
    fn rank(self) -> u8 {
        match self {
            Target::Group(_) => 0,
            Target::Software(_) => 1,
            Target::State(_) => 2,
        }
    }
}

/// One name of one record, normalised.
#[derive(Debug)]
struct Name {
    /// Lower-case tokens, space-separated.
    key: String,
    /// The same tokens with their case.
    cased: String,
    /// Number of tokens.
    len: usize,
    rule: Rule,
    target: Target,
    via: Via,
}

impl Name {
    fn new(text: &str, word: bool, target: Target, via: Via, scratch: &mut String) -> Option<Name> {
        // One string for all the tokens: the gazetteer has thousands of names
        // and is loaded while a brief waits.
        let mut cased = String::with_capacity(text.len());
        let mut len = 0;
        // STRONTIUM, GoldenEye: a word spelt so is not the ordinary word.
        let mut inner_capital = false;
        tokens(text, scratch, |t| {
            if len > 0 {
                cased.push(' ');
            }
            cased.push_str(t);
            len += 1;
            inner_capital |= t.chars().skip(1).any(char::is_uppercase);
        });
        if len > 1 && cased.get(..4).is_some_and(|the| the.eq_ignore_ascii_case("the ")) {
            cased.drain(..4);
            len -= 1;
        }
        if len == 0 {
            return None;
        }
        let rule = match (word, inner_capital, acronym(text)) {
            (true, true, _) | (false, _, true) => Rule::Exact,
            (true, false, _) => Rule::Word,
            (false, _, false) => Rule::Capitalised,
        };
        Some(Name { key: cased.to_lowercase(), cased, len, rule, target, via })
    }

    fn same_tokens(&self, lower: &[String]) -> bool {
        self.key.split(' ').eq(lower.iter().map(String::as_str))
    }

    /// Whether the text's tokens from `from` on have the case this name needs.
    fn fits(&self, text: &Pieces, from: usize, at_sentence_start: bool) -> bool {
        let theirs = &text.cased[from..from + self.len];
        let ours = self.cased.split(' ');
        match self.rule {
            Rule::Exact => ours.eq(theirs.iter().map(String::as_str)),
            Rule::Word if at_sentence_start => false,
            Rule::Word | Rule::Capitalised => {
                ours.zip(theirs).all(|(o, t)| !starts_upper(o) || starts_upper(t))
            }
        }
    }
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// One word with at least two capitals and no more small letters than
/// capitals that is short, has a digit or a hyphen, or mixes case: `US`,
/// `DPRK`, `APT29`, `ISIS-K`, `U.S.`, `TdA` (not `HAMAS`, `NOBELIUM`, which
/// prose also writes as Hamas and Nobelium).
fn acronym(name: &str) -> bool {
    let (mut upper, mut lower, mut letters, mut other) = (0, 0, 0, false);
    for c in name.chars() {
        if c.is_whitespace() {
            return false;
        }
        upper += usize::from(c.is_uppercase());
        lower += usize::from(c.is_lowercase());
        letters += usize::from(c.is_alphabetic());
        other |= !c.is_alphabetic();
    }
    upper >= 2 && upper >= lower && (lower > 0 || other || letters <= 4)
}

/// The tokens of a sentence's words, with the words they came from.
struct Pieces {
    lower: Vec<String>,
    cased: Vec<String>,
    /// Each word's tokens, as a range of indices.
    words: Vec<Range<usize>>,
}

impl Pieces {
    fn of(words: &[&str]) -> Pieces {
        let mut p = Pieces { lower: Vec::new(), cased: Vec::new(), words: Vec::with_capacity(words.len()) };
        let mut scratch = String::new();
        for word in words {
            let start = p.lower.len();
            tokens(word, &mut scratch, |t| {
                p.lower.push(t.to_lowercase());
                p.cased.push(t.to_owned());
            });
            p.words.push(start..p.lower.len());
        }
        p
    }

    /// The word that token `t` belongs to.
    fn word_of(&self, t: usize) -> Option<usize> {
        let i = self.words.partition_point(|r| r.end <= t);
        (i < self.words.len() && self.words[i].contains(&t)).then_some(i)
    }
}

/// Calls `token` with each normalised token of `text`, its case kept. The
/// same steps as `tokens` in `data/gazetteer/build.py`, which decides with
/// them which names collide: keep the two in step.
fn tokens(text: &str, buf: &mut String, mut token: impl FnMut(&str)) {
    buf.clear();
    let mut flush = |buf: &mut String| {
        if buf.len() > 2 && (buf.ends_with("'s") || buf.ends_with("'S")) {
            buf.truncate(buf.len() - 2);
        }
        buf.retain(|c| c != '\'');
        if buf.chars().any(char::is_alphanumeric) {
            token(buf);
        }
        buf.clear();
    };
    for c in text.chars() {
        match fold(c) {
            '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '`' | '\u{00B4}' => buf.push('\''),
            '.' => {}
            c if c.is_alphanumeric() || c == '&' => buf.push(c),
            _ => flush(buf),
        }
    }
    flush(buf);
}

/// A Latin letter without its accent (á → a, Ç → C, ş → s); anything else
/// as it is.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    let base = match u32::from(c) {
        0xC0..=0xC5 | 0xE0..=0xE5 | 0x100..=0x105 => 'a',
        0xC7 | 0xE7 | 0x106..=0x10D => 'c',
        0x10E..=0x111 => 'd',
        0xC8..=0xCB | 0xE8..=0xEB | 0x112..=0x11B => 'e',
        0x11C..=0x123 => 'g',
        0x124..=0x127 => 'h',
        0xCC..=0xCF | 0xEC..=0xEF | 0x128..=0x131 => 'i',
        0x134..=0x135 => 'j',
        0x136..=0x137 => 'k',
        0x139..=0x142 => 'l',
        0xD1 | 0xF1 | 0x143..=0x148 => 'n',
        0xD2..=0xD6 | 0xD8 | 0xF2..=0xF6 | 0xF8 | 0x14C..=0x151 => 'o',
        0x154..=0x159 => 'r',
        0x15A..=0x161 => 's',
        0x162..=0x167 => 't',
        0xD9..=0xDC | 0xF9..=0xFC | 0x168..=0x173 => 'u',
        0x174..=0x175 => 'w',
        0xDD | 0xFD | 0xFF | 0x176..=0x178 => 'y',
        0x179..=0x17E => 'z',
        _ => return c,
    };
    if c.is_uppercase() { base.to_ascii_uppercase() } else { base }
}

/// Everything, parsed and indexed.
struct Gazetteer {
    groups: Vec<Group>,
    software: Vec<Software>,
    states: Vec<State>,
    names: Vec<Name>,
    /// Hash of a whole normalised name → a run of `key_order`.
    by_key: HashMap<u64, Range<u32>>,
    /// Indices of `names`, grouped by the hash of the whole name.
    key_order: Vec<u32>,
    /// Hash of a first token → a run of `first_order`.
    by_first: HashMap<u64, Range<u32>>,
    /// Indices of `names`, grouped by the hash of the first token, each
    /// group longest name first.
    first_order: Vec<u32>,
}

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(Gazetteer::load)
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut g = Gazetteer {
            groups: Vec::new(),
            software: Vec::new(),
            states: Vec::new(),
            names: Vec::new(),
            by_key: HashMap::new(),
            key_order: Vec::new(),
            by_first: HashMap::new(),
            first_order: Vec::new(),
        };
        for row in rows::<5>("groups.tsv", GROUPS) {
            let category = match row[1] {
                "cyber" => GroupCategory::Cyber,
                "terrorist" => GroupCategory::Terrorist,
                other => panic!("data/gazetteer/groups.tsv: unknown category `{other}`"),
            };
            let target = Target::Group(index(g.groups.len()));
            let group = Group { name: row[0], category, aliases: list(row[2]), source: row[3] };
            g.add_names(group.names(), row[4], target, Via::Name);
            g.groups.push(group);
        }
        for row in rows::<5>("software.tsv", SOFTWARE) {
            let category = match row[1] {
                "malware" => SoftwareCategory::Malware,
                "tool" => SoftwareCategory::Tool,
                other => panic!("data/gazetteer/software.tsv: unknown category `{other}`"),
            };
            let target = Target::Software(index(g.software.len()));
            let software = Software { name: row[0], category, aliases: list(row[2]), source: row[3] };
            g.add_names(software.names(), row[4], target, Via::Name);
            g.software.push(software);
        }
        for row in rows::<7>("states.tsv", STATES) {
            let target = Target::State(index(g.states.len()));
            let state = State {
                name: row[0],
                official: list(row[1]),
                other_names: list(row[2]),
                demonyms: list(row[3]),
                capitals: list(row[4]),
                source: row[5],
            };
            g.add_names(state.names(), row[6], target, Via::Name);
            g.add_names(state.demonyms.iter().copied(), row[6], target, Via::Demonym);
            g.add_names(state.capitals.iter().copied(), row[6], target, Via::Capital);
            g.states.push(state);
        }
        // Flat runs rather than a vector per key: thousands of small
        // allocations were most of the load time.
        let names = &g.names;
        let order = |hash: u64, i: u32| {
            let n = &names[i as usize];
            (hash, std::cmp::Reverse(n.len), n.target.rank(), n.via, i)
        };
        let whole = |i: u32| fnv(&names[i as usize].key);
        let first = |i: u32| {
            let key = &names[i as usize].key;
            fnv(&key[..key.find(' ').unwrap_or(key.len())])
        };
        (g.key_order, g.by_key) = runs(names.len(), whole, order);
        (g.first_order, g.by_first) = runs(names.len(), first, order);
        g
    }

    /// The names whose whole key is `key`, longest first.
    fn with_key<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Name> {
        self.run(&self.by_key, &self.key_order, key).filter(move |n| *n.key == *key)
    }

    /// The names whose first token is `first`, longest first (the caller
    /// compares the tokens).
    fn starting_with<'a>(&'a self, first: &str) -> impl Iterator<Item = &'a Name> {
        self.run(&self.by_first, &self.first_order, first)
    }

    fn run<'a>(
        &'a self,
        map: &HashMap<u64, Range<u32>>,
        order: &'a [u32],
        key: &str,
    ) -> impl Iterator<Item = &'a Name> {
        let range = map.get(&fnv(key)).cloned().unwrap_or(0..0);
        order[range.start as usize..range.end as usize].iter().map(|&i| &self.names[i as usize])
    }

    fn add_names(
        &mut self,
        names: impl Iterator<Item = &'static str>,
        words: &str,
        target: Target,
        via: Via,
    ) {
        let mut scratch = String::new();
        for text in names {
            let word = !words.is_empty() && words.split('|').any(|w| w == text);
            self.names.extend(Name::new(text, word, target, via, &mut scratch));
        }
    }

    fn entry(&'static self, target: Target) -> Entry {
        match target {
            Target::Group(i) => Entry::Group(&self.groups[i as usize]),
            Target::Software(i) => Entry::Software(&self.software[i as usize]),
            Target::State(i) => Entry::State(&self.states[i as usize]),
        }
    }
}

/// Sorts `0..n` by `order` of each index's hash and maps each hash to its
/// run.
fn runs(
    n: usize,
    hash: impl Fn(u32) -> u64,
    order: impl Fn(u64, u32) -> (u64, std::cmp::Reverse<usize>, u8, Via, u32),
) -> (Vec<u32>, HashMap<u64, Range<u32>>) {
    // The sort keys computed once: comparing through the names costs more
    // than the rest of the load.
    let mut sorted: Vec<_> = (0..index(n)).map(|i| order(hash(i), i)).collect();
    sorted.sort_unstable();
    let mut map: HashMap<u64, Range<u32>> = HashMap::with_capacity(sorted.len());
    for (at, &(h, ..)) in sorted.iter().enumerate() {
        let at = index(at);
        map.entry(h).and_modify(|r| r.end = at + 1).or_insert(at..at + 1);
    }
    (sorted.into_iter().map(|(.., i)| i).collect(), map)
}

/// FNV-1a: short keys, no attacker to resist.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn index(i: usize) -> u32 {
    u32::try_from(i).expect("the gazetteer has fewer than 2^32 names")
}

/// The data lines of an embedded TSV file, each cut into `N` cells.
fn rows<const N: usize>(file: &'static str, text: &'static str) -> impl Iterator<Item = [&'static str; N]> {
    text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(move |line| {
        let mut cells = line.split('\t');
        let mut count = 0;
        let row = std::array::from_fn(|_| {
            let cell = cells.next();
            count += usize::from(cell.is_some());
            cell.unwrap_or_default()
        });
        // The files are built by build.py and compiled in; a unit test reads
        // them all, so a malformed row is a broken build, not bad input.
        assert!(
            count == N && cells.next().is_none(),
            "data/gazetteer/{file}: {N} columns expected in `{line}`"
        );
        row
    })
}

fn list(cell: &'static str) -> Box<[&'static str]> {
    if cell.is_empty() { Box::default() } else { cell.split('|').collect() }
}

#[cfg(test)]
mod tests {
    use super::super::text::words;
    use super::*;

    fn split(sentence: &str) -> Vec<&str> {
        words(sentence).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn apt29_cozy_bear_and_the_dukes_are_one_group() {
        let apt29 = group("APT29").expect("APT29");
        assert_eq!(apt29.source, "G0016");
        assert_eq!(apt29.category, GroupCategory::Cyber);
        for alias in ["Cozy Bear", "The Dukes", "the Dukes", "NOBELIUM", "Midnight Blizzard"] {
            assert_eq!(group(alias), Some(apt29), "{alias}");
        }
    }

    #[test]
    fn demonyms_capitals_and_acronyms_lead_to_their_state() {
        assert_eq!(state_of_demonym("Russian").map(|s| s.name), Some("Russia"));
        assert_eq!(state_of_demonym("Burkinabe").map(|s| s.name), Some("Burkina Faso"));
        assert_eq!(state_of_demonym("North Korean").map(|s| s.name), Some("North Korea"));
        assert_eq!(state("Moscow").map(|s| s.name), Some("Russia"));
        assert!(is_capital("Moscow"));
        assert!(!is_capital("Russia"));
        assert_eq!(state("DPRK").map(|s| s.name), Some("North Korea"));
        assert_eq!(state("PRC").map(|s| s.name), Some("China"));
        assert_eq!(state("Myanmar").map(|s| s.name), Some("Burma"));
        assert_eq!(state("Ivory Coast").map(|s| s.name), Some("Côte d'Ivoire"));
        for us in ["United States", "the United States", "U.S.", "US", "USA", "America", "Washington"] {
            assert_eq!(state(us).map(|s| s.name), Some("United States"), "{us}");
        }
    }

    #[test]
    fn malware_and_tools_are_software_and_utilities_are_not() {
        for name in ["Emotet", "TrickBot", "Cobalt Strike", "Mimikatz"] {
            assert!(software(name).is_some(), "{name}");
        }
        for name in ["at", "Net", "Expand", "cmd", "Ping", "Reg", "Tor", "route", "Systeminfo"] {
            assert!(software(name).is_none(), "{name}");
        }
        assert_eq!(software("Cobalt Strike").map(|s| s.category), Some(SoftwareCategory::Malware));
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        assert!(state("US").is_some());
        assert!(state("us").is_none());
        assert!(state("Us").is_none());
        assert!(group("apt29").is_none());
    }

    #[test]
    fn names_match_capitalised_and_not_in_lower_case() {
        assert!(group("Turla").is_some());
        assert!(group("TURLA").is_some());
        assert!(group("turla").is_none());
        assert!(group("Al-Qaida").is_some());
        assert!(group("cozy bear").is_none());
        assert!(state_of_demonym("russian").is_none());
    }

    #[test]
    fn a_name_that_is_a_word_does_not_match_at_a_sentence_start() {
        assert!(known_name(&["Sidewinder"], false).is_some());
        assert!(known_name(&["Sidewinder"], true).is_none());
        assert!(known_name(&["sidewinder"], false).is_none());
        // Another name is a name wherever it stands.
        assert!(known_name(&["Turla"], true).is_some());
        assert!(known_name(&["The", "Dukes"], true).is_some());
    }

    #[test]
    fn spelling_variants_meet() {
        let aq = group("al-Qa'ida").expect("al-Qa'ida");
        for variant in ["al-Qa’ida", "al Qaida", "al-Qaeda", "Al-Qaida"] {
            assert_eq!(group(variant), Some(aq), "{variant}");
        }
        assert_eq!(state("Cote d'Ivoire").map(|s| s.name), Some("Côte d'Ivoire"));
        assert_eq!(state("Türkiye"), state("Turkiye"));
        assert_eq!(state("Türkiye").map(|s| s.name), Some("Turkey"));
    }

    #[test]
    fn scan_finds_the_longest_names_in_a_sentence() {
        let sentence = split("Officials in Moscow deny that Cozy Bear and Volt Typhoon used Cobalt Strike.");
        let hits: Vec<(&str, Via)> = scan(&sentence)
            .iter()
            .map(|h| {
                let name = match h.entry {
                    Entry::Group(g) => g.name,
                    Entry::Software(s) => s.name,
                    Entry::State(s) => s.name,
                };
                (name, h.via)
            })
            .collect();
        assert_eq!(
            hits,
            [
                ("Russia", Via::Capital),
                ("APT29", Via::Name),
                ("Volt Typhoon", Via::Name),
                ("Cobalt Strike", Via::Name)
            ]
        );
        let sahara = split("Islamic State in the Greater Sahara fighters crossed into Niger.");
        let hit = longest_at(&sahara, 0).expect("a name");
        assert_eq!(hit.len, 6);
        assert!(matches!(hit.entry, Entry::Group(g) if g.category == GroupCategory::Terrorist));
        assert!(
            matches!(longest_at(&sahara, 9), Some(Hit { entry: Entry::State(s), .. }) if s.name == "Niger")
        );
    }

    #[test]
    fn a_name_must_end_where_a_word_ends() {
        // "ISIS" is a name, but not the first half of "ISIS-K".
        let sentence = split("ISIS-K claimed it");
        let hit = longest_at(&sentence, 0).expect("ISIS-K");
        assert!(matches!(hit.entry, Entry::Group(g) if g.aliases.contains(&"ISIS-K")));
        assert_eq!(hit.len, 1);
    }

    #[test]
    fn every_name_in_the_data_leads_back_to_its_record() {
        for g in all_groups() {
            for name in g.names() {
                assert_eq!(group(name), Some(g), "{name}");
            }
        }
        for s in all_software() {
            for name in s.names() {
                assert_eq!(software(name), Some(s), "{name}");
            }
        }
        for s in all_states() {
            for name in s.names().chain(s.capitals.iter().copied()) {
                assert_eq!(state(name), Some(s), "{name}");
            }
            for name in s.demonyms.iter() {
                assert_eq!(state_of_demonym(name), Some(s), "{name}");
            }
        }
    }

    #[test]
    fn short_and_accented_names_are_safe_to_key() {
        let mut scratch = String::new();
        for text in ["X Y", "Öz Y", "The", "the the", "...", "Théo X"] {
            let _ = Name::new(text, false, Target::Group(0), Via::Name, &mut scratch);
        }
        assert!(known_name(&[], false).is_none());
        assert!(scan(&["Ça", "?"]).is_empty());
    }

    #[test]
    fn the_data_is_modest() {
        assert!(all_groups().len() > 200 && all_software().len() > 500 && all_states().len() > 190);
        assert!(GROUPS.len() + SOFTWARE.len() + STATES.len() < 200_000);
    }

    /// Prints how long a fresh load takes; `cargo test --release --lib
    /// gazetteer::tests::load_time -- --ignored --nocapture`.
    #[test]
    #[ignore = "a timing, not a check"]
    fn load_time() {
        let start = std::time::Instant::now();
        let g = Gazetteer::load();
        println!("gazetteer: {} names loaded in {:?}", g.names.len(), start.elapsed());
    }
}
