//! Merging the reports of shards (`termcheck check --shard K/N`) into the report of one run.
//!
//! An unsharded report lists files in path order, each file's findings together. Shards split
//! the files, never a file, so merging is: cut every report into its header and one chunk of
//! rows per file, check that the headers agree and that no file comes from two reports, then
//! write the header and the chunks in path order. Chunks are copied as bytes, never parsed
//! into rows and written again, so the merged report is byte for byte what one run writes.
//!
//! CSV is cut into its header and chunks of rows ([`split`]) and joined again ([`join`]). The
//! JSON document has parts that differ between shards (the `summary` counts, `skipped`,
//! `errors`): its findings, errors, tool and glossaries are kept as the exact text each report
//! holds (`serde_json`'s raw values), the summaries are summed and the lists put in path order,
//! and the document is written with the report writer's pretty printer, so that its bytes are
//! those of an unsharded run ([`merge_json`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::error::FileError;

/// A report format that can be merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeFormat {
    /// `--format csv`: a header line, then one record per finding.
    Csv,
    /// `--format json`: one document with a summary, the skipped files, the errors and the
    /// findings.
    Json,
}

impl MergeFormat {
    /// The format a report looks like: JSON when it starts with `{` or `[`, CSV otherwise.
    pub fn detect(bytes: &[u8]) -> Self {
        match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{' | b'[') => MergeFormat::Json,
            _ => MergeFormat::Csv,
        }
    }
}

/// One report cut into its parts.
#[derive(Debug, Default)]
pub struct SplitReport {
    /// What comes before the first finding (the CSV header line).
    pub head: Vec<u8>,
    /// The findings of each file, in report order: the file and its rows as written.
    pub files: Vec<(String, Vec<u8>)>,
    /// What comes after the last finding (nothing in CSV).
    pub tail: Vec<u8>,
}

/// Merges `reports` (name as shown in errors, contents) written in `format` into one.
pub fn merge(reports: &[(String, Vec<u8>)], format: MergeFormat) -> Result<Vec<u8>, FileError> {
    let Some((first_name, _)) = reports.first() else {
        return Err(FileError::new("merge", "no report to merge"));
    };
    if format == MergeFormat::Json {
        return merge_json(reports);
    }
    let mut head: Option<Vec<u8>> = None;
    let mut tail = Vec::new();
    // (file, report index, rows)
    let mut chunks: Vec<(String, usize, Vec<u8>)> = Vec::new();
    for (index, (name, bytes)) in reports.iter().enumerate() {
        let split = split(name, bytes, format)?;
        match &head {
            None => {
                head = Some(split.head);
                tail = split.tail;
            }
            Some(h) if *h != split.head || tail != split.tail => {
                return Err(FileError::new(
                    name.as_str(),
                    format!(
                        "its header differs from the one of {first_name}: reports of \
                         different termcheck versions or formats cannot be merged"
                    ),
                ));
            }
            Some(_) => {}
        }
        for (file, rows) in split.files {
            chunks.push((file, index, rows));
        }
    }
    // A stable sort keeps each file's chunks in report order; the check below then finds a
    // file that two reports share next to itself.
    chunks.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    for pair in chunks.windows(2) {
        if pair[0].0 == pair[1].0 && pair[0].1 != pair[1].1 {
            return Err(FileError::new(
                reports[pair[1].1].0.as_str(),
                format!(
                    "it has findings for {}, and so has {}: the reports overlap (the same \
                     shard twice, or shards of different --shard N)",
                    pair[0].0, reports[pair[0].1].0
                ),
            ));
        }
    }
    let head = head.unwrap_or_default();
    let rows: Vec<&[u8]> = chunks.iter().map(|(_, _, rows)| rows.as_slice()).collect();
    Ok(join(&head, &rows, &tail, format))
}

/// Cuts one CSV report into header, per-file rows and trailer.
pub fn split(name: &str, bytes: &[u8], format: MergeFormat) -> Result<SplitReport, FileError> {
    match format {
        MergeFormat::Csv => split_csv(name, bytes),
        MergeFormat::Json => Err(FileError::new(
            name,
            "a JSON report is merged whole (see `merge`), not cut into chunks",
        )),
    }
}

/// Writes a header, the chunks of rows in order and a trailer as one CSV report.
pub fn join(head: &[u8], chunks: &[&[u8]], tail: &[u8], format: MergeFormat) -> Vec<u8> {
    match format {
        // CSV records end with their terminator, so chunks simply follow each other.
        MergeFormat::Csv | MergeFormat::Json => {
            let mut out = Vec::with_capacity(
                head.len() + chunks.iter().map(|c| c.len()).sum::<usize>() + tail.len(),
            );
            out.extend_from_slice(head);
            for chunk in chunks {
                out.extend_from_slice(chunk);
            }
            out.extend_from_slice(tail);
            out
        }
    }
}

/// A JSON report as read for merging: what must agree between shards and what is combined,
/// with every finding and error kept as the text the report holds. An unknown field (a report
/// of another version) is refused.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonReport<'a> {
    schema_version: u32,
    #[serde(borrow)]
    tool: &'a RawValue,
    #[serde(borrow)]
    glossaries: &'a RawValue,
    summary: JsonSummary,
    skipped: Vec<String>,
    #[serde(borrow)]
    errors: Vec<&'a RawValue>,
    #[serde(borrow)]
    findings: Vec<&'a RawValue>,
}

/// The merged document, in the field order of [`crate::report::json::Document`].
#[derive(Serialize)]
struct MergedJson<'a> {
    schema_version: u32,
    tool: &'a RawValue,
    glossaries: &'a RawValue,
    summary: JsonSummary,
    skipped: Vec<String>,
    errors: Vec<&'a RawValue>,
    findings: Vec<&'a RawValue>,
}

/// [`crate::report::json::Summary`], read back: every count sums over shards.
#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
struct JsonSummary {
    files_checked: usize,
    files_with_findings: usize,
    findings: usize,
    by_rule: BTreeMap<String, usize>,
    by_severity: BTreeMap<String, usize>,
    skipped: usize,
    errors: usize,
}

impl JsonSummary {
    fn add(&mut self, other: &JsonSummary) {
        self.files_checked += other.files_checked;
        self.files_with_findings += other.files_with_findings;
        self.findings += other.findings;
        for (totals, counts) in [
            (&mut self.by_rule, &other.by_rule),
            (&mut self.by_severity, &other.by_severity),
        ] {
            for (key, n) in counts {
                *totals.entry(key.clone()).or_default() += n;
            }
        }
        self.skipped += other.skipped;
        self.errors += other.errors;
    }
}

/// The `file` of a finding or an error.
#[derive(Deserialize)]
struct FileOf {
    file: String,
}

/// Merges JSON reports: equal tool, glossaries and schema; summed summaries; skipped files,
/// errors and findings in path order (each file's findings as one report wrote them).
fn merge_json(reports: &[(String, Vec<u8>)]) -> Result<Vec<u8>, FileError> {
    let mut parsed: Vec<JsonReport> = Vec::with_capacity(reports.len());
    for (name, bytes) in reports {
        let report: JsonReport = serde_json::from_slice(bytes).map_err(|e| {
            FileError::new(
                name.as_str(),
                format!("not a JSON report of this termcheck version: {e}"),
            )
        })?;
        if let Some(first) = parsed.first() {
            // The first difference is named, so that the shard at fault is found.
            let differs = if first.schema_version != report.schema_version {
                Some("its report schema differs")
            } else if first.tool.get() != report.tool.get() {
                Some("its termcheck version differs")
            } else if first.glossaries.get() != report.glossaries.get() {
                Some("its glossaries (names, sizes or SHA-256) differ")
            } else {
                None
            };
            if let Some(what) = differs {
                return Err(FileError::new(
                    name.as_str(),
                    format!(
                        "{what} from the first report's ({}): reports of different termcheck \
                         versions or glossaries cannot be merged",
                        reports[0].0
                    ),
                ));
            }
        }
        parsed.push(report);
    }
    let file_of = |name: &str, raw: &RawValue| {
        serde_json::from_str::<FileOf>(raw.get())
            .map(|f| f.file)
            .map_err(|e| FileError::new(name, format!("an entry without its file: {e}")))
    };
    let mut summary = JsonSummary::default();
    let mut skipped: Vec<String> = Vec::new();
    let mut errors: Vec<(String, &RawValue)> = Vec::new();
    // (file, report index, findings of that file in that report)
    let mut chunks: Vec<(String, usize, Vec<&RawValue>)> = Vec::new();
    for (index, report) in parsed.iter().enumerate() {
        let name = reports[index].0.as_str();
        summary.add(&report.summary);
        skipped.extend(report.skipped.iter().cloned());
        for &e in &report.errors {
            errors.push((file_of(name, e)?, e));
        }
        for &f in &report.findings {
            let file = file_of(name, f)?;
            match chunks.last_mut() {
                Some((last, i, found)) if *last == file && *i == index => found.push(f),
                _ => chunks.push((file, index, vec![f])),
            }
        }
    }
    chunks.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    for pair in chunks.windows(2) {
        if pair[0].0 == pair[1].0 {
            let culprit = &reports[pair[1].1.max(pair[0].1)].0;
            let why = if pair[0].1 == pair[1].1 {
                format!("the findings of {} are not together", pair[0].0)
            } else {
                format!(
                    "it has findings for {}, and so has {}: the reports overlap (the same \
                     shard twice, or shards of different --shard N)",
                    pair[0].0,
                    reports[pair[0].1.min(pair[1].1)].0
                )
            };
            return Err(FileError::new(culprit.as_str(), why));
        }
    }
    // The run lists skipped files and errors in path order, as it lists the files.
    skipped.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    errors.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let first = &parsed[0];
    let merged = MergedJson {
        schema_version: first.schema_version,
        tool: first.tool,
        glossaries: first.glossaries,
        summary,
        skipped,
        errors: errors.into_iter().map(|(_, e)| e).collect(),
        findings: chunks.into_iter().flat_map(|(_, _, f)| f).collect(),
    };
    let mut out = serde_json::to_vec_pretty(&merged).expect("raw values and counts serialize");
    out.push(b'\n');
    Ok(out)
}

fn split_csv(name: &str, bytes: &[u8]) -> Result<SplitReport, FileError> {
    let not_csv = |why: String| FileError::new(name, format!("not a termcheck CSV report: {why}"));
    if bytes.is_empty() {
        return Err(not_csv("the file is empty".to_string()));
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(bytes);
    let header = reader
        .byte_headers()
        .map_err(|e| not_csv(e.to_string()))?
        .clone();
    let Some(file_column) = header.iter().position(|h| h == b"file") else {
        return Err(not_csv("its header has no `file` column".to_string()));
    };
    // Each record runs from its own start to the next one's; the last to the end of the file.
    let mut starts: Vec<(usize, String)> = Vec::new();
    let mut record = ::csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(not_csv(e.to_string())),
        }
        let start = record.position().map_or(0, |p| p.byte()) as usize;
        let file = record
            .get(file_column)
            .ok_or_else(|| not_csv(format!("record at byte {start} has no `file` field")))?;
        let file = String::from_utf8(file.to_vec())
            .map_err(|_| not_csv(format!("record at byte {start} is not UTF-8")))?;
        starts.push((start, file));
    }
    let mut split = SplitReport {
        head: bytes[..starts.first().map_or(bytes.len(), |s| s.0)].to_vec(),
        ..SplitReport::default()
    };
    for (i, (start, file)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(bytes.len(), |s| s.0);
        match split.files.last_mut() {
            Some((last, rows)) if last == file => rows.extend_from_slice(&bytes[*start..end]),
            _ => split
                .files
                .push((file.clone(), bytes[*start..end].to_vec())),
        }
    }
    // A file's rows are together in a report that termcheck wrote; if they are not, the
    // merged report could not keep their order.
    let mut seen: Vec<&str> = split.files.iter().map(|(f, _)| f.as_str()).collect();
    seen.sort_unstable();
    if let Some(w) = seen.windows(2).find(|w| w[0] == w[1]) {
        return Err(not_csv(format!(
            "the findings of {} are not together",
            w[0]
        )));
    }
    Ok(split)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "file,line,rule\n";

    fn report(rows: &[&str]) -> Vec<u8> {
        let mut s = HEAD.to_string();
        for r in rows {
            s.push_str(r);
            s.push('\n');
        }
        s.into_bytes()
    }

    fn named(reports: &[Vec<u8>]) -> Vec<(String, Vec<u8>)> {
        reports
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("r{i}.csv"), r.clone()))
            .collect()
    }

    #[test]
    fn rows_come_back_in_path_order_as_written() {
        let a = report(&["b.txt,1,x", "b.txt,9,y", "d.txt,2,x"]);
        let b = report(&["\"a, with comma.txt\",3,\"multi\nline\"", "c.txt,1,x"]);
        let empty = report(&[]);
        let merged = merge(&named(&[a, empty, b]), MergeFormat::Csv).unwrap();
        assert_eq!(
            String::from_utf8(merged).unwrap(),
            String::from_utf8(report(&[
                "\"a, with comma.txt\",3,\"multi\nline\"",
                "b.txt,1,x",
                "b.txt,9,y",
                "c.txt,1,x",
                "d.txt,2,x"
            ]))
            .unwrap()
        );
    }

    #[test]
    fn refuses_overlaps_other_headers_and_non_reports() {
        let a = report(&["b.txt,1,x"]);
        let err = merge(&named(&[a.clone(), a.clone()]), MergeFormat::Csv).unwrap_err();
        assert!(err.message.contains("overlap"), "{err}");
        let other = b"file,line\nb.txt,1\n".to_vec();
        let err = merge(&named(&[a.clone(), other]), MergeFormat::Csv).unwrap_err();
        assert!(err.message.contains("header"), "{err}");
        let err = merge(&named(&[b"name,x\n".to_vec()]), MergeFormat::Csv).unwrap_err();
        assert!(err.message.contains("no `file` column"), "{err}");
        let err = merge(&named(&[Vec::new()]), MergeFormat::Csv).unwrap_err();
        assert!(err.message.contains("empty"), "{err}");
        let split = report(&["b.txt,1,x", "c.txt,1,x", "b.txt,2,x"]);
        let err = merge(&named(&[split]), MergeFormat::Csv).unwrap_err();
        assert!(err.message.contains("not together"), "{err}");
        assert!(merge(&[], MergeFormat::Csv).is_err());
    }

    #[test]
    fn detects_the_format_from_the_content() {
        assert_eq!(MergeFormat::detect(b"file,line\n"), MergeFormat::Csv);
        assert_eq!(MergeFormat::detect(b"  [\n{}]"), MergeFormat::Json);
        assert_eq!(MergeFormat::detect(b"{\"findings\":[]}"), MergeFormat::Json);
        let err = merge(&named(&[b"[]".to_vec()]), MergeFormat::Json).unwrap_err();
        assert!(err.message.contains("JSON"), "{err}");
    }
}
