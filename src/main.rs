//! The `termcheck` binary: parses the command line, runs the library, prints, exits.

mod cli;

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use rayon::prelude::*;

use cli::{
    CheckArgs, Cli, ColorArg, Command, ConfigCommand, ConsistencyArg, EvalArgs, FailOn, FixArgs,
    FormatArg, GlossaryCommand, ShowArgs,
};
use termcheck::baseline::{self, Baseline};
use termcheck::check::{Checker, Outcome};
use termcheck::config::{self, Config, Level, LoadedConfig, Policy, Scope, SeverityName};
use termcheck::consistency::{write_distribution, ConsistencyScope};
use termcheck::error::FileError;
use termcheck::finding::{Finding, Severity};
use termcheck::fuzzy::FuzzyIndex;
use termcheck::glossary::{bundled_glossaries, Glossary, GlossarySource};
use termcheck::input::blocks::ReadError;
use termcheck::input::decode::{decode_all, DetectedEncoding};
use termcheck::input::{discover, Discovery, Input, InputSource, WalkOptions};
use termcheck::matcher::TermMatcher;
use termcheck::report::{write_report, Format, ReportOptions};
use termcheck::rules::{Rule, RuleSet, RULES};
use termcheck::run::{check_inputs, FileReport, RunReport};

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
        Command::Fix(args) => fix(args),
        Command::Config(ConfigCommand::Show(args)) => config_show(&args),
        Command::Glossary(GlossaryCommand::Check { files }) => glossary_check(&files),
        Command::Glossary(GlossaryCommand::Lint { files }) => glossary_lint(&files),
        Command::Rules => rules(),
        Command::Eval(args) => eval(&args),
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

/// What `check` and `fix` share: where to look, with which glossaries and rules.
struct Selection<'a> {
    paths: &'a [PathBuf],
    glossary: &'a [PathBuf],
    default_glossary: bool,
    select: &'a [String],
    ignore: &'a [String],
    fail_on: Option<FailOn>,
    garbled_threshold: Option<f64>,
    consistency: Option<ConsistencyArg>,
    include: &'a [String],
    exclude: &'a [String],
    no_ignore: bool,
    threads: Option<usize>,
    /// Whether every occurrence is needed (the consistency report).
    distribution: bool,
    config: Option<&'a Path>,
    no_config: bool,
}

impl CheckArgs {
    fn selection(&self) -> Selection<'_> {
        Selection {
            paths: &self.paths,
            glossary: &self.glossary,
            default_glossary: self.default_glossary,
            select: &self.select,
            ignore: &self.ignore,
            fail_on: self.fail_on,
            garbled_threshold: self.garbled_threshold,
            consistency: self.consistency,
            include: &self.include,
            exclude: &self.exclude,
            no_ignore: self.no_ignore,
            threads: self.threads,
            distribution: self.consistency_report.is_some(),
            config: self.config.as_deref(),
            no_config: self.no_config,
        }
    }
}

impl FixArgs {
    fn selection(&self) -> Selection<'_> {
        Selection {
            paths: &self.paths,
            glossary: &self.glossary,
            default_glossary: self.default_glossary,
            select: &self.select,
            ignore: &self.ignore,
            fail_on: self.fail_on,
            garbled_threshold: self.garbled_threshold,
            consistency: None,
            include: &self.include,
            exclude: &self.exclude,
            no_ignore: self.no_ignore,
            threads: self.threads,
            distribution: false,
            config: self.config.as_deref(),
            no_config: self.no_config,
        }
    }
}

/// Everything decided before any text is read: the compiled glossary, the rules, the inputs.
struct CheckPlan {
    glossary: Glossary,
    matcher: TermMatcher,
    rules: RuleSet,
    discovery: Discovery,
    scope: ConsistencyScope,
    garbled_threshold: f64,
    fail_on: Severity,
    threads: Option<usize>,
    keep_occurrences: bool,
    policy: Policy,
}

/// The configuration file in effect: `--config FILE`, else termcheck.toml in the current
/// directory or a parent, unless `--no-config`. A broken file is an error (exit 2).
fn config_file(explicit: Option<&Path>, no_config: bool) -> Result<Option<LoadedConfig>, u8> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None if no_config => None,
        None => config::find(Path::new(".")).map(|p| relative_to_cwd(&p)),
    };
    match path {
        None => Ok(None),
        Some(p) => config::load(&p).map(Some).map_err(|e| {
            print_file_errors(&[e]);
            EXIT_ERROR
        }),
    }
}

/// A found configuration path as the user would write it (relative when under the current
/// directory), so that messages and resolved glossary paths read naturally.
fn relative_to_cwd(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| cwd.canonicalize().ok())
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}

/// The settings in effect: the configuration file's, with the command line's on top.
fn merge(sel: &Selection<'_>, file: Option<&LoadedConfig>) -> Config {
    let mut merged = file.map(|f| f.config.clone()).unwrap_or_default();
    if !sel.glossary.is_empty() {
        merged.glossaries = sel.glossary.to_vec();
    }
    if sel.default_glossary {
        merged.default_glossary = Some(true);
    }
    if !sel.include.is_empty() {
        merged.include = sel.include.to_vec();
    }
    if !sel.exclude.is_empty() {
        merged.exclude = sel.exclude.to_vec();
    }
    if let Some(f) = sel.fail_on {
        merged.fail_on = Some(match f {
            FailOn::Error => SeverityName::Error,
            FailOn::Warning => SeverityName::Warning,
            FailOn::Info => SeverityName::Info,
        });
    }
    if let Some(t) = sel.garbled_threshold {
        merged.garbled_threshold = Some(t);
    }
    if let Some(c) = sel.consistency {
        merged.consistency = Some(match c {
            ConsistencyArg::Document => Scope::Document,
            ConsistencyArg::Batch => Scope::Batch,
        });
    }
    merged.with_defaults()
}

/// Resolves the selection (and configuration) into a plan; on failure the errors are printed
/// and the exit code returned.
fn plan(sel: &Selection<'_>) -> Result<CheckPlan, u8> {
    let file = config_file(sel.config, sel.no_config)?;
    let settings = merge(sel, file.as_ref());
    // Rules the configuration turns off do not run, unless --select names them or an override
    // turns them back on somewhere.
    let mut ignore = sel.ignore.to_vec();
    if sel.select.is_empty() {
        for rule in settings.rules_off() {
            let on_somewhere = settings
                .overrides
                .iter()
                .any(|o| o.rules.get(rule).is_some_and(|l| l != Level::Off));
            if !on_somewhere {
                ignore.push(rule.id().to_string());
            }
        }
    }
    let rules = RuleSet::from_ids(sel.select, &ignore).map_err(|e| usage_error(&e))?;
    let mut settings = settings;
    for info in RULES {
        // A rule that --select names runs, and reports, whatever [rules] says.
        if sel.select.iter().any(|id| id.trim() == info.id)
            && settings.rules.get(info.rule) == Some(Level::Off)
        {
            settings.rules.set(info.rule, Level::of(info.severity));
        }
    }
    let mut sources: Vec<GlossarySource> = Vec::new();
    if settings.glossaries.is_empty() || settings.default_glossary == Some(true) {
        sources.extend(bundled_glossaries());
    }
    sources.extend(
        settings
            .glossaries
            .iter()
            .cloned()
            .map(GlossarySource::File),
    );
    let glossary = Glossary::load(&sources).map_err(|errors| {
        print_file_errors(&errors);
        EXIT_ERROR
    })?;
    let walk = WalkOptions {
        include: settings.include.clone(),
        exclude: settings.exclude.clone(),
        no_ignore: sel.no_ignore,
    };
    let discovery = discover(sel.paths, &walk).map_err(|e| usage_error(&e))?;
    if discovery
        .inputs
        .iter()
        .filter(|i| i.source == InputSource::Stdin)
        .count()
        > 1
    {
        return Err(usage_error("`-` (standard input) may be given only once"));
    }
    let scope = match settings.consistency.unwrap_or(Scope::Document) {
        Scope::Document => ConsistencyScope::Document,
        Scope::Batch => ConsistencyScope::Batch,
    };
    let batch_consistency =
        scope == ConsistencyScope::Batch && rules.contains(Rule::InconsistentTerm);
    let base = file
        .as_ref()
        .map_or(Path::new("."), |f| f.dir())
        .to_path_buf();
    Ok(CheckPlan {
        matcher: TermMatcher::new(&glossary),
        glossary,
        rules,
        discovery,
        scope,
        garbled_threshold: settings
            .garbled_threshold
            .unwrap_or(termcheck::fuzzy::DEFAULT_THRESHOLD),
        fail_on: settings
            .fail_on
            .map_or(Severity::Warning, SeverityName::severity),
        threads: sel.threads,
        keep_occurrences: batch_consistency || sel.distribution,
        policy: settings.policy(&base),
    })
}

fn config_show(args: &ShowArgs) -> u8 {
    let file = match config_file(args.config.as_deref(), args.no_config) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let selection = Selection {
        paths: &[],
        glossary: &args.glossary,
        default_glossary: args.default_glossary,
        select: &[],
        ignore: &[],
        fail_on: args.fail_on,
        garbled_threshold: args.garbled_threshold,
        consistency: args.consistency,
        include: &args.include,
        exclude: &args.exclude,
        no_ignore: false,
        threads: None,
        distribution: false,
        config: None,
        no_config: false,
    };
    let merged = merge(&selection, file.as_ref());
    match &file {
        Some(f) => println!("# configuration file: {}", f.path.display()),
        None => println!("# no configuration file: defaults"),
    }
    match toml::to_string(&merged) {
        Ok(text) => {
            print!("{text}");
            EXIT_CLEAN
        }
        Err(e) => usage_error(&format!("cannot show the configuration: {e}")),
    }
}

impl CheckPlan {
    fn batch_consistency(&self) -> bool {
        self.scope == ConsistencyScope::Batch && self.rules.contains(Rule::InconsistentTerm)
    }

    /// Builds the checker (and the fuzzy index it needs) and hands it to `run`.
    fn with_checker<T: Send>(&self, run: impl FnOnce(&Checker<'_>) -> T + Send) -> Result<T, u8> {
        // Near-misses are garbled terms, and their other spellings occurrences for consistency.
        let fuzzy = (self.rules.contains(Rule::GarbledTerm)
            || self.rules.contains(Rule::InconsistentTerm)
            || self.keep_occurrences)
            .then(|| FuzzyIndex::new(&self.glossary, self.garbled_threshold));
        let mut checker = Checker::new(&self.glossary, &self.matcher, self.rules.clone())
            .with_consistency(self.scope, self.keep_occurrences);
        if let Some(index) = &fuzzy {
            checker = checker.with_fuzzy(index);
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.threads.unwrap_or(0))
            .build()
            .map_err(|e| usage_error(&format!("cannot start worker threads: {e}")))?;
        Ok(pool.install(|| run(&checker)))
    }

    /// Checks every input.
    fn run(&self) -> Result<RunReport, u8> {
        let mut run = self.with_checker(|checker| check_inputs(checker, &self.discovery.inputs))?;
        if self.batch_consistency() {
            run.add_batch_inconsistencies(&self.glossary);
        }
        self.finish(&mut run);
        Ok(run)
    }

    /// What every run does after checking: applies the configuration's policy, adds the
    /// inputs that could not be found.
    fn finish(&self, run: &mut RunReport) {
        self.policy.apply(run);
        run.errors.extend(self.discovery.errors.iter().cloned());
        run.errors.sort_by(|a, b| a.path.cmp(&b.path));
    }

    /// The exit code for what `run` holds.
    fn exit_code(&self, run: &RunReport) -> u8 {
        if !run.errors.is_empty() {
            EXIT_ERROR
        } else if run.findings().any(|(_, f)| f.severity >= self.fail_on) {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        }
    }
}

fn check(args: CheckArgs) -> u8 {
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

    let mut run = match plan.run() {
        Ok(r) => r,
        Err(code) => return code,
    };
    if let Some(path) = &args.write_baseline {
        if let Err(e) = write_atomically(path, |out| baseline::write(&run, out)) {
            eprintln!(
                "termcheck: error: cannot write the baseline to {}: {e}",
                path.display()
            );
            return EXIT_ERROR;
        }
        // Everything found is now known: the run reports what a run with this baseline would.
        for file in &mut run.files {
            file.findings.clear();
        }
    }
    if let Some(known) = &known {
        known.filter(&mut run);
    }

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
        let rows = run.distribution(&plan.glossary);
        if let Err(e) = write_atomically(path, |out| write_distribution(&rows, out)) {
            eprintln!(
                "termcheck: error: cannot write the consistency report to {}: {e}",
                path.display()
            );
            return EXIT_ERROR;
        }
    }
    plan.exit_code(&run)
}

/// One document read whole for `fix`: its decoded text and how it was encoded.
struct Loaded {
    text: String,
    detected: DetectedEncoding,
}

fn fix(args: FixArgs) -> u8 {
    let plan = match plan(&args.selection()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let inputs = &plan.discovery.inputs;
    // Each document is read once, whole: the fix rewrites exactly the bytes that were checked
    // (standard input cannot be read twice).
    let checked = plan.with_checker(|checker| {
        inputs
            .par_iter()
            .map(|input| load_and_check(checker, input))
            .collect::<Vec<_>>()
    });
    let checked = match checked {
        Ok(c) => c,
        Err(code) => return code,
    };
    let mut run = RunReport::default();
    let mut loaded = Vec::new();
    for (input, outcome) in inputs.iter().zip(checked) {
        match outcome {
            Ok(Some((doc, findings))) => {
                run.files.push(FileReport {
                    path: input.display.clone(),
                    findings,
                    occurrences: Vec::new(),
                    suppressions: Vec::new(),
                });
                loaded.push((input, doc));
            }
            Ok(None) => run.skipped.push(input.display.clone()),
            Err(e) => run.errors.push(e),
        }
    }
    plan.finish(&mut run);
    print_file_errors(&run.errors);

    let mut remaining = RunReport::default();
    let (mut fixed, mut fixed_files, mut write_failed) = (0, 0, false);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for (file, (input, doc)) in run.files.iter().zip(&loaded) {
        let file_plan =
            termcheck::fix::plan(&doc.text, doc.detected, &file.findings, &plan.glossary);
        // What was fixed and what is left, in the order of the file.
        let verb = if args.diff { "would fix" } else { "fixed" };
        let mut notes: Vec<(u64, u64, String)> = Vec::new();
        for e in &file_plan.edits {
            notes.push((
                e.line,
                e.column,
                format!(
                    "{verb} {} \"{}\" -> \"{}\"",
                    e.rule,
                    one_line(&e.found),
                    one_line(&e.replacement)
                ),
            ));
        }
        let mut left = Vec::new();
        for &(i, reason) in &file_plan.left {
            let f = &file.findings[i];
            notes.push((
                f.start.line,
                f.start.column,
                format!(
                    "left {}[{}] \"{}\" for a person: {reason}",
                    f.severity,
                    f.rule,
                    one_line(&f.found)
                ),
            ));
            left.push(f.clone());
        }
        notes.sort_by_key(|(line, column, _)| (*line, *column));
        for (line, column, note) in notes {
            eprintln!("{}:{line}:{column}: {note}", file.path);
        }
        remaining.files.push(FileReport {
            path: file.path.clone(),
            findings: left,
            occurrences: Vec::new(),
            suppressions: Vec::new(),
        });
        let new_text = termcheck::fix::apply(&doc.text, &file_plan.edits);
        let is_stdin = input.source == InputSource::Stdin;
        let result = if args.diff {
            write!(
                out,
                "{}",
                termcheck::fix::unified_diff(&file.path, &doc.text, &new_text)
            )
        } else if is_stdin {
            out.write_all(&termcheck::fix::encode(&new_text, doc.detected))
        } else if let (InputSource::File(path), false) = (&input.source, file_plan.edits.is_empty())
        {
            let bytes = termcheck::fix::encode(&new_text, doc.detected);
            replace_file(path, &bytes)
        } else {
            Ok(())
        };
        match result {
            Ok(()) => {
                fixed += file_plan.edits.len();
                fixed_files += usize::from(!file_plan.edits.is_empty());
            }
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => break,
            Err(e) => {
                eprintln!("termcheck: error: cannot write {}: {e}", file.path);
                write_failed = true;
            }
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("termcheck: error: cannot write to standard output: {e}");
            write_failed = true;
        }
    }
    let left: usize = remaining.files.iter().map(|f| f.findings.len()).sum();
    let verb = if args.diff { "Would fix" } else { "Fixed" };
    eprintln!(
        "{verb} {fixed} finding{} in {fixed_files} file{}; {left} left for a person.",
        plural(fixed),
        plural(fixed_files)
    );
    remaining.errors = run.errors;
    if write_failed {
        return EXIT_ERROR;
    }
    plan.exit_code(&remaining)
}

/// Text with its whitespace runs (line breaks included) shown as single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Reads a whole document and checks it; `None` when it is skipped as binary.
fn load_and_check(
    checker: &Checker<'_>,
    input: &Input,
) -> Result<Option<(Loaded, Vec<Finding>)>, FileError> {
    let bytes = match &input.source {
        InputSource::Stdin => {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map(|_| bytes)
                .map_err(|e| FileError::new(&input.display, e.to_string()))?
        }
        InputSource::File(path) => {
            std::fs::read(path).map_err(|e| FileError::new(&input.display, e.to_string()))?
        }
    };
    let findings = match checker.check_reader(&bytes[..], input.walked) {
        Ok(Outcome::Checked(doc)) => doc.findings,
        Ok(Outcome::SkippedBinary) => return Ok(None),
        Err(ReadError::Io(e)) => return Err(FileError::new(&input.display, e.to_string())),
        Err(ReadError::Decode { error, location }) => {
            return Err(FileError::at(&input.display, location, error.reason))
        }
    };
    let (text, detected) =
        decode_all(&bytes).map_err(|e| FileError::new(&input.display, e.reason))?;
    Ok(Some((Loaded { text, detected }, findings)))
}

/// Replaces a file's content atomically (temporary file in its directory, then rename),
/// keeping its permissions.
fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // Through a symbolic link to the file it names: renaming over the link would leave the
    // real file unfixed and the link replaced by a copy.
    let path = &path.canonicalize()?;
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(io::Error::other(
            "not a regular file; fix rewrites files only (use `-` for a stream)",
        ));
    }
    let permissions = metadata.permissions();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".termcheck-fix")
        .tempfile_in(dir)?;
    tmp.as_file_mut().write_all(bytes)?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), permissions)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
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

/// Whether two paths name the same file (an output path that does not exist yet names none).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes through a temporary file in the target's directory, renamed over the target only
/// once complete: a failed or interrupted write never leaves a truncated report. A target
/// that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is written
/// directly: renaming over it would replace the device with a plain file.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let mut out = io::BufWriter::new(std::fs::OpenOptions::new().write(true).open(path)?);
        write(&mut out)?;
        return out.flush();
    }
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

fn glossary_lint(files: &[PathBuf]) -> u8 {
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
    if findings.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    }
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
