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

fn words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../data/english-words.txt")
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
    fn the_list_is_sorted_for_binary_search() {
        assert!(words().len() > 50_000);
        assert!(words().windows(2).all(|w| w[0] < w[1]));
    }
}
