//! Inline `termcheck: ignore` comments and the glossary's `x-allow` exceptions.

mod common;

use common::{parse_csv, scratch, termcheck_in, TEST_GLOSSARY};

fn found(stdout: &str) -> Vec<(u64, String, String)> {
    parse_csv(stdout)
        .into_iter()
        .map(|r| (r.line, r.rule, r.found))
        .collect()
}

#[test]
fn ignore_comments_silence_their_line_or_the_next() {
    let text = "\
# Report <!-- termcheck: ignore -->
The Municipal General Assembly met. <!-- termcheck: ignore -->
<!-- termcheck: ignore-next-line forbidden-term -->
The Municipal General Assembly and the Shanghai Trade Union met.
The Shanghai Trade Union met. # termcheck: ignore deprecated-term (quoted verbatim)
The CAMCE site. termcheck: ignore garbled-term
Municipal General Assembly, unsilenced. <!-- termcheck: ignored -->
";
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("draft.md", text.as_bytes()),
    ]);
    let run = termcheck_in(
        dir.path(),
        &["check", "draft.md", "-g", "g.csv", "--format", "csv"],
        b"",
    );
    assert_eq!(
        found(&run.stdout),
        vec![
            (4, "deprecated-term".into(), "Shanghai Trade Union".into()),
            (6, "forbidden-term".into(), "CAMCE".into()),
            (
                7,
                "forbidden-term".into(),
                "Municipal General Assembly".into()
            ),
        ],
        "{}",
        run.stderr
    );
    // Without the comments every finding is there.
    let bare: String = text
        .lines()
        .map(|l| {
            let before = l.split("termcheck:").next().unwrap();
            before.trim_end().trim_end_matches("<!--").to_string() + "\n"
        })
        .collect();
    std::fs::write(dir.path().join("draft.md"), bare).unwrap();
    let run = termcheck_in(
        dir.path(),
        &["check", "draft.md", "-g", "g.csv", "--format", "csv"],
        b"",
    );
    assert_eq!(parse_csv(&run.stdout).len(), 6, "{}", run.stdout);
}

#[test]
fn ignore_comments_silence_batch_inconsistencies_too() {
    let glossary = "id,preferred,admitted\nwd,Workers' Daily,Workers Daily\n";
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        ("a.txt", b"Workers' Daily. Workers' Daily.\n"),
        ("b.txt", b"Workers Daily. <!-- termcheck: ignore -->\n"),
    ]);
    let args = [
        "check",
        "a.txt",
        "b.txt",
        "-g",
        "g.csv",
        "--consistency",
        "batch",
        "--format",
        "csv",
    ];
    let run = termcheck_in(dir.path(), &args, b"");
    assert!(found(&run.stdout).is_empty(), "{}", run.stdout);
    std::fs::write(dir.path().join("b.txt"), "Workers Daily.\n").unwrap();
    let run = termcheck_in(dir.path(), &args, b"");
    assert_eq!(found(&run.stdout).len(), 1, "{}", run.stdout);
}

#[test]
fn x_allow_forms_are_never_reported_for_their_concept() {
    let glossary = "\
id,preferred,admitted,deprecated,forbidden,x-allow
ftu,Shanghai Federation of Trade Unions,,Shanghai Trade Union,Municipal General Assembly,Shanghai Trade Union|Shanghai Federaton of Trade Unions
wd,Workers' Daily,Workers Daily,,,
";
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        (
            "draft.txt",
            b"The SHANGHAI TRADE UNION and the Shanghai Federaton of Trade Unions met.\n\
              The Municipal General Assembly and the Shanghai Federatoin of Trade Unions met.\n",
        ),
    ]);
    let run = termcheck_in(
        dir.path(),
        &["check", "draft.txt", "-g", "g.csv", "--format", "csv"],
        b"",
    );
    assert_eq!(
        found(&run.stdout),
        vec![
            (
                2,
                "forbidden-term".into(),
                "Municipal General Assembly".into()
            ),
            (
                2,
                "garbled-term".into(),
                "Shanghai Federatoin of Trade Unions".into()
            ),
        ],
        "{}",
        run.stderr
    );
    let bad = "id,preferred,x-allow\na,A thing,b||c\n";
    std::fs::write(dir.path().join("g.csv"), bad).unwrap();
    let run = termcheck_in(dir.path(), &["check", "draft.txt", "-g", "g.csv"], b"");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("g.csv:2:11: x-allow: empty rendering"),
        "{}",
        run.stderr
    );
}

#[test]
fn x_allow_phrases_accept_the_banned_rendering_written_inside_them() {
    let glossary = "\
id,preferred,deprecated,case,x-allow
beijing,Beijing,Peking,,Peking duck|Peking Man
mao,Mao Zedong,Mao Tse-tung,name,Selected Works of Mao Tse-tung
";
    let text = "\
Quotations are from Selected Works of Mao Tse-tung, vol. 2 (Peking: Foreign Languages Press).
Peking Man fossils were lost; Peking duck was served.
Mao Tse-tung visited Peking in spring.
";
    let dir = scratch(&[("g.csv", glossary.as_bytes()), ("t.txt", text.as_bytes())]);
    let run = termcheck_in(
        dir.path(),
        &["check", "t.txt", "-g", "g.csv", "--format", "csv"],
        b"",
    );
    assert_eq!(
        found(&run.stdout),
        vec![
            (1, "deprecated-term".into(), "Peking".into()),
            (3, "deprecated-term".into(), "Mao Tse-tung".into()),
            (3, "deprecated-term".into(), "Peking".into()),
        ],
        "{}",
        run.stderr
    );
    let run = termcheck_in(dir.path(), &["fix", "-", "-g", "g.csv"], text.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "\
Quotations are from Selected Works of Mao Tse-tung, vol. 2 (Beijing: Foreign Languages Press).
Peking Man fossils were lost; Peking duck was served.
Mao Zedong visited Beijing in spring.
"
    );
}
