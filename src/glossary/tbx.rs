//! TBX glossaries: TBX 2008 / TBX-Basic (`<martif>`) and TBX v3, ISO 30042:2019 (`<tbx>`), and
//! writing TBX v3 (TBX-Basic, DCA style).
//!
//! Each `termEntry`/`conceptEntry` is a concept (its `id`, else `entry-N`). Terms of the
//! `langSet`/`langSec` in the source language (default `zh`) are its source terms; terms in
//! the target language (default `en`) its renderings. Languages match by prefix, so `zh`
//! takes `zh-CN` and `zh-Hans`. A term's status comes from `administrativeStatus` or
//! `normativeAuthorization` (as `termNote type="…"` in DCA style, or as elements in DCT
//! style): preferred, admitted, deprecated/superseded. termcheck's `forbidden` has no TBX
//! equivalent; it is written as deprecated plus `<termNote type="x-termcheck-status">forbidden`,
//! which is read back. Without any status, the first term is preferred and the others admitted.
//! Definitions and notes (of the entry and of the target language) become the concept's note.
//! Entries without a term in the target language are skipped; a file with none at all is an
//! error. XML is read as for bilingual inputs: streaming, no DTD entities.

use std::fmt::Write as _;

use super::{CaseMode, Concept, Rendering, Status};
use crate::error::FileError;
use crate::formats::tmx::language_match;
use crate::formats::xml::{
    attribute, attribute_local, read_content, InlineCodes, XmlEvent, XmlReader,
};
use crate::location::Location;
use crate::segment::FormatError;

/// The languages of a multilingual glossary to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryLanguages {
    /// The source language (default `zh`).
    pub source: String,
    /// The target language (default `en`).
    pub target: String,
}

impl Default for GlossaryLanguages {
    fn default() -> Self {
        GlossaryLanguages {
            source: "zh".into(),
            target: "en".into(),
        }
    }
}

/// One term as read, before the concept is assembled.
struct Term {
    lang: String,
    text: String,
    status: Option<Status>,
    forbidden: bool,
    location: Location,
}

#[derive(Default)]
struct Entry {
    id: Option<String>,
    location: Location,
    terms: Vec<Term>,
    notes: Vec<String>,
    case: CaseMode,
}

/// The status a TBX picklist value stands for.
fn status_of(value: &str) -> Option<Status> {
    let v = value.trim().to_ascii_lowercase();
    if v.starts_with("preferred") || v.starts_with("standardized") || v.starts_with("legal") {
        Some(Status::Preferred)
    } else if v.starts_with("admitted") || v.starts_with("regulated") {
        Some(Status::Admitted)
    } else if v.starts_with("deprecated") || v.starts_with("superseded") {
        Some(Status::Deprecated)
    } else if v == "forbidden" {
        Some(Status::Forbidden)
    } else {
        None
    }
}

/// Parses a TBX file into concepts.
pub(super) fn parse_tbx(
    bytes: &[u8],
    path: &str,
    languages: &GlossaryLanguages,
) -> Result<Vec<Concept>, Vec<FileError>> {
    let in_file = |e: FormatError| vec![e.in_file(path)];
    let mut xml = XmlReader::new(bytes).map_err(in_file)?;
    let mut entries: Vec<Entry> = Vec::new();
    let mut entry: Option<Entry> = None;
    let mut lang: Option<String> = None;
    let mut term: Option<Term> = None;
    let mut root_seen = false;
    loop {
        let event = xml.next_event().map_err(in_file)?;
        match event {
            XmlEvent::Start {
                name,
                attributes,
                empty,
                at,
            } => {
                if !root_seen {
                    root_seen = true;
                    if name != "martif" && name != "tbx" {
                        return Err(vec![FileError::at(
                            path,
                            at,
                            format!("not a TBX file: the root element is <{name}>, not <martif> or <tbx>"),
                        )]);
                    }
                    continue;
                }
                match name.as_str() {
                    "martifHeader" | "tbxHeader" | "transacGrp" | "xref" | "ref" if !empty => {
                        xml.skip_element().map_err(in_file)?;
                    }
                    "termEntry" | "conceptEntry" => {
                        entry = Some(Entry {
                            id: attribute(&attributes, "id").map(str::to_string),
                            location: at,
                            ..Entry::default()
                        });
                    }
                    "langSet" | "langSec" => {
                        lang = attribute(&attributes, "xml:lang")
                            .or_else(|| attribute_local(&attributes, "lang"))
                            .map(str::to_string);
                        if lang.is_none() {
                            return Err(vec![FileError::at(
                                path,
                                at,
                                format!("<{name}> without xml:lang"),
                            )]);
                        }
                    }
                    "tig" | "ntig" | "termSec" => {
                        term = Some(Term {
                            lang: lang.clone().unwrap_or_default(),
                            text: String::new(),
                            status: None,
                            forbidden: false,
                            location: at,
                        });
                    }
                    _ if empty => {}
                    "term" => {
                        let text = read_content(&mut xml, &InlineCodes::NONE, false)
                            .map_err(in_file)?
                            .text;
                        match &mut term {
                            Some(t) => {
                                t.text = text.text().trim().to_string();
                                t.location = at;
                            }
                            None => {
                                return Err(vec![FileError::at(
                                    path,
                                    at,
                                    "a <term> outside a tig, ntig or termSec",
                                )])
                            }
                        }
                    }
                    "termNote"
                    | "descrip"
                    | "admin"
                    | "note"
                    | "administrativeStatus"
                    | "normativeAuthorization"
                    | "definition" => {
                        let kind = match name.as_str() {
                            "termNote" | "descrip" | "admin" => attribute(&attributes, "type")
                                .unwrap_or_default()
                                .to_string(),
                            other => other.to_string(),
                        };
                        let text = read_content(&mut xml, &InlineCodes::NONE, false)
                            .map_err(in_file)?
                            .text;
                        let value = text.text().trim().to_string();
                        let in_target = lang
                            .as_deref()
                            .is_none_or(|l| language_match(l, &languages.target) > 0);
                        match kind.as_str() {
                            "administrativeStatus" | "normativeAuthorization" => {
                                if let Some(t) = &mut term {
                                    t.status = t.status.or(status_of(&value));
                                }
                            }
                            "x-termcheck-status" => {
                                if let Some(t) = &mut term {
                                    t.forbidden = value == "forbidden";
                                }
                            }
                            "x-termcheck-case" => {
                                if let Some(e) = &mut entry {
                                    match value.as_str() {
                                        "sensitive" => e.case = CaseMode::Sensitive,
                                        "name" => e.case = CaseMode::Name,
                                        _ => {}
                                    }
                                }
                            }
                            "note" | "definition" if in_target && !value.is_empty() => {
                                if let Some(e) = &mut entry {
                                    e.notes.push(
                                        value.split_whitespace().collect::<Vec<_>>().join(" "),
                                    );
                                }
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            XmlEvent::End { name } => match name.as_str() {
                "tig" | "ntig" | "termSec" => {
                    if let (Some(t), Some(e)) = (term.take(), &mut entry) {
                        if !t.text.is_empty() {
                            e.terms.push(t);
                        }
                    }
                }
                "langSet" | "langSec" => lang = None,
                "termEntry" | "conceptEntry" => {
                    if let Some(e) = entry.take() {
                        entries.push(e);
                    }
                }
                _ => {}
            },
            XmlEvent::Text(_) => {}
            XmlEvent::Eof => break,
        }
    }
    let mut errors = Vec::new();
    let mut concepts = Vec::new();
    let total = entries.len();
    for (n, e) in entries.into_iter().enumerate() {
        match concept(e, n, path, languages) {
            Ok(Some(c)) => concepts.push(c),
            Ok(None) => {}
            Err(err) => errors.push(err),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if concepts.is_empty() && total > 0 {
        return Err(vec![FileError::new(
            path,
            format!(
                "none of the {total} entries has a term in the target language {:?} (choose it \
                 with --target-lang)",
                languages.target
            ),
        )]);
    }
    Ok(concepts)
}

fn concept(
    e: Entry,
    n: usize,
    path: &str,
    languages: &GlossaryLanguages,
) -> Result<Option<Concept>, FileError> {
    let source: Vec<String> = e
        .terms
        .iter()
        .filter(|t| language_match(&t.lang, &languages.source) > 0)
        .map(|t| t.text.clone())
        .collect();
    let mut targets: Vec<(Status, &Term)> = e
        .terms
        .iter()
        .filter(|t| language_match(&t.lang, &languages.target) > 0)
        .map(|t| {
            let status = if t.forbidden {
                Some(Status::Forbidden)
            } else {
                t.status
            };
            (status.unwrap_or(Status::Admitted), t)
        })
        .collect();
    if targets.is_empty() {
        return Ok(None);
    }
    // The preferred rendering: the first marked so, else the first without a status, else
    // the first admitted one.
    let pick = targets
        .iter()
        .position(|(s, t)| *s == Status::Preferred && t.status.is_some())
        .or_else(|| {
            targets
                .iter()
                .position(|(_, t)| t.status.is_none() && !t.forbidden)
        })
        .or_else(|| targets.iter().position(|(s, _)| *s == Status::Admitted));
    let Some(pick) = pick else {
        return Err(FileError::at(
            path,
            e.location,
            format!(
                "the entry has no preferred or admitted {} term, so there is no rendering to \
                 suggest",
                languages.target
            ),
        ));
    };
    let preferred = targets.remove(pick);
    let mut renderings = vec![Rendering {
        text: preferred.1.text.clone(),
        status: Status::Preferred,
        location: preferred.1.location,
    }];
    for (status, t) in targets {
        let status = if status == Status::Preferred {
            Status::Admitted
        } else {
            status
        };
        renderings.push(Rendering {
            text: t.text.clone(),
            status,
            location: t.location,
        });
    }
    Ok(Some(Concept {
        id: e.id.unwrap_or_else(|| format!("entry-{}", n + 1)),
        source,
        renderings,
        case: e.case,
        note: e.notes.join(" "),
        allowed: Vec::new(),
        file: path.to_string(),
        location: e.location,
    }))
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Writes concepts as TBX v3 (TBX-Basic, DCA style).
pub fn write_tbx(concepts: &[Concept], languages: &GlossaryLanguages, origin: &str) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<tbx style=\"dca\" type=\"TBX-Basic\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n",
    );
    let _ = writeln!(
        out,
        "  <tbxHeader><fileDesc><sourceDesc><p>Converted by termcheck from {}</p></sourceDesc></fileDesc></tbxHeader>",
        escape(origin)
    );
    out.push_str("  <text>\n    <body>\n");
    for c in concepts {
        let _ = writeln!(out, "      <conceptEntry id=\"{}\">", escape(&c.id));
        if c.case != CaseMode::Insensitive {
            let _ = writeln!(
                out,
                "        <descrip type=\"x-termcheck-case\">{}</descrip>",
                c.case.as_str()
            );
        }
        if !c.note.is_empty() {
            let _ = writeln!(out, "        <note>{}</note>", escape(&c.note));
        }
        if !c.source.is_empty() {
            let _ = writeln!(
                out,
                "        <langSec xml:lang=\"{}\">",
                escape(&languages.source)
            );
            for s in &c.source {
                let _ = writeln!(
                    out,
                    "          <termSec><term>{}</term></termSec>",
                    escape(s)
                );
            }
            out.push_str("        </langSec>\n");
        }
        let _ = writeln!(
            out,
            "        <langSec xml:lang=\"{}\">",
            escape(&languages.target)
        );
        for r in &c.renderings {
            let status = match r.status {
                Status::Preferred => "preferredTerm-admn-sts",
                Status::Admitted => "admittedTerm-admn-sts",
                Status::Deprecated | Status::Forbidden => "deprecatedTerm-admn-sts",
            };
            let _ = write!(
                out,
                "          <termSec><term>{}</term><termNote type=\"administrativeStatus\">{status}</termNote>",
                escape(&r.text)
            );
            if r.status == Status::Forbidden {
                out.push_str("<termNote type=\"x-termcheck-status\">forbidden</termNote>");
            }
            out.push_str("</termSec>\n");
        }
        out.push_str("        </langSec>\n      </conceptEntry>\n");
    }
    out.push_str("    </body>\n  </text>\n</tbx>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TBX2: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en-US">
<martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="ftu">
  <descrip type="definition">The municipal trade union federation.</descrip>
  <langSet xml:lang="zh-CN"><tig><term>上海市总工会</term></tig></langSet>
  <langSet xml:lang="en-US">
    <tig><term>Shanghai Trade Union</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    <tig><term>Shanghai Federation of Trade Unions</term>
      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <ntig><termGrp><term>SFTU</term></termGrp>
      <termNote type="normativeAuthorization">admittedTerm</termNote></ntig>
  </langSet>
  <langSet xml:lang="fr"><tig><term>Fédération</term></tig><note>not this</note></langSet>
</termEntry>
<termEntry><langSet xml:lang="fr"><tig><term>Seulement</term></tig></langSet></termEntry>
</body></text></martif>"#;

    #[test]
    fn tbx2_entries_statuses_and_notes() {
        let concepts = parse_tbx(TBX2.as_bytes(), "g.tbx", &GlossaryLanguages::default()).unwrap();
        assert_eq!(concepts.len(), 1, "the French-only entry is skipped");
        let c = &concepts[0];
        assert_eq!(c.id, "ftu");
        assert_eq!(c.source, ["上海市总工会"]);
        let r: Vec<(&str, Status)> = c
            .renderings
            .iter()
            .map(|r| (r.text.as_str(), r.status))
            .collect();
        assert_eq!(
            r,
            [
                ("Shanghai Federation of Trade Unions", Status::Preferred),
                ("Shanghai Trade Union", Status::Deprecated),
                ("SFTU", Status::Admitted),
            ]
        );
        assert_eq!(c.note, "The municipal trade union federation.");
        assert_eq!((c.location.line, c.renderings[0].location.line), (5, 11));
    }

    #[test]
    fn tbx3_dca_and_dct_styles() {
        let tbx = r#"<tbx type="TBX-Basic" style="dct" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic">
<text><body><conceptEntry id="c1"><langSec xml:lang="zh"><termSec><term>全总</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>ACFTU</term><basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec>
<termSec><term>Acftu</term><basic:administrativeStatus>supersededTerm-admn-sts</basic:administrativeStatus></termSec></langSec>
</conceptEntry></body></text></tbx>"#;
        let concepts = parse_tbx(tbx.as_bytes(), "g.tbx", &GlossaryLanguages::default()).unwrap();
        assert_eq!(concepts[0].renderings[1].status, Status::Deprecated);
        assert_eq!(concepts[0].source, ["全总"]);
    }

    #[test]
    fn errors_name_positions() {
        let err = parse_tbx(b"<martif><text><body><termEntry>\n<langSet><tig><term>x</term></tig></langSet></termEntry></body></text></martif>", "g.tbx", &GlossaryLanguages::default()).unwrap_err();
        assert_eq!(err[0].location.map(|l| (l.line, l.column)), Some((2, 1)));
        let err = parse_tbx(
            TBX2.as_bytes(),
            "g.tbx",
            &GlossaryLanguages {
                source: "zh".into(),
                target: "de".into(),
            },
        )
        .unwrap_err();
        assert!(err[0].message.contains("\"de\""), "{}", err[0].message);
        let only_deprecated = "<tbx><text><body><conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec><term>x</term><termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote></termSec></langSec></conceptEntry></body></text></tbx>";
        let err = parse_tbx(
            only_deprecated.as_bytes(),
            "g.tbx",
            &GlossaryLanguages::default(),
        )
        .unwrap_err();
        assert!(
            err[0].message.contains("no preferred or admitted"),
            "{}",
            err[0].message
        );
        assert!(parse_tbx(b"<html/>", "g.tbx", &GlossaryLanguages::default()).is_err());
    }
}
