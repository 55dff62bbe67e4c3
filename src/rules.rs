//! The rule table: every check termcheck can report, with its stable id and default severity.
//!
//! Rule ids are a public contract (CSV reports, `--select`, configuration): changing one is a
//! breaking change.

use std::fmt;

use crate::finding::Severity;

/// A check whose findings termcheck reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// A rendering the glossary forbids.
    ForbiddenTerm,
    /// A rendering the glossary marks as deprecated.
    DeprecatedTerm,
    /// A near-miss of an approved rendering (typo, lost plural, dropped or swapped word…).
    GarbledTerm,
    /// A concept rendered differently from the majority of its occurrences.
    InconsistentTerm,
    /// A source term whose concept has no approved rendering in the target.
    MissingTerm,
    /// A target left empty, copied from the source, or holding Chinese text.
    Untranslated,
    /// Numbers of the source and the target that differ.
    NumberMismatch,
    /// A source segment translated differently elsewhere, or a target used for different sources.
    InconsistentSegment,
}

/// What `termcheck rules` prints about a rule.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    /// The rule.
    pub rule: Rule,
    /// Stable kebab-case id.
    pub id: &'static str,
    /// Severity of its findings.
    pub severity: Severity,
    /// One line on what it reports.
    pub summary: &'static str,
}

/// Every rule, in the order `termcheck rules` lists them.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        rule: Rule::ForbiddenTerm,
        id: "forbidden-term",
        severity: Severity::Error,
        summary: "A rendering the glossary forbids for a concept; use the preferred rendering.",
    },
    RuleInfo {
        rule: Rule::DeprecatedTerm,
        id: "deprecated-term",
        severity: Severity::Warning,
        summary:
            "A rendering the glossary marks as deprecated; replace it with the preferred rendering.",
    },
    RuleInfo {
        rule: Rule::GarbledTerm,
        id: "garbled-term",
        severity: Severity::Warning,
        summary: "A near-miss of an approved rendering: a typo, a lost or added plural or possessive, a dropped, added or swapped word, broken hyphenation or spacing.",
    },
    RuleInfo {
        rule: Rule::InconsistentTerm,
        id: "inconsistent-term",
        severity: Severity::Info,
        summary: "A concept rendered by another approved form, or capitalised differently, than the majority of its occurrences in the document (or batch).",
    },
    RuleInfo {
        rule: Rule::MissingTerm,
        id: "missing-term",
        severity: Severity::Error,
        summary: "A glossary source term in the source segment whose concept has no approved rendering in the target (or fewer than the source has occurrences).",
    },
    RuleInfo {
        rule: Rule::Untranslated,
        id: "untranslated",
        severity: Severity::Error,
        summary: "A target that is empty for a non-empty source, identical to the source, or holds a run of Chinese characters.",
    },
    RuleInfo {
        rule: Rule::NumberMismatch,
        id: "number-mismatch",
        severity: Severity::Warning,
        summary: "The numbers of the source and the target differ (numerals, Chinese numerals, ordinals, dates, percentages, number words).",
    },
    RuleInfo {
        rule: Rule::InconsistentSegment,
        id: "inconsistent-segment",
        severity: Severity::Warning,
        summary: "The same source segment translated differently in the batch, or the same target used for different sources.",
    },
];

impl Rule {
    /// The rule's entry in [`RULES`].
    pub fn info(self) -> &'static RuleInfo {
        RULES
            .iter()
            .find(|i| i.rule == self)
            .expect("every rule is in RULES")
    }

    /// The stable id.
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// Looks a rule up by id.
    pub fn from_id(id: &str) -> Option<Rule> {
        RULES.iter().find(|i| i.id == id).map(|i| i.rule)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Which rules run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    enabled: Vec<Rule>,
}

impl RuleSet {
    /// Every rule.
    pub fn all() -> Self {
        RuleSet {
            enabled: RULES.iter().map(|i| i.rule).collect(),
        }
    }

    /// The rules named in `select` (all when empty) minus those named in `ignore`. Unknown ids
    /// are an error naming them and the known ones.
    pub fn from_ids(select: &[String], ignore: &[String]) -> Result<Self, String> {
        let parse = |ids: &[String]| -> Result<Vec<Rule>, String> {
            ids.iter()
                .map(|id| {
                    Rule::from_id(id.trim()).ok_or_else(|| {
                        let known: Vec<&str> = RULES.iter().map(|i| i.id).collect();
                        format!(
                            "unknown rule {:?} (known rules: {})",
                            id.trim(),
                            known.join(", ")
                        )
                    })
                })
                .collect()
        };
        let selected = if select.is_empty() {
            Self::all().enabled
        } else {
            parse(select)?
        };
        let ignored = parse(ignore)?;
        let mut enabled: Vec<Rule> = selected
            .into_iter()
            .filter(|r| !ignored.contains(r))
            .collect();
        enabled.sort();
        enabled.dedup();
        Ok(RuleSet { enabled })
    }

    /// Whether `rule` runs.
    pub fn contains(&self, rule: Rule) -> bool {
        self.enabled.contains(&rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for info in RULES {
            assert_eq!(Rule::from_id(info.id), Some(info.rule));
            assert_eq!(info.rule.id(), info.id);
        }
    }

    #[test]
    fn select_and_ignore() {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let set = RuleSet::from_ids(&ids(&["forbidden-term"]), &[]).unwrap();
        assert!(set.contains(Rule::ForbiddenTerm));
        assert!(!set.contains(Rule::DeprecatedTerm));
        let set = RuleSet::from_ids(&[], &ids(&["forbidden-term"])).unwrap();
        assert!(!set.contains(Rule::ForbiddenTerm));
        assert!(set.contains(Rule::DeprecatedTerm));
        let err = RuleSet::from_ids(&ids(&["forbiden-term"]), &[]).unwrap_err();
        assert!(
            err.contains("forbiden-term") && err.contains("forbidden-term"),
            "{err}"
        );
    }
}
