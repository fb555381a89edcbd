//! Stream: copies and stories for documents that arrive one after another.
//!
//! What a document needs of itself alone (its fingerprint, anchor keys and term counts) is its
//! [`Signature`], computed on any thread; [`sign_all`] uses every core. The [`Linker`] then
//! takes the documents in arrival order: the copy index gives each one's candidate copies among
//! the documents before it, their text is fetched and compared word by word, and the document
//! joins a story (a copy relation is a join by itself). A batch's anchors are
//! [counted](Linker::count) before any of it is linked, so every document of the batch is
//! judged by the same counts. [`Linker::link_stream`] runs the two sides as a pipeline: the
//! copy side (signing, counting, indexing, comparing) works ahead on a thread of its own, using
//! every core, while the calling thread assigns the stories in arrival order.

use crate::cluster::{term_counts_of, ClusterInput, StoryClusterer, TermCounts};
use crate::dedup::{
    compare_with_earlier, compare_with_earlier_print, fingerprint, CopyIndex, Fingerprint,
};
use crate::model::{Assignment, Copy};

/// What copy detection and clustering need of one document, computed from it alone.
#[derive(Debug, Clone)]
pub struct Signature {
    /// Its words, shingles and anchors.
    pub print: Fingerprint,
    /// Its distinct anchor keys.
    pub keys: Vec<u32>,
    /// Its term counts.
    pub counts: TermCounts,
}

/// Signs one document.
pub fn sign(title: Option<&str>, text: &str) -> Signature {
    let print = fingerprint(text);
    let keys = print.anchor_keys();
    let counts = term_counts_of(&print, title, text);
    Signature {
        print,
        keys,
        counts,
    }
}

/// Signs every item on every core, keeping their order; `fields` gives an item's title and text.
pub(crate) fn sign_all<T: Sync>(
    items: &[T],
    fields: impl Fn(&T) -> (Option<&str>, &str) + Sync,
) -> Vec<Signature> {
    on_every_core(items.len(), |i| {
        let (title, text) = fields(&items[i]);
        sign(title, text)
    })
}

/// `f` of 0..n, computed on every core, in order. The work runs on rayon's pool, whose threads
/// live on between calls: their stem caches and allocator heaps stay warm from batch to batch.
fn on_every_core<R: Send>(n: usize, f: impl Fn(usize) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    (0..n).into_par_iter().with_min_len(16).map(f).collect()
}

/// The ids of the other documents in a document's copy relations.
pub(crate) fn copied_from<'a>(copies: &'a [Copy], id: &str) -> Vec<&'a str> {
    copies
        .iter()
        .map(|c| {
            if c.a.doc == id {
                c.b.doc.as_str()
            } else {
                c.a.doc.as_str()
            }
        })
        .collect()
}

/// A document arriving in the stream.
#[derive(Debug, Clone, Copy)]
pub struct Arrival<'a> {
    /// Its id, unique in the stream.
    pub id: &'a str,
    /// Its title.
    pub title: Option<&'a str>,
    /// Its publication date or time (`YYYY-MM-DD…`).
    pub published: Option<&'a str>,
}

/// An earlier document's text and publication date, fetched to compare it with a new one.
#[derive(Debug, Clone)]
pub struct Earlier {
    /// Its cleaned text.
    pub text: String,
    /// Its publication date or time.
    pub published: Option<String>,
}

/// Where a document went.
#[derive(Debug, Clone)]
pub struct Linked {
    /// Its copy relations with earlier documents.
    pub copies: Vec<Copy>,
    /// The story it joined, as the clusterer numbers them.
    pub story: usize,
    /// Why it joined that story.
    pub assignment: Assignment,
}

/// The batch being linked: its documents and signatures, from arrival position `base` on.
struct Batch<'b, 'a> {
    base: u32,
    docs: &'b [(Arrival<'a>, &'a str)],
    signatures: &'b [Signature],
}

impl<'a> Batch<'_, 'a> {
    /// The batch's document at an arrival position, with its fingerprint.
    fn get(&self, position: u32) -> Option<(Arrival<'a>, &Fingerprint)> {
        let k = position.checked_sub(self.base)? as usize;
        Some((self.docs.get(k)?.0, &self.signatures.get(k)?.print))
    }
}

/// The copy side of a [`Linker`]: the copy index over the documents seen so far.
#[derive(Debug, Default)]
pub struct CopyFinder {
    /// Anchors of every document, by position in arrival order.
    pub index: CopyIndex,
    /// Document ids by position in arrival order.
    pub ids: Vec<String>,
    /// Candidate pairs found so far, each compared word by word.
    pub comparisons: u64,
}

impl CopyFinder {
    /// Takes the next document into the copy index; returns the positions of the earlier
    /// documents worth comparing with it.
    fn enter(&mut self, id: &str, signature: &Signature) -> Vec<u32> {
        let candidates = self
            .index
            .candidates(&signature.keys)
            .into_iter()
            .map(|c| c.doc)
            .collect::<Vec<u32>>();
        self.index.insert(self.ids.len() as u32, &signature.keys);
        self.ids.push(id.to_string());
        self.comparisons += candidates.len() as u64;
        candidates
    }

    /// Compares a document with its candidate copies word by word.
    fn verify(
        &self,
        doc: Arrival,
        signature: &Signature,
        candidates: &[u32],
        fetch: &mut dyn FnMut(u32) -> Option<Earlier>,
        batch: Option<&Batch>,
    ) -> Vec<Copy> {
        let rare = |key: u32| self.index.is_rare(key);
        let mut copies = Vec::new();
        for &position in candidates {
            // A candidate of the same batch is compared by the fingerprint already made.
            if let Some((earlier, print)) = batch.and_then(|b| b.get(position)) {
                copies.extend(compare_with_earlier_print(
                    (doc.id, doc.published, &signature.print),
                    (earlier.id, earlier.published, print),
                    &rare,
                ));
                continue;
            }
            let Some(earlier) = fetch(position) else {
                continue;
            };
            copies.extend(compare_with_earlier(
                (doc.id, doc.published, &signature.print),
                (
                    &self.ids[position as usize],
                    earlier.published.as_deref(),
                    &earlier.text,
                ),
                &rare,
            ));
        }
        copies
    }

    /// Enters the documents of `batch` at `part` (indices in the batch) in arrival order and
    /// compares each with its candidates on every core.
    fn find(
        &mut self,
        batch: &Batch,
        part: std::ops::Range<usize>,
        fetch: &(dyn Fn(u32) -> Option<Earlier> + Sync),
    ) -> Vec<Vec<Copy>> {
        let docs = &batch.docs[part.clone()];
        let signatures = &batch.signatures[part];
        let candidates: Vec<Vec<u32>> = docs
            .iter()
            .zip(signatures)
            .map(|((doc, _), signature)| self.enter(doc.id, signature))
            .collect();
        let this = &*self;
        on_every_core(docs.len(), |k| {
            let mut fetch_one = |p: u32| fetch(p);
            this.verify(
                docs[k].0,
                &signatures[k],
                &candidates[k],
                &mut fetch_one,
                Some(batch),
            )
        })
    }

    /// The copy side of [`Linker::link_stream`]: signs, counts, enters and compares `docs` in
    /// batches of `batch`, handing each `part` documents compared to the story side through
    /// `send`. Returns the seconds it was busy (its waits for the story side left out).
    fn work_ahead(
        &mut self,
        docs: &[(Arrival, &str)],
        (batch, part): (usize, usize),
        fetch: &(dyn Fn(u32) -> Option<Earlier> + Sync),
        send: &std::sync::mpsc::SyncSender<Found>,
    ) -> f64 {
        let started = std::time::Instant::now();
        let mut waiting = std::time::Duration::ZERO;
        'stream: for from in (0..docs.len()).step_by(batch) {
            let batch_docs = &docs[from..(from + batch).min(docs.len())];
            let mut signatures = sign_all(batch_docs, |(doc, text)| (doc.title, *text));
            for signature in &signatures {
                self.index.count(&signature.keys);
            }
            // The story side needs only the term counts, which comparing does not read.
            let mut counts: std::collections::VecDeque<TermCounts> = signatures
                .iter_mut()
                .map(|s| std::mem::take(&mut s.counts))
                .collect();
            let compared = Batch {
                base: self.ids.len() as u32,
                docs: batch_docs,
                signatures: &signatures,
            };
            for at in (0..batch_docs.len()).step_by(part) {
                let end = (at + part).min(batch_docs.len());
                let found = Found {
                    from: from + at,
                    copies: self.find(&compared, at..end, fetch),
                    counts: counts.drain(..end - at).collect(),
                    index_bytes: self.index.memory_bytes(),
                };
                let handed = std::time::Instant::now();
                let sent = send.send(found);
                waiting += handed.elapsed();
                if sent.is_err() {
                    // The story side stopped (it panicked): so does this side.
                    break 'stream;
                }
            }
        }
        (started.elapsed() - waiting).as_secs_f64()
    }
}

/// Copy index and story clusterer over the documents seen so far.
#[derive(Debug, Default)]
pub struct Linker {
    /// The copy index.
    pub copies: CopyFinder,
    /// The stories.
    pub clusterer: StoryClusterer,
}

/// What [`Linker::link_stream`] reports after each part of the stream.
pub struct Progress<'a> {
    /// Arrival position of the part's first document.
    pub from: usize,
    /// The part's documents, linked, in arrival order.
    pub linked: Vec<Linked>,
    /// The copy index's heap bytes once the part was entered (with its whole batch's anchors
    /// already counted, so exact per document only at the end of a batch).
    pub index_bytes: usize,
    /// The stories with the part assigned.
    pub clusterer: &'a StoryClusterer,
}

/// Seconds each side of [`Linker::link_stream`] was busy.
#[derive(Debug, Clone, Copy, Default)]
pub struct Busy {
    /// Signing, counting, indexing and comparing (on every core), waits for the story side left
    /// out.
    pub copies: f64,
    /// Assigning to stories (on one core).
    pub stories: f64,
}

/// Documents a [`Linker::link_stream`] part holds: the copy side hands parts of a batch to the
/// story side as they are compared, so the two overlap within a batch too.
const PART: usize = 1024;

impl Linker {
    /// An empty linker.
    pub fn new() -> Linker {
        Linker::default()
    }

    /// Documents linked or restored so far; the next one takes this arrival position.
    pub fn len(&self) -> usize {
        self.copies.ids.len()
    }

    /// True before any document was linked or restored.
    pub fn is_empty(&self) -> bool {
        self.copies.ids.is_empty()
    }

    /// Takes back a document linked before (by another run, into a store) in the story it was
    /// given, counting its anchors, so documents linked after it are compared with it and
    /// stories keep their numbers.
    pub fn restore(&mut self, doc: Arrival, text: &str, story: usize) {
        self.clusterer.restore(
            &ClusterInput {
                id: doc.id,
                title: doc.title,
                text,
                date: doc.published,
                copies_of: Vec::new(),
                counts: None,
            },
            story,
        );
        let keys = fingerprint(text).anchor_keys();
        self.copies.index.count(&keys);
        self.copies.index.insert(self.len() as u32, &keys);
        self.copies.ids.push(doc.id.to_string());
    }

    /// The arrival positions of the documents already linked that [`Linker::link_batch`] of a
    /// batch with these signatures may compare with, in order: what its `fetch` must give (the
    /// batch's own documents are compared by their signatures).
    pub fn earlier_candidates(&self, signatures: &[Signature]) -> Vec<u32> {
        let mut positions: Vec<u32> = signatures
            .iter()
            .flat_map(|s| self.copies.index.candidates(&s.keys))
            .map(|c| c.doc)
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions
    }

    /// Counts a document's anchors towards how common each is; call it once per document,
    /// before [`Linker::link`] (for a batch, for all of it first).
    pub fn count(&mut self, signature: &Signature) {
        self.copies.index.count(&signature.keys);
    }

    /// Finds the copies of the next document among the earlier ones, whose text `fetch` gives
    /// by position (`None` for one no longer available), and assigns it to a story.
    pub fn link(
        &mut self,
        doc: Arrival,
        text: &str,
        signature: &Signature,
        fetch: &mut dyn FnMut(u32) -> Option<Earlier>,
    ) -> Linked {
        let candidates = self.copies.enter(doc.id, signature);
        let copies = self.copies.verify(doc, signature, &candidates, fetch, None);
        assign(&mut self.clusterer, doc, text, &signature.counts, copies)
    }

    /// [`Linker::link`] for a batch of documents in arrival order, comparing candidate copies on
    /// every core; the batch's own documents are compared by their signatures, so `fetch` is
    /// asked only for documents linked before the batch ([`Linker::earlier_candidates`] lists
    /// them). The result is the one linking them one by one gives.
    pub fn link_batch(
        &mut self,
        docs: &[(Arrival, &str)],
        signatures: &[Signature],
        fetch: &(dyn Fn(u32) -> Option<Earlier> + Sync),
    ) -> Vec<Linked> {
        let batch = Batch {
            base: self.copies.ids.len() as u32,
            docs,
            signatures,
        };
        let copies = self.copies.find(&batch, 0..docs.len(), fetch);
        docs.iter()
            .zip(signatures)
            .zip(copies)
            .map(|(((doc, text), signature), copies)| {
                assign(&mut self.clusterer, *doc, text, &signature.counts, copies)
            })
            .collect()
    }

    /// Signs and links a whole stream in batches of `batch` documents, as signing each batch
    /// with [`sign_all`], [counting](Linker::count) it and [linking](Linker::link_batch) it
    /// does, with the same result; but the copy side runs on a thread of its own, signing and
    /// comparing the documents ahead while the calling thread assigns stories. `report` is
    /// called on the calling thread, in arrival order, with each part linked.
    pub fn link_stream(
        &mut self,
        docs: &[(Arrival, &str)],
        batch: usize,
        fetch: &(dyn Fn(u32) -> Option<Earlier> + Sync),
        report: &mut dyn FnMut(Progress),
    ) -> Busy {
        self.link_stream_in_parts(docs, batch, PART, fetch, report)
    }

    /// [`Linker::link_stream`], handing the story side `part` documents at a time.
    fn link_stream_in_parts(
        &mut self,
        docs: &[(Arrival, &str)],
        batch: usize,
        part: usize,
        fetch: &(dyn Fn(u32) -> Option<Earlier> + Sync),
        report: &mut dyn FnMut(Progress),
    ) -> Busy {
        let (batch, part_size) = (batch.max(1), part.max(1));
        let Linker { copies, clusterer } = self;
        let (send, receive) = std::sync::mpsc::sync_channel::<Found>(4);
        std::thread::scope(|scope| {
            let copy_side =
                scope.spawn(move || copies.work_ahead(docs, (batch, part_size), fetch, &send));
            let mut stories_busy = 0.0;
            for found in receive {
                let started = std::time::Instant::now();
                let linked: Vec<Linked> = found
                    .copies
                    .into_iter()
                    .zip(&found.counts)
                    .enumerate()
                    .map(|(k, (copies, counts))| {
                        let (doc, text) = docs[found.from + k];
                        assign(clusterer, doc, text, counts, copies)
                    })
                    .collect();
                stories_busy += started.elapsed().as_secs_f64();
                report(Progress {
                    from: found.from,
                    linked,
                    index_bytes: found.index_bytes,
                    clusterer,
                });
            }
            // A panic on the copy side ends the stream early: it must not pass for the end.
            let copies_busy = copy_side
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            Busy {
                copies: copies_busy,
                stories: stories_busy,
            }
        })
    }
}

/// A part of the stream the copy side has compared, handed to the story side.
struct Found {
    from: usize,
    copies: Vec<Vec<Copy>>,
    counts: Vec<TermCounts>,
    index_bytes: usize,
}

/// Assigns a document, with its copies, to a story.
fn assign(
    clusterer: &mut StoryClusterer,
    doc: Arrival,
    text: &str,
    counts: &TermCounts,
    copies: Vec<Copy>,
) -> Linked {
    let copies_of = copied_from(&copies, doc.id);
    let (story, assignment) = clusterer.add(&ClusterInput {
        id: doc.id,
        title: doc.title,
        text,
        date: doc.published,
        copies_of,
        counts: Some(counts),
    });
    Linked {
        copies,
        story,
        assignment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CopyKind;

    #[test]
    fn a_copy_is_found_and_joins_its_originals_story() {
        let texts = [
            "The central bank raised interest rates by half a point on Thursday, its largest increase in two decades, as officials moved to contain inflation that has reached a forty year high.",
            "The chess olympiad opened in Budapest with teams from ninety countries competing for the gold medals over two weeks of play in the old city.",
            "The central bank raised interest rates by half a point on Friday, its largest increase in two decades, as officials moved to contain inflation that has reached a forty year high.",
        ];
        let signatures = sign_all(&texts, |t| (None, t));
        let mut linker = Linker::new();
        for s in &signatures {
            linker.count(s);
        }
        let mut linked = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let id = format!("d{i}");
            let mut fetch = |p: u32| {
                Some(Earlier {
                    text: texts[p as usize].to_string(),
                    published: None,
                })
            };
            let doc = Arrival {
                id: &id,
                title: None,
                published: None,
            };
            linked.push(linker.link(doc, text, &signatures[i], &mut fetch));
        }
        assert!(linked[0].copies.is_empty() && linked[1].copies.is_empty());
        assert_eq!(linked[2].copies.len(), 1);
        assert_eq!(linked[2].copies[0].kind, CopyKind::NearDuplicate);
        assert_eq!(linked[2].copies[0].a.doc, "d0");
        assert_eq!(linked[2].story, linked[0].story);
        assert_ne!(linked[1].story, linked[0].story);
    }

    #[test]
    fn linking_a_batch_gives_what_linking_one_by_one_gives() {
        let wire = "Officials in the port city said on Monday that the new container terminal would open next spring after three years of delays caused by funding disputes and a long legal fight with residents.";
        let texts: Vec<String> = vec![
            wire.to_string(),
            format!("Local brief. {wire} More news follows in the evening edition with sports and weather."),
            "A quiet day in the markets as traders waited for the central bank decision due later this week.".to_string(),
            wire.replace("Monday", "Tuesday"),
            format!("{wire} {wire}"),
        ];
        let signatures = sign_all(&texts, |t| (None, t.as_str()));
        let ids: Vec<String> = (0..texts.len()).map(|i| format!("d{i}")).collect();
        let arrival = |i: usize| Arrival {
            id: &ids[i],
            title: None,
            published: None,
        };
        let earlier = |p: u32| {
            Some(Earlier {
                text: texts[p as usize].clone(),
                published: None,
            })
        };
        let mut one_by_one = Linker::new();
        let mut batched = Linker::new();
        for s in &signatures {
            one_by_one.count(s);
            batched.count(s);
        }
        let singles: Vec<Linked> = (0..texts.len())
            .map(|i| one_by_one.link(arrival(i), &texts[i], &signatures[i], &mut |p| earlier(p)))
            .collect();
        let batch: Vec<(Arrival, &str)> = (0..texts.len())
            .map(|i| (arrival(i), texts[i].as_str()))
            .collect();
        let together = batched.link_batch(&batch, &signatures, &earlier);
        assert!(singles.iter().map(|l| l.copies.len()).sum::<usize>() >= 4);
        for (a, b) in singles.iter().zip(&together) {
            assert_eq!(a.copies, b.copies);
            assert_eq!(a.story, b.story);
            assert_eq!(a.assignment, b.assignment);
        }
        // The pipelined stream, in batches of two, gives what linking batch by batch gives.
        let mut by_batches = Linker::new();
        let mut expected = Vec::new();
        for from in (0..texts.len()).step_by(2) {
            let to = (from + 2).min(texts.len());
            for s in &signatures[from..to] {
                by_batches.count(s);
            }
            expected.extend(by_batches.link_batch(
                &batch[from..to],
                &signatures[from..to],
                &earlier,
            ));
        }
        for part in [1, 2, PART] {
            let mut streamed = Linker::new();
            let mut got: Vec<Linked> = Vec::new();
            streamed.link_stream_in_parts(&batch, 2, part, &earlier, &mut |progress| {
                assert_eq!(progress.from, got.len());
                got.extend(progress.linked);
            });
            assert_eq!(got.len(), expected.len());
            for (a, b) in expected.iter().zip(&got) {
                assert_eq!(a.copies, b.copies);
                assert_eq!(a.story, b.story);
                assert_eq!(a.assignment, b.assignment);
            }
            assert_eq!(streamed.copies.comparisons, by_batches.copies.comparisons);
        }
    }
}
