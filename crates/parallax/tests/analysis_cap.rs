//! A story larger than its analysis reads: the analysis reads its first documents up to the
//! cap (the one crossing it up to a sentence end), says what it left out, and every span it
//! reports still points into the documents' own text.

use std::borrow::Cow;

use parallax::ingest::RawPage;
use parallax::pipeline::{prepare, within_cap, CapReader};

fn account(id: &str, sentences: usize) -> parallax::model::Document {
    let text: String = (0..sentences)
        .map(|i| {
            format!(
                "\"The ferry to Tarn Island will run again in week {i},\" the harbour master said. "
            )
        })
        .collect();
    prepare(&RawPage::text(id, &text)).unwrap()
}

#[test]
fn documents_under_the_cap_are_read_whole_and_nothing_is_noted() {
    let (a, b) = (account("a", 3), account("b", 4));
    let (read, limit) = within_cap(&[&a, &b], a.text.len() + b.text.len());
    assert!(limit.is_none());
    assert!(read.iter().all(|d| matches!(d, Cow::Borrowed(_))));
}

#[test]
fn the_document_crossing_the_cap_is_cut_at_a_sentence_end_and_later_ones_left_out() {
    let (a, b, c) = (account("a", 3), account("b", 40), account("c", 2));
    let cap = a.text.len() + b.text.len() / 2;
    let (read, limit) = within_cap(&[&a, &b, &c], cap);
    let limit = limit.expect("the story is over the cap");
    assert_eq!(read.len(), 2);
    assert_eq!(read[0].text, a.text);
    let cut = &read[1];
    assert!(b.text.starts_with(&cut.text) && cut.text.len() < b.text.len());
    assert!(cut.text.len() <= cap - a.text.len());
    let last = cut.sentences.last().unwrap();
    assert_eq!(last.end(), cut.text.len(), "cut at the end of a sentence");
    assert_eq!(&b.sentences[..cut.sentences.len()], &cut.sentences[..]);
    assert_eq!(limit.cut, Some(("b".to_string(), cut.text.len())));
    assert_eq!(limit.left_out, vec!["c".to_string()]);
    assert_eq!(limit.analyzed_bytes, a.text.len() + cut.text.len());
    assert_eq!(
        limit.total_bytes,
        a.text.len() + b.text.len() + c.text.len()
    );
}

#[test]
fn a_small_document_after_the_cut_is_left_out_too() {
    // The analysis reads a prefix of the story, so what it reads does not depend on which later
    // documents happen to be short.
    let (a, b, c) = (account("a", 10), account("b", 10), account("c", 1));
    let mut reader = CapReader::new(a.text.len() + 10);
    assert!(reader.take(Cow::Borrowed(&a)).is_some());
    assert!(reader.take(Cow::Borrowed(&b)).is_none(), "no sentence fits");
    assert!(reader.take(Cow::Borrowed(&c)).is_none());
    let limit = reader.finish().unwrap();
    assert_eq!(limit.cut, None);
    assert_eq!(limit.left_out, vec!["b".to_string(), "c".to_string()]);
}

#[test]
fn quotes_of_a_cut_story_point_into_the_original_text() {
    let (a, b) = (account("a", 5), account("b", 60));
    let mut story = parallax::pipeline::new_story("s".into(), &[&a, &b], Vec::new());
    let cap = a.text.len() + b.text.len() / 3;
    parallax::pipeline::analyze_story_within(&mut story, &[&a, &b], cap, &Default::default(), 60);
    let limit = story.analysis_limit.as_ref().expect("noted");
    assert!(limit.analyzed_bytes <= cap);
    let from_b: Vec<_> = story.quotes.iter().filter(|q| q.doc == "b").collect();
    assert!(!from_b.is_empty());
    for q in &from_b {
        assert!(q.span.end() <= limit.analyzed_bytes - a.text.len());
        assert_eq!(&b.text[q.span.start()..q.span.end()], q.text);
    }
}
