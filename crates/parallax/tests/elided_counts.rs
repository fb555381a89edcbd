//! A count that does not say what it counts ("only six have reopened") is compared where two
//! wordings of one statement differ in it, and nowhere else; on stories of my own.

mod common;

use common::figure_conflict_values;

fn figure_values(first: &str, second: &str) -> Vec<Vec<String>> {
    figure_conflict_values(
        (
            "north",
            format!(
                "Floods closed the valley's schools for a week in March. {first} \
                 Repairs to the flooded classrooms are paid for by the regional council."
            ),
        ),
        (
            "south",
            format!(
                "The valley's schools were closed for a week by floods in March. {second} \
                 The regional council pays for repairs to the flooded classrooms."
            ),
        ),
    )
}

#[test]
fn two_wordings_that_differ_in_an_elided_count_conflict() {
    let found = figure_values(
        "Of the schools in the valley, only six have reopened since the water fell, the mayor said.",
        "Of the schools in the valley, only nine have reopened since the water fell, the mayor said.",
    );
    assert_eq!(found, [vec!["six".to_string(), "nine".to_string()]]);
}

#[test]
fn elided_counts_in_sentences_that_say_different_things_do_not() {
    let found = figure_values(
        "Only six have reopened since the water fell, the mayor said.",
        "Parents said nine buses were lost when the river broke its banks near the depot.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_value_opening_a_longer_rewording_still_stands_in_its_place() {
    let found = figure_values(
        "The head teacher moved to the valley when she was 18, the council said.",
        "The head teacher moved to the valley when she was 26 and taught there for years, the council said.",
    );
    assert_eq!(found, [vec!["18".to_string(), "26".to_string()]]);
}

#[test]
fn words_added_at_the_end_of_one_wording_are_no_value_replaced() {
    // One wording adds a clause with a count of its own where the other ends: nothing is
    // replaced, so nothing is set against anything.
    let found = figure_values(
        "The head teacher said the school would reopen after the repairs.",
        "The head teacher said the school would reopen after the repairs, which will take 12 weeks.",
    );
    assert!(found.is_empty(), "{found:?}");
}
