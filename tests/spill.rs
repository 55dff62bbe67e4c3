//! Findings spilled to temporary files make the same reports, byte for byte, as findings kept
//! in memory: through the built binary (a tiny budget set by `TERMCHECK_FINDINGS_BUDGET`) for
//! every report format, thread count, baselines, batch consistency and a configuration policy;
//! and through the library for the second read of a huge document. Spill files are gone
//! afterwards, also when a document fails half-way.

mod common;

use std::io::Read;
use std::process::Command;

use termcheck::check::{Checker, Outcome};
use termcheck::findings::SpillBudget;
use termcheck::fuzzy::{FuzzyIndex, WordCache, DEFAULT_THRESHOLD};
use termcheck::glossary::Glossary;
use termcheck::markdown::Markup;
use termcheck::matcher::TermMatcher;
use termcheck::report::{write_report, Format, ReportOptions};
use termcheck::rules::RuleSet;
use termcheck::run::{FileReport, RunReport};

use common::scratch;

/// Every rule has something to find, and one concept accepts a form (`x-allow`).
const GLOSSARY: &str = "id,preferred,admitted,deprecated,forbidden\n\
ftu,Shanghai Federation of Trade Unions,,Shanghai Trade Union,Municipal General Assembly\n\
web,Workercn,,,China Industrial Network|CAMCE\n\
staff,workers and staff,employees,,\n\
union,labor union,labour union,,\n";

/// A long document: hundreds of findings of every rule, several on a line, with ignore
/// directives among them.
fn long_document(lines: usize) -> String {
    let mut text = String::new();
    for i in 0..lines {
        let line = match i % 6 {
            0 => format!("{i}. The CAMCE site and the Municipal General Assembly; CAMCE again.\n"),
            1 => format!("{i}: the Shanghai Federaton of Trade Unions met the Shanghai Trade Union.\n"),
            2 => format!("{i}. The employees met. Workers and staff left. The labour union voted.\n"),
            3 => format!("{i}. The labor union and the labour union. # termcheck: ignore forbidden-term CAMCE\n"),
            4 => format!("{i}. CAMCE <!-- termcheck: ignore-next-line -->\n"),
            _ => format!("{i}. The China Industrial Network, the Shanghai Trade Union, CAMCE.\n"),
        };
        text.push_str(&line);
    }
    text
}

fn files() -> Vec<(String, Vec<u8>)> {
    let mut files = vec![
        ("g.csv".to_string(), GLOSSARY.as_bytes().to_vec()),
        ("docs/long.txt".to_string(), long_document(600).into_bytes()),
        (
            "docs/bilingual.xlf".to_string(),
            std::fs::read(common::repo_root().join("samples/bilingual/skills-contest.xlf"))
                .unwrap(),
        ),
    ];
    for i in 0..12 {
        files.push((
            format!("docs/small/s{i:02}.md"),
            long_document(i * 3 + 1).into_bytes(),
        ));
    }
    files
}

struct Out {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

/// `termcheck ARGS` in `dir`, with the findings budget set when given.
fn run(dir: &std::path::Path, args: &[&str], budget: Option<usize>) -> Out {
    let mut command = Command::new(env!("CARGO_BIN_EXE_termcheck"));
    command.args(args).current_dir(dir).env("NO_COLOR", "1");
    match budget {
        Some(b) => command.env("TERMCHECK_FINDINGS_BUDGET", b.to_string()),
        None => command.env_remove("TERMCHECK_FINDINGS_BUDGET"),
    };
    let out = command.output().expect("termcheck runs");
    Out {
        code: out.status.code().expect("exited normally"),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The text report's one line that holds the time taken.
fn untimed(bytes: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    text.lines()
        .filter(|l| !l.starts_with("Checked "))
        .flat_map(|l| l.bytes().chain(*b"\n"))
        .collect()
}

/// Runs `args` in memory and with a budget that spills every few findings, and with 1 and 4
/// threads; every run must give the first one's bytes and exit code.
#[track_caller]
fn same_spilled_or_not(dir: &std::path::Path, args: &[&str]) -> Vec<u8> {
    let mut reference: Option<(i32, Vec<u8>)> = None;
    for threads in ["1", "4"] {
        for budget in [None, Some(6_000), Some(1)] {
            let mut all = args.to_vec();
            all.extend(["-j", threads]);
            let out = run(dir, &all, budget);
            assert!(out.code <= 1, "{all:?} {budget:?}: {}", out.stderr);
            let got = (out.code, untimed(&out.stdout));
            match &reference {
                None => reference = Some(got),
                Some(r) => assert!(
                    *r == got,
                    "{all:?} with budget {budget:?} differs from the in-memory run"
                ),
            }
        }
    }
    reference.unwrap().1
}

#[test]
fn every_format_is_byte_identical_spilled_or_not() {
    let files = files();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let dir = scratch(&refs);
    for format in ["csv", "text", "json", "jsonl", "sarif", "github", "html"] {
        let out = same_spilled_or_not(
            dir.path(),
            &["check", "docs", "-g", "g.csv", "--format", format],
        );
        if format == "csv" {
            let rows = out.iter().filter(|&&b| b == b'\n').count();
            assert!(rows > 900, "the run has many findings to spill: {rows}");
        }
    }
    let verbose = run(
        dir.path(),
        &["check", "docs", "-g", "g.csv", "--format", "csv", "-v"],
        Some(6_000),
    );
    assert!(
        verbose.stderr.contains("of them in temporary files"),
        "the small budget spills: {}",
        verbose.stderr
    );
    same_spilled_or_not(
        dir.path(),
        &[
            "check",
            "docs",
            "-g",
            "g.csv",
            "--format",
            "text",
            "--statistics",
        ],
    );
    same_spilled_or_not(
        dir.path(),
        &[
            "check",
            "docs",
            "-g",
            "g.csv",
            "--format",
            "csv",
            "--consistency",
            "batch",
        ],
    );
}

#[test]
fn baselines_and_policies_are_the_same_spilled_or_not() {
    let mut files = files();
    files.push((
        "termcheck.toml".to_string(),
        b"glossaries = [\"g.csv\"]\nignore-concepts = [\"staff\"]\n\n[rules]\ngarbled-term = \"error\"\n\n[[overrides]]\npaths = [\"docs/small/**\"]\nrules = { forbidden-term = \"info\", deprecated-term = \"off\" }\n".to_vec(),
    ));
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let dir = scratch(&refs);
    let policy = same_spilled_or_not(dir.path(), &["check", "docs", "--format", "csv"]);
    assert!(
        policy.windows(4).any(|w| w == b"info"),
        "the override applies"
    );
    // A baseline of half the findings: written from a run of the first half of the files.
    let written = run(
        dir.path(),
        &[
            "check",
            "docs/small",
            "--write-baseline",
            "base.txt",
            "--format",
            "csv",
        ],
        Some(1),
    );
    assert!(written.code <= 1, "{}", written.stderr);
    let whole = run(
        dir.path(),
        &[
            "check",
            "docs/small",
            "--write-baseline",
            "base-mem.txt",
            "--format",
            "csv",
        ],
        None,
    );
    assert_eq!(written.stdout, whole.stdout);
    assert_eq!(
        std::fs::read(dir.path().join("base.txt")).unwrap(),
        std::fs::read(dir.path().join("base-mem.txt")).unwrap()
    );
    let filtered = same_spilled_or_not(
        dir.path(),
        &[
            "check",
            "docs",
            "--baseline",
            "base.txt",
            "--format",
            "json",
        ],
    );
    let all = same_spilled_or_not(dir.path(), &["check", "docs", "--format", "json"]);
    assert!(filtered.len() < all.len(), "the baseline removes findings");
}

fn checker_parts() -> (Glossary, TermMatcher) {
    let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").unwrap();
    let matcher = TermMatcher::new(&glossary);
    (glossary, matcher)
}

fn csv_of(path: &str, findings: termcheck::findings::Findings) -> Vec<u8> {
    let run = RunReport {
        files: vec![FileReport {
            path: path.into(),
            findings,
            occurrences: Vec::new(),
            suppressions: Vec::new(),
        }],
        ..RunReport::default()
    };
    let mut out = Vec::new();
    for format in [Format::Csv, Format::Json, Format::Sarif, Format::Text] {
        let options = ReportOptions {
            quiet: format == Format::Text,
            ..ReportOptions::default()
        };
        write_report(&run, format, options, &mut out).unwrap();
    }
    out
}

/// A document past the text kept for `inconsistent-term` is read twice; the findings of the
/// second read are merged by position among the spilled ones of the first.
#[test]
fn the_second_read_of_a_huge_document_merges_into_spilled_findings() {
    let (glossary, matcher) = checker_parts();
    let fuzzy = FuzzyIndex::new(&glossary, DEFAULT_THRESHOLD);
    let text = long_document(900);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    std::fs::write(&path, &text).unwrap();
    let check = |budget: SpillBudget| {
        let checker = Checker::new(&glossary, &matcher, RuleSet::all())
            .with_fuzzy(&fuzzy)
            .with_kept_text_limit(1_000)
            .with_spill_budget(budget);
        let reopen = || std::fs::File::open(&path).map(|f| Box::new(f) as Box<dyn Read + Send>);
        let first = std::fs::File::open(&path).unwrap();
        match checker
            .check_reopenable(
                first,
                false,
                Markup::Plain,
                &mut WordCache::default(),
                &reopen,
            )
            .unwrap()
        {
            Outcome::Checked(doc) => doc.findings,
            Outcome::SkippedBinary => unreachable!(),
        }
    };
    let spill_dir = tempfile::tempdir().unwrap();
    let budget = SpillBudget::in_dir(8_000, spill_dir.path());
    let in_memory = check(SpillBudget::new(usize::MAX));
    let spilled = check(budget.clone());
    assert_eq!(in_memory.spilled(), 0);
    assert!(spilled.spilled() > 0, "the tiny budget spills");
    assert!(
        in_memory
            .iter()
            .any(|f| f.rule == termcheck::rules::Rule::InconsistentTerm),
        "the second read reports inconsistencies"
    );
    assert_eq!(csv_of("long.txt", spilled), csv_of("long.txt", in_memory));
    assert!(!budget.has_spill_file(), "dropped with the findings");
}

/// A reader that fails after `left` bytes.
struct FailingReader<R> {
    inner: R,
    left: usize,
}

impl<R: Read> Read for FailingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            return Err(std::io::Error::other("disk on fire"));
        }
        let n = buf.len().min(self.left);
        let n = self.inner.read(&mut buf[..n])?;
        self.left -= n;
        Ok(n)
    }
}

#[test]
fn a_document_that_fails_half_way_leaves_no_spill_file() {
    let (glossary, matcher) = checker_parts();
    let text = long_document(3_000);
    let spill_dir = tempfile::tempdir().unwrap();
    let budget = SpillBudget::in_dir(4_000, spill_dir.path());
    let checker = Checker::new(&glossary, &matcher, RuleSet::all())
        .with_block_sizes(termcheck::input::blocks::BlockSizes {
            block: 4096,
            overlap: 256,
        })
        .with_spill_budget(budget.clone());
    let reader = FailingReader {
        inner: text.as_bytes(),
        left: text.len() / 2,
    };
    match checker.check_reader(text.as_bytes(), false).unwrap() {
        Outcome::Checked(doc) => assert!(doc.findings.spilled() > 0, "the whole text spills"),
        Outcome::SkippedBinary => unreachable!(),
    }
    assert!(!budget.has_spill_file());
    let got = checker.check_reader(reader, false);
    assert!(got.is_err());
    assert!(!budget.has_spill_file());
    assert_eq!(budget.held(), 0);
    assert_eq!(std::fs::read_dir(spill_dir.path()).unwrap().count(), 0);
}
