//! Glossaries: the terminology model, loading and validation.
//!
//! A glossary is a list of [`Concept`]s; each has one preferred English rendering and any
//! number of admitted (also correct), deprecated (replace them) and forbidden (never use)
//! renderings. Every file is parsed and validated before any text is checked, so a bad
//! glossary stops the run with every problem listed, not the first one.

mod bundled;
mod csv;
pub mod lint;
mod table;
mod tbx;
mod validate;

use std::path::Path;

use crate::error::FileError;
use crate::fingerprint::sha256_hex;
use crate::input::decode::{decode_all, DecodeError};
use crate::location::{Location, LocationTracker};

pub use bundled::bundled_glossaries;
pub use tbx::{write_tbx, GlossaryLanguages};

/// The file formats a glossary may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlossaryFormat {
    /// CSV (RFC 4180).
    Csv,
    /// Tab-separated, read like CSV.
    Tsv,
    /// TBX 2008 (`martif`) or TBX v3 (`tbx`).
    Tbx,
}

impl GlossaryFormat {
    /// The format of a glossary file: `.tbx`/`.tbxm` is TBX, `.tsv`/`.tab` TSV, a file whose
    /// text starts with `<` TBX, anything else CSV.
    pub fn detect(path: &Path, head: &[u8]) -> GlossaryFormat {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("tbx" | "tbxm") => GlossaryFormat::Tbx,
            Some("tsv" | "tab") => GlossaryFormat::Tsv,
            Some("csv") => GlossaryFormat::Csv,
            _ if crate::formats::xml::looks_like_xml(head) => GlossaryFormat::Tbx,
            _ => GlossaryFormat::Csv,
        }
    }
}

/// What a glossary says about one rendering of a concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// The approved rendering.
    Preferred,
    /// Also acceptable.
    Admitted,
    /// To be replaced by the preferred rendering.
    Deprecated,
    /// Must not appear.
    Forbidden,
}

impl Status {
    /// Preferred and admitted renderings are correct text.
    pub fn is_approved(self) -> bool {
        matches!(self, Status::Preferred | Status::Admitted)
    }

    /// The name used in glossary columns and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Preferred => "preferred",
            Status::Admitted => "admitted",
            Status::Deprecated => "deprecated",
            Status::Forbidden => "forbidden",
        }
    }
}

/// Whether a concept's renderings match regardless of letter case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CaseMode {
    /// "acftu", "ACFTU" and "Acftu" are the same rendering (the default).
    #[default]
    Insensitive,
    /// Only the exact capitalisation matches (acronyms such as ACFTU).
    Sensitive,
    /// A name: found where the text keeps its capitals (as listed, in Title Case or in
    /// capitals), not in small letters, which write a common phrase ("our control board" is
    /// no forbidden "Control Board").
    Name,
}

impl CaseMode {
    /// Its value in a glossary's `case` column (empty for the default).
    pub fn as_str(self) -> &'static str {
        match self {
            CaseMode::Insensitive => "",
            CaseMode::Sensitive => "sensitive",
            CaseMode::Name => "name",
        }
    }
}

/// One way of writing a concept in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendering {
    /// The rendering as the glossary writes it.
    pub text: String,
    /// Whether it is correct, to be replaced, or banned.
    pub status: Status,
    /// Where the glossary lists it.
    pub location: Location,
}

/// A term: one meaning, its source-language terms and its English renderings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    /// Unique id (from the `id` column, or `row-N` for line N).
    pub id: String,
    /// Source-language terms (Chinese), for source-aware checks.
    pub source: Vec<String>,
    /// All renderings; the first is the preferred one.
    pub renderings: Vec<Rendering>,
    /// How letter case is compared.
    pub case: CaseMode,
    /// Free text shown in reports (usage advice, the source of the preferred form).
    pub note: String,
    /// Surface forms accepted for this concept and never reported (the `x-allow` column).
    pub allowed: Vec<String>,
    /// The glossary file this concept comes from.
    pub file: String,
    /// Where its row starts.
    pub location: Location,
}

impl Concept {
    /// The approved rendering that findings suggest.
    pub fn preferred(&self) -> &str {
        &self.renderings[0].text
    }

    /// How reports name the concept: its source term if it has one, else its id.
    pub fn label(&self) -> &str {
        self.source.first().map_or(&self.id, |s| s)
    }
}

/// One loaded glossary file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GlossaryFile {
    /// The file as named by the user, or `bundled:NAME` for the built-in ones.
    pub name: String,
    /// How many concepts it holds.
    pub concepts: usize,
    /// Lower-case hex SHA-256 of its bytes as stored (of the embedded text for bundled ones):
    /// reports name exactly which glossary they were checked against.
    pub sha256: String,
}

/// Every concept of every loaded glossary file, validated.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// Concepts in the order of the files and rows they come from.
    pub concepts: Vec<Concept>,
    /// The files they come from.
    pub files: Vec<GlossaryFile>,
}

/// A glossary to load: a file on disk or text built into the binary.
#[derive(Debug, Clone)]
pub enum GlossarySource {
    /// A glossary file named by the user.
    File(std::path::PathBuf),
    /// A glossary embedded in the binary.
    Bundled {
        /// Its display name.
        name: String,
        /// Its CSV text.
        text: &'static str,
    },
}

impl Glossary {
    /// Loads and validates every source, in order. On failure returns every problem found.
    pub fn load(sources: &[GlossarySource]) -> Result<Glossary, Vec<FileError>> {
        Glossary::load_with(sources, &GlossaryLanguages::default())
    }

    /// [`Glossary::load`], taking the source and target terms of multilingual (TBX) files in
    /// `languages`.
    pub fn load_with(
        sources: &[GlossarySource],
        languages: &GlossaryLanguages,
    ) -> Result<Glossary, Vec<FileError>> {
        let mut glossary = Glossary::default();
        let mut errors = Vec::new();
        for source in sources {
            let loaded = match source {
                GlossarySource::File(path) => load_file(path, languages),
                GlossarySource::Bundled { name, text } => {
                    let detected = crate::input::decode::detect_encoding(text.as_bytes());
                    csv::parse_glossary(text, name, ',', detected)
                        .map(|c| (c, sha256_hex(text.as_bytes())))
                }
            };
            match loaded {
                Ok((concepts, sha256)) => {
                    glossary.files.push(GlossaryFile {
                        name: match source {
                            GlossarySource::File(p) => p.display().to_string(),
                            GlossarySource::Bundled { name, .. } => name.clone(),
                        },
                        concepts: concepts.len(),
                        sha256,
                    });
                    glossary.concepts.extend(concepts);
                }
                Err(mut e) => errors.append(&mut e),
            }
        }
        errors.extend(validate::validate(&glossary.concepts));
        if errors.is_empty() {
            Ok(glossary)
        } else {
            errors.sort_by(|a, b| (&a.path, a.location).cmp(&(&b.path, b.location)));
            errors.dedup();
            Err(errors)
        }
    }

    /// Parses a TBX glossary held in memory (fuzzing, tools embedding termcheck) into its
    /// concepts, not validated; errors name `name`.
    pub fn tbx_concepts(
        bytes: &[u8],
        name: &str,
        languages: &GlossaryLanguages,
    ) -> Result<Vec<Concept>, Vec<FileError>> {
        tbx::parse_tbx(bytes, name, languages)
    }

    /// Parses glossary text held in memory (tests, tools embedding termcheck).
    pub fn from_csv_text(text: &str, name: &str) -> Result<Glossary, Vec<FileError>> {
        let detected = crate::input::decode::detect_encoding(text.as_bytes());
        let concepts = csv::parse_glossary(text, name, ',', detected)?;
        let errors = validate::validate(&concepts);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Glossary {
            files: vec![GlossaryFile {
                name: name.to_string(),
                concepts: concepts.len(),
                sha256: sha256_hex(text.as_bytes()),
            }],
            concepts,
        })
    }
}

/// The file's concepts and the SHA-256 of its bytes.
fn load_file(
    path: &Path,
    languages: &GlossaryLanguages,
) -> Result<(Vec<Concept>, String), Vec<FileError>> {
    let name = path.display().to_string();
    if path.is_dir() {
        return Err(vec![FileError::new(
            name,
            "is a directory; --glossary takes a glossary file",
        )]);
    }
    let bytes = std::fs::read(path).map_err(|e| vec![FileError::new(&name, e.to_string())])?;
    let format = GlossaryFormat::detect(path, &bytes[..bytes.len().min(1024)]);
    if format == GlossaryFormat::Tbx {
        return tbx::parse_tbx(&bytes, &name, languages).map(|c| (c, sha256_hex(&bytes)));
    }
    let (text, detected) = decode_all(&bytes).map_err(|e| vec![decode_error(&name, &bytes, &e)])?;
    let delimiter = if format == GlossaryFormat::Tsv {
        '\t'
    } else {
        ','
    };
    csv::parse_glossary(&text, &name, delimiter, detected).map(|c| (c, sha256_hex(&bytes)))
}

/// Writes concepts as a CSV glossary with every column termcheck reads, in the documented
/// order; lists are `|`-separated with `\|` for a literal bar.
pub fn write_csv(concepts: &[Concept]) -> String {
    let list = |items: &mut dyn Iterator<Item = &String>| -> String {
        items
            .map(|s| s.replace('|', "\\|"))
            .collect::<Vec<_>>()
            .join("|")
    };
    let mut writer = ::csv::WriterBuilder::new().from_writer(Vec::new());
    let header = [
        "id",
        "source",
        "preferred",
        "admitted",
        "deprecated",
        "forbidden",
        "case",
        "note",
    ];
    writer.write_record(header).expect("writing to memory");
    for c in concepts {
        let with = |status: Status| -> String {
            list(
                &mut c
                    .renderings
                    .iter()
                    .filter(|r| r.status == status)
                    .map(|r| &r.text),
            )
        };
        let case = c.case.as_str();
        writer
            .write_record([
                c.id.as_str(),
                &list(&mut c.source.iter()),
                c.preferred(),
                &with(Status::Admitted),
                &with(Status::Deprecated),
                &with(Status::Forbidden),
                case,
                &c.note,
            ])
            .expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("writing to memory"))
        .expect("CSV of strings is UTF-8")
}

/// Turns a decoding error into a [`FileError`] with the line and column of the bad byte.
pub(crate) fn decode_error(path: &str, bytes: &[u8], e: &DecodeError) -> FileError {
    let detected = crate::input::decode::detect_encoding(bytes);
    let mut tracker = LocationTracker::new(detected.encoding, detected.bom_len as u64);
    let valid = &bytes[detected.bom_len..(e.byte_offset as usize).max(detected.bom_len)];
    let mut prefix = String::new();
    let mut decoder = crate::input::decode::Decoder::new(detected.encoding, 0);
    // The prefix before the bad byte decodes cleanly by construction.
    let _ = decoder.decode(valid, false, &mut prefix);
    tracker.advance(&prefix);
    let mut location = tracker.location();
    location.byte_offset = e.byte_offset;
    FileError::at(path, location, &e.reason)
}
