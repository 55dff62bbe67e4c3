//! Batches at scale through the built binary: shards merged back into one report, and reports
//! that do not depend on the thread count, for every rule and both report formats.

mod common;

use std::collections::BTreeSet;

use common::{parse_csv, scratch, termcheck_in, untimed, Run};

/// Every rule has something to find: forbidden and deprecated renderings, a garbled term, and
/// two renderings of a concept in one document (inconsistent-term).
const GLOSSARY: &[u8] = b"id,preferred,admitted,deprecated,forbidden\n\
ftu,Shanghai Federation of Trade Unions,,Shanghai Trade Union,Municipal General Assembly\n\
web,Workercn,,,China Industrial Network|CAMCE\n\
staff,workers and staff,employees,,\n\
union,labor union,labour union,,\n";

/// A batch of documents in nested folders, each finding something different.
fn batch() -> Vec<(String, Vec<u8>)> {
    let mut files = vec![("g.csv".to_string(), GLOSSARY.to_vec())];
    for i in 0..36 {
        let body = match i % 4 {
            0 => format!("Doc {i}. The CAMCE site and the Municipal General Assembly.\n"),
            1 => format!(
                "Doc {i}: the Shanghai Federaton of Trade Unions met.\n\nThe Shanghai Trade \
                 Union said so.\n"
            ),
            2 => format!(
                "Doc {i}. The employees met. The employees voted. Workers and staff left. \
                 The labour union and the labor union and the labor union.\n"
            ),
            _ => format!(
                "Doc {i}. {}Nothing to see.\n",
                "Filler words here. ".repeat(i)
            ),
        };
        files.push((format!("batch/d{}/f{i:02}.txt", i % 3), body.into_bytes()));
    }
    files
}

fn refs(files: &[(String, Vec<u8>)]) -> Vec<(&str, &[u8])> {
    files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect()
}

#[track_caller]
fn run_ok(dir: &tempfile::TempDir, args: &[&str]) -> Run {
    let run = termcheck_in(dir.path(), args, b"");
    assert!(run.code <= 1, "termcheck {args:?}: {}", run.stderr);
    run
}

fn check_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["check", "batch", "-g", "g.csv", "--format", "csv"];
    args.extend_from_slice(extra);
    args
}

#[test]
fn three_shards_merged_are_the_unsharded_report_byte_for_byte() {
    let files = batch();
    let dir = scratch(&refs(&files));
    let whole = run_ok(&dir, &check_args(&["-o", "whole.csv"]));
    let whole_bytes = std::fs::read(dir.path().join("whole.csv")).unwrap();
    assert!(whole.stdout.is_empty());
    let rows = parse_csv(std::str::from_utf8(&whole_bytes).unwrap());
    let rules: BTreeSet<&str> = rows.iter().map(|r| r.rule.as_str()).collect();
    assert_eq!(
        rules,
        BTreeSet::from([
            "deprecated-term",
            "forbidden-term",
            "garbled-term",
            "inconsistent-term"
        ]),
        "the batch exercises every rule"
    );

    let mut shard_files: Vec<BTreeSet<String>> = Vec::new();
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let out = format!("shard{k}.csv");
        run_ok(&dir, &check_args(&["--shard", &shard, "-o", &out]));
        let text = std::fs::read_to_string(dir.path().join(&out)).unwrap();
        shard_files.push(parse_csv(&text).into_iter().map(|r| r.file).collect());
    }
    // Each shard has some of the files with findings and none of another shard's.
    let all: BTreeSet<String> = rows.iter().map(|r| r.file.clone()).collect();
    for (i, s) in shard_files.iter().enumerate() {
        assert!(!s.is_empty(), "shard {} is empty", i + 1);
        for t in &shard_files[i + 1..] {
            assert!(s.is_disjoint(t));
        }
    }
    let union: BTreeSet<String> = shard_files.iter().flatten().cloned().collect();
    assert_eq!(union, all);

    // Any order of the reports, to a file or to standard output.
    let merged = run_ok(
        &dir,
        &[
            "merge",
            "shard3.csv",
            "shard1.csv",
            "shard2.csv",
            "-o",
            "merged.csv",
        ],
    );
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    assert_eq!(
        std::fs::read(dir.path().join("merged.csv")).unwrap(),
        whole_bytes
    );
    let stdout = run_ok(&dir, &["merge", "shard2.csv", "shard1.csv", "shard3.csv"]);
    assert_eq!(stdout.stdout.as_bytes(), whole_bytes.as_slice());
}

#[test]
fn shards_cover_every_file_once_also_without_findings() {
    let files = batch();
    let dir = scratch(&refs(&files));
    let mut seen = Vec::new();
    for k in 1..=4 {
        let shard = format!("{k}/4");
        // The text summary counts the files a shard checked.
        let run = run_ok(
            &dir,
            &[
                "check", "batch", "-g", "g.csv", "--shard", &shard, "--color", "never",
            ],
        );
        let summary = run.stdout.lines().last().unwrap().to_string();
        let words: Vec<&str> = summary.split_whitespace().collect();
        let at = words.iter().position(|w| w.starts_with("file")).unwrap();
        let n: usize = words[at - 1]
            .parse()
            .unwrap_or_else(|_| panic!("{summary}"));
        seen.push(n);
    }
    assert_eq!(seen.iter().sum::<usize>(), 36, "{seen:?}");
}

#[test]
fn batch_consistency_standard_input_and_bad_shards_are_refused() {
    let files = batch();
    let dir = scratch(&refs(&files));
    let run = termcheck_in(
        dir.path(),
        &check_args(&["--consistency", "batch", "--shard", "1/3"]),
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--consistency batch") && run.stderr.contains("--shard"),
        "{}",
        run.stderr
    );
    // Without the rule, or with one shard, there is nothing to refuse.
    run_ok(
        &dir,
        &check_args(&[
            "--consistency",
            "batch",
            "--shard",
            "1/3",
            "--ignore",
            "inconsistent-term",
        ]),
    );
    run_ok(
        &dir,
        &check_args(&["--consistency", "batch", "--shard", "1/1"]),
    );
    // Standard input has no path to hash: refused rather than silently in one shard.
    let run = termcheck_in(
        dir.path(),
        &["check", "-", "-g", "g.csv", "--shard", "2/3"],
        b"CAMCE",
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("standard input"), "{}", run.stderr);
    let run = termcheck_in(dir.path(), &["check", "batch", "--shard", "0/3"], b"");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("K/N"), "{}", run.stderr);
}

#[test]
fn json_reports_of_shards_merge_into_the_unsharded_document_byte_for_byte() {
    let mut files = batch();
    // Files that are skipped or are errors, in whatever shard their paths hash to.
    files.push(("batch/bin.txt".into(), b"\x00\x01binary\x00".to_vec()));
    files.push(("batch/d1/bad.txt".into(), b"\xfe\xff\x00a\x00".to_vec()));
    files.push(("batch/d2/bad2.txt".into(), b"caf\xe9 au lait\n".to_vec()));
    let dir = scratch(&refs(&files));
    let json = |extra: &[&str]| {
        let mut args = vec!["check", "batch", "-g", "g.csv", "--format", "json"];
        args.extend_from_slice(extra);
        let run = termcheck_in(dir.path(), &args, b"");
        // 2 where an undecodable file is among the inputs, else 1 (findings).
        assert!(matches!(run.code, 1 | 2), "{}", run.stderr);
    };
    json(&["-o", "whole.json"]);
    let whole = std::fs::read(dir.path().join("whole.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&whole).unwrap();
    assert_eq!(doc["summary"]["skipped"], 1);
    assert_eq!(doc["summary"]["errors"], 2);
    for k in 1..=3 {
        json(&[
            "--shard",
            &format!("{k}/3"),
            "-o",
            &format!("shard{k}.json"),
        ]);
    }
    let merged = termcheck_in(
        dir.path(),
        &["merge", "shard2.json", "shard3.json", "shard1.json"],
        b"",
    );
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    assert_eq!(merged.stdout.as_bytes(), whole.as_slice());
    // The same shard twice, or a CSV report among JSON ones: refused.
    for (args, why) in [
        (&["merge", "shard1.json", "shard1.json"][..], "overlap"),
        (
            &["merge", "shard1.json", "g.csv", "--format", "json"][..],
            "not a JSON report",
        ),
    ] {
        let run = termcheck_in(dir.path(), args, b"");
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains(why), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn merge_refuses_overlapping_or_foreign_reports() {
    let files = batch();
    let dir = scratch(&refs(&files));
    run_ok(&dir, &check_args(&["--shard", "1/2", "-o", "a.csv"]));
    run_ok(&dir, &check_args(&["--shard", "1/3", "-o", "b.csv"]));
    std::fs::write(dir.path().join("other.csv"), "name,value\nx,1\n").unwrap();
    for (args, why) in [
        (&["merge", "a.csv", "a.csv"][..], "overlap"),
        (&["merge", "a.csv", "other.csv"][..], "header"),
        (&["merge", "missing.csv"][..], "missing.csv"),
        (&["merge", "a.csv", "--format", "json"][..], "JSON"),
    ] {
        let run = termcheck_in(dir.path(), args, b"");
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains(why), "{args:?}: {}", run.stderr);
    }
    // JSON shards made with different glossaries: refused, saying what differs.
    run_ok(
        &dir,
        &[
            "check", "batch", "-g", "g.csv", "--format", "json", "--shard", "1/2", "-o", "j1.json",
        ],
    );
    run_ok(
        &dir,
        &[
            "check", "batch", "--format", "json", "--shard", "2/2", "-o", "j2.json",
        ],
    );
    let run = termcheck_in(dir.path(), &["merge", "j1.json", "j2.json"], b"");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("j2.json: its glossaries"),
        "{}",
        run.stderr
    );
    // Shards of different N share files (unless the hash happens to agree): refused.
    let run = termcheck_in(dir.path(), &["merge", "a.csv", "b.csv"], b"");
    let a = parse_csv(&std::fs::read_to_string(dir.path().join("a.csv")).unwrap());
    let b = parse_csv(&std::fs::read_to_string(dir.path().join("b.csv")).unwrap());
    let shared = a.iter().any(|r| b.iter().any(|s| s.file == r.file));
    assert_eq!(run.code == 2, shared, "{}", run.stderr);
}

#[test]
fn every_rule_and_format_is_the_same_for_any_thread_count() {
    let files = batch();
    let dir = scratch(&refs(&files));
    for extra in [
        &["--format", "csv"][..],
        &["--format", "text", "--color", "never"][..],
        &["--format", "csv", "--consistency", "batch"][..],
        &[
            "--format",
            "text",
            "--color",
            "never",
            "--consistency",
            "batch",
        ][..],
    ] {
        let run = |threads: &str| {
            let mut args = vec!["check", "batch", "-g", "g.csv", "-j", threads];
            args.extend_from_slice(extra);
            untimed(&run_ok(&dir, &args).stdout)
        };
        let one = run("1");
        assert!(one.contains("garbled-term") && one.contains("inconsistent-term"));
        assert_eq!(one, run("4"), "{extra:?}");
        assert_eq!(one, run("3"), "{extra:?}");
    }
}
