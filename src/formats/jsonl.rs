//! JSON Lines: one JSON object per line, each a segment (a sentence or a whole document).
//!
//! The texts are the string fields named by `--source-field` and `--target-field` (default
//! `source` and `target`); a missing or `null` field is no text. The unit id is the object's
//! `id` field (a string or number), else the line number. JSON escapes (`\n`, `\"`, `\u4E0A`,
//! surrogate pairs) are decoded, and every character maps back to its column in the line, so
//! a finding in the third paragraph of a document is reported at the line of the object and
//! the column of the word inside the JSON string. The file is read line by line (UTF-8, as
//! JSON requires; a leading byte-order mark is allowed).

use std::io::BufRead;

use crate::location::{LocationTracker, TextEncoding};
use crate::segment::{FormatError, MappedText, Segment, SegmentResult};

/// The field names of the texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// The source field.
    pub source: String,
    /// The target field.
    pub target: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            source: "source".into(),
            target: "target".into(),
        }
    }
}

/// Reads a JSON Lines file line by line.
pub struct JsonlReader<R: BufRead> {
    input: R,
    fields: Fields,
    tracker: LocationTracker,
    line: Vec<u8>,
    first: bool,
    index: usize,
    finished: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// A reader of `input` taking the texts from `fields`.
    pub fn new(input: R, fields: Fields) -> Self {
        JsonlReader {
            input,
            fields,
            tracker: LocationTracker::new(TextEncoding::Utf8, 0),
            line: Vec::new(),
            first: true,
            index: 0,
            finished: false,
        }
    }

    fn next_segment(&mut self) -> Result<Option<Segment>, FormatError> {
        loop {
            self.line.clear();
            let n = self
                .input
                .read_until(b'\n', &mut self.line)
                .map_err(|e| FormatError::at(self.tracker.location(), e.to_string()))?;
            if n == 0 {
                return Ok(None);
            }
            let mut bytes = &self.line[..];
            if self.first {
                self.first = false;
                if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
                    self.tracker = LocationTracker::new(TextEncoding::Utf8, 3);
                    bytes = rest;
                }
            }
            let line = match std::str::from_utf8(bytes) {
                Ok(l) => l,
                Err(e) => {
                    let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("valid");
                    let mut at = self.tracker.clone();
                    at.advance(valid);
                    return Err(FormatError::at(
                        at.location(),
                        format!("invalid UTF-8 (byte 0x{:02X})", bytes[e.valid_up_to()]),
                    ));
                }
            };
            let start = self.tracker.clone();
            self.tracker.advance(line);
            let content = line.trim_end_matches(['\n', '\r']);
            if content.trim().is_empty() {
                continue;
            }
            let segment = parse_line(content, start, &self.fields, self.index)?;
            self.index += 1;
            return Ok(Some(segment));
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = SegmentResult;

    fn next(&mut self) -> Option<SegmentResult> {
        if self.finished {
            return None;
        }
        match self.next_segment() {
            Ok(Some(s)) => Some(Ok(s)),
            Ok(None) => {
                self.finished = true;
                None
            }
            Err(e) => {
                self.finished = true;
                Some(Err(e))
            }
        }
    }
}

fn parse_line(
    line: &str,
    start: LocationTracker,
    fields: &Fields,
    index: usize,
) -> Result<Segment, FormatError> {
    let at = |byte: usize| {
        let mut t = start.clone();
        t.advance(&line[..byte.min(line.len())]);
        t
    };
    // serde_json validates the whole line and says where it breaks.
    if let Err(e) = serde_json::from_str::<serde_json::Value>(line) {
        let column = e.column().saturating_sub(1);
        let byte = line
            .char_indices()
            .nth(column)
            .map_or(line.len(), |(i, _)| i);
        return Err(FormatError::at(
            at(byte).location(),
            format!("invalid JSON: {e}"),
        ));
    }
    let members = members(line).ok_or_else(|| {
        FormatError::at(
            start.location(),
            "a JSON Lines line must be an object ({\"source\": …, \"target\": …})",
        )
    })?;
    let mut id = None;
    let text_of = |name: &str| -> Result<Option<MappedText>, FormatError> {
        let Some((_, value)) = members
            .iter()
            .find(|(k, _)| decode_plain(&line[k.clone()]) == name)
        else {
            return Ok(None);
        };
        let raw = &line[value.clone()];
        if raw == "null" {
            return Ok(None);
        }
        if !raw.starts_with('"') {
            return Err(FormatError::at(
                at(value.start).location(),
                format!("the field {name:?} is not a string"),
            ));
        }
        let mut text = MappedText::new(at(value.start + 1));
        decode_string(line, value.start + 1..value.end - 1, &at, &mut text);
        Ok(Some(text))
    };
    let source = text_of(&fields.source)?;
    let target = text_of(&fields.target)?;
    if let Some((_, v)) = members
        .iter()
        .find(|(k, _)| decode_plain(&line[k.clone()]) == "id")
    {
        let raw = &line[v.clone()];
        id = if raw.starts_with('"') {
            Some(decode_plain(raw))
        } else if raw != "null" {
            Some(raw.to_string())
        } else {
            None
        };
    }
    let location = start.location();
    Ok(Segment {
        index,
        unit: Some(id.unwrap_or_else(|| location.line.to_string())),
        location,
        source,
        target,
        context: None,
        plural_form: None,
    })
}

/// The members of the top-level object on a line that is valid JSON: byte spans of each key
/// and value (strings with their quotes). `None` when the line is not an object.
fn members(line: &str) -> Option<Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>> {
    let b = line.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    let mut out = Vec::new();
    loop {
        i = skip_ws(b, i);
        match b.get(i)? {
            b'}' => return Some(out),
            b',' => {
                i += 1;
                continue;
            }
            b'"' => {}
            _ => return None,
        }
        let key_end = skip_value(b, i)?;
        let key = i..key_end;
        i = skip_ws(b, key_end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        let value_end = skip_value(b, i)?;
        out.push((key, i..value_end));
        i = value_end;
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        i += 1;
    }
    i
}

/// The end of the JSON value starting at `i` (which is valid JSON).
fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => {
            i += 1;
            while *b.get(i)? != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            Some(i + 1)
        }
        b'{' | b'[' => {
            let mut depth = 0usize;
            loop {
                match *b.get(i)? {
                    b'"' => {
                        i = skip_value(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            while i < b.len() && !matches!(b[i], b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n')
            {
                i += 1;
            }
            Some(i)
        }
    }
}

/// A JSON string (with its quotes) decoded, without positions.
fn decode_plain(raw: &str) -> String {
    serde_json::from_str::<String>(raw).unwrap_or_default()
}

/// Decodes the string content at `span` of `line` onto `out`, escapes as replaced pieces.
fn decode_string(
    line: &str,
    span: std::ops::Range<usize>,
    at: &dyn Fn(usize) -> LocationTracker,
    out: &mut MappedText,
) {
    let b = line.as_bytes();
    let mut run = span.start;
    let mut i = span.start;
    while i < span.end {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        out.push_verbatim(&line[run..i], at(run));
        let (c, len) = match b[i + 1] {
            b'n' => (Some('\n'), 2),
            b't' => (Some('\t'), 2),
            b'r' => (Some('\r'), 2),
            b'b' => (Some('\u{8}'), 2),
            b'f' => (Some('\u{c}'), 2),
            b'u' => {
                let unit = |at: usize| u32::from_str_radix(&line[at..at + 4], 16).ok();
                let high = unit(i + 2).unwrap_or(0xFFFD);
                if (0xD800..0xDC00).contains(&high) && line[i + 6..].starts_with("\\u") {
                    let low = unit(i + 8).unwrap_or(0);
                    let c = 0x10000 + ((high - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF);
                    (char::from_u32(c), 12)
                } else {
                    (char::from_u32(high), 6)
                }
            }
            other => (Some(other as char), 2),
        };
        let c = c.unwrap_or('\u{FFFD}');
        out.push_replaced(&c.to_string(), at(i), at(i + len).location());
        i += len;
        run = i;
    }
    out.push_verbatim(&line[run..span.end], at(run));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, fields: Fields) -> Result<Vec<Segment>, FormatError> {
        JsonlReader::new(text.as_bytes(), fields).collect()
    }

    #[test]
    fn segments_documents_and_escapes() {
        let text = "{\"id\": 7, \"source\": \"工会\", \"target\": \"The \\\"Trade\\\" Union\"}\n\
                    \n{\"meta\": {\"target\": \"x\"}, \"target\": \"First.\\n\\nThe Trade \\u00dcnion \\ud83d\\ude00 end\"}\n\
                    {\"source\": \"s\", \"target\": null}\n";
        let segments = read(text, Fields::default()).unwrap();
        assert_eq!(segments.len(), 3);
        assert_eq!(segments[0].unit.as_deref(), Some("7"));
        let t = segments[0].target.as_ref().unwrap();
        assert_eq!(t.text(), "The \"Trade\" Union");
        let i = t.text().find("Union").unwrap();
        assert_eq!(t.location(i).column, 52);
        let doc = segments[1].target.as_ref().unwrap();
        assert_eq!(doc.text(), "First.\n\nThe Trade Ünion 😀 end");
        assert_eq!(segments[1].unit.as_deref(), Some("3"));
        let i = doc.text().find("end").unwrap();
        let l = doc.location(i);
        assert_eq!((l.line, l.column), (3, 82));
        let i = doc.text().find("Ünion").unwrap();
        let (a, b) = doc.span(i..i + "Ünion".len());
        assert_eq!((a.column, b.column), (58, 68));
        assert!(segments[2].target.is_none());
    }

    #[test]
    fn custom_fields_and_errors() {
        let fields = Fields {
            source: "zh".into(),
            target: "en".into(),
        };
        let segments = read("{\"zh\":\"一\",\"en\":\"One\"}", fields.clone()).unwrap();
        assert_eq!(segments[0].target.as_ref().unwrap().text(), "One");
        let err = read("{\"en\": \"a\"}\n{\"en\": \"b\",}\n", fields.clone()).unwrap_err();
        let l = err.location.unwrap();
        assert_eq!((l.line, l.column), (2, 12));
        let err = read("{\"en\": 3}\n", fields.clone()).unwrap_err();
        assert!(err.message.contains("not a string"), "{}", err.message);
        assert!(read("[1]\n", fields).is_err());
    }
}
