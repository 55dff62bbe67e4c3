//! Checking many documents in parallel, with results in a deterministic order.

use std::fs::File;

use rayon::prelude::*;

use crate::check::{Checker, Outcome};
use crate::error::FileError;
use crate::finding::Finding;
use crate::input::blocks::ReadError;
use crate::input::{Input, InputSource};

/// The findings of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    /// The document as reports name it.
    pub path: String,
    /// Its findings, sorted by position.
    pub findings: Vec<Finding>,
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
    let outcomes: Vec<Result<Outcome, FileError>> = inputs
        .par_iter()
        .map(|input| check_input(checker, input))
        .collect();
    let mut report = RunReport::default();
    for (input, outcome) in inputs.iter().zip(outcomes) {
        match outcome {
            Ok(Outcome::Checked(findings)) => report.files.push(FileReport {
                path: input.display.clone(),
                findings,
            }),
            Ok(Outcome::SkippedBinary) => report.skipped.push(input.display.clone()),
            Err(e) => report.errors.push(e),
        }
    }
    report
}

fn check_input(checker: &Checker<'_>, input: &Input) -> Result<Outcome, FileError> {
    let result = match &input.source {
        InputSource::Stdin => checker.check_reader(std::io::stdin().lock(), false),
        InputSource::File(path) => match File::open(path) {
            Ok(file) => checker.check_reader(file, input.walked),
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
