//! Figures: counted quantities with what they count and their hedge.
//!
//! "at least eight new Al-Qaida training camps across Afghanistan" gives the
//! value 8, the qualifier "at least" and the label "new Al-Qaida training
//! camps". Years, dates, ordinals and numbers inside names (APT29, MS-13) are
//! not figures; neither is a definite "the two countries".

use super::text::{Word, words};

/// A figure found in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The number.
    pub value: f64,
    /// Hedge before the number.
    pub qualifier: Option<String>,
    /// What it counts.
    pub label: String,
    /// The phrase as written.
    pub text: String,
}

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("dozens", 24.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
];

const SCALES: &[(&str, f64)] =
    &[("thousand", 1e3), ("million", 1e6), ("millions", 1e6), ("billion", 1e9), ("trillion", 1e12)];

/// Hedges, longest first, as word sequences.
#[rustfmt::skip]
const QUALIFIERS: &[&str] = &[
    "in excess of", "as many as", "as few as", "upwards of", "at least", "at most", "more than",
    "fewer than", "less than", "up to", "close to", "an estimated", "just over", "just under",
    "nearly", "almost", "around", "about", "approximately", "roughly", "over", "some", "under",
    "within", "estimated", "perhaps",
];

/// Words that end a label.
#[rustfmt::skip]
const LABEL_STOPS: &[&str] = &[
    "across", "in", "at", "from", "since", "during", "over", "by", "with", "within", "into", "on",
    "for", "between", "among", "along", "per", "to", "and", "or", "but", "have", "has", "had",
    "were", "was", "are", "is", "been", "be", "will", "would", "could", "can", "may", "might",
    "remain", "remained", "that", "which", "who", "whose", "where", "when", "than", "as", "last",
    "this", "each", "every", "alone",
];

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

/// The figures of one sentence.
pub fn find(sentence: &str) -> Vec<Found> {
    let ws = words(sentence);
    let lower: Vec<String> = ws.iter().map(|w| w.text.to_lowercase()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some(mut value) = number(&ws[i], &lower[i]) else {
            i += 1;
            continue;
        };
        let prev = i.checked_sub(1).map(|p| lower[p].as_str());
        let next = lower.get(i + 1).map(String::as_str);
        let is_word = ws[i].text.chars().all(char::is_alphabetic);
        let year_like = !is_word
            && value.fract() == 0.0
            && (1800.0..=2100.0).contains(&value)
            && !ws[i].text.contains(',');
        let date_part =
            prev.is_some_and(|p| MONTHS.contains(&p)) || next.is_some_and(|n| MONTHS.contains(&n));
        let definite = is_word && matches!(prev, Some("the" | "these" | "those" | "its" | "their"));
        if year_like || date_part || definite {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if let Some(&(_, scale)) = lower.get(j).and_then(|w| SCALES.iter().find(|(s, _)| s == w)) {
            value *= scale;
            j += 1;
        }
        // "per cent" and "%" are part of the number, not the label.
        let percent = sentence[ws[i].end..].starts_with('%') || lower.get(j).is_some_and(|w| w == "percent");
        if lower.get(j).is_some_and(|w| w == "per") && lower.get(j + 1).is_some_and(|w| w == "cent") {
            j += 2;
        } else if lower.get(j).is_some_and(|w| w == "percent") {
            j += 1;
        }
        let label_start = if lower.get(j).is_some_and(|w| w == "of") && percent { j + 1 } else { j };
        let mut k = label_start;
        while k < ws.len() && k < label_start + 6 {
            let w = lower[k].as_str();
            // "suspected militants affiliated with …": a participle after the
            // first word ends the label; "-ing" words are often nouns ("training").
            let participle = k > label_start && w.ends_with("ed");
            if LABEL_STOPS.contains(&w) || participle || number(&ws[k], w).is_some() {
                break;
            }
            k += 1;
            if !matches!(ws[k - 1].next, Some(' ') | Some('-')) {
                break;
            }
        }
        let currency = match sentence[..ws[i].start].chars().last() {
            Some('$') => Some("US dollars"),
            Some('€') => Some("euros"),
            Some('£') => Some("pounds sterling"),
            _ => None,
        };
        if k == label_start && !percent && currency.is_none() {
            i += 1;
            continue;
        }
        let (qualifier, q_start) = qualifier(&lower, i);
        let label_end = if k > label_start { ws[k - 1].end } else { ws[j.saturating_sub(1)].end };
        let mut label = if k > label_start {
            sentence[ws[label_start].start..label_end].to_string()
        } else {
            String::new()
        };
        if percent {
            label = if label.is_empty() { "per cent".into() } else { format!("per cent of {label}") };
        } else if let (Some(currency), true) = (currency, label.is_empty()) {
            label = currency.to_string();
        }
        out.push(Found {
            value,
            qualifier,
            label,
            text: sentence[ws[q_start].start..label_end.max(ws[i].end)].to_string(),
        });
        i = k.max(i + 1);
    }
    out
}

/// The number a word stands for, if it is one.
fn number(word: &Word, lower: &str) -> Option<f64> {
    if let Some(&(_, v)) = NUMBER_WORDS.iter().find(|(w, _)| *w == lower) {
        return Some(v);
    }
    let digits = word.text.replace(',', "");
    if !digits.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    // Ordinals and identifiers ("2nd", "3D") do not parse, so are not counts.
    digits.parse().ok()
}

/// The hedge right before word `i`, and where the phrase starts.
fn qualifier(lower: &[String], i: usize) -> (Option<String>, usize) {
    for q in QUALIFIERS {
        let parts: Vec<&str> = q.split(' ').collect();
        if i >= parts.len() && lower[i - parts.len()..i].iter().map(String::as_str).eq(parts.iter().copied())
        {
            return (Some((*q).to_string()), i - parts.len());
        }
    }
    (None, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hedged_word_number_with_label() {
        let f = find(
            "Reports confirm the establishment of at least eight new Al-Qaida training camps across Afghanistan.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].value, 8.0);
        assert_eq!(f[0].qualifier.as_deref(), Some("at least"));
        assert_eq!(f[0].label, "new Al-Qaida training camps");
        assert_eq!(f[0].text, "at least eight new Al-Qaida training camps");
    }

    #[test]
    fn digits_stop_the_label_at_a_participle() {
        let f = find(
            "In the past year alone, over 400 suspected militants affiliated with various groups were held.",
        );
        assert_eq!(f[0].value, 400.0);
        assert_eq!(f[0].qualifier.as_deref(), Some("over"));
        assert_eq!(f[0].label, "suspected militants");
    }

    #[test]
    fn years_dates_and_definite_numbers_are_not_figures() {
        assert!(find("In March 2025, police arrested a commander linked to the 2021 bombing.").is_empty());
        assert!(find("Relations between the two neighbouring countries soured.").is_empty());
    }

    #[test]
    fn scales_and_percentages() {
        let f = find("Smugglers moved $2.5 million in cash, and 40% of seizures were at sea.");
        assert_eq!(f[0].value, 2_500_000.0);
        assert_eq!(f[1].value, 40.0);
        assert_eq!(f[1].label, "per cent of seizures");
    }
}
