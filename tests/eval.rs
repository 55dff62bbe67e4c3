//! The quality bar of the rules, measured on the labelled set in `tests/eval/` (see its
//! README): the suite fails when garbled-term precision drops below 0.95 or recall below 0.90,
//! or when an exact rule misses or misreports a single case.

mod common;

use std::collections::BTreeSet;

use common::{repo_root, termcheck};
use termcheck::eval::{evaluate, parse_cases, BUNDLED};
use termcheck::fuzzy::DEFAULT_THRESHOLD;
use termcheck::rules::Rule;

fn cases() -> Vec<termcheck::eval::Case> {
    let path = repo_root().join("tests/eval/cases.tsv");
    let text = std::fs::read_to_string(&path).expect("labelled set exists");
    parse_cases(&text, "tests/eval/cases.tsv").expect("labelled set parses")
}

#[test]
fn the_labelled_set_is_large_and_balanced() {
    let cases = cases();
    assert!(cases.len() >= 400, "{} cases", cases.len());
    let positives = cases.iter().filter(|c| c.expected.is_some()).count();
    let negatives = cases.len() - positives;
    let garbled = cases
        .iter()
        .filter(|c| {
            c.expected
                .as_ref()
                .is_some_and(|e| e.rule == Rule::GarbledTerm)
        })
        .count();
    assert!(
        negatives >= garbled,
        "{negatives} hard negatives for {garbled} garbled positives"
    );
    let concepts: BTreeSet<(&str, &str)> = cases
        .iter()
        .filter_map(|c| {
            c.expected
                .as_ref()
                .map(|e| (c.glossary.as_str(), e.concept.as_str()))
        })
        .collect();
    assert!(concepts.len() >= 30, "{} concepts", concepts.len());
    let glossaries: BTreeSet<&str> = cases.iter().map(|c| c.glossary.as_str()).collect();
    assert!(
        glossaries.contains(BUNDLED) && glossaries.len() >= 2,
        "{glossaries:?}"
    );
}

#[test]
fn precision_and_recall_meet_the_bar() {
    let evaluation = evaluate(
        &cases(),
        &repo_root().join("tests/eval/glossaries"),
        DEFAULT_THRESHOLD,
    )
    .expect("glossaries load");
    let report = evaluation.render();
    for rule in [Rule::ForbiddenTerm, Rule::DeprecatedTerm] {
        let c = evaluation.rule(rule);
        assert!(c.true_positives > 0, "{rule}: no positive case\n{report}");
        assert_eq!(c.precision(), 1.0, "{rule} precision\n{report}");
        assert_eq!(c.recall(), 1.0, "{rule} recall\n{report}");
    }
    let garbled = evaluation.rule(Rule::GarbledTerm);
    assert!(garbled.true_positives > 0, "{report}");
    assert!(
        garbled.precision() >= 0.95,
        "garbled-term precision {:.3}\n{report}",
        garbled.precision()
    );
    assert!(
        garbled.recall() >= 0.90,
        "garbled-term recall {:.3}\n{report}",
        garbled.recall()
    );
}

#[test]
fn eval_command_prints_the_table() {
    let run = termcheck(&["eval", "tests/eval/cases.tsv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for rule in [
        "forbidden-term",
        "deprecated-term",
        "garbled-term",
        "overall",
    ] {
        assert!(
            run.stdout.lines().any(|l| l.starts_with(rule)),
            "{rule} row missing:\n{}",
            run.stdout
        );
    }
    assert!(run.stdout.contains("different-place"), "{}", run.stdout);
}

#[test]
fn eval_command_rejects_a_malformed_set_with_its_line() {
    let dir = common::scratch(&[(
        "cases.tsv",
        b"id\tglossary\texpect\tconcept\tfound\tkind\ttext\nx\tbundled\tgarbled\tc\tf\tk\tf\n",
    )]);
    let run = common::termcheck_in(dir.path(), &["eval", "cases.tsv"], b"");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("cases.tsv:2:1:"), "{}", run.stderr);
}
