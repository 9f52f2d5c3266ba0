//! Sentences read as language: tagged tokens, noun-phrase chunks and clauses.
//!
//! The second linguistic layer, between the tagger ([`super::tagger`]) and
//! the steps that read meaning ([`super::actors`], [`super::risks`],
//! [`super::recommendations`]). Each sentence is cut into tokens, tagged and
//! lemmatised, grouped into noun-phrase chunks ("the Afghan Taliban",
//! "Centers for Disease Control and Prevention", "Iran's nuclear program"),
//! and read as clauses: the verb group (with its modal, negation and voice),
//! the subject chunk before it, the object and prepositional chunks after it.
//! It is a shallow reading, not a full parse: enough to tell who does what to
//! whom in the plain declarative sentences briefs are written in, in time
//! linear in the sentence's length.

use super::tagger::{self, Tag};

/// A token of a sentence with its tag and base form.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Byte offset in the sentence text.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Penn Treebank tag.
    pub tag: Tag,
    /// Lower-case text.
    pub lower: String,
    /// Lower-case base form ("attacks" → "attack").
    pub lemma: String,
    /// Starts with an upper-case letter.
    pub capitalised: bool,
    /// Has an upper-case letter after a hyphen or apostrophe ("al-Qaida").
    pub inner_capital: bool,
}

/// A noun-phrase chunk: a run of tokens ending in its head.
#[derive(Debug, Clone)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The head token (the last noun, pronoun or number).
    pub head: usize,
    /// The chunk that owns it: "Iran" in "Iran's nuclear program".
    pub possessor: Option<usize>,
}

/// A clause: a verb group with what stands around it.
#[derive(Debug, Clone, Default)]
pub struct Clause {
    /// Subject chunks (more than one when coordinated: "NSA, CISA, and FBI").
    pub subject: Vec<usize>,
    /// The subject came through a relative pronoun ("groups that attack").
    pub relative: bool,
    /// First token of the verb group.
    pub first: usize,
    /// The main verb (or the copula).
    pub verb: usize,
    /// A verb joined by "to" after the main one ("continue to operate").
    pub then: Option<usize>,
    /// The modal or semi-modal ("should", "must", "need" of "need to").
    pub modal: Option<usize>,
    /// "not" or "n't" in the group.
    pub negated: bool,
    /// A form of "be" before a past participle.
    pub passive: bool,
    /// Chunks right after the verb (coordinated objects included).
    pub object: Vec<usize>,
    /// Chunks after "by" in a passive.
    pub agent: Vec<usize>,
    /// Prepositions after the verb with their chunks.
    pub preps: Vec<(usize, usize)>,
}

/// A sentence read as language.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// Tokens in order.
    pub toks: Vec<Tok>,
    /// Noun-phrase chunks in order.
    pub chunks: Vec<Chunk>,
    /// For each token, the chunk it belongs to.
    pub chunk_of: Vec<Option<usize>>,
    /// Clauses in order of their verbs.
    pub clauses: Vec<Clause>,
}

/// Forms of the auxiliaries "be", "have" and "do".
const BE: &[&str] = &["be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "’s", "’re"];
const HAVE: &[&str] = &["have", "has", "had", "having", "'ve", "’ve"];
const DO: &[&str] = &["do", "does", "did"];

/// Verbs that, before "to", carry a modal meaning ("needs to act").
const SEMI_MODALS: &[&str] = &["need", "needs", "ought", "has", "have", "had"];

/// Connectors allowed inside a proper name between capitalised words.
const NAME_CONNECTORS: &[&str] =
    &["of", "for", "&", "de", "du", "des", "la", "el", "al", "wal", "wa", "pour"];

impl Parsed {
    /// The text of token `i` in `sentence`.
    pub fn text<'a>(&self, sentence: &'a str, i: usize) -> &'a str {
        &sentence[self.toks[i].start..self.toks[i].end]
    }

    /// The text of chunk `c` in `sentence`.
    pub fn chunk_text<'a>(&self, sentence: &'a str, c: usize) -> &'a str {
        let chunk = &self.chunks[c];
        &sentence[self.toks[chunk.start].start..self.toks[chunk.end - 1].end]
    }

    /// The lemma of a chunk's head.
    pub fn head_lemma(&self, c: usize) -> &str {
        &self.toks[self.chunks[c].head].lemma
    }

    /// The lemma of a clause's main verb.
    pub fn verb_lemma(&self, clause: &Clause) -> &str {
        &self.toks[clause.verb].lemma
    }

    /// Whether token `i` is the word `w` (lower case).
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.lower == w)
    }

    /// The index of the first token that is not punctuation, a list marker
    /// or an opening quotation mark.
    pub fn first_word(&self) -> Option<usize> {
        self.toks.iter().position(|t| !t.tag.is_punct() && t.tag != Tag::Ls && t.tag != Tag::Sym)
    }
}

/// Reads a sentence.
pub fn parse(sentence: &str) -> Parsed {
    let tokens = tagger::tokens(sentence);
    let tags = tagger::tag(sentence, &tokens);
    let toks: Vec<Tok> = tokens
        .iter()
        .zip(&tags)
        .map(|(t, &tag)| {
            let text = t.text(sentence);
            let lower = text.to_lowercase().replace('’', "'");
            let lemma = tagger::lemma(text, tag).to_lowercase();
            Tok {
                start: t.start,
                end: t.end,
                tag,
                capitalised: text.chars().next().is_some_and(char::is_uppercase),
                inner_capital: text
                    .split(['-', '\'', '’', '‑'])
                    .skip(1)
                    .any(|part| part.chars().next().is_some_and(char::is_uppercase)),
                lower,
                lemma,
            }
        })
        .collect();
    let mut parsed = Parsed { toks, ..Parsed::default() };
    chunk(&mut parsed);
    clauses(&mut parsed);
    parsed
}

/// A token that may sit inside a noun phrase before its head.
fn nominal(t: &Tok) -> bool {
    t.tag.is_noun()
        || t.tag.is_adj()
        || matches!(t.tag, Tag::Cd | Tag::Hyph | Tag::Fw | Tag::Afx)
        || (t.tag == Tag::Sym && t.lower == "&")
}

/// A token that can start a noun phrase.
fn opens_np(t: &Tok) -> bool {
    nominal(t)
        || matches!(t.tag, Tag::Dt | Tag::Pdt | Tag::PrpPoss | Tag::Prp | Tag::Ex | Tag::Wp | Tag::Dollar)
}

/// Whether token `i` could head a noun phrase.
fn can_head(t: &Tok) -> bool {
    t.tag.is_noun() || matches!(t.tag, Tag::Prp | Tag::Cd | Tag::Ex | Tag::Fw)
}

fn chunk(p: &mut Parsed) {
    let n = p.toks.len();
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut i = 0;
    while i < n {
        let t = &p.toks[i];
        if !opens_np(t) && !participle_modifier(p, i) {
            i += 1;
            continue;
        }
        let start = i;
        // A personal pronoun is a chunk of its own.
        if matches!(t.tag, Tag::Prp | Tag::Ex | Tag::Wp) {
            chunks.push(Chunk { start, end: i + 1, head: i, possessor: None });
            i += 1;
            continue;
        }
        let mut j = i;
        if matches!(t.tag, Tag::Dt | Tag::Pdt | Tag::PrpPoss | Tag::Dollar) {
            j += 1;
            while j < n && matches!(p.toks[j].tag, Tag::Dt | Tag::Pdt | Tag::Dollar) {
                j += 1;
            }
        }
        let mut any_of = false;
        while j < n {
            let t = &p.toks[j];
            if nominal(t) || participle_modifier(p, j) || (t.tag.is_adv() && adverb_in_np(p, j)) {
                j += 1;
                continue;
            }
            // Inside a proper name: "Department of Defense", "Centers for
            // Disease Control and Prevention", "Islamic State in the Greater Sahara".
            if j > start && p.toks[j - 1].capitalised && p.toks[j - 1].tag.is_noun() {
                let connector = NAME_CONNECTORS.contains(&t.lower.as_str());
                let and = (t.lower == "and" && any_of) || t.lower == "&";
                let the = p.is(j + 1, "the") && matches!(t.lower.as_str(), "of" | "for" | "in");
                let skip = if the { 2 } else { 1 };
                let next_capital = p.toks.get(j + skip).is_some_and(|x| x.capitalised && x.tag.is_noun());
                if (connector || and || the) && next_capital {
                    any_of |= connector || the;
                    j += skip;
                    continue;
                }
            }
            break;
        }
        // Back off trailing words that cannot head the phrase ("the most").
        let mut end = j;
        while end > start && !can_head(&p.toks[end - 1]) {
            end -= 1;
        }
        if end == start {
            i = j.max(i + 1);
            continue;
        }
        let head = end - 1;
        let possessor = (start >= 2 && p.toks[start - 1].tag == Tag::Pos)
            .then(|| chunks.iter().rposition(|c| c.end == start - 1))
            .flatten();
        chunks.push(Chunk { start, end, head, possessor });
        i = end.max(i + 1);
    }
    let mut chunk_of = vec![None; n];
    for (ci, c) in chunks.iter().enumerate() {
        for slot in &mut chunk_of[c.start..c.end] {
            *slot = Some(ci);
        }
    }
    p.chunks = chunks;
    p.chunk_of = chunk_of;
}

/// A past or present participle used as an adjective before a noun ("the
/// designated group", "increasing attacks").
fn participle_modifier(p: &Parsed, i: usize) -> bool {
    let t = &p.toks[i];
    matches!(t.tag, Tag::Vbn | Tag::Vbg)
        && p.toks.get(i + 1).is_some_and(|n| n.tag.is_noun() || n.tag.is_adj())
        && (i == 0 || matches!(p.toks[i - 1].tag, Tag::Dt | Tag::PrpPoss | Tag::Jj | Tag::Pos | Tag::Cd))
}

/// An adverb modifying an adjective inside a noun phrase ("highly enriched uranium").
fn adverb_in_np(p: &Parsed, i: usize) -> bool {
    p.toks.get(i + 1).is_some_and(|n| n.tag.is_adj() || matches!(n.tag, Tag::Vbn))
        && p.toks.get(i + 2).is_some_and(|n| n.tag.is_noun() || n.tag.is_adj())
}

/// Whether token `i` is an auxiliary (a form of be, have, do) or a modal.
fn auxiliary(p: &Parsed, i: usize) -> bool {
    let t = &p.toks[i];
    t.tag == Tag::Md
        || (matches!(t.tag, Tag::Vb | Tag::Vbd | Tag::Vbp | Tag::Vbz | Tag::Vbn | Tag::Vbg)
            && (BE.contains(&t.lower.as_str())
                || HAVE.contains(&t.lower.as_str())
                || DO.contains(&t.lower.as_str())))
}

fn clauses(p: &mut Parsed) {
    let n = p.toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let t = &p.toks[i];
        let starts = t.tag == Tag::Md || t.tag.is_verb();
        if !starts || p.chunk_of[i].is_some() {
            i += 1;
            continue;
        }
        // The verb group: auxiliaries, adverbs and "not", then the main verb.
        let first = i;
        let mut modal = (t.tag == Tag::Md).then_some(i);
        let mut negated = false;
        let mut verb = i;
        let mut j = i;
        while j < n {
            let t = &p.toks[j];
            if t.tag == Tag::Md {
                modal.get_or_insert(j);
            } else if t.tag.is_verb() {
                verb = j;
                // "needs to", "has to": a semi-modal before an infinitive.
                if SEMI_MODALS.contains(&t.lower.as_str())
                    && p.toks.get(j + 1).is_some_and(|x| x.tag == Tag::To)
                    && p.toks.get(j + 2).is_some_and(|x| x.tag == Tag::Vb)
                {
                    modal.get_or_insert(j);
                    j += 2;
                    verb = j;
                    j += 1;
                    continue;
                }
                if !auxiliary(p, j) {
                    j += 1;
                    break;
                }
            } else if t.tag.is_adv() || matches!(t.lower.as_str(), "not" | "n't") {
                // "no longer needs to": negated too.
                // "not only threaten …, but …" affirms.
                let not_only = t.lower == "not" && p.toks.get(j + 1).is_some_and(|x| x.lower == "only");
                negated |= matches!(t.lower.as_str(), "not" | "n't" | "never") && !not_only
                    || (t.lower == "longer" && j > 0 && p.toks[j - 1].lower == "no");
            } else {
                break;
            }
            j += 1;
        }
        let v = &p.toks[verb];
        let passive = v.tag == Tag::Vbn
            && (first..verb).any(|k| BE.contains(&p.toks[k].lower.as_str()) || p.toks[k].lower == "get");
        let mut clause = Clause { first, verb, modal, negated, passive, ..Clause::default() };
        // "continue to operate", "seek to block".
        let mut after = j;
        if p.toks.get(after).is_some_and(|x| x.tag == Tag::To)
            && p.toks.get(after + 1).is_some_and(|x| x.tag == Tag::Vb)
        {
            clause.then = Some(after + 1);
            after += 2;
        }
        subject(p, &mut clause);
        inherit_subject(p, &mut clause, &out);
        // "components supplied by Yemen's Houthis": a bare participle
        // after its noun is passive.
        if v.tag == Tag::Vbn
            && clause.first == clause.verb
            && clause.modal.is_none()
            && clause.first > 0
            && p.toks[clause.first - 1].tag.is_noun()
            && v.lower != v.lemma
            // Only beside a verb of its own: "has traced rifles supplied by
            // …", not "SVR actors scanned and exploited …".
            && p.toks[..clause.first].iter().any(|t| t.tag.is_finite())
        {
            clause.passive = true;
        }
        complements(p, &mut clause, after);
        out.push(clause);
        i = after.max(j).max(i + 1);
    }
    // Coordinated passives share the agent named after the last of them.
    for k in (0..out.len().saturating_sub(1)).rev() {
        let (a, b) = out.split_at_mut(k + 1);
        let (this, next) = (&mut a[k], &b[0]);
        if this.passive && next.passive && this.agent.is_empty() && this.subject == next.subject {
            this.agent = next.agent.clone();
        }
    }
    p.clauses = out;
}

/// Finds the subject of a clause: the chunk before its verb group, past
/// adverbs, a parenthesis, an appositive between commas and the
/// prepositional phrases that modify the subject's head.
fn subject(p: &Parsed, clause: &mut Clause) {
    let mut k = clause.first;
    // Adverbs before the group ("frequently use").
    while k > 0 && p.toks[k - 1].tag.is_adv() {
        k -= 1;
    }
    if k == 0 {
        return;
    }
    // "(also known as APT29, …) frequently use": skip the parenthesis.
    if p.toks[k - 1].tag == Tag::CloseBracket
        && let Some(open) = (0..k - 1).rev().find(|&x| p.toks[x].tag == Tag::OpenBracket)
    {
        k = open;
    }
    // "The TTP, designated as a terrorist organization by Pakistan, has …".
    if k > 0 && p.toks[k - 1].tag == Tag::Comma {
        let opening = (k.saturating_sub(25)..k - 1).rev().find(|&x| p.toks[x].tag == Tag::Comma);
        let finite_between = opening.is_some_and(|o| (o + 1..k - 1).any(|x| p.toks[x].tag.is_finite()));
        // "The best known in Chile, Los Gallegos, controlled …": a name
        // alone between the commas is the subject; a description there
        // describes the subject before it.
        let name_between = opening.and_then(|o| p.chunk_of.get(o + 1).copied().flatten()).filter(|&c| {
            let ch = &p.chunks[c];
            ch.end == k - 1 && p.toks[ch.head].tag.is_proper()
        });
        // The chunk before the first comma heads the subject unless it sits
        // in a prepositional phrase ("The best known in Chile, …").
        let before_in_pp = |o: usize| {
            p.chunk_of[o - 1].is_some_and(|c| {
                let start = p.chunks[c].start;
                !p.toks[p.chunks[c].head].tag.is_proper() || (start > 0 && p.toks[start - 1].tag == Tag::In)
            })
        };
        match (opening, name_between) {
            (Some(o), Some(_)) if !finite_between && o > 0 && before_in_pp(o) => {
                k -= 1;
            }
            (Some(o), _) if !finite_between && o > 0 && p.chunk_of[o - 1].is_some() => k = o,
            _ => return,
        }
    }
    if k == 0 {
        return;
    }
    // "groups that attack": the antecedent of a relative pronoun.
    if matches!(p.toks[k - 1].tag, Tag::Wdt | Tag::Wp) && p.toks[k - 1].lower != "what" {
        clause.relative = true;
        k -= 1;
        if k > 0 && p.toks[k - 1].tag == Tag::Comma {
            k -= 1;
        }
        if k == 0 {
            return;
        }
    }
    let Some(mut c) = p.chunk_of[k - 1] else { return };
    // "Attacks on Pakistani posts along the border have intensified": walk
    // back over prepositional phrases to the head of the subject.
    loop {
        let start = p.chunks[c].start;
        let prep = &p.toks[start.saturating_sub(1)];
        let subordinator = matches!(
            prep.lower.as_str(),
            "that"
                | "until"
                | "after"
                | "before"
                | "because"
                | "while"
                | "since"
                | "although"
                | "though"
                | "if"
                | "when"
                | "as"
                | "unless"
                | "whether"
                | "once"
                | "so"
        );
        if start >= 2
            && prep.tag == Tag::In
            && !subordinator
            && let Some(prev) = p.chunk_of[start - 2]
        {
            c = prev;
            continue;
        }
        break;
    }
    let mut subjects = vec![c];
    // A list whose items are parted by semicolons ("Government agents;
    // authorities in Somaliland, Puntland …; and unknown assailants
    // killed …"): each item's first phrase is a subject, and the commas
    // inside the items part nothing.
    let start = p.chunks[c].start;
    if (0..start).any(|i| p.toks[i].lower == ";") {
        let mut items = vec![c];
        let mut end = start;
        while let Some(sep) = (0..end).rev().find(|&i| p.toks[i].lower == ";") {
            let item_start = (0..sep).rev().find(|&i| p.toks[i].lower == ";").map_or(0, |i| i + 1);
            match (item_start..sep).find_map(|i| p.chunk_of[i]) {
                Some(first) => items.insert(0, first),
                None => break,
            }
            end = item_start;
            if item_start == 0 {
                break;
            }
        }
        clause.subject = items;
        return;
    }
    // "NSA, CISA, and FBI recommend": coordinated subjects. A list needs its
    // "and" or "or" before the last item; a bare comma joins nothing
    // ("To address these challenges, Pakistan needs …").
    let mut s = p.chunks[c].start;
    let mut joined = false;
    while s >= 2 {
        let joint = &p.toks[s - 1];
        let is_cc = matches!(joint.lower.as_str(), "and" | "or");
        let is_comma = joint.tag == Tag::Comma;
        if !(is_cc || is_comma && joined) {
            break;
        }
        let mut before = s - 2;
        if is_cc && before > 0 && p.toks[before].tag == Tag::Comma {
            before -= 1;
        }
        match p.chunk_of[before] {
            Some(prev) if p.chunks[prev].end == before + 1 => {
                subjects.insert(0, prev);
                s = p.chunks[prev].start;
                joined = true;
            }
            _ => break,
        }
    }
    // "operations in Afghanistan and Pakistan have intensified": a list
    // inside a prepositional phrase is not the subject; the phrase before
    // the preposition is. After a clause of its own ("Iran will remain a
    // menace with broader activities, and North Korea will …"), only the
    // last item is.
    let first = p.chunks[subjects[0]].start;
    if subjects.len() > 1 && first >= 2 && p.toks[first - 1].tag == Tag::In {
        let prep = p.toks[first - 1].lower.as_str();
        let clause_before = p.toks[..first].iter().any(|t| t.tag.is_finite());
        if clause_before {
            subjects = vec![c];
        } else if !matches!(
            prep,
            "that" | "if" | "when" | "as" | "because" | "while" | "since" | "although" | "so"
        ) && let Some(prev) = p.chunk_of[first - 2]
        {
            subjects = vec![prev];
        }
    }
    clause.subject = subjects;
}

/// A clause without a subject of its own takes one: a participle right
/// after a noun modifies it ("militants affiliated with …"); an infinitive,
/// a participle after a comma or a verb coordinated with the one before
/// share that verb's subject ("China has the capability to compete …",
/// "is attacking, intimidating and harassing …").
fn inherit_subject(p: &Parsed, clause: &mut Clause, before: &[Clause]) {
    if !clause.subject.is_empty() || clause.modal.is_some() {
        return;
    }
    let first = clause.first;
    let v = &p.toks[clause.verb];
    // A bare past participle is passive and modifies the noun before it:
    // "militants affiliated with …", "the crisis—triggered by HAMAS, fueled
    // by Iran, and exacerbated by …".
    if first > 0 && first == clause.verb && v.tag == Tag::Vbn {
        clause.passive = true;
        if let Some(c) = p.chunk_of[first - 1] {
            clause.subject = vec![c];
            return;
        }
        let mut k = first;
        while k > 0 && matches!(p.toks[k - 1].tag, Tag::Comma | Tag::Cc | Tag::Colon) {
            k -= 1;
        }
        // Participles in a row share what they modify.
        if let Some(prev) = before.last().filter(|c| c.passive && c.first == c.verb && !c.subject.is_empty())
            && k < first
            && prev.verb < first
        {
            clause.subject = prev.subject.clone();
            return;
        }
        if k < first
            && k > 0
            && let Some(c) = p.chunk_of[k - 1]
        {
            clause.subject = vec![c];
        }
        return;
    }
    let mut k = first;
    while k > 0 && p.toks[k - 1].tag.is_adv() {
        k -= 1;
    }
    let infinitive = k > 0 && p.toks[k - 1].tag == Tag::To;
    // "the capability to compete": an infinitive after a noun shares a
    // subject only through nouns of will and power; "his deadline to
    // destroy …" does not make the sentence's subject the destroyer.
    if infinitive
        && k > 1
        && p.toks[k - 2].tag.is_noun()
        && !CONTROL_NOUNS.contains(&p.toks[k - 2].lemma.as_str())
    {
        return;
    }
    let joined = k > 0 && matches!(p.toks[k - 1].tag, Tag::To | Tag::Cc | Tag::Comma);
    let gerund = v.tag == Tag::Vbg && first == clause.verb;
    if !(joined || gerund) {
        return;
    }
    if let Some(prev) = before.iter().rev().find(|c| !c.subject.is_empty() && c.verb < first) {
        // After a passive, an infinitive's doer is the passive's agent
        // ("targeted by those with … motivations to plan attacks").
        if prev.passive && infinitive {
            if !prev.agent.is_empty() {
                clause.subject = prev.agent.clone();
            }
            return;
        }
        clause.subject = prev.subject.clone();
        clause.relative = prev.relative;
        // "are scanned, targeted, and exploited by …": participles joined to a passive.
        if prev.passive && v.tag == Tag::Vbn && joined {
            clause.passive = true;
        }
    }
}

/// Nouns of will, power and plan whose infinitive has the sentence's
/// subject as its doer: "Iran has the capability to …", "plans to …".
#[rustfmt::skip]
const CONTROL_NOUNS: &[&str] = &[
    "capability", "ability", "capacity", "intent", "intention", "plan", "effort", "attempt",
    "bid", "willingness", "determination", "desire", "aim", "goal", "ambition", "readiness",
    "power", "means", "resolve", "decision", "campaign", "strategy", "opportunity", "right",
];

/// The phrase that chunk `c` owns ("Houthis" for "Yemen" in "Yemen's
/// Houthis"), or `c` itself.
fn possessed(p: &Parsed, c: usize) -> usize {
    let end = p.chunks[c].end;
    match p.chunk_of.get(end + 1).copied().flatten() {
        Some(next)
            if p.toks.get(end).is_some_and(|t| t.tag == Tag::Pos) && p.chunks[next].possessor == Some(c) =>
        {
            next
        }
        _ => c,
    }
}

/// Objects, the agent of a passive and prepositional chunks after the verb,
/// up to the next clause.
fn complements(p: &Parsed, clause: &mut Clause, from: usize) {
    let n = p.toks.len();
    let mut k = from;
    while k < n && matches!(p.toks[k].tag, Tag::Rb | Tag::Rp) {
        k += 1;
    }
    if let Some(c) = p.chunk_of.get(k).copied().flatten() {
        clause.object.push(c);
        k = p.chunks[c].end;
        // "attacks police and soldiers".
        while k + 1 < n
            && matches!(p.toks[k].lower.as_str(), "and" | "or" | ",")
            && let Some(next) = p.chunk_of[k + 1]
        {
            clause.object.push(next);
            k = p.chunks[next].end;
        }
    }
    while k < n {
        let t = &p.toks[k];
        if t.tag == Tag::In || t.tag == Tag::To {
            let prep = k;
            let mut c = k + 1;
            while c < n && p.toks[c].tag.is_adv() {
                c += 1;
            }
            if let Some(ch) = p.chunk_of.get(c).copied().flatten() {
                // "by Yemen's Houthis": the possessed phrase, not its owner.
                let ch = possessed(p, ch);
                // "by China and Russia": the chunks a preposition governs.
                let mut governed = vec![ch];
                let mut end = p.chunks[ch].end;
                while end + 1 < n
                    && matches!(p.toks[end].lower.as_str(), "and" | "or")
                    && let Some(next) = p.chunk_of[end + 1]
                {
                    governed.push(next);
                    end = p.chunks[next].end;
                }
                for ch in governed {
                    if clause.passive && t.lower == "by" {
                        clause.agent.push(ch);
                    } else {
                        clause.preps.push((prep, ch));
                    }
                }
                k = end;
                continue;
            }
            k += 1;
            continue;
        }
        let boundary = t.tag.is_finite()
            || t.tag == Tag::Md
            || matches!(t.tag, Tag::Wdt | Tag::Wp | Tag::Period | Tag::Colon)
            || (t.tag.is_verb() && p.chunk_of[k].is_none());
        if boundary {
            break;
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(s: &str) -> Vec<String> {
        let p = parse(s);
        (0..p.chunks.len()).map(|c| p.chunk_text(s, c).to_string()).collect()
    }

    fn svo(s: &str) -> Vec<(String, String, String)> {
        let p = parse(s);
        p.clauses
            .iter()
            .map(|c| {
                let subject: Vec<&str> = c.subject.iter().map(|&x| p.chunk_text(s, x)).collect();
                let object: Vec<&str> = c.object.iter().map(|&x| p.chunk_text(s, x)).collect();
                (subject.join("+"), p.verb_lemma(c).to_string(), object.join("+"))
            })
            .collect()
    }

    #[test]
    fn names_with_of_and_for_stay_whole() {
        assert!(
            chunks("The Department of Defense funds the Centers for Disease Control and Prevention.")
                .contains(&"the Centers for Disease Control and Prevention".to_string())
        );
        assert!(
            chunks("The Department of Defense funds research.")
                .contains(&"The Department of Defense".to_string())
        );
        let c = chunks("Russia and China reacted positively.");
        assert_eq!(&c[..2], ["Russia", "China"]);
    }

    #[test]
    fn possessors_are_linked() {
        let s = "Iran's nuclear program worries Israel.";
        let p = parse(s);
        let program = p.chunks.iter().position(|c| p.toks[c.head].lemma == "program").unwrap();
        let owner = p.chunks[program].possessor.unwrap();
        assert_eq!(p.chunk_text(s, owner), "Iran");
    }

    #[test]
    fn subjects_verbs_and_objects() {
        assert_eq!(
            svo("The TTP attacked police stations in Khyber."),
            [("The TTP".into(), "attack".into(), "police stations".into())]
        );
        let r = svo(
            "The TTP, designated as a terrorist organization by Pakistan, has leveraged its safe havens.",
        );
        assert_eq!(r.last().unwrap().0, "The TTP");
        assert_eq!(r.last().unwrap().1, "leverage");
        let r = svo("Attacks on Pakistani military posts along the border have intensified.");
        assert_eq!(r[0].0, "Attacks");
        let r = svo("NSA, CISA, and FBI recommend that owners patch systems.");
        assert_eq!(r[0].0, "NSA+CISA+FBI");
    }

    #[test]
    fn modals_negation_and_voice() {
        let s = "Pakistan needs to enhance border security.";
        let p = parse(s);
        let c = &p.clauses[0];
        assert!(c.modal.is_some());
        assert_eq!(p.verb_lemma(c), "enhance");
        let s = "Networks are consistently scanned by Russian actors.";
        let p = parse(s);
        let c = &p.clauses[0];
        assert!(c.passive);
        assert_eq!(p.chunk_text(s, c.agent[0]), "Russian actors");
        let s = "The FBI does not encourage paying ransoms.";
        let p = parse(s);
        assert!(p.clauses[0].negated);
    }

    #[test]
    fn relative_clauses_take_their_antecedent() {
        let r = svo("They face groups that attack civilians.");
        assert_eq!(r[1], ("groups".into(), "attack".into(), "civilians".into()));
    }
}
