//! JSON documents: resource files of UI strings (i18next, nested key-value resources, ARB,
//! Chrome `messages.json`), CMS exports, and arrays of translation units.
//!
//! A JSON document is read in one of two ways:
//!
//! - **units**, when an object in it holds both the source and the target field of
//!   [`Fields`] (`--source-field`/`--target-field`, default `source` and `target`), as a JSON
//!   Lines record does: every object with the target field, at any depth, is a segment with
//!   that source and target (a missing or `null` field is no text), named by its `id` field or
//!   else its path. Nothing else in the document is text: the other members are the units'
//!   metadata. So `[{"id": "a", "source": "…", "target": "…"}, …]` reads as its `.jsonl` would.
//! - **resources**, otherwise: every string *value* is English text, a segment of its own
//!   named by its key path (`login.title`, `bullets[2]`), so a term never runs from one value
//!   into the next. Keys are never text. What is clearly no text is skipped: members whose key
//!   starts with `@` (ARB's `@key` descriptions and `@@locale`, JSON-LD's `@context`), the
//!   metadata beside a message in the formats that pair them (a Chrome message's
//!   `description` and `placeholders`), numbers, booleans, `null`, and strings that are one
//!   machine token rather than words (see [`is_machine_value`]).
//!
//! Escapes are decoded for matching, each mapping back to the whole escape, so every finding
//! points at its line and column in the file. The document must be valid JSON (RFC 8259):
//! anything else is an error at its line and column, and nothing of it is checked.

use std::ops::Range;

use crate::location::{LocationTracker, TextEncoding};
use crate::segment::{FormatError, MappedText, Segment, SegmentResult};

use super::jsonl::{
    decode_plain, decode_string, json_error_reason, members_at, skip_value, skip_ws, Fields, Member,
};

/// The objects that hold a message beside metadata about it, by format: the key of the message,
/// and the only other keys such an object has. The metadata is written for translators (a
/// description, an example of a placeholder), not shown to the user.
const MESSAGE_OBJECTS: &[(&str, &[&str])] = &[
    // Chrome and WebExtensions `_locales/*/messages.json`.
    ("message", &["description", "placeholders"]),
    // FormatJS (react-intl) extracted messages.
    ("defaultMessage", &["description", "id"]),
    // Transifex structured JSON.
    (
        "string",
        &["context", "developer_comment", "character_limit"],
    ),
];

/// The segments of the JSON document `text` (decoded, after a byte-order mark of `bom_len`
/// bytes in `encoding`), in document order. A unit whose text field is not a string is
/// skipped; the error about it comes last, after the other units (which are checked).
pub fn read_json(
    text: &str,
    encoding: TextEncoding,
    bom_len: usize,
    fields: &Fields,
) -> Result<Vec<SegmentResult>, FormatError> {
    let start = LocationTracker::new(encoding, bom_len as u64);
    // serde_json validates the document (and bounds its nesting, so that the walks below,
    // which trust it, recurse only so deep) and says where it breaks.
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let byte = error_byte(text, &e);
        let mut at = start;
        at.advance(&text[..byte]);
        let mut message = format!("invalid JSON: {}", json_error_reason(&e));
        if e.classify() == serde_json::error::Category::Syntax && one_value_per_line(text) {
            message.push_str(
                "; a file of one JSON value per line is JSON Lines: name it .jsonl or read it \
                 with --input-format jsonl",
            );
        }
        return Err(FormatError::at(at.location(), message));
    }
    let b = text.as_bytes();
    if let Some(at) = too_deep(b) {
        let mut here = start;
        here.advance(&text[..at]);
        return Err(FormatError::at(
            here.location(),
            format!("arrays and objects nested deeper than {MAX_DEPTH} levels"),
        ));
    }
    let root = skip_ws(b, 0);
    let mut reader = Reader {
        text,
        fields,
        here: start,
        here_at: 0,
        segments: Vec::new(),
        bad: None,
    };
    let mut path = Vec::new();
    if holds_units(b, root, fields, text) {
        reader.units(root, &mut path);
    } else {
        reader.resources(root, &mut path);
    }
    let mut out: Vec<SegmentResult> = reader.segments.into_iter().map(Ok).collect();
    if let Some((error, others)) = reader.bad {
        let others = match others {
            0 => String::new(),
            1 => " (1 more unit cannot be read either)".to_string(),
            n => format!(" ({n} more units cannot be read either)"),
        };
        let message = format!(
            "{}{others}; a unit that cannot be read is skipped",
            error.message
        );
        out.push(Err(FormatError { message, ..error }.nonconforming()));
    }
    Ok(out)
}

/// How deep arrays and objects may nest, as XML elements may: the document is walked
/// recursively.
const MAX_DEPTH: usize = 256;

/// The byte of valid JSON `b` that opens an array or object nested deeper than [`MAX_DEPTH`].
fn too_deep(b: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i = skip_value(b, i)?;
                continue;
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The byte of `text` where serde_json's error `e` is: the end for a document cut short, else
/// where serde_json says, counting lines by line feeds and columns by bytes from 1.
fn error_byte(text: &str, e: &serde_json::Error) -> usize {
    if e.classify() == serde_json::error::Category::Eof {
        return text.len();
    }
    let line_start = if e.line() <= 1 {
        0
    } else {
        memchr::memchr_iter(b'\n', text.as_bytes())
            .nth(e.line() - 2)
            .map_or(text.len(), |i| i + 1)
    };
    let mut byte = (line_start + e.column().saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

/// Whether `text` reads as JSON Lines: its first two lines that are not blank are each a whole
/// JSON value.
fn one_value_per_line(text: &str) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let mut whole = || {
        lines
            .next()
            .is_some_and(|l| serde_json::from_str::<serde::de::IgnoredAny>(l).is_ok())
    };
    whole() && whole()
}

/// Whether the value at byte `i` of valid JSON `b` holds an object with both the source and
/// the target field (the document is then read as units).
fn holds_units(b: &[u8], i: usize, fields: &Fields, text: &str) -> bool {
    match b[i] {
        b'{' => {
            let members = members_at(b, i).unwrap_or_default();
            let has = |name: &str| {
                members
                    .iter()
                    .any(|(k, _)| decode_plain(&text[k.clone()]) == name)
            };
            (has(&fields.source) && has(&fields.target))
                || members
                    .iter()
                    .any(|(_, v)| holds_units(b, v.start, fields, text))
        }
        b'[' => elements(b, i)
            .iter()
            .any(|v| holds_units(b, v.start, fields, text)),
        _ => false,
    }
}

/// The spans of the elements of the array at byte `i` of valid JSON `b`.
fn elements(b: &[u8], i: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = i + 1;
    loop {
        i = skip_ws(b, i);
        match b.get(i) {
            None | Some(b']') => return out,
            Some(b',') => i += 1,
            Some(_) => {
                let Some(end) = skip_value(b, i) else {
                    return out;
                };
                out.push(i..end);
                i = end;
            }
        }
    }
}

/// One step of the path from the document's root to a value.
enum Step {
    Key(String),
    Index(usize),
}

/// A path as a unit id: keys joined by dots, array indexes in brackets (`menu.items[2].label`),
/// as i18n libraries name a nested key.
fn path_name(path: &[Step]) -> Option<String> {
    if path.is_empty() {
        return None;
    }
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(n) => out.push_str(&format!("[{n}]")),
        }
    }
    Some(out)
}

struct Reader<'a> {
    text: &'a str,
    fields: &'a Fields,
    /// The position of byte `here_at` of the text; values are read in document order, so the
    /// position is walked forward once over the whole document.
    here: LocationTracker,
    here_at: usize,
    segments: Vec<Segment>,
    /// The first unit that could not be read, and how many others could not.
    bad: Option<(FormatError, usize)>,
}

impl Reader<'_> {
    /// The position of byte `at`, which is at or after every position asked for before.
    fn at(&mut self, at: usize) -> LocationTracker {
        self.here.advance(&self.text[self.here_at..at]);
        self.here_at = at;
        self.here.clone()
    }

    /// The string value spanning `value` (with its quotes) decoded, with its positions.
    fn string(&mut self, value: &Range<usize>) -> MappedText {
        let at = self.at(value.start + 1);
        let mut text = MappedText::new(at.clone());
        let content = value.start + 1..value.end - 1;
        self.here = decode_string(self.text, content.clone(), at, &mut text);
        self.here_at = content.end;
        text
    }

    /// Reads the value at byte `i` as resources: its strings, at any depth, are texts.
    fn resources(&mut self, i: usize, path: &mut Vec<Step>) {
        let b = self.text.as_bytes();
        match b[i] {
            b'"' => {
                let end = skip_value(b, i).unwrap_or(b.len());
                let location = self.at(i).location();
                let text = self.string(&(i..end));
                if is_machine_value(text.text()) {
                    return;
                }
                self.segments.push(Segment {
                    index: self.segments.len(),
                    unit: path_name(path),
                    location,
                    source: None,
                    target: Some(text),
                    context: None,
                    plural_form: None,
                    suppressions: Vec::new(),
                });
            }
            b'{' => {
                let members = members_at(b, i).unwrap_or_default();
                let keys: Vec<String> = members
                    .iter()
                    .map(|(k, _)| decode_plain(&self.text[k.clone()]))
                    .collect();
                if let Some(message) = message_of(self.text, &members, &keys) {
                    self.resources(message.start, path);
                    return;
                }
                for ((_, value), key) in members.iter().zip(keys) {
                    if key.starts_with('@') {
                        continue;
                    }
                    path.push(Step::Key(key));
                    self.resources(value.start, path);
                    path.pop();
                }
            }
            b'[' => {
                for (n, value) in elements(b, i).into_iter().enumerate() {
                    path.push(Step::Index(n));
                    self.resources(value.start, path);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    /// Reads the value at byte `i` as units: every object with the target field is one.
    fn units(&mut self, i: usize, path: &mut Vec<Step>) {
        let b = self.text.as_bytes();
        match b[i] {
            b'{' => {
                let members = members_at(b, i).unwrap_or_default();
                let keys: Vec<String> = members
                    .iter()
                    .map(|(k, _)| decode_plain(&self.text[k.clone()]))
                    .collect();
                if keys.contains(&self.fields.target) {
                    self.unit(i, &members, &keys, path);
                    return;
                }
                for ((_, value), key) in members.iter().zip(keys) {
                    path.push(Step::Key(key));
                    self.units(value.start, path);
                    path.pop();
                }
            }
            b'[' => {
                for (n, value) in elements(b, i).into_iter().enumerate() {
                    path.push(Step::Index(n));
                    self.units(value.start, path);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    /// The unit of the object at byte `i`, as a JSON Lines record is read.
    fn unit(&mut self, i: usize, members: &[Member], keys: &[String], path: &[Step]) {
        let location = self.at(i).location();
        let (mut source, mut target, mut id) = (None, None, None);
        // The members are read in document order, whichever field comes first.
        for ((_, value), key) in members.iter().zip(keys) {
            let raw = &self.text[value.clone()];
            let field = if *key == self.fields.target {
                &mut target
            } else if *key == self.fields.source {
                &mut source
            } else {
                if key == "id" {
                    id = match raw.as_bytes()[0] {
                        b'"' => Some(decode_plain(raw)),
                        b'n' => None,
                        _ => Some(raw.to_string()),
                    };
                }
                continue;
            };
            *field = match raw.as_bytes()[0] {
                b'"' => Some(self.string(value)),
                b'n' => None,
                _ => {
                    let error = FormatError::at(
                        self.at(value.start).location(),
                        format!("the field {key:?} is not a string"),
                    );
                    match &mut self.bad {
                        Some((_, others)) => *others += 1,
                        None => self.bad = Some((error, 0)),
                    }
                    return;
                }
            };
        }
        self.segments.push(Segment {
            index: self.segments.len(),
            unit: id.or_else(|| path_name(path)),
            location,
            source,
            target,
            context: None,
            plural_form: None,
            suppressions: Vec::new(),
        });
    }
}

/// The span of the message of an object that holds one beside its metadata only (see
/// [`MESSAGE_OBJECTS`]), as a string.
fn message_of(text: &str, members: &[Member], keys: &[String]) -> Option<Range<usize>> {
    MESSAGE_OBJECTS.iter().find_map(|(message, metadata)| {
        let i = keys.iter().position(|k| k == message)?;
        let value = &members[i].1;
        let others_are_metadata = keys
            .iter()
            .enumerate()
            .all(|(j, k)| j == i || metadata.contains(&k.as_str()));
        (others_are_metadata && text.as_bytes()[value.start] == b'"').then(|| value.clone())
    })
}

/// Whether a string value of a resource file is a machine value rather than text a reader
/// sees: no letter at all (a number, a date, a colour written as a string), or a single token
/// written as code — an address (`https://…`, `mailto:…`, `/help/login`, `#anchor`, an e-mail
/// address), a name joined by underscores (`PAYMENT_OK`, `qr_code`), or a lowercase name joined
/// by dots, hyphens, colons or slashes (`login.title`, `qr-code-payment`, `icon.png`,
/// `ns:key`): a key, a slug, a file name or an enumerated value, which the program reads and
/// a rewrite would break. A word with a capital or a space in it is text: "Log In",
/// "Withdraw", "e-CNY", "Node.js".
pub fn is_machine_value(value: &str) -> bool {
    let t = value.trim();
    if !t.chars().any(char::is_alphabetic) {
        return true;
    }
    if t.contains(char::is_whitespace) {
        return false;
    }
    let address = t.contains("://")
        || t.starts_with("mailto:")
        || t.starts_with("tel:")
        || t.starts_with(['/', '#'])
        || t.starts_with("./")
        || t.starts_with("../")
        || t.starts_with("~/")
        || t.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.ends_with('.')
        });
    if address || t.contains('_') {
        return true;
    }
    let joiner = |c: char| matches!(c, '.' | '-' | ':' | '/');
    let chars: Vec<char> = t.chars().collect();
    let joined = chars
        .windows(3)
        .any(|w| joiner(w[1]) && w[0].is_ascii_alphanumeric() && w[2].is_ascii_alphanumeric());
    joined
        && chars
            .iter()
            .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || joiner(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<SegmentResult> {
        read_json(text, TextEncoding::Utf8, 0, &Fields::default()).unwrap()
    }

    /// unit=target (source) for each segment, the error's position and message for an error.
    fn items(text: &str, fields: &Fields) -> Vec<String> {
        match read_json(text, TextEncoding::Utf8, 0, fields) {
            Err(e) => {
                let l = e.location.unwrap();
                vec![format!(
                    "{}:{}@{} {}",
                    l.line, l.column, l.byte_offset, e.message
                )]
            }
            Ok(items) => items
                .into_iter()
                .map(|r| match r {
                    Ok(s) => {
                        let text = |t: &Option<MappedText>| {
                            t.as_ref().map_or("-".to_string(), |t| t.text().to_string())
                        };
                        let mut out = format!("{}={}", s.unit.unwrap_or_default(), text(&s.target));
                        if s.source.is_some() {
                            out.push_str(&format!(" ({})", text(&s.source)));
                        }
                        out
                    }
                    Err(e) => {
                        let l = e.location.unwrap();
                        format!(
                            "{}:{} {} [{}]",
                            l.line, l.column, e.message, e.nonconforming
                        )
                    }
                })
                .collect(),
        }
    }

    #[track_caller]
    fn resources(text: &str, want: &[&str]) {
        assert_eq!(items(text, &Fields::default()), want);
    }

    #[test]
    fn values_of_nested_and_flat_resources_are_texts_and_keys_are_not() {
        resources(
            r#"{"login.title": "Log In", "wallet": {"top_up": "Top Up", "tabs": ["Withdraw", {"x": "Red packet"}]}, "n": 3, "b": true, "z": null}"#,
            &[
                "login.title=Log In",
                "wallet.top_up=Top Up",
                "wallet.tabs[0]=Withdraw",
                "wallet.tabs[1].x=Red packet",
            ],
        );
        resources(r#"["One", ["Two"]]"#, &["[0]=One", "[1][0]=Two"]);
        resources(r#""A whole document""#, &["=A whole document"]);
        resources("{}", &[]);
    }

    #[test]
    fn metadata_and_machine_values_are_no_text() {
        // ARB: `@key` descriptions and `@@locale`; a Chrome message's description and
        // placeholders; FormatJS's description.
        resources(
            r#"{"@@locale": "en", "title": "Sign in", "@title": {"description": "Login button label"},
               "appName": {"message": "Red packet", "description": "Red pocket shown in the list", "placeholders": {"n": {"content": "$1", "example": "Red pocket"}}},
               "m": {"defaultMessage": "Top up", "description": "recharge button"}}"#,
            &["title=Sign in", "appName=Red packet", "m=Top up"],
        );
        // An object with a "message" and other fields is no Chrome message: all its strings
        // are read.
        resources(
            r#"{"toast": {"message": "Saved", "title": "Done"}}"#,
            &["toast.message=Saved", "toast.title=Done"],
        );
        resources(
            r##"{"url": "https://example.org/red-packet", "href": "/help/log-in", "mail": "help@pay.example.com",
               "icon": "red_packet.png", "slug": "qr-code-payment", "key": "login.title", "enum": "PAYMENT_OK",
               "price": "12.50", "date": "2024-01-31", "color": "#ff0000", "ns": "ui:login",
               "word": "withdraw", "name": "e-CNY", "lib": "Node.js", "sku": "HG-SERUM-30ML", "blank": "  ",
               "note": "Note:", "path in prose": "See /help/login for help"}"##,
            &[
                "word=withdraw",
                "name=e-CNY",
                "lib=Node.js",
                "sku=HG-SERUM-30ML",
                "note=Note:",
                "path in prose=See /help/login for help",
            ],
        );
    }

    #[test]
    fn escapes_are_decoded_and_map_to_the_file() {
        let text = "{\n  \"k\": \"Caf\\u00e9 \\\"red\\npackat\\\" \\ud83d\\ude00 end\",\r\n  \"ü\": \"Ünion\"\n}";
        let segments: Vec<Segment> = read(text).into_iter().map(Result::unwrap).collect();
        let t = segments[0].target.as_ref().unwrap();
        assert_eq!(t.text(), "Café \"red\npackat\" 😀 end");
        let i = t.text().find("packat").unwrap();
        let (a, b) = t.span(i..i + "packat".len());
        // Line 2: `  "k": "Caf\u00e9 \"red\npackat` puts "packat" at column 26.
        assert_eq!((a.line, a.column, b.column), (2, 26, 32));
        assert_eq!(a.byte_offset as usize, text.find("packat").unwrap());
        let i = t.text().find("end").unwrap();
        assert_eq!(
            t.location(i).byte_offset as usize,
            text.find("end").unwrap()
        );
        let e = t.text().find('é').unwrap();
        let (a, b) = t.span(e..e + 'é'.len_utf8());
        assert_eq!((a.column, b.column), (12, 18), "the whole escape");
        let u = segments[1].target.as_ref().unwrap();
        let l = u.location(0);
        assert_eq!((l.line, l.column), (3, 9), "after a CRLF, a non-ASCII key");
        assert_eq!(segments[1].location.column, 8, "the value's opening quote");
    }

    #[test]
    fn positions_count_the_byte_order_mark_and_utf16_bytes() {
        let text = "{\"a\": \"Red packat\"}";
        let got = read_json(text, TextEncoding::Utf16Le, 2, &Fields::default()).unwrap();
        let t = got[0].as_ref().unwrap().target.clone().unwrap();
        let l = t.location(4);
        assert_eq!((l.line, l.column, l.byte_offset), (1, 12, 2 + 2 * 11));
    }

    #[test]
    fn objects_with_the_source_and_target_fields_are_units() {
        let text = r#"{"project": "Pay app", "units": [
            {"id": "t1", "source": "登录", "target": "Log in", "note": "button"},
            {"target": "Sign-in", "source": "登录"},
            {"id": 7, "source": "红包", "target": null},
            {"id": "t4", "source": "提现", "target": 12},
            {"id": "t5", "source": "x", "target": ["y"]},
            {"id": "t6", "target": "Withdraw"}
        ]}"#;
        assert_eq!(
            items(text, &Fields::default()),
            [
                "t1=Log in (登录)",
                "units[1]=Sign-in (登录)",
                "7=- (红包)",
                "t6=Withdraw",
                "5:52 the field \"target\" is not a string (1 more unit cannot be read either); a unit that cannot be read is skipped [true]",
            ]
        );
        // Fields named as for JSON Lines.
        let fields = Fields {
            source: "zh".into(),
            target: "en".into(),
        };
        assert_eq!(
            items(r#"[{"zh": "提现", "en": "Withdraw"}]"#, &fields),
            ["[0]=Withdraw (提现)"]
        );
        // Without an object holding both fields, a "target" is a resource value like any other.
        assert_eq!(
            items(
                r#"{"link": {"target": "New window"}, "t": "Log in"}"#,
                &Fields::default()
            ),
            ["link.target=New window", "t=Log in"]
        );
    }

    #[test]
    fn invalid_json_is_an_error_at_its_position_in_the_file() {
        let fields = Fields::default();
        assert_eq!(
            items("{\n  \"a\": [\"红包\",\n]}", &fields),
            ["3:1@20 invalid JSON: expected value"]
        );
        assert_eq!(
            items("{\"a\": \"x\"", &fields),
            ["1:10@9 invalid JSON: EOF while parsing an object"]
        );
        assert_eq!(
            items("", &fields),
            ["1:1@0 invalid JSON: EOF while parsing a value"]
        );
        let got = items("{\"target\": \"a\"}\n{\"target\": \"b\"}\n", &fields);
        assert!(
            got[0].starts_with("2:1@16 invalid JSON: trailing characters; a file of one JSON value per line is JSON Lines"),
            "{got:?}"
        );
        // Deep nesting is an error, not a deep recursion.
        let deep = format!("{}\"Log in\"{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(
            items(&deep, &fields),
            ["1:257@256 arrays and objects nested deeper than 256 levels"]
        );
        let fine = format!("{}\"Log in\"{}", "[".repeat(256), "]".repeat(256));
        assert_eq!(items(&fine, &fields).len(), 1);
    }
}
