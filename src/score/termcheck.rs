//! termcheck's own term success rate: the matching of `termcheck check`.
//!
//! Per document and concept: the occurrences of the concept's source terms in the source
//! (longest first, on normalized text folded to Simplified characters) against its renderings
//! in the output (on word boundaries of normalized text). An approved rendering (preferred or
//! admitted) is correct; a forbidden, deprecated or garbled one is wrong; the rest are
//! missing. An approved rendering shared by two concepts renders one source occurrence, not
//! one of each. The pair scores `correct ÷ occurrences`. With a reference, a concept counts
//! only in documents whose reference renders it at least once (the WMT filter, in termcheck's
//! matching).

use std::collections::BTreeMap;

use super::{Aligned, DocumentScore, PairScore};
use crate::bilingual_rules::SourceRules;
use crate::check::Checker;
use crate::glossary::Glossary;

/// Scores documents with a checker (English rules on the output, garbled terms when it has a
/// fuzzy index) and the source-aware accounting of [`SourceRules`].
#[derive(Debug)]
pub struct TermcheckScorer<'a, 'g> {
    glossary: &'g Glossary,
    checker: &'a Checker<'g>,
    rules: &'a SourceRules<'g>,
}

#[derive(Default)]
struct Sums {
    occurrences: usize,
    correct: usize,
    wrong: usize,
}

impl<'a, 'g> TermcheckScorer<'a, 'g> {
    /// A scorer over `glossary`.
    pub fn new(
        glossary: &'g Glossary,
        checker: &'a Checker<'g>,
        rules: &'a SourceRules<'g>,
    ) -> Self {
        TermcheckScorer {
            glossary,
            checker,
            rules,
        }
    }

    /// Scores one document. When every segment has a reference, only concepts the reference
    /// renders are counted.
    pub fn score(&self, segments: &[Aligned<'_>]) -> DocumentScore {
        let mut sums: BTreeMap<usize, Sums> = BTreeMap::new();
        let mut in_reference: Option<Vec<usize>> = segments
            .iter()
            .all(|s| s.reference.is_some())
            .then(Vec::new);
        for s in segments {
            let findings = self.checker.check_str(s.output);
            for a in self.rules.account(s.source, s.output, &findings) {
                let e = sums.entry(a.concept).or_default();
                e.occurrences += a.in_source;
                e.correct += a.correct;
                e.wrong += a.wrong;
            }
            if let (Some(list), Some(reference)) = (&mut in_reference, s.reference) {
                list.extend(
                    self.rules
                        .account(s.source, reference, &[])
                        .into_iter()
                        .filter(|a| a.correct > 0)
                        .map(|a| a.concept),
                );
            }
        }
        let mut doc = DocumentScore::default();
        for (concept, s) in sums {
            if let Some(list) = &in_reference {
                if !list.contains(&concept) {
                    continue;
                }
            }
            doc.push(PairScore {
                term: self.glossary.concepts[concept].id.clone(),
                occurrences: s.occurrences,
                correct: s.correct,
                wrong: s.wrong,
                missing: s.occurrences - s.correct - s.wrong,
                score: s.correct as f64 / s.occurrences as f64,
            });
        }
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fuzzy::FuzzyIndex;
    use crate::matcher::TermMatcher;
    use crate::rules::RuleSet;
    use crate::zh::source_terms::SourceTermMatcher;

    const GLOSSARY: &str = "\
id,source,preferred,admitted,deprecated,forbidden
ftu,市总工会,Federation of Trade Unions,trade union federation,,General Assembly
model,劳模,model worker,,,
";

    #[track_caller]
    fn score(segments: &[Aligned<'_>]) -> (usize, usize, usize, usize, usize, f64) {
        let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").unwrap();
        let matcher = TermMatcher::new(&glossary);
        let fuzzy = FuzzyIndex::new(&glossary, crate::fuzzy::DEFAULT_THRESHOLD);
        let checker = Checker::new(&glossary, &matcher, RuleSet::all()).with_fuzzy(&fuzzy);
        let source_terms = SourceTermMatcher::new(&glossary);
        let rules = SourceRules::new(&glossary, &matcher, &source_terms, RuleSet::all());
        let t = TermcheckScorer::new(&glossary, &checker, &rules)
            .score(segments)
            .tally;
        (
            t.occurrences,
            t.correct,
            t.wrong,
            t.missing,
            t.counted,
            t.score_sum,
        )
    }

    fn seg<'t>(source: &'t str, output: &'t str, reference: Option<&'t str>) -> Aligned<'t> {
        Aligned {
            source,
            output,
            reference,
        }
    }

    #[test]
    fn tallies() {
        // Correct, admitted, wrong, garbled, missing.
        assert_eq!(
            score(&[seg("市总工会", "the Federation of Trade Unions", None)]),
            (1, 1, 0, 0, 1, 1.0)
        );
        assert_eq!(
            score(&[seg("市总工会", "the trade union federation", None)]),
            (1, 1, 0, 0, 1, 1.0)
        );
        assert_eq!(
            score(&[seg("市总工会", "the General Assembly", None)]),
            (1, 0, 1, 0, 1, 0.0)
        );
        assert_eq!(
            score(&[seg("市总工会", "the Federation of Trade Uniosn", None)]),
            (1, 0, 1, 0, 1, 0.0)
        );
        assert_eq!(
            score(&[seg("市总工会", "the union", None)]),
            (1, 0, 0, 1, 1, 0.0)
        );
        // Word boundaries: "model workers" is not "model worker" (a garbled plural is wrong).
        assert_eq!(score(&[seg("劳模", "the model workerx", None)]).1, 0);
        // A document of two segments: one pair per concept, summed occurrences.
        assert_eq!(
            score(&[
                seg("劳模", "a model worker", None),
                seg("劳模", "someone", None)
            ]),
            (2, 1, 0, 1, 1, 0.5)
        );
        // The reference filter: a concept the reference does not render is not counted.
        assert_eq!(
            score(&[seg("劳模", "someone", Some("a hero"))]),
            (0, 0, 0, 0, 0, 0.0)
        );
        assert_eq!(
            score(&[seg("劳模", "someone", Some("a model worker"))]),
            (1, 0, 0, 1, 1, 0.0)
        );
    }
}
