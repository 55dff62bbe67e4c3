//! `--write-baseline` and `--baseline`: known findings stay quiet, new ones are reported.

mod common;

use common::{parse_csv, scratch, termcheck_in, TEST_GLOSSARY};

const DRAFT: &str = "\
The Municipal General Assembly met on Monday.
Readers of CAMCE were told.
";

#[test]
fn a_baseline_survives_lines_inserted_above_and_reports_new_errors() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("draft.txt", DRAFT.as_bytes()),
    ]);
    let write = termcheck_in(
        dir.path(),
        &[
            "check",
            "draft.txt",
            "-g",
            "g.csv",
            "--write-baseline",
            "known.txt",
        ],
        b"",
    );
    assert_eq!(
        write.code, 0,
        "recorded findings are not reported: {}",
        write.stderr
    );
    let recorded = std::fs::read_to_string(dir.path().join("known.txt")).unwrap();
    assert!(recorded.starts_with("termcheck-baseline 2\n"), "{recorded}");
    assert_eq!(recorded.lines().count(), 3, "{recorded}");
    assert!(
        write
            .stderr
            .contains("wrote 2 findings to the baseline known.txt"),
        "{}",
        write.stderr
    );

    // Without the baseline the findings are there.
    let plain = termcheck_in(dir.path(), &["check", "draft.txt", "-g", "g.csv"], b"");
    assert_eq!(plain.code, 1);

    // Lines inserted above move every finding; the baseline still knows them.
    let moved = format!("A title\n\nAn intro paragraph.\n\n{DRAFT}");
    std::fs::write(dir.path().join("draft.txt"), &moved).unwrap();
    let run = termcheck_in(
        dir.path(),
        &[
            "check",
            "draft.txt",
            "-g",
            "g.csv",
            "--baseline",
            "known.txt",
            "--format",
            "csv",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .contains("2 findings known to the baseline known.txt not reported"),
        "{}",
        run.stderr
    );
    assert!(parse_csv(&run.stdout).is_empty(), "{}", run.stdout);

    // A new error is reported, and only it.
    let grown = format!("{moved}Then China Industrial Network said so.\n");
    std::fs::write(dir.path().join("draft.txt"), grown).unwrap();
    let run = termcheck_in(
        dir.path(),
        &[
            "check",
            "draft.txt",
            "-g",
            "g.csv",
            "--baseline",
            "known.txt",
            "--format",
            "csv",
        ],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    assert_eq!(rows.len(), 1, "{}", run.stdout);
    assert_eq!(rows[0].found, "China Industrial Network");
    assert_eq!(rows[0].line, 7);
}

#[test]
fn a_second_identical_sentence_is_a_new_finding() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("draft.txt", b"CAMCE said so.\n"),
    ]);
    let args = ["check", "draft.txt", "-g", "g.csv"];
    let write = termcheck_in(
        dir.path(),
        &[&args[..], &["--write-baseline", "b.txt"]].concat(),
        b"",
    );
    assert_eq!(write.code, 0, "{}", write.stderr);
    std::fs::write(
        dir.path().join("draft.txt"),
        "CAMCE said so.\nCAMCE said so.\n",
    )
    .unwrap();
    let run = termcheck_in(
        dir.path(),
        &[&args[..], &["--baseline", "b.txt", "--format", "csv"]].concat(),
        b"",
    );
    assert_eq!(run.code, 1);
    assert_eq!(parse_csv(&run.stdout).len(), 1, "{}", run.stdout);
}

#[test]
fn a_malformed_baseline_is_an_error_with_its_position() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("draft.txt", DRAFT.as_bytes()),
        (
            "bad.txt",
            b"termcheck-baseline 1\n0123456789abcdef\tforbidden-term\tdraft.txt\tftu\n",
        ),
        ("old.txt", b"some other file\n"),
    ]);
    let run = termcheck_in(
        dir.path(),
        &["check", "draft.txt", "-g", "g.csv", "--baseline", "bad.txt"],
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty(), "nothing is checked: {}", run.stdout);
    assert!(
        run.stderr
            .starts_with("termcheck: error: bad.txt:2:1: expected 5 tab-separated fields"),
        "{}",
        run.stderr
    );
    let run = termcheck_in(
        dir.path(),
        &["check", "draft.txt", "-g", "g.csv", "--baseline", "old.txt"],
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("old.txt:1:1: not a termcheck baseline"),
        "{}",
        run.stderr
    );
    let run = termcheck_in(
        dir.path(),
        &[
            "check",
            "draft.txt",
            "-g",
            "g.csv",
            "--baseline",
            "missing.txt",
        ],
        b"",
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn the_baseline_file_is_deterministic() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("a.txt", DRAFT.as_bytes()),
        ("b.txt", DRAFT.as_bytes()),
    ]);
    let mut outputs = Vec::new();
    for threads in ["1", "2"] {
        let run = termcheck_in(
            dir.path(),
            &[
                "check",
                ".",
                "-g",
                "g.csv",
                "-j",
                threads,
                "--write-baseline",
                "baseline.tsv",
            ],
            b"",
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        outputs.push(std::fs::read_to_string(dir.path().join("baseline.tsv")).unwrap());
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0].lines().count(), 5, "{}", outputs[0]);
}

/// `-o` and `--write-baseline` to a device or pipe write into it: renaming a temporary file
/// over `/dev/null` would replace the device with a plain file for every program on the
/// machine.
#[cfg(unix)]
#[test]
fn outputs_that_are_not_regular_files_are_written_in_place() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;

    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("draft.txt", DRAFT.as_bytes()),
    ]);
    for flag in ["-o", "--write-baseline"] {
        let fifo = dir.path().join("pipe");
        let _ = std::fs::remove_file(&fifo);
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                let mut text = String::new();
                std::fs::File::open(fifo)
                    .unwrap()
                    .read_to_string(&mut text)
                    .unwrap();
                text
            })
        };
        let run = termcheck_in(
            dir.path(),
            &["check", "draft.txt", "-g", "g.csv", flag, "pipe"],
            b"",
        );
        let text = reader.join().unwrap();
        assert!(run.code <= 1, "{flag}: {}", run.stderr);
        assert!(text.contains("CAMCE"), "{flag}: {text}");
        let kind = std::fs::metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo(), "{flag}: the pipe is still a pipe");
    }
}

/// One fingerprint: the baseline records each finding by the fingerprint the JSON report and
/// SARIF's `partialFingerprints` give it.
#[test]
fn the_baseline_holds_the_fingerprints_of_the_json_and_sarif_reports() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("draft.txt", DRAFT.as_bytes()),
    ]);
    let args = ["check", "draft.txt", "-g", "g.csv"];
    let write = termcheck_in(
        dir.path(),
        &[&args[..], &["--write-baseline", "b.tsv"]].concat(),
        b"",
    );
    assert_eq!(write.code, 0, "{}", write.stderr);
    let baseline = std::fs::read_to_string(dir.path().join("b.tsv")).unwrap();
    let recorded: Vec<(String, String)> = baseline
        .lines()
        .skip(1)
        .map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            (fields[2].to_string(), fields[0].to_string())
        })
        .collect();
    assert!(!recorded.is_empty());

    let json = termcheck_in(
        dir.path(),
        &[&args[..], &["--format", "json"]].concat(),
        b"",
    );
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let from_json: Vec<(String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["fingerprint"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(recorded, from_json);

    let sarif = termcheck_in(
        dir.path(),
        &[&args[..], &["--format", "sarif"]].concat(),
        b"",
    );
    let sarif: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let from_sarif: Vec<String> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["partialFingerprints"]["termcheck/v1"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let prints: Vec<String> = recorded.into_iter().map(|(_, p)| p).collect();
    assert_eq!(prints, from_sarif);
}

/// Baselines written before version 2 (FNV-1a fingerprints) keep working.
#[test]
fn a_version_1_baseline_is_still_read() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        (
            "draft.txt",
            b"CAMCE said so.\nThen China Industrial Network said so.\n",
        ),
    ]);
    let finding = |found: &str, context: &str| termcheck::finding::Finding {
        rule: termcheck::rules::Rule::ForbiddenTerm,
        severity: termcheck::finding::Severity::Error,
        concept: "workercn".into(),
        found: found.into(),
        expected: String::new(),
        message: String::new(),
        note: String::new(),
        context: context.into(),
        start: Default::default(),
        end: Default::default(),
        excerpt: Default::default(),
        score: None,
        unit: None,
    };
    let print = termcheck::baseline::legacy_fingerprint(
        "draft.txt",
        &finding("CAMCE", "CAMCE said so."),
        0,
    );
    std::fs::write(
        dir.path().join("v1.tsv"),
        format!("termcheck-baseline 1\n{print:016x}\tforbidden-term\tdraft.txt\tworkercn\tCAMCE\n"),
    )
    .unwrap();
    let run = termcheck_in(
        dir.path(),
        &[
            "check",
            "draft.txt",
            "-g",
            "g.csv",
            "--baseline",
            "v1.tsv",
            "--format",
            "csv",
        ],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    assert_eq!(rows.len(), 1, "{}", run.stdout);
    assert_eq!(rows[0].found, "China Industrial Network");
}
