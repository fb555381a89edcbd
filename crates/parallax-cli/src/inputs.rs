//! The inputs of `analyze`, `extract` and `ingest`: paths read by the library, URLs fetched by
//! `parallax-fetch` (unless `--offline`), in the order the user gave them.

use parallax::ingest::{read_inputs, unique_ids, Batch, IngestOptions};
use parallax::model::Rejection;
use parallax_fetch::{is_url, FetchError, FetchOptions, Fetcher};

/// Reads every input: files, directories, globs and `-` as the library does, and web pages by
/// URL. A URL that gives no page is rejected with its reason, like a bad file.
pub fn read_all(inputs: &[String], opts: IngestOptions, offline: bool) -> Batch {
    let mut batch = Batch::default();
    let mut fetcher: Option<Fetcher> = None;
    // Runs of paths are read together (the library makes their ids unique); URLs one by one.
    let mut paths: Vec<String> = Vec::new();
    let flush = |paths: &mut Vec<String>, batch: &mut Batch| {
        if !paths.is_empty() {
            let read = read_inputs(paths, opts);
            batch.pages.extend(read.pages);
            batch.rejected.extend(read.rejected);
            paths.clear();
        }
    };
    for input in inputs {
        if !is_url(input) {
            paths.push(input.clone());
            continue;
        }
        flush(&mut paths, &mut batch);
        let fetched = if offline {
            Err(FetchError::Offline)
        } else {
            let fetcher = fetcher.get_or_insert_with(|| {
                Fetcher::new(FetchOptions {
                    max_bytes: opts.max_bytes,
                    ..FetchOptions::default()
                })
            });
            fetcher.page(input)
        };
        match fetched {
            Ok(page) => batch.pages.push(page),
            Err(e) => batch.rejected.push(Rejection {
                input: input.clone(),
                reason: e.to_string(),
            }),
        }
    }
    flush(&mut paths, &mut batch);
    unique_ids(&mut batch.pages);
    batch
}
