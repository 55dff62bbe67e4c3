//! The SARIF 2.1.0 report (OASIS Static Analysis Results Interchange Format), for code-scanning
//! services and SARIF viewers.
//!
//! Rule metadata comes from [`RULES`]; each result carries a `partialFingerprints` entry from
//! [`crate::fingerprint`], so a viewer recognises a finding after the lines around it moved.
//! Columns count Unicode code points (`columnKind`), as termcheck's columns do, and byte
//! offsets are those of the file as stored. The output is checked against the official schema
//! in `tests/report_sarif.rs`.

use std::io::{self, Write};

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::{json, Value};

use crate::finding::{Finding, Severity};
use crate::fingerprint::{FileFingerprints, FINGERPRINT_VERSION};
use crate::rules::RULES;
use crate::run::RunReport;

use super::json::Tool;
use super::ReportOptions;

/// Where to read about termcheck: Cargo.toml's `repository` once it is set, else the crate's
/// page on crates.io.
pub const INFORMATION_URI: &str = if env!("CARGO_PKG_REPOSITORY").is_empty() {
    "https://crates.io/crates/termcheck"
} else {
    env!("CARGO_PKG_REPOSITORY")
};

/// The `$schema` every SARIF 2.1.0 log names.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// SARIF's `level` for a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A file name as a SARIF `uri`: a relative reference for a relative path (`./` dropped,
/// backslashes as slashes), a `file://` URI for an absolute one, with every byte outside
/// RFC 3986's unreserved characters and `/` percent-encoded.
pub fn file_uri(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let mut rest = slashed.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r;
    }
    let absolute = rest.starts_with('/');
    let mut out = String::with_capacity(rest.len() + 8);
    if absolute {
        out.push_str("file://");
    }
    for &b in rest.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn rule_descriptors() -> Vec<Value> {
    RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.title,
                "shortDescription": { "text": r.title },
                "fullDescription": { "text": r.summary },
                "help": {
                    "text": format!("{} {} See docs/rules.md#{}.", r.summary, r.fix, r.id),
                    "markdown": format!(
                        "{}\n\n{}\n\nSee [docs/rules.md](docs/rules.md#{}).",
                        r.summary, r.fix, r.id
                    ),
                },
                "defaultConfiguration": { "level": level(r.severity) },
            })
        })
        .collect()
}

fn result(path: &str, f: &Finding, fingerprint: String) -> Value {
    let rule_index = RULES
        .iter()
        .position(|r| r.rule == f.rule)
        .expect("every rule is in RULES");
    let mut properties = json!({
        "concept": f.concept,
        "found": f.found,
        "expected": f.expected,
        "context": f.context,
    });
    if !f.note.is_empty() {
        properties["note"] = json!(f.note);
    }
    if let Some(score) = f.score {
        properties["score"] = json!(score);
    }
    json!({
        "ruleId": f.rule.id(),
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": { "text": f.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": file_uri(path) },
                "region": {
                    "startLine": f.start.line,
                    "startColumn": f.start.column,
                    "endLine": f.end.line,
                    "endColumn": f.end.column,
                    "byteOffset": f.start.byte_offset,
                    "byteLength": f.end.byte_offset.saturating_sub(f.start.byte_offset),
                    "snippet": { "text": f.found },
                },
            },
        }],
        "partialFingerprints": { (FINGERPRINT_VERSION): fingerprint },
        "properties": properties,
    })
}

/// The SARIF log of `run`, as a JSON value (every result in memory; [`write`] streams them).
pub fn log(run: &RunReport, options: &ReportOptions<'_>) -> Value {
    let results: Vec<Value> = results(run).collect();
    log_with(run, options, Value::Array(results))
}

/// Every result, in report order, one at a time.
fn results(run: &RunReport) -> impl Iterator<Item = Value> + '_ {
    run.files.iter().flat_map(|file| {
        let mut numbering = FileFingerprints::default();
        file.findings.iter().map(move |f| {
            let print = numbering.next(&f);
            result(&file.path, &f, print)
        })
    })
}

/// The log with `results` as the run's results.
fn log_with(run: &RunReport, options: &ReportOptions<'_>, results: Value) -> Value {
    let notifications: Vec<Value> = run
        .errors
        .iter()
        .map(|e| {
            let mut location = json!({
                "physicalLocation": { "artifactLocation": { "uri": file_uri(&e.path) } }
            });
            if let Some(l) = e.location {
                location["physicalLocation"]["region"] = json!({
                    "startLine": l.line,
                    "startColumn": l.column,
                    "byteOffset": l.byte_offset,
                });
            }
            json!({
                "level": "error",
                "message": { "text": e.message },
                "locations": [location],
            })
        })
        .collect();
    let tool = Tool::this();
    let mut run_value = json!({
        "tool": {
            "driver": {
                "name": tool.name,
                "version": tool.version,
                "semanticVersion": tool.version,
                "informationUri": INFORMATION_URI,
                "rules": rule_descriptors(),
            }
        },
        "invocations": [{
            "executionSuccessful": run.errors.is_empty(),
            "toolExecutionNotifications": notifications,
        }],
        "columnKind": "unicodeCodePoints",
        "results": results,
    });
    if let Some(glossary) = options.glossary {
        run_value["properties"] = json!({ "glossaries": glossary.files });
    }
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [run_value],
    })
}

/// Writes the log, pretty-printed, with a final newline. The results are serialized one at a
/// time where the log has them, so the log is never whole in memory.
pub fn write(run: &RunReport, options: ReportOptions<'_>, out: &mut dyn Write) -> io::Result<()> {
    let log = log_with(run, &options, Value::Null);
    let results = Results(run);
    let spliced = Splice {
        value: &log,
        path: &["runs", "results"],
        with: &results,
    };
    serde_json::to_writer_pretty(&mut *out, &spliced)?;
    writeln!(out)
}

/// The results of a run, serialized as a sequence as they are made.
struct Results<'a>(&'a RunReport);

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(results(self.0))
    }
}

/// `value` serialized as serde_json would, except that the member at `path` (object keys,
/// arrays passed through) is `with`: the same bytes as a value holding `with` in its place.
struct Splice<'a, T> {
    value: &'a Value,
    path: &'a [&'a str],
    with: &'a T,
}

impl<T: Serialize> Serialize for Splice<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Some((key, rest)) = self.path.split_first() else {
            return self.with.serialize(serializer);
        };
        match self.value {
            Value::Object(map) => {
                let mut out = serializer.serialize_map(Some(map.len()))?;
                for (k, v) in map {
                    if k == key {
                        let inner = Splice {
                            value: v,
                            path: rest,
                            with: self.with,
                        };
                        out.serialize_entry(k, &inner)?;
                    } else {
                        out.serialize_entry(k, v)?;
                    }
                }
                out.end()
            }
            Value::Array(items) => {
                let mut out = serializer.serialize_seq(Some(items.len()))?;
                for v in items {
                    out.serialize_element(&Splice {
                        value: v,
                        path: self.path,
                        with: self.with,
                    })?;
                }
                out.end()
            }
            other => other.serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_references_or_file_uris() {
        assert_eq!(file_uri("samples/a b.txt"), "samples/a%20b.txt");
        assert_eq!(file_uri("./docs/x.md"), "docs/x.md");
        assert_eq!(file_uri("/tmp/上.txt"), "file:///tmp/%E4%B8%8A.txt");
        assert_eq!(file_uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(file_uri("dir\\f.txt"), "dir/f.txt");
    }
}
