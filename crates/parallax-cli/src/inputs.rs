//! The inputs of `analyze`, `extract` and `ingest`: paths read by the library, URLs fetched by
//! `parallax-fetch` (unless `--offline`), in the order the user gave them. A URL of a feed, a
//! sitemap or a sitemap index stands for every article it lists.

use parallax::ingest::{read_inputs_into, unique_ids, Batch, IngestOptions};
use parallax::model::Rejection;
use parallax_fetch::{is_url, FetchError, FetchOptions, Fetcher};

/// Reads every input: files, directories, globs and `-` as the library does, and web pages by
/// URL (a listing's articles not fetched when `known` says they are stored already). A URL that
/// gives no page is rejected with its reason, like a bad file.
pub fn read_all(
    inputs: &[String],
    opts: IngestOptions,
    offline: bool,
    known: &dyn Fn(&str) -> bool,
) -> Batch {
    let mut batch = Batch::default();
    read_all_into(&mut batch, inputs, opts, offline, known);
    unique_ids(&mut batch.pages);
    batch
}

/// Reads every input as [`read_all`] does, into `batch`, which may be streaming (then the
/// pages go on to its receiver as they are read, and their ids are left to it to make unique).
pub fn read_all_into(
    batch: &mut Batch,
    inputs: &[String],
    opts: IngestOptions,
    offline: bool,
    known: &dyn Fn(&str) -> bool,
) {
    let mut fetcher: Option<Fetcher> = None;
    // Runs of paths are read together (the library makes their ids unique); URLs one by one.
    let mut paths: Vec<String> = Vec::new();
    let flush = |paths: &mut Vec<String>, batch: &mut Batch| {
        if !paths.is_empty() {
            read_inputs_into(batch, paths, opts);
            paths.clear();
        }
    };
    for input in inputs {
        if !is_url(input) {
            paths.push(input.clone());
            continue;
        }
        flush(&mut paths, batch);
        if offline {
            batch.rejected.push(Rejection {
                input: input.clone(),
                reason: FetchError::Offline.to_string(),
            });
            continue;
        }
        let fetcher = fetcher.get_or_insert_with(|| {
            Fetcher::new(FetchOptions {
                max_bytes: opts.max_bytes,
                ..FetchOptions::default()
            })
        });
        let fetched = fetcher.pages(input, known);
        for page in fetched.pages {
            batch.push(page);
        }
        batch
            .rejected
            .extend(fetched.failed.into_iter().map(|(url, e)| Rejection {
                input: url,
                reason: e.to_string(),
            }));
    }
    flush(&mut paths, batch);
}
