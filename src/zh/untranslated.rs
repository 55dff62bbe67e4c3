//! Source text left untranslated in the English target.

use std::ops::Range;

/// Why a target counts as untranslated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Untranslated {
    /// The source has text, the target none.
    Empty,
    /// The target is the source, unchanged (ignoring surrounding whitespace).
    Copied,
    /// Chinese characters left in the target, at this byte span.
    ChineseRun(Range<usize>),
}

/// Han ideographs (the unified blocks, extensions and compatibility forms) and the CJK
/// punctuation that only appears in Chinese text.
fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{3134f}'
        | '\u{3007}')
}

/// Whether a source has anything to translate: letters or ideographs, not only numbers,
/// punctuation or markup.
fn has_words(text: &str) -> bool {
    text.chars().any(|c| c.is_alphabetic())
}

/// What is untranslated in `target` for `source`. An empty target reports only [`Untranslated::Empty`];
/// a copied source only [`Untranslated::Copied`]; otherwise every run of Chinese characters.
pub fn untranslated(source: &str, target: &str) -> Vec<Untranslated> {
    let (s, t) = (source.trim(), target.trim());
    if t.is_empty() {
        return if has_words(s) {
            vec![Untranslated::Empty]
        } else {
            Vec::new()
        };
    }
    // A source of digits, codes or names in Latin letters may rightly stay as it is.
    if s == t && s.chars().any(is_han) {
        return vec![Untranslated::Copied];
    }
    let mut out = Vec::new();
    let mut run: Option<Range<usize>> = None;
    for (i, c) in target.char_indices() {
        if is_han(c) {
            let end = i + c.len_utf8();
            run = Some(run.map_or(i..end, |r| r.start..end));
        } else if let Some(r) = run.take() {
            out.push(Untranslated::ChineseRun(r));
        }
    }
    out.extend(run.map(Untranslated::ChineseRun));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        use Untranslated::*;
        let cases: &[(&str, &str, Vec<Untranslated>)] = &[
            ("工会", "", vec![Empty]),
            ("工会", "  ", vec![Empty]),
            ("工会", "工会", vec![Copied]),
            ("工会", " 工会 ", vec![Copied]),
            (
                "上海市总工会召开",
                "The 总工会 met",
                vec![ChineseRun(4..13)],
            ),
            (
                "他说",
                "He said 好的，谢谢",
                vec![ChineseRun(8..14), ChineseRun(17..23)],
            ),
            // Look-alikes that are translated.
            ("工会", "the union", vec![]),
            ("2023", "2023", vec![]),
            ("APEC", "APEC", vec![]),
            ("", "", vec![]),
            ("123", "", vec![]),
            ("工会", "the union（ACFTU）", vec![]),
            ("工会", "Café — naïve ×3", vec![]),
        ];
        for (source, target, expected) in cases {
            assert_eq!(
                &untranslated(source, target),
                expected,
                "{source} / {target}"
            );
        }
    }
}
