//! Checks that span renderings and concepts: duplicate ids, conflicting renderings.

use rustc_hash::FxHashMap as HashMap;

use super::{CaseMode, Concept, Status};
use crate::error::FileError;
use crate::normalize::normalize_key;

/// Every problem that makes a set of concepts unusable together.
pub(super) fn validate(concepts: &[Concept]) -> Vec<FileError> {
    let mut errors = Vec::new();
    let mut ids: HashMap<&str, &Concept> =
        HashMap::with_capacity_and_hasher(concepts.len(), Default::default());
    for c in concepts {
        if let Some(first) = ids.insert(&c.id, c) {
            errors.push(FileError::at(
                &c.file,
                c.location,
                format!(
                    "duplicate concept id {:?} (first defined at {}:{})",
                    c.id, first.file, first.location.line
                ),
            ));
            ids.insert(&first.id, first);
        }
    }

    // Every rendering by its case-folded normalized form, to find clashes between concepts.
    let mut by_key: HashMap<String, Vec<Use>> = HashMap::default();
    // One map for the renderings of each concept in turn: cleared, not made afresh.
    let mut seen = HashMap::default();
    for (index, concept) in concepts.iter().enumerate() {
        check_concept(concept, &mut seen, &mut errors);
        for (rendering_index, r) in concept.renderings.iter().enumerate() {
            let key = normalize_key(&r.text, true);
            if key.is_empty() {
                continue; // reported by check_concept
            }
            by_key.entry(key).or_default().push(Use {
                concept: index,
                rendering: rendering_index,
            });
        }
    }
    for uses in by_key.values() {
        if uses.len() < 2 {
            continue;
        }
        for bad in uses {
            let (bc, br) = bad.get(concepts);
            if br.status.is_approved() {
                continue;
            }
            for good in uses {
                let (gc, gr) = good.get(concepts);
                if good.concept == bad.concept || !gr.status.is_approved() {
                    continue;
                }
                if same_rendering(bc, &br.text, gc, &gr.text) {
                    let hint = if differ_in_case(&br.text, &gr.text) {
                        let insensitive: Vec<String> = [bc, gc]
                            .iter()
                            .filter(|c| c.case != CaseMode::Sensitive)
                            .map(|c| format!("{:?}", c.id))
                            .collect();
                        format!(
                            "; they differ only in letter case, which a case-sensitive concept tells apart: set `case` to `sensitive` for {}",
                            insensitive.join(" and ")
                        )
                    } else {
                        String::new()
                    };
                    errors.push(FileError::at(
                        &bc.file,
                        br.location,
                        format!(
                            "{} rendering {:?} of concept {:?} is an approved rendering {:?} of concept {:?} ({}:{}); it cannot be both{hint}",
                            br.status.as_str(),
                            br.text,
                            bc.id,
                            gr.text,
                            gc.id,
                            gc.file,
                            gc.location.line
                        ),
                    ));
                    break;
                }
            }
        }
    }
    errors
}

struct Use {
    concept: usize,
    rendering: usize,
}

impl Use {
    fn get<'a>(&self, concepts: &'a [Concept]) -> (&'a Concept, &'a super::Rendering) {
        let c = &concepts[self.concept];
        (c, &c.renderings[self.rendering])
    }
}

/// Whether two renderings would match the same text: case matters only when both concepts
/// are case-sensitive.
fn same_rendering(a: &Concept, a_text: &str, b: &Concept, b_text: &str) -> bool {
    let fold = a.case == CaseMode::Insensitive || b.case == CaseMode::Insensitive;
    normalize_key(a_text, fold) == normalize_key(b_text, fold)
}

/// Whether two renderings that normalize alike case-folded differ in letter case: a
/// case-sensitive concept would tell them apart ("kWh" and "KWH", "mW" and "MW").
fn differ_in_case(a: &str, b: &str) -> bool {
    normalize_key(a, false) != normalize_key(b, false)
}

/// What to say after a clash of two renderings of one concept that differ only in letter case.
fn own_case_hint(a: &str, b: &str) -> &'static str {
    if differ_in_case(a, b) {
        "; they differ only in letter case, which a case-sensitive concept tells apart: set its `case` to `sensitive`"
    } else {
        ""
    }
}

/// `seen` is scratch space: the concept's renderings by normalized form, with their status and
/// the first one's index.
fn check_concept(
    concept: &Concept,
    seen: &mut HashMap<String, (Status, usize)>,
    errors: &mut Vec<FileError>,
) {
    let fold = concept.case == CaseMode::Insensitive;
    seen.clear();
    for (index, r) in concept.renderings.iter().enumerate() {
        let key = normalize_key(&r.text, fold);
        if key.is_empty() {
            errors.push(FileError::at(
                &concept.file,
                r.location,
                format!(
                    "{} rendering {:?} is empty once invisible characters are removed",
                    r.status.as_str(),
                    r.text
                ),
            ));
            continue;
        }
        if !key.chars().any(char::is_alphanumeric) {
            // Matches are anchored on word boundaries, which punctuation alone does not have:
            // such a rendering would fire on every dash or full stop in the text.
            errors.push(FileError::at(
                &concept.file,
                r.location,
                format!(
                    "{} rendering {:?} has no letter or digit, so it cannot be matched as a word",
                    r.status.as_str(),
                    r.text
                ),
            ));
            continue;
        }
        let Some(&(earlier, first)) = seen.get(&key) else {
            seen.insert(key, (r.status, index));
            continue;
        };
        let first = &concept.renderings[first].text;
        if earlier == r.status || earlier.is_approved() && r.status.is_approved() {
            continue; // listed twice, or two spellings of one: harmless
        }
        let hint = own_case_hint(first, &r.text);
        let message = if earlier.is_approved() {
            format!(
                "{} rendering {:?} equals the concept's own {} rendering {first:?}{hint}",
                r.status.as_str(),
                r.text,
                earlier.as_str()
            )
        } else {
            format!(
                "rendering {:?} is listed as both {} ({first:?}) and {}{hint}",
                r.text,
                earlier.as_str(),
                r.status.as_str()
            )
        };
        errors.push(FileError::at(&concept.file, r.location, message));
    }
}
