//! The human-readable report: one block per finding with the line underlined, then a summary.

use std::collections::HashMap;
use std::io::{self, Write};

use crate::finding::{Finding, Severity};
use crate::run::RunReport;

use crate::rules::{Rule, RULES};

use super::ReportOptions;

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        }
    }
}

/// Writes every finding, then (unless quiet) the summary: findings per rule, files checked
/// and the time taken (when known), and the totals line last.
pub fn write(run: &RunReport, options: ReportOptions<'_>, out: &mut dyn Write) -> io::Result<()> {
    let style = Style { on: options.color };
    // Counted as they are written: one pass over the findings (they may be spilled to disk).
    let mut by_rule_severity: HashMap<(Rule, Severity), usize> = HashMap::new();
    for (path, finding) in run.findings() {
        write_finding(&style, path, &finding, out)?;
        *by_rule_severity
            .entry((finding.rule, finding.severity))
            .or_insert(0) += 1;
    }
    if !options.quiet {
        // Per rule and the severity its findings actually have (configuration may change a
        // rule's severity), in rule-table order.
        let mut lines: Vec<(usize, Severity, &str)> = Vec::new();
        for info in RULES {
            for severity in [Severity::Error, Severity::Warning, Severity::Info] {
                let n = by_rule_severity
                    .get(&(info.rule, severity))
                    .copied()
                    .unwrap_or(0);
                if n > 0 {
                    lines.push((n, severity, info.id));
                }
            }
        }
        let width = lines
            .iter()
            .map(|(n, _, _)| n.to_string().len())
            .max()
            .unwrap_or(1);
        for (n, severity, id) in lines {
            writeln!(
                out,
                "{:>width$}  {}",
                n,
                style.paint(style.severity(severity), &format!("{severity}[{id}]"))
            )?;
        }
        if let Some(elapsed) = options.elapsed {
            writeln!(
                out,
                "Checked {} in {:.2}s.",
                plural(run.files.len(), "file", "files"),
                elapsed.as_secs_f64()
            )?;
        }
        writeln!(out, "{}", summary(run, &by_rule_severity))?;
    }
    Ok(())
}

fn write_finding(style: &Style, path: &str, f: &Finding, out: &mut dyn Write) -> io::Result<()> {
    let code = style.severity(f.severity);
    writeln!(
        out,
        "{}: {} {}",
        style.paint("1", &format!("{path}:{}:{}", f.start.line, f.start.column)),
        style.paint(code, &format!("{}[{}]", f.severity, f.rule)),
        f.message
    )?;
    let number = f.start.line.to_string();
    let gutter = " ".repeat(number.len());
    let bar = style.paint("1;34", "|");
    writeln!(out, "{gutter} {bar}")?;
    writeln!(
        out,
        "{} {bar} {}",
        style.paint("1;34", &number),
        f.excerpt.text
    )?;
    // Under the characters as a terminal shows them: a Chinese character takes two columns.
    let columns = |from: usize, n: usize| -> usize {
        f.excerpt
            .text
            .chars()
            .skip(from)
            .take(n)
            .map(display_width)
            .sum()
    };
    let start = columns(0, f.excerpt.highlight_start);
    let width = columns(f.excerpt.highlight_start, f.excerpt.highlight_width);
    writeln!(
        out,
        "{gutter} {bar} {}{}",
        " ".repeat(start),
        style.paint(code, &"^".repeat(width.max(1)))
    )?;
    if let Some(unit) = &f.unit {
        // The excerpt of a bilingual input is the unit's text, markup removed.
        writeln!(out, "{gutter} = unit: {unit}")?;
    }
    if !f.note.is_empty() {
        writeln!(out, "{gutter} = note: {}", f.note)?;
    }
    writeln!(out)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Found 3 findings (2 errors, 1 warning) in 2 of 5 files." or "No findings in 5 files."
fn summary(run: &RunReport, counts: &HashMap<(Rule, Severity), usize>) -> String {
    let count = |s: Severity| {
        counts
            .iter()
            .filter(|((_, severity), _)| *severity == s)
            .map(|(_, n)| n)
            .sum::<usize>()
    };
    let total: usize = counts.values().sum();
    let files = run.files.len();
    let with_findings = run.files.iter().filter(|f| !f.findings.is_empty()).count();
    let mut line = if total == 0 {
        format!("No findings in {}.", plural(files, "file", "files"))
    } else {
        let mut parts = Vec::new();
        for (s, one, many) in [
            (Severity::Error, "error", "errors"),
            (Severity::Warning, "warning", "warnings"),
            (Severity::Info, "info", "infos"),
        ] {
            let n = count(s);
            if n > 0 {
                parts.push(plural(n, one, many));
            }
        }
        format!(
            "Found {} ({}) in {} of {}.",
            plural(total, "finding", "findings"),
            parts.join(", "),
            with_findings,
            plural(files, "file", "files")
        )
    };
    let unchecked = run.errors.iter().filter(|e| !e.checked).count();
    if unchecked > 0 {
        line.push_str(&format!(
            " {} could not be checked.",
            plural(unchecked, "file", "files")
        ));
    }
    let nonconforming = run.errors.len() - unchecked;
    if nonconforming > 0 {
        line.push_str(&format!(
            " {} its format's specification (checked all the same).",
            match nonconforming {
                1 => "1 file breaks".to_string(),
                n => format!("{n} files break"),
            }
        ));
    }
    if !run.skipped.is_empty() {
        line.push_str(&format!(
            " Skipped {}.",
            plural(run.skipped.len(), "binary file", "binary files")
        ));
    }
    line
}

/// The columns a terminal gives a character: two for East Asian wide and full-width ones
/// (Chinese, Japanese and Korean script, full-width forms), none for combining marks and
/// zero-width characters, one otherwise.
fn display_width(c: char) -> usize {
    let wide = matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD);
    if wide {
        2
    } else if unicode_normalization::char::is_combining_mark(c)
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
    {
        0
    } else {
        1
    }
}
