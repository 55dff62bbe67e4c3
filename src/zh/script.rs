//! Folding Traditional Chinese characters to Simplified ones, with a map back to the input.
//!
//! Glossary source terms and source text are both folded, so one automaton finds `工會` in
//! Simplified text for a Traditional glossary and `工会` in Traditional text for a Simplified
//! one. The fold is character by character (OpenCC's `TSCharacters` table, the first candidate
//! of each character): phrase-level conversion (`計畫` → `计划`) would change lengths and
//! depend on context, and a term must fold the same way alone as inside a sentence.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::normalize::{normalize, Normalized};

/// The Simplified form of `c`, or `c` itself when it has none.
pub fn simplified(c: char) -> char {
    if !is_han(c) {
        return c;
    }
    table().get(&c).copied().unwrap_or(c)
}

/// CJK unified ideographs and their extension A and compatibility blocks: the characters the
/// conversion table covers.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

fn table() -> &'static HashMap<char, char> {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let cc = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s)
            .expect("the built-in t2s configuration loads");
        let mut table = HashMap::new();
        let blocks = ['\u{3400}'..='\u{4dbf}', '\u{4e00}'..='\u{9fff}'];
        // One call over every character of a block, one per line, so phrases never form:
        // the result is the character table alone.
        for block in blocks {
            let chars: Vec<char> = block.collect();
            let mut input = String::with_capacity(chars.len() * 4);
            for &c in &chars {
                input.push(c);
                input.push('\n');
            }
            let output = cc.convert(&input);
            let lines: Vec<&str> = output.split('\n').collect();
            if lines.len() != chars.len() + 1 {
                continue;
            }
            for (&c, line) in chars.iter().zip(&lines) {
                let mut it = line.chars();
                if let (Some(s), None) = (it.next(), it.next()) {
                    if s != c {
                        table.insert(c, s);
                    }
                }
            }
        }
        table
    })
}

/// Text normalized for source-term matching: NFKC, whitespace folded, Latin letters
/// case-folded, Traditional characters folded to Simplified.
#[derive(Debug, Clone, Default)]
pub struct FoldedText {
    /// The folded text.
    pub text: String,
    norm: Normalized,
    /// For each folded byte, the byte of `norm.text` it came from.
    starts: Vec<u32>,
}

impl FoldedText {
    /// The span of `original` that produced the folded byte range `range` (non-empty).
    pub fn original_span(&self, range: Range<usize>, original: &str) -> Range<usize> {
        let start = self.starts[range.start] as usize;
        let last = self.starts[range.end - 1] as usize;
        let last_len = self.norm.text[last..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        self.norm.original_span(start..last + last_len, original)
    }
}

/// Normalizes and folds `original` (see [`FoldedText`]).
pub fn fold(original: &str) -> FoldedText {
    let norm = normalize(original, true);
    let mut text = String::with_capacity(norm.text.len());
    let mut starts = Vec::with_capacity(norm.text.len());
    for (i, c) in norm.text.char_indices() {
        let s = simplified(c);
        text.push(s);
        starts.extend(std::iter::repeat_n(i as u32, s.len_utf8()));
    }
    FoldedText { text, norm, starts }
}

/// The folded form of a glossary source term (what [`fold`] makes of it).
pub fn fold_key(term: &str) -> String {
    fold(term).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_folds_to_simplified() {
        let cases = [
            ("中華全國總工會", "中华全国总工会"),
            ("勞動模範", "劳动模范"),
            ("中华全国总工会", "中华全国总工会"),
            ("工會ＡＰＥＣ", "工会apec"),
            ("職工　代表", "职工 代表"),
        ];
        for (input, expected) in cases {
            assert_eq!(fold_key(input), expected, "{input}");
        }
    }

    #[test]
    fn spans_map_back_through_width_and_script() {
        let original = "（ＡＢ）全國總工會召開";
        let folded = fold(original);
        let at = folded.text.find("全国总工会").unwrap();
        let span = folded.original_span(at..at + "全国总工会".len(), original);
        assert_eq!(&original[span], "全國總工會");
        let at = folded.text.find("ab").unwrap();
        let span = folded.original_span(at..at + 2, original);
        assert_eq!(&original[span], "ＡＢ");
    }
}
