//! Events: statements tied to a time, with the date normalised.
//!
//! Calendar dates are parsed with chrono ("In March 2025" → `2025-03`,
//! "14 March 2025" → `2025-03-14`). Relative times ("over the past year",
//! "in recent months") are kept as written and flagged relative; they are
//! never turned into invented calendar dates.

use std::str::FromStr;

use chrono::{Month, NaiveDate};

use super::text::words;

/// The time a sentence states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for relative times.
    pub date: Option<String>,
    /// As a reader sees it.
    pub display: String,
    /// Relative to the time of writing.
    pub relative: bool,
}

impl When {
    /// A calendar day: `2025-03-14`, "14 March 2025".
    fn day(date: NaiveDate) -> Self {
        When {
            date: Some(date.format("%Y-%m-%d").to_string()),
            display: date.format("%-d %B %Y").to_string(),
            relative: false,
        }
    }

    /// A month: `2025-03`, "March 2025".
    fn month(date: NaiveDate) -> Self {
        When {
            date: Some(date.format("%Y-%m").to_string()),
            display: date.format("%B %Y").to_string(),
            relative: false,
        }
    }
}

/// Relative time phrases, matched on lower-case text.
#[rustfmt::skip]
const RELATIVE: &[&str] = &[
    "over the past year", "in the past year", "over the last year", "in the last year",
    "over the past decade", "in recent months", "in recent years", "in recent weeks",
    "over the past few years", "over the past two years", "over the past three years",
    "over the past months", "in the past few months", "earlier this year", "last year",
    "last month", "this year", "since last year", "in the coming months", "in the coming year",
];

/// Words after which a bare year is a date ("in 2021", "since 2019").
#[rustfmt::skip]
const YEAR_LEADS: &[&str] = &[
    "in", "since", "by", "during", "until", "early", "late", "mid", "throughout", "before", "after",
    "the", "of",
];

/// The most precise time a sentence states, if any.
pub fn find(sentence: &str) -> Option<When> {
    let ws = words(sentence);
    let lower: Vec<String> = ws.iter().map(|w| w.text.to_lowercase()).collect();
    let mut best: Option<(u8, When)> = None;
    let mut consider = |precision: u8, when: When| {
        if best.as_ref().is_none_or(|(p, _)| precision > *p) {
            best = Some((precision, when));
        }
    };
    for i in 0..ws.len() {
        let year = |k: usize| -> Option<i32> {
            let w = ws.get(k)?.text;
            (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())).then(|| w.parse().ok()).flatten()
        };
        let day = |k: usize| -> Option<u32> {
            ws.get(k)?.text.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']).parse().ok()
        };
        let month = Month::from_str(&lower[i]).ok().filter(|_| lower[i].len() >= 3 && ws[i].is_capitalised());
        if let Some(m) = month {
            let m = m.number_from_month();
            // "14 March 2025"
            if let (Some(d), Some(y)) = (i.checked_sub(1).and_then(day), year(i + 1))
                && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
            {
                consider(3, When::day(date));
                continue;
            }
            // "March 14, 2025"
            if let (Some(d), Some(y)) = (day(i + 1), year(i + 2))
                && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
            {
                consider(3, When::day(date));
                continue;
            }
            // "March 2025"
            if let Some(y) = year(i + 1)
                && let Some(date) = NaiveDate::from_ymd_opt(y, m, 1)
            {
                consider(2, When::month(date));
            }
            continue;
        }
        // ISO dates are one word: "2025-03-14".
        if let Ok(date) = NaiveDate::parse_from_str(ws[i].text, "%Y-%m-%d") {
            consider(3, When::day(date));
            continue;
        }
        if let Some(y) = year(i) {
            let led = i.checked_sub(1).is_some_and(|p| YEAR_LEADS.contains(&lower[p].as_str()));
            let month_before = i.checked_sub(1).is_some_and(|p| Month::from_str(&lower[p]).is_ok());
            if led && !month_before && (1900..=2100).contains(&y) {
                consider(1, When { date: Some(y.to_string()), display: y.to_string(), relative: false });
            }
        }
    }
    if let Some((_, when)) = best {
        return Some(when);
    }
    let text = sentence.to_lowercase();
    RELATIVE.iter().find(|r| text.contains(*r)).map(|r| When {
        date: None,
        display: super::text::capitalise(r),
        relative: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_and_year() {
        let w = find("In March 2025, police arrested a commander linked to the 2021 bombing.").unwrap();
        assert_eq!(w.date.as_deref(), Some("2025-03"));
        assert_eq!(w.display, "March 2025");
    }

    #[test]
    fn full_dates_both_orders() {
        assert_eq!(find("On 14 March 2025 talks began.").unwrap().date.as_deref(), Some("2025-03-14"));
        assert_eq!(find("On March 14, 2025 talks began.").unwrap().date.as_deref(), Some("2025-03-14"));
        assert_eq!(find("Talks began on 2025-03-14.").unwrap().date.as_deref(), Some("2025-03-14"));
    }

    #[test]
    fn relative_times_are_not_dates() {
        let w = find("Over the past year, authorities thwarted plots.").unwrap();
        assert_eq!(w.date, None);
        assert!(w.relative);
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert_eq!(find("Attacks may rise 2025 onwards."), None);
    }
}
