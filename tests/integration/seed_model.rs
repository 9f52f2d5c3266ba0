//! What issue-level behaviour the seed's model must show, asserted on the
//! library directly (the snapshot pins the rest).

use briefsmith::analysis::{Options, analyse};
use briefsmith::model::Role;

fn seed() -> briefsmith::model::Brief {
    analyse(include_str!("../../seeds/pakistan-counterterrorism.txt"), &Options::default()).expect("analyses")
}

#[test]
fn threats_are_the_three_groups_with_their_aliases() {
    let brief = seed();
    let threats: Vec<(&str, &str)> =
        brief.threats.iter().map(|t| (t.name.as_str(), t.label.as_str())).collect();
    assert_eq!(
        threats,
        [
            ("Tehreek-i-Taliban Pakistan", "TTP"),
            ("Al-Qaida", "Al-Qaida"),
            ("Islamic State Khorasan Province", "ISIS-K")
        ]
    );
    assert!(brief.threats[2].aliases.contains(&"ISIS".to_string()), "ISIS is ISIS-K here");
    let taliban = brief.actors.iter().find(|a| a.name == "Afghan Taliban").expect("Afghan Taliban found");
    assert_eq!(taliban.role, Role::Enabler);
    // Afghanistan, where the groups have their safe havens, is their host.
    let afghanistan = brief.actors.iter().find(|a| a.name == "Afghanistan").expect("Afghanistan found");
    assert_eq!(afghanistan.role, Role::Host);
    assert_eq!(afghanistan.shelters, ["TTP", "Al-Qaida"]);
    assert!(brief.actors.iter().any(|a| a.name == "Pakistan" && a.role == Role::Subject));
}

#[test]
fn five_recommendations_in_order() {
    let titles: Vec<String> = seed().recommendations.into_iter().map(|r| r.title.to_lowercase()).collect();
    assert_eq!(
        titles,
        [
            "enhance border security",
            "strengthen counterterrorism cooperation",
            "increase diplomatic pressure on afghanistan",
            "disrupt terrorist financing networks",
            "bolster domestic counterterrorism measures"
        ]
    );
}

#[test]
fn conclusion_is_the_last_paragraph() {
    let brief = seed();
    assert_eq!(brief.conclusion.len(), 1);
    assert!(brief.conclusion[0].starts_with("Pakistan’s security landscape remains precarious"));
    assert!(brief.conclusion[0].ends_with("security and stability."));
}

#[test]
fn figures_and_the_dated_event() {
    let brief = seed();
    let figures: Vec<(f64, Option<&str>, &str)> =
        brief.figures.iter().map(|f| (f.value, f.qualifier.as_deref(), f.label.as_str())).collect();
    assert_eq!(
        figures,
        [
            (8.0, Some("at least"), "new Al-Qaida training camps"),
            (400.0, Some("over"), "suspected militants")
        ]
    );
    let dated: Vec<_> = brief.events.iter().filter(|e| !e.relative).collect();
    assert_eq!(dated.len(), 1);
    assert_eq!(dated[0].date.as_deref(), Some("2025-03"));
    assert!(dated[0].text.contains("arrested Mohammad Sharifullah"));
}

#[test]
fn every_span_points_at_its_sentence() {
    let text = include_str!("../../seeds/pakistan-counterterrorism.txt");
    let brief = seed();
    for (sentence, span) in brief.summary.iter().zip(&brief.summary_sources) {
        assert_eq!(&text[span.start..span.end], sentence);
    }
    for rec in &brief.recommendations {
        let first = rec.sources[0];
        let source = text[first.start..first.end].to_lowercase();
        assert!(source.contains(&rec.title.to_lowercase()), "{} not in {source}", rec.title);
    }
}
