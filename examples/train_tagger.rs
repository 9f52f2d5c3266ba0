//! Trains the part-of-speech tagger of `briefsmith::analysis::tagger` from
//! treebank files in CoNLL-U format, evaluates it, and writes its model
//! (`data/tagger/en-perceptron.bin`) and lemma exceptions
//! (`data/tagger/en-lemmas.tsv`). `data/tagger/README.md` says where the
//! treebank comes from, gives the command and lists the steps.
//!
//! The treebank is retokenised with the tagger's own tokeniser, so that the
//! model learns the tokens it will see: where one token covers several of
//! the treebank's words ("state-sponsored" is "state" "-" "sponsored"
//! there), it takes one tag for them (see `merged_tag`). Imperatives and
//! article-less sentences made from the treebank's sentences join them,
//! words seen once stand in for unknown words, and the weights of a few runs
//! shuffled differently are averaged. Features, the lexicon lookups and the
//! left-to-right loop are the library's.
//!
//! Training is deterministic: the same files and options give the same bytes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::{Path, PathBuf};
use std::time::Instant;

use briefsmith::analysis::tagger::{self, Context, Model, Tag, Token};
use clap::Parser;

/// Trains the part-of-speech tagger.
#[derive(Parser)]
struct Args {
    /// CoNLL-U files, or folders of them, to learn from.
    #[arg(long, required = true, num_args = 1..)]
    train: Vec<PathBuf>,
    /// CoNLL-U files to report accuracy on after each iteration.
    #[arg(long, num_args = 1..)]
    dev: Vec<PathBuf>,
    /// CoNLL-U files to report the final model's accuracy on.
    #[arg(long, num_args = 1..)]
    test: Vec<PathBuf>,
    /// Passes over the training data.
    #[arg(long, default_value_t = 8)]
    iterations: usize,
    /// Seed of the shuffle before each pass (of the first run).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Runs, each shuffled with the next seed, whose weights are averaged.
    #[arg(long, default_value_t = 4)]
    runs: usize,
    /// A word goes into the tag dictionary when seen at least this often...
    #[arg(long, default_value_t = 20)]
    dict_count: usize,
    /// ...and with one tag at least this share of the time.
    #[arg(long, default_value_t = 0.995)]
    dict_share: f64,
    /// Quantised weights smaller than this (of 32767 for the largest) are dropped.
    #[arg(long, default_value_t = 600)]
    prune: i32,
    /// Also learn from the imperative at the core of sentences with a modal
    /// or "to" before a verb ("The state should fund it." gives "Fund it."),
    /// and from sentences that begin "The" and a noun without the article.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    variants: bool,
    /// Of the imperatives, keep every this many-th (all of them make the
    /// first word of a sentence too often a verb).
    #[arg(long, default_value_t = 2)]
    imperative_every: usize,
    /// Words seen at most this often are treated as unknown in training.
    #[arg(long, default_value_t = 1)]
    rare: usize,
    /// A form's lemma goes into the exceptions when the treebank gives it at
    /// least this often (once is too often a typo of the web text).
    #[arg(long, default_value_t = 2)]
    lemma_count: usize,
    /// Where to write the model.
    #[arg(long, default_value = "data/tagger/en-perceptron.bin")]
    out: PathBuf,
    /// Where to write the lemma exceptions.
    #[arg(long, default_value = "data/tagger/en-lemmas.tsv")]
    lemmas: PathBuf,
}

fn main() {
    let args = Args::parse();
    let train = read_all(&args.train);
    let dev = read_all(&args.dev);
    let test = read_all(&args.test);
    eprintln!("sentences: train {}, dev {}, test {}", train.len(), dev.len(), test.len());

    let (examples, lexicon) = examples(&train, &args);
    let contexts = contexts(&examples, train.len(), args.rare);
    // Runs shuffled differently disagree on close calls ("to" before a verb
    // seen once, a name at the start of a sentence); their mean does not
    // depend on one shuffle.
    let runs: Vec<Averaged> = (0..args.runs.max(1))
        .map(|run| learn(&examples, &contexts, &lexicon, &dev, args.seed + run as u64, args.iterations))
        .collect();
    let averaged = Averaged::mean(&runs);
    if args.runs > 1 {
        let dev_accuracy = accuracy(&dev, |s, t| averaged.tag(&lexicon, s, t));
        eprintln!(
            "mean of {} runs: dev {}",
            runs.len(),
            dev_accuracy.map_or("-".into(), |a| format!("{a:.2}%"))
        );
    }

    let features = averaged.quantised(&lexicon, args.prune);
    let weights: usize = features.iter().map(|(_, row)| row.len()).sum();
    let (bytes, dropped) = tagger::encode_model(&features);
    std::fs::write(&args.out, &bytes).expect("write the model");
    eprintln!(
        "model: {} features, {weights} weights, {} bytes ({dropped} features left out), written to {}",
        features.len(),
        bytes.len(),
        args.out.display()
    );

    // From here on, everything reads the file just written, as briefsmith does.
    let started = Instant::now();
    let model = Model::from_bytes(&bytes).expect("the model just written reads back");
    eprintln!("load: {:?}", started.elapsed());
    for (name, set) in [("dev", &dev), ("test", &test)] {
        if !set.is_empty() {
            report_accuracy(name, set, &model);
        }
    }

    let exceptions = lemma_exceptions(&train, args.lemma_count);
    let tsv: String =
        exceptions.iter().map(|((form, tag), lemma)| format!("{form}\t{tag}\t{lemma}\n")).collect();
    std::fs::write(&args.lemmas, tsv).expect("write the lemma exceptions");
    eprintln!("lemma exceptions: {}, written to {}", exceptions.len(), args.lemmas.display());
    if !test.is_empty() {
        report_lemmas(&test, &exceptions, &model);
        report_speed(&test, &model);
    }
}

/// The training sentences as the tagger tokenises them, the variants made
/// from them, and the lexicon (from the sentences as written).
fn examples(train: &[Sentence], args: &Args) -> (Vec<Example>, Words) {
    let mut examples: Vec<Example> = train.iter().map(Example::retokenised).collect();
    let kept = examples.iter().filter(|e| e.own_tokens).count();
    eprintln!("retokenised: {kept} of {} sentences (the rest keep the treebank's tokens)", examples.len());
    let lexicon = Words {
        dictionary: dictionary(&examples, args.dict_count, args.dict_share),
        cases: case_profiles(&examples),
    };
    eprintln!(
        "lexicon: {} dictionary words, {} case profiles",
        lexicon.dictionary.len(),
        lexicon.cases.len()
    );
    if args.variants {
        let imperatives: Vec<Example> =
            examples.iter().filter_map(Example::imperative).step_by(args.imperative_every.max(1)).collect();
        let bare: Vec<Example> = examples.iter().filter_map(Example::without_article).collect();
        eprintln!("variants: {} imperatives, {} without the article", imperatives.len(), bare.len());
        examples.extend(imperatives);
        examples.extend(bare);
    }
    (examples, lexicon)
}

/// The examples' contexts, words seen at most `rare` times in the first
/// `written` examples (the sentences as written) made unknown.
fn contexts(examples: &[Example], written: usize, rare: usize) -> Vec<Context> {
    let mut contexts: Vec<Context> = examples.iter().map(|e| Context::new(&e.text, &e.tokens)).collect();
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for context in &contexts[..written] {
        for i in 0..context.len() {
            *counts.entry(context.word_key(i)).or_default() += 1;
        }
    }
    let mut forgotten = 0;
    for context in &mut contexts {
        for i in 0..context.len() {
            if counts.get(&context.word_key(i)).is_none_or(|&n| n <= rare) {
                context.forget(i);
                forgotten += 1;
            }
        }
    }
    eprintln!("unknown in training: {forgotten} tokens of words seen at most {rare} times");
    contexts
}

/// Trains a perceptron, shuffling with `seed`, reporting accuracy on `dev`
/// after each pass.
fn learn(
    examples: &[Example],
    contexts: &[Context],
    lexicon: &Words,
    dev: &[Sentence],
    seed: u64,
    iterations: usize,
) -> Averaged {
    let mut perceptron = Perceptron::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix(seed);
    for iteration in 1..=iterations {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0, 0);
        for &e in &order {
            let example = &examples[e];
            let tags = tagger::decode(&contexts[e], lexicon, |i, features| {
                let guess = perceptron.predict(features);
                perceptron.update(example.tags[i], guess, features);
                guess
            });
            right += tags.iter().zip(&example.tags).filter(|(a, b)| a == b).count();
            total += tags.len();
        }
        let averaged = perceptron.averaged();
        let dev_accuracy = accuracy(dev, |s, t| averaged.tag(lexicon, s, t));
        eprintln!(
            "seed {seed}, iteration {iteration}: train {:.2}%, dev {}",
            percent(right, total),
            dev_accuracy.map_or("-".into(), |a| format!("{a:.2}%"))
        );
    }
    perceptron.averaged()
}

// ---------------------------------------------------------------------------
// Reading CoNLL-U

/// A word of the treebank.
#[derive(Debug, Clone)]
struct Word {
    lemma: String,
    tag: Tag,
    /// Index of its head among the sentence's words, `None` for the root.
    head: Option<usize>,
    deprel: String,
    /// Byte range in the sentence's text.
    start: usize,
    end: usize,
}

/// A sentence of the treebank, its text rebuilt from the words' forms.
#[derive(Debug, Clone)]
struct Sentence {
    id: String,
    text: String,
    words: Vec<Word>,
}

impl Sentence {
    /// The treebank's tokens as tokens of the rebuilt text.
    fn gold_tokens(&self) -> Vec<Token> {
        self.words.iter().map(|w| Token { start: w.start, end: w.end }).collect()
    }

    /// The genre, from the sentence id ("weblog-…", "email-…").
    fn genre(&self) -> &str {
        self.id.split('-').next().unwrap_or("")
    }
}

/// Reads every file named, and every `.conllu` file in each folder named (in
/// name order).
fn read_all(paths: &[PathBuf]) -> Vec<Sentence> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
                .map(|entry| entry.expect("read a folder entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "conllu"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    files.iter().flat_map(|f| read_conllu(f)).collect()
}

/// Reads one CoNLL-U file.
fn read_conllu(path: &Path) -> Vec<Sentence> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let mut sentences = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !lines.is_empty() {
                sentences.push(parse_sentence(&lines, path));
                lines.clear();
            }
        } else {
            lines.push(line);
        }
    }
    sentences
}

/// Builds a sentence from its lines, rebuilding its text from the forms and
/// their `SpaceAfter=No` marks.
fn parse_sentence(lines: &[&str], path: &Path) -> Sentence {
    let mut id = String::new();
    let mut text = String::new();
    let mut words = Vec::new();
    let mut multiword: Option<Multiword> = None;
    for line in lines {
        if let Some(rest) = line.strip_prefix("# sent_id = ") {
            id = rest.trim().to_owned();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 10, "{}: not a CoNLL-U line: {line}", path.display());
        if cols[0].contains('.') {
            continue; // an empty node of the enhanced graph
        }
        let space_after = !cols[9].split('|').any(|m| m == "SpaceAfter=No");
        if let Some((_, last)) = cols[0].split_once('-') {
            let last: usize = last.parse().expect("a multiword range");
            multiword = Some(Multiword { last, form: cols[1].to_owned(), space_after, words: Vec::new() });
            continue;
        }
        let tag: Tag = cols[4].parse().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let head: usize = cols[6].parse().expect("a head index");
        let index = words.len();
        words.push(Word {
            lemma: cols[2].to_owned(),
            tag,
            head: head.checked_sub(1),
            deprel: cols[7].to_owned(),
            start: 0,
            end: 0,
        });
        if let Some(open) = &mut multiword {
            open.words.push((index, cols[1].to_owned()));
            if index + 1 == open.last {
                place_multiword(&mut text, &mut words, &open.form, &open.words);
                if open.space_after {
                    text.push(' ');
                }
                multiword = None;
            }
        } else {
            words[index].start = text.len();
            text.push_str(cols[1]);
            words[index].end = text.len();
            if space_after {
                text.push(' ');
            }
        }
    }
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    Sentence { id, text, words }
}

/// A multiword token being read ("don't" = "do" "n't").
struct Multiword {
    /// The id of its last word.
    last: usize,
    /// Its form.
    form: String,
    /// Whether a space follows it.
    space_after: bool,
    /// Its words so far: their indices and forms.
    words: Vec<(usize, String)>,
}

/// Places the words of a multiword token in the text: each at its own place
/// when their forms spell the token ("do" + "n't" = "don't"), else all of
/// them over the whole token.
fn place_multiword(text: &mut String, words: &mut [Word], form: &str, members: &[(usize, String)]) {
    let start = text.len();
    text.push_str(form);
    let spelled = members.iter().map(|(_, f)| f.as_str()).collect::<String>() == form;
    let mut at = start;
    for (m, f) in members {
        if spelled {
            words[*m].start = at;
            at += f.len();
            words[*m].end = at;
        } else {
            words[*m].start = start;
            words[*m].end = text.len();
        }
    }
}

// ---------------------------------------------------------------------------
// Retokenising

/// A sentence as training sees it: tokens and one gold tag per token.
struct Example {
    text: String,
    tokens: Vec<Token>,
    tags: Vec<Tag>,
    /// Whether the tokens are the tagger's own (else the treebank's, where
    /// the tagger cuts inside one of its words).
    own_tokens: bool,
}

impl Example {
    /// A sentence in the tagger's tokens, or in the treebank's where they
    /// cannot be lined up.
    fn retokenised(sentence: &Sentence) -> Example {
        match align(sentence) {
            Some((tokens, tags)) => Example { text: sentence.text.clone(), tokens, tags, own_tokens: true },
            None => Example {
                text: sentence.text.clone(),
                tokens: sentence.gold_tokens(),
                tags: sentence.words.iter().map(|w| w.tag).collect(),
                own_tokens: false,
            },
        }
    }

    /// The imperative at the core of a sentence: from the first verb in the
    /// base form after a modal, "to" or "please" to the end, capitalised.
    /// "The government should fund the program." gives "Fund the
    /// program.", every tag as it was. Briefs are full of bare imperatives
    /// (recommendations, bullet items), which the treebank's web text has
    /// few of: without these, "Review domain controllers" reads as a
    /// title.
    fn imperative(&self) -> Option<Example> {
        let j = (1..self.tokens.len()).find(|&j| {
            let before = self.tokens[j - 1].text(&self.text);
            self.tags[j] == Tag::Vb
                && (matches!(self.tags[j - 1], Tag::Md | Tag::To) || before.eq_ignore_ascii_case("please"))
        })?;
        let verb = self.tokens[j].text(&self.text);
        // A lower-case verb and at least two tokens after it.
        if !verb.starts_with(|c: char| c.is_ascii_lowercase())
            || self.tokens.len() < j + 3
            || !self.own_tokens
        {
            return None;
        }
        self.tail(j)
    }

    /// A sentence that begins "The" and a common noun (or an adjective),
    /// without the article: "The attacks killed ten." gives "Attacks killed
    /// ten.". It balances the imperatives: a capitalised word at the start
    /// followed by a noun is not always a verb.
    fn without_article(&self) -> Option<Example> {
        let first = self.tokens.first()?.text(&self.text);
        let second = self.tokens.get(1)?;
        if first != "The"
            || !matches!(self.tags.get(1), Some(Tag::Nn | Tag::Nns | Tag::Jj))
            || !second.text(&self.text).starts_with(|c: char| c.is_ascii_lowercase())
            || self.tokens.len() < 4
            || !self.own_tokens
        {
            return None;
        }
        self.tail(1)
    }

    /// The example from token `j` on, its first letter capitalised.
    fn tail(&self, j: usize) -> Option<Example> {
        let start = self.tokens.get(j)?.start;
        let mut text = self.text[start..].to_owned();
        text.get_mut(..1)?.make_ascii_uppercase();
        let tokens =
            self.tokens[j..].iter().map(|t| Token { start: t.start - start, end: t.end - start }).collect();
        Some(Example { text, tokens, tags: self.tags[j..].to_vec(), own_tokens: true })
    }
}

/// The tagger's tokens of a sentence with a gold tag each, or `None` when a
/// token boundary falls inside one of the treebank's words.
fn align(sentence: &Sentence) -> Option<(Vec<Token>, Vec<Tag>)> {
    let tokens = tagger::tokens(&sentence.text);
    let words = &sentence.words;
    let mut tags = Vec::with_capacity(tokens.len());
    let mut j = 0;
    for token in &tokens {
        let first = j;
        if words.get(j)?.start != token.start {
            return None;
        }
        while j < words.len() && words[j].end <= token.end {
            j += 1;
        }
        if j == first || words[j - 1].end != token.end {
            return None;
        }
        tags.push(merged_tag(sentence, first..j));
    }
    (j == words.len()).then_some((tokens, tags))
}

/// One tag for the treebank's words `range` that make one of our tokens. A
/// single word keeps its tag. Otherwise the group is tagged by its head (the
/// word whose head lies outside the group): a proper noun stays one
/// ("al-Qaida", "Russia-Ukraine"); a currency sign and a number are a
/// number ("$9.5"), as are numbers alone ("2024–25"); a hyphenated word
/// before the noun it modifies is an adjective ("state-sponsored
/// terrorism", "long-term goals", "four-day visit"), as the Penn Treebank
/// tags such words; any other takes its head's tag ("follow-up"/NN).
fn merged_tag(sentence: &Sentence, range: std::ops::Range<usize>) -> Tag {
    let words = &sentence.words;
    if range.len() == 1 {
        return words[range.start].tag;
    }
    let group = &words[range.clone()];
    let contents: Vec<Tag> = group.iter().map(|w| w.tag).filter(|t| !t.is_punct()).collect();
    if contents.iter().all(|&t| matches!(t, Tag::Cd | Tag::Dollar)) && contents.contains(&Tag::Cd) {
        return Tag::Cd;
    }
    let head = range
        .clone()
        .rev()
        .find(|&i| words[i].head.is_none_or(|h| !range.contains(&h)))
        .unwrap_or(range.end - 1);
    let word = &words[head];
    if word.tag.is_proper() {
        return word.tag;
    }
    let modifies_noun_after = word.head.is_some_and(|h| h >= range.end && words[h].tag.is_noun());
    let relation = word.deprel.split(':').next().unwrap_or("");
    if modifies_noun_after && matches!(relation, "amod" | "compound" | "nmod" | "obl" | "nummod") {
        return Tag::Jj;
    }
    word.tag
}

// ---------------------------------------------------------------------------
// The lexicon

/// The tag dictionary and the case profiles, as the model file will hold them.
struct Words {
    dictionary: HashMap<u64, Tag>,
    cases: HashMap<u64, u8>,
}

impl tagger::Lexicon for Words {
    fn settled(&self, key: u64) -> Option<Tag> {
        self.dictionary.get(&key).copied()
    }

    fn case_profile(&self, key: u64) -> Option<u8> {
        self.cases.get(&key).copied()
    }
}

/// How often each word seen at least twice inside a sentence (after a word
/// or number, so not where any word would be capitalised) is capitalised
/// there: 3 for at least nine times in ten, 2 for half, 1 for a tenth, else 0.
fn case_profiles(examples: &[Example]) -> HashMap<u64, u8> {
    let mut counts: HashMap<u64, (usize, usize)> = HashMap::new();
    for example in examples {
        let context = Context::new(&example.text, &example.tokens);
        for i in 1..example.tokens.len() {
            let before = example.tokens[i - 1].text(&example.text);
            if !before.chars().any(char::is_alphanumeric) {
                continue;
            }
            let entry = counts.entry(context.case_key(i)).or_default();
            entry.0 += usize::from(context.is_capitalised(i));
            entry.1 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, (_, total))| *total >= 2)
        .map(|(key, (capitalised, total))| {
            let share = capitalised as f64 / total as f64;
            let profile = match share {
                s if s >= 0.9 => 3,
                s if s >= 0.5 => 2,
                s if s >= 0.1 => 1,
                _ => 0,
            };
            (key, profile)
        })
        .collect()
}

/// Words seen at least `min_count` times with one tag at least `min_share` of
/// the time, keyed as the tagger looks them up.
fn dictionary(examples: &[Example], min_count: usize, min_share: f64) -> HashMap<u64, Tag> {
    let mut counts: HashMap<u64, [usize; Tag::COUNT]> = HashMap::new();
    for example in examples {
        let context = Context::new(&example.text, &example.tokens);
        for (i, tag) in example.tags.iter().enumerate() {
            counts.entry(context.dictionary_key(i)).or_insert([0; Tag::COUNT])[tag.index()] += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(key, counts)| {
            let total: usize = counts.iter().sum();
            let (best, &n) = counts.iter().enumerate().max_by_key(|(i, n)| (**n, usize::MAX - i))?;
            (total >= min_count && n as f64 >= min_share * total as f64).then(|| (key, Tag::ALL[best]))
        })
        .collect()
}

// ---------------------------------------------------------------------------
// The averaged perceptron

/// Feature keys are hashes already; hashing them again would only cost time.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// One weight and what its average needs.
#[derive(Clone, Copy)]
struct Weight {
    tag: Tag,
    value: f32,
    /// Sum of the value over the instances up to `stamp`.
    total: f64,
    /// The instance at which `total` was last brought up to date.
    stamp: u64,
}

/// A perceptron whose weights are averaged over every instance seen.
#[derive(Default)]
struct Perceptron {
    weights: KeyMap<Vec<Weight>>,
    instances: u64,
}

impl Perceptron {
    fn predict(&self, features: &[u64]) -> Tag {
        let mut scores = [0f32; Tag::COUNT];
        for f in features {
            if let Some(row) = self.weights.get(f) {
                for w in row {
                    scores[w.tag.index()] += w.value;
                }
            }
        }
        tagger::best(&scores)
    }

    fn update(&mut self, truth: Tag, guess: Tag, features: &[u64]) {
        self.instances += 1;
        if truth == guess {
            return;
        }
        let now = self.instances;
        for &f in features {
            let row = self.weights.entry(f).or_default();
            for (tag, delta) in [(truth, 1.0), (guess, -1.0)] {
                let w = match row.iter_mut().find(|w| w.tag == tag) {
                    Some(w) => w,
                    None => {
                        row.push(Weight { tag, value: 0.0, total: 0.0, stamp: now });
                        row.last_mut().expect("just pushed")
                    }
                };
                w.total += (now - w.stamp) as f64 * f64::from(w.value);
                w.stamp = now;
                w.value += delta;
            }
        }
    }

    /// The weights averaged over all instances so far.
    fn averaged(&self) -> Averaged {
        let now = self.instances.max(1);
        let weights = self
            .weights
            .iter()
            .map(|(&f, row)| {
                let row = row
                    .iter()
                    .map(|w| {
                        let total = w.total + (now - w.stamp) as f64 * f64::from(w.value);
                        (w.tag, (total / now as f64) as f32)
                    })
                    .filter(|(_, v)| *v != 0.0)
                    .collect();
                (f, row)
            })
            .collect();
        Averaged { weights }
    }
}

/// Averaged weights, before quantisation.
struct Averaged {
    weights: KeyMap<Vec<(Tag, f32)>>,
}

impl Averaged {
    /// The mean of the weights of several runs.
    fn mean(runs: &[Averaged]) -> Averaged {
        let mut sums: KeyMap<Vec<(Tag, f32)>> = KeyMap::default();
        for run in runs {
            for (&f, row) in &run.weights {
                let sum = sums.entry(f).or_default();
                for &(tag, v) in row {
                    match sum.iter_mut().find(|(t, _)| *t == tag) {
                        Some((_, total)) => *total += v,
                        None => sum.push((tag, v)),
                    }
                }
            }
        }
        let n = runs.len().max(1) as f32;
        for row in sums.values_mut() {
            for (_, v) in row.iter_mut() {
                *v /= n;
            }
        }
        Averaged { weights: sums }
    }

    fn tag(&self, lexicon: &Words, sentence: &str, tokens: &[Token]) -> Vec<Tag> {
        let context = Context::new(sentence, tokens);
        tagger::decode(&context, lexicon, |_, features| {
            let mut scores = [0f32; Tag::COUNT];
            for f in features {
                for (tag, v) in self.weights.get(f).into_iter().flatten() {
                    scores[tag.index()] += v;
                }
            }
            tagger::best(&scores)
        })
    }

    /// The weights as `i16`, the largest magnitude at 32767, those below
    /// `prune` dropped; then the lexicon as features of one weight.
    fn quantised(&self, lexicon: &Words, prune: i32) -> Vec<(u64, Vec<(Tag, i16)>)> {
        let largest = self.weights.values().flatten().map(|(_, v)| v.abs()).fold(0f32, f32::max);
        let scale = if largest > 0.0 { 32767.0 / largest } else { 1.0 };
        let mut features: Vec<(u64, Vec<(Tag, i16)>)> = self
            .weights
            .iter()
            .map(|(&f, row)| {
                let row: Vec<(Tag, i16)> = row
                    .iter()
                    .map(|&(tag, v)| (tag, (v * scale).round() as i32))
                    .filter(|(_, q)| q.abs() >= prune.max(1))
                    .map(|(tag, q)| (tag, q.clamp(-32767, 32767) as i16))
                    .collect();
                (f, row)
            })
            .filter(|(_, row)| !row.is_empty())
            .collect();
        features.extend(lexicon.dictionary.iter().map(|(&key, &tag)| (key, vec![(tag, 1)])));
        features
            .extend(lexicon.cases.iter().map(|(&key, &case)| (key, vec![(Tag::ALL[0], i16::from(case))])));
        features.sort_by_key(|(f, _)| *f);
        features
    }
}

// ---------------------------------------------------------------------------
// Evaluation

fn percent(right: usize, total: usize) -> f64 {
    100.0 * right as f64 / total.max(1) as f64
}

/// Share of the treebank's words tagged right, tagging the treebank's tokens.
fn accuracy(sentences: &[Sentence], tag: impl Fn(&str, &[Token]) -> Vec<Tag>) -> Option<f64> {
    if sentences.is_empty() {
        return None;
    }
    let (mut right, mut total) = (0, 0);
    for s in sentences {
        let tags = tag(&s.text, &s.gold_tokens());
        right += tags.iter().zip(&s.words).filter(|(t, w)| **t == w.tag).count();
        total += s.words.len();
    }
    Some(percent(right, total))
}

/// Share of our tokens tagged as their treebank words say (through
/// `merged_tag`), over the sentences whose tokens line up with the
/// treebank's.
fn own_token_accuracy(sentences: &[Sentence], model: &Model) -> f64 {
    let (mut right, mut total) = (0, 0);
    for s in sentences {
        if let Some((tokens, gold)) = align(s) {
            let tags = model.tag(&s.text, &tokens);
            right += tags.iter().zip(&gold).filter(|(a, b)| a == b).count();
            total += gold.len();
        }
    }
    percent(right, total)
}

/// Accuracy on `set`, over all, by genre and at the start of sentences.
fn report_accuracy(name: &str, set: &[Sentence], model: &Model) {
    let gold = accuracy(set, |s, t| model.tag(s, t)).unwrap_or(0.0);
    let own = own_token_accuracy(set, model);
    eprintln!("{name}: {gold:.2}% of the treebank's tokens, {own:.2}% of our tokens");
    for genre in genres(set) {
        let part: Vec<Sentence> = set.iter().filter(|s| s.genre() == genre).cloned().collect();
        let a = accuracy(&part, |s, t| model.tag(s, t)).unwrap_or(0.0);
        eprintln!("  {genre}: {a:.2}% ({} tokens)", part.iter().map(|s| s.words.len()).sum::<usize>());
    }
    report_sentence_starts(name, set, model);
}

/// Accuracy on the first token of held-out sentences as they are, and of
/// the imperatives and article-less sentences made from them as they are
/// made from the training data: how well the model tells a verb from a
/// noun or a name at the start of a sentence.
fn report_sentence_starts(name: &str, sentences: &[Sentence], model: &Model) {
    let examples: Vec<Example> =
        sentences.iter().map(Example::retokenised).filter(|e| e.own_tokens).collect();
    let first_right = |e: &Example| {
        let tags = model.tag(&e.text, &e.tokens);
        usize::from(tags.first() == e.tags.first())
    };
    let imperatives: Vec<Example> = examples.iter().filter_map(Example::imperative).collect();
    let bare: Vec<Example> = examples.iter().filter_map(Example::without_article).collect();
    let kinds = [("as written", &examples), ("imperatives", &imperatives), ("without the article", &bare)];
    for (kind, set) in kinds {
        let right: usize = set.iter().map(first_right).sum();
        eprintln!("{name} first tokens, {kind}: {:.2}% of {}", percent(right, set.len()), set.len());
    }
}

fn genres(sentences: &[Sentence]) -> Vec<String> {
    let mut genres: Vec<String> = sentences.iter().map(|s| s.genre().to_owned()).collect();
    genres.sort();
    genres.dedup();
    genres
}

// ---------------------------------------------------------------------------
// Lemmas

/// Lower-cases a form as `tagger::lemma` does before looking it up.
fn lemma_key(form: &str) -> String {
    form.replace('’', "'").to_lowercase()
}

/// The forms (lower-cased, with a tag other than a proper noun's) whose most
/// frequent lemma in the treebank, given at least `min_count` times, is not
/// what the rules give.
fn lemma_exceptions(
    sentences: &[Sentence],
    min_count: usize,
) -> std::collections::BTreeMap<(String, Tag), String> {
    let mut counts: HashMap<(String, Tag), HashMap<&str, usize>> = HashMap::new();
    for s in sentences {
        for w in &s.words {
            if w.tag.is_proper() || w.lemma == "_" || w.start == w.end {
                continue;
            }
            let form = lemma_key(&s.text[w.start..w.end]);
            *counts.entry((form, w.tag)).or_default().entry(&w.lemma).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|((form, tag), lemmas)| {
            let (lemma, count) = lemmas.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
            let by_rule = tagger::rule_lemma(&form, tag).unwrap_or_else(|| form.clone());
            (count >= min_count && lemma != by_rule && !form.contains('\t') && !lemma.contains('\t'))
                .then(|| ((form, tag), lemma.to_owned()))
        })
        .collect()
}

/// Lemma accuracy on `sentences`, with the treebank's tags and with the
/// model's, the exceptions just computed standing in for the embedded ones.
fn report_lemmas(
    sentences: &[Sentence],
    exceptions: &std::collections::BTreeMap<(String, Tag), String>,
    model: &Model,
) {
    let lemma = |form: &str, tag: Tag| -> String {
        if !tag.is_proper()
            && let Some(l) = exceptions.get(&(lemma_key(form), tag))
        {
            return l.clone();
        }
        let base = if tag.is_proper() { form.to_owned() } else { lemma_key(form) };
        tagger::rule_lemma(&base, tag).unwrap_or(base)
    };
    let (mut gold_right, mut model_right, mut total) = (0, 0, 0);
    for s in sentences {
        let tags = model.tag(&s.text, &s.gold_tokens());
        for (w, t) in s.words.iter().zip(tags) {
            let form = &s.text[w.start..w.end];
            gold_right += usize::from(lemma(form, w.tag) == w.lemma);
            model_right += usize::from(lemma(form, t) == w.lemma);
            total += 1;
        }
    }
    eprintln!(
        "lemmas on test: {:.2}% with the treebank's tags, {:.2}% with the model's",
        percent(gold_right, total),
        percent(model_right, total)
    );
}

/// Tokenising and tagging speed over the text of `sentences`.
fn report_speed(sentences: &[Sentence], model: &Model) {
    let bytes: usize = sentences.iter().map(|s| s.text.len() + 1).sum();
    let mut tokens = 0;
    let started = Instant::now();
    let rounds = 5;
    for _ in 0..rounds {
        for s in sentences {
            let t = tagger::tokens(&s.text);
            tokens += model.tag(&s.text, &t).len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "speed: {:.1} MB/s, {:.0} tokens/s (tokenising and tagging, one thread)",
        (bytes * rounds) as f64 / seconds / 1e6,
        tokens as f64 / seconds
    );
}

// ---------------------------------------------------------------------------
// Shuffling

/// The splitmix64 generator: small, and the same everywhere.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Fisher–Yates.
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}
