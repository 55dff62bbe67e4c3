//! British and American spellings of one word ("labour" / "labor", "organisation" /
//! "organization"), from VARCON, the variant-conversion word list that the `typos` spell
//! checker also uses (through the `varcon` crate).
//!
//! A word written without its accents is another spelling of it too. Two spellings of a word
//! are not a typo of each other: a British spelling of a term the
//! glossary writes the American way is the same rendering in another variety of English, which
//! matters for consistency, not as damage.

use rustc_hash::FxHashMap as HashMap;
use smallvec::SmallVec;
use std::borrow::Cow;
use std::sync::OnceLock;

use crate::inflection::{lemma_keys, same_lemma};
use crate::normalize::is_word_char;

/// The word's spelling family: one spelling that stands for all its variants, or `None` for
/// words without variants. Lower-case words only (text is case-folded before matching).
pub fn spelling_family(word: &str) -> Option<&'static str> {
    families().get(word).copied()
}

/// Whether two different words are spellings of one word: British and American, or one
/// written without the other's accents ("Zurich" for "Zürich", "Sao Paulo" for "São Paulo"),
/// as English often writes borrowed names.
pub fn same_word_spelled_differently(a: &str, b: &str) -> bool {
    a != b
        && (spelling_family(a).is_some_and(|f| spelling_family(b) == Some(f))
            || (!(a.is_ascii() && b.is_ascii()) && without_accents(a) == without_accents(b)))
}

/// The spelling families of a word and of its singulars ("counsellor" for "counselors"):
/// VARCON lists each number of a word on its own, so a plural is compared with a singular
/// through the singular. Lower-case words only.
pub fn families_in_either_number(word: &str) -> SmallVec<[&'static str; 2]> {
    families_of(word, &lemma_keys(word))
}

/// [`families_in_either_number`] of `word` whose [`lemma_keys`] are `keys`, for a caller that
/// has them already.
pub fn families_of(word: &str, keys: &[Cow<'_, str>]) -> SmallVec<[&'static str; 2]> {
    let mut found: SmallVec<[&'static str; 2]> = SmallVec::new();
    // Most words are their own key: looked up once.
    let keys = keys.iter().map(|k| k.as_ref()).filter(|&k| k != word);
    let forms = std::iter::once(word).chain(keys);
    for family in forms.filter_map(spelling_family) {
        if !found.contains(&family) {
            found.push(family);
        }
    }
    found
}

/// Whether `a` is a spelling of `b` in the other number: "counselors" of "counsellor",
/// "programs" of "programme", "labour" of "labors". (Spellings in one number are
/// [`same_word_spelled_differently`].)
pub fn spelled_differently_in_other_number(a: &str, b: &str) -> bool {
    if a == b || same_lemma(a, b) || same_word_spelled_differently(a, b) {
        return false;
    }
    let b_keys = lemma_keys(b);
    lemma_keys(a).iter().any(|ka| {
        spelling_family(ka).is_some_and(|family| {
            b_keys
                .iter()
                .any(|kb| kb != ka && spelling_family(kb) == Some(family))
        })
    })
}

/// `word` with its letters' accents dropped (decomposed, combining marks removed).
fn without_accents(word: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    word.nfd().filter(|&c| !is_combining_mark(c)).collect()
}

/// `text` (in lower case) with each word that has spelling variants written as its family's
/// ("the labour organisation" and "the labor organization" read alike); `None` when no word
/// has any.
pub fn with_families(text: &str) -> Option<String> {
    let mut folded = String::new();
    let mut copied = 0;
    for (start, end) in word_spans(text) {
        if let Some(family) = spelling_family(&text[start..end]).filter(|f| *f != &text[start..end])
        {
            folded.push_str(&text[copied..start]);
            folded.push_str(family);
            copied = end;
        }
    }
    if copied == 0 && folded.is_empty() {
        return None;
    }
    folded.push_str(&text[copied..]);
    Some(folded)
}

/// The byte spans of `text`'s words, in order; the last may be empty (at the end).
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let start = at + text[at..].find(is_word_char).unwrap_or(text.len() - at);
        let end = start
            + text[start..]
                .find(|c: char| !is_word_char(c))
                .unwrap_or(text.len() - start);
        at = end;
        Some((start, end))
    })
}

/// `text` (normalized, case kept) with its words that have spelling variants written in
/// their other spellings ("labour licence" for "labor license"; each word keeps its capitals:
/// "Labour" for "Labor", "LABOUR" for "LABOR"), every combination but `text` itself, at most
/// `limit` of them, in a fixed order. Empty for text without such words.
pub fn respellings(text: &str, limit: usize) -> Vec<String> {
    // The text cut into words with spellings and the text between them.
    let mut pieces: Vec<(&str, SmallVec<[String; 2]>)> = Vec::new();
    let mut copied = 0;
    for (start, end) in word_spans(text) {
        let word = &text[start..end];
        let lower = match word.bytes().any(|b| !b.is_ascii_lowercase()) {
            true => Cow::Owned(word.to_lowercase()),
            false => Cow::Borrowed(word),
        };
        let Some(family) = spelling_family(&lower) else {
            continue;
        };
        let others: SmallVec<[String; 2]> = members()
            .get(family)
            .into_iter()
            .flatten()
            .filter(|&&other| other != lower.as_ref())
            .map(|other| in_capitals_of(word, other))
            .collect();
        if !others.is_empty() {
            pieces.push((&text[copied..start], SmallVec::new()));
            let mut spellings: SmallVec<[String; 2]> = SmallVec::new();
            spellings.push(word.to_string());
            spellings.extend(others);
            pieces.push(("", spellings));
            copied = end;
        }
    }
    if pieces.is_empty() {
        return Vec::new();
    }
    pieces.push((&text[copied..], SmallVec::new()));
    // Every combination, counted like a number whose digits are the words' spellings; the
    // first (all as written) is `text`.
    let mut out = Vec::new();
    let mut choice = vec![0usize; pieces.len()];
    loop {
        let mut k = 0;
        while k < pieces.len() {
            let (_, spellings) = &pieces[k];
            if !spellings.is_empty() {
                choice[k] += 1;
                if choice[k] < spellings.len() {
                    break;
                }
                choice[k] = 0;
            }
            k += 1;
        }
        if k == pieces.len() || out.len() == limit {
            return out;
        }
        let mut form = String::with_capacity(text.len() + 4);
        for ((between, spellings), &c) in pieces.iter().zip(&choice) {
            form.push_str(between);
            if let Some(word) = spellings.get(c) {
                form.push_str(word);
            }
        }
        out.push(form);
    }
}

/// `word` (small letters) in the capitals of `model`: all capitals (of two letters or
/// more), a capital first, or as it is.
pub fn in_capitals_of(model: &str, word: &str) -> String {
    let mut letters = model.chars().filter(|c| c.is_alphabetic());
    let first_capital = letters.next().is_some_and(char::is_uppercase);
    if first_capital && letters.next().is_some() && !model.chars().any(char::is_lowercase) {
        return word.to_uppercase();
    }
    if first_capital {
        let mut chars = word.chars();
        return chars
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(chars)
            .collect();
    }
    word.to_string()
}

/// The spellings of each family (see [`spelling_family`]), in alphabetical order.
fn members() -> &'static HashMap<&'static str, SmallVec<[&'static str; 2]>> {
    static MEMBERS: OnceLock<HashMap<&'static str, SmallVec<[&'static str; 2]>>> = OnceLock::new();
    MEMBERS.get_or_init(|| {
        // Built on first use, by a glossary with a deprecated or forbidden rendering: most
        // families have two spellings.
        let families = families();
        let mut members: HashMap<&'static str, SmallVec<[&'static str; 2]>> =
            HashMap::with_capacity_and_hasher(families.len() / 2 + 1, Default::default());
        for (&word, &family) in families {
            members.entry(family).or_default().push(word);
        }
        for words in members.values_mut() {
            words.sort_unstable();
        }
        members
    })
}

fn families() -> &'static HashMap<&'static str, &'static str> {
    static FAMILIES: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    FAMILIES.get_or_init(|| {
        // Built on first use, in every run that looks at spellings: sized once, and each
        // entry's words gathered without an allocation.
        let variants: usize = varcon::VARCON
            .iter()
            .flat_map(|cluster| cluster.entries)
            .map(|entry| entry.variants.len())
            .sum();
        let mut map = HashMap::with_capacity_and_hasher(variants, Default::default());
        for cluster in varcon::VARCON {
            for entry in cluster.entries.iter().filter(|e| !e.archaic) {
                let mut words: SmallVec<[&'static str; 8]> = entry
                    .variants
                    .iter()
                    .map(|v| v.word)
                    .filter(|w| w.chars().all(|c| !c.is_uppercase()))
                    .collect();
                words.sort_unstable();
                words.dedup();
                // VARCON lists a few adjectives in "-ical" beside "-ic" ("analytic",
                // "analytical"): two words of one root, not two spellings of one word, and the
                // "-ic" word is also a noun whose plural ("graphics") is no spelling of them.
                let derived = |w: &&str| {
                    w.strip_suffix("al")
                        .is_some_and(|stem| stem.ends_with("ic") && entry_has(&words, stem))
                };
                let kept: SmallVec<[&'static str; 8]> =
                    words.iter().filter(|w| !derived(w)).copied().collect();
                let words = kept;
                if words.len() < 2 {
                    continue;
                }
                // The family is named by its first spelling in alphabetical order, so that
                // a word in several entries always gets the same family.
                let family = words[0];
                for w in words {
                    map.entry(w).or_insert(family);
                }
            }
        }
        map
    })
}

/// Whether `word` is among `words` (sorted).
fn entry_has(words: &[&str], word: &str) -> bool {
    words.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_adjective_in_ical_is_no_spelling_of_its_noun_in_ic() {
        assert!(!same_word_spelled_differently("graphical", "graphic"));
        assert!(!same_word_spelled_differently("analytical", "analytic"));
        assert!(!spelled_differently_in_other_number(
            "graphical",
            "graphics"
        ));
        assert!(spelled_differently_in_other_number(
            "counselors",
            "counsellor"
        ));
    }

    #[test]
    fn british_and_american_spellings_are_one_word() {
        for (a, b) in [
            ("labour", "labor"),
            ("organisation", "organization"),
            ("centre", "center"),
            ("defence", "defense"),
            ("travelled", "traveled"),
        ] {
            assert!(same_word_spelled_differently(a, b), "{a} {b}");
        }
        assert!(!same_word_spelled_differently("labor", "labor"));
        assert!(!same_word_spelled_differently("employers", "employees"));
        assert!(!same_word_spelled_differently("union", "unions"));
        assert_eq!(spelling_family("federation"), None);
    }

    #[test]
    fn a_spelling_in_the_other_number_is_found_through_the_singular() {
        for (a, b) in [
            ("counselors", "counsellor"),
            ("counsellor", "counselors"),
            ("programs", "programme"),
            ("programmes", "program"),
            ("centres", "center"),
            ("labour", "labors"),
        ] {
            assert!(spelled_differently_in_other_number(a, b), "{a} {b}");
            assert!(!same_word_spelled_differently(a, b), "{a} {b}");
            let shared = families_in_either_number(a)
                .iter()
                .any(|f| families_in_either_number(b).contains(f));
            assert!(shared, "{a} {b}");
        }
        // One number, one spelling, or no spelling at all: not this.
        for (a, b) in [
            ("counselors", "counsellors"),
            ("counsellors", "counsellor"),
            ("programs", "program"),
            ("unions", "union"),
            ("employers", "employee"),
            ("counsel", "counsellors"),
        ] {
            assert!(!spelled_differently_in_other_number(a, b), "{a} {b}");
        }
        assert!(families_in_either_number("federations").is_empty());
    }

    #[test]
    fn respellings_write_each_word_in_its_other_spellings_with_its_capitals() {
        assert_eq!(
            respellings("Labor Dispute Arbitration Committee", 7),
            ["Labour Dispute Arbitration Committee"]
        );
        assert_eq!(respellings("LICENCE fee", 7), ["LICENSE fee"]);
        let both = respellings("labor license", 7);
        assert_eq!(both.len(), 3, "{both:?}");
        for form in ["labour license", "labor licence", "labour licence"] {
            assert!(both.iter().any(|f| f == form), "{form}: {both:?}");
        }
        assert_eq!(respellings("labor license", 1).len(), 1);
        // Whole words only, and none for words without spellings.
        assert!(respellings("laborx and xlabor", 7).is_empty());
        assert!(respellings("trade union", 7).is_empty());
    }

    #[test]
    fn text_with_its_words_spelled_as_their_families() {
        let american = with_families("the labor organization's center");
        let british = with_families("the labour organisation's centre");
        assert!(american.is_some() || british.is_some());
        assert_eq!(
            american
                .as_deref()
                .unwrap_or("the labor organization's center"),
            british
                .as_deref()
                .unwrap_or("the labour organisation's centre")
        );
        assert_eq!(with_families("the trade union met"), None);
        // Whole words only: "labour" inside "labourx" or "xlabour" is no word of its own.
        assert_eq!(with_families("labourx xlabour"), None);
        let folded = with_families("labour, labourx").expect("a word with a family");
        assert!(folded.ends_with(", labourx"), "{folded}");
    }
}
