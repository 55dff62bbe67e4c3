//! TMX 1.4 (and 1.1–1.3) translation memories, read one `<tu>` at a time.
//!
//! Each `<tu>` is a segment (unit id: its `tuid`, else its 1-based number). Its `<tuv>`s are
//! told apart by `xml:lang` (`lang` in TMX 1.1). The source is the `<tuv>` in the source
//! language (`--source-lang`, else the header's `srclang` unless it is `*all*`, else the
//! first `<tuv>`); the target is the `<tuv>` in `--target-lang`, else the first English one
//! (`en`, `en-US`…) that is not the source, else the first other one. Languages match exactly
//! (ignoring case), else by primary subtag: `zh` and `zh-Hans` match `zh-CN`. Inline codes
//! (`bpt`, `ept`, `ph`, `it`, `ut`) are dropped, a `<ph>` read as a placeholder and the others
//! keeping digits on either side apart (see [`crate::segment::CODE_PLACEHOLDER`]); the text
//! of `hi` is kept.

use std::io::Read;

use super::xml::{attribute, attribute_local, read_content, InlineCodes, XmlEvent, XmlReader};
use crate::location::Location;
use crate::segment::{FormatError, MappedText, Segment, SegmentResult};

/// The inline elements of TMX 1.4: `<ph>` holds standalone codes; `<bpt>`/`<ept>` begin and
/// end paired codes, `<it>` one whose other half is outside the segment; `<ut>` (deprecated)
/// holds codes of unknown kind, read as the weaker trace, a boundary; `<hi>` highlights text;
/// `<sub>` is a sub-flow inside a code's data.
const INLINE_CODES: InlineCodes = InlineCodes {
    standalone: &["ph"],
    paired: &["bpt", "ept", "it", "ut"],
    spanning: &[],
    dropped: &["sub"],
};

/// Which languages of a multilingual file are source and target.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LanguagePair {
    /// The source language (a BCP 47 tag or its prefix), when chosen.
    pub source: Option<String>,
    /// The target language, when chosen.
    pub target: Option<String>,
}

/// How well language tag `tag` matches the requested `wanted`: 2 exactly, 1 by primary
/// subtag, 0 not.
pub fn language_match(tag: &str, wanted: &str) -> u8 {
    let (tag, wanted) = (tag.to_ascii_lowercase(), wanted.to_ascii_lowercase());
    if tag == wanted {
        2
    } else if tag.split(['-', '_']).next() == wanted.split(['-', '_']).next() {
        1
    } else {
        0
    }
}

/// The index of the best match of `wanted` among `languages`.
fn best<'a>(languages: impl Iterator<Item = &'a str>, wanted: &str) -> Option<usize> {
    languages
        .enumerate()
        .map(|(i, l)| (language_match(l, wanted), i))
        .filter(|(score, _)| *score > 0)
        // Best score first, then the earliest.
        .max_by_key(|(score, i)| (*score, std::cmp::Reverse(*i)))
        .map(|(_, i)| i)
}

/// Reads a TMX file as segments.
pub struct TmxReader<R: Read> {
    xml: XmlReader<R>,
    languages: LanguagePair,
    header_source: Option<String>,
    units: usize,
    targets_found: usize,
    started: bool,
    finished: bool,
}

impl<R: Read> TmxReader<R> {
    /// A reader of the TMX file `input`, with the languages chosen (or not) by the user.
    pub fn new(input: R, languages: LanguagePair) -> Result<Self, FormatError> {
        Ok(TmxReader {
            xml: XmlReader::new(input)?,
            languages,
            header_source: None,
            units: 0,
            targets_found: 0,
            started: false,
            finished: false,
        })
    }

    fn next_unit(&mut self) -> Result<Option<Segment>, FormatError> {
        while !self.finished {
            match self.xml.next_event()? {
                XmlEvent::Start {
                    name,
                    attributes,
                    empty,
                    at,
                } => {
                    if !self.started {
                        self.started = true;
                        if name != "tmx" {
                            return Err(FormatError::at(
                                at,
                                format!("not a TMX file: the root element is <{name}>, not <tmx>"),
                            ));
                        }
                        continue;
                    }
                    match name.as_str() {
                        "header" => {
                            self.header_source = attribute(&attributes, "srclang")
                                .filter(|l| !l.eq_ignore_ascii_case("*all*"))
                                .map(str::to_string);
                            if !empty {
                                self.xml.skip_element()?;
                            }
                        }
                        "tu" if !empty => {
                            let id = attribute(&attributes, "tuid").map(str::to_string);
                            return self.unit(id, at).map(Some);
                        }
                        _ => {}
                    }
                }
                XmlEvent::End { .. } | XmlEvent::Text(_) => {}
                XmlEvent::Eof => {
                    self.finished = true;
                    if let Some(wanted) = &self.languages.target {
                        if self.units > 0 && self.targets_found == 0 {
                            return Err(self.xml.error_here(format!(
                                "no <tuv> in the target language {wanted:?} in any of the {} \
                                 <tu>s",
                                self.units
                            )));
                        }
                    }
                }
            }
        }
        Ok(None)
    }

    fn unit(&mut self, id: Option<String>, at: Location) -> Result<Segment, FormatError> {
        let depth = self.xml.depth();
        let mut variants: Vec<(String, MappedText)> = Vec::new();
        loop {
            match self.xml.next_event()? {
                XmlEvent::Start {
                    name,
                    attributes,
                    empty,
                    at: tuv_at,
                } => match name.as_str() {
                    _ if empty => {}
                    "tuv" => {
                        let Some(lang) = attribute(&attributes, "xml:lang")
                            .or_else(|| attribute_local(&attributes, "lang"))
                            .map(str::to_string)
                        else {
                            return Err(FormatError::at(tuv_at, "a <tuv> without xml:lang"));
                        };
                        if let Some(text) = self.variant()? {
                            variants.push((lang, text));
                        }
                    }
                    _ => self.xml.skip_element()?,
                },
                XmlEvent::End { .. } if self.xml.depth() < depth => break,
                XmlEvent::End { .. } | XmlEvent::Text(_) => {}
                XmlEvent::Eof => return Err(self.xml.error_here("the file ends inside a <tu>")),
            }
        }
        self.units += 1;
        let langs = || variants.iter().map(|(l, _)| l.as_str());
        let source_lang = self
            .languages
            .source
            .as_ref()
            .or(self.header_source.as_ref());
        let source = match source_lang {
            Some(wanted) => best(langs(), wanted),
            None => (!variants.is_empty()).then_some(0),
        };
        let target = match &self.languages.target {
            Some(wanted) => best(langs(), wanted).filter(|&i| Some(i) != source),
            None => {
                let other = |i: &usize| Some(*i) != source;
                langs()
                    .enumerate()
                    .find(|(i, l)| other(i) && language_match(l, "en") > 0)
                    .map(|(i, _)| i)
                    .or_else(|| (0..variants.len()).find(other))
            }
        };
        if target.is_some() {
            self.targets_found += 1;
        }
        let mut take = |i: Option<usize>| {
            i.map(|i| std::mem::replace(&mut variants[i].1, MappedText::new(self.xml.here())))
        };
        let source = take(source);
        let target = take(target);
        Ok(Segment {
            index: self.units - 1,
            unit: Some(id.unwrap_or_else(|| self.units.to_string())),
            location: at,
            source,
            target,
            context: None,
            plural_form: None,
            suppressions: Vec::new(),
        })
    }

    /// The text of the `<seg>` of the `<tuv>` just started.
    fn variant(&mut self) -> Result<Option<MappedText>, FormatError> {
        let depth = self.xml.depth();
        let mut text = None;
        loop {
            match self.xml.next_event()? {
                XmlEvent::Start { name, empty, .. } => match name.as_str() {
                    "seg" if empty => text = Some(MappedText::new(self.xml.here())),
                    _ if empty => {}
                    "seg" => text = Some(read_content(&mut self.xml, &INLINE_CODES, false)?.text),
                    _ => self.xml.skip_element()?,
                },
                XmlEvent::End { .. } if self.xml.depth() < depth => return Ok(text),
                XmlEvent::End { .. } | XmlEvent::Text(_) => {}
                XmlEvent::Eof => return Err(self.xml.error_here("the file ends inside a <tuv>")),
            }
        }
    }
}

impl<R: Read> Iterator for TmxReader<R> {
    type Item = SegmentResult;

    fn next(&mut self) -> Option<SegmentResult> {
        match self.next_unit() {
            Ok(s) => s.map(Ok),
            Err(e) => {
                self.finished = true;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence"
 adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>
<body>
<tu tuid="a"><prop type="x">p</prop>
 <tuv xml:lang="zh-CN"><seg>上海<bpt i="1">&lt;b&gt;</bpt>总工会<ept i="1">&lt;/b&gt;</ept></seg></tuv>
 <tuv xml:lang="fr"><seg>Syndicat</seg></tuv>
 <tuv xml:lang="en-US"><seg>Shanghai <hi>Trade</hi> Union<ph x="1">{0}</ph></seg></tuv>
</tu>
<tu><tuv lang="ZH-cn"><seg>二</seg></tuv></tu>
</body></tmx>"#;

    type Row = (Option<String>, Option<String>, Option<String>);

    fn read(xml: &str, languages: LanguagePair) -> Result<Vec<Row>, FormatError> {
        TmxReader::new(xml.as_bytes(), languages)?
            .map(|s| {
                s.map(|s| {
                    (
                        s.unit,
                        s.source.map(|t| t.text().to_string()),
                        s.target.map(|t| t.text().to_string()),
                    )
                })
            })
            .collect()
    }

    fn row(unit: &str, source: Option<&str>, target: Option<&str>) -> Row {
        (
            Some(unit.to_string()),
            source.map(str::to_string),
            target.map(str::to_string),
        )
    }

    #[test]
    fn default_languages_are_the_header_source_and_english() {
        assert_eq!(
            read(TMX, LanguagePair::default()).unwrap(),
            [
                row("a", Some("上海总工会"), Some("Shanghai Trade Union{}")),
                row("2", Some("二"), None),
            ]
        );
    }

    #[test]
    fn languages_are_chosen_by_prefix() {
        let pair = LanguagePair {
            source: Some("zh-Hans".into()),
            target: Some("fr".into()),
        };
        assert_eq!(
            read(TMX, pair).unwrap(),
            [
                row("a", Some("上海总工会"), Some("Syndicat")),
                row("2", Some("二"), None),
            ]
        );
    }

    #[test]
    fn a_target_language_in_no_unit_is_an_error() {
        let pair = LanguagePair {
            source: None,
            target: Some("de".into()),
        };
        let err = read(TMX, pair).unwrap_err();
        assert!(err.message.contains("\"de\""), "{}", err.message);
        assert!(err.location.is_some());
        let err = read(
            "<tmx><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>",
            LanguagePair::default(),
        )
        .unwrap_err();
        assert!(err.message.contains("xml:lang"), "{}", err.message);
        assert_eq!(err.location.map(|l| l.column), Some(16));
    }

    /// A `<ph>` reads as a placeholder; paired, isolated and unknown codes keep digits apart
    /// and leave nothing between words.
    #[test]
    fn inline_codes_leave_a_placeholder_or_keep_digits_apart() {
        let tmx = r#"<tmx version="1.4"><header srclang="zh"/><body><tu tuid="a">
<tuv xml:lang="zh"><seg>您获得了<ph x="1">{0}</ph>金币</seg></tuv>
<tuv xml:lang="en"><seg>Got <ph x="1">{0}</ph> Gold Coins, 10<bpt i="1">&lt;sup&gt;</bpt>6<ept i="1">&lt;/sup&gt;</ept>, 1<it pos="begin">&lt;b&gt;</it>2<ut>&lt;br&gt;</ut>3, <bpt i="2">&lt;b&gt;</bpt>Trade Union<ept i="2">&lt;/b&gt;</ept>s</seg></tuv>
</tu></body></tmx>"#;
        let sep = crate::segment::CODE_BOUNDARY;
        let target = format!("Got {{}} Gold Coins, 10{sep}6, 1{sep}2{sep}3, Trade Unions");
        assert_eq!(
            read(tmx, LanguagePair::default()).unwrap(),
            [row("a", Some("您获得了{}金币"), Some(&target))]
        );
    }

    #[test]
    fn positions_skip_inline_codes() {
        let mut reader = TmxReader::new(TMX.as_bytes(), LanguagePair::default()).unwrap();
        let target = reader.next().unwrap().unwrap().target.unwrap();
        let i = target.text().find("Union").unwrap();
        let (start, end) = target.span(i..i + 5);
        assert_eq!((start.line, start.column), (8, 53));
        assert_eq!((end.line, end.column), (8, 58));
    }
}
