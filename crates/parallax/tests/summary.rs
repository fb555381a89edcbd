//! The summary's choices on small stories of my own: what several documents report, and what
//! they lead with, comes first; teasers and questions are left out;
//! the room left is filled from single accounts, and a stub never speaks.

use parallax::ingest::RawPage;
use parallax::model::SummaryItem;
use parallax::pipeline::summarize_pages;

fn page(id: &str, text: &str) -> RawPage {
    RawPage::text(id, text)
}

/// Two accounts of a dam's closure that share one statement, each with details of its own.
fn dam_story() -> Vec<RawPage> {
    vec![
        page(
            "wire",
            "Engineers will close the Kariba dam spillway for urgent repairs in March, the river authority announced on Monday. \
             Local fishermen complained that the notice came too late for the spawning season on the northern shore. \
             The authority said the closure would last about six weeks while cracks in the plunge pool are sealed. \
             Tourism operators near Victoria Falls expect fewer visitors during the works, according to a regional association.",
        ),
        page(
            "daily",
            "A retired hydrologist in Lusaka recalled the severe drought of 1992 and the rationing that followed it for months. \
             Engineers will close the Kariba dam spillway for urgent repairs in March, officials of the river authority said. \
             Power cuts are not expected because the turbines draw water from a separate intake tunnel upstream. \
             Several farmers downstream said they would move their cattle to higher pastures before the rains arrive.",
        ),
    ]
}

fn words(items: &[SummaryItem]) -> usize {
    items
        .iter()
        .map(|i| i.text.split_whitespace().count())
        .sum()
}

#[test]
fn what_several_documents_report_comes_first() {
    let summary = summarize_pages(dam_story(), 20);
    assert_eq!(summary.len(), 1, "{summary:?}");
    assert!(
        summary[0]
            .text
            .starts_with("Engineers will close the Kariba dam spillway"),
        "{summary:?}"
    );
}

#[test]
fn the_room_left_is_filled_from_single_accounts() {
    let summary = summarize_pages(dam_story(), 80);
    assert!(summary.len() >= 3, "{summary:?}");
    assert!(words(&summary) <= 80);
    // The shared statement appears once, whichever account it is cited from.
    let shared = summary
        .iter()
        .filter(|i| i.text.starts_with("Engineers will close"))
        .count();
    assert_eq!(shared, 1, "{summary:?}");
}

#[test]
fn a_stub_never_reaches_the_summary() {
    let mut pages = dam_story();
    pages.push(page(
        "archive",
        "Engineers and archivists add pages to the archive every day. These repairs to the archive are announced in March.",
    ));
    let summary = summarize_pages(pages, 120);
    assert!(!summary.is_empty());
    for item in &summary {
        assert!(item.sources.iter().all(|s| s.doc != "archive"), "{item:?}");
    }
}

#[test]
fn what_the_documents_lead_with_comes_first() {
    // Both accounts report the closure and the compensation, the compensation in the same words;
    // both lead with the closure.
    let pages = vec![
        page(
            "wire",
            "The city closed the Elm Street bridge on Tuesday after inspectors found corroded steel beams. \
             Traffic was diverted through the old town while engineers assessed the damage to the structure. \
             Shop owners on Elm Street will receive compensation for lost trade from a municipal hardship fund.",
        ),
        page(
            "daily",
            "Inspectors found corroded steel beams, and the city closed the Elm Street bridge on Tuesday. \
             A local historian noted that the bridge was built in 1931 by a company from the coast. \
             Shop owners on Elm Street will receive compensation for lost trade from a municipal hardship fund.",
        ),
    ];
    let summary = summarize_pages(pages, 16);
    assert_eq!(summary.len(), 1, "{summary:?}");
    assert!(
        summary[0].text.contains("closed the Elm Street bridge"),
        "{summary:?}"
    );
}

#[test]
fn teasers_and_questions_never_reach_the_summary() {
    let mut pages = dam_story();
    pages.push(page(
        "teasers",
        "Engineers will close the Kariba dam spillway for urgent repairs in March, the authority confirmed. \
         What will happen to the boat builders of Siavonga once the lake level starts to fall? \
         Read how a tiny village on the Zambezi learned to farm crocodiles for export markets... \
         The authority said the closure would last about six weeks while the cracks are sealed.",
    ));
    let summary = summarize_pages(pages, 200);
    assert!(!summary.is_empty());
    for item in &summary {
        let text = item.text.trim_end();
        assert!(!text.ends_with('?') && !text.ends_with("..."), "{item:?}");
    }
}

#[test]
fn captions_and_contact_lines_inside_paragraphs_never_reach_the_summary() {
    let mut pages = dam_story();
    pages.push(page(
        "furniture",
        "The Kariba dam spillway will close in March for repairs, the river authority said. \
         Boat operators on the lake expect a quiet season, and several lodges have cut their prices for April. \
         View Images Fishermen mend their nets on the northern shore of Lake Kariba at dawn. \
         Follow Jane Roe on Twitter @jroe for more reporting from the Zambezi valley.",
    ));
    let summary = summarize_pages(pages, 200);
    assert!(summary.len() >= 3, "{summary:?}");
    for item in &summary {
        assert!(
            !item.text.starts_with("View Images") && !item.text.starts_with("Follow"),
            "{item:?}"
        );
    }
}

#[test]
fn a_summary_sentence_leaves_out_its_dateline() {
    let story = vec![
        page(
            "wire",
            "KESSEL (Harbour Wire) - Engineers will close the old harbour bridge for repairs in \
             March, the port authority said on Monday.\n\n\
             Ferry crews said the closure would add an hour to their crossings for six weeks.",
        ),
        page(
            "daily",
            "After a long meeting of its board on Monday, the port authority told reporters that \
             engineers would close the old harbour bridge for repairs in March.\n\n\
             Shop owners on the quay said they expected fewer visitors during the works.",
        ),
    ];
    let summary = summarize_pages(story, 30);
    let bridge = summary
        .iter()
        .find(|i| i.text.contains("old harbour bridge"))
        .unwrap_or_else(|| panic!("{summary:?}"));
    assert!(bridge.text.starts_with("Engineers"), "{summary:?}");
    // Its own source is the sentence past the dateline, and each document is cited once.
    let wire: Vec<_> = bridge.sources.iter().filter(|s| s.doc == "wire").collect();
    assert_eq!(wire.len(), 1, "{summary:?}");
    assert_eq!(
        wire[0].span.start(),
        "KESSEL (Harbour Wire) - ".len(),
        "{summary:?}"
    );
}
