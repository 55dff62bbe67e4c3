//! English words, from SCOWL (the word lists behind most English spell checkers), so that a
//! word of the language is never taken for a slip of a glossary word: "inserted" may be a
//! glossary word, but "insulted" in a text is another word, not a typo of it.
//!
//! The list is `data/english-words.txt`: the words of the Debian packages `wamerican` and
//! `wbritish` (SCOWL size 50, inflected forms included), in lower case, without possessives,
//! sorted by bytes; see `data/README.md` for its licence and how it is made.

use std::sync::OnceLock;

/// Whether `word`, in lower case, is an English word.
pub fn is_english_word(word: &str) -> bool {
    words().binary_search(&word).is_ok()
}

/// Whether `word`, in lower case, is one the word lists give only with a capital letter: a
/// proper name or an abbreviation ("paris", "nasa", "monday"), not a word of ordinary prose.
/// Words also listed in lower case ("john", "china", "mark") are not names here.
pub fn is_name(word: &str) -> bool {
    names().binary_search(&word).is_ok()
}

/// `word`, in lower case, as the dictionary holds it, if it is an English word.
pub fn english_word(word: &str) -> Option<&'static str> {
    let words = words();
    words.binary_search(&word).ok().map(|i| words[i])
}

fn words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../data/english-words.txt")
            .lines()
            .filter(|w| !w.is_empty())
            .collect()
    })
}

fn names() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        include_str!("../data/english-names.txt")
            .lines()
            .filter(|w| !w.is_empty())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_the_language_and_slips() {
        for word in [
            "insulted", "inserted", "clothes", "cloths", "labour", "labor",
        ] {
            assert!(is_english_word(word), "{word}");
        }
        for word in [
            "federaton",
            "memebrs",
            "standnig",
            "secunty",
            "",
            "Insulted",
        ] {
            assert!(!is_english_word(word), "{word}");
        }
    }

    #[test]
    fn names_are_the_words_listed_only_with_a_capital() {
        for word in ["paris", "nasa", "ibm", "monday", "english", "ltd"] {
            assert!(is_name(word), "{word}");
            assert!(is_english_word(word), "{word}");
        }
        for word in [
            "john", "china", "mark", "ending", "fee", "warranty", "Paris", "",
        ] {
            assert!(!is_name(word), "{word}");
        }
    }

    #[test]
    fn the_lists_are_sorted_for_binary_search() {
        assert!(words().len() > 50_000);
        assert!(words().windows(2).all(|w| w[0] < w[1]));
        assert!(names().len() > 5_000);
        assert!(names().windows(2).all(|w| w[0] < w[1]));
    }
}
