//! The term success rate of the WMT 2025 terminology shared task (track 2), reproduced exactly.
//!
//! Per document and glossary entry (a source term and its list of accepted target renderings):
//! the entry is *counted* only if the stripped source term is non-empty, occurs in the source
//! and at least one rendering occurs in the reference (lowercased plain substrings); a counted
//! entry scores `min(1, Σ occurrences of each stripped rendering in the output ÷ occurrences of
//! the source term in the source)`, occurrences being non-overlapping lowercased substrings.
//! The rate is the mean over every counted (document, entry) pair of the run. There are no word
//! boundaries and no normalization, and duplicate renderings are not removed: a rendering
//! listed twice counts twice.
//!
//! Two quirks of the task's script are kept on purpose, since the point is to reproduce its
//! numbers: the reference filter tests each rendering *unstripped* while the count strips it,
//! and an empty rendering occurs everywhere (Python's `str.count("")` is the length plus one),
//! so an entry with one scores 1. The documents, output and reference are stripped first.

use super::{Aligned, DocumentScore, PairScore};

/// One glossary entry: a source term and the target renderings accepted for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The source term as the glossary writes it.
    pub source: String,
    /// Accepted renderings, in order, duplicates kept.
    pub targets: Vec<String>,
}

/// Non-overlapping occurrences of `needle` in `haystack`, as Python's `str.count` counts them
/// (an empty needle occurs before every character and at the end).
pub fn count(haystack: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return haystack.chars().count() + 1;
    }
    haystack.matches(needle).count()
}

/// The entry's score in one document, or `None` when the entry is not counted there.
pub fn entry_score(source: &str, output: &str, reference: &str, entry: &Entry) -> Option<f64> {
    let source = source.trim().to_lowercase();
    let output = output.trim().to_lowercase();
    let reference = reference.trim().to_lowercase();
    let term = entry.source.trim().to_lowercase();
    if term.is_empty() || !source.contains(&term) {
        return None;
    }
    if !entry
        .targets
        .iter()
        .any(|t| reference.contains(&t.to_lowercase()))
    {
        return None;
    }
    let input = count(&source, &term);
    let produced: usize = entry
        .targets
        .iter()
        .map(|t| count(&output, &t.trim().to_lowercase()))
        .sum();
    Some((produced as f64 / input as f64).min(1.0))
}

/// Detailed result of one counted entry.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryResult {
    /// Index of the entry in the document's glossary.
    pub entry: usize,
    /// Occurrences of the source term in the source.
    pub in_source: usize,
    /// Occurrences of its renderings in the output (summed over renderings).
    pub in_output: usize,
    /// The entry's score.
    pub score: f64,
}

/// Every counted entry of one document, in glossary order.
pub fn score_document(
    source: &str,
    output: &str,
    reference: &str,
    entries: &[Entry],
) -> Vec<EntryResult> {
    let lower_source = source.trim().to_lowercase();
    let lower_output = output.trim().to_lowercase();
    entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let score = entry_score(source, output, reference, e)?;
            let term = e.source.trim().to_lowercase();
            Some(EntryResult {
                entry: i,
                in_source: count(&lower_source, &term),
                in_output: e
                    .targets
                    .iter()
                    .map(|t| count(&lower_output, &t.trim().to_lowercase()))
                    .sum(),
                score,
            })
        })
        .collect()
}

/// Scores one document (its segments joined by line feeds) against its term dictionary.
/// Documents without a reference count no pair: the task's filter needs one.
pub fn score(entries: &[Entry], segments: &[Aligned<'_>]) -> DocumentScore {
    let mut doc = DocumentScore::default();
    let Some(reference) = join(segments, |s| s.reference) else {
        return doc;
    };
    let source = join(segments, |s| Some(s.source)).unwrap_or_default();
    let output = join(segments, |s| Some(s.output)).unwrap_or_default();
    for r in score_document(&source, &output, &reference, entries) {
        let correct = r.in_output.min(r.in_source);
        doc.push(PairScore {
            term: entries[r.entry].source.trim().to_string(),
            occurrences: r.in_source,
            correct,
            wrong: 0,
            missing: r.in_source - correct,
            score: r.score,
        });
    }
    doc
}

/// The segments' texts joined by line feeds; `None` if a segment has none.
fn join<'t>(
    segments: &[Aligned<'t>],
    part: impl Fn(&Aligned<'t>) -> Option<&'t str>,
) -> Option<String> {
    let parts: Option<Vec<&str>> = segments.iter().map(part).collect();
    parts.map(|p| p.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(source: &str, targets: &[&str]) -> Entry {
        Entry {
            source: source.into(),
            targets: targets.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn arithmetic() {
        // (source, output, reference, entry, expected score)
        let cases: &[(&str, &str, &str, Entry, Option<f64>)] = &[
            (
                "总工会",
                "the Federation",
                "the federation",
                entry("总工会", &["Federation"]),
                Some(1.0),
            ),
            // Repeated source term, rendered once: half.
            (
                "总工会和总工会",
                "the federation",
                "federations",
                entry("总工会", &["federation"]),
                Some(0.5),
            ),
            // Rendered more often than the source says: capped at 1.
            (
                "总工会",
                "federation federation",
                "federation",
                entry("总工会", &["federation"]),
                Some(1.0),
            ),
            // Duplicate renderings count twice.
            (
                "总工会和总工会",
                "the federation",
                "federation",
                entry("总工会", &["federation", "federation"]),
                Some(1.0),
            ),
            // Several renderings add up.
            (
                "工会，工会",
                "union and trade union",
                "union",
                entry("工会", &["union", "trade union"]),
                Some(1.0),
            ),
            // No word boundaries: "union" inside "reunion" counts.
            (
                "工会",
                "a reunion",
                "union",
                entry("工会", &["union"]),
                Some(1.0),
            ),
            // Nested source terms: 工会 is also found inside 总工会.
            (
                "总工会",
                "the federation",
                "the federation",
                entry("工会", &["federation"]),
                Some(1.0),
            ),
            (
                "总工会",
                "the federation",
                "the federation union",
                entry("工会", &["union"]),
                Some(0.0),
            ),
            // Not counted: source term absent, reference lacks every rendering, empty term.
            ("职工", "union", "union", entry("工会", &["union"]), None),
            (
                "工会",
                "union",
                "labour group",
                entry("工会", &["union"]),
                None,
            ),
            ("工会", "union", "union", entry("  ", &["union"]), None),
            // The reference filter tests renderings unstripped, the count stripped.
            (
                "工会",
                "union",
                "trade union",
                entry("工会", &[" union "]),
                None,
            ),
            (
                "工会",
                "union",
                "trade union members",
                entry("工会", &["union "]),
                Some(1.0),
            ),
            // An empty rendering occurs everywhere.
            (
                "工会",
                "nothing",
                "anything",
                entry("工会", &[""]),
                Some(1.0),
            ),
            // Lowercased on every side.
            (
                "APEC会议",
                "apec",
                "APEC",
                entry("apec", &["APEC"]),
                Some(1.0),
            ),
        ];
        for (source, output, reference, e, expected) in cases {
            assert_eq!(
                entry_score(source, output, reference, e),
                *expected,
                "{source} / {output} / {reference} / {e:?}"
            );
        }
    }

    #[test]
    fn python_count() {
        assert_eq!(count("aaaa", "aa"), 2);
        assert_eq!(count("工会", ""), 3);
        assert_eq!(count("", ""), 1);
    }

    #[test]
    fn document_details() {
        let entries = [entry("工会", &["union"]), entry("总工会", &["federation"])];
        let got = score_document("总工会和工会", "the union", "union federation", &entries);
        assert_eq!(got.len(), 2);
        assert_eq!(
            (got[0].in_source, got[0].in_output, got[0].score),
            (2, 1, 0.5)
        );
        assert_eq!(
            (got[1].in_source, got[1].in_output, got[1].score),
            (1, 0, 0.0)
        );
    }
}
