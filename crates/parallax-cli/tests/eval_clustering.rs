//! `parallax eval clustering` end to end on two small clusters of my own: the figures, and the
//! assignments written with `--errors` (each document's story beside its gold cluster).

mod common;

use common::{eval_json, Scratch};

#[test]
fn two_events_are_scored_and_every_document_is_listed_with_its_story() {
    let ferry = [
        "The island ferry Marisol ran aground on the sandbar off Port Tallis on Monday night, and \
         the coast guard took its forty passengers ashore in lifeboats.",
        "Forty passengers of the ferry Marisol were brought ashore by the coast guard after the \
         boat ran aground on a sandbar near Port Tallis on Monday.",
    ];
    let harvest = [
        "Orchard growers in the Brennan valley expect the smallest apple harvest in twenty years \
         after a late frost killed most of the blossom in April.",
        "A late April frost killed the blossom in the Brennan valley orchards, and growers there \
         now expect their smallest apple harvest in twenty years.",
    ];
    let lines = [
        serde_json::json!({"id": "ferry", "documents": ferry}),
        serde_json::json!({"id": "harvest", "documents": harvest}),
    ];
    let dir = Scratch::new("evalclustering");
    let file = dir.file(
        "clusters.jsonl",
        format!("{}\n{}\n", lines[0], lines[1]).as_bytes(),
    );
    let errors = dir.file("assignments.jsonl", b"");
    let figures = eval_json("clustering", &file, Some(&errors));
    assert_eq!(figures["documents"], 4, "{figures}");
    assert_eq!(figures["gold_clusters"], 2, "{figures}");
    assert_eq!(figures["f1"], 1.0, "{figures}");
    let listed: Vec<serde_json::Value> = std::fs::read_to_string(&errors)
        .expect("the assignments")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(listed.len(), 4);
    // Documents of one gold cluster share a story, and the two clusters' stories differ.
    let story_of = |gold: u64| -> Vec<u64> {
        listed
            .iter()
            .filter(|l| l["gold"] == gold)
            .map(|l| l["story"].as_u64().expect("a story"))
            .collect()
    };
    let (first, second) = (story_of(0), story_of(1));
    assert_eq!((first.len(), second.len()), (2, 2));
    assert!(first[0] == first[1] && second[0] == second[1] && first[0] != second[0]);
    assert!(listed.iter().all(|l| l["words"].as_u64() > Some(15)));
}
