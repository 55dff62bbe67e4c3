//! Exact matching of every rendering of every concept with one prefix tree.
//!
//! All renderings (approved ones too) go into a single [`PrefixTree`] over normalized,
//! case-folded text, looked up at each word start, so the cost of a scan depends on the text,
//! not on the glossary size. Approved renderings are matched so that the longest match wins: "Shanghai Federation of
//! Trade Unions" hides a forbidden "Federation of Trade Unions" inside it.

use std::ops::Range;

// Lookups only, never iterated: the fast non-cryptographic hash is safe (and `is_listed` runs
// for every garbled candidate).
use rustc_hash::FxHashMap as HashMap;
use smallvec::SmallVec;

use crate::dictionary::{is_english_word, is_name};
use crate::fuzzy::ends_with_placeholder;
use crate::glossary::{CaseMode, Concept, Glossary, Status};
use crate::inflection::{
    head_is_capitalised, in_other_number, split_head, variants_in_plural, Number,
};
use crate::normalize::{is_word_char, normalize_key, word_end, Normalized, ASCII_WORD};
use crate::prefix_tree::PrefixTree;
use crate::spelling::{in_capitals_of, respellings};

/// The most spellings of a deprecated or forbidden rendering looked for besides the listed one
/// (British and American spellings of its words, combined): a rendering has one or two words
/// with spellings at most, in practice.
const MOST_RESPELLINGS: usize = 7;

/// One use of a normalized pattern: which concept, in what status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermUse {
    /// Index of the concept in the glossary.
    pub concept: usize,
    /// Index of the rendering in the concept.
    pub rendering: usize,
    /// The rendering's status.
    pub status: Status,
    /// What letter case a match of a case-sensitive or name concept must have.
    exact: Option<CaseCheck>,
    /// For a rendering matched with its head in the other number ("heat exchangers" for "heat
    /// exchanger", "e-mails" for "e-mail", see [`crate::inflection::split_head`]), the number of
    /// the text's form; deprecated and forbidden ones are matched in the plural only.
    pub inflected: Option<Number>,
    /// For a deprecated or forbidden name in the plural ("Golden Coins" of "Golden Coin"), a
    /// use only after a count of it in figures or a placeholder ("50 Golden Coins", "{0}
    /// Golden Coins"), where a name's plural is its ordinary plural: elsewhere a name in the
    /// plural names several entities, a common noun (see `after_a_count`).
    counted: bool,
    /// For an approved rendering that shares its pattern with another approved rendering of
    /// its concept ("Tang Dynasty" and "Tang dynasty", "Xi'an" and "Xiʼan"): the rendering
    /// normalized with its case kept, to tell which of them a match is (see
    /// [`TermMatcher::uses`]).
    spelling: Option<Box<str>>,
}

/// The letter case a match must have, its text normalized with its case kept.
#[derive(Debug, Clone, PartialEq, Eq)]
enum CaseCheck {
    /// As listed (a case-sensitive concept: "ACFTU").
    Exact(String),
    /// With a capital wherever the listed rendering starts a word with one (a name: "Control
    /// Board" in Title Case or in capitals, not "control board"). A capital inside a word
    /// ("AliExpress") is not asked for: "Aliexpress" is the name misspelt, for consistency to
    /// report, not a phrase of ordinary prose.
    Capitals(String),
    /// In small letters, or with the capitals of its setting: a capital starting a word (a
    /// sentence, a title, a UI label: "Blood Volume") or capitals only ("BLOOD VOLUME"). A
    /// case-sensitive concept's deprecated or forbidden rendering written in small letters
    /// ("blood volume" of "HP"): case sensitivity is for the renderings written in capitals.
    /// Where a rendering in other capitals shares the pattern ("hp" beside "HP"), it is
    /// [`CaseCheck::Exact`] instead.
    Small(String),
}

impl CaseCheck {
    fn admits(&self, found: &str) -> bool {
        match self {
            CaseCheck::Exact(listed) => found == listed,
            CaseCheck::Capitals(listed) => {
                let mut word_start = true;
                listed.chars().zip(found.chars()).all(|(l, f)| {
                    let asked = word_start && l.is_uppercase();
                    word_start = !is_word_char(l);
                    !asked || f.is_uppercase()
                })
            }
            CaseCheck::Small(listed) => {
                let in_capitals = !found.chars().any(char::is_lowercase);
                let mut word_start = true;
                listed.chars().zip(found.chars()).all(|(l, f)| {
                    let capital_allowed = in_capitals || word_start;
                    word_start = !is_word_char(l);
                    f == l || (capital_allowed && f.to_lowercase().eq(std::iter::once(l)))
                })
            }
        }
    }

    /// The check a rendering of `concept` in `status`, written `cased` (normalized, case
    /// kept), asks for.
    fn of(concept: &Concept, status: Status, cased: String) -> Option<CaseCheck> {
        match concept.case {
            CaseMode::Insensitive => None,
            CaseMode::Sensitive
                if !status.is_approved() && !cased.chars().any(char::is_uppercase) =>
            {
                Some(CaseCheck::Small(cased))
            }
            CaseMode::Sensitive => Some(CaseCheck::Exact(cased)),
            CaseMode::Name => Some(CaseCheck::Capitals(cased)),
        }
    }
}

/// A glossary compiled for matching; built once, shared read-only by every worker.
#[derive(Debug)]
pub struct TermMatcher {
    /// Every normalized rendering (a pattern), found where it starts at a word start.
    tree: PrefixTree,
    /// Uses of each pattern, by pattern id.
    patterns: Vec<Vec<TermUse>>,
    /// What the uses of each pattern have in common (see [`PatternFlags`]), by pattern id: most
    /// matches are settled from these without reading the uses themselves.
    flags: Vec<PatternFlags>,
    longest_pattern: usize,
    /// Some rendering starts with a symbol, not a word character (".NET").
    symbol_starts: bool,
    /// Pattern id of every normalized, case-folded rendering.
    keys: HashMap<String, usize>,
    /// Which first two bytes can start a rendering that starts with a symbol (one bit per
    /// byte pair): most symbols in text fail this check, far cheaper than a walk of the tree.
    first_pairs: Box<[u64; 1024]>,
    /// The first words of the renderings that start with a word character.
    first_words: WordFilter,
    /// Of those, the first words of renderings looked up from the first word alone: one-word
    /// renderings, and those whose first word is not followed by one separator and a word.
    one_word: WordFilter,
    /// The first two words of the other renderings, with the separator between them, as
    /// normalized ("kernel user" of "kernel user space").
    two_words: WordFilter,
    /// The first words of the renderings that start with a word character, exactly, with
    /// how they are looked up (see [`RenderingStart`]): for a caller that classifies each
    /// distinct word once (see [`WordFed`]).
    starts: HashMap<Box<str>, RenderingStart>,
}

/// Whether a word of the text can start a rendering, and how its renderings are looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RenderingStart {
    /// It is the first word of no rendering.
    #[default]
    None,
    /// It is the first word of a rendering looked up from that word alone (see
    /// [`TermMatcher`]'s `one_word`).
    Alone,
    /// It is the first word only of renderings whose second word must follow.
    WithNext,
}

/// What the uses of one pattern have in common.
#[derive(Debug, Clone, Copy, Default)]
struct PatternFlags {
    /// Some use is approved.
    any_approved: bool,
    /// Every use is approved: a match of the pattern is never a finding of its own.
    all_approved: bool,
    /// Some use is case-sensitive, so which uses a match stands for depends on its case.
    case_sensitive: bool,
    /// Some concept has two approved renderings here (see [`TermUse::spelling`]): a match
    /// stands for one of them.
    spellings: bool,
    /// The one use of a pattern that has one and regardless of case: concept and rendering,
    /// read with the flags instead of from the uses.
    only_use: Option<(u32, u32, Status)>,
    /// The approved rendering (concept and rendering) that a match in other capitals than
    /// every use asks for may be a slip of: that of the one concept the pattern's approved
    /// uses belong to, when they are case-sensitive (see [`TermMatcher::case_slip`]).
    case_slip: Option<(u32, u32)>,
}

/// A rendering found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermMatch {
    /// Byte span in the original text.
    pub original: Range<usize>,
    /// Byte span in the normalized text.
    pub normalized: Range<usize>,
    /// The text is an approved rendering (of at least one concept).
    pub approved: bool,
    pattern: usize,
    /// Written in other capitals than every use of its pattern asks for, as a slip of a
    /// case-sensitive rendering (see [`TermMatcher::case_slip`]): it stands for no use.
    miscapitalised: bool,
}

impl TermMatcher {
    /// Compiles every rendering of every concept.
    pub fn new(glossary: &Glossary) -> Self {
        let mut index: HashMap<String, usize> = HashMap::default();
        let mut keys: Vec<String> = Vec::new();
        let mut patterns: Vec<Vec<TermUse>> = Vec::new();
        // The pattern of each rendering, concept after concept (`None` for an empty key), for
        // the inflected forms below.
        let mut rendering_patterns: Vec<Option<usize>> = Vec::new();
        for (ci, concept) in glossary.concepts.iter().enumerate() {
            for (ri, rendering) in concept.renderings.iter().enumerate() {
                let key = normalize_key(&rendering.text, true);
                if key.is_empty() {
                    rendering_patterns.push(None);
                    continue;
                }
                let cased = || normalize_key(&rendering.text, false);
                let exact = CaseCheck::of(concept, rendering.status, cased());
                // Most patterns have one use: a vector's first growth would reserve four.
                let id = *index.entry(key).or_insert_with_key(|key| {
                    keys.push(key.clone());
                    patterns.push(Vec::with_capacity(1));
                    patterns.len() - 1
                });
                rendering_patterns.push(Some(id));
                let uses = &mut patterns[id];
                let duplicate = uses
                    .iter()
                    .any(|u| u.concept == ci && u.status == rendering.status && u.exact == exact);
                if !duplicate {
                    // Two approved renderings of one concept that normalize alike are two
                    // spellings of one rendering: each keeps its own, and a match stands for
                    // one of them (see `uses`).
                    let mut spelling = None;
                    for other in uses.iter_mut().filter(|u| {
                        u.concept == ci && u.status.is_approved() && rendering.status.is_approved()
                    }) {
                        let text = &concept.renderings[other.rendering].text;
                        other.spelling = Some(normalize_key(text, false).into());
                        spelling = Some(cased().into());
                    }
                    uses.push(TermUse {
                        concept: ci,
                        rendering: ri,
                        status: rendering.status,
                        exact,
                        inflected: None,
                        counted: false,
                        spelling,
                    });
                }
            }
        }
        let listed = patterns.len();
        // A deprecated or forbidden rendering is banned in either variety's spelling, as an
        // approved one is found in both (garbled-term reads another spelling of it as the
        // rendering): "Labour Dispute Arbitration Committee" of a forbidden "Labor Dispute
        // Arbitration Committee", "license" of "licence". A spelling listed itself, by any
        // concept, keeps its own uses. The forms of each rendering (normalized, case-folded and
        // case kept), the listed one first, for the inflected forms below.
        let mut rendering_forms: Vec<Vec<(String, String)>> = Vec::new();
        let mut rendering_patterns = rendering_patterns.iter();
        for (ci, concept) in glossary.concepts.iter().enumerate() {
            for (ri, rendering) in concept.renderings.iter().enumerate() {
                let pattern = rendering_patterns.next().expect("a pattern per rendering");
                let Some(&pattern) = pattern.as_ref() else {
                    rendering_forms.push(Vec::new());
                    continue;
                };
                // The case-kept form serves a banned rendering's forms only.
                let banned = !rendering.status.is_approved();
                let cased = match banned {
                    true => normalize_key(&rendering.text, false),
                    false => String::new(),
                };
                let mut forms = vec![(keys[pattern].clone(), cased.clone())];
                // Typography that writes the same rendering: the serial comma of a list in it,
                // for any rendering; for a banned one, a hyphen for a space between two of its
                // words or the reverse (see `separator_variants`). Each is one change to the
                // listed form, not combined with another (nor put in the other number below:
                // on a large glossary that would double the patterns they add).
                let listed_cased = match banned {
                    true => cased.clone(),
                    false => normalize_key(&rendering.text, false),
                };
                let mut typographic: Vec<String> =
                    serial_comma_variant(&listed_cased).into_iter().collect();
                // A banned rendering that differs from an approved one of its concept only in
                // hyphens and spaces ("end-of file" of "end of file") has no variants of its
                // own: its other hyphenations ("end-of-file") are the approved rendering's too,
                // garbled-term's broken hyphenation or correct English.
                let joined = |t: &str| -> String {
                    t.chars()
                        .filter(|c| !matches!(c, ' ' | '-'))
                        .flat_map(char::to_lowercase)
                        .collect()
                };
                let hyphenation_of_approved = banned && {
                    let own = joined(&rendering.text);
                    concept
                        .renderings
                        .iter()
                        .any(|r| r.status.is_approved() && joined(&r.text) == own)
                };
                if banned && !hyphenation_of_approved {
                    typographic.extend(separator_variants(&cased));
                }
                let respelled = match banned {
                    true => respellings(&cased, MOST_RESPELLINGS),
                    false => Vec::new(),
                };
                let typographic_count = typographic.len();
                for (n, variant) in typographic.into_iter().chain(respelled).enumerate() {
                    let key = normalize_key(&variant, true);
                    if index.get(&key).is_some_and(|&id| id < listed) {
                        continue;
                    }
                    let id = *index.entry(key.clone()).or_insert_with_key(|key| {
                        keys.push(key.clone());
                        patterns.push(Vec::with_capacity(1));
                        patterns.len() - 1
                    });
                    let exact = CaseCheck::of(concept, rendering.status, variant.clone());
                    let uses = &mut patterns[id];
                    // One variant stands for the concept's approved renderings that normalize
                    // alike: the first of them, as an inflected form does.
                    if !uses.iter().any(|u| {
                        u.concept == ci
                            && (u.status == rendering.status && u.exact == exact
                                || u.status.is_approved() && rendering.status.is_approved())
                    }) {
                        uses.push(TermUse {
                            concept: ci,
                            rendering: ri,
                            status: rendering.status,
                            exact,
                            inflected: None,
                            counted: false,
                            spelling: None,
                        });
                    }
                    if n >= typographic_count {
                        forms.push((key, variant));
                    }
                }
                rendering_forms.push(forms);
            }
        }
        // A common noun (a rendering in small letters) is the same rendering inflected: an
        // approved one in either number ("heat exchangers" for "heat exchanger", counted by
        // consistency), a deprecated or forbidden one in the plural ("e-mails", "heat
        // swappers"; see `variant_in_plural` for why not in the singular), unless that form is
        // listed itself. Not so a name (a rendering whose head is capitalised, as garbled-term
        // tells them apart), one entity: its plural names several, as a common noun ("the
        // foreign ministries of both countries" is no deprecated "Foreign Ministry"); a common
        // noun may start with one ("NPC deputies", "DNA chips"). After a count in figures or
        // a placeholder of one ("50 Golden Coins", "{0} Golden Coins") a name's plural is its
        // ordinary plural (see `after_a_count`), as garbled-term holds of an approved one: a
        // deprecated or forbidden name is found there in the plural, written with its
        // capitals (in small letters, the words are prose). Case-sensitive renderings are matched as listed only, but for a
        // deprecated or forbidden one in small letters (see [`CaseCheck::Small`]).
        let mut rendering_forms = rendering_forms.into_iter();
        for (ci, concept) in glossary.concepts.iter().enumerate() {
            for (ri, rendering) in concept.renderings.iter().enumerate() {
                let bases = rendering_forms.next().expect("forms per rendering");
                let banned = !rendering.status.is_approved();
                let name = head_is_capitalised(&rendering.text);
                let small = !rendering.text.chars().any(char::is_uppercase);
                if concept.case == CaseMode::Sensitive && !(banned && small) || name && !banned {
                    continue;
                }
                let mut forms: Vec<(String, Number, Option<CaseCheck>)> = Vec::new();
                for (key, cased) in &bases {
                    if !banned {
                        forms.extend(in_other_number(key).into_iter().map(|(f, n)| (f, n, None)));
                        continue;
                    }
                    for form in variants_in_plural(key) {
                        let exact = if name {
                            let Some(cased) = cased_form(cased, key, &form) else {
                                continue;
                            };
                            Some(CaseCheck::Capitals(cased))
                        } else if concept.case == CaseMode::Sensitive {
                            Some(CaseCheck::Small(form.clone()))
                        } else {
                            None
                        };
                        forms.push((form, Number::Plural, exact));
                    }
                }
                for (form, number, exact) in forms {
                    let id = *index.entry(form).or_insert_with_key(|key| {
                        keys.push(key.clone());
                        patterns.push(Vec::with_capacity(1));
                        patterns.len() - 1
                    });
                    let uses = &mut patterns[id];
                    // One inflected form stands for the concept's approved renderings that
                    // normalize alike: the first of them (its preferred one, if it is one).
                    let same = |u: &TermUse| {
                        u.concept == ci
                            && (u.status == rendering.status
                                || (u.status.is_approved() && rendering.status.is_approved()))
                    };
                    if id < listed || uses.iter().any(same) {
                        continue;
                    }
                    uses.push(TermUse {
                        concept: ci,
                        rendering: ri,
                        status: rendering.status,
                        exact,
                        inflected: Some(number),
                        counted: name,
                        spelling: None,
                    });
                }
            }
        }
        // A rendering in small letters shares its pattern with one in other capitals that
        // case tells apart ("hp" and "HP"): it is matched as listed only.
        for uses in &mut patterns {
            let small = |u: &TermUse| matches!(u.exact, Some(CaseCheck::Small(_)));
            let telling =
                |u: &TermUse| matches!(u.exact, Some(CaseCheck::Exact(_) | CaseCheck::Capitals(_)));
            if uses.iter().any(small) && uses.iter().any(telling) {
                for u in uses.iter_mut() {
                    if let Some(CaseCheck::Small(listed)) = &u.exact {
                        u.exact = Some(CaseCheck::Exact(listed.clone()));
                    }
                }
            }
        }
        let flags = patterns
            .iter()
            .map(|uses| PatternFlags {
                any_approved: uses.iter().any(|u| u.status.is_approved()),
                all_approved: uses.iter().all(|u| u.status.is_approved()),
                case_sensitive: uses.iter().any(|u| u.exact.is_some() || u.counted),
                spellings: uses.iter().any(|u| u.spelling.is_some()),
                only_use: match uses.as_slice() {
                    [u] if u.exact.is_none() && !u.counted => {
                        Some((u.concept as u32, u.rendering as u32, u.status))
                    }
                    _ => None,
                },
                case_slip: case_slip_of(uses),
            })
            .collect();
        let longest_pattern = keys.iter().map(String::len).max().unwrap_or(0);
        let mut first_pairs = Box::new([0u64; 1024]);
        let mut first_words = WordFilter::for_words(keys.len());
        let mut one_word = WordFilter::for_words(keys.len());
        let mut two_words = WordFilter::for_words(keys.len());
        let mut starts: HashMap<Box<str>, RenderingStart> = HashMap::default();
        for key in &keys {
            if key.chars().next().is_some_and(is_word_char) {
                let first = word_end(key, 0);
                first_words.insert(&key.as_bytes()[..first]);
                let start = starts.entry(key[..first].into()).or_default();
                match second_word_end(key, first) {
                    Some(second) => {
                        two_words.insert(&key.as_bytes()[..second]);
                        if *start == RenderingStart::None {
                            *start = RenderingStart::WithNext;
                        }
                    }
                    None => {
                        one_word.insert(&key.as_bytes()[..first]);
                        *start = RenderingStart::Alone;
                    }
                }
                continue;
            }
            let b = key.as_bytes();
            let pairs: Vec<usize> = match b {
                [only] => (0..256)
                    .map(|second| usize::from(*only) << 8 | second)
                    .collect(),
                [first, second, ..] => vec![usize::from(*first) << 8 | usize::from(*second)],
                [] => Vec::new(),
            };
            for pair in pairs {
                first_pairs[pair / 64] |= 1 << (pair % 64);
            }
        }
        let symbol_starts = keys
            .iter()
            .any(|k| k.chars().next().is_some_and(|c| !is_word_char(c)));
        TermMatcher {
            tree: PrefixTree::new(&keys),
            patterns,
            flags,
            longest_pattern,
            symbol_starts,
            first_pairs,
            first_words,
            one_word,
            two_words,
            starts,
            keys: index,
        }
    }

    /// How the renderings starting with `word` (a whole word of normalized text) are looked
    /// up, if any does.
    pub fn rendering_start(&self, word: &str) -> RenderingStart {
        self.starts.get(word).copied().unwrap_or_default()
    }

    /// Matching fed word by word by a caller that reads every word of `norm` anyway (see
    /// [`WordFed`]), instead of a scan of its own.
    pub fn fed_by_words<'a>(&'a self, norm: &'a Normalized, original: &'a str) -> WordFed<'a> {
        WordFed {
            scan: Scan {
                matcher: self,
                norm,
                original,
            },
            // A rendering that starts with a symbol is found only by the matcher's own scan.
            fed: !self.symbol_starts && !self.patterns.is_empty(),
            candidates: Vec::new(),
            ends: Vec::new(),
        }
    }

    /// Whether a normalized, case-folded text is exactly a rendering listed in the glossary
    /// (approved, deprecated or forbidden, of any concept).
    pub fn is_listed(&self, key: &str) -> bool {
        self.keys.contains_key(key)
    }

    /// Bytes the compiled matcher takes: the prefix tree, the pattern table, the rendering
    /// keys and the first-pair bitmap; hash-table overhead aside.
    pub fn memory_estimate(&self) -> usize {
        self.tree.memory_estimate()
            + self
                .patterns
                .iter()
                .map(|p| std::mem::size_of_val(p.as_slice()) + std::mem::size_of::<Vec<TermUse>>())
                .sum::<usize>()
            + self
                .keys
                .keys()
                .map(|k| k.capacity() + std::mem::size_of::<(String, usize)>())
                .sum::<usize>()
            + std::mem::size_of::<[u64; 1024]>()
            + [&self.first_words, &self.one_word, &self.two_words]
                .iter()
                .map(|f| std::mem::size_of_val(f.bits.as_slice()))
                .sum::<usize>()
    }

    /// Length in bytes of the longest normalized rendering.
    pub fn longest_pattern(&self) -> usize {
        self.longest_pattern
    }

    /// Every rendering in `norm` (the normalized form of `original`), on word boundaries,
    /// without overlaps, sorted by position. Of two overlapping matches, the one that contains
    /// the other wins ("Shanghai Trade Union Regulations" over "Shanghai Trade Union"); when
    /// neither contains the other, a deprecated or forbidden rendering wins over an approved
    /// one (the banned words are there, whatever else they also complete), then the leftmost.
    pub fn find(&self, norm: &Normalized, original: &str) -> Vec<TermMatch> {
        self.find_filtered(norm, original, true)
    }

    /// [`TermMatcher::find`], with the word filters used or (to test them) not.
    fn find_filtered(&self, norm: &Normalized, original: &str, filters: bool) -> Vec<TermMatch> {
        if self.patterns.is_empty() {
            return Vec::new();
        }
        let scan = Scan {
            matcher: self,
            norm,
            original,
        };
        // A match can only start where a word (or, for renderings such as ".NET", a symbol)
        // starts, so the renderings are looked up anchored at those positions only: far less
        // work than reporting every overlapping match of an unanchored scan.
        let text = norm.text.as_str();
        let bytes = text.as_bytes();
        let mut candidates = Vec::new();
        let mut ends = Vec::new();
        // Whether the previous character, and the one before it, are word characters, and
        // whether the previous one is a hyphen.
        let mut prev_word = false;
        let mut prev_hyphen = false;
        let mut before_prev_word = false;
        let mut at = 0;
        while at < bytes.len() {
            // ASCII is classified by byte; other characters are decoded.
            let (c_word, c_len, c_is_space, c_is_hyphen) = match bytes[at] {
                b if b.is_ascii() => (ASCII_WORD[usize::from(b)], 1, b == b' ', b == b'-'),
                _ => {
                    let c = text[at..].chars().next().expect("char boundary");
                    (is_word_char(c), c.len_utf8(), false, false)
                }
            };
            if c_word && !prev_word && !(prev_hyphen && before_prev_word) {
                // A rendering matches here only if its first word is this word (a longer or
                // shorter one would end inside a word), and, when it has a second word after
                // one separator, only if that is the text's next word too: most words are ruled
                // out by a lookup or two in small filters. No match starts inside the word.
                let end = word_end(text, at);
                let first = WordFilter::hash(&bytes[at..end]);
                let worth_a_walk = !filters
                    || self.first_words.may_contain_hash(first)
                        && (self.one_word.may_contain_hash(first)
                            || second_word_end(text, end).is_some_and(|second| {
                                self.two_words.may_contain(&bytes[at..second])
                            }));
                if worth_a_walk {
                    if let Some(valid) = scan.longest_valid_at(at, &mut ends) {
                        candidates.push(valid);
                    }
                }
                before_prev_word = end > at + c_len;
                prev_word = true;
                prev_hyphen = false;
                at = end;
                continue;
            }
            let starts_symbol = self.symbol_starts && !c_word && !c_is_space;
            before_prev_word = prev_word;
            prev_word = c_word;
            prev_hyphen = c_is_hyphen;
            let here = at;
            at += c_len;
            if !starts_symbol {
                continue;
            }
            let pair =
                usize::from(bytes[here]) << 8 | usize::from(*bytes.get(here + 1).unwrap_or(&0));
            if filters && self.first_pairs[pair / 64] & (1 << (pair % 64)) == 0 {
                continue;
            }
            if let Some(valid) = scan.longest_valid_at(here, &mut ends) {
                candidates.push(valid);
            }
        }
        select_matches(candidates, &norm.text)
    }

    /// Whether every glossary use of the match's rendering is approved, whatever its case: the
    /// match is never a deprecated or forbidden term.
    pub fn only_approved(&self, m: &TermMatch) -> bool {
        self.flags[m.pattern].all_approved && !m.miscapitalised
    }

    /// For a match that stands for no use because of its capitals, the case-sensitive approved
    /// rendering (concept and rendering) it writes in wrong capitals: "gnb", "Gnb" or "GNb"
    /// for "gNB", "Kwh" for "kWh". Only where the capitals are a slip, not another word or
    /// the setting's (see [`is_case_slip`]), and only of one concept: of "mW" and "MW", two
    /// units, "Mw" is neither.
    pub fn case_slip(&self, m: &TermMatch) -> Option<(usize, usize)> {
        if !m.miscapitalised {
            return None;
        }
        let (concept, rendering) = self.flags[m.pattern].case_slip?;
        Some((concept as usize, rendering as usize))
    }

    /// The concept, rendering and status of a match's pattern when it has one use and that
    /// use ignores case (most patterns): [`TermMatcher::uses`] without reading the uses.
    pub fn only_use(&self, m: &TermMatch) -> Option<(usize, usize, Status)> {
        let (concept, rendering, status) = self.flags[m.pattern].only_use?;
        Some((concept as usize, rendering as usize, status))
    }

    /// The glossary uses a match stands for, case-sensitive ones only if the case agrees, a
    /// name's plural only after a count (see [`TermUse`]'s `counted`). Of
    /// a concept's approved renderings that normalize alike ("Tang Dynasty", "Tang dynasty"),
    /// the match stands for one only, so that it counts once: the one written as the text
    /// writes it, else the first listed (the preferred one, if it is one).
    pub fn uses<'a>(
        &'a self,
        m: &TermMatch,
        original: &'a str,
    ) -> impl Iterator<Item = &'a TermUse> {
        let span = m.original.clone();
        let uses = &self.patterns[m.pattern];
        let chosen = self.flags[m.pattern]
            .spellings
            .then(|| one_spelling_each(uses, &normalize_key(&original[span.clone()], false)));
        uses.iter().enumerate().filter_map(move |(i, u)| {
            let admitted = match &chosen {
                Some(chosen) => chosen.get(i).is_some_and(|&c| c),
                None => match &u.exact {
                    None => true,
                    Some(check) => check.admits(&normalize_key(&original[span.clone()], false)),
                },
            };
            (admitted && (!u.counted || after_a_count(&original[..span.start]))).then_some(u)
        })
    }
}

/// Which of `uses` (of one pattern) a match written `found` (normalized, case kept) stands
/// for: those whose case agrees, but of a concept's approved uses only one, the one written
/// as `found` is, else the first.
fn one_spelling_each(uses: &[TermUse], found: &str) -> SmallVec<[bool; 4]> {
    let mut chosen: SmallVec<[bool; 4]> = uses
        .iter()
        .map(|u| u.exact.as_ref().is_none_or(|check| check.admits(found)))
        .collect();
    for i in 0..uses.len() {
        let u = &uses[i];
        if !chosen[i] || !u.status.is_approved() {
            continue;
        }
        let rivals: SmallVec<[usize; 4]> = (i + 1..uses.len())
            .filter(|&j| chosen[j] && uses[j].concept == u.concept && uses[j].status.is_approved())
            .collect();
        if rivals.is_empty() {
            continue;
        }
        let written = |k: usize| uses[k].spelling.as_deref() == Some(found);
        let keep = std::iter::once(i)
            .chain(rivals.iter().copied())
            .find(|&k| written(k))
            .unwrap_or(i);
        for k in std::iter::once(i).chain(rivals) {
            chosen[k] = k == keep;
        }
    }
    chosen
}

/// Exact matching of one normalized text, fed the text's words by a caller that reads each of
/// them anyway: garbled-term's pass over the words looks each distinct word up once, so the
/// matcher's own scan (a hash and filter lookups per word) would do that work twice. The
/// caller offers every word whose [`RenderingStart`] is not `None`, in text order; the
/// matches are those [`TermMatcher::find`] gives.
#[derive(Debug)]
pub struct WordFed<'a> {
    scan: Scan<'a>,
    /// Whether words are offered; if not, [`WordFed::finish`] scans the text itself.
    fed: bool,
    candidates: Vec<TermMatch>,
    ends: Vec<(usize, usize)>,
}

impl WordFed<'_> {
    /// Whether the caller is to offer the words (see [`WordFed::word`]).
    pub fn wants_words(&self) -> bool {
        self.fed
    }

    /// The caller cannot offer every word (it reads the text in pieces): the matcher scans
    /// the text itself.
    pub fn scan_instead(&mut self) {
        self.fed = false;
        self.candidates.clear();
    }

    /// See [`TermMatcher::is_listed`].
    pub fn is_listed(&self, key: &str) -> bool {
        self.scan.matcher.is_listed(key)
    }

    /// Whether `word` starts a rendering (see [`TermMatcher::rendering_start`]).
    pub fn rendering_start(&self, word: &str) -> RenderingStart {
        self.scan.matcher.rendering_start(word)
    }

    /// The word at `start..end` of the normalized text, which starts a rendering as `start`
    /// says; words are offered in text order.
    pub fn word(&mut self, start: usize, end: usize, how: RenderingStart) {
        let matcher = self.scan.matcher;
        let text = self.scan.norm.text.as_str();
        let bytes = text.as_bytes();
        // No match starts inside a compound ("doc" in "kernel-doc"): as the scan's own rule.
        if start >= 2
            && bytes[start - 1] == b'-'
            && text[..start - 1]
                .chars()
                .next_back()
                .is_some_and(is_word_char)
        {
            return;
        }
        let worth_a_walk = match how {
            RenderingStart::None => false,
            RenderingStart::Alone => true,
            RenderingStart::WithNext => second_word_end(text, end)
                .is_some_and(|second| matcher.two_words.may_contain(&bytes[start..second])),
        };
        if worth_a_walk {
            if let Some(valid) = self.scan.longest_valid_at(start, &mut self.ends) {
                self.candidates.push(valid);
            }
        }
    }

    /// The matches, as [`TermMatcher::find`] gives them.
    pub fn finish(self) -> Vec<TermMatch> {
        if self.fed {
            select_matches(self.candidates, &self.scan.norm.text)
        } else {
            self.scan.matcher.find(self.scan.norm, self.scan.original)
        }
    }
}

/// One search over one normalized text.
#[derive(Debug)]
struct Scan<'a> {
    matcher: &'a TermMatcher,
    norm: &'a Normalized,
    original: &'a str,
}

impl Scan<'_> {
    /// The longest rendering starting at `start` that passes the word-boundary and case
    /// checks. One walk of the prefix tree yields every rendering starting there, so shorter
    /// ones are at hand when the longest fails. `ends` is scratch space.
    fn longest_valid_at(&self, start: usize, ends: &mut Vec<(usize, usize)>) -> Option<TermMatch> {
        ends.clear();
        self.matcher
            .tree
            .prefixes_of(&self.norm.text.as_bytes()[start..], |len, pattern| {
                ends.push((start + len, pattern as usize));
            });
        let text = self.norm.text.as_str();
        // The longest rendering written in wrong capitals, if no rendering is found here.
        let mut slip = None;
        for &(end, pattern) in ends.iter().rev() {
            if !on_word_boundaries(text, start..end) {
                continue;
            }
            let flags = self.matcher.flags[pattern];
            let mut candidate = TermMatch {
                original: self.norm.original_span(start..end, self.original),
                normalized: start..end,
                approved: flags.any_approved,
                pattern,
                miscapitalised: false,
            };
            // Every pattern has a use; unless case decides which, all of them apply.
            if !flags.case_sensitive {
                return Some(candidate);
            }
            let mut uses = self.matcher.uses(&candidate, self.original).peekable();
            if uses.peek().is_some() {
                candidate.approved = uses.any(|u| u.status.is_approved());
                return Some(candidate);
            }
            if slip.is_none() {
                if let Some((concept, rendering)) = flags.case_slip {
                    let found = normalize_key(&self.original[candidate.original.clone()], false);
                    let use_of = |u: &&TermUse| {
                        u.concept == concept as usize && u.rendering == rendering as usize
                    };
                    let listed = self.matcher.patterns[pattern].iter().find(use_of);
                    if let Some(CaseCheck::Exact(listed)) = listed.and_then(|u| u.exact.as_ref()) {
                        let before = &self.original[..candidate.original.start];
                        if is_case_slip(&found, listed, capital_is_ordinary_after(before)) {
                            // A finding, as a banned rendering is: it wins partial overlaps
                            // with approved ones.
                            candidate.approved = false;
                            candidate.miscapitalised = true;
                            slip = Some(candidate);
                        }
                    }
                }
            }
        }
        slip
    }
}

/// The approved rendering a pattern's match in other capitals may be a slip of (see
/// [`PatternFlags::case_slip`]): the first approved use, when every approved use is of one
/// concept, and case-sensitive, and every use asks for its case (a use regardless of case
/// takes any capitals), and the rendering has a word in mixed case (see [`is_case_slip`]).
fn case_slip_of(uses: &[TermUse]) -> Option<(u32, u32)> {
    if uses.iter().any(|u| u.exact.is_none()) {
        return None;
    }
    let mut approved = uses.iter().filter(|u| u.status.is_approved());
    let first = approved.clone().min_by_key(|u| u.rendering)?;
    if approved.any(|u| u.concept != first.concept) {
        return None;
    }
    match &first.exact {
        Some(CaseCheck::Exact(listed)) if has_own_capitals(listed) => {
            Some((first.concept as u32, first.rendering as u32))
        }
        _ => None,
    }
}

/// Whether a rendering's capitals are its own spelling, not the setting's: it has a word in
/// mixed case ("gNB", "pH value"), or words in capitals beside a word that starts with a
/// small letter ("e-CNY", "digital RMB", "CAN bus"), the rendering as a whole written in
/// mixed case, as neither a sentence nor a title writes it.
fn has_own_capitals(listed: &str) -> bool {
    let mut words = listed
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty());
    words.clone().any(in_mixed_case)
        || (words.clone().any(in_capitals_only)
            && words.any(|w| w.chars().next().is_some_and(char::is_lowercase)))
}

/// Whether a word is written in capitals only, two letters or more: an abbreviation ("CNY",
/// "RMB"; not "A").
fn in_capitals_only(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 2 && letters.all(char::is_uppercase)
}

/// Whether `before`, the text before a match, ends with a count of what the match names in
/// figures ("50", "17,000"), or a placeholder of a format string filled in with one ("{0}",
/// "{count}", "%d", "%1$s"), a space between: items counted, as a game's strings, a
/// timetable or a table count them. A count in words is left alone: prose counts entities so
/// too ("several Foreign Ministries", "two Foreign Ministries": of several countries, a
/// common noun), and garbled-term reads an approved name's plural there as grammar.
fn after_a_count(before: &str) -> bool {
    let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}']);
    if trimmed.len() == before.len() {
        return false;
    }
    let last = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
    let figures = last.starts_with(|c: char| c.is_ascii_digit())
        && last.ends_with(|c: char| c.is_ascii_digit())
        && last
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    figures || ends_with_placeholder(before)
}

/// `cased`, a rendering (normalized, case kept) whose case-folded key is `key`, with its head
/// replaced as `form` (a form of `key` with another head, see [`split_head`]) replaces it, in
/// the capitals of the head replaced ("Golden Coins" of "Golden Coin"). `None` where folding
/// changed the length of the words around the head.
fn cased_form(cased: &str, key: &str, form: &str) -> Option<String> {
    let (before, head, after) = split_head(cased);
    let (key_before, _, key_after) = split_head(key);
    if before.len() != key_before.len() || after.len() != key_after.len() {
        return None;
    }
    let new_head = form.get(before.len()..form.len().checked_sub(after.len())?)?;
    Some(format!("{before}{}{after}", in_capitals_of(head, new_head)))
}

/// A rendering (normalized, case kept) that ends a list of three or more items with "and" or
/// "or" ("Environmental, Social and Governance"), with the serial comma before the conjunction
/// if it has none ("Environmental, Social, and Governance") or without it if it has one: house
/// style, not another rendering. A rendering with one comma before its conjunction
/// ("Smith, and Jones") has no list of three to end.
fn serial_comma_variant(cased: &str) -> Option<String> {
    let last = cased.rfind(", ")?;
    let after = &cased[last + 2..];
    // Words only (hyphens and apostrophes inside them) make a list item: other punctuation
    // ("(", ";", ":") says the comma does something else.
    let is_item = |s: &str| {
        s.starts_with(is_word_char)
            && s.ends_with(is_word_char)
            && s.chars()
                .all(|c| is_word_char(c) || matches!(c, ' ' | '-' | '\''))
    };
    let conjunction_at = |s: &str, at: usize| {
        ["and ", "or "].into_iter().find_map(|c| {
            s.get(at..at + c.len())
                .filter(|w| w.eq_ignore_ascii_case(c))
                .map(|_| c.len())
        })
    };
    if conjunction_at(after, 0).is_some() {
        let before = &cased[..last];
        let item = &before[before.rfind(", ")? + 2..];
        return is_item(item).then(|| format!("{before}{}", &cased[last + 1..]));
    }
    let head = &cased[..last];
    let first_item = &head[head.rfind(", ").map_or(0, |i| i + 2)..];
    let at = (0..after.len())
        .filter(|&i| after.is_char_boundary(i) && after[..i].ends_with(' '))
        .find(|&i| conjunction_at(after, i).is_some())?;
    let item = &after[..at - 1];
    (is_item(item) && !first_item.is_empty())
        .then(|| format!("{}, {item},{}", &cased[..last], &after[at - 1..]))
}

/// A deprecated or forbidden rendering (normalized, case kept) with one separator between two
/// of its words changed: a space written as a hyphen ("Hague-Visby Regulations" of "Hague
/// Visby Regulations"), or a hyphen as a space ("Hamburg Rules Convention" of "Hamburg-Rules
/// Convention"), as British and American spellings of it are found. A hyphenated form never
/// reads as ordinary prose; two words apart may ("on line" of "on-line", "log in" of
/// "log-in", "set up"), so a hyphen becomes a space only where the rendering has a space
/// already, and three words or more result. A compound of several hyphens is also found
/// written open as a whole ("refusal of service attack" of "refusal-of-service attack").
/// (An approved rendering with its hyphenation changed is garbled-term's: broken hyphenation.)
fn separator_variants(cased: &str) -> Vec<String> {
    let spaced = cased.contains(' ');
    let bytes = cased.as_bytes();
    let between_words = |at: usize| {
        cased[..at].ends_with(is_word_char) && cased[at + 1..].starts_with(is_word_char)
    };
    let hyphens: Vec<usize> = (0..bytes.len())
        .filter(|&at| bytes[at] == b'-' && spaced && between_words(at))
        .collect();
    let mut variants: Vec<String> = (0..bytes.len())
        .filter_map(|at| {
            let to = match bytes[at] {
                b' ' if between_words(at) => "-",
                b'-' if hyphens.contains(&at) => " ",
                _ => return None,
            };
            Some(format!("{}{to}{}", &cased[..at], &cased[at + 1..]))
        })
        .collect();
    if hyphens.len() > 1 {
        let mut open = cased.as_bytes().to_vec();
        for &at in &hyphens {
            open[at] = b' ';
        }
        variants.push(String::from_utf8(open).expect("a hyphen made a space"));
    }
    variants
}

/// Whether a word is written in mixed case: neither in small letters only, nor in capitals
/// only, nor as a capital followed by small letters ("gNB", "kWh", "iOS", "GHz", "NumPy";
/// not "kg", "IT", "Linux").
fn in_mixed_case(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return false;
    };
    let (mut small, mut capital) = (false, false);
    for c in letters {
        small |= c.is_lowercase();
        capital |= c.is_uppercase();
    }
    capital && (small || first.is_lowercase())
}

/// Whether `found` (normalized, case kept) writes the case-sensitive rendering `listed`
/// (normalized, case kept), which it equals but for case, in wrong capitals: a slip ("gnb",
/// "Gnb", "GNb" for "gNB"; "Kwh", "kwh" for "kWh"), not the capitals of its setting nor
/// another word. Word by word, a word that differs is no slip where
/// - the rendering's word is not in mixed case (see [`in_mixed_case`]): a case-sensitive
///   concept says its word in other capitals is another word ("it" of "IT", "can" of "CAN
///   bus", "windows" of "Windows") or the abbreviation written as a word ("Nasa"); the
///   capitals of a word in mixed case are its own, and so are those of an abbreviation in
///   a rendering in mixed case as a whole (see [`has_own_capitals`]): written in small
///   letters ("e-cny", "digital rmb") it is a slip, unless an English word ("can bus");
/// - the text writes it in capitals only ("GNB", "MW", "KWH"): a heading or warning in
///   capitals, or an abbreviation of its own (megawatts beside milliwatts' "mW"); a glossary
///   lists such a form as forbidden where it is a slip;
/// - it is the rendering's word with its first letter capitalised ("KWh") where a capital
///   there is ordinary: any word but the first, as a title writes it, and the first where
///   `capital_ordinary` says (a sentence, a line, a cell or a title starts there; see
///   [`capital_is_ordinary_after`]), not after a word in small letters or a number ("433.7
///   billion KWh");
/// - it is an ordinary English word ("ma" of "mA"); a name or an abbreviation the word
///   lists give only with capitals ("ios", "db") is not one.
///
/// At least one word must differ otherwise.
fn is_case_slip(found: &str, listed: &str, capital_ordinary: bool) -> bool {
    let words = |s: &'_ str| -> Vec<String> {
        s.split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let own_capitals = has_own_capitals(listed);
    let (found, listed) = (words(found), words(listed));
    if found.len() != listed.len() {
        return false;
    }
    let mut slipped = false;
    for (i, (f, l)) in found.iter().zip(&listed).enumerate() {
        if f == l {
            continue;
        }
        let lower = f.to_lowercase();
        if lower != l.to_lowercase() {
            return false;
        }
        let mut first_capital = l.chars();
        let initial: String = first_capital
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .collect();
        if *f == initial + first_capital.as_str()
            && (i > 0 || capital_ordinary || !in_mixed_case(l))
        {
            continue;
        }
        // An abbreviation of a rendering in mixed case written in small letters: its
        // capitals, the rendering's own, lost ("e-cny", "digital rmb"); written as a word,
        // a capital and small letters ("Rmb"), it is a house style of the abbreviation.
        let abbreviation_lost =
            own_capitals && in_capitals_only(l) && !f.chars().any(char::is_uppercase);
        if !(in_mixed_case(l) || abbreviation_lost)
            || !f.chars().any(char::is_lowercase)
            || is_english_word(&lower) && !is_name(&lower)
        {
            return false;
        }
        slipped = true;
    }
    slipped
}

/// Whether a word after `before` may start with a capital that is not its own: unless a word
/// in small letters or a number comes right before it (brackets, quotes and spaces between),
/// a sentence, a line, a table cell, a heading or a title in capitals starts there.
fn capital_is_ordinary_after(before: &str) -> bool {
    let trimmed = before.trim_end_matches(|c: char| {
        c.is_whitespace() && c != '\n' && c != '\r' || "([{\"'“‘".contains(c)
    });
    let Some(last) = trimmed.chars().next_back() else {
        return true;
    };
    if !last.is_alphanumeric() && last != ',' {
        return true;
    }
    let word = trimmed
        .trim_end_matches(',')
        .rsplit(|c: char| !is_word_char(c))
        .next()
        .unwrap_or("");
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Where the word after the one ending at `first` ends, when one separator (a character that
/// is not a word character: a space, a hyphen) and then a word follow.
fn second_word_end(text: &str, first: usize) -> Option<usize> {
    let separator = text[first..].chars().next().filter(|&c| !is_word_char(c))?;
    let second = first + separator.len_utf8();
    let end = word_end(text, second);
    (end > second).then_some(end)
}

/// A Bloom filter of words: two bits per word, 16 bits per expected word (at least 16 KiB, so a
/// small glossary's filter stays in the processor's fastest cache): about 2 % false positives,
/// which only cost a walk of the tree. Both bits of a word are in one `u64`, so a lookup
/// reads memory once: the filters of a large glossary outgrow the fastest caches, and every
/// word of the text is looked up.
#[derive(Debug)]
struct WordFilter {
    bits: Vec<u64>,
    mask: usize,
}

impl WordFilter {
    fn for_words(words: usize) -> Self {
        let bits = (words * 16).next_power_of_two().clamp(1 << 17, 1 << 26);
        WordFilter {
            bits: vec![0; bits / 64],
            mask: bits - 1,
        }
    }

    fn hash(word: &[u8]) -> u64 {
        use std::hash::{BuildHasher, Hasher};
        let mut h = rustc_hash::FxBuildHasher.build_hasher();
        h.write(word);
        h.finish()
    }

    /// The `u64` of a word's hash and its two bits in it.
    fn position(&self, hash: u64) -> (usize, u64) {
        let index = (hash as usize & self.mask) / 64;
        (index, 1 << (hash >> 52 & 63) | 1 << (hash >> 58))
    }

    fn insert(&mut self, word: &[u8]) {
        let (index, bits) = self.position(Self::hash(word));
        self.bits[index] |= bits;
    }

    #[inline]
    fn may_contain(&self, word: &[u8]) -> bool {
        self.may_contain_hash(Self::hash(word))
    }

    #[inline]
    fn may_contain_hash(&self, hash: u64) -> bool {
        let (index, bits) = self.position(hash);
        self.bits[index] & bits == bits
    }
}

/// Resolves overlaps between candidate matches in normalized text `text`, at most one per start
/// position, sorted by start (see [`TermMatcher::find`]).
fn select_matches(candidates: Vec<TermMatch>, text: &str) -> Vec<TermMatch> {
    // Drop every match contained in another: sorted by start, a match is contained exactly
    // when it ends no later than some match before it.
    let mut maximal: Vec<TermMatch> = Vec::with_capacity(candidates.len());
    let mut reach = 0;
    for m in candidates {
        if m.normalized.end > reach {
            reach = m.normalized.end;
            maximal.push(m);
        }
    }
    if maximal
        .windows(2)
        .all(|w| w[0].normalized.end <= w[1].normalized.start)
    {
        return maximal;
    }
    // Partial overlaps remain: banned renderings first, leftmost first, then approved ones
    // in the gaps. Both lists are sorted by start and end, so one pass each suffices.
    let mut banned: Vec<TermMatch> = Vec::new();
    let mut banned_end = 0;
    for m in maximal.iter().filter(|m| !m.approved) {
        if m.normalized.start >= banned_end {
            banned_end = m.normalized.end;
            banned.push(m.clone());
        }
    }
    let mut selected = banned.clone();
    let mut next_banned = 0;
    let mut approved_end = 0;
    let approved: Vec<&TermMatch> = maximal.iter().filter(|m| m.approved).collect();
    // A rendering's leading article is no part of the term: "the insured" gives way to
    // "insured person" in "the insured person".
    let article_given_up = |m: &TermMatch, next: Option<&&TermMatch>| {
        let Some(next) = next else { return false };
        let article = ["the ", "a ", "an "]
            .iter()
            .find(|a| text[m.normalized.clone()].starts_with(**a));
        article.is_some_and(|a| {
            next.normalized.start == m.normalized.start + a.len()
                && next.normalized.end > m.normalized.end
        })
    };
    for (k, m) in approved.iter().enumerate() {
        if article_given_up(m, approved.get(k + 1)) {
            continue;
        }
        while next_banned < banned.len() && banned[next_banned].normalized.end <= m.normalized.start
        {
            next_banned += 1;
        }
        let clashes_with_banned =
            next_banned < banned.len() && banned[next_banned].normalized.start < m.normalized.end;
        if !clashes_with_banned && m.normalized.start >= approved_end {
            approved_end = m.normalized.end;
            selected.push((*m).clone());
        }
    }
    selected.sort_unstable_by_key(|m| m.normalized.start);
    selected
}

/// A match must not start or end inside a word: "CAMCE" does not match in "CAMCEX". A hyphen
/// between two word characters joins a compound, so "doc-format" does not match inside
/// "kernel-doc-format" and "memory space" does not match in "memory space-driver". Edges that
/// are not word characters themselves ("C++") need no boundary there.
fn on_word_boundaries(text: &str, span: Range<usize>) -> bool {
    let inner = &text[span.clone()];
    let starts_with_word = inner.chars().next().is_some_and(is_word_char);
    let ends_with_word = inner.chars().next_back().is_some_and(is_word_char);
    let mut before = text[..span.start].chars().rev();
    let mut after = text[span.end..].chars();
    let joined = |outside: &mut dyn Iterator<Item = char>| match outside.next() {
        Some('-') => outside.next().is_some_and(is_word_char),
        Some(c) => is_word_char(c),
        None => false,
    };
    let glued_before = starts_with_word && joined(&mut before);
    let glued_after = ends_with_word && joined(&mut after);
    !glued_before && !glued_after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    const GLOSSARY: &str = "\
id,preferred,admitted,deprecated,forbidden,case
shanghai-ftu,Shanghai Federation of Trade Unions,,Shanghai Trade Union,Municipal General Assembly|Federation of Trade Unions,
acftu,All-China Federation of Trade Unions,,,China Federation of Trade Unions,
acftu-abbr,ACFTU,,,Acftu,sensitive
workercn,Workercn,,,CAMCE|China Industrial Network,
workers-daily,Workers' Daily,,,Worker's Daily,
cpp,C++,,,CPP language,
hall,Assembly Hall,,,General Assembly Hall,
drv,space driver,,,space-driver,
mem,memory space,,,memory-space,
";

    /// The found texts (as written) and the status of their first use.
    #[track_caller]
    fn found(text: &str) -> Vec<(String, Status)> {
        let glossary = Glossary::from_csv_text(GLOSSARY, "test.csv").expect("valid glossary");
        let matcher = TermMatcher::new(&glossary);
        let norm = normalize(text, true);
        matcher
            .find(&norm, text)
            .iter()
            .map(|m| {
                let status = matcher.uses(m, text).next().unwrap().status;
                (text[m.original.clone()].to_string(), status)
            })
            .collect()
    }

    fn s(found: &str, status: Status) -> (String, Status) {
        (found.to_string(), status)
    }

    #[test]
    fn finds_variants_in_any_case_and_typography() {
        assert_eq!(
            found("THE MUNICIPAL GENERAL ASSEMBLY MET"),
            vec![s("MUNICIPAL GENERAL ASSEMBLY", Status::Forbidden)]
        );
        assert_eq!(
            found("the Municipal\u{00A0}General \n Assembly’s plan"),
            vec![s("Municipal\u{00A0}General \n Assembly", Status::Forbidden)]
        );
        assert_eq!(
            found("the All\u{2013}China Federation of Trade Unions"),
            vec![s(
                "All\u{2013}China Federation of Trade Unions",
                Status::Preferred
            )]
        );
        assert_eq!(found("CAMCE's site"), vec![s("CAMCE", Status::Forbidden)]);
        assert_eq!(
            found("Worker’s Daily"),
            vec![s("Worker’s Daily", Status::Forbidden)]
        );
    }

    #[test]
    fn longest_match_wins_over_contained_variants() {
        assert_eq!(
            found("the Shanghai Federation of Trade Unions said"),
            vec![s("Shanghai Federation of Trade Unions", Status::Preferred)]
        );
        assert_eq!(
            found("All-China Federation of Trade Unions"),
            vec![s("All-China Federation of Trade Unions", Status::Preferred)]
        );
        assert_eq!(
            found("a Federation of Trade Unions"),
            vec![s("Federation of Trade Unions", Status::Forbidden)]
        );
    }

    #[test]
    fn does_not_match_inside_longer_words() {
        assert!(found("CAMCEX and XCAMCE and camcel").is_empty());
        assert!(found("the Shanghai Trade Unionist").is_empty());
    }

    #[test]
    fn a_banned_rendering_wins_a_partial_overlap_with_an_approved_one() {
        // "memory space" (approved) and "space driver" overlap without containing each other.
        assert_eq!(
            found("less memory space driver time"),
            vec![s("memory space", Status::Preferred)],
            "between approved renderings, the leftmost"
        );
        assert_eq!(
            found("less memory space-driver time"),
            vec![s("space-driver", Status::Forbidden)]
        );
        // A leading article is no part of a rendering: the rendering after it wins.
        let glossary = Glossary::from_csv_text(
            "id,preferred,admitted\ninsured,insured person,the insured\n",
            "t.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        let spans = |text: &str| -> Vec<String> {
            let norm = normalize(text, true);
            matcher
                .find(&norm, text)
                .iter()
                .map(|m| text[m.original.clone()].to_string())
                .collect()
        };
        assert_eq!(spans("to the insured person now"), vec!["insured person"]);
        assert_eq!(spans("to the insured now"), vec!["the insured"]);
        assert_eq!(spans("to the insured, person"), vec!["the insured"]);
        // Two banned renderings overlapping: the leftmost.
        assert_eq!(
            found("the Municipal General Assembly Hall"),
            vec![s("Municipal General Assembly", Status::Forbidden)]
        );
    }

    #[test]
    fn hyphenated_compounds_are_one_word() {
        assert!(found("the CAMCE-style and pre-CAMCE sites").is_empty());
        // The approved form must not swallow the head of a hyphenated variant.
        assert_eq!(
            found("uses less memory Space-driver time"),
            vec![s("Space-driver", Status::Forbidden)]
        );
        assert!(found("a Workers' Daily-China Industrial Network link").is_empty());
        // A hyphen with a space after it is punctuation, not a joiner.
        assert_eq!(
            found("CAMCE- and others"),
            vec![s("CAMCE", Status::Forbidden)]
        );
        assert_eq!(found("-- CAMCE --"), vec![s("CAMCE", Status::Forbidden)]);
        // An em dash sets a phrase off, written against its words or not; an en dash may
        // join a compound.
        for dash in ['\u{2014}', '\u{2015}', '\u{2E3A}'] {
            assert_eq!(
                found(&format!("the site{dash}CAMCE{dash}was down")),
                vec![s("CAMCE", Status::Forbidden)]
            );
        }
        assert!(found("the CAMCE\u{2013}style sites").is_empty());
    }

    #[test]
    fn a_failed_boundary_does_not_hide_a_later_match() {
        // "xMunicipal General Assembly" fails the start boundary; the variant that starts
        // inside it must still be found.
        assert_eq!(
            found("the xMunicipal General Assembly Hall"),
            vec![s("General Assembly Hall", Status::Forbidden)]
        );
    }

    #[test]
    fn case_sensitive_concepts_match_only_their_case() {
        assert_eq!(found("the ACFTU said"), vec![s("ACFTU", Status::Preferred)]);
        assert_eq!(found("the Acftu said"), vec![s("Acftu", Status::Forbidden)]);
        assert!(found("the acftu said").is_empty());
    }

    /// A case-sensitive rendering in mixed case written in other capitals is a slip of it,
    /// unless the other capitals are the setting's (all capitals, a capital starting a
    /// sentence), the word is English, or two concepts are told apart by case.
    #[test]
    fn a_case_sensitive_rendering_in_wrong_capitals_is_a_slip() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,admitted,forbidden,case\n\
             gnb,gNB,gNodeB,GNB,sensitive\n\
             kwh,kWh,,,sensitive\n\
             milliwatt,mW,,,sensitive\n\
             megawatt,MW,,,sensitive\n\
             ghz,GHz,,,sensitive\n\
             ma,mA,,,sensitive\n\
             it,IT,,,sensitive\n\
             win,Windows,,,sensitive\n\
             can,CAN bus,,,sensitive\n\
             ios,iOS,,,sensitive\n\
             ph,pH value,,,sensitive\n\
             ecny,e-CNY,digital RMB,,sensitive\n\
             sql,SQL injection,,,sensitive\n\
             wh,Wh,,,\n",
            "t.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        // Each match found, with the rendering it is a slip of, if it is one.
        let found = |text: &str| -> Vec<(String, Option<String>)> {
            let norm = normalize(text, true);
            matcher
                .find(&norm, text)
                .iter()
                .filter(|m| {
                    matcher.case_slip(m).is_some() || matcher.uses(m, text).next().is_some()
                })
                .map(|m| {
                    let slip = matcher
                        .case_slip(m)
                        .map(|(c, r)| glossary.concepts[c].renderings[r].text.clone());
                    (text[m.original.clone()].to_string(), slip)
                })
                .collect()
        };
        let slip = |found: &str, of: &str| vec![(found.to_string(), Some(of.to_string()))];
        for (text, m, of) in [
            ("the gnb", "gnb", "gNB"),
            ("the Gnb", "Gnb", "gNB"),
            ("the GNb", "GNb", "gNB"),
            ("the gnB", "gnB", "gNB"),
            ("the Gnodeb", "Gnodeb", "gNodeB"),
            ("5 kwh", "kwh", "kWh"),
            ("5 Kwh", "Kwh", "kWh"),
            ("5 Ghz", "Ghz", "GHz"),
            // A capital no sentence, line or title explains.
            ("433.7 billion KWh", "KWh", "kWh"),
            ("at 5 KWh a day", "KWh", "kWh"),
            ("reset the GNodeB", "GNodeB", "gNodeB"),
            ("in \"KWh\"", "KWh", "kWh"),
            ("5 ghz", "ghz", "GHz"),
            ("the Ios app", "Ios", "iOS"),
            ("the ios app", "ios", "iOS"),
            ("the ph value", "ph value", "pH value"),
            ("the Ph Value", "Ph Value", "pH value"),
            // An abbreviation in a rendering in mixed case as a whole, in small letters.
            ("your e-cny wallet", "e-cny", "e-CNY"),
            ("Open your E-cny wallet", "E-cny", "e-CNY"),
            ("Pay with digital rmb here", "digital rmb", "digital RMB"),
            (
                "a SQL Injection or a sql injection",
                "sql injection",
                "SQL injection",
            ),
        ] {
            assert_eq!(found(text), slip(m, of), "{text}");
        }
        let none = |text: &str| -> Vec<(String, Option<String>)> {
            found(text)
                .into_iter()
                .filter(|(_, s)| s.is_some())
                .collect()
        };
        for text in [
            // Written as listed, or a listed form.
            "the gNB and the gNodeB, 5 kWh, 5 mW, 5 MW, 5 GHz, 5 mA, the IT team",
            "the GNB",
            // In capitals: a heading, a warning, an abbreviation of its own.
            "DO NOT RESET THE GNODEB",
            "5 KWH, 5 GHZ",
            "the IOS router, the PH Value",
            // The first letter capitalised, as a sentence or a title starts a word.
            "KWh used. GNodeB reset. IOS",
            "Energy (KWh)\n| KWh | 5 |\nKWh per day\n- KWh\nOutput, KWh",
            "Fig. 2: KWh used; KWh saved",
            // A capital at the start of a word not in mixed case is not the slip looked for.
            "pay in E-CNY, in Digital RMB",
            // Two units told apart by case: "mw" and "Mw" are either.
            "5 mw, 5 Mw",
            // An English word, or another word in the capitals of a word that has none of its
            // own.
            "5 ma",
            "it works; open the windows; can bus; a Can Bus",
            // In capitals, at a sentence's start, or an abbreviation written as a word, a
            // house style ("Rmb"); and the renderings as listed.
            "E-CNY. DIGITAL RMB. Digital RMB. Pay in digital Rmb. e-CNY, digital RMB",
            "Sql injection",
            // A concept regardless of case takes any capitals.
            "5 wh",
        ] {
            assert_eq!(none(text), [], "{text}");
        }
    }

    #[test]
    fn a_name_concept_matches_where_the_text_keeps_its_capitals() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,forbidden,case\ncp,Control Panel,Control Board,name\nae,AliExpress,,name\n",
            "t.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        let found = |text: &str| -> Vec<String> {
            let norm = normalize(text, true);
            matcher
                .find(&norm, text)
                .iter()
                .filter(|m| matcher.uses(m, text).next().is_some())
                .map(|m| text[m.original.clone()].to_string())
                .collect()
        };
        assert_eq!(found("open the Control Board"), vec!["Control Board"]);
        assert_eq!(found("OPEN THE CONTROL BOARD"), vec!["CONTROL BOARD"]);
        assert!(found("our control board met").is_empty());
        assert!(found("the Control board met").is_empty());
        // A capital inside a word is the name's spelling, not what tells it from prose.
        assert_eq!(found("shop on Aliexpress"), vec!["Aliexpress"]);
        assert_eq!(found("shop on AliExpress"), vec!["AliExpress"]);
        assert!(found("shop on aliexpress").is_empty());
    }

    #[test]
    fn approved_renderings_that_normalize_alike_are_one_use_of_a_match() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,admitted,case\n\
             tang,Tang Dynasty,Tang dynasty,\n\
             xian,Xi'an,Xiʼan|Xian,\n\
             defence,thesis defence,Thesis defence,\n\
             ming,Ming Dynasty,Ming dynasty,name\n\
             tang2,Tang Dynasty,,\n",
            "t.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        // The concepts and renderings a text stands for, at each match.
        let uses = |text: &str| -> Vec<(String, usize)> {
            let norm = normalize(text, true);
            matcher
                .find(&norm, text)
                .iter()
                .flat_map(|m| matcher.uses(m, text).collect::<Vec<_>>())
                .map(|u| (glossary.concepts[u.concept].id.clone(), u.rendering))
                .collect()
        };
        let one = |id: &str, rendering| vec![(id.to_string(), rendering)];
        // The rendering written as the text writes it; another concept's is its own.
        let both_tangs =
            |rendering| vec![("tang".to_string(), rendering), ("tang2".to_string(), 0)];
        assert_eq!(uses("the Tang Dynasty"), both_tangs(0));
        assert_eq!(uses("the Tang dynasty"), both_tangs(1));
        // Written as neither: the first listed.
        assert_eq!(uses("the TANG DYNASTY"), both_tangs(0));
        // Typography is no spelling: the surface form is one.
        assert_eq!(uses("in Xiʼan"), one("xian", 0));
        assert_eq!(uses("in Xi'an"), one("xian", 0));
        assert_eq!(uses("in Xi’an"), one("xian", 0));
        assert_eq!(uses("in Xian"), one("xian", 2));
        // One inflected form for both.
        assert_eq!(uses("two Thesis defences"), one("defence", 0));
        // A name: only the spellings whose capitals the text has.
        assert_eq!(uses("the Ming Dynasty"), one("ming", 0));
        assert_eq!(uses("the Ming dynasty"), one("ming", 1));
    }

    #[test]
    fn non_word_edges_need_no_boundary() {
        assert_eq!(
            found("C++, CPP language"),
            vec![
                s("C++", Status::Preferred),
                s("CPP language", Status::Forbidden)
            ]
        );
    }

    #[test]
    fn renderings_are_found_whatever_their_first_word() {
        // First words of one letter, with digits, underscores or non-ASCII letters, and a
        // rendering that is a prefix of a text word (which must not match inside it).
        let glossary = Glossary::from_csv_text(
            "id,preferred,forbidden\n\
             a,Überwachung Amt,Uberwachung Amt\n\
             b,X-ray unit,X ray unit\n\
             c,3D printing,3-D printing\n\
             d,snake_case names,snake case names\n\
             e,naïve Bayes,naive Bayes\n",
            "g.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        let text = "The Uberwachung Amt and the X ray unit, 3-D printing, snake case names, \
                    naive Bayes; but not Uberwachungs Amt, XX ray unit or 33-D printing. \
                    ÜBERWACHUNG AMT, x-ray unit, 3d printing, snake_case names, naïve bayes.";
        let norm = normalize(text, true);
        let found: Vec<(&str, bool)> = matcher
            .find(&norm, text)
            .iter()
            .map(|m| (&text[m.original.clone()], m.approved))
            .collect();
        assert_eq!(
            found,
            vec![
                ("Uberwachung Amt", false),
                ("X ray unit", false),
                ("3-D printing", false),
                ("snake case names", false),
                ("naive Bayes", false),
                ("ÜBERWACHUNG AMT", true),
                ("x-ray unit", true),
                ("3d printing", true),
                ("snake_case names", true),
                ("naïve bayes", true),
            ]
        );
    }

    proptest::proptest! {
        /// The filters that skip word starts never skip a match: with and without them, the
        /// same matches, on glossaries and texts made of a few words that share prefixes,
        /// joined by spaces, hyphens, apostrophes and symbols.
        #[test]
        fn the_word_filters_never_hide_a_match(
            keys in proptest::collection::vec("(ab|a|b|abc|ü|c\\+\\+|x)([ '-](ab|b|abc|x|ü)){0,3}", 1..12),
            text in "((ab|a|b|abc|ü|c\\+\\+|x|y)[ '.,-]{1,2}){0,30}",
        ) {
            let mut csv = String::from("id,preferred\n");
            let mut seen = std::collections::HashSet::new();
            for (i, k) in keys.iter().enumerate() {
                if seen.insert(normalize_key(k, true)) {
                    csv.push_str(&format!("k{i},\"{}\"\n", k.replace('"', "\"\"")));
                }
            }
            let glossary = Glossary::from_csv_text(&csv, "g.csv").unwrap();
            let matcher = TermMatcher::new(&glossary);
            let norm = normalize(&text, true);
            let spans = |filters: bool| -> Vec<Range<usize>> {
                matcher
                    .find_filtered(&norm, &text, filters)
                    .into_iter()
                    .map(|m| m.original)
                    .collect()
            };
            proptest::prop_assert_eq!(spans(true), spans(false));
        }
    }

    #[test]
    fn a_banned_common_noun_is_found_in_the_plural_too() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,deprecated,forbidden\n\
             email,email,e-mail,\n\
             mfa,Ministry of Foreign Affairs,Foreign Ministry,\n\
             cli,command lines,,command-lines\n\
             hx,heat exchanger,heat swappers,heat swapper\n\
             npc,deputy to the NPC,NPC representative,\n\
             oring,O-ring,,O-shaped ring\n\
             win,Windows 11,Windows Eleven,\n",
            "g.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        let found = |text: &str| -> Vec<(String, Status, bool)> {
            let norm = normalize(text, true);
            matcher
                .find(&norm, text)
                .iter()
                .flat_map(|m| {
                    matcher
                        .uses(m, text)
                        .filter(|u| !u.status.is_approved())
                        .map(|u| {
                            let in_plural = u.inflected == Some(Number::Plural);
                            (text[m.original.clone()].to_string(), u.status, in_plural)
                        })
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        assert_eq!(
            found("Two E-mails came."),
            [("E-mails".to_string(), Status::Deprecated, true)]
        );
        assert_eq!(
            found("an e-mail"),
            [("e-mail".to_string(), Status::Deprecated, false)]
        );
        // A name in the plural is several entities, a common noun.
        assert!(found("the Foreign Ministries of both countries").is_empty());
        assert!(found("two Windows Elevens").is_empty());
        // A common noun may start with a capital: its head is what carries its number.
        assert_eq!(
            found("NPC representatives spoke."),
            [("NPC representatives".to_string(), Status::Deprecated, true)]
        );
        assert_eq!(
            found("both O-shaped rings"),
            [("O-shaped rings".to_string(), Status::Forbidden, true)]
        );
        // A plural is not put in the singular: "command-line" modifies the next noun.
        assert!(found("the command-line interface").is_empty());
        // A plural that is listed itself keeps its own status.
        assert_eq!(
            found("two heat swappers"),
            [("heat swappers".to_string(), Status::Deprecated, false)]
        );
    }

    /// The found texts and the status of the uses they stand for, on `glossary`.
    fn found_in(glossary: &str, text: &str) -> Vec<(String, Status)> {
        let glossary = Glossary::from_csv_text(glossary, "g.csv").unwrap();
        let matcher = TermMatcher::new(&glossary);
        let norm = normalize(text, true);
        matcher
            .find(&norm, text)
            .iter()
            .flat_map(|m| {
                matcher
                    .uses(m, text)
                    .map(|u| (text[m.original.clone()].to_string(), u.status))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn a_banned_rendering_is_found_in_the_other_spelling_too() {
        let glossary = "id,preferred,forbidden,deprecated,case\n\
             arb,Labour Dispute Arbitration Commission,Labor Dispute Arbitration Committee,,\n\
             permit,pre-sale permit,advance sale licence,,\n\
             lc,Labour Committee,Labor Committee,,\n\
             cc,Control Centre,,Control Center,name\n\
             hp,HP,flavor points,,sensitive\n";
        let forbidden = |t: &str| vec![s(t, Status::Forbidden)];
        for (text, found) in [
            (
                "The Labour Dispute Arbitration Committee ruled.",
                "Labour Dispute Arbitration Committee",
            ),
            (
                "The Labor Dispute Arbitration Committee ruled.",
                "Labor Dispute Arbitration Committee",
            ),
            (
                "THE LABOUR DISPUTE ARBITRATION COMMITTEE",
                "LABOUR DISPUTE ARBITRATION COMMITTEE",
            ),
            ("the advance sale license", "advance sale license"),
            ("the advance sale licence", "advance sale licence"),
            ("the Labor Committee met", "Labor Committee"),
            ("Flavour points: 3", "Flavour points"),
        ] {
            assert_eq!(found_in(glossary, text), forbidden(found), "{text}");
        }
        // A spelling the glossary lists itself keeps its status: the British one is approved.
        assert_eq!(
            found_in(glossary, "the Labour Committee met"),
            vec![s("Labour Committee", Status::Preferred)]
        );
        // In the plural, and with the capitals a name asks for.
        assert_eq!(
            found_in(glossary, "two advance sale licenses"),
            forbidden("advance sale licenses")
        );
        assert_eq!(
            found_in(glossary, "the Control Centre and the Control Centre"),
            vec![s("Control Centre", Status::Preferred); 2]
        );
        assert_eq!(
            found_in(glossary, "the Control Center"),
            vec![s("Control Center", Status::Deprecated)]
        );
        assert!(found_in(glossary, "a control center").is_empty());
        // Another word is no spelling: "committees" of a rendering in the singular is a
        // plural, "Arbitration Commission" approved.
        assert!(found_in(glossary, "the labour dispute arbitration commission").len() == 1);
        assert!(found_in(glossary, "the advance sale licensee").is_empty());
    }

    #[test]
    fn a_banned_name_is_found_in_the_plural_after_a_count_in_figures() {
        let glossary = "id,preferred,forbidden,case\n\
             coin,Gold Coin,Golden Coin,name\n\
             potion,Stamina Potion,Physical Strength Potion,\n\
             rail,China-Europe Railway Express,Sino-Europe Class Train,\n";
        let plural = |text: &str, found: &str| {
            assert_eq!(
                found_in(glossary, text),
                vec![s(found, Status::Forbidden)],
                "{text}"
            )
        };
        plural("You received 50 Golden Coins.", "Golden Coins");
        plural("You received {0} Golden Coins.", "Golden Coins");
        plural("You received %d Golden Coins.", "Golden Coins");
        plural("You received %1$s Golden Coins.", "Golden Coins");
        plural(
            "Buy 3 Physical Strength Potions.",
            "Physical Strength Potions",
        );
        plural(
            "Buy 3 PHYSICAL STRENGTH POTIONS.",
            "PHYSICAL STRENGTH POTIONS",
        );
        plural(
            "In 2023, 17,000 Sino-Europe Class Trains ran.",
            "Sino-Europe Class Trains",
        );
        plural("a Golden Coin", "Golden Coin");
        // Without a count in figures, a name in the plural names several entities; in small
        // letters, the words are prose.
        for text in [
            "the Golden Coins of the old kingdoms",
            "several Golden Coins",
            "two Golden Coins",
            "50 golden coins",
            "Buy 3 physical strength potions.",
            "item50 Golden Coins",
            "version 1. Golden Coins",
        ] {
            assert!(found_in(glossary, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_small_letter_banned_rendering_of_a_case_sensitive_concept_takes_any_setting() {
        let glossary = "id,preferred,forbidden,case\n\
             hp,HP,blood volume|hp|Hit Pts,sensitive\n\
             mp,MP,mana amount,sensitive\n\
             ma,Mana Amount,,sensitive\n";
        let forbidden = |t: &str| vec![s(t, Status::Forbidden)];
        for (text, found) in [
            ("Blood Volume: 120", "Blood Volume"),
            ("BLOOD VOLUME LOW", "BLOOD VOLUME"),
            ("Your blood volume is low.", "blood volume"),
            ("Blood volume is low.", "Blood volume"),
            ("hp low", "hp"),
            ("Hit Pts: 5", "Hit Pts"),
            ("the mana amount", "mana amount"),
        ] {
            assert_eq!(found_in(glossary, text), forbidden(found), "{text}");
        }
        assert_eq!(
            found_in(glossary, "HP: 120"),
            vec![s("HP", Status::Preferred)]
        );
        // Case tells two renderings apart ("hp" and "HP", "mana amount" and "Mana Amount"):
        // the small one is matched as listed. Capitals inside a word are no setting's, and a
        // rendering listed with capitals keeps them.
        assert_eq!(
            found_in(glossary, "the Mana Amount"),
            vec![s("Mana Amount", Status::Preferred)]
        );
        for text in ["Hp low", "bLOOD vOLUME", "hit pts", "HIT PTS"] {
            assert!(
                found_in(glossary, text)
                    .iter()
                    .all(|(_, st)| *st != Status::Forbidden),
                "{text}"
            );
        }
    }

    #[test]
    fn a_banned_rendering_is_found_with_a_hyphen_for_a_space_or_the_reverse() {
        let glossary = "id,preferred,forbidden,deprecated\n\
            hv,Hague-Visby Rules,Hague Visby Regulations,\n\
            hr,Hamburg Rules,Hamburg-Rules Convention,\n\
            web,online,,on-line\n\
            login,sign in,log-in,\n\
            ds,data set,,data-base entry\n";
        let forbidden = |f: &str| vec![s(f, Status::Forbidden)];
        for (text, found) in [
            (
                "The Hague-Visby Regulations apply.",
                "Hague-Visby Regulations",
            ),
            (
                "The Hague Visby-Regulations apply.",
                "Hague Visby-Regulations",
            ),
            (
                "The Hague Visby Regulations apply.",
                "Hague Visby Regulations",
            ),
            (
                "The Hague\u{2011}Visby Regulations",
                "Hague\u{2011}Visby Regulations",
            ),
            ("The Hamburg Rules Convention", "Hamburg Rules Convention"),
            ("The Hamburg-Rules-Convention", "Hamburg-Rules-Convention"),
        ] {
            assert_eq!(found_in(glossary, text), forbidden(found), "{text}");
        }
        assert_eq!(
            found_in(glossary, "a data base entry"),
            vec![s("data base entry", Status::Deprecated)]
        );
        // Two words apart may be ordinary prose: a hyphenated two-word rendering is not found
        // written apart.
        for text in ["on line 5", "log in to the site", "the Hamburg Rules apply"] {
            assert!(
                found_in(glossary, text)
                    .iter()
                    .all(|(_, st)| st.is_approved()),
                "{text}"
            );
        }
        // An approved rendering gets no such variant: broken hyphenation is garbled-term's.
        assert!(found_in(glossary, "the Hague Visby Rules").is_empty());
        // Nor does the variant of a banned rendering reach a rendering listed itself.
        let listed = "id,preferred,forbidden\nem,e-mail,e mail address\nea,e-mail address,\n";
        assert_eq!(
            found_in(listed, "an e-mail address"),
            vec![s("e-mail address", Status::Preferred)]
        );
        assert_eq!(
            found_in(listed, "an e mail address"),
            vec![s("e mail address", Status::Forbidden)]
        );
        // A banned rendering that is an approved one in other hyphenation has no variants:
        // "end-of-file" is the approved rendering's hyphenation as much as the banned one's.
        let hyphenation = "id,preferred,forbidden\neof,end of file,end-of file\n";
        assert!(found_in(hyphenation, "at end-of-file").is_empty());
        assert_eq!(
            found_in(hyphenation, "at end-of file"),
            vec![s("end-of file", Status::Forbidden)]
        );
    }

    #[test]
    fn separator_variants_change_one_separator_between_words() {
        assert_eq!(
            separator_variants("Hague Visby Regulations"),
            ["Hague-Visby Regulations", "Hague Visby-Regulations"]
        );
        assert_eq!(
            separator_variants("Hamburg-Rules Convention"),
            ["Hamburg Rules Convention", "Hamburg-Rules-Convention"]
        );
        assert_eq!(
            separator_variants("refusal-of-service attack"),
            [
                "refusal of-service attack",
                "refusal-of service attack",
                "refusal-of-service-attack",
                "refusal of service attack"
            ]
        );
        assert_eq!(separator_variants("on-line"), Vec::<String>::new());
        assert_eq!(separator_variants("state-of-the-art"), Vec::<String>::new());
        assert_eq!(separator_variants("e-mail"), Vec::<String>::new());
        assert_eq!(separator_variants("C++ language"), Vec::<String>::new());
        assert_eq!(separator_variants("CAMCE"), Vec::<String>::new());
    }

    #[test]
    fn the_serial_comma_of_a_list_is_house_style() {
        for (listed, variant) in [
            (
                "Environmental, Social and Governance",
                Some("Environmental, Social, and Governance"),
            ),
            (
                "Environmental, Social, and Governance",
                Some("Environmental, Social and Governance"),
            ),
            ("Red, Green or Blue", Some("Red, Green, or Blue")),
            (
                "red, green, blue AND yellow",
                Some("red, green, blue, AND yellow"),
            ),
            (
                "Ministry of Industry, Trade and Commerce",
                Some("Ministry of Industry, Trade, and Commerce"),
            ),
            // No list of three: one comma before the conjunction sets a phrase off.
            ("Smith, and Jones", None),
            ("Research and Development", None),
            ("Beijing, China", None),
            // The last comma ends no list item: the words after it are no item and a
            // conjunction.
            ("Smith, Jones & Co", None),
            (
                "Weights (Kg), Sand and Gravel",
                Some("Weights (Kg), Sand, and Gravel"),
            ),
            ("A (B, C) and D", None),
            ("Sand and Gravel, Stone", None),
            ("brand, band", None),
        ] {
            assert_eq!(serial_comma_variant(listed).as_deref(), variant, "{listed}");
        }
    }

    #[test]
    fn a_rendering_is_found_with_or_without_the_serial_comma() {
        let glossary = "id,preferred,admitted,forbidden\n\
            esg,\"Environmental, Social and Governance\",ESG,\n\
            rgb,\"red, green, and blue\",,\n\
            bad,sustainability report,,\"Environment, Society and Management\"\n";
        for (text, found, status) in [
            (
                "our Environmental, Social, and Governance report",
                "Environmental, Social, and Governance",
                Status::Preferred,
            ),
            (
                "our Environmental, Social and Governance report",
                "Environmental, Social and Governance",
                Status::Preferred,
            ),
            (
                "in red, green and blue",
                "red, green and blue",
                Status::Preferred,
            ),
            (
                "the Environment, Society, and Management report",
                "Environment, Society, and Management",
                Status::Forbidden,
            ),
        ] {
            assert_eq!(found_in(glossary, text), vec![s(found, status)], "{text}");
        }
        // Other punctuation is no serial comma, nor is a comma ending another list item.
        for text in [
            "Environmental, Social; and Governance",
            "Environmental, Social, Governance",
            "Environmental, Social, and, Governance",
        ] {
            assert!(found_in(glossary, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_trade_mark_sign_inside_a_rendering_is_no_text_of_it() {
        let glossary = "id,preferred,forbidden\noeko,OEKO-TEX Standard 100,Oekotex Standard\n";
        let text = "它 OEKO-TEX® Standard 100 和 OEKO-TEX™ Standard 100™ 与 Oekotex℠ Standard";
        assert_eq!(
            found_in(glossary, text),
            vec![
                s("OEKO-TEX® Standard 100", Status::Preferred),
                s("OEKO-TEX™ Standard 100", Status::Preferred),
                s("Oekotex℠ Standard", Status::Forbidden),
            ]
        );
        // The letters "TM" are letters.
        assert!(found_in(glossary, "OEKO-TEXTM Standard 100").is_empty());
    }

    #[test]
    fn reports_spans_in_original_bytes_around_multibyte_text() {
        let text = "上海市总工会（Municipal General Assembly）。中工网（CAMCE）";
        let got = found(text);
        assert_eq!(
            got,
            vec![
                s("Municipal General Assembly", Status::Forbidden),
                s("CAMCE", Status::Forbidden)
            ]
        );
    }
}
