//! The HTML report in a real headless Chromium: the script runs without errors, sorts and
//! filters the table, the page reads with JavaScript off, and a screenshot lands in
//! `target/html-report.png` for a person to look at.
//!
//! Runs when `TERMCHECK_CHROMIUM` names a Chromium binary (`.ci/run` sets it after
//! `.ci/install-chromium`); fails if it is set to a missing file; otherwise is skipped with a
//! note.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{repo_root, termcheck};

/// The browser to use, or `None` (with a note) when the test is not asked for.
fn chromium() -> Option<PathBuf> {
    match std::env::var_os("TERMCHECK_CHROMIUM") {
        None => {
            eprintln!(
                "note: TERMCHECK_CHROMIUM is not set; skipping the headless-browser test of the \
                 HTML report (see .ci/install-chromium)"
            );
            None
        }
        Some(path) => {
            let path = PathBuf::from(path);
            assert!(
                path.is_file(),
                "TERMCHECK_CHROMIUM={} does not exist; install it with .ci/install-chromium",
                path.display()
            );
            Some(path)
        }
    }
}

/// Standard output and error of a headless Chromium run on `url` with `extra` flags.
fn run_chromium(browser: &Path, profile: &Path, extra: &[&str], url: &str) -> (String, String) {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap_or_default());
    let err = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let started = Instant::now();
    loop {
        if child.try_wait().expect("chromium runs").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    (out.join().unwrap(), err.join().unwrap())
}

#[track_caller]
fn assert_no_script_errors(stderr: &str) {
    // The page logs nothing to the console, so any console line (an uncaught exception is one)
    // is a failure.
    for line in stderr.lines() {
        assert!(
            !(line.contains("Uncaught") || line.contains(":CONSOLE")),
            "script error or console output in the page: {line}"
        );
    }
}

/// How many findings `termcheck check samples/` reports, counted in its CSV report: the HTML
/// page must hold each of them.
fn sample_findings() -> usize {
    let run = termcheck(&["check", "samples/", "--format", "csv"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let mut report = csv::Reader::from_reader(run.stdout.as_bytes());
    let records = report.records().collect::<Result<Vec<_>, _>>();
    records.expect("the CSV report reads").len()
}

fn visible_rows(dom: &str) -> usize {
    dom.split("<tr class=\"finding ")
        .skip(1)
        .filter(|row| !row[..row.find('>').unwrap()].contains(" hidden"))
        .count()
}

#[test]
fn the_html_report_works_in_a_headless_browser() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let run = termcheck(&[
        "check",
        "samples/",
        "--format",
        "html",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let findings = sample_findings();
    assert!(findings > 1, "the sample has findings to sort and filter");
    let url = format!("file://{}", page.display());
    let profile = dir.path().join("profile");

    // With JavaScript: the script marks the page ready and shows the controls.
    let (dom, log) = run_chromium(&browser, &profile, &["--dump-dom"], &url);
    assert_no_script_errors(&log);
    assert!(dom.contains("data-ready=\"true\""), "the script ran: {dom}");
    assert_eq!(dom.matches("<tr class=\"finding ").count(), findings);
    assert_eq!(visible_rows(&dom), findings);
    assert!(dom.contains("<div id=\"controls\">"), "controls shown");
    assert!(dom.contains(&format!("{findings} of {findings} shown")));
    assert!(dom.contains("<th data-key=\"rule\"><button type=\"button\">Rule</button></th>"));

    // The filter, given in the address: only the Douyin findings stay visible.
    let (dom, log) = run_chromium(
        &browser,
        &profile,
        &["--dump-dom"],
        &format!("{url}#q=Douyin"),
    );
    assert_no_script_errors(&log);
    let shown = visible_rows(&dom);
    assert!((1..findings).contains(&shown), "{shown} rows shown");
    assert!(dom.contains(&format!("{shown} of {findings} shown")));

    // An order, given in the address: least severe first, so the infos lead.
    let (dom, log) = run_chromium(
        &browser,
        &profile,
        &["--dump-dom"],
        &format!("{url}#sort=-rank"),
    );
    assert_no_script_errors(&log);
    let first = dom.split("<tr class=\"finding ").nth(1).unwrap();
    assert!(first.starts_with("info\""), "{}", &first[..80]);
    assert!(dom.contains("<th data-key=\"rank\" data-numeric=\"\" aria-sort=\"descending\">"));

    // Without JavaScript: every finding is still there, the controls stay hidden. (Chromium's
    // --dump-dom itself needs scripting, so the page's one script is cut out instead.)
    let html = std::fs::read_to_string(&page).unwrap();
    let (before, rest) = html
        .split_once("<script>")
        .expect("the page has its script");
    let (_, after) = rest.split_once("</script>").unwrap();
    let static_page = dir.path().join("static.html");
    std::fs::write(&static_page, format!("{before}{after}")).unwrap();
    let (dom, log) = run_chromium(
        &browser,
        &profile,
        &["--dump-dom"],
        &format!("file://{}", static_page.display()),
    );
    assert_no_script_errors(&log);
    assert!(!dom.contains("data-ready"), "no script ran");
    assert_eq!(visible_rows(&dom), findings);
    assert!(dom.contains("<div id=\"controls\" hidden=\"\">"));

    // A screenshot for a person to look at.
    let shot = repo_root().join("target/html-report.png");
    let _ = std::fs::remove_file(&shot);
    let (_, log) = run_chromium(
        &browser,
        &profile,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000",
            "--hide-scrollbars",
        ],
        &url,
    );
    assert_no_script_errors(&log);
    let png = std::fs::read(&shot).expect("a screenshot was written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000);
    eprintln!("screenshot of the HTML report: {}", shot.display());
}
