//! Words the news mostly writes in lower case: the table `data/lower-case-words.tsv`, counted
//! inside sentences of a corpus of news articles (PolNeAR's training split and the Gender Gap
//! Tracker articles, built by the `lower_case_words` example). A capitalised word it lists is a
//! common word capitalised by its place ("Principal Tom Brandt", a headline's words), not a name.

use rustc_hash::FxHashSet;

/// The table: a comment line, then `word<TAB>times in lower case<TAB>times capitalised`.
const LOWER_CASE_TSV: &str = include_str!("../data/lower-case-words.tsv");

/// The listed words, read once.
static LOWER_CASE_WORDS: std::sync::LazyLock<FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        LOWER_CASE_TSV
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .collect()
    });

/// True when the news writes `lower` (a word in lower case) in lower case at least as often as
/// capitalised inside a sentence: "parent" and "about" are, "rand" and "cornell" are not.
pub(crate) fn mostly_lower_case(lower: &str) -> bool {
    LOWER_CASE_WORDS.contains(lower)
}
