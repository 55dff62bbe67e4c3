//! Glossary rows in CSV or TSV: columns, renderings lists, per-row validation.

use super::table::{read_records, Field, Record};
use super::{CaseMode, Concept, Rendering, Status};
use crate::error::FileError;
use crate::input::decode::DetectedEncoding;

/// The columns a glossary may have. Header names are matched case-insensitively.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Id,
    Source,
    Preferred,
    Admitted,
    Deprecated,
    Forbidden,
    Case,
    Note,
    /// `x-allow`: accepted exceptions, never reported.
    Allow,
    /// `x-…` columns belong to the user; they are kept out of the way.
    Extension,
}

impl Column {
    fn from_header(name: &str) -> Option<Column> {
        let name = name.trim().to_ascii_lowercase();
        Some(match name.as_str() {
            "id" => Column::Id,
            "source" => Column::Source,
            // `target` is the two-column `source,target` form of the preferred rendering.
            "preferred" | "target" => Column::Preferred,
            "admitted" => Column::Admitted,
            "deprecated" => Column::Deprecated,
            "forbidden" => Column::Forbidden,
            "case" => Column::Case,
            "note" => Column::Note,
            "x-allow" => Column::Allow,
            _ if name.starts_with("x-") => Column::Extension,
            _ => return None,
        })
    }
}

const KNOWN_COLUMNS: &str = "id, source, preferred, admitted, deprecated, forbidden, case, note";

/// Parses glossary text into concepts, checking everything that concerns one row at a time.
pub(super) fn parse_glossary(
    text: &str,
    path: &str,
    delimiter: char,
    detected: DetectedEncoding,
) -> Result<Vec<Concept>, Vec<FileError>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let records = read_records(
        text,
        delimiter,
        path,
        detected.encoding,
        detected.bom_len as u64,
    )
    .map_err(|e| vec![e])?;
    let Some((header, rows)) = records.split_first() else {
        return Err(vec![FileError::new(
            path,
            format!("empty glossary: a header row is required (columns: {KNOWN_COLUMNS})"),
        )]);
    };
    let columns = read_header(header, path)?;
    let mut errors = Vec::new();
    let mut concepts = Vec::with_capacity(rows.len());
    for row in rows {
        match concept_from_row(row, &columns, header.fields.len(), path) {
            Ok(c) => concepts.push(c),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(concepts)
    } else {
        Err(errors)
    }
}

fn read_header(header: &Record, path: &str) -> Result<Vec<Column>, Vec<FileError>> {
    let mut errors = Vec::new();
    let mut columns = Vec::with_capacity(header.fields.len());
    for field in &header.fields {
        match Column::from_header(&field.value) {
            Some(c) => {
                if c != Column::Extension && columns.contains(&c) {
                    errors.push(FileError::at(
                        path,
                        field.location,
                        format!(
                            "column {:?} appears twice in the header",
                            field.value.trim()
                        ),
                    ));
                }
                columns.push(c);
            }
            None => {
                errors.push(FileError::at(
                    path,
                    field.location,
                    format!(
                        "unknown column {:?} (known: {KNOWN_COLUMNS}; name your own columns x-…)",
                        field.value.trim()
                    ),
                ));
                columns.push(Column::Extension);
            }
        }
    }
    if !columns.contains(&Column::Preferred) {
        errors.push(FileError::at(
            path,
            header.location,
            "the header has no `preferred` column (or `target`, in a source,target glossary)",
        ));
    }
    if errors.is_empty() {
        Ok(columns)
    } else {
        Err(errors)
    }
}

fn concept_from_row(
    row: &Record,
    columns: &[Column],
    header_len: usize,
    path: &str,
) -> Result<Concept, Vec<FileError>> {
    if row.fields.len() != header_len {
        return Err(vec![FileError::at(
            path,
            row.location,
            format!(
                "row has {} fields but the header has {header_len}",
                row.fields.len()
            ),
        )]);
    }
    let mut errors = Vec::new();
    let field = |wanted: Column| -> Option<&Field> {
        columns
            .iter()
            .position(|&c| c == wanted)
            .map(|i| &row.fields[i])
    };
    let mut list = |wanted: Column, name: &str| -> (Vec<String>, Option<&Field>) {
        let Some(f) = field(wanted) else {
            return (Vec::new(), None);
        };
        match split_renderings(&f.value) {
            Ok(items) => (items, Some(f)),
            Err(message) => {
                errors.push(FileError::at(
                    path,
                    f.location,
                    format!("{name}: {message}"),
                ));
                (Vec::new(), Some(f))
            }
        }
    };
    let (source, _) = list(Column::Source, "source");
    let (preferred, preferred_field) = list(Column::Preferred, "preferred");
    let (admitted, admitted_field) = list(Column::Admitted, "admitted");
    let (deprecated, deprecated_field) = list(Column::Deprecated, "deprecated");
    let (forbidden, forbidden_field) = list(Column::Forbidden, "forbidden");
    let (allowed, _) = list(Column::Allow, "x-allow");

    let preferred_field = preferred_field.expect("header has a preferred column");
    if preferred.len() > 1 {
        errors.push(FileError::at(
            path,
            preferred_field.location,
            "preferred: more than one rendering; list the others under `admitted`",
        ));
    }
    let preferred_missing = preferred.is_empty();
    if preferred_missing
        && !errors
            .iter()
            .any(|e| e.location == Some(preferred_field.location))
    {
        errors.push(FileError::at(
            path,
            preferred_field.location,
            "missing preferred rendering",
        ));
    }

    let case = match field(Column::Case) {
        None => CaseMode::Insensitive,
        Some(f) => match f.value.trim().to_ascii_lowercase().as_str() {
            "" | "insensitive" => CaseMode::Insensitive,
            "sensitive" => CaseMode::Sensitive,
            "name" => CaseMode::Name,
            other => {
                errors.push(FileError::at(
                    path,
                    f.location,
                    format!("case: {other:?} is not `insensitive`, `sensitive` or `name`"),
                ));
                CaseMode::Insensitive
            }
        },
    };
    let id = match field(Column::Id).map(|f| f.value.trim()) {
        Some(id) if !id.is_empty() => id.to_string(),
        _ => format!("row-{}", row.location.line),
    };
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut renderings = Vec::new();
    let groups = [
        (preferred, Status::Preferred, Some(preferred_field)),
        (admitted, Status::Admitted, admitted_field),
        (deprecated, Status::Deprecated, deprecated_field),
        (forbidden, Status::Forbidden, forbidden_field),
    ];
    for (items, status, field) in groups {
        for text in items {
            renderings.push(Rendering {
                text,
                status,
                location: field.expect("items come from a field").location,
            });
        }
    }
    Ok(Concept {
        id,
        source,
        renderings,
        case,
        note: field(Column::Note)
            .map(|f| f.value.trim().to_string())
            .unwrap_or_default(),
        allowed,
        file: path.to_string(),
        location: row.location,
    })
}

/// Splits a `|`-separated list; `\|` is a literal bar. An empty field is an empty list; an
/// empty item inside a list is an error.
fn split_renderings(value: &str) -> Result<Vec<String>, String> {
    if value.trim().is_empty() {
        return Ok(Vec::new());
    }
    let mut items = Vec::new();
    let mut current = String::new();
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                current.push('|');
            }
            '|' => items.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    items.push(current);
    let items: Vec<String> = items.into_iter().map(|s| s.trim().to_string()).collect();
    if let Some(i) = items.iter().position(|s| s.is_empty()) {
        return Err(format!(
            "empty rendering (item {} of {:?}); remove the extra `|`",
            i + 1,
            value
        ));
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lists_with_escaped_bars() {
        assert_eq!(split_renderings(" a | b\\|c ").unwrap(), vec!["a", "b|c"]);
        assert_eq!(split_renderings("").unwrap(), Vec::<String>::new());
        assert!(split_renderings("a||b").is_err());
        assert!(split_renderings("a|").is_err());
    }
}
