//! The article-extraction benchmark's metric (Scrapinghub/Zyte article-extraction-benchmark).
//!
//! Tokens are the matches of `\w+` (Unicode letters, digits and `_`). A page's prediction and
//! truth become multisets of 4-token shingles; TP is the shared count, FP the extra predicted,
//! FN the missing. Precision is the mean of TP/(TP+FP) over pages with TP+FP > 0, recall the
//! mean of TP/(TP+FN) over pages with TP+FN > 0; a page with FP = FN = 0 scores 1 on both; F1
//! is the harmonic mean of the two means.

use std::collections::HashMap;

/// Words per shingle.
pub const SHINGLE: usize = 4;

/// Shingle counts of one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PageCounts {
    /// Shingles in both.
    pub tp: usize,
    /// Shingles only predicted.
    pub fp: usize,
    /// Shingles only in the truth.
    pub fn_: usize,
}

/// Precision, recall and F1 over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct ExtractionScore {
    /// Mean precision.
    pub precision: f64,
    /// Mean recall.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

/// The `\w+` tokens of a text.
pub fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let toks = tokens(text);
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    if toks.len() < SHINGLE {
        out.insert(toks, 1);
        return out;
    }
    for w in toks.windows(SHINGLE) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Shingle counts of a prediction against the truth.
pub(crate) fn page_counts(predicted: &str, truth: &str) -> PageCounts {
    let p = shingles(predicted);
    let t = shingles(truth);
    let mut c = PageCounts::default();
    for (s, &n) in &p {
        let m = t.get(s).copied().unwrap_or(0);
        c.tp += n.min(m);
        c.fp += n.saturating_sub(m);
    }
    for (s, &m) in &t {
        c.fn_ += m.saturating_sub(p.get(s).copied().unwrap_or(0));
    }
    c
}

/// Scores a set of pages.
pub fn score(pages: &[PageCounts]) -> ExtractionScore {
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    for c in pages {
        if c.fp == 0 && c.fn_ == 0 {
            ps.push(1.0);
            rs.push(1.0);
            continue;
        }
        if c.tp + c.fp > 0 {
            ps.push(c.tp as f64 / (c.tp + c.fp) as f64);
        }
        if c.tp + c.fn_ > 0 {
            rs.push(c.tp as f64 / (c.tp + c.fn_) as f64);
        }
    }
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (precision, recall) = (mean(&ps), mean(&rs));
    let f1 = super::harmonic_mean(precision, recall);
    ExtractionScore {
        precision,
        recall,
        f1,
    }
}

/// Where one page's prediction and truth part: the predicted lines the truth does not hold
/// and the truth lines the prediction misses (a line counts as held when most of its 4-token
/// shingles are in the other text).
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct PageDiff {
    /// Predicted lines not in the truth.
    pub extra: Vec<String>,
    /// Truth lines not predicted.
    pub missing: Vec<String>,
}

/// The lines of `text` that `other` mostly does not hold.
fn lines_not_in(text: &str, other: &str) -> Vec<String> {
    let held = shingles(other);
    text.lines()
        .filter(|line| {
            let own = shingles(line);
            let total: usize = own.values().sum();
            let shared: usize = own.keys().filter(|s| held.contains_key(*s)).count();
            total > 0 && shared * 2 < total
        })
        .map(|l| l.trim().to_string())
        .collect()
}

/// The line-level difference of a page's prediction and truth.
pub(crate) fn page_diff(predicted: &str, truth: &str) -> PageDiff {
    PageDiff {
        extra: lines_not_in(predicted, truth),
        missing: lines_not_in(truth, predicted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_partial_and_empty_pages() {
        let truth = "one two three four five six";
        assert_eq!(
            page_counts(truth, truth),
            PageCounts {
                tp: 3,
                fp: 0,
                fn_: 0
            }
        );
        let c = page_counts("zero one two three four five six seven", truth);
        assert_eq!(
            c,
            PageCounts {
                tp: 3,
                fp: 2,
                fn_: 0
            }
        );
        let s = score(&[c]);
        assert!((s.precision - 0.6).abs() < 1e-12 && (s.recall - 1.0).abs() < 1e-12);
        assert_eq!(score(&[page_counts("", "")]).f1, 1.0);
        assert_eq!(score(&[page_counts("", truth)]).recall, 0.0);
    }

    #[test]
    fn page_diff_names_extra_and_missing_lines() {
        let truth = "the first line of the article\nthe second line of the article";
        let predicted = "Home Local Sport Tides Contact\nthe first line of the article";
        let d = page_diff(predicted, truth);
        assert_eq!(d.extra, vec!["Home Local Sport Tides Contact"]);
        assert_eq!(d.missing, vec!["the second line of the article"]);
    }
}
