//! The store on the bundled example: incremental ingest, idempotent re-ingest, stable story
//! ids, queries and search.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use parallax::ingest::{read_inputs, IngestOptions};
use parallax_store::{Store, StoryFilter};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/xi-putin-call")
}

fn pages(names: &[&str]) -> Vec<parallax::ingest::RawPage> {
    let inputs: Vec<String> = names
        .iter()
        .map(|n| example().join(n).display().to_string())
        .collect();
    let batch = read_inputs(&inputs, IngestOptions::default());
    assert!(batch.rejected.is_empty(), "{:?}", batch.rejected);
    batch.pages
}

const ALL: [&str; 5] = [
    "000_ee8cd0a75767a374.txt",
    "001_3bb5ef529482972c.txt",
    "002_f8517dae2a80b0ae.txt",
    "003_4bdb8815e1a77192.txt",
    "004_ee9d6c7da099dff2.txt",
];

fn copies(store: &Store) -> BTreeSet<(String, String, String)> {
    let mut stmt = store
        .connection()
        .prepare("SELECT a, b, kind FROM copies")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn ingest_in_two_steps_equals_ingest_at_once_and_reingest_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for name in ALL {
        assert!(example().join(name).is_file(), "{name} missing");
    }
    let mut once = Store::open(&dir.path().join("once.db")).unwrap();
    let report = once.ingest(pages(&ALL), &mut |_| {}).unwrap();
    assert_eq!(report.added, 5);
    assert_eq!(report.analyzed, 1);

    let mut twice = Store::open(&dir.path().join("twice.db")).unwrap();
    twice.ingest(pages(&ALL[..2]), &mut |_| {}).unwrap();
    let first = twice.stories(&StoryFilter::default()).unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].id, 1);
    // A new process: the engine is rebuilt from the store before the second ingest.
    drop(twice);
    let mut twice = Store::open(&dir.path().join("twice.db")).unwrap();
    let second = twice.ingest(pages(&ALL[2..]), &mut |_| {}).unwrap();
    assert_eq!(second.added, 3);
    assert!(second.documents.iter().all(|(_, story)| *story == 1));

    let a = once.stories(&StoryFilter::default()).unwrap();
    let b = twice.stories(&StoryFilter::default()).unwrap();
    assert_eq!(a.len(), 1);
    assert_eq!(b.len(), 1);
    assert_eq!(a[0].documents, 5);
    assert_eq!(b[0].documents, 5);
    assert_eq!(copies(&once), copies(&twice));
    assert!(
        !copies(&once).is_empty(),
        "the example's pages share passages"
    );
    assert!(a[0].conflicts >= 1 && !a[0].stale);

    let again = once.ingest(pages(&ALL), &mut |_| {}).unwrap();
    assert_eq!((again.added, again.unchanged, again.analyzed), (0, 5, 0));
    assert_eq!(once.counts().unwrap().0, 5);
}

#[test]
fn queries_and_search_read_the_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q.db");
    let mut store = Store::open(&path).unwrap();
    store.ingest(pages(&ALL), &mut |_| {}).unwrap();
    let reader = Store::open_read_only(&path).unwrap();
    let hits = reader.search("Gabuev", 10).unwrap();
    assert!(hits.documents.iter().any(|d| d.snippet.contains("Gabuev")));
    assert!(hits
        .quotes
        .iter()
        .any(|q| q.speaker.as_deref() == Some("Alexander Gabuev")));
    // The story quoting him is a hit, though its title and summary do not name him.
    assert!(hits.stories.iter().any(|s| s.id == 1), "{:?}", hits.stories);
    // Query syntax in user input is taken literally, never as FTS5 operators.
    assert!(reader.search("\"Gabuev OR ( NEAR", 10).is_ok());
    let filtered = reader
        .stories(&StoryFilter {
            person: Some("gabuev".into()),
            ..StoryFilter::default()
        })
        .unwrap();
    assert_eq!(filtered.len(), 1);
    let none = reader
        .stories(&StoryFilter {
            outlet: Some("No Such Outlet".into()),
            ..StoryFilter::default()
        })
        .unwrap();
    assert!(none.is_empty());
    // The outlet filter ignores case.
    let any_case = reader
        .stories(&StoryFilter {
            outlet: Some("BLOOMBERG".into()),
            ..StoryFilter::default()
        })
        .unwrap();
    assert_eq!(any_case.len(), 1);
    let page = reader.story_page(1).unwrap().unwrap();
    assert!(page.contains("class=\"matrix\"") && page.contains("class=\"pair\""));
    let report: parallax::model::Report =
        serde_json::from_str(&reader.story_report_json(1).unwrap().unwrap()).unwrap();
    assert_eq!(report.documents.len(), 5);
    let quotes = reader.quotes(Some(1), Some("Xi"), 100).unwrap();
    assert!(!quotes.is_empty());
    for q in quotes {
        let doc = report.document(&q.doc).unwrap();
        assert_eq!(&doc.text[q.start as usize..q.end as usize], q.text);
    }
}

/// A WARC file as CC-NEWS publishes it: one gzip member per record.
fn warc_gz(records: &[(&str, &str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut out = Vec::new();
    for (url, content_type, body) in records {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n{body}");
        let record = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(record.as_bytes()).unwrap();
        out.extend(gz.finish().unwrap());
    }
    out
}

#[test]
fn warc_records_are_ingested_with_their_urls() {
    let dir = tempfile::tempdir().unwrap();
    let page = |headline: &str, body: &str| {
        format!("<html><head><title>{headline}</title><meta property=\"og:site_name\" content=\"Valley News\"></head><body><article><h1>{headline}</h1><p>{body}</p><p>{body} Officials said more rain was expected on Tuesday.</p></article></body></html>")
    };
    let flood = page("Floods hit Elsmere", "Floods swept through the valley town of Elsmere on Monday, damaging 300 homes, the mayor said.");
    let budget = page("Council passes budget", "The city council passed a budget of 40 million dollars on Monday after a long debate over school funding.");
    let file = dir.path().join("CC-NEWS-test.warc.gz");
    std::fs::write(
        &file,
        warc_gz(&[
            (
                "https://valley.example/flood",
                "text/html; charset=utf-8",
                &flood,
            ),
            ("https://valley.example/logo.png", "image/png", "PNG"),
            ("https://valley.example/budget", "text/html", &budget),
        ]),
    )
    .unwrap();
    let batch = read_inputs(&[file.display().to_string()], IngestOptions::default());
    assert_eq!(batch.pages.len(), 2);
    assert_eq!(
        batch.rejected.len(),
        1,
        "the image record is rejected alone"
    );
    let mut store = Store::open(&dir.path().join("warc.db")).unwrap();
    let report = store.ingest(batch.pages, &mut |_| {}).unwrap();
    assert_eq!(report.added, 2);
    let urls: BTreeSet<String> = store
        .connection()
        .prepare("SELECT url FROM documents")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        urls.contains("https://valley.example/flood")
            && urls.contains("https://valley.example/budget")
    );
    assert_eq!(store.stories(&StoryFilter::default()).unwrap().len(), 2);
    assert!(!store.search("Elsmere", 5).unwrap().documents.is_empty());
}

#[test]
fn an_article_stored_by_another_ingest_meanwhile_is_skipped_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    let mut first = Store::open(&db).unwrap();
    let mut second = Store::open(&db).unwrap();
    let shared = pages(&ALL[..1]);
    let mut stored_meanwhile = false;
    // The first ingest checks what is stored, prepares its pages, and only then writes: the
    // second ingest stores the shared article in between.
    let report = first
        .ingest(pages(&ALL[..3]), &mut |p| {
            if matches!(p, parallax_store::Progress::Prepared(..)) && !stored_meanwhile {
                stored_meanwhile = true;
                let r = second.ingest(shared.clone(), &mut |_| {}).unwrap();
                assert_eq!(r.added, 1);
            }
        })
        .unwrap();
    assert!(stored_meanwhile);
    assert_eq!((report.added, report.unchanged), (2, 1), "{report:?}");
    let (documents, _, _) = first.counts().unwrap();
    assert_eq!(documents, 3);
}

#[test]
fn concurrent_ingests_of_overlapping_inputs_into_a_new_store_all_succeed() {
    for round in 0..4 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(format!("race{round}.db"));
        let runs: Vec<_> = [&ALL[..3], &ALL[1..]]
            .into_iter()
            .map(|names| {
                let db = db.clone();
                let pages = pages(names);
                std::thread::spawn(move || {
                    let mut store = Store::open(&db)?;
                    store.ingest(pages, &mut |_| {})
                })
            })
            .collect();
        for run in runs {
            let report = run.join().unwrap();
            assert!(report.is_ok(), "round {round}: {report:?}");
        }
        let (documents, _, _) = Store::open(&db).unwrap().counts().unwrap();
        assert_eq!(documents, 5, "round {round}");
    }
}

#[test]
fn a_giant_story_page_shows_its_first_documents_and_links_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("giant.db")).unwrap();
    let n = parallax_store::PAGE_DOCUMENTS + 30;
    let accounts: Vec<parallax::ingest::RawPage> = (0..n)
        .map(|i| parallax::ingest::RawPage {
            source: format!("acc{i}.txt"),
            id: format!("acc{i}"),
            kind: parallax::ingest::PageKind::Text,
            content: parallax::ingest::Content::Text(format!(
                "The river flooded the valley town of Elmstead on Monday, officials said. \
                 More than 200 homes were damaged. \"We have never seen water this high,\" said \
                 Nora Quint, the mayor. Correspondent {i} counted {} volunteers in Hollin {i}.",
                5 + i
            )),
            url: None,
            title: Some(format!("Floods, account {i}")),
            outlet: Some(format!("Outlet {i}")),
            date: Some("2024-03-04".into()),
            listed: None,
        })
        .collect();
    store.ingest(accounts, &mut |_| {}).unwrap();
    let stories = store.stories(&StoryFilter::default()).unwrap();
    assert_eq!(stories.len(), 1, "{stories:?}");
    let page = store.story_page(stories[0].id).unwrap().unwrap();
    assert_eq!(
        page.matches("<article class=\"doc\"").count(),
        parallax_store::PAGE_DOCUMENTS
    );
    let listed = page
        .split("<ul class=\"more-documents\">")
        .nth(1)
        .expect("the other documents are listed");
    assert_eq!(listed.matches("<li><a href=\"/document/acc").count(), 30);
    // A quote of a listed document links to the sentence on that document's own page.
    let first_listed = format!(
        "href=\"/document/acc{}#d0-s",
        parallax_store::PAGE_DOCUMENTS
    );
    assert!(page.contains(&first_listed), "no link like {first_listed}");
}

#[test]
fn a_stream_ingested_a_page_at_a_time_gives_the_store_an_ingest_at_once_gives() {
    let dir = tempfile::tempdir().unwrap();
    let mut once = Store::open(&dir.path().join("once.db")).unwrap();
    once.ingest(pages(&ALL), &mut |_| {}).unwrap();
    let mut streamed = Store::open(&dir.path().join("streamed.db")).unwrap();
    // A chunk of one byte: every page is added on its own, the stories analyzed once at the end.
    let report = streamed.ingest_stream(pages(&ALL), 1, &mut |_| {}).unwrap();
    assert_eq!((report.added, report.analyzed), (5, 1));
    let (a, b) = (
        once.stories(&StoryFilter::default()).unwrap(),
        streamed.stories(&StoryFilter::default()).unwrap(),
    );
    assert_eq!(a.len(), b.len());
    assert_eq!(a[0].documents, b[0].documents);
    assert_eq!(a[0].conflicts, b[0].conflicts);
    assert_eq!(copies(&once), copies(&streamed));
    assert_eq!(once.counts().unwrap(), streamed.counts().unwrap());
}

#[test]
fn a_story_over_the_analysis_cap_is_analyzed_on_its_first_part_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cap.db");
    let mut store = Store::open(&path).unwrap();
    let all = pages(&ALL);
    let total: usize = all
        .iter()
        .map(|p| match &p.content {
            parallax::ingest::Content::Text(t) => t.len(),
            parallax::ingest::Content::Bytes(b) => b.len(),
        })
        .sum();
    store.set_analysis_cap(total / 3);
    store.ingest(all, &mut |_| {}).unwrap();
    let report: parallax::model::Report =
        serde_json::from_str(&store.story_report_json(1).unwrap().unwrap()).unwrap();
    let story = &report.stories[0];
    assert_eq!(story.documents.len(), 5);
    let limit = story.analysis_limit.as_ref().expect("the cap is noted");
    assert!(limit.analyzed_bytes <= total / 3 && limit.analyzed_bytes > 0);
    assert!(!limit.left_out.is_empty());
    // Documents left out are listed without their text, and none of them is quoted.
    for id in &limit.left_out {
        assert!(report.document(id).unwrap().text.is_empty());
        assert!(story.quotes.iter().all(|q| &q.doc != id));
    }
    let page = store.story_page(1).unwrap().unwrap();
    assert!(
        page.contains("not analyzed"),
        "the page says what was left out"
    );
    // The full documents stay in the store, whole.
    let doc = store.document(&limit.left_out[0]).unwrap().unwrap();
    assert!(!doc.document.text.is_empty());
}
