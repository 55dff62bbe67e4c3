//! Helpers shared by the integration tests: run the built binary, write scratch files.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use termcheck::report::csv::ReportRow;

/// What a run of the binary produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `termcheck ARGS` in `dir`, feeding `stdin`.
pub fn termcheck_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = command(dir, args)
        .stdin(Stdio::piped())
        .spawn()
        .expect("termcheck runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin)
        .expect("stdin written");
    run_of(child.wait_with_output().expect("termcheck finishes"))
}

/// `termcheck ARGS` in `dir`, its output captured.
fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_termcheck"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn run_of(out: std::process::Output) -> Run {
    Run {
        code: out.status.code().expect("exited normally, not by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs `termcheck ARGS` in the repository root.
pub fn termcheck(args: &[&str]) -> Run {
    termcheck_in(&repo_root(), args, b"")
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Writes `files` (relative path, bytes) into a fresh temporary directory.
pub fn scratch(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

/// Parses a CSV report strictly: the header must be the contract, rows must fit [`ReportRow`].
#[track_caller]
pub fn parse_csv(report: &str) -> Vec<ReportRow> {
    let mut reader = csv::Reader::from_reader(report.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("CSV header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(header, termcheck::report::csv::COLUMNS, "CSV header");
    reader
        .deserialize()
        .collect::<Result<Vec<ReportRow>, _>>()
        .expect("every row parses")
}

/// (rule, found, expected) of every finding of `check` with the CSV glossary `glossary` on the
/// plain text `text`, in report order.
#[track_caller]
pub fn check_findings(glossary: &str, text: &str) -> Vec<(String, String, String)> {
    let dir = scratch(&[("g.csv", glossary.as_bytes()), ("t.txt", text.as_bytes())]);
    let run = termcheck_in(
        dir.path(),
        &["check", "-g", "g.csv", "t.txt", "--format", "csv"],
        b"",
    );
    assert_ne!(run.code, 2, "{}", run.stderr);
    parse_csv(&run.stdout)
        .into_iter()
        .map(|r| (r.rule, r.found, r.expected))
        .collect()
}

/// A small glossary used by tests that should not depend on the bundled one.
pub const TEST_GLOSSARY: &str = "\
id,source,preferred,admitted,deprecated,forbidden,case,note
shanghai-ftu,上海市总工会,Shanghai Federation of Trade Unions,,Shanghai Trade Union,Municipal General Assembly,,Official name
workercn,中工网,Workercn,,,China Industrial Network|CAMCE,,Site name
acftu-abbr,全总,ACFTU,,,Acftu,sensitive,
";

/// A text report with the run's duration (the one thing that varies) replaced by `TIME`.
pub fn untimed(report: &str) -> String {
    report
        .lines()
        .map(|l| {
            match l
                .strip_prefix("Checked ")
                .and_then(|r| r.split_once(" in "))
            {
                Some((files, t)) if t.ends_with("s.") => format!("Checked {files} in TIME."),
                _ => l.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The command that runs termcheck so that file permissions apply: as is for an ordinary user;
/// for root (whom permissions do not stop), as `nobody` through util-linux's `setpriv`.
pub fn unprivileged_termcheck() -> Option<Command> {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if !root {
        return Some(Command::new(env!("CARGO_BIN_EXE_termcheck")));
    }
    let mut cmd = Command::new("setpriv");
    cmd.args([
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        env!("CARGO_BIN_EXE_termcheck"),
    ]);
    let works = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        .status()
        .is_ok_and(|s| s.success());
    works.then_some(cmd)
}

/// What a bounded run produced. Output is kept as bytes: some cases print lossy file names.
pub struct Bounded {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// How long the run took.
    pub elapsed: std::time::Duration,
}

/// Runs `termcheck ARGS` in `dir` with `stdin`, failing the test if it runs past `limit` or dies
/// by a signal (a panic exits 101, which the callers' exit-code checks reject).
#[track_caller]
pub fn run_bounded(
    dir: &std::path::Path,
    args: &[&str],
    stdin: &[u8],
    limit: std::time::Duration,
) -> Bounded {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_termcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("termcheck runs");
    let input = stdin.to_vec();
    let mut child_stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        // A process that exits before reading all of its input closes the pipe: not an error.
        let _ = std::io::Write::write_all(&mut child_stdin, &input);
    });
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let stdout = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut buf).map(|_| buf)
    });
    let stderr = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut buf).map(|_| buf)
    });
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("termcheck {args:?} hung: still running after {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let elapsed = started.elapsed();
    feeder.join().unwrap();
    let stdout = stdout.join().unwrap().expect("stdout read");
    let stderr = stderr.join().unwrap().expect("stderr read");
    let stderr = String::from_utf8_lossy(&stderr).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "termcheck {args:?} panicked:\n{stderr}"
    );
    Bounded {
        code: status.code().expect("exited normally, not by a signal"),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr,
        elapsed,
    }
}

/// The shared test data named by `TERMCHECK_SHARED` (relative to the repository), if set. Set
/// but missing is a failure, not a skip: CI sets it and must not pass without the data.
pub fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("TERMCHECK_SHARED")?;
    let dir = repo_root().join(dir);
    assert!(
        dir.is_dir(),
        "TERMCHECK_SHARED={} is not a directory",
        dir.display()
    );
    Some(dir)
}

/// Runs `termcheck ARGS` in `dir` with `bytes` written once into the named pipe `pipe` (made
/// there): the run fails the test if it is still going after a minute, as it would be if it
/// opened the pipe a second time (a second open waits for a writer that never comes).
#[cfg(unix)]
pub fn termcheck_with_pipe(dir: &Path, pipe: &str, bytes: &'static [u8], args: &[&str]) -> Run {
    use std::time::{Duration, Instant};

    let fifo = dir.join(pipe);
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", fifo.display());
    let mut child = command(dir, args).spawn().expect("termcheck runs");
    // Left behind if termcheck never opens the pipe: the test fails anyway.
    let writer = std::thread::spawn(move || {
        let mut pipe = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
        pipe.write_all(bytes).unwrap();
    });
    let started = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().expect("killed");
            panic!("termcheck {args:?} still runs after a minute: it waits on the pipe");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    writer.join().expect("the pipe was written");
    run_of(child.wait_with_output().expect("finished"))
}

/// The findings of the source rules alone on one segment (no English rule), whole.
pub fn source_rule_findings(
    glossary: &str,
    source: &str,
    target: &str,
) -> Vec<termcheck::finding::Finding> {
    use termcheck::bilingual_rules::SourceRules;
    use termcheck::glossary::Glossary;
    use termcheck::matcher::TermMatcher;
    use termcheck::rules::RuleSet;
    use termcheck::zh::source_terms::SourceTermMatcher;
    let glossary = Glossary::from_csv_text(glossary, "g.csv").expect("glossary");
    let matcher = TermMatcher::new(&glossary);
    let source_terms = SourceTermMatcher::new(&glossary);
    let rules = SourceRules::new(&glossary, &matcher, &source_terms, RuleSet::all());
    let mut findings = Vec::new();
    rules.check_segment(source, target, &mut findings);
    findings
}
