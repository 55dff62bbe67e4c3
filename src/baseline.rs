//! Baselines: a record of known findings, so that a run reports only new ones.
//!
//! A finding is recorded by the file it is in and its fingerprint: the one of
//! [`crate::fingerprint`], the same as JSON's `fingerprint` and SARIF's `partialFingerprints`
//! (`termcheck/v1`), so a finding can be followed from one report to the other. It leaves out
//! the line and column: inserting or deleting text elsewhere in the file must not make an old
//! finding look new.
//!
//! The file format is a versioned line format, one finding per line, sorted as the report is:
//!
//! ```text
//! termcheck-baseline 2
//! ab9b05705f276fe980958abff93d9a6f→forbidden-term→samples/a.txt→ftu→Municipal General Assembly
//! ```
//!
//! Fields are separated by one tab (`→` above): fingerprint (32 lower-case hex digits), rule id,
//! file, concept and found text (tabs, line breaks and backslashes in them are written `\t`,
//! `\n`, `\r`, `\\`). Lines starting with `#` and empty lines are ignored. The file (with `.`
//! components and repeated separators dropped) and the fingerprint decide whether a finding is
//! known; rule, concept and found text are for people reading a diff.
//!
//! Version 1 files (`termcheck-baseline 1`, 16 hex digits: an FNV-1a hash of the file, rule,
//! concept, found text, context and occurrence) are still read, with that scheme; termcheck
//! writes version 2 only.

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

use crate::error::FileError;
use crate::finding::Finding;
use crate::fingerprint::FileFingerprints;
use crate::location::Location;
use crate::rules::Rule;
use crate::run::RunReport;

/// The first line of every baseline file termcheck writes; the number is the format version.
pub const HEADER: &str = "termcheck-baseline 2";

/// The first line of a version 1 baseline (fingerprints of [`legacy_fingerprint`]), still read.
pub const HEADER_V1: &str = "termcheck-baseline 1";

/// The version 1 fingerprint of a finding: 64 bits of FNV-1a, shown as 16 hex digits. Kept only
/// to read baselines written before version 2; new ones use [`crate::fingerprint`].
pub fn legacy_fingerprint(path: &str, finding: &Finding, occurrence_index: usize) -> u64 {
    let mut hash = Fnv64::new();
    for part in [
        &normalized_path(path),
        finding.rule.id(),
        &finding.concept,
        &normalized(&finding.found),
        &normalized(&finding.context),
        &occurrence_index.to_string(),
    ] {
        hash.write(part.as_bytes());
        // A separator no part contains, so ("ab", "c") and ("a", "bc") differ.
        hash.write(&[0xFF]);
    }
    hash.finish()
}

/// The path without `.` components, repeated or trailing separators, and with `/` between
/// components: `./docs//a.md` and `docs/a.md` are one file (Windows `docs\\a.md` too).
pub fn normalized_path(path: &str) -> String {
    std::path::Path::new(path)
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Version 1's text normalization: whitespace collapsed to single spaces, letters lower-cased.
fn normalized(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// FNV-1a: tiny, and the same on every platform and release (std's hasher promises neither).
struct Fnv64(u64);

impl Fnv64 {
    fn new() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Calls `each` with every finding of `run`, its fingerprint (as in JSON and SARIF) and file,
/// in report order.
pub fn for_each_fingerprint<E>(
    run: &RunReport,
    mut each: impl FnMut(String, &str, &Finding) -> Result<(), E>,
) -> Result<(), E> {
    for file in &run.files {
        let mut numbering = FileFingerprints::default();
        for f in &file.findings {
            each(numbering.next(&f), &file.path, &f)?;
        }
    }
    Ok(())
}

/// Every finding of `run` with its version 1 fingerprint, in report order.
fn legacy_fingerprints(run: &RunReport) -> Vec<u64> {
    let mut out = Vec::new();
    for file in &run.files {
        let mut seen: HashMap<(Rule, String, String, String), usize> = HashMap::new();
        for f in &file.findings {
            let key = (
                f.rule,
                f.concept.clone(),
                normalized(&f.found),
                normalized(&f.context),
            );
            let index = seen.entry(key).or_insert(0);
            out.push(legacy_fingerprint(&file.path, &f, *index));
            *index += 1;
        }
    }
    out
}

/// The known findings read from a baseline file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    /// (normalized file, fingerprint) of a version 2 file.
    known: HashSet<(String, String)>,
    /// Fingerprints of a version 1 file.
    legacy: HashSet<u64>,
}

impl Baseline {
    /// How many findings the baseline records.
    pub fn len(&self) -> usize {
        self.known.len() + self.legacy.len()
    }

    /// Whether it records none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Parses a baseline file's text (version 2, or version 1); errors name `path`, line and
    /// column.
    pub fn parse(text: &str, path: &str) -> Result<Baseline, FileError> {
        let mut baseline = Baseline::default();
        let mut version = None;
        let mut offset = 0u64;
        for (index, raw) in text.split_inclusive('\n').enumerate() {
            let line_start = offset;
            offset += raw.len() as u64;
            let line = raw.trim_end_matches(['\n', '\r']);
            let at = |column_bytes: usize| Location {
                line: index as u64 + 1,
                column: line[..column_bytes].chars().count() as u64 + 1,
                byte_offset: line_start + column_bytes as u64,
            };
            let Some(version) = version else {
                version = match line.trim_start_matches('\u{FEFF}') {
                    HEADER => Some(2),
                    HEADER_V1 => Some(1),
                    _ => {
                        return Err(FileError::at(
                            path,
                            at(0),
                            format!(
                                "not a termcheck baseline: the first line must be {HEADER:?} (or {HEADER_V1:?})"
                            ),
                        ))
                    }
                };
                continue;
            };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != 5 {
                return Err(FileError::at(
                    path,
                    at(0),
                    format!(
                        "expected 5 tab-separated fields (fingerprint, rule, file, concept, found), found {}",
                        fields.len()
                    ),
                ));
            }
            let print = fields[0];
            let digits = if version == 1 { 16 } else { 32 };
            if print.len() != digits || !print.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(FileError::at(
                    path,
                    at(0),
                    format!("fingerprint {print:?} is not {digits} hexadecimal digits"),
                ));
            }
            if Rule::from_id(fields[1]).is_none() {
                return Err(FileError::at(
                    path,
                    at(print.len() + 1),
                    format!("unknown rule {:?}", fields[1]),
                ));
            }
            if version == 1 {
                let value = u64::from_str_radix(print, 16).expect("checked: 16 hex digits");
                baseline.legacy.insert(value);
            } else {
                let file = normalized_path(&unescape(fields[2]));
                baseline.known.insert((file, print.to_ascii_lowercase()));
            }
        }
        if version.is_none() {
            return Err(FileError::new(
                path,
                format!("empty baseline: the first line must be {HEADER:?}"),
            ));
        }
        Ok(baseline)
    }

    /// Removes from `run` every finding the baseline knows; returns how many were removed.
    pub fn filter(&self, run: &mut RunReport) -> usize {
        let keep: Vec<bool> = {
            let legacy = if self.legacy.is_empty() {
                Vec::new()
            } else {
                legacy_fingerprints(run)
            };
            let mut keep = Vec::with_capacity(run.findings_count());
            let _ = for_each_fingerprint(run, |print, path, _| {
                let i = keep.len();
                let known = self.known.contains(&(normalized_path(path), print))
                    || legacy.get(i).is_some_and(|p| self.legacy.contains(p));
                keep.push(!known);
                Ok::<(), std::convert::Infallible>(())
            });
            keep
        };
        let mut keep = keep.into_iter();
        let mut removed = 0;
        for file in &mut run.files {
            file.findings.retain(|_| {
                let k = keep.next().expect("one flag per finding");
                removed += usize::from(!k);
                k
            });
        }
        removed
    }
}

/// Writes every finding of `run` as a version 2 baseline (deterministic: report order).
pub fn write(run: &RunReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{HEADER}")?;
    for_each_fingerprint(run, |print, path, f| {
        writeln!(
            out,
            "{print}\t{}\t{}\t{}\t{}",
            f.rule.id(),
            escape(path),
            escape(&f.concept),
            escape(&f.found)
        )
    })
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ => out.push(c),
        }
    }
    out
}

/// The inverse of [`escape`]; an unknown escape stands for itself.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Excerpt, Severity};
    use crate::fingerprint::file_fingerprints;

    fn finding(found: &str, context: &str, line: u64) -> Finding {
        Finding {
            rule: Rule::ForbiddenTerm,
            severity: Severity::Error,
            concept: "ftu".into(),
            found: found.into(),
            expected: "Shanghai Federation of Trade Unions".into(),
            message: String::new(),
            note: String::new(),
            context: context.into(),
            start: Location {
                line,
                column: 1,
                byte_offset: line * 10,
            },
            end: Location::default(),
            excerpt: Excerpt::default(),
            score: None,
            unit: None,
        }
    }

    #[test]
    fn fingerprint_ignores_position_and_whitespace_but_not_content() {
        let a = finding(
            "Municipal General Assembly",
            "The Municipal General Assembly met.",
            3,
        );
        let moved = finding(
            "Municipal  General\nAssembly",
            "The Municipal General\nAssembly met.",
            9,
        );
        assert_eq!(
            legacy_fingerprint("a.txt", &a, 0),
            legacy_fingerprint("a.txt", &moved, 0)
        );
        assert_ne!(
            legacy_fingerprint("a.txt", &a, 0),
            legacy_fingerprint("a.txt", &a, 1)
        );
        assert_ne!(
            legacy_fingerprint("a.txt", &a, 0),
            legacy_fingerprint("b.txt", &a, 0)
        );
        assert_eq!(
            legacy_fingerprint("docs/a.txt", &a, 0),
            legacy_fingerprint("./docs//a.txt", &a, 0)
        );
        let other = finding(
            "Municipal General Assembly",
            "A Municipal General Assembly met.",
            3,
        );
        assert_ne!(
            legacy_fingerprint("a.txt", &a, 0),
            legacy_fingerprint("a.txt", &other, 0)
        );
    }

    /// Version 1 fingerprints are stored in users' baseline files, still read: the scheme must
    /// not change.
    #[test]
    fn version_1_fingerprints_are_a_stable_contract() {
        let a = finding(
            "Municipal General Assembly",
            "The Municipal General Assembly met.",
            3,
        );
        assert_eq!(
            format!("{:016x}", legacy_fingerprint("a.txt", &a, 0)),
            "abc2d244a6f06704"
        );
        let mut empty = Fnv64::new();
        empty.write(b"");
        assert_eq!(empty.finish(), 0xcbf2_9ce4_8422_2325, "FNV-1a offset basis");
        let mut a = Fnv64::new();
        a.write(b"a");
        assert_eq!(a.finish(), 0xaf63_dc4c_8601_ec8c, "FNV-1a of \"a\"");
    }

    #[test]
    fn parse_errors_have_line_and_column() {
        let err = Baseline::parse("nope\n", "b.txt").unwrap_err();
        assert_eq!(err.location.map(|l| (l.line, l.column)), Some((1, 1)));
        let text = format!("{HEADER_V1}\n0123456789abcdef\tforbiden-term\ta\tb\tc\n");
        let err = Baseline::parse(&text, "b.txt").unwrap_err();
        let l = err.location.unwrap();
        assert_eq!((l.line, l.column), (2, 18), "{err}");
        let text = format!("{HEADER}\n# comment\n\nxyz\tforbidden-term\ta\tb\tc\n");
        let err = Baseline::parse(&text, "b.txt").unwrap_err();
        assert_eq!(err.location.unwrap().line, 4);
        // A version 1 fingerprint in a version 2 file.
        let text = format!("{HEADER}\n0123456789abcdef\tforbidden-term\ta\tb\tc\n");
        let err = Baseline::parse(&text, "b.txt").unwrap_err();
        assert!(
            err.to_string().contains("not 32 hexadecimal digits"),
            "{err}"
        );
        assert!(Baseline::parse("", "b.txt").is_err());
        let ok = format!("{HEADER_V1}\r\n0123456789abcdef\tforbidden-term\ta\tb\tc\r\n");
        assert_eq!(Baseline::parse(&ok, "b.txt").unwrap().len(), 1);
        let ok = format!(
            "{HEADER}\r\n{}\tforbidden-term\ta\tb\tc\r\n",
            "0a".repeat(16)
        );
        assert_eq!(Baseline::parse(&ok, "b.txt").unwrap().len(), 1);
    }

    #[test]
    fn escapes_control_characters() {
        assert_eq!(escape("a\tb\nc\\"), "a\\tb\\nc\\\\");
        assert_eq!(unescape(&escape("a\tb\nc\\d\re")), "a\tb\nc\\d\re");
    }

    fn run_of(path: &str, findings: Vec<Finding>) -> RunReport {
        RunReport {
            files: vec![crate::run::FileReport {
                path: path.into(),
                findings: findings.into(),
                occurrences: Vec::new(),
                suppressions: Vec::new(),
            }],
            ..RunReport::default()
        }
    }

    /// Version 2 stores the fingerprint of [`crate::fingerprint`] (pinned there, as SARIF's):
    /// the line written for a finding is pinned here.
    #[test]
    fn version_2_writes_the_report_fingerprint() {
        let mut f = finding("CAMCE", "The CAMCE site.", 2);
        f.concept = "workercn".into();
        let run = run_of("docs/a.txt", vec![f.clone()]);
        let mut out = Vec::new();
        write(&run, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "termcheck-baseline 2\nab9b05705f276fe980958abff93d9a6f\tforbidden-term\tdocs/a.txt\tworkercn\tCAMCE\n"
        );
        assert_eq!(
            file_fingerprints([&f])[0],
            "ab9b05705f276fe980958abff93d9a6f"
        );
    }

    #[test]
    fn version_2_knows_a_finding_by_file_and_fingerprint() {
        let f = finding("CAMCE", "The CAMCE site.", 2);
        let mut out = Vec::new();
        write(&run_of("./docs//a.txt", vec![f.clone()]), &mut out).unwrap();
        let baseline = Baseline::parse(std::str::from_utf8(&out).unwrap(), "b").unwrap();
        let mut same = run_of("docs/a.txt", vec![finding("CAMCE", "The  CAMCE\nsite.", 9)]);
        assert_eq!(baseline.filter(&mut same), 1, "moved and re-wrapped: known");
        let mut other_file = run_of("docs/b.txt", vec![f.clone()]);
        assert_eq!(baseline.filter(&mut other_file), 0, "another file: new");
    }

    #[test]
    fn version_1_files_are_still_read_with_their_scheme() {
        let f = finding(
            "Municipal General Assembly",
            "The Municipal General Assembly met.",
            3,
        );
        let text = format!(
            "{HEADER_V1}\n{:016x}\tforbidden-term\ta.txt\tftu\tMunicipal General Assembly\n",
            legacy_fingerprint("a.txt", &f, 0)
        );
        let baseline = Baseline::parse(&text, "b").unwrap();
        let mut run = run_of("a.txt", vec![f.clone(), finding("CAMCE", "x", 4)]);
        assert_eq!(baseline.filter(&mut run), 1);
        assert_eq!(run.files[0].findings.len(), 1);
    }
}
