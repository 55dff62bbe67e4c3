//! Source-aware rules: what a segment's Chinese source says its English target must hold.
//!
//! Given a segment's source, its target and the English findings already made on the target,
//! [`SourceRules::check_segment`] adds `missing-term`, `untranslated` and `number-mismatch`
//! findings; [`inconsistent_segments`] compares the segments of a whole batch. Positions are
//! byte offsets into the target text, as in [`crate::check::Checker::check_fragment`]: the
//! caller maps them into the file.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::Read;
use std::ops::Range;

use crate::excerpt::{context, line_excerpt};
use crate::finding::Finding;
use crate::formats::{read_segments, FormatOptions, SNIFF_LEN};
use crate::glossary::Glossary;
use crate::inflection::count_in_other_number;
use crate::input::{Input, InputSource};
use crate::location::{Location, LocationTracker, TextEncoding};
use crate::matcher::TermMatcher;
use crate::normalize::{count_as_words, normalize, normalize_key};
use crate::rules::{Rule, RuleSet};
use crate::run::RunReport;
use crate::segment::Segment;
use crate::spelling::with_families;
use crate::zh::numbers::{
    chinese_dates, chinese_eras, chinese_numbers, compare, compare_dates, compare_eras,
    compare_units, display_value, english_dates, english_eras, english_numbers,
    loose_numbers_only_in, MonthDay, Number, Value,
};
use crate::zh::source_terms::SourceTermMatcher;
use crate::zh::untranslated::{untranslated, Untranslated};

/// How one concept named in a segment's source fares in its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermAccount {
    /// Index of the concept in the glossary.
    pub concept: usize,
    /// The source term as found first in the source (the user's spelling).
    pub source_term: String,
    /// Its first span in the source.
    pub source_span: Range<usize>,
    /// Each source term of the concept as found in the source (synonyms apart: 中国民航局 and
    /// 民航局), with how often, in order of first occurrence.
    pub terms_found: Vec<(String, usize)>,
    /// Occurrences of the concept's source terms in the source.
    pub in_source: usize,
    /// Of those, rendered by an approved rendering in the target.
    pub correct: usize,
    /// Rendered by a forbidden, deprecated or garbled rendering.
    pub wrong: usize,
    /// Not rendered at all.
    pub missing: usize,
    /// Indices (into the findings given) of the wrong renderings counted.
    pub wrong_findings: Vec<usize>,
}

/// The source-aware rules, over one compiled glossary.
#[derive(Debug)]
pub struct SourceRules<'g> {
    glossary: &'g Glossary,
    matcher: &'g TermMatcher,
    source_terms: &'g SourceTermMatcher,
    rules: RuleSet,
    ids: HashMap<&'g str, usize>,
}

fn is_wrong_rendering(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::ForbiddenTerm | Rule::DeprecatedTerm | Rule::GarbledTerm
    )
}

impl<'g> SourceRules<'g> {
    /// Rules over `glossary`, its target matcher and its source-term matcher.
    pub fn new(
        glossary: &'g Glossary,
        matcher: &'g TermMatcher,
        source_terms: &'g SourceTermMatcher,
        rules: RuleSet,
    ) -> Self {
        let ids = glossary
            .concepts
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        SourceRules {
            glossary,
            matcher,
            source_terms,
            rules,
            ids,
        }
    }

    /// Counts, for every concept whose source term is in `source`, how its occurrences are
    /// rendered in `target` (`findings` are the English findings on the target). An approved
    /// rendering shared by several concepts (synonymous source terms) renders only one source
    /// occurrence: the source tells the concepts apart, so 总裁 and 行政长官 in one sentence need
    /// "Chief Executive" twice.
    pub fn account(&self, source: &str, target: &str, findings: &[Finding]) -> Vec<TermAccount> {
        let mut accounts: BTreeMap<usize, TermAccount> = BTreeMap::new();
        let found = self.source_terms.find(source);
        for (k, m) in found.iter().enumerate() {
            let written = &source[m.span.clone()];
            for &c in &m.concepts {
                // 国内生产总值（GDP）: a term with another of its concept in brackets right after
                // it is one mention, which the target renders once ("GDP").
                let in_apposition = k > 0
                    && found[k - 1].concepts.contains(&c)
                    && in_brackets_after(source, found[k - 1].span.end, &m.span);
                if in_apposition {
                    continue;
                }
                let a = accounts.entry(c).or_insert_with(|| TermAccount {
                    concept: c,
                    source_term: written.to_string(),
                    source_span: m.span.clone(),
                    terms_found: Vec::new(),
                    in_source: 0,
                    correct: 0,
                    wrong: 0,
                    missing: 0,
                    wrong_findings: Vec::new(),
                });
                a.in_source += 1;
                match a.terms_found.iter_mut().find(|(t, _)| t == written) {
                    Some((_, n)) => *n += 1,
                    None => a.terms_found.push((written.to_string(), 1)),
                }
            }
        }
        if accounts.is_empty() {
            return Vec::new();
        }
        // Approved renderings in the target, each with the demanded concepts it can render.
        let norm = normalize(target, true);
        let mut candidates: Vec<Vec<usize>> = self
            .matcher
            .find(&norm, target)
            .iter()
            .filter(|m| m.approved)
            .map(|m| {
                let mut cs: Vec<usize> = self
                    .matcher
                    .uses(m, target)
                    // Inflected renderings are counted below, names' too.
                    .filter(|u| {
                        u.status.is_approved()
                            && u.inflected.is_none()
                            && accounts.contains_key(&u.concept)
                    })
                    .map(|u| u.concept)
                    .collect();
                cs.sort_unstable();
                cs.dedup();
                cs
            })
            .filter(|cs| !cs.is_empty())
            .collect();
        // Renderings of one concept first, then shared ones to whichever still lacks most.
        candidates.sort_by_key(Vec::len);
        for cs in candidates {
            let best = cs
                .iter()
                .copied()
                .filter(|c| accounts[c].correct < accounts[c].in_source)
                .max_by_key(|c| (accounts[c].in_source - accounts[c].correct, usize::MAX - c));
            if let Some(c) = best {
                accounts.get_mut(&c).expect("demanded").correct += 1;
            }
        }
        // An approved rendering in the other variety's spelling ("World Health Organisation"
        // for "World Health Organization") renders the term, as garbled-term holds too.
        let mut spelled_alike: Option<Option<String>> = None;
        for a in accounts.values_mut() {
            if a.correct == a.in_source {
                continue;
            }
            let text = spelled_alike.get_or_insert_with(|| with_families(&norm.text));
            let text = text.as_deref().unwrap_or(&norm.text);
            let found = self.glossary.concepts[a.concept]
                .renderings
                .iter()
                .filter(|r| r.status.is_approved())
                .map(|r| {
                    // Those spelled as listed are counted above.
                    let key = normalize_key(&r.text, true);
                    let alike =
                        count_as_words(text, with_families(&key).as_deref().unwrap_or(&key));
                    alike.saturating_sub(count_as_words(&norm.text, &key))
                })
                .max()
                .unwrap_or(0);
            a.correct = (a.correct + found).min(a.in_source);
        }
        // A countable term's head noun inflected for number ("a labor and skills competition"
        // for "labor and skills competitions") is correct English, as garbled-term holds too.
        for a in accounts.values_mut() {
            if a.correct < a.in_source {
                let found = self.glossary.concepts[a.concept]
                    .renderings
                    .iter()
                    .filter(|r| r.status.is_approved())
                    .map(|r| count_in_other_number(&norm.text, &normalize_key(&r.text, true)))
                    .max()
                    .unwrap_or(0);
                a.correct = (a.correct + found).min(a.in_source);
            }
        }
        // A rendering written as part of a hyphenated compound ("AI-powered diagnosis",
        // "data-centre operators", "family-doctor services") renders the term too: the exact
        // rules leave compounds alone, but a reader sees the term.
        // (Dashes are no hyphens: "parents—it was" joins nothing.)
        let mut compounds: Option<(String, String)> = None;
        for a in accounts.values_mut() {
            if a.correct == a.in_source {
                continue;
            }
            let (joined, apart) = compounds.get_or_insert_with(|| {
                let dashes = [
                    '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2E3A}', '\u{2E3B}',
                ];
                let joined = normalize(&target.replace(dashes, " "), true).text;
                let apart = joined.replace('-', " ");
                (joined, apart)
            });
            let in_compounds = self.glossary.concepts[a.concept]
                .renderings
                .iter()
                .filter(|r| r.status.is_approved())
                .map(|r| {
                    let key = normalize_key(&r.text, true);
                    // Those standing alone are counted above.
                    count_as_words(apart, &key.replace('-', " "))
                        .saturating_sub(count_standing_alone(joined, &key))
                })
                .max()
                .unwrap_or(0);
            a.correct = (a.correct + in_compounds).min(a.in_source);
        }
        for (i, f) in findings.iter().enumerate() {
            if !is_wrong_rendering(f.rule) {
                continue;
            }
            let Some(&c) = self.ids.get(f.concept.as_str()) else {
                continue;
            };
            if let Some(a) = accounts.get_mut(&c) {
                if a.correct + a.wrong < a.in_source {
                    a.wrong += 1;
                    a.wrong_findings.push(i);
                }
            }
        }
        accounts
            .into_values()
            .map(|mut a| {
                a.missing = a.in_source - a.correct - a.wrong;
                a
            })
            .collect()
    }

    /// Adds the source-aware findings of one segment to `findings` (the English findings on
    /// its target, positioned in `target`). A wrong rendering that stands for a source term
    /// keeps its finding and names the source term; `missing-term` reports only the
    /// occurrences that nothing in the target renders.
    pub fn check_segment(&self, source: &str, target: &str, findings: &mut Vec<Finding>) {
        if source.trim().is_empty() {
            return;
        }
        let untranslated_found = untranslated(source, target);
        if self.rules.contains(Rule::Untranslated) {
            for u in &untranslated_found {
                let (span, message) = match u {
                    Untranslated::Empty => (0..0, "the target is empty".to_string()),
                    Untranslated::Copied => (
                        0..target.len(),
                        "the target is the source, untranslated".to_string(),
                    ),
                    Untranslated::ChineseRun(r) => (
                        r.clone(),
                        format!("Chinese text \"{}\" left in the target", &target[r.clone()]),
                    ),
                };
                findings.push(finding_at(
                    target,
                    span,
                    Rule::Untranslated,
                    "",
                    "",
                    message,
                    "",
                ));
            }
        }
        // An empty or copied target is one problem; term and number findings would repeat it.
        if untranslated_found
            .iter()
            .any(|u| matches!(u, Untranslated::Empty | Untranslated::Copied))
        {
            return;
        }
        // Chinese left in the target: `untranslated` reports it, and its numbers are read as
        // the source's are.
        let chinese_runs: Vec<Range<usize>> = untranslated_found
            .iter()
            .filter_map(|u| match u {
                Untranslated::ChineseRun(r) => Some(r.clone()),
                _ => None,
            })
            .collect();
        if self.rules.contains(Rule::MissingTerm) {
            let accounts = self.account(source, target, findings);
            for a in &accounts {
                let concept = &self.glossary.concepts[a.concept];
                for &i in &a.wrong_findings {
                    let f = &mut findings[i];
                    f.message = format!("{} (source term {})", f.message, a.source_term);
                }
                // A source term left as it is in the target (any of its concept's: 沪深300 for
                // 沪深300指数) is reported as untranslated.
                let left_in_chinese = if self.rules.contains(Rule::Untranslated) {
                    chinese_runs
                        .iter()
                        .flat_map(|r| self.source_terms.find(&target[r.clone()]))
                        .filter(|m| m.concepts.contains(&a.concept))
                        .count()
                } else {
                    0
                };
                if a.missing <= left_in_chinese {
                    continue;
                }
                let rendered = a.correct + a.wrong;
                let times = |n: usize| format!("{n} time{}", if n == 1 { "" } else { "s" });
                let message = if a.in_source == 1 {
                    format!(
                        "the source has {} but the target has no approved rendering of it; expected \"{}\"",
                        a.source_term,
                        concept.preferred()
                    )
                } else if let [(term, _)] = a.terms_found.as_slice() {
                    format!(
                        "the source has {term} {}, the target renders it {}; expected \"{}\" for each",
                        times(a.in_source),
                        times(rendered),
                        concept.preferred()
                    )
                } else {
                    // Name what the source has: 中国民航局 1 time and 民航局 1 time.
                    let terms: Vec<String> = a
                        .terms_found
                        .iter()
                        .map(|(term, n)| format!("{term} {}", times(*n)))
                        .collect();
                    let (last, rest) = terms.split_last().expect("several terms");
                    format!(
                        "the source has {} and {last}, the target renders them {}; expected \"{}\" for each",
                        rest.join(", "),
                        times(rendered),
                        concept.preferred()
                    )
                };
                findings.push(finding_at(
                    target,
                    0..0,
                    Rule::MissingTerm,
                    &concept.id,
                    concept.preferred(),
                    message,
                    &concept.note,
                ));
            }
        }
        if self.rules.contains(Rule::NumberMismatch) {
            let mut source_numbers = chinese_numbers(source);
            let mut target_numbers = english_numbers(target);
            // A number inside a term's English name that its source term does not state is
            // the name's own ("PM2.5" for 细颗粒物, the month in "Long March 5"), and one inside
            // a source term that its approved rendering does not state the term's (the 11 of
            // 双十一 as "Singles' Day").
            self.drop_numbers_of_names(source, &mut source_numbers, target, &mut target_numbers);
            if !chinese_runs.is_empty() {
                // Read as Chinese where Chinese is left: "10万 yuan" holds 100,000, not 10.
                let touches = |n: &Number| {
                    chinese_runs
                        .iter()
                        .any(|r| n.start <= r.end && r.start <= n.end)
                };
                let in_chinese: Vec<Number> = chinese_numbers(target)
                    .into_iter()
                    .filter(touches)
                    .collect();
                target_numbers.retain(|n| {
                    !in_chinese
                        .iter()
                        .any(|c| c.start < n.end && n.start < c.end)
                });
                target_numbers.extend(in_chinese);
                target_numbers.sort_by_key(|n| n.start);
            }
            let mismatches = compare(&source_numbers, &target_numbers);
            let units = compare_units(&source_numbers, &target_numbers);
            let dates = compare_dates(
                &chinese_dates(source, &source_numbers),
                &english_dates(target),
            );
            let target_eras = english_eras(target, &target_numbers);
            let eras = if target_eras.is_empty() {
                Vec::new()
            } else {
                compare_eras(&chinese_eras(source, &source_numbers), &target_eras)
            };
            if !mismatches.is_empty() || !units.is_empty() || !eras.is_empty() || dates.is_some() {
                let mut described: Vec<String> = mismatches
                    .iter()
                    .map(|m| {
                        format!(
                            "{} ({}× in the source, {}× in the target)",
                            display_value(m.value),
                            m.in_source,
                            m.in_target
                        )
                    })
                    .collect();
                // A source number the target lacks, where the target states none the source
                // lacks: a loose number of the target that the source states nowhere is
                // likely what it has instead (八月 as "the ninth lunar month"): name it as
                // written, and point at it.
                let only_source_side = mismatches.iter().all(|m| m.in_source > m.in_target);
                let instead = if only_source_side && !mismatches.is_empty() {
                    loose_numbers_only_in(&target_numbers, &source_numbers)
                } else {
                    Vec::new()
                };
                let mut instead_values: BTreeMap<Value, (usize, &str)> = BTreeMap::new();
                for n in &instead {
                    instead_values
                        .entry(n.value)
                        .or_insert((0, &target[n.start..n.end]))
                        .0 += 1;
                }
                described.extend(instead_values.iter().map(|(&value, &(count, written))| {
                    let shown = display_value(value);
                    let written = if written == shown {
                        String::new()
                    } else {
                        format!(" as \"{written}\"")
                    };
                    format!("{shown}{written} (0× in the source, {count}× in the target)")
                }));
                // A value both sides state, in another unit: name the units, not the counts.
                described.extend(units.iter().map(|u| {
                    format!(
                        "{} ({} in the source, {} in the target)",
                        display_value(u.value),
                        u.in_source.unit_name(),
                        u.in_target.unit_name()
                    )
                }));
                // A year both sides state, in another era.
                described.extend(eras.iter().map(|e| {
                    format!(
                        "{} ({} in the source, {} in the target)",
                        display_value(e.value),
                        e.in_source.name(),
                        e.in_target.name()
                    )
                }));
                let mut message = Vec::new();
                if !described.is_empty() {
                    message.push(format!("numbers differ: {}", described.join(", ")));
                }
                // Dates with month and day swapped or changed: name them as dates.
                if let Some((in_source, in_target)) = &dates {
                    let names = |d: &[MonthDay]| {
                        d.iter()
                            .map(MonthDay::name)
                            .collect::<Vec<_>>()
                            .join(" and ")
                    };
                    message.push(format!(
                        "dates differ: {} in the source, {} in the target",
                        names(in_source),
                        names(in_target)
                    ));
                }
                // Point at the first target number the source does not account for, or else
                // at the first in the wrong unit, or at the first date the source lacks.
                let span = target_numbers
                    .iter()
                    .find(|n| {
                        mismatches
                            .iter()
                            .any(|m| m.value == n.value && m.in_target > m.in_source)
                    })
                    .or_else(|| {
                        target_numbers.iter().find(|n| {
                            units
                                .iter()
                                .any(|u| u.value == n.value && u.in_target == n.kind)
                        })
                    })
                    .map(|n| n.start..n.end)
                    .or_else(|| {
                        target_eras
                            .iter()
                            .find(|y| {
                                eras.iter()
                                    .any(|e| e.value == y.value && e.in_target == y.era)
                            })
                            .map(|y| y.start..y.end)
                    })
                    .or_else(|| dates.as_ref().map(|(_, t)| t[0].start..t[0].end))
                    .or_else(|| instead.first().map(|n| n.start..n.end))
                    .unwrap_or(0..0);
                findings.push(finding_at(
                    target,
                    span,
                    Rule::NumberMismatch,
                    "",
                    "",
                    message.join("; "),
                    "",
                ));
            }
        }
    }
}

/// Whether `span` of `source` is in brackets right after `end` (国内生产总值（GDP）).
fn in_brackets_after(source: &str, end: usize, span: &Range<usize>) -> bool {
    let between = source.get(end..span.start).map(str::trim);
    matches!(between, Some("（" | "(")) && source[span.end..].trim_start().starts_with(['）', ')'])
}

/// The occurrences of `phrase` in `text` as words, with no hyphen joining them to a word
/// before or after.
fn count_standing_alone(text: &str, phrase: &str) -> usize {
    let joins = |c: Option<char>| c.is_some_and(|c| c == '-' || crate::normalize::is_word_char(c));
    text.match_indices(phrase)
        .filter(|&(at, _)| {
            !joins(text[..at].chars().next_back())
                && !joins(text[at + phrase.len()..].chars().next())
        })
        .count()
}

impl SourceRules<'_> {
    /// Drops the numbers of names, which are no numbers of the text. In the target: the
    /// numbers inside an approved rendering of a concept named in `source` that the concept's
    /// source terms do not state. "PM2.5" for 细颗粒物 holds no number of the text, nor does
    /// the "March" of "Long March 5" for 长征五号, whose 5 stays: 五 states it, and "Long March
    /// 7" is no approved rendering, so a changed number in a name is still compared. In the
    /// source, the mirror: the numbers inside a source term whose concept the target renders by
    /// an approved rendering that does not state them. 双十一 as "Singles' Day" holds no 11 of
    /// the text; as "Double 11" it states it, and as "Double 12", no approved rendering, its 11
    /// is still compared.
    fn drop_numbers_of_names(
        &self,
        source: &str,
        source_numbers: &mut Vec<Number>,
        target: &str,
        target_numbers: &mut Vec<Number>,
    ) {
        let terms = self.source_terms.find(source);
        let in_span = |n: &Number, span: &Range<usize>| n.start < span.end && span.start < n.end;
        let numbers_in_terms = source_numbers
            .iter()
            .any(|n| terms.iter().any(|m| in_span(n, &m.span)));
        if terms.is_empty() || (target_numbers.is_empty() && !numbers_in_terms) {
            return;
        }
        // For each concept named in the source, the values its source terms state.
        let mut stated: HashMap<usize, Vec<Value>> = HashMap::new();
        for m in &terms {
            let values: Vec<Value> = source_numbers
                .iter()
                .filter(|n| in_span(n, &m.span))
                .map(|n| n.value)
                .collect();
            for &c in &m.concepts {
                stated.entry(c).or_default().extend(&values);
            }
        }
        let norm = normalize(target, true);
        // Each approved rendering of a concept named in the source, with the concepts it
        // renders.
        let names: Vec<(Range<usize>, Vec<usize>)> = self
            .matcher
            .find(&norm, target)
            .into_iter()
            .filter(|m| m.approved)
            .filter_map(|m| {
                let concepts: Vec<usize> = self
                    .matcher
                    .uses(&m, target)
                    .filter(|u| u.status.is_approved() && stated.contains_key(&u.concept))
                    .map(|u| u.concept)
                    .collect();
                (!concepts.is_empty()).then_some((m.original, concepts))
            })
            .collect();
        if names.is_empty() {
            return;
        }
        // For each concept rendered, the values its renderings state, each accounting for
        // one number of its source terms.
        let mut rendered: HashMap<usize, Vec<Value>> = HashMap::new();
        for (span, concepts) in &names {
            let values = target_numbers.iter().filter(|n| in_span(n, span));
            for &c in concepts {
                rendered
                    .entry(c)
                    .or_default()
                    .extend(values.clone().map(|n| n.value));
            }
        }
        target_numbers.retain(|n| {
            !names.iter().any(|(span, concepts)| {
                span.start <= n.start
                    && n.end <= span.end
                    && !concepts.iter().any(|c| stated[c].contains(&n.value))
            })
        });
        source_numbers.retain(|n| {
            let Some(m) = terms.iter().find(|m| in_span(n, &m.span)) else {
                return true;
            };
            m.concepts.iter().any(|c| match rendered.get_mut(c) {
                // Not rendered here: compared as the text's.
                None => true,
                Some(values) => match values.iter().position(|&v| v == n.value) {
                    Some(p) => {
                        values.swap_remove(p);
                        true
                    }
                    None => false,
                },
            })
        });
    }

    /// The `visit` hook of [`crate::segment::check_segments`]: adds the source-aware findings
    /// of `segment` (none without a source) to the English findings of its target, positioned
    /// in the file and tagged with the unit. A segment without a target counts as an empty one.
    pub fn visit_segment(&self, segment: &Segment, findings: &mut Vec<Finding>) {
        let Some(source) = &segment.source else {
            return;
        };
        let target = segment.target.as_ref().map_or("", |t| t.text());
        let before = findings.len();
        self.check_segment(source.text(), target, findings);
        for f in &mut findings[before..] {
            match &segment.target {
                Some(t) => {
                    let (start, end) =
                        t.span(f.start.byte_offset as usize..f.end.byte_offset as usize);
                    f.start = start;
                    f.end = end;
                }
                None => {
                    f.start = segment.location;
                    f.end = segment.location;
                }
            }
            f.unit = segment.unit.clone();
        }
    }
}

/// The segments of a batch, kept for [`inconsistent_segments`] across files.
#[derive(Debug, Default)]
pub struct SegmentBatch {
    kept: Vec<KeptSegment>,
}

#[derive(Debug)]
struct KeptSegment {
    file: String,
    label: String,
    unit: Option<String>,
    context: Option<String>,
    plural_form: Option<usize>,
    source: String,
    target: String,
    start: Location,
    end: Location,
}

impl SegmentBatch {
    /// Keeps `segment` of `file` (segments without a source or target take no part).
    pub fn record(&mut self, file: &str, segment: &Segment) {
        let (Some(source), Some(target)) = (&segment.source, &segment.target) else {
            return;
        };
        let span = trimmed_span(target.text());
        let (start, end) = target.span(span);
        let label = match &segment.unit {
            Some(unit) => format!("{file} unit {unit}"),
            None => format!("{file}:{}", start.line),
        };
        self.kept.push(KeptSegment {
            file: file.to_string(),
            label,
            unit: segment.unit.clone(),
            context: segment.context.clone(),
            plural_form: segment.plural_form,
            source: source.text().to_string(),
            target: target.text().to_string(),
            start,
            end,
        });
    }

    /// The `inconsistent-segment` findings of the batch, each with its file, in batch order.
    pub fn findings(&self) -> Vec<(String, Finding)> {
        let texts: Vec<SegmentText<'_>> = self
            .kept
            .iter()
            .map(|k| SegmentText {
                source: &k.source,
                target: &k.target,
                label: &k.label,
                context: k.context.as_deref(),
                plural_form: k.plural_form,
            })
            .collect();
        inconsistent_segments(&texts)
            .into_iter()
            .map(|(i, mut f)| {
                let k = &self.kept[i];
                f.start = k.start;
                f.end = k.end;
                f.unit = k.unit.clone();
                (k.file.clone(), f)
            })
            .collect()
    }
}

/// Adds the `inconsistent-segment` findings of the whole batch to `run`: every bilingual
/// input is read again as `formats` says (segments are not kept during the parallel check,
/// which never sees the file a segment is in); standard input, and a named pipe or device
/// given as a file, cannot be read twice and take no part (opening a pipe again would wait
/// for a writer for ever). Inputs that failed are already reported and are skipped.
pub fn add_segment_inconsistencies(run: &mut RunReport, inputs: &[Input], formats: &FormatOptions) {
    let mut batch = SegmentBatch::default();
    for input in inputs {
        let InputSource::File(path) = &input.source else {
            continue;
        };
        if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
            continue;
        }
        let mut head = Vec::with_capacity(SNIFF_LEN);
        let Ok(file) = File::open(path) else { continue };
        if file.take(SNIFF_LEN as u64).read_to_end(&mut head).is_err() {
            continue;
        }
        let format = formats.format_of(Some(path), &head);
        if !format.is_bilingual() {
            continue;
        }
        let Ok(file) = File::open(path) else { continue };
        let Ok(segments) = read_segments(format, Box::new(file), &input.display, formats) else {
            continue;
        };
        for segment in segments {
            match segment {
                Ok(s) => batch.record(&input.display, &s),
                Err(_) => break,
            }
        }
    }
    let mut touched = Vec::new();
    for (file, finding) in batch.findings() {
        if let Some(i) = run.files.iter().position(|f| f.path == file) {
            run.files[i].findings.push(finding);
            touched.push(i);
        }
    }
    touched.sort_unstable();
    touched.dedup();
    for i in touched {
        run.files[i].findings.finish();
    }
}

/// A finding at byte `span` of `text` (an empty span at 0 for the segment as a whole).
pub(crate) fn finding_at(
    text: &str,
    span: Range<usize>,
    rule: Rule,
    concept: &str,
    expected: &str,
    message: String,
    note: &str,
) -> Finding {
    let locate = |offset: usize| {
        let mut t = LocationTracker::new(TextEncoding::Utf8, 0);
        t.advance(&text[..offset]);
        t.location()
    };
    let (start, end): (Location, Location) = (locate(span.start), locate(span.end));
    Finding {
        rule,
        severity: rule.info().severity,
        concept: concept.to_string(),
        found: text[span.clone()].to_string(),
        expected: expected.to_string(),
        message,
        note: note.to_string(),
        context: context(text, span.clone()),
        start,
        end,
        excerpt: line_excerpt(text, span),
        score: None,
        unit: None,
    }
}

/// One segment of a batch, for [`inconsistent_segments`].
#[derive(Debug, Clone, Copy)]
pub struct SegmentText<'t> {
    /// The source text.
    pub source: &'t str,
    /// The target text.
    pub target: &'t str,
    /// How messages name the segment (`file:line`, the unit id).
    pub label: &'t str,
    /// The segment's context ([`Segment::context`]): segments of different contexts are
    /// never compared.
    pub context: Option<&'t str>,
    /// The plural form ([`Segment::plural_form`]): the forms of one entry are never compared
    /// with each other, only with the same form elsewhere.
    pub plural_form: Option<usize>,
}

/// Which segments of a batch break segment consistency, with the finding for each (positioned
/// over the whole target, byte offsets into it). Xbench's two checks: a source translated
/// differently elsewhere (the segments whose target differs from the most frequent one — the
/// first seen on a tie), and a target used for different sources (likewise by source).
/// Sources and targets are compared with whitespace folded and case ignored, and only between
/// segments of one context and plural form; segments with an empty source or target take no
/// part. Ordered by segment, then check.
pub fn inconsistent_segments(segments: &[SegmentText<'_>]) -> Vec<(usize, Finding)> {
    let keys: Vec<Option<(String, String)>> = segments
        .iter()
        .map(|s| {
            let (k_s, k_t) = (segment_key(s.source), segment_key(s.target));
            (!k_s.is_empty() && !k_t.is_empty()).then_some((k_s, k_t))
        })
        .collect();
    let mut out = Vec::new();
    for by_source in [true, false] {
        // (context, form, key) → (other side → (count, first segment)), in first-seen order.
        let mut groups: HashMap<Comparison<'_>, Vec<(&str, usize, usize)>> = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            let Some((s, t)) = k else { continue };
            let (key, other) = if by_source { (s, t) } else { (t, s) };
            let group = (segments[i].context, segments[i].plural_form, key.as_str());
            let variants = groups.entry(group).or_default();
            match variants.iter_mut().find(|v| v.0 == other.as_str()) {
                Some(v) => v.1 += 1,
                None => variants.push((other.as_str(), 1, i)),
            }
        }
        for (i, k) in keys.iter().enumerate() {
            let Some((s, t)) = k else { continue };
            let (key, other) = if by_source { (s, t) } else { (t, s) };
            let variants = &groups[&(segments[i].context, segments[i].plural_form, key.as_str())];
            if variants.len() < 2 {
                continue;
            }
            let majority = variants
                .iter()
                .max_by_key(|v| (v.1, usize::MAX - v.2))
                .expect("non-empty");
            if majority.0 == other.as_str() {
                continue;
            }
            let first = majority.2;
            let seg = &segments[i];
            let message = if by_source {
                format!(
                    "this source is translated differently at {} (\"{}\")",
                    segments[first].label,
                    segments[first].target.trim()
                )
            } else {
                format!(
                    "this target translates a different source at {} ({})",
                    segments[first].label,
                    segments[first].source.trim()
                )
            };
            let span = trimmed_span(seg.target);
            out.push((
                i,
                finding_at(
                    seg.target,
                    span,
                    Rule::InconsistentSegment,
                    "",
                    if by_source {
                        segments[first].target.trim()
                    } else {
                        ""
                    },
                    message,
                    "",
                ),
            ));
        }
    }
    out.sort_by_key(|(i, _)| *i);
    out
}

/// The segments one segment is compared with: those of its context, its plural form and its
/// key (source or target).
type Comparison<'t> = (Option<&'t str>, Option<usize>, &'t str);

/// A segment as consistency compares it: whitespace folded, case ignored, and quotation marks
/// around it dropped (a quoted line of dialogue is the same line unquoted).
fn segment_key(text: &str) -> String {
    let key = normalize_key(text, true);
    key.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』'
            )
    })
    .to_string()
}

fn trimmed_span(text: &str) -> Range<usize> {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len();
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Checker;

    const GLOSSARY: &str = "\
id,source,preferred,admitted,deprecated,forbidden
shanghai-ftu,上海市总工会|市总工会,Shanghai Federation of Trade Unions,,Shanghai General Trade Union,Municipal General Assembly
model-worker,劳动模范|劳模,model worker,,,labour model
president,总裁,Chief Executive,,,
chief-executive,行政长官,Chief Executive,,,
";

    struct Fixture {
        glossary: Glossary,
        matcher: TermMatcher,
        source_terms: SourceTermMatcher,
    }

    fn fixture() -> Fixture {
        let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").expect("valid glossary");
        let matcher = TermMatcher::new(&glossary);
        let source_terms = SourceTermMatcher::new(&glossary);
        Fixture {
            glossary,
            matcher,
            source_terms,
        }
    }

    /// Rule ids and found text of every finding on `target` for `source`.
    #[track_caller]
    fn run(source: &str, target: &str) -> Vec<(String, String, String)> {
        let f = fixture();
        let checker = Checker::new(&f.glossary, &f.matcher, RuleSet::all());
        let mut findings = checker.check_str(target);
        let rules = SourceRules::new(&f.glossary, &f.matcher, &f.source_terms, RuleSet::all());
        rules.check_segment(source, target, &mut findings);
        findings
            .into_iter()
            .map(|f| (f.rule.id().to_string(), f.found, f.message))
            .collect()
    }

    fn ids(found: &[(String, String, String)]) -> Vec<&str> {
        found.iter().map(|f| f.0.as_str()).collect()
    }

    #[test]
    fn missing_term() {
        let got = run("市总工会召开会议", "The union held a meeting.");
        assert_eq!(ids(&got), ["missing-term"]);
        assert!(got[0].2.contains("市总工会"), "{}", got[0].2);
        // Traditional source, Simplified glossary.
        assert_eq!(
            ids(&run("市總工會召開會議", "The union met.")),
            ["missing-term"]
        );
        // Rendered: nothing.
        assert!(run(
            "市总工会召开会议",
            "The Shanghai Federation of Trade Unions met."
        )
        .is_empty());
        // The concept absent from the source: its absence in the target is no finding.
        assert!(run("召开会议", "A meeting.").is_empty());
    }

    #[test]
    fn wrong_rendering_is_reported_instead() {
        let got = run("市总工会召开会议", "The Municipal General Assembly met.");
        assert_eq!(ids(&got), ["forbidden-term"]);
        assert!(got[0].2.contains("source term 市总工会"), "{}", got[0].2);
    }

    /// How many `missing-term` findings `target` gets for `source` with `glossary` (CSV).
    fn missing_terms(glossary: &str, source: &str, target: &str) -> usize {
        let glossary = Glossary::from_csv_text(glossary, "g.csv").unwrap();
        let matcher = TermMatcher::new(&glossary);
        let source_terms = SourceTermMatcher::new(&glossary);
        let rules = SourceRules::new(&glossary, &matcher, &source_terms, RuleSet::all());
        let mut findings = Vec::new();
        rules.check_segment(source, target, &mut findings);
        findings
            .iter()
            .filter(|f| f.rule == Rule::MissingTerm)
            .count()
    }

    #[test]
    fn the_head_noun_in_the_other_number_renders_the_term() {
        let missing = |source: &str, target: &str| {
            missing_terms(
                "id,source,preferred\nc,劳动和技能竞赛,labor and skills competitions\nb,直属单位,directly affiliated unit\nl,信用证,letter of credit\n",
                source,
                target,
            )
        };
        assert_eq!(
            missing(
                "劳动和技能竞赛",
                "The largest labor and skills competition."
            ),
            0
        );
        assert_eq!(missing("直属单位", "All directly affiliated units."), 0);
        // The head of a phrase with a preposition is its first noun.
        assert_eq!(missing("信用证", "Two letters of credit."), 0);
        assert_eq!(missing("信用证", "Two letter of credits."), 1);
        // Look-alikes that do not render it: the head noun dropped or another word.
        assert_eq!(missing("劳动和技能竞赛", "A labor and skills contest."), 1);
        assert_eq!(
            missing("劳动和技能竞赛", "Labor and skills competitiveness."),
            1
        );
        // Each inflected occurrence renders one source occurrence, no more.
        assert_eq!(
            missing(
                "劳动和技能竞赛和劳动和技能竞赛",
                "A labor and skills competition."
            ),
            1
        );
    }

    #[test]
    fn another_spelling_of_english_renders_the_term_and_another_word_does_not() {
        let missing = |source: &str, target: &str| {
            missing_terms(
                "id,source,preferred\nw,世界卫生组织,World Health Organization\nl,劳动合同,labour contract\n",
                source,
                target,
            )
        };
        assert_eq!(
            missing("世界卫生组织", "The World Health Organisation met."),
            0
        );
        assert_eq!(missing("劳动合同", "A labor contract was signed."), 0);
        assert_eq!(missing("世界卫生组织", "The World Health Office met."), 1);
        assert_eq!(missing("劳动合同", "A labour contracting firm."), 1);
        // Each occurrence renders one source occurrence, no more.
        assert_eq!(
            missing(
                "世界卫生组织和世界卫生组织",
                "The World Health Organisation."
            ),
            1
        );
    }

    #[test]
    fn a_rendering_inside_a_hyphenated_compound_renders_the_term() {
        let missing = |source: &str, target: &str| {
            missing_terms(
                "id,source,preferred,admitted\nai,人工智能,artificial intelligence,AI\n\
                 dc,数据中心,data centre,\nce,总裁,Chief Executive,\nhk,行政长官,Chief Executive,\n",
                source,
                target,
            )
        };
        assert_eq!(missing("人工智能驱动的诊断", "AI-powered diagnosis"), 0);
        assert_eq!(missing("数据中心运营商", "data-centre operators"), 0);
        assert_eq!(missing("人工智能和人工智能", "AI-powered AI tools"), 0);
        // A compound counts once; one occurrence standing alone does not count twice.
        assert_eq!(missing("人工智能和人工智能", "AI-powered tools"), 1);
        assert_eq!(missing("总裁和行政长官", "the Chief Executive"), 1);
        assert_eq!(missing("数据中心", "data-processing centre"), 1);
        // A dash is no hyphen: it joins no compound.
        assert_eq!(missing("数据中心", "the data—centre of it"), 1);
    }

    #[test]
    fn counts() {
        // Twice in the source, once in the target: one count mismatch.
        let got = run("劳模和劳模", "The model worker.");
        assert_eq!(ids(&got), ["missing-term"]);
        assert!(
            got[0]
                .2
                .contains("has 劳模 2 times, the target renders it 1 time"),
            "{}",
            got[0].2
        );
        // Synonyms: the message names what the source has, not the first term twice.
        let got = run("劳模和劳动模范", "The model worker.");
        assert_eq!(ids(&got), ["missing-term"]);
        assert!(
            got[0]
                .2
                .contains("has 劳模 1 time and 劳动模范 1 time, the target renders them 1 time"),
            "{}",
            got[0].2
        );
        assert!(run("劳模和劳动模范", "A model worker and another model worker.").is_empty());
        // One rendered, one wrong: the wrong one's finding only.
        assert_eq!(
            ids(&run("劳模和劳模", "A model worker and a labour model.")),
            ["forbidden-term"]
        );
    }

    #[test]
    fn a_term_with_its_abbreviation_in_brackets_is_one_mention() {
        let missing = |source: &str, target: &str| {
            missing_terms(
                "id,source,preferred,admitted\ngdp,国内生产总值|GDP,gross domestic product,GDP\n\
                 cpi,居民消费价格指数|CPI,consumer price index,CPI\n",
                source,
                target,
            )
        };
        assert_eq!(
            missing("国内生产总值（GDP）同比增长5.2%。", "GDP grew 5.2%."),
            0
        );
        assert_eq!(missing("国内生产总值(GDP)增长", "GDP grew."), 0);
        assert_eq!(
            missing(
                "国内生产总值（GDP）增长",
                "Gross domestic product (GDP) grew."
            ),
            0
        );
        // Still one mention to render; and two mentions apart, or another concept in the
        // brackets, are two.
        assert_eq!(missing("国内生产总值（GDP）增长", "Output grew."), 1);
        assert_eq!(
            missing("国内生产总值增长，GDP总量创新高", "GDP hit a record."),
            1
        );
        assert_eq!(missing("国内生产总值（CPI）", "GDP"), 1);
    }

    #[test]
    fn a_source_term_with_digits_left_in_the_target_is_untranslated_once() {
        let glossary =
            "id,source,preferred,admitted\ncsi,沪深300指数|沪深300,CSI 300 Index,CSI 300\n";
        let found = |source: &str, target: &str| {
            let glossary = Glossary::from_csv_text(glossary, "g.csv").unwrap();
            let matcher = TermMatcher::new(&glossary);
            let source_terms = SourceTermMatcher::new(&glossary);
            let rules = SourceRules::new(&glossary, &matcher, &source_terms, RuleSet::all());
            let mut findings = Vec::new();
            rules.check_segment(source, target, &mut findings);
            findings
                .into_iter()
                .map(|f| (f.rule.id().to_string(), f.found))
                .collect::<Vec<_>>()
        };
        let one = |rule: &str, text: &str| vec![(rule.to_string(), text.to_string())];
        assert_eq!(
            found("沪深300指数收涨1.2%。", "The 沪深300指数 closed up 1.2%."),
            one("untranslated", "沪深300指数")
        );
        // Another source term of the concept left in Chinese is the term untranslated too.
        assert_eq!(
            found("沪深300指数收涨1.2%。", "The 沪深300 closed up 1.2%."),
            one("untranslated", "沪深300")
        );
        assert!(found("沪深300指数收涨1.2%。", "The CSI 300 Index closed up 1.2%.").is_empty());
        let dropped = found("沪深300指数收涨1.2%。", "The benchmark closed up 1.2%.");
        assert_eq!(dropped[0].0, "missing-term", "{dropped:?}");
    }

    #[test]
    fn synonyms_sharing_a_rendering() {
        assert_eq!(
            ids(&run("总裁和行政长官", "The Chief Executive.")),
            ["missing-term"]
        );
        assert!(run(
            "总裁和行政长官",
            "The Chief Executive and the Chief Executive."
        )
        .is_empty());
        assert!(run("行政长官", "The Chief Executive.").is_empty());
    }

    #[test]
    fn untranslated_and_numbers() {
        assert_eq!(ids(&run("召开会议", "")), ["untranslated"]);
        assert_eq!(ids(&run("召开会议", "召开会议")), ["untranslated"]);
        assert_eq!(ids(&run("召开会议", "The 会议 opened.")), ["untranslated"]);
        assert_eq!(
            ids(&run("第十八次会议", "The 19th meeting.")),
            ["number-mismatch"]
        );
        let got = run("第十八次会议", "The 19th meeting.");
        assert_eq!(got[0].1, "19th");
        assert!(run(
            "第十八次会议于10月20日召开",
            "The 18th meeting opened on October 20."
        )
        .is_empty());
        // An empty source is nothing to translate.
        assert!(run("", "").is_empty());
    }

    #[test]
    fn a_date_with_month_and_day_swapped_is_named_as_dates() {
        let got = run("杭州亚运会于3月5日开幕", "The Games open on May 3.");
        assert_eq!(ids(&got), ["number-mismatch"]);
        assert_eq!(got[0].1, "May 3");
        assert_eq!(
            got[0].2,
            "dates differ: March 5 in the source, May 3 in the target"
        );
        assert!(run("杭州亚运会于3月5日开幕", "The Games open on 5 March.").is_empty());
    }

    #[test]
    fn a_percentage_in_the_wrong_unit_is_named_by_its_units() {
        let got = run(
            "比上月下降0.4个百分点",
            "Down 0.4% from the previous month.",
        );
        assert_eq!(ids(&got), ["number-mismatch"]);
        assert_eq!(got[0].1, "0.4");
        assert_eq!(
            got[0].2,
            "numbers differ: 0.4 (percentage points in the source, percent in the target)"
        );
        assert!(run(
            "比上月下降0.4个百分点",
            "Down 0.4 points from the previous month."
        )
        .is_empty());
    }

    #[test]
    fn segment_consistency() {
        let seg = |source, target| SegmentText {
            source,
            target,
            label: "there",
            context: None,
            plural_form: None,
        };
        let batch = [
            seg("召开会议", "The meeting opened."),
            seg("召开会议", "the  meeting opened."),
            seg("召开会议", "A meeting was held."),
            seg("闭幕", "The meeting opened."),
            seg("开幕", "It began."),
            seg("“开幕”", "\"It began.\""),
        ];
        let got: Vec<(usize, String)> = inconsistent_segments(&batch)
            .into_iter()
            .map(|(i, f)| (i, f.message))
            .collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, 2);
        assert!(
            got[0].1.contains("at there (\"The meeting opened.\")"),
            "{}",
            got[0].1
        );
        assert_eq!(got[1].0, 3);
        assert!(got[1].1.contains("different source"), "{}", got[1].1);
    }

    #[test]
    fn segments_of_other_contexts_and_plural_forms_are_not_compared() {
        let seg = |source, target, context, plural_form| SegmentText {
            source,
            target,
            label: "there",
            context,
            plural_form,
        };
        let batch = [
            // One plural entry: its forms translate one source in two numbers.
            seg("已选择 %d 个文件", "%d file selected", None, Some(0)),
            seg("已选择 %d 个文件", "%d files selected", None, Some(1)),
            // 打开 is "Open" in a menu and "On" for a switch.
            seg("打开", "Open", Some("menu"), None),
            seg("打开", "On", Some("switch-state"), None),
            // "Close" for two sources, in different contexts.
            seg("关闭", "Close", Some("menu"), None),
            seg("关上", "Close", Some("door"), None),
        ];
        assert!(inconsistent_segments(&batch).is_empty());
        let batch = [
            // The same form of two entries, and one context twice, are still compared.
            seg("已选择 %d 个文件", "%d files selected", None, Some(1)),
            seg("已选择 %d 个文件", "%d files chosen", None, Some(1)),
            seg("打开", "Open", Some("menu"), None),
            seg("打开", "On", Some("menu"), None),
            seg("关闭", "Close", Some("menu"), None),
            seg("关上", "Close", Some("menu"), None),
        ];
        let got: Vec<usize> = inconsistent_segments(&batch)
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        assert_eq!(got, [1, 3, 5]);
    }
}
