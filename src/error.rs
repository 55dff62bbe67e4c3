//! Errors that name a file and, where known, the position in it.

use std::fmt;

use crate::location::Location;

/// Something wrong with one file (input, glossary, configuration): where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file as the user named it.
    pub path: String,
    /// Where in the file, when the problem is at a position.
    pub location: Option<Location>,
    /// What is wrong, as one sentence without a trailing period.
    pub message: String,
    /// The file was checked all the same: it breaks a rule of its format's specification
    /// that does not stop it being read (see [`crate::segment::FormatError::nonconforming`]).
    pub checked: bool,
}

impl FileError {
    /// An error about the file as a whole.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        FileError {
            path: path.into(),
            location: None,
            message: message.into(),
            checked: false,
        }
    }

    /// An error at a position in the file.
    pub fn at(path: impl Into<String>, location: Location, message: impl Into<String>) -> Self {
        FileError {
            path: path.into(),
            location: Some(location),
            message: message.into(),
            checked: false,
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(l) => write!(
                f,
                "{}:{}:{}: {} (byte offset {})",
                self.path, l.line, l.column, self.message, l.byte_offset
            ),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for FileError {}
