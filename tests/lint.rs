//! `termcheck glossary lint`: findings with file:line:column, exit 1 for findings at or above
//! `--fail-on` (warnings by default); invalid files exit 2.

mod common;

use common::{repo_root, scratch, termcheck_in, Run};

#[test]
fn lint_reports_each_problem_with_its_position() {
    let glossary = "\
id,source,preferred,admitted,deprecated,forbidden,case,note
ftu,上海市总工会,Shanghai Federation of Trade Unions,,,Labour Union,,Xinhua
tuf,,Trade Union Federation,,Trade Unions,Labour Union|federation,,
";
    let dir = scratch(&[("g.csv", glossary.as_bytes())]);
    let run = termcheck_in(dir.path(), &["glossary", "lint", "g.csv"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let heads: Vec<String> = lines
        .iter()
        .map(|l| l.split(' ').next().unwrap().to_string() + " " + l.split(' ').nth(1).unwrap())
        .collect();
    assert_eq!(
        heads,
        vec![
            "g.csv:2:50: info[ordinary-phrase-as-name]",
            "g.csv:3:1: info[missing-note]",
            "g.csv:3:1: info[missing-source]",
            "g.csv:3:30: info[ordinary-phrase-as-name]",
            "g.csv:3:30: warning[shadowed-rendering]",
            "g.csv:3:43: warning[duplicate-rendering]",
            "g.csv:3:43: info[ordinary-phrase-as-name]",
            "g.csv:3:43: warning[ordinary-word]",
            "g.csv:3:43: warning[shadowed-rendering]",
            "Found 9",
        ],
        "{}",
        run.stdout
    );
    assert!(
        lines[5].contains("\"Labour Union\" of concept \"tuf\" is also a forbidden rendering of concept \"ftu\" (g.csv:2)"),
        "{}",
        lines[5]
    );
    assert_eq!(
        lines[9],
        "Found 9 lint findings (4 warnings, 5 infos) in 1 of 1 glossary."
    );
}

#[test]
fn a_clean_glossary_exits_0_and_an_invalid_one_2() {
    let clean = "id,source,preferred,forbidden,note\nw,中工网,Workercn,China Industrial Network,Site name\n";
    let invalid = "id,preferred,forbidden\nw,Workercn,Workercn\n";
    let dir = scratch(&[
        ("clean.csv", clean.as_bytes()),
        ("bad.csv", invalid.as_bytes()),
    ]);
    let run = termcheck_in(dir.path(), &["glossary", "lint", "clean.csv"], b"");
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout,
        "Found 0 lint findings (0 warnings, 0 infos) in 0 of 1 glossary.\n"
    );
    let run = termcheck_in(
        dir.path(),
        &["glossary", "lint", "clean.csv", "bad.csv"],
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("bad.csv:2:12: forbidden rendering \"Workercn\""),
        "{}",
        run.stderr
    );
}

#[test]
fn the_bundled_glossary_lints_to_its_known_findings() {
    let run = termcheck_in(
        &repo_root(),
        &["glossary", "lint", "glossaries/zh-en-trade-union-news.csv"],
        b"",
    );
    // One known, reviewed warning: "Shanghai Trade Union" (deprecated for 上海工会) is the
    // start of the approved "Shanghai Trade Union Regulations"; the matcher prefers the
    // longer approved match, so the entry stays. The infos are reviewed too: the glossary
    // means "workers" and "employees" (职工) and "craftsmen" and "artisans" (工匠) to be
    // compared wherever they are used, and "Workers Daily" in small letters is still the
    // paper's name misspelt more often than prose.
    assert_eq!(run.code, 1, "{}", run.stderr);
    let warnings: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains(": warning["))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", run.stdout);
    assert!(
        warnings[0]
            .contains("warning[shadowed-rendering] deprecated rendering \"Shanghai Trade Union\""),
        "{}",
        run.stdout
    );
    let infos: Vec<(&str, &str)> = run
        .stdout
        .lines()
        .filter(|l| l.contains(": info["))
        .map(|l| (l.split(' ').nth(1).unwrap(), l.split('"').nth(1).unwrap()))
        .collect();
    assert_eq!(
        infos,
        [
            ("info[ordinary-phrase-as-name]", "Workers Daily"),
            ("info[ordinary-approved-word]", "workers"),
            ("info[ordinary-approved-word]", "employees"),
            ("info[ordinary-approved-word]", "craftsmen"),
            ("info[ordinary-approved-word]", "craftsman"),
            ("info[ordinary-approved-word]", "artisans"),
            ("info[ordinary-approved-word]", "artisan"),
        ],
        "{}",
        run.stdout
    );
}

/// `glossary lint` on `glossary`: the run (exit code 1 asserted) and the renderings it flags
/// as ordinary words, in order.
#[track_caller]
fn ordinary_words_flagged(glossary: &str) -> (Run, Vec<String>) {
    let dir = scratch(&[("g.csv", glossary.as_bytes())]);
    let run = termcheck_in(dir.path(), &["glossary", "lint", "g.csv"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let flagged = run
        .stdout
        .lines()
        .filter(|l| l.contains("warning[ordinary-word]"))
        .map(|l| l.split('"').nth(1).unwrap().to_string())
        .collect();
    (run, flagged)
}

#[test]
fn ordinary_words_of_the_english_word_list_are_reported_and_names_are_not() {
    // "ending", "fee", "warranty" and "expiry" are not VARCON words (they have one spelling)
    // but every text has them; "Paris" and "NASA" are words of the list too, only as names.
    let glossary = "\
id,source,preferred,forbidden,note
termination,终止,termination,ending,x
premium,保费,insurance premium,fee,x
policy,保单,insurance policy,warranty,x
lapse,失效,lapse,expiry,x
capital,首都,capital city,Paris,x
agency,航天局,space agency,NASA,x
";
    let (run, flagged) = ordinary_words_flagged(glossary);
    assert_eq!(
        flagged,
        ["ending", "fee", "warranty", "expiry"],
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "g.csv:2:28: warning[ordinary-word] forbidden rendering \"ending\" of concept \"termination\" is an ordinary English word: every \"ending\" in any text will be reported (list a longer phrase, or make the concept case-sensitive)"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn an_ordinary_word_banned_for_a_name_is_reported_with_why() {
    let glossary = "\
id,source,preferred,deprecated,forbidden,case,note
guardian,守护者,Guardian,Keeper,Protector,name,Tank class name.
capital,首都,Capital City,,Paris,name,x
";
    let (run, flagged) = ordinary_words_flagged(glossary);
    assert_eq!(flagged, ["Keeper", "Protector"], "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "g.csv:2:30: warning[ordinary-word] forbidden rendering \"Protector\" of concept \"guardian\" is an ordinary English word: titles and headings capitalise ordinary words"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn a_source_term_of_two_merged_glossaries_is_reported_with_both_files() {
    let dir = scratch(&[
        (
            "real-estate.csv",
            "id,source,preferred,note\nre-gfa,建筑面积,gross floor area,n\n".as_bytes(),
        ),
        (
            "codes.csv",
            "id,source,preferred,note\ncode-area,建筑面积,floor area,n\n".as_bytes(),
        ),
    ]);
    let run = termcheck_in(
        dir.path(),
        &["glossary", "lint", "real-estate.csv", "codes.csv"],
        b"",
    );
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.starts_with(
            "codes.csv:2:1: warning[shared-source-term] source term \"建筑面积\" of concept \
             \"code-area\" is also a source term of concept \"re-gfa\" (real-estate.csv:2)"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn infos_alone_exit_0_unless_fail_on_asks_and_fail_on_error_never_fails() {
    // Infos only: a concept without a note, a one-character source term.
    let infos = "id,source,preferred,note\nlithium,锂,lithium,\nspodumene,锂辉石,spodumene,n\n";
    // A warning: a rendering listed for two concepts.
    let warning = "id,source,preferred,note\na,甲烷,methane,n\nb,沼气,methane,n\n";
    let dir = scratch(&[
        ("infos.csv", infos.as_bytes()),
        ("warning.csv", warning.as_bytes()),
    ]);
    let lint = |args: &[&str]| {
        let mut all = vec!["glossary", "lint"];
        all.extend(args);
        termcheck_in(dir.path(), &all, b"")
    };
    let run = lint(&["infos.csv"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout.lines().collect::<Vec<_>>(),
        [
            "infos.csv:2:1: info[missing-note] concept \"lithium\" has no note: reports cannot say why \"lithium\" is preferred",
            "infos.csv:2:1: info[one-character-source-term] source term \"锂\" of concept \"lithium\" is one Chinese character: it is also found inside every longer word holding it (the glossary's longer source terms holding it, \"锂辉石\", are found as themselves), and a target that renders such a word gets missing-term for \"lithium\"; list the longer words your texts use as concepts of their own",
            "Found 2 lint findings (0 warnings, 2 infos) in 1 of 1 glossary.",
        ]
    );
    assert_eq!(lint(&["--fail-on", "info", "infos.csv"]).code, 1);
    assert_eq!(lint(&["warning.csv"]).code, 1);
    assert_eq!(lint(&["--fail-on", "warning", "warning.csv"]).code, 1);
    let run = lint(&["--fail-on", "error", "warning.csv", "infos.csv"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("warning[duplicate-rendering]"),
        "{}",
        run.stdout
    );
    // An unknown level is a usage error.
    let run = lint(&["--fail-on", "never", "infos.csv"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--fail-on"), "{}", run.stderr);
}
