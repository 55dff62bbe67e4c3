//! Baselines: a record of known findings, so that a run reports only new ones.
//!
//! A finding is recorded by a fingerprint that does not contain its line or column: inserting
//! or deleting text elsewhere in the file must not make an old finding look new. The
//! fingerprint hashes the file, the rule, the concept, the found text and the sentence around
//! it (both with whitespace collapsed and letters lower-cased) and the occurrence index: the
//! number of earlier findings in the same file with all of those equal, so that two identical
//! sentences each need their own entry.
//!
//! The file format is a versioned line format, one finding per line, sorted as the report is:
//!
//! ```text
//! termcheck-baseline 1
//! 3f9a0c1be2d45a77→forbidden-term→samples/a.txt→ftu→Municipal General Assembly
//! ```
//!
//! Fields are separated by one tab (`→` above): fingerprint (16 lower-case hex digits), rule id, file,
//! concept and found text (the last three for people reading a diff; tabs, line breaks and
//! backslashes in them are written `\t`, `\n`, `\r`, `\\`). Lines starting with `#` and empty
//! lines are ignored. Only the fingerprint decides whether a finding is known.

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

use crate::error::FileError;
use crate::finding::Finding;
use crate::location::Location;
use crate::rules::Rule;
use crate::run::RunReport;

/// The first line of every baseline file; the number is the format version.
pub const HEADER: &str = "termcheck-baseline 1";

/// A finding's identity across edits elsewhere in its file: 64 bits, shown as 16 hex digits.
pub fn fingerprint(path: &str, finding: &Finding, occurrence_index: usize) -> u64 {
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
fn normalized_path(path: &str) -> String {
    std::path::Path::new(path)
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Whitespace collapsed to single spaces and letters lower-cased: re-wrapping a paragraph or
/// fixing the case of another word must not change a fingerprint.
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

/// Every finding of `run` with its fingerprint, in report order.
pub fn fingerprints(run: &RunReport) -> Vec<(u64, &str, &Finding)> {
    let mut out = Vec::new();
    for file in &run.files {
        let mut seen: HashMap<(Rule, &str, String, String), usize> = HashMap::new();
        for f in &file.findings {
            let key = (
                f.rule,
                f.concept.as_str(),
                normalized(&f.found),
                normalized(&f.context),
            );
            let index = seen.entry(key).or_insert(0);
            out.push((fingerprint(&file.path, f, *index), file.path.as_str(), f));
            *index += 1;
        }
    }
    out
}

/// The known findings read from a baseline file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    known: HashSet<u64>,
}

impl Baseline {
    /// How many findings the baseline records.
    pub fn len(&self) -> usize {
        self.known.len()
    }

    /// Whether it records none.
    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// Parses a baseline file's text; errors name `path`, line and column.
    pub fn parse(text: &str, path: &str) -> Result<Baseline, FileError> {
        let mut known = HashSet::new();
        let mut header_seen = false;
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
            if !header_seen {
                if line.trim_start_matches('\u{FEFF}') == HEADER {
                    header_seen = true;
                    continue;
                }
                return Err(FileError::at(
                    path,
                    at(0),
                    format!("not a termcheck baseline: the first line must be {HEADER:?}"),
                ));
            }
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
            if print.len() != 16 || !print.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(FileError::at(
                    path,
                    at(0),
                    format!("fingerprint {print:?} is not 16 hexadecimal digits"),
                ));
            }
            if Rule::from_id(fields[1]).is_none() {
                return Err(FileError::at(
                    path,
                    at(print.len() + 1),
                    format!("unknown rule {:?}", fields[1]),
                ));
            }
            let value = u64::from_str_radix(print, 16).expect("checked: 16 hex digits");
            known.insert(value);
        }
        if !header_seen {
            return Err(FileError::new(
                path,
                format!("empty baseline: the first line must be {HEADER:?}"),
            ));
        }
        Ok(Baseline { known })
    }

    /// Removes from `run` every finding the baseline knows; returns how many were removed.
    pub fn filter(&self, run: &mut RunReport) -> usize {
        let keep: Vec<Vec<bool>> = {
            let prints = fingerprints(run);
            let mut it = prints.iter();
            run.files
                .iter()
                .map(|file| {
                    file.findings
                        .iter()
                        .map(|_| {
                            let (print, _, _) = it.next().expect("one fingerprint per finding");
                            !self.known.contains(print)
                        })
                        .collect()
                })
                .collect()
        };
        let mut removed = 0;
        for (file, keep) in run.files.iter_mut().zip(keep) {
            let mut keep = keep.into_iter();
            file.findings.retain(|_| {
                let k = keep.next().expect("one flag per finding");
                removed += usize::from(!k);
                k
            });
        }
        removed
    }
}

/// Writes every finding of `run` as a baseline (deterministic: report order).
pub fn write(run: &RunReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{HEADER}")?;
    for (print, path, f) in fingerprints(run) {
        writeln!(
            out,
            "{print:016x}\t{}\t{}\t{}\t{}",
            f.rule.id(),
            escape(path),
            escape(&f.concept),
            escape(&f.found)
        )?;
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Excerpt, Severity};

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
        assert_eq!(fingerprint("a.txt", &a, 0), fingerprint("a.txt", &moved, 0));
        assert_ne!(fingerprint("a.txt", &a, 0), fingerprint("a.txt", &a, 1));
        assert_ne!(fingerprint("a.txt", &a, 0), fingerprint("b.txt", &a, 0));
        assert_eq!(
            fingerprint("docs/a.txt", &a, 0),
            fingerprint("./docs//a.txt", &a, 0)
        );
        let other = finding(
            "Municipal General Assembly",
            "A Municipal General Assembly met.",
            3,
        );
        assert_ne!(fingerprint("a.txt", &a, 0), fingerprint("a.txt", &other, 0));
    }

    /// Fingerprints are stored in users' baseline files: any change to what goes into one, or
    /// to the hash, makes every recorded finding new again and needs a format version bump.
    #[test]
    fn fingerprints_are_a_stable_contract() {
        let a = finding(
            "Municipal General Assembly",
            "The Municipal General Assembly met.",
            3,
        );
        assert_eq!(
            format!("{:016x}", fingerprint("a.txt", &a, 0)),
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
        let text = format!("{HEADER}\n0123456789abcdef\tforbiden-term\ta\tb\tc\n");
        let err = Baseline::parse(&text, "b.txt").unwrap_err();
        let l = err.location.unwrap();
        assert_eq!((l.line, l.column), (2, 18), "{err}");
        let text = format!("{HEADER}\n# comment\n\nxyz\tforbidden-term\ta\tb\tc\n");
        let err = Baseline::parse(&text, "b.txt").unwrap_err();
        assert_eq!(err.location.unwrap().line, 4);
        assert!(Baseline::parse("", "b.txt").is_err());
        let ok = format!("{HEADER}\r\n0123456789abcdef\tforbidden-term\ta\tb\tc\r\n");
        assert_eq!(Baseline::parse(&ok, "b.txt").unwrap().len(), 1);
    }

    #[test]
    fn escapes_control_characters() {
        assert_eq!(escape("a\tb\nc\\"), "a\\tb\\nc\\\\");
    }
}
