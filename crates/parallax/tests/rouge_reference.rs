//! Checks `parallax::eval::rouge::score` against figures computed by Google's
//! rouge-score 0.1.2 (`RougeScorer(['rouge1', 'rouge2', 'rougeL',
//! 'rougeLsum'], use_stemmer=True)`) on 25 Multi-News candidate/reference
//! pairs.

use parallax::eval::rouge::{score, RougeScore};
use serde_json::Value;

const TOLERANCE: f64 = 1e-4;

/// Reads `rouge[variant][figure]` from one reference entry.
fn expected(entry: &Value, id: &str, variant: &str, figure: &str) -> f64 {
    entry["rouge"][variant][figure]
        .as_f64()
        .unwrap_or_else(|| panic!("pair {id}: missing rouge.{variant}.{figure}"))
}

#[test]
fn matches_rouge_score_reference() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/rouge-reference.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    let entries: Vec<Value> = serde_json::from_str(&text).expect("reference file is a JSON list");
    assert_eq!(entries.len(), 25, "reference pairs");

    let mut failures = Vec::new();
    for entry in &entries {
        let id = entry["id"].as_str().expect("pair id");
        let candidate = entry["candidate"].as_str().expect("candidate text");
        let reference = entry["reference"].as_str().expect("reference text");
        let scores = score(candidate, reference);
        let variants: [(&str, RougeScore); 4] = [
            ("rouge1", scores.rouge1),
            ("rouge2", scores.rouge2),
            ("rougeL", scores.rouge_l),
            ("rougeLsum", scores.rouge_lsum),
        ];
        for (variant, got) in variants {
            for (figure, value) in [
                ("precision", got.precision),
                ("recall", got.recall),
                ("fmeasure", got.f1),
            ] {
                let want = expected(entry, id, variant, figure);
                if (value - want).abs() > TOLERANCE {
                    failures.push(format!(
                        "pair {id}: {variant}.{figure} = {value:.6}, rouge-score gives {want:.6}"
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} figure(s) off:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
