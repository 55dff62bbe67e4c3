//! XLIFF 1.2 (and 1.0/1.1) and XLIFF 2.0/2.1, read unit by unit.
//!
//! XLIFF 1.x: every `<trans-unit>` of every `<file>` (in `<group>`s at any depth) is a segment
//! with its `<source>` and `<target>`; when a `<seg-source>` splits the unit with
//! `<mrk mtype="seg" mid="…">`, each marked segment is one (unit id `tu#mid`), paired with the
//! target's marked segment of the same `mid`. XLIFF 2.x: every `<segment>` of every `<unit>`
//! is one (unit id `unit#segment`, or the unit id alone when the unit has one segment);
//! `<ignorable>` content is not translatable and is skipped. Units with `translate="no"`,
//! alternatives (`<alt-trans>`, `<mtc:matches>`), notes and module data are skipped.
//!
//! Elements are matched by local name, so namespace prefixes (`<x:trans-unit>`) and missing
//! namespace declarations are accepted. XLIFF 1.x is read leniently: only what makes the text
//! or its unit ambiguous is refused (no `<file>`, a unit outside a `<file>`). XLIFF 2.x is
//! also checked against the constraints of its specification and modules as the file streams
//! past (see [`super::xliff2_rules`]): the first constraint broken (what makes a file of the
//! OASIS test suite invalid) is an error at the position of the element or attribute at
//! fault. When the file is still well-formed XML it is read to its end, and the error comes
//! after its segments ([`FormatError::nonconforming`]): the run reports both.

use std::collections::{HashSet, VecDeque};
use std::io::Read;

use super::xliff2_rules::Xliff2Rules;
use super::xml::{attribute, read_content, Content, InlineCodes, XmlEvent, XmlObserver, XmlReader};
use crate::location::Location;
use crate::segment::{holds_text, FormatError, MappedText, Segment, SegmentResult};

/// The inline elements of XLIFF 1.2 and 2.x (one list: their names do not clash). 1.2: `<x/>`
/// and `<ph>` replace standalone codes; `<bpt>`/`<ept>` and `<bx/>`/`<ex/>` begin and end paired
/// codes, `<it>` one whose other half is outside the segment; `<g>` wraps text in a paired code;
/// `<mrk>` annotates text. 2.x: `<ph/>` is a standalone code, `<sc/>`/`<ec/>` start and end a
/// spanning code, `<pc>` wraps text in one, `<sm/>`/`<em/>` and `<mrk>` annotate. A `<cp/>`
/// stands for a character XML cannot hold (a control character), no text a rule reads.
const INLINE_CODES: InlineCodes = InlineCodes {
    standalone: &["x", "ph"],
    paired: &["bpt", "ept", "bx", "ex", "it", "sc", "ec"],
    spanning: &["g", "pc"],
    dropped: &["sm", "em", "cp", "sub"],
};

/// A 2.x segment as read: its id, where it starts, source, target.
type SegmentParts = (
    Option<String>,
    Location,
    Option<MappedText>,
    Option<MappedText>,
);

/// Reads an XLIFF file as segments, one unit at a time.
pub struct XliffReader<R: Read> {
    xml: XmlReader<R>,
    queue: VecDeque<Segment>,
    next_index: usize,
    version: Version,
    /// Target language of the document (2.x `trgLang`) or the current file (1.x).
    target_language: Option<String>,
    in_file: usize,
    files: usize,
    /// Unit ids seen in the current file.
    ids: HashSet<String>,
    started: bool,
    finished: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Version {
    V1,
    V2,
}

impl<R: Read> XliffReader<R> {
    /// A reader of the XLIFF file `input`.
    pub fn new(input: R) -> Result<Self, FormatError> {
        Ok(XliffReader {
            xml: XmlReader::new(input)?,
            queue: VecDeque::new(),
            next_index: 0,
            version: Version::V1,
            target_language: None,
            in_file: 0,
            files: 0,
            ids: HashSet::new(),
            started: false,
            finished: false,
        })
    }

    /// Reads until at least one segment is queued or the document ends.
    fn fill(&mut self) -> Result<(), FormatError> {
        while self.queue.is_empty() && !self.finished {
            match self.xml.next_event()? {
                XmlEvent::Start {
                    name,
                    attributes,
                    empty,
                    at,
                } => self.start(&name, &attributes, empty, at)?,
                XmlEvent::End { name } => {
                    if name == "file" {
                        self.in_file = self.in_file.saturating_sub(1);
                    }
                }
                XmlEvent::Text(_) => {}
                XmlEvent::Eof => {
                    self.finished = true;
                    if self.files == 0 {
                        return Err(self.xml.error_here(
                            "no <file> element: an XLIFF document holds its units in <file>s",
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    fn start(
        &mut self,
        name: &str,
        attributes: &[(String, String)],
        empty: bool,
        at: Location,
    ) -> Result<(), FormatError> {
        if !self.started {
            self.started = true;
            if name != "xliff" {
                return Err(FormatError::at(
                    at,
                    format!("not an XLIFF file: the root element is <{name}>, not <xliff>"),
                ));
            }
            let version = attribute(attributes, "version").unwrap_or("1.2");
            self.version = if version.starts_with('1') {
                Version::V1
            } else {
                Version::V2
            };
            if self.version == Version::V2 {
                // The 2.x constraints are checked on every event from here on, including
                // those of the elements this reader skips.
                let tag = self.xml.tag_context();
                let mut rules = Xliff2Rules::new(tag.element_namespace());
                let root = XmlEvent::Start {
                    name: name.to_string(),
                    attributes: attributes.to_vec(),
                    empty,
                    at,
                };
                match rules.observe(&root, &tag) {
                    Ok(()) => self.xml.set_observer(Box::new(rules)),
                    Err(e) => self.xml.record_violation(e),
                }
            }
            self.target_language = attribute(attributes, "trgLang").map(str::to_string);
            return Ok(());
        }
        match name {
            "file" if !empty => {
                self.in_file += 1;
                self.files += 1;
                self.ids.clear();
                if self.version == Version::V1 {
                    self.target_language =
                        attribute(attributes, "target-language").map(str::to_string);
                }
            }
            "file" => self.files += 1,
            "trans-unit" | "unit" => {
                if self.in_file == 0 {
                    return Err(FormatError::at(
                        at,
                        format!("<{name}> outside a <file> element"),
                    ));
                }
                let id = attribute(attributes, "id").map(str::to_string);
                if let Some(id) = id.as_ref().filter(|_| self.version == Version::V2) {
                    // XLIFF 1.x tools (Passolo) repeat ids across groups; positions still tell
                    // the units apart, so only 2.x, whose ids are references, is strict.
                    if !self.ids.insert(id.clone()) {
                        return Err(FormatError::at(
                            at,
                            format!("duplicate unit id {id:?} in this <file>"),
                        ));
                    }
                }
                if empty {
                    return Ok(());
                }
                if attribute(attributes, "translate") == Some("no") {
                    return self.xml.skip_element();
                }
                match self.version {
                    Version::V1 => self.unit_v1(id, at)?,
                    Version::V2 => self.unit_v2(id, at)?,
                }
            }
            // Not translatable text, or text that is not the translation.
            "header" | "bin-unit" | "skeleton" | "notes" | "originalData" if !empty => {
                self.xml.skip_element()?;
            }
            _ => {}
        }
        Ok(())
    }

    fn unit_v1(&mut self, id: Option<String>, at: Location) -> Result<(), FormatError> {
        let depth = self.xml.depth();
        let mut source: Option<Content> = None;
        let mut seg_source: Option<Content> = None;
        let mut target: Option<Content> = None;
        loop {
            match self.xml.next_event()? {
                XmlEvent::Start { name, empty, .. } => match name.as_str() {
                    _ if empty => {}
                    "source" => source = Some(read_content(&mut self.xml, &INLINE_CODES, false)?),
                    "seg-source" => {
                        seg_source = Some(read_content(&mut self.xml, &INLINE_CODES, true)?)
                    }
                    "target" => target = Some(read_content(&mut self.xml, &INLINE_CODES, true)?),
                    _ => self.xml.skip_element()?,
                },
                XmlEvent::End { .. } if self.xml.depth() < depth => break,
                XmlEvent::End { .. } | XmlEvent::Text(_) => {}
                XmlEvent::Eof => return Err(self.xml.error_here("the file ends inside a unit")),
            }
        }
        // Segmented units pair marked segments by mid; a target that is not segmented (or no
        // target) pairs with the whole source instead, so no target text is lost.
        let marked = seg_source
            .as_ref()
            .is_some_and(|s| !s.marked_segments.is_empty())
            && target
                .as_ref()
                .is_none_or(|t| !t.marked_segments.is_empty() || !holds_text(t.text.text()));
        if !marked {
            self.push(
                id,
                at,
                source.map(|c| c.text).or(seg_source.map(|c| c.text)),
                target.map(|c| c.text),
            );
            return Ok(());
        }
        let seg_source = seg_source.expect("marked");
        let mut target_segments = target.map(|t| t.marked_segments).unwrap_or_default();
        for (mid, text) in seg_source.marked_segments {
            let found = target_segments.iter().position(|(m, _)| *m == mid);
            let target = found.map(|i| target_segments.remove(i).1);
            let unit = Some(format!("{}#{mid}", id.as_deref().unwrap_or("")));
            self.push(unit, at, Some(text), target);
        }
        Ok(())
    }

    fn unit_v2(&mut self, id: Option<String>, at: Location) -> Result<(), FormatError> {
        let depth = self.xml.depth();
        let mut segments: Vec<SegmentParts> = Vec::new();
        let mut part_ids = HashSet::new();
        loop {
            match self.xml.next_event()? {
                XmlEvent::Start {
                    name,
                    attributes,
                    empty,
                    at: segment_at,
                } => match name.as_str() {
                    "segment" | "ignorable" => {
                        let segment_id = attribute(&attributes, "id").map(str::to_string);
                        if let Some(sid) = &segment_id {
                            if !part_ids.insert(sid.clone()) {
                                return Err(FormatError::at(
                                    segment_at,
                                    format!("duplicate segment id {sid:?} in this unit"),
                                ));
                            }
                        }
                        if empty {
                            continue;
                        }
                        let (source, target) = self.segment_v2()?;
                        // Ignorable content is outside the segments: not translatable text.
                        if name == "segment" {
                            segments.push((segment_id, segment_at, source, target));
                        }
                    }
                    _ if empty => {}
                    _ => self.xml.skip_element()?,
                },
                XmlEvent::End { .. } if self.xml.depth() < depth => break,
                XmlEvent::End { .. } | XmlEvent::Text(_) => {}
                XmlEvent::Eof => return Err(self.xml.error_here("the file ends inside a unit")),
            }
        }
        let several = segments.len() > 1;
        for (n, (segment_id, segment_at, source, target)) in segments.into_iter().enumerate() {
            let unit = match (&id, several) {
                (Some(id), false) => Some(id.clone()),
                (id, _) => Some(format!(
                    "{}#{}",
                    id.as_deref().unwrap_or(""),
                    segment_id.unwrap_or_else(|| (n + 1).to_string())
                )),
            };
            self.push(unit, if several { segment_at } else { at }, source, target);
        }
        Ok(())
    }

    /// A 2.x `<target>` needs `trgLang`. (An `xml:lang` on a source or target that differs
    /// from `srcLang`/`trgLang` is accepted: it changes nothing in what is checked, and real
    /// fixtures, such as matecat's, have it.)
    fn check_target_language(&self, at: Location) -> Result<(), FormatError> {
        match &self.target_language {
            Some(_) => Ok(()),
            None => Err(FormatError::at(
                at,
                "a <target> but no trgLang on <xliff>: the target language is unknown",
            )),
        }
    }

    fn segment_v2(&mut self) -> Result<(Option<MappedText>, Option<MappedText>), FormatError> {
        let depth = self.xml.depth();
        let (mut source, mut target) = (None, None);
        loop {
            match self.xml.next_event()? {
                XmlEvent::Start {
                    name, empty, at, ..
                } => match name.as_str() {
                    "source" | "target" => {
                        let slot = if name == "source" { &source } else { &target };
                        if slot.is_some() {
                            return Err(FormatError::at(
                                at,
                                format!("a second <{name}> in one segment"),
                            ));
                        }
                        if name == "target" {
                            self.check_target_language(at)?;
                        }
                        let text = if empty {
                            MappedText::new(self.xml.here())
                        } else {
                            read_content(&mut self.xml, &INLINE_CODES, false)?.text
                        };
                        if name == "source" {
                            source = Some(text);
                        } else {
                            target = Some(text);
                        }
                    }
                    _ if empty => {}
                    _ => self.xml.skip_element()?,
                },
                XmlEvent::End { .. } if self.xml.depth() < depth => break,
                XmlEvent::End { .. } | XmlEvent::Text(_) => {}
                XmlEvent::Eof => {
                    return Err(self.xml.error_here("the file ends inside a segment"));
                }
            }
        }
        Ok((source, target))
    }

    fn push(
        &mut self,
        unit: Option<String>,
        location: Location,
        source: Option<MappedText>,
        target: Option<MappedText>,
    ) {
        self.queue.push_back(Segment {
            index: self.next_index,
            unit,
            location,
            source,
            target,
            context: None,
            plural_form: None,
            suppressions: Vec::new(),
        });
        self.next_index += 1;
    }
}

impl<R: Read> Iterator for XliffReader<R> {
    type Item = SegmentResult;

    fn next(&mut self) -> Option<SegmentResult> {
        if let Err(e) = self.fill() {
            self.finished = true;
            self.queue.clear();
            return Some(Err(e));
        }
        // A broken rule of XLIFF 2 comes after every segment (see `FormatError::nonconforming`).
        match self.queue.pop_front() {
            Some(segment) => Some(Ok(segment)),
            None => self.xml.take_violation().map(Err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Row = (Option<String>, String, Option<String>);

    fn read(xml: &str) -> Result<Vec<Row>, FormatError> {
        XliffReader::new(xml.as_bytes())?
            .map(|s| {
                s.map(|s| {
                    (
                        s.unit,
                        s.source.map(|t| t.text().to_string()).unwrap_or_default(),
                        s.target.map(|t| t.text().to_string()),
                    )
                })
            })
            .collect()
    }

    fn row(unit: &str, source: &str, target: Option<&str>) -> Row {
        (
            Some(unit.to_string()),
            source.to_string(),
            target.map(str::to_string),
        )
    }

    #[test]
    fn xliff12_units_with_markup_groups_and_several_files() {
        let xml = r#"<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="zh-CN" target-language="en" datatype="plaintext" original="a">
  <header><note>not text</note></header>
  <body>
   <group><group>
    <trans-unit id="1"><source>上海<g id="1">总工会</g></source>
      <target>Shanghai <g id="1">Trade</g> Union <ph id="2">{0}</ph> &amp; co</target>
      <alt-trans><target>ignored</target></alt-trans></trans-unit>
   </group></group>
   <trans-unit id="2" translate="no"><source>x</source><target>y</target></trans-unit>
   <trans-unit id="3"><source>无译文</source></trans-unit>
  </body>
 </file>
 <file source-language="zh-CN" target-language="en-US" original="b"><body>
   <trans-unit id="1"><source>a</source><target><![CDATA[<b>]]></target></trans-unit>
 </body></file>
</xliff>"#;
        assert_eq!(
            read(xml).unwrap(),
            [
                // The <ph> reads as a placeholder; the <g> leaves nothing between words.
                row("1", "上海总工会", Some("Shanghai Trade Union {} & co")),
                row("3", "无译文", None),
                row("1", "a", Some("<b>")),
            ]
        );
    }

    #[test]
    fn xliff12_seg_source_marks_split_units() {
        let xml = r#"<xliff version="1.2"><file target-language="en"><body>
<trans-unit id="t"><source>一。二。</source>
<seg-source><mrk mtype="seg" mid="1">一。</mrk><mrk mtype="seg" mid="2">二。</mrk></seg-source>
<target><mrk mtype="seg" mid="2">Two.</mrk> <mrk mtype="seg" mid="1">One.</mrk></target>
</trans-unit></body></file></xliff>"#;
        assert_eq!(
            read(xml).unwrap(),
            [
                row("t#1", "一。", Some("One.")),
                row("t#2", "二。", Some("Two."))
            ]
        );
    }

    #[test]
    fn a_target_without_marks_pairs_with_the_whole_source() {
        let xml = r#"<xliff version="1.2"><file target-language="en"><body>
<trans-unit id="t"><source>一。二。</source>
<seg-source><mrk mtype="seg" mid="1">一。</mrk><mrk mtype="seg" mid="2">二。</mrk></seg-source>
<target>One. Two.</target></trans-unit></body></file></xliff>"#;
        assert_eq!(
            read(xml).unwrap(),
            [row("t", "一。二。", Some("One. Two."))]
        );
    }

    /// A target of codes and empty marks (as Trados writes an untranslated segmented unit)
    /// holds no text: the source's marked segments are each a segment without a target.
    #[test]
    fn a_target_of_codes_and_empty_marks_pairs_by_mark() {
        let xml = r#"<xliff version="1.2"><file target-language="en"><body>
<trans-unit id="t"><source><x id="1"/>一。二。</source>
<seg-source><x id="1"/><mrk mtype="seg" mid="1">一。</mrk> <mrk mtype="seg" mid="2">二。</mrk></seg-source>
<target><x id="1"/><mrk mtype="seg" mid="1"/> <mrk mtype="seg" mid="2"/></target></trans-unit></body></file></xliff>"#;
        assert_eq!(
            read(xml).unwrap(),
            [row("t#1", "一。", None), row("t#2", "二。", None)]
        );
    }

    #[test]
    fn namespace_prefixes_are_accepted() {
        let xml = r#"<x:xliff version="1.2" xmlns:x="urn:oasis:names:tc:xliff:document:1.2">
<x:file target-language="en"><x:body><x:trans-unit id="a"><x:source>s</x:source>
<x:target>t <x:g>u</x:g></x:target></x:trans-unit></x:body></x:file></x:xliff>"#;
        assert_eq!(read(xml).unwrap(), [row("a", "s", Some("t u"))]);
    }

    #[test]
    fn xliff20_segments_ignorables_and_codes() {
        let xml = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"
 srcLang="zh" trgLang="en">
 <file id="f1"><group id="g"><unit id="u1">
   <originalData><data id="d1">&lt;b&gt;</data></originalData>
   <segment id="s1"><source>一</source><target>The <pc id="1">ACFTU</pc><ph id="2" dataRef="d1"/>.</target></segment>
   <ignorable><source> </source><target> </target></ignorable>
   <segment id="s2"><source>二</source></segment>
 </unit></group>
 <unit id="u2"><segment><source>三</source><target>Three<sc id="3"/> <ec startRef="3"/></target></segment></unit>
 </file></xliff>"#;
        assert_eq!(
            read(xml).unwrap(),
            [
                row("u1#s1", "一", Some("The ACFTU{}.")),
                row("u1#s2", "二", None),
                row("u2", "三", Some("Three ")),
            ]
        );
    }

    /// Standalone codes read as placeholders; a paired code, begun, ended or spanning,
    /// leaves nothing but a separator between the digits it stands between (XLIFF 1.2 and 2).
    #[test]
    fn inline_codes_leave_a_placeholder_or_keep_digits_apart() {
        let sep = crate::segment::CODE_BOUNDARY;
        let v1 = r#"<xliff version="1.2"><file target-language="en"><body>
<trans-unit id="a"><source>您获得了<x id="1"/>金币</source>
<target>You got <x id="1"/> Gold Coins, 10<g id="2" ctype="x-sup">6</g> bytes, 10<bx id="3"/>6<ex id="4"/>,
 1<it id="5" pos="open">&lt;b&gt;</it>2, <ph id="6">%d</ph> items, <g id="7">Trade Union</g>s</target>
</trans-unit></body></file></xliff>"#;
        let target = format!(
            "You got {{}} Gold Coins, 10{sep}6 bytes, 10{sep}6,\n 1{sep}2, {{}} items, Trade Unions"
        );
        assert_eq!(
            read(v1).unwrap(),
            [row("a", "您获得了{}金币", Some(&target))]
        );
        let v2 = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"
 srcLang="zh" trgLang="en"><file id="f"><unit id="u"><segment>
 <source>一</source>
 <target>Got <ph id="1"/> Gold Coins, 10<pc id="2">6</pc>, 10<sc id="3"/>6<ec startRef="3"/>, a<sm id="m"/>1<em startRef="m"/>2<cp hex="0001"/>3</target>
 </segment></unit></file></xliff>"#;
        let target = format!("Got {{}} Gold Coins, 10{sep}6, 10{sep}6, a123");
        assert_eq!(read(v2).unwrap(), [row("u", "一", Some(&target))]);
    }

    #[track_caller]
    fn error(xml: &str) -> (u64, u64, String) {
        let e = read(xml).unwrap_err();
        let l = e.location.expect("errors have positions");
        (l.line, l.column, e.message)
    }

    #[test]
    fn invalid_documents_are_errors_with_positions() {
        let (line, column, message) = error(
            "<xliff version=\"2.0\" srcLang=\"en\">\n<file id=\"f\"><unit id=\"u\"><segment>\
             <source>a</source>\n  <target>b</target></segment></unit></file></xliff>",
        );
        assert_eq!((line, column), (3, 3));
        assert!(message.contains("trgLang"), "{message}");
        // XLIFF 1.x ids repeated (as Passolo writes them) are accepted: positions differ.
        let repeated = read(
            "<xliff version=\"1.2\"><file><body>\n<trans-unit id=\"1\"><source>a</source>\
             </trans-unit>\n<trans-unit id=\"1\"><source>b</source></trans-unit></body></file></xliff>",
        );
        assert_eq!(repeated.unwrap().len(), 2);
        let v2 = |body: &str| {
            format!(
                "<xliff version=\"2.0\" srcLang=\"zh\" trgLang=\"en\"><file id=\"f\">\n{body}</file></xliff>"
            )
        };
        let (line, column, message) = error(&v2(
            "<unit id=\"u\"><segment><source>a</source><source>b</source></segment></unit>",
        ));
        assert_eq!((line, column), (2, 41));
        assert!(message.contains("second <source>"), "{message}");
        let (_, _, message) = error(&v2(
            "<unit id=\"u\"><segment id=\"s\"><source>a</source></segment>\
             <ignorable id=\"s\"><source> </source></ignorable></unit>",
        ));
        assert!(message.contains("duplicate segment id"), "{message}");
        let unit = "<unit id=\"u\"><segment><source>a</source></segment></unit>";
        let (_, _, message) = error(&v2(&format!("{unit}{unit}")));
        assert!(message.contains("duplicate unit id"), "{message}");
        let (_, _, message) = error("<xliff version=\"2.0\" srcLang=\"en\"></xliff>");
        assert!(message.contains("no <file>"), "{message}");
        let (line, column, message) = error("<tmx>\n</tmx>");
        assert_eq!((line, column), (1, 1));
        assert!(message.contains("not an XLIFF"), "{message}");
        let (line, _, message) = error(
            "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\">\n<source>a</source>\n<target>b",
        );
        assert_eq!(line, 3);
        assert!(message.contains("ends inside <target>"), "{message}");
    }

    #[test]
    fn target_positions_are_in_the_file() {
        let xml = "<xliff version=\"1.2\"><file target-language=\"en\"><body>\n\
                   <trans-unit id=\"1\"><source>a</source>\n  <target>x <g id=\"1\">Trade</g> &amp; Union</target>\n\
                   </trans-unit></body></file></xliff>";
        let segment = XliffReader::new(xml.as_bytes())
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        let target = segment.target.unwrap();
        assert_eq!(target.text(), "x Trade & Union");
        let at = |s: &str| {
            let i = target.text().find(s).unwrap();
            let (a, b) = target.span(i..i + s.len());
            (a.line, a.column, b.line, b.column)
        };
        assert_eq!(at("x"), (3, 11, 3, 12));
        assert_eq!(at("Trade"), (3, 23, 3, 28));
        assert_eq!(at("&"), (3, 33, 3, 38));
        assert_eq!(at("Trade & Union"), (3, 23, 3, 44));
        assert_eq!((segment.location.line, segment.location.column), (2, 1));
    }
}
