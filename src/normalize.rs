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
    /// Where each normalized byte came from (the start of the original character, cluster or
    /// whitespace run), as the pieces of a piecewise map sorted by normalized offset. Most
    /// English text maps one byte to one byte, so a piece starts only where whitespace runs
    /// fold or a character is not ASCII: a few pieces per paragraph instead of four bytes per
    /// byte of text, which was most of the cost of normalizing.
    pieces: Vec<Piece>,
}

/// Normalized bytes from `norm` up to the next piece come from `orig`, `orig + 1`, … (when
/// `linear`) or all from `orig` (the bytes of one character that stands for a cluster).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    norm: u32,
    orig: u32,
    linear: bool,
}

impl Piece {
    /// The original start of normalized byte `n`, which this piece covers.
    fn start_of(self, n: usize) -> usize {
        if self.linear {
            self.orig as usize + (n - self.norm as usize)
        } else {
            self.orig as usize
        }
    }
}

impl Normalized {
    /// The span of `original` (the text this was made from) that produced the normalized
    /// byte range `range` (non-empty, not ending in whitespace).
    pub fn original_span(&self, range: Range<usize>, original: &str) -> Range<usize> {
        debug_assert!(range.start < range.end && range.end <= self.text.len());
        let last = self.start_of(range.end - 1);
        self.start_of(range.start)..cluster_end(original, last)
    }

    /// Where in the original text normalized byte `n` (of the text) came from.
    fn start_of(&self, n: usize) -> usize {
        let k = self.pieces.partition_point(|p| p.norm as usize <= n);
        self.pieces[k - 1].start_of(n)
    }

    /// The first normalized byte that comes from `original` at or after byte `at`.
    pub fn normalized_offset(&self, at: usize) -> usize {
        // Starts never decrease: the answer is the first byte of the first piece starting at
        // or after `at`, unless the piece before it (linear) reaches `at` itself.
        let k = self.pieces.partition_point(|p| (p.orig as usize) < at);
        let next = self
            .pieces
            .get(k)
            .map_or(self.text.len(), |p| p.norm as usize);
        match k.checked_sub(1).map(|i| self.pieces[i]) {
            Some(before) if before.linear => {
                next.min(before.norm as usize + (at - before.orig as usize))
            }
            _ => next,
        }
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
        pieces: Vec::new(),
        space: None,
        #[cfg(test)]
        dense: Vec::new(),
    };
    let bytes = original.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Runs of ASCII (nearly all English text) take a fast path; the last byte before
        // non-ASCII text goes the slow way, since a combining mark may follow it.
        let run_end = match first_non_ascii(bytes, i) {
            Some(p) => p.saturating_sub(1).max(i),
            None => bytes.len(),
        };
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
        if is_trade_mark_sign(first) {
            // A mark glued to a name ("OEKO-TEX® Standard 100", "Tencel™ fibres") is no text of
            // it: it is dropped, so the name reads as written without it (NFKC would make "™"
            // the letters "TM", glued to the word). Between two words it still parts them.
            if original[end..].chars().next().is_some_and(is_word_char) {
                out.whitespace(i);
            }
            i = end;
            continue;
        }
        if chars.next().is_none() {
            out.char_cluster(std::iter::once(fold_before_nfkc(first)), i);
        } else {
            out.char_cluster(cluster.chars().map(fold_before_nfkc), i);
        }
        i = end;
    }
    #[cfg(test)]
    DENSE_STARTS.with(|d| *d.borrow_mut() = std::mem::take(&mut out.dense));
    Normalized {
        text: String::from_utf8(out.text).expect("only whole characters are pushed"),
        pieces: out.pieces,
    }
}

#[cfg(test)]
thread_local! {
    /// The start of every normalized byte of the last text normalized on this thread, kept one
    /// by one (the representation the pieces replace), to test the pieces against.
    static DENSE_STARTS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The normalized form of a glossary rendering or any short string, without its offset map.
pub fn normalize_key(s: &str, fold_case: bool) -> String {
    if !s.is_ascii() {
        return normalize(s, fold_case).text;
    }
    // ASCII, as nearly every rendering is: what `normalize` does to it (each run of whitespace
    // one space, none at either end, case folded through the same table) without building
    // the offset map. Compiling a large glossary normalizes each rendering several times.
    let table = if fold_case {
        &ASCII_FOLDED
    } else {
        &ASCII_KEPT
    };
    let mut key = String::with_capacity(s.len());
    let mut space = false;
    for &b in s.as_bytes() {
        if is_ascii_space(b) {
            space = true;
            continue;
        }
        if std::mem::take(&mut space) && !key.is_empty() {
            key.push(' ');
        }
        key.push(char::from(table[usize::from(b)]));
    }
    key
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

/// How often `phrase` occurs in `text` as whole words (not inside a longer word).
pub fn count_as_words(text: &str, phrase: &str) -> usize {
    if phrase.is_empty() {
        return 0;
    }
    let mut count = 0;
    let mut at = 0;
    while let Some(i) = text[at..].find(phrase) {
        let start = at + i;
        let end = start + phrase.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char) {
            count += 1;
        }
        at = end;
    }
    count
}

/// The largest char boundary of `text` at or before `at` (its length past its end).
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// The smallest char boundary of `text` at or after `at` (its length past its end).
pub fn ceil_char_boundary(text: &str, at: usize) -> usize {
    (at.min(text.len())..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
}

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
    pieces: Vec<Piece>,
    /// Original start of a whitespace run not yet written (written only if text follows it).
    space: Option<usize>,
    #[cfg(test)]
    dense: Vec<u32>,
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

// English text is nearly all ASCII, and normalizing it is a pass over every byte: the passes
// below look at eight bytes at a time in a `u64` (one byte per lane), which is what lets
// normalization cost a fraction of the matching it serves.
const LANE_BYTES: usize = 8;
const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = LOW_BITS * 0x80;

fn lanes_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + LANE_BYTES].try_into().expect("8 bytes"))
}

/// The high bit of each lane of `x` (ASCII bytes) that holds whitespace (as
/// [`is_ascii_space`] says): a control from tab to carriage return, or a space.
fn whitespace_lanes(x: u64) -> u64 {
    // Adding 0x80 - n to a byte under 0x80 sets its high bit exactly when the byte is at least
    // n, with no carry into the next lane.
    let controls =
        x.wrapping_add(LOW_BITS * (0x80 - 0x09)) & !x.wrapping_add(LOW_BITS * (0x80 - 0x0E));
    // A lane of `z` is zero exactly where `x` holds a space.
    let z = x ^ (LOW_BITS * 0x20);
    let spaces = !((z & !HIGH_BITS).wrapping_add(!HIGH_BITS) | z);
    (controls | spaces) & HIGH_BITS
}

/// The high bit of each lane of `x` (ASCII bytes) that holds a word character (as
/// [`ASCII_WORD`] says): a letter, a digit or an underscore.
fn word_lanes(x: u64) -> u64 {
    // As in `whitespace_lanes`: the high bit of a lane of `at_least(n)` is set exactly when
    // the byte is at least `n`.
    let at_least = |n: u8| x.wrapping_add(LOW_BITS * u64::from(0x80 - n));
    let within = |low: u8, high: u8| at_least(low) & !at_least(high + 1);
    (within(b'0', b'9') | within(b'A', b'Z') | within(b'_', b'_') | within(b'a', b'z')) & HIGH_BITS
}

/// Where the word characters starting at byte `at` end. Every word of every text is measured
/// here, by the exact matcher and by garbled-term: ASCII is read eight bytes at a time, other
/// characters decoded one by one.
#[inline]
pub(crate) fn word_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = at;
    loop {
        if end + LANE_BYTES <= bytes.len() {
            let x = lanes_at(bytes, end);
            if x & HIGH_BITS == 0 {
                let others = !word_lanes(x) & HIGH_BITS;
                if others != 0 {
                    return end + (others.trailing_zeros() / 8) as usize;
                }
                end += LANE_BYTES;
                continue;
            }
        }
        let Some(&b) = bytes.get(end) else {
            return end;
        };
        if b.is_ascii() {
            if !ASCII_WORD[usize::from(b)] {
                return end;
            }
            end += 1;
        } else {
            let c = text[end..].chars().next().expect("char boundary");
            if !is_word_char(c) {
                return end;
            }
            end += c.len_utf8();
        }
    }
}

/// Eight ASCII bytes as [`ascii_table`] maps them: whitespace becomes a space and, when
/// `fold_case`, capitals become small letters.
fn fold_lanes(x: u64, fold_case: bool) -> u64 {
    let whitespace = (whitespace_lanes(x) >> 7) * 0xFF;
    let mut folded = (x & !whitespace) | ((LOW_BITS * 0x20) & whitespace);
    if fold_case {
        let capitals = x.wrapping_add(LOW_BITS * (0x80 - 0x41))
            & !x.wrapping_add(LOW_BITS * (0x80 - 0x5B))
            & HIGH_BITS;
        folded |= capitals >> 2;
    }
    folded
}

/// The first byte at or after `from` that is not ASCII.
fn first_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while at + LANE_BYTES <= bytes.len() {
        let high = lanes_at(bytes, at) & HIGH_BITS;
        if high != 0 {
            return Some(at + high.trailing_zeros() as usize / 8);
        }
        at += LANE_BYTES;
    }
    bytes[at..].iter().position(|&b| b >= 0x80).map(|p| at + p)
}

/// The first whitespace byte at or after `from` in ASCII `run` that another whitespace byte or
/// the end of `run` follows: where a stretch copied as it is ends.
fn stretch_end(run: &[u8], from: usize) -> usize {
    let mut at = from;
    while at + LANE_BYTES < run.len() {
        let pairs = whitespace_lanes(lanes_at(run, at)) & whitespace_lanes(lanes_at(run, at + 1));
        if pairs != 0 {
            return at + pairs.trailing_zeros() as usize / 8;
        }
        at += LANE_BYTES;
    }
    (at..run.len())
        .find(|&e| is_ascii_space(run[e]) && (e + 1 == run.len() || is_ascii_space(run[e + 1])))
        .unwrap_or(run.len())
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
            let end = stretch_end(run, k + 1);
            self.map(at + k, end - k, true);
            let stretch = &run[k..end];
            let mut lanes = stretch.chunks_exact(LANE_BYTES);
            for chunk in &mut lanes {
                let folded = fold_lanes(
                    u64::from_le_bytes(chunk.try_into().expect("8 bytes")),
                    self.fold_case,
                );
                self.text.extend_from_slice(&folded.to_le_bytes());
            }
            self.text
                .extend(lanes.remainder().iter().map(|&b| table[usize::from(b)]));
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
        self.map(at, encoded.len(), false);
        self.text.extend_from_slice(encoded.as_bytes());
    }

    /// Records where the next `len` normalized bytes (about to be written) come from: `at`,
    /// `at + 1`, … when `linear`, else all from `at`. A new piece is made only where the last
    /// one does not already say so.
    fn map(&mut self, at: usize, len: usize, linear: bool) {
        #[cfg(test)]
        self.dense
            .extend((0..len).map(|i| (at + if linear { i } else { 0 }) as u32));
        let n = self.text.len();
        // Bytes all from one place: the same as linear for one byte.
        let linear = linear || len == 1;
        let predicted = self
            .pieces
            .last()
            .is_some_and(|p| p.start_of(n) == at && (len == 1 || p.linear == linear));
        if !predicted {
            self.pieces.push(Piece {
                norm: n as u32,
                orig: at as u32,
                linear,
            });
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
                self.map(at, 1, true);
                self.text.push(b' ');
            }
        }
    }
}

/// The registered, trade mark and service mark signs, which mark a name without being part
/// of its words.
fn is_trade_mark_sign(c: char) -> bool {
    matches!(c, '\u{00AE}' | '\u{2122}' | '\u{2120}')
}

/// Characters NFKC would decompose into something unhelpful (the acute accent becomes a space
/// and a combining mark) but writers use as apostrophes.
fn fold_before_nfkc(c: char) -> char {
    match c {
        '\u{00B4}' | '\u{02B9}' | '\u{02BB}' | '\u{02BC}' | '\u{02BD}' => '\'',
        _ => c,
    }
}

/// Whether normalizing makes `c` a hyphen (`-`): it is one or a dash.
pub(crate) fn is_hyphen(c: char) -> bool {
    fold_punctuation(c) == '-'
}

fn fold_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{2036}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2043}' | '\u{2212}'
        | '\u{FE63}' | '\u{FF0D}' => '-',
        // An em dash sets a phrase off, written against its words or not ("the balance
        // sheet—as restated—shows"): it joins nothing, as a hyphen or an en dash may.
        '\u{2015}' | '\u{2E3A}' | '\u{2E3B}' | '\u{FE58}' => '\u{2014}',
        // The dot of a product of units: the SI brochure's dot operator ("N⋅m") and the
        // middle dot most keyboards give ("N·m") are one sign.
        '\u{22C5}' | '\u{2219}' | '\u{2027}' => '\u{00B7}',
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

    #[test]
    fn an_ascii_key_is_what_normalize_makes_of_it() {
        // Every ASCII byte alone and between words, then pseudo-random strings over an
        // alphabet heavy in whitespace of every kind (runs, ends, control characters).
        let mut inputs: Vec<String> = (0u8..128)
            .flat_map(|b| {
                let c = char::from(b);
                [c.to_string(), format!("Ab{c}Cd"), format!("{c}{c}x{c}")]
            })
            .collect();
        let alphabet = b" \t\n\r\x0b\x0c\x01aZ9_-'.,\x7f";
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..2000 {
            let len = (state >> 59) as usize;
            let word: String = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    char::from(alphabet[(state % alphabet.len() as u64) as usize])
                })
                .collect();
            inputs.push(word);
        }
        for input in &inputs {
            for fold in [true, false] {
                assert_eq!(
                    normalize_key(input, fold),
                    normalize(input, fold).text,
                    "{input:?}, fold {fold}"
                );
            }
        }
    }

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
        assert_normalizes("N\u{22C5}m", "n\u{00B7}m");
        assert_normalizes("N\u{2219}m", "n\u{00B7}m");
        // Only the dot of a product: a full stop is no middle dot.
        assert_normalizes("N.m", "n.m");
        // Trade mark signs are no letters of the name they mark ("™" is not "TM" glued on).
        assert_normalizes("OEKO-TEX® Standard 100®", "oeko-tex standard 100");
        assert_normalizes("OEKO-TEX™ Standard", "oeko-tex standard");
        assert_normalizes("Brand℠.", "brand.");
        assert_normalizes("Tencel® ™ fibres", "tencel fibres");
        assert_normalizes("OEKO-TEX®-certified", "oeko-tex-certified");
        // Between two words, a mark still parts them.
        assert_normalizes("Brand®Product", "brand product");
        // Letters written out for a mark are letters: "TM" and "(R)" stay.
        assert_normalizes("BrandTM (R)", "brandtm (r)");
    }

    #[test]
    fn maps_a_term_around_a_trade_mark_sign_back_to_the_written_span() {
        let input = "由 OEKO-TEX® Standard 100™ 认证";
        assert_eq!(
            original_of(input, "oeko-tex standard 100"),
            "OEKO-TEX® Standard 100"
        );
        assert_eq!(original_of("é Brand™ é", "brand"), "Brand");
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
    fn the_pieces_map_every_byte_where_a_byte_by_byte_map_would() {
        // Text made of fragments that fold, drop, expand or compose, in every order a small
        // generator reaches.
        let fragments = [
            "a",
            "B",
            " ",
            "  ",
            "\r\n",
            "\t",
            "-",
            "’",
            "\u{2013}",
            "ﬁ",
            "Ａ",
            "e\u{0301}",
            "\u{00AD}",
            "\u{200B}",
            "上海",
            "\u{00A0}",
            "x y",
            "İ",
            "\u{00B4}",
            "\n\n",
            "\u{00AE}",
            "\u{2122}",
        ];
        let mut state = 0x2545_f491_u64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(state % 12) {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(fragments[(state >> 33) as usize % fragments.len()]);
            }
            state = state.wrapping_add(7);
            let norm = normalize(&text, true);
            let dense = DENSE_STARTS.with(|d| d.borrow().clone());
            assert_eq!(dense.len(), norm.text.len(), "{text:?}");
            for (n, &start) in dense.iter().enumerate() {
                assert_eq!(norm.start_of(n), start as usize, "{text:?} byte {n}");
            }
            for at in 0..=text.len() + 1 {
                let expected = dense.partition_point(|&s| (s as usize) < at);
                assert_eq!(norm.normalized_offset(at), expected, "{text:?} at {at}");
            }
        }
    }

    #[test]
    fn eight_bytes_at_a_time_as_one_at_a_time() {
        for fold_case in [true, false] {
            let table = if fold_case {
                &ASCII_FOLDED
            } else {
                &ASCII_KEPT
            };
            for b in 0..128u8 {
                for lane in 0..LANE_BYTES {
                    // Each byte in each lane, among neighbours that could carry into it.
                    let mut bytes = [0x7F, b'Z', b' ', b'@', 0x0E, 0x08, b'[', b'A'];
                    bytes[lane] = b;
                    let x = u64::from_le_bytes(bytes);
                    let folded = fold_lanes(x, fold_case).to_le_bytes();
                    let whitespace = whitespace_lanes(x).to_le_bytes();
                    for k in 0..LANE_BYTES {
                        assert_eq!(
                            folded[k],
                            table[usize::from(bytes[k])],
                            "{bytes:?} lane {k}"
                        );
                        assert_eq!(
                            whitespace[k] == 0x80,
                            is_ascii_space(bytes[k]),
                            "{bytes:?} lane {k}"
                        );
                        assert!(whitespace[k] == 0 || whitespace[k] == 0x80);
                    }
                }
            }
        }
        let text = b"one two  three\tfour \r\nfive six seven eight nine ten eleven   ";
        for from in 0..text.len() {
            let expected = (from..text.len())
                .find(|&e| {
                    is_ascii_space(text[e]) && (e + 1 == text.len() || is_ascii_space(text[e + 1]))
                })
                .unwrap_or(text.len());
            assert_eq!(stretch_end(text, from), expected, "from {from}");
        }
        let mixed = "ascii only, then caf\u{e9} and more ascii text, then \u{4e0a}".as_bytes();
        for from in 0..mixed.len() {
            let expected = mixed[from..]
                .iter()
                .position(|&b| b >= 0x80)
                .map(|p| from + p);
            assert_eq!(first_non_ascii(mixed, from), expected, "from {from}");
        }
    }

    #[test]
    fn word_lanes_agree_with_the_table_for_every_ascii_byte_in_every_lane() {
        for b in 0u8..128 {
            for lane in 0..LANE_BYTES {
                // The byte among neighbours of both kinds, so a carry between lanes shows.
                for filler in [b'a', b' ', b'z', b'0', 0x7F, 0x00] {
                    let mut chunk = [filler; LANE_BYTES];
                    chunk[lane] = b;
                    let lanes = word_lanes(u64::from_le_bytes(chunk));
                    for (k, &byte) in chunk.iter().enumerate() {
                        let set = lanes >> (8 * k + 7) & 1 == 1;
                        assert_eq!(set, ASCII_WORD[usize::from(byte)], "{chunk:?} lane {k}");
                    }
                }
            }
        }
    }

    #[test]
    fn word_end_eight_bytes_at_a_time_as_one_char_at_a_time() {
        let one_at_a_time = |text: &str, at: usize| {
            text[at..]
                .char_indices()
                .find(|&(_, c)| !is_word_char(c))
                .map_or(text.len(), |(i, _)| at + i)
        };
        let pieces = [
            "a", "Z", "9", "_", " ", "-", "'", "é", "中", "\u{2019}", "ß", ".", "\n",
        ];
        let mut seed = 7u64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 40) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            for (at, _) in text.char_indices() {
                assert_eq!(
                    word_end(&text, at),
                    one_at_a_time(&text, at),
                    "{text:?} at {at}"
                );
            }
        }
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
