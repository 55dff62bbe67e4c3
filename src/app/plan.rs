//! From the command line and `termcheck.toml` to a [`CheckPlan`]: the settings in effect, the
//! compiled glossary, the rules and the inputs, shared by `check` and `fix`.

use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};

use termcheck::bilingual_rules::{add_segment_inconsistencies, SourceRules};
use termcheck::check::Checker;
use termcheck::config::{self, Config, Level, LoadedConfig, Policy, Scope, SeverityName};
use termcheck::consistency::ConsistencyScope;
use termcheck::finding::Severity;
use termcheck::findings::{SpillBudget, DEFAULT_BUDGET};
use termcheck::formats::FormatOptions;
use termcheck::fuzzy::FuzzyIndex;
use termcheck::glossary::{bundled_glossaries, Glossary, GlossaryLanguages, GlossarySource};
use termcheck::input::blocks::BlockSizes;
use termcheck::input::{discover, Discovery, InputSource, WalkOptions, DEFAULT_INCLUDE};
use termcheck::matcher::TermMatcher;
use termcheck::rules::{Rule, RuleSet, RULES};
use termcheck::run::{check_inputs_with, RunReport, SegmentVisitors};
use termcheck::shard::Shard;
use termcheck::zh::source_terms::SourceTermMatcher;

use crate::cli::{
    CheckArgs, ConfigFileArgs, ConsistencyArg, FailOn, FileArgs, FixArgs, FormatArg, GlossaryArgs,
    InputFormatArgs, ResourceArgs, RuleArgs, ShowArgs,
};
use crate::{print_file_errors, usage_error, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

/// What `check` and `fix` share: where to look, with which glossaries and rules.
pub(crate) struct Selection<'a> {
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
    /// Languages of TBX glossaries.
    languages: GlossaryLanguages,
    /// Check only this shard of the inputs.
    shard: Option<Shard>,
    /// Print the memory estimate.
    verbose: bool,
}

impl<'a> Selection<'a> {
    /// The selection of the flags `check` and `fix` share; check's own flags are left unset.
    /// (`config show` builds its selection itself: its flags are defined apart.)
    fn shared(
        paths: &'a [PathBuf],
        glossaries: &'a GlossaryArgs,
        rules: &'a RuleArgs,
        files: &'a FileArgs,
        config_file: &'a ConfigFileArgs,
        resources: &'a ResourceArgs,
    ) -> Self {
        Selection {
            paths,
            glossary: &glossaries.glossary,
            default_glossary: glossaries.default_glossary,
            select: &rules.select,
            ignore: &rules.ignore,
            fail_on: rules.fail_on,
            garbled_threshold: rules.garbled_threshold,
            consistency: None,
            include: &files.include,
            exclude: &files.exclude,
            no_ignore: files.no_ignore,
            threads: resources.threads,
            distribution: false,
            config: config_file.config.as_deref(),
            no_config: config_file.no_config,
            languages: GlossaryLanguages::default(),
            shard: None,
            verbose: resources.verbose,
        }
    }
}

impl CheckArgs {
    pub(crate) fn selection(&self) -> Selection<'_> {
        Selection {
            consistency: self.consistency,
            // The HTML report charts every concept's renderings.
            distribution: self.consistency_report.is_some() || self.format == FormatArg::Html,
            languages: self.inputs.glossary_languages(),
            shard: self.shard,
            ..Selection::shared(
                &self.paths,
                &self.glossaries,
                &self.rules,
                &self.files,
                &self.config_file,
                &self.resources,
            )
        }
    }
}

impl FixArgs {
    pub(crate) fn selection(&self) -> Selection<'_> {
        Selection {
            languages: self.inputs.glossary_languages(),
            ..Selection::shared(
                &self.paths,
                &self.glossaries,
                &self.rules,
                &self.files,
                &self.config_file,
                &self.resources,
            )
        }
    }
}

impl InputFormatArgs {
    /// The languages of TBX glossaries: `--source-lang` and `--target-lang`, else zh and en.
    fn glossary_languages(&self) -> GlossaryLanguages {
        GlossaryLanguages {
            source: self.source_lang.clone().unwrap_or_else(|| "zh".into()),
            target: self.target_lang.clone().unwrap_or_else(|| "en".into()),
        }
    }
}

/// Everything decided before any text is read: the compiled glossary, the rules, the inputs.
pub(crate) struct CheckPlan {
    pub(crate) glossary: Glossary,
    pub(crate) matcher: TermMatcher,
    /// The garbled-term index, when a rule needs it. Never dropped: it is a few hundred
    /// thousand small allocations on a large glossary, and freeing them one by one costs a
    /// tenth of a second just before the process exits anyway.
    fuzzy: ManuallyDrop<Option<FuzzyIndex>>,
    pub(crate) rules: RuleSet,
    pub(crate) discovery: Discovery,
    scope: ConsistencyScope,
    fail_on: Severity,
    threads: Option<usize>,
    keep_occurrences: bool,
    policy: Policy,
    verbose: bool,
    /// The memory findings may take before they are spilled to temporary files.
    pub(crate) spill: SpillBudget,
}

/// The findings budget in bytes: `TERMCHECK_FINDINGS_BUDGET` when set to a number (tests make
/// it tiny to spill small runs), else [`DEFAULT_BUDGET`].
fn findings_budget() -> SpillBudget {
    let limit = std::env::var("TERMCHECK_FINDINGS_BUDGET")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_BUDGET);
    SpillBudget::new(limit)
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
pub(crate) fn plan(sel: &Selection<'_>) -> Result<CheckPlan, u8> {
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
    let glossary = Glossary::load_with(&sources, &sel.languages).map_err(|errors| {
        print_file_errors(&errors);
        EXIT_ERROR
    })?;
    let walk = WalkOptions {
        include: settings.include.clone(),
        exclude: settings.exclude.clone(),
        no_ignore: sel.no_ignore,
    };
    let mut discovery = discover(sel.paths, &walk).map_err(|e| usage_error(&e))?;
    warn_about_empty_directories(&discovery.empty_dirs, &walk.include);
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
    if let Some(shard) = sel.shard {
        if shard.count() > 1 && batch_consistency {
            return Err(usage_error(
                "--consistency batch needs every file in one run, so it cannot be combined \
                 with --shard; use --consistency document or --ignore inconsistent-term",
            ));
        }
        if discovery
            .inputs
            .iter()
            .any(|i| i.source == InputSource::Stdin)
        {
            return Err(usage_error(
                "standard input (`-`) cannot be split into shards",
            ));
        }
        discovery.inputs.retain(|i| shard.contains(&i.display));
        discovery.errors.retain(|e| shard.contains(&e.path));
    }
    let base = file
        .as_ref()
        .map_or(Path::new("."), |f| f.dir())
        .to_path_buf();
    let keep_occurrences = batch_consistency || sel.distribution;
    // Near-misses are garbled terms, and their other spellings occurrences for consistency.
    let fuzzy_threshold = (rules.contains(Rule::GarbledTerm)
        || rules.contains(Rule::InconsistentTerm)
        || keep_occurrences)
        .then(|| {
            settings
                .garbled_threshold
                .unwrap_or(termcheck::fuzzy::DEFAULT_THRESHOLD)
        });
    let (matcher, fuzzy) = compile(&glossary, fuzzy_threshold, worker_count(sel.threads));
    Ok(CheckPlan {
        matcher,
        fuzzy: ManuallyDrop::new(fuzzy),
        glossary,
        rules,
        discovery,
        scope,
        fail_on: settings
            .fail_on
            .map_or(Severity::Warning, SeverityName::severity),
        threads: sel.threads,
        keep_occurrences,
        policy: settings.policy(&base),
        verbose: sel.verbose,
        spill: findings_budget(),
    })
}

/// The number of worker threads a run uses: `--threads N`, or every core for 0 or none.
/// A directory that held nothing to check is most often a wrong path or a file type the
/// defaults leave out; a run that checks nothing must not pass in silence.
fn warn_about_empty_directories(dirs: &[String], include: &[String]) {
    if dirs.is_empty() {
        return;
    }
    let globs = if include.is_empty() {
        DEFAULT_INCLUDE.join(", ")
    } else {
        include.join(", ")
    };
    for dir in dirs {
        eprintln!(
            "termcheck: warning: no files to check in {dir} (directories are searched for \
             {globs}; --include chooses others)"
        );
    }
}

fn worker_count(threads: Option<usize>) -> usize {
    threads.filter(|&n| n > 0).unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    })
}

/// The exact-rule matcher and, with a threshold, the fuzzy index. With more than one worker
/// they are built side by side: start-up is the part of a run that no other thread shares,
/// and on a 10,000-concept glossary the two take some 20 and 40 ms.
fn compile(
    glossary: &Glossary,
    fuzzy_threshold: Option<f64>,
    workers: usize,
) -> (TermMatcher, Option<FuzzyIndex>) {
    match fuzzy_threshold {
        Some(threshold) if workers > 1 => std::thread::scope(|scope| {
            let fuzzy = scope.spawn(|| FuzzyIndex::new(glossary, threshold));
            let matcher = TermMatcher::new(glossary);
            let fuzzy = fuzzy
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (matcher, Some(fuzzy))
        }),
        _ => (
            TermMatcher::new(glossary),
            fuzzy_threshold.map(|threshold| FuzzyIndex::new(glossary, threshold)),
        ),
    }
}

pub(crate) fn config_show(args: &ShowArgs) -> u8 {
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
        languages: GlossaryLanguages::default(),
        shard: None,
        verbose: false,
    };
    let mut merged = merge(&selection, file.as_ref());
    // Absolute, so that the output is a configuration wherever it is saved (the paths of a
    // file are relative to it, those of the flags to the current directory).
    if let Ok(here) = std::env::current_dir() {
        for path in &mut merged.glossaries {
            if path.is_relative() {
                *path = here.join(&*path);
            }
        }
    }
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
    /// The source terms of the glossary, compiled for [`CheckPlan::source_rules`].
    pub(crate) fn source_terms(&self) -> SourceTermMatcher {
        SourceTermMatcher::new(&self.glossary)
    }

    /// The source-aware rules that run on every segment with a source (bilingual inputs).
    pub(crate) fn source_rules<'a>(&'a self, terms: &'a SourceTermMatcher) -> SourceRules<'a> {
        SourceRules::new(&self.glossary, &self.matcher, terms, self.rules.clone())
    }

    fn batch_consistency(&self) -> bool {
        self.scope == ConsistencyScope::Batch && self.rules.contains(Rule::InconsistentTerm)
    }

    /// Builds the checker and hands it to `run`.
    pub(crate) fn with_checker<T: Send>(
        &self,
        run: impl FnOnce(&Checker<'_>) -> T + Send,
    ) -> Result<T, u8> {
        let mut checker = Checker::new(&self.glossary, &self.matcher, self.rules.clone())
            .with_consistency(self.scope, self.keep_occurrences)
            .with_spill_budget(self.spill.clone());
        if let Some(index) = self.fuzzy.as_ref() {
            checker = checker.with_fuzzy(index);
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.threads.unwrap_or(0))
            .build()
            .map_err(|e| usage_error(&format!("cannot start worker threads: {e}")))?;
        Ok(pool.install(|| run(&checker)))
    }

    /// Checks every input, read as `formats` says, with `visitors` over bilingual segments and
    /// a progress bar on a terminal when `progress` allows one.
    pub(crate) fn run(
        &self,
        progress: bool,
        formats: &FormatOptions,
        visitors: &SegmentVisitors<'_>,
    ) -> Result<RunReport, u8> {
        let inputs = &self.discovery.inputs;
        let done = std::sync::atomic::AtomicU64::new(0);
        let mut run = crate::progress::while_running(inputs.len() as u64, &done, progress, || {
            self.with_checker(|checker| {
                check_inputs_with(checker, inputs, formats, visitors, Some(&done))
            })
        })?;
        if self.rules.contains(Rule::InconsistentSegment) {
            add_segment_inconsistencies(&mut run, inputs, formats);
        }
        if self.batch_consistency() {
            run.add_batch_inconsistencies(&self.glossary);
        }
        self.finish(&mut run);
        Ok(run)
    }

    /// What every run does after checking: applies the configuration's policy, adds the
    /// inputs that could not be found.
    pub(crate) fn finish(&self, run: &mut RunReport) {
        self.policy.apply(run);
        run.errors.extend(self.discovery.errors.iter().cloned());
        run.errors.sort_by(|a, b| a.path.cmp(&b.path));
    }

    /// With `--verbose`, prints to stderr what the run's memory is estimated at: the compiled
    /// glossary, each worker's block buffers, the findings kept, and `held` bytes of documents
    /// kept whole (`fix`). The formula is in docs/reliability.md.
    pub(crate) fn print_memory_estimate(&self, run: &RunReport, held: usize) {
        if !self.verbose {
            return;
        }
        let matcher = self.matcher.memory_estimate();
        let fuzzy = self.fuzzy.as_ref().map_or(0, FuzzyIndex::memory_estimate);
        let threads = worker_count(self.threads);
        let sizes = BlockSizes::for_longest_term(self.matcher.longest_pattern());
        // Per block: the bytes read, the decoded text, and the normalized text with its u32
        // offset map (5 bytes per byte): 7 times the block and its overlap.
        let per_worker = 7 * (sizes.block + sizes.overlap);
        let count = run.findings_count();
        // What they take in memory: spilled findings take none.
        let findings: usize = run.files.iter().map(|f| f.findings.memory_estimate()).sum();
        let total = matcher + fuzzy + threads * per_worker + findings + held;
        let mut line = format!(
            "termcheck: memory estimate {}: glossary {} (matcher {} + fuzzy index {}) + {threads} worker{} × {} block buffers + {count} finding{} {}",
            mib(total),
            mib(matcher + fuzzy),
            mib(matcher),
            mib(fuzzy),
            crate::plural(threads),
            mib(per_worker),
            crate::plural(count),
            mib(findings),
        );
        let spilled: usize = run.files.iter().map(|f| f.findings.spilled()).sum();
        if spilled > 0 {
            line.push_str(&format!(
                " ({spilled} of them in temporary files, over a budget of {})",
                mib(self.spill.limit())
            ));
        }
        if held > 0 {
            line.push_str(&format!(" + documents held whole {}", mib(held)));
        }
        eprintln!("{line}");
    }

    /// The exit code for what `run` holds.
    pub(crate) fn exit_code(&self, run: &RunReport) -> u8 {
        if !run.errors.is_empty() {
            EXIT_ERROR
        } else if run.findings().any(|(_, f)| f.severity >= self.fail_on) {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        }
    }
}

/// Bytes as MiB with one decimal.
fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / f64::from(1 << 20))
}
