//! The HTML report: one self-contained page (inline CSS and JavaScript, no fonts, images or
//! scripts from anywhere else) for a person reviewing a run.
//!
//! It reads fine with JavaScript off: every finding is in a plain table, every chart is CSS.
//! With JavaScript the table can be sorted and filtered, and `<html data-ready="true">` tells
//! tests that the script ran. Every piece of text from a file or glossary is escaped.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::consistency::DistributionRow;
use crate::finding::{Finding, Severity};
use crate::rules::RULES;
use crate::run::RunReport;

use super::json::Tool;
use super::{Counts, ReportOptions};

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn severity_rank(s: Severity) -> u8 {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

const STYLE: &str = r#"
:root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#fff; --soft:#f6f8fa;
  --error:#cf222e; --warning:#9a6700; --info:#0969da; --ok:#1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; border-bottom: 1px solid var(--line); padding-bottom: 12px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta, .muted { color: var(--muted); }
.meta { margin: 0; font-size: 13px; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0 4px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 130px; background: var(--soft); }
.card .n { font-size: 26px; font-weight: 600; display: block; }
.card.error .n { color: var(--error); } .card.warning .n { color: var(--warning); } .card.info .n { color: var(--info); }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
@media (max-width: 900px) { .columns { grid-template-columns: 1fr; } }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; font-size: 13px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.excerpt { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px;
  background: var(--soft); border-radius: 4px; padding: 4px 6px; white-space: pre-wrap; word-break: break-word; }
mark { background: #ffd8b5; color: inherit; border-bottom: 2px solid var(--error); padding: 0 1px; }
tr.warning mark { background: #fff1b8; border-bottom-color: var(--warning); }
tr.info mark { background: #ddf4ff; border-bottom-color: var(--info); }
.message { margin-top: 4px; }
.note { color: var(--muted); font-size: 13px; margin-top: 2px; }
.suggestion { color: var(--ok); font-weight: 600; }
#findings td.where, #findings td.rule { white-space: nowrap; }
#findings th { white-space: nowrap; }
#controls { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 8px 0 12px; }
#controls input, #controls select { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; }
#controls input { min-width: 280px; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th button::after { content: " \2195"; color: var(--muted); }
th[aria-sort=ascending] button::after { content: " \2191"; }
th[aria-sort=descending] button::after { content: " \2193"; }
.concept { margin-bottom: 14px; }
.bar-row { display: grid; grid-template-columns: minmax(180px, 32%) 1fr 48px; gap: 8px; align-items: center; font-size: 13px; }
.bar-track { background: var(--soft); border-radius: 3px; height: 14px; }
.bar { height: 14px; border-radius: 3px; min-width: 2px; }
.bar.preferred { background: var(--ok); } .bar.admitted { background: #2da44e99; }
.bar.deprecated { background: var(--warning); } .bar.forbidden { background: var(--error); }
.bar.garbled { background: #8250df; }
.legend span { margin-right: 12px; font-size: 13px; }
details summary { cursor: pointer; color: var(--muted); margin: 12px 0; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; }
footer { color: var(--muted); font-size: 12px; padding-top: 24px; padding-bottom: 32px; }
"#;

const SCRIPT: &str = r#"
(function () {
  var table = document.getElementById("findings-table");
  var controls = document.getElementById("controls");
  if (!table || !controls) { document.documentElement.setAttribute("data-ready", "true"); return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var text = document.getElementById("filter-text");
  var severity = document.getElementById("filter-severity");
  var rule = document.getElementById("filter-rule");
  var shown = document.getElementById("shown");
  function apply() {
    var needle = text.value.toLowerCase();
    var n = 0;
    rows.forEach(function (row) {
      var ok = (!severity.value || row.getAttribute("data-severity") === severity.value) &&
        (!rule.value || row.getAttribute("data-rule") === rule.value) &&
        (!needle || row.textContent.toLowerCase().indexOf(needle) !== -1);
      row.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = n + " of " + rows.length + " shown";
  }
  function sortBy(th, ascending) {
    var key = th.getAttribute("data-key");
    var numeric = th.hasAttribute("data-numeric");
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = a.getAttribute("data-" + key), y = b.getAttribute("data-" + key);
      var c = numeric ? Number(x) - Number(y) : (x < y ? -1 : x > y ? 1 : 0);
      if (c === 0) { c = Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order")); }
      return ascending ? c : -c;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    if (!th.hasAttribute("data-key")) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      sortBy(th, th.getAttribute("aria-sort") !== "ascending");
    });
  });
  [text, severity, rule].forEach(function (input) { input.addEventListener("input", apply); });
  // A link can carry a filter and an order: report.html#q=CAMCE&sort=-rank shows the findings
  // mentioning CAMCE, least severe first ("-" sorts descending).
  window.location.hash.replace(/^#/, "").split("&").forEach(function (part) {
    var eq = part.indexOf("=");
    if (eq < 0) { return; }
    var name = part.slice(0, eq), value = decodeURIComponent(part.slice(eq + 1));
    if (name === "q") { text.value = value; }
    if (name === "sort") {
      var descending = value.charAt(0) === "-";
      var key = descending ? value.slice(1) : value;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
        if (th.getAttribute("data-key") === key) { sortBy(th, !descending); }
      });
    }
  });
  controls.hidden = false;
  apply();
  document.documentElement.setAttribute("data-ready", "true");
})();
"#;

/// The excerpt line with the finding's span in `<mark>`, escaped.
fn highlighted_excerpt(f: &Finding) -> String {
    let chars: Vec<char> = f.excerpt.text.chars().collect();
    let start = f.excerpt.highlight_start.min(chars.len());
    let end = (start + f.excerpt.highlight_width).min(chars.len());
    let part = |r: std::ops::Range<usize>| escape(&chars[r].iter().collect::<String>());
    format!(
        "{}<mark>{}</mark>{}",
        part(0..start),
        part(start..end),
        part(end..chars.len())
    )
}

fn card(out: &mut String, class: &str, n: usize, label: &str) {
    let _ = write!(
        out,
        "<div class=\"card {class}\"><span class=\"n\">{n}</span>{}</div>",
        escape(label)
    );
}

fn summary(out: &mut String, run: &RunReport) {
    let counts = Counts::of(run);
    out.push_str("<section id=\"summary\" aria-label=\"Summary\"><div class=\"cards\">");
    card(out, "", run.files.len(), "files checked");
    card(out, "", counts.total, "findings");
    for (s, n) in &counts.by_severity {
        let label = match s {
            Severity::Error => "errors",
            Severity::Warning => "warnings",
            Severity::Info => "infos",
        };
        card(out, s.as_str(), *n, label);
    }
    out.push_str("</div>");
    if !run.skipped.is_empty() || !run.errors.is_empty() {
        out.push_str("<p>");
        if !run.errors.is_empty() {
            let _ = write!(
                out,
                "<strong>{} with input errors:</strong> ",
                match run.errors.len() {
                    1 => "1 file".to_string(),
                    n => format!("{n} files"),
                }
            );
            let list: Vec<String> = run.errors.iter().map(|e| escape(&e.to_string())).collect();
            out.push_str(&list.join("; "));
            out.push_str(". ");
        }
        if !run.skipped.is_empty() {
            let list: Vec<String> = run.skipped.iter().map(|s| escape(s)).collect();
            let _ = write!(out, "Skipped as binary: {}.", list.join(", "));
        }
        out.push_str("</p>");
    }
    out.push_str("<div class=\"columns\"><div><h2 id=\"by-rule\">By rule</h2><table><thead><tr><th>Rule</th><th>Severity</th><th class=\"num\">Findings</th></tr></thead><tbody>");
    for (info, (_, n)) in RULES.iter().zip(&counts.by_rule) {
        let _ = write!(
            out,
            "<tr><td><code>{}</code> <span class=\"muted\">{}</span></td><td><span class=\"badge {sev}\">{sev}</span></td><td class=\"num\">{n}</td></tr>",
            escape(info.id),
            escape(info.title),
            sev = info.severity.as_str()
        );
    }
    out.push_str("</tbody></table></div><div><h2 id=\"by-file\">By file</h2><table><thead><tr><th>File</th><th class=\"num\">Errors</th><th class=\"num\">Warnings</th><th class=\"num\">Infos</th><th class=\"num\">Total</th></tr></thead><tbody>");
    let mut clean = 0;
    for file in &run.files {
        if file.findings.is_empty() {
            clean += 1;
            continue;
        }
        let mut by_severity = [0usize; 3];
        for f in &file.findings {
            by_severity[f.severity as usize] += 1;
        }
        let n = |s: Severity| by_severity[s as usize];
        let _ = write!(
            out,
            "<tr><td class=\"mono\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&file.path),
            n(Severity::Error),
            n(Severity::Warning),
            n(Severity::Info),
            file.findings.len()
        );
    }
    out.push_str("</tbody></table>");
    if clean > 0 {
        let _ = write!(
            out,
            "<p class=\"muted\">{clean} {} without findings.</p>",
            if clean == 1 { "file" } else { "files" }
        );
    }
    out.push_str("</div></div></section>");
}

/// The findings table, one row per finding; the page so far is written to `sink` whenever it
/// passes 64 KiB, so that the page is never whole in memory.
fn findings_table(out: &mut String, run: &RunReport, sink: &mut dyn Write) -> io::Result<()> {
    out.push_str("<section id=\"findings\" aria-label=\"Findings\"><h2>Findings</h2>");
    if run.findings_count() == 0 {
        out.push_str("<p>No findings.</p></section>");
        return Ok(());
    }
    out.push_str(
        "<div id=\"controls\" hidden><input id=\"filter-text\" type=\"search\" \
         placeholder=\"Filter: file, text, concept…\" aria-label=\"Filter findings\">\
         <select id=\"filter-severity\" aria-label=\"Severity\"><option value=\"\">All severities</option>\
         <option value=\"error\">error</option><option value=\"warning\">warning</option>\
         <option value=\"info\">info</option></select>\
         <select id=\"filter-rule\" aria-label=\"Rule\"><option value=\"\">All rules</option>",
    );
    for r in RULES {
        let _ = write!(out, "<option value=\"{0}\">{0}</option>", escape(r.id));
    }
    out.push_str("</select><span id=\"shown\" class=\"muted\"></span></div>");
    out.push_str(
        "<table id=\"findings-table\"><thead><tr>\
         <th data-key=\"rank\" data-numeric>Severity</th><th data-key=\"rule\">Rule</th>\
         <th data-key=\"order\" data-numeric>Where</th><th>Found, in its line</th>\
         <th data-key=\"expected\">Suggestion</th></tr></thead><tbody>",
    );
    for (order, (path, f)) in run.findings().enumerate() {
        let f = &*f;
        let sev = f.severity.as_str();
        let _ = write!(
            out,
            "<tr class=\"finding {sev}\" data-order=\"{order}\" data-rank=\"{}\" data-severity=\"{sev}\" data-rule=\"{}\" data-expected=\"{}\">",
            severity_rank(f.severity),
            escape(f.rule.id()),
            escape(&f.expected)
        );
        let _ = write!(
            out,
            "<td><span class=\"badge {sev}\">{sev}</span></td><td class=\"rule\"><code>{}</code></td><td class=\"where mono\">{}:{}:{}</td>",
            escape(f.rule.id()),
            escape(path),
            f.start.line,
            f.start.column
        );
        let _ = write!(
            out,
            "<td><div class=\"excerpt\">{}</div><div class=\"message\">{}</div>",
            highlighted_excerpt(f),
            escape(&f.message)
        );
        if !f.note.is_empty() {
            let _ = write!(out, "<div class=\"note\">Note: {}</div>", escape(&f.note));
        }
        let _ = write!(
            out,
            "</td><td><span class=\"suggestion\">{}</span><div class=\"note\">concept <code>{}</code>",
            escape(&f.expected),
            escape(&f.concept)
        );
        if let Some(score) = f.score {
            let _ = write!(out, "; similarity {score:.2}");
        }
        out.push_str("</div></td></tr>");
        if out.len() >= 1 << 16 {
            sink.write_all(out.as_bytes())?;
            out.clear();
        }
    }
    out.push_str("</tbody></table></section>");
    Ok(())
}

fn distribution_chart(out: &mut String, rows: Option<&[DistributionRow]>) {
    out.push_str("<section id=\"consistency\" aria-label=\"Renderings per concept\"><h2>Renderings per concept</h2>");
    let Some(rows) = rows else {
        out.push_str("<p class=\"muted\">Not collected for this run.</p></section>");
        return;
    };
    if rows.is_empty() {
        out.push_str("<p>No glossary term occurs in the files checked.</p></section>");
        return;
    }
    out.push_str("<p class=\"legend\">");
    for status in [
        "preferred",
        "admitted",
        "deprecated",
        "forbidden",
        "garbled",
    ] {
        let _ = write!(out, "<span><i class=\"bar {status}\"></i>{status}</span>");
    }
    out.push_str("</p>");
    // Concepts written more than one way first: that is where consistency is decided. Those
    // written one way only are folded away (a <details>, which needs no script).
    let mut groups: Vec<&[DistributionRow]> = Vec::new();
    let mut start = 0;
    while start < rows.len() {
        let concept = &rows[start].concept;
        let len = rows[start..]
            .iter()
            .take_while(|r| &r.concept == concept)
            .count();
        groups.push(&rows[start..start + len]);
        start += len;
    }
    let (several, single): (Vec<_>, Vec<_>) = groups.into_iter().partition(|g| g.len() > 1);
    if several.is_empty() {
        out.push_str("<p>Every concept found is written one way only.</p>");
    }
    for group in &several {
        concept_chart(out, group);
    }
    if !single.is_empty() {
        let _ = write!(
            out,
            "<details><summary>{} {} written one way only</summary>",
            single.len(),
            if single.len() == 1 {
                "concept"
            } else {
                "concepts"
            }
        );
        for group in &single {
            concept_chart(out, group);
        }
        out.push_str("</details>");
    }
    out.push_str("</section>");
}

fn concept_chart(out: &mut String, group: &[DistributionRow]) {
    let total: usize = group.iter().map(|r| r.count).sum();
    let _ = write!(
        out,
        "<div class=\"concept\"><h3><code>{}</code> <span class=\"muted\">{} {}</span></h3>",
        escape(&group[0].concept),
        total,
        if total == 1 {
            "occurrence"
        } else {
            "occurrences"
        }
    );
    for r in group {
        let percent = r.count as f64 * 100.0 / total.max(1) as f64;
        let _ = write!(
            out,
            "<div class=\"bar-row\" title=\"{files}\"><span>{rendering} <span class=\"muted\">({status})</span></span>\
             <span class=\"bar-track\"><span class=\"bar {status}\" style=\"display:block;width:{percent:.1}%\"></span></span>\
             <span class=\"num\">{count}</span></div>",
            files = escape(&r.files.replace('|', ", ")),
            rendering = escape(&r.rendering),
            status = escape(&r.status),
            count = r.count
        );
    }
    out.push_str("</div>");
}

/// Writes the page.
pub fn write(run: &RunReport, options: ReportOptions<'_>, out: &mut dyn Write) -> io::Result<()> {
    let tool = Tool::this();
    let mut page = String::new();
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str("<title>termcheck report</title>\n<style>");
    page.push_str(STYLE);
    page.push_str("</style>\n</head>\n<body>\n<header><h1>termcheck report</h1><p class=\"meta\">");
    let _ = write!(page, "{} {}", tool.name, escape(tool.version));
    if let Some(glossary) = options.glossary {
        let names: Vec<String> = glossary
            .files
            .iter()
            .map(|g| {
                format!(
                    "<span title=\"SHA-256 {}\">{}</span> ({} concepts)",
                    escape(&g.sha256),
                    escape(&g.name),
                    g.concepts
                )
            })
            .collect();
        let _ = write!(page, " · glossaries: {}", names.join(", "));
    }
    page.push_str("</p></header>\n<main>\n");
    summary(&mut page, run);
    page.push('\n');
    findings_table(&mut page, run, out)?;
    page.push('\n');
    distribution_chart(&mut page, options.distribution);
    page.push_str("\n</main>\n<footer>Generated by termcheck. Self-contained: this page loads nothing from the network.</footer>\n<script>");
    page.push_str(SCRIPT);
    page.push_str("</script>\n</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
