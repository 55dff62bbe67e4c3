//! Conformance of the bilingual readers over the real samples in
//! ../shared/corpus/formats (OASIS XLIFF 2.0 test suite, Okapi, matecat, translate-toolkit).
//! Runs when `TERMCHECK_SHARED` names the shared folder; then missing files are failures.
//!
//! Every XLIFF, TMX and PO sample must read without error, except the ones listed in
//! [`REJECTED`], which must fail with a position. termcheck is a checker, not a validator:
//! schema-invalid files whose text and units are still unambiguous are read (see
//! docs/formats.md for which invalid classes are accepted and why).

mod common;

use std::path::{Path, PathBuf};

use common::repo_root;
use termcheck::formats::{read_segments, FormatOptions, InputFormat};
use termcheck::segment::{FormatError, Segment};

fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("TERMCHECK_SHARED")?;
    let dir = repo_root().join(dir);
    assert!(
        dir.is_dir(),
        "TERMCHECK_SHARED={} is not a directory",
        dir.display()
    );
    Some(dir)
}

/// Samples that must be refused, with a word of the expected message.
const REJECTED: &[(&str, &str)] = &[
    // Not XML at all.
    ("TestData.Xliff.OM.Tests/EmptyFile.xlf", "no XML element"),
    ("TestData.Xliff.OM.Tests/InvalidFile.xlf", "no XML element"),
    // Declares UTF-8, holds a raw 0xA9.
    ("reader/TestDocument01.odt.xlf", "invalid UTF-8"),
    // No charset header, not UTF-8.
    ("pocount_syntax_errors/f43.tgif.fr.po", "invalid UTF-8"),
    // The units and their text become ambiguous or unattributable.
    ("core/invalid/bad_NoFile.xlf", "no <file>"),
    ("core/invalid/bad_NoTrgLang.xlf", "no trgLang"),
    ("core/invalid/bad_NoTrgLangWithIgnorable.xlf", "no trgLang"),
    ("core/invalid/bad_TwoSourceInUnit.xlf", "second <source>"),
    (
        "core/invalid/bad_SegmentIdNotUnique.xlf",
        "duplicate segment id",
    ),
    (
        "core/invalid/bad_IgnorableIdNotUnique.xlf",
        "duplicate segment id",
    ),
    (
        "core/invalid/bad_PartIdNotUnique.xlf",
        "duplicate segment id",
    ),
    ("tests/files/v2-duplicate-ids.xliff", "duplicate unit id"),
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

fn read(path: &Path, format: InputFormat) -> Result<Vec<Segment>, FormatError> {
    let file = std::fs::File::open(path).unwrap();
    let name = path.display().to_string();
    read_segments(format, Box::new(file), &name, &FormatOptions::default())?.collect()
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
    let mut rejected_seen = Vec::new();
    let (mut read_files, mut segments, mut targets) = (0, 0, 0);
    for path in &all {
        let shown = path.strip_prefix(&root).unwrap().display().to_string();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let format = match (shown.split('/').next().unwrap(), ext) {
            ("xliff12" | "xliff20", "xlf" | "xliff" | "sdlxliff") => InputFormat::Xliff,
            ("tmx", "tmx") => InputFormat::Tmx,
            ("po", "po" | "pot") => InputFormat::Po,
            _ => continue,
        };
        let expected = REJECTED.iter().find(|(suffix, _)| shown.ends_with(suffix));
        match (read(path, format), expected) {
            (Ok(s), None) => {
                read_files += 1;
                segments += s.len();
                targets += s.iter().filter(|s| s.target.is_some()).count();
            }
            (Ok(_), Some(_)) => failures.push(format!("{shown}: read, but must be refused")),
            (Err(e), None) => failures.push(format!("{shown}: {e}")),
            (Err(e), Some((suffix, word))) => {
                rejected_seen.push(*suffix);
                if e.location.is_none() {
                    failures.push(format!("{shown}: refused without a position: {e}"));
                }
                if !e.message.contains(word) {
                    failures.push(format!("{shown}: refused for {e}, expected {word:?}"));
                }
            }
        }
    }
    for (suffix, _) in REJECTED {
        if !rejected_seen.contains(suffix) {
            failures.push(format!(
                "{suffix}: listed as refused but not found or not refused"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The suite and the samples hold a few hundred files and thousands of units.
    assert!(read_files > 200, "{read_files} files read");
    assert!(segments > 2000, "{segments} segments");
    assert!(targets > 1000, "{targets} targets");
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
