//! The CSV report: the contract spreadsheets and other tools consume.
//!
//! The first ten columns are fixed in name and order; later columns may be added, never
//! removed or renamed.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::run::RunReport;

/// Column names, in order.
pub const COLUMNS: &[&str] = &[
    "file",
    "line",
    "column",
    "rule",
    "severity",
    "concept",
    "found",
    "expected",
    "message",
    "context",
    "end_line",
    "end_column",
    "byte_offset",
    "byte_end",
    "note",
    "score",
    "unit",
];

/// One finding as a CSV row (also the shape of future JSON reports).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportRow {
    /// The file, as the user named it.
    pub file: String,
    /// 1-based line of the start of the found text.
    pub line: u64,
    /// 1-based column (Unicode scalar values) of its start.
    pub column: u64,
    /// Rule id.
    pub rule: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// Concept id.
    pub concept: String,
    /// The text found, as written.
    pub found: String,
    /// The preferred rendering.
    pub expected: String,
    /// One sentence for a person.
    pub message: String,
    /// The sentence around the finding.
    pub context: String,
    /// 1-based line of the end of the found text.
    pub end_line: u64,
    /// 1-based column just after the found text.
    pub end_column: u64,
    /// 0-based byte offset of the found text in the file as stored.
    pub byte_offset: u64,
    /// 0-based byte offset just after it.
    pub byte_end: u64,
    /// The concept's note from the glossary.
    pub note: String,
    /// Similarity to the expected rendering (garbled terms only), two decimals.
    pub score: String,
    /// The translation unit (bilingual inputs), empty for plain text.
    pub unit: String,
}

/// Every finding of `run` as rows, in report order, one at a time.
pub fn rows(run: &RunReport) -> impl Iterator<Item = ReportRow> + '_ {
    run.findings().map(|(file, f)| ReportRow {
        file: file.to_string(),
        line: f.start.line,
        column: f.start.column,
        rule: f.rule.id().to_string(),
        severity: f.severity.as_str().to_string(),
        concept: f.concept.clone(),
        found: f.found.clone(),
        expected: f.expected.clone(),
        message: f.message.clone(),
        context: f.context.clone(),
        end_line: f.end.line,
        end_column: f.end.column,
        byte_offset: f.start.byte_offset,
        byte_end: f.end.byte_offset,
        note: f.note.clone(),
        score: f.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
        unit: f.unit.clone().unwrap_or_default(),
    })
}

/// Writes the header and one row per finding.
pub fn write(run: &RunReport, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = ::csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    writer.write_record(COLUMNS).map_err(into_io)?;
    for row in rows(run) {
        writer.serialize(row).map_err(into_io)?;
    }
    writer.flush()
}

fn into_io(e: ::csv::Error) -> io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}
