//! Suppression: inline `termcheck: ignore` comments in checked text, and the accepted
//! exceptions a glossary lists per concept (`x-allow`).
//!
//! A directive is the text `termcheck: ignore` or `termcheck: ignore-next-line`, optionally
//! followed by rule ids, anywhere on a line: in Markdown inside an HTML comment
//! (`<!-- termcheck: ignore -->`), in plain text as a trailing note (`… # termcheck: ignore`).
//! `ignore` silences the findings that start on its own line, `ignore-next-line` those on the
//! line after it; with rule ids, only those rules' findings. The rule list ends at the first
//! word that is not a rule id, so a comment may go on in prose.

use std::collections::HashMap;
use std::ops::Range;

use crate::finding::Finding;
use crate::glossary::{CaseMode, Concept, Glossary};
use crate::location::LocationTracker;
use crate::normalize::{floor_char_boundary, normalize_key};
use crate::rules::Rule;

/// The marker every directive starts with.
pub(crate) const MARKER: &str = "termcheck:";

/// Findings silenced on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The 1-based line whose findings are silenced.
    pub line: u64,
    /// The rules silenced; empty means every rule.
    pub rules: Vec<Rule>,
}

/// The directives in `text` that start before `until`; `start` is the location of the
/// first character of `text`.
pub fn directives(text: &str, until: usize, start: &LocationTracker) -> Vec<Suppression> {
    let mut found = Vec::new();
    let mut tracker = start.clone();
    let mut walked = 0;
    let mut from = 0;
    let finder = memchr::memmem::Finder::new(MARKER);
    while let Some(i) = finder.find(&text.as_bytes()[from..]) {
        let at = from + i;
        if at >= until {
            break;
        }
        from = at + MARKER.len();
        let rest = &text[from..];
        let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let Some((next_line, rules)) = parse_directive(&rest[..line_end]) else {
            continue;
        };
        tracker.advance(&text[walked..at]);
        walked = at;
        found.push(Suppression {
            line: tracker.location().line + u64::from(next_line),
            rules,
        });
    }
    found
}

/// The directives in a comment of a markup language (an HTML `<!-- … -->`) whose text is
/// `body`, and which spans lines `first` to `last` of its file. The comment stands for one
/// line, as a note at the end of a line of plain text does: `ignore` silences what the lines
/// it starts and ends on hold outside it (the lines between are inside it), and
/// `ignore-next-line` the line after its end, so that a directive that a reason written over
/// several lines follows still names the line below the comment. A rule list ends with the
/// body.
pub fn comment_directives(body: &str, first: u64, last: u64) -> Vec<Suppression> {
    let mut found = Vec::new();
    for (at, _) in body.match_indices(MARKER) {
        let rest = &body[at + MARKER.len()..];
        let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let Some((next_line, rules)) = parse_directive(&rest[..line_end]) else {
            continue;
        };
        let lines = if next_line {
            vec![last + 1]
        } else if first == last {
            vec![first]
        } else {
            vec![first, last]
        };
        found.extend(lines.into_iter().map(|line| Suppression {
            line,
            rules: rules.clone(),
        }));
    }
    found
}

/// Parses what follows the marker up to the end of the line: whether it silences the next
/// line, and which rules.
fn parse_directive(rest: &str) -> Option<(bool, Vec<Rule>)> {
    // An HTML comment may close against the last word ("ignore deprecated-term-->").
    let rest = rest.split("-->").next().unwrap_or(rest).trim_start();
    let word_end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let next_line = match &rest[..word_end] {
        "ignore" => false,
        "ignore-next-line" => true,
        _ => return None,
    };
    let mut rules = Vec::new();
    for token in rest[word_end..].split(|c: char| c.is_whitespace() || c == ',') {
        if token.is_empty() {
            continue;
        }
        match Rule::from_id(token) {
            Some(rule) => rules.push(rule),
            None => break,
        }
    }
    Some((next_line, rules))
}

/// Whether `finding` is silenced by one of `suppressions`.
pub fn is_suppressed(finding: &Finding, suppressions: &[Suppression]) -> bool {
    suppressions.iter().any(|s| {
        s.line == finding.start.line && (s.rules.is_empty() || s.rules.contains(&finding.rule))
    })
}

/// The surface forms each concept accepts (`x-allow`), normalized for comparison.
#[derive(Debug, Clone, Default)]
pub struct Allowances {
    by_concept: HashMap<String, (CaseMode, Vec<String>)>,
}

impl Allowances {
    /// The allowances of every concept of `glossary` that has any.
    pub fn new(glossary: &Glossary) -> Self {
        let by_concept = glossary
            .concepts
            .iter()
            .filter(|c| !c.allowed.is_empty())
            .map(|c| {
                let fold = c.case != CaseMode::Sensitive;
                let keys = c.allowed.iter().map(|a| normalize_key(a, fold)).collect();
                (c.id.clone(), (c.case, keys))
            })
            .collect();
        Allowances { by_concept }
    }

    /// Whether no concept accepts any form.
    pub fn is_empty(&self) -> bool {
        self.by_concept.is_empty()
    }

    /// Whether the text `finding` found is an accepted form of its concept.
    pub fn allows(&self, finding: &Finding) -> bool {
        match self.by_concept.get(&finding.concept) {
            None => false,
            Some((case, keys)) => {
                let key = normalize_key(&finding.found, *case != CaseMode::Sensitive);
                keys.contains(&key)
            }
        }
    }
}

/// Whether the text at `span` of `text`, where a finding of `concept` was made, is written
/// inside one of the concept's accepted exceptions (`x-allow`) that holds it and more: the
/// deprecated "Peking" inside an accepted "Peking duck" or "Peking Man", "Mao Tse-tung" inside
/// an accepted "Selected Works of Mao Tse-tung". The words of the exception around the found
/// text are compared as the found text is (see [`Allowances`]), as whole words, and a space in
/// the exception is a space in the text: "Peking: Foreign Languages Press" is no "Peking
/// Man", nor is "Peking Manchu". An exception equal to the found text is [`Allowances::allows`]'s.
pub fn allowed_around(concept: &Concept, text: &str, span: &Range<usize>) -> bool {
    if concept.allowed.is_empty() {
        return false;
    }
    let fold = concept.case != CaseMode::Sensitive;
    let found = normalize_key(&text[span.clone()], fold);
    if found.is_empty() {
        return false;
    }
    let (before, after) = (&text[..span.start], &text[span.end..]);
    concept.allowed.iter().any(|phrase| {
        let phrase = normalize_key(phrase, fold);
        phrase.len() > found.len()
            && phrase.match_indices(found.as_str()).any(|(at, _)| {
                let (prefix, suffix) = (&phrase[..at], &phrase[at + found.len()..]);
                // The found text is whole words of the exception.
                !ends_in_word(prefix)
                    && !starts_in_word(suffix)
                    && ends_with(before, prefix, fold)
                    && starts_with(after, suffix, fold)
            })
    })
}

fn ends_in_word(s: &str) -> bool {
    s.chars().next_back().is_some_and(char::is_alphanumeric)
}

fn starts_in_word(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphanumeric)
}

/// How many bytes of text around a finding are read for each byte of an exception's words
/// around it: the text may space them more widely (a line break and an indent).
const SPREAD: usize = 4;

/// Whether the text `before` a finding ends with `prefix`, the normalized words of an
/// exception before the found text: as a whole word, and with a space before the found text
/// exactly where `prefix` has one.
fn ends_with(before: &str, prefix: &str, fold: bool) -> bool {
    if prefix.is_empty() {
        return true;
    }
    let spaced = prefix.ends_with(' ');
    if spaced != before.ends_with(char::is_whitespace) {
        return false;
    }
    let want = prefix.trim_end();
    let from = floor_char_boundary(
        before,
        before.len().saturating_sub(want.len() * SPREAD + 16),
    );
    let key = normalize_key(&before[from..], fold);
    let Some(rest) = key.strip_suffix(want) else {
        return false;
    };
    let joined = if rest.is_empty() {
        ends_in_word(&before[..from])
    } else {
        ends_in_word(rest)
    };
    !(starts_in_word(want) && joined)
}

/// [`ends_with`] for the text `after` a finding and `suffix`, the exception's words after the
/// found text.
fn starts_with(after: &str, suffix: &str, fold: bool) -> bool {
    if suffix.is_empty() {
        return true;
    }
    let spaced = suffix.starts_with(' ');
    if spaced != after.starts_with(char::is_whitespace) {
        return false;
    }
    let want = suffix.trim_start();
    let to = floor_char_boundary(after, (want.len() * SPREAD + 16).min(after.len()));
    let key = normalize_key(&after[..to], fold);
    let Some(rest) = key.strip_prefix(want) else {
        return false;
    };
    let joined = if rest.is_empty() {
        starts_in_word(&after[to..])
    } else {
        starts_in_word(rest)
    };
    !(ends_in_word(want) && joined)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::location::TextEncoding;

    fn lines_of(text: &str) -> Vec<(u64, Vec<Rule>)> {
        let start = LocationTracker::new(TextEncoding::Utf8, 0);
        directives(text, text.len(), &start)
            .into_iter()
            .map(|s| (s.line, s.rules))
            .collect()
    }

    #[test]
    fn finds_directives_in_comments_and_trailing_notes() {
        let text = "a\n<!-- termcheck: ignore-next-line -->\nb\nc <!-- termcheck: ignore forbidden-term, garbled-term -->\r\nd # termcheck: ignore deprecated-term because the quote is verbatim\n";
        assert_eq!(
            lines_of(text),
            vec![
                (3, vec![]),
                (4, vec![Rule::ForbiddenTerm, Rule::GarbledTerm]),
                (5, vec![Rule::DeprecatedTerm]),
            ]
        );
    }

    #[test]
    fn a_comment_stands_for_the_lines_it_starts_and_ends_on() {
        let lines = |body: &str, first, last| -> Vec<(u64, Vec<Rule>)> {
            comment_directives(body, first, last)
                .into_iter()
                .map(|s| (s.line, s.rules))
                .collect()
        };
        assert_eq!(lines(" termcheck: ignore ", 4, 4), vec![(4, vec![])]);
        assert_eq!(
            lines(" termcheck: ignore-next-line garbled-term ", 4, 4),
            vec![(5, vec![Rule::GarbledTerm])]
        );
        // Over several lines: `ignore` its first and last, the next line the one after it,
        // wherever the directive stands in it.
        assert_eq!(
            lines("\n termcheck: ignore forbidden-term\n reason\n", 2, 5),
            vec![
                (2, vec![Rule::ForbiddenTerm]),
                (5, vec![Rule::ForbiddenTerm])
            ]
        );
        assert_eq!(
            lines(
                " termcheck: ignore-next-line\r\n  quoted verbatim\r\n",
                7,
                9
            ),
            vec![(10, vec![])]
        );
        // The rule list ends with the body, as with a word that is no rule id.
        assert_eq!(
            lines("termcheck: ignore deprecated-term", 1, 1),
            vec![(1, vec![Rule::DeprecatedTerm])]
        );
        assert!(lines(" termcheck: ignored, termcheck ignore ", 1, 3).is_empty());
    }

    /// A comment may close against the directive's last word: the rule list ends there.
    #[test]
    fn a_comment_closed_against_the_last_word_ends_the_directive() {
        assert_eq!(
            lines_of("a <!-- termcheck: ignore deprecated-term-->\nb <!--termcheck: ignore-->\n"),
            vec![(1, vec![Rule::DeprecatedTerm]), (2, vec![])]
        );
        assert_eq!(
            lines_of("<!-- termcheck: ignore-next-line garbled-term-->\nb\n"),
            vec![(2, vec![Rule::GarbledTerm])]
        );
        assert!(lines_of("<!-- termcheck: ignored-->\n").is_empty());
    }

    #[test]
    fn look_alikes_are_not_directives() {
        assert!(lines_of("termcheck: ignored\ntermcheck:\ntermcheck: check\n").is_empty());
        assert!(lines_of("termcheck ignore\n").is_empty());
    }

    #[test]
    fn an_exception_holding_the_found_text_accepts_it_where_the_text_writes_it_whole() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,deprecated,case,x-allow\n\
             beijing,Beijing,Peking,,Peking duck|Peking Man|Old (Peking) Road\n\
             mao,Mao Zedong,Mao Tse-tung,name,Selected Works of Mao Tse-tung\n\
             gnb,gNB,GNB,sensitive,the GNB Unit\n",
            "g.csv",
        )
        .expect("glossary");
        let allowed = |text: &str, found: &str, nth: usize| {
            let at = text.match_indices(found).nth(nth).expect("found text").0;
            let concept = glossary
                .concepts
                .iter()
                .find(|c| {
                    c.renderings
                        .iter()
                        .any(|r| r.text.eq_ignore_ascii_case(found))
                })
                .expect("concept");
            allowed_around(concept, text, &(at..at + found.len()))
        };
        for (text, found) in [
            ("Peking duck was served.", "Peking"),
            ("the PEKING  DUCK menu", "PEKING"),
            ("lost Peking\nMan fossils", "Peking"),
            (
                "from Selected Works of Mao Tse-tung, vol. 2",
                "Mao Tse-tung",
            ),
            ("from selected works of\n  Mao Tse-tung.", "Mao Tse-tung"),
            ("on Old (Peking) Road", "Peking"),
            ("see the GNB Unit", "GNB"),
        ] {
            assert!(allowed(text, found, 0), "{text}");
        }
        for (text, found) in [
            // The exception's words are not around it, or not as whole words.
            ("(Peking: Foreign Languages Press, 1965)", "Peking"),
            ("Peking, duck and rice", "Peking"),
            ("Peking ducks", "Peking"),
            ("Peking Manchu rule", "Peking"),
            ("duck Peking", "Peking"),
            ("Works of Mao Tse-tung", "Mao Tse-tung"),
            ("Unselected Works of Mao Tse-tung", "Mao Tse-tung"),
            ("Selected Works ofMao Tse-tung", "Mao Tse-tung"),
            ("on Old Peking Road", "Peking"),
            // A case-sensitive exception, in other capitals.
            ("see the GNB unit", "GNB"),
        ] {
            assert!(!allowed(text, found, 0), "{text}");
        }
        // Only the occurrence inside the exception.
        assert!(!allowed("Peking duck in Peking.", "Peking", 1));
    }

    #[test]
    fn directives_past_the_block_end_belong_to_the_next_block() {
        let text = "x termcheck: ignore\ny termcheck: ignore\n";
        let start = LocationTracker::new(TextEncoding::Utf8, 0);
        assert_eq!(directives(text, 10, &start).len(), 1);
    }
}
