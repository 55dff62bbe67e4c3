//! Bilingual inputs and glossary formats through the built binary: findings at positions of
//! the original file with their unit, format errors with positions, TBX round trips.

mod common;

use common::{parse_csv, scratch, termcheck_in};
use termcheck::report::csv::ReportRow;

const GLOSSARY: &[u8] = b"id,source,preferred,admitted,deprecated,forbidden,case,note\n\
ftu,\xE4\xB8\x8A\xE6\xB5\xB7\xE5\xB8\x82\xE6\x80\xBB\xE5\xB7\xA5\xE4\xBC\x9A,Shanghai Federation of Trade Unions,,Shanghai Trade Union,Municipal General Assembly,,Xinhua usage.\n\
acftu,\xE5\x85\xA8\xE6\x80\xBB,ACFTU,All-China Federation of Trade Unions,,Acftu,sensitive,\"A note, with \"\"quotes\"\" | and a bar\"\n";

/// Runs `termcheck check ARGS -g g.csv --format csv` over `files`: exit code, rows, stderr.
#[track_caller]
fn check(files: &[(&str, &[u8])], args: &[&str]) -> (i32, Vec<ReportRow>, String) {
    let mut all: Vec<(&str, &[u8])> = vec![("g.csv", GLOSSARY)];
    all.extend_from_slice(files);
    let dir = scratch(&all);
    let mut argv = vec!["check"];
    argv.extend_from_slice(args);
    argv.extend_from_slice(&["-g", "g.csv", "--format", "csv"]);
    let run = termcheck_in(dir.path(), &argv, b"");
    let rows = if run.stdout.is_empty() {
        Vec::new()
    } else {
        parse_csv(&run.stdout)
    };
    (run.code, rows, run.stderr)
}

fn summary(rows: &[ReportRow]) -> Vec<(String, u64, u64, String, String)> {
    rows.iter()
        .map(|r| {
            (
                r.rule.clone(),
                r.line,
                r.column,
                r.found.clone(),
                r.unit.clone(),
            )
        })
        .collect()
}

fn row(
    rule: &str,
    line: u64,
    column: u64,
    found: &str,
    unit: &str,
) -> (String, u64, u64, String, String) {
    (rule.into(), line, column, found.into(), unit.into())
}

const XLIFF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="zh-CN" target-language="en" datatype="plaintext" original="a.txt">
  <body>
   <trans-unit id="u1">
    <source>上海市总工会</source>
    <target>The <g id="1">Shanghai</g> Trade Union &amp; the
      Municipal General Assembly.</target>
   </trans-unit>
   <trans-unit id="u2"><source>源</source><target>Only the source is <ph id="1">Municipal General Assembly</ph> here.</target></trans-unit>
  </body>
 </file>
</xliff>
"#;

#[test]
fn xliff_findings_point_into_the_file_and_name_the_unit() {
    let (code, rows, stderr) = check(&[("a.xlf", XLIFF.as_bytes())], &["a.xlf"]);
    assert_eq!(code, 1, "{stderr}");
    // The found text is the text matched, without the markup between its words; the finding
    // in the <ph> placeholder of u2 is not text.
    assert_eq!(
        summary(&rows),
        [
            row("deprecated-term", 7, 27, "Shanghai Trade Union", "u1"),
            row("forbidden-term", 8, 7, "Municipal General Assembly", "u1"),
        ]
    );
    assert_eq!((rows[0].end_line, rows[0].end_column), (7, 51));
    assert_eq!(
        rows[0].byte_offset,
        XLIFF.find("Shanghai</g>").unwrap() as u64
    );
    assert_eq!(rows[1].byte_offset, XLIFF.find("Municipal").unwrap() as u64);
    // The text report names the unit under the excerpt.
    let dir = scratch(&[("g.csv", GLOSSARY), ("a.xlf", XLIFF.as_bytes())]);
    let text = termcheck_in(dir.path(), &["check", "a.xlf", "-g", "g.csv"], b"");
    assert!(
        text.stdout
            .starts_with("a.xlf:7:27: warning[deprecated-term]"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("\n  = unit: u1\n"), "{}", text.stdout);
}

#[test]
fn stdin_and_unknown_extensions_are_sniffed() {
    let dir = scratch(&[("g.csv", GLOSSARY), ("a.xml", XLIFF.as_bytes())]);
    let run = termcheck_in(
        dir.path(),
        &["check", "a.xml", "-", "-g", "g.csv", "--format", "csv"],
        XLIFF.as_bytes(),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    let files: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.file.as_str(), r.unit.as_str()))
        .collect();
    assert_eq!(
        files,
        [
            ("<stdin>", "u1"),
            ("<stdin>", "u1"),
            ("a.xml", "u1"),
            ("a.xml", "u1")
        ]
    );
}

#[test]
fn malformed_xml_is_an_error_with_a_position_and_exit_2() {
    let broken = "<xliff version=\"1.2\"><file target-language=\"en\"><body>\n<trans-unit id=\"1\">\n<target>Shanghai</source>\n";
    let (code, rows, stderr) = check(
        &[
            ("b.xlf", broken.as_bytes()),
            ("ok.txt", b"Shanghai Trade Union\n"),
        ],
        &["b.xlf", "ok.txt"],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("b.xlf:3:17: malformed XML"), "{stderr}");
    // The other file is still checked.
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].file, "ok.txt");
    assert_eq!(rows[0].unit, "");
}

/// An XLIFF 2.0 file with a `state` outside the specification's list (the OASIS suite's
/// bad_InvalidStateValue) and a forbidden term in the unit after it.
const NONCONFORMING_XLIFF: &str = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"zh\" trgLang=\"en\">\n\
<file id=\"f\">\n\
<unit id=\"u1\"><segment state=\"done\"><source>a</source><target>a</target></segment></unit>\n\
<unit id=\"u2\"><segment><source>b</source><target>the Municipal General Assembly</target></segment></unit>\n\
</file>\n\
</xliff>\n";

#[test]
fn a_file_breaking_a_rule_of_its_format_is_an_error_and_still_checked() {
    let (code, rows, stderr) = check(&[("n.xlf", NONCONFORMING_XLIFF.as_bytes())], &["n.xlf"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("n.xlf:3:24: state=\"done\" on <segment>"),
        "{stderr}"
    );
    assert!(stderr.contains("checked all the same"), "{stderr}");
    // The unit after the broken rule is checked too.
    assert_eq!(
        summary(&rows),
        vec![row(
            "forbidden-term",
            4,
            54,
            "Municipal General Assembly",
            "u2"
        )]
    );
    let dir = scratch(&[
        ("g.csv", GLOSSARY),
        ("n.xlf", NONCONFORMING_XLIFF.as_bytes()),
    ]);
    let json = termcheck_in(
        dir.path(),
        &["check", "n.xlf", "-g", "g.csv", "--format", "json"],
        b"",
    );
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["errors"][0]["checked"], true, "{}", json.stdout);
    assert_eq!(report["errors"][0]["location"]["line"], 3);
    // A score is computed over conforming files only.
    let score = termcheck_in(dir.path(), &["score", "n.xlf", "-g", "g.csv"], b"");
    assert_eq!(score.code, 2, "{}", score.stdout);
    assert!(
        score.stderr.contains("n.xlf:3:24: state=\"done\""),
        "{}",
        score.stderr
    );
    assert!(
        !score.stderr.contains("checked all the same"),
        "{}",
        score.stderr
    );
    // Not well-formed: nothing is checked, and the error says nothing of checking.
    let cut = &NONCONFORMING_XLIFF[..NONCONFORMING_XLIFF.len() - 20];
    let (code, rows, stderr) = check(&[("n.xlf", cut.as_bytes())], &["n.xlf"]);
    assert_eq!(code, 2);
    assert!(rows.is_empty(), "{rows:?}");
    assert!(!stderr.contains("checked all the same"), "{stderr}");
}
#[test]
fn a_table_row_of_another_width_is_an_error_and_the_other_rows_are_checked() {
    // A tab in the target's text makes a field too many; a row without its tab has no target.
    let tsv = "id\tsource\ttarget\n\
               r1\t全总\tThe ACFTU\tmet.\n\
               r2\t全总\n\
               r3\t全总\tThe Acftu met.\n\
               r4\t全总\t\n";
    let (code, rows, stderr) = check(&[("r.tsv", tsv.as_bytes())], &["r.tsv"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(
            "r.tsv:2:17: row has 4 fields but the header has 3 (line 3 too has another \
             number of fields); a row of another width is skipped"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("checked all the same"), "{stderr}");
    // The rows of the header's width are checked; an empty target is found at its field.
    assert_eq!(
        summary(&rows),
        vec![
            row("forbidden-term", 4, 11, "Acftu", "r3"),
            row("untranslated", 5, 7, "", "r4"),
        ]
    );
}

#[test]
fn tmx_languages_are_chosen_by_prefix() {
    let tmx = "<tmx version=\"1.4\"><header srclang=\"zh-CN\"/><body>\n\
               <tu tuid=\"t1\"><tuv xml:lang=\"zh-CN\"><seg>上海市总工会</seg></tuv>\
               <tuv xml:lang=\"en-GB\"><seg>The <bpt i=\"1\">&lt;b&gt;</bpt>Shanghai Trade Union<ept i=\"1\">&lt;/b&gt;</ept></seg></tuv></tu>\n\
               </body></tmx>";
    let (code, rows, stderr) = check(&[("m.tmx", tmx.as_bytes())], &["m.tmx"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        summary(&rows),
        [row("deprecated-term", 2, 117, "Shanghai Trade Union", "t1")]
    );
    let (code, _, stderr) = check(
        &[("m.tmx", tmx.as_bytes())],
        &["m.tmx", "--target-lang", "fr"],
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no <tuv> in the target language \"fr\""),
        "{stderr}"
    );
}

#[test]
fn po_tsv_csv_jsonl_and_paired_inputs() {
    let po = b"msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgctxt \"title\"\nmsgid \"x\"\nmsgstr \"The \\\"Shanghai Trade Union\\\"\"\n\n#, fuzzy\nmsgid \"y\"\nmsgstr \"Acftu\"\n";
    let (_, rows, stderr) = check(&[("a.po", po)], &["a.po"]);
    assert_eq!(
        summary(&rows),
        [row(
            "deprecated-term",
            6,
            15,
            "Shanghai Trade Union",
            "[title] x"
        )],
        "{stderr}"
    );
    let (_, rows, _) = check(&[("a.po", po)], &["a.po", "--include-fuzzy"]);
    assert_eq!(rows.len(), 2);

    let tsv = "id\tsource\ttarget\nr1\t全总\tThe Acftu met.\n";
    let (_, rows, _) = check(&[("a.tsv", tsv.as_bytes())], &["a.tsv"]);
    assert_eq!(
        summary(&rows),
        [row("forbidden-term", 2, 11, "Acftu", "r1")]
    );

    let csv = "zh,en\n全总,\"He said \"\"Acftu\"\".\"\n";
    let (_, rows, stderr) = check(
        &[("a.csv", csv.as_bytes())],
        &["a.csv", "--source-column", "zh", "--target-column", "en"],
    );
    assert_eq!(
        summary(&rows),
        [row("forbidden-term", 2, 15, "Acftu", "2")],
        "{stderr}"
    );

    let jsonl = "{\"id\":\"d1\",\"target\":\"First paragraph.\\n\\nThe Acftu met.\"}\n";
    let (_, rows, _) = check(&[("a.jsonl", jsonl.as_bytes())], &["a.jsonl"]);
    assert_eq!(
        summary(&rows),
        [row("forbidden-term", 1, 46, "Acftu", "d1")]
    );

    let (_, rows, stderr) = check(
        &[
            ("zh.txt", "一\n全总\n".as_bytes()),
            ("en.txt", b"One\nThe Acftu.\n"),
        ],
        &["en.txt", "--source-file", "zh.txt"],
    );
    assert_eq!(
        summary(&rows),
        [row("forbidden-term", 2, 5, "Acftu", "2")],
        "{stderr}"
    );
    let (code, _, stderr) = check(
        &[
            ("zh.txt", "一\n全总\n三\n".as_bytes()),
            ("en.txt", b"One\nThe Acftu.\n"),
        ],
        &["en.txt", "--source-file", "zh.txt"],
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("zh.txt has 3 lines but en.txt has 2"),
        "{stderr}"
    );
}

#[test]
fn input_format_flag_overrides_detection_and_bad_combinations_are_usage_errors() {
    let (code, rows, _) = check(&[("a.txt", XLIFF.as_bytes())], &["a.txt"]);
    assert_eq!(code, 1);
    // As plain text the markup is checked as text: no unit.
    assert!(rows.iter().all(|r| r.unit.is_empty()));
    let (_, rows, _) = check(
        &[("a.txt", XLIFF.as_bytes())],
        &["a.txt", "--input-format", "xliff"],
    );
    assert!(rows.iter().all(|r| r.unit == "u1"));
    let (code, _, stderr) = check(&[], &["a.txt", "--input-format", "paired"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--source-file"), "{stderr}");
}

#[test]
fn csv_and_tbx_glossaries_round_trip() {
    let dir = scratch(&[("g.csv", GLOSSARY)]);
    let run = |args: &[&str]| {
        let r = termcheck_in(dir.path(), args, b"");
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        r.stdout
    };
    run(&["glossary", "convert", "g.csv", "--to", "tbx", "-o", "g.tbx"]);
    let tbx = std::fs::read_to_string(dir.path().join("g.tbx")).unwrap();
    assert!(
        tbx.contains("<tbx style=\"dca\" type=\"TBX-Basic\""),
        "{tbx}"
    );
    assert!(tbx.contains("deprecatedTerm-admn-sts"), "{tbx}");
    let back = run(&["glossary", "convert", "g.tbx", "--to", "csv"]);
    assert_eq!(back.as_bytes(), GLOSSARY, "CSV → TBX → CSV is the identity");
    // A TBX glossary checks like its CSV.
    let checked = termcheck_in(
        dir.path(),
        &["check", "-", "-g", "g.tbx", "--format", "csv"],
        b"The Acftu met.\n",
    );
    assert_eq!(checked.code, 1, "{}", checked.stderr);
    assert_eq!(parse_csv(&checked.stdout)[0].concept, "acftu");
    let run2 = termcheck_in(dir.path(), &["glossary", "check", "g.tbx"], b"");
    assert_eq!(run2.stdout.trim(), "g.tbx: ok (2 concepts, 6 renderings)");
}

/// Every TBX sample of the shared corpus converts, and TBX → CSV → TBX → CSV is stable.
#[test]
fn corpus_tbx_glossaries_convert_stably() {
    let Some(dir) = std::env::var_os("TERMCHECK_SHARED") else {
        return;
    };
    let root = common::repo_root().join(dir).join("corpus/formats/tbx");
    assert!(root.is_dir(), "{} is missing", root.display());
    let files = [
        "klew00-okapi/okapi/libraries/lib-terminology/src/test/resources/ibm_tbx.tbx",
        "klew00-okapi/okapi/libraries/lib-terminology/src/test/resources/maryland.tbx",
        "klew00-okapi/okapi/libraries/lib-terminology/src/test/resources/medtronic_TBX.tbx",
        "klew00-okapi/okapi/libraries/lib-terminology/src/test/resources/oracle_TBX.tbx",
        "klew00-okapi/okapi/libraries/lib-terminology/src/test/resources/sdl_tbx.tbx",
        "klew00-okapi/okapi/libraries/lib-terminology/src/test/resources/test01.tbx",
        "klew00-okapi/okapi/libraries/lib-terminology/src/test/resources/test02_win1254.tbx",
        "DeNederlandscheBank-termate/data/examples/Example_Astronomy_DCA_VALID.tbx",
    ];
    let out = tempfile::tempdir().unwrap();
    for f in files {
        let path = root.join(f);
        let path = path.to_str().unwrap();
        let convert = |input: &str, to: &str, output: &str| {
            let r = termcheck_in(
                out.path(),
                &[
                    "glossary",
                    "convert",
                    input,
                    "--to",
                    to,
                    "-o",
                    output,
                    "--source-lang",
                    "fr",
                ],
                b"",
            );
            assert_eq!(r.code, 0, "{input} → {to}: {}", r.stderr);
            std::fs::read_to_string(out.path().join(output)).unwrap()
        };
        let first = convert(path, "csv", "1.csv");
        assert!(first.lines().count() > 1, "{f}: no concept");
        convert("1.csv", "tbx", "2.tbx");
        let second = convert("2.tbx", "csv", "3.csv");
        assert_eq!(first, second, "{f}: TBX → CSV → TBX → CSV changed");
    }
}

/// An `inconsistent-term` finding in a bilingual file names its unit whether the consistency
/// scope is the document or the batch (which compares the occurrences of every file after
/// they were all checked).
#[test]
fn inconsistent_terms_name_their_unit_in_either_scope() {
    let glossary =
        "id,preferred,admitted\nftu,Shanghai Federation of Trade Unions,Shanghai Trade Union Council\n";
    let tsv = "id\tsource\ttarget\n\
a1\t上海市总工会开会。\tThe Shanghai Federation of Trade Unions met.\n\
a2\t上海市总工会投票。\tThe Shanghai Federation of Trade Unions voted.\n\
a3\t上海市总工会离开。\tThe Shanghai Trade Union Council left.\n";
    let dir = scratch(&[("g.csv", glossary.as_bytes()), ("a.tsv", tsv.as_bytes())]);
    for scope in ["document", "batch"] {
        let run = termcheck_in(
            dir.path(),
            &[
                "check",
                "a.tsv",
                "-g",
                "g.csv",
                "--format",
                "csv",
                "--consistency",
                scope,
            ],
            b"",
        );
        let rows = parse_csv(&run.stdout);
        let found: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r.rule.as_str(), r.unit.as_str()))
            .collect();
        assert_eq!(
            found,
            [("inconsistent-term", "a3")],
            "{scope}: {}",
            run.stdout
        );
    }
}

#[test]
fn a_json_lines_record_that_cannot_be_read_is_an_error_and_the_others_are_checked() {
    // Line 2 ends in a trailing comma after Chinese text, line 4 has a number for a target.
    let jsonl = "{\"id\":\"a\",\"source\":\"全总\",\"target\":\"The Acftu met.\"}\n\
                 {\"id\":\"b\",\"source\":\"全总\",\"target\":\"x\",}\n\
                 {\"id\":\"c\",\"source\":\"全总\",\"target\":\"The Acftu met.\"}\n\
                 {\"id\":\"d\",\"target\":5}\n";
    let (code, rows, stderr) = check(&[("a.jsonl", jsonl.as_bytes())], &["a.jsonl"]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(
        summary(&rows),
        [
            row("forbidden-term", 1, 39, "Acftu", "a"),
            row("forbidden-term", 3, 39, "Acftu", "c"),
        ]
    );
    // One position, the file's: line 2, the column of the closing brace (in characters).
    assert!(
        stderr.contains(
            "a.jsonl:2:38: invalid JSON: trailing comma (line 4 cannot be read either); a line \
             that cannot be read is skipped; the rest of the file was checked all the same"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("at line 1 column"), "{stderr}");
}

#[test]
fn json_lines_without_the_target_field_is_an_error_naming_the_fields() {
    let jsonl = "{\"id\":\"e1\",\"message\":\"The Acftu met.\"}\n\
                 {\"id\":\"e2\",\"ts\":3,\"message\":\"Done.\"}\n";
    let (code, rows, stderr) = check(&[("t.jsonl", jsonl.as_bytes())], &["t.jsonl"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(rows.is_empty(), "{rows:?}");
    assert!(
        stderr.contains(
            "t.jsonl: no line has the target field \"target\" (the lines have the fields \"id\", \
             \"message\", \"ts\"); name the field to check with --target-field"
        ),
        "{stderr}"
    );
    let (code, rows, stderr) = check(
        &[("t.jsonl", jsonl.as_bytes())],
        &["t.jsonl", "--target-field", "message"],
    );
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        summary(&rows),
        [row("forbidden-term", 1, 27, "Acftu", "e1")]
    );
}

#[test]
fn text_in_gb18030_is_named_as_such_in_the_file_it_is_in() {
    let gbk = |s: &str| encoding_rs::GB18030.encode(s).0.into_owned();
    let zh = gbk("住房公积金\n");
    let (code, _, stderr) = check(
        &[("zh.txt", &zh), ("en.txt", b"The housing fund.\n")],
        &["en.txt", "--source-file", "zh.txt"],
    );
    assert_eq!(code, 2, "{stderr}");
    // The source file's name with its position in it; 0xD7 0xA1 reads as one UTF-8 character.
    assert!(
        stderr.contains(
            "zh.txt:1:2: the source file of en.txt: invalid UTF-8 (byte 0xB7): the text reads as \
             Chinese in GB18030 (GBK, GB2312), not UTF-8; convert the file to UTF-8 (iconv -f \
             GB18030 -t UTF-8) (byte offset 2)"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("en.txt:1"), "{stderr}");
    // Formats that declare their encoding say how.
    let mut po = b"msgid \"x\"\nmsgstr \"".to_vec();
    po.extend(gbk("上海"));
    po.extend(b"\"\n");
    let (code, _, stderr) = check(&[("a.po", &po)], &["a.po"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "or declare it in the header: \"Content-Type: text/plain; charset=gb18030\\n\""
        ),
        "{stderr}"
    );
    let mut xliff = b"<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file target-language=\"en\"><body><trans-unit id=\"1\"><source>".to_vec();
    xliff.extend(gbk("上海市总工会"));
    xliff.extend(b"</source><target>x</target></trans-unit></body></file></xliff>\n");
    let (code, _, stderr) = check(&[("a.xlf", &xliff)], &["a.xlf"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("or declare its encoding: <?xml version=\"1.0\" encoding=\"gb18030\"?>"),
        "{stderr}"
    );
    // Latin-1 is no Chinese.
    let (_, _, stderr) = check(&[("l.txt", b"Caf\xE9 M\xE9ni\xE8re\n")], &["l.txt"]);
    assert!(stderr.contains("invalid UTF-8"), "{stderr}");
    assert!(!stderr.contains("GB18030"), "{stderr}");
}

#[test]
fn an_empty_po_msgstr_is_reported_at_its_string() {
    let po = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n\
              msgid \"全总开会\"\nmsgstr \"\"\n\n\
              msgid \"全总\"\nmsgstr[0] \"\"\n";
    let (code, rows, stderr) = check(&[("a.po", po.as_bytes())], &["a.po"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        summary(&rows),
        [
            row("untranslated", 5, 8, "", "全总开会"),
            row("untranslated", 8, 11, "", "全总"),
        ]
    );
}

/// `fix` reads inputs as `check` does: paired files, JSON Lines fields, TSV columns.
#[test]
fn fix_takes_the_input_format_options_of_check() {
    let dir = scratch(&[
        ("g.csv", GLOSSARY),
        ("zh.txt", "一\n上海市总工会\n".as_bytes()),
        ("en.txt", b"One\nThe Shanghai Trade Union.\n"),
        (
            "t.jsonl",
            b"{\"id\":\"e1\",\"message\":\"The Shanghai Trade Union met.\"}\n",
        ),
        (
            "t.tsv",
            "zh\ten\n上海市总工会\tThe Shanghai Trade Union met.\n".as_bytes(),
        ),
    ]);
    let fix = |args: &[&str]| {
        let mut argv = vec!["fix", "-g", "g.csv"];
        argv.extend_from_slice(args);
        termcheck_in(dir.path(), &argv, b"")
    };
    let run = fix(&["en.txt", "--source-file", "zh.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("en.txt")).unwrap(),
        "One\nThe Shanghai Federation of Trade Unions.\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("zh.txt")).unwrap(),
        "一\n上海市总工会\n",
        "the source is not rewritten"
    );
    let run = fix(&["t.jsonl", "--target-field", "message"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("t.jsonl")).unwrap(),
        "{\"id\":\"e1\",\"message\":\"The Shanghai Federation of Trade Unions met.\"}\n"
    );
    let run = fix(&[
        "t.tsv",
        "--source-column",
        "zh",
        "--target-column",
        "en",
        "--diff",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("+上海市总工会\tThe Shanghai Federation of Trade Unions met."),
        "{}",
        run.stdout
    );
    // Without the field, the file is an error, not a file with nothing to fix.
    let run = fix(&["t.jsonl", "--diff"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("no line has the target field \"target\""),
        "{}",
        run.stderr
    );
    // The combinations check refuses, fix refuses.
    let run = fix(&["en.txt", "t.tsv", "--source-file", "zh.txt"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--source-file pairs one English file"),
        "{}",
        run.stderr
    );
}

/// `inconsistent-segment`: a line break between Chinese characters is no difference, and on
/// a tie the translation another rule faults is the one warned about.
#[test]
fn inconsistent_segments_ignore_line_breaks_in_chinese_and_warn_the_faulted_translation() {
    let xliff = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file source-language="zh" target-language="en" datatype="plaintext" original="x"><body>
<trans-unit id="p6"><source>全<x id="1" ctype="lb"/>总</source><target>ACFTU</target></trans-unit>
<trans-unit id="p40"><source>全总</source><target>ACFTU</target></trans-unit>
</body></file></xliff>
"#;
    let (code, rows, stderr) = check(&[("a.xlf", xliff.as_bytes())], &["a.xlf"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(rows.is_empty(), "{rows:?}");
    let tmx = "<tmx version=\"1.4\"><header srclang=\"zh\"/><body>\n\
               <tu tuid=\"t17\"><tuv xml:lang=\"zh\"><seg>上海市总工会开会</seg></tuv><tuv xml:lang=\"en\"><seg>The Shanghai Trade Union met.</seg></tuv></tu>\n\
               <tu tuid=\"t18\"><tuv xml:lang=\"zh\"><seg>上海市总工会开会</seg></tuv><tuv xml:lang=\"en\"><seg>The Shanghai Federation of Trade Unions met.</seg></tuv></tu>\n\
               </body></tmx>\n";
    let (code, rows, stderr) = check(&[("m.tmx", tmx.as_bytes())], &["m.tmx"]);
    assert_eq!(code, 1, "{stderr}");
    let rules: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r.rule.clone(), r.unit.clone()))
        .collect();
    assert_eq!(
        rules,
        [
            ("inconsistent-segment".to_string(), "t17".to_string()),
            ("deprecated-term".to_string(), "t17".to_string()),
        ]
    );
    assert!(
        rows[0].message.contains(
            "translated differently at m.tmx unit t18 (\"The Shanghai Federation of Trade Unions met.\")"
        ),
        "{}",
        rows[0].message
    );
}
