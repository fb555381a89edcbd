//! Copy index: the anchors of the documents seen so far, to find a new document's copy
//! candidates without comparing it with every document.
//!
//! Each anchor key keeps how many documents hold it and the first [`MAX_POSTINGS`] of them, so
//! the hundredth copy of a wire story still finds the earliest ones while the index stays
//! bounded. An anchor held by at most [`RARE_DOCS`] documents is rare: rare anchors point at
//! copies, common ones at boilerplate ("Breaking news emails…") or at a story copied widely,
//! which is still found by the share of anchors two documents have in common.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;

/// Documents an anchor may be held by and still count as rare.
pub const RARE_DOCS: u32 = 4;
/// Documents kept per anchor: the earliest ones.
pub const MAX_POSTINGS: usize = 32;
/// Shared anchors that make two documents worth comparing even when every one is common.
pub const LONG_RUN_ANCHORS: usize = 8;

const NONE: u32 = u32::MAX;

/// One anchor's entry: how many documents hold it, the first one and where the rest are.
#[derive(Debug, Clone, Copy)]
struct Entry {
    docs: u32,
    first: u32,
    more: u32,
}

/// A document that shares anchors with the one looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    /// Its number in insertion order.
    pub doc: u32,
    /// Distinct anchors shared.
    pub shared: usize,
    /// Of those, rare ones.
    pub rare: usize,
}

/// Anchor postings of the documents inserted so far.
#[derive(Debug, Default, Clone)]
pub struct CopyIndex {
    entries: HashMap<u32, Entry, BuildHasherDefault<FxHasher>>,
    overflow: Vec<Vec<u32>>,
    anchors_of: Vec<u32>,
}

impl CopyIndex {
    /// An empty index.
    pub fn new() -> CopyIndex {
        CopyIndex::default()
    }

    /// Notes one document holding these distinct anchor keys, so that they count towards how
    /// common each anchor is. Count a whole batch before inserting any of it to judge every
    /// document of the batch by the same counts; count each document once.
    pub fn count(&mut self, keys: &[u32]) {
        for &k in keys {
            self.entries
                .entry(k)
                .or_insert(Entry {
                    docs: 0,
                    first: NONE,
                    more: NONE,
                })
                .docs += 1;
        }
    }

    /// Adds the next document's distinct anchor keys (already [counted](CopyIndex::count));
    /// documents are numbered from 0 in insertion order.
    pub fn insert(&mut self, doc: u32, keys: &[u32]) {
        let at = doc as usize;
        if self.anchors_of.len() <= at {
            self.anchors_of.resize(at + 1, 0);
        }
        self.anchors_of[at] = keys.len() as u32;
        for &k in keys {
            let entry = self.entries.entry(k).or_insert(Entry {
                docs: 1,
                first: NONE,
                more: NONE,
            });
            if entry.first == NONE {
                entry.first = doc;
            } else if entry.more == NONE {
                entry.more = self.overflow.len() as u32;
                self.overflow.push(vec![doc]);
            } else {
                let list = &mut self.overflow[entry.more as usize];
                if list.len() + 1 < MAX_POSTINGS {
                    list.push(doc);
                }
            }
        }
    }

    /// True when at most [`RARE_DOCS`] documents hold the anchor.
    pub fn is_rare(&self, key: u32) -> bool {
        self.entries.get(&key).is_none_or(|e| e.docs <= RARE_DOCS)
    }

    /// Documents sharing enough anchors with these keys to be worth comparing
    /// ([`worth_comparing`]), in document order.
    pub fn candidates(&self, keys: &[u32]) -> Vec<Candidate> {
        let mut shared: HashMap<u32, (usize, usize), BuildHasherDefault<FxHasher>> =
            HashMap::default();
        for k in keys {
            let Some(entry) = self.entries.get(k) else {
                continue;
            };
            let rare = usize::from(entry.docs <= RARE_DOCS);
            let more = match entry.more {
                NONE => &[][..],
                i => &self.overflow[i as usize][..],
            };
            for &d in std::iter::once(&entry.first).chain(more) {
                if d != NONE {
                    let s = shared.entry(d).or_default();
                    s.0 += 1;
                    s.1 += rare;
                }
            }
        }
        let mut out: Vec<Candidate> = shared
            .into_iter()
            .map(|(doc, (shared, rare))| Candidate { doc, shared, rare })
            .filter(|c| {
                let theirs = self.anchors_of.get(c.doc as usize).copied().unwrap_or(0);
                worth_comparing(c, keys.len(), theirs as usize)
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// Documents inserted.
    pub fn len(&self) -> usize {
        self.anchors_of.len()
    }

    /// True when no document is inserted.
    pub fn is_empty(&self) -> bool {
        self.anchors_of.is_empty()
    }

    /// Bytes the index holds on the heap (table slots with their control bytes, posting lists,
    /// per-document counts).
    pub(crate) fn memory_bytes(&self) -> usize {
        let slot = std::mem::size_of::<(u32, Entry)>() + 1;
        self.entries.capacity() * slot
            + self.overflow.capacity() * std::mem::size_of::<Vec<u32>>()
            + self
                .overflow
                .iter()
                .map(|l| l.capacity() * 4)
                .sum::<usize>()
            + self.anchors_of.capacity() * 4
    }
}

/// True when a candidate sharing `c.shared` anchors (`c.rare` of them rare) with a document of
/// `mine` anchors, itself holding `theirs`, can be a copy: half of the smaller one's anchors
/// shared (a near-duplicate or one inside the other), two rare anchors (a passage nobody else
/// carries), or a long run of common ones.
pub fn worth_comparing(c: &Candidate, mine: usize, theirs: usize) -> bool {
    c.shared * 2 >= mine.min(theirs).max(1) || c.rare >= 2 || c.shared >= LONG_RUN_ANCHORS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_need_rare_or_many_shared_anchors() {
        let mut index = CopyIndex::new();
        let boiler = [1, 2, 3];
        // Ten documents share a three-anchor boilerplate line, each with its own body.
        for d in 0..10u32 {
            let keys: Vec<u32> = boiler
                .iter()
                .copied()
                .chain((0..20).map(|i| 100 + d * 100 + i))
                .collect();
            index.count(&keys);
            index.insert(d, &keys);
        }
        let mut copy: Vec<u32> = (0..20).map(|i| 100 + 3 * 100 + i).collect();
        copy.extend(boiler);
        index.count(&copy);
        let found = index.candidates(&copy);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].doc, 3);
        assert!(!index.is_rare(1));
        assert!(index.is_rare(305));
    }

    #[test]
    fn postings_keep_the_earliest_documents() {
        let mut index = CopyIndex::new();
        for d in 0..100u32 {
            index.count(&[7]);
            index.insert(d, &[7]);
        }
        let found = index.candidates(&[7]);
        assert_eq!(found.len(), MAX_POSTINGS);
        assert_eq!(found[0].doc, 0);
        assert!(index.memory_bytes() > 0);
    }
}
