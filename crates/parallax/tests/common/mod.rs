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

/// The values of each figure conflict Parallax finds between two pages, one list per conflict.
#[allow(dead_code)]
pub fn figure_conflict_values(first: (&str, String), second: (&str, String)) -> Vec<Vec<String>> {
    let report = analyze_one_story(vec![
        RawPage::text(first.0, &first.1),
        RawPage::text(second.0, &second.1),
    ]);
    report
        .stories
        .iter()
        .flat_map(|s| s.conflicts.iter())
        .filter(|c| c.kind == parallax::model::ConflictKind::Figure)
        .map(|c| c.sides.iter().filter_map(|s| s.value.clone()).collect())
        .collect()
}
