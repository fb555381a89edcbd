//! Dedup: copy relations between documents.
//!
//! Each document becomes a sequence of lower-cased word tokens and a set of hashed word
//! 5-gram shingles. Documents that share shingles are compared: the same token sequence is a
//! duplicate; a high shingle Jaccard (or one text almost wholly inside the other) is a
//! near-duplicate; otherwise each maximal run of at least [`MIN_PASSAGE_WORDS`] identical words
//! is a shared passage, with its spans in both documents. The earlier document (by publication
//! date, then by input order) is side `a`, so a report can say which copy came first.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};

use rustc_hash::FxHasher;

use crate::model::{Copy, CopyKind, Document, SourceSpan, Span};
use crate::segment::words;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Shortest run of identical words reported as a shared passage.
pub const MIN_PASSAGE_WORDS: usize = 15;
/// Shingle Jaccard from which two documents are near-duplicates.
pub const NEAR_DUPLICATE_JACCARD: f64 = 0.5;
/// Share of the shorter document's shingles inside the longer one that also makes a near-duplicate.
pub const NEAR_DUPLICATE_CONTAINMENT: f64 = 0.8;
/// Occurrences of one shingle in a document beyond which it is not used to anchor passages.
const MAX_SHINGLE_REPEATS: usize = 8;
/// Shingles found in more documents than this are too common to point at copies.
const MAX_SHINGLE_DOCS: usize = 64;

/// One document's tokens, ready for comparison.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    hashes: Vec<u64>,
    spans: Vec<Span>,
    shingles: Vec<u64>,
    unique: usize,
}

impl Fingerprint {
    /// The document's distinct shingle hashes, sorted.
    pub fn distinct_shingles(&self) -> Vec<u64> {
        let mut s = self.shingles.clone();
        s.sort_unstable();
        s.dedup();
        s
    }
}

fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = FxHasher::default();
    value.hash(&mut h);
    h.finish()
}

/// Tokenizes a document's cleaned text into word hashes and shingles.
pub fn fingerprint(text: &str) -> Fingerprint {
    let spans = words(text);
    let hashes: Vec<u64> = spans
        .iter()
        .map(|s| {
            let w: String = s
                .slice(text)
                .unwrap_or("")
                .chars()
                .flat_map(char::to_lowercase)
                .collect();
            hash_of(w.as_str())
        })
        .collect();
    let shingles = if hashes.len() < SHINGLE {
        if hashes.is_empty() {
            Vec::new()
        } else {
            vec![hash_of(&hashes[..])]
        }
    } else {
        hashes.windows(SHINGLE).map(hash_of).collect()
    };
    let unique = shingles.iter().collect::<HashSet<_>>().len();
    Fingerprint {
        hashes,
        spans,
        shingles,
        unique,
    }
}

/// True when `b` was published before `a`, so `b` is the earlier copy.
pub fn published_before(a: &Document, b: &Document) -> bool {
    matches!((&a.published, &b.published), (Some(x), Some(y)) if y < x)
}

/// An index of the shingles of the documents seen so far, to find a new document's copy
/// candidates without comparing it with every document.
#[derive(Debug, Default, Clone)]
pub struct CopyIndex {
    postings: HashMap<u64, Vec<u32>, BuildHasherDefault<FxHasher>>,
    distinct: Vec<usize>,
}

impl CopyIndex {
    /// An empty index.
    pub fn new() -> CopyIndex {
        CopyIndex::default()
    }

    /// Adds the next document's distinct shingles; documents are numbered from 0 in insertion order.
    pub fn insert(&mut self, doc: u32, distinct_shingles: &[u64]) {
        let at = doc as usize;
        if self.distinct.len() <= at {
            self.distinct.resize(at + 1, 0);
        }
        self.distinct[at] = distinct_shingles.len();
        for s in distinct_shingles {
            let list = self.postings.entry(*s).or_default();
            if list.len() <= MAX_SHINGLE_DOCS {
                list.push(doc);
            }
        }
    }

    /// Documents sharing enough shingles with these to be copies ([`worth_comparing`]), with
    /// the number shared, in document order.
    /// Shingles already held by more than [`MAX_SHINGLE_DOCS`] documents are too common to count.
    pub fn candidates(&self, distinct_shingles: &[u64]) -> Vec<(u32, usize)> {
        let mut shared: HashMap<u32, usize> = HashMap::new();
        for s in distinct_shingles {
            if let Some(list) = self.postings.get(s).filter(|l| l.len() < MAX_SHINGLE_DOCS) {
                for &d in list {
                    *shared.entry(d).or_default() += 1;
                }
            }
        }
        let mut out: Vec<(u32, usize)> = shared
            .into_iter()
            .filter(|&(d, common)| {
                let theirs = self.distinct.get(d as usize).copied().unwrap_or(0);
                worth_comparing(common, distinct_shingles.len(), theirs)
            })
            .collect();
        out.sort_unstable();
        out
    }
}

/// True when two documents with `distinct_a` and `distinct_b` distinct shingles, `common` of
/// them shared, can be copies at all: worth tokenizing both and comparing them.
pub fn worth_comparing(common: usize, distinct_a: usize, distinct_b: usize) -> bool {
    let jaccard = common as f64
        / (distinct_a + distinct_b - common.min(distinct_a + distinct_b)).max(1) as f64;
    let containment = common as f64 / distinct_a.min(distinct_b).max(1) as f64;
    common + SHINGLE > MIN_PASSAGE_WORDS
        || jaccard >= NEAR_DUPLICATE_JACCARD
        || containment >= NEAR_DUPLICATE_CONTAINMENT
}

/// Finds every copy relation among `docs`.
pub fn find_copies(docs: &[Document]) -> Vec<Copy> {
    let prints: Vec<Fingerprint> = docs.iter().map(|d| fingerprint(&d.text)).collect();
    let mut index = CopyIndex::new();
    let mut found: Vec<((u32, u32), Vec<Copy>)> = Vec::new();
    for (j, print) in prints.iter().enumerate() {
        let distinct = print.distinct_shingles();
        for (i, common) in index.candidates(&distinct) {
            let i = i as usize;
            let copies = if published_before(&docs[i], &docs[j]) {
                compare(&docs[j], &prints[j], &docs[i], &prints[i], common)
            } else {
                compare(&docs[i], &prints[i], &docs[j], &prints[j], common)
            };
            if !copies.is_empty() {
                found.push(((i as u32, j as u32), copies));
            }
        }
        index.insert(j as u32, &distinct);
    }
    found.sort_by_key(|(pair, _)| *pair);
    found.into_iter().flat_map(|(_, c)| c).collect()
}

/// The copy relations between two documents sharing `common` distinct shingles; `a` is the
/// earlier one.
pub fn compare(
    a: &Document,
    ta: &Fingerprint,
    b: &Document,
    tb: &Fingerprint,
    common: usize,
) -> Vec<Copy> {
    let mut copies = Vec::new();
    let (na, nb) = (ta.unique, tb.unique);
    let jaccard = common as f64 / (na + nb - common.min(na + nb)).max(1) as f64;
    let containment = common as f64 / na.min(nb).max(1) as f64;
    let whole = |t: &Fingerprint, d: &Document| match (t.spans.first(), t.spans.last()) {
        (Some(f), Some(l)) => SourceSpan {
            doc: d.id.clone(),
            start: f.start(),
            end: l.end(),
        },
        _ => SourceSpan {
            doc: d.id.clone(),
            start: 0,
            end: 0,
        },
    };
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
        for (ra, rb) in shared_runs(ta, tb) {
            let len = ra.1 - ra.0;
            let shorter = ta.hashes.len().min(tb.hashes.len()).max(1);
            let span = |t: &Fingerprint, r: (usize, usize), d: &Document| SourceSpan {
                doc: d.id.clone(),
                start: t.spans[r.0].start(),
                end: t.spans[r.1 - 1].end(),
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
    let mut starts: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, s) in b.shingles.iter().enumerate() {
        starts.entry(*s).or_default().push(j);
    }
    // Shingles repeated many times (tables, "Advertisement") would make extension cubic.
    starts.retain(|_, js| js.len() <= MAX_SHINGLE_REPEATS);
    let mut runs: Vec<((usize, usize), (usize, usize))> = Vec::new();
    let mut i = 0;
    while i < a.shingles.len() {
        let best = starts.get(&a.shingles[i]).and_then(|js| {
            js.iter()
                .map(|&j| {
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
        assert_eq!(&x[p.a.start..p.a.end], &y[p.b.start..p.b.end]);
        assert!(x[p.a.start..p.a.end].contains("central bank raised interest rates"));
    }
}
