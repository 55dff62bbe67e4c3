//! Hostile input: each case gives termcheck's normal output for what it could check, a clear
//! error for the rest, and never a panic or a hang. Every run goes through [`run_bounded`], which
//! kills the process and fails the test when it takes longer than a generous limit.

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{parse_csv, run_bounded, scratch, unprivileged_termcheck, Bounded};

const LIMIT: Duration = Duration::from_secs(120);
/// For the 100 MB input: about 15 s on an idle machine in a debug build, far more on a loaded
/// CI runner; the guard is for hangs, not speed.
const HUGE_LIMIT: Duration = Duration::from_secs(900);
const EXACT: &[&str] = &["--select", "forbidden-term,deprecated-term"];

fn check_csv(dir: &Path, paths: &[&str], extra: &[&str], stdin: &[u8]) -> Bounded {
    let mut args = vec!["check", "--format", "csv"];
    args.extend_from_slice(paths);
    args.extend_from_slice(extra);
    run_bounded(dir, &args, stdin, LIMIT)
}

/// (line, column, found) of every row of a CSV report.
fn positions(report: &str) -> Vec<(u64, u64, String)> {
    parse_csv(report)
        .into_iter()
        .map(|r| (r.line, r.column, r.found))
        .collect()
}

const TERM: &str = "Municipal General Assembly";

#[test]
fn a_100_mb_line_without_a_newline_is_checked_with_columns_right() {
    let filler = "workers and staff met at the hall to talk about rest stations ";
    let mut text = String::with_capacity(100 << 20);
    text.push_str(TERM);
    text.push(' ');
    // Half-way, and again at the end: far beyond any block size, on one line.
    while text.len() < 50 << 20 {
        text.push_str(filler);
    }
    let middle = text.chars().count() as u64 + 1;
    text.push_str(TERM);
    text.push(' ');
    while text.len() < 100 << 20 {
        text.push_str(filler);
    }
    let end = text.chars().count() as u64 + 1;
    text.push_str(TERM);
    let dir = scratch(&[("long.txt", text.as_bytes())]);
    let mut args = vec!["check", "--format", "csv", "long.txt"];
    args.extend_from_slice(EXACT);
    let run = run_bounded(dir.path(), &args, b"", HUGE_LIMIT);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        positions(&run.stdout),
        vec![
            (1, 1, TERM.to_string()),
            (1, middle, TERM.to_string()),
            (1, end, TERM.to_string())
        ]
    );
}

#[test]
fn nul_bytes_in_a_named_file_do_not_shift_positions_and_a_walked_one_is_skipped() {
    let text = format!("a\0b\0\0 {TERM}.\n\0{TERM}\n");
    let dir = scratch(&[("docs/nul.txt", text.as_bytes())]);
    let named = check_csv(dir.path(), &["docs/nul.txt"], EXACT, b"");
    assert_eq!(named.code, 1, "{}", named.stderr);
    assert_eq!(
        positions(&named.stdout),
        vec![(1, 7, TERM.to_string()), (2, 2, TERM.to_string())]
    );
    let walked = run_bounded(dir.path(), &["check", "docs"], b"", LIMIT);
    assert_eq!(walked.code, 0, "{}", walked.stderr);
    assert!(
        walked.stdout.contains("Skipped 1 binary file"),
        "{}",
        walked.stdout
    );
}

#[test]
fn invalid_utf8_far_into_a_file_is_an_error_at_its_position_and_others_are_checked() {
    let mut bad = Vec::new();
    for _ in 0..40_000 {
        bad.extend_from_slice(b"plain text line for the reader\n"); // 31 bytes
    }
    let offset = bad.len();
    bad.extend_from_slice(b"oops \xC3( here\n");
    let dir = scratch(&[("bad.txt", &bad), ("good.txt", TERM.as_bytes())]);
    let run = check_csv(dir.path(), &["bad.txt", "good.txt"], EXACT, b"");
    assert_eq!(run.code, 2, "{}", run.stderr);
    let wanted = format!(
        "bad.txt:40001:6: invalid UTF-8 (byte 0xC3) (byte offset {})",
        offset + 5
    );
    assert!(run.stderr.contains(&wanted), "{wanted:?} in {}", run.stderr);
    assert_eq!(positions(&run.stdout), vec![(1, 1, TERM.to_string())]);
}

#[test]
fn utf16_without_a_byte_order_mark_is_recognised() {
    let text = format!("Report\n  the {TERM} said\n");
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let dir = scratch(&[("le.txt", &le), ("be.txt", &be)]);
    let run = check_csv(dir.path(), &["le.txt", "be.txt"], EXACT, b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    assert_eq!(rows.len(), 2);
    for row in rows {
        assert_eq!((row.line, row.column), (2, 7), "{}", row.file);
        // 13 characters before the term, two bytes each.
        assert_eq!(row.byte_offset, 26, "{}", row.file);
    }
}

#[test]
fn mixed_line_endings_each_end_a_line() {
    let text = format!("one\r\ntwo\nthree\rfour {TERM}\r\n\r{TERM}\n");
    let dir = scratch(&[("mixed.txt", text.as_bytes())]);
    let run = check_csv(dir.path(), &["mixed.txt"], EXACT, b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        positions(&run.stdout),
        vec![(4, 6, TERM.to_string()), (6, 1, TERM.to_string())]
    );
}

#[test]
fn bidi_controls_inside_and_around_a_term_keep_the_span_on_the_original_text() {
    // Right-to-left embedding around the term, a left-to-right mark inside it.
    let inside = "Municipal\u{200E} General Assembly";
    let text = format!("\u{202B}{TERM}\u{202C} and {inside}.\n");
    let dir = scratch(&[("bidi.txt", text.as_bytes())]);
    let run = check_csv(dir.path(), &["bidi.txt"], EXACT, b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    let found: Vec<(u64, &str)> = rows.iter().map(|r| (r.column, r.found.as_str())).collect();
    let inside_column = text.find(inside).map(|at| text[..at].chars().count() + 1);
    assert_eq!(inside_column, Some(34));
    assert_eq!(found, vec![(2, TERM), (34, inside)]);
    assert_eq!(
        rows[0].byte_offset, 3,
        "after the three-byte embedding mark"
    );
}

#[test]
fn combining_marks_and_emoji_around_terms_count_as_characters() {
    // An emoji with a skin-tone modifier (two scalar values) before, a flag after.
    let text = format!("👍🏽 {TERM}🇨🇳 then {TERM}\u{0301}x and café {TERM}\n");
    let dir = scratch(&[("emoji.txt", text.as_bytes())]);
    let run = check_csv(dir.path(), &["emoji.txt"], EXACT, b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    let cols: Vec<(u64, u64)> = rows.iter().map(|r| (r.column, r.end_column)).collect();
    // The combining accent turns the second term's last letter into "ý…x": another word,
    // not reported. The third starts after "café " typed with a precomposed é.
    let third = text
        .rfind(TERM)
        .map(|at| text[..at].chars().count() as u64 + 1);
    assert_eq!(third, Some(76));
    assert_eq!(cols, vec![(4, 30), (76, 102)]);
    assert!(rows.iter().all(|r| r.found == TERM));
}

#[test]
fn a_file_that_grows_while_read_is_read_to_its_end() {
    // A named pipe the test writes in two bursts, with a pause between them.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("growing.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipping");
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut f = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
            f.write_all(format!("first {TERM}\n").as_bytes()).unwrap();
            f.flush().unwrap();
            std::thread::sleep(Duration::from_millis(300));
            f.write_all(format!("second {TERM}\n").as_bytes()).unwrap();
        })
    };
    let run = check_csv(dir.path(), &["growing.txt"], EXACT, b"");
    writer.join().unwrap();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        positions(&run.stdout),
        vec![(1, 7, TERM.to_string()), (2, 8, TERM.to_string())]
    );
}

#[test]
fn a_file_gone_before_it_is_read_is_an_error_and_the_rest_is_checked() {
    let dir = scratch(&[("here.txt", TERM.as_bytes())]);
    let run = check_csv(dir.path(), &["gone.txt", "here.txt"], EXACT, b"");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("gone.txt: no such file or directory"),
        "{}",
        run.stderr
    );
    assert_eq!(positions(&run.stdout), vec![(1, 1, TERM.to_string())]);
}

#[test]
fn a_term_of_ten_thousand_characters_is_matched_whole() {
    let long: String = (0..1250).map(|i| format!("w{i:04}rd ")).collect();
    let long = long.trim_end().to_string();
    assert!(long.chars().count() > 9_000);
    let glossary = format!("id,preferred,forbidden\nlong,Short Name,{long}\n");
    let text = format!("Intro {long} outro\nand {} alone\n", &long[..60]);
    let dir = scratch(&[("g.csv", glossary.as_bytes()), ("t.txt", text.as_bytes())]);
    let run = check_csv(dir.path(), &["t.txt", "-g", "g.csv"], &[], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    assert_eq!(rows.len(), 1, "{:?}", positions(&run.stdout));
    assert_eq!((rows[0].line, rows[0].column), (1, 7));
    assert_eq!(rows[0].found, long);
}

#[test]
fn a_one_character_variant_is_matched_only_as_a_whole_word() {
    let glossary = "id,preferred,forbidden\nx,Xylophone,X\n";
    let text = "X marks the spot; X-ray, Xmas, taxi and x.\n";
    let dir = scratch(&[("g.csv", glossary.as_bytes()), ("t.txt", text.as_bytes())]);
    let run = check_csv(dir.path(), &["t.txt", "-g", "g.csv"], &[], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let cols: Vec<u64> = parse_csv(&run.stdout).iter().map(|r| r.column).collect();
    assert_eq!(
        cols,
        vec![1, 41],
        "X and x as words; not inside X-ray, Xmas, taxi"
    );
}

#[test]
fn ten_thousand_concepts_sharing_one_word_compile_and_tell_each_other_apart() {
    let mut glossary = String::from("id,preferred,forbidden\n");
    for i in 0..10_000 {
        glossary.push_str(&format!(
            "c{i},Federation of Guild {i},Guild {i} Assembly\n"
        ));
    }
    let text = "The Federation of Guild 12 met Guild 13 Assembly and the Federaton of Guild 14.\n";
    let dir = scratch(&[("g.csv", glossary.as_bytes()), ("t.txt", text.as_bytes())]);
    let run = check_csv(dir.path(), &["t.txt", "-g", "g.csv"], &[], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    let got: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r.rule.as_str(), r.concept.as_str(), r.found.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("forbidden-term", "c13", "Guild 13 Assembly"),
            ("garbled-term", "c14", "Federaton of Guild 14"),
        ]
    );
}

#[test]
fn symlink_loops_are_not_followed_and_a_looping_path_is_an_error() {
    let dir = scratch(&[("docs/a.txt", TERM.as_bytes())]);
    let root = dir.path();
    std::os::unix::fs::symlink("../docs", root.join("docs/self")).unwrap();
    std::os::unix::fs::symlink("b.txt", root.join("a-loop.txt")).unwrap();
    std::os::unix::fs::symlink("a-loop.txt", root.join("b.txt")).unwrap();
    let walked = check_csv(root, &["docs"], EXACT, b"");
    assert_eq!(walked.code, 1, "{}", walked.stderr);
    assert_eq!(positions(&walked.stdout), vec![(1, 1, TERM.to_string())]);
    let looping = check_csv(root, &["a-loop.txt", "docs/a.txt"], EXACT, b"");
    assert_eq!(looping.code, 2);
    assert!(
        looping.stderr.contains("a-loop.txt:"),
        "the looping path is named: {}",
        looping.stderr
    );
    assert_eq!(positions(&looping.stdout).len(), 1);
}

#[test]
fn file_names_that_are_not_utf8_are_checked_and_shown_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"draft-\xFF.txt");
    std::fs::write(dir.path().join(name), TERM).unwrap();
    let run = check_csv(dir.path(), &["."], EXACT, b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].file, "draft-\u{FFFD}.txt");
}

#[test]
fn unreadable_files_and_directories_are_errors_and_the_rest_is_checked() {
    use std::os::unix::fs::PermissionsExt;
    let Some(mut cmd) = unprivileged_termcheck() else {
        panic!("running as root without a working setpriv: cannot drop privileges");
    };
    let dir = scratch(&[
        ("docs/locked.txt", TERM.as_bytes()),
        ("docs/open.txt", TERM.as_bytes()),
        ("docs/private/inner.txt", TERM.as_bytes()),
    ]);
    let mode = |path: &str, bits| {
        std::fs::set_permissions(dir.path().join(path), std::fs::Permissions::from_mode(bits))
            .unwrap()
    };
    mode("", 0o755);
    mode("docs", 0o755);
    mode("docs/open.txt", 0o644);
    mode("docs/locked.txt", 0o000);
    mode("docs/private", 0o000);
    let out = cmd
        .args(["check", "--format", "csv", "docs"])
        .args(EXACT)
        .current_dir(dir.path())
        .output()
        .unwrap();
    mode("docs/private", 0o755); // so that the temporary directory can be removed
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("docs/locked.txt: Permission denied"),
        "{stderr}"
    );
    assert!(stderr.contains("docs/private"), "{stderr}");
    let rows = parse_csv(&stdout);
    let files: Vec<&str> = rows.iter().map(|r| r.file.as_str()).collect();
    assert_eq!(files, vec!["docs/open.txt"]);
}

#[test]
fn a_directory_given_as_glossary_is_a_clear_error() {
    let dir = scratch(&[("terms/g.csv", b"id,preferred\nx,A\n"), ("t.txt", b"text")]);
    let run = run_bounded(dir.path(), &["check", "t.txt", "-g", "terms"], b"", LIMIT);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("terms: is a directory; --glossary takes a glossary file"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn a_report_into_a_missing_directory_is_refused_before_checking() {
    let dir = scratch(&[("t.txt", TERM.as_bytes())]);
    let run = run_bounded(
        dir.path(),
        &["check", "t.txt", "-o", "no/such/dir/report.csv"],
        b"",
        LIMIT,
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim(),
        "termcheck: error: cannot write the report to no/such/dir/report.csv: the directory no/such/dir does not exist"
    );
    assert!(run.stdout.is_empty(), "nothing checked: {}", run.stdout);
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let text = format!("{TERM}\n").repeat(50_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_termcheck"))
        .args(["check", "-", "--format", "csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let mut head = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    // stdout is dropped here: the reader went away, like `| head -c 64`.
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.is_empty(),
        "no error or panic on a closed pipe: {stderr}"
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "the findings still decide the exit code"
    );
}
