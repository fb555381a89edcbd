//! Publication dates written in different ways are read as dates: reports write them as
//! `YYYY-MM-DD`, and stories take their documents in the order of time, not of the text.

use parallax::ingest::RawPage;
use parallax::pipeline::{analyze_pages, Options};

fn page(id: &str, date: &str, text: &str) -> RawPage {
    RawPage {
        date: Some(date.to_string()),
        ..RawPage::text(id, text)
    }
}

#[test]
fn dates_written_in_words_order_as_dates() {
    let story = "The county closed the Alder Creek footbridge after inspectors found a cracked \
                 girder, and the county engineer said repairs to the Alder Creek span would take \
                 six weeks.";
    let later =
        "Repairs to the Alder Creek footbridge began on Monday, six weeks after inspectors \
                 found a cracked girder, the county engineer said.";
    let report = analyze_pages(
        vec![
            page("later", "2022-07-01", later),
            page("earlier", "June 15, 2022", story),
            page("undated", "sometime", later),
        ],
        &Options::default(),
    );
    let published: Vec<(&str, Option<&str>)> = report
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.published.as_deref()))
        .collect();
    assert_eq!(
        published,
        [
            ("later", Some("2022-07-01")),
            ("earlier", Some("2022-06-15")),
            ("undated", Some("sometime"))
        ]
    );
    let story = report
        .stories
        .iter()
        .find(|s| s.documents.iter().any(|d| d == "earlier"))
        .unwrap();
    assert_eq!(story.documents, ["earlier", "later", "undated"]);
    assert_eq!(story.date.as_deref(), Some("2022-06-15"));
}
