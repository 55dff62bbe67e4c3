//! A strict RFC 4180 reader for delimited glossary files that keeps the position of every field.
//!
//! The `csv` crate reads an unterminated quote as a field running to the end of the file and
//! has no per-field positions; glossary errors must name line and column, and a malformed
//! glossary must be refused rather than half-read, so glossaries get this small reader.

use crate::error::FileError;
use crate::location::{Location, LocationTracker, TextEncoding};

/// One field as written, unquoted, with the position of its first character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The value, with quotes removed and doubled quotes undone.
    pub value: String,
    /// Where the field starts (its opening quote, if quoted).
    pub location: Location,
}

/// One record: the fields of a line (or of several, when a quoted field holds line breaks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The fields in order.
    pub fields: Vec<Field>,
    /// Where the record starts.
    pub location: Location,
}

/// Splits `text` into records. Lines that are entirely empty are skipped. Errors name `path`.
pub fn read_records(
    text: &str,
    delimiter: char,
    path: &str,
    encoding: TextEncoding,
    header_bytes: u64,
) -> Result<Vec<Record>, FileError> {
    let mut reader = Reader {
        chars: text.chars().peekable(),
        tracker: LocationTracker::new(encoding, header_bytes),
        delimiter,
        path,
    };
    let mut records = Vec::new();
    while reader.chars.peek().is_some() {
        let record = reader.record()?;
        let blank = record.fields.len() == 1 && record.fields[0].value.is_empty();
        if !blank {
            records.push(record);
        }
    }
    Ok(records)
}

struct Reader<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    tracker: LocationTracker,
    delimiter: char,
    path: &'a str,
}

impl Reader<'_> {
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        self.tracker.advance_char(c);
        Some(c)
    }

    /// Reads one record and the line ending after it.
    fn record(&mut self) -> Result<Record, FileError> {
        let location = self.tracker.location();
        let mut fields = Vec::new();
        loop {
            fields.push(self.field()?);
            match self.bump() {
                Some(c) if c == self.delimiter => continue,
                Some('\r') => {
                    if self.chars.peek() == Some(&'\n') {
                        self.bump();
                    }
                    break;
                }
                Some('\n') | None => break,
                Some(_) => unreachable!("field() stops only at a delimiter or line end"),
            }
        }
        Ok(Record { fields, location })
    }

    /// Reads one field, stopping before the delimiter or line ending that ends it.
    fn field(&mut self) -> Result<Field, FileError> {
        let location = self.tracker.location();
        let mut value = String::new();
        if self.chars.peek() == Some(&'"') {
            self.bump();
            loop {
                match self.bump() {
                    None => {
                        return Err(FileError::at(
                            self.path,
                            location,
                            "unterminated quoted field (the quote opened here is never closed)",
                        ))
                    }
                    Some('"') if self.chars.peek() == Some(&'"') => {
                        self.bump();
                        value.push('"');
                    }
                    Some('"') => break,
                    Some(c) => value.push(c),
                }
            }
            match self.chars.peek() {
                None | Some('\r') | Some('\n') => {}
                Some(&c) if c == self.delimiter => {}
                Some(&c) => {
                    return Err(FileError::at(
                        self.path,
                        self.tracker.location(),
                        format!("unexpected {c:?} after a closing quote (expected a delimiter or the end of the line)"),
                    ))
                }
            }
        } else {
            while let Some(&c) = self.chars.peek() {
                if c == self.delimiter || c == '\r' || c == '\n' {
                    break;
                }
                if c == '"' {
                    return Err(FileError::at(
                        self.path,
                        self.tracker.location(),
                        "quote inside an unquoted field (quote the whole field and double the quote: \"a \"\"b\"\"\")",
                    ));
                }
                value.push(c);
                self.bump();
            }
        }
        Ok(Field { value, location })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<Record>, FileError> {
        read_records(text, ',', "g.csv", TextEncoding::Utf8, 0)
    }

    fn values(records: &[Record]) -> Vec<Vec<&str>> {
        records
            .iter()
            .map(|r| r.fields.iter().map(|f| f.value.as_str()).collect())
            .collect()
    }

    #[test]
    fn reads_quoted_fields_with_commas_quotes_and_newlines() {
        let records = read("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nlast,\n").unwrap();
        assert_eq!(
            values(&records),
            vec![
                vec!["a", "b"],
                vec!["x, \"y\"", "two\nlines"],
                vec!["last", ""]
            ]
        );
        let last = &records[2];
        assert_eq!((last.location.line, last.location.column), (5, 1));
        assert_eq!(last.fields[1].location.column, 6);
    }

    #[test]
    fn field_positions_count_characters() {
        let records = read("上海,市总工会\n").unwrap();
        let f = &records[0].fields[1];
        assert_eq!(
            (f.location.line, f.location.column, f.location.byte_offset),
            (1, 4, 7)
        );
    }

    #[test]
    fn unterminated_quote_points_at_the_opening_quote() {
        let err = read("id,preferred\nx,\"never closed\nmore\n").unwrap_err();
        let l = err.location.unwrap();
        assert_eq!((l.line, l.column), (2, 3));
        assert!(err.message.contains("unterminated"), "{}", err.message);
    }

    #[test]
    fn stray_quotes_are_errors_with_positions() {
        let err = read("a,b\"c\n").unwrap_err();
        assert_eq!(err.location.unwrap().column, 4);
        let err = read("\"a\"b,c\n").unwrap_err();
        assert_eq!(err.location.unwrap().column, 4);
    }

    #[test]
    fn reads_tab_separated_text() {
        let records = read_records("a\tb,c\n", '\t', "g.tsv", TextEncoding::Utf8, 0).unwrap();
        assert_eq!(values(&records), vec![vec!["a", "b,c"]]);
    }
}
