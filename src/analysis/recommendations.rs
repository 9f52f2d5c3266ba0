//! Recommendations: which sentences recommend, with a short title and detail.
//!
//! Three shapes are recognised in prose:
//! - run-in imperative labels: "Strengthen Counterterrorism Cooperation,
//!   engaging with regional allies …" (title before the comma, detail after);
//! - modal sentences with an agent as subject: "Pakistan needs to enhance
//!   border security", "Donors should fund …", "Border security should be
//!   strengthened" (title from the verb phrase);
//! - explicit ones: "We recommend that …", "There is a need to …".
//!
//! A "should" whose subject is not an agent ("the situation should improve")
//! is a prediction, not a recommendation. Sentences right after a
//! recommendation that say what it would achieve ("… can help curb
//! infiltration") join its detail.

use super::actors::{ActorKind, Found};
use super::lexicon::{self, contains};
use super::text::{Document, Section, Word, capitalise, words};

/// A recommendation found in the text.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Short imperative title.
    pub title: String,
    /// The author's words about it.
    pub detail: String,
    /// Sentence indices it came from (the recommending one first).
    pub sentences: Vec<usize>,
}

/// Nouns that make a subject an agent able to act on advice.
#[rustfmt::skip]
const AGENTS: &[&str] = &[
    "government", "governments", "authorities", "policymakers", "policy-makers", "ministry",
    "ministries", "donors", "partners", "states", "countries", "allies", "we", "leaders",
    "officials", "agencies", "parliament", "congress", "administration", "community", "forces",
    "police", "military", "regulators", "operators", "companies", "banks", "union", "eu", "un",
    "nato", "asean", "au", "ecowas", "igad", "washington", "brussels", "islamabad", "kabul", "it",
    "they", "member", "international", "region", "council", "secretariat", "agency", "actors",
    "firms", "industry", "ngos", "organisations", "organizations", "stakeholders", "governors",
    "mayors", "municipalities", "cities", "commanders", "planners", "funders", "you", "everyone",
];

/// Lower-case words inside proper names used as subjects.
const CONNECTORS_IN_NAMES: &[&str] = &["of", "the", "for", "and"];

/// Modal phrases that recommend, longest first.
const MODALS: &[&[&str]] = &[
    &["would", "do", "well", "to"],
    &["is", "urged", "to"],
    &["are", "urged", "to"],
    &["is", "encouraged", "to"],
    &["are", "encouraged", "to"],
    &["needs", "to"],
    &["need", "to"],
    &["ought", "to"],
    &["has", "to"],
    &["have", "to"],
    &["should"],
    &["must"],
];

/// Adverbs allowed between the modal and its verb.
#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "also", "urgently", "further", "immediately", "therefore", "now", "first", "instead", "jointly",
    "quickly", "swiftly", "continue", "actively", "seriously", "consider", "both", "still",
];

/// Phrases that show a sentence says what a recommendation would achieve.
#[rustfmt::skip]
const SUPPORT_CUES: &[&str] = &[
    "can help", "could help", "would help", "will help", "would allow", "will allow", "can improve",
    "would improve", "will improve", "will limit", "would limit", "can limit", "would reduce",
    "can reduce", "will reduce", "would strengthen", "is essential", "is critical", "would ensure",
    "will ensure", "can ensure", "is key", "would also", "this would", "this will", "doing so",
    "such steps", "such measures", "this includes", "this means",
];

/// Where a title stops: the verb phrase ends at the first of these.
#[rustfmt::skip]
const TITLE_STOPS: &[&str] = &[
    "by", "through", "including", "which", "while", "so", "via", "because", "as", "since",
    "whereby", "such", "especially", "particularly", "notably", "if", "when", "before", "after",
    "given",
];

/// Finds the recommendations of `doc`. When the brief has a recommendations
/// section, only that section is read: elsewhere "should" is too often a
/// prediction. Each list item there is one recommendation.
pub fn find(doc: &Document, actors: &[Found]) -> Vec<Candidate> {
    let has_section = doc.paragraphs.iter().any(|p| p.section == Some(Section::Recommendations));
    let mut out: Vec<Candidate> = Vec::new();
    let mut in_zone = false;
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        let in_section = para.section == Some(Section::Recommendations);
        if has_section && !in_section {
            continue;
        }
        // Two sentences or more opening with an imperative: a run of advice.
        let imperatives = para.sentences.iter().filter(|&&s| starts_imperative(doc, s)).count();
        let zone = in_section || in_zone || imperatives >= 2;
        if para.list_item
            && (zone || starts_imperative(doc, para.sentences[0]))
            && let Some(rec) = list_item(doc, pi, actors)
        {
            add(&mut out, rec);
            continue;
        }
        let mut k = 0;
        while k < para.sentences.len() {
            let i = para.sentences[k];
            let text = &doc.sentences[i].text;
            if opens_zone(text) {
                in_zone = true;
            }
            let found = recommend(text, actors).or_else(|| {
                let rest = strip_ordinal(text);
                let ordinal = rest.len() < text.len();
                if ordinal || zone || in_zone {
                    recommend(rest, actors).or_else(|| imperative(rest))
                } else {
                    None
                }
            });
            let Some((title, rest)) = found else {
                k += 1;
                continue;
            };
            let mut sentences = vec![i];
            let mut detail_parts: Vec<String> = Vec::new();
            if !rest.is_empty() {
                detail_parts.push(rest);
            }
            k += 1;
            while let Some(&j) = para.sentences.get(k) {
                let next = &doc.sentences[j].text;
                if recommend(next, actors).is_some()
                    || strip_ordinal(next).len() < next.len()
                    || !supports(next)
                {
                    break;
                }
                detail_parts.push(next.clone());
                sentences.push(j);
                k += 1;
            }
            let detail = if detail_parts.is_empty() { text.clone() } else { detail_parts.join(" ") };
            add(&mut out, Candidate { title, detail, sentences });
        }
    }
    out
}

/// Adds a recommendation, merging it into one with the same title.
fn add(out: &mut Vec<Candidate>, rec: Candidate) {
    let k = rec.title.to_lowercase();
    match out.iter_mut().find(|r| r.title.to_lowercase() == k) {
        Some(existing) => existing.sentences.extend(rec.sentences),
        None => out.push(rec),
    }
}

/// One list item as one recommendation: its bold lead, its run-in label, its
/// verb phrase, or (a noun phrase such as "Stronger port controls") itself.
fn list_item(doc: &Document, pi: usize, actors: &[Found]) -> Option<Candidate> {
    let para = &doc.paragraphs[pi];
    let sentences = para.sentences.clone();
    let text = doc.paragraph_text(pi);
    let first = &doc.sentences[sentences[0]].text;
    let (title, detail) = if let Some(lead) = &para.lead {
        let rest = text.strip_prefix(lead.as_str()).unwrap_or(&text);
        (lead.clone(), capitalise(rest.trim_start_matches(['.', ':', '—', '–', '-', ' ']).trim()))
    } else if let Some((title, _)) = recommend(first, actors).or_else(|| imperative(first)) {
        (title, text.clone())
    } else {
        let ws: Vec<&str> = first.split_whitespace().collect();
        if ws.len() > 12 {
            return None;
        }
        (first.trim_end_matches(['.', ';', ':']).to_string(), text.clone())
    };
    let detail = if detail.trim_end_matches('.') == title { String::new() } else { detail };
    Some(Candidate { title, detail, sentences })
}

/// "To address these challenges, …", "We recommend the following": the
/// recommendations start here.
fn opens_zone(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    [
        "to address these",
        "to address this",
        "to counter these",
        "to meet these",
        "we recommend",
        "the following steps",
        "the following measures",
        "recommendations are",
        "policymakers should consider",
        "would help.",
        "priorities follow",
        "the following",
        "several steps",
        "should be done",
        "what can be done",
        "the way forward",
        "priorities are",
    ]
    .iter()
    .any(|c| lower.contains(c))
}

/// "First, expand patrols" → "expand patrols"; other sentences unchanged.
fn strip_ordinal(sentence: &str) -> &str {
    const ORDINALS: &[&str] = &[
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "finally",
        "lastly",
        "last",
        "next",
        "additionally",
        "also",
        "further",
        "furthermore",
    ];
    let Some((head, rest)) = sentence.split_once(',') else { return sentence };
    let head = head.trim().to_lowercase();
    let head = head.trim_start_matches(['(', '1', '2', '3', '4', '5', '6', ')', '.', ' ']);
    let head = head.strip_suffix(" and most importantly").unwrap_or(head);
    if ORDINALS.contains(&head) { rest.trim() } else { sentence }
}

/// A sentence that starts with an imperative verb: "Expand patrols along …".
fn imperative(sentence: &str) -> Option<(String, String)> {
    let ws = words(sentence);
    let first = ws.first()?;
    if !contains(lexicon::IMPERATIVE_VERBS, first.text)
        || sentence[first.end..].starts_with('-')
        || ws.len() > 45
    {
        return None;
    }
    Some((verb_phrase(sentence, &ws)?, String::new()))
}

fn starts_imperative(doc: &Document, s: usize) -> bool {
    words(&doc.sentences[s].text)
        .first()
        .is_some_and(|w| w.is_capitalised() && contains(lexicon::IMPERATIVE_VERBS, w.text))
}

/// If `sentence` recommends, its title and the rest of its words as detail
/// (empty when the whole sentence is the recommendation).
pub fn recommend(sentence: &str, actors: &[Found]) -> Option<(String, String)> {
    let ws = words(sentence);
    if ws.len() < 3 || sentence.trim_end().ends_with('?') {
        return None;
    }
    run_in(sentence, &ws).or_else(|| explicit(sentence, &ws)).or_else(|| modal(sentence, &ws, actors))
}

/// "Strengthen Counterterrorism Cooperation, engaging with …".
fn run_in(sentence: &str, ws: &[Word]) -> Option<(String, String)> {
    let first = ws[0];
    if !first.is_capitalised() || !contains(lexicon::IMPERATIVE_VERBS, first.text) {
        return None;
    }
    // "Build" in "Build-up of forces …" is a noun.
    if sentence[first.end..].starts_with('-') {
        return None;
    }
    let sep = ws.iter().take(12).position(|w| matches!(w.next, Some(',' | ':' | ';' | '—' | '–')))?;
    let label = &ws[..=sep];
    let title = sentence[..label[sep].end].trim().to_string();
    let rest = sentence[label[sep].end..].trim_start_matches([',', ':', ';', '—', '–', ' ']).trim();
    let content: Vec<&Word> = label[1..].iter().filter(|w| w.text.len() > 3).collect();
    let title_case = !content.is_empty() && content.iter().all(|w| w.is_capitalised());
    let gerund_follows = words(rest).first().is_some_and(|w| w.text.ends_with("ing"));
    if !(title_case || gerund_follows) || words(rest).len() < 3 {
        return None;
    }
    Some((title, capitalise(rest)))
}

/// "We recommend that …", "It is recommended that …", "There is a need to …".
fn explicit(sentence: &str, ws: &[Word]) -> Option<(String, String)> {
    let lower: Vec<String> = ws.iter().map(|w| w.text.to_lowercase()).collect();
    let at =
        |i: usize, phrase: &[&str]| lower.len() >= i + phrase.len() && lower[i..i + phrase.len()] == *phrase;
    for i in 0..lower.len().min(12) {
        let after = if at(i, &["recommend", "that"]) || at(i, &["recommended", "that"]) {
            i + 2
        } else if at(i, &["recommend"]) && lower.get(i + 1).is_some_and(|w| w.ends_with("ing")) {
            i + 1
        } else if at(i, &["need", "to"])
            && i >= 1
            && matches!(lower[i - 1].as_str(), "a" | "urgent" | "pressing" | "clear")
        {
            i + 2
        } else {
            continue;
        };
        // After "that", skip the addressee up to its modal.
        let verb_at = (after..lower.len())
            .take(8)
            .find(|&k| contains(lexicon::IMPERATIVE_VERBS, &lower[k]) || lower[k].ends_with("ing"))?;
        let title = verb_phrase(sentence, &ws[verb_at..])?;
        return Some((title, String::new()));
    }
    None
}

/// "<agent> should|must|needs to <verb> …".
fn modal(sentence: &str, ws: &[Word], actors: &[Found]) -> Option<(String, String)> {
    let lower: Vec<String> = ws.iter().map(|w| w.text.to_lowercase()).collect();
    for i in 1..lower.len() {
        let Some(modal) = MODALS
            .iter()
            .find(|m| lower[i..].starts_with(&m.iter().map(|s| s.to_string()).collect::<Vec<_>>()))
        else {
            continue;
        };
        if matches!(lower[i - 1].as_str(), "what" | "how" | "whether" | "why") {
            return None;
        }
        let mut v = i + modal.len();
        while v < lower.len() && ADVERBS.contains(&lower[v].as_str()) && lower[v] != "continue" {
            v += 1;
        }
        let subject_words = &ws[clause_start(ws, i)..i];
        let verb = lower.get(v)?;
        // A passive recommendation names what is acted on, not who acts.
        if verb != "be" && !is_agent(subject_words, actors) {
            return None;
        }
        if verb == "be" {
            // Passive: "Border security should be strengthened" → "Strengthen border security".
            let participle = lower.get(v + 1)?;
            let base = base_of_participle(participle)?;
            let object = subject_words.iter().map(|w| w.text).collect::<Vec<_>>().join(" ");
            return Some((format!("{} {}", capitalise(&base), lower_first(&object)), String::new()));
        }
        if lower.get(v.saturating_sub(1)).is_some_and(|w| w == "not") || verb == "not" {
            return None;
        }
        // "should keep falling", "must continue rising": a forecast.
        let forecast = lower.get(v + 1).is_some_and(|w| w.ends_with("ing") && w.len() > 5);
        if !contains(lexicon::IMPERATIVE_VERBS, verb) || forecast {
            return None;
        }
        return Some((verb_phrase(sentence, &ws[v..])?, String::new()));
    }
    None
}

/// The index where the clause holding word `i` starts: after the last comma
/// or after an opening subordinate phrase.
fn clause_start(ws: &[Word], i: usize) -> usize {
    (0..i).rev().find(|&k| matches!(ws[k].next, Some(',' | ';' | ':'))).map_or(0, |k| k + 1)
}

/// Whether the subject words name someone who can act.
fn is_agent(subject: &[Word], actors: &[Found]) -> bool {
    if subject.is_empty() || subject.len() > 12 {
        return false;
    }
    let lower: Vec<String> = subject.iter().map(|w| w.text.to_lowercase()).collect();
    if lower.len() == 1
        && matches!(lower[0].as_str(), "it" | "this" | "that" | "which" | "there" | "these" | "they")
    {
        return false;
    }
    if lower.iter().any(|w| AGENTS.contains(&w.as_str()) && w != "it" && w != "they") {
        return true;
    }
    // A proper name as subject ("Manila should …", "the Alliance must …"),
    // not a common noun capitalised at the start of a sentence.
    let proper = subject.iter().all(|w| w.is_capitalised() || CONNECTORS_IN_NAMES.contains(&w.text));
    let capital = lexicon::CAPITALS.contains(&lower.join(" ").as_str());
    if capital || (proper && subject.len() <= 5 && subject[0].start > 0) {
        return true;
    }
    let phrase = lower.join(" ");
    actors.iter().any(|a| {
        matches!(a.kind, ActorKind::State | ActorKind::Org)
            && std::iter::once(&a.name).chain(&a.aliases).any(|n| phrase.contains(&n.to_lowercase()))
    }) || lexicon::STATES.contains(&phrase.trim_start_matches("the ").trim())
}

/// A title from a verb phrase: the verb and its object, at most eight words.
/// It ends at a comma or a subordinate word; a parenthetical aside ("…, not
/// Africa Corps, …", "(KoFIU)") is skipped; when the eight words run out in
/// the middle of a prepositional phrase, the phrase is dropped.
fn verb_phrase(sentence: &str, ws: &[Word]) -> Option<String> {
    ws.first()?;
    let mut kept: Vec<usize> = Vec::new();
    let mut natural = false;
    let mut last_preposition = None;
    let mut k = 0;
    while k < ws.len() {
        if kept.len() == 8 {
            break;
        }
        let w = ws[k];
        let lower = w.text.to_lowercase();
        // "… the bill now stalled in the Senate": a participle or adverb
        // after the object starts a modifier.
        let modifier = kept.len() >= 3
            && (lower.ends_with("ed") || matches!(lower.as_str(), "now" | "currently" | "already" | "still"));
        if !kept.is_empty()
            && (TITLE_STOPS.contains(&lower.as_str()) || (kept.len() >= 3 && lower == "to") || modifier)
        {
            natural = true;
            break;
        }
        if kept.len() >= 3 && PREPOSITIONS.contains(&lower.as_str()) {
            last_preposition = Some(kept.len());
        }
        kept.push(k);
        let after = &sentence[w.end..];
        if after.starts_with(" (") {
            // Skip "(KoFIU)".
            let close = after.find(')').map(|c| w.end + c + 1);
            match close.and_then(|c| ws.iter().position(|x| x.start > c)) {
                Some(next) => {
                    k = next;
                    continue;
                }
                None => {
                    natural = true;
                    break;
                }
            }
        }
        if w.next == Some(',') {
            // Skip ", not Africa Corps," and ", through the council,".
            let aside = ws.get(k + 1).is_some_and(|n| ASIDES.contains(&n.text.to_lowercase().as_str()));
            let close = (k + 1..ws.len().min(k + 14)).find(|&j| ws[j].next == Some(','));
            if let (true, Some(close)) = (aside, close) {
                k = close + 1;
                continue;
            }
            natural = true;
            break;
        }
        if !matches!(w.next, Some(' ' | '-' | '’' | '\'') | None) {
            natural = true;
            break;
        }
        k += 1;
    }
    if k >= ws.len() {
        natural = true;
    }
    if let (false, Some(p)) = (natural, last_preposition) {
        kept.truncate(p);
    }
    // Do not cut a name in two ("… with Japan and the United States").
    while let Some(&last) = kept.last() {
        let next = last + 1;
        if next < ws.len() && kept.len() < 11 && ws[next].is_capitalised() && ws[last].next == Some(' ') {
            kept.push(next);
        } else {
            break;
        }
    }
    // Nor end on a word that needs more after it.
    while kept.len() > 1
        && kept.last().is_some_and(|&l| DANGLING.contains(&ws[l].text.to_lowercase().as_str()))
    {
        kept.pop();
    }
    // Join the kept words in runs, so inner punctuation ("phishing-resistant") stays.
    let mut title = String::new();
    let mut run_start = kept[0];
    for (n, &i) in kept.iter().enumerate() {
        let run_ends = kept.get(n + 1).is_none_or(|&next| next != i + 1);
        if run_ends {
            if !title.is_empty() {
                title.push(' ');
            }
            title.push_str(sentence[ws[run_start].start..ws[i].end].trim());
            if let Some(&next) = kept.get(n + 1) {
                run_start = next;
            }
        }
    }
    Some(capitalise(&title))
}

/// Prepositions that may open a phrase the title can do without.
const PREPOSITIONS: &[&str] =
    &["for", "with", "in", "on", "at", "from", "against", "within", "under", "across", "into"];

/// Words that open an aside between commas.
#[rustfmt::skip]
const ASIDES: &[&str] = &[
    "not", "through", "via", "including", "perhaps", "ideally", "for", "if", "where", "especially",
    "such", "with",
];

/// Words a title must not end on.
const DANGLING: &[&str] =
    &["the", "a", "an", "and", "or", "of", "with", "for", "to", "in", "on", "at", "its", "their", "by"];

/// The base verb of a past participle, if it is one we know.
fn base_of_participle(p: &str) -> Option<String> {
    lexicon::IMPERATIVE_VERBS
        .iter()
        .find(|v| {
            let v = **v;
            p == format!("{v}ed")
                || p == format!("{v}d")
                || (v.ends_with('y') && p == format!("{}ied", &v[..v.len() - 1]))
                || (p.len() == v.len() + 3 && p.starts_with(v) && p.ends_with("ed"))
        })
        .map(|v| v.to_string())
}

/// Whether a sentence reads as support for the recommendation before it.
fn supports(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    SUPPORT_CUES.iter().any(|c| lower.contains(c)) || first.ends_with("ing") && first.len() > 5
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        // Keep acronyms and names as written.
        Some(c)
            if s.split_whitespace()
                .next()
                .is_some_and(|w| w.chars().filter(|c| c.is_uppercase()).count() > 1) =>
        {
            std::iter::once(c).chain(chars).collect()
        }
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(s: &str) -> Option<String> {
        recommend(s, &[]).map(|(t, _)| t)
    }

    #[test]
    fn run_in_label_is_the_title() {
        let (t, d) = recommend(
            "Disrupt Terrorist Financing Networks, cracking down on illicit financial networks will limit their capabilities.",
            &[],
        )
        .unwrap();
        assert_eq!(t, "Disrupt Terrorist Financing Networks");
        assert!(d.starts_with("Cracking down"));
    }

    #[test]
    fn modal_with_agent_recommends() {
        assert_eq!(
            rec("To address these challenges, the government needs to enhance border security.").as_deref(),
            Some("Enhance border security")
        );
        assert_eq!(
            rec("Donors should fund local mediation programmes through pooled funds.").as_deref(),
            Some("Fund local mediation programmes")
        );
    }

    #[test]
    fn passive_modal_becomes_imperative() {
        assert_eq!(
            rec("Port security inspections should be strengthened.").as_deref(),
            Some("Strengthen port security inspections")
        );
    }

    #[test]
    fn predictions_and_descriptions_are_not_recommendations() {
        assert_eq!(rec("The situation should improve by next year."), None);
        assert_eq!(rec("It should be noted that attacks rose."), None);
        assert_eq!(rec("Analysts asked what the government should do next."), None);
        assert_eq!(rec("Build-up of forces continued along the border, officials said."), None);
    }
}
