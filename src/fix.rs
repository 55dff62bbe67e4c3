//! Fixes: the single unambiguous correction of forbidden, deprecated and garbled renderings.
//!
//! Findings carry byte offsets into the file as stored (for UTF-16 files, file bytes, not
//! offsets in the decoded text); a fix decodes the file, maps those offsets into the decoded
//! text, replaces there and encodes the result back the way the file was (same encoding,
//! same byte-order mark). Replacements never add or remove a line break (a break inside a
//! term stays between the same two words of the replacement), so line endings stay as they
//! were. A finding is left for a person when its correction is not certain: several findings
//! suggest different renderings for one span, its span overlaps another finding, it spans
//! more line breaks than the replacement can hold, a variant found in another number than its
//! correction has a correction that cannot be put in that number (a name, a word that may be
//! uncountable: see [`correction`]), a garbled term's correction changes
//! its number (the words around it agree with the number found), the text next to it already goes on
//! with the words its correction adds (they would be written twice), its text is written across
//! inline markup or an escape in the file, a variant listed as a name is found in small letters
//! after "a" or "an" (ordinary prose), or its rule has no single correction
//! (`inconsistent-term`). An indefinite article before a corrected term is made to agree with
//! the correction's first sound (see [`crate::article`]).

use std::fmt;
use std::ops::Range;

use crate::article::{indefinite_article, Article};
use crate::dictionary::is_english_word;
use crate::finding::Finding;
use crate::formats::InputFormat;
use crate::fuzzy::{is_weak_word, Damage};
use crate::glossary::{CaseMode, Concept, Glossary};
use crate::inflection::{
    classical_numbers_of_one_word, ends_a_head, head_is_capitalised, in_number, lemma,
    named_in_another_language, names_a_doer, number_of, same_lemma, split_head, variants_in_plural,
    verb_forms, Number,
};
use crate::input::decode::DetectedEncoding;
use crate::location::TextEncoding;
use crate::markdown::emphasis_delimiters;
use crate::normalize::{ceil_char_boundary, floor_char_boundary, is_word_char, normalize_key};
use crate::rules::Rule;
use crate::spelling::{families_in_either_number, in_capitals_of, spelling_family};

/// One replacement in decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The span replaced, in bytes of the decoded text.
    pub range: Range<usize>,
    /// The text found there.
    pub found: String,
    /// What replaces it.
    pub replacement: String,
    /// The rule of the finding it fixes.
    pub rule: Rule,
    /// 1-based line of the finding.
    pub line: u64,
    /// 1-based column of the finding.
    pub column: u64,
    /// The index of the finding it fixes.
    pub finding: usize,
}

/// Why a finding is not fixed automatically.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftReason {
    /// Its rule has no single correction (inconsistent-term: which rendering wins is a choice).
    NoSingleCorrection,
    /// Findings on the same span suggest different renderings.
    CompetingSuggestions,
    /// Its span overlaps another finding's.
    Overlaps,
    /// The found text runs over line breaks that the replacement has too few words to keep.
    SpansLines,
    /// The file no longer holds the found text where the finding says.
    TextChanged,
    /// The file holds the found text there, but written across inline markup or with an
    /// escape (`<g id="1">Night</g> Mode`, `Night&#160;Mode`): a replacement would drop the
    /// markup or write the escaped character raw.
    CrossesMarkup,
    /// A variant found in the plural ("Municipal General Assemblies"), whose correction cannot
    /// be put in the plural (the last word of a name does not carry the name's number), or in
    /// another number than its correction's, which cannot be put in that number safely
    /// ("Overtime wages are", corrected by "overtime pay").
    InPlural,
    /// The correction adds words to the found text, and the text next to it already goes on
    /// with those words or near-misses of them ("Ministry of Industry and Information" before
    /// "Techology"): put in, they would be written twice.
    WordsAlreadyThere,
    /// A garbled term whose correction puts it in the other number ("Gold Coins" for "Gold
    /// Coin", "bacteria" for "bacterium"): the words around it agree with the number the text
    /// used ("were", "{count}", "Not enough"), so the correction would break the sentence.
    ChangesNumber,
    /// A variant the glossary lists as a name, in Title Case ("Long Wall"), found in small
    /// letters after "a" or "an" ("a long wall of grey brick"): a name takes no indefinite
    /// article, so the words are ordinary prose here, not the name.
    NotTheName,
    /// A variant that modifies the noun after it ("Aerial work platforms"), corrected by a
    /// rendering whose head has words after it ("work at height"): put before the noun, those
    /// make another phrase ("Work at height platforms"), and the compound the text writes may
    /// name another thing (an aerial work platform is a machine).
    ModifiesTheNextWord,
    /// A variant after "a" or "an" ("claimed a delay fee"), corrected by a rendering whose head
    /// is another word, which may be a mass noun ("demurrage"): neither the dictionary nor the
    /// glossary shows it counted, and "a demurrage" is no English.
    MayBeUncountable,
    /// A correction holding a character that the file's format writes otherwise in a
    /// segment's text (a delimiter or a quote in a TSV or CSV cell, whose quoting the span
    /// does not show): written raw it would break the file.
    NotWritable,
    /// The found text holds a trade mark sign inside it ("Oekotex® Standard"), which is no
    /// text of the term: where it goes in the correction, whose words differ, is a person's
    /// call. (One after the term is outside the finding and stays.)
    HoldsAMark,
    /// A variant in a bilingual segment whose source does not name its concept (最低档工资, the
    /// lowest grade of a position's pay, for a forbidden "lowest wage" of 最低工资): the words
    /// render something else there, which the correction would change.
    NotInSource,
    /// A deprecated rendering in a sentence that names its concept by an approved rendering
    /// too: the text may speak of two names of one body ("the NFRA, which replaced the
    /// CBIRC"), and the correction would write "the NFRA, which replaced the NFRA".
    PresentNameBeside,
}

impl fmt::Display for LeftReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LeftReason::NoSingleCorrection => "no single correction",
            LeftReason::CompetingSuggestions => "several suggestions compete",
            LeftReason::Overlaps => "overlaps another finding",
            LeftReason::SpansLines => "spans a line break the correction cannot keep",
            LeftReason::TextChanged => "the text changed since it was checked",
            LeftReason::CrossesMarkup => "crosses markup or an escape in the file; fix it by hand",
            LeftReason::HoldsAMark => {
                "holds a trade mark sign (® ™ ℠) the correction would drop; fix it by hand"
            }
            LeftReason::NotWritable => {
                "the correction holds a delimiter or quote that this file's cells cannot take unquoted; fix it by hand"
            }
            LeftReason::InPlural => {
                "found in the plural (or singular), which the correction cannot take"
            }
            LeftReason::WordsAlreadyThere => {
                "the text next to it already has the words the correction adds; they would be written twice"
            }
            LeftReason::ChangesNumber => {
                "the correction changes singular to plural or back; the words around it agree with the number the text uses"
            }
            LeftReason::NotTheName => {
                "the glossary lists it as a name, but here it is in small letters after \"a\" or \"an\": ordinary words, not the name"
            }
            LeftReason::ModifiesTheNextWord => {
                "it modifies the word after it, which the correction (its head followed by other words) cannot; the compound may name another thing"
            }
            LeftReason::MayBeUncountable => {
                "it follows \"a\" or \"an\", and the correction's head is another word that may be a mass noun, which takes none"
            }
            LeftReason::NotInSource => {
                "the segment's source does not name its concept; the words may render something else there"
            }
            LeftReason::PresentNameBeside => {
                "the sentence names its concept by an approved rendering too; it may tell of an old name beside the present one"
            }
        })
    }
}

/// What fixing one file would do.
#[derive(Debug, Clone, Default)]
pub struct FilePlan {
    /// The replacements, in text order, never overlapping.
    pub edits: Vec<Edit>,
    /// Indexes of the findings left for a person, with the reason.
    pub left: Vec<(usize, LeftReason)>,
}

/// How a file's format writes the text of its segments, which a correction is written into:
/// the file holds the text escaped, and so must the correction be ("Belt & Road" is
/// `Belt &amp; Road` in XLIFF, a quote is `\"` in JSON Lines and PO).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// Text as it is: plain text, Markdown, a paired file's lines.
    Plain,
    /// XML character data (XLIFF, TMX).
    Xml,
    /// A JSON string (JSON Lines).
    Json,
    /// A PO string, C escapes.
    Po,
    /// A TSV or CSV cell: quoted or not, which the span does not show.
    Cell,
}

impl Container {
    /// How `format` writes a segment's text.
    pub fn of(format: InputFormat) -> Container {
        match format {
            InputFormat::Text | InputFormat::Markdown | InputFormat::Paired => Container::Plain,
            InputFormat::Xliff | InputFormat::Tmx => Container::Xml,
            // HTML text content escapes as XML character data does.
            InputFormat::Html => Container::Xml,
            InputFormat::Jsonl | InputFormat::Json => Container::Json,
            InputFormat::Po => Container::Po,
            InputFormat::Tsv | InputFormat::Csv => Container::Cell,
        }
    }

    /// `text` as this container writes it; `None` where it cannot be written in place (a
    /// cell's delimiter or quote, which needs the cell quoted, or its quotes doubled, and a
    /// span inside the cell does not say which it is).
    pub fn write(self, text: &str) -> Option<String> {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match (self, c) {
                (Container::Xml, '&') => out.push_str("&amp;"),
                (Container::Xml, '<') => out.push_str("&lt;"),
                (Container::Xml, '>') => out.push_str("&gt;"),
                (Container::Json | Container::Po, '"') => out.push_str("\\\""),
                (Container::Json | Container::Po, '\\') => out.push_str("\\\\"),
                (Container::Json | Container::Po, '\n') => out.push_str("\\n"),
                (Container::Json | Container::Po, '\t') => out.push_str("\\t"),
                (Container::Json | Container::Po, '\r') => out.push_str("\\r"),
                (Container::Json, c) if c.is_control() => {
                    out.push_str(&format!("\\u{:04x}", c as u32));
                }
                (Container::Po, c) if c.is_control() => return None,
                (Container::Cell, '\t' | ',' | ';' | '"' | '\n' | '\r') => return None,
                (_, c) => out.push(c),
            }
        }
        Some(out)
    }
}

/// Decides which of `findings` (one file's, in report order) can be fixed in `text`, the
/// file's decoded content.
pub fn plan(
    text: &str,
    detected: DetectedEncoding,
    findings: &[Finding],
    glossary: &Glossary,
) -> FilePlan {
    plan_bilingual(text, detected, findings, glossary, Container::Plain, |_| {
        true
    })
}

/// [`plan`] for a bilingual file, whose format writes its text as `container` does (a
/// correction is written so), and where `named_in_source` tells whether the source of a
/// finding's segment names its concept (or cannot: a segment without a source, a concept
/// without source terms). A deprecated or forbidden rendering whose concept the source does
/// not name is left for a person: the words may render something else there ("the lowest wage
/// for the same position" for 最低档工资, where a forbidden "lowest wage" renders 最低工资).
pub fn plan_bilingual(
    text: &str,
    detected: DetectedEncoding,
    findings: &[Finding],
    glossary: &Glossary,
    container: Container,
    named_in_source: impl Fn(&Finding) -> bool,
) -> FilePlan {
    let starts: Vec<u64> = findings.iter().map(|f| f.start.byte_offset).collect();
    let ends: Vec<u64> = findings.iter().map(|f| f.end.byte_offset).collect();
    let starts = decoded_offsets(text, detected, &starts);
    let ends = decoded_offsets(text, detected, &ends);
    let spans: Vec<Option<Range<usize>>> = starts
        .into_iter()
        .zip(ends)
        .map(|(s, e)| Some(s?..e?))
        .collect();
    let mut result = FilePlan::default();
    // The spans of the findings fixed (an edit may reach past its finding's span).
    let mut fixed: Vec<Range<usize>> = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        let fixable = matches!(
            f.rule,
            Rule::ForbiddenTerm | Rule::DeprecatedTerm | Rule::GarbledTerm
        );
        if !fixable {
            result.left.push((i, LeftReason::NoSingleCorrection));
            continue;
        }
        let held = spans[i]
            .clone()
            .and_then(|s| Some((s.clone(), text.get(s)?)));
        let span = match held {
            // Markdown emphasis inside a term ("the **Mo Gao** Caves") would be lost or left
            // unbalanced by a replacement.
            Some((_, held)) if held == f.found && !emphasis_delimiters(held, &[]).is_empty() => {
                result.left.push((i, LeftReason::CrossesMarkup));
                continue;
            }
            Some((_, held))
                if held == f.found && held.contains(['\u{00AE}', '\u{2122}', '\u{2120}']) =>
            {
                result.left.push((i, LeftReason::HoldsAMark));
                continue;
            }
            Some((span, held)) if held == f.found => span,
            Some((_, held)) if reads_through_markup_as(held, &f.found) => {
                result.left.push((i, LeftReason::CrossesMarkup));
                continue;
            }
            _ => {
                result.left.push((i, LeftReason::TextChanged));
                continue;
            }
        };
        let concept = glossary.concepts.iter().find(|c| c.id == f.concept);
        if !named_in_source(f) && matches!(f.rule, Rule::ForbiddenTerm | Rule::DeprecatedTerm) {
            result.left.push((i, LeftReason::NotInSource));
            continue;
        }
        if f.rule == Rule::DeprecatedTerm
            && concept.is_some_and(|c| crate::mention::sentence_names_approved(c, text, &span))
        {
            result.left.push((i, LeftReason::PresentNameBeside));
            continue;
        }
        if !corrected_in_number_found(f, concept) {
            result.left.push((i, LeftReason::InPlural));
            continue;
        }
        if f.rule == Rule::GarbledTerm && changes_number(f) {
            result.left.push((i, LeftReason::ChangesNumber));
            continue;
        }
        if adds_words_already_there(text, span.clone(), &f.found, &f.expected) {
            result.left.push((i, LeftReason::WordsAlreadyThere));
            continue;
        }
        if concept.is_some_and(|c| prose_words_of_a_name(text, span.clone(), f, c)) {
            result.left.push((i, LeftReason::NotTheName));
            continue;
        }
        if modifies_the_next_word(text, span.end, f) {
            result.left.push((i, LeftReason::ModifiesTheNextWord));
            continue;
        }
        if counts_what_may_be_uncountable(text, &span, f, concept) {
            result.left.push((i, LeftReason::MayBeUncountable));
            continue;
        }
        let mut reason = None;
        for (j, other) in findings.iter().enumerate() {
            if j == i {
                continue;
            }
            let Some(o) = &spans[j] else { continue };
            if o.start < span.end && span.start < o.end {
                if *o == span && other.rule != Rule::InconsistentTerm {
                    if other.expected != f.expected {
                        reason = Some(LeftReason::CompetingSuggestions);
                        break;
                    }
                } else {
                    reason = Some(LeftReason::Overlaps);
                    break;
                }
            }
        }
        if let Some(r) = reason {
            result.left.push((i, r));
            continue;
        }
        if fixed.contains(&span) {
            continue; // the same correction, suggested twice
        }
        let mut replacement = match concept {
            Some(c) => replacement_for(&f.found, &f.expected, c),
            None => f.expected.clone(),
        };
        // A case-sensitive rendering keeps its capitals at a sentence's start too: "gNB"
        // capitalised is "GNB", another word or the very slip corrected.
        let case_sensitive = concept.is_some_and(|c| c.case == CaseMode::Sensitive);
        if starts_sentence(&text[..span.start]) && !case_sensitive {
            replacement = capitalize_first(&replacement);
        }
        // Words put back in order across a line break would move from one line to the other,
        // and the break may end a line of its own (a letterhead, a title): a person decides.
        let reordered_across_lines = f.rule == Rule::GarbledTerm
            && names_damage(f, Damage::WordOrder)
            && f.found.contains(['\n', '\r']);
        // A correction that would write what is there corrects nothing: a person decides.
        if replacement == f.found {
            result.left.push((i, LeftReason::NoSingleCorrection));
            continue;
        }
        let rewrapped = rewrap(&f.found, &replacement).filter(|_| !reordered_across_lines);
        let Some(replacement) = rewrapped else {
            result.left.push((i, LeftReason::SpansLines));
            continue;
        };
        // Written as the file writes text; the words kept from the file around it (an article's
        // spacing, a possessive) are the file's already.
        let Some(mut replacement) = container.write(&replacement) else {
            result.left.push((i, LeftReason::NotWritable));
            continue;
        };
        fixed.push(span.clone());
        let mut span = span;
        // "An oil cylinder" corrected is "a hydraulic cylinder": the article before the term
        // takes the first sound of the correction (unless another finding holds it).
        if let Some((article, agreeing)) = article_to_agree(text, &span, &f.found, &f.expected) {
            let held = spans.iter().enumerate().any(|(j, o)| {
                j != i
                    && o.as_ref()
                        .is_some_and(|o| o.start < article.end && article.start < o.end)
            });
            if !held {
                replacement = format!("{agreeing}{}{replacement}", &text[article.end..span.start]);
                span.start = article.start;
            }
        }
        // A plural in "s" takes a possessive's apostrophe alone: "the Unions' offices".
        if let Some(s_len) = possessive_s_after(&text[span.end..]) {
            if ends_in_plural_s(&replacement) {
                replacement.push_str(&text[span.end..span.end + s_len - 1]);
                span.end += s_len;
            }
        } else if let Some(apostrophe) = plural_possessive_after(text, &span) {
            // And a correction that ends in no "s" takes the "s" back: "the Market
            // Regulations' notice" is "the Market Regulation's notice", never "Regulation'".
            if !replacement.ends_with(['s', 'S']) {
                replacement.push_str(&text[span.end..span.end + apostrophe]);
                replacement.push('s');
                span.end += apostrophe;
            }
        }
        result.edits.push(Edit {
            finding: i,
            replacement,
            found: text[span.clone()].to_string(),
            range: span,
            rule: f.rule,
            line: f.start.line,
            column: f.start.column,
        });
    }
    result.edits.sort_by_key(|e| e.range.start);
    result
}

/// Whether a garbled term's correction puts the term in the other number: the word that
/// carries its number (its head, see [`split_head`]) and the suggestion's are two numbers of one
/// word, classical ("bacteria", "bacterium"), or regular, near-misses of each other read as
/// (or named by the finding's damage as) another number ("coins", "coin"; "feathrs",
/// "feather"). A number changed in another word ("Federation of Trade Union") leaves the
/// term's number as it was, and so does a head that differs for other damage (a word missing).
fn changes_number(f: &Finding) -> bool {
    let head = |s: &str| -> String {
        let phrase = s.split_whitespace().collect::<Vec<_>>().join(" ");
        let (_, head, _) = split_head(&phrase);
        head.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let (found, expected) = (head(&f.found), head(&f.expected));
    if found == expected {
        return false;
    }
    if same_lemma(&found, &expected) {
        return true;
    }
    let named = names_damage(f, Damage::Number);
    (named || number_of(&found) != number_of(&expected)) && near_miss(&found, &expected)
}

/// Whether the message of a garbled term names `damage`: "(LABEL: wrong singular or plural; …".
fn names_damage(f: &Finding, damage: Damage) -> bool {
    f.message.contains(&format!(": {}; ", damage.describe()))
}

/// Whether the correction `expected` of the text `found` at `span` adds words before or after
/// the found words that the text next to the span already has: `expected` holds the found words
/// in a row, and the words it adds after them begin like the text's next words (or the words it
/// adds before them end like the text's previous words), the same or near-misses, counting a
/// run only if it holds a word other than a small one ("and", "of").
fn adds_words_already_there(text: &str, span: Range<usize>, found: &str, expected: &str) -> bool {
    let found_words: Vec<String> = words(found).map(str::to_lowercase).collect();
    let expected_words: Vec<String> = words(expected).map(str::to_lowercase).collect();
    let n = found_words.len();
    if n == 0 || expected_words.len() <= n {
        return false;
    }
    let Some(at) = (0..=expected_words.len() - n).find(|&i| {
        expected_words[i..i + n]
            .iter()
            .zip(&found_words)
            .all(|(e, f)| near_miss(e, f))
    }) else {
        return false;
    };
    let added_after = &expected_words[at + n..];
    let added_before = &expected_words[..at];
    let repeats = |added: &mut dyn Iterator<Item = &String>, next: Vec<String>| {
        let matched: Vec<&String> = added
            .zip(&next)
            .take_while(|(a, t)| near_miss(a, t))
            .map(|(a, _)| a)
            .collect();
        matched.iter().any(|w| !SMALL_WORDS.contains(&w.as_str()))
    };
    (!added_after.is_empty()
        && repeats(
            &mut added_after.iter(),
            words_next_to(text, span.end, added_after.len(), true),
        ))
        || (!added_before.is_empty()
            && repeats(
                &mut added_before.iter().rev(),
                words_next_to(text, span.start, added_before.len(), false),
            ))
}

/// How far from a match its neighbouring words are looked for, in bytes.
const NEIGHBOUR_REACH: usize = 256;

/// Up to `count` words of `text` in the same run as the words at `at` (no punctuation between,
/// hyphens and apostrophes aside), in small letters: after `at` in reading order when `after`,
/// else before it, nearest first. None when a word goes on across `at` (no word boundary).
fn words_next_to(text: &str, at: usize, count: usize, after: bool) -> Vec<String> {
    let joins = |c: char| c.is_whitespace() || is_word_char(c) || matches!(c, '-' | '\'' | '’');
    let run = if after {
        let rest = &text[at..floor_char_boundary(text, at + NEIGHBOUR_REACH)];
        if rest.chars().next().is_some_and(is_word_char) {
            return Vec::new();
        }
        let end = rest.find(|c: char| !joins(c)).unwrap_or(rest.len());
        &rest[..end]
    } else {
        let rest = &text[ceil_char_boundary(text, at.saturating_sub(NEIGHBOUR_REACH))..at];
        if rest.chars().next_back().is_some_and(is_word_char) {
            return Vec::new();
        }
        let start = rest.rfind(|c: char| !joins(c)).map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
        &rest[start..]
    };
    let mut out: Vec<String> = words(run).map(str::to_lowercase).collect();
    if !after {
        out.reverse();
    }
    out.truncate(count);
    out
}

/// Whether two words in small letters are one word, possibly in the other number or with a
/// slip of the keyboard (one edit in a word of four letters or more, two from eight).
fn near_miss(a: &str, b: &str) -> bool {
    if a == b || same_lemma(a, b) {
        return true;
    }
    let (a, b) = (lemma(a), lemma(b));
    let shorter = a.chars().count().min(b.chars().count());
    let allowed = match shorter {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    allowed > 0 && strsim::osa_distance(&a, &b) <= allowed
}

/// Whether `held`, the file's text under a finding, is `found` written with markup or escapes
/// in it: it has at least one tag (`<…>`), character reference (`&…;`) or backslash escape, and
/// with those set aside it has the same words as `found`. Only the words are compared, since an
/// escape usually stands for a space or a punctuation mark (`&#160;`, `\"`).
fn reads_through_markup_as(held: &str, found: &str) -> bool {
    let mut words = String::new();
    let mut set_aside = false;
    let mut rest = held;
    while let Some(c) = rest.chars().next() {
        let closing = match c {
            '<' => Some('>'),
            '&' => Some(';'),
            _ => None,
        };
        let escape_len = match (c, closing) {
            (_, Some(close)) => rest.find(close).map(|end| end + 1),
            ('\\', None) => rest[1..].chars().next().map(|e| 1 + e.len_utf8()),
            _ => None,
        };
        match escape_len {
            Some(len) => {
                set_aside = true;
                let tag = &rest[..len];
                rest = &rest[len..];
                // XLIFF 1.2's native codes hold the original format's markup, escaped
                // (`<bpt id="1">&lt;b&gt;</bpt>`): their content is markup too.
                if let Some(end) = native_code_end(tag, rest) {
                    rest = &rest[end..];
                }
            }
            None => {
                if is_word_char(c) {
                    words.push(c);
                }
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    let found_words: String = found.chars().filter(|&c| is_word_char(c)).collect();
    set_aside && !words.is_empty() && words == found_words
}

/// Where the content of an XLIFF 1.2 native code that `tag` opens (`<bpt>`, `<ept>`, `<ph>`,
/// `<it>`) ends in `rest`, the text after the tag: after its closing tag.
fn native_code_end(tag: &str, rest: &str) -> Option<usize> {
    let name = tag
        .strip_prefix('<')?
        .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .next()?;
    if !matches!(name, "bpt" | "ept" | "ph" | "it") || tag.ends_with("/>") {
        return None;
    }
    let close = format!("</{name}>");
    rest.find(&close).map(|at| at + close.len())
}

/// The length of the possessive "'s" (or "’s") that `after` starts with, if it does and no
/// word goes on after it.
fn possessive_s_after(after: &str) -> Option<usize> {
    let apostrophe = after.chars().next().filter(|&c| c == '\'' || c == '’')?;
    let rest = &after[apostrophe.len_utf8()..];
    let s = rest.strip_prefix(['s', 'S'])?;
    let ends = s.chars().next().is_none_or(|c| !is_word_char(c));
    ends.then_some(apostrophe.len_utf8() + 1)
}

/// The length of the apostrophe alone of a plural possessive ("Regulations' notice") right
/// after `span` of `text`, which ends in "s": an apostrophe after which no word goes on, and
/// that closes no quote opened in single quotes before the span on its line ("the term
/// 'Market Regulations' is", whose apostrophe is the quote's).
fn plural_possessive_after(text: &str, span: &Range<usize>) -> Option<usize> {
    if !text[..span.end].ends_with(['s', 'S']) {
        return None;
    }
    let after = &text[span.end..];
    let apostrophe = after.chars().next().filter(|&c| c == '\'' || c == '’')?;
    let next = after[apostrophe.len_utf8()..].chars().next();
    if next.is_some_and(|c| is_word_char(c) || c == '\'' || c == '’') {
        return None;
    }
    let line = &text[text[..span.start].rfind('\n').map_or(0, |at| at + 1)..span.start];
    let chars: Vec<char> = line.chars().collect();
    let mut quoted = false;
    for (at, &c) in chars.iter().enumerate() {
        if !matches!(c, '\'' | '‘' | '’') {
            continue;
        }
        let word_before = at > 0 && is_word_char(chars[at - 1]);
        // The span starts a word, so a quote last on the line opens before it.
        let word_after = chars.get(at + 1).is_none_or(|&n| is_word_char(n));
        if c == '‘' || (!word_before && word_after) {
            quoted = true;
        } else if word_before && !word_after {
            quoted = false;
        }
    }
    (!quoted).then_some(apostrophe.len_utf8())
}

/// Whether `replacement` ends with a plural in "s" ("Trade Unions", "emails"), which takes a
/// possessive's apostrophe without another "s".
fn ends_in_plural_s(replacement: &str) -> bool {
    let last = replacement
        .rsplit(|c: char| !is_word_char(c))
        .next()
        .unwrap_or("");
    last.ends_with(['s', 'S']) && number_of(&last.to_lowercase()) == Number::Plural
}

/// The indefinite article ("a", "an", "A", "An", "AN") right before byte `at` of `text`,
/// with whitespace between them (one line break at most): its span.
fn article_before(text: &str, at: usize) -> Option<Range<usize>> {
    let before = &text[..at];
    let end = before.trim_end_matches(char::is_whitespace).len();
    let gap = &before[end..];
    let breaks = gap.replace("\r\n", "\n").matches(['\n', '\r']).count();
    if gap.is_empty() || breaks > 1 {
        return None;
    }
    let start = before[..end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c))
        .last()
        .map_or(end, |(i, _)| i);
    matches!(&before[start..end], "a" | "an" | "A" | "An" | "AN").then_some(start..end)
}

/// The indefinite article right before the text `found` at `span`, and the article that
/// agrees with the first sound of its correction `expected` (see [`indefinite_article`]),
/// in the article's case; `None` when there is none, it agrees already, the sound is
/// undecided, or the word is not surely an article: "A" and "An" are one only where a
/// sentence starts or after a tag ("Grade A oil" is a label, "Director An" a name; see
/// [`starts_sentence_or_markup`]), "AN" in capitals.
fn article_to_agree(
    text: &str,
    span: &Range<usize>,
    found: &str,
    expected: &str,
) -> Option<(Range<usize>, String)> {
    let at = article_before(text, span.start)?;
    let written = &text[at.clone()];
    let wanted = indefinite_article(expected.split_whitespace().next()?)?;
    let current = if written.eq_ignore_ascii_case("an") {
        Article::An
    } else {
        Article::A
    };
    if current == wanted {
        return None;
    }
    let agreeing = match written {
        "a" | "an" => wanted.as_str().to_string(),
        "AN" => wanted.as_str().to_uppercase(),
        _ if !starts_sentence_or_markup(&text[..at.start]) => return None,
        "A" if case_pattern(found) == CasePattern::Upper => wanted.as_str().to_uppercase(),
        _ => capitalize_first(wanted.as_str()),
    };
    Some((at, agreeing))
}

/// Whether a deprecated or forbidden variant that the glossary lists as a name, in Title
/// Case of two words or more ("Long Wall"), is found in small letters after an indefinite
/// article ("a long wall of grey brick"): a name takes none, so these are the words of
/// ordinary prose. A concept marked `case = name` or case-sensitive is matched only with
/// its capitals.
fn prose_words_of_a_name(text: &str, span: Range<usize>, f: &Finding, concept: &Concept) -> bool {
    if !matches!(f.rule, Rule::ForbiddenTerm | Rule::DeprecatedTerm)
        || concept.case != CaseMode::Insensitive
        || case_pattern(&f.found) != CasePattern::Lower
        || article_before(text, span.start).is_none()
    {
        return false;
    }
    let found = normalize_key(&f.found, true);
    concept
        .renderings
        .iter()
        .filter(|r| !r.status.is_approved() && case_pattern(&r.text) == CasePattern::Title)
        .any(|r| {
            let key = normalize_key(&r.text, true);
            key == found || variants_in_plural(&key).contains(&found)
        })
}

/// Whether a deprecated or forbidden rendering, found ending at byte `end` of `text`, modifies
/// the word after it, which its correction cannot (see [`LeftReason::ModifiesTheNextWord`]):
/// the correction is a common noun whose head has words after it ("work at height", "letter
/// of credit"), the found text ends with its head ("aerial work"), and a space and a word of
/// the same phrase follow: not a word of a closed class ("is", "must", "the"), a preposition
/// ("aerial work at night") nor a verb the term is the subject of (see
/// [`verb_after_its_subject`]: "The lading bill named the consignee").
fn modifies_the_next_word(text: &str, end: usize, f: &Finding) -> bool {
    if !matches!(f.rule, Rule::ForbiddenTerm | Rule::DeprecatedTerm) {
        return false;
    }
    let (expected, found) = (collapse(&f.expected), collapse(&f.found));
    let (_, _, after_head) = split_head(&expected);
    let (_, _, found_after_head) = split_head(&found);
    if after_head.is_empty() || !found_after_head.is_empty() || head_is_capitalised(&expected) {
        return false;
    }
    let rest = &text[end..];
    let next = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    if next.len() == rest.len() || !next.starts_with(char::is_alphabetic) {
        return false;
    }
    let word_end = next
        .find(|c: char| !is_word_char(c) && c != '-')
        .unwrap_or(next.len());
    let word = next[..word_end].to_lowercase();
    if is_weak_word(&word) || ends_a_head(&word) {
        return false;
    }
    // The word after that one, in the same run of words ("the" of "names the consignee").
    let rest = &next[word_end..];
    let after = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    let after = (after.len() < rest.len())
        .then(|| after.split(|c: char| !is_word_char(c)).next().unwrap_or(""))
        .map(str::to_lowercase);
    let singular = number_of_head(&found) == Number::Singular;
    !verb_after_its_subject(&word, singular, after.as_deref())
}

/// Whether the text of finding `f` at `span` follows an indefinite article ("claimed a delay
/// fee"), and its correction's head is another word than the text's head that may be a mass
/// noun (see [`LeftReason::MayBeUncountable`]): put after the article, it would be counted ("a
/// demurrage"). The same word, in another spelling or with a slip, is counted as the text
/// counts it; another word is known to be counted where it names one who does something
/// ("carrier"), where the dictionary knows its plural and it is no verb (whose form in "-s"
/// the dictionary holds either way: "pays" of the uncountable "pay"), or where the concept
/// writes it in the plural. A word the dictionary does not know is not known to be counted:
/// nouns in "-age" are mass nouns as often ("demurrage", "wharfage") as not ("voyage").
fn counts_what_may_be_uncountable(
    text: &str,
    span: &Range<usize>,
    f: &Finding,
    concept: Option<&Concept>,
) -> bool {
    if sure_article_before(text, span.start).is_none() {
        return false;
    }
    let head = |s: &str| split_head(&collapse(s)).1.to_lowercase();
    let (found, expected) = (head(&f.found), head(&f.expected));
    let expected = expected.trim_matches(|c: char| !c.is_alphanumeric());
    if expected.is_empty()
        || number_of_head(&f.expected) != Number::Singular
        || near_miss(&found, expected)
        || crate::spelling::same_word_spelled_differently(&found, expected)
    {
        return false;
    }
    let plural = crate::inflection::plural(expected);
    let written_in_plural = concept.is_some_and(|c| {
        c.renderings
            .iter()
            .any(|r| word_spans(&r.text).any(|(_, w)| w.eq_ignore_ascii_case(&plural)))
    });
    let counted = names_a_doer(expected)
        || made_as_a_doer(expected)
        || (is_english_word(&plural) && !also_a_verb(expected))
        || written_in_plural;
    !counted
}

/// Whether `word` (small letters), a word the dictionary does not know, is a noun of one who
/// or what does something, made of an English verb with "-er" or "-or" ("exchanger" of
/// "exchange", "swapper" of "swap", "ingestor" of "ingest"): a doer or a device, counted.
fn made_as_a_doer(word: &str) -> bool {
    if is_english_word(word) {
        return false; // the dictionary's words are judged by `names_a_doer`
    }
    let verb = |stem: &str| stem.len() >= 3 && is_english_word(stem) && also_a_verb(stem);
    fn undoubled(stem: &str) -> Option<&str> {
        let b = stem.as_bytes();
        (b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2]).then(|| &stem[..stem.len() - 1])
    }
    let of_er = word.strip_suffix("er").is_some_and(|stem| {
        verb(stem) || verb(&format!("{stem}e")) || undoubled(stem).is_some_and(verb)
    });
    let of_or = word
        .strip_suffix("or")
        .is_some_and(|stem| verb(stem) || verb(&format!("{stem}e")));
    of_er || of_or
}

/// The indefinite article right before byte `at` of `text` (see [`article_before`]), where it
/// surely is one: "a", "an" and "AN" anywhere, "A" and "An" where a sentence starts or after a tag
/// (see [`starts_sentence_or_markup`]).
fn sure_article_before(text: &str, at: usize) -> Option<Range<usize>> {
    let article = article_before(text, at)?;
    match &text[article.clone()] {
        "a" | "an" | "AN" => Some(article),
        _ if starts_sentence_or_markup(&text[..article.start]) => Some(article),
        _ => None,
    }
}

/// Whether a capital "A" or "An" after `before` is surely an article: where a sentence starts
/// (see [`starts_sentence`]) or right after a tag, which in a file of markup starts a segment
/// or a paragraph ("<p>An origin certificate", "<target>A motor"): a label ("Grade A") or a
/// name ("Director An") follows a word.
fn starts_sentence_or_markup(before: &str) -> bool {
    starts_sentence(before) || before.ends_with('>')
}

/// Determiners, which start a noun phrase: after a verb's form in "-s", its object ("states
/// the", "bears its"); after a plural noun, seldom (a relative clause without "that").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "our", "your", "my",
    "each", "every",
];

/// Whether `word` (small letters), right after a noun phrase, is a verb of which the phrase is
/// the subject, or a participle opening a clause about it ("The lading bill named the
/// consignee", "An origin certificate issued under the RCEP"), not a noun that the phrase
/// modifies ("the lading bill number", "a ship seizure order"). Told by the regular forms
/// English gives a verb (see [`verb_forms`]): a past or participle in "-ed", which no noun
/// is; or, after a singular subject (`singular`) and before a determiner (`after`: "states
/// the"), a form in "-s", which is the plural of a noun as often ("ship seizure orders",
/// "costs"). A base form ("order", "report") is a noun as often as a verb, and a form in
/// "-ing" names an activity ("the ship seizure hearing"): both read as modified nouns. An
/// irregular past ("held", "bound") is not recognised: the dictionary gives no way back to
/// its verb.
fn verb_after_its_subject(word: &str, singular: bool, after: Option<&str>) -> bool {
    let form_of = |verb: &str| !verb.is_empty() && verb_forms(verb).iter().any(|f| f == word);
    if let Some(stem) = word.strip_suffix("ed") {
        // "named" of "name", "issued" of "issue", "applied" of "apply", "topped" of "top".
        let undoubled = stem
            .len()
            .checked_sub(1)
            .filter(|&i| i > 0 && stem.as_bytes()[i] == stem.as_bytes()[i - 1])
            .map(|i| &stem[..i]);
        let from_y = stem.strip_suffix('i').map(|s| format!("{s}y"));
        return form_of(stem)
            || form_of(&word[..word.len() - 1])
            || undoubled.is_some_and(form_of)
            || from_y.is_some_and(|v| form_of(&v));
    }
    if !singular || !after.is_some_and(|a| DETERMINERS.contains(&a)) {
        return false;
    }
    let Some(stem) = word.strip_suffix('s') else {
        return false;
    };
    // "names" of "name", "bears" of "bear", "passes" of "pass", "applies" of "apply".
    let from_y = stem.strip_suffix("ie").map(|s| format!("{s}y"));
    form_of(stem)
        || stem.strip_suffix('e').is_some_and(form_of)
        || from_y.is_some_and(|v| form_of(&v))
}

/// Whether text starting after `before` starts a sentence: at the start of the text or of a
/// paragraph, or after a full stop, question or exclamation mark.
fn starts_sentence(before: &str) -> bool {
    let trimmed = before.trim_end_matches(char::is_whitespace);
    if trimmed.is_empty() || trimmed.ends_with(['.', '!', '?']) {
        return true;
    }
    let gap = before[trimmed.len()..]
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    if gap.matches('\n').count() >= 2 {
        return true; // after a blank line: a new paragraph
    }
    // The first words after a heading marker or a list bullet on the same line.
    let line_start = trimmed.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    !gap.contains('\n')
        && matches!(
            trimmed[line_start..].trim_start(),
            "#" | "##" | "###" | "-" | "*" | "•"
        )
}

/// The replacement laid out like the found text: where the found text breaks a line between
/// two words, the replacement breaks the line between the same two words (counted from the
/// start), with the same whitespace, so the file keeps its number of lines and its line
/// endings. `None` when the replacement has too few words to place every break.
fn rewrap(found: &str, replacement: &str) -> Option<String> {
    if !found.contains(['\n', '\r']) {
        return Some(replacement.to_string());
    }
    let gaps: Vec<&str> = found
        .split(|c: char| !c.is_whitespace())
        .filter(|g| !g.is_empty())
        .collect();
    let words: Vec<&str> = replacement.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out = String::with_capacity(replacement.len() + 8);
    let breaks: Vec<(usize, &str)> = gaps
        .iter()
        .enumerate()
        .filter(|(_, g)| g.contains(['\n', '\r']))
        .map(|(i, g)| (i, *g))
        .collect();
    let last_gap = words.len().checked_sub(2)?;
    let mut placed: Vec<(usize, &str)> = Vec::new();
    for (i, gap) in breaks {
        let at = i.min(last_gap);
        if placed.iter().any(|(p, _)| *p == at) {
            return None;
        }
        placed.push((at, gap));
    }
    for (i, w) in words.iter().enumerate() {
        out.push_str(w);
        if i + 1 < words.len() {
            match placed.iter().find(|(p, _)| *p == i) {
                Some((_, gap)) => out.push_str(gap),
                None => out.push(' '),
            }
        }
    }
    Some(out)
}

/// Maps offsets in the file as stored to offsets in its decoded text (None: not on a
/// character boundary or past the end).
fn decoded_offsets(text: &str, detected: DetectedEncoding, file: &[u64]) -> Vec<Option<usize>> {
    let bom = detected.bom_len as u64;
    match detected.encoding {
        TextEncoding::Utf8 => file
            .iter()
            .map(|&o| {
                let d = usize::try_from(o.checked_sub(bom)?).ok()?;
                text.is_char_boundary(d).then_some(d)
            })
            .collect(),
        encoding @ (TextEncoding::Utf16Le | TextEncoding::Utf16Be | TextEncoding::Legacy(_)) => {
            let mut order: Vec<usize> = (0..file.len()).collect();
            order.sort_by_key(|&i| file[i]);
            let mut out = vec![None; file.len()];
            let mut chars = text.char_indices();
            let mut at_file = bom;
            let mut at_text = 0;
            for i in order {
                let want = file[i];
                while at_file < want {
                    match chars.next() {
                        Some((_, c)) => {
                            at_file += encoding.encoded_len(c);
                            at_text += c.len_utf8();
                        }
                        None => break,
                    }
                }
                if at_file == want {
                    out[i] = Some(at_text);
                }
            }
            out
        }
    }
}

/// Whether a deprecated or forbidden rendering's correction has the number of the text: the
/// head of the found text and that of the correction are in one number ("e-mails" corrected by
/// "emails", "dispersal stairs" by "evacuation staircases"). The suggestion is the preferred
/// rendering as listed where it cannot be put in the text's number (see [`correction`]): then
/// the words around it agree with a number the correction does not have ("Overtime wages
/// are"). True for every other finding.
fn corrected_in_number_found(f: &Finding, concept: Option<&Concept>) -> bool {
    if !matches!(f.rule, Rule::ForbiddenTerm | Rule::DeprecatedTerm)
        || number_of_head(&f.found) == number_of_head(&f.expected)
    {
        return true;
    }
    // As `correction` reads them: a word the dictionary does not know has no known number
    // ("inputdata"), unless the text inflected a banned rendering ("applets" of "applet"): the
    // match knows its number then, whatever the dictionary lacks. A Latin or Greek plural is
    // as often a mass noun ("data", "media").
    let head = |s: &str| {
        let phrase = s.split_whitespace().collect::<Vec<_>>().join(" ");
        split_head(&phrase).1.to_lowercase()
    };
    let (found, expected) = (head(&f.found), head(&f.expected));
    let number_known = is_english_word(&found) || concept.is_some_and(|c| inflected_in_text(c, f));
    !number_known || classical_plural(&expected) || holds_another_head(&f.expected, &found)
}

/// Whether the text of a deprecated or forbidden finding of `concept` is a banned rendering
/// inflected, not one as listed: the plural of its head ("applets" for a listed "applet"), as
/// the matcher finds it (see [`variants_in_plural`]).
fn inflected_in_text(concept: &Concept, f: &Finding) -> bool {
    let found = normalize_key(&f.found, true);
    let banned = || {
        concept
            .renderings
            .iter()
            .filter(|r| !r.status.is_approved())
    };
    !banned().any(|r| normalize_key(&r.text, true) == found)
        && banned().any(|r| variants_in_plural(&normalize_key(&r.text, true)).contains(&found))
}

/// Whether `rendering` has `head` (small letters), the head of the rendering it corrects, as a
/// word that is not its own head: "cases" in "majority of cases" for "majority-of cases". The
/// two renderings' numbers are then carried by different words, and the word the text
/// inflected is kept as it is.
fn holds_another_head(rendering: &str, head: &str) -> bool {
    let phrase = rendering.split_whitespace().collect::<Vec<_>>().join(" ");
    let own = split_head(&phrase).1.to_lowercase();
    own != head && word_spans(&phrase).any(|(_, w)| w.to_lowercase() == head)
}

/// Whether `word` (small letters) is a Latin or Greek plural ("data", "media", "criteria").
fn classical_plural(word: &str) -> bool {
    in_number(word, Number::Singular)
        .is_some_and(|one| one != word && classical_numbers_of_one_word(word, &one))
}

/// The number a rendering (as written) is in: that of its head (see [`split_head`]). A word in
/// "-ics" names a field or an activity, in the singular ("analytics", "logistics", "physics"),
/// though its singular without the "s" may be a word.
fn number_of_head(rendering: &str) -> Number {
    let phrase = rendering.split_whitespace().collect::<Vec<_>>().join(" ");
    let (_, head, _) = split_head(&phrase);
    let head = head.to_lowercase();
    if head.ends_with("ics") {
        Number::Singular
    } else {
        number_of(&head)
    }
}

/// What a deprecated or forbidden rendering `listed` of `concept`, found in the text as `found`
/// (as written), is corrected to: the concept's preferred rendering,
/// - in the spelling of the text where the text writes `listed` in the other British or
///   American spelling and the preferred rendering has the same words ("Labour Dispute
///   Arbitration Commission" where the glossary bans "Labor Dispute Arbitration Committee" and
///   prefers "Labor Dispute Arbitration Commission", and the text has "Labour Dispute
///   Arbitration Committee"): the document's spelling, which the glossary's listing of the
///   error does not choose;
/// - in the number of the text, where the preferred rendering's head is in the other one: the
///   number of the form found (`inflected`, for a form matched in the other number than listed:
///   "e-mails", "50 Golden Coins"), else the number `listed` is written in ("dispersal stairs"
///   for "evacuation staircase"), so that the words around it still agree with it. Where the
///   preferred rendering cannot be put in that number safely (see [`in_number_of_text`]), it is
///   left as listed, and `fix` leaves the finding for a person.
///
/// A banned abbreviation found in capitals ("CCP", "OBOR") is corrected by the concept's first
/// approved abbreviation where it has one ("CPC", "BRI"): the text chose the short form, and
/// the words around it were written for one ("the CCP leadership" is "the CPC leadership",
/// not "the Communist Party of China leadership").
pub fn correction(
    concept: &Concept,
    listed: &str,
    found: &str,
    inflected: Option<Number>,
) -> String {
    if is_abbreviation(listed) && is_abbreviation(found) {
        let approved = concept.renderings.iter().filter(|r| r.status.is_approved());
        if let Some(short) = approved
            .map(|r| r.text.as_str())
            .find(|r| is_abbreviation(r))
        {
            return short.to_string();
        }
    }
    let preferred = respelled_as(concept.preferred(), listed, found);
    let number = inflected.unwrap_or_else(|| number_of_head(listed));
    if number_of_head(&preferred) == number {
        return preferred;
    }
    match in_number_of_text(&preferred, listed, number, inflected.is_some()) {
        // The preferred rendering put in a banned rendering's number may be that very rendering:
        // where the glossary bans "mixed double" for "mixed doubles", the number is what it
        // rejects, and the correction keeps the number the glossary prefers.
        Some(inflected) if !is_banned_or_found(concept, &inflected, found) => inflected,
        _ => preferred,
    }
}

/// Whether `correction` is what the text wrote or a rendering the glossary bans, as the
/// matcher compares words (case and spacing aside).
fn is_banned_or_found(concept: &Concept, correction: &str, found: &str) -> bool {
    let key = crate::normalize::normalize_key(correction, true);
    key == crate::normalize::normalize_key(found, true)
        || concept
            .renderings
            .iter()
            .filter(|r| !r.status.is_approved())
            .any(|r| crate::normalize::normalize_key(&r.text, true) == key)
}

/// Whether `text` is an abbreviation written in capitals: one word ("CPC", "ASEAN+3", "G20")
/// of at least two letters or digits, every letter a capital.
fn is_abbreviation(text: &str) -> bool {
    !text.contains(char::is_whitespace)
        && text.chars().filter(|c| c.is_alphanumeric()).count() >= 2
        && text.chars().any(char::is_alphabetic)
        && text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// `preferred` (a deprecated or forbidden rendering `listed`'s correction) in `number`, the
/// text's, if it can be put in it safely:
/// - where the text inflected `listed` itself (`inflected`), the text counts the thing, and its
///   preferred rendering is put in the number as [`in_number`] puts a common noun, and so is a
///   name after a count ("50 Gold Coins" for "50 Golden Coins", see
///   [`crate::matcher::TermMatcher`]): its head, a capitalised English word, keeps its capital;
/// - where `listed` is written in the other number than the preferred rendering, the glossary
///   chose that number, not the text: the two heads may be two words of which one is countable
///   and the other not ("overtime wages" and "overtime pay"). The preferred rendering's head is
///   inflected only when `listed`'s head is an English word (one the dictionary does not know
///   has no known number: "inputdata"), and the preferred head is the same word as it, or a
///   noun only: a word that is a verb too (its "-ing" form is English: "paying") has a form in
///   "-s" that is the verb's ("pays"), so the dictionary vouches for no plural noun; and a Latin
///   or Greek plural, as often a mass noun ("data", "media"), is not put in the singular.
///   A head of another word that is a verb too is not put in the plural where the text
///   inflected `listed` either: the banned word is countable ("overtime fees"), the preferred
///   one may not be ("overtime pay", not "overtime pays").
fn in_number_of_text(
    preferred: &str,
    listed: &str,
    number: Number,
    inflected: bool,
) -> Option<String> {
    let (before, head, after) = split_head(preferred);
    let head_word = head.to_lowercase();
    let listed_phrase = listed.split_whitespace().collect::<Vec<_>>().join(" ");
    let (_, listed_head, _) = split_head(&listed_phrase);
    let listed_head = listed_head.to_lowercase();
    // However the number is known, another head than the banned one may be a mass noun that
    // is a verb too, whose form in "-s" is the verb's: "overtime fees" counts fees, but
    // "overtime pays" is no plural of "overtime pay".
    if inflected && number == Number::Plural && also_a_verb(&lemma(&head_word)) {
        // The same word, hyphenated or spelt otherwise ("e-mail" and "email"), is countable
        // as the text counts it.
        let last_word = |phrase: &str| {
            phrase
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .replace('-', "")
                .to_lowercase()
        };
        let (listed_word, preferred_word) = (last_word(&listed_phrase), last_word(preferred));
        let one_word = same_lemma(&listed_head, &head_word)
            || same_lemma(&listed_word, &preferred_word)
            || crate::spelling::same_word_spelled_differently(&listed_word, &preferred_word);
        if !one_word {
            return None;
        }
    }
    if !inflected {
        // A word the dictionary does not know ("inputdata" of "input data") reads as singular
        // for want of a plural ending: its number is unknown.
        if !is_english_word(&listed_head) {
            return None;
        }
        if !same_lemma(&listed_head, &head_word) && also_a_verb(&lemma(&head_word)) {
            return None;
        }
        if holds_another_head(preferred, &listed_head) {
            return None;
        }
        // A Latin or Greek plural is as often a mass noun ("data", "media"): no singular.
        if number == Number::Singular && classical_plural(&head_word) {
            return None;
        }
        // Nor a plural of a singular that may be a mass noun, which neither the dictionary nor
        // the glossary tells: "hardware docs" is corrected by "hardware documentation", never
        // "documentations" (the dictionary lists that too); the text's words around it are
        // left for a person.
        if number == Number::Plural {
            return None;
        }
    }
    if let Some(inflected) = in_number(preferred, number) {
        return Some(inflected);
    }
    // A name's head, capitalised as a word ("Coin"), where the text counts the name.
    let mut letters = head.chars();
    let capitalised = letters.next().is_some_and(|c| c.is_ascii_uppercase())
        && letters.all(|c| c.is_ascii_lowercase());
    if !capitalised || !head_is_capitalised(listed) || named_in_another_language(preferred) {
        return None;
    }
    let word = in_number(&head_word, number)?;
    Some(format!("{before}{}{after}", in_capitals_of(head, &word)))
}

/// Whether `word` (a singular, in small letters) is a verb too: its "-ing" form, with a final
/// "e" dropped or the last consonant doubled as English spells it, is an English word.
fn also_a_verb(word: &str) -> bool {
    let dropped = word.strip_suffix('e').filter(|stem| !stem.ends_with('e'));
    let doubled = word
        .chars()
        .next_back()
        .filter(|c| c.is_ascii_alphabetic() && !"aeiouwxy".contains(*c))
        .map(|c| format!("{word}{c}ing"));
    is_english_word(&format!("{word}ing"))
        || dropped.is_some_and(|stem| is_english_word(&format!("{stem}ing")))
        || doubled.is_some_and(|w| is_english_word(&w))
}

/// The words of `text` (runs of word characters) with their byte offsets.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + text[at..].find(is_word_char)?;
        let end = text[start..]
            .find(|c: char| !is_word_char(c))
            .map_or(text.len(), |e| start + e);
        at = end;
        Some((start, &text[start..end]))
    })
}

/// `preferred` with its words written in the spellings `found` has where it respells `listed`
/// (British for American or back): each word of `preferred` that is a spelling of such a word of
/// `found`, in the same number, takes its spelling, in the capitals `preferred` gives it.
fn respelled_as(preferred: &str, listed: &str, found: &str) -> String {
    let lower_words = |s: &str| -> Vec<String> {
        s.split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let listed_words = lower_words(listed);
    let departed: Vec<String> = lower_words(found)
        .into_iter()
        .filter(|w| !listed_words.contains(w))
        .filter(|w| {
            let families = families_in_either_number(w);
            !families.is_empty()
                && listed_words.iter().any(|l| {
                    families_in_either_number(l)
                        .iter()
                        .any(|f| families.contains(f))
                })
        })
        .collect();
    if departed.is_empty() {
        return preferred.to_string();
    }
    let mut out = String::with_capacity(preferred.len() + 4);
    let mut copied = 0;
    for (start, word) in word_spans(preferred) {
        let lower = word.to_lowercase();
        let Some(family) = spelling_family(&lower) else {
            continue;
        };
        let spelt = departed
            .iter()
            .find(|d| **d != lower && spelling_family(d) == Some(family));
        if let Some(spelt) = spelt {
            out.push_str(&preferred[copied..start]);
            out.push_str(&in_capitals_of(word, spelt));
            copied = start + word.len();
        }
    }
    out.push_str(&preferred[copied..]);
    out
}

/// The expected rendering written in the letter case of what it replaces: an ALL CAPS
/// headline stays all caps, Title Case stays title case, a sentence-initial capital stays;
/// in place of small letters the rendering is written as the glossary writes it. When the found text is written exactly as the glossary lists
/// it, or the concept is case-sensitive, the expected rendering is used as the glossary
/// writes it (an acronym is all caps because it is an acronym, not because it is shouting).
pub fn replacement_for(found: &str, expected: &str, concept: &Concept) -> String {
    if concept.case == CaseMode::Sensitive
        || concept
            .renderings
            .iter()
            .any(|r| collapse(&r.text) == collapse(found))
    {
        return expected.to_string();
    }
    match_case(found, expected)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The capitalisation of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CasePattern {
    /// Every letter upper case (at least two letters).
    Upper,
    /// Every letter lower case.
    Lower,
    /// Several words, each that is not a small word (of, the, and…) capitalised.
    Title,
    /// The first letter capitalised, not every word.
    Sentence,
    /// Anything else (camelCase, one capital inside).
    Mixed,
}

/// Words Title Case leaves in lower case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
];

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_word_char(c) && c != '\'' && c != '’')
        .filter(|w| w.chars().any(char::is_alphabetic))
}

/// Classifies the capitalisation of `s`.
pub fn case_pattern(s: &str) -> CasePattern {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let cased = |c: &char| c.is_uppercase() || c.is_lowercase();
    if !letters.iter().any(cased) {
        return CasePattern::Mixed;
    }
    if letters
        .iter()
        .filter(|c| cased(c))
        .all(|c| c.is_uppercase())
    {
        return if letters.len() >= 2 {
            CasePattern::Upper
        } else {
            CasePattern::Sentence
        };
    }
    if letters.iter().all(|c| !c.is_uppercase()) {
        return CasePattern::Lower;
    }
    // A hyphenated word is one word of a title, capitalised at its start: house styles
    // differ on the parts after a hyphen ("Try-out Period", "Non-Fixed Hours"), and each part
    // has a capital at most at its own start.
    let initial_only = |w: &str| {
        w.split('-')
            .all(|part| part.chars().skip(1).all(|c| !c.is_uppercase()))
    };
    let ws: Vec<&str> = s
        .split(|c: char| !is_word_char(c) && !matches!(c, '\'' | '’' | '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if !ws.iter().all(|w| initial_only(w)) {
        return CasePattern::Mixed;
    }
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if !capital(ws[0]) {
        return CasePattern::Mixed;
    }
    let rest_capital = ws[1..]
        .iter()
        .filter(|w| !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .all(|w| capital(w));
    if ws.len() >= 2 && rest_capital {
        CasePattern::Title
    } else {
        CasePattern::Sentence
    }
}

/// `expected` in the case pattern of `found`. Only Latin letters are recased in a rendering
/// written mostly in them: a Greek letter there is a symbol with a case of its own ("β-catenin"
/// in capitals is "β-CATENIN"; "Β" would read as a Latin B).
pub fn match_case(found: &str, expected: &str) -> String {
    match case_pattern(found) {
        CasePattern::Upper => {
            let keep = keeps_other_scripts_case(expected);
            let mut out = String::with_capacity(expected.len());
            for c in expected.chars() {
                if keep && !is_latin_letter(c) {
                    out.push(c);
                } else {
                    out.extend(c.to_uppercase());
                }
            }
            out
        }
        // Text in small letters keeps the rendering's capitals: those of a name are its
        // spelling, and a common noun has none.
        CasePattern::Lower => expected.to_string(),
        CasePattern::Sentence => capitalize_first(expected),
        CasePattern::Title => title_case(expected),
        CasePattern::Mixed => expected.to_string(),
    }
}

/// Whether `text` has more Latin letters than letters of other scripts: then only its Latin
/// letters take the capitals of the text it replaces, and the others keep their case.
fn keeps_other_scripts_case(text: &str) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if is_latin_letter(c) {
            latin += 1;
        } else {
            other += 1;
        }
    }
    latin > other
}

/// Whether `c` is a letter of the Latin script (basic, accented, extended, full-width).
fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic()
        && matches!(c,
            'A'..='Z'
            | 'a'..='z'
            | '\u{00C0}'..='\u{024F}'
            | '\u{1E00}'..='\u{1EFF}'
            | '\u{2C60}'..='\u{2C7F}'
            | '\u{A720}'..='\u{A7FF}'
            | '\u{AB30}'..='\u{AB6F}'
            | '\u{FF21}'..='\u{FF3A}'
            | '\u{FF41}'..='\u{FF5A}')
}

/// `s` with its first letter capitalised, unless that letter is of another script in a
/// rendering mostly in Latin letters ("β-catenin" starts a sentence as it is).
fn capitalize_first(s: &str) -> String {
    capitalize_first_letter(s, keeps_other_scripts_case(s))
}

/// `s` with its first letter capitalised, unless it is of another script than Latin and
/// `keep_other_scripts` is set.
fn capitalize_first_letter(s: &str, keep_other_scripts: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut done = false;
    for c in s.chars() {
        if !done && c.is_alphabetic() {
            if keep_other_scripts && !is_latin_letter(c) {
                out.push(c);
            } else {
                out.extend(c.to_uppercase());
            }
            done = true;
        } else {
            out.push(c);
        }
    }
    out
}

/// Capitalises the first letter of every word but small ones (kept as the glossary writes
/// them); other letters stay as written, so "ACFTU" and "McDonald" survive, and so does the
/// case of a letter of another script in a rendering mostly in Latin letters. The parts of a
/// hyphenated word after the first are capitalised only in a rendering the glossary writes in
/// small letters ("All-China Federation" of "all-china federation"): one with capitals of its
/// own keeps them ("Lin-gang Special Area", an official name).
fn title_case(s: &str) -> String {
    let keep = keeps_other_scripts_case(s);
    let hyphen_parts = !s.chars().any(char::is_uppercase);
    let mut out = String::with_capacity(s.len());
    let mut first_word = true;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, first_word: &mut bool| {
        if word.is_empty() {
            return;
        }
        if !*first_word && SMALL_WORDS.contains(&word.to_lowercase().as_str()) {
            out.push_str(word);
        } else {
            out.push_str(&capitalize_first_letter(word, keep));
        }
        *first_word = false;
        word.clear();
    };
    for c in s.chars() {
        if c.is_whitespace() || (c == '-' && hyphen_parts) {
            flush(&mut word, &mut out, &mut first_word);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out, &mut first_word);
    out
}

/// `text` with `edits` (sorted, not overlapping) applied.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.range.start]);
        out.push_str(&e.replacement);
        at = e.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Encodes `text` the way the file it came from was: same encoding, same byte-order mark.
pub fn encode(text: &str, detected: DetectedEncoding) -> Vec<u8> {
    let bom = detected.bom_len > 0;
    match detected.encoding {
        TextEncoding::Utf8 => {
            let mut out = Vec::with_capacity(text.len() + 3);
            if bom {
                out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
            }
            out.extend_from_slice(text.as_bytes());
            out
        }
        TextEncoding::Utf16Le => {
            let mut out: Vec<u8> = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
            out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            out
        }
        TextEncoding::Utf16Be => {
            let mut out: Vec<u8> = if bom { vec![0xFE, 0xFF] } else { Vec::new() };
            out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
            out
        }
        // Text read in a legacy encoding came from it, so it encodes back without loss.
        TextEncoding::Legacy(encoding) => encoding.encode(text).0.into_owned(),
    }
}

/// Splits text into lines, each with its line ending (LF, CRLF or CR).
fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&text[start..=i]);
                start = i + 1;
            }
            b'\r' => {
                let end = if bytes.get(i + 1) == Some(&b'\n') {
                    i + 1
                } else {
                    i
                };
                out.push(&text[start..=end]);
                i = end;
                start = end + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Lines of context around each change in a unified diff.
const DIFF_CONTEXT: usize = 3;

/// A unified diff (`--- a/PATH`, `+++ b/PATH`, hunks) from `old` to `new`, which have the same
/// number of lines (fixes never add or remove a line break). Empty when they are equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let old_lines = lines(old);
    let new_lines = lines(new);
    assert_eq!(
        old_lines.len(),
        new_lines.len(),
        "fixes keep the number of lines"
    );
    let changed: Vec<usize> = (0..old_lines.len())
        .filter(|&i| old_lines[i] != new_lines[i])
        .collect();
    if changed.is_empty() {
        return String::new();
    }
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    let mut hunks: Vec<(usize, usize)> = Vec::new();
    for &i in &changed {
        let start = i.saturating_sub(DIFF_CONTEXT);
        let end = (i + DIFF_CONTEXT + 1).min(old_lines.len());
        match hunks.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => hunks.push((start, end)),
        }
    }
    // Each line with its own ending (CRLF stays CRLF, so that `patch` and `git apply` take
    // the diff); a last line without one is marked as diff marks it.
    let emit = |out: &mut String, prefix: char, line: &str| {
        out.push(prefix);
        out.push_str(line);
        if !line.ends_with(['\n', '\r']) {
            out.push_str("\n\\ No newline at end of file\n");
        }
    };
    for (start, end) in hunks {
        let n = end - start;
        out.push_str(&format!("@@ -{},{n} +{},{n} @@\n", start + 1, start + 1));
        let mut i = start;
        while i < end {
            if old_lines[i] == new_lines[i] {
                emit(&mut out, ' ', old_lines[i]);
                i += 1;
                continue;
            }
            // A run of changed lines: the old ones, then the new ones.
            let run_end = (i..end)
                .find(|&k| old_lines[k] == new_lines[k])
                .unwrap_or(end);
            for line in &old_lines[i..run_end] {
                emit(&mut out, '-', line);
            }
            for line in &new_lines[i..run_end] {
                emit(&mut out, '+', line);
            }
            i = run_end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text read as UTF-8 without a byte-order mark.
    const UTF8: DetectedEncoding = DetectedEncoding {
        encoding: TextEncoding::Utf8,
        bom_len: 0,
    };

    #[track_caller]
    fn case(found: &str, expected: &str, want: &str) {
        assert_eq!(match_case(found, expected), want, "{found:?}");
    }

    #[test]
    fn replacements_keep_the_case_pattern() {
        let fed = "Shanghai Federation of Trade Unions";
        case(
            "MUNICIPAL GENERAL ASSEMBLY",
            fed,
            "SHANGHAI FEDERATION OF TRADE UNIONS",
        );
        case("Municipal General Assembly", fed, fed);
        case("Municipal general assembly", fed, fed);
        // Small letters say nothing of a name's capitals: they stay.
        case("municipal general assembly", fed, fed);
        case("e-mails", "emails", "emails");
        case(
            "Municipal General Assembly",
            "trade union of workers",
            "Trade Union of Workers",
        );
        case(
            "Municipal assembly",
            "trade union of workers",
            "Trade union of workers",
        );
        case("CAMCE", "Workercn", "WORKERCN");
        case("Camce", "workercn", "Workercn");
        case("ShangHai", "Workercn", "Workercn");
        case(
            "Title Of the Thing",
            "all-china federation",
            "All-China Federation",
        );
    }

    #[test]
    fn letters_of_other_scripts_in_a_latin_rendering_keep_their_case() {
        case("BETA-CATENIN", "β-catenin", "β-CATENIN");
        case("Beta-catenin", "β-catenin", "β-catenin");
        case("TNF ALPHA", "TNF-α receptor", "TNF-α RECEPTOR");
        case("Kappa Light Chain", "κ light chain", "κ Light Chain");
        case("MICRO RNA", "μRNA", "μRNA");
        // Latin letters are recased as ever, accented ones and "ß" too.
        case("CAFE", "café crème", "CAFÉ CRÈME");
        case("STRASSE", "straße", "STRASSE");
        case("Naive bayes", "naïve Bayes", "Naïve Bayes");
        // A rendering mostly in another script takes the capitals of the text.
        case("ALPHA", "αλφα", "ΑΛΦΑ");
        case("Alpha", "αλφα", "Αλφα");
        case("ΑΛΦΑ ΒΗΤΑ", "άλφα βήτα", "ΆΛΦΑ ΒΉΤΑ");
        assert_eq!(capitalize_first("β-catenin staining"), "β-catenin staining");
        assert_eq!(capitalize_first("beta-catenin"), "Beta-catenin");
        assert_eq!(capitalize_first("αλφα"), "Αλφα");
    }

    fn finding(rule: Rule, text: &str, found: &str, expected: &str) -> Finding {
        let start = text.find(found).expect("found in text");
        let at = |offset: usize| crate::location::Location {
            line: 1,
            column: offset as u64 + 1,
            byte_offset: offset as u64,
        };
        Finding {
            rule,
            severity: rule.info().severity,
            concept: "c".into(),
            found: found.into(),
            expected: expected.into(),
            message: String::new(),
            note: String::new(),
            context: String::new(),
            start: at(start),
            end: at(start + found.len()),
            excerpt: Default::default(),
            score: None,
            unit: None,
        }
    }

    #[test]
    fn text_written_across_markup_or_escapes_is_told_from_changed_text() {
        for (held, found) in [
            ("Night</g> Mode", "Night Mode"),
            ("<g id=\"1\">Night</g> Mode", "Night Mode"),
            ("Night&#160;Mode", "Night\u{a0}Mode"),
            ("Night&nbsp;Mode", "Night Mode"),
            ("Trade &amp; Union", "Trade & Union"),
            ("Night\\\"Mode", "Night\"Mode"),
            (
                "transmission <bpt id=\"6\">&lt;b&gt;</bpt>belt",
                "transmission belt",
            ),
            ("Night<ph id=\"1\">&lt;br/&gt;</ph> Mode", "Night Mode"),
        ] {
            assert!(reads_through_markup_as(held, found), "{held:?} / {found:?}");
        }
        for (held, found) in [
            ("Night Mode", "Night Mode"),
            ("Day</g> Mode", "Night Mode"),
            ("Night&#160;Mod", "Night\u{a0}Mode"),
            ("<br/>", ""),
            ("Night < Mode", "Night Mode"),
            // Only a native code's content is markup.
            ("Night<g id=\"1\">Day</g> Mode", "Night Mode"),
        ] {
            assert!(
                !reads_through_markup_as(held, found),
                "{held:?} / {found:?}"
            );
        }
    }

    #[track_caller]
    fn corrected(glossary: &str, listed: &str, found: &str, inflected: Option<Number>) -> String {
        let glossary = Glossary::from_csv_text(glossary, "g.csv").unwrap();
        correction(&glossary.concepts[0], listed, found, inflected)
    }

    #[test]
    fn a_banned_abbreviation_is_corrected_by_an_approved_one() {
        let cpc = "id,preferred,admitted,deprecated\n\
                   cpc,Communist Party of China,CPC|C.P.C,Chinese Communist Party|CCP\n";
        assert_eq!(corrected(cpc, "CCP", "CCP", None), "CPC");
        // Not an abbreviation found, or not a banned abbreviation.
        assert_eq!(
            corrected(cpc, "CCP", "Ccp", None),
            "Communist Party of China"
        );
        assert_eq!(
            corrected(
                cpc,
                "Chinese Communist Party",
                "CHINESE COMMUNIST PARTY",
                None
            ),
            "Communist Party of China"
        );
        // No approved abbreviation: the preferred rendering.
        let bri = "id,preferred,admitted,forbidden\n\
                   bri,Belt and Road Initiative,Belt and Road,OBOR\n";
        assert_eq!(
            corrected(bri, "OBOR", "OBOR", None),
            "Belt and Road Initiative"
        );
        // The preferred rendering first, when it is one.
        let asean = "id,preferred,admitted,deprecated\n\
                     asean,ASEAN,Association of Southeast Asian Nations|ASN,ASEN\n";
        assert_eq!(corrected(asean, "ASEN", "ASEN", None), "ASEAN");
        for (text, abbreviation) in [
            ("CPC", true),
            ("ASEAN+3", true),
            ("G20", true),
            ("PLA's", false),
            ("Cpc", false),
            ("UN Charter", false),
            ("X", false),
            ("2024", false),
        ] {
            assert_eq!(is_abbreviation(text), abbreviation, "{text}");
        }
    }

    #[test]
    fn a_banned_rendering_that_is_the_preferred_one_in_the_other_number_keeps_the_preferred_number()
    {
        // The number is what the glossary rejects: the correction is never the banned form.
        let doubles = "id,preferred,forbidden\nd,mixed doubles,mixed double\n";
        assert_eq!(
            corrected(doubles, "mixed double", "mixed double", None),
            "mixed doubles"
        );
        let games = "id,preferred,deprecated\ng,Olympic Games,Olympic Game|Olympiad Games\n";
        assert_eq!(
            corrected(games, "Olympic Game", "Olympic Game", None),
            "Olympic Games"
        );
        // Another banned word in the other number is still corrected in the text's number.
        let deputies = "id,preferred,deprecated\nd,deputies,representatives\n";
        assert_eq!(
            corrected(
                deputies,
                "representatives",
                "representative",
                Some(Number::Singular)
            ),
            "deputy"
        );
        let stairs = "id,preferred,forbidden\ns,staircases,stairs\n";
        assert_eq!(corrected(stairs, "stairs", "stairs", None), "staircases");
    }

    #[test]
    fn a_correction_takes_the_number_of_the_text() {
        // The glossary's plural of a banned rendering does not make the correction plural:
        // its singular may be a mass noun.
        let stairs = "id,preferred,forbidden\ns,evacuation staircase,dispersal stairs\n";
        assert_eq!(
            corrected(stairs, "dispersal stairs", "Dispersal stairs", None),
            "evacuation staircase"
        );
        assert_eq!(
            corrected(
                stairs,
                "dispersal stair",
                "dispersal stairs",
                Some(Number::Plural)
            ),
            "evacuation staircases"
        );
        // A head that may be uncountable (a verb too: "pays" is the verb's) stays as listed.
        let pay = "id,preferred,deprecated\np,overtime pay,overtime wages\n";
        assert_eq!(
            corrected(pay, "overtime wages", "Overtime wages", None),
            "overtime pay"
        );
        // So where the text counts the banned rendering's head, a word of its own ("fees"):
        // the preferred head, another word, may be a mass noun ("pays" is the verb's).
        let fee = "id,preferred,forbidden\np,overtime pay,overtime fee\n";
        assert_eq!(
            corrected(fee, "overtime fee", "overtime fees", Some(Number::Plural)),
            "overtime pay"
        );
        // The banned head itself, in the text's number, is the same word as the preferred
        // one: put in the plural (a noun only, "staircase", is too: see above).
        let pays = "id,preferred,forbidden\np,overtime pay,over-time pay\n";
        assert_eq!(
            corrected(
                pays,
                "over-time pay",
                "over-time pays",
                Some(Number::Plural)
            ),
            "overtime pays"
        );
        // A mass noun has no plural the dictionary knows: the glossary's "docs" stay
        // "documentation" (only "documentations" would follow the number).
        let docs = "id,preferred,forbidden\nd,hardware documentation,hardware docs\n";
        assert_eq!(
            corrected(docs, "hardware docs", "hardware docs", None),
            "hardware documentation"
        );
        // A plural the text makes of the banned rendering itself: the text counts the thing.
        let email = "id,preferred,deprecated\ne,email,e-mail\n";
        assert_eq!(
            corrected(email, "e-mail", "e-mails", Some(Number::Plural)),
            "emails"
        );
        // A name in the plural after a count: its capitalised head keeps its capital.
        let coin = "id,preferred,forbidden\nc,Gold Coin,Golden Coin\n";
        assert_eq!(
            corrected(coin, "Golden Coin", "Golden Coins", Some(Number::Plural)),
            "Gold Coins"
        );
        assert_eq!(
            corrected(coin, "Golden Coin", "Golden Coin", None),
            "Gold Coin"
        );
        // A common noun found in the plural corrected by a name: a name's head carries no
        // number where nothing counts it.
        let ftu =
            "id,preferred,forbidden\nf,Shanghai Federation of Trade Unions,municipal assembly\n";
        assert_eq!(
            corrected(
                ftu,
                "municipal assembly",
                "municipal assemblies",
                Some(Number::Plural)
            ),
            "Shanghai Federation of Trade Unions"
        );
        // A word the dictionary does not know has no known number, and a classical plural is
        // as often a mass noun: neither is put in the singular.
        let data = "id,preferred,forbidden\nd,input data,inputdata\n";
        assert_eq!(
            corrected(data, "inputdata", "Inputdata", None),
            "input data"
        );
        let media = "id,preferred,forbidden\nm,physical media,physical medium\n";
        assert_eq!(
            corrected(media, "physical medium", "physical medium", None),
            "physical media"
        );
        // The word that carries the variant's number is in the preferred rendering, where
        // another word carries it: kept as it is.
        let most = "id,preferred,forbidden\nm,majority of cases,majority-of cases\n";
        assert_eq!(
            corrected(most, "majority-of cases", "majority-of cases", None),
            "majority of cases"
        );
        // A word in "-ics" is singular.
        let analytics = "id,preferred,forbidden\na,data analysis,data analytics\n";
        assert_eq!(
            corrected(analytics, "data analytics", "data analytics", None),
            "data analysis"
        );
    }

    #[test]
    fn a_correction_follows_the_spelling_the_text_departs_to() {
        let us = "id,preferred,forbidden\n\
                  a,Labor Dispute Arbitration Commission,Labor Dispute Arbitration Committee\n";
        let listed = "Labor Dispute Arbitration Committee";
        assert_eq!(
            corrected(us, listed, "Labour Dispute Arbitration Committee", None),
            "Labour Dispute Arbitration Commission"
        );
        assert_eq!(
            corrected(us, listed, "LABOUR DISPUTE ARBITRATION COMMITTEE", None),
            "Labour Dispute Arbitration Commission"
        );
        // Found as listed: the glossary's spelling of the preferred rendering.
        assert_eq!(
            corrected(us, listed, listed, None),
            "Labor Dispute Arbitration Commission"
        );
        let uk = "id,preferred,forbidden\nl,Labour Contract Law,Labor Contract Act\n";
        assert_eq!(
            corrected(uk, "Labor Contract Act", "Labour Contract Act", None),
            "Labour Contract Law"
        );
        assert_eq!(
            corrected(uk, "Labor Contract Act", "Labor Contract Act", None),
            "Labour Contract Law"
        );
    }

    #[test]
    fn a_correction_that_cannot_take_the_number_of_the_text_is_left() {
        let glossary = Glossary::from_csv_text("id,preferred\nc,x\n", "g.csv").unwrap();
        let left = |text: &str, found: &str, expected: &str| {
            let findings = vec![finding(Rule::DeprecatedTerm, text, found, expected)];
            let plan = plan(text, UTF8, &findings, &glossary);
            (apply(text, &plan.edits), plan.left.first().map(|l| l.1))
        };
        let text = "Overtime wages are not payable.";
        assert_eq!(
            left(text, "Overtime wages", "overtime pay"),
            (text.to_string(), Some(LeftReason::InPlural))
        );
        assert_eq!(
            left(
                "Dispersal stairs must be lit.",
                "Dispersal stairs",
                "evacuation staircase"
            ),
            (
                "Dispersal stairs must be lit.".to_string(),
                Some(LeftReason::InPlural)
            )
        );
        assert_eq!(
            left("Overtime wage is paid.", "Overtime wage", "overtime pay"),
            ("Overtime pay is paid.".to_string(), None)
        );
        assert_eq!(
            left("The inputdata is read.", "inputdata", "input data"),
            ("The input data is read.".to_string(), None)
        );
        assert_eq!(
            left(
                "the majority-of cases are",
                "majority-of cases",
                "majority of cases"
            ),
            ("the majority of cases are".to_string(), None)
        );
        assert_eq!(
            left(
                "The physical medium is",
                "physical medium",
                "physical media"
            ),
            ("The physical media is".to_string(), None)
        );
    }

    #[test]
    fn a_hyphenated_word_is_one_word_of_a_title() {
        for found in [
            "Try-out Period",
            "Non-fixed Working Hour System",
            "Non-Fixed Working Hour System",
            "Work-Life Balance",
        ] {
            assert_eq!(case_pattern(found), CasePattern::Title, "{found}");
        }
        assert_eq!(case_pattern("Try-out period"), CasePattern::Sentence);
        assert_eq!(case_pattern("Try-OUT Period"), CasePattern::Mixed);
        assert_eq!(case_pattern("the Try-out Period"), CasePattern::Mixed);
        case("Try-out Period", "probation period", "Probation Period");
        // A rendering with capitals of its own keeps them after a hyphen; one in small letters
        // is capitalised in every part.
        case(
            "Lingang Special Area",
            "Lin-gang Special Area",
            "Lin-gang Special Area",
        );
        case(
            "Lin Gang Area",
            "all-china federation",
            "All-China Federation",
        );
        case(
            "LINGANG SPECIAL AREA",
            "Lin-gang Special Area",
            "LIN-GANG SPECIAL AREA",
        );
    }

    #[test]
    fn a_variant_modifying_the_next_noun_is_left_when_its_correction_cannot() {
        let glossary = Glossary::from_csv_text("id,preferred\nc,x\n", "g.csv").unwrap();
        let fix = |text: &str, found: &str, expected: &str| {
            let findings = vec![finding(Rule::DeprecatedTerm, text, found, expected)];
            let plan = plan(text, UTF8, &findings, &glossary);
            (apply(text, &plan.edits), plan.left.first().map(|l| l.1))
        };
        let text = "Aerial work platforms must be inspected.";
        assert_eq!(
            fix(text, "Aerial work", "work at height"),
            (text.to_string(), Some(LeftReason::ModifiesTheNextWord))
        );
        for (text, found, expected, want) in [
            (
                "Aerial work is dangerous.",
                "Aerial work",
                "work at height",
                "Work at height is dangerous.",
            ),
            (
                "Aerial work at night.",
                "Aerial work",
                "work at height",
                "Work at height at night.",
            ),
            (
                "No aerial work, then.",
                "aerial work",
                "work at height",
                "No work at height, then.",
            ),
            (
                "Aerial work\nplatforms",
                "Aerial work",
                "work at height",
                "Work at height\nplatforms",
            ),
            // A correction ending with its head modifies a noun as well.
            (
                "The e-mail address is",
                "e-mail",
                "email",
                "The email address is",
            ),
            // So does a name.
            (
                "The Foreign Ministry spokesman",
                "Foreign Ministry",
                "Ministry of Foreign Affairs",
                "The Ministry of Foreign Affairs spokesman",
            ),
        ] {
            assert_eq!(
                fix(text, found, expected),
                (want.to_string(), None),
                "{text}"
            );
        }
    }

    #[test]
    fn a_verb_after_a_variant_is_no_noun_it_modifies() {
        let glossary = Glossary::from_csv_text("id,preferred\nc,x\n", "g.csv").unwrap();
        let fix = |text: &str, found: &str, expected: &str| {
            let findings = vec![finding(Rule::ForbiddenTerm, text, found, expected)];
            let plan = plan(text, UTF8, &findings, &glossary);
            (apply(text, &plan.edits), plan.left.first().map(|l| l.1))
        };
        for (text, found, expected, want) in [
            // A past or a participle in "-ed", regular as English spells it.
            (
                "The lading bill named the consignee.",
                "lading bill",
                "bill of lading",
                "The bill of lading named the consignee.",
            ),
            (
                "The ship seizure caused losses.",
                "ship seizure",
                "arrest of ship",
                "The arrest of ship caused losses.",
            ),
            (
                "An origin certificate issued under the treaty",
                "origin certificate",
                "certificate of origin",
                "A certificate of origin issued under the treaty",
            ),
            (
                "The lading bill stopped short.",
                "lading bill",
                "bill of lading",
                "The bill of lading stopped short.",
            ),
            (
                "The lading bill applied then.",
                "lading bill",
                "bill of lading",
                "The bill of lading applied then.",
            ),
            // A form in "-s" after a singular, with its object after it.
            (
                "The lading bill names the consignee.",
                "lading bill",
                "bill of lading",
                "The bill of lading names the consignee.",
            ),
            (
                "The lading bill bears its stamp.",
                "lading bill",
                "bill of lading",
                "The bill of lading bears its stamp.",
            ),
        ] {
            assert_eq!(
                fix(text, found, expected),
                (want.to_string(), None),
                "{text}"
            );
        }
        // Nouns, and words that may be nouns: the compound modifies them.
        for (text, found, expected) in [
            ("The lading bill number is", "lading bill", "bill of lading"),
            (
                "A ship seizure order was made.",
                "ship seizure",
                "arrest of ship",
            ),
            // A form in "-s" is a plural noun as often, without an object after it or after
            // a plural.
            (
                "The ship seizure orders were quashed.",
                "ship seizure",
                "arrest of ship",
            ),
            (
                "The ship seizures orders the",
                "ship seizures",
                "arrests of ship",
            ),
            // A form in "-ing" names an activity; "need" is no past of a verb "ne".
            (
                "The ship seizure hearing is",
                "ship seizure",
                "arrest of ship",
            ),
            ("The ship seizure need is", "ship seizure", "arrest of ship"),
            (
                "The ship seizure speed is",
                "ship seizure",
                "arrest of ship",
            ),
        ] {
            assert_eq!(
                fix(text, found, expected),
                (text.to_string(), Some(LeftReason::ModifiesTheNextWord)),
                "{text}"
            );
        }
    }

    #[test]
    fn a_variant_after_a_or_an_is_left_where_its_correction_may_be_a_mass_noun() {
        let fix = |glossary: &str, text: &str, found: &str, expected: &str| {
            let glossary = Glossary::from_csv_text(glossary, "g.csv").unwrap();
            let findings = vec![finding(Rule::ForbiddenTerm, text, found, expected)];
            let plan = plan(text, UTF8, &findings, &glossary);
            (apply(text, &plan.edits), plan.left.first().map(|l| l.1))
        };
        let plain = "id,preferred\nc,x\n";
        // Another head, not known to be counted: not in the dictionary, or a verb too, whose
        // form in "-s" the dictionary holds either way ("pays").
        for (text, found, expected) in [
            ("They claimed a delay fee of", "delay fee", "demurrage"),
            ("A delay fee was claimed.", "delay fee", "demurrage"),
            (
                "Staff got an overtime wage.",
                "overtime wage",
                "overtime pay",
            ),
        ] {
            assert_eq!(
                fix(plain, text, found, expected),
                (text.to_string(), Some(LeftReason::MayBeUncountable)),
                "{text}"
            );
        }
        for (glossary, text, found, expected, want) in [
            // No article, or a capital "A" that is no article.
            (
                plain,
                "They claimed the delay fee.",
                "delay fee",
                "demurrage",
                "They claimed the demurrage.",
            ),
            (
                plain,
                "They claimed delay fee.",
                "delay fee",
                "demurrage",
                "They claimed demurrage.",
            ),
            (
                plain,
                "The Grade A delay fee",
                "delay fee",
                "demurrage",
                "The Grade A demurrage",
            ),
            // The same head, counted as the text counts it.
            (
                plain,
                "It has an oil cylinder.",
                "oil cylinder",
                "hydraulic cylinder",
                "It has a hydraulic cylinder.",
            ),
            // Another head known to be counted: one who does something, a noun whose plural
            // the dictionary knows, one the concept writes in the plural.
            (
                plain,
                "It hired a transporter.",
                "transporter",
                "carrier",
                "It hired a carrier.",
            ),
            (
                plain,
                "It has a heat swapper.",
                "heat swapper",
                "heat exchanger",
                "It has a heat exchanger.",
            ),
            (
                plain,
                "He drove an automobile.",
                "automobile",
                "vehicle",
                "He drove a vehicle.",
            ),
            (
                "id,preferred,admitted\nc,demurrage,demurrages\n",
                "They claimed a delay fee of",
                "delay fee",
                "demurrage",
                "They claimed a demurrage of",
            ),
        ] {
            assert_eq!(
                fix(glossary, text, found, expected),
                (want.to_string(), None),
                "{text}"
            );
        }
    }

    #[test]
    fn a_banned_rendering_inflected_in_the_text_has_the_number_of_the_match() {
        // "applets" is no word the dictionary knows, but the match put "applet" in the
        // plural: the correction, a name that is a verb too, stays as listed.
        let glossary = Glossary::from_csv_text(
            "id,preferred,deprecated,case\nc,Mini Program,applet,name\n",
            "g.csv",
        )
        .unwrap();
        let fix = |text: &str, found: &str, expected: &str| {
            let findings = vec![finding(Rule::DeprecatedTerm, text, found, expected)];
            let plan = plan(text, UTF8, &findings, &glossary);
            (apply(text, &plan.edits), plan.left.first().map(|l| l.1))
        };
        let text = "Several applets were removed.";
        assert_eq!(
            fix(text, "applets", "Mini Program"),
            (text.to_string(), Some(LeftReason::InPlural))
        );
        assert_eq!(
            fix("The applet was removed.", "applet", "Mini Program"),
            ("The Mini Program was removed.".to_string(), None)
        );
        // Written so in the glossary, the word is no inflection of the text's.
        let listed =
            Glossary::from_csv_text("id,preferred,deprecated\nc,input data,inputdata\n", "g.csv")
                .unwrap();
        let text = "The inputdata is read.";
        let findings = vec![finding(
            Rule::DeprecatedTerm,
            text,
            "inputdata",
            "input data",
        )];
        let plan = plan(text, UTF8, &findings, &listed);
        assert_eq!(apply(text, &plan.edits), "The input data is read.");
    }

    #[test]
    fn a_banned_rendering_whose_concept_the_source_does_not_name_is_left() {
        let glossary = Glossary::from_csv_text("id,preferred\nc,x\n", "g.csv").unwrap();
        let text = "80% of the lowest wage for the same position; the lowest wage";
        let first = finding(Rule::ForbiddenTerm, text, "lowest wage", "minimum wage");
        let mut second = first.clone();
        let at = text.rfind("lowest wage").unwrap() as u64;
        second.start.byte_offset = at;
        second.end.byte_offset = at + "lowest wage".len() as u64;
        let mut garbled = first.clone();
        garbled.rule = Rule::GarbledTerm;
        garbled.found = "the".into();
        garbled.expected = "thee".into();
        garbled.start.byte_offset = 7;
        garbled.end.byte_offset = 10;
        let findings = vec![first, second, garbled];
        let unnamed = |f: &Finding| f.start.byte_offset > 20 || f.rule == Rule::GarbledTerm;
        let plan = plan_bilingual(text, UTF8, &findings, &glossary, Container::Plain, |f| {
            !unnamed(f)
        });
        assert_eq!(
            apply(text, &plan.edits),
            "80% of thee minimum wage for the same position; the lowest wage"
        );
        assert_eq!(plan.left, vec![(1, LeftReason::NotInSource)]);
    }

    #[test]
    fn a_plural_in_s_takes_the_possessive_apostrophe_alone() {
        let glossary = Glossary::from_csv_text(
            "id,preferred\nftu,Shanghai Federation of Trade Unions\nnpc,National People's Congress\n",
            "g.csv",
        )
        .unwrap();
        let utf8 = UTF8;
        let fixed = |text: &str, found: &str, expected: &str| {
            let findings = vec![finding(Rule::ForbiddenTerm, text, found, expected)];
            apply(text, &plan(text, utf8, &findings, &glossary).edits)
        };
        let ftu = "Shanghai Federation of Trade Unions";
        assert_eq!(
            fixed(
                "The Municipal Assembly's offices",
                "Municipal Assembly",
                ftu
            ),
            "The Shanghai Federation of Trade Unions' offices"
        );
        assert_eq!(
            fixed("the Municipal Assembly’s.", "Municipal Assembly", ftu),
            "the Shanghai Federation of Trade Unions’."
        );
        // A singular keeps its "'s"; an "'s" that starts a word is no possessive.
        let npc = "National People's Congress";
        assert_eq!(
            fixed("the People's Assembly's seat", "People's Assembly", npc),
            "the National People's Congress's seat"
        );
        assert_eq!(
            fixed("the Municipal Assembly'sake", "Municipal Assembly", ftu),
            "the Shanghai Federation of Trade Unions'sake"
        );
    }

    #[test]
    fn a_deprecated_name_beside_the_present_one_is_left_for_a_person() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,admitted,deprecated,case\n\
             c,National Financial Regulatory Administration,NFRA,CBIRC,name\n",
            "g.csv",
        )
        .unwrap();
        let planned = |text: &str| {
            let findings = vec![finding(Rule::DeprecatedTerm, text, "CBIRC", "NFRA")];
            let plan = plan(text, UTF8, &findings, &glossary);
            (apply(text, &plan.edits), plan.left)
        };
        for text in [
            "The NFRA took over where the CBIRC left off.",
            "The CBIRC gave way to the National Financial Regulatory Administration.",
        ] {
            assert_eq!(
                planned(text),
                (text.to_string(), vec![(0, LeftReason::PresentNameBeside)]),
                "{text}"
            );
        }
        // The present name in another sentence, or as part of another word, is no witness.
        for (text, want) in [
            (
                "The NFRA spoke. The CBIRC agreed.",
                "The NFRA spoke. The NFRA agreed.",
            ),
            (
                "The NFRAX and the CBIRC agreed.",
                "The NFRAX and the NFRA agreed.",
            ),
        ] {
            assert_eq!(planned(text), (want.to_string(), vec![]), "{text}");
        }
    }

    #[test]
    fn a_plural_possessive_corrected_to_a_singular_takes_its_s() {
        let glossary = Glossary::from_csv_text(
            "id,preferred\nsamr,State Administration for Market Regulation\nftu,Federation of Trade Unions\n",
            "g.csv",
        )
        .unwrap();
        let fixed = |text: &str, found: &str, expected: &str| {
            let findings = vec![finding(Rule::GarbledTerm, text, found, expected)];
            apply(text, &plan(text, UTF8, &findings, &glossary).edits)
        };
        let samr = "State Administration for Market Regulation";
        let wrong = "State Administration for Market Regulations";
        for (text, want) in [
            (
                "The State Administration for Market Regulations' notice was published.",
                "The State Administration for Market Regulation's notice was published.",
            ),
            (
                "The State Administration for Market Regulations’ notice.",
                "The State Administration for Market Regulation’s notice.",
            ),
            (
                "It is the State Administration for Market Regulations'.",
                "It is the State Administration for Market Regulation's.",
            ),
            // A closing quote is no possessive.
            (
                "The name 'State Administration for Market Regulations' is wrong.",
                "The name 'State Administration for Market Regulation' is wrong.",
            ),
            (
                "The workers' name ‘State Administration for Market Regulations’ is wrong.",
                "The workers' name ‘State Administration for Market Regulation’ is wrong.",
            ),
        ] {
            assert_eq!(fixed(text, wrong, samr), want, "{text}");
        }
        // A correction in "s" keeps the apostrophe alone.
        assert_eq!(
            fixed(
                "The Federation of Trade Union's offices",
                "Federation of Trade Union",
                "Federation of Trade Unions"
            ),
            "The Federation of Trade Unions' offices"
        );
    }

    #[test]
    fn the_indefinite_article_takes_the_first_sound_of_the_correction() {
        let glossary =
            Glossary::from_csv_text("id,preferred\nc,hydraulic cylinder\n", "g.csv").unwrap();
        let fixed = |text: &str, found: &str, expected: &str| {
            let findings = vec![finding(Rule::ForbiddenTerm, text, found, expected)];
            apply(text, &plan(text, UTF8, &findings, &glossary).edits)
        };
        for (text, found, expected, want) in [
            (
                "lifted by an oil cylinder.",
                "oil cylinder",
                "hydraulic cylinder",
                "lifted by a hydraulic cylinder.",
            ),
            (
                "An installation seat is fixed.",
                "installation seat",
                "mounting seat",
                "A mounting seat is fixed.",
            ),
            (
                "Done. A mounting seat is fixed.",
                "mounting seat",
                "installation seat",
                "Done. An installation seat is fixed.",
            ),
            (
                "driven by a electrical machine.",
                "electrical machine",
                "motor",
                "driven by a motor.",
            ),
            (
                "driven by a motor.",
                "motor",
                "electric motor",
                "driven by an electric motor.",
            ),
            (
                "LIFTED BY AN OIL CYLINDER",
                "OIL CYLINDER",
                "hydraulic cylinder",
                "LIFTED BY A HYDRAULIC CYLINDER",
            ),
            (
                "A OIL CYLINDER",
                "OIL CYLINDER",
                "hydraulic cylinder",
                "A HYDRAULIC CYLINDER",
            ),
            (
                "send an\n  admission notice",
                "admission notice",
                "letter of admission",
                "send a\n  letter of admission",
            ),
            (
                "for a magnetic scan",
                "magnetic scan",
                "MRI scan",
                "for an MRI scan",
            ),
            (
                "a one-way valve",
                "one-way valve",
                "check valve",
                "a check valve",
            ),
            (
                "an one-way valve",
                "one-way valve",
                "check valve",
                "a check valve",
            ),
            (
                "an open valve",
                "open valve",
                "one-way valve",
                "a one-way valve",
            ),
        ] {
            assert_eq!(fixed(text, found, expected), want, "{text:?}");
        }
        // Not an article for sure (a label, a name inside a sentence), a sound the spelling
        // does not settle, an article of another word, or a paragraph between.
        for (text, found, expected, want) in [
            (
                "the Grade A oil cylinder",
                "oil cylinder",
                "hydraulic cylinder",
                "the Grade A hydraulic cylinder",
            ),
            (
                "said Director An oil man",
                "oil man",
                "hydraulic engineer",
                "said Director An hydraulic engineer",
            ),
            // After a tag, a segment or a paragraph starts.
            (
                "<p>An oil cylinder",
                "oil cylinder",
                "hydraulic cylinder",
                "<p>A hydraulic cylinder",
            ),
            ("an oil tank", "oil tank", "herb tank", "an herb tank"),
            ("an NATO unit", "NATO unit", "LAN unit", "an LAN unit"),
            (
                "an old oil cylinder",
                "oil cylinder",
                "hydraulic cylinder",
                "an old hydraulic cylinder",
            ),
            (
                "banana oil cylinder",
                "oil cylinder",
                "hydraulic cylinder",
                "banana hydraulic cylinder",
            ),
            (
                "an\n\noil cylinder",
                "oil cylinder",
                "hydraulic cylinder",
                "an\n\nHydraulic cylinder",
            ),
        ] {
            assert_eq!(fixed(text, found, expected), want, "{text:?}");
        }
        // The edit shows the article with the term.
        let text = "by an oil cylinder";
        let findings = vec![finding(
            Rule::ForbiddenTerm,
            text,
            "oil cylinder",
            "hydraulic cylinder",
        )];
        let edits = plan(text, UTF8, &findings, &glossary).edits;
        assert_eq!(
            (edits[0].found.as_str(), edits[0].replacement.as_str()),
            ("an oil cylinder", "a hydraulic cylinder")
        );
        // Another finding on the article keeps it as it is.
        let text = "an oil cylinder";
        let findings = vec![
            finding(
                Rule::ForbiddenTerm,
                text,
                "oil cylinder",
                "hydraulic cylinder",
            ),
            finding(Rule::InconsistentTerm, text, "an", "a"),
        ];
        assert_eq!(
            apply(text, &plan(text, UTF8, &findings, &glossary).edits),
            "an hydraulic cylinder"
        );
    }

    #[test]
    fn a_banned_name_in_small_letters_after_a_or_an_is_prose() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,forbidden,deprecated\nc,Great Wall,Long Wall,old wall\n",
            "g.csv",
        )
        .unwrap();
        let plan_of = |text: &str, found: &str| {
            let findings = vec![finding(Rule::ForbiddenTerm, text, found, "Great Wall")];
            plan(text, UTF8, &findings, &glossary)
        };
        let plan = plan_of("enclosed by a long wall of brick", "long wall");
        assert_eq!(plan.left, vec![(0, LeftReason::NotTheName)]);
        let plan = plan_of("in an long wall", "long wall");
        assert_eq!(plan.left, vec![(0, LeftReason::NotTheName)]);
        // Its capitals, another article, or a variant listed in small letters: fixed.
        for (text, found, want) in [
            (
                "visit a Long Wall tour",
                "Long Wall",
                "visit a Great Wall tour",
            ),
            ("visit the long wall", "long wall", "visit the Great Wall"),
            ("Long wall tours", "Long wall", "Great Wall tours"),
            ("an old wall", "old wall", "a Great Wall"),
        ] {
            let plan = plan_of(text, found);
            assert!(plan.left.is_empty(), "{text:?}: {:?}", plan.left);
            assert_eq!(apply(text, &plan.edits), want);
        }
    }

    #[test]
    fn words_the_correction_adds_are_not_written_twice() {
        let glossary = Glossary::from_csv_text(
            "id,preferred\nmiit,Ministry of Industry and Information Technology\nnpc,National People's Congress\n",
            "g.csv",
        )
        .unwrap();
        let utf8 = UTF8;
        let fixed = |text: &str, found: &str, expected: &str| {
            let findings = vec![finding(Rule::ForbiddenTerm, text, found, expected)];
            let plan = plan(text, utf8, &findings, &glossary);
            (apply(text, &plan.edits), plan.left)
        };
        let miit = "Ministry of Industry and Information Technology";
        let prefix = "Ministry of Industry and Information";
        let left = vec![(0, LeftReason::WordsAlreadyThere)];
        // The words the correction adds follow already: the same, misspelt, in the plural,
        // in other capitals, across a line break.
        for text in [
            "The Ministry of Industry and Information Techology held a meeting.",
            "The Ministry of Industry and Information Technologies said so.",
            "The Ministry of Industry and Information TECHNOLOGY said so.",
            "The Ministry of Industry and Information\nTechnology said so.",
        ] {
            assert_eq!(
                fixed(text, prefix, miit),
                (text.to_string(), left.clone()),
                "{text}"
            );
        }
        // Before the found words too.
        let npc = "National People's Congress";
        let text = "The Natonal People's Congress met.";
        assert_eq!(
            fixed(text, "People's Congress", npc),
            (text.to_string(), left.clone())
        );
        // Ordinary words after it, a word only like the added one, a small word alone, or the
        // added word after a full stop: the correction is made.
        for (text, want) in [
            (
                "The Ministry of Industry and Information said so.",
                "The Ministry of Industry and Information Technology said so.",
            ),
            (
                "The Ministry of Industry and Information Tech said so.",
                "The Ministry of Industry and Information Technology Tech said so.",
            ),
            (
                "The Ministry of Industry and Information. Technology grew.",
                "The Ministry of Industry and Information Technology. Technology grew.",
            ),
            (
                "The Ministry of Industry and Information",
                "The Ministry of Industry and Information Technology",
            ),
        ] {
            assert_eq!(
                fixed(text, prefix, miit),
                (want.to_string(), vec![]),
                "{text}"
            );
        }
        let text = "Ministry of Industry and trade";
        assert_eq!(
            fixed(text, "Ministry of Industry", miit),
            (format!("{miit} and trade"), vec![]),
            "a small word alone is no repetition"
        );
        assert_eq!(
            fixed("The People's Congress met.", "People's Congress", npc),
            ("The National People's Congress met.".to_string(), vec![])
        );
    }

    #[test]
    fn a_garbled_term_put_in_the_other_number_is_not_corrected() {
        let garbled = |found: &str, expected: &str, damage: Damage| Finding {
            message: format!(
                "\"{found}\" looks like a garbled \"{expected}\" (c: {}; similarity 0.90)",
                damage.describe()
            ),
            ..finding(Rule::GarbledTerm, found, found, expected)
        };
        let misspelt = Damage::Misspelling;
        for (found, expected) in [
            ("Gram-negative bacteria", "Gram-negative bacterium"),
            ("analyses of variance", "analysis of variance"),
            ("inclusion criteria", "inclusion criterion"),
            ("Third-instar larvae", "third-instar larva"),
            ("cell nuclei", "cell nucleus"),
            ("knockout mice", "knockout mouse"),
            ("kitchen knives", "kitchen knife"),
            ("Gold Coins", "Gold Coin"),
            ("Gold Coin", "Gold Coins"),
            // A slip in the word besides: the text still used the plural.
            ("Phoenix Feathrs", "Phoenix Feather"),
        ] {
            assert!(
                changes_number(&garbled(found, expected, misspelt)),
                "{found} / {expected}"
            );
        }
        // What the spelling of the two words leaves open, the damage the finding names decides.
        let (found, expected) = ("heat exchangerz", "heat exchanger");
        assert!(changes_number(&garbled(found, expected, Damage::Number)));
        assert!(!changes_number(&garbled(found, expected, misspelt)));
        for (found, expected, damage) in [
            // The number of a word that is not the head is not the term's.
            (
                "Federation of Trade Union",
                "Federation of Trade Unions",
                Damage::Number,
            ),
            // A head that differs because a word is missing.
            (
                "Shanghai Trade Union",
                "Shanghai Federation of Trade Unions",
                Damage::MissingWord,
            ),
            ("Trade Unoins", "Trade Unions", misspelt),
            ("Gold Coim", "Gold Coin", misspelt),
            ("Federaton", "Federation", misspelt),
            ("Gold Coina", "Gold Coin", misspelt),
            ("Daily Bonas", "Daily Bonus", misspelt),
        ] {
            assert!(
                !changes_number(&garbled(found, expected, damage)),
                "{found} / {expected}"
            );
        }
        // In a plan, with its reason; the same finding's exact twin is fixed.
        let glossary = Glossary::from_csv_text("id,preferred\nc,Gold Coin\n", "g.csv").unwrap();
        let utf8 = UTF8;
        let text = "Not enough Gold Coins.";
        let findings = vec![Finding {
            message: "x (c: wrong singular or plural; similarity 0.95)".into(),
            ..finding(Rule::GarbledTerm, text, "Gold Coins", "Gold Coin")
        }];
        let plan = plan(text, utf8, &findings, &glossary);
        assert!(plan.edits.is_empty());
        assert_eq!(plan.left, vec![(0, LeftReason::ChangesNumber)]);
        let text = "Not enough Gold Coim.";
        let findings = vec![finding(Rule::GarbledTerm, text, "Gold Coim", "Gold Coin")];
        assert_eq!(
            apply(text, &super::plan(text, utf8, &findings, &glossary).edits),
            "Not enough Gold Coin."
        );
    }

    #[test]
    fn only_unambiguous_findings_are_fixed() {
        let glossary = Glossary::from_csv_text("id,preferred\nc,Right\n", "g.csv").unwrap();
        let utf8 = UTF8;
        let text = "aa bb cc dd ee ff";
        let findings = vec![
            finding(Rule::ForbiddenTerm, text, "aa", "Right"),
            finding(Rule::ForbiddenTerm, text, "bb", "Right"),
            finding(Rule::DeprecatedTerm, text, "bb", "Other"),
            finding(Rule::ForbiddenTerm, text, "cc dd", "Right"),
            finding(Rule::GarbledTerm, text, "dd ee", "Right"),
            finding(Rule::InconsistentTerm, text, "ff", "Right"),
            finding(Rule::ForbiddenTerm, text, "ee ff", "Right"),
        ];
        let mut changed = findings.clone();
        changed.push(Finding {
            found: "zz".into(),
            ..finding(Rule::ForbiddenTerm, text, "aa", "Right")
        });
        let plan = plan(text, utf8, &findings, &glossary);
        assert_eq!(
            plan.edits
                .iter()
                .map(|e| e.found.as_str())
                .collect::<Vec<_>>(),
            vec!["aa"]
        );
        assert_eq!(
            plan.left,
            vec![
                (1, LeftReason::CompetingSuggestions),
                (2, LeftReason::CompetingSuggestions),
                (3, LeftReason::Overlaps),
                (4, LeftReason::Overlaps),
                (5, LeftReason::NoSingleCorrection),
                (6, LeftReason::Overlaps),
            ]
        );
        let plan = super::plan(text, utf8, &changed, &glossary);
        assert_eq!(plan.left.last(), Some(&(7, LeftReason::TextChanged)));
        let changed_with_markup = vec![Finding {
            found: "zz".into(),
            ..finding(Rule::ForbiddenTerm, "a<b>a</b>", "a<b>a", "Right")
        }];
        let plan = super::plan("a<b>a</b>", utf8, &changed_with_markup, &glossary);
        assert_eq!(plan.left, vec![(0, LeftReason::TextChanged)]);
        let same = vec![
            finding(Rule::ForbiddenTerm, text, "bb", "Right"),
            finding(Rule::GarbledTerm, text, "bb", "Right"),
        ];
        let plan = super::plan(text, utf8, &same, &glossary);
        assert_eq!(
            plan.edits.len(),
            1,
            "one correction suggested twice is applied once"
        );
        assert_eq!(
            apply(text, &plan.edits),
            "aa Right cc dd ee ff",
            "in place of small letters, the rendering keeps its capitals"
        );
    }

    #[test]
    fn line_breaks_inside_a_term_stay_between_the_same_words() {
        assert_eq!(
            rewrap(
                "Leading Party\nMember Group",
                "Leading Party Members' Group"
            )
            .as_deref(),
            Some("Leading Party\nMembers' Group")
        );
        assert_eq!(
            rewrap(
                "Municipal General\r\n  Assembly",
                "Shanghai Federation of Trade Unions"
            )
            .as_deref(),
            Some("Shanghai Federation\r\n  of Trade Unions")
        );
        assert_eq!(rewrap("CAMCE\nvideo signal", "Douyin"), None);
        assert_eq!(rewrap("a\nb\nc", "x y").as_deref(), None);
        assert_eq!(rewrap("a b\nc", "x y").as_deref(), Some("x\ny"));
    }

    /// Words put back in order across a line break would move from one line to the other
    /// ("University⏎Beijing Normal" to "Beijing Normal⏎University"): a person decides. In one
    /// line, or for other damage across lines, the correction is made.
    #[test]
    fn a_reordered_term_across_a_line_break_is_left_for_a_person() {
        let glossary =
            Glossary::from_csv_text("id,preferred\nc,Beijing Normal University\n", "g.csv")
                .unwrap();
        let garbled = |text: &str, found: &str, damage: Damage| {
            Finding {
            message: format!(
                "\"{found}\" looks like a garbled \"Beijing Normal University\" (c: {}; similarity 1.00)",
                damage.describe()
            ),
            ..finding(Rule::GarbledTerm, text, found, "Beijing Normal University")
        }
        };
        let text = "Beijing Normal University\r\nBeijing Normal is in Beijing.";
        let found = "University\r\nBeijing Normal";
        let plan = plan(
            text,
            UTF8,
            &[garbled(text, found, Damage::WordOrder)],
            &glossary,
        );
        assert!(plan.edits.is_empty());
        assert_eq!(plan.left, vec![(0, LeftReason::SpansLines)]);
        for (text, found, damage, fixed) in [
            (
                "At University Beijing Normal now.",
                "University Beijing Normal",
                Damage::WordOrder,
                "At Beijing Normal University now.",
            ),
            (
                "At Beijing Normal\nUniversty now.",
                "Beijing Normal\nUniversty",
                Damage::Misspelling,
                "At Beijing Normal\nUniversity now.",
            ),
        ] {
            let plan = super::plan(text, UTF8, &[garbled(text, found, damage)], &glossary);
            assert_eq!(apply(text, &plan.edits), fixed);
        }
    }

    #[test]
    fn a_correction_is_escaped_as_its_container_writes_text() {
        let text = "R&D \"lab\" <1>\\n";
        assert_eq!(Container::Plain.write(text).unwrap(), text);
        assert_eq!(
            Container::Xml.write(text).unwrap(),
            "R&amp;D \"lab\" &lt;1&gt;\\n"
        );
        assert_eq!(
            Container::Json.write("a \"b\" c\\d\te\u{1}").unwrap(),
            "a \\\"b\\\" c\\\\d\\te\\u0001"
        );
        assert_eq!(
            Container::Po.write("a \"b\" c\\d").unwrap(),
            "a \\\"b\\\" c\\\\d"
        );
        assert_eq!(Container::Po.write("a\u{1}"), None);
        // Plain words pass through every container.
        for c in [
            Container::Xml,
            Container::Json,
            Container::Po,
            Container::Cell,
        ] {
            assert_eq!(
                c.write("Belt and Road Initiative’s").unwrap(),
                "Belt and Road Initiative’s"
            );
        }
        for cell in ["a, b", "a\tb", "a \"b\"", "a; b"] {
            assert_eq!(Container::Cell.write(cell), None, "{cell}");
        }
    }

    #[test]
    fn sentence_starts() {
        for before in ["", "Done. ", "Really?\n", "# ", "a line\n\n", "- "] {
            assert!(starts_sentence(before), "{before:?}");
        }
        for before in ["the ", "said\n", "of the\n  "] {
            assert!(!starts_sentence(before), "{before:?}");
        }
    }

    #[test]
    fn classifies_case_patterns() {
        assert_eq!(case_pattern("ACFTU"), CasePattern::Upper);
        assert_eq!(case_pattern("Workers' Daily"), CasePattern::Title);
        assert_eq!(
            case_pattern("Federation of Trade Unions"),
            CasePattern::Title
        );
        assert_eq!(
            case_pattern("Federation of trade unions"),
            CasePattern::Sentence
        );
        assert_eq!(case_pattern("workers’ daily"), CasePattern::Lower);
        assert_eq!(case_pattern("iPhone"), CasePattern::Mixed);
        assert_eq!(case_pattern("上海"), CasePattern::Mixed);
    }

    #[test]
    fn maps_utf16_file_offsets_to_text_offsets() {
        let text = "上😀a b";
        let detected = DetectedEncoding {
            encoding: TextEncoding::Utf16Le,
            bom_len: 2,
        };
        // 上 = 2 bytes, 😀 = 4 bytes in UTF-16; in UTF-8 3 and 4.
        let got = decoded_offsets(text, detected, &[2, 4, 8, 12, 3, 99]);
        assert_eq!(got, vec![Some(0), Some(3), Some(7), Some(9), None, None]);
        let utf8 = DetectedEncoding {
            encoding: TextEncoding::Utf8,
            bom_len: 3,
        };
        assert_eq!(
            decoded_offsets(text, utf8, &[3, 4, 6]),
            vec![Some(0), None, Some(3)]
        );
    }

    #[test]
    fn round_trips_every_encoding() {
        for (encoding, bom_len) in [
            (TextEncoding::Utf8, 0),
            (TextEncoding::Utf8, 3),
            (TextEncoding::Utf16Le, 2),
            (TextEncoding::Utf16Be, 2),
            (TextEncoding::Utf16Le, 0),
        ] {
            let detected = DetectedEncoding { encoding, bom_len };
            let text = "Workers Daily 上海 news\r\nand more\r";
            let bytes = encode(text, detected);
            let (decoded, again) = crate::input::decode::decode_all(&bytes).unwrap();
            assert_eq!(decoded, text, "{encoding} BOM {bom_len}");
            assert_eq!(again.bom_len, bom_len);
        }
    }

    #[test]
    fn diffs_show_changed_lines_with_context() {
        let old = "1\n2\n3\n4\nold\n6\n7\n8\n9\n10\n11\n12\nold";
        let new = "1\n2\n3\n4\nnew\n6\n7\n8\n9\n10\n11\n12\nnew";
        let diff = unified_diff("f.txt", old, new);
        assert_eq!(
            diff,
            "--- a/f.txt\n+++ b/f.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-old\n+new\n 6\n 7\n 8\n\
             @@ -10,4 +10,4 @@\n 10\n 11\n 12\n-old\n\\ No newline at end of file\n\
             +new\n\\ No newline at end of file\n"
        );
        assert_eq!(unified_diff("f.txt", old, old), "");
        // Lines keep their CRLF; a run of changed lines shows the old ones, then the new.
        let diff = unified_diff("f.txt", "a\r\nb\r\nc\r\nd\r\n", "a\r\nB\r\nC\r\nd\r\n");
        assert_eq!(
            diff,
            "--- a/f.txt\n+++ b/f.txt\n@@ -1,4 +1,4 @@\n a\r\n-b\r\n-c\r\n+B\r\n+C\r\n d\r\n"
        );
        assert_eq!(lines("a\r\nb\rc\n"), vec!["a\r\n", "b\r", "c\n"]);
    }
}
