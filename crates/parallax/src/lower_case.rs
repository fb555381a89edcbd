//! Words the news mostly writes in lower case: the table `data/lower-case-words.tsv`, counted
//! inside sentences of a corpus of news articles (PolNeAR's training split and the Gender Gap
//! Tracker articles, built by the `lower_case_words` example). A capitalised word it lists is
//! most often a common word capitalised by its place ("Principal Tom Brandt", a headline's
//! words); some names are common words too ("Grant", "Young"), so a rule that must not take a
//! name for a word asks for [`nearly_always_lower_case`].

use rustc_hash::FxHashMap;

/// The table: a comment line, then `word<TAB>times in lower case<TAB>times capitalised`.
const LOWER_CASE_TSV: &str = include_str!("../data/lower-case-words.tsv");

/// The listed words with their counts (in lower case, capitalised), read once.
static LOWER_CASE_WORDS: std::sync::LazyLock<FxHashMap<&'static str, (u32, u32)>> =
    std::sync::LazyLock::new(|| {
        LOWER_CASE_TSV
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut fields = l.split('\t');
                let word = fields.next()?;
                let lower = fields.next()?.parse().ok()?;
                let capital = fields.next()?.parse().ok()?;
                Some((word, (lower, capital)))
            })
            .collect()
    });

/// True when the news writes `lower` (a word in lower case) in lower case at least as often as
/// capitalised inside a sentence: "parent" and "about" are, "brandt" and "holt" are not.
pub(crate) fn mostly_lower_case(lower: &str) -> bool {
    LOWER_CASE_WORDS.contains_key(lower)
}

/// Least share of a word's occurrences inside sentences that are in lower case for
/// [`nearly_always_lower_case`]: three in four.
const NEARLY_ALWAYS: f64 = 0.75;

/// True when the news writes `lower` in lower case at least three times in four inside a
/// sentence: "principal" (14 to 3) is, "grant" (10 to 7) is not.
pub(crate) fn nearly_always_lower_case(lower: &str) -> bool {
    LOWER_CASE_WORDS
        .get(lower)
        .is_some_and(|&(l, c)| f64::from(l) >= NEARLY_ALWAYS * f64::from(l + c))
}
