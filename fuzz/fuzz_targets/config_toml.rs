//! Any text as termcheck.toml: an error naming a position inside the text, or a configuration
//! that takes its defaults and builds its policy, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|text: &str| {
    match termcheck::config::parse(text, "termcheck.toml") {
        Ok(config) => {
            let config = config.with_defaults();
            let _ = config.rules_off();
            let _ = config.policy(Path::new("."));
        }
        Err(e) => {
            if let Some(l) = e.location {
                assert!(l.byte_offset as usize <= text.len(), "{e:?}");
            }
        }
    }
});
