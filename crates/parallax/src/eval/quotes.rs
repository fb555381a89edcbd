//! The quote-extraction metric of the Gender Gap Tracker evaluation.
//!
//! A predicted quote matches a gold quote when their character spans overlap by at least a
//! share (30%, also reported at 80%) of the gold span's length; each gold quote matches at most
//! one prediction (the one overlapping it most). Precision, recall and F1 are over quotes.
//! Speaker accuracy is the share of matched quotes whose predicted speaker names the gold
//! speaker's canonical name.

/// A quote as a character range and a speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanQuote {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The speaker's name, when known.
    pub speaker: Option<String>,
}

/// Counts for one overlap threshold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuoteCounts {
    /// Gold quotes matched.
    pub matched: usize,
    /// Matched quotes whose speaker is right.
    pub speaker_right: usize,
    /// Predicted quotes.
    pub predicted: usize,
    /// Gold quotes.
    pub gold: usize,
}

impl std::ops::AddAssign for QuoteCounts {
    fn add_assign(&mut self, o: QuoteCounts) {
        self.matched += o.matched;
        self.speaker_right += o.speaker_right;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

/// Precision, recall, F1 and speaker accuracy.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct QuoteScore {
    /// Matched predictions over predictions.
    pub precision: f64,
    /// Matched gold quotes over gold quotes.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
    /// Matched quotes with the right speaker over matched quotes.
    pub speaker_accuracy: f64,
}

impl QuoteCounts {
    /// The scores these counts give.
    pub fn score(&self) -> QuoteScore {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(self.matched, self.predicted);
        let recall = ratio(self.matched, self.gold);
        let f1 = super::harmonic_mean(precision, recall);
        QuoteScore {
            precision,
            recall,
            f1,
            speaker_accuracy: ratio(self.speaker_right, self.matched),
        }
    }
}

/// Lower-cased words of a name, without titles.
fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !matches!(w.as_str(), "mr" | "mrs" | "ms" | "dr" | "and"))
        .collect()
}

/// True when a predicted speaker names the gold reference: the same surname (last word), or one
/// name's words all within the other's.
pub fn speaker_matches(predicted: &str, reference: &str) -> bool {
    let (p, r) = (name_words(predicted), name_words(reference));
    if p.is_empty() || r.is_empty() {
        return false;
    }
    p.last() == r.last() || r.iter().all(|w| p.contains(w)) || p.iter().all(|w| r.contains(w))
}

/// For each gold quote of one article, the prediction matched to it at an overlap threshold:
/// the unused prediction overlapping it most, if it covers `min_overlap` of the gold span.
pub fn pair_up(
    predicted: &[SpanQuote],
    gold: &[(SpanQuote, Option<String>)],
    min_overlap: f64,
) -> Vec<Option<usize>> {
    let mut used = vec![false; predicted.len()];
    gold.iter()
        .map(|(g, _)| {
            let len = g.end.saturating_sub(g.start).max(1);
            let (_, i) = predicted
                .iter()
                .enumerate()
                .filter(|(i, _)| !used[*i])
                .map(|(i, p)| (p.end.min(g.end).saturating_sub(p.start.max(g.start)), i))
                .filter(|&(o, _)| o as f64 >= min_overlap * len as f64 && o > 0)
                .max()?;
            used[i] = true;
            Some(i)
        })
        .collect()
}

/// True when a matched prediction's speaker names the gold reference.
pub fn speaker_right(predicted: &SpanQuote, reference: Option<&str>) -> bool {
    match (&predicted.speaker, reference) {
        (Some(p), Some(r)) => speaker_matches(p, r),
        _ => false,
    }
}

/// Matches predictions to gold quotes of one article at an overlap threshold.
pub fn count(
    predicted: &[SpanQuote],
    gold: &[(SpanQuote, Option<String>)],
    min_overlap: f64,
) -> QuoteCounts {
    let mut c = QuoteCounts {
        predicted: predicted.len(),
        gold: gold.len(),
        ..Default::default()
    };
    for (pair, (_, reference)) in pair_up(predicted, gold, min_overlap).iter().zip(gold) {
        if let Some(i) = *pair {
            c.matched += 1;
            c.speaker_right += usize::from(speaker_right(&predicted[i], reference.as_deref()));
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(start: usize, end: usize, speaker: Option<&str>) -> SpanQuote {
        SpanQuote {
            start,
            end,
            speaker: speaker.map(str::to_string),
        }
    }

    #[test]
    fn overlap_thresholds_and_speakers() {
        let gold = vec![
            (q(0, 100, None), Some("Darian Lonechild".to_string())),
            (q(200, 300, None), Some("Justin Trudeau".to_string())),
        ];
        let predicted = vec![q(50, 90, Some("Lonechild")), q(500, 600, Some("Trudeau"))];
        let at30 = count(&predicted, &gold, 0.3);
        assert_eq!(
            (at30.matched, at30.speaker_right, at30.predicted, at30.gold),
            (1, 1, 2, 2)
        );
        assert_eq!(count(&predicted, &gold, 0.8).matched, 0);
        let s = at30.score();
        assert!(
            (s.precision - 0.5).abs() < 1e-12
                && (s.recall - 0.5).abs() < 1e-12
                && (s.speaker_accuracy - 1.0).abs() < 1e-12
        );
    }

    #[test]
    fn speaker_names() {
        assert!(speaker_matches("Mr Alexander Gabuev", "Alexander Gabuev"));
        assert!(speaker_matches("Gabuev", "Alexander Gabuev"));
        assert!(!speaker_matches("Vladimir Putin", "Xi Jinping"));
    }
}
