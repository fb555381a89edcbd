//! What the library's story tests share.

use parallax::ingest::RawPage;
use parallax::model::Report;
use parallax::pipeline::{analyze_pages, Options};

/// Analyzes `pages` and checks that every page and story was analyzed and that one story holds
/// them all: a failure caught at a story's edge would otherwise pass for a miss.
pub fn analyze_one_story(pages: Vec<RawPage>) -> Report {
    let count = pages.len();
    let report = analyze_pages(pages, &Options::default());
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert!(report.stories.iter().any(|s| s.documents.len() == count));
    report
}
