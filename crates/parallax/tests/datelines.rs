//! A dateline ("KESSEL, May 4 (Harbour Wire) - ") is the outlet's place and name, no words of
//! its sentence: on a small story of my own, every stage reads the sentence from its first word.

use parallax::ingest::RawPage;
use parallax::pipeline::{analyze_pages, Options};

fn page(id: &str, outlet: &str, text: &str) -> RawPage {
    let mut page = RawPage::text(id, text);
    page.outlet = Some(outlet.to_string());
    page
}

#[test]
fn a_conflict_s_side_and_a_sentence_start_past_the_dateline() {
    let pages = vec![
        page(
            "wire",
            "Harbour Wire",
            "KESSEL, May 4 (Harbour Wire) - A fire at the Norvik Paints depot in Kessel killed \
             four workers on Monday, the county fire service said.\n\n\
             Crews fought the blaze for six hours before it was under control.",
        ),
        page(
            "daily",
            "Kessel Daily",
            "KESSEL - A fire at the Norvik Paints depot in Kessel killed six workers on Monday, \
             the county fire service said.\n\n\
             The depot had been inspected in March, its owner said.",
        ),
    ];
    let report = analyze_pages(pages, &Options::default());
    // The article as the HTML report shows it still opens with its dateline.
    let html = parallax::render::html::html(&report);
    assert!(
        html.contains("KESSEL, May 4 (Harbour Wire) -"),
        "no dateline shown"
    );
    for doc in &report.documents {
        let first = doc.span_text(doc.sentences[0]);
        assert!(first.starts_with("A fire at"), "{}: {first:?}", doc.id);
    }
    let story = &report.stories[0];
    let text = |doc: &str, span| {
        report
            .documents
            .iter()
            .find(|d| d.id == doc)
            .map(|d| d.span_text(span).to_string())
            .unwrap_or_default()
    };
    let conflict = story
        .conflicts
        .iter()
        .find(|c| c.sides.iter().any(|s| s.value.as_deref() == Some("four")))
        .unwrap_or_else(|| panic!("no conflict over the dead: {:?}", story.conflicts));
    for side in &conflict.sides {
        for e in &side.evidence {
            let shown = text(&e.doc, e.span);
            assert!(!shown.contains("KESSEL"), "{shown:?}");
        }
    }
}
