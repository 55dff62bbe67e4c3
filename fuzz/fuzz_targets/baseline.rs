//! Any text as a baseline file: an error naming a position inside the text, or a baseline,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match termcheck::baseline::Baseline::parse(text, "baseline.txt") {
        Ok(baseline) => {
            let _ = baseline.len();
        }
        Err(e) => {
            if let Some(l) = e.location {
                assert!(l.byte_offset as usize <= text.len(), "{e:?}");
            }
        }
    }
});
