//! Grammatical number of English nouns, by their regular endings: the singular of a plural
//! ("unions", "bodies", "chairmen", "congresses") and the plural of a singular.
//!
//! A glossary lists a rendering in one number; text uses it in both. garbled-term and
//! inconsistent-term compare words by their singular ([`lemma`]); the exact rules match a
//! deprecated or forbidden variant in the plural too ([`variant_in_plural`]), and suggest the
//! approved rendering in the plural then ([`in_number`]).

use std::borrow::Cow;

use smallvec::SmallVec;

use crate::dictionary::{self, is_english_word};
use crate::normalize::count_as_words;
use crate::pinyin::reads_as_pinyin;

/// Singular or plural.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    /// One.
    Singular,
    /// More than one.
    Plural,
}

impl Number {
    /// "singular" or "plural".
    pub fn as_str(self) -> &'static str {
        match self {
            Number::Singular => "singular",
            Number::Plural => "plural",
        }
    }
}

/// The word without a plural ending, so that "unions" and "union", "chairmen" and "chairman",
/// "competitions" and "competition" compare equal.
/// Borrowed from the word unless an ending changes ("bodies", "chairmen"): every new word of a
/// text is asked.
#[inline]
pub fn lemma(word: &str) -> Cow<'_, str> {
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        return Cow::Owned(format!("{}y", &word[..n - 3]));
    }
    if n > 3 && word.ends_with("men") {
        return Cow::Owned(format!("{}man", &word[..n - 3]));
    }
    // Nouns in "-eau" take "-s" or "-x" ("bureaus", "plateaux"): "-us" is no plural otherwise.
    if n > 4 && (word.ends_with("eaus") || word.ends_with("eaux")) {
        return Cow::Borrowed(&word[..n - 1]);
    }
    if n > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return Cow::Borrowed(&word[..n - 1]);
    }
    Cow::Borrowed(word)
}

/// The word's possible singular forms: [`lemma`], and for "-es" plurals the word without "es"
/// ("congresses", "boxes", "churches"), since spelling alone cannot tell "caches" from them.
pub fn lemma_keys(word: &str) -> SmallVec<[Cow<'_, str>; 2]> {
    let mut keys = regular_lemma_keys(word);
    // A classical plural stands for its singular's key: "analyses" for "analysis", whose key
    // is "analysi".
    for singular in classical_singulars(word) {
        let key = lemma(singular);
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// [`lemma_keys`] by the regular endings alone.
fn regular_lemma_keys(word: &str) -> SmallVec<[Cow<'_, str>; 2]> {
    let mut keys = SmallVec::new();
    keys.push(lemma(word));
    if word.len() > 4 && word.ends_with("es") {
        let stem = &word[..word.len() - 2];
        if takes_es(stem) {
            keys.push(Cow::Borrowed(stem));
        } else if let Some(one) = hissing_singular(word) {
            // "gases", "buses", "atlases": the singular's own key, which is "gas", "bus" and
            // "atla" ([`lemma`] reads the final "s" of a long word as a plural's).
            let key = lemma(one);
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

/// The singular of a plural in "-es" of a noun that ends in a single "s" or "z" ("gases",
/// "buses", "bonuses", "atlases", "lenses", "waltzes"), or doubles it ("quizzes"). Spelling
/// alone cannot tell these from the plurals in "-s" of nouns in "-se" and "-ze" ("cases",
/// "houses", "sizes"), nor from "uses" of "us": the dictionary is asked, of these words
/// alone. The singular must be an English word, and the form in "-e" none.
fn hissing_singular(word: &str) -> Option<&str> {
    let stem = word.strip_suffix("es")?;
    let last = *stem.as_bytes().last()?;
    // Three letters at least: "us" and "is" make no plural here.
    if !matches!(last, b's' | b'z') || stem.len() < 3 || takes_es(stem) {
        return None;
    }
    let with_e = &word[..word.len() - 1];
    if is_english_word(with_e) {
        return None;
    }
    if is_english_word(stem) {
        return Some(stem);
    }
    // A doubled final consonant ("quizzes", "fezzes"), of a singular that does not double it.
    let single = &stem[..stem.len() - 1];
    (stem.len() > 3 && stem.as_bytes()[stem.len() - 2] == last && is_english_word(single))
        .then_some(single)
}

/// Plurals that Latin and Greek endings make, as (singular ending, plural ending):
/// "bacterium"/"bacteria", "criterion"/"criteria", "analysis"/"analyses", "larva"/"larvae",
/// "nucleus"/"nuclei", "index"/"indices", "matrix"/"matrices", "schema"/"schemata",
/// "knife"/"knives", "leaf"/"leaves"; and old English plurals, as
/// whole words or the ends of compounds ("mouse"/"mice", "forefoot"/"forefeet"). Spelling
/// alone would take "bacteria" for a misspelt "bacterium". Either way the dictionary must know
/// the singular.
const CLASSICAL_ENDINGS: &[(&str, &str)] = &[
    ("um", "a"),
    ("on", "a"),
    ("is", "es"),
    ("a", "ae"),
    ("us", "i"),
    ("ex", "ices"),
    ("ix", "ices"),
    ("ma", "mata"),
    ("f", "ves"),
    ("fe", "ves"),
    ("mouse", "mice"),
    ("louse", "lice"),
    ("goose", "geese"),
    ("tooth", "teeth"),
    ("foot", "feet"),
    ("child", "children"),
    ("ox", "oxen"),
];

/// Whether a singular ending of [`CLASSICAL_ENDINGS`] is an old English word, whose regular
/// "plural" is a verb's form if anything ("mouses", "foots").
fn is_old_english(one: &str) -> bool {
    one.len() > 2
}

/// The shortest stem a Latin or Greek ending is taken from: "vices" is no plural of a "vex".
const SHORTEST_CLASSICAL_STEM: usize = 2;

/// Whether a stem of `stem_len` bytes before the singular ending `one` makes a word: a whole
/// old English word may have none.
fn classical_stem_fits(one: &str, stem_len: usize) -> bool {
    stem_len >= SHORTEST_CLASSICAL_STEM || is_old_english(one)
}

/// The longest word a classical ending is looked for in: longer ones are no nouns.
const LONGEST_CLASSICAL_WORD: usize = 40;

/// Whether a singular ending of [`CLASSICAL_ENDINGS`] fits `stem`: "-ion" words from verbs
/// ("federation", "decision") take the regular plural.
fn classical_ending_fits(stem: &str, one: &str) -> bool {
    classical_stem_fits(one, stem.len())
        && !(one == "on" && (stem.ends_with("ti") || stem.ends_with("si")))
        // Greek "-is" nouns are "-sis" and "axis": most words in "-es" are plurals in "-s"
        // or "-es" of nouns of their own ("changes", "boxes").
        && (one != "is" || stem.ends_with(['s', 'x']))
}

/// `word` without `ending`, if it ends so: compared byte by byte, as the endings are a few
/// letters and every new word of a text is asked.
#[inline]
fn strip_ending<'w>(word: &'w str, ending: &str) -> Option<&'w str> {
    let (w, e) = (word.as_bytes(), ending.as_bytes());
    let at = w.len().checked_sub(e.len())?;
    let same = w[at..].iter().zip(e).all(|(a, b)| a == b);
    // The ending is ASCII: `at` is a char boundary when the bytes after it are the ending's.
    same.then(|| &word[..at])
}

/// `stem` followed by `ending` as the dictionary holds it, if it is an English word; made in a
/// buffer on the stack, since every new word of a text is asked.
fn english_with_ending(stem: &str, ending: &str) -> Option<&'static str> {
    let mut buffer = [0u8; LONGEST_CLASSICAL_WORD + 8];
    let len = stem.len() + ending.len();
    if len > buffer.len() {
        return None;
    }
    buffer[..stem.len()].copy_from_slice(stem.as_bytes());
    buffer[stem.len()..len].copy_from_slice(ending.as_bytes());
    std::str::from_utf8(&buffer[..len])
        .ok()
        .and_then(dictionary::english_word)
}

/// The singulars of `word` (in small letters) by a classical ending (see [`CLASSICAL_ENDINGS`])
/// that the dictionary knows: the plural is often a scholar's word it does not ("moduli").
fn classical_singulars(word: &str) -> SmallVec<[&'static str; 1]> {
    let mut singulars = SmallVec::new();
    let Some(&last) = word.as_bytes().last() else {
        return singulars;
    };
    if word.len() > LONGEST_CLASSICAL_WORD {
        return singulars;
    }
    // Most words end in none of the endings: those that end as a plural ending may, and are
    // looked at further.
    if !matches!(last, b'a' | b'e' | b'i' | b's' | b'h' | b't' | b'n') {
        return singulars;
    }
    for (one, many) in CLASSICAL_ENDINGS {
        if many.as_bytes().last() != Some(&last) {
            continue;
        }
        let Some(stem) = strip_ending(word, many) else {
            continue;
        };
        if !classical_ending_fits(stem, one) {
            continue;
        }
        if let Some(singular) = english_with_ending(stem, one) {
            if !singulars.contains(&singular) {
                singulars.push(singular);
            }
        }
    }
    singulars
}

/// Whether `a` and `b` (in small letters) are two numbers of one word by a classical ending
/// ("data" and "datum", "criteria" and "criterion"), not by a regular one.
pub fn classical_numbers_of_one_word(a: &str, b: &str) -> bool {
    classical_singulars(a).contains(&b) || classical_singulars(b).contains(&a)
}

/// The plurals of a singular word in small letters: an old English one alone ("mice"); else
/// the regular one ([`plural`]) first if the dictionary knows it, then those of a Latin or
/// Greek ending, then the regular one if it is unknown: "bacteria" before "bacteriums",
/// "formulas" before "formulae".
fn plurals(word: &str) -> SmallVec<[String; 2]> {
    let regular = plural(word);
    let (classical, old_english) = classical_plurals(word);
    if old_english {
        return classical;
    }
    let mut all = SmallVec::new();
    let regular_known = classical.is_empty() || is_english_word(&regular);
    if regular_known {
        all.push(regular.clone());
    }
    all.extend(classical.into_iter().filter(|p| *p != regular));
    if !regular_known {
        all.push(regular);
    }
    all
}

/// The plurals of `word` (a singular in small letters) by a classical ending that the
/// dictionary knows ("bacteria", "mice"; "formulae" beside the regular "formulas"), and
/// whether one is old English.
fn classical_plurals(word: &str) -> (SmallVec<[String; 2]>, bool) {
    let mut plurals = SmallVec::new();
    let mut old_english = false;
    let endings = CLASSICAL_ENDINGS.iter().filter_map(|(one, many)| {
        let stem = strip_ending(word, one)?;
        classical_ending_fits(stem, one).then_some((stem, one, many))
    });
    let mut known = None;
    for (stem, one, many) in endings {
        if !*known.get_or_insert_with(|| is_english_word(word)) {
            break;
        }
        if let Some(plural) = english_with_ending(stem, many) {
            if !plurals.iter().any(|p| p == plural) {
                old_english |= is_old_english(one);
                plurals.push(plural.to_string());
            }
        }
    }
    (plurals, old_english)
}

/// Whether two words are numbers of one word.
pub fn same_lemma(a: &str, b: &str) -> bool {
    let b_keys = lemma_keys(b);
    lemma_keys(a).iter().any(|k| b_keys.contains(k))
}

/// Whether a singular ending so takes "-es" for its plural ("congress", "box", "church").
fn takes_es(stem: &str) -> bool {
    stem.ends_with("ss") || stem.ends_with('x') || stem.ends_with("ch") || stem.ends_with("sh")
}

/// The regular plural of a singular word in small letters: "-ies" after a consonant and "y",
/// "-es" after a hissing ending, "-s" otherwise.
pub fn plural(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('y') {
        if stem
            .chars()
            .next_back()
            .is_some_and(|c| !"aeiou".contains(c))
        {
            return format!("{stem}ies");
        }
    }
    if takes_es(word) || word.ends_with('s') || word.ends_with('z') {
        return format!("{word}es");
    }
    format!("{word}s")
}

/// The word's singular forms if it reads as a plural: the endings [`lemma_keys`] takes off,
/// and, if the word is English, only singulars that are English too ("tennis" is no plural).
fn singulars(word: &str) -> Vec<String> {
    let classical = classical_singulars(word);
    let mut keys = regular_lemma_keys(word);
    keys.retain(|k| *k != word && !classical.iter().any(|&c| lemma(c) == *k));
    // The dictionary is asked only of words with a plural ending: a glossary's are few.
    if !keys.is_empty() && is_english_word(word) {
        keys.retain(|k| is_english_word(k));
    }
    // A classical singular first: "analyses" reads as a plural of "analysis" before one of the
    // verb "analyse", "theses" of "thesis" before "these".
    let mut singulars: Vec<String> = classical.iter().map(|c| c.to_string()).collect();
    // A hissing singular as the dictionary writes it: its key may have lost its "s" ("atla").
    if let Some(one) = hissing_singular(word) {
        keys.retain(|k| *k != lemma(one));
        if !singulars.iter().any(|s| s == one) {
            singulars.push(one.to_string());
        }
    }
    for k in keys {
        if !singulars.iter().any(|s| *s == k) {
            singulars.push(k.into_owned());
        }
    }
    singulars
}

/// The number a word in small letters reads as.
pub fn number_of(word: &str) -> Number {
    if singulars(word).is_empty() {
        Number::Singular
    } else {
        Number::Plural
    }
}

/// Prepositions that end the head of a noun phrase: the word before one carries the phrase's
/// number ("letter" in "letter of credit", "earnings" in "earnings per share", "price" in
/// "price versus volume"). Words that are as often adverb particles of a compound written open
/// are left out ("left behind children", "drive through window", "mark up", "cut off"), as
/// are those that are nouns too ("till", "round", "past") and conjunctions ("than", "but").
/// Sorted.
pub const HEAD_ENDING_PREPOSITIONS: &[&str] = &[
    "about",
    "above",
    "after",
    "against",
    "amid",
    "amidst",
    "among",
    "amongst",
    "as",
    "at",
    "before",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "by",
    "despite",
    "during",
    "except",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "onto",
    "over",
    "per",
    "since",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "underneath",
    "unlike",
    "until",
    "upon",
    "versus",
    "via",
    "vs",
    "with",
    "within",
    "without",
];

/// The length of the longest of [`HEAD_ENDING_PREPOSITIONS`]: longer words are none.
const LONGEST_PREPOSITION: usize = {
    let (mut i, mut longest) = (0, 0);
    while i < HEAD_ENDING_PREPOSITIONS.len() {
        if HEAD_ENDING_PREPOSITIONS[i].len() > longest {
            longest = HEAD_ENDING_PREPOSITIONS[i].len();
        }
        i += 1;
    }
    longest
};

/// Whether `word`, in any case, is one of [`HEAD_ENDING_PREPOSITIONS`]; the full stop of an
/// abbreviation ("vs.") is no part of it.
pub fn ends_a_head(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    // Asked of every word of every rendering and of many a text's: the prepositions of its
    // length only, which the first letter mostly tells apart.
    static BY_LENGTH: std::sync::LazyLock<Vec<Vec<&'static str>>> =
        std::sync::LazyLock::new(|| {
            let mut by_length = vec![Vec::new(); LONGEST_PREPOSITION + 1];
            for p in HEAD_ENDING_PREPOSITIONS {
                by_length[p.len()].push(*p);
            }
            by_length
        });
    BY_LENGTH
        .get(word.len())
        .is_some_and(|ps| ps.iter().any(|p| word.eq_ignore_ascii_case(p)))
}

/// The position of the head among the words of a noun phrase (in any case): the word before
/// the first preposition that ends a head ([`ends_a_head`]), else the last word. A preposition
/// first is none, nor one joined to the word before by a hyphen (`hyphenated`):
/// "denial-of-service" is one word.
///
/// An adjective may stand after its noun, ending the phrase: "accounts payable", "notes
/// receivable", "taxes payable" have their head before it (see [`follows_its_noun`]).
pub fn head_position(words: &[&str], hyphenated: impl Fn(usize) -> bool) -> usize {
    let head = (1..words.len())
        .find(|&k| !hyphenated(k) && ends_a_head(words[k]))
        .map_or(words.len().saturating_sub(1), |k| k - 1);
    if head > 0 && !hyphenated(head) && follows_its_noun(words[head - 1], words[head]) {
        head - 1
    } else {
        head
    }
}

/// Endings of English adjectives and participles ("payable", "convertible", "martial",
/// "apparent", "pledged"); not "-ing", as a gerund is a noun ("sales training").
const ADJECTIVE_ENDINGS: &[&str] = &[
    "able", "ible", "al", "ic", "ant", "ent", "ive", "ous", "ary", "ory", "ed",
];

/// Whether `word` (in any case) is an adjective standing after `noun`, its head: `noun` a
/// plural noun ("accounts", whose singular is English) and `word` an English word that ends
/// as adjectives do ([`ADJECTIVE_ENDINGS`], not "-ment") and has no plural in the dictionary,
/// as no noun has ("payable": "payables" is no English word, where "variables",
/// "consumables" are). A plural noun modifies another seldom ("sales tax"), and then the
/// other is a noun. An adjective after a singular noun ("attorney general", "heir apparent")
/// cannot be told from a noun without a plural ("background music", "control logic").
pub fn follows_its_noun(noun: &str, word: &str) -> bool {
    let letters = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic());
    let ends_with = |w: &str, e: &str| {
        w.len() >= e.len() && w.as_bytes()[w.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
    };
    // Asked of every rendering's head, many times: the tests without the dictionary first. A
    // plural noun before its adjective takes a regular "s" ("accounts", "courts", "taxes").
    if !letters(noun)
        || !ends_with(noun, "s")
        || !letters(word)
        || word.len() > LONGEST_CLASSICAL_WORD
        || !ADJECTIVE_ENDINGS.iter().any(|e| ends_with(word, e))
        || ends_with(word, "ment")
    {
        return false;
    }
    let (noun, word) = (noun.to_ascii_lowercase(), word.to_ascii_lowercase());
    is_english_word(&word)
        && number_of(&word) == Number::Singular
        && !plurals(&word).iter().any(|p| is_english_word(p))
        && singulars(&noun).iter().any(|s| is_english_word(s))
}

/// Splits a noun phrase (words between single spaces) around the word that carries its
/// number: its head (see [`head_position`]); of a hyphenated head, the last part ("mail" in
/// "e-mail"). Returns the text before, the word, and the text after.
pub fn split_head(phrase: &str) -> (&str, &str, &str) {
    let words: SmallVec<[&str; 8]> = phrase.split(' ').collect();
    let head = head_position(&words, |_| false);
    // The words are slices of `phrase` one space apart.
    let end = words[..=head].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
    let start = phrase[..end].rfind([' ', '-']).map_or(0, |i| i + 1);
    (&phrase[..start], &phrase[start..end], &phrase[end..])
}

/// Whether `rendering` (as written) names one thing: its head (see [`split_head`]) is
/// capitalised or holds a digit ("Trade Union Law", "Windows 11"), or the rendering is a name
/// of another language ([`named_in_another_language`]: "Camellia sinensis"). Other renderings
/// are common nouns and inflect, even after a capitalised modifier ("NPC representative", "DNA
/// chip", "Petri dish").
pub fn head_is_capitalised(rendering: &str) -> bool {
    let (_, head, _) = split_head(rendering);
    head.chars().any(|c| c.is_uppercase() || c.is_numeric()) || named_in_another_language(rendering)
}

/// Whether `rendering` (as written) is a name in another language: a capitalised word, then
/// words in small letters that are no English ([`no_english_word`]), its head among them. So
/// are scientific names, a genus and its epithet ("Nilaparvata lugens", "Camellia sinensis",
/// "E. coli"), and a product named for its place ("Xinhui chenpi"): the head ends as Latin
/// words do or reads as pinyin ("Linux distro" is English clipped). The head is no English noun
/// and has no English plural: "Spodoptera frugiperdas" is the name garbled. A capitalised word
/// before an English noun makes a common noun: "Petri dish", "Bunsen burners", "Kaggle
/// dataset".
pub fn named_in_another_language(rendering: &str) -> bool {
    // A capital and no other: "DNA", "GPU" before a word are abbreviations of English words.
    let capitalised = |word: &str| {
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        letters.next().is_some_and(char::is_uppercase) && !letters.any(char::is_uppercase)
    };
    // Most renderings have no capital, and are asked nothing of the dictionary.
    if !rendering.chars().any(char::is_uppercase) {
        return false;
    }
    let words: SmallVec<[&str; 8]> = rendering.split(' ').collect();
    let head = head_position(&words, |_| false);
    if head == 0 || !words[..head].iter().any(|w| capitalised(w)) {
        return false;
    }
    let foreign = |word: &str| {
        word.len() >= 2 && word.bytes().all(|b| b.is_ascii_lowercase()) && no_english_word(word)
    };
    if !foreign(words[head]) || !(reads_as_pinyin(words[head]) || ends_as_latin(words[head])) {
        return false;
    }
    let first_foreign = (0..head)
        .rev()
        .find(|&k| !foreign(words[k]))
        .map_or(0, |k| k + 1);
    first_foreign > 0 && capitalised(words[first_foreign - 1])
}

/// Endings of Latin nouns and adjectives, as the epithets and genera of scientific names end
/// ("lugens", "sinensis", "frugiperda", "barbarum", "coli", "niger", "elegans"). A clipped
/// English word missing from the dictionary ends otherwise ("repo", "distro", "virtualenv"),
/// and "Linux distros" is an English plural.
const LATIN_ENDINGS: &[&str] = &[
    "a", "ae", "i", "um", "us", "is", "es", "ens", "ans", "ex", "ix", "ax", "er", "ys",
];

fn ends_as_latin(word: &str) -> bool {
    LATIN_ENDINGS.iter().any(|ending| word.ends_with(ending))
}

/// Whether a word in small letters is none the dictionary knows, in either number, nor one
/// made as English nouns are ([`made_as_english_nouns_are`]) or of two English words
/// ("dataset", "keyspace").
fn no_english_word(word: &str) -> bool {
    if word.len() > LONGEST_CLASSICAL_WORD || is_english_word(word) {
        return false;
    }
    let singular = lemma(word);
    let two_words = || {
        (3..=word.len().saturating_sub(3))
            .filter(|&at| word.is_char_boundary(at))
            .any(|at| is_english_word(&word[..at]) && is_english_word(&word[at..]))
    };
    !is_english_word(&singular)
        && !made_as_english_nouns_are(word)
        && !made_as_english_nouns_are(&singular)
        && !two_words()
}

/// A normalized, case-folded rendering with its head in the plural (see [`split_head`]), if it
/// reads as a singular: "municipal general assemblies" for "municipal general assembly",
/// "e-mails" for "e-mail", "letters of credit" for "letter of credit".
///
/// Only this way round: the singular of a plural is often no noun of its own but a modifier of
/// the next one ("a run-time error", "the command-line interface"), correct where the plural
/// noun is not.
pub fn variant_in_plural(rendering: &str) -> Option<String> {
    variants_in_plural(rendering).into_iter().next()
}

/// Every form of [`variant_in_plural`]: a head may have two plurals ("formulas",
/// "formulae"), the first the one a suggestion takes.
pub fn variants_in_plural(rendering: &str) -> Vec<String> {
    other_number_any(rendering, true)
        .into_iter()
        .filter(|(_, number)| *number == Number::Plural)
        .map(|(form, _)| form)
        .collect()
}

/// A rendering as written in the glossary, in `number`: itself if it is in that number already,
/// else with its head inflected (see [`split_head`]), if that word is a common noun (no
/// capitals: the last word of a name does not carry the name's number, as in "Federation of
/// Trade Unions"), and the inflected word is English, or the word is none the dictionary knows
/// but made as English nouns are (see [`made_as_english_nouns_are`]: "exchanger", not the
/// French "majeure" of "force majeure"). An English word whose regular inflection is none is
/// uncountable ("firmware"). `None` when the rendering cannot be put in that number.
pub fn in_number(rendering: &str, number: Number) -> Option<String> {
    let (before, head, after) = split_head(rendering);
    if head.is_empty()
        || !head.bytes().all(|b| b.is_ascii_lowercase())
        || named_in_another_language(rendering)
    {
        return None;
    }
    if number_of(head) == number {
        return Some(rendering.to_string());
    }
    let inflected = match number {
        Number::Plural => plurals(head).into_iter().next(),
        Number::Singular => singulars(head).into_iter().next(),
    }?;
    inflects_so(head, &inflected, number).then(|| format!("{before}{inflected}{after}"))
}

/// Whether `inflected`, a form of `word` (both in small letters) in `number`, is one English
/// makes: an English word of an English word, or of a word the dictionary does not know, one
/// made as English nouns are (see [`made_as_english_nouns_are`]). An English word whose
/// regular plural the dictionary does not know is uncountable: "equipments",
/// "informations", "softwares" are no English.
fn inflects_so(word: &str, inflected: &str, number: Number) -> bool {
    if is_english_word(word) {
        return is_english_word(inflected);
    }
    let singular = match number {
        Number::Plural => word,
        Number::Singular => inflected,
    };
    made_as_english_nouns_are(singular)
}

/// Endings that make a noun of one who does something of a verb or a noun ("operator",
/// "worker", "artist", "accountant", "resident", "employee", "musician").
const DOER_ENDINGS: &[&str] = &["er", "or", "ist", "ant", "ent", "ee", "ian"];

/// Whether `word` (in small letters, singular) names one who does or holds something, an
/// English word of [`DOER_ENDINGS`] made of an English word of three letters or more: "operator"
/// (operate), "worker", "planner" (plan), "carrier" (carry), "artist", "assistant", "resident"
/// (reside), "employee", "musician". Such a noun names a role that many hold: "Authorized
/// Economic Operators", "Model Workers". Words that only look made so ("center" of "cent")
/// are countable nouns as well. Not "committee", "government", "agency": what an
/// organisation's name is headed by.
pub fn names_a_doer(word: &str) -> bool {
    if !is_english_word(word) {
        return false;
    }
    DOER_ENDINGS.iter().any(|ending| {
        let Some(stem) = word.strip_suffix(ending).filter(|s| s.len() >= 3) else {
            return false;
        };
        let bytes = stem.as_bytes();
        let doubled = *ending == "er"
            && bytes.len() >= 4
            && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]
            && is_english_word(&stem[..stem.len() - 1]);
        let with_y = stem
            .strip_suffix('i')
            .is_some_and(|s| is_english_word(&format!("{s}y")));
        is_english_word(stem) || is_english_word(&format!("{stem}e")) || doubled || with_y
    })
}

/// Whether `word`, written in the text where the glossary lists `listed` (both in small
/// letters, two numbers of one word), is a number English makes of it: not a plural the
/// dictionary does not know of a singular it knows ("user equipments" of "user equipment").
/// A scholar's plural is one ("moduli"), and so is any form of a word the dictionary does not
/// know: it cannot tell.
pub fn an_english_number_of(word: &str, listed: &str) -> bool {
    !is_uncountable(listed)
        || is_english_word(word)
        || number_of(word) != Number::Plural
        || classical_singulars(word).contains(&listed)
}

/// Nouns English does not count, a closed class of its grammar ("equipments", "informations",
/// "softwares" are the commonest slips of machine translation and of writers of English as a
/// second language). A word the dictionary knows in a plural ("works", "researches": verbs
/// too) is left out by [`is_uncountable`]; so is a word not listed here, whatever the
/// dictionary lacks: it lacks the plurals of many countable nouns ("infarctions",
/// "conductivities").
const UNCOUNTABLE_NOUNS: &[&str] = &[
    "advice",
    "baggage",
    "equipment",
    "feedback",
    "firmware",
    "furniture",
    "hardware",
    "homework",
    "information",
    "knowledge",
    "luggage",
    "machinery",
    "malware",
    "middleware",
    "software",
    "underwear",
];

/// Whether `word` (in small letters) is an uncountable noun ([`UNCOUNTABLE_NOUNS`]) whose
/// regular plural the dictionary does not know either.
fn is_uncountable(word: &str) -> bool {
    UNCOUNTABLE_NOUNS.binary_search(&word).is_ok() && !is_english_word(&plural(word))
}

/// Endings that make English nouns of other words ("exchanger", "lessee", "deployment"); the
/// nouns they make take the regular plural.
const NOUN_ENDINGS: &[&str] = &[
    "er", "or", "ee", "ist", "ment", "tion", "sion", "ity", "ness", "ance", "ence", "ism", "ship",
    "hood", "age", "ery", "ory", "ing", "let",
];

/// Whether a word the dictionary does not know is an English noun by its making: it ends in a
/// noun-making ending, or in an English word of four letters or more that is countable
/// ("microservice", "sub-interface"). A borrowed word ("majeure", "judicata", "corpus") is
/// neither, and its plural is no regular one.
fn made_as_english_nouns_are(word: &str) -> bool {
    NOUN_ENDINGS.iter().any(|ending| word.ends_with(ending))
        || (1..word.len().saturating_sub(3))
            .filter(|&at| word.is_char_boundary(at))
            .map(|at| &word[at..])
            .any(|tail| is_english_word(tail) && is_english_word(&plural(tail)))
}

/// How often `text` (normalized, case-folded) holds `rendering` (likewise) with its head in
/// the other number (see [`split_head`]), on word boundaries. The rendering as written is not counted.
pub fn count_in_other_number(text: &str, rendering: &str) -> usize {
    other_number_any(rendering, false)
        .iter()
        .map(|(form, _)| count_as_words(text, form))
        .sum()
}

/// A normalized, case-folded rendering with its head in the other number (see
/// [`split_head`]), with that number: "heat exchangers" (plural) for "heat exchanger", "model
/// worker" (singular) for "model workers". A one-word rendering is put in the plural only: a
/// single word that reads as a plural often is a word of its own ("news", "means", "physics").
pub fn in_other_number(rendering: &str) -> Vec<(String, Number)> {
    let mut forms = other_number_any(rendering, false);
    let (before, _, after) = split_head(rendering);
    if before.is_empty() && after.is_empty() {
        forms.retain(|(_, number)| *number == Number::Plural);
    }
    forms
}

/// The forms of a normalized, case-folded rendering with its head in the other number, if the
/// head is three or more Latin letters (English plurals are of English words). With
/// `uncountable_plural`, also the regular plural of an English word the dictionary does not
/// know: the word is uncountable ("user equipments"), and the form is no approved rendering,
/// but a deprecated or forbidden one stays so in it.
fn other_number_any(rendering: &str, uncountable_plural: bool) -> Vec<(String, Number)> {
    let (before, head, after) = split_head(rendering);
    if head.len() < 3 || !head.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Vec::new();
    }
    let singular = singulars(head);
    if singular.is_empty() {
        let uncountable = !uncountable_plural && is_uncountable(head);
        let regular = plural(head);
        plurals(head)
            .into_iter()
            .filter(|p| !uncountable || *p != regular || is_english_word(p))
            .map(|p| (format!("{before}{p}{after}"), Number::Plural))
            .collect()
    } else {
        singular
            .into_iter()
            .map(|s| (format!("{before}{s}{after}"), Number::Singular))
            .collect()
    }
}

/// English verbs whose past and past participle are not made with "-ed": base, past,
/// participle. The language's closed list of strong and irregular verbs (the common ones),
/// not a list of glossary words; verbs made on them with a prefix ("withdraw", "undertake",
/// "overcome") are found through their last part (see [`irregular_forms`]).
const IRREGULAR_VERBS: &[(&str, &str, &str)] = &[
    ("arise", "arose", "arisen"),
    ("awake", "awoke", "awoken"),
    ("bear", "bore", "borne"),
    ("beat", "beat", "beaten"),
    ("become", "became", "become"),
    ("begin", "began", "begun"),
    ("bend", "bent", "bent"),
    ("bet", "bet", "bet"),
    ("bid", "bid", "bid"),
    ("bind", "bound", "bound"),
    ("bite", "bit", "bitten"),
    ("bleed", "bled", "bled"),
    ("blow", "blew", "blown"),
    ("break", "broke", "broken"),
    ("breed", "bred", "bred"),
    ("bring", "brought", "brought"),
    ("build", "built", "built"),
    ("burn", "burnt", "burnt"),
    ("buy", "bought", "bought"),
    ("cast", "cast", "cast"),
    ("catch", "caught", "caught"),
    ("choose", "chose", "chosen"),
    ("cling", "clung", "clung"),
    ("come", "came", "come"),
    ("cost", "cost", "cost"),
    ("creep", "crept", "crept"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("dig", "dug", "dug"),
    ("do", "did", "done"),
    ("draw", "drew", "drawn"),
    ("dream", "dreamt", "dreamt"),
    ("drink", "drank", "drunk"),
    ("drive", "drove", "driven"),
    ("eat", "ate", "eaten"),
    ("fall", "fell", "fallen"),
    ("feed", "fed", "fed"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fling", "flung", "flung"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("forget", "forgot", "forgotten"),
    ("forgive", "forgave", "forgiven"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "gotten"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("grind", "ground", "ground"),
    ("grow", "grew", "grown"),
    ("hang", "hung", "hung"),
    ("have", "had", "had"),
    ("hear", "heard", "heard"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("hurt", "hurt", "hurt"),
    ("keep", "kept", "kept"),
    ("kneel", "knelt", "knelt"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("lean", "leant", "leant"),
    ("leap", "leapt", "leapt"),
    ("learn", "learnt", "learnt"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("let", "let", "let"),
    ("lie", "lay", "lain"),
    ("light", "lit", "lit"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("mean", "meant", "meant"),
    ("meet", "met", "met"),
    ("pay", "paid", "paid"),
    ("prove", "proved", "proven"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("read", "read", "read"),
    ("rid", "rid", "rid"),
    ("ride", "rode", "ridden"),
    ("ring", "rang", "rung"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("sew", "sewed", "sewn"),
    ("shake", "shook", "shaken"),
    ("shed", "shed", "shed"),
    ("shine", "shone", "shone"),
    ("shoot", "shot", "shot"),
    ("show", "showed", "shown"),
    ("shrink", "shrank", "shrunk"),
    ("shut", "shut", "shut"),
    ("sing", "sang", "sung"),
    ("sink", "sank", "sunk"),
    ("sit", "sat", "sat"),
    ("sleep", "slept", "slept"),
    ("slide", "slid", "slid"),
    ("sling", "slung", "slung"),
    ("slit", "slit", "slit"),
    ("smell", "smelt", "smelt"),
    ("sow", "sowed", "sown"),
    ("speak", "spoke", "spoken"),
    ("speed", "sped", "sped"),
    ("spell", "spelt", "spelt"),
    ("spend", "spent", "spent"),
    ("spill", "spilt", "spilt"),
    ("spin", "spun", "spun"),
    ("spit", "spat", "spat"),
    ("split", "split", "split"),
    ("spoil", "spoilt", "spoilt"),
    ("spread", "spread", "spread"),
    ("spring", "sprang", "sprung"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("stick", "stuck", "stuck"),
    ("sting", "stung", "stung"),
    ("stink", "stank", "stunk"),
    ("stride", "strode", "stridden"),
    ("strike", "struck", "struck"),
    ("string", "strung", "strung"),
    ("strive", "strove", "striven"),
    ("swear", "swore", "sworn"),
    ("sweep", "swept", "swept"),
    ("swell", "swelled", "swollen"),
    ("swim", "swam", "swum"),
    ("swing", "swung", "swung"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("thrust", "thrust", "thrust"),
    ("tread", "trod", "trodden"),
    ("wake", "woke", "woken"),
    ("wear", "wore", "worn"),
    ("weave", "wove", "woven"),
    ("weep", "wept", "wept"),
    ("win", "won", "won"),
    ("wind", "wound", "wound"),
    ("wring", "wrung", "wrung"),
    ("write", "wrote", "written"),
];

/// Adverbs that make a phrasal verb with the verb before them ("log in", "top up", "carry
/// out", "roll back"): the closed class of English verb particles.
const VERB_PARTICLES: &[&str] = &[
    "about", "across", "ahead", "along", "apart", "around", "aside", "away", "back", "by", "down",
    "forth", "forward", "in", "off", "on", "out", "over", "through", "together", "up",
];

/// Prepositions that may follow a phrasal verb's particle and belong to it ("log in to",
/// "sign up for", "opt out of").
const PARTICLE_PREPOSITIONS: &[&str] = &["at", "for", "from", "into", "of", "onto", "to", "with"];

/// Whether `c`, a letter of a lower-case word, is a vowel.
fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The regular inflections of a lower-case `verb` ("-s", "-ed", "-ing") that the dictionary
/// holds, spelled by the rules of English: a final "e" dropped ("using"), "y" after a
/// consonant to "ie" ("applied"), a final consonant after one vowel doubled ("topped",
/// "logging"); of a doubled and an undoubled spelling both words, the undoubled one is the
/// verb ending in "e"'s ("hoped" is hope's, "hopped" hop's), unless the verb is no word with
/// an "e".
fn regular_verb_forms(verb: &str) -> Vec<String> {
    let b = verb.as_bytes();
    let Some(&last) = b.last() else {
        return Vec::new();
    };
    let before_last = b.len().checked_sub(2).map(|i| b[i]);
    let stem = &verb[..verb.len() - 1];
    let mut candidates: Vec<String> = Vec::new();
    // Third person singular.
    if verb.ends_with(['s', 'x', 'z', 'o']) || verb.ends_with("ch") || verb.ends_with("sh") {
        candidates.push(format!("{verb}es"));
    } else if last == b'y' && before_last.is_some_and(|c| !is_vowel(c)) {
        candidates.push(format!("{stem}ies"));
    } else {
        candidates.push(format!("{verb}s"));
    }
    // Past and participle, and the "-ing" form.
    if last == b'e' {
        candidates.push(format!("{verb}d"));
        if let Some(root) = verb.strip_suffix("ie") {
            candidates.push(format!("{root}ying"));
        } else if matches!(before_last, Some(b'e' | b'y' | b'o')) {
            candidates.push(format!("{verb}ing"));
        } else {
            candidates.push(format!("{stem}ing"));
        }
    } else if last == b'y' && before_last.is_some_and(|c| !is_vowel(c)) {
        candidates.push(format!("{stem}ied"));
        candidates.push(format!("{verb}ing"));
    } else {
        let doubles = !is_vowel(last)
            && !matches!(last, b'w' | b'x' | b'y')
            && before_last.is_some_and(is_vowel)
            && b.len().checked_sub(3).is_none_or(|i| !is_vowel(b[i]));
        let of_e_verb = doubles && is_english_word(&format!("{verb}e"));
        if !of_e_verb {
            candidates.push(format!("{verb}ed"));
            candidates.push(format!("{verb}ing"));
        }
        if doubles {
            let l = last as char;
            candidates.push(format!("{verb}{l}ed"));
            candidates.push(format!("{verb}{l}ing"));
        }
    }
    candidates.retain(|c| is_english_word(c));
    candidates
}

/// The irregular past and participle of a lower-case `verb`: its own (see
/// [`IRREGULAR_VERBS`]), or those of the verb it ends with after a prefix ("withdrew",
/// "withdrawn" of "withdraw"; "undertook" of "undertake"), where the dictionary holds them
/// and the verb has no regular past ("play" ends as "lay" does but is "played", not "plaid").
fn irregular_forms(verb: &str) -> Vec<String> {
    if let Some(&(_, past, participle)) = IRREGULAR_VERBS.iter().find(|(v, ..)| *v == verb) {
        return vec![past.to_string(), participle.to_string()];
    }
    let regular_past = regular_verb_forms(verb).iter().any(|f| f.ends_with("ed"));
    if regular_past {
        return Vec::new();
    }
    IRREGULAR_VERBS
        .iter()
        .filter(|(v, ..)| verb.len() > v.len() && verb.ends_with(v))
        .max_by_key(|(v, ..)| v.len())
        .map(|&(v, past, participle)| {
            let prefix = &verb[..verb.len() - v.len()];
            [past, participle]
                .into_iter()
                .map(|f| format!("{prefix}{f}"))
                .filter(|f| is_english_word(f))
                .collect()
        })
        .unwrap_or_default()
}

/// The inflected forms of a normalized, case-folded `rendering` read as a verb: of one word
/// or of a phrasal verb (a verb and its particle, "log in", "top up", "sign up for"), whose
/// verb is inflected ("withdrew", "logging in", "topped up"). A word can be a verb where the
/// dictionary holds its "-ing" form or it is an irregular verb: nouns have no "-ing" form
/// ("vulnerability", "login"). Empty where the rendering cannot be a verb. The rendering
/// itself is not among the forms.
pub fn verb_forms(rendering: &str) -> Vec<String> {
    let mut words = rendering.split(' ');
    let Some(verb) = words.next() else {
        return Vec::new();
    };
    let rest: Vec<&str> = words.collect();
    let phrasal = match rest.split_first() {
        None => true,
        Some((particle, prepositions)) => {
            VERB_PARTICLES.contains(particle)
                && prepositions
                    .iter()
                    .all(|p| PARTICLE_PREPOSITIONS.contains(p))
        }
    };
    if !phrasal || verb.len() < 2 || !verb.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    let regular = regular_verb_forms(verb);
    let irregular = irregular_forms(verb);
    let a_verb = !irregular.is_empty() || regular.iter().any(|f| f.ends_with("ing"));
    if !a_verb {
        return Vec::new();
    }
    let tail: String = rest.iter().map(|w| format!(" {w}")).collect();
    let mut forms: Vec<String> = regular
        .into_iter()
        .chain(irregular)
        .filter(|f| f != verb)
        .map(|f| format!("{f}{tail}"))
        .collect();
    forms.sort_unstable();
    forms.dedup();
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_noun_of_one_who_does_something() {
        for word in [
            "operator",
            "worker",
            "planner",
            "carrier",
            "artist",
            "accountant",
            "resident",
            "employee",
            "musician",
            "inspector",
        ] {
            assert!(names_a_doer(word), "{word}");
        }
        for word in [
            "committee",
            "government",
            "agency",
            "federation",
            "union",
            "ministry",
            "court",
            "law",
            "scholarship",
            "congress",
            "zone",
            "university",
            "xinhua",
            "order",
        ] {
            assert!(!names_a_doer(word), "{word}");
        }
    }

    #[test]
    fn lemmas() {
        assert_eq!(lemma("unions"), "union");
        assert_eq!(lemma("bodies"), "body");
        assert_eq!(lemma("chairmen"), "chairman");
        assert_eq!(lemma("bureaus"), "bureau");
        assert_eq!(lemma("plateaux"), "plateau");
        assert_eq!(lemma("congress"), "congress");
        assert_eq!(lemma("status"), "status");
        assert_eq!(lemma("committees"), "committee");
        assert_eq!(
            lemma_keys("congresses").iter().collect::<Vec<_>>(),
            ["congresse", "congress"]
        );
    }

    #[test]
    fn a_noun_in_a_single_s_or_z_takes_es() {
        for (one, many) in [
            ("gas", "gases"),
            ("bus", "buses"),
            ("bonus", "bonuses"),
            ("virus", "viruses"),
            ("atlas", "atlases"),
            ("bias", "biases"),
            ("iris", "irises"),
            ("canvas", "canvases"),
            ("waltz", "waltzes"),
            ("quiz", "quizzes"),
            ("process", "processes"),
        ] {
            assert!(same_lemma(many, one), "{many} / {one}");
            assert_eq!(number_of(many), Number::Plural, "{many}");
            assert_eq!(number_of(one), Number::Singular, "{one}");
            assert_eq!(singulars(many).first().map(String::as_str), Some(one));
        }
        // "lens" reads as a plural of "len" too, as "news" does of "new": spelling and the
        // word list cannot tell them apart. Its two numbers are one word all the same.
        assert!(same_lemma("lenses", "lens"));
        // Plurals in "-s" of nouns in "-se" and "-ze" keep their own singular alone.
        for (many, one, other) in [
            ("cases", "case", "cas"),
            ("houses", "house", "hous"),
            ("uses", "use", "us"),
            ("sizes", "size", "siz"),
            ("doses", "dose", "dos"),
        ] {
            assert!(same_lemma(many, one), "{many} / {one}");
            assert!(!same_lemma(many, other), "{many} / {other}");
            assert_eq!(singulars(many), [one], "{many}");
        }
        assert_eq!(
            in_number("greenhouse gases", Number::Singular).as_deref(),
            Some("greenhouse gas")
        );
    }

    #[test]
    fn classical_plurals_are_numbers_of_their_singulars() {
        for (one, many) in [
            ("bacterium", "bacteria"),
            ("criterion", "criteria"),
            ("analysis", "analyses"),
            ("larva", "larvae"),
            ("nucleus", "nuclei"),
            ("index", "indices"),
            ("matrix", "matrices"),
            ("mouse", "mice"),
            ("child", "children"),
        ] {
            assert!(same_lemma(many, one), "{many} / {one}");
            assert_eq!(number_of(many), Number::Plural, "{many}");
            assert_eq!(
                in_number(one, Number::Singular).as_deref(),
                Some(one),
                "{one}"
            );
        }
        // A scholar's plural the dictionary does not know still has its singular.
        assert!(same_lemma("moduli", "modulus"));
        // Endings that only look classical.
        assert!(same_lemma("knives", "knife"));
        assert!(same_lemma("leaves", "leaf"));
        assert!(same_lemma("schemata", "schema"));
        for (word, other) in [
            ("curves", "curf"),
            ("vices", "vex"),
            ("beet", "boot"),
            ("sheet", "shoot"),
            ("area", "areum"),
        ] {
            assert!(!same_lemma(word, other), "{word} / {other}");
        }
        // The regular plural first where the dictionary knows it; an old English one alone.
        assert_eq!(
            in_number("knockout mouse", Number::Plural).as_deref(),
            Some("knockout mice")
        );
        assert_eq!(
            in_number("gram-negative bacterium", Number::Plural).as_deref(),
            Some("gram-negative bacteria")
        );
        assert_eq!(
            in_number("chemical formula", Number::Plural).as_deref(),
            Some("chemical formulas")
        );
        assert_eq!(
            variants_in_plural("chemical formula"),
            ["chemical formulas", "chemical formulae"]
        );
        assert_eq!(
            in_number("inclusion criteria", Number::Singular).as_deref(),
            Some("inclusion criterion")
        );
        assert_eq!(
            in_number("variance analyses", Number::Singular).as_deref(),
            Some("variance analysis")
        );
    }

    #[test]
    fn plurals() {
        for (one, many) in [
            ("assembly", "assemblies"),
            ("day", "days"),
            ("box", "boxes"),
            ("church", "churches"),
            ("congress", "congresses"),
            ("account", "accounts"),
        ] {
            assert_eq!(plural(one), many);
        }
    }

    #[test]
    fn a_variant_in_the_plural() {
        let plural = |r: &str| variant_in_plural(r);
        assert_eq!(
            plural("municipal general assembly").as_deref(),
            Some("municipal general assemblies")
        );
        assert_eq!(plural("e-mail").as_deref(), Some("e-mails"));
        assert_eq!(plural("microsignal").as_deref(), Some("microsignals"));
        // The head of a phrase with a preposition is its first noun.
        assert_eq!(
            plural("letter of credit").as_deref(),
            Some("letters of credit")
        );
        // A plural stays as listed: its singular may be a modifier ("a command-line option").
        assert_eq!(plural("model labourers"), None);
        assert_eq!(plural("command-lines"), None);
        assert_eq!(plural("news"), None);
        // Numbers, symbols and short words carry no number here.
        assert_eq!(plural("covid-19"), None);
        assert_eq!(plural("web 2.0"), None);
        assert_eq!(plural("tv"), None);
        assert_eq!(plural("工会"), None);
    }

    #[test]
    fn a_rendering_in_a_number() {
        assert_eq!(
            in_number("WeChat account", Number::Plural).as_deref(),
            Some("WeChat accounts")
        );
        assert_eq!(
            in_number("email", Number::Plural).as_deref(),
            Some("emails")
        );
        assert_eq!(
            in_number("model workers", Number::Singular).as_deref(),
            Some("model worker")
        );
        // Already in that number.
        assert_eq!(
            in_number("model workers", Number::Plural).as_deref(),
            Some("model workers")
        );
        // The last word of a name is no common noun.
        assert_eq!(
            in_number("Shanghai Federation of Trade Unions", Number::Plural),
            None
        );
        // An English word with no regular plural is uncountable; a word the dictionary does
        // not know takes the regular one if it is made as English nouns are.
        assert_eq!(in_number("firmware", Number::Plural), None);
        assert_eq!(
            in_number("heat exchanger", Number::Plural).as_deref(),
            Some("heat exchangers")
        );
        assert_eq!(
            in_number("microservice", Number::Plural).as_deref(),
            Some("microservices")
        );
        assert_eq!(
            in_number("lessee", Number::Plural).as_deref(),
            Some("lessees")
        );
        // A borrowed word keeps its own plural, which is no regular one.
        assert_eq!(in_number("force majeure", Number::Plural), None);
        assert_eq!(in_number("res judicata", Number::Plural), None);
    }

    #[test]
    fn the_head_of_a_noun_phrase() {
        assert_eq!(split_head("heat exchanger"), ("heat ", "exchanger", ""));
        assert_eq!(split_head("e-mail"), ("e-", "mail", ""));
        assert_eq!(
            split_head("workers in new forms of employment"),
            ("", "workers", " in new forms of employment")
        );
        assert_eq!(split_head("Letter Of Credit"), ("", "Letter", " Of Credit"));
        // A preposition first is no head's end.
        assert_eq!(split_head("on-call duty"), ("on-call ", "duty", ""));
        assert_eq!(split_head("of"), ("", "of", ""));
        assert_eq!(split_head(""), ("", "", ""));
    }

    #[test]
    fn every_preposition_ends_a_head() {
        for (phrase, head) in [
            ("earnings per share", "earnings"),
            ("net assets per share", "assets"),
            ("Dividend Per Share", "Dividend"),
            ("price versus volume", "price"),
            ("price vs. volume", "price"),
            ("transfer via satellite", "transfer"),
            ("profit before tax", "profit"),
            ("income after tax", "income"),
            ("transactions within the group", "transactions"),
            ("loans without collateral", "loans"),
            ("software as a service", "software"),
            ("changes throughout the year", "changes"),
        ] {
            assert_eq!(split_head(phrase).1, head, "{phrase}");
        }
        // A particle written open is no preposition, and one in a hyphenated compound is
        // part of a word.
        for (phrase, head) in [
            ("left behind children", "children"),
            ("drive through window", "window"),
            ("denial-of-service attack", "attack"),
            ("vsync rate", "rate"),
            ("peripheral", "peripheral"),
        ] {
            assert_eq!(split_head(phrase).1, head, "{phrase}");
        }
        // Every preposition, whatever its length (sorted, as they are searched).
        assert!(HEAD_ENDING_PREPOSITIONS.windows(2).all(|w| w[0] < w[1]));
        for p in HEAD_ENDING_PREPOSITIONS {
            assert!(ends_a_head(p) && ends_a_head(&p.to_uppercase()), "{p}");
            assert_eq!(split_head(&format!("cost {p} unit")).1, "cost", "{p}");
        }
        assert_eq!(
            in_number("earning per share", Number::Plural).as_deref(),
            Some("earnings per share")
        );
        assert_eq!(
            variants_in_plural("dividend per share"),
            ["dividends per share"]
        );
        assert_eq!(
            variants_in_plural("earnings per share"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn an_adjective_after_a_plural_noun_leaves_the_noun_the_head() {
        for (phrase, head) in [
            ("accounts payable", "accounts"),
            ("Accounts Receivable", "Accounts"),
            ("notes receivable", "notes"),
            ("taxes payable", "taxes"),
            ("bills receivable", "bills"),
            ("assets pledged", "assets"),
            ("accounts payable to suppliers", "accounts"),
        ] {
            assert_eq!(split_head(phrase).1, head, "{phrase}");
        }
        // A noun after a plural noun ("sales tax", one without a plural: "sports
        // equipment"), an adjective that is a noun too ("random variables"), a gerund, and
        // an adjective after a singular noun, which cannot be told from a noun.
        for (phrase, head) in [
            ("sales tax", "tax"),
            ("sports equipment", "equipment"),
            ("communications software", "software"),
            ("random variable", "variable"),
            ("medical consumables", "consumables"),
            ("sales training", "training"),
            ("interest payable", "payable"),
            ("accounts-payable", "payable"),
        ] {
            assert_eq!(split_head(phrase).1, head, "{phrase}");
        }
        assert_eq!(
            in_number("accounts payable", Number::Singular).as_deref(),
            Some("account payable")
        );
        assert_eq!(
            in_other_number("notes receivable"),
            [("note receivable".to_string(), Number::Singular)]
        );
    }

    #[test]
    fn a_capital_before_words_of_no_english_makes_a_name() {
        for rendering in [
            "Nilaparvata lugens",
            "Camellia sinensis",
            "Spodoptera frugiperda",
            "Lycium barbarum",
            "Escherichia coli",
            "E. coli",
            "Xinhui chenpi",
            "Anji bai cha",
        ] {
            assert!(named_in_another_language(rendering), "{rendering}");
            assert!(head_is_capitalised(rendering), "{rendering}");
            assert_eq!(in_number(rendering, Number::Plural), None, "{rendering}");
            assert_eq!(in_number(rendering, Number::Singular), None, "{rendering}");
        }
        // An English noun after a proper name, or one made as English nouns are, or of two
        // English words, or clipped, is a common noun; so is a word of no English after an
        // abbreviation or in small letters only.
        for rendering in [
            "Petri dish",
            "Gram stain",
            "Bunsen burners",
            "Diesel engines",
            "Go goroutine",
            "Kaggle dataset",
            "Kubernetes kubelet",
            "Linux distro",
            "GitHub repo",
            "Python virtualenv",
            "DNA polymerase",
            "GPU shaderx",
            "nilaparvata lugens",
            "lugens",
        ] {
            assert!(!named_in_another_language(rendering), "{rendering}");
        }
        assert_eq!(
            in_number("Petri dish", Number::Plural).as_deref(),
            Some("Petri dishes")
        );
        assert_eq!(
            in_number("Bunsen burners", Number::Singular).as_deref(),
            Some("Bunsen burner")
        );
    }

    #[test]
    fn an_uncountable_noun_has_no_plural() {
        assert!(UNCOUNTABLE_NOUNS.windows(2).all(|w| w[0] < w[1]), "sorted");
        for (word, listed) in [
            ("equipments", "equipment"),
            ("informations", "information"),
            ("softwares", "software"),
            ("hardwares", "hardware"),
            ("furnitures", "furniture"),
            ("advices", "advice"),
        ] {
            assert!(!an_english_number_of(word, listed), "{word}");
        }
        for (word, listed) in [
            ("exchangers", "exchanger"),
            ("moduli", "modulus"),
            ("bacteria", "bacterium"),
            ("fevers", "fever"),
            ("rices", "rice"),
            ("worker", "workers"),
            ("kubelets", "kubelet"),
            ("equipment", "equipment"),
            // Countable nouns whose plurals the dictionary lacks.
            ("infarctions", "infarction"),
            ("conductivities", "conductivity"),
            ("encodings", "encoding"),
        ] {
            assert!(an_english_number_of(word, listed), "{word}");
        }
        assert_eq!(
            in_other_number("myocardial infarction"),
            [("myocardial infarctions".to_string(), Number::Plural)]
        );
        // The approved rendering has no such form; a banned one keeps it.
        assert_eq!(in_other_number("user equipment"), vec![]);
        assert_eq!(
            count_in_other_number("two user equipments", "user equipment"),
            0
        );
        assert_eq!(variants_in_plural("user device"), ["user devices"]);
        assert_eq!(
            variants_in_plural("cardiac infarction"),
            ["cardiac infarctions"]
        );
        assert_eq!(
            in_other_number("heat exchanger"),
            [("heat exchangers".to_string(), Number::Plural)]
        );
    }

    #[test]
    fn counts_in_the_other_number() {
        let text = "a labor and skills competition, labor and skills competitions, and unions";
        assert_eq!(
            count_in_other_number(text, "labor and skills competitions"),
            1
        );
        assert_eq!(count_in_other_number(text, "union"), 1);
        assert_eq!(count_in_other_number("reunions", "union"), 0);
    }

    #[track_caller]
    fn assert_verb_forms(rendering: &str, expected: &[&str]) {
        assert_eq!(verb_forms(rendering), expected, "{rendering}");
    }

    #[test]
    fn the_forms_of_a_verb_and_of_a_phrasal_verb() {
        // Irregular, also after a prefix; regular with the spelling rules.
        assert_verb_forms(
            "withdraw",
            &["withdrawing", "withdrawn", "withdraws", "withdrew"],
        );
        assert_verb_forms("take", &["taken", "takes", "taking", "took"]);
        assert_verb_forms(
            "undertake",
            &["undertaken", "undertakes", "undertaking", "undertook"],
        );
        assert_verb_forms("log in", &["logged in", "logging in", "logs in"]);
        assert_verb_forms("top up", &["topped up", "topping up", "tops up"]);
        assert_verb_forms("apply", &["applied", "applies", "applying"]);
        assert_verb_forms("use", &["used", "uses", "using"]);
        assert_verb_forms("visit", &["visited", "visiting", "visits"]);
        assert_verb_forms(
            "sign up for",
            &["signed up for", "signing up for", "signs up for"],
        );
        // "hoped" is hope's, "plaid" no past of "play".
        assert_verb_forms("hop", &["hopped", "hopping", "hops"]);
        assert_verb_forms("play", &["played", "playing", "plays"]);
    }

    #[test]
    fn what_cannot_be_a_verb_has_no_verb_forms() {
        for rendering in [
            "vulnerability",
            "login",
            "withdrawal",
            "ransomware",
            // A noun phrase, and a verb with no particle after it.
            "qr code payment",
            "risk control",
            "log file",
            "top-up",
            "μl",
            "",
        ] {
            assert_verb_forms(rendering, &[]);
        }
    }
}
