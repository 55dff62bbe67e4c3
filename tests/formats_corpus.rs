//! Conformance of the bilingual readers over the real samples in
//! ../shared/corpus/formats (OASIS XLIFF 2.0 test suite, Okapi, matecat, translate-toolkit).
//! Runs when `TERMCHECK_SHARED` names the shared folder; then missing files are failures.
//!
//! Every file under a folder named `invalid` (the OASIS suite's core and module invalid
//! files) must be refused with a position; every other XLIFF, TMX and PO sample must read,
//! except the few in [`BROKEN`], which are not well-formed or not decodable, or contradict
//! an XLIFF 2 MUST outside the suite's folders (see docs/formats.md).

mod common;

use std::path::{Path, PathBuf};

use common::shared;
use termcheck::formats::{read_segments, FormatOptions, InputFormat};
use termcheck::segment::{FormatError, Segment};

/// Samples outside the `invalid` folders that cannot be read, with a word of the message.
const BROKEN: &[(&str, &str)] = &[
    // Not XML at all.
    ("TestData.Xliff.OM.Tests/EmptyFile.xlf", "no XML element"),
    ("TestData.Xliff.OM.Tests/InvalidFile.xlf", "no XML element"),
    // Declares UTF-8, holds a raw 0xA9.
    ("reader/TestDocument01.odt.xlf", "invalid UTF-8"),
    // No charset header, not UTF-8.
    ("pocount_syntax_errors/f43.tgif.fr.po", "invalid UTF-8"),
    // Two units with one id in a file.
    ("tests/files/v2-duplicate-ids.xliff", "duplicate unit id"),
];

/// Samples outside the `invalid` folders that read, but break a MUST of XLIFF 2 that the
/// OASIS invalid files test (the same rule reports both; see docs/formats.md, "Samples that
/// break the suite's rules"): their segments are read, then the error comes, with a word of
/// its message.
const NONCONFORMING: &[(&str, &str)] = &[
    // Object-model fixtures: srcLang="" is no language (bad_SrcLangNotWellFormed); a unit
    // without a segment (bad_UnitWithoutSegment).
    ("TestData.Xliff.OM.Tests/DataWithEmptyValues.xlf", "srcLang"),
    (
        "TestData.Xliff.OM.Tests/FullDocument.xlf",
        "at least one <segment>",
    ),
    // matecat parser fixtures: a <file> without units (bad_NoUnitOrGroupInFile), trgLang=""
    // (bad_TrgLangNotWellFormed), XLIFF 1.2 attributes on a 2.0 <file> and notes after the
    // segments (bad_InvalidDirAttributeOnSource, bad_InvalidNotesInUnit), a <group>
    // without id (bad_GroupWithoutId), a source xml:lang other than srcLang
    // (bad_WrongSourceLang), state="finale" (bad_InvalidStateValue).
    ("tests/files/empty.xliff", "at least one <unit>"),
    ("tests/files/no-trgLang.xliff", "trgLang"),
    ("tests/files/notes-after-segment.xliff", "source-language"),
    ("tests/files/sample-20-with-nested-group.xlf", "no id"),
    ("tests/files/test-empty-unit-2.0.xliff", "srcLang"),
    ("tests/files/with-segment-state.xliff", "finale"),
    // The suite contradicts itself: this core file writes slr:sizeInfo="some info" with no
    // size profile declared, which modules/invalid/Bad-slr_sizeInfo-not-integer refuses.
    ("core/valid/withModulesAttributesInEc.xlf", "sizeInfo"),
];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The segments of a file, and the rule of its format it breaks if it reads all the same.
type Read = (Vec<Segment>, Option<FormatError>);

fn read_all(path: &Path, format: InputFormat) -> Result<Read, FormatError> {
    let file = std::fs::File::open(path).unwrap();
    let name = path.display().to_string();
    let mut segments = Vec::new();
    for segment in read_segments(format, Box::new(file), &name, &FormatOptions::default())? {
        match segment {
            Ok(s) => segments.push(s),
            Err(e) if e.nonconforming => return Ok((segments, Some(e))),
            Err(e) => return Err(e),
        }
    }
    Ok((segments, None))
}

fn read(path: &Path, format: InputFormat) -> Result<Vec<Segment>, FormatError> {
    match read_all(path, format)? {
        (segments, None) => Ok(segments),
        (_, Some(e)) => Err(e),
    }
}

/// `e` as a user sees it starts with file:line:column.
fn has_position(e: &FormatError, shown: &str) -> bool {
    let shown_error = e.clone().in_file(shown).to_string();
    e.location
        .is_some_and(|l| shown_error.starts_with(&format!("{shown}:{}:{}: ", l.line, l.column)))
}

#[test]
fn every_sample_reads_or_is_refused_with_a_position() {
    let Some(shared) = shared() else {
        eprintln!("TERMCHECK_SHARED not set: format corpus test not run");
        return;
    };
    let root = shared.join("corpus/formats");
    assert!(root.is_dir(), "{} is missing", root.display());
    let mut all = Vec::new();
    files(&root, &mut all);
    let mut failures = Vec::new();
    let mut listed_seen = Vec::new();
    let (mut read_files, mut errors, mut segments, mut targets) = (0, 0, 0, 0);
    let listed = |shown: &str| {
        let find =
            |list: &'static [(&str, &str)]| list.iter().find(|(suffix, _)| shown.ends_with(suffix));
        find(BROKEN).or(find(NONCONFORMING))
    };
    for path in &all {
        let shown = path.strip_prefix(&root).unwrap().display().to_string();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let format = match (shown.split('/').next().unwrap(), ext) {
            ("xliff12" | "xliff20", "xlf" | "xliff" | "sdlxliff") => InputFormat::Xliff,
            ("tmx", "tmx") => InputFormat::Tmx,
            ("po", "po" | "pot") => InputFormat::Po,
            _ => continue,
        };
        let invalid = shown.split('/').any(|part| part == "invalid");
        let nonconforming = NONCONFORMING.iter().any(|(s, _)| shown.ends_with(s));
        let expected = listed(&shown);
        let error = match read_all(path, format) {
            Ok((s, None)) => {
                if invalid || expected.is_some() {
                    failures.push(format!("{shown}: read without an error"));
                }
                read_files += 1;
                segments += s.len();
                targets += s.iter().filter(|s| s.target.is_some()).count();
                continue;
            }
            Ok((s, Some(e))) => {
                if !invalid && !nonconforming {
                    failures.push(format!("{shown}: {e}"));
                }
                read_files += 1;
                segments += s.len();
                targets += s.iter().filter(|s| s.target.is_some()).count();
                e
            }
            Err(e) => {
                if !invalid && expected.is_none() {
                    failures.push(format!("{shown}: {e}"));
                }
                if nonconforming {
                    failures.push(format!("{shown}: not read: {e}"));
                }
                e
            }
        };
        errors += 1;
        if let Some((suffix, word)) = expected {
            listed_seen.push(*suffix);
            if !error.message.contains(word) {
                failures.push(format!("{shown}: error {error}, expected {word:?}"));
            }
        }
        if !has_position(&error, &shown) {
            failures.push(format!("{shown}: error without a position: {error}"));
        }
        eprintln!("error {}", error.in_file(&shown));
    }
    for (suffix, _) in BROKEN.iter().chain(NONCONFORMING) {
        if !listed_seen.contains(suffix) {
            failures.push(format!(
                "{suffix}: listed but not found, or read without an error"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // 225 samples read, with thousands of units; 74 have an error (60 in the suite's invalid
    // folders, most of them read to their end with the error after their segments).
    assert!(read_files > 200, "{read_files} files read");
    assert!(
        errors >= 60 + BROKEN.len() + NONCONFORMING.len(),
        "{errors} files with an error"
    );
    assert!(segments > 2000, "{segments} segments");
    assert!(targets > 1000, "{targets} targets");
    eprintln!("{read_files} files read ({segments} segments, {targets} targets), {errors} errors");
}

/// Findings in a real XLIFF 2.0 file with zh-hk targets point at the file's lines.
#[test]
fn cjk_targets_of_real_xliff_keep_their_positions() {
    let Some(shared) = shared() else {
        return;
    };
    let path = shared
        .join("corpus/formats/xliff20/matecat-xliff-parser/tests/files/size-restriction.xliff");
    let segments = read(&path, InputFormat::Xliff).unwrap();
    assert_eq!(segments.len(), 87);
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for s in segments.iter().filter_map(|s| s.target.as_ref()) {
        let Some((i, c)) = s.text().char_indices().find(|(_, c)| !c.is_ascii()) else {
            continue;
        };
        let at = s.location(i);
        let line = lines[at.line as usize - 1];
        let shown: String = line.chars().skip(at.column as usize - 1).take(1).collect();
        assert_eq!(shown, c.to_string(), "at {at}");
        assert_eq!(
            &text.as_bytes()[at.byte_offset as usize..][..c.len_utf8()],
            c.to_string().as_bytes()
        );
    }
}

/// Over every readable sample, a finding's line and column point at the first character of
/// the text found, in the file as decoded (whatever its encoding and markup).
#[test]
fn findings_in_real_files_point_at_the_found_text() {
    use termcheck::check::Checker;
    use termcheck::fuzzy::WordCache;
    use termcheck::glossary::Glossary;
    use termcheck::matcher::TermMatcher;
    use termcheck::rules::RuleSet;
    use termcheck::segment::{check_segments, NoSegmentRules};

    let Some(shared) = shared() else {
        return;
    };
    // Common words as forbidden renderings: findings everywhere.
    let glossary = Glossary::from_csv_text(
        "id,preferred,forbidden\nthe,THE-X,the\nfile,FILE-X,file\ntext,TEXT-X,text\nand,AND-X,and\nof,OF-X,of\nto,TO-X,to\nis,IS-X,is\nde,DE-X,de\nla,LA-X,la\n",
        "g.csv",
    )
    .unwrap();
    let matcher = TermMatcher::new(&glossary);
    let checker = Checker::new(
        &glossary,
        &matcher,
        RuleSet::from_ids(&["forbidden-term".into()], &[]).unwrap(),
    );
    let root = shared.join("corpus/formats");
    let mut all = Vec::new();
    files(&root, &mut all);
    let (mut checked, mut failures) = (0, Vec::new());
    for path in &all {
        let shown = path.strip_prefix(&root).unwrap().display().to_string();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let format = match ext {
            "xlf" | "xliff" | "sdlxliff" if !shown.contains("/invalid/") => InputFormat::Xliff,
            "tmx" => InputFormat::Tmx,
            "po" | "pot" => InputFormat::Po,
            _ => continue,
        };
        let bytes = std::fs::read(path).unwrap();
        let Ok(segments) = read_segments(
            format,
            Box::new(&bytes[..]),
            &shown,
            &FormatOptions::default(),
        ) else {
            continue;
        };
        let Ok(doc) = check_segments(
            &checker,
            segments,
            &mut WordCache::default(),
            &mut NoSegmentRules,
        ) else {
            continue;
        };
        let text = decode(&bytes, format);
        let lines: Vec<Vec<char>> = text
            .split('\n')
            .map(|l| l.trim_end_matches('\r').chars().collect())
            .collect();
        for f in &doc.findings {
            checked += 1;
            let at = lines
                .get(f.start.line as usize - 1)
                .and_then(|l| l.get(f.start.column as usize - 1))
                .copied();
            let first = f.found.chars().next();
            if at.map(|c| c.to_lowercase().to_string())
                != first.map(|c| c.to_lowercase().to_string())
            {
                failures.push(format!(
                    "{shown}:{}: found {:?}, file has {at:?}",
                    f.start, f.found
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked}:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
    assert!(checked > 300, "{checked} findings checked");
}

/// The file's text, decoded as the readers decode it.
fn decode(bytes: &[u8], format: InputFormat) -> String {
    let (bom, rest) = if bytes.starts_with(b"\xEF\xBB\xBF") {
        (encoding_rs::UTF_8, &bytes[3..])
    } else if bytes.starts_with(b"\xFF\xFE") {
        (encoding_rs::UTF_16LE, &bytes[2..])
    } else if bytes.starts_with(b"\xFE\xFF") {
        (encoding_rs::UTF_16BE, &bytes[2..])
    } else {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_string();
        let label = match format {
            InputFormat::Po => head.split("charset=").nth(1).map(|r| {
                r.split(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '_')
                    .next()
                    .unwrap_or("")
                    .to_string()
            }),
            _ => head
                .lines()
                .next()
                .filter(|l| l.starts_with("<?xml"))
                .and_then(|l| l.split("encoding=").nth(1))
                .map(|r| {
                    r.trim_start_matches(['"', '\''])
                        .split(['"', '\''])
                        .next()
                        .unwrap_or("")
                        .to_string()
                }),
        };
        let e = label
            .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
            .filter(|e| *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE)
            .unwrap_or(encoding_rs::UTF_8);
        (e, bytes)
    };
    bom.decode_without_bom_handling(rest).0.into_owned()
}
