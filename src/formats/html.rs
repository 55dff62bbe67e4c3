//! HTML documents: the text a reader sees, as segments with positions in the file.
//!
//! A page is read as markup, not as text: tags, comments, the bodies of `<script>` and
//! `<style>`, and code (`<code>`, `<pre>`, `<kbd>`, `<samp>`, and any element marked
//! `translate="no"`) are neither checked nor rewritten, as Markdown's code is not. Text content
//! is checked with its character references decoded (`&nbsp;`, `&rsquo;`, `&#8217;`,
//! `&#x2019;`), each mapping to the whole reference in the file through [`MappedText`], as
//! XLIFF text does. A block element (`<p>`, `<li>`, `<td>`, `<h1>`, …) ends a segment, so no
//! term is read across `</td><td>`; an inline element (`<b>`, `<em>`, `<span>`, `<a>`) leaves
//! nothing, so "the <em>building</em> area" reads "the building area", as a paired XLIFF code
//! does. A `<br>` is a line break inside the text, as a single line break is in a plain-text
//! paragraph: a name a narrow table cell or heading breaks over two lines is still read whole.
//! The text of attributes a reader is shown (`alt`, `title`, `placeholder`, `aria-label`) is a
//! segment of its own, and so is the page's description a search engine or a link preview
//! shows (`<meta name="description" content="…">`, Open Graph and Twitter titles and
//! descriptions); other attributes are addresses and settings.
//!
//! Malformed markup is normal on the web and never an error: an unclosed tag or comment runs
//! to the end of the file, a stray `<` or `&` is text. Only bytes that do not decode are.

use std::ops::Range;

use crate::formats::xml::push_after_boundary;
use crate::formats::xml::TextPiece;
use crate::location::{Location, LocationTracker};
use crate::segment::{FormatError, MappedText, Segment};
use crate::suppress::{comment_directives, directives, Suppression, MARKER};

/// Elements whose start or end ends the text before them: a term is not read across them.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "noscript",
    "ol",
    "optgroup",
    "option",
    "p",
    "section",
    "select",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements whose content is code or data, not text to review (with `<script>` and `<style>`,
/// whose content is not even markup). `<pre>` is a code block as Markdown's fenced block is
/// (which renders as `<pre><code>`).
const CODE: &[&str] = &["code", "kbd", "pre", "samp", "template"];

/// Elements whose content is raw text up to their end tag, not checked.
const RAW_TEXT: &[&str] = &["script", "style", "xmp", "iframe", "noembed", "noframes"];

/// Elements whose content is text up to their end tag (references decoded, no tags inside).
const ESCAPABLE_RAW_TEXT: &[&str] = &["title", "textarea"];

/// Elements that have no content and no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Attributes whose value a reader is shown, checked as text of its own.
const SHOWN_ATTRIBUTES: &[&str] = &["alt", "title", "placeholder", "aria-label"];

/// The `name` or `property` of a `<meta>` whose `content` a reader is shown (in search results
/// and link previews), checked as text of its own. Keywords are not: nobody reads them.
const SHOWN_META: &[&str] = &[
    "description",
    "og:title",
    "og:description",
    "twitter:title",
    "twitter:description",
];

/// Reads an HTML document as segments: one per run of text between block elements, and one
/// per shown attribute. The file is UTF-8 or UTF-16 with a byte-order mark, like plain text.
pub fn read_html(bytes: &[u8]) -> Result<Vec<Segment>, FormatError> {
    let detected = crate::input::decode::detect_encoding(bytes);
    let text = super::decode_file(bytes, detected.encoding, detected.bom_len, None)?;
    let mut reader = HtmlReader {
        text: &text,
        walked: 0,
        tracker: LocationTracker::new(detected.encoding, detected.bom_len as u64),
        segments: Vec::new(),
        current: None,
        after_inline: false,
        attributes: Vec::new(),
        markers: memchr::memmem::find_iter(text.as_bytes(), MARKER).collect(),
        next_marker: 0,
        suppressions: Vec::new(),
    };
    reader.read();
    Ok(reader.segments)
}

struct HtmlReader<'t> {
    text: &'t str,
    /// The tracker's offset in `text`.
    walked: usize,
    tracker: LocationTracker,
    segments: Vec<Segment>,
    /// The text read since the last block boundary.
    current: Option<MappedText>,
    /// An inline tag stood since the last text: two digits either side are two numbers.
    after_inline: bool,
    /// Shown attributes read inside the current text, whose segments follow it.
    attributes: Vec<MappedText>,
    /// Where `termcheck:` stands in the text, in order: the candidate directives, looked at
    /// only where they stand in a comment or in text (one search of the file, none per text).
    markers: Vec<usize>,
    /// The first of `markers` not passed yet.
    next_marker: usize,
    /// The directives read since the last segment, which the next one carries.
    suppressions: Vec<Suppression>,
}

/// A tag: its lowercase name, whether it ends an element, where it ends in the text, and its
/// attributes (lowercase name, value's range in the text) when it starts one.
struct Tag {
    name: String,
    end_tag: bool,
    self_closing: bool,
    after: usize,
    attributes: Vec<(String, Range<usize>)>,
}

impl Tag {
    fn attribute(&self, name: &str) -> Option<&Range<usize>> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }
}

impl<'t> HtmlReader<'t> {
    /// The position of byte `at` of the text; `at` never goes back.
    fn tracker_at(&mut self, at: usize) -> LocationTracker {
        debug_assert!(at >= self.walked);
        self.tracker.advance(&self.text[self.walked..at]);
        self.walked = at;
        self.tracker.clone()
    }

    fn location_at(&mut self, at: usize) -> Location {
        self.tracker_at(at).location()
    }

    fn read(&mut self) {
        let bytes = self.text.as_bytes();
        let mut at = 0;
        // While inside code: the element's name and how many of it are open.
        let mut skipping: Option<(String, usize)> = None;
        while at < bytes.len() {
            let Some(lt) = memchr::memchr(b'<', &bytes[at..]).map(|i| at + i) else {
                if skipping.is_none() {
                    self.push_text(at, bytes.len());
                }
                break;
            };
            let next = bytes.get(lt + 1).copied();
            let mut comment = None;
            let markup_end = match next {
                Some(b'!') => {
                    let (end, body) = self.declaration_end(lt);
                    comment = body;
                    Some(end)
                }
                Some(b'?') => Some(find_from(bytes, lt, b">").map_or(bytes.len(), |e| e + 1)),
                Some(b'/') if bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) => None,
                Some(b'/') if bytes.get(lt + 2) == Some(&b'>') => Some(lt + 3),
                Some(b'/') => Some(find_from(bytes, lt, b">").map_or(bytes.len(), |e| e + 1)),
                Some(c) if c.is_ascii_alphabetic() => None,
                // A `<` that opens nothing is text.
                _ => {
                    if skipping.is_none() {
                        self.push_text(at, lt + 1);
                    }
                    at = lt + 1;
                    continue;
                }
            };
            if skipping.is_none() {
                self.push_text(at, lt);
            }
            if let Some(end) = markup_end {
                // Comments, declarations and processing instructions: not shown, no boundary.
                // A comment may hold directives, even in code (it is still a comment there).
                if let Some(body) = comment {
                    self.read_comment(lt, body);
                }
                at = end;
                continue;
            }
            let Some(tag) = parse_tag(self.text, lt) else {
                // A tag the file ends inside: nothing more is text.
                break;
            };
            at = tag.after;
            if let Some((name, depth)) = &mut skipping {
                if *name == tag.name && !VOID.contains(&tag.name.as_str()) {
                    if tag.end_tag {
                        *depth -= 1;
                    } else if !tag.self_closing {
                        *depth += 1;
                    }
                    if *depth == 0 {
                        skipping = None;
                        self.boundary();
                    }
                }
                continue;
            }
            let name = tag.name.as_str();
            if tag.end_tag {
                if BLOCKS.contains(&name) || CODE.contains(&name) {
                    self.boundary();
                } else {
                    self.after_inline = true;
                }
                continue;
            }
            let shown_meta = name == "meta"
                && ["name", "property"].iter().any(|key| {
                    tag.attribute(key).is_some_and(|v| {
                        let kind = self.text[v.clone()].trim();
                        SHOWN_META.iter().any(|m| m.eq_ignore_ascii_case(kind))
                    })
                });
            for (attribute, value) in &tag.attributes {
                if SHOWN_ATTRIBUTES.contains(&attribute.as_str())
                    || (shown_meta && attribute == "content")
                {
                    let mut text = MappedText::new(self.tracker_at(value.start));
                    self.push_decoded(&mut text, value.start, value.end, false);
                    if !text.is_blank() {
                        self.attributes.push(text);
                    }
                }
            }
            if name == "br" {
                self.line_break(lt, at);
                continue;
            }
            let void = VOID.contains(&name) || tag.self_closing;
            let untranslated = tag
                .attribute("translate")
                .is_some_and(|v| self.text[v.clone()].trim().eq_ignore_ascii_case("no"));
            if RAW_TEXT.contains(&name) || ESCAPABLE_RAW_TEXT.contains(&name) {
                self.boundary();
                let end = raw_text_end(bytes, at, name);
                if ESCAPABLE_RAW_TEXT.contains(&name) && !untranslated && !tag.self_closing {
                    self.push_text(at, end);
                    self.boundary();
                }
                at = end;
            } else if (CODE.contains(&name) || untranslated) && !void {
                self.boundary();
                skipping = Some((tag.name.clone(), 1));
            } else if BLOCKS.contains(&name) {
                self.boundary();
            } else {
                self.after_inline = true;
            }
        }
        self.boundary();
        // Directives after the last text silence lines before it.
        if let Some(last) = self.segments.last_mut() {
            last.suppressions.append(&mut self.suppressions);
        }
    }

    /// The end of `<!…>` starting at `lt`, and its body when it is a comment: a comment
    /// (`<!-- … -->`, to the file's end when unclosed) or a declaration (`<!DOCTYPE …>`,
    /// CDATA) up to its `>`.
    fn declaration_end(&self, lt: usize) -> (usize, Option<Range<usize>>) {
        let bytes = self.text.as_bytes();
        if bytes[lt..].starts_with(b"<!--") {
            let body = lt + 4;
            // `<!-->` and `<!--->` are empty comments.
            if bytes[body..].starts_with(b">") {
                return (body + 1, None);
            }
            if bytes[body..].starts_with(b"->") {
                return (body + 2, None);
            }
            let close = find_from(bytes, body, b"-->").map(|e| (e, e + 3));
            let bang = find_from(bytes, body, b"--!>").map(|e| (e, e + 4));
            let (body_end, end) = match (close, bang) {
                (Some(a), Some(b)) => a.min(b),
                (a, b) => a.or(b).unwrap_or((bytes.len(), bytes.len())),
            };
            return (end, Some(body..body_end));
        }
        if bytes[lt..].starts_with(b"<![CDATA[") {
            return (
                find_from(bytes, lt, b"]]>").map_or(bytes.len(), |e| e + 3),
                None,
            );
        }
        (
            find_from(bytes, lt, b">").map_or(bytes.len(), |e| e + 1),
            None,
        )
    }

    /// Whether a marker stands between `start` and `end`, passing over those before `end`
    /// (the ones before `start` are in markup). Ranges come in the file's order.
    fn marker_within(&mut self, start: usize, end: usize) -> bool {
        let mut within = false;
        while let Some(&at) = self.markers.get(self.next_marker) {
            if at >= end {
                break;
            }
            within |= at >= start;
            self.next_marker += 1;
        }
        within
    }

    /// Reads the directives of the comment starting at `lt` whose text is `body`.
    fn read_comment(&mut self, lt: usize, body: Range<usize>) {
        if !self.marker_within(body.start, body.end) {
            return;
        }
        let first = self.location_at(lt).line;
        let last = self.location_at(body.end).line;
        self.suppressions
            .extend(comment_directives(&self.text[body], first, last));
    }

    /// A `<br>` from `lt` to `end`: a line break in the current text, mapped to the whole tag.
    fn line_break(&mut self, lt: usize, end: usize) {
        let Some(mut text) = self.current.take() else {
            return;
        };
        let start = self.tracker_at(lt);
        let end = self.location_at(end);
        text.push_replaced("\n", start, end);
        self.after_inline = false;
        self.current = Some(text);
    }

    /// Ends the current text: it becomes a segment, followed by the shown attributes read
    /// inside it.
    fn boundary(&mut self) {
        self.after_inline = false;
        if let Some(text) = self.current.take() {
            self.push_segment(text);
        }
        for text in std::mem::take(&mut self.attributes) {
            self.push_segment(text);
        }
    }

    fn push_segment(&mut self, text: MappedText) {
        if text.is_blank() {
            return;
        }
        self.segments.push(Segment {
            index: self.segments.len(),
            unit: None,
            location: text.start(),
            source: None,
            target: Some(text),
            context: None,
            plural_form: None,
            suppressions: std::mem::take(&mut self.suppressions),
        });
    }

    /// Appends the text between `start` and `end`, references decoded, to the current text.
    fn push_text(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        // A directive in the page's text works as in Markdown's or plain text's.
        if self.marker_within(start, end) {
            let here = self.tracker_at(start);
            let text = &self.text[start..end];
            self.suppressions
                .extend(directives(text, text.len(), &here));
        }
        let mut current = match self.current.take() {
            Some(text) => text,
            None => MappedText::new(self.tracker_at(start)),
        };
        let after_inline = std::mem::take(&mut self.after_inline);
        self.push_decoded(&mut current, start, end, after_inline);
        self.current = Some(current);
    }

    /// Appends the text between `start` and `end` to `text` with its character references
    /// decoded; `after_inline`: an inline tag stands before it.
    fn push_decoded(
        &mut self,
        text: &mut MappedText,
        start: usize,
        end: usize,
        after_inline: bool,
    ) {
        let mut boundary = after_inline;
        let mut at = start;
        let mut verbatim_from = start;
        while let Some(amp) = memchr::memchr(b'&', &self.text.as_bytes()[at..end]).map(|i| at + i) {
            at = amp + 1;
            let Some((decoded, len)) = character_reference(&self.text[amp..end]) else {
                continue;
            };
            if verbatim_from < amp {
                let piece = TextPiece::Verbatim(
                    self.text[verbatim_from..amp].to_string(),
                    self.tracker_at(verbatim_from),
                );
                push_after_boundary(text, &piece, std::mem::take(&mut boundary));
            }
            let from = self.tracker_at(amp);
            let to = self.location_at(amp + len);
            let piece = TextPiece::Replaced(decoded, from, to);
            push_after_boundary(text, &piece, std::mem::take(&mut boundary));
            at = amp + len;
            verbatim_from = at;
        }
        if verbatim_from < end {
            let piece = TextPiece::Verbatim(
                self.text[verbatim_from..end].to_string(),
                self.tracker_at(verbatim_from),
            );
            push_after_boundary(text, &piece, boundary);
        }
    }
}

/// The first `needle` in `bytes` from `from`, if any.
fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&bytes[from..], needle).map(|i| from + i)
}

/// Where the raw text of element `name` starting at `from` ends: at its end tag (`</script`
/// in any case, then a space, `/` or `>`), else at the file's end.
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(lt) = find_from(bytes, at, b"</") {
        let after = lt + 2 + name.len();
        let named = bytes
            .get(lt + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        let ended = matches!(
            bytes.get(after),
            None | Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
        );
        if named && ended {
            return lt;
        }
        at = lt + 2;
    }
    bytes.len()
}

/// The tag starting at `lt` (`<name …>` or `</name …>`), read as HTML reads it: attribute
/// values quoted with `"` or `'` or unquoted; `None` when the file ends inside it.
fn parse_tag(text: &str, lt: usize) -> Option<Tag> {
    let bytes = text.as_bytes();
    let end_tag = bytes.get(lt + 1) == Some(&b'/');
    let mut at = lt + 1 + usize::from(end_tag);
    let name_end = at
        + bytes[at..]
            .iter()
            .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
            .unwrap_or(bytes.len() - at);
    let name = text[at..name_end].to_ascii_lowercase();
    at = name_end;
    let mut attributes = Vec::new();
    let mut self_closing = false;
    loop {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            self_closing = bytes[at] == b'/';
            at += 1;
        }
        match bytes.get(at) {
            None => return None,
            Some(b'>') => {
                return Some(Tag {
                    name,
                    end_tag,
                    self_closing,
                    after: at + 1,
                    attributes,
                })
            }
            _ => {}
        }
        self_closing = false;
        let attr_start = at;
        // The first character may be `=` (HTML reads it as part of the name).
        at += 1;
        while at < bytes.len()
            && !(bytes[at].is_ascii_whitespace() || matches!(bytes[at], b'/' | b'>' | b'='))
        {
            at += 1;
        }
        let attr_name = text[attr_start..at].to_ascii_lowercase();
        let mut value_at = at;
        while value_at < bytes.len() && bytes[value_at].is_ascii_whitespace() {
            value_at += 1;
        }
        if bytes.get(value_at) != Some(&b'=') {
            attributes.push((attr_name, at..at));
            continue;
        }
        at = value_at + 1;
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let value = match bytes.get(at) {
            None => return None,
            Some(&q @ (b'"' | b'\'')) => {
                let close = memchr::memchr(q, &bytes[at + 1..])? + at + 1;
                let value = at + 1..close;
                at = close + 1;
                value
            }
            Some(_) => {
                let start = at;
                while at < bytes.len() && !(bytes[at].is_ascii_whitespace() || bytes[at] == b'>') {
                    at += 1;
                }
                start..at
            }
        };
        attributes.push((attr_name, value));
    }
}

/// The character reference at the start of `text` (which starts with `&`): the text it
/// stands for and its length. Named references are HTML's (`&nbsp;`, `&rsquo;`, `&sup2;`;
/// the terminating `;` required, as CommonMark requires it); numeric ones are decimal
/// (`&#8217;`, at most 7 digits) or hexadecimal (`&#x2019;`, at most 6), read as HTML reads
/// them: 0, a surrogate or a value past Unicode is U+FFFD, and 128–159 are the
/// windows-1252 characters old pages meant (`&#146;` is ’). `None` when it is no reference.
pub fn character_reference(text: &str) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    debug_assert_eq!(bytes.first(), Some(&b'&'));
    if bytes.get(1) == Some(&b'#') {
        let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
        let digits_at = 2 + usize::from(hex);
        let (radix, most) = if hex { (16, 6) } else { (10, 7) };
        let digits = bytes[digits_at..]
            .iter()
            .take(most + 1)
            .take_while(|b| b.is_ascii_hexdigit() && (hex || b.is_ascii_digit()))
            .count();
        if digits == 0 || digits > most || bytes.get(digits_at + digits) != Some(&b';') {
            return None;
        }
        let code = u32::from_str_radix(&text[digits_at..digits_at + digits], radix).ok()?;
        let c = match code {
            0x80..=0x9F => windows_1252(code),
            _ => char::from_u32(code).filter(|_| code != 0),
        }
        .unwrap_or('\u{FFFD}');
        return Some((c.to_string(), digits_at + digits + 1));
    }
    let name_len = bytes[1..]
        .iter()
        .take(33)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || bytes.get(1 + name_len) != Some(&b';') {
        return None;
    }
    let resolved = quick_xml::escape::resolve_html5_entity(&text[1..1 + name_len])?;
    Some((resolved.to_string(), name_len + 2))
}

/// The character windows-1252 has at `code` (128–159), where Latin-1 has a control
/// character; `None` for its five unassigned positions.
fn windows_1252(code: u32) -> Option<char> {
    const TABLE: [u32; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
        0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];
    match TABLE[(code - 0x80) as usize] {
        0 => char::from_u32(code),
        c => char::from_u32(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;

    /// The segments' texts of `html`.
    #[track_caller]
    fn texts(html: &str) -> Vec<String> {
        read_html(html.as_bytes())
            .unwrap()
            .into_iter()
            .map(|s| s.target.unwrap().text().trim().to_string())
            .collect()
    }

    #[test]
    fn reads_text_content_with_references_decoded() {
        assert_eq!(
            texts("<h1>Serum</h1>\n<ul>\n  <li>Transparent&nbsp;acid: 2%</li>\n  <li>Add 10 uL</li>\n</ul>"),
            ["Serum", "Transparent\u{A0}acid: 2%", "Add 10 uL"]
        );
        assert_eq!(
            texts("<p>the proprietors&rsquo; and &#8217; &#x2019; &#146; &amp; &bogus; & &#;</p>"),
            ["the proprietors\u{2019} and \u{2019} \u{2019} \u{2019} & &bogus; & &#;"]
        );
    }

    #[test]
    fn inline_elements_leave_nothing_and_blocks_end_the_text() {
        assert_eq!(
            texts("<p>The <em>building</em> area, <b>Trade</b>s</p><table><tr><td>building</td><td>area</td></tr></table>line<br>break"),
            ["The building area, Trades", "building", "area", "line\nbreak"]
        );
        // A line break is no block: it leaves a line break, and none at a text's start.
        assert_eq!(
            texts("<td>State Administration for<br/>Market Regulation</td><p><br>a<BR >b</p>"),
            ["State Administration for\nMarket Regulation", "a\nb"]
        );
        // Digits a tag separates stay two numbers.
        assert_eq!(texts("<p>10<sup>6</sup></p>"), ["10\u{2063}6"]);
    }

    #[test]
    fn code_scripts_comments_and_untranslated_elements_are_not_text() {
        assert_eq!(
            texts(
                "<!DOCTYPE html><!-- building area --><script>var a = '</p>building area';</script>\
                 <style>p{}</style><p>a <code>building area</code> b</p><pre><b>x</b> y</pre>\
                 <div translate=\"no\"><div>building area</div></div><p>c<!--></p>d"
            ),
            ["a", "b", "c", "d"]
        );
        // An unclosed comment or script runs to the end.
        assert_eq!(texts("<p>a</p><!-- b"), ["a"]);
        assert_eq!(texts("<p>a</p><script>b"), ["a"]);
    }

    #[test]
    fn shown_attributes_are_segments_and_others_are_not() {
        assert_eq!(
            texts("<p>See <img src=\"building-area.png\" alt=\"Building&nbsp;area\" class=\"building area\"> here</p><input placeholder='x' value=\"y\">"),
            ["See  here", "Building\u{A0}area", "x"]
        );
    }

    #[test]
    fn the_page_description_is_a_segment_and_other_meta_are_not() {
        assert_eq!(
            texts(
                "<head><meta charset=\"utf-8\"><meta name=\"Description\" content=\"Recall of&nbsp;airbags\">\
                 <meta property=\"og:title\" content=\"Recall notice\"><meta name=\"keywords\" content=\"recall, airbag\">\
                 <meta name=\"viewport\" content=\"width=device-width\"><meta content=\"x\"></head><p>Body</p>"
            ),
            ["Recall of\u{A0}airbags", "Recall notice", "Body"]
        );
    }

    #[test]
    fn malformed_markup_is_text_or_ignored_never_an_error() {
        for html in [
            "<",
            "<p",
            "a < b",
            "<p a='",
            "</",
            "</>",
            "<!",
            "<?",
            "&",
            "&#x",
            "<p>a &lt b",
            "<a href=\"x>y</a>",
            "</p x>",
            "<<p>>",
        ] {
            read_html(html.as_bytes()).unwrap();
        }
        // `<d` opens a tag, which the file ends inside.
        assert_eq!(texts("a < b, 3<5 and c<d"), ["a < b, 3<5 and c"]);
    }

    #[test]
    fn positions_point_at_the_file() {
        let html = "<p>\u{4E0A}&nbsp;<i>building</i>&rsquo;s</p>\r\n<p title=\"x &amp; y\">z</p>";
        let segments = read_html(html.as_bytes()).unwrap();
        let t = segments[0].target.as_ref().unwrap();
        assert_eq!(t.text(), "\u{4E0A}\u{A0}building\u{2019}s");
        let at = |s: &str| html.find(s).unwrap() as u64;
        let (start, end) = t.span(t.text().find("building").unwrap()..t.text().len());
        assert_eq!(start.byte_offset, at("building"));
        assert_eq!(end.byte_offset, at("</p>"));
        let (start, end) = t.span(3..5);
        assert_eq!(
            (start.byte_offset, end.byte_offset),
            (at("&nbsp;"), at("<i>"))
        );
        // A block's own attributes come before its text.
        let z = segments[2].target.as_ref().unwrap();
        assert_eq!(z.text(), "z");
        assert_eq!(z.start().line, 2);
        let title = segments[1].target.as_ref().unwrap();
        assert_eq!(title.text(), "x & y");
        assert_eq!(title.span(2..3).0.byte_offset, at("&amp;"));
    }

    /// The lines the directives of `html` silence, and their rules.
    #[track_caller]
    fn silenced(html: &str) -> Vec<(u64, Vec<Rule>)> {
        read_html(html.as_bytes())
            .unwrap()
            .into_iter()
            .flat_map(|s| s.suppressions)
            .map(|s| (s.line, s.rules))
            .collect()
    }

    #[test]
    fn directives_in_comments_and_text_are_read_and_not_in_markup_scripts_or_code() {
        assert_eq!(
            silenced(
                "<p>a</p> <!-- termcheck: ignore -->\n\
                 <!-- termcheck: ignore-next-line deprecated-term-->\n\
                 <p>b termcheck: ignore forbidden-term</p>\n\
                 <pre>c <!--termcheck: ignore--></pre>\n"
            ),
            [
                (1, vec![]),
                (3, vec![Rule::DeprecatedTerm]),
                (3, vec![Rule::ForbiddenTerm]),
                (4, vec![]),
            ]
        );
        // Nowhere but a comment or the text: no directive.
        assert!(silenced(
            "<script>// termcheck: ignore\n</script><style>/* <!-- termcheck: ignore --> */</style>\n\
             <p title=\"termcheck: ignore\" data-x='termcheck: ignore'>a</p>\n\
             <code>termcheck: ignore</code><pre>termcheck: ignore-next-line</pre>\n\
             <p translate=no>termcheck: ignore</p><!DOCTYPE termcheck: ignore>\n\
             <p>termcheck:&nbsp;ignore termcheck: <b>ignore</b> termcheck: ignored</p>"
        )
        .is_empty());
        // A comment over several lines, the last directives after the last text.
        assert_eq!(
            silenced("<p>a</p>\r\n<!--\r\n termcheck: ignore-next-line\r\n reason -->\r\n<p>b</p><!-- x\ntermcheck: ignore -->"),
            [(5, vec![]), (5, vec![]), (6, vec![])]
        );
        // A page with no text has nothing to silence.
        assert!(silenced("<!-- termcheck: ignore -->").is_empty());
    }

    #[test]
    fn references() {
        let r = |s: &str| character_reference(s);
        assert_eq!(r("&nbsp;x"), Some(("\u{A0}".into(), 6)));
        assert_eq!(r("&#0;"), Some(("\u{FFFD}".into(), 4)));
        assert_eq!(r("&#xD800;"), Some(("\u{FFFD}".into(), 8)));
        assert_eq!(r("&#12345678;"), None);
        assert_eq!(r("&nbsp"), None);
        assert_eq!(r("&nosuch;"), None);
        assert_eq!(r("&#x41;"), Some(("A".into(), 6)));
    }
}
