//! The glossaries under `glossaries/`, embedded at build time (see `build.rs`).

use super::GlossarySource;

include!(concat!(env!("OUT_DIR"), "/bundled_glossaries.rs"));

/// The default glossary: every bundled file, in name order.
pub fn bundled_glossaries() -> Vec<GlossarySource> {
    BUNDLED
        .iter()
        .map(|(name, text)| GlossarySource::Bundled {
            name: format!("bundled:{name}"),
            text,
        })
        .collect()
}
