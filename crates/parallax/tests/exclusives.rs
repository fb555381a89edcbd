//! What only one outlet reports, on small stories of my own: an embedded post's signature line
//! is no statement of its own.

use parallax::ingest::RawPage;
use parallax::pipeline::{analyze_pages, Options};

fn page(id: &str, outlet: &str, text: &str) -> RawPage {
    let mut page = RawPage::text(id, text);
    page.outlet = Some(outlet.to_string());
    page
}

/// The texts of the statements `story` lists as one outlet's alone.
fn exclusive_texts(story: &parallax::model::Story) -> Vec<&str> {
    story
        .exclusive
        .iter()
        .flat_map(|e| &e.statements)
        .filter_map(|id| story.statements.iter().find(|s| &s.id == id))
        .map(|s| s.text.as_str())
        .collect()
}

/// A wire's short report of a bridge's closure, which the other page tells again.
fn wire_page() -> RawPage {
    page(
        "wire",
        "Harbour Wire",
        "The old harbour bridge in Kessel will close for repairs in March, the port \
         authority said on Monday.\n\n\
         Ferry crews said the closure would add an hour to their crossings for six weeks.",
    )
}

#[test]
fn a_post_s_signature_is_no_exclusive_but_its_words_may_be() {
    let pages = vec![
        wire_page(),
        page(
            "daily",
            "Kessel Daily",
            "Repairs will shut the old harbour bridge in Kessel from March, the port authority \
             announced on Monday.\n\n\
             The works had been delayed since the autumn storms damaged the east pier.\n\n\
             Divers from Norvik Marine found deep cracks in two of the bridge's piers during \
             their survey this week. pic.twitter.com/q7Rb2\n\n\
             — Sund Diving Club (@SundDivers) March 2, 2026\n\n\
             Shop owners on the quay said they expected far fewer visitors during the six \
             weeks of works on the bridge.",
        ),
    ];
    let report = analyze_pages(pages, &Options::default());
    let exclusive = exclusive_texts(&report.stories[0]);
    assert!(
        !exclusive.iter().any(|t| t.contains("@SundDivers")),
        "{exclusive:?}"
    );
    assert!(
        exclusive.iter().any(|t| t.contains("Norvik Marine")),
        "{exclusive:?}"
    );
}

/// An HTML page holding `html`, its outlet named by the page.
fn release_page(id: &str, html: &str) -> RawPage {
    let mut page = RawPage::text(id, html);
    page.kind = parallax::ingest::PageKind::Html;
    page
}

#[test]
fn a_release_s_label_contact_and_dateline_are_no_text_or_exclusive() {
    let pages = vec![
        wire_page(),
        release_page(
            "release",
            "<html><head><title>Bridge repairs | Kessel Port Authority</title></head><body>\
             <main><h1>Bridge repairs</h1><p>Press release</p><p>Kessel, 2 March 2026</p>\
             <p>The old harbour bridge in Kessel will close for repairs from March, the port \
             authority announced today.</p>\
             <p>Divers from Norvik Marine found deep cracks in two of the bridge's piers during \
             their survey this week.</p><p>Media contact: press@kessel-port.example</p>\
             </main></body></html>",
        ),
    ];
    let report = analyze_pages(pages, &Options::default());
    // The release's label and its press office's address are no text of it.
    let release = &report.documents.iter().find(|d| d.id == "release").unwrap();
    for chrome in ["Press release", "Media contact"] {
        assert!(!release.text.contains(chrome), "{}", release.text);
    }
    let story = &report.stories[0];
    let exclusive = exclusive_texts(story);
    assert!(
        !exclusive.iter().any(|t| t.contains("2 March 2026")),
        "{exclusive:?}"
    );
    assert!(
        exclusive.iter().any(|t| t.contains("Norvik Marine")),
        "{exclusive:?}"
    );
}
