//! Input formats: telling them apart, and reading bilingual ones as [`Segment`]s.
//!
//! Plain text and Markdown are checked as they are (see [`crate::check`]). XLIFF, TMX, PO,
//! TSV/CSV tables, JSON Lines and paired plain files are read as segments (see
//! [`crate::segment`]) and only their targets are checked with the English rules; every
//! finding points at the line and column of the original file. The format is the one asked
//! for, else the extension's, else what the first bytes look like. See `docs/formats.md`.

pub mod bcp47;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod po;
pub mod tabular;
pub mod tmx;
pub mod xliff;
pub mod xliff2_rules;
pub mod xml;

use std::fmt;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use crate::input::decode::{decode_all, detect_encoding, Decoder};
use crate::location::{LocationTracker, TextEncoding};
use crate::markdown::Markup;
use crate::segment::{FormatError, Segment, SegmentResult};

pub use jsonl::Fields;
pub use po::PoOptions;
pub use tabular::{Column, Columns};
pub use tmx::LanguagePair;

/// What kind of file an input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InputFormat {
    /// Plain text, checked as a whole.
    Text,
    /// Markdown, checked as a whole but for its code.
    Markdown,
    /// XLIFF 1.x or 2.x.
    Xliff,
    /// TMX translation memory.
    Tmx,
    /// Gettext PO or POT.
    Po,
    /// Tab-separated source and target columns.
    Tsv,
    /// Comma-separated source and target columns.
    Csv,
    /// JSON Lines, one segment or document per line.
    Jsonl,
    /// A JSON document: resource strings, or objects with source and target fields.
    Json,
    /// A plain English file aligned line by line with a source file.
    Paired,
    /// An HTML page: its text content and shown attributes, not its markup or code.
    Html,
}

impl InputFormat {
    /// Whether the format has translation units (everything but plain text and Markdown).
    pub fn is_bilingual(self) -> bool {
        self.markup().is_none()
    }

    /// How a document in this format marks up its text, when it is one.
    pub fn markup(self) -> Option<Markup> {
        match self {
            InputFormat::Text => Some(Markup::Plain),
            InputFormat::Markdown => Some(Markup::Markdown),
            _ => None,
        }
    }

    /// The format of a file with this extension, when the extension says.
    pub fn from_extension(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => InputFormat::Text,
            "md" | "markdown" => InputFormat::Markdown,
            "xlf" | "xliff" | "sdlxliff" | "mqxliff" | "xlif" => InputFormat::Xliff,
            "tmx" => InputFormat::Tmx,
            "po" | "pot" => InputFormat::Po,
            "tsv" | "tab" => InputFormat::Tsv,
            "csv" => InputFormat::Csv,
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            "html" | "htm" | "xhtml" => InputFormat::Html,
            "json" | "arb" => InputFormat::Json,
            _ => return None,
        })
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "Markdown",
            InputFormat::Xliff => "XLIFF",
            InputFormat::Tmx => "TMX",
            InputFormat::Po => "PO",
            InputFormat::Tsv => "TSV",
            InputFormat::Csv => "CSV",
            InputFormat::Jsonl => "JSON Lines",
            InputFormat::Json => "JSON",
            InputFormat::Paired => "paired text",
            InputFormat::Html => "HTML",
        })
    }
}

/// Bytes of a file's start read to recognize its format.
pub const SNIFF_LEN: usize = 1024;

/// The format of a file whose extension does not say, from its first bytes: an XML root
/// element `xliff` or `tmx`, an HTML DOCTYPE or root element `html`, a JSON object or array
/// (JSON Lines when its first line is a whole value and the next starts another object), PO
/// keywords at the start of lines, else plain text.
pub fn sniff(head: &[u8]) -> InputFormat {
    let detected = detect_encoding(head);
    let text = match decode_all(&head[..head.len() & !1]) {
        Ok((t, _)) => t,
        Err(_) => String::from_utf8_lossy(&head[detected.bom_len..]).into_owned(),
    };
    let t = text.trim_start();
    // An HTML page may leave out its `<html>` tag, not its DOCTYPE.
    if t.get(..14)
        .is_some_and(|d| d.eq_ignore_ascii_case("<!doctype html"))
    {
        return InputFormat::Html;
    }
    if t.starts_with('<') {
        if let Some(root) = xml_root(t) {
            match root.rsplit(':').next().unwrap_or(root) {
                "xliff" => return InputFormat::Xliff,
                "tmx" => return InputFormat::Tmx,
                r if r.eq_ignore_ascii_case("html") => return InputFormat::Html,
                _ => {}
            }
        }
        return InputFormat::Text;
    }
    if let Some(json) = json_kind(t) {
        return json;
    }
    // PO: the first line that is neither blank nor a comment is a msgctxt or msgid.
    let first = t
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with('#'));
    if first.is_some_and(|l| l.starts_with("msgid") || l.starts_with("msgctxt")) {
        return InputFormat::Po;
    }
    InputFormat::Text
}

/// JSON or JSON Lines, when `t` (the first bytes of a file, leading whitespace trimmed)
/// starts as only JSON does: `{` before a member's name or the object's end, or `[` before a
/// value's `{`, `[`, `"` or the array's end. Prose does not start so ("{{user}} sent…",
/// "[Note] …", "[1]", a Markdown link).
fn json_kind(t: &str) -> Option<InputFormat> {
    let mut chars = t.chars();
    let open = chars.next()?;
    let next = chars.as_str().trim_start().chars().next();
    let starts = match open {
        '{' => matches!(next, Some('"' | '}')),
        '[' => matches!(next, Some('{' | '[' | '"' | ']')),
        _ => false,
    };
    if !starts {
        return None;
    }
    let mut lines = t.lines();
    let first_whole = lines
        .next()
        .is_some_and(|l| serde_json::from_str::<serde::de::IgnoredAny>(l).is_ok());
    let next_object = lines
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| l.trim_start().starts_with('{'));
    Some(if first_whole && next_object {
        InputFormat::Jsonl
    } else {
        InputFormat::Json
    })
}

/// The name of the first element of an XML text (after the declaration, comments, DOCTYPE).
fn xml_root(mut t: &str) -> Option<&str> {
    loop {
        t = t.trim_start();
        if let Some(rest) = t.strip_prefix("<?") {
            t = &rest[rest.find("?>")? + 2..];
        } else if let Some(rest) = t.strip_prefix("<!--") {
            t = &rest[rest.find("-->")? + 3..];
        } else if let Some(rest) = t.strip_prefix("<!") {
            // A DOCTYPE, possibly with an internal subset in brackets.
            let end = match (rest.find('['), rest.find('>')) {
                (Some(b), Some(g)) if b < g => rest.find("]>").map(|e| e + 2)?,
                (_, Some(g)) => g + 1,
                _ => return None,
            };
            t = &rest[end..];
        } else {
            let rest = t.strip_prefix('<')?;
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(rest.len());
            return Some(&rest[..end]);
        }
    }
}

/// How bilingual inputs are read.
#[derive(Debug, Clone, Default)]
pub struct FormatOptions {
    /// The format of every input; `None` detects each one.
    pub format: Option<InputFormat>,
    /// The source file paired line by line with the (single) input.
    pub source_file: Option<PathBuf>,
    /// Languages to take from multilingual files (TMX).
    pub languages: LanguagePair,
    /// Columns of TSV and CSV tables.
    pub columns: Columns,
    /// Fields of JSON Lines objects.
    pub fields: Fields,
    /// PO options.
    pub po: PoOptions,
    /// The largest input read, in bytes (`--max-file-size`); `None`: no limit.
    pub max_file_size: Option<u64>,
}

impl FormatOptions {
    /// The format of the input at `path` (`None` for standard input) whose first bytes are
    /// `head`.
    pub fn format_of(&self, path: Option<&Path>, head: &[u8]) -> InputFormat {
        if let Some(f) = self.format {
            return f;
        }
        if self.source_file.is_some() {
            return InputFormat::Paired;
        }
        match path.and_then(InputFormat::from_extension) {
            Some(f) => f,
            None => sniff(head),
        }
    }
}

/// The segments of a bilingual input in `format`, read from `input` (named `name` in
/// messages). XML formats and JSON Lines are read as they are iterated; PO, tables and
/// paired files are read whole first (they are line-oriented and small in practice).
pub fn read_segments<'a>(
    format: InputFormat,
    input: Box<dyn Read + Send + 'a>,
    name: &str,
    options: &FormatOptions,
) -> Result<Box<dyn Iterator<Item = SegmentResult> + Send + 'a>, FormatError> {
    let read_all = |mut input: Box<dyn Read + Send + 'a>| -> Result<Vec<u8>, FormatError> {
        let mut bytes = Vec::new();
        input
            .read_to_end(&mut bytes)
            .map_err(|e| FormatError::whole(e.to_string()))?;
        Ok(bytes)
    };
    let whole = |segments: Vec<Segment>| -> Box<dyn Iterator<Item = SegmentResult> + Send + 'a> {
        Box::new(segments.into_iter().map(Ok))
    };
    Ok(match format {
        InputFormat::Text | InputFormat::Markdown => {
            return Err(FormatError::whole(
                "plain text has no translation units; it is checked as a whole",
            ))
        }
        InputFormat::Xliff => Box::new(xliff::XliffReader::new(input)?),
        InputFormat::Tmx => Box::new(tmx::TmxReader::new(input, options.languages.clone())?),
        InputFormat::Jsonl => Box::new(jsonl::JsonlReader::new(
            BufReader::new(input),
            options.fields.clone(),
        )),
        InputFormat::Po => whole(po::read_po(&read_all(input)?, options.po)?),
        InputFormat::Html => whole(html::read_html(&read_all(input)?)?),
        InputFormat::Json => {
            let bytes = read_all(input)?;
            let (encoding, bom_len) = text_encoding(&bytes);
            let text = decode_file(&bytes, encoding, bom_len, None)?;
            drop(bytes);
            let items = json::read_json(&text, encoding, bom_len, &options.fields)?;
            Box::new(items.into_iter())
        }
        InputFormat::Tsv | InputFormat::Csv => {
            let bytes = read_all(input)?;
            let (encoding, bom_len) = text_encoding(&bytes);
            let text = decode_file(&bytes, encoding, bom_len, None)?;
            drop(bytes);
            let delimiter = if format == InputFormat::Tsv {
                '\t'
            } else {
                ','
            };
            Box::new(tabular::read_table(
                text,
                delimiter,
                &options.columns,
                encoding,
                bom_len,
            )?)
        }
        InputFormat::Paired => {
            let Some(source_path) = &options.source_file else {
                return Err(FormatError::whole(
                    "paired input needs --source-file with the source text",
                ));
            };
            let source_name = source_path.display().to_string();
            let source_bytes = std::fs::read(source_path).map_err(|e| {
                FormatError::whole(format!("cannot read the source file {source_name}: {e}"))
            })?;
            let (se, sb) = text_encoding(&source_bytes);
            // The error is the source file's, at its position there.
            let source = decode_file(&source_bytes, se, sb, None).map_err(|e| FormatError {
                message: format!("the source file of {name}: {}", e.message),
                file: Some(Box::new(source_name.clone())),
                ..e
            })?;
            let bytes = read_all(input)?;
            let (te, tb) = text_encoding(&bytes);
            let target = decode_file(&bytes, te, tb, None)?;
            whole(tabular::read_paired(
                (&source, LocationTracker::new(se, sb as u64), &source_name),
                (&target, LocationTracker::new(te, tb as u64), name),
            )?)
        }
    })
}

/// Decodes a whole file in `encoding` after a byte-order mark of `bom_len` bytes; a decoding
/// error names its line and column. `declare`, for a format that can declare its encoding,
/// says how, given the encoding's name: the error of bytes that look written in a legacy
/// encoding offers it beside converting the file.
pub fn decode_file(
    bytes: &[u8],
    encoding: TextEncoding,
    bom_len: usize,
    declare: Option<fn(&str) -> String>,
) -> Result<String, FormatError> {
    let mut decoder = Decoder::new(encoding, bom_len as u64);
    let mut text = String::with_capacity(bytes.len());
    match decoder.decode(&bytes[bom_len..], true, &mut text) {
        Ok(()) => Ok(text),
        Err(e) => {
            let mut t = LocationTracker::new(encoding, bom_len as u64);
            t.advance(&text);
            let mut location = t.location();
            location.byte_offset = e.byte_offset;
            let mut reason = e.reason;
            if let (Some(declare), Some(looks_like)) = (declare, e.looks_like) {
                reason.push_str(", or ");
                reason.push_str(&declare(looks_like.name()));
            }
            Err(FormatError::at(location, reason))
        }
    }
}

/// The encoding of a line-oriented text file: byte-order mark or UTF-16 pattern, else UTF-8.
fn text_encoding(bytes: &[u8]) -> (TextEncoding, usize) {
    let d = detect_encoding(bytes);
    (d.encoding, d.bom_len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_extensions_and_first_bytes() {
        let ext = |p: &str| InputFormat::from_extension(Path::new(p));
        assert_eq!(ext("a.XLF"), Some(InputFormat::Xliff));
        assert_eq!(ext("a.sdlxliff"), Some(InputFormat::Xliff));
        assert_eq!(ext("a.tmx"), Some(InputFormat::Tmx));
        assert_eq!(ext("a.pot"), Some(InputFormat::Po));
        assert_eq!(ext("a.jsonl"), Some(InputFormat::Jsonl));
        assert_eq!(ext("en.JSON"), Some(InputFormat::Json));
        assert_eq!(ext("app_en.arb"), Some(InputFormat::Json));
        assert_eq!(ext("a.md"), Some(InputFormat::Markdown));
        assert_eq!(ext("a.MARKDOWN"), Some(InputFormat::Markdown));
        assert_eq!(ext("a.txt"), Some(InputFormat::Text));
        assert_eq!(ext("a.xml"), None);
        assert_eq!(
            sniff(b"\xEF\xBB\xBF<?xml version='1.0'?>\n<!-- c --><!DOCTYPE x [<!ENTITY a 'b'>]>\n<x:xliff>"),
            InputFormat::Xliff
        );
        assert_eq!(sniff(b"<tmx version=\"1.4\">"), InputFormat::Tmx);
        assert_eq!(sniff(b"<!DOCTYPE html>\n<HTML lang=en>"), InputFormat::Html);
        assert_eq!(sniff(b"<html>"), InputFormat::Html);
        assert_eq!(sniff(b"<htmlx>"), InputFormat::Text);
        assert_eq!(ext("a.HTM"), Some(InputFormat::Html));
        assert_eq!(ext("a.xhtml"), Some(InputFormat::Html));
        assert_eq!(
            sniff(b"\xEF\xBB\xBF{\n  \"a\": \"b\"\n}"),
            InputFormat::Json
        );
        assert_eq!(sniff(b" [ {\"source\": 1}]"), InputFormat::Json);
        assert_eq!(sniff(b"{\"target\": \"a\"}"), InputFormat::Json);
        assert_eq!(
            sniff(b"{\"target\": \"a\"}\n\n{\"target\": \"b\"}\n"),
            InputFormat::Jsonl
        );
        // Cut inside its first object: JSON, whose error says where it breaks.
        assert_eq!(sniff(b"{\"target\": \"a long"), InputFormat::Json);
        for prose in [
            "{{user}} sent you a red packet",
            "[Note] Red packets expire.",
            "[1] Footnote",
            "[Red packet](red.md)",
            "{ not json }",
        ] {
            assert_eq!(sniff(prose.as_bytes()), InputFormat::Text, "{prose}");
        }
        assert_eq!(
            sniff(b"# comment\nmsgid \"\"\nmsgstr \"\"\n"),
            InputFormat::Po
        );
        assert_eq!(
            sniff(b"The msgid field is explained here."),
            InputFormat::Text
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<tmx>".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(sniff(&utf16), InputFormat::Tmx);
        let options = FormatOptions {
            source_file: Some("zh.txt".into()),
            ..FormatOptions::default()
        };
        assert_eq!(
            options.format_of(Some(Path::new("en.txt")), b""),
            InputFormat::Paired
        );
    }
}

/// Readers on damaged input: every prefix and many byte mutations of small fixtures read to a
/// result (segments or an error), never a panic, and every segment's spans map on character
/// boundaries to positions inside the file.
#[cfg(test)]
mod robustness {
    use super::*;

    const FIXTURES: &[(InputFormat, &str)] = &[
        (
            InputFormat::Xliff,
            "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file target-language=\"en\"><body>\
             <trans-unit id=\"1\"><source>上海</source><seg-source><mrk mtype=\"seg\" mid=\"1\">上</mrk>\
             </seg-source><target><mrk mtype=\"seg\" mid=\"1\">The <g id=\"1\">Trade</g> &amp; &#x4E0A; \
             <ph id=\"2\">x</ph><![CDATA[<b>]]></mrk></target></trans-unit></body></file></xliff>",
        ),
        (
            InputFormat::Xliff,
            "<xliff version=\"2.0\" srcLang=\"zh\" trgLang=\"en\"><file id=\"f\"><unit id=\"u\">\
             <segment id=\"s\"><source>一</source><target>Union <pc id=\"1\">hall</pc><sc id=\"2\"/></target>\
             </segment><ignorable><source> </source></ignorable></unit></file></xliff>",
        ),
        (
            InputFormat::Tmx,
            "<tmx version=\"1.4\"><header srclang=\"zh\"/><body><tu tuid=\"a\"><tuv xml:lang=\"zh\">\
             <seg>上海</seg></tuv><tuv lang=\"en\"><seg>The <bpt i=\"1\">&lt;b&gt;</bpt>union<hi>x</hi></seg>\
             </tuv></tu></body></tmx>",
        ),
        (
            InputFormat::Po,
            "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n#, fuzzy\nmsgctxt \"c\"\n\
             msgid \"a\\\"b\"\nmsgid_plural \"p\"\nmsgstr[0] \"x\\n\\101\\x41\"\n\"y\"\nmsgstr[1] \"z\"\n",
        ),
        (
            InputFormat::Csv,
            "id,source,target\n1,\"上\"\"海\",\"The \"\"union\"\"\"\n2,a,b\r\n",
        ),
        (InputFormat::Tsv, "source\ttarget\n上海\tThe union\n\t\n"),
        (
            InputFormat::Html,
            "<!DOCTYPE html><p title='a &amp; b'>The <em>Trade</em>&nbsp;Union&#8217;s 10<sup>6</sup>\r\n\
             <!-- c --><script>x</script><code>y</code> &#x4E0A; <br/>z</p>",
        ),
        (
            InputFormat::Jsonl,
            "{\"id\":1,\"source\":\"上\",\"target\":\"a\\n\\\"b\\\" \\u4e0a \\ud83d\\ude00\"}\n[]\n{\"target\":null}\n",
        ),
        (
            InputFormat::Json,
            "\u{FEFF}{\"@@locale\": \"en\", \"a.b\": \"x\\n\\\"y\\\" \\u00e9 \\ud83d\\ude00\",\r\n \"c\": {\"d\": [\"上海\", 1, null, {\"message\": \"m\", \"description\": \"d\"}]}}",
        ),
        (
            InputFormat::Json,
            "[{\"id\": \"u\", \"source\": \"上\", \"target\": \"a\\tb\"}, {\"target\": 5, \"source\": null}]",
        ),
    ];

    fn exercise(format: InputFormat, bytes: &[u8]) {
        let options = FormatOptions::default();
        let Ok(segments) = read_segments(format, Box::new(bytes), "t", &options) else {
            return;
        };
        for segment in segments.flatten() {
            for text in [&segment.source, &segment.target].into_iter().flatten() {
                let t = text.text();
                for (i, _) in t.char_indices().chain([(t.len(), ' ')]) {
                    let (start, end) = text.span(i..t.len());
                    assert!(
                        start.byte_offset <= end.byte_offset || i == t.len(),
                        "{format:?}"
                    );
                    assert!(end.byte_offset <= bytes.len() as u64, "{format:?}: {end:?}");
                    assert!(start.line >= 1 && start.column >= 1);
                }
            }
        }
    }

    #[test]
    fn damaged_inputs_never_panic() {
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let specials = b"<>&;\"'\\/#[]{}:,\t\n\r\x00\xFF\xE4x";
        for (format, text) in FIXTURES {
            let bytes = text.as_bytes();
            for cut in 0..=bytes.len() {
                exercise(*format, &bytes[..cut]);
            }
            for _ in 0..400 {
                let mut damaged = bytes.to_vec();
                for _ in 0..1 + next() % 3 {
                    let at = (next() as usize) % damaged.len();
                    match next() % 3 {
                        0 => damaged[at] = specials[(next() as usize) % specials.len()],
                        1 => {
                            damaged.remove(at);
                        }
                        _ => damaged.insert(at, specials[(next() as usize) % specials.len()]),
                    }
                }
                exercise(*format, &damaged);
            }
        }
    }
}
