//! Two accounts that each count a thing the news seldom counts once, differently ("the
//! detention of 14 ferrymen" against "the release of the 12 ferrymen held in Kessel"), disagree
//! however differently their sentences run; a thing the news counts all the time ("people"),
//! a document giving two counts of it, an addition, a possibility and a rate do not; on
//! stories of my own.

mod common;

use common::figure_conflict_values;

fn figure_values(first: &str, second: &str) -> Vec<Vec<String>> {
    figure_conflict_values(
        (
            "wire",
            format!(
                "{first} The two leaders spoke by phone for the first time since the border \
                 closed in January. Traders on both sides of the border say the closure costs \
                 them dearly. Lorries have queued at the crossing for weeks. Farmers in the \
                 south have lost their best market. Talks between officials broke down in \
                 February."
            ),
        ),
        (
            "paper",
            format!(
                "{second} The call was the first between the two leaders since the border \
                 closed. Opposition parties said the call came too late for the traders. \
                 Fishing towns on the coast have been hit hardest. A new round of talks has \
                 not been set. Both capitals blame each other for the closure."
            ),
        ),
    )
}

/// The wire's count, far from the words the other account shares with its sentence.
const WIRE: &str = "The Valmoran readout of the call, published late on Tuesday by the prime \
                    minister's office, said Sund raised the detention of 14 ferrymen.";

fn sorted(mut found: Vec<Vec<String>>) -> Vec<Vec<String>> {
    for values in &mut found {
        values.sort();
    }
    found
}

#[test]
fn sole_counts_of_a_seldom_counted_thing_conflict() {
    let found = figure_values(
        WIRE,
        "Sund demanded the release of the 12 ferrymen held in Kessel since February, \
         according to the Valmoran readout.",
    );
    assert_eq!(sorted(found), [vec!["12".to_string(), "14".to_string()]]);
}

#[test]
fn a_thing_the_news_counts_all_the_time_needs_more_in_common() {
    let found = figure_values(
        &WIRE.replace("ferrymen", "people"),
        "Sund demanded the release of the 12 people held in Kessel since February, \
         according to the Valmoran readout.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_document_giving_two_counts_of_the_thing_is_no_side() {
    // Each names a second count, the same in both: 14 and 12 are still not each one's only.
    let found = figure_values(
        &format!("{WIRE} Three ferrymen were freed in March."),
        "Sund demanded the release of the 12 ferrymen held in Kessel since February, \
         according to the Valmoran readout. Three ferrymen were freed in March.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn an_addition_is_not_set_against_a_tally() {
    let found = figure_values(
        WIRE,
        "Sund also demanded the release of 4 other ferrymen held in Kessel since February, \
         according to the Valmoran readout.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_possibility_is_not_set_against_an_account() {
    let found = figure_values(
        WIRE,
        "A deal could free as many as 40 ferrymen held in Kessel since February, according \
         to the Valmoran readout.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_rate_is_not_set_against_a_count() {
    let found = figure_values(
        WIRE,
        "Kessel has detained 3 ferrymen a week since February, according to the Valmoran \
         readout.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn sentences_sharing_nothing_else_rare_are_of_two_matters() {
    let found = figure_values(
        WIRE,
        "A storm off the northern cape stranded 9 ferrymen on Sunday.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_moment_after_a_count_is_no_rate() {
    // "a week after" says when, not how often.
    let found = figure_values(
        WIRE,
        "Kessel detained 12 ferrymen a week after the border closed, according to the \
         Valmoran readout.",
    );
    assert_eq!(sorted(found), [vec!["12".to_string(), "14".to_string()]]);
}

#[test]
fn a_month_is_no_modal() {
    let found = figure_values(
        WIRE,
        "Kessel has held 12 ferrymen since May, according to the Valmoran readout.",
    );
    assert_eq!(sorted(found), [vec!["12".to_string(), "14".to_string()]]);
}

#[test]
fn a_name_before_what_is_counted_is_not_the_thing_counted() {
    // Both count something Valmoran, but nationals and lorries are two things.
    let found = figure_values(
        "The Valmoran readout of the call, published late on Tuesday by the prime minister's \
         office, said police held 14 Valmoran nationals.",
        "Some 30 Valmoran lorries queued at the crossing on Tuesday, according to the \
         Valmoran readout.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_share_in_per_cent_is_no_rate() {
    let found = figure_conflict_values(
        (
            "wire",
            "Unemployment in Kessel rose to 7 per cent in March, the statistics office said. \
             The port cut jobs all winter."
                .to_string(),
        ),
        (
            "paper",
            "Unemployment in Kessel rose to 9 percent in March, the statistics office said. \
             Shops on the quay have closed."
                .to_string(),
        ),
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_count_of_what_befell_some_is_no_count_of_all() {
    // One account counts the ferrymen who fell ill, the other all those served the meal.
    let found = figure_values(
        "Doctors said 41 ferrymen fell ill after a meal at the Kessel depot on Monday.",
        "The depot's kitchen served the meal to about 200 ferrymen, the Valmoran health \
         ministry said.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn counts_of_two_different_outcomes_do_not_conflict() {
    let found = figure_values(
        "Doctors said 41 ferrymen fell ill after a meal at the Kessel depot on Monday.",
        "Six ferrymen were taken to hospital after the meal at the Kessel depot, the Valmoran \
         health ministry said.",
    );
    assert!(found.is_empty(), "{found:?}");
    // The outcome before a subordinate clause is not the clause's ("injured when four …").
    let found = figure_values(
        "Ten ferrymen were injured when four armed men stormed the Kessel depot.",
        "Three armed men stormed the Kessel depot on Monday, the Valmoran ministry said.",
    );
    assert_eq!(
        sorted(found),
        [vec!["Three".to_string(), "four".to_string()]]
    );
}

#[test]
fn a_simple_past_before_a_count_is_no_state_of_the_counted() {
    let found = figure_values(
        "Doctors said 41 ferrymen fell ill after a meal at the Kessel depot on Monday.",
        "The depot's kitchen served 200 ferrymen on Monday, the Valmoran health ministry said.",
    );
    assert!(found.is_empty(), "{found:?}");
}
