//! Glossary lint: entries that are valid but likely to mislead a check.
//!
//! Validation ([`super::Glossary::load`]) refuses what cannot work; lint points at what works
//! badly: a rendering listed for two concepts, a deprecated or forbidden rendering that sits
//! inside another concept's approved rendering (text using the approved form would contain
//! it), a forbidden one-word rendering that is an ordinary English word (it would be reported
//! in ordinary prose, or, for a name, in every title or heading), and concepts without a source
//! term or a note.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::{CaseMode, Concept, Glossary};
use crate::dictionary::{is_english_word, is_name};
use crate::finding::Severity;
use crate::location::Location;
use crate::normalize::{is_word_char, normalize_key};

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
        "spelling-variant",
        Severity::Warning,
        "two approved renderings of one concept that differ only in letter case or typography",
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
    duplicates(concepts, &mut out);
    shadows(concepts, &mut out);
    ordinary_words(concepts, &mut out);
    spelling_variants(concepts, &mut out);
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
            let differs_in = if normalize_key(&first.text, false) == normalize_key(&r.text, false) {
                "typography (quotes, dashes, spaces)"
            } else {
                "letter case"
            };
            out.push(finding(
                "spelling-variant",
                c,
                r.location,
                format!(
                    "{} rendering {:?} of concept {:?} differs from its {} rendering {:?} only in {differs_in}: text is matched regardless, so it accepts nothing more, and inconsistent-term compares the spellings a text uses whatever the glossary lists (drop it, or make the concept case-sensitive if only the listed spellings are right)",
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

/// Words separated by single spaces (punctuation between words becomes a space), so that
/// containment is on whole words.
fn words_only(s: &str) -> String {
    s.split(|c: char| !is_word_char(c) && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn ordinary_words(concepts: &[Concept], out: &mut Vec<LintFinding>) {
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
    for c in concepts.iter().filter(|c| c.case != CaseMode::Sensitive) {
        for r in c.renderings.iter().filter(|r| !r.status.is_approved()) {
            let word = words_only(&r.text.to_lowercase());
            if word.contains(' ') || word.is_empty() {
                continue;
            }
            if !vocabulary.contains(&word) && !is_ordinary_english(&word) {
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

    fn ids(csv: &str) -> Vec<(u64, &'static str)> {
        let g = Glossary::from_csv_text(csv, "g.csv").unwrap();
        lint(&g)
            .into_iter()
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
                (3, "duplicate-rendering"),
                (3, "ordinary-word"),
                (3, "shadowed-rendering"),
                (4, "shadowed-rendering"),
                (5, "shadowed-rendering"),
            ]
        );
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
    }

    #[test]
    fn missing_sources_and_notes_are_infos() {
        let csv = "id,preferred\nx,Workercn\n";
        assert_eq!(ids(csv), vec![(2, "missing-note"), (2, "missing-source")]);
    }
}
