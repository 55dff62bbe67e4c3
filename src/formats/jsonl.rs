//! JSON Lines: one JSON object per line, each a segment (a sentence or a whole document).
//!
//! The texts are the string fields named by `--source-field` and `--target-field` (default
//! `source` and `target`); a missing or `null` field is no text. The unit id is the object's
//! `id` field (a string or number), else the line number. JSON escapes (`\n`, `\"`, `\u4E0A`,
//! surrogate pairs) are decoded, and every character maps back to its column in the line, so
//! a finding in the third paragraph of a document is reported at the line of the object and
//! the column of the word inside the JSON string. The file is read line by line (UTF-8, as
//! JSON requires; a leading byte-order mark is allowed).
//!
//! A line that cannot be read (invalid JSON, not an object, a text field that is not a
//! string) is skipped, as a TSV row of another width is: the error, at its position in the
//! file, comes after the other lines, which are checked. A file none of whose records has the
//! target field is an error naming the fields they have: the field was most likely named
//! otherwise, and the file would pass with nothing checked.

use std::io::BufRead;

use crate::input::decode::reads_as_gb18030;
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

/// How many field names the error about a missing target field lists.
const FIELDS_NAMED: usize = 12;

/// Reads a JSON Lines file line by line.
pub struct JsonlReader<R: BufRead> {
    input: R,
    fields: Fields,
    tracker: LocationTracker,
    line: Vec<u8>,
    first: bool,
    index: usize,
    finished: bool,
    /// Objects read (good or not), and whether any had the target field.
    records: usize,
    target_seen: bool,
    /// The top-level field names of the objects, in the order first seen (a few).
    names: Vec<String>,
    /// The first line that could not be read, and the line numbers of the others.
    bad: Option<(FormatError, Vec<u64>)>,
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
            records: 0,
            target_seen: false,
            names: Vec::new(),
            bad: None,
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
            // A file in another encoding is not JSON Lines at all: no line is read past it.
            let line = match std::str::from_utf8(bytes) {
                Ok(l) => l,
                Err(e) => {
                    let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("valid");
                    let mut at = self.tracker.clone();
                    at.advance(valid);
                    let mut message =
                        format!("invalid UTF-8 (byte 0x{:02X})", bytes[e.valid_up_to()]);
                    if reads_as_gb18030(bytes, e.valid_up_to()) {
                        message.push_str(
                            ": the text reads as Chinese in GB18030 (GBK, GB2312), and JSON is \
                             UTF-8; convert the file (iconv -f GB18030 -t UTF-8)",
                        );
                    }
                    return Err(FormatError::at(at.location(), message));
                }
            };
            let start = self.tracker.clone();
            self.tracker.advance(line);
            let content = line.trim_end_matches(['\n', '\r']);
            if content.trim().is_empty() {
                continue;
            }
            // Once a line has had the target field, the names are needed no more.
            let mut seen = Seen {
                target: &self.fields.target,
                target_seen: self.target_seen,
                names: &mut self.names,
            };
            let parsed = parse_line(content, start.clone(), &self.fields, self.index, &mut seen);
            self.target_seen |= seen.target_seen;
            match parsed {
                Ok(segment) => {
                    self.records += 1;
                    self.index += 1;
                    return Ok(Some(segment));
                }
                Err(LineError { error, object }) => {
                    self.records += usize::from(object);
                    match &mut self.bad {
                        Some((_, others)) => others.push(start.location().line),
                        None => self.bad = Some((error, Vec::new())),
                    }
                }
            }
        }
    }

    /// The error the file ends with, if any: no record with the target field (the file is not
    /// checked), else the lines that could not be read (the others were checked).
    fn end(&mut self) -> Option<FormatError> {
        if self.records > 0 && !self.target_seen {
            let names: Vec<String> = self.names.iter().map(|n| format!("{n:?}")).collect();
            let listed = match names.len() {
                0 => "no fields".to_string(),
                n if n >= FIELDS_NAMED => format!("fields {}, …", names.join(", ")),
                1 => format!("the field {}", names[0]),
                _ => format!("the fields {}", names.join(", ")),
            };
            return Some(FormatError::whole(format!(
                "no line has the target field {:?} (the lines have {listed}); name the field to check with --target-field",
                self.fields.target
            )));
        }
        const NAMED: usize = 5;
        let (error, others) = self.bad.take()?;
        let mut lines: Vec<String> = others.iter().take(NAMED).map(u64::to_string).collect();
        if others.len() > NAMED {
            lines.push(format!("{} more", others.len() - NAMED));
        }
        let others = match lines.split_last() {
            None => String::new(),
            Some((last, [])) => format!(" (line {last} cannot be read either)"),
            Some((last, rest)) => format!(
                " (lines {} and {last} cannot be read either)",
                rest.join(", ")
            ),
        };
        let message = format!(
            "{}{others}; a line that cannot be read is skipped",
            error.message
        );
        Some(FormatError { message, ..error }.nonconforming())
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
                self.end().map(Err)
            }
            Err(e) => {
                self.finished = true;
                Some(Err(e))
            }
        }
    }
}

/// What the lines read so far hold: whether one had the target field, and the field names
/// (collected until one has it).
struct Seen<'a> {
    target: &'a str,
    target_seen: bool,
    names: &'a mut Vec<String>,
}

/// A line that cannot be read: why, and whether it is an object all the same.
struct LineError {
    error: FormatError,
    object: bool,
}

fn parse_line(
    line: &str,
    start: LocationTracker,
    fields: &Fields,
    index: usize,
    seen: &mut Seen<'_>,
) -> Result<Segment, LineError> {
    let at = |byte: usize| {
        let mut t = start.clone();
        t.advance(&line[..byte.min(line.len())]);
        t
    };
    let not_object = |error| LineError {
        error,
        object: false,
    };
    // serde_json validates the whole line and says where it breaks: in the line, which is the
    // only one it sees, so the position is given in the file's terms instead of its own.
    if let Err(e) = serde_json::from_str::<serde_json::Value>(line) {
        return Err(not_object(FormatError::at(
            at(json_error_byte(line, &e)).location(),
            format!("invalid JSON: {}", json_error_reason(&e)),
        )));
    }
    let members = members(line).ok_or_else(|| {
        not_object(FormatError::at(
            start.location(),
            "a JSON Lines line must be an object ({\"source\": …, \"target\": …})",
        ))
    })?;
    for (k, _) in &members {
        if seen.target_seen {
            break;
        }
        let name = decode_plain(&line[k.clone()]);
        seen.target_seen = name == seen.target;
        if seen.names.len() < FIELDS_NAMED && !seen.names.contains(&name) {
            seen.names.push(name);
        }
    }
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
        decode_string(
            line,
            value.start + 1..value.end - 1,
            at(value.start + 1),
            &mut text,
        );
        Ok(Some(text))
    };
    let object = |error| LineError {
        error,
        object: true,
    };
    let source = text_of(&fields.source).map_err(object)?;
    let target = text_of(&fields.target).map_err(object)?;
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
        suppressions: Vec::new(),
    })
}

/// The byte of `line` where serde_json's error `e` is: its column counts bytes from 1 (0 at
/// the start of an empty input), on the one line serde_json was given.
fn json_error_byte(line: &str, e: &serde_json::Error) -> usize {
    let mut byte = e.column().saturating_sub(1).min(line.len());
    while !line.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

/// serde_json's message without the position it appends ("at line 1 column 29"), which is
/// the record's own and not the file's.
pub(crate) fn json_error_reason(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&suffix) {
        Some(reason) => reason.to_string(),
        None => message,
    }
}

/// The byte spans of a key and of its value (strings with their quotes) in an object.
pub(crate) type Member = (std::ops::Range<usize>, std::ops::Range<usize>);

/// The members of the top-level object on a line that is valid JSON: byte spans of each key
/// and value (strings with their quotes). `None` when the line is not an object.
fn members(line: &str) -> Option<Vec<Member>> {
    members_at(line.as_bytes(), 0)
}

/// The members of the object starting at or after whitespace from byte `i` of valid JSON `b`;
/// `None` when no object starts there.
pub(crate) fn members_at(b: &[u8], i: usize) -> Option<Vec<Member>> {
    let mut i = skip_ws(b, i);
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

pub(crate) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        i += 1;
    }
    i
}

/// The end of the JSON value starting at `i` (which is valid JSON).
pub(crate) fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
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
pub(crate) fn decode_plain(raw: &str) -> String {
    serde_json::from_str::<String>(raw).unwrap_or_default()
}

/// Decodes the string content at `span` of `json` (valid JSON, the string without its quotes)
/// onto `out`: text as verbatim pieces, each escape (`\n`, `\"`, `\u00e9`, a surrogate pair)
/// as a replaced piece mapping to the whole escape. `at` is the position of `span.start` in the
/// file; the position of `span.end` is returned. The positions are walked once, from the
/// start of the string to its end, so a long string full of escapes is decoded in linear time.
pub(crate) fn decode_string(
    json: &str,
    span: std::ops::Range<usize>,
    at: LocationTracker,
    out: &mut MappedText,
) -> LocationTracker {
    let b = json.as_bytes();
    let mut here = at;
    let mut run = span.start;
    let mut i = span.start;
    while i < span.end {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let verbatim = &json[run..i];
        out.push_verbatim(verbatim, here.clone());
        here.advance(verbatim);
        let (c, len) = match b[i + 1] {
            b'n' => (Some('\n'), 2),
            b't' => (Some('\t'), 2),
            b'r' => (Some('\r'), 2),
            b'b' => (Some('\u{8}'), 2),
            b'f' => (Some('\u{c}'), 2),
            b'u' => {
                let unit = |at: usize| u32::from_str_radix(&json[at..at + 4], 16).ok();
                let high = unit(i + 2).unwrap_or(0xFFFD);
                if (0xD800..0xDC00).contains(&high) && json[i + 6..].starts_with("\\u") {
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
        let start = here.clone();
        here.advance(&json[i..i + len]);
        out.push_replaced(&c.to_string(), start, here.location());
        i += len;
        run = i;
    }
    let verbatim = &json[run..span.end];
    out.push_verbatim(verbatim, here.clone());
    here.advance(verbatim);
    here
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

    /// Every item the reader yields: a segment's unit and target, or an error's position,
    /// message and whether the other lines were checked.
    fn items(text: &str, fields: Fields) -> Vec<String> {
        JsonlReader::new(text.as_bytes(), fields)
            .map(|r| match r {
                Ok(s) => format!(
                    "{}={}",
                    s.unit.unwrap(),
                    s.target.map_or("-".into(), |t| t.text().to_string())
                ),
                Err(e) => {
                    let at = e.location.map_or("file".into(), |l| {
                        format!("{}:{}@{}", l.line, l.column, l.byte_offset)
                    });
                    format!("{at} {} [{}]", e.message, e.nonconforming)
                }
            })
            .collect()
    }

    #[test]
    fn a_bad_line_is_skipped_and_reported_after_the_others_in_the_files_terms() {
        // Line 2 has a trailing comma after Chinese text (three bytes a character), line 4 a
        // number for the target, line 5 is no object, line 6 is cut short.
        let text = "{\"id\":\"a\",\"target\":\"Golden Coin\"}\n\
                    {\"id\":\"b\",\"source\":\"金币\",\"target\":\"x\",}\n\
                    {\"id\":\"c\",\"target\":\"Golden Coin\"}\n\
                    {\"id\":\"d\",\"target\":5}\n\
                    [1]\n\
                    {\"id\":\"f\",\"target\":\"cut\n";
        let got = items(text, Fields::default());
        let line2 = "{\"id\":\"b\",\"source\":\"金币\",\"target\":\"x\",}";
        let brace = line2.rfind('}').unwrap();
        let column = line2[..brace].chars().count() + 1;
        let offset = text.find(line2).unwrap() + brace;
        assert_eq!(
            got,
            [
                "a=Golden Coin".to_string(),
                "c=Golden Coin".to_string(),
                format!(
                    "2:{column}@{offset} invalid JSON: trailing comma (lines 4, 5 and 6 cannot be read either); a line that cannot be read is skipped [true]"
                ),
            ]
        );
        assert!(
            !got[2].contains("line 1 column"),
            "one position, the file's"
        );
        // One bad line: its own error, no list of others; a number where the text should be.
        let got = items("{\"target\":\"One\"}\n{\"target\":5}\n", Fields::default());
        assert_eq!(
            got,
            [
                "1=One",
                "2:11@27 the field \"target\" is not a string; a line that cannot be read is skipped [true]"
            ]
        );
    }

    #[test]
    fn a_file_without_the_target_field_is_an_error_naming_the_fields_it_has() {
        let text = "{\"id\":\"ev1\",\"ts\":1,\"message\":\"Loaded at Shanghai Port.\"}\n\
                    {\"id\":\"ev2\",\"message\":\"Departed.\",\"meta\":{\"target\":\"x\"}}\n";
        let got = items(text, Fields::default());
        assert_eq!(
            got.last().unwrap(),
            "file no line has the target field \"target\" (the lines have the fields \"id\", \"ts\", \"message\", \"meta\"); name the field to check with --target-field [false]"
        );
        // Named, it is read; a field present but null on every line is a file to translate,
        // as is a target that is not a string on a line (the field is there); an empty file
        // has nothing to check.
        let fields = Fields {
            target: "message".into(),
            ..Fields::default()
        };
        assert_eq!(
            items(text, fields),
            ["ev1=Loaded at Shanghai Port.", "ev2=Departed."]
        );
        assert_eq!(
            items("{\"source\":\"一\",\"target\":null}\n", Fields::default()),
            ["1=-"]
        );
        let got = items("{\"target\":7}\n", Fields::default());
        assert_eq!(got.len(), 1);
        assert!(got[0].contains("is not a string"), "{got:?}");
        assert!(items("", Fields::default()).is_empty());
        assert!(items("\n\n", Fields::default()).is_empty());
        // Lines that are not objects say nothing of fields.
        let got = items("[1]\n", Fields::default());
        assert_eq!(got.len(), 1);
        assert!(got[0].contains("must be an object"), "{got:?}");
    }

    #[test]
    fn gb18030_text_is_named_as_such() {
        let bytes = encoding_rs::GB18030
            .encode("{\"source\":\"住房公积金\",\"target\":\"housing provident fund\"}\n")
            .0
            .into_owned();
        let err = JsonlReader::new(&bytes[..], Fields::default())
            .find_map(Result::err)
            .unwrap();
        assert!(err.message.contains("GB18030"), "{}", err.message);
        assert!(!err.nonconforming, "no line is read past it");
    }
}
