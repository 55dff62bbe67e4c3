//! Decoding in chunks gives the same text, or the same error at the same offset, as decoding
//! the whole input at once, wherever the chunks are cut.
#![no_main]

use libfuzzer_sys::fuzz_target;
use termcheck::input::decode::{decode_all, detect_encoding, Decoder};

fuzz_target!(|data: &[u8]| {
    let Some((&cut, bytes)) = data.split_first() else {
        return;
    };
    let whole = decode_all(bytes);
    let detected = detect_encoding(bytes);
    let mut decoder = Decoder::new(detected.encoding, detected.bom_len as u64);
    let mut text = String::new();
    let body = &bytes[detected.bom_len..];
    let step = usize::from(cut).max(1);
    let mut result = Ok(());
    let mut chunks = body.chunks(step).peekable();
    if body.is_empty() {
        result = decoder.decode(&[], true, &mut text);
    }
    while let Some(chunk) = chunks.next() {
        let eof = chunks.peek().is_none();
        result = decoder.decode(chunk, eof, &mut text);
        if result.is_err() {
            break;
        }
    }
    match (whole, result) {
        (Ok((expected, _)), Ok(())) => assert_eq!(expected, text),
        (Err(a), Err(b)) => assert_eq!(a.byte_offset, b.byte_offset),
        (a, b) => panic!("whole: {a:?}, chunked: {b:?}"),
    }
});
