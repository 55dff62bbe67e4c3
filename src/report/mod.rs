//! Report formats: adapters that write the same findings for different readers.

pub mod csv;
pub mod text;

use std::io::{self, Write};

use crate::run::RunReport;

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Human-readable, rustc/ruff-like, with the span underlined.
    Text,
    /// One row per finding, the stable column contract (see [`csv::COLUMNS`]).
    Csv,
}

/// Options that only some formats use.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportOptions {
    /// Colour the text report with ANSI escapes.
    pub color: bool,
    /// Findings only: no summary line.
    pub quiet: bool,
}

/// Writes `run` in `format`.
pub fn write_report(
    run: &RunReport,
    format: Format,
    options: ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => text::write(run, options, out),
        Format::Csv => csv::write(run, out),
    }
}
