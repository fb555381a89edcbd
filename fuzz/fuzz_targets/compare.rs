//! Any text, cut into up to four pages at NUL bytes and prepared, with the quotes attribution
//! finds: comparison (statements, conflicts, exclusives) never panics, and every span it cites
//! lies on character boundaries of its document's text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::ingest::RawPage;
use parallax::model::{Document, SourceSpan};

fn cited(docs: &[Document], s: &SourceSpan) {
    let doc = docs
        .iter()
        .find(|d| d.id == s.doc)
        .expect("a cited document of the story");
    assert!(
        s.span.slice(&doc.text).is_some(),
        "cited span"
    );
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let docs: Vec<Document> = text
        .split('\0')
        .take(4)
        .enumerate()
        .filter_map(|(i, part)| {
            parallax::pipeline::prepare(&RawPage::text(&format!("p{i}"), part)).ok()
        })
        .collect();
    let quotes: Vec<_> = docs
        .iter()
        .flat_map(parallax::attribute::attribute)
        .collect();
    let refs: Vec<&Document> = docs.iter().collect();
    let comparison = parallax::compare::compare(&refs, &quotes);
    for st in &comparison.statements {
        for s in &st.sources {
            cited(&docs, s);
        }
    }
    for c in &comparison.conflicts {
        assert!(c.sides.len() >= 2, "a conflict has two sides");
        for side in &c.sides {
            for s in &side.evidence {
                cited(&docs, s);
            }
        }
    }
    for e in &comparison.exclusive {
        assert!(
            docs.iter().any(|d| d.id == e.doc),
            "an exclusive of a document of the story"
        );
    }
});
