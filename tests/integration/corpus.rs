//! The fixture corpus (`tests/fixtures/<case>/`): each brief's model against
//! its gold labels (`gold.json`, written by a person, not by briefsmith), and
//! against its reviewed snapshot.
//!
//! `threats_and_recommendations_score_above_the_floor` prints precision and
//! recall per brief and over the corpus (`cargo test corpus -- --nocapture`)
//! and fails below the floors set from the measured numbers.

use std::collections::HashSet;
use std::path::PathBuf;

use crate::support::fixture_files;
use briefsmith::analysis::{Options, analyse};
use briefsmith::model::Brief;
use serde::Deserialize;

/// Floors for the corpus totals, set a little under what the analysis
/// measured when they were last raised (threats 0.88 / 0.86, recommendations
/// 0.88 / 0.88 over 14 briefs): a change that loses ground fails here.
const THREAT_PRECISION_FLOOR: f64 = 0.82;
const THREAT_RECALL_FLOOR: f64 = 0.80;
const REC_PRECISION_FLOOR: f64 = 0.84;
const REC_RECALL_FLOOR: f64 = 0.84;

#[derive(Debug, Deserialize)]
struct Gold {
    threats: Vec<GoldThreat>,
    recommendations: Vec<String>,
    #[serde(default)]
    has_conclusion: Option<bool>,
}

#[derive(Debug, Deserialize)]
struct GoldThreat {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

/// One fixture: its brief file and gold labels.
struct Case {
    name: String,
    brief: PathBuf,
    gold: Gold,
}

fn cases() -> Vec<Case> {
    fixture_files()
        .into_iter()
        .map(|f| {
            let gold = std::fs::read_to_string(f.dir.join("gold.json")).expect("gold.json reads");
            let gold: Gold =
                serde_json::from_str(&gold).unwrap_or_else(|e| panic!("{}: {e}", f.dir.display()));
            Case { name: f.name, brief: f.brief, gold }
        })
        .collect()
}

fn model(case: &Case) -> Brief {
    let text = std::fs::read_to_string(&case.brief).expect("brief reads");
    let markdown = case.brief.extension().is_some_and(|e| e == "md");
    analyse(&text, &Options { title: None, markdown }).unwrap_or_else(|e| panic!("{}: {e}", case.name))
}

/// Lower case, letters and digits only, words separated by one space.
fn norm(s: &str) -> String {
    let s = s.to_lowercase().replace(['’', '\''], "");
    let s: String = s.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

/// Two names for the same actor: equal, or one's words inside the other's.
fn same_actor(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| {
        b.iter().any(|y| {
            let (x, y) = (norm(x), norm(y));
            !x.is_empty() && !y.is_empty() && (x == y || contains_words(&x, &y) || contains_words(&y, &x))
        })
    })
}

fn contains_words(hay: &str, needle: &str) -> bool {
    needle.len() >= 4 && format!(" {hay} ").contains(&format!(" {needle} "))
}

const STOP: &[&str] =
    &["the", "a", "an", "of", "to", "and", "for", "on", "in", "with", "its", "their", "by", "at"];

fn content_words(s: &str) -> HashSet<String> {
    norm(s)
        .split(' ')
        .filter(|w| !STOP.contains(w))
        .map(|w| w.trim_end_matches('s').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Two recommendation titles for the same advice: most content words shared.
fn same_recommendation(a: &str, b: &str) -> bool {
    let (a, b) = (content_words(a), content_words(b));
    let shared = a.intersection(&b).count() as f64;
    let smaller = a.len().min(b.len()).max(1) as f64;
    shared / smaller >= 0.6
}

/// Greedy one-to-one matching; returns the number of matched pairs.
fn matched<P, G>(predicted: &[P], gold: &[G], same: impl Fn(&P, &G) -> bool) -> usize {
    let mut used = vec![false; gold.len()];
    let mut hits = 0;
    for p in predicted {
        if let Some(i) = (0..gold.len()).find(|&i| !used[i] && same(p, &gold[i])) {
            used[i] = true;
            hits += 1;
        }
    }
    hits
}

/// Precision and recall with the convention that an empty prediction of an
/// empty gold set is perfect.
fn ratio(hits: usize, total: usize) -> f64 {
    if total == 0 { 1.0 } else { hits as f64 / total as f64 }
}

#[test]
fn threats_and_recommendations_score_above_the_floor() {
    let mut totals = [0usize; 6];
    println!("{:<36} {:>13} {:>13}  conclusion", "brief", "threats P/R", "recs P/R");
    for case in cases() {
        let brief = model(&case);
        let predicted: Vec<Vec<String>> = brief
            .threats
            .iter()
            .map(|t| std::iter::once(t.name.clone()).chain(t.aliases.iter().cloned()).collect())
            .collect();
        let gold: Vec<Vec<String>> = case
            .gold
            .threats
            .iter()
            .map(|t| std::iter::once(t.name.clone()).chain(t.aliases.iter().cloned()).collect())
            .collect();
        let t_hits = matched(&predicted, &gold, |p, g| same_actor(p, g));
        let titles: Vec<&str> = brief.recommendations.iter().map(|r| r.title.as_str()).collect();
        let r_hits = matched(&titles, &case.gold.recommendations, |p, g| same_recommendation(p, g));
        let conclusion_ok = case.gold.has_conclusion.is_none_or(|c| c != brief.conclusion.is_empty());
        println!(
            "{:<36} {:>6.2}/{:<6.2} {:>6.2}/{:<6.2} {}",
            case.name,
            ratio(t_hits, predicted.len()),
            ratio(t_hits, gold.len()),
            ratio(r_hits, titles.len()),
            ratio(r_hits, case.gold.recommendations.len()),
            if conclusion_ok { "ok" } else { "wrong" }
        );
        let row =
            [t_hits, predicted.len(), gold.len(), r_hits, titles.len(), case.gold.recommendations.len()];
        for (total, n) in totals.iter_mut().zip(row) {
            *total += n;
        }
    }
    let [th, tp, tg, rh, rp, rg] = totals;
    let scores = [ratio(th, tp), ratio(th, tg), ratio(rh, rp), ratio(rh, rg)];
    println!(
        "{:<36} {:>6.2}/{:<6.2} {:>6.2}/{:<6.2}",
        "corpus (micro-averaged)", scores[0], scores[1], scores[2], scores[3]
    );
    let floors = [THREAT_PRECISION_FLOOR, THREAT_RECALL_FLOOR, REC_PRECISION_FLOOR, REC_RECALL_FLOOR];
    for ((score, floor), what) in scores.iter().zip(floors).zip([
        "threat precision",
        "threat recall",
        "recommendation precision",
        "recommendation recall",
    ]) {
        assert!(*score >= floor, "{what} {score:.2} is below the floor {floor:.2}");
    }
}

#[test]
fn models_match_their_reviewed_snapshots() {
    for case in cases() {
        let json = model(&case).to_json();
        insta::assert_snapshot!(format!("corpus__{}", case.name), json);
    }
}

#[test]
fn matching_rules_are_sane() {
    assert!(same_actor(&["al-Shabaab".into()], &["Al-Shabaab".into(), "al-Shabab".into()]));
    assert!(!same_actor(&["Russia".into()], &["Africa Corps".into()]));
    assert!(same_recommendation("Expand maritime patrols", "Expand Maritime Patrols in the Gulf"));
    assert!(!same_recommendation("Expand maritime patrols", "Fund local mediation"));
}
