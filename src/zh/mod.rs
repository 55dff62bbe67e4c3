//! The Chinese side: script folding, source terms, numbers, untranslated text.

pub mod numbers;
pub mod script;
pub mod source_terms;
pub mod untranslated;
