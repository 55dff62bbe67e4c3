//! Markdown: which parts of a document are code, which termcheck does not check.
//!
//! A term inside code is an identifier, a command or sample output, not a rendering to review,
//! and `fix` must not rewrite it. Code is a fenced block (a line opening with three or more
//! backticks or tildes, up to the line closing with as many of the same or more, or the
//! document's end) and an inline code span (a run of backticks up to the next run of as many
//! on the same line). Fences are recognised at any indentation and after blockquote markers
//! (`>`), so that fences nested in list items and quotes count. An indented code block is
//! lines indented four columns or more past the list item they are in (or past the margin),
//! that do not continue a paragraph; a list item's indented paragraphs are prose, and so are
//! a footnote's (`[^1]: …`, its later paragraphs four columns in). The destinations of links
//! (`[text](api.md#byte-offset)`, `[label]: api.md#byte-offset`) and the labels of footnotes
//! (`[^1]`) are addresses, and HTML comments (`<!-- … -->`, over lines too) are not shown:
//! none is checked. A footnote's text is prose.
//!
//! A document is read in blocks (see [`crate::input::blocks`]); [`CodeFinder`] carries what
//! one block leaves open (a fence, the open list items, a line cut in the middle) to the next,
//! so that the code
//! found does not depend on where blocks are cut.

use std::borrow::Cow;
use std::ops::Range;

use crate::location::union_of_spans;
use crate::normalize::is_word_char;

/// How a document marks up its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Markup {
    /// Plain text: all of it is checked.
    #[default]
    Plain,
    /// Markdown: code is not checked.
    Markdown,
}

impl Markup {
    /// A finder of the document's code, for markup that has code.
    pub fn code_finder(self) -> Option<CodeFinder> {
        (self == Markup::Markdown).then(CodeFinder::default)
    }
}

/// A fence that opened a code block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fence {
    marker: u8,
    len: usize,
}

/// The most of a line carried to the next block. A longer line is no fence line (those are a
/// fence and a language name): only its end is carried, from a point outside inline code,
/// so that a document of one huge line is not copied whole from block to block.
const LONGEST_CARRIED_LINE: usize = 4096;

/// How the next block's first line begins.
#[derive(Debug, Clone, Default)]
enum LineStart {
    /// At the line's start.
    #[default]
    Fresh,
    /// Inside a line whose start, held here, the block before held.
    After(String),
    /// Inside a line too long to carry whole: the end of what the block before held of it,
    /// from a point outside inline code and comments (code throughout if a fence is open or
    /// the line is indented code), and whether that point is inside a comment (when no such
    /// point was near).
    Within {
        tail: String,
        in_comment: bool,
        indented_code: bool,
    },
}

/// The most list items open inside one another that are told apart; deeper ones count as the
/// deepest.
const DEEPEST_LIST: usize = 8;

/// What the lines before tell about the next line's place among the document's blocks:
/// whether an indented line is code.
#[derive(Debug, Clone, Copy, Default)]
struct Layout {
    /// The line before is a paragraph's: an indented line continues it.
    in_paragraph: bool,
    /// The line before is indented code (or a blank line inside it).
    in_indented_code: bool,
    /// The columns where the content of the open list items starts, outermost first.
    lists: [u16; DEEPEST_LIST],
    open_lists: u8,
    /// The line before ended with a carriage return: an empty line next is its line feed.
    after_cr: bool,
}

impl Layout {
    /// Takes in a line outside fences and comments; whether it is indented code.
    fn indented_code(&mut self, line: &str) -> bool {
        let (indent, body) = indentation(line);
        if body.trim().is_empty() {
            self.in_paragraph = false;
            return false;
        }
        let lazy = self.in_paragraph;
        if !lazy {
            self.close_lists_beyond(indent);
        }
        if !lazy && indent >= self.content_column() + 4 {
            self.in_indented_code = true;
            return true;
        }
        self.in_indented_code = false;
        if is_heading(body) || is_thematic_break(body) {
            self.in_paragraph = false;
        } else if let Some((width, rest)) = list_marker(body).or_else(|| footnote_marker(body)) {
            self.close_lists_beyond(indent);
            let column = u16::try_from(indent + width).unwrap_or(u16::MAX);
            let open = usize::from(self.open_lists);
            if open < DEEPEST_LIST {
                self.open_lists += 1;
            }
            self.lists[open.min(DEEPEST_LIST - 1)] = column;
            self.in_paragraph = !rest.trim().is_empty();
        } else {
            self.in_paragraph = true;
        }
        false
    }

    /// The column the innermost open list item's content starts at; 0 outside lists.
    fn content_column(&self) -> usize {
        match self.open_lists {
            0 => 0,
            n => usize::from(self.lists[usize::from(n) - 1]),
        }
    }

    /// Closes the list items whose content starts right of `indent`: a line less indented
    /// is outside them.
    fn close_lists_beyond(&mut self, indent: usize) {
        while self.open_lists > 0 && self.content_column() > indent {
            self.open_lists -= 1;
        }
    }
}

/// A line's indentation in columns (a tab to the next multiple of four), after any
/// blockquote markers, and the rest of the line.
fn indentation(line: &str) -> (usize, &str) {
    let mut body = line;
    // Up to three spaces before a quote marker, and one after it, are the marker's.
    loop {
        let trimmed = body.trim_start_matches(' ');
        match trimmed.strip_prefix('>') {
            Some(rest) if body.len() - trimmed.len() <= 3 => {
                body = rest.strip_prefix(' ').unwrap_or(rest);
            }
            _ => break,
        }
    }
    let mut column = 0;
    for (i, b) in body.bytes().enumerate() {
        match b {
            b' ' => column += 1,
            b'\t' => column += 4 - column % 4,
            _ => return (column, &body[i..]),
        }
    }
    (column, "")
}

/// Whether a line's body (after its indentation) is an ATX heading ("## Usage").
fn is_heading(body: &str) -> bool {
    let hashes = body.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && (body.len() == hashes || body[hashes..].starts_with([' ', '\t']))
}

/// Whether a line's body is a thematic break: three or more of one of `-`, `*`, `_` and
/// nothing else but spaces ("* * *").
fn is_thematic_break(body: &str) -> bool {
    let Some(marker) = body.bytes().next().filter(|b| b"-*_".contains(b)) else {
        return false;
    };
    body.bytes().all(|b| b == marker || b == b' ' || b == b'\t')
        && body.bytes().filter(|&b| b == marker).count() >= 3
}

/// The list item marker a line's body starts with ("- ", "12. ", "3) "): the columns from
/// the marker to the item's content, and the content.
fn list_marker(body: &str) -> Option<(usize, &str)> {
    let bytes = body.as_bytes();
    let marker = match bytes.first()? {
        b'-' | b'+' | b'*' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 9 || !matches!(bytes.get(digits), Some(b'.' | b')')) {
                return None;
            }
            digits + 1
        }
        _ => return None,
    };
    let rest = &body[marker..];
    if rest.is_empty() {
        return Some((marker + 1, rest));
    }
    let spaces = rest
        .bytes()
        .take_while(|&b| b == b' ' || b == b'\t')
        .count();
    if spaces == 0 {
        return None;
    }
    // Five spaces or more after the marker: the content is indented code one space in.
    let width = if spaces > 4 { 1 } else { spaces };
    Some((marker + width, &rest[width..]))
}

/// The label of a footnote definition a line's body starts with ("[^1]: Mao Zedong, …", as
/// GFM and pandoc write them): the columns from the label to where the footnote's later
/// paragraphs start, and the footnote's text on this line. A footnote is a container like a
/// list item whose content is four columns in: its paragraphs indented so are prose, not
/// indented code.
fn footnote_marker(body: &str) -> Option<(usize, &str)> {
    let label = footnote_label(body)?;
    let rest = body[label..].strip_prefix(':')?;
    Some((4, rest.trim_start_matches([' ', '\t'])))
}

/// The length of the footnote label `text` starts with (`[^label]`, brackets included): a
/// caret and one or more characters that are no space and no bracket, in brackets.
fn footnote_label(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("[^")?;
    let len = rest.find([']', '[', ' ', '\t', '\n', '\r'])?;
    (len > 0 && rest.as_bytes()[len] == b']').then_some(2 + len + 1)
}

/// Finds the code of a Markdown document block by block (see the module docs).
#[derive(Debug, Clone, Default)]
pub struct CodeFinder {
    /// The fenced block open at the start of the next block's first line.
    fence: Option<Fence>,
    /// Whether an HTML comment is open at the start of the next line.
    comment: bool,
    /// Where the next line stands among the document's blocks.
    layout: Layout,
    /// Where the next block's first line starts.
    line_start: LineStart,
}

impl CodeFinder {
    /// The code in `text`, the next block of the document, as byte ranges in order; the block
    /// after it starts at byte `next_start` of `text`. Only code up to the end of the line
    /// holding `next_start` is returned: the rest is the next block's.
    pub fn code_in(&mut self, text: &str, next_start: usize) -> Vec<Range<usize>> {
        let mut code = Vec::new();
        let first_line = std::mem::take(&mut self.line_start);
        let mut line_start = 0;
        loop {
            let line_end = memchr::memchr2(b'\n', b'\r', &text.as_bytes()[line_start..])
                .map_or(text.len(), |i| line_start + i);
            let (fence_before, comment_before, layout_before) =
                (self.fence, self.comment, self.layout);
            // The first line is read with what the block before held of it.
            let (held, within, indented_code) = match &first_line {
                LineStart::After(held) if line_start == 0 => (held.as_str(), false, false),
                LineStart::Within {
                    tail,
                    in_comment,
                    indented_code,
                } if line_start == 0 => {
                    self.comment = *in_comment;
                    (tail.as_str(), true, *indented_code)
                }
                _ => ("", false, false),
            };
            let comment_at_start = self.comment;
            let line = if held.is_empty() {
                std::borrow::Cow::Borrowed(&text[line_start..line_end])
            } else {
                std::borrow::Cow::Owned(format!("{held}{}", &text[..line_end]))
            };
            let mut in_line = Vec::new();
            // The line feed of a CRLF is no line of its own.
            let line_feed = line.is_empty()
                && self.layout.after_cr
                && text.as_bytes().get(line_end) == Some(&b'\n');
            match self.fence {
                // A line's middle starts no fence.
                Some(_) if within && !line.is_empty() => in_line.push(0..line.len()),
                Some(_) if within => {}
                None if within && indented_code => in_line.push(0..line.len()),
                None if within => in_line = self.unchecked_in_prose(&line, false).0,
                _ if line_feed => {}
                _ => self.line_code(&line, 0, &mut in_line),
            }
            self.layout.after_cr = text.as_bytes().get(line_end) == Some(&b'\r');
            for range in &in_line {
                let (start, end) = (range.start.max(held.len()), range.end);
                if start < end {
                    code.push(line_start + start - held.len()..line_start + end - held.len());
                }
            }
            if next_start <= line_end {
                // The next block starts in this line (or at its start): it reads the line
                // again, from the state the line started in.
                (self.fence, self.comment) = (fence_before, comment_before);
                let layout_after = std::mem::replace(&mut self.layout, layout_before);
                if next_start > line_start {
                    let cut = held.len() + next_start - line_start;
                    self.line_start = if cut <= LONGEST_CARRIED_LINE && !within {
                        LineStart::After(line[..cut].to_string())
                    } else {
                        let from = carried_from(&line, &in_line, cut);
                        // With no point outside them near, the cut may be inside a comment:
                        // the comments of the line as far as this block holds it tell.
                        let in_comment = from == cut && {
                            let mut upto = CodeFinder {
                                fence: None,
                                comment: comment_at_start,
                                layout: Layout::default(),
                                line_start: LineStart::Fresh,
                            };
                            let (_, comments) = upto.unchecked_in_prose(&line, !within);
                            comments.iter().any(|c| c.start < cut && cut < c.end)
                        };
                        // The next block reads no more of the line's start: it goes on
                        // from where the line leaves the blocks.
                        self.layout = layout_after;
                        LineStart::Within {
                            tail: line[from..cut].to_string(),
                            in_comment,
                            indented_code: within && indented_code
                                || !within && layout_after.in_indented_code,
                        }
                    };
                }
                return code;
            }
            line_start = line_end + 1;
        }
    }

    /// Adds to `code` the code in one line (`line`, starting at byte `at` of the block),
    /// updating the open fence.
    fn line_code(&mut self, line: &str, at: usize, code: &mut Vec<Range<usize>>) {
        if self.fence.is_some() || self.comment {
            self.layout.in_paragraph = false;
        } else if self.layout.indented_code(line) {
            if !line.is_empty() {
                code.push(at..at + line.len());
            }
            return;
        }
        if let Some(open) = self.fence {
            if fence_in(line).is_some_and(|(fence, rest)| {
                fence.marker == open.marker && fence.len >= open.len && rest.trim().is_empty()
            }) {
                self.fence = None;
            }
            if !line.is_empty() {
                code.push(at..at + line.len());
            }
            return;
        }
        // A line inside a comment opens no fence.
        if let Some((fence, info)) = fence_in(line).filter(|_| !self.comment) {
            // A backtick fence's info string holds no backtick: "```a``` b" is inline code.
            if fence.marker == b'~' || !info.contains('`') {
                self.fence = Some(fence);
                self.layout.in_paragraph = false;
                code.push(at..at + line.len());
                return;
            }
        }
        code.extend(
            self.unchecked_in_prose(line, true)
                .0
                .into_iter()
                .map(|r| at + r.start..at + r.end),
        );
        // A comment opening a line is an HTML block, no paragraph.
        if line
            .trim_start_matches([' ', '\t', '>'])
            .starts_with("<!--")
        {
            self.layout.in_paragraph = false;
        }
    }

    /// What is not checked in a line of prose (`whole_line`, or the end of one): HTML comments
    /// (one may be open already, or stay open), inline code and link destinations, in order
    /// and apart ([`in_code`] searches them); and the comments alone.
    fn unchecked_in_prose(
        &mut self,
        line: &str,
        whole_line: bool,
    ) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
        let mut comments = Vec::new();
        let mut from = 0;
        if self.comment {
            match line.find("-->") {
                Some(end) => {
                    comments.push(0..end + 3);
                    from = end + 3;
                    self.comment = false;
                }
                None => {
                    if !line.is_empty() {
                        comments.push(0..line.len());
                    }
                    return (comments.clone(), comments);
                }
            }
        }
        let rest = &line[from..];
        let in_rest = inline_code(rest);
        let links = link_destinations(rest, &in_rest);
        let spans: Vec<Range<usize>> = in_rest
            .into_iter()
            .map(|r| from + r.start..from + r.end)
            .collect();
        // A comment opener inside inline code is text of the code.
        let mut at = from;
        let bytes = line.as_bytes();
        while let Some(i) = memchr::memchr(b'<', &bytes[at..]) {
            let open = at + i;
            if !bytes[open..].starts_with(b"<!--") || in_code(&spans, &(open..open + 4)) {
                at = open + 1;
                continue;
            }
            match line[open + 4..].find("-->") {
                Some(end) => {
                    at = open + 4 + end + 3;
                    comments.push(open..at);
                }
                // Opening a line, a comment runs to its end, over lines (an HTML block);
                // inside a line, an opener never closed on it is text.
                None if whole_line
                    && line[..open].trim_start_matches([' ', '\t', '>']).is_empty() =>
                {
                    comments.push(open..line.len());
                    self.comment = true;
                    break;
                }
                None => at = open + 4,
            }
        }
        if comments.is_empty() && links.is_empty() {
            return (spans, comments);
        }
        let mut unchecked = comments.clone();
        unchecked.extend(spans);
        unchecked.extend(links.into_iter().map(|r| from + r.start..from + r.end));
        // A destination may run into a span ("[a](b`c`)"): one range for both.
        (union_of_spans(unchecked), comments)
    }
}

/// The destinations of the links in one line of prose, outside its inline `code`: the
/// address in parentheses after a link's text (`[text](api.md#byte-offset)`), and the one a
/// link reference definition gives its label (`[label]: api.md#byte-offset`). They are
/// addresses, not text, and often hold a term's words run together or hyphenated. So are the
/// labels of footnotes (`[^sung-note]`, where a note is referred to and where it is
/// defined): names that tie the two together, which `fix` must not rewrite in one place. A
/// footnote's definition (`[^1]: Mao Zedong, …`) is no link reference definition: what follows
/// its label is the footnote's text.
fn link_destinations(line: &str, code: &[Range<usize>]) -> Vec<Range<usize>> {
    let outside_code = |at: usize| {
        let after = code.partition_point(|c| c.end <= at);
        code.get(after).is_none_or(|c| c.start > at)
    };
    let mut found = Vec::new();
    let body = line.trim_start_matches([' ', '\t', '>']);
    let indent = line.len() - body.len();
    // A label holds no bracket: "[a](b) [c]: d" defines nothing.
    let label_end = body
        .strip_prefix('[')
        .and_then(|rest| rest.find(']'))
        .filter(|&end| body[1 + end + 1..].starts_with(':') && footnote_label(body).is_none());
    if let Some(label_end) = label_end {
        let after = indent + 1 + label_end + 2;
        let start = after + (line.len() - after - line[after..].trim_start().len());
        let end = line[start..]
            .find(char::is_whitespace)
            .map_or(line.len(), |i| start + i);
        if start < end && outside_code(indent) {
            found.push(start..end);
        }
    }
    let bytes = line.as_bytes();
    for open in memchr::memmem::find_iter(bytes, b"[^") {
        if let Some(len) = footnote_label(&line[open..]).filter(|_| outside_code(open)) {
            found.push(open..open + len);
        }
    }
    for open in memchr::memchr_iter(b']', bytes).filter(|&i| bytes.get(i + 1) == Some(&b'(')) {
        let start = open + 2;
        if !outside_code(open) {
            continue;
        }
        let rest = &line[start..];
        let len = if rest.starts_with('<') {
            rest.find('>').map_or(0, |i| i + 1)
        } else {
            // Balanced parentheses belong to the address ("wiki/Tree_(graph)").
            let mut depth = 0usize;
            rest.char_indices()
                .find(|&(_, c)| {
                    match c {
                        '(' => depth += 1,
                        ')' if depth == 0 => return true,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    c.is_whitespace()
                })
                .map_or(rest.len(), |(i, _)| i)
        };
        if len > 0 {
            found.push(start..start + len);
        }
    }
    found
}

/// Where the end of a long line carried to the next block starts, for a cut at `cut`: the
/// earliest point within [`LONGEST_CARRIED_LINE`] bytes of the cut that is outside the line's
/// `code` and inside no run of backticks, so that the next block reads the spans after it as
/// this block did; the cut itself if there is none (a span longer than that holds the cut).
fn carried_from(line: &str, code: &[Range<usize>], cut: usize) -> usize {
    let bytes = line.as_bytes();
    let mut at = cut.saturating_sub(LONGEST_CARRIED_LINE);
    while at < cut {
        if !line.is_char_boundary(at) {
            at += 1;
        } else if let Some(span) = code
            .get(code.partition_point(|c| c.end <= at))
            .filter(|c| c.start < at)
        {
            at = span.end;
        } else if at > 0 && bytes[at - 1] == b'`' && bytes[at] == b'`' {
            at += 1;
        } else {
            return at;
        }
    }
    cut
}

/// The fence a line starts with (after indentation and blockquote markers), and the rest of
/// the line.
fn fence_in(line: &str) -> Option<(Fence, &str)> {
    let body = line.trim_start_matches([' ', '\t', '>']);
    let marker = *body.as_bytes().first()?;
    if marker != b'`' && marker != b'~' {
        return None;
    }
    let len = body.bytes().take_while(|&b| b == marker).count();
    (len >= 3).then(|| (Fence { marker, len }, &body[len..]))
}

/// The inline code spans of one line: from a run of backticks to the next run of exactly as
/// many. A run with no partner is literal; a backslash before a run makes its first backtick
/// literal (inside a span, a backslash escapes nothing).
fn inline_code(line: &str) -> Vec<Range<usize>> {
    let bytes = line.as_bytes();
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'`', &bytes[at..]) {
        let start = at + i;
        at = start + bytes[start..].iter().take_while(|&&b| b == b'`').count();
        runs.push(start..at);
    }
    if runs.len() < 2 {
        return Vec::new();
    }
    // The runs by length, to find each opener's partner without walking the line again:
    // a line of many runs of many lengths would otherwise take time quadratic in its length.
    let mut by_length: Vec<(usize, usize)> = runs.iter().map(|r| r.len()).zip(0..).collect();
    by_length.sort_unstable();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let mut opener = runs[i].clone();
        if escaped(bytes, opener.start) {
            opener.start += 1;
        }
        let len = opener.len();
        let later = by_length.partition_point(|&(l, k)| (l, k) <= (len, i));
        match by_length.get(later) {
            Some(&(l, k)) if l == len && len > 0 => {
                spans.push(opener.start..runs[k].end);
                i = k + 1;
            }
            _ => i += 1,
        }
    }
    spans
}

/// Whether the byte at `at` follows an odd number of backslashes.
fn escaped(bytes: &[u8], at: usize) -> bool {
    bytes[..at]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count()
        % 2
        == 1
}

/// The emphasis delimiters of Markdown text outside `code` (sorted, disjoint ranges, as
/// [`CodeFinder::code_in`] returns): runs of `*`, `_` or `~` that touch a word on one side
/// only, so open or close emphasis or strikethrough at a word's edge ("the **Mo Gao** Caves",
/// "*Terracota* Army", "~~Leading Group~~"). A term's words read through them as through a
/// space. A run between two words ("snake_case", "5*3") or between two spaces ("2 * 3", a
/// list bullet) is no delimiter, and neither is an escaped one (`\*`).
pub fn emphasis_delimiters(text: &str, code: &[Range<usize>]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut delimiters = Vec::new();
    let mut at = 0;
    while let Some(found) = bytes[at..]
        .iter()
        .position(|&b| matches!(b, b'*' | b'_' | b'~'))
    {
        let start = at + found;
        let marker = bytes[start];
        let end = start + bytes[start..].iter().take_while(|&&b| b == marker).count();
        at = end;
        let word_before = text[..start].chars().next_back().is_some_and(is_word_char);
        let word_after = text[end..].chars().next().is_some_and(is_word_char);
        // `_` is itself a word character: a run of it is judged by what lies around the run.
        if word_before != word_after && !escaped(bytes, start) && !in_code(code, &(start..end)) {
            delimiters.push(start..end);
        }
    }
    delimiters
}

/// `text` with the bytes of `delimiters` (ASCII markers, see [`emphasis_delimiters`]) made
/// spaces: the same length and offsets, so what is found in it is found at the same place in
/// `text`.
pub fn without_delimiters(text: &str, delimiters: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for d in delimiters {
        bytes[d.clone()].fill(b' ');
    }
    String::from_utf8(bytes).expect("ASCII markers replaced by spaces")
}

/// `text` with the character references of its prose decoded (`&rsquo;`, `&nbsp;`,
/// `&#8217;`, `&amp;`; see [`crate::formats::html::character_reference`]), as CommonMark
/// decodes them outside code: each is its character followed by invisible characters that
/// normalization drops (soft hyphens, a zero-width space), as long together as the reference,
/// so that what is found in the result is found at the same place in `text`. A reference in
/// `code`, escaped (`\&amp;`), or one byte longer than its character (no padding that short:
/// `&ne;`) is left as written. `None` when `text` has no reference to decode.
pub fn with_references_decoded(text: &str, code: &[Range<usize>]) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    while let Some(amp) = memchr::memchr(b'&', &bytes[at..]).map(|i| at + i) {
        at = amp + 1;
        let Some((decoded, len)) = crate::formats::html::character_reference(&text[amp..]) else {
            continue;
        };
        let padding = len - decoded.len().min(len);
        if decoded.len() > len
            || padding == 1
            || escaped(bytes, amp)
            || in_code(code, &(amp..amp + len))
        {
            continue;
        }
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[copied..amp]);
        out.push_str(&decoded);
        // Soft hyphens (two bytes each), after a zero-width space (three) for an odd length.
        if padding % 2 == 1 {
            out.push('\u{200B}');
        }
        for _ in 0..padding / 2 - if padding % 2 == 1 { 1 } else { 0 } {
            out.push('\u{00AD}');
        }
        at = amp + len;
        copied = at;
    }
    let mut out = out?;
    out.push_str(&text[copied..]);
    debug_assert_eq!(out.len(), text.len());
    Some(out)
}

/// The padding [`with_references_decoded`] writes after a decoded reference: what a found
/// term shows without.
pub fn is_reference_padding(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{00AD}')
}

/// A found term as read through the emphasis inside it (see [`emphasis_delimiters`]): its
/// markers made spaces, for the term's form and for messages.
pub fn unemphasised(found: &str) -> Cow<'_, str> {
    if !found.contains(['*', '_', '~']) {
        return Cow::Borrowed(found);
    }
    match emphasis_delimiters(found, &[]) {
        delimiters if delimiters.is_empty() => Cow::Borrowed(found),
        delimiters => Cow::Owned(without_delimiters(found, &delimiters)),
    }
}

/// The text of an ATX heading line ("## Battery Management System ##"), as a byte range of
/// `line`: after its indentation and quote markers, its opening run of `#` and the spaces
/// after it, and before a closing run of `#` and the spaces around it. `None` if `line` is
/// no heading. Its words are set as a heading's, whatever markup the document is in: a line
/// of text starting "# " is a heading in plain text too.
pub fn heading_text(line: &str) -> Option<Range<usize>> {
    // Four columns in, a line is code, outside a list item at least.
    let (indent, body) = indentation(line);
    if indent > 3 || !is_heading(body) {
        return None;
    }
    let hashes = body.bytes().take_while(|&b| b == b'#').count();
    let text = body[hashes..].trim_start_matches([' ', '\t']);
    let start = line.len() - text.len();
    let mut end = start + text.trim_end().len();
    // A closing run of `#` after a space is the heading's, not its text's ("# C# #" keeps
    // "C#").
    let closing = line[start..end].trim_end_matches('#');
    if closing.is_empty() || closing.ends_with([' ', '\t']) {
        end = start + closing.trim_end().len();
    }
    Some(start..end)
}

/// The cell of a pipe table holding `span` of `text`: the text between the `|` before it and
/// the `|` after it on its line ("| Battery Management System | 7.2 |"), each looked for
/// `reach` bytes at most. An escaped pipe (`\|`) is the cell's text. A row written without
/// its outer pipes ("Part | Version") has no cell at its edges here.
pub fn table_cell(text: &str, span: &Range<usize>, reach: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut from = span.start.saturating_sub(reach);
    let mut before = &bytes[from..span.start];
    let left = loop {
        let i = memchr::memrchr3(b'|', b'\n', b'\r', before)?;
        if bytes[from + i] != b'|' {
            return None;
        }
        if !escaped(bytes, from + i) {
            break from + i + 1;
        }
        before = &before[..i];
    };
    let to = (span.end + reach).min(bytes.len());
    from = span.end;
    let right = loop {
        let i = from + memchr::memchr3(b'|', b'\n', b'\r', &bytes[from..to])?;
        if bytes[i] != b'|' {
            return None;
        }
        if !escaped(bytes, i) {
            break i;
        }
        from = i + 1;
    };
    Some(left..right)
}

/// Whether `span` overlaps any of `code` (sorted, disjoint ranges, as [`CodeFinder::code_in`]
/// returns).
pub fn in_code(code: &[Range<usize>], span: &Range<usize>) -> bool {
    let first_ending_after = code.partition_point(|c| c.end <= span.start);
    code.get(first_ending_after)
        .is_some_and(|c| c.start < span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_decoded_in_place_outside_code() {
        let decoded = |text: &str| {
            let code = inline_code(text);
            with_references_decoded(text, &code).map(|d| {
                assert_eq!(d.len(), text.len(), "{text}");
                d.chars()
                    .filter(|&c| !is_reference_padding(c))
                    .collect::<String>()
            })
        };
        assert_eq!(
            decoded("a&rsquo;s &nbsp; &#8217; &#x2019; &lt; &amp;").as_deref(),
            Some("a\u{2019}s \u{A0} \u{2019} \u{2019} < &")
        );
        // Code, an escape, something that only looks like one, and no room for the padding.
        assert_eq!(decoded("`&nbsp;` \\&nbsp; &nbsp &nosuch; AT&T &ne;"), None);
        assert_eq!(decoded("`&amp;` &amp;").as_deref(), Some("`&amp;` &"));
        // Offsets are kept: a multi-byte character on either side.
        let text = "\u{4E0A}&rsquo;\u{4E0B}";
        let d = with_references_decoded(text, &[]).unwrap();
        assert!(d.starts_with("\u{4E0A}\u{2019}") && d.ends_with("\u{4E0B}"));
        assert_eq!(d.find('\u{4E0B}'), text.find('\u{4E0B}'));
    }

    /// The code of `text` read as one block, as the strings it covers.
    fn code_of(text: &str) -> Vec<&str> {
        let code = CodeFinder::default().code_in(text, text.len());
        assert!(
            code.windows(2).all(|w| w[0].end <= w[1].start),
            "ranges in order and apart: {code:?}"
        );
        code.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn inline_code_spans_run_to_a_run_of_as_many_backticks() {
        assert_eq!(code_of("use `e-mail` here"), ["`e-mail`"]);
        assert_eq!(code_of("a ``x ` y`` b `c`"), ["``x ` y``", "`c`"]);
        // No partner of the same length: the backticks are literal.
        assert!(code_of("a `` b ` c").is_empty());
        assert!(code_of("one ` alone").is_empty());
        // Escaped, a backtick opens nothing.
        assert!(code_of(r"a \`b` c").is_empty());
        assert_eq!(code_of(r"a \\`b` c"), ["`b`"]);
        // A span does not run past its line.
        assert!(code_of("a `b\nc` d").is_empty());
        // Inside a span a backslash escapes nothing: it may end one.
        assert_eq!(code_of(r"a `b\` c"), [r"`b\`"]);
        // Runs of many lengths, each partnered or not, as a line of them is read once.
        let mut line = String::from("`a` ");
        for n in 3..300 {
            line.push_str(&"`".repeat(n));
            line.push_str(" x ");
        }
        line.push_str("`y` ``z``");
        let spans = code_of(&line);
        assert!(spans == ["`a`", "`y`", "``z``"], "{:?}", spans.len());
    }

    #[test]
    fn fenced_blocks_run_to_a_closing_fence_of_the_same_marker() {
        let text = "prose\n```rust\nlet e_mail = 1;\n\nmore code\n```\nprose again\n";
        assert_eq!(
            code_of(text),
            ["```rust", "let e_mail = 1;", "more code", "```"]
        );
        // A shorter fence or the other marker does not close; a longer one does.
        let text = "````\n```\n~~~\ncode\n`````\nprose `x`";
        assert_eq!(
            code_of(text),
            ["````", "```", "~~~", "code", "`````", "`x`"]
        );
        // A closing fence holds nothing else.
        let text = "~~~\n~~~ not closed\nstill code\n~~~\nprose";
        assert_eq!(
            code_of(text),
            ["~~~", "~~~ not closed", "still code", "~~~"]
        );
        // Unclosed, a fence runs to the end.
        assert_eq!(code_of("a\n~~~\nb\nc"), ["~~~", "b", "c"]);
        // Two backticks are inline code, not a fence; a backtick in the info string makes
        // the line inline code.
        assert_eq!(code_of("``a``\nb"), ["``a``"]);
        assert_eq!(code_of("```a``` b\nc"), ["```a```"]);
    }

    #[test]
    fn link_destinations_are_not_text() {
        assert_eq!(
            code_of("See [the byte offset](api.md#byte-offset) and `x`."),
            ["api.md#byte-offset", "`x`"]
        );
        assert_eq!(
            code_of("[graph](https://w.org/Tree_(graph) \"Trees\") here"),
            ["https://w.org/Tree_(graph)"]
        );
        assert_eq!(code_of("a [b](<my file.md>) c"), ["<my file.md>"]);
        assert_eq!(
            code_of("  [byteOffset]: buffer.md#byteoffset"),
            ["buffer.md#byteoffset"]
        );
        // Not links: brackets alone, a link in code, a definition's label.
        assert!(code_of("an array [0] (first) and [a] b").is_empty());
        assert_eq!(code_of("`[a](b)` c"), ["`[a](b)`"]);
        // A definition's label ends at the first bracket: this line is a link and text.
        assert_eq!(code_of("[a](b.md) and [x]: c d"), ["b.md"]);
        // A destination running into inline code is one range with it.
        assert_eq!(code_of("[a](b`c` d) e"), ["b`c`"]);
    }

    #[test]
    fn a_footnotes_text_is_prose_and_its_label_an_address() {
        // A definition: its label is unchecked, its text (first word too) is prose.
        assert_eq!(code_of("[^1]: Mao Tse-tung, *Works*."), ["[^1]"]);
        assert_eq!(code_of("   [^sung-note]:Sung dynasty"), ["[^sung-note]"]);
        // References inline, next to a word or a link.
        assert_eq!(
            code_of("Text[^1] and more[^note-2]. See [a](b.md)[^3]"),
            ["[^1]", "[^note-2]", "b.md", "[^3]"]
        );
        // A link reference definition still gives a destination, not text.
        assert_eq!(
            code_of("[^1]: Mao\n[id]: http://x.org/Mao \"Mao\""),
            ["[^1]", "http://x.org/Mao"]
        );
        // Not footnotes: a caret alone or with a space, a label with a bracket, code.
        assert!(code_of("x [^] y [^ a] z [^a[b]] w 2^3 [a^b]").is_empty());
        assert_eq!(code_of("`[^1]` x"), ["`[^1]`"]);
        // An empty footnote label is none: "[^]:" defines a link (CommonMark's label "^").
        assert_eq!(code_of("[^]: a.md"), ["a.md"]);
    }

    #[test]
    fn a_footnotes_indented_paragraphs_are_prose() {
        // Its later paragraphs are four columns in, as a list item's content.
        let text = "[^1]: First.\n\n    Sung dynasty, second paragraph.\n\n        code in it\n";
        assert_eq!(code_of(text), ["[^1]", "        code in it"]);
        // A line less indented ends the footnote: four columns in is code again.
        let text = "[^1]: Note.\n\nBody.\n\n    code\n";
        assert_eq!(code_of(text), ["[^1]", "    code"]);
        // A lazy line goes on with the note's paragraph.
        assert_eq!(code_of("[^1]: Note\n    goes on"), ["[^1]"]);
        // A link reference definition opens no container: four columns in after it is code.
        let text = "[id]: a.md\n\n    code\n";
        assert_eq!(code_of(text), ["a.md", "    code"]);
    }

    #[test]
    fn html_comments_are_not_text() {
        assert_eq!(
            code_of("a <!-- b --> c <!--d-->"),
            ["<!-- b -->", "<!--d-->"]
        );
        // Over lines, and a fence inside opens nothing.
        assert_eq!(
            code_of("<!-- b\n```\nc --> d `e`\nf"),
            ["<!-- b", "```", "c -->", "`e`"]
        );
        // Unclosed, to the end when it opens a line; inside a line, an opener never closed
        // on it is text.
        assert_eq!(code_of("  <!-- b\nc"), ["<!-- b", "c"]);
        assert!(code_of("a <!-- b\nc").is_empty());
        // In inline code, an opener is code's text; in a fence, it is code.
        assert_eq!(code_of("`<!--` b -->"), ["`<!--`"]);
        assert_eq!(code_of("```\n<!--\n```\nb"), ["```", "<!--", "```"]);
    }

    #[test]
    fn fences_in_list_items_and_quotes_count() {
        let text = "- item\n\n    ```\n    code\n    ```\n> ```\n> quoted code\n> ```\nprose";
        assert_eq!(
            code_of(text),
            [
                "    ```",
                "    code",
                "    ```",
                "> ```",
                "> quoted code",
                "> ```"
            ]
        );
    }

    #[test]
    fn indented_code_is_code_but_a_list_items_paragraphs_are_not() {
        // Four columns in, after a blank line: code, up to a line less indented.
        let text = "Run:\n\n    make e-mail\n\n    make more\nprose";
        assert_eq!(code_of(text), ["    make e-mail", "    make more"]);
        // A tab is four columns; a quote's marker is not indentation.
        assert_eq!(code_of("a\n\n\tcode\n"), ["\tcode"]);
        assert_eq!(code_of("> a\n>\n>     code\n> b"), [">     code"]);
        // An indented line goes on with the paragraph before it.
        assert!(code_of("a paragraph\n    goes on here").is_empty());
        // A heading, a rule or a comment ends the paragraph.
        assert_eq!(code_of("# Title\n    code"), ["    code"]);
        assert_eq!(code_of("***\n    code"), ["    code"]);
        // In a list item, the indentation counts from the item's content.
        let text = "- item\n\n    more of the item\n\n      code in it\n";
        assert_eq!(code_of(text), ["      code in it"]);
        let text = "1. step\n\n   more\n\n       code\n10) next\n\n    more";
        assert_eq!(code_of(text), ["       code"]);
        // Nested items; a line less indented leaves them.
        let text = "- a\n  - b\n\n    b again\n\nout\n\n    code";
        assert_eq!(code_of(text), ["    code"]);
        // A fence indented as code opens nothing: the line after is prose.
        assert_eq!(code_of("a\n\n    ```\nb"), ["    ```"]);
        // The same with CRLF line ends; with CR alone, two make a blank line.
        let text = "a paragraph\r\n    goes on\r\n\r\n    code\r\n";
        assert_eq!(code_of(text), ["    code"]);
        assert_eq!(code_of("a\r    b\r\r    code\r"), ["    code"]);
    }

    #[test]
    fn crlf_lines_are_lines() {
        let text = "a\r\n```\r\ncode\r\n```\r\nb `c`\r\n";
        assert_eq!(code_of(text), ["```", "code", "```", "`c`"]);
    }

    /// Cuts `text` into blocks at each of `cuts` (the next block's start), as the block reader
    /// does with an overlap of at least `overlap` bytes, and returns the code each block
    /// answers for (up to its cut), as ranges of `text`.
    fn code_in_blocks(text: &str, cuts: &[usize], overlap: usize) -> Vec<Range<usize>> {
        let mut finder = CodeFinder::default();
        let mut found = Vec::new();
        let mut start = 0;
        for &next in cuts.iter().chain([&text.len()]) {
            // A block holds at least the line its cut is in (the reader's overlap is longer
            // than any line a term is in).
            let line_end = text[next..]
                .find(['\n', '\r'])
                .map_or(text.len(), |i| next + i);
            let end = (next + overlap).min(text.len()).max(line_end);
            for r in finder.code_in(&text[start..end], next - start) {
                // What a block answers for: the bytes before its cut (a term starting there
                // is its to report); the next block answers for the rest.
                let until = if next == text.len() { usize::MAX } else { next };
                if start + r.start < until {
                    found.push(start + r.start..(start + r.end).min(until));
                }
            }
            start = next;
        }
        found
    }

    #[test]
    fn code_found_block_by_block_is_the_code_of_the_whole() {
        let text =
            "intro `a b`\n\n```sh\nrun it\n\nagain\n```\n\ntext ``x y`` end\n  ~~~\n  z\n  ~~~\n\
                    tail\n <!-- a\n```\nb --> c <!-- d --> `e` <!-- g\nf -->\n\n    code\r\n\
                    - item\r\n\r\n    item\r\n\r\n      code\r\nx";
        let whole = union_of_spans(CodeFinder::default().code_in(text, text.len()));
        let indented = text.find("      code").unwrap();
        assert!(whole.iter().any(|r| r.contains(&indented)), "{whole:?}");
        // Every cut at a character of the text, at a line start and in a line, with and
        // without overlap.
        for cut in 1..text.len() {
            for overlap in [0, 3, 20] {
                let blocks = union_of_spans(code_in_blocks(text, &[cut], overlap));
                let covered = |rs: &[Range<usize>], at: usize| rs.iter().any(|r| r.contains(&at));
                for at in 0..text.len() {
                    assert_eq!(
                        covered(&blocks, at),
                        covered(&whole, at),
                        "cut {cut} overlap {overlap} byte {at}: {blocks:?} vs {whole:?}"
                    );
                }
            }
        }
        // Several cuts, each inside the fence.
        let blocks = union_of_spans(code_in_blocks(text, &[16, 22, 27, 30], 2));
        assert_eq!(blocks, whole);
    }

    #[test]
    fn code_in_a_long_line_does_not_depend_on_the_cuts() {
        let mut text = String::from("intro\n");
        let words = [
            "a",
            "`b c`",
            "``d ` e``",
            "f",
            "` g h i `",
            "\\`j",
            "[k](l.md#m-n)",
            "<!-- o",
            "p -->",
        ];
        let mut i = 0;
        while text.len() < 3 * LONGEST_CARRIED_LINE {
            text.push_str(words[i % words.len()]);
            text.push(' ');
            i += 3;
        }
        text.push_str("\nend `x`\n");
        let whole = union_of_spans(CodeFinder::default().code_in(&text, text.len()));
        assert!(whole.len() > 500, "{}", whole.len());
        // One cut and two, past the carried length, at spaces (where the reader cuts).
        let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i + 1).collect();
        for k in (0..spaces.len()).step_by(23) {
            let first = spaces[k];
            let second = spaces[(k + spaces.len() / 2) % spaces.len()];
            let mut two = vec![first, second];
            two.sort_unstable();
            two.dedup();
            for cuts in [vec![first], two] {
                // Merged, equal lists cover the same bytes.
                let blocks = union_of_spans(code_in_blocks(&text, &cuts, 0));
                assert!(blocks == whole, "cuts {cuts:?}");
            }
        }
    }

    #[test]
    fn a_long_indented_code_line_is_code_whatever_the_cuts() {
        let line = format!("    {}", "code ".repeat(3 * LONGEST_CARRIED_LINE / 5));
        let text = format!("a\n\n{line}\n    more\nprose\n");
        let whole = union_of_spans(CodeFinder::default().code_in(&text, text.len()));
        let code_start = text.find("    code").unwrap();
        let more = text.find("    more").unwrap();
        assert_eq!(whole, [code_start..more - 1, more..more + 8]);
        let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i + 1).collect();
        for cuts in spaces
            .chunks(97)
            .map(|c| vec![c[0]])
            .chain([spaces[..2].to_vec()])
        {
            let blocks = union_of_spans(code_in_blocks(&text, &cuts, 0));
            assert!(blocks == whole, "cuts {cuts:?}: {blocks:?}");
        }
    }

    #[test]
    fn a_cut_deep_inside_a_long_comment_stays_in_it() {
        let comment = format!("<!-- {} -->", "word ".repeat(2 * LONGEST_CARRIED_LINE / 5));
        let text = format!("a `b` {comment} c `d` e\nf `g`\n");
        let whole = union_of_spans(CodeFinder::default().code_in(&text, text.len()));
        // Cuts past the carried length inside the comment, and after it.
        for cut in [LONGEST_CARRIED_LINE + 500, 2 * LONGEST_CARRIED_LINE - 1] {
            let cut = text[..cut].rfind(' ').unwrap() + 1;
            let blocks = union_of_spans(code_in_blocks(&text, &[cut], 0));
            assert_eq!(blocks, whole, "cut {cut}");
        }
    }

    #[test]
    fn a_long_line_is_carried_from_outside_code_and_runs() {
        let tail = "y".repeat(LONGEST_CARRIED_LINE - 1);
        // The window would start inside a run of backticks: after it.
        let line = format!("x``{tail}");
        assert_eq!(carried_from(&line, &[], line.len()), 3);
        // Inside a span: after the span.
        let line = format!("a `b c d e` {}", &tail[4..]);
        let code = inline_code(&line);
        assert_eq!(carried_from(&line, &code, line.len()), 11);
        // Inside a span holding the cut: nothing.
        let line = format!("a `{tail} c` d");
        let code = inline_code(&line);
        assert_eq!(carried_from(&line, &code, line.len() - 4), line.len() - 4);
    }

    #[test]
    fn a_line_too_long_to_carry_is_not_carried() {
        let mut text = String::from("```\n");
        while text.len() < 50_000 {
            text.push_str("code `x` code ");
        }
        text.push_str("\n```\n");
        let prose_start = text.len();
        while text.len() < 100_000 {
            text.push_str("prose `x` prose ");
        }
        let mut finder = CodeFinder::default();
        let mut code = Vec::new();
        let mut start = 0;
        while start < text.len() {
            // Cuts every 3,000 bytes or so, after a space, as the block reader makes them.
            let next = match text[..(start + 3000).min(text.len())].rfind(' ') {
                Some(space) if start + 3000 < text.len() && space + 1 > start => space + 1,
                _ => text.len(),
            };
            let end = (next + 100).min(text.len());
            for r in finder.code_in(&text[start..end], next - start) {
                if start + r.start < next || next == text.len() {
                    code.push(start + r.start..start + r.end);
                }
            }
            if let LineStart::After(held) = &finder.line_start {
                assert!(held.len() <= LONGEST_CARRIED_LINE, "{}", held.len());
            }
            start = next;
        }
        // The fenced line is code throughout; the fence closes; the prose's spans are found.
        assert!(code.iter().any(|r| r.start <= 4 && r.end > 3000));
        let fence_part: usize = code
            .iter()
            .filter(|r| r.start < prose_start)
            .map(|r| r.end.min(prose_start) - r.start)
            .sum();
        assert!(fence_part >= prose_start - 10, "{fence_part}");
        let spans = code.iter().filter(|r| r.start >= prose_start).count();
        let in_text = text[prose_start..].matches("`x`").count();
        assert_eq!(spans, in_text);
        for r in code.iter().filter(|r| r.start >= prose_start) {
            assert_eq!(&text[r.clone()], "`x`");
        }
    }

    #[test]
    fn in_code_tells_overlap() {
        let code = [2..5, 9..12];
        assert!(in_code(&code, &(0..3)));
        assert!(in_code(&code, &(4..10)));
        assert!(in_code(&code, &(11..20)));
        assert!(!in_code(&code, &(5..9)));
        assert!(!in_code(&code, &(0..2)));
        assert!(!in_code(&code, &(12..14)));
        assert!(!in_code(&[], &(0..1)));
    }

    #[test]
    fn emphasis_delimiters_are_runs_at_a_words_edge() {
        fn delimiters(text: &str) -> Vec<&str> {
            let code = CodeFinder::default().code_in(text, text.len());
            emphasis_delimiters(text, &code)
                .into_iter()
                .map(|r| &text[r])
                .collect()
        }
        assert_eq!(delimiters("the **Mo Gao** Caves"), ["**", "**"]);
        assert_eq!(
            delimiters("*Terracota* Army, _Trade_ Union"),
            ["*", "*", "_", "_"]
        );
        assert_eq!(
            delimiters("~~Leading Group~~ and __bold__."),
            ["~~", "~~", "__", "__"]
        );
        // Between two words, between two spaces, escaped, or in code: no delimiter.
        assert!(delimiters("snake_case and 5*3 and 2 * 3").is_empty());
        assert!(delimiters("* a list item\n- another").is_empty());
        assert!(delimiters(r"an escaped \*star* here").len() == 1);
        assert!(delimiters("`*code*` stays").is_empty());
        let text = "the **Mo Gao** Caves";
        let blank = without_delimiters(text, &emphasis_delimiters(text, &[]));
        assert_eq!(blank, "the   Mo Gao   Caves");
        assert_eq!(blank.len(), text.len());
        assert_eq!(unemphasised("Mo Gao** Caves"), "Mo Gao   Caves");
        assert_eq!(unemphasised("file_name and 5*3"), "file_name and 5*3");
    }

    #[test]
    fn a_headings_text_is_between_its_markers() {
        let text = |line: &'static str| heading_text(line).map(|r| &line[r]);
        assert_eq!(
            text("# Battery Management System"),
            Some("Battery Management System")
        );
        assert_eq!(text("  ### Usage ###  "), Some("Usage"));
        assert_eq!(text("> ## Quoted"), Some("Quoted"));
        assert_eq!(text("## C#"), Some("C#"));
        assert_eq!(text("## C# ##"), Some("C#"));
        assert_eq!(text("#\tTabbed"), Some("Tabbed"));
        assert_eq!(text("#"), Some(""));
        // No space after the marker, seven of them, or indented as code.
        assert_eq!(text("#hashtag"), None);
        assert_eq!(text("####### Seven"), None);
        assert_eq!(text("    # Code"), None);
        assert_eq!(text("Text # not a heading"), None);
    }

    #[test]
    fn a_table_cell_is_between_two_pipes_on_its_line() {
        let cell = |text: &'static str, term: &str| {
            let at = text.find(term).expect("term in text");
            table_cell(text, &(at..at + term.len()), 200).map(|r| &text[r])
        };
        assert_eq!(cell("| Part | Version |", "Part"), Some(" Part "));
        assert_eq!(cell("|a|Battery|7.2|", "Battery"), Some("Battery"));
        assert_eq!(cell("| a \\| b | c |", "b"), Some(" a \\| b "));
        assert_eq!(cell("x | a\n| b |", "b"), Some(" b "));
        // A pipe on one side only, or beyond a line's end, or out of reach.
        assert_eq!(cell("| Part\nVersion |", "Part"), None);
        assert_eq!(cell("Part | Version", "Part"), None);
        assert_eq!(cell("|\nPart\n|", "Part"), None);
        let far = format!("|{}Part |", " ".repeat(300));
        let at = far.find("Part").unwrap();
        assert_eq!(table_cell(&far, &(at..at + 4), 200), None);
    }

    #[test]
    fn plain_text_has_no_code_finder() {
        assert!(Markup::Plain.code_finder().is_none());
        assert!(Markup::Markdown.code_finder().is_some());
    }
}
