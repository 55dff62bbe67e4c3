//! Inline codes of XLIFF 1.2, XLIFF 2 and TMX through the built binary: a standalone code
//! reads as a placeholder (a plural after it may be a count's), a paired code keeps the digits
//! on either side two numbers (10<sup>6</sup> is no 106) and lets a term run across it,
//! findings keep the positions of the file, and `fix` writes neither mark into it.

mod common;

use common::{parse_csv, scratch, termcheck_in};
use termcheck::report::csv::ReportRow;

const GLOSSARY: &str = "id,source,preferred,deprecated,case\n\
gold,金币,Gold Coin,,name\n\
ftu,上海市总工会,Shanghai Federation of Trade Unions,Shanghai Trade Union,\n";

/// Runs `termcheck check FILE -g g.csv --format csv` on `file` named `name`: exit code, rows,
/// stderr.
#[track_caller]
fn check(name: &str, file: &str) -> (i32, Vec<ReportRow>, String) {
    let dir = scratch(&[("g.csv", GLOSSARY.as_bytes()), (name, file.as_bytes())]);
    let run = termcheck_in(
        dir.path(),
        &["check", name, "-g", "g.csv", "--format", "csv"],
        b"",
    );
    let rows = if run.stdout.is_empty() {
        Vec::new()
    } else {
        parse_csv(&run.stdout)
    };
    (run.code, rows, run.stderr)
}

/// Rule, unit and found text of each row.
fn summary(rows: &[ReportRow]) -> Vec<(&str, &str, &str)> {
    rows.iter()
        .map(|r| (r.rule.as_str(), r.unit.as_str(), r.found.as_str()))
        .collect()
}

/// What each file must report: a plural after a placeholder and a power of ten written with
/// a superscript code are fine; a plural with no count before it (also inside a formatting
/// code), a power of ten read as 106 or 106 read as a power of ten are not; the deprecated
/// term across a formatting code is still found.
const EXPECTED: &[(&str, &str, &str)] = &[
    ("garbled-term", "coins-plain", "Gold Coins"),
    ("garbled-term", "coins-code", "Gold Coins"),
    ("number-mismatch", "power-lost", "106"),
    ("number-mismatch", "hundred-six", "10"),
    ("deprecated-term", "union", "Shanghai Trade Union"),
];

const XLIFF12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="zh-CN" target-language="en" datatype="plaintext" original="a.txt">
  <body>
   <trans-unit id="coins"><source>您获得了<x id="1"/>金币</source><target>You received <x id="1"/> Gold Coins.</target></trans-unit>
   <trans-unit id="coins-ph"><source>您获得了<ph id="1">%d</ph>金币</source><target>You received <ph id="1">%d</ph> Gold Coins.</target></trans-unit>
   <trans-unit id="coins-plain"><source>金币在这里</source><target>The Gold Coins are here.</target></trans-unit>
   <trans-unit id="coins-code"><source>金币在这里</source><target>The <g id="1">Gold Coins</g> are here.</target></trans-unit>
   <trans-unit id="power"><source>容量为10⁶字节</source><target>It holds 10<g id="1" ctype="x-sup">6</g> bytes.</target></trans-unit>
   <trans-unit id="power-native"><source>容量为10<bpt id="1">&lt;sup&gt;</bpt>6<ept id="1">&lt;/sup&gt;</ept>字节</source><target>It holds 10<bx id="1"/>6<ex id="2"/> bytes.</target></trans-unit>
   <trans-unit id="power-lost"><source>容量为10⁶字节</source><target>It holds 106 bytes.</target></trans-unit>
   <trans-unit id="hundred-six"><source>容量为106字节</source><target>It holds 10<g id="1" ctype="x-sup">6</g> bytes.</target></trans-unit>
   <trans-unit id="union"><source>上海市总工会</source><target><x id="1"/> The <g id="2">Shanghai</g> Trade Union met.</target></trans-unit>
  </body>
 </file>
</xliff>
"#;

const XLIFF20: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en">
 <file id="f">
  <unit id="coins"><segment><source>您获得了<ph id="1"/>金币</source><target>You received <ph id="1"/> Gold Coins.</target></segment></unit>
  <unit id="coins-plain"><segment><source>金币在这里</source><target>The Gold Coins are here.</target></segment></unit>
  <unit id="coins-code"><segment><source>金币在这里</source><target>The <pc id="1">Gold Coins</pc> are here.</target></segment></unit>
  <unit id="power"><segment><source>容量为10⁶字节</source><target>It holds 10<pc id="1">6</pc> bytes.</target></segment></unit>
  <unit id="power-native"><segment><source>容量为10<sc id="1"/>6<ec startRef="1"/>字节</source><target>It holds 10<sc id="1"/>6<ec startRef="1"/> bytes.</target></segment></unit>
  <unit id="power-lost"><segment><source>容量为10⁶字节</source><target>It holds 106 bytes.</target></segment></unit>
  <unit id="hundred-six"><segment><source>容量为106字节</source><target>It holds 10<pc id="1">6</pc> bytes.</target></segment></unit>
  <unit id="union"><segment><source>上海市总工会</source><target><ph id="1"/> The <pc id="2">Shanghai</pc> Trade Union met.</target></segment></unit>
 </file>
</xliff>
"#;

const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/><body>
<tu tuid="coins"><tuv xml:lang="zh-CN"><seg>您获得了<ph x="1">{0}</ph>金币</seg></tuv><tuv xml:lang="en"><seg>You received <ph x="1">{0}</ph> Gold Coins.</seg></tuv></tu>
<tu tuid="coins-plain"><tuv xml:lang="zh-CN"><seg>金币在这里</seg></tuv><tuv xml:lang="en"><seg>The Gold Coins are here.</seg></tuv></tu>
<tu tuid="coins-code"><tuv xml:lang="zh-CN"><seg>金币在这里</seg></tuv><tuv xml:lang="en"><seg>The <bpt i="1">&lt;b&gt;</bpt>Gold Coins<ept i="1">&lt;/b&gt;</ept> are here.</seg></tuv></tu>
<tu tuid="power"><tuv xml:lang="zh-CN"><seg>容量为10⁶字节</seg></tuv><tuv xml:lang="en"><seg>It holds 10<bpt i="1">&lt;sup&gt;</bpt>6<ept i="1">&lt;/sup&gt;</ept> bytes.</seg></tuv></tu>
<tu tuid="power-lost"><tuv xml:lang="zh-CN"><seg>容量为10⁶字节</seg></tuv><tuv xml:lang="en"><seg>It holds 106 bytes.</seg></tuv></tu>
<tu tuid="hundred-six"><tuv xml:lang="zh-CN"><seg>容量为106字节</seg></tuv><tuv xml:lang="en"><seg>It holds 10<it pos="begin">&lt;sup&gt;</it>6 bytes.</seg></tuv></tu>
<tu tuid="union"><tuv xml:lang="zh-CN"><seg>上海市总工会</seg></tuv><tuv xml:lang="en"><seg><ph x="1">&lt;br/&gt;</ph> The <bpt i="1">&lt;b&gt;</bpt>Shanghai<ept i="1">&lt;/b&gt;</ept> Trade Union met.</seg></tuv></tu>
</body></tmx>
"#;

/// Every finding starts and ends at the bytes of the file where its text is written: the
/// first byte of what was found, whatever code stands before it or inside it.
#[track_caller]
fn assert_positions(file: &str, rows: &[ReportRow]) {
    for r in rows {
        let start = r.byte_offset as usize;
        let end = r.byte_end as usize;
        let first_word = r.found.split_whitespace().next().unwrap();
        assert!(
            file[start..].starts_with(first_word),
            "{} starts at {start}: {:?}",
            r.unit,
            &file[start..]
        );
        let last_word = r.found.split_whitespace().last().unwrap();
        assert!(
            file[..end].ends_with(last_word),
            "{} ends at {end}: {:?}",
            r.unit,
            &file[..end]
        );
        // The line and column are those of the same byte.
        let before = &file[..start];
        let line = before.matches('\n').count() as u64 + 1;
        let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
            .chars()
            .count() as u64
            + 1;
        assert_eq!((r.line, r.column), (line, column), "{}", r.unit);
    }
}

#[test]
fn xliff12_codes_read_as_placeholders_and_boundaries() {
    let (code, rows, stderr) = check("a.xlf", XLIFF12);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(summary(&rows), EXPECTED, "{stderr}");
    assert_positions(XLIFF12, &rows);
    let union = &rows[4];
    assert_eq!(
        union.byte_offset as usize,
        XLIFF12.find("Shanghai</g>").unwrap()
    );
    assert_eq!(
        union.byte_end as usize,
        XLIFF12.find("Trade Union met").unwrap() + "Trade Union".len()
    );
    // The context shows the standalone code as a placeholder, the paired one as nothing.
    assert_eq!(union.context, "{} The Shanghai Trade Union met.");
}

#[test]
fn xliff20_codes_read_as_placeholders_and_boundaries() {
    let (code, rows, stderr) = check("b.xlf", XLIFF20);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(summary(&rows), EXPECTED, "{stderr}");
    assert_positions(XLIFF20, &rows);
}

#[test]
fn tmx_codes_read_as_placeholders_and_boundaries() {
    let (code, rows, stderr) = check("c.tmx", TMX);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(summary(&rows), EXPECTED, "{stderr}");
    assert_positions(TMX, &rows);
}

/// A target of standalone codes only translates nothing, as an empty one.
#[test]
fn a_target_of_codes_alone_is_empty() {
    let xliff = XLIFF12.replace(
        "<target>You received <x id=\"1\"/> Gold Coins.</target>",
        "<target><x id=\"1\"/></target>",
    );
    let (_, rows, stderr) = check("a.xlf", &xliff);
    let empty: Vec<_> = rows
        .iter()
        .filter(|r| r.rule == "untranslated")
        .map(|r| (r.unit.as_str(), r.message.as_str()))
        .collect();
    assert_eq!(empty, [("coins", "the target is empty")], "{stderr}");
}

/// `fix` rewrites the term after a placeholder in the file's own text, leaves the one across
/// a formatting code for a person, and writes no mark into the file.
#[test]
fn fix_writes_no_mark_into_the_file() {
    let xliff = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="zh-CN" target-language="en" datatype="plaintext" original="a.txt">
  <body>
   <trans-unit id="1"><source>上海市总工会开会10⁶次</source><target><x id="1"/>Shanghai Trade Union<ph id="2">%d</ph> met 10<g id="3">6</g> times.</target></trans-unit>
   <trans-unit id="2"><source>上海市总工会开会10⁶次</source><target>The <g id="1">Shanghai</g> Trade Union met 10<g id="2">6</g> times.</target></trans-unit>
  </body>
 </file>
</xliff>
"#;
    let dir = scratch(&[("g.csv", GLOSSARY.as_bytes()), ("a.xlf", xliff.as_bytes())]);
    let run = termcheck_in(dir.path(), &["fix", "a.xlf", "-g", "g.csv"], b"");
    assert_eq!(run.code, 1, "one finding is left: {}", run.stderr);
    assert!(
        run.stderr
            .contains("Fixed 1 finding in 1 file; 1 left for a person."),
        "{}",
        run.stderr
    );
    let after = std::fs::read_to_string(dir.path().join("a.xlf")).unwrap();
    assert_eq!(
        after,
        xliff.replace(
            "<x id=\"1\"/>Shanghai Trade Union<ph",
            "<x id=\"1\"/>Shanghai Federation of Trade Unions<ph"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("a.xlf:6:74: left warning[deprecated-term]"),
        "the term across <g> is left: {}",
        run.stderr
    );
}

/// A standalone code written against a word on one side and set off by a space on the other
/// (an anchor, a line break after a space) is formatting: a term reads across it, as across a
/// paired code, and is found with the file's positions (and left by `fix`: it crosses markup).
/// One set off on both sides still parts the words.
#[test]
fn a_term_reads_across_a_standalone_code_written_against_one_word() {
    let xliff = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="zh-CN" target-language="en" datatype="plaintext" original="a.txt">
  <body>
   <trans-unit id="after"><source>上海市总工会</source><target>The Shanghai Trade <x id="1"/>Union met.</target></trans-unit>
   <trans-unit id="before"><source>上海市总工会</source><target>The Shanghai<ph id="1">&lt;a name="u"/&gt;</ph> Trade Union met.</target></trans-unit>
   <trans-unit id="apart"><source>上海市总工会</source><target>The Shanghai <x id="1"/> Trade Union met.</target></trans-unit>
  </body>
 </file>
</xliff>
"#;
    let (_, rows, stderr) = check("a.xlf", xliff);
    let found: Vec<_> = rows
        .iter()
        .filter(|r| r.rule != "missing-term")
        .map(|r| (r.rule.as_str(), r.unit.as_str(), r.found.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("deprecated-term", "after", "Shanghai Trade Union"),
            ("deprecated-term", "before", "Shanghai Trade Union"),
        ],
        "{stderr}"
    );
    assert_positions(xliff, &rows[..2]);
    let missing: Vec<_> = rows
        .iter()
        .filter(|r| r.rule == "missing-term")
        .map(|r| r.unit.as_str())
        .collect();
    assert_eq!(missing, ["apart"], "{stderr}");
    let dir = scratch(&[("g.csv", GLOSSARY.as_bytes()), ("a.xlf", xliff.as_bytes())]);
    let run = termcheck_in(dir.path(), &["fix", "a.xlf", "-g", "g.csv"], b"");
    assert_eq!(
        run.stderr
            .matches("for a person: crosses markup or an escape in the file")
            .count(),
        2,
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.xlf")).unwrap(),
        xliff
    );
}

/// A standalone code that marks a line break (XLIFF 1.2 `ctype="lb"`, XLIFF 2
/// `subType="xlf:lb"`, TMX `type="lb"`) reads as one: whitespace between two words, so a term
/// wrapped there is found, even written against both words. Another code written so is a
/// placeholder, and the term it splits is missing.
#[test]
fn a_line_break_code_reads_as_a_line_break() {
    let xliff12 = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="zh-CN" target-language="en" datatype="plaintext" original="a.txt">
  <body>
   <trans-unit id="lb"><source>上海市总工会</source><target>The Shanghai Trade<x id="1" ctype="lb"/>Union met.</target></trans-unit>
   <trans-unit id="ph-lb"><source>上海市总工会</source><target>The Shanghai Trade<ph id="1" ctype="lb">&lt;br/&gt;</ph>Union met.</target></trans-unit>
   <trans-unit id="image"><source>上海市总工会</source><target>The Shanghai Trade<x id="1" ctype="image"/>Union met.</target></trans-unit>
  </body>
 </file>
</xliff>
"#;
    let xliff20 = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en">
 <file id="f">
  <unit id="lb"><segment><source>上海市总工会</source><target>The Shanghai Trade<ph id="1" type="fmt" subType="xlf:lb"/>Union met.</target></segment></unit>
  <unit id="image"><segment><source>上海市总工会</source><target>The Shanghai Trade<ph id="1" type="image"/>Union met.</target></segment></unit>
 </file>
</xliff>
"#;
    let tmx = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
<body>
<tu tuid="lb"><tuv xml:lang="zh-CN"><seg>上海市总工会</seg></tuv><tuv xml:lang="en"><seg>The Shanghai Trade<ph type="lb">&lt;br/&gt;</ph>Union met.</seg></tuv></tu>
<tu tuid="image"><tuv xml:lang="zh-CN"><seg>上海市总工会</seg></tuv><tuv xml:lang="en"><seg>The Shanghai Trade<ph type="image">&lt;img/&gt;</ph>Union met.</seg></tuv></tu>
</body></tmx>
"#;
    for (name, file, wrapped) in [
        ("a.xlf", xliff12, &["lb", "ph-lb"][..]),
        ("b.xlf", xliff20, &["lb"][..]),
        ("c.tmx", tmx, &["lb"][..]),
    ] {
        let (_, rows, stderr) = check(name, file);
        let deprecated: Vec<&str> = rows
            .iter()
            .filter(|r| r.rule == "deprecated-term")
            .map(|r| r.unit.as_str())
            .collect();
        assert_eq!(deprecated, wrapped, "{name}: {stderr}");
        let missing: Vec<&str> = rows
            .iter()
            .filter(|r| r.rule == "missing-term")
            .map(|r| r.unit.as_str())
            .collect();
        assert_eq!(missing, ["image"], "{name}: {stderr}");
    }
}
