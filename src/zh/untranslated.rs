//! Source text left untranslated in the English target.

use std::ops::Range;

use crate::segment::holds_text;

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

/// What is untranslated in `target` for `source`. An empty target (or one of nameless
/// placeholders only) reports only [`Untranslated::Empty`]; a copied source only
/// [`Untranslated::Copied`]; otherwise every run of Chinese characters.
pub fn untranslated(source: &str, target: &str) -> Vec<Untranslated> {
    let (s, t) = (source.trim(), target.trim());
    if !holds_text(t) {
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
    // Digits and Latin letters written against Chinese without a space are part of it
    // (沪深300指数, 10万): one run, reported once, and a source term in it found whole.
    // One pass, holding nothing per character: a target may be one huge text node.
    let mut out = Vec::new();
    let mut close = |start: usize, end: usize| {
        // A placeholder's name, kept as the source writes it ("{用户名}"), is no text to
        // translate: the program fills it in.
        let placeholder = target[..start].ends_with('{')
            && target[end..].starts_with('}')
            && source.contains(&target[start - 1..end + 1]);
        if !placeholder {
            out.push(Untranslated::ChineseRun(start..end));
        }
    };
    // The run being read: where it starts, and whether it holds a Chinese character.
    let mut run: Option<(usize, bool)> = None;
    let mut previous: Option<char> = None;
    let mut chars = target.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let glued = c.is_ascii_alphanumeric()
            || matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
            || (c == '.'
                && previous.is_some_and(|p| p.is_ascii_digit())
                && chars.peek().is_some_and(|&(_, d)| d.is_ascii_digit()));
        let han = is_han(c);
        if glued || han {
            run.get_or_insert((at, false)).1 |= han;
        } else if let Some((start, with_han)) = run.take() {
            if with_han {
                close(start, at);
            }
        }
        previous = Some(c);
    }
    if let Some((start, true)) = run {
        close(start, target.len());
    }
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
            // A target of standalone codes alone (XLIFF `<x/>`, read as `{}`) is empty.
            ("点击{}继续", "{}", vec![Empty]),
            ("点击{}继续", " {} {}", vec![Empty]),
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
            // Digits and letters written against Chinese are part of it.
            (
                "沪深300指数收涨",
                "The 沪深300指数 closed up",
                vec![ChineseRun(4..19)],
            ),
            ("单价为10万元", "It is 10.5万 yuan", vec![ChineseRun(6..13)]),
            ("C919客机", "the C919客机 flew", vec![ChineseRun(4..14)]),
            ("他说", "2023 好的", vec![ChineseRun(5..11)]),
            // Look-alikes that are translated.
            ("工会", "the union", vec![]),
            ("2023", "2023", vec![]),
            ("APEC", "APEC", vec![]),
            ("", "", vec![]),
            ("123", "", vec![]),
            ("{}", "{}", vec![]),
            ("{}个", "{} items", vec![]),
            ("点击{}继续", "{name}", vec![]),
            ("工会", "the union（ACFTU）", vec![]),
            ("工会", "Café — naïve ×3", vec![]),
            // A placeholder's name kept as the source writes it is no text.
            ("你好，{用户名}", "Hello, {用户名}", vec![]),
            ("你好，${用户名}", "Hello, ${用户名}", vec![]),
            // Not in the source, or not a whole placeholder: left in.
            ("你好，{姓名}", "Hello, {用户名}", vec![ChineseRun(8..17)]),
            (
                "你好，{用户名}",
                "Hello, {用户名 here}",
                vec![ChineseRun(8..17)],
            ),
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
