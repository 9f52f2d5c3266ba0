//! Part-of-speech tags and lemmas: the first linguistic layer of the analysis.
//!
//! Sits under the steps that read meaning from the text ([`super::actors`],
//! [`super::recommendations`] and the rest): they take a sentence from
//! [`super::text`], cut it into [`tokens`], [`tag`] them and ask for a word's
//! [`lemma`]. The tags are those of the Penn Treebank as the English Web
//! Treebank of Universal Dependencies uses them (its XPOS column).
//!
//! The tagger is an averaged perceptron read greedily from left to right:
//! each token's tag is the best-scoring one given features of the word, its
//! neighbours, the two tags before it and the tags the dictionary settles
//! after it. Frequent words that the training data always tags alike are
//! settled by that dictionary before any scoring; a capitalised word is
//! looked up for how often the training data capitalises it, which tells a
//! name from a common word at the start of a sentence. A clause left
//! without a finite verb is read as an imperative when its first word can
//! be a verb (bullet items: "Fund independent research.").
//!
//! The weights live in `data/tagger/en-perceptron.bin` (their sources and
//! licence in `data/tagger/README.md`), compiled into the binary and read in
//! place at first use: the file is an open-addressing hash table, so nothing
//! is parsed at start-up. `examples/train_tagger.rs` trains it with the
//! feature extraction and the tagging loop of this module, so training and
//! tagging cannot disagree.
//!
//! The tokeniser follows the treebank's conventions where tagging depends on
//! them (punctuation apart, possessive `'s` and `n't` split off) and keeps
//! whole what a brief's reader sees as one word: abbreviations ("U.S.",
//! "e.g."), hyphenated words ("al-Qa'ida", "state-sponsored") and numbers
//! ("11,000", "$9.5", "2024–25"). The trainer retokenises the treebank the
//! same way.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

// ---------------------------------------------------------------------------
// Tokens

/// A token: a byte range of the sentence it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Token {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
}

impl Token {
    /// Its text in `sentence` (empty if the offsets do not fit the sentence).
    pub fn text<'a>(&self, sentence: &'a str) -> &'a str {
        sentence.get(self.start..self.end).unwrap_or("")
    }
}

/// Cuts a sentence into tokens.
///
/// Whitespace separates; punctuation is split off, a run of the same mark
/// ("...", "--", "!!") staying one token. Kept whole: abbreviations with
/// periods ("U.S.", "e.g.", "Dr."), hyphenated words, numbers with commas,
/// decimal points, colons, slashes or en dashes between digits ("11,000",
/// "$9.5", "2024–25", "9/11"), web addresses. Split off at the end of a word:
/// "n't" ("can't" → "ca" "n't"), "'s", "'re", "'ve", "'ll", "'d", "'m" (with
/// a straight or curly apostrophe), a trailing apostrophe ("states'") and
/// "%"; "cannot" becomes "can" "not". Em dashes, curly quotes and brackets
/// are tokens of their own.
pub fn tokens(sentence: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(sentence.len() / 4 + 1);
    let mut start = None;
    for (i, c) in sentence.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                split_chunk(sentence, s, i, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        split_chunk(sentence, s, sentence.len(), &mut out);
    }
    out
}

/// Marks split off the start of a chunk.
const LEADING_MARKS: &str = "([{\"“‘'’«`¿¡—–―-…*•·.,;:/|";
/// Marks split off the end of a chunk.
const TRAILING_MARKS: &str = ")]}\"”’'»,;:!?….—–―-*/|";
/// Marks that are tokens of their own wherever they stand.
const SEPARATORS: &str = "()[]{}\"“”‘«»;!?…—―";

/// Words that take a period although they are not single letters.
const ABBREVIATIONS: &[&str] = &[
    "adm", "al", "apr", "approx", "aug", "ave", "blvd", "capt", "cf", "cmdr", "co", "col", "corp", "dec",
    "dept", "dr", "etc", "feb", "fig", "ft", "gen", "gov", "hon", "inc", "jan", "jr", "jul", "jun", "lt",
    "ltd", "maj", "mar", "mr", "mrs", "ms", "mt", "nov", "oct", "prof", "rep", "rev", "sen", "sep", "sept",
    "sgt", "sr", "st", "vs",
];

/// Whether `word` (without its final period) takes the period: an initial
/// ("J"), letters with periods between them ("U.S", "e.g"), or a known
/// abbreviation ("Dr", "etc").
fn is_abbreviation(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() == 1 {
        return b[0].is_ascii_uppercase();
    }
    // "U.S", "e.g", "p.m": single letters with a period between each pair.
    if b.len() >= 3 && b.len() % 2 == 1 {
        let dotted =
            b.iter().enumerate().all(|(i, &c)| if i % 2 == 0 { c.is_ascii_alphabetic() } else { c == b'.' });
        if dotted {
            return true;
        }
    }
    b.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Whether a chunk is a web or mail address, kept whole.
fn is_address(chunk: &str) -> bool {
    // Most chunks have neither a colon nor an at sign: one pass to rule them out.
    if !chunk.bytes().any(|c| c == b':' || c == b'@') && !chunk.starts_with(['w', 'W']) {
        return false;
    }
    // Searching for a character is a fast byte search; `contains("://")`
    // would build a string searcher for every chunk.
    if chunk.match_indices(':').any(|(i, _)| chunk[i..].starts_with("://"))
        || chunk.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www."))
    {
        return true;
    }
    match chunk.find('@') {
        Some(at) if at > 0 => chunk[at + 1..].contains('.') && chunk[at + 1..].len() > 3,
        _ => false,
    }
}

/// Clitics split off the end of a word, after the apostrophe (straight or
/// curly); "n't" is matched apart.
const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

/// Splits one whitespace-free chunk into tokens.
fn split_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    // Leading marks, except an apostrophe that begins a clitic ("'s") or a
    // year ("'90s"), a hyphen before a digit ("-5"), and a period before a
    // digit (".5").
    let mut core_start = start;
    while core_start < end {
        let rest = &text[core_start..end];
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        if c.is_alphanumeric() || !LEADING_MARKS.contains(c) {
            break;
        }
        let next = chars.next();
        if matches!(c, '\'' | '’') && (next.is_some_and(|n| n.is_ascii_digit()) || is_clitic(rest)) {
            break;
        }
        if matches!(c, '-' | '.') && next.is_some_and(|n| n.is_ascii_digit()) {
            break;
        }
        core_start += c.len_utf8();
    }
    // Trailing marks, except the period of an abbreviation.
    let mut core_end = end;
    while core_end > core_start {
        let rest = &text[core_start..core_end];
        let Some(c) = rest.chars().next_back() else { break };
        if c.is_alphanumeric() || !TRAILING_MARKS.contains(c) {
            break;
        }
        let before = &rest[..rest.len() - c.len_utf8()];
        if c == '.' && !before.ends_with('.') && !before.is_empty() && is_abbreviation(before) {
            break;
        }
        core_end -= c.len_utf8();
    }
    if core_start < core_end && is_address(&text[core_start..core_end]) {
        // A trailing period after an address ends the sentence.
        push_marks(text, start, core_start, out);
        out.push(Token { start: core_start, end: core_end });
        push_marks(text, core_end, end, out);
        return;
    }
    push_marks(text, start, core_start, out);
    split_core(text, core_start, core_end, out);
    push_marks(text, core_end, end, out);
}

/// Whether `s` is exactly a clitic ("'s", "’ll").
fn is_clitic(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('\'').or_else(|| s.strip_prefix('’')) else { return false };
    CLITICS.iter().any(|c| c.eq_ignore_ascii_case(rest))
}

/// Pushes a run of marks as tokens, a run of one repeated mark as one.
fn push_marks(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let mut i = start;
    while i < end {
        let rest = &text[i..end];
        let Some(c) = rest.chars().next() else { break };
        let run: usize = rest.chars().take_while(|&d| d == c).map(char::len_utf8).sum();
        out.push(Token { start: i, end: i + run });
        i += run;
    }
}

/// Splits the core of a chunk (its marks at both ends removed) at the marks
/// inside it that separate words, then splits clitics off each word.
fn split_core(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let core = &text[start..end];
    let bytes = core.as_bytes();
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut word_start = 0;
    let mut i = 0;
    while i < core.len() {
        let Some(c) = core[i..].chars().next() else { break };
        let len = c.len_utf8();
        let between_digits = i > 0 && digit_at(i - 1) && digit_at(i + len);
        let separates = match c {
            // Most characters; the searches below are slower.
            c if c.is_alphanumeric() => false,
            ',' | ':' | '/' | '–' => !between_digits,
            '.' => core[i + 1..].starts_with('.'),
            '-' => core[i + 1..].starts_with('-'),
            '%' => true,
            c => SEPARATORS.contains(c),
        };
        if separates {
            if word_start < i {
                split_word(text, start + word_start, start + i, out);
            }
            // The whole run of this mark is one token.
            let run: usize = core[i..].chars().take_while(|&d| d == c).map(char::len_utf8).sum();
            out.push(Token { start: start + i, end: start + i + run });
            i += run;
            word_start = i;
        } else {
            i += len;
        }
    }
    if word_start < core.len() {
        split_word(text, start + word_start, end, out);
    }
}

/// Splits "n't", "'s" and the other clitics off the end of a word, and
/// "cannot" into "can" "not".
fn split_word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let word = &text[start..end];
    if word.eq_ignore_ascii_case("cannot") {
        out.push(Token { start, end: start + 3 });
        out.push(Token { start: start + 3, end });
        return;
    }
    let cut = clitic_start(word);
    if cut > 0 && cut < word.len() {
        out.push(Token { start, end: start + cut });
        out.push(Token { start: start + cut, end });
    } else {
        out.push(Token { start, end });
    }
}

/// Where a clitic at the end of `word` begins, or 0.
fn clitic_start(word: &str) -> usize {
    let b = word.as_bytes();
    // A clitic has an apostrophe (' or the last byte of ’) among the last
    // six bytes; most words have none.
    if !b[b.len().saturating_sub(6)..].iter().any(|&c| c == b'\'' || c == 0x99) {
        return 0;
    }
    for apostrophe in ["'", "’"] {
        let a = apostrophe.as_bytes();
        // "t" stands for "n't": "don't" → "do" "n't", "can't" → "ca" "n't".
        for letters in std::iter::once("t").chain(CLITICS.iter().copied()) {
            // Something must come before the clitic.
            if b.len() < a.len() + letters.len() + 1 {
                continue;
            }
            let letters_start = b.len() - letters.len();
            let apostrophe_start = letters_start - a.len();
            if !b[letters_start..].eq_ignore_ascii_case(letters.as_bytes())
                || &b[apostrophe_start..letters_start] != a
            {
                continue;
            }
            if letters != "t" {
                return apostrophe_start;
            }
            if apostrophe_start >= 2 && b[apostrophe_start - 1].eq_ignore_ascii_case(&b'n') {
                return apostrophe_start - 1;
            }
        }
    }
    0
}

// ---------------------------------------------------------------------------
// Tags

macro_rules! tags {
    ($($(#[$doc:meta])* $name:ident = $text:literal,)*) => {
        /// A Penn Treebank part-of-speech tag, as the English Web Treebank
        /// uses it (its XPOS column).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Tag {
            $($(#[$doc])* $name,)*
        }

        impl Tag {
            /// Every tag, in the order of their indices.
            pub const ALL: &[Tag] = &[$(Tag::$name,)*];

            /// The tag as the treebank writes it ("NN", "PRP$", "-LRB-").
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Tag::$name => $text,)*
                }
            }
        }
    };
}

tags! {
    /// Noun, singular or mass.
    Nn = "NN",
    /// Noun, plural.
    Nns = "NNS",
    /// Proper noun, singular.
    Nnp = "NNP",
    /// Proper noun, plural.
    Nnps = "NNPS",
    /// Verb, base form (also imperatives and infinitives).
    Vb = "VB",
    /// Verb, past tense.
    Vbd = "VBD",
    /// Verb, gerund or present participle.
    Vbg = "VBG",
    /// Verb, past participle.
    Vbn = "VBN",
    /// Verb, present tense, not third person singular.
    Vbp = "VBP",
    /// Verb, present tense, third person singular.
    Vbz = "VBZ",
    /// Modal ("should", "must").
    Md = "MD",
    /// Adjective.
    Jj = "JJ",
    /// Adjective, comparative.
    Jjr = "JJR",
    /// Adjective, superlative.
    Jjs = "JJS",
    /// Adverb (also "not" and "n't").
    Rb = "RB",
    /// Adverb, comparative.
    Rbr = "RBR",
    /// Adverb, superlative.
    Rbs = "RBS",
    /// Preposition or subordinating conjunction.
    In = "IN",
    /// Determiner.
    Dt = "DT",
    /// Predeterminer ("all the").
    Pdt = "PDT",
    /// Personal pronoun.
    Prp = "PRP",
    /// Possessive pronoun.
    PrpPoss = "PRP$",
    /// Wh-determiner ("which", "that" introducing a relative clause).
    Wdt = "WDT",
    /// Wh-pronoun.
    Wp = "WP",
    /// Possessive wh-pronoun ("whose").
    WpPoss = "WP$",
    /// Wh-adverb.
    Wrb = "WRB",
    /// Coordinating conjunction.
    Cc = "CC",
    /// Cardinal number.
    Cd = "CD",
    /// "to".
    To = "TO",
    /// Particle ("up" in "step up").
    Rp = "RP",
    /// Existential "there".
    Ex = "EX",
    /// Interjection.
    Uh = "UH",
    /// Possessive ending ("'s").
    Pos = "POS",
    /// Foreign word.
    Fw = "FW",
    /// List item marker.
    Ls = "LS",
    /// Symbol.
    Sym = "SYM",
    /// Currency sign.
    Dollar = "$",
    /// Hyphen.
    Hyph = "HYPH",
    /// Comma.
    Comma = ",",
    /// Sentence-final punctuation.
    Period = ".",
    /// Colon, semicolon, dash.
    Colon = ":",
    /// Opening quotation mark.
    OpenQuote = "``",
    /// Closing quotation mark.
    CloseQuote = "''",
    /// Opening bracket.
    OpenBracket = "-LRB-",
    /// Closing bracket.
    CloseBracket = "-RRB-",
    /// Superfluous punctuation (emoticons, rules of asterisks).
    Nfp = "NFP",
    /// Web or mail address.
    Add = "ADD",
    /// Affix written apart ("pre", "anti").
    Afx = "AFX",
    /// Part of a word written apart ("goes with").
    Gw = "GW",
    /// Unknown.
    Xx = "XX",
}

/// The coarse word classes of Universal Dependencies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Upos {
    /// Common noun.
    Noun,
    /// Proper noun.
    Propn,
    /// Verb.
    Verb,
    /// Auxiliary (including modals).
    Aux,
    /// Adjective.
    Adj,
    /// Adverb.
    Adv,
    /// Adposition.
    Adp,
    /// Subordinating conjunction.
    Sconj,
    /// Coordinating conjunction.
    Cconj,
    /// Determiner.
    Det,
    /// Pronoun.
    Pron,
    /// Numeral.
    Num,
    /// Particle.
    Part,
    /// Interjection.
    Intj,
    /// Punctuation.
    Punct,
    /// Symbol.
    Sym,
    /// Other.
    X,
}

impl Tag {
    /// How many tags there are.
    pub const COUNT: usize = Tag::ALL.len();

    /// The tag's position in [`Tag::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The tag at a position in [`Tag::ALL`].
    pub fn from_index(index: usize) -> Option<Tag> {
        Tag::ALL.get(index).copied()
    }

    /// A noun, common or proper.
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::Nn | Tag::Nns | Tag::Nnp | Tag::Nnps)
    }

    /// A proper noun.
    pub fn is_proper(self) -> bool {
        matches!(self, Tag::Nnp | Tag::Nnps)
    }

    /// A plural noun.
    pub fn is_plural(self) -> bool {
        matches!(self, Tag::Nns | Tag::Nnps)
    }

    /// A verb form (not a modal).
    pub fn is_verb(self) -> bool {
        matches!(self, Tag::Vb | Tag::Vbd | Tag::Vbg | Tag::Vbn | Tag::Vbp | Tag::Vbz)
    }

    /// A verb form that carries tense, or a modal.
    pub fn is_finite(self) -> bool {
        matches!(self, Tag::Vbd | Tag::Vbp | Tag::Vbz | Tag::Md)
    }

    /// An adjective.
    pub fn is_adj(self) -> bool {
        matches!(self, Tag::Jj | Tag::Jjr | Tag::Jjs)
    }

    /// An adverb (including "not").
    pub fn is_adv(self) -> bool {
        matches!(self, Tag::Rb | Tag::Rbr | Tag::Rbs | Tag::Wrb)
    }

    /// A punctuation mark.
    pub fn is_punct(self) -> bool {
        self.upos() == Upos::Punct
    }

    /// The coarse class the tag stands for in most of the treebank. The tag
    /// alone cannot tell an auxiliary from a verb ("has" in "has left"), a
    /// subordinating conjunction from a preposition ("because" is IN), or a
    /// pronoun from a determiner ("that" alone): those take the word too.
    pub fn upos(self) -> Upos {
        match self {
            Tag::Nn | Tag::Nns => Upos::Noun,
            Tag::Nnp | Tag::Nnps | Tag::Add => Upos::Propn,
            Tag::Vb | Tag::Vbd | Tag::Vbg | Tag::Vbn | Tag::Vbp | Tag::Vbz => Upos::Verb,
            Tag::Md => Upos::Aux,
            Tag::Jj | Tag::Jjr | Tag::Jjs => Upos::Adj,
            Tag::Rb | Tag::Rbr | Tag::Rbs | Tag::Wrb => Upos::Adv,
            Tag::In | Tag::Rp => Upos::Adp,
            Tag::Cc => Upos::Cconj,
            Tag::Dt | Tag::Pdt => Upos::Det,
            Tag::Prp | Tag::PrpPoss | Tag::Wdt | Tag::Wp | Tag::WpPoss | Tag::Ex => Upos::Pron,
            Tag::Cd | Tag::Ls => Upos::Num,
            Tag::To | Tag::Pos => Upos::Part,
            Tag::Uh => Upos::Intj,
            Tag::Sym | Tag::Dollar => Upos::Sym,
            Tag::Hyph
            | Tag::Comma
            | Tag::Period
            | Tag::Colon
            | Tag::OpenQuote
            | Tag::CloseQuote
            | Tag::OpenBracket
            | Tag::CloseBracket
            | Tag::Nfp => Upos::Punct,
            Tag::Fw | Tag::Afx | Tag::Gw | Tag::Xx => Upos::X,
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that is not a Penn Treebank tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown part-of-speech tag `{0}`")]
pub struct UnknownTag(pub String);

impl FromStr for Tag {
    type Err = UnknownTag;

    fn from_str(s: &str) -> Result<Tag, UnknownTag> {
        Tag::ALL.iter().copied().find(|t| t.as_str() == s).ok_or_else(|| UnknownTag(s.to_owned()))
    }
}

// ---------------------------------------------------------------------------
// Features

/// Hashes bytes (FNV-1a, then a final mix). Written out here rather than
/// taken from `std::hash` because the model file stores these values: they
/// must not change with the compiler or the platform.
fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// The splitmix64 finaliser: spreads every input bit over the output.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The key of a feature made of a template and one value.
fn key(template: u64, value: u64) -> u64 {
    mix(value ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The key of a feature made of a template and two values.
fn key2(template: u64, a: u64, b: u64) -> u64 {
    key(template, mix(a).rotate_left(21) ^ b)
}

/// Feature templates, and the templates of the lexicon's entries. The
/// numbers go into the keys in the model file: changing one means training
/// again.
mod template {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const SUFFIX1: u64 = 4;
    pub const SUFFIX2: u64 = 5;
    pub const SUFFIX3: u64 = 6;
    pub const SUFFIX4: u64 = 7;
    pub const PREFIX1: u64 = 8;
    pub const PREFIX2: u64 = 9;
    pub const PREFIX3: u64 = 10;
    pub const SHAPE: u64 = 11;
    pub const FLAGS: u64 = 12;
    pub const TAG1: u64 = 13;
    pub const TAG2_TAG1: u64 = 14;
    pub const TAG1_LOWER: u64 = 15;
    pub const PREV_LOWER: u64 = 16;
    pub const PREV_SUFFIX3: u64 = 17;
    pub const PREV2_LOWER: u64 = 18;
    pub const NEXT_LOWER: u64 = 19;
    pub const NEXT_SUFFIX3: u64 = 20;
    pub const NEXT2_LOWER: u64 = 21;
    pub const INITIAL_LOWER: u64 = 22;
    pub const PREV_LOWER_LOWER: u64 = 23;
    pub const LOWER_NEXT_LOWER: u64 = 24;
    pub const NEXT_SHAPE: u64 = 25;
    pub const TAG1_SUFFIX3: u64 = 26;
    pub const MARK: u64 = 27;
    pub const NEXT_SETTLED: u64 = 28;
    pub const NEXT2_SETTLED: u64 = 29;
    pub const CASE_PROFILE: u64 = 30;
    pub const LOWER_NEXT_SHAPE: u64 = 31;
    pub const LOWER_NEXT_SUFFIX2: u64 = 32;

    pub const DICTIONARY: u64 = 100;
    pub const CASE: u64 = 102;
}

/// The tag value of a position before the sentence, or of a word the
/// dictionary does not settle.
const NO_TAG: u64 = 0xff;

/// What the features of one token are made of, hashed once per sentence.
#[derive(Debug, Clone, Copy)]
struct WordKeys {
    /// The word as written (curly apostrophes made straight).
    word: u64,
    /// Lower-cased.
    lower: u64,
    /// Its last one to four characters, lower-cased unless it is all
    /// capitals.
    suffix: [u64; 4],
    /// Its first one to three characters, likewise.
    prefix: [u64; 3],
    /// Its shape: "Xx", "XX", "dd,dd", "xx-xx".
    shape: u64,
    /// Capitalised, all capitals, digit, hyphen, sentence-initial.
    flags: u64,
    /// For a token without letters or digits: the word with whether it
    /// touches the token before and the one after ("-" inside a word,
    /// an opening quote against the next word); else 0.
    mark: u64,
    /// False when the trainer treats the word as unknown (see
    /// [`Context::forget`]).
    known: bool,
}

impl WordKeys {
    /// The stand-in for a word before the start or past the end.
    fn boundary(which: u64) -> WordKeys {
        let h = key(0xb0, which);
        WordKeys {
            word: h,
            lower: h,
            suffix: [h; 4],
            prefix: [h; 3],
            shape: h,
            flags: h,
            mark: 0,
            known: true,
        }
    }
}

/// A sentence ready for tagging: each token's hashed word features.
#[derive(Debug, Clone)]
pub struct Context {
    words: Vec<WordKeys>,
}

impl Context {
    /// Hashes the words of `tokens` in `sentence`.
    pub fn new(sentence: &str, tokens: &[Token]) -> Context {
        let mut buffers = Buffers::default();
        let words = tokens
            .iter()
            .enumerate()
            .map(|(i, token)| {
                let glued_before = i > 0 && tokens[i - 1].end == token.start;
                let glued_after = tokens.get(i + 1).is_some_and(|next| next.start == token.end);
                word_keys(token.text(sentence), i == 0, glued_before, glued_after, &mut buffers)
            })
            .collect();
        Context { words }
    }

    /// How many tokens the sentence has.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The key under which the tag dictionary stores token `i`'s word.
    pub fn dictionary_key(&self, i: usize) -> u64 {
        key(template::DICTIONARY, self.words[i].word)
    }

    /// The key under which the lexicon stores token `i`'s case profile.
    pub fn case_key(&self, i: usize) -> u64 {
        key(template::CASE, self.words[i].lower)
    }

    /// Whether token `i` begins with a capital letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.words[i].flags & 1 != 0
    }

    /// Asks the lexicon about every token: the case profile only of
    /// capitalised words, where it tells a name from a common word.
    pub fn look_up(&self, lexicon: &impl Lexicon) -> Vec<Looked> {
        (0..self.len())
            .map(|i| Looked {
                settled: lexicon.settled(self.dictionary_key(i)),
                case: if self.is_capitalised(i) { lexicon.case_profile(self.case_key(i)) } else { None },
            })
            .collect()
    }

    /// The key under which the trainer counts token `i`'s word.
    pub fn word_key(&self, i: usize) -> u64 {
        self.words[i].lower
    }

    /// Makes token `i` an unknown word: its features then leave out what
    /// names the word itself and keep its affixes and shape. The trainer
    /// does this to words it has seen once, so that the model learns how
    /// to tag words it has never seen from words it has hardly seen.
    pub fn forget(&mut self, i: usize) {
        self.words[i].known = false;
    }

    /// The keys of token `i`'s features, given the tags of the tokens before
    /// it (`before.len() >= i`; only the last two count) and what the
    /// lexicon says of each token (`looked`, from [`Context::look_up`]; the
    /// token's own case profile and the tags settled for the next two
    /// count). Replaces the contents of `out`.
    pub fn features(&self, i: usize, before: &[Tag], looked: &[Looked], out: &mut Vec<u64>) {
        use template::*;
        const START: u64 = 1;
        const END: u64 = 2;
        let at = |j: isize| -> WordKeys {
            if j < 0 {
                WordKeys::boundary(START + (-j) as u64 * 2)
            } else if j as usize >= self.words.len() {
                WordKeys::boundary(END + (j as u64 - self.words.len() as u64) * 2)
            } else {
                self.words[j as usize]
            }
        };
        let i = i as isize;
        let w = at(i);
        let prev = at(i - 1);
        let prev2 = at(i - 2);
        let next = at(i + 1);
        let next2 = at(i + 2);
        let tag_at = |j: isize| -> u64 {
            if j < 0 { NO_TAG } else { before.get(j as usize).map_or(NO_TAG, |t| t.index() as u64) }
        };
        let t1 = tag_at(i - 1);
        let t2 = tag_at(i - 2);
        // After the sentence, a value of its own; a word the dictionary
        // does not settle, `NO_TAG`.
        let settled_at = |j: isize| -> u64 {
            match looked.get(j as usize) {
                Some(word) => word.settled.map_or(NO_TAG, |t| t.index() as u64),
                None => NO_TAG + 1,
            }
        };
        let (s1, s2) = (settled_at(i + 1), settled_at(i + 2));
        out.clear();
        out.extend_from_slice(&[
            key(BIAS, 0),
            key(SUFFIX1, w.suffix[0]),
            key(SUFFIX2, w.suffix[1]),
            key(SUFFIX3, w.suffix[2]),
            key(SUFFIX4, w.suffix[3]),
            key(PREFIX1, w.prefix[0]),
            key(PREFIX2, w.prefix[1]),
            key(PREFIX3, w.prefix[2]),
            key(SHAPE, w.shape),
            key(FLAGS, w.flags),
            key(TAG1, t1),
            key2(TAG2_TAG1, t2, t1),
            key2(TAG1_SUFFIX3, t1, w.suffix[2]),
            key(PREV_SUFFIX3, prev.suffix[2]),
            key(NEXT_SUFFIX3, next.suffix[2]),
            key(NEXT_SHAPE, next.shape),
            key(NEXT_SETTLED, s1),
            key2(NEXT2_SETTLED, s1, s2),
        ]);
        if w.known {
            out.extend_from_slice(&[key(WORD, w.word), key(LOWER, w.lower), key2(TAG1_LOWER, t1, w.lower)]);
            if i == 0 {
                out.push(key(INITIAL_LOWER, w.lower));
            }
            if prev.known {
                out.push(key2(PREV_LOWER_LOWER, prev.lower, w.lower));
            }
            if next.known {
                out.push(key2(LOWER_NEXT_LOWER, w.lower, next.lower));
            }
            // "to" before "regroup" (a verb) or "Kabul" (not one), for
            // neighbours the model knows too little of.
            out.push(key2(LOWER_NEXT_SHAPE, w.lower, next.shape));
            out.push(key2(LOWER_NEXT_SUFFIX2, w.lower, next.suffix[1]));
        }
        for (known, k) in [
            (prev.known, key(PREV_LOWER, prev.lower)),
            (prev2.known, key(PREV2_LOWER, prev2.lower)),
            (next.known, key(NEXT_LOWER, next.lower)),
            (next2.known, key(NEXT2_LOWER, next2.lower)),
        ] {
            if known {
                out.push(k);
            }
        }
        if w.mark != 0 {
            out.push(w.mark);
        }
        if let Some(case) = looked.get(i as usize).and_then(|word| word.case) {
            out.push(key2(CASE_PROFILE, u64::from(case), w.flags & 16));
        }
    }
}

/// Strings reused from one word to the next.
#[derive(Default)]
struct Buffers {
    norm: String,
    lower: String,
    shape: String,
}

/// The hashed features of one word.
fn word_keys(text: &str, initial: bool, glued_before: bool, glued_after: bool, b: &mut Buffers) -> WordKeys {
    // Curly single quotes made straight, so that "Iran’s" reads as "Iran's".
    let norm = if text.contains(['’', '‘']) {
        b.norm.clear();
        b.norm.extend(text.chars().map(|c| if matches!(c, '’' | '‘') { '\'' } else { c }));
        b.norm.as_str()
    } else {
        text
    };
    b.lower.clear();
    b.shape.clear();
    let (mut upper, mut letters) = (0usize, 0usize);
    let (mut digit, mut hyphen) = (false, false);
    let mut last_class = '\0';
    let mut run = 0;
    for c in norm.chars() {
        if c.is_ascii() {
            b.lower.push(c.to_ascii_lowercase());
        } else {
            b.lower.extend(c.to_lowercase());
        }
        let class = if c.is_uppercase() {
            upper += 1;
            letters += 1;
            'X'
        } else if c.is_alphabetic() {
            letters += 1;
            'x'
        } else if c.is_ascii_digit() {
            digit = true;
            'd'
        } else {
            hyphen |= c == '-';
            c
        };
        if class == last_class {
            run += 1;
        } else {
            run = 1;
            last_class = class;
        }
        // Runs are cut at two: "Xxx" for "Iran" and for "Pakistan".
        if run <= 2 {
            b.shape.push(class);
        }
    }
    let capitalised = norm.chars().next().is_some_and(char::is_uppercase);
    let all_caps = letters > 1 && upper == letters;
    let flags = u64::from(capitalised)
        | u64::from(all_caps) << 1
        | u64::from(digit) << 2
        | u64::from(hyphen) << 3
        | u64::from(initial) << 4;
    let word = hash_bytes(norm.as_bytes());
    let mark = if letters == 0 && !digit {
        key2(template::MARK, word, u64::from(glued_before) | u64::from(glued_after) << 1)
    } else {
        0
    };
    let lower = b.lower.as_str();
    // An acronym's letters are not a suffix: "TTP" is not "http".
    let affixes = if all_caps { norm } else { lower };
    WordKeys {
        word,
        lower: hash_bytes(lower.as_bytes()),
        suffix: std::array::from_fn(|n| hash_bytes(last_chars(affixes, n + 1).as_bytes())),
        prefix: std::array::from_fn(|n| hash_bytes(first_chars(affixes, n + 1).as_bytes())),
        shape: hash_bytes(b.shape.as_bytes()),
        flags,
        mark,
        known: true,
    }
}

/// The last `n` characters of `s` (all of it if shorter).
fn last_chars(s: &str, n: usize) -> &str {
    if s.is_ascii() {
        return &s[s.len().saturating_sub(n)..];
    }
    match s.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// The first `n` characters of `s` (all of it if shorter).
fn first_chars(s: &str, n: usize) -> &str {
    if s.is_ascii() {
        return &s[..n.min(s.len())];
    }
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

// ---------------------------------------------------------------------------
// The model file

/// The first bytes of a model file, with the format's version.
const MAGIC: &[u8; 8] = b"BSTAGGR3";
/// Bytes of the header: magic, then tag count, slot count, bytes of weights.
const HEADER_LEN: usize = 8 + 4 * 3;
/// Bytes of a tag's name in the file's tag list.
const TAG_NAME_LEN: usize = 8;
/// Bytes of a slot: a key fingerprint, then the start and count of its weights.
const SLOT_LEN: usize = 8;
/// Bytes of a weight in a sparse row: the tag's index, then the value as a
/// little-endian `i16`.
const WEIGHT_LEN: usize = 3;
/// Bytes of a dense row: an `i16` for every tag, in index order.
const DENSE_LEN: usize = 2 * Tag::COUNT;
/// A feature with at least this many weights is stored as a dense row:
/// adding one up is then a loop the compiler turns into vector
/// instructions, and most such features (the bias, the previous tag, short
/// suffixes) are met at nearly every token.
const DENSE_FROM: usize = 12;
/// Bytes of weights a slot can point into (its offset has 24 bits).
const MAX_WEIGHTS_LEN: usize = 1 << 24;
/// Features of one token looked up together (see [`Model::score`]).
const BATCH: usize = 32;

/// The weights compiled into the binary.
static EMBEDDED: &[u8] = include_bytes!("../../data/tagger/en-perceptron.bin");

/// What is wrong with a model file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// It does not start with the magic bytes of this format.
    #[error("not a briefsmith tagger model (bad magic bytes)")]
    Magic,
    /// Its tag list is not this build's.
    #[error("the model's tag list differs from this build's")]
    Tags,
    /// Its length does not match its header.
    #[error("the model is {actual} bytes long, its header says {expected}")]
    Length {
        /// Bytes the header implies.
        expected: usize,
        /// Bytes there are.
        actual: usize,
    },
    /// Its slot count is not a power of two.
    #[error("the model's slot count {0} is not a power of two")]
    Slots(usize),
}

/// Tagger weights, read in place from the bytes of a model file.
///
/// The file (little-endian throughout) holds a header, the tag names in
/// index order, an open-addressing table of `slots` entries, and the
/// weights. A slot is a 32-bit fingerprint of a feature key (0 for an empty
/// slot) and a 32-bit word: the byte offset of the feature's weights in its
/// low 24 bits, their number in the high 8. A feature's slot is its key's
/// low bits, or the first free one after them. The weights of a feature are
/// a sparse row (three bytes each: a tag index and an `i16`) or, where the
/// number is 0, a dense row (an `i16` for every tag). The [`Lexicon`] is
/// stored as features of templates of their own with one weight each: for a
/// dictionary word, its tag; for a case profile, the profile as the value.
#[derive(Debug, Clone, Copy)]
pub struct Model<'a> {
    slots: &'a [u8],
    weights: &'a [u8],
    mask: usize,
}

/// Reads a little-endian `u32` at `at`, or 0 past the end.
fn read_u32(bytes: &[u8], at: usize) -> u32 {
    bytes.get(at..at + 4).and_then(|b| b.try_into().ok()).map_or(0, u32::from_le_bytes)
}

impl<'a> Model<'a> {
    /// Checks the header of a model file and reads it in place.
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Model<'a>, ModelError> {
        if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
            return Err(ModelError::Magic);
        }
        let n_tags = read_u32(bytes, 8) as usize;
        let n_slots = read_u32(bytes, 12) as usize;
        let weights_len = read_u32(bytes, 16) as usize;
        if n_tags != Tag::COUNT {
            return Err(ModelError::Tags);
        }
        if !n_slots.is_power_of_two() {
            return Err(ModelError::Slots(n_slots));
        }
        let names_end = HEADER_LEN + n_tags * TAG_NAME_LEN;
        let slots_end = names_end + n_slots * SLOT_LEN;
        let expected = slots_end + weights_len;
        if bytes.len() != expected {
            return Err(ModelError::Length { expected, actual: bytes.len() });
        }
        for (i, tag) in Tag::ALL.iter().enumerate() {
            let name = &bytes[HEADER_LEN + i * TAG_NAME_LEN..HEADER_LEN + (i + 1) * TAG_NAME_LEN];
            let len = name.iter().position(|&b| b == 0).unwrap_or(TAG_NAME_LEN);
            if &name[..len] != tag.as_str().as_bytes() {
                return Err(ModelError::Tags);
            }
        }
        Ok(Model { slots: &bytes[names_end..slots_end], weights: &bytes[slots_end..], mask: n_slots - 1 })
    }

    /// The model compiled into the binary, read at first use.
    pub fn embedded() -> &'static Model<'static> {
        static MODEL: OnceLock<Model<'static>> = OnceLock::new();
        MODEL.get_or_init(|| {
            // The file is part of the build and a unit test reads it, so a
            // failure here is a broken build, not bad input.
            Model::from_bytes(EMBEDDED)
                .unwrap_or_else(|err| panic!("data/tagger/en-perceptron.bin is unusable ({err})"))
        })
    }

    /// The weights of a feature (empty if the model does not have it),
    /// probing from `slot`.
    fn row_from(&self, key: u64, mut slot: usize) -> Row<'a> {
        let fp = fingerprint(key);
        // Bounded so that a table without an empty slot cannot loop.
        for _ in 0..=self.mask {
            let at = slot * SLOT_LEN;
            let stored = read_u32(self.slots, at);
            if stored == 0 {
                break;
            }
            if stored == fp {
                let packed = read_u32(self.slots, at + 4) as usize;
                let start = packed & 0x00ff_ffff;
                let count = packed >> 24;
                return if count == 0 {
                    self.weights.get(start..start + DENSE_LEN).map_or(Row::Empty, Row::Dense)
                } else {
                    self.weights.get(start..start + count * WEIGHT_LEN).map_or(Row::Empty, Row::Sparse)
                };
            }
            slot = (slot + 1) & self.mask;
        }
        Row::Empty
    }

    /// Adds the weights of `features` to `scores`.
    ///
    /// Most lookups miss the processor's caches, so they are made in three
    /// passes over a batch of features: touch every feature's first slot,
    /// then find (and touch) every row, then add them up. The loads of one
    /// pass do not wait on each other, so their cache misses overlap; one
    /// feature at a time, each would wait for the one before.
    fn score(&self, features: &[u64], scores: &mut [i32; Tag::COUNT]) {
        for batch in features.chunks(BATCH) {
            let mut homes = [0usize; BATCH];
            let mut first = 0u32;
            for (home, &key) in homes.iter_mut().zip(batch) {
                *home = key as usize & self.mask;
                first |= read_u32(self.slots, *home * SLOT_LEN);
            }
            // Only so that the loads above are not optimised away.
            std::hint::black_box(first);
            let mut rows = [Row::Empty; BATCH];
            let mut touched = 0u8;
            for ((row, &key), &home) in rows.iter_mut().zip(batch).zip(&homes) {
                *row = self.row_from(key, home);
                if let Row::Sparse(bytes) | Row::Dense(bytes) = row {
                    touched |= bytes[0];
                }
            }
            std::hint::black_box(touched);
            for row in &rows[..batch.len()] {
                match row {
                    Row::Dense(bytes) => add_dense(scores, bytes),
                    Row::Sparse(bytes) => {
                        for weight in bytes.chunks_exact(WEIGHT_LEN) {
                            if let Some(s) = scores.get_mut(usize::from(weight[0])) {
                                *s += i32::from(i16::from_le_bytes([weight[1], weight[2]]));
                            }
                        }
                    }
                    Row::Empty => {}
                }
            }
        }
    }

    /// Tags the tokens of a sentence.
    pub fn tag(&self, sentence: &str, tokens: &[Token]) -> Vec<Tag> {
        let context = Context::new(sentence, tokens);
        let mut first = [0i32; Tag::COUNT];
        let tags = decode(&context, self, |i, features| {
            let mut scores = [0i32; Tag::COUNT];
            self.score(features, &mut scores);
            if i == 0 {
                first = scores;
            }
            allowed(&mut scores, tokens[i].text(sentence))
        });
        let opening = tokens.first().map_or("", |t| t.text(sentence));
        if let Some((verb, as_tag)) = missed_verb(&tags, tokens, sentence) {
            // "Moscow views its capabilities …" read with "views" as a noun:
            // a clause needs its verb.
            return decode(&context, self, |i, features| {
                if i == verb {
                    return as_tag;
                }
                let mut scores = [0i32; Tag::COUNT];
                self.score(features, &mut scores);
                allowed(&mut scores, tokens[i].text(sentence))
            });
        }
        if !is_imperative(&tags, &first) || !can_be_verb(opening, Tag::Vb) {
            return tags;
        }
        // The first word is the verb; the tags after it follow from that.
        decode(&context, self, |i, features| {
            if i == 0 {
                return Tag::Vb;
            }
            let mut scores = [0i32; Tag::COUNT];
            self.score(features, &mut scores);
            allowed(&mut scores, tokens[i].text(sentence))
        })
    }
}

/// The best tag the word can take. The model weighs features of spelling
/// and context; two facts of the word itself overrule it: a word in capitals
/// or with capitals inside ("ALPHV", "BlackCat", "VEOs") is a name, and a
/// word that is no verb in the lexicon of [`super::semantics`] ("victim",
/// "ransomware", "Moscow") takes no verb tag. Words the tag dictionary
/// settles never reach this.
fn allowed(scores: &mut [i32; Tag::COUNT], word: &str) -> Tag {
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    let lower = word.chars().filter(|c| c.is_lowercase()).count();
    let inner_capital = word.chars().skip(1).any(char::is_uppercase) && word.chars().any(char::is_lowercase);
    if capitals >= 2 && (lower == 0 || inner_capital) {
        let plural = word.ends_with('s') && lower == 1;
        return if plural { Tag::Nnps } else { Tag::Nnp };
    }
    let tag = best(scores);
    if tag.is_verb() && !can_be_verb(word, tag) {
        for t in Tag::ALL.iter().filter(|t| t.is_verb()) {
            scores[t.index()] = i32::MIN;
        }
        return best(scores);
    }
    tag
}

/// In a sentence the model read without any finite verb, a plural noun that
/// can be a verb, right after a noun and before the start of a noun phrase,
/// is the verb: "Moscow views its …", "BlackCat/ALPHV steals victim data";
/// so is a singular noun right after a plural one that follows a
/// determiner or a modifier: "The actors leverage Windows scripting",
/// "Transport unions count 140 trucks".
fn missed_verb(tags: &[Tag], tokens: &[Token], sentence: &str) -> Option<(usize, Tag)> {
    if tags.len() < 3 || tags.iter().any(|t| t.is_finite()) || tags.first() == Some(&Tag::Vb) {
        return None;
    }
    let object_follows = |i: usize| {
        matches!(tags[i + 1], Tag::Dt | Tag::PrpPoss | Tag::Jj | Tag::Nn | Tag::Nns | Tag::Nnp | Tag::Cd)
    };
    (1..tags.len() - 1).find_map(|i| {
        let third_person = tags[i] == Tag::Nns
            && matches!(tags[i - 1], Tag::Nn | Tag::Nnp | Tag::Nnps | Tag::Nns | Tag::Prp)
            && can_be_verb(tokens[i].text(sentence), Tag::Vbz);
        let plural_subject = i >= 2
            && tags[i] == Tag::Nn
            && tags[i - 1] == Tag::Nns
            && matches!(tags[i - 2], Tag::Dt | Tag::PrpPoss | Tag::Jj | Tag::Nn | Tag::Nnp)
            && can_be_verb(tokens[i].text(sentence), Tag::Vbp);
        if !object_follows(i) {
            return None;
        }
        if third_person {
            Some((i, Tag::Vbz))
        } else if plural_subject {
            Some((i, Tag::Vbp))
        } else {
            None
        }
    })
}

/// Whether a word can be a verb with this tag: its base form is a verb in
/// the lexicon (words the lexicon lacks are given the benefit of the doubt
/// only when they look like verbs: "-ize", "-ate", "-ify").
fn can_be_verb(word: &str, tag: Tag) -> bool {
    let lower = word.to_lowercase();
    let base = lemma(&lower, tag);
    let verb = |w: &str| super::semantics::verb(w).any();
    verb(&base)
        || verb(&lower)
        || ["ize", "ise", "izes", "ises", "ized", "ised", "ate", "ify"].iter().any(|s| base.ends_with(s))
}

/// How far below the best score the first word's score as a verb may be for
/// a clause without a finite verb to be read as an imperative. Measured on
/// the treebank's development set and on forty recommendations written as a
/// brief's bullets: 20,000 makes 37 of the forty start with a verb (31
/// without the rule), and on the development set the sentences turned into
/// imperatives as the trainer makes them 97.6% (95.3%), at a cost of 0.1
/// points over all tokens, most of it verbless fragments of web text
/// ("Excellent food and service.").
const IMPERATIVE_MARGIN: i32 = 20_000;

/// Whether a clause the model tagged without a finite verb is better read
/// as an imperative: it has at least three tokens and no tensed verb or
/// modal, and its first word, scored `first` by the model, could be a
/// verb in the base form. A sentence has a finite verb or is an
/// imperative; "Fund independent research." and "Sanction the group's
/// financiers." are recommendations, not titles, in a brief. A proper noun
/// is left alone: "Moscow views its arsenal as …" with "views" misread as a
/// noun is a statement, not an order to "moscow".
fn is_imperative(tags: &[Tag], first: &[i32; Tag::COUNT]) -> bool {
    let Some(&tag) = tags.first() else { return false };
    tags.len() >= 3
        && tag != Tag::Vb
        && matches!(tag, Tag::Nn | Tag::Nns | Tag::Jj | Tag::Jjr | Tag::Jjs | Tag::Vbn | Tag::Vbd | Tag::Vbp)
        && !tags[1..].iter().any(|t| t.is_finite())
        && first[Tag::Vb.index()] >= first[tag.index()] - IMPERATIVE_MARGIN
}

/// What the tagger knows of single words before it scores any: the tag
/// dictionary and the case profiles. The model file holds both; the trainer
/// keeps its own while it learns.
pub trait Lexicon {
    /// The tag the dictionary settles for the word under a
    /// [`Context::dictionary_key`], if any.
    fn settled(&self, key: u64) -> Option<Tag>;

    /// The case profile of the word under a [`Context::case_key`]: how often
    /// the training data capitalises it inside a sentence, from 0 (almost
    /// never: "review") to 3 (almost always: "Congress"). `None` for a word
    /// it has too rarely.
    fn case_profile(&self, key: u64) -> Option<u8>;
}

/// What the lexicon says of one token.
#[derive(Debug, Clone, Copy, Default)]
pub struct Looked {
    /// The tag the dictionary settles.
    pub settled: Option<Tag>,
    /// The case profile, for a capitalised word the lexicon has.
    pub case: Option<u8>,
}

/// Tags a sentence from left to right. First the lexicon is asked about
/// every token, and each token the dictionary settles takes its tag; then
/// each other token, in order, takes the one `choose` picks from the token's
/// index and feature keys, which see the tags settled on both sides.
/// [`Model::tag`] and the trainer both run this loop, so they read the
/// lexicon and the tags around each token alike.
pub fn decode(
    context: &Context,
    lexicon: &impl Lexicon,
    mut choose: impl FnMut(usize, &[u64]) -> Tag,
) -> Vec<Tag> {
    let looked = context.look_up(lexicon);
    let mut tags = Vec::with_capacity(context.len());
    let mut features = Vec::with_capacity(BATCH);
    for (i, word) in looked.iter().enumerate() {
        let tag = match word.settled {
            Some(tag) => tag,
            None => {
                context.features(i, &tags, &looked, &mut features);
                choose(i, &features)
            }
        };
        tags.push(tag);
    }
    tags
}

impl Lexicon for Model<'_> {
    fn settled(&self, key: u64) -> Option<Tag> {
        match self.row_from(key, key as usize & self.mask) {
            Row::Sparse(row) => Tag::from_index(usize::from(*row.first()?)),
            Row::Dense(_) | Row::Empty => None,
        }
    }

    fn case_profile(&self, key: u64) -> Option<u8> {
        match self.row_from(key, key as usize & self.mask) {
            Row::Sparse(row) if row.len() == WEIGHT_LEN => {
                u8::try_from(i16::from_le_bytes([row[1], row[2]])).ok()
            }
            _ => None,
        }
    }
}

/// The weights of one feature in a model file.
#[derive(Debug, Clone, Copy)]
enum Row<'a> {
    /// Not in the model.
    Empty,
    /// Three bytes a weight: tag index, `i16`.
    Sparse(&'a [u8]),
    /// An `i16` for every tag.
    Dense(&'a [u8]),
}

/// Adds a dense row to `scores`.
fn add_dense(scores: &mut [i32; Tag::COUNT], row: &[u8]) {
    let Ok(row) = <&[u8; DENSE_LEN]>::try_from(row) else { return };
    for (k, s) in scores.iter_mut().enumerate() {
        *s += i32::from(i16::from_le_bytes([row[2 * k], row[2 * k + 1]]));
    }
}

/// The fingerprint a slot stores for a key: its high half, never 0.
fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32).max(1)
}

/// The tag with the highest score; the first of equals.
pub fn best<S: PartialOrd + Copy>(scores: &[S; Tag::COUNT]) -> Tag {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    Tag::ALL[best]
}

/// Writes weights in the format [`Model::from_bytes`] reads. `features` maps
/// feature keys to their non-zero weights (one per tag at most). The
/// [`Lexicon`] goes in as features too: a dictionary entry keyed by
/// [`Context::dictionary_key`] with one weight, for its tag; a case profile
/// keyed by [`Context::case_key`] with one weight whose value is the
/// profile. A feature whose fingerprint is already in the
/// table on its probe path would be found in the other's place, so it is
/// left out, as are features past the 16 MB the offsets can address; the
/// second value returned counts them. The same features give the same
/// bytes, in whatever order they come.
pub fn encode_model(features: &[(u64, Vec<(Tag, i16)>)]) -> (Vec<u8>, usize) {
    let mut sorted: Vec<&(u64, Vec<(Tag, i16)>)> =
        features.iter().filter(|(_, row)| !row.is_empty()).collect();
    sorted.sort_by_key(|(k, _)| *k);
    // At most three quarters full. A probe for a feature the model lacks
    // (the commonest case) runs on to an empty slot, but along adjacent
    // slots, mostly in the cache line it started in.
    let n_slots = (sorted.len() * 4 / 3 + 1).next_power_of_two().max(8);
    let mask = n_slots - 1;
    let mut slots = vec![0u8; n_slots * SLOT_LEN];
    let mut weights = Vec::new();
    let mut dropped = 0;
    'features: for (k, row) in sorted {
        let fp = fingerprint(*k);
        let mut slot = *k as usize & mask;
        loop {
            let stored = read_u32(&slots, slot * SLOT_LEN);
            if stored == 0 {
                break;
            }
            if stored == fp {
                dropped += 1;
                continue 'features;
            }
            slot = (slot + 1) & mask;
        }
        let mut dense = [0i16; Tag::COUNT];
        for &(tag, w) in row {
            dense[tag.index()] = w;
        }
        let start = weights.len();
        let count = if row.len() >= DENSE_FROM {
            if start + DENSE_LEN > MAX_WEIGHTS_LEN {
                dropped += 1;
                continue;
            }
            for w in dense {
                weights.extend_from_slice(&w.to_le_bytes());
            }
            0
        } else {
            if start + row.len() * WEIGHT_LEN > MAX_WEIGHTS_LEN {
                dropped += 1;
                continue;
            }
            // In tag order, whatever order the caller gave.
            for (tag, &w) in Tag::ALL.iter().zip(&dense) {
                if row.iter().any(|(t, _)| t == tag) {
                    weights.push(tag.index() as u8);
                    weights.extend_from_slice(&w.to_le_bytes());
                }
            }
            row.len() as u32
        };
        let packed = (start as u32) | (count << 24);
        slots[slot * SLOT_LEN..slot * SLOT_LEN + 4].copy_from_slice(&fp.to_le_bytes());
        slots[slot * SLOT_LEN + 4..slot * SLOT_LEN + 8].copy_from_slice(&packed.to_le_bytes());
    }
    let mut out = Vec::with_capacity(HEADER_LEN + Tag::COUNT * TAG_NAME_LEN + slots.len() + weights.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(Tag::COUNT as u32).to_le_bytes());
    out.extend_from_slice(&(n_slots as u32).to_le_bytes());
    out.extend_from_slice(&(weights.len() as u32).to_le_bytes());
    for tag in Tag::ALL {
        let mut name = [0u8; TAG_NAME_LEN];
        name[..tag.as_str().len()].copy_from_slice(tag.as_str().as_bytes());
        out.extend_from_slice(&name);
    }
    out.extend_from_slice(&slots);
    out.extend_from_slice(&weights);
    (out, dropped)
}

/// Tags the tokens of a sentence with the model compiled into the binary.
/// Returns one tag per token.
pub fn tag(sentence: &str, tokens: &[Token]) -> Vec<Tag> {
    let mut tags = Model::embedded().tag(sentence, tokens);
    past_joined_to_past(&mut tags, tokens, sentence);
    tags
}

/// "scanned and exploited": a past form read as an adjective right after
/// its subject and joined by "and" to a verb in the past is a verb in the
/// past too.
fn past_joined_to_past(tags: &mut [Tag], tokens: &[Token], sentence: &str) {
    for i in 0..tags.len().saturating_sub(2) {
        if tags[i] == Tag::Jj
            && tags[i + 1] == Tag::Cc
            && tags[i + 2] == Tag::Vbd
            && tokens[i].text(sentence).ends_with("ed")
            && (i == 0 || tags[i - 1].is_noun() || tags[i - 1] == Tag::Prp)
        {
            tags[i] = Tag::Vbd;
        }
    }
}

// ---------------------------------------------------------------------------
// Lemmas

/// Word forms whose lemma the rules of [`lemma`] get wrong, from the
/// treebank's LEMMA column: `form<TAB>tag<TAB>lemma`, sorted by form, then tag.
static LEMMA_EXCEPTIONS: &str = include_str!("../../data/tagger/en-lemmas.tsv");

/// The exceptions, parsed at first use.
fn lemma_exceptions() -> &'static [(&'static str, Tag, &'static str)] {
    static TABLE: OnceLock<Vec<(&'static str, Tag, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(&str, Tag, &str)> = LEMMA_EXCEPTIONS
            .lines()
            .filter_map(|line| {
                let mut parts = line.split('\t');
                let form = parts.next()?;
                let tag = parts.next()?.parse().ok()?;
                let lemma = parts.next()?;
                Some((form, tag, lemma))
            })
            .collect();
        // Sorted in the file already; sorting again keeps a hand edit from
        // breaking the binary search.
        table.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        table
    })
}

/// The base form of a word with a tag: "attacks"/VBZ → "attack", "urged"/VBD
/// → "urge", "militias"/NNS → "militia", "was"/VBD → "be". Irregular forms
/// come from the treebank's lemmas; the rest from suffix rules. Proper nouns
/// keep their case; other words are lower-cased.
pub fn lemma(word: &str, tag: Tag) -> Cow<'_, str> {
    let form: Cow<'_, str> = if tag.is_proper() || !word.chars().any(|c| c.is_uppercase() || c == '’') {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.replace('’', "'").to_lowercase())
    };
    if !tag.is_proper() {
        let table = lemma_exceptions();
        if let Ok(i) = table.binary_search_by(|(f, t, _)| (*f, *t).cmp(&(form.as_ref(), tag))) {
            return Cow::Borrowed(table[i].2);
        }
    }
    match rule_lemma(&form, tag) {
        Some(lemma) => Cow::Owned(lemma),
        None => form,
    }
}

/// The lemma the suffix rules give, or `None` when it is the form itself.
/// Public so that the trainer can list where the rules go wrong.
pub fn rule_lemma(form: &str, tag: Tag) -> Option<String> {
    match tag {
        Tag::Nns | Tag::Nnps => singular(form),
        Tag::Vbz => {
            let stem = form.strip_suffix('s')?;
            if let Some(s) = form.strip_suffix("ies").filter(|s| s.len() > 1) {
                Some(format!("{s}y"))
            } else if ["sses", "shes", "ches", "xes", "zzes", "oes"].iter().any(|e| form.ends_with(e)) {
                form.strip_suffix("es").map(str::to_owned)
            } else {
                Some(stem.to_owned())
            }
        }
        Tag::Vbd | Tag::Vbn => {
            if let Some(s) = form.strip_suffix("ied").filter(|s| s.len() > 1) {
                return Some(format!("{s}y"));
            }
            if form.ends_with("eed") {
                return form.strip_suffix('d').map(str::to_owned);
            }
            verb_stem(form.strip_suffix("ed")?)
        }
        Tag::Vbg => {
            let stem = form.strip_suffix("ing")?;
            if stem.len() < 2 {
                return None;
            }
            if stem.ends_with('y') || stem.ends_with("ee") {
                return Some(stem.to_owned());
            }
            verb_stem(stem)
        }
        Tag::Jjr | Tag::Rbr => comparative(form.strip_suffix("er")?),
        Tag::Jjs | Tag::Rbs => comparative(form.strip_suffix("est")?),
        _ => None,
    }
}

/// The singular of a plural noun ("militias" → "militia", "policies" →
/// "policy", "servicemen" → "serviceman").
fn singular(form: &str) -> Option<String> {
    if let Some(s) = form.strip_suffix("men").filter(|s| !s.is_empty()) {
        return Some(format!("{s}man"));
    }
    if let Some(s) = form.strip_suffix("ies").filter(|s| s.len() > 1) {
        return Some(format!("{s}y"));
    }
    if ["sses", "shes", "ches", "xes", "zzes"].iter().any(|e| form.ends_with(e)) {
        return form.strip_suffix("es").map(str::to_owned);
    }
    if ["ss", "us", "is"].iter().any(|e| form.ends_with(e)) {
        return None;
    }
    form.strip_suffix('s').filter(|s| !s.is_empty()).map(|s| s.trim_end_matches('\'').to_owned())
}

/// Whether a (lower-case ASCII) letter is a vowel.
fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The base of a verb whose "-ed" or "-ing" is gone: a doubled final
/// consonant undone ("planned"), a silent "e" put back ("urged", "making").
fn verb_stem(stem: &str) -> Option<String> {
    let b = stem.as_bytes();
    let n = b.len();
    if n < 2 {
        return None;
    }
    let (last, before) = (b[n - 1], b[n - 2]);
    if last == before && !is_vowel(last) && !matches!(last, b'l' | b's' | b'z' | b'f') {
        return Some(stem[..n - 1].to_owned());
    }
    Some(if needs_e(b) { format!("{stem}e") } else { stem.to_owned() })
}

/// Whether a verb stem lost a final "e" to its suffix: "urg", "forc",
/// "us", "continu", "creat", "handl".
fn needs_e(b: &[u8]) -> bool {
    let n = b.len();
    let (last, before) = (b[n - 1], b[n - 2]);
    match last {
        b'v' | b'u' | b'z' => true,
        // "forc", "announc", "fenc" (a stem that keeps its "c" has a "k"
        // added: "panicking").
        b'c' => true,
        // "urg", "chang", "challeng", but not "bring", "belong", "hung".
        b'g' => !(before == b'n' && n >= 3 && matches!(b[n - 3], b'i' | b'o' | b'u')),
        // "handl", "settl" (a consonant before the l).
        b'l' => !is_vowel(before) && before != b'l' && before != b'r',
        // "us", "caus", "releas", "propos", but not "focus", "pass".
        b's' => is_vowel(before) && !(before == b'u' && n >= 3 && !is_vowel(b[n - 3])),
        // "creat", "stat", "rat" but not "treat", "threat".
        b't' => before == b'a' && n >= 3 && !is_vowel(b[n - 3]),
        // "mak", "describ", "provid", "secur", "com", "determin", "saf"; not
        // "p", for "develop" is commoner than "shap".
        b'k' | b'b' | b'd' | b'r' | b'm' | b'n' | b'f' => {
            n >= 3
                && is_vowel(before)
                && !is_vowel(b[n - 3])
                && before != b'e'
                && !(last == b'r' && before == b'o')
        }
        _ => false,
    }
}

/// The base of a comparative or superlative whose ending is gone:
/// "easi" → "easy", "bigg" → "big", "larg" → "large".
fn comparative(stem: &str) -> Option<String> {
    let b = stem.as_bytes();
    let n = b.len();
    if n < 2 {
        return None;
    }
    if b[n - 1] == b'i' {
        return Some(format!("{}y", &stem[..n - 1]));
    }
    if b[n - 1] == b[n - 2] && !is_vowel(b[n - 1]) && b[n - 1] != b'l' {
        return Some(stem[..n - 1].to_owned());
    }
    Some(if needs_e(b) { format!("{stem}e") } else { stem.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sentence: &str) -> Vec<&str> {
        tokens(sentence).iter().map(|t| t.text(sentence)).collect()
    }

    /// Tags a sentence, the tags paired with the words.
    fn tagged(sentence: &str) -> Vec<(&str, Tag)> {
        let tokens = tokens(sentence);
        let tags = tag(sentence, &tokens);
        tokens.iter().map(|t| t.text(sentence)).zip(tags).collect()
    }

    /// The tag of the first token spelled `word`.
    fn tag_of(tagged: &[(&str, Tag)], word: &str) -> Tag {
        match tagged.iter().find(|(w, _)| *w == word) {
            Some(&(_, tag)) => tag,
            None => panic!("no token `{word}` in {tagged:?}"),
        }
    }

    fn assert_tags(sentence: &str, expected: &[(&str, Tag)]) {
        let tagged = tagged(sentence);
        for &(word, tag) in expected {
            assert_eq!(tag_of(&tagged, word), tag, "`{word}` in {tagged:?}");
        }
    }

    #[test]
    fn tokens_split_punctuation_and_keep_abbreviations() {
        assert_eq!(
            texts("The U.S. and its allies (e.g. the U.K.) warned: \"enough.\""),
            [
                "The", "U.S.", "and", "its", "allies", "(", "e.g.", "the", "U.K.", ")", "warned", ":", "\"",
                "enough", ".", "\""
            ]
        );
        assert_eq!(
            texts("Dr. Smith met Gen. Jones, etc."),
            ["Dr.", "Smith", "met", "Gen.", "Jones", ",", "etc."]
        );
        assert_eq!(texts("Wait... what?!"), ["Wait", "...", "what", "?", "!"]);
    }

    #[test]
    fn tokens_split_clitics() {
        assert_eq!(
            texts("Iran's proxies don't act alone."),
            ["Iran", "'s", "proxies", "do", "n't", "act", "alone", "."]
        );
        assert_eq!(
            texts("Iran’s proxies can’t; they’re"),
            ["Iran", "’s", "proxies", "ca", "n’t", ";", "they", "’re"]
        );
        assert_eq!(texts("the states' forces"), ["the", "states", "'", "forces"]);
        assert_eq!(texts("We cannot wait"), ["We", "can", "not", "wait"]);
        assert_eq!(texts("O'Neill's report"), ["O'Neill", "'s", "report"]);
    }

    #[test]
    fn tokens_keep_hyphenated_words_whole() {
        assert_eq!(
            texts("al-Qa'ida and Tehreek-i-Taliban run state-sponsored, U.S.-backed fronts"),
            ["al-Qa'ida", "and", "Tehreek-i-Taliban", "run", "state-sponsored", ",", "U.S.-backed", "fronts"]
        );
        assert_eq!(texts("al-Qa’ida’s leaders"), ["al-Qa’ida", "’s", "leaders"]);
    }

    #[test]
    fn tokens_keep_numbers_whole() {
        assert_eq!(
            texts("11,000 deaths, $9.5 billion in 2024–25, 40% on 9/11 at 10:30."),
            [
                "11,000",
                "deaths",
                ",",
                "$9.5",
                "billion",
                "in",
                "2024–25",
                ",",
                "40",
                "%",
                "on",
                "9/11",
                "at",
                "10:30",
                "."
            ]
        );
    }

    #[test]
    fn tokens_separate_curly_quotes_and_dashes() {
        assert_eq!(
            texts("“Enough,” he said—twice – and ‘left’."),
            ["“", "Enough", ",", "”", "he", "said", "—", "twice", "–", "and", "‘", "left", "’", "."]
        );
        assert_eq!(texts("Kenya–Somalia talks -- again"), ["Kenya", "–", "Somalia", "talks", "--", "again"]);
    }

    #[test]
    fn tokens_keep_addresses_whole() {
        assert_eq!(
            texts("See https://www.cisa.gov/kev, or mail info@example.org."),
            ["See", "https://www.cisa.gov/kev", ",", "or", "mail", "info@example.org", "."]
        );
    }

    #[test]
    fn tokens_are_byte_offsets_into_the_sentence() {
        let sentence = "  Türkiye’s drones — cheap.";
        let tokens = tokens(sentence);
        assert_eq!(tokens[0], Token { start: 2, end: 10 });
        assert_eq!(tokens[1].text(sentence), "’s");
        assert!(
            tokens.iter().all(|t| sentence.is_char_boundary(t.start) && sentence.is_char_boundary(t.end))
        );
        assert!(tokens.windows(2).all(|w| w[0].end <= w[1].start));
        assert!(super::tokens("").is_empty());
        assert!(super::tokens(" \n\t").is_empty());
    }

    #[test]
    fn imperatives_at_the_start_are_verbs() {
        let tags: Vec<Tag> =
            tagged("Review domain controllers for signs of compromise.").iter().map(|p| p.1).collect();
        assert_eq!(tags, [Tag::Vb, Tag::Nn, Tag::Nns, Tag::In, Tag::Nns, Tag::In, Tag::Nn, Tag::Period]);
        let tags: Vec<Tag> = tagged("Implement network segmentation.").iter().map(|p| p.1).collect();
        assert_eq!(tags, [Tag::Vb, Tag::Nn, Tag::Nn, Tag::Period]);
        // Recommendations as a brief lists them. A statistical tagger gets
        // some wrong ("Monitor", "Sanction" read as nouns); this guards the
        // rate, 38 of 40 when the model was trained.
        let bullets = [
            "Strengthen cooperation with regional partners.",
            "Enhance information sharing between agencies.",
            "Expand patrols along the northern border.",
            "Establish a joint task force on cyber threats.",
            "Develop a national counterterrorism strategy.",
            "Improve screening at ports of entry.",
            "Increase funding for community resilience programmes.",
            "Invest in early warning systems.",
            "Support local mediation efforts.",
            "Prioritise the protection of critical infrastructure.",
            "Create a dedicated unit for online radicalisation.",
            "Coordinate sanctions with European partners.",
            "Deploy additional monitoring teams to the region.",
            "Conduct regular tabletop exercises.",
            "Review domain controllers for signs of compromise.",
            "Implement network segmentation.",
            "Adopt multi-factor authentication for all remote access.",
            "Require vendors to disclose vulnerabilities within 72 hours.",
            "Mandate incident reporting for operators of essential services.",
            "Fund independent research on extremist financing.",
            "Train police officers in de-escalation techniques.",
            "Share threat intelligence with private sector partners.",
            "Monitor cryptocurrency flows linked to the group.",
            "Engage religious leaders in prevention work.",
            "Designate the group as a foreign terrorist organisation.",
            "Sanction individuals who finance the militia.",
            "Counter disinformation campaigns on social media.",
            "Build capacity in regional border agencies.",
            "Reform the oversight of intelligence services.",
            "Consider targeted sanctions against senior commanders.",
            "Encourage neighbouring states to close smuggling routes.",
            "Promote rehabilitation programmes for returning fighters.",
            "Provide technical assistance to the coast guard.",
            "Ensure that backups are stored offline.",
            "Restrict access to administrative accounts.",
            "Limit the sale of dual-use components.",
            "Reduce the attack surface of public-facing systems.",
            "Update incident response plans annually.",
            "Harden email gateways against phishing.",
            "Audit privileged accounts every quarter.",
        ];
        let misses: Vec<&str> = bullets.iter().copied().filter(|b| tagged(b)[0].1 != Tag::Vb).collect();
        assert!(
            misses.len() <= 4,
            "{} of {} bullets do not start with a verb: {misses:?}",
            misses.len(),
            bullets.len()
        );
        assert_tags(
            "Expand patrols along the border and share intelligence with regional partners.",
            &[("share", Tag::Vb), ("patrols", Tag::Nns)],
        );
    }

    #[test]
    fn names_at_the_start_are_proper_nouns() {
        let tags: Vec<Tag> = tagged("Congress should fund the program.").iter().map(|p| p.1).collect();
        assert_eq!(tags, [Tag::Nnp, Tag::Md, Tag::Vb, Tag::Dt, Tag::Nn, Tag::Period]);
        assert_tags(
            "Washington must not allow al-Qa'ida to rebuild its networks in the Sahel.",
            &[
                ("Washington", Tag::Nnp),
                ("must", Tag::Md),
                ("not", Tag::Rb),
                ("allow", Tag::Vb),
                ("al-Qa'ida", Tag::Nnp),
                ("to", Tag::To),
                ("rebuild", Tag::Vb),
                ("its", Tag::PrpPoss),
                ("Sahel", Tag::Nnp),
            ],
        );
    }

    #[test]
    fn acronyms_are_proper_nouns() {
        assert_tags(
            "The FBI and CISA warned that JNIM has expanded its operations.",
            &[
                ("FBI", Tag::Nnp),
                ("CISA", Tag::Nnp),
                ("warned", Tag::Vbd),
                ("JNIM", Tag::Nnp),
                ("has", Tag::Vbz),
                ("expanded", Tag::Vbn),
            ],
        );
        assert_tags(
            "Tehreek-i-Taliban Pakistan (TTP) militants urged the government to release prisoners.",
            &[("TTP", Tag::Nnp), ("urged", Tag::Vbd), ("to", Tag::To), ("release", Tag::Vb)],
        );
    }

    #[test]
    fn names_with_of_and_for_inside() {
        let tagged = tagged("The Centers for Disease Control and Prevention issued new guidance.");
        assert!(tag_of(&tagged, "Centers").is_noun(), "{tagged:?}");
        for word in ["Disease", "Control", "Prevention"] {
            assert!(tag_of(&tagged, word).is_proper(), "`{word}` in {tagged:?}");
        }
        assert_eq!(tag_of(&tagged, "for"), Tag::In);
        assert_eq!(tag_of(&tagged, "and"), Tag::Cc);
        assert_eq!(tag_of(&tagged, "issued"), Tag::Vbd);
        assert_tags(
            "The Department of Defense should prioritise counter-drone systems.",
            &[
                ("Department", Tag::Nnp),
                ("of", Tag::In),
                ("Defense", Tag::Nnp),
                ("should", Tag::Md),
                ("prioritise", Tag::Vb),
                ("counter-drone", Tag::Jj),
                ("systems", Tag::Nns),
            ],
        );
    }

    #[test]
    fn passives_and_auxiliaries() {
        assert_tags(
            "Sanctions have been imposed on the militia's leaders.",
            &[
                ("Sanctions", Tag::Nns),
                ("have", Tag::Vbp),
                ("been", Tag::Vbn),
                ("imposed", Tag::Vbn),
                ("'s", Tag::Pos),
            ],
        );
        assert_tags(
            "The group was designated a terrorist organisation by the U.S. State Department in 2008.",
            &[
                ("was", Tag::Vbd),
                ("designated", Tag::Vbn),
                ("U.S.", Tag::Nnp),
                ("Department", Tag::Nnp),
                ("2008", Tag::Cd),
            ],
        );
        assert_tags(
            "There is a need to improve information sharing.",
            &[("There", Tag::Ex), ("is", Tag::Vbz), ("to", Tag::To), ("improve", Tag::Vb)],
        );
        assert_tags(
            "Analysts assess that the group will attempt further attacks.",
            &[("will", Tag::Md), ("attempt", Tag::Vb), ("attacks", Tag::Nns)],
        );
    }

    #[test]
    fn numbers_clitics_and_curly_apostrophes() {
        assert_tags(
            "Al-Shabaab attacks killed more than 11,000 civilians in 2024–25.",
            &[("Al-Shabaab", Tag::Nnp), ("11,000", Tag::Cd), ("civilians", Tag::Nns), ("2024–25", Tag::Cd)],
        );
        assert_tags(
            "Iran’s proxies don’t act alone; they receive $9.5 million a year.",
            &[
                ("Iran", Tag::Nnp),
                ("’s", Tag::Pos),
                ("do", Tag::Vbp),
                ("n’t", Tag::Rb),
                ("act", Tag::Vb),
                ("$9.5", Tag::Cd),
            ],
        );
    }

    #[test]
    fn tagging_is_deterministic_and_one_tag_per_token() {
        let sentence = "Hezbollah fired rockets at northern Israel on Monday, officials said.";
        let tokens = tokens(sentence);
        let first = tag(sentence, &tokens);
        assert_eq!(first.len(), tokens.len());
        // Other sentences in between share no state with this one.
        tag("Review domain controllers.", &super::tokens("Review domain controllers."));
        assert_eq!(tag(sentence, &tokens), first);
        let copy = Model::from_bytes(EMBEDDED).expect("the embedded model");
        assert_eq!(copy.tag(sentence, &tokens), first);
        assert!(tag("", &[]).is_empty());
    }

    #[test]
    fn tags_any_tokens_given() {
        // Tokens cut otherwise than by `tokens` (the treebank's own, here
        // with the hyphen apart) are tagged too.
        let sentence = "state - sponsored hackers";
        let tokens: Vec<Token> =
            [(0, 5), (6, 7), (8, 17), (18, 25)].iter().map(|&(start, end)| Token { start, end }).collect();
        assert_eq!(tag(sentence, &tokens).len(), 4);
        // Offsets that do not fit the sentence read as empty words.
        assert_eq!(tag("short", &[Token { start: 3, end: 99 }]).len(), 1);
    }

    #[test]
    fn tag_names_round_trip() {
        for &tag in Tag::ALL {
            assert_eq!(tag.as_str().parse::<Tag>(), Ok(tag));
            assert_eq!(Tag::from_index(tag.index()), Some(tag));
        }
        assert_eq!(Tag::COUNT, 50);
        assert!("NNX".parse::<Tag>().is_err());
        assert_eq!(Tag::PrpPoss.to_string(), "PRP$");
        assert!(Tag::Nnps.is_proper() && Tag::Nnps.is_noun() && Tag::Nnps.is_plural());
        assert!(Tag::Vbn.is_verb() && !Tag::Md.is_verb() && Tag::Md.is_finite());
        assert!(Tag::Jjs.is_adj() && Tag::Rbr.is_adv() && Tag::Hyph.is_punct());
        assert_eq!(Tag::Nnp.upos(), Upos::Propn);
        assert_eq!(Tag::Md.upos(), Upos::Aux);
        assert_eq!(Tag::CloseBracket.upos(), Upos::Punct);
    }

    #[test]
    fn lemmas() {
        for (word, tag, expected) in [
            ("attacks", Tag::Vbz, "attack"),
            ("urged", Tag::Vbd, "urge"),
            ("militias", Tag::Nns, "militia"),
            ("was", Tag::Vbd, "be"),
            ("is", Tag::Vbz, "be"),
            ("has", Tag::Vbz, "have"),
            ("policies", Tag::Nns, "policy"),
            ("planned", Tag::Vbd, "plan"),
            ("making", Tag::Vbg, "make"),
            ("targeted", Tag::Vbn, "target"),
            ("children", Tag::Nns, "child"),
            ("larger", Tag::Jjr, "large"),
            ("n’t", Tag::Rb, "not"),
            ("Review", Tag::Vb, "review"),
            ("The", Tag::Dt, "the"),
            ("Americans", Tag::Nnps, "American"),
            ("U.S.", Tag::Nnp, "U.S."),
            ("11,000", Tag::Cd, "11,000"),
        ] {
            assert_eq!(lemma(word, tag), expected, "{word}/{tag}");
        }
        // Unknown words follow the rules.
        for (word, tag, expected) in [
            ("radicalised", Tag::Vbd, "radicalise"),
            ("exfiltrated", Tag::Vbn, "exfiltrate"),
            ("geofencing", Tag::Vbg, "geofence"),
            ("smuggles", Tag::Vbz, "smuggle"),
            ("militiamen", Tag::Nns, "militiaman"),
            ("botnets", Tag::Nns, "botnet"),
        ] {
            assert_eq!(lemma(word, tag), expected, "{word}/{tag}");
        }
        assert!(matches!(lemma("border", Tag::Nn), Cow::Borrowed(_)));
    }

    #[test]
    fn lemma_exceptions_are_sorted_and_parse() {
        let lines = LEMMA_EXCEPTIONS.lines().count();
        assert_eq!(lemma_exceptions().len(), lines);
        assert!(lines > 500);
    }

    #[test]
    fn embedded_model_reads() {
        assert!(Model::from_bytes(EMBEDDED).is_ok());
        assert!(EMBEDDED.len() < 5 << 20, "the model is {} bytes", EMBEDDED.len());
    }

    #[test]
    fn malformed_models_are_refused() {
        assert_eq!(Model::from_bytes(b"not a model").err(), Some(ModelError::Magic));
        let (bytes, _) = encode_model(&[(42, vec![(Tag::Nn, 7)])]);
        assert!(Model::from_bytes(&bytes).is_ok());
        assert!(matches!(Model::from_bytes(&bytes[..bytes.len() - 1]), Err(ModelError::Length { .. })));
        let mut renamed = bytes.clone();
        renamed[HEADER_LEN] = b'X';
        assert_eq!(Model::from_bytes(&renamed).err(), Some(ModelError::Tags));
        let mut slots = bytes;
        slots[12..16].copy_from_slice(&3u32.to_le_bytes());
        assert_eq!(Model::from_bytes(&slots).err(), Some(ModelError::Slots(3)));
    }

    #[test]
    fn model_file_round_trips_sparse_and_dense_rows() {
        let dense: Vec<(Tag, i16)> = Tag::ALL.iter().enumerate().map(|(i, &t)| (t, i as i16 - 20)).collect();
        let features = vec![
            (0x1234_5678_9abc_def0, vec![(Tag::Vb, 300), (Tag::Nn, -200)]),
            (0x0fed_cba9_8765_4321, dense),
            (key(template::DICTIONARY, 7), vec![(Tag::Md, 1)]),
            (key(template::CASE, 7), vec![(Tag::Nn, 3)]),
        ];
        let (bytes, dropped) = encode_model(&features);
        assert_eq!(dropped, 0);
        // The order the features come in does not change the bytes.
        let mut reversed = features.clone();
        reversed.reverse();
        assert_eq!(encode_model(&reversed).0, bytes);

        let model = Model::from_bytes(&bytes).expect("a model");
        let mut scores = [0i32; Tag::COUNT];
        model.score(&[0x1234_5678_9abc_def0, 0x0fed_cba9_8765_4321, 99], &mut scores);
        for (i, &score) in scores.iter().enumerate() {
            let sparse = match Tag::ALL[i] {
                Tag::Vb => 300,
                Tag::Nn => -200,
                _ => 0,
            };
            assert_eq!(score, sparse + i as i32 - 20, "{}", Tag::ALL[i]);
        }
        assert_eq!(model.settled(key(template::DICTIONARY, 7)), Some(Tag::Md));
        assert_eq!(model.settled(key(template::DICTIONARY, 8)), None);
        assert_eq!(model.case_profile(key(template::CASE, 7)), Some(3));
    }
}
