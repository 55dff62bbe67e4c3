//! Words of normalized text, for comparisons at the level of words (garbled terms).

use std::ops::Range;

use crate::normalize::is_word_char;

/// One word of normalized (case-folded) text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span of the word in the normalized text, possessive included.
    pub span: Range<usize>,
    /// Byte span of the word without its possessive ending.
    pub word: Range<usize>,
    /// Ends with a possessive `'s` or `'` (after an s).
    pub possessive: bool,
    /// Joined to the previous word by a hyphen ("All-China").
    pub hyphenated: bool,
}

impl Token {
    /// The word without its possessive ending.
    pub fn word<'t>(&self, text: &'t str) -> &'t str {
        &text[self.word.clone()]
    }
}

/// Splits normalized text into words: runs of word characters, with a possessive ending
/// (`'s`, or `'` after an s) kept as a flag. An apostrophe inside a word ("jing'an") splits it;
/// a hyphen between two words marks the second as hyphenated.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens: Vec<Token> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        let word = start..end;
        let mut span = word.clone();
        let mut possessive = false;
        if bytes.get(end) == Some(&b'\'') {
            let after_s = end > start && bytes[end - 1] == b's';
            let next_is_word = |at: usize| text[at..].chars().next().is_some_and(is_word_char);
            if bytes.get(end + 1) == Some(&b's') && !next_is_word(end + 2) {
                possessive = true;
                span.end = end + 2;
            } else if after_s && !next_is_word(end + 1) {
                possessive = true;
                span.end = end + 1;
            }
            if possessive {
                // Skip the possessive ending so it is not read as a word.
                while chars.peek().is_some_and(|&(i, _)| i < span.end) {
                    chars.next();
                }
            }
        }
        let hyphenated = start > 0
            && bytes[start - 1] == b'-'
            && tokens.last().is_some_and(|t| t.span.end == start - 1);
        tokens.push(Token {
            span,
            word,
            possessive,
            hyphenated,
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, bool, bool)> {
        tokenize(text)
            .iter()
            .map(|t| (t.word(text).to_string(), t.possessive, t.hyphenated))
            .collect()
    }

    fn w(s: &str, possessive: bool, hyphenated: bool) -> (String, bool, bool) {
        (s.to_string(), possessive, hyphenated)
    }

    #[test]
    fn splits_words_and_marks_possessives_and_hyphens() {
        assert_eq!(
            words("all-china federation's members' jing'an 18th"),
            vec![
                w("all", false, false),
                w("china", false, true),
                w("federation", true, false),
                w("members", true, false),
                w("jing", false, false),
                w("an", false, false),
                w("18th", false, false),
            ]
        );
        assert_eq!(
            words("workers' daily"),
            vec![w("workers", true, false), w("daily", false, false)]
        );
        assert_eq!(
            words("a - b"),
            vec![w("a", false, false), w("b", false, false)]
        );
    }
}
