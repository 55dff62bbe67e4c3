//! The text shown around a finding: its sentence for reports, its line for underlining.

use std::ops::Range;

use crate::finding::Excerpt;

/// Longest sentence reported whole as context; longer ones are cut to a window.
const MAX_SENTENCE_CHARS: usize = 240;
/// Characters of context either side of a finding when its sentence is too long.
const WINDOW_CHARS: usize = 40;
/// Longest line shown whole under a finding; longer ones are cut around it.
const MAX_LINE_CHARS: usize = 160;

/// Bytes before a span that [`context`] and [`line_excerpt`] may look at: a sentence of
/// [`MAX_SENTENCE_CHARS`] or a line of [`MAX_LINE_CHARS`] characters of up to 4 bytes each.
pub const LOOK_BACK_BYTES: usize = 4 * if MAX_SENTENCE_CHARS > MAX_LINE_CHARS {
    MAX_SENTENCE_CHARS
} else {
    MAX_LINE_CHARS
};
/// Bytes after a span that they may look at.
const LOOK_AHEAD_BYTES: usize = LOOK_BACK_BYTES + 4 * WINDOW_CHARS;

/// [`context`] and [`line_excerpt`] of `span` in `text`, where `before` is the text just
/// before `text` in the document (up to [`LOOK_BACK_BYTES`] of it): a span near the start of
/// a block of a larger document gets the same context as in the whole document.
pub fn surroundings(before: &str, text: &str, span: Range<usize>) -> (String, Excerpt) {
    if before.is_empty() || span.start >= LOOK_BACK_BYTES {
        return (context(text, span.clone()), line_excerpt(text, span));
    }
    let until = ceil_boundary(text, (span.end + LOOK_AHEAD_BYTES).min(text.len()));
    let joined = [before, &text[..until]].concat();
    let shifted = before.len() + span.start..before.len() + span.end;
    (
        context(&joined, shifted.clone()),
        line_excerpt(&joined, shifted),
    )
}

/// The sentence around `span` in `text`, on one line (whitespace runs folded to a space); if
/// the sentence is long, ±40 characters around the span, with `…` where it was cut.
pub fn context(text: &str, span: Range<usize>) -> String {
    let start = sentence_start(text, span.start);
    let end = sentence_end(text, span.end);
    let sentence = &text[start..end];
    if sentence.chars().count() <= MAX_SENTENCE_CHARS {
        return fold_whitespace(sentence.trim());
    }
    let before_start = back_chars(text, span.start, WINDOW_CHARS).max(start);
    let after_end = forward_chars(text, span.end, WINDOW_CHARS).min(end);
    let mut out = String::new();
    if before_start > start {
        out.push('…');
    }
    out.push_str(&fold_whitespace(&text[before_start..after_end]));
    if after_end < end {
        out.push('…');
    }
    out.trim().to_string()
}

/// The line holding the start of `span`, for showing the span underlined. Only a bounded
/// stretch around the span is looked at, so findings on a huge line cost no more than others.
pub fn line_excerpt(text: &str, span: Range<usize>) -> Excerpt {
    let reach_back = back_chars(text, span.start, MAX_LINE_CHARS);
    let reach_forward = forward_chars(text, span.start, MAX_LINE_CHARS);
    let line_start = text[reach_back..span.start]
        .rfind(['\n', '\r'])
        .map(|i| reach_back + i + 1);
    let line_end = text[span.start..reach_forward]
        .find(['\n', '\r'])
        .map(|i| span.start + i);
    let highlight_end = span.end.min(line_end.unwrap_or(text.len())).max(span.start);
    let whole_line = match (line_start, line_end) {
        (Some(start), Some(end)) => Some(start..end),
        (Some(start), None) if reach_forward == text.len() => Some(start..text.len()),
        (None, Some(end)) if reach_back == 0 => Some(0..end),
        (None, None) if reach_back == 0 && reach_forward == text.len() => Some(0..text.len()),
        _ => None,
    };
    let (shown, clipped_start, clipped_end) = match whole_line {
        Some(line) if text[line.clone()].chars().count() <= MAX_LINE_CHARS => (line, false, false),
        _ => {
            let start = back_chars(text, span.start, WINDOW_CHARS).max(line_start.unwrap_or(0));
            let end = forward_chars(text, highlight_end, WINDOW_CHARS)
                .min(line_end.unwrap_or(text.len()));
            let clipped_start = line_start.is_none_or(|l| start > l);
            let clipped_end = line_end.is_none_or(|l| end < l);
            (
                start..end,
                clipped_start && start > 0,
                clipped_end && end < text.len(),
            )
        }
    };
    let prefix = if clipped_start { "…" } else { "" };
    let suffix = if clipped_end { "…" } else { "" };
    let before = expand_tabs(&text[shown.start..span.start]);
    let highlighted = expand_tabs(&text[span.start..highlight_end]);
    let after = expand_tabs(&text[highlight_end..shown.end]);
    Excerpt {
        highlight_start: prefix.chars().count() + before.chars().count(),
        highlight_width: highlighted.chars().count().max(1),
        text: format!("{prefix}{before}{highlighted}{after}{suffix}"),
    }
}

fn expand_tabs(s: &str) -> String {
    s.replace('\t', " ")
}

/// `s` with each run of whitespace made one space; the text between runs is copied whole.
fn fold_whitespace(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // Where the text not yet copied starts; `None` inside a run of whitespace.
    let mut copy_from = Some(0);
    let mut i = 0;
    while i < bytes.len() {
        let (space, len) = match bytes[i] {
            b if b.is_ascii() => (b.is_ascii_whitespace() || b == 0x0B, 1),
            _ => {
                let c = s[i..].chars().next().expect("a char boundary");
                (c.is_whitespace(), c.len_utf8())
            }
        };
        match (space, copy_from) {
            (true, Some(from)) => {
                out.push_str(&s[from..i]);
                out.push(' ');
                copy_from = None;
            }
            (false, None) => copy_from = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(from) = copy_from {
        out.push_str(&s[from..]);
    }
    out
}

/// Start of the sentence holding byte `at`: after the last sentence end (`.!?` or CJK full
/// stop followed by whitespace) or blank line before it, searching at most a few hundred bytes.
fn sentence_start(text: &str, at: usize) -> usize {
    // A bound in bytes, not characters: cheap, and only bounds the search.
    let floor = floor_boundary(text, at.saturating_sub(MAX_SENTENCE_CHARS * 2));
    let region = &text[floor..at];
    // Read backwards: the last sentence end is usually a few words back, the bound far. Only
    // the characters that can end a sentence are decoded.
    let bytes = region.as_bytes();
    let mut at = bytes.len();
    while at > 0 {
        at -= 1;
        let b = bytes[at];
        if (b.is_ascii() && !matches!(b, b'.' | b'!' | b'?' | b'\n'))
            || !region.is_char_boundary(at)
        {
            continue;
        }
        let p = region[at..].chars().next().expect("a char boundary");
        let after = at + p.len_utf8();
        if region[after..]
            .chars()
            .next()
            .is_some_and(|c| ends_sentence(p, c) && !cites_a_number(text, floor + at))
            || (p == '\n' && edge_of_a_table_row(text, floor + at))
        {
            return floor + after;
        }
    }
    floor
}

/// Whether a sentence ends between characters `p` and `c`.
fn ends_sentence(p: char, c: char) -> bool {
    (matches!(p, '.' | '!' | '?') && c.is_whitespace())
        || matches!(p, '。' | '！' | '？')
        || (p == '\n' && (c == '\n' || c == '\r'))
}

/// Whether character `c`, followed by `next` (`None` at the end of the region read), ends a
/// sentence (at its own end).
fn closes_sentence(c: char, next: Option<char>) -> bool {
    match c {
        '.' | '!' | '?' => next.is_none_or(char::is_whitespace),
        '。' | '！' | '？' => true,
        '\n' => matches!(next, Some('\n') | Some('\r')),
        _ => false,
    }
}

/// Whether the line feed at byte `newline` of `text` ends a row of a pipe table or starts
/// one: the line before it ends with a `|`, or the line after it starts with one (spaces
/// aside). A row is a sentence of its own: a context runs across no rows ("| Part | Version
/// |" and "|---|---|" are not the context of the row after them).
fn edge_of_a_table_row(text: &str, newline: usize) -> bool {
    let blank = [' ', '\t', '\r'];
    text[..newline].trim_end_matches(blank).ends_with('|')
        || text[newline + 1..]
            .trim_start_matches(blank)
            .starts_with('|')
}

/// Lower-case abbreviations that cite a numbered item ("p. 5", "pp. 12–14", "no. 3",
/// "vol. 2", "fig. 4", "eq. 7", "ref. 9", "ch. 3", "para. 2"): the reference abbreviations of
/// the style manuals (Chicago 10.43, APA 6.25) that are written in small letters as well.
const NUMBER_CITING: &[&str] = &[
    "ch", "eq", "eqs", "fig", "figs", "no", "nos", "p", "para", "paras", "pp", "ref", "refs",
    "vol", "vols",
];

/// Whether the full stop at byte `dot` of `text` ends an abbreviation that cites a number
/// ("Fig. 2", "FIG. 2", "Figs. 1-3", "No. 45 steel", "pp. 12"), not a sentence: a space (or
/// a no-break space) and a digit follow it, and a short word is before it, capitalised or a
/// number-citing abbreviation in small letters (see [`NUMBER_CITING`]). A sentence seldom
/// starts with a numeral (the style manuals spell one out there), and seldom ends with a
/// capitalised word of four letters or fewer: a full stop between the two is an
/// abbreviation's. The space is one: a line break after a full stop ends a sentence ("…
/// the gear.\n2. The shaft").
fn cites_a_number(text: &str, dot: usize) -> bool {
    if text.as_bytes()[dot] != b'.' {
        return false;
    }
    let after = &text.as_bytes()[dot + 1..];
    let digit_at = match after {
        [b' ', ..] => 1,
        [0xC2, 0xA0, ..] => 2,
        _ => return false,
    };
    if !after.get(digit_at).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(dot, |(i, _)| i);
    let word = &before[word_start..];
    let letters = word.chars().count();
    if letters == 0
        || letters > 5
        || (letters == 5 && !word.ends_with('s'))
        || before[..word_start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
    {
        return false;
    }
    // Capitalised as an abbreviation is, in Title Case or in capitals; an abbreviation's
    // plural ("CPUs. 3 more…") is a word of the sentence.
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && (word.chars().skip(1).all(char::is_lowercase) || word.chars().all(char::is_uppercase));
    capitalised || NUMBER_CITING.contains(&word)
}

/// End of the sentence holding byte `at` (exclusive).
fn sentence_end(text: &str, at: usize) -> usize {
    let ceiling = ceil_boundary(text, (at + MAX_SENTENCE_CHARS * 2).min(text.len()));
    let region = &text[at..ceiling];
    let bytes = region.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Most bytes are ASCII that ends nothing: skipped without decoding a character.
        if bytes[i].is_ascii() && !matches!(bytes[i], b'.' | b'!' | b'?' | b'\n') {
            i += 1;
            continue;
        }
        let c = region[i..].chars().next().expect("a char boundary");
        let after = i + c.len_utf8();
        if closes_sentence(c, region[after..].chars().next()) && !cites_a_number(text, at + i)
            || (c == '\n' && edge_of_a_table_row(text, at + i))
        {
            return at + after;
        }
        i = after;
    }
    ceiling
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The byte offset `n` characters before `at` (or 0).
fn back_chars(text: &str, at: usize, n: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The byte offset `n` characters after `at` (or the end).
fn forward_chars(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start of the sentence as a forward scan of the whole bounded region finds it.
    fn sentence_start_read_forwards(text: &str, at: usize) -> usize {
        let floor = floor_boundary(text, at.saturating_sub(MAX_SENTENCE_CHARS * 2));
        let mut start = floor;
        let mut prev: Option<(char, usize)> = None;
        for (i, c) in text[floor..at].char_indices() {
            if prev.is_some_and(|(p, p_at)| {
                ends_sentence(p, c) && !cites_a_number(text, p_at)
                    || (p == '\n' && edge_of_a_table_row(text, p_at))
            }) {
                start = floor + i;
            }
            prev = Some((c, floor + i));
        }
        // A row's edge ends a sentence whatever follows it.
        match prev {
            Some(('\n', p_at)) if edge_of_a_table_row(text, p_at) => at,
            _ => start,
        }
    }

    /// The end of the sentence as a scan of every character finds it.
    fn sentence_end_char_by_char(text: &str, at: usize) -> usize {
        let ceiling = ceil_boundary(text, (at + MAX_SENTENCE_CHARS * 2).min(text.len()));
        let mut chars = text[at..ceiling].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if closes_sentence(c, chars.peek().map(|&(_, n)| n)) && !cites_a_number(text, at + i)
                || (c == '\n' && edge_of_a_table_row(text, at + i))
            {
                return at + i + c.len_utf8();
            }
        }
        ceiling
    }

    /// Whitespace folded a character at a time.
    fn fold_whitespace_char_by_char(s: &str) -> String {
        let mut out = String::new();
        let mut in_space = false;
        for c in s.chars() {
            if c.is_whitespace() {
                if !in_space {
                    out.push(' ');
                }
                in_space = true;
            } else {
                out.push(c);
                in_space = false;
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn sentence_end_and_folding_agree_with_a_scan_of_every_character(
            text in "([a-z]{1,6}|[A-Z][a-z]{0,4}|[0-9]{1,3}|[.!?。！？|]|\\n|\\r|\\t|\u{b}|\u{c}| |\u{85}|\u{a0}|\u{3000}|é){0,400}",
            cut in 0usize..2000,
        ) {
            let at = floor_boundary(&text, cut.min(text.len()));
            proptest::prop_assert_eq!(sentence_end(&text, at), sentence_end_char_by_char(&text, at));
            proptest::prop_assert_eq!(
                fold_whitespace(&text[at..]),
                fold_whitespace_char_by_char(&text[at..])
            );
        }

        #[test]
        fn sentence_start_read_backwards_is_the_last_sentence_end(
            text in "([a-z]{1,6}|[A-Z][a-z]{0,4}|[0-9]{1,3}|[.!?。！？|]|\\n|\\r| |\u{a0}|\u{3000}|é){0,400}",
            cut in 0usize..2000,
        ) {
            let at = floor_boundary(&text, cut.min(text.len()));
            proptest::prop_assert_eq!(
                sentence_start(&text, at),
                sentence_start_read_forwards(&text, at)
            );
        }
    }

    fn span_of(text: &str, needle: &str) -> Range<usize> {
        let at = text.find(needle).unwrap();
        at..at + needle.len()
    }

    #[test]
    fn context_is_the_sentence_on_one_line() {
        let text = "First one. The Municipal General\nAssembly met today. Last one.";
        assert_eq!(
            context(text, span_of(text, "Municipal")),
            "The Municipal General Assembly met today."
        );
    }

    #[test]
    fn an_abbreviation_citing_a_number_ends_no_sentence() {
        for (text, term, sentence) in [
            (
                "Intro. As shown in Fig. 2, the shaft turns. Next.",
                "shaft",
                "As shown in Fig. 2, the shaft turns.",
            ),
            (
                "The embodiment in FIG. 2 differs. Next.",
                "embodiment",
                "The embodiment in FIG. 2 differs.",
            ),
            (
                "Referring to Figs. 1-3, No. 45 steel is used for the shaft. Next.",
                "shaft",
                "Referring to Figs. 1-3, No. 45 steel is used for the shaft.",
            ),
            (
                "See pp. 12–14 and vol.\u{a0}2 of the manual. Next.",
                "manual",
                "See pp. 12–14 and vol. 2 of the manual.",
            ),
            (
                "Eq. 3 gives the torque.",
                "torque",
                "Eq. 3 gives the torque.",
            ),
        ] {
            assert_eq!(context(text, span_of(text, term)), sentence, "{text}");
        }
        // A sentence that ends with a word of prose, or a number, or at a line break; a
        // sentence after a short capitalised word that starts with a word.
        for (text, term, sentence) in [
            ("It has a gear. 2 shafts turn.", "shafts", "2 shafts turn."),
            ("It ended in 2020. 2021 was calm.", "calm", "2021 was calm."),
            (
                "Refer to No.\n2. The shaft turns.",
                "shaft",
                "The shaft turns.",
            ),
            ("It is No. The shaft turns.", "shaft", "The shaft turns."),
            ("It was loud! 3 shafts turn.", "shafts", "3 shafts turn."),
            (
                "It runs on all CPUs. 3 shafts turn.",
                "shafts",
                "3 shafts turn.",
            ),
            ("It is a Fig.2 shaft.", "shaft", "It is a Fig.2 shaft."),
        ] {
            assert_eq!(context(text, span_of(text, term)), sentence, "{text}");
        }
        let text = "It has a gear. 2 shafts turn.";
        assert_eq!(context(text, span_of(text, "gear")), "It has a gear.");
        let text = "As shown in Fig. 2, the shaft turns.";
        assert_eq!(context(text, span_of(text, "Fig")), text);
    }

    #[test]
    fn a_table_row_is_a_sentence_of_its_own() {
        let text = "See the parts:\n| Part | Version |\n|---|---|\n| Battery Management System | 7.2 |\n| Charger | 3.1 |\nThe end.";
        assert_eq!(
            context(text, span_of(text, "Battery")),
            "| Battery Management System | 7.2 |"
        );
        assert_eq!(context(text, span_of(text, "Part")), "| Part | Version |");
        assert_eq!(context(text, span_of(text, "parts")), "See the parts:");
        assert_eq!(context(text, span_of(text, "end")), "The end.");
        // Indented rows, CRLF lines, a row ended by the text's end.
        let text = "Intro line\r\n  | Battery | 7.2 |\r\n  | Charger | 3.1 |";
        assert_eq!(context(text, span_of(text, "Battery")), "| Battery | 7.2 |");
        assert_eq!(context(text, span_of(text, "Charger")), "| Charger | 3.1 |");
        // Lines of prose with no pipe at their edges still run on.
        let text = "The Battery a | b\nsleeps here. Next.";
        assert_eq!(
            context(text, span_of(text, "Battery")),
            "The Battery a | b sleeps here."
        );
    }

    #[test]
    fn long_sentences_are_cut_around_the_finding() {
        let text = format!("{} CAMCE {}", "word ".repeat(100), "more ".repeat(100));
        let c = context(&text, span_of(&text, "CAMCE"));
        assert!(c.starts_with('…') && c.ends_with('…'), "{c}");
        assert!(c.contains("CAMCE") && c.chars().count() < 100, "{c}");
    }

    #[test]
    fn excerpt_is_the_line_with_the_span_in_characters() {
        let text = "first\r\n上海 CAMCE news\nlast";
        let e = line_excerpt(text, span_of(text, "CAMCE"));
        assert_eq!(e.text, "上海 CAMCE news");
        assert_eq!((e.highlight_start, e.highlight_width), (3, 5));
    }

    #[test]
    fn excerpt_of_a_long_line_is_cut_around_the_span() {
        let text = format!("{}CAMCE{}\nnext", "a ".repeat(500), " b".repeat(500));
        let e = line_excerpt(&text, span_of(&text, "CAMCE"));
        assert!(
            e.text.starts_with('…') && e.text.ends_with('…'),
            "{}",
            e.text
        );
        assert_eq!(e.text.chars().nth(e.highlight_start), Some('C'));
        assert_eq!(e.highlight_width, 5);
    }

    #[test]
    fn excerpt_of_a_wrapped_span_stops_at_the_line_end() {
        let text = "the Municipal General\nAssembly";
        let e = line_excerpt(text, span_of(text, "Municipal General\nAssembly"));
        assert_eq!(e.text, "the Municipal General");
        assert_eq!((e.highlight_start, e.highlight_width), (4, 17));
    }
}
