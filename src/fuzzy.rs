//! Garbled terms: near-misses of approved renderings, found through an index, not by comparing
//! every window of text with every term.
//!
//! Every word of an approved rendering gets a weight from how few concepts use it (inverse
//! document frequency over the glossary): "Shanghai" and "Federation" say which concept
//! "Shanghai Federation of Trade Unions" is, "of" and "trade" do not. The words that weigh
//! most in a rendering are its *identity* words. Words of the text are looked up exactly, by
//! lemma (a lost or added plural), through a deletion index (one typo, two in long words), and
//! split or joined against the glossary's words (broken spacing); only where two words of one
//! rendering, one of them an identity word, appear close together (or a single-word rendering
//! is near-missed) is a window of text compared with that rendering.
//!
//! A window is a garbled term when it keeps every identity word, scores above the threshold,
//! is not a rendering the glossary lists, and differs from the rendering by *damage*, not by
//! grammar or by being another entity:
//! - a word of the rendering replaced by another content word, a number added, or a word
//!   dropped where the text has another word in its place is another entity ("Guangdong
//!   Federation of Trade Unions", "Beijing Municipal Party Committee");
//! - a rendering whose head word is capitalised is a *name*: any change of its words, number,
//!   possessives or hyphens is damage, except a plural head after a quantifier or a
//!   placeholder of a count ("two National May 1 Labor Medals", "{count} Gold Coins"), the
//!   number of a numbered set ("Standard 16", "Models X200 and X300"), one of a series in the
//!   singular ("a Golden Rooster Award") and a name of ordinary words naming a class in the
//!   plural ("Intermediate People's Courts have jurisdiction", "Authorized Economic
//!   Operators"); word-level changes count only where the text keeps its capitals;
//! - other renderings are *common nouns*: their head inflects freely ("a model worker"), and
//!   only misspellings (in either number: "limit swiches"), broken spacing or hyphens (not
//!   a phrasal verb's: "top up"), inflected modifiers, and (in terms of three
//!   words or more) dropped or added function words, repeated or swapped words are damage;
//! - a single-word rendering is garbled only by misspelling or broken spacing.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use smallvec::SmallVec;

use crate::dictionary::{is_english_word, is_name};
use crate::glossary::Glossary;
use crate::inflection::{
    an_english_number_of, classical_numbers_of_one_word, head_position, in_number, lemma,
    lemma_keys, named_in_another_language, names_a_doer, number_of, same_lemma, Number,
};
use crate::matcher::{RenderingStart, WordFed};
use crate::normalize::{floor_char_boundary, is_hyphen, is_word_char, normalize_key, Normalized};
use crate::pinyin::{
    another_romanized_name, reads_as_pinyin, slip_of_a_syllable, written_in_syllables,
};
use crate::spelling::{
    families_in_either_number, families_of, same_word_spelled_differently,
    spelled_differently_in_other_number,
};
use crate::tokens::{tokenize, Token, Tokens};

/// Default minimum similarity for a garbled term.
pub const DEFAULT_THRESHOLD: f64 = 0.8;
/// How far below the threshold a score may be from rounding alone (see
/// [`FuzzyIndex::reaches`]): far below the scores' two reported decimals.
const SCORE_TOLERANCE: f64 = 1e-5;

/// How far apart (in words) two words of one rendering may be in the text to propose it.
const PAIR_REACH: usize = 3;
/// A word weighing at least this share of the heaviest word of its rendering is an identity word.
const IDENTITY_SHARE: f32 = 0.75;
/// A spelling the document uses this often is the author's own: not a typo, not a slip of
/// number or spacing.
const FREQUENT: u32 = 3;
/// ... unless, for a typo, the glossary word it resembles is used this many times as often:
/// "cotrol" written five times beside "control" written five hundred times is a slip made
/// more than once, not a word of the document's own (see [`repeated_slip`]).
const SLIP_RATIO: u32 = 10;
/// A spelling used this often is a word of the document's own, however common the glossary
/// word it resembles: a slip is made a few times, not tens of times.
const OWN_WORD_USES: u32 = 20;
/// The weight of a word every concept uses, and of function words.
const MIN_WEIGHT: f32 = 0.1;
/// Words shorter than this are compared exactly: one edit turns a short word into another
/// word too easily ("list" is not a typo of "NIST", nor "form" of "from").
const MIN_FUZZY_LEN: usize = 5;
/// Words longer than this (in bytes) are compared exactly, and never joined or split.
const MAX_FUZZY_BYTES: usize = 48;
/// Words at least this long may carry two edits ("modemization", "authentification").
const MIN_TWO_EDIT_LEN: usize = 8;
/// Words longer than this get one edit only: the keys of two edits grow with the square of the
/// length, and text full of long unknown strings (hashes, identifiers) would pay for it.
const MAX_TWO_EDIT_LEN: usize = 24;

/// English function words (closed classes: articles, prepositions, conjunctions). They carry no
/// identity: dropping or adding one inside a term is damage, not another entity, and a term
/// does not start or end with one that is not its own.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "against", "among", "an", "and", "as", "at", "between", "by", "for", "from",
    "in", "into", "of", "on", "or", "over", "per", "the", "to", "under", "via", "with",
];

/// The other closed classes of English: auxiliary and modal verbs, pronouns, determiners,
/// conjunctions, question words and the commonest adverbs and particles. Like function words
/// they do not show which term a phrase is ("was named", "shook up"), though they are not
/// dropped or added inside a term as those are.
const OTHER_CLOSED_CLASS_WORDS: &[&str] = &[
    "after", "all", "also", "am", "any", "are", "back", "be", "because", "been", "before", "being",
    "both", "but", "can", "could", "did", "do", "does", "down", "each", "either", "every", "had",
    "has", "have", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "is",
    "it", "its", "just", "may", "me", "might", "mine", "must", "my", "neither", "no", "nor", "not",
    "now", "off", "only", "our", "ours", "out", "shall", "she", "should", "so", "some", "such",
    "than", "that", "their", "theirs", "them", "then", "there", "these", "they", "this", "those",
    "though", "thus", "too", "up", "us", "very", "was", "we", "were", "what", "when", "where",
    "whether", "which", "while", "who", "whom", "whose", "why", "will", "would", "yet", "you",
    "your", "yours",
];

/// The adverb particles of English phrasal verbs ("top up", "log in", "roll out", "cut off").
const ADVERB_PARTICLES: &[&str] = &[
    "about", "across", "ahead", "along", "around", "aside", "away", "back", "by", "down", "in",
    "off", "on", "out", "over", "through", "up",
];

/// Words after which a plural head is grammar even in a name ("two National May 1 Labor
/// Medals", "several Workers' Pioneer awards", "not enough Gold Coins"): numbers and the
/// determiners of quantity that take a plural ("each" and "every" take a singular).
const QUANTIFIERS: &[&str] = &[
    "all",
    "any",
    "billion",
    "billions",
    "both",
    "dozen",
    "dozens",
    "eight",
    "eighty",
    "eleven",
    "enough",
    "few",
    "fewer",
    "fifty",
    "five",
    "forty",
    "four",
    "hundred",
    "hundreds",
    "many",
    "million",
    "millions",
    "more",
    "most",
    "multiple",
    "nine",
    "ninety",
    "no",
    "numerous",
    "other",
    "several",
    "seven",
    "seventy",
    "six",
    "sixty",
    "some",
    "ten",
    "these",
    "thirty",
    "those",
    "thousand",
    "thousands",
    "three",
    "twelve",
    "twenty",
    "two",
    "various",
];

/// English derivational and inflectional endings. Two words that are one stem with two of
/// these endings ("employers", "employees") are different words, not a typo of each other.
/// Chemistry's "-ate", "-ide" and "-ite" name different compounds ("sodium chlorate",
/// "sodium chloride", "sodium chlorite").
const WORD_ENDINGS: &[&str] = &[
    "able", "al", "ance", "ant", "ants", "ate", "ates", "ation", "ations", "ed", "ee", "ees", "en",
    "ence", "ent", "ents", "er", "ers", "ery", "es", "est", "ful", "ible", "ic", "ical", "ics",
    "ide", "ides", "ies", "ing", "ion", "ions", "ise", "ised", "ism", "ist", "ists", "ite", "ites",
    "ity", "ive", "ize", "ized", "less", "ly", "ment", "ments", "ness", "or", "ors", "ous", "ry",
    "ure", "y",
];

fn is_function_word(word: &str) -> bool {
    closed_class(word) == Some(ClosedClass::Function)
}

/// A word of a closed class: a word that does not show which term a phrase is.
pub(crate) fn is_weak_word(word: &str) -> bool {
    closed_class(word).is_some()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClosedClass {
    /// One of [`FUNCTION_WORDS`].
    Function,
    /// One of [`OTHER_CLOSED_CLASS_WORDS`].
    Other,
}

/// The closed class of a word, if any: one hash lookup, where the lists are asked about
/// words of the text as candidates are verified.
fn closed_class(word: &str) -> Option<ClosedClass> {
    static CLASSES: OnceLock<HashMap<&'static str, ClosedClass>> = OnceLock::new();
    let classes = CLASSES.get_or_init(|| {
        let function = FUNCTION_WORDS.iter().map(|&w| (w, ClosedClass::Function));
        let other = OTHER_CLOSED_CLASS_WORDS
            .iter()
            .map(|&w| (w, ClosedClass::Other));
        // A word on both lists is a function word.
        other.chain(function).collect()
    });
    classes.get(word).copied()
}

/// Whether a rendering is made of function words, auxiliaries, particles and pronouns only
/// ("the", "of", "he"): nothing in it shows which term it is, so it is neither searched for
/// near-misses nor compared for consistency. A word in capitals is an acronym ("IT", "US").
pub(crate) fn is_weak_rendering(rendering: &str) -> bool {
    let cased = normalize_key(rendering, false);
    tokenize(&cased).iter().all(|t| {
        let word = t.word(&cased);
        let acronym = word.chars().count() > 1 && !word.chars().any(char::is_lowercase);
        !acronym && is_weak_word(&word.to_lowercase())
    })
}

/// A rendering without the article it starts with, if more follows: a glossary that writes
/// "the Jade Palace" or "a duke of Qin" names the palace and the duke, and a text that drops
/// the article or puts an adjective after it ("the famous Jade Palace") garbles neither.
fn without_leading_article(rendering: &str) -> &str {
    let mut words = rendering.splitn(2, ' ');
    match (words.next(), words.next()) {
        // (No character outside ASCII lowercases to these letters: an ASCII comparison is
        // the comparison of the lowercase word.)
        (Some(first), Some(rest))
            if ["a", "an", "the"]
                .iter()
                .any(|article| first.eq_ignore_ascii_case(article))
                && rest.chars().any(char::is_alphanumeric) =>
        {
            rest
        }
        _ => rendering,
    }
}

/// How a word of the text relates to a word of the glossary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Likeness {
    Same,
    /// Same lemma, different number ("union" for "unions").
    Inflected,
    /// One edit away (two in long words): insertion, deletion, substitution, transposition.
    Typo,
    /// Another spelling of the same word ("labour" for "labor").
    Spelling,
}

impl Likeness {
    fn similarity(self) -> f32 {
        match self {
            Likeness::Same | Likeness::Spelling => 1.0,
            Likeness::Inflected => 0.9,
            Likeness::Typo => 0.8,
        }
    }
}

/// What is wrong with a garbled term, as reports name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Damage {
    /// A word misspelled ("Federaton").
    Misspelling,
    /// A word in the wrong number ("Trade Union" for "Trade Unions", a plural unique name).
    Number,
    /// A possessive lost or added ("Workers Daily").
    Possessive,
    /// A name's possessive apostrophe on the wrong side of its "s" ("Peoples' Bank of China"
    /// for "People's Bank of China", "Worker's Daily" for "Workers' Daily").
    MisplacedApostrophe,
    /// A hyphen lost or added ("All China", "Trade-Unions").
    Hyphenation,
    /// A word split or two words joined ("We Chat", "TradeUnions").
    Spacing,
    /// A word of the term left out.
    MissingWord,
    /// A word added inside the term.
    ExtraWord,
    /// A word of the term written twice.
    RepeatedWord,
    /// The words of the term in another order.
    WordOrder,
    /// Not damage: the term in another spelling of its words ("labour union" for "labor
    /// union"). Such a match is an occurrence of the rendering for consistency, never a
    /// garbled term.
    OtherSpelling,
    /// A case-sensitive term in wrong capitals ("gnb" for "gNB"; found by the exact matcher,
    /// see `TermMatcher::case_slip`).
    Capitals,
}

impl Damage {
    /// A few words for a person.
    pub fn describe(self) -> &'static str {
        match self {
            Damage::Misspelling => "misspelt word",
            Damage::Number => "wrong singular or plural",
            Damage::Possessive => "possessive lost or added",
            Damage::MisplacedApostrophe => "apostrophe misplaced",
            Damage::Hyphenation => "hyphen lost or added",
            Damage::Spacing => "broken spacing",
            Damage::MissingWord => "word missing",
            Damage::ExtraWord => "word added",
            Damage::RepeatedWord => "word repeated",
            Damage::WordOrder => "words out of order",
            Damage::OtherSpelling => "another spelling",
            Damage::Capitals => "wrong capitals of a case-sensitive term",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordMatch {
    word: u32,
    likeness: Likeness,
}

#[derive(Debug, Clone)]
struct RenderingWord {
    word: u32,
    possessive: bool,
    hyphenated: bool,
    /// Joined to the word before by an apostrophe inside one word: a syllable separator of
    /// a romanized name ("Xi'an", "Chang'e"), an elision ("O'Brien").
    apostrophe: bool,
    identity: bool,
    has_digit: bool,
    /// Written with a capital in the glossary.
    capitalized: bool,
    /// Written with a capital after a small letter in the glossary ("WeChat").
    mixed_case: bool,
    /// Written in capitals in the glossary, two letters or more: an acronym ("PDSCH").
    acronym: bool,
    /// A word of a closed class (see `is_weak_word`).
    weak: bool,
}

#[derive(Debug, Clone)]
struct IndexedRendering {
    concept: usize,
    rendering: usize,
    words: Vec<RenderingWord>,
    /// Word positions, heaviest first (the order in which words are aligned).
    by_weight: Vec<usize>,
    /// The normalized rendering, to skip its exact occurrences quickly.
    key: String,
    /// The head word: the last word before a preposition, or the last word.
    head: usize,
    /// The head is capitalised or a number ("Windows 11"): a name with a fixed form, not a
    /// common noun.
    name: bool,
    /// One of its words is a function word.
    has_function_word: bool,
}

impl IndexedRendering {
    /// Only damage a word shows (misspelt, inflected, split, joined or repeated), or its words
    /// out of order, can garble it: a common noun without hyphens or possessives, without a
    /// capitalised word after its first, and without a function word it could lose (see
    /// `align`).
    fn needs_word_damage(&self) -> bool {
        !self.name
            && !self.words.iter().any(|w| w.hyphenated || w.possessive)
            // A proper part ("Warring States period") is a name's: another number of it
            // is damage however often the document writes that number (see `damage`).
            && !self.words.iter().skip(1).any(|w| w.capitalized)
            && (self.words.len() < 4 || !self.has_function_word)
    }

    /// Not even out of order: a common noun of two words cannot be swapped (see `align`).
    fn needs_damage_in_order(&self) -> bool {
        self.needs_word_damage() && self.words.len() < 3
    }
}

/// The glossary's approved renderings, indexed for near-miss search. Built once per run.
#[derive(Debug)]
pub struct FuzzyIndex {
    vocabulary: HashMap<String, u32>,
    weights: Vec<f32>,
    /// Per word: the other words with its lemma ("unions" for "union").
    inflections: Vec<Vec<u32>>,
    by_lemma: HashMap<String, Vec<u32>>,
    /// Glossary words by their British/American spelling family.
    by_spelling: HashMap<&'static str, Vec<u32>>,
    /// Each word (of at least [`MIN_FUZZY_LEN`] characters, without digits) and every string one
    /// deletion away from it (two for long words), to the words it stands for; keyed by the
    /// strings' hashes (see [`deletion_keys_of`]), so that no string is built for a key.
    /// Most keys stand for one word, so the words are kept inline: no allocation per key.
    by_deletion: HashMap<u64, SmallVec<[u32; 2]>>,
    /// The keys of `by_deletion` in a Bloom filter sized to them: most strings a text word
    /// yields are in none, and the filter says so without a cache miss in the large map.
    deletion_filter: BloomFilter,
    /// The keys ([`SubstringHashes::whole`]) of the words of `vocabulary`: most ways of
    /// cutting a word of the text in two give no glossary word, and the filter says so
    /// without a lookup in `vocabulary` (see [`FuzzyIndex::split_point`]).
    vocabulary_filter: BloomFilter,
    words: Vec<String>,
    renderings: Vec<IndexedRendering>,
    /// Per concept: its indexed renderings.
    by_concept: HashMap<usize, Vec<u32>>,
    /// Per concept that bans some: its deprecated and forbidden renderings as written, for
    /// [`FuzzyIndex::keeps_number`], asked only of a garbled term found.
    banned: HashMap<usize, Vec<String>>,
    /// Pairs of words (one an identity word) to the renderings holding both, both ways round.
    /// Per word: the other words of its renderings that make such a pair with it, sorted, each
    /// with the renderings holding both (a small list per word, searched without hashing).
    partners: PartnerTable,
    /// The same, with only the renderings that need no word damage nearby when the partner
    /// stands after the word in the text: what is searched where no word is damaged. A
    /// rendering that needs word damage (see [`IndexedRendering::needs_word_damage`]) can
    /// still be garbled by its words out of order, unless it needs damage even then (see
    /// [`IndexedRendering::needs_damage_in_order`]).
    loud_after: PartnerTable,
    /// Single-word renderings by their word.
    by_single: HashMap<u32, Vec<u32>>,
    /// Per word: every rendering holding it needs word damage (see
    /// [`IndexedRendering::needs_word_damage`]), so without such damage nearby it proposes none.
    needs_damage: Vec<bool>,
    /// Pairs of glossary words that follow each other in some rendering.
    neighbours: HashSet<(u32, u32)>,
    /// Per word: a syllable of a name written in pinyin syllables, shorter than
    /// [`MIN_FUZZY_LEN`] ("pao" of "Da Hong Pao"): indexed for slips all the same (see
    /// [`slip_of_a_syllable`]).
    syllable_of_a_name: Vec<bool>,
    /// Some such syllable is shorter than the words of the text looked up for typos: the
    /// shorter words of the text are looked up too.
    short_syllables: bool,
    /// Per word: a word the glossary fixes, of a name of three words or more, or inside a term
    /// of four words or more (neither its first nor its last): a word of the text of its stem
    /// with another ending, or a slip of it where it is a function word, is looked for all the
    /// same, and is a slip where the term's other words are written as the glossary has them
    /// (see [`FuzzyIndex::slip_out_of_its_term`]).
    fixed_in_a_term: Vec<bool>,
    /// Words fixed in a term (see `fixed_in_a_term`), of letters only, by the keys
    /// ([`SubstringHashes`]) of the word and of its beginnings without up to [`STEM_TAIL`]
    /// letters: a word of the text with another ending of the stem, too far from the glossary
    /// word in letters for the deletion index ("East" of "Eastern", "Southern" of "South"), or
    /// itself a glossary word ("Cooperative" of "Cooperation"), is found by a key both share.
    fixed_by_stem: HashMap<u64, SmallVec<[u32; 2]>>,
    /// Words fixed in a term, of letters only, by the keys of their beginnings that a
    /// clipping may be ("exam" of "examination", see [`clipping`]).
    clipped_of_fixed: HashMap<u64, SmallVec<[u32; 2]>>,
    /// Most words in a rendering.
    longest: usize,
    /// Per word: most words in a rendering holding it, saturated at `u16::MAX`.
    longest_with: Vec<u16>,
    /// Proper beginnings and ends of glossary words (of at most [`MAX_FUZZY_BYTES`]): the
    /// parts a word written apart may show, numbered.
    prefixes: HashMap<String, u32>,
    suffixes: HashMap<String, u32>,
    /// The (prefix, suffix) pairs that make a glossary word: two words of the text are joined
    /// when theirs are one of these, without building the joined word to look it up.
    joins: HashSet<(u32, u32)>,
    threshold: f64,
}

/// A near-miss found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct GarbledMatch {
    /// Byte span in the normalized text.
    pub normalized: Range<usize>,
    /// Index of the concept in the glossary.
    pub concept: usize,
    /// Index of the approved rendering it misses, in the concept.
    pub rendering: usize,
    /// Similarity in 0..=1.
    pub score: f64,
    /// The first difference found.
    pub damage: Damage,
    /// How close the window is to the rendering letter by letter (normalized Levenshtein
    /// similarity of the two keys), which the score is not where a word inflects at no cost:
    /// of "bottom half" and "bottom halves", "botton half" misspells the first.
    pub literal: f64,
    /// The number the text writes a common noun's head in, where it is not the rendering's
    /// ("Postdoctoral reseachers" of "postdoctoral researcher"): the correction is the
    /// rendering in that number.
    pub number: Option<Number>,
}

/// An approved rendering while the index is built: concept, rendering, normalized key, its
/// words, their numbers among the glossary words, and which of them the glossary capitalises
/// (see [`CasedWord`]).
type TokenizedRendering = (usize, usize, String, Vec<Token>, Vec<u32>, Vec<CasedWord>);

/// How the glossary writes a word of a rendering: with a capital at its start, with one after
/// a small letter ("WeChat"), and in capitals ("PDSCH").
type CasedWord = [bool; 3];

/// A rendering holding two words, and where they stand in it.
#[derive(Debug, Clone, Copy)]
struct PairUse {
    /// The rendering's other words, and its identity words among them, as bits of their ids
    /// modulo 64 (see [`PartnerBits::own`]).
    others: u64,
    identity_others: u64,
    rendering: u32,
    a_at: u32,
    b_at: u32,
    /// [`IndexedRendering::needs_word_damage`] of the rendering.
    quiet: bool,
    /// [`IndexedRendering::needs_damage_in_order`] of the rendering.
    quiet_in_order: bool,
    /// The two words' weight may reach the threshold without the others.
    enough: bool,
}

/// The partners of every glossary word, in flat arrays: for word `a`, a mask of its partner
/// words and, behind it, those words sorted, each with the renderings holding both. The masks
/// alone are read for most words of the text, and lie side by side (32 bytes a word) so that
/// they stay in the cache.
#[derive(Debug, Clone, Default)]
struct PartnerTable {
    /// Per word: one bit per partner word (its id modulo 256). Most words of the text are no
    /// partner, and the mask says so before any search. (With 64 bits, the mask of a word
    /// with a dozen partners let a fifth of all words through to the search.)
    masks: Vec<[u64; 4]>,
    /// Per word: where its partners start in `words` (and one more for the end).
    firsts: Vec<u32>,
    /// Partner words, sorted within each word's stretch.
    words: Vec<u32>,
    /// Per partner: where its uses start in `uses` (and one more for the end).
    starts: Vec<u32>,
    uses: Vec<PairUse>,
}

impl PartnerTable {
    fn new(lists: Vec<Vec<(u32, Vec<PairUse>)>>) -> Self {
        let mut table = PartnerTable::default();
        for mut list in lists {
            list.sort_unstable_by_key(|(b, _)| *b);
            let mut mask = [0u64; 4];
            table.firsts.push(table.words.len() as u32);
            for (b, uses) in list {
                mask[(b % 256 / 64) as usize] |= 1 << (b % 64);
                table.words.push(b);
                table.starts.push(table.uses.len() as u32);
                table.uses.extend(uses);
            }
            table.masks.push(mask);
        }
        table.firsts.push(table.words.len() as u32);
        table.starts.push(table.uses.len() as u32);
        table
    }

    /// The mask of `word`'s partners, all zero if it has none.
    fn mask(&self, word: u32) -> [u64; 4] {
        self.masks[word as usize]
    }

    /// The renderings holding `a` and `b`, where `mask` is `a`'s.
    fn of(&self, mask: &[u64; 4], a: u32, b: u32) -> &[PairUse] {
        if mask[(b % 256 / 64) as usize] & (1 << (b % 64)) == 0 {
            return &[];
        }
        let first = self.firsts[a as usize] as usize;
        let words = &self.words[first..self.firsts[a as usize + 1] as usize];
        match words.binary_search(&b) {
            Ok(k) => {
                let k = first + k;
                &self.uses[self.starts[k] as usize..self.starts[k + 1] as usize]
            }
            Err(_) => &[],
        }
    }
}

/// The words of a rendering each word of a stretch of text can stand for in an alignment (bit
/// `k` for word `k`), as [`FuzzyIndex::align`] pairs them: most windows a candidate proposes
/// cannot align, and this shows it without aligning them.
struct StandsFor {
    /// Where the stretch starts in the text.
    first: usize,
    /// Per word of the stretch; empty for a rendering of more than 64 words (none is ruled out).
    words: SmallVec<[u64; 24]>,
    /// The rendering's identity words.
    identity: u64,
    /// The words some word of the stretch stands for, and those it stands for other than by a
    /// typo.
    any: u64,
    whole: u64,
}

#[cfg(test)]
thread_local! {
    /// Off in tests that compare the search with and without the shortcuts that rule
    /// candidates out before they are aligned.
    static SHORTCUTS: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

fn shortcuts() -> bool {
    #[cfg(test)]
    return SHORTCUTS.get();
    #[cfg(not(test))]
    true
}

impl StandsFor {
    /// Rules nothing out.
    fn unknown() -> Self {
        StandsFor {
            first: 0,
            words: SmallVec::new(),
            identity: 0,
            any: 0,
            whole: 0,
        }
    }

    fn new(r: &IndexedRendering, stretch: Range<usize>, matches: &Matches) -> Self {
        let mut stands_for = StandsFor {
            first: stretch.start,
            ..StandsFor::unknown()
        };
        if r.words.len() > 64 {
            return stands_for;
        }
        for (k, rw) in r.words.iter().enumerate() {
            if rw.identity {
                stands_for.identity |= 1 << k;
            }
        }
        let (mut any, mut whole) = (0u64, 0u64);
        // Sized once and filled in place: most words of a stretch have no matches, and a push
        // per word would test the capacity each time.
        stands_for.words.resize(stretch.len(), 0);
        for (bits, ti) in stands_for.words.iter_mut().zip(stretch) {
            for m in matches.of(ti) {
                for (k, rw) in r.words.iter().enumerate() {
                    // A number is aligned only with itself (see `align`).
                    if m.word == rw.word && (!rw.has_digit || m.likeness == Likeness::Same) {
                        *bits |= 1 << k;
                        if m.likeness != Likeness::Typo {
                            whole |= 1 << k;
                        }
                    }
                }
            }
            any |= *bits;
        }
        stands_for.any = any;
        stands_for.whole = whole;
        stands_for
    }

    /// The words of the rendering some word of the whole stretch stands for, and those it
    /// stands for other than by a typo; `None` where the words are not known.
    fn in_all(&self) -> Option<(u64, u64)> {
        (!self.words.is_empty()).then_some((self.any, self.whole))
    }

    /// Whether `window` of the text may align: its edge words stand for words of the
    /// rendering, and its words for every identity word.
    fn may_align(&self, window: Range<usize>) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let words = &self.words[window.start - self.first..window.end - self.first];
        let all = words.iter().fold(0, |all, bits| all | bits);
        words[0] != 0 && words[words.len() - 1] != 0 && all & self.identity == self.identity
    }
}

/// For each word of a rendering, the word of the text aligned with it (see
/// [`FuzzyIndex::align`]); inline for renderings of up to eight words.
type Alignment = SmallVec<[Option<usize>; 8]>;

/// Positions in a window or a rendering, inline for the usual few.
type Positions = SmallVec<[usize; 8]>;

/// Why a window cannot be a garbled form of a rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reject {
    /// Too little of the rendering is there.
    Unrelated,
    /// A word of the rendering is replaced by another content word, or a number is added:
    /// another entity.
    Substitution,
}

impl FuzzyIndex {
    /// Bytes of its largest tables: the deletion index (the bulk of it), the vocabulary, the
    /// words, the prefixes and the renderings' keys. Smaller tables and hash-table overhead
    /// are not counted, so this is a lower bound.
    pub fn memory_estimate(&self) -> usize {
        let string = std::mem::size_of::<String>();
        self.by_deletion
            .values()
            .map(|ids| {
                let spilled = if ids.spilled() { 4 * ids.capacity() } else { 0 };
                8 + std::mem::size_of_val(ids) + spilled
            })
            .sum::<usize>()
            + self
                .vocabulary
                .keys()
                .map(|k| string + k.capacity() + 4)
                .sum::<usize>()
            + self
                .words
                .iter()
                .map(|w| string + w.capacity())
                .sum::<usize>()
            + self
                .prefixes
                .keys()
                .map(|p| string + p.capacity() + 4)
                .sum::<usize>()
            + self
                .renderings
                .iter()
                .map(|r| r.key.capacity())
                .sum::<usize>()
            + std::mem::size_of_val(self.renderings.as_slice())
    }

    /// Indexes the approved renderings of `glossary`; `threshold` is the minimum similarity.
    pub fn new(glossary: &Glossary, threshold: f64) -> Self {
        let mut index = FuzzyIndex {
            vocabulary: HashMap::default(),
            weights: Vec::new(),
            inflections: Vec::new(),
            by_lemma: HashMap::default(),
            by_spelling: HashMap::default(),
            by_deletion: HashMap::default(),
            deletion_filter: BloomFilter::for_keys(0),
            vocabulary_filter: BloomFilter::for_keys(0),
            words: Vec::new(),
            renderings: Vec::new(),
            by_concept: HashMap::default(),
            banned: HashMap::default(),
            partners: PartnerTable::default(),
            loud_after: PartnerTable::default(),
            by_single: HashMap::default(),
            needs_damage: Vec::new(),
            neighbours: HashSet::default(),
            syllable_of_a_name: Vec::new(),
            short_syllables: false,
            fixed_in_a_term: Vec::new(),
            fixed_by_stem: HashMap::default(),
            clipped_of_fixed: HashMap::default(),
            longest: 0,
            longest_with: Vec::new(),
            prefixes: HashMap::default(),
            suffixes: HashMap::default(),
            joins: HashSet::default(),
            threshold,
        };
        // Document frequency of a word: how many concepts use it in an approved rendering.
        let mut concepts_using: Vec<u32> = Vec::new();
        // Per word: the last concept (numbered from 1) counted as using it, so that a concept
        // counts once however many of its renderings hold the word.
        let mut counted_for: Vec<usize> = Vec::new();
        let mut tokenized: Vec<TokenizedRendering> = Vec::new();
        for (ci, concept) in glossary.concepts.iter().enumerate() {
            for (ri, r) in concept.renderings.iter().enumerate() {
                if !r.status.is_approved() {
                    continue;
                }
                let key = normalize_key(&r.text, true);
                let weak = tokenize(&key).iter().all(|t| is_weak_word(t.word(&key)));
                // (The cased test, for acronyms, only where every word may be weak.)
                if weak && is_weak_rendering(&r.text) {
                    continue;
                }
                let key = without_leading_article(&key).to_string();
                let tokens = tokenize(&key);
                let cased = normalize_key(&r.text, false);
                let cased = without_leading_article(&cased);
                let cased_tokens = tokenize(cased);
                // Per word: written with a capital, with one inside ("WeChat"), in capitals.
                let capitals: Vec<CasedWord> = if cased_tokens.len() == tokens.len() {
                    cased_tokens
                        .iter()
                        .map(|t| {
                            let word = t.word(cased);
                            [starts_upper(word), mixed_case(word), in_capitals(word)]
                        })
                        .collect()
                } else {
                    vec![[false; 3]; tokens.len()]
                };
                let ids: Vec<u32> = tokens.iter().map(|t| index.intern(t.word(&key))).collect();
                for &id in &ids {
                    if concepts_using.len() <= id as usize {
                        concepts_using.resize(id as usize + 1, 0);
                        counted_for.resize(id as usize + 1, 0);
                    }
                    if counted_for[id as usize] != ci + 1 {
                        counted_for[id as usize] = ci + 1;
                        concepts_using[id as usize] += 1;
                    }
                }
                tokenized.push((ci, ri, key, tokens, ids, capitals));
            }
        }
        // Function words carry no identity however rare they are in a small glossary.
        let n = glossary.concepts.len().max(1) as f32;
        index.weights = concepts_using
            .iter()
            .zip(&index.words)
            .map(|(&df, word)| {
                if is_function_word(word) {
                    MIN_WEIGHT
                } else {
                    ((n + 1.0) / (df as f32 + 0.5)).ln().max(MIN_WEIGHT)
                }
            })
            .collect();
        let mut by_pair: HashMap<(u32, u32), Vec<PairUse>> = HashMap::default();
        for (ci, ri, key, tokens, ids, capitals) in tokenized {
            if tokens.is_empty() {
                continue;
            }
            let heaviest = ids
                .iter()
                .map(|&id| index.weights[id as usize])
                .fold(0.0f32, f32::max);
            let words: Vec<RenderingWord> = tokens
                .iter()
                .zip(&ids)
                .zip(&capitals)
                .enumerate()
                .map(|(k, ((t, &word), &[capitalized, mixed_case, acronym]))| {
                    let has_digit = t.word(&key).chars().any(|c| c.is_numeric());
                    let apostrophe = k > 0
                        && tokens[k - 1].span.end + 1 == t.span.start
                        && key.as_bytes()[t.span.start - 1] == b'\'';
                    RenderingWord {
                        word,
                        possessive: t.possessive,
                        hyphenated: t.hyphenated,
                        apostrophe,
                        identity: has_digit
                            || index.weights[word as usize] >= IDENTITY_SHARE * heaviest,
                        has_digit,
                        capitalized,
                        mixed_case,
                        acronym,
                        weak: is_weak_word(t.word(&key)),
                    }
                })
                .collect();
            let id = index.renderings.len() as u32;
            if words.len() == 1 {
                index.by_single.entry(words[0].word).or_default().push(id);
            } else {
                let mut pairs: Vec<((u32, u32), PairUse)> = Vec::new();
                // Both ways round: the search looks a pair up from its first word in the text,
                // which may be either.
                for (pa, a) in words.iter().enumerate().filter(|(_, w)| w.identity) {
                    for (pb, b) in words.iter().enumerate() {
                        if a.word != b.word {
                            let used = |a_at: usize, b_at: usize| PairUse {
                                others: 0,
                                identity_others: 0,
                                rendering: id,
                                a_at: a_at as u32,
                                b_at: b_at as u32,
                                quiet: false,
                                quiet_in_order: false,
                                enough: true,
                            };
                            pairs.push(((a.word, b.word), used(pa, pb)));
                            pairs.push(((b.word, a.word), used(pb, pa)));
                        }
                    }
                }
                // One use per pair of words: the first places of both.
                pairs.sort_by_key(|(pair, used)| (*pair, used.a_at, used.b_at));
                pairs.dedup_by_key(|(pair, _)| *pair);
                for (pair, used) in pairs {
                    by_pair.entry(pair).or_default().push(used);
                }
            }
            let mut by_weight: Vec<usize> = (0..words.len()).collect();
            by_weight.sort_by(|&a, &b| {
                index.weights[words[b].word as usize]
                    .total_cmp(&index.weights[words[a].word as usize])
            });
            let texts: Vec<&str> = words
                .iter()
                .map(|w| index.words[w.word as usize].as_str())
                .collect();
            let head = head_position(&texts, |k| words[k].hyphenated);
            // A head joined by an apostrophe is the end of one word, capitalised at its
            // start: "Xi'an", "Zhao Ling'er" are names.
            let word_start = (0..=head)
                .rev()
                .find(|&k| !words[k].apostrophe)
                .unwrap_or(0);
            let concept = &glossary.concepts[ci];
            let text = &concept.renderings[ri].text;
            let name = words[word_start].capitalized
                || words[head].has_digit
                || named_in_another_language(text);
            if let std::collections::hash_map::Entry::Vacant(slot) = index.banned.entry(ci) {
                let banned: Vec<String> = concept
                    .renderings
                    .iter()
                    .filter(|b| !b.status.is_approved())
                    .map(|b| b.text.clone())
                    .collect();
                if !banned.is_empty() {
                    slot.insert(banned);
                }
            }
            index.by_concept.entry(ci).or_default().push(id);
            index.renderings.push(IndexedRendering {
                concept: ci,
                rendering: ri,
                by_weight,
                key,
                name,
                has_function_word: words
                    .iter()
                    .any(|w| is_function_word(&index.words[w.word as usize])),
                head,
                words,
            });
        }
        let mut partners: Vec<Vec<(u32, Vec<PairUse>)>> = vec![Vec::new(); index.words.len()];
        let mut loud_after: Vec<Vec<(u32, Vec<PairUse>)>> = vec![Vec::new(); index.words.len()];
        for ((a, b), mut uses) in by_pair {
            for u in &mut uses {
                let r = &index.renderings[u.rendering as usize];
                u.quiet = r.needs_word_damage();
                u.quiet_in_order = r.needs_damage_in_order();
                let (mut pair_weight, mut total) = (0.0f32, 0.0f32);
                for w in &r.words {
                    let weight = index.weights[w.word as usize];
                    total += weight;
                    if w.word == a || w.word == b {
                        pair_weight += weight;
                    } else {
                        u.others |= 1 << (w.word % 64);
                        if w.identity {
                            u.identity_others |= 1 << (w.word % 64);
                        }
                    }
                }
                // A margin for sums in another order (see `may_reach`): this only rules out.
                u.enough = f64::from(pair_weight / total) >= threshold - 1e-4;
            }
            // With `b` after `a` in the text, a use is in order where `b` follows `a` in the
            // rendering too.
            let loud: Vec<PairUse> = uses
                .iter()
                .copied()
                .filter(|u| {
                    if u.a_at < u.b_at {
                        !u.quiet
                    } else {
                        !u.quiet_in_order
                    }
                })
                .collect();
            if !loud.is_empty() {
                loud_after[a as usize].push((b, loud));
            }
            partners[a as usize].push((b, uses));
        }
        index.partners = PartnerTable::new(partners);
        index.loud_after = PartnerTable::new(loud_after);
        for r in &index.renderings {
            for w in r.words.windows(2) {
                index.neighbours.insert((w[0].word, w[1].word));
            }
        }
        // A slip in a syllable of three or four letters of a name written in syllables; a
        // slip in two letters is rather another word.
        index.syllable_of_a_name = vec![false; index.words.len()];
        index.fixed_in_a_term = vec![false; index.words.len()];
        for r in &index.renderings {
            for (k, w) in r.words.iter().enumerate() {
                if fixed_in(r, k) {
                    index.fixed_in_a_term[w.word as usize] = true;
                }
            }
        }
        let mut hashes = SubstringHashes::default();
        for (id, word) in index.words.iter().enumerate() {
            if index.fixed_in_a_term[id]
                && !is_function_word(word)
                && word.len() >= MIN_STEM
                && word.bytes().all(|b| b.is_ascii_lowercase())
            {
                hashes.fill(word.as_bytes());
                for key in stem_keys(&hashes, word.len()) {
                    let ids = index.fixed_by_stem.entry(key).or_default();
                    if !ids.contains(&(id as u32)) {
                        ids.push(id as u32);
                    }
                }
                for key in clipping_keys(&hashes, word.len()) {
                    index
                        .clipped_of_fixed
                        .entry(key)
                        .or_default()
                        .push(id as u32);
                }
            }
        }
        for r in &index.renderings {
            let words: SmallVec<[&str; 8]> = r
                .words
                .iter()
                .map(|w| index.words[w.word as usize].as_str())
                .collect();
            if written_in_syllables(&words) {
                for w in &r.words {
                    let n = index.words[w.word as usize].len();
                    if (3..MIN_FUZZY_LEN).contains(&n) {
                        index.syllable_of_a_name[w.word as usize] = true;
                        index.short_syllables |= n + 1 < MIN_FUZZY_LEN;
                    }
                }
            }
        }
        index.needs_damage = vec![true; index.words.len()];
        index.longest_with = vec![0; index.words.len()];
        for r in &index.renderings {
            index.longest = index.longest.max(r.words.len());
            let n = u16::try_from(r.words.len()).unwrap_or(u16::MAX);
            for w in &r.words {
                let longest = &mut index.longest_with[w.word as usize];
                *longest = (*longest).max(n);
            }
            if !r.needs_damage_in_order() {
                for w in &r.words {
                    index.needs_damage[w.word as usize] = false;
                }
            }
        }
        for (id, word) in index.words.iter().enumerate() {
            // In either number: a text may write the rendering's word in the other number
            // and the other spelling at once ("counselors" for "counsellor").
            for family in families_in_either_number(word) {
                let ids = index.by_spelling.entry(family).or_default();
                if !ids.contains(&(id as u32)) {
                    ids.push(id as u32);
                }
            }
            for key in lemma_keys(word) {
                let ids = index.by_lemma.entry(key.into_owned()).or_default();
                if !ids.contains(&(id as u32)) {
                    ids.push(id as u32);
                }
            }
        }
        index.inflections = index
            .words
            .iter()
            .enumerate()
            .map(|(id, word)| {
                let mut others: Vec<u32> = lemma_keys(word)
                    .iter()
                    .flat_map(|k| index.by_lemma[k.as_ref()].iter().copied())
                    .filter(|&other| other as usize != id)
                    .collect();
                others.sort_unstable();
                others.dedup();
                others
            })
            .collect();
        for word in index.words.iter().filter(|w| w.len() <= MAX_FUZZY_BYTES) {
            for (i, _) in word.char_indices().skip(1) {
                let next = index.prefixes.len() as u32;
                index.prefixes.entry(word[..i].to_string()).or_insert(next);
                let next = index.suffixes.len() as u32;
                index.suffixes.entry(word[i..].to_string()).or_insert(next);
            }
        }
        // Every glossary word, whatever its length, that a prefix and a suffix make.
        for word in &index.words {
            for (i, _) in word.char_indices().skip(1) {
                let prefix = index.prefixes.get(&word[..i]);
                if let (Some(&p), Some(&s)) = (prefix, index.suffixes.get(&word[i..])) {
                    index.joins.insert((p, s));
                }
            }
        }
        // Sized once: a few hundred thousand keys on a large glossary.
        let syllables = index.syllable_of_a_name.clone();
        let indexed = |id: usize, word: &str| fuzzy_eligible(word) || syllables[id];
        let keys: usize = index
            .words
            .iter()
            .enumerate()
            .filter(|&(id, w)| indexed(id, w))
            .map(|(_, w)| {
                let n = w.chars().count();
                if two_edits_allowed(w) {
                    n + n.saturating_sub(1) * n.saturating_sub(2) / 2
                } else {
                    n
                }
            })
            .sum::<usize>()
            + index
                .words
                .iter()
                .enumerate()
                .filter(|&(id, w)| indexed(id, w) && undoubled_key(w).is_some())
                .count();
        index.vocabulary_filter = BloomFilter::for_keys(index.words.len());
        index.by_deletion.reserve(keys);
        index.deletion_filter = BloomFilter::for_keys(keys);
        let mut hashes = SubstringHashes::default();
        for (id, word) in index.words.iter().enumerate() {
            let id = id as u32;
            hashes.fill(word.as_bytes());
            index.vocabulary_filter.insert(hashes.whole());
            if indexed(id as usize, word) {
                let mut add = |key: u64| {
                    index.deletion_filter.insert(key);
                    let ids = index.by_deletion.entry(key).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                };
                deletion_keys_of(word, &hashes, two_edits_allowed(word), &mut add);
                // A doubled letter moved or lost is two edits that no deletion key of a short
                // word reaches ("tarrif" for "tariff"): the word with its doubled letters
                // single is one more key (see `undoubled_key`).
                if let Some(key) = undoubled_key(word) {
                    add(key);
                }
            }
        }
        index
    }

    /// Whether a window scoring `score` is similar enough. Scores are quotients of sums of
    /// `f32` weights, so a score that is the threshold exactly (a misspelt one-word rendering
    /// scores 0.8, the default threshold) comes out a rounding error either side of it,
    /// depending on the word's weight, and so on the glossary's size: it is let through.
    fn reaches(&self, score: f32) -> bool {
        f64::from(score) >= self.threshold - SCORE_TOLERANCE
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.vocabulary.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.to_string());
        self.vocabulary.insert(word.to_string(), id);
        id
    }

    /// Every near-miss of an approved rendering in `norm`, the normalized form of `original`.
    /// A normalized text that is a rendering the glossary lists is never garbled: `exact`
    /// says which are. `cache` remembers lookups of words across calls for one document.
    ///
    /// `exact` is the exact matcher of the same text: it is offered the words that start a
    /// rendering as they are read (see [`WordFed`]), and tells which do.
    pub fn find(
        &self,
        norm: &Normalized,
        original: &str,
        exact: &mut WordFed,
        cache: &mut WordCache,
    ) -> Vec<GarbledMatch> {
        self.find_in_windows(norm, original, exact, cache, u32::MAX as usize)
    }

    /// [`FuzzyIndex::find`], with words at offsets of four bytes: a text longer than `window`
    /// bytes (only a block made for a glossary with a term of a gigabyte is) is searched in
    /// overlapping windows, each match reported by the window it starts in before the next
    /// window's report starts, as the block reader does with blocks.
    fn find_in_windows(
        &self,
        norm: &Normalized,
        original: &str,
        exact: &mut WordFed,
        cache: &mut WordCache,
        window: usize,
    ) -> Vec<GarbledMatch> {
        let text = norm.text.as_str();
        if self.renderings.is_empty() || text.len() > window {
            // Words read window by window would be offered twice where windows overlap.
            exact.scan_instead();
        }
        if self.renderings.is_empty() {
            return Vec::new();
        }
        let counted_until = cache.count_until.unwrap_or(usize::MAX);
        let mut found = Vec::new();
        let (mut start, mut report_from) = (0usize, 0);
        loop {
            let end = floor_char_boundary(text, start.saturating_add(window));
            let last = end == text.len();
            // The cut falls on whitespace in the second half of the window where it can.
            let cut = if last {
                end
            } else {
                let half = floor_char_boundary(text, start + window / 2);
                text[half..end]
                    .rfind(char::is_whitespace)
                    .map_or(end, |at| half + at)
            };
            let counted = report_from..cut.min(counted_until);
            found.extend(
                self.find_in(norm, original, exact, cache, start..end, counted)
                    .into_iter()
                    .filter(|m| m.normalized.start >= report_from && m.normalized.start < cut),
            );
            if last {
                return found;
            }
            // The next window starts a quarter window back: a term across the cut is whole
            // in it, with the words around it.
            let next = floor_char_boundary(text, cut.saturating_sub(window / 4));
            start = if next > start { next } else { cut };
            report_from = cut;
        }
    }

    /// The near-misses in `norm.text[within]`, in offsets of the whole text; words are
    /// counted only where they start in `counted`.
    fn find_in(
        &self,
        norm: &Normalized,
        original: &str,
        exact: &mut WordFed,
        cache: &mut WordCache,
        within: Range<usize>,
        counted: Range<usize>,
    ) -> Vec<GarbledMatch> {
        let base = within.start;
        let text = &norm.text[within];
        // The buffers of the last text, reused (see `Scratch`); put back at the end.
        let mut scratch = std::mem::take(&mut cache.scratch);
        let counted = counted.start.saturating_sub(base)..counted.end.saturating_sub(base);
        self.prepare_words(text, base, &mut scratch, exact, cache);
        let Scratch {
            words: tokens,
            damaged,
            with_matches,
            active,
            offered: _,
        } = &mut scratch;
        count_active(with_matches, tokens, &counted, cache);
        // Damage a common noun can show in a word: misspelt, inflected, split, joined or
        // repeated (the last three are marked already). Knowing the words showing it lets
        // most candidate windows be skipped unseen. Only words with matches are read here:
        // the counts they depend on are complete only now that every word is counted.
        active.clear();
        for &at in with_matches.iter() {
            let t = &mut tokens[at as usize];
            let stats = &cache.stats[t.entry as usize];
            // Uses always beside the same word on one side are one phrase repeated, not
            // the spelling used freely (see `WordContext`).
            let often = stats.count_in(cache.document) >= FREQUENT;
            let frequent = often && stats.varied_in(cache.document) == WordContext::BOTH_SIDES;
            if frequent {
                t.marks |= word_marks::FREQUENT;
            }
            let flag = |flag: u8| t.flags & flag != 0;
            // A slip is rare: a spelling the document repeats is a word of its own
            // ("scalability" is no typo of "capability", however often that is written),
            // unless the word it slips from is far more common still (see `repeated_slip`),
            // or it is one slip from it repeated in one phrase (see `WordContext`): two, and
            // the phrase is rather in another language ("prototipo").
            // An entry's matches are all typos or none are (see `lookup_into`).
            // Not a word that is a slip only inside a term written as the glossary has it
            // (see `slip_out_of_its_term`): the document's free use of "east" says nothing of
            // "East Theater Command".
            // A glossary word that is also a slip of another form of its stem ("market" of
            // "marketing authorization holder") is a word of the glossary all the same.
            let own_spelling = || {
                let entry = &cache.entries[t.entry as usize];
                entry.typos
                    && (frequent || !entry.one_slip)
                    && !entry.term_slips_only
                    && !repeated_slip(stats, entry, t.entry, cache)
            };
            let matches = if flag(word_flags::TYPOS) && often && own_spelling() {
                t.marks |= word_marks::OWN_SPELLING;
                [0, 0]
            } else {
                // Another number is damage to a common noun only in a spelling the document
                // rarely uses (see `damage`).
                if flag(word_flags::TYPOS)
                    || flag(word_flags::SPELLING)
                    || (flag(word_flags::INFLECTED) && !often)
                {
                    damaged.mark(at as usize);
                }
                stats.matches
            };
            if matches[0] != matches[1] {
                active.push(ActiveWord {
                    at,
                    matches,
                    loud: t.flags & word_flags::LOUD != 0,
                    respaced: t.merged() || t.split(),
                    longest: cache.longest_with[t.entry as usize],
                    bits: cache.partner_bits[t.entry as usize],
                });
            }
        }
        let (tokens, damaged, active) = (&*tokens, &*damaged, &*active);
        let matches = Matches {
            cache: &*cache,
            words: tokens,
        };
        // Capitals come from the original text, for the few words a name is compared with.
        let capital = |t: &TextWord| {
            let at = norm.original_span(base + t.span().start..base + t.word_end(), original);
            starts_upper(&original[at])
        };
        let mixed = |t: &TextWord| {
            let at = norm.original_span(base + t.span().start..base + t.word_end(), original);
            mixed_case(&original[at])
        };
        let camel_hump = |a: &TextWord, b: &TextWord| {
            let a = norm.original_span(base + a.span().start..base + a.word_end(), original);
            let b = norm.original_span(base + b.span().start..base + b.word_end(), original);
            original[a]
                .chars()
                .next_back()
                .is_some_and(char::is_lowercase)
                && starts_upper(&original[b])
        };
        let abbreviation_plural = |t: &TextWord| {
            let at = norm.original_span(base + t.span().start..base + t.word_end(), original);
            original[at].strip_suffix('s').is_some_and(|abbreviation| {
                abbreviation.chars().count() >= 2
                    && abbreviation
                        .chars()
                        .all(|c| c.is_uppercase() || c.is_ascii_digit())
            })
        };
        let capitals = |t: &TextWord| {
            let at = norm.original_span(base + t.span().start..base + t.word_end(), original);
            in_capitals(&original[at])
        };
        let listed = |key: &str| exact.is_listed(key);
        let line_breaks = |a: &TextWord, b: &TextWord| {
            let end = norm.original_span(base + a.span().start..base + a.span().end, original);
            let start = norm.original_span(base + b.span().start..base + b.span().end, original);
            original
                .get(end.end..start.start)
                .map_or(0, |gap| gap.matches('\n').count())
        };
        let hyphen_at_line_end = |range: Range<usize>| {
            let at = norm.original_span(base + range.start..base + range.end, original);
            let written = &original[at];
            written.char_indices().any(|(i, c)| {
                is_hyphen(c)
                    && written[i + c.len_utf8()..]
                        .trim_start_matches([' ', '\t'])
                        .starts_with(['\n', '\r'])
            })
        };
        // A tab, or a run of spaces, between two words of one line parts two cells of a table.
        let column_between = |a: &TextWord, b: &TextWord| {
            let end = norm.original_span(base + a.span().start..base + a.span().end, original);
            let start = norm.original_span(base + b.span().start..base + b.span().end, original);
            original.get(end.end..start.start).is_some_and(|gap| {
                gap.split(|c: char| !c.is_whitespace()).any(|run| {
                    !run.contains(['\n', '\r'])
                        && (run.contains('\t') || run.chars().nth(1).is_some())
                })
            })
        };
        let context = TextContext {
            text,
            listed: &listed,
            capital: &capital,
            mixed_case: &mixed,
            camel_hump: &camel_hump,
            abbreviation_plural: &abbreviation_plural,
            in_capitals: &capitals,
            line_breaks: &line_breaks,
            column_between: &column_between,
            hyphen_at_line_end: &hyphen_at_line_end,
        };
        let mut tried = TriedAtSeed::default();
        // Candidates are verified after the search for them, in the order proposed: the
        // search reads the seeds and the partner tables, verification the renderings and the
        // words around each candidate, and each keeps its own in the cache.
        let mut candidates: Vec<(u32, usize)> = Vec::new();
        // `quiet`: only word damage near the seed can garble the rendering here (it needs word
        // damage, and the words proposing it stand in its order or it cannot be reordered).
        let mut consider =
            |rendering: u32, seed: usize, quiet: bool, candidates: &mut Vec<(u32, usize)>| {
                if quiet {
                    let n = self.renderings[rendering as usize].words.len();
                    let from = seed.saturating_sub(n);
                    let to = (seed + n + 1).min(tokens.len());
                    if !damaged.any(from..to) {
                        return;
                    }
                }
                if tried.insert(rendering, seed) {
                    candidates.push((rendering, seed));
                }
            };
        // Only words with matches seed candidates or partner them.
        for (k, seed) in active.iter().enumerate() {
            let i = seed.at as usize;
            // Damage counts where it can make a quiet rendering of the seed's words garbled:
            // in the window `consider` looks at around the seed. Most seeds' renderings are
            // short, and so is that.
            let damage_near = {
                let n = match seed.longest {
                    u16::MAX => self.longest,
                    n => usize::from(n),
                };
                let to = (i + n + 1).min(tokens.len());
                damaged.any(i.saturating_sub(n)..to)
            };
            // A loud word that pairs with no neighbour's word proposes nothing without damage.
            if !damage_near && (!seed.loud || seed.bits.after == 0) {
                continue;
            }
            // A pair is proposed by its first word (the table holds pairs both ways round).
            let partners = active[k + 1..active.len().min(k + 1 + PAIR_REACH)]
                .iter()
                .filter(|w| w.at as usize <= i + PAIR_REACH);
            // Without damage near, only pairs propose (a word with a typo or respaced is
            // damaged itself): most seeds have no neighbour to pair with.
            if !damage_near && !partners.clone().any(|w| w.bits.own & seed.bits.after != 0) {
                continue;
            }
            for a in matches.pooled(seed.matches) {
                if !damage_near && self.needs_damage[a.word as usize] {
                    continue;
                }
                let near_miss =
                    matches!(a.likeness, Likeness::Typo | Likeness::Spelling) || seed.respaced;
                if near_miss {
                    for &r in self.by_single.get(&a.word).into_iter().flatten() {
                        let quiet = self.renderings[r as usize].needs_word_damage();
                        consider(r, i, quiet, &mut candidates);
                    }
                }
                let table = if damage_near {
                    &self.partners
                } else {
                    &self.loud_after
                };
                let mask = table.mask(a.word);
                if mask == [0; 4] {
                    continue;
                }
                for partner in partners.clone() {
                    for b in matches.pooled(partner.matches) {
                        for used in table.of(&mask, a.word, b.word) {
                            if !self.pair_may_reach(used, active, k) {
                                continue;
                            }
                            // The partner stands after the seed in the text.
                            let in_order = used.a_at < used.b_at;
                            let quiet = used.quiet && (in_order || used.quiet_in_order);
                            consider(used.rendering, i, quiet, &mut candidates);
                        }
                    }
                }
            }
        }
        let found = (0..candidates.len()).filter_map(|i| {
            self.prefetch_rendering(&candidates, i);
            let (rendering, seed) = candidates[i];
            self.verify(rendering, seed, tokens, &matches, &context)
        });
        let mut found = select(found.collect());
        // A name whose plural the document counts ("seven World Heritage Sites", "120 National
        // Scholarships") names a kind of thing, of which there are many: its plural is grammar
        // elsewhere in the document too ("World Heritage Sites in Gansu"). A unique entity is
        // never counted so ("two Xinhua News Agencies").
        let mut counted_now: Vec<(usize, bool)> = Vec::new();
        found.retain(|m| {
            if m.damage != Damage::Number {
                return true;
            }
            let plurals = self.plurals_of_names(m.concept);
            if !plurals.iter().any(|p| *p == text[m.normalized.clone()]) {
                return true;
            }
            if cache.counted_names.contains(&m.concept) {
                return false;
            }
            let counted = match counted_now.iter().find(|(c, _)| *c == m.concept) {
                Some(&(_, counted)) => counted,
                None => {
                    let counted = plurals
                        .iter()
                        .any(|p| counted_in(p, tokens, &matches, &context));
                    counted_now.push((m.concept, counted));
                    counted
                }
            };
            !counted
        });
        let counted_now = counted_now.into_iter().filter(|&(_, c)| c).map(|(c, _)| c);
        cache.counted_names.extend(counted_now);
        for m in &mut found {
            m.normalized = base + m.normalized.start..base + m.normalized.end;
        }
        cache.scratch = scratch;
        found
    }

    /// The plurals of the names among the approved renderings of `concept`, normalized: a
    /// name with its head in the plural ("world heritage sites" of "World Heritage Site").
    fn plurals_of_names(&self, concept: usize) -> Vec<String> {
        let renderings = self.by_concept.get(&concept).into_iter().flatten();
        renderings
            .map(|&r| &self.renderings[r as usize])
            .filter(|r| r.name)
            .filter_map(|r| in_number(&r.key, Number::Plural).filter(|p| *p != r.key))
            .collect()
    }

    /// Starts loading what verifying the next candidates reads: their renderings are picked
    /// from tens of thousands, in no order, and each would otherwise wait on its loads. The
    /// rendering two candidates ahead is fetched; the next one's was fetched a round ago, so
    /// the pointers it holds can be read now to fetch its words, key and word order.
    #[inline(always)]
    fn prefetch_rendering(&self, candidates: &[(u32, usize)], i: usize) {
        if let Some(&(ahead, _)) = candidates.get(i + 2) {
            let r: *const IndexedRendering = &self.renderings[ahead as usize];
            prefetch(r.cast::<u8>());
            prefetch(r.cast::<u8>().wrapping_add(64));
        }
        if let Some(&(next, _)) = candidates.get(i + 1) {
            let r = &self.renderings[next as usize];
            prefetch(r.words.as_ptr().cast());
            prefetch(r.key.as_ptr());
            prefetch(r.by_weight.as_ptr().cast());
        }
    }

    /// The words of the text, ready for comparison: two neighbouring words whose
    /// concatenation is a glossary word are joined ("we chat" → "wechat"), and a word that is
    /// two glossary words run together is split ("tradeunions" → "trade" "unions"), so that
    /// broken spacing and hyphenation are seen. Each distinct word is looked up once per
    /// document (`cache`).
    /// The exact matcher is offered the words of the text that start a rendering (`text`
    /// starts at `base` of the text it matches).
    fn prepare_words(
        &self,
        text: &str,
        base: usize,
        scratch: &mut Scratch,
        exact: &mut WordFed,
        cache: &mut WordCache,
    ) {
        let Scratch {
            words: out,
            damaged,
            with_matches: active,
            active: _,
            offered,
        } = scratch;
        offered.clear();
        out.clear();
        out.reserve(text.len() / 6);
        damaged.clear();
        active.clear();
        let mut words = Tokens::new(text);
        let feed = exact.wants_words();
        // The "s" of a possessive "'s" is a word to the exact matcher, not to the tokens.
        let s_starts = if feed {
            exact.rendering_start("s")
        } else {
            RenderingStart::None
        };
        // Each word is looked up once, a word ahead: whether it joins the next depends on both.
        // (One call site of the lookup, inlined, for every word.)
        let mut next = None;
        let mut next_joined = false;
        let mut joined = String::new();
        loop {
            let after = words.next().map(|t| {
                let (id, flags, starts) = self.entry(text, t.word.clone(), exact, cache);
                // Pushed whatever the word, then dropped unless it starts a rendering: no
                // branch on what the word's slot says, which would wait for the slot.
                offered.push((t.word.start as u32, t.word.end as u32, starts));
                let offer = feed && starts != RenderingStart::None;
                offered.truncate(offered.len() - usize::from(!offer));
                if feed && s_starts != RenderingStart::None && t.span.end == t.word.end + 2 {
                    offered.push(((t.word.end + 1) as u32, t.span.end as u32, s_starts));
                }
                (t, (id, flags))
            });
            let current = std::mem::replace(&mut next, after);
            if std::mem::take(&mut next_joined) {
                continue;
            }
            let Some((t, (id, flags))) = current else {
                if next.is_none() {
                    break;
                }
                continue;
            };
            // Most words neither start a glossary word nor split into two: their entries are
            // not read.
            let joins_next = flags & word_flags::STARTS_A_WORD != 0
                && !t.possessive
                && next
                    .as_ref()
                    .is_some_and(|(_, (_, next))| next & word_flags::ENDS_A_WORD != 0);
            if let (true, Some((next_token, (next_id, _)))) = (joins_next, &next) {
                let entry = &cache.entries[id as usize];
                let next_entry = &cache.entries[*next_id as usize];
                // Apart by a space or a hyphen, not by a bracket: "[p]age", "class(es)".
                let adjacent_or_hyphen =
                    matches!(&text[t.span.end..next_token.span.start], "" | " " | "-");
                // Two glossary words that a rendering writes side by side are that rendering's
                // words, not one word written apart.
                let both_known = entry.vocab.is_some() && next_entry.vocab.is_some();
                let known_alone = || match (entry.vocab, next_entry.vocab) {
                    (Some(a), Some(b)) => self.neighbours.contains(&(a, b)),
                    _ => false,
                };
                let makes_a_word = |(prefix, suffix)| self.joins.contains(&(prefix, suffix));
                let parts = entry.prefix.zip(next_entry.suffix);
                // Most pairs make no word: that is asked first.
                if adjacent_or_hyphen && parts.is_some_and(makes_a_word) && !known_alone() {
                    joined.clear();
                    joined.push_str(t.word(text));
                    joined.push_str(next_token.word(text));
                    debug_assert!(self.vocabulary.contains_key(joined.as_str()));
                    let merged = self.entry_out_of_line(&joined, exact, cache);
                    let marks = word_marks::of(t.hyphenated, word_marks::MERGED)
                        | if both_known {
                            word_marks::MERGED_WORDS
                        } else {
                            0
                        };
                    let span = t.span.start..next_token.span.end;
                    let word = TextWord::new(merged, span, next_token.word.end, marks);
                    push_word(word, out, damaged, active);
                    next_joined = true;
                    continue;
                }
            }
            if flags & word_flags::SPLITS != 0 {
                let word = t.word(text);
                let at = usize::from(cache.entries[id as usize].split.expect("flagged split"));
                let middle = t.word.start + at;
                let (first, second) = (
                    self.entry_out_of_line(&word[..at], exact, cache),
                    self.entry_out_of_line(&word[at..], exact, cache),
                );
                let marks = word_marks::of(t.hyphenated, word_marks::SPLIT);
                let first = TextWord::new(first, t.word.start..middle, middle, marks);
                push_word(first, out, damaged, active);
                let second =
                    TextWord::new(second, middle..t.span.end, t.word.end, word_marks::SPLIT);
                push_word(second, out, damaged, active);
                continue;
            }
            let marks = word_marks::of(t.hyphenated, 0);
            let word = TextWord::new((id, flags), t.span.clone(), t.word.end, marks);
            push_word(word, out, damaged, active);
        }
        for &(start, end, how) in offered.iter() {
            exact.word(base + start as usize, base + end as usize, how);
        }
    }

    /// The document's entry for the word at `span` of `text`, made on first sight: what
    /// glossary words it stands for, how it can be joined or split, and whether it starts a
    /// rendering to `exact`.
    #[inline(always)]
    fn entry(
        &self,
        text: &str,
        span: Range<usize>,
        exact: &WordFed,
        cache: &mut WordCache,
    ) -> (u32, u8, RenderingStart) {
        // One open-addressed table of every word seen, its slots holding short words
        // themselves: a lookup reads one slot, and the slots of frequent words stay in the
        // cache.
        let key = WordKey::of(text.as_bytes(), span.clone());
        if cache.slots.is_empty() {
            cache.slots = vec![WordSlot::EMPTY; INITIAL_SLOTS];
        }
        let slot = (key.hash as usize) & (cache.slots.len() - 1);
        let seen = &cache.slots[slot];
        let word = &text[span];
        if seen.holds(&key, word, cache) {
            return (seen.id, seen.flags, seen.starts);
        }
        self.entry_after(word, &key, slot, exact, cache)
    }

    /// [`FuzzyIndex::entry`] of a whole string: the few words joined or split, where inlining
    /// it would only grow the loop over every word.
    #[inline(never)]
    fn entry_out_of_line(&self, word: &str, exact: &WordFed, cache: &mut WordCache) -> (u32, u8) {
        let (id, flags, _) = self.entry(word, 0..word.len(), exact, cache);
        (id, flags)
    }

    /// [`FuzzyIndex::entry`] of a word not in its first slot: the slots after it are probed,
    /// and the word is given an entry if it is in none. Out of line, so that the lookup of a
    /// word in its first slot stays small enough to inline.
    #[inline(never)]
    fn entry_after(
        &self,
        word: &str,
        key: &WordKey,
        first: usize,
        exact: &WordFed,
        cache: &mut WordCache,
    ) -> (u32, u8, RenderingStart) {
        let mask = cache.slots.len() - 1;
        let mut slot = first;
        loop {
            let seen = &cache.slots[slot];
            if seen.is_empty() {
                break;
            }
            if seen.holds(key, word, cache) {
                return (seen.id, seen.flags, seen.starts);
            }
            slot = (slot + 1) & mask;
        }
        let start = cache.pool.len() as u32;
        let vocab = self.vocabulary.get(word).copied();
        // The hashes of its parts, for both its deletions and the ways to cut it in two.
        let hashes = (word.len() <= MAX_FUZZY_BYTES).then(|| {
            cache.hashes.fill(word.as_bytes());
            &cache.hashes
        });
        self.lookup_into(
            word,
            vocab,
            hashes,
            &mut cache.deletion_keys,
            &mut cache.pool,
        );
        cache.text_bytes.push_str(word);
        cache.text_ends.push(cache.text_bytes.len() as u32);
        let found = &cache.pool[start as usize..];
        let has = |likeness: Likeness| found.iter().any(|m| m.likeness == likeness);
        let mut entry = WordEntry {
            vocab,
            prefix: self.prefixes.get(word).copied(),
            suffix: self.suffixes.get(word).copied(),
            split: hashes.and_then(|hashes| self.split_point(word, vocab.is_some(), hashes)),
            matches: start..cache.pool.len() as u32,
            // A glossary word's entry may hold the stems it is another form of (see
            // `derived_of_fixed`) beside itself: it is no typo, and its matches stay whole.
            typos: has(Likeness::Typo) && vocab.is_none(),
            one_slip: has(Likeness::Typo)
                && found
                    .iter()
                    .any(|m| one_slip_apart(word, &self.words[m.word as usize])),
            english: has(Likeness::Typo) && is_english_word(&word.to_lowercase()),
            term_slips_only: has(Likeness::Typo)
                && found
                    .iter()
                    .all(|m| slip_only_in_its_term(word, &self.words[m.word as usize])),
            spelling: has(Likeness::Spelling),
            inflected: has(Likeness::Inflected),
            loud: found.iter().any(|m| !self.needs_damage[m.word as usize]),
            flags: 0,
        };
        let flag = |on: bool, flag: u8| if on { flag } else { 0 };
        entry.flags = flag(!entry.matches.is_empty(), word_flags::HAS_MATCHES)
            | flag(entry.prefix.is_some(), word_flags::STARTS_A_WORD)
            | flag(entry.suffix.is_some(), word_flags::ENDS_A_WORD)
            | flag(entry.split.is_some(), word_flags::SPLITS)
            | flag(entry.loud, word_flags::LOUD)
            | flag(has(Likeness::Typo), word_flags::TYPOS)
            | flag(entry.spelling, word_flags::SPELLING)
            | flag(entry.inflected, word_flags::INFLECTED);
        let flags = entry.flags;
        let id = cache.entries.len() as u32;
        if let Some(v) = vocab {
            if cache.entry_of_word.len() <= v as usize {
                cache
                    .entry_of_word
                    .resize(self.words.len().max(v as usize + 1), u32::MAX);
            }
            cache.entry_of_word[v as usize] = id;
        }
        cache
            .partner_bits
            .push(self.partner_bits(&cache.pool[start as usize..]));
        let longest = cache.pool[start as usize..]
            .iter()
            .map(|m| self.longest_with[m.word as usize])
            .max();
        cache.longest_with.push(longest.unwrap_or(0));
        cache.contexts.push(WordContext::default());
        cache.stats.push(WordStats {
            matches: [entry.matches.start, entry.matches.end],
            count: 0,
            counted_in: cache.document,
        });
        cache.entries.push(entry);
        let starts = exact.rendering_start(word);
        cache.slots[slot] = WordSlot::new(key, id, flags, starts);
        // At most half the slots are used: probes stay short.
        if cache.entries.len() * 2 > cache.slots.len() {
            cache.grow_slots();
        }
        (id, flags, starts)
    }

    /// The [`PartnerBits`] of a word of the text with glossary words `found`.
    fn partner_bits(&self, found: &[WordMatch]) -> PartnerBits {
        let fold = |mask: [u64; 4]| mask.iter().fold(0, |all, m| all | m);
        let mut bits = PartnerBits::default();
        for m in found {
            bits.own |= 1 << (m.word % 64);
            if !self.needs_damage[m.word as usize] {
                bits.after |= fold(self.loud_after.mask(m.word));
            }
        }
        bits
    }

    /// Where `word`, not itself a glossary word (`in_vocabulary` says whether it is), splits
    /// into two glossary words of at least two characters each ("tradeunions",
    /// "windows11"); the longest first part wins.
    fn split_point(&self, word: &str, in_vocabulary: bool, hashes: &SubstringHashes) -> Option<u8> {
        if word.len() < 4 || word.len() > MAX_FUZZY_BYTES || in_vocabulary {
            return None;
        }
        let n = word.len();
        let parts = hashes.parts();
        let may_be_a_word = |a: usize, b: usize| {
            self.vocabulary_filter
                .may_contain(SubstringHashes::mixed(parts.part(a, b)))
        };
        word.char_indices()
            .map(|(i, _)| i)
            .filter(|&i| i >= 2 && n - i >= 2)
            .rev()
            .find(|&i| {
                may_be_a_word(0, i)
                    && may_be_a_word(i, n)
                    && self.vocabulary.contains_key(&word[..i])
                    && self.vocabulary.contains_key(&word[i..])
            })
            .map(|i| i as u8)
    }

    /// Appends the glossary words a word of the text stands for: itself (`vocab`, its number
    /// among the glossary words if it is one), another number of it, or a word one typo away
    /// (two in long words). `hashes` are the word's if it is short enough to have typos;
    /// `keys` is scratch space.
    fn lookup_into(
        &self,
        word: &str,
        vocab: Option<u32>,
        hashes: Option<&SubstringHashes>,
        keys: &mut Vec<u64>,
        out: &mut Vec<WordMatch>,
    ) {
        if let Some(id) = vocab {
            let start = out.len();
            out.push(WordMatch {
                word: id,
                likeness: Likeness::Same,
            });
            out.extend(
                self.inflections[id as usize]
                    .iter()
                    .map(|&other| WordMatch {
                        word: other,
                        likeness: Likeness::Inflected,
                    }),
            );
            // A glossary word is still a slip of another glossary word's stem where that
            // one is fixed in its term ("Shanghai Cooperative Organization", "cooperative"
            // being a word of another concept).
            let mut found: Vec<WordMatch> = out[start..].to_vec();
            self.derived_of_fixed(word, hashes, &mut found);
            out.extend_from_slice(&found[out.len() - start..]);
            return;
        }
        let mut found: Vec<WordMatch> = Vec::new();
        let lemmas = lemma_keys(word);
        for key in &lemmas {
            for &id in self.by_lemma.get(key.as_ref()).into_iter().flatten() {
                if !found.iter().any(|m| m.word == id) {
                    found.push(WordMatch {
                        word: id,
                        likeness: Likeness::Inflected,
                    });
                }
            }
        }
        // A word both inflected and respelled ("backwards" of "backward", which VARCON lists
        // as two spellings) keeps both likenesses: the spelling is what the text departs in.
        for family in families_of(word, &lemmas) {
            for &id in self.by_spelling.get(family).into_iter().flatten() {
                if !found
                    .iter()
                    .any(|m| m.word == id && m.likeness == Likeness::Spelling)
                {
                    found.push(WordMatch {
                        word: id,
                        likeness: Likeness::Spelling,
                    });
                }
            }
        }
        // A word too short for typos may be a slip of a syllable of a name (see
        // `syllable_of_a_name`): asked only of a glossary that has one.
        let short_slip = || {
            self.short_syllables
                && (2..MIN_FUZZY_LEN - 1).contains(&word.len())
                && word.bytes().all(|b| b.is_ascii_lowercase())
        };
        let hashes = hashes.filter(|_| found.is_empty() && (fuzzy_eligible(word) || short_slip()));
        if let Some(hashes) = hashes {
            let long = two_edits_allowed(word);
            // The keys first, then the filter over all of them: its loads do not wait on one
            // another, and few keys get past it to the map.
            keys.clear();
            deletion_keys_of(word, hashes, long, |key| keys.push(key));
            // A slip in the plural ("vavles" for "valve"): the keys of the string's singular
            // too, where the string is no English word (see `slip_in_plural`).
            // (The text's words are case-folded already.)
            let mut english: Option<bool> = None;
            let mut is_english = || *english.get_or_insert_with(|| is_english_word(word));
            let singulars = lemma_keys(word);
            if singulars.iter().any(|s| s != word) && !is_english() {
                let mut singular_hashes = SubstringHashes::default();
                for singular in singulars.iter().filter(|s| *s != word) {
                    singular_hashes.fill(singular.as_bytes());
                    deletion_keys_of(singular, &singular_hashes, false, |key| keys.push(key));
                    keys.extend(undoubled_key(singular));
                }
            }
            // Its doubled letters made single: the key of a glossary word whose doubled
            // letter the text moved or lost (see `doubling_slip`); a word with no doubled
            // letter has that key already, as its own.
            keys.extend(undoubled_key(word));
            keys.retain(|key| self.deletion_filter.may_contain(*key));
            let mut candidates: Vec<u32> = Vec::new();
            for &key in keys.iter() {
                for &id in self.by_deletion.get(&key).into_iter().flatten() {
                    if !candidates.contains(&id) {
                        candidates.push(id);
                    }
                }
            }
            candidates.sort_unstable();
            for id in candidates {
                let glossary_word = &self.words[id as usize];
                // Slips keep a word's first letter; a word whose first letter differs is
                // another word ("mport", "runqueues" for "enqueues").
                let same_start = word.chars().next() == glossary_word.chars().next();
                // Two romanized Chinese words a vowel or two syllables apart are two names
                // ("Xuanzong" of "Xuanzang"; see `another_romanized_name`); a glossary word
                // of English that reads as pinyin ("change", "manage") is no such name.
                let other_name = || {
                    another_romanized_name(word, glossary_word) && !is_english_word(glossary_word)
                };
                let slip = same_start
                    && (slip_of(word, glossary_word)
                        || (!is_english() && singular_slips(word, &singulars, glossary_word))
                        || (!is_english()
                            && doubling_slip_in_either_number(word, &singulars, glossary_word))
                        || (self.syllable_of_a_name[id as usize]
                            && !is_english()
                            && slip_of_a_syllable(word, glossary_word))
                        || (self.fixed_in_a_term[id as usize]
                            && slip_only_in_its_term(word, glossary_word)))
                    && !other_name();
                if slip {
                    found.push(WordMatch {
                        word: id,
                        likeness: Likeness::Typo,
                    });
                }
            }
        }
        if found.iter().all(|m| m.likeness == Likeness::Typo) {
            self.derived_of_fixed(word, hashes, &mut found);
        }
        out.extend_from_slice(&found);
    }

    /// Adds to `found` the glossary words fixed in a term (see [`fixed_in`]) that `word` of
    /// the text is another form of, too far in letters for the deletion index or itself a
    /// glossary word (see `fixed_by_stem`): slips only where the term is written as the
    /// glossary has it but for that word (see [`FuzzyIndex::slip_out_of_its_term`]).
    fn derived_of_fixed(
        &self,
        word: &str,
        hashes: Option<&SubstringHashes>,
        found: &mut Vec<WordMatch>,
    ) {
        let Some(hashes) = hashes else { return };
        if self.fixed_by_stem.is_empty()
            || word.len() < MIN_STEM
            || !word.bytes().all(|b| b.is_ascii_lowercase())
        {
            return;
        }
        let whole = SubstringHashes::mixed(hashes.parts().prefix[word.len()]);
        let clipped = self.clipped_of_fixed.get(&whole).into_iter().flatten();
        for key in stem_keys(hashes, word.len()) {
            for &id in self
                .fixed_by_stem
                .get(&key)
                .into_iter()
                .flatten()
                .chain(clipped.clone())
            {
                let glossary_word = &self.words[id as usize];
                if !found.iter().any(|m| m.word == id)
                    && word != glossary_word
                    && !same_lemma(word, glossary_word)
                    && !same_word_spelled_differently(word, glossary_word)
                    && slip_only_in_its_term(word, glossary_word)
                {
                    found.push(WordMatch {
                        word: id,
                        likeness: Likeness::Typo,
                    });
                }
            }
        }
    }

    /// Whether a correction of `r` keeps its number as listed: the rendering in the other
    /// number is one its concept bans ("earning per share" of "earnings per share"). Asked of
    /// a garbled term found, not of every rendering indexed: most glossaries ban something of
    /// most concepts, and the other number of a rendering takes the dictionary.
    fn keeps_number(&self, r: &IndexedRendering) -> bool {
        let Some(banned) = self.banned.get(&r.concept) else {
            return false;
        };
        let other = match number_of(&self.words[r.words[r.head].word as usize]) {
            Number::Singular => Number::Plural,
            Number::Plural => Number::Singular,
        };
        in_number(&r.key, other).is_some_and(|form| {
            let form = normalize_key(&form, true);
            banned.iter().any(|b| normalize_key(b, true) == form)
        })
    }

    /// Whether a count among the modifiers of `r`'s head fixes its number: "one housing
    /// fund", "two sessions", "all workers". A correction keeps that number, whatever the
    /// text wrote ("one housing funds" is corrected to "one housing fund").
    fn counts_its_head(&self, r: &IndexedRendering) -> bool {
        r.words[..r.head]
            .iter()
            .rev()
            .map(|w| self.words[w.word as usize].as_str())
            .take_while(|w| !is_function_word(w))
            .any(|w| w == "one" || is_quantifier(w))
    }

    /// Compares the windows of text around word `seed` with rendering `rendering`; returns
    /// the best window if it is a garbled form of the rendering.
    fn verify(
        &self,
        rendering: u32,
        seed: usize,
        tokens: &[TextWord],
        matches: &Matches,
        context: &TextContext,
    ) -> Option<GarbledMatch> {
        let TextContext {
            text,
            listed,
            capital,
            mixed_case,
            camel_hump,
            abbreviation_plural,
            in_capitals,
            line_breaks,
            column_between,
            hyphen_at_line_end: _,
        } = *context;
        let r = &self.renderings[rendering as usize];
        let n = r.words.len();
        let first_start = seed.saturating_sub(n);
        // Most candidates end here, before the text is compared.
        let stretch = first_start..(seed + n + 1).min(tokens.len());
        let stands_for = if shortcuts() {
            StandsFor::new(r, stretch.clone(), matches)
        } else {
            StandsFor::unknown()
        };
        if !self.may_reach(r, stretch, &stands_for, matches) {
            return None;
        }
        // The rendering itself, written exactly, starting near the seed: nothing to compare,
        // unless its last word is written again right after it ("bill of lading lading"): no
        // other window shows that repeat, the rendering itself scoring best.
        let mut best: Option<(f32, Range<usize>, Alignment)> = None;
        // Windows start after the rendering written right: its words are its own. It is
        // looked for from where it could end inside the windows.
        let mut first_window_start = first_start;
        let scan_from = first_start.saturating_sub(n.saturating_sub(1));
        for (start, token) in tokens[..=seed].iter().enumerate().skip(scan_from) {
            let at = token.span().start;
            let ends_word = || {
                text[at + r.key.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_word_char(c))
            };
            if text[at..].starts_with(r.key.as_str()) && ends_word() {
                let exact = (start, at + r.key.len());
                // (Its last word written again is looked for from the seeds it may hold.)
                let window = (start >= first_start)
                    .then(|| self.last_word_repeated(r, exact, tokens, text))
                    .flatten();
                // An occurrence that ends before the seed leaves the seed's words to compare:
                // "Ask your student counsellor. Student counselors meet …".
                let holds_seed = exact.1 > tokens[seed].span().start;
                let Some(window) = window else {
                    if holds_seed {
                        return None;
                    }
                    let after = tokens[start..seed].partition_point(|t| t.span().start < exact.1);
                    first_window_start = first_window_start.max(start + after);
                    continue;
                };
                // Aligned as written once, its last word the repeat: the word before it is
                // the one added.
                let written = window.start..window.end - 1;
                let (score, mut alignment) = self.align(r, written, tokens, matches).ok()?;
                let last = alignment.iter_mut().find(|a| **a == Some(window.end - 2))?;
                *last = Some(window.end - 1);
                best = Some((self.with_a_word_added(r, score), window, alignment));
                break;
            }
        }
        // A term does not run across the end of a sentence or a bracket: "(Xinhua). Xinhua
        // News Agency" holds no repeated word.
        // Nor across a list or a path: "bindings/clock/clock", "number - second".
        // Nor across a blank line: a heading and its paragraph are two texts.
        const BREAKS: &str = ".;:!?()[]{}\",/\\*|=<>#\u{2014}";
        let key_breaks = r.key.chars().any(|c| BREAKS.contains(c));
        let breaks = |a: &TextWord, b: &TextWord| {
            let gap = &text[a.span().end..b.span().start];
            !key_breaks && (gap.chars().any(|c| BREAKS.contains(c)) || gap.contains(" - "))
        };
        let crosses_a_break = |window: &Range<usize>| {
            (window.start + 1..window.end).any(|i| {
                breaks(&tokens[i - 1], &tokens[i]) || line_breaks(&tokens[i - 1], &tokens[i]) >= 2
            })
        };
        // Nor does it go back in the rendering's order across a line break: a line holding a
        // name (a letterhead, a title, a heading) and a line starting with the name again
        // read "University⏎Beijing Normal", the end of one and the start of the other, not the
        // name's words out of order. A term wrapped inside a paragraph keeps its order across
        // the break, or is reordered on one side of it ("Normal Beijing⏎University").
        let turns_back_at_a_line_break = |window: &Range<usize>, alignment: &Alignment| {
            let place = |ti: usize| alignment.iter().position(|&a| a == Some(ti));
            (window.start + 1..window.end).any(|i| {
                line_breaks(&tokens[i - 1], &tokens[i]) > 0
                    && matches!((place(i - 1), place(i)), (Some(a), Some(b)) if b < a)
            })
        };
        let searched = if best.is_some() {
            first_start..first_start
        } else {
            first_window_start..seed + 1
        };
        for start in searched {
            for len in n.saturating_sub(1).max(1)..=n + 1 {
                let end = start + len;
                if end > tokens.len() || end <= seed || !stands_for.may_align(start..end) {
                    continue;
                }
                let Ok((score, alignment)) = self.align(r, start..end, tokens, matches) else {
                    continue;
                };
                let better = match &best {
                    None => true,
                    Some((s, span, _)) => score > *s || (score == *s && len < span.len()),
                };
                // The best window within a sentence, not a better one across its end that
                // the term cannot be ("contracts. IFRS 17 Insurance Contrcts").
                if better
                    && !crosses_a_break(&(start..end))
                    && !turns_back_at_a_line_break(&(start..end), &alignment)
                {
                    best = Some((score, start..end, alignment));
                }
            }
        }
        let (score, window, alignment) = best?;
        if !self.reaches(score) {
            return None;
        }
        // Most windows above the threshold show no damage at all (39 in 43 on the benchmark
        // corpus): that is asked first, since the tests below only rule windows out.
        let damage = self.damage(r, &window, &alignment, tokens, matches, context)?;
        if damage == Damage::Spacing && before_a_longer_name(r, &window, tokens, matches, context) {
            return None;
        }
        // A window holding one part of a word the text writes closed cuts that word:
        // "gameplay" holds no "Play", "linen" no "Lin".
        let cut_first = split_partner(tokens, window.start).is_some_and(|o| o < window.start);
        let cut_last = split_partner(tokens, window.end - 1).is_some_and(|o| o >= window.end);
        if cut_first || cut_last {
            return None;
        }
        // A rendering of English words the text runs together whole, with a capital between
        // them, is an identifier ("signIn", "SaveAs", "accessToken"), not the rendering
        // written closed. A place's name so written lost its space ("HongKong"), and inside a
        // longer window it is a name's words written closed ("of TradeUnions").
        let identifier = window.len() == 2
            && r.words.iter().all(|w| {
                let word = &self.words[w.word as usize];
                is_english_word(word) && !is_name(word)
            })
            && split_partner(tokens, window.start) == Some(window.start + 1)
            && camel_hump(&tokens[window.start], &tokens[window.start + 1]);
        if identifier {
            return None;
        }
        // An abbreviation takes a small "s" in the plural, whatever its last letter ("IFRSs"
        // of "IFRS", "CPUs"): grammar, not a misspelling.
        if damage == Damage::Misspelling
            && r.words.iter().zip(&alignment).all(|(rw, at)| {
                at.is_none_or(|at| {
                    let t = &tokens[at];
                    let (written, listed) = (matches.text(t), &self.words[rw.word as usize]);
                    written == listed
                        || (written.strip_suffix('s') == Some(listed) && abbreviation_plural(t))
                })
            })
        {
            return None;
        }
        if damage == Damage::RepeatedWord && self.repeat_shared(&window, tokens, matches) {
            return None;
        }
        // A conjunction added between the rendering's words joins two things: "TCP and IP"
        // is no garbled "TCP/IP", "input or output buffer" none of "input output buffer".
        // Not between two modifiers of a name's head, in its number: that names one entity,
        // the name with a word added ("China Securities and Regulatory Commission"). Only a
        // head that is a noun of English has modifiers: "Meng Qi and Zhen Hui" are two people.
        let head = self.words[r.words[r.head].word as usize].as_str();
        let head_in_its_number =
            || alignment[r.head].is_some_and(|ti| matches.text(&tokens[ti]) == head);
        let english_head = || {
            let words: SmallVec<[&str; 8]> = r
                .words
                .iter()
                .map(|w| self.words[w.word as usize].as_str())
                .collect();
            is_english_word(head) && !is_name(head) && !written_in_syllables(&words)
        };
        let joins_modifiers_of_the_head = |i: usize| {
            r.name
                && alignment
                    .iter()
                    .position(|&a| a == Some(i + 1))
                    .is_some_and(|k| k < r.head)
                && head_in_its_number()
                && english_head()
        };
        if damage == Damage::ExtraWord
            && window.clone().all(|i| {
                alignment.contains(&Some(i))
                    || (matches!(matches.text(&tokens[i]), "and" | "or" | "nor" | "but")
                        && !joins_modifiers_of_the_head(i))
            })
        {
            return None;
        }
        if self.slips_into_a_word_alone(r, &alignment, tokens, matches)
            || slips_into_an_identifier(r, &alignment, tokens, matches, mixed_case)
            || slips_into_another_acronym(r, &self.words, &alignment, tokens, matches, in_capitals)
            || self.slip_out_of_its_term(r, &window, &alignment, tokens, matches, capital)
        {
            return None;
        }
        if crosses_a_break(&window) || turns_back_at_a_line_break(&window, &alignment) {
            return None;
        }
        // So is a possessive: "Hong Kong's monetary authority" is the place's authority,
        // not a garbled "Hong Kong Monetary Authority".
        let word_level = matches!(
            damage,
            Damage::MissingWord
                | Damage::ExtraWord
                | Damage::RepeatedWord
                | Damage::WordOrder
                | Damage::Possessive
                | Damage::MisplacedApostrophe
        );
        if word_level && r.name && !self.keeps_capitals(r, &alignment, tokens, capital) {
            return None;
        }
        if damage == Damage::Number
            && r.name
            && (self.common_noun_in_number(r, &alignment, tokens, matches, (text, capital))
                || numbered_after(&text[tokens[window.end - 1].span().end..])
                    // A number in another column of a table is not the term's: "Data
                    // Structure⇥4" is a course title and its credits.
                    && !tokens
                        .get(window.end)
                        .is_some_and(|next| column_between(&tokens[window.end - 1], next)))
        {
            return None;
        }
        if self.replaces_a_neighbour(r, &window, &alignment, tokens, matches, text) {
            return None;
        }
        // The concept's other renderings may show the window to be correct English or another
        // entity: "a great craftsman of China" is "great craftsmen of China" in the singular,
        // not a garbled "China's great craftsmen"; "Beijing" in "Standing Committee of the
        // Beijing Municipal People's Congress" takes the place of "Shanghai" in "Standing
        // Committee of the Shanghai Municipal People's Congress".
        let others = self.by_concept.get(&r.concept).into_iter().flatten();
        for &other in others.filter(|&&o| o != rendering) {
            if self.fits_other_rendering(rendering, other, &window, tokens, matches, context) {
                return None;
            }
        }
        let last = &tokens[window.end - 1];
        let last_rendering_word = alignment
            .iter()
            .position(|&w| w == Some(window.end - 1))
            .map(|k| &r.words[k]);
        // A possessive after the term is grammar, not damage, unless the rendering has one.
        let end = match last_rendering_word {
            Some(w) if w.possessive => last.span().end,
            _ => last.word_end(),
        };
        let span = tokens[window.start].span().start..end;
        if listed(&text[span.clone()])
            || listed(&text[tokens[window.start].span().start..last.span().end])
        {
            return None;
        }
        let literal = strsim::normalized_levenshtein(&text[span.clone()], &r.key);
        // A common noun's head inflects freely: a slip elsewhere, or in the head itself, is
        // corrected in the number the text wrote (a name keeps its own).
        let number = alignment[r.head]
            .filter(|_| !r.name && !self.counts_its_head(r) && !self.keeps_number(r))
            .and_then(|ti| {
                let listed = &self.words[r.words[r.head].word as usize];
                other_number_written(matches.text(&tokens[ti]), listed)
            });
        Some(GarbledMatch {
            normalized: span,
            concept: r.concept,
            rendering: r.rendering,
            score: (f64::from(score) * 100.0).round() / 100.0,
            damage,
            literal,
            number,
        })
    }

    /// The window of rendering `r` written exactly from token `start` to byte `end`, and its
    /// last word written again right after it ("bill of lading lading"), if it is: the two
    /// only a space apart, and the word a content word (a term may end where "that that"
    /// begins), written whole (not the start of "keyword" or "board-dt.c").
    fn last_word_repeated(
        &self,
        r: &IndexedRendering,
        (start, end): (usize, usize),
        tokens: &[TextWord],
        text: &str,
    ) -> Option<Range<usize>> {
        let last = start + tokens[start..].iter().position(|t| t.span().end >= end)?;
        let (written, again) = (tokens.get(last)?, tokens.get(last + 1)?);
        let weak = r.words.last().is_none_or(|w| w.weak);
        let gap = &text[written.span().end..again.span().start];
        let whole = !again.split()
            && !again.merged()
            && text[again.span().end..]
                .chars()
                .next()
                .is_none_or(|c| !is_word_char(c) && c != '-');
        (written.span().end == end
            && again.entry == written.entry
            && !weak
            && whole
            && gap.chars().all(char::is_whitespace))
        .then_some(start..last + 2)
    }

    /// Whether the word repeated at an edge of `window` is the word two glossary terms share
    /// side by side, the other term outside the window: "client device device tree nodes" are
    /// a client device's device tree nodes, "root device device number" a root device's device
    /// number, with no word repeated by mistake.
    fn repeat_shared(&self, window: &Range<usize>, tokens: &[TextWord], matches: &Matches) -> bool {
        let pair = |a: usize, b: usize| {
            matches.of(a).iter().any(|x| {
                matches
                    .of(b)
                    .iter()
                    .any(|y| self.neighbours.contains(&(x.word, y.word)))
            })
        };
        let (start, end) = (window.start, window.end);
        let repeated = |i: usize| tokens[i].entry == tokens[i + 1].entry;
        (start > 0 && end - start >= 2 && repeated(start) && pair(start - 1, start))
            || (end < tokens.len() && end - start >= 2 && repeated(end - 2) && pair(end - 1, end))
    }

    /// Whether a word of the window that is a typo of its word of `r` is an English word of
    /// its own, with no content word of `r` there as written (up to number or spelling) beside
    /// it. A slip into another word shows only beside the term's other words ("brunch
    /// target" for "branch target"); alone, or beside function words, the word is that word:
    /// "insulted" is no garbled "inserted", "was naked" none of "was named".
    fn slips_into_a_word_alone(
        &self,
        r: &IndexedRendering,
        alignment: &Alignment,
        tokens: &[TextWord],
        matches: &Matches,
    ) -> bool {
        let mut into_a_word = false;
        let mut beside_content = false;
        for (rw, at) in r.words.iter().zip(alignment) {
            let Some(at) = *at else { continue };
            let likeness = matches
                .of(at)
                .iter()
                .find(|m| m.word == rw.word)
                .map(|m| m.likeness);
            match likeness {
                Some(Likeness::Typo) => {
                    into_a_word |= is_english_word(matches.text(&tokens[at]));
                }
                Some(_) => beside_content |= !rw.weak,
                None => {}
            }
        }
        into_a_word && !beside_content
    }

    /// Whether the window holds a word that is a slip only inside its term, written as the
    /// glossary has it but for that word, where it is not so written:
    /// - a slip of a short syllable of a name written in syllables (see
    ///   [`FuzzyIndex::syllable_of_a_name`]: "Da Hong Pau" of "Da Hong Pao");
    /// - an English word of the stem of a word of the term with another ending, or a slip of
    ///   a function word, where the word is fixed in the term (see [`fixed_in`]): "Physical
    ///   Downlink Share Channel" of a name, with its capitals kept; "advanced driver assistant
    ///   system", "net cash flows form operating activities" inside a term of four words.
    ///
    /// Elsewhere a short word one letter from a syllable or a function word is too often
    /// another word, and a word with another ending is another word ("heat exchange rate" is
    /// no "heat exchanger"; "high-performance liquid chromatographic method", the term's last
    /// word an adjective before a noun of the text, is no garbled "… chromatography").
    fn slip_out_of_its_term(
        &self,
        r: &IndexedRendering,
        window: &Range<usize>,
        alignment: &Alignment,
        tokens: &[TextWord],
        matches: &Matches,
        capital: &dyn Fn(&TextWord) -> bool,
    ) -> bool {
        let listed = |k: usize| self.words[r.words[k].word as usize].as_str();
        let written = |k: usize| alignment[k].map(|ti| matches.text(&tokens[ti]));
        let typo = |k: usize| {
            alignment[k].is_some_and(|ti| {
                let word = r.words[k].word;
                matches
                    .of(ti)
                    .iter()
                    .any(|m| m.word == word && m.likeness == Likeness::Typo)
            })
        };
        let syllable_slip = |k: usize| {
            self.syllable_of_a_name[r.words[k].word as usize]
                && written(k).is_some_and(|w| slip_of_a_syllable(w, listed(k)))
        };
        let term_slip = |k: usize| {
            self.fixed_in_a_term[r.words[k].word as usize]
                && written(k).is_some_and(|w| slip_only_in_its_term(w, listed(k)))
        };
        let n = r.words.len();
        let Some(k) = (0..n).find(|&k| typo(k) && (syllable_slip(k) || term_slip(k))) else {
            return false;
        };
        // The head names what the term is: another form of its stem is another thing, the
        // person and not the body ("Minister of Finance" of "Ministry of Finance", "Commissioner"
        // of "Commission"), where another form of a modifier is the same thing, and a slip
        // ("National Finance Regulatory Administration"). A clipping of the head is the head
        // ("National College Entrance Exam").
        let head_changed = k == r.head && written(k).is_none_or(|w| !clipping(w, listed(k)));
        let in_its_term = if syllable_slip(k) {
            let words: SmallVec<[&str; 8]> = (0..n).map(listed).collect();
            written_in_syllables(&words)
        } else {
            fixed_in(r, k)
                && !head_changed
                && (!r.name || self.keeps_capitals(r, alignment, tokens, capital))
        };
        !in_its_term
            || window.len() != n
            || (0..n).any(|i| {
                i != k
                    && alignment[i].is_none_or(|ti| {
                        ti != window.start + i || matches.text(&tokens[ti]) != listed(i)
                    })
            })
    }

    /// Whether the words around active word `k` may hold enough of the rendering of `used`,
    /// proposed there by a pair, for [`FuzzyIndex::may_reach`]: its identity words, and other
    /// words than the pair's where those two weigh too little. Most pairs of a rendering of
    /// three words or more are two of its words in other company, and end here.
    fn pair_may_reach(&self, used: &PairUse, active: &[ActiveWord], k: usize) -> bool {
        if used.enough && used.identity_others == 0 {
            return true;
        }
        // The stretch `verify` reads.
        let n = self.renderings[used.rendering as usize].words.len();
        let i = active[k].at as usize;
        let before = active[k.saturating_sub(n)..k]
            .iter()
            .filter(|w| w.at as usize + n >= i);
        let after = active[k..active.len().min(k + 1 + n)]
            .iter()
            .filter(|w| w.at as usize <= i + n);
        let near = before.chain(after).fold(0, |near, w| near | w.bits.own);
        near & used.identity_others == used.identity_others
            && (used.enough || near & used.others != 0)
    }

    /// Whether some window inside `range` could align with `r`: every identity word is
    /// there, and the words there could reach the threshold. Most candidates end here, before
    /// any window is aligned.
    fn may_reach(
        &self,
        r: &IndexedRendering,
        range: Range<usize>,
        stands_for: &StandsFor,
        matches: &Matches,
    ) -> bool {
        if let Some((any, whole)) = stands_for.in_all() {
            if any & stands_for.identity != stands_for.identity {
                return false;
            }
            let mut reachable = 0.0f32;
            let mut total = 0.0f32;
            for (k, rw) in r.words.iter().enumerate() {
                let weight = self.weights[rw.word as usize];
                total += weight;
                // A common noun's head may inflect at no cost (see `align`).
                if whole & (1 << k) != 0 {
                    reachable += weight;
                } else if any & (1 << k) != 0 {
                    reachable += weight * Likeness::Typo.similarity();
                }
            }
            return self.reaches(reachable / total);
        }
        // Most candidates miss an identity word (a pair of one with a function word proposed
        // them): that is settled before any weight is summed.
        for rw in r.words.iter().filter(|w| w.identity) {
            if !range
                .clone()
                .any(|ti| matches.of(ti).iter().any(|m| m.word == rw.word))
            {
                return false;
            }
        }
        let mut reachable = 0.0f32;
        let mut total = 0.0f32;
        for rw in &r.words {
            let weight = self.weights[rw.word as usize];
            total += weight;
            let best = range
                .clone()
                .filter_map(|ti| matches.of(ti).iter().find(|m| m.word == rw.word))
                .map(|m| match m.likeness {
                    Likeness::Typo => Likeness::Typo.similarity(),
                    // A common noun's head may inflect at no cost (see `align`).
                    Likeness::Same | Likeness::Inflected | Likeness::Spelling => 1.0,
                })
                .fold(0.0f32, f32::max);
            if best == 0.0 && rw.identity {
                return false;
            }
            reachable += weight * best;
        }
        self.reaches(reachable / total)
    }

    /// Whether the text around `window` is rendering `other` written correctly (up to
    /// grammar), or `other` with a word replaced (another entity).
    fn fits_other_rendering(
        &self,
        rendering: u32,
        other: u32,
        window: &Range<usize>,
        tokens: &[TextWord],
        matches: &Matches,
        context: &TextContext,
    ) -> bool {
        let o = &self.renderings[other as usize];
        // The replacing word must be foreign to this rendering too: in "Standing Committee of
        // the Shanghai People's Congress", "Shanghai" replaces nothing of the short form
        // "Standing Committee of the Municipal People's Congress" that it does not also hold.
        if self.align(o, window.clone(), tokens, matches) == Err(Reject::Substitution) {
            let foreign = |ti: usize, words: &[RenderingWord]| {
                !matches
                    .of(ti)
                    .iter()
                    .any(|m| words.iter().any(|w| w.word == m.word))
            };
            let r = &self.renderings[rendering as usize];
            if window
                .clone()
                .any(|ti| foreign(ti, &o.words) && foreign(ti, &r.words))
            {
                return true;
            }
        }
        let n = o.words.len();
        let from = window.start.saturating_sub(1);
        let to = (window.end + 1).min(tokens.len());
        for start in from..to {
            for len in n.saturating_sub(1).max(1)..=n + 1 {
                let end = start + len;
                if end > to {
                    continue;
                }
                if start > window.start || end < window.end {
                    continue; // a shorter rendering inside the window says nothing of it
                }
                let candidate = start..end;
                if let Ok((score, alignment)) = self.align(o, candidate.clone(), tokens, matches) {
                    if self.reaches(score)
                        && self
                            .damage(o, &candidate, &alignment, tokens, matches, context)
                            .is_none()
                    {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// Whether the words of name `r` other than its `k`th are written exactly as the glossary
    /// has them in `alignment`, and every word it capitalises has its capital in the text.
    fn written_as_the_name(
        &self,
        r: &IndexedRendering,
        alignment: &[Option<usize>],
        k: usize,
        tokens: &[TextWord],
        matches: &Matches,
        context: &TextContext,
    ) -> bool {
        let exact = r
            .words
            .iter()
            .zip(alignment)
            .enumerate()
            .all(|(i, (w, a))| {
                i == k
                    || a.is_some_and(|ti| {
                        let t = &tokens[ti];
                        matches.text(t) == self.words[w.word as usize]
                            && t.possessive() == w.possessive
                    })
            });
        exact && self.keeps_capitals(r, alignment, tokens, context.capital)
    }

    /// Whether word `k` of `r`, not its head, heads a phrase inside the term: it stands between
    /// words of the term, before a function word of it, and the term's other words are
    /// written as the glossary has them (a common noun's head in either number). The number of
    /// such a word is the term's, and another is a slip of the term however freely the
    /// document uses it: "net profit attributable to shareholder of the listed company" in a
    /// text about its controlling shareholder. A word before a noun modifies it, and English
    /// writes such a word in either number ("the market regulations authority", "fixed assets
    /// investment"); a word at an edge of a term may be the text's own phrase going on.
    fn heads_a_phrase_inside(
        &self,
        r: &IndexedRendering,
        alignment: &[Option<usize>],
        k: usize,
        tokens: &[TextWord],
        matches: &Matches,
    ) -> bool {
        let n = r.words.len();
        k > 0
            && k + 1 < n
            && is_function_word(&self.words[r.words[k + 1].word as usize])
            && r.words
                .iter()
                .zip(alignment)
                .enumerate()
                .all(|(i, (w, a))| {
                    i == k
                        || a.is_some_and(|ti| {
                            let t = &tokens[ti];
                            let written = matches.text(t);
                            let listed = &self.words[w.word as usize];
                            let head_inflected =
                                !r.name && i == r.head && same_lemma(written, listed);
                            (written == listed || head_inflected) && t.possessive() == w.possessive
                        })
                })
    }

    /// Whether the words a name capitalises are capitalised in the text too (or the text is
    /// in capitals): "daily labor" is not a reordered "Labor Daily".
    fn keeps_capitals(
        &self,
        r: &IndexedRendering,
        alignment: &[Option<usize>],
        tokens: &[TextWord],
        capital: &dyn Fn(&TextWord) -> bool,
    ) -> bool {
        r.words
            .iter()
            .zip(alignment)
            .all(|(w, a)| !w.capitalized || a.is_none_or(|ti| capital(&tokens[ti])))
    }

    /// Whether a name is written as the common noun it is made of, in the other number:
    /// its head inflected, none of its capitals written but for one that starts a sentence,
    /// and every word it capitalises an English word ("Ministries of finance of 20 countries
    /// met", "the federal reserves of gold"), or its head in the plural and the text's in the
    /// singular ("a terracotta warrior" of "Terracotta Warriors"). A name is one entity; its
    /// words in small letters and in the plural are many, and in the singular, one of many.
    fn common_noun_in_number(
        &self,
        r: &IndexedRendering,
        alignment: &[Option<usize>],
        tokens: &[TextWord],
        matches: &Matches,
        (text, capital): (&str, &dyn Fn(&TextWord) -> bool),
    ) -> bool {
        let starts_a_sentence = |t: &TextWord| starts_a_sentence(text, t);
        let head = &r.words[r.head];
        let head_inflected = alignment[r.head].is_some_and(|ti| {
            matches
                .of(ti)
                .iter()
                .any(|m| m.word == head.word && m.likeness == Likeness::Inflected)
        });
        let no_capital = r.words.iter().zip(alignment).all(|(w, a)| {
            !w.capitalized
                || a.is_none_or(|ti| !capital(&tokens[ti]) || starts_a_sentence(&tokens[ti]))
        });
        // "shanghai" in small letters is still Shanghai: only a name made of English words
        // reads as a common noun in the plural. A name whose head is in the plural names a
        // set of things ("Terracotta Warriors"), and one of them in small letters is that
        // common noun, whatever its modifiers: "a kneeling terracotta warrior".
        let one_of_a_set = || {
            number_of(&self.words[head.word as usize]) == Number::Plural
                && alignment[r.head]
                    .is_some_and(|ti| number_of(matches.text(&tokens[ti])) == Number::Singular)
        };
        let common_words = || {
            r.words
                .iter()
                .filter(|w| w.capitalized)
                .all(|w| is_english_word(&lemma(&self.words[w.word as usize])))
        };
        head.capitalized && head_inflected && no_capital && (one_of_a_set() || common_words())
    }

    /// Whether name `r`, its head in the plural in `window`, names a class there, not one
    /// entity in the wrong number. A name made only of ordinary English words names a kind
    /// of thing as often as one thing ("Intermediate People's Court", "Mini Program", "Free
    /// Trade Zone", "Authorized Economic Operator"); a word of a proper name says which one
    /// entity ("Shanghai", "Xinhua", "Tsinghua": not in the dictionary in small letters, or
    /// reading as pinyin, a place's name, as "Shanghai" and "China" do), and so does "the"
    /// inside it ("Standing Committee of the Shanghai Municipal People's Congress"). Such a
    /// name's plural is a class where the words before it show no one referent (see
    /// [`Referent`]):
    /// - bare, in running text, not a label alone in a cell or on a line ("Intermediate
    ///   People's Courts have jurisdiction …", "Higher People's Courts hear …");
    /// - after a modifier of its own: a possessive determiner, "these", an adjective or
    ///   another name ("your favourite Mini Programs", "WeChat Mini Programs"); there a word
    ///   of English that reads as pinyin ("Mini") is taken as English, the modifier showing a
    ///   class of things where a bare plural does not;
    /// - after "the" only where its head names one who does or holds something (see
    ///   [`names_a_doer`]: "the Authorized Economic Operators of the EU"), where a unique
    ///   entity is an organisation, a law, an event or a place, or where the text glosses it
    ///   by its abbreviation in the plural, in brackets right after it ("the Free Trade Zones
    ///   (FTZs)"), as nobody writes one entity. "The Supreme People's Courts", "the Ministries
    ///   of Finance" are one entity in the wrong number.
    ///
    /// After a determiner of one ("each Model Workers") it is never a class, nor after a
    /// figure that counts nothing ("88 Linear Algebras", a table's cells).
    fn names_a_class(
        &self,
        r: &IndexedRendering,
        window: &Range<usize>,
        tokens: &[TextWord],
        matches: &Matches,
        context: &TextContext,
    ) -> bool {
        let english = |pinyin_too: bool| {
            r.words.iter().all(|w| {
                let w = self.words[w.word as usize].as_str();
                if is_function_word(w) {
                    return w != "the";
                }
                // A proper adjective ("Chinese", "American") picks no referent any more than
                // an ordinary adjective does; a place's or a person's name does.
                (is_english_word(w) || is_english_word(&lemma(w)))
                    && (proper_adjective(w) || !is_name(w) && (pinyin_too || !reads_as_pinyin(w)))
            })
        };
        let referent = Referent::before(window, tokens, matches, context);
        if referent == Referent::One {
            return false;
        }
        if referent == Referent::Modified && english(true) {
            return true;
        }
        if !english(false) {
            return false;
        }
        if referent == Referent::Bare && !alone_as_a_label(window, tokens, context) {
            return true;
        }
        if names_a_doer(&self.words[r.words[r.head].word as usize]) {
            return true;
        }
        // "(FTZs)": the initials of the words the name capitalises, and a small "s".
        let text = context.text;
        tokens.get(window.end).is_some_and(|next| {
            let last = &tokens[window.end - 1];
            let initials: String = r
                .words
                .iter()
                .filter(|w| w.capitalized)
                .filter_map(|w| self.words[w.word as usize].chars().next())
                .chain(['s'])
                .collect();
            text[last.span().end..next.span().start].trim() == "("
                && text[next.span().end..].starts_with(')')
                && (context.abbreviation_plural)(next)
                && matches.text(next) == initials
        })
    }

    /// Whether a word of the rendering missing at an edge of the window is replaced by the
    /// text's next word, a content word written right beside it: "Beijing Municipal Party
    /// Committee" is another committee, not a "Shanghai Municipal Party Committee" missing
    /// "Shanghai".
    fn replaces_a_neighbour(
        &self,
        r: &IndexedRendering,
        window: &Range<usize>,
        alignment: &[Option<usize>],
        tokens: &[TextWord],
        matches: &Matches,
        text: &str,
    ) -> bool {
        let n = r.words.len();
        let content = |t: &TextWord| !is_function_word(matches.text(t));
        let joined =
            |a: &TextWord, b: &TextWord| text[a.span().end..b.span().start].trim().is_empty();
        let first_missing = alignment[0].is_none();
        let last_missing = alignment[n - 1].is_none();
        (first_missing
            && window.start > 0
            && content(&tokens[window.start - 1])
            && joined(&tokens[window.start - 1], &tokens[window.start]))
            || (last_missing
                && window.end < tokens.len()
                && content(&tokens[window.end])
                && joined(&tokens[window.end - 1], &tokens[window.end]))
    }

    /// Scores a window of words against a rendering, or says why it cannot be a garbled form
    /// of it. The alignment gives, for each word of the rendering, the window word matched to
    /// it.
    fn align(
        &self,
        r: &IndexedRendering,
        window: Range<usize>,
        tokens: &[TextWord],
        matches: &Matches,
    ) -> Result<(f32, Alignment), Reject> {
        let mut used: SmallVec<[bool; 16]> = SmallVec::from_elem(false, window.len());
        let mut alignment: Alignment = SmallVec::from_elem(None, r.words.len());
        let mut matched = 0.0f32;
        let mut total = 0.0f32;
        for &k in &r.by_weight {
            let rw = &r.words[k];
            let weight = self.weights[rw.word as usize];
            total += weight;
            let mut best: Option<(usize, f32)> = None;
            for (offset, ti) in window.clone().enumerate() {
                if used[offset] {
                    continue;
                }
                let Some(m) = matches.of(ti).iter().find(|m| m.word == rw.word) else {
                    continue;
                };
                if rw.has_digit && m.likeness != Likeness::Same {
                    continue;
                }
                let mut sim = m.likeness.similarity();
                if !r.name && k == r.head && m.likeness == Likeness::Inflected {
                    sim = 1.0; // grammar, see `damage`
                }
                let grammatical_possessive =
                    !r.name || (offset + 1 == window.len() && !rw.possessive);
                if tokens[ti].possessive() != rw.possessive && !grammatical_possessive {
                    sim -= 0.1;
                }
                // Prefer the word in the rendering's own position among equals.
                let in_place = offset == k;
                if best.is_none_or(|(_, s)| sim > s || (sim == s && in_place)) {
                    best = Some((offset, sim));
                }
            }
            match best {
                Some((offset, sim)) => {
                    used[offset] = true;
                    alignment[k] = Some(window.start + offset);
                    matched += weight * sim;
                }
                None if rw.identity => return Err(Reject::Unrelated),
                None => {}
            }
        }
        if !used[0] || !used[window.len() - 1] {
            return Err(Reject::Unrelated);
        }
        let word_of = |k: usize| self.words[r.words[k].word as usize].as_str();
        let missing: Positions = (0..r.words.len())
            .filter(|&k| alignment[k].is_none())
            .collect();
        let extra: Positions = (0..window.len()).filter(|&o| !used[o]).collect();
        let repeated = |o: usize| {
            let t = tokens[window.start + o].entry;
            (o > 0 && tokens[window.start + o - 1].entry == t)
                || (o + 1 < window.len() && tokens[window.start + o + 1].entry == t)
        };
        let function_or_short = |s: &str| is_function_word(s) || s.chars().count() <= 3;
        // A number added is another entity: "the 15th Standing Committee …".
        if extra.iter().any(|&o| {
            matches
                .text(&tokens[window.start + o])
                .chars()
                .any(char::is_numeric)
        }) {
            return Err(Reject::Substitution);
        }
        // A rendering word replaced by another word is another entity, unless both are
        // function words ("of" for "for") or the added word repeats a neighbour.
        let replacing: Positions = extra.iter().copied().filter(|&o| !repeated(o)).collect();
        if !missing.is_empty() && !replacing.is_empty() {
            let all_function = missing.iter().all(|&k| function_or_short(word_of(k)))
                && replacing
                    .iter()
                    .all(|&o| function_or_short(matches.text(&tokens[window.start + o])));
            if !all_function {
                return Err(Reject::Substitution);
            }
        }
        if !missing.is_empty() && r.words.len() < 3 {
            return Err(Reject::Unrelated);
        }
        // A content word added inside two words makes another name or phrase: a "Pulse
        // Cleansing Technique" is no "Pulse Technique". (Scored, it sat on the threshold, and
        // only rounding decided.)
        if r.words.len() < 3
            && replacing
                .iter()
                .any(|&o| !is_function_word(matches.text(&tokens[window.start + o])))
        {
            return Err(Reject::Unrelated);
        }
        // A word added to a name by a hyphen makes another name: "Xi'an Jiaotong-Liverpool
        // University" is no "Xi'an Jiaotong University".
        if r.name
            && replacing.iter().any(|&o| {
                let at = window.start + o;
                tokens[at].hyphenated() || tokens.get(at + 1).is_some_and(TextWord::hyphenated)
            })
        {
            return Err(Reject::Unrelated);
        }
        let in_order = alignment
            .iter()
            .flatten()
            .zip(alignment.iter().flatten().skip(1))
            .all(|(a, b)| a < b);
        // Reordered words with a word added are two phrases side by side ("… People's Congress
        // and National …"), not one term.
        if !in_order && !replacing.is_empty() {
            return Err(Reject::Unrelated);
        }
        // The window's edge words must be the rendering's own edges or content words: a
        // function word next to the term ("the 18th National Congress…") is not part of it.
        for (edge, rendering_edge) in [(window.start, 0), (window.end - 1, r.words.len() - 1)] {
            let k = alignment
                .iter()
                .position(|&a| a == Some(edge))
                .expect("edge words are used");
            if k != rendering_edge && function_or_short(word_of(k)) {
                return Err(Reject::Unrelated);
            }
        }
        // Common nouns are ordinary English: "maximum battery temperature" is not a garbled
        // "maximum temperature", nor "register shift" a garbled "shift register". Only longer
        // ones lose or gain a function word, or have their words swapped, by damage.
        if !r.name {
            let words_changed = !missing.is_empty() || !replacing.is_empty();
            if !in_order && !one_swap(&alignment, tokens, matches) {
                // Other orders of a common noun's words are other phrases: "mailing list
                // regressions", "temperature critical high".
                return Err(Reject::Unrelated);
            }
            // In a phrase of three words a dropped function word leaves a compound of its
            // own: "sequence operations" for "sequence of operations".
            if r.words.len() < 4 && !missing.is_empty() {
                return Err(Reject::Unrelated);
            }
            if r.words.len() < 3 || (words_changed && !in_order) {
                // Reordered with words changed is a paraphrase: "authentication with two
                // factors".
                if words_changed || !in_order {
                    return Err(Reject::Unrelated);
                }
            } else if missing.iter().any(|&k| !is_function_word(word_of(k)))
                || !replacing.is_empty()
            {
                // A function word dropped is damage; one added makes another phrase ("entry in
                // clock names").
                return Err(Reject::Unrelated);
            }
        }
        // Words run together are repaired only where nothing else differs: "typeerror" is
        // not a "type of error" missing "of".
        let split_used = window.clone().any(|ti| tokens[ti].split());
        if split_used && (!missing.is_empty() || !extra.is_empty() || !in_order) {
            return Err(Reject::Unrelated);
        }
        total += extra.len() as f32 * self.added_word_weight(r);
        Ok((matched / total, alignment))
    }

    /// What a word added to a window of `r` weighs in its score: half its lightest word.
    fn added_word_weight(&self, r: &IndexedRendering) -> f32 {
        let lightest = r
            .words
            .iter()
            .map(|w| self.weights[w.word as usize])
            .fold(f32::MAX, f32::min);
        0.5 * lightest
    }

    /// The score of a window of `r` scoring `score`, with one word more (see `align`).
    fn with_a_word_added(&self, r: &IndexedRendering, score: f32) -> f32 {
        let total: f32 = r.words.iter().map(|w| self.weights[w.word as usize]).sum();
        score * total / (total + self.added_word_weight(r))
    }

    /// How a window aligned with a rendering differs from it, if the difference is damage and
    /// not the rendering itself nor grammar (see the module documentation). `before` is the
    /// word before the window.
    fn damage(
        &self,
        r: &IndexedRendering,
        window: &Range<usize>,
        alignment: &[Option<usize>],
        tokens: &[TextWord],
        matches: &Matches,
        context: &TextContext,
    ) -> Option<Damage> {
        let hyphen_at_line_end = context.hyphen_at_line_end;
        let n = r.words.len();
        if alignment.iter().any(Option::is_none) {
            return Some(Damage::MissingWord);
        }
        if window.len() > n {
            let repeated =
                (window.start + 1..window.end).any(|i| tokens[i].entry == tokens[i - 1].entry);
            return Some(if repeated {
                Damage::RepeatedWord
            } else {
                Damage::ExtraWord
            });
        }
        // A name written as the common noun it is made of (its last word in small letters),
        // hyphenated whole before a noun it modifies, is a compound modifier, as English
        // hyphenates one: "Qing-dynasty furniture" for "Qing Dynasty".
        let compound_modifier = || {
            let last = &tokens[window.end - 1];
            let next = tokens.get(window.end);
            r.words.last().is_some_and(|w| w.capitalized)
                && !(context.capital)(last)
                && (window.start + 1..window.end).all(|i| tokens[i].hyphenated())
                && next.is_some_and(|next| {
                    context.text[last.span().end..next.span().start] == *" "
                        && !is_function_word(matches.text(next))
                        && !(context.capital)(next)
                })
        };
        // A compound the glossary hyphenates whole, written open where it modifies no noun, is
        // the phrase English writes there: "for single use only" of "single-use".
        let open_as_english = r.words.len() > 1
            && r.words[1..].iter().all(|w| w.hyphenated)
            && open_where_it_modifies_nothing(r, window, tokens, matches, context);
        let mut found: Option<Damage> = None;
        let mut spelled_differently = false;
        for (k, rw) in r.words.iter().enumerate() {
            let ti = alignment[k].expect("all aligned");
            let t = &tokens[ti];
            if ti != window.start + k {
                return Some(Damage::WordOrder);
            }
            // The apostrophe inside a word ("Xi'an", "Chang'e") lost or replaced by a space,
            // a hyphen or another mark breaks the word: "Xi an", "Chang-e", "Ling`er". Not
            // where the part written apart is an English article before a word it can stand
            // before: "gave Xi an award" (but "Xi an is", "Xi an stay").
            if rw.apostrophe {
                let gap = &context.text[tokens[ti - 1].span().end..t.span().start];
                let next = tokens.get(ti + 1).filter(|n| {
                    context.text[t.span().end..n.span().start]
                        .chars()
                        .all(char::is_whitespace)
                });
                let article = gap == " "
                    && next.is_some_and(|n| article_before(matches.text(t), matches.text(n)));
                if gap != "'" && !article {
                    return Some(Damage::Spacing);
                }
            }
            let glossary_word = &self.words[rw.word as usize];
            let word = matches.text(t);
            if same_word_spelled_differently(word, glossary_word) {
                spelled_differently = true;
                continue;
            }
            // The other spelling in the other number ("counselors" for "counsellor") is a
            // spelling, and its number is judged as any other word's.
            let respelled = spelled_differently_in_other_number(word, glossary_word);
            spelled_differently |= respelled;
            // A possessive "'s" written without its apostrophe ("Supreme Peoples Court" of
            // "Supreme People's Court") reads as a plural, but the slip is the possessive: it is
            // judged so below, not as the word's number or a misspelling.
            let apostrophe_lost = rw.possessive
                && !t.possessive()
                && word.strip_suffix('s') == Some(glossary_word.as_str());
            let inflected = word != glossary_word && !apostrophe_lost;
            if inflected && !respelled && !same_lemma(word, glossary_word) {
                return Some(Damage::Misspelling);
            }
            // Closing an open compound is a spelling of a common noun ("timestamps" for "time
            // stamps"); of a name, or a closed word written apart, it is damage.
            // Two words of their own written apart ("request buffers" for "requestbuffers")
            // are an open spelling of a common noun's compound, not damage.
            // What the document writes three times is its own spelling: for a name, the
            // spelling as written ("Baihetan" written right three times is not "Bai hetan");
            // for a common noun's word written apart, so written three times and the word
            // used freely ("cooldown" written twice is not "cool-down"; "We Chat account"
            // four times is one phrase garbled four times). For a common noun written closed,
            // the words it is made of used freely: counted as written, closed jargon of
            // software documentation ("logfile", "childnode", "localhost", each written once
            // or twice) came out as damage by the hundred.
            let respaced_often =
                || respaced_uses(tokens, ti, matches.cache).is_some_and(|uses| uses >= FREQUENT);
            let own_spelling = if r.name {
                respaced_often()
            } else if t.merged() {
                respaced_often() && t.frequent()
            } else {
                t.frequent()
            };
            let words_of_the_text = || {
                !rw.capitalized
                    && apart_as_words(t, context)
                    && !preposition_after_an_article(ti, tokens, matches, context)
            };
            let merged_damage = t.merged()
                && !own_spelling
                && (r.name || !(t.merged_words() || words_of_the_text()))
                && !hyphen_at_line_end(t.span());
            // A common noun's compound written closed is a spelling where the closed word is
            // English ("database"); a string that is no word ("heatexchanger") lost a space.
            let split_damage = t.split()
                && !own_spelling
                && (r.name || !closed_compound_is_english(tokens, ti, matches));
            // A closed word written with a hyphen inside ("Co-existence" of "Coexistence")
            // gained a hyphen; written apart or run together, its spacing broke. Damage
            // found in a word before it ("Five Principle of Peaceful Co-existence") is
            // named first, as any other is.
            if merged_damage || split_damage {
                let hyphen_added = merged_damage && context.text[t.span()].chars().any(is_hyphen);
                found = found.or(Some(if hyphen_added {
                    Damage::Hyphenation
                } else {
                    Damage::Spacing
                }));
                continue;
            }
            if n == 1 {
                continue; // one word: its number and possessive are grammar
            }
            // A hyphen ending a line keeps the rendering's hyphen ("ultra-⏎high"). A common
            // noun ending in an adverb particle, written open, is the phrasal verb it is made
            // of ("top up" of "top-up", "check in", "set up"), ordinary English.
            let phrasal_verb =
                !r.name && k + 1 == n && ADVERB_PARTICLES.contains(&glossary_word.as_str());
            let hyphen_dropped = k > 0
                && rw.hyphenated
                && !t.hyphenated()
                && !phrasal_verb
                && !open_as_english
                && !hyphen_at_line_end(tokens[ti - 1].span().start..t.word_end())
                && !(k == 1
                    && matches!(self.words[r.words[0].word as usize].as_str(), "a" | "an")
                    && article_apart(window, tokens, matches, context));
            let hyphen_added = k > 0 && !rw.hyphenated && t.hyphenated();
            if hyphen_dropped || (r.name && hyphen_added && !compound_modifier()) {
                found = found.or(Some(Damage::Hyphenation));
            }
            // A name's possessive written on the other side of its "s" ("Peoples' Bank" of
            // "People's Bank") is the apostrophe misplaced, not the word's number changed.
            let apostrophe_moved = r.name
                && rw.possessive
                && t.possessive()
                && (word.strip_suffix('s') == Some(glossary_word.as_str())
                    || glossary_word.strip_suffix('s') == Some(word));
            if apostrophe_moved {
                found = found.or(Some(Damage::MisplacedApostrophe));
            } else if inflected {
                // A number the document uses often is grammar ("takes care", "device tree"),
                // but not inside a name written as the name, its other words exact and with
                // its capitals: the free use of "regulations" elsewhere says nothing of "State
                // Administration for Market Regulations".
                // Not a plural English does not make ("user equipments"), unless the
                // document writes it often.
                let grammatical = if k == r.head {
                    (an_english_number_of(word, glossary_word) || t.frequent())
                        && (!r.name
                            || counted_at(window.start, tokens, matches, context, number_of(word))
                            || (k > 0
                                && number_of(word) == Number::Plural
                                && coordinated_before(window.start, tokens, matches, context))
                            || (number_of(word) == Number::Singular
                                && one_of_a_series(window, ti, tokens, matches, context))
                            || (number_of(word) == Number::Plural
                                && self.names_a_class(r, window, tokens, matches, context))
                            || (number_of(word) == Number::Plural
                                && k + 1 == n
                                && counted_after(ti, tokens, matches, context)))
                } else {
                    // A word the glossary capitalises inside a common noun, not merely its
                    // first word in a sentence's case, is a proper part of it ("Warring
                    // States period", "Spring Festival travel rush"): its number is the
                    // name's, however freely the document uses the common word ("state").
                    let proper =
                        rw.capitalized && (k > 0 || r.words.get(1).is_some_and(|w| w.capitalized));
                    (t.frequent()
                        && !((r.name || proper)
                            && self.written_as_the_name(r, alignment, k, tokens, matches, context))
                        && !self.heads_a_phrase_inside(r, alignment, k, tokens, matches))
                        || numbers_a_set(r, alignment, k, tokens, matches, context)
                        // A classical plural modifies a noun as English uses it ("data
                        // pairs", "media player"), where a regular one does not ("passwords
                        // manager").
                        || (!r.name && classical_numbers_of_one_word(word, glossary_word))
                };
                if !grammatical {
                    found = found.or(Some(Damage::Number));
                }
            }
            let possessive_differs = if k + 1 < n {
                t.possessive() != rw.possessive
            } else {
                rw.possessive && !t.possessive()
            };
            // A common noun may gain a possessive ("the memory's space"), not lose its own.
            if possessive_differs && (r.name || rw.possessive) {
                found = found.or(Some(Damage::Possessive));
            }
        }
        let found = found.or(spelled_differently.then_some(Damage::OtherSpelling));
        if matches!(found, Some(Damage::Hyphenation | Damage::Spacing))
            && part_of_another_name(r, window, tokens, matches, context)
        {
            return None;
        }
        found
    }
}

/// Whether `word`, in lower case, a word the dictionary gives only with a capital, is a
/// proper adjective of a place: its name with an ending of nationality or language ("chinese"
/// of "China", "japanese", "american", "indian", "european", "finnish", "israeli"). A
/// person's name that merely ends so ("logan", "brian") is no place's name with the ending.
fn proper_adjective(word: &str) -> bool {
    // An ending and what the place's name ends in where the ending stands.
    const ENDINGS: &[(&str, &[&str])] = &[
        ("ese", &["", "a"]),
        ("ian", &["ia", "y"]),
        ("ean", &["e"]),
        ("an", &["a"]),
        ("ish", &["land", "and", "ey", "en", "ain"]),
        ("i", &[""]),
    ];
    // A place's name may be an English word too ("china", "japan"), but a bare "i" added to
    // an English word makes many a person's name ("toni"): that ending only after a name.
    let place =
        |name: &str, ending: &str| is_name(name) || (ending != "i" && is_english_word(name));
    is_name(word)
        && ENDINGS.iter().any(|(ending, places)| {
            word.strip_suffix(ending).is_some_and(|stem| {
                stem.len() >= 3
                    && places
                        .iter()
                        .any(|tail| place(&format!("{stem}{tail}"), ending))
            })
        })
}

/// Whether the text counts `plural`, a name in the plural, normalized, somewhere: a
/// quantifier or the like before it (see [`counted_at`]).
fn counted_in(plural: &str, tokens: &[TextWord], matches: &Matches, context: &TextContext) -> bool {
    let text = context.text;
    text.match_indices(plural).any(|(at, _)| {
        let end = at + plural.len();
        let whole = !text[..at].chars().next_back().is_some_and(is_word_char)
            && !text[end..].chars().next().is_some_and(is_word_char);
        let start = tokens.partition_point(|t| t.span().start < at);
        whole
            && tokens.get(start).is_some_and(|t| t.span().start == at)
            && counted_at(start, tokens, matches, context, Number::Plural)
    })
}

/// Whether the words before token `start` count what it starts, so that a name's head in the
/// plural is grammar: a quantifier ("two National May 1 Labor Medals", "not enough Gold
/// Coins"), in the same cell of a table (the credits or score of the row above count something
/// else); a part of a set, of a head in the plural (`number`) and named by a word ("one of
/// China's World Heritage Sites", "each of the National Scholarships", but not "Article 12 of
/// the Civil Procedure Laws", a label); or a placeholder of a count ("{count} Gold Coins").
fn counted_at(
    start: usize,
    tokens: &[TextWord],
    matches: &Matches,
    context: &TextContext,
    number: Number,
) -> bool {
    let column = context.column_between;
    let word = |i: usize| matches.text(&tokens[i]);
    // Words of one sentence and one paragraph: only spaces and a line wrap between. A number
    // ending the sentence or the paragraph before ("founded in 1921.⏎⏎Mao Zedongs", "p. 45.
    // Qing dynastys"), or closing a bracket, counts nothing of the next.
    let joined = |i: usize| {
        context.text[tokens[i].span().end..tokens[i + 1].span().start]
            .trim()
            .is_empty()
            && (context.line_breaks)(&tokens[i], &tokens[i + 1]) < 2
    };
    let quantifier = start.checked_sub(1).is_some_and(|b| {
        is_quantifier(word(b))
            && joined(b)
            && !column(&tokens[b], &tokens[start])
            && !b
                .checked_sub(1)
                .is_some_and(|p| column(&tokens[p], &tokens[b]))
    });
    // "one of", "each of the", "two of China's".
    let partitive = || {
        if number != Number::Plural {
            return false;
        }
        let mut at = start;
        let determined = at
            .checked_sub(1)
            .is_some_and(|d| tokens[d].possessive() || PARTITIVE_DETERMINERS.contains(&word(d)));
        if determined {
            at -= 1;
        }
        at.checked_sub(2).is_some_and(|q| {
            word(q + 1) == "of"
                && joined(q)
                && (q + 1..start).all(joined)
                && (QUANTIFIERS.contains(&word(q)) || PARTITIVE_HEADS.contains(&word(q)))
        })
    };
    quantifier || partitive() || ends_with_placeholder(&context.text[..tokens[start].span().start])
}

/// Whether the words after token `head`, a name's head in the plural ending it, count the
/// things the name belongs to, so that the name names several: a preposition, maybe a
/// determiner, and a quantifier of more than one ("of both districts", "of the two cities",
/// "of all provinces", "at all levels") or of each one ("in each district", "of every
/// county") before a noun in small letters. A name after "of" ("Standing Committees of the
/// Shanghai Municipal People's Congress") or an owner without a quantifier ("of the city")
/// is one owner, and the plural there is the name's number damaged.
fn counted_after(
    head: usize,
    tokens: &[TextWord],
    matches: &Matches,
    context: &TextContext,
) -> bool {
    let word = |i: usize| matches.text(&tokens[i]);
    let joined = |i: usize| {
        context.text[tokens[i].span().end..tokens[i + 1].span().start]
            .trim_matches([' ', '\t'])
            .is_empty()
            && (context.line_breaks)(&tokens[i], &tokens[i + 1]) == 0
            && !(context.column_between)(&tokens[i], &tokens[i + 1])
    };
    let in_text = |i: usize| i < tokens.len();
    // Figures count where they are no year ("of 2023 elections") and more than one.
    let counts = |w: &str| {
        let figures = w.bytes().all(|b| b.is_ascii_digit());
        let several = !figures || (w.len() != 4 && !matches!(w, "0" | "1"));
        (is_quantifier(w) && several && !matches!(w, "any" | "no")) || matches!(w, "each" | "every")
    };
    let preposition = head + 1;
    if !in_text(preposition + 1)
        || !joined(head)
        || !COUNTING_PREPOSITIONS.contains(&word(preposition))
        || !joined(preposition)
    {
        return false;
    }
    if coordinated_owners(preposition + 1, tokens, matches, context) {
        return true;
    }
    // "of the two cities", "of its three districts".
    let mut at = preposition + 1;
    if PARTITIVE_DETERMINERS.contains(&word(at))
        && in_text(at + 1)
        && joined(at)
        && counts(word(at + 1))
    {
        at += 1;
    }
    if !counts(word(at)) || !in_text(at + 1) || !joined(at) {
        return false;
    }
    // "of all the districts", "of both its cities".
    let mut noun = at + 1;
    if PARTITIVE_DETERMINERS.contains(&word(noun)) && in_text(noun + 1) && joined(noun) {
        noun += 1;
    }
    let w = word(noun);
    !is_weak_word(w) && w.chars().all(char::is_alphabetic) && !(context.capital)(&tokens[noun])
}

/// What the word right before a name in the plural, in the same phrase, says of its
/// referent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Referent {
    /// A determiner of one ("a", "each"): one thing.
    One,
    /// A definite determiner ("the", "this", "that", a possessive noun: "China's", as "of
    /// China" is one owner), or a figure that counts nothing (a cell's number, see
    /// [`counted_at`]): the one thing, or the one set, the name names.
    Definite,
    /// A modifier of the plural's own: a possessive determiner ("your"), "these" or
    /// "those", or a content word (an adjective, another name: "favourite", "WeChat"),
    /// which picks some of a class or says whose.
    Modified,
    /// Nothing: the start of a sentence or a phrase, or a closed-class word that is no
    /// determiner ("by", "and", "have").
    Bare,
}

impl Referent {
    fn before(
        window: &Range<usize>,
        tokens: &[TextWord],
        matches: &Matches,
        context: &TextContext,
    ) -> Referent {
        let Some(b) = window.start.checked_sub(1).filter(|&b| {
            context.text[tokens[b].span().end..tokens[window.start].span().start]
                .trim()
                .is_empty()
                && !(context.column_between)(&tokens[b], &tokens[window.start])
        }) else {
            return Referent::Bare;
        };
        let word = matches.text(&tokens[b]);
        if DETERMINERS_OF_ONE.contains(&word) {
            Referent::One
        } else if matches!(word, "the" | "this" | "that")
            || tokens[b].possessive()
            || word.chars().any(|c| c.is_ascii_digit())
        {
            Referent::Definite
        } else if PARTITIVE_DETERMINERS.contains(&word) || !is_weak_word(word) {
            Referent::Modified
        } else {
            Referent::Bare
        }
    }
}

/// Whether `window` stands alone as a label: nothing before it on its line, or a cell
/// before it, and nothing after it but the line's end or another cell ("Linear Algebras⇥3⇥
/// 81", a course and its credits). A label names one thing, the row's, and has no grammar to
/// show a class.
fn alone_as_a_label(window: &Range<usize>, tokens: &[TextWord], context: &TextContext) -> bool {
    let apart = |a: &TextWord, b: &TextWord| {
        (context.line_breaks)(a, b) > 0 || (context.column_between)(a, b)
    };
    let first = window
        .start
        .checked_sub(1)
        .is_none_or(|b| apart(&tokens[b], &tokens[window.start]));
    let last = tokens
        .get(window.end)
        .is_none_or(|next| apart(&tokens[window.end - 1], next));
    first && last
}

/// Whether the words from token `start`, after a preposition following a name's head in the
/// plural, name two owners or more joined by "and" or "or": "the Higher People's Courts of
/// Jiangsu and Zhejiang", "… of Beijing, Tianjin and Hebei", "… of the city and the county",
/// the editions of an event "… Film Festivals of 2020 and 2021".
/// Each owner is up to three words (maybe after a determiner), no closed-class word among
/// them, and the first words of the owners joined are written alike (both capitalised, or
/// neither), as are the heads of coordinated modifiers (see [`coordinated_before`]). Several
/// owners own several of what the name names, as a quantifier of them says ("of both
/// districts"); one owner ("of Jiangsu", "of the Shanghai Municipal People's Congress")
/// does not.
fn coordinated_owners(
    start: usize,
    tokens: &[TextWord],
    matches: &Matches,
    context: &TextContext,
) -> bool {
    let word = |i: usize| matches.text(&tokens[i]);
    // Words of one phrase: spaces between, or a comma and a space in a list of owners.
    let gap = |i: usize| {
        let between = &context.text[tokens[i].span().end..tokens[i + 1].span().start];
        let phrase = (context.line_breaks)(&tokens[i], &tokens[i + 1]) == 0
            && !(context.column_between)(&tokens[i], &tokens[i + 1]);
        match between.trim_matches([' ', '\t']) {
            "" if phrase => Some(false),
            "," if phrase => Some(true),
            _ => None,
        }
    };
    // An owner from `at`: its first word, and the token after its last word.
    let owner = |mut at: usize| -> Option<(usize, usize)> {
        if at < tokens.len() && PARTITIVE_DETERMINERS.contains(&word(at)) {
            gap(at).filter(|comma| !comma)?;
            at += 1;
        }
        let first = at;
        let mut end = at;
        while end < tokens.len() && end - first < 3 {
            let w = word(end);
            // A year or number is an owner of its own: the editions of a recurring event
            // ("the … Film Festivals of 2020 and 2021").
            let number = end == first && w.bytes().all(|b| b.is_ascii_digit());
            if is_weak_word(w) || !(w.chars().all(char::is_alphabetic) || number) {
                break;
            }
            end += 1;
            if end < tokens.len() && gap(end - 1) != Some(false) {
                break;
            }
        }
        (end > first).then_some((first, end))
    };
    let (first, mut end) = match owner(start) {
        Some(o) => o,
        None => return false,
    };
    let capital = (context.capital)(&tokens[first]);
    for _ in 0..8 {
        let Some(separator) = end.checked_sub(1).filter(|&e| e + 1 < tokens.len()) else {
            return false;
        };
        let comma = gap(separator);
        let conjunction = matches!(word(end), "and" | "or") && comma.is_some();
        let next = if conjunction {
            gap(end).filter(|comma| !comma).map(|_| end + 1)
        } else if comma == Some(true) {
            Some(end)
        } else {
            None
        };
        let Some((next_first, next_end)) = next.and_then(owner) else {
            return false;
        };
        if (context.capital)(&tokens[next_first]) != capital {
            return false;
        }
        if conjunction {
            return true;
        }
        end = next_end;
    }
    false
}

/// Prepositions after which a quantifier counts what a name belongs to, where it stands or
/// what it serves ("of both districts", "in each city", "at all levels").
const COUNTING_PREPOSITIONS: &[&str] = &["across", "at", "from", "in", "of", "throughout"];

/// Determiners of one thing, before a noun in the singular ("a", "each", "every").
const DETERMINERS_OF_ONE: &[&str] = &["a", "an", "another", "each", "every", "one"];

/// Whether the head of a name listed in the plural, written in the singular at token `head`
/// at the end of `window`, names one member of the series or set the name names ("Golden
/// Rooster Awards", "Academy Awards", "Terracotta Warriors"), as English names one: after a
/// determiner of one, small-letter words between ("a Golden Rooster Award", "each Terracotta
/// Warrior", "a second Golden Rooster Award"); before "for" saying which one ("the Golden
/// Rooster Award for Best Director"); or hyphenated to the word after it, a compound modifier,
/// where English puts a noun in the singular ("Golden Rooster Award-winning", as "a five-year
/// plan"). "The Golden Rooster Award" alone is not one of these: "the" picks the one thing a
/// name names, and the glossary names that in the plural ("The Golden Horse Award was held in
/// Taipei").
fn one_of_a_series(
    window: &Range<usize>,
    head: usize,
    tokens: &[TextWord],
    matches: &Matches,
    context: &TextContext,
) -> bool {
    let word = |i: usize| matches.text(&tokens[i]);
    let joined = |a: usize, b: usize| {
        context.text[tokens[a].span().end..tokens[b].span().start]
            .trim()
            .is_empty()
            && !(context.column_between)(&tokens[a], &tokens[b])
    };
    let mut at = window.start;
    let mut determined = false;
    for _ in 0..3 {
        let Some(before) = at.checked_sub(1).filter(|&b| joined(b, at)) else {
            break;
        };
        if DETERMINERS_OF_ONE.contains(&word(before)) {
            determined = true;
            break;
        }
        // "a second", "a coveted": words of the phrase the determiner starts.
        if is_weak_word(word(before)) || (context.capital)(&tokens[before]) {
            break;
        }
        at = before;
    }
    let last = head + 1 == window.end;
    let after = tokens.get(head + 1);
    let for_one = last
        && after.is_some_and(|_| word(head + 1) == "for" && joined(head, head + 1))
        && tokens
            .get(head + 2)
            .is_some_and(|_| joined(head + 1, head + 2));
    let compound = last
        && after.is_some_and(|next| {
            next.hyphenated()
                && context.text[tokens[head].span().end..next.span().start]
                    .chars()
                    .all(is_hyphen)
        });
    determined || for_one || compound
}

/// Words that pick some of a set with "of", besides the quantifiers ("one of the", "each of").
const PARTITIVE_HEADS: &[&str] = &["each", "either", "neither", "none", "one"];

/// Determiners of a set after "one of" ("one of the", "each of its").
const PARTITIVE_DETERMINERS: &[&str] = &[
    "her", "his", "its", "my", "our", "the", "their", "these", "those", "your",
];

/// Whether the words before the window at `start` coordinate a modifier with the window's
/// first words, so that the plural head is shared by two or more entities: "the Ming and Qing
/// dynasties", "the Sui and Tang Dynasties", "the Western and Eastern Han Dynasties" (one or
/// two more modifiers may stand between the conjunction and the window). The modifier before
/// the conjunction is a content word in the singular and written as the word after the
/// conjunction is (both capitalised, or neither): "workers and Trade Unions" and "Members and
/// Trade Unions" join two nouns, not two modifiers of one.
fn coordinated_before(
    start: usize,
    tokens: &[TextWord],
    matches: &Matches,
    context: &TextContext,
) -> bool {
    let joined = |a: usize| {
        context.text[tokens[a].span().end..tokens[a + 1].span().start]
            .trim()
            .is_empty()
    };
    let mut at = start;
    for _ in 0..=2 {
        let Some(conjunction) = at.checked_sub(1) else {
            return false;
        };
        if !joined(conjunction) {
            return false;
        }
        let word = matches.text(&tokens[conjunction]);
        if matches!(word, "and" | "or") {
            let Some(modifier) = conjunction.checked_sub(1) else {
                return false;
            };
            let first = matches.text(&tokens[modifier]);
            return joined(modifier)
                && !is_function_word(first)
                && number_of(first) != Number::Plural
                && (context.capital)(&tokens[modifier]) == (context.capital)(&tokens[at]);
        }
        if is_function_word(word) {
            return false;
        }
        at = conjunction;
    }
    false
}

/// Whether `window`, a one-word name of `r` in pinyin joined by an apostrophe or a hyphen
/// ("Chang'an", "A-Xian") written closed and capitalised ("Changan"), stands right before
/// another capitalised word, with which it makes a longer name: "Changan Automobile",
/// "Changan Ford" are a carmaker that writes its name so, as brands and institutions keep
/// romanizations without the syllable mark, not the ancient capital garbled.
/// (`inconsistent-term` reads a term before a capitalised word so too: "the Force Majeure
/// Event".) Written apart or with another mark ("Chang an", "Chang-an") it is still broken,
/// a spelling nobody chooses; and other closed words are no romanization ("HewlettPackard
/// Enterprise").
fn before_a_longer_name(
    r: &IndexedRendering,
    window: &Range<usize>,
    tokens: &[TextWord],
    matches: &Matches,
    context: &TextContext,
) -> bool {
    let one_word = r.words.len() >= 2
        && r.words[1..].iter().all(|w| w.apostrophe || w.hyphenated)
        && (window.start..window.end).all(|i| reads_as_pinyin(matches.text(&tokens[i])));
    let closed = window.len() == r.words.len()
        && (window.start + 1..window.end).all(|i| split_partner(tokens, i - 1) == Some(i));
    let first = &tokens[window.start];
    one_word
        && closed
        && (context.capital)(first)
        && !(context.in_capitals)(first)
        && tokens.get(window.end).is_some_and(|next| {
            let last = &tokens[window.end - 1];
            context.text[last.span().end..next.span().start] == *" "
                && (context.line_breaks)(last, next) == 0
                && (context.capital)(next)
                && !is_weak_word(matches.text(next))
        })
}

/// Whether word `t` of `text` (normalized) starts a sentence, where any word is capitalised.
fn starts_a_sentence(text: &str, t: &TextWord) -> bool {
    text[..t.span().start]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '"' | '“' | '\n'))
}

/// Whether the window's first two words, of a rendering whose first word is the indefinite
/// article joined by a hyphen ("A-Yuan", "A-Qing", nicknames of 阿 and a name), written apart
/// are the article before a word it can stand before ("costs only a yuan", "a Qing dynasty
/// vase", "became a xian"): a name keeps its capital, and "a" in small letters is the
/// article. A capital "A" says the name, but at a sentence's start only where its phrase
/// ends with the name's second word ("A Yuan, come here!"), not where a word of the phrase
/// in small letters follows ("A Qing dynasty vase was sold", "A yuan is ten jiao"). As the
/// apostrophe of "Xi'an" is not lost in "gave Xi an award".
fn article_apart(
    window: &Range<usize>,
    tokens: &[TextWord],
    matches: &Matches,
    context: &TextContext,
) -> bool {
    let (first, second) = (&tokens[window.start], &tokens[window.start + 1]);
    let text = context.text;
    if !text[first.span().end..second.span().start]
        .trim()
        .is_empty()
        || !article_before(matches.text(first), matches.text(second))
    {
        return false;
    }
    let capital = context.capital;
    if !capital(first) {
        return true;
    }
    if !starts_a_sentence(text, first) {
        return false;
    }
    let phrase_goes_on = tokens.get(window.start + 2).is_some_and(|next| {
        text[second.span().end..next.span().start] == *" "
            && !capital(next)
            && !is_weak_word(matches.text(next))
    });
    !capital(second) || phrase_goes_on
}

/// Whether `word` is the indefinite article as it stands before `next`: "an" before a vowel,
/// "a" before a consonant ("an award", "a statue"; not "an is", "an stay").
fn article_before(word: &str, next: &str) -> bool {
    let vowel = next.starts_with(['a', 'e', 'i', 'o', 'u']);
    match word {
        "an" => vowel && !is_weak_word(next),
        "a" => !vowel && next.starts_with(|c: char| c.is_alphabetic()) && !is_weak_word(next),
        _ => false,
    }
}

/// The number `word` of the text writes glossary word `listed` in, where it is the other one:
/// inflected ("workers" for "worker", "counselors" for "counsellor"), or misspelt nearer the
/// listed word in the other number than the word as listed ("reseachers" is one slip from
/// "researchers", two from "researcher"; "analysys" is as near "analysis" as "analyses").
fn other_number_written(word: &str, listed: &str) -> Option<Number> {
    if word == listed {
        return None;
    }
    let other = match number_of(listed) {
        Number::Singular => Number::Plural,
        Number::Plural => Number::Singular,
    };
    if same_lemma(word, listed) || spelled_differently_in_other_number(word, listed) {
        return (number_of(word) == other).then_some(other);
    }
    let in_other = in_number(listed, other)?;
    (strsim::osa_distance(word, &in_other) < strsim::osa_distance(word, listed)).then_some(other)
}

/// Whether `rest`, the text after a name, starts with a number of a numbered set, maybe after
/// the name's abbreviation in brackets: a name in the other number before it names one member
/// ("International Accounting Standard 18", "Sustainable Development Goal 13", "Standard
/// (IFRS) 16 Leases"). A year or a count is no member's number: "Trade Union 2023 annual
/// report", "Trade Union 15 million members"; nor is a decimal, a quantity ("Advanced
/// Mathematic 5.0" credits).
fn numbered_after(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t']);
    let rest = match rest.strip_prefix('(') {
        Some(inside) => match inside.find(')') {
            Some(close) if close <= 16 && !inside[..close].contains(char::is_whitespace) => {
                inside[close + 1..].trim_start_matches([' ', '\t'])
            }
            _ => rest,
        },
        None => rest,
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let decimal = rest[digits..]
        .strip_prefix('.')
        .is_some_and(|fraction| fraction.starts_with(|c: char| c.is_ascii_digit()));
    let after = rest[digits..].trim_start_matches([' ', '\t']);
    let multiplied = [
        "hundred", "thousand", "million", "billion", "trillion", "per", "%",
    ]
    .iter()
    .any(|m| after.starts_with(m));
    (1..=3).contains(&digits) && !multiplied && !decimal
}

/// Whether word `k` of `r`, put in the plural, names a numbered set: the rendering's next
/// word is an identifier (a number or a code, a Roman numeral, a capital letter), and the
/// text goes on with more of the same kind ("Models X200 and X300", "Articles 5 and 6",
/// "Sections 3–5", "Phases II and III", "Phases I, II and III", "Units A–C"). As a singular
/// before one number names one member of a set ([`numbered_after`]), the plural before
/// several names several; before one ("Phases II will open") it is the name's number damaged.
fn numbers_a_set(
    r: &IndexedRendering,
    alignment: &[Option<usize>],
    k: usize,
    tokens: &[TextWord],
    matches: &Matches,
    context: &TextContext,
) -> bool {
    let Some(ti) = alignment[k] else {
        return false;
    };
    if r.words.get(k + 1).is_none() || alignment[k + 1] != Some(ti + 1) {
        return false;
    }
    let plural = {
        let word = matches.text(&tokens[ti]);
        lemma_keys(word).iter().any(|singular| singular != word)
    };
    let kinds = identifier_kinds(ti + 1, tokens, matches, context);
    plural && kinds != 0 && coordinated_identifier_after(ti + 1, kinds, tokens, matches, context)
}

/// An identifier written in figures, or holding them ("5", "X200"); see [`identifier_kinds`].
const IDENTIFIER_FIGURES: u8 = 1;
/// An identifier written as a Roman numeral in capitals ("II", "XIV").
const IDENTIFIER_ROMAN: u8 = 2;
/// An identifier written as one capital letter ("A", "C"; "C" is a Roman numeral too).
const IDENTIFIER_LETTER: u8 = 4;

/// The kinds of identifier word `at` of the text, as written, may be (a set of the
/// `IDENTIFIER_*` bits; none for an ordinary word): several of one kind after a plural
/// ("Phases II and III", "Units A and C") name several members of one numbered set, where a
/// word of another kind ("Articles 5 and A") does not go on with the list. A Roman numeral
/// is written as Roman numerals are, in capitals and in their order ("XIV"; not "DID",
/// "IIII", "mix"), so a word in capitals is no numeral by its letters alone.
fn identifier_kinds(
    at: usize,
    tokens: &[TextWord],
    matches: &Matches,
    context: &TextContext,
) -> u8 {
    let t = &tokens[at];
    let word = matches.text(t);
    // A part of a word the text writes closed ("IIII" read as "II" twice) is none.
    if word.len() > 16 || t.split() || t.merged() {
        return 0;
    }
    let mut kinds = 0;
    if word.chars().any(|c| c.is_ascii_digit()) {
        kinds |= IDENTIFIER_FIGURES;
    }
    let capitals =
        word.len() == 1 && (context.capital)(t) || word.len() > 1 && (context.in_capitals)(t);
    if capitals && word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic()) {
        kinds |= IDENTIFIER_LETTER;
    }
    if capitals && crate::zh::numbers::is_roman_numeral(&word.to_ascii_uppercase()) {
        kinds |= IDENTIFIER_ROMAN;
    }
    kinds
}

/// Whether the identifier at word `at` of the text is followed by another of one of the
/// `kinds` of identifier (see [`identifier_kinds`]), joined to it by a conjunction, a comma
/// or a range: "and X300", ", 6 and 7", "–5", "to 12", "and III", "–C".
fn coordinated_identifier_after(
    at: usize,
    kinds: u8,
    tokens: &[TextWord],
    matches: &Matches,
    context: &TextContext,
) -> bool {
    let gap = |a: usize| {
        context.text[tokens[a].word_end()..tokens[a + 1].span().start].trim_matches([' ', '\t'])
    };
    let mut next = at + 1;
    if next >= tokens.len() {
        return false;
    }
    let mut joined = match gap(at) {
        "" => false,
        "," | "&" => true,
        mark => mark.chars().count() == 1 && mark.chars().all(is_hyphen),
    };
    if !joined && !gap(at).is_empty() {
        return false;
    }
    if matches!(matches.text(&tokens[next]), "and" | "or" | "to" | "through") {
        if next + 1 >= tokens.len() || !gap(next).is_empty() {
            return false;
        }
        next += 1;
        joined = true;
    }
    joined && identifier_kinds(next, tokens, matches, context) & kinds != 0
}

/// English prepositions that are no adverb particle of a phrasal verb (see
/// [`ADVERB_PARTICLES`]): a closed class of English grammar.
const PREPOSITIONS: &[&str] = &[
    "after", "against", "among", "at", "before", "between", "during", "for", "from", "into", "of",
    "per", "since", "to", "toward", "towards", "under", "until", "upon", "via", "with", "within",
    "without",
];

/// Determiners: a word of one of them before a phrase makes it a noun phrase ("no cross
/// reactivity"), a closed class of English grammar.
const DETERMINERS: &[&str] = &[
    "a", "an", "another", "any", "each", "either", "every", "her", "his", "its", "my", "neither",
    "no", "our", "some", "such", "that", "the", "their", "these", "this", "those", "what", "which",
    "whose", "your",
];

/// Whether two neighbouring words of the text stand in one phrase: nothing but spaces or a line
/// wrap between them, and not in two cells of a table.
fn in_one_phrase(a: usize, b: usize, tokens: &[TextWord], context: &TextContext) -> bool {
    context.text[tokens[a].span().end..tokens[b].span().start]
        .trim()
        .is_empty()
        && (context.line_breaks)(&tokens[a], &tokens[b]) < 2
        && !(context.column_between)(&tokens[a], &tokens[b])
}

/// Whether `window`, a common noun `r` that the glossary writes as one compound hyphenated
/// whole ("single-use", "well-known"), written open, is the open phrase English writes where
/// the compound modifies no noun. English hyphenates a compound modifier before the noun it
/// modifies ("a single-use syringe") and writes its words open elsewhere ("for single use
/// only", "it is well known"). So the window must end its phrase (punctuation, a line or text
/// ending, or a closed-class word or preposition after it: "only", "of", "and"), and start one:
/// nothing, punctuation, or a closed-class word that is no determiner before it ("for", "is",
/// "and"). After a determiner or a content word the words are a noun phrase, the compound noun
/// with its hyphen lost: "no cross reactivity with" of "cross-reactivity".
fn open_where_it_modifies_nothing(
    r: &IndexedRendering,
    window: &Range<usize>,
    tokens: &[TextWord],
    matches: &Matches,
    context: &TextContext,
) -> bool {
    if r.name || window.len() != r.words.len() {
        return false;
    }
    let open = (window.start + 1..window.end).all(|i| {
        !tokens[i].hyphenated()
            && context.text[tokens[i - 1].span().end..tokens[i].span().start] == *" "
    });
    let grammatical = |w: &str| is_weak_word(w) || PREPOSITIONS.contains(&w);
    let ends_phrase = tokens.get(window.end).is_none_or(|next| {
        !in_one_phrase(window.end - 1, window.end, tokens, context)
            || grammatical(matches.text(next))
    });
    let starts_phrase = window.start.checked_sub(1).is_none_or(|b| {
        let word = matches.text(&tokens[b]);
        !in_one_phrase(b, window.start, tokens, context)
            || (grammatical(word) && !DETERMINERS.contains(&word))
    });
    open && ends_phrase && starts_phrase
}

/// How many words either side of a window are read to tell whether its line is a heading in
/// Title Case: a heading is short, and a longer line is prose.
const HEADING_REACH: usize = 12;

/// Whether `window`, written with its hyphens or spaces changed, of a common noun `r` the
/// glossary writes in small letters ("zero-day"), is rather a part of another name: every word
/// of it capitalised, and the run of capitalised words going on after it ("the Zero Day
/// Initiative", another programme's name). Not in a line in Title Case, a heading or a label,
/// where capitals say nothing of a name ("Zero Day Exploits Explained" is judged as the same
/// words in prose are), and not where the run ends with the window ("Zero Day exploits").
fn part_of_another_name(
    r: &IndexedRendering,
    window: &Range<usize>,
    tokens: &[TextWord],
    matches: &Matches,
    context: &TextContext,
) -> bool {
    let capital = context.capital;
    if r.name
        || r.words.iter().any(|w| w.capitalized)
        || !window.clone().all(|i| capital(&tokens[i]))
    {
        return false;
    }
    let goes_on = tokens.get(window.end).is_some_and(|next| {
        capital(next)
            && context.text[tokens[window.end - 1].span().end..next.span().start] == *" "
            && !is_weak_word(matches.text(next))
    });
    if !goes_on {
        return false;
    }
    // The words of the window's line, as far as a heading reaches: a word in small letters
    // that is no closed-class word ("bug" in "The bug was reported through the Zero Day
    // Initiative") makes the line prose.
    let same_line = |a: usize, b: usize| (context.line_breaks)(&tokens[a], &tokens[b]) == 0;
    let mut first = window.start;
    while first > 0 && window.start - first < HEADING_REACH && same_line(first - 1, first) {
        first -= 1;
    }
    let mut last = window.end - 1;
    while last + 1 < tokens.len()
        && last + 1 - window.end < HEADING_REACH
        && same_line(last, last + 1)
    {
        last += 1;
    }
    let line_starts = first == 0 || !same_line(first - 1, first);
    let line_ends = last + 1 == tokens.len() || !same_line(last, last + 1);
    let title_case =
        (first..=last).all(|i| capital(&tokens[i]) || is_weak_word(matches.text(&tokens[i])));
    !(line_starts && line_ends && title_case)
}

/// Whether merged word `tokens[at]`, written apart, starts with a preposition right after an
/// article: English puts no preposition there, so the two are one word written apart, the
/// compound broken ("An after shock followed" of "aftershock"), where "recovered after shock
/// therapy" or "the back end" (a particle, an adjective too) are words of the text.
fn preposition_after_an_article(
    at: usize,
    tokens: &[TextWord],
    matches: &Matches,
    context: &TextContext,
) -> bool {
    let t = &tokens[at];
    let written = &context.text[t.span().start..t.word_end()];
    let Some((first, _)) = written.split_once(' ') else {
        return false;
    };
    at.checked_sub(1).is_some_and(|b| {
        matches!(matches.text(&tokens[b]), "a" | "an" | "the")
            && context.text[tokens[b].span().end..t.span().start] == *" "
            && PREPOSITIONS.contains(&first)
    })
}

/// Whether merged word `t`, a glossary word in small letters of a common noun written apart,
/// is rather two words of the text: apart by a space (a hyphen makes one word of them,
/// "cool-down"), and one of them a closed-class word ("a synchronous", "every one"), or a
/// particle after a verb ("play back", "cool down"), or both capitalised, a title or a name
/// ("Enhanced Game Port" for "gameport"). A word the glossary capitalises is a name's
/// ("WeChat"): apart, it is damaged ("We Chat").
fn apart_as_words(t: &TextWord, context: &TextContext) -> bool {
    let written = &context.text[t.span().start..t.word_end()];
    let Some((first, second)) = written.split_once(' ') else {
        return false;
    };
    let second_start = t.word_end() - second.len();
    let second_word = TextWord::new((t.entry, 0), second_start..t.word_end(), t.word_end(), 0);
    is_weak_word(first)
        || is_weak_word(second)
        || ADVERB_PARTICLES.contains(&second)
        || ((context.capital)(t) && (context.capital)(&second_word))
}

/// Whether the window has the rendering's words in its order but for one pair swapped,
/// either neighbours ("private virtual network") or the two sides of "and" / "or"
/// ("skills and labor competitions").
fn one_swap(alignment: &[Option<usize>], tokens: &[TextWord], matches: &Matches) -> bool {
    let placed: SmallVec<[(usize, usize); 8]> = alignment
        .iter()
        .enumerate()
        .filter_map(|(k, a)| a.map(|ti| (k, ti)))
        .collect();
    let mut by_text: Positions = placed.iter().map(|&(_, ti)| ti).collect();
    by_text.sort_unstable();
    let out_of_place: Positions = (0..placed.len())
        .filter(|&i| placed[i].1 != by_text[i])
        .collect();
    let [i, j] = out_of_place[..] else {
        return false;
    };
    if placed[i].1 != by_text[j] || placed[j].1 != by_text[i] {
        return false;
    }
    let (a, b) = (placed[i].1.min(placed[j].1), placed[i].1.max(placed[j].1));
    let between: SmallVec<[&str; 4]> = (a + 1..b).map(|t| matches.text(&tokens[t])).collect();
    between.is_empty() || matches!(between[..], ["and"] | ["or"])
}

/// Whether a typo of a word of `r` in the window is written with a capital after a small
/// letter ("setStream", "loopN", "SmartRAID") where the glossary writes its word without one:
/// that is an identifier of code or a product, not a slip (slips do not add capitals).
fn slips_into_an_identifier(
    r: &IndexedRendering,
    alignment: &Alignment,
    tokens: &[TextWord],
    matches: &Matches,
    mixed_case: &dyn Fn(&TextWord) -> bool,
) -> bool {
    r.words.iter().zip(alignment).any(|(rw, at)| {
        at.is_some_and(|at| {
            let typo = matches
                .of(at)
                .iter()
                .any(|m| m.word == rw.word && m.likeness == Likeness::Typo);
            typo && !rw.mixed_case && mixed_case(&tokens[at])
        })
    })
}

/// Whether a typo of an acronym of `r` (a word the glossary writes in capitals) is written in
/// capitals too: another acronym, not a slip. The letters of an acronym are words, and one
/// letter apart they name another thing ("PDCCH" and "PUSCH" are other channels than
/// "PDSCH"); its own letters written twice or two of them swapped ("IFRSS", "EBIDTA") are a
/// slip of the hand, and a slip in a name written in capitals ("SHANGHAI FEDERATON" of
/// "Shanghai Federation") is still one.
fn slips_into_another_acronym(
    r: &IndexedRendering,
    words: &[String],
    alignment: &Alignment,
    tokens: &[TextWord],
    matches: &Matches,
    in_capitals: &dyn Fn(&TextWord) -> bool,
) -> bool {
    r.words.iter().zip(alignment).any(|(rw, at)| {
        at.is_some_and(|at| {
            let typo = matches
                .of(at)
                .iter()
                .any(|m| m.word == rw.word && m.likeness == Likeness::Typo);
            typo && rw.acronym
                && in_capitals(&tokens[at])
                && !own_letters_slipped(matches.text(&tokens[at]), &words[rw.word as usize])
        })
    })
}

/// Whether `word` is `listed` with one of its letters written twice ("IFRSS" of "IFRS") or
/// two of them swapped ("EBIDTA" of "EBITDA"): no other letter.
fn own_letters_slipped(word: &str, listed: &str) -> bool {
    let swapped = || {
        let (mut a, mut b): (Vec<char>, Vec<char>) =
            (word.chars().collect(), listed.chars().collect());
        a.sort_unstable();
        b.sort_unstable();
        a == b
    };
    letter_doubled(word, listed) || (strsim::osa_distance(word, listed) == 1 && swapped())
}

/// Whether `word` is `listed` with one of its letters written twice ("IFRSS" of "IFRS").
fn letter_doubled(word: &str, listed: &str) -> bool {
    word.char_indices().skip(1).any(|(i, c)| {
        word[..i].ends_with(c)
            && word[..i].len() + word[i + c.len_utf8()..].len() == listed.len()
            && listed.starts_with(&word[..i])
            && listed.ends_with(&word[i + c.len_utf8()..])
    })
}

/// Whether a word has a capital letter after a small one ("WeChat", "setStream"). A capital I
/// does not count: it is how OCR misreads a small l ("consuItation").
fn mixed_case(word: &str) -> bool {
    word.chars()
        .zip(word.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase() && b != 'I')
}

/// Whether a word is written in capitals, two letters or more ("PDSCH", "IFRS"; not "I").
fn in_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
        && !word.chars().any(char::is_lowercase)
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `before`, the text before a term, ends with a placeholder of a format string, a
/// count filled in when the program runs ("{count} Gold Coins", "%d Gold Coins", "%1$s",
/// "{0}", "%count%"): a quantifier as much as a number is.
pub(crate) fn ends_with_placeholder(before: &str) -> bool {
    let before = before.trim_end_matches([' ', '\t']);
    if let Some(inside) = before.strip_suffix('}') {
        let inside = inside.trim_end_matches('}');
        return inside.rfind('{').is_some_and(|open| {
            let name = &inside[open + 1..];
            name.len() <= 40 && !name.contains(['}', '\n'])
        });
    }
    let Some(spec) = before
        .rsplit(char::is_whitespace)
        .next()
        .and_then(|chunk| chunk.strip_prefix('%'))
    else {
        return false;
    };
    if let Some(name) = spec.strip_suffix('%') {
        return !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    }
    // printf: an argument index, flags, width, precision and length, then the conversion.
    let mut chars = spec.chars();
    let conversion = chars.next_back();
    matches!(
        conversion,
        Some('d' | 'i' | 'u' | 's' | 'f' | 'g' | 'e' | 'x' | '@')
    ) && chars.all(|c| c.is_ascii_digit() || "$.-+#lhzq".contains(c))
}

fn is_quantifier(word: &str) -> bool {
    QUANTIFIERS.contains(&word) || word.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// Endings that sound alike and differ in one vowel: writing one for the other is the
/// commonest English misspelling ("resistence", "independant", "responsable", "capaciter"),
/// not another word, unless both words are English ("confidant" and "confident", "censor"
/// and "censer").
const SOUNDALIKE_ENDINGS: &[[&str; 2]] = &[
    ["ance", "ence"],
    ["ant", "ent"],
    ["ants", "ents"],
    ["able", "ible"],
    ["er", "or"],
    ["ers", "ors"],
];

/// Whether `word` of the text is a slip of glossary word `glossary_word`: at most one edit
/// apart, two where both are long, the longer of five letters or more, and not two words of
/// their own with other endings.
fn slip_of(word: &str, glossary_word: &str) -> bool {
    let allowed = if two_edits_allowed(word) && two_edits_allowed(glossary_word) {
        2
    } else {
        1
    };
    one_or_more_slips(word, glossary_word, allowed)
}

/// The key ([`SubstringHashes::whole`]) of a word of small ASCII letters with each run of one
/// letter made single ("tarif" of "tariff" and of "tarrif", "comite" of "committee"), if it
/// has such a run: a word without one has that key as its own. Asked only of words indexed
/// or looked up for slips (see [`fuzzy_eligible`]).
fn undoubled_key(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    // Most words have no doubled letter: that is asked first.
    if !bytes.windows(2).any(|pair| pair[0] == pair[1]) || !bytes.iter().all(u8::is_ascii_lowercase)
    {
        return None;
    }
    let mut hash = 0u64;
    for (i, &byte) in bytes.iter().enumerate() {
        if i == 0 || bytes[i - 1] != byte {
            hash = hash
                .wrapping_mul(SubstringHashes::BASE)
                .wrapping_add(u64::from(byte) + 1);
        }
    }
    Some(SubstringHashes::mixed(hash))
}

/// Whether `word` of the text is glossary word `glossary_word` with a doubled letter moved or
/// lost, or a letter doubled, two edits at most: the commonest slip of English spelling
/// ("tarrif" for "tariff", "comitee" for "committee"), two edits a short word is otherwise
/// not allowed (see [`slip_of`]). Asked only of a string that is no English word ("merit" is
/// no slip of "Merritt", nor "topples" of "topless"); not of Roman numerals, whose doubled
/// letters are their value ("XXVII", "XVIII").
fn doubling_slip(word: &str, glossary_word: &str) -> bool {
    let undoubled = |w: &str| {
        let mut letters = w.chars().collect::<Vec<_>>();
        letters.dedup();
        letters
    };
    let roman = |w: &str| crate::zh::numbers::is_roman_numeral(&w.to_ascii_uppercase());
    word != glossary_word
        && word.chars().count().max(glossary_word.chars().count()) >= MIN_FUZZY_LEN
        && undoubled(word) == undoubled(glossary_word)
        && strsim::osa_distance(word, glossary_word) <= 2
        && !other_ending(word, glossary_word)
        && !roman(word)
        && !roman(glossary_word)
}

/// [`doubling_slip`] of `word` as written or of its singulars (`lemma_keys`): "tarrifs".
fn doubling_slip_in_either_number(
    word: &str,
    singulars: &[Cow<'_, str>],
    glossary_word: &str,
) -> bool {
    doubling_slip(word, glossary_word)
        || singulars
            .iter()
            .any(|singular| singular != word && doubling_slip(singular, glossary_word))
}

/// Whether word `k` of `r` is fixed by the term: a word of a name of three words or more, a
/// word inside a term of four words or more, between two of its words, or a modifier before
/// the head of a term of three words or more. A name's words are its own; so are the words
/// between words of a long term, and the modifiers of a term's head where two more words fix
/// the term ("market authorization holder" of "marketing authorization holder"), where a word
/// after the head may be the text's own phrase going on, and a term of two words is a compound
/// whose words English varies ("wider range" of "wide range").
///
/// Which of these words may take another form of its stem and stay a slip is
/// [`FuzzyIndex::slip_out_of_its_term`]'s: not the head, which names what the term is.
fn fixed_in(r: &IndexedRendering, k: usize) -> bool {
    let n = r.words.len();
    (r.name && n >= 3) || (n >= 4 && k > 0 && k + 1 < n)
}

/// Letters an ending may add to a stem, for [`FuzzyIndex::fixed_by_stem`].
const STEM_TAIL: usize = 3;

/// Letters of the shortest stem.
const MIN_STEM: usize = 4;

/// The keys of a word of letters (`hashes` of its `len` bytes) and of its beginnings without
/// up to [`STEM_TAIL`] letters, one more for [`forms_of_one_stem`], none shorter than
/// [`MIN_STEM`]: two words with one such beginning are a stem with two endings, or a word and
/// the word with an ending added.
fn stem_keys(hashes: &SubstringHashes, len: usize) -> impl Iterator<Item = u64> + '_ {
    let parts = hashes.parts();
    (len.saturating_sub(STEM_TAIL + 1).max(MIN_STEM)..=len)
        .map(move |end| SubstringHashes::mixed(parts.prefix[end]))
}

/// Whether two words share a beginning of [`MIN_STEM`] letters or more, each with at most
/// [`STEM_TAIL`] letters after it (the words [`FuzzyIndex::fixed_by_stem`] finds).
fn one_stem_apart(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    common >= MIN_STEM && a.len().max(b.len()) - common <= STEM_TAIL
}

/// Whether two English words are forms of one stem of more than [`MIN_STEM`] letters, each
/// with at most one letter more than [`STEM_TAIL`] after it: "regulation" and
/// "regulatory", "finance" and "financial", "medical" and "medicinal", whose endings need not
/// be one of [`WORD_ENDINGS`]. A shorter stem is too often two words that start alike.
fn forms_of_one_stem(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    common > MIN_STEM && a.len().max(b.len()) - common <= STEM_TAIL + 1 && both_english(a, b)
}

/// Whether English word `word` is `full` clipped ("exam" of "examination", "admin" of
/// "administration"): a beginning of it of [`MIN_STEM`] letters or more, with more letters cut
/// than an ending has, and no ending of [`WORD_ENDINGS`] ("commission" is no clipping of
/// "commissioner", but another word).
fn clipping(word: &str, full: &str) -> bool {
    word.len() >= MIN_STEM
        && full
            .strip_prefix(word)
            .is_some_and(|cut| cut.len() > STEM_TAIL + 1 && !WORD_ENDINGS.contains(&cut))
        && is_english_word(word)
}

/// The keys of the beginnings of a word of letters (`hashes` of its `len` bytes) that a
/// [`clipping`] of it may be.
fn clipping_keys(hashes: &SubstringHashes, len: usize) -> impl Iterator<Item = u64> + '_ {
    let parts = hashes.parts();
    (MIN_STEM..len.saturating_sub(STEM_TAIL + 1))
        .map(move |end| SubstringHashes::mixed(parts.prefix[end]))
}

/// Whether `long` is English word `short` (four letters or more) with a few letters added,
/// itself an English word: a word derived from it, whatever the ending ("Eastern" of "East",
/// "Southern" of "South").
fn english_extension(short: &str, long: &str) -> bool {
    long.len() > short.len()
        && long.len() - short.len() <= STEM_TAIL
        && short.len() >= MIN_STEM
        && long.starts_with(short)
        && both_english(short, long)
}

/// Whether `word` of the text, no slip of glossary word `glossary_word` (see [`slip_of`]), is
/// one where the glossary word is fixed in its term (see [`fixed_in`]): as near it as a slip
/// is, but a word of its own with another ending ("share" and "shared"), or one edit from a
/// function word of four letters or more ("form" for "from").
fn slip_only_in_its_term(word: &str, glossary_word: &str) -> bool {
    let allowed = if two_edits_allowed(word) && two_edits_allowed(glossary_word) {
        2
    } else {
        1
    };
    let longer = word.chars().count().max(glossary_word.chars().count());
    // Farther apart in letters, an English word and a word derived from it: "East" and
    // "Eastern" (nearer, "Easter" for "Eastern" is a slip of a letter, see `slip_of`).
    let near = edits_apart(word, glossary_word, allowed);
    let other_word = longer >= MIN_FUZZY_LEN
        && if near {
            other_ending(word, glossary_word)
        } else {
            (one_stem_apart(word, glossary_word)
                && (other_ending(word, glossary_word)
                    || english_extension(word, glossary_word)
                    || english_extension(glossary_word, word)))
                || forms_of_one_stem(word, glossary_word)
                || clipping(word, glossary_word)
        };
    let function_word = is_function_word(glossary_word)
        && glossary_word.chars().count() + 1 >= MIN_FUZZY_LEN
        && word != glossary_word
        && edits_apart(word, glossary_word, 1);
    other_word || function_word
}

fn one_or_more_slips(word: &str, glossary_word: &str, allowed: usize) -> bool {
    let longer = word.chars().count().max(glossary_word.chars().count());
    longer >= MIN_FUZZY_LEN
        && edits_apart(word, glossary_word, allowed)
        && !other_ending(word, glossary_word)
}

/// Whether `word` of the text is the plural of a slip of glossary word `glossary_word`: its
/// singular one edit from it ("vavles" for "valve", "swiches" for "switch"). A common noun's
/// head inflects at no cost, and a slip is a slip in either number. Asked only of a string
/// that is no English word: the singular of an English word ending in "s" is no word of it
/// ("analysis" is no "analysi", so no slip of "analyst"), and an English word is a slip only
/// in its own form. One edit only, and not letters added at the word's end: "tracefs" and
/// "codecs" are other words, not plurals of "trace" and "code" with a slip.
fn slip_in_plural(word: &str, glossary_word: &str) -> bool {
    singular_slips(word, &lemma_keys(word), glossary_word)
}

/// [`slip_in_plural`] with the word's singulars, its [`lemma_keys`], found already.
fn singular_slips(word: &str, singulars: &[Cow<'_, str>], glossary_word: &str) -> bool {
    singulars.iter().any(|singular| {
        singular != word
            && !(singular.len() > glossary_word.len() && singular.starts_with(glossary_word))
            && one_or_more_slips(singular, glossary_word, 1)
    })
}

/// Whether two words are one stem with two different English endings ("employers" and
/// "employees", "reporter" and "reported"), or an English word and one derived from it by an
/// ending ("exchange" and "exchanger", "employ" and "employer"): words of their own, not typos
/// of each other.
fn other_ending(a: &str, b: &str) -> bool {
    derived_word(a, b) || derived_word(b, a) || other_endings_of_one_stem(a, b)
}

/// Whether `long` is English word `short` with an ending added, a final "e" of `short`
/// merging with the ending's ("exchange" + "er"). A string that is no word with a letter
/// missing at its end ("controlle") is a slip.
fn derived_word(short: &str, long: &str) -> bool {
    // A final "e" goes before an ending that starts with a vowel: "exchange" + "er",
    // "epicentre" + "al" ("epicentral"), "granite" + "ic".
    let without_e = short
        .strip_suffix('e')
        .and_then(|stem| long.strip_prefix(stem))
        .is_some_and(|rest| {
            rest.starts_with(['a', 'e', 'i', 'o', 'u', 'y']) && WORD_ENDINGS.contains(&rest)
        });
    let added = long
        .strip_prefix(short)
        .is_some_and(|rest| WORD_ENDINGS.contains(&rest));
    short.chars().count() >= 4 && (added || without_e) && is_english_word(&short.to_lowercase())
}

fn other_endings_of_one_stem(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let soundalike = |x: &str, y: &str| {
        SOUNDALIKE_ENDINGS
            .iter()
            .any(|&[p, q]| (x, y) == (p, q) || (x, y) == (q, p))
    };
    // One ending inside the other ("ment", "ent") is a letter added or lost: a typo.
    // A common prefix of bytes may end inside a character both words start alike ('é', 'ß').
    (4..=common)
        .rev()
        .filter(|&stem| a.is_char_boundary(stem))
        .any(|stem| {
            let (x, y) = (&a[stem..], &b[stem..]);
            WORD_ENDINGS.contains(&x)
                && WORD_ENDINGS.contains(&y)
                && !x.ends_with(y)
                && !y.ends_with(x)
                && (!soundalike(x, y) || both_english(a, b))
        })
}

fn both_english(a: &str, b: &str) -> bool {
    is_english_word(&a.to_lowercase()) && is_english_word(&b.to_lowercase())
}

/// What the word loop asks of every word, in one byte: the entry's flags, held in the word
/// slot beside the word, so that most words need no read of their (larger, scattered) entry.
mod word_flags {
    /// It stands for some glossary word.
    pub const HAS_MATCHES: u8 = 1;
    /// See [`super::WordEntry::prefix`].
    pub const STARTS_A_WORD: u8 = 2;
    /// See [`super::WordEntry::suffix`].
    pub const ENDS_A_WORD: u8 = 4;
    /// See [`super::WordEntry::split`].
    pub const SPLITS: u8 = 8;
    /// See [`super::WordEntry::loud`].
    pub const LOUD: u8 = 16;
    /// Some of its matches are typos: all of them (see [`super::WordEntry::typos`]), or a
    /// glossary word's matches hold the stems it is another form of (see
    /// `derived_of_fixed`), damage to a common noun all the same.
    pub const TYPOS: u8 = 32;
    /// See [`super::WordEntry::spelling`].
    pub const SPELLING: u8 = 64;
    /// See [`super::WordEntry::inflected`].
    pub const INFLECTED: u8 = 128;
}

/// Slots of the table of words seen at first: a power of two.
const INITIAL_SLOTS: usize = 16384;

fn fx_hash_bytes(key: &[u8]) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(key);
    h.finish()
}

/// A Bloom filter over well-mixed 64-bit keys: about 8 bits per key, with a key's three bits
/// in one `u64`, so that a lookup reads memory once. It is sized to its keys: the lookups of a
/// new word's deletions are its hottest use, and a filter that stays in the fastest caches
/// beside the text's tables answers them sooner than a larger one with fewer false positives
/// (about 3 % here, each costing one lookup in the map it guards).
#[derive(Debug, Clone)]
struct BloomFilter {
    bits: Vec<u64>,
    mask: usize,
}

impl BloomFilter {
    /// An empty filter for about `keys` keys.
    fn for_keys(keys: usize) -> Self {
        let bits = (keys * 8).next_power_of_two().clamp(1 << 12, 1 << 27);
        BloomFilter {
            bits: vec![0; bits / 64],
            mask: bits / 64 - 1,
        }
    }

    /// The `u64` of a key and its three bits in it, from bits of the key apart from those
    /// that pick the `u64`.
    #[inline]
    fn position(&self, hash: u64) -> (usize, u64) {
        let index = (hash >> 32) as usize & self.mask;
        (
            index,
            1 << (hash & 63) | 1 << (hash >> 6 & 63) | 1 << (hash >> 12 & 63),
        )
    }

    /// Adds the key whose (well mixed) hash is `hash`.
    fn insert(&mut self, hash: u64) {
        let (index, bits) = self.position(hash);
        self.bits[index] |= bits;
    }

    #[inline]
    fn may_contain(&self, hash: u64) -> bool {
        let (index, bits) = self.position(hash);
        self.bits[index] & bits == bits
    }
}

/// The glossary words each word of a text stands for: ranges of the document's
/// [`WordCache::pool`].
struct Matches<'c> {
    cache: &'c WordCache,
    words: &'c [TextWord],
}

impl<'c> Matches<'c> {
    #[inline]
    fn of(&self, token: usize) -> &'c [WordMatch] {
        let word = &self.words[token];
        if !word.has_matches() || word.marked(word_marks::OWN_SPELLING) {
            return &[];
        }
        self.pooled(self.cache.stats[word.entry as usize].matches)
    }

    /// The matches at `range` of [`WordCache::pool`].
    fn pooled(&self, [start, end]: [u32; 2]) -> &'c [WordMatch] {
        &self.cache.pool[start as usize..end as usize]
    }

    /// The text of a word of the text (its entry's).
    fn text(&self, word: &TextWord) -> &'c str {
        self.cache.text(word.entry)
    }
}

/// What verification needs of the text besides its words: the normalized text, whether a
/// string is a listed rendering, and whether a word is capitalised in the original.
#[derive(Clone, Copy)]
struct TextContext<'a> {
    text: &'a str,
    listed: &'a dyn Fn(&str) -> bool,
    capital: &'a dyn Fn(&TextWord) -> bool,
    /// Whether a word is written with a capital after a small letter in the original text.
    mixed_case: &'a dyn Fn(&TextWord) -> bool,
    /// Whether, in the original text, the first of two words ends in a small letter and the
    /// second starts with a capital (of one word split in two, "sign|In").
    camel_hump: &'a dyn Fn(&TextWord, &TextWord) -> bool,
    /// Whether a word is written in capitals and a small "s" in the original text ("IFRSs").
    abbreviation_plural: &'a dyn Fn(&TextWord) -> bool,
    /// Whether a word is written in capitals in the original text (see [`in_capitals`]).
    in_capitals: &'a dyn Fn(&TextWord) -> bool,
    /// How many line breaks stand between two words in the original text (two or more: a
    /// blank line).
    line_breaks: &'a dyn Fn(&TextWord, &TextWord) -> usize,
    /// Whether two words stand in two cells of a table in the original text: a tab between
    /// them, or spaces (two or more), on one line.
    column_between: &'a dyn Fn(&TextWord, &TextWord) -> bool,
    /// Whether the original text of a range of words holds a hyphen ending a line: a wrap,
    /// which keeps a hyphenated term's hyphen or breaks a word, and damages neither.
    hyphen_at_line_end: &'a dyn Fn(Range<usize>) -> bool,
}

/// A word of the text prepared for comparison: 16 bytes, written for every word of the text
/// (its matches are its entry's, see [`Matches::of`]).
#[derive(Debug, Clone)]
struct TextWord {
    /// Its entry in the document's [`WordCache`].
    entry: u32,
    /// Byte offsets of the word's span in the text, possessive included. Four bytes each (a
    /// text is cut below 4 GiB, see [`FuzzyIndex::find`]).
    start: u32,
    end: u32,
    /// Its entry's [`word_flags`].
    flags: u8,
    /// Its [`word_marks`] and the length of its possessive ending.
    marks: u8,
}

/// What a [`TextWord`] is besides its entry, as bits.
mod word_marks {
    pub const HYPHENATED: u8 = 1;
    /// Made of two words of the text written apart.
    pub const MERGED: u8 = 2;
    /// Merged from two words that are glossary words themselves ("request buffers").
    pub const MERGED_WORDS: u8 = 4;
    /// One of two glossary words the text runs together.
    pub const SPLIT: u8 = 8;
    /// The document uses this spelling at least [`super::FREQUENT`] times.
    pub const FREQUENT: u8 = 16;
    /// The length in bytes of the possessive ending ("'s", "'" or none) in the bits from here.
    pub const POSSESSIVE_SHIFT: u32 = 5;
    pub const POSSESSIVE_BITS: u8 = 0b0110_0000;
    /// Its matches are typos, and the document uses this spelling often: it is a word of its
    /// own, which stands for no glossary word.
    pub const OWN_SPELLING: u8 = 128;

    pub fn of(hyphenated: bool, marks: u8) -> u8 {
        marks | if hyphenated { HYPHENATED } else { 0 }
    }
}

const _: () = assert!(std::mem::size_of::<TextWord>() == 16);
// Every mark has bits of its own.
const _: () = {
    use word_marks::*;
    let marks = [
        HYPHENATED,
        MERGED,
        MERGED_WORDS,
        SPLIT,
        FREQUENT,
        POSSESSIVE_BITS,
        OWN_SPELLING,
    ];
    let mut seen = 0u8;
    let mut i = 0;
    while i < marks.len() {
        assert!(seen & marks[i] == 0);
        seen |= marks[i];
        i += 1;
    }
    assert!(2 << POSSESSIVE_SHIFT & !POSSESSIVE_BITS == 0);
};

/// What the documents checked so far have taught about their words: each distinct word is
/// looked up in the glossary once per worker, and counted per document (a word the text uses
/// often is a word, not a slip). The lookups depend only on the word and the index, so keeping
/// them across documents changes no finding.
#[derive(Debug, Default)]
pub struct WordCache {
    /// Serial number of the document being checked: counts of another document are stale.
    document: u32,
    /// Words from this normalized offset on are not counted: they belong to the overlap
    /// with the next block, which counts them (see [`WordCache::count_until`]).
    count_until: Option<usize>,
    /// The texts of the entries, one after another, apart from the entries so that those
    /// stay compact; `text_ends[id]` is where entry `id`'s text ends.
    text_bytes: String,
    text_ends: Vec<u32>,
    /// Every word seen, by hash, with linear probing; a power of two of slots, at most half
    /// of them used (see [`FuzzyIndex::entry`]).
    slots: Vec<WordSlot>,
    entries: Vec<WordEntry>,
    /// Per entry: its [`WordStats`].
    stats: Vec<WordStats>,
    /// Per entry: its [`WordContext`].
    contexts: Vec<WordContext>,
    /// Per entry: its [`PartnerBits`].
    partner_bits: Vec<PartnerBits>,
    /// Per entry: most words in a rendering holding one of its glossary words (see
    /// [`FuzzyIndex::longest_with`]).
    longest_with: Vec<u16>,
    /// The glossary words each entry stands for, entry after entry.
    pool: Vec<WordMatch>,
    /// Per glossary word: its entry, if the text has used it (`u32::MAX` if not).
    entry_of_word: Vec<u32>,
    /// Buffers for the words of one text.
    scratch: Scratch,
    /// Buffers for the first lookup of a word: its [`SubstringHashes`] and deletion keys.
    hashes: SubstringHashes,
    deletion_keys: Vec<u64>,
    /// Uses in this document of each glossary word written apart (its entry and `u32::MAX`)
    /// and of each pair of glossary words written together (their entries): the document's
    /// own spelling is that of the words as written, not of the glossary word, which a
    /// document may write correctly ("Baihetan") and apart once ("Bai hetan").
    respaced: HashMap<(u32, u32), u32>,
    /// Concepts whose names this document counts in the plural, up to the end of the block
    /// being checked (see [`FuzzyIndex::find_in`]).
    counted_names: Vec<usize>,
}

/// The per-word buffers of [`FuzzyIndex::find`], kept from one text to the next: a block of
/// text has some 150,000 words, and buffers allocated afresh for each block are fresh
/// memory mapped and faulted in, page by page, every time.
#[derive(Debug, Default)]
struct Scratch {
    words: Vec<TextWord>,
    /// The positions of the words showing damage.
    damaged: WordSet,
    /// The positions of the words with matches, in order, as the pass over every word finds
    /// them.
    with_matches: Vec<u32>,
    /// The words with matches, in order, but for slips the document repeats: what the
    /// candidate search reads.
    active: Vec<ActiveWord>,
    /// The words offered to the exact matcher, in order: offered after the pass over the
    /// words, so that its walks of the renderings' tree follow one another with the tree in
    /// the cache, not each between lookups in the table of words seen.
    offered: Vec<(u32, u32, RenderingStart)>,
}

/// A word of the text with matches, as the candidate search reads it: compact and in order,
/// so that the search reads no [`TextWord`].
#[derive(Debug, Clone, Copy)]
struct ActiveWord {
    /// Its position among the words of the text.
    at: u32,
    /// Its matches in [`WordCache::pool`].
    matches: [u32; 2],
    /// See [`WordEntry::loud`].
    loud: bool,
    /// Joined from two words of the text, or split from one.
    respaced: bool,
    /// Its entry's [`WordCache::longest_with`].
    longest: u16,
    /// Its entry's [`PartnerBits`].
    bits: PartnerBits,
}

/// What a word of the text can pair with where no word nearby is damaged, in 64 bits: a
/// superset of the glossary words (by id modulo 64) that some rendering of one of its glossary
/// words garbles after it in the text without damage (`after`); and its own glossary words
/// (`own`). A word none of whose following neighbours' `own` meets its `after` proposes
/// nothing there, and its matches are not read.
#[derive(Debug, Clone, Copy, Default)]
struct PartnerBits {
    after: u64,
    own: u64,
}

/// One distinct word of a document.
#[derive(Debug)]
struct WordEntry {
    /// The glossary word it is, if any.
    vocab: Option<u32>,
    /// It could be the first part of a glossary word written apart ("we" of "wechat"): its
    /// number among [`FuzzyIndex::prefixes`].
    prefix: Option<u32>,
    /// It could be the last part of a glossary word written apart ("chat" of "wechat"): its
    /// number among [`FuzzyIndex::suffixes`].
    suffix: Option<u32>,
    /// Where it splits into two glossary words.
    split: Option<u8>,
    /// Its glossary words, in [`WordCache::pool`].
    matches: Range<u32>,
    /// Those are typos of it (then all are).
    typos: bool,
    /// It has typos, and is one edit from one of them.
    one_slip: bool,
    /// It has typos, and is an English word.
    english: bool,
    /// It has typos, each a slip only in its term (see [`slip_only_in_its_term`]): a word
    /// of its own, judged where the term is written as the glossary has it but for this word,
    /// however often the document uses it ("East" of "Eastern Theater Command").
    term_slips_only: bool,
    /// One of them is another spelling of it.
    spelling: bool,
    /// One of them is another number of it.
    inflected: bool,
    /// One of them is in a rendering that word damage nearby is not needed for (see
    /// [`IndexedRendering::needs_damage_in_order`]): it proposes candidates anywhere.
    loud: bool,
    /// The [`word_flags`] of the above.
    flags: u8,
}

/// What the passes over every word of a text read of an entry, apart from the rest of it and
/// compact (16 bytes), so that those of the words a document uses stay in the cache.
#[derive(Debug, Clone, Copy)]
struct WordStats {
    /// [`WordEntry::matches`].
    matches: [u32; 2],
    /// How often the document has used the word so far (counted only if it has matches), in
    /// the low 30 bits, and the sides on which a later use had another neighbour than the
    /// first (see [`WordContext`]) in the top two.
    count: u32,
    /// The document `count` belongs to.
    counted_in: u32,
}

/// The neighbours of a word's first use in the document (the one its [`WordStats`] count is
/// of); [`WordStats`] tells on which sides a later use had others. A spelling is the
/// document's own only where it is used freely, beside other words on both sides: a machine
/// translation repeats its error in a term everywhere the term occurs ("the 18th National
/// Congress of Chinese Trade Union" four times), and a spelling always written after the same
/// word, or before it, is that one phrase repeated.
#[derive(Debug, Clone, Copy, Default)]
struct WordContext {
    /// The entries of the words before and after the first use.
    left: u32,
    right: u32,
}

impl WordContext {
    const BOTH_SIDES: u8 = 3;
}

/// Distinct words kept at most: past this the cache starts afresh with the next document, so
/// a long batch of varied text does not grow it without bound.
const MAX_CACHED_WORDS: usize = 1 << 20;

/// A slot of [`WordCache::slots`]: a word's hash, entry and length, and the word itself if it
/// is short (most are), padded with zeros; 32 bytes, two to a cache line.
#[derive(Debug, Clone, Copy)]
struct WordSlot {
    hash: u64,
    id: u32,
    /// The word's length in bytes, saturated.
    len: u8,
    /// Its entry's [`word_flags`].
    flags: u8,
    /// Whether it starts a rendering, to the exact matcher.
    starts: RenderingStart,
    bytes: [u64; 2],
}

impl WordSlot {
    /// Bytes of a word held in the slot itself.
    const INLINE: usize = 16;
    const EMPTY: WordSlot = WordSlot {
        hash: 0,
        id: u32::MAX,
        len: 0,
        flags: 0,
        starts: RenderingStart::None,
        bytes: [0; 2],
    };

    fn new(key: &WordKey, id: u32, flags: u8, starts: RenderingStart) -> Self {
        WordSlot {
            hash: key.hash,
            id,
            len: key.len,
            flags,
            starts,
            bytes: key.bytes,
        }
    }

    fn is_empty(&self) -> bool {
        self.id == u32::MAX
    }

    /// Whether the slot holds `word`, whose key is `key`. (An empty slot has length 0, which
    /// no word has.)
    #[inline(always)]
    fn holds(&self, key: &WordKey, word: &str, cache: &WordCache) -> bool {
        // The bytes compared as two words, not one vector: the key's were just computed, and a
        // vector load of them waits for the two stores to reach the cache.
        let differ = (self.bytes[0] ^ key.bytes[0]) | (self.bytes[1] ^ key.bytes[1]);
        if self.hash != key.hash || self.len != key.len || differ != 0 {
            return false;
        }
        usize::from(key.len) <= WordSlot::INLINE || cache.text(self.id) == word
    }
}

/// A word as the table of words seen keys it: its bytes padded with zeros if it is short
/// (two padded words of the same length are equal exactly when the words are), its length
/// (saturated), and a hash of those.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordKey {
    bytes: [u64; 2],
    len: u8,
    hash: u64,
}

impl WordKey {
    /// The key of the word at `span` of `text`. A short word with 16 bytes of text from its
    /// start is read in two loads and masked to its length: no branch on the length, which
    /// varies from word to word and is not predictable.
    #[inline(always)]
    fn of(text: &[u8], span: Range<usize>) -> WordKey {
        let n = span.len();
        let bytes = if n <= WordSlot::INLINE && span.start + 16 <= text.len() {
            let at = span.start;
            let [low, high] = PADDING_MASKS[n];
            let head = u64::from_le_bytes(text[at..at + 8].try_into().expect("eight bytes"));
            let tail = u64::from_le_bytes(text[at + 8..at + 16].try_into().expect("eight bytes"));
            [head & low, tail & high]
        } else {
            Self::padded(&text[span.clone()])
        };
        let len = n.min(usize::from(u8::MAX)) as u8;
        let hash = if n <= WordSlot::INLINE {
            let mixed = (bytes[0] ^ bytes[1].rotate_left(29) ^ u64::from(len))
                .wrapping_mul(0x9e37_79b9_7f4a_7c15);
            mixed ^ (mixed >> 31)
        } else {
            fx_hash_bytes(&text[span.start..span.start + n])
        };
        WordKey { bytes, len, hash }
    }

    /// The bytes of a word of up to 16 bytes padded with zeros, little-endian; zeros for a
    /// longer word (compared through its text instead).
    #[inline]
    fn padded(word: &[u8]) -> [u64; 2] {
        match word.len() {
            0..=8 => [le_bytes_padded(word), 0],
            9..=WordSlot::INLINE => {
                let (head, tail) = word.split_at(8);
                let head = u64::from_le_bytes(head.try_into().expect("eight bytes"));
                [head, le_bytes_padded(tail)]
            }
            _ => [0, 0],
        }
    }
}

/// Up to eight bytes as a little-endian `u64`, padded with zeros. Overlapping loads cover
/// every length without a loop: the bytes two loads share are the same bits.
#[inline]
fn le_bytes_padded(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    debug_assert!(n <= 8);
    if n >= 4 {
        let low = u32::from_le_bytes(bytes[..4].try_into().expect("four bytes"));
        let high = u32::from_le_bytes(bytes[n - 4..].try_into().expect("four bytes"));
        u64::from(low) | u64::from(high) << (8 * (n - 4))
    } else if n > 0 {
        u64::from(bytes[0])
            | u64::from(bytes[n / 2]) << (8 * (n / 2))
            | u64::from(bytes[n - 1]) << (8 * (n - 1))
    } else {
        0
    }
}

/// Per length up to 16: the masks that keep a word's bytes of two little-endian loads.
const PADDING_MASKS: [[u64; 2]; 17] = {
    let mut masks = [[0u64; 2]; 17];
    let mut n = 0;
    while n <= 16 {
        let low = if n >= 8 {
            u64::MAX
        } else {
            (1u64 << (8 * n)) - 1
        };
        let high = if n <= 8 {
            0
        } else if n == 16 {
            u64::MAX
        } else {
            (1u64 << (8 * (n - 8))) - 1
        };
        masks[n] = [low, high];
        n += 1;
    }
    masks
};

impl TextWord {
    /// The word with entry and flags `(entry, flags)` at `span`, whose word itself ends at
    /// `word_end` (before a possessive ending).
    fn new((entry, flags): (u32, u8), span: Range<usize>, word_end: usize, marks: u8) -> Self {
        let possessive = span.end - word_end;
        debug_assert!(possessive <= 2, "a possessive ending is \"'s\" or \"'\"");
        TextWord {
            entry,
            start: span.start as u32,
            end: span.end as u32,
            flags,
            marks: marks | (possessive as u8) << word_marks::POSSESSIVE_SHIFT,
        }
    }

    fn marked(&self, mark: u8) -> bool {
        self.marks & mark != 0
    }

    fn possessive(&self) -> bool {
        self.marks & word_marks::POSSESSIVE_BITS != 0
    }

    fn hyphenated(&self) -> bool {
        self.marked(word_marks::HYPHENATED)
    }

    fn merged(&self) -> bool {
        self.marked(word_marks::MERGED)
    }

    fn merged_words(&self) -> bool {
        self.marked(word_marks::MERGED_WORDS)
    }

    fn split(&self) -> bool {
        self.marked(word_marks::SPLIT)
    }

    fn frequent(&self) -> bool {
        self.marked(word_marks::FREQUENT)
    }

    /// It stands for some glossary word.
    fn has_matches(&self) -> bool {
        self.flags & word_flags::HAS_MATCHES != 0
    }

    /// Its span, possessive included.
    fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Where the word ends, before any possessive.
    fn word_end(&self) -> usize {
        self.end as usize
            - usize::from(
                (self.marks & word_marks::POSSESSIVE_BITS) >> word_marks::POSSESSIVE_SHIFT,
            )
    }
}

/// Counts the words with matches that start in `counted`, as the words the comparison
/// sees: a word written apart counts as the glossary word it makes. The count of another word
/// is never asked. Counted in a pass of their own, apart from the pass over every word, where
/// whether a word has matches is a branch that cannot be predicted.
fn count_active(
    with_matches: &[u32],
    tokens: &[TextWord],
    counted: &Range<usize>,
    cache: &mut WordCache,
) {
    let document = cache.document;
    for &at in with_matches {
        let t = &tokens[at as usize];
        if counted.contains(&(t.start as usize)) {
            if let Some(key) = respaced_key(tokens, at as usize) {
                *cache.respaced.entry(key).or_default() += 1;
            }
            let e = &mut cache.stats[t.entry as usize];
            let first_use = e.count_in(document) == 0;
            // Its neighbours are asked only until they have differed on both sides.
            if e.varied_in(document) == WordContext::BOTH_SIDES {
                e.count_use(document, 0);
                continue;
            }
            // The neighbours of the word as written: a word split in two has those of the
            // whole, its other part being no neighbour.
            let at = at as usize;
            let (before, after) = match split_partner(tokens, at) {
                Some(other) if other < at => (other.checked_sub(1), at + 1),
                Some(other) => (at.checked_sub(1), other + 1),
                None => (at.checked_sub(1), at + 1),
            };
            let left = before.map_or(u32::MAX, |i| tokens[i].entry);
            let right = tokens.get(after).map_or(u32::MAX, |n| n.entry);
            let c = &mut cache.contexts[t.entry as usize];
            let sides = if first_use {
                *c = WordContext { left, right };
                0
            } else {
                u8::from(left != c.left) | u8::from(right != c.right) << 1
            };
            cache.stats[t.entry as usize].count_use(document, sides);
        }
    }
}

/// The key of [`WordCache::respaced`] that word `at` of `tokens` is counted under: a glossary
/// word written apart, or the first of two written together (their second is not counted).
fn respaced_key(tokens: &[TextWord], at: usize) -> Option<(u32, u32)> {
    let t = &tokens[at];
    if t.merged() {
        return Some((t.entry, u32::MAX));
    }
    if !t.split() {
        return None;
    }
    match split_partner(tokens, at) {
        Some(second) if second > at => Some((t.entry, tokens[second].entry)),
        _ => None,
    }
}

/// How often the document writes word `at` of `tokens` as it does here, if it is a glossary
/// word written apart or one of two written together (`None` if it is neither).
fn respaced_uses(tokens: &[TextWord], at: usize, cache: &WordCache) -> Option<u32> {
    let t = &tokens[at];
    if !t.merged() && !t.split() {
        return None;
    }
    let first = match split_partner(tokens, at) {
        Some(other) if other < at => other,
        _ => at,
    };
    let key = respaced_key(tokens, first)?;
    Some(cache.respaced.get(&key).copied().unwrap_or(0))
}

/// Whether the word of the text that split word `at` of `tokens` is a part of is an English
/// word ("database" split into "data" and "base").
fn closed_compound_is_english(tokens: &[TextWord], at: usize, matches: &Matches) -> bool {
    let Some(other) = split_partner(tokens, at) else {
        return false;
    };
    let (first, second) = (&tokens[at.min(other)], &tokens[at.max(other)]);
    let closed = format!("{}{}", matches.text(first), matches.text(second));
    is_english_word(&closed.to_lowercase())
}

/// The position of the other part of the word of the text that split word `at` of `tokens`
/// is a part of, if it is one.
fn split_partner(tokens: &[TextWord], at: usize) -> Option<usize> {
    let t = &tokens[at];
    // The parts of one word touch; two words of the text never do.
    let touching = |a: &TextWord, b: &TextWord| a.split() && b.split() && a.end == b.start;
    if tokens.get(at + 1).is_some_and(|next| touching(t, next)) {
        return Some(at + 1);
    }
    at.checked_sub(1).filter(|&i| touching(&tokens[i], t))
}

/// Whether the word of entry `entry` (number `id`), whose matches are typos (`stats` are the
/// entry's), is a slip although the document repeats it: no English word, used fewer than
/// [`OWN_WORD_USES`] times, and one edit from a glossary word used [`SLIP_RATIO`] times as
/// often. A long document repeats its slips of common words ("meory" beside "memory"); an
/// English word is a word whatever its count, and a spelling two edits away, repeated, is
/// rather a word of another language ("parametri").
fn repeated_slip(stats: &WordStats, entry: &WordEntry, id: u32, cache: &WordCache) -> bool {
    let uses = stats.count_in(cache.document);
    if uses >= OWN_WORD_USES || entry.english || !entry.one_slip {
        return false;
    }
    let word = cache.text(id);
    let matches = &cache.pool[stats.matches[0] as usize..stats.matches[1] as usize];
    matches.iter().any(|m| {
        let entry = cache.entry_of_word.get(m.word as usize).copied();
        entry.filter(|&e| e != u32::MAX).is_some_and(|e| {
            cache.stats[e as usize].count_in(cache.document) >= uses.saturating_mul(SLIP_RATIO)
                && one_slip_apart(word, cache.text(e))
        })
    })
}

/// Whether typo `word` is one edit from glossary word `glossary_word`, as written or in the
/// plural (see [`slip_in_plural`]).
fn one_slip_apart(word: &str, glossary_word: &str) -> bool {
    edits_apart(word, glossary_word, 1) || slip_in_plural(word, glossary_word)
}

/// Appends a word of the text, marking it damaged where it is respaced or repeats the last,
/// and listing it among the words the candidate search reads if it has matches.
#[inline(always)]
fn push_word(
    word: TextWord,
    words: &mut Vec<TextWord>,
    damaged: &mut WordSet,
    with_matches: &mut Vec<u32>,
) {
    let at = words.len();
    let repeated = words.last().is_some_and(|last| last.entry == word.entry);
    if word.merged() || word.split() || repeated {
        damaged.mark(at);
    }
    // Pushed whatever the word, then dropped unless it has matches: no branch on whether it
    // has, which waits for the word's slot to be read.
    with_matches.push(at as u32);
    with_matches.truncate(with_matches.len() - usize::from(!word.has_matches()));
    words.push(word);
}

/// The renderings already tried at the seed being searched from. Every candidate is proposed
/// at its seed's position (a pair by its first word), and seeds come in text order: a position
/// left behind is never proposed at again.
#[derive(Debug, Default)]
struct TriedAtSeed {
    at: usize,
    tried: Vec<u32>,
}

impl TriedAtSeed {
    /// Whether `rendering` at `position` is new (and records it). Positions never decrease.
    fn insert(&mut self, rendering: u32, position: usize) -> bool {
        debug_assert!(self.tried.is_empty() || position >= self.at);
        if self.at != position || self.tried.is_empty() {
            self.at = position;
            self.tried.clear();
        } else if self.tried.contains(&rendering) {
            return false;
        }
        self.tried.push(rendering);
        true
    }
}

/// A set of word positions, one bit each: a block's fits in the first-level cache.
#[derive(Debug, Default)]
struct WordSet {
    bits: Vec<u64>,
}

impl WordSet {
    fn mark(&mut self, at: usize) {
        let (word, bit) = (at / 64, at % 64);
        if word >= self.bits.len() {
            self.bits.resize(word + 1, 0);
        }
        self.bits[word] |= 1 << bit;
    }

    /// Forgets every position.
    fn clear(&mut self) {
        self.bits.clear();
    }

    /// Whether a position in `range` is in the set.
    #[inline]
    fn any(&self, range: Range<usize>) -> bool {
        if range.is_empty() {
            return false;
        }
        // The usual few positions: the two words they can fall in, shifted together, with no
        // branch on where the range falls.
        let len = range.end - range.start;
        if len <= 64 {
            let at = range.start / 64;
            let low = self.bits.get(at).copied().unwrap_or(0);
            let high = self.bits.get(at + 1).copied().unwrap_or(0);
            let window = ((u128::from(high) << 64 | u128::from(low)) >> (range.start % 64)) as u64;
            return window & (u64::MAX >> (64 - len)) != 0;
        }
        let (first, last) = (range.start / 64, (range.end - 1) / 64);
        (first..=last)
            .take_while(|&w| w < self.bits.len())
            .any(|w| {
                let mut bits = self.bits[w];
                if w == first {
                    bits &= u64::MAX << (range.start % 64);
                }
                if w == last {
                    bits &= u64::MAX >> (63 - (range.end - 1) % 64);
                }
                bits != 0
            })
    }
}

impl WordCache {
    /// The text of entry `id`.
    #[inline]
    fn text(&self, id: u32) -> &str {
        let start = match id {
            0 => 0,
            _ => self.text_ends[id as usize - 1] as usize,
        };
        &self.text_bytes[start..self.text_ends[id as usize] as usize]
    }

    /// Twice the slots, every word moved to its slot in the larger table.
    #[cold]
    fn grow_slots(&mut self) {
        let slots = vec![WordSlot::EMPTY; self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, slots);
        let mask = self.slots.len() - 1;
        for word in old.into_iter().filter(|w| !w.is_empty()) {
            let mut slot = (word.hash as usize) & mask;
            while !self.slots[slot].is_empty() {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = word;
        }
    }

    /// Marks the start of a document: counts start from zero.
    pub fn start_document(&mut self) {
        if self.entries.len() > MAX_CACHED_WORDS {
            *self = WordCache::default();
        }
        self.document = self.document.wrapping_add(1);
        self.count_until = None;
        self.respaced.clear();
        self.counted_names.clear();
    }

    /// Counts only the words before normalized offset `until` (all when `None`) in the next
    /// searches: a block cut inside a paragraph shares its end with the next block, and a word
    /// there must be counted once, or a slip written twice near a cut would look frequent.
    pub fn count_until(&mut self, until: Option<usize>) {
        self.count_until = until;
    }
}

impl WordStats {
    const SIDES_SHIFT: u32 = 30;
    const USES: u32 = (1 << Self::SIDES_SHIFT) - 1;

    /// Its count in document `document`.
    fn count_in(&self, document: u32) -> u32 {
        if self.counted_in == document {
            self.count & Self::USES
        } else {
            0
        }
    }

    /// The sides on which its uses in document `document` had different neighbours.
    fn varied_in(&self, document: u32) -> u8 {
        if self.counted_in == document {
            (self.count >> Self::SIDES_SHIFT) as u8
        } else {
            0
        }
    }

    /// Counts a use in document `document`, its neighbours having differed from the first
    /// use's on `sides`.
    fn count_use(&mut self, document: u32, sides: u8) {
        let uses = (self.count_in(document) + 1).min(Self::USES);
        let sides = self.varied_in(document) | sides;
        self.count = uses | u32::from(sides) << Self::SIDES_SHIFT;
        self.counted_in = document;
    }
}

/// Asks the processor to start loading the cache line at `at`: a hint, which reads nothing
/// the program sees and cannot fault, whatever the address.
#[inline(always)]
fn prefetch(at: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: `prefetcht0` is a hint: it never faults, even on an invalid address, and
    // changes no memory or register the program can observe.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(at.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = at;
}

/// Of overlapping near-misses, one inside another loses (longest match wins, as for exact
/// renderings); otherwise the highest score wins, then the longest, then the leftmost, then
/// the closest letter by letter.
fn select(found: Vec<GarbledMatch>) -> Vec<GarbledMatch> {
    let inside = |a: &GarbledMatch, b: &GarbledMatch| {
        b.normalized.start <= a.normalized.start
            && a.normalized.end <= b.normalized.end
            && b.normalized.len() > a.normalized.len()
    };
    let mut found: Vec<GarbledMatch> = found
        .iter()
        .filter(|a| !found.iter().any(|b| inside(a, b)))
        .cloned()
        .collect();
    // Ordered to the last field: which candidate proposed a match first does not matter.
    found.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.normalized.len().cmp(&a.normalized.len()))
            .then(a.normalized.start.cmp(&b.normalized.start))
            .then(b.literal.total_cmp(&a.literal))
            .then(a.concept.cmp(&b.concept))
            .then(a.rendering.cmp(&b.rendering))
            .then(a.damage.cmp(&b.damage))
    });
    let mut kept: Vec<GarbledMatch> = Vec::new();
    for m in found {
        if kept.iter().all(|k| {
            k.normalized.end <= m.normalized.start || m.normalized.end <= k.normalized.start
        }) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.normalized.start);
    kept
}

/// Whether a word may be compared with typo tolerance. Glossary words and text words of one
/// letter less than [`MIN_FUZZY_LEN`] are indexed and looked up, but a pair of them must hold a
/// word of at least that length ("newss" for "news", not "list" for "nist").
fn fuzzy_eligible(word: &str) -> bool {
    // Identifiers ("rx_queue", "event2") are code, not prose with slips; and the deletion
    // index grows with the square of a word's length, so very long "words" (hashes, base64,
    // runs of letters in hostile input) are compared exactly.
    word.len() <= MAX_FUZZY_BYTES
        && word.chars().count() + 1 >= MIN_FUZZY_LEN
        && !word.chars().any(|c| c.is_numeric() || c == '_')
}

/// Two letters that optical character recognition reads as one, or one as two ("rn" and "m",
/// "ri" and "n"): one slip, where the string distance counts two edits.
const OCR_CONFUSIONS: &[(&str, &str)] = &[
    ("rn", "m"),
    ("ri", "n"),
    ("cl", "d"),
    ("vv", "w"),
    ("li", "h"),
];

/// Whether `a` is at most `allowed` edits from `b`, an OCR confusion counting as one.
fn edits_apart(a: &str, b: &str, allowed: usize) -> bool {
    let distance = strsim::osa_distance(a, b);
    distance <= allowed || (distance == allowed + 1 && ocr_confusion_apart(a, b, allowed))
}

/// Whether `a` is at most `allowed` edits from `b` when one OCR confusion counts as one edit
/// ("secunty" for "security", "modemize" for "modernize").
fn ocr_confusion_apart(a: &str, b: &str, allowed: usize) -> bool {
    // The pair read as one letter shortens the word by one; other edits, `allowed - 1` of
    // them, change the length by as much again at most.
    if a.len().abs_diff(b.len()) > allowed {
        return false;
    }
    let read_as_one = |from: &str, to: &str| {
        OCR_CONFUSIONS.iter().any(|&(two, one)| {
            from.match_indices(two).any(|(at, _)| {
                let (before, after) = (&from[..at], &from[at + two.len()..]);
                if allowed == 1 {
                    // No other edit: `to` is `from` read so, exactly.
                    return to.len() == before.len() + one.len() + after.len()
                        && to.starts_with(before)
                        && to[before.len()..].starts_with(one)
                        && to.ends_with(after);
                }
                strsim::osa_distance(&format!("{before}{one}{after}"), to) < allowed
            })
        })
    };
    read_as_one(a, b) || read_as_one(b, a)
}

fn two_edits_allowed(word: &str) -> bool {
    (MIN_TWO_EDIT_LEN..=MAX_TWO_EDIT_LEN).contains(&word.chars().count())
}

/// The hashes of `word` and of every string one character deletion away from it, and two
/// deletions away when `two` is set (each pair of positions once), given to `key` (a string
/// reached twice, by two deletions giving the same text, is given twice). The first character
/// is never deleted: a slip keeps it (see `lookup_into`), and two words that start alike and
/// are a few edits apart are so without an edit to their first characters. A string's hash is a
/// polynomial over its bytes, mixed: the hash of a deletion comes from the prefix hashes in a
/// few operations, where building each string and hashing it again dominated the lookup of a
/// new word. `hashes` are the word's [`SubstringHashes`].
fn deletion_keys_of(word: &str, hashes: &SubstringHashes, two: bool, mut key: impl FnMut(u64)) {
    let n = word.len();
    key(hashes.whole());
    let chars: SmallVec<[(usize, usize); 32]> = word
        .char_indices()
        .map(|(i, c)| (i, i + c.len_utf8()))
        .collect();
    let parts = hashes.parts();
    for (x, &(i1, k1)) in chars.iter().enumerate().skip(1) {
        // The hash of the bytes before the first deletion (`part(0, i1)`, in one load).
        let before = parts.prefix[i1];
        key(SubstringHashes::mixed(parts.join(before, k1, n)));
        if two {
            for &(i2, k2) in &chars[x + 1..] {
                let head = parts.join(before, k1, i2);
                key(SubstringHashes::mixed(parts.join(head, k2, n)));
            }
        }
    }
}

/// A view of [`SubstringHashes`].
#[derive(Clone, Copy)]
struct Parts<'h> {
    prefix: &'h [u64],
    power: &'h [u64],
}

impl Parts<'_> {
    /// The polynomial of bytes `a..b`.
    #[inline]
    fn part(self, a: usize, b: usize) -> u64 {
        self.prefix[b].wrapping_sub(self.prefix[a].wrapping_mul(self.power[b - a]))
    }

    /// The polynomial of a string whose polynomial is `head`, followed by bytes `a..b`.
    #[inline]
    fn join(self, head: u64, a: usize, b: usize) -> u64 {
        head.wrapping_mul(self.power[b - a])
            .wrapping_add(self.part(a, b))
    }
}

/// The hashes of a string's substrings and of strings pieced from them, each in a few
/// operations: a polynomial over the bytes, from prefix hashes. Two byte strings that are equal
/// get equal hashes however they were pieced together, so the keys of [`deletion_keys_of`] and the
/// parts [`FuzzyIndex::split_point`] tries are looked up without building a string.
#[derive(Debug, Default)]
struct SubstringHashes {
    /// `prefix[b]`: the polynomial of the first `b` bytes.
    prefix: Vec<u64>,
    /// `power[m]`: the base to the power `m` (at least up to the length of the string).
    power: Vec<u64>,
}

impl SubstringHashes {
    const BASE: u64 = 0x0000_0100_0000_01b3;

    #[cfg(test)]
    fn of(bytes: &[u8]) -> Self {
        let mut hashes = SubstringHashes::default();
        hashes.fill(bytes);
        hashes
    }

    /// Makes these the hashes of `bytes`, in the buffers of the last string: the first
    /// lookup of each new word of a text makes them.
    fn fill(&mut self, bytes: &[u8]) {
        self.prefix.clear();
        self.prefix.push(0);
        let mut hash = 0u64;
        self.prefix.extend(bytes.iter().map(|&byte| {
            hash = hash
                .wrapping_mul(Self::BASE)
                .wrapping_add(u64::from(byte) + 1);
            hash
        }));
        // The powers do not depend on the bytes: only those a longer string needs are made.
        if self.power.is_empty() {
            self.power.push(1);
        }
        while self.power.len() <= bytes.len() {
            let last = self.power[self.power.len() - 1];
            self.power.push(last.wrapping_mul(Self::BASE));
        }
    }

    /// The polynomials of its substrings, read from plain slices: the loops over a word's
    /// parts ask for many.
    #[inline]
    fn parts(&self) -> Parts<'_> {
        Parts {
            prefix: self.prefix.as_slice(),
            power: self.power.as_slice(),
        }
    }

    /// The key of the whole string.
    fn whole(&self) -> u64 {
        Self::mixed(self.prefix[self.prefix.len() - 1])
    }

    /// The key of a polynomial: splitmix64's finalizer, since the Bloom filters and the map
    /// read both low and high bits.
    #[inline]
    fn mixed(h: u64) -> u64 {
        let h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        let h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^ (h >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`deletion_keys_of`] a word, its hashes made for the call.
    fn deletion_keys(word: &str, two: bool, key: impl FnMut(u64)) {
        deletion_keys_of(word, &SubstringHashes::of(word.as_bytes()), two, key);
    }

    /// A rendering is new once per position; the next position starts afresh.
    #[test]
    fn tried_renderings_are_new_once_per_seed() {
        let mut tried = TriedAtSeed::default();
        assert!(tried.insert(7, 10));
        assert!(!tried.insert(7, 10));
        assert!(tried.insert(8, 10));
        assert!(!tried.insert(8, 10));
        assert!(tried.insert(7, 11));
        assert!(!tried.insert(7, 11));
        assert!(tried.insert(8, 11));
        assert!(tried.insert(8, 14));
    }
    use crate::matcher::TermMatcher;
    use crate::normalize::normalize;

    const GLOSSARY: &str = "\
id,preferred,admitted,deprecated,forbidden,case
shanghai-ftu,Shanghai Federation of Trade Unions,,,Municipal General Assembly,
acftu,All-China Federation of Trade Unions,,,,
district-ftu,district federation of trade unions,,,,
congress-18,18th National Congress of Chinese Trade Unions,,,,
npc-sc,Standing Committee of the Shanghai Municipal People's Congress,Standing Committee of the Municipal People's Congress,,,
lpmg,Leading Party Members' Group,,,,
wechat,WeChat account,,,Microsignal,
model-workers,model workers,model worker,,,
workers-daily,Workers' Daily,,Workers Daily,,
grassroots,grassroots trade unions,,,,
douyin,Douyin,,,,
tfa,two-factor authentication,,,,
memory,memory space,,,,
party,Shanghai Municipal Party Committee,,,,
medal,National May 1 Labor Medal,,,,
craftsmen,great craftsmen of China,China's great craftsmen,,,
employees,employees,,,,
xinhua,Xinhua News Agency,Xinhua,,,
dos,denial-of-service attack,,,,
siem,security information and event management,,,,
modernization,modernization drive,,,,
";

    /// `count` texts of `pieces` joined by `gaps`, each of a number of pieces in `pieces_per_text`,
    /// chosen by a xorshift generator started at `seed`: the same texts on every run.
    fn pieced_texts<'a>(
        pieces: &'a [&'a str],
        gaps: &'a [&'a str],
        seed: u64,
        count: usize,
        pieces_per_text: Range<u64>,
    ) -> impl Iterator<Item = String> + 'a {
        let mut state = seed;
        (0..count).map(move |_| {
            let n = pieces_per_text.start + state % (pieces_per_text.end - pieces_per_text.start);
            (0..n)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    let piece = pieces[(state % pieces.len() as u64) as usize];
                    let gap = gaps[(state >> 32) as usize % gaps.len()];
                    format!("{piece}{gap}")
                })
                .collect()
        })
    }

    /// (found text, concept id) of every garbled term in `text`.
    #[track_caller]
    fn garbled(text: &str) -> Vec<(String, String)> {
        near_misses(GLOSSARY, text)
            .into_iter()
            .map(|(found, concept, _)| (found, concept))
            .collect()
    }

    /// The found text of every near-miss of `glossary` in `text`.
    #[track_caller]
    fn found_texts(glossary: &str, text: &str) -> Vec<String> {
        near_misses(glossary, text)
            .into_iter()
            .map(|(found, _, _)| found)
            .collect()
    }

    #[test]
    fn a_classical_plural_modifies_a_noun_as_english_uses_it() {
        let glossary = "id,preferred\nd,datum pair\np,password manager\n";
        assert!(found_texts(glossary, "Each of the data pairs is stored twice.").is_empty());
        assert_eq!(
            found_texts(glossary, "Each passwords manager is audited."),
            ["passwords manager"]
        );
    }

    #[test]
    fn of_two_numbers_listed_as_two_concepts_the_one_written_is_suggested() {
        let text = "The macro fails if the botton half lock is held.";
        for glossary in [
            "id,preferred\nmany,bottom halves\none,bottom half\n",
            "id,preferred\none,bottom half\nmany,bottom halves\n",
        ] {
            let found = near_misses(glossary, text);
            let concepts: Vec<&str> = found.iter().map(|(_, c, _)| c.as_str()).collect();
            assert_eq!(concepts, ["one"], "{glossary}");
        }
    }

    /// (found text, concept id, damage) of every near-miss of `glossary` in `text`.
    #[track_caller]
    fn near_misses(glossary: &str, text: &str) -> Vec<(String, String, Damage)> {
        let glossary = Glossary::from_csv_text(glossary, "g.csv").unwrap();
        let exact = TermMatcher::new(&glossary);
        let index = FuzzyIndex::new(&glossary, DEFAULT_THRESHOLD);
        let norm = normalize(text, true);
        index
            .find(
                &norm,
                text,
                &mut exact.fed_by_words(&norm, text),
                &mut WordCache::default(),
            )
            .into_iter()
            .map(|m| {
                let span = norm.original_span(m.normalized.clone(), text);
                let concept = glossary.concepts[m.concept].id.clone();
                (text[span].to_string(), concept, m.damage)
            })
            .collect()
    }

    /// A misspelt one-word rendering scores the default threshold exactly; whether the
    /// score's rounding fell above or below it depended on the word's weight, and so on how
    /// many concepts the glossary has (it was missed with 20). It is found with any number.
    #[test]
    fn a_misspelt_one_word_rendering_is_found_whatever_the_glossary_size() {
        let text = "Take paracetemol every six hours, and resistence training twice a week.";
        for others in 0..80 {
            let mut glossary = String::from("id,preferred\nparacetamol,paracetamol\n");
            glossary.push_str("resistance-training,resistance training\n");
            for i in 0..others {
                glossary.push_str(&format!("c{i},zebra crossing number {i}\n"));
            }
            let found: Vec<String> = near_misses(&glossary, text)
                .into_iter()
                .map(|(found, concept, _)| format!("{found} ({concept})"))
                .collect();
            assert_eq!(
                found,
                [
                    "paracetemol (paracetamol)",
                    "resistence training (resistance-training)"
                ],
                "with {} concepts",
                others + 2
            );
        }
    }

    /// The near-misses of `glossary` in `text`: each as written, and its damage.
    fn spans_and_damage(glossary: &str, text: &str) -> Vec<(String, Damage)> {
        near_misses(glossary, text)
            .into_iter()
            .map(|m| (m.0, m.2))
            .collect()
    }

    /// Asserts that `glossary` finds nothing in each of `clean`, and in each text of `garbled`
    /// exactly the near-miss written as given, with the damage given.
    #[track_caller]
    fn assert_near_misses(glossary: &str, clean: &[&str], garbled: &[(&str, &str, Damage)]) {
        for text in clean {
            assert_eq!(spans_and_damage(glossary, text), vec![], "{text:?}");
        }
        for &(text, found, damage) in garbled {
            assert_eq!(
                spans_and_damage(glossary, text),
                vec![(found.to_string(), damage)],
                "{text:?}"
            );
        }
    }

    /// A range of positions holds a marked one exactly when some position in it is marked,
    /// wherever the range falls among the set's words and beyond its end.
    #[test]
    fn word_set_finds_a_marked_position_in_any_range() {
        let marked = [0usize, 5, 63, 64, 127, 130, 200];
        let mut set = WordSet::default();
        for &at in &marked {
            set.mark(at);
        }
        for start in 0..260 {
            for end in start..start + 140 {
                let expected = marked.iter().any(|at| (start..end).contains(at));
                assert_eq!(set.any(start..end), expected, "{start}..{end}");
            }
        }
    }

    /// A prefix and a suffix make a glossary word exactly when their pair is one of the
    /// index's joins: the text's words are joined by that pair alone.
    #[test]
    fn joins_are_the_prefix_and_suffix_pairs_that_make_a_glossary_word() {
        let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").unwrap();
        let index = FuzzyIndex::new(&glossary, DEFAULT_THRESHOLD);
        assert!(index.prefixes.contains_key("we") && index.suffixes.contains_key("chat"));
        let mut joins = 0;
        for (prefix, &p) in &index.prefixes {
            for (suffix, &s) in &index.suffixes {
                let word = format!("{prefix}{suffix}");
                let joined = index.joins.contains(&(p, s));
                assert_eq!(joined, index.vocabulary.contains_key(&word), "{word}");
                joins += usize::from(joined);
            }
        }
        assert_eq!(joins, index.joins.len());
    }

    fn g(found: &str, concept: &str) -> Vec<(String, String)> {
        vec![(found.to_string(), concept.to_string())]
    }

    #[test]
    fn character_damage() {
        assert_eq!(
            garbled("the Shanghai Federaton of Trade Unions said"),
            g("Shanghai Federaton of Trade Unions", "shanghai-ftu")
        );
        assert_eq!(
            garbled("the Leading Party Memebrs' Group met"),
            g("Leading Party Memebrs' Group", "lpmg")
        );
        assert_eq!(
            garbled("the Standnig Committee of the Shanghai Municipal People's Congress"),
            g(
                "Standnig Committee of the Shanghai Municipal People's Congress",
                "npc-sc"
            )
        );
        assert_eq!(garbled("on Douyni today"), g("Douyni", "douyin"));
        // A slip at the start keeps the first letter: a doubled one, or a second one lost.
        assert_eq!(garbled("on Ddouyin today"), g("Ddouyin", "douyin"));
        assert_eq!(garbled("on Dyuyin today"), g("Dyuyin", "douyin"));
        assert_eq!(garbled("on Ouyin today"), vec![]);
    }

    #[test]
    fn morphology() {
        assert_eq!(
            garbled("the Leading Party Member Group met"),
            g("Leading Party Member Group", "lpmg")
        );
        assert_eq!(
            garbled("the All-China Federations of Trade Unions"),
            g("All-China Federations of Trade Unions", "acftu")
        );
        assert_eq!(
            garbled("the Standing Committees of the Shanghai Municipal People's Congress"),
            g(
                "Standing Committees of the Shanghai Municipal People's Congress",
                "npc-sc"
            )
        );
    }

    #[test]
    fn word_damage() {
        assert_eq!(
            garbled("the Shanghai Federation of the Trade Unions"),
            g("Shanghai Federation of the Trade Unions", "shanghai-ftu")
        );
        assert_eq!(
            garbled("the Shanghai Trade Unions Federation"),
            g("Shanghai Trade Unions Federation", "shanghai-ftu")
        );
        assert_eq!(
            garbled("the All-China Federation Trade Unions"),
            g("All-China Federation Trade Unions", "acftu")
        );
        assert_eq!(
            garbled("the All China Federation of Trade Unions"),
            g("All China Federation of Trade Unions", "acftu")
        );
        assert_eq!(
            garbled("follow our We Chat account"),
            g("We Chat account", "wechat")
        );
        assert_eq!(
            garbled("the Shanghai Federation of Trade-Unions"),
            g("Shanghai Federation of Trade-Unions", "shanghai-ftu")
        );
        assert_eq!(
            garbled("enable two factor authentication now"),
            g("two factor authentication", "tfa")
        );
    }

    #[test]
    fn different_entities_and_generic_phrases_are_not_garbled() {
        for text in [
            "the Guangdong Federation of Trade Unions",
            "the 16th National Congress of Chinese Trade Unions",
            "the 20th National Congress of the CPC",
            "trade unions at all levels",
            "a federation of trade unions at county level",
            "the Standing Committee of the Beijing Municipal People's Congress",
            "the Shanghai Federation of Industry and Commerce",
            // Common nouns are English phrases: modifiers, order, hyphens of compound
            // modifiers, plurals and possessives are grammar.
            "ten grassroots trade-unions",
            "the memory-space layout",
            "more memory spaces",
            "the memory's space",
            "the space of memory",
            "the memory address space",
        ] {
            assert_eq!(garbled(text), vec![], "{text}");
        }
    }

    #[test]
    fn correct_and_listed_forms_are_not_garbled() {
        for text in [
            "a model worker spoke",
            "the model workers spoke",
            "the Shanghai Federation of Trade Unions said",
            "the SHANGHAI FEDERATION OF TRADE UNIONS said",
            "the Workers Daily reported",
            "the Workers' Daily reported",
            "the Shanghai Federation of Trade Unions' plan",
            "our WeChat account",
        ] {
            assert_eq!(garbled(text), vec![], "{text}");
        }
    }

    #[test]
    fn other_entities_shown_by_the_concepts_other_renderings_or_neighbours() {
        for text in [
            // "Beijing" takes the place of "Shanghai" of the preferred form.
            "the Standing Committee of the Beijing Municipal People's Congress",
            // "Beijing" stands where "Shanghai" is missing.
            "the secretary of the Beijing Municipal Party Committee",
        ] {
            assert_eq!(garbled(text), vec![], "{text}");
        }
        assert_eq!(
            garbled("the Standing Committee of Shanghai Municipal People's Congress"),
            g(
                "Standing Committee of Shanghai Municipal People's Congress",
                "npc-sc"
            )
        );
    }

    #[test]
    fn grammar_of_heads_and_quantifiers() {
        for text in [
            "he won two National May 1 Labor Medals",
            "a great craftsman of China",
            "three denial-of-service attacks",
            "the employers agreed", // another word, not a typo of "employees"
            "the editors' employee",
        ] {
            assert_eq!(garbled(text), vec![], "{text}");
        }
        assert_eq!(
            garbled("the National May 1 Labor Medals"),
            g("National May 1 Labor Medals", "medal")
        );
        assert_eq!(
            garbled("a denial-of-services attack"),
            g("denial-of-services attack", "dos")
        );
        assert_eq!(
            garbled("the Xinhua News Agencies said"),
            g("Xinhua News Agencies", "xinhua")
        );
    }

    #[test]
    fn typos_words_run_together_and_repeated_words() {
        assert_eq!(
            garbled("the Xinhua Newss Agency said"),
            g("Xinhua Newss Agency", "xinhua")
        );
        assert_eq!(
            garbled("a security information and event managemment tool"),
            g("security information and event managemment", "siem")
        );
        assert_eq!(
            garbled("the All-China Federation of TradeUnions"),
            g("All-China Federation of TradeUnions", "acftu")
        );
        assert_eq!(
            garbled("the Xinhua News News Agency"),
            g("Xinhua News News Agency", "xinhua")
        );
        // Two edits in a long word.
        assert_eq!(
            garbled("the modemization drive"),
            g("modemization drive", "modernization")
        );
    }

    #[test]
    fn no_term_across_sentences_or_in_paraphrases() {
        for text in [
            "reported by Xinhua. Xinhua News Agency added",
            "authentication with two factors",
            "management of security events and information",
            "daily labor",
            "Xinhua News reported", // "Xinhua" and a word, not a truncated name
        ] {
            assert_eq!(garbled(text), vec![], "{text}");
        }
    }

    #[test]
    fn another_spelling_is_not_damage() {
        let glossary = "id,preferred\nlabor,labor union\ncentre,service center for workers\n";
        let damage = |text: &str| -> Vec<Damage> {
            near_misses(glossary, text)
                .into_iter()
                .map(|m| m.2)
                .collect()
        };
        assert_eq!(damage("the labour union met"), vec![Damage::OtherSpelling]);
        assert_eq!(
            damage("a service centre for workers"),
            vec![Damage::OtherSpelling]
        );
        // Real damage beside another spelling is still damage.
        assert_eq!(damage("the labour unoin met"), vec![Damage::Misspelling]);
        assert_eq!(damage("the labor union met"), vec![]);
    }

    /// The term written right a few words before a near-miss of it does not hide it.
    #[test]
    fn a_near_miss_right_after_the_term_written_right_is_found() {
        let glossary = "id,preferred\nc,student counsellor\n";
        for (text, found) in [
            (
                "Ask your student counsellor. Student counsellers meet.",
                "Student counsellers",
            ),
            (
                "The student counsellor and studnet counsellor.",
                "studnet counsellor",
            ),
        ] {
            assert_eq!(found_texts(glossary, text), [found], "{text}");
        }
        assert!(
            found_texts(glossary, "Ask your student counsellor. Student counsellor.").is_empty()
        );
        // A window takes no word of the rendering written right before it.
        let glossary = "id,preferred\nbnu,Beijing Normal University\n";
        assert_eq!(
            found_texts(
                glossary,
                "See Beijing Normal University Beijing Normal Universty."
            ),
            ["Beijing Normal Universty"]
        );
    }

    #[test]
    fn a_common_noun_is_corrected_in_the_number_the_text_writes() {
        for (word, listed, number) in [
            ("reseachers", "researcher", Some(Number::Plural)),
            ("profesors", "professor", Some(Number::Plural)),
            ("workers", "worker", Some(Number::Plural)),
            ("counselors", "counsellor", Some(Number::Plural)),
            ("workr", "workers", Some(Number::Singular)),
            ("worker", "workers", Some(Number::Singular)),
            // As near the listed word as its other number: the number as listed.
            ("analysys", "analysis", None),
            ("reseacher", "researcher", None),
            ("researcher", "researcher", None),
            ("workerz", "workers", None),
        ] {
            assert_eq!(
                other_number_written(word, listed),
                number,
                "{word} {listed}"
            );
        }
        let glossary = Glossary::from_csv_text(
            "id,preferred\np,postdoctoral researcher\nm,model workers\nn,Golden Coin\n\
             f,five social insurances and one housing fund\n",
            "g.csv",
        )
        .unwrap();
        let exact = TermMatcher::new(&glossary);
        let index = FuzzyIndex::new(&glossary, DEFAULT_THRESHOLD);
        for (text, number) in [
            ("Postdoctoral reseachers came.", Some(Number::Plural)),
            ("A postdoctoral reseacher came.", None),
            ("Posdoctoral researchers came.", Some(Number::Plural)),
            ("One modle worker came.", Some(Number::Singular)),
            // A name keeps its number: the finding is the number itself.
            ("The shop sells Goldne Coins.", None),
            // So does a head its term counts: "one housing fund" is one.
            (
                "The five social insurance and one housing funds are paid.",
                None,
            ),
            (
                "The five social insurance and one housing fund are paid.",
                None,
            ),
        ] {
            let norm = normalize(text, true);
            let found = index.find(
                &norm,
                text,
                &mut exact.fed_by_words(&norm, text),
                &mut WordCache::default(),
            );
            let numbers: Vec<Option<Number>> = found.iter().map(|m| m.number).collect();
            assert_eq!(numbers, [number], "{text}");
        }
    }

    #[test]
    fn an_apostrophe_inside_a_word_lost_or_replaced_breaks_the_word() {
        let glossary = "id,preferred,deprecated\nxian,Xi'an,Xian\nchang-e,Chang'e,\n\
                        zhao,Zhao Ling'er,\nobrien,O'Brien Street,\n";
        let spacing = Damage::Spacing;
        assert_near_misses(
            glossary,
            &[
                "The council gave Xi an award.",
                "The city wall of Xi'an is long.",
                "The city wall of Xi’an is long.",
                "Xi'an's night markets stay open.",
                "A statue of Chang'e stands here.",
                "Fans dress up as Zhao Ling'er.",
                // Another city, and English words alone.
                "Ji'an is another city.",
                "Change the settings first.",
                "We linger at the gate.",
                "Read the workers' daily paper.",
            ],
            &[
                ("The city wall of Xi an is long.", "Xi an", spacing),
                ("Night markets in Xi an stay open.", "Xi an", spacing),
                ("Night markets in Xi an, Gansu.", "Xi an", spacing),
                ("Night markets in Xi`an stay open.", "Xi`an", spacing),
                ("Night markets in Xi-an stay open.", "Xi-an", spacing),
                ("A statue of Chang-e stands here.", "Chang-e", spacing),
                ("A statue of Chang e stands here.", "Chang e", spacing),
                ("Fans dress up as Zhao Ling-er.", "Zhao Ling-er", spacing),
                ("Fans dress up as Zhao Ling er.", "Zhao Ling er", spacing),
                ("Fans dress up as Zhao Linger.", "Zhao Linger", spacing),
                ("We met on O Brien Street.", "O Brien Street", spacing),
            ],
        );
    }

    /// A one-word name joined by an apostrophe or a hyphen, written closed and capitalised
    /// before another capitalised word, makes a longer name with it: a brand or an institution
    /// that keeps an old romanization ("Changan Automobile"). Alone, apart or before a small
    /// word it is the name garbled.
    #[test]
    fn a_name_written_closed_before_a_capitalised_word_makes_a_longer_name() {
        let glossary = "id,preferred\nchangan,Chang'an\naxian,A-Xian\nhp,Hewlett-Packard\n";
        let spacing = Damage::Spacing;
        assert_near_misses(
            glossary,
            &[
                "Changan Automobile is the official sponsor of the gala.",
                "The CS75 is built by Changan Ford in Chongqing.",
                "The road to Chang'an is long.",
            ],
            &[
                ("The road to Changan is long.", "Changan", spacing),
                ("The road to Changan. Ford it here.", "Changan", spacing),
                ("They rode to Changan, Ford said.", "Changan", spacing),
                ("The road to Changan\nFord is long.", "Changan", spacing),
                ("Chang an Ford is a sponsor.", "Chang an", spacing),
                ("Chang-an Automobile is a sponsor.", "Chang-an", spacing),
                ("Rode To Changan In Spring", "Changan", spacing),
                ("THE ROAD TO CHANGAN FORD", "CHANGAN", spacing),
                (
                    "HewlettPackard Enterprise sells servers.",
                    "HewlettPackard",
                    spacing,
                ),
            ],
        );
    }

    /// A name whose first word is the indefinite article joined by a hyphen ("A-Yuan", a
    /// nickname of 阿 and a name) written apart is the article before a word where the text
    /// writes "a" in small letters, or starts a sentence with "A" and a phrase that goes on in
    /// small letters; a capital "A" elsewhere, or a phrase of the two words alone, is the name.
    #[test]
    fn the_article_before_a_word_is_no_nickname_of_a_and_a_name() {
        let glossary = "id,preferred\nyuan,A-Yuan\nqing,A-Qing\nxian,A-Xian\n";
        let hyphen = Damage::Hyphenation;
        assert_near_misses(
            glossary,
            &[
                "The candied hawthorn costs only a yuan.",
                "She bought a Qing dynasty vase.",
                "He ascended and became a xian, free of all mortal ties.",
                "A Qing dynasty vase was sold.",
                "A yuan is ten jiao.",
                "A-Yuan, come here!",
            ],
            &[
                ("A Yuan, come here!", "A Yuan", hyphen),
                ("A Xian! Your soup is getting cold.", "A Xian", hyphen),
                ("Tell A Yuan to come.", "A Yuan", hyphen),
                ("A Qing is here.", "A Qing", hyphen),
            ],
        );
    }

    /// The singular of a name listed in the plural, a series or a set ("Golden Rooster
    /// Awards"), names one member after a determiner of one, before "for" saying which, or
    /// hyphenated as a compound modifier; "the Golden Rooster Award" alone is the series'
    /// name in the wrong number. A unique name in the other number stays damage.
    #[test]
    fn the_singular_of_a_series_names_one_of_it() {
        let glossary = "id,preferred\ngr,Golden Rooster Awards\nta,Terracotta Warriors\n\
                        x,Xinhua News Agency\n";
        let number = Damage::Number;
        assert_near_misses(
            glossary,
            &[
                "She won a Golden Rooster Award in 2019.",
                "She won a second Golden Rooster Award in 2021.",
                "Each Terracotta Warrior has a face of its own.",
                "He won the Golden Rooster Award for Best Director.",
                "The Golden Rooster Award-winning director spoke first.",
                "A Golden Rooster Award-Winning Director",
                "The 37th Golden Rooster Awards opened in Xiamen.",
            ],
            &[
                (
                    "The Golden Rooster Award was held in Xiamen.",
                    "Golden Rooster Award",
                    number,
                ),
                (
                    "He won the Golden Rooster Award in 2019.",
                    "Golden Rooster Award",
                    number,
                ),
                (
                    "He won the Golden Rooster Award, for once.",
                    "Golden Rooster Award",
                    number,
                ),
                (
                    "It quoted a Xinhua News Agencies report.",
                    "Xinhua News Agencies",
                    number,
                ),
            ],
        );
    }

    /// A name of common English words headed by a noun of one who does or holds something
    /// names a role or status that many hold, and its plural is grammar; so is the plural of
    /// any such name glossed by its abbreviation in the plural. A name holding a place's
    /// name, or "the", or after a determiner of one, or headed by an organisation's noun, is
    /// one entity in the wrong number.
    #[test]
    fn a_name_of_a_role_that_many_hold_takes_a_plural() {
        let glossary = "id,preferred\naeo,Authorized Economic Operator\n\
                        ftz,Free Trade Zone\nsftu,Shanghai Federation of Trade Unions\n\
                        npc,Standing Committee of the National Congress\n\
                        sl,Special Leader of Beijing\ncfa,Certified Public Accountant\n";
        let number = Damage::Number;
        assert_near_misses(
            glossary,
            &[
                "Authorized Economic Operators enjoy fewer inspections than other traders.",
                "Authorized Economic Operators (AEOs) enjoy facilitated clearance.",
                "The Authorized Economic Operators of the EU met.",
                "She hired two Certified Public Accountants.",
                "Certified Public Accountants sign the audit report.",
                "The Free Trade Zones (FTZs) attract investment.",
                // A name of ordinary words, bare in the plural, is a class.
                "Free Trade Zones attract investment.",
                "Free Trade Zones (FTZ) attract investment.",
            ],
            &[
                (
                    "Each Authorized Economic Operators must apply.",
                    "Authorized Economic Operators",
                    number,
                ),
                (
                    "Shanghai Federations of Trade Unions will hand out vouchers.",
                    "Shanghai Federations of Trade Unions",
                    number,
                ),
                (
                    "Standing Committees of the National Congress met.",
                    "Standing Committees of the National Congress",
                    number,
                ),
                (
                    "Special Leaders of Beijing met.",
                    "Special Leaders of Beijing",
                    number,
                ),
                (
                    "The Free Trade Zones attract investment.",
                    "Free Trade Zones",
                    number,
                ),
                (
                    "The Free Trade Zones (FTZ) attract investment.",
                    "Free Trade Zones",
                    number,
                ),
            ],
        );
    }

    /// A name made only of ordinary English words names a class of things: its plural is
    /// grammar bare in running text, after a modifier of its own (a possessive determiner, an
    /// adjective, another name) or before coordinated owners. After "the", a determiner of
    /// one or a possessive noun, alone as a label, or with a place's name or "the" among its
    /// words, the plural is one entity's name in the wrong number.
    #[test]
    fn a_name_of_ordinary_words_in_the_plural_names_a_class() {
        let glossary = "id,preferred,case\nipc,Intermediate People's Court,\n\
                        hpc,Higher People's Court,\nspc,Supreme People's Court,\n\
                        mp,Mini Program,name\nsftu,Shanghai Federation of Trade Unions,\n\
                        mof,Ministry of Finance,\nnpc,National People's Congress,\n\
                        csc,Chinese Government Scholarship,\nppf,Paris Peace Forum,\n\
                        acc,American Chamber of Commerce,\n\
                        siff,Shanghai International Film Festival,\n";
        let number = Damage::Number;
        assert_near_misses(
            glossary,
            &[
                // Editions of a recurring event, each a year.
                "The Shanghai International Film Festivals of 2020 and 2021 were scaled down.",
                "Intermediate People's Courts have jurisdiction over major cases.",
                "Under the Civil Procedure Law, Higher People's Courts hear cases of major impact.",
                "The Higher People's Courts of Jiangsu and Zhejiang have issued guidance.",
                "The Higher People's Courts of Jiangsu, Zhejiang and Anhui met.",
                "Appeals go to local Intermediate People's Courts.",
                "Supports WeChat Mini Programs.",
                "Open your favourite Mini Programs in one tap.",
                "Open your Mini Programs in one tap.",
                "These Mini Programs load fast.",
                // A proper adjective picks no referent, as an ordinary adjective does not.
                "Chinese Government Scholarships are awarded to about 200 students each year.",
                "American Chambers of Commerce lobby for their members.",
            ],
            &[
                (
                    "The Supreme People's Courts ruling was published.",
                    "Supreme People's Courts",
                    number,
                ),
                (
                    "The Higher People's Courts of Jiangsu have issued guidance.",
                    "Higher People's Courts",
                    number,
                ),
                (
                    "The Shanghai International Film Festivals of 2021 opened.",
                    "Shanghai International Film Festivals",
                    number,
                ),
                (
                    "The Higher People's Courts of Jiangsu and the city met.",
                    "Higher People's Courts",
                    number,
                ),
                (
                    "China's Supreme People's Courts ruled.",
                    "Supreme People's Courts",
                    number,
                ),
                (
                    "An Intermediate People's Courts ruling.",
                    "Intermediate People's Courts",
                    number,
                ),
                (
                    "The Ministries of Finance announced new quotas.",
                    "Ministries of Finance",
                    number,
                ),
                (
                    "It was passed by the National People's Congresses.",
                    "National People's Congresses",
                    number,
                ),
                (
                    "Shanghai Federations of Trade Unions hand out vouchers.",
                    "Shanghai Federations of Trade Unions",
                    number,
                ),
                // A place's name picks one referent.
                (
                    "Paris Peace Forums are held in November.",
                    "Paris Peace Forums",
                    number,
                ),
                // "Mini" reads as pinyin, as a place's name might: bare, no class is shown.
                ("Mini Programs load fast.", "Mini Programs", number),
                // A label alone on its line names one thing.
                (
                    "Higher People's Courts\nThey hear appeals.",
                    "Higher People's Courts",
                    number,
                ),
            ],
        );
    }

    /// A possessive "'s" written without its apostrophe reads as a plural, but the slip is
    /// the possessive.
    #[test]
    fn a_possessive_without_its_apostrophe_is_a_lost_possessive() {
        let glossary = "id,preferred\nspc,Supreme People's Court\nchd,Children's Day\n\
                        wd,Workers' Daily\n";
        let possessive = Damage::Possessive;
        assert_near_misses(
            glossary,
            &["The Supreme People's Court ruled."],
            &[
                (
                    "The Supreme Peoples Court ruled.",
                    "Supreme Peoples Court",
                    possessive,
                ),
                ("Happy Childrens Day!", "Childrens Day", possessive),
                ("The Workers Daily said so.", "Workers Daily", possessive),
            ],
        );
    }

    /// A name's apostrophe on the other side of its "s" is misplaced, not a change of number.
    #[test]
    fn a_possessive_on_the_other_side_of_its_s_is_a_misplaced_apostrophe() {
        let glossary = "id,preferred\npboc,People's Bank of China\nwd,Workers' Daily\n";
        let misplaced = Damage::MisplacedApostrophe;
        assert_near_misses(
            glossary,
            &[
                "The People's Bank of China cut rates.",
                "The Workers' Daily said so.",
            ],
            &[
                (
                    "The Peoples' Bank of China cut rates.",
                    "Peoples' Bank of China",
                    misplaced,
                ),
                ("The Worker's Daily said so.", "Worker's Daily", misplaced),
            ],
        );
    }

    #[test]
    fn a_romanized_name_a_vowel_or_two_syllables_apart_is_another_name() {
        let glossary =
            "id,preferred,admitted\nxuanzang,Xuanzang,\nhuangshan,Huangshan,Mount Huangshan\n\
                        mount-tai,Mount Tai,Taishan\nzongzi,zongzi,\nshenzhen,Shenzhen,\n\
                        douyin,Douyin,\nchange,change request,\n";
        let misspelt = Damage::Misspelling;
        assert_near_misses(
            glossary,
            &[
                "Emperor Xuanzong of Tang spent his winters there.",
                "Flights land at Xi'an Xianyang International Airport.",
                "Mount Hengshan in Hunan is the Southern Sacred Mountain.",
                "Taishun county is known for its covered bridges.",
                "Zengzi was one of the disciples of Confucius.",
            ],
            &[
                ("The monk Xuanzanh travelled west.", "Xuanzanh", misspelt),
                ("The monk Xuangzang travelled west.", "Xuangzang", misspelt),
                ("We climbed Mount Huangsan.", "Mount Huangsan", misspelt),
                ("We climbed Taishn at dawn.", "Taishn", misspelt),
                ("Flights to Shenzen are full.", "Shenzen", misspelt),
                ("The Duoyin app is popular.", "Duoyin", misspelt),
                // A glossary word of English is no romanized name.
                ("File a chenge request.", "chenge request", misspelt),
            ],
        );
    }

    /// A short word of a name written in pinyin syllables, one edit from its syllable and no
    /// pinyin itself, the name's other syllables exact, is a slip; another syllable is another
    /// name, and a short word one edit from a syllable elsewhere is another word.
    #[test]
    fn a_slip_in_a_short_syllable_of_a_name_written_in_syllables() {
        let glossary = "id,preferred,admitted\n\
                        dhp,Da Hong Pao,Dahongpao\n\
                        tgy,Tieguanyin,Tie Guan Yin\n\
                        puer,Pu'er tea,\n\
                        longmen,Long Men Grottoes,\n\
                        hk,Hong Kong,\n";
        let misspelt = Damage::Misspelling;
        assert_near_misses(
            glossary,
            &[
                // Another syllable: another name.
                "The Da Hong Pan estate is new.",
                "Try Tie Guan Yan from Anxi.",
                // An English word.
                "A Pu'er tee bag.",
                "A Da Hong Pal shirt.",
                // Another syllable differs too.
                "Da Heng Pau is another tea.",
                // A name of English words that read as pinyin, and a syllable of two letters.
                "The Long Mem Grottoes.",
                "Visit Hong Kpng now.",
                "Dz Hong Pao.",
            ],
            &[
                ("Da Hong Pau, Wuyi rock tea.", "Da Hong Pau", misspelt),
                ("Tie Guan Yim oolong.", "Tie Guan Yim", misspelt),
                ("Tie Guan Yn oolong.", "Tie Guan Yn", misspelt),
                ("Da Hogn Pao, 2023.", "Da Hogn Pao", misspelt),
                ("da hong pau, 2023.", "da hong pau", misspelt),
            ],
        );
    }

    #[test]
    fn another_spelling_in_the_other_number_is_not_damage() {
        let glossary = "id,preferred\ncounsellor,student counsellor\n\
                        programme,national undergraduate programme\nlabour,Labour Union\n\
                        centres,service centres\n";
        let spelling = Damage::OtherSpelling;
        assert_near_misses(
            glossary,
            &["Student counsellors meet every Tuesday."],
            &[
                (
                    "Student counselors meet every Tuesday.",
                    "Student counselors",
                    spelling,
                ),
                (
                    "They are national undergraduate programs.",
                    "national undergraduate programs",
                    spelling,
                ),
                ("One service center opened.", "service center", spelling),
                // A name's number is still its own: another spelling does not excuse it.
                ("The Labor Unions met.", "Labor Unions", Damage::Number),
                // A slip beside the other spelling is still a slip.
                (
                    "Studnet counselors meet every Tuesday.",
                    "Studnet counselors",
                    Damage::Misspelling,
                ),
            ],
        );
    }

    #[test]
    fn a_slip_into_another_word_only_beside_the_terms_other_words() {
        let glossary = "id,preferred\nbranch,branch target\ninsert,inserted\n\
                        named,was named\nclock,clock cycle\ndriver,driver\n";
        let found = |text: &str| spans_and_damage(glossary, text);
        // Beside a content word of the term, a real word is a slip.
        assert_eq!(
            found("jumps to the brunch target here"),
            vec![("brunch target".to_string(), Damage::Misspelling)]
        );
        assert_eq!(
            found("one cock cycle later"),
            vec![("cock cycle".to_string(), Damage::Misspelling)]
        );
        // A slip that is no word is a slip alone too.
        assert_eq!(
            found("the value was insertd"),
            vec![("insertd".to_string(), Damage::Misspelling)]
        );
        assert_eq!(
            found("a drivr"),
            vec![("drivr".to_string(), Damage::Misspelling)]
        );
        // Alone, or beside an auxiliary or function word, a real word is that word.
        for text in [
            "he felt insulted",
            "the coach was naked",
            "a diver and a driver",
            "they were inverted",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    /// Damage no word shows (a lost possessive, words swapped) is found from either word of a
    /// pair, whichever stands first.
    #[test]
    fn undamaged_words_pair_on_both_sides() {
        // Names that share a word.
        let glossary = "id,preferred\ndaily,People's Daily\nworkers,Workers' Daily\n\
                        labor,Labor Daily\ntls,Transport Layer Security\n";
        let found = |text: &str| spans_and_damage(glossary, text);
        assert_eq!(
            found("as People Daily reported on Monday"),
            vec![("People Daily".to_string(), Damage::Possessive)]
        );
        assert_eq!(
            found("it uses Transport Security Layer now"),
            vec![("Transport Security Layer".to_string(), Damage::WordOrder)]
        );
        assert_eq!(found("as People's Daily reported"), vec![]);
        // A name's words in small letters after a possessive are the place's own thing.
        let hkma = "id,preferred\nhkma,Hong Kong Monetary Authority\n";
        assert_eq!(
            spans_and_damage(hkma, "reported to Hong Kong's monetary authority today"),
            vec![]
        );
        assert_eq!(
            spans_and_damage(hkma, "reported to Hong Kong's Monetary Authority today"),
            vec![(
                "Hong Kong's Monetary Authority".to_string(),
                Damage::Possessive
            )]
        );
        // Among the bundled glossary's names, where only "Daily" is an identity word: the pair
        // is looked up from "People", before it.
        let bundled = include_str!("../glossaries/zh-en-trade-union-news.csv");
        assert_eq!(
            spans_and_damage(bundled, "as People Daily reported"),
            vec![("People Daily".to_string(), Damage::Possessive)]
        );
    }

    #[test]
    fn a_typo_written_as_an_identifier_is_the_identifier() {
        let glossary = "id,preferred\nsub,substream\nloop,loop devices\nwechat,WeChat account\n\
                        consult,collective consultation\n";
        let found = |text: &str| -> Vec<String> {
            near_misses(glossary, text)
                .into_iter()
                .map(|m| m.0)
                .collect()
        };
        for text in ["call setStream() first", "open the loopN devices"] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
        // The same slips in prose, a glossary word written with an inner capital, and an OCR
        // capital I for a small l are slips.
        assert_eq!(found("each substrem is read"), vec!["substrem"]);
        assert_eq!(found("open the loopn devices"), vec!["loopn devices"]);
        assert_eq!(found("his WeChta account"), vec!["WeChta account"]);
        assert_eq!(
            found("a collective consuItation"),
            vec!["collective consuItation"]
        );
    }

    /// An acronym one letter from a glossary's acronym, both in capitals, is another acronym:
    /// its letters are words. A slip in a name written in capitals is still a slip.
    #[test]
    fn an_acronym_one_letter_off_is_another_acronym() {
        let glossary = "id,preferred,admitted,case\n\
                        pdsch,Physical Downlink Shared Channel,PDSCH,name\n\
                        ifrs,IFRS 17 Insurance Contracts,,name\n\
                        sftu,Shanghai Federation of Trade Unions,,\n";
        for text in [
            "The UE monitors the PDCCH in the search space.",
            "The PUSCH carries uplink data.",
            "Compare IFRC 17 Insurance Contracts with it.",
        ] {
            assert_eq!(found_texts(glossary, text), Vec::<String>::new(), "{text}");
        }
        // Slips of words the glossary writes in small letters, in capitals in the text, and
        // of an acronym written in small letters, are slips.
        assert_eq!(
            found_texts(glossary, "SHANGHAI FEDERATON OF TRADE UNIONS"),
            vec!["SHANGHAI FEDERATON OF TRADE UNIONS"]
        );
        assert_eq!(
            found_texts(glossary, "THE PHYSICAL DOWNLINK SHARED CHANEL"),
            vec!["PHYSICAL DOWNLINK SHARED CHANEL"]
        );
        assert_eq!(
            found_texts(glossary, "the pdcsh carries data"),
            vec!["pdcsh"]
        );
        // A letter written twice, or two swapped, is a slip of the hand.
        for slip in ["PDDSCH", "PDSHC"] {
            let text = format!("the {slip} carries data");
            assert_eq!(found_texts(glossary, &text), vec![slip]);
        }
    }

    /// A name made of English words, written in small letters and in the other number, is the
    /// common noun ("central banks"): many things, not the one the name names.
    #[test]
    fn a_name_in_small_letters_and_the_plural_is_a_common_noun() {
        let number = Damage::Number;
        assert_near_misses(
            "id,preferred\nfed,Federal Reserve\nmof,Ministry of Finance\n\
             gd,Guangdong Provincial Congress\n",
            &[
                "the federal reserves of gold are low",
                "Ministries of finance from 20 countries met.",
                "He said. Ministries of finance met.",
                "He said: Ministries of finance met.",
            ],
            &[
                (
                    "The Federal Reserves raised rates.",
                    "Federal Reserves",
                    number,
                ),
                (
                    "THE FEDERAL RESERVES RAISED RATES.",
                    "FEDERAL RESERVES",
                    number,
                ),
                (
                    "He said: the Ministries of finance met.",
                    "Ministries of finance",
                    number,
                ),
                (
                    "The Ministries of Finance met.",
                    "Ministries of Finance",
                    number,
                ),
                (
                    "the guangdong provincial congresses met",
                    "guangdong provincial congresses",
                    number,
                ),
            ],
        );
        // A name in the plural names a set; one of it in small letters is the common noun,
        // whatever its modifiers ("terracotta" is in no word list here).
        assert_near_misses(
            "id,preferred\nta,Terracotta Warriors\n",
            &[
                "Each kneeling terracotta warrior in Pit 2 has a different hairstyle.",
                "A terracotta warrior is on loan.",
            ],
            &[
                (
                    "He saw the Terracotta Warrior in Xi'an.",
                    "Terracotta Warrior",
                    number,
                ),
                (
                    "He saw the terracotta Warrior in Xi'an.",
                    "terracotta Warrior",
                    number,
                ),
            ],
        );
    }

    /// A content word added inside a name of two words makes another name; a repeated word
    /// is still damage. The score of such a window was the threshold exactly, and rounding,
    /// which depends on the glossary's size, decided.
    #[test]
    fn a_word_added_inside_a_two_word_name_makes_another_name() {
        for others in 0..40 {
            let mut glossary = String::from(
                "id,preferred\npulse,Pulse Technique\nning,Ning Cheng\ndaily,Labor Daily\n",
            );
            for i in 0..others {
                glossary.push_str(&format!("c{i},zebra crossing number {i}\n"));
            }
            let found = |text: &str| spans_and_damage(&glossary, text);
            for text in [
                "while training on the Minute Pulse Cleansing Technique",
                "Ning Hong Cheng bowed to the elder",
                "a reporter of the Labor Union Daily",
            ] {
                assert_eq!(found(text), vec![], "{text} ({others} other concepts)");
            }
            assert_eq!(
                found("a reporter of the Labor Labor Daily"),
                vec![("Labor Labor Daily".to_string(), Damage::RepeatedWord)],
                "{others} other concepts"
            );
        }
    }

    /// Modifiers joined by "and" or "or" share a head, in the plural: two entities, each a
    /// name in the singular. A noun before the conjunction (in the plural, or written in
    /// other capitals than the name) joins two things, and the plural name is still damage.
    #[test]
    fn coordinated_modifiers_share_a_plural_head() {
        let glossary = "id,preferred\nqing,Qing Dynasty\nhan,Han Dynasty\n\
                        sftu,Shanghai Federation of Trade Unions\n";
        let number = Damage::Number;
        assert_near_misses(
            "id,preferred\ntu,Shanghai Trade Union\n",
            &[],
            &[
                (
                    "Members and Shanghai Trade Unions met.",
                    "Shanghai Trade Unions",
                    number,
                ),
                (
                    "the employer and Shanghai Trade Unions met",
                    "Shanghai Trade Unions",
                    number,
                ),
            ],
        );
        assert_near_misses(
            glossary,
            &[
                "Most halls date from the Ming and Qing dynasties.",
                "Most halls date from the Ming and Qing Dynasties.",
                "The Sui, Tang or Qing Dynasties reunified China.",
                "The Western and Eastern Han Dynasties lasted four centuries.",
                "The Former and Later Eastern Han Dynasties lasted long.",
                "the Beijing and Shanghai Federations of Trade Unions met",
            ],
            &[
                ("The Qing Dynasties ruled.", "Qing Dynasties", number),
                ("The Ming, Qing Dynasties ruled.", "Qing Dynasties", number),
                (
                    "the Ming and the Qing Dynasties ruled",
                    "Qing Dynasties",
                    number,
                ),
            ],
        );
    }

    /// A name written as the common noun it is made of (its last word in small letters) and
    /// hyphenated whole before a noun is a compound modifier; with its capitals, or not before
    /// a noun, the hyphen is damage.
    #[test]
    fn a_name_as_a_common_noun_hyphenated_before_a_noun_is_a_compound_modifier() {
        let hyphen = Damage::Hyphenation;
        assert_near_misses(
            "id,preferred\nqing,Qing Dynasty\nxin,Xinhua News Agency\n",
            &[
                "The hall displays Qing-dynasty furniture made of rosewood.",
                "a qing-dynasty vase",
                "two Xinhua-news-agency reporters",
            ],
            &[
                (
                    "The hall has Qing-Dynasty furniture.",
                    "Qing-Dynasty",
                    hyphen,
                ),
                ("It dates from the Qing-dynasty.", "Qing-dynasty", hyphen),
                (
                    "It dates from the Qing-dynasty of China",
                    "Qing-dynasty",
                    hyphen,
                ),
                ("It was a Qing-dynasty, Ming style", "Qing-dynasty", hyphen),
                (
                    "two Xinhua-news agency reporters",
                    "Xinhua-news agency",
                    hyphen,
                ),
            ],
        );
    }

    /// A conjunction added between a rendering's words joins two things; another word added
    /// is damage.
    #[test]
    fn a_conjunction_between_the_words_joins_two_things() {
        let glossary = "id,preferred,case\n\
            tcpip,TCP/IP,sensitive\n\
            nist,National Institute of Standards and Technology,\n\
            csrc,China Securities Regulatory Commission,\n\
            mqzh,Meng Qi Zhen Hui,\n\
            bms,battery management system,\n";
        let found = |text: &str| -> Vec<(String, Damage)> {
            near_misses(glossary, text)
                .into_iter()
                .map(|(found, _, damage)| (found, damage))
                .collect()
        };
        assert_eq!(found("Keep TCP and IP apart in the headers."), vec![]);
        assert_eq!(found("Keep TCP or IP apart in the headers."), vec![]);
        assert_eq!(
            found("The National Institute of Standards and Information Technology met."),
            vec![(
                "National Institute of Standards and Information Technology".to_string(),
                Damage::ExtraWord
            )]
        );
        // Between two modifiers of a name's head, in its number, a conjunction names one
        // entity: the name with a word added. With the head in the plural, or without the
        // name's capitals, it joins two things; so it does before a common noun's head.
        assert_eq!(
            found("The China Securities and Regulatory Commission issued rules."),
            vec![(
                "China Securities and Regulatory Commission".to_string(),
                Damage::ExtraWord
            )]
        );
        for text in [
            "The China Securities and Regulatory Commissions met.",
            "the china securities and regulatory commission issued rules.",
            "The battery and management system logs are kept apart.",
            // A name whose head is no noun of English has no modifiers: two people.
            "Meng Qi and Zhen Hui left.",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    /// A term never runs across a blank line (a heading and its paragraph); a line break
    /// inside a wrapped paragraph is a space.
    #[test]
    fn a_term_never_runs_across_a_blank_line() {
        let repeated = Damage::RepeatedWord;
        assert_near_misses(
            "id,preferred\nbol,bill of lading\n",
            &[
                "we signed the bill of\n\nof lading for it",
                "we signed the bill of\r\n\r\nof lading for it",
                "we signed the bill of lading\n  \nlading took a day",
            ],
            &[
                (
                    "we signed the bill of\nof lading",
                    "bill of\nof lading",
                    repeated,
                ),
                (
                    "the bill of lading\r\nlading",
                    "bill of lading\r\nlading",
                    repeated,
                ),
            ],
        );
    }

    /// A line holding a name (a letterhead, a title) and a line starting with it again are two
    /// texts: the end of one and the start of the other are not the name's words out of
    /// order, and a slip on the second line is found. A term wrapped inside a paragraph and
    /// reordered on one side of the break is still reordered.
    #[test]
    fn a_term_does_not_turn_back_in_its_order_across_a_line_break() {
        let glossary = "id,preferred\nbnu,Beijing Normal University\n\
                        oaa,Office of Academic Affairs\n";
        let (order, typo, number) = (Damage::WordOrder, Damage::Misspelling, Damage::Number);
        assert_near_misses(
            glossary,
            &[
                "Beijing Normal University\nBeijing Normal is a name.",
                "Beijing Normal University\r\nBeijing Normal is a name.",
                "# Office of Academic Affairs\nOffice of Academic staff",
            ],
            &[
                (
                    "Beijing Normal University\nBeijing Normal Universty is in Beijing.",
                    "Beijing Normal Universty",
                    typo,
                ),
                (
                    "Office of Academic Affairs\r\nOffice of Academic Affair will answer.",
                    "Office of Academic Affair",
                    number,
                ),
                (
                    "he studied at the Normal Beijing\nUniversity for a year",
                    "Normal Beijing\nUniversity",
                    order,
                ),
                (
                    "he studied at the Beijing\nUniversity Normal for a year",
                    "Beijing\nUniversity Normal",
                    order,
                ),
                (
                    "he studied at the University Beijing Normal for a year",
                    "University Beijing Normal",
                    order,
                ),
            ],
        );
    }

    #[test]
    fn a_better_window_across_a_sentence_end_does_not_hide_the_term_after_it() {
        let glossary = "id,preferred\nifrs,IFRS 17 Insurance Contracts\n";
        let found = |text: &str| found_texts(glossary, text);
        // "contracts. IFRS 17 Insurance" has all the rendering's words, but across a full stop.
        for text in [
            "Fees cover contracts. IFRS 17 Insurance Contrcts applies.",
            "Fees cover contracts.\n\nIFRS 17 Insurance Contrcts applies.",
        ] {
            assert_eq!(found(text), vec!["IFRS 17 Insurance Contrcts"], "{text}");
        }
        assert_eq!(
            found("Fees cover contracts. IFRS 17 Insurance rules."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_word_without_its_accents_is_another_spelling() {
        let spelling = Damage::OtherSpelling;
        assert_near_misses(
            "id,preferred\nz,University of Zürich\n",
            &[],
            &[
                ("the University of Zurich", "University of Zurich", spelling),
                (
                    "the Universty of Zürich",
                    "Universty of Zürich",
                    Damage::Misspelling,
                ),
            ],
        );
    }

    #[test]
    fn a_hyphen_ending_a_line_is_a_wrap_not_damage() {
        let hyphen = Damage::Hyphenation;
        assert_near_misses(
            "id,preferred\nuhv,ultra-high voltage\nidf,Île-de-France\nhplc,liquid chromatography\n",
            &[
                "lines of ultra-\nhigh voltage",
                "lines of ultra\u{2010}  \r\n   high voltage",
                "we saw Île-de-\nFrance",
                "by liquid chroma-\ntography",
            ],
            &[
                ("of ultra high voltage", "ultra high voltage", hyphen),
                ("of ultra- high voltage", "ultra- high voltage", hyphen),
            ],
        );
    }

    /// An English word that a glossary word is derived from, or derived from a glossary
    /// word, is another word beside the rendering's other words, not a slip.
    #[test]
    fn a_word_derived_by_an_ending_is_not_a_slip() {
        let glossary = "id,preferred,admitted\nhx,heat exchanger,\nrange,wide range,\n\
                        lb,load balance,\nepi,epicenter,epicentre\ngr,granite,\n";
        assert_near_misses(
            glossary,
            &[
                "the heat exchange rate was measured",
                "a wider range of options",
                "traffic is load balanced across the nodes",
                // A final "e" goes before an ending of a vowel.
                "The epicentral distance is 226 km.",
                "The granitic rocks are old.",
            ],
            &[
                (
                    "the heat exchamger leaks",
                    "heat exchamger",
                    Damage::Misspelling,
                ),
                (
                    "the heat exchangr leaks",
                    "heat exchangr",
                    Damage::Misspelling,
                ),
                (
                    "The epicentrre lies here.",
                    "epicentrre",
                    Damage::Misspelling,
                ),
                ("The epicentra lies here.", "epicentra", Damage::Misspelling),
            ],
        );
    }

    /// A pair of letters read as one by OCR ("ri" as "n") is one slip, where the string
    /// distance counts two: a word too short for two edits may carry it.
    /// A word fixed in its term (of a name of three words or more, written with its capitals;
    /// inside a term of four words or more), the term's other words as the glossary has them:
    /// a word of its stem with another ending, or a slip of a function word, is a slip of the
    /// term there; elsewhere it is another word.
    #[test]
    fn another_ending_or_a_slipped_function_word_fixed_in_a_term_is_a_slip() {
        let glossary = "id,preferred,case\n\
                        pdsch,Physical Downlink Shared Channel,name\n\
                        amd,Advanced Micro Devices,name\n\
                        lb,Load Balancer,name\n\
                        sc,shared channel,\n\
                        adas,advanced driver assistance system,\n\
                        hplc,high-performance liquid chromatography,\n\
                        hx,heat exchanger tube,\n\
                        cf,net cash flows from operating activities,\n";
        let misspelt = Damage::Misspelling;
        assert_near_misses(
            glossary,
            &[
                // Without the name's capitals, with another word changed, in a name of two
                // words, or in a common noun of two or three words: another word.
                "the physical downlink share channel carries data",
                "The Physical Uplink Share Channel carries data.",
                "The Physical Downlink Share Channels carry data.",
                "Use a Load Balance rule.",
                "A share channel is used.",
                "Clean the heat exchange tube.",
                // At a term's edge, an adjective before a noun of the text.
                "The high-performance liquid chromatographic method was validated.",
                // Another word of the term changed too.
                "The advanced driving assistant system brakes.",
                "Cash flows form operating activities were low.",
                "Net cash flow form operating activity was low.",
            ],
            &[
                (
                    "The Physical Downlink Share Channel carries user data.",
                    "Physical Downlink Share Channel",
                    misspelt,
                ),
                (
                    "Shares of Advance Micro Devices rose.",
                    "Advance Micro Devices",
                    misspelt,
                ),
                (
                    "The advanced driver assistant system brakes.",
                    "advanced driver assistant system",
                    misspelt,
                ),
                (
                    "Net cash flows form operating activities were RMB 3 million.",
                    "Net cash flows form operating activities",
                    misspelt,
                ),
            ],
        );
    }

    /// A word derived by an ending too long for a slip of letters ("East" of "Eastern",
    /// "Southern" of "South"), or a word of another concept ("Cooperative", of "comprehensive
    /// strategic cooperative partnership"), is a slip of a word a name of three words fixes,
    /// written with the name's capitals and its other words exact. Another compass point,
    /// another word changed, small letters, or a name of two words: another name or phrase.
    #[test]
    fn a_derived_word_far_in_letters_fixed_in_a_name_is_a_slip() {
        let glossary = "id,preferred,admitted
                        etc,Eastern Theater Command,
                        stc,Southern Theater Command,
                        scs,South China Sea,
                        sco,Shanghai Cooperation Organisation,Shanghai Cooperation Organization
                        cscp,comprehensive strategic cooperative partnership,
                        nr,Northern Region,
";
        let misspelt = Damage::Misspelling;
        assert_near_misses(
            glossary,
            &[
                "The Southern Theater Command and the Eastern Theater Command met.",
                "The East China Sea is calm.",
                "The West Theater Command is large.",
                "Ships in the southern China Sea were seen.",
                "Fishing in the Southern China Seas is banned.",
                "The North Region grew.",
                "The East Theater Commands met.",
                "A comprehensive strategic cooperative partnership was signed.",
                "The Shanghai Cooperative Society held its summit.",
                "The southern South China Sea is deep.",
            ],
            &[
                (
                    "The East Theater Command said it.",
                    "East Theater Command",
                    misspelt,
                ),
                // However often the document writes the word elsewhere.
                (
                    "In the East, trade grew. East Asia and the Middle East met. Then the \
                     East Theater Command said it.",
                    "East Theater Command",
                    misspelt,
                ),
                (
                    "The Southern China Sea is a common home.",
                    "Southern China Sea",
                    misspelt,
                ),
                (
                    "The Shanghai Cooperative Organization held its summit.",
                    "Shanghai Cooperative Organization",
                    misspelt,
                ),
            ],
        );
    }

    /// The head of a term names what it is: another form of its stem is another thing ("Minister
    /// of Finance", the person, is no "Ministry of Finance", the body), where another form of a
    /// modifier of the head, or the head clipped, is the same thing written wrong, once the
    /// term's other words are written as the glossary has them, in a name of three words or
    /// more. A common noun of three words does not fix its modifiers: English varies them
    /// ("higher-level interface", "doubly linked list", "shared data structures").
    #[test]
    fn another_form_of_a_modifier_is_a_slip_and_of_the_head_another_thing() {
        let glossary = "id,preferred,case\n\
                        mof,Ministry of Finance,name\n\
                        yrcc,Yellow River Conservancy Commission,name\n\
                        samr,State Administration for Market Regulation,name\n\
                        csrc,China Securities Regulatory Commission,name\n\
                        nfra,National Financial Regulatory Administration,name\n\
                        nmpa,National Medical Products Administration,name\n\
                        gaokao,National College Entrance Examination,name\n\
                        mah,marketing authorization holder,\n\
                        gwl,guaranteed water level,\n\
                        vat,value-added tax,\n\
                        mr,market regulation,\n\
                        ms,marketing strategy,\n";
        let misspelt = Damage::Misspelling;
        assert_near_misses(
            glossary,
            &[
                // Another form of the head: a person, not the body.
                "Minister of Finance Lan Fo'an attended the meeting.",
                "The Yellow River Conservancy Commissioner spoke.",
                "The State Administrator for Market Regulation signed it.",
                // Another modifier, not another form of it.
                "The China Futures Regulatory Commission was formed.",
                "The National Dental Products Administration approved it.",
                "The guard water level is low.",
                // Two words changed, or a word the term does not fix: another phrase.
                "The National Finance Regulation Administration spoke.",
                "the financial regulatory administration of each province",
                "The market authorisation holders were notified.",
                "Marketing regulation is a field of its own.",
                "A market strategy was drawn up.",
                // A modifier of a common noun: English varies it.
                "The market authorization holder was notified.",
                "The guarantee water level of the dike is 45.0 metres.",
            ],
            &[
                (
                    "The China Securities Regulation Commission issued rules.",
                    "China Securities Regulation Commission",
                    misspelt,
                ),
                (
                    "The National Finance Regulatory Administration spoke.",
                    "National Finance Regulatory Administration",
                    misspelt,
                ),
                (
                    "The National Medicinal Products Administration approved it.",
                    "National Medicinal Products Administration",
                    misspelt,
                ),
                (
                    "The National College Entrance Exam score is not required.",
                    "National College Entrance Exam",
                    misspelt,
                ),
            ],
        );
    }

    /// A clipping is a beginning of a word with more cut than an ending: an ending cut leaves
    /// another word.
    #[test]
    fn a_clipping_cuts_more_than_an_ending() {
        for (word, full) in [("exam", "examination"), ("admin", "administration")] {
            assert!(clipping(word, full), "{word} of {full}");
        }
        for (word, full) in [
            ("commission", "commissioner"),
            ("exam", "exams"),
            ("govern", "governments"),
            ("lab", "laboratory"),
            ("examin", "examination"),
            ("exam", "exam"),
        ] {
            assert!(!clipping(word, full), "{word} of {full}");
        }
    }

    /// A closed word written with a hyphen inside gained a hyphen, and damage in a word before
    /// it is named first: "Five Principle of Peaceful Co-existence" lost a plural.
    #[test]
    fn a_hyphen_inside_a_closed_word_is_named_after_damage_before_it() {
        let glossary = "id,preferred\nfppc,Five Principles of Peaceful Coexistence\n\
                        as,aftershock\n";
        assert_near_misses(
            glossary,
            &["The Five Principles of Peaceful Coexistence hold."],
            &[
                (
                    "They upheld the Five Principle of Peaceful Co-existence.",
                    "Five Principle of Peaceful Co-existence",
                    Damage::Number,
                ),
                (
                    "They upheld the Five Principles of Peaceful Co-existence.",
                    "Five Principles of Peaceful Co-existence",
                    Damage::Hyphenation,
                ),
                (
                    "They upheld the Five Principles of Peaceful Co existence.",
                    "Five Principles of Peaceful Co existence",
                    Damage::Spacing,
                ),
                (
                    "The after-shock was felt.",
                    "after-shock",
                    Damage::Hyphenation,
                ),
            ],
        );
    }

    /// A preposition right after an article starts a compound written apart: "An after shock"
    /// of "aftershock". Elsewhere, or an adverb particle there, the two are words of the text.
    #[test]
    fn a_preposition_after_an_article_is_a_compound_written_apart() {
        let glossary = "id,preferred\nas,aftershock\nbe,backend\nip,input\n";
        assert_near_misses(
            glossary,
            &[
                "She recovered after shock therapy.",
                "Calm came after shock waves passed.",
                "The back end is slow.",
                "Wait for the in put.",
            ],
            &[
                (
                    "An after shock of M3.0 followed.",
                    "after shock",
                    Damage::Spacing,
                ),
                ("The after shock was felt.", "after shock", Damage::Spacing),
            ],
        );
    }

    #[test]
    fn an_ocr_confusion_is_one_slip() {
        assert!(ocr_confusion_apart("secunty", "security", 1));
        assert!(ocr_confusion_apart("modemize", "modernize", 1));
        assert!(ocr_confusion_apart("wiclth", "width", 1));
        assert!(!ocr_confusion_apart("secunty", "security", 0));
        assert!(!ocr_confusion_apart("secnty", "security", 1));
        assert!(!ocr_confusion_apart("sequrity", "security", 1));
        assert_near_misses(
            "id,preferred\ntls,Transport Layer Security\n",
            &["the Transport Layer Secrecy option"],
            &[(
                "traffic uses Transport Layer Secunty here",
                "Transport Layer Secunty",
                Damage::Misspelling,
            )],
        );
    }

    /// A doubled letter moved, lost twice or added twice is two edits a short word is otherwise
    /// not allowed, found by the word's key with its doubled letters single: a slip where the
    /// string is no English word, no glossary word and no Roman numeral.
    #[test]
    fn a_doubled_letter_moved_is_a_slip() {
        let glossary = "id,preferred\ntq,tariff quota\nct,customs tariff\n\
                        gb,gun barrel\nmi,Merritt Island\ncanto,Canto LXXVIII\n\
                        cm,Eastern Theater Command\n";
        let slip = Damage::Misspelling;
        assert_near_misses(
            glossary,
            &[
                "The tariff quota for wool is unchanged.",
                // English words and names: "merit", "Bennett", not slips of a word.
                "We visited Merit Island last year.",
                // Another Roman numeral, whose doubled letters are its value.
                "He read Canto LXXXVII aloud.",
                // Three edits: another word.
                "The tarrriiff quota is unchanged.",
            ],
            &[
                (
                    "The tarrif quota for wool is unchanged.",
                    "tarrif quota",
                    slip,
                ),
                ("Customs tarrifs rose again.", "Customs tarrifs", slip),
                ("Clean the gun barell first.", "gun barell", slip),
                ("Clean the gun barrell first.", "gun barrell", slip),
                ("We visited Meritt Island last year.", "Meritt Island", slip),
                (
                    "Orders of the Eastern Theater Comannd.",
                    "Eastern Theater Comannd",
                    slip,
                ),
            ],
        );
        // A glossary word is never a slip of another.
        let with_the_string = format!("{glossary}tb,Tarrif Bay\n");
        assert_eq!(
            spans_and_damage(&with_the_string, "The tarrif quota is unchanged."),
            vec![]
        );
        for (word, glossary_word, expected) in [
            ("tarrif", "tariff", true),
            ("comitee", "committee", true),
            ("tarif", "tariff", true),
            ("xxvii", "xviii", false),
            ("tariffs", "tariff", false),
            ("taariff", "tariff", true),
            ("taarriiff", "tariff", false),
        ] {
            assert_eq!(
                doubling_slip(word, glossary_word),
                expected,
                "{word} {glossary_word}"
            );
        }
    }

    /// A spelling the document uses freely is its own, unless it is a slip of a word used ten
    /// times as often, and neither an English word, nor used twenty times, nor two edits away.
    #[test]
    fn a_slip_repeated_in_a_long_document_is_still_a_slip() {
        let glossary = "id,preferred\ncm,control method\nsm,stable method\n\
                        pm,parameter method\n";
        // `slip` written `slips` times, once before "method" and otherwise beside other words
        // each time, in a document that writes `word` `uses` times.
        let found = |(slip, slips): (&str, usize), (word, uses): (&str, usize)| {
            let mut text = format!("The {word} unit is reset. ").repeat(uses);
            text.push_str(&format!("Use the {slip} method. "));
            for i in 1..slips {
                text.push_str(&format!("Word{i} {slip} word{i}. "));
            }
            spans_and_damage(glossary, &text)
        };
        let slip = vec![("cotrol method".to_string(), Damage::Misspelling)];
        assert_eq!(found(("cotrol", 1), ("control", 5)), slip);
        // Used freely beside a few uses of the word: the document's own.
        assert_eq!(found(("cotrol", 4), ("control", 5)), vec![]);
        // Beside fifty: a slip.
        assert_eq!(found(("cotrol", 4), ("control", 50)), slip);
        // Used twenty times, it is a word of the document whatever the count of the other.
        assert_eq!(found(("cotrol", 20), ("control", 400)), vec![]);
        // An English word repeated is that word, however common the one it resembles.
        let stale = vec![("stale method".to_string(), Damage::Misspelling)];
        assert_eq!(found(("stale", 1), ("stable", 50)), stale);
        assert_eq!(found(("stale", 4), ("stable", 50)), vec![]);
        // So is a spelling two edits away: a word of another language, more likely than a slip
        // made twice in one word, again and again.
        let parametri = vec![("parametri method".to_string(), Damage::Misspelling)];
        assert_eq!(found(("parametri", 1), ("parameter", 50)), parametri);
        assert_eq!(found(("parametri", 4), ("parameter", 50)), vec![]);
    }

    /// A term garbled the same way wherever it occurs, as a machine translation garbles it, is
    /// garbled each time: a spelling always written beside the same word is one phrase
    /// repeated, not the document's own (a slip two edits away excepted, as above).
    #[test]
    fn a_term_garbled_the_same_way_each_time_is_garbled_each_time() {
        let glossary = "id,preferred\ncong,18th National Congress of Chinese Trade Unions\n\
                        stu,Shanghai Federation of Trade Unions\npm,parameter method\n\
                        wechat,WeChat account\n";
        let times = |phrase: &str| {
            ["Delegates to the", "Then the", "So the", "And the"]
                .iter()
                .map(|before| format!("{before} {phrase} met. "))
                .collect::<String>()
        };
        let each_time = |phrase: &str, damage| {
            let found = spans_and_damage(glossary, &times(phrase));
            assert_eq!(found, vec![(phrase.to_string(), damage); 4], "{phrase:?}");
        };
        each_time(
            "18th National Congress of Chinese Trade Union",
            Damage::Number,
        );
        each_time("Shanghai Federaton of Trade Unions", Damage::Misspelling);
        each_time("We Chat account", Damage::Spacing);
        assert_eq!(
            spans_and_damage(glossary, &times("parametri method")),
            vec![]
        );
    }

    /// A common noun's words run together lost a space, unless the word they make is English
    /// (a closed spelling of the compound) or the document's own spelling.
    #[test]
    fn a_common_noun_written_closed_lost_a_space_unless_the_closed_word_is_english() {
        let glossary = "id,preferred\nhx,heat exchanger\npm,password manager\ndb,data base\n\
                        ws,web site\n";
        let spacing = Damage::Spacing;
        assert_near_misses(
            glossary,
            &[
                "the database is backed up nightly",
                "visit our website for details",
                "the heat exchanger and the password manager",
                "heatexchanger one, heatexchanger two and heatexchanger three",
            ],
            &[
                ("the heatexchanger leaks", "heatexchanger", spacing),
                (
                    "install a passwordmanager first",
                    "passwordmanager",
                    spacing,
                ),
                ("the Heatexchanger leaks", "Heatexchanger", spacing),
            ],
        );
    }

    /// A rendering's last word written twice shows in no window but the one holding both;
    /// a word two terms share side by side is written twice on purpose.
    #[test]
    fn a_last_word_written_twice_is_repeated_unless_two_terms_share_it() {
        let glossary = "id,preferred\nbol,bill of lading\nnda,non-disclosure agreement\n\
                        client,client device\ntree,device tree nodes\nroot,root device\n\
                        numbers,device numbers\nkey,optional key\n";
        let repeated = Damage::RepeatedWord;
        assert_near_misses(
            glossary,
            &[
                "a bill of lading. Lading took a day",
                "a bill of lading, lading the ship",
                "a bill of lading lading-port",
                "a new optional key keyword argument",
                "provide an infrastructure for client device device tree nodes",
                "the default root device device number",
                "the client device devices",
            ],
            &[
                (
                    "a bill of lading lading for the cargo",
                    "bill of lading lading",
                    repeated,
                ),
                (
                    "they signed a non-disclosure agreement agreement",
                    "non-disclosure agreement agreement",
                    repeated,
                ),
                ("the bill bill of lading", "bill bill of lading", repeated),
            ],
        );
    }

    #[test]
    fn a_leading_article_is_no_part_of_the_term_and_function_words_are_no_term() {
        let glossary = "id,preferred\npalace,the Jade Palace\nduke,a Duke of Qin\n\
                        of,The of\nbeing,Being to\n";
        let found = |text: &str| spans_and_damage(glossary, text);
        for text in [
            "they reached Jade Palace at dawn",
            "the famous Jade Palace",
            "the old Duke of Qin",
            "Duke of Qin spoke",
            "The sound of rain",
            "Being able to run",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
        assert_eq!(
            found("they reached the Jade Palce"),
            vec![("Jade Palce".to_string(), Damage::Misspelling)]
        );
        assert_eq!(
            found("a Duke of of Qin"),
            vec![("Duke of of Qin".to_string(), Damage::RepeatedWord)]
        );
    }

    #[test]
    fn a_name_written_apart_even_where_its_parts_are_glossary_words() {
        let glossary = "id,preferred\nsite,Workercn\nhost,www.workercn.cn\nworker,model worker\nbuffers,requestbuffers\nrequest,request queue\nbuf,frame buffers\n";
        let found = |text: &str| -> Vec<(String, Damage)> {
            near_misses(glossary, text)
                .into_iter()
                .map(|(found, _, damage)| (found, damage))
                .collect()
        };
        // "worker" and "cn" are glossary words, but no rendering writes them side by side.
        assert_eq!(
            found("read it on Worker cn today"),
            vec![("Worker cn".to_string(), Damage::Spacing)]
        );
        // A common noun's compound written open from two words of their own is a spelling.
        assert_eq!(found("the request buffers are full"), vec![]);
    }

    #[test]
    fn a_name_written_apart_or_closed_once_after_right_uses_is_damaged() {
        let glossary = "id,preferred\nbht,Baihetan Hydropower Station\nxjtu,Xi'an Jiaotong University\nplay,game plan\n";
        let found = |text: &str| found_texts(glossary, text);
        // The name written right, in varied company, is the document's spelling of the name,
        // not of the name written apart or closed.
        let right = "The Baihetan dam opened. Engineers at Baihetan agreed. The Baihetan \
                     reservoir filled. Xi'an is old. In Xi'an it rains. The Xi'an airport grew. ";
        assert_eq!(
            found(&format!(
                "{right}The Bai hetan Hydropower Station is large."
            )),
            vec!["Bai hetan Hydropower Station"]
        );
        assert_eq!(
            found(&format!("{right}A Xian Jiaotong University team won.")),
            vec!["Xian Jiaotong University"]
        );
        // Written so three times, it is the document's own spelling.
        let apart = "The Bai hetan Hydropower Station is large. ".repeat(3);
        assert_eq!(found(&apart), Vec::<String>::new());
    }

    /// A common noun's closed word written apart is counted as written: the document's free
    /// use of the word written closed does not make its open form the document's spelling.
    /// Two words of the text are no word written apart: beside a closed-class word, a verb
    /// and its particle, a title, or apart across a bracket.
    #[test]
    fn a_common_noun_written_apart_once_after_right_uses_is_damaged() {
        let glossary = "id,preferred\ncd,cooldown\nasync,asynchronous operation\n\
                        gp,gameport\npf,page flags\nsp,smartphone\n";
        let found = |text: &str| found_texts(glossary, text);
        let right = "Cooldown: 8 s. The cooldown resets on kill. A long cooldown hurts. ";
        assert_eq!(
            found(&format!("{right}The cool-down is halved.")),
            vec!["cool-down"]
        );
        assert_eq!(
            found("Smartphone apps. A smartphone is small. My smartphone broke. A smart phone."),
            vec!["smart phone"]
        );
        // Written so three times, in varied company, it is the document's own spelling.
        let apart = "The cool-down is halved. A cool-down of 8 s. Each cool-down ends.";
        assert_eq!(found(apart), Vec::<String>::new());
        for text in [
            "Let the engine cool down.",
            "It is a synchronous operation.",
            "It has an Enhanced Game Port mode.",
            "Supported are [p]age flags and [v]ma flags.",
        ] {
            assert_eq!(
                found(&format!("{right}{text}")),
                Vec::<String>::new(),
                "{text}"
            );
        }
    }

    #[test]
    fn a_window_does_not_cut_a_word_the_text_writes_closed() {
        let glossary = "id,preferred\nplay,Play\ngame,Game Boy\nlin,An Lin\nen,En Route\n";
        let found = |text: &str| found_texts(glossary, text);
        // "gameplay" and "linen" hold glossary words, not renderings.
        assert_eq!(found("hours of gameplay a day"), Vec::<String>::new());
        assert_eq!(found("dressed in coarse linen today"), Vec::<String>::new());
        // Both parts of a closed word are a rendering written closed.
        assert_eq!(found("a new Gameboy today"), vec!["Gameboy"]);
    }

    #[test]
    fn a_rendering_run_together_with_a_capital_between_is_an_identifier() {
        let glossary = "id,preferred\nsign,Sign in\ntoken,access token\nacftu,All-China Federation of Trade Unions\n";
        let found = |text: &str| found_texts(glossary, text);
        assert_eq!(found("call signIn first"), Vec::<String>::new());
        // A place written closed lost its space.
        let places = "id,preferred\nhk,Hong Kong\n";
        assert_eq!(
            found_texts(places, "he moved to HongKong in 1997"),
            vec!["HongKong"]
        );
        assert_eq!(found("read the accessToken field"), Vec::<String>::new());
        // Without the capital, or inside a longer name, the words lost their space.
        assert_eq!(found("read the accesstoken field"), vec!["accesstoken"]);
        assert_eq!(
            found("the All-China Federation of TradeUnions met"),
            vec!["All-China Federation of TradeUnions"]
        );
    }

    #[test]
    fn a_name_in_the_singular_before_a_number_is_one_of_a_numbered_set() {
        let glossary = "id,preferred\nias,International Accounting Standards\nsdg,Sustainable Development Goals\n";
        let found = |text: &str| found_texts(glossary, text);
        assert_eq!(
            found("under International Accounting Standard 18 today"),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Sustainable Development Goal (SDG) 13 is met"),
            Vec::<String>::new()
        );
        assert_eq!(
            found("under the International Accounting Standard today"),
            vec!["International Accounting Standard"]
        );
        assert_eq!(
            found("the Sustainable Development Goal (as agreed) 13 times"),
            vec!["Sustainable Development Goal"]
        );
        // A year or a count after it is no member's number.
        assert_eq!(
            found("the International Accounting Standard 2023 annual report"),
            vec!["International Accounting Standard"]
        );
        assert_eq!(
            found("the Sustainable Development Goal 15 million people"),
            vec!["Sustainable Development Goal"]
        );
    }

    /// A slip in a word put in the other number is a slip: a common noun's head inflects at
    /// no cost, and the string compared with the glossary word in one number is one edit
    /// from it. An English word is a slip only as written.
    #[test]
    fn a_slip_in_the_other_number_is_a_slip() {
        let glossary = "id,preferred\nprv,pressure relief valve\nls,limit switch\n\
                        cb,circuit breaker\nda,data analyst\ntf,trace file\n";
        let found = |text: &str| found_texts(glossary, text);
        for (text, garbled) in [
            (
                "Check both pressure relief vavles.",
                "pressure relief vavles",
            ),
            ("Check all limit swiches.", "limit swiches"),
            ("Replace all circuit breakes.", "circuit breakes"),
            // The singular as before.
            ("Check the limit swich.", "limit swich"),
        ] {
            assert_eq!(found(text), vec![garbled], "{text}");
        }
        for text in [
            "Check both pressure relief valves.",
            "Check all limit switches.",
            // "analysis" is a word, not a plural "analysi" one slip from "analyst".
            "the data analysis was done",
            // Another number of an English word is no slip of a glossary word.
            "the limit switched off",
            // Nor letters and a plural "s" added to a word.
            "the tracefs file",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
        assert_eq!(
            spans_and_damage(glossary, "all limit swiches"),
            [("limit swiches".to_string(), Damage::Misspelling)]
        );
    }

    /// "-er" and "-or" sound alike: writing one for the other is a slip, not another word,
    /// unless both are English words.
    #[test]
    fn er_for_or_is_a_slip_unless_both_are_words() {
        let glossary = "id,preferred\ndmel,Drosophila melanogaster\ncap,parallel-plate capacitor\n\
                        res,load resistor\n";
        let found = |text: &str| found_texts(glossary, text);
        assert_eq!(
            found("Drosophila melanogastor larvae"),
            vec!["Drosophila melanogastor"]
        );
        assert_eq!(
            found("A parallel-plate capaciter was charged."),
            vec!["parallel-plate capaciter"]
        );
        // "resister" is a word of its own.
        assert_eq!(found("a load resister"), Vec::<String>::new());
    }

    /// A document's free use of a word in the other number makes that number grammar in a
    /// common noun, but says nothing of a name written with its capitals and its other words
    /// exact.
    #[test]
    fn free_use_of_a_word_excuses_no_slip_inside_a_name() {
        let glossary = "id,preferred\nsamr,State Administration for Market Regulation\n\
                        xinhua,Xinhua News Agency\nmra,market regulation authority\n";
        let free = "New regulations came. The regulations are new, and new regulations \
                    follow the old regulations. ";
        let found = |text: &str| found_texts(glossary, &format!("{free}{text}"));
        assert_eq!(
            found("The State Administration for Market Regulations said."),
            vec!["State Administration for Market Regulations"]
        );
        assert_eq!(found("Xinhua New Agency said."), vec!["Xinhua New Agency"]);
        // Without the name's capitals it is no name; a common noun's number is grammar.
        for text in [
            "the state administration for market regulations said.",
            "the market regulations authority said.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }

    /// A word a common noun capitalises after its first is a proper part of it ("Warring
    /// States period"): free use of the common word ("state") excuses no other number there,
    /// the term's other words exact and with their capitals. The common noun's head still
    /// inflects, and in small letters the words are the document's own.
    #[test]
    fn free_use_of_a_word_excuses_no_slip_inside_a_proper_part() {
        let glossary = "id,preferred\nwarring,Warring States period\n";
        let free = "Each state kept its own calendar, and no state recognised another state. ";
        let found = |text: &str| found_texts(glossary, &format!("{free}{text}"));
        assert_eq!(
            found("The Warring State period saw the codification of law."),
            vec!["Warring State period"]
        );
        for text in [
            "The Warring States periods are compared.",
            "The warring state period saw reforms.",
            "By the late Warring States period, the state of Qin was strong.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }

    /// A modifier of a longer term in another number is a slip where the document rarely
    /// writes that spelling; where it writes it freely ("more loans", "mortgage loans"), the
    /// spelling is the document's own, inside the term too. Counting its uses beside the
    /// term's words instead was tried: checking every frequent plural beside a rare
    /// neighbour cost a quarter more time on the 50 MB benchmark.
    #[test]
    fn a_modifier_in_another_number_is_a_slip_where_the_document_rarely_writes_it() {
        let glossary = "id,preferred\nlpr,loan prime rate\nrrr,reserve requirement ratio\n\
                        fai,fixed asset investment project\nrv,return value\n";
        let found = |text: &str| found_texts(glossary, text);
        assert_eq!(
            found("The loans prime rate fell."),
            vec!["loans prime rate"]
        );
        for text in [
            "Fixed assets grew, and the fixed assets were sold; other fixed assets remain. \
             The fixed assets investment project was approved.",
            "It returns 0. It returns early on error. Then it returns value of the register.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }

    /// A common noun written with a hyphen is the same English, before a noun or not: a
    /// compound modifier ("a flood-control plan"), and a compound noun many writers and most
    /// technical texts hyphenate ("the command-line", "on the flood-season", the
    /// "clock-names" property of a device tree). Reporting it where no noun follows flagged
    /// thousands of such words in 50 MB of kernel documentation; names keep their hyphens.
    #[test]
    fn a_hyphen_added_to_a_common_noun_is_no_damage() {
        let glossary = "id,preferred\nfs,flood season\nwl,warning water level\n\
                        fc,flood control\ncn,clock names\ncl,command line\n\
                        sftu,Shanghai Federation of Trade Unions\n";
        assert_near_misses(
            glossary,
            &[
                "The city adopted a flood-control plan.",
                "The flood-season started early.",
                "The warning water-level at Jiujiang was not exceeded.",
                "It needs flood-control.",
                "List them in clock-names: one per clock.",
                "Pass it on the command-line.",
            ],
            &[(
                "The Shanghai Federation of Trade-Unions met.",
                "Shanghai Federation of Trade-Unions",
                Damage::Hyphenation,
            )],
        );
    }

    /// A word heading a phrase inside a term ("shareholders of the listed company") has the
    /// term's number however freely the document uses the other; a word modifying the next
    /// one, or at the term's edge, may be written in the number the document uses.
    #[test]
    fn free_use_of_a_word_excuses_no_slip_of_number_inside_a_term() {
        let glossary = "id,preferred\n\
                        np,net profit attributable to shareholders of the listed company\n\
                        hold,controlling shareholder\n\
                        fai,fixed asset investment project\n\
                        cfo,statement of profit and loss\n\
                        share,shares held by the controlling shareholders\n";
        let free = "The controlling shareholder pledged shares. Each shareholder may attend. \
                    Fixed assets grew, and the fixed assets were sold; other fixed assets \
                    remain. A profits warning came, and profits fell, though profits rose. ";
        let found = |text: &str| found_texts(glossary, &format!("{free}{text}"));
        for text in [
            "Net profit attributable to shareholder of the listed company was RMB 3 million.",
            "See the statement of profits and loss.",
        ] {
            let garbled = text
                .split(" was")
                .next()
                .unwrap()
                .split(" rose")
                .next()
                .unwrap();
            let garbled = garbled.strip_prefix("See the ").unwrap_or(garbled);
            assert_eq!(found(text), vec![garbled.trim_end_matches('.')], "{text}");
        }
        for text in [
            // A modifier before a noun, in the number the document uses.
            "The fixed assets investment project was approved.",
            // At the term's edge.
            "These are shares held by the controlling shareholder of the bank.",
            // Another word of the term differs too: not the term written out.
            "Net profit attributable to shareholder of a listed company was RMB 3 million.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }

    /// The plural of the word before a number followed by more numbers names a numbered set,
    /// as its singular before one number names one member.
    #[test]
    fn a_plural_before_coordinated_numbers_names_a_numbered_set() {
        let glossary = "id,preferred,case\nx200,Model X200,name\nart5,Article 5,name\n";
        let found = |text: &str| found_texts(glossary, text);
        for text in [
            "Models X200 and X300 share the same pump.",
            "MODELS X200 AND X300 DIMENSIONS",
            "Models X200, X300 and X400 are sold.",
            "Models X200 to X300 are sold.",
            "as Articles 5 and 6 say",
            "as Articles 5\u{2013}7 say",
            "as Articles 5, 6 and 9 say",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
        for (text, garbled) in [
            ("Models X200 share the same pump.", "Models X200"),
            ("Models X200 and other pumps.", "Models X200"),
            ("as Articles 5 say", "Articles 5"),
        ] {
            assert_eq!(found(text), vec![garbled], "{text}");
        }
    }

    /// Identifiers of one kind after a plural name several members of a set, whether in
    /// figures, Roman numerals or capital letters; a plural before one identifier, or before
    /// a word of another kind, is the name's number damaged.
    #[test]
    fn a_plural_before_coordinated_numerals_or_letters_names_a_numbered_set() {
        let glossary = "id,preferred,admitted,case\n\
                        phase-2,Phase II,Phase 2,name\n\
                        phase-1,Phase I,,name\n\
                        unit-a,Unit A,,name\n\
                        b3,Building 3,,name\n";
        let found = |text: &str| found_texts(glossary, text);
        for text in [
            "Owners in Phases II and III should collect their keys.",
            "Phases I, II and III are sold.",
            "Phases I and II are sold.",
            "Phases II\u{2013}IV open in May.",
            "Phases II to IV open in May.",
            "PHASES II AND III",
            "Phases 2 and 3 are sold.",
            "Units A\u{2013}C are let.",
            "Units A and B are let.",
            "Units A, B and C are let.",
            "Buildings 3 and 5 are closed.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
        for (text, garbled) in [
            ("Phases II will open in May.", "Phases II"),
            ("Phases II and more will open.", "Phases II"),
            // Another kind of word, or a numeral not written as one.
            ("Phases II and 7 will open.", "Phases II"),
            ("Phases II and iii will open.", "Phases II"),
            ("Phases II and IIII will open.", "Phases II"),
            ("Phases II and DID open.", "Phases II"),
            ("Units A and b are let.", "Units A"),
            ("Buildings 3 and C are closed.", "Buildings 3"),
        ] {
            assert_eq!(found(text), vec![garbled], "{text}");
        }
    }

    /// A quantifier of the things a name belongs to, after it, makes its plural head name
    /// several ("of both districts"); one owner after "of", named or not, does not.
    #[test]
    fn a_plural_head_before_a_counted_owner_is_grammar() {
        let glossary = "id,preferred,case\n\
                        arb,Labour Dispute Arbitration Commission,name\n\
                        sc,Standing Committee of the Shanghai Municipal People's Congress,name\n";
        let found = |text: &str| found_texts(glossary, text);
        for text in [
            "The Labour Dispute Arbitration Commissions of both districts met.",
            "The Labour Dispute Arbitration Commissions of the two cities met.",
            "The Labour Dispute Arbitration Commissions of all districts met.",
            "The Labour Dispute Arbitration Commissions of all the districts met.",
            "The Labour Dispute Arbitration Commissions in each district met.",
            "The Labour Dispute Arbitration Commissions of every county met.",
            "The Labour Dispute Arbitration Commissions of these three provinces met.",
            "The Labour Dispute Arbitration Commissions at all levels met.",
            "The Labour Dispute Arbitration Commissions of 16 districts met.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
        for (text, garbled) in [
            (
                "The Labour Dispute Arbitration Commissions of the district met.",
                "Labour Dispute Arbitration Commissions",
            ),
            (
                "The Labour Dispute Arbitration Commissions of Shanghai met.",
                "Labour Dispute Arbitration Commissions",
            ),
            (
                "The Labour Dispute Arbitration Commissions met in both districts.",
                "Labour Dispute Arbitration Commissions",
            ),
            (
                "The Labour Dispute Arbitration Commissions of both. Districts met.",
                "Labour Dispute Arbitration Commissions",
            ),
            (
                "The Labour Dispute Arbitration Commissions of any district met.",
                "Labour Dispute Arbitration Commissions",
            ),
            (
                "The Labour Dispute Arbitration Commissions of 2023 elections met.",
                "Labour Dispute Arbitration Commissions",
            ),
            (
                "The Labour Dispute Arbitration Commissions of 1 district met.",
                "Labour Dispute Arbitration Commissions",
            ),
            (
                "the Standing Committees of the Shanghai Municipal People's Congress of all districts",
                "Standing Committees of the Shanghai Municipal People's Congress",
            ),
        ] {
            assert_eq!(found(text), vec![garbled], "{text}");
        }
    }

    /// A name's plural head after a placeholder of a count, or after a word of quantity that
    /// takes a plural, is grammar; after "each", or with nothing before it, it is damage.
    #[test]
    fn a_plural_head_after_a_placeholder_or_a_quantity_word_is_grammar() {
        let glossary = "id,preferred,case\ngold,Gold Coin,name\nfeather,Phoenix Feather,name\n\
                        tianfu,Tianfu Coin,name\n";
        let found = |text: &str| found_texts(glossary, text);
        for text in [
            "You received {count} Gold Coins.",
            "You received {{count}} Gold Coins.",
            "You received {count, number} Gold Coins.",
            "You received %d Gold Coins.",
            "Got %1$s Phoenix Feathers.",
            "Got %s Phoenix Feathers.",
            "Got %count% Phoenix Feathers.",
            "Got {0} Phoenix Feathers.",
            "Not enough Gold Coins.",
            "You have no Gold Coins.",
            "Do you have any Gold Coins?",
            "It costs fewer Gold Coins.",
            "It costs a hundred Gold Coins.",
            "Got {0} Tianfu Coins.",
            // A name of ordinary words, bare in the plural, is a class.
            "Got % Gold Coins.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
        for (text, garbled) in [
            ("Each Gold Coins counts.", "Gold Coins"),
            ("The Gold Coins are here.", "Gold Coins"),
            ("Got % Tianfu Coins.", "Tianfu Coins"),
            ("Got {a} {b Tianfu Coins.", "Tianfu Coins"),
        ] {
            assert_eq!(found(text), vec![garbled], "{text}");
        }
    }

    /// A count stands in the name's sentence, right before it: a number ending the sentence
    /// or the paragraph before (a year, a page), or closing a bracket, counts nothing, and a
    /// unique entity after it is still one entity. A count wrapped over a line still counts.
    #[test]
    fn a_number_ending_the_sentence_before_counts_nothing() {
        let glossary = "id,preferred,case
mao,Mao Zedong,name
qing,Qing dynasty,
                        gold,Gold Coin,name
                        tianfu,Tianfu Coin,name
";
        let found = |text: &str| found_texts(glossary, text);
        for text in [
            "You received 50 Gold Coins.",
            "You received 50\nGold Coins.",
            "It cost three\nGold Coins.",
            "It cost 1,000 Gold Coins.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text:?}");
        }
        for (text, garbled) in [
            (
                "The party was founded in 1921.\n\nMao Zedongs reputation rose after 1949.",
                "Mao Zedongs",
            ),
            (
                "The party was founded in 1921. Mao Zedongs reputation rose.",
                "Mao Zedongs",
            ),
            (
                "See Schram, p. 45. Mao Zedongs letters survive.",
                "Mao Zedongs",
            ),
            ("The list (item 2) Mao Zedongs era.", "Mao Zedongs"),
            ("Chapter 3\n\nMao Zedongs early years", "Mao Zedongs"),
            ("It cost 50.\nTianfu Coins are rare.", "Tianfu Coins"),
        ] {
            assert_eq!(found(text), vec![garbled], "{text:?}");
        }
    }

    /// A part of a set ("one of", "each of the") counts the name after it, as a quantifier
    /// does; a name the document counts anywhere (up to the end of the block being checked)
    /// names a kind of thing, and its plural is grammar in the whole document. A name the
    /// document never counts, or counts only in another cell of a table, is one entity.
    #[test]
    fn a_name_the_document_counts_is_a_kind_of_thing() {
        let glossary =
            "id,preferred,admitted\nwhs,World Heritage Site,UNESCO World Heritage Site\n\
                        ns,National Scholarship,\nxinhua,Xinhua News Agency,\n";
        let found = |text: &str| found_texts(glossary, text);
        for text in [
            "The Mogao Caves are one of China's World Heritage Sites.",
            "Each of the National Scholarships is worth 8,000 yuan.",
            "Two of its World Heritage Sites are in Gansu.",
            "National Scholarships were given. In all, 120 students won National Scholarships. \
             The university awarded 120 National Scholarships this year.",
            "World Heritage Sites in Gansu. Among the UNESCO World Heritage Sites of China, \
             Beijing has seven World Heritage Sites.",
            "The UNESCO World Heritage Sites of China. Beijing has seven UNESCO World Heritage \
             Sites.",
            // A name of ordinary words, bare in the plural, is a class.
            "National Scholarships were given. Beijing has seven World Heritage Sites.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text:?}");
        }
        for (text, garbled) in [
            (
                "China's World Heritage Sites attract millions.",
                vec!["World Heritage Sites"],
            ),
            // "Heritage" reads as pinyin ("he ri ta ge"), as a place's name might: bare, the
            // plural is not taken for a class.
            (
                "one of, World Heritage Sites in Gansu",
                vec!["World Heritage Sites"],
            ),
            (
                "one of, the World Heritage Sites in Gansu",
                vec!["World Heritage Sites"],
            ),
            (
                "The National Scholarships were given. Beijing has seven World Heritage Sites.",
                vec!["National Scholarships"],
            ),
            (
                "The Xinhua News Agencies reported. It won two National Scholarships.",
                vec!["Xinhua News Agencies"],
            ),
            (
                "Awards\t120\nNational Scholarships\t3\nThe National Scholarships were given.",
                vec!["National Scholarships", "National Scholarships"],
            ),
        ] {
            assert_eq!(found(text), garbled, "{text:?}");
        }
        // A number after a noun labels it.
        let labels = "id,preferred\ncpl,Civil Procedure Law\n";
        assert_eq!(
            found_texts(labels, "Article 122 of the Civil Procedure Laws applies."),
            ["Civil Procedure Laws"]
        );
        // What one document counts says nothing of the next.
        let glossary = Glossary::from_csv_text(glossary, "g.csv").unwrap();
        let exact = TermMatcher::new(&glossary);
        let index = FuzzyIndex::new(&glossary, DEFAULT_THRESHOLD);
        let mut cache = WordCache::default();
        let find = |text: &str, cache: &mut WordCache| {
            cache.start_document();
            let norm = normalize(text, true);
            let mut fed = exact.fed_by_words(&norm, text);
            index.find(&norm, text, &mut fed, cache).len()
        };
        assert_eq!(find("It won 12 National Scholarships.", &mut cache), 0);
        assert_eq!(find("The National Scholarships were given.", &mut cache), 1);
    }

    /// A number in another cell of a table (after a tab or a run of spaces) is neither the
    /// number of a numbered set after a name nor a count before it: a transcript's credits
    /// and scores. Nor is a decimal a member's number. In prose, or wrapped over a line, the
    /// number and the name go together.
    #[test]
    fn a_number_in_another_column_is_not_the_terms_number() {
        let glossary = "id,preferred,case\nds,Data Structures,name\nam,Advanced Mathematics,name\n\
                        la,Linear Algebra,name\nias,International Accounting Standards,name\n";
        let found = |text: &str| found_texts(glossary, text);
        for text in [
            "under International Accounting Standard 18 today",
            "under International Accounting Standard\n18 today",
            "They passed two\nLinear Algebras courses.",
            "They passed 2 Linear Algebras exams.",
            "Linear Algebra\t3\t81\nData Structures\t4\t88",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text:?}");
        }
        for (text, garbled) in [
            ("Course\tCredit\nData Structure\t4\t88", "Data Structure"),
            ("Data Structure    4    88", "Data Structure"),
            ("Advanced Mathematic   5.0   92", "Advanced Mathematic"),
            (
                "He passed Advanced Mathematic 5.0 with honours.",
                "Advanced Mathematic",
            ),
            (
                "Data Structures\t4\t88\nLinear Algebras\t3\t81",
                "Linear Algebras",
            ),
            (
                "Data Structures  4  88\nLinear Algebras  3  81",
                "Linear Algebras",
            ),
            ("Data Structures 4  88 Linear Algebras", "Linear Algebras"),
            (
                "under International Accounting Standard\t18\t2019",
                "International Accounting Standard",
            ),
        ] {
            assert_eq!(found(text), vec![garbled], "{text:?}");
        }
    }

    /// A common noun made of a verb and an adverb particle, written open, is the phrasal verb
    /// ("top up" of "top-up"); inside a longer term, or in a name, the hyphen lost is damage.
    #[test]
    fn a_hyphenated_noun_of_a_particle_written_open_is_the_phrasal_verb() {
        let glossary = "id,preferred\ntop-up,top-up\ncheck-in,check-in counter\n\
                        rollout,roll-out\nfollow,Follow-Up Review\nlogin,Log-In\n";
        let found = |text: &str| found_texts(glossary, text);
        for text in [
            "Not enough gems. Top up now?",
            "You can top up with WeChat Pay.",
            "We roll out the update today.",
            "Top-up successful.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
        for (text, garbled) in [
            ("Go to the check in counter.", "check in counter"),
            ("The Follow Up Review starts.", "Follow Up Review"),
            ("Press Log In to start.", "Log In"),
        ] {
            assert_eq!(found(text), vec![garbled], "{text}");
        }
    }

    /// A compound the glossary hyphenates whole, written open where it modifies no noun, is
    /// the phrase English writes there; before a noun it modifies, after a determiner (a noun
    /// phrase: the compound noun), inside a longer term or in a name, the hyphen lost is damage.
    #[test]
    fn a_compound_modifier_written_open_where_it_modifies_no_noun_is_english() {
        let glossary = "id,preferred\nsu,single-use\nwk,well-known\ncr,cross-reactivity\n\
                        syr,single-use sterile syringe\nph,Phase-II\n";
        let found = |text: &str| found_texts(glossary, text);
        for text in [
            "For single use only. Do not reuse.",
            "Single use",
            "Sterile. Single use only. Destroy after use.",
            "For single use; destroy after use.",
            "Sterile and single use.",
            "It is well known that it works.",
            "Cross reactivity: none found.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
        for (text, garbled) in [
            ("Use a single use syringe.", "single use"),
            ("Use single use gloves only.", "single use"),
            ("Each single use pack is sealed.", "single use"),
            ("The well known author came.", "well known"),
            (
                "There was no cross reactivity with HAV.",
                "cross reactivity",
            ),
            (
                "The test showed cross reactivity with HBV.",
                "cross reactivity",
            ),
            (
                "The single use sterile syringe is sealed.",
                "single use sterile syringe",
            ),
            ("The drug entered Phase II.", "Phase II"),
        ] {
            assert_eq!(found(text), vec![garbled], "{text}");
        }
    }

    /// A common noun the glossary writes in small letters, its hyphen or spacing changed in a
    /// run of capitalised words that goes on after it, is part of another name. A line in
    /// Title Case says nothing of names: it is judged as prose is.
    #[test]
    fn a_common_noun_inside_a_longer_title_case_run_is_another_name() {
        let glossary = "id,preferred\nzd,zero-day\nrt,real-time\nftu,Trade-Union Law\n";
        let found = |text: &str| found_texts(glossary, text);
        for text in [
            "The bug was reported through the Zero Day Initiative (ZDI).",
            "Zero Day Initiative researchers found it.",
            "It follows the Real Time Streaming Protocol.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
        for (text, garbled) in [
            ("Zero Day exploits are rising.", "Zero Day"),
            ("Attackers used a zero day exploit.", "zero day"),
            ("Zero Day Exploits Explained", "Zero Day"),
            (
                "Intro\nZero Day Exploits Explained\nAttackers use them.",
                "Zero Day",
            ),
            ("The Trade Union Law Committee met.", "Trade Union Law"),
            ("Use real time streaming.", "real time"),
        ] {
            assert_eq!(found(text), vec![garbled], "{text}");
        }
    }

    #[test]
    fn an_abbreviation_takes_a_small_s_in_the_plural() {
        let glossary = "id,preferred\nifrs,IFRS\nsdg,SDG\n";
        let found = |text: &str| found_texts(glossary, text);
        assert_eq!(
            found("The Group adopted IFRSs as issued."),
            Vec::<String>::new()
        );
        // Not in capitals, or another letter added: a slip.
        assert_eq!(found("The Group adopted Ifrss as issued."), vec!["Ifrss"]);
        assert_eq!(found("The Group adopted IFRSS as issued."), vec!["IFRSS"]);
    }

    #[test]
    fn very_long_words_are_compared_exactly_and_quickly() {
        let glossary = format!(
            "id,preferred\nlong,{}\nftu,Shanghai Federation of Trade Unions\n",
            "b".repeat(10_000)
        );
        let text = format!(
            "the Shanghai Federaton of Trade Unions {} said",
            "a".repeat(200_000)
        );
        let found = near_misses(&glossary, &text);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn bloom_filter_never_forgets_a_key() {
        let mut filter = BloomFilter::for_keys(20_000);
        let key = |s: String| SubstringHashes::of(s.as_bytes()).whole();
        let keys: Vec<u64> = (0..20_000).map(|i| key(format!("key{i}"))).collect();
        for &k in &keys {
            filter.insert(k);
        }
        assert!(keys.iter().all(|&k| filter.may_contain(k)));
        let strangers = (0..10_000)
            .filter(|i| filter.may_contain(key(format!("other{i}"))))
            .count();
        assert!(strangers < 500, "{strangers} false positives");
    }

    #[test]
    fn a_leading_article_goes_in_any_case_and_nothing_else_does() {
        assert_eq!(without_leading_article("the Jade Palace"), "Jade Palace");
        assert_eq!(without_leading_article("The Jade Palace"), "Jade Palace");
        assert_eq!(without_leading_article("A duke of Qin"), "duke of Qin");
        assert_eq!(without_leading_article("AN Order"), "Order");
        for kept in [
            "the",
            "the ...",
            "theme park",
            "thé dansant",
            "Ａ duke",
            "then some",
        ] {
            assert_eq!(without_leading_article(kept), kept);
        }
    }

    #[test]
    fn a_part_of_a_string_has_the_key_of_that_part_written_alone() {
        // `split_point` asks the vocabulary filter about parts of a word by these keys, and
        // the filter holds the glossary words' own keys: a mismatch would hide every split.
        for word in ["tradeunions", "windows11", "ünïcödé", "ab"] {
            let hashes = SubstringHashes::of(word.as_bytes());
            for a in 0..=word.len() {
                for b in a..=word.len() {
                    let alone = SubstringHashes::of(&word.as_bytes()[a..b]).whole();
                    assert_eq!(
                        SubstringHashes::mixed(hashes.parts().part(a, b)),
                        alone,
                        "{word} {a}..{b}"
                    );
                }
            }
        }
        let trade = SubstringHashes::of(b"trade").whole();
        assert_ne!(trade, SubstringHashes::of(b"unions").whole());
        assert_ne!(trade, SubstringHashes::of(b"trad").whole());
    }

    #[test]
    fn deletion_keys_are_the_hashes_of_the_strings_deletions_make() {
        let own = |s: &str| {
            let mut first = None;
            deletion_keys(s, false, |k| {
                first.get_or_insert(k);
            });
            first.expect("a word's own key comes first")
        };
        let delete = |s: &str, at: usize| {
            let mut out: String = s.chars().take(at).collect();
            out.extend(s.chars().skip(at + 1));
            out
        };
        for word in ["federation", "aab", "modernization", "ünïcödé-wörd", "x"] {
            for two in [false, true] {
                let mut got: Vec<u64> = Vec::new();
                deletion_keys(word, two, |k| got.push(k));
                let n = word.chars().count();
                let mut expected = vec![own(word)];
                for i in 1..n {
                    let once = delete(word, i);
                    expected.push(own(&once));
                    if two {
                        for j in i..n - 1 {
                            expected.push(own(&delete(&once, j)));
                        }
                    }
                }
                got.sort_unstable();
                expected.sort_unstable();
                assert_eq!(got, expected, "{word} {two}");
            }
        }
        // Different strings, different keys (the index would otherwise propose more words).
        assert_ne!(own("unions"), own("union"));
        assert_ne!(own("ab"), own("ba"));
    }

    #[test]
    fn a_short_word_is_held_padded_with_zeros() {
        let bytes: Vec<u8> = (1..=20).collect();
        for n in 0..=bytes.len() {
            let word = &bytes[..n];
            let expected = (n <= WordSlot::INLINE).then(|| {
                let mut padded = [0u8; 16];
                padded[..n].copy_from_slice(word);
                [
                    u64::from_le_bytes(padded[..8].try_into().unwrap()),
                    u64::from_le_bytes(padded[8..].try_into().unwrap()),
                ]
            });
            assert_eq!(
                WordKey::of(word, 0..n).bytes,
                expected.unwrap_or([0; 2]),
                "{n} bytes"
            );
            if let Some(expected) = expected {
                assert_eq!(WordKey::padded(word), expected, "{n} bytes");
            }
            // Read in place from a longer text, masked to the word.
            let mut text = word.to_vec();
            text.extend(std::iter::repeat_n(0xaa, 20));
            assert_eq!(
                WordKey::of(&text, 0..n),
                WordKey::of(word, 0..n),
                "{n} bytes"
            );
        }
    }

    /// Windows cut the text as blocks do: every near-miss is found once, wherever the cuts
    /// fall, in offsets of the whole text.
    #[test]
    fn a_text_searched_in_windows_gives_the_same_matches() {
        let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").unwrap();
        let exact = TermMatcher::new(&glossary);
        let index = FuzzyIndex::new(&glossary, DEFAULT_THRESHOLD);
        let sentences = [
            "The Shanghai Federaton of Trade Unions met.",
            "Délégués of the All China Federation of Trade Unions spoke.",
            "A Standnig Committee of the Shanghai Municipal People's Congress sat.",
            "She opened her We Chat account.",
            "The Guangdong Federation of Trade Unions was not there.",
            "The Leading Party Memebrs' Group agreed.",
        ];
        let text = sentences.join(" Other words come between the terms here. ");
        let norm = normalize(&text, true);
        let spans = |window: usize| {
            let mut fed = exact.fed_by_words(&norm, &text);
            let found =
                index.find_in_windows(&norm, &text, &mut fed, &mut WordCache::default(), window);
            // Searched in windows, the words are not offered: the matcher scans the text.
            assert_eq!(fed.finish(), exact.find(&norm, &text), "window {window}");
            found
                .iter()
                .map(|m| (m.normalized.clone(), m.concept))
                .collect::<Vec<_>>()
        };
        let whole = spans(usize::MAX);
        assert_eq!(whole.len(), 5, "{whole:?}");
        for window in [300, 301, 333, 400, 517, 1000] {
            assert_eq!(spans(window), whole, "window {window}");
        }
    }

    #[test]
    fn a_document_looks_each_word_up_once_and_counts_it() {
        let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").unwrap();
        let index = FuzzyIndex::new(&glossary, DEFAULT_THRESHOLD);
        let mut cache = WordCache::default();
        let text = "douyin douyni douyin trade unions douyin";
        let mut scratch = Scratch::default();
        let exact = TermMatcher::new(&glossary);
        let norm = normalize(text, true);
        let mut fed = exact.fed_by_words(&norm, text);
        index.prepare_words(text, 0, &mut scratch, &mut fed, &mut cache);
        count_active(
            &scratch.with_matches,
            &scratch.words,
            &(0..text.len()),
            &mut cache,
        );
        let words = &scratch.words;
        assert_eq!(cache.entries.len(), 4, "douyin, douyni, trade, unions");
        assert_eq!(words[0].entry, words[2].entry);
        assert_eq!(
            cache.stats[words[0].entry as usize].count_in(cache.document),
            3
        );
        assert!(words[1].has_matches(), "a typo of a glossary word");
    }

    /// The exact matcher fed the words garbled-term reads finds what its own scan finds: words
    /// after a possessive's "s", inside compounds, after other scripts, long words.
    #[test]
    fn exact_matches_fed_by_the_word_pass_are_the_matchers_own() {
        let glossary = Glossary::from_csv_text(
            &format!(
                "{GLOSSARY}s-bend,s bend,,,s-bends|s bends,\nstate,state objects,,,state objs,\n\
                 sys,kernel user,,,kernel-user|kerneluser,\nx,x,,,x-ray,\n"
            ),
            "g.csv",
        )
        .unwrap();
        let exact = TermMatcher::new(&glossary);
        let index = FuzzyIndex::new(&glossary, DEFAULT_THRESHOLD);
        let pieces = [
            "the ",
            "Shanghai Federation of Trade Unions",
            "'s ",
            "s bends",
            " x-ray ",
            "-",
            "kernel-user",
            " kernel user ",
            "state objs",
            "Délégués ",
            "中文",
            "WeChat",
            "'",
            "s",
            " ",
            ". ",
            "All-China Federation of Trade Unions",
            "x",
            "WeChat account",
            "—",
            "Municipal General Assembly",
            "members'",
            "xs",
            "\n",
            "Microsignal",
        ];
        let gaps = [" ", " ", "", "-", ", "];
        let mut cache = WordCache::default();
        let mut matches = 0;
        for text in pieced_texts(&pieces, &gaps, 0x9e37_79b9_7f4a_7c15, 2000, 20..60) {
            let norm = normalize(&text, true);
            let mut fed = exact.fed_by_words(&norm, &text);
            assert!(fed.wants_words());
            cache.start_document();
            index.find(&norm, &text, &mut fed, &mut cache);
            let expected = exact.find(&norm, &text);
            matches += expected.len();
            assert_eq!(fed.finish(), expected, "{text:?}");
        }
        assert!(matches > 2000, "{matches}");
    }

    /// Ruling candidates out by the words they can align with loses no near-miss: on texts of
    /// damaged and look-alike terms, the search finds what it finds aligning every window.
    #[test]
    fn candidates_ruled_out_unaligned_could_not_align() {
        let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").unwrap();
        let exact = TermMatcher::new(&glossary);
        let index = FuzzyIndex::new(&glossary, DEFAULT_THRESHOLD);
        let pieces = [
            "the ",
            "Shanghai Federaton of Trade Unions",
            "Federation of the Trade Unions",
            "Shanghai Trade Unions Federation",
            "Guangdong Federation of Trade Unions",
            "trade unions at all levels",
            "All China Federation Trade Unions",
            "Standnig Committee of the Municipal People's Congress",
            "Leading Party Member Group",
            "16th National Congress of Chinese Trade Unions",
            "18th National Congres of Chinese Trade Unions",
            "We Chat acount",
            "model worker",
            "Workers Daily",
            "two factor authentication",
            "authentication with two factors",
            "memory spaces",
            "great craftsman of China",
            "National May 1 Labour Medal",
            "of",
            "and",
            "Shanghai",
            "Trade",
            "Unions",
            "Congress",
            "2024",
            ". ",
        ];
        let gaps = [" ", " ", " ", "-", ", "];
        let mut cache = WordCache::default();
        let mut found = 0;
        for text in pieced_texts(&pieces, &gaps, 0x2545_f491_4f6c_dd1d, 1500, 4..16) {
            let norm = normalize(&text, true);
            let mut search = |shortcuts: bool| {
                SHORTCUTS.set(shortcuts);
                cache.start_document();
                let mut fed = exact.fed_by_words(&norm, &text);
                let found = index.find(&norm, &text, &mut fed, &mut cache);
                SHORTCUTS.set(true);
                found
            };
            let with = search(true);
            assert_eq!(with, search(false), "{text:?}");
            found += with.len();
        }
        assert!(found > 1500, "{found}");
    }

    /// The table of words grows past its first size and still finds every word, long ones
    /// (held outside their slots) too.
    #[test]
    fn every_word_keeps_its_entry_as_the_table_grows() {
        let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").unwrap();
        let index = FuzzyIndex::new(&glossary, DEFAULT_THRESHOLD);
        let exact = TermMatcher::new(&glossary);
        let norm = normalize("", true);
        let fed = exact.fed_by_words(&norm, "");
        let mut cache = WordCache::default();
        let words: Vec<String> = (0..3 * INITIAL_SLOTS)
            .map(|i| match i % 3 {
                0 => format!("w{i}"),
                1 => format!("a-rather-long-word-number-{i}"),
                _ => "x".repeat(1 + i % 300) + &i.to_string(),
            })
            .collect();
        let ids: Vec<u32> = words
            .iter()
            .map(|w| index.entry_out_of_line(w, &fed, &mut cache).0)
            .collect();
        assert_eq!(cache.entries.len(), words.len());
        assert!(cache.slots.len() >= 2 * words.len());
        for (word, &id) in words.iter().zip(&ids) {
            assert_eq!(
                index.entry_out_of_line(word, &fed, &mut cache).0,
                id,
                "{word}"
            );
            assert_eq!(cache.text(id), word);
        }
        assert_eq!(cache.entries.len(), words.len(), "no word entered twice");
    }

    #[test]
    fn endings_and_lemmas() {
        assert!(other_ending("employers", "employees"));
        assert!(other_ending("reporter", "reported"));
        assert!(!other_ending("managemment", "management"));
        assert!(!other_ending("agencv", "agency"));
        // Endings that sound alike are one word misspelt.
        assert!(!other_ending("resistence", "resistance"));
        assert!(!other_ending("independant", "independent"));
        assert!(!other_ending("responsable", "responsible"));
        // So do "-er" and "-or", unless both words are English.
        assert!(!other_ending("capaciter", "capacitor"));
        assert!(!other_ending("melanogastor", "melanogaster"));
        assert!(!other_ending("conducters", "conductors"));
        assert!(other_ending("censor", "censer"));
        assert!(other_ending("resistor", "resister"));
        assert!(other_ending("confidant", "confident"));
        assert!(other_ending("resistor", "resistance"));
        // An adjective in "-ic" of a noun in "-y".
        assert!(other_ending("chromatographic", "chromatography"));
        assert!(other_ending("geography", "geographic"));
        assert!(!other_ending("chromatogrphy", "chromatography"));
        assert!(other_ending("chlorite", "chloride"));
        assert!(other_ending("sulfates", "sulfites"));
        // An English word and a word derived from it by an ending are two words; a string
        // that is no word is a letter lost.
        assert!(other_ending("exchange", "exchanger"));
        assert!(other_ending("employer", "employ"));
        assert!(other_ending("press", "pressure"));
        assert!(!other_ending("controlle", "controller"));
        assert!(!other_ending("federatio", "federation"));
        assert!(!other_ending("exchangerr", "exchanger"));
        // Bytes in common that end inside a character.
        assert!(!other_ending("straßen", "straéen"));
        assert!(same_lemma("congresses", "congress"));
        assert!(same_lemma("caches", "cache"));
        assert!(!same_lemma("congress", "congo"));
    }
}
