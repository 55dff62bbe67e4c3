//! Any bytes as a TBX glossary: an error or concepts, never a panic; every concept's location
//! lies within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use termcheck::glossary::{Glossary, GlossaryLanguages};

fuzz_target!(|data: &[u8]| {
    let Ok(concepts) = Glossary::tbx_concepts(data, "fuzz.tbx", &GlossaryLanguages::default())
    else {
        return;
    };
    for c in &concepts {
        assert!(c.location.byte_offset as usize <= data.len(), "{c:?}");
        for r in &c.renderings {
            assert!(r.location.byte_offset as usize <= data.len(), "{r:?}");
        }
    }
});
