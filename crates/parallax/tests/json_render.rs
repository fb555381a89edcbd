//! The JSON report, written element by element on every core, is byte for byte what
//! `serde_json::to_string_pretty` writes for the whole report.

use parallax::ingest::RawPage;
use parallax::model::Report;
use parallax::pipeline::{analyze_pages, Options};

fn page(id: &str, text: &str) -> RawPage {
    RawPage::text(id, text)
}

#[test]
fn the_parallel_json_is_the_pretty_json() {
    let reports = [
        Report::default(),
        analyze_pages(
            vec![
                page(
                    "a",
                    "The mayor said on Monday that \"the bridge will reopen in May.\"\n\nFour \
                     lanes were closed after a barge struck a pier, officials said.",
                ),
                page(
                    "b",
                    "Three lanes were closed after a barge struck a pier, the county said.\n\n\
                     The mayor said the bridge would reopen in June, with a tab\tand a \\ slash.",
                ),
                page("c", "   "),
                page(
                    "d",
                    "An unrelated note about a bake sale at the library on Friday.",
                ),
            ],
            &Options::default(),
        ),
    ];
    assert!(!reports[1].rejected.is_empty() && reports[1].stories.len() >= 2);
    for report in &reports {
        let expected = serde_json::to_string_pretty(report).unwrap();
        assert_eq!(parallax::render::json(report), expected);
    }
}
