//! Sentences that carry quotes of one statement are one statement, however differently two
//! outlets frame them; on stories of my own.

use parallax::ingest::RawPage;
use parallax::pipeline::{analyze_pages, Options};

const FRAMED: &str = "Speaking at the Customs House in Porto Velho on Friday, harbour master Ines Duarte said the ferry must stay in port until the storm has passed.";

fn story(second_speaker: &str) -> Vec<RawPage> {
    vec![
        RawPage::text(
            "wire",
            &format!(
                "A storm closed the harbour on Friday and the ferry service was halted. {FRAMED} \
                 Fishing crews tied up their boats along the breakwater."
            ),
        ),
        RawPage::text(
            "radio",
            &format!(
                "The ferry service was halted as a storm closed the harbour. \
                 \"The ferry must stay in port until the storm has passed,\" {second_speaker} told a local radio station, adding that three fishing boats had already returned to the marina at dawn. \
                 Fishing crews tied up their boats along the breakwater."
            ),
        ),
    ]
}

/// The documents holding the sentence statement that holds the framed sentence.
fn documents_with_framed_sentence(pages: Vec<RawPage>) -> Vec<String> {
    let report = analyze_pages(pages, &Options::default());
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let text = |id: &str| {
        report
            .documents
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.text.clone())
            .unwrap_or_default()
    };
    for story in &report.stories {
        for st in &story.statements {
            let holds_framed = st
                .sources
                .iter()
                .any(|s| text(&s.doc).get(s.span.start()..s.span.end()) == Some(FRAMED));
            if holds_framed {
                return st.sources.iter().map(|s| s.doc.clone()).collect();
            }
        }
    }
    Vec::new()
}

#[test]
fn sentences_quoting_one_statement_are_one_statement() {
    let docs = documents_with_framed_sentence(story("Duarte"));
    assert_eq!(docs, ["wire", "radio"]);
}

#[test]
fn the_same_words_from_two_speakers_keep_their_sentences_apart() {
    let docs = documents_with_framed_sentence(story("the mayor Rui Alves"));
    assert_eq!(docs, ["wire"]);
}

#[test]
fn a_stance_is_listed_but_states_nothing_for_its_subject() {
    let levy =
        "Mayor Ana Roe opposed the new harbour levy at the council meeting on Monday evening.";
    let pages = vec![
        RawPage::text(
            "wire",
            &format!("A storm closed the harbour on Friday and the ferry was halted. {levy}"),
        ),
        RawPage::text(
            "radio",
            &format!("The ferry was halted as a storm closed the harbour on Friday. {levy}"),
        ),
    ];
    let report = analyze_pages(pages, &Options::default());
    let story = report.stories.first().expect("one story");
    assert!(
        story
            .quotes
            .iter()
            .any(|q| q.kind == parallax::model::QuoteKind::Stance
                && q.speaker.as_deref() == Some("Ana Roe")),
        "{:?}",
        story.quotes
    );
    assert!(
        story
            .statements
            .iter()
            .all(|st| st.speaker.as_deref() != Some("Ana Roe")),
        "{:?}",
        story.statements
    );
}

#[test]
fn a_stance_no_one_holds_is_not_reported() {
    let page = "The ferry board met on Tuesday to discuss the harbour. The plan outlined a new \
                timetable for the island ferries, with sailings every hour in summer.";
    let report = analyze_pages(vec![RawPage::text("wire", page)], &Options::default());
    let story = report.stories.first().expect("one story");
    // Attribution gives it to "The plan" as written; the story's names drop that speaker, and
    // the stance goes with it.
    assert!(
        !story
            .quotes
            .iter()
            .any(|q| q.text.contains("new timetable")),
        "{:?}",
        story.quotes
    );
}

/// The documents of each statement holding more than one document, as (sentence text, docs).
fn shared_statements(pages: Vec<RawPage>) -> Vec<(String, Vec<String>)> {
    let report = analyze_pages(pages, &Options::default());
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    report
        .stories
        .iter()
        .flat_map(|story| story.statements.iter())
        .filter(|st| st.sources.len() > 1)
        .map(|st| {
            let docs = st.sources.iter().map(|s| s.doc.clone()).collect();
            (st.text.clone(), docs)
        })
        .collect()
}

#[test]
fn one_speaker_reporting_two_things_is_two_statements() {
    // Both outlets quote the harbour master, on different matters: who said them is no
    // evidence that the sentences say one thing.
    let pages = vec![
        RawPage::text(
            "wire",
            "A storm closed the harbour at Porto Velho on Friday. Harbour master Ines Duarte \
             said the waves broke over the north pier before dawn. Fishing crews tied up their \
             boats along the breakwater.",
        ),
        RawPage::text(
            "radio",
            "The harbour at Porto Velho closed on Friday as a storm came in. Harbour master Ines \
             Duarte said the harbour would stay shut. Fishing crews tied up their boats along the \
             breakwater.",
        ),
    ];
    let shared = shared_statements(pages);
    assert!(
        !shared.iter().any(|(text, _)| text.contains("Duarte")),
        "{shared:?}"
    );
    // What both say in the same words is still one statement.
    assert!(
        shared.iter().any(|(text, _)| text.contains("breakwater")),
        "{shared:?}"
    );
}

#[test]
fn two_speakers_sharing_a_phrase_said_two_things() {
    // The lawyer's words and the union's share the story's rare phrase "crews lost", and
    // enough terms for a phrase to join them; two speakers said them.
    let pages = vec![
        RawPage::text(
            "wire",
            "The ferry company was fined on Monday over the sinking of its cargo boat off Kessel. \
             \"This money was meant to help the families of the crews lost at sea,\" the \
             families' lawyer, Marta Holm, told reporters.",
        ),
        RawPage::text(
            "radio",
            "The ferry company was fined on Monday over the sinking of its cargo boat off Kessel. \
             The dockers' union said on Monday that the families of crews lost in the storm had \
             been paid in full, hours after the fine was announced.",
        ),
    ];
    let shared = shared_statements(pages);
    assert!(
        !shared
            .iter()
            .any(|(text, docs)| docs.len() > 1 && text.contains("families")),
        "{shared:?}"
    );
    assert!(
        shared.iter().any(|(text, _)| text.contains("was fined")),
        "{shared:?}"
    );
}
