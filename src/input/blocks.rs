//! Reading a text file as a sequence of bounded blocks, so memory does not grow with file size.
//!
//! A block ends at a paragraph break when there is one in reach: terms never span paragraphs,
//! so nothing is lost there. Otherwise (one huge paragraph or line) it ends at whitespace and
//! the next block starts an overlap earlier, so a term across the cut is still seen whole; the
//! checker reports a match only from the block it starts in before the next block's start.

use std::io::Read;

use super::decode::{detect_encoding, DecodeError, Decoder};
use crate::location::{Location, LocationTracker, TextEncoding};
use crate::normalize::floor_char_boundary;

/// Bytes read from the file at a time.
const READ_CHUNK: usize = 256 * 1024;
/// Bytes of the start of a file looked at to tell text from binary data.
const BINARY_PROBE: usize = 8 * 1024;

/// Sizes that bound a reader's memory.
#[derive(Debug, Clone, Copy)]
pub struct BlockSizes {
    /// Target size of a block of decoded text, in bytes.
    pub block: usize,
    /// How far back the next block starts when a block had to be cut inside a paragraph;
    /// at least the longest term, with its whitespace, can span.
    pub overlap: usize,
}

impl BlockSizes {
    /// Sizes for a glossary whose longest normalized rendering is `longest_term` bytes.
    pub fn for_longest_term(longest_term: usize) -> Self {
        let overlap = (longest_term * 4 + 256).max(4096);
        BlockSizes {
            block: (overlap * 8).max(1 << 20),
            overlap,
        }
    }
}

/// A block of decoded text.
#[derive(Debug, Clone)]
pub struct TextBlock {
    /// The text.
    pub text: String,
    /// The end of the text before `text` in the document, up to
    /// [`LOOK_BACK_BYTES`](crate::excerpt::LOOK_BACK_BYTES) of it (empty for the first block):
    /// context near the block's start is taken as in the whole document.
    pub before: String,
    /// Matches starting at or after this byte belong to the next block.
    pub report_until: usize,
    /// Offset of `text` in the whole decoded document.
    pub offset: u64,
    /// Location of the first character of `text`.
    pub start: LocationTracker,
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The operating system refused.
    Io(std::io::Error),
    /// The bytes are not valid text in the file's encoding.
    Decode {
        /// The bad bytes.
        error: DecodeError,
        /// Line and column where they are.
        location: Location,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::Decode { error, .. } => f.write_str(&error.reason),
        }
    }
}

/// Reads a file block by block.
pub struct BlockReader<R> {
    reader: R,
    decoder: Decoder,
    encoding: TextEncoding,
    sizes: BlockSizes,
    /// Decoded text not yet handed out (apart from the overlap).
    pending: String,
    /// The end of the text handed out before `pending` (see [`TextBlock::before`]).
    before: String,
    /// Offset of `pending` in the decoded document.
    pending_offset: u64,
    pending_start: LocationTracker,
    raw: Vec<u8>,
    eof: bool,
    looks_binary: bool,
}

impl<R: Read> BlockReader<R> {
    /// Starts reading: reads the first chunk to learn the encoding.
    pub fn new(mut reader: R, sizes: BlockSizes) -> Result<Self, ReadError> {
        let mut raw = vec![0u8; READ_CHUNK];
        let mut filled = 0;
        // Fill the first chunk completely (pipes deliver in pieces) to see enough to detect.
        while filled < raw.len() {
            match reader.read(&mut raw[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(ReadError::Io(e)),
            }
        }
        let eof = filled < raw.len();
        let head = &raw[..filled];
        let detected = detect_encoding(head);
        let looks_binary = detected.encoding == TextEncoding::Utf8
            && head[..head.len().min(BINARY_PROBE)].contains(&0);
        let mut this = BlockReader {
            reader,
            decoder: Decoder::new(detected.encoding, detected.bom_len as u64),
            encoding: detected.encoding,
            sizes,
            pending: String::new(),
            before: String::new(),
            pending_offset: 0,
            pending_start: LocationTracker::new(detected.encoding, detected.bom_len as u64),
            raw: Vec::new(),
            eof,
            looks_binary,
        };
        let body = raw[detected.bom_len..filled].to_vec();
        this.decode(&body, eof)?;
        this.raw = raw;
        Ok(this)
    }

    /// The file's encoding.
    pub fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    /// Whether the start of the file holds NUL bytes, as binary files do and text never does.
    pub fn looks_binary(&self) -> bool {
        self.looks_binary
    }

    /// The next block, or `None` at the end of the file.
    pub fn next_block(&mut self) -> Result<Option<TextBlock>, ReadError> {
        while !self.eof && self.pending.len() < self.sizes.block {
            self.fill()?;
        }
        if self.pending.is_empty() {
            return Ok(None);
        }
        let (end, next_start) = if self.eof && self.pending.len() <= self.sizes.block {
            (self.pending.len(), self.pending.len())
        } else {
            split_point(&self.pending, self.sizes)
        };
        // The text before the next block: the end of this block's reported part, and of the
        // text before this block when that part is short.
        let reported = &self.pending[..next_start];
        let look_back = crate::excerpt::LOOK_BACK_BYTES;
        let next_before = if reported.len() >= look_back {
            let back = floor_char_boundary(reported, reported.len() - look_back);
            reported[back..].to_string()
        } else {
            let mut joined = self.before.clone();
            joined.push_str(reported);
            let back = floor_char_boundary(&joined, joined.len().saturating_sub(look_back));
            joined.drain(..back);
            joined
        };
        let before = std::mem::replace(&mut self.before, next_before);
        let start = self.pending_start.clone();
        self.pending_start.advance(&self.pending[..next_start]);
        // The block's text is the pending text itself, cut at its end; only the text after
        // the next block's start is copied (into a buffer as large, to be filled again).
        let mut rest = String::with_capacity(self.pending.capacity());
        rest.push_str(&self.pending[next_start..]);
        let mut text = std::mem::replace(&mut self.pending, rest);
        text.truncate(end);
        let block = TextBlock {
            text,
            before,
            report_until: next_start,
            offset: self.pending_offset,
            start,
        };
        self.pending_offset += next_start as u64;
        Ok(Some(block))
    }

    fn fill(&mut self) -> Result<(), ReadError> {
        let n = loop {
            match self.reader.read(&mut self.raw) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(ReadError::Io(e)),
            }
        };
        if n == 0 {
            self.eof = true;
        }
        let chunk = std::mem::take(&mut self.raw);
        let result = self.decode(&chunk[..n], n == 0);
        self.raw = chunk;
        result
    }

    fn decode(&mut self, bytes: &[u8], eof: bool) -> Result<(), ReadError> {
        match self.decoder.decode(bytes, eof, &mut self.pending) {
            Ok(()) => Ok(()),
            Err(error) => {
                // The text decoded before the bad bytes tells where they are.
                let mut at = self.pending_start.clone();
                at.advance(&self.pending);
                let mut location = at.location();
                location.byte_offset = error.byte_offset;
                Err(ReadError::Decode { error, location })
            }
        }
    }
}

/// Where to end a block of `text` (longer than the block size) and where the next one starts.
fn split_point(text: &str, sizes: BlockSizes) -> (usize, usize) {
    let limit = floor_char_boundary(text, sizes.block.min(text.len()));
    let window = &text[..limit];
    let half = floor_char_boundary(text, limit / 2);
    if let Some(end) = last_paragraph_break(&window.as_bytes()[half..]).map(|end| half + end) {
        return (end, end);
    }
    let Some(end) = window.rfind(is_break).map(|i| i + 1) else {
        // No whitespace at all: a term cannot span this cut on word boundaries anyway.
        return (limit, limit);
    };
    // The overlap is in bytes: step back to a character boundary before searching.
    let next_start = window[..floor_char_boundary(window, end.saturating_sub(sizes.overlap))]
        .rfind(is_break)
        .map(|i| i + 1)
        .filter(|&s| s > 0)
        .unwrap_or(end);
    (end, next_start)
}

/// The end of the last paragraph break (a blank line: `\n\n`, `\n\r\n` or `\r\r`) in
/// `bytes`. One backward scan over the line ends, rather than one search per kind of break:
/// text without blank lines would be read three times over.
fn last_paragraph_break(bytes: &[u8]) -> Option<usize> {
    memchr::memrchr2_iter(b'\n', b'\r', bytes).find_map(|at| {
        let ends = |brk: &[u8]| at + 1 >= brk.len() && bytes[at + 1 - brk.len()..=at] == *brk;
        [&b"\n\n"[..], b"\n\r\n", b"\r\r"]
            .into_iter()
            .any(ends)
            .then_some(at + 1)
    })
}

fn is_break(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_paragraph_break_is_the_rightmost_end_of_any_kind_of_blank_line() {
        let naive = |bytes: &[u8]| {
            [&b"\n\n"[..], b"\n\r\n", b"\r\r"]
                .iter()
                .filter_map(|brk| memchr::memmem::rfind(bytes, brk).map(|i| i + brk.len()))
                .max()
        };
        // Every string of up to 7 bytes over `a`, LF and CR.
        for len in 0..=7u32 {
            for n in 0..3usize.pow(len) {
                let bytes: Vec<u8> = (0..len).map(|k| b"a\n\r"[n / 3usize.pow(k) % 3]).collect();
                assert_eq!(
                    last_paragraph_break(&bytes),
                    naive(&bytes),
                    "{:?}",
                    String::from_utf8_lossy(&bytes)
                );
            }
        }
        assert_eq!(last_paragraph_break(b"a\r\n\r\nb"), Some(5));
        assert_eq!(last_paragraph_break(b"one line\nanother\n"), None);
    }

    #[test]
    fn cuts_inside_long_paragraphs_of_multibyte_text_fall_on_character_boundaries() {
        let sizes = BlockSizes {
            block: 64,
            overlap: 9,
        };
        for shift in 0..6 {
            let text = format!("{}{}", "a".repeat(shift), "éé 두두 ".repeat(60));
            let found = blocks(text.as_bytes(), sizes);
            assert!(found.len() > 3, "shift {shift}");
            let mut joined = String::new();
            for b in &found {
                joined.push_str(&b.text[..b.report_until.min(b.text.len())]);
            }
            assert_eq!(joined, text, "shift {shift}");
        }
    }

    fn blocks(text: &[u8], sizes: BlockSizes) -> Vec<TextBlock> {
        let mut r = BlockReader::new(text, sizes).unwrap();
        let mut out = Vec::new();
        while let Some(b) = r.next_block().unwrap() {
            out.push(b);
        }
        out
    }

    /// The reported parts of all blocks, glued, must be the whole text.
    #[track_caller]
    fn assert_blocks_cover(text: &str, sizes: BlockSizes) {
        let bs = blocks(text.as_bytes(), sizes);
        let mut glued = String::new();
        for b in &bs {
            let at = b.offset as usize;
            assert_eq!(at, glued.len());
            assert_eq!(b.text, text[at..at + b.text.len()]);
            // The text before it: as much of the document before it as is looked back at.
            let back =
                floor_char_boundary(text, at.saturating_sub(crate::excerpt::LOOK_BACK_BYTES));
            assert_eq!(b.before, text[back..at], "before the block at {at}");
            glued.push_str(&b.text[..b.report_until]);
            assert!(
                b.text.len() <= sizes.block,
                "block of {} bytes",
                b.text.len()
            );
        }
        assert_eq!(glued, text);
    }

    #[test]
    fn blocks_cover_the_text_at_paragraphs_and_inside_long_lines() {
        let sizes = BlockSizes {
            block: 64,
            overlap: 16,
        };
        let paragraphs = "one two three.\n\nfour five six seven.\r\n\r\neight nine.\n".repeat(10);
        assert_blocks_cover(&paragraphs, sizes);
        let one_line = "上海 word ".repeat(100);
        assert_blocks_cover(&one_line, sizes);
        let no_spaces = "x".repeat(300);
        assert_blocks_cover(&no_spaces, sizes);
        // Blocks longer than the text looked back at, cut inside lines of several-byte
        // characters.
        let look_back = crate::excerpt::LOOK_BACK_BYTES;
        let sizes = BlockSizes {
            block: 3 * look_back,
            overlap: look_back / 4,
        };
        let long = "上海市总工会 federation, ".repeat(40 * look_back / 30);
        assert_blocks_cover(&long, sizes);
    }

    #[test]
    fn block_starts_carry_their_location() {
        let sizes = BlockSizes {
            block: 32,
            overlap: 8,
        };
        let text = "aaaa bbbb cccc\n\ndddd eeee ffff\n\ngggg hhhh iiii\n";
        for b in blocks(text.as_bytes(), sizes) {
            let mut t = LocationTracker::new(TextEncoding::Utf8, 0);
            t.advance(&text[..b.offset as usize]);
            assert_eq!(b.start.location(), t.location());
        }
    }

    #[test]
    fn invalid_utf8_error_has_line_and_column() {
        let err = BlockReader::new(&b"ok\nab\xFFc"[..], BlockSizes::for_longest_term(10))
            .err()
            .expect("invalid UTF-8 is an error");
        match err {
            ReadError::Decode { location, .. } => {
                assert_eq!(
                    (location.line, location.column, location.byte_offset),
                    (2, 3, 5)
                );
            }
            other => panic!("unexpected {other}"),
        }
    }

    #[test]
    fn detects_binary_data() {
        let r = BlockReader::new(
            &b"PK\x03\x04\0\0binary"[..],
            BlockSizes::for_longest_term(10),
        )
        .unwrap();
        assert!(r.looks_binary());
        let r = BlockReader::new(&b"text"[..], BlockSizes::for_longest_term(10)).unwrap();
        assert!(!r.looks_binary());
    }
}
