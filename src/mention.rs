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
use crate::glossary::{Concept, Glossary, Status};
use crate::normalize::{floor_char_boundary, normalize_key};

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
///
/// A deprecated rendering is also mentioned where the text marks it as a former name (see
/// [`named_as_former`]).
pub fn mentioned(
    glossary: &Glossary,
    (concept, rendering): (usize, usize),
    text: &str,
    span: &Range<usize>,
) -> bool {
    glossed_after_approved(glossary, concept, text, span)
        || quoted_as_a_word(glossary, concept, text, span)
        || named_as_former(glossary, (concept, rendering), text, span)
}

/// Adverbs that put a name in the past, before a verb of naming ("previously known as", "once
/// called").
const PAST_ADVERBS: &[&str] = &[
    "formerly",
    "previously",
    "once",
    "originally",
    "earlier",
    "then",
];

/// Verbs of naming that also call or name someone ("She once called the CFDA", "previously
/// named the CFDA as its regulator"): without "as", a marker only after a pause or a form of
/// "be" ("the agency, once called", "was once called").
const AMBIGUOUS_VERBS: &[&str] = &["called", "named"];

/// Forms of "be" before a participle of naming ("was once called").
const BE: &[&str] = &["was", "were", "is", "are", "be", "been", "being"];

/// Words between a former name and the verb or adverb that gives its present one: "was",
/// "has since been", "is now", "later" ("the CFDA was later renamed", "the CFDA, now NMPA").
const BEFORE_RENAMED: &[&str] = &[
    "was",
    "is",
    "has",
    "had",
    "been",
    "since",
    "later",
    "subsequently",
    "now",
    "today",
];

/// The most words of [`BEFORE_RENAMED`] in a row ("has since been").
const MOST_BEFORE_RENAMED: usize = 3;

/// Whether the deprecated rendering `(concept, rendering)` at `span` of `text` is marked by
/// the text itself as a former name, and so names the entity as it was then: glossaries list
/// the old names of renamed bodies and places as deprecated, and replacing one the text dates
/// ("approved by the former CFDA") writes a false statement. Marked so:
/// - by a marker touching it (an article between): "formerly", an adverb of the past and a
///   verb of naming ("formerly known as", "previously called", "once spelled"), "renamed
///   from", and, for a name (listed with a capital), the adjectives "former", "the then" and
///   "then-", which before a common word date the thing, not its name ("the former employee");
/// - by a gloss right after it that gives an approved rendering of the concept as the present
///   one: "CFDA (now NMPA)", "CFDA, now the NMPA,", "CFDA (renamed NMPA in 2018)", "the CFDA
///   was renamed the NMPA", "the CFDA became the NMPA".
///
/// A marker must touch the name: an adverb a few words back dates the clause, not the name
/// ("was previously regulated by the CFDA" may render the source's present agency with its
/// old name, and nothing in the words tells), and in a longer sentence it may belong to
/// another name. A forbidden rendering is never a former name: it is a mistake no entity bore.
fn named_as_former(
    glossary: &Glossary,
    (concept, rendering): (usize, usize),
    text: &str,
    span: &Range<usize>,
) -> bool {
    let listed = &glossary.concepts[concept].renderings[rendering];
    if listed.status != Status::Deprecated {
        return false;
    }
    let a_name = listed.text.chars().next().is_some_and(char::is_uppercase);
    let marked = marked_former(&text[..span.start], a_name)
        .is_some_and(|rest| !of_another_concept(glossary, concept, rest));
    marked
        || renamed_after(glossary, concept, &text[span.end..])
        || (a_name && told_as_history(&glossary.concepts[concept], text, span))
}

/// Words that tell how a body came to be, was renamed or was succeeded: a sentence that holds
/// one of them with the body's present name ("the NFRA, which replaced the CBIRC", "the
/// predecessor of the NFRA was the CBIRC") speaks of the old name as the name it then bore.
const SUCCESSION_WORDS: &[&str] = &[
    "abolished",
    "became",
    "dissolved",
    "established",
    "formed",
    "founded",
    "merged",
    "predecessor",
    "predecessors",
    "renamed",
    "reorganised",
    "reorganized",
    "replaced",
    "replaces",
    "replacing",
    "restructured",
    "succeeded",
    "succeeds",
    "successor",
    "superseded",
    "supersedes",
];

/// Of [`SUCCESSION_WORDS`], those that date a body's start or end: with a year in the
/// sentence ("In 2018, the CBIRC was formed"), the old name is the one the body bore then.
const FOUNDING_WORDS: &[&str] = &[
    "abolished",
    "dissolved",
    "established",
    "formed",
    "founded",
    "merged",
    "renamed",
    "reorganised",
    "reorganized",
    "restructured",
];

/// Whether the sentence around `span` of `text` tells the history of a body named at `span`
/// by a deprecated name of `concept`: it holds a word of succession and an approved
/// rendering of the concept (its present name), or a word of founding in the passive and a
/// year. Words of
/// succession without the present name ("the CBIRC replaced its rules") or a year without a
/// word of founding ("In 2023, the CBIRC fined a bank") say nothing of the name.
fn told_as_history(concept: &Concept, text: &str, span: &Range<usize>) -> bool {
    let sentence = sentence_around(text, span);
    let words = || {
        text[sentence.clone()]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    let has = |list: &[&str]| words().any(|w| list.iter().any(|l| l.eq_ignore_ascii_case(w)));
    if has(SUCCESSION_WORDS) && names_approved_in(concept, text, sentence.clone(), span) {
        return true;
    }
    let a_year = || {
        words().any(|w| {
            w.len() == 4
                && w.bytes().all(|b| b.is_ascii_digit())
                && (w.starts_with("1") || w.starts_with("20"))
        })
    };
    // In the passive, the body is what was founded or ended ("the CBIRC was formed"), not
    // what founded something else ("the CFDA established a lab in 2023").
    let words: Vec<&str> = words().collect();
    let founded = words.windows(2).any(|pair| {
        ["was", "were", "been", "being"]
            .iter()
            .any(|be| be.eq_ignore_ascii_case(pair[0]))
            && FOUNDING_WORDS
                .iter()
                .any(|w| w.eq_ignore_ascii_case(pair[1]))
    });
    founded && a_year()
}

/// The bytes of `text` of the sentence that holds `span`: from after the last full stop, "!",
/// "?", ";" or line break before it to the next one after it.
fn sentence_around(text: &str, span: &Range<usize>) -> Range<usize> {
    let ends = |c: char| matches!(c, '.' | '!' | '?' | ';' | '\n' | '。' | '！' | '？' | '；');
    let start = text[..span.start].rfind(ends).map_or(0, |at| {
        at + text[at..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[span.end..]
        .find(ends)
        .map_or(text.len(), |at| span.end + at);
    start..end
}

/// Whether `sentence` of `text`, outside `span`, names an approved rendering of `concept` as
/// whole words, in any case.
fn names_approved_in(
    concept: &Concept,
    text: &str,
    sentence: Range<usize>,
    span: &Range<usize>,
) -> bool {
    let parts = [
        &text[sentence.start..span.start],
        &text[span.end..sentence.end],
    ];
    concept
        .renderings
        .iter()
        .filter(|r| r.status.is_approved() && !r.text.is_empty())
        .any(|r| {
            let key = normalize_key(&r.text, true);
            parts.iter().any(|part| {
                let part = normalize_key(part, true);
                part.match_indices(key.as_str()).any(|(at, m)| {
                    let before = part[..at].chars().next_back();
                    let after = part[at + m.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
            })
        })
}

/// Whether the sentence around `span` of `text` (a deprecated rendering of `concept`) also
/// names the concept by an approved rendering: correcting it would name one body twice ("The
/// NFRA, which replaced the NFRA") where the text speaks of two names, so `fix` leaves it to
/// a person.
pub fn sentence_names_approved(concept: &Concept, text: &str, span: &Range<usize>) -> bool {
    names_approved_in(concept, text, sentence_around(text, span), span)
}

/// Whether `before`, the text before a marker of a former name, ends with an approved
/// rendering of a concept other than `concept` that the marker follows as an apposition or
/// with a form of "be" ("Shanghai (formerly Peking)", "Shanghai was once called Peking"): a
/// banned rendering of one concept is no former name of another, and the gloss is wrong.
fn of_another_concept(glossary: &Glossary, concept: usize, before: &str) -> bool {
    let before = before.trim_end_matches([' ', '\u{a0}']);
    let head = match before.strip_suffix(['(', '（', ',', '—', '–']) {
        Some(head) => head,
        None => match BE.iter().find_map(|w| strip_word(before, w)) {
            Some(head) => head,
            None => return false,
        },
    };
    // Asked only where a marker was found, so rarely: every concept is read.
    (0..glossary.concepts.len()).any(|c| c != concept && ends_with_approved(glossary, c, head))
}

/// `before` without the marker of a former name at its end (see [`named_as_former`]), if it
/// has one; `a_name` says whether the adjectives count.
fn marked_former(before: &str, a_name: bool) -> Option<&str> {
    if a_name {
        if let Some(rest) = strip_word(before, "then-") {
            return Some(rest);
        }
    }
    let before = strip_word(before, "the").unwrap_or(before);
    if a_name {
        let adjective = strip_word(before, "former")
            .or_else(|| strip_word(before, "then").and_then(|rest| strip_word(rest, "the")));
        if adjective.is_some() {
            return adjective;
        }
    }
    // "Formerly" first in a sentence dates the sentence ("Formerly CFDA approved it").
    let in_a_sentence = |rest: &&str| {
        !rest.is_empty() && !rest.ends_with(['.', '!', '?', ';', ':', '。', '！', '？'])
    };
    let alone = strip_word(before, "formerly")
        .filter(in_a_sentence)
        .or_else(|| strip_word(before, "from").and_then(|rest| strip_word(rest, "renamed")));
    if alone.is_some() {
        return alone;
    }
    let (s, with_as) = match strip_word(before, "as") {
        Some(rest) => (rest, true),
        None => (before, false),
    };
    let mut verbs = VERBS.iter().chain(VERBS_WITH_AS.iter().filter(|_| with_as));
    let (s, verb) = verbs.find_map(|v| strip_word(s, v).map(|rest| (rest, *v)))?;
    let s = PAST_ADVERBS.iter().find_map(|a| strip_word(s, a))?;
    let named = with_as
        || !AMBIGUOUS_VERBS.contains(&verb)
        || s.ends_with([',', '(', '（', '—', '–'])
        || BE.iter().any(|w| strip_word(s, w).is_some());
    named.then_some(s)
}

/// Whether `after` (the text after a former name) starts with a gloss giving an approved
/// rendering of `concept` as the present one (see [`named_as_former`]).
fn renamed_after(glossary: &Glossary, concept: usize, after: &str) -> bool {
    let mut s = after.trim_start_matches([' ', '\u{a0}']);
    if let Some(rest) = s.strip_prefix(['(', '（', ',', '—', '–']) {
        s = rest;
    }
    let mut now = false;
    for _ in 0..MOST_BEFORE_RENAMED {
        let Some((word, rest)) = BEFORE_RENAMED
            .iter()
            .find_map(|w| strip_word_start(s, w).map(|rest| (*w, rest)))
        else {
            break;
        };
        now |= matches!(word, "now" | "today");
        s = rest;
    }
    let named = if let Some(rest) = strip_word_start(s, "renamed") {
        ["to", "as"]
            .iter()
            .find_map(|w| strip_word_start(rest, w))
            .unwrap_or(rest)
    } else if let Some(rest) = strip_word_start(s, "became") {
        rest
    } else if now {
        strip_naming_verb_start(s).unwrap_or(s)
    } else {
        return false;
    };
    let named = strip_word_start(named, "the").unwrap_or(named);
    starts_with_approved(glossary, concept, named)
}

/// `s` without a verb of naming at its start, and "as" where it needs one ("called", "known
/// as").
fn strip_naming_verb_start(s: &str) -> Option<&str> {
    VERBS
        .iter()
        .find_map(|v| strip_word_start(s, v))
        .map(|rest| strip_word_start(rest, "as").unwrap_or(rest))
        .or_else(|| {
            VERBS_WITH_AS
                .iter()
                .find_map(|v| strip_word_start(s, v).and_then(|rest| strip_word_start(rest, "as")))
        })
}

/// `s` (spaces at its start trimmed) without `word` (any case) at its start, and the spaces
/// after it: `None` unless `s` starts with the whole word.
fn strip_word_start<'s>(s: &'s str, word: &str) -> Option<&'s str> {
    let s = s.trim_start_matches([' ', '\u{a0}']);
    let head = s.get(..word.len())?;
    if !head.eq_ignore_ascii_case(word) {
        return None;
    }
    let rest = &s[word.len()..];
    if rest.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(rest.trim_start_matches([' ', '\u{a0}']))
}

/// Whether `s` starts with an approved rendering of `concept`, in any case, as whole words:
/// punctuation may follow it, but not a letter, a digit or a hyphen ("NMPA-approved" is
/// another word).
fn starts_with_approved(glossary: &Glossary, concept: usize, s: &str) -> bool {
    glossary.concepts[concept]
        .renderings
        .iter()
        .filter(|r| r.status.is_approved())
        .any(|r| {
            let n = r.text.split_whitespace().count();
            let words: Vec<&str> = s.split_whitespace().take(n).collect();
            if words.len() < n {
                return false;
            }
            let written = words.join(" ");
            let bare = written
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '-' && !by_a_bracket(c));
            let key = normalize_key(&r.text, true);
            [written.as_str(), bare]
                .iter()
                .any(|w| normalize_key(w, true) == key)
        })
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
            "id,preferred,admitted,deprecated,forbidden,case\n\
             beijing,Beijing,,Peking,,\n\
             mao,Mao Zedong,,Mao Tse-tung,,name\n\
             neo,Neo-Confucianism,,Learning of Principle,,name\n\
             shanghai,Shanghai,,Shanghae,,\n\
             nmpa,National Medical Products Administration,NMPA,\
             China Food and Drug Administration|CFDA,State Medicine Bureau,\n\
             staff,staff member,,employee,,\n",
            "g.csv",
        )
        .expect("glossary")
    }

    #[track_caller]
    fn check(text: &str, banned: &str, expected: bool) {
        let glossary = glossary();
        let at = text.find(banned).expect("banned rendering in the text");
        let ids = glossary
            .concepts
            .iter()
            .enumerate()
            .find_map(|(c, concept)| {
                let r = concept.renderings.iter().position(|r| r.text == banned)?;
                Some((c, r))
            })
            .expect("a concept of the banned rendering");
        assert_eq!(
            mentioned(&glossary, ids, text, &(at..at + banned.len())),
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

    #[test]
    fn a_deprecated_rendering_marked_as_a_former_name_is_a_mention() {
        for (text, banned) in [
            // A marker right before it.
            (
                "It was approved by the former China Food and Drug Administration.",
                "China Food and Drug Administration",
            ),
            ("Former CFDA rules still apply.", "CFDA"),
            ("It was approved by the then-CFDA in 2015.", "CFDA"),
            ("It was approved by the then CFDA in 2015.", "CFDA"),
            ("The agency, formerly the CFDA, approved it.", "CFDA"),
            ("An agency formerly known as the CFDA approved it.", "CFDA"),
            ("The agency previously known as CFDA approved it.", "CFDA"),
            ("The agency, previously called CFDA, approved it.", "CFDA"),
            ("The agency was once called CFDA.", "CFDA"),
            ("The agency (originally named CFDA) approved it.", "CFDA"),
            ("The agency was renamed from CFDA in 2018.", "CFDA"),
            ("The city once spelled Peking grew.", "Peking"),
            // A gloss right after it naming an approved rendering as the present one.
            ("The CFDA (now NMPA) approved it.", "CFDA"),
            (
                "The CFDA, now the National Medical Products Administration, approved it.",
                "CFDA",
            ),
            ("The CFDA (renamed NMPA in 2018) approved it.", "CFDA"),
            ("The CFDA — renamed to NMPA in 2018 — approved it.", "CFDA"),
            ("The CFDA was renamed the NMPA in 2018.", "CFDA"),
            ("The CFDA was later renamed as NMPA.", "CFDA"),
            ("The CFDA has since been renamed NMPA.", "CFDA"),
            ("The CFDA became the NMPA in 2018.", "CFDA"),
            ("The CFDA is now known as NMPA.", "CFDA"),
            ("The CFDA, today NMPA, approved it.", "CFDA"),
            ("Peking (now Beijing) grew.", "Peking"),
            // A sentence of the body's history: a word of succession and the present name, or
            // a founding in the passive and a year.
            ("The CFDA was the NMPA's predecessor.", "CFDA"),
            ("The predecessor of the NMPA was the CFDA.", "CFDA"),
            ("The NMPA, which replaced the CFDA, said so.", "CFDA"),
            ("The CFDA was succeeded by the NMPA.", "CFDA"),
            ("The CFDA merged into the NMPA.", "CFDA"),
            (
                "In 2013, the CFDA was formed by merging two bodies.",
                "CFDA",
            ),
            ("It was established in 2003 as the CFDA.", "CFDA"),
        ] {
            check(text, banned, true);
        }
    }

    #[test]
    fn a_banned_rendering_without_its_own_former_marker_is_used() {
        for (text, banned) in [
            // No marker on the name: a clause about the past still chooses a rendering.
            (
                "The device was previously regulated by the China Food and Drug Administration.",
                "China Food and Drug Administration",
            ),
            ("Formerly the device was approved by CFDA.", "CFDA"),
            ("Previously CFDA approved it.", "CFDA"),
            ("Formerly CFDA approved it.", "CFDA"),
            ("It grew; formerly CFDA approved it.", "CFDA"),
            ("The former head of CFDA retired.", "CFDA"),
            // "former" and "then" in another sense.
            (
                "The former and the latter cite the China Food and Drug Administration.",
                "China Food and Drug Administration",
            ),
            ("It was tested, then CFDA approved it.", "CFDA"),
            ("Once CFDA approves it, it ships.", "CFDA"),
            // "former" and "then" before a common word speak of the thing, not of a name.
            ("The former employee left.", "employee"),
            ("The then employee left.", "employee"),
            // "called" and "named" that may call or name someone else.
            ("She once called CFDA about it.", "CFDA"),
            (
                "The company previously named CFDA as its regulator.",
                "CFDA",
            ),
            // The marker belongs to another name in the sentence.
            ("Beijing, formerly Peking, hosts the CFDA.", "CFDA"),
            ("The former Peking and the CFDA differ.", "CFDA"),
            ("The CFDA and Peking (now Beijing) differ.", "CFDA"),
            // The former name given to another concept's term.
            ("Shanghai, once called Peking, grew.", "Peking"),
            ("Shanghai was once called Peking.", "Peking"),
            ("The NMPA (formerly Peking) grew.", "Peking"),
            // The present name given is another concept's, or none.
            ("The CFDA (now Beijing) approved it.", "CFDA"),
            ("The CFDA (now closed) approved it.", "CFDA"),
            ("The CFDA now approves it.", "CFDA"),
            ("The CFDA was renamed.", "CFDA"),
            ("The CFDA became responsible for it.", "CFDA"),
            // Words of succession or founding that say nothing of the name: no present name,
            // no year, the body founding something else, the present name in another sentence.
            ("The CFDA replaced its rules.", "CFDA"),
            ("The CFDA was formed by merging two bodies.", "CFDA"),
            ("In 2023, the CFDA fined a company.", "CFDA"),
            ("The CFDA established a lab in 2023.", "CFDA"),
            ("The NMPA and the CFDA both approved it.", "CFDA"),
            ("The NMPA spoke. The CFDA replaced its rules.", "CFDA"),
            ("The NMPAX replaced the CFDA.", "CFDA"),
            // The approved rendering is part of a longer name.
            ("The CFDA (now NMPAX) approved it.", "CFDA"),
            // A forbidden rendering is a mistake no entity bore, whatever marks it.
            (
                "The former State Medicine Bureau approved it.",
                "State Medicine Bureau",
            ),
            (
                "The State Medicine Bureau (now NMPA) approved it.",
                "State Medicine Bureau",
            ),
        ] {
            check(text, banned, false);
        }
    }
}
