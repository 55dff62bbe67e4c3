//! `termcheck fix`: unambiguous corrections applied, encodings and line endings kept, the rest
//! left for a person.

mod common;

use common::{parse_csv, scratch, termcheck_in, TEST_GLOSSARY};

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend(if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

const DRAFT: &str = "\u{FEFF}MUNICIPAL GENERAL ASSEMBLY’S STAFF MET\r\n\
The Municipal General Assembly’s staff met the CAMCE team.\r\n\
They said municipal general assembly, not the Shanghai Trade Union.\r\n\
Municipal general assembly members spoke.\r\n\
Then the Municipal General\r\n  Assembly closed.\r\n";

const FIXED: &str = "\u{FEFF}SHANGHAI FEDERATION OF TRADE UNIONS’ STAFF MET\r\n\
The Shanghai Federation of Trade Unions’ staff met the Workercn team.\r\n\
They said Shanghai Federation of Trade Unions, not the Shanghai Federation of Trade Unions.\r\n\
Shanghai Federation of Trade Unions members spoke.\r\n\
Then the Shanghai Federation\r\n  of Trade Unions closed.\r\n";

#[test]
fn diff_shows_the_fixes_and_changes_nothing() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("draft.txt", DRAFT.as_bytes()),
    ]);
    let run = termcheck_in(
        dir.path(),
        &["fix", "draft.txt", "-g", "g.csv", "--diff"],
        b"",
    );
    assert_eq!(run.code, 0, "everything is fixable: {}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.txt")).unwrap(),
        DRAFT,
        "--diff changes nothing"
    );
    assert!(
        run.stdout
            .starts_with("--- a/draft.txt\n+++ b/draft.txt\n@@ -1,6 +1,6 @@\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\r\n-The Municipal General Assembly’s staff met the CAMCE team.\r\n-They said municipal general assembly, not the Shanghai Trade Union.\r\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "\r\n+The Shanghai Federation of Trade Unions’ staff met the Workercn team.\r\n"
        ),
        "the lines keep their CRLF: {}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("Would fix 7 findings in 1 file; 0 left for a person."),
        "{}",
        run.stderr
    );
}

#[test]
fn fix_rewrites_in_place_keeping_bom_line_endings_case_and_mode() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("draft.txt", DRAFT.as_bytes()),
    ]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.path().join("draft.txt");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let before = termcheck_in(
        dir.path(),
        &["check", "draft.txt", "-g", "g.csv", "--format", "csv"],
        b"",
    );
    assert_eq!(parse_csv(&before.stdout).len(), 7, "{}", before.stdout);

    let run = termcheck_in(dir.path(), &["fix", "draft.txt", "-g", "g.csv"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .contains("draft.txt:2:48: fixed forbidden-term \"CAMCE\" -> \"Workercn\""),
        "{}",
        run.stderr
    );
    let after = std::fs::read_to_string(dir.path().join("draft.txt")).unwrap();
    assert_eq!(after, FIXED);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("draft.txt"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    let again = termcheck_in(
        dir.path(),
        &["check", "draft.txt", "-g", "g.csv", "--format", "csv"],
        b"",
    );
    assert_eq!(again.code, 0, "{}", again.stdout);
    // None of the fixed findings is found again, and the name put in place of small letters
    // has its capitals, so nothing is inconsistent either.
    let rows = parse_csv(&again.stdout);
    assert!(rows.is_empty(), "{}", again.stdout);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".termcheck"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn fix_keeps_utf16_encodings() {
    let text = "The Municipal General Assembly met 上海 people.\nCAMCE too.\n";
    let want = "The Shanghai Federation of Trade Unions met 上海 people.\nWorkercn too.\n";
    for little in [true, false] {
        let dir = scratch(&[
            ("g.csv", TEST_GLOSSARY.as_bytes()),
            ("draft.txt", &utf16(text, little)),
        ]);
        let run = termcheck_in(dir.path(), &["fix", "draft.txt", "-g", "g.csv"], b"");
        assert_eq!(run.code, 0, "{}", run.stderr);
        let after = std::fs::read(dir.path().join("draft.txt")).unwrap();
        assert_eq!(after, utf16(want, little), "little endian: {little}");
    }
}

#[test]
fn ambiguous_and_unfixable_findings_are_left_for_a_person() {
    let glossary = "\
id,preferred,admitted,forbidden
a,Trade Union,,Labour Union
b,Workers Union,,Labour Union
c,Workers' Daily,Workers Daily,
";
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        (
            "draft.txt",
            b"A Labour Union met.\nWorkers' Daily and Workers Daily and Workers' Daily.\n",
        ),
    ]);
    let run = termcheck_in(dir.path(), &["fix", "draft.txt", "-g", "g.csv"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("draft.txt:1:3: left error[forbidden-term] \"Labour Union\" for a person: several suggestions compete"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "left info[inconsistent-term] \"Workers Daily\" for a person: no single correction"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.txt")).unwrap(),
        "A Labour Union met.\nWorkers' Daily and Workers Daily and Workers' Daily.\n",
        "nothing fixable, nothing written"
    );
    // Only info left: below the default --fail-on.
    let run = termcheck_in(
        dir.path(),
        &[
            "fix",
            "draft.txt",
            "-g",
            "g.csv",
            "--ignore",
            "forbidden-term",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = termcheck_in(
        dir.path(),
        &[
            "fix",
            "draft.txt",
            "-g",
            "g.csv",
            "--ignore",
            "forbidden-term",
            "--fail-on",
            "info",
        ],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
}

/// A banned rendering that is the preferred one in the other number: the glossary rejects the
/// number, so the suggestion keeps the preferred number, never naming the banned form.
#[test]
fn a_banned_number_is_corrected_to_the_preferred_number() {
    let glossary = "id,preferred,forbidden\nmixed,mixed doubles,mixed double\ngames,Olympic Games,Olympic Game\n";
    let draft = "The mixed double champions won.\nThe Olympic Game in Paris ended.\n";
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        ("draft.txt", draft.as_bytes()),
    ]);
    let run = termcheck_in(
        dir.path(),
        &["check", "draft.txt", "-g", "g.csv", "--format", "csv"],
        b"",
    );
    let expected: Vec<String> = parse_csv(&run.stdout)
        .into_iter()
        .map(|r| r.expected)
        .collect();
    assert_eq!(expected, ["mixed doubles", "Olympic Games"]);
    // `fix` does not change a noun's number on its own (the verb may have to follow): it
    // leaves both for a person, never "fixing" them into themselves.
    let run = termcheck_in(dir.path(), &["fix", "draft.txt", "-g", "g.csv"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("2 left for a person"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("-> \"mixed double\""),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.txt")).unwrap(),
        draft
    );
}

/// A trade mark sign is no text of a term (it matches without it), but a correction must not
/// drop it: one inside the found text is left for a person, one after it stays where it is.
#[test]
fn a_trade_mark_sign_is_kept_or_left_for_a_person() {
    let glossary = "\
id,preferred,forbidden
oeko,OEKO-TEX Standard,Oekotex Standard
hv,Hague-Visby Rules,Hague Visby Regulations
";
    let draft = "We use Oekotex® Standard here.\n\
        We use Oekotex Standard® here.\n\
        The Hague-Visby Regulations™ apply.\n";
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        ("draft.txt", draft.as_bytes()),
    ]);
    let run = termcheck_in(dir.path(), &["fix", "draft.txt", "-g", "g.csv"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "draft.txt:1:8: left error[forbidden-term] \"Oekotex® Standard\" for a person: holds a trade mark sign"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.txt")).unwrap(),
        "We use Oekotex® Standard here.\n\
         We use OEKO-TEX Standard® here.\n\
         The Hague-Visby Rules™ apply.\n",
    );
}

#[test]
fn a_banned_common_noun_in_the_plural_is_fixed_in_the_plural() {
    let glossary = "\
id,preferred,deprecated,forbidden
email,email,e-mail,
hx,heat exchanger,,heat swapper
ftu,Shanghai Federation of Trade Unions,,municipal general assembly
";
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        (
            "draft.txt",
            b"Send e-mails.\nTwo heat swappers and a heat swapper.\nThe municipal general assemblies met.\n",
        ),
    ]);
    let run = termcheck_in(dir.path(), &["fix", "draft.txt", "-g", "g.csv"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("draft.txt:1:6: fixed deprecated-term \"e-mails\" -> \"emails\""),
        "{}",
        run.stderr
    );
    // The last word of a name does not carry the name's number: a person decides.
    assert!(
        run.stderr.contains(
            "draft.txt:3:5: left error[forbidden-term] \"municipal general assemblies\" for a person: found in the plural"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.txt")).unwrap(),
        "Send emails.\nTwo heat exchangers and a heat exchanger.\nThe municipal general assemblies met.\n",
    );
}

/// A case-sensitive term in wrong capitals is written as the glossary lists it, at a
/// sentence's start too, where a capital would write another form ("GNB") or the slip again.
#[test]
fn a_case_sensitive_term_keeps_its_capitals_at_a_sentence_start() {
    let glossary = "\
id,preferred,forbidden,case
gnb,gNB,GNB,sensitive
kwh,kWh,,sensitive
";
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        (
            "draft.txt",
            b"Gnb sends. GNB resets. The gnb and 5 Kwh. Kwh is used.\n",
        ),
    ]);
    let run = termcheck_in(dir.path(), &["fix", "draft.txt", "-g", "g.csv"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.txt")).unwrap(),
        "gNB sends. gNB resets. The gNB and 5 kWh. kWh is used.\n",
        "{}",
        run.stderr
    );
}

#[test]
fn fix_reads_standard_input_and_writes_the_fixed_text() {
    let dir = scratch(&[("g.csv", TEST_GLOSSARY.as_bytes())]);
    let run = termcheck_in(
        dir.path(),
        &["fix", "-", "-g", "g.csv"],
        b"Ask CAMCE.\r\nOr China Industrial Network\r\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "Ask Workercn.\r\nOr Workercn\r\n");
    assert!(
        run.stderr.contains("<stdin>:1:5: fixed forbidden-term"),
        "{}",
        run.stderr
    );
}

#[test]
fn fix_errors_exit_2_and_other_files_are_still_fixed() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("ok.txt", b"Ask CAMCE.\n"),
        ("bad.txt", b"Ask \xFF CAMCE.\n"),
    ]);
    let run = termcheck_in(
        dir.path(),
        &["fix", "ok.txt", "bad.txt", "missing.txt", "-g", "g.csv"],
        b"",
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("bad.txt:1:5: invalid UTF-8"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("missing.txt: no such file"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ok.txt")).unwrap(),
        "Ask Workercn.\n"
    );
}

#[cfg(unix)]
#[test]
fn fix_writes_through_a_symbolic_link() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("real/draft.txt", b"Ask CAMCE.\n"),
    ]);
    std::os::unix::fs::symlink("real/draft.txt", dir.path().join("link.txt")).unwrap();
    let run = termcheck_in(dir.path(), &["fix", "link.txt", "-g", "g.csv"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let link = std::fs::symlink_metadata(dir.path().join("link.txt")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("real/draft.txt")).unwrap(),
        "Ask Workercn.\n"
    );
}

#[test]
fn bilingual_targets_are_fixed_and_source_findings_left_for_a_person() {
    let xliff = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="zh-CN" target-language="en" datatype="plaintext" original="a.txt">
    <body>
      <trans-unit id="1">
        <source>上海市总工会召开会议</source>
        <target>Municipal General Assembly held a meeting</target>
      </trans-unit>
      <trans-unit id="2">
        <source>上海市总工会发言</source>
        <target>The union spoke</target>
      </trans-unit>
      <trans-unit id="3">
        <source>上海市总工会</source>
        <target>Municipal <g id="b">General</g> Assembly</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"#;
    let dir = scratch(&[("a.xlf", xliff.as_bytes())]);
    let run = termcheck_in(dir.path(), &["fix", "a.xlf"], b"");
    assert_eq!(run.code, 1, "errors are left: {}", run.stderr);
    let after = std::fs::read_to_string(dir.path().join("a.xlf")).unwrap();
    assert_eq!(
        after,
        xliff.replace(
            "<target>Municipal General Assembly held",
            "<target>Shanghai Federation of Trade Unions held"
        ),
        "only the target's text is rewritten, and not across markup"
    );
    assert!(
        run.stderr.contains("a.xlf:11:17: left error[missing-term]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("Fixed 1 finding in 1 file; 2 left for a person."),
        "{}",
        run.stderr
    );
    // Run again, nothing is fixed and the same is left.
    let again = termcheck_in(dir.path(), &["fix", "a.xlf"], b"");
    assert_eq!(again.code, 1, "{}", again.stderr);
    assert!(
        again
            .stderr
            .contains("Fixed 0 findings in 0 files; 2 left for a person."),
        "{}",
        again.stderr
    );
}

#[test]
fn a_finding_across_markup_or_a_character_reference_is_left_with_that_reason() {
    let xliff = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="zh-CN" target-language="en" datatype="plaintext" original="a.txt">
    <body>
      <trans-unit id="1">
        <source>上海市总工会</source>
        <target>The Municipal <g id="b">General</g> Assembly</target>
      </trans-unit>
      <trans-unit id="2">
        <source>上海市总工会</source>
        <target>The Municipal&#160;General&#160;Assembly</target>
      </trans-unit>
      <trans-unit id="3">
        <source>上海市总工会</source>
        <target>The Municipal General Assembly</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"#;
    let dir = scratch(&[("a.xlf", xliff.as_bytes())]);
    let run = termcheck_in(dir.path(), &["fix", "a.xlf", "--diff"], b"");
    let left: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains(": left "))
        .collect();
    let across: Vec<&str> = left
        .iter()
        .filter(|l| l.ends_with("crosses markup or an escape in the file; fix it by hand"))
        .map(|l| l.split(": left").next().unwrap())
        .collect();
    assert_eq!(across, ["a.xlf:7:21", "a.xlf:11:21"], "{}", run.stderr);
    assert!(
        !run.stderr.contains("the text changed since it was checked"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout
            .contains("+        <target>The Shanghai Federation of Trade Unions</target>"),
        "the plain unit is still fixed: {}",
        run.stdout
    );
}

#[test]
fn a_name_misspelt_after_its_banned_start_is_corrected_whole_not_twice() {
    let glossary = "\
id,source,preferred,admitted,forbidden
miit,工业和信息化部,Ministry of Industry and Information Technology,MIIT,Ministry of Industry and Information
";
    let text = "The Ministry of Industry and Information Techology held a meeting.\n\
The Ministry of Industry and Information Technologies said it would speed up 5G.\n\
The Ministry of Industry and Information said it would speed up 5G.\n";
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        ("draft.txt", text.as_bytes()),
    ]);
    let run = termcheck_in(dir.path(), &["fix", "draft.txt", "-g", "g.csv"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    // `check` reports the first two as the approved name garbled, corrected whole (the name's
    // number is its head's, "Ministry"); the guard against writing words twice, for a banned
    // start reported alone, is tested in src/fix.rs.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.txt")).unwrap(),
        text.replace("Information said", "Information Technology said")
            .replace("Techology", "Technology")
            .replace("Technologies", "Technology"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("Technology Tech"), "{}", run.stderr);
}

/// A slip in a common noun written in the plural is corrected in the plural: the suggestion
/// keeps the number the text wrote, as the exact rules' does.
#[test]
fn a_misspelt_common_noun_in_the_plural_is_corrected_in_the_plural() {
    let glossary = "\
id,preferred
postdoc,postdoctoral researcher
prof,associate professor
mw,model workers
";
    let text = "Postdoctoral reseachers receive a card.\n\
The school hired five associate profesors.\n\
One modle worker spoke.\n\
A postdoctoral reseacher spoke.\n";
    let dir = scratch(&[("g.csv", glossary.as_bytes()), ("faq.txt", text.as_bytes())]);
    let run = termcheck_in(
        dir.path(),
        &["check", "faq.txt", "-g", "g.csv", "--format", "csv"],
        b"",
    );
    let expected: Vec<(String, String)> = parse_csv(&run.stdout)
        .into_iter()
        .map(|r| (r.found, r.expected))
        .collect();
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        expected,
        [
            pair("Postdoctoral reseachers", "postdoctoral researchers"),
            pair("associate profesors", "associate professors"),
            pair("modle worker", "model worker"),
            pair("postdoctoral reseacher", "postdoctoral researcher"),
        ]
    );
    let run = termcheck_in(dir.path(), &["fix", "faq.txt", "-g", "g.csv"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("faq.txt")).unwrap(),
        "Postdoctoral researchers receive a card.\n\
The school hired five associate professors.\n\
One model worker spoke.\n\
A postdoctoral researcher spoke.\n",
        "{}",
        run.stderr
    );
}

#[test]
fn a_garbled_term_whose_correction_changes_its_number_is_left_for_a_person() {
    let glossary = "\
id,source,preferred,case,note
gold-coin,金币,Gold Coin,name,Soft currency.
phoenix-feather,凤凰羽,Phoenix Feather,name,Revive item.
dragon-scale,龙鳞,Dragon Scale,name,Craft item.
gramneg,革兰氏阴性菌,Gram-negative bacterium,,n
";
    // (A name the document counts names a kind of thing, whose plural is grammar anywhere in
    // the document, and so is a name of ordinary words bare in the plural: the plural left for
    // a person is of a name counted nowhere, after "the".)
    let text = "You received {count} Gold Coins.\n\
Not enough Gold Coins.\n\
Got %s Phoenix Feathers.\n\
Gram-negative bacteria were resistant.\n\
A Phoenix Feathr revives you.\n\
The shopkeeper sells the Dragon Scales.\n";
    let dir = scratch(&[("g.csv", glossary.as_bytes()), ("ui.txt", text.as_bytes())]);
    let run = termcheck_in(dir.path(), &["fix", "ui.txt", "-g", "g.csv"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ui.txt")).unwrap(),
        text.replace("Feathr revives", "Feather revives"),
        "only the misspelling is corrected: {}",
        run.stderr
    );
    let number_changes = run
        .stderr
        .lines()
        .filter(|l| {
            l.ends_with("for a person: the correction changes singular to plural or back; the words around it agree with the number the text uses")
        })
        .count();
    // A plural after a placeholder or a quantity word is grammar, "bacteria" the plural of
    // "bacterium": garbled-term reports only the plural with nothing to count it.
    assert_eq!(number_changes, 1, "{}", run.stderr);
    assert!(run.stderr.contains("ui.txt:6:26: left"), "{}", run.stderr);
}

#[test]
fn a_greek_letter_in_a_latin_rendering_keeps_its_case_in_capitals() {
    let glossary =
        "id,preferred,deprecated,note\nbcat,β-catenin,beta-catenin,Use the Greek letter.\n";
    let dir = scratch(&[("g.csv", glossary.as_bytes())]);
    let run = termcheck_in(
        dir.path(),
        &["fix", "-", "-g", "g.csv"],
        "FIGURE 2. BETA-CATENIN STAINING IN ADENOMAS\nBeta-catenin was stained. So was BETA-CATENIN.\n"
            .as_bytes(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "FIGURE 2. β-CATENIN STAINING IN ADENOMAS\nβ-catenin was stained. So was β-CATENIN.\n"
    );
}

#[test]
fn a_banned_rendering_is_fixed_only_where_the_source_names_its_concept() {
    let glossary =
        "id,source,preferred,forbidden\nminimum-wage,最低工资,minimum wage,lowest wage\n";
    let tsv = "id\tsource\ttarget\n\
               t1\t不得低于相同岗位最低档工资的80%。\tNot less than 80% of the lowest wage for the same position.\n\
               t2\t不得低于最低工资。\tNot lower than the lowest wage.\n\
               t3\t\tNot lower than the lowest wage.\n";
    let dir = scratch(&[("g.csv", glossary.as_bytes()), ("a.tsv", tsv.as_bytes())]);
    let run = termcheck_in(dir.path(), &["fix", "-g", "g.csv", "a.tsv"], b"");
    assert_eq!(run.code, 1, "one is left: {}", run.stderr);
    let after = std::fs::read_to_string(dir.path().join("a.tsv")).unwrap();
    assert_eq!(
        after,
        "id\tsource\ttarget\n\
         t1\t不得低于相同岗位最低档工资的80%。\tNot less than 80% of the lowest wage for the same position.\n\
         t2\t不得低于最低工资。\tNot lower than the minimum wage.\n\
         t3\t\tNot lower than the minimum wage.\n",
        "the source of t1 names no minimum wage; t3 has no source to tell"
    );
    assert!(
        run.stderr.contains(
            "left error[forbidden-term] \"lowest wage\" for a person: the segment's source does not name its concept"
        ),
        "{}",
        run.stderr
    );
}

/// A correction is written as the file's format writes text: escaped in XLIFF, JSON Lines and
/// PO, so that the file still parses and reads the correction; a TSV or CSV cell, whose
/// quoting a span inside it does not show, takes no delimiter or quote: left for a person.
#[test]
fn a_correction_is_written_as_the_files_format_writes_text() {
    let glossary =
        "id,preferred,forbidden\nbri,\"Belt & Road \"\"Initiative\"\" <B&R>\",One Belt One Road\n";
    let xliff = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file source-language=\"zh\" target-language=\"en\" datatype=\"plaintext\" original=\"x\"><body>\n\
<trans-unit id=\"1\"><source>一带一路</source><target>The One Belt One Road plan.</target></trans-unit>\n\
</body></file></xliff>\n";
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        ("a.xlf", xliff.as_bytes()),
        (
            "a.jsonl",
            b"{\"id\":\"1\",\"source\":\"\xe4\xb8\x80\xe5\xb8\xa6\xe4\xb8\x80\xe8\xb7\xaf\",\"target\":\"The One Belt One Road plan.\"}\n",
        ),
        ("a.po", b"msgid \"x\"\nmsgstr \"The One Belt One Road plan.\"\n"),
        ("a.tsv", "source\ttarget\n一带一路\tThe One Belt One Road plan.\n".as_bytes()),
    ]);
    let run = termcheck_in(
        dir.path(),
        &["fix", "-g", "g.csv", "a.xlf", "a.jsonl", "a.po", "a.tsv"],
        b"",
    );
    assert_eq!(run.code, 1, "the TSV cell is left: {}", run.stderr);
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert!(
        read("a.xlf")
            .contains("<target>The Belt &amp; Road \"Initiative\" &lt;B&amp;R&gt; plan.</target>"),
        "{}",
        read("a.xlf")
    );
    assert!(
        read("a.jsonl").contains(r#""target":"The Belt & Road \"Initiative\" <B&R> plan."}"#),
        "{}",
        read("a.jsonl")
    );
    assert_eq!(
        read("a.po"),
        "msgid \"x\"\nmsgstr \"The Belt & Road \\\"Initiative\\\" <B&R> plan.\"\n"
    );
    assert_eq!(
        read("a.tsv"),
        "source\ttarget\n一带一路\tThe One Belt One Road plan.\n"
    );
    assert!(
        run.stderr
            .contains("a.tsv:2:10: left error[forbidden-term]")
            && run.stderr.contains("delimiter or quote"),
        "{}",
        run.stderr
    );
    // The files read back as the correction: nothing left to fix, the TSV's finding aside.
    let again = termcheck_in(
        dir.path(),
        &[
            "check",
            "-g",
            "g.csv",
            "--select",
            "forbidden-term",
            "--format",
            "csv",
            "a.xlf",
            "a.jsonl",
            "a.po",
            "a.tsv",
        ],
        b"",
    );
    let rows = parse_csv(&again.stdout);
    let files: Vec<&str> = rows.iter().map(|r| r.file.as_str()).collect();
    assert_eq!(files, ["a.tsv"], "{}", again.stdout);
}

#[test]
fn a_banned_rendering_mentioned_beside_an_approved_one_is_left_as_written() {
    let glossary = "\
id,preferred,deprecated,case
mao,Mao Zedong,Mao Tse-tung,name
beijing,Beijing,Peking,
shanghai,Shanghai,Shanghae,
neo,Neo-Confucianism,Learning of Principle,name
";
    let text = "\
Mao Zedong (Mao Tse-tung in Wade-Giles) led it; Beijing (formerly Peking) hosted it.
Neo-Confucianism, also known as the Learning of Principle, grew. They called Beijing \"Peking\".
Shanghai (Peking) grew. Beijing and Peking differ. Beijing grew; later Peking was small.
";
    let dir = scratch(&[("g.csv", glossary.as_bytes())]);
    let run = termcheck_in(dir.path(), &["fix", "-", "-g", "g.csv"], text.as_bytes());
    // A use beside the approved rendering in one sentence is left for a person: corrected,
    // it would read "Beijing and Beijing differ".
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("3:37: left warning[deprecated-term] \"Peking\""),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stdout,
        "\
Mao Zedong (Mao Tse-tung in Wade-Giles) led it; Beijing (formerly Peking) hosted it.
Neo-Confucianism, also known as the Learning of Principle, grew. They called Beijing \"Peking\".
Shanghai (Beijing) grew. Beijing and Peking differ. Beijing grew; later Beijing was small.
"
    );
}

#[test]
fn a_deprecated_name_marked_as_a_former_one_is_neither_reported_nor_fixed() {
    let glossary = "\
id,preferred,admitted,deprecated,forbidden
nmpa,National Medical Products Administration,NMPA,China Food and Drug Administration|CFDA,State Medicine Bureau
";
    let text = "\
It was approved by the former China Food and Drug Administration.
The CFDA (now NMPA) approved it; the CFDA was renamed the NMPA in 2018.
It was previously regulated by the China Food and Drug Administration.
The former State Medicine Bureau approved it.
";
    let dir = scratch(&[("g.csv", glossary.as_bytes())]);
    let check = termcheck_in(
        dir.path(),
        &["check", "-", "-g", "g.csv", "--format", "csv"],
        text.as_bytes(),
    );
    let lines: Vec<u64> = parse_csv(&check.stdout).iter().map(|r| r.line).collect();
    assert_eq!(lines, [3, 4], "{}", check.stdout);
    let run = termcheck_in(dir.path(), &["fix", "-", "-g", "g.csv"], text.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "\
It was approved by the former China Food and Drug Administration.
The CFDA (now NMPA) approved it; the CFDA was renamed the NMPA in 2018.
It was previously regulated by the National Medical Products Administration.
The former National Medical Products Administration approved it.
"
    );
}

#[test]
fn a_banned_abbreviation_is_fixed_by_the_concepts_approved_abbreviation() {
    let glossary = "\
id,preferred,admitted,deprecated,forbidden
cpc,Communist Party of China,CPC,Chinese Communist Party|CCP,
bri,Belt and Road Initiative,BRI,,One Belt One Road|OBOR
wto,World Trade Organization,,WTOO,
";
    let dir = scratch(&[("g.csv", glossary.as_bytes())]);
    let run = termcheck_in(
        dir.path(),
        &["fix", "-", "-g", "g.csv"],
        b"The CCP leadership and the OBOR projects.\nThe Chinese Communist Party and One Belt One Road.\nThe WTOO rules.\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "The CPC leadership and the BRI projects.\nThe Communist Party of China and Belt and Road Initiative.\nThe World Trade Organization rules.\n"
    );
}

/// A correction keeps the sentence English: a verb after a variant is no noun it modifies, a
/// plural the correction cannot take and an article before a word that may be a mass noun
/// are left for a person.
#[test]
fn corrections_that_would_break_the_grammar_are_left_and_verbs_are_no_modified_nouns() {
    let glossary = "\
id,preferred,deprecated,forbidden,case
bol,bill of lading,lading bill,,
dem,demurrage,,delay fee,
app,Mini Program,applet,,name
";
    let draft = "The lading bill named the consignee.\n\
The lading bill number is missing.\n\
They claimed a delay fee and the delay fee.\n\
Several applets were removed.\n";
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        ("draft.txt", draft.as_bytes()),
    ]);
    let run = termcheck_in(dir.path(), &["fix", "draft.txt", "-g", "g.csv"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.txt")).unwrap(),
        "The bill of lading named the consignee.\n\
The lading bill number is missing.\n\
They claimed a delay fee and the demurrage.\n\
Several applets were removed.\n",
    );
    for left in [
        "draft.txt:2:5: left warning[deprecated-term] \"lading bill\" for a person: it modifies the word after it",
        "draft.txt:3:16: left error[forbidden-term] \"delay fee\" for a person: it follows \"a\" or \"an\", and the correction's head is another word that may be a mass noun",
        "draft.txt:4:9: left warning[deprecated-term] \"applets\" for a person: found in the plural",
    ] {
        assert!(run.stderr.contains(left), "{left}\n{}", run.stderr);
    }
    // The suggestion of the plural is the name as listed, which fix leaves.
    let check = termcheck_in(
        dir.path(),
        &["check", "draft.txt", "-g", "g.csv", "--format", "csv"],
        b"",
    );
    assert!(check.stdout.contains(",Mini Program,"), "{}", check.stdout);
}
