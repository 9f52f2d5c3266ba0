//! Word classes the analysis consults: which nouns name a person, a group, a
//! hostile actor, an institution, a harm or a place; which verbs harm, help,
//! shelter, counter, report or describe a trend; which adjectives are
//! hostile.
//!
//! The classes are data, derived from the Open English WordNet by
//! `data/lexicon/build.py` into `data/lexicon/classes.tsv` (the roots chosen
//! for each class, the exclusions, the source and its licence are in
//! `data/lexicon/README.md`). The file is compiled into the binary and parsed
//! once, at first use. The analysis asks after the tagger has lemmatised a
//! word: [`noun`], [`verb`] and [`adjective`] take a lower-case base form
//! ("attack", not "attacked"); [`noun`] also reads a plural it does not know
//! as its singular ("militias" as "militia"). [`phrase`] finds multi-word
//! nouns ("climate change", "armed forces") at the start of a run of words.
//!
//! A word is in a class when one of its first senses, in WordNet's order, is:
//! "fire" is not a verb of harm by its rarer senses, nor "party" a hostile
//! group. Each class answers for its own part of speech; the caller decides
//! which part of speech a word is.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The embedded table: `lemma<TAB>pos<TAB>class,class…`, `#` comments.
const CLASSES: &str = include_str!("../../data/lexicon/classes.tsv");

/// Defines a small set-of-flags type over one part of speech's classes: the
/// constants, a predicate per class, and the class names the data file uses.
macro_rules! classes {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$doc:meta])* $flag:ident = $bit:literal, $pred:ident, $label:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
        pub struct $name(u8);

        impl $name {
            $( $(#[$doc])* pub const $flag: Self = Self(1 << $bit); )*

            /// No class at all: a word the table does not hold.
            pub const EMPTY: Self = Self(0);

            /// Whether the word is in no class.
            pub const fn is_empty(self) -> bool {
                self.0 == 0
            }

            /// Whether every class of `other` is among these.
            pub const fn contains(self, other: Self) -> bool {
                self.0 & other.0 == other.0
            }

            /// Whether any class of `other` is among these.
            pub const fn intersects(self, other: Self) -> bool {
                self.0 & other.0 != 0
            }

            /// These classes and those of `other`.
            pub const fn union(self, other: Self) -> Self {
                Self(self.0 | other.0)
            }

            $(
                #[doc = concat!("Whether the class `", $label, "` is among these.")]
                pub const fn $pred(self) -> bool {
                    self.contains(Self::$flag)
                }
            )*

            /// The class a name in the data file stands for.
            fn from_label(label: &str) -> Option<Self> {
                match label {
                    $( $label => Some(Self::$flag), )*
                    _ => None,
                }
            }
        }
    };
}

classes! {
    /// The classes of a noun.
    NounClasses {
        /// A person ("official", "analyst", "militant"): WordNet's
        /// `noun.person` supersense.
        PERSON = 0, person, "person";
        /// A group or organisation of people ("government", "gang",
        /// "coalition", "community").
        GROUP = 1, group, "group";
        /// A person or group defined by wrongdoing or enmity ("terrorist",
        /// "smuggler", "adversary", "gang", "militia").
        HOSTILE = 2, hostile, "hostile";
        /// A governing or public body or one of its parts ("government",
        /// "ministry", "court", "police", "armed forces").
        INSTITUTION = 3, institution, "institution";
        /// An event, act or condition that is a harm or a danger ("attack",
        /// "famine", "corruption", "instability", "climate change").
        HARM = 4, harm, "harm";
        /// A location ("region", "border", "territory", "province").
        PLACE = 5, place, "place";
    }
}

classes! {
    /// The classes of a verb.
    VerbClasses {
        /// Doing harm: attack, kill, kidnap, extort, steal, smuggle, occupy.
        HARM = 0, harm, "harm";
        /// Harm only with a hostile subject or a harmful object: "target".
        WEAK_HARM = 1, weak_harm, "weak_harm";
        /// Helping: help, support, fund, supply, arm, train, harbour.
        HELP = 2, help, "help";
        /// Giving a threat a place or a pass: harbour, shelter, host, hide,
        /// protect, tolerate, allow.
        SHELTER = 3, shelter, "shelter";
        /// Countering a threat: combat, disrupt, deter, arrest, prosecute,
        /// sanction, defend.
        COUNTER = 4, counter, "counter";
        /// Saying, reporting and assessing: say, report, warn, assess,
        /// estimate; the mark of a source.
        SAY = 5, say, "say";
        /// A trend: increase, decline, worsen, remain, persist; the mark of a
        /// forecast.
        CHANGE = 6, change, "change";
        /// Any one-word verb WordNet knows: whether a word can be a verb at all.
        VERB = 7, any, "verb";
    }
}

classes! {
    /// The classes of an adjective.
    AdjClasses {
        /// Hostile, criminal or violent: "malicious", "illicit", "extremist".
        HOSTILE = 0, hostile, "hostile";
    }
}

/// A map keyed by words of the embedded table.
type Map<V> = HashMap<&'static str, V>;

/// The parsed table, borrowed from the embedded text.
struct Table {
    nouns: Map<NounClasses>,
    verbs: Map<VerbClasses>,
    adjectives: Map<AdjClasses>,
    /// For each first word of a multi-word noun, the most words any such noun
    /// has: how far [`phrase`] needs to look.
    phrase_words: Map<usize>,
}

impl Table {
    fn parse(text: &'static str) -> Table {
        let mut table = Table {
            nouns: Map::with_capacity(16_384),
            verbs: Map::with_capacity(1_024),
            adjectives: Map::with_capacity(128),
            phrase_words: Map::with_capacity(2_048),
        };
        for line in text.split('\n') {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((lemma, rest)) = line.split_once('\t') else { continue };
            let Some((pos, labels)) = rest.split_once('\t') else { continue };
            let labels = labels.split(',');
            match pos {
                "n" => {
                    let classes = labels
                        .filter_map(NounClasses::from_label)
                        .fold(NounClasses::EMPTY, NounClasses::union);
                    table.nouns.insert(lemma, classes);
                    if let Some((first, _)) = lemma.split_once(' ') {
                        let words = 1 + lemma.bytes().filter(|&b| b == b' ').count();
                        let most = table.phrase_words.entry(first).or_insert(0);
                        *most = (*most).max(words);
                    }
                }
                "v" => {
                    let classes = labels
                        .filter_map(VerbClasses::from_label)
                        .fold(VerbClasses::EMPTY, VerbClasses::union);
                    table.verbs.insert(lemma, classes);
                }
                "a" => {
                    let classes =
                        labels.filter_map(AdjClasses::from_label).fold(AdjClasses::EMPTY, AdjClasses::union);
                    table.adjectives.insert(lemma, classes);
                }
                _ => {}
            }
        }
        table
    }

    fn noun(&self, lemma: &str) -> Option<NounClasses> {
        self.nouns
            .get(lemma)
            .copied()
            .or_else(|| singulars(lemma).find_map(|s| self.nouns.get(s.as_str()).copied()))
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table::parse(CLASSES))
}

/// The classes of a noun, given its lower-case lemma; a plural the table does
/// not hold is read as its singular ("gangs", "militias", "crises").
pub fn noun(lemma: &str) -> NounClasses {
    with_lower(lemma, |l| table().noun(l)).unwrap_or_default()
}

/// The classes of a verb, given its lower-case base form ("attack").
pub fn verb(lemma: &str) -> VerbClasses {
    with_lower(lemma, |l| table().verbs.get(l).copied()).unwrap_or_default()
}

/// The classes of an adjective, given its lower-case base form.
pub fn adjective(lemma: &str) -> AdjClasses {
    with_lower(lemma, |l| table().adjectives.get(l).copied()).unwrap_or_default()
}

/// The longest multi-word noun that starts at the first of `lower_words`
/// ("climate change is …" → two words), with its classes. Two words or
/// more; the last word may be plural ("coast guards"). `None` when no entry
/// of two words or more starts there.
pub fn phrase(lower_words: &[&str]) -> Option<(usize, NounClasses)> {
    let t = table();
    let first = lower_words.first()?;
    let most = (*t.phrase_words.get(*first)?).min(lower_words.len());
    let mut key = String::new();
    for n in (2..=most).rev() {
        key.clear();
        for (i, w) in lower_words[..n].iter().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            key.push_str(w);
        }
        if let Some(&c) = t.nouns.get(key.as_str()) {
            return Some((n, c));
        }
        let head_start = key.len() - lower_words[n - 1].len();
        for singular in singulars(lower_words[n - 1]) {
            key.truncate(head_start);
            key.push_str(&singular);
            if let Some(&c) = t.nouns.get(key.as_str()) {
                return Some((n, c));
            }
        }
    }
    None
}

/// The first five letters of every one-word harm verb of five letters or
/// more ("kidna", "extor", "assas"): a noun that begins with one is likely
/// made from the verb ("kidnapping", "extortion", "assassination").
pub fn harm_verb_stems() -> &'static HashSet<&'static str> {
    static STEMS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    STEMS.get_or_init(|| stems(VerbClasses::harm))
}

/// The same for verbs of help and shelter ("provi" of "provide" in
/// "provision", "suppo" in "support").
pub fn help_verb_stems() -> &'static HashSet<&'static str> {
    static STEMS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    STEMS.get_or_init(|| stems(|c| c.help() || c.shelter()))
}

/// Five-letter stems of the one-word verbs of a class.
fn stems(class: impl Fn(VerbClasses) -> bool) -> HashSet<&'static str> {
    table()
        .verbs
        .iter()
        .filter(|(lemma, c)| class(**c) && !lemma.contains([' ', '-']) && lemma.chars().count() >= 5)
        .map(|(lemma, _)| lemma.char_indices().nth(5).map_or(*lemma, |(end, _)| &lemma[..end]))
        .collect()
}

/// Runs `look` on the lemma, lower-casing it first if the caller did not.
fn with_lower<T>(lemma: &str, look: impl FnOnce(&str) -> Option<T>) -> Option<T> {
    if lemma.chars().any(char::is_uppercase) { look(&lemma.to_lowercase()) } else { look(lemma) }
}

/// Singulars to try for a plural, most likely first: "militias" → "militia",
/// "parties" → "party", "crises" → "crisis", "wolves" → "wolf",
/// "policemen" → "policeman", "boxes" → "box".
fn singulars(word: &str) -> impl Iterator<Item = String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() > 1) {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("men") {
        out.push(format!("{stem}man"));
    }
    if let Some(stem) = word.strip_suffix('s').filter(|s| !s.ends_with('s') && !s.is_empty()) {
        out.push(stem.to_string());
    }
    if let Some(stem) = word.strip_suffix("es").filter(|s| !s.is_empty()) {
        out.push(stem.to_string());
        if stem.ends_with('s') {
            // crises, analyses, theses
            out.push(format!("{stem}is"));
        }
    }
    if let Some(stem) = word.strip_suffix("ves") {
        out.push(format!("{stem}f"));
        out.push(format!("{stem}fe"));
    }
    out.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_of_harm_help_shelter_and_counter() {
        assert!(verb("attack").harm());
        assert!(verb("kill").harm());
        assert!(verb("support").help());
        assert!(verb("harbor").shelter());
        assert!(verb("harbour").shelter());
        assert!(verb("dismantle").counter());
        assert!(verb("sanction").counter());
        assert!(verb("target").weak_harm() && !verb("target").harm());
        assert!(verb("warn").say() && verb("report").say());
        assert!(verb("increase").change() && verb("persist").change() && verb("fall").change());
    }

    #[test]
    fn rare_senses_do_not_count() {
        // "Fire" harms only by its later senses; firing a weapon is not an
        // attack on anyone in particular.
        assert!(!verb("fire").harm());
        assert!(!noun("party").hostile());
        assert!(!noun("strategy").harm());
        assert!(!noun("official").hostile());
        assert!(!verb("recruit").harm());
    }

    #[test]
    fn hostile_actors() {
        assert!(noun("gang").hostile());
        assert!(noun("militia").hostile() && noun("militia").group());
        assert!(noun("adversary").hostile());
        assert!(noun("terrorist").hostile() && noun("terrorist").person());
        assert!(noun("hacker").hostile());
        assert!(noun("cartel").hostile());
        assert!(adjective("malicious").hostile() && adjective("illicit").hostile());
        assert!(!adjective("official").hostile());
    }

    #[test]
    fn institutions_persons_and_places() {
        assert!(noun("government").institution());
        assert!(noun("agency").institution());
        assert!(noun("police").institution());
        assert!(noun("official").person());
        assert!(noun("coalition").group());
        assert!(noun("province").place() && noun("border").place());
    }

    #[test]
    fn harms() {
        for word in ["violence", "pandemic", "famine", "torture", "kidnapping", "corruption", "instability"] {
            assert!(noun(word).harm(), "{word}");
        }
        // A named root: briefs treat a changing climate as a harm.
        assert!(noun("climate change").harm());
    }

    #[test]
    fn plurals_are_read_as_singulars() {
        assert!(noun("gangs").hostile());
        assert!(noun("militias").hostile());
        assert!(noun("crises").harm());
        assert!(noun("parties").group());
        assert!(noun("refugees").person());
        assert!(noun("armed forces").institution());
    }

    #[test]
    fn phrases_take_the_longest_entry() {
        assert_eq!(phrase(&["climate", "change", "is"]).map(|(n, _)| n), Some(2));
        assert!(phrase(&["coast", "guard"]).is_some_and(|(n, c)| n == 2 && c.institution()));
        assert!(phrase(&["coast", "guards"]).is_some_and(|(n, _)| n == 2));
        assert!(phrase(&["armed", "forces", "of"]).is_some_and(|(n, c)| n == 2 && c.institution()));
        assert_eq!(phrase(&["climate"]), None);
        assert_eq!(phrase(&[]), None);
    }

    #[test]
    fn unknown_words_and_case() {
        assert!(noun("qwxz").is_empty());
        assert!(verb("Attack").harm());
        assert_eq!(NounClasses::default(), NounClasses::EMPTY);
        let both = NounClasses::PERSON.union(NounClasses::HOSTILE);
        assert!(both.contains(NounClasses::HOSTILE) && !both.contains(NounClasses::GROUP));
        assert!(both.intersects(NounClasses::HOSTILE.union(NounClasses::GROUP)));
    }

    #[test]
    fn harm_stems_mark_nouns_made_from_verbs() {
        let stems = harm_verb_stems();
        assert!(stems.contains("kidna") && stems.contains("extor") && stems.contains("assas"));
        assert!(!stems.contains("suppo"));
    }

    #[test]
    fn every_line_of_the_data_parses() {
        for line in CLASSES.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "{line}");
            for label in fields[2].split(',') {
                let known = match fields[1] {
                    "n" => NounClasses::from_label(label).is_some(),
                    "v" => VerbClasses::from_label(label).is_some(),
                    "a" => AdjClasses::from_label(label).is_some(),
                    _ => false,
                };
                assert!(known, "{line}");
            }
        }
    }
}
