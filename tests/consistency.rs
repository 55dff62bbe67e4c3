//! inconsistent-term and the consistency report, through the built binary.

mod common;

use common::{parse_csv, scratch, termcheck_in};
use termcheck::report::csv::ReportRow;

const GLOSSARY: &[u8] = b"id,preferred,admitted,deprecated,forbidden\n\
staff,workers and staff,employees,,\n\
union,labor union,labour union,,\n\
hq,high-quality development,,,\n";

/// Runs `termcheck check ARGS -g g.csv --format csv` in `dir`: the exit code and the rows.
#[track_caller]
fn check(dir: &tempfile::TempDir, args: &[&str]) -> (i32, Vec<ReportRow>) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-g", "g.csv", "--format", "csv"]);
    let run = termcheck_in(dir.path(), &all, b"");
    assert_ne!(run.code, 2, "{}", run.stderr);
    (run.code, parse_csv(&run.stdout))
}

#[test]
fn minority_renderings_in_a_document_are_reported_with_the_counts() {
    let dir = scratch(&[
        ("g.csv", GLOSSARY),
        (
            "a.txt",
            b"The employees met. The employees voted. Workers and staff left.\n",
        ),
    ]);
    let (run_code, rows) = check(&dir, &["a.txt"]);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let r = &rows[0];
    assert_eq!(
        (r.rule.as_str(), r.concept.as_str(), r.found.as_str()),
        ("inconsistent-term", "staff", "Workers and staff")
    );
    assert_eq!((r.line, r.column), (1, 41));
    assert_eq!(r.severity, "info");
    assert!(r.message.contains("\"employees\" twice"), "{}", r.message);
    // Info findings do not fail the run unless asked.
    assert_eq!(run_code, 0);
}

/// An abbreviation in capitals is written beside its full form by convention (the full form
/// first, the abbreviation after): the two are not a choice between renderings.
#[test]
fn an_abbreviation_and_its_full_form_are_not_inconsistent() {
    let glossary = b"id,preferred,admitted\n\
vfd,variable frequency drive,VFD\n\
sme,small and medium-sized enterprises,SMEs\n\
staff,workers and staff,employees\n";
    let dir = scratch(&[
        ("g.csv", glossary),
        (
            "a.txt",
            b"The variable frequency drive (VFD) runs the pump. The VFD was serviced, and the \
VFD logs are kept. The employees met; the employees voted; workers and staff left. Small and \
medium-sized enterprises (SMEs) gained; SMEs hired and the SMEs' owners invested.\n",
        ),
    ]);
    let (_, rows) = check(&dir, &["a.txt"]);
    let found: Vec<_> = rows
        .iter()
        .map(|r| (r.rule.as_str(), r.found.as_str()))
        .collect();
    assert_eq!(found, [("inconsistent-term", "workers and staff")]);
}

/// A common noun is one rendering in either number: its plural uses count for the majority,
/// and its two numbers are never inconsistent with each other.
#[test]
fn a_common_noun_counts_in_both_numbers() {
    let glossary = b"id,preferred,admitted\n\
email,email,electronic mail\n\
loc,letter of credit,documentary credit\n\
addr,base address,\n";
    let dir = scratch(&[
        ("g.csv", glossary),
        (
            "a.txt",
            b"Send emails. Read emails. Delete emails. Keep the electronic mail.\n\
Two letters of credit and a letter of credit. The base address and the base addresses.\n",
        ),
    ]);
    let (_, rows) = check(&dir, &["a.txt", "--consistency-report", "r.csv"]);
    let found: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.concept.as_str(), r.found.as_str()))
        .collect();
    assert_eq!(found, [("email", "electronic mail")], "{rows:?}");
    assert!(
        rows[0].message.contains("\"emails\" 3 times"),
        "{}",
        rows[0].message
    );
    // The report names a variant as the glossary writes it, its forms as the text does.
    let report = std::fs::read_to_string(dir.path().join("r.csv")).unwrap();
    assert!(
        report.contains("email,email,preferred,3,a.txt,emails\n"),
        "{report}"
    );
    assert!(
        report.contains(
            "loc,letter of credit,preferred,2,a.txt,letters of credit|letter of credit\n"
        ),
        "{report}"
    );
}

#[test]
fn a_tie_goes_to_the_preferred_form_and_one_rendering_is_consistent() {
    let dir = scratch(&[
        ("g.csv", GLOSSARY),
        ("tie.txt", b"The labour union and the labor union.\n"),
        ("one.txt", b"The employees met. The employees voted.\n"),
    ]);
    let (_, rows) = check(&dir, &["tie.txt", "one.txt"]);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        (rows[0].file.as_str(), rows[0].found.as_str()),
        ("tie.txt", "labour union")
    );
}

#[test]
fn capitalisation_inside_the_term_is_a_surface_variant_but_sentence_case_is_not() {
    let dir = scratch(&[
        ("g.csv", GLOSSARY),
        (
            "a.txt",
            b"High-quality development matters. We want high-quality development.\n\
              The plan for high-quality development. Growth needs High-Quality Development.\n",
        ),
    ]);
    let (_, rows) = check(&dir, &["a.txt"]);
    let found: Vec<&str> = rows.iter().map(|r| r.found.as_str()).collect();
    assert_eq!(found, vec!["High-Quality Development"], "{rows:?}");
}

/// A rendering is named as it was written: a title keeps its capitals ("High-Quality
/// Development", not "high-Quality Development"), a sentence's first capital is dropped, and a
/// name written with a small first letter first is named by its later occurrence written as
/// the glossary writes it.
#[test]
fn renderings_are_named_as_written() {
    let glossary = b"id,preferred\n\
hq,high-quality development\n\
who,World Health Organization\n";
    let dir = scratch(&[
        ("g.csv", glossary),
        (
            "a.txt",
            b"We want High-Quality Development. Growth needs High-Quality Development.\n\
              High-Quality development is slow. The world Health Organization agreed, and the \
              World Health Organization wrote.\n",
        ),
    ]);
    let (_, rows) = check(&dir, &["a.txt", "--consistency-report", "dist.csv"]);
    // Occurrences tallied (without the report) and kept (for it) are named alike.
    assert_eq!(check(&dir, &["a.txt"]).1, rows);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].found, "High-Quality development");
    assert_eq!(rows[0].expected, "High-Quality Development");
    assert!(
        rows[0]
            .message
            .contains("\"High-Quality Development\" twice"),
        "{}",
        rows[0].message
    );
    let report = std::fs::read_to_string(dir.path().join("dist.csv")).unwrap();
    let renderings: Vec<&str> = report
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(
        renderings,
        [
            "High-Quality Development",
            "High-Quality development",
            "World Health Organization"
        ]
    );
}

#[test]
fn batch_scope_compares_across_files_and_document_scope_does_not() {
    let dir = scratch(&[
        ("g.csv", GLOSSARY),
        ("a.txt", b"The employees met.\n"),
        (
            "b.txt",
            b"Workers and staff met. Workers and staff voted.\n",
        ),
    ]);
    assert!(check(&dir, &["a.txt", "b.txt"]).1.is_empty());
    let (_, rows) = check(&dir, &["a.txt", "b.txt", "--consistency", "batch"]);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        (rows[0].file.as_str(), rows[0].found.as_str()),
        ("a.txt", "employees")
    );
    assert!(
        rows[0].message.contains("twice elsewhere in this batch"),
        "{}",
        rows[0].message
    );
}

#[test]
fn the_consistency_report_lists_every_rendering_with_status_count_and_files() {
    let dir = scratch(&[
        ("g.csv", GLOSSARY),
        ("a.txt", b"The employees met. High quality development.\n"),
        ("b.txt", b"Workers and staff met. The employees voted.\n"),
    ]);
    check(
        &dir,
        &["a.txt", "b.txt", "--consistency-report", "dist.csv"],
    );
    let text = std::fs::read_to_string(dir.path().join("dist.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        vec!["concept", "rendering", "status", "count", "files", "forms"]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let row = |concept: &str, rendering: &str| {
        rows.iter()
            .find(|r| r[0] == concept && r[1] == rendering)
            .unwrap_or_else(|| panic!("{concept} {rendering} missing from {rows:?}"))
            .clone()
    };
    assert_eq!(
        row("staff", "employees")[2..],
        ["admitted", "2", "a.txt|b.txt", "employees"]
    );
    assert_eq!(
        row("staff", "workers and staff")[2..],
        ["preferred", "1", "b.txt", "workers and staff"]
    );
    assert_eq!(
        row("hq", "High quality development")[2..],
        ["garbled", "1", "a.txt", "High quality development"]
    );
}

#[test]
fn british_and_american_spellings_are_surface_variants_not_garbled_terms() {
    let dir = scratch(&[
        ("g.csv", b"id,preferred\nlabor,labor union\n"),
        (
            "a.txt",
            b"The labor union met. The labor union voted. The labour union left.\n",
        ),
        ("b.txt", b"The labour union met.\n"),
    ]);
    let (_, rows) = check(&dir, &["a.txt", "b.txt"]);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let r = &rows[0];
    assert_eq!(
        (r.file.as_str(), r.rule.as_str(), r.found.as_str()),
        ("a.txt", "inconsistent-term", "labour union")
    );
    assert!(r.message.contains("\"labor union\" twice"), "{}", r.message);
}

/// The other spelling in the plural ("counselors" for "counsellor") is that rendering in
/// another spelling, a surface variant, not a garbled term; the suggestion keeps the text's
/// number.
#[test]
fn the_other_spelling_in_the_plural_is_a_surface_variant_in_the_texts_number() {
    let dir = scratch(&[
        (
            "g.csv",
            b"id,preferred\ncounsellor,student counsellor\nprog,undergraduate programme\n",
        ),
        (
            "a.txt",
            b"Ask your student counsellor.\nAsk your student counsellor.\n\
Student counselors meet on Tuesday.\n",
        ),
        ("b.txt", b"They are undergraduate programs.\n"),
    ]);
    let (_, rows) = check(&dir, &["a.txt", "b.txt"]);
    let found: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r.file.as_str(),
                r.rule.as_str(),
                r.found.as_str(),
                r.expected.as_str(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [(
            "a.txt",
            "inconsistent-term",
            "Student counselors",
            "student counsellors"
        )],
        "{rows:?}"
    );
}

/// A named pipe is read once: the minority renderings of a document read from one are placed
/// from a copy (or the text kept), not by opening the pipe again, which would wait for another
/// writer for ever. The report is the one of the same text in a regular file.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_read_once_and_reported_as_a_file_is() {
    const TEXT: &[u8] = b"The employees met. The employees voted.\n\nWorkers and staff left.\n";
    let dir = scratch(&[("g.csv", GLOSSARY), ("a.txt", TEXT)]);
    let (_, from_file) = check(&dir, &["a.txt"]);
    assert_eq!(from_file.len(), 1, "{from_file:?}");
    let args = ["check", "pipe.txt", "-g", "g.csv", "--format", "csv"];
    let run = common::termcheck_with_pipe(dir.path(), "pipe.txt", TEXT, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let placed = |rows: &[ReportRow]| -> Vec<(String, u64, u64, String)> {
        rows.iter()
            .map(|r| (r.rule.clone(), r.line, r.column, r.context.clone()))
            .collect()
    };
    assert_eq!(placed(&common::parse_csv(&run.stdout)), placed(&from_file));
}

#[test]
fn a_title_case_headline_says_nothing_of_a_terms_capitals() {
    let text = "City Targets High-Quality Development in New Plan\n\n\
                High-quality development is the goal. The plan puts high-quality development \
                first. The High-Quality Development office opened.\n";
    let dir = scratch(&[("g.csv", GLOSSARY), ("a.txt", text.as_bytes())]);
    // Only the capitals inside a sentence are inconsistent, whether occurrences are tallied or
    // all kept (for the consistency report).
    for args in [
        &["a.txt"][..],
        &["a.txt", "--consistency-report", "r.csv"][..],
    ] {
        let (_, rows) = check(&dir, args);
        let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [3], "{args:?}: {rows:?}");
    }
}

/// A short form in small letters too ("IFN-γ", "B. subtilis", "siRNA") abbreviates its full
/// form as one in capitals does ("IL-6"): the full form at first use and the abbreviation after are not
/// rival renderings, however often each is written. Two full forms, or two abbreviations, of
/// one concept still compete, and so does a short rendering that abbreviates no other and
/// keeps a word of its own ("employees" beside "workers and staff").
#[test]
fn an_abbreviation_in_small_letters_is_no_rival_of_its_full_form() {
    let glossary = "id,preferred,admitted\n\
ifng,IFN-γ,interferon gamma|IFNγ\n\
bsub,Bacillus subtilis,B. subtilis\n\
sirna,siRNA,small interfering RNA\n\
staff,workers and staff,employees\n\
union,labour union,labor union\n";
    let text = "Bacillus subtilis was grown with interferon gamma (IFN-γ). B. subtilis \
                spores and IFN-γ levels rose; B. subtilis and IFN-γ fell later. Small \
                interfering RNA (siRNA) was added; siRNA uptake and siRNA decay were measured.\n\n\
                The employees met. The employees voted. Workers and staff left. The labour union \
                met. The labour union voted. The labor union left.\n\n\
                IFNγ was rare.\n";
    let dir = scratch(&[("g.csv", glossary.as_bytes()), ("a.txt", text.as_bytes())]);
    // Occurrences tallied (without the report) and kept (for it) are judged alike.
    for args in [
        &["a.txt"][..],
        &["a.txt", "--consistency-report", "r.csv"][..],
    ] {
        let (_, rows) = check(&dir, args);
        let found: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r.concept.as_str(), r.found.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("staff", "Workers and staff"),
                ("union", "labor union"),
                ("ifng", "IFNγ")
            ],
            "{args:?}: {rows:?}"
        );
        // Twice: "interferon gamma (IFN-γ)" is a gloss, one mention that chooses neither.
        assert!(
            rows[2].message.contains("\"IFN-γ\" twice"),
            "{}",
            rows[2].message
        );
    }
}

#[test]
fn a_one_word_rendering_in_the_other_spelling_is_a_minority_rendering() {
    let glossary = b"id,preferred\narmor,armor\ncolor,color\n";
    let dir = scratch(&[
        ("g.csv", glossary),
        (
            "mixed.txt",
            b"Armor blocks damage. Heavy armor slows you. Armor breaks. The armour is gone.\n",
        ),
        (
            "one.txt",
            b"Armor blocks damage. Heavy armor slows you. Armor breaks. The colour is red.\n",
        ),
    ]);
    let (_, rows) = check(&dir, &["mixed.txt"]);
    let found: Vec<_> = rows
        .iter()
        .map(|r| (r.rule.as_str(), r.found.as_str()))
        .collect();
    assert_eq!(found, [("inconsistent-term", "armour")], "{rows:?}");
    // One spelling of each concept: nothing to compare.
    let (code, rows) = check(&dir, &["one.txt"]);
    assert_eq!((code, rows.len()), (0, 0), "{rows:?}");
}

/// Reads the consistency report `name` in `dir`: its rows, each as its fields.
#[track_caller]
fn report_rows(dir: &tempfile::TempDir, name: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// A preferred and an admitted rendering that differ only in case are two spellings of one
/// rendering: each occurrence counts once, under the spelling it is written in.
#[test]
fn renderings_that_differ_only_in_case_count_each_occurrence_once() {
    let glossary = b"id,preferred,admitted\ntang,Tang Dynasty,Tang dynasty\n";
    let text = b"Gilt bronze Buddha, Tang Dynasty, 8th century.\n\
Silver cup, Tang Dynasty, 8th century.\n\
Sancai camel, Tang dynasty, about 723.\n";
    let dir = scratch(&[("g.csv", glossary), ("a.txt", text)]);
    for args in [
        &["a.txt"][..],
        &["a.txt", "--consistency-report", "r.csv"][..],
        &["a.txt", "--consistency", "batch"][..],
    ] {
        let (_, rows) = check(&dir, args);
        let found: Vec<(u64, &str)> = rows.iter().map(|r| (r.line, r.found.as_str())).collect();
        assert_eq!(found, [(3, "Tang dynasty")], "{args:?}: {rows:?}");
        assert!(
            rows[0].message.contains("\"Tang Dynasty\" twice"),
            "{}",
            rows[0].message
        );
    }
    let rows = report_rows(&dir, "r.csv");
    let rows: Vec<[&str; 3]> = rows
        .iter()
        .map(|r| [r[1].as_str(), r[2].as_str(), r[3].as_str()])
        .collect();
    assert_eq!(
        rows,
        [
            ["Tang Dynasty", "preferred", "2"],
            ["Tang dynasty", "admitted", "1"]
        ]
    );
}

/// The consistency report counts the renderings as `inconsistent-term` does: a common noun in
/// either number is one variant, whose row lists the forms it counts; another spelling is
/// another variant.
#[test]
fn the_consistency_report_counts_both_numbers_of_a_common_noun_as_one() {
    let glossary = b"id,preferred,admitted\ndefence,thesis defence,oral defence\n";
    let text = b"The thesis defence is public.\nThesis defences are held in May.\n\
The thesis defense is in June. The thesis defense is long.\n";
    let dir = scratch(&[("g.csv", glossary), ("a.txt", text)]);
    let (_, rows) = check(&dir, &["a.txt", "--consistency-report", "r.csv"]);
    assert!(
        rows.iter()
            .all(|r| r.found == "thesis defense" && r.message.contains("\"thesis defence\" twice")),
        "{rows:?}"
    );
    let rows = report_rows(&dir, "r.csv");
    let rows: Vec<[&str; 3]> = rows
        .iter()
        .map(|r| [r[1].as_str(), r[3].as_str(), r[5].as_str()])
        .collect();
    assert_eq!(
        rows,
        [
            ["thesis defence", "2", "thesis defence|thesis defences"],
            ["thesis defense", "2", "thesis defense"],
        ]
    );
}

/// VARCON lists "backwards" beside "backward": a spelling, though it ends as a plural does. Used
/// freely in a document, it is still a variant of the rendering, not its modifier inflected.
#[test]
fn a_respelling_that_looks_like_a_plural_is_a_variant_however_often_it_is_used() {
    let mut text = String::new();
    for i in 0..8 {
        text.push_str(&format!("We keep backward compatibility in release {i}.\n"));
    }
    for i in 0..5 {
        text.push_str(&format!("For backwards compatibility, set option {i}.\n"));
    }
    let dir = scratch(&[
        (
            "g.csv",
            b"id,preferred\ncompat,backward compatibility\n" as &[u8],
        ),
        ("a.txt", text.as_bytes()),
    ]);
    let (_, rows) = check(&dir, &["a.txt"]);
    let found: Vec<(&str, u64)> = rows.iter().map(|r| (r.found.as_str(), r.line)).collect();
    let expected: Vec<(&str, u64)> = (9..=13).map(|l| ("backwards compatibility", l)).collect();
    assert_eq!(found, expected);
    assert!(rows.iter().all(|r| r.rule == "inconsistent-term"));
}

/// A rendering glossed by another of its concept in brackets ("the fall armyworm (Spodoptera
/// frugiperda)", "User Equipment (UE)") is one mention in two registers: neither half counts
/// as a choice of rendering, however the occurrences are counted (tallied, kept for the
/// report, across a batch). The mentions alone after it are compared; a rendering alone in
/// brackets after some other word is one of them.
#[test]
fn a_rendering_glossed_in_brackets_is_no_rendering_choice() {
    let glossary = b"id,preferred,admitted\n\
faw,fall armyworm,Spodoptera frugiperda\n\
tea,tea plant,Camellia sinensis\n\
ue,user equipment,UE\n" as &[u8];
    let glossed = b"The fall armyworm (Spodoptera frugiperda) reached Yunnan. Fall armyworm \
moths fly far.\n\nThe tea plant (*Camellia sinensis*) is an evergreen. Young tea plants are \
shaded.\n\nThe User Equipment (UE) shall monitor the PDCCH. The user equipment sleeps. The UE \
(user equipment) wakes.\n" as &[u8];
    let lone = b"The fall armyworm (Spodoptera frugiperda) spread. The pest (Spodoptera \
frugiperda) ate maize. Spodoptera frugiperda larvae bore in. The fall armyworm flew.\n\
Spodoptera frugiperda came back.\n" as &[u8];
    let dir = scratch(&[("g.csv", glossary), ("a.md", glossed), ("b.txt", lone)]);
    for args in [
        &["a.md"][..],
        &["a.md", "--consistency-report", "r.csv"][..],
        &["a.md", "--consistency", "batch"][..],
    ] {
        let (_, rows) = check(&dir, args);
        assert!(rows.is_empty(), "{args:?}: {rows:?}");
    }
    // The Latin name alone, three times (once in brackets after "the pest"), against the
    // common name alone once: the common name is the minority.
    for args in [
        &["b.txt"][..],
        &["b.txt", "--consistency-report", "r.csv"][..],
    ] {
        let (_, rows) = check(&dir, args);
        let found: Vec<(&str, u64, &str)> = rows
            .iter()
            .map(|r| (r.found.as_str(), r.line, r.expected.as_str()))
            .collect();
        assert_eq!(
            found,
            [("fall armyworm", 1, "Spodoptera frugiperda")],
            "{args:?}"
        );
    }
}

/// A Markdown heading in Title Case and a table's cell or header set the capitals of a term
/// in them; the same capitals in a sentence are still a rendering of their own. A table row
/// is the context of a finding in it, not the rows before it.
#[test]
fn a_markdown_heading_or_table_cell_in_title_case_says_nothing_of_capitals() {
    let glossary = b"id,preferred,admitted\nbms,battery management system,BMS\n" as &[u8];
    let doc = b"# Battery Management System\n\n\
The battery management system balances cells. The battery management system sleeps.\n\n\
## Updating the Battery Management System\n\
Connect the tester.\n\n\
| Part | Version |\n\
|---|---|\n\
| Battery Management System | 7.2 |\n\n\
| Battery Management System |\n\
|---|\n\
| 7.2 |\n" as &[u8];
    let prose = b"The battery management system balances cells. The battery management \
system sleeps.\n\n\
| Part | Note |\n\
|---|---|\n\
| Charger | The Battery Management System wakes it |\n" as &[u8];
    let dir = scratch(&[("g.csv", glossary), ("a.md", doc), ("b.md", prose)]);
    for args in [
        &["a.md"][..],
        &["a.md", "--consistency-report", "r.csv"][..],
    ] {
        let (_, rows) = check(&dir, args);
        assert!(rows.is_empty(), "{args:?}: {rows:?}");
    }
    let (_, rows) = check(&dir, &["b.md"]);
    let found: Vec<(&str, u64, &str)> = rows
        .iter()
        .map(|r| (r.found.as_str(), r.line, r.context.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            "Battery Management System",
            5,
            "| Charger | The Battery Management System wakes it |"
        )]
    );
}

/// A tie goes to the glossary's spelling of the rendering, which names it: two spellings of
/// the preferred rendering, its plural first, name the preferred rendering in the glossary's
/// capitals, quoted in the number the text wrote ("boards of supervisors", as the text has
/// it, not the listed singular); two spellings of an admitted one name the glossary's.
#[test]
fn a_tie_between_two_spellings_of_a_rendering_names_the_glossarys() {
    let glossary = b"id,preferred,admitted\n\
sup,board of supervisors,supervisory committee\n" as &[u8];
    let dir = scratch(&[
        ("g.csv", glossary),
        (
            "a.txt",
            b"The boards of supervisors of both firms approved. The Board of Supervisors met.\n",
        ),
        (
            "b.txt",
            b"The Supervisory Committee approved. The supervisory committee met.\n",
        ),
    ]);
    let (_, rows) = check(&dir, &["a.txt", "b.txt"]);
    let found: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r.file.as_str(), r.found.as_str(), r.expected.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("a.txt", "Board of Supervisors", "board of supervisors"),
            ("b.txt", "Supervisory Committee", "supervisory committee"),
        ]
    );
    assert!(
        rows[0]
            .message
            .contains("\"boards of supervisors\" once elsewhere"),
        "{}",
        rows[0].message
    );
}

/// Runs `check ARGS` three ways: occurrences tallied, kept for the consistency report, and
/// across the batch; asserts the three agree and returns the rows.
#[track_caller]
fn check_every_way(dir: &tempfile::TempDir, files: &[&str]) -> Vec<ReportRow> {
    let (_, tallied) = check(dir, files);
    let mut with_report = files.to_vec();
    with_report.extend_from_slice(&["--consistency-report", "r.csv"]);
    assert_eq!(check(dir, &with_report).1, tallied, "kept for the report");
    if let [_] = files {
        let mut batch = files.to_vec();
        batch.extend_from_slice(&["--consistency", "batch"]);
        let batch: Vec<_> = check(dir, &batch)
            .1
            .into_iter()
            .map(|r| (r.line, r.found, r.expected))
            .collect();
        let tallied: Vec<_> = tallied
            .iter()
            .map(|r| (r.line, r.found.clone(), r.expected.clone()))
            .collect();
        assert_eq!(batch, tallied, "across the batch");
    }
    tallied
}

/// A line of the term alone (a string table's entry, a heading), in capitals or not, says
/// nothing of the term's capitals, but it is a rendering: "Monkey King" alone is another
/// rendering than the "Sun Wukong" of the prose, while "Critical Hit" alone, or as a label
/// shouting "Critical Hit!", is the prose's "critical hit". A headline's words are its own,
/// as a longer name's are: "NOTICE FROM YANGSHAN DEEPWATER PORT" chooses no rendering.
#[test]
fn a_term_alone_on_its_line_is_compared_for_its_words_not_its_capitals() {
    let glossary = b"id,preferred,admitted\n\
wukong,Sun Wukong,Monkey King\n\
crit,critical hit,\n\
yangshan,Yangshan Deep-Water Port,Yangshan Deepwater Port\n" as &[u8];
    let hero = b"Monkey King\n\nSun Wukong used his Somersault Cloud.\n\nSun Wukong won.\n";
    let label = b"Critical Hit!\n\nCritical Hit\n\nEach critical hit deals more damage.\n\n\
Triggers on a critical hit.\n";
    let headline = b"YANGSHAN DEEPWATER PORT\n\n\
Reefers are inspected at Yangshan Deep-Water Port. Yangshan Deep-Water Port is open.\n";
    let news = b"NOTICE FROM YANGSHAN DEEPWATER PORT\n\n\
Reefers are inspected at Yangshan Deep-Water Port. Yangshan Deep-Water Port is open.\n";
    let same = b"NOTICE FROM YANGSHAN DEEP-WATER PORT\n\n\
All reefer containers are inspected at Yangshan Deep-Water Port.\n";
    let dir = scratch(&[
        ("g.csv", glossary),
        ("hero.txt", hero),
        ("label.txt", label),
        ("headline.txt", headline),
        ("news.txt", news),
        ("same.txt", same),
    ]);
    let rows = check_every_way(&dir, &["hero.txt"]);
    let found: Vec<(u64, &str, &str)> = rows
        .iter()
        .map(|r| (r.line, r.found.as_str(), r.expected.as_str()))
        .collect();
    assert_eq!(found, [(1, "Monkey King", "Sun Wukong")], "{rows:?}");
    assert!(check_every_way(&dir, &["label.txt"]).is_empty());
    let rows = check_every_way(&dir, &["headline.txt"]);
    let found: Vec<(u64, &str)> = rows.iter().map(|r| (r.line, r.found.as_str())).collect();
    assert_eq!(found, [(1, "YANGSHAN DEEPWATER PORT")], "{rows:?}");
    assert!(check_every_way(&dir, &["same.txt"]).is_empty());
    assert!(check_every_way(&dir, &["news.txt"]).is_empty());
}

/// The consistency report names a row as the glossary writes its rendering, and counts a
/// headline in capitals only with the variant it writes in capitals.
#[test]
fn the_consistency_report_names_a_variant_as_the_glossary_and_counts_headlines_in_it() {
    let glossary = b"id,preferred,admitted\n\
reefer,reefer container,refrigerated container\n\
yangshan,Yangshan Deep-Water Port,\n" as &[u8];
    let text = b"NOTICE FROM YANGSHAN DEEP-WATER PORT\n\
Reefer containers must be plugged in six hours before departure.\n\
All reefer containers are inspected at Yangshan Deep-Water Port.\n" as &[u8];
    let dir = scratch(&[("g.csv", glossary), ("a.txt", text)]);
    let (_, rows) = check(&dir, &["a.txt", "--consistency-report", "r.csv"]);
    assert!(rows.is_empty(), "{rows:?}");
    assert_eq!(
        report_rows(&dir, "r.csv"),
        [
            [
                "reefer",
                "reefer container",
                "preferred",
                "2",
                "a.txt",
                "reefer containers"
            ],
            [
                "yangshan",
                "Yangshan Deep-Water Port",
                "preferred",
                "2",
                "a.txt",
                "Yangshan Deep-Water Port|YANGSHAN DEEP-WATER PORT"
            ],
        ]
    );
}

/// A term inside a longer capitalised name or title (a regulation's, a zone's) is the name's:
/// its capitals are not a spelling of the term, and the term's uses in small letters are not
/// reported. The same capitals in prose, with nothing around them to explain them, are.
#[test]
fn a_term_inside_a_longer_name_is_no_capitalised_spelling_of_it() {
    let glossary = b"id,preferred,admitted\n\
hpf,housing provident fund,\n\
leave,paid annual leave,\n\
cbz,comprehensive bonded zone,\n\
yangshan,Yangshan Deep-Water Port,Yangshan Deepwater Port\n" as &[u8];
    let titles = b"The employer pays the housing provident fund every month.\n\
Contributions to the housing provident fund are capped.\n\
Details are set out in the Regulations on the Administration of Housing Provident Fund.\n\
Party B is entitled to paid annual leave.\n\
See the Regulations on Paid Annual Leave for Employees.\n\
The Yangshan Special Comprehensive Bonded Zone is the only one.\n\
Goods in the comprehensive bonded zone are duty-free. So are goods in a comprehensive bonded \
zone elsewhere.\n" as &[u8];
    let prose = b"The employer pays the housing provident fund every month.\n\
The Housing Provident Fund is capped.\n\
Phase IV of Yangshan Deepwater Port is automated. Yangshan Deep-Water Port is busy. Ships call at \
Yangshan Deep-Water Port.\n" as &[u8];
    let dir = scratch(&[
        ("g.csv", glossary),
        ("titles.txt", titles),
        ("prose.txt", prose),
    ]);
    let rows = check_every_way(&dir, &["titles.txt"]);
    assert!(rows.is_empty(), "{rows:?}");
    let rows = check_every_way(&dir, &["prose.txt"]);
    let found: Vec<(u64, &str, &str)> = rows
        .iter()
        .map(|r| (r.line, r.found.as_str(), r.expected.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (2, "Housing Provident Fund", "housing provident fund"),
            (3, "Yangshan Deepwater Port", "Yangshan Deep-Water Port")
        ],
        "{rows:?}"
    );
}

/// A contract's defined term in capitals ("this Labour Contract (the "Contract")") and the
/// generic noun in small letters ("the labour contract of a dispatched worker") say two
/// things, not one spelt two ways: their capitals are not compared. Without a definition,
/// capitals in prose are, and the majority's win; the message says what the glossary writes.
#[test]
fn a_defined_terms_capitals_are_not_compared_with_the_generic_nouns() {
    let glossary = b"id,preferred\nlc,labour contract\n" as &[u8];
    let defined = b"This Labour Contract (the \"Contract\") is made between the parties.\n\
The Employer may terminate this Labour Contract under Article 39 of the Labour Contract Law.\n\
The labour contract of a dispatched worker is signed with the agency.\n"
        as &[u8];
    let undefined = b"This Labour Contract is made between the parties.\n\
The Employer may terminate this Labour Contract under Article 39.\n\
The labour contract of a dispatched worker is signed with the agency.\n"
        as &[u8];
    let dir = scratch(&[
        ("g.csv", glossary),
        ("d.txt", defined),
        ("u.txt", undefined),
    ]);
    assert!(check_every_way(&dir, &["d.txt"]).is_empty());
    let rows = check_every_way(&dir, &["u.txt"]);
    let found: Vec<(u64, &str, &str)> = rows
        .iter()
        .map(|r| (r.line, r.found.as_str(), r.expected.as_str()))
        .collect();
    assert_eq!(found, [(3, "labour contract", "Labour Contract")]);
    assert!(
        rows[0].message.contains(
            "\"Labour Contract\" twice elsewhere in this document (the glossary writes \"labour contract\")"
        ),
        "{}",
        rows[0].message
    );
}

/// Across a batch, the majority's spelling wins even where the glossary does not list it (the
/// issue: one finding per occurrence of a minority rendering, naming the majority), and the
/// message says which spelling the glossary writes, so that an editor can decide.
#[test]
fn an_unlisted_majority_spelling_is_named_with_the_glossarys_in_a_batch() {
    let glossary = b"id,preferred\nlc,labour contract\n" as &[u8];
    let dir = scratch(&[
        ("g.csv", glossary),
        (
            "uk.txt",
            b"The labour contract is signed in duplicate.\nThe labour contract may be renewed.\n",
        ),
        (
            "us.txt",
            b"Every employee signs a labor contract.\nThe labor contract states the wage.\n\
Labor contracts are renewed yearly.\n",
        ),
    ]);
    let (_, rows) = check(&dir, &["uk.txt", "us.txt", "--consistency", "batch"]);
    let found: Vec<(&str, u64, &str)> = rows
        .iter()
        .map(|r| (r.file.as_str(), r.line, r.expected.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("uk.txt", 1, "labor contract"),
            ("uk.txt", 2, "labor contract")
        ],
        "{rows:?}"
    );
    assert!(
        rows[0]
            .message
            .ends_with("elsewhere in this batch (the glossary writes \"labour contract\")"),
        "{}",
        rows[0].message
    );
    // The glossary's spelling in the majority: the unlisted one departs, with no such note.
    let dir = scratch(&[
        ("g.csv", glossary),
        (
            "uk.txt",
            b"The labour contract is signed.\nThe labour contract may be renewed.\n\
Labour contracts are kept.\n",
        ),
        ("us.txt", b"Every employee signs a labor contract.\n"),
    ]);
    let (_, rows) = check(&dir, &["uk.txt", "us.txt", "--consistency", "batch"]);
    let found: Vec<(&str, u64, &str)> = rows
        .iter()
        .map(|r| (r.file.as_str(), r.line, r.expected.as_str()))
        .collect();
    assert_eq!(found, [("us.txt", 1, "labour contract")], "{rows:?}");
    assert!(!rows[0].message.contains("glossary writes"));
    // Each document is consistent on its own.
    assert!(check(&dir, &["uk.txt", "us.txt"]).1.is_empty());
}

/// The expected form is named in the number of the occurrence, whatever word the majority
/// uses: "evacuation staircase" for a singular "escape stair" where "evacuation staircases"
/// is the majority, the glossary's "rebar" for a mass noun where the text writes "rebars".
#[test]
fn the_expected_rendering_takes_the_occurrences_number() {
    let glossary = b"id,preferred,admitted\n\
stair,evacuation staircase,escape stair\n\
rebar,rebar,reinforcing steel\n" as &[u8];
    let text = b"Use the evacuation staircases in Core A.\nThe evacuation staircases are lit.\n\
The evacuation staircase in Core C is closed.\nThe escape stair in Core B is closed.\n\
The escape stairs in Core D are open.\n\
Longitudinal rebars are lapped.\nRebar stubs are capped.\nReinforcing steel is stored.\n"
        as &[u8];
    let dir = scratch(&[("g.csv", glossary), ("a.txt", text)]);
    let rows = check_every_way(&dir, &["a.txt"]);
    let found: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.found.as_str(), r.expected.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("escape stair", "evacuation staircase"),
            ("escape stairs", "evacuation staircases"),
            ("Reinforcing steel", "rebar")
        ],
        "{rows:?}"
    );
}

/// Neither an alias given in words ("also known as"), a short form keeping a word of the full
/// name ("Shanghai FTZ"), a shortening of it ("Shanghai Free Trade Zone"), nor a name followed
/// by a number (a sequel's) is another choice of rendering; the same renderings alone, in
/// prose, are, but for the short forms, which are short forms anywhere.
#[test]
fn aliases_short_forms_and_numbered_names_are_no_rival_renderings() {
    let glossary = "id,preferred,admitted\n\
empresses,Empresses in the Palace,The Legend of Zhen Huan\n\
wukong,Sun Wukong,Monkey King\n\
nezha,Nezha,Ne Zha\n\
ftz,China (Shanghai) Pilot Free Trade Zone,Shanghai FTZ|Shanghai Free Trade Zone\n";
    let quiet = "Empresses in the Palace, also known as The Legend of Zhen Huan, returns in 4K.\n\
Sun Wukong, also called the Monkey King, rebelled against Heaven.\n\
Empresses in the Palace (The Legend of Zhen Huan) returns.\n\
Ne Zha 3 is rumoured for 2028. Nezha fights the Dragon King.\n\
The China (Shanghai) Pilot Free Trade Zone was set up in 2013. The China (Shanghai) Pilot \
Free Trade Zone grew. Since then, the Shanghai FTZ has launched 300 reforms. The Shanghai \
Free Trade Zone grew again.\n";
    let loud = "Empresses in the Palace returns. The Legend of Zhen Huan returns.\n\
Empresses in the Palace airs.\n\
Ne Zha fights. Nezha wins. Nezha rests.\n\
The China (Shanghai) Pilot Free Trade Zone was set up in 2013. The China (Shanghai) Pilot \
Free Trade Zone grew. The Shanghai Free Trade Zone launched reforms.\n";
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        ("quiet.txt", quiet.as_bytes()),
        ("loud.txt", loud.as_bytes()),
    ]);
    let rows = check_every_way(&dir, &["quiet.txt"]);
    assert!(rows.is_empty(), "{rows:?}");
    let rows = check_every_way(&dir, &["loud.txt"]);
    let found: Vec<(u64, &str)> = rows.iter().map(|r| (r.line, r.found.as_str())).collect();
    assert_eq!(
        found,
        [(1, "The Legend of Zhen Huan"), (3, "Ne Zha")],
        "{rows:?}"
    );
}

/// A name in full at first mention and shortened after ("the UN Security Council … the
/// Security Council", "the Ministry of Foreign Affairs … the Foreign Ministry") is how press
/// releases are written: the shortening is no rival of the full name, however often each is
/// written, and is compared only with other shortenings. Two full renderings that are no
/// shortening of each other, and two spellings or capitals of one, still compete.
#[test]
fn a_shortened_name_after_the_full_one_is_no_rival_of_it() {
    let glossary = "id,preferred,admitted\n\
unsc,UN Security Council,United Nations Security Council|Security Council|UNSC\n\
mfa,Ministry of Foreign Affairs,Foreign Ministry\n\
hrc,Human Rights Council,UN Human Rights Council\n\
staff,workers and staff,employees\n\
contract,labour contract,employment contract\n\
sco,Shanghai Cooperation Organisation,Shanghai Cooperation Organization\n\
fppc,Five Principles of Peaceful Coexistence,\n";
    let quiet = "The UN Security Council met on Monday.\n\
The Security Council then adopted a resolution.\n\
Members of the Security Council disagreed.\n\
The Ministry of Foreign Affairs issued a statement. The Foreign Ministry later added details. \
The Foreign Ministry also said more.\n\
The UN Human Rights Council met. The Human Rights Council voted.\n\
The United Nations Security Council, the UN Security Council and the UNSC are one body.\n\
The Security Council met. The Security Council voted. The UNSC adjourned.\n\
The UN Security Council met. The United Nations Security Council voted.\n";
    let loud = "The employees met. The employees voted. Workers and staff left.\n\
The labour contract ends. Sign the labour contract. The employment contract is void.\n\
The Shanghai Cooperation Organisation met. The Shanghai Cooperation Organisation grew. \
The Shanghai Cooperation Organization voted.\n\
The Five Principles of Peaceful Coexistence hold. The Five Principles of Peaceful \
Coexistence stand. The five principles of peaceful coexistence remain valid.\n";
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        ("quiet.txt", quiet.as_bytes()),
        ("loud.txt", loud.as_bytes()),
    ]);
    let rows = check_every_way(&dir, &["quiet.txt"]);
    assert!(rows.is_empty(), "{rows:?}");
    let rows = check_every_way(&dir, &["loud.txt"]);
    let found: Vec<(u64, &str, &str)> = rows
        .iter()
        .map(|r| (r.line, r.found.as_str(), r.expected.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (1, "Workers and staff", "employees"),
            (2, "employment contract", "labour contract"),
            (
                3,
                "Shanghai Cooperation Organization",
                "Shanghai Cooperation Organisation"
            ),
            (
                4,
                "five principles of peaceful coexistence",
                "Five Principles of Peaceful Coexistence"
            ),
        ],
        "{rows:?}"
    );
}

/// Two abbreviations of one concept in capitals ("RMB", "CNY") are rival renderings, as two
/// full forms are; an abbreviation and its full form, or a shortening of it, are not ("NGO"
/// and "non-governmental organization"; "PRC", "People's Republic of China" and "China"),
/// and an abbreviation written in small letters is another word ("it" for "IT").
#[test]
fn two_abbreviations_of_a_concept_are_rivals() {
    let glossary = "id,source,preferred,admitted\n\
rmb,人民币,RMB,CNY\n\
ngo,非政府组织,NGO,non-governmental organization|NGOs\n\
prc,中华人民共和国,PRC,People's Republic of China|China\n\
it,信息技术,IT,information technology\n\
union,工会,labour union,\n";
    let loud = "Prices are quoted in RMB. Some banks write CNY instead. Taxes are paid in RMB.\n\
Fees are paid in CNY. The fund holds CNY.\n";
    let tie = "Prices are quoted in CNY. Taxes are paid in RMB.\n";
    // A headline writes every rendering in capitals: the glossary's capitals say which is an
    // abbreviation, and another spelling in a headline is still compared.
    let headline = "LABOR UNION\n\nThe labour union met. The labour union voted.\n";
    let quiet = "A non-governmental organization (NGO) was founded. The NGO grew; the NGO's staff \
and other NGOs met. The non-governmental organization left.\n\
The People's Republic of China was founded in 1949. The PRC grew. China joined the WTO, and \
the PRC voted. China voted again.\n\
Turn it off. IT staff can fix it; the IT budget grew. Ask it. The information technology \
unit left.\n";
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        ("loud.txt", loud.as_bytes()),
        ("tie.txt", tie.as_bytes()),
        ("headline.txt", headline.as_bytes()),
        ("quiet.txt", quiet.as_bytes()),
    ]);
    let rows = check_every_way(&dir, &["loud.txt"]);
    let found: Vec<(u64, &str, &str)> = rows
        .iter()
        .map(|r| (r.line, r.found.as_str(), r.expected.as_str()))
        .collect();
    assert_eq!(found, [(1, "RMB", "CNY"), (1, "RMB", "CNY")], "{rows:?}");
    assert!(
        rows[0].message.contains("\"CNY\" 3 times"),
        "{}",
        rows[0].message
    );
    // A tie goes to the preferred abbreviation.
    let rows = check_every_way(&dir, &["tie.txt"]);
    let found: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.found.as_str(), r.expected.as_str()))
        .collect();
    assert_eq!(found, [("CNY", "RMB")], "{rows:?}");
    let rows = check_every_way(&dir, &["quiet.txt"]);
    assert!(rows.is_empty(), "{rows:?}");
    let rows = check_every_way(&dir, &["headline.txt"]);
    let found: Vec<(u64, &str)> = rows.iter().map(|r| (r.line, r.found.as_str())).collect();
    assert_eq!(found, [(1, "LABOR UNION")], "{rows:?}");
    // The consistency report counts each abbreviation, as the glossary writes it.
    let (_, _) = check(&dir, &["loud.txt", "--consistency-report", "r.csv"]);
    let report = std::fs::read_to_string(dir.path().join("r.csv")).expect("report written");
    assert!(
        report.contains("rmb,CNY,admitted,3,loud.txt,CNY\n"),
        "{report}"
    );
    assert!(
        report.contains("rmb,RMB,preferred,2,loud.txt,RMB\n"),
        "{report}"
    );
}

/// The rows of inconsistent-term: (concept, found, expected).
#[track_caller]
fn inconsistent(rows: &[ReportRow]) -> Vec<(&str, &str, &str)> {
    rows.iter()
        .filter(|r| r.rule == "inconsistent-term")
        .map(|r| (r.concept.as_str(), r.found.as_str(), r.expected.as_str()))
        .collect()
}

/// A phrasal verb and its noun, closed up or hyphenated ("log in" and "login", "top up" and
/// "top-up"), name one concept as two parts of speech: each is compared only with its own
/// kind, so a noun among verbs is no minority, but two verbs or two nouns still compete.
#[test]
fn a_phrasal_verb_and_its_noun_are_two_parts_of_speech_not_two_renderings() {
    let glossary = b"id,preferred,admitted\n\
login,log in,login|sign in|sign-in\n\
top-up,top up,top-up\n\
setup,set up,set-up|setup\n\
reform,opening up,opening-up\n";
    let dir = scratch(&[
        ("g.csv", glossary),
        (
            "a.txt",
            b"Please log in first. Log in to view your bills. Your login has expired.\n\
Top up your card. Top up again. The top-up failed.\n",
        ),
        (
            "b.txt",
            b"Please log in first. Log in to view your bills. Please sign in again.\n",
        ),
        (
            "c.txt",
            b"Your login has expired. The login page is down. Your sign-in failed. Log in now.\n",
        ),
        // A gerund is a noun, hyphenated or not, and so are a set-up and a setup: spellings
        // of one word, beside which the verb "Set up" is no rendering.
        (
            "d.txt",
            b"The opening up of the market. Opening up went on. The opening-up policy.\n\
Set up the device. The set-up takes a minute. The setup is done. The setup works.\n",
        ),
    ]);
    let (_, rows) = check(&dir, &["a.txt"]);
    assert_eq!(inconsistent(&rows), []);
    let (_, rows) = check(&dir, &["b.txt"]);
    assert_eq!(inconsistent(&rows), [("login", "sign in", "log in")]);
    let (_, rows) = check(&dir, &["c.txt"]);
    assert_eq!(inconsistent(&rows), [("login", "sign-in", "login")]);
    let (_, rows) = check(&dir, &["d.txt"]);
    assert_eq!(
        inconsistent(&rows),
        [
            ("reform", "opening-up", "opening up"),
            ("setup", "set-up", "setup")
        ]
    );
}

/// The consistency report has one row per concept, rendering and status: an abbreviation
/// glossed in brackets after its full form, which is not compared, is counted with its other
/// uses, not in a row of its own that nothing tells apart.
#[test]
fn the_report_has_one_row_per_rendering_and_status() {
    let glossary = b"id,source,preferred,admitted\n\
nmpa,\xe5\x9b\xbd\xe5\xae\xb6\xe8\x8d\xaf\xe7\x9b\x91\xe5\xb1\x80,National Medical Products Administration,NMPA\n";
    let text = b"Approved by the National Medical Products Administration (NMPA).\n\
Report adverse events to the NMPA.\nThe NMPA issues certificates.\n";
    let dir = scratch(&[("g.csv", glossary), ("t.txt", text), ("u.txt", text)]);
    check(&dir, &["t.txt", "u.txt", "--consistency-report", "r.csv"]);
    let rows = report_rows(&dir, "r.csv");
    let rows: Vec<[&str; 5]> = rows
        .iter()
        .map(|r| [&r[0], &r[1], &r[2], &r[3], &r[4]].map(String::as_str))
        .collect();
    assert_eq!(
        rows,
        [
            ["nmpa", "NMPA", "admitted", "6", "t.txt|u.txt"],
            [
                "nmpa",
                "National Medical Products Administration",
                "preferred",
                "2",
                "t.txt|u.txt"
            ],
        ]
    );
}

/// A spelling the glossary does not list, matched as one of a listed rendering ("labor
/// contract" of the preferred "labour contract"), is a row of its own in the consistency
/// report, with the listed rendering's status (the status column keeps the five
/// values). Capitals and number are no other spelling.
#[test]
fn an_unlisted_spelling_is_a_row_of_its_own_with_the_listed_status() {
    let glossary = b"id,preferred,admitted\ncontract,labour contract,employment contract\n";
    let text = b"The labour contract is signed. Labour contracts are kept. The labor contract \
ends. The Labour Contract (the \"Contract\") binds. An employment contract is one.\n";
    let dir = scratch(&[("g.csv", glossary), ("a.txt", text)]);
    check(&dir, &["a.txt", "--consistency-report", "r.csv"]);
    let rows = report_rows(&dir, "r.csv");
    let rows: Vec<[&str; 3]> = rows
        .iter()
        .map(|r| [&r[1], &r[2], &r[3]].map(String::as_str))
        .collect();
    assert_eq!(
        rows,
        [
            ["labour contract", "preferred", "2"],
            ["Labour Contract", "preferred", "1"],
            ["employment contract", "admitted", "1"],
            ["labor contract", "preferred", "1"],
        ]
    );
}

/// A common noun counts in either number, also where its singular ends in a single "s" or
/// "z" and takes "-es" ("gases", "buses", "bonuses", "quizzes"), as "processes" does; a noun
/// in "-se" ("cases") is compared as before, and another word still departs.
#[test]
fn a_plural_in_es_of_a_noun_in_s_is_the_same_rendering() {
    let glossary = b"id,preferred,admitted\n\
ghg,greenhouse gas,\n\
bus,shuttle bus,\n\
bonus,year-end bonus,\n\
quiz,pop quiz,\n\
case,test case,test scenario\n\
proc,dyeing process,\n" as &[u8];
    let text = b"Total greenhouse gas emissions fell. Reducing greenhouse gases is a priority.\n\
The shuttle bus runs daily. Two shuttle buses run daily.\n\
Each year-end bonus is paid. The year-end bonuses are paid.\n\
A pop quiz is set. Two pop quizzes were set.\n\
The dyeing process is clean. Both dyeing processes are clean.\n\
One test case failed. Two test cases passed. The test scenario is new.\n";
    let dir = scratch(&[("g.csv", glossary), ("a.txt", text)]);
    let rows = check_every_way(&dir, &["a.txt"]);
    let found: Vec<&str> = rows.iter().map(|r| r.found.as_str()).collect();
    assert_eq!(found, ["test scenario"], "{rows:?}");
}

/// A list item in Title Case is set as a heading is, whatever icon opens it or description
/// follows it after a dash ("- 🌙 Dark Mode", "- Push Notifications — Get alerts"); the
/// same words capitalised in a sentence of prose are a rendering of their own.
#[test]
fn a_title_case_item_after_an_icon_or_before_a_dash_is_capitalised_by_its_setting() {
    let glossary = b"id,preferred\n\
darkmode,dark mode\n\
push,push notification\n" as &[u8];
    let list = "Turn on dark mode and push notifications in Settings.\n\n\
- 🌙 Dark Mode\n\
- Push Notifications — never miss a message\n\
- ✅ Push Notifications – set them per chat\n\
* Dark Mode - easier on the eyes\n";
    let prose = "Turn on dark mode and push notifications in Settings.\n\n\
We love Dark Mode — it is easier on the eyes.\n";
    let dir = scratch(&[
        ("g.csv", glossary),
        ("list.md", list.as_bytes()),
        ("prose.md", prose.as_bytes()),
    ]);
    assert_eq!(check_every_way(&dir, &["list.md"]), []);
    let rows = check_every_way(&dir, &["prose.md"]);
    let found: Vec<&str> = rows.iter().map(|r| r.found.as_str()).collect();
    assert_eq!(found, ["Dark Mode"], "{rows:?}");
}

/// The message quotes the majority as the text wrote it: "astronauts" across the batch, not
/// the glossary's singular "astronaut".
#[test]
fn a_batch_majority_is_quoted_in_the_number_the_text_wrote() {
    let glossary = b"id,preferred,admitted\nastronaut,astronaut,taikonaut\n" as &[u8];
    let dir = scratch(&[
        ("g.csv", glossary),
        ("a.txt", b"The astronauts trained hard.\n"),
        ("b.txt", b"The taikonauts trained hard.\n"),
    ]);
    let (_, rows) = check(&dir, &["a.txt", "b.txt", "--consistency", "batch"]);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].found, "taikonauts");
    assert_eq!(rows[0].expected, "astronauts");
    assert!(
        rows[0]
            .message
            .contains("\"taikonauts\" here; \"astronauts\" once elsewhere in this batch"),
        "{}",
        rows[0].message
    );
}
