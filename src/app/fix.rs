//! `termcheck fix`: check each document read whole, apply the unambiguous corrections, say
//! what was fixed and what is left.

use std::io::{self, Read, Write};
use std::path::Path;

use rayon::prelude::*;
use termcheck::check::{Checker, Outcome};
use termcheck::error::FileError;
use termcheck::finding::Finding;
use termcheck::input::blocks::ReadError;
use termcheck::input::decode::{decode_all, DetectedEncoding};
use termcheck::input::{Input, InputSource};
use termcheck::run::{FileReport, RunReport};

use super::plan::plan;
use crate::cli::FixArgs;
use crate::{plural, print_file_errors, EXIT_ERROR};

/// One document read whole for `fix`: its decoded text and how it was encoded.
struct Loaded {
    text: String,
    detected: DetectedEncoding,
}

pub(crate) fn fix(args: FixArgs) -> u8 {
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
