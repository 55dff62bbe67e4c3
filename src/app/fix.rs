//! `termcheck fix`: check each document read whole, apply the unambiguous corrections, say
//! what was fixed and what is left.

use std::io::{self, Read, Write};
use std::path::Path;

use super::interrupt;
use rayon::prelude::*;
use termcheck::bilingual_rules::SourceRules;
use termcheck::check::{Checker, Outcome};
use termcheck::consistency::Occurrence;
use termcheck::error::FileError;
use termcheck::finding::Finding;
use termcheck::findings::Findings;
use termcheck::fix::Container;
use termcheck::formats::{read_segments, FormatOptions, SNIFF_LEN};
use termcheck::fuzzy::WordCache;
use termcheck::glossary::Glossary;
use termcheck::input::blocks::ReadError;
use termcheck::input::decode::{decode_all, DetectedEncoding};
use termcheck::input::limit::{check_size, Limited};
use termcheck::input::{Input, InputSource};
use termcheck::markdown::Markup;
use termcheck::rules::Rule;
use termcheck::run::{FileReport, RunReport};
use termcheck::segment::{check_segments, Segment, SegmentVisitor};

use super::plan::plan;
use crate::cli::FixArgs;
use crate::{format_options, plural, print_file_errors, usage_error, EXIT_ERROR};

/// One document read whole for `fix`: its decoded text and how it was encoded.
struct Loaded {
    text: String,
    detected: DetectedEncoding,
    /// Of a bilingual document, the deprecated and forbidden renderings (start and end offsets,
    /// concept) whose concept their segment's source does not name: left for a person.
    not_in_source: Vec<(u64, u64, String)>,
    /// How the file writes a segment's text, which a correction is written as.
    container: Container,
}

pub(crate) fn fix(args: FixArgs) -> u8 {
    // Declared first so that it is dropped last: once files are being replaced, a signal is
    // noted until the glossary and the rest are dropped too, not met by the default (which
    // would end the process with its summary printed and every file fixed, as if interrupted).
    let mut interrupt = interrupt::Guard::inactive();
    let plan = match plan(&args.selection()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let inputs = &plan.discovery.inputs;
    let max_file_size = args.resources.max_file_size;
    let formats = match format_options(&args.inputs, inputs.len(), max_file_size) {
        Ok(f) => f,
        Err(e) => return usage_error(&e),
    };
    // Bilingual files are checked as `check` checks them, source-aware rules included: what
    // those find is left for a person.
    let source_terms = plan.source_terms();
    let source_rules = plan.source_rules(&source_terms);
    // Each document is read once, whole: the fix rewrites exactly the bytes that were checked
    // (standard input cannot be read twice).
    let checked = plan.with_checker(|checker| {
        inputs
            .par_iter()
            .map(|input| {
                load_and_check(
                    checker,
                    input,
                    max_file_size,
                    &formats,
                    &source_rules,
                    &plan.glossary,
                )
            })
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
                    findings: findings.into(),
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
    let held = loaded.iter().map(|(_, doc)| doc.text.len()).sum();
    plan.print_memory_estimate(&run, held);

    let mut remaining = RunReport::default();
    let (mut fixed, mut fixed_files, mut write_failed) = (0, 0, false);
    let mut unwritten: Vec<&str> = Vec::new();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    // From here on files are replaced: an interruption lets the file being written finish
    // (or be abandoned, its temporary file removed) and ends with the summary of what changed.
    // `--diff` replaces nothing, and keeps the default (a Ctrl-C ends it at once, even while
    // blocked writing to a pipe).
    if !args.diff {
        interrupt = interrupt::Guard::install();
    }
    let mut interrupted = None;
    for (file, (input, doc)) in run.files.iter().zip(&loaded) {
        if let Some(signal) = interrupt.received() {
            interrupted = Some(signal);
            break;
        }
        // `fix` holds each document whole, and its findings with it.
        let findings = file.findings.to_vec();
        let named_in_source = |f: &Finding| {
            !doc.not_in_source.iter().any(|(start, end, concept)| {
                *start == f.start.byte_offset && *end == f.end.byte_offset && *concept == f.concept
            })
        };
        let file_plan = termcheck::fix::plan_bilingual(
            &doc.text,
            doc.detected,
            &findings,
            &plan.glossary,
            doc.container,
            named_in_source,
        );
        let mut left = Vec::new();
        for &(i, _) in &file_plan.left {
            left.push(findings[i].clone());
        }
        remaining.files.push(FileReport {
            path: file.path.clone(),
            findings: left.into(),
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
            replace_file(path, &bytes, &interrupt)
        } else {
            Ok(())
        };
        // The notes come after the write, so that "fixed" is said only of what is on disk.
        let written = match &result {
            Ok(()) => true,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => false,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => false,
            Err(e) => {
                eprintln!(
                    "termcheck: error: cannot write {}: {e}; it is unchanged",
                    file.path
                );
                false
            }
        };
        let verb = match (args.diff, written) {
            (true, _) => "would fix",
            (false, true) => "fixed",
            (false, false) => "not fixed (unchanged)",
        };
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
        for &(i, reason) in &file_plan.left {
            let f = &findings[i];
            notes.push((
                f.start.line,
                f.start.column,
                format!(
                    "left {}[{}] {} for a person: {reason}",
                    f.severity,
                    f.rule,
                    // A term missing from a target is found nowhere: its message says which.
                    if f.found.is_empty() {
                        one_line(&f.message)
                    } else {
                        format!("\"{}\"", one_line(&f.found))
                    }
                ),
            ));
        }
        notes.sort_by_key(|(line, column, _)| (*line, *column));
        for (line, column, note) in notes {
            eprintln!("{}:{line}:{column}: {note}", file.path);
        }
        match result {
            Ok(()) => {
                fixed += file_plan.edits.len();
                fixed_files += usize::from(!file_plan.edits.is_empty());
            }
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => break,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                unwritten.push(&file.path);
                interrupted = interrupt.received();
                break;
            }
            Err(_) => {
                unwritten.push(&file.path);
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
    if !unwritten.is_empty() && interrupted.is_none() {
        eprintln!(
            "Not written ({} file{}, each unchanged): {}",
            unwritten.len(),
            plural(unwritten.len()),
            unwritten.join(", ")
        );
    }
    if let Some(signal) = interrupted {
        eprintln!(
            "termcheck: interrupted by {}: the files noted \"fixed\" above were replaced; every other file is unchanged.",
            signal.name()
        );
        return 128 + signal.number();
    }
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

/// The source-aware rules as `fix` visits a bilingual document's segments: as `check` does,
/// noting the deprecated and forbidden renderings whose concept (one with source terms) the
/// segment's source does not name.
struct SourceVisitor<'r, 'g> {
    rules: &'r SourceRules<'g>,
    glossary: &'g Glossary,
    not_in_source: Vec<(u64, u64, String)>,
}

impl SegmentVisitor for SourceVisitor<'_, '_> {
    fn segment(&mut self, segment: &Segment, findings: &mut Vec<Finding>) {
        let mut rules = self.rules;
        rules.segment(segment, findings);
        let Some(source) = segment.source.as_ref().filter(|s| !s.is_blank()) else {
            return;
        };
        let banned = |f: &&Finding| {
            matches!(f.rule, Rule::ForbiddenTerm | Rule::DeprecatedTerm)
                && self
                    .glossary
                    .concepts
                    .iter()
                    .any(|c| c.id == f.concept && c.source.iter().any(|t| !t.trim().is_empty()))
        };
        if !findings.iter().any(|f| banned(&f)) {
            return;
        }
        // The concepts the source names (the target has no part in which).
        let named = self.rules.account(source.text(), "", &[]);
        for f in findings.iter().filter(banned) {
            let named = named
                .iter()
                .any(|a| self.glossary.concepts[a.concept].id == f.concept);
            if !named {
                let at = (f.start.byte_offset, f.end.byte_offset, f.concept.clone());
                self.not_in_source.push(at);
            }
        }
    }

    fn occurrences(&mut self, segment: &Segment, occurrences: &mut Vec<Occurrence>) {
        let mut rules = self.rules;
        rules.occurrences(segment, occurrences);
    }

    fn finish(&mut self, findings: &mut Findings) {
        let mut rules = self.rules;
        rules.finish(findings);
    }
}

/// Reads a whole document and checks it; `None` when it is skipped as binary.
fn load_and_check(
    checker: &Checker<'_>,
    input: &Input,
    max_file_size: u64,
    formats: &FormatOptions,
    source_rules: &SourceRules<'_>,
    glossary: &Glossary,
) -> Result<Option<(Loaded, Vec<Finding>)>, FileError> {
    let error = |e: &dyn std::fmt::Display| FileError::new(&input.display, e.to_string());
    let mut bytes = Vec::new();
    match &input.source {
        InputSource::Stdin => Limited::new(io::stdin(), max_file_size)
            .read_to_end(&mut bytes)
            .map_err(|e| error(&e))?,
        InputSource::File(path) => {
            let file = std::fs::File::open(path).map_err(|e| error(&e))?;
            let size = file.metadata().map_err(|e| error(&e))?.len();
            check_size(size, max_file_size).map_err(|e| error(&e))?;
            Limited::new(file, max_file_size)
                .read_to_end(&mut bytes)
                .map_err(|e| error(&e))?
        }
    };
    let path = match &input.source {
        InputSource::File(path) => Some(path.as_path()),
        InputSource::Stdin => None,
    };
    let format = formats.format_of(path, &bytes[..bytes.len().min(SNIFF_LEN)]);
    if format.is_bilingual() {
        // Its findings carry their offsets in the file: a fix applies where the text there is
        // what was found (not where markup or an escape stands inside the term).
        let segments = read_segments(format, Box::new(&bytes[..]), &input.display, formats)
            .map_err(|e| e.in_file(&input.display))?;
        let mut visit = SourceVisitor {
            rules: source_rules,
            glossary,
            not_in_source: Vec::new(),
        };
        let doc = check_segments(checker, segments, &mut WordCache::default(), &mut visit)
            .map_err(|e| e.in_file(&input.display))?;
        // A file that breaks its format's rules is not rewritten.
        if let Some(e) = doc.nonconforming {
            return Err(e.in_file(&input.display));
        }
        let (text, detected) =
            decode_all(&bytes).map_err(|e| FileError::new(&input.display, e.reason))?;
        let loaded = Loaded {
            text,
            detected,
            not_in_source: visit.not_in_source,
            container: Container::of(format),
        };
        return Ok(Some((loaded, doc.findings.into_vec())));
    }
    // A Markdown file's code is left alone, as `check` leaves it.
    let markup = format.markup().unwrap_or(Markup::Plain);
    let findings = match checker.check_reader_with(
        &bytes[..],
        input.walked,
        markup,
        &mut WordCache::default(),
    ) {
        Ok(Outcome::Checked(doc)) => doc.findings.into_vec(),
        Ok(Outcome::SkippedBinary) => return Ok(None),
        Err(ReadError::Io(e)) => return Err(FileError::new(&input.display, e.to_string())),
        Err(ReadError::Decode { error, location }) => {
            return Err(FileError::at(&input.display, location, error.reason))
        }
    };
    let (text, detected) =
        decode_all(&bytes).map_err(|e| FileError::new(&input.display, e.reason))?;
    let loaded = Loaded {
        text,
        detected,
        not_in_source: Vec::new(),
        container: Container::Plain,
    };
    Ok(Some((loaded, findings)))
}

/// Replaces a file's content atomically (temporary file `.termcheck-fix*` in its directory,
/// then rename), keeping its permissions and, where allowed, its owner. A file the user may
/// not write is refused even when its directory would allow the rename: replacing it would
/// bypass its read-only mode. An interruption before the rename abandons the temporary file
/// (removed) and leaves the file as it was: `ErrorKind::Interrupted`.
fn replace_file(path: &Path, bytes: &[u8], interrupt: &interrupt::Guard) -> io::Result<()> {
    // Through a symbolic link to the file it names: renaming over the link would leave the
    // real file unfixed and the link replaced by a copy.
    let path = &path.canonicalize()?;
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(io::Error::other(
            "not a regular file; fix rewrites files only (use `-` for a stream)",
        ));
    }
    // Opening for writing (without truncating) asks the kernel the question permissions answer.
    std::fs::OpenOptions::new().write(true).open(path)?;
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
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Root fixing another user's file keeps it theirs; anyone else cannot give files away
        // and keeps the file's group only when a member of it (failure is not an error).
        let _ = std::os::unix::fs::chown(tmp.path(), Some(metadata.uid()), Some(metadata.gid()));
    }
    if interrupt.received().is_some() {
        // Dropping `tmp` removes it.
        return Err(io::Error::from(io::ErrorKind::Interrupted));
    }
    tmp.persist(path).map_err(|e| e.error)?;
    // The rename is durable once the directory is: best effort (not every filesystem can).
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
