//! Report formats: adapters that write the same findings for different readers.
//!
//! Every format but `text` is deterministic: the same run gives the same bytes whatever the
//! thread count, and no format but `text` holds the time taken.

pub mod csv;
pub mod github;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod rules_doc;
pub mod sarif;
pub mod statistics;
pub mod text;

use std::io::{self, Write};
use std::time::Duration;

use crate::consistency::DistributionRow;
use crate::finding::Severity;
use crate::glossary::Glossary;
use crate::rules::RULES;
use crate::run::RunReport;

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Human-readable, rustc/ruff-like, with the span underlined.
    Text,
    /// One row per finding, the stable column contract (see [`csv::COLUMNS`]).
    Csv,
    /// One JSON document: tool, glossaries, summary, findings.
    Json,
    /// One JSON object per finding per line.
    Jsonl,
    /// SARIF 2.1.0, for code-scanning services and SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…::…`), shown as annotations.
    Github,
    /// One self-contained HTML page.
    Html,
}

/// Options and run facts that only some formats use.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportOptions<'a> {
    /// Colour the text report with ANSI escapes.
    pub color: bool,
    /// Findings only: no summary.
    pub quiet: bool,
    /// Text report: counts per rule and concept instead of the findings.
    pub statistics: bool,
    /// How long the run took (text summary only; other formats stay deterministic).
    pub elapsed: Option<Duration>,
    /// The glossaries the run checked against (JSON, SARIF and HTML name them).
    pub glossary: Option<&'a Glossary>,
    /// Every concept's rendering distribution (HTML charts it).
    pub distribution: Option<&'a [DistributionRow]>,
}

/// Writes `run` in `format`.
pub fn write_report(
    run: &RunReport,
    format: Format,
    options: ReportOptions<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text if options.statistics => statistics::write(run, out),
        Format::Text => text::write(run, options, out),
        Format::Csv => csv::write(run, out),
        Format::Json => json::write(run, options, out),
        Format::Jsonl => jsonl::write(run, out),
        Format::Sarif => sarif::write(run, options, out),
        Format::Github => github::write(run, out),
        Format::Html => html::write(run, options, out),
    }
}

/// How many findings of each rule and severity a run has: every rule of [`RULES`] in table
/// order (zero counts included), every severity from error down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts {
    /// `(rule id, count)` in [`RULES`] order.
    pub by_rule: Vec<(&'static str, usize)>,
    /// `(severity, count)`: error, warning, info.
    pub by_severity: Vec<(Severity, usize)>,
    /// All findings.
    pub total: usize,
}

impl Counts {
    /// Counts the findings of `run`, in one pass over them (spilled findings are read once).
    pub fn of(run: &RunReport) -> Counts {
        let mut by_rule: Vec<(&'static str, usize)> = RULES.iter().map(|r| (r.id, 0)).collect();
        let mut by_severity: Vec<(Severity, usize)> =
            [Severity::Error, Severity::Warning, Severity::Info]
                .into_iter()
                .map(|s| (s, 0))
                .collect();
        let mut total = 0;
        for (_, f) in run.findings() {
            if let Some(i) = RULES.iter().position(|r| r.rule == f.rule) {
                by_rule[i].1 += 1;
            }
            if let Some(entry) = by_severity.iter_mut().find(|(s, _)| *s == f.severity) {
                entry.1 += 1;
            }
            total += 1;
        }
        Counts {
            by_rule,
            by_severity,
            total,
        }
    }
}
