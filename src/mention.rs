//! Mentions: a deprecated or forbidden rendering that the text talks about instead of using.
//!
//! A text that uses the approved rendering of a concept often gives the old or wrong one beside
//! it, to tell the reader which thing is meant: "Beijing (formerly Peking)", "Mao Zedong (Mao
//! Tse-tung in Wade-Giles)", "Neo-Confucianism, also known as the Learning of Principle",
//! `foreigners called Beijing "Peking"`. The banned words are then a gloss of the approved ones,
//! not a choice of rendering: reporting them is wrong, and correcting them writes "Beijing
//! (formerly Beijing)". The consistency rule reads two approved renderings side by side so
//! (see [`crate::consistency::glossed`]); here the second is a banned one, and only after an
//! approved rendering of the same concept (or in quotes after a word that names a word): a
//! banned rendering first and the approved one in brackets after it ("Peking (Beijing)") is
//! the text's own choice, glossed.

use std::ops::Range;

use crate::consistency::{by_a_bracket, ends_with_rendering, LONGEST_GLOSS};
use crate::glossary::Glossary;
use crate::normalize::floor_char_boundary;

/// Adverbs that say a name is an old or other one; the first five do so alone ("Beijing,
/// formerly Peking"), the others only with a verb of naming ("also spelled").
const ADVERBS: &[&str] = &[
    "formerly",
    "previously",
    "once",
    "originally",
    "earlier",
    "also",
    "otherwise",
    "better",
    "sometimes",
    "often",
    "commonly",
    "historically",
    "traditionally",
];
const ADVERBS_ALONE: usize = 5;

/// Verbs of naming that give a name with or without "as" ("called Peking", "spelled as").
const VERBS: &[&str] = &[
    "called",
    "named",
    "spelled",
    "spelt",
    "written",
    "romanized",
    "romanised",
    "dubbed",
    "termed",
];

/// Verbs of naming that give a name only with "as" ("known as").
const VERBS_WITH_AS: &[&str] = &[
    "known",
    "referred to",
    "rendered",
    "transliterated",
    "translated",
];

/// Nouns that name a word, before the word quoted (`the old spelling "Peking"`).
const WORD_NOUNS: &[&str] = &[
    "term",
    "word",
    "name",
    "spelling",
    "form",
    "rendering",
    "romanization",
    "romanisation",
    "transliteration",
    "translation",
    "abbreviation",
    "acronym",
];

/// Whether the deprecated or forbidden rendering of `concept` at `span` of `text` is mentioned
/// rather than used:
/// - in brackets right after an approved rendering of the concept, first in them or after a
///   marker of another name ("Beijing (formerly Peking)", "Mao Zedong (Mao Tse-tung in
///   Wade-Giles)");
/// - after such a marker that follows an approved rendering after a comma or a dash, or,
///   for a marker with an adverb ("also known as", "formerly"), a space ("Neo-Confucianism,
///   also known as the Learning of Principle");
/// - in quotes of its own, right after an approved rendering of the concept, or a few words
///   after a marker or a noun that names a word (`called Beijing "Peking"`, `known as
///   "Peking"`, `called it "Peking"`, `the spelling "Peking"`).
///
/// A banned rendering in brackets after another concept's term, next to an approved one in
/// running prose, or used on its own later is a use.
pub fn mentioned(glossary: &Glossary, concept: usize, text: &str, span: &Range<usize>) -> bool {
    glossed_after_approved(glossary, concept, text, span)
        || quoted_as_a_word(glossary, concept, text, span)
}

/// The first two cases of [`mentioned`].
fn glossed_after_approved(
    glossary: &Glossary,
    concept: usize,
    text: &str,
    span: &Range<usize>,
) -> bool {
    let before = text[..span.start].trim_end_matches(by_a_bracket);
    let before = strip_word(before, "the").unwrap_or(before);
    let (before, marker) = match strip_marker(before) {
        Some((rest, alone)) => (rest, Some(alone)),
        None => (before, None),
    };
    let before = before.trim_end_matches(by_a_bracket);
    let (named, in_brackets) = if let Some(rest) = before.strip_suffix(['(', '（']) {
        (rest, true)
    } else if let Some(rest) = before.strip_suffix([',', '—', '–']) {
        if marker.is_none() {
            return false;
        }
        (rest, false)
    } else if marker == Some(true) {
        (before, false)
    } else {
        return false;
    };
    if in_brackets && !closed_after(&text[span.end..]) {
        return false;
    }
    ends_with_approved(glossary, concept, named)
}

/// Whether a closing bracket comes after the text `after` starts, within reach and before any
/// opening one.
fn closed_after(after: &str) -> bool {
    let reach = floor_char_boundary(after, after.len().min(LONGEST_GLOSS));
    after[..reach]
        .find(['(', '（', ')', '）'])
        .is_some_and(|at| after[at..].starts_with([')', '）']))
}

/// The third case of [`mentioned`].
fn quoted_as_a_word(glossary: &Glossary, concept: usize, text: &str, span: &Range<usize>) -> bool {
    let before = &text[..span.start];
    let after = &text[span.end..];
    let Some(open) = before.chars().next_back() else {
        return false;
    };
    let close = match open {
        '"' => '"',
        '“' => '”',
        '‘' => '’',
        '\'' => '\'',
        _ => return false,
    };
    let before = &before[..before.len() - open.len_utf8()];
    // An apostrophe inside a word opens no quote.
    if open == '\''
        && before
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        return false;
    }
    // A full stop or comma may go inside the closing quote, as American style puts it.
    let after = after
        .strip_prefix(['.', ',', ';', ':', '!', '?'])
        .unwrap_or(after);
    if !after.starts_with(close) {
        return false;
    }
    let before = before.trim_end_matches([' ', '\u{a0}']);
    if ends_with_approved(glossary, concept, before) {
        return true;
    }
    // The marker or noun may be a few words back: `called it "Peking"`, `the name of the city
    // "Peking"`.
    let mut words_back = Some(before);
    for _ in 0..=MOST_WORDS_BETWEEN {
        let Some(before) = words_back else {
            break;
        };
        if strip_marker(before).is_some()
            || WORD_NOUNS.iter().any(|n| strip_word(before, n).is_some())
        {
            return true;
        }
        words_back = without_last_word(before);
    }
    false
}

/// The most words between a marker or a noun naming a word and the word quoted.
const MOST_WORDS_BETWEEN: usize = 3;

/// `s` without its last word (by whitespace) and the spaces before it.
fn without_last_word(s: &str) -> Option<&str> {
    let s = s.trim_end();
    let at = s.rfind(char::is_whitespace)?;
    Some(s[..at].trim_end())
}

/// `s` without its last words, when they are a marker of another name: an optional adverb, a
/// verb of naming and "as" where it needs one ("also known as", "formerly spelled", "called"),
/// an adverb that says so alone ("formerly"), or "a.k.a."; and whether the marker may follow
/// the name with nothing but a space (one with an adverb).
fn strip_marker(s: &str) -> Option<(&str, bool)> {
    for aka in ["a.k.a.", "aka"] {
        if let Some(rest) = strip_word(s, aka) {
            return Some((rest, true));
        }
    }
    let (s, with_as) = match strip_word(s, "as") {
        Some(rest) => (rest, true),
        None => (s, false),
    };
    let verbs = VERBS.iter().chain(VERBS_WITH_AS.iter().filter(|_| with_as));
    let verb = verbs.filter_map(|v| strip_word(s, v)).next();
    let s = match verb {
        Some(rest) => rest,
        None if with_as => return None,
        None => s,
    };
    let adverb = ADVERBS
        .iter()
        .enumerate()
        .find_map(|(i, a)| strip_word(s, a).map(|rest| (rest, i < ADVERBS_ALONE)));
    match (verb.is_some(), adverb) {
        (_, Some((rest, alone))) if verb.is_some() || alone => Some((rest, true)),
        (true, _) => Some((s, false)),
        _ => None,
    }
}

/// `s` (spaces at its end trimmed) without `word` (any case) at its end, and the spaces before
/// it: `None` unless `s` ends with the whole word.
fn strip_word<'s>(s: &'s str, word: &str) -> Option<&'s str> {
    let s = s.trim_end_matches([' ', '\u{a0}']);
    let at = s.len().checked_sub(word.len())?;
    let tail = s.get(at..)?;
    if !tail.eq_ignore_ascii_case(word) {
        return None;
    }
    let rest = &s[..at];
    if rest.chars().next_back().is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(rest.trim_end_matches([' ', '\u{a0}']))
}

/// Whether `s` ends with an approved rendering of `concept`, in any case or number, as whole
/// words.
fn ends_with_approved(glossary: &Glossary, concept: usize, s: &str) -> bool {
    ends_with_rendering(glossary, concept, s, |c| {
        by_a_bracket(c) || matches!(c, '(' | '（')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    fn glossary() -> Glossary {
        Glossary::from_csv_text(
            "id,preferred,admitted,deprecated,case\n\
             beijing,Beijing,,Peking,\n\
             mao,Mao Zedong,,Mao Tse-tung,name\n\
             neo,Neo-Confucianism,,Learning of Principle,name\n\
             shanghai,Shanghai,,Shanghae,\n",
            "g.csv",
        )
        .expect("glossary")
    }

    #[track_caller]
    fn check(text: &str, banned: &str, expected: bool) {
        let glossary = glossary();
        let at = text.find(banned).expect("banned rendering in the text");
        let concept = glossary
            .concepts
            .iter()
            .position(|c| c.renderings.iter().any(|r| r.text == banned))
            .expect("a concept of the banned rendering");
        assert_eq!(
            mentioned(&glossary, concept, text, &(at..at + banned.len())),
            expected,
            "{text}"
        );
    }

    #[test]
    fn a_banned_rendering_glossing_an_approved_one_is_a_mention() {
        for (text, banned) in [
            (
                "Mao Zedong (Mao Tse-tung in Wade-Giles) led it.",
                "Mao Tse-tung",
            ),
            ("Beijing (formerly Peking) hosted it.", "Peking"),
            ("Beijing (Peking) hosted it.", "Peking"),
            ("Beijing （Peking） hosted it.", "Peking"),
            ("Beijing, formerly Peking, hosted it.", "Peking"),
            ("Beijing — once called Peking — hosted it.", "Peking"),
            ("Beijing (also spelled as *Peking*) hosted it.", "Peking"),
            (
                "Neo-Confucianism, also known as the Learning of Principle, grew.",
                "Learning of Principle",
            ),
            (
                "Neo-Confucianism also known as the Learning of Principle grew.",
                "Learning of Principle",
            ),
            ("beijing (a.k.a. Peking) hosted it.", "Peking"),
            ("Foreigners called Beijing \"Peking\".", "Peking"),
            ("Foreigners called Beijing “Peking.”", "Peking"),
            ("Foreigners called it \"Peking\".", "Peking"),
            ("The old spelling ‘Peking’ is gone.", "Peking"),
            ("The city was known as 'Peking' then.", "Peking"),
        ] {
            check(text, banned, true);
        }
    }

    #[test]
    fn a_banned_rendering_used_is_no_mention() {
        for (text, banned) in [
            // In brackets after another concept's term.
            ("Shanghai (Peking) hosted it.", "Peking"),
            ("Shanghai (formerly Peking) hosted it.", "Peking"),
            // Near an approved rendering in running prose.
            ("Beijing and Peking are far apart.", "Peking"),
            ("Beijing, Peking and Shanghai.", "Peking"),
            ("The people of Beijing called Peking home.", "Peking"),
            // Used on its own after the approved one was used.
            ("Beijing grew. Peking was a city.", "Peking"),
            ("Beijing grew. Formerly Peking was small.", "Peking"),
            // Banned first, glossed by the approved one.
            ("Peking (Beijing) hosted it.", "Peking"),
            // Brackets not closed, or the banned one not first in them.
            ("Beijing (Peking hosted it.", "Peking"),
            ("Beijing (the city that Peking was) hosted it.", "Peking"),
            // Quotes not around it alone, or after a word that names nothing.
            ("He said \"Peking is far\".", "Peking"),
            ("They visited \"Peking\" often.", "Peking"),
            ("The museum's Peking room.", "Peking"),
            ("Shanghai \"Peking\" duck.", "Peking"),
        ] {
            check(text, banned, false);
        }
    }
}
