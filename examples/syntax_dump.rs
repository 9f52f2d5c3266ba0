//! Prints how the analysis reads sentences: each token with its tag and
//! lemma, the noun-phrase chunks and the clauses (subject, verb, object).
//!
//! `cargo run --release --example syntax_dump -- "The TTP attacked police posts."`
//! (several sentences as several arguments, or none to read lines from stdin).

use std::io::BufRead;

use briefsmith::analysis::syntax;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lines: Vec<String> =
        if args.is_empty() { std::io::stdin().lock().lines().map_while(Result::ok).collect() } else { args };
    for line in lines {
        dump(&line);
    }
}

fn dump(sentence: &str) {
    let p = syntax::parse(sentence);
    println!("{sentence}");
    let tokens: Vec<String> =
        p.toks.iter().map(|t| format!("{}/{}({})", &sentence[t.start..t.end], t.tag, t.lemma)).collect();
    println!("  tokens:  {}", tokens.join(" "));
    let chunks: Vec<String> =
        (0..p.chunks.len()).map(|c| format!("[{}]", p.chunk_text(sentence, c))).collect();
    println!("  chunks:  {}", chunks.join(" "));
    for c in &p.clauses {
        let names =
            |cs: &[usize]| cs.iter().map(|&x| p.chunk_text(sentence, x)).collect::<Vec<_>>().join(" + ");
        let preps: Vec<String> = c
            .preps
            .iter()
            .map(|&(k, ch)| format!("{} {}", p.toks[k].lower, p.chunk_text(sentence, ch)))
            .collect();
        println!(
            "  clause:  subject [{}]{} verb `{}`{}{}{}{} object [{}] agent [{}] preps {:?}",
            names(&c.subject),
            if c.relative { " (relative)" } else { "" },
            p.verb_lemma(c),
            c.then.map(|t| format!(" to `{}`", p.toks[t].lemma)).unwrap_or_default(),
            c.modal.map(|m| format!(" modal `{}`", p.toks[m].lower)).unwrap_or_default(),
            if c.negated { " negated" } else { "" },
            if c.passive { " passive" } else { "" },
            names(&c.object),
            names(&c.agent),
            preps
        );
    }
}
