//! Any bytes as a WARC file, plain or gzipped: records are read or rejected, never a panic, and
//! no page is over the size cap however much its gzip layers would grow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::ingest::warc::read_warc_from;
use parallax::ingest::{Batch, Content, IngestOptions};

fuzz_target!(|data: &[u8]| {
    let opts = IngestOptions {
        max_bytes: 64 * 1024,
    };
    let mut batch = Batch::default();
    read_warc_from(&mut batch, data, "fuzz.warc", "fuzz", opts);
    for page in &batch.pages {
        if let Content::Bytes(b) = &page.content {
            assert!(b.len() <= opts.max_bytes);
        }
    }
});
