//! Any text: sentence segmentation never panics, and its sentences are non-empty spans in
//! order, without overlap, on character boundaries of the text; so are its words.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// Spans of `text` that must be non-empty, in order, without overlap, on character boundaries.
fn in_order(text: &str, spans: &[parallax::span::Span], what: &str) {
    let mut end = 0;
    for s in spans {
        assert!(s.start() >= end && s.start() < s.end(), "{what} out of order");
        assert!(text.get(s.start()..s.end()).is_some(), "{what} off a character boundary");
        end = s.end();
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    in_order(&text, &parallax::segment::sentences(&text), "sentences");
    in_order(&text, &parallax::segment::words(&text), "words");
});
