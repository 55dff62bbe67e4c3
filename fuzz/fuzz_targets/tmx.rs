//! Any bytes as TMX, with and without languages chosen: an error or segments, never a panic;
//! every location of every segment lies within the input and on its character boundaries.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use termcheck::formats::tmx::TmxReader;
use termcheck::formats::xml::sniff_encoding;
use termcheck::formats::LanguagePair;
use termcheck::location::TextEncoding;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, data)) = data.split_last() else {
        return;
    };
    let as_utf8 = matches!(sniff_encoding(data), Ok((TextEncoding::Utf8, _)));
    let mut languages = LanguagePair::default();
    if choice & 1 == 1 {
        languages.source = Some("zh".into());
        languages.target = Some("en".into());
    }
    if let Ok(reader) = TmxReader::new(data, languages) {
        common::check_segments(reader, data, common::utf8(data, as_utf8));
    }
});
