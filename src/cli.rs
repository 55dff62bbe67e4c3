//! Command-line interface: clap types only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  usage error, unreadable or invalid input, or invalid glossary";

/// Check English translations against a terminology glossary.
#[derive(Debug, Parser)]
#[command(name = "termcheck", version, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check text files against glossaries: forbidden, deprecated, garbled and inconsistent
    /// renderings.
    #[command(after_help = EXIT_CODES)]
    Check(CheckArgs),
    /// Work with glossary files.
    #[command(subcommand)]
    Glossary(GlossaryCommand),
    /// List every rule: id, default severity, description.
    Rules,
    /// Measure precision and recall of the rules on a labelled set of cases.
    Eval(EvalArgs),
    /// Merge the CSV reports of `check --shard K/N` runs into the report of one run.
    #[command(after_help = MERGE_EXIT_CODES)]
    Merge(MergeArgs),
}

const MERGE_EXIT_CODES: &str = "\
Exit codes:
  0  the reports were merged
  2  usage error, unreadable report, or reports that cannot be merged";

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Reports of the shards, in any order.
    #[arg(required = true, value_name = "REPORT")]
    pub reports: Vec<PathBuf>,
    /// Write the merged report to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Format of the reports (default: from the content of the first one).
    #[arg(long, value_enum)]
    pub format: Option<MergeFormatArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MergeFormatArg {
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Labelled cases (TSV: id, glossary, expect, concept, found, kind, text).
    #[arg(value_name = "CASES")]
    pub cases: PathBuf,
    /// Folder of the glossaries the cases name (default: `glossaries/` beside CASES).
    #[arg(long, value_name = "DIR")]
    pub glossary_dir: Option<PathBuf>,
    /// Minimum similarity (0–1) for a garbled term.
    #[arg(long, value_name = "SCORE", default_value_t = termcheck::fuzzy::DEFAULT_THRESHOLD, value_parser = parse_threshold)]
    pub garbled_threshold: f64,
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Validate glossary files without checking any text; exit 2 if any is invalid.
    Check {
        /// Glossary files (CSV, or TSV by extension).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check; `-` reads standard input. Directories are walked
    /// recursively for *.txt and *.md, honouring .gitignore.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Glossary file to check against (repeatable). Without it, the bundled default glossary.
    #[arg(short, long, value_name = "FILE", help_heading = "Glossaries")]
    pub glossary: Vec<PathBuf>,
    /// Also use the bundled default glossary when --glossary is given.
    #[arg(long, help_heading = "Glossaries")]
    pub default_glossary: bool,

    /// Run only these rules (comma-separated ids; see `termcheck rules`).
    #[arg(
        long,
        value_name = "RULE,…",
        value_delimiter = ',',
        help_heading = "Rules"
    )]
    pub select: Vec<String>,
    /// Do not run these rules (comma-separated ids).
    #[arg(
        long,
        value_name = "RULE,…",
        value_delimiter = ',',
        help_heading = "Rules"
    )]
    pub ignore: Vec<String>,
    /// Exit with 1 when a finding has at least this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning, help_heading = "Rules")]
    pub fail_on: FailOn,

    /// Minimum similarity (0–1) for a near-miss to be reported as a garbled term.
    #[arg(long, value_name = "SCORE", default_value_t = termcheck::fuzzy::DEFAULT_THRESHOLD, value_parser = parse_threshold, help_heading = "Rules")]
    pub garbled_threshold: f64,
    /// Over what text a concept's renderings must agree (inconsistent-term).
    #[arg(long, value_enum, default_value_t = ConsistencyArg::Document, help_heading = "Rules")]
    pub consistency: ConsistencyArg,
    /// Write every concept's rendering distribution (concept, rendering, status, count, files)
    /// to FILE as CSV.
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub consistency_report: Option<PathBuf>,

    /// Files to check inside directories (glob, repeatable; replaces the default *.txt, *.md).
    #[arg(long, value_name = "GLOB", help_heading = "Files")]
    pub include: Vec<String>,
    /// Files or directories to skip inside directories (glob, repeatable).
    #[arg(long, value_name = "GLOB", help_heading = "Files")]
    pub exclude: Vec<String>,
    /// Also check files that .gitignore, .ignore or hidden-file rules would skip.
    #[arg(long, help_heading = "Files")]
    pub no_ignore: bool,
    /// Check only shard K of N: the files whose path hashes to K (stable across runs and
    /// platforms). Merge the shards' CSV reports with `termcheck merge`.
    #[arg(long, value_name = "K/N", help_heading = "Files")]
    pub shard: Option<termcheck::shard::Shard>,

    /// Report format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text, help_heading = "Output")]
    pub format: FormatArg,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,
    /// When to colour the text report (NO_COLOR is respected in auto).
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, help_heading = "Output")]
    pub color: ColorArg,
    /// Print findings only, no summary.
    #[arg(short, long, help_heading = "Output")]
    pub quiet: bool,

    /// Number of files checked in parallel (default: available cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

fn parse_threshold(s: &str) -> Result<f64, String> {
    let value: f64 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} is not between 0 and 1"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConsistencyArg {
    /// Each document on its own.
    Document,
    /// All documents of the run together.
    Batch,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Text,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
