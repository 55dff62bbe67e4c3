//! Text normalization for matching, with a map back to the user's original bytes.
//!
//! Glossary renderings and checked text go through the same function, so that a term matches
//! whatever typography it was written in: NFKC (full-width letters, ligatures, non-breaking
//! spaces), curly apostrophes and quotes folded to straight ones, every Unicode dash and hyphen
//! folded to `-`, runs of whitespace (including line wraps) folded to one space, invisible
//! characters (soft hyphen, zero-width spaces and joiners, bidi controls, BOM) dropped, and,
//! when asked, case folded. Every normalized byte remembers the original span it came from, so a
//! match on normalized text is reported at the bytes the user wrote.

use std::ops::Range;

use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

/// Normalized text and, for each of its bytes, where in the original text it came from.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// For each normalized byte, the start of the original character (or cluster, or
    /// whitespace run) it came from.
    starts: Vec<u32>,
}

impl Normalized {
    /// The span of `original` (the text this was made from) that produced the normalized
    /// byte range `range` (non-empty, not ending in whitespace).
    pub fn original_span(&self, range: Range<usize>, original: &str) -> Range<usize> {
        debug_assert!(range.start < range.end && range.end <= self.text.len());
        let last = self.starts[range.end - 1] as usize;
        self.starts[range.start] as usize..cluster_end(original, last)
    }

    /// The first normalized byte that comes from `original` at or after byte `at`.
    pub fn normalized_offset(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| (s as usize) < at)
    }
}

/// End of the character at `at` and the combining marks after it: the unit that
/// normalization maps as a whole.
fn cluster_end(original: &str, at: usize) -> usize {
    let mut chars = original[at..].char_indices();
    let mut end = at + chars.next().map_or(0, |(_, c)| c.len_utf8());
    for (i, c) in chars {
        if canonical_combining_class(c) == 0 {
            break;
        }
        end = at + i + c.len_utf8();
    }
    end
}

/// Normalizes `original`; folds case when `fold_case` is set. Leading and trailing whitespace is
/// dropped. Offsets are stored as `u32`, so `original` must be shorter than 4 GiB (callers
/// work in blocks).
pub fn normalize(original: &str, fold_case: bool) -> Normalized {
    assert!(
        original.len() < u32::MAX as usize,
        "normalize works on blocks under 4 GiB"
    );
    let mut out = Builder {
        fold_case,
        text: Vec::with_capacity(original.len()),
        starts: Vec::with_capacity(original.len()),
        space: None,
    };
    let bytes = original.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Runs of ASCII (nearly all English text) take a fast path; the last byte before
        // non-ASCII text goes the slow way, since a combining mark may follow it.
        let run_end = bytes[i..]
            .iter()
            .position(|&b| b >= 0x80)
            .map_or(bytes.len(), |p| (i + p).saturating_sub(1).max(i));
        if run_end > i {
            out.ascii_run(&bytes[i..run_end], i);
            i = run_end;
            continue;
        }
        // A character and the combining marks after it compose together under NFKC, so they
        // are normalized as one cluster and map back to the cluster's whole span.
        let end = cluster_end(original, i);
        let cluster = &original[i..end];
        let mut chars = cluster.chars();
        let first = chars.next().expect("i is on a char boundary");
        if chars.next().is_none() {
            out.char_cluster(std::iter::once(fold_before_nfkc(first)), i);
        } else {
            out.char_cluster(cluster.chars().map(fold_before_nfkc), i);
        }
        i = end;
    }
    Normalized {
        text: String::from_utf8(out.text).expect("only whole characters are pushed"),
        starts: out.starts,
    }
}

/// The normalized form of a glossary rendering or any short string, without its offset map.
pub fn normalize_key(s: &str, fold_case: bool) -> String {
    normalize(s, fold_case).text
}

/// Which ASCII bytes are word characters (as [`is_word_char`] says): one lookup instead of a
/// chain of range comparisons, for every byte of every word.
pub(crate) static ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'_';
        b += 1;
    }
    table
};

/// Whether `c` counts as part of a word for word-boundary checks.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

struct Builder {
    fold_case: bool,
    text: Vec<u8>,
    starts: Vec<u32>,
    /// Original start of a whitespace run not yet written (written only if text follows it).
    space: Option<usize>,
}

/// Each ASCII byte as normalized: whitespace becomes a space, letters are lower-cased (for
/// [`ASCII_FOLDED`]) or kept.
const fn ascii_table(fold_case: bool) -> [u8; 128] {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if is_ascii_space(byte) {
            b' '
        } else if fold_case {
            byte.to_ascii_lowercase()
        } else {
            byte
        };
        b += 1;
    }
    table
}

static ASCII_FOLDED: [u8; 128] = ascii_table(true);
static ASCII_KEPT: [u8; 128] = ascii_table(false);

const fn is_ascii_space(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0x0b
}

impl Builder {
    /// Normalizes ASCII text starting `at` bytes into the original: stretches between
    /// whitespace runs of more than one byte are copied whole (case folded, each whitespace byte
    /// made a space), which is nearly all of English text; longer whitespace runs fold to one.
    fn ascii_run(&mut self, run: &[u8], at: usize) {
        let table = if self.fold_case {
            &ASCII_FOLDED
        } else {
            &ASCII_KEPT
        };
        let mut k = 0;
        while k < run.len() {
            if is_ascii_space(run[k]) {
                self.whitespace(at + k);
                k += 1;
                continue;
            }
            self.flush_space();
            // Up to the next whitespace run of two or more bytes, or to the run's last
            // whitespace byte (a space before a non-ASCII character or the end is not written
            // unless text follows it).
            let mut end = k + 1;
            while end < run.len() {
                if is_ascii_space(run[end])
                    && (end + 1 == run.len() || is_ascii_space(run[end + 1]))
                {
                    break;
                }
                end += 1;
            }
            self.text
                .extend(run[k..end].iter().map(|&b| table[usize::from(b)]));
            self.starts.extend((at + k) as u32..(at + end) as u32);
            k = end;
        }
    }

    fn char_cluster(&mut self, cluster: impl Iterator<Item = char>, at: usize) {
        for c in cluster.nfkc() {
            if c.is_whitespace() {
                self.whitespace(at);
                continue;
            }
            if is_invisible(c) {
                continue;
            }
            self.flush_space();
            let c = fold_punctuation(c);
            if self.fold_case {
                for lower in c.to_lowercase() {
                    self.push(lower, at);
                }
            } else {
                self.push(c, at);
            }
        }
    }

    fn push(&mut self, c: char, at: usize) {
        let mut buf = [0u8; 4];
        let encoded = c.encode_utf8(&mut buf);
        self.text.extend_from_slice(encoded.as_bytes());
        for _ in 0..encoded.len() {
            self.starts.push(at as u32);
        }
    }

    fn whitespace(&mut self, at: usize) {
        if self.space.is_none() {
            self.space = Some(at);
        }
    }

    fn flush_space(&mut self) {
        if let Some(at) = self.space.take() {
            if !self.text.is_empty() {
                self.text.push(b' ');
                self.starts.push(at as u32);
            }
        }
    }
}

/// Characters NFKC would decompose into something unhelpful (the acute accent becomes a space
/// and a combining mark) but writers use as apostrophes.
fn fold_before_nfkc(c: char) -> char {
    match c {
        '\u{00B4}' | '\u{02B9}' | '\u{02BB}' | '\u{02BC}' | '\u{02BD}' => '\'',
        _ => c,
    }
}

fn fold_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{2036}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2043}' | '\u{2212}' | '\u{2E3A}' | '\u{2E3B}' | '\u{FE58}' | '\u{FE63}'
        | '\u{FF0D}' => '-',
        _ => c,
    }
}

/// Characters that change nothing a reader sees: soft hyphens, zero-width spaces and joiners,
/// word joiners, bidi controls and stray byte-order marks.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_normalizes(input: &str, expected: &str) {
        assert_eq!(normalize(input, true).text, expected, "input {input:?}");
    }

    /// Finds `needle` in the normalized text and returns the original text it maps back to.
    #[track_caller]
    fn original_of(input: &str, needle: &str) -> String {
        let n = normalize(input, true);
        let at = n.text.find(needle).expect("needle in normalized text");
        let span = n.original_span(at..at + needle.len(), input);
        input[span].to_string()
    }

    #[test]
    fn folds_typography_to_one_form() {
        assert_normalizes("Workers’ Daily", "workers' daily");
        assert_normalizes("Workers\u{2018} Daily", "workers' daily");
        assert_normalizes("All\u{2013}China", "all-china");
        assert_normalizes("All\u{2011}China", "all-china");
        assert_normalizes("All\u{FF0D}China", "all-china");
        assert_normalizes("“quoted”", "\"quoted\"");
        assert_normalizes("ＡＣＦＴＵ", "acftu");
        assert_normalizes("ﬁle", "file");
        assert_normalizes("Trade\u{00A0}Unions", "trade unions");
        assert_normalizes("Trade \t\r\n  Unions", "trade unions");
        assert_normalizes("Trade\u{00AD}Unions", "tradeunions");
        assert_normalizes("Tr\u{200B}ade", "trade");
        assert_normalizes("  padded  ", "padded");
        assert_normalizes("MUNICIPAL", "municipal");
        assert_normalizes("Cafe\u{0301}", "café");
    }

    #[test]
    fn keeps_case_when_not_folding() {
        assert_eq!(normalize("ACFTU’s", false).text, "ACFTU's");
    }

    #[test]
    fn maps_back_to_original_bytes_with_multibyte_text_around() {
        let input = "上海市总工会（Municipal General Assembly）召开";
        assert_eq!(
            original_of(input, "municipal general assembly"),
            "Municipal General Assembly"
        );
    }

    #[test]
    fn maps_a_line_wrapped_term_back_to_the_whole_wrap() {
        let input = "the Municipal General\r\n   Assembly said";
        assert_eq!(
            original_of(input, "municipal general assembly"),
            "Municipal General\r\n   Assembly"
        );
    }

    #[test]
    fn maps_curly_quotes_and_composed_characters_back() {
        assert_eq!(
            original_of("— Workers’ Daily —", "workers' daily"),
            "Workers’ Daily"
        );
        assert_eq!(original_of("x Cafe\u{0301} y", "café"), "Cafe\u{0301}");
        assert_eq!(original_of("ＡＣＦＴＵ。", "acftu"), "ＡＣＦＴＵ");
    }

    #[test]
    fn word_characters() {
        assert!(is_word_char('a'));
        assert!(is_word_char('上'));
        assert!(is_word_char('7'));
        assert!(!is_word_char('-'));
        assert!(!is_word_char('\''));
        assert!(!is_word_char(' '));
    }
}
