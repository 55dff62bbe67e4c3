//! Property tests (proptest): case patterns kept by fixes, reports that parse back to the
//! findings, fingerprints that survive edits elsewhere, the normalization offset map,
//! glossaries of non-ASCII words checked against near-misses of them, and Markdown code found
//! alike whatever the blocks.
//! Case counts are modest (64) so that the suite stays fast; `PROPTEST_CASES` raises them.

use proptest::prelude::*;
use proptest::test_runner::RngSeed;

use termcheck::check::{Checker, Outcome};
use termcheck::finding::{Excerpt, Finding, Severity};
use termcheck::fix::{case_pattern, replacement_for, CasePattern};
use termcheck::fuzzy::{FuzzyIndex, DEFAULT_THRESHOLD};
use termcheck::glossary::{CaseMode, Concept, Glossary, Rendering, Status};
use termcheck::inflection::{number_of, Number};
use termcheck::location::Location;
use termcheck::matcher::TermMatcher;
use termcheck::normalize::{normalize, normalize_key};
use termcheck::report::ReportOptions;
use termcheck::rules::RuleSet;
use termcheck::run::{FileReport, RunReport};

fn config() -> ProptestConfig {
    let default = ProptestConfig::default();
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(64),
        // A fixed seed unless `PROPTEST_RNG_SEED` names another: the suite gives the same
        // verdict on every run, and a wider search is one variable away.
        rng_seed: if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
            default.rng_seed
        } else {
            RngSeed::Fixed(0x7e57_c0de)
        },
        ..default
    }
}

const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
];

/// A lower-case word that is not one of the small words Title Case leaves alone.
fn word() -> impl Strategy<Value = String> {
    "[a-z]{3,9}".prop_filter("not a small word", |w| !SMALL_WORDS.contains(&w.as_str()))
}

fn words(min: usize, max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(word(), min..=max)
}

fn capitalized(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn title(ws: &[String]) -> String {
    ws.iter()
        .map(|w| capitalized(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A concept whose preferred rendering is `preferred` and whose forbidden one is `forbidden`
/// as the glossary writes it (sentence case, so that every other case pattern differs).
fn concept(preferred: &str, forbidden: &str) -> Concept {
    let rendering = |text: &str, status| Rendering {
        text: text.to_string(),
        status,
        location: Location::default(),
    };
    Concept {
        id: "c".into(),
        source: Vec::new(),
        renderings: vec![
            rendering(preferred, Status::Preferred),
            rendering(forbidden, Status::Forbidden),
        ],
        case: CaseMode::Insensitive,
        note: String::new(),
        allowed: Vec::new(),
        file: "g.csv".into(),
        location: Location::default(),
    }
}

fn sentence_case(ws: &[String]) -> String {
    let joined = ws.join(" ");
    capitalized(&joined)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn all_caps_stays_all_caps(found in words(2, 4), preferred in words(1, 5)) {
        let expected = title(&preferred);
        let c = concept(&expected, &sentence_case(&found));
        let got = replacement_for(&found.join(" ").to_uppercase(), &expected, &c);
        prop_assert_eq!(&got, &expected.to_uppercase());
        prop_assert_eq!(case_pattern(&got), CasePattern::Upper);
    }

    #[test]
    fn title_case_stays_title_case(found in words(2, 4), preferred in words(2, 5)) {
        let expected = preferred.join(" ");
        let c = concept(&expected, &sentence_case(&found));
        let got = replacement_for(&title(&found), &expected, &c);
        prop_assert_eq!(&got, &title(&preferred));
        prop_assert_eq!(case_pattern(&got), CasePattern::Title);
    }

    #[test]
    fn lower_case_stays_lower_case(found in words(2, 4), preferred in words(1, 5)) {
        let expected = preferred.join(" ");
        let c = concept(&expected, &sentence_case(&found));
        let got = replacement_for(&found.join(" "), &expected, &c);
        prop_assert_eq!(&got, &expected);
        prop_assert_eq!(case_pattern(&got), CasePattern::Lower);
    }

    /// In place of small letters a name keeps its capitals: they are its spelling.
    #[test]
    fn a_name_keeps_its_capitals_in_place_of_small_letters(
        found in words(2, 4),
        preferred in words(1, 5),
    ) {
        let expected = title(&preferred);
        let c = concept(&expected, &sentence_case(&found));
        let got = replacement_for(&found.join(" "), &expected, &c);
        prop_assert_eq!(&got, &expected);
    }

    /// A lower-case finding that starts a sentence gets a capital; one inside a sentence stays
    /// lower case (through the whole fix plan, as `termcheck fix` runs it).
    #[test]
    fn a_sentence_initial_finding_gets_a_capital(
        found in words(2, 3),
        preferred in words(1, 4),
        before in words(1, 4),
    ) {
        let forbidden = sentence_case(&found);
        let expected = preferred.join(" ");
        prop_assume!(normalize_key(&forbidden, true) != normalize_key(&expected, true));
        // This property is about capitals. A head that reads as a plural ("bays", "ala") puts
        // the two renderings in different numbers, and `fix` then leaves a correction it
        // cannot inflect safely for a person (see `a_correction_that_cannot_take_the_number_
        // of_the_text_is_left` in src/fix.rs): such heads are left out.
        prop_assume!(!found.iter().chain(&preferred).any(|w| number_of(w) == Number::Plural));
        let csv = format!(
            "id,source,preferred,admitted,deprecated,forbidden,case,note\nc,,{expected},,,{forbidden},,\n"
        );
        let glossary = Glossary::from_csv_text(&csv, "g.csv").expect("glossary");
        let lower = found.join(" ");
        for (text, capital) in [
            (format!("{}. {lower} met.\n", title(&before)), true),
            (format!("{}, {lower} met.\n", title(&before)), false),
        ] {
            let findings = check(&glossary, &text);
            prop_assert_eq!(findings.len(), 1, "{}", text);
            let (decoded, detected) =
                termcheck::input::decode::decode_all(text.as_bytes()).unwrap();
            let plan = termcheck::fix::plan(&decoded, detected, &findings, &glossary);
            prop_assert_eq!(plan.edits.len(), 1);
            let want = if capital {
                capitalized(&preferred.join(" "))
            } else {
                preferred.join(" ")
            };
            prop_assert_eq!(&plan.edits[0].replacement, &want, "{}", text);
        }
    }
}

/// The forbidden-term findings of `text`.
fn check(glossary: &Glossary, text: &str) -> Vec<Finding> {
    let matcher = TermMatcher::new(glossary);
    let rules = RuleSet::from_ids(&["forbidden-term".to_string()], &[]).unwrap();
    let checker = Checker::new(glossary, &matcher, rules);
    match checker.check_reader(text.as_bytes(), false).expect("text") {
        Outcome::Checked(doc) => doc.findings.into_vec(),
        Outcome::SkippedBinary => panic!("not binary"),
    }
}

/// Any text a finding's fields may hold: commas, quotes, line breaks, tabs, non-ASCII.
fn field() -> impl Strategy<Value = String> {
    "[a-zA-Z ,;\"'\t\n\r\\\\é中😀]{0,12}"
}

fn arbitrary_finding() -> impl Strategy<Value = Finding> {
    let rules = termcheck::rules::RULES
        .iter()
        .map(|r| r.rule)
        .collect::<Vec<_>>();
    (
        prop::sample::select(rules),
        prop::sample::select(vec![Severity::Error, Severity::Warning, Severity::Info]),
        (field(), field(), field(), field(), field(), field()),
        (1..10_000u64, 1..500u64, 0..1_000_000u64),
        prop::option::of(0..=100u32),
        prop::option::of(field()),
    )
        .prop_map(
            |(
                rule,
                severity,
                (concept, found, expected, message, note, context),
                (line, column, offset),
                score,
                unit,
            )| {
                let at = |l: u64, c: u64, o: u64| Location {
                    line: l,
                    column: c,
                    byte_offset: o,
                };
                Finding {
                    rule,
                    severity,
                    concept,
                    found: found.clone(),
                    expected,
                    message,
                    note,
                    context,
                    start: at(line, column, offset),
                    end: at(line, column + 3, offset + 3),
                    excerpt: Excerpt {
                        text: found,
                        highlight_start: 0,
                        highlight_width: 1,
                    },
                    score: score.map(|s| f64::from(s) / 100.0),
                    unit,
                }
            },
        )
}

fn run_of(files: Vec<(String, Vec<Finding>)>) -> RunReport {
    RunReport {
        files: files
            .into_iter()
            .map(|(path, findings)| FileReport {
                path,
                findings: findings.into(),
                occurrences: Vec::new(),
                suppressions: Vec::new(),
            })
            .collect(),
        ..RunReport::default()
    }
}

fn arbitrary_run() -> impl Strategy<Value = RunReport> {
    prop::collection::vec(
        (
            "[a-z/é ,\"]{1,10}\\.txt",
            prop::collection::vec(arbitrary_finding(), 0..4),
        ),
        0..4,
    )
    .prop_map(run_of)
}

proptest! {
    #![proptest_config(config())]

    /// The CSV report parses back (strictly) to exactly the rows of the findings.
    #[test]
    fn the_csv_report_parses_back_to_the_findings(run in arbitrary_run()) {
        let mut out = Vec::new();
        termcheck::report::csv::write(&run, &mut out).unwrap();
        let mut reader = csv::Reader::from_reader(&out[..]);
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        prop_assert_eq!(header, termcheck::report::csv::COLUMNS);
        let parsed: Vec<termcheck::report::csv::ReportRow> =
            reader.deserialize().collect::<Result<_, _>>().unwrap();
        let rows: Vec<_> = termcheck::report::csv::rows(&run).collect();
        prop_assert_eq!(&parsed, &rows);
        for ((file, f), row) in run.findings().zip(&parsed) {
            prop_assert_eq!(file, &row.file);
            prop_assert_eq!(&f.found, &row.found);
            prop_assert_eq!(&f.context, &row.context);
            prop_assert_eq!((f.start.line, f.start.column, f.start.byte_offset), (row.line, row.column, row.byte_offset));
            prop_assert_eq!(f.rule.id(), row.rule.as_str());
        }
    }

    /// The JSON report's findings parse back to the findings, field for field.
    #[test]
    fn the_json_report_parses_back_to_the_findings(run in arbitrary_run()) {
        let mut out = Vec::new();
        termcheck::report::json::write(&run, ReportOptions::default(), &mut out).unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let parsed = doc["findings"].as_array().unwrap();
        prop_assert_eq!(parsed.len(), run.findings().count());
        for ((file, f), mut value) in run.findings().zip(parsed.iter().cloned()) {
            let object = value.as_object_mut().unwrap();
            prop_assert_eq!(object.remove("file"), Some(serde_json::Value::from(file)));
            prop_assert!(object.remove("fingerprint").is_some());
            prop_assert_eq!(value, serde_json::to_value(&*f).unwrap());
        }
    }
}

/// A glossary of one concept with two forbidden renderings, words no filler contains.
const GLOSSARY: &str = "id,source,preferred,admitted,deprecated,forbidden,case,note\n\
c,,Shanghai Federation of Trade Unions,,,Municipal General Assembly|Municipal Trade Assembly,,\n";

/// Filler: lower-case words from letters that cannot spell the glossary's words.
fn filler() -> impl Strategy<Value = String> {
    prop::collection::vec("[wxyzq]{2,6}", 1..8).prop_map(|w| w.join(" "))
}

fn run_text(glossary: &Glossary, text: &str) -> RunReport {
    run_of(vec![("docs/a.txt".into(), check(glossary, text))])
}

fn prints(run: &RunReport) -> Vec<String> {
    let mut prints = Vec::new();
    termcheck::baseline::for_each_fingerprint(run, |p, _, _| {
        prints.push(p);
        Ok::<(), ()>(())
    })
    .unwrap();
    prints
}

proptest! {
    #![proptest_config(config())]

    /// A finding's fingerprint (the baseline's, the reports') stays when lines are inserted
    /// above it or another paragraph is edited, and changes when the found text does.
    #[test]
    fn fingerprints_survive_edits_elsewhere_and_follow_the_found_text(
        sentence in filler(),
        above in prop::collection::vec(filler(), 1..5),
        other in filler(),
        edited in filler(),
    ) {
        let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").unwrap();
        let finding = format!("The Municipal General Assembly {sentence}.");
        let base = format!("{finding}\n\n{other}.\n");
        let before = prints(&run_text(&glossary, &base));
        prop_assert_eq!(before.len(), 1);

        let moved = format!("{}\n\n{base}", above.join("\n"));
        prop_assert_eq!(&prints(&run_text(&glossary, &moved)), &before, "lines above");

        let elsewhere = format!("{finding}\n\n{edited}.\n");
        prop_assert_eq!(&prints(&run_text(&glossary, &elsewhere)), &before, "other paragraph");

        let changed = format!("The Municipal Trade Assembly {sentence}.\n\n{other}.\n");
        let after = prints(&run_text(&glossary, &changed));
        prop_assert_eq!(after.len(), 1);
        prop_assert_ne!(&after, &before, "the found text changed");

        // The baseline written from the first run knows the moved finding.
        let mut out = Vec::new();
        termcheck::baseline::write(&run_text(&glossary, &base), &mut out).unwrap();
        let known = termcheck::baseline::Baseline::parse(std::str::from_utf8(&out).unwrap(), "b").unwrap();
        let mut run = run_text(&glossary, &moved);
        prop_assert_eq!(known.filter(&mut run), 1);
        let mut run = run_text(&glossary, &changed);
        prop_assert_eq!(known.filter(&mut run), 0);
    }
}

/// Text around a term: letters, combining marks, full-width forms, curly quotes, dashes,
/// invisible characters, emoji, CJK.
fn surroundings() -> impl Strategy<Value = String> {
    "[a-zé\u{301}\u{308}ＡＢｆｉ\u{FB01}’“”—\u{AD}\u{200B}\u{200E}\u{A0}😀👍🏽中文 \n\t]{0,16}"
}

proptest! {
    #![proptest_config(config())]

    /// Every span the offset map gives lies on character boundaries of the original, in order,
    /// and a word's normalized form maps back to exactly that word.
    #[test]
    fn the_offset_map_lands_on_char_boundaries_and_maps_words_back(
        before in surroundings(),
        word in "[a-zA-Z]{1,10}",
        after in surroundings(),
        fold in any::<bool>(),
    ) {
        let original = format!("{before} {word} {after}");
        let norm = normalize(&original, fold);
        let text = &norm.text;
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut last_start = 0;
        for (k, &start) in bounds.iter().enumerate() {
            for &end in &bounds[k + 1..] {
                if text[..end].ends_with(char::is_whitespace) {
                    continue;
                }
                let span = norm.original_span(start..end, &original);
                prop_assert!(original.is_char_boundary(span.start), "{:?} {:?}", original, span);
                prop_assert!(original.is_char_boundary(span.end), "{:?} {:?}", original, span);
                prop_assert!(span.start < span.end && span.end <= original.len());
                if end == bounds[k + 1] {
                    prop_assert!(span.start >= last_start, "spans in order");
                    last_start = span.start;
                }
            }
        }
        // The word, found where its first byte maps to, maps back to itself.
        let at = before.len() + 1;
        let key = normalize_key(&word, fold);
        let from = norm.normalized_offset(at);
        prop_assert_eq!(text.get(from..from + key.len()), Some(key.as_str()), "{:?}", original);
        let span = norm.original_span(from..from + key.len(), &original);
        prop_assert_eq!(&original[span], word.as_str());
    }
}

/// A word of letters that share leading bytes in UTF-8 ('é', 'ß', 'ñ' all start with 0xC3) and
/// plural endings, so that a text word and a glossary word can have a common byte prefix that
/// ends inside a character.
fn mixed_word() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "a", "e", "s", "t", "r", "n", "é", "ß", "ñ", "工", "ies", "es",
        ]),
        4..9,
    )
    .prop_map(|parts| parts.concat())
}

/// A text word made from a glossary word: as it is, with its letters 'é', 'ß', 'ñ' rotated
/// (one edit per letter, their first byte kept), with a letter dropped or doubled, or with a
/// plural ending.
fn mutated(word: &str, how: usize, at: usize) -> String {
    let chars: Vec<char> = word.chars().collect();
    let i = at % chars.len().max(1);
    let mut out: Vec<char> = chars.clone();
    match how % 5 {
        0 => {}
        1 => {
            for c in &mut out {
                *c = match *c {
                    'é' => 'ß',
                    'ß' => 'ñ',
                    'ñ' => 'é',
                    other => other,
                };
            }
        }
        2 => {
            out.remove(i);
        }
        3 => out.insert(i, chars[i]),
        _ => out.extend("es".chars()),
    }
    out.into_iter().collect()
}

proptest! {
    #![proptest_config(config())]

    /// Every rule, on a glossary of non-ASCII words and a text of near-misses of them: no
    /// panic, and every finding's span holds what it reports, on character boundaries.
    #[test]
    fn non_ascii_glossaries_and_near_misses_check_cleanly(
        renderings in prop::collection::vec(prop::collection::vec(mixed_word(), 1..4), 2..8),
        picks in prop::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 10..60),
    ) {
        let mut csv = String::from("id,preferred,deprecated\n");
        for (i, pair) in renderings.chunks(2).enumerate() {
            let deprecated = pair.get(1).map(|w| w.join(" ")).unwrap_or_default();
            csv.push_str(&format!("c{i},{},{deprecated}\n", pair[0].join(" ")));
        }
        let Ok(glossary) = Glossary::from_csv_text(&csv, "g.csv") else {
            return Ok(()); // renderings that clash are a glossary error, tested elsewhere
        };
        let words: Vec<&String> = renderings.iter().flatten().collect();
        let text: Vec<String> = picks
            .iter()
            .map(|&(w, how, at)| mutated(words[w % words.len()], how, at))
            .collect();
        let text = text.join(" ");
        let matcher = TermMatcher::new(&glossary);
        let fuzzy = FuzzyIndex::new(&glossary, DEFAULT_THRESHOLD);
        let checker = Checker::new(&glossary, &matcher, RuleSet::all()).with_fuzzy(&fuzzy);
        let Outcome::Checked(doc) = checker.check_reader(text.as_bytes(), false).expect("text") else {
            panic!("not binary");
        };
        for f in doc.findings.into_vec() {
            let (start, end) = (f.start.byte_offset as usize, f.end.byte_offset as usize);
            prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            if f.rule != termcheck::rules::Rule::InconsistentTerm {
                prop_assert_eq!(&text[start..end], f.found.as_str());
            }
        }
    }
}

/// Pieces of a Markdown document: prose holding a forbidden rendering, a garbled one and an
/// approved one, inline code and links holding them, fences of both markers and lengths,
/// HTML comments' ends, line ends of every kind.
const MARKDOWN_PIECES: &[&str] = &[
    "The Municipal General Assembly met. ",
    "the Shanghai Federaton of Trade Unions said ",
    "the Shanghai Federation of Trade Unions agreed, ",
    "`Municipal General Assembly` ",
    "``a ` Municipal General Assembly`` ",
    "\\`Municipal General Assembly` ",
    "[Municipal General Assembly](a.md#municipal-general-assembly) ",
    "[x]: b.md#shanghai-federaton ",
    "\n```\n",
    "\n```sh\n",
    "\n````\n",
    "\n~~~\n",
    "\n  > ```\n",
    "\n",
    "\r\n",
    "\n\n",
    "words and more words ",
    "<!-- ",
    " --> ",
    "\n    ",
    "\n\t",
    "\n- ",
    "\n  1. ",
    "\n# ",
    "\n\n      ",
];

proptest! {
    #![proptest_config(config())]

    /// A Markdown document checked in blocks of any size gives the exact rules' findings it
    /// gives read as one block, and no finding of any rule is in code. Its lines are shorter
    /// than the blocks' overlap, as a document's lines are shorter than the reader's 4 KiB: a
    /// block then sees the whole line it is cut in. (garbled-term's counts of a document's
    /// spellings may differ at a block's cut, in plain text as well.)
    #[test]
    fn markdown_code_does_not_depend_on_the_blocks(
        picks in prop::collection::vec(0..MARKDOWN_PIECES.len(), 20..300),
        block in 1000usize..3000,
    ) {
        use termcheck::fuzzy::WordCache;
        use termcheck::input::blocks::BlockSizes;
        use termcheck::markdown::{in_code, CodeFinder, Markup};
        use termcheck::rules::Rule;
        let mut text = String::new();
        let mut pieces_in_line = 0;
        for &i in &picks {
            let piece = MARKDOWN_PIECES[i];
            text.push_str(piece);
            pieces_in_line = if piece.contains('\n') { 0 } else { pieces_in_line + 1 };
            if pieces_in_line == 8 {
                text.push('\n');
                pieces_in_line = 0;
            }
        }
        let glossary = Glossary::from_csv_text(
            "id,preferred,forbidden\nftu,Shanghai Federation of Trade Unions,Municipal General Assembly\n",
            "g.csv",
        )
        .expect("glossary");
        let matcher = TermMatcher::new(&glossary);
        let fuzzy = FuzzyIndex::new(&glossary, DEFAULT_THRESHOLD);
        let findings = |sizes: BlockSizes| {
            let checker = Checker::new(&glossary, &matcher, RuleSet::all())
                .with_fuzzy(&fuzzy)
                .with_block_sizes(sizes);
            let outcome = checker
                .check_reader_with(text.as_bytes(), false, Markup::Markdown, &mut WordCache::default())
                .expect("text");
            let Outcome::Checked(doc) = outcome else { panic!("not binary") };
            // What is found and where (a block's end may shorten an excerpt).
            doc.findings
                .into_vec()
                .into_iter()
                .map(|f| (f.rule, f.start.byte_offset as usize..f.end.byte_offset as usize, f.message))
                .collect::<Vec<_>>()
        };
        let whole = findings(BlockSizes { block: 1 << 20, overlap: 4096 });
        let blocks = findings(BlockSizes { block, overlap: 700 });
        let exact = |found: &[(Rule, std::ops::Range<usize>, String)]| {
            found.iter().filter(|f| f.0 == Rule::ForbiddenTerm).cloned().collect::<Vec<_>>()
        };
        prop_assert_eq!(exact(&blocks), exact(&whole));
        let code = CodeFinder::default().code_in(&text, text.len());
        for (_, span, message) in whole.iter().chain(&blocks) {
            prop_assert!(!in_code(&code, span), "{} in code", message);
        }
    }
}
