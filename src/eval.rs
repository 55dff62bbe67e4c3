//! Evaluation against a labelled set: precision and recall of each rule, and recall (or false
//! alarms) per kind of case.
//!
//! A labelled set is a TSV file with the header `id glossary expect concept found kind text`
//! (documented in `tests/eval/README.md`). Each row is one document of one or more sentences
//! with at most one expected finding: `expect` is a rule id or `none`. A finding counts as a
//! true positive only when its rule, concept and found text (spacing collapsed) all match the
//! label, so a finding on the right concept with the wrong span is both a false positive and a
//! miss.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::check::{Checker, Outcome};
use crate::error::FileError;
use crate::finding::Finding;
use crate::fuzzy::FuzzyIndex;
use crate::glossary::{bundled_glossaries, Glossary, GlossarySource};
use crate::location::Location;
use crate::matcher::TermMatcher;
use crate::rules::{Rule, RuleSet};

/// The columns of a labelled set, in order.
pub const CASE_COLUMNS: [&str; 7] = [
    "id", "glossary", "expect", "concept", "found", "kind", "text",
];

/// The glossary name that stands for the bundled default glossary.
pub const BUNDLED: &str = "bundled";

/// The rules a labelled set measures: one finding per sentence, so consistency, which needs a
/// document, is measured elsewhere.
pub const EVALUATED_RULES: [Rule; 3] =
    [Rule::ForbiddenTerm, Rule::DeprecatedTerm, Rule::GarbledTerm];

/// One labelled case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// Unique id.
    pub id: String,
    /// Line of the case in its file.
    pub line: u64,
    /// `bundled` or a glossary file name, relative to the glossary folder.
    pub glossary: String,
    /// The finding expected, if any: rule, concept id and found text.
    pub expected: Option<Expected>,
    /// What the case exercises ("typo", "different-place", …).
    pub kind: String,
    /// The text checked.
    pub text: String,
}

/// The one finding a case expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// Rule that must report it.
    pub rule: Rule,
    /// Concept id it must name.
    pub concept: String,
    /// Text it must report as found.
    pub found: String,
}

/// Parses a labelled set; every malformed row is reported with its line.
pub fn parse_cases(text: &str, path: &str) -> Result<Vec<Case>, Vec<FileError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut errors = Vec::new();
    let mut cases: Vec<Case> = Vec::new();
    let mut lines = text.lines().enumerate();
    let at = |line: usize| Location {
        line: line as u64 + 1,
        column: 1,
        byte_offset: 0,
    };
    match lines.next() {
        Some((_, header)) if header.split('\t').eq(CASE_COLUMNS.iter().copied()) => {}
        _ => {
            return Err(vec![FileError::at(
                path,
                at(0),
                format!("the header must be {}", CASE_COLUMNS.join("\\t")),
            )])
        }
    }
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    for (n, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != CASE_COLUMNS.len() {
            errors.push(FileError::at(
                path,
                at(n),
                format!("{} fields, expected {}", fields.len(), CASE_COLUMNS.len()),
            ));
            continue;
        }
        let [id, glossary, expect, concept, found, kind, text] = fields[..] else {
            unreachable!("length checked")
        };
        let expected = match expect {
            "none" => {
                if !concept.is_empty() || !found.is_empty() {
                    errors.push(FileError::at(
                        path,
                        at(n),
                        "a case expecting none names no concept or found text",
                    ));
                    continue;
                }
                None
            }
            rule => match Rule::from_id(rule).filter(|r| EVALUATED_RULES.contains(r)) {
                Some(rule) if !concept.is_empty() && !found.is_empty() => Some(Expected {
                    rule,
                    concept: concept.to_string(),
                    found: found.to_string(),
                }),
                Some(_) => {
                    errors.push(FileError::at(
                        path,
                        at(n),
                        "a positive case names its concept and found text",
                    ));
                    continue;
                }
                None => {
                    errors.push(FileError::at(
                        path,
                        at(n),
                        format!("expect is {rule:?}: not none nor an evaluated rule id"),
                    ));
                    continue;
                }
            },
        };
        if let Some(first) = seen.insert(id.to_string(), n as u64 + 1) {
            errors.push(FileError::at(
                path,
                at(n),
                format!("id {id:?} is used again (first on line {first})"),
            ));
            continue;
        }
        if let Some(e) = &expected {
            if !collapse(text).contains(&collapse(&e.found)) {
                errors.push(FileError::at(
                    path,
                    at(n),
                    format!("the found text {:?} is not in the text", e.found),
                ));
                continue;
            }
        }
        cases.push(Case {
            id: id.to_string(),
            line: n as u64 + 1,
            glossary: glossary.to_string(),
            expected,
            kind: kind.to_string(),
            text: text.to_string(),
        });
    }
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(errors)
    }
}

/// Runs of whitespace as one space, so labels need not copy odd spacing.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True positives, false positives and misses of one rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Findings that match a label.
    pub true_positives: usize,
    /// Findings that match no label.
    pub false_positives: usize,
    /// Labels no finding matches.
    pub misses: usize,
}

impl Counts {
    /// Share of findings that are right; 1 when there are none.
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// Share of labels found; 1 when there are none.
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.misses)
    }

    fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.misses += other.misses;
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// How the cases of one kind fared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindCounts {
    /// Whether the kind's cases expect a finding.
    pub positive: bool,
    /// Cases of the kind.
    pub cases: usize,
    /// Cases where exactly the expected findings (or none) were reported.
    pub correct: usize,
}

/// A case that did not get exactly what it expected.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The case.
    pub case: Case,
    /// What was reported on it (evaluated rules only).
    pub findings: Vec<Finding>,
}

/// The result of an evaluation.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    /// Counts per evaluated rule.
    pub rules: BTreeMap<Rule, Counts>,
    /// Counts per kind of case.
    pub kinds: BTreeMap<String, KindCounts>,
    /// Every case that was not exactly right.
    pub failures: Vec<Failure>,
    /// Cases evaluated.
    pub cases: usize,
}

impl Evaluation {
    /// Counts of one rule (zero if no case concerns it).
    pub fn rule(&self, rule: Rule) -> Counts {
        self.rules.get(&rule).copied().unwrap_or_default()
    }

    /// Counts over every evaluated rule.
    pub fn overall(&self) -> Counts {
        let mut all = Counts::default();
        for c in self.rules.values() {
            all.add(*c);
        }
        all
    }

    /// The report `termcheck eval` prints: per rule, overall, per kind, then the failures.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!("{} cases\n\n", self.cases));
        out.push_str(&format!(
            "{:<18} {:>5} {:>5} {:>5} {:>9} {:>7}\n",
            "rule", "tp", "fp", "fn", "precision", "recall"
        ));
        let row = |name: &str, c: Counts| {
            format!(
                "{:<18} {:>5} {:>5} {:>5} {:>9.3} {:>7.3}\n",
                name,
                c.true_positives,
                c.false_positives,
                c.misses,
                c.precision(),
                c.recall()
            )
        };
        for rule in EVALUATED_RULES {
            out.push_str(&row(rule.id(), self.rule(rule)));
        }
        out.push_str(&row("overall", self.overall()));
        out.push_str(&format!(
            "\n{:<22} {:>8} {:>6} {:>8}\n",
            "kind", "expects", "cases", "correct"
        ));
        for (kind, k) in &self.kinds {
            out.push_str(&format!(
                "{:<22} {:>8} {:>6} {:>8}\n",
                kind,
                if k.positive { "finding" } else { "none" },
                k.cases,
                k.correct
            ));
        }
        if !self.failures.is_empty() {
            out.push_str("\nNot exactly right:\n");
            for f in &self.failures {
                let expected = match &f.case.expected {
                    Some(e) => format!("{} {} {:?}", e.rule, e.concept, e.found),
                    None => "none".to_string(),
                };
                let got: Vec<String> = f
                    .findings
                    .iter()
                    .map(|x| format!("{} {} {:?}", x.rule, x.concept, x.found))
                    .collect();
                out.push_str(&format!(
                    "  line {} {} [{}]: expected {}; got {}\n",
                    f.case.line,
                    f.case.id,
                    f.case.kind,
                    expected,
                    if got.is_empty() {
                        "nothing".to_string()
                    } else {
                        got.join("; ")
                    }
                ));
            }
        }
        out
    }
}

/// A glossary compiled for checking.
struct Compiled {
    glossary: Glossary,
    matcher: TermMatcher,
    fuzzy: FuzzyIndex,
}

/// Evaluates `cases`; glossary names other than `bundled` are files under `glossary_dir`.
/// `threshold` is the garbled-term threshold.
pub fn evaluate(
    cases: &[Case],
    glossary_dir: &Path,
    threshold: f64,
) -> Result<Evaluation, Vec<FileError>> {
    let mut compiled: BTreeMap<&str, Compiled> = BTreeMap::new();
    for case in cases {
        if compiled.contains_key(case.glossary.as_str()) {
            continue;
        }
        let sources = if case.glossary == BUNDLED {
            bundled_glossaries()
        } else {
            vec![GlossarySource::File(glossary_dir.join(&case.glossary))]
        };
        let glossary = Glossary::load(&sources)?;
        let matcher = TermMatcher::new(&glossary);
        let fuzzy = FuzzyIndex::new(&glossary, threshold);
        compiled.insert(
            case.glossary.as_str(),
            Compiled {
                glossary,
                matcher,
                fuzzy,
            },
        );
    }
    let rules = RuleSet::from_ids(
        &EVALUATED_RULES
            .iter()
            .map(|r| r.id().to_string())
            .collect::<Vec<_>>(),
        &[],
    )
    .expect("evaluated rules exist");
    let mut evaluation = Evaluation {
        cases: cases.len(),
        ..Evaluation::default()
    };
    for rule in EVALUATED_RULES {
        evaluation.rules.insert(rule, Counts::default());
    }
    for case in cases {
        let c = &compiled[case.glossary.as_str()];
        let checker = Checker::new(&c.glossary, &c.matcher, rules.clone()).with_fuzzy(&c.fuzzy);
        let findings = match checker.check_reader(case.text.as_bytes(), false) {
            Ok(Outcome::Checked(doc)) => doc.findings.into_vec(),
            Ok(Outcome::SkippedBinary) => Vec::new(),
            Err(e) => {
                return Err(vec![FileError::new(
                    PathBuf::from(&case.id).display().to_string(),
                    e.to_string(),
                )])
            }
        };
        let matches = |f: &Finding, e: &Expected| {
            f.rule == e.rule && f.concept == e.concept && collapse(&f.found) == collapse(&e.found)
        };
        let mut exactly_right = true;
        let mut matched = false;
        for f in &findings {
            let counts = evaluation.rules.entry(f.rule).or_default();
            match &case.expected {
                Some(e) if !matched && matches(f, e) => {
                    counts.true_positives += 1;
                    matched = true;
                }
                _ => {
                    counts.false_positives += 1;
                    exactly_right = false;
                }
            }
        }
        if let Some(e) = &case.expected {
            if !matched {
                evaluation.rules.entry(e.rule).or_default().misses += 1;
                exactly_right = false;
            }
        }
        let kind = evaluation.kinds.entry(case.kind.clone()).or_default();
        kind.positive |= case.expected.is_some();
        kind.cases += 1;
        if exactly_right {
            kind.correct += 1;
        } else {
            evaluation.failures.push(Failure {
                case: case.clone(),
                findings,
            });
        }
    }
    Ok(evaluation)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id\tglossary\texpect\tconcept\tfound\tkind\ttext\n";

    #[test]
    fn parses_positive_and_negative_cases() {
        let text = format!(
            "{HEADER}a\tbundled\tgarbled-term\tworkercn\tWorkercm\ttypo\tRead Workercm today.\n\
             b\tbundled\tnone\t\t\tcorrect-form\tRead Workercn today.\n"
        );
        let cases = parse_cases(&text, "cases.tsv").unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(
            cases[0].expected,
            Some(Expected {
                rule: Rule::GarbledTerm,
                concept: "workercn".into(),
                found: "Workercm".into()
            })
        );
        assert_eq!(cases[1].expected, None);
        assert_eq!(cases[1].line, 3);
    }

    #[test]
    fn malformed_rows_are_errors_with_their_line() {
        let text = format!(
            "{HEADER}a\tbundled\tgarbled-term\tworkercn\tWorkercm\ttypo\tno such word here\n\
             b\tbundled\tmisspelt-rule\tx\ty\ttypo\ty\n\
             c\tbundled\tnone\n\
             c\tbundled\tnone\t\t\tk\tt\n\
             c\tbundled\tnone\t\t\tk\tt\n"
        );
        let errors = parse_cases(&text, "cases.tsv").unwrap_err();
        let lines: Vec<u64> = errors.iter().map(|e| e.location.unwrap().line).collect();
        assert_eq!(lines, vec![2, 3, 4, 6], "{errors:?}");
        assert!(errors[0].message.contains("not in the text"));
        assert!(errors[3].message.contains("used again"));
        assert!(parse_cases("id\ttext\n", "x.tsv").is_err());
    }

    #[test]
    fn counts_a_wrong_span_as_a_false_positive_and_a_miss() {
        let text = format!(
            "{HEADER}a\tbundled\tforbidden-term\twechat-account\tMicrosignal\texact\tFollow the Microsignal now.\n\
             b\tbundled\tforbidden-term\twechat-account\tthe Microsignal\texact\tFollow the Microsignal now.\n\
             c\tbundled\tnone\t\t\tcorrect-form\tFollow the WeChat account now.\n"
        );
        let cases = parse_cases(&text, "cases.tsv").unwrap();
        let e = evaluate(&cases, Path::new("."), crate::fuzzy::DEFAULT_THRESHOLD).unwrap();
        let forbidden = e.rule(Rule::ForbiddenTerm);
        assert_eq!(
            forbidden,
            Counts {
                true_positives: 1,
                false_positives: 1,
                misses: 1
            }
        );
        assert_eq!(forbidden.precision(), 0.5);
        assert_eq!(e.failures.len(), 1);
        assert_eq!(e.failures[0].case.id, "b");
        assert_eq!(e.kinds["correct-form"].correct, 1);
        assert!(e.render().contains("line 3 b [exact]"), "{}", e.render());
    }
}
