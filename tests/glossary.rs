//! Glossary validation: every kind of error names file, line and column and exits 2.

mod common;

use common::{scratch, termcheck, termcheck_in};

/// Runs `termcheck glossary check g.csv` on `content` and returns (exit code, stderr).
fn validate(content: &[u8]) -> (i32, String) {
    let dir = scratch(&[("g.csv", content)]);
    let run = termcheck_in(dir.path(), &["glossary", "check", "g.csv"], b"");
    (run.code, run.stderr)
}

#[track_caller]
fn assert_error(content: &str, position: &str, message: &str) {
    assert_error_bytes(content.as_bytes(), position, message);
}

#[track_caller]
fn assert_error_bytes(content: &[u8], position: &str, message: &str) {
    let (code, stderr) = validate(content);
    assert_eq!(code, 2, "invalid glossary exits 2: {stderr}");
    let wanted = format!("g.csv:{position}: {message}");
    assert!(
        stderr.contains(&wanted),
        "expected {wanted:?} in:\n{stderr}"
    );
}

#[test]
fn missing_preferred_rendering() {
    assert_error("id,preferred\nx,\n", "2:3", "missing preferred rendering");
}

#[test]
fn missing_preferred_column() {
    assert_error(
        "id,forbidden\nx,y\n",
        "1:1",
        "the header has no `preferred` column",
    );
}

#[test]
fn empty_rendering_in_a_list() {
    assert_error(
        "id,preferred,forbidden\nx,A,B||C\n",
        "2:5",
        "forbidden: empty rendering",
    );
}

#[test]
fn rendering_made_only_of_punctuation() {
    assert_error(
        "id,preferred,forbidden\nx,dash,--\n",
        "2:8",
        "forbidden rendering \"--\" has no letter or digit, so it cannot be matched as a word",
    );
    // One letter or digit is enough: short variants are matched as whole words.
    let (code, stderr) = validate(b"id,preferred,forbidden\nx,Xylophone,X\ny,Level 2,L-2\n");
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn duplicate_id() {
    assert_error(
        "id,preferred\nx,A\nx,B\n",
        "3:1",
        "duplicate concept id \"x\" (first defined at g.csv:2)",
    );
}

#[test]
fn variant_forbidden_in_one_concept_and_approved_in_another() {
    assert_error(
        "id,preferred,forbidden\na,Alpha,Beta\nb,BETA,\n",
        "2:9",
        "forbidden rendering \"Beta\" of concept \"a\" is an approved rendering \"BETA\" of concept \"b\" (g.csv:3); it cannot be both; they differ only in letter case, which a case-sensitive concept tells apart: set `case` to `sensitive` for \"a\" and \"b\"",
    );
    // Two units told apart by case: the hint names the concept that is not case-sensitive.
    assert_error(
        "id,preferred,forbidden,case\nmw,mW,MW,sensitive\nMW,MW,,\n",
        "2:7",
        "forbidden rendering \"MW\" of concept \"mw\" is an approved rendering \"MW\" of concept \"MW\" (g.csv:3); it cannot be both",
    );
    assert_error(
        "id,preferred,forbidden,case\nmw,mW,Mw,sensitive\nMW,MW,,\n",
        "2:7",
        "forbidden rendering \"Mw\" of concept \"mw\" is an approved rendering \"MW\" of concept \"MW\" (g.csv:3); it cannot be both; they differ only in letter case, which a case-sensitive concept tells apart: set `case` to `sensitive` for \"MW\"",
    );
    let (code, stderr) =
        validate(b"id,preferred,forbidden,case\nmw,mW,Mw,sensitive\nMW,MW,,sensitive\n");
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn variant_equal_to_the_concepts_own_approved_form() {
    assert_error(
        "id,preferred,admitted,deprecated\na,Alpha,Gamma,gamma\n",
        "2:15",
        "deprecated rendering \"gamma\" equals the concept's own admitted rendering \"Gamma\"",
    );
    // Typography does not make a different rendering, and no hint is given.
    let message = "forbidden rendering \"Workers’ Daily\" equals the concept's own preferred rendering \"Workers' Daily\" (byte offset";
    assert_error(
        "id,preferred,forbidden\na,Workers' Daily,Workers’ Daily\n",
        "2:18",
        message,
    );
}

/// A unit written in other capitals ("KWH" for "kWh") is a different rendering only for a
/// case-sensitive concept: the error says so.
#[test]
fn variant_equal_but_for_case_names_case_sensitive() {
    let hint = "they differ only in letter case, which a case-sensitive concept tells apart: set its `case` to `sensitive`";
    assert_error(
        "id,preferred,forbidden\nkwh,kWh,KWH|kwh\n",
        "2:9",
        &format!(
            "forbidden rendering \"KWH\" equals the concept's own preferred rendering \"kWh\"; {hint}"
        ),
    );
    assert_error(
        "id,preferred,deprecated,forbidden\nkwh,kilowatt hour,KWH,Kwh\n",
        "2:23",
        &format!("rendering \"Kwh\" is listed as both deprecated (\"KWH\") and forbidden; {hint}"),
    );
    let (code, stderr) = validate(b"id,preferred,forbidden,case\nkwh,kWh,KWH|kwh,sensitive\n");
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn bad_case_value() {
    assert_error(
        "id,preferred,case\na,A,upper\n",
        "2:5",
        "case: \"upper\" is not",
    );
}

#[test]
fn unterminated_quote() {
    assert_error(
        "id,preferred\na,\"A\nb,B\n",
        "2:3",
        "unterminated quoted field",
    );
}

#[test]
fn ragged_row() {
    assert_error(
        "id,preferred\na,A,extra\n",
        "2:1",
        "row has 3 fields but the header has 2",
    );
}

#[test]
fn unknown_column() {
    assert_error(
        "id,preferred,colour\na,A,red\n",
        "1:14",
        "unknown column \"colour\"",
    );
}

#[test]
fn invalid_utf8() {
    assert_error_bytes(b"id,preferred\na,\xFF\n", "2:3", "invalid UTF-8");
}

#[test]
fn empty_file() {
    let (code, stderr) = validate(b"");
    assert_eq!(code, 2);
    assert!(stderr.contains("g.csv: empty glossary"), "{stderr}");
}

#[test]
fn every_error_is_listed_not_just_the_first() {
    let (code, stderr) = validate(b"id,preferred,case\na,,x\nb,B,y\n");
    assert_eq!(code, 2);
    assert!(stderr.contains("g.csv:2:3"), "{stderr}");
    assert!(stderr.contains("g.csv:2:4"), "{stderr}");
    assert!(stderr.contains("g.csv:3:5"), "{stderr}");
}

#[test]
fn a_directory_is_not_a_glossary() {
    let dir = scratch(&[("sub/x.txt", b"")]);
    let run = termcheck_in(dir.path(), &["check", "sub", "--glossary", "sub"], b"");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("sub: is a directory"), "{}", run.stderr);
}

#[test]
fn valid_glossaries_in_every_accepted_shape() {
    for content in [
        // Synonymous source terms may share an approved rendering.
        "id,source,preferred\nce1,總裁,Chief Executive\nce2,行政長官,Chief Executive\n",
        // The two-column form.
        "source,target\n上海市总工会,Shanghai Federation of Trade Unions\n",
        // Columns in any order and any case, a BOM, CRLF, extension columns, escaped bars.
        "\u{FEFF}Forbidden,PREFERRED,x-reviewer\r\nA\\|B|C,D,me\r\n",
        // Case-sensitive concepts may list another capitalisation as a variant.
        "id,preferred,forbidden,case\nacftu,ACFTU,Acftu,sensitive\n",
    ] {
        let (code, stderr) = validate(content.as_bytes());
        assert_eq!(code, 0, "{content:?}: {stderr}");
    }
}

#[test]
fn utf16_glossaries_are_read() {
    let text = "id,preferred,forbidden\nx,Alpha,Beta\n";
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (code, stderr) = validate(&bytes);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn the_bundled_glossary_is_valid() {
    let run = termcheck(&["glossary", "check", "glossaries/zh-en-trade-union-news.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(": ok ("), "{}", run.stdout);
}
