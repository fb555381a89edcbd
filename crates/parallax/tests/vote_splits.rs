//! Two accounts giving one decision's vote differently ("ruled 5-2" against "a 4-3 vote")
//! disagree; two votes told apart, or one account giving both, do not; on stories of my own.

mod common;

use common::figure_conflict_values;

fn vote_values(first: &str, second: &str) -> Vec<Vec<String>> {
    figure_conflict_values(
        (
            "wire",
            format!(
                "Port fee struck down\n\n{first} The fee had been charged on foreign ships since \
                 2024. Shipping firms had challenged it in the lower courts. Ferry firms in \
                 Kessel said fares could now fall. The transport ministry said it would study \
                 the ruling. The fee raised about 40 million crowns a year."
            ),
        ),
        (
            "paper",
            format!(
                "Court scraps port fee\n\n{second} Ferry firms in Kessel said fares could now \
                 fall. The transport ministry said it would study the ruling. Shipping firms had \
                 fought the fee since it was brought in. The fee raised about 40 million crowns \
                 a year."
            ),
        ),
    )
}

#[test]
fn two_splits_of_one_decision_conflict() {
    let found = vote_values(
        "The Valmora Supreme Court on Thursday struck down the port fee, ruling 5-2 that it \
         broke trade treaties.",
        "The Valmora Supreme Court on Thursday threw out the port fee by a 4-3 vote.",
    );
    assert_eq!(found, [vec!["5-2".to_string(), "4-3".to_string()]]);
    // "to" and a dash join a split too.
    let worded = vote_values(
        "The Valmora Supreme Court on Thursday struck down the port fee, voting 5 to 2.",
        "The Valmora Supreme Court on Thursday threw out the port fee in a 4–3 ruling.",
    );
    assert_eq!(worded.len(), 1, "{worded:?}");
}

#[test]
fn the_same_split_two_votes_or_a_score_are_no_conflict() {
    let same = vote_values(
        "The Valmora Supreme Court on Thursday struck down the port fee, ruling 5-2.",
        "The Valmora Supreme Court on Thursday threw out the port fee by a 5-2 vote.",
    );
    assert!(same.is_empty(), "{same:?}");
    // The paper gives both votes: the first is another decision's.
    let both = vote_values(
        "The Valmora Supreme Court on Thursday struck down the port fee, ruling 5-2.",
        "The Valmora Supreme Court on Thursday upheld the dock tax 4-3 and struck down the port \
         fee 5-2 in a second vote.",
    );
    assert!(both.is_empty(), "{both:?}");
    // Two decisions whose sentences share nothing rare are two votes.
    let apart = vote_values(
        "The Valmora Supreme Court on Thursday struck down the port fee, ruling 5-2.",
        "Kessel councillors voted 9-4 on Monday to build a new ferry ramp at the north quay.",
    );
    assert!(apart.is_empty(), "{apart:?}");
    // A score is no vote.
    let score = vote_values(
        "The Valmora Supreme Court on Thursday struck down the port fee, ruling 5-2.",
        "The Valmora Supreme Court on Thursday threw out the port fee as Kessel won 4-3.",
    );
    assert!(score.is_empty(), "{score:?}");
}
