//! `--format sarif`: valid against the official SARIF 2.1.0 schema (vendored under
//! tests/sarif/), consistent with the CSV report, with fingerprints that survive moved lines.

mod common;

use common::{parse_csv, repo_root, scratch, termcheck, termcheck_in, TEST_GLOSSARY};
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let path = repo_root().join("tests/sarif/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(&path).expect("vendored SARIF schema");
    let mut schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    // This version of the schema has `region`'s "at least startLine, charOffset or byteOffset"
    // rule misplaced inside `properties` (a property named "anyOf"), which no 2020-12 validator
    // accepts as a schema. Put it where the specification means it (§3.30.2), in memory only:
    // the vendored file stays as published.
    let region = &mut schema["definitions"]["region"];
    if let Some(any_of) = region["properties"]
        .as_object_mut()
        .and_then(|p| p.remove("anyOf"))
    {
        region["anyOf"] = any_of;
    }
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

#[track_caller]
fn assert_valid(log: &Value) {
    let validator = validator();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF schema violations:\n{}",
        errors.join("\n")
    );
}

fn sarif(dir: &std::path::Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "sarif"]);
    let run = termcheck_in(dir, &all, b"");
    let log = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("SARIF is JSON ({e}): {}", run.stdout));
    (run.code, log)
}

#[test]
fn the_samples_report_is_valid_sarif_matching_the_csv_report() {
    let (code, log) = sarif(&repo_root(), &["samples/"]);
    assert_eq!(code, 1);
    assert_valid(&log);
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "termcheck");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), termcheck::rules::RULES.len());
    for (descriptor, info) in rules.iter().zip(termcheck::rules::RULES) {
        assert_eq!(descriptor["id"], info.id);
        assert_eq!(descriptor["shortDescription"]["text"], info.title);
        assert_eq!(descriptor["fullDescription"]["text"], info.summary);
        let help = descriptor["help"]["text"].as_str().unwrap();
        assert!(help.contains(info.fix), "{help}");
        let level = match info.severity.as_str() {
            "info" => "note",
            other => other,
        };
        assert_eq!(descriptor["defaultConfiguration"]["level"], level);
    }

    let csv = parse_csv(&termcheck(&["check", "samples/", "--format", "csv"]).stdout);
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), csv.len());
    assert_eq!(results.len(), 32, "the README's count");
    for (result, row) in results.iter().zip(&csv) {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(result["ruleId"], row.rule);
        assert_eq!(rules[index]["id"], row.rule, "ruleIndex points at the rule");
        assert_eq!(result["message"]["text"], row.message);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], row.file);
        let region = &location["region"];
        assert_eq!(region["startLine"], row.line);
        assert_eq!(region["startColumn"], row.column);
        assert_eq!(region["endLine"], row.end_line);
        assert_eq!(region["endColumn"], row.end_column);
        assert_eq!(region["byteOffset"], row.byte_offset);
        assert_eq!(region["byteLength"], row.byte_end - row.byte_offset);
        assert_eq!(result["properties"]["concept"], row.concept);
        assert_eq!(result["properties"]["expected"], row.expected);
        let print = result["partialFingerprints"]["termcheck/v1"]
            .as_str()
            .expect("a fingerprint");
        assert_eq!(print.len(), 32);
    }
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    assert_eq!(
        run["properties"]["glossaries"][0]["name"],
        "bundled:zh-en-trade-union-news.csv"
    );
}

#[test]
fn unreadable_files_stdin_and_odd_names_stay_valid() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("a b,c#.txt", b"The CAMCE site.\n"),
        ("bad.txt", b"ok \xFF here\n"),
    ]);
    let (code, log) = sarif(dir.path(), &["a b,c#.txt", "bad.txt", "-g", "g.csv"]);
    assert_eq!(code, 2, "an undecodable file is an error");
    assert_valid(&log);
    let run = &log["runs"][0];
    assert_eq!(
        run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "a%20b%2Cc%23.txt"
    );
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "bad.txt"
    );
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );

    let run = termcheck_in(
        dir.path(),
        &["check", "-", "-g", "g.csv", "--format", "sarif"],
        b"CAMCE\n",
    );
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_valid(&log);
    assert_eq!(
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "%3Cstdin%3E"
    );
}

#[test]
fn the_schema_rejects_what_it_should() {
    // The validator must be doing its job: a log with a bad level and a line 0 is refused.
    let (_, mut log) = sarif(&repo_root(), &["samples/media-footer.txt"]);
    assert_valid(&log);
    log["runs"][0]["results"][0]["level"] = Value::from("fatal");
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    let errors = validator().iter_errors(&log).count();
    assert!(errors >= 2, "{errors} errors");
}

fn fingerprints(log: &Value) -> Vec<String> {
    log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["partialFingerprints"]["termcheck/v1"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn fingerprints_survive_moved_lines_and_tell_repeats_apart() {
    let body =
        "The CAMCE site.\nOther news.\nThe CAMCE site.\nThe Municipal General Assembly met.\n";
    let moved = format!("A new first line.\n\n{}", body.replace("Other news.\n", ""));
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("before/d.txt", body.as_bytes()),
        ("after/d.txt", moved.as_bytes()),
    ]);
    let (_, before) = sarif(dir.path(), &["before/d.txt", "-g", "g.csv"]);
    let (_, after) = sarif(dir.path(), &["after/d.txt", "-g", "g.csv"]);
    let (before, after) = (fingerprints(&before), fingerprints(&after));
    assert_eq!(before.len(), 3);
    assert_ne!(
        before[0], before[1],
        "two identical findings differ by occurrence"
    );
    assert_eq!(
        before, after,
        "lines moved, findings kept their fingerprints"
    );
}
