//! Glossary lint: entries that are valid but likely to mislead a check.
//!
//! Validation ([`super::Glossary::load`]) refuses what cannot work; lint points at what works
//! badly: a rendering listed for two concepts, a deprecated or forbidden rendering that sits
//! inside another concept's approved rendering (text using the approved form would contain
//! it), a forbidden one-word rendering that is an ordinary English word (it would be reported
//! in ordinary prose, or, for a name, in every title or heading), a source term of two
//! concepts, a source term of one Chinese character (found inside every word holding it), a
//! banned rendering in small letters that a case-sensitive concept finds in no
//! other capitals, and concepts without a source term or a note.
//!
//! What a lint says the matcher does (every "us" counts, "Blood Volume" is not reported), it
//! first asks the matcher: the glossary is compiled as `check` compiles it, and each claim is
//! made only if matching a sample text bears it out.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::{CaseMode, Concept, Glossary};
use crate::consistency::TITLE_SMALL_WORDS;
use crate::dictionary::{is_english_word, is_name};
use crate::finding::Severity;
use crate::fix::{case_pattern, CasePattern};
use crate::fuzzy::is_weak_rendering;
use crate::inflection::{head_is_capitalised, lemma};
use crate::location::Location;
use crate::matcher::TermMatcher;
use crate::normalize::{is_word_char, normalize, normalize_key};
use crate::zh::is_ideograph;
use crate::zh::script::{fold_key, simplified};

/// One lint finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintFinding {
    /// Stable kebab-case id of the check.
    pub id: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// The glossary file.
    pub file: String,
    /// Where in it.
    pub location: Location,
    /// One sentence for a person.
    pub message: String,
}

/// Every lint check: id, severity, what it reports.
pub const LINTS: &[(&str, Severity, &str)] = &[
    (
        "duplicate-rendering",
        Severity::Warning,
        "a rendering listed for two concepts: a finding cannot say which one is meant",
    ),
    (
        "near-duplicate-rendering",
        Severity::Warning,
        "a rendering that differs from another concept's only in hyphens or spaces: text written either way cannot say which one is meant",
    ),
    (
        "shadowed-rendering",
        Severity::Warning,
        "a deprecated or forbidden rendering inside another concept's approved rendering",
    ),
    (
        "ordinary-word",
        Severity::Warning,
        "a one-word deprecated or forbidden rendering that is an ordinary English word",
    ),
    (
        "ordinary-approved-word",
        Severity::Info,
        "a one-word approved rendering that is an ordinary English word, beside another approved rendering",
    ),
    (
        "ordinary-phrase-as-name",
        Severity::Info,
        "a deprecated or forbidden name in Title Case whose words are all ordinary English words",
    ),
    (
        "spelling-variant",
        Severity::Warning,
        "two approved renderings of one concept that differ only in letter case, typography or compatibility characters",
    ),
    (
        "shared-source-term",
        Severity::Warning,
        "a source term of two concepts: a source with it asks for a rendering of each",
    ),
    (
        "one-character-source-term",
        Severity::Info,
        "a source term of one Chinese character: it is also found inside every longer word holding it",
    ),
    (
        "case-bound-rendering",
        Severity::Warning,
        "a deprecated or forbidden rendering in small letters that its case-sensitive concept finds in no other capitals",
    ),
    (
        "missing-source",
        Severity::Info,
        "a concept without a source term",
    ),
    ("missing-note", Severity::Info, "a concept without a note"),
];

fn severity_of(id: &str) -> Severity {
    LINTS
        .iter()
        .find(|(i, _, _)| *i == id)
        .map(|(_, s, _)| *s)
        .expect("every lint id is in LINTS")
}

/// Frequent English words that a one-word forbidden rendering must not be. The vocabulary
/// also takes in every word of VARCON (the British/American word list the checker already
/// carries) and every word of the glossary's own approved renderings: a word the glossary
/// itself uses in correct text is ordinary in the texts it checks.
const COMMON_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "between",
    "both",
    "but",
    "by",
    "can",
    "city",
    "come",
    "company",
    "could",
    "country",
    "day",
    "do",
    "each",
    "even",
    "first",
    "for",
    "from",
    "general",
    "get",
    "give",
    "go",
    "good",
    "government",
    "group",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "know",
    "labor",
    "labour",
    "last",
    "life",
    "like",
    "long",
    "make",
    "man",
    "many",
    "may",
    "me",
    "more",
    "most",
    "my",
    "national",
    "new",
    "news",
    "no",
    "not",
    "now",
    "of",
    "office",
    "old",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "party",
    "people",
    "public",
    "say",
    "see",
    "she",
    "so",
    "some",
    "state",
    "take",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "time",
    "to",
    "trade",
    "two",
    "union",
    "unions",
    "up",
    "us",
    "use",
    "very",
    "want",
    "was",
    "way",
    "we",
    "well",
    "were",
    "what",
    "when",
    "which",
    "who",
    "will",
    "with",
    "work",
    "worker",
    "workers",
    "world",
    "would",
    "year",
    "years",
    "you",
    "your",
];

/// Lints every concept of `glossary`; findings are sorted by file and position.
pub fn lint(glossary: &Glossary) -> Vec<LintFinding> {
    let mut out = Vec::new();
    let concepts = &glossary.concepts;
    let probe = Probe {
        matcher: TermMatcher::new(glossary),
    };
    duplicates(concepts, &mut out);
    near_duplicates(concepts, &mut out);
    shadows(concepts, &mut out);
    ordinary_words(concepts, &probe, &mut out);
    ordinary_approved_words(concepts, &probe, &mut out);
    ordinary_phrases_as_names(concepts, &mut out);
    spelling_variants(concepts, &mut out);
    shared_source_terms(concepts, &mut out);
    one_character_source_terms(concepts, &mut out);
    case_bound_renderings(concepts, &probe, &mut out);
    for c in concepts {
        if c.source.is_empty() {
            out.push(finding(
                "missing-source",
                c,
                c.location,
                format!(
                    "concept {:?} has no source term: source-aware checks cannot use it",
                    c.id
                ),
            ));
        }
        if c.note.is_empty() {
            out.push(finding(
                "missing-note",
                c,
                c.location,
                format!(
                    "concept {:?} has no note: reports cannot say why {:?} is preferred",
                    c.id,
                    c.preferred()
                ),
            ));
        }
    }
    out.sort_by(|a, b| (&a.file, a.location, a.id).cmp(&(&b.file, b.location, b.id)));
    out.dedup();
    out
}

fn finding(id: &'static str, c: &Concept, location: Location, message: String) -> LintFinding {
    LintFinding {
        id,
        severity: severity_of(id),
        file: c.file.clone(),
        location,
        message,
    }
}

fn key(c: &Concept, text: &str) -> String {
    normalize_key(text, c.case != CaseMode::Sensitive)
}

fn duplicates(concepts: &[Concept], out: &mut Vec<LintFinding>) {
    // The first concept (and rendering) to list each case-folded key.
    let mut first: HashMap<String, (usize, usize)> = HashMap::new();
    for (ci, c) in concepts.iter().enumerate() {
        for (ri, r) in c.renderings.iter().enumerate() {
            let k = normalize_key(&r.text, true);
            match first.get(&k) {
                None => {
                    first.insert(k, (ci, ri));
                }
                Some(&(fc, fr)) if fc != ci => {
                    let other = &concepts[fc];
                    let or = &other.renderings[fr];
                    // Approved in one, banned in the other is a validation error already.
                    if or.status.is_approved() != r.status.is_approved() {
                        continue;
                    }
                    out.push(finding(
                        "duplicate-rendering",
                        c,
                        r.location,
                        format!(
                            "{} rendering {:?} of concept {:?} is also a {} rendering of concept {:?} ({}:{})",
                            r.status.as_str(),
                            r.text,
                            c.id,
                            or.status.as_str(),
                            other.id,
                            other.file,
                            or.location.line
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
    }
}

/// A rendering's key without its hyphens and spaces: "Long March-5", "Long March 5" and
/// "LongMarch5" share it, as "e-mail" and "email" do.
fn unspaced_key(text: &str) -> String {
    normalize_key(text, true)
        .chars()
        .filter(|&c| c != '-' && !c.is_whitespace())
        .collect()
}

/// Renderings of two concepts, of the same kind of status, that differ only in hyphens or
/// spaces ("Long March-5" and "Long March 5"): writers hyphenate and space a name either way,
/// so text written either way names one concept or the other by chance, and consistency and
/// the source rules cannot say which is meant. Renderings listed alike are
/// `duplicate-rendering`'s.
fn near_duplicates(concepts: &[Concept], out: &mut Vec<LintFinding>) {
    // The first concept and rendering to list each key, per kind of status.
    let mut first: HashMap<(String, bool), (usize, usize)> = HashMap::new();
    for (ci, c) in concepts.iter().enumerate() {
        for (ri, r) in c.renderings.iter().enumerate() {
            let k = (unspaced_key(&r.text), r.status.is_approved());
            if k.0.is_empty() {
                continue;
            }
            let Some(&(fc, fr)) = first.get(&k) else {
                first.insert(k, (ci, ri));
                continue;
            };
            let (other, or) = (&concepts[fc], &concepts[fc].renderings[fr]);
            if fc == ci || normalize_key(&or.text, true) == normalize_key(&r.text, true) {
                continue;
            }
            out.push(finding(
                "near-duplicate-rendering",
                c,
                r.location,
                format!(
                    "{} rendering {:?} of concept {:?} differs only in hyphens or spaces from {:?}, {} {} rendering of concept {:?} ({}:{}): text written either way cannot say which concept is meant (list both spellings under one concept, or tell them apart by more than spacing)",
                    r.status.as_str(),
                    r.text,
                    c.id,
                    or.text,
                    if or.status.as_str().starts_with(['a', 'e', 'i', 'o', 'u']) {
                        "an"
                    } else {
                        "a"
                    },
                    or.status.as_str(),
                    other.id,
                    other.file,
                    or.location.line
                ),
            ));
        }
    }
}

fn shadows(concepts: &[Concept], out: &mut Vec<LintFinding>) {
    for c in concepts {
        for r in c.renderings.iter().filter(|r| !r.status.is_approved()) {
            let inner = format!(" {} ", words_only(&key(c, &r.text)));
            for other in concepts.iter().filter(|o| o.id != c.id) {
                for approved in other.renderings.iter().filter(|a| a.status.is_approved()) {
                    let fold = c.case != CaseMode::Sensitive || other.case != CaseMode::Sensitive;
                    let outer = format!(" {} ", words_only(&normalize_key(&approved.text, fold)));
                    let inner = if fold {
                        inner.to_lowercase()
                    } else {
                        inner.clone()
                    };
                    if outer.len() > inner.len() && outer.contains(&inner) {
                        out.push(finding(
                            "shadowed-rendering",
                            c,
                            r.location,
                            format!(
                                "{} rendering {:?} of concept {:?} is part of {:?}, an approved rendering of concept {:?} ({}:{}); text using that rendering contains it",
                                r.status.as_str(),
                                r.text,
                                c.id,
                                approved.text,
                                other.id,
                                other.file,
                                approved.location.line
                            ),
                        ));
                    }
                }
            }
        }
    }
}

/// Approved renderings of one concept that normalize alike ("Tang Dynasty" and "Tang
/// dynasty", "Xi'an" and "Xiʼan"): matching finds them as one, so the later one accepts
/// nothing the first does not, and consistency compares the text's spellings whatever the
/// glossary lists.
fn spelling_variants(concepts: &[Concept], out: &mut Vec<LintFinding>) {
    for c in concepts {
        let approved: Vec<_> = c
            .renderings
            .iter()
            .filter(|r| r.status.is_approved())
            .collect();
        for (i, r) in approved.iter().enumerate() {
            let Some(first) = approved[..i]
                .iter()
                .find(|f| key(c, &f.text) == key(c, &r.text))
            else {
                continue;
            };
            // Case-sensitivity tells letter case apart, never typography nor compatibility
            // characters, which matching folds in every concept.
            let (differs_in, advice) = if normalize_key(&first.text, false)
                == normalize_key(&r.text, false)
            {
                (typography_differing(&first.text, &r.text), "drop it")
            } else {
                (
                        "letter case".to_string(),
                        "drop it, or make the concept case-sensitive if only the listed spellings are right",
                    )
            };
            out.push(finding(
                "spelling-variant",
                c,
                r.location,
                format!(
                    "{} rendering {:?} of concept {:?} differs from its {} rendering {:?} only in {differs_in}: text is matched regardless, so it accepts nothing more, and inconsistent-term compares the spellings a text uses whatever the glossary lists ({advice})",
                    r.status.as_str(),
                    r.text,
                    c.id,
                    first.status.as_str(),
                    first.text,
                ),
            ));
        }
    }
}

/// What two renderings that normalize alike in their case differ in, named by the first
/// characters that differ: "typography (quotes, dashes, spaces)" where one of those is a mark
/// or a space ("Xi'an" and "Xiʼan", an apostrophe and a modifier letter that writes one), else
/// compatibility characters, a letter or digit and its
/// compatibility form that NFKC folds into one, named by their code points ("µL" and "μL":
/// U+00B5 MICRO SIGN and U+03BC GREEK SMALL LETTER MU).
fn typography_differing(a: &str, b: &str) -> String {
    let differing = a.chars().zip(b.chars()).find(|(x, y)| x != y);
    match differing {
        Some((x, y)) if x.is_alphanumeric() && y.is_alphanumeric() => format!(
            "compatibility characters (\"{x}\" U+{:04X} and \"{y}\" U+{:04X}, one character after Unicode NFKC normalization)",
            u32::from(x),
            u32::from(y)
        ),
        _ => "typography (quotes, dashes, spaces)".to_string(),
    }
}

/// Words separated by single spaces (punctuation between words becomes a space), so that
/// containment is on whole words.
fn words_only(s: &str) -> String {
    s.split(|c: char| !is_word_char(c) && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn ordinary_words(concepts: &[Concept], probe: &Probe, out: &mut Vec<LintFinding>) {
    let mut vocabulary: HashSet<String> = COMMON_WORDS.iter().map(|w| w.to_string()).collect();
    for c in concepts {
        for r in c.renderings.iter().filter(|r| r.status.is_approved()) {
            vocabulary.extend(
                words_only(&r.text.to_lowercase())
                    .split(' ')
                    .map(String::from),
            );
        }
    }
    // A case-sensitive concept is found only as written; a name (`case = name`) wherever the
    // text keeps its capitals, which titles and headings give ordinary words too.
    for (ci, c) in concepts.iter().enumerate() {
        if c.case == CaseMode::Sensitive {
            continue;
        }
        for (ri, r) in c.renderings.iter().enumerate() {
            if r.status.is_approved() {
                continue;
            }
            let word = words_only(&r.text.to_lowercase());
            if word.contains(' ') || word.is_empty() {
                continue;
            }
            if !vocabulary.contains(&word) && !is_ordinary_english(&word) {
                continue;
            }
            // The word as prose writes it (as a title does, for a name) must be found: a
            // rendering with a sign ("C#") is not found in the word alone.
            let written = if c.case == CaseMode::Name {
                capitalised(&word)
            } else {
                word.clone()
            };
            if !probe.finds(&written, ci, ri) {
                continue;
            }
            let message = if c.case == CaseMode::Name {
                format!(
                    "{} rendering {:?} of concept {:?} is an ordinary English word: titles and headings capitalise ordinary words, so even for a name (case = name) every {:?} in a title or heading will be reported (list a longer phrase)",
                    r.status.as_str(),
                    r.text,
                    c.id,
                    r.text
                )
            } else {
                format!(
                    "{} rendering {:?} of concept {:?} is an ordinary English word: every {:?} in any text will be reported (list a longer phrase, or make the concept case-sensitive)",
                    r.status.as_str(),
                    r.text,
                    c.id,
                    word
                )
            };
            out.push(finding("ordinary-word", c, r.location, message));
        }
    }
}

/// Approved one-word renderings that are ordinary English words. Matched in any case and
/// whatever the word does in its sentence, every use of the word counts as a rendering of
/// the concept: beside another approved rendering ("undergraduate" beside "undergraduate
/// student", "example" beside "embodiment"), `inconsistent-term` compares it with the others
/// (a concept with one approved rendering compares only spellings of it, which no sense of
/// the word changes); an abbreviation in capitals ("HIT") is another word in small letters
/// ("hit"), which consistency does not compare but the consistency report and the
/// source-aware rules count. The glossary's own words do not make a word ordinary here, as
/// they do for [`ordinary_words`]: the rendering is one of them.
fn ordinary_approved_words(concepts: &[Concept], probe: &Probe, out: &mut Vec<LintFinding>) {
    for (ci, c) in concepts.iter().enumerate() {
        if c.case == CaseMode::Sensitive {
            continue;
        }
        let approved: Vec<_> = c
            .renderings
            .iter()
            .filter(|r| r.status.is_approved())
            .collect();
        // A word in its two numbers is one rendering ("craftsman", "craftsmen").
        let one_rendering = |text: &str| {
            let k = key(c, text);
            if k.contains(' ') {
                k
            } else {
                lemma(&k.to_lowercase()).into_owned()
            }
        };
        for (ri, r) in c.renderings.iter().enumerate() {
            if !r.status.is_approved() {
                continue;
            }
            let word = words_only(&r.text.to_lowercase());
            if word.is_empty()
                || word.contains(' ')
                || !(COMMON_WORDS.contains(&word.as_str()) || is_ordinary_english(&word))
            {
                continue;
            }
            // The claim is that the word in small letters counts: not so for a rendering with
            // a sign ("US$" is not "us").
            if !probe.finds(&word, ci, ri) {
                continue;
            }
            let capitals = r.text.chars().filter(|ch| ch.is_alphabetic()).count() > 1
                && !r.text.chars().any(char::is_lowercase);
            let message = if capitals {
                format!(
                    "{} rendering {:?} of concept {:?} is matched in any case, and in small letters it is the ordinary English word {word:?}: every {word:?} in any text counts as a rendering of the concept, in the consistency report and for the source-aware rules (make the concept case-sensitive, so that only the capitals are matched)",
                    r.status.as_str(),
                    r.text,
                    c.id,
                )
            } else {
                // A function word is not compared (see `is_weak_rendering`).
                let mut seen = vec![one_rendering(&r.text)];
                let mut others: Vec<String> = Vec::new();
                for o in &approved {
                    let k = one_rendering(&o.text);
                    if !seen.contains(&k) {
                        seen.push(k);
                        others.push(format!("{:?}", o.text));
                    }
                }
                if others.is_empty() || is_weak_rendering(&r.text) {
                    continue;
                }
                format!(
                    "{} rendering {:?} of concept {:?} is the ordinary English word {word:?}: every {word:?} in any text, whatever it means there, counts as a rendering of the concept, and inconsistent-term compares it with {} (list a longer phrase, or drop it)",
                    r.status.as_str(),
                    r.text,
                    c.id,
                    others.join(", "),
                )
            };
            out.push(finding("ordinary-approved-word", c, r.location, message));
        }
    }
}

/// Deprecated and forbidden renderings of a name, written in Title Case, of two ordinary
/// English words (and small ones: "Long Wall", "Moon Festival", "Finance Department"):
/// matched in any case, as the concept is not a name (`case = name`), they are reported, and
/// `fix`ed, in ordinary prose ("a long wall of grey brick"). A concept whose preferred rendering is a
/// common noun (in small letters, "heat exchanger") is not a name, whatever the case of its
/// banned renderings.
fn ordinary_phrases_as_names(concepts: &[Concept], out: &mut Vec<LintFinding>) {
    for c in concepts.iter().filter(|c| c.case == CaseMode::Insensitive) {
        if !head_is_capitalised(c.preferred()) {
            continue;
        }
        for r in c.renderings.iter().filter(|r| !r.status.is_approved()) {
            let words: Vec<&str> = r.text.split_whitespace().collect();
            let content: Vec<&str> = words
                .iter()
                .copied()
                .filter(|w| !TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str()))
                .collect();
            // Two words of ordinary English are an ordinary noun phrase as often as not;
            // the longer a phrase, the likelier it is only the name ("Municipal General
            // Assembly").
            if content.len() != 2 || case_pattern(&r.text) != CasePattern::Title {
                continue;
            }
            let ordinary = content.iter().all(|w| {
                let parts = words_only(&w.to_lowercase());
                !parts.is_empty()
                    && parts
                        .split(' ')
                        .all(|p| COMMON_WORDS.contains(&p) || is_ordinary_english(p))
            });
            if !ordinary {
                continue;
            }
            out.push(finding(
                "ordinary-phrase-as-name",
                c,
                r.location,
                format!(
                    "{} rendering {:?} of concept {:?} is a name of ordinary English words: matched in any case, {:?} in ordinary prose is reported and fixed too (set case = name for the concept, so that only text with its capitals is matched)",
                    r.status.as_str(),
                    r.text,
                    c.id,
                    r.text.to_lowercase()
                ),
            ));
        }
    }
}

/// The glossary compiled as `check` compiles it, to try what a lint says of matching.
struct Probe {
    matcher: TermMatcher,
}

impl Probe {
    /// Whether `text`, alone, is found whole as rendering `rendering` of concept `concept`.
    fn finds(&self, text: &str, concept: usize, rendering: usize) -> bool {
        self.uses(text)
            .iter()
            .any(|&(c, r)| (c, r) == (concept, rendering))
    }

    /// The renderings (concept, rendering) that `text`, alone, is found whole as, or written
    /// in wrong capitals of (a case-sensitive rendering's slip, reported as garbled).
    fn uses(&self, text: &str) -> Vec<(usize, usize)> {
        let norm = normalize(text, true);
        self.matcher
            .find(&norm, text)
            .iter()
            .filter(|m| m.original == (0..text.len()))
            .flat_map(|m| {
                self.matcher
                    .uses(m, text)
                    .map(|u| (u.concept, u.rendering))
                    .chain(self.matcher.case_slip(m))
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

/// `text` with the first letter of each word in capitals.
fn capitalised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at_start = true;
    for ch in text.chars() {
        if at_start && ch.is_alphabetic() {
            out.extend(ch.to_uppercase());
        } else {
            out.push(ch);
        }
        at_start = ch.is_whitespace() || ch == '-';
    }
    out
}

/// Source terms of two concepts (two glossaries merged, each with its concept for 建筑面积):
/// each concept counts the term in a source, so a target that renders it as one of them is
/// reported `missing-term` for the other, whatever it says. Terms are compared as the source
/// rules match them (width and script folded: 總工會 is 总工会); two case-sensitive concepts
/// share a Latin term only in the same capitals.
fn shared_source_terms(concepts: &[Concept], out: &mut Vec<LintFinding>) {
    let case_kept =
        |t: &str| -> String { normalize(t, false).text.chars().map(simplified).collect() };
    // Per folded term, the concepts listing it so far, with their spelling of it.
    let mut first: HashMap<String, Vec<(usize, &str)>> = HashMap::new();
    for (ci, c) in concepts.iter().enumerate() {
        let mut reported: Vec<usize> = Vec::new();
        for term in &c.source {
            let key = fold_key(term);
            if key.is_empty() {
                continue;
            }
            let listed = first.entry(key).or_default();
            for &(oi, other_term) in listed.iter() {
                let other = &concepts[oi];
                if oi == ci || reported.contains(&oi) {
                    continue;
                }
                if c.case == CaseMode::Sensitive
                    && other.case == CaseMode::Sensitive
                    && case_kept(term) != case_kept(other_term)
                {
                    continue;
                }
                reported.push(oi);
                let named = if other_term == term.as_str() {
                    String::new()
                } else {
                    format!(" (as {other_term:?})")
                };
                let renderings = if c.preferred() == other.preferred() {
                    format!("{:?} twice", c.preferred())
                } else {
                    format!("{:?} and {:?}", other.preferred(), c.preferred())
                };
                out.push(finding(
                    "shared-source-term",
                    c,
                    c.location,
                    format!(
                        "source term {term:?} of concept {:?} is also a source term of concept {:?}{named} ({}:{}): a source with it asks for a rendering of each concept ({renderings}), so a target that renders it once is reported missing-term for one of them (merge the concepts, or keep the term in one of them)",
                        c.id,
                        other.id,
                        other.file,
                        other.location.line,
                    ),
                ));
            }
            if !listed.iter().any(|&(oi, _)| oi == ci) {
                listed.push((ci, term));
            }
        }
    }
}

/// Source terms of one Chinese character (锂 "lithium", 金 "gold"). Chinese writes no spaces,
/// so the source rules find a term wherever its characters are: one character is found inside
/// every word that holds it (锂 in 锂云母 "lepidolite", 金 in 金融 "finance"), and a target that
/// renders that word rightly gets `missing-term` for the character's concept. The glossary's
/// own longer source terms holding it are found as themselves (longest first), so the finding
/// names them as covered; other words have to be listed as concepts of their own. A term of two
/// characters or more may sit inside longer words too (外交部 in 外交部长), but without a
/// Chinese dictionary no lint can tell which ones do, and most such terms are words that
/// longer words seldom hold: only the one-character case is certain, so only it is reported.
/// It is an info, not a warning: a one-character term is often the right entry (元, 锂), and
/// no edit of the glossary makes the finding go away, as it could not say which longer words
/// a text will use.
fn one_character_source_terms(concepts: &[Concept], out: &mut Vec<LintFinding>) {
    let single = |term: &str| -> Option<char> {
        let key = fold_key(term);
        let mut chars = key.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if is_ideograph(c) => Some(c),
            _ => None,
        }
    };
    let singles: Vec<(usize, &str, char)> = concepts
        .iter()
        .enumerate()
        .flat_map(|(ci, c)| c.source.iter().map(move |t| (ci, t)))
        .filter_map(|(ci, t)| Some((ci, t.as_str(), single(t)?)))
        .collect();
    if singles.is_empty() {
        return;
    }
    // The longer source terms holding each such character, in glossary order, once each.
    let mut holding: HashMap<char, Vec<&str>> =
        singles.iter().map(|&(_, _, ch)| (ch, Vec::new())).collect();
    let mut seen: HashSet<String> = HashSet::new();
    for term in concepts.iter().flat_map(|c| &c.source) {
        let key = fold_key(term);
        if key.chars().nth(1).is_none() || !seen.insert(key.clone()) {
            continue;
        }
        let mut chars: Vec<char> = key.chars().collect();
        chars.sort_unstable();
        chars.dedup();
        for ch in chars {
            if let Some(listed) = holding.get_mut(&ch) {
                listed.push(term);
            }
        }
    }
    const NAMED: usize = 3;
    for (ci, term, ch) in singles {
        let c = &concepts[ci];
        let covered = match holding.get(&ch).map(Vec::as_slice).unwrap_or_default() {
            [] => String::new(),
            terms => {
                let named: Vec<String> =
                    terms.iter().take(NAMED).map(|t| format!("{t:?}")).collect();
                let more = if terms.len() > NAMED {
                    format!(" and {} more", terms.len() - NAMED)
                } else {
                    String::new()
                };
                format!(
                    " (the glossary's longer source terms holding it, {}{more}, are found as themselves)",
                    named.join(", ")
                )
            }
        };
        out.push(finding(
            "one-character-source-term",
            c,
            c.location,
            format!(
                "source term {term:?} of concept {:?} is one Chinese character: it is also found inside every longer word holding it{covered}, and a target that renders such a word gets missing-term for {:?}; list the longer words your texts use as concepts of their own",
                c.id,
                c.preferred(),
            ),
        ));
    }
}

/// Deprecated and forbidden renderings in small letters of a case-sensitive concept ("blood
/// volume" beside "HP", which is case-sensitive so that "hp" is not taken for it): they are
/// found as written, so a sentence that starts with one, a title or a label in capitals
/// ("Blood Volume: 120") is not reported. Each form is tried on the matcher; a form found as
/// something else (an approved rendering written so, "HP" for a forbidden "hp") is no miss.
fn case_bound_renderings(concepts: &[Concept], probe: &Probe, out: &mut Vec<LintFinding>) {
    for c in concepts.iter().filter(|c| c.case == CaseMode::Sensitive) {
        for r in &c.renderings {
            if r.status.is_approved()
                || r.text.chars().any(char::is_uppercase)
                || !r.text.chars().any(char::is_lowercase)
            {
                continue;
            }
            let mut sentence = String::new();
            let mut chars = r.text.chars();
            if let Some(first) = chars.next() {
                sentence.extend(first.to_uppercase());
                sentence.push_str(chars.as_str());
            }
            let mut forms: Vec<String> = Vec::new();
            for form in [sentence, capitalised(&r.text), r.text.to_uppercase()] {
                if form != r.text && !forms.contains(&form) && probe.uses(&form).is_empty() {
                    forms.push(form);
                }
            }
            let Some((last, rest)) = forms.split_last() else {
                continue;
            };
            let quoted = |f: &String| format!("{f:?}");
            let listed = if rest.is_empty() {
                format!("{last:?} is")
            } else {
                format!(
                    "{} and {last:?} are",
                    rest.iter().map(quoted).collect::<Vec<_>>().join(", ")
                )
            };
            out.push(finding(
                "case-bound-rendering",
                c,
                r.location,
                format!(
                    "{} rendering {:?} of concept {:?} is found only in small letters, as the concept is case-sensitive: {listed} not reported (at the start of a sentence, in a title or a label); list the spellings in capitals too",
                    r.status.as_str(),
                    r.text,
                    c.id,
                ),
            ));
        }
    }
}

/// Whether `word` (in lower case) is a word of ordinary English prose: VARCON lists it, or the
/// English word list does and not only as a name ("fee" and "warranty" are ordinary; "paris"
/// and "nasa" are names, which a glossary may well forbid without every text tripping on them).
fn is_ordinary_english(word: &str) -> bool {
    varcon_words().contains(word) || (is_english_word(word) && !is_name(word))
}

/// Every lower-case word VARCON lists (about 36,000: the words with British, American or
/// Canadian variants, all their spellings).
fn varcon_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        varcon::VARCON
            .iter()
            .flat_map(|cluster| cluster.entries.iter())
            .flat_map(|entry| entry.variants.iter())
            .map(|v| v.word)
            .filter(|w| w.chars().all(|c| !c.is_uppercase()))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lint ids found in `csv`, by line; but one-character-source-term, as the glossaries
    /// of these tests name their concepts' sources by one character (甲, 乙).
    fn ids(csv: &str) -> Vec<(u64, &'static str)> {
        let g = Glossary::from_csv_text(csv, "g.csv").unwrap();
        lint(&g)
            .into_iter()
            .filter(|f| f.id != "one-character-source-term")
            .map(|f| (f.location.line, f.id))
            .collect()
    }

    #[test]
    fn a_clean_glossary_has_no_findings() {
        let csv = "id,source,preferred,forbidden,note\nftu,上海市总工会,Shanghai Federation of Trade Unions,Municipal General Assembly,Xinhua\n";
        assert!(ids(csv).is_empty());
    }

    #[test]
    fn finds_duplicates_shadows_and_ordinary_words() {
        let csv = "\
id,source,preferred,admitted,deprecated,forbidden,case,note
a,甲,Shanghai Federation of Trade Unions,,,Labour Union,,n
b,乙,Trade Union Federation,,,Labour Union|Federation,,n
c,丙,ACFTU,,,Union,sensitive,n
d,丁,Workercn,,Trade Unions,,,n
";
        assert_eq!(
            ids(csv),
            vec![
                (2, "ordinary-phrase-as-name"),
                (3, "duplicate-rendering"),
                (3, "ordinary-phrase-as-name"),
                (3, "ordinary-word"),
                (3, "shadowed-rendering"),
                (4, "shadowed-rendering"),
                (5, "ordinary-phrase-as-name"),
                (5, "shadowed-rendering"),
            ]
        );
    }

    #[test]
    fn renderings_of_two_concepts_that_differ_in_hyphens_or_spaces_are_reported() {
        let csv = "\
id,source,preferred,admitted,forbidden,note
lm5,长征五号,Long March-5,,,n
lm5b,长征五号乙,Long March 5,,,n
mail,电邮,e-mail,,,n
mail2,电子邮件,electronic mail,email,,n
lm7,长征七号,Long March-7,Long March 7,,n
lm7a,长征七号甲,Long March 7A,,Long March Seven,n
lm7b,长征七号乙,Long March 7B,,Long-March Seven,n
";
        // Across concepts only ("Long March 7" beside "Long March-7" in one concept is a
        // spelling), of one kind of status: two forbidden spellings of one name.
        let near: Vec<u64> = ids(csv)
            .into_iter()
            .filter(|(_, id)| *id == "near-duplicate-rendering")
            .map(|(line, _)| line)
            .collect();
        assert_eq!(near, [3, 5, 8]);
        // Words that differ in more than spacing are no near-duplicates.
        let csv = "\
id,source,preferred,note
a,甲,Long March-5,n
b,乙,Long March-5B,n
c,丙,data set,n
d,丁,data sets,n
";
        assert!(ids(csv).is_empty(), "{:?}", ids(csv));
    }

    #[test]
    fn ordinary_words_outside_varcon_are_reported_and_names_are_not() {
        let csv = "\
id,source,preferred,forbidden,deprecated,case,note
termination,终止,termination,ending,,,n
goodwill,商誉,goodwill,reputation,,,n
premium,保费,insurance premium,fee,,,n
policy,保单,insurance policy,Warranty,,,n
city,城,capital,Paris,,,n
space,航天局,space agency,,NASA,,n
bank,银行,bank,,Ltd,,n
brand,品牌,Brand,Zhonggong,,,n
";
        assert_eq!(
            ids(csv),
            vec![
                (2, "ordinary-word"),
                (3, "ordinary-word"),
                (4, "ordinary-word"),
                (5, "ordinary-word"),
            ]
        );
    }

    #[test]
    fn ordinary_words_banned_for_a_name_are_reported_for_titles_and_headings() {
        let csv = "\
id,source,preferred,deprecated,forbidden,case,note
guardian,守护者,Guardian,Keeper,Protector,name,n
acftu,全总,ACFTU,,Union,sensitive,n
city,城,Capital,,Paris,name,n
brand,品牌,Brand,Zhonggong,,name,n
board,董事会,Board of Directors,,Control Board,name,n
";
        assert_eq!(
            ids(csv),
            vec![(2, "ordinary-word"), (2, "ordinary-word")],
            "names, words of no dictionary, longer phrases and case-sensitive concepts are not reported"
        );
        let g = Glossary::from_csv_text(csv, "g.csv").unwrap();
        let messages: Vec<String> = lint(&g).into_iter().map(|f| f.message).collect();
        assert_eq!(
            messages[1],
            "forbidden rendering \"Protector\" of concept \"guardian\" is an ordinary English word: titles and headings capitalise ordinary words, so even for a name (case = name) every \"Protector\" in a title or heading will be reported (list a longer phrase)"
        );
    }

    #[test]
    fn ordinary_approved_words_beside_other_renderings_are_reported() {
        let csv = "\
id,source,preferred,admitted,case,note
hit,哈工大,Harbin Institute of Technology,HIT,,n
lit,兰工大,Lanzhou Institute of Technology,LIT,sensitive,n
undergrad,本科生,undergraduate student,undergraduate,,n
craft,工匠,craftsmen,craftsman,,n
motor,电机,motor,,,n
who,世卫,World Health Organization,WHO,name,n
vfd,变频器,variable frequency drive,VFD,,n
the,的,of,the,,n
";
        assert_eq!(
            ids(csv),
            vec![(2, "ordinary-approved-word"), (4, "ordinary-approved-word")],
            "case-sensitive concepts, a name's capitals (\"who\" is not WHO), a word in its two numbers, a concept's one rendering, words of no dictionary and function words are not reported"
        );
        let g = Glossary::from_csv_text(csv, "g.csv").unwrap();
        let messages: Vec<String> = lint(&g).into_iter().map(|f| f.message).collect();
        assert!(
            messages[0].contains("\"HIT\" of concept \"hit\" is matched in any case, and in small letters it is the ordinary English word \"hit\""),
            "{}",
            messages[0]
        );
        assert!(
            messages[1].contains("inconsistent-term compares it with \"undergraduate student\""),
            "{}",
            messages[1]
        );
    }

    #[test]
    fn banned_names_of_ordinary_words_are_reported_with_case_name() {
        let csv = "\
id,source,preferred,deprecated,forbidden,case,note
wall,长城,Great Wall,,Long Wall|Lang Wol,,n
festival,中秋节,Mid-Autumn Festival,Moon Festival,,,n
temple,天坛,Temple of Heaven,,Heaven Temple|Temple of heaven,name,n
exchanger,换热器,heat exchanger,,Heat Swapper,,n
office,办公厅,General Office,,Office,,n
";
        assert_eq!(
            ids(csv),
            vec![
                (2, "ordinary-phrase-as-name"),
                (3, "ordinary-phrase-as-name"),
                (6, "ordinary-word")
            ],
            "names, words of no dictionary, a common noun's banned renderings and one word are not reported"
        );
        let g = Glossary::from_csv_text(csv, "g.csv").unwrap();
        assert!(lint(&g)[0].message.contains(
            "\"long wall\" in ordinary prose is reported and fixed too (set case = name"
        ));
    }

    #[test]
    fn approved_spellings_that_match_alike_are_reported() {
        let csv = "\
id,source,preferred,admitted,case,note
tang,唐朝,Tang Dynasty,Tang dynasty,,n
xian,西安,Xi'an,Xiʼan,sensitive,n
ming,明朝,Ming Dynasty,Ming dynasty,sensitive,n
song,宋朝,Song Dynasty,Song period,,n
";
        assert_eq!(
            ids(csv),
            vec![(2, "spelling-variant"), (3, "spelling-variant")],
            "case-sensitive concepts tell case apart, not typography"
        );
        let g = Glossary::from_csv_text(csv, "g.csv").unwrap();
        let messages: Vec<String> = lint(&g).into_iter().map(|f| f.message).collect();
        assert!(
            messages[0].starts_with("admitted rendering \"Tang dynasty\" of concept \"tang\" differs from its preferred rendering \"Tang Dynasty\" only in letter case"),
            "{}",
            messages[0]
        );
        assert!(
            messages[1].contains("only in typography"),
            "{}",
            messages[1]
        );
        // Case-sensitivity tells typography apart no more than compatibility characters.
        assert!(messages[1].ends_with("(drop it)"), "{}", messages[1]);
    }

    #[test]
    fn compatibility_characters_are_named_as_such() {
        // U+00B5 MICRO SIGN beside U+03BC GREEK SMALL LETTER MU, and a full-width digit: one
        // character each after NFKC, in a concept already case-sensitive.
        let csv = "\
id,source,preferred,admitted,case,note
microliter,微升,\u{3bc}L,\u{b5}L,sensitive,n
g5,五代,5G,\u{ff15}G,,n
";
        assert_eq!(
            ids(csv),
            vec![(2, "spelling-variant"), (3, "spelling-variant")]
        );
        let g = Glossary::from_csv_text(csv, "g.csv").unwrap();
        for (f, (x, y)) in lint(&g)
            .iter()
            .zip([("U+03BC", "U+00B5"), ("U+0035", "U+FF15")])
        {
            assert!(
                f.message.contains("only in compatibility characters")
                    && f.message.contains(x)
                    && f.message.contains(y)
                    && !f.message.contains("typography")
                    && !f.message.contains("case-sensitive"),
                "{}",
                f.message
            );
        }
    }

    #[test]
    fn what_lint_says_of_a_word_holds_for_the_matcher() {
        // "US$" is not found in "us", nor "C#" in "c"; "US" is found in "us", "Go" in "go".
        let csv = "\
id,source,preferred,admitted,forbidden,note
usd,美元,USD,US dollar|US$,,n
usa,美国,United States,US,,n
csharp,西井,C# language,C#,,n
golang,戈,Go language,Go,,n
";
        assert_eq!(
            ids(csv),
            vec![(3, "ordinary-approved-word"), (5, "ordinary-approved-word")]
        );
    }

    #[test]
    fn a_source_term_of_two_concepts_is_reported() {
        let csv = "\
id,source,preferred,case,note
re-gfa,建筑面积,gross floor area,,n
code-area,建筑面积,floor area,,n
ftu,總工會|工会联合会,federation of trade unions,,n
union,总工会,trade union,,n
twice,劳模|劳模,model worker,,n
pc,PC,personal computer,sensitive,n
pc2,pc,parsec,sensitive,n
build,建筑,building,,n
ftu2,工會聯合會,union federation,,n
";
        assert_eq!(
            ids(csv),
            vec![
                (3, "shared-source-term"),
                (5, "shared-source-term"),
                (10, "shared-source-term"),
            ],
            "a term listed twice in one concept, Latin terms two case-sensitive concepts write in other capitals and a term inside another are not reported"
        );
        let g = Glossary::from_csv_text(csv, "g.csv").unwrap();
        let messages: Vec<String> = lint(&g).into_iter().map(|f| f.message).collect();
        assert_eq!(
            messages[0],
            "source term \"建筑面积\" of concept \"code-area\" is also a source term of concept \"re-gfa\" (g.csv:2): a source with it asks for a rendering of each concept (\"gross floor area\" and \"floor area\"), so a target that renders it once is reported missing-term for one of them (merge the concepts, or keep the term in one of them)"
        );
        assert!(
            messages[1].contains("\"总工会\" of concept \"union\" is also a source term of concept \"ftu\" (as \"總工會\")"),
            "{}",
            messages[1]
        );
        // A case-sensitive concept and one that is not share the term in any capitals.
        let csv =
            "id,source,preferred,case,note\na,PC,personal computer,sensitive,n\nb,pc,parsec,,n\n";
        assert_eq!(ids(csv), vec![(3, "shared-source-term")]);
    }

    #[test]
    fn banned_small_letters_a_case_sensitive_concept_finds_only_so_are_reported() {
        let csv = "\
id,source,preferred,forbidden,deprecated,case,note
hp,血量,HP,blood volume|hp,,sensitive,n
kwh,千瓦时,kWh,kwh,,sensitive,n
gnb,基站,gNB,,eNodeB|Blood Bank,sensitive,n
mp,魔法值,MP,,mana points,,n
";
        let g = Glossary::from_csv_text(csv, "g.csv").unwrap();
        let found: Vec<(u64, &str, String)> = lint(&g)
            .into_iter()
            .map(|f| (f.location.line, f.id, f.message))
            .collect();
        let bound: Vec<&(u64, &str, String)> = found
            .iter()
            .filter(|f| f.1 == "case-bound-rendering")
            .collect();
        // "blood volume" takes a sentence's or a title's capitals, as the matcher finds a
        // small-letter banned rendering of a case-sensitive concept: nothing to warn of.
        assert_eq!(bound.len(), 2, "{found:?}");
        assert!(bound.iter().all(|f| !f.2.contains("blood volume")));
        // "HP" is the approved rendering, not a miss of "hp"; "Kwh" is reported as wrong
        // capitals of "kWh", "KWH" is not: each shares its letters with a rendering in other
        // capitals, so stays exact.
        assert!(
            bound[0].2.contains(": \"Hp\" is not reported"),
            "{}",
            bound[0].2
        );
        assert!(
            bound[1].2.contains(": \"KWH\" is not reported"),
            "{}",
            bound[1].2
        );
        // Look-alikes: renderings with capitals, concepts that are not case-sensitive.
        assert!(bound.iter().all(|f| f.0 <= 3));
    }

    /// The one-character-source-term findings of `csv`: line and message.
    fn one_character_terms(csv: &str) -> Vec<(u64, String)> {
        let g = Glossary::from_csv_text(csv, "g.csv").unwrap();
        lint(&g)
            .into_iter()
            .filter(|f| f.id == "one-character-source-term")
            .map(|f| (f.location.line, f.message))
            .collect()
    }

    #[test]
    fn one_character_source_terms_are_infos_naming_the_longer_terms_listed() {
        let csv = "\
id,source,preferred,note
lithium,锂,lithium,n
spodumene,锂辉石,spodumene,n
gold,金|黃金,gold,n
lepidolite,锂云母,lepidolite,n
dollar,美元,US dollar,n
";
        let found = one_character_terms(csv);
        assert_eq!(
            found.iter().map(|f| f.0).collect::<Vec<_>>(),
            [2, 4],
            "{found:?}"
        );
        assert!(
            found[0].1.starts_with(
                "source term \"锂\" of concept \"lithium\" is one Chinese character: it is also found inside every longer word holding it (the glossary's longer source terms holding it, \"锂辉石\", \"锂云母\", are found as themselves), and a target that renders such a word gets missing-term for \"lithium\""
            ),
            "{}",
            found[0].1
        );
        // 黃金 holds 金 once folded to Simplified; no longer term holds it in another script.
        assert!(
            found[1]
                .1
                .contains("(the glossary's longer source terms holding it, \"黃金\", are found"),
            "{}",
            found[1].1
        );
        let g = Glossary::from_csv_text(csv, "g.csv").unwrap();
        assert!(lint(&g)
            .iter()
            .filter(|f| f.id == "one-character-source-term")
            .all(|f| f.severity == Severity::Info));
    }

    #[test]
    fn longer_terms_latin_letters_and_shorter_terms_listed_longer_are_not_one_character_terms() {
        // Two characters (also when one is the start of another concept's term, which is
        // found as itself), a Latin letter or digit, a full-width letter (folded to "a"), a
        // punctuation mark: none is reported.
        let csv = "\
id,source,preferred,note
mfa,外交部,Ministry of Foreign Affairs,n
spox,外交部发言人,Foreign Ministry spokesperson,n
vitamin,C,vitamin C,n
wide,Ａ,grade A,n
seven,7,seven,n
dot,·,middle dot,n
";
        assert!(one_character_terms(csv).is_empty());
        // A traditional character folds to one simplified character: still one.
        let csv = "id,source,preferred,note\niron,鐵,iron,n\n";
        assert_eq!(one_character_terms(csv).len(), 1);
        // With a longer term named past three, the rest are counted.
        let csv = "id,source,preferred,note\ngold,金,gold,n\na,金矿,gold mine,n\nb,金币,gold coin,n\nc,金条,gold bar,n\nd,白金,platinum,n\n";
        let found = one_character_terms(csv);
        assert!(
            found[0]
                .1
                .contains("\"金矿\", \"金币\", \"金条\" and 1 more, are found"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn missing_sources_and_notes_are_infos() {
        let csv = "id,preferred\nx,Workercn\n";
        assert_eq!(ids(csv), vec![(2, "missing-note"), (2, "missing-source")]);
    }
}
