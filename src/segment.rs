//! Bilingual documents as segments, and checking them with positions in the original file.
//!
//! A bilingual file (XLIFF, TMX, PO, a TSV of source and target columns, two paired plain
//! files, JSON Lines) is read as a sequence of [`Segment`]s: one per translation unit (or per
//! `<segment>`/`<mrk mtype="seg">` when a unit is split). Each segment holds its source and
//! target as [`MappedText`]: plain text with inline markup removed and escapes decoded
//! (`&amp;` → `&`, `\n` in PO and JSON → a line feed), plus an offset map from every byte of
//! that text back to the [`Location`] in the original file where it was written. Rules match
//! on the plain text and report through the map, so a finding in
//! `<target>Shanghai <g id="1">Trade</g> Union</target>` points at the line and column of
//! `Trade` in the file, not in the stripped string.
//!
//! Readers produce segments one at a time ([`SegmentResult`] iterators), so a 500 MB TMX is
//! checked unit by unit. [`check_segments`] runs the English rules of a [`Checker`] on every
//! target, maps the findings into the file and tags them with the unit id; document-wide
//! consistency (`inconsistent-term`) is computed over all targets of the document together,
//! as for a plain-text document. Source-aware rules plug in through the `visit` hook, which
//! sees each segment with the English findings on its target.

use std::ops::Range;

use crate::check::{Checker, DocumentReport};
use crate::consistency::{inconsistencies, ConsistencyScope, Occurrence};
use crate::finding::Finding;
use crate::findings::Findings;
use crate::fuzzy::WordCache;
use crate::location::{Location, LocationTracker};
use crate::rules::Rule;
use crate::suppress::{is_suppressed, Suppression};

/// What a standalone inline code (XLIFF `<x/>`, `<ph>`; TMX `<ph>`) reads as in a segment's
/// text: a nameless placeholder, written as a format string writes one. The code stands for
/// something the document or the program puts there (a variable, an image, a line break),
/// and the rules read it as they read `{count}` or `%d` in a PO or JSON string: a plural right
/// after it may be a count's ("<ph/> Gold Coins"), and no number or word of the text is in it.
/// It maps to the whole element in the file, so nothing but the element is there to rewrite.
pub const CODE_PLACEHOLDER: &str = "{}";

/// Whether `text` holds anything but whitespace and nameless placeholders
/// ([`CODE_PLACEHOLDER`]): a target of standalone codes alone translates nothing, as an empty
/// one does.
pub fn holds_text(text: &str) -> bool {
    text.split(CODE_PLACEHOLDER)
        .any(|part| !part.trim().is_empty())
}

/// What a paired inline code (XLIFF `<g>`, `<bpt>`, `<pc>`, `<sc/>`; TMX `<bpt>`) leaves
/// between two digits it separates: INVISIBLE SEPARATOR (U+2063), which normalization drops
/// as it drops every invisible character. A paired code is formatting, and the words on either
/// side of it read as the reader sees them ("<g>Trade Union</g>s" is "Trade Unions"), but
/// digits it separates are two numbers, not one: `10<g ctype="x-sup">6</g>` is 10⁶, not 106.
/// Elsewhere a paired code leaves nothing, so that what is written against it (a percent
/// sign, an ordinal's "st") reads as written.
pub const CODE_BOUNDARY: &str = "\u{2063}";

/// Text taken from a file, with where each of its bytes came from.
///
/// The text is built from pieces in file order: *verbatim* pieces are written in the file
/// character for character (their positions are found by walking them from the piece's
/// start); *replaced* pieces stand for something written differently (an entity such as
/// `&#x4E0A;`, an escape such as `\"`), and every byte of them maps to where that was written.
/// Markup that is dropped leaves no piece, so the text on either side of it maps to its own
/// place; an inline code that leaves a mark ([`CODE_PLACEHOLDER`], [`CODE_BOUNDARY`]) leaves a
/// replaced piece. Offsets passed in must lie on character boundaries of [`MappedText::text`].
#[derive(Debug, Clone)]
pub struct MappedText {
    text: String,
    pieces: Vec<Piece>,
    /// Positions every [`CHECKPOINT`] bytes inside long verbatim pieces, by text offset: a
    /// lookup walks at most that far, so mapping many findings in one huge text node stays
    /// linear.
    checkpoints: Vec<(usize, LocationTracker)>,
    /// Where the text would start when it is empty (the start of the element's content).
    anchor: LocationTracker,
}

/// Bytes of verbatim text between two checkpoints.
const CHECKPOINT: usize = 4096;

#[derive(Debug, Clone)]
struct Piece {
    /// Offset of the piece in `text`.
    text_start: usize,
    /// The position of its first character in the file (with the line-ending state there).
    start: LocationTracker,
    /// `None` for verbatim text; for replaced text, the position just after what it replaces.
    replaced_end: Option<Location>,
}

impl MappedText {
    /// Empty text whose content starts at `anchor` in the file.
    pub fn new(anchor: LocationTracker) -> Self {
        MappedText {
            text: String::new(),
            pieces: Vec::new(),
            checkpoints: Vec::new(),
            anchor,
        }
    }

    /// Text written verbatim in the file, character for character, starting at `at`
    /// (one piece, for fixtures and line-based formats).
    pub fn verbatim(text: &str, at: LocationTracker) -> Self {
        let mut mapped = MappedText::new(at.clone());
        mapped.push_verbatim(text, at);
        mapped
    }

    /// The plain text: markup removed, escapes decoded.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the text is empty or only whitespace.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Appends `text`, written exactly so in the file starting at `at`.
    pub fn push_verbatim(&mut self, text: &str, at: LocationTracker) {
        if text.is_empty() {
            return;
        }
        let text_start = self.text.len();
        if text.len() > CHECKPOINT {
            let mut t = at.clone();
            let mut walked = 0;
            while text.len() - walked > CHECKPOINT {
                let mut next = walked + CHECKPOINT;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                t.advance(&text[walked..next]);
                walked = next;
                self.checkpoints.push((text_start + walked, t.clone()));
            }
        }
        self.pieces.push(Piece {
            text_start,
            start: at,
            replaced_end: None,
        });
        self.text.push_str(text);
    }

    /// Appends `text`, which the file writes differently between `start` and `end` (an entity,
    /// an escape sequence). Every byte of it maps to `start`; its end maps to `end`.
    pub fn push_replaced(&mut self, text: &str, start: LocationTracker, end: Location) {
        if text.is_empty() {
            return;
        }
        self.pieces.push(Piece {
            text_start: self.text.len(),
            start,
            replaced_end: Some(end),
        });
        self.text.push_str(text);
    }

    /// The piece holding byte `offset` (the last piece starting at or before it).
    fn piece_at(&self, offset: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.text_start <= offset);
        i.checked_sub(1).map(|i| &self.pieces[i])
    }

    /// The position of verbatim piece `p` at text offset `offset` (inside it or at its end),
    /// walked from the nearest checkpoint before it.
    fn walk(&self, p: &Piece, offset: usize) -> Location {
        let i = self.checkpoints.partition_point(|(at, _)| *at <= offset);
        let (from, mut t) = match i.checked_sub(1).map(|i| &self.checkpoints[i]) {
            Some((at, t)) if *at > p.text_start => (*at, t.clone()),
            _ => (p.text_start, p.start.clone()),
        };
        t.advance(&self.text[from..offset]);
        t.location()
    }

    /// Where the character at byte `offset` of the text is in the file; at the end of the
    /// text, the position just after its last character.
    pub fn location(&self, offset: usize) -> Location {
        if offset >= self.text.len() {
            return self.end_location(self.text.len());
        }
        match self.piece_at(offset) {
            None => self.anchor.location(),
            Some(p) if p.replaced_end.is_some() => p.start.location(),
            Some(p) => self.walk(p, offset),
        }
    }

    /// Where a span ending at byte `end` (exclusive) ends in the file: just after its last
    /// character, even when markup follows it.
    pub fn end_location(&self, end: usize) -> Location {
        if end == 0 {
            return self.location_or_anchor(0);
        }
        let end = end.min(self.text.len());
        match self.piece_at(end - 1) {
            None => self.anchor.location(),
            Some(p) => match p.replaced_end {
                Some(after) => after,
                None => self.walk(p, end),
            },
        }
    }

    fn location_or_anchor(&self, offset: usize) -> Location {
        match self.pieces.first() {
            Some(_) if offset < self.text.len() => self.location(offset),
            _ => self.anchor.location(),
        }
    }

    /// Where a byte span of the text starts and ends in the file.
    pub fn span(&self, range: Range<usize>) -> (Location, Location) {
        (self.location(range.start), self.end_location(range.end))
    }

    /// Where the content starts in the file (also when it is empty).
    pub fn start(&self) -> Location {
        self.location_or_anchor(0)
    }
}

/// One translation unit (or one segment of a unit split into several).
#[derive(Debug, Clone)]
pub struct Segment {
    /// 0-based position of the segment in its document.
    pub index: usize,
    /// The unit's identifier as reports show it: the XLIFF `trans-unit`/`unit` id (with
    /// `#segment-id` for the segments of a split unit), the TMX `tuid`, the PO msgctxt and
    /// msgid, the 1-based line of a paired or tabular file; `None` when the file gives none.
    pub unit: Option<String>,
    /// Where the unit starts in the file, for findings about the unit as a whole.
    pub location: Location,
    /// The source text, when the format has one.
    pub source: Option<MappedText>,
    /// The target (English) text; `None` when the unit has no target at all.
    pub target: Option<MappedText>,
    /// What makes the source another message than the same text elsewhere: the PO `msgctxt`
    /// ("Open" in a menu, "On" for a switch, both 打开). `None` when the format gives none.
    pub context: Option<String>,
    /// The form (`msgstr[n]`) of a plural entry. The forms of one entry translate one source
    /// in different numbers, so they are no variants of each other.
    pub plural_form: Option<usize>,
    /// The `termcheck: ignore` directives the file's markup holds (HTML comments, see
    /// [`crate::suppress`]) that were read with this segment. They name lines of the file and
    /// silence the findings starting there anywhere in the document, whichever segment they
    /// came with. Empty for formats whose markup holds none.
    pub suppressions: Vec<Suppression>,
}

/// What a bilingual reader produces: a segment, or an error that ends the document.
pub type SegmentResult = Result<Segment, FormatError>;

/// A file that cannot be read as its format, or breaks a rule of its format's specification:
/// where and why. It ends the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// Where in the file, when the problem is at a position.
    pub location: Option<Location>,
    /// What is wrong, one sentence without a trailing period.
    pub message: String,
    /// The file breaks a rule of its format's specification that does not stop it being read
    /// (a missing language, a misplaced note): every segment was read before this error, which
    /// comes last. The file is still an input error, but its segments are checked.
    pub nonconforming: bool,
    /// The file the error is in, when it is not the input read but a file read with it (the
    /// source file of a paired input): the location is in that file. Boxed, a thin pointer:
    /// an error rides in every document's report, which is kept small.
    #[allow(clippy::box_collection)]
    pub file: Option<Box<String>>,
}

impl FormatError {
    /// An error at a position.
    pub fn at(location: Location, message: impl Into<String>) -> Self {
        FormatError {
            location: Some(location),
            message: message.into(),
            nonconforming: false,
            file: None,
        }
    }

    /// An error about the file as a whole.
    pub fn whole(message: impl Into<String>) -> Self {
        FormatError {
            location: None,
            message: message.into(),
            nonconforming: false,
            file: None,
        }
    }

    /// The same error, marked as a rule of the specification broken by a file that reads
    /// (see [`FormatError::nonconforming`]).
    pub fn nonconforming(self) -> Self {
        FormatError {
            nonconforming: true,
            ..self
        }
    }

    /// The error about the file named `path` (or about [`FormatError::file`], read with it).
    pub fn in_file(self, path: &str) -> crate::error::FileError {
        let path = self.file.as_deref().map_or(path, String::as_str);
        let message = if self.nonconforming {
            format!(
                "{}; the rest of the file was checked all the same",
                self.message
            )
        } else {
            self.message
        };
        let error = match self.location {
            Some(l) => crate::error::FileError::at(path, l, message),
            None => crate::error::FileError::new(path, message),
        };
        crate::error::FileError {
            checked: self.nonconforming,
            ..error
        }
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.location {
            Some(l) => write!(f, "{l}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for FormatError {}

/// The English findings and occurrences of one segment's target, positioned in the file.
#[derive(Debug, Default)]
pub struct SegmentReport {
    /// Findings on the target, sorted by position, each tagged with the unit.
    pub findings: Vec<Finding>,
    /// Every rendering of a concept in the target (when the checker needs them).
    pub occurrences: Vec<Occurrence>,
}

/// Runs `checker`'s English rules on the target of `segment` (nothing when it has none) and
/// maps every position into the original file.
pub fn check_segment(
    checker: &Checker<'_>,
    segment: &Segment,
    words: &mut WordCache,
) -> SegmentReport {
    let Some(target) = &segment.target else {
        return SegmentReport::default();
    };
    if target.text().is_empty() {
        return SegmentReport::default();
    }
    let doc = checker.check_fragment(target.text(), words);
    let mut findings = doc.findings.into_vec();
    for f in &mut findings {
        let (start, end) = target.span(f.start.byte_offset as usize..f.end.byte_offset as usize);
        f.start = start;
        f.end = end;
        f.unit = segment.unit.clone();
    }
    let mut occurrences = doc.occurrences;
    for o in &mut occurrences {
        let (start, end) = target.span(o.start.byte_offset as usize..o.end.byte_offset as usize);
        o.start = start;
        o.end = end;
        o.unit = segment.unit.clone();
    }
    SegmentReport {
        findings,
        occurrences,
    }
}

/// Where source-aware rules plug in: one visitor per document sees every segment, in order,
/// with the English findings on its target, and may add findings (with positions from the
/// segment's [`MappedText`]s and its unit) or remove ones it supersedes. Closures
/// `FnMut(&Segment, &mut Vec<Finding>)` are visitors.
pub trait SegmentVisitor {
    /// Called for each segment with the findings on its target.
    fn segment(&mut self, segment: &Segment, findings: &mut Vec<Finding>);

    /// Called for each segment with the renderings found in its target, before document or
    /// batch consistency counts them; may drop those the segment shows to be no renderings of
    /// their concept (a source that names another term). Keeps them all by default.
    fn occurrences(&mut self, segment: &Segment, occurrences: &mut Vec<Occurrence>) {
        let _ = (segment, occurrences);
    }

    /// Called once after the last segment, for findings about the document as a whole (the
    /// same source translated two ways); `findings` holds every finding of the document so
    /// far. Does nothing by default.
    fn finish(&mut self, findings: &mut Findings) {
        let _ = findings;
    }
}

impl<F: FnMut(&Segment, &mut Vec<Finding>)> SegmentVisitor for F {
    fn segment(&mut self, segment: &Segment, findings: &mut Vec<Finding>) {
        self(segment, findings)
    }
}

/// No source-aware rules: the English findings as they are.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoSegmentRules;

impl SegmentVisitor for NoSegmentRules {
    fn segment(&mut self, _: &Segment, _: &mut Vec<Finding>) {}
}

/// Checks every segment of one document: the English rules on each target (see
/// [`check_segment`]), then `visit` with the segment and its findings, then `visit`'s
/// [`SegmentVisitor::finish`], then document-wide consistency over all targets. The report's
/// findings are sorted by position; the first [`FormatError`] ends the document and is
/// returned instead, unless it is [`FormatError::nonconforming`]: then the document is checked
/// whole and the error kept in the report.
pub fn check_segments(
    checker: &Checker<'_>,
    segments: impl IntoIterator<Item = SegmentResult>,
    words: &mut WordCache,
    visit: &mut dyn SegmentVisitor,
) -> Result<DocumentReport, FormatError> {
    words.start_document();
    let mut doc = checker.new_report();
    for segment in segments {
        let mut segment = match segment {
            Ok(segment) => segment,
            Err(e) if e.nonconforming => {
                doc.nonconforming = Some(e);
                break;
            }
            Err(e) => return Err(e),
        };
        let mut report = check_segment(checker, &segment, words);
        visit.segment(&segment, &mut report.findings);
        visit.occurrences(&segment, &mut report.occurrences);
        doc.findings.extend(report.findings);
        doc.occurrences.append(&mut report.occurrences);
        doc.suppressions.append(&mut segment.suppressions);
    }
    visit.finish(&mut doc.findings);
    if checker.consistency_scope() == ConsistencyScope::Document
        && checker.rules().contains(Rule::InconsistentTerm)
    {
        let refs: Vec<&Occurrence> = doc.occurrences.iter().collect();
        let found = inconsistencies(
            checker.glossary(),
            &refs,
            "document",
            &Occurrence::ready_around,
        );
        doc.findings.extend(found.into_iter().map(|(_, f)| f));
    }
    // A directive may follow the finding it silences (`ignore` at the end of its line), and
    // document-wide findings come last: they are all silenced here, as a document's are.
    if !doc.suppressions.is_empty() {
        let suppressions = &doc.suppressions;
        doc.findings.retain(|f| !is_suppressed(f, suppressions));
    }
    if !checker.keeps_occurrences() {
        doc.occurrences = Vec::new();
    }
    doc.findings.finish();
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Glossary;
    use crate::location::TextEncoding;
    use crate::matcher::TermMatcher;
    use crate::rules::RuleSet;

    /// A tracker at `line`:`column`, byte `offset` of a UTF-8 file.
    fn at(line: u64, column: u64, byte_offset: u64) -> LocationTracker {
        let location = Location {
            line,
            column,
            byte_offset,
        };
        LocationTracker::at(location, TextEncoding::Utf8)
    }

    fn lc(l: Location) -> (u64, u64, u64) {
        (l.line, l.column, l.byte_offset)
    }

    /// `<t>上海 &amp; <g>Trade</g>\nUnion</t>` with the content starting at 1:4, byte 3.
    fn mapped() -> MappedText {
        let mut m = MappedText::new(at(1, 4, 3));
        m.push_verbatim("上海 ", at(1, 4, 3));
        m.push_replaced("&", at(1, 7, 10), at(1, 12, 15).location());
        m.push_verbatim(" ", at(1, 12, 15));
        m.push_verbatim("Trade", at(1, 16, 19));
        m.push_verbatim("\nUnion", at(1, 25, 28));
        m
    }

    #[test]
    fn maps_offsets_through_verbatim_replaced_and_dropped_markup() {
        let m = mapped();
        assert_eq!(m.text(), "上海 & Trade\nUnion");
        assert_eq!(lc(m.location(0)), (1, 4, 3));
        assert_eq!(lc(m.location(3)), (1, 5, 6), "second CJK character");
        assert_eq!(lc(m.location(7)), (1, 7, 10), "the entity");
        assert_eq!(lc(m.end_location(8)), (1, 12, 15), "just after the entity");
        let trade = m.text().find("Trade").unwrap();
        assert_eq!(lc(m.location(trade)), (1, 16, 19), "after dropped <g>");
        assert_eq!(
            lc(m.end_location(trade + 5)),
            (1, 21, 24),
            "end before </g>, not after it"
        );
        let union = m.text().find("Union").unwrap();
        assert_eq!(lc(m.location(union)), (2, 1, 29));
        assert_eq!(lc(m.end_location(m.text().len())), (2, 6, 34));
    }

    #[test]
    fn long_verbatim_pieces_map_the_same_through_checkpoints() {
        // Multi-byte characters and CRLFs cut by the checkpoints, in UTF-8 and UTF-16.
        let unit = "上海 Trade\r\nUnion 🇨🇳\r";
        let long = unit.repeat(3 * CHECKPOINT / unit.len() + 7);
        for encoding in [TextEncoding::Utf8, TextEncoding::Utf16Le] {
            let start = LocationTracker::at(at(2, 5, 9).location(), encoding);
            let mut m = MappedText::new(start.clone());
            m.push_verbatim("x", start.clone());
            let mut second = start.clone();
            second.advance("x");
            m.push_verbatim(&long, second.clone());
            assert!(m.checkpoints.len() >= 3);
            let text = m.text().to_string();
            let naive = |offset: usize| {
                let mut t = start.clone();
                t.advance(&text[..offset]);
                t.location()
            };
            for (i, _) in text.char_indices().skip(1) {
                assert_eq!(m.location(i), naive(i), "{encoding} at {i}");
                assert_eq!(m.end_location(i), naive(i), "{encoding} end at {i}");
            }
            assert_eq!(m.end_location(text.len()), naive(text.len()));
        }
    }

    #[test]
    fn empty_text_maps_to_its_anchor() {
        let m = MappedText::new(at(3, 9, 40));
        assert_eq!(lc(m.start()), (3, 9, 40));
        assert_eq!(lc(m.location(0)), (3, 9, 40));
        assert_eq!(lc(m.end_location(0)), (3, 9, 40));
    }

    const GLOSSARY: &str = "\
id,preferred,deprecated,forbidden
ftu,Shanghai Federation of Trade Unions,Shanghai Trade Union,Municipal General Assembly
";

    fn segment(index: usize, unit: &str, target: MappedText) -> SegmentResult {
        Ok(Segment {
            index,
            unit: Some(unit.to_string()),
            location: target.start(),
            source: None,
            target: Some(target),
            context: None,
            plural_form: None,
            suppressions: Vec::new(),
        })
    }

    #[test]
    fn findings_on_targets_point_into_the_file_and_name_the_unit() {
        let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").unwrap();
        let matcher = TermMatcher::new(&glossary);
        let checker = Checker::new(&glossary, &matcher, RuleSet::all());
        let mut m = MappedText::new(at(5, 10, 100));
        m.push_verbatim("the Shanghai ", at(5, 10, 100));
        m.push_verbatim("Trade", at(5, 30, 120));
        m.push_verbatim(" Union.", at(5, 40, 130));
        let segments = vec![
            segment(0, "u1", m),
            Ok(Segment {
                index: 1,
                unit: Some("u2".into()),
                location: at(9, 1, 200).location(),
                source: None,
                target: None,
                context: None,
                plural_form: None,
                suppressions: Vec::new(),
            }),
        ];
        let mut visited = Vec::new();
        let doc = check_segments(
            &checker,
            segments,
            &mut WordCache::default(),
            &mut |s: &Segment, f: &mut Vec<Finding>| visited.push((s.unit.clone(), f.len())),
        )
        .unwrap();
        assert_eq!(
            visited,
            vec![(Some("u1".into()), 1), (Some("u2".into()), 0)]
        );
        assert_eq!(doc.findings.len(), 1);
        let f = &doc.findings.to_vec()[0];
        assert_eq!(f.rule, Rule::DeprecatedTerm);
        assert_eq!(f.found, "Shanghai Trade Union");
        assert_eq!(f.unit.as_deref(), Some("u1"));
        assert_eq!(lc(f.start), (5, 14, 104));
        assert_eq!(lc(f.end), (5, 46, 136), "just after \"Union\"");
    }

    #[test]
    fn consistency_spans_all_segments_of_the_document() {
        let text = "\
id,preferred,admitted
staff,workers and staff,employees
";
        let glossary = Glossary::from_csv_text(text, "g.csv").unwrap();
        let matcher = TermMatcher::new(&glossary);
        let checker = Checker::new(&glossary, &matcher, RuleSet::all());
        let lines = [
            "The employees met.",
            "The employees voted.",
            "The workers and staff left.",
        ];
        let mut offset = 0;
        let segments: Vec<SegmentResult> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let m = MappedText::verbatim(l, at(i as u64 + 1, 1, offset));
                offset += l.len() as u64 + 1;
                segment(i, &format!("line {}", i + 1), m)
            })
            .collect();
        let doc = check_segments(
            &checker,
            segments,
            &mut WordCache::default(),
            &mut NoSegmentRules,
        )
        .unwrap();
        let found: Vec<_> = doc
            .findings
            .iter()
            .map(|f| (f.rule, f.unit.clone(), f.start.line, f.start.column))
            .collect();
        assert_eq!(
            found,
            vec![(Rule::InconsistentTerm, Some("line 3".into()), 3, 5)]
        );
    }

    /// A document-level visitor: sees every segment, then adds one finding at the end.
    #[test]
    fn visitors_see_every_segment_then_finish_the_document() {
        struct Count(usize, Option<Location>);
        impl SegmentVisitor for Count {
            fn segment(&mut self, segment: &Segment, _: &mut Vec<Finding>) {
                self.0 += 1;
                self.1 = Some(segment.location);
            }
            fn finish(&mut self, findings: &mut Findings) {
                let mut f = findings.iter().next().unwrap().into_owned();
                f.message = format!("{} segments", self.0);
                f.start = self.1.unwrap();
                findings.push(f);
            }
        }
        let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").unwrap();
        let matcher = TermMatcher::new(&glossary);
        let checker = Checker::new(&glossary, &matcher, RuleSet::all());
        let segments = (0..3).map(|i| {
            segment(
                i,
                "u",
                MappedText::verbatim("Shanghai Trade Union", at(i as u64 + 1, 1, i as u64 * 21)),
            )
        });
        let mut visitor = Count(0, None);
        let doc =
            check_segments(&checker, segments, &mut WordCache::default(), &mut visitor).unwrap();
        let findings = doc.findings.to_vec();
        assert_eq!(findings.len(), 4);
        assert_eq!(findings.last().unwrap().message, "3 segments");
        assert_eq!(findings.last().unwrap().start.line, 3, "sorted by position");
    }

    #[test]
    fn a_format_error_ends_the_document() {
        let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").unwrap();
        let matcher = TermMatcher::new(&glossary);
        let checker = Checker::new(&glossary, &matcher, RuleSet::all());
        let err = FormatError::at(at(2, 3, 9).location(), "unclosed <target>");
        let segments = vec![Err(err.clone())];
        let got = check_segments(
            &checker,
            segments,
            &mut WordCache::default(),
            &mut NoSegmentRules,
        );
        assert_eq!(got.unwrap_err(), err);
        assert_eq!(
            err.in_file("a.xlf").to_string(),
            "a.xlf:2:3: unclosed <target> (byte offset 9)"
        );
    }
}
