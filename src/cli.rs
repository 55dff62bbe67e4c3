//! Command-line interface: clap types only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  usage error, unreadable or invalid input, or invalid glossary, configuration or
     baseline";

const FIX_EXIT_CODES: &str = "\
Exit codes:
  0  nothing at or above --fail-on is left unfixed
  1  findings at or above --fail-on are left for a person
  2  usage error, unreadable or invalid input, invalid glossary, or a file not written";

const LINT_EXIT_CODES: &str = "\
Exit codes:
  0  no lint finding at or above --fail-on
  1  lint findings at or above --fail-on
  2  usage error, or an unreadable or invalid glossary";

/// Check English translations against a terminology glossary.
#[derive(Debug, Parser)]
#[command(name = "termcheck", version, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

// Parsed once per process: the size of the largest variant costs nothing worth boxing for.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check text and bilingual files (XLIFF, TMX, PO, TSV/CSV, JSON Lines, paired files)
    /// against glossaries: forbidden, deprecated, garbled and inconsistent renderings.
    #[command(after_help = EXIT_CODES)]
    Check(Box<CheckArgs>),
    /// Apply the single unambiguous correction of forbidden, deprecated and garbled
    /// renderings; report what is left for a person.
    #[command(after_help = FIX_EXIT_CODES)]
    Fix(FixArgs),
    /// Work with the configuration (termcheck.toml).
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Work with glossary files.
    #[command(subcommand)]
    Glossary(GlossaryCommand),
    /// List every rule: id, default severity, description.
    Rules(RulesArgs),
    /// Measure precision and recall of the rules on a labelled set of cases.
    Eval(EvalArgs),
    /// Term accuracy: how many source-term occurrences the translation renders as the glossary
    /// says, per file and overall (see docs/metrics.md).
    Score(ScoreArgs),
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
pub struct ScoreArgs {
    /// Translations to score: bilingual files (XLIFF, TMX, PO, TSV/CSV, JSON Lines), or plain
    /// text with one segment per line and --source.
    #[arg(required = true, value_name = "FILE")]
    pub paths: Vec<PathBuf>,
    /// The line-aligned source of each plain FILE, in the same order (repeat once per FILE).
    #[arg(long, value_name = "FILE", help_heading = "Inputs")]
    pub source: Vec<PathBuf>,
    /// The human reference of each FILE, in the same format and aligned with it (plain lines
    /// beside --source), in the same order: only terms the reference renders are counted.
    #[arg(long, value_name = "FILE", help_heading = "Inputs")]
    pub reference: Vec<PathBuf>,
    /// Per-line term dictionaries (JSON Lines, one per source line, WMT style) of each FILE,
    /// instead of glossaries; each line is then a document.
    #[arg(long, value_name = "FILE", help_heading = "Inputs")]
    pub terms: Vec<PathBuf>,
    /// Each line is a document (the WMT unit), not each file.
    #[arg(long, help_heading = "Inputs")]
    pub per_line: bool,

    /// Glossary file (repeatable). Without it (and without --terms), the bundled default.
    #[arg(short, long, value_name = "FILE", help_heading = "Glossaries")]
    pub glossary: Vec<PathBuf>,
    /// Also use the bundled default glossary when --glossary is given.
    #[arg(long, help_heading = "Glossaries")]
    pub default_glossary: bool,

    /// Which definition of the term success rate.
    #[arg(long, value_enum, default_value_t = MetricArg::Termcheck, help_heading = "Metric")]
    pub metric: MetricArg,
    /// Minimum similarity (0–1) for a near-miss to count as a garbled (wrong) rendering.
    #[arg(long, value_name = "SCORE", default_value_t = termcheck::fuzzy::DEFAULT_THRESHOLD, value_parser = parse_threshold, help_heading = "Metric")]
    pub garbled_threshold: f64,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ScoreFormatArg::Text, help_heading = "Output")]
    pub format: ScoreFormatArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MetricArg {
    /// termcheck's matching: normalization, word boundaries, admitted renderings, garbled
    /// forms counted as wrong.
    Termcheck,
    /// The WMT 2025 terminology task (track 2) term success rate, reproduced exactly.
    Wmt25,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormatArg {
    Text,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// How to print the table (`markdown` is docs/rules.md).
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// One aligned line per rule.
    Text,
    /// The rule reference, docs/rules.md.
    Markdown,
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
pub enum ConfigCommand {
    /// Print the settings in effect as TOML: the configuration file's, with the flags given
    /// here on top and every default filled in.
    Show(ShowArgs),
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Read FILE instead of the termcheck.toml found in the current directory or its parents.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore any termcheck.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Glossary files, as `check --glossary` (replace the file's list).
    #[arg(short, long, value_name = "FILE")]
    pub glossary: Vec<PathBuf>,
    /// As `check --default-glossary`.
    #[arg(long)]
    pub default_glossary: bool,
    /// As `check --fail-on`.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// As `check --garbled-threshold`.
    #[arg(long, value_name = "SCORE", value_parser = parse_threshold)]
    pub garbled_threshold: Option<f64>,
    /// As `check --consistency`.
    #[arg(long, value_enum)]
    pub consistency: Option<ConsistencyArg>,
    /// As `check --include`.
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// As `check --exclude`.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Validate glossary files without checking any text; exit 2 if any is invalid.
    Check {
        /// Glossary files (CSV; TSV or TBX by extension or content).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Point at glossary entries that are valid but likely to mislead: renderings listed for
    /// two concepts, renderings shadowed by another concept's, forbidden ordinary words,
    /// one-character source terms, concepts without a source term or a note.
    #[command(after_help = LINT_EXIT_CODES)]
    Lint {
        /// Glossary files, linted together (CSV, or TSV by extension).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Exit with 1 when a lint finding has at least this severity (infos are worth a look
        /// and often intended, so by default they do not fail the run).
        #[arg(long, value_enum, default_value = "warning")]
        fail_on: FailOn,
    },
    /// Convert a glossary between CSV and TBX (TBX v3, TBX-Basic); exit 2 if it is invalid.
    Convert(ConvertArgs),
}

#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// The glossary to convert (CSV, TSV or TBX).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The format to write.
    #[arg(long, value_enum)]
    pub to: GlossaryFormatArg,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Source language of TBX terms (read and written; matched by prefix).
    #[arg(long, value_name = "LANG", default_value = "zh")]
    pub source_lang: String,
    /// Target language of TBX terms (read and written; matched by prefix).
    #[arg(long, value_name = "LANG", default_value = "en")]
    pub target_lang: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GlossaryFormatArg {
    /// CSV with every termcheck column.
    Csv,
    /// TBX v3, TBX-Basic, DCA style.
    Tbx,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check; `-` reads standard input. Directories are walked
    /// recursively for text, Markdown, HTML, XLIFF, TMX and PO files, honouring .gitignore.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub glossaries: GlossaryArgs,

    #[command(flatten)]
    pub rules: RuleArgs,
    /// Over what text a concept's renderings must agree (inconsistent-term) [default:
    /// document].
    #[arg(long, value_enum, help_heading = "Rules")]
    pub consistency: Option<ConsistencyArg>,
    /// Write every concept's rendering distribution (concept, rendering, status, count, files)
    /// to FILE as CSV.
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub consistency_report: Option<PathBuf>,

    #[command(flatten)]
    pub files: FileArgs,
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
    /// Print findings only, no summary (and no progress bar).
    #[arg(short, long, help_heading = "Output")]
    pub quiet: bool,
    /// Instead of the findings, print how many each rule reported per concept (text format).
    #[arg(long, help_heading = "Output")]
    pub statistics: bool,

    /// Report only findings that this baseline file does not record.
    #[arg(long, value_name = "FILE", help_heading = "Baseline")]
    pub baseline: Option<PathBuf>,
    /// Record every current finding in FILE (atomically); the run then reports none of them.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "baseline",
        help_heading = "Baseline"
    )]
    pub write_baseline: Option<PathBuf>,

    #[command(flatten)]
    pub config_file: ConfigFileArgs,

    #[command(flatten)]
    pub inputs: InputFormatArgs,

    #[command(flatten)]
    pub resources: ResourceArgs,
}

// The shared groups' help is written for `check`; where a flag acts on the fixes rather than
// on the report, `fix` says so in its own words (without the final period, which the derive
// drops from doc comments but `help` would print). A misspelt id panics in `verify_cli`.
#[derive(Debug, Args)]
#[command(
    mut_arg("select", |a| a.help(
        "Fix only findings of these rules (comma-separated ids; see `termcheck rules`)"
    )),
    mut_arg("fail_on", |a| a.help(
        "Exit with 1 when a finding left unfixed has at least this severity [default: warning]"
    )),
    mut_arg("include", |a| a.help(
        "Files to fix inside directories (glob, repeatable; replaces the default *.txt, *.md, *.html, *.htm, *.xhtml, *.xlf, *.xliff, *.sdlxliff, *.mqxliff, *.tmx, *.po)"
    )),
    mut_arg("no_ignore", |a| a.help(
        "Also fix files that .gitignore, .ignore or hidden-file rules would skip"
    )),
    mut_arg("include_fuzzy", |a| a.help("Also fix PO entries flagged fuzzy")),
)]
pub struct FixArgs {
    /// Files or directories to fix; `-` reads standard input and writes the fixed text to
    /// standard output.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Print a unified diff of the fixes to standard output and change nothing.
    #[arg(long)]
    pub diff: bool,

    #[command(flatten)]
    pub glossaries: GlossaryArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
    #[command(flatten)]
    pub files: FileArgs,
    #[command(flatten)]
    pub config_file: ConfigFileArgs,
    #[command(flatten)]
    pub inputs: InputFormatArgs,
    #[command(flatten)]
    pub resources: ResourceArgs,
}

// The flags `check` and `fix` share, a group per help heading; `config show` has its own, which
// refer to these. Plain comments on the groups: clap applies a flattened struct's doc comment
// to the command that flattens it, as its about.

// Which glossaries to check against.
#[derive(Debug, Args)]
pub struct GlossaryArgs {
    /// Glossary file to check against (repeatable; CSV, TSV or TBX). Without it, the bundled
    /// default glossary.
    #[arg(short, long, value_name = "FILE", help_heading = "Glossaries")]
    pub glossary: Vec<PathBuf>,
    /// Also use the bundled default glossary when --glossary is given.
    #[arg(long, help_heading = "Glossaries")]
    pub default_glossary: bool,
}

// Which rules run, how strictly, and which findings fail the run.
#[derive(Debug, Args)]
pub struct RuleArgs {
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
    /// Exit with 1 when a finding has at least this severity [default: warning].
    #[arg(long, value_enum, help_heading = "Rules")]
    pub fail_on: Option<FailOn>,
    /// Minimum similarity (0–1) for a near-miss to be a garbled term [default: 0.8].
    #[arg(long, value_name = "SCORE", value_parser = parse_threshold, help_heading = "Rules")]
    pub garbled_threshold: Option<f64>,
}

// Which files inside the directories given are read.
#[derive(Debug, Args)]
pub struct FileArgs {
    /// Files to check inside directories (glob, repeatable; replaces the default *.txt, *.md, *.html, *.htm, *.xhtml, *.xlf, *.xliff, *.sdlxliff, *.mqxliff, *.tmx, *.po).
    #[arg(long, value_name = "GLOB", help_heading = "Files")]
    pub include: Vec<String>,
    /// Files or directories to skip inside directories (glob, repeatable).
    #[arg(long, value_name = "GLOB", help_heading = "Files")]
    pub exclude: Vec<String>,
    /// Also check files that .gitignore, .ignore or hidden-file rules would skip.
    #[arg(long, help_heading = "Files")]
    pub no_ignore: bool,
}

// How inputs are read: their format, and the parts of bilingual files that hold the texts.
#[derive(Debug, Args)]
pub struct InputFormatArgs {
    /// Read every input as this format (default: from the extension, else the first bytes).
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        help_heading = "Input formats"
    )]
    pub input_format: Option<InputFormatArg>,
    /// Source text aligned line by line with the (one) English input: paired files.
    #[arg(long, value_name = "FILE", help_heading = "Input formats")]
    pub source_file: Option<PathBuf>,
    /// Source language of TMX files and TBX glossaries (BCP 47, matched by prefix: zh matches
    /// zh-CN). Default: the TMX header's srclang; zh for TBX.
    #[arg(long, value_name = "LANG", help_heading = "Input formats")]
    pub source_lang: Option<String>,
    /// Target language of TMX files and TBX glossaries. Default: English (en*), else the first
    /// language that is not the source.
    #[arg(long, value_name = "LANG", help_heading = "Input formats")]
    pub target_lang: Option<String>,
    /// Source column of TSV/CSV inputs: a header name or a 1-based number [default: source].
    #[arg(long, value_name = "NAME|N", help_heading = "Input formats")]
    pub source_column: Option<String>,
    /// Target column of TSV/CSV inputs: a header name or a 1-based number [default: target].
    #[arg(long, value_name = "NAME|N", help_heading = "Input formats")]
    pub target_column: Option<String>,
    /// Source field of JSON Lines and JSON objects.
    #[arg(
        long,
        value_name = "NAME",
        default_value = "source",
        help_heading = "Input formats"
    )]
    pub source_field: String,
    /// Target field of JSON Lines and JSON objects.
    #[arg(
        long,
        value_name = "NAME",
        default_value = "target",
        help_heading = "Input formats"
    )]
    pub target_field: String,
    /// Also check PO entries flagged fuzzy.
    #[arg(long, help_heading = "Input formats")]
    pub include_fuzzy: bool,
}

// Which termcheck.toml, if any, is read.
#[derive(Debug, Args)]
pub struct ConfigFileArgs {
    /// Read settings from FILE instead of the termcheck.toml found in the current directory or
    /// its parents.
    #[arg(long, value_name = "FILE", help_heading = "Configuration")]
    pub config: Option<PathBuf>,
    /// Ignore any termcheck.toml.
    #[arg(long, conflicts_with = "config", help_heading = "Configuration")]
    pub no_config: bool,
}

// What the run may take of the machine (cores, input size) and the estimate of what it took.
#[derive(Debug, Args)]
pub struct ResourceArgs {
    /// Number of files checked in parallel (default: available cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Refuse inputs larger than SIZE: bytes, or with K, M, G, T (binary: 100M, 2G). A larger
    /// file is an error (exit 2) and the others are still checked; standard input stops there.
    #[arg(
        long,
        value_name = "SIZE",
        default_value = "1G",
        value_parser = termcheck::input::limit::parse_size
    )]
    pub max_file_size: u64,
    /// Print to stderr an estimate of the run's memory (see docs/reliability.md).
    #[arg(short, long)]
    pub verbose: bool,
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
pub enum InputFormatArg {
    /// Plain text.
    Txt,
    /// Markdown (code blocks and inline code are not checked).
    Md,
    /// XLIFF 1.2 or 2.x.
    Xliff,
    /// TMX 1.4.
    Tmx,
    /// Gettext PO.
    Po,
    /// Tab-separated source and target columns.
    Tsv,
    /// Comma-separated source and target columns.
    Csv,
    /// JSON Lines.
    Jsonl,
    /// JSON: resource strings (keys are not checked), or objects with the source and target
    /// fields.
    Json,
    /// Plain English file paired line by line with --source-file.
    Paired,
    /// HTML (tags, comments, scripts and code are not checked).
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// For people: each finding with its line underlined, then a summary.
    Text,
    /// One row per finding (stable columns).
    Csv,
    /// One document: tool, glossaries with hashes, summary, findings.
    Json,
    /// One JSON object per finding per line.
    Jsonl,
    /// SARIF 2.1.0 (code scanning).
    Sarif,
    /// GitHub Actions annotations (workflow commands).
    Github,
    /// One self-contained HTML page.
    Html,
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
