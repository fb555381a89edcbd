//! Guard: the one place a panic is caught, at the edge of a batch.
//!
//! A panic is a bug, and Parallax prevents panics (checked indexing and slicing, fuzz targets
//! for every stage that reads untrusted text) rather than catching them page by page. Yet a bug
//! that one page trips must not lose everything else the user gave: each way Parallax is driven
//! (`analyze`, the store's ingest and refresh, the Python bindings) runs a batch's per-item work
//! through [`isolate`]. The batch runs whole, under one guard; only when it panics is it run
//! again one item at a time, so that the item that trips the bug is named in an error of its
//! own and every other item is processed as usual.
//!
//! The panic's message is printed by Rust's panic hook on standard error, where the batch met
//! it and again when the item runs alone; a user who reports the bug has it there.

use std::panic::{catch_unwind, AssertUnwindSafe};

use rayon::prelude::*;

/// Runs `run` on the whole of `items`, which gives one result per item in order. If it panics,
/// each item is run again alone (on every core), and an item whose own run panics gets
/// `failed(item)` as its result; the others get what `run` gives them. The results keep the
/// items' order.
///
/// `run` must compute each item's result from that item alone, so that running an item again
/// gives what the whole batch would have given it.
pub fn isolate<T, R>(
    items: &[T],
    run: impl Fn(&[T]) -> Vec<R> + Sync,
    failed: impl Fn(&T) -> R + Sync,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    let whole = catch_unwind(AssertUnwindSafe(|| run(items)));
    match (whole, items) {
        // One result per item, as `run` promises (else each item is run alone, below).
        (Ok(out), _) if out.len() == items.len() => return out,
        // A batch of one that panicked has met its bug already.
        (Err(_), [item]) => return vec![failed(item)],
        _ => {}
    }
    items
        .par_iter()
        .map(|item| {
            catch_unwind(AssertUnwindSafe(|| run(std::slice::from_ref(item))))
                .ok()
                .filter(|one| one.len() == 1)
                .and_then(|mut one| one.pop())
                .unwrap_or_else(|| failed(item))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Doubles each number; panics on 13, the stand-in for a bug one input trips.
    fn doubled(items: &[u32]) -> Vec<Result<u32, String>> {
        items
            .iter()
            .map(|&n| {
                assert!(n != 13, "unlucky input");
                Ok(n * 2)
            })
            .collect()
    }

    #[test]
    fn a_batch_without_a_bug_runs_once_whole() {
        let runs = std::sync::atomic::AtomicUsize::new(0);
        let out = isolate(
            &[1, 2, 3],
            |items| {
                runs.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                doubled(items)
            },
            |n| Err(format!("failed on {n}")),
        );
        assert_eq!(out, vec![Ok(2), Ok(4), Ok(6)]);
        assert_eq!(runs.into_inner(), 1);
    }

    #[test]
    fn the_item_that_panics_is_named_and_the_rest_are_kept_in_order() {
        let out = isolate(&[4, 13, 5], doubled, |n| Err(format!("failed on {n}")));
        assert_eq!(out, vec![Ok(8), Err("failed on 13".to_string()), Ok(10)]);
    }

    #[test]
    fn a_batch_of_one_that_panics_runs_once() {
        let runs = std::sync::atomic::AtomicUsize::new(0);
        let out = isolate(
            &[13],
            |items| {
                runs.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                doubled(items)
            },
            |n| Err(format!("failed on {n}")),
        );
        assert_eq!(out, vec![Err("failed on 13".to_string())]);
        assert_eq!(runs.into_inner(), 1);
    }

    #[test]
    fn a_run_that_drops_a_result_is_run_item_by_item() {
        // A run that loses the last result of a batch of more than one.
        let lossy = |items: &[u32]| {
            let mut out = doubled(items);
            if items.len() > 1 {
                out.pop();
            }
            out
        };
        let out = isolate(&[1, 2, 3], lossy, |n| Err(format!("failed on {n}")));
        assert_eq!(out, vec![Ok(2), Ok(4), Ok(6)]);
    }

    #[test]
    fn an_empty_batch_gives_nothing() {
        let out = isolate(&[], doubled, |n| Err(format!("failed on {n}")));
        assert!(out.is_empty());
    }
}
