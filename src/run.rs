//! Checking many documents in parallel, with results in a deterministic order.

use std::borrow::Cow;
use std::fs::File;
use std::io::{Cursor, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::check::{Checker, Outcome};
use crate::consistency::{distribution, inconsistencies, DistributionRow, Occurrence};
use crate::error::FileError;
use crate::finding::Finding;
use crate::findings::Findings;
use crate::formats::{read_segments, sniff, FormatOptions, InputFormat, SNIFF_LEN};
use crate::fuzzy::WordCache;
use crate::glossary::Glossary;
use crate::input::blocks::ReadError;
use crate::input::copy::Copied;
use crate::input::limit::{check_size, Limited};
use crate::input::{Input, InputSource};
use crate::segment::{check_segments, NoSegmentRules, SegmentVisitor};
use crate::suppress::{is_suppressed, Allowances, Suppression};

/// The findings of one document.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The document as reports name it.
    pub path: String,
    /// Its findings, in report order (by position).
    pub findings: Findings,
    /// Every rendering of a concept found in it (when the checker keeps them).
    pub occurrences: Vec<Occurrence>,
    /// The lines `termcheck: ignore` comments silence in it.
    pub suppressions: Vec<Suppression>,
}

/// Everything a run found.
#[derive(Debug, Default)]
pub struct RunReport {
    /// Every document checked, sorted by path, with or without findings.
    pub files: Vec<FileReport>,
    /// Documents skipped as binary.
    pub skipped: Vec<String>,
    /// Documents that could not be checked.
    pub errors: Vec<FileError>,
}

impl RunReport {
    /// Every finding, in report order.
    pub fn findings(&self) -> impl Iterator<Item = (&str, Cow<'_, Finding>)> {
        self.files
            .iter()
            .flat_map(|f| f.findings.iter().map(move |x| (f.path.as_str(), x)))
    }

    /// How many findings it has.
    pub fn findings_count(&self) -> usize {
        self.files.iter().map(|f| f.findings.len()).sum()
    }
}

/// Makes the [`SegmentVisitor`] of each bilingual document (source-aware rules); called once
/// per document, on the worker checking it.
/// Visitors may borrow what outlives the run (the glossary, compiled source-term automata).
pub type SegmentVisitors<'v> = dyn Fn() -> Box<dyn SegmentVisitor + 'v> + Sync + 'v;

/// No source-aware rules.
pub fn no_segment_rules() -> Box<dyn SegmentVisitor> {
    Box::new(NoSegmentRules)
}

/// Checks every input (in parallel on the current rayon pool), each in the format its
/// extension or first bytes say. The report is the same whatever the number of threads:
/// results are collected in input order.
pub fn check_inputs(checker: &Checker<'_>, inputs: &[Input]) -> RunReport {
    check_inputs_counting(checker, inputs, None)
}

/// [`check_inputs`], adding 1 to `done` as each input is finished (checked, skipped or failed),
/// so that a caller's progress display can follow the run. Counting never changes the report.
pub fn check_inputs_counting(
    checker: &Checker<'_>,
    inputs: &[Input],
    done: Option<&AtomicU64>,
) -> RunReport {
    check_inputs_with(
        checker,
        inputs,
        &FormatOptions::default(),
        &no_segment_rules,
        done,
    )
}

/// [`check_inputs_counting`] with the input formats read as `formats` says, and the segments of
/// each bilingual document shown to a visitor from `visitors`.
pub fn check_inputs_with(
    checker: &Checker<'_>,
    inputs: &[Input],
    formats: &FormatOptions,
    visitors: &SegmentVisitors<'_>,
    done: Option<&AtomicU64>,
) -> RunReport {
    // One word cache per worker thread, kept for the whole run. Rayon's `map_init` would make
    // one per split of the input list, and a split is often a file or two: every cache starts
    // cold, and looking up each distinct word again was most of what a second thread added.
    let caches: Vec<Mutex<WordCache>> = (0..rayon::current_num_threads())
        .map(|_| Mutex::default())
        .collect();
    let outcomes: Vec<Result<Outcome, FileError>> = inputs
        .par_iter()
        .map(|input| {
            let worker = rayon::current_thread_index().unwrap_or(0) % caches.len();
            // Only this worker takes its cache. It finds it taken only when a segment visitor
            // runs rayon work of its own and this thread steals another input while waiting
            // (that input gets a fresh cache rather than a deadlock), or poisoned by a check
            // that panicked half-way through an update (which rayon passes on at the end).
            let outcome = match caches[worker].try_lock() {
                Ok(mut words) => check_input(checker, input, formats, visitors, &mut words),
                Err(_) => check_input(checker, input, formats, visitors, &mut WordCache::default()),
            };
            if let Some(done) = done {
                done.fetch_add(1, Ordering::Relaxed);
            }
            outcome
        })
        .collect();
    let mut report = RunReport::default();
    for (input, outcome) in inputs.iter().zip(outcomes) {
        match outcome {
            Ok(Outcome::Checked(doc)) => {
                if let Some(e) = doc.nonconforming {
                    report.errors.push(e.in_file(&input.display));
                }
                report.files.push(FileReport {
                    path: input.display.clone(),
                    findings: doc.findings,
                    occurrences: doc.occurrences,
                    suppressions: doc.suppressions,
                });
            }
            Ok(Outcome::SkippedBinary) => report.skipped.push(input.display.clone()),
            Err(e) => report.errors.push(e),
        }
    }
    report
}

impl RunReport {
    /// Adds `inconsistent-term` findings computed over all files together.
    pub fn add_batch_inconsistencies(&mut self, glossary: &Glossary) {
        let all: Vec<(usize, &Occurrence)> = self
            .files
            .iter()
            .enumerate()
            .flat_map(|(fi, f)| f.occurrences.iter().map(move |o| (fi, o)))
            .collect();
        let refs: Vec<&Occurrence> = all.iter().map(|(_, o)| *o).collect();
        let found: Vec<(usize, Finding)> =
            inconsistencies(glossary, &refs, "batch", &Occurrence::ready_around)
                .into_iter()
                .map(|(i, finding)| (all[i].0, finding))
                .collect();
        let allowances = Allowances::new(glossary);
        let mut touched = Vec::new();
        for (file, finding) in found {
            if allowances.allows(&finding)
                || is_suppressed(&finding, &self.files[file].suppressions)
            {
                continue;
            }
            touched.push(file);
            self.files[file].findings.push(finding);
        }
        touched.sort_unstable();
        touched.dedup();
        for file in touched {
            self.files[file].findings.finish();
        }
    }

    /// Every concept's rendering distribution over all files.
    pub fn distribution(&self, glossary: &Glossary) -> Vec<DistributionRow> {
        let all: Vec<(&str, &Occurrence)> = self
            .files
            .iter()
            .flat_map(|f| f.occurrences.iter().map(move |o| (f.path.as_str(), o)))
            .collect();
        distribution(glossary, &all)
    }
}

fn check_input(
    checker: &Checker<'_>,
    input: &Input,
    formats: &FormatOptions,
    visitors: &SegmentVisitors<'_>,
    words: &mut WordCache,
) -> Result<Outcome, FileError> {
    // `regular`: the path names a regular file, which opened again reads the same bytes. A
    // named pipe, a device or `/dev/fd/N` would block or read something else.
    let (reader, path, regular): (Box<dyn Read + Send>, _, _) = match &input.source {
        InputSource::Stdin => (Box::new(std::io::stdin()), None, false),
        InputSource::File(path) => match File::open(path) {
            Ok(file) => {
                let metadata = file.metadata().ok();
                if let Some(limit) = formats.max_file_size {
                    // Known before reading a byte: the size on disk.
                    let size = metadata.as_ref().map_or(0, |m| m.len());
                    check_size(size, limit)
                        .map_err(|e| FileError::new(&input.display, e.to_string()))?;
                }
                let regular = metadata.is_some_and(|m| m.is_file());
                (Box::new(file), Some(path.as_path()), regular)
            }
            Err(e) => return Err(read_error(&input.display, ReadError::Io(e))),
        },
    };
    // Standard input, and a file that grows while read, stop at the limit.
    let reader: Box<dyn Read + Send> = match formats.max_file_size {
        Some(limit) => Box::new(Limited::new(reader, limit)),
        None => reader,
    };
    // Standard input (or a pipe or device named as a file) is copied as it is read where a
    // document may be read twice, so that its memory stays bounded as a regular file's does.
    // Without a temporary file it is read once, keeping its text: the same report, in more
    // memory.
    let (reader, stdin_copy): (Box<dyn Read + Send>, _) = match (!regular
        && checker.may_read_twice())
    .then(tempfile::tempfile)
    .transpose()
    {
        Ok(Some(file)) => match Copied::new(reader, file) {
            Ok((copied, reopener)) => (Box::new(copied), Some(reopener)),
            Err((reader, _)) => (reader, None),
        },
        _ => (reader, None),
    };
    let known = formats
        .format
        .or(formats.source_file.as_ref().map(|_| InputFormat::Paired))
        .or_else(|| path.and_then(InputFormat::from_extension));
    let (format, reader) = match known {
        Some(format) => (format, reader),
        None => {
            // Sniff the first bytes, then read them again with the rest.
            let mut head = Vec::with_capacity(SNIFF_LEN);
            let mut reader = reader;
            if let Err(e) = (&mut reader).take(SNIFF_LEN as u64).read_to_end(&mut head) {
                return Err(read_error(&input.display, ReadError::Io(e)));
            }
            let format = sniff(&head);
            let chained: Box<dyn Read + Send> = Box::new(Cursor::new(head).chain(reader));
            (format, chained)
        }
    };
    if let Some(markup) = format.markup() {
        let checked = match (path.filter(|_| regular), &stdin_copy) {
            // A regular file can be read again (see `Checker::check_reopenable`), and so can
            // standard input through its copy.
            (Some(path), _) => {
                let reopen = || File::open(path).map(|f| Box::new(f) as Box<dyn Read + Send>);
                checker.check_reopenable(reader, input.walked, markup, words, &reopen)
            }
            (None, Some(copy)) => {
                let reopen = || copy.open().map(|f| Box::new(f) as Box<dyn Read + Send>);
                checker.check_reopenable(reader, input.walked, markup, words, &reopen)
            }
            (None, None) => checker.check_reader_with(reader, input.walked, markup, words),
        };
        return checked.map_err(|e| read_error(&input.display, e));
    }
    let segments = read_segments(format, reader, &input.display, formats)
        .map_err(|e| e.in_file(&input.display))?;
    check_segments(checker, segments, words, visitors().as_mut())
        .map(Outcome::Checked)
        .map_err(|e| e.in_file(&input.display))
}

fn read_error(path: &str, e: ReadError) -> FileError {
    match e {
        ReadError::Io(io) => FileError::new(path, io_message(&io)),
        ReadError::Decode { error, location } => FileError::at(path, location, error.reason),
    }
}

fn io_message(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::IsADirectory {
        return "is a directory".to_string();
    }
    e.to_string()
}
