//! The indefinite article a word takes: "a" before a consonant sound, "an" before a vowel
//! sound, read from the spelling where English spelling settles it, and undecided where it
//! does not, so that a caller can leave the text as it was.

/// The indefinite article of English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Article {
    /// "a", before a consonant sound ("a hydraulic cylinder", "a university", "a one-way
    /// valve").
    A,
    /// "an", before a vowel sound ("an oil cylinder", "an hour", "an MRI scan").
    An,
}

impl Article {
    /// The article in small letters.
    pub fn as_str(self) -> &'static str {
        match self {
            Article::A => "a",
            Article::An => "an",
        }
    }
}

/// Letters whose names start with a vowel sound ("ef", "aitch", "el", "em", "en", "ar", "es",
/// "ex", and the vowels but "u"): an initialism that starts with one takes "an" ("an MRI", "an
/// SSD", "an X-ray"), a word that does takes "a" ("a motor").
const VOWEL_NAMED_LETTERS: &str = "aefhilmnorsx";

/// Beginnings of the words whose "h" is silent: "an hour", "an honest", "an heir", "an
/// honour", and what is made of them ("hourly", "honorary", "heirloom"). "Herb" is silent in
/// American English only, so undecided.
const SILENT_H: &[&str] = &["hour", "honest", "honor", "honour", "heir"];

/// The indefinite article that `word` takes, the first word of a phrase as a glossary writes
/// it ("hydraulic", "MRI", "one-way", "X-ray", "18-inch"); `None` where the spelling does not
/// tell the sound: an abbreviation that may be read as a word or letter by letter ("NATO",
/// "SQL"), a word in "un" before a vowel ("unit", "uninstalled"), a number such as "1100", a
/// letter of another script.
pub fn indefinite_article(word: &str) -> Option<Article> {
    // The word up to its first character that is no letter or digit ("one" of "one-way").
    let lead: &str = &word[..word
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(word.len())];
    let first = lead.chars().next()?;
    if first.is_ascii_digit() {
        return number_article(lead);
    }
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let letters: Vec<char> = lead.chars().collect();
    // A letter alone is read as its name: "an X-ray", "a U-turn", "an e-mail".
    if letters.len() == 1 {
        return Some(letter_article(first));
    }
    // In capitals, or with a capital after the first letter, an abbreviation: "MRI", "MSc".
    let abbreviation = letters[1].is_uppercase()
        || letters
            .iter()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase());
    if abbreviation {
        return abbreviation_article(&lead.to_ascii_lowercase());
    }
    word_article(&lead.to_lowercase())
}

fn letter_article(letter: char) -> Article {
    if VOWEL_NAMED_LETTERS.contains(letter.to_ascii_lowercase()) {
        Article::An
    } else {
        Article::A
    }
}

fn is_vowel(c: char) -> bool {
    "aeiouy".contains(c)
}

/// The article of an abbreviation (in small letters): read letter by letter, or as a word,
/// which agree unless its first letter is a consonant whose name starts with a vowel ("an
/// MRI", "a MOSFET"). Letter by letter is certain when the second letter cannot follow the
/// first in an English word ("MRI", "HTTP", "NGO"); "NATO", "LAN", "SCADA" and "SQL" may be
/// read as words, and are left undecided. "U" is named "you", and a word in "u" that is an
/// abbreviation ("UNESCO", "UEFA") is read so too; an "e" before "u" may be ("EULA").
fn abbreviation_article(lead: &str) -> Option<Article> {
    let mut chars = lead.chars();
    let first = chars.next()?;
    let second = chars.next()?;
    match first {
        'u' => Some(Article::A),
        'e' if second == 'u' => None,
        'a' | 'e' | 'i' | 'o' => Some(Article::An),
        _ if !VOWEL_NAMED_LETTERS.contains(first) => Some(Article::A),
        _ if !second.is_ascii_alphabetic() => Some(Article::An),
        // The onsets English words start with: a word may be read ("SCADA", "FRAND").
        'f' if matches!(second, 'l' | 'r') => None,
        's' if "ckmnlpqtw".contains(second) => None,
        _ if is_vowel(second) => None,
        _ => Some(Article::An),
    }
}

/// The article of an ordinary word (in small letters).
fn word_article(word: &str) -> Option<Article> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let second = chars.next();
    let third = chars.next();
    // "Uni" is "you-ni" in the words made of Latin "unus" ("unit", "union", "universal",
    // "unique", "uniform", "unicorn"), "un-i" in a word denied ("uninstalled"): told apart by
    // the letter after it where the two do not share one ("unim", "unid" do).
    if let Some(rest) = word.strip_prefix("uni") {
        return match rest.chars().next() {
            Some('n') => Some(Article::An),
            Some(c) if "cfloqpstvx".contains(c) => Some(Article::A),
            _ => None,
        };
    }
    match first {
        'h' if SILENT_H.iter().any(|h| word.starts_with(h)) => Some(Article::An),
        'h' if word.starts_with("herb") => None,
        // "eu" and "ew" are read "you": "a European", "a eulogy", "a ewe".
        'e' if matches!(second, Some('u' | 'w')) => Some(Article::A),
        // "One" starts with a "w": "a one-way valve", "a once-only fee"; not "onerous".
        'o' if word == "one" || word == "once" => Some(Article::A),
        'a' | 'e' | 'i' | 'o' => Some(Article::An),
        'u' => match (second, third) {
            // Before two consonants "u" is short: "an umbrella", "an update", "an ultrasonic";
            // not where they may start a syllable ("Ukrainian", "upload").
            (Some(c), Some(d)) if !is_vowel(c) && !is_vowel(d) => {
                let onset = "bcdgkpt".contains(c) && "lr".contains(d);
                (!onset).then_some(Article::An)
            }
            // Before a consonant and a vowel it is "you" ("a user", "a utility", "a uranium
            // mine"), but for the consonants that start a prefix or a short syllable too:
            // "un" starts "unit" and "uninstalled", "up" "upon", "ul" "ulema".
            (Some(c), Some(d)) if !is_vowel(c) && is_vowel(d) => {
                "bfgkrstv".contains(c).then_some(Article::A)
            }
            _ => None,
        },
        'y' => match second {
            Some(c) if is_vowel(c) => Some(Article::A),
            _ => None,
        },
        c if c.is_ascii_alphabetic() => Some(Article::A),
        _ => None,
    }
}

/// The article of a number written in digits (`lead`, its leading digits and what is written
/// against them): read "eight…", "eleven" or "eighteen", it takes "an"; others take "a" ("a
/// 5 mm gap", "a 100-day plan", "a 1500 W motor"), but for four digits or more that start
/// with "11" or "18", which may be read in hundreds ("1100", "eleven hundred") or not ("one
/// thousand one hundred"), and are left undecided, as is a leading zero.
fn number_article(lead: &str) -> Option<Article> {
    let digits: &str = &lead[..lead
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(lead.len())];
    if digits.len() < lead.len() {
        // A unit written against the number ("5mm", "18kg"): read the number.
        return number_article(digits);
    }
    match digits.as_bytes() {
        [b'8', ..] => Some(Article::An),
        [b'0', ..] => None,
        b"11" | b"18" => Some(Article::An),
        [b'1', b'1' | b'8', _, _, ..] => None,
        _ => Some(Article::A),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_follows_the_first_sound() {
        for (word, article) in [
            ("hydraulic", Article::A),
            ("solenoid", Article::A),
            ("mounting", Article::A),
            ("motor", Article::A),
            ("letter", Article::A),
            ("oil", Article::An),
            ("electromagnetic", Article::An),
            ("installation", Article::An),
            ("admission", Article::An),
            ("Hydraulic", Article::A),
            ("hour", Article::An),
            ("hourly", Article::An),
            ("honorary", Article::An),
            ("heirloom", Article::An),
            ("house", Article::A),
            ("historic", Article::A),
            ("university", Article::A),
            ("unit", Article::A),
            ("union", Article::A),
            ("unique", Article::A),
            ("uninterruptible", Article::An),
            ("user", Article::A),
            ("utility", Article::A),
            ("uranium", Article::A),
            ("ubiquitous", Article::A),
            ("umbrella", Article::An),
            ("update", Article::An),
            ("ultrasonic", Article::An),
            ("unstable", Article::An),
            ("European", Article::A),
            ("eulogy", Article::A),
            ("ewe", Article::A),
            ("one-way", Article::A),
            ("once-only", Article::A),
            ("onerous", Article::An),
            ("year", Article::A),
            ("MRI", Article::An),
            ("HTTP", Article::An),
            ("NGO", Article::An),
            ("SSD", Article::An),
            ("LCD", Article::An),
            ("MSc", Article::An),
            ("USB", Article::A),
            ("UNESCO", Article::A),
            ("CPU", Article::A),
            ("DPhil", Article::A),
            ("PhD", Article::A),
            ("OLED", Article::An),
            ("AI-based", Article::An),
            ("iPhone", Article::An),
            ("X-ray", Article::An),
            ("U-turn", Article::A),
            ("e-mail", Article::An),
            ("T-shirt", Article::A),
            ("8-inch", Article::An),
            ("80", Article::An),
            ("11", Article::An),
            ("18kg", Article::An),
            ("18-month", Article::An),
            ("1", Article::A),
            ("5mm", Article::A),
            ("100-day", Article::A),
            ("12", Article::A),
            ("110", Article::A),
            ("1500", Article::A),
        ] {
            assert_eq!(indefinite_article(word), Some(article), "{word}");
        }
    }

    #[test]
    fn what_the_spelling_does_not_settle_is_undecided() {
        for word in [
            "unidirectional",
            "unimportant",
            "unaware",
            "upon",
            "Ukrainian",
            "upload",
            "herb",
            "NATO",
            "LAN",
            "SQL",
            "SCADA",
            "FRAND",
            "EULA",
            "1100",
            "011",
            "α-amylase",
            "“hydraulic",
            "",
            "ytterbium",
        ] {
            assert_eq!(indefinite_article(word), None, "{word}");
        }
    }
}
