//! `parallax eval quotes` end to end on a small hand-written article in the data set's layout.

mod common;

use common::{eval_json, Scratch};

const ARTICLE: &str =
    "Mayor Jane Ortiz opened the new library on Monday after three years of delays.\n\n\
\"This is a building for everyone in the city,\" Ortiz said.\n\n\
Councillor Tom Baker, who opposed the budget, said the project had cost twice what was planned.\n\n\
\"We will be paying for this for a decade,\" he said. \"Nobody asked the taxpayers.\"\n\n\
The library will open seven days a week, officials said.";

fn gold(quote: &str, reference: &str) -> serde_json::Value {
    let start = ARTICLE.find(quote).expect("quote in article");
    let chars = |byte: usize| ARTICLE[..byte].chars().count();
    serde_json::json!({"quote": quote, "quote_span": [chars(start), chars(start + quote.len())], "reference": reference})
}

#[test]
fn finds_each_quote_with_its_speaker() {
    let quotes = vec![
        gold(
            "\"This is a building for everyone in the city,\"",
            "Jane Ortiz",
        ),
        gold("the project had cost twice what was planned.", "Tom Baker"),
        gold("\"We will be paying for this for a decade,\"", "Tom Baker"),
        gold("\"Nobody asked the taxpayers.\"", "Tom Baker"),
        gold("The library will open seven days a week", "officials"),
    ];
    let record = serde_json::json!({"id": "library", "text": ARTICLE, "quotes": quotes});
    let dir = Scratch::new("evalquotes");
    let file = dir.file("quotes.jsonl", format!("{record}\n").as_bytes());
    let figures = eval_json("quotes", &file, None);
    let at80 = &figures["overlap_80"];
    assert_eq!(figures["gold_quotes"], 5);
    assert_eq!(at80["recall"], 1.0, "every quote found: {figures}");
    assert_eq!(
        at80["precision"], 1.0,
        "nothing else reported as a quote: {figures}"
    );
    assert_eq!(
        at80["speaker_accuracy"], 1.0,
        "every speaker right: {figures}"
    );
}

#[test]
fn lists_misses_and_wrong_speakers() {
    // One gold quote no rule can find, and one whose gold speaker is not the one named.
    let quotes = vec![
        gold("opened the new library on Monday", "Jane Ortiz"),
        gold(
            "\"This is a building for everyone in the city,\"",
            "Tom Baker",
        ),
    ];
    let record = serde_json::json!({"id": "library", "text": ARTICLE, "quotes": quotes});
    let dir = Scratch::new("evalquoteserrors");
    let file = dir.file("quotes.jsonl", format!("{record}\n").as_bytes());
    let listing = dir.path.join("errors.jsonl");
    eval_json("quotes", &file, Some(&listing));
    let errors: Vec<serde_json::Value> = std::fs::read_to_string(&listing)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let of_kind = |kind: &str| errors.iter().filter(|e| e["kind"] == kind).count();
    assert_eq!(of_kind("missed"), 1, "{errors:?}");
    assert_eq!(of_kind("speaker"), 1, "{errors:?}");
    let wrong = errors.iter().find(|e| e["kind"] == "speaker").unwrap();
    assert_eq!(wrong["predicted_speaker"], "Jane Ortiz");
    assert_eq!(wrong["reference"], "Tom Baker");
    // The four quotes of the article that gold does not list are unmatched predictions.
    assert_eq!(of_kind("spurious"), 4, "{errors:?}");
}

#[test]
fn scores_quoted_speech_apart_when_kinds_are_given() {
    let with_kind = |quote: &str, reference: &str, kind: &str| {
        let mut g = gold(quote, reference);
        g["kind"] = serde_json::json!(kind);
        g
    };
    let quotes = vec![
        with_kind(
            "\"This is a building for everyone in the city,\"",
            "Jane Ortiz",
            "direct",
        ),
        with_kind(
            "the project had cost twice what was planned.",
            "Tom Baker",
            "indirect",
        ),
    ];
    let record = serde_json::json!({"id": "library", "text": ARTICLE, "quotes": quotes});
    let dir = Scratch::new("evalquotedspeech");
    let file = dir.file("quotes.jsonl", format!("{record}\n").as_bytes());
    let figures = eval_json("quotes", &file, None);
    let quoted = &figures["quoted_speech"];
    assert_eq!(quoted["gold_quotes"], 1, "{figures}");
    // The article holds three stretches in quotation marks; one of them is gold here.
    assert_eq!(quoted["predicted_quotes"], 3, "{figures}");
    assert_eq!(quoted["overlap_30"]["recall"], 1.0, "{figures}");
    assert_eq!(figures["gold_quotes"], 2);
}
