//! Words of normalized text, for comparisons at the level of words (garbled terms).

use std::ops::Range;

use crate::normalize::{is_word_char, word_end, ASCII_WORD};

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
    let mut tokens = Vec::new();
    tokenize_into(text, &mut tokens);
    tokens
}

/// [`tokenize`] into `tokens`, which is cleared first: a caller splitting text after text
/// reuses one buffer instead of mapping fresh memory for each.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    tokens.clear();
    tokens.reserve(text.len() / 6);
    tokens.extend(Tokens::new(text));
}

/// The words of a text one after another, as [`tokenize`] finds them: for a caller that reads
/// each word once and need not hold them all.
#[derive(Debug, Clone)]
pub struct Tokens<'t> {
    text: &'t str,
    /// Where the search for the next word starts.
    at: usize,
    /// Where the last word ended, possessive included.
    last_end: Option<usize>,
}

impl<'t> Tokens<'t> {
    /// The words of `text`.
    pub fn new(text: &'t str) -> Self {
        Tokens {
            text,
            at: 0,
            last_end: None,
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    // Inlined into the one loop that reads every word of a text (the garbled-term search).
    #[inline(always)]
    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let bytes = text.as_bytes();
        let (start, first_len) = next_word_start(text, self.at)?;
        let end = word_end(text, start + first_len);
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
        }
        let hyphenated = start > 0 && bytes[start - 1] == b'-' && self.last_end == Some(start - 1);
        self.at = span.end;
        self.last_end = Some(span.end);
        Some(Token {
            span,
            word,
            possessive,
            hyphenated,
        })
    }
}

/// The first word character at or after byte `at`, and its length in bytes.
#[inline(always)]
fn next_word_start(text: &str, mut at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii() {
            if ASCII_WORD[usize::from(b)] {
                return Some((at, 1));
            }
            at += 1;
            continue;
        }
        let c = text[at..].chars().next().expect("char boundary");
        if is_word_char(c) {
            return Some((at, c.len_utf8()));
        }
        at += c.len_utf8();
    }
    None
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
