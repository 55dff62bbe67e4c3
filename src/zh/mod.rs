//! The Chinese side: script folding, source terms, numbers, untranslated text.

pub mod numbers;
pub mod script;
pub mod source_terms;
pub mod untranslated;

/// Whether `c` is a Han ideograph: the unified blocks, their extensions and the compatibility
/// forms.
pub fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{3134f}')
}
