//! Gettext PO (and POT) catalogues.
//!
//! Every entry but the header is a segment: `msgid` is the source, `msgstr` the target (an
//! empty `msgstr` is an empty target, at its string: the entry is untranslated). A plural
//! entry gives one segment per `msgstr[n]`, with `msgid_plural` as the source of the plural
//! forms. The unit id is the `msgid`, prefixed by `[msgctxt] ` when there is one, and
//! suffixed by `[n]` for plural forms; the segment also keeps the msgctxt and the form apart,
//! since `inconsistent-segment` compares only segments of one context and one form. Entries
//! flagged `#, fuzzy` are skipped unless asked for; obsolete `#~` entries are skipped. Strings
//! continued on several lines are joined; C escapes (`\n`, `\"`, `\t`, `\\`, octal, hex) are
//! decoded and map back to the escape in the file.
//!
//! The encoding is the byte-order mark's, else the header's `charset=`, else UTF-8.

use super::decode_file;
use crate::input::decode::detect_encoding;
use crate::location::{Location, LocationTracker, TextEncoding};
use crate::segment::{FormatError, MappedText, Segment};

/// Reading options for PO files.
#[derive(Debug, Clone, Copy, Default)]
pub struct PoOptions {
    /// Check entries flagged `fuzzy` too.
    pub include_fuzzy: bool,
}

/// The encoding of a PO file: byte-order mark or UTF-16 pattern, else the header's charset.
fn po_encoding(bytes: &[u8]) -> Result<(TextEncoding, usize), FormatError> {
    let detected = detect_encoding(bytes);
    if detected.bom_len > 0 || detected.encoding != TextEncoding::Utf8 {
        return Ok((detected.encoding, detected.bom_len));
    }
    let head = &bytes[..bytes.len().min(8192)];
    let Some(at) = head
        .windows(8)
        .position(|w| w.eq_ignore_ascii_case(b"charset="))
    else {
        return Ok((TextEncoding::Utf8, 0));
    };
    let label: Vec<u8> = head[at + 8..]
        .iter()
        .copied()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
        .collect();
    let label = String::from_utf8_lossy(&label).into_owned();
    if label.is_empty() || label.eq_ignore_ascii_case("CHARSET") {
        return Ok((TextEncoding::Utf8, 0));
    }
    match encoding_rs::Encoding::for_label(label.as_bytes()) {
        Some(e) if e == encoding_rs::UTF_8 => Ok((TextEncoding::Utf8, 0)),
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => {
            Ok((TextEncoding::Utf8, 0))
        }
        Some(e) => Ok((TextEncoding::Legacy(e), 0)),
        None => Err(FormatError::whole(format!(
            "unknown charset {label:?} in the PO header"
        ))),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Context,
    Id,
    Plural,
    Str(usize),
}

#[derive(Default)]
struct Entry {
    location: Option<Location>,
    fuzzy: bool,
    context: Option<MappedText>,
    id: Option<MappedText>,
    plural: Option<MappedText>,
    strs: Vec<(usize, MappedText)>,
}

/// Reads a PO file held in memory as segments.
pub fn read_po(bytes: &[u8], options: PoOptions) -> Result<Vec<Segment>, FormatError> {
    let (encoding, bom_len) = po_encoding(bytes)?;
    let text = decode_file(
        bytes,
        encoding,
        bom_len,
        Some(|name| {
            format!("declare it in the header: \"Content-Type: text/plain; charset={name}\\n\"")
        }),
    )?;
    let mut segments = Vec::new();
    let mut entry = Entry::default();
    let mut field: Option<Field> = None;
    let mut tracker = LocationTracker::new(encoding, bom_len as u64);
    for raw_line in text.split_inclusive('\n') {
        let line_start = tracker.clone();
        tracker.advance(raw_line);
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let mut at = line_start.clone();
        at.advance(indent);
        if trimmed.is_empty() {
            continue;
        }
        if let Some(comment) = trimmed.strip_prefix('#') {
            if entry.id.is_some() && field.is_some_and(|f| matches!(f, Field::Str(_))) {
                finish(&mut entry, options, &mut segments);
                field = None;
            }
            if let Some(flags) = comment.strip_prefix(',') {
                if flags.split(',').any(|f| f.trim() == "fuzzy") {
                    entry.fuzzy = true;
                }
            } else if comment.starts_with('~') {
                // Obsolete entries are comments: nothing of them is checked.
                continue;
            }
            entry.location.get_or_insert(at.location());
            continue;
        }
        if trimmed.starts_with('"') {
            let Some(current) = field else {
                return Err(FormatError::at(
                    at.location(),
                    "a string outside an entry (no msgid, msgstr or msgctxt before it)",
                ));
            };
            let target = slot(&mut entry, current, &at);
            string(trimmed, at, target)?;
            continue;
        }
        let keyword_end = trimmed
            .find(|c: char| c.is_whitespace() || c == '"')
            .unwrap_or(trimmed.len());
        let keyword = &trimmed[..keyword_end];
        if keyword == "domain" {
            // `domain "name"` switches the message domain; the entries after it are read alike.
            if entry.id.is_some() {
                finish(&mut entry, options, &mut segments);
            }
            field = None;
            continue;
        }
        let next = match keyword {
            "msgctxt" => Field::Context,
            "msgid" => Field::Id,
            "msgid_plural" => Field::Plural,
            "msgstr" => Field::Str(0),
            k if k.starts_with("msgstr[") && k.ends_with(']') => {
                match k["msgstr[".len()..k.len() - 1].parse() {
                    Ok(n) => Field::Str(n),
                    Err(_) => {
                        return Err(FormatError::at(
                            at.location(),
                            format!("bad plural index in {k}"),
                        ))
                    }
                }
            }
            _ => {
                return Err(FormatError::at(
                    at.location(),
                    format!(
                        "unexpected {:?}: a PO line is a comment, a keyword (msgid, msgstr…) or \
                         a quoted string",
                        keyword.chars().take(20).collect::<String>()
                    ),
                ))
            }
        };
        // A new msgctxt or msgid after a msgstr starts the next entry.
        if matches!(next, Field::Context | Field::Id)
            && field.is_some_and(|f| matches!(f, Field::Str(_)))
        {
            finish(&mut entry, options, &mut segments);
        }
        if matches!(next, Field::Str(_)) && entry.id.is_none() {
            return Err(FormatError::at(
                at.location(),
                "msgstr without a msgid before it",
            ));
        }
        entry.location.get_or_insert(at.location());
        field = Some(next);
        let rest = &trimmed[keyword_end..];
        let rest_trimmed = rest.trim_start();
        let mut string_at = at.clone();
        string_at.advance(&trimmed[..keyword_end + rest.len() - rest_trimmed.len()]);
        if rest_trimmed.is_empty() {
            // The string starts on the next line.
            slot(&mut entry, next, &string_at);
            continue;
        }
        if !rest_trimmed.starts_with('"') {
            return Err(FormatError::at(
                string_at.location(),
                format!("{keyword} must be followed by a quoted string"),
            ));
        }
        let target = slot(&mut entry, next, &string_at);
        string(rest_trimmed, string_at, target)?;
    }
    if entry.id.is_some() {
        if !field.is_some_and(|f| matches!(f, Field::Str(_))) {
            return Err(FormatError::at(
                tracker.location(),
                "the file ends in an entry without msgstr",
            ));
        }
        finish(&mut entry, options, &mut segments);
    }
    for (i, s) in segments.iter_mut().enumerate() {
        s.index = i;
    }
    Ok(segments)
}

/// The text a string of `field` is appended to.
fn slot<'e>(entry: &'e mut Entry, field: Field, at: &LocationTracker) -> &'e mut MappedText {
    let new = || MappedText::new(at.clone());
    match field {
        Field::Context => entry.context.get_or_insert_with(new),
        Field::Id => entry.id.get_or_insert_with(new),
        Field::Plural => entry.plural.get_or_insert_with(new),
        Field::Str(n) => {
            let i = match entry.strs.iter().position(|(k, _)| *k == n) {
                Some(i) => i,
                None => {
                    entry.strs.push((n, new()));
                    entry.strs.len() - 1
                }
            };
            &mut entry.strs[i].1
        }
    }
}

/// Appends the quoted string at the start of `s` (written at `at`) to `out`, decoding escapes.
fn string(s: &str, at: LocationTracker, out: &mut MappedText) -> Result<(), FormatError> {
    let mut t = at;
    t.advance("\"");
    let body = &s[1..];
    let mut run_start = 0;
    let mut run_at = t.clone();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                out.push_verbatim(&body[run_start..i], run_at);
                let rest = body[i + 1..].trim();
                if !rest.is_empty() && !rest.starts_with('#') {
                    t.advance(&body[run_start..=i]);
                    return Err(FormatError::at(
                        t.location(),
                        "text after the closing quote of a PO string",
                    ));
                }
                return Ok(());
            }
            '\\' => {
                out.push_verbatim(&body[run_start..i], run_at.clone());
                t.advance(&body[run_start..i]);
                let escape_at = t.clone();
                let Some((_, e)) = chars.next() else {
                    break;
                };
                let mut len = 1 + e.len_utf8();
                let decoded = match e {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'v' => '\u{b}',
                    '\\' | '"' | '\'' | '?' => e,
                    '0'..='7' => {
                        let mut value = e.to_digit(8).expect("octal");
                        while let Some(&(_, d)) = chars.peek() {
                            if len >= 4 || !d.is_digit(8) {
                                break;
                            }
                            value = value * 8 + d.to_digit(8).expect("octal");
                            chars.next();
                            len += 1;
                        }
                        char::from_u32(value).unwrap_or('\u{FFFD}')
                    }
                    'x' => {
                        let mut value = 0;
                        while let Some(&(_, d)) = chars.peek() {
                            if !d.is_ascii_hexdigit() {
                                break;
                            }
                            value = value * 16 + d.to_digit(16).expect("hex");
                            chars.next();
                            len += 1;
                        }
                        char::from_u32(value).unwrap_or('\u{FFFD}')
                    }
                    _ => {
                        return Err(FormatError::at(
                            escape_at.location(),
                            format!("unknown escape \\{e} in a PO string"),
                        ))
                    }
                };
                t.advance(&body[i..i + len]);
                out.push_replaced(&decoded.to_string(), escape_at, t.location());
                run_start = i + len;
                run_at = t.clone();
            }
            _ => {}
        }
    }
    t.advance(&body[run_start..]);
    Err(FormatError::at(
        t.location(),
        "unterminated string: a PO string ends with \" on its line",
    ))
}

fn finish(entry: &mut Entry, options: PoOptions, segments: &mut Vec<Segment>) {
    let e = std::mem::take(entry);
    let Some(id) = e.id else { return };
    if (e.fuzzy && !options.include_fuzzy) || id.text().is_empty() {
        // The header (empty msgid) and fuzzy entries are not checked.
        return;
    }
    let location = e.location.unwrap_or_else(|| id.start());
    let base = match &e.context {
        Some(c) => format!("[{}] {}", c.text(), id.text()),
        None => id.text().to_string(),
    };
    let plural = e.plural;
    let several = plural.is_some();
    let mut strs = e.strs;
    strs.sort_by_key(|(n, _)| *n);
    for (n, target) in strs {
        let source = match (&plural, n) {
            (Some(p), n) if n > 0 => p.clone(),
            _ => id.clone(),
        };
        segments.push(Segment {
            index: 0,
            unit: Some(if several {
                format!("{base}[{n}]")
            } else {
                base.clone()
            }),
            location,
            source: Some(source),
            // An empty msgstr keeps its place: a finding on it points at its string.
            target: Some(target),
            context: e.context.as_ref().map(|c| c.text().to_string()),
            plural_form: several.then_some(n),
            suppressions: Vec::new(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PO: &str = r#"# A catalogue
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

#: src/a.c:1
msgid "Trade union"
msgstr "Trade \"union\"\n"
"second line"

#, fuzzy
msgid "Fuzzy"
msgstr "Unsure"

msgctxt "menu"
msgid "File"
msgstr ""

msgid "One worker"
msgid_plural "%d workers"
msgstr[0] "Un travailleur"
msgstr[1] "%d travailleurs"

#~ msgid "Old"
#~ msgstr "Ancien"
domain "other"
msgid "Last"
msgstr
"Dernier"
"#;

    type Row = (Option<String>, String, Option<String>);

    fn rows(segments: &[Segment]) -> Vec<Row> {
        segments
            .iter()
            .map(|s| {
                (
                    s.unit.clone(),
                    s.source.as_ref().unwrap().text().to_string(),
                    s.target.as_ref().map(|t| t.text().to_string()),
                )
            })
            .collect()
    }

    fn row(unit: &str, source: &str, target: Option<&str>) -> Row {
        (
            Some(unit.to_string()),
            source.to_string(),
            target.map(str::to_string),
        )
    }

    #[test]
    fn entries_plurals_contexts_and_fuzzy_flags() {
        let segments = read_po(PO.as_bytes(), PoOptions::default()).unwrap();
        assert_eq!(
            rows(&segments),
            [
                row(
                    "Trade union",
                    "Trade union",
                    Some("Trade \"union\"\nsecond line")
                ),
                row("[menu] File", "File", Some("")),
                row("One worker[0]", "One worker", Some("Un travailleur")),
                row("One worker[1]", "%d workers", Some("%d travailleurs")),
                row("Last", "Last", Some("Dernier")),
            ]
        );
        // The empty msgstr is where a finding on it points: its string, not the msgid.
        let empty = segments[1].target.as_ref().unwrap().start();
        let lines: Vec<&str> = PO.lines().collect();
        let line = lines.iter().rposition(|l| *l == "msgstr \"\"").unwrap();
        assert_eq!(
            (empty.line, empty.column),
            (line as u64 + 1, 8),
            "{empty:?}"
        );
        let contexts: Vec<(Option<&str>, Option<usize>)> = segments
            .iter()
            .map(|s| (s.context.as_deref(), s.plural_form))
            .collect();
        assert_eq!(
            contexts,
            [
                (None, None),
                (Some("menu"), None),
                (None, Some(0)),
                (None, Some(1)),
                (None, None),
            ]
        );
        let with_fuzzy = read_po(
            PO.as_bytes(),
            PoOptions {
                include_fuzzy: true,
            },
        )
        .unwrap();
        assert_eq!(with_fuzzy.len(), 6);
        assert_eq!(with_fuzzy[1].unit.as_deref(), Some("Fuzzy"));
    }

    #[test]
    fn positions_map_through_escapes_and_continuation_lines() {
        let segments = read_po(PO.as_bytes(), PoOptions::default()).unwrap();
        let target = segments[0].target.as_ref().unwrap();
        let at = |s: &str| {
            let i = target.text().find(s).unwrap();
            let (a, b) = target.span(i..i + s.len());
            (a.line, a.column, b.line, b.column)
        };
        assert_eq!(at("Trade"), (8, 9, 8, 14));
        assert_eq!(at("\"union\""), (8, 15, 8, 24));
        assert_eq!(at("second"), (9, 2, 9, 8));
        assert_eq!(segments[0].location.line, 6);
    }

    #[test]
    fn legacy_charsets_and_utf16() {
        let po = b"msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=windows-1252\\n\"\n\nmsgid \"a\"\nmsgstr \"caf\xE9\"\n";
        let segments = read_po(po, PoOptions::default()).unwrap();
        assert_eq!(segments[0].target.as_ref().unwrap().text(), "café");
        let text = "msgid \"a\"\nmsgstr \"上海\"\n";
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
        let segments = read_po(&bytes, PoOptions::default()).unwrap();
        let target = segments[0].target.as_ref().unwrap();
        assert_eq!(target.text(), "上海");
        assert_eq!(target.start().byte_offset, 2 + 2 * 18);
    }

    #[track_caller]
    fn error(po: &str) -> (u64, u64, String) {
        let e = read_po(po.as_bytes(), PoOptions::default()).unwrap_err();
        let l = e.location.expect("position");
        (l.line, l.column, e.message)
    }

    #[test]
    fn syntax_errors_have_positions() {
        let (l, c, m) = error("msgid \"a\"\nmsgstr \"b\n");
        assert_eq!((l, c), (2, 10));
        assert!(m.contains("unterminated"), "{m}");
        let (l, c, m) = error("msgid \"a\"\nmsgstr \"b\"\nbogus line\n");
        assert_eq!((l, c), (3, 1));
        assert!(m.contains("bogus"), "{m}");
        let (l, _, m) = error("msgstr \"b\"\n");
        assert_eq!(l, 1);
        assert!(m.contains("without a msgid"), "{m}");
        let (l, c, m) = error("msgid \"a\\q\"\nmsgstr \"\"\n");
        assert_eq!((l, c), (1, 9));
        assert!(m.contains("\\q"), "{m}");
        let e = read_po(b"msgid \"a\"\nmsgstr \"\xFF\"\n", PoOptions::default()).unwrap_err();
        let l = e.location.unwrap();
        assert_eq!((l.line, l.column, l.byte_offset), (2, 9, 18));
    }
}
