//! The constraints of XLIFF 2.x (core and modules) that the OASIS XLIFF 2.0 test suite
//! tests, checked while the file streams past: the element and attribute model of
//! `xliff_core_2.0.xsd`, the core specification's MUSTs (the ones its Schematron rules state:
//! unique ids, references that resolve, start/end codes that pair, languages that agree)
//! and the module constraints of Translation Candidates (`mtc:`), Glossary (`gls:`), Format
//! Style (`fs:`), Metadata (`mda:`), Resource Data (`res:`), Change Tracking (`ctr:`), Size
//! and Length Restriction (`slr:`) and Validation (`val:`).
//!
//! State is per open element, per unit (ids, data, codes) and per file (unit ids and the few
//! references that may point forward); nothing else of the document is kept. Elements and
//! attributes of other namespaces are allowed where the schema has an extension point, and
//! their content is not looked at. Each error names the element or attribute at fault, at
//! its position in the file. See docs/formats.md, "Which invalid XLIFF files are refused".

use std::collections::{HashMap, HashSet};

use super::bcp47;
use super::xml::{TagContext, XmlEvent, XmlObserver, XML_NAMESPACE};
use crate::location::Location;
use crate::segment::FormatError;

const XSI_NAMESPACE: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// Values of `fs:fs` (the HTML elements of the Format Style module's table).
const FS_ELEMENTS: &[&str] = &[
    "a",
    "b",
    "bdo",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "html",
    "i",
    "img",
    "label",
    "legend",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "select",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "tt",
    "u",
    "ul",
];

/// The type of an attribute's value, as the core schema declares it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Value {
    Any,
    /// `xs:NMTOKEN`.
    Token,
    /// `xs:NMTOKENS`.
    Tokens,
    YesNo,
    YesNoFirstNo,
    Dir,
    AppliesTo,
    /// `prefix:value`.
    UserDefined,
    /// `type` of the codes.
    CodeType,
    /// `type` of the markers.
    MarkerType,
    Priority,
    State,
    Language,
    Space,
    PositiveInteger,
    Hex,
    Preserve,
}

/// A core element: its attributes, the required ones, and whether attributes of other
/// namespaces are allowed (the schema's `anyAttribute namespace="##other"`).
struct Spec {
    attributes: &'static [(&'static str, Value)],
    required: &'static [&'static str],
    extensible: bool,
}

const STRUCTURE: &[(&str, Value)] = &[
    ("id", Value::Token),
    ("name", Value::Any),
    ("canResegment", Value::YesNo),
    ("translate", Value::YesNo),
    ("srcDir", Value::Dir),
    ("trgDir", Value::Dir),
    ("type", Value::UserDefined),
    ("xml:space", Value::Space),
];

const CODE: &[(&str, Value)] = &[
    ("canCopy", Value::YesNo),
    ("canDelete", Value::YesNo),
    ("canOverlap", Value::YesNo),
    ("canReorder", Value::YesNoFirstNo),
    ("copyOf", Value::Token),
    ("dataRef", Value::Token),
    ("dir", Value::Dir),
    ("disp", Value::Any),
    ("equiv", Value::Any),
    ("id", Value::Token),
    ("isolated", Value::YesNo),
    ("startRef", Value::Token),
    ("subFlows", Value::Tokens),
    ("subType", Value::UserDefined),
    ("type", Value::CodeType),
];

const MARKER: &[(&str, Value)] = &[
    ("id", Value::Token),
    ("translate", Value::YesNo),
    ("type", Value::MarkerType),
    ("ref", Value::Any),
    ("value", Value::Any),
];

fn spec(name: &str) -> Option<Spec> {
    let s = |attributes, required, extensible| {
        Some(Spec {
            attributes,
            required,
            extensible,
        })
    };
    match name {
        "xliff" => s(
            &[
                ("version", Value::Any),
                ("srcLang", Value::Language),
                ("trgLang", Value::Language),
                ("xml:space", Value::Space),
            ],
            &["version", "srcLang"],
            true,
        ),
        "file" => s(
            &[
                ("id", Value::Token),
                ("canResegment", Value::YesNo),
                ("original", Value::Any),
                ("translate", Value::YesNo),
                ("srcDir", Value::Dir),
                ("trgDir", Value::Dir),
                ("xml:space", Value::Space),
            ],
            &["id"],
            true,
        ),
        "skeleton" => s(&[("href", Value::Any)], &[], false),
        "group" | "unit" => s(STRUCTURE, &["id"], true),
        "segment" => s(
            &[
                ("id", Value::Token),
                ("canResegment", Value::YesNo),
                ("state", Value::State),
                ("subState", Value::Any),
            ],
            &[],
            false,
        ),
        "ignorable" => s(&[("id", Value::Token)], &[], false),
        "notes" | "originalData" => s(&[], &[], false),
        "note" => s(
            &[
                ("id", Value::Token),
                ("appliesTo", Value::AppliesTo),
                ("category", Value::Any),
                ("priority", Value::Priority),
            ],
            &[],
            true,
        ),
        "data" => s(
            &[
                ("id", Value::Token),
                ("dir", Value::Dir),
                ("xml:space", Value::Preserve),
            ],
            &["id"],
            false,
        ),
        "source" => s(
            &[("xml:lang", Value::Language), ("xml:space", Value::Space)],
            &[],
            false,
        ),
        "target" => s(
            &[
                ("xml:lang", Value::Language),
                ("xml:space", Value::Space),
                ("order", Value::PositiveInteger),
            ],
            &[],
            false,
        ),
        "cp" => s(&[("hex", Value::Hex)], &["hex"], false),
        "ph" => s(CODE_PH, &["id"], true),
        "pc" => s(CODE_PC, &["id"], true),
        "sc" => s(CODE_SC, &["id"], true),
        "ec" => s(CODE, &[], true),
        "mrk" | "sm" => s(MARKER, &["id"], true),
        "em" => s(&[("startRef", Value::Token)], &["startRef"], false),
        _ => None,
    }
}

const CODE_PH: &[(&str, Value)] = &[
    ("canCopy", Value::YesNo),
    ("canDelete", Value::YesNo),
    ("canReorder", Value::YesNoFirstNo),
    ("copyOf", Value::Token),
    ("disp", Value::Any),
    ("equiv", Value::Any),
    ("id", Value::Token),
    ("dataRef", Value::Token),
    ("subFlows", Value::Tokens),
    ("subType", Value::UserDefined),
    ("type", Value::CodeType),
];

const CODE_PC: &[(&str, Value)] = &[
    ("canCopy", Value::YesNo),
    ("canDelete", Value::YesNo),
    ("canOverlap", Value::YesNo),
    ("canReorder", Value::YesNoFirstNo),
    ("copyOf", Value::Token),
    ("dispEnd", Value::Any),
    ("dispStart", Value::Any),
    ("equivEnd", Value::Any),
    ("equivStart", Value::Any),
    ("id", Value::Token),
    ("dataRefEnd", Value::Token),
    ("dataRefStart", Value::Token),
    ("subFlowsEnd", Value::Tokens),
    ("subFlowsStart", Value::Tokens),
    ("subType", Value::UserDefined),
    ("type", Value::CodeType),
    ("dir", Value::Dir),
];

const CODE_SC: &[(&str, Value)] = &[
    ("canCopy", Value::YesNo),
    ("canDelete", Value::YesNo),
    ("canOverlap", Value::YesNo),
    ("canReorder", Value::YesNoFirstNo),
    ("copyOf", Value::Token),
    ("dataRef", Value::Token),
    ("dir", Value::Dir),
    ("disp", Value::Any),
    ("equiv", Value::Any),
    ("id", Value::Token),
    ("isolated", Value::YesNo),
    ("subFlows", Value::Tokens),
    ("subType", Value::UserDefined),
    ("type", Value::CodeType),
];

/// Which vocabulary an element belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Vocabulary {
    Core,
    Matches,
    Glossary,
    Metadata,
    ResourceData,
    ChangeTracking,
    SizeRestriction,
    Validation,
    /// An extension: not looked into.
    Foreign,
}

fn vocabulary(namespace: &str, core: &str) -> Vocabulary {
    if namespace == core {
        return Vocabulary::Core;
    }
    let Some(rest) = namespace.strip_prefix("urn:oasis:names:tc:xliff:") else {
        return Vocabulary::Foreign;
    };
    match rest.split(':').next().unwrap_or("") {
        "document" if rest.starts_with("document:2") => Vocabulary::Core,
        "matches" => Vocabulary::Matches,
        "glossary" => Vocabulary::Glossary,
        "metadata" => Vocabulary::Metadata,
        "resourcedata" => Vocabulary::ResourceData,
        "changetracking" => Vocabulary::ChangeTracking,
        "sizerestriction" => Vocabulary::SizeRestriction,
        "validation" => Vocabulary::Validation,
        _ => Vocabulary::Foreign,
    }
}

/// An open element.
struct Frame {
    vocabulary: Vocabulary,
    name: String,
    at: Location,
    /// Explicit or inherited `xml:lang`.
    lang: Option<String>,
    /// Explicit or inherited `xml:space`.
    space: String,
    /// Where in its parent's content model the last child was (see [`position`]).
    stage: u8,
    /// Child elements seen.
    children: usize,
    /// Children that are the element's required content (`<segment>` of a unit, `<source>`
    /// of a segment, `<note>` of notes…).
    required_children: usize,
    /// Non-blank text or an element inside.
    content: bool,
    /// Ids that must be unique among some children (notes, data, matches, glossary
    /// entries, resource items, metadata groups).
    ids: HashSet<String>,
    /// Inside a module or an extension: the unit's inline-code rules do not apply.
    aside: bool,
    /// Revisions without `ref` that apply to a kind of element inside this one.
    revisions: Vec<(String, Location)>,
    /// Counts of elements by name among this element's children and grandchildren, and
    /// how many have an id (for those revisions).
    counts: HashMap<String, (usize, usize)>,
    /// A `res:source`/`res:target` with `href`.
    href: bool,
    /// Source: its `xml:space`, for the target's.
    source_space: Option<String>,
}

/// The codes of one side (source or target) of a unit.
#[derive(Default)]
struct Flow {
    /// `<sc>` not isolated, waiting for their `<ec>`.
    open: HashMap<String, Location>,
    /// `<sc isolated="yes">`.
    isolated: HashSet<String>,
    /// `canReorder` of the last code, and of the codes before each open `<pc>`.
    last_reorder: Option<String>,
    before_pc: Vec<Option<String>>,
    first_no: bool,
    /// `<sm>` not yet ended.
    markers: HashSet<String>,
}

#[derive(Default)]
struct Unit {
    id: String,
    notes: HashSet<String>,
    data: HashSet<String>,
    segments: usize,
    parts: usize,
    orders: Vec<(u64, Location)>,
    /// Ids a translation candidate may point at: segments, ignorables, source codes and
    /// markers (and target ones, as `t=id`).
    spans: HashSet<String>,
    candidate_refs: Vec<(String, Location)>,
    flows: [Flow; 2],
}

#[derive(Default)]
struct File {
    groups: HashSet<String>,
    units: HashSet<String>,
    sub_flows: Vec<(String, String, Location)>,
    resource_items: HashSet<String>,
    resource_refs: Vec<(String, Location)>,
    /// A size profile other than the standard `xliff:codepoints` is declared.
    custom_size_profile: bool,
    /// `slr:sizeInfo` values seen before the profiles could be.
    size_infos: Vec<(String, Location)>,
    /// The file's content (notes, units, groups) started: profiles come before it.
    body: bool,
}

/// The XLIFF 2 validator: an [`XmlObserver`] installed by the XLIFF reader on a 2.x file.
pub struct Xliff2Rules {
    core: String,
    src_lang: String,
    trg_lang: Option<String>,
    stack: Vec<Frame>,
    files: HashSet<String>,
    file: File,
    unit: Option<Unit>,
    ended: bool,
}

type Check = Result<(), FormatError>;

fn err(at: Location, message: impl Into<String>) -> Check {
    Err(FormatError::at(at, message))
}

fn get<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Whether `lang` is `expected` or a subtag-extension of it (XPath's `lang()`, which the
/// XLIFF Schematron rules use: `en-IE` matches `en`).
fn lang_matches(lang: &str, expected: &str) -> bool {
    let (lang, expected) = (lang.to_ascii_lowercase(), expected.to_ascii_lowercase());
    lang == expected || lang.starts_with(&format!("{expected}-"))
}

fn is_user_defined(value: &str) -> bool {
    match value.split_once(':') {
        Some((a, b)) => {
            let ok =
                |s: &str| !s.is_empty() && !s.contains(':') && !s.contains(char::is_whitespace);
            ok(a) && ok(b)
        }
        None => false,
    }
}

/// Whether the `ref` of a comment annotation points at a note of the unit `unit`: `n1`,
/// `#n1`, `#n=n1`, or a full fragment identifier through this unit (`#f=f1/u=u1/n=n1`); a
/// path to a note of a file or group (`#f=f1/n=n1`) is outside the unit.
fn note_in_unit(target: &str, unit: &str, notes: &HashSet<String>) -> bool {
    let path = target.strip_prefix('#').unwrap_or(target);
    let path = path.strip_prefix('/').unwrap_or(path);
    let selectors: Vec<&str> = path.split('/').collect();
    let (last, scope) = selectors.split_last().expect("split gives one piece");
    let through_unit = scope.iter().any(|s| s.strip_prefix("u=") == Some(unit));
    let elsewhere = scope
        .iter()
        .any(|s| s.starts_with("g=") || s.starts_with("u=") && !through_unit);
    if !scope.is_empty() && (!through_unit || elsewhere) {
        return false;
    }
    let id = last.strip_prefix("n=").unwrap_or(last);
    notes.contains(id)
}

/// Whether `c` may appear in an XML 1.0 document (so must not be written as `<cp>`).
fn is_xml_char(c: u32) -> bool {
    matches!(c, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

fn check_value(kind: Value, value: &str) -> Result<(), String> {
    let one_of = |allowed: &[&str]| {
        if allowed.contains(&value) {
            Ok(())
        } else {
            Err(format!("must be one of {}", allowed.join(", ")))
        }
    };
    match kind {
        Value::Any => Ok(()),
        // Ids are compared as written: the suite tests their uniqueness and references, not
        // their NMTOKEN syntax, and real files have ids with spaces or semicolons.
        Value::Token | Value::Tokens => Ok(()),
        Value::YesNo => one_of(&["yes", "no"]),
        Value::YesNoFirstNo => one_of(&["yes", "firstNo", "no"]),
        Value::Dir => one_of(&["ltr", "rtl", "auto"]),
        Value::AppliesTo => one_of(&["source", "target"]),
        // Not tested by the suite, and real files write `type="type"`.
        Value::UserDefined => Ok(()),
        Value::CodeType => one_of(&["fmt", "ui", "quote", "link", "image", "other"]),
        Value::MarkerType
            if ["generic", "comment", "term"].contains(&value) || is_user_defined(value) =>
        {
            Ok(())
        }
        Value::MarkerType => Err("must be generic, comment, term or prefix:value".into()),
        Value::Priority => match value.parse::<u8>() {
            Ok(1..=10) => Ok(()),
            _ => Err("must be an integer from 1 to 10".into()),
        },
        Value::State => one_of(&["initial", "translated", "reviewed", "final"]),
        Value::Language if bcp47::is_well_formed(value) => Ok(()),
        Value::Language => Err("is not a well-formed BCP 47 language tag".into()),
        Value::Space => one_of(&["default", "preserve"]),
        Value::Preserve => one_of(&["preserve"]),
        Value::PositiveInteger => match value.parse::<u64>() {
            Ok(n) if n > 0 => Ok(()),
            _ => Err("must be a positive integer".into()),
        },
        Value::Hex => {
            let code = (4..=6)
                .contains(&value.len())
                .then(|| u32::from_str_radix(value, 16).ok())
                .flatten()
                .filter(|c| *c <= 0x10FFFF);
            match code {
                None => Err("must be a code point in hexadecimal, 0000 to 10FFFF".into()),
                Some(c) if is_xml_char(c) => Err(format!(
                    "is U+{c:04X}, a character XML allows: <cp> is only for characters XML \
                     cannot hold"
                )),
                Some(_) => Ok(()),
            }
        }
    }
}

/// Where a core child goes in its parent's content model: its position in the sequence and
/// whether it may repeat; `None` when the parent does not allow it.
fn position(parent: &str, child: Option<&str>) -> Option<(u8, bool)> {
    // `child` is `None` for an element of a module or extension namespace.
    match (parent, child) {
        ("xliff", Some("file")) => Some((1, true)),
        ("file", Some("skeleton")) => Some((1, false)),
        ("file" | "group" | "unit", None) => Some((2, true)),
        ("file" | "group" | "unit", Some("notes")) => Some((3, false)),
        ("file" | "group", Some("unit" | "group")) => Some((4, true)),
        ("unit", Some("originalData")) => Some((4, false)),
        ("unit", Some("segment" | "ignorable")) => Some((5, true)),
        ("segment" | "ignorable", Some("source")) => Some((1, false)),
        ("segment" | "ignorable", Some("target")) => Some((2, false)),
        ("notes", Some("note")) | ("originalData", Some("data")) | ("data", Some("cp")) => {
            Some((1, true))
        }
        ("skeleton", None) => Some((1, true)),
        (
            "source" | "target" | "pc" | "mrk",
            Some("cp" | "ph" | "pc" | "sc" | "ec" | "mrk" | "sm" | "em"),
        ) => Some((1, true)),
        _ => None,
    }
}

impl Xliff2Rules {
    /// A validator for a document whose root element is in namespace `core`.
    pub fn new(core: &str) -> Self {
        Xliff2Rules {
            core: core.to_string(),
            src_lang: String::new(),
            trg_lang: None,
            stack: Vec::new(),
            files: HashSet::new(),
            file: File::default(),
            unit: None,
            ended: false,
        }
    }

    fn start(
        &mut self,
        name: &str,
        attributes: &[(String, String)],
        empty: bool,
        at: Location,
        tag: &TagContext<'_>,
    ) -> Check {
        let vocabulary = vocabulary(tag.element_namespace(), &self.core);
        let parent_aside = self.stack.last().is_some_and(|f| f.aside);
        let parent_foreign = self
            .stack
            .last()
            .is_some_and(|f| f.vocabulary == Vocabulary::Foreign);
        let attr_at = |k: &str| tag.attribute_location(k);
        if let Some(parent) = self.stack.last_mut() {
            parent.children += 1;
            parent.content = true;
        }
        if !parent_foreign {
            self.content_model(name, vocabulary, at)?;
            if vocabulary == Vocabulary::Core {
                self.core_attributes(name, attributes, at, tag)?;
            }
            self.module_attributes(name, vocabulary, attributes, tag)?;
        }
        let parent = self.stack.last();
        let lang = get(attributes, "xml:lang")
            .map(str::to_string)
            .or_else(|| parent.and_then(|p| p.lang.clone()));
        let space = get(attributes, "xml:space")
            .map(str::to_string)
            .or_else(|| parent.map(|p| p.space.clone()))
            .unwrap_or_else(|| "default".into());
        let aside = parent_aside || vocabulary != Vocabulary::Core;
        let frame = Frame {
            vocabulary,
            name: name.to_string(),
            at,
            lang,
            space,
            stage: 0,
            children: 0,
            required_children: 0,
            content: false,
            ids: HashSet::new(),
            aside,
            revisions: Vec::new(),
            counts: HashMap::new(),
            href: get(attributes, "href").is_some(),
            source_space: None,
        };
        if !parent_foreign {
            match vocabulary {
                Vocabulary::Core => self.core_element(&frame, attributes, tag)?,
                Vocabulary::Foreign => {}
                _ => self.module_element(&frame, attributes, attr_at)?,
            }
        }
        self.count_for_revisions(name, vocabulary, attributes);
        self.stack.push(frame);
        if empty {
            self.end()?;
        }
        Ok(())
    }

    /// The element `name` is allowed where it is, in its parent's order.
    fn content_model(&mut self, name: &str, vocabulary: Vocabulary, at: Location) -> Check {
        let Some(parent) = self.stack.last_mut() else {
            return Ok(());
        };
        if parent.vocabulary == Vocabulary::Glossary
            && parent.name == "glossEntry"
            && vocabulary == Vocabulary::Glossary
            && matches!(name, "translation" | "definition")
        {
            parent.required_children += 1;
        }
        if parent.vocabulary != Vocabulary::Core {
            return Ok(());
        }
        let child = (vocabulary == Vocabulary::Core).then_some(name);
        let shown = if child.is_some() {
            format!("<{name}>")
        } else {
            format!("the extension element <{name}>")
        };
        let Some((stage, repeats)) = position(&parent.name, child) else {
            let allowed = match parent.name.as_str() {
                "xliff" => ": it holds only <file> elements",
                "cp" | "ph" | "sc" | "ec" | "sm" | "em" | "note" => ": it is empty",
                "source" | "target" | "pc" | "mrk" => ": it holds text and inline codes",
                _ => "",
            };
            return err(
                at,
                format!("{shown} is not allowed in <{}>{allowed}", parent.name),
            );
        };
        if stage < parent.stage || (stage == parent.stage && !repeats) {
            let what = if stage == parent.stage {
                format!("a second {shown} in one <{}>", parent.name)
            } else {
                format!(
                    "{shown} out of order in <{}> (the order is {})",
                    parent.name,
                    match parent.name.as_str() {
                        "file" => "skeleton, extensions, notes, then units and groups",
                        "group" => "extensions, notes, then units and groups",
                        "unit" => "extensions, notes, originalData, then segments and ignorables",
                        _ => "source, then target",
                    }
                )
            };
            return err(at, what);
        }
        parent.stage = stage;
        let required = matches!(
            (parent.name.as_str(), child),
            ("xliff", Some("file"))
                | ("notes", Some("note"))
                | ("originalData", Some("data"))
                | ("file" | "group", Some("unit" | "group"))
                | ("unit", Some("segment"))
                | ("segment" | "ignorable", Some("source"))
        );
        if required {
            parent.required_children += 1;
        }
        Ok(())
    }

    fn core_attributes(
        &self,
        name: &str,
        attributes: &[(String, String)],
        at: Location,
        tag: &TagContext<'_>,
    ) -> Check {
        let Some(spec) = spec(name) else {
            return Ok(());
        };
        for (key, value) in attributes {
            if key == "xmlns" || key.starts_with("xmlns:") {
                continue;
            }
            let namespace = tag.attribute_namespace(key).unwrap_or("?");
            let declared = spec.attributes.iter().find(|(k, _)| k == key);
            if let Some((_, kind)) = declared {
                if let Err(why) = check_value(*kind, value) {
                    return err(
                        tag.attribute_location(key),
                        format!("{key}=\"{value}\" on <{name}> {why}"),
                    );
                }
                continue;
            }
            let allowed = match namespace {
                "" => false,
                XSI_NAMESPACE => true,
                XML_NAMESPACE => spec.extensible,
                ns => spec.extensible && vocabulary(ns, &self.core) != Vocabulary::Core,
            };
            if !allowed {
                let why = if namespace.is_empty() {
                    "is not an attribute of".to_string()
                } else {
                    format!("(namespace {namespace}) is not allowed on")
                };
                return err(tag.attribute_location(key), format!("{key} {why} <{name}>"));
            }
            if key == "xml:lang" {
                if let Err(why) = check_value(Value::Language, value) {
                    return err(
                        tag.attribute_location(key),
                        format!("xml:lang=\"{value}\" {why}"),
                    );
                }
            }
        }
        for required in spec.required {
            if get(attributes, required).is_none() {
                return err(
                    at,
                    format!("<{name}> has no {required} attribute (required)"),
                );
            }
        }
        Ok(())
    }

    /// Module attributes on any element: Format Style and Size Restriction.
    fn module_attributes(
        &mut self,
        name: &str,
        vocabulary: Vocabulary,
        attributes: &[(String, String)],
        tag: &TagContext<'_>,
    ) -> Check {
        if vocabulary == Vocabulary::Foreign {
            return Ok(());
        }
        let mut fs = None;
        let mut sub_fs = None;
        let (mut size_info, mut size_info_ref) = (None, None);
        for (key, value) in attributes {
            let Some(namespace) = tag.attribute_namespace(key).filter(|ns| !ns.is_empty()) else {
                continue;
            };
            let local = key.rsplit(':').next().unwrap_or(key);
            if namespace.starts_with("urn:oasis:names:tc:xliff:fs:") {
                match local {
                    "fs" => fs = Some((key, value)),
                    "subFs" => sub_fs = Some(key),
                    _ => {}
                }
            } else if namespace.starts_with("urn:oasis:names:tc:xliff:sizerestriction:") {
                match local {
                    "sizeInfo" => size_info = Some((key, value)),
                    "sizeInfoRef" => size_info_ref = Some(key),
                    _ => {}
                }
            }
        }
        if let Some((key, value)) = fs {
            if !FS_ELEMENTS.contains(&value.as_str()) {
                return err(
                    tag.attribute_location(key),
                    format!("{key}=\"{value}\" on <{name}> is not one of the HTML element names the Format Style module allows"),
                );
            }
        }
        if let (Some(key), None) = (sub_fs, fs) {
            return err(
                tag.attribute_location(key),
                format!("{key} on <{name}> without fs:fs (the Format Style module requires both)"),
            );
        }
        if let Some((key, value)) = size_info {
            if let Some(other) = size_info_ref {
                return err(
                    tag.attribute_location(other),
                    format!("{key} and {other} together on <{name}>: only one may be used"),
                );
            }
            self.file
                .size_infos
                .push((value.clone(), tag.attribute_location(key)));
            if self.file.body {
                self.check_size_infos()?;
            }
        }
        Ok(())
    }

    /// Under the standard size profile (or none declared), sizeInfo is a number of code
    /// points: a non-negative integer.
    fn check_size_infos(&mut self) -> Check {
        let infos = std::mem::take(&mut self.file.size_infos);
        if self.file.custom_size_profile {
            return Ok(());
        }
        for (value, at) in infos {
            if value.parse::<u64>().is_err() {
                return err(
                    at,
                    format!("slr:sizeInfo=\"{value}\" is not an integer (the size of the standard xliff:codepoints profile)"),
                );
            }
        }
        Ok(())
    }

    fn unit_mut(&mut self) -> Option<&mut Unit> {
        self.unit.as_mut()
    }

    /// Which side of its segment an inline element is on: 0 source, 1 target.
    fn side(&self) -> Option<usize> {
        self.stack.iter().rev().find_map(|f| match f.name.as_str() {
            "source" if f.vocabulary == Vocabulary::Core => Some(0),
            "target" if f.vocabulary == Vocabulary::Core => Some(1),
            _ => None,
        })
    }

    fn core_element(
        &mut self,
        frame: &Frame,
        attributes: &[(String, String)],
        tag: &TagContext<'_>,
    ) -> Check {
        let name = frame.name.as_str();
        let at = frame.at;
        let a = |k: &str| get(attributes, k);
        let attr_at = |k: &str| tag.attribute_location(k);
        if matches!(name, "notes" | "unit" | "group") && self.file.body_pending() {
            self.file.body = true;
            self.check_size_infos()?;
        }
        match name {
            "xliff" => {
                self.src_lang = a("srcLang").unwrap_or_default().to_string();
                self.trg_lang = a("trgLang").map(str::to_string);
            }
            "file" => {
                let id = a("id").unwrap_or_default();
                if !self.files.insert(id.to_string()) {
                    return err(
                        attr_at("id"),
                        format!("duplicate file id {id:?}: file ids are unique in a document"),
                    );
                }
                self.file = File::default();
            }
            "group" => {
                let id = a("id").unwrap_or_default();
                if !self.file.groups.insert(id.to_string()) {
                    return err(
                        attr_at("id"),
                        format!("duplicate group id {id:?} in this <file>"),
                    );
                }
            }
            "unit" if !frame.aside => {
                self.file
                    .units
                    .insert(a("id").unwrap_or_default().to_string());
                self.unit = Some(Unit {
                    id: a("id").unwrap_or_default().to_string(),
                    ..Unit::default()
                });
            }
            "note" => {
                if let Some(id) = a("id") {
                    let unique = self.parent_ids(id);
                    if !unique {
                        return err(
                            attr_at("id"),
                            format!("duplicate note id {id:?} in this <notes>"),
                        );
                    }
                    let in_unit = self
                        .stack
                        .iter()
                        .rev()
                        .nth(1)
                        .is_some_and(|f| f.name == "unit");
                    if in_unit {
                        if let Some(unit) = self.unit_mut() {
                            unit.notes.insert(id.to_string());
                        }
                    }
                }
            }
            "data"
                if !frame.aside
                    || self
                        .stack
                        .iter()
                        .rev()
                        .nth(1)
                        .is_some_and(|f| f.name == "unit") =>
            {
                let id = a("id").unwrap_or_default();
                if !self.parent_ids(id) {
                    return err(
                        attr_at("id"),
                        format!("duplicate data id {id:?} in this <originalData>"),
                    );
                }
                if let Some(unit) = self.unit_mut() {
                    unit.data.insert(id.to_string());
                }
            }
            "segment" | "ignorable" if !frame.aside => {
                if name == "segment" && a("subState").is_some() && a("state").is_none() {
                    return err(
                        attr_at("subState"),
                        "subState on a <segment> without state (state is required with it)",
                    );
                }
                if let Some(unit) = self.unit_mut() {
                    unit.parts += 1;
                    if name == "segment" {
                        unit.segments += 1;
                    }
                    if let Some(id) = a("id") {
                        unit.spans.insert(id.to_string());
                    }
                }
            }
            "source" | "target" => {
                self.language_and_space(frame, attributes, tag)?;
                let order = get(attributes, "order").and_then(|o| o.parse().ok());
                if let (Some(order), false) = (order, frame.aside) {
                    let at = tag.attribute_location("order");
                    if let Some(unit) = self.unit_mut() {
                        unit.orders.push((order, at));
                    }
                }
            }
            _ => {}
        }
        if matches!(name, "ph" | "pc" | "sc" | "ec" | "mrk" | "sm" | "em" | "cp") && !frame.aside {
            self.inline(name, attributes, at, tag)?;
        }
        Ok(())
    }

    /// Inserts `id` into the ids of the parent element; false when it was there.
    fn parent_ids(&mut self, id: &str) -> bool {
        match self.stack.last_mut() {
            Some(parent) => parent.ids.insert(id.to_string()),
            None => true,
        }
    }

    fn language_and_space(
        &mut self,
        frame: &Frame,
        attributes: &[(String, String)],
        tag: &TagContext<'_>,
    ) -> Check {
        let Some(parent) = self.stack.last_mut() else {
            return Ok(());
        };
        if parent.vocabulary != Vocabulary::Core
            || !matches!(parent.name.as_str(), "segment" | "ignorable")
        {
            return Ok(());
        }
        let source = frame.name == "source";
        if source {
            parent.source_space = Some(frame.space.clone());
        } else if let Some(space) = &parent.source_space {
            if *space != frame.space {
                let at = if get(attributes, "xml:space").is_some() {
                    tag.attribute_location("xml:space")
                } else {
                    frame.at
                };
                return err(at, format!(
                    "the <target> has xml:space \"{}\" and its <source> \"{space}\": they must be the same",
                    frame.space
                ));
            }
        }
        let expected = if source {
            Some(self.src_lang.as_str())
        } else {
            self.trg_lang.as_deref()
        };
        if let (Some(lang), Some(expected)) = (&frame.lang, expected) {
            if !lang_matches(lang, expected) {
                let (at, how) = if get(attributes, "xml:lang").is_some() {
                    (tag.attribute_location("xml:lang"), "")
                } else {
                    (frame.at, " (inherited)")
                };
                let (which, attr) = if source {
                    ("source", "srcLang")
                } else {
                    ("target", "trgLang")
                };
                return err(at, format!(
                    "the <{which}> has xml:lang \"{lang}\"{how} but the document's {attr} is \"{expected}\""
                ));
            }
        }
        Ok(())
    }

    /// The inline codes and markers: references, pairing, editing hints, annotations.
    fn inline(
        &mut self,
        name: &str,
        attributes: &[(String, String)],
        at: Location,
        tag: &TagContext<'_>,
    ) -> Check {
        let a = |k: &str| get(attributes, k);
        let attr_at = |k: &str| tag.attribute_location(k);
        let Some(side) = self.side() else {
            return Ok(());
        };
        let Some(unit) = self.unit.as_mut() else {
            return Ok(());
        };
        for key in ["dataRef", "dataRefStart", "dataRefEnd"] {
            if let Some(id) = a(key) {
                if !unit.data.contains(id) {
                    let why = if unit.data.is_empty() {
                        "the unit has no <originalData>"
                    } else {
                        "no <data> of the unit has that id"
                    };
                    return err(
                        attr_at(key),
                        format!("{key}=\"{id}\" on <{name}> points at no data: {why}"),
                    );
                }
            }
        }
        for key in ["subFlows", "subFlowsStart", "subFlowsEnd"] {
            if let Some(list) = a(key) {
                for id in list.split_whitespace() {
                    self.file
                        .sub_flows
                        .push((key.to_string(), id.to_string(), attr_at(key)));
                }
            }
        }
        let unit = self.unit.as_mut().expect("checked");
        if let Some(subtype) = a("subType") {
            let Some(kind) = a("type") else {
                return err(
                    attr_at("subType"),
                    format!("subType on <{name}> without type (required with it)"),
                );
            };
            let fits = match subtype {
                "xlf:i" | "xlf:u" | "xlf:lb" | "xlf:pb" | "xlf:b" => kind == "fmt",
                "xlf:var" => kind == "ui",
                s if s.starts_with("xlf:") => false,
                _ => true,
            };
            if !fits {
                return err(
                    attr_at("subType"),
                    format!("subType=\"{subtype}\" does not go with type=\"{kind}\""),
                );
            }
        }
        if let Some(reorder @ ("no" | "firstNo")) = a("canReorder") {
            if a("canCopy") != Some("no") || a("canDelete") != Some("no") {
                return err(attr_at("canReorder"), format!("canReorder=\"{reorder}\" on <{name}> needs canCopy=\"no\" and canDelete=\"no\""));
            }
        }
        if side == 0 || name != "mrk" && name != "sm" {
            if let Some(id) = a("id") {
                unit.spans.insert(if side == 0 {
                    id.to_string()
                } else {
                    format!("t={id}")
                });
            }
        } else if let Some(id) = a("id") {
            unit.spans.insert(format!("t={id}"));
        }
        let flow = &mut unit.flows[side];
        if matches!(name, "ph" | "pc" | "sc" | "ec") {
            let reorder = a("canReorder").unwrap_or("yes").to_string();
            if reorder == "no" {
                if flow.last_reorder.as_deref().is_none_or(|r| r == "yes") {
                    return err(attr_at("canReorder"), format!(
                        "<{name} canReorder=\"no\"> does not follow a code of its non-reorderable sequence (firstNo or no): the sequence is broken"
                    ));
                }
                if !flow.first_no {
                    return err(
                        attr_at("canReorder"),
                        "canReorder=\"no\" without a firstNo code before it in the unit",
                    );
                }
            }
            if reorder == "firstNo" {
                flow.first_no = true;
            }
            if name == "pc" {
                flow.before_pc.push(flow.last_reorder.take());
            }
            flow.last_reorder = Some(reorder);
        }
        match name {
            "sc" => {
                let id = a("id").unwrap_or_default().to_string();
                if a("isolated") == Some("yes") {
                    flow.isolated.insert(id);
                } else {
                    flow.open.insert(id, at);
                }
            }
            "ec" => {
                let isolated = a("isolated") == Some("yes");
                if isolated {
                    if a("startRef").is_some() || a("id").is_none() {
                        return err(at, "an isolated <ec> has an id and no startRef");
                    }
                } else {
                    if a("id").is_some() || a("startRef").is_none() {
                        return err(at, "an <ec> that is not isolated has a startRef and no id (or isolated=\"yes\")");
                    }
                    let start = a("startRef").unwrap_or_default();
                    if flow.isolated.contains(start) {
                        return err(attr_at("startRef"), format!("<ec startRef=\"{start}\"> ends an <sc> marked isolated=\"yes\": an isolated code has no end in its unit"));
                    }
                    if flow.open.remove(start).is_none() {
                        return err(attr_at("startRef"), format!(
                            "<ec startRef=\"{start}\"> before (or without) its <sc id=\"{start}\">: a start code comes first in the unit"
                        ));
                    }
                }
            }
            "sm" => {
                flow.markers.insert(a("id").unwrap_or_default().to_string());
            }
            "em" => {
                let start = a("startRef").unwrap_or_default();
                if !flow.markers.remove(start) {
                    return err(attr_at("startRef"), format!(
                        "<em startRef=\"{start}\"> before (or without) its <sm id=\"{start}\">: a start marker comes first in the unit"
                    ));
                }
            }
            _ => {}
        }
        if matches!(name, "mrk" | "sm") {
            let kind = a("type").unwrap_or("generic");
            if kind == "comment" {
                match (a("value"), a("ref")) {
                    (Some(_), Some(_)) => {
                        return err(
                            attr_at("ref"),
                            format!(
                                "a comment <{name}> has both value and ref: it takes one of them"
                            ),
                        )
                    }
                    (None, None) => {
                        return err(
                            at,
                            format!(
                            "a comment <{name}> has neither value nor ref: it takes one of them"
                        ),
                        )
                    }
                    (None, Some(target)) => {
                        if !note_in_unit(target, &unit.id, &unit.notes) {
                            return err(attr_at("ref"), format!("ref=\"{target}\" of a comment <{name}> points at no <note> of this unit"));
                        }
                    }
                    (Some(_), None) => {}
                }
            }
            if kind == "mtc:match" && a("ref").is_some() {
                return err(
                    attr_at("ref"),
                    format!(
                        "ref on a translation-candidate <{name}> (type mtc:match) is not allowed"
                    ),
                );
            }
        }
        Ok(())
    }

    fn module_element(
        &mut self,
        frame: &Frame,
        attributes: &[(String, String)],
        attr_at: impl Fn(&str) -> Location,
    ) -> Check {
        let a = |k: &str| get(attributes, k);
        let at = frame.at;
        let name = frame.name.as_str();
        let container = |me: &mut Self, container: &str, id: &str| -> bool {
            match me
                .stack
                .iter_mut()
                .rev()
                .find(|f| f.vocabulary == frame.vocabulary && f.name == container)
            {
                Some(f) => f.ids.insert(id.to_string()),
                None => true,
            }
        };
        match (frame.vocabulary, name) {
            (Vocabulary::Matches, "match") => {
                if a("xml:lang").is_some() {
                    return err(
                        attr_at("xml:lang"),
                        "xml:lang on <mtc:match> is not allowed (its languages are the document's)",
                    );
                }
                if let Some(id) = a("id") {
                    if !container(self, "matches", id) {
                        return err(
                            attr_at("id"),
                            format!("duplicate match id {id:?} in this <mtc:matches>"),
                        );
                    }
                }
                match a("ref") {
                    None => return err(at, "<mtc:match> has no ref attribute (required)"),
                    Some(target) => {
                        if let Some(unit) = self.unit_mut() {
                            unit.candidate_refs
                                .push((target.to_string(), attr_at("ref")));
                        }
                    }
                }
            }
            (Vocabulary::Glossary, "glossEntry" | "translation") => {
                if let Some(id) = a("id") {
                    if !container(self, "glossary", id) {
                        return err(attr_at("id"), format!("duplicate id {id:?} among the glossary entries and translations of this <gls:glossary>"));
                    }
                }
            }
            (Vocabulary::Metadata, "metadata" | "metaGroup") => {
                if let Some(id) = a("id") {
                    let fresh = if name == "metadata" {
                        true
                    } else {
                        container(self, "metadata", id)
                    };
                    let clashes = name == "metaGroup"
                        && self.stack.iter().any(|f| {
                            f.vocabulary == Vocabulary::Metadata
                                && f.name == "metadata"
                                && f.ids.contains(&format!("metadata:{id}"))
                        });
                    if !fresh || clashes {
                        return err(attr_at("id"), format!("duplicate id {id:?} among the metadata groups of this <mda:metadata>"));
                    }
                }
            }
            (Vocabulary::Metadata, "meta") if a("type").is_none() => {
                return err(at, "<mda:meta> has no type attribute (required)");
            }
            (Vocabulary::ResourceData, "resourceItem" | "resourceItemRef") => {
                if let Some(id) = a("id") {
                    if !container(self, "resourceData", id) {
                        return err(attr_at("id"), format!("duplicate id {id:?} among the resource items of this <res:resourceData>"));
                    }
                    if name == "resourceItem" {
                        self.file.resource_items.insert(id.to_string());
                    }
                }
                if name == "resourceItemRef" {
                    match a("ref") {
                        Some(target) => self
                            .file
                            .resource_refs
                            .push((target.to_string(), attr_at("ref"))),
                        None => {
                            return err(at, "<res:resourceItemRef> has no ref attribute (required)")
                        }
                    }
                }
            }
            (Vocabulary::ResourceData, "source" | "target") => {
                let (expected, attr) = if name == "source" {
                    (Some(self.src_lang.as_str()), "srcLang")
                } else {
                    (self.trg_lang.as_deref(), "trgLang")
                };
                if let (Some(lang), Some(expected)) = (a("xml:lang"), expected) {
                    if !lang_matches(lang, expected) {
                        return err(attr_at("xml:lang"), format!("xml:lang=\"{lang}\" on <res:{name}> but the document's {attr} is \"{expected}\""));
                    }
                }
            }
            (Vocabulary::SizeRestriction, "profiles")
                if a("generalProfile").is_some_and(|p| p != "xliff:codepoints") =>
            {
                self.file.custom_size_profile = true;
            }
            (Vocabulary::Validation, "rule") => {
                let kinds: Vec<&str> = ["isPresent", "isNotPresent", "startsWith", "endsWith"]
                    .into_iter()
                    .filter(|k| a(k).is_some())
                    .collect();
                if kinds.len() > 1 {
                    return err(
                        attr_at(kinds[1]),
                        format!(
                            "<val:rule> has both {} and {}: a rule tests one thing",
                            kinds[0], kinds[1]
                        ),
                    );
                }
                let custom = attributes
                    .iter()
                    .any(|(k, _)| k.contains(':') && !k.starts_with("xmlns"));
                if kinds.is_empty() && !custom {
                    return err(at, "<val:rule> has none of isPresent, isNotPresent, startsWith, endsWith (nor a custom rule attribute)");
                }
                if let Some(occurs) = a("occurs") {
                    if !occurs.parse::<u64>().is_ok_and(|n| n > 0) {
                        return err(
                            attr_at("occurs"),
                            format!("occurs=\"{occurs}\" on <val:rule> must be a positive integer"),
                        );
                    }
                }
                for key in ["existsInSource", "caseSensitive", "disabled"] {
                    if let Some(v) = a(key) {
                        if v != "yes" && v != "no" {
                            return err(
                                attr_at(key),
                                format!("{key}=\"{v}\" on <val:rule> must be yes or no"),
                            );
                        }
                    }
                }
                if a("existsInSource").is_some() && !kinds.iter().any(|k| *k != "isNotPresent") {
                    return err(
                        attr_at("existsInSource"),
                        "existsInSource on <val:rule> needs isPresent, startsWith or endsWith",
                    );
                }
            }
            (Vocabulary::ChangeTracking, "revisions") if a("ref").is_none() => {
                if let Some(applies) = a("appliesTo") {
                    // revisions → changeTrack → the element whose children it tracks.
                    let n = self.stack.len();
                    if n >= 2 {
                        self.stack[n - 2].revisions.push((applies.to_string(), at));
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Counts elements for the change-tracking revisions that apply to a kind of element.
    fn count_for_revisions(
        &mut self,
        name: &str,
        vocabulary: Vocabulary,
        attributes: &[(String, String)],
    ) {
        if vocabulary != Vocabulary::Core {
            return;
        }
        let has_id = get(attributes, "id").is_some() as usize;
        let n = self.stack.len();
        for frame in self.stack[n.saturating_sub(2)..].iter_mut() {
            if !frame.revisions.is_empty() {
                let count = frame.counts.entry(name.to_string()).or_default();
                count.0 += 1;
                count.1 += has_id;
            }
        }
    }

    fn end(&mut self) -> Check {
        let Some(frame) = self.stack.pop() else {
            return Ok(());
        };
        if let Some(parent) = self.stack.last() {
            if parent.vocabulary == Vocabulary::Foreign {
                return Ok(());
            }
        }
        let at = frame.at;
        for (applies, at) in &frame.revisions {
            if let Some((count, with_id)) = frame.counts.get(applies) {
                if *count > 1 && *with_id > 0 {
                    return err(*at, format!(
                        "<ctr:revisions appliesTo=\"{applies}\"> without ref, but there are {count} <{applies}> elements with ids: ref must say which one"
                    ));
                }
            }
        }
        match (frame.vocabulary, frame.name.as_str()) {
            (Vocabulary::Core, name) => {
                let required = match name {
                    "file" => Some("a <file> holds at least one <unit> or <group>"),
                    "unit" if !frame.aside => Some("a <unit> holds at least one <segment>"),
                    "segment" | "ignorable" => {
                        Some("no <source>: a segment or ignorable starts with its source")
                    }
                    "notes" => Some("an empty <notes>: it holds at least one <note>"),
                    "originalData" => Some("an empty <originalData>: it holds at least one <data>"),
                    _ => None,
                };
                if let Some(why) = required.filter(|_| frame.required_children == 0) {
                    let why = match name {
                        "segment" | "ignorable" => format!("<{name}> with {why}"),
                        _ => why.to_string(),
                    };
                    return err(at, why);
                }
                if name == "unit" && !frame.aside {
                    return self.end_unit();
                }
                if name == "file" {
                    return self.end_file();
                }
                if name == "pc" && !frame.aside {
                    if let Some(side) = self.side() {
                        if let Some(unit) = self.unit_mut() {
                            let flow = &mut unit.flows[side];
                            let before = flow.before_pc.pop().flatten();
                            if flow.last_reorder.is_none() {
                                flow.last_reorder = before;
                            }
                        }
                    }
                }
            }
            (Vocabulary::Glossary, "glossEntry") if frame.required_children == 0 => {
                return err(
                    at,
                    "<gls:glossEntry> has neither a <gls:translation> nor a <gls:definition>",
                );
            }
            (Vocabulary::ResourceData, "source" | "target") if frame.href == frame.content => {
                let name = &frame.name;
                return err(
                    at,
                    if frame.href {
                        format!("<res:{name}> has href and content: with href it is empty")
                    } else {
                        format!("<res:{name}> is empty and has no href: one of them is required")
                    },
                );
            }
            _ => {}
        }
        Ok(())
    }

    fn end_unit(&mut self) -> Check {
        let Some(unit) = self.unit.take() else {
            return Ok(());
        };
        for flow in &unit.flows {
            if let Some((id, at)) = flow.open.iter().min_by_key(|(_, at)| at.byte_offset) {
                return err(*at, format!(
                    "<sc id=\"{id}\"> has no <ec startRef=\"{id}\"> in its unit: a code that ends outside the unit is isolated=\"yes\""
                ));
            }
        }
        let mut seen = HashSet::new();
        for (order, at) in &unit.orders {
            if *order as usize > unit.parts {
                return err(
                    *at,
                    format!(
                        "order=\"{order}\" is more than the unit's {} segments and ignorables",
                        unit.parts
                    ),
                );
            }
            if !seen.insert(order) {
                return err(*at, format!("order=\"{order}\" is used twice in this unit"));
            }
        }
        for (target, at) in &unit.candidate_refs {
            let id = target.strip_prefix('#').unwrap_or(target);
            let id = id.rsplit('/').next().unwrap_or(id);
            if !unit.spans.contains(id) {
                return err(*at, format!("ref=\"{target}\" of <mtc:match> points at no segment or marked span of this unit"));
            }
        }
        Ok(())
    }

    fn end_file(&mut self) -> Check {
        self.check_size_infos()?;
        let file = std::mem::take(&mut self.file);
        for (key, id, at) in &file.sub_flows {
            if !file.units.contains(id) {
                return err(
                    *at,
                    format!("{key} names unit {id:?}, which is not in this <file>"),
                );
            }
        }
        for (target, at) in &file.resource_refs {
            if !file.resource_items.contains(target) {
                return err(*at, format!("ref=\"{target}\" of <res:resourceItemRef> points at no <res:resourceItem> of this <file>"));
            }
        }
        Ok(())
    }

    fn text(&mut self, blank: bool) {
        if let Some(frame) = self.stack.last_mut() {
            if !blank {
                frame.content = true;
            }
        }
    }
}

impl File {
    fn body_pending(&self) -> bool {
        !self.body
    }
}

impl XmlObserver for Xliff2Rules {
    fn observe(&mut self, event: &XmlEvent, tag: &TagContext<'_>) -> Result<(), FormatError> {
        if self.ended {
            return Ok(());
        }
        match event {
            XmlEvent::Start {
                name,
                attributes,
                empty,
                at,
            } => self.start(name, attributes, *empty, *at, tag),
            XmlEvent::End { .. } => self.end(),
            XmlEvent::Text(piece) => {
                let blank = match piece {
                    super::xml::TextPiece::Verbatim(s, _) => s.trim().is_empty(),
                    super::xml::TextPiece::Replaced(..) => false,
                };
                self.text(blank);
                Ok(())
            }
            XmlEvent::Eof => {
                self.ended = true;
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::formats::xliff::XliffReader;
    use crate::segment::FormatError;

    const MODULES: &str = r##" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" xmlns:res="urn:oasis:names:tc:xliff:resourcedata:2.0" xmlns:ctr="urn:oasis:names:tc:xliff:changetracking:2.0" xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0" xmlns:val="urn:oasis:names:tc:xliff:validation:2.0" xmlns:fs="urn:oasis:names:tc:xliff:fs:2.0" xmlns:my="urn:example:my""##;

    /// A document around `body`: the content of a `<file>`, from line 3; a body that starts
    /// with `<xliff` is the whole document.
    fn document(body: &str) -> String {
        if body.starts_with("<xliff") {
            return body.to_string();
        }
        format!(
            "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"{MODULES}\n version=\"2.0\" srcLang=\"en\" trgLang=\"fr\"><file id=\"f\">\n{body}\n</file></xliff>"
        )
    }

    fn read(xml: &str) -> Result<usize, FormatError> {
        XliffReader::new(xml.as_bytes())?
            .collect::<Result<Vec<_>, _>>()
            .map(|s| s.len())
    }

    /// `body` with a `@` where the error must point is refused there, for a reason that
    /// contains `word`.
    #[track_caller]
    fn refused(body: &str, word: &str) {
        let marked = document(body);
        let at = marked.find('@').expect("a @ marks the position");
        let before = &marked[..at];
        let line = before.matches('\n').count() as u64 + 1;
        let column = before.rsplit('\n').next().unwrap().chars().count() as u64 + 1;
        let xml = marked.replacen('@', "", 1);
        let e = match read(&xml) {
            Ok(_) => panic!("read, but must be refused:\n{xml}"),
            Err(e) => e,
        };
        let l = e.location.expect("a position");
        assert_eq!((l.line, l.column), (line, column), "{}\n{xml}", e.message);
        assert!(e.message.contains(word), "{:?} lacks {word:?}", e.message);
    }

    #[track_caller]
    fn accepted(body: &str) {
        let xml = document(body);
        if let Err(e) = read(&xml) {
            panic!("refused: {e:?}\n{xml}");
        }
    }

    const S: &str = "<segment><source>a</source></segment>";

    #[test]
    fn attributes_follow_the_core_schema() {
        refused(
            r##"<unit id="u"><segment><source @dir="rtl">a</source></segment></unit>"##,
            "not an attribute of <source>",
        );
        accepted(
            r##"<unit id="u"><segment><source xml:lang="en" xml:space="preserve">a</source></segment></unit>"##,
        );
        refused(
            r##"<unit id="u"><segment><source @my:x="1">a</source></segment></unit>"##,
            "urn:example:my",
        );
        accepted(&format!(r##"<unit id="u" my:x="1">{S}</unit>"##));
        refused(
            r##"<unit id="u"><segment @translate="no"><source>a</source></segment></unit>"##,
            "translate",
        );
        accepted(&format!(r##"<unit id="u" translate="no">{S}</unit>"##));
        refused(
            r##"<unit id="u"><segment @state="done"><source>a</source></segment></unit>"##,
            "state=\"done\"",
        );
        accepted(
            r##"<unit id="u"><segment state="final"><source>a</source><target>b</target></segment></unit>"##,
        );
        refused(
            r##"<unit id="u"><segment><source><pc id="1" @type="bold">a</pc></source></segment></unit>"##,
            "type=\"bold\"",
        );
        accepted(
            r##"<unit id="u"><segment><source><pc id="1" type="fmt" subType="xlf:b">a</pc></source></segment></unit>"##,
        );
        refused(
            r##"<unit id="u"><segment @subState="my:x"><source>a</source></segment></unit>"##,
            "without state",
        );
        accepted(
            r##"<unit id="u"><segment state="initial" subState="my:x"><source>a</source></segment></unit>"##,
        );
        refused(r##"@<group><unit id="u">{S}</unit></group>"##, "no id");
        accepted(
            r##"<group id="g"><unit id="u"><segment><source>a</source></segment></unit></group>"##,
        );
    }

    #[test]
    fn code_points_are_only_for_characters_xml_cannot_hold() {
        refused(
            r##"<unit id="u"><segment><source><cp @hex="00a0"/></source></segment></unit>"##,
            "U+00A0",
        );
        refused(
            r##"<unit id="u"><segment><source><cp @hex="notOK"/></source></segment></unit>"##,
            "hexadecimal",
        );
        accepted(
            r##"<unit id="u"><segment><source><cp hex="0003"/><cp hex="FFFE"/></source></segment></unit>"##,
        );
    }

    #[test]
    fn elements_follow_the_core_content_model() {
        refused(
            "<unit id=\"u\"><segment><source>a</source></segment></unit></file>@<my:e/><file id=\"g\"><unit id=\"u\"><segment><source>a</source></segment></unit>",
            "not allowed in <xliff>",
        );
        accepted(
            r##"<my:e>x</my:e><unit id="u" ><my:e/><segment><source>a</source></segment></unit>"##,
        );
        refused(
            r##"<unit id="u"><segment><source>a</source></segment>@<notes><note>n</note></notes></unit>"##,
            "out of order",
        );
        accepted(
            r##"<unit id="u"><notes><note>n</note></notes><segment><source>a</source></segment></unit>"##,
        );
        refused(
            r##"<unit id="u"><segment><source>a</source>@<source>b</source></segment></unit>"##,
            "second <source>",
        );
        refused(
            r##"<unit id="u">@<notes></notes><segment><source>a</source></segment></unit>"##,
            "empty <notes>",
        );
        refused(
            r##"<unit id="u">@<originalData> </originalData><segment><source>a</source></segment></unit>"##,
            "empty <originalData>",
        );
        refused(
            "@<unit id=\"u\"><ignorable><source> </source></ignorable></unit>",
            "at least one <segment>",
        );
        accepted(
            r##"<unit id="u"><ignorable><source> </source></ignorable><segment><source>a</source></segment></unit>"##,
        );
        refused(
            r##"<unit id="u">@<segment><target>b</target></segment></unit>"##,
            "no <source>",
        );
        refused(
            r##"<unit id="u"><segment><source>a</source></segment>@<ignorable><target> </target></ignorable></unit>"##,
            "no <source>",
        );
        refused("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\">\n@<file id=\"f\"> </file></xliff>", "at least one <unit>");
    }

    #[test]
    fn ids_are_unique_where_the_spec_says() {
        refused(
            &format!("<unit id=\"u\">{S}</unit></file>\n<file @id=\"f\"><unit id=\"u\">{S}</unit>"),
            "duplicate file id",
        );
        refused(
            &format!(
                "<group id=\"g\">\n<group @id=\"g\"><unit id=\"u\">{S}</unit></group></group>"
            ),
            "duplicate group id",
        );
        accepted(&format!(
            "<group id=\"x\"><unit id=\"x\">{S}</unit></group>"
        ));
        refused(
            r##"<unit id="u"><originalData><data id="d">1</data><data @id="d">2</data></originalData><segment><source>a</source></segment></unit>"##,
            "duplicate data id",
        );
        refused(
            r##"<unit id="u"><notes><note id="n">1</note><note @id="n">2</note></notes><segment><source>a</source></segment></unit>"##,
            "duplicate note id",
        );
        accepted(
            r##"<notes><note id="n">1</note></notes><unit id="u"><notes><note id="n">2</note></notes><segment><source>a</source></segment></unit>"##,
        );
        refused(
            r##"<unit id="u"><segment><source>a</source><target order="1">b</target></segment><segment><source>c</source><target @order="1">d</target></segment></unit>"##,
            "used twice",
        );
        accepted(
            r##"<unit id="u"><segment><source>a</source><target order="2">b</target></segment><segment><source>c</source><target order="1">d</target></segment></unit>"##,
        );
    }

    #[test]
    fn languages_are_well_formed_and_agree() {
        refused("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" @srcLang=\"e\"><file id=\"f\"><unit id=\"u\"><segment><source>a</source></segment></unit></file></xliff>", "BCP 47");
        refused(
            r##"<unit id="u"><segment><source>a</source><target @xml:lang="f r">b</target></segment></unit>"##,
            "BCP 47",
        );
        refused(
            r##"<unit id="u"><segment><source @xml:lang="ja">a</source></segment></unit>"##,
            "srcLang",
        );
        refused(
            r##"<unit id="u" xml:lang="ja"><segment>@<source>a</source></segment></unit>"##,
            "(inherited)",
        );
        refused(
            r##"<unit id="u"><segment><source>a</source><target @xml:lang="de">b</target></segment></unit>"##,
            "trgLang",
        );
        // A subtag-extension of the document's language agrees with it (XPath lang()).
        accepted(
            r##"<unit id="u" xml:lang="en-GB"><segment><source>a</source><target xml:lang="fr-CA">b</target></segment></unit>"##,
        );
        refused(
            r##"<unit id="u"><segment><source xml:space="preserve">a</source>@<target>b</target></segment></unit>"##,
            "xml:space",
        );
        accepted(
            r##"<unit id="u" xml:space="preserve"><segment><source>a</source><target>b</target></segment></unit>"##,
        );
    }

    #[test]
    fn inline_codes_pair_and_resolve() {
        refused(
            r##"<unit id="u"><segment><source><ph id="1" @dataRef="d1"/></source></segment></unit>"##,
            "no <originalData>",
        );
        refused(
            r##"<unit id="u"><originalData><data id="d1">x</data></originalData><segment><source><ph id="1" @dataRef="d2"/></source></segment></unit>"##,
            "no <data>",
        );
        accepted(
            r##"<unit id="u"><originalData><data id="d1">x</data></originalData><segment><source><ph id="1" dataRef="d1"/></source></segment></unit>"##,
        );
        refused(
            r##"<unit id="u"><segment><source><ec @startRef="1"/>a</source></segment><segment><source><sc id="1"/>b</source></segment></unit>"##,
            "before (or without) its <sc",
        );
        accepted(
            r##"<unit id="u"><segment><source><sc id="1"/>a</source></segment><segment><source>b<ec startRef="1"/></source></segment></unit>"##,
        );
        refused(
            r##"<unit id="u"><segment><source>@<sc id="1"/>a</source></segment></unit>"##,
            "isolated",
        );
        accepted(
            r##"<unit id="u"><segment><source><sc id="1" isolated="yes"/>a<ec id="2" isolated="yes"/></source></segment></unit>"##,
        );
        refused(
            r##"<unit id="u"><segment><source><em @startRef="m"/>a</source></segment><segment><source><sm id="m" translate="no"/>b</source></segment></unit>"##,
            "before (or without) its <sm",
        );
        accepted(
            r##"<unit id="u"><segment><source><sm id="m" translate="no"/>a</source><target><sm id="m" translate="no"/>b</target></segment><segment><source>c<em startRef="m"/></source><target>d<em startRef="m"/></target></segment></unit>"##,
        );
        refused(
            r##"<unit id="u"><segment><source><ph id="1" canReorder="firstNo" canCopy="no" canDelete="no"/><ph id="2"/><ph id="3" @canReorder="no" canCopy="no" canDelete="no"/></source></segment></unit>"##,
            "sequence is broken",
        );
        accepted(
            r##"<unit id="u"><segment><source><ph id="1" canReorder="firstNo" canCopy="no" canDelete="no"/><ph id="3" canReorder="no" canCopy="no" canDelete="no"/><ph id="2"/></source></segment></unit>"##,
        );
        refused(r##"<unit id="u"><segment><source><pc id="1" @subFlowsStart="zz" subFlowsEnd="u2">a</pc></source></segment></unit><unit id="u2">{S}</unit>"##.replace("{S}", S).as_str(), "\"zz\"");
        accepted(&format!(
            r##"<unit id="u"><segment><source><ph id="1" subFlows="u2"/></source></segment></unit><unit id="u2">{S}</unit>"##
        ));
    }

    #[test]
    fn comment_annotations_take_a_value_or_a_note_of_their_unit() {
        let notes = r##"<notes><note id="n1">n</note></notes>"##;
        refused(
            &format!(
                r##"<unit id="u">{notes}<segment><source><mrk id="m" type="comment" value="v" @ref="#n=n1">a</mrk></source></segment></unit>"##
            ),
            "both",
        );
        refused(
            r##"<unit id="u"><segment><source>@<mrk id="m" type="comment">a</mrk></source></segment></unit>"##,
            "neither",
        );
        refused(
            &format!(
                r##"{notes}<unit id="u"><notes><note id="n1">n</note></notes><segment><source><mrk id="m" type="comment" @ref="#f=f/n=n1">a</mrk></source></segment></unit>"##
            ),
            "no <note> of this unit",
        );
        for target in ["n1", "#n1", "#n=n1", "#f=f/u=u/n=n1"] {
            accepted(&format!(
                r##"<unit id="u">{notes}<segment><source><mrk id="m" type="comment" ref="{target}">a</mrk></source></segment></unit>"##
            ));
        }
    }

    #[test]
    fn module_constraints() {
        let m = |candidates: &str| {
            format!(
                r##"<unit id="u"><mtc:matches>{candidates}</mtc:matches><segment id="s1"><source>a</source></segment></unit>"##
            )
        };
        let c =
            r##"<mtc:match id="m1" ref="#s1"><source>a</source><target>b</target></mtc:match>"##;
        refused(
            &m(&format!(
                r##"{c}<mtc:match @id="m1" ref="s1"><source>a</source></mtc:match>"##
            )),
            "duplicate match id",
        );
        refused(
            &m(r##"<mtc:match id="m1" ref="s1" @xml:lang="fr"><source>a</source></mtc:match>"##),
            "xml:lang",
        );
        refused(
            &m(r##"<mtc:match id="m1" @ref="#u"><source>a</source></mtc:match>"##),
            "points at no segment",
        );
        accepted(&m(&format!(
            r##"{c}<mtc:match id="m2" ref="s1"><source>a</source></mtc:match>"##
        )));

        let g = |entries: &str| {
            format!(r##"<unit id="u"><gls:glossary>{entries}</gls:glossary>{S}</unit>"##)
        };
        refused(
            &g(
                r##"<gls:glossEntry id="e"><gls:term>t</gls:term><gls:translation @id="e">x</gls:translation></gls:glossEntry>"##,
            ),
            "duplicate id",
        );
        refused(
            &g(r##"@<gls:glossEntry id="e"><gls:term>t</gls:term></gls:glossEntry>"##),
            "neither",
        );
        accepted(&g(
            r##"<gls:glossEntry id="e"><gls:term>t</gls:term><gls:definition>d</gls:definition></gls:glossEntry>"##,
        ));

        refused(
            &format!(
                r##"<mda:metadata><mda:metaGroup>@<mda:meta>x</mda:meta></mda:metaGroup></mda:metadata><unit id="u">{S}</unit>"##
            ),
            "no type",
        );
        refused(
            &format!(
                r##"<mda:metadata><mda:metaGroup id="g"><mda:meta type="t">x</mda:meta></mda:metaGroup><mda:metaGroup @id="g"><mda:meta type="t">y</mda:meta></mda:metaGroup></mda:metadata><unit id="u">{S}</unit>"##
            ),
            "duplicate id",
        );
        accepted(&format!(
            r##"<mda:metadata><mda:metaGroup id="g"><mda:meta type="t">x</mda:meta></mda:metaGroup></mda:metadata><unit id="u"><mda:metadata><mda:metaGroup id="g"><mda:meta type="t">y</mda:meta></mda:metaGroup></mda:metadata>{S}</unit>"##
        ));

        let r = |items: &str| {
            format!(r##"<res:resourceData>{items}</res:resourceData><unit id="u">{S}</unit>"##)
        };
        refused(
            &r(
                r##"<res:resourceItem id="r" context="yes">@<res:source href="a.jpg"><my:x/></res:source></res:resourceItem>"##,
            ),
            "href and content",
        );
        refused(
            &r(
                r##"<res:resourceItem id="r" context="yes"><res:source href="a.jpg"/><res:target @xml:lang="de" href="b.jpg"/></res:resourceItem>"##,
            ),
            "trgLang",
        );
        refused(
            &r(
                r##"<res:resourceItem id="r"><res:source href="a"/></res:resourceItem><res:resourceItem @id="r"><res:source href="b"/></res:resourceItem>"##,
            ),
            "duplicate id",
        );
        accepted(&r(
            r##"<res:resourceItem id="r"><res:source href="a"/><res:target xml:lang="fr-FR" href="b"/></res:resourceItem>"##,
        ));

        refused(
            r##"<unit id="u"><segment><source><pc id="1" @slr:sizeInfo="25.5">a</pc></source></segment></unit>"##,
            "not an integer",
        );
        accepted(
            r##"<unit id="u"><segment><source><pc id="1" slr:sizeInfo="25">a</pc></source></segment></unit>"##,
        );
        accepted(r##"<slr:profiles generalProfile="my:profile"/><unit id="u" slr:sizeInfo="big">{S}</unit>"##.replace("{S}", S).as_str());

        refused(
            &format!(
                r##"<val:validation><val:rule isPresent="x" @occurs="0"/></val:validation><unit id="u">{S}</unit>"##
            ),
            "positive integer",
        );
        accepted(&format!(
            r##"<val:validation><val:rule isPresent="x" occurs="2"/></val:validation><unit id="u">{S}</unit>"##
        ));

        refused(
            &format!(
                r##"<notes><note @fs:fs="paragraph">n</note></notes><unit id="u">{S}</unit>"##
            ),
            "HTML element",
        );
        refused(
            &format!(r##"<notes><note @fs:subFs="x">n</note></notes><unit id="u">{S}</unit>"##),
            "without fs:fs",
        );
        accepted(&format!(
            r##"<notes><note fs:fs="p" fs:subFs="class,x">n</note></notes><unit id="u">{S}</unit>"##
        ));

        let notes = r##"<notes><note id="n1">a</note><note id="n2">b</note></notes>"##;
        refused(
            &format!(
                r##"<unit id="u"><ctr:changeTrack>@<ctr:revisions appliesTo="note"><ctr:revision><ctr:item property="content">x</ctr:item></ctr:revision></ctr:revisions></ctr:changeTrack>{notes}{S}</unit>"##
            ),
            "ref must say which",
        );
        accepted(&format!(
            r##"<unit id="u"><ctr:changeTrack><ctr:revisions appliesTo="note" ref="n1"><ctr:revision><ctr:item property="content">x</ctr:item></ctr:revision></ctr:revisions></ctr:changeTrack>{notes}{S}</unit>"##
        ));
    }
}
