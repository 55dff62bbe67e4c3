//! HTML pages: read as markup (tags, comments, scripts and code neither checked nor
//! rewritten), their text with character references decoded, positions in the file; and
//! character references in Markdown prose.

mod common;

use common::{parse_csv, scratch, termcheck_in};

/// A glossary with a case-sensitive unit whose forbidden spelling is an HTML tag name, and
/// two concepts whose banned renderings are two words.
const GLOSSARY: &str = "\
id,source,preferred,admitted,deprecated,forbidden,case
microliter,微升,μL,uL,,ul,sensitive
hyaluronic,透明质酸,hyaluronic acid,,,transparent acid,
gfa,建筑面积,gross floor area,,building area,,
committee,业主委员会,owners' committee,,proprietors' committee,,
";

fn findings(dir: &std::path::Path, args: &[&str]) -> Vec<(String, u64, u64, String)> {
    let mut all = vec!["check", "-g", "g.csv", "--format", "csv"];
    all.extend(args);
    let run = termcheck_in(dir, &all, b"");
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    parse_csv(&run.stdout)
        .into_iter()
        .map(|r| (r.rule, r.line, r.column, r.found))
        .collect()
}

fn row(rule: &str, line: u64, column: u64, found: &str) -> (String, u64, u64, String) {
    (rule.to_string(), line, column, found.to_string())
}

/// Terms in text content behind references and inline tags, and look-alikes in markup.
const PAGE: &str = "<!DOCTYPE html>
<html><head><title>Transparent acid serum</title>
<style>ul { margin: 0 } .building.area {}</style>
<script>const ul = 'building area';</script></head>
<body class=\"building area\">
<ul>
  <li>Transparent&nbsp;acid: 2%</li>
  <li>The <em>building</em> area is 120&nbsp;m&sup2;.</li>
  <li>Ask the proprietors&rsquo; committee or the proprietors&#8217; committee.</li>
</ul>
<!-- building area -->
<p>Run <code>building area</code> first.</p>
<pre>transparent acid</pre>
<table><tr><td>building</td><td>area</td></tr></table>
<img src=\"building-area.png\" alt=\"Building area plan\">
<p translate=\"no\">Proprietors' Committee Ltd</p>
</body></html>
";

#[test]
fn an_html_page_is_read_as_markup() {
    let dir = scratch(&[
        ("g.csv", GLOSSARY.as_bytes()),
        ("page.html", PAGE.as_bytes()),
    ]);
    let expected = vec![
        row("forbidden-term", 2, 20, "Transparent acid"),
        row("forbidden-term", 7, 7, "Transparent\u{A0}acid"),
        row("deprecated-term", 8, 15, "building area"),
        row("deprecated-term", 9, 15, "proprietors’ committee"),
        row("deprecated-term", 9, 51, "proprietors’ committee"),
        row("deprecated-term", 15, 35, "Building area"),
    ];
    assert_eq!(findings(dir.path(), &["page.html"]), expected);
    // The extension decides, else the DOCTYPE, else `--input-format html`.
    let dir = scratch(&[
        ("g.csv", GLOSSARY.as_bytes()),
        ("page.HTM", PAGE.as_bytes()),
        ("page", PAGE.as_bytes()),
        ("page.txt", PAGE.as_bytes()),
    ]);
    assert_eq!(findings(dir.path(), &["page.HTM"]), expected);
    assert_eq!(findings(dir.path(), &["page"]), expected);
    assert_eq!(
        findings(dir.path(), &["--input-format", "html", "page.txt"]),
        expected
    );
    // Read as plain text, the tags are text: the `ul` of `<ul>` is the forbidden "ul".
    let as_text = findings(dir.path(), &["page.txt"]);
    assert!(
        as_text.contains(&row("forbidden-term", 6, 2, "ul")),
        "{as_text:?}"
    );
}

#[test]
fn a_line_break_is_inside_the_text_and_the_page_description_is_checked() {
    let page = "<html><head><meta name=\"description\" content=\"Our building area\">\n\
                <meta name=\"keywords\" content=\"building area\"></head>\n\
                <body><table><tr><td>Total building<br>area</td><td>building</td></tr></table>\n\
                <p>No building<br>\nmaps; area</p></body></html>\n";
    let dir = scratch(&[
        ("g.csv", GLOSSARY.as_bytes()),
        ("page.html", page.as_bytes()),
    ]);
    assert_eq!(
        findings(dir.path(), &["page.html"]),
        vec![
            row("deprecated-term", 1, 51, "building area"),
            row("deprecated-term", 3, 28, "building\narea"),
        ]
    );
    // `fix` rewrites the description, and leaves a term across the tag for a person.
    let run = termcheck_in(dir.path(), &["fix", "-g", "g.csv", "page.html"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let fixed = std::fs::read_to_string(dir.path().join("page.html")).unwrap();
    assert!(
        fixed.contains("content=\"Our gross floor area\""),
        "{fixed}"
    );
    assert!(fixed.contains("Total building<br>area"), "{fixed}");
}

#[test]
fn fix_rewrites_text_content_only_and_keeps_the_file_as_it_was() {
    let page = "\u{FEFF}<ul class=\"building area\">\r\n<li>The building area &amp; <b>building</b> area</li>\r\n\
                <li><code>building area</code> Transparent&nbsp;acid, the proprietors' committee</li></ul>\r\n";
    let dir = scratch(&[("g.csv", GLOSSARY.as_bytes()), ("p.html", page.as_bytes())]);
    let run = termcheck_in(dir.path(), &["fix", "-g", "g.csv", "p.html"], b"");
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let fixed = std::fs::read_to_string(dir.path().join("p.html")).unwrap();
    assert_eq!(
        fixed,
        "\u{FEFF}<ul class=\"building area\">\r\n<li>The gross floor area &amp; <b>building</b> area</li>\r\n\
         <li><code>building area</code> Transparent&nbsp;acid, the owners' committee</li></ul>\r\n"
    );
    // Across an inline tag or a reference, the term is left for a person.
    let said = format!("{}{}", run.stdout, run.stderr);
    assert!(said.contains("crosses markup"), "{said}");
}

#[test]
fn bad_bytes_in_an_html_page_are_an_error_with_a_position() {
    let dir = scratch(&[
        ("g.csv", GLOSSARY.as_bytes()),
        ("bad.html", b"<p>one</p>\n<p>caf\xE9</p>\n"),
        ("ok.html", b"<p>Transparent acid"),
    ]);
    let run = termcheck_in(
        dir.path(),
        &["check", "-g", "g.csv", "bad.html", "ok.html"],
        b"",
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("bad.html:2:7"), "{}", run.stderr);
    // The other file is still checked: an unclosed element is no error.
    assert!(run.stdout.contains("ok.html:1:4"), "{}", run.stdout);
}

#[test]
fn references_in_markdown_prose_are_decoded() {
    let doc = "The proprietors&rsquo; committee met.\n\n\
               The building&nbsp;area is 120&nbsp;m&sup2;; the proprietors&#x2019; committee.\n\n\
               Not in code: `building&nbsp;area`, nor escaped: building\\&nbsp;area.\n\n\
               A look-alike: the building&amp;area and building&nbspx;area.\n";
    let dir = scratch(&[("g.csv", GLOSSARY.as_bytes()), ("doc.md", doc.as_bytes())]);
    assert_eq!(
        findings(dir.path(), &["doc.md"]),
        vec![
            row("deprecated-term", 1, 5, "proprietors&rsquo; committee"),
            row("deprecated-term", 3, 5, "building&nbsp;area"),
            row("deprecated-term", 3, 49, "proprietors&#x2019; committee"),
        ]
    );
    let run = termcheck_in(dir.path(), &["check", "-g", "g.csv", "doc.md"], b"");
    // Messages show the text as read.
    assert!(
        run.stdout
            .contains("\"proprietors’ committee\" is a deprecated"),
        "{}",
        run.stdout
    );
    // `fix` replaces the term and keeps the references around it.
    let run = termcheck_in(dir.path(), &["fix", "-g", "g.csv", "doc.md"], b"");
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let fixed = std::fs::read_to_string(dir.path().join("doc.md")).unwrap();
    assert!(
        fixed.starts_with(
            "The owners' committee met.\n\nThe gross floor area is 120&nbsp;m&sup2;; the owners' committee.\n"
        ),
        "{fixed}"
    );
}

/// Directives in comments and text, over one and several lines, and look-alikes that are
/// markup, script or code.
const SILENCED: &str = "<!DOCTYPE html>
<p>The building area, transparent acid.</p> <!-- termcheck: ignore -->
<!-- termcheck: ignore-next-line deprecated-term -->
<p>The building area, transparent acid.</p>
<!--
  termcheck: ignore-next-line
  (the 1998 letter, quoted)
-->
<p>The building area is 10 \u{3BC}L, 20 \u{3BC}L.</p>
<p>Add 5 uL.</p><!-- termcheck: ignore inconsistent-term because it is quoted -->
<p>The building area. termcheck: ignore</p>
<script>// termcheck: ignore-next-line</script>
<p title=\"termcheck: ignore-next-line\">The building area.</p>
<pre>termcheck: ignore-next-line</pre>
<p>The building area.</p> <code>termcheck: ignore</code>
<!-- termcheck: ignore-next-line garbled-term -->
<p>The building area.</p>
";

#[test]
fn ignore_directives_in_comments_and_text_silence_findings_as_in_markdown() {
    let dir = scratch(&[
        ("g.csv", GLOSSARY.as_bytes()),
        ("page.html", SILENCED.as_bytes()),
    ]);
    let expected = vec![
        // Only the rule the directive names.
        row("forbidden-term", 4, 23, "transparent acid"),
        // Below a script, a tag, a code block and beside code: no directive.
        row("deprecated-term", 13, 44, "building area"),
        row("deprecated-term", 15, 8, "building area"),
        row("deprecated-term", 17, 8, "building area"),
    ];
    assert_eq!(findings(dir.path(), &["page.html"]), expected);
    // Without the directives, every line has its findings.
    let bare = SILENCED.replace("termcheck:", "termcheck-");
    std::fs::write(dir.path().join("page.html"), bare).unwrap();
    let all = findings(dir.path(), &["page.html"]);
    for line in [2, 4, 9, 10, 11] {
        assert!(all.iter().any(|f| f.1 == line), "line {line}: {all:?}");
    }
    assert!(all.iter().any(|f| f.0 == "inconsistent-term" && f.1 == 10));
}

#[test]
fn batch_consistency_and_fix_leave_silenced_findings_alone() {
    let page = "<p>Add 5 uL.</p> <!-- termcheck: ignore -->\n\
                <p>The building area.</p>\n\
                <!-- termcheck: ignore-next-line -->\n\
                <p>The building area, transparent acid.</p>\n";
    let dir = scratch(&[
        ("g.csv", GLOSSARY.as_bytes()),
        ("a.html", b"<p>10 \xCE\xBCL and 20 \xCE\xBCL</p>"),
        ("p.html", page.as_bytes()),
    ]);
    let batch = ["--consistency", "batch", "a.html", "p.html"];
    assert_eq!(
        findings(dir.path(), &batch),
        vec![row("deprecated-term", 2, 8, "building area")]
    );
    let run = termcheck_in(dir.path(), &["fix", "-g", "g.csv", "p.html"], b"");
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let fixed = std::fs::read_to_string(dir.path().join("p.html")).unwrap();
    assert_eq!(fixed, page.replacen("building area", "gross floor area", 1));
}
