//! Checking many documents in parallel, with results in a deterministic order.

use std::fs::File;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use crate::check::{sort_findings, Checker, Outcome};
use crate::consistency::{distribution, inconsistencies, DistributionRow, Occurrence};
use crate::error::FileError;
use crate::finding::Finding;
use crate::fuzzy::WordCache;
use crate::glossary::Glossary;
use crate::input::blocks::ReadError;
use crate::input::{Input, InputSource};
use crate::suppress::{is_suppressed, Allowances, Suppression};

/// The findings of one document.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The document as reports name it.
    pub path: String,
    /// Its findings, sorted by position.
    pub findings: Vec<Finding>,
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
    pub fn findings(&self) -> impl Iterator<Item = (&str, &Finding)> {
        self.files
            .iter()
            .flat_map(|f| f.findings.iter().map(move |x| (f.path.as_str(), x)))
    }
}

/// Checks every input (in parallel on the current rayon pool). The report is the same whatever
/// the number of threads: results are collected in input order.
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
    let outcomes: Vec<Result<Outcome, FileError>> = inputs
        .par_iter()
        .map_init(WordCache::default, |words, input| {
            let outcome = check_input(checker, input, words);
            if let Some(done) = done {
                done.fetch_add(1, Ordering::Relaxed);
            }
            outcome
        })
        .collect();
    let mut report = RunReport::default();
    for (input, outcome) in inputs.iter().zip(outcomes) {
        match outcome {
            Ok(Outcome::Checked(doc)) => report.files.push(FileReport {
                path: input.display.clone(),
                findings: doc.findings,
                occurrences: doc.occurrences,
                suppressions: doc.suppressions,
            }),
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
            sort_findings(&mut self.files[file].findings);
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
    words: &mut WordCache,
) -> Result<Outcome, FileError> {
    let result = match &input.source {
        InputSource::Stdin => checker.check_reader_with(std::io::stdin().lock(), false, words),
        InputSource::File(path) => match File::open(path) {
            Ok(file) => checker.check_reader_with(file, input.walked, words),
            Err(e) => Err(ReadError::Io(e)),
        },
    };
    result.map_err(|e| read_error(&input.display, e))
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
