//! Any bytes as a TSV or CSV table of segments (the first byte picks the delimiter and the
//! columns): an error or segments, never a panic; every location of every segment lies within
//! the input and on its character boundaries.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use termcheck::formats::{read_segments, Column, Columns, FormatOptions, InputFormat};
use termcheck::input::decode::detect_encoding;
use termcheck::location::TextEncoding;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, data)) = data.split_last() else {
        return;
    };
    let format = if choice & 1 == 0 {
        InputFormat::Tsv
    } else {
        InputFormat::Csv
    };
    let mut options = FormatOptions::default();
    if choice & 2 == 2 {
        options.columns = Columns {
            source: Column::Position(1),
            target: Column::Position(2),
        };
    }
    let as_utf8 = detect_encoding(data).encoding == TextEncoding::Utf8;
    if let Ok(segments) = read_segments(format, Box::new(data), "fuzz", &options) {
        common::check_segments(segments, data, common::utf8(data, as_utf8));
    }
});
