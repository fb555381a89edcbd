//! Background document frequencies: how many documents of a corpus of news articles (PolNeAR's
//! training split and the Gender Gap Tracker articles, built by the `background_terms` example)
//! hold each term. Stories are small; the background says which of their words the news at
//! large uses all the time ("people", "state") and which it seldom does ("ferrymen").

use rustc_hash::FxHashMap;

/// The table: a `documents` line, then one `term<TAB>documents holding it` line per term.
const BACKGROUND_TSV: &str = include_str!("../data/background-df.tsv");

/// The background corpus read from [`BACKGROUND_TSV`].
pub(crate) struct Background {
    /// Documents in the corpus.
    pub(crate) documents: usize,
    /// Documents holding each term, by term hash ([`crate::terms::hash_term`]).
    pub(crate) df: FxHashMap<u64, u32>,
}

/// The background corpus, read once.
pub(crate) static BACKGROUND: std::sync::LazyLock<Background> = std::sync::LazyLock::new(|| {
    let mut lines = BACKGROUND_TSV.lines();
    let documents = lines
        .next()
        .and_then(|l| l.strip_prefix("documents\t"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let df = lines
        .filter_map(|l| {
            let (term, n) = l.split_once('\t')?;
            Some((crate::terms::hash_term(term), n.parse().ok()?))
        })
        .collect();
    Background { documents, df }
});

/// Documents of the background corpus holding the term (0 for a term it never uses).
pub(crate) fn document_frequency(term: u64) -> u32 {
    BACKGROUND.df.get(&term).copied().unwrap_or(0)
}

/// The share of the background corpus's documents holding the term.
pub(crate) fn document_share(term: u64) -> f64 {
    f64::from(document_frequency(term)) / BACKGROUND.documents.max(1) as f64
}
