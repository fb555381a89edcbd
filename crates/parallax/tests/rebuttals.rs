//! A speaker who restates another party's claim and doubts it in the next sentence is a
//! conflict between the two, on stories of my own.

mod common;

use common::analyze_one_story;
use parallax::ingest::RawPage;
use parallax::model::ConflictKind;

/// A hearing on a dam's pumps told by two outlets; the first carries the inspector's rebuttal
/// of the claim she restates in `claim`.
fn hearing_with(claim: &str, second_sentence: &str) -> Vec<RawPage> {
    vec![
        RawPage::text(
            "gazette",
            &format!(
                "The Marlow dam inspector questioned the operator's manager at a hearing on Tuesday about the failed pumps. \
                 {claim} \
                 \"{second_sentence}\" \
                 The operator plans to publish its maintenance logs for the pumps next month."
            ),
        ),
        RawPage::text(
            "courier",
            "A hearing on the failed pumps at the Marlow dam heard from inspector Ruth Okonjo on Tuesday. \
             The operator's manager, Dale Finch, said the pumps at the Marlow dam were checked every week. \
             The operator will publish its maintenance logs for the pumps next month, Finch said.",
        ),
    ]
}

/// The hearing with the claim put to the manager as "you say".
fn hearing(second_sentence: &str) -> Vec<RawPage> {
    hearing_with(
        "\"You say the pumps were checked every week,\" inspector Ruth Okonjo told Dale Finch.",
        second_sentence,
    )
}

fn rebuttals(pages: Vec<RawPage>) -> Vec<(Option<String>, Option<String>)> {
    let report = analyze_one_story(pages);
    report
        .stories
        .iter()
        .flat_map(|s| s.conflicts.iter())
        .filter(|c| c.kind == ConflictKind::Denial && c.sides.len() == 2)
        .filter(|c| c.sides[0].evidence.first().map(|e| e.doc.as_str()) == Some("gazette"))
        .filter(|c| c.sides[1].evidence.first().map(|e| e.doc.as_str()) == Some("gazette"))
        .map(|c| (c.sides[0].speaker.clone(), c.sides[1].speaker.clone()))
        .collect()
}

#[test]
fn a_restated_claim_doubted_is_a_conflict_between_its_holder_and_the_speaker() {
    let found = rebuttals(hearing(
        "But with rust this thick on every valve, it is hard to believe anyone looked at them.",
    ));
    assert_eq!(found.len(), 1, "{found:?}");
    let (holder, doubter) = &found[0];
    assert_eq!(holder.as_deref(), Some("Dale Finch"));
    assert!(doubter.as_deref().is_some_and(|d| d.contains("Okonjo")));
}

#[test]
fn a_restated_claim_followed_by_agreement_is_none() {
    let found = rebuttals(hearing(
        "And the logs we have seen so far show exactly that for every valve.",
    ));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_claim_restated_by_name_is_held_by_that_name() {
    let found = rebuttals(hearing_with(
        "\"Finch insists the pumps were checked every week,\" inspector Ruth Okonjo said.",
        "But with rust this thick on every valve, it is hard to believe anyone looked at them.",
    ));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0.as_deref(), Some("Finch"));
}

#[test]
fn a_speaker_restating_herself_or_a_denied_doubt_is_none() {
    let herself = rebuttals(hearing_with(
        "\"As I said, the pumps were checked every week,\" inspector Ruth Okonjo said.",
        "But with rust this thick on every valve, it is hard to believe anyone looked at them.",
    ));
    assert!(herself.is_empty(), "{herself:?}");
    let denied = rebuttals(hearing(
        "But with the logs we have seen, it is not hard to believe they were checked.",
    ));
    assert!(denied.is_empty(), "{denied:?}");
}
