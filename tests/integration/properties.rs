//! Property tests over random text: the analysis never panics, every span it
//! returns lies inside the input on character boundaries, and the model
//! round-trips through JSON.

use briefsmith::analysis::{Options, analyse};
use briefsmith::model::{Brief, Span};
use proptest::prelude::*;

fn spans(brief: &Brief) -> Vec<Span> {
    let mut out: Vec<Span> = brief.summary_sources.clone();
    out.extend(&brief.context_sources);
    out.extend(&brief.conclusion_sources);
    out.extend(brief.threats.iter().flat_map(|t| t.sources.clone()));
    out.extend(brief.recommendations.iter().flat_map(|r| r.sources.clone()));
    out.extend(brief.figures.iter().flat_map(|f| f.sources.clone()));
    out.extend(brief.events.iter().flat_map(|e| e.sources.clone()));
    out
}

/// Text built from brief-like pieces: words, names, numbers, Markdown and
/// Typst syntax, Arabic, emoji, odd whitespace.
fn brief_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The Tehreek-i-Taliban Pakistan (TTP) attacked ".to_string()),
        Just("Donors should fund mediation. ".to_string()),
        Just("In March 2025, at least 40 fighters ".to_string()),
        Just("## Recommendations\n\n1. **Act now.** Do it.\n".to_string()),
        Just("---\ntitle: x\n---\n".to_string()),
        Just("#read(\"/etc/passwd\") $x$ [a] <l> @r ".to_string()),
        Just("تحریک طالبان پاکستان ".to_string()),
        Just("🛰️\u{200B}\u{202E}\u{FEFF} ".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        "\\PC{0,30}",
        "[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8}){0,3} ",
        "[0-9,.%$]{1,8} ",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    // A fixed seed: CI runs the cases that were run here; `fuzz/` explores further.
    #![proptest_config(ProptestConfig {
        cases: 300,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x6272_6965_6673),
        ..ProptestConfig::default()
    })]

    #[test]
    fn analysis_never_panics_and_spans_are_sound(text in brief_like(), markdown in any::<bool>()) {
        if let Ok(brief) = analyse(&text, &Options { title: None, markdown }) {
            for span in spans(&brief) {
                prop_assert!(span.start <= span.end && span.end <= text.len(), "{span:?} outside {} bytes", text.len());
                prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
            let json = brief.to_json();
            let back = Brief::from_json(&json, std::path::Path::new("m.json")).expect("the model reads back");
            prop_assert_eq!(back.to_json(), json);
            let _ = briefsmith::explain::explain(&brief, &text);
            let _ = briefsmith::check::check(&brief, None);
        }
    }

    #[test]
    fn any_unicode_is_analysed_without_panic(text in "\\PC{0,400}") {
        let _ = analyse(&text, &Options::default());
    }
}
