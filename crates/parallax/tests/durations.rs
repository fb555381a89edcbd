//! A time after "for" measures what comes before it: two accounts of how long one thing lasted
//! conflict, and times of different things do not.

mod common;

use common::figure_conflict_values;

fn figure_values(first: &str, second: &str) -> Vec<Vec<String>> {
    figure_conflict_values(
        (
            "wire",
            format!(
                "The Norvik council approved the harbour budget on Friday after a long \
                 session. {first}"
            ),
        ),
        (
            "radio",
            format!("{second} The harbour budget was approved by the Norvik council on Friday."),
        ),
    )
}

#[test]
fn two_lengths_of_one_debate_conflict() {
    let found = figure_values(
        "Councillors debated for three days before voting on the harbour budget.",
        "Councillors debated the harbour budget for two days.",
    );
    assert_eq!(found, vec![vec!["three".to_string(), "two".to_string()]]);
}

#[test]
fn lengths_of_different_things_do_not() {
    let found = figure_values(
        "Councillors debated for three days before voting on the harbour budget.",
        "The ferry office stayed closed for two days after the storm.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn lengths_in_different_units_are_compared() {
    // 36 hours is a day and a half: two days and 36 hours cannot both be the debate's length.
    let found = figure_values(
        "Councillors debated for 36 hours before voting on the harbour budget.",
        "Councillors debated the harbour budget for two days.",
    );
    assert_eq!(found, vec![vec!["36".to_string(), "two".to_string()]]);
    // A day and a half against 36 hours is one length.
    let found = figure_values(
        "Councillors debated for 36 hours before voting on the harbour budget.",
        "Councillors debated the harbour budget for about a day and a half.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_side_is_labelled_by_its_speaker_when_its_channel_names_no_one() {
    let report = common::analyze_one_story(vec![
        parallax::ingest::RawPage::text(
            "wire",
            "The Norvik council approved the harbour budget on Friday after a long session. \
             Councillors debated for three days before voting on the harbour budget, the \
             council said in a statement.",
        ),
        parallax::ingest::RawPage::text(
            "radio",
            "Councillors debated the harbour budget for two days, Mayor Ann Lee said. The \
             harbour budget was approved by the Norvik council on Friday.",
        ),
    ]);
    let labels: Vec<&str> = report
        .stories
        .iter()
        .flat_map(|s| s.conflicts.iter())
        .flat_map(|c| c.sides.iter().map(|side| side.channel.as_str()))
        .collect();
    // The council's side is labelled by whoever the council's words are given to, not by the
    // statement they came in.
    let council = report
        .stories
        .iter()
        .flat_map(|s| s.quotes.iter())
        .find(|q| q.text.contains("debated for three days"))
        .expect("the council's words are a quote");
    assert_eq!(council.channel.as_deref(), Some("a statement"));
    let council_speaker = council.speaker.as_deref().expect("the council speaks");
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert!(labels.contains(&"Ann Lee"), "{labels:?}");
    assert!(labels.contains(&council_speaker), "{labels:?}");
}
