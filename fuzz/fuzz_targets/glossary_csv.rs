//! Any bytes as a glossary file: decoded and parsed, an error or a glossary, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use termcheck::glossary::Glossary;
use termcheck::input::decode::decode_all;
use termcheck::matcher::TermMatcher;

fuzz_target!(|data: &[u8]| {
    let Ok((text, _)) = decode_all(data) else {
        return;
    };
    if let Ok(glossary) = Glossary::from_csv_text(&text, "fuzz.csv") {
        // A glossary that validates must also compile.
        let _ = TermMatcher::new(&glossary);
    }
});
