//! Line-aligned plain files: the references and per-line term dictionaries of
//! `termcheck score` (the translations and their sources are read by
//! [`crate::formats`]' paired reader, as `termcheck check` reads them).

use std::path::Path;

use crate::error::FileError;
use crate::glossary::decode_error;
use crate::input::decode::decode_all;
use crate::location::LocationTracker;
use crate::segment::MappedText;

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

/// Reads the lines of a file (a reference aligned with a target).
pub fn read_lines(path: &Path) -> Result<Vec<String>, FileError> {
    Ok(lines_of(path)?
        .iter()
        .map(|m| m.text().to_string())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_without_their_endings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.en");
        std::fs::write(&path, "\u{feff}The union\r\nA model worker\n\nlast").unwrap();
        let lines = read_lines(&path).unwrap();
        assert_eq!(lines, ["The union", "A model worker", "", "last"]);
        let lines = lines_of(&path).unwrap();
        let l = lines[1].location(2);
        assert_eq!((l.line, l.column, l.byte_offset), (2, 3, 3 + 11 + 2));
    }
}
