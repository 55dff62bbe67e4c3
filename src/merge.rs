//! Merging the reports of shards (`termcheck check --shard K/N`) into the report of one run.
//!
//! An unsharded report lists files in path order, each file's findings together. Shards split
//! the files, never a file, so merging is: cut every report into its header and one chunk of
//! rows per file, check that the headers agree and that no file comes from two reports, then
//! write the header and the chunks in path order. Chunks are copied as bytes, never parsed
//! into rows and written again, so the merged report is byte for byte what one run writes.
//!
//! A format only has to say how to cut its report ([`split`]) and how to join chunks
//! ([`join`]); the checks and the ordering are shared. For the formats being added elsewhere:
//! JSON Lines fits as it is (no head, one line per finding, each with its `file`); the JSON
//! document has a head that differs between shards (`summary` counts, `skipped`, `errors`), so
//! its adapter must sum the summaries and concatenate those lists in path order instead of
//! requiring equal heads, and must write the result with the report writer's own serializer
//! to keep the bytes of an unsharded run.

use crate::error::FileError;

/// A report format that can be merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeFormat {
    /// `--format csv`: a header line, then one record per finding.
    Csv,
    /// `--format json` (not produced by this version yet; refused with a clear error).
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

/// Cuts one report into header, per-file rows and trailer.
pub fn split(name: &str, bytes: &[u8], format: MergeFormat) -> Result<SplitReport, FileError> {
    match format {
        MergeFormat::Csv => split_csv(name, bytes),
        MergeFormat::Json => Err(FileError::new(
            name,
            "JSON reports cannot be merged by this version of termcheck; merge CSV reports",
        )),
    }
}

/// Writes a header, the chunks of rows in order and a trailer as one report.
pub fn join(head: &[u8], chunks: &[&[u8]], tail: &[u8], format: MergeFormat) -> Vec<u8> {
    match format {
        // CSV records end with their terminator, so chunks simply follow each other. (A JSON
        // array would need separators between chunks here.)
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
