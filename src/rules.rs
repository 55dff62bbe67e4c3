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
    /// A few words naming it (SARIF `shortDescription`, annotation titles, docs headings).
    pub title: &'static str,
    /// Severity of its findings.
    pub severity: Severity,
    /// One line on what it reports.
    pub summary: &'static str,
    /// What to do about a finding (SARIF `help`, docs/rules.md).
    pub fix: &'static str,
}

/// Every rule, in the order `termcheck rules` lists them.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        rule: Rule::ForbiddenTerm,
        id: "forbidden-term",
        title: "Forbidden term",
        severity: Severity::Error,
        summary: "A rendering the glossary forbids for a concept (a common noun in the plural too); use the preferred rendering.",
        fix: "Replace the text with the expected rendering. If the glossary is wrong for this text, correct the glossary (for instance, list the rendering as `admitted`); `--ignore forbidden-term` turns the rule off.",
    },
    RuleInfo {
        rule: Rule::DeprecatedTerm,
        id: "deprecated-term",
        title: "Deprecated term",
        severity: Severity::Warning,
        summary: "A rendering the glossary marks as deprecated (a common noun in the plural too); replace it with the preferred rendering.",
        fix: "Replace it with the preferred rendering; deprecated renderings are understood but should not appear in new text. With `--fail-on error` they are reported without failing the run.",
    },
    RuleInfo {
        rule: Rule::GarbledTerm,
        id: "garbled-term",
        title: "Garbled term",
        severity: Severity::Warning,
        summary: "A near-miss of an approved rendering: a typo, a lost or added plural or possessive, a dropped, added or swapped word, broken hyphenation or spacing, or a case-sensitive rendering in other capitals.",
        fix: "Correct the text to the expected rendering. If it names a different entity that only looks alike, add that entity to the glossary as a concept of its own; `--garbled-threshold` raises the similarity a near-miss needs.",
    },
    RuleInfo {
        rule: Rule::InconsistentTerm,
        id: "inconsistent-term",
        title: "Inconsistent term",
        severity: Severity::Info,
        summary: "A concept rendered by another approved form, or capitalised differently, than the majority of its occurrences in the document (or batch).",
        fix: "Use one rendering of the concept throughout the document (or the whole batch, with `--consistency batch`); the message names the majority rendering. Being `info`, it fails a run only with `--fail-on info`.",
    },
    RuleInfo {
        rule: Rule::MissingTerm,
        id: "missing-term",
        title: "Missing term",
        severity: Severity::Error,
        summary: "A glossary source term in the source segment whose concept has no approved rendering in the target (or fewer than the source has occurrences).",
        fix: "Translate the source term with an approved rendering of its concept (the message names it and how many times the source has it). If the target says it another acceptable way, add that rendering to the glossary as `admitted`.",
    },
    RuleInfo {
        rule: Rule::Untranslated,
        id: "untranslated",
        title: "Untranslated text",
        severity: Severity::Error,
        summary: "A target that is empty for a non-empty source, identical to the source, or holds a run of Chinese characters.",
        fix: "Translate the segment, or remove the Chinese left in the English target.",
    },
    RuleInfo {
        rule: Rule::NumberMismatch,
        id: "number-mismatch",
        title: "Number mismatch",
        severity: Severity::Warning,
        summary: "The numbers of the source and the target differ (numerals, Chinese numerals, ordinals, dates, percentages, number words).",
        fix: "Check every number of the source against the target: a changed, dropped or added number is a translation error. Numbers written differently (十八 and 18, 3.5万 and 35,000) already agree.",
    },
    RuleInfo {
        rule: Rule::InconsistentSegment,
        id: "inconsistent-segment",
        title: "Inconsistent segment",
        severity: Severity::Warning,
        summary: "The same source segment translated differently in the batch, or the same target used for different sources.",
        fix: "Translate the same source segment the same way throughout the batch (the message names the other translation), and give different sources different targets.",
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

/// A rule serializes as its stable id (`"forbidden-term"`), the same text every report shows.
impl serde::Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
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
