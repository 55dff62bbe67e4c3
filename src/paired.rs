//! Two line-aligned plain files, a source and its translation, as segments: line N of one is
//! the translation of line N of the other.
//!
//! This is the simplest bilingual input, enough for `termcheck check --source-file` and
//! `termcheck score`; the format readers (XLIFF, TMX, PO, TSV, JSON Lines) produce the same
//! [`Segment`]s, so the rules and scores run unchanged on them.

use std::path::Path;

use crate::bilingual_rules::{SegmentBatch, SourceRules};
use crate::check::{sort_findings, Checker};
use crate::error::FileError;
use crate::fuzzy::WordCache;
use crate::glossary::decode_error;
use crate::input::decode::decode_all;
use crate::location::LocationTracker;
use crate::rules::Rule;
use crate::run::FileReport;
use crate::segment::check_segments;
use crate::segment::{MappedText, Segment};

/// The lines of a file, each with where it starts; a final line ending adds no empty line.
fn lines_of(path: &Path) -> Result<Vec<MappedText>, FileError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| FileError::new(&name, e.to_string()))?;
    let (text, detected) = decode_all(&bytes).map_err(|e| decode_error(&name, &bytes, &e))?;
    let mut tracker = LocationTracker::new(detected.encoding, detected.bom_len as u64);
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while !rest.is_empty() {
        let (line, ending) = match rest.find('\n') {
            Some(i) => (&rest[..i], &rest[i..=i]),
            None => (rest, ""),
        };
        let content = line.strip_suffix('\r').unwrap_or(line);
        out.push(MappedText::verbatim(content, tracker.clone()));
        tracker.advance(line);
        tracker.advance(ending);
        rest = &rest[line.len() + ending.len()..];
    }
    Ok(out)
}

/// Reads `target` and its line-aligned `source` as segments, the unit of each its 1-based
/// line number. Files with different numbers of lines are an error: the alignment is lost.
pub fn read_paired(source: &Path, target: &Path) -> Result<Vec<Segment>, FileError> {
    let sources = lines_of(source)?;
    let targets = lines_of(target)?;
    if sources.len() != targets.len() {
        return Err(FileError::new(
            target.display().to_string(),
            format!(
                "has {} lines but its source {} has {}: the files must be line-aligned",
                targets.len(),
                source.display(),
                sources.len()
            ),
        ));
    }
    Ok(sources
        .into_iter()
        .zip(targets)
        .enumerate()
        .map(|(i, (s, t))| Segment {
            index: i,
            unit: Some((i + 1).to_string()),
            location: t.start(),
            source: Some(s),
            target: Some(t),
        })
        .collect())
}

/// Reads the lines of a file (a reference aligned with a target).
pub fn read_lines(path: &Path) -> Result<Vec<String>, FileError> {
    Ok(lines_of(path)?
        .iter()
        .map(|m| m.text().to_string())
        .collect())
}

/// Checks `target` line by line against its line-aligned `source`: the English rules on each
/// target line, the source-aware rules of `rules` on each pair, `inconsistent-segment` over
/// the file, findings positioned in the target file. `name` is how reports name the file.
pub fn check_paired(
    checker: &Checker<'_>,
    rules: &SourceRules<'_>,
    source: &Path,
    target: &Path,
    name: &str,
) -> Result<FileReport, FileError> {
    let segments = read_paired(source, target)?;
    let mut batch = SegmentBatch::default();
    for s in &segments {
        batch.record(name, s);
    }
    let mut words = WordCache::default();
    let mut doc = check_segments(
        checker,
        segments.into_iter().map(Ok),
        &mut words,
        &mut |segment, findings| rules.visit_segment(segment, findings),
    )
    .map_err(|e| e.in_file(name))?;
    if checker.rules().contains(Rule::InconsistentSegment) {
        doc.findings
            .extend(batch.findings().into_iter().map(|(_, f)| f));
        sort_findings(&mut doc.findings);
    }
    Ok(FileReport {
        path: name.to_string(),
        findings: doc.findings,
        occurrences: doc.occurrences,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_map_to_their_place_in_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let (s, t) = (dir.path().join("a.zh"), dir.path().join("a.en"));
        std::fs::write(&s, "工会\r\n劳模\r\n").unwrap();
        std::fs::write(&t, "\u{feff}The union\r\nA model worker").unwrap();
        let segments = read_paired(&s, &t).unwrap();
        assert_eq!(segments.len(), 2);
        let target = segments[1].target.as_ref().unwrap();
        assert_eq!(target.text(), "A model worker");
        let l = target.location(2);
        assert_eq!((l.line, l.column, l.byte_offset), (2, 3, 3 + 11 + 2));
        assert_eq!(segments[0].source.as_ref().unwrap().text(), "工会");
        std::fs::write(&t, "one line").unwrap();
        assert!(read_paired(&s, &t)
            .unwrap_err()
            .to_string()
            .contains("line-aligned"));
    }
}
