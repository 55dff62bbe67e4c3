//! Inputs: which files to check, and reading them as text.

pub mod blocks;
pub mod copy;
pub mod decode;
pub mod limit;

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::error::FileError;

/// File name patterns checked in directories when no `--include` is given: prose, web pages
/// and the files translation tools exchange. Tables (CSV, TSV) and JSON are left out: in a
/// project folder they are as often glossaries, data or settings as translations.
pub const DEFAULT_INCLUDE: &[&str] = &[
    "*.txt",
    "*.md",
    "*.html",
    "*.htm",
    "*.xhtml",
    "*.xlf",
    "*.xliff",
    "*.sdlxliff",
    "*.mqxliff",
    "*.tmx",
    "*.po",
];

/// Where a document comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum InputSource {
    /// Standard input.
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

/// One document to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// How reports name it: the path as the user wrote it, or `<stdin>`.
    pub display: String,
    /// Where to read it.
    pub source: InputSource,
    /// Found by walking a directory (binary files there are skipped, not errors).
    pub walked: bool,
}

/// How directories are walked.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Globs a file in a directory must match (default: [`DEFAULT_INCLUDE`]).
    pub include: Vec<String>,
    /// Globs that exclude files and directories.
    pub exclude: Vec<String>,
    /// Check files that `.gitignore`, `.ignore` and hidden-file rules would skip.
    pub no_ignore: bool,
}

/// The documents named by the command line, sorted by name, and the paths that failed.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Documents to check.
    pub inputs: Vec<Input>,
    /// Paths that do not exist or could not be walked.
    pub errors: Vec<FileError>,
    /// Directories named on the command line in which no file matched the include globs.
    pub empty_dirs: Vec<String>,
}

/// Expands `paths` (files, directories, `-`) into documents. A bad glob is a usage error.
pub fn discover(paths: &[PathBuf], options: &WalkOptions) -> Result<Discovery, String> {
    let include = if options.include.is_empty() {
        globs(DEFAULT_INCLUDE.iter().copied())?
    } else {
        globs(options.include.iter().map(String::as_str))?
    };
    let exclude = globs(options.exclude.iter().map(String::as_str))?;
    let mut found = Discovery::default();
    for path in paths {
        if path.as_os_str() == "-" {
            found.inputs.push(Input {
                display: "<stdin>".to_string(),
                source: InputSource::Stdin,
                walked: false,
            });
        } else if path.is_dir() {
            let before = found.inputs.len();
            walk(path, &include, &exclude, options.no_ignore, &mut found);
            if found.inputs.len() == before {
                found.empty_dirs.push(display_path(path));
            }
        } else if path.exists() {
            found.inputs.push(Input {
                display: display_path(path),
                source: InputSource::File(path.clone()),
                walked: false,
            });
        } else {
            found.errors.push(FileError::new(
                display_path(path),
                "no such file or directory",
            ));
        }
    }
    found.inputs.sort_by(|a, b| a.display.cmp(&b.display));
    found.inputs.dedup_by(|a, b| a.display == b.display);
    Ok(found)
}

fn globs<'a>(patterns: impl Iterator<Item = &'a str>) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        builder.add(Glob::new(p).map_err(|e| format!("invalid glob {p:?}: {e}"))?);
    }
    builder.build().map_err(|e| e.to_string())
}

fn walk(root: &Path, include: &GlobSet, exclude: &GlobSet, no_ignore: bool, found: &mut Discovery) {
    let exclude_for_filter = exclude.clone();
    let root_for_filter = root.to_path_buf();
    let walker = ignore::WalkBuilder::new(root)
        .standard_filters(!no_ignore)
        .require_git(false)
        .follow_links(false)
        .filter_entry(move |entry| {
            let rel = relative(&root_for_filter, entry.path());
            rel.as_os_str().is_empty() || !exclude_for_filter.is_match(&rel)
        })
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                let rel = relative(root, entry.path());
                if include.is_match(&rel) && !exclude.is_match(&rel) {
                    found.inputs.push(Input {
                        display: display_path(entry.path()),
                        source: InputSource::File(entry.path().to_path_buf()),
                        walked: true,
                    });
                }
            }
            Err(e) => found.errors.push(walk_error(root, &e)),
        }
    }
}

fn walk_error(root: &Path, e: &ignore::Error) -> FileError {
    let mut path = None;
    let mut error = e;
    loop {
        match error {
            ignore::Error::WithPath { path: p, err } => {
                path = Some(p.clone());
                error = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                error = err;
            }
            _ => break,
        }
    }
    let shown = path.as_deref().unwrap_or(root);
    FileError::new(display_path(shown), error.to_string())
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The path as reports show it: as given, without a leading `./`.
fn display_path(path: &Path) -> String {
    let shown = path.display().to_string();
    match shown.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => shown,
    }
}
