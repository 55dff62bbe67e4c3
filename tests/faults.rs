//! Faults while writing: a full disk (a file-size limit, `/dev/full`), permission denied, and
//! SIGINT/SIGTERM/SIGKILL in the middle of a multi-file `fix`. Whatever happens, every file is
//! either its old content or its new one, whole, with its mode; no temporary file is left
//! (except after SIGKILL, which nothing can catch: then only `.termcheck-*` files); and what
//! `fix` says it fixed is exactly what changed on disk. Method: docs/reliability.md.

mod common;

use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use common::{scratch, unprivileged_termcheck, TEST_GLOSSARY};

const OLD: &str = "The Municipal General Assembly met.\n";
const NEW: &str = "The Shanghai Federation of Trade Unions met.\n";

fn termcheck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_termcheck"));
    cmd.env("NO_COLOR", "1");
    cmd
}

/// `termcheck ARGS` with writes past `bytes` failing (RLIMIT_FSIZE through util-linux prlimit).
fn size_limited(bytes: u64) -> Command {
    let mut cmd = Command::new("prlimit");
    cmd.arg(format!("--fsize={bytes}"))
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_termcheck"))
        .env("NO_COLOR", "1");
    cmd
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Names of the temporary files termcheck left anywhere under `dir`.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else if name.starts_with(".termcheck") || name.starts_with(".tmp") {
                found.push(name);
            }
        }
    }
    found
}

/// The files whose fix `fix` reported (`FILE:LINE:COL: fixed …` on stderr).
fn reported_fixed(stderr: &str) -> BTreeSet<String> {
    stderr
        .lines()
        .filter_map(|l| {
            let (file, rest) = l.split_once(':')?;
            rest.contains(": fixed ").then(|| file.to_string())
        })
        .collect()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn set_mode(path: &Path, bits: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(bits)).unwrap();
}

#[test]
fn past_a_file_size_limit_the_big_file_stays_whole_and_the_others_are_fixed() {
    // The padding puts big.txt past the limit; the others are far below it.
    let big_old = format!("{}{OLD}", "padding line\n".repeat(20_000));
    let big_new = format!("{}{NEW}", "padding line\n".repeat(20_000));
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("a.txt", OLD.as_bytes()),
        ("big.txt", big_old.as_bytes()),
        ("c.txt", OLD.as_bytes()),
    ]);
    let out = size_limited(100_000)
        .args(["fix", "-g", "g.csv", "-j", "1", "a.txt", "big.txt", "c.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(read("a.txt"), NEW);
    assert_eq!(read("c.txt"), NEW, "a failed file does not stop the next");
    assert_eq!(read("big.txt"), big_old, "never truncated, never half new");
    assert_ne!(big_old, big_new);
    assert!(
        err.contains("cannot write big.txt: File too large") && err.contains("it is unchanged"),
        "{err}"
    );
    assert!(
        err.contains("big.txt:20001:5: not fixed (unchanged) forbidden-term"),
        "{err}"
    );
    assert!(
        err.contains("Fixed 2 findings in 2 files")
            && err.contains("Not written (1 file, each unchanged): big.txt"),
        "{err}"
    );
    assert_eq!(
        reported_fixed(&err),
        ["a.txt", "c.txt"].map(String::from).into()
    );
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_report_past_a_file_size_limit_keeps_the_old_report() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("a.txt", OLD.repeat(2_000).as_bytes()),
        ("report.csv", b"the old report\n"),
    ]);
    for format in ["csv", "json", "sarif", "text"] {
        let out = size_limited(4_096)
            .args(["check", "-g", "g.csv", "a.txt", "-o", "report.csv"])
            .args(["--format", format])
            .current_dir(dir.path())
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{format}: {err}");
        assert!(
            err.contains("cannot write the report to report.csv: File too large"),
            "{format}: {err}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("report.csv")).unwrap(),
            "the old report\n",
            "{format}"
        );
        assert_eq!(leftovers(dir.path()), Vec::<String>::new(), "{format}");
    }
    // The baseline is written the same way.
    let out = size_limited(100)
        .args(["check", "-g", "g.csv", "a.txt", "--write-baseline", "b.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!dir.path().join("b.txt").exists());
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_report_to_a_full_device_is_an_error() {
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("a.txt", OLD.as_bytes()),
    ]);
    for format in ["csv", "json", "text"] {
        let out = termcheck()
            .args(["check", "-g", "g.csv", "a.txt", "-o", "/dev/full"])
            .args(["--format", format])
            .current_dir(dir.path())
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{format}: {err}");
        assert!(
            err.contains("cannot write the report to /dev/full: No space left on device"),
            "{format}: {err}"
        );
        // Standard output on a full device: the same error.
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = termcheck()
            .args(["check", "-g", "g.csv", "a.txt", "--format", format])
            .current_dir(dir.path())
            .stdout(Stdio::from(full))
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{format}: {err}");
        assert!(err.contains("No space left on device"), "{format}: {err}");
    }
    // `fix -` writes the fixed text to standard output.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let mut child = termcheck()
        .args(["fix", "-g", "g.csv", "-"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::from(full))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(OLD.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("No space left on device"), "{err}");
}

#[test]
fn a_read_only_file_or_directory_is_left_alone_and_the_rest_is_fixed() {
    let Some(mut cmd) = unprivileged_termcheck() else {
        panic!("running as root without a working setpriv: cannot drop privileges");
    };
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("open.txt", OLD.as_bytes()),
        ("private.txt", OLD.as_bytes()),
        ("read-only.txt", OLD.as_bytes()),
        ("locked/inner.txt", OLD.as_bytes()),
    ]);
    let root = dir.path();
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if is_root {
        // Everything belongs to `nobody`, who runs termcheck: only the modes stop it.
        for p in [
            "",
            "g.csv",
            "open.txt",
            "private.txt",
            "read-only.txt",
            "locked",
        ] {
            std::os::unix::fs::chown(root.join(p), Some(65534), Some(65534)).unwrap();
        }
        std::os::unix::fs::chown(root.join("locked/inner.txt"), Some(65534), Some(65534)).unwrap();
    }
    set_mode(root, 0o755);
    set_mode(&root.join("open.txt"), 0o644);
    set_mode(&root.join("private.txt"), 0o600);
    set_mode(&root.join("read-only.txt"), 0o444);
    set_mode(&root.join("locked/inner.txt"), 0o644);
    set_mode(&root.join("locked"), 0o555);
    let out = cmd
        .args(["fix", "-g", "g.csv", "-j", "1"])
        .args([
            "locked/inner.txt",
            "open.txt",
            "private.txt",
            "read-only.txt",
        ])
        .current_dir(root)
        .output()
        .unwrap();
    set_mode(&root.join("locked"), 0o755);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let read = |name: &str| std::fs::read_to_string(root.join(name)).unwrap();
    assert_eq!(read("open.txt"), NEW);
    assert_eq!(read("private.txt"), NEW);
    assert_eq!(read("read-only.txt"), OLD);
    assert_eq!(read("locked/inner.txt"), OLD);
    assert_eq!(mode(&root.join("open.txt")), 0o644);
    assert_eq!(mode(&root.join("private.txt")), 0o600, "the mode is kept");
    assert_eq!(mode(&root.join("read-only.txt")), 0o444);
    for name in ["read-only.txt", "locked/inner.txt"] {
        assert!(
            err.contains(&format!("cannot write {name}: Permission denied")),
            "{err}"
        );
    }
    assert_eq!(
        reported_fixed(&err),
        ["open.txt", "private.txt"].map(String::from).into()
    );
    assert!(
        err.contains("Not written (2 files, each unchanged): locked/inner.txt, read-only.txt"),
        "{err}"
    );
    if is_root {
        use std::os::unix::fs::MetadataExt;
        let owner = std::fs::metadata(root.join("private.txt")).unwrap().uid();
        assert_eq!(owner, 65534, "the owner is kept");
    }
    assert_eq!(leftovers(root), Vec::<String>::new());
}

const FILES: usize = 300;

/// A directory of `FILES` files to fix, each with the mode 0640.
fn many_files() -> tempfile::TempDir {
    let dir = scratch(&[("g.csv", TEST_GLOSSARY.as_bytes())]);
    for i in 0..FILES {
        let path = dir.path().join(format!("docs/f{i:03}.txt"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, OLD).unwrap();
        set_mode(&path, 0o640);
    }
    dir
}

/// Runs termcheck with `args` in `dir`, sends it `signal` (`INT`, `TERM`, `KILL`) after
/// `delay`, and returns how it ended and its standard error, which must hold no panic.
fn signalled(args: &[&str], dir: &Path, signal: &str, delay: Duration) -> (Output, String) {
    let child = termcheck()
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    let _ = Command::new("kill")
        .args([format!("-{signal}"), child.id().to_string()])
        .status();
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    (out, err)
}

/// Runs `fix` over [`many_files`], sends `signal` after `delay`, and checks that every file is
/// old or new and that the files said to be fixed are exactly the new ones. Returns whether
/// the signal came while files were being replaced.
fn interrupt_fix(signal: &str, delay: Duration) -> bool {
    let dir = many_files();
    let (out, err) = signalled(&["fix", "-g", "g.csv", "docs"], dir.path(), signal, delay);
    let mut new = BTreeSet::new();
    for i in 0..FILES {
        let name = format!("docs/f{i:03}.txt");
        let path = dir.path().join(&name);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text == OLD || text == NEW,
            "{signal} after {delay:?}: {name} is neither old nor new: {text:?}"
        );
        assert_eq!(mode(&path), 0o640, "{signal} after {delay:?}: {name}");
        if text == NEW {
            new.insert(name);
        }
    }
    let left = leftovers(dir.path());
    if signal == "KILL" {
        // Nothing can catch SIGKILL: at most the one file being written, clearly named.
        assert!(left.len() <= 1, "{left:?}");
        assert!(
            left.iter().all(|n| n.starts_with(".termcheck-fix")),
            "{left:?}"
        );
        return !new.is_empty() && new.len() < FILES;
    }
    assert_eq!(left, Vec::<String>::new(), "{signal} after {delay:?}");
    let in_writes = match out.status.code() {
        // Interrupted while replacing files: the summary says what changed.
        Some(130 | 143) => {
            assert!(err.contains("termcheck: interrupted by SIG"), "{err}");
            assert_eq!(reported_fixed(&err), new, "{signal} after {delay:?}");
            true
        }
        // Finished before the signal.
        Some(0) => {
            assert_eq!(new.len(), FILES);
            false
        }
        // Ended by the default disposition, before any file was replaced.
        None => {
            assert!(new.is_empty(), "{signal} after {delay:?}: {new:?}");
            false
        }
        Some(code) => panic!("{signal} after {delay:?}: exit {code}: {err}"),
    };
    in_writes
}

#[test]
fn sigint_and_sigterm_during_fix_leave_every_file_whole_and_say_what_changed() {
    let mut caught = 0;
    for signal in ["INT", "TERM"] {
        for ms in [10, 60, 150, 300, 600, 1_200] {
            caught += usize::from(interrupt_fix(signal, Duration::from_millis(ms)));
        }
    }
    // The delays are chosen so that some signals land while files are replaced; on a much
    // faster or slower machine they may all miss, which the file checks above still cover.
    eprintln!("{caught} of 12 signals arrived while files were replaced");
}

#[test]
fn sigkill_during_fix_leaves_every_file_whole() {
    for ms in [50, 200, 500, 1_000] {
        interrupt_fix("KILL", Duration::from_millis(ms));
    }
}

/// Runs `check` with a report of some megabytes to `-o report.json` (which holds an old
/// report), sends `signal` after `delay`, and checks that the report is the old one or the
/// whole new one and that no temporary file is left. Returns whether the signal came while
/// the report was being written.
fn interrupt_report(signal: &str, delay: Duration) -> bool {
    const OLD_REPORT: &str = "{\"old\": true}\n";
    let text = OLD.repeat(40_000);
    let dir = scratch(&[
        ("g.csv", TEST_GLOSSARY.as_bytes()),
        ("draft.txt", text.as_bytes()),
        ("report.json", OLD_REPORT.as_bytes()),
    ]);
    let args = ["check", "-g", "g.csv", "draft.txt", "--format", "json"];
    let (out, err) = signalled(
        &[&args[..], &["-o", "report.json"]].concat(),
        dir.path(),
        signal,
        delay,
    );
    let report = std::fs::read_to_string(dir.path().join("report.json")).unwrap();
    assert_eq!(
        leftovers(dir.path()),
        Vec::<String>::new(),
        "{signal} after {delay:?}"
    );
    match out.status.code() {
        // Interrupted while writing: the old report stays.
        Some(130 | 143) => {
            assert!(err.contains("interrupted by SIG"), "{err}");
            assert!(err.contains("report.json was not written"), "{err}");
            assert_eq!(report, OLD_REPORT, "{signal} after {delay:?}");
            true
        }
        // Finished before the signal: the whole new report.
        Some(1) => {
            let parsed: serde_json::Value = serde_json::from_str(&report).unwrap();
            assert_eq!(parsed["findings"].as_array().unwrap().len(), 40_000);
            false
        }
        // Ended by the default disposition: before the report was started, or after it was
        // written whole (the handler is removed then, and the run may still be printing its
        // summary on a busy machine).
        None => {
            if report != OLD_REPORT {
                let parsed: serde_json::Value = serde_json::from_str(&report)
                    .unwrap_or_else(|e| panic!("{signal} after {delay:?}: {e}: {report:.200}"));
                assert_eq!(parsed["findings"].as_array().unwrap().len(), 40_000);
            }
            false
        }
        Some(code) => panic!("{signal} after {delay:?}: exit {code}: {err}"),
    }
}

#[test]
fn sigint_and_sigterm_while_a_report_is_written_keep_the_old_report_whole() {
    let mut caught = 0;
    for signal in ["INT", "TERM"] {
        for ms in [20, 100, 250, 500, 900, 1_500] {
            caught += usize::from(interrupt_report(signal, Duration::from_millis(ms)));
        }
    }
    // As for `fix`: on a much faster or slower machine every signal may miss the write; the
    // checks of the report and the leftovers above still hold.
    eprintln!("{caught} of 12 signals arrived while the report was written");
}
