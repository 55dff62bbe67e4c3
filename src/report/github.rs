//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding,
//! which a workflow run shows as an annotation on the file and line.
//!
//! Escaping follows the runner's (`@actions/core`'s `escapeData` / `escapeProperty`): in the
//! message `%`, CR and LF are percent-encoded; in property values `:` and `,` too, since they
//! separate the properties and end the list.

use std::io::{self, Write};

use crate::finding::{Finding, Severity};
use crate::run::RunReport;

/// The workflow command for a severity.
pub fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes a command's message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The annotation line for one finding (without its line ending).
pub fn annotation(path: &str, f: &Finding) -> String {
    let title = format!("{} ({})", f.rule.info().title, f.rule.id());
    let mut message = f.message.clone();
    if !f.note.is_empty() {
        message.push_str("\nNote: ");
        message.push_str(&f.note);
    }
    format!(
        "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        command(f.severity),
        escape_property(path),
        f.start.line,
        f.start.column,
        f.end.line,
        f.end.column,
        escape_property(&title),
        escape_data(&message)
    )
}

/// Writes one annotation per finding, in report order, then one per file that could not be
/// checked.
pub fn write(run: &RunReport, out: &mut dyn Write) -> io::Result<()> {
    for (path, f) in run.findings() {
        writeln!(out, "{}", annotation(path, &f))?;
    }
    for e in &run.errors {
        let mut properties = format!("file={}", escape_property(&e.path));
        if let Some(l) = e.location {
            properties.push_str(&format!(",line={},col={}", l.line, l.column));
        }
        writeln!(
            out,
            "::error {properties},title=termcheck::{}",
            escape_data(&e.message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_runner() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
