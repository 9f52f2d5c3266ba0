//! The real development corpus (`tests/corpus/`): twelve US government texts
//! with hand-written answer keys, scored with the rules of
//! `tests/corpus/score.py`, ported here so that `cargo test` gives the same
//! figures as `python3 tests/corpus/score.py target/release/briefsmith`.
//!
//! - `real_briefs_score_above_the_floors` prints major-actor recall, threat
//!   and recommendation precision / recall / F1 per brief and pooled over the
//!   tuning two thirds, the held-out third (`tests/corpus/split.json`) and
//!   all (`cargo test real_corpus -- --nocapture`), and fails below the floors;
//! - `no_threat_is_the_authors_own_side`: no threat is named like the author's
//!   own government, its partners, victims or sources
//!   (`tests/corpus/own_side.json`; for the fixtures, their gold labels);
//! - `recommendation_titles_are_whole_and_distinct`: titles are not repeated,
//!   not their own detail, and do not stop mid-phrase;
//! - `scoring_rules_match_score_py`: the ported functions against values
//!   computed with `score.py` itself.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::support::fixture_files;
use briefsmith::analysis::{Options, analyse};
use serde_json::Value;

/// Floors for the pooled scores: fail when a change loses ground.
struct Floors {
    major_actor_recall: f64,
    threat_precision: f64,
    recommendation_f1: f64,
}

// The targets are 0.90 (major-actor recall), 0.85 (threat precision) and
// 0.80 (recommendation F1). The floors sit a little under what the analysis
// measured when they were set: held out 1.00 / 0.92 / 0.93, all
// 0.90 / 0.90 / 0.91. Raise them as the analysis improves.

/// Floors for the held-out third, which no tuning may look at.
const HELD_OUT_FLOORS: Floors =
    Floors { major_actor_recall: 0.95, threat_precision: 0.88, recommendation_f1: 0.88 };

/// Floors for the whole corpus.
const ALL_FLOORS: Floors =
    Floors { major_actor_recall: 0.88, threat_precision: 0.87, recommendation_f1: 0.88 };

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The model of a brief file as `briefsmith parse FILE` prints it: the same
/// decoding, the same Markdown-or-plain choice by extension (a `.txt` brief is
/// plain, and the analysis may still detect Markdown from its shape), and the
/// JSON read back as data, as `score.py` reads the CLI's output.
fn parse(path: &Path) -> Value {
    let input = briefsmith::input::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let markdown =
        path.extension().is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    let brief = analyse(&input.text, &Options { title: None, markdown })
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&brief.to_json()).expect("the model's JSON reads back")
}

/// One corpus brief with its answer key.
struct Real {
    name: String,
    brief: PathBuf,
    key: Value,
}

/// Every key in `keys/` whose brief exists, in file-name order, as `score.py`
/// walks them.
fn real_briefs() -> Vec<Real> {
    let dir = corpus_dir();
    let mut keys: Vec<PathBuf> = std::fs::read_dir(dir.join("keys"))
        .expect("tests/corpus/keys exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    keys.sort();
    keys.into_iter()
        .filter_map(|key| {
            let name = key.file_stem()?.to_string_lossy().into_owned();
            let brief = dir.join("briefs").join(format!("{name}.txt"));
            brief.is_file().then(|| Real { key: read_json(&key), name, brief })
        })
        .collect()
}

/// The names in `split.json`'s `held_out`.
fn held_out() -> BTreeSet<String> {
    let split = read_json(&corpus_dir().join("split.json"));
    split["held_out"]
        .as_array()
        .expect("split.json has a held_out list")
        .iter()
        .map(|n| n.as_str().expect("held_out names are strings").to_string())
        .collect()
}

/// One fixture (`tests/fixtures/<case>/`), read as the fixture corpus test
/// reads it.
struct Fixture {
    name: String,
    model: Value,
    gold: Value,
}

fn fixtures() -> Vec<Fixture> {
    fixture_files()
        .into_iter()
        .map(|f| Fixture { model: parse(&f.brief), gold: read_json(&f.dir.join("gold.json")), name: f.name })
        .collect()
}

/// The items of a list in a model or key; missing or `null` is empty, as
/// `model.get("threats", []) or []` is in `score.py`.
fn list<'a>(v: &'a Value, field: &str) -> &'a [Value] {
    v.get(field).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// The port of `score.py`'s scoring functions, rule for rule.
mod score {
    use std::collections::BTreeSet;

    use serde_json::Value;

    /// `score.py`'s stop words.
    const STOP: &[&str] = &[
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "from",
        "at",
        "as",
        "is",
        "are",
        "be",
        "been",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "our",
        "we",
        "they",
        "which",
        "who",
        "whom",
        "than",
        "then",
        "into",
        "over",
        "under",
        "about",
        "against",
        "between",
        "through",
        "during",
        "including",
        "such",
        "other",
        "more",
        "most",
        "can",
        "could",
        "should",
        "would",
        "will",
        "must",
        "may",
        "might",
        "need",
        "needs",
        "also",
        "further",
        "all",
        "any",
        "each",
        "both",
        "not",
        "no",
        "nor",
        "so",
        "very",
    ];

    /// `norm`: Python's `str.lower()` (full Unicode lower-casing, as
    /// `to_lowercase` does: "İ" becomes "i" and a combining dot, the Kelvin
    /// sign becomes "k"), curly single quotes to `'`, then every character
    /// outside `[a-z0-9' -]` and every hyphen to a space, and runs of spaces
    /// collapsed. After the class has removed everything else only spaces are
    /// left for `\s+` and `strip()` to act on, so a split on spaces is the
    /// same. The result is ASCII.
    pub fn norm(s: &str) -> String {
        let lower = s.to_lowercase().replace(['’', '‘'], "'");
        let kept: String =
            lower.chars().map(|c| if matches!(c, 'a'..='z' | '0'..='9' | '\'') { c } else { ' ' }).collect();
        kept.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// `words`: the normalised words that are not stop words and are longer
    /// than one character (characters and bytes agree on ASCII).
    pub fn words(s: &str) -> Vec<String> {
        norm(s).split_whitespace().filter(|w| !STOP.contains(w) && w.len() > 1).map(str::to_string).collect()
    }

    /// `names_of`: the normalised `name`, `title` and `aliases` that are
    /// strings, without the empty ones. (Models and keys always give
    /// `aliases` as a list.)
    pub fn names_of(item: &Value) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for k in ["name", "title"] {
            if let Some(Value::String(s)) = item.get(k) {
                out.insert(norm(s));
            }
        }
        if let Some(Value::Array(aliases)) = item.get("aliases") {
            out.extend(aliases.iter().filter_map(Value::as_str).map(norm));
        }
        out.retain(|n| !n.is_empty());
        out
    }

    /// Python's Unicode `\w` on what `norm` leaves (`[a-z0-9' ]`): letters and
    /// digits; `'` and the space are not word characters.
    fn is_word(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'_'
    }

    /// Whether `\b` holds at byte `i` of `s`: a word character on one side
    /// only, the ends of the string counting as non-word.
    fn boundary(s: &[u8], i: usize) -> bool {
        let before = i > 0 && is_word(s[i - 1]);
        let after = i < s.len() && is_word(s[i]);
        before != after
    }

    /// `re.search(r"\b" + re.escape(short) + r"\b", long_)` for the ASCII
    /// strings `norm` returns. Every start is tried, overlapping ones too, as
    /// the regex engine does (a non-overlapping scan would miss "a a" at the
    /// second place in "aa a a").
    pub fn contains_word(long: &str, short: &str) -> bool {
        debug_assert!(long.is_ascii() && short.is_ascii(), "norm leaves ASCII only");
        let (h, n) = (long.as_bytes(), short.as_bytes());
        n.len() <= h.len()
            && (0..=h.len() - n.len())
                .any(|i| &h[i..i + n.len()] == n && boundary(h, i) && boundary(h, i + n.len()))
    }

    /// `threat_match`: 1 for a shared name or alias; else, for the best pair
    /// of names of three or more characters where the shorter is a whole-word
    /// part of the longer, 0.25 plus half the length ratio.
    pub fn threat_match(pred: &Value, key: &Value) -> f64 {
        let (pn, kn) = (names_of(pred), names_of(key));
        if !pn.is_disjoint(&kn) {
            return 1.0;
        }
        let mut best: f64 = 0.0;
        for a in &pn {
            for b in &kn {
                if a.len() < 3 || b.len() < 3 {
                    continue;
                }
                let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
                if contains_word(long, short) {
                    // Same operations in the same order as Python's
                    // `0.5 * len(short) / len(long_) + 0.25`, so ties stay ties.
                    best = best.max(0.5 * short.len() as f64 / long.len() as f64 + 0.25);
                }
            }
        }
        best
    }

    /// `rec_text`: the string fields `title`, `text`, `detail` and `summary`
    /// joined with spaces.
    pub fn rec_text(pred: &Value) -> String {
        ["title", "text", "detail", "summary"]
            .iter()
            .filter_map(|k| pred.get(*k).and_then(Value::as_str))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// `rec_score`: the share of the key's content words found in the
    /// prediction's text.
    pub fn rec_score(pred: &Value, key: &Value) -> f64 {
        let kw: BTreeSet<String> =
            words(key["text"].as_str().expect("a key recommendation has text")).into_iter().collect();
        let pw: BTreeSet<String> = words(&rec_text(pred)).into_iter().collect();
        if kw.is_empty() {
            return 0.0;
        }
        kw.intersection(&pw).count() as f64 / kw.len() as f64
    }

    /// `greedy`: every (score, i, j) sorted in descending order of score, then
    /// of i, then of j (Python's `sorted(..., reverse=True)` on tuples), and
    /// taken while neither side is used and the score is above zero.
    pub fn greedy<P, K>(preds: &[P], keys: &[K], score: impl Fn(&P, &K) -> f64) -> Vec<(usize, usize, f64)> {
        let mut pairs: Vec<(f64, usize, usize)> = preds
            .iter()
            .enumerate()
            .flat_map(|(i, p)| keys.iter().enumerate().map(move |(j, k)| (i, j, p, k)))
            .map(|(i, j, p, k)| (score(p, k), i, j))
            .collect();
        pairs.sort_by(|a, b| {
            b.0.partial_cmp(&a.0).expect("scores are numbers").then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2))
        });
        let (mut used_p, mut used_k, mut hits) = (BTreeSet::new(), BTreeSet::new(), Vec::new());
        for (s, i, j) in pairs {
            if s <= 0.0 || used_p.contains(&i) || used_k.contains(&j) {
                continue;
            }
            used_p.insert(i);
            used_k.insert(j);
            hits.push((i, j, s));
        }
        hits
    }

    /// `prf`: precision, recall and F1, where predicting nothing for an empty
    /// key is perfect and an empty key is fully recalled.
    pub fn prf(tp: usize, npred: usize, nkey: usize) -> (f64, f64, f64) {
        let p = if npred > 0 {
            tp as f64 / npred as f64
        } else if nkey == 0 {
            1.0
        } else {
            0.0
        };
        let r = if nkey > 0 { tp as f64 / nkey as f64 } else { 1.0 };
        let f = if p + r != 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }
}

/// The counts behind every score of one brief or of a pool of briefs.
#[derive(Default)]
struct Tally {
    /// Keyed major actors matched by a threat.
    majors_hit: usize,
    /// Keyed major actors.
    majors: usize,
    /// Threats matched to keyed threats.
    threats_hit: usize,
    /// Threats in the model.
    threats_found: usize,
    /// Threats in the key.
    threats_keyed: usize,
    /// Recommendations matched with a score of at least 0.5.
    recs_hit: usize,
    /// Recommendations in the model.
    recs_found: usize,
    /// Recommendations in the key.
    recs_keyed: usize,
}

impl Tally {
    /// Scores one model against its key, as `score.py`'s `main` does.
    fn of(model: &Value, key: &Value) -> Tally {
        let preds_t = list(model, "threats");
        let preds_r = list(model, "recommendations");
        let keys_t = list(key, "threats");
        let keys_r = list(key, "recommendations");
        // A key threat without `kind` or `salience` counts as a major actor.
        let majors: Vec<&Value> = keys_t
            .iter()
            .filter(|k| {
                k.get("kind").is_none_or(|v| v == "actor") && k.get("salience").is_none_or(|v| v == "major")
            })
            .collect();
        let hm = score::greedy(preds_t, &majors, |p, k| score::threat_match(p, k));
        let ht = score::greedy(preds_t, keys_t, score::threat_match);
        let hr: Vec<_> =
            score::greedy(preds_r, keys_r, score::rec_score).into_iter().filter(|h| h.2 >= 0.5).collect();
        Tally {
            majors_hit: hm.len(),
            majors: majors.len(),
            threats_hit: ht.len(),
            threats_found: preds_t.len(),
            threats_keyed: keys_t.len(),
            recs_hit: hr.len(),
            recs_found: preds_r.len(),
            recs_keyed: keys_r.len(),
        }
    }

    fn add(&mut self, o: &Tally) {
        self.majors_hit += o.majors_hit;
        self.majors += o.majors;
        self.threats_hit += o.threats_hit;
        self.threats_found += o.threats_found;
        self.threats_keyed += o.threats_keyed;
        self.recs_hit += o.recs_hit;
        self.recs_found += o.recs_found;
        self.recs_keyed += o.recs_keyed;
    }

    fn major_actor_recall(&self) -> f64 {
        if self.majors > 0 { self.majors_hit as f64 / self.majors as f64 } else { 1.0 }
    }

    fn threats(&self) -> (f64, f64, f64) {
        score::prf(self.threats_hit, self.threats_found, self.threats_keyed)
    }

    fn recs(&self) -> (f64, f64, f64) {
        score::prf(self.recs_hit, self.recs_found, self.recs_keyed)
    }

    /// One table row; the counts are those `score.py` prints.
    fn row(&self, label: &str) -> String {
        let (tp, tr, tf) = self.threats();
        let (rp, rr, rf) = self.recs();
        format!(
            "{label:<46} {:>4.2} {:>7} | {tp:.2} {tr:.2} {tf:.2} {:>9} | {rp:.2} {rr:.2} {rf:.2} {:>9}",
            self.major_actor_recall(),
            format!("({}/{})", self.majors_hit, self.majors),
            format!("{}h {}/{}", self.threats_hit, self.threats_found, self.threats_keyed),
            format!("{}h {}/{}", self.recs_hit, self.recs_found, self.recs_keyed),
        )
    }

    /// The floors this tally falls below, as messages.
    fn shortfalls(&self, pool: &str, floors: &Floors) -> Vec<String> {
        [
            ("major-actor recall", self.major_actor_recall(), floors.major_actor_recall),
            ("threat precision", self.threats().0, floors.threat_precision),
            ("recommendation F1", self.recs().2, floors.recommendation_f1),
        ]
        .into_iter()
        .filter(|(_, score, floor)| score < floor)
        .map(|(what, score, floor)| format!("{pool}: {what} {score:.2} is below the floor {floor:.2}"))
        .collect()
    }
}

#[test]
fn real_briefs_score_above_the_floors() {
    let held_out = held_out();
    let briefs = real_briefs();
    let names: BTreeSet<&str> = briefs.iter().map(|b| b.name.as_str()).collect();
    for name in &held_out {
        assert!(names.contains(name.as_str()), "split.json holds out `{name}`, which is not in the corpus");
    }
    println!(
        "{:<46} {:>12} | {:<24} | {:<24}",
        "brief (* held out)",
        "major-act R",
        "threats P R F1 (hits found/keyed)",
        "recs P R F1 (hits found/keyed)"
    );
    let (mut tuning, mut held, mut all) = (Tally::default(), Tally::default(), Tally::default());
    for brief in &briefs {
        let tally = Tally::of(&parse(&brief.brief), &brief.key);
        let is_held = held_out.contains(&brief.name);
        println!("{}", tally.row(&format!("{}{}", brief.name, if is_held { " *" } else { "" })));
        if is_held { &mut held } else { &mut tuning }.add(&tally);
        all.add(&tally);
    }
    println!("{}", tuning.row(&format!("pooled: tuning ({} briefs)", briefs.len() - held_out.len())));
    println!("{}", held.row(&format!("pooled: held out ({} briefs)", held_out.len())));
    println!("{}", all.row(&format!("pooled: all ({} briefs)", briefs.len())));
    let shortfalls: Vec<String> =
        [held.shortfalls("held out", &HELD_OUT_FLOORS), all.shortfalls("all", &ALL_FLOORS)].concat();
    assert!(shortfalls.is_empty(), "{}", shortfalls.join("\n"));
}

/// The own-side names of each corpus brief from `tests/corpus/own_side.json`,
/// by their normalised form.
fn corpus_own_side(lists: &Value, brief: &str) -> BTreeMap<String, String> {
    lists[brief]
        .as_array()
        .unwrap_or_else(|| panic!("own_side.json has no list for `{brief}`"))
        .iter()
        .map(|n| n.as_str().expect("names are strings"))
        .map(|n| (score::norm(n), n.to_string()))
        .collect()
}

/// The own-side names of a fixture from its gold labels, by their normalised
/// form: the `subject` actors (the author's government and its agencies), the
/// `partner` actors, and the `other` actors noted as victims or sources (the
/// rest of `other` holds bystanders and, in places, people on the threat's
/// side, such as cartel leaders).
fn fixture_own_side(gold: &Value) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for actor in list(gold, "non_threat_actors") {
        let role = actor["role"].as_str().unwrap_or_default();
        let note = actor.get("note").and_then(Value::as_str).unwrap_or_default();
        let victim_or_source = note.contains("victim") || note.contains("source");
        if role == "subject" || role == "partner" || (role == "other" && victim_or_source) {
            let all = std::iter::once(&actor["name"]).chain(list(actor, "aliases"));
            names.extend(all.filter_map(Value::as_str).map(|n| (score::norm(n), n.to_string())));
        }
    }
    names
}

/// Keyed threat names and aliases, normalised.
fn keyed_threats(key: &Value) -> BTreeSet<String> {
    list(key, "threats").iter().flat_map(score::names_of).collect()
}

/// The own-side lists themselves: every corpus name occurs in its brief, and
/// no own-side name is also a keyed threat.
#[test]
fn own_side_lists_are_sound() {
    let lists = read_json(&corpus_dir().join("own_side.json"));
    for brief in real_briefs() {
        let text = std::fs::read_to_string(&brief.brief).expect("brief reads");
        let keyed = keyed_threats(&brief.key);
        for (norm, name) in corpus_own_side(&lists, &brief.name) {
            assert!(text.contains(&name), "{}: own-side name `{name}` is not in the brief", brief.name);
            assert!(!keyed.contains(&norm), "{}: `{name}` is keyed as a threat", brief.name);
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for dir in std::fs::read_dir(root).expect("tests/fixtures exists") {
        let dir = dir.expect("readable entry").path();
        if dir.join("gold.json").is_file() {
            let gold = read_json(&dir.join("gold.json"));
            let keyed = keyed_threats(&gold);
            for (norm, name) in fixture_own_side(&gold) {
                assert!(!keyed.contains(&norm), "{}: `{name}` is own side and a threat", dir.display());
            }
        }
    }
}

/// Each brief's name, its own-side names and its model: the corpus, then the
/// fixtures.
fn own_sides() -> Vec<(String, BTreeMap<String, String>, Value)> {
    let lists = read_json(&corpus_dir().join("own_side.json"));
    let corpus = real_briefs().into_iter().map(|b| {
        let names = corpus_own_side(&lists, &b.name);
        (b.name, names, parse(&b.brief))
    });
    let fixtures = fixtures().into_iter().map(|f| (f.name, fixture_own_side(&f.gold), f.model));
    corpus.chain(fixtures).collect()
}

#[test]
fn no_threat_is_the_authors_own_side() {
    let mut failures = Vec::new();
    for (brief, own_side, model) in own_sides() {
        for threat in list(&model, "threats") {
            let names = std::iter::once(&threat["name"]).chain(list(threat, "aliases"));
            for name in names.filter_map(Value::as_str) {
                if let Some(own) = own_side.get(&score::norm(name)) {
                    failures.push(format!("{brief}: threat `{name}` is own side (`{own}`)"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Words a whole title cannot end with: articles, prepositions,
/// conjunctions, auxiliaries and possessives.
const DANGLING: &[&str] = &[
    "a", "an", "the", "of", "to", "for", "and", "or", "with", "by", "on", "in", "at", "from", "as", "that",
    "its", "their", "our", "we", "be", "is", "are",
];

/// Why a title stops mid-phrase, if it does.
fn cut_short(title: &str) -> Option<String> {
    let last = title.split_whitespace().last()?;
    let bare = last.trim_start_matches(|c: char| !c.is_alphanumeric());
    if ["U.S", "U.N", "U.K"].iter().any(|a| bare.eq_ignore_ascii_case(a)) {
        return Some(format!("ends in `{last}` without its full stop"));
    }
    let bare = bare.trim_end_matches('.');
    if bare.chars().count() == 1 && bare.chars().all(char::is_alphabetic) && bare != "a" {
        return Some(format!("ends in a lone initial `{last}`"));
    }
    let word = last.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    DANGLING.contains(&word.as_str()).then(|| format!("ends in `{word}`"))
}

#[test]
fn recommendation_titles_are_whole_and_distinct() {
    let models: Vec<(String, Value)> = real_briefs()
        .into_iter()
        .map(|b| (b.name, parse(&b.brief)))
        .chain(fixtures().into_iter().map(|f| (f.name, f.model)))
        .collect();
    let mut failures = Vec::new();
    for (brief, model) in &models {
        let mut seen = BTreeSet::new();
        for rec in list(model, "recommendations") {
            let title = rec["title"].as_str().unwrap_or_default();
            let detail = rec.get("detail").and_then(Value::as_str).unwrap_or_default();
            if !seen.insert(score::norm(title)) {
                failures.push(format!("{brief}: title `{title}` is repeated"));
            }
            if score::norm(title) == score::norm(detail) {
                failures.push(format!("{brief}: title `{title}` is its own detail"));
            }
            if let Some(why) = cut_short(title) {
                failures.push(format!("{brief}: title `{title}` {why}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn titles_cut_short_are_recognised() {
    assert_eq!(
        cut_short("Deepen cooperation with the U.S"),
        Some("ends in `U.S` without its full stop".into())
    );
    assert_eq!(cut_short("Deepen cooperation with the U.S."), None);
    assert_eq!(cut_short("Brief President Donald J."), Some("ends in a lone initial `J.`".into()));
    assert_eq!(cut_short("Report incidents to the"), Some("ends in `the`".into()));
    assert_eq!(cut_short("Strengthen their"), Some("ends in `their`".into()));
    assert_eq!(cut_short("Fund the mission (MSS)"), None);
    assert_eq!(cut_short("Implement network segmentation"), None);
}

/// Values computed with `score.py`'s own functions (imported as a module)
/// on the same inputs.
#[test]
fn scoring_rules_match_score_py() {
    use score::{greedy, names_of, norm, prf, rec_score, rec_text, threat_match, words};
    use serde_json::json;

    assert_eq!(
        norm("Jama’at Nusrat al-Islam wal-Muslimin (JNIM)"),
        "jama'at nusrat al islam wal muslimin jnim"
    );
    assert_eq!(norm("İstanbul — KELVIN \u{212A}; U.S.-Iran"), "i stanbul kelvin k u s iran");
    assert_eq!(norm("  Ça   va\tbien\n"), "a va bien");
    assert_eq!(norm("al-Qa‘ida’s “core”"), "al qa'ida's core");
    assert_eq!(norm("Σίσυφος ΣΑΣ café"), "caf");
    assert_eq!(norm(""), "");
    assert_eq!(words("İstanbul — KELVIN \u{212A}; U.S.-Iran"), ["stanbul", "kelvin", "iran"]);
    assert_eq!(
        words(
            "The Director of OSTP should, in coordination with the SCQIS agencies, augment and update the national quantum strategy"
        ),
        [
            "director",
            "ostp",
            "coordination",
            "scqis",
            "agencies",
            "augment",
            "update",
            "national",
            "quantum",
            "strategy"
        ]
    );
    assert_eq!(names_of(&json!({"name": "Iran", "title": "", "aliases": ["IRAN", "Tehran", 3]})).len(), 2);

    let t = |name: &str, aliases: &[&str]| json!({"name": name, "aliases": aliases});
    let cases = [
        (t("aa a a", &[]), t("a a", &[]), 0.5),
        (t("gangs gang", &[]), t("gang", &[]), 0.45),
        (t("Haitian gangs", &[]), t("gangs", &["criminal gangs"]), 0.4423076923076923),
        (
            t("U.S", &[]),
            t("malign influence operations, including against U.S. elections", &[]),
            0.2754237288135593,
        ),
        (t("al-Qa’ida core", &[]), t("qa'ida", &[]), 0.4642857142857143),
        (t("Qa’id", &[]), t("al-Qa’ida", &[]), 0.0),
        (t("SVR", &[]), t("Russian SVR actors", &[]), 0.3333333333333333),
        (
            t("BlackCat", &[]),
            t("BlackCat/ALPHV ransomware-as-a-service group", &["ALPHV"]),
            0.34090909090909094,
        ),
        (t("ISIS", &[]), t("ISIS-K", &[]), 0.5833333333333333),
        (t("Conti", &[]), t("Continental", &[]), 0.0),
        (json!({"title": "Iran"}), t("Iran", &[]), 1.0),
        (t("it", &[]), t("it", &[]), 1.0),
    ];
    for (pred, key, want) in cases {
        assert_eq!(threat_match(&pred, &key), want, "{pred} ~ {key}");
    }

    let r = |title: &str, detail: &str| json!({"title": title, "detail": detail});
    let k = |text: &str| json!({"text": text});
    let cases = [
        (r("Disable hyperlinks in received emails", ""), k("Disable hyperlinks in received emails."), 1.0),
        (
            r(
                "Install updates",
                "Install updates/patch operating systems, software, and firmware as soon as they are released.",
            ),
            k(
                "Install updates/patch operating systems, software, and firmware as soon as updates/patches are released",
            ),
            0.9,
        ),
        (
            r("Review Task Scheduler", ""),
            k(
                "Review domain controllers, servers, workstations and active directories for new or unrecognized user accounts",
            ),
            0.09090909090909091,
        ),
        (json!({"title": "Do not pay", "summary": "ransoms", "detail": 5}), k("Do not pay ransoms"), 1.0),
        (r("x", ""), k("the of and"), 0.0),
    ];
    for (pred, key, want) in cases {
        assert_eq!(rec_score(&pred, &key), want, "{pred} ~ {key}");
    }
    assert_eq!(
        rec_text(&r("Disable hyperlinks in received emails", "")),
        "Disable hyperlinks in received emails "
    );
    assert_eq!(
        rec_text(&json!({"title": "Do not pay", "summary": "ransoms", "detail": 5})),
        "Do not pay ransoms"
    );

    // Ties go to the highest i, then the highest j: here that pairs both
    // predictions, where taking (0, 0) first would pair only one.
    let m = [[1.0, 1.0], [1.0, 0.0]];
    assert_eq!(greedy(&[0, 1], &[0, 1], |&p: &usize, &k: &usize| m[p][k]), [(1, 0, 1.0), (0, 1, 1.0)]);
    let m = [[0.5, 0.4, 0.0], [0.5, 0.5, 0.2]];
    assert_eq!(greedy(&[0, 1], &[0, 1, 2], |&p: &usize, &k: &usize| m[p][k]), [(1, 1, 0.5), (0, 0, 0.5)]);

    assert_eq!(prf(0, 0, 0), (1.0, 1.0, 1.0));
    assert_eq!(prf(0, 0, 3), (0.0, 0.0, 0.0));
    assert_eq!(prf(0, 2, 0), (0.0, 1.0, 0.0));
    assert_eq!(prf(2, 3, 4), (0.6666666666666666, 0.5, 0.5714285714285715));
    assert_eq!(prf(3, 3, 3), (1.0, 1.0, 1.0));
    assert_eq!(prf(1, 7, 6), (0.14285714285714285, 0.16666666666666666, 0.15384615384615383));
}
