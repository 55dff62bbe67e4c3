//! `--format html` read as text: self-contained, everything escaped, every finding in the static
//! table (so it reads with JavaScript off), the rendering distribution charted. The browser test
//! is tests/report_html_browser.rs.

mod common;

use common::{parse_csv, scratch, termcheck, termcheck_in};

#[test]
fn the_samples_page_is_self_contained_and_lists_every_finding() {
    let run = termcheck(&["check", "samples/", "--format", "html"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let page = &run.stdout;
    assert!(page.starts_with("<!DOCTYPE html>\n"));
    assert!(page.trim_end().ends_with("</html>"));
    for external in [
        " src=", " href=", "<link", "@import", "url(", "http://", "https://",
    ] {
        assert!(!page.contains(external), "the page refers to {external:?}");
    }
    let csv = parse_csv(&termcheck(&["check", "samples/", "--format", "csv"]).stdout);
    assert_eq!(page.matches("<tr class=\"finding ").count(), csv.len());
    for row in &csv {
        assert!(
            page.contains(&format!("{}:{}:{}</td>", row.file, row.line, row.column)),
            "{row:?}"
        );
    }
    assert!(page.contains("<mark>Shanghai Federaton of Trade Unions</mark>"));
    // Per file, per rule, and the distribution of every concept's renderings.
    assert!(page.contains("<td class=\"mono\">samples/training-course.txt</td>"));
    assert!(page.contains("<code>garbled-term</code> <span class=\"muted\">Garbled term</span>"));
    assert!(page.contains("id=\"consistency\""));
    assert!(page.contains("class=\"bar preferred\""));
    assert!(page.contains("class=\"bar forbidden\""));
    // The filter controls are hidden until the script shows them.
    assert!(page.contains("<div id=\"controls\" hidden>"));
}

#[test]
fn text_from_files_and_glossaries_is_escaped() {
    let glossary = "id,preferred,forbidden,note\n\
                    x,Workercn,CAMCE,\"<script>alert(1)</script> & <img src=x onerror=alert(2)>\"\n";
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        (
            "<b>&'\".txt",
            "A <i>CAMCE</i> & \"CAMCE\" site.\n".as_bytes(),
        ),
    ]);
    let run = termcheck_in(
        dir.path(),
        &["check", "<b>&'\".txt", "-g", "g.csv", "--format", "html"],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let page = &run.stdout;
    assert_eq!(
        page.matches("<script>").count(),
        1,
        "only the page's own script"
    );
    assert!(!page.contains("<img"));
    assert!(!page.contains("<i>") && !page.contains("<b>"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x"));
    assert!(page.contains("&lt;b&gt;&amp;&#39;&quot;.txt:1:6</td>"));
    assert!(page.contains("A &lt;i&gt;<mark>CAMCE</mark>&lt;/i&gt; &amp; &quot;CAMCE&quot; site."));
}

#[test]
fn a_clean_run_says_so() {
    let run = termcheck(&[
        "check",
        "samples/clean-award-ceremony.txt",
        "--format",
        "html",
    ]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("<p>No findings.</p>"));
    assert!(!run.stdout.contains("<table id=\"findings-table\""));
}

/// The page keeps every occurrence for its chart; that must not change which findings it lists.
#[test]
fn charting_occurrences_changes_no_finding() {
    for info in termcheck::rules::RULES {
        let args = ["check", "samples/", "--select", info.id, "--format"];
        let csv = parse_csv(&termcheck(&[&args[..], &["csv"]].concat()).stdout);
        let page = termcheck(&[&args[..], &["html"]].concat()).stdout;
        assert_eq!(
            page.matches("<tr class=\"finding ").count(),
            csv.len(),
            "{}",
            info.id
        );
    }
}
