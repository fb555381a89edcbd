//! A document read from JSON (a report, the store) is held to the invariants every stage relies
//! on: a tampered document is refused with a reason, never handed to a stage that would slice
//! out of bounds.

use parallax::ingest::RawPage;
use parallax::model::{Document, Span};
use parallax::pipeline::{prefix_of, prepare};
use serde_json::Value;

fn document() -> Document {
    // Page chrome to remove and mojibake to repair, so the alignment has several pieces.
    let text = "Advertisement\nThe ferry to Tarn Island ran again on Monday, the harbour master \
                said. \u{e2}\u{20ac}\u{153}We are back,\u{e2}\u{20ac}\u{9d} she said.\n\
                Caf\u{c3}\u{a9} owners on the quay welcomed the first crossing since March.\n\
                Share this story\nRead more: Storm closes the quay\n";
    prepare(&RawPage::text("ferry", text)).unwrap()
}

fn read(json: &Value) -> Result<Document, String> {
    serde_json::from_value::<Document>(json.clone()).map_err(|e| e.to_string())
}

#[test]
fn a_prepared_document_reads_back_as_it_was_written() {
    let doc = document();
    let json = serde_json::to_value(&doc).unwrap();
    let back = read(&json).unwrap();
    assert_eq!(back.text, doc.text);
    assert_eq!(back.sentences, doc.sentences);
    assert_eq!(back.alignment, doc.alignment);
}

#[test]
fn a_sentence_off_the_text_is_refused() {
    let doc = document();
    let mut json = serde_json::to_value(&doc).unwrap();
    let len = doc.text.len();
    json["sentences"][0] = serde_json::json!({"start": 0, "end": len + 5});
    assert!(read(&json).unwrap_err().contains("sentence"));
    // Out of order too.
    let mut json = serde_json::to_value(&doc).unwrap();
    let sentences = json["sentences"].as_array_mut().unwrap();
    assert!(sentences.len() >= 2);
    sentences.swap(0, 1);
    assert!(read(&json).unwrap_err().contains("out of order"));
}

#[test]
fn an_alignment_that_does_not_cover_the_text_or_has_a_gap_is_refused() {
    let doc = document();
    let mut json = serde_json::to_value(&doc).unwrap();
    json["text"] = Value::String(format!("{} More.", doc.text));
    assert!(read(&json).unwrap_err().contains("alignment covers"));
    let mut json = serde_json::to_value(&doc).unwrap();
    let pieces = json["alignment"]["pieces"].as_array_mut().unwrap();
    assert!(pieces.len() >= 2, "cleaning and repair make several pieces");
    pieces.remove(0);
    assert!(read(&json).unwrap_err().contains("does not follow"));
}

#[test]
fn a_removal_whose_text_is_not_at_its_span_is_refused() {
    let doc = document();
    assert!(!doc.removed.is_empty(), "the page chrome is removed");
    let mut json = serde_json::to_value(&doc).unwrap();
    json["removed"][0]["text"] = Value::String("something else".into());
    assert!(read(&json).unwrap_err().contains("removal"));
}

#[test]
fn a_cut_document_keeps_its_alignment_for_the_part_it_keeps() {
    let doc = document();
    let end = doc.sentences[1].end();
    let cut = prefix_of(&doc, end);
    assert_eq!(cut.alignment.len(), end);
    for s in &cut.sentences {
        assert_eq!(cut.source_span(*s).unwrap(), doc.source_span(*s).unwrap());
    }
    let json = serde_json::to_value(&cut).unwrap();
    assert!(read(&json).is_ok());
    let whole = Span::new(0, end).unwrap();
    assert!(cut.source_span(whole).is_ok());
}
