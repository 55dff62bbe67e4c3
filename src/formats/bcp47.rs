//! Well-formedness of BCP 47 language tags (RFC 5646 section 2.1, syntax only: no registry
//! look-up), as XLIFF 2 requires of `srcLang`, `trgLang` and `xml:lang`.

/// The irregular grandfathered tags, which the general syntax does not produce.
const IRREGULAR: &[&str] = &[
    "en-gb-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-be-fr",
    "sgn-be-nl",
    "sgn-ch-de",
];

/// Whether `tag` is a well-formed BCP 47 language tag (`en`, `zh-Hant-TW`, `de-CH-1996`,
/// `x-private`); `e`, `f r` and `en_US` are not.
pub fn is_well_formed(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    if IRREGULAR.contains(&lower.as_str()) {
        return true;
    }
    let subtags: Vec<&str> = lower.split('-').collect();
    if subtags
        .iter()
        .any(|s| s.is_empty() || s.len() > 8 || !s.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return false;
    }
    if subtags[0] == "x" {
        return subtags.len() > 1;
    }
    let alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    let digit = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mut i = 0;
    // language: 2*3ALPHA [extlang] / 4ALPHA / 5*8ALPHA
    let language = subtags[0];
    if !alpha(language) || language.len() < 2 {
        return false;
    }
    i += 1;
    if language.len() <= 3 {
        // extlang: up to three 3ALPHA subtags
        let mut extlangs = 0;
        while extlangs < 3 && subtags.get(i).is_some_and(|s| s.len() == 3 && alpha(s)) {
            extlangs += 1;
            i += 1;
        }
    }
    // script: 4ALPHA
    if subtags.get(i).is_some_and(|s| s.len() == 4 && alpha(s)) {
        i += 1;
    }
    // region: 2ALPHA / 3DIGIT
    if subtags
        .get(i)
        .is_some_and(|s| (s.len() == 2 && alpha(s)) || (s.len() == 3 && digit(s)))
    {
        i += 1;
    }
    // variants: 5*8alphanum / DIGIT 3alphanum
    while subtags
        .get(i)
        .is_some_and(|s| s.len() >= 5 || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit()))
    {
        i += 1;
    }
    // extensions: singleton 1*("-" 2*8alphanum)
    while let Some(s) = subtags.get(i).filter(|s| s.len() == 1 && **s != "x") {
        let _ = s;
        i += 1;
        let start = i;
        while subtags.get(i).is_some_and(|s| s.len() >= 2) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    // privateuse: "x" 1*("-" 1*8alphanum)
    if subtags.get(i) == Some(&"x") {
        return subtags.len() > i + 1;
    }
    i == subtags.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_tags() {
        for tag in [
            "en",
            "EN-us",
            "zh-Hant-TW",
            "zh-hk",
            "de-CH-1996",
            "sr-Latn-RS",
            "es-419",
            "zh-yue-HK",
            "en-a-bbb-x-a-ccc",
            "x-whatever",
            "i-klingon",
            "en-GB-oed",
            "lb-lu",
            "haw",
            "tlh-Latn",
        ] {
            assert!(is_well_formed(tag), "{tag}");
        }
    }

    #[test]
    fn malformed_tags() {
        for tag in [
            "",
            "e",
            "f r",
            "en_US",
            "en-",
            "-en",
            "en--us",
            "1en",
            "en-a",
            "en-x",
            "x",
            "toolongtag",
            "en-US-a",
            "de-419-DE",
        ] {
            assert!(!is_well_formed(tag), "{tag}");
        }
    }
}
