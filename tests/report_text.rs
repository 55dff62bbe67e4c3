//! The text report's summary and `--statistics`.

mod common;

use common::{parse_csv, scratch, termcheck, termcheck_in, TEST_GLOSSARY};

#[test]
fn the_summary_counts_findings_per_rule_and_times_the_run() {
    let run = termcheck(&["check", "samples/"]);
    assert_eq!(run.code, 1);
    let csv = parse_csv(&termcheck(&["check", "samples/", "--format", "csv"]).stdout);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let n = lines.len();
    assert_eq!(
        lines[n - 1],
        "Found 32 findings (22 errors, 8 warnings, 2 infos) in 5 of 6 files."
    );
    let timed = lines[n - 2]
        .strip_prefix("Checked 6 files in ")
        .and_then(|t| t.strip_suffix("s."))
        .unwrap_or_else(|| panic!("a time line: {}", lines[n - 2]));
    assert!(timed.parse::<f64>().is_ok(), "{timed}");
    // Rules without findings are left out of the summary.
    let per_rule: Vec<String> = termcheck::rules::RULES
        .iter()
        .filter_map(|info| {
            let count = csv.iter().filter(|r| r.rule == info.id).count();
            (count > 0).then(|| format!("{count:>2}  {}[{}]", info.severity, info.id))
        })
        .collect();
    assert_eq!(
        per_rule.len(),
        7,
        "the samples hold findings of seven rules"
    );
    assert_eq!(lines[n - 2 - per_rule.len()..n - 2], per_rule[..]);

    let quiet = termcheck(&["check", "samples/", "--quiet"]);
    assert!(!quiet.stdout.contains("Checked"), "{}", quiet.stdout);
    assert!(
        !quiet.stdout.contains("[forbidden-term]\n"),
        "{}",
        quiet.stdout
    );
}

#[test]
fn statistics_count_findings_per_rule_and_concept() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        (
            "d.txt",
            "The CAMCE site. CAMCE again. The Municipal General Assembly met.\n".as_bytes(),
        ),
    ]);
    let run = termcheck_in(
        dir.path(),
        &["check", "d.txt", "-g", "g.csv", "--statistics"],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "\
2  forbidden-term  workercn      Workercn
1  forbidden-term  shanghai-ftu  Shanghai Federation of Trade Unions
"
    );
    let both = termcheck_in(
        dir.path(),
        &[
            "check",
            "d.txt",
            "-g",
            "g.csv",
            "--statistics",
            "--format",
            "csv",
        ],
        b"",
    );
    assert_eq!(both.code, 2);
    assert!(both.stderr.contains("--statistics"), "{}", both.stderr);
}

#[test]
fn the_underline_stands_under_wide_characters_as_a_terminal_shows_them() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        (
            "d.txt",
            "上海市总工会（Municipal General Assembly）开会。\n".as_bytes(),
        ),
    ]);
    let run = termcheck_in(dir.path(), &["check", "d.txt", "-g", "g.csv"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let text = lines.iter().position(|l| l.starts_with("1 | ")).unwrap();
    // Six Chinese characters and a full-width parenthesis: fourteen columns before the term.
    assert_eq!(
        lines[text + 1],
        format!("  | {}{}", " ".repeat(14), "^".repeat(26)),
        "{}",
        run.stdout
    );
}
