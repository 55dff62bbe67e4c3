//! Code written in running text: file paths and names, command-line options, dotted and
//! called identifiers, markup attributes and placeholders. A word there names a file, a
//! setting or a variable, not a concept: "~/Library/Preferences" is no deprecated
//! "Preferences", and `--dark-mode` no garbled "Dark Mode". Rewriting it would break the code.

use std::ops::Range;

use crate::normalize::{ceil_char_boundary, floor_char_boundary};

/// Whether `span` of `text` is a word inside code: written against a path separator, an
/// option's dashes, a file extension or a dotted name, call parentheses, an attribute's
/// `="`, an underscore, or inside a placeholder. Only what is written against the span counts,
/// so a term that is itself a dotted name ("Node.js") is still prose, as are the words of a
/// link ("[Settings](/docs/settings)").
pub fn in_code(text: &str, span: &Range<usize>) -> bool {
    in_code_in_chunk(text, span, chunk_around(text, span))
}

/// The run of text without whitespace around `span` of `text`, looked for only so far: a line
/// of megabytes without a space must not be read once per term in it.
pub fn chunk_around(text: &str, span: &Range<usize>) -> Range<usize> {
    // Whitespace may be wider than a byte (U+3000 in text from Chinese sources, U+00A0).
    let from = floor_char_boundary(text, span.start.saturating_sub(CHUNK_REACH));
    let to = ceil_char_boundary(text, span.end.saturating_add(CHUNK_REACH));
    let start = text[from..span.start]
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace())
        .map_or(from, |(i, c)| from + i + c.len_utf8());
    let end = text[span.end..to]
        .find(char::is_whitespace)
        .map_or(to, |i| span.end + i);
    start..end
}

/// [`in_code`], the span's chunk (see [`chunk_around`]) given.
pub fn in_code_in_chunk(text: &str, span: &Range<usize>, chunk: Range<usize>) -> bool {
    let (start, end) = (chunk.start, chunk.end);
    let before = &text[start..span.start];
    let after = &text[span.end..end];
    // Most words have nothing written against them but a comma, a full stop or a quote: they
    // are answered without looking further.
    let special = |s: &str| s.bytes().any(|b| b"/\\.-_(){}=%$".contains(&b));
    if !special(before) && (!special(after) || after == ".") {
        return in_spaced_placeholder(text, span);
    }
    // A path holds no space: a term of several words is in a list of prose
    // ("unions/federations/Municipal General Assembly/councils").
    (!text[span.clone()].contains(char::is_whitespace) && in_path(&text[start..end], before, after))
        || is_option(before, &text[span.clone()])
        || dotted(before, after)
        || after.starts_with("()")
        || in_attribute_value(before)
        || before.ends_with('_')
        || after.starts_with('_')
        || in_placeholder(before, after)
        || in_spaced_placeholder(text, span)
}

/// How far either side of a span its chunk is looked for.
const CHUNK_REACH: usize = 1024;

/// A path: the span written against a separator, in a chunk that is a path by its start
/// ("/", "~/", "./", "C:\"), by a backslash, by three separators or by a file name at its
/// end. Fewer slashes are prose: "and/or", "unions/federations/councils", a menu's
/// "Preferences/Options/Advanced".
fn in_path(chunk: &str, before: &str, after: &str) -> bool {
    let separator = |c: char| c == '/' || c == '\\';
    let against = before.ends_with(separator) || after.starts_with(separator);
    if !against {
        return false;
    }
    let trimmed = chunk.trim_start_matches(['"', '\'', '`', '(', '[', '<', '=']);
    let bytes = trimmed.as_bytes();
    let drive = bytes.len() > 2 && bytes[0].is_ascii_alphabetic() && &bytes[1..3] == b":\\";
    // The punctuation of the sentence after a file name is not its extension
    // ("described in docs/pay/refund.md.").
    let file_name = chunk
        .rsplit(separator)
        .next()
        .map(|last| last.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .and_then(|last| last.rsplit_once('.'))
        .is_some_and(|(name, extension)| !name.is_empty() && is_extension_in_path(extension));
    trimmed.starts_with(['/', '~', '\\'])
        || trimmed.starts_with("./")
        || trimmed.starts_with("../")
        || drive
        || chunk.contains('\\')
        || chunk.matches(separator).count() >= 3
        || (file_name && chunk.matches(separator).count() >= 1)
}

/// Whether `extension` (after a dot) reads as a file's: a few small letters or digits, starting
/// with a letter, that are no English word: "plist", "tsx", "ini", not the "the" of a sentence
/// written on without a space ("Assembly.the next day").
fn is_extension(extension: &str) -> bool {
    extension_shaped(extension).is_some_and(|e| !crate::dictionary::is_english_word(e))
}

/// Whether `extension` (after a dot, in the last part of a path) reads as a file's. A path
/// already says the chunk is code, so an extension that is an English abbreviation or word
/// ("md", "pdf", "html", "log") counts too, but not a closed-class word ("and/or.the next"), a
/// sentence run on without a space.
fn is_extension_in_path(extension: &str) -> bool {
    extension_shaped(extension).is_some_and(|e| !crate::fuzzy::is_weak_word(e))
}

/// `extension` without the punctuation after it, if it is shaped as a file's extension: one to
/// five small letters or digits, starting with a letter.
fn extension_shaped(extension: &str) -> Option<&str> {
    let extension = extension.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    ((1..=5).contains(&extension.len())
        && extension.starts_with(|c: char| c.is_ascii_lowercase())
        && extension
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
    .then_some(extension)
}

/// A command-line option: the chunk starts with one or two dashes right before a span in small
/// letters ("--dark-mode", "-v"). Dashes inside a chunk are a dash of prose ("union--the"), and
/// before a capital a bullet or a dash ("-Municipal General Assembly met").
fn is_option(before: &str, span_text: &str) -> bool {
    let bare = before.trim_start_matches(['"', '\'', '`', '(', '[']);
    (bare == "--" || bare == "-") && span_text.starts_with(|c: char| c.is_ascii_lowercase())
}

/// A file name or a dotted name: a file extension right after the span ("Settings.plist",
/// "home-screen.tsx"; see [`is_extension`]), or a dotted name of two parts or more before it
/// ("com.example.Settings"). Not an abbreviation ("e.g.", "U.S."), a list number ("1.") or a
/// sentence run on without a space ("closed.Municipal").
fn dotted(before: &str, after: &str) -> bool {
    let extension = after.strip_prefix('.').is_some_and(|rest| {
        let word = rest
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("");
        is_extension(word)
    });
    let qualified = before
        .trim_start_matches(['"', '\'', '`', '(', '['])
        .strip_suffix('.')
        .is_some_and(|name| {
            let parts: Vec<&str> = name.split('.').collect();
            parts.len() >= 2
                && parts.iter().all(|part| {
                    part.len() >= 2
                        && part.starts_with(|c: char| c.is_ascii_lowercase())
                        && part
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                })
        });
    extension || qualified
}

/// Inside the value of a markup attribute (`class="preferences"`, `href="…"`), unless the
/// attribute is one a reader sees: `alt`, `title`, `aria-label`, `placeholder`, `label`.
fn in_attribute_value(before: &str) -> bool {
    let Some(equals) = before
        .rfind(['"', '\''])
        .and_then(|quote| before[..quote].strip_suffix('=').map(|name| name.len()))
    else {
        return false;
    };
    let name_start = before[..equals]
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == ':'))
        .map_or(0, |i| i + 1);
    let name = before[name_start..equals].to_ascii_lowercase();
    !matches!(
        name.as_str(),
        "alt" | "title" | "aria-label" | "placeholder" | "label"
    )
}

/// Inside a placeholder written without spaces: `{name}`, `${name}`, `%(name)s`.
fn in_placeholder(before: &str, after: &str) -> bool {
    (before.ends_with('{') && after.starts_with('}'))
        || (before.ends_with("%(") && after.starts_with(')'))
}

/// Inside a template placeholder with spaces around one name: `{{ name }}`. Its content is a
/// name alone; a brace holding words ("{# file}" of an ICU plural) is text to translate.
fn in_spaced_placeholder(text: &str, span: &Range<usize>) -> bool {
    let before = text[..span.start].trim_end_matches([' ', '\t']);
    let after = text[span.end..].trim_start_matches([' ', '\t']);
    // (Trimming stops at the first other character: a few bytes at most in prose.)
    before.ends_with("{{") && after.starts_with("}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn code(text: &str, term: &str) -> bool {
        let start = text.find(term).expect("term in text");
        in_code(text, &(start..start + term.len()))
    }

    #[test]
    fn paths_and_file_names_are_code() {
        assert!(code(
            "open ~/Library/Preferences/a.plist now",
            "Preferences"
        ));
        assert!(code(r"in C:\ProgramData\App\Settings\user.ini", "Settings"));
        assert!(code("see href=\"/help/preferences\">", "preferences"));
        assert!(code("edit Settings.plist first", "Settings"));
        assert!(code("the layout in home-screen.tsx.", "home-screen"));
        assert!(code("the com.example.Settings bundle", "Settings"));
        assert!(code("docs/api/settings/index", "settings"));
        // One slash, a link's words, a term that is a dotted name, a full stop: prose.
        assert!(!code("the trade union/ACFTU met", "trade union"));
        assert!(!code("and/or Settings", "Settings"));
        assert!(!code("see [Settings](/docs/settings) now", "Settings"));
        assert!(!code("built on Node.js today", "Node.js"));
        assert!(!code("open the Settings. Then", "Settings"));
        assert!(!code("open the Settings.\u{3000}Then", "Settings"));
        assert!(!code("open Settings.Then close", "Settings"));
        // A sentence run on without a space, an abbreviation, a list number, a prose list.
        assert!(!code("the Assembly.the next day", "Assembly"));
        assert!(!code("the Assembly.5 of them came", "Assembly"));
        assert!(!code(
            "it closed.Municipal General Assembly met",
            "Municipal"
        ));
        assert!(!code("e.g.Municipal General Assembly met", "Municipal"));
        assert!(!code("U.S.Municipal General Assembly met", "Municipal"));
        assert!(!code("1.Municipal General Assembly met", "Municipal"));
        assert!(!code(
            "labour unions/federations/councils met",
            "labour unions"
        ));
        assert!(!code(
            "open Preferences/Options/Advanced now",
            "Preferences"
        ));
        assert!(!code(
            "unions/federations/Trade Union/councils",
            "Trade Union"
        ));
        assert!(code("see docs/api/settings/index now", "settings"));
        assert!(code("see config/settings.yaml now", "settings"));
        // A file name's extension that is also an English word or abbreviation, in a path.
        assert!(code("See docs/wechat-pay/refund.md for it", "wechat-pay"));
        assert!(code("See docs/settings/guide.pdf now", "settings"));
        assert!(code("open settings/index.html now", "settings"));
        // At a sentence's or a clause's end.
        assert!(code("It is in docs/wechat-pay/refund.md.", "wechat-pay"));
        assert!(code("See docs/wechat-pay/refund.txt, then", "wechat-pay"));
        assert!(code("(see docs/wechat-pay/refund.md).", "wechat-pay"));
        assert!(!code("unions/federations. The next day", "unions"));
        // Not a closed-class word run on after a full stop, nor an extension alone.
        assert!(!code("unions/federations.the next day", "unions"));
        assert!(!code("unions/federations.and more", "unions"));
        assert!(!code("edit settings.md first", "settings"));
    }

    #[test]
    fn options_calls_attributes_and_identifiers_are_code() {
        assert!(code("start it with --dark-mode to test", "dark-mode"));
        assert!(code("call signIn() first", "signIn"));
        assert!(code("a class=\"preferences\" box", "preferences"));
        assert!(code("<div data-feature=\"Night Mode\">", "Night Mode"));
        // What a reader sees of markup is text.
        assert!(!code("<img alt=\"Night Mode screenshot\">", "Night Mode"));
        assert!(!code("<a title='Trash Can' href=\"/t\">", "Trash Can"));
        assert!(code("the dark_mode flag", "dark"));
        assert!(code("the dark_mode flag", "mode"));
        // A dash of prose written as two hyphens is no option.
        assert!(!code("the union--the largest--met", "the largest"));
        assert!(!code(
            "-Municipal General Assembly met",
            "Municipal General Assembly"
        ));
        assert!(!code(
            "the vote --Municipal General Assembly-- was large",
            "Municipal"
        ));
        assert!(!code("the Trade Union(ACFTU) met", "Trade Union"));
    }

    #[test]
    fn placeholders_are_code_but_an_icu_plural_body_is_text() {
        assert!(code("Open {preferences} now", "preferences"));
        assert!(code("Open ${preferences} now", "preferences"));
        assert!(code("Open %(preferences)s now", "preferences"));
        assert!(code("Open {{ preferences }} now", "preferences"));
        assert!(code("Open {{preferences}} now", "preferences"));
        assert!(!code(
            "{count, plural, one {# Preferences file} other {# files}}",
            "Preferences"
        ));
        assert!(!code("Open the preferences now", "preferences"));
    }
}
