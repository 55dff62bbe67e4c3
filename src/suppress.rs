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

use crate::finding::Finding;
use crate::glossary::{CaseMode, Glossary};
use crate::location::LocationTracker;
use crate::normalize::normalize_key;
use crate::rules::Rule;

/// The marker every directive starts with.
const MARKER: &str = "termcheck:";

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

/// Parses what follows the marker up to the end of the line: whether it silences the next
/// line, and which rules.
fn parse_directive(rest: &str) -> Option<(bool, Vec<Rule>)> {
    let rest = rest.trim_start();
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
    fn look_alikes_are_not_directives() {
        assert!(lines_of("termcheck: ignored\ntermcheck:\ntermcheck: check\n").is_empty());
        assert!(lines_of("termcheck ignore\n").is_empty());
    }

    #[test]
    fn directives_past_the_block_end_belong_to_the_next_block() {
        let text = "x termcheck: ignore\ny termcheck: ignore\n";
        let start = LocationTracker::new(TextEncoding::Utf8, 0);
        assert_eq!(directives(text, 10, &start).len(), 1);
    }
}
