//! Dedup: copy relations between documents.
//!
//! Each document becomes a sequence of lower-cased word hashes, its word 5-gram shingles and a
//! winnowed sample of them, the anchors ([`fingerprint`]). The [`CopyIndex`] of anchors finds
//! the documents a new one may copy; each candidate is then compared word by word: the same
//! word sequence is a duplicate; a high shingle Jaccard (or one text almost wholly inside the
//! other) is a near-duplicate; otherwise each maximal run of at least [`MIN_PASSAGE_WORDS`]
//! identical words is a shared passage, with its spans in both documents, when it holds a
//! rare anchor or is long: a line that many documents carry is boilerplate, not a copy. The
//! earlier document (by publication date, then by input order) is side `a`, so a report can
//! say which copy came first.

mod fingerprint;
mod index;

pub use fingerprint::{common_sorted, fingerprint, Fingerprint, GUARANTEED_WORDS, SHINGLE, WINDOW};
pub use index::{worth_comparing, Candidate, CopyIndex, LONG_RUN_ANCHORS, MAX_POSTINGS, RARE_DOCS};

use rayon::prelude::*;

use crate::model::{Copy, CopyKind, Document, SourceSpan, Span};

/// Shortest run of identical words reported as a shared passage.
pub(crate) const MIN_PASSAGE_WORDS: usize = 15;
/// A shared run this long is a passage even when every anchor in it is common.
pub(crate) const LONG_PASSAGE_WORDS: usize = 60;
/// Shingle Jaccard from which two documents are near-duplicates.
pub(crate) const NEAR_DUPLICATE_JACCARD: f64 = 0.5;
/// Share of the shorter document's shingles inside the longer one that also makes a near-duplicate.
pub(crate) const NEAR_DUPLICATE_CONTAINMENT: f64 = 0.8;
/// Occurrences of one shingle in a document beyond which it is not used to anchor passages.
const MAX_SHINGLE_REPEATS: usize = 8;

/// True when `b` was published before `a`, so `b` is the earlier copy.
pub(crate) fn published_before(a: &Document, b: &Document) -> bool {
    dated_before(a.published.as_deref(), b.published.as_deref())
}

/// True when date `b` is known and comes before date `a` (also known), compared as dates.
pub(crate) fn dated_before(a: Option<&str>, b: Option<&str>) -> bool {
    let (a, b) = (
        a.and_then(crate::date::parse),
        b.and_then(crate::date::parse),
    );
    matches!((a, b), (Some(x), Some(y)) if y < x)
}

/// [`find_copies_of`], each document fingerprinted here (the tests' entry point).
#[cfg(test)]
pub(crate) fn find_copies(docs: &[Document]) -> Vec<Copy> {
    // Each document's fingerprint depends on it alone: computed on every core.
    let prints: Vec<Fingerprint> = docs
        .par_iter()
        .with_min_len(16)
        .map(|d| fingerprint(&d.text))
        .collect();
    find_copies_of(docs, &prints)
}

/// Finds every copy relation among `docs`, each document's fingerprint at hand (`prints[i]` of
/// `docs[i]`). Anchors are counted over all of them first, so every document is judged by the
/// same counts whatever its position.
pub(crate) fn find_copies_of(docs: &[Document], prints: &[Fingerprint]) -> Vec<Copy> {
    let keys: Vec<Vec<u32>> = prints
        .par_iter()
        .with_min_len(16)
        .map(Fingerprint::anchor_keys)
        .collect();
    let mut index = CopyIndex::new();
    for k in &keys {
        index.count(k);
    }
    let mut found: Vec<((u32, u32), Vec<Copy>)> = Vec::new();
    for (j, print) in prints.iter().enumerate() {
        let rare = |key: u32| index.is_rare(key);
        for c in index.candidates(&keys[j]) {
            let i = c.doc as usize;
            let copies = if published_before(&docs[i], &docs[j]) {
                compare(&docs[j].id, print, &docs[i].id, &prints[i], &rare)
            } else {
                compare(&docs[i].id, &prints[i], &docs[j].id, print, &rare)
            };
            if !copies.is_empty() {
                found.push(((i as u32, j as u32), copies));
            }
        }
        index.insert(j as u32, &keys[j]);
    }
    found.sort_by_key(|(pair, _)| *pair);
    found.into_iter().flat_map(|(_, c)| c).collect()
}

/// The copy relations between a new document `(id, published, fingerprint)` and one that
/// arrived before it `(id, published, text)`: the one published first is side `a`, and on
/// equal or unknown dates the one that arrived first.
pub fn compare_with_earlier(
    new: (&str, Option<&str>, &Fingerprint),
    earlier: (&str, Option<&str>, &str),
    is_rare: &dyn Fn(u32) -> bool,
) -> Vec<Copy> {
    let (earlier_id, earlier_published, earlier_text) = earlier;
    let other = fingerprint(earlier_text);
    compare_with_earlier_print(new, (earlier_id, earlier_published, &other), is_rare)
}

/// [`compare_with_earlier`] when the earlier document's fingerprint is at hand.
pub(crate) fn compare_with_earlier_print(
    new: (&str, Option<&str>, &Fingerprint),
    earlier: (&str, Option<&str>, &Fingerprint),
    is_rare: &dyn Fn(u32) -> bool,
) -> Vec<Copy> {
    let (id, published, print) = new;
    let (earlier_id, earlier_published, other) = earlier;
    if dated_before(earlier_published, published) {
        compare(id, print, earlier_id, other, is_rare)
    } else {
        compare(earlier_id, other, id, print, is_rare)
    }
}

/// The copy relations between two documents, given by id and fingerprint; `a` is the earlier
/// one. `is_rare` tells whether an anchor key is rare in the collection
/// ([`CopyIndex::is_rare`]).
pub fn compare(
    a: &str,
    ta: &Fingerprint,
    b: &str,
    tb: &Fingerprint,
    is_rare: &dyn Fn(u32) -> bool,
) -> Vec<Copy> {
    let mut copies = Vec::new();
    let (na, nb) = (ta.distinct.len(), tb.distinct.len());
    let common = common_sorted(&ta.distinct, &tb.distinct);
    let jaccard = common as f64 / (na + nb - common.min(na + nb)).max(1) as f64;
    let containment = common as f64 / na.min(nb).max(1) as f64;
    let whole = |t: &Fingerprint, d: &str| match (t.spans.first(), t.spans.last()) {
        (Some(f), Some(l)) => SourceSpan {
            doc: d.to_string(),
            span: Span::clamped(f.start(), l.end()),
        },
        _ => SourceSpan {
            doc: d.to_string(),
            span: Span::clamped(0, 0),
        },
    };
    if ta.hashes.is_empty() || tb.hashes.is_empty() {
        return copies;
    }
    if ta.hashes == tb.hashes {
        copies.push(Copy {
            kind: CopyKind::Duplicate,
            a: whole(ta, a),
            b: whole(tb, b),
            similarity: 1.0,
        });
    } else if jaccard >= NEAR_DUPLICATE_JACCARD || containment >= NEAR_DUPLICATE_CONTAINMENT {
        copies.push(Copy {
            kind: CopyKind::NearDuplicate,
            a: whole(ta, a),
            b: whole(tb, b),
            similarity: jaccard,
        });
    } else if common + SHINGLE > MIN_PASSAGE_WORDS {
        // A passage of MIN_PASSAGE_WORDS words shares at least MIN_PASSAGE_WORDS - SHINGLE + 1 shingles.
        let holds_rare = |t: &Fingerprint, r: (usize, usize)| {
            t.anchors
                .iter()
                .any(|&(at, key)| (r.0..r.1).contains(&(at as usize)) && is_rare(key))
        };
        for (ra, rb) in shared_runs(ta, tb) {
            let len = ra.1 - ra.0;
            if len < LONG_PASSAGE_WORDS && !holds_rare(ta, ra) && !holds_rare(tb, rb) {
                continue;
            }
            let shorter = ta.hashes.len().min(tb.hashes.len()).max(1);
            let span = |t: &Fingerprint, r: (usize, usize), d: &str| SourceSpan {
                doc: d.to_string(),
                span: Span::clamped(t.spans[r.0].start(), t.spans[r.1 - 1].end()),
            };
            copies.push(Copy {
                kind: CopyKind::SharedPassage,
                a: span(ta, ra, a),
                b: span(tb, rb, b),
                similarity: len as f64 / shorter as f64,
            });
        }
    }
    copies
}

/// Maximal runs of identical tokens, as token ranges in `a` and `b`, each at least
/// [`MIN_PASSAGE_WORDS`] long; runs separated by a small edit are joined.
fn shared_runs(a: &Fingerprint, b: &Fingerprint) -> Vec<((usize, usize), (usize, usize))> {
    // b's shingles sorted with their positions: the places each of a's shingles starts in b.
    let mut starts: Vec<(u64, usize)> = b.shingles.iter().copied().zip(0..).collect();
    starts.sort_unstable();
    let places = |s: u64| {
        let from = starts.partition_point(|&(h, _)| h < s);
        let to = starts.partition_point(|&(h, _)| h <= s);
        // Shingles repeated many times (tables, "Advertisement") would make extension cubic.
        (to > from && to - from <= MAX_SHINGLE_REPEATS).then(|| &starts[from..to])
    };
    let mut runs: Vec<((usize, usize), (usize, usize))> = Vec::new();
    let mut i = 0;
    while i < a.shingles.len() {
        let best = places(a.shingles[i]).and_then(|js| {
            js.iter()
                .map(|&(_, j)| {
                    let mut k = 0;
                    while i + k < a.hashes.len()
                        && j + k < b.hashes.len()
                        && a.hashes[i + k] == b.hashes[j + k]
                    {
                        k += 1;
                    }
                    (k, j)
                })
                .max()
        });
        match best {
            Some((k, j)) if k >= SHINGLE => {
                let joined = runs.last_mut().filter(|((_, ae), (_, be))| {
                    i >= *ae && i - *ae <= 3 && j >= *be && j - *be <= 3
                });
                match joined {
                    Some(last) => {
                        last.0 .1 = i + k;
                        last.1 .1 = j + k;
                    }
                    None => runs.push(((i, i + k), (j, j + k))),
                }
                i += k;
            }
            _ => i += 1,
        }
    }
    runs.retain(|(ra, _)| ra.1 - ra.0 >= MIN_PASSAGE_WORDS);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Alignment;
    use crate::model::SourceKind;

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.into(),
            source: id.into(),
            outlet: None,
            outlet_evidence: None,
            label: String::new(),
            title: None,
            author: None,
            published: None,
            url: None,
            kind: SourceKind::Text,
            charset: "UTF-8".into(),
            text: text.into(),
            source_text: String::new(),
            removed: vec![],
            repairs: vec![],
            sentences: vec![],
            alignment: Alignment::identity(text.len()),
            page_blocks: Vec::new(),
            sentence_terms: Default::default(),
        }
    }

    const WIRE: &str = "The central bank raised interest rates by half a point on Thursday, its largest increase in two decades, as officials moved to contain inflation that has reached a forty year high across the country.";

    #[test]
    fn finds_duplicates_near_duplicates_and_passages() {
        let edited = WIRE.replace("Thursday", "Friday");
        let lifted = format!("In other news, the weather was mild and markets were calm. {WIRE} Analysts expect further moves before the end of the year, several economists said.");
        let docs = vec![
            doc("a", WIRE),
            doc("b", WIRE),
            doc("c", &edited),
            doc("d", &lifted),
            doc("e", "Nothing in common here at all."),
        ];
        let copies = find_copies(&docs);
        let kind = |x: &str, y: &str| {
            copies
                .iter()
                .find(|c| c.a.doc == x && c.b.doc == y)
                .map(|c| c.kind)
        };
        assert_eq!(kind("a", "b"), Some(CopyKind::Duplicate));
        assert_eq!(kind("a", "c"), Some(CopyKind::NearDuplicate));
        assert_eq!(
            kind("a", "d"),
            Some(CopyKind::NearDuplicate),
            "one text wholly inside another"
        );
        assert!(copies.iter().all(|c| c.a.doc != "e" && c.b.doc != "e"));
        let passage = copies
            .iter()
            .find(|c| c.kind == CopyKind::NearDuplicate && c.b.doc == "d")
            .unwrap();
        assert!(passage.similarity > 0.0);
    }

    #[test]
    fn passage_spans_hold_the_same_words() {
        let x = format!("Opening words of one story that nobody else used today. {WIRE} And an ending of its own with more unrelated words to dilute it, about sports, weather, traffic and the local fair that opens next week in town.");
        let y = format!("A quite different opening paragraph about something else entirely, long enough to matter here. {WIRE} Then a different ending about the harvest, the rains, the election, the school board and the river festival downtown.");
        let docs = vec![doc("x", &x), doc("y", &y)];
        let copies = find_copies(&docs);
        let p = copies
            .iter()
            .find(|c| c.kind == CopyKind::SharedPassage)
            .expect("a shared passage");
        assert_eq!(
            &x[p.a.span.start()..p.a.span.end()],
            &y[p.b.span.start()..p.b.span.end()]
        );
        assert!(x[p.a.span.start()..p.a.span.end()].contains("central bank raised interest rates"));
    }
}
