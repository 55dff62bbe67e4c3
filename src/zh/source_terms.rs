//! Finding glossary source terms (Chinese) in source text with one automaton.
//!
//! Every source term of every concept is normalized and folded to Simplified characters
//! ([`super::script`]) and compiled into one leftmost-longest Aho-Corasick automaton: `中华全国总工会`
//! is found as itself, not as the `总工会` inside it. Chinese has no spaces, so there are no
//! word boundaries to check; Latin letters in a source term (`APEC`) must not continue a
//! longer Latin word. A case-sensitive concept's source term is found only in its own letter
//! case ("WeLink", not the command "welink"), as its renderings are in the target; and a term
//! inside a web or e-mail address is not found, as on the target side (an address is no
//! prose: "https://welink.example.com" names no product).

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::script::{fold, fold_key, simplified};
use crate::check::in_address;
use crate::glossary::{CaseMode, Glossary};
use crate::normalize::normalize;

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

/// The glossary's source terms, compiled once, on the first source text: folding them to
/// Simplified characters takes a conversion table that a run over English alone never needs
/// (building it is most of such a run's start-up).
#[derive(Debug)]
pub struct SourceTermMatcher {
    /// Each source term as the glossary lists it: its concept, the term, and whether the
    /// concept is case-sensitive.
    terms: Vec<(usize, String, bool)>,
    compiled: OnceLock<CompiledTerms>,
}

/// The source terms folded and compiled into one automaton.
#[derive(Debug)]
struct CompiledTerms {
    automaton: Option<AhoCorasick>,
    /// For each pattern: the concepts and the first glossary spelling.
    patterns: Vec<(Vec<usize>, String)>,
    /// For each pattern: its case-sensitive concepts, each with its spellings of the pattern
    /// as [`case_kept`] makes them; a match is theirs only in one of those spellings.
    exact_case: Vec<Vec<(usize, Vec<String>)>>,
}

impl SourceTermMatcher {
    /// Takes the `source` terms of every concept, to be compiled when first needed.
    pub fn new(glossary: &Glossary) -> Self {
        let terms = glossary
            .concepts
            .iter()
            .enumerate()
            .flat_map(|(ci, concept)| {
                let sensitive = concept.case == CaseMode::Sensitive;
                concept
                    .source
                    .iter()
                    .map(move |term| (ci, term.clone(), sensitive))
            })
            .collect();
        SourceTermMatcher {
            terms,
            compiled: OnceLock::new(),
        }
    }

    fn compiled(&self) -> &CompiledTerms {
        self.compiled
            .get_or_init(|| CompiledTerms::new(&self.terms))
    }

    /// Every source term in `source`, without overlaps, in order.
    pub fn find(&self, source: &str) -> Vec<SourceMatch> {
        let compiled = self.compiled();
        let Some(automaton) = &compiled.automaton else {
            return Vec::new();
        };
        let folded = fold(source);
        let text = &folded.text;
        automaton
            .find_iter(text.as_str())
            .filter(|m| latin_bounded(text, m.start(), m.end()))
            .filter_map(|m| {
                let pattern = m.pattern().as_usize();
                let (concepts, term) = &compiled.patterns[pattern];
                let span = folded.original_span(m.start()..m.end(), source);
                if in_address(source, &span) {
                    return None;
                }
                let mut concepts = concepts.clone();
                let exact_case = &compiled.exact_case[pattern];
                if !exact_case.is_empty() {
                    let written = case_kept(&source[span.clone()]);
                    concepts.retain(|c| {
                        exact_case
                            .iter()
                            .find(|(sensitive, _)| sensitive == c)
                            .is_none_or(|(_, spellings)| spellings.contains(&written))
                    });
                }
                (!concepts.is_empty()).then(|| SourceMatch {
                    span,
                    concepts,
                    term: term.clone(),
                })
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

impl CompiledTerms {
    fn new(terms: &[(usize, String, bool)]) -> Self {
        let mut keys: Vec<String> = Vec::new();
        let mut patterns: Vec<(Vec<usize>, String)> = Vec::new();
        let mut exact_case: Vec<Vec<(usize, Vec<String>)>> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        for &(ci, ref term, sensitive) in terms {
            let key = fold_key(term);
            if key.is_empty() {
                continue;
            }
            let id = *index.entry(key.clone()).or_insert_with(|| {
                keys.push(key);
                patterns.push((Vec::new(), term.clone()));
                exact_case.push(Vec::new());
                patterns.len() - 1
            });
            if !patterns[id].0.contains(&ci) {
                patterns[id].0.push(ci);
            }
            if sensitive {
                let spellings = &mut exact_case[id];
                let at = match spellings.iter().position(|(c, _)| *c == ci) {
                    Some(at) => at,
                    None => {
                        spellings.push((ci, Vec::new()));
                        spellings.len() - 1
                    }
                };
                spellings[at].1.push(case_kept(term));
            }
        }
        let automaton = (!keys.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&keys)
                .expect("source terms fit the automaton")
        });
        CompiledTerms {
            automaton,
            patterns,
            exact_case,
        }
    }
}

/// `text` folded as source terms are (width, script) but keeping its letter case.
fn case_kept(text: &str) -> String {
    normalize(text, false)
        .text
        .chars()
        .map(simplified)
        .collect()
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
    fn a_case_sensitive_term_is_found_in_its_own_case_and_never_in_an_address() {
        let g = Glossary::from_csv_text(
            "id,source,preferred,case\n\
             welink,WeLink,WeLink,sensitive\n\
             gov,GOV,government,sensitive\n\
             apec,APEC,APEC,\n",
            "test.csv",
        )
        .unwrap();
        let m = SourceTermMatcher::new(&g);
        let found = |text: &str| -> Vec<String> {
            m.find(text)
                .into_iter()
                .map(|f| text[f.span].to_string())
                .collect()
        };
        assert_eq!(found("打开 WeLink 应用"), ["WeLink"]);
        assert_eq!(found("打开ＷｅＬｉｎｋ应用"), ["ＷｅＬｉｎｋ"]);
        assert_eq!(found("访问 GOV 网站"), ["GOV"]);
        assert_eq!(found("运行 apec 和 APEC"), ["apec", "APEC"]);
        assert!(found("运行 welink 命令").is_empty());
        assert!(found("运行 WELINK 命令").is_empty());
        assert!(found("访问 gov 网站").is_empty());
        assert!(found("访问 https://WeLink.example.com/help").is_empty());
        assert!(found("访问https://www.apec.org了解").is_empty());
        assert!(found("写信给 WeLink@example.com").is_empty());
        assert_eq!(found("WeLink（https://WeLink.example.com）"), ["WeLink"]);
    }

    #[test]
    fn one_source_term_of_a_case_sensitive_and_an_insensitive_concept() {
        let g = Glossary::from_csv_text(
            "id,source,preferred,case\n\
             product,WeLink,WeLink,sensitive\n\
             command,welink,the welink command,\n",
            "test.csv",
        )
        .unwrap();
        let m = SourceTermMatcher::new(&g);
        let concepts = |text: &str| -> Vec<Vec<usize>> {
            m.find(text).into_iter().map(|f| f.concepts).collect()
        };
        assert_eq!(concepts("打开 WeLink"), [vec![0, 1]]);
        assert_eq!(concepts("运行 welink"), [vec![1]]);
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
