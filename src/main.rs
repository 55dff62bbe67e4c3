//! The `termcheck` binary: parses the command line, runs the library, prints, exits.

mod cli;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use cli::{
    CheckArgs, Cli, ColorArg, Command, ConsistencyArg, EvalArgs, FailOn, FormatArg,
    GlossaryCommand, MergeArgs, MergeFormatArg,
};
use termcheck::check::Checker;
use termcheck::consistency::{write_distribution, ConsistencyScope};
use termcheck::error::FileError;
use termcheck::finding::Severity;
use termcheck::fuzzy::FuzzyIndex;
use termcheck::glossary::{bundled_glossaries, Glossary, GlossarySource};
use termcheck::input::{discover, InputSource, WalkOptions};
use termcheck::matcher::TermMatcher;
use termcheck::merge::MergeFormat;
use termcheck::report::{write_report, Format, ReportOptions};
use termcheck::rules::{Rule, RuleSet, RULES};
use termcheck::run::check_inputs;

/// Exit code: nothing at or above the failure threshold.
const EXIT_CLEAN: u8 = 0;
/// Exit code: findings at or above the failure threshold.
const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage error, unreadable input, invalid glossary.
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check(args),
        Command::Glossary(GlossaryCommand::Check { files }) => glossary_check(&files),
        Command::Rules => rules(),
        Command::Eval(args) => eval(&args),
        Command::Merge(args) => merge(&args),
    };
    ExitCode::from(code)
}

fn usage_error(message: &str) -> u8 {
    eprintln!("termcheck: error: {message}");
    EXIT_ERROR
}

fn print_file_errors(errors: &[FileError]) {
    for e in errors {
        eprintln!("termcheck: error: {e}");
    }
}

fn check(args: CheckArgs) -> u8 {
    let rules = match RuleSet::from_ids(&args.select, &args.ignore) {
        Ok(r) => r,
        Err(e) => return usage_error(&e),
    };
    let mut sources: Vec<GlossarySource> = Vec::new();
    if args.glossary.is_empty() || args.default_glossary {
        sources.extend(bundled_glossaries());
    }
    sources.extend(args.glossary.iter().cloned().map(GlossarySource::File));
    let glossary = match Glossary::load(&sources) {
        Ok(g) => g,
        Err(errors) => {
            print_file_errors(&errors);
            return EXIT_ERROR;
        }
    };
    let walk = WalkOptions {
        include: args.include.clone(),
        exclude: args.exclude.clone(),
        no_ignore: args.no_ignore,
    };
    let mut discovery = match discover(&args.paths, &walk) {
        Ok(d) => d,
        Err(e) => return usage_error(&e),
    };
    if let Some(shard) = args.shard {
        if shard.count() > 1
            && args.consistency == ConsistencyArg::Batch
            && rules.contains(Rule::InconsistentTerm)
        {
            return usage_error(
                "--consistency batch needs every file in one run, so it cannot be combined \
                 with --shard; use --consistency document or --ignore inconsistent-term",
            );
        }
        if discovery
            .inputs
            .iter()
            .any(|i| i.source == InputSource::Stdin)
        {
            return usage_error("standard input (`-`) cannot be split into shards");
        }
        discovery.inputs.retain(|i| shard.contains(&i.display));
        discovery.errors.retain(|e| shard.contains(&e.path));
    }
    if discovery
        .inputs
        .iter()
        .filter(|i| i.source == InputSource::Stdin)
        .count()
        > 1
    {
        return usage_error("`-` (standard input) may be given only once");
    }
    if let Some(output) = &args.output {
        if let Some(clash) = discovery.inputs.iter().find(|i| match &i.source {
            InputSource::File(p) => same_file(p, output),
            InputSource::Stdin => false,
        }) {
            return usage_error(&format!(
                "the report file {} is also an input ({}); refusing to overwrite it",
                output.display(),
                clash.display
            ));
        }
    }

    let matcher = TermMatcher::new(&glossary);
    let scope = match args.consistency {
        ConsistencyArg::Document => ConsistencyScope::Document,
        ConsistencyArg::Batch => ConsistencyScope::Batch,
    };
    let batch_consistency =
        scope == ConsistencyScope::Batch && rules.contains(Rule::InconsistentTerm);
    let keep_occurrences = batch_consistency || args.consistency_report.is_some();
    // Near-misses are garbled terms, and their other spellings occurrences for consistency.
    let fuzzy = (rules.contains(Rule::GarbledTerm)
        || rules.contains(Rule::InconsistentTerm)
        || keep_occurrences)
        .then(|| FuzzyIndex::new(&glossary, args.garbled_threshold));
    let mut checker =
        Checker::new(&glossary, &matcher, rules).with_consistency(scope, keep_occurrences);
    if let Some(index) = &fuzzy {
        checker = checker.with_fuzzy(index);
    }
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => return usage_error(&format!("cannot start worker threads: {e}")),
    };
    let mut run = pool.install(|| check_inputs(&checker, &discovery.inputs));
    if batch_consistency {
        run.add_batch_inconsistencies(&glossary);
    }
    run.errors.extend(discovery.errors);
    run.errors.sort_by(|a, b| a.path.cmp(&b.path));

    let format = match args.format {
        FormatArg::Text => Format::Text,
        FormatArg::Csv => Format::Csv,
    };
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            args.output.is_none()
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let options = ReportOptions {
        color,
        quiet: args.quiet,
    };
    print_file_errors(&run.errors);
    let written = match &args.output {
        Some(path) => write_atomically(path, |out| write_report(&run, format, options, out)),
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            write_report(&run, format, options, &mut out).and_then(|()| out.flush())
        }
    };
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            let target = args
                .output
                .as_ref()
                .map_or("standard output".to_string(), |p| p.display().to_string());
            eprintln!("termcheck: error: cannot write the report to {target}: {e}");
            return EXIT_ERROR;
        }
    }

    if let Some(path) = &args.consistency_report {
        let rows = run.distribution(&glossary);
        if let Err(e) = write_atomically(path, |out| write_distribution(&rows, out)) {
            eprintln!(
                "termcheck: error: cannot write the consistency report to {}: {e}",
                path.display()
            );
            return EXIT_ERROR;
        }
    }

    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    if !run.errors.is_empty() {
        EXIT_ERROR
    } else if run.findings().any(|(_, f)| f.severity >= threshold) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Whether two paths name the same file (an output path that does not exist yet names none).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes through a temporary file in the target's directory, renamed over the target only
/// once complete: a failed or interrupted write never leaves a truncated report.
fn write_atomically(
    path: &PathBuf,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".termcheck-report")
        .tempfile_in(dir)?;
    {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn merge(args: &MergeArgs) -> u8 {
    let mut reports = Vec::with_capacity(args.reports.len());
    for path in &args.reports {
        match std::fs::read(path) {
            Ok(bytes) => reports.push((path.display().to_string(), bytes)),
            Err(e) => return usage_error(&format!("{}: {e}", path.display())),
        }
    }
    let format = match args.format {
        Some(MergeFormatArg::Csv) => MergeFormat::Csv,
        Some(MergeFormatArg::Json) => MergeFormat::Json,
        None => MergeFormat::detect(&reports[0].1),
    };
    let merged = match termcheck::merge::merge(&reports, format) {
        Ok(m) => m,
        Err(e) => return usage_error(&e.to_string()),
    };
    let written = match &args.output {
        Some(path) => write_atomically(path, |out| out.write_all(&merged)),
        None => {
            let mut out = io::stdout().lock();
            out.write_all(&merged).and_then(|()| out.flush())
        }
    };
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            usage_error(&format!("cannot write the merged report: {e}"))
        }
        _ => EXIT_CLEAN,
    }
}

fn glossary_check(files: &[PathBuf]) -> u8 {
    let mut code = EXIT_CLEAN;
    for file in files {
        match Glossary::load(&[GlossarySource::File(file.clone())]) {
            Ok(g) => {
                let renderings: usize = g.concepts.iter().map(|c| c.renderings.len()).sum();
                println!(
                    "{}: ok ({} concepts, {} renderings)",
                    file.display(),
                    g.concepts.len(),
                    renderings
                );
            }
            Err(errors) => {
                print_file_errors(&errors);
                code = EXIT_ERROR;
            }
        }
    }
    code
}

fn rules() -> u8 {
    let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in RULES {
        println!("{:width$}  {:7}  {}", r.id, r.severity.as_str(), r.summary);
    }
    EXIT_CLEAN
}

fn eval(args: &EvalArgs) -> u8 {
    let name = args.cases.display().to_string();
    let text = match std::fs::read(&args.cases) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                return usage_error(&format!("{name}: invalid UTF-8 at byte offset {offset}"));
            }
        },
        Err(e) => return usage_error(&format!("{name}: {e}")),
    };
    let cases = match termcheck::eval::parse_cases(&text, &name) {
        Ok(c) => c,
        Err(errors) => {
            print_file_errors(&errors);
            return EXIT_ERROR;
        }
    };
    let glossary_dir = args.glossary_dir.clone().unwrap_or_else(|| {
        args.cases
            .parent()
            .unwrap_or(Path::new("."))
            .join("glossaries")
    });
    match termcheck::eval::evaluate(&cases, &glossary_dir, args.garbled_threshold) {
        Ok(evaluation) => {
            print!("{}", evaluation.render());
            EXIT_CLEAN
        }
        Err(errors) => {
            print_file_errors(&errors);
            EXIT_ERROR
        }
    }
}
