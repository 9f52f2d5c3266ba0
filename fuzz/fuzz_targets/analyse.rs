//! Arbitrary bytes → the analysis (as prose and as Markdown), the
//! explanation and the check: none may panic, every span must fit the text.
#![no_main]

use briefsmith::analysis::{Options, analyse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for markdown in [false, true] {
        if let Ok(brief) = analyse(&text, &Options { title: None, markdown }) {
            for span in brief.threats.iter().flat_map(|t| &t.sources).chain(brief.recommendations.iter().flat_map(|r| &r.sources)) {
                assert!(span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
            let _ = briefsmith::explain::explain(&brief, &text);
            let _ = briefsmith::check::check(&brief);
        }
    }
});
