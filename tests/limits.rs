//! `--max-file-size` and the `--verbose` memory estimate (docs/reliability.md).

mod common;

use common::{parse_csv, scratch, termcheck_in, TEST_GLOSSARY};

const OLD: &str = "The Municipal General Assembly met.\n";

#[test]
fn a_file_past_the_limit_is_an_error_and_the_others_are_checked() {
    let big = format!("{OLD}{}", "x".repeat(3 << 20));
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("a.txt", OLD.as_bytes()),
        ("big.txt", big.as_bytes()),
    ]);
    let args = ["-g", "g.csv", "--max-file-size", "2M", "a.txt", "big.txt"];
    let run = termcheck_in(
        dir.path(),
        &[&["check", "--format", "csv"][..], &args].concat(),
        b"",
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "big.txt: 3 MiB (3145764 bytes) is larger than --max-file-size 2 MiB (2097152 bytes)"
        ) || run.stderr.contains(
            "big.txt: 3145764 bytes is larger than --max-file-size 2 MiB (2097152 bytes)"
        ),
        "{}",
        run.stderr
    );
    let files: Vec<String> = parse_csv(&run.stdout).into_iter().map(|r| r.file).collect();
    assert_eq!(files, ["a.txt"]);

    let run = termcheck_in(dir.path(), &[&["fix"][..], &args].concat(), b"");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("big.txt: 3145764 bytes is larger than --max-file-size 2 MiB"),
        "{}",
        run.stderr
    );
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(read("big.txt"), big, "not fixed");
    assert_ne!(read("a.txt"), OLD, "the other file is fixed");

    // The default (1 GiB) lets it through; the limit is exact.
    let run = termcheck_in(dir.path(), &["check", "-g", "g.csv", "big.txt"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let run = termcheck_in(
        dir.path(),
        &[
            "check",
            "-g",
            "g.csv",
            "--max-file-size",
            "3145764",
            "big.txt",
        ],
        b"",
    );
    assert_eq!(run.code, 1, "exactly the limit is allowed: {}", run.stderr);
}

#[test]
fn standard_input_stops_at_the_limit() {
    let dir = scratch(&[("g.csv", TEST_GLOSSARY.as_bytes())]);
    let input = OLD.repeat(1_000); // 36,000 bytes
    for command in ["check", "fix"] {
        let run = termcheck_in(
            dir.path(),
            &[command, "-g", "g.csv", "--max-file-size", "16K", "-"],
            input.as_bytes(),
        );
        assert_eq!(run.code, 2, "{command}: {}", run.stderr);
        assert!(
            run.stderr.contains(
                "<stdin>: more than --max-file-size 16 KiB (16384 bytes) read; stopped reading"
            ),
            "{command}: {}",
            run.stderr
        );
        assert!(run.stdout.is_empty() || command == "check", "{command}");
    }
}

#[test]
fn sizes_take_binary_units_and_bad_ones_are_usage_errors() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("a.txt", OLD.as_bytes()),
    ]);
    for ok in ["100M", "2G", "36", "1KiB"] {
        let run = termcheck_in(
            dir.path(),
            &["check", "-g", "g.csv", "--max-file-size", ok, "a.txt"],
            b"",
        );
        assert_eq!(run.code, 1, "{ok}: {}", run.stderr);
    }
    let run = termcheck_in(
        dir.path(),
        &["check", "-g", "g.csv", "--max-file-size", "35", "a.txt"],
        b"",
    );
    assert_eq!(run.code, 2, "36 bytes is past 35: {}", run.stderr);
    for bad in ["10X", "M", "1.5G"] {
        let run = termcheck_in(
            dir.path(),
            &["check", "-g", "g.csv", "--max-file-size", bad, "a.txt"],
            b"",
        );
        assert_eq!(run.code, 2, "{bad}: {}", run.stderr);
        assert!(
            run.stderr.contains("--max-file-size"),
            "{bad}: {}",
            run.stderr
        );
    }
}

#[test]
fn verbose_prints_a_memory_estimate() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("a.txt", OLD.as_bytes()),
    ]);
    let run = termcheck_in(
        dir.path(),
        &[
            "check",
            "-g",
            "g.csv",
            "-j",
            "3",
            "--verbose",
            "--format",
            "csv",
            "a.txt",
        ],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with("termcheck: memory estimate "))
        .unwrap_or_else(|| panic!("no estimate: {}", run.stderr));
    // 3 workers × 7 × (1 MiB + 4 KiB): the block buffers dominate a small run.
    assert!(
        line.contains("+ 3 workers × 7.0 MiB block buffers + 1 finding "),
        "{line}"
    );
    let total: f64 = line["termcheck: memory estimate ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!((21.0..30.0).contains(&total), "{line}");
    assert_eq!(parse_csv(&run.stdout).len(), 1, "the report is unchanged");
    let quiet = termcheck_in(dir.path(), &["check", "-g", "g.csv", "a.txt"], b"");
    assert!(
        !quiet.stderr.contains("memory estimate"),
        "{}",
        quiet.stderr
    );
    let fix = termcheck_in(
        dir.path(),
        &["fix", "-g", "g.csv", "-v", "-j", "1", "a.txt"],
        b"",
    );
    assert!(
        fix.stderr
            .contains("+ 1 worker × 7.0 MiB block buffers + 1 finding "),
        "{}",
        fix.stderr
    );
    assert!(
        fix.stderr.contains("documents held whole"),
        "{}",
        fix.stderr
    );
}
