//! Eval: the published metrics, reimplemented in Rust, and the data-set runners behind
//! `parallax eval`.
//!
//! - [`rouge`]: ROUGE-1/2/L/Lsum exactly as Google's `rouge-score` 0.1.2 computes them (with the
//!   NLTK Porter stemmer in [`crate::porter`], which the pipeline's terms share).
//! - [`extraction`]: the article-extraction benchmark's shingle metric.
//! - [`quotes`]: the Gender Gap Tracker quote metric (span overlap, speaker accuracy).
//! - [`datasets`]: runners that read a data set, run Parallax on it and score it.

pub mod conflicts;
pub mod datasets;
pub mod extraction;
pub mod quotes;
pub mod rouge;

/// The harmonic mean of precision and recall (F1), or 0 when both are 0.
pub(crate) fn harmonic_mean(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}
