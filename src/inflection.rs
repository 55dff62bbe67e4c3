//! Grammatical number of English nouns, by their regular endings: the singular of a plural
//! ("unions", "bodies", "chairmen", "congresses") and the plural of a singular.
//!
//! A glossary lists a rendering in one number; text uses it in both. garbled-term and
//! inconsistent-term compare words by their singular ([`lemma`]); the exact rules match a
//! deprecated or forbidden variant in the plural too ([`variant_in_plural`]), and suggest the
//! approved rendering in the plural then ([`in_number`]).

use std::borrow::Cow;

use smallvec::SmallVec;

use crate::dictionary::is_english_word;
use crate::normalize::is_word_char;

/// Singular or plural.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    /// One.
    Singular,
    /// More than one.
    Plural,
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
    let mut keys = SmallVec::new();
    keys.push(lemma(word));
    if word.len() > 4 && word.ends_with("es") {
        let stem = &word[..word.len() - 2];
        if takes_es(stem) {
            keys.push(Cow::Borrowed(stem));
        }
    }
    keys
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

/// The word's singular forms if it reads as a plural: an ending [`lemma_keys`] takes off, and,
/// for an English word, a singular that is one too ("news" is no plural of "new" by this test
/// only if "new" were no word; such words are rare in glossaries' variants, see callers).
fn singulars(word: &str) -> Vec<String> {
    let english = is_english_word(word);
    lemma_keys(word)
        .into_iter()
        .filter(|k| *k != word)
        .filter(|k| !english || is_english_word(k))
        .map(Cow::into_owned)
        .collect()
}

/// The number a word in small letters reads as.
pub fn number_of(word: &str) -> Number {
    if singulars(word).is_empty() {
        Number::Singular
    } else {
        Number::Plural
    }
}

/// Splits a normalized rendering before its last word (after its last space or hyphen): the
/// word that carries the number of a noun phrase ("general assembly", "e-mail").
fn split_last_word(rendering: &str) -> (&str, &str) {
    match rendering.rfind([' ', '-']) {
        Some(i) => rendering.split_at(i + 1),
        None => ("", rendering),
    }
}

/// A normalized, case-folded rendering with its last word in the plural, if it reads as a
/// singular: "municipal general assemblies" for "municipal general assembly", "e-mails" for
/// "e-mail". The last word must be letters only, of three or more.
///
/// Only this way round: the singular of a plural is often no noun of its own but a modifier of
/// the next one ("a run-time error", "the command-line interface"), correct where the plural
/// noun is not.
pub fn variant_in_plural(rendering: &str) -> Option<String> {
    let (before, last) = split_last_word(rendering);
    (last.chars().count() >= 3
        && last.chars().all(char::is_alphabetic)
        && number_of(last) == Number::Singular)
        .then(|| format!("{before}{}", plural(last)))
}

/// A rendering as written in the glossary, in `number`: itself if it is in that number already,
/// else with its last word inflected, if that word is a common noun (no capitals: the last word
/// of a name does not carry the name's number, as in "Federation of Trade Unions"), and the
/// inflected word is English or the word is none the dictionary knows ("exchanger"): an English
/// word whose regular inflection is none is uncountable ("firmware"). `None` when the rendering
/// cannot be put in that number.
pub fn in_number(rendering: &str, number: Number) -> Option<String> {
    let (before, last) = split_last_word(rendering);
    if last.is_empty() || !last.chars().all(|c| c.is_alphabetic() && c.is_lowercase()) {
        return None;
    }
    if number_of(last) == number {
        return Some(rendering.to_string());
    }
    let inflected = match number {
        Number::Plural => Some(plural(last)),
        Number::Singular => singulars(last).into_iter().next(),
    }?;
    (is_english_word(&inflected) || !is_english_word(last)).then(|| format!("{before}{inflected}"))
}

/// How often `text` (normalized, case-folded) holds `rendering` (likewise) with its last word
/// in the other number, on word boundaries. The rendering as written is not counted.
pub fn count_in_other_number(text: &str, rendering: &str) -> usize {
    let mut count = 0;
    for (form, _) in other_number_any(rendering) {
        let mut at = 0;
        while let Some(i) = text[at..].find(&form) {
            let start = at + i;
            let end = start + form.len();
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            if !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char) {
                count += 1;
            }
            at = end;
        }
    }
    count
}

/// The forms of a normalized, case-folded rendering with its last word in the other number.
fn other_number_any(rendering: &str) -> Vec<(String, Number)> {
    let (before, last) = split_last_word(rendering);
    if last.chars().count() < 3 || !last.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let singular = singulars(last);
    if singular.is_empty() {
        vec![(format!("{before}{}", plural(last)), Number::Plural)]
    } else {
        singular
            .into_iter()
            .map(|s| (format!("{before}{s}"), Number::Singular))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // A plural stays as listed: its singular may be a modifier ("a command-line option").
        assert_eq!(plural("model labourers"), None);
        assert_eq!(plural("command-lines"), None);
        assert_eq!(plural("news"), None);
        // Numbers, symbols and short words carry no number here.
        assert_eq!(plural("covid-19"), None);
        assert_eq!(plural("web 2.0"), None);
        assert_eq!(plural("tv"), None);
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
        // not know takes the regular one.
        assert_eq!(in_number("firmware", Number::Plural), None);
        assert_eq!(
            in_number("heat exchanger", Number::Plural).as_deref(),
            Some("heat exchangers")
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
}
