//! `termcheck.toml`: found in parent directories, strict, overridden by flags; `config show`.

mod common;

use common::{parse_csv, scratch, termcheck_in, TEST_GLOSSARY};

const DRAFT: &str = "The Municipal General Assembly met.\nThe Shanghai Trade Union spoke.\n";

fn rules_of(stdout: &str) -> Vec<(String, String, String)> {
    parse_csv(stdout)
        .into_iter()
        .map(|r| (r.file, r.rule, r.severity))
        .collect()
}

#[test]
fn the_file_in_a_parent_directory_sets_glossaries_rules_and_fail_on() {
    let dir = scratch(&[
        ("glossaries/g.csv", TEST_GLOSSARY.as_bytes()),
        (
            "termcheck.toml",
            b"glossaries = [\"glossaries/g.csv\"]\nfail-on = \"error\"\n\n[rules]\nforbidden-term = \"warning\"\n",
        ),
        ("docs/draft.txt", DRAFT.as_bytes()),
    ]);
    let docs = dir.path().join("docs");
    let run = termcheck_in(&docs, &["check", "draft.txt", "--format", "csv"], b"");
    assert_eq!(run.code, 0, "no error left, fail-on error: {}", run.stderr);
    assert_eq!(
        rules_of(&run.stdout),
        vec![
            (
                "draft.txt".into(),
                "forbidden-term".into(),
                "warning".into()
            ),
            (
                "draft.txt".into(),
                "deprecated-term".into(),
                "warning".into()
            ),
        ]
    );
    // A flag overrides the file.
    let run = termcheck_in(&docs, &["check", "draft.txt", "--fail-on", "warning"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    // --no-config: the bundled glossary (another concept for the second rendering) and the
    // default severities.
    let run = termcheck_in(
        &docs,
        &["check", "draft.txt", "--no-config", "--format", "csv"],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    assert_eq!(rows[0].severity, "error", "{}", run.stdout);
    assert_eq!(rows[1].concept, "shanghai-trade-unions", "{}", run.stdout);
    // --config names another file.
    std::fs::write(
        docs.join("other.toml"),
        "glossaries = [\"../glossaries/g.csv\"]\n",
    )
    .unwrap();
    let run = termcheck_in(
        &docs,
        &[
            "check",
            "draft.txt",
            "--config",
            "other.toml",
            "--format",
            "csv",
        ],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(rules_of(&run.stdout)[0].2, "error");
}

#[test]
fn unknown_keys_and_bad_values_are_errors_with_line_and_column() {
    for (text, want) in [
        (
            "fail-on = \"error\"\nfail_on = \"info\"\n",
            "termcheck.toml:2:1: unknown field `fail_on`",
        ),
        (
            "[rules]\nforbiden-term = \"off\"\n",
            "termcheck.toml:2:1: unknown field `forbiden-term`",
        ),
        (
            "[rules]\nforbidden-term = \"loud\"\n",
            "termcheck.toml:2:18: unknown variant `loud`",
        ),
        ("glossaries = [\n", "termcheck.toml:1:15: unclosed array"),
    ] {
        let dir = scratch(&[
            ("termcheck.toml", text.as_bytes()),
            ("draft.txt", DRAFT.as_bytes()),
        ]);
        let run = termcheck_in(dir.path(), &["check", "draft.txt"], b"");
        assert_eq!(run.code, 2, "{text}");
        assert!(run.stdout.is_empty(), "nothing checked: {}", run.stdout);
        assert!(
            run.stderr.starts_with(&format!("termcheck: error: {want}")),
            "{text:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn overrides_and_ignored_concepts_apply_per_path() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        (
            "termcheck.toml",
            br#"glossaries = ["g.csv"]
ignore-concepts = ["workercn"]

[rules]
garbled-term = "off"

[[overrides]]
paths = ["legacy/**"]
ignore-concepts = ["shanghai-ftu"]

[[overrides]]
paths = ["notes/*.txt"]
rules = { forbidden-term = "info", deprecated-term = "off" }
"#,
        ),
        ("new.txt", format!("{DRAFT}CAMCE\n").as_bytes()),
        ("legacy/old.txt", DRAFT.as_bytes()),
        ("notes/n.txt", DRAFT.as_bytes()),
    ]);
    let sub = dir.path().join("notes");
    let run = termcheck_in(dir.path(), &["check", ".", "--format", "csv"], b"");
    assert_eq!(
        rules_of(&run.stdout),
        vec![
            ("new.txt".into(), "forbidden-term".into(), "error".into()),
            ("new.txt".into(), "deprecated-term".into(), "warning".into()),
            ("notes/n.txt".into(), "forbidden-term".into(), "info".into()),
        ],
        "{}",
        run.stderr
    );
    // Paths are matched relative to the configuration file, wherever termcheck runs.
    let run = termcheck_in(&sub, &["check", "n.txt", "--format", "csv"], b"");
    assert_eq!(
        rules_of(&run.stdout),
        vec![("n.txt".into(), "forbidden-term".into(), "info".into())],
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 0);
    // --select runs a rule that [rules] turns off.
    let run = termcheck_in(
        dir.path(),
        &[
            "check",
            "new.txt",
            "--select",
            "garbled-term",
            "--format",
            "csv",
        ],
        b"",
    );
    assert!(rules_of(&run.stdout).is_empty(), "{}", run.stdout);
    std::fs::write(
        dir.path().join("new.txt"),
        "The Shanghai Federaton of Trade Unions.\n",
    )
    .unwrap();
    let run = termcheck_in(dir.path(), &["check", "new.txt", "--format", "csv"], b"");
    assert!(
        rules_of(&run.stdout).is_empty(),
        "off in [rules]: {}",
        run.stdout
    );
    let run = termcheck_in(
        dir.path(),
        &[
            "check",
            "new.txt",
            "--select",
            "garbled-term",
            "--format",
            "csv",
        ],
        b"",
    );
    assert_eq!(
        rules_of(&run.stdout),
        vec![("new.txt".into(), "garbled-term".into(), "warning".into())],
        "{}",
        run.stdout
    );
}

#[test]
fn config_show_prints_the_merged_settings_as_toml() {
    let dir = scratch(&[(
        "termcheck.toml",
        b"glossaries = [\"g.csv\"]\n[rules]\ngarbled-term = \"off\"\n",
    )]);
    let run = termcheck_in(dir.path(), &["config", "show"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Glossary paths are absolute: the output is a configuration wherever it is saved.
    let here = dir.path().canonicalize().unwrap();
    let absolute = |name: &str| here.join(name).display().to_string();
    assert_eq!(
        run.stdout,
        format!(
            "# configuration file: termcheck.toml\n\
         glossaries = [\"{}\"]\n\
         default-glossary = false\n\
         fail-on = \"warning\"\n\
         garbled-threshold = 0.8\n\
         consistency = \"document\"\n\
         \n\
         [rules]\n\
         forbidden-term = \"error\"\n\
         deprecated-term = \"warning\"\n\
         garbled-term = \"off\"\n\
         inconsistent-term = \"info\"\n\
         missing-term = \"error\"\n\
         untranslated = \"error\"\n\
         number-mismatch = \"warning\"\n\
         inconsistent-segment = \"warning\"\n",
            absolute("g.csv")
        )
    );
    let parsed = termcheck::config::parse(&run.stdout, "shown").expect("the output is a config");
    assert_eq!(
        parsed.rules.garbled_term,
        Some(termcheck::config::Level::Off)
    );
    // Flags are merged on top, as `check` would merge them.
    let run = termcheck_in(
        dir.path(),
        &["config", "show", "--fail-on", "error", "-g", "other.csv"],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains(&format!("glossaries = [\"{}\"]\n", absolute("other.csv"))),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("fail-on = \"error\"\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("garbled-term = \"off\"\n"),
        "{}",
        run.stdout
    );
    let run = termcheck_in(dir.path(), &["config", "show", "--no-config"], b"");
    assert!(
        run.stdout
            .starts_with("# no configuration file: defaults\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("garbled-term = \"warning\""),
        "{}",
        run.stdout
    );
}

#[test]
fn config_show_output_is_a_configuration_wherever_it_is_saved() {
    let dir = scratch(&[
        (
            "sub/termcheck.toml",
            b"glossaries = [\"g.csv\"]\n".as_slice(),
        ),
        ("sub/g.csv", TEST_GLOSSARY.as_bytes()),
        ("d.txt", b"The Municipal General Assembly met.\n".as_slice()),
    ]);
    let shown = termcheck_in(
        dir.path(),
        &["config", "show", "--config", "sub/termcheck.toml"],
        b"",
    );
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    std::fs::write(dir.path().join("sub/shown.toml"), &shown.stdout).unwrap();
    let run = termcheck_in(
        dir.path(),
        &["check", "d.txt", "--config", "sub/shown.toml"],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
}
