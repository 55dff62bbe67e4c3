//! Markdown documents: code blocks and inline code are not checked, nor fixed; the rest is
//! checked as text is.

mod common;

use common::{parse_csv, scratch, termcheck_in, TEST_GLOSSARY};

/// A forbidden rendering in prose (lines 3 and 15), in a fenced block (7), a tilde fence
/// inside a list item (11), inline code (15) and an HTML comment (19); a garbled term in prose
/// (17) and in inline code (18).
const DOC: &str = r#"# Minutes

The Municipal General Assembly met.

```sh

grep 'Municipal General Assembly' minutes.txt
```

- Step one:
  ~~~
  echo Municipal General Assembly
  ~~~

Run `Municipal General Assembly` before the Municipal General Assembly votes.

The Shanghai Federaton of Trade Unions agreed.
Its file is `Shanghai Federaton of Trade Unions` on the server.
<!-- The old name, Municipal General Assembly,
     is kept here for the editors. -->
"#;

fn findings(dir: &std::path::Path, args: &[&str]) -> Vec<(String, u64, u64)> {
    let mut all = vec!["check", "-g", "g.csv", "--format", "csv"];
    all.extend(args);
    let run = termcheck_in(dir, &all, b"");
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    parse_csv(&run.stdout)
        .into_iter()
        .map(|r| (r.rule, r.line, r.column))
        .collect()
}

#[test]
fn code_in_a_markdown_file_is_not_checked() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("doc.md", DOC.as_bytes()),
        ("doc.txt", DOC.as_bytes()),
    ]);
    let prose = vec![
        ("forbidden-term".to_string(), 3, 5),
        ("forbidden-term".to_string(), 15, 45),
        ("garbled-term".to_string(), 17, 5),
    ];
    assert_eq!(findings(dir.path(), &["doc.md"]), prose);
    // Read as plain text, the same document's code is checked.
    let as_text = findings(dir.path(), &["doc.txt"]);
    for (line, column) in [(7, 7), (12, 8), (15, 6), (19, 20)] {
        assert!(
            as_text.contains(&("forbidden-term".to_string(), line, column)),
            "{line}:{column} in {as_text:?}"
        );
    }
    assert!(as_text.contains(&("garbled-term".to_string(), 18, 14)));
    // The format named wins over the extension, for files and standard input.
    let forced = findings(dir.path(), &["doc.md", "--input-format", "txt"]);
    assert_eq!(forced, as_text);
    let run = termcheck_in(
        dir.path(),
        &[
            "check",
            "-",
            "-g",
            "g.csv",
            "--format",
            "csv",
            "--input-format",
            "md",
        ],
        DOC.as_bytes(),
    );
    let from_stdin: Vec<_> = parse_csv(&run.stdout)
        .into_iter()
        .map(|r| (r.rule, r.line, r.column))
        .collect();
    assert_eq!(from_stdin, prose);
}

/// The `--consistency-report` of `doc.md` in `dir`, checked with `g.csv`.
fn consistency_report(dir: &std::path::Path) -> String {
    let args = [
        "check",
        "doc.md",
        "-g",
        "g.csv",
        "--consistency-report",
        "dist.csv",
    ];
    let run = termcheck_in(dir, &args, b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    std::fs::read_to_string(dir.join("dist.csv")).unwrap()
}

#[test]
fn renderings_in_code_are_not_counted_for_consistency() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("doc.md", DOC.as_bytes()),
    ]);
    let report = consistency_report(dir.path());
    assert!(
        report.contains("shanghai-ftu,Municipal General Assembly,forbidden,2,"),
        "{report}"
    );
}

#[test]
fn fix_leaves_code_alone() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("doc.md", DOC.as_bytes()),
    ]);
    let run = termcheck_in(dir.path(), &["fix", "doc.md", "-g", "g.csv"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let fixed = std::fs::read_to_string(dir.path().join("doc.md")).unwrap();
    let expected = DOC
        .replace(
            "The Municipal General Assembly met.",
            "The Shanghai Federation of Trade Unions met.",
        )
        .replace(
            "before the Municipal General Assembly votes",
            "before the Shanghai Federation of Trade Unions votes",
        )
        .replace(
            "The Shanghai Federaton of Trade Unions agreed.",
            "The Shanghai Federation of Trade Unions agreed.",
        );
    assert_eq!(fixed, expected);
}

/// A document longer than a block, with a fence open across the block boundary: code on both
/// sides of it is skipped, and prose after the fence is checked again. With `blank_lines`,
/// the block is cut at a blank line inside the fence; without, inside a line of it.
fn fence_across_blocks(blank_lines: bool) {
    let mut doc = String::from("The Municipal General Assembly opened.\n\n```\n");
    let code_line = if blank_lines {
        "x = 'Municipal General Assembly'\n\n"
    } else {
        "x = 'Municipal General Assembly' and more words on the line\n"
    };
    // Past the 1 MiB block, twice over.
    while doc.len() < 2_500_000 {
        doc.push_str(code_line);
    }
    doc.push_str("```\n\nThe Municipal General Assembly closed.\n");
    let lines = doc.lines().count() as u64;
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("long.md", doc.as_bytes()),
    ]);
    let found = findings(dir.path(), &["long.md", "--select", "forbidden-term"]);
    assert_eq!(
        found,
        vec![
            ("forbidden-term".to_string(), 1, 5),
            ("forbidden-term".to_string(), lines, 5),
        ]
    );
}

#[test]
fn a_fence_open_across_a_paragraph_break_block_boundary_stays_open() {
    fence_across_blocks(true);
}

#[test]
fn a_fence_open_across_a_block_boundary_inside_its_lines_stays_open() {
    fence_across_blocks(false);
}

#[test]
fn indented_code_is_not_checked_but_a_list_items_indented_paragraph_is() {
    let doc = "Run this:\n\n    grep 'Municipal General Assembly' minutes.txt\n\n\
               - Step one\n\n    The Municipal General Assembly met.\n\n\
               - Step two\n\n        echo Municipal General Assembly\n\n\
               A paragraph naming\n    the Municipal General Assembly on its second line.\n";
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("doc.md", doc.as_bytes()),
    ]);
    // Line 3 is indented code, line 7 the first item's paragraph, line 11 code in the second
    // item, line 14 a paragraph's second line.
    assert_eq!(
        findings(dir.path(), &["doc.md"]),
        [
            ("forbidden-term".to_string(), 7, 9),
            ("forbidden-term".to_string(), 14, 9),
        ]
    );
}

#[test]
fn a_footnotes_text_is_checked_and_fixed_but_its_label_is_not() {
    // A footnote's first words (line 3), its indented second paragraph (5) and a reference
    // (1) beside prose; its label (1, 3, written as the forbidden rendering run together)
    // and a link reference definition's destination (9) are addresses; code in the footnote,
    // eight columns in (7), is code.
    let doc = "The Municipal General Assembly met.[^MunicipalGeneralAssembly]\n\n\
               [^MunicipalGeneralAssembly]: Municipal General Assembly, minutes.\n\n    \
               Later the Municipal General Assembly met again.\n\n        \
               echo Municipal General Assembly\n\n\
               [mga]: https://example.org/Municipal%20General%20Assembly \"Municipal General Assembly\"\n";
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("doc.md", doc.as_bytes()),
    ]);
    assert_eq!(
        findings(dir.path(), &["doc.md"]),
        [
            ("forbidden-term".to_string(), 1, 5),
            ("forbidden-term".to_string(), 3, 30),
            ("forbidden-term".to_string(), 5, 15),
            ("forbidden-term".to_string(), 9, 60),
        ]
    );
    let run = termcheck_in(dir.path(), &["fix", "doc.md", "-g", "g.csv"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let fixed = std::fs::read_to_string(dir.path().join("doc.md")).unwrap();
    let lines: Vec<&str> = fixed.lines().collect();
    assert_eq!(
        lines[2],
        "[^MunicipalGeneralAssembly]: Shanghai Federation of Trade Unions, minutes."
    );
    assert!(
        lines[0].ends_with("met.[^MunicipalGeneralAssembly]"),
        "{fixed}"
    );
    assert_eq!(lines[6], "        echo Municipal General Assembly");
}

/// Emphasis inside a term: a forbidden rendering (line 1), a garbled one (3) and the approved one
/// (5, 7) with `**`, `*`, `_` and `~~` between their words; and look-alikes that are no emphasis:
/// a snake_case identifier and a pattern (9).
const EMPHASIS: &str = "The **Municipal General** Assembly met.

The _Shanghai Federaton_ of Trade Unions agreed.

The Shanghai Federation of *Trade Unions* spoke.

The Shanghai Federation of ~~Trade~~ Unions spoke.

Municipal_General Assembly is a file name, and Municipal*General Assembly a pattern.
";

#[test]
fn a_term_is_read_through_emphasis_and_left_for_a_person() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("doc.md", EMPHASIS.as_bytes()),
        ("doc.txt", EMPHASIS.as_bytes()),
    ]);
    let found = findings(dir.path(), &["doc.md"]);
    assert_eq!(
        found,
        vec![
            ("forbidden-term".to_string(), 1, 7),
            ("garbled-term".to_string(), 3, 6),
        ]
    );
    // As plain text the markers are text: neither term is read through them.
    assert!(findings(dir.path(), &["doc.txt"])
        .iter()
        .all(|(_, line, _)| *line > 3));
    // The approved rendering with emphasis inside is the approved rendering: nothing departs.
    let report = consistency_report(dir.path());
    assert!(
        report.contains("shanghai-ftu,Shanghai Federation of Trade Unions,preferred,2,"),
        "{report}"
    );
    // A replacement would drop the markers or leave them unbalanced: left for a person.
    let run = termcheck_in(dir.path(), &["fix", "doc.md", "-g", "g.csv"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("crosses markup"), "{}", run.stderr);
    let kept = std::fs::read_to_string(dir.path().join("doc.md")).unwrap();
    assert_eq!(kept, EMPHASIS);
}
