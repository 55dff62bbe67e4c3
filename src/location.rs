//! Positions in the user's file: line, column and byte offset.
//!
//! Matchers work on byte spans of decoded text; this module turns those spans into what editors
//! and tools show. Columns count Unicode scalar values (what editors show); byte offsets count
//! bytes of the file as stored, so for UTF-16 input they differ from offsets in decoded text.

use std::fmt;

use serde::Serialize;

/// The bytes `spans` cover, as ordered spans apart from one another: overlapping and touching
/// spans made one.
pub fn union_of_spans(mut spans: Vec<std::ops::Range<usize>>) -> Vec<std::ops::Range<usize>> {
    spans.sort_unstable_by_key(|s| s.start);
    let mut union: Vec<std::ops::Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match union.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => union.push(span),
        }
    }
    union
}

/// How a file's bytes encode its text; decides how decoded offsets map back to file offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 little-endian.
    Utf16Le,
    /// UTF-16 big-endian.
    Utf16Be,
    /// A legacy encoding declared by the file (an XML declaration, a PO charset): windows-1252,
    /// ISO-8859-1, GBK and the others of the WHATWG Encoding Standard.
    Legacy(&'static encoding_rs::Encoding),
}

impl TextEncoding {
    /// Bytes one character takes in a file of this encoding.
    pub fn encoded_len(self, c: char) -> u64 {
        match self {
            TextEncoding::Utf8 => c.len_utf8() as u64,
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => 2 * c.len_utf16() as u64,
            TextEncoding::Legacy(_) if c.is_ascii() => 1,
            TextEncoding::Legacy(encoding) => {
                let mut buf = [0u8; 4];
                let (bytes, _, _) = encoding.encode(c.encode_utf8(&mut buf));
                bytes.len() as u64
            }
        }
    }
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Legacy(encoding) => encoding.name(),
        })
    }
}

/// A position in a file: 1-based line and column, 0-based byte offset into the file as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Location {
    /// 1-based line number; CRLF, LF and CR each end a line.
    pub line: u64,
    /// 1-based column in Unicode scalar values.
    pub column: u64,
    /// 0-based offset in bytes from the start of the file (byte-order mark included).
    pub byte_offset: u64,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Walks decoded text in order and keeps the [`Location`] of the next character.
#[derive(Debug, Clone)]
pub struct LocationTracker {
    location: Location,
    encoding: TextEncoding,
    /// The last character seen was a CR, so an LF right after it does not start another line.
    after_cr: bool,
}

impl LocationTracker {
    /// A tracker at the first character of a file whose text starts `header_bytes` into the file
    /// (the length of its byte-order mark).
    pub fn new(encoding: TextEncoding, header_bytes: u64) -> Self {
        LocationTracker {
            location: Location {
                line: 1,
                column: 1,
                byte_offset: header_bytes,
            },
            encoding,
            after_cr: false,
        }
    }

    /// A tracker at `location` of a file in `encoding`, not right after a CR.
    pub fn at(location: Location, encoding: TextEncoding) -> Self {
        LocationTracker {
            location,
            encoding,
            after_cr: false,
        }
    }

    /// The encoding whose byte lengths the offsets count.
    pub fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    /// The location of the next character.
    pub fn location(&self) -> Location {
        self.location
    }

    /// Moves past one character.
    #[inline]
    pub fn advance_char(&mut self, c: char) {
        self.location.byte_offset += self.encoding.encoded_len(c);
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.step_byte(b);
        }
    }

    /// Moves past `text`, which must directly follow what was already walked.
    pub fn advance(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if self.encoding != TextEncoding::Utf8 {
            for c in text.chars() {
                self.advance_char(c);
            }
            return;
        }
        let bytes = text.as_bytes();
        self.location.byte_offset += bytes.len() as u64;
        if memchr::memchr(b'\r', bytes).is_some() {
            for &b in bytes {
                self.step_byte(b);
            }
            return;
        }
        // Fast path for text without CR (nearly all text): count line feeds in bulk, then
        // the characters after the last one.
        let newlines = memchr::memchr_iter(b'\n', bytes).count() as u64;
        let tail = match memchr::memrchr(b'\n', bytes) {
            Some(last) => {
                // An LF right after a CR that ended the previous walk closes the same line.
                let merged = self.after_cr && bytes[0] == b'\n';
                self.location.line += newlines - u64::from(merged);
                self.location.column = 1;
                &bytes[last + 1..]
            }
            None => bytes,
        };
        self.location.column += tail.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64;
        self.after_cr = false;
    }

    #[inline]
    fn step_byte(&mut self, b: u8) {
        match b {
            b'\n' => {
                if !self.after_cr {
                    self.location.line += 1;
                }
                self.location.column = 1;
                self.after_cr = false;
            }
            b'\r' => {
                self.location.line += 1;
                self.location.column = 1;
                self.after_cr = true;
            }
            _ => {
                self.after_cr = false;
                // Count characters, not bytes: continuation bytes do not start a column.
                if b & 0xC0 != 0x80 {
                    self.location.column += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn location_after(encoding: TextEncoding, parts: &[&str]) -> (u64, u64, u64) {
        let mut t = LocationTracker::new(encoding, 0);
        for p in parts {
            t.advance(p);
        }
        let l = t.location();
        (l.line, l.column, l.byte_offset)
    }

    #[test]
    fn counts_lines_for_every_line_ending() {
        assert_eq!(location_after(TextEncoding::Utf8, &["a\nb"]), (2, 2, 3));
        assert_eq!(location_after(TextEncoding::Utf8, &["a\r\nb"]), (2, 2, 4));
        assert_eq!(location_after(TextEncoding::Utf8, &["a\rb"]), (2, 2, 3));
        assert_eq!(location_after(TextEncoding::Utf8, &["a\r\r\nb"]), (3, 2, 5));
    }

    #[test]
    fn crlf_split_between_two_walks_counts_once() {
        assert_eq!(
            location_after(TextEncoding::Utf8, &["a\r", "\nb"]),
            (2, 2, 4)
        );
    }

    #[test]
    fn columns_count_characters_and_offsets_count_file_bytes() {
        assert_eq!(location_after(TextEncoding::Utf8, &["上海x"]), (1, 4, 7));
        assert_eq!(location_after(TextEncoding::Utf16Le, &["上海x"]), (1, 4, 6));
        // An astral character is two UTF-16 code units but one column.
        assert_eq!(location_after(TextEncoding::Utf16Be, &["😀x"]), (1, 3, 6));
    }
}
