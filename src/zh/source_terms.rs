//! Finding glossary source terms (Chinese) in source text with one automaton.
//!
//! Every source term of every concept is normalized and folded to Simplified characters
//! ([`super::script`]) and compiled into one leftmost-longest Aho-Corasick automaton: `中华全国总工会`
//! is found as itself, not as the `总工会` inside it. Chinese has no spaces, so there are no
//! word boundaries to check; Latin letters in a source term (`APEC`) must not continue a
//! longer Latin word.

use std::collections::BTreeMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::script::{fold, fold_key};
use crate::glossary::Glossary;

/// One source term found in source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceMatch {
    /// Byte span in the original source text.
    pub span: Range<usize>,
    /// Indices of the concepts this source term belongs to (several when the glossary lists
    /// the same source term twice).
    pub concepts: Vec<usize>,
    /// The source term as the glossary writes it (of the first concept).
    pub term: String,
}

/// The glossary's source terms, compiled once.
#[derive(Debug)]
pub struct SourceTermMatcher {
    automaton: Option<AhoCorasick>,
    /// For each pattern: the concepts and the first glossary spelling.
    patterns: Vec<(Vec<usize>, String)>,
}

impl SourceTermMatcher {
    /// Compiles the `source` terms of every concept.
    pub fn new(glossary: &Glossary) -> Self {
        let mut keys: Vec<String> = Vec::new();
        let mut patterns: Vec<(Vec<usize>, String)> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        for (ci, concept) in glossary.concepts.iter().enumerate() {
            for term in &concept.source {
                let key = fold_key(term);
                if key.is_empty() {
                    continue;
                }
                let id = *index.entry(key.clone()).or_insert_with(|| {
                    keys.push(key);
                    patterns.push((Vec::new(), term.clone()));
                    patterns.len() - 1
                });
                if !patterns[id].0.contains(&ci) {
                    patterns[id].0.push(ci);
                }
            }
        }
        let automaton = (!keys.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&keys)
                .expect("source terms fit the automaton")
        });
        SourceTermMatcher {
            automaton,
            patterns,
        }
    }

    /// Every source term in `source`, without overlaps, in order.
    pub fn find(&self, source: &str) -> Vec<SourceMatch> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let folded = fold(source);
        let text = &folded.text;
        automaton
            .find_iter(text.as_str())
            .filter(|m| latin_bounded(text, m.start(), m.end()))
            .map(|m| {
                let (concepts, term) = &self.patterns[m.pattern().as_usize()];
                SourceMatch {
                    span: folded.original_span(m.start()..m.end(), source),
                    concepts: concepts.clone(),
                    term: term.clone(),
                }
            })
            .collect()
    }

    /// How often each concept's source terms occur in `source`.
    pub fn counts(&self, source: &str) -> BTreeMap<usize, usize> {
        let mut counts = BTreeMap::new();
        for m in self.find(source) {
            for &c in &m.concepts {
                *counts.entry(c).or_insert(0) += 1;
            }
        }
        counts
    }
}

/// A match that starts or ends with a Latin letter or digit must not continue a longer word.
fn latin_bounded(text: &str, start: usize, end: usize) -> bool {
    let alnum = |c: char| c.is_ascii_alphanumeric();
    let first = text[start..].chars().next();
    let last = text[..end].chars().next_back();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let glued_before = first.is_some_and(alnum) && before.is_some_and(alnum);
    let glued_after = last.is_some_and(alnum) && after.is_some_and(alnum);
    !glued_before && !glued_after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary() -> Glossary {
        Glossary::from_csv_text(
            "id,source,preferred,forbidden\n\
             acftu,中华全国总工会|全总,All-China Federation of Trade Unions,\n\
             union,总工会,federation of trade unions,\n\
             model,劳动模范|劳模,model worker,\n\
             apec,APEC,APEC,\n",
            "test.csv",
        )
        .expect("valid glossary")
    }

    #[track_caller]
    fn found(text: &str) -> Vec<(String, String)> {
        let g = glossary();
        let m = SourceTermMatcher::new(&g);
        m.find(text)
            .into_iter()
            .map(|f| {
                let ids: Vec<&str> = f
                    .concepts
                    .iter()
                    .map(|&c| g.concepts[c].id.as_str())
                    .collect();
                (text[f.span].to_string(), ids.join("+"))
            })
            .collect()
    }

    #[test]
    fn longest_first_and_both_scripts() {
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            found("中华全国总工会召开会议"),
            [s("中华全国总工会", "acftu")]
        );
        assert_eq!(found("市总工会"), [s("总工会", "union")]);
        assert_eq!(
            found("中華全國總工會和勞模"),
            [s("中華全國總工會", "acftu"), s("勞模", "model")]
        );
        assert_eq!(
            found("全总、劳动模范"),
            [s("全总", "acftu"), s("劳动模范", "model")]
        );
        assert_eq!(found("ＡＰＥＣ会议"), [s("ＡＰＥＣ", "apec")]);
        // Look-alikes: a Latin term inside a longer word, an unrelated character string.
        assert_eq!(found("APECS会议"), []);
        assert_eq!(found("总工程师"), []);
    }

    #[test]
    fn counts_per_concept() {
        let g = glossary();
        let m = SourceTermMatcher::new(&g);
        let counts = m.counts("劳模和劳动模范，全总");
        assert_eq!(counts.get(&2), Some(&2));
        assert_eq!(counts.get(&0), Some(&1));
    }
}
