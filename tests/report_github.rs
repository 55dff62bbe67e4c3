//! `--format github`: workflow commands parsed back the way the Actions runner reads them.

mod common;

use std::collections::BTreeMap;

use common::{parse_csv, scratch, termcheck, termcheck_in};

/// One parsed `::command key=value,…::message` line.
#[derive(Debug)]
struct Annotation {
    command: String,
    properties: BTreeMap<String, String>,
    message: String,
}

/// Reverses the runner's escaping (`%25`, `%0D`, `%0A`, and in properties `%3A`, `%2C`).
fn unescape(s: &str, property: bool) -> String {
    let mut out = s.replace("%0D", "\r").replace("%0A", "\n");
    if property {
        out = out.replace("%3A", ":").replace("%2C", ",");
    }
    out.replace("%25", "%")
}

#[track_caller]
fn parse(line: &str) -> Annotation {
    let rest = line.strip_prefix("::").expect("starts with ::");
    let (head, message) = rest.split_once("::").expect("a :: before the message");
    assert!(!line.contains('\r') && !line.contains('\n'));
    let (command, props) = head.split_once(' ').unwrap_or((head, ""));
    let properties = props
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').expect("key=value");
            assert!(!v.contains(':'), "a raw ':' in a property ends it: {line}");
            (k.to_string(), unescape(v, true))
        })
        .collect();
    Annotation {
        command: command.to_string(),
        properties,
        message: unescape(message, false),
    }
}

#[test]
fn each_finding_is_one_annotation_at_its_span() {
    let run = termcheck(&["check", "samples/", "--format", "github"]);
    assert_eq!(run.code, 1);
    let csv = parse_csv(&termcheck(&["check", "samples/", "--format", "csv"]).stdout);
    let annotations: Vec<Annotation> = run.stdout.lines().map(parse).collect();
    assert_eq!(annotations.len(), csv.len());
    for (a, row) in annotations.iter().zip(&csv) {
        let command = match row.severity.as_str() {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        assert_eq!(a.command, command);
        let p = &a.properties;
        assert_eq!(p["file"], row.file);
        assert_eq!(p["line"], row.line.to_string());
        assert_eq!(p["col"], row.column.to_string());
        assert_eq!(p["endLine"], row.end_line.to_string());
        assert_eq!(p["endColumn"], row.end_column.to_string());
        assert!(p["title"].contains(&row.rule), "{}", p["title"]);
        assert!(a.message.starts_with(&row.message), "{}", a.message);
        if !row.note.is_empty() {
            assert!(a.message.ends_with(&format!("\nNote: {}", row.note)));
        }
    }
}

#[test]
fn percent_newlines_colons_and_commas_are_escaped() {
    let glossary =
        "id,preferred,forbidden,note\nx,Workercn,CAMCE,\"50% sure: a, b\nsecond line\"\n";
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        ("a,b:c%.txt", b"The CAMCE site.\n"),
    ]);
    let run = termcheck_in(
        dir.path(),
        &["check", "a,b:c%.txt", "-g", "g.csv", "--format", "github"],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("file=a%2Cb%3Ac%25.txt,"),
        "{}",
        run.stdout
    );
    let a = parse(run.stdout.lines().next().unwrap());
    assert_eq!(a.properties["file"], "a,b:c%.txt");
    assert!(
        a.message.ends_with("\nNote: 50% sure: a, b\nsecond line"),
        "{:?}",
        a.message
    );
}
