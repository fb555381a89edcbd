//! Any text, cut into up to four pages at NUL bytes: the whole analysis (cleaning, sentences,
//! copies, stories, attribution, comparison, summary, every renderer) never panics, and every
//! quote and summary span lies inside its document's text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::ingest::RawPage;
use parallax::pipeline::{analyze_pages, Options};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let pages: Vec<RawPage> = text
        .split('\0')
        .take(4)
        .enumerate()
        .map(|(i, part)| RawPage::text(&format!("p{i}"), part))
        .collect();
    let report = analyze_pages(pages, &Options::default());
    for story in &report.stories {
        for q in &story.quotes {
            let doc = report.documents.iter().find(|d| d.id == q.doc).unwrap();
            assert!(doc.text.get(q.span.start()..q.span.end()).is_some());
        }
        for item in &story.summary {
            for s in &item.sources {
                let doc = report.documents.iter().find(|d| d.id == s.doc).unwrap();
                assert!(doc.text.get(s.span.start()..s.span.end()).is_some());
            }
        }
    }
    let _ = parallax::render::markdown::markdown(&report);
    let _ = parallax::render::html::html(&report);
    let _ = parallax::render::json(&report);
});
