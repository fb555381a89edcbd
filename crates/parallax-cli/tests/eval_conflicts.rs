//! `parallax eval conflicts` end to end on two small clusters of my own in the data set's layout:
//! a figure two outlets give differently is found, an agreeing pair reports nothing, and no
//! cluster's analysis fails.

mod common;

use common::{eval_json, Scratch};

fn cluster(id: &str, second_count: &str, conflicts: serde_json::Value) -> serde_json::Value {
    let first = "Floods closed the valley's schools for a week in March.\n\n\
        Of the schools in the valley, 14 schools have reopened since the water fell, the mayor said.\n\n\
        Repairs to the flooded classrooms are paid for by the regional council.";
    let second = format!(
        "The valley's schools were closed for a week by floods in March.\n\n\
        Of the schools in the valley, {second_count} schools have reopened since the water fell, the mayor said.\n\n\
        The regional council pays for repairs to the flooded classrooms."
    );
    serde_json::json!({"id": id, "documents": [first, second], "conflicts": conflicts})
}

#[test]
fn a_planted_figure_is_found_and_nothing_fails() {
    let planted = cluster(
        "planted",
        "19",
        serde_json::json!([{"kind": "figure", "sides": [{"doc": 0, "text": "14 schools"}, {"doc": 1, "text": "19 schools"}]}]),
    );
    let agreeing = cluster("agreeing", "14", serde_json::json!([]));
    let dir = Scratch::new("evalconflicts");
    let file = dir.file(
        "conflicts.jsonl",
        format!("{planted}\n{agreeing}\n").as_bytes(),
    );
    let errors = dir.file("errors.jsonl", b"");
    let figures = eval_json("conflicts", &file, Some(&errors));
    assert_eq!(figures["clusters"], 2);
    assert_eq!(figures["found"], 1, "{figures}");
    assert_eq!(figures["failed_clusters"], 0, "{figures}");
    // The one conflict reported is the planted one; the agreeing cluster reports none.
    assert_eq!(figures["conflicts_per_cluster"], 0.5, "{figures}");
    let listed = std::fs::read_to_string(&errors).unwrap();
    assert!(!listed.is_empty());
    assert!(
        listed.lines().all(|l| l.contains("\"planted\"")),
        "{listed}"
    );
}
