//! JSON documents (UI resource files, CMS exports, arrays of units) through the built binary:
//! values are checked and keys never, each value on its own, at its position in the file;
//! `fix` rewrites inside a value and nothing else; bad JSON is an error with a position.

mod common;

use common::{parse_csv, scratch, termcheck_in, Run, TEST_GLOSSARY};

/// `termcheck ARGS -g g.csv` over `files` (with the test glossary) in a scratch directory.
fn run_in(files: &[(&str, &[u8])], args: &[&str], stdin: &[u8]) -> (Run, tempfile::TempDir) {
    let mut all: Vec<(&str, &[u8])> = vec![("g.csv", TEST_GLOSSARY.as_bytes())];
    all.extend_from_slice(files);
    let dir = scratch(&all);
    let mut argv = args.to_vec();
    argv.extend_from_slice(&["-g", "g.csv"]);
    (termcheck_in(dir.path(), &argv, stdin), dir)
}

/// `rule line:column found unit` of each finding of `check --format csv ARGS` over `files`.
#[track_caller]
fn findings(files: &[(&str, &[u8])], args: &[&str]) -> Vec<String> {
    let mut argv = vec!["check", "--format", "csv"];
    argv.extend_from_slice(args);
    let (run, _dir) = run_in(files, &argv, b"");
    assert!(run.code < 2, "{}", run.stderr);
    parse_csv(&run.stdout)
        .iter()
        .map(|r| format!("{} {}:{} {} {}", r.rule, r.line, r.column, r.found, r.unit))
        .collect()
}

/// A nested resource file whose keys hold glossary terms, as keys do ("acftu", a variable
/// named after a term); the values are the texts.
const RESOURCES: &str = r#"{
  "Municipal General Assembly": "Welcome",
  "nav": {
    "Acftu": "About the ACFTU",
    "shanghai_trade_union.title": "The Shanghai Federation of Trade Unions",
    "links": ["Read about the Shanghai Trade Union", "Contact"]
  },
  "split": ["The Municipal General", "Assembly met."],
  "news.body": "Workercn says:\n\"the Acftu\u00a0met\" in the Municipal General Assembly"
}"#;

#[test]
fn values_are_checked_each_on_its_own_and_keys_never() {
    assert_eq!(
        findings(&[("en.json", RESOURCES.as_bytes())], &["en.json"]),
        [
            "deprecated-term 6:31 Shanghai Trade Union nav.links[0]",
            "forbidden-term 9:39 Acftu news.body",
            "forbidden-term 9:63 Municipal General Assembly news.body",
        ],
        "no finding in a key, none across two values"
    );
    // Read as text (forced), the keys are prose and the split term runs across two strings.
    let text = findings(
        &[("en.json", RESOURCES.as_bytes())],
        &["en.json", "--input-format", "txt"],
    );
    assert!(text.len() > 3, "{text:?}");
}

#[test]
fn the_format_is_taken_from_the_extension_forced_or_sniffed() {
    let want = ["forbidden-term 1:18 Acftu t"];
    let json = br#"{"t": "About the Acftu"}"#;
    assert_eq!(findings(&[("a.json", json)], &["a.json"]), want);
    assert_eq!(findings(&[("a.arb", json)], &["a.arb"]), want);
    assert_eq!(
        findings(&[("a.txt", json)], &["a.txt", "--input-format", "json"]),
        want
    );
    // Standard input and a file without an extension are sniffed.
    assert_eq!(findings(&[("a", json)], &["a"]), want);
    let (run, _dir) = run_in(&[], &["check", "--format", "csv", "-"], json);
    let rows = parse_csv(&run.stdout);
    assert_eq!(rows.len(), 1, "{}", run.stdout);
    assert_eq!(rows[0].unit, "t");
}

#[test]
fn arb_and_chrome_metadata_and_machine_values_are_not_checked() {
    let arb = r#"{
  "@@locale": "en",
  "title": "Acftu news",
  "@title": {"description": "Title; say Acftu, not the Municipal General Assembly"},
  "app": {"message": "About the Acftu", "description": "Shanghai Trade Union page"},
  "link": "https://example.org/Shanghai-Trade-Union",
  "slug": "municipal-general-assembly",
  "key": "Municipal_General_Assembly",
  "count": 3
}"#;
    assert_eq!(
        findings(&[("app_en.arb", arb.as_bytes())], &["app_en.arb"]),
        [
            "forbidden-term 3:13 Acftu title",
            "forbidden-term 5:33 Acftu app"
        ]
    );
}

#[test]
fn objects_with_the_source_and_target_fields_read_as_their_json_lines() {
    let units = [
        ("u1", "上海市总工会", "The Shanghai Trade Union met."),
        ("u2", "全总", "The union met."),
    ];
    let jsonl: String = units
        .iter()
        .map(|(id, zh, en)| format!("{{\"id\":\"{id}\",\"zh\":\"{zh}\",\"en\":\"{en}\"}}\n"))
        .collect();
    let json = format!("[\n{}]", jsonl.trim_end().replace('\n', ",\n"));
    let fields = ["--source-field", "zh", "--target-field", "en"];
    let of = |name: &str, text: &str| {
        let mut args = vec![name];
        args.extend_from_slice(&fields);
        findings(&[(name, text.as_bytes())], &args)
    };
    assert_eq!(
        of("a.jsonl", &jsonl),
        [
            "deprecated-term 1:36 Shanghai Trade Union u1",
            "missing-term 2:28  u2",
        ]
    );
    // The same findings, a line further down, after the array's opening bracket.
    assert_eq!(
        of("a.json", &json),
        [
            "deprecated-term 2:36 Shanghai Trade Union u1",
            "missing-term 3:28  u2",
        ]
    );
}

#[test]
fn fix_rewrites_inside_the_value_and_keeps_every_other_byte() {
    let original = "\u{FEFF}{\r\n  \"Shanghai Trade Union\": \"The \\\"Shanghai Trade Union\\\"\\u00a0met.\",\r\n  \"b\": [\"x\", \"Workercn and the Acftu\"],\r\n  \"a\": 1\r\n}\r\n";
    let (run, dir) = run_in(
        &[("en.json", original.as_bytes())],
        &["fix", "en.json"],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let fixed = std::fs::read_to_string(dir.path().join("en.json")).unwrap();
    assert_eq!(
        fixed,
        original
            .replacen(
                "The \\\"Shanghai Trade Union\\\"",
                "The \\\"Shanghai Federation of Trade Unions\\\"",
                1
            )
            .replace("the Acftu", "the ACFTU"),
        "the key, the escapes, the BOM, the CRLFs and the order stay"
    );
}

#[test]
fn invalid_json_is_an_error_at_its_position_and_other_files_are_checked() {
    let (run, _dir) = run_in(
        &[
            (
                "bad.json",
                "{\n  \"a\": \"上海\",\n  \"b\": [1 2]\n}".as_bytes(),
            ),
            ("good.json", br#"{"t": "About the Acftu"}"#),
        ],
        &["check", "--format", "csv", "bad.json", "good.json"],
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("bad.json:3:11: invalid JSON: expected `,` or `]` (byte offset 29)"),
        "{}",
        run.stderr
    );
    assert_eq!(
        parse_csv(&run.stdout).len(),
        1,
        "good.json is still checked"
    );
    // A JSON Lines file named .json says what it is.
    let (run, _dir) = run_in(
        &[("l.json", b"{\"target\": \"a\"}\n{\"target\": \"b\"}\n")],
        &["check", "l.json"],
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("l.json:2:1: invalid JSON: trailing characters")
            && run.stderr.contains("--input-format jsonl"),
        "{}",
        run.stderr
    );
}
