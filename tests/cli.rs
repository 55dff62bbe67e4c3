//! The `termcheck` binary end to end: exit codes, stdout, stderr, reports parsed back.

mod common;

use common::{parse_csv, repo_root, scratch, termcheck, termcheck_in, TEST_GLOSSARY};

const SAMPLES: &[&str] = &[
    "clean-award-ceremony.txt",
    "media-footer.txt",
    "post-editing-slips.txt",
    "training-course.txt",
    "union-services.md",
];

#[test]
fn each_sample_matches_its_reviewed_csv_report() {
    for sample in SAMPLES {
        let path = format!("samples/{sample}");
        let run = termcheck(&["check", &path, "--format", "csv"]);
        let expected_path = repo_root()
            .join("tests/expected")
            .join(format!("{sample}.csv"));
        let expected = std::fs::read_to_string(&expected_path).expect("expected report exists");
        assert_eq!(
            run.stdout, expected,
            "report for {path} differs from {expected_path:?}"
        );
        let rows = parse_csv(&run.stdout);
        assert_eq!(
            run.code,
            if rows.is_empty() { 0 } else { 1 },
            "{path}: {}",
            run.stderr
        );
        assert!(run.stderr.is_empty(), "{path}: {}", run.stderr);
    }
}

/// The bilingual sample: a CAT-tool file with its Chinese source, where the source-aware rules
/// add what a target-only check cannot see (a missing term, a changed number, Chinese left in
/// the English) and findings point into the XLIFF file and name their unit.
#[test]
fn the_bilingual_sample_matches_its_reviewed_csv_report() {
    let path = "samples/bilingual/skills-contest.xlf";
    let run = termcheck(&["check", path, "--format", "csv"]);
    let expected = std::fs::read_to_string(
        repo_root().join("tests/expected/bilingual/skills-contest.xlf.csv"),
    )
    .expect("expected report exists");
    assert_eq!(run.stdout, expected);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    let rules: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.rule.as_str()).collect();
    for rule in [
        "forbidden-term",
        "missing-term",
        "number-mismatch",
        "untranslated",
    ] {
        assert!(rules.contains(rule), "{rule} in {rules:?}");
    }
    assert!(
        rows.iter().all(|r| !r.unit.is_empty()),
        "every finding names its unit"
    );
    // The singular of "labor and skills competitions" renders the term: no missing-term in p1.
    assert!(!rows
        .iter()
        .any(|r| r.unit == "p1" && r.rule == "missing-term"));
}

#[test]
fn the_readme_command_checks_every_sample() {
    let run = termcheck(&["check", "samples/"]);
    assert_eq!(run.code, 1, "the samples hold errors: {}", run.stderr);
    let dirty = SAMPLES.iter().filter(|s| !s.starts_with("clean"));
    for sample in dirty.chain(&["bilingual/skills-contest.xlf"]) {
        assert!(
            run.stdout.contains(&format!("samples/{sample}:")),
            "{sample} reported"
        );
    }
    assert!(
        !run.stdout.contains("clean-award-ceremony"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.trim_end().ends_with("in 5 of 6 files."),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn csv_fields_are_filled_from_the_finding() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        (
            "draft.txt",
            "上海 news.\nThe union met. The MUNICIPAL GENERAL ASSEMBLY’s staff met the CAMCE team.\n"
                .as_bytes(),
        ),
    ]);
    let run = termcheck_in(
        dir.path(),
        &["check", "draft.txt", "-g", "g.csv", "--format", "csv"],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    assert_eq!(rows.len(), 2);
    let r = &rows[0];
    assert_eq!(r.file, "draft.txt");
    assert_eq!((r.line, r.column), (2, 20));
    assert_eq!((r.end_line, r.end_column), (2, 46));
    assert_eq!(r.rule, "forbidden-term");
    assert_eq!(r.severity, "error");
    assert_eq!(r.concept, "shanghai-ftu");
    assert_eq!(r.found, "MUNICIPAL GENERAL ASSEMBLY");
    assert_eq!(r.expected, "Shanghai Federation of Trade Unions");
    assert!(
        r.message.contains("forbidden") && r.message.contains("上海市总工会"),
        "{}",
        r.message
    );
    assert_eq!(
        r.context,
        "The MUNICIPAL GENERAL ASSEMBLY’s staff met the CAMCE team."
    );
    // "上海 news.\n" is 13 bytes; the finding starts 19 bytes into line 2.
    assert_eq!((r.byte_offset, r.byte_end), (13 + 19, 13 + 19 + 26));
    assert_eq!(r.note, "Official name");
    assert_eq!(
        (rows[1].found.as_str(), rows[1].concept.as_str()),
        ("CAMCE", "workercn")
    );
}

#[test]
fn reads_standard_input() {
    let run = common::termcheck_in(
        &repo_root(),
        &["check", "-", "--format", "csv"],
        b"Source: China Industrial Network\n",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].file.as_str(), rows[0].concept.as_str()),
        ("<stdin>", "workercn")
    );
}

#[test]
fn exit_codes_follow_fail_on() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("warn.txt", b"The Shanghai Trade Union met."),
        (
            "clean.txt",
            b"The Shanghai Federation of Trade Unions met the ACFTU.",
        ),
    ]);
    let check = |args: &[&str]| {
        let mut all = vec!["check", "-g", "g.csv"];
        all.extend_from_slice(args);
        termcheck_in(dir.path(), &all, b"").code
    };
    assert_eq!(check(&["clean.txt"]), 0);
    assert_eq!(check(&["warn.txt"]), 1, "default --fail-on is warning");
    assert_eq!(check(&["warn.txt", "--fail-on", "error"]), 0);
    assert_eq!(check(&["warn.txt", "--fail-on", "info"]), 1);
    assert_eq!(check(&["warn.txt", "--ignore", "deprecated-term"]), 0);
    assert_eq!(check(&["warn.txt", "--select", "forbidden-term"]), 0);
    assert_eq!(check(&["warn.txt", "--select", "no-such-rule"]), 2);
    assert_eq!(check(&["missing.txt"]), 2);
    assert_eq!(
        check(&["warn.txt", "--format", "xml"]),
        2,
        "clap usage errors exit 2"
    );
}

#[test]
fn a_bad_file_is_reported_and_the_others_are_still_checked() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("a-bad.txt", b"line one\nok \xFF\xFE here\n"),
        ("b-good.txt", b"CAMCE"),
    ]);
    let run = termcheck_in(
        dir.path(),
        &[
            "check",
            "a-bad.txt",
            "b-good.txt",
            "missing.txt",
            "-g",
            "g.csv",
            "--format",
            "csv",
        ],
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("a-bad.txt:2:4: invalid UTF-8 (byte 0xFF) (byte offset 12)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("missing.txt: no such file or directory"),
        "{}",
        run.stderr
    );
    let rows = parse_csv(&run.stdout);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].file, "b-good.txt");
}

#[test]
fn glossary_flag_replaces_the_default_unless_asked() {
    let dir = scratch(&[
        ("g.csv", b"id,preferred,forbidden\nx,Alpha,Beta Term\n"),
        ("draft.txt", b"Beta Term and Municipal General Assembly"),
    ]);
    let concepts = |args: &[&str]| {
        let mut all = vec!["check", "draft.txt", "--format", "csv"];
        all.extend_from_slice(args);
        let run = termcheck_in(dir.path(), &all, b"");
        parse_csv(&run.stdout)
            .into_iter()
            .map(|r| r.found)
            .collect::<Vec<_>>()
    };
    assert_eq!(concepts(&[]), vec!["Municipal General Assembly"]);
    assert_eq!(concepts(&["-g", "g.csv"]), vec!["Beta Term"]);
    assert_eq!(
        concepts(&["-g", "g.csv", "--default-glossary"]),
        vec!["Beta Term", "Municipal General Assembly"]
    );
}

#[test]
fn output_file_is_written_and_never_an_input() {
    let dir = scratch(&[("g.csv", TEST_GLOSSARY.as_bytes()), ("d.txt", b"CAMCE")]);
    let run = termcheck_in(
        dir.path(),
        &[
            "check",
            "d.txt",
            "-g",
            "g.csv",
            "--format",
            "csv",
            "-o",
            "report.csv",
        ],
        b"",
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    let report = std::fs::read_to_string(dir.path().join("report.csv")).unwrap();
    assert_eq!(parse_csv(&report).len(), 1);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".termcheck"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");

    let run = termcheck_in(
        dir.path(),
        &["check", "d.txt", "-g", "g.csv", "-o", "d.txt"],
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("also an input"), "{}", run.stderr);
    assert_eq!(std::fs::read(dir.path().join("d.txt")).unwrap(), b"CAMCE");

    // Two reports into one file: refused before the run, the file left as it was.
    for (a, b) in [
        ("-o", "--consistency-report"),
        ("--write-baseline", "-o"),
        ("--consistency-report", "--write-baseline"),
    ] {
        let run = termcheck_in(
            dir.path(),
            &[
                "check",
                "d.txt",
                "-g",
                "g.csv",
                a,
                "report.csv",
                b,
                "./report.csv",
            ],
            b"",
        );
        assert_eq!(run.code, 2, "{a} {b}");
        assert!(run.stderr.contains("both name"), "{}", run.stderr);
        assert_eq!(
            parse_csv(&std::fs::read_to_string(dir.path().join("report.csv")).unwrap()).len(),
            1
        );
    }
    // A device takes any number of them.
    #[cfg(unix)]
    {
        let run = termcheck_in(
            dir.path(),
            &[
                "check",
                "d.txt",
                "-g",
                "g.csv",
                "-o",
                "/dev/null",
                "--consistency-report",
                "/dev/null",
            ],
            b"",
        );
        assert_eq!(run.code, 1, "{}", run.stderr);
    }

    let run = termcheck_in(
        dir.path(),
        &["check", "d.txt", "-g", "g.csv", "-o", "no/such/dir/r.csv"],
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("cannot write the report"),
        "{}",
        run.stderr
    );
}

/// A report path that is a symbolic link: the file it names gets the report and the link stays
/// a link; a link to this process's standard output (the path `/dev/stdout` is) writes to
/// standard output even when that is a regular file, where renaming over the path would
/// replace the link and the report would reach nobody.
#[cfg(unix)]
#[test]
fn a_report_is_written_through_a_symbolic_link() {
    use std::process::{Command, Stdio};
    let dir = scratch(&[("g.csv", TEST_GLOSSARY.as_bytes()), ("d.txt", b"CAMCE")]);
    std::fs::create_dir(dir.path().join("reports")).unwrap();
    std::os::unix::fs::symlink("reports/real.csv", dir.path().join("link.csv")).unwrap();
    let args = ["check", "d.txt", "-g", "g.csv", "--format", "csv"];
    let run = termcheck_in(dir.path(), &[&args[..], &["-o", "link.csv"]].concat(), b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let link = std::fs::symlink_metadata(dir.path().join("link.csv")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    let report = std::fs::read_to_string(dir.path().join("reports/real.csv")).unwrap();
    assert_eq!(parse_csv(&report).len(), 1);
    // Written again: the file the link names is replaced, the link kept.
    let run = termcheck_in(dir.path(), &[&args[..], &["-o", "link.csv"]].concat(), b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(std::fs::symlink_metadata(dir.path().join("link.csv"))
        .unwrap()
        .file_type()
        .is_symlink());

    std::os::unix::fs::symlink("/proc/self/fd/1", dir.path().join("out")).unwrap();
    let captured = dir.path().join("captured.txt");
    let status = Command::new(env!("CARGO_BIN_EXE_termcheck"))
        .args([
            "check",
            "d.txt",
            "-g",
            "g.csv",
            "--consistency-report",
            "out",
        ])
        .current_dir(dir.path())
        .stdout(Stdio::from(std::fs::File::create(&captured).unwrap()))
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    assert!(std::fs::symlink_metadata(dir.path().join("out"))
        .unwrap()
        .file_type()
        .is_symlink());
    let written = std::fs::read_to_string(&captured).unwrap();
    // After the text report, which went there first.
    assert!(
        written.starts_with("d.txt:1:1: error[forbidden-term]"),
        "{written}"
    );
    assert!(
        written.contains("\nconcept,rendering,status,count,files,forms\nworkercn,CAMCE,"),
        "{written}"
    );
}

/// A report written through a temporary file is as readable as a file the shell would create,
/// and a report rewritten keeps its mode.
#[cfg(unix)]
#[test]
fn a_report_gets_the_mode_of_a_new_file_or_of_the_report_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch(&[("g.csv", TEST_GLOSSARY.as_bytes()), ("d.txt", b"CAMCE")]);
    let mode = |name: &str| {
        std::fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    // What the umask makes of a new file here.
    std::fs::File::create(dir.path().join("probe")).unwrap();
    let args = ["check", "d.txt", "-g", "g.csv", "-o", "r.csv"];
    assert_eq!(termcheck_in(dir.path(), &args, b"").code, 1);
    assert_eq!(mode("r.csv"), mode("probe"));
    std::fs::set_permissions(
        dir.path().join("r.csv"),
        std::fs::Permissions::from_mode(0o640),
    )
    .unwrap();
    assert_eq!(termcheck_in(dir.path(), &args, b"").code, 1);
    assert_eq!(mode("r.csv"), 0o640);
}

#[test]
fn directories_are_walked_for_prose_pages_and_translation_files_honouring_gitignore() {
    let xliff = br#"<xliff version="1.2"><file source-language="zh" target-language="en"><body>
<trans-unit id="1"><source>x</source><target>CAMCE</target></trans-unit></body></file></xliff>"#;
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("docs/a.txt", b"CAMCE"),
        ("docs/b.md", b"CAMCE"),
        ("docs/c.html", b"<p>CAMCE</p>"),
        ("docs/e.xlf", xliff),
        ("docs/f.po", b"msgid \"x\"\nmsgstr \"CAMCE\"\n"),
        ("docs/terms.csv", b"source,target\nx,CAMCE\n"),
        ("docs/strings.json", br#"{"title": "CAMCE"}"#),
        ("docs/ignored.txt", b"CAMCE"),
        ("docs/.gitignore", b"ignored.txt\n"),
        ("docs/binary.txt", b"CAMCE\0\0\0\x01\x02"),
        ("docs/drafts/d.txt", b"CAMCE"),
    ]);
    let files = |args: &[&str]| {
        let mut all = vec!["check", "docs", "-g", "g.csv", "--format", "csv"];
        all.extend_from_slice(args);
        let run = termcheck_in(dir.path(), &all, b"");
        assert_ne!(run.code, 2, "{}", run.stderr);
        parse_csv(&run.stdout)
            .into_iter()
            .map(|r| r.file)
            .collect::<Vec<_>>()
    };
    let walked = [
        "docs/a.txt",
        "docs/b.md",
        "docs/c.html",
        "docs/drafts/d.txt",
        "docs/e.xlf",
        "docs/f.po",
    ];
    assert_eq!(files(&[]), walked);
    assert_eq!(
        files(&["--exclude", "drafts"]),
        vec![
            "docs/a.txt",
            "docs/b.md",
            "docs/c.html",
            "docs/e.xlf",
            "docs/f.po"
        ]
    );
    assert_eq!(files(&["--include", "*.html"]), vec!["docs/c.html"]);
    assert_eq!(
        files(&["--include", "*.csv", "--include", "*.json"]),
        vec!["docs/strings.json", "docs/terms.csv"]
    );
    let mut all = walked.to_vec();
    all.push("docs/ignored.txt");
    assert_eq!(files(&["--no-ignore"]), all);
}

#[test]
fn a_directory_with_nothing_to_check_is_named_in_a_warning() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("empty/data.csv", b"source,target\nx,CAMCE\n"),
        ("full/a.md", b"Fine."),
    ]);
    let run = termcheck_in(dir.path(), &["check", "empty", "full", "-g", "g.csv"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("warning: no files to check in empty (directories are searched for *.txt,"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(" in full "), "{}", run.stderr);
    let chosen = termcheck_in(
        dir.path(),
        &["check", "empty", "-g", "g.csv", "--include", "*.tsv"],
        b"",
    );
    assert!(
        chosen.stderr.contains("searched for *.tsv; --include"),
        "{}",
        chosen.stderr
    );
    let found = termcheck_in(
        dir.path(),
        &["check", "empty", "-g", "g.csv", "--include", "*.csv"],
        b"",
    );
    assert_eq!(found.code, 1, "the table holds a forbidden term");
    assert!(found.stderr.is_empty(), "{}", found.stderr);
}

#[test]
fn utf16_and_old_line_endings_keep_positions_right() {
    let text = "first line\r\nsecond CAMCE\r\n";
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("le.txt", &utf16le),
        ("be.txt", &utf16be),
        ("cr.txt", b"first line\rsecond CAMCE\r"),
        ("bom.txt", b"\xEF\xBB\xBFfirst line\nsecond CAMCE\n"),
        ("empty.txt", b""),
    ]);
    let run = termcheck_in(
        dir.path(),
        &[
            "check",
            "le.txt",
            "be.txt",
            "cr.txt",
            "bom.txt",
            "empty.txt",
            "-g",
            "g.csv",
            "--format",
            "csv",
        ],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    let got: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r.file.as_str(),
                r.line,
                r.column,
                r.byte_offset,
                r.found.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("be.txt", 2, 8, 2 + 2 * 19, "CAMCE"),
            ("bom.txt", 2, 8, 3 + 18, "CAMCE"),
            ("cr.txt", 2, 8, 18, "CAMCE"),
            ("le.txt", 2, 8, 2 + 2 * 19, "CAMCE"),
        ]
    );
}

#[test]
fn text_report_underlines_the_span_and_colours_only_when_asked() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("d.txt", "上海 CAMCE x\n".as_bytes()),
    ]);
    let run = termcheck_in(dir.path(), &["check", "d.txt", "-g", "g.csv"], b"");
    let expected = "\
d.txt:1:4: error[forbidden-term] \"CAMCE\" is a forbidden rendering of 中工网; use \"Workercn\"
  |
1 | 上海 CAMCE x
  |      ^^^^^
  = note: Site name

1  error[forbidden-term]
Checked 1 file in TIME.
Found 1 finding (1 error) in 1 of 1 file.
";
    // The time taken is the one part of the text report that differs from run to run.
    let timed = run
        .stdout
        .lines()
        .map(|l| match l.strip_prefix("Checked 1 file in ") {
            Some(t) if t.ends_with("s.") && t[..t.len() - 2].parse::<f64>().is_ok() => {
                "Checked 1 file in TIME.".to_string()
            }
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    assert_eq!(timed, expected);
    let run = termcheck_in(
        dir.path(),
        &["check", "d.txt", "-g", "g.csv", "--color", "always"],
        b"",
    );
    assert!(run.stdout.contains("\x1b[1;31m"), "{}", run.stdout);
    let run = termcheck_in(
        dir.path(),
        &["check", "d.txt", "-g", "g.csv", "--quiet"],
        b"",
    );
    assert!(!run.stdout.contains("Found"), "{}", run.stdout);
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let mut files: Vec<(String, Vec<u8>)> =
        vec![("g.csv".into(), TEST_GLOSSARY.as_bytes().to_vec())];
    for i in 0..40 {
        let body = format!(
            "Doc {i}. {}The CAMCE site.\n",
            "Filler words here. ".repeat(i * 7)
        );
        files.push((format!("batch/f{i:02}.txt"), body.into_bytes()));
    }
    let run = batch_runner(&files, &[]);
    let one = run("1");
    assert_eq!(parse_csv(&one).len(), 40);
    assert_eq!(one, run("4"));
}

#[test]
fn rules_lists_every_rule() {
    let run = termcheck(&["rules"]);
    assert_eq!(run.code, 0);
    for info in termcheck::rules::RULES {
        assert!(run.stdout.contains(info.id), "{}", run.stdout);
    }
}

#[test]
fn help_documents_exit_codes() {
    let run = termcheck(&["check", "--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("Exit codes:"), "{}", run.stdout);
    assert!(run.stdout.contains("2  usage error"), "{}", run.stdout);
}

/// Garbled terms depend on how often a document repeats a spelling, never on what other
/// documents (checked before, or by the same worker) hold, nor on the thread count.
#[test]
fn garbled_terms_count_words_per_document_whatever_the_batch() {
    let glossary: &[u8] = b"id,preferred\ndouyin,Douyin\nftu,Shanghai Federation of Trade Unions\n";
    let mut files: Vec<(String, Vec<u8>)> = vec![("g.csv".into(), glossary.to_vec())];
    for i in 0..24 {
        // Even documents repeat "Douyni" (a word of their own), odd ones slip once.
        let body = if i % 2 == 0 {
            "Douyni is a name here. Douyni again. Douyni and Douyni.\n".to_string()
        } else {
            format!(
                "Doc {i}: watch it on Douyni. The Shanghai Federaton of Trade Unions said so.\n"
            )
        };
        files.push((format!("batch/f{i:02}.txt"), body.into_bytes()));
    }
    let run = batch_runner(&files, &["--select", "garbled-term"]);
    let one = run("1");
    let rows = parse_csv(&one);
    assert_eq!(rows.len(), 24, "{one}");
    for row in &rows {
        let n: usize = row.file[7..9].parse().unwrap();
        assert_eq!(n % 2, 1, "{row:?}");
    }
    assert_eq!(
        rows.iter().filter(|r| r.concept == "douyin").count(),
        12,
        "{one}"
    );
    assert_eq!(one, run("4"));
}

/// Writes `files` to a scratch folder and returns a runner of `termcheck check batch -g g.csv
/// --format csv EXTRA -j THREADS` there, giving its standard output.
fn batch_runner(files: &[(String, Vec<u8>)], extra: &[&str]) -> impl Fn(&str) -> String {
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let dir = scratch(&refs);
    let extra: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    move |threads: &str| {
        let mut args = vec![
            "check", "batch", "-g", "g.csv", "--format", "csv", "-j", threads,
        ];
        args.extend(extra.iter().map(String::as_str));
        termcheck_in(dir.path(), &args, b"").stdout
    }
}
