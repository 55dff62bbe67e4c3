//! Term accuracy scores: how many source-term occurrences a translation renders as the
//! glossary says, under two definitions (see `docs/metrics.md`).
//!
//! - [`Metric::Termcheck`]: termcheck's own matching — source terms found longest first on
//!   normalized, script-folded text, renderings on word boundaries of normalized text, admitted
//!   renderings correct, forbidden, deprecated and garbled ones wrong.
//! - [`Metric::Wmt25`]: the WMT 2025 terminology task's term success rate ([`wmt25`]).
//!
//! Both give a [`Tally`] per document, summed over a run; the rate of a run is the mean score of
//! its counted (document, term) pairs, so the tallies of several runs add up (micro-average).

pub mod termcheck;
pub mod wmt25;

use crate::glossary::{CaseMode, Concept, Glossary, Rendering, Status};
use crate::location::Location;

/// Which definition of the term success rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// termcheck's matching (normalization, word boundaries, garbled forms counted as wrong).
    Termcheck,
    /// The WMT 2025 terminology shared task (track 2) term success rate.
    Wmt25,
}

/// One translated segment with its source and, when given, the human reference.
#[derive(Debug, Clone, Copy)]
pub struct Aligned<'t> {
    /// The source text.
    pub source: &'t str,
    /// The translation scored.
    pub output: &'t str,
    /// The human reference, aligned with the output.
    pub reference: Option<&'t str>,
}

/// Counts of one document or run.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    /// Source-term occurrences of the counted pairs.
    pub occurrences: usize,
    /// Occurrences rendered correctly.
    pub correct: usize,
    /// Occurrences rendered by a forbidden, deprecated or garbled rendering (termcheck metric
    /// only; the WMT metric knows no wrong renderings).
    pub wrong: usize,
    /// Occurrences not rendered.
    pub missing: usize,
    /// Counted (document, term) pairs.
    pub counted: usize,
    /// Sum of the scores of the counted pairs.
    pub score_sum: f64,
}

impl Tally {
    /// Adds another tally (of another document or run).
    pub fn add(&mut self, other: &Tally) {
        self.occurrences += other.occurrences;
        self.correct += other.correct;
        self.wrong += other.wrong;
        self.missing += other.missing;
        self.counted += other.counted;
        self.score_sum += other.score_sum;
    }

    /// The term success rate: mean score of the counted pairs; `None` when none is counted.
    pub fn rate(&self) -> Option<f64> {
        (self.counted > 0).then(|| self.score_sum / self.counted as f64)
    }
}

/// The score of one counted (document, term) pair.
#[derive(Debug, Clone, PartialEq)]
pub struct PairScore {
    /// The source term (WMT) or the concept id (termcheck).
    pub term: String,
    /// Occurrences in the source.
    pub occurrences: usize,
    /// Rendered correctly (for WMT: rendering occurrences in the output, capped at the source's).
    pub correct: usize,
    /// Rendered wrongly.
    pub wrong: usize,
    /// Not rendered.
    pub missing: usize,
    /// The pair's score, in 0..=1.
    pub score: f64,
}

/// A document's tally and the pairs it counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentScore {
    /// The totals.
    pub tally: Tally,
    /// Every counted pair, in glossary order.
    pub pairs: Vec<PairScore>,
}

impl DocumentScore {
    fn push(&mut self, pair: PairScore) {
        self.tally.occurrences += pair.occurrences;
        self.tally.correct += pair.correct;
        self.tally.wrong += pair.wrong;
        self.tally.missing += pair.missing;
        self.tally.counted += 1;
        self.tally.score_sum += pair.score;
        self.pairs.push(pair);
    }
}

/// The WMT entries of a glossary: one per source term, with the concept's approved
/// renderings (preferred first).
pub fn entries_from_glossary(glossary: &Glossary) -> Vec<wmt25::Entry> {
    glossary
        .concepts
        .iter()
        .flat_map(|c| {
            let targets: Vec<String> = c
                .renderings
                .iter()
                .filter(|r| r.status.is_approved())
                .map(|r| r.text.clone())
                .collect();
            c.source.iter().map(move |s| wmt25::Entry {
                source: s.clone(),
                targets: targets.clone(),
            })
        })
        .collect()
}

/// A glossary made of WMT entries (a per-document term dictionary): one concept per entry
/// with a non-empty source term and at least one non-empty rendering, the first rendering
/// preferred and the others admitted. Not validated: task dictionaries list a rendering twice,
/// or one rendering for two source terms, and that is how they are scored.
pub fn glossary_from_entries(entries: &[wmt25::Entry], name: &str) -> Glossary {
    let concepts = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let renderings: Vec<Rendering> = e
                .targets
                .iter()
                .map(|t| t.trim())
                .filter(|t| !t.is_empty())
                .enumerate()
                .map(|(k, t)| Rendering {
                    text: t.to_string(),
                    status: if k == 0 {
                        Status::Preferred
                    } else {
                        Status::Admitted
                    },
                    location: Location::default(),
                })
                .collect();
            let source = e.source.trim();
            (!source.is_empty() && !renderings.is_empty()).then(|| Concept {
                id: format!("{}-{}", i + 1, source),
                source: vec![source.to_string()],
                renderings,
                case: CaseMode::Insensitive,
                note: String::new(),
                allowed: Vec::new(),
                file: name.to_string(),
                location: Location::default(),
            })
        })
        .collect();
    Glossary {
        concepts,
        files: Vec::new(),
    }
}

/// Parses one line of a per-document term dictionary in JSON: an array of `{"zh": …, "en": …}`
/// pairs (WMT 2023; pairs with the same source term are one entry, in order), an object from
/// source terms to lists of renderings (or to one rendering), or such an object under
/// `"terms"` (WMT 2025).
pub fn parse_term_line(line: &str) -> Result<Vec<wmt25::Entry>, String> {
    use serde_json::Value;
    let value: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let mut entries: Vec<wmt25::Entry> = Vec::new();
    let as_text = |v: &Value| -> Result<String, String> {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("{v} is not a string"))
    };
    let object = match &value {
        Value::Object(map) => map.get("terms").unwrap_or(&value),
        _ => &value,
    };
    match object {
        Value::Array(pairs) => {
            for pair in pairs {
                let obj = pair
                    .as_object()
                    .ok_or_else(|| format!("{pair} is not a {{source, target}} object"))?;
                let mut texts = obj.values().map(as_text);
                match (texts.next(), texts.next(), texts.next()) {
                    (Some(s), Some(t), None) => {
                        // Source first, whatever the keys are named: zh/en, source/target.
                        let (s, t) = match (
                            obj.get("zh").or(obj.get("source")),
                            obj.get("en").or(obj.get("target")),
                        ) {
                            (Some(s), Some(t)) => (as_text(s)?, as_text(t)?),
                            _ => (s?, t?),
                        };
                        add(&mut entries, &s, t);
                    }
                    _ => {
                        return Err(format!(
                            "{pair} is not a pair of a source and a target term"
                        ))
                    }
                }
            }
        }
        Value::Object(map) => {
            for (source, targets) in map {
                match targets {
                    Value::Array(list) => {
                        for t in list {
                            add(&mut entries, source, as_text(t)?);
                        }
                    }
                    other => add(&mut entries, source, as_text(other)?),
                }
            }
        }
        other => return Err(format!("{other} is not a term dictionary")),
    }
    Ok(entries)
}

fn add(entries: &mut Vec<wmt25::Entry>, source: &str, target: String) {
    match entries.iter_mut().find(|e| e.source == source) {
        Some(e) => e.targets.push(target),
        None => entries.push(wmt25::Entry {
            source: source.to_string(),
            targets: vec![target],
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_lines() {
        let e = parse_term_line(
            r#"[{"zh":"郝仁","en":"Hao Ren"},{"zh":"郝仁","en":"Hao"},{"zh":"x","en":"y"}]"#,
        )
        .unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].targets, ["Hao Ren", "Hao"]);
        let e = parse_term_line(r#"{"terms": {"工会": ["union", "trade union"]}}"#).unwrap();
        assert_eq!(e[0].targets, ["union", "trade union"]);
        let e = parse_term_line(r#"{"工会": "union"}"#).unwrap();
        assert_eq!(e[0].targets, ["union"]);
        assert_eq!(parse_term_line("[]").unwrap(), []);
        assert!(parse_term_line("[1]").is_err());
        assert!(parse_term_line("nope").is_err());
    }
}
