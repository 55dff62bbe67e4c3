//! Any bytes as JSON Lines: an error or segments, never a panic; every location of every
//! segment lies within the input and on its character boundaries.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use termcheck::formats::jsonl::JsonlReader;
use termcheck::formats::Fields;

fuzz_target!(|data: &[u8]| {
    let reader = JsonlReader::new(data, Fields::default());
    common::check_segments(reader, data, common::utf8(data, true));
});
