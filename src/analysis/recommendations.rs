//! Recommendations: which sentences and list items urge an action, with a
//! title that is a whole verb phrase, the author's words as detail, who is
//! to act, and whether the author urges it or only lays it out as an option.
//!
//! Read from the clauses of [`super::syntax`]:
//! - imperatives: a sentence or list item that opens with a verb in its base
//!   form ("Implement network segmentation.", "Regularly back up data");
//! - run-in labels: "Strengthen Counterterrorism Cooperation, engaging …";
//! - advice with any agent: "Washington must …", "the international
//!   community should …", "we need to …", "Donors ought to …"; passives
//!   turned round ("Border security should be strengthened");
//! - explicit ones: "We recommend that …", "GAO recommends that OSTP …",
//!   "the FBI urges you to …", "calls on X to …", "There is a need to …",
//!   and the negative "does not encourage paying ransoms";
//! - options: "Congress may consider …", "Members could seek to …", and in
//!   an options section ("Issues for Congress") each item;
//! - requests: "The FBI is seeking any information …".
//!
//! Not recommendations: questions, forecasts ("aid will help", "the
//! situation should improve"), quoted words (a motto), lists of techniques
//! or red flags, and restatements ("doing X would help"), which join the
//! recommendation before them as detail. Titles are never cut inside a
//! phrase, never end on a function word and never repeat their detail; two
//! statements of one action are one recommendation.

use std::collections::HashSet;

use super::actors::Found;
use super::semantics;
use super::syntax::{Clause, Parsed};
use super::tagger::Tag;
use super::text::{Document, Section, capitalise};

/// A recommendation found in the text.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Short imperative title.
    pub title: String,
    /// The author's words about it.
    pub detail: String,
    /// Sentence indices it came from (the recommending one first).
    pub sentences: Vec<usize>,
    /// Who is to act.
    pub addressee: Option<String>,
    /// Urged, not only laid out.
    pub explicit: bool,
    /// How sure, 0 to 1.
    pub confidence: f64,
    /// Why it was taken for one.
    pub reason: String,
}

/// What a sentence was found to recommend.
#[derive(Debug, Clone)]
struct Found1 {
    title: String,
    addressee: Option<String>,
    explicit: bool,
    confidence: f64,
    reason: &'static str,
}

/// Finds the recommendations of `doc`.
pub fn find(doc: &Document, parsed: &[Parsed], actors: &[Found]) -> Vec<Candidate> {
    // The threats' names: what a threat "needs to" do is not advice.
    let threats: HashSet<String> = actors
        .iter()
        .filter(|a| a.threat)
        .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
        .map(|n| n.to_lowercase())
        .collect();
    let mut out: Vec<Candidate> = Vec::new();
    let mut pi = 0;
    while pi < doc.paragraphs.len() {
        let para = &doc.paragraphs[pi];
        let zone = para.section == Some(Section::Recommendations);
        let options = zone && para.heading.as_deref().is_some_and(is_options_heading);
        // A list under a lead-in that announces advice ("the following
        // mitigations apply:", "recommend that … prioritize the following").
        let announced = para.list_item && announces_list(doc, pi);
        // A list of techniques, or of risks under a heading that names them
        // ("Risks: … Workforce collapse."), observes.
        let techniques = para.list_item
            && (lists_observations(doc, pi)
                || !zone && para.heading.as_deref().is_some_and(super::text::names_threats));
        if para.list_item
            && !techniques
            && let Some(rec) = list_item(doc, parsed, pi, zone || announced, options, &threats)
        {
            add(&mut out, rec, doc);
            pi += 1;
            continue;
        }
        let mut k = 0;
        while k < para.sentences.len() {
            let si = para.sentences[k];
            let found = if techniques {
                None
            } else {
                recommend(&doc.sentences[si].text, &parsed[si], &Scope { zone, threats: &threats })
            };
            let Some(f) = found else {
                k += 1;
                continue;
            };
            let text = &doc.sentences[si].text;
            let mut sentences = vec![si];
            let mut detail = vec![text.clone()];
            k += 1;
            // Sentences saying what it would achieve join it.
            while let Some(&sj) = para.sentences.get(k) {
                let next = &doc.sentences[sj].text;
                if !supports(next)
                    || recommend(next, &parsed[sj], &Scope { zone, threats: &threats }).is_some()
                {
                    break;
                }
                detail.push(next.clone());
                sentences.push(sj);
                k += 1;
            }
            let detail = detail_for(&f.title, &detail.join(" "));
            let rec = Candidate {
                title: f.title,
                detail,
                sentences,
                addressee: f.addressee,
                explicit: f.explicit,
                confidence: f.confidence,
                reason: f.reason.to_string(),
            };
            add(&mut out, rec, doc);
        }
        pi += 1;
    }
    distinguish(&mut out, doc, parsed);
    out
}

/// Headings of a section that lays out options rather than urging them.
fn is_options_heading(heading: &str) -> bool {
    let h = heading.to_lowercase();
    ["option", "issues for", "considerations", "for congress", "questions for"].iter().any(|k| h.contains(k))
}

/// The detail of a recommendation: its words, unless they only repeat the title.
fn detail_for(title: &str, text: &str) -> String {
    let norm = |s: &str| s.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    if norm(text) == norm(title) { String::new() } else { text.to_string() }
}

/// How many earlier recommendations a new one is compared with.
const RESTATED_WITHIN: usize = 48;

/// Adds a recommendation, merging it into an earlier statement of the same action.
fn add(out: &mut Vec<Candidate>, rec: Candidate, doc: &Document) {
    let title = rec.title.to_lowercase();
    let para = |c: &Candidate| doc.sentences[c.sentences[0]].para;
    let section = |c: &Candidate| doc.paragraphs[para(c)].heading.clone();
    let overlap = |a: &str, b: &str| {
        let (a, b) = (content_words(a), content_words(b));
        let shared = a.iter().filter(|w| b.contains(w)).count();
        shared as f64 / a.len().min(b.len()).max(1) as f64
    };
    let verb = |t: &str| t.split_whitespace().next().unwrap_or("").to_lowercase();
    // Only the latest recommendations are compared: a brief restates an
    // action within a few dozen items, and the cost stays linear however
    // long the input.
    let from = out.len().saturating_sub(RESTATED_WITHIN);
    let same = out[from..].iter_mut().find(|r| {
        let full = |c: &Candidate| format!("{} {}", c.title, c.detail);
        // The same action stated in two places (a summary and the
        // recommendations section), or twice in one paragraph.
        let elsewhere = section(r) != section(&rec)
            && (r.title.to_lowercase() == title || overlap(&full(r), &full(&rec)) >= 0.8);
        let again = para(r) == para(&rec)
            && verb(&r.title) == verb(&rec.title)
            && overlap(&r.title, &rec.title) >= 0.6;
        elsewhere || again
    });
    match same {
        Some(existing) => {
            existing.sentences.extend(rec.sentences);
            existing.explicit |= rec.explicit;
            existing.confidence = existing.confidence.max(rec.confidence);
            if existing.addressee.is_none() {
                existing.addressee = rec.addressee;
            }
        }
        None => out.push(rec),
    }
}

/// Content words of a text, lower case, for comparing statements.
fn content_words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3)
        .map(str::to_lowercase)
        .filter(|w| {
            !matches!(w.as_str(), "that" | "this" | "with" | "should" | "would" | "could" | "their" | "from")
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Two recommendations may not share a title: lengthen the titles that
/// clash until they differ.
fn distinguish(out: &mut [Candidate], doc: &Document, parsed: &[Parsed]) {
    let mut by_title: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (i, c) in out.iter().enumerate() {
        by_title.entry(c.title.to_lowercase()).or_default().push(i);
    }
    for same in by_title.into_values().filter(|v| v.len() > 1) {
        for k in same {
            let si = out[k].sentences[0];
            if let Some(longer) = title_from(&doc.sentences[si].text, &parsed[si], 24, true) {
                out[k].title = longer;
            }
        }
    }
}

/// The sentence right before the list that item `pi` belongs to, lower
/// case, if it stands in the same section ("… the following mitigations
/// apply:").
fn lead_in(doc: &Document, pi: usize) -> Option<String> {
    let intro = (0..pi).rev().find(|&q| !doc.paragraphs[q].list_item)?;
    let same_section = doc.paragraphs[intro].heading == doc.paragraphs[pi].heading
        && doc.paragraphs[intro].section == doc.paragraphs[pi].section;
    if !same_section || (intro + 1..pi).any(|q| !doc.paragraphs[q].list_item) {
        return None;
    }
    let last = *doc.paragraphs[intro].sentences.last()?;
    Some(doc.sentences[last].text.to_lowercase())
}

/// A lead-in sentence that announces a list of advice.
fn announces_list(doc: &Document, pi: usize) -> bool {
    let Some(text) = lead_in(doc, pi) else { return false };
    text.ends_with(':')
        && [
            "mitigation",
            "recommend",
            "should",
            "steps",
            "measures",
            "actions",
            "following general",
            "best practice",
        ]
        .iter()
        .any(|k| text.contains(k))
}

/// A list under a lead-in that describes rather than advises ("The
/// techniques leveraged by SVR actors include:", "Red flags include:").
fn lists_observations(doc: &Document, pi: usize) -> bool {
    let Some(text) = lead_in(doc, pi) else { return false };
    [
        "techniques",
        "tactics",
        "indicators",
        "red flag",
        "warning signs",
        "vulnerabilities",
        "leveraged",
        "observed",
    ]
    .iter()
    .any(|k| text.contains(k))
        && !["mitigat", "recommend", "should"].iter().any(|k| text.contains(k))
}

/// One list item as one recommendation: its bold lead, its run-in label
/// ("War powers. Some Members …"), its verb phrase, or, in a section of
/// recommendations, a short noun phrase ("Stronger port controls").
fn list_item(
    doc: &Document,
    parsed: &[Parsed],
    pi: usize,
    zone: bool,
    options: bool,
    threats: &HashSet<String>,
) -> Option<Candidate> {
    let para = &doc.paragraphs[pi];
    let sentences = para.sentences.clone();
    let text = doc.paragraph_text(pi);
    let first = &doc.sentences[sentences[0]].text;
    let found = sentences
        .iter()
        .find_map(|&s| recommend(&doc.sentences[s].text, &parsed[s], &Scope { zone, threats }));
    let imperative_first = Probe::new(first, &parsed[sentences[0]]).is_some();
    if !(zone || imperative_first) {
        return None;
    }
    let words = first.split_whitespace().count();
    let label = run_in_label(&text);
    // In a section of options an item opens with its topic ("War powers."),
    // never with an order.
    let labelled =
        label.is_some() && (options || zone && !imperative_first_word_is_verb(&parsed[sentences[0]]));
    let (title, explicit, reason, addressee) = if let Some(lead) = &para.lead {
        (lead.clone(), true, "list item with a bold lead", None)
    } else if imperative_first && !labelled {
        let f = imperative(first, &parsed[sentences[0]])?;
        (f.title, true, "list item opening with a verb", None)
    } else if let (Some(label), true) = (&label, options || zone) {
        // "War powers. Some Members … introduce measures …": the label, and
        // the action when the item states one.
        let action = found.as_ref().map(|f| lower_first(&f.title)).or_else(|| {
            sentences
                .iter()
                .find_map(|&s| option_action(&doc.sentences[s].text, &parsed[s]))
                .map(|t| lower_first(&t))
        });
        let title = match action {
            Some(a) => format!("{label}: {a}"),
            None => label.clone(),
        };
        (title, !options, "item of an options list", found.as_ref().and_then(|f| f.addressee.clone()))
    } else if let Some(f) = found {
        (f.title, f.explicit, f.reason, f.addressee)
    } else if zone && !options && words <= 10 && !first.trim_end().ends_with('?') {
        (
            first.trim_end_matches(['.', ';', ':', ',']).to_string(),
            true,
            "list item in a recommendations section",
            None,
        )
    } else {
        return None;
    };
    if title.split_whitespace().count() < 2 && !title.contains(':') {
        return None;
    }
    let detail = match &para.lead {
        Some(lead) => {
            let rest = text.strip_prefix(lead.as_str()).unwrap_or(&text);
            capitalise(rest.trim_start_matches(['.', ':', '—', '–', '-', ' ']).trim())
        }
        None => text.clone(),
    };
    let detail = detail_for(&title, &detail);
    let confidence = if zone || imperative_first { 0.9 } else { 0.7 };
    Some(Candidate { title, detail, sentences, addressee, explicit, confidence, reason: reason.to_string() })
}

/// The action an item of options describes: the first verb after "to" or
/// after "could", "may" or "might" ("have indicated their intention to
/// introduce measures …").
fn option_action(sentence: &str, p: &Parsed) -> Option<String> {
    let v = (1..p.toks.len()).find(|&k| {
        p.toks[k].tag == Tag::Vb
            && (p.toks[k - 1].tag == Tag::To
                || matches!(p.toks[k - 1].lower.as_str(), "could" | "may" | "might"))
            && !matches!(p.toks[k].lemma.as_str(), "be" | "have" | "do")
    })?;
    title_from_verb(sentence, p, v, 12, false)
}

/// Whether the tagger itself read the item's first word as a verb in its base form.
fn imperative_first_word_is_verb(p: &Parsed) -> bool {
    p.first_word().is_some_and(|i| p.toks[i].tag == Tag::Vb)
}

/// "War powers. Some Members …": a short capitalised label ending in a full
/// stop or colon before the item's text.
fn run_in_label(sentence: &str) -> Option<String> {
    let (head, rest) = sentence.split_once(['.', ':'])?;
    let words = head.split_whitespace().count();
    let capital = head.chars().next().is_some_and(char::is_uppercase);
    (capital && (1..=5).contains(&words) && rest.split_whitespace().count() >= 3 && !head.contains(','))
        .then(|| head.trim().to_string())
}

/// Where a sentence stands: in a section of recommendations or not, and
/// the names of the brief's threats.
struct Scope<'a> {
    zone: bool,
    threats: &'a HashSet<String>,
}

/// If a sentence recommends, what.
fn recommend(sentence: &str, p: &Parsed, scope: &Scope) -> Option<Found1> {
    let zone = scope.zone;
    let trimmed = sentence.trim_end();
    if trimmed.ends_with('?') || p.toks.len() < 3 || quoted(sentence) {
        return None;
    }
    run_in(sentence, p)
        .or_else(|| imperative(sentence, p))
        .or_else(|| explicit(sentence, p))
        .or_else(|| modal(sentence, p, scope))
        .or_else(|| request(sentence, p))
        .or_else(|| if zone { how_to(sentence, p) } else { None })
}

/// A sentence that is all quotation ("“Protect. Defend. Save.”").
fn quoted(sentence: &str) -> bool {
    let s = sentence.trim();
    s.starts_with(['"', '“', '‘', '\''])
}

/// Verbs whose object can be followed by what it keeps doing: "keep
/// humanitarian funding flowing".
const KEEP_VERBS: &[&str] = &["keep", "leave", "get", "set", "have", "stop", "prevent", "start"];

/// Words that open a subordinate clause.
#[rustfmt::skip]
const SUBORDINATORS: &[&str] = &[
    "that", "if", "when", "because", "as", "while", "before", "after", "until", "since", "so",
    "unless", "whether", "although", "though", "where", "once",
];

/// Words that number steps.
#[rustfmt::skip]
const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "finally", "lastly", "last", "next",
    "additionally", "also", "further", "furthermore", "moreover", "then", "meanwhile",
];

/// "Implement network segmentation.", "Regularly back up data."
fn imperative(sentence: &str, p: &Parsed) -> Option<Found1> {
    let probe = Probe::new(sentence, p)?;
    if p.toks.len() > 60 {
        return None;
    }
    let title = title_from_verb(&probe.text, &probe.parsed, probe.verb, 14, false)?;
    // Keep "Regularly", "Only", "Do not" before the verb.
    let title = match probe.adverbs() {
        Some(pre) => format!("{pre} {}", lower_first(&title)),
        None => title,
    };
    if title.split_whitespace().count() < 2 {
        return None;
    }
    Some(Found1 {
        title: capitalise(&title),
        addressee: None,
        explicit: true,
        confidence: 0.9,
        reason: "imperative",
    })
}

/// A sentence read again as advice: "We must " before its opening words.
/// The tagger, which takes a capitalised first word for a noun or an
/// adjective often enough ("Strengthen Counterterrorism Cooperation",
/// "Regularly back up data"), then sees a verb where one stands.
struct Probe {
    text: String,
    parsed: Parsed,
    /// The verb's token in `parsed`.
    verb: usize,
    /// The first token after "We must" in `parsed`.
    first: usize,
}

const PROBE: &str = "We must ";

impl Probe {
    fn new(sentence: &str, p: &Parsed) -> Option<Probe> {
        // "Bottom line: …", "Outlook: …": a label that names a part of a
        // brief, not an act.
        if let Some((label, _)) = sentence.split_once(':')
            && label.split_whitespace().count() <= 4
            && !matches!(Section::of_heading(label), Section::Analysis | Section::Recommendations)
        {
            return None;
        }
        let mut i = p.first_word()?;
        // "First, expand …", "Finally, …".
        if p.toks.get(i + 1).is_some_and(|t| t.tag == Tag::Comma)
            && ORDINALS.contains(&p.toks[i].lower.as_str())
        {
            i += 2;
        }
        let t = p.toks.get(i)?;
        // Openings that are never verbs: determiners, pronouns, names,
        // numbers, prepositions, and verbs in a form other than the base.
        let never = matches!(
            t.tag,
            Tag::Dt
                | Tag::Prp
                | Tag::PrpPoss
                | Tag::In
                | Tag::Cd
                | Tag::Wdt
                | Tag::Wp
                | Tag::Wrb
                | Tag::Ex
                | Tag::Md
                | Tag::Cc
                | Tag::To
                | Tag::Vbd
                | Tag::Vbz
                | Tag::Vbg
                | Tag::Vbn
                | Tag::Nns
                | Tag::Nnps
        ) || sentence[t.end..].starts_with('-');
        // A name stays a name: "Pakistan’s attempts", "Pakistani agencies", "FBI".
        let word = &sentence[t.start..t.end];
        let name = t.tag.is_proper()
            && (word.chars().filter(|c| c.is_uppercase()).count() > 1
                || p.toks.get(i + 1).is_some_and(|x| x.tag == Tag::Pos)
                || super::gazetteer::state(word).is_some()
                || super::gazetteer::state_of_demonym(word).is_some()
                || super::gazetteer::group(word).is_some());
        let never = never || name;
        // "March 2025 — …": a date, not a march.
        let date = p.toks.get(i + 1).is_some_and(|x| x.tag == Tag::Cd) && t.capitalised;
        if never || date || !t.capitalised && t.tag != Tag::Vb {
            return None;
        }
        // A sentence whose opening words are the subject of a verb is a
        // statement ("Ransom amounts vary widely", "Conti weaponizes …").
        let declarative = p.clauses.iter().any(|c| {
            c.verb > i
                && (p.toks[c.verb].tag.is_finite() || c.modal.is_some())
                && c.subject.first().is_some_and(|&s| p.chunks[s].start <= i + 1)
        });
        if declarative {
            return None;
        }
        let rest = &sentence[t.start..];
        let lowered: String =
            rest.chars().next().map(|c| c.to_lowercase().collect::<String>()).unwrap_or_default()
                + &rest[rest.chars().next().map_or(0, char::len_utf8)..];
        // The whole sentence, then (a run-on label) its opening up to a comma.
        let cut = lowered.find([',', ':', ';']).map(|c| lowered[..c].to_string());
        for (nth, candidate) in std::iter::once(lowered.clone()).chain(cut).enumerate() {
            let text = format!("{PROBE}{candidate}");
            let parsed = super::syntax::parse(&text);
            let first = 2;
            let mut v = first;
            while v < parsed.toks.len() && parsed.toks[v].tag.is_adv() && parsed.toks[v].lower != "not" {
                v += 1;
            }
            // The verb must head the sentence: no finite verb of its own
            // clause follows before a comma ("pakistani agencies have …").
            let segment_end = (v + 1..parsed.toks.len())
                .find(|&k| matches!(parsed.toks[k].tag, Tag::Comma | Tag::Colon | Tag::Period))
                .unwrap_or(parsed.toks.len());
            // A second verb of the main clause ("ransom amounts vary",
            // "Conflict involving the government … continued") means the
            // first word was not the verb; a verb in a subordinate clause
            // ("Assume that a breach will happen") does not.
            let mut subordinate = false;
            let mut finite_after = false;
            let mut past_after = false;
            for k in v + 1..parsed.toks.len() {
                let t = &parsed.toks[k];
                if matches!(t.tag, Tag::Wdt | Tag::Wp | Tag::Wrb)
                    || (t.tag == Tag::In && SUBORDINATORS.contains(&t.lower.as_str()))
                {
                    subordinate = true;
                }
                if t.tag == Tag::Colon {
                    subordinate = false;
                }
                // "… for indications they were turned off": a pronoun opens a clause of its own.
                let own_subject = k > 0 && parsed.toks[k - 1].tag == Tag::Prp;
                let verb = !own_subject && t.tag.is_finite()
                    || (k < segment_end
                        && t.tag == Tag::Vb
                        && !parsed.toks[k - 1].tag.is_adv()
                        && !matches!(parsed.toks[k - 1].tag, Tag::To | Tag::Cc | Tag::Md | Tag::Comma));
                if verb && !subordinate {
                    finite_after = true;
                    // A past verb right after a noun has that noun for its subject.
                    past_after = t.tag == Tag::Vbd && parsed.toks[k - 1].tag.is_noun();
                    break;
                }
            }
            // "Conflict involving the government, militias … resulted in …":
            // a main verb in the past after the list; its opening up to the
            // comma is no label.
            if nth == 0 && past_after {
                return None;
            }
            // "Strait of Hormuz": a noun before "of".
            let noun_of = parsed.is(v + 1, "of");
            // The word must be able to be a verb at all ("cyber", "conti" cannot).
            let verb_word = parsed.toks.get(v).is_some_and(|x| semantics::verb(&x.lemma).any());
            // "Ransom amounts vary": a verb right after the would-be object.
            let object_then_verb = parsed.chunk_of.get(v + 1).copied().flatten().is_some_and(|c| {
                let after = parsed.chunks[c].end;
                parsed.toks.get(after).is_some_and(|x| {
                    !x.tag.is_noun()
                        && !matches!(x.tag, Tag::Vbg | Tag::Vbn | Tag::In | Tag::To | Tag::Cc)
                        && !x.tag.is_punct()
                        && semantics::verb(&x.lower).any()
                })
            });
            let ok = parsed.toks.get(v).is_some_and(|x| x.tag == Tag::Vb)
                && verb_word
                && !finite_after
                && !noun_of
                && !object_then_verb;
            if ok {
                if std::env::var_os("BRIEFSMITH_DEBUG_RECS").is_some() {
                    let tags: Vec<String> =
                        parsed.toks.iter().map(|t| format!("{}/{}", &text[t.start..t.end], t.tag)).collect();
                    eprintln!("probe ok: {}", tags.join(" "));
                }
                return Some(Probe { text, parsed, verb: v, first });
            }
        }
        None
    }

    /// The adverbs between the opening and the verb ("Regularly"), as written.
    fn adverbs(&self) -> Option<String> {
        (self.verb > self.first).then(|| {
            let a = &self.text[self.parsed.toks[self.first].start..self.parsed.toks[self.verb].start];
            capitalise(a.trim())
        })
    }
}

/// "Strengthen Counterterrorism Cooperation, engaging with regional allies …".
fn run_in(sentence: &str, p: &Parsed) -> Option<Found1> {
    let v = p.first_word()?;
    let t = &p.toks[v];
    Probe::new(sentence, p)?;
    let comma =
        (v + 1..p.toks.len().min(v + 12)).find(|&k| matches!(p.toks[k].tag, Tag::Comma | Tag::Colon))?;
    let label: Vec<usize> = (v + 1..comma).filter(|&k| p.toks[k].lower.len() > 3).collect();
    let title_case = !label.is_empty() && label.iter().all(|&k| p.toks[k].capitalised);
    let gerund_follows = p.toks.get(comma + 1).is_some_and(|x| x.tag == Tag::Vbg);
    if !(title_case || gerund_follows) || p.toks.len() < comma + 4 {
        return None;
    }
    let title = sentence[t.start..p.toks[comma - 1].end].trim().to_string();
    Some(Found1 {
        title,
        addressee: None,
        explicit: true,
        confidence: 0.85,
        reason: "run-in imperative label",
    })
}

/// "We recommend that …", "GAO recommends that OSTP … augment …", "the FBI
/// urges you to …", "calls on X to …", "There is a need to …", "does not
/// encourage paying ransoms".
fn explicit(sentence: &str, p: &Parsed) -> Option<Found1> {
    for clause in &p.clauses {
        let verb = &p.toks[clause.verb];
        let lemma = verb.lemma.as_str();
        let subject = clause.subject.first().map(|&c| p.chunk_text(sentence, c).to_string());
        // "narratives encouraged by China to undermine …": a participle
        // describes; only a verb in the present tense or its base form speaks.
        if matches!(verb.tag, Tag::Vbn | Tag::Vbg | Tag::Vbd) {
            continue;
        }
        match lemma {
            "recommend" | "advise" | "propose" if !clause.passive && present(p, clause) => {
                if clause.negated {
                    continue;
                }
                // "recommend that X prioritize …": the next clause's verb.
                let next = p.clauses.iter().find(|c| c.first > clause.verb && c.verb > clause.verb)?;
                if !p.toks[next.verb].tag.is_verb() {
                    continue;
                }
                let addressee = next.subject.first().map(|&c| p.chunk_text(sentence, c).to_string());
                // "recommend that the following mitigations be prioritized".
                let title = if next.passive && !next.subject.is_empty() {
                    let object = next
                        .subject
                        .iter()
                        .map(|&c| p.chunk_text(sentence, c))
                        .collect::<Vec<_>>()
                        .join(" and ");
                    format!("{} {}", capitalise(&p.toks[next.verb].lemma), lower_first(&object))
                } else {
                    let v = next.then.unwrap_or(next.verb);
                    let title =
                        ensured(sentence, p, v).or_else(|| title_from_verb(sentence, p, v, 14, false))?;
                    // "OSTP … augments" reads as an imperative: the base form.
                    let rest = title.split_once(' ').map_or("", |(_, r)| r);
                    capitalise(format!("{} {rest}", p.toks[v].lemma).trim())
                };
                let addressee = if next.passive { None } else { addressee };
                return Some(Found1 {
                    title,
                    addressee,
                    explicit: true,
                    confidence: 0.95,
                    reason: "recommends that",
                });
            }
            "urge" | "encourage" | "call" | "ask" if !clause.passive && present(p, clause) => {
                // "urges you to promptly report", "calls on Congress to act".
                let to =
                    (clause.verb + 1..p.toks.len().min(clause.verb + 10)).find(|&k| p.toks[k].tag == Tag::To);
                let v = to.map(|to| {
                    let mut v = to + 1;
                    while v < p.toks.len() && p.toks[v].tag.is_adv() {
                        v += 1;
                    }
                    v
                });
                if let (Some(to), Some(v)) = (to, v)
                    && p.toks.get(v).is_some_and(|t| t.tag == Tag::Vb)
                {
                    if clause.negated {
                        continue;
                    }
                    let who = (clause.verb + 1..to)
                        .find_map(|k| p.chunk_of[k])
                        .map(|c| p.chunk_text(sentence, c).to_string());
                    let adv = if v > to + 1 {
                        Some(&sentence[p.toks[to + 1].start..p.toks[v].start])
                    } else {
                        None
                    };
                    let title = title_from_verb(sentence, p, v, 14, false)?;
                    let title = match adv {
                        Some(a) => capitalise(&format!("{a}{}", lower_first(&title))),
                        None => title,
                    };
                    return Some(Found1 {
                        title,
                        addressee: who,
                        explicit: true,
                        confidence: 0.9,
                        reason: "urges",
                    });
                }
                // "does not encourage paying ransoms" → "Do not pay ransoms".
                if clause.negated
                    && lemma == "encourage"
                    && let Some(g) = p.toks.get(clause.verb + 1).filter(|t| t.tag == Tag::Vbg)
                {
                    let _ = g;
                    let title = title_from_verb(sentence, p, clause.verb + 1, 10, false)?;
                    let base = p.toks[clause.verb + 1].lemma.clone();
                    let rest = title.split_once(' ').map_or("", |(_, r)| r);
                    let title = format!("Do not {base} {rest}").trim().to_string();
                    return Some(Found1 {
                        title,
                        addressee: subject,
                        explicit: true,
                        confidence: 0.8,
                        reason: "discourages",
                    });
                }
            }
            _ => {}
        }
    }
    // "There is a (clear/urgent) need to …".
    let need = p.toks.iter().position(|t| t.lower == "need")?;
    if need >= 1
        && matches!(p.toks[need - 1].lower.as_str(), "a" | "urgent" | "pressing" | "clear" | "real")
        && p.toks.get(need + 1).is_some_and(|t| t.tag == Tag::To)
        && p.toks.get(need + 2).is_some_and(|t| t.tag == Tag::Vb)
    {
        let title = title_from_verb(sentence, p, need + 2, 14, false)?;
        return Some(Found1 { title, addressee: None, explicit: true, confidence: 0.8, reason: "a need to" });
    }
    None
}

/// Whether a clause speaks in the present (the author's own voice), not in
/// the past of a report ("Kenya requested the deployment …").
fn present(p: &Parsed, clause: &Clause) -> bool {
    (clause.first..=clause.verb).all(|k| !matches!(p.toks[k].tag, Tag::Vbd))
        && !(clause.first..clause.verb).any(|k| matches!(p.toks[k].lower.as_str(), "had" | "was" | "were"))
}

/// Modals that recommend, and modals that lay out options.
const URGING: &[&str] = &["should", "must", "need", "needs", "ought", "has", "have", "shall"];
const OPTIONAL: &[&str] = &["may", "could", "might", "can"];

/// Verbs that, after "may" or "could", weigh an option rather than predict.
#[rustfmt::skip]
const DELIBERATIVE: &[&str] = &[
    "consider", "examine", "review", "seek", "explore", "assess", "evaluate", "weigh", "engage",
    "choose", "decide", "pursue", "opt", "wish", "want", "reconsider", "revisit", "debate",
    "introduce", "hold", "request", "require", "direct", "condition", "mandate", "legislate",
];

/// Verbs that tell of something happening rather than of someone acting
/// ("arrive", "ease", "come under pressure").
#[rustfmt::skip]
const UNACCUSATIVE: &[&str] = &[
    "arrive", "ease", "rise", "fall", "decline", "increase", "grow", "improve", "worsen", "hold",
    "come", "happen", "occur", "emerge", "recover", "subside", "end", "begin", "start", "peak",
    "drop", "slow", "collapse", "stabilise", "stabilize", "expire", "follow", "materialise",
    "materialize", "fade", "last",
];

/// Words that open a condition ("If the group keeps overrunning positions, …").
const CONDITIONALS: &[&str] = &["if", "unless", "once", "should", "provided"];

/// Verbs that say what is expected or noticed, not what to do ("should be noted").
const NOT_ADVICE: &[&str] =
    &["expect", "note", "see", "remember", "understand", "anticipate", "view", "read", "say"];

/// "<agent> should|must|needs to <verb> …", "<agent> may consider …",
/// "X should be strengthened".
fn modal(sentence: &str, p: &Parsed, scope: &Scope) -> Option<Found1> {
    let zone = scope.zone;
    for (ci, clause) in p.clauses.iter().enumerate() {
        let Some(m) = clause.modal else { continue };
        let modal = p.toks[m].lower.as_str();
        // "may need to be strengthened": the need urges.
        let needs = (clause.first..=clause.verb)
            .any(|k| matches!(p.toks[k].lower.as_str(), "need" | "needs" | "ought"));
        let urging = URGING.contains(&modal) || needs;
        let optional = OPTIONAL.contains(&modal) && !urging;
        if !(urging || optional) {
            continue;
        }
        // "One need only look at …", "you have only to see …": a figure
        // of speech that points at evidence, not advice.
        if matches!(modal, "need" | "needs" | "have" | "has")
            && (m..=clause.verb.min(m + 3)).any(|k| matches!(p.toks[k].lower.as_str(), "only" | "merely"))
        {
            continue;
        }
        // "how the world should be governed", "whether Congress should …".
        let wh = clause.subject.first().map_or(clause.first, |&c| p.chunks[c].start);
        let asked = wh > 0
            && (0..wh).rev().take(4).any(|k| {
                matches!(p.toks[k].tag, Tag::Wrb | Tag::Wp | Tag::Wdt) || p.toks[k].lower == "whether"
            });
        // "issues on which Members could engage": a relative clause says
        // what is, not what to do.
        let relative = clause.relative
            || (wh > 0 && matches!(p.toks[wh - 1].tag, Tag::Wdt | Tag::Wp))
            || (wh > 1 && p.toks[wh - 2].tag == Tag::In && matches!(p.toks[wh - 1].tag, Tag::Wdt | Tag::Wp));
        if relative || asked && !zone {
            continue;
        }
        let verb = clause.then.filter(|_| p.toks[clause.verb].lower == "need").unwrap_or(clause.verb);
        let vt = &p.toks[verb];
        if clause.passive {
            // "Border security should be strengthened" → "Strengthen border security".
            if NOT_ADVICE.contains(&vt.lemma.as_str())
                || clause.subject.is_empty()
                || optional && !zone && !suggested(p, ci)
            {
                continue;
            }
            let object =
                clause.subject.iter().map(|&c| p.chunk_text(sentence, c)).collect::<Vec<_>>().join(" and ");
            if pronoun_like(&object) {
                continue;
            }
            let title = format!("{} {}", capitalise(&vt.lemma), lower_first(&object));
            return Some(Found1 {
                title,
                addressee: None,
                explicit: urging,
                confidence: if urging { 0.8 } else { 0.6 },
                reason: "passive advice",
            });
        }
        if !vt.tag.is_verb()
            || NOT_ADVICE.contains(&vt.lemma.as_str())
            || COPULA_LEMMAS.contains(&vt.lemma.as_str())
        {
            continue;
        }
        let agent = subject_is_agent(sentence, p, clause);
        if !agent {
            continue;
        }
        // "JNIM no longer needs to capture cities": what a threat needs is
        // not advice.
        let subject = clause
            .subject
            .iter()
            .map(|&c| p.chunk_text(sentence, c).to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        if super::actors::names_one_of(&subject, scope.threats) {
            continue;
        }
        // "Prices should keep falling": a change with nothing changed by
        // the subject is a forecast ("should expand patrols" is advice).
        if semantics::verb(&vt.lemma).change() && clause.object.is_empty() && !zone {
            continue;
        }
        // "Egyptian troops should arrive in the third quarter", "If AUSSOM
        // is funded, Mogadishu should hold": "should" with a verb that has
        // no object predicts; advice names what to act on.
        if modal == "should" && clause.object.is_empty() && clause.then.is_none() {
            let conditional = p.toks.first().is_some_and(|t| CONDITIONALS.contains(&t.lower.as_str()));
            if UNACCUSATIVE.contains(&vt.lemma.as_str()) || conditional && !zone {
                continue;
            }
        }
        let suggested = suggested(p, ci);
        let deliberate = DELIBERATIVE.contains(&vt.lemma.as_str());
        if optional && !(deliberate || zone || suggested) {
            continue;
        }
        let mut title =
            ensured(sentence, p, verb).or_else(|| title_from_verb(sentence, p, verb, 14, false))?;
        if clause.negated && urging {
            title = format!("Do not {}", lower_first(&title));
        } else if clause.negated {
            continue;
        }
        let addressee = clause.subject.first().map(|&c| p.chunk_text(sentence, c).to_string());
        let reason = if urging { "advice with an agent" } else { "an option for an agent" };
        return Some(Found1 {
            title,
            addressee: addressee.filter(|a| !pronoun_like(a)),
            explicit: urging,
            confidence: if urging { 0.85 } else { 0.65 },
            reason,
        });
    }
    None
}

/// "ensure that the head of any entity … requires implementing partners to
/// develop …": the action is the inner one, "Require implementing partners
/// to develop …".
fn ensured(sentence: &str, p: &Parsed, verb: usize) -> Option<String> {
    if p.toks[verb].lemma != "ensure" || !p.is(verb + 1, "that") {
        return None;
    }
    let inner =
        p.clauses.iter().find(|c| c.first > verb + 1 && c.modal.is_none() && p.toks[c.verb].tag.is_verb())?;
    if !p.toks[inner.verb].tag.is_finite() && p.toks[inner.verb].tag != Tag::Vb {
        return None;
    }
    let title = title_from_verb(sentence, p, inner.verb, 14, false)?;
    let rest = title.split_once(' ').map_or("", |(_, r)| r);
    Some(capitalise(format!("{} {rest}", p.toks[inner.verb].lemma).trim()))
}

/// In a section of options: "how to distribute funds …", "whether to
/// designate funding …" name an option.
fn how_to(sentence: &str, p: &Parsed) -> Option<Found1> {
    let at = p.toks.iter().position(|t| matches!(t.lower.as_str(), "how" | "whether"))?;
    if !p.is(at + 1, "to") || p.toks.get(at + 2).is_none_or(|t| t.tag != Tag::Vb) {
        return None;
    }
    let title = title_from_verb(sentence, p, at + 2, 14, false)?;
    Some(Found1 { title, addressee: None, explicit: false, confidence: 0.6, reason: "an option laid out" })
}

/// Lemmas of verbs that link a subject to what it is.
const COPULA_LEMMAS: &[&str] = &["be", "remain", "become", "seem", "appear"];

/// A clause under "suggested that", "argued that", "proposed that".
fn suggested(p: &Parsed, ci: usize) -> bool {
    p.clauses[..ci].iter().any(|c| {
        matches!(
            p.toks[c.verb].lemma.as_str(),
            "suggest" | "propose" | "argue" | "recommend" | "advise" | "urge"
        )
    })
}

fn pronoun_like(s: &str) -> bool {
    matches!(
        s.to_lowercase().as_str(),
        "it" | "this" | "that" | "which" | "there" | "these" | "they" | "what" | "those"
    )
}

/// Whether the subject of a clause can act on advice: a person, a group or
/// an institution, a proper name, "we" or "you" — not a thing or a trend.
fn subject_is_agent(sentence: &str, p: &Parsed, clause: &Clause) -> bool {
    let Some(&c) = clause.subject.first() else { return false };
    let head = &p.toks[p.chunks[c].head];
    if matches!(head.lower.as_str(), "we" | "you" | "i") {
        return true;
    }
    if matches!(head.lower.as_str(), "it" | "this" | "that" | "which" | "there" | "these" | "those" | "what")
    {
        return false;
    }
    if head.lower == "they" {
        return false;
    }
    if head.tag.is_proper() || head.capitalised && p.chunks[c].start > 0 {
        return true;
    }
    let n = semantics::noun(&head.lemma);
    let _ = sentence;
    n.person()
        || n.group()
        || n.institution()
        || ["actor", "stakeholder", "partner", "donor", "owner", "defender"].contains(&head.lemma.as_str())
}

/// "The FBI is seeking any information that can be shared, to include …":
/// a request to share information with the requester.
fn request(sentence: &str, p: &Parsed) -> Option<Found1> {
    for clause in &p.clauses {
        let lemma = p.toks[clause.verb].lemma.as_str();
        if !matches!(lemma, "seek" | "request" | "welcome" | "solicit") || clause.negated {
            continue;
        }
        let object = clause.object.first()?;
        if p.head_lemma(*object) != "information" {
            continue;
        }
        let who = clause.subject.first().map(|&c| p.chunk_text(sentence, c).to_string())?;
        let who = who.strip_prefix("The ").map(|w| format!("the {w}")).unwrap_or(who);
        return Some(Found1 {
            title: format!("Share information with {who}"),
            addressee: None,
            explicit: false,
            confidence: 0.7,
            reason: "request for information",
        });
    }
    None
}

/// A title from the verb phrase of clause verb `v`.
fn title_from(sentence: &str, p: &Parsed, max: usize, long: bool) -> Option<String> {
    let v = imperative_verb(p)
        .or_else(|| p.clauses.iter().find(|c| c.modal.is_some()).map(|c| c.then.unwrap_or(c.verb)))?;
    title_from_verb(sentence, p, v, max, long)
}

fn imperative_verb(p: &Parsed) -> Option<usize> {
    let v = p.first_word()?;
    (p.toks[v].tag == Tag::Vb).then_some(v)
}

/// A title from the verb phrase that starts at token `v`: the verb, its
/// particle and object, and the phrases after it, up to `max` words. It
/// stops at a clause boundary; it never ends inside a noun phrase or on a
/// function word; an aside between commas or in brackets is skipped.
fn title_from_verb(sentence: &str, p: &Parsed, v: usize, max: usize, long: bool) -> Option<String> {
    let _ = long;
    let n = p.toks.len();
    let mut kept: Vec<usize> = Vec::new();
    // Positions (lengths of `kept`) after which the title may end.
    let mut ends: Vec<usize> = Vec::new();
    let mut k = v;
    // "consider whether to …", "examine how X may …", "ensure copies are
    // kept …": a verb whose object is a clause lets one clause in.
    let takes_clause = DELIBERATIVE.contains(&p.toks[v].lemma.as_str())
        || matches!(
            p.toks[v].lemma.as_str(),
            "ensure" | "verify" | "confirm" | "determine" | "assess" | "identify"
        );
    let mut inner_clause = false;
    while k < n && kept.len() < max {
        let t = &p.toks[k];
        if let Some(c) = p.chunk_of[k] {
            let end = p.chunks[c].end;
            if kept.len() + (end - k) > max {
                break;
            }
            // A chunk followed by its own verb opens a new clause ("… for
            // indications they were turned off").
            let opens_clause = k > v + 1
                && p.toks.get(end).is_some_and(|x| x.tag.is_finite() || x.tag == Tag::Md)
                && (!takes_clause || inner_clause);
            if opens_clause {
                break;
            }
            kept.extend(k..end);
            ends.push(kept.len());
            k = end;
            continue;
        }
        match t.tag {
            Tag::Comma => {
                // "support, reject, or modify": verbs in a row go on.
                let next = k + 1 + usize::from(p.toks.get(k + 1).is_some_and(|x| x.tag == Tag::Cc));
                if p.toks.get(next).is_some_and(|x| {
                    x.tag == Tag::Vb
                        || (x.tag != Tag::Vbg
                            && semantics::verb(&x.lower).any()
                            && !x.tag.is_proper()
                            && k > v)
                }) {
                    kept.push(k);
                    k += 1;
                    continue;
                }
                // An aside: ", during award design," or ", in coordination with X,".
                let close = (k + 1..n.min(k + 12)).find(|&j| p.toks[j].tag == Tag::Comma);
                let aside = close.filter(|&c| {
                    let opener = p.toks.get(k + 1).is_some_and(|x| {
                        x.tag == Tag::In
                            || matches!(
                                x.lower.as_str(),
                                "not" | "including" | "especially" | "ideally" | "perhaps"
                            )
                    });
                    opener && !(k + 1..c).any(|j| p.toks[j].tag.is_finite() || p.toks[j].tag == Tag::Md)
                });
                match aside {
                    Some(c) => k = c + 1,
                    None => break,
                }
            }
            Tag::OpenBracket => match (k + 1..n).find(|&j| p.toks[j].tag == Tag::CloseBracket) {
                Some(close) => k = close + 1,
                None => break,
            },
            Tag::Hyph => {
                kept.push(k);
                k += 1;
            }
            // "updates/patch", "remote access/RDP".
            _ if t.lower == "/" && k > v && k + 1 < n => {
                kept.push(k);
                k += 1;
            }
            _ if t.tag.is_punct() => break,
            _ => {
                let wh = matches!(t.lower.as_str(), "whether" | "how" | "what" | "which" | "why" | "where")
                    && matches!(t.tag, Tag::Wrb | Tag::Wp | Tag::Wdt | Tag::In);
                let finite = t.tag.is_finite() || t.tag == Tag::Md;
                let let_in = takes_clause && !inner_clause && (wh || finite || t.lower == "that");
                if let_in && finite {
                    inner_clause = true;
                }
                let stop = !let_in
                    && (matches!(t.tag, Tag::Wdt | Tag::Wp | Tag::Md | Tag::Wrb)
                        || (t.tag == Tag::In && TITLE_STOPS.contains(&t.lower.as_str()))
                        || (t.lower == "as" && k > v + 1)
                        || (finite && k > v)
                        || (t.lower == "that" && k > v)
                        || (t.tag == Tag::Vbg
                            && k > v + 1
                            && !matches!(p.toks[k - 1].tag, Tag::In | Tag::To | Tag::Cc)
                            // "keep humanitarian funding flowing"
                            && !(KEEP_VERBS.contains(&p.toks[v].lemma.as_str()) && p.chunk_of[k - 1].is_some()))
                        || (t.lower == "instead" && k > v));
                if stop {
                    break;
                }
                kept.push(k);
                k += 1;
                let adverb_end = t.tag.is_adv() && kept.len() > 1 && !p.is(k, "as") && !p.is(k, "than");
                if t.tag == Tag::Rp || adverb_end || (k == v + 1) || t.tag == Tag::Vbn {
                    ends.push(kept.len());
                }
            }
        }
    }
    // The last place the title may end that does not leave it dangling.
    let end = ends.iter().rev().copied().find(|&e| e > 0 && can_end(p, kept[e - 1] + 1))?;
    let kept = &kept[..end];
    // Rebuild the text: runs of adjacent tokens as written, a space between runs.
    let mut title = String::new();
    let mut run_start = kept[0];
    for (i, &t) in kept.iter().enumerate() {
        let last_of_run = kept.get(i + 1).is_none_or(|&next| next != t + 1);
        if last_of_run {
            if !title.is_empty() {
                title.push(' ');
            }
            title.push_str(&sentence[p.toks[run_start].start..p.toks[t].end]);
            if let Some(&next) = kept.get(i + 1) {
                run_start = next;
            }
        }
    }
    let title = title.trim().trim_end_matches([',', ';', ':']).trim().to_string();
    (!title.is_empty()).then(|| capitalise(&title))
}

/// Whether a title may end before token `k`: not after an article, a
/// preposition, a conjunction, an auxiliary or a possessive.
fn can_end(p: &Parsed, k: usize) -> bool {
    let Some(last) = k.checked_sub(1).and_then(|i| p.toks.get(i)) else { return false };
    !matches!(
        last.tag,
        Tag::Dt
            | Tag::In
            | Tag::Cc
            | Tag::To
            | Tag::PrpPoss
            | Tag::Pos
            | Tag::Md
            | Tag::Wdt
            | Tag::Wp
            | Tag::Wrb
            | Tag::Hyph
            | Tag::Comma
    ) && (!last.tag.is_verb() || !matches!(last.lemma.as_str(), "be" | "have" | "do"))
}

/// Words after which a title stops: a subordinate clause or an example begins.
#[rustfmt::skip]
const TITLE_STOPS: &[&str] = &[
    "because", "while", "so", "since", "whereby", "if", "when", "before", "after", "although",
    "unless", "until", "whether", "though", "as", "like", "including", "such", "especially", "instead",
    "particularly", "notably", "given", "per", "despite",
];

/// Whether a sentence reads as support for the recommendation before it
/// ("Doing so would …", "This would help …").
fn supports(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    SUPPORT_CUES.iter().any(|c| lower.contains(c)) || (first.ends_with("ing") && first.len() > 5)
}

/// Phrases that show a sentence says what a recommendation would achieve.
#[rustfmt::skip]
const SUPPORT_CUES: &[&str] = &[
    "can help", "could help", "would help", "will help", "would allow", "will allow", "can improve",
    "would improve", "will improve", "will limit", "would limit", "can limit", "would reduce",
    "can reduce", "will reduce", "would strengthen", "is essential", "is critical", "would ensure",
    "will ensure", "can ensure", "is key", "this would", "this will", "doing so", "such steps",
    "such measures", "this includes", "this means",
];

/// Lower-cases the first letter unless the first word is an acronym or name.
fn lower_first(s: &str) -> String {
    let first = s.split_whitespace().next().unwrap_or("");
    if first.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return s.to_string();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::syntax;

    fn rec(s: &str) -> Option<String> {
        recommend(s, &syntax::parse(s), &Scope { zone: false, threats: &HashSet::new() }).map(|f| f.title)
    }

    #[test]
    fn run_in_label_is_the_title() {
        assert_eq!(
            rec("Disrupt Terrorist Financing Networks, cracking down on illicit financial networks will limit their capabilities.")
                .as_deref(),
            Some("Disrupt Terrorist Financing Networks")
        );
    }

    #[test]
    fn advice_with_any_agent() {
        assert_eq!(
            rec("To address these challenges, the government needs to enhance border security.").as_deref(),
            Some("Enhance border security")
        );
        assert_eq!(
            rec("Donors should fund local mediation programmes through pooled funds.").as_deref(),
            Some("Fund local mediation programmes through pooled funds")
        );
        assert_eq!(
            rec("The international community should sanction the junta's leaders.").as_deref(),
            Some("Sanction the junta's leaders")
        );
        assert_eq!(
            rec("Washington must restore funding for the mission.").as_deref(),
            Some("Restore funding for the mission")
        );
        assert!(rec("Congress may consider whether to designate funding for such activities.").is_some());
    }

    #[test]
    fn passive_advice_becomes_imperative() {
        assert_eq!(
            rec("Port security inspections should be strengthened.").as_deref(),
            Some("Strengthen port security inspections")
        );
    }

    #[test]
    fn explicit_and_negative_advice() {
        assert_eq!(
            rec("NSA, CISA, and FBI recommend that critical system owners prioritize the following mitigation actions.")
                .as_deref(),
            Some("Prioritize the following mitigation actions")
        );
        assert_eq!(rec("The FBI does not encourage paying ransoms.").as_deref(), Some("Do not pay ransoms"));
    }

    #[test]
    fn forecasts_questions_and_mottos_are_not_advice() {
        assert_eq!(rec("The situation should improve by next year."), None);
        assert_eq!(rec("It should be noted that attacks rose."), None);
        assert_eq!(rec("Analysts asked what the government should do next."), None);
        assert_eq!(rec("Should donors fund the mission?"), None);
        assert_eq!(rec("Aid will help the displaced."), None);
        assert_eq!(rec("“Protect. Defend. Save.”"), None);
        assert_eq!(
            rec(
                "One need only look at the crisis, exacerbated by narratives encouraged by China to undermine the United States."
            ),
            None
        );
        assert_eq!(
            rec(
                "Conflict involving the government, militias, and peacekeepers resulted in death and displacement."
            ),
            None
        );
    }

    #[test]
    fn titles_are_whole_phrases() {
        let t = rec("Washington should press for U.S. inspectors at every port of entry along the border.")
            .unwrap();
        assert!(!t.ends_with("U.S") && !t.ends_with("for"), "{t}");
        assert!(t.contains("U.S."), "{t}");
    }
}
