//! Streaming XML for the bilingual readers: decoding, positions, and the safety limits.
//!
//! The file is decoded to UTF-8 as it is read (UTF-8, UTF-16 with a byte-order mark or the NUL
//! pattern of ASCII, or the encoding its XML declaration names, through `encoding_rs`) and fed
//! to `quick-xml`, which sees a UTF-8 stream. [`XmlInput`] keeps the decoded bytes from the
//! last position asked about, so turning a stream position into a [`Location`] of the original
//! file walks each byte once; memory stays bounded by the largest element, not the file.
//!
//! Entities: only XML's five predefined entities and character references are expanded. A
//! `<!DOCTYPE>` is skipped without reading its internal subset, external entities are never
//! fetched, and a reference to any other entity is an error. That rules out entity-expansion
//! bombs and external-entity attacks (XXE) by construction.

use std::io::{self, BufRead, Read};
use std::sync::Arc;

use quick_xml::events::{BytesStart, Event};

use crate::input::decode::{detect_encoding, Decoder};
use crate::location::{Location, LocationTracker, TextEncoding};
use crate::normalize::{floor_char_boundary, is_word_char};
use crate::segment::{FormatError, MappedText, CODE_BOUNDARY, CODE_PLACEHOLDER};

/// Deepest element nesting accepted; deeper documents are refused (stack-exhaustion attacks,
/// runaway generated files). Real XLIFF and TMX files stay far below it.
pub const MAX_DEPTH: usize = 256;

/// Bytes of raw file read at a time.
const READ_CHUNK: usize = 64 * 1024;

/// Bytes of the file's start examined for a byte-order mark and an XML declaration.
const HEAD: usize = 1024;

/// The encoding of an XML file: the byte-order mark, else UTF-16 detected from NUL bytes, else
/// the declaration's `encoding`, else UTF-8. Returns the encoding and the byte-order mark's
/// length.
pub fn sniff_encoding(head: &[u8]) -> Result<(TextEncoding, usize), FormatError> {
    let detected = detect_encoding(head);
    if detected.bom_len > 0 || detected.encoding != TextEncoding::Utf8 {
        return Ok((detected.encoding, detected.bom_len));
    }
    let Some(label) = declared_encoding(head) else {
        return Ok((TextEncoding::Utf8, 0));
    };
    match encoding_rs::Encoding::for_label(label.as_bytes()) {
        Some(e) if e == encoding_rs::UTF_8 => Ok((TextEncoding::Utf8, 0)),
        // A declared UTF-16 without a byte-order mark or NUL pattern is really ASCII-compatible.
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => {
            Ok((TextEncoding::Utf8, 0))
        }
        Some(e) => Ok((TextEncoding::Legacy(e), 0)),
        None => Err(FormatError::at(
            Location {
                line: 1,
                column: 1,
                byte_offset: 0,
            },
            format!("unknown encoding {label:?} in the XML declaration"),
        )),
    }
}

/// Whether a file's first bytes look like XML: after a byte-order mark and whitespace (in
/// UTF-8 or UTF-16), a `<`.
pub fn looks_like_xml(head: &[u8]) -> bool {
    let d = detect_encoding(head);
    let body = &head[d.bom_len..];
    let first = match d.encoding {
        TextEncoding::Utf16Le => body
            .chunks(2)
            .map(|c| c[0])
            .find(|b| !b.is_ascii_whitespace()),
        TextEncoding::Utf16Be => body
            .chunks(2)
            .filter_map(|c| c.get(1).copied())
            .find(|b| !b.is_ascii_whitespace()),
        _ => body.iter().copied().find(|b| !b.is_ascii_whitespace()),
    };
    first == Some(b'<')
}

/// The `encoding="…"` of an XML declaration at the start of `head`.
fn declared_encoding(head: &[u8]) -> Option<String> {
    let head = &head[..head.len().min(HEAD)];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(&head[..end]).ok()?;
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let rest = rest.trim_start();
    let quote = rest.chars().next().filter(|&c| c == '"' || c == '\'')?;
    let value = &rest[1..];
    value.find(quote).map(|e| value[..e].trim().to_string())
}

/// A file's bytes decoded to UTF-8 on the fly, for `quick-xml`, with the positions of the
/// original file.
pub struct XmlInput<R> {
    inner: R,
    decoder: Decoder,
    raw: Vec<u8>,
    eof: bool,
    /// Decoded text from stream position `walked` on.
    pending: String,
    /// How much of `pending` the XML parser has consumed.
    consumed: usize,
    /// Stream position of `pending[0]`.
    walked: u64,
    /// The file position of `pending[0]`.
    tracker: LocationTracker,
    /// Why decoding stopped, when it did.
    error: Option<FormatError>,
}

impl<R: Read> XmlInput<R> {
    /// Reads `inner`, whose first bytes are `head` (already read), in `encoding`, after a
    /// byte-order mark of `bom_len` bytes.
    pub fn new(inner: R, head: Vec<u8>, encoding: TextEncoding, bom_len: usize) -> Self {
        XmlInput {
            inner,
            decoder: Decoder::new(encoding, bom_len as u64),
            raw: head[bom_len.min(head.len())..].to_vec(),
            eof: false,
            pending: String::new(),
            consumed: 0,
            walked: 0,
            tracker: LocationTracker::new(encoding, bom_len as u64),
            error: None,
        }
    }

    /// The position in the file of stream position `pos` (a character boundary not before the
    /// last position asked about). Forgets the decoded text before it.
    pub fn tracker_at(&mut self, pos: u64) -> LocationTracker {
        if pos > self.walked {
            let n = ((pos - self.walked) as usize).min(self.pending.len());
            let n = floor_char_boundary(&self.pending, n);
            self.tracker.advance(&self.pending[..n]);
            self.pending.drain(..n);
            self.consumed -= n.min(self.consumed);
            self.walked += n as u64;
        }
        self.tracker.clone()
    }

    /// [`XmlInput::tracker_at`], as a location.
    pub fn location_at(&mut self, pos: u64) -> Location {
        self.tracker_at(pos).location()
    }

    /// The decoding error that stopped the stream, if any.
    pub fn take_error(&mut self) -> Option<FormatError> {
        self.error.take()
    }

    fn refill(&mut self) -> io::Result<()> {
        while self.consumed == self.pending.len() && !self.eof {
            if self.raw.is_empty() {
                self.raw.resize(READ_CHUNK, 0);
                let n = loop {
                    match self.inner.read(&mut self.raw) {
                        Ok(n) => break n,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        Err(e) => {
                            self.raw.clear();
                            return Err(e);
                        }
                    }
                };
                self.raw.truncate(n);
                if n == 0 {
                    self.eof = true;
                }
            }
            let chunk = std::mem::take(&mut self.raw);
            if let Err(e) = self.decoder.decode(&chunk, self.eof, &mut self.pending) {
                // Everything before the bad bytes is in `pending`: walk it for the position.
                let mut at = self.tracker.clone();
                at.advance(&self.pending);
                let mut location = at.location();
                location.byte_offset = e.byte_offset;
                let mut reason = e.reason;
                if let Some(encoding) = e.looks_like {
                    reason.push_str(&format!(
                        ", or declare its encoding: <?xml version=\"1.0\" encoding=\"{}\"?>",
                        encoding.name()
                    ));
                }
                let error = FormatError::at(location, reason);
                self.error = Some(error.clone());
                self.eof = true;
                return Err(io::Error::new(io::ErrorKind::InvalidData, error));
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for XmlInput<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for XmlInput<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.refill()?;
        Ok(&self.pending.as_bytes()[self.consumed..])
    }

    fn consume(&mut self, amount: usize) {
        self.consumed = (self.consumed + amount).min(self.pending.len());
    }
}

/// An XML event with what the readers need, positions included.
#[derive(Debug)]
pub enum XmlEvent {
    /// A start tag (`empty` for `<x/>`): local name, attributes (names as written, values
    /// with references expanded), and where its `<` is.
    Start {
        /// The element's name without a namespace prefix.
        name: String,
        /// Attributes in order: qualified name, value.
        attributes: Vec<(String, String)>,
        /// Written as an empty-element tag.
        empty: bool,
        /// Where the tag starts.
        at: Location,
    },
    /// An end tag.
    End {
        /// The element's name without a namespace prefix.
        name: String,
    },
    /// Character data: literal text, CDATA content or a resolved reference, with its place.
    Text(TextPiece),
    /// The end of the document.
    Eof,
}

/// Text as the readers append it to a [`MappedText`].
#[derive(Debug)]
pub enum TextPiece {
    /// Written in the file exactly so.
    Verbatim(String, LocationTracker),
    /// A reference (`&amp;`, `&#x4E0A;`) standing for this text, from the tracker's location
    /// to the end location.
    Replaced(String, LocationTracker, Location),
}

impl TextPiece {
    /// Appends the piece to `text`.
    pub fn push_to(&self, text: &mut MappedText) {
        match self {
            TextPiece::Verbatim(s, at) => text.push_verbatim(s, at.clone()),
            TextPiece::Replaced(s, at, end) => text.push_replaced(s, at.clone(), *end),
        }
    }

    /// The text it stands for.
    pub fn text(&self) -> &str {
        match self {
            TextPiece::Verbatim(s, _) | TextPiece::Replaced(s, _, _) => s,
        }
    }

    /// Where the piece starts.
    pub fn tracker(&self) -> &LocationTracker {
        match self {
            TextPiece::Verbatim(_, at) | TextPiece::Replaced(_, at, _) => at,
        }
    }
}

/// A pull parser over [`XmlInput`] that returns owned events with file positions, checks
/// nesting, and refuses what termcheck does not expand.
pub struct XmlReader<R: Read> {
    reader: quick_xml::Reader<XmlInput<R>>,
    buf: Vec<u8>,
    /// Names of the open elements (local names).
    open: Vec<String>,
    /// Where the open elements start, for "not closed" errors.
    open_at: Vec<Location>,
    /// The root element was seen.
    seen_root: bool,
    /// The root element was closed: only comments and whitespace may follow.
    root_closed: bool,
    done: bool,
    /// Namespace bindings in scope, innermost last: (depth of the declaring element, prefix
    /// or "" for the default namespace, URI).
    bindings: Vec<(usize, Arc<str>, Arc<str>)>,
    /// The last event was an empty-element tag: its bindings go before the next event.
    pop_empty: bool,
    /// Where the last start tag starts (for attribute positions).
    tag_at: Option<LocationTracker>,
    /// Sees every event before the caller does (a format's own validation).
    observer: Option<Box<dyn XmlObserver + Send>>,
    /// The first rule the observer found broken; the observer is dropped then, and reading
    /// goes on.
    violation: Option<FormatError>,
}

/// A check that sees every event of the document, with the last start tag's namespaces and
/// attribute positions, and can stop the reading with an error.
pub trait XmlObserver {
    /// Called for each event, before the reader returns it.
    fn observe(&mut self, event: &XmlEvent, tag: &TagContext<'_>) -> Result<(), FormatError>;
}

/// What an [`XmlObserver`] may ask about the last start tag: its namespace, its attributes'
/// namespaces and where each attribute is written.
pub struct TagContext<'a> {
    raw: &'a [u8],
    at: Option<&'a LocationTracker>,
    bindings: &'a [(usize, Arc<str>, Arc<str>)],
}

/// The namespace of the `xml:` prefix, bound in every document.
pub const XML_NAMESPACE: &str = "http://www.w3.org/XML/1998/namespace";

impl TagContext<'_> {
    /// The URI bound to `prefix` ("" for the default namespace), if any.
    pub fn namespace_of(&self, prefix: &str) -> Option<&str> {
        if prefix == "xml" {
            return Some(XML_NAMESPACE);
        }
        self.bindings
            .iter()
            .rev()
            .find(|(_, p, _)| &**p == prefix)
            .map(|(_, _, uri)| &**uri)
            .filter(|uri| !uri.is_empty())
    }

    /// The namespace of the element of the last start tag ("" when it has none).
    pub fn element_namespace(&self) -> &str {
        let name = tag_name(self.raw);
        let prefix = name.split_once(':').map_or("", |(p, _)| p);
        self.namespace_of(prefix).unwrap_or("")
    }

    /// The namespace of the attribute `qualified` (as written) of the last start tag: ""
    /// for an unprefixed attribute (attributes do not take the default namespace), `None`
    /// for an undeclared prefix.
    pub fn attribute_namespace(&self, qualified: &str) -> Option<&str> {
        match qualified.split_once(':') {
            None => Some(""),
            Some((prefix, _)) => self.namespace_of(prefix),
        }
    }

    /// Where the attribute `qualified` of the last start tag is written; the tag's position
    /// when it has no such attribute.
    pub fn attribute_location(&self, qualified: &str) -> Location {
        let Some(at) = self.at else {
            return Location::default();
        };
        let mut at = at.clone();
        if let Some(offset) = attribute_offset(self.raw, qualified) {
            at.advance("<");
            at.advance(&String::from_utf8_lossy(&self.raw[..offset]));
        }
        at.location()
    }

    /// Where the last start tag starts.
    pub fn tag_location(&self) -> Location {
        self.at.map(LocationTracker::location).unwrap_or_default()
    }
}

/// Records the namespace declarations of a start tag at depth `depth`.
fn bind(bindings: &mut Vec<(usize, Arc<str>, Arc<str>)>, e: &BytesStart<'_>, depth: usize) {
    for attribute in e.attributes().flatten() {
        let key: &str = attribute.key.as_ref();
        let prefix = if key == "xmlns" {
            ""
        } else if let Some(p) = key.strip_prefix("xmlns:") {
            p
        } else {
            continue;
        };
        let uri: &str = attribute.value.as_ref();
        bindings.push((depth, prefix.into(), uri.into()));
    }
}

/// The element name at the start of a raw start tag (`name attr="…"`).
fn tag_name(raw: &[u8]) -> &str {
    let end = raw
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/')
        .unwrap_or(raw.len());
    std::str::from_utf8(&raw[..end]).unwrap_or("")
}

/// The byte offset of attribute `qualified` in a raw, well-formed start tag.
fn attribute_offset(raw: &[u8], qualified: &str) -> Option<usize> {
    let mut i = tag_name(raw).len();
    loop {
        while i < raw.len() && raw[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= raw.len() || raw[i] == b'/' {
            return None;
        }
        let start = i;
        while i < raw.len() && raw[i] != b'=' && !raw[i].is_ascii_whitespace() {
            i += 1;
        }
        if &raw[start..i] == qualified.as_bytes() {
            return Some(start);
        }
        while i < raw.len() && raw[i] != b'"' && raw[i] != b'\'' {
            i += 1;
        }
        let quote = *raw.get(i)?;
        i += 1;
        while i < raw.len() && raw[i] != quote {
            i += 1;
        }
        i += 1;
    }
}

impl<R: Read> XmlReader<R> {
    /// A reader of the XML file `inner`: sniffs its encoding from the first bytes.
    pub fn new(mut inner: R) -> Result<Self, FormatError> {
        let mut head = vec![0u8; HEAD];
        let mut filled = 0;
        while filled < HEAD {
            match inner.read(&mut head[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(FormatError::whole(e.to_string())),
            }
        }
        head.truncate(filled);
        let (encoding, bom_len) = sniff_encoding(&head)?;
        // quick-xml would skip a second byte-order mark silently and every position after it
        // would be short by its length: refuse it (a U+FEFF before the root is not XML).
        let second: &[u8] = match encoding {
            TextEncoding::Utf16Le => &[0xFF, 0xFE],
            TextEncoding::Utf16Be => &[0xFE, 0xFF],
            _ => &[0xEF, 0xBB, 0xBF],
        };
        if bom_len > 0 && head[bom_len..].starts_with(second) {
            let mut at = LocationTracker::new(encoding, bom_len as u64).location();
            at.byte_offset = bom_len as u64;
            return Err(FormatError::at(
                at,
                "a second byte-order mark (U+FEFF) before the root element: the XML is not well-formed",
            ));
        }
        let input = XmlInput::new(inner, head, encoding, bom_len);
        let mut reader = quick_xml::Reader::from_reader(input);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        config.trim_text(false);
        Ok(XmlReader {
            reader,
            buf: Vec::new(),
            open: Vec::new(),
            open_at: Vec::new(),
            seen_root: false,
            root_closed: false,
            done: false,
            bindings: Vec::new(),
            pop_empty: false,
            tag_at: None,
            observer: None,
            violation: None,
        })
    }

    /// Installs `observer`, which then sees every later event.
    pub fn set_observer(&mut self, observer: Box<dyn XmlObserver + Send>) {
        self.observer = Some(observer);
    }

    /// The last start tag, for an observer called by hand (on an event read before it was
    /// installed).
    pub fn tag_context(&self) -> TagContext<'_> {
        // The buffer holds the tag as read, from its `<`.
        TagContext {
            raw: self.buf.strip_prefix(b"<").unwrap_or(&self.buf),
            at: self.tag_at.as_ref(),
            bindings: &self.bindings,
        }
    }

    /// Lets the observer see `event`. A rule it finds broken is kept, not returned: the
    /// document is still well-formed, so it is read to its end (see [`XmlReader::violation`]).
    fn notify(&mut self, event: XmlEvent) -> Result<XmlEvent, FormatError> {
        if let Some(mut observer) = self.observer.take() {
            match observer.observe(&event, &self.tag_context()) {
                Ok(()) => self.observer = Some(observer),
                Err(e) => self.record_violation(e),
            }
        }
        Ok(event)
    }

    /// Keeps `error`, a rule of the format broken, unless one is kept already (later ones may
    /// follow from the first); the observer sees nothing more.
    pub fn record_violation(&mut self, error: FormatError) {
        self.observer = None;
        self.violation.get_or_insert(error.nonconforming());
    }

    /// The first rule the observer found broken, once.
    pub fn take_violation(&mut self) -> Option<FormatError> {
        self.violation.take()
    }

    /// Forgets the namespace declarations of elements deeper than `depth`.
    fn unbind(&mut self, depth: usize) {
        while self.bindings.last().is_some_and(|(d, _, _)| *d > depth) {
            self.bindings.pop();
        }
    }

    /// How deep the reader is: the number of open elements.
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    /// The location of stream position `pos`.
    fn location(&mut self, pos: u64) -> Location {
        self.reader.get_mut().location_at(pos)
    }

    /// Where the last start tag starts (its `<`); the current position before any.
    pub fn tag_start(&mut self) -> LocationTracker {
        match &self.tag_at {
            Some(at) => at.clone(),
            None => self.here(),
        }
    }

    /// The position just after the last event (inside an element just started: where its
    /// content starts).
    pub fn here(&mut self) -> LocationTracker {
        let pos = self.reader.buffer_position();
        self.reader.get_mut().tracker_at(pos)
    }

    /// An error at the current position.
    pub fn error_here(&mut self, message: impl Into<String>) -> FormatError {
        let pos = self.reader.buffer_position();
        FormatError::at(self.location(pos), message)
    }

    /// The next event; an error for malformed XML, undefined entities, too deep nesting,
    /// undecodable bytes.
    pub fn next_event(&mut self) -> Result<XmlEvent, FormatError> {
        loop {
            if self.done {
                return Ok(XmlEvent::Eof);
            }
            let start = self.reader.buffer_position();
            // Walk to the start of this event now: positions only move forward.
            let at = self.reader.get_mut().tracker_at(start);
            if self.pop_empty {
                self.pop_empty = false;
                self.unbind(self.open.len());
            }
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(e) => e,
                Err(e) => {
                    if let Some(decode) = self.reader.get_mut().take_error() {
                        return Err(decode);
                    }
                    let pos = self.reader.error_position();
                    let location = self.reader.get_mut().location_at(pos.max(start));
                    return Err(FormatError::at(location, format!("malformed XML: {e}")));
                }
            };
            let end_pos = self.reader.buffer_position();
            let after_root = match &event {
                Event::Start(_) | Event::Empty(_) | Event::CData(_) | Event::GeneralRef(_) => true,
                Event::Text(t) => !t.trim_ascii().is_empty(),
                _ => false,
            };
            if self.root_closed && after_root {
                return Err(FormatError::at(
                    at.location(),
                    "content after the end of the root element: the XML is not well-formed",
                ));
            }
            match event {
                Event::Start(e) => {
                    let (name, attributes) = start_tag(&e, at.location())?;
                    if self.open.len() >= MAX_DEPTH {
                        return Err(FormatError::at(
                            at.location(),
                            format!("elements nested deeper than {MAX_DEPTH} levels"),
                        ));
                    }
                    self.open.push(name.clone());
                    self.open_at.push(at.location());
                    self.seen_root = true;
                    bind(&mut self.bindings, &e, self.open.len());
                    let location = at.location();
                    self.tag_at = Some(at);
                    return self.notify(XmlEvent::Start {
                        name,
                        attributes,
                        empty: false,
                        at: location,
                    });
                }
                Event::Empty(e) => {
                    let (name, attributes) = start_tag(&e, at.location())?;
                    self.seen_root = true;
                    self.root_closed = self.open.is_empty();
                    bind(&mut self.bindings, &e, self.open.len() + 1);
                    self.pop_empty = true;
                    let location = at.location();
                    self.tag_at = Some(at);
                    return self.notify(XmlEvent::Start {
                        name,
                        attributes,
                        empty: true,
                        at: location,
                    });
                }
                Event::End(e) => {
                    let name = local(e.local_name().as_ref());
                    self.open.pop();
                    self.open_at.pop();
                    self.unbind(self.open.len());
                    self.root_closed = self.open.is_empty();
                    return self.notify(XmlEvent::End { name });
                }
                Event::Text(t) => {
                    if self.open.is_empty() {
                        continue;
                    }
                    let text = t.into_inner().into_owned();
                    return self.notify(XmlEvent::Text(TextPiece::Verbatim(text, at)));
                }
                Event::CData(t) => {
                    let text = t.into_inner().into_owned();
                    let mut inside = at;
                    inside.advance("<![CDATA[");
                    return self.notify(XmlEvent::Text(TextPiece::Verbatim(text, inside)));
                }
                Event::GeneralRef(r) => {
                    let name = r.into_inner().into_owned();
                    let end = self.location(end_pos);
                    let text = resolve_reference(&name).ok_or_else(|| {
                        FormatError::at(
                            at.location(),
                            format!(
                                "reference to the entity &{name}; (only XML's predefined entities \
                                 and character references are expanded; DTD entities are not)"
                            ),
                        )
                    })?;
                    if self.open.is_empty() {
                        continue;
                    }
                    return self.notify(XmlEvent::Text(TextPiece::Replaced(text, at, end)));
                }
                // The DOCTYPE's internal subset is never read: no entity is declared.
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => continue,
                Event::Eof => {
                    self.done = true;
                    if let Some(name) = self.open.last().cloned() {
                        let opened = *self.open_at.last().expect("one per open element");
                        return Err(FormatError::at(
                            self.location(end_pos),
                            format!(
                                "the file ends inside <{name}> (opened at {opened}); the XML is \
                                 truncated or not well-formed"
                            ),
                        ));
                    }
                    if !self.seen_root {
                        return Err(FormatError::at(
                            self.location(end_pos),
                            "no XML element in the file",
                        ));
                    }
                    return self.notify(XmlEvent::Eof);
                }
            }
        }
    }

    /// Skips to the end of the element just started (its content is not needed).
    pub fn skip_element(&mut self) -> Result<(), FormatError> {
        let depth = self.open.len();
        loop {
            match self.next_event()? {
                XmlEvent::End { .. } if self.open.len() < depth => return Ok(()),
                XmlEvent::Eof => return Ok(()),
                _ => {}
            }
        }
    }
}

/// The content of an element holding translatable text (`<source>`, `<target>`, `<seg>`).
#[derive(Debug)]
pub struct Content {
    /// Its text: inline markup removed, a standalone code read as a placeholder (see
    /// [`InlineCodes`]).
    pub text: MappedText,
    /// The texts of `<mrk mtype="seg">` segments in it (XLIFF 1.2), by `mid`.
    pub marked_segments: Vec<(String, MappedText)>,
}

/// What the inline elements of a format stand for in the text read, as its specification
/// defines them (elements matched by local name). An element in none of the lists keeps its
/// text and leaves no trace (XLIFF `<mrk>`, TMX `<hi>`: annotations of the text, not codes).
#[derive(Debug, Clone, Copy)]
pub struct InlineCodes {
    /// Standalone codes (a variable, an image, a line break: XLIFF 1.2 `<x/>` and `<ph>`,
    /// XLIFF 2 `<ph/>`, TMX `<ph>`): something the document or the program puts there, read
    /// as the placeholder [`CODE_PLACEHOLDER`], which maps to the whole element. Their
    /// content is code data.
    pub standalone: &'static [&'static str],
    /// The start or end of a paired code, alone (XLIFF 1.2 `<bpt>`, `<ept>`, `<bx/>`, `<ex/>`,
    /// `<it>`; XLIFF 2 `<sc/>`, `<ec/>`; TMX `<bpt>`, `<ept>`, `<it>`, `<ut>`): formatting
    /// begun or ended, whose content is code data. See [`CODE_BOUNDARY`] for what is left.
    pub paired: &'static [&'static str],
    /// Paired codes whose content is text (XLIFF 1.2 `<g>`, XLIFF 2 `<pc>`): their start and
    /// end tags are boundaries as [`InlineCodes::paired`] ones are.
    pub spanning: &'static [&'static str],
    /// Elements that leave no trace and whose content is no text of the translation (XLIFF 2
    /// annotation markers `<sm/>`, `<em/>`; a `<sub>` sub-flow out of place).
    pub dropped: &'static [&'static str],
}

impl InlineCodes {
    /// No inline codes: every element keeps its text (TBX terms and notes).
    pub const NONE: InlineCodes = InlineCodes {
        standalone: &[],
        paired: &[],
        spanning: &[],
        dropped: &[],
    };
}

/// An inline element whose content is not read, while it is open.
enum Skipped {
    /// A standalone code started here: read as a placeholder at its end, or as a line break
    /// when it marks one.
    Standalone(LocationTracker, bool),
    /// Half a paired code, or a dropped element.
    Code { boundary: bool },
}

/// Whether `c` is a decimal digit as numbers are read (ASCII or full-width).
fn is_decimal_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{FF10}'..='\u{FF19}').contains(&c)
}

/// Appends `piece` to `text`, after [`CODE_BOUNDARY`] when a paired code stood between the
/// digit `text` ends with and the digit `piece` starts with.
pub(crate) fn push_after_boundary(text: &mut MappedText, piece: &TextPiece, boundary: bool) {
    if boundary
        && text.text().ends_with(is_decimal_digit)
        && piece.text().starts_with(is_decimal_digit)
    {
        // Zero-width, where the text after the code starts.
        let at = piece.tracker().clone();
        let end = at.location();
        text.push_replaced(CODE_BOUNDARY, at, end);
    }
    piece.push_to(text);
}

/// Reads the content of the element just started, to its end tag: text and the text of inline
/// elements is kept, and the inline codes of `codes` leave what it says. With `split_marks`,
/// the segments marked by `<mrk mtype="seg" mid="…">` are collected too.
pub fn read_content<R: Read>(
    xml: &mut XmlReader<R>,
    codes: &InlineCodes,
    split_marks: bool,
) -> Result<Content, FormatError> {
    let depth = xml.depth();
    let mut content = Content {
        text: MappedText::new(xml.here()),
        marked_segments: Vec::new(),
    };
    // The element whose content is skipped, and its depth.
    let mut skipping: Option<(usize, Skipped)> = None;
    let mut mark: Option<(String, MappedText, usize)> = None;
    // A paired code stood since the last text.
    let mut boundary = false;
    // A standalone code read last, whose reading waits for the text after it (see
    // [`glued_on_one_side`]).
    let mut code: Option<StandaloneCode> = None;
    loop {
        match xml.next_event()? {
            XmlEvent::Start {
                name,
                attributes,
                empty,
                ..
            } => {
                if skipping.is_some() {
                    continue;
                }
                let name = name.as_str();
                if codes.standalone.contains(&name) {
                    push_placeholder(&mut content.text, &mut mark, code.take());
                    let start = xml.tag_start();
                    let line_break = marks_a_line_break(&attributes);
                    if empty {
                        code = Some(StandaloneCode {
                            start,
                            end: xml.here().location(),
                            line_break,
                        });
                        boundary = false;
                    } else {
                        skipping = Some((xml.depth(), Skipped::Standalone(start, line_break)));
                    }
                } else if codes.paired.contains(&name) {
                    boundary = true;
                    if !empty {
                        skipping = Some((xml.depth(), Skipped::Code { boundary: true }));
                    }
                } else if codes.dropped.contains(&name) {
                    if !empty {
                        skipping = Some((xml.depth(), Skipped::Code { boundary: false }));
                    }
                } else if codes.spanning.contains(&name) {
                    boundary = true;
                } else if split_marks
                    && !empty
                    && name == "mrk"
                    && attribute(&attributes, "mtype") == Some("seg")
                    && mark.is_none()
                {
                    push_placeholder(&mut content.text, &mut mark, code.take());
                    let mid = attribute(&attributes, "mid")
                        .unwrap_or_default()
                        .to_string();
                    mark = Some((mid, MappedText::new(xml.here()), xml.depth()));
                }
            }
            XmlEvent::End { name } => {
                let now = xml.depth();
                if now < depth {
                    push_placeholder(&mut content.text, &mut mark, code.take());
                    if let Some((mid, text, _)) = mark.take() {
                        content.marked_segments.push((mid, text));
                    }
                    return Ok(content);
                }
                match skipping.take() {
                    Some((d, skipped)) if now < d => match skipped {
                        Skipped::Standalone(start, line_break) => {
                            code = Some(StandaloneCode {
                                start,
                                end: xml.here().location(),
                                line_break,
                            });
                            boundary = false;
                        }
                        Skipped::Code { boundary: b } => boundary |= b,
                    },
                    still => {
                        if still.is_none() && codes.spanning.contains(&name.as_str()) {
                            boundary = true;
                        }
                        skipping = still;
                    }
                }
                if mark.as_ref().is_some_and(|(_, _, d)| now < *d) {
                    push_placeholder(&mut content.text, &mut mark, code.take());
                    let (mid, text, _) = mark.take().expect("checked");
                    content.marked_segments.push((mid, text));
                }
            }
            XmlEvent::Text(piece) => {
                if skipping.is_none() {
                    if code.as_ref().is_some_and(|c| c.line_break)
                        || !glued_on_one_side(content.text.text(), piece.text())
                    {
                        push_placeholder(&mut content.text, &mut mark, code.take());
                    }
                    code = None;
                    push_after_boundary(&mut content.text, &piece, boundary);
                    if let Some((_, text, _)) = &mut mark {
                        push_after_boundary(text, &piece, boundary);
                    }
                    boundary = false;
                }
            }
            XmlEvent::Eof => return Err(xml.error_here("the file ends inside an element")),
        }
    }
}

/// Whether a standalone code between the text `before` it and the text `after` it is written
/// against a word on one side and set off by whitespace on the other ("the tea <x/>plant",
/// "Trade<x/> Union"): that is formatting of the word it touches (an anchor, a bookmark, a
/// line break or a soft hyphen after a space), and the whitespace alone parts the words, so
/// the code leaves no trace and a term reads across it. A code set off on both sides ("You
/// received <ph/> Gold Coins") is a word of its own, and one inside a word or against
/// punctuation or the edge of the text may be a variable's place: both read as the
/// placeholder.
fn glued_on_one_side(before: &str, after: &str) -> bool {
    let (Some(before), Some(after)) = (before.chars().next_back(), after.chars().next()) else {
        return false;
    };
    (before.is_whitespace() && is_word_char(after))
        || (is_word_char(before) && after.is_whitespace())
}

/// A standalone code read, from `start` to `end`, whose reading waits for the text after it.
struct StandaloneCode {
    start: LocationTracker,
    end: Location,
    /// It marks a line break (see [`marks_a_line_break`]).
    line_break: bool,
}

/// Whether a standalone code's attributes say it is a line break: XLIFF 1.2 `ctype="lb"`,
/// XLIFF 2 `subType="xlf:lb"`, TMX `type="lb"`. It reads as one, whitespace between words
/// (a term wrapped there is still found), neither a placeholder nor nothing.
fn marks_a_line_break(attributes: &[(String, String)]) -> bool {
    attribute(attributes, "ctype") == Some("lb")
        || attribute(attributes, "subType") == Some("xlf:lb")
        || attribute(attributes, "type") == Some("lb")
}

/// Appends what a standalone code reads as (if `code` is one) to `text` and to the marked
/// segment being read, if any: [`CODE_PLACEHOLDER`], or a line break.
fn push_placeholder(
    text: &mut MappedText,
    mark: &mut Option<(String, MappedText, usize)>,
    code: Option<StandaloneCode>,
) {
    let Some(StandaloneCode {
        start,
        end,
        line_break,
    }) = code
    else {
        return;
    };
    let reading = if line_break { "\n" } else { CODE_PLACEHOLDER };
    if let Some((_, marked, _)) = mark {
        marked.push_replaced(reading, start.clone(), end);
    }
    text.push_replaced(reading, start, end);
}

fn local(name: &str) -> String {
    name.to_string()
}

fn start_tag(
    e: &BytesStart<'_>,
    at: Location,
) -> Result<(String, Vec<(String, String)>), FormatError> {
    let name = local(e.local_name().as_ref());
    let mut attributes = Vec::new();
    for attribute in e.attributes() {
        let attribute = attribute.map_err(|err| {
            FormatError::at(at, format!("malformed attribute in <{name}>: {err}"))
        })?;
        let key = local(attribute.key.as_ref());
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| {
                FormatError::at(
                    at,
                    format!("attribute {key} of <{name}>: {err} (DTD entities are not expanded)"),
                )
            })?
            .into_owned();
        attributes.push((key, value));
    }
    Ok((name, attributes))
}

/// The text of a predefined entity or character reference (`amp`, `#38`, `#x26`).
fn resolve_reference(name: &str) -> Option<String> {
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let code =
                if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok()?
                } else {
                    name.strip_prefix('#')?.parse().ok()?
                };
            char::from_u32(code)?
        }
    };
    Some(c.to_string())
}

/// The value of attribute `name` (qualified name as written, e.g. `xml:lang`).
pub fn attribute<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The value of the attribute whose local name is `name`, whatever its prefix.
pub fn attribute_local<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(k, _)| k == name || k.rsplit(':').next() == Some(name))
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(xml: &[u8]) -> Result<Vec<String>, FormatError> {
        let mut r = XmlReader::new(xml)?;
        let mut out = Vec::new();
        loop {
            match r.next_event()? {
                XmlEvent::Start { name, at, .. } => out.push(format!("<{name}@{at}")),
                XmlEvent::End { name } => out.push(format!("</{name}")),
                XmlEvent::Text(TextPiece::Verbatim(t, at)) => {
                    out.push(format!("{t:?}@{}", at.location()))
                }
                XmlEvent::Text(TextPiece::Replaced(t, at, end)) => {
                    out.push(format!("{t:?}@{}-{end}", at.location()))
                }
                XmlEvent::Eof => return Ok(out),
            }
        }
    }

    #[test]
    fn events_carry_file_positions() {
        let got = events("<a>\n  <b x='1'>上&amp;海</b></a>".as_bytes()).unwrap();
        assert_eq!(
            got,
            [
                "<a@1:1",
                "\"\\n  \"@1:4",
                "<b@2:3",
                "\"上\"@2:12",
                "\"&\"@2:13-2:18",
                "\"海\"@2:18",
                "</b",
                "</a"
            ]
        );
    }

    #[test]
    fn positions_count_utf16_and_legacy_bytes() {
        let text = "<a>上<b/>x</a>";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let mut r = XmlReader::new(&bytes[..]).unwrap();
        let mut offsets = Vec::new();
        loop {
            match r.next_event().unwrap() {
                XmlEvent::Start { at, .. } => offsets.push(at.byte_offset),
                XmlEvent::Text(t) => offsets.push(t.tracker().location().byte_offset),
                XmlEvent::End { .. } => {}
                XmlEvent::Eof => break,
            }
        }
        assert_eq!(offsets, [2, 8, 10, 18]);
        let latin = b"<?xml version='1.0' encoding='windows-1252'?>\n<a>caf\xE9 \x93x\x94</a>";
        let got = events(latin).unwrap();
        assert_eq!(got, ["<a@2:1", "\"café “x”\"@2:4", "</a"]);
    }

    #[test]
    fn malformed_xml_and_bad_bytes_are_errors_with_positions() {
        let err = events(b"<a>\n<b></c></a>").unwrap_err();
        assert_eq!(err.location.map(|l| (l.line, l.column)), Some((2, 4)));
        let err = events(b"<a>\n  <b>x").unwrap_err();
        assert!(err.message.contains("ends inside <b>"), "{}", err.message);
        let err = events(b"<?xml version='1.0' encoding='UTF-8'?>\n<a>ab\xA9</a>").unwrap_err();
        let l = err.location.unwrap();
        assert_eq!((l.line, l.column, l.byte_offset), (2, 6, 44));
        assert!(err.message.contains("0xA9"), "{}", err.message);
        let err = events(b"<a>x</a>\n<b/>").unwrap_err();
        assert_eq!(err.location.map(|l| (l.line, l.column)), Some((2, 1)));
        assert!(events(b"<a/>\n<!-- c -->\n").is_ok());
        assert!(events(b"").is_err());
        assert!(events(b"\xEF\xBB\xBF").is_err());
        assert!(events(b"not xml at all").is_err());
    }

    #[test]
    fn dtd_entities_are_never_expanded() {
        let bomb =
            b"<!DOCTYPE a [<!ENTITY x \"xxxxxxxx\"><!ENTITY y \"&x;&x;&x;&x;\">]>\n<a>&y;</a>";
        let err = events(bomb).unwrap_err();
        assert!(err.message.contains("&y;"), "{}", err.message);
        assert_eq!(err.location.map(|l| (l.line, l.column)), Some((2, 4)));
        let xxe = b"<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>";
        assert!(events(xxe).is_err());
        // A DOCTYPE without entity references is fine.
        assert!(events(b"<!DOCTYPE a SYSTEM \"a.dtd\"><a>x &#x4E0A;</a>").is_ok());
    }

    #[test]
    fn deep_nesting_is_refused() {
        let xml = format!(
            "{}{}",
            "<a>".repeat(MAX_DEPTH + 1),
            "</a>".repeat(MAX_DEPTH + 1)
        );
        let err = events(xml.as_bytes()).unwrap_err();
        assert!(err.message.contains("nested deeper"), "{}", err.message);
    }

    const CODES: InlineCodes = InlineCodes {
        standalone: &["x", "ph"],
        paired: &["bpt", "ept", "bx", "ex"],
        spanning: &["g"],
        dropped: &["sm"],
    };

    /// The content of the root element of `xml` as [`read_content`] reads it with `CODES`.
    fn content(xml: &str, split_marks: bool) -> Content {
        let mut r = XmlReader::new(xml.as_bytes()).unwrap();
        assert!(matches!(r.next_event().unwrap(), XmlEvent::Start { .. }));
        read_content(&mut r, &CODES, split_marks).unwrap()
    }

    #[track_caller]
    fn text_of(xml: &str) -> String {
        content(xml, false).text.text().to_string()
    }

    #[test]
    fn a_standalone_code_reads_as_a_placeholder() {
        for (xml, text) in [
            (
                "<t>You received <x id='1'/> Gold Coins</t>",
                "You received {} Gold Coins",
            ),
            (
                "<t>Got <ph id='1'>%d</ph> Gold Coins</t>",
                "Got {} Gold Coins",
            ),
            // Its content is code data, a sub-flow included.
            ("<t>a<ph>&lt;img alt='<sub>b</sub>'&gt;</ph>c</t>", "a{}c"),
            ("<t><x/><x/></t>", "{}{}"),
            ("<t>a<ph></ph>b</t>", "a{}b"),
            // Inside a word, against punctuation or the edge of the text: a variable's place.
            ("<t>10<x/>6 <x/>, <ph>%s</ph>.</t>", "10{}6 {}, {}."),
            ("<t><x/>Tea plant<x/></t>", "{}Tea plant{}"),
            ("<t>茶树<x/>病虫害</t>", "茶树{}病虫害"),
            ("<t>tea <x/><x/>plant</t>", "tea {}{}plant"),
        ] {
            assert_eq!(text_of(xml), text, "{xml}");
        }
        // A code written against a word on one side and set off by whitespace on the other is
        // formatting of the word it touches: the whitespace parts the words, the code leaves
        // nothing.
        for (xml, text) in [
            ("<t>the tea <x id='2'/>plant</t>", "the tea plant"),
            ("<t>the tea<x id='2'/> plant</t>", "the tea plant"),
            (
                "<t>the tea <ph>&lt;a name='p'/&gt;</ph>plant</t>",
                "the tea plant",
            ),
            ("<t>the tea <g><x/></g>plant</t>", "the tea plant"),
            ("<t>the tea\n<x/>plant</t>", "the tea\nplant"),
        ] {
            assert_eq!(text_of(xml), text, "{xml}");
        }
        // Elements that are no standalone code leave no placeholder.
        for (xml, text) in [
            ("<t>Trade <g id='1'>Union</g></t>", "Trade Union"),
            ("<t>Trade<bx id='1'/> Union<ex id='1'/></t>", "Trade Union"),
            ("<t>a<sm/>b <mrk>c</mrk></t>", "ab c"),
            (
                "<t>a<bpt id='1'>&lt;b&gt;</bpt>b<ept id='1'>&lt;/b&gt;</ept></t>",
                "ab",
            ),
        ] {
            assert_eq!(text_of(xml), text, "{xml}");
        }
    }

    #[test]
    fn the_placeholder_maps_to_the_whole_code_and_the_text_keeps_its_positions() {
        let xml = "<t>Got\n <ph id='1'>{count}</ph> 上<x id='2'/>Coins</t>";
        let got = content(xml, false).text;
        assert_eq!(got.text(), "Got\n {} 上{}Coins");
        let lc = |l: Location| (l.line, l.column, l.byte_offset);
        let first = got.text().find("{}").unwrap();
        assert_eq!(lc(got.location(first)), (2, 2, 8), "the <ph>'s <");
        assert_eq!(lc(got.end_location(first + 2)), (2, 25, 31), "after </ph>");
        let second = got.text().rfind("{}").unwrap();
        assert_eq!(lc(got.location(second)), (2, 27, 35), "the <x/>'s <");
        assert_eq!(lc(got.end_location(second + 2)), (2, 38, 46), "after <x/>");
        let coins = got.text().find("Coins").unwrap();
        assert_eq!(lc(got.location(coins)), (2, 38, 46));
        let up = got.text().find('上').unwrap();
        assert_eq!(lc(got.span(up..up + 3).1), (2, 27, 35));
        // A code that leaves nothing: the words on either side keep their places, and a span
        // across it runs from the first to the end of the last.
        let got = content("<t>上 tea <x id='2'/>plant</t>", false).text;
        assert_eq!(got.text(), "上 tea plant");
        let tea = got.text().find("tea").unwrap();
        let (start, end) = got.span(tea..got.text().len());
        assert_eq!((lc(start), lc(end)), ((1, 6, 7), (1, 26, 27)));
    }

    #[test]
    fn a_paired_code_between_digits_keeps_them_two_numbers() {
        let sep = CODE_BOUNDARY;
        for (xml, text) in [
            (
                "<t>10<g ctype='x-sup'>6</g> bytes</t>",
                format!("10{sep}6 bytes"),
            ),
            (
                "<t>10<bpt i='1'>&lt;sup&gt;</bpt>6<ept i='1'>&lt;/sup&gt;</ept></t>",
                format!("10{sep}6"),
            ),
            ("<t><g>1</g><g>2</g></t>", format!("1{sep}2")),
            ("<t>１０<bx id='1'/>６</t>", format!("１０{sep}６")),
            ("<t>10<g>&#54;</g></t>", format!("10{sep}6")),
        ] {
            assert_eq!(text_of(xml), text, "{xml}");
        }
        // Anywhere else it leaves nothing: words run across it, and what is written against a
        // number reads as written.
        for (xml, text) in [
            ("<t>Two <g id='1'>Trade Union</g>s</t>", "Two Trade Unions"),
            (
                "<t><g>30</g>%, 1<g ctype='x-sup'>st</g>, $<g>5</g></t>",
                "30%, 1st, $5",
            ),
            ("<t>10<g/> <g>6</g></t>", "10 6"),
            ("<t>10<x/>6</t>", "10{}6"),
            ("<t>10<sm/>6 a<mrk>1</mrk>2</t>", "106 a12"),
            ("<t>10<g>⁶</g></t>", "10⁶"),
        ] {
            assert_eq!(text_of(xml), text, "{xml}");
        }
        // Zero-width, where the text after the code starts: the digits keep their positions.
        let got = content("<t>10<g id='1'>6</g></t>", false).text;
        let six = got.text().rfind('6').unwrap();
        assert_eq!(got.location(six).column, 16);
        assert_eq!(got.location(2).column, 16);
        assert_eq!(got.end_location(2).column, 6, "just after the 10");
        assert_eq!(got.end_location(six + 1).column, 17);
    }

    #[test]
    fn marked_segments_keep_the_marks_too() {
        let got = content(
            "<t><mrk mtype='seg' mid='1'>Got <x/> coins</mrk><mrk mtype='seg' mid='2'>10<g>6</g></mrk></t>",
            true,
        );
        let texts: Vec<(&str, &str)> = got
            .marked_segments
            .iter()
            .map(|(mid, t)| (mid.as_str(), t.text()))
            .collect();
        let sep = CODE_BOUNDARY;
        assert_eq!(texts, [("1", "Got {} coins"), ("2", &*format!("10{sep}6"))]);
        assert_eq!(got.text.text(), format!("Got {{}} coins10{sep}6"));
    }

    /// Records, for each start tag, its namespace and where its `b` attribute is.
    struct Recorder(std::sync::Arc<std::sync::Mutex<Vec<String>>>);

    impl XmlObserver for Recorder {
        fn observe(&mut self, event: &XmlEvent, tag: &TagContext<'_>) -> Result<(), FormatError> {
            if let XmlEvent::Start { name, .. } = event {
                let b = tag.attribute_location("x:b");
                let ns = tag.attribute_namespace("x:b").unwrap_or("-").to_string();
                self.0
                    .lock()
                    .unwrap()
                    .push(format!("{name} {} x:b@{b} {ns}", tag.element_namespace()));
            }
            Ok(())
        }
    }

    #[test]
    fn observers_see_namespaces_and_attribute_positions() {
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let xml = "<r xmlns='urn:d' xmlns:x='urn:x'>\n <x:e a='x:b=1'\n   x:b=\"2\"/><e xmlns='urn:e'/>\n<上 x:b='3'/></r>";
        let mut r = XmlReader::new(xml.as_bytes()).unwrap();
        r.set_observer(Box::new(Recorder(seen.clone())));
        while !matches!(r.next_event().unwrap(), XmlEvent::Eof) {}
        assert_eq!(
            *seen.lock().unwrap(),
            [
                "r urn:d x:b@1:1 urn:x",
                "e urn:x x:b@3:4 urn:x",
                "e urn:e x:b@3:13 urn:x",
                "上 urn:d x:b@4:4 urn:x",
            ]
        );
    }
}
