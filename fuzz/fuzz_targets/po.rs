//! Any bytes as a PO file, with and without fuzzy entries: an error or segments, never a
//! panic; every location of every segment lies within the input (and on its character
//! boundaries when it is read as UTF-8).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use termcheck::formats::po::{read_po, PoOptions};
use termcheck::input::decode::detect_encoding;
use termcheck::location::TextEncoding;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, data)) = data.split_last() else {
        return;
    };
    let options = PoOptions {
        include_fuzzy: choice & 1 == 1,
    };
    // Read as UTF-8 when nothing says otherwise: no UTF-16 and no charset other than UTF-8.
    let head = String::from_utf8_lossy(&data[..data.len().min(8192)]).to_ascii_lowercase();
    let charset_utf8 = head
        .find("charset=")
        .is_none_or(|at| head[at + 8..].trim_start().starts_with("utf-8"));
    let as_utf8 = detect_encoding(data).encoding == TextEncoding::Utf8 && charset_utf8;
    if let Ok(segments) = read_po(data, options) {
        common::check_segments(
            segments.into_iter().map(Ok),
            data,
            common::utf8(data, as_utf8),
        );
    }
});
