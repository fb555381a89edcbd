//! Two accounts that count one outcome of an event differently ("the storm injured 12
//! hikers" against "fourteen hikers were hurt") disagree, however differently their sentences
//! run; a count that is only part of a tally (a summand, those hurt worst, a tally of two
//! outcomes, a later count of another event) is no tally; on stories of my own.

mod common;

use common::figure_conflict_values;

fn figure_values(first: &str, second: &str) -> Vec<Vec<String>> {
    figure_conflict_values(
        (
            "wire",
            format!(
                "{first} The storm swept over the Kessel ridge on Sunday afternoon. \
                 Mountain huts along the ridge stay closed until the weekend."
            ),
        ),
        (
            "radio",
            format!(
                "{second} Guides on the Kessel ridge said the storm came without warning. \
                 The huts along the ridge will stay closed until the weekend."
            ),
        ),
    )
}

#[test]
fn two_tallies_of_one_outcome_worded_differently_conflict() {
    let found = figure_values(
        "A sudden storm on the Kessel ridge injured 12 hikers, the rescue service said.",
        "Fourteen hikers were hurt in the storm on Sunday, the mountain club told listeners.",
    );
    assert_eq!(found, [vec!["12".to_string(), "Fourteen".to_string()]]);
}

#[test]
fn tallies_whose_sentences_share_nothing_but_the_count_are_of_two_matters() {
    // A region's week and one village's day: nothing but the dead in common.
    let found = figure_values(
        "Floods across the region killed nine hikers this week, officials said.",
        "A landslide in Kessel killed three hikers on Sunday, the mountain club said.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn words_of_one_outcome_class_match_but_not_of_two() {
    // Hurt and injured are one outcome; killed is another.
    let found = figure_values(
        "A sudden storm on the Kessel ridge injured 12 hikers, the rescue service said.",
        "Fourteen hikers were killed in the storm on Sunday, the mountain club told listeners.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn those_hurt_worst_are_part_of_the_tally() {
    let found = figure_values(
        "A sudden storm on the Kessel ridge injured 12 hikers, the rescue service said.",
        "Three hikers were seriously hurt in the storm on Sunday, the mountain club told listeners.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_summand_is_no_tally() {
    let found = figure_values(
        "A sudden storm on the Kessel ridge injured 12 hikers, the rescue service said.",
        "Four guides and nine hikers were hurt in the storm on Sunday, the mountain club told \
         listeners.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_tally_of_two_outcomes_is_neither() {
    let found = figure_values(
        "A sudden storm on the Kessel ridge killed 12 hikers, the rescue service said.",
        "Fourteen hikers are dead or missing after Sunday's storm on the ridge, the mountain club \
         said.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn only_the_tally_an_account_leads_with_is_set_against_the_other() {
    // The second account's later count is of another storm: only its first tally of the hurt
    // is compared, and that one counts people, not hikers.
    let found = figure_values(
        "A sudden storm on the Kessel ridge injured 12 hikers, the rescue service said.",
        "Thirteen people were hurt in the storm on Sunday, the mountain club told listeners. \
         A storm on the same ridge last winter left 30 hikers hurt.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_dead_and_the_hurt_told_in_one_sentence_are_two_tallies() {
    let found = figure_values(
        "Three hikers were killed and 12 hikers were injured on the ridge, the rescue service said.",
        "Fourteen hikers were hurt on the ridge on Sunday, the mountain club told listeners.",
    );
    assert_eq!(found, [vec!["12".to_string(), "Fourteen".to_string()]]);
}

#[test]
fn a_mixed_tally_takes_no_outcome_from_words_before_it() {
    let found = figure_values(
        "Rain that forced the evacuation of the ridge left 14 hikers dead or missing, the rescue \
         service said.",
        "About 40 hikers were evacuated from the ridge, the mountain club told listeners.",
    );
    assert!(found.is_empty(), "{found:?}");
}

/// The figure conflicts between two accounts of a firm's job cuts that open with `first` and
/// `second`.
fn job_cut_values(first: &str, second: &str) -> Vec<Vec<String>> {
    figure_conflict_values(
        (
            "wire",
            format!(
                "Ferry cuts\n\n{first} The Kessel ferry operator blamed a fall in bookings. \
                 Its board met on Monday evening to approve the plan."
            ),
        ),
        (
            "paper",
            format!(
                "Ferry operator cuts\n\n{second} Staff learned of the plan at a meeting in the \
                 depot. The union said it would ask the board to think again."
            ),
        ),
    )
}

#[test]
fn two_counts_of_the_jobs_a_firm_cuts_conflict() {
    let found = job_cut_values(
        "Norvik Ferries will cut 120 jobs, the company said on Tuesday.",
        "Norvik Ferries plans to eliminate 150 jobs, according to a letter sent to staff.",
    );
    assert_eq!(found, [vec!["120".to_string(), "150".to_string()]]);
    // Posts cut and posts kept are two matters.
    let kept = job_cut_values(
        "Norvik Ferries will cut 120 jobs, the company said on Tuesday.",
        "Norvik Ferries will keep 150 jobs at its depot, according to a letter sent to staff.",
    );
    assert!(kept.is_empty(), "{kept:?}");
}
