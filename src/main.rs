//! The `termcheck` binary: parses the command line, runs the library, prints, exits.

mod app;
mod cli;
mod progress;
mod score_cmd;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use app::fix::fix;
use app::plan::{config_show, plan};
use cli::{
    CheckArgs, Cli, ColorArg, Command, ConfigCommand, ConvertArgs, EvalArgs, FailOn, FormatArg,
    GlossaryCommand, GlossaryFormatArg, InputFormatArg, InputFormatArgs, MergeArgs, MergeFormatArg,
    RulesFormat,
};
use termcheck::baseline::{self, Baseline};
use termcheck::consistency::write_distribution;
use termcheck::error::FileError;
use termcheck::finding::Severity;
use termcheck::formats::{Column, Columns, Fields, FormatOptions, InputFormat, LanguagePair};
use termcheck::glossary::{write_csv, write_tbx, Glossary, GlossaryLanguages, GlossarySource};
use termcheck::input::InputSource;
use termcheck::merge::MergeFormat;
use termcheck::report::{write_report, Format, ReportOptions};
use termcheck::rules::RULES;
use termcheck::segment::SegmentVisitor;

/// Exit code: nothing at or above the failure threshold.
const EXIT_CLEAN: u8 = 0;
/// Exit code: findings at or above the failure threshold.
const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage error, unreadable input, invalid glossary.
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    #[cfg(unix)]
    // SAFETY: ignoring a signal installs no handler. Past a file-size limit (RLIMIT_FSIZE) the
    // kernel then fails the write with EFBIG instead of killing the process, so the temporary
    // file is removed and the error reported like a full disk.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check(*args),
        Command::Fix(args) => fix(args),
        Command::Config(ConfigCommand::Show(args)) => config_show(&args),
        Command::Glossary(GlossaryCommand::Check { files }) => glossary_check(&files),
        Command::Glossary(GlossaryCommand::Lint { files, fail_on }) => {
            glossary_lint(&files, fail_on)
        }
        Command::Glossary(GlossaryCommand::Convert(args)) => glossary_convert(&args),
        Command::Rules(args) => rules(args.format),
        Command::Eval(args) => eval(&args),
        Command::Score(args) => score_cmd::score(&args),
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
    let started = std::time::Instant::now();
    if args.statistics && args.format != FormatArg::Text {
        return usage_error(
            "--statistics prints a text table; it cannot be combined with --format",
        );
    }
    let plan = match plan(&args.selection()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let known = match &args.baseline {
        Some(path) => match read_baseline(path) {
            Ok(b) => Some(b),
            Err(e) => {
                print_file_errors(&[e]);
                return EXIT_ERROR;
            }
        },
        None => None,
    };
    if let Some(output) = &args.output {
        if let Some(clash) = plan.discovery.inputs.iter().find(|i| match &i.source {
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

    // Two reports into one file would leave only the last written.
    let outputs: Vec<(&str, &PathBuf)> = [
        ("--output", args.output.as_ref()),
        ("--consistency-report", args.consistency_report.as_ref()),
        ("--write-baseline", args.write_baseline.as_ref()),
    ]
    .into_iter()
    .filter_map(|(flag, path)| path.map(|p| (flag, p)))
    .collect();
    for (i, (flag, path)) in outputs.iter().enumerate() {
        if let Some((other, _)) = outputs[..i]
            .iter()
            .find(|(_, earlier)| same_destination(earlier, path))
        {
            return usage_error(&format!(
                "{other} and {flag} both name {}; each report needs a file of its own",
                path.display()
            ));
        }
    }

    // A report that cannot be written is known before a long run, not after it.
    for path in args
        .output
        .iter()
        .chain(&args.consistency_report)
        .chain(&args.write_baseline)
    {
        if let Err(message) = writable_location(path) {
            return usage_error(&message);
        }
    }

    let formats = match format_options(
        &args.inputs,
        plan.discovery.inputs.len(),
        args.resources.max_file_size,
    ) {
        Ok(f) => f,
        Err(e) => return usage_error(&e),
    };
    // Source-aware rules run on every segment that has a source (bilingual inputs).
    let source_terms = plan.source_terms();
    let source_rules = plan.source_rules(&source_terms);
    let visitors = || -> Box<dyn SegmentVisitor + '_> { Box::new(source_rules.document()) };
    let mut run = match plan.run(!args.quiet, &formats, &visitors) {
        Ok(r) => r,
        Err(code) => return code,
    };
    plan.print_memory_estimate(&run, 0);
    if let Some(e) = plan.spill.spill_error() {
        eprintln!(
            "termcheck: warning: findings were kept in memory, as they could not be written to a temporary file: {e}"
        );
    }
    if let Some(path) = &args.write_baseline {
        if let Err(e) = write_atomically(path, |out| baseline::write(&run, out)) {
            eprintln!(
                "termcheck: error: cannot write the baseline to {}: {e}",
                path.display()
            );
            return EXIT_ERROR;
        }
        if !args.quiet {
            let n = run.findings_count();
            eprintln!(
                "termcheck: wrote {n} finding{} to the baseline {}",
                plural(n),
                path.display()
            );
        }
        // Everything found is now known: the run reports what a run with this baseline would.
        for file in &mut run.files {
            file.findings.clear();
        }
    }
    if let (Some(known), Some(path)) = (&known, &args.baseline) {
        let before = run.findings_count();
        known.filter(&mut run);
        let dropped = before - run.findings_count();
        if !args.quiet && dropped > 0 {
            eprintln!(
                "termcheck: {dropped} finding{} known to the baseline {} not reported",
                plural(dropped),
                path.display()
            );
        }
    }

    let format = match args.format {
        FormatArg::Text => Format::Text,
        FormatArg::Csv => Format::Csv,
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
        FormatArg::Html => Format::Html,
    };
    let distribution = (format == Format::Html).then(|| run.distribution(&plan.glossary));
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
        statistics: args.statistics,
        elapsed: Some(started.elapsed()),
        glossary: Some(&plan.glossary),
        distribution: distribution.as_deref(),
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
        let rows = run.distribution(&plan.glossary);
        if let Err(e) = write_atomically(path, |out| write_distribution(&rows, out)) {
            eprintln!(
                "termcheck: error: cannot write the consistency report to {}: {e}",
                path.display()
            );
            return EXIT_ERROR;
        }
    }
    let code = plan.exit_code(&run);
    // Spilled findings are deleted with the run; the glossary and its matcher are many small
    // allocations, and freeing them one by one would only delay the exit.
    drop(run);
    std::mem::forget(plan);
    code
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Reads and parses a baseline file; any problem is an error naming the file (and position).
fn read_baseline(path: &Path) -> Result<Baseline, FileError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| FileError::new(&name, e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        FileError::new(
            &name,
            format!(
                "invalid UTF-8 at byte offset {}",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    Baseline::parse(&text, &name)
}

/// Checks that a report can be created at `path`: its directory exists and it is not one.
fn writable_location(path: &Path) -> Result<(), String> {
    if path.is_dir() {
        return Err(format!(
            "cannot write the report to {}: it is a directory",
            path.display()
        ));
    }
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => Err(format!(
            "cannot write the report to {}: the directory {} does not exist",
            path.display(),
            dir.display()
        )),
        _ => Ok(()),
    }
}

/// How inputs are read, from the input-format flags of `check` and `fix`, for `inputs` inputs
/// of at most `max_file_size` bytes.
pub(crate) fn format_options(
    args: &InputFormatArgs,
    inputs: usize,
    max_file_size: u64,
) -> Result<FormatOptions, String> {
    let format = args.input_format.map(|f| match f {
        InputFormatArg::Txt => InputFormat::Text,
        InputFormatArg::Md => InputFormat::Markdown,
        InputFormatArg::Xliff => InputFormat::Xliff,
        InputFormatArg::Tmx => InputFormat::Tmx,
        InputFormatArg::Po => InputFormat::Po,
        InputFormatArg::Tsv => InputFormat::Tsv,
        InputFormatArg::Csv => InputFormat::Csv,
        InputFormatArg::Jsonl => InputFormat::Jsonl,
        InputFormatArg::Json => InputFormat::Json,
        InputFormatArg::Paired => InputFormat::Paired,
        InputFormatArg::Html => InputFormat::Html,
    });
    if format == Some(InputFormat::Paired) && args.source_file.is_none() {
        return Err("--input-format paired needs --source-file".to_string());
    }
    if args.source_file.is_some() {
        if format.is_some_and(|f| f != InputFormat::Paired) {
            return Err(
                "--source-file pairs plain files; it cannot be used with another --input-format"
                    .to_string(),
            );
        }
        if inputs != 1 {
            return Err(format!(
                "--source-file pairs one English file with its source, but {inputs} inputs were given"
            ));
        }
    }
    let defaults = Columns::default();
    Ok(FormatOptions {
        format,
        source_file: args.source_file.clone(),
        languages: LanguagePair {
            source: args.source_lang.clone(),
            target: args.target_lang.clone(),
        },
        columns: Columns {
            source: args
                .source_column
                .as_deref()
                .map_or(defaults.source, Column::parse),
            target: args
                .target_column
                .as_deref()
                .map_or(defaults.target, Column::parse),
        },
        fields: Fields {
            source: args.source_field.clone(),
            target: args.target_field.clone(),
        },
        po: termcheck::formats::PoOptions {
            include_fuzzy: args.include_fuzzy,
        },
        max_file_size: Some(max_file_size),
    })
}

/// Whether two paths name the same file (an output path that does not exist yet names none).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Whether two report paths name the same regular file, existing or not (a device such as
/// `/dev/null` may take several, and so may standard output, whatever it is connected to).
fn same_destination(a: &Path, b: &Path) -> bool {
    if standard_stream(a).is_some() || standard_stream(b).is_some() {
        return false;
    }
    let resolved = |p: &Path| -> Option<PathBuf> {
        if let Ok(c) = p.canonicalize() {
            return Some(c);
        }
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
        Some(
            parent
                .unwrap_or(Path::new("."))
                .canonicalize()
                .ok()?
                .join(p.file_name()?),
        )
    };
    let regular_or_new = |p: &Path| std::fs::metadata(p).map_or(true, |m| m.is_file());
    match (resolved(a), resolved(b)) {
        (Some(a), Some(b)) => a == b && regular_or_new(&a),
        _ => false,
    }
}

/// Writes through a temporary file in the target's directory, renamed over the target only
/// once complete: a failed or interrupted write never leaves a truncated report. SIGINT or
/// SIGTERM meanwhile removes the temporary file, leaves the target as it was and ends the
/// process as the signal would have (exit code 128 + its number). Renaming over anything but
/// a regular file would replace it, so:
/// - this process's standard output or error, by any path (`/dev/stdout`, `/proc/self/fd/2`,
///   a link to one), is written as the process writes them, whatever they are connected to;
/// - a target that exists and is not a regular file (`/dev/null`, a named pipe) is written
///   directly;
/// - a symbolic link is followed: the file it names is replaced, and the link stays.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    match standard_stream(path) {
        Some(StandardStream::Output) => {
            let mut out = io::BufWriter::new(io::stdout().lock());
            write(&mut out)?;
            return out.flush();
        }
        Some(StandardStream::Error) => {
            let mut out = io::BufWriter::new(io::stderr().lock());
            write(&mut out)?;
            return out.flush();
        }
        None => {}
    }
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let mut out = io::BufWriter::new(std::fs::OpenOptions::new().write(true).open(path)?);
        write(&mut out)?;
        return out.flush();
    }
    let linked;
    let path = if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        linked = followed(path)?;
        linked.as_path()
    } else {
        path
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let interrupt = app::interrupt::Guard::install();
    let mut builder = tempfile::Builder::new();
    builder.prefix(".termcheck-report");
    // A temporary file is private (0600); the report it becomes is not: it gets the mode of the
    // report it replaces, or that of a new file (0666 less the umask), so the rest of a CI job
    // or a colleague can read it.
    let replaced = std::fs::metadata(path).ok().map(|m| m.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    if let Some(permissions) = replaced {
        tmp.as_file().set_permissions(permissions)?;
    }
    {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    if let Some(signal) = interrupt.received() {
        drop(tmp);
        eprintln!(
            "termcheck: interrupted by {}: {} was not written",
            signal.name(),
            path.display()
        );
        std::process::exit(128 + i32::from(signal.number()));
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// One of this process's standard streams, as a path may name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StandardStream {
    Output,
    Error,
}

/// The standard stream `path` names, itself or through symbolic links: `/dev/stdout`,
/// `/dev/fd/1`, `/proc/self/fd/1` (and 2 for standard error). Such a path opened anew would
/// start writing at the beginning of a file the shell redirected to, over what the process
/// writes there itself.
fn standard_stream(path: &Path) -> Option<StandardStream> {
    const MAX_LINKS: usize = 40;
    let named = |p: &Path| match p.to_str()? {
        "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1" => Some(StandardStream::Output),
        "/dev/stderr" | "/dev/fd/2" | "/proc/self/fd/2" => Some(StandardStream::Error),
        _ => None,
    };
    let mut here = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        if let Some(stream) = named(&here) {
            return Some(stream);
        }
        let target = std::fs::read_link(&here).ok()?;
        here = match here.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    None
}

/// The file a symbolic link names, for a report to replace: the link's target resolved, or
/// for a link to a file not there yet, that path (its directory must exist).
fn followed(link: &Path) -> io::Result<PathBuf> {
    if let Ok(file) = link.canonicalize() {
        return Ok(file);
    }
    let target = std::fs::read_link(link)?;
    let target = match link.parent() {
        Some(dir) if target.is_relative() => dir.join(target),
        _ => target,
    };
    match std::fs::symlink_metadata(&target) {
        // A link to a link not resolved: a loop or a dangling chain, an error to name.
        Ok(_) => link.canonicalize(),
        Err(_) => Ok(target),
    }
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
                    "{}: ok ({} concept{}, {} rendering{})",
                    file.display(),
                    g.concepts.len(),
                    plural(g.concepts.len()),
                    renderings,
                    plural(renderings)
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

fn glossary_convert(args: &ConvertArgs) -> u8 {
    let languages = GlossaryLanguages {
        source: args.source_lang.clone(),
        target: args.target_lang.clone(),
    };
    let glossary = match Glossary::load_with(&[GlossarySource::File(args.file.clone())], &languages)
    {
        Ok(g) => g,
        Err(errors) => {
            print_file_errors(&errors);
            return EXIT_ERROR;
        }
    };
    let text = match args.to {
        GlossaryFormatArg::Csv => write_csv(&glossary.concepts),
        GlossaryFormatArg::Tbx => write_tbx(
            &glossary.concepts,
            &languages,
            &args.file.display().to_string(),
        ),
    };
    let written = match &args.output {
        Some(path) => write_atomically(path, |out| out.write_all(text.as_bytes())),
        None => {
            let mut out = io::stdout().lock();
            out.write_all(text.as_bytes()).and_then(|()| out.flush())
        }
    };
    match written {
        Ok(()) => EXIT_CLEAN,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_CLEAN,
        Err(e) => {
            eprintln!("termcheck: error: cannot write the converted glossary: {e}");
            EXIT_ERROR
        }
    }
}

fn glossary_lint(files: &[PathBuf], fail_on: FailOn) -> u8 {
    let threshold = match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    let sources: Vec<GlossarySource> = files.iter().cloned().map(GlossarySource::File).collect();
    let glossary = match Glossary::load(&sources) {
        Ok(g) => g,
        Err(errors) => {
            print_file_errors(&errors);
            return EXIT_ERROR;
        }
    };
    let findings = termcheck::glossary::lint::lint(&glossary);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut written = findings.iter().try_for_each(|f| {
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            f.file, f.location.line, f.location.column, f.severity, f.id, f.message
        )
    });
    if written.is_ok() {
        let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        let mut files_hit: Vec<&str> = findings.iter().map(|f| f.file.as_str()).collect();
        files_hit.dedup();
        written = writeln!(
            out,
            "Found {} lint finding{} ({} warning{}, {} info{}) in {} of {} glossar{}.",
            findings.len(),
            plural(findings.len()),
            count(Severity::Warning),
            plural(count(Severity::Warning)),
            count(Severity::Info),
            plural(count(Severity::Info)),
            files_hit.len(),
            files.len(),
            if files.len() == 1 { "y" } else { "ies" }
        )
        .and_then(|()| out.flush());
    }
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("termcheck: error: cannot write to standard output: {e}");
            return EXIT_ERROR;
        }
    }
    if findings.iter().any(|f| f.severity >= threshold) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn rules(format: RulesFormat) -> u8 {
    if format == RulesFormat::Markdown {
        print!("{}", termcheck::report::rules_doc::markdown());
        return EXIT_CLEAN;
    }
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
