//! `--statistics`: how many findings each rule reported for each concept, most frequent first
//! (like `ruff --statistics`), instead of the findings themselves.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::rules::Rule;
use crate::run::RunReport;

/// One line of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatisticsRow {
    /// How many findings.
    pub count: usize,
    /// Their rule.
    pub rule: Rule,
    /// Their concept.
    pub concept: String,
    /// The concept's preferred rendering (what the findings suggest).
    pub expected: String,
}

/// The rows: by count (most first), then rule (table order), then concept id.
pub fn rows(run: &RunReport) -> Vec<StatisticsRow> {
    let mut counts: BTreeMap<(Rule, String), (usize, String)> = BTreeMap::new();
    for (_, f) in run.findings() {
        match counts.get_mut(&(f.rule, f.concept.clone())) {
            Some(entry) => entry.0 += 1,
            None => {
                counts.insert((f.rule, f.concept.clone()), (1, f.expected.clone()));
            }
        }
    }
    let mut rows: Vec<StatisticsRow> = counts
        .into_iter()
        .map(|((rule, concept), (count, expected))| StatisticsRow {
            count,
            rule,
            concept,
            expected,
        })
        .collect();
    rows.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.rule.cmp(&b.rule))
            .then(a.concept.cmp(&b.concept))
    });
    rows
}

/// Writes `count  rule  concept  expected`, aligned; nothing when there are no findings.
pub fn write(run: &RunReport, out: &mut dyn Write) -> io::Result<()> {
    let rows = rows(run);
    let count_width = rows
        .iter()
        .map(|r| r.count.to_string().len())
        .max()
        .unwrap_or(1);
    let rule_width = rows.iter().map(|r| r.rule.id().len()).max().unwrap_or(0);
    let concept_width = rows.iter().map(|r| r.concept.len()).max().unwrap_or(0);
    for r in &rows {
        writeln!(
            out,
            "{:>count_width$}  {:rule_width$}  {:concept_width$}  {}",
            r.count,
            r.rule.id(),
            r.concept,
            r.expected
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Checker;
    use crate::glossary::Glossary;
    use crate::matcher::TermMatcher;
    use crate::rules::RuleSet;
    use crate::run::FileReport;

    #[test]
    fn most_frequent_first_then_rule_then_concept() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,deprecated,forbidden\n\
             b,Workercn,,CAMCE\n\
             a,Shanghai Federation of Trade Unions,Shanghai Trade Union,Municipal General Assembly\n",
            "g.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        let checker = Checker::new(&glossary, &matcher, RuleSet::all());
        let findings = checker.check_str(
            "CAMCE. The Shanghai Trade Union. Municipal General Assembly. CAMCE and CAMCE.",
        );
        let run = RunReport {
            files: vec![FileReport {
                path: "d.txt".into(),
                findings: findings.into(),
                occurrences: Vec::new(),
                suppressions: Vec::new(),
            }],
            ..RunReport::default()
        };
        let got: Vec<(usize, &str, String)> = rows(&run)
            .into_iter()
            .map(|r| (r.count, r.rule.id(), r.concept))
            .collect();
        assert_eq!(
            got,
            vec![
                (3, "forbidden-term", "b".to_string()),
                (1, "forbidden-term", "a".to_string()),
                (1, "deprecated-term", "a".to_string()),
            ]
        );
    }
}
