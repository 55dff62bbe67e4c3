//! Consistency: how each concept is rendered across a document or a batch, and which
//! occurrences depart from the majority.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde::Serialize;

use crate::finding::{Excerpt, Finding};
use crate::fuzzy::lemma;
use crate::glossary::{Glossary, Status};
use crate::location::Location;
use crate::normalize::normalize_key;
use crate::rules::Rule;

/// Over what text renderings must agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConsistencyScope {
    /// Each document on its own (the default).
    #[default]
    Document,
    /// All documents of the run together.
    Batch,
}

/// How an occurrence renders its concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OccurrenceStatus {
    /// A listed rendering with this status.
    Listed(Status),
    /// A near-miss of an approved rendering.
    Garbled,
}

impl OccurrenceStatus {
    fn as_str(self) -> &'static str {
        match self {
            OccurrenceStatus::Listed(s) => s.as_str(),
            OccurrenceStatus::Garbled => "garbled",
        }
    }
}

/// One rendering of a concept found in a document.
#[derive(Debug, Clone)]
pub struct Occurrence {
    /// Index of the concept in the glossary.
    pub concept: usize,
    /// Index of the rendering in the concept (for garbled ones, the rendering missed).
    pub rendering: usize,
    /// Its status.
    pub status: OccurrenceStatus,
    /// The surface form: normalized typography, case kept, first letter cased as in the
    /// glossary; `None` for text in capitals only (headlines), whose case says nothing.
    pub form: Option<String>,
    /// The text as written.
    pub found: String,
    /// Where it starts and ends.
    pub start: Location,
    /// Where it ends.
    pub end: Location,
    /// Its sentence and line, or where to find them later.
    pub around: Around,
}

/// The text around an occurrence, needed only if it turns out to be a minority rendering.
#[derive(Debug, Clone)]
pub enum Around {
    /// Already extracted: the sentence and the line.
    Ready(String, Excerpt),
    /// In block `block` of the document (kept by the checker), at this byte span.
    Deferred {
        /// Block number in the document.
        block: usize,
        /// Byte span in the block's text.
        span: std::ops::Range<usize>,
    },
}

impl Occurrence {
    /// The sentence and line, when already extracted.
    pub fn ready_around(&self) -> (String, Excerpt) {
        match &self.around {
            Around::Ready(c, e) => (c.clone(), e.clone()),
            Around::Deferred { .. } => unreachable!("deferred context is resolved by the checker"),
        }
    }

    /// The surface form of `found`, a rendering of `rendering_text`, for comparing spellings.
    pub fn surface_form(found: &str, rendering_text: &str) -> Option<String> {
        if !found.chars().any(char::is_lowercase) {
            return None;
        }
        let mut form = normalize_key(found, false);
        let glossary_initial_upper = rendering_text
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if let Some(first) = form.chars().next() {
            let recased: String = if glossary_initial_upper {
                first.to_uppercase().collect()
            } else {
                first.to_lowercase().collect()
            };
            form.replace_range(..first.len_utf8(), &recased);
        }
        Some(form)
    }
}

/// A variant of a concept: its surface form, with the head noun of a common noun reduced to
/// its lemma, since "a model worker" and "model workers" are one rendering inflected.
type Variant = String;

fn variant(glossary: &Glossary, o: &Occurrence) -> Variant {
    let form = o
        .form
        .clone()
        .expect("only occurrences with a form are compared");
    let rendering = &glossary.concepts[o.concept].renderings[o.rendering].text;
    if rendering.chars().any(char::is_uppercase) {
        return form;
    }
    match form.rsplit_once(' ') {
        Some((head, last)) => format!("{head} {}", lemma(last)),
        None => lemma(&form),
    }
}

/// Whether an occurrence takes part in consistency: an approved rendering with a surface form.
fn compared(o: &Occurrence) -> bool {
    matches!(o.status, OccurrenceStatus::Listed(s) if s.is_approved()) && o.form.is_some()
}

/// One variant of a concept, counted.
#[derive(Debug, Clone)]
struct VariantCount {
    variant: Variant,
    count: usize,
    /// Sequence number of its first occurrence.
    first: usize,
    /// The surface form of its first occurrence.
    first_form: String,
}

/// How often each concept is rendered in each variant, counted occurrence after occurrence:
/// memory per concept and variant, not per occurrence.
#[derive(Debug, Clone, Default)]
pub struct RenderingCounts {
    by_concept: BTreeMap<usize, Vec<VariantCount>>,
    /// Occurrences counted so far (all of them, compared or not).
    seen: usize,
}

impl RenderingCounts {
    /// Counts `o`, the next occurrence of the scope.
    pub fn add(&mut self, glossary: &Glossary, o: &Occurrence) {
        let i = self.seen;
        self.seen += 1;
        if !compared(o) {
            return;
        }
        let v = variant(glossary, o);
        let counts = self.by_concept.entry(o.concept).or_default();
        match counts.iter_mut().find(|c| c.variant == v) {
            Some(c) => c.count += 1,
            None => counts.push(VariantCount {
                variant: v,
                count: 1,
                first: i,
                first_form: o.form.clone().expect("compared"),
            }),
        }
    }

    /// How many occurrences were counted.
    pub fn seen(&self) -> usize {
        self.seen
    }

    /// The majority variant of every concept rendered in two variants at least. Ties go to
    /// the preferred rendering, then to the glossary's own spelling, then to the variant seen
    /// first.
    pub fn majorities(&self, glossary: &Glossary) -> Majorities {
        let mut by_concept = BTreeMap::new();
        for (&concept, counts) in &self.by_concept {
            if counts.len() < 2 {
                continue;
            }
            let c = &glossary.concepts[concept];
            // The preferred rendering as the glossary writes it, as a variant.
            let preferred = {
                let text = c.preferred();
                let probe = Occurrence {
                    concept,
                    rendering: 0,
                    status: OccurrenceStatus::Listed(Status::Preferred),
                    form: Occurrence::surface_form(text, text),
                    found: text.to_string(),
                    start: Location::default(),
                    end: Location::default(),
                    around: Around::Ready(String::new(), Excerpt::default()),
                };
                probe.form.is_some().then(|| variant(glossary, &probe))
            };
            let is_preferred = |v: &Variant| preferred.as_ref() == Some(v);
            let majority = counts
                .iter()
                .max_by(|a, b| {
                    (
                        a.count,
                        is_preferred(&a.variant),
                        std::cmp::Reverse(a.first),
                    )
                        .cmp(&(
                            b.count,
                            is_preferred(&b.variant),
                            std::cmp::Reverse(b.first),
                        ))
                })
                .expect("two variants at least");
            by_concept.insert(
                concept,
                Majority {
                    variant: majority.variant.clone(),
                    count: majority.count,
                    // Named by how it was written the first time.
                    shown: majority.first_form.clone(),
                },
            );
        }
        Majorities { by_concept }
    }
}

/// A concept's majority variant.
#[derive(Debug, Clone)]
struct Majority {
    variant: Variant,
    count: usize,
    shown: String,
}

/// The majority variant of each concept rendered in several variants in one scope.
#[derive(Debug, Clone, Default)]
pub struct Majorities {
    by_concept: BTreeMap<usize, Majority>,
}

impl Majorities {
    /// Whether no concept has several variants (no occurrence can be inconsistent).
    pub fn is_empty(&self) -> bool {
        self.by_concept.is_empty()
    }

    /// The finding for `o` if it departs from its concept's majority; `around` gives its
    /// sentence and line (asked only for a finding). `scope` names the scope in messages.
    pub fn finding(
        &self,
        glossary: &Glossary,
        o: &Occurrence,
        scope: &str,
        around: &mut dyn FnMut(&Occurrence) -> (String, Excerpt),
    ) -> Option<Finding> {
        if !compared(o) {
            return None;
        }
        let majority = self.by_concept.get(&o.concept)?;
        if variant(glossary, o) == majority.variant {
            return None;
        }
        let c = &glossary.concepts[o.concept];
        let shown = o.found.split_whitespace().collect::<Vec<_>>().join(" ");
        let (context, excerpt) = around(o);
        Some(Finding {
            rule: Rule::InconsistentTerm,
            severity: Rule::InconsistentTerm.info().severity,
            concept: c.id.clone(),
            found: o.found.clone(),
            expected: majority.shown.clone(),
            message: format!(
                "{} rendered \"{shown}\" here; \"{}\" {} elsewhere in this {scope}",
                c.label(),
                majority.shown,
                times(majority.count)
            ),
            note: c.note.clone(),
            context,
            start: o.start,
            end: o.end,
            excerpt,
            score: None,
            unit: None,
        })
    }
}

/// Findings for every approved occurrence whose variant is not the majority's among
/// `occurrences` (of one scope), concept after concept, each in occurrence order (see
/// [`RenderingCounts::majorities`] for ties). `scope` names the scope in messages.
pub fn inconsistencies(
    glossary: &Glossary,
    occurrences: &[&Occurrence],
    scope: &str,
    around: &dyn Fn(&Occurrence) -> (String, Excerpt),
) -> Vec<(usize, Finding)> {
    let mut counts = RenderingCounts::default();
    for o in occurrences {
        counts.add(glossary, o);
    }
    let majorities = counts.majorities(glossary);
    if majorities.is_empty() {
        return Vec::new();
    }
    let mut by_concept: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, o) in occurrences.iter().enumerate() {
        if compared(o) && majorities.by_concept.contains_key(&o.concept) {
            by_concept.entry(o.concept).or_default().push(i);
        }
    }
    let mut findings = Vec::new();
    let mut around = |o: &Occurrence| around(o);
    for indices in by_concept.into_values() {
        for i in indices {
            if let Some(f) = majorities.finding(glossary, occurrences[i], scope, &mut around) {
                findings.push((i, f));
            }
        }
    }
    findings
}

fn times(n: usize) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

/// One row of the consistency report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistributionRow {
    /// Concept id.
    pub concept: String,
    /// The surface form.
    pub rendering: String,
    /// preferred, admitted, deprecated, forbidden or garbled.
    pub status: String,
    /// How many times it occurs.
    pub count: usize,
    /// The files it occurs in, `|`-separated.
    pub files: String,
}

/// Every concept's rendering distribution: for each concept (in glossary order), each surface
/// form with its status, count and files, most frequent first.
pub fn distribution(
    glossary: &Glossary,
    occurrences: &[(&str, &Occurrence)],
) -> Vec<DistributionRow> {
    let mut table: BTreeMap<(usize, String, OccurrenceStatus), (usize, BTreeSet<&str>)> =
        BTreeMap::new();
    for (file, o) in occurrences {
        let form = o
            .form
            .clone()
            .unwrap_or_else(|| o.found.split_whitespace().collect::<Vec<_>>().join(" "));
        let entry = table.entry((o.concept, form, o.status)).or_default();
        entry.0 += 1;
        entry.1.insert(file);
    }
    let mut rows: Vec<(usize, DistributionRow)> = table
        .into_iter()
        .map(|((concept, form, status), (count, files))| {
            (
                concept,
                DistributionRow {
                    concept: glossary.concepts[concept].id.clone(),
                    rendering: form,
                    status: status.as_str().to_string(),
                    count,
                    files: files.into_iter().collect::<Vec<_>>().join("|"),
                },
            )
        })
        .collect();
    rows.sort_by(|a, b| {
        (
            a.0,
            std::cmp::Reverse(a.1.count),
            &a.1.rendering,
            &a.1.status,
        )
            .cmp(&(
                b.0,
                std::cmp::Reverse(b.1.count),
                &b.1.rendering,
                &b.1.status,
            ))
    });
    rows.into_iter().map(|(_, r)| r).collect()
}

/// Writes the distribution as CSV.
pub fn write_distribution(rows: &[DistributionRow], out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    if rows.is_empty() {
        writer
            .write_record(["concept", "rendering", "status", "count", "files"])
            .map_err(io::Error::other)?;
    }
    for row in rows {
        writer.serialize(row).map_err(io::Error::other)?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surface_forms_ignore_sentence_case_and_headlines() {
        let form = |found: &str, rendering: &str| Occurrence::surface_form(found, rendering);
        assert_eq!(
            form("Model workers", "model workers").as_deref(),
            Some("model workers")
        );
        assert_eq!(
            form("model Workers", "model workers").as_deref(),
            Some("model Workers")
        );
        assert_eq!(form("MODEL WORKERS", "model workers"), None);
        assert_eq!(
            form(
                "leading Party members’ group",
                "Leading Party Members' Group"
            )
            .as_deref(),
            Some("Leading Party members' group")
        );
    }
}
