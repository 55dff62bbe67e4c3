//! Line-oriented bilingual files: TSV/CSV with source and target columns, and two plain files
//! aligned line by line.
//!
//! Tables: the header row names the columns (`source` and `target`, case-insensitive, or the
//! names given with `--source-column`/`--target-column`); a 1-based number selects a column
//! by position and then the first row is data unless it names the columns. An `id` column,
//! when there is one, gives the unit id; otherwise it is the row's line number. CSV fields may
//! be quoted (RFC 4180: `""` is a quote); TSV fields are taken as written. Every row has as
//! many fields as the header (or, without one, the first row): a row with more or fewer (a
//! tab or comma in a field's text, a tab left out) cannot say which field is the target, so it
//! is not checked, and the file is an input error that names it, after its other rows are
//! checked. An empty target field is an empty target, at that field. A table without the
//! default source column, or whose source column is its target column, is English alone: its
//! target is checked without a source.
//!
//! Paired files: line *n* of the source file is the source of line *n* of the target file;
//! the unit id is the line number. Files of different lengths are an error that says where
//! they diverge.

use crate::location::{LocationTracker, TextEncoding};
use crate::segment::{FormatError, MappedText, Segment};

/// A column chosen by header name or by 1-based position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// The column whose header is this name (case-insensitive).
    Name(String),
    /// The column at this 1-based position.
    Position(usize),
}

impl Column {
    /// A number is a position, anything else a name.
    pub fn parse(s: &str) -> Column {
        match s.parse::<usize>() {
            Ok(n) if n > 0 => Column::Position(n),
            _ => Column::Name(s.to_string()),
        }
    }
}

/// Which columns of a table hold the texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// The source column.
    pub source: Column,
    /// The target column.
    pub target: Column,
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            source: Column::Name("source".into()),
            target: Column::Name("target".into()),
        }
    }
}

/// One field with its text mapped into the file.
struct Cell {
    text: MappedText,
}

/// The rows of a table, split one at a time from its decoded text, so that memory holds the
/// text and one row, not every row's cells.
struct Rows {
    text: String,
    /// Where the next row starts.
    at: usize,
    t: LocationTracker,
    delimiter: char,
    /// RFC 4180 quoting allowed.
    quoted: bool,
}

impl Rows {
    /// The next row that is not blank, with where it starts.
    fn next_row(&mut self) -> Option<Result<(LocationTracker, Vec<Cell>), FormatError>> {
        while self.at < self.text.len() {
            let (row_at, cells) = match self.split_row() {
                Ok(row) => row,
                Err(e) => {
                    // Nothing after a malformed row can be trusted.
                    self.at = self.text.len();
                    return Some(Err(e));
                }
            };
            let blank = cells.len() == 1 && cells[0].text.text().is_empty();
            if !blank {
                return Some(Ok((row_at, cells)));
            }
        }
        None
    }

    fn split_row(&mut self) -> Result<(LocationTracker, Vec<Cell>), FormatError> {
        let delimiter = self.delimiter;
        let mut rest = &self.text[self.at..];
        let t = &mut self.t;
        let row_at = t.clone();
        let mut cells = Vec::new();
        loop {
            let mut cell = MappedText::new(t.clone());
            if self.quoted && rest.starts_with('"') {
                let open = t.location();
                t.advance("\"");
                rest = &rest[1..];
                loop {
                    let Some(q) = rest.find('"') else {
                        return Err(FormatError::at(
                            open,
                            "a quoted field is never closed (no matching \")",
                        ));
                    };
                    cell.push_verbatim(&rest[..q], t.clone());
                    t.advance(&rest[..q]);
                    rest = &rest[q..];
                    if rest.starts_with("\"\"") {
                        let at = t.clone();
                        t.advance("\"\"");
                        cell.push_replaced("\"", at, t.location());
                        rest = &rest[2..];
                    } else {
                        t.advance("\"");
                        rest = &rest[1..];
                        break;
                    }
                }
                let after = rest.find([delimiter, '\n', '\r']).unwrap_or(rest.len());
                if after > 0 {
                    return Err(FormatError::at(
                        t.location(),
                        "text after the closing quote of a field",
                    ));
                }
            } else {
                let end = rest.find([delimiter, '\n', '\r']).unwrap_or(rest.len());
                cell.push_verbatim(&rest[..end], t.clone());
                t.advance(&rest[..end]);
                rest = &rest[end..];
            }
            cells.push(Cell { text: cell });
            if rest.starts_with(delimiter) {
                t.advance(&rest[..delimiter.len_utf8()]);
                rest = &rest[delimiter.len_utf8()..];
                continue;
            }
            let eol = if rest.starts_with("\r\n") {
                2
            } else {
                usize::from(rest.starts_with(['\n', '\r']))
            };
            t.advance(&rest[..eol]);
            rest = &rest[eol..];
            break;
        }
        self.at = self.text.len() - rest.len();
        Ok((row_at, cells))
    }
}

/// The segments of a table, one row at a time (see [`read_table`]).
pub struct TableSegments {
    rows: Rows,
    /// The first row, when it is data rather than a header.
    first: Option<(LocationTracker, Vec<Cell>)>,
    /// None for a table of English alone (see [`read_table`]).
    source: Option<usize>,
    target: usize,
    id: Option<usize>,
    index: usize,
    /// How many fields a row has: the header's, or the first row's.
    width: usize,
    /// What sets the width, in messages: "the header" or "the first row".
    width_from: &'static str,
    /// The first row of another width, and the lines of the others.
    malformed: Option<(FormatError, Vec<u64>)>,
}

impl TableSegments {
    /// Notes a row of `cells` of another width than the table's, starting at `row_at`.
    fn malformed_row(&mut self, row_at: &LocationTracker, cells: &[Cell]) {
        if let Some((_, others)) = &mut self.malformed {
            others.push(row_at.location().line);
            return;
        }
        // Where the row goes wrong: its first field too many, or the end of its last field,
        // where the next one should start.
        let location = match cells.get(self.width) {
            Some(extra) => extra.text.start(),
            None => cells.last().map_or_else(
                || row_at.location(),
                |c| c.text.end_location(c.text.text().len()),
            ),
        };
        let message = format!(
            "row has {} field{} but {} has {}",
            cells.len(),
            if cells.len() == 1 { "" } else { "s" },
            self.width_from,
            self.width
        );
        self.malformed = Some((FormatError::at(location, message), Vec::new()));
    }

    /// The error about the rows of another width, once every other row is read: where the
    /// first goes wrong, and the lines of a few others.
    fn malformed_error(&mut self) -> Option<FormatError> {
        const NAMED: usize = 5;
        let (error, others) = self.malformed.take()?;
        let mut lines: Vec<String> = others.iter().take(NAMED).map(u64::to_string).collect();
        if others.len() > NAMED {
            lines.push(format!("{} more", others.len() - NAMED));
        }
        let others = match lines.split_last() {
            None => String::new(),
            Some((last, [])) => format!(" (line {last} too has another number of fields)"),
            Some((last, rest)) => format!(
                " (lines {} and {last} too have another number of fields)",
                rest.join(", ")
            ),
        };
        let message = format!(
            "{}{others}; a row of another width is skipped",
            error.message
        );
        Some(FormatError { message, ..error }.nonconforming())
    }
}

impl Iterator for TableSegments {
    type Item = Result<Segment, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (row_at, mut cells) = match self.first.take() {
                Some(row) => row,
                None => match self.rows.next_row() {
                    Some(Ok(row)) => row,
                    Some(Err(e)) => return Some(Err(e)),
                    None => return self.malformed_error().map(Err),
                },
            };
            if cells.len() != self.width {
                self.malformed_row(&row_at, &cells);
                continue;
            }
            let width = cells.len();
            let mut take = |i: usize| {
                (i < width)
                    .then(|| std::mem::replace(&mut cells[i].text, MappedText::new(row_at.clone())))
            };
            let unit = match self.id {
                Some(i) => take(i).map(|t| t.text().to_string()),
                None => Some(row_at.location().line.to_string()),
            };
            let source_text = self.source.and_then(&mut take);
            // An empty field keeps its place: a finding on the empty target points at it.
            let target_text = take(self.target);
            if source_text.is_none() && target_text.is_none() {
                continue;
            }
            self.index += 1;
            return Some(Ok(Segment {
                index: self.index - 1,
                unit,
                location: row_at.location(),
                source: source_text,
                target: target_text,
                context: None,
                plural_form: None,
                suppressions: Vec::new(),
            }));
        }
    }
}

/// Reads a TSV (`delimiter` tab) or CSV table of decoded `text` as segments, row by row. The
/// header (or a missing column) is checked here; a malformed row is an error when reached.
pub fn read_table(
    text: String,
    delimiter: char,
    columns: &Columns,
    encoding: TextEncoding,
    bom_len: usize,
) -> Result<TableSegments, FormatError> {
    let mut rows = Rows {
        text,
        at: 0,
        t: LocationTracker::new(encoding, bom_len as u64),
        delimiter,
        quoted: delimiter == ',',
    };
    let Some(first) = rows.next_row().transpose()? else {
        return Ok(TableSegments {
            rows,
            first: None,
            source: None,
            target: 0,
            id: None,
            index: 0,
            width: 0,
            width_from: "the header",
            malformed: None,
        });
    };
    let header: Vec<String> = first
        .1
        .iter()
        .map(|c| c.text.text().trim().to_ascii_lowercase())
        .collect();
    let named =
        |c: &Column| matches!(c, Column::Name(n) if header.contains(&n.to_ascii_lowercase()));
    let has_header =
        named(&columns.source) || named(&columns.target) || header.iter().any(|h| h == "id");
    let index = |c: &Column| -> Result<usize, FormatError> {
        match c {
            Column::Position(n) => Ok(n - 1),
            Column::Name(name) => header
                .iter()
                .position(|h| *h == name.to_ascii_lowercase())
                .ok_or_else(|| {
                    FormatError::at(
                        first.0.location(),
                        format!(
                            "no column named {name:?} in the header ({}); name the columns with \
                             --source-column and --target-column",
                            header.join(", ")
                        ),
                    )
                }),
        }
    };
    let target = index(&columns.target)?;
    // A table of English alone (an export with one text column) has no source column: the
    // default one missing, or the source named as the target column, reads it so; one column
    // read as both would leave the target empty.
    let source = match index(&columns.source) {
        Ok(source) if source == target => None,
        Ok(source) => Some(source),
        Err(_) if columns.source == Columns::default().source => None,
        Err(e) => return Err(e),
    };
    let id = has_header
        .then(|| header.iter().position(|h| h == "id"))
        .flatten();
    Ok(TableSegments {
        rows,
        width: first.1.len(),
        width_from: if has_header {
            "the header"
        } else {
            "the first row"
        },
        first: (!has_header).then_some(first),
        source,
        target,
        id,
        index: 0,
        malformed: None,
    })
}

/// A text split into lines with where each starts (line endings not included).
fn lines(text: &str, start: LocationTracker) -> Vec<MappedText> {
    let mut t = start;
    let mut out = Vec::new();
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        out.push(MappedText::verbatim(line, t.clone()));
        t.advance(raw);
    }
    out
}

/// Pairs the lines of a source text and a target text (each decoded, with its start).
pub fn read_paired(
    source: (&str, LocationTracker, &str),
    target: (&str, LocationTracker, &str),
) -> Result<Vec<Segment>, FormatError> {
    let (source_text, source_start, source_name) = source;
    let (target_text, target_start, target_name) = target;
    let target_origin = target_start.location();
    let source_lines = lines(source_text, source_start);
    let target_lines = lines(target_text, target_start);
    if source_lines.len() != target_lines.len() {
        let common = source_lines.len().min(target_lines.len());
        // Where the paragraph structure first differs is usually where a line was lost.
        let first_blank_mismatch = source_lines
            .iter()
            .zip(&target_lines)
            .position(|(s, t)| s.is_blank() != t.is_blank());
        let hint = match first_blank_mismatch {
            Some(i) => format!(
                "; the first line blank in one file but not the other is line {}",
                i + 1
            ),
            None => format!(
                "; the first {common} lines pair up, line {} has no partner",
                common + 1
            ),
        };
        // In the target file: its first line without a partner, or its last line.
        let last = target_lines
            .get(common)
            .or(target_lines.last())
            .map_or(target_origin, MappedText::start);
        return Err(FormatError::at(
            last,
            format!(
                "{source_name} has {} lines but {target_name} has {}: paired files must align \
                 line by line{hint}",
                source_lines.len(),
                target_lines.len()
            ),
        ));
    }
    let mut segments = Vec::new();
    for (i, (s, t)) in source_lines.into_iter().zip(target_lines).enumerate() {
        if s.is_blank() && t.is_blank() {
            continue;
        }
        segments.push(Segment {
            index: segments.len(),
            unit: Some((i + 1).to_string()),
            location: t.start(),
            source: Some(s),
            target: (!t.text().is_empty()).then_some(t),
            context: None,
            plural_form: None,
            suppressions: Vec::new(),
        });
    }
    Ok(segments)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> LocationTracker {
        LocationTracker::new(TextEncoding::Utf8, 0)
    }

    type Row = (Option<String>, Option<String>, Option<String>);

    fn summary(segments: &[Segment]) -> Vec<Row> {
        segments
            .iter()
            .map(|s| {
                (
                    s.unit.clone(),
                    s.source.as_ref().map(|t| t.text().to_string()),
                    s.target.as_ref().map(|t| t.text().to_string()),
                )
            })
            .collect()
    }

    fn row(unit: &str, source: &str, target: Option<&str>) -> Row {
        (
            Some(unit.into()),
            Some(source.into()),
            target.map(str::to_string),
        )
    }

    /// Every segment of a table, or its first error.
    fn table(text: &str, delimiter: char, columns: &Columns) -> Result<Vec<Segment>, FormatError> {
        read_table(text.to_string(), delimiter, columns, TextEncoding::Utf8, 0)?.collect()
    }

    #[test]
    fn tsv_with_header_and_id_column() {
        let tsv = "id\ttarget\tsource\nu1\tTrade Union\t工会\r\nu2\t\t空\n";
        let segments = table(tsv, '\t', &Columns::default()).unwrap();
        assert_eq!(
            summary(&segments),
            [
                row("u1", "工会", Some("Trade Union")),
                row("u2", "空", Some(""))
            ]
        );
        let t = segments[0].target.as_ref().unwrap();
        assert_eq!((t.start().line, t.start().column), (2, 4));
        // An empty target is at its field, after the id's tab, not at the row's start.
        let t = segments[1].target.as_ref().unwrap();
        assert_eq!((t.start().line, t.start().column), (3, 4));
        let tsv = "id\tsource\ttarget\nD18\t所述电磁阀\t\n";
        let segments = table(tsv, '\t', &Columns::default()).unwrap();
        let t = segments[0].target.as_ref().unwrap();
        assert_eq!((t.text(), t.start().line, t.start().column), ("", 2, 11));
    }

    /// The segments of a table and the error that comes after them, if any.
    fn table_and_error(
        text: &str,
        delimiter: char,
        columns: &Columns,
    ) -> (Vec<Row>, Option<FormatError>) {
        let mut segments = Vec::new();
        let mut error = None;
        for s in read_table(text.to_string(), delimiter, columns, TextEncoding::Utf8, 0).unwrap() {
            assert!(error.is_none(), "a segment after the error");
            match s {
                Ok(s) => segments.push(s),
                Err(e) => error = Some(e),
            }
        }
        (summary(&segments), error)
    }

    #[test]
    fn a_row_of_another_width_is_an_error_after_the_other_rows() {
        // A field too many (a tab in the text) and a tab left out: neither row says which
        // field is the target.
        let tsv =
            "source\ttarget\n教务处\tOffice of Academic Affairs\textra\n成绩单\n工会\tUnion\n";
        let (rows, error) = table_and_error(tsv, '\t', &Columns::default());
        assert_eq!(rows, [row("4", "工会", Some("Union"))]);
        let error = error.expect("an error");
        assert!(error.nonconforming, "the other rows are checked");
        let l = error.location.unwrap();
        assert_eq!((l.line, l.column), (2, 32), "at the field too many");
        assert_eq!(
            error.message,
            "row has 3 fields but the header has 2 (line 3 too has another number of fields); \
             a row of another width is skipped"
        );
        // A row too short is pointed at where its next field should start.
        let (_, error) = table_and_error("source\ttarget\n成绩单\n", '\t', &Columns::default());
        let error = error.unwrap();
        let l = error.location.unwrap();
        assert_eq!((l.line, l.column), (2, 4));
        assert!(
            error
                .message
                .starts_with("row has 1 field but the header has 2;"),
            "{}",
            error.message
        );
        // Without a header, the first row sets the width; CSV rows alike.
        let columns = Columns {
            source: Column::parse("1"),
            target: Column::parse("2"),
        };
        let (rows, error) = table_and_error("一,One\n二,Two,2\n三,Three\n", ',', &columns);
        assert_eq!(
            rows,
            [row("1", "一", Some("One")), row("3", "三", Some("Three"))]
        );
        assert!(error.unwrap().message.contains("but the first row has 2"));
        // Many rows: a few lines named, the rest counted.
        let mut tsv = String::from("source\ttarget\n");
        for _ in 0..8 {
            tsv.push_str("只有一列\n");
        }
        let (_, error) = table_and_error(&tsv, '\t', &Columns::default());
        assert!(error
            .unwrap()
            .message
            .contains("(lines 3, 4, 5, 6, 7 and 2 more too have another number of fields)"));
        // Blank lines and empty fields are no rows of another width; a quoted comma is no field.
        let (rows, error) = table_and_error(
            "source,target\n\n一,\"One, two\"\n\n二,\n",
            ',',
            &Columns::default(),
        );
        assert_eq!(
            rows,
            [row("3", "一", Some("One, two")), row("5", "二", Some(""))]
        );
        assert!(error.is_none());
    }

    #[test]
    fn csv_quotes_and_columns_by_position() {
        let csv = "工会,\"The \"\"Trade\"\" Union\"\n会议,\"a,\nb\"\n";
        let columns = Columns {
            source: Column::parse("1"),
            target: Column::parse("2"),
        };
        let segments = table(csv, ',', &columns).unwrap();
        assert_eq!(
            summary(&segments),
            [
                row("1", "工会", Some("The \"Trade\" Union")),
                row("2", "会议", Some("a,\nb"))
            ]
        );
        let t = segments[0].target.as_ref().unwrap();
        let i = t.text().find("Union").unwrap();
        assert_eq!(t.location(i).column, 19);
    }

    #[test]
    fn a_table_of_english_alone_has_no_source() {
        let columns = |source: Option<&str>, target: &str| Columns {
            source: source.map_or(Columns::default().source, Column::parse),
            target: Column::parse(target),
        };
        let english = |unit: &str, target: &str| (Some(unit.into()), None, Some(target.into()));
        let csv = "text\nThe bad loan ratio rose.\n";
        // The target column alone, or named as the source too (by name or by position).
        for columns in [
            columns(None, "text"),
            columns(Some("text"), "text"),
            columns(Some("1"), "text"),
        ] {
            let segments = table(csv, ',', &columns).unwrap();
            assert_eq!(
                summary(&segments),
                [english("2", "The bad loan ratio rose.")],
                "{columns:?}"
            );
        }
        // Columns by number read no header.
        let segments = table(csv, ',', &columns(Some("1"), "1")).unwrap();
        assert_eq!(
            summary(&segments),
            [
                english("1", "text"),
                english("2", "The bad loan ratio rose.")
            ]
        );
        let segments = table("id,target\nu1,Union\n", ',', &Columns::default()).unwrap();
        assert_eq!(summary(&segments), [english("u1", "Union")]);
        // A source column asked for by name and missing is still an error.
        let err = table(csv, ',', &columns(Some("zh"), "text")).unwrap_err();
        assert!(err.message.contains("\"zh\""), "{}", err.message);
        // Two columns of one table stay source and target.
        let segments = table("zh,en\n工会,Union\n", ',', &columns(Some("zh"), "en")).unwrap();
        assert_eq!(summary(&segments), [row("2", "工会", Some("Union"))]);
    }

    #[test]
    fn table_errors_name_the_position() {
        let err = table("zh,en\na,b\n", ',', &Columns::default()).unwrap_err();
        assert!(err.message.contains("\"target\""), "{}", err.message);
        let err = table("source,target\na,\"b\n", ',', &Columns::default()).unwrap_err();
        let l = err.location.unwrap();
        assert_eq!((l.line, l.column), (2, 3));
    }

    #[test]
    fn rows_are_read_one_at_a_time_up_to_a_malformed_one() {
        let csv = "source,target\n一,One\n二,Two\n三,\"Three\n";
        let mut segments =
            read_table(csv.into(), ',', &Columns::default(), TextEncoding::Utf8, 0).unwrap();
        let first = segments.next().unwrap().unwrap();
        assert_eq!(first.target.unwrap().text(), "One");
        assert_eq!(segments.next().unwrap().unwrap().unit.as_deref(), Some("3"));
        let err = segments.next().unwrap().unwrap_err();
        let l = err.location.unwrap();
        assert_eq!((l.line, l.column), (4, 3));
        assert!(segments.next().is_none(), "nothing after a malformed row");
    }

    #[test]
    fn paired_files_align_by_line() {
        let segments = read_paired(
            ("一\n\n二\n", start(), "zh.txt"),
            ("One\n\nTwo\n", start(), "en.txt"),
        )
        .unwrap();
        assert_eq!(
            summary(&segments),
            [row("1", "一", Some("One")), row("3", "二", Some("Two"))]
        );
        let err = read_paired(
            ("一\n二\n\n三\n", start(), "zh.txt"),
            ("One\n\nThree\n", start(), "en.txt"),
        )
        .unwrap_err();
        assert!(
            err.message.contains("zh.txt has 4 lines but en.txt has 3"),
            "{}",
            err.message
        );
        assert!(err.message.contains("line 2"), "{}", err.message);
    }
}
