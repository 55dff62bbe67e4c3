//! Any bytes as XLIFF (1.x and 2.x share one reader): an error or segments, never a panic;
//! every location of every segment lies within the input and on its character boundaries.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use termcheck::formats::xliff::XliffReader;
use termcheck::formats::xml::sniff_encoding;
use termcheck::location::TextEncoding;

fuzz_target!(|data: &[u8]| {
    let as_utf8 = matches!(sniff_encoding(data), Ok((TextEncoding::Utf8, _)));
    if let Ok(reader) = XliffReader::new(data) {
        common::check_segments(reader, data, common::utf8(data, as_utf8));
    }
});
