//! What a check reports: plain data, positioned in the user's file.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::location::Location;
use crate::rules::Rule;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look.
    Info,
    /// Should be fixed.
    Warning,
    /// Must be fixed.
    Error,
}

impl Severity {
    /// The lower-case name used in reports and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(format!("{s:?} is not error, warning or info")),
        }
    }
}

/// The line a finding is on, for showing it underlined.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Excerpt {
    /// The line (or the part of a long line around the finding), without its line ending.
    pub text: String,
    /// The finding's columns in `text`, in characters: start and width (at least 1).
    pub highlight_start: usize,
    /// How many characters to underline.
    pub highlight_width: usize,
}

impl Finding {
    /// Bytes it takes in memory: the struct and the text it owns (allocator overhead aside).
    pub fn memory_estimate(&self) -> usize {
        std::mem::size_of::<Finding>()
            + [
                &self.concept,
                &self.found,
                &self.expected,
                &self.message,
                &self.note,
                &self.context,
                &self.excerpt.text,
            ]
            .iter()
            .map(|s| s.capacity())
            .sum::<usize>()
            + self.unit.as_ref().map_or(0, String::capacity)
    }
}

/// One problem found in one file.
///
/// Serializes field by field (JSON, JSON Lines, SARIF properties), so a field added here
/// appears in those reports without touching them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The check that found it.
    pub rule: Rule,
    /// How serious it is.
    pub severity: Severity,
    /// Id of the glossary concept concerned.
    pub concept: String,
    /// The text found, exactly as written.
    pub found: String,
    /// The rendering to use instead.
    pub expected: String,
    /// One sentence for a person.
    pub message: String,
    /// The concept's note from the glossary.
    pub note: String,
    /// The sentence around the finding (or ±40 characters of it), on one line.
    pub context: String,
    /// Where the found text starts.
    pub start: Location,
    /// Where it ends (the position just after its last character).
    pub end: Location,
    /// The line, for underlining.
    pub excerpt: Excerpt,
    /// Similarity to the expected rendering (garbled terms), in 0..=1.
    pub score: Option<f64>,
    /// The translation unit the finding is in, for bilingual inputs (XLIFF `trans-unit`/`unit`
    /// id, TMX `tuid`, PO msgctxt and msgid, the line of a paired or tabular file); `None` for
    /// plain text.
    pub unit: Option<String>,
}
