//! `--format json` and `--format jsonl`, parsed back strictly (`deny_unknown_fields`): the
//! document shape is a contract, and every finding agrees with the CSV report.

mod common;

use std::collections::BTreeMap;

use common::{parse_csv, repo_root, scratch, termcheck, termcheck_in, TEST_GLOSSARY};
use serde::Deserialize;
use termcheck::report::csv::ReportRow;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Document {
    schema_version: u32,
    tool: Tool,
    glossaries: Vec<Glossary>,
    summary: Summary,
    skipped: Vec<String>,
    errors: Vec<ErrorEntry>,
    findings: Vec<Finding>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Tool {
    name: String,
    version: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Glossary {
    name: String,
    concepts: usize,
    sha256: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Summary {
    files_checked: usize,
    files_with_findings: usize,
    findings: usize,
    by_rule: BTreeMap<String, usize>,
    by_severity: BTreeMap<String, usize>,
    skipped: usize,
    errors: usize,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct ErrorEntry {
    file: String,
    location: Option<Location>,
    message: String,
    checked: bool,
}

#[derive(Debug, Deserialize, PartialEq, Clone, Copy)]
#[serde(deny_unknown_fields)]
struct Location {
    line: u64,
    column: u64,
    byte_offset: u64,
}

#[derive(Debug, Deserialize, PartialEq, Clone)]
#[serde(deny_unknown_fields)]
struct Excerpt {
    text: String,
    highlight_start: usize,
    highlight_width: usize,
}

#[derive(Debug, Deserialize, PartialEq, Clone)]
#[serde(deny_unknown_fields)]
struct Finding {
    file: String,
    rule: String,
    severity: String,
    concept: String,
    found: String,
    expected: String,
    message: String,
    note: String,
    context: String,
    start: Location,
    end: Location,
    excerpt: Excerpt,
    score: Option<f64>,
    unit: Option<String>,
    fingerprint: String,
}

#[track_caller]
fn assert_matches_csv(f: &Finding, row: &ReportRow) {
    assert_eq!(f.file, row.file);
    assert_eq!((f.start.line, f.start.column), (row.line, row.column));
    assert_eq!((f.end.line, f.end.column), (row.end_line, row.end_column));
    assert_eq!(
        (f.start.byte_offset, f.end.byte_offset),
        (row.byte_offset, row.byte_end)
    );
    assert_eq!(f.rule, row.rule);
    assert_eq!(f.severity, row.severity);
    assert_eq!(f.concept, row.concept);
    assert_eq!(f.found, row.found);
    assert_eq!(f.expected, row.expected);
    assert_eq!(f.message, row.message);
    assert_eq!(f.context, row.context);
    assert_eq!(f.note, row.note);
    assert_eq!(f.unit.clone().unwrap_or_default(), row.unit);
    assert_eq!(
        f.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
        row.score
    );
}

fn parse_document(text: &str) -> Document {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("JSON report parses ({e}):\n{text}"))
}

#[test]
fn the_samples_document_holds_everything_the_csv_does_and_the_summary() {
    let run = termcheck(&["check", "samples/", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let doc = parse_document(&run.stdout);
    assert_eq!(doc.schema_version, 1);
    assert_eq!(doc.tool.name, "termcheck");
    assert_eq!(doc.tool.version, env!("CARGO_PKG_VERSION"));

    let bundled = std::fs::read(repo_root().join("glossaries/zh-en-trade-union-news.csv")).unwrap();
    assert_eq!(
        doc.glossaries,
        vec![Glossary {
            name: "bundled:zh-en-trade-union-news.csv".into(),
            concepts: 61,
            sha256: termcheck::fingerprint::sha256_hex(&bundled),
        }]
    );

    let csv = parse_csv(&termcheck(&["check", "samples/", "--format", "csv"]).stdout);
    assert_eq!(doc.findings.len(), csv.len());
    let sarif: serde_json::Value =
        serde_json::from_str(&termcheck(&["check", "samples/", "--format", "sarif"]).stdout)
            .unwrap();
    for (i, (f, row)) in doc.findings.iter().zip(&csv).enumerate() {
        assert_matches_csv(f, row);
        assert_eq!(
            f.fingerprint, sarif["runs"][0]["results"][i]["partialFingerprints"]["termcheck/v1"],
            "JSON and SARIF fingerprints agree"
        );
        let highlighted: String = f
            .excerpt
            .text
            .chars()
            .skip(f.excerpt.highlight_start)
            .take(f.excerpt.highlight_width)
            .collect();
        if f.found.is_empty() {
            // A term missing from the target has no text of its own: one character marks where.
            assert!(f.excerpt.highlight_width <= 1, "{f:?}");
        } else {
            assert!(
                f.found.starts_with(&highlighted) || highlighted.is_empty(),
                "{highlighted:?} underlines {:?}",
                f.found
            );
        }
    }

    let count = |pick: &dyn Fn(&ReportRow) -> &str, key: &str| {
        csv.iter().filter(|r| pick(r) == key).count()
    };
    assert_eq!(doc.summary.files_checked, 6);
    assert_eq!(doc.summary.files_with_findings, 5);
    assert_eq!(doc.summary.findings, 32);
    for info in termcheck::rules::RULES {
        assert_eq!(
            doc.summary.by_rule[info.id],
            count(&|r| r.rule.as_str(), info.id),
            "{}",
            info.id
        );
    }
    for severity in ["error", "warning", "info"] {
        assert_eq!(
            doc.summary.by_severity[severity],
            count(&|r| r.severity.as_str(), severity)
        );
    }
    assert_eq!((doc.summary.skipped, doc.summary.errors), (0, 0));
    assert!(doc.skipped.is_empty() && doc.errors.is_empty());
}

#[test]
fn user_glossaries_are_hashed_and_errors_and_skips_listed() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("d/a.txt", "上海 CAMCE.\n".as_bytes()),
        ("d/bin.txt", b"\0\0\0binary"),
        ("d/bad.txt", b"ok\n\xFF\n"),
    ]);
    let run = termcheck_in(
        dir.path(),
        &["check", "d", "-g", "g.csv", "--format", "json"],
        b"",
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let doc = parse_document(&run.stdout);
    assert_eq!(doc.glossaries.len(), 1);
    assert_eq!(doc.glossaries[0].name, "g.csv");
    assert_eq!(
        doc.glossaries[0].sha256,
        termcheck::fingerprint::sha256_hex(TEST_GLOSSARY.as_bytes())
    );
    assert_eq!(doc.skipped, vec!["d/bin.txt".to_string()]);
    assert_eq!(doc.errors.len(), 1);
    assert_eq!(doc.errors[0].file, "d/bad.txt");
    assert_eq!(doc.errors[0].location.map(|l| l.line), Some(2));
    assert!(
        !doc.errors[0].checked,
        "an undecodable file has no findings"
    );
    assert_eq!((doc.summary.skipped, doc.summary.errors), (1, 1));
    let f = &doc.findings[0];
    assert_eq!(f.file, "d/a.txt");
    assert_eq!((f.start.column, f.start.byte_offset), (4, 7));
    assert_eq!((f.end.column, f.end.byte_offset), (9, 12));
}

#[test]
fn json_lines_are_the_document_findings_one_per_line() {
    let doc = parse_document(&termcheck(&["check", "samples/", "--format", "json"]).stdout);
    let run = termcheck(&["check", "samples/", "--format", "jsonl"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.ends_with('\n'));
    let lines: Vec<Finding> = run
        .stdout
        .lines()
        .map(|line| {
            assert!(line.starts_with('{') && line.ends_with('}'), "{line}");
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"))
        })
        .collect();
    assert_eq!(lines, doc.findings);

    let clean = termcheck(&[
        "check",
        "samples/clean-award-ceremony.txt",
        "--format",
        "jsonl",
    ]);
    assert_eq!((clean.code, clean.stdout.as_str()), (0, ""));
}

#[test]
fn machine_formats_are_identical_for_any_thread_count() {
    let mut files: Vec<(String, Vec<u8>)> =
        vec![("g.csv".into(), TEST_GLOSSARY.as_bytes().to_vec())];
    for i in 0..30 {
        let body = format!(
            "Doc {i}. {}The CAMCE site. The Shanghai Trade Union met.\n",
            "Filler words here. ".repeat(i * 5)
        );
        files.push((format!("batch/f{i:02}.txt"), body.into_bytes()));
    }
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let dir = scratch(&refs);
    for format in ["json", "jsonl", "sarif", "github", "html"] {
        let run = |threads: &str| {
            termcheck_in(
                dir.path(),
                &[
                    "check", "batch", "-g", "g.csv", "--format", format, "-j", threads,
                ],
                b"",
            )
            .stdout
        };
        let one = run("1");
        assert!(one.contains("CAMCE"), "{format}: {one}");
        assert_eq!(one, run("4"), "{format} differs between 1 and 4 threads");
    }
}
