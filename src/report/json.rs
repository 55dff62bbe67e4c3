//! The JSON report: one document with the tool, the glossaries (with content hashes), a summary
//! and every finding with all its fields.
//!
//! Findings serialize through `Finding`'s own `Serialize`, so a field added to [`Finding`]
//! appears here without a change to this file. Object keys keep the order of the structs.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::error::FileError;
use crate::finding::Finding;
use crate::fingerprint::FileFingerprints;
use crate::glossary::GlossaryFile;
use crate::location::Location;
use crate::run::RunReport;

use super::{Counts, ReportOptions};

/// Version of the document's shape; raised when a field is removed or changes meaning (adding
/// fields does not raise it).
pub const SCHEMA_VERSION: u32 = 1;

/// The tool that wrote a report.
#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    /// `termcheck`.
    pub name: &'static str,
    /// The crate version.
    pub version: &'static str,
}

impl Tool {
    /// This build of termcheck.
    pub fn this() -> Tool {
        Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

/// Counts over the whole run.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Documents checked (with or without findings).
    pub files_checked: usize,
    /// Documents with at least one finding.
    pub files_with_findings: usize,
    /// All findings.
    pub findings: usize,
    /// Findings per rule id (every rule, zero included).
    pub by_rule: BTreeMap<&'static str, usize>,
    /// Findings per severity (`error`, `warning`, `info`; zero included).
    pub by_severity: BTreeMap<&'static str, usize>,
    /// Documents skipped as binary.
    pub skipped: usize,
    /// Documents with input errors: not checked, or checked all the same (see
    /// [`ErrorEntry::checked`]).
    pub errors: usize,
}

impl Summary {
    /// The summary of `run`.
    pub fn of(run: &RunReport) -> Summary {
        let counts = Counts::of(run);
        Summary {
            files_checked: run.files.len(),
            files_with_findings: run.files.iter().filter(|f| !f.findings.is_empty()).count(),
            findings: counts.total,
            by_rule: counts.by_rule.into_iter().collect(),
            by_severity: counts
                .by_severity
                .into_iter()
                .map(|(s, n)| (s.as_str(), n))
                .collect(),
            skipped: run.skipped.len(),
            errors: run.errors.len(),
        }
    }
}

/// A finding with the file it is in and its fingerprint.
#[derive(Debug, Clone, Serialize)]
pub struct FileFinding<'a> {
    /// The file, as the user named it (`<stdin>` for standard input).
    pub file: &'a str,
    /// Every field of the finding.
    #[serde(flatten)]
    pub finding: Cow<'a, Finding>,
    /// Its [`crate::fingerprint`] (the same as SARIF's `partialFingerprints`): stays the same
    /// when lines around it move.
    pub fingerprint: String,
}

/// Every finding of `run` with its file and fingerprint, in report order, one at a time.
pub fn file_findings(run: &RunReport) -> impl Iterator<Item = FileFinding<'_>> {
    run.files.iter().flat_map(|file| {
        let mut numbering = FileFingerprints::default();
        file.findings.iter().map(move |finding| FileFinding {
            file: &file.path,
            fingerprint: numbering.next(&finding),
            finding,
        })
    })
}

/// Every finding of a run, serialized as a sequence straight from the run: no list of them
/// is built first.
#[derive(Debug, Clone, Copy)]
pub struct FileFindings<'a>(pub &'a RunReport);

impl Serialize for FileFindings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(file_findings(self.0))
    }
}

/// A document that could not be checked.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorEntry<'a> {
    /// The file.
    pub file: &'a str,
    /// Where in it, when the problem is at a position.
    pub location: Option<Location>,
    /// What is wrong.
    pub message: &'a str,
    /// The file was checked all the same (it breaks a rule of its format's specification
    /// that does not stop it being read); otherwise it has no findings.
    pub checked: bool,
}

impl<'a> From<&'a FileError> for ErrorEntry<'a> {
    fn from(e: &'a FileError) -> Self {
        ErrorEntry {
            file: &e.path,
            location: e.location,
            message: &e.message,
            checked: e.checked,
        }
    }
}

/// The whole JSON document.
#[derive(Debug, Clone, Serialize)]
pub struct Document<'a> {
    /// See [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The tool.
    pub tool: Tool,
    /// The glossaries checked against, in load order, with their SHA-256.
    pub glossaries: &'a [GlossaryFile],
    /// Counts.
    pub summary: Summary,
    /// Documents skipped as binary.
    pub skipped: &'a [String],
    /// Documents that could not be checked.
    pub errors: Vec<ErrorEntry<'a>>,
    /// Every finding, in report order (file, then position).
    pub findings: FileFindings<'a>,
}

/// The document for `run`.
pub fn document<'a>(run: &'a RunReport, options: &ReportOptions<'a>) -> Document<'a> {
    Document {
        schema_version: SCHEMA_VERSION,
        tool: Tool::this(),
        glossaries: options.glossary.map_or(&[], |g| g.files.as_slice()),
        summary: Summary::of(run),
        skipped: &run.skipped,
        errors: run.errors.iter().map(ErrorEntry::from).collect(),
        findings: FileFindings(run),
    }
}

/// Writes the document, pretty-printed, with a final newline.
pub fn write(run: &RunReport, options: ReportOptions<'_>, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(run, &options))?;
    writeln!(out)
}
