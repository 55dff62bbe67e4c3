//! The numbers a Chinese source and an English target state, for `number-mismatch`.
//!
//! Each side is read into a multiset of values: Arabic numerals (with thousands separators and
//! decimals, and a Chinese or English multiplier after them: `3.5万`, `1.2 billion`), Chinese
//! numerals (`十八`, `一千五百`, `二〇二三`), ordinals (`第十八次`, `18th`, `eighteenth`), dates
//! (`10月20日` and `October 20` both give 10 and 20), percentages (`百分之三十`, `30%`,
//! `30 percent` all give 30) and common English number words.
//!
//! Small numbers written as words are ambiguous on both sides: Chinese `一` is also an article
//! (`一个好人`, "a good man") and part of words (`统一`), English "one" is also a pronoun. Such
//! occurrences are *weak*: they are not required to appear on the other side, but they may
//! stand for a number the other side states. So `三个工会` matches "3 unions" and "three unions",
//! and a text with neither "3" nor "three" is not a mismatch. One-character Chinese numerals
//! outside dates and percentages (一天, 第一, 百), approximations (十几, 二十多, 上百), both
//! readings of a range (七八万 → 70,000 or 80,000) and a bare English "hundred" are weak too.

use std::collections::BTreeMap;

use super::is_ideograph;
use crate::normalize::floor_char_boundary;

/// A value in thousandths, so that 3.5 and 1.2 billion compare exactly, and so do the
/// 18 digits of an identity card number: values are read from their digits, never through a
/// floating-point number, whose 53 bits hold no more than 15 or 16 digits.
pub type Value = i128;

/// How sure the reading is that a numeral is a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Digits, or a numeral word that is only a number.
    Strong,
    /// A small numeral word that is also an article, pronoun or part of another word.
    Weak,
}

/// One number read from a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    /// Its value in thousandths.
    pub value: Value,
    /// Whether the other side must state it.
    pub strength: Strength,
    /// Its bytes in the text read.
    pub start: usize,
    /// End of its bytes.
    pub end: usize,
    /// What it counts, where the text says so.
    pub kind: Kind,
    /// Which reading of its numeral this is, where the numeral reads more than one way and
    /// the other side must state one of them; `None` for a numeral of one reading.
    pub reading: Option<Reading>,
}

/// One of the readings of a numeral that reads in more than one way, of which the other side
/// must state one: 1.5倍 is 1.5 times or 150%, 下午5点 5 or 17 o'clock, "11.11" a decimal or
/// the eleventh of November. Each reading is as strong as the numeral; [`compare`] keeps the
/// one the other side states best and makes the others weak, no count of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// Where the numeral read starts: its readings share it.
    pub numeral: usize,
    /// Which reading: 0 is the numeral as written. A reading of several numbers (a date's
    /// month and day) gives each of them the same choice.
    pub choice: u8,
}

/// What a number counts, where that is part of its meaning: 0.4 percent and 0.4 percentage
/// points are one value and two different changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A number whose unit is left to the words around it.
    Plain,
    /// A percentage: `30%`, `百分之三十`, "30 percent", "30 per cent".
    Percent,
    /// A difference of percentages: `0.4个百分点`, "0.4 percentage points", "0.4 pp".
    PercentagePoint,
    /// A rank or place in a series: `第一`, `一季度`, `首次`, "18th", "the first", "finished
    /// second".
    Ordinal,
    /// A share taken off a price: `八折` read as 20% off, `半价`, "20% off", "save 20%".
    PercentOff,
    /// The share of a price paid: `八折` read as 80% of the price. A percentage off cannot
    /// stand for it: `九五折` as "95% off" is a mismatch.
    PercentPaid,
    /// The denominator or numerator of a fraction: `四分之一` is 4 and 1, "a quarter" and
    /// "half" state 4 and 1 and 2 and 1 without a numeral, "two thirds" 3. A fraction word's
    /// parts are weak, no count of their own: they stand for a fraction written otherwise
    /// (`1/4`, `四分之一`), and a fraction changed (三分之一 as "a quarter") is compared as a
    /// rank is.
    Fraction,
}

/// Thousandths of a whole number.
const UNIT: Value = 1000;

/// The most digits before a decimal point read as one number. A longer run is an identifier
/// rather than an amount (a 40-digit serial number); it is read as pieces of this many digits,
/// each exact, so that any digit changed still changes a value. Thirty digits in thousandths,
/// times 万亿, still fit a [`Value`].
const MAX_DIGITS: usize = 30;

/// Thousandths of the decimal digits after a point (0 to 9 each): `5` is 500, `8349` 835,
/// rounded half up at the fourth digit.
fn decimal_thousandths(digits: impl IntoIterator<Item = u8>) -> Value {
    let (mut v, mut n, mut round_up) = (0, 0, false);
    for d in digits {
        match n {
            0..=2 => v = v * 10 + Value::from(d),
            3 => round_up = d >= 5,
            _ => break,
        }
        n += 1;
    }
    for _ in n.min(3)..3 {
        v *= 10;
    }
    v + Value::from(round_up)
}

/// A number as its digits state it, before it is rounded to a [`Value`]: `19.9303` is 199303
/// at scale 4, so that "19.9303 million" is 19,930,300 and not 19.930 million.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Decimal {
    digits: Value,
    /// How many of the digits are decimals.
    scale: u32,
}

/// The most digits a [`Decimal`] keeps, before and after the point: 10 to this power fits
/// a [`Value`], times a thousand.
const MAX_KEPT: usize = 35;

impl Decimal {
    /// A value already in thousandths.
    fn thousandths(v: Value) -> Decimal {
        Decimal {
            digits: v,
            scale: 3,
        }
    }

    /// The number times a multiplier (万, "million", a dozen): a power of ten moves the point,
    /// and decimals below the thousandth give way before the digits would overflow, which
    /// saturate only then.
    fn times(mut self, mut m: Value) -> Decimal {
        while m % 10 == 0 && self.scale > 0 {
            m /= 10;
            self.scale -= 1;
        }
        while self.digits.checked_mul(m).is_none() && self.scale > 3 {
            self.digits = (self.digits + 5) / 10;
            self.scale -= 1;
        }
        self.digits = self.digits.saturating_mul(m);
        self
    }

    /// The number in thousandths, rounded half up.
    fn value(self) -> Value {
        if self.scale <= 3 {
            return self.digits.saturating_mul(10_i128.pow(3 - self.scale));
        }
        let d = 10_i128.pow(self.scale - 3);
        let (q, r) = (self.digits / d, self.digits % d);
        q + Value::from(r.abs() * 2 >= d) * self.digits.signum()
    }
}

/// Shows a value as the number a person would write: `35000`, `3.5`, `-0.25`, and every
/// digit of `110105200001011234`.
pub fn display_value(v: Value) -> String {
    if let Some(version) = version_name(v) {
        return version;
    }
    if let Some(decimal) = fine_name(v) {
        return decimal;
    }
    if (PLUS_MINUS_TAG..FINE_TAG).contains(&v) {
        return format!("±{}", display_value(v - PLUS_MINUS_TAG));
    }
    let sign = if v < 0 { "-" } else { "" };
    let (whole, thousandths) = (v.unsigned_abs() / 1000, v.unsigned_abs() % 1000);
    if thousandths == 0 {
        format!("{sign}{whole}")
    } else {
        let fraction = format!("{thousandths:03}");
        format!("{sign}{whole}.{}", fraction.trim_end_matches('0'))
    }
}

fn chinese_digit(c: char) -> Option<Value> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '兩' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn chinese_small_unit(c: char) -> Option<Value> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

fn chinese_big_unit(c: char) -> Option<Value> {
    Some(match c {
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        _ => return None,
    })
}

fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some()
        || chinese_small_unit(c).is_some()
        || chinese_big_unit(c).is_some()
        || c == '点'
        || c == '點'
}

/// Characters after a numeral that make it a date or a percentage: such a numeral is a number
/// even when it is one character (五月 "May", 二十日).
fn is_date_or_percent(c: char) -> bool {
    matches!(c, '月' | '日' | '号' | '號' | '%' | '％')
}

/// Characters between a numeral and a magnitude that make it an approximation of the
/// magnitude's count (10多万 "over 100,000", 十几亿 "over a billion", 3000余万).
fn approximates_a_magnitude(c: char) -> bool {
    matches!(c, '几' | '幾' | '多' | '余' | '餘' | '来' | '來')
}

/// Characters around a numeral that make it an approximation (十几个 "a dozen or so", 二十多
/// "over twenty", 上百 "about a hundred"), which translations render loosely.
fn is_approximation(before: Option<char>, after: Option<char>) -> bool {
    matches!(after, Some('几' | '幾' | '多' | '余' | '餘' | '来' | '來'))
        || matches!(before, Some('上' | '近' | '成' | '百'))
}

/// The value of a Chinese numeral written with units (`一千五百`, `十八`, `三万二千`), or digit
/// by digit (`二〇二三`), in whole units; decimals (`三点五`) are read by the caller.
fn chinese_integer(chars: &[char]) -> Option<Value> {
    if chars.is_empty() {
        return None;
    }
    let has_unit = chars
        .iter()
        .any(|&c| chinese_small_unit(c).is_some() || chinese_big_unit(c).is_some());
    if !has_unit {
        let mut v: Value = 0;
        for &c in chars {
            v = v.checked_mul(10)?.checked_add(chinese_digit(c)?)?;
        }
        return Some(v);
    }
    let (mut total, mut section, mut digit): (Value, Value, Option<Value>) = (0, 0, None);
    // The unit just before the last digit, if nothing stood between them.
    let mut unit_before_digit = None;
    let mut last_unit = None;
    for &c in chars {
        if let Some(d) = chinese_digit(c) {
            unit_before_digit = last_unit.take();
            digit = Some(d);
        } else if let Some(u) = chinese_small_unit(c) {
            section += digit.unwrap_or(1) * u;
            digit = None;
            last_unit = Some(u);
        } else if let Some(u) = chinese_big_unit(c) {
            let part = section + digit.unwrap_or(0);
            if u == 100_000_000 {
                // 亿 alone (亿元, a unit of account) is one of it, as 万 alone is.
                total = (total + part).max(1).checked_mul(u)?;
            } else {
                total = total.checked_add(part.max(1).checked_mul(u)?)?;
            }
            section = 0;
            digit = None;
            last_unit = Some(u);
        } else {
            return None;
        }
    }
    // A last digit right after a unit of a hundred or more counts in the unit below it:
    // 一百五 is 150, 两万五 25,000 (一百零五, with the zero, is 105).
    let last = match (digit, unit_before_digit) {
        (Some(d), Some(u)) if u >= 100 => d.checked_mul(u / 10)?,
        (d, _) => d.unwrap_or(0),
    };
    total.checked_add(section + last)
}

/// Reads every number in Chinese text.
pub fn chinese_numbers(text: &str) -> Vec<Number> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if is_digit(c) && after_entity_start(text, start) {
            i = skip_entity(&chars, i);
            continue;
        }
        if let Some((value, j)) = script_number_at(&chars, i) {
            out.push(Number {
                kind: Kind::Plain,
                value,
                strength: script_strength(text, start),
                start,
                end: end_of(j),
                reading: None,
            });
            i = j;
            continue;
        }
        if let Some(value) = enclosed_number(c) {
            out.push(Number {
                kind: Kind::Plain,
                value: value * UNIT,
                strength: Strength::Strong,
                start,
                end: end_of(i + 1),
                reading: None,
            });
            i += 1;
            continue;
        }
        if let Some((value, j)) = roman_numeral_at(&chars, i) {
            out.push(Number {
                kind: Kind::Plain,
                value: value * UNIT,
                strength: Strength::Weak,
                start,
                end: end_of(j),
                reading: None,
            });
            i = j;
            continue;
        }
        if is_digit(c) {
            let (number, mut j) = arabic_at(&chars, i);
            let before = i.checked_sub(1).map(|k| chars[k].1);
            if let Some(paid) =
                arabic_price_share(number.value()).filter(|_| discount_follows(&chars, j, before))
            {
                out.extend(discount_readings(paid, start, end_of(j + 1)));
                i = j + 1;
                continue;
            }
            let mut number = number;
            // A Chinese multiplier after Arabic digits: 3.5万, 1.2亿, 10万亿. 千 before a unit
            // is the unit's prefix kilo (5200千克 is 5200 kg, 3万千米 30,000 km), no multiplier.
            let multiplier = |m: char| chinese_big_unit(m).or((m == '千').then_some(1000));
            // An approximation before a multiplier counts in it, loosely: 10多万 is "over
            // 100,000", 3000余万 "over 30 million".
            let approximate = chars
                .get(j)
                .is_some_and(|&(_, a)| approximates_a_magnitude(a))
                && chars
                    .get(j + 1)
                    .is_some_and(|&(_, m)| chinese_big_unit(m).is_some());
            if approximate {
                j += 1;
            }
            let mut smallest = None;
            while let Some(u) = chars
                .get(j)
                .and_then(|&(_, m)| multiplier(m))
                .filter(|&u| u != 1000 || !kilo_unit_follows(&text[end_of(j + 1)..]))
            {
                number = number.times(u);
                smallest = Some(u);
                j += 1;
            }
            let mut value = number.value();
            // Digits and a smaller unit after it go on with the number: 1万2千 is 12,000,
            // 3亿5000万 350 million.
            while let Some(unit) =
                smallest.filter(|_| chars.get(j).is_some_and(|&(_, c)| is_digit(c)))
            {
                let (more, k) = arabic_at(&chars, j);
                match chars
                    .get(k)
                    .and_then(|&(_, m)| multiplier(m).or((m == '百').then_some(100)))
                {
                    Some(u) if u < unit => {
                        value = value.saturating_add(more.times(u).value());
                        smallest = Some(u);
                        j = k + 1;
                    }
                    _ => break,
                }
            }
            // A race time: 9秒83 is 9.83 seconds (1分23秒45, 1 minute 23.45 seconds).
            if smallest.is_none()
                && value % UNIT == 0
                && chars.get(j).is_some_and(|&(_, c)| c == '秒')
            {
                let fraction_digits = chars[j + 1..]
                    .iter()
                    .take_while(|&&(_, c)| c.is_ascii_digit())
                    .count();
                let k = j + 1 + fraction_digits;
                let goes_on = chars
                    .get(k)
                    .is_some_and(|&(_, c)| is_digit(c) || c == '.' || is_chinese_numeral(c));
                if (1..=3).contains(&fraction_digits) && !goes_on {
                    value +=
                        decimal_thousandths(chars[j + 1..k].iter().map(|&(_, c)| c as u8 - b'0'));
                    j = k;
                }
            }
            // Whole hours (20:00) say their minutes only in a 24-hour clock: "8 pm" has none.
            let zero_minutes = value == 0
                && text[start..end_of(j)].len() == 2
                && text[..start].ends_with([':', '：'])
                && text[..start]
                    .trim_end_matches([':', '：'])
                    .ends_with(|c: char| c.is_ascii_digit());
            out.push(Number {
                kind: Kind::Plain,
                value,
                strength: if zero_minutes || approximate {
                    Strength::Weak
                } else {
                    Strength::Strong
                },
                start,
                end: end_of(j),
                reading: None,
            });
            i = j;
            continue;
        }
        // A run may start with 百 or 千 after 上/近/成 (上百 "about a hundred"), or before 万 or
        // 亿 (百万, 千亿: round amounts, 百万元 "a million yuan"); elsewhere they start words
        // (百姓 "the people").
        let prev = i.checked_sub(1).map(|k| chars[k].1);
        let round_amount = matches!(c, '百' | '佰' | '千' | '仟')
            && chars
                .get(i + 1)
                .is_some_and(|&(_, u)| chinese_big_unit(u).is_some());
        // 零下 is "below zero", a sign (零下30℃ is -30 °C), no zero.
        let below_zero = c == '零' && chars.get(i + 1).is_some_and(|&(_, d)| d == '下');
        let starts_numeral = (chinese_digit(c).is_some() && !below_zero)
            || matches!(c, '十' | '拾')
            || (matches!(c, '百' | '千') && matches!(prev, Some('上' | '近' | '成')))
            || round_amount;
        let unit_of_account = !starts_numeral && bare_magnitude_at(text, &chars, i);
        if !starts_numeral && !unit_of_account {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && is_chinese_numeral(chars[j].1) {
            j += 1;
        }
        // A decimal point must be followed by a digit.
        while j > i && matches!(chars[j - 1].1, '点' | '點') {
            j -= 1;
        }
        // 千 last before a unit is its prefix kilo. After 万 or 亿 it is only that (三万千米 is
        // 30,000 km); after a digit it is also a thousand of the unit (五千米 is 5 km or 5,000
        // m, and English writes either), so the run has both readings, weak.
        let mut kilo_or_thousand = false;
        if j > i + 1
            && matches!(chars[j - 1].1, '千' | '仟')
            && kilo_unit_follows(&text[end_of(j)..])
        {
            if chinese_big_unit(chars[j - 2].1).is_some() {
                j -= 1;
            } else {
                kilo_or_thousand = true;
            }
        }
        // A round amount is a number where an amount is counted (百万元, 千万人); alone it may
        // be an amount (百亿补贴) or a word (百万富翁 "millionaire"), and 千万 is also "by all
        // means" (千万不要).
        let counted_amount = round_amount && amount_follows(&text[end_of(j)..]);
        if round_amount && !counted_amount && matches!(c, '千' | '仟') && j == i + 2 {
            i = j;
            continue;
        }
        let run: Vec<char> = chars[i..j].iter().map(|&(_, c)| c).collect();
        let before = i.checked_sub(1).map(|k| chars[k].1);
        let after = chars.get(j).map(|&(_, c)| c);
        let first = i;
        i = j;
        // A clock time: 五点三十分 is 5 o'clock and 30 minutes, 五点零五分 5:05, no decimals
        // (三点五 is 3.5, and so is 九点五分, also a score of 9.5 points).
        let point = run.iter().position(|&c| matches!(c, '点' | '點'));
        if let Some(p) = point.filter(|&p| {
            let minutes = &run[p + 1..];
            minutes.iter().any(|&c| chinese_small_unit(c).is_some())
                || (after == Some('分') && matches!(minutes.first(), Some('零' | '〇')))
        }) {
            let hour = read_chinese_run(&run[..p], before, Some(run[p]), false);
            let minutes = read_chinese_run(&run[p + 1..], Some(run[p]), after, false);
            for (reading, from, to) in [(hour, first, first + p), (minutes, first + p + 1, j)] {
                if let Some((value, strength)) = reading {
                    out.push(Number {
                        kind: Kind::Plain,
                        value,
                        strength,
                        start: end_of(from),
                        end: end_of(to),
                        reading: None,
                    });
                }
            }
            continue;
        }
        if let Some(ordinal) = five_year_plan(&run, before, &text[end_of(j)..]) {
            out.push(Number {
                kind: Kind::Ordinal,
                value: ordinal * UNIT,
                strength: Strength::Strong,
                start,
                end: end_of(j),
                reading: None,
            });
            continue;
        }
        if let Some(paid) =
            chinese_price_share(&run).filter(|_| discount_follows(&chars, j, before))
        {
            out.extend(discount_readings(paid, start, end_of(j + 1)));
            continue;
        }
        // 成 after a numeral counts tenths: 三成 is 30%, 七八成 70 or 80%.
        let (tenths, tenths_end) = if after == Some('成')
            && !chars
                .get(j + 1)
                .is_some_and(|&(_, c)| starts_word_with_cheng(c))
        {
            (10, j + 1)
        } else {
            (1, j)
        };
        if tenths == 1 && !matches!(before, Some('几' | '幾' | '数' | '數' | '万' | '萬' | '千'))
        {
            if let Some((readings, strength)) = digit_run_readings(&run, after) {
                for (choice, reading) in (0..).zip(&readings) {
                    out.extend(reading.iter().map(|&value| Number {
                        kind: Kind::Plain,
                        value,
                        strength,
                        start,
                        end: end_of(j),
                        reading: Some(Reading {
                            numeral: start,
                            choice,
                        }),
                    }));
                }
                continue;
            }
        }
        // A range of two adjacent digits (七八万 "seventy or eighty thousand", 二十七八 "27 or
        // 28") is an approximation: both readings, weak.
        if let Some(k) = range_at(&run) {
            for drop in [k + 1, k] {
                let mut reading = run.clone();
                reading.remove(drop);
                if let Some((value, _)) = read_chinese_run(&reading, before, after, true) {
                    out.push(Number {
                        kind: Kind::Plain,
                        value: value.saturating_mul(tenths),
                        strength: Strength::Weak,
                        start,
                        end: end_of(tenths_end),
                        reading: None,
                    });
                }
            }
            continue;
        }
        if let Some((value, _)) = read_chinese_run(&run, before, after, false)
            .filter(|&(v, _)| kilo_or_thousand && v % (1000 * UNIT) == 0)
        {
            for value in [value, value / 1000] {
                out.push(Number {
                    kind: Kind::Plain,
                    value,
                    strength: Strength::Weak,
                    start,
                    end: end_of(j),
                    reading: None,
                });
            }
            continue;
        }
        if let Some((value, strength)) = read_chinese_run(&run, before, after, false) {
            // A numeral after 分之 is a fraction's or a percentage's (三分之一, 百分之五,
            // 千分之三), surely a number though of one character. After 之 alone it is none:
            // 之一 is "one of" (有下列情形之一的, "in any of the following circumstances").
            let fraction_part = text[..start].ends_with("分之") && !is_approximation(before, after);
            // A round magnitude bound to a unit in a class (百万千瓦级 "gigawatt-class") is
            // the unit's magnitude, which English may name in the unit alone.
            let class = round_amount && unit_class_follows(&text[end_of(j)..]);
            let strength = if (round_amount && !counted_amount) || unit_of_account || class {
                Strength::Weak
            } else if fraction_part {
                Strength::Strong
            } else {
                strength
            };
            // An approximation before a multiplier counts in it (二十多万 "over 200,000",
            // 十几亿 "over a billion"); the approximation has made the number weak.
            let magnitude = after
                .filter(|&a| approximates_a_magnitude(a))
                .and_then(|_| chars.get(j + 1))
                .and_then(|&(_, m)| chinese_big_unit(m))
                .unwrap_or(1);
            out.push(Number {
                kind: Kind::Plain,
                value: value.saturating_mul(tenths).saturating_mul(magnitude),
                strength,
                start,
                end: end_of(tenths_end),
                reading: None,
            });
        }
    }
    read_space_grouped_thousands(text, &mut out);
    distribute_chinese_ranges(text, &mut out);
    expand_short_year_ranges(text, &mut out);
    read_halves(text, &mut out);
    read_half_prices(text, &mut out);
    read_decades(text, &mut out);
    mark_fractions(text, &mut out);
    name_rounds(text, &mut out);
    mark_chinese_percentages(text, &mut out);
    mark_chinese_ordinals(text, &mut out);
    drop_argument_indexes(text, &mut out);
    drop_unit_powers(text, &mut out);
    read_e_notation(text, &mut out);
    read_signs(text, &mut out);
    read_multiples(text, &mut out);
    read_chinese_clock_times(text, &mut out);
    read_chinese_named_times(text, &mut out);
    carry_dates_over_ranges(text, &mut out);
    read_date_names(text, &mut out);
    read_compact_dates(text, &mut out);
    read_dotted_date_names(text, &mut out);
    read_dotted_dates(text, &mut out);
    read_versions(text, &mut out);
    out
}

/// 第一, 第十八: ranks. 一季度 to 四季度 are the first to fourth quarters (前三季度, "the first
/// three quarters", counts them). 首次, 首届, 首个 rank first without a numeral: a weak 1, so
/// that "for the first time" has its source.
fn mark_chinese_ordinals(text: &str, numbers: &mut Vec<Number>) {
    for n in numbers.iter_mut() {
        let before = &text[..n.start];
        let quarter = text[n.end..].starts_with("季度")
            && (UNIT..=4 * UNIT).contains(&n.value)
            && !before.ends_with(['前', '后', '後', '头', '頭', '近']);
        if before.ends_with('第') || quarter {
            n.kind = Kind::Ordinal;
        }
    }
    const FIRST: [&str; 10] = [
        "首次", "首届", "首屆", "首度", "首个", "首個", "首位", "首场", "首場", "首批",
    ];
    for f in FIRST {
        for (start, _) in text.match_indices(f) {
            numbers.push(Number {
                value: UNIT,
                strength: Strength::Weak,
                start,
                end: start + '首'.len_utf8(),
                kind: Kind::Ordinal,
                reading: None,
            });
        }
    }
    numbers.sort_by_key(|n| (n.start, n.value));
}

/// 30%, 百分之三十: a percentage; 0.4个百分点: a difference of percentages, which a
/// translation must not turn into a percentage ("0.4%"). Per mille and per ten thousand are
/// percentages of a tenth and a hundredth of the numeral: 千分之一 and 1‰ are 0.1%, 万分之五
/// and 5‱ 0.05% (a daily penalty rate, "0.05% per day"), so that 千分之一 as "1%" is a
/// number changed. The other number of a range (千分之三至五, 3～5‰) reads as written or as
/// its partner's rate.
fn mark_chinese_percentages(text: &str, numbers: &mut Vec<Number>) {
    // How many parts of a hundred the numeral counts in: 10 per mille, 100 per ten thousand.
    let mut scaled = vec![1; numbers.len()];
    for (n, scaled) in numbers.iter_mut().zip(&mut scaled) {
        let rest = text[n.end..].trim_start();
        let before = &text[..n.start];
        // 三千分之一 is one three-thousandth, a fraction (3000 and 1).
        let fraction_of = |word: &str| {
            before
                .strip_suffix(word)
                .is_some_and(|b| !b.ends_with(|c: char| is_digit(c) || is_chinese_numeral(c)))
        };
        let per_hundred = if fraction_of("千分之") || fraction_of("仟分之") || rest.starts_with('‰')
        {
            Some(10)
        } else if fraction_of("万分之") || fraction_of("萬分之") || rest.starts_with('‱') {
            Some(100)
        } else {
            None
        };
        if let Some(parts) = per_hundred {
            n.value = divided(n.value, parts);
            n.kind = Kind::Percent;
            *scaled = parts;
        } else if rest.starts_with(['%', '％']) || before.ends_with("百分之") {
            n.kind = Kind::Percent;
        } else if ["个百分点", "個百分點", "百分点", "百分點"]
            .iter()
            .any(|p| rest.starts_with(p))
        {
            n.kind = Kind::PercentagePoint;
        }
    }
    let range_mark = |between: &str| {
        let between = between.trim_start_matches(['‰', '‱']).trim();
        let between = between.strip_suffix("千分之").unwrap_or(between);
        let between = between.strip_suffix("万分之").unwrap_or(between);
        matches!(
            between.trim(),
            "至" | "到" | "-" | "–" | "—" | "－" | "~" | "～"
        )
    };
    spread_rates_over_ranges(text, numbers, &scaled, range_mark);
}

/// A value divided by a whole number, rounded half away from zero: a thousandth of a
/// percentage stays exact to the thousandth, as [`decimal_thousandths`] rounds.
fn divided(value: Value, by: Value) -> Value {
    let q = value.saturating_abs().saturating_add(by / 2) / by;
    if value < 0 {
        -q
    } else {
        q
    }
}

/// Where one number of a range was read as a rate in parts of a hundred other than one
/// (`scaled`: 3‰ is 0.3%, in tenths) and the other was not (3～5‰, 千分之三至五), the other
/// reads either way: as written, or as a rate of its partner's scale, which the rate states
/// once for both.
fn spread_rates_over_ranges(
    text: &str,
    numbers: &mut Vec<Number>,
    scaled: &[Value],
    range_mark: impl Fn(&str) -> bool,
) {
    let mut added = Vec::new();
    for k in 1..numbers.len() {
        let (a, b) = (numbers[k - 1], numbers[k]);
        if scaled[k - 1] == scaled[k] || !text.get(a.end..b.start).is_some_and(&range_mark) {
            continue;
        }
        let (parts, at) = if scaled[k] > 1 {
            (scaled[k], k - 1)
        } else {
            (scaled[k - 1], k)
        };
        if scaled[at] != 1 || numbers[at].kind != Kind::Plain {
            continue;
        }
        let value = divided(numbers[at].value, parts);
        add_readings(numbers, at, &[&[(value, Kind::Percent)]], &mut added);
    }
    if !added.is_empty() {
        numbers.extend(added);
        numbers.sort_by_key(|n| (n.start, n.value));
    }
}

/// Gives `numbers[k]` further readings, choices after the numeral as written (choice 0): each
/// reading one or more numbers (value and kind), as strong as the numeral and over its span.
/// [`compare`] keeps the reading the other side states. A numeral with readings already, or
/// one of the two readings of a range of adjacent digits (七八倍), is left as it is.
fn add_readings(
    numbers: &mut [Number],
    k: usize,
    readings: &[&[(Value, Kind)]],
    added: &mut Vec<Number>,
) {
    let n = numbers[k];
    let shared = numbers
        .iter()
        .enumerate()
        .any(|(m, o)| m != k && o.start == n.start);
    if n.reading.is_some() || shared || added.iter().any(|o| o.start == n.start) {
        return;
    }
    let numeral = n.start;
    numbers[k].reading = Some(Reading { numeral, choice: 0 });
    for (choice, reading) in (1..).zip(readings) {
        for &(value, kind) in *reading {
            added.push(Number {
                value,
                kind,
                reading: Some(Reading { numeral, choice }),
                ..n
            });
        }
    }
}

/// N倍, "N times": a multiple, which English writes as one ("1.5 times", "twice",
/// "tripled", "threefold", "2x") or as a percentage (1.5倍 as "150% of the wage"): the
/// numeral reads as N or as N×100%. After a verb or adjective of increase (增加1倍, 提高了2倍,
/// 高出3倍) Chinese usage is split between "N times more" and "N times as much" (增加1倍 is
/// "doubled", "increased by 100%" and as often "increased by one time"), so N+1 and an
/// increase of (N−1)×100% are readings too. 双倍, 翻倍 and 加倍, "double", are 2, as loose as
/// a numeral of one character. 倍数 ("a multiple") counts nothing.
fn read_multiples(text: &str, numbers: &mut Vec<Number>) {
    let multiple_after = |end: usize| {
        let rest = &text[end..];
        rest.starts_with('倍') && !rest["倍".len()..].starts_with(['数', '數', '率'])
    };
    let mut added = Vec::new();
    for word in ["双倍", "雙倍", "翻倍", "加倍"] {
        for (start, _) in text.match_indices(word) {
            if multiple_after(start + word.len() - "倍".len()) {
                added.push(Number {
                    value: 2 * UNIT,
                    strength: Strength::Weak,
                    start,
                    end: start + word.len(),
                    kind: Kind::Plain,
                    reading: Some(Reading {
                        numeral: start,
                        choice: 0,
                    }),
                });
                added.push(Number {
                    value: 200 * UNIT,
                    kind: Kind::Percent,
                    reading: Some(Reading {
                        numeral: start,
                        choice: 1,
                    }),
                    ..added[added.len() - 1]
                });
            }
        }
    }
    let range_mark = |a: &Number, b: &Number| {
        text.get(a.end..b.start).is_some_and(|between| {
            matches!(
                between.trim(),
                "至" | "到" | "-" | "–" | "—" | "－" | "~" | "～"
            )
        })
    };
    for k in 0..numbers.len() {
        let n = numbers[k];
        // 2至3倍: the first number of a range is a multiple as the second is.
        let range_head = numbers
            .get(k + 1)
            .filter(|b| multiple_after(b.end) && range_mark(&n, b));
        let head = match k.checked_sub(1).map(|m| numbers[m]) {
            Some(a) if range_mark(&a, &n) && multiple_after(n.end) => a.start,
            _ => n.start,
        };
        if !(multiple_after(n.end) || range_head.is_some()) || n.kind != Kind::Plain || n.value <= 0
        {
            continue;
        }
        let percent = n.value.saturating_mul(100);
        let mut readings: Vec<Vec<(Value, Kind)>> = vec![vec![(percent, Kind::Percent)]];
        if increase_before(&text[..head]) {
            readings.push(vec![(n.value.saturating_add(UNIT), Kind::Plain)]);
            if n.value > UNIT {
                readings.push(vec![(percent - 100 * UNIT, Kind::Percent)]);
            }
        }
        let readings: Vec<&[(Value, Kind)]> = readings.iter().map(Vec::as_slice).collect();
        add_readings(numbers, k, &readings, &mut added);
    }
    if !added.is_empty() {
        numbers.extend(added);
        numbers.sort_by_key(|n| (n.start, n.value));
    }
}

/// Whether a verb or adjective of increase ends `before`, with 了 or not: 增加, 增长, 提高,
/// 升高, 上升, 上涨, 扩大, 翻, and comparatives (高出, 多出, 大, 长).
fn increase_before(before: &str) -> bool {
    let before = before.trim_end();
    let before = before.strip_suffix('了').unwrap_or(before);
    before.ends_with([
        '加', '增', '长', '長', '高', '升', '涨', '漲', '大', '多', '翻', '出',
    ])
}

/// Clock times in Chinese. An hour after a word for the afternoon or the evening (下午5点,
/// 晚8时, 傍晚6点, 中午1点) is a pm hour, which English writes as "5 pm" or on the 24-hour
/// clock ("17:00"): it reads either way, as a pm hour of English does, and a range shares its
/// meridiem (下午3点至5点). 晚 after a degree adverb is "late" (最晚5点, "at the latest"); 上午,
/// 早上 and 凌晨 are morning hours, read as written. 点半 is half past ("5:30").
fn read_chinese_clock_times(text: &str, numbers: &mut Vec<Number>) {
    const PM_WORDS: [&str; 9] = [
        "下午", "午后", "午後", "晚上", "晚间", "晚間", "傍晚", "中午", "夜晚",
    ];
    let clock_after = |end: usize| text[end..].starts_with(['点', '點', '时', '時', ':', '：']);
    let pm_before = |start: usize| {
        let before = text[..start].trim_end();
        PM_WORDS.iter().any(|w| before.ends_with(w))
            || before.strip_suffix('晚').is_some_and(|b| {
                !b.ends_with([
                    '最', '较', '較', '更', '太', '很', '稍', '过', '過', '偏', '不', '再',
                ])
            })
    };
    // The end of the last pm hour read, for a range that shares it.
    let mut pm_until = None;
    let mut added = Vec::new();
    for k in 0..numbers.len() {
        let n = numbers[k];
        let rest = &text[n.end..];
        if ["点半", "點半", "时半", "時半"]
            .iter()
            .any(|h| rest.starts_with(h))
        {
            let half = n.end + "点".len();
            added.push(Number {
                value: 30 * UNIT,
                strength: Strength::Weak,
                start: half,
                end: half + "半".len(),
                kind: Kind::Plain,
                reading: None,
            });
        }
        if !clock_after(n.end) || n.value % UNIT != 0 || !(UNIT..12 * UNIT).contains(&n.value) {
            continue;
        }
        let in_range = pm_until.is_some_and(|e: usize| {
            text.get(e..n.start).is_some_and(|between| {
                between.contains(['至', '到', '-', '–', '—', '－', '~', '～'])
                    && between
                        .chars()
                        .all(|c| is_digit(c) || "点點时時分:：半至到-–—－~～ ".contains(c))
            })
        });
        pm_until = None;
        if pm_before(n.start) || in_range {
            add_readings(
                numbers,
                k,
                &[&[(n.value + 12 * UNIT, Kind::Plain)]],
                &mut added,
            );
            pm_until = Some(n.end);
        }
    }
    if !added.is_empty() {
        numbers.extend(added);
        numbers.sort_by_key(|n| (n.start, n.value));
    }
}

/// 正午 and 中午 ("noon") name 12时, 午夜 and 子夜 ("midnight") 0时 or 24时, as English "noon"
/// and "midnight" do: loose, so that "at 12:00" or "at 0:00" for them has its source. Before
/// an hour (中午12点, 中午1点) the hour is what the text states.
fn read_chinese_named_times(text: &str, numbers: &mut Vec<Number>) {
    if !text.contains(['午', '夜']) {
        return;
    }
    let mut added = Vec::new();
    for (word, hours) in [
        ("正午", &[12][..]),
        ("中午", &[12]),
        ("午夜", &[0, 24]),
        ("子夜", &[0, 24]),
    ] {
        for (start, _) in text.match_indices(word) {
            let end = start + word.len();
            let hour_follows = text[end..]
                .trim_start()
                .starts_with(|c: char| is_digit(c) || is_chinese_numeral(c));
            if hour_follows {
                continue;
            }
            added.extend(hours.iter().map(|&h| Number {
                value: h * UNIT,
                strength: Strength::Weak,
                start,
                end,
                kind: Kind::Plain,
                reading: None,
            }));
        }
    }
    if !added.is_empty() {
        numbers.extend(added);
        numbers.sort_by_key(|n| (n.start, n.value));
    }
}

/// Marks between the two dates of a range or a list: 7月12日至14日, 7月12日—14日, 7月12日、14日.
const DATE_RANGE_MARKS: [char; 13] = [
    '至', '到', '-', '–', '—', '－', '~', '～', '〜', '、', '和', '及', '与',
];

/// 7月12日8时至13日8时, 7月12日至14日, 2023年7月12日至8月3日: the second date of a range
/// leaves out the month and the year the first states, which English repeats ("from July 12
/// to July 14", "July 12, 2023 to August 3, 2023"). The second date reads them too, loose, so
/// that a translation may write them once or twice. A range is a date (its day before 日 or
/// 号, its month before 月, its year before 年), then a range mark with at most a clock time
/// between (8时, 上午8点30分), then a day or a month and day.
fn carry_dates_over_ranges(text: &str, numbers: &mut Vec<Number>) {
    if !text.contains(DATE_RANGE_MARKS) {
        return;
    }
    let before_unit = |n: &Number, units: &[char]| {
        n.kind == Kind::Plain
            && n.value % UNIT == 0
            && n.reading.is_none()
            && text[n.end..].starts_with(units)
    };
    // The number right before `numbers[k]`, joined to it by `unit` (the month of 7月12日).
    let joined_before = |k: usize, unit: char| {
        let p = numbers[..k].last()?;
        (before_unit(p, &[unit]) && p.end + unit.len_utf8() == numbers[k].start).then_some(k - 1)
    };
    let only_clock_time = |between: &str| {
        between
            .chars()
            .filter(|c| DATE_RANGE_MARKS.contains(c))
            .count()
            == 1
            && between.chars().count() <= 16
            && between.chars().all(|c| {
                is_digit(c)
                    || is_chinese_numeral(c)
                    || DATE_RANGE_MARKS.contains(&c)
                    || " :：时時点點分秒半上下中午晚早凌晨傍间間夜".contains(c)
            })
    };
    let mut added = Vec::new();
    // The month and year of the last date read, and where it ends.
    let mut last: Option<(Value, Option<Value>, usize)> = None;
    for k in 0..numbers.len() {
        let n = numbers[k];
        if !before_unit(&n, &['日', '号', '號']) || !(UNIT..=31 * UNIT).contains(&n.value) {
            continue;
        }
        let date_end = n.end + '日'.len_utf8();
        let month = joined_before(k, '月').filter(|&m| numbers[m].value <= 12 * UNIT);
        let year = month
            .and_then(|m| joined_before(m, '年'))
            .map(|y| numbers[y].value);
        let start = month.map_or(n.start, |m| numbers[m].start);
        if let Some((first_month, first_year, first_end)) = last {
            if text.get(first_end..start).is_some_and(only_clock_time) {
                if month.is_none() {
                    added.push((first_month, n.start, n.end));
                }
                if let Some(y) = first_year.filter(|_| year.is_none()) {
                    added.push((y, start, n.end));
                }
            }
        }
        last = match (month, last) {
            (Some(m), _) => Some((numbers[m].value, year, date_end)),
            // A list goes on: 7月12日、13日、14日.
            (None, Some((m, y, end))) if text.get(end..n.start).is_some_and(only_clock_time) => {
                Some((m, y, date_end))
            }
            (None, _) => None,
        };
    }
    add_weak_readings(numbers, added);
}

/// Days named by their month and day written without a date's words, as e-commerce names
/// them, which English may write as a date ("11.11", "6.18"): 双十一 and 双11 are the 11th of
/// November (双 and a month's number, the day of the same number), and 618 or 1111, the
/// digits of a month and a day run together, are June 18 and November 11. Each reads as
/// written or as its month and day. Not an amount (618元, 1205人).
fn read_date_names(text: &str, numbers: &mut Vec<Number>) {
    let mut added = Vec::new();
    for k in 0..numbers.len() {
        let n = numbers[k];
        if n.kind != Kind::Plain || n.value % UNIT != 0 {
            continue;
        }
        let before = &text[..n.start];
        let whole = n.value / UNIT;
        let month_and_day = if before.ends_with(['双', '雙']) && (1..=12).contains(&whole) {
            Some((whole, whole))
        } else {
            let written = &text[n.start..n.end];
            let rest = &text[n.end..];
            // A name stands alone: not joined to a letter, a digit or a sign (碘-131, G318,
            // ¥618), nor followed by a unit, multiplier or amount (618元, 230千帕, 1205人), nor
            // a rank or an approximation (第131条, 约618). A year may be one (618年中大促).
            let joined =
                |c: char| (c.is_alphanumeric() && !is_ideograph(c)) || "-–—./:_#".contains(c);
            let counted = amount_follows(rest)
                || kilo_unit_follows(rest)
                || rest.starts_with(|c: char| {
                    is_chinese_numeral(c)
                        || is_date_or_percent(c)
                        || "‰倍岁歲元页頁条條章节節号號路次期届屆层層楼樓室分秒时時".contains(c)
                })
                || before.ends_with(|c: char| joined(c) || is_currency_sign(c))
                || rest.starts_with(joined)
                || before.ends_with(['第', '前', '约', '約', '近']);
            if counted || !written.bytes().all(|b| b.is_ascii_digit()) {
                None
            } else {
                split_month_day(written)
            }
        };
        if let Some((month, day)) = month_and_day {
            let date: &[(Value, Kind)] = &[(month * UNIT, Kind::Plain), (day * UNIT, Kind::Plain)];
            add_readings(numbers, k, &[date], &mut added);
        }
    }
    if !added.is_empty() {
        numbers.extend(added);
        numbers.sort_by_key(|n| (n.start, n.value));
    }
}

/// The month and day whose digits run together in `digits`: 618 is June 18, 1111 November
/// 11; the day takes two digits (0105 is no date, 105 January 5).
fn split_month_day(digits: &str) -> Option<(Value, Value)> {
    if !(3..=4).contains(&digits.len()) || digits.starts_with('0') {
        return None;
    }
    let (month, day) = digits.split_at(digits.len() - 2);
    let (month, day) = (month.parse::<Value>().ok()?, day.parse::<Value>().ok()?);
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((month, day))
}

/// Events and days named by a month and a day in Chinese numerals joined by a middle dot:
/// 一二·九 (December 9), 九·一八 (September 18), 五·一 (May 1). The month is read as written
/// (一二 digit by digit, 十二 with its unit), not as the range or the separate numbers its
/// parts would be alone. Weak, as such names are (the December Ninth Movement).
fn read_dotted_date_names(text: &str, numbers: &mut Vec<Number>) {
    const DOTS: [char; 4] = ['·', '・', '•', '‧'];
    if !text.contains(DOTS) {
        return;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let numeral = |c: char| chinese_digit(c).is_some() || chinese_small_unit(c).is_some();
    let mut dates = Vec::new();
    for (p, &(_, dot)) in chars.iter().enumerate() {
        if !DOTS.contains(&dot) {
            continue;
        }
        let first = p - chars[..p]
            .iter()
            .rev()
            .take_while(|&&(_, c)| numeral(c))
            .count();
        let last = p
            + 1
            + chars[p + 1..]
                .iter()
                .take_while(|&&(_, c)| numeral(c))
                .count();
        let read = |from: usize, to: usize| {
            let run: Vec<char> = chars[from..to].iter().map(|&(_, c)| c).collect();
            (1..=3)
                .contains(&run.len())
                .then(|| chinese_integer(&run))
                .flatten()
        };
        let (Some(month), Some(day)) = (read(first, p), read(p + 1, last)) else {
            continue;
        };
        if (1..=12).contains(&month) && (1..=31).contains(&day) {
            let (start, end) = (end_of(first), end_of(last));
            dates.push((start, end_of(p), month));
            dates.push((end_of(p + 1), end, day));
        }
    }
    if dates.is_empty() {
        return;
    }
    let named = |n: &Number| {
        dates
            .chunks(2)
            .any(|d| d[0].0 <= n.start && n.end <= d[1].1)
    };
    numbers.retain(|n| !named(n));
    numbers.extend(dates.into_iter().map(|(start, end, value)| Number {
        value: value * UNIT,
        strength: Strength::Weak,
        start,
        end,
        kind: Kind::Plain,
        reading: None,
    }));
    numbers.sort_by_key(|n| (n.start, n.value));
}

/// 两个半小时, 一个半月, 两年半: a half after a count of hours, months or years is the count and
/// a half (2.5, 1.5). One and a half is as loose as one ("a month and a half").
fn read_halves(text: &str, numbers: &mut [Number]) {
    const COUNT_AND_A_HALF: [&str; 9] = [
        "个半小时",
        "个半钟头",
        "个半月",
        "个半星期",
        "个半礼拜",
        "个半世纪",
        "年半",
        "天半",
        "周半",
    ];
    for n in numbers.iter_mut() {
        let rest = &text[n.end..];
        // 2019年半年报 is a half-year report of 2019: only a small count of years has a half.
        let small_count = n.value < 100 * UNIT && n.value % UNIT == 0;
        if small_count && COUNT_AND_A_HALF.iter().any(|h| rest.starts_with(h)) {
            n.strength = if n.value >= 2 * UNIT {
                Strength::Strong
            } else {
                Strength::Weak
            };
            n.value += UNIT / 2;
        }
    }
}

/// 半价 "half price": 50% off, as loose as a numeral of one character.
fn read_half_prices(text: &str, numbers: &mut Vec<Number>) {
    let before = numbers.len();
    for word in ["半价", "半價"] {
        for (start, _) in text.match_indices(word) {
            numbers.push(Number {
                value: 50 * UNIT,
                strength: Strength::Weak,
                start,
                end: start + word.len(),
                kind: Kind::PercentOff,
                reading: None,
            });
        }
    }
    if numbers.len() > before {
        numbers.sort_by_key(|n| (n.start, n.value));
    }
}

/// Whether `chars[j]` is the 折 of a discount after a numeral (八折, 打6.5折, 九五折), not a
/// word (三折叠 "tri-fold", 折页 "leaflet") or the idiom 一波三折 "twists and turns".
fn discount_follows(chars: &[(usize, char)], j: usize, before: Option<char>) -> bool {
    const WORD_STARTS: &str = "叠疊页頁射线線腰断斷磨服损損返回旧舊算合纸紙扇痕角腾騰";
    chars.get(j).is_some_and(|&(_, c)| c == '折')
        && before != Some('波')
        && !chars
            .get(j + 1)
            .is_some_and(|&(_, c)| WORD_STARTS.contains(c))
}

/// The share of the price that a discount in Arabic digits leaves to pay, in percent: 8折 is
/// 80, 6.5折 65, and two digits are tenths too (95折 is 9.5折, 95).
fn arabic_price_share(value: Value) -> Option<Value> {
    if value > 0 && value < 10 * UNIT {
        Some(value * 10)
    } else if value % UNIT == 0 && (11 * UNIT..=99 * UNIT).contains(&value) {
        Some(value)
    } else {
        None
    }
}

/// The share of the price that a discount in Chinese numerals leaves to pay, in percent: 八折
/// is 80, 九五折 95, 六点五折 65. Two adjacent digits (七八折, "70 or 80%") are a range,
/// read as other ranges are.
fn chinese_price_share(run: &[char]) -> Option<Value> {
    let (tens, ones) = match *run {
        [d] => (chinese_digit(d)?, 0),
        [d, e] | [d, '点' | '點', e] => (chinese_digit(d)?, chinese_digit(e)?),
        _ => return None,
    };
    if tens == 0 || (run.len() == 2 && ones == tens + 1) {
        return None;
    }
    Some((tens * 10 + ones) * UNIT)
}

/// The readings of a discount that leaves `paid` percent of the price to pay: what it takes
/// off (八折, "20% off") and what it leaves ("80% of the price"). English says either, so both
/// are weak, as a range's readings are.
fn discount_readings(paid: Value, start: usize, end: usize) -> [Number; 2] {
    let reading = |value, kind| Number {
        value,
        strength: Strength::Weak,
        start,
        end,
        kind,
        reading: None,
    };
    [
        reading(100 * UNIT - paid, Kind::PercentOff),
        reading(paid, Kind::PercentPaid),
    ]
}

/// 90年代, 上世纪90年代, 二十世纪九十年代: a decade is the years of its century ("the 1990s")
/// or its two digits ("the '90s"), both weak. Without a century, the 20s are 1920s or 2020s.
fn read_decades(text: &str, numbers: &mut Vec<Number>) {
    let mut added = Vec::new();
    for k in 0..numbers.len() {
        let n = numbers[k];
        let decade = n.value / UNIT;
        if !text[n.end..].starts_with("年代")
            || n.value % (10 * UNIT) != 0
            || !(0..100).contains(&decade)
        {
            continue;
        }
        let before = &text[..n.start];
        let century_word = before
            .strip_suffix("世纪")
            .or_else(|| before.strip_suffix("世紀"));
        let centuries: Vec<Value> = match century_word {
            Some(w) if w.ends_with('上') || w.ends_with("上个") || w.ends_with("上個") => {
                vec![1900]
            }
            Some(w) if w.ends_with('本') || w.ends_with("这个") || w.ends_with("這個") => {
                vec![2000]
            }
            Some(w) => match k.checked_sub(1).filter(|&m| numbers[m].end == w.len()) {
                // 20世纪 counts the 1900s: its number is the decade's, not one of the text.
                Some(m) => {
                    numbers[m].strength = Strength::Weak;
                    vec![(numbers[m].value / UNIT - 1).saturating_mul(100)]
                }
                None => continue,
            },
            None if decade <= 20 => vec![1900, 2000],
            None => vec![1900],
        };
        numbers[k].strength = Strength::Weak;
        added.extend(centuries.into_iter().map(|c| Number {
            value: c.saturating_add(decade).saturating_mul(UNIT),
            strength: Strength::Weak,
            ..n
        }));
    }
    numbers.extend(added);
    numbers.sort_by_key(|n| (n.start, n.value));
}

/// 四分之一, 三分之二, 1/4: the numbers either side of 分之, or of a slash between digits, are
/// a fraction's, and a numeral before 分之 is surely a number, though of one character
/// (百分之三十, with no number before, is a percentage).
fn mark_fractions(text: &str, numbers: &mut [Number]) {
    for k in 1..numbers.len() {
        let (a, b) = (numbers[k - 1], numbers[k]);
        let slash = text.get(a.end..b.start) == Some("/")
            && text[..a.end].ends_with(is_digit)
            && text[b.start..].starts_with(is_digit);
        let fen_zhi = text.get(a.end..b.start) == Some("分之");
        if slash || fen_zhi {
            numbers[k - 1].kind = Kind::Fraction;
            numbers[k].kind = Kind::Fraction;
        }
        if fen_zhi {
            numbers[k - 1].strength = Strength::Strong;
        }
    }
}

/// 1/4决赛, 四分之一决赛, 1/8决赛: a fraction before 决赛 names a round ("quarterfinals",
/// "round of 16"), not a number of the text: its numbers are weak, with the teams it leaves
/// (twice the denominator) as a reading.
fn name_rounds(text: &str, numbers: &mut Vec<Number>) {
    let mut added = Vec::new();
    for k in 1..numbers.len() {
        let (a, b) = (numbers[k - 1], numbers[k]);
        if !(text[b.end..].starts_with("决赛") || text[b.end..].starts_with("決賽")) {
            continue;
        }
        let denominator = match text.get(a.end..b.start) {
            Some("/") if a.value == UNIT => b.value,
            Some("分之") if b.value == UNIT => a.value,
            _ => continue,
        };
        numbers[k - 1].strength = Strength::Weak;
        numbers[k].strength = Strength::Weak;
        added.push(Number {
            kind: Kind::Plain,
            value: denominator.saturating_mul(2),
            strength: Strength::Weak,
            start: a.start,
            end: b.end,
            reading: None,
        });
    }
    numbers.extend(added);
    numbers.sort_by_key(|n| (n.start, n.value));
}

/// Whether `chars[i]` starts a magnitude written alone before what it counts, a unit of
/// account: 万元 "RMB 10,000", 亿元 "RMB 100 million", 万亿元, 千港元 "HK$'000", 每百元 "per
/// RMB 100" (单位：万元 heads every Chinese financial table). It is the number it stands for,
/// but weak, as a translation may name the unit without it ("in ten thousand yuan"). A
/// magnitude after a number or an approximation is part of it (3.5万元, 10多万元, 几万元),
/// one in a name or word (万佛洞, 千方百计, 万万) counts nothing, and 千 before a unit is kilo
/// (千克).
fn bare_magnitude_at(text: &str, chars: &[(usize, char)], i: usize) -> bool {
    let prev = text[..chars[i].0].trim_end().chars().next_back();
    if prev.is_some_and(|p| {
        is_digit(p) || is_chinese_numeral(p) || matches!(p, '多' | '余' | '餘' | '来' | '來')
    }) {
        return false;
    }
    let run: Vec<char> = chars[i..]
        .iter()
        .map(|&(_, c)| c)
        .take_while(|&c| is_chinese_numeral(c))
        .map(|c| match c {
            '萬' => '万',
            '億' => '亿',
            '仟' => '千',
            '佰' => '百',
            c => c,
        })
        .collect();
    let rest = chars.get(i + run.len()).map_or("", |&(b, _)| &text[b..]);
    matches!(
        run.as_slice(),
        ['百'] | ['千'] | ['万'] | ['亿'] | ['万', '亿']
    ) && amount_follows(rest)
        && !(run == ['千'] && kilo_unit_follows(rest))
}

/// Whether an amount is counted right after a round number: a currency (百万元, 千亿美元) or a
/// measure word (千万人, 百万吨).
fn amount_follows(rest: &str) -> bool {
    const CURRENCIES: [&str; 12] = [
        "元",
        "美元",
        "欧元",
        "英镑",
        "日元",
        "港元",
        "澳元",
        "韩元",
        "人民币",
        "美金",
        "块",
        "卢布",
    ];
    const MEASURE_WORDS: &str =
        "人名个位户家件台辆套只头条张份本册亩顷米吨斤桶次株棵箱盒瓶架艘座间部字";
    CURRENCIES.iter().any(|c| rest.starts_with(c))
        || rest
            .chars()
            .next()
            .is_some_and(|c| MEASURE_WORDS.contains(c))
        || [
            "公里", "公顷", "公斤", "千克", "千米", "千瓦", "平方", "立方",
        ]
        .iter()
        .any(|m| rest.starts_with(m))
}

/// Whether `rest`, the text after a magnitude, is a unit of one to three characters and 级, a
/// class (千瓦级, 吨级, 千米级).
fn unit_class_follows(rest: &str) -> bool {
    rest.chars()
        .take(4)
        .position(|c| c == '级' || c == '級')
        .is_some_and(|k| k > 0 && rest.chars().take(k).all(is_ideograph) && amount_follows(rest))
}

/// Whether `rest`, the text after a 千, starts with a unit that takes 千 as the SI prefix kilo:
/// 千克 kg, 千米 km, 千瓦 kW (千瓦时 kWh), 千伏 kV, 千帕 kPa, 千赫 kHz, 千焦 kJ, 千卡 kcal, 千牛
/// kN, 千欧 kΩ, 千字节 KB, 千比特 kbit, and 千兆 giga (千兆赫 GHz). 兆 (mega), 毫 and 微 are
/// never read as multipliers, so only 千 needs telling apart. A word that starts with a unit's
/// character is no unit: 5千欧元 is 5,000 euros, 3千卡车 3,000 lorries.
fn kilo_unit_follows(rest: &str) -> bool {
    const UNITS: [&str; 13] = [
        "克", "米", "瓦", "伏", "帕", "赫", "焦", "卡", "牛", "欧", "兆", "字节", "比特",
    ];
    const WORDS: [&str; 8] = [
        "欧元", "欧洲", "欧盟", "卡车", "卡片", "牛羊", "牛肉", "牛奶",
    ];
    UNITS.iter().any(|u| rest.starts_with(u)) && !WORDS.iter().any(|w| rest.starts_with(w))
}

/// Characters after 成 that make it a word (成为 "become", 成本 "cost", 一成不变 "unchanging"),
/// not tenths after a numeral (三成 "30%").
fn starts_word_with_cheng(c: char) -> bool {
    "为爲立功本员員长長绩績果交熟就都年人效型品分份材语語形真全名批千百万萬群套天事亲親家器像药藥衣风風性败敗片双雙对對行文婚因色章活才书書规規见見心不了"
        .contains(c)
}

/// "5至8万", "3—5亿": the unit of the second number applies to the first, which then reads as
/// both (5 and 50,000), weak, as in English "seventy to eighty thousand".
fn distribute_chinese_ranges(text: &str, numbers: &mut Vec<Number>) {
    let mut added = Vec::new();
    for k in 1..numbers.len() {
        let (a, b) = (numbers[k - 1], numbers[k]);
        let Some(between) = text.get(a.end..b.start).map(str::trim) else {
            continue; // two readings of one run
        };
        if !matches!(between, "至" | "到" | "-" | "–" | "—" | "－" | "~" | "～") {
            continue;
        }
        let unit_value = |c: char| chinese_big_unit(c).or((c == '千').then_some(1000));
        let trailing_units = |t: &str| -> Value {
            t.chars()
                .rev()
                .map_while(unit_value)
                .fold(1, |m, u| m.saturating_mul(u))
        };
        let m = trailing_units(&text[b.start..b.end]);
        if m == 1 || trailing_units(&text[a.start..a.end]) != 1 {
            continue;
        }
        let Some(value) = a.value.checked_mul(m) else {
            continue;
        };
        numbers[k - 1].strength = Strength::Weak;
        added.push(Number {
            value,
            strength: Strength::Weak,
            ..a
        });
    }
    numbers.extend(added);
    numbers.sort_by_key(|n| (n.start, n.value));
}

/// The ordinal of a five-year plan named by its short name, the ordinal followed by 五
/// (十四五 "the 14th Five-Year Plan", “十三五”规划, 九五计划), or `None` where the run is no
/// such name. Read as a number, 十四五 would be a range (14 or 15, as in 十四五岁) and 十三五
/// nothing sensible. A name is where a plan word follows (规划, 时期, 期间, …); the names of the
/// eleventh to nineteenth plans are also names in quotes alone (“十四五”), while 十五 ("fifteen",
/// also the tenth plan) and 四五 ("four or five", also the April Fifth Movement) need the plan
/// word.
fn five_year_plan(run: &[char], before: Option<char>, rest: &str) -> Option<Value> {
    let digit = |c: char| chinese_digit(c).filter(|&d| d > 0);
    let (ordinal, quoted_is_enough) = match *run {
        ['十' | '拾', d, '五' | '伍'] => (10 + digit(d)?, true),
        ['十' | '拾', '五' | '伍'] => (10, false),
        [d, '五' | '伍'] => (digit(d)?, false),
        _ => return None,
    };
    if before == Some('第') {
        return None;
    }
    const OPENING: [char; 5] = ['“', '「', '『', '"', '‘'];
    const CLOSING: [char; 5] = ['”', '」', '』', '"', '’'];
    let quoted = before.is_some_and(|b| OPENING.contains(&b)) && rest.starts_with(CLOSING);
    const PLAN_WORDS: [&str; 16] = [
        "规划", "規劃", "计划", "計劃", "計畫", "时期", "時期", "期间", "期間", "末", "初期",
        "以来", "以來", "开局", "開局", "收官",
    ];
    let after_quote = rest.strip_prefix(CLOSING).unwrap_or(rest);
    let plan_word = PLAN_WORDS.iter().any(|w| after_quote.starts_with(w));
    (plan_word || (quoted && quoted_is_enough)).then_some(ordinal)
}

/// The readings of a run of two or more Chinese digits without a unit or a zero (a zero
/// makes a run digit by digit: 二〇二三), each the values it states, and how strong they are.
/// Two digits one apart are an approximation (五六 "five or six", 五六月 "May or June"), read
/// by [`range_at`]. Other runs name an event or a day by its month and day (九一八 September
/// 18, 七七 July 7, 八一 August 1, 三八 March 8) or are a number read digit by digit (三八线
/// "the 38th parallel", 九二共识 "the '92 Consensus" or "the 1992 Consensus"): weak, for the
/// translation states one reading or none (五四运动 "the May Fourth Movement"). [`compare`]
/// keeps the reading it states, and a number it states that no reading has (九一八 as
/// "September 19") is its own. Before 年 the run is a year, digit by digit and strong
/// (九二年 "in '92" or "in 1992"). 两 counts, never a digit of a name or a year (三两 "two or
/// three"): such a run is left to the caller, as is a year of more digits (一九四九年).
fn digit_run_readings(run: &[char], after: Option<char>) -> Option<(Vec<Vec<Value>>, Strength)> {
    let digits: Vec<Value> = run
        .iter()
        .map(|&c| chinese_digit(c).filter(|&d| d > 0 && !matches!(c, '两' | '兩')))
        .collect::<Option<_>>()?;
    let year = after == Some('年');
    let one_apart = matches!(digits[..], [a, b] if b == a + 1);
    if digits.len() < 2 || one_apart || (year && digits.len() > 2) {
        return None;
    }
    let number = |ds: &[Value]| {
        ds.iter()
            .try_fold(0, |v: Value, &d| v.checked_mul(10)?.checked_add(d))
    };
    let whole = number(&digits)?;
    let mut readings: Vec<Vec<Value>> = vec![vec![whole.saturating_mul(UNIT)]];
    // A year of a century, as '92 is written: 1992 or 2092.
    if digits.len() == 2 {
        readings.extend([1900, 2000].map(|century| vec![(century + whole) * UNIT]));
    }
    // A month and its day, each of one or two digits: 一二九 is January 29 or December 9.
    for split in 1..digits.len().min(3) {
        let (month, day) = (number(&digits[..split])?, number(&digits[split..])?);
        if !year && (1..=12).contains(&month) && (1..=31).contains(&day) {
            readings.push(vec![month * UNIT, day * UNIT]);
        }
    }
    let strength = if year {
        Strength::Strong
    } else {
        Strength::Weak
    };
    Some((readings, strength))
}

/// Where a run has two adjacent digits one apart (七八, 五六), not a zero.
fn range_at(run: &[char]) -> Option<usize> {
    // Digit by digit (二〇二三, 一九四九年): a year, not a range.
    let has_unit = run
        .iter()
        .any(|&c| chinese_small_unit(c).is_some() || chinese_big_unit(c).is_some());
    if run.iter().any(|&c| matches!(c, '〇' | '零')) || (!has_unit && run.len() > 2) {
        return None;
    }
    run.windows(2)
        .position(|w| match (chinese_digit(w[0]), chinese_digit(w[1])) {
            (Some(a), Some(b)) => a > 0 && b == a + 1,
            _ => false,
        })
}

/// The value and strength of one run of Chinese numeral characters, or `None` when the run is
/// a word rather than a number (`十分` "very", `五六月` "May or June", `几十` "dozens").
fn read_chinese_run(
    run: &[char],
    before: Option<char>,
    after: Option<char>,
    in_range: bool,
) -> Option<(Value, Strength)> {
    if matches!(before, Some('几' | '幾' | '数' | '數' | '万' | '萬' | '千')) {
        return None;
    }
    // Words: 十分 "very", 十足 "utterly", 十字 "cross", 十全 "perfect"; 四周, 四处, 四面
    // "all around"; 八方 "all directions".
    if run == ['十'] && matches!(after, Some('分' | '足' | '字' | '全')) {
        return None;
    }
    if (run == ['四'] && matches!(after, Some('周' | '处' | '處' | '面')))
        || (run == ['八'] && after == Some('方'))
    {
        return None;
    }
    let point = run.iter().position(|&c| matches!(c, '点' | '點'));
    let (int_part, frac_part) = match point {
        Some(p) => (&run[..p], &run[p + 1..]),
        None => (run, &run[run.len()..]),
    };
    let has_unit = int_part
        .iter()
        .any(|&c| chinese_small_unit(c).is_some() || chinese_big_unit(c).is_some());
    // A percentage (30%) or a date (五月, 二十日). 第一 "first", also "the best":
    // one-character ordinals are as loose as "first".
    let counted = after.is_some_and(is_date_or_percent);
    // Unitless runs of digits are read digit by digit only where that is how they are written:
    // years (二〇二三年) and runs with a zero; elsewhere adjacent digits are an approximation
    // (五六月份 "May or June", 三三两两).
    if !has_unit
        && !in_range
        && int_part.len() > 1
        && !int_part.iter().any(|&c| matches!(c, '〇' | '零'))
        && after != Some('年')
    {
        return None;
    }
    let whole = chinese_integer(int_part)?;
    let fraction = frac_part
        .iter()
        .map(|&c| chinese_digit(c).map(|d| d as u8))
        .collect::<Option<Vec<u8>>>()?;
    let value = whole
        .saturating_mul(UNIT)
        .saturating_add(decimal_thousandths(fraction));
    // A numeral of one character (一, 三, 十, 百) is also an article or part of a phrase
    // (一个好人 "a good man", 一天 "one day" or "a day"), and an approximation is rendered
    // loosely: both may stand for a number of the translation but need not.
    let strength = if (run.len() == 1 && !counted) || is_approximation(before, after) {
        Strength::Weak
    } else {
        Strength::Strong
    };
    Some((value, strength))
}

/// The ASCII digit a digit stands for: an ASCII one, or a full-width one (`３`, common in
/// typeset Chinese).
fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
        _ => None,
    }
}

/// The number an enclosed numeral stands for: circled (`①`, `⑳`, `㉑`, `❶`, `㊀`),
/// parenthesized (`⑴`, `㈠`) or with a full stop (`⒈`). They number the steps and items of
/// Chinese patents and manuals, which English writes "(1)", "1." or "step 1"; their NFKC form
/// is the digits. Roman numerals (`Ⅱ`) are read by [`roman_numeral_at`].
fn enclosed_number(c: char) -> Option<Value> {
    let from = |first: char, value: Value| Value::from(u32::from(c) - u32::from(first)) + value;
    Some(match c {
        '①'..='⑳' => from('①', 1),
        '⑴'..='⒇' => from('⑴', 1),
        '⒈'..='⒛' => from('⒈', 1),
        '⓪' | '⓿' => 0,
        '⓫'..='⓴' => from('⓫', 11),
        '⓵'..='⓾' => from('⓵', 1),
        '❶'..='❿' => from('❶', 1),
        '➀'..='➉' => from('➀', 1),
        '➊'..='➓' => from('➊', 1),
        '㉑'..='㉟' => from('㉑', 21),
        '㊱'..='㊿' => from('㊱', 36),
        '㈠'..='㈩' => from('㈠', 1),
        '㊀'..='㊉' => from('㊀', 1),
        _ => return None,
    })
}

/// The letters of a Roman numeral character (`Ⅳ` is IV, `ⅻ` XII), its NFKC form.
fn roman_letters(c: char) -> Option<&'static str> {
    const LETTERS: [&str; 16] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "L", "C", "D",
        "M",
    ];
    let index = match c {
        'Ⅰ'..='Ⅿ' => u32::from(c) - u32::from('Ⅰ'),
        'ⅰ'..='ⅿ' => u32::from(c) - u32::from('ⅰ'),
        _ => return None,
    };
    LETTERS.get(index as usize).copied()
}

/// The value of Roman letters written as a numeral is (`XIV` 14, `XL` 40), or `None` where
/// they are no well-formed numeral (`IIII`, `VX`, `IL`): read by value and written back, it
/// must come out the same.
fn roman_value(letters: &str) -> Option<Value> {
    let value_of = |c: char| {
        Some(match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        })
    };
    let values: Vec<Value> = letters.chars().map(value_of).collect::<Option<_>>()?;
    let value: Value = (0..values.len())
        .map(|k| match values.get(k + 1) {
            Some(&next) if next > values[k] => -values[k],
            _ => values[k],
        })
        .sum();
    const PLACES: [(Value, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut written = String::new();
    let mut rest = value;
    for (place, symbol) in PLACES {
        while rest >= place {
            written.push_str(symbol);
            rest -= place;
        }
    }
    (value > 0 && written == letters).then_some(value)
}

/// Whether `word` is a Roman numeral in capitals written in the standard form ("XIV",
/// "MCMXC"; not "IIII", "IC", "VV", "DID"), as English numbers a part or a type ("Phase II").
pub(crate) fn is_roman_numeral(word: &str) -> bool {
    roman_value(word).is_some()
}

/// Reads a Roman numeral at `chars[i]`: a run of Roman numeral characters (`Ⅳ`, `ⅩⅡ`, the
/// levels and types of Chinese documents: Ⅳ级, Ⅱ型), or of the capitals I, V and X that are
/// their NFKC form (IV级), apart from other letters and digits (HIV, XML, V8 are names).
/// English writes the number as letters ("level IV", "type II") or as digits ("level 4",
/// "type 2"); the letters are no number there, so the numeral is weak: it need not appear,
/// and it stands for the digits. Other capitals are left: C, D, L and M are units and names
/// (C语言, CD, LCD) far more often than numerals in Chinese text. Returns the value and the
/// index after the run.
fn roman_numeral_at(chars: &[(usize, char)], i: usize) -> Option<(Value, usize)> {
    let c = chars[i].1;
    let unicode = roman_letters(c).is_some();
    if !unicode && !matches!(c, 'I' | 'V' | 'X') {
        return None;
    }
    let in_run = |c: char| {
        if unicode {
            roman_letters(c).is_some()
        } else {
            matches!(c, 'I' | 'V' | 'X')
        }
    };
    let j = i + chars[i..].iter().take_while(|&&(_, c)| in_run(c)).count();
    let joined = |c: char| c.is_ascii_alphanumeric() || is_digit(c) || roman_letters(c).is_some();
    if i.checked_sub(1).is_some_and(|k| joined(chars[k].1))
        || chars.get(j).is_some_and(|&(_, c)| joined(c))
    {
        return None;
    }
    let letters: String = chars[i..j]
        .iter()
        .map(|&(_, c)| {
            roman_letters(c)
                .map(str::to_string)
                .unwrap_or_else(|| c.to_string())
        })
        .collect();
    Some((roman_value(&letters.to_ascii_uppercase())?, j))
}

fn is_digit(c: char) -> bool {
    ascii_digit(c).is_some()
}

/// The ASCII digit a superscript (`²`, `⁶`) or subscript (`₂`) digit stands for, and whether
/// it is a superscript.
fn script_digit(c: char) -> Option<(char, bool)> {
    let (zero, superscript) = match c {
        '¹' => return Some(('1', true)),
        '²' => return Some(('2', true)),
        '³' => return Some(('3', true)),
        '⁰' | '⁴'..='⁹' => ('⁰', true),
        '₀'..='₉' => ('₀', false),
        _ => return None,
    };
    let digit = char::from_u32(u32::from(c) - u32::from(zero) + u32::from('0'))?;
    Some((digit, superscript))
}

/// Reads a run of superscript digits, or of subscript digits, at `chars[i]`: an exponent
/// (`10⁶`), a unit's power (`cm²`), a subscript (`CO₂`, `IC₅₀`) or a footnote mark. Its digits
/// are a number as ASCII digits are, apart from the digits before it, so that `10⁶` reads as
/// `10^6` does, and `CO₂` as `CO2`. Returns the value and the index after the run.
fn script_number_at(chars: &[(usize, char)], i: usize) -> Option<(Value, usize)> {
    let (_, superscript) = script_digit(chars.get(i)?.1)?;
    let mut value: Value = 0;
    let mut j = i;
    while let Some((d, _)) = chars
        .get(j)
        .and_then(|&(_, c)| script_digit(c))
        .filter(|&(_, s)| s == superscript)
    {
        let d = Value::from(d as u8 - b'0');
        value = value.saturating_mul(10).saturating_add(d);
        j += 1;
    }
    Some((value.saturating_mul(UNIT), j))
}

/// How sure it is that the superscript or subscript digits at `start` are a number of the
/// text: an exponent, right after a digit (`10⁶`, `10⁻⁶`), is; after a letter the digits are a
/// symbol's (`cm²`, `CO₂`, a footnote mark), which a translation may spell out ("square
/// centimetres", "carbon dioxide") or write in ASCII digits.
fn script_strength(text: &str, start: usize) -> Strength {
    let base = text[..start].trim_end_matches(['⁻', '⁺', '₋', '₊']);
    if base.ends_with(is_digit) {
        Strength::Strong
    } else {
        Strength::Weak
    }
}

/// Reads an Arabic numeral at `chars[i]`: digits with `,` thousands separators (only before
/// three digits) and one `.` decimal point, at most [`MAX_DIGITS`] of them before the point
/// and [`MAX_KEPT`] in all (later decimals are rounded). Returns the number and the index
/// after it.
fn arabic_at(chars: &[(usize, char)], i: usize) -> (Decimal, usize) {
    let mut j = i;
    let (mut digits, mut whole_digits, mut scale): (Value, usize, u32) = (0, 0, 0);
    let mut point = false;
    // Whether the first decimal dropped rounds the last one kept up.
    let mut round_up = None;
    while j < chars.len() {
        let c = chars[j].1;
        if let Some(d) = ascii_digit(c) {
            let d = Value::from(d as u8 - b'0');
            if !point && whole_digits == MAX_DIGITS {
                break;
            }
            j += 1;
            if !point {
                whole_digits += 1;
            } else if whole_digits + scale as usize == MAX_KEPT {
                round_up.get_or_insert(d >= 5);
                continue;
            } else {
                scale += 1;
            }
            digits = digits * 10 + d;
        } else if matches!(c, ',' | '\u{2009}' | '\u{202F}' | '\u{A0}')
            && !point
            && three_digits_follow(chars, j + 1)
        {
            // Thousands separated by commas, or by thin or non-breaking spaces ("1 318 km").
            j += 1;
        } else if matches!(c, '，' | '．') && !point && full_width_on_both_sides(chars, j, c) {
            // Full-width digits are typeset with a full-width point and comma (６．８级,
            // １，２００): beside other digits these are the sentence's punctuation, as some
            // texts end sentences with ．, and the ideographic 。 and 、 are never a number's.
            point = c == '．';
            j += 1;
        } else if c == '.' && !point && chars.get(j + 1).is_some_and(|&(_, d)| is_digit(d)) {
            point = true;
            j += 1;
        } else {
            break;
        }
    }
    let digits = digits + Value::from(round_up == Some(true));
    (Decimal { digits, scale }, j)
}

/// "45 000 m³/s", "RMB 30 000": thousands grouped by an ordinary space, as SI and ISO 80000
/// write them and many translations type them ([`arabic_at`] reads a thin or no-break space
/// as a separator). Two numbers also stand side by side so ("rooms 101 102", "Table 3 100
/// samples"), so only a well-formed run is read, and it reads either way: a lead of one to
/// three digits, not starting with 0 and not after other digits, then groups of exactly three
/// (the last may have decimals) is one number as written (choice 0), or the numbers it is
/// made of; [`compare`] keeps the one the other side states.
fn read_space_grouped_thousands(text: &str, numbers: &mut Vec<Number>) {
    let plain =
        |n: &Number| n.kind == Kind::Plain && n.strength == Strength::Strong && n.reading.is_none();
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mut added = Vec::new();
    let mut k = 0;
    while k < numbers.len() {
        let lead = numbers[k];
        let written = &text[lead.start..lead.end];
        let before = &text[..lead.start];
        let after_digits = |b: &str| b.ends_with(|c: char| c.is_ascii_digit() || c == '.');
        let leads = plain(&lead)
            && digits(written)
            && written.len() <= 3
            && !written.starts_with('0')
            && !after_digits(before)
            && !before.strip_suffix(' ').is_some_and(after_digits);
        let mut m = k + 1;
        let mut value = lead.value;
        while let Some(group) = numbers.get(m).filter(|_| leads) {
            let written = &text[group.start..group.end];
            let (whole, decimals) = written.split_once('.').unwrap_or((written, "0"));
            let well_formed = plain(group)
                && text.get(numbers[m - 1].end..group.start) == Some(" ")
                && whole.len() == 3
                && digits(whole)
                && digits(decimals);
            if !well_formed {
                break;
            }
            value = value.saturating_mul(1000).saturating_add(group.value);
            m += 1;
            if written.contains('.') {
                break;
            }
        }
        if m == k + 1 {
            k += 1;
            continue;
        }
        let end = numbers[m - 1].end;
        let numeral = lead.start;
        for part in &numbers[k..m] {
            added.push(Number {
                start: numeral,
                end,
                reading: Some(Reading { numeral, choice: 1 }),
                ..*part
            });
        }
        numbers[k] = Number {
            value,
            end,
            reading: Some(Reading { numeral, choice: 0 }),
            ..lead
        };
        numbers.drain(k + 1..m);
        k += 1;
    }
    if !added.is_empty() {
        numbers.extend(added);
        // Stable: what else starts where a run starts keeps its order.
        numbers.sort_by_key(|n| n.start);
    }
}

/// Whether the digits at `at` are those of a character reference left in the text (`&#183;`,
/// an artefact of HTML sources), not a number.
fn after_entity_start(text: &str, at: usize) -> bool {
    text[..at].ends_with("&#")
}

/// The index after the digits (and `;`) of a character reference starting at `chars[i]`.
fn skip_entity(chars: &[(usize, char)], i: usize) -> usize {
    let mut j = i;
    while j < chars.len() && is_digit(chars[j].1) {
        j += 1;
    }
    if j < chars.len() && chars[j].1 == ';' {
        j += 1;
    }
    j
}

/// Whether the full-width point or comma at `chars[j]` stands between full-width digits, a
/// comma before exactly three of them.
fn full_width_on_both_sides(chars: &[(usize, char)], j: usize, mark: char) -> bool {
    let full_width = |m: usize| chars.get(m).is_some_and(|&(_, d)| matches!(d, '０'..='９'));
    let after = if mark == '，' {
        three_digits_follow(chars, j + 1) && (j + 1..j + 4).all(full_width)
    } else {
        full_width(j + 1)
    };
    j.checked_sub(1).is_some_and(full_width) && after
}

fn three_digits_follow(chars: &[(usize, char)], k: usize) -> bool {
    (k..k + 3).all(|m| chars.get(m).is_some_and(|&(_, d)| is_digit(d)))
        && !chars.get(k + 3).is_some_and(|&(_, d)| is_digit(d))
}

fn english_word_value(word: &str) -> Option<(Value, bool)> {
    // (value, is_ordinal)
    const CARDINALS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const ORDINALS: [&str; 20] = [
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const TENTHS: [&str; 8] = [
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
    ];
    if let Some(v) = CARDINALS.iter().position(|&w| w == word) {
        return Some((v as Value, false));
    }
    if let Some(v) = ORDINALS.iter().position(|&w| w == word) {
        return Some((v as Value, true));
    }
    if let Some(v) = TENS.iter().position(|&w| w == word) {
        return Some((20 + 10 * v as Value, false));
    }
    if let Some(v) = TENTHS.iter().position(|&w| w == word) {
        return Some((20 + 10 * v as Value, true));
    }
    None
}

/// The years an anniversary word counts: "centenary" and "centennial" are a hundred years,
/// "bicentenary" two hundred; "centenarian", someone a hundred years old, counts them too.
fn anniversary_years(word: &str) -> Option<Value> {
    let at = word.find("centen")?;
    let years = match &word[..at] {
        "" => 100,
        "semi" => 50,
        "sesqui" => 150,
        "bi" => 200,
        "ter" | "tri" => 300,
        "quater" | "quadri" => 400,
        "quin" => 500,
        _ => return None,
    };
    let ending = &word[at + "centen".len()..];
    ["ary", "aries", "nial", "nials", "arian", "arians"]
        .contains(&ending)
        .then_some(years)
}

fn english_multiplier(word: &str) -> Option<Value> {
    Some(match word {
        "dozen" => 12,
        "hundred" => 100,
        "thousand" => 1_000,
        "million" | "mn" | "mln" => 1_000_000,
        "billion" | "bn" => 1_000_000_000,
        "trillion" => 1_000_000_000_000,
        _ => return None,
    })
}

/// The multiple a word states: "double", "doubled", "tripling", "treble", "quadruples".
fn multiple_word(word: &str) -> Option<Value> {
    const STEMS: [(&str, Value); 5] = [
        ("doubl", 2),
        ("tripl", 3),
        ("trebl", 3),
        ("quadrupl", 4),
        ("quintupl", 5),
    ];
    STEMS.iter().find_map(|&(stem, value)| {
        let ending = word.strip_prefix(stem)?;
        matches!(ending, "e" | "ed" | "es" | "ing").then_some(value)
    })
}

/// Whether a word names a currency, written after an amount ("yuan", "dollars", "RMB").
fn is_currency(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "yuan"
            | "rmb"
            | "dollar"
            | "dollars"
            | "euro"
            | "euros"
            | "pound"
            | "pounds"
            | "yen"
            | "won"
            | "rupees"
            | "usd"
            | "eur"
            | "gbp"
            | "cny"
            | "hkd"
    )
}

/// Whether `between`, the text between two amounts, makes them a range ("8k–12k", "8k -
/// 12k", "8k to 12k").
fn is_range_mark(between: &str) -> bool {
    let mark = between.trim();
    matches!(mark, "-" | "–" | "—" | "~" | "～" | "to")
}

/// The multiplier a word is after an amount of money ("$250m", "£3bn", "€40k"), where "m" and
/// "k" are million and thousand, not metres.
fn money_multiplier(word: &str) -> Option<Value> {
    match word {
        "m" => Some(1_000_000),
        "k" => Some(1_000),
        "b" => Some(1_000_000_000),
        "tn" | "trn" => Some(1_000_000_000_000),
        _ => english_multiplier(word),
    }
}

/// Whether the text after a multiplier ("million") joins it to a unit in a class compound
/// ("million-kilowatt-class", "million-tonne class"): the multiplier is the unit's magnitude
/// (百万千瓦级), and a count before it counts units of the class ("10 million-kilowatt-class
/// units" are ten), not millions.
fn names_a_class(rest: &str) -> bool {
    let Some(compound) = rest.strip_prefix('-') else {
        return false;
    };
    let words: Vec<&str> = compound
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .take(2)
        .collect();
    let joined = words.first().copied().unwrap_or("");
    joined
        .to_ascii_lowercase()
        .split('-')
        .skip(1)
        .any(|w| w == "class")
        || (!joined.is_empty()
            && words
                .get(1)
                .is_some_and(|w| w.eq_ignore_ascii_case("class")))
}

/// The months, as English writes them.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month(word: &str) -> Option<Value> {
    // A whole name, or the three letters of a long one ("Sep", "dec").
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(word)
                || (m.len() > 4 && word.len() == 3 && m[..3].eq_ignore_ascii_case(word))
        })
        .map(|p| p as Value + 1)
}

/// Whether the month word at `tokens[i]` ends a longer capitalised name ("the Long March",
/// "the Prague Spring"): the word before it is capitalised though it does not start the
/// sentence, and is no month itself ("January-March" is two months).
fn ends_a_name(text: &str, tokens: &[Token<'_>], i: usize) -> bool {
    let Some(Token::Word(before, start, end)) = i.checked_sub(1).and_then(|k| tokens.get(k)) else {
        return false;
    };
    let Some(Token::Word(_, month_start, _)) = tokens.get(i) else {
        return false;
    };
    let starts_sentence = match i.checked_sub(2).and_then(|k| tokens.get(k)) {
        None => true,
        Some(t) => text[tokens_end(t)..*start].contains(['.', '!', '?', ':', '"', '“', '\n']),
    };
    let lower = before.to_ascii_lowercase();
    before.starts_with(|c: char| c.is_uppercase())
        && month(before).is_none()
        && weekday(before).is_none()
        && !FUNCTION_WORDS.contains(&lower.as_str())
        && !DATE_WORDS.contains(&lower.as_str())
        && !starts_sentence
        && text[*end..*month_start].chars().all(|c| c == ' ')
}

/// Words before a month that make it a date though capitalised in a title ("Since March 7",
/// "Early March 2024"), beside the function words.
const DATE_WORDS: [&str; 9] = [
    "since", "until", "till", "through", "during", "early", "late", "mid", "dated",
];

/// The days of the week, whole or in three letters: "Tuesday March 7" is a date.
fn weekday(word: &str) -> Option<usize> {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    DAYS.iter().position(|d| {
        d.eq_ignore_ascii_case(word) || (word.len() == 3 && d[..3].eq_ignore_ascii_case(word))
    })
}

/// Whether the month word at `tokens[i]` is part of a name, not a date: it ends a capitalised
/// name ("the Long March 11", "the Prague Spring"), or the number after it is joined to it by
/// a hyphen ("Long March-7", "March-5B": a date is never written so) or is a model's code, a
/// number with a capital letter glued after it ("Long March 2F"). A date keeps its month: "on
/// March 7", "Tuesday March 7", "March 7, 2024", "7 March", "March 7th".
fn month_in_name(text: &str, tokens: &[Token<'_>], i: usize) -> bool {
    let Some(&Token::Word(_, _, end)) = tokens.get(i) else {
        return false;
    };
    if let Some(&Token::Arabic(_, start, number_end, ordinal)) = tokens.get(i + 1) {
        if matches!(&text[end..start], "-" | "\u{2010}" | "\u{2011}") {
            return true;
        }
        let mut after = text[number_end..].chars();
        if !ordinal
            && after.next().is_some_and(|c| c.is_ascii_uppercase())
            && !after.next().is_some_and(char::is_alphanumeric)
        {
            return true;
        }
    }
    ends_a_name(text, tokens, i)
}

#[derive(Debug, Clone)]
enum Token<'t> {
    Word(&'t str, usize, usize),
    /// A numeral's value, its bytes, and whether it is an ordinal (`18th`).
    Arabic(Decimal, usize, usize, bool),
}

fn english_tokens(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if is_digit(c) && after_entity_start(text, start) {
            i = skip_entity(&chars, i);
            continue;
        }
        if let Some((value, j)) = thousands_of_currency_at(text, &chars, i) {
            let apostrophe = chars[i - 1].0;
            out.push(Token::Arabic(
                Decimal::thousandths(value),
                apostrophe,
                end_of(j),
                false,
            ));
            i = j;
            continue;
        }
        if is_digit(c) {
            let (v, mut j) = arabic_at(&chars, i);
            let mut ordinal = false;
            // 18th, 1st, 2nd, 3rd: the suffix is part of the numeral.
            let rest = &text[end_of(j)..];
            for suffix in ["st", "nd", "rd", "th"] {
                // `get` and not indexing: the text after the digits may be multi-byte (’s).
                let found = rest
                    .get(..2)
                    .is_some_and(|r| r.eq_ignore_ascii_case(suffix));
                if found && !rest[2..].starts_with(|c: char| c.is_alphanumeric()) {
                    j += 2;
                    ordinal = true;
                    break;
                }
            }
            out.push(Token::Arabic(v, start, end_of(j), ordinal));
            i = j;
        } else if let Some((value, j)) = script_number_at(&chars, i) {
            out.push(Token::Arabic(
                Decimal::thousandths(value),
                start,
                end_of(j),
                false,
            ));
            i = j;
        } else if let Some(value) = enclosed_number(c) {
            let value = Decimal::thousandths(value * UNIT);
            out.push(Token::Arabic(value, start, end_of(i + 1), false));
            i += 1;
        } else if c.is_alphabetic() {
            let mut j = i;
            while j < chars.len() && chars[j].1.is_alphabetic() {
                j += 1;
            }
            out.push(Token::Word(&text[start..end_of(j)], start, end_of(j)));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `c` is a currency sign ("$250m", "HK$'000", "₹5k").
pub fn is_currency_sign(c: char) -> bool {
    matches!(
        c,
        '$' | '£' | '€' | '¥' | '￥' | '₩' | '₹' | '₽' | '₫' | '₺' | '฿'
    )
}

/// `'000` after a currency sign or code ("RMB'000", "HK$'000", "US$'000", "SGD'000"): the
/// thousands a table's amounts are in (人民币千元, 千港元), no number 0; `'000,000` is millions.
/// The zeros start at `chars[i]`, right after the apostrophe; returns the unit in thousandths
/// and the index past the zeros. A currency code is a currency's name or three capitals, as
/// ISO 4217 writes them.
fn thousands_of_currency_at(
    text: &str,
    chars: &[(usize, char)],
    i: usize,
) -> Option<(Value, usize)> {
    let apostrophe = chars[i.checked_sub(1)?];
    if !matches!(apostrophe.1, '\'' | '’') {
        return None;
    }
    let before = &text[..apostrophe.0];
    let code = &before[before
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .len()..];
    let currency = before.ends_with(is_currency_sign)
        || is_currency(code)
        || (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()));
    if !currency {
        return None;
    }
    let zero = |k: usize| chars.get(k).is_some_and(|&(_, c)| c == '0');
    let group = |k: usize| (k..k + 3).all(zero);
    let (mut j, mut zeros) = (i, 0);
    while group(j) && zeros < 12 {
        j += 3;
        zeros += 3;
        // A thousands separator only where three more zeros follow it: "RMB'000, except".
        if chars.get(j).is_some_and(|&(_, c)| c == ',') && group(j + 1) {
            j += 1;
        }
    }
    let goes_on = chars.get(j).is_some_and(|&(_, c)| is_digit(c));
    if zeros == 0 || goes_on {
        return None;
    }
    Some((10_i128.pow(zeros) * UNIT, j))
}

/// Reads every number in English text.
pub fn english_numbers(text: &str) -> Vec<Number> {
    let tokens = english_tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    // Where the last amount read as money ends, for a range's second amount.
    let mut money_until: Option<usize> = None;
    while i < tokens.len() {
        match tokens[i] {
            Token::Arabic(v, start, end, _)
                if text[start..].starts_with(|c| script_digit(c).is_some()) =>
            {
                // An exponent or a symbol's digits: no multiplier, no ordinal after them.
                out.push(Number {
                    kind: Kind::Plain,
                    value: v.value(),
                    strength: script_strength(text, start),
                    start,
                    end,
                    reading: None,
                });
                i += 1;
            }
            Token::Arabic(v, start, mut end, ordinal) => {
                let mut value = v;
                let mut j = i + 1;
                // An amount of money: after a currency sign, or before a currency's name
                // ("2.5m yuan", "3bn dollars").
                let currency_after =
                    |k: usize| matches!(tokens.get(k), Some(Token::Word(w, ..)) if is_currency(w));
                let multiplier_at = |k: usize| matches!(tokens.get(k), Some(Token::Word(w, ..)) if money_multiplier(&w.to_ascii_lowercase()).is_some());
                // A currency code in capitals before the amount ("RMB 8k", "USD12K"); in small
                // letters such a word is as often a verb ("won 3k").
                let code_before = matches!(
                    i.checked_sub(1).map(|k| &tokens[k]),
                    Some(Token::Word(w, _, e))
                        if is_currency(w)
                            && !w.contains(|c: char| c.is_ascii_lowercase())
                            && text[*e..start].chars().all(char::is_whitespace)
                );
                // The second amount of a range shares the first's money ("RMB 8k–12k"), and
                // the first the second's currency after it ("8k–12k yuan").
                let second_of_range = || {
                    let first_end = tokens_end(tokens.get(i + 1)?);
                    (i + 2..=i + 3).find(|&k| {
                        matches!(tokens.get(k), Some(Token::Arabic(_, s, ..)) if *s >= first_end && is_range_mark(&text[first_end..*s]))
                    })
                };
                let range_of_money = money_until
                    .is_some_and(|e: usize| e <= start && is_range_mark(&text[e..start]))
                    || (multiplier_at(i + 1)
                        && second_of_range()
                            .is_some_and(|k| multiplier_at(k + 1) && currency_after(k + 2)));
                let money = text[..start].ends_with(is_currency_sign)
                    || code_before
                    || range_of_money
                    || (currency_after(i + 2) && multiplier_at(i + 1));
                if !ordinal {
                    while let Some(Token::Word(w, _, e)) = tokens.get(j) {
                        let lower = w.to_ascii_lowercase();
                        let multiplier = if money {
                            money_multiplier(&lower)
                        } else {
                            english_multiplier(&lower)
                        };
                        match multiplier {
                            Some(m)
                                if adjacent(text, end, tokens_start(&tokens[j]))
                                    && !names_a_class(&text[*e..]) =>
                            {
                                value = value.times(m);
                                end = *e;
                                j += 1;
                            }
                            _ => break,
                        }
                    }
                }
                money_until = money.then_some(end);
                // "H1", "H2": a half of the year, which Chinese names without a numeral (上半年).
                let value = value.value();
                let half_year = matches!(i.checked_sub(1).and_then(|k| tokens.get(k)), Some(Token::Word("H", _, e)) if *e == start)
                    && (value == UNIT || value == 2 * UNIT);
                // A K or M glued to a count ("100K+ reviews", "2M downloads") is a thousand or
                // a million of it, as after a currency; it is also a name's letter ("4K"
                // video, a "10K" race), so the number reads either way, and the other side
                // states which. "8 kB" and "5G" are no such multiplier.
                let glued = if !money && !ordinal && j == i + 1 {
                    match tokens.get(j) {
                        Some(&Token::Word(w @ ("K" | "k" | "M"), s, e)) if s == end => {
                            Some((if w == "M" { 1_000_000 } else { 1_000 }, e))
                        }
                        _ => None,
                    }
                } else {
                    None
                };
                // "FY23": a fiscal year of two digits is a year of its century, either, as
                // "the '90s" is a decade.
                let fiscal_year = matches!(i.checked_sub(1).and_then(|k| tokens.get(k)), Some(&Token::Word(w, _, e)) if w.eq_ignore_ascii_case("FY") && matches!(&text[e..start], "" | " " | "\u{a0}"))
                    && text[start..end].len() == 2
                    && text[start..end].bytes().all(|b| b.is_ascii_digit());
                let readings: Vec<(Value, usize)> = if let Some((m, letter_end)) = glued {
                    j += 1;
                    vec![(value, end), (v.times(m).value(), letter_end)]
                } else if fiscal_year {
                    vec![
                        (value, end),
                        (value + 2000 * UNIT, end),
                        (value + 1900 * UNIT, end),
                    ]
                } else {
                    Vec::new()
                };
                for (choice, &(value, end)) in (0..).zip(&readings) {
                    out.push(Number {
                        kind: Kind::Plain,
                        value,
                        strength: Strength::Strong,
                        start,
                        end,
                        reading: Some(Reading {
                            numeral: start,
                            choice,
                        }),
                    });
                }
                if readings.is_empty() {
                    out.push(Number {
                        kind: if ordinal { Kind::Ordinal } else { Kind::Plain },
                        value,
                        strength: if half_year {
                            Strength::Weak
                        } else {
                            Strength::Strong
                        },
                        start,
                        end,
                        reading: None,
                    });
                }
                i = j;
            }
            Token::Word(w, start, end) => {
                let lower = w.to_ascii_lowercase();
                if let Some(hours) = hours_of_named_time(&lower) {
                    // "noon" is 12时, "midnight" 0时 or 24时: loose, as a time of day may be
                    // named without its hour on either side.
                    out.extend(hours.iter().map(|&h| Number {
                        kind: Kind::Plain,
                        value: h * UNIT,
                        strength: Strength::Weak,
                        start,
                        end,
                        reading: None,
                    }));
                    i += 1;
                    continue;
                }
                if let Some(m) = month(w) {
                    // "May" is also a verb: a month only when written with a capital and next
                    // to a day or year number; the other months are unambiguous when capitalised.
                    let capital = w.starts_with(|c: char| c.is_uppercase());
                    let near_number = matches!(tokens.get(i + 1), Some(Token::Arabic(..)))
                        || matches!(
                            i.checked_sub(1).and_then(|k| tokens.get(k)),
                            Some(Token::Arabic(..))
                        );
                    let is_month = capital
                        && (lower != "may" || near_number)
                        && (w.len() > 3 || near_number)
                        && !month_in_name(text, &tokens, i);
                    if is_month {
                        out.push(Number {
                            kind: Kind::Plain,
                            value: m * UNIT,
                            strength: Strength::Strong,
                            start,
                            end,
                            reading: None,
                        });
                    }
                    i += 1;
                    continue;
                }
                // "Time and a half", the overtime rate, is a multiple of 1.5 (1.5倍), as loose
                // as "double".
                let word_back = |k: usize| match i.checked_sub(k).map(|m| &tokens[m]) {
                    Some(Token::Word(w, s, _)) => Some((w.to_ascii_lowercase(), *s)),
                    _ => None,
                };
                let time_and_a_half = lower == "half"
                    && word_back(1).is_some_and(|(w, _)| w == "a")
                    && word_back(2).is_some_and(|(w, _)| w == "and");
                if let Some((_, time_start)) = time_and_a_half
                    .then(|| word_back(3))
                    .flatten()
                    .filter(|(w, _)| w == "time")
                {
                    out.push(Number {
                        kind: Kind::Plain,
                        value: UNIT + UNIT / 2,
                        strength: Strength::Weak,
                        start: time_start,
                        end,
                        reading: None,
                    });
                    i += 1;
                    continue;
                }
                if lower == "half" {
                    // "half a million" is 500,000; "half" alone is 0.5, as loose as "one".
                    let multiplier = match (tokens.get(i + 1), tokens.get(i + 2)) {
                        (Some(Token::Word(a, ..)), Some(Token::Word(m, _, m_end)))
                            if matches!(a.to_ascii_lowercase().as_str(), "a" | "an") =>
                        {
                            english_multiplier(&m.to_ascii_lowercase()).map(|m| (m, *m_end))
                        }
                        _ => None,
                    };
                    let (value, strength, end, next) = match multiplier {
                        Some((m, m_end)) => (m * UNIT / 2, Strength::Strong, m_end, i + 3),
                        None => (UNIT / 2, Strength::Weak, end, i + 1),
                    };
                    out.push(Number {
                        kind: Kind::Plain,
                        value,
                        strength,
                        start,
                        end,
                        reading: None,
                    });
                    if multiplier.is_none() {
                        let numerator = !cardinal_before(&tokens, i);
                        out.extend(fraction_readings(2, numerator, start, end));
                    }
                    i = next;
                    continue;
                }
                if let Some((denominator, numerator)) = fraction_word(text, &tokens, i) {
                    out.extend(fraction_readings(denominator, numerator, start, end));
                    // "A quarter of a percentage point", "three quarters of a point", "a
                    // quarter-point cut": the fraction of the unit is its value (0.25个百分点),
                    // as loose as "half".
                    let numerator = if numerator {
                        Some(UNIT)
                    } else {
                        match i.checked_sub(1).map(|k| &tokens[k]) {
                            Some(Token::Arabic(v, _, _, false)) => Some(v.value()),
                            Some(Token::Word(w, ..)) => english_word_value(&w.to_ascii_lowercase())
                                .filter(|&(_, ordinal)| !ordinal)
                                .map(|(v, _)| v * UNIT),
                            _ => None,
                        }
                    };
                    if let Some((numerator, kind)) =
                        numerator.zip(point_after_fraction(&text[end..]))
                    {
                        out.push(Number {
                            kind,
                            value: divided(numerator, denominator),
                            strength: Strength::Weak,
                            start,
                            end,
                            reading: None,
                        });
                    }
                    i += 1;
                    continue;
                }
                if let Some(years) = anniversary_years(&lower) {
                    // As loose as "a hundred": 建党百年 is "the Party's centenary".
                    out.push(Number {
                        kind: Kind::Plain,
                        value: years * UNIT,
                        strength: Strength::Weak,
                        start,
                        end,
                        reading: None,
                    });
                    i += 1;
                    continue;
                }
                let cardinal = |w: &str| english_word_value(w).filter(|&(_, ord)| !ord);
                if let Some((value, _)) = lower.strip_suffix("fold").and_then(cardinal) {
                    // "twofold", "tenfold" state their number as "two" and "ten" do.
                    out.push(Number {
                        kind: Kind::Plain,
                        value: value * UNIT,
                        strength: if value < 10 {
                            Strength::Weak
                        } else {
                            Strength::Strong
                        },
                        start,
                        end,
                        reading: None,
                    });
                    i += 1;
                    continue;
                }
                if let Some(m) = lower.strip_suffix("fold").and_then(english_multiplier) {
                    // "a hundredfold" is as loose as "a hundred".
                    out.push(Number {
                        kind: Kind::Plain,
                        value: m.saturating_mul(UNIT),
                        strength: Strength::Weak,
                        start,
                        end,
                        reading: None,
                    });
                    i += 1;
                    continue;
                }
                // "Twice" and "thrice" count times as "two times" does (三次 is "three
                // times" or "thrice"); "once" is also "formerly", as loose as "one". "Double",
                // "triple" and their kin state a multiple (3倍 as "tripled"), as loose as
                // "twice" ("a double room").
                // Joined to the next word, "double" makes a compound ("double-tap",
                // "double-check"), no multiple.
                let compound = text[end..].starts_with('-');
                let times = match lower.as_str() {
                    "once" => Some(1),
                    "twice" => Some(2),
                    "thrice" => Some(3),
                    _ => multiple_word(&lower).filter(|_| !compound),
                };
                if let Some(times) = times {
                    out.push(Number {
                        kind: Kind::Plain,
                        value: times * UNIT,
                        strength: Strength::Weak,
                        start,
                        end,
                        reading: None,
                    });
                    i += 1;
                    continue;
                }
                if english_word_value(&lower).is_some() || english_multiplier(&lower).is_some() {
                    let (number, j) = english_word_number(text, &tokens, i);
                    out.extend(number);
                    i = j;
                    continue;
                }
                i += 1;
            }
        }
    }
    read_space_grouped_thousands(text, &mut out);
    drop_unit_powers(text, &mut out);
    mark_fractions(text, &mut out);
    distribute_ranges(text, &mut out);
    expand_short_year_ranges(text, &mut out);
    read_clock_times(text, &mut out);
    read_twelve_midnight(text, &mut out);
    mark_english_percentages(text, &mut out);
    drop_argument_indexes(text, &mut out);
    read_e_notation(text, &mut out);
    read_signs(text, &mut out);
    read_rates(text, &mut out);
    read_date_spellings(text, &mut out);
    read_compact_dates(text, &mut out);
    carry_months_over_ranges(text, &mut out);
    weaken_bracketed_restatements(text, &mut out);
    read_dotted_dates(text, &mut out);
    read_versions(text, &mut out);
    out
}

/// Versions are tagged values far above any amount (a [`Value`] holds about 1.7 × 10³⁸;
/// amounts saturate well below this), so that 5.10.2 is neither 5.1.2 nor a decimal.
const VERSION_TAG: Value = 1 << 125;

/// The base one group of a version is packed in: a group has at most five digits.
const VERSION_GROUP: Value = 100_000;

/// The most groups of a version packed into a value.
const MOST_VERSION_GROUPS: usize = 6;

/// The value of a version of digit `groups`, compared as groups ("5.10.2" is not "5.1.2",
/// "2.10" not "2.1"): trailing zero groups are dropped (2.0 is version 2), and leading zeros
/// of a group ("2024.05") count for nothing. `None` for a group too long or too many groups.
fn version_value(groups: &[&str]) -> Option<Value> {
    let mut values: Vec<Value> = groups
        .iter()
        .map(|g| {
            (!g.is_empty() && g.len() <= 5 && g.bytes().all(|b| b.is_ascii_digit()))
                .then(|| g.parse::<Value>().ok())
                .flatten()
        })
        .collect::<Option<_>>()?;
    while values.len() > 1 && values.last() == Some(&0) {
        values.pop();
    }
    if values.len() > MOST_VERSION_GROUPS {
        return None;
    }
    let packed = values.iter().fold(0, |v, &g| v * VERSION_GROUP + g);
    Some(
        VERSION_TAG
            + values.len() as Value * VERSION_GROUP.pow(MOST_VERSION_GROUPS as u32)
            + packed,
    )
}

/// The version a value tagged by [`version_value`] stands for, as dotted groups.
fn version_name(v: Value) -> Option<String> {
    if v < VERSION_TAG {
        return None;
    }
    let whole = VERSION_GROUP.pow(MOST_VERSION_GROUPS as u32);
    let (count, mut packed) = ((v - VERSION_TAG) / whole, (v - VERSION_TAG) % whole);
    let mut groups = Vec::new();
    for _ in 0..count {
        groups.push((packed % VERSION_GROUP).to_string());
        packed /= VERSION_GROUP;
    }
    groups.reverse();
    Some(groups.join("."))
}

/// Words before a number that make it a version ("version 2.10", "ver. 2.1"); a "v" written
/// against the digits ("v2.10") does too.
const VERSION_WORDS: &[&str] = &["version", "ver"];

/// Whether the digits at `start` of `text` are marked as a version: after "v" or "V" written
/// against them (not ending a word: "dev2.1"), after "version" or "ver." (in any case), after
/// 版本 (版本号, and 为, 是 or a colon between: 修复版本为2.10), or before 版 (2.1版).
fn marked_as_version(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    if let Some(rest) = before.strip_suffix(['v', 'V']) {
        if !rest.ends_with(char::is_alphanumeric) {
            return true;
        }
    }
    let trimmed = before.trim_end_matches([' ', '.', ':', '：', '\u{a0}']);
    let word_start = trimmed
        .rfind(|c: char| !c.is_ascii_alphabetic())
        .map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &trimmed[word_start..];
    if VERSION_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)) {
        return true;
    }
    let zh = trimmed.trim_end_matches(['为', '是', '號', '号']);
    zh.ends_with("版本") || text[end..].starts_with('版')
}

/// Whether digit groups read as a date, which [`read_dotted_dates`] takes as such, not as a
/// version: a year, a month and a day (2024.5.1, 2023.03.15), or a day, a month and a year as
/// European dates write them (15.3.2023).
fn dotted_date(groups: &[&str]) -> bool {
    let value = |g: &str| g.parse::<u32>().unwrap_or(0);
    let month_day = |m: &str, d: &str| {
        m.len() <= 2 && d.len() <= 2 && (1..=12).contains(&value(m)) && (1..=31).contains(&value(d))
    };
    match groups {
        [y, m, d] if y.len() == 4 => month_day(m, d),
        [d, m, y] if y.len() == 4 => month_day(m, d),
        _ => false,
    }
}

/// The runs of ASCII digit groups joined by dots in `text` ("5.10.2", "2023.3.15", "1.5",
/// "42"), as byte spans: not starting after a digit or a dot.
fn dotted_digit_runs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.'))
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        while end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
            end += 1;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
        }
        i = end;
        runs.push((start, end));
    }
    runs
}

/// Dates written with dots, "2023.3.15", "2023.03.15" or "15.3.2023" (production dates on
/// labels, European dates): the year, the month and the day, each its own number as in
/// 2023年3月15日 or "March 15, 2023", in place of the decimal and the integer the digits
/// otherwise read as (2023.3 and 15). A run marked as a version ("v2023.3.15") stays one.
fn read_dotted_dates(text: &str, numbers: &mut Vec<Number>) {
    if !text.contains('.') {
        return;
    }
    let mut dates = Vec::new();
    for (start, end) in dotted_digit_runs(text) {
        let groups: Vec<&str> = text[start..end].split('.').collect();
        if dotted_date(&groups) && !marked_as_version(text, start, end) {
            dates.push((start, end, groups));
        }
    }
    for (start, end, groups) in dates {
        numbers.retain(|n| !(start <= n.start && n.end <= end));
        let mut at = start;
        for group in groups {
            numbers.push(Number {
                value: group.parse::<Value>().unwrap_or(0) * UNIT,
                strength: Strength::Strong,
                start: at,
                end: at + group.len(),
                kind: Kind::Plain,
                reading: None,
            });
            at += group.len() + 1;
        }
    }
    numbers.sort_by_key(|n| (n.start, n.value));
}

/// Reads versions: digit groups joined by dots, two dots or more ("5.10.2", "192.168.1.1"),
/// or one where the text marks a version ("v2.10", "version 2.10", 版本2.10, 2.1版; see
/// [`marked_as_version`]), are one number compared by its groups (see [`version_value`]),
/// in place of the decimals and integers its pieces read as: 5.10.2 is no 5.1.2, as 1.50
/// stays 1.5 elsewhere. A dotted date (2024.5.1) is left to the date readers.
fn read_versions(text: &str, numbers: &mut Vec<Number>) {
    if !text.contains('.') {
        return;
    }
    let mut versions = Vec::new();
    for (start, end) in dotted_digit_runs(text) {
        let groups: Vec<&str> = text[start..end].split('.').collect();
        let version = match groups.len() {
            1 => false,
            2 => marked_as_version(text, start, end),
            _ => !dotted_date(&groups) || marked_as_version(text, start, end),
        };
        if let Some(value) = version.then(|| version_value(&groups)).flatten() {
            versions.push((start, end, value));
        }
    }
    if versions.is_empty() {
        return;
    }
    numbers.retain(|n| !versions.iter().any(|&(s, e, _)| s <= n.start && n.end <= e));
    numbers.extend(versions.into_iter().map(|(start, end, value)| Number {
        value,
        strength: Strength::Strong,
        start,
        end,
        kind: Kind::Plain,
        reading: None,
    }));
    numbers.sort_by_key(|n| (n.start, n.value));
}

/// Where one side marks a number as a version that the other writes without a mark ("2.1"
/// for 版本2.1, "version 2" for 版本2.0), compares that number by its groups too: a plain
/// number of the other side written with the same groups is the same version. One written
/// otherwise stays a decimal, and differs: 版本2.10 as "2.1" is reported.
pub fn align_versions(
    source: &str,
    source_numbers: &mut [Number],
    target: &str,
    target_numbers: &mut [Number],
) {
    let versions = |numbers: &[Number]| -> Vec<Value> {
        numbers
            .iter()
            .filter(|n| n.value >= VERSION_TAG)
            .map(|n| n.value)
            .collect()
    };
    let promote = |text: &str, numbers: &mut [Number], theirs: &[Value]| {
        for n in numbers.iter_mut() {
            if n.value >= VERSION_TAG || n.kind != Kind::Plain || n.reading.is_some() {
                continue;
            }
            let written = &text[n.start..n.end];
            let groups: Vec<&str> = written.split('.').collect();
            if let Some(v) = version_value(&groups).filter(|v| theirs.contains(v)) {
                n.value = v;
            }
        }
    };
    let (in_source, in_target) = (versions(source_numbers), versions(target_numbers));
    if !in_source.is_empty() {
        promote(target, target_numbers, &in_source);
    }
    if !in_target.is_empty() {
        promote(source, source_numbers, &in_target);
    }
}

/// The tag of a value written with more than three decimals and compared by its digits
/// ([`separate_fine_decimals`]): below [`VERSION_TAG`], above any value of digits.
const FINE_TAG: Value = 1 << 124;

/// The tag of a value signed plus or minus ([`read_plus_minus`]): below [`FINE_TAG`].
const PLUS_MINUS_TAG: Value = 1 << 122;

/// The most a value may be to take a tag: far above any amount read, below the tags.
const MOST_TAGGED: Value = 1 << 118;

/// The digits of a plain decimal as written ("8703.2341", "0203.2900", "1,234.56789"): all
/// its digits as one integer, and how many are decimals. `None` for anything else (a
/// multiplier, a unit, a sign, a version's second point).
fn written_decimal(written: &str) -> Option<(Value, u32)> {
    let (whole, decimals) = written.split_once('.')?;
    let whole: String = whole.chars().filter(|&c| c != ',').collect();
    if whole.is_empty()
        || whole.len() + decimals.len() > MAX_KEPT
        || !whole
            .bytes()
            .chain(decimals.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let digits = format!("{whole}{decimals}").parse().ok()?;
    Some((digits, decimals.len() as u32))
}

/// `digits` at `scale` decimals rounded half up to `to` decimals.
fn round_to(digits: Value, scale: u32, to: u32) -> Value {
    if scale <= to {
        return digits * 10_i128.pow(to - scale);
    }
    let d = 10_i128.pow(scale - to);
    digits / d + Value::from((digits % d) * 2 >= d)
}

/// Compares decimals written with more than three decimals by their digits, where values in
/// thousandths would round the difference away: tariff item 8703.2341 is no 8703.2342, a rate
/// of 6.71235 no 6.71238. Rounding is still allowed where it has a reason: a decimal of the
/// other side written with fewer decimals (3.14159 as "3.142"), or read through a multiplier or
/// a unit (万, "million", a conversion), states the value as rounded. Two written decimals of
/// more than three decimals agree where they round alike to the shorter's decimals (6.71235
/// and 6.7124). A decimal that agrees with nothing of the other side's value is given a value
/// of its own digits, so that it is reported, and named, as written.
pub fn separate_fine_decimals(
    source: &str,
    source_numbers: &mut [Number],
    target: &str,
    target_numbers: &mut [Number],
) {
    // Index, digits and decimals of each decimal written with more than three decimals.
    let fine = |text: &str, numbers: &[Number]| -> Vec<(usize, Value, u32)> {
        numbers
            .iter()
            .enumerate()
            .filter(|(_, n)| n.strength == Strength::Strong && n.reading.is_none())
            .filter_map(|(k, n)| {
                let (digits, scale) = written_decimal(text.get(n.start..n.end)?)?;
                let exact = Decimal { digits, scale }.value() == n.value;
                (scale > 3 && exact && n.value < MOST_TAGGED).then_some((k, digits, scale))
            })
            .collect()
    };
    let (ours, theirs) = (fine(source, source_numbers), fine(target, target_numbers));
    if ours.is_empty() && theirs.is_empty() {
        return;
    }
    let agree = |a: (Value, u32), b: (Value, u32)| {
        let to = a.1.min(b.1);
        round_to(a.0, a.1, to) == round_to(b.0, b.1, to)
    };
    let mut unmatched_ours = vec![true; ours.len()];
    let mut unmatched_theirs = vec![true; theirs.len()];
    for (a, &(ka, da, sa)) in ours.iter().enumerate() {
        let partner = theirs.iter().enumerate().position(|(b, &(kb, db, sb))| {
            unmatched_theirs[b]
                && target_numbers[kb].value == source_numbers[ka].value
                && agree((da, sa), (db, sb))
        });
        if let Some(b) = partner {
            unmatched_ours[a] = false;
            unmatched_theirs[b] = false;
        }
    }
    // What is left may stand for a value the other side states rounded.
    let retag = |numbers: &mut [Number],
                 fine: &[(usize, Value, u32)],
                 left: &[bool],
                 other: &[Number],
                 other_fine: &[(usize, Value, u32)]| {
        let mut rounded: BTreeMap<Value, usize> = BTreeMap::new();
        for (m, n) in other.iter().enumerate() {
            if !other_fine.iter().any(|&(k, ..)| k == m) {
                *rounded.entry(n.value).or_default() += 1;
            }
        }
        for (&(k, digits, scale), _) in fine.iter().zip(left).filter(|(_, &l)| l) {
            if let Some(count) = rounded.get_mut(&numbers[k].value).filter(|c| **c > 0) {
                *count -= 1;
                continue;
            }
            let (mut digits, mut scale) = (digits, scale);
            while scale > 0 && digits % 10 == 0 {
                digits /= 10;
                scale -= 1;
            }
            numbers[k].value = FINE_TAG + digits * 64 + Value::from(scale);
        }
    };
    let (source_view, target_view) = (source_numbers.to_vec(), target_numbers.to_vec());
    retag(
        source_numbers,
        &ours,
        &unmatched_ours,
        &target_view,
        &theirs,
    );
    retag(
        target_numbers,
        &theirs,
        &unmatched_theirs,
        &source_view,
        &ours,
    );
}

/// The decimal a value tagged by [`separate_fine_decimals`] stands for.
fn fine_name(v: Value) -> Option<String> {
    if !(FINE_TAG..VERSION_TAG).contains(&v) {
        return None;
    }
    let (digits, scale) = ((v - FINE_TAG) / 64, ((v - FINE_TAG) % 64) as usize);
    let digits = format!("{digits:0>width$}", width = scale + 1);
    let (whole, decimals) = digits.split_at(digits.len() - scale);
    Some(format!("{whole}.{decimals}"))
}

/// Marks the numbers a text signs plus or minus (`±800千伏`, "±0.5 mm", "plus or minus 3",
/// "+/-3", 正负3): the sign is part of the value compared, as a minus is, so that a rating of
/// ±800 kV given as "800 kV", a bipolar line given as one pole, is reported.
pub fn read_plus_minus(text: &str, numbers: &mut [Number]) {
    for n in numbers.iter_mut() {
        let before = text[..n.start].trim_end_matches([' ', '\u{a0}']);
        let lower = before
            .get(floor_char_boundary(before, before.len().saturating_sub(16))..)
            .unwrap_or("")
            .to_ascii_lowercase();
        // "plus or minus 3": the minus has made the number negative.
        if n.value < 0
            && text[n.start..]
                .get(..5)
                .is_some_and(|w| w.eq_ignore_ascii_case("minus"))
        {
            let before = text[..n.start].trim_end().to_ascii_lowercase();
            if before.ends_with("plus or") && -n.value < MOST_TAGGED {
                n.value = PLUS_MINUS_TAG - n.value;
            }
            continue;
        }
        if !(0..MOST_TAGGED).contains(&n.value) {
            continue;
        }
        let signed = before.ends_with(['±', '∓'])
            || [
                "+/-",
                "+/−",
                "+-",
                "正负",
                "正負",
                "plus or minus",
                "plus/minus",
            ]
            .iter()
            .any(|s| lower.ends_with(s));
        if signed {
            n.value += PLUS_MINUS_TAG;
        }
    }
}

/// Hours that a Chinese word for a part of the day places on the clock unambiguously, read
/// against the hours English marks "a.m." or "p.m.": 凌晨2时 is 2 a.m., so "2 p.m." (14:00)
/// differs, though a pm hour reads loosely as written too (the 2 of 2点, with no part of the
/// day, may be either); and 下午2点 is 14:00, so "2 a.m." differs, though 下午2点 reads as
/// written too ("2 o'clock"). Morning words: 凌晨, 清晨, 早晨, 早上, 上午; afternoon and evening
/// words are those that make a pm hour (下午, 傍晚, 晚上…). 夜里 and 深夜 span midnight and
/// are left alone.
pub fn separate_meridiems(
    source: &str,
    source_numbers: &mut Vec<Number>,
    target: &str,
    target_numbers: &mut Vec<Number>,
) {
    const AM_WORDS: [&str; 5] = ["凌晨", "清晨", "早晨", "早上", "上午"];
    let hour = |v: Value| v % UNIT == 0 && (UNIT..12 * UNIT).contains(&v);
    let clock_after = |end: usize| source[end..].starts_with(['点', '點', '时', '時']);
    let am_in_source = |n: &Number| {
        hour(n.value)
            && n.reading.is_none()
            && clock_after(n.end)
            && AM_WORDS
                .iter()
                .any(|w| source[..n.start].trim_end().ends_with(w))
    };
    // The hour an English "a.m." or "p.m." follows ("2 p.m.", "2:30 am").
    let meridiem_of = |k: usize| {
        let n = &target_numbers[k];
        let minutes = target_numbers
            .get(k + 1)
            .filter(|m| target.get(n.end..m.start) == Some(":"));
        meridiem_after(&target[minutes.map_or(n.end, |m| m.end)..])
    };
    // An English pm hour reads as written (weak) and as its 24-hour hour, at the same start.
    let pm_in_target = |k: usize| {
        let n = &target_numbers[k];
        hour(n.value)
            && meridiem_of(k) == Some(true)
            && target_numbers
                .iter()
                .any(|o| o.start == n.start && o.value == n.value + 12 * UNIT)
    };
    let stated_only_as = |numbers: &[Number], value: Value, only: &dyn Fn(usize) -> bool| {
        let mut stated = (0..numbers.len()).filter(|&k| numbers[k].value == value);
        let mut any = false;
        stated.all(|k| {
            any = true;
            only(k)
        }) && any
    };
    let pm_hours: Vec<usize> = (0..target_numbers.len())
        .filter(|&k| pm_in_target(k))
        .collect();
    let drop_target: Vec<usize> = pm_hours
        .into_iter()
        .filter(|&k| {
            let v = target_numbers[k].value;
            stated_only_as(source_numbers, v, &|m| am_in_source(&source_numbers[m]))
        })
        .collect();
    // A Chinese pm hour: its numeral as written (choice 0) beside its 24-hour hour (choice 1).
    let pm_in_source = |k: usize| {
        let n = &source_numbers[k];
        n.reading.is_some_and(|r| r.choice == 0)
            && hour(n.value)
            && clock_after(n.end)
            && source_numbers.iter().any(|o| {
                o.reading
                    == Some(Reading {
                        choice: 1,
                        ..n.reading.unwrap_or(Reading {
                            numeral: 0,
                            choice: 0,
                        })
                    })
                    && o.value == n.value + 12 * UNIT
            })
    };
    let am_in_target = |k: usize| hour(target_numbers[k].value) && meridiem_of(k) == Some(false);
    let drop_source: Vec<usize> = (0..source_numbers.len())
        .filter(|&k| pm_in_source(k))
        .filter(|&k| stated_only_as(target_numbers, source_numbers[k].value, &am_in_target))
        .collect();
    for &k in drop_source.iter().rev() {
        let numeral = source_numbers[k].reading.map(|r| r.numeral);
        source_numbers.remove(k);
        for n in source_numbers
            .iter_mut()
            .filter(|n| n.reading.map(|r| r.numeral) == numeral)
        {
            n.reading = None;
        }
    }
    for &k in drop_target.iter().rev() {
        target_numbers.remove(k);
    }
}

/// How a value is named in a message: as the text writes it where every number of the value
/// is written alike, in digits and a point ("0203.2900", "1.50"), or else as
/// [`display_value`] shows it.
pub fn written_value(value: Value, numbers: &[Number], text: &str) -> String {
    let mut written = numbers
        .iter()
        .filter(|n| n.value == value)
        .filter_map(|n| text.get(n.start..n.end));
    let first = written.next();
    let alike = first.filter(|&w| written.all(|o| o == w));
    let plain = alike.filter(|w| {
        written_decimal(w).is_some_and(|(digits, scale)| {
            let read = Decimal { digits, scale }.value();
            read == value || (FINE_TAG..VERSION_TAG).contains(&value)
        })
    });
    plain.map_or_else(|| display_value(value), str::to_string)
}

/// Rates that English may state in the units it counts or as a percentage: "5 basis points"
/// is 0.05% as 万分之五 is, and "3 per thousand" (or "per 1,000", "in a thousand") 0.3% as
/// 千分之三 is; as often they count what they say (25个基点 as "25 basis points", 每千人3人 as
/// "3 per thousand"). So the number reads either way, and a denominator, part of the rate,
/// is weak.
fn read_rates(text: &str, numbers: &mut Vec<Number>) {
    let mut added = Vec::new();
    for k in 0..numbers.len() {
        let n = numbers[k];
        if n.kind != Kind::Plain {
            continue;
        }
        if basis_points_after(&text[n.end..]) {
            add_readings(
                numbers,
                k,
                &[&[(divided(n.value, 100), Kind::Plain)]],
                &mut added,
            );
            continue;
        }
        let Some(d) = numbers.get(k + 1).copied() else {
            continue;
        };
        let parts = match d.value / UNIT {
            1_000 if d.value % UNIT == 0 => 10,
            10_000 if d.value % UNIT == 0 => 100,
            _ => continue,
        };
        let between = text
            .get(n.end..d.start)
            .map(|b| b.trim().to_ascii_lowercase());
        let per = between.as_deref().is_some_and(|b| {
            let b = b.strip_suffix(" a").unwrap_or(b);
            matches!(b, "per" | "in" | "out of")
        });
        if per {
            numbers[k + 1].strength = Strength::Weak;
            add_readings(
                numbers,
                k,
                &[&[(divided(n.value, parts), Kind::Percent)]],
                &mut added,
            );
        }
    }
    if !added.is_empty() {
        numbers.extend(added);
        numbers.sort_by_key(|n| (n.start, n.value));
    }
}

/// Whether basis points follow a number, in any of the ways finance writes them: "50 basis
/// points", "a 50-basis-point cut", "25 basis-point", "50bp", "50 bps", "a 25-bp cut". "bps"
/// is also bits per second; the rate is only a further reading, so a count of bits still
/// reads as written.
fn basis_points_after(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\u{a0}', '-']);
    let word_ends = |after: &str| !after.starts_with(|c: char| c.is_alphanumeric());
    fn strip<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
        s.get(..prefix.len())
            .filter(|p| p.eq_ignore_ascii_case(prefix))
            .map(|_| &s[prefix.len()..])
    }
    if let Some(after) = ["bps", "bp"].iter().find_map(|w| strip(rest, w)) {
        return word_ends(after);
    }
    strip(rest, "basis")
        .and_then(|r| r.strip_prefix([' ', '\u{a0}', '-']))
        .and_then(|r| strip(r, "points").or_else(|| strip(r, "point")))
        .is_some_and(word_ends)
}

/// A month and day written as a decimal ("11.11", "6.18"), as e-commerce names its shopping
/// days in English: it reads as written or as its month and day, which the source may state
/// as a date (11月11日) or a name (双十一, 618). Not a clock time ("7.30pm"), an amount ("$6.18")
/// or a part of a longer number ("1.12.3").
fn read_date_spellings(text: &str, numbers: &mut Vec<Number>) {
    let mut added = Vec::new();
    for k in 0..numbers.len() {
        let n = numbers[k];
        let written = &text[n.start..n.end];
        let Some((month, day)) = written.split_once('.') else {
            continue;
        };
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        let before = &text[..n.start];
        let rest = &text[n.end..];
        // The day has two digits: "1.5" is a decimal.
        if n.kind != Kind::Plain
            || !(1..=2).contains(&month.len())
            || day.len() != 2
            || !digits(month)
            || !digits(day)
            || before.ends_with(|c: char| c.is_alphanumeric() || c == '.' || is_currency_sign(c))
            || rest.starts_with(|c: char| c.is_alphanumeric() || c == '.' || c == '%')
            || meridiem_after(rest).is_some()
        {
            continue;
        }
        let (Ok(month), Ok(day)) = (month.parse::<Value>(), day.parse::<Value>()) else {
            continue;
        };
        if (1..=12).contains(&month) && (1..=31).contains(&day) {
            let date: &[(Value, Kind)] = &[(month * UNIT, Kind::Plain), (day * UNIT, Kind::Plain)];
            add_readings(numbers, k, &[date], &mut added);
        }
    }
    if !added.is_empty() {
        numbers.extend(added);
        numbers.sort_by_key(|n| (n.start, n.value));
    }
}

/// "July 12 to 14", "July 12–14", "12 to 14 July": a range of days that names its month once,
/// where Chinese may repeat it (7月12日至7月14日). The day without a month reads the month
/// too, loose, so that the month may be stated once or twice. The days are digits (1 to 31)
/// joined by a dash or "to", "through", "until".
fn carry_months_over_ranges(text: &str, numbers: &mut Vec<Number>) {
    let month_at = |n: &Number| {
        let word = &text[n.start..n.end];
        (word.bytes().all(|b| b.is_ascii_alphabetic()) && month(word) == Some(n.value / UNIT))
            .then_some(n.value)
    };
    let is_day = |n: &Number| {
        n.kind == Kind::Plain
            && n.reading.is_none()
            && n.value % UNIT == 0
            && (UNIT..=31 * UNIT).contains(&n.value)
            && text[n.start..n.end].bytes().all(|b| b.is_ascii_digit())
    };
    let space = |a: &Number, b: &Number| {
        text.get(a.end..b.start)
            .is_some_and(|t| matches!(t, " " | "\u{a0}"))
    };
    let range = |a: &Number, b: &Number| {
        text.get(a.end..b.start).is_some_and(|t| {
            matches!(
                t.trim_matches([' ', '\u{a0}'])
                    .to_ascii_lowercase()
                    .as_str(),
                "-" | "–" | "—" | "to" | "through" | "until" | "till"
            )
        })
    };
    let mut added = Vec::new();
    for (k, w) in numbers.windows(3).enumerate() {
        let (a, b, c) = (&w[0], &w[1], &w[2]);
        // A month word right after `n` or right before it.
        let month_after = |n: &Number| {
            numbers[k + 3..]
                .first()
                .is_some_and(|d| month_at(d).is_some() && space(n, d))
        };
        let month_before = |n: &Number| {
            numbers[..k]
                .last()
                .is_some_and(|z| month_at(z).is_some() && space(z, n))
        };
        // "July 12 to 14", not "July 12 to 14 August".
        if let Some(m) = month_at(a)
            .filter(|_| is_day(b) && is_day(c) && space(a, b) && range(b, c) && !month_after(c))
        {
            added.push((m, c.start, c.end));
        }
        // "12 to 14 July", not "June 12 to 14 July".
        if let Some(m) = month_at(c)
            .filter(|_| is_day(a) && is_day(b) && range(a, b) && space(b, c) && !month_before(a))
        {
            added.push((m, a.start, a.end));
        }
    }
    add_weak_readings(numbers, added);
}

/// The days of a month of a year of the Gregorian calendar.
fn days_in_month(year: Value, month: Value) -> Value {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date written as eight digits, year, month and day run together ("20230315"), as
/// production dates and batch numbers print it: it reads as written or as its year, month
/// and day (2023年3月15日, "March 15, 2023"), whichever the other side states, so that a batch
/// number that is only a number stays one. Only a date of the calendar (1900 to 2099; no
/// 20230230), and only eight digits standing alone (no "1,234,567", no decimal).
fn read_compact_dates(text: &str, numbers: &mut Vec<Number>) {
    let mut added = Vec::new();
    for k in 0..numbers.len() {
        let n = numbers[k];
        let written = &text[n.start..n.end];
        if n.kind != Kind::Plain
            || n.strength != Strength::Strong
            || written.len() != 8
            || !written.bytes().all(|b| b.is_ascii_digit())
        {
            continue;
        }
        let part = |r: std::ops::Range<usize>| written[r].parse::<Value>().unwrap_or(0);
        let (year, month, day) = (part(0..4), part(4..6), part(6..8));
        if (1900..=2099).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day)
        {
            let date: &[(Value, Kind)] = &[
                (year * UNIT, Kind::Plain),
                (month * UNIT, Kind::Plain),
                (day * UNIT, Kind::Plain),
            ];
            add_readings(numbers, k, &[date], &mut added);
        }
    }
    if !added.is_empty() {
        numbers.extend(added);
        numbers.sort_by_key(|n| (n.start, n.value));
    }
}

/// The hours of the clock a word for a time of day names: "noon" and "midday" are 12时,
/// "midnight" 0时 (the start of a day) or 24时 (its end), as Chinese notices write them.
fn hours_of_named_time(lower: &str) -> Option<&'static [Value]> {
    match lower {
        "noon" | "midday" => Some(&[12]),
        "midnight" => Some(&[0, 24]),
        _ => None,
    }
}

/// "12 midnight": an hour of 12 before "midnight" is the twelve of the 12-hour clock, which
/// the word places at 0时 or 24时: it states nothing the word does not, and is dropped, so
/// that 12时 as "12 midnight" is still reported. "12 noon" keeps its 12.
fn read_twelve_midnight(text: &str, numbers: &mut Vec<Number>) {
    numbers.retain(|n| {
        let rest = text[n.end..].trim_start_matches([' ', '\u{a0}']);
        let word_end = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        !(n.value == 12 * UNIT
            && n.kind == Kind::Plain
            && n.reading.is_none()
            && rest[..word_end].eq_ignore_ascii_case("midnight"))
    });
}

/// The power of ten an SI prefix written as a symbol stands for: `k` in km, `M` in Mt, `μ`
/// (or `u`, its ASCII stand-in) in μg. Case tells them apart: `M` is mega, `m` milli.
fn symbol_prefix(c: char) -> Option<i32> {
    Some(match c {
        'T' => 12,
        'G' => 9,
        'M' => 6,
        'k' => 3,
        'c' => -2,
        'm' => -3,
        'μ' | 'µ' | 'u' => -6,
        _ => return None,
    })
}

/// The unit symbols that take an SI prefix: SI units and those used with them (the tonne,
/// the litre, the annum of geology's Ma), the troy ounce of mining (Moz) and the byte.
/// Centi is kept to the metre and the litre, where it is used; `u` for micro to what it
/// measures in ASCII text (ug/m3, um); milli to what it divides ("mt" is a metric tonne).
fn prefixed_symbol(symbol: &str) -> Option<i32> {
    const BASES: [&str; 21] = [
        "m", "g", "t", "W", "Wh", "V", "A", "Pa", "Hz", "J", "N", "L", "l", "s", "oz", "a", "yr",
        "B", "bit", "cal", "eV",
    ];
    let mut chars = symbol.chars();
    let power = symbol_prefix(chars.next()?)?;
    let base = chars.as_str();
    let allowed = match symbol.chars().next() {
        Some('c') => matches!(base, "m" | "L" | "l"),
        Some('u') => matches!(base, "g" | "m" | "L" | "l" | "s"),
        // "mt" is a metric tonne, no millitonne.
        Some('m') => !matches!(base, "t" | "a" | "yr" | "oz"),
        _ => true,
    };
    (allowed && BASES.contains(&base)).then_some(power)
}

/// The power of ten an SI prefix spelled out stands for, before the name of a unit that
/// takes one: "kilometres", "megawatts", "gigatonnes", "micrograms"; "kilo(s)" alone is a
/// kilogram.
fn prefixed_unit_word(word: &str) -> Option<i32> {
    const PREFIXES: [(&str, i32); 7] = [
        ("tera", 12),
        ("giga", 9),
        ("mega", 6),
        ("kilo", 3),
        ("centi", -2),
        ("milli", -3),
        ("micro", -6),
    ];
    const NAMES: [&str; 16] = [
        "metre", "meter", "gram", "gramme", "watt", "tonne", "ton", "joule", "volt", "pascal",
        "hertz", "litre", "liter", "calorie", "byte", "second",
    ];
    let lower = word.to_ascii_lowercase();
    if matches!(lower.as_str(), "kilo" | "kilos") {
        return Some(3);
    }
    let (prefix, power) = PREFIXES.iter().find(|(p, _)| lower.starts_with(p))?;
    let name = &lower[prefix.len()..];
    let singular = name.strip_suffix('s').unwrap_or(name);
    NAMES
        .iter()
        .any(|n| *n == name || *n == singular)
        .then_some(*power)
}

/// The power of ten a Chinese unit with an SI prefix stands for: 千瓦 kW, 公里 and 千米 km,
/// 公斤 and 千克 kg, 兆瓦 MW, 吉瓦 GW, 太瓦 TW, 毫米 mm, 厘米 cm, 微克 μg. The prefix is one
/// character (千 kilo, 兆 mega, 吉 giga, 太 tera, 毫 milli, 厘 centi, 微 micro) before the
/// character of an SI unit; a word that starts with a unit's character is none (千欧元).
fn chinese_prefixed_unit(rest: &str) -> Option<i32> {
    if rest.starts_with("公里") || rest.starts_with("公斤") {
        return Some(3);
    }
    const UNITS: [&str; 16] = [
        "米", "克", "瓦", "伏", "帕", "赫", "焦", "卡", "牛", "欧", "吨", "升", "秒", "安", "字节",
        "比特",
    ];
    const WORDS: [&str; 8] = [
        "欧元", "欧洲", "欧盟", "卡车", "卡片", "牛羊", "牛肉", "牛奶",
    ];
    let mut chars = rest.chars();
    let power = match chars.next()? {
        '千' => 3,
        '兆' => 6,
        '吉' => 9,
        '太' => 12,
        '毫' => -3,
        '厘' => -2,
        '微' => -6,
        _ => return None,
    };
    let unit = chars.as_str();
    (UNITS.iter().any(|u| unit.starts_with(u)) && !WORDS.iter().any(|w| unit.starts_with(w)))
        .then_some(power)
}

/// Whether `c` ends a unit symbol: anything but a letter or digit of a Latin word (a Chinese
/// character after a symbol starts a word of its own: 120万kW的).
fn ends_symbol(c: Option<char>) -> bool {
    c.is_none_or(|c| !c.is_alphanumeric() || is_ideograph(c))
}

/// The SI prefix of the unit written right after a number, as a power of ten: a symbol
/// ("120 Mt", "1.2 GW", "12 Mm³", "8 km2"), a word ("1.2 million kilowatts", "8 square
/// kilometres") or a Chinese unit (120万千瓦, 8平方公里). A letter alone or before anything
/// other than a unit's symbol is no prefix: a grade "M7", "Phase k", "5 mt", "35 kts".
fn unit_prefix_after(rest: &str) -> Option<i32> {
    let rest = rest
        .strip_prefix([' ', '\u{a0}', '\u{202f}', '\u{2009}', '-'])
        .unwrap_or(rest);
    let chinese = ["平方", "立方"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    if let Some(power) = chinese_prefixed_unit(chinese) {
        return Some(power);
    }
    // "square kilometres", "sq km", "cubic metres".
    let lower = rest.to_ascii_lowercase();
    let rest = ["square ", "cubic ", "sq ", "sq. ", "cu "]
        .iter()
        .find(|w| lower.starts_with(*w))
        .map_or(rest, |w| &rest[w.len()..]);
    let word_end = rest
        .find(|c: char| !c.is_alphabetic() || is_ideograph(c))
        .unwrap_or(rest.len());
    let word = &rest[..word_end];
    if word.is_empty() {
        return None;
    }
    if let Some(power) = prefixed_unit_word(word) {
        return Some(power);
    }
    let after = rest[word_end..].trim_start_matches(['2', '3', '²', '³']);
    prefixed_symbol(word).filter(|_| ends_symbol(after.chars().next()))
}

/// The quantity a number states in the unit without its SI prefix, where a unit with one
/// follows it: 120 for "120 Mt" is 120,000,000 (tonnes), 120万 of 120万千瓦 1,200,000,000
/// (watts). A prefix below one (mm, μg) gives a quantity only where it stays exact in
/// thousandths. The prefix scales the number once, whatever the unit's power: "12 Mm³" is
/// twelve million cubic metres, as the trade writes it, and 8平方公里 and "8 km²" scale alike.
fn quantity(text: &str, n: &Number) -> Option<Value> {
    // A value signed plus or minus is compared as written, its sign and unit both.
    if n.kind != Kind::Plain || n.value >= MOST_TAGGED {
        return None;
    }
    let power = unit_prefix_after(text.get(n.end..)?)?;
    let factor = 10_i128.pow(power.unsigned_abs());
    if power > 0 {
        Some(n.value.saturating_mul(factor))
    } else {
        (n.value % factor == 0).then(|| n.value / factor)
    }
}

/// Compares quantities where a unit with an SI prefix makes them differ from the numbers as
/// written: a number before such a unit takes the value of its quantity where the other side
/// states that quantity, in a unit without a prefix or with another one ("120 Mt" for
/// 1.2亿吨, "1.2 GW" or "1,200 MW" for 120万千瓦, "5,000 m" for 5公里). Elsewhere it stays as
/// written, so that the other side may keep the prefix in a spelling not read as one ("5
/// klicks" for 5公里, "35 kt" of wind, knots, for 35节), and a prefix changed is a quantity
/// changed (5200千克 as "5,200,000 kg", 120万千瓦 as "1.2 MW"). `source` and `target` are the
/// numbers read from `source_text` and `target_text`.
pub fn compare_quantities(
    source_text: &str,
    source: &mut [Number],
    target_text: &str,
    target: &mut [Number],
) {
    let quantities = |text: &str, numbers: &[Number]| -> Vec<Option<Value>> {
        numbers.iter().map(|n| quantity(text, n)).collect()
    };
    let (ours, theirs) = (
        quantities(source_text, source),
        quantities(target_text, target),
    );
    if ours.iter().chain(&theirs).all(Option::is_none) {
        return;
    }
    // Whether a side states `value` as a quantity: a number with no prefix, or the quantity
    // of one with a prefix.
    let states = |numbers: &[Number], quantities: &[Option<Value>], value: Value| {
        numbers
            .iter()
            .zip(quantities)
            .any(|(n, q)| q.unwrap_or(n.value) == value)
    };
    let source_states: Vec<bool> = ours
        .iter()
        .map(|q| q.is_some_and(|q| states(target, &theirs, q)))
        .collect();
    let target_states: Vec<bool> = theirs
        .iter()
        .map(|q| q.is_some_and(|q| states(source, &ours, q)))
        .collect();
    for ((n, q), stated) in source.iter_mut().zip(&ours).zip(source_states) {
        if let (Some(q), true) = (q, stated) {
            n.value = *q;
        }
    }
    for ((n, q), stated) in target.iter_mut().zip(&theirs).zip(target_states) {
        if let (Some(q), true) = (q, stated) {
            n.value = *q;
        }
    }
}

/// Whether the number at `n` is the power of a unit of length written against it: the 3 of
/// "m3", "80,000 m3", "ug/m3" and "Mm³", the 2 of "km2", "ft²" (area and volume, as plain
/// text and XLIFF superscript markup write them). The symbol starts a word (after a space,
/// a slash, a digit or a Chinese character), so a name's digit is no power ("BMW M3", "A3").
fn is_unit_power(text: &str, n: &Number) -> bool {
    let written = &text[n.start..n.end];
    if !matches!(written, "2" | "3" | "²" | "³") {
        return false;
    }
    let rest = &text[n.end..];
    let decimal = rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit());
    if !ends_symbol(rest.chars().next()) || decimal {
        return false;
    }
    let before = &text[..n.start];
    let symbol_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() && !is_ideograph(c))
        .last()
        .map_or(before.len(), |(i, _)| i);
    let symbol = &before[symbol_start..];
    let starts_word = !before[..symbol_start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic() && !is_ideograph(c));
    let length = |s: &str| matches!(s, "m" | "ft" | "yd" | "mi");
    let unit = length(symbol)
        || symbol
            .chars()
            .next()
            .filter(|&c| symbol_prefix(c).is_some() || c == 'd')
            .is_some_and(|c| symbol[c.len_utf8()..] == *"m");
    !symbol.is_empty() && starts_word && unit
}

/// Drops the powers of units of length (see [`is_unit_power`]): part of the unit, no number.
fn drop_unit_powers(text: &str, numbers: &mut Vec<Number>) {
    numbers.retain(|n| !is_unit_power(text, n));
}

/// Makes weak a number in brackets that restates the quantity or date right before them in
/// another unit or calendar: "38 °C (100 °F)", "120 km/h (75 mph)", "5,200 m (17,060 ft)",
/// "RMB 35 (US$5)", "the 19th year of Zhenguan (645)". The source states the quantity once,
/// and the conversion may or may not be in it; weak, it is not required, and still stands for
/// a number the source states. The bracket holds that one number and its unit alone, and
/// opens right after the quantity's own unit. A bracket in the same unit ("50 mm (2 mm)"),
/// one of a bare number after a quantity ("5 km (3)"), or one after more than a unit ("38 °C
/// at noon (100 °F)") is compared as any number is. A date restated is a year in brackets
/// after a year counted in another calendar: "year" follows or precedes its number.
fn weaken_bracketed_restatements(text: &str, numbers: &mut [Number]) {
    const MEASURE: usize = 20;
    const DATE: usize = 40;
    let unit_text = |t: &str| {
        !t.contains(|c: char| c.is_ascii_digit() || ",;:!?()[]（）".contains(c))
            && !t.trim_end().ends_with('.')
    };
    for k in 1..numbers.len() {
        let b = numbers[k];
        if b.strength != Strength::Strong {
            continue;
        }
        // The bracket: `(` then a short prefix (a currency) and the number, then its unit
        // and `)`.
        let before_b = &text[..b.start];
        let Some(open) = before_b.rfind(['(', '（']) else {
            continue;
        };
        let prefix = &before_b[open + before_b[open..].chars().next().map_or(1, char::len_utf8)..];
        let after_b = &text[b.end..];
        let Some(close) = after_b.find([')', '）']) else {
            continue;
        };
        let suffix = &after_b[..close];
        if prefix.len() > 12 || suffix.len() > MEASURE || !unit_text(prefix) || !unit_text(suffix) {
            continue;
        }
        // The quantity before it: the last number ending before the bracket, not one of the
        // readings of the bracket's own numeral.
        let Some(a) = numbers[..k]
            .iter()
            .rev()
            .find(|a| a.end <= open && a.start != b.start)
        else {
            continue;
        };
        let unit_before = &text[a.end..open];
        if unit_before.len() > DATE || !unit_text(unit_before) {
            continue;
        }
        let unit_before = unit_before.trim();
        let unit_in = format!("{} {}", prefix.trim(), suffix.trim());
        let unit_in = unit_in.trim();
        // A currency sign or code before the quantity is its unit ("$5 (RMB 35)").
        let sign_before = text[..a.start]
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .filter(|w| w.ends_with(is_currency_sign) || is_currency(w))
            .unwrap_or("");
        let own_unit = if unit_before.is_empty() {
            sign_before
        } else {
            unit_before
        };
        let converted = unit_before.len() <= MEASURE
            && unit_before.split_whitespace().count() <= 2
            && !own_unit.is_empty()
            && !unit_in.is_empty()
            && own_unit != unit_in;
        let lower = unit_before.to_ascii_lowercase();
        let year_before = ends_with_ignoring_case(text[..a.start].trim_end(), "year")
            && unit_before.split_whitespace().count() <= 6;
        let year_after = lower
            .strip_prefix("year")
            .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric() && c != 's'))
            && unit_before.split_whitespace().count() <= 6;
        let era = matches!(
            unit_in.trim_end_matches('.'),
            "" | "AD" | "A.D" | "CE" | "BC" | "B.C" | "BCE"
        );
        let year_digits = text[b.start..b.end].len() <= 4
            && text[b.start..b.end].bytes().all(|c| c.is_ascii_digit());
        let restated_year = (year_before || year_after) && era && year_digits;
        if converted || restated_year {
            for n in numbers.iter_mut().filter(|n| n.start == b.start) {
                n.strength = Strength::Weak;
            }
        }
    }
}

/// E-notation ("2.5E4", "1.2e-5", what a program or a translation engine makes of 2.5×10⁴)
/// states the base ten that `×10⁴` writes: the `E` reads as a 10 beside the mantissa and the
/// exponent, which are read already, so that the two notations agree. An exponent's sign is
/// read as that of `10⁻⁵` and `10^-5` is: not at all. A code is no E-notation ("A5E4",
/// "0x1E5", "25E4" without a point or a sign): the mantissa stands alone, has a decimal point,
/// one digit or a signed exponent, and the exponent one to three digits.
fn read_e_notation(text: &str, numbers: &mut Vec<Number>) {
    let mut added = Vec::new();
    for w in numbers.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (Some(mantissa), Some(between), Some(exponent)) = (
            text.get(a.start..a.end),
            text.get(a.end..b.start),
            text.get(b.start..b.end),
        ) else {
            continue;
        };
        let Some(sign) = between.strip_prefix(['e', 'E']) else {
            continue;
        };
        let signed = matches!(sign, "-" | "+" | "−");
        let numeral = |t: &str| t.bytes().all(|c| c.is_ascii_digit() || c == b'.');
        // Chinese characters are words of their own: 为2.5E4倍 stands alone.
        let stands_alone = !text[..a.start]
            .ends_with(|c: char| c.is_ascii_alphanumeric() || c == '.')
            && !text[b.end..].starts_with(|c: char| c.is_ascii_alphanumeric());
        if (sign.is_empty() || signed)
            && numeral(mantissa)
            && (mantissa.contains('.') || mantissa.len() == 1 || signed)
            && (1..=3).contains(&exponent.len())
            && exponent.bytes().all(|c| c.is_ascii_digit())
            && stands_alone
        {
            added.push(Number {
                kind: Kind::Plain,
                value: 10 * UNIT,
                strength: Strength::Strong,
                start: a.end,
                end: a.end + 1,
                reading: None,
            });
        }
    }
    if !added.is_empty() {
        numbers.extend(added);
        numbers.sort_by_key(|n| (n.start, n.value));
    }
}

/// Makes negative the numbers a text signs as negative, on either side: a minus sign right
/// before the digits (`-20℃`, "−20 °C", full-width `－20`), 零下 or 负 before a number (零下30℃,
/// 负五), "minus 20" or "negative 20", and "20 degrees below zero". The sign moves the start of
/// the number to the sign, so that a finding points at it. A percentage keeps its value: a
/// change carries its sign in a word as often as in a minus ("down 5%" for 增长-5%).
fn read_signs(text: &str, numbers: &mut [Number]) {
    for n in numbers.iter_mut() {
        let percentage = matches!(
            n.kind,
            Kind::Percent | Kind::PercentagePoint | Kind::PercentOff | Kind::PercentPaid
        );
        if n.value <= 0 || percentage {
            continue;
        }
        if let Some(sign_len) = sign_before(text, n.start, n.end) {
            n.value = -n.value;
            n.start -= sign_len;
        } else if below_zero_after(&text[n.end..]) {
            n.value = -n.value;
        }
    }
}

/// The length of the sign written right before the number at `start..end`, if it has one:
/// 零下, 负 (not 正负, "plus or minus"), a minus sign, "minus" or "negative".
fn sign_before(text: &str, start: usize, end: usize) -> Option<usize> {
    let before = &text[..start];
    if before.ends_with("零下") {
        return Some("零下".len());
    }
    if before.ends_with('负') && !before.ends_with("正负") {
        return Some('负'.len_utf8());
    }
    let minus = text[start..end]
        .starts_with(is_digit)
        .then(|| minus_sign_before(text, start, end))
        .flatten();
    minus.or_else(|| english_minus_before(before))
}

/// The length of a minus sign (`-`, `−`, `－`) right before the digits at `start..end`, where
/// it is the number's sign.
///
/// A minus joined to what stands before it is a hyphen, not a sign: after a number it makes a
/// range, a date or a code (10-20, "10 -20", 三-5, 2024-05-01, M10-1.25, 2210-05), after a letter a
/// name or a code (IL-6, COVID-19, F-22, UTC-5), after a closing bracket, a unit sign or
/// another sign a range or a tolerance (5%-10%, ±, "+/-0.5"). After a Chinese character it
/// joins names as well (碘-131 "iodine-131", 歼-20 "J-20"), so there it is a sign only after a
/// word that introduces a value (为-20℃, 降至-5) or before a unit of temperature or a range
/// mark (温度-20℃, 温度-20～50℃).
fn minus_sign_before(text: &str, start: usize, end: usize) -> Option<usize> {
    let before = &text[..start];
    let mut preceding = before.chars().rev();
    let minus = preceding.next().filter(|c| matches!(c, '-' | '−' | '－'))?;
    let sign = Some(minus.len_utf8());
    const JOINS: &str = ")]}）】」』》〕%％‰°℃℉.·/+-−－±_^*×#&@'’\"”";
    match preceding.next() {
        None => sign,
        Some(c) if c.is_whitespace() => {
            let word_before = preceding.find(|c| !c.is_whitespace());
            sign.filter(|_| !word_before.is_some_and(|c| is_digit(c) || is_chinese_numeral(c)))
        }
        Some(c) if is_chinese_numeral(c) => None,
        Some(c) if is_ideograph(c) => {
            const VALUE_WORDS: &str = "为爲是至到达達于於约約在从從由和与與或及";
            let unit_after = text[end..]
                .trim_start()
                .starts_with(['℃', '℉', '°', '度', '~', '～', '至', '到']);
            sign.filter(|_| VALUE_WORDS.contains(c) || unit_after)
        }
        Some(c) if c.is_alphanumeric() || JOINS.contains(c) => None,
        Some(_) => sign,
    }
}

/// The length of "minus " or "negative " right before a number, where it is the number's sign
/// and not a difference taken ("10 minus 3").
fn english_minus_before(before: &str) -> Option<usize> {
    let word_end = before.strip_suffix(' ')?;
    let word = ["minus", "negative"]
        .into_iter()
        .find(|w| ends_with_ignoring_case(word_end, w))?;
    let rest = &word_end[..word_end.len() - word.len()];
    if rest.ends_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let last_word = rest
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let a_number = last_word.ends_with(is_digit)
        || english_word_value(&last_word.to_ascii_lowercase()).is_some()
        || english_multiplier(&last_word.to_ascii_lowercase()).is_some();
    (!a_number).then_some(word.len() + 1)
}

/// Whether "below zero" follows a number, after its unit or none: "20 degrees below zero",
/// "20 °C below zero", "20 below zero".
fn below_zero_after(rest: &str) -> bool {
    let rest = &rest[..floor_char_boundary(rest, UNIT_REACH)];
    let rest = rest.trim_start().to_ascii_lowercase();
    let after_unit = ["degrees", "degree", "°c", "°f", "℃", "℉", "°"]
        .iter()
        .find_map(|u| rest.strip_prefix(u))
        .map_or(rest.as_str(), str::trim_start);
    after_unit
        .strip_prefix("below zero")
        .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
}

/// The readings of a fraction word: its denominator and, where no numeral states it ("a
/// quarter", "half"), the numerator one; weak, as the word may be no fraction ("a quarter" is
/// also three months).
fn fraction_readings(
    denominator: Value,
    numerator: bool,
    start: usize,
    end: usize,
) -> impl Iterator<Item = Number> {
    let reading = move |value: Value| Number {
        kind: Kind::Fraction,
        value: value * UNIT,
        strength: Strength::Weak,
        start,
        end,
        reading: None,
    };
    std::iter::once(reading(denominator)).chain(numerator.then(|| reading(1)))
}

/// Whether a cardinal number stands right before `tokens[i]` ("three quarters", "one half",
/// "3 quarters").
fn cardinal_before(tokens: &[Token<'_>], i: usize) -> bool {
    match i.checked_sub(1).and_then(|k| tokens.get(k)) {
        Some(Token::Arabic(_, _, _, ordinal)) => !ordinal,
        Some(Token::Word(w, ..)) => {
            english_word_value(&w.to_ascii_lowercase()).is_some_and(|(_, ordinal)| !ordinal)
        }
        None => false,
    }
}

/// The denominator of the fraction word at `tokens[i]`, and whether it leaves its numerator
/// one unwritten ("a quarter", against "three quarters"); `None` where the word is no
/// fraction. "Quarter" is one after a numeral or "a", "an", "another" (a word may stand
/// between: "a further quarter turn"), not after an ordinal or a determiner, where it is three
/// months ("the first quarter", "last quarter") or a district. A plural ordinal from "thirds"
/// on is a fraction ("two thirds", "tenths"; "seconds" are time), and so is a singular one
/// after "a", "an" or "one" that ends its phrase or takes "of" ("a third of", "cut by a
/// fifth"; "a third time" ranks).
fn fraction_word(text: &str, tokens: &[Token<'_>], i: usize) -> Option<(Value, bool)> {
    let Some(Token::Word(w, _, end)) = tokens.get(i) else {
        return None;
    };
    let lower = w.to_ascii_lowercase();
    let word_at = |k: Option<usize>| match k.and_then(|k| tokens.get(k)) {
        Some(Token::Word(w, ..)) => Some(w.to_ascii_lowercase()),
        _ => None,
    };
    let article = |w: Option<String>| matches!(w.as_deref(), Some("a" | "an" | "another"));
    let ordinal_before = match i.checked_sub(1).and_then(|k| tokens.get(k)) {
        Some(Token::Arabic(_, _, _, ordinal)) => *ordinal,
        Some(Token::Word(w, ..)) => {
            english_word_value(&w.to_ascii_lowercase()).is_some_and(|(_, ordinal)| ordinal)
        }
        None => false,
    };
    if lower == "halves" {
        return Some((2, false));
    }
    if lower == "quarter" || lower == "quarters" {
        if ordinal_before {
            return None;
        }
        if cardinal_before(tokens, i) {
            return Some((4, false));
        }
        let after_article =
            article(word_at(i.checked_sub(1))) || article(word_at(i.checked_sub(2)));
        return after_article.then_some((4, true));
    }
    let ordinal = |w: &str| {
        english_word_value(w)
            .filter(|&(v, ord)| ord && v >= 3)
            .map(|(v, _)| v)
    };
    if let Some(denominator) = lower.strip_suffix('s').and_then(ordinal) {
        return Some((denominator, false));
    }
    let denominator = ordinal(&lower)?;
    let before = word_at(i.checked_sub(1));
    let ends_phrase = match tokens.get(i + 1) {
        None => true,
        Some(Token::Word(next, start, _)) => {
            next.eq_ignore_ascii_case("of") || !text[*end..*start].chars().all(|c| c == ' ')
        }
        Some(_) => true,
    };
    match before.as_deref() {
        Some("a" | "an") if ends_phrase => Some((denominator, true)),
        Some("one") if ends_phrase => Some((denominator, false)),
        _ => None,
    }
}

/// The unit a fraction word counts in, where `rest`, the text after it, names a point or a
/// percent of which the fraction is a part: "(a quarter) of a percentage point", "(three
/// quarters of) a point", "(a quarter)-point", "(a tenth) of a percent". A point alone is left
/// unclassed, as after a numeral ([`mark_english_percentages`]).
fn point_after_fraction(rest: &str) -> Option<Kind> {
    let rest = rest
        .trim_start_matches([' ', '\u{a0}', '-'])
        .to_ascii_lowercase();
    let rest = rest.strip_prefix("of ").unwrap_or(&rest);
    let rest = ["a ", "an "]
        .iter()
        .find_map(|a| rest.strip_prefix(a))
        .unwrap_or(rest);
    let word = |w: &str| {
        rest.strip_prefix(w)
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
    };
    if ["percentage point", "percentage-point", "percentage points"]
        .iter()
        .any(|w| word(w))
    {
        Some(Kind::PercentagePoint)
    } else if ["percent", "per cent"].iter().any(|w| word(w)) {
        Some(Kind::Percent)
    } else if word("point") || word("points") {
        Some(Kind::Plain)
    } else {
        None
    }
}

/// Drops the argument indexes of printf placeholders ("%1$s", "%2$d"): which argument a
/// placeholder takes is no number of the text, and a translation may number arguments its
/// source leaves in order ("%s" as "%1$s").
fn drop_argument_indexes(text: &str, numbers: &mut Vec<Number>) {
    numbers.retain(|n| !(text[..n.start].ends_with('%') && text[n.end..].starts_with('$')));
}

/// "30%", "30 percent", "30 per cent": a percentage; "0.4 percentage points", "0.4pp",
/// "a 0.4-percentage-point rise": a difference of percentages. "Points" alone is left
/// unclassed: it is also an index's points (3,500 points, 点), and "basis points" are another
/// unit, whose numbers differ anyway ([`read_rates`] reads them as hundredths of a percent
/// too). "3‰" and "3 per mille" are 0.3%, "5‱" 0.05%, and a range's other number reads either
/// way ("0.3–0.5‰").
fn mark_english_percentages(text: &str, numbers: &mut Vec<Number>) {
    // How many parts of a hundred a number counts in: 10 per mille, 100 per ten thousand.
    let mut scaled = vec![1; numbers.len()];
    for (n, scaled) in numbers.iter_mut().zip(&mut scaled) {
        if n.kind == Kind::Fraction {
            continue;
        }
        // The unit follows within a few words: only so much is read, once per number.
        let rest = &text[n.end..floor_char_boundary(text, n.end + UNIT_REACH)];
        let mut rest = rest
            .trim_start_matches([' ', '\u{a0}', '-'])
            .to_ascii_lowercase();
        // "half a percentage point": the unit is counted by the half.
        if text[n.start..n.end].eq_ignore_ascii_case("half") {
            if let Some(r) = rest
                .strip_prefix("of a ")
                .or_else(|| rest.strip_prefix("a "))
            {
                rest = r.to_string();
            }
        }
        let word = |w: &str| {
            rest.strip_prefix(w)
                .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
        };
        let percent_sign = rest.starts_with('%').then_some(1);
        let percent_word = ["percent", "per cent", "pct"]
            .iter()
            .find(|w| word(w))
            .map(|w| w.len());
        // Per mille (‰, 千分之) and per ten thousand (‱, 万分之) are percentages of a tenth
        // and a hundredth of the number: 3‰ is 0.3%.
        let per_mille = if rest.starts_with('‰') {
            Some((10, '‰'.len_utf8()))
        } else if rest.starts_with('‱') {
            Some((100, '‱'.len_utf8()))
        } else {
            ["per mille", "per mil", "permille", "permil"]
                .iter()
                .find(|w| word(w))
                .map(|w| (10, w.len()))
        };
        if let Some((parts, unit_len)) = per_mille {
            n.value = divided(n.value, parts);
            *scaled = parts;
            n.kind = if off_after(&rest[unit_len..]) {
                Kind::PercentOff
            } else {
                Kind::Percent
            };
        } else if let Some(unit_len) = percent_sign.or(percent_word) {
            n.kind = if off_after(&rest[unit_len..]) || saving_before(&text[..n.start]) {
                Kind::PercentOff
            } else {
                Kind::Percent
            };
        } else if rest
            .strip_prefix("percentage")
            .and_then(|r| r.strip_prefix([' ', '-']))
            .is_some_and(|r| r.starts_with("point"))
            || word("pp")
            || word("ppt")
            || word("ppts")
        {
            n.kind = Kind::PercentagePoint;
        }
    }
    let range_mark = |between: &str| {
        let between = between.trim_start_matches(['‰', '‱']).trim();
        matches!(
            between.to_ascii_lowercase().as_str(),
            "-" | "–" | "—" | "~" | "to"
        )
    };
    spread_rates_over_ranges(text, numbers, &scaled, range_mark);
}

/// Whether a percentage is taken off a price: "20% off", "a 20% discount" (`rest` is the
/// lower-cased text after the percentage).
fn off_after(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    ["off", "discount"].iter().any(|w| {
        rest.strip_prefix(w)
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// Whether the words before a percentage save it off a price: "save 20%", "saving up to 20%",
/// "a discount of 20%".
fn saving_before(before: &str) -> bool {
    let tail = &before[floor_char_boundary(before, before.len().saturating_sub(UNIT_REACH))..];
    let tail = tail.trim_end().to_ascii_lowercase();
    let tail = tail
        .strip_suffix("up to")
        .map_or(tail.as_str(), str::trim_end);
    ["save", "saves", "saving", "discount of", "discounts of"]
        .iter()
        .any(|w| {
            tail.strip_suffix(w)
                .is_some_and(|t| !t.ends_with(|c: char| c.is_alphanumeric()))
        })
}

/// How far after a number its unit ("percentage points", "p.m.") is looked for.
const UNIT_REACH: usize = 64;

fn ends_with_ignoring_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.is_char_boundary(text.len() - suffix.len())
        && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Whether "am" or "pm" (or "a.m.", "p.m.") follows a number: `Some(true)` for pm.
fn meridiem_after(rest: &str) -> Option<bool> {
    let rest = &rest[..floor_char_boundary(rest, UNIT_REACH)];
    let rest = rest
        .trim_start_matches([' ', '\u{a0}'])
        .to_ascii_lowercase();
    let pm = ["pm", "p.m."].iter().find(|m| rest.starts_with(*m));
    let am = ["am", "a.m."].iter().find(|m| rest.starts_with(*m));
    let (word, is_pm) = match (am, pm) {
        (_, Some(w)) => (w, true),
        (Some(w), None) => (w, false),
        (None, None) => return None,
    };
    let after = rest[word.len()..].chars().next();
    (!after.is_some_and(|c| c.is_alphanumeric())).then_some(is_pm)
}

/// Clock times: "2:30 pm" and British "7.30pm" are 2 (or 14) and 30, not 2.3 or 7.3; a pm
/// hour is also its 24-hour hour (20:00 in the source is "8 pm"), so both readings are weak;
/// and zero minutes (":00") need not be written ("8 pm").
fn read_clock_times(text: &str, numbers: &mut Vec<Number>) {
    let mut added = Vec::new();
    let mut k = 0;
    while k < numbers.len() {
        let n = numbers[k];
        let written = &text[n.start..n.end];
        let after_colon = k > 0 && text.get(numbers[k - 1].end..n.start) == Some(":");
        if after_colon && written == "00" {
            numbers[k].strength = Strength::Weak;
        }
        let Some(pm) = meridiem_after(&text[n.end..]) else {
            k += 1;
            continue;
        };
        let hour_index = match written.split_once('.') {
            // "7.30pm": the hour and, after the point, the minutes.
            Some((hour, minutes))
                if (1..=2).contains(&hour.len())
                    && minutes.len() == 2
                    && minutes.bytes().all(|b| b.is_ascii_digit()) =>
            {
                let (Ok(hour), Ok(minutes)) = (hour.parse::<Value>(), minutes.parse::<Value>())
                else {
                    k += 1;
                    continue;
                };
                if !(1..=12).contains(&hour) || minutes >= 60 {
                    k += 1;
                    continue;
                }
                let split_at = n.start + written.find('.').unwrap_or(0) + 1;
                numbers[k].value = hour * UNIT;
                numbers[k].end = split_at - 1;
                added.push(Number {
                    kind: Kind::Plain,
                    value: minutes * UNIT,
                    strength: if minutes == 0 {
                        Strength::Weak
                    } else {
                        Strength::Strong
                    },
                    start: split_at,
                    end: n.end,
                    reading: None,
                });
                Some(k)
            }
            Some(_) => None,
            // "2:30 pm": the number before the colon is the hour.
            None if after_colon && written.len() == 2 => Some(k - 1),
            None => Some(k),
        };
        // "12 a.m." is 0时 on the 24-hour clock (and to some, noon): it reads either way.
        if let Some(h) = hour_index.filter(|&h| numbers[h].value == 12 * UNIT && !pm) {
            numbers[h].strength = Strength::Weak;
            added.push(Number {
                value: 0,
                ..numbers[h]
            });
        }
        if let Some(h) = hour_index.filter(|&h| (UNIT..12 * UNIT).contains(&numbers[h].value)) {
            if numbers[h].value % UNIT == 0 && pm {
                numbers[h].strength = Strength::Weak;
                added.push(Number {
                    value: numbers[h].value + 12 * UNIT,
                    ..numbers[h]
                });
            }
        }
        k += 1;
    }
    numbers.extend(added);
    numbers.sort_by_key(|n| (n.start, n.value));
}

/// "2023-25", "1998–99", "2019/20": the second year of a range written with its last two
/// digits is the first's century's.
fn expand_short_year_ranges(text: &str, numbers: &mut [Number]) {
    for k in 1..numbers.len() {
        let (a, b) = (numbers[k - 1], numbers[k]);
        let (Some(first), Some(between), Some(second)) = (
            text.get(a.start..a.end),
            text.get(a.end..b.start),
            text.get(b.start..b.end),
        ) else {
            continue;
        };
        let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|c| c.is_ascii_digit());
        let year = a.value / UNIT;
        // After a hyphen, a number up to twelve is rather a month ("2001-05").
        let range = match between {
            "–" | "—" | "/" => true,
            "-" => b.value / UNIT > 12,
            _ => false,
        };
        if digits(first, 4) && (1000..3000).contains(&year) && range && digits(second, 2) {
            let expanded = year / 100 * 100 + b.value / UNIT;
            if expanded > year {
                numbers[k].value = expanded * UNIT;
            }
        }
    }
}

/// "seventy to eighty thousand", "two or three million": the multiplier of the second number
/// applies to the first, which then reads as both (70 and 70,000), weak.
fn distribute_ranges(text: &str, numbers: &mut Vec<Number>) {
    let mut added = Vec::new();
    for k in 1..numbers.len() {
        let (a, b) = (numbers[k - 1], numbers[k]);
        let Some(between) = text.get(a.end..b.start) else {
            continue; // two readings of one word ("half": 0.5, and 1 and 2)
        };
        let between = between.trim().to_ascii_lowercase();
        if !matches!(between.as_str(), "to" | "or" | "-" | "–") || a.value >= 1000 * UNIT {
            continue;
        }
        let Some(m) = [1_000_000_000_000, 1_000_000_000, 1_000_000, 1_000]
            .into_iter()
            .find(|&m| {
                b.value >= m * UNIT && b.value % (m * UNIT) == 0 && b.value < 1000 * m * UNIT
            })
        else {
            continue;
        };
        numbers[k - 1].strength = Strength::Weak;
        added.push(Number {
            value: a.value * m,
            strength: Strength::Weak,
            ..a
        });
    }
    numbers.extend(added);
    numbers.sort_by_key(|n| (n.start, n.value));
}

fn tokens_end(t: &Token<'_>) -> usize {
    match t {
        Token::Word(_, _, e) | Token::Arabic(_, _, e, _) => *e,
    }
}

fn tokens_start(t: &Token<'_>) -> usize {
    match t {
        Token::Word(_, s, _) | Token::Arabic(_, s, _, _) => *s,
    }
}

/// Whether only spaces (or a hyphen) separate two tokens.
fn adjacent(text: &str, end: usize, start: usize) -> bool {
    text[end..start]
        .chars()
        .all(|c| c == ' ' || c == '-' || c == '\u{a0}')
}

/// Reads number words from `tokens[i]` ("twenty-five", "one thousand five hundred and
/// five"; in "a hundred" it starts at "hundred", the article is no number). Returns the number
/// and the index after it.
fn english_word_number(text: &str, tokens: &[Token<'_>], i: usize) -> (Option<Number>, usize) {
    let (mut total, mut current): (Value, Value) = (0, 0);
    let mut ordinal = false;
    let mut words = 0;
    let mut j = i;
    let Token::Word(first, start, mut end) = tokens[i] else {
        return (None, i + 1);
    };
    let first_word = first.to_ascii_lowercase();
    let mut small_only = true;
    // "and a half" after a number: a half more, of what follows ("two and a half million").
    let mut half = false;
    // A multiplier in the plural after a number ("in ten thousands"): units of that amount.
    let mut in_units = false;
    let word_at = |k: usize| match tokens.get(k) {
        Some(Token::Word(w, ..)) => Some(w.to_ascii_lowercase()),
        _ => None,
    };
    while let Some(Token::Word(w, s, e)) = tokens.get(j) {
        if j > i && !adjacent(text, end, *s) {
            break;
        }
        let lower = w.to_ascii_lowercase();
        if lower == "and"
            && !half
            && words > 0
            && word_at(j + 1).as_deref() == Some("a")
            && word_at(j + 2).as_deref() == Some("half")
        {
            half = true;
            end = tokens_end(&tokens[j + 2]);
            j += 3;
            continue;
        }
        if lower == "and" {
            // "one hundred and five": only between number words.
            let number_next = matches!(tokens.get(j + 1), Some(Token::Word(n, ..)) if english_word_value(&n.to_ascii_lowercase()).is_some());
            if number_next && (current >= 100 || total > 0) {
                end = *e;
                j += 1;
                continue;
            }
            break;
        }
        if ordinal {
            break;
        }
        if let Some((v, ord)) = english_word_value(&lower) {
            let tail = current % 100;
            // "one hundred twenty-five": a unit may follow a ten, anything a round number.
            if tail == 0 || (tail >= 20 && tail % 10 == 0 && v < 10) {
                current += v;
            } else {
                break;
            }
            if v >= 10 {
                small_only = false;
            }
            ordinal = ord;
        } else if let Some(m) = english_multiplier(&lower).filter(|_| {
            // "Ten million-kilowatt-class units" are ten units of a class.
            words == 0 || !names_a_class(&text[*e..])
        }) {
            small_only = false;
            let base = if current == 0 { 1 } else { current };
            if m == 100 {
                current = base * 100;
            } else {
                total += base * m + if std::mem::take(&mut half) { m / 2 } else { 0 };
                current = 0;
            }
        } else if let Some(m) = lower
            .strip_suffix('s')
            .and_then(english_multiplier)
            .filter(|_| current > 0 && !half)
        {
            // "in ten thousands" (单位：万元), "RMB in hundred millions": amounts counted in
            // units of ten thousand, no count of ten.
            total += current * m;
            current = 0;
            in_units = true;
        } else {
            break;
        }
        words += 1;
        end = *e;
        j += 1;
        if in_units {
            break;
        }
    }
    if words == 0 {
        return (None, i + 1);
    }
    let value = total + current;
    // A bare "hundred" ("a hundred", "hundreds") is as loose as Chinese 百, and so are the
    // English of the other units Chinese writes in one character, which it also uses alone
    // in names and words: "ten thousand" for 万 (万佛洞 "Cave of Ten Thousand Buddhas", 万物
    // "the ten thousand things"), "a hundred million" for 亿.
    let bare_multiplier = words == 1 && english_word_value(&first_word).is_none();
    let one_character_unit = words == 2
        && !half
        && matches!(
            (first_word.as_str(), value),
            ("ten", 10_000) | ("hundred", 100_000_000)
        );
    // A unit named in the plural is as loose as a unit named alone: "ten thousands" is a
    // unit of account, which a source may leave to its header.
    let strength =
        if (small_only && value < 10 && !half) || bare_multiplier || one_character_unit || in_units
        {
            Strength::Weak
        } else {
            Strength::Strong
        };
    let kind = if (ordinal && ranks(text, tokens, i, j))
        || (!ordinal && numbers_a_name(text, tokens, i))
    {
        Kind::Ordinal
    } else {
        Kind::Plain
    };
    (
        Some(Number {
            kind,
            value: value * UNIT + if half { UNIT / 2 } else { 0 },
            strength,
            start,
            end,
            reading: None,
        }),
        j,
    )
}

/// Whether the words `tokens[i]` and `tokens[j]` are capitalised, with one space between them.
fn title_case_pair(text: &str, tokens: &[Token<'_>], i: usize, j: usize) -> bool {
    let capital = |k: usize| match tokens.get(k) {
        Some(Token::Word(w, ..)) => w.starts_with(|c: char| c.is_uppercase()),
        _ => false,
    };
    capital(i)
        && capital(j)
        && text.get(tokens_end(&tokens[i])..tokens_start(&tokens[j])) == Some(" ")
}

/// Words that stand before a number without naming what it numbers: articles, determiners,
/// pronouns, prepositions, conjunctions and words of quantity ("In Two Weeks", "The Three
/// Kingdoms", "Top Five Tips", "All Four").
const FUNCTION_WORDS: [&str; 60] = [
    "a", "about", "above", "after", "all", "almost", "an", "and", "another", "any", "around", "as",
    "at", "before", "below", "between", "both", "but", "by", "each", "every", "few", "first",
    "for", "from", "her", "his", "in", "into", "its", "just", "last", "least", "more", "most",
    "my", "nearly", "next", "nor", "of", "on", "only", "or", "our", "over", "some", "than", "that",
    "the", "their", "these", "this", "those", "to", "top", "under", "up", "with", "within", "your",
];

/// Whether the cardinal word at `tokens[i]` numbers a name: capitalised after a capitalised
/// word that names something (a label: "Semester Two", "Chapter Three", "Phase One", "World
/// War Two"), so that it ranks as "the second semester" does. After a function word ("In Two
/// Weeks", "Top Five") it counts.
fn numbers_a_name(text: &str, tokens: &[Token<'_>], i: usize) -> bool {
    let Some(k) = i.checked_sub(1) else {
        return false;
    };
    let Some(Token::Word(before, ..)) = tokens.get(k) else {
        return false;
    };
    let lower = before.to_ascii_lowercase();
    title_case_pair(text, tokens, k, i)
        && !FUNCTION_WORDS.contains(&lower.as_str())
        && english_word_value(&lower).is_none()
        && english_multiplier(&lower).is_none()
        && month(before).is_none()
}

/// Whether the ordinal word `tokens[i..j]` ranks something: after a determiner ("the first
/// Asian Games", "its second quarter", "China's third") or a verb of placing ("finished
/// second", "ranked first"), before "place" or "prize", or before a capitalised word, as a
/// label's rank ("First Semester", "Second Prize"). Elsewhere "first" is an adverb ("First,
/// …", "at first", "he first went") and "second" a unit of time ("in a second").
fn ranks(text: &str, tokens: &[Token<'_>], i: usize, j: usize) -> bool {
    let word_at = |k: usize| match tokens.get(k) {
        Some(Token::Word(w, ..)) => Some(w.to_ascii_lowercase()),
        _ => None,
    };
    let before = i.checked_sub(1).and_then(word_at);
    let possessive = matches!(i.checked_sub(1).and_then(|k| tokens.get(k)), Some(Token::Word("s", s, _)) if text[..*s].ends_with(['\'', '’']));
    let determiner = before.as_deref().is_some_and(|w| {
        matches!(
            w,
            "the" | "its" | "his" | "her" | "their" | "our" | "my" | "your" | "whose" | "this"
        )
    });
    let placing = before.as_deref().is_some_and(|w| {
        [
            "finish", "finished", "finishes", "rank", "ranked", "ranks", "came", "come", "comes",
            "place", "placed", "places", "ended", "ends",
        ]
        .contains(&w)
    });
    let place_after = word_at(j).is_some_and(|w| matches!(w.as_str(), "place" | "prize"));
    let label = j == i + 1 && title_case_pair(text, tokens, i, j);
    determiner || possessive || placing || place_after || label
}

/// Counts of one value on each side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counts {
    strong: usize,
    weak: usize,
    /// Of those, ranks in a series (第一, "the second").
    ordinal: usize,
    /// Of those, parts of a fraction (四分之一, 1/4, "a quarter").
    fraction: usize,
    /// Of the weak ones, parts of a fraction word ("a quarter", "half"): no counts, and no
    /// number but a fraction's.
    weak_fraction: usize,
    /// Of the weak ones, readings of a numeral that the other side took another way: no
    /// counts of their own (1.5倍 as "150%" leaves 1.5 a spare reading).
    spare: usize,
}

/// The numbers of one side with each numeral of several readings read one way: the reading
/// that the other side states in full (of several, the one of most numbers, then the first)
/// keeps its strength, or the numeral as written where the other side states none in full;
/// the others turn weak and spare. `true` marks a spare reading.
fn choose_readings(ours: &[Number], theirs: &[Number]) -> Vec<(Number, bool)> {
    let mut out: Vec<(Number, bool)> = ours.iter().map(|&n| (n, false)).collect();
    if ours.iter().all(|n| n.reading.is_none()) {
        return out;
    }
    let mut available: BTreeMap<Value, usize> = BTreeMap::new();
    for n in theirs {
        *available.entry(n.value).or_default() += 1;
    }
    // numeral → choice → the values of that reading
    let mut numerals: BTreeMap<usize, BTreeMap<u8, Vec<Value>>> = BTreeMap::new();
    for n in ours {
        if let Some(r) = n.reading {
            let values = numerals.entry(r.numeral).or_default();
            values.entry(r.choice).or_default().push(n.value);
        }
    }
    for (numeral, choices) in numerals {
        let stated_in_full = |values: &[Value]| {
            let mut needed: BTreeMap<Value, usize> = BTreeMap::new();
            for &v in values {
                *needed.entry(v).or_default() += 1;
            }
            needed
                .iter()
                .all(|(v, &k)| available.get(v).is_some_and(|&a| a >= k))
        };
        let chosen = choices
            .iter()
            .filter(|(_, values)| stated_in_full(values))
            .min_by_key(|&(&choice, values)| (std::cmp::Reverse(values.len()), choice))
            .map_or(0, |(&choice, _)| choice);
        for (n, spare) in &mut out {
            if n.reading
                .is_some_and(|r| r.numeral == numeral && r.choice != chosen)
            {
                n.strength = Strength::Weak;
                *spare = true;
            }
        }
    }
    out
}

/// A value that one side states more often than the other can account for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The value.
    pub value: Value,
    /// How often the source states it (strong and weak readings that may stand for it).
    pub in_source: usize,
    /// How often the target states it.
    pub in_target: usize,
}

/// Compares the numbers of a source and a target as multisets: a value stated (strongly) more
/// often on one side than the other side states it at all is a mismatch. Sorted by value.
pub fn compare(source: &[Number], target: &[Number]) -> Vec<Mismatch> {
    // 八折 reads as 20% off or as 80% of the price: where the target states 80 only as a
    // share off ("80% off"), the reading it took is the wrong one, and 80 is not the source's.
    let stated_only_as_off = |value: Value| {
        let mut stated = target.iter().filter(|n| n.value == value).peekable();
        stated.peek().is_some() && stated.all(|n| n.kind == Kind::PercentOff)
    };
    let (source, target) = (
        choose_readings(source, target),
        choose_readings(target, source),
    );
    let mut counts: BTreeMap<Value, (Counts, Counts)> = BTreeMap::new();
    // How often one side states a value that the other states as `ours`: a fraction word
    // stands only for a fraction ("half" for 二分之一 or 1/2, not for the 2 of 两米, nor its
    // unwritten one for 1个星期).
    let stated = |theirs: &Counts, ours: &Counts| {
        let loose_parts = if ours.fraction == 0 {
            theirs.weak_fraction
        } else {
            0
        };
        theirs.strong + theirs.weak - loose_parts
    };
    for (side, numbers) in [(0, &source), (1, &target)] {
        for (n, spare) in numbers {
            if side == 0 && n.kind == Kind::PercentPaid && stated_only_as_off(n.value) {
                continue;
            }
            let entry = counts.entry(n.value).or_default();
            let c = if side == 0 {
                &mut entry.0
            } else {
                &mut entry.1
            };
            match n.strength {
                Strength::Strong => c.strong += 1,
                Strength::Weak => c.weak += 1,
            }
            if n.kind == Kind::Ordinal {
                c.ordinal += 1;
            }
            if n.kind == Kind::Fraction {
                c.fraction += 1;
                if n.strength == Strength::Weak {
                    c.weak_fraction += 1;
                }
            }
            if *spare {
                c.spare += 1;
            }
        }
    }
    // Small counts written as words are loose on both sides (三个工会 may be "the unions"), but
    // one side's count with no match beside the other's with none is a count changed: 三个工会
    // as "four unions". One is left out: an article and a pronoun as much as a number.
    let small_count = |value: &Value| (2 * UNIT..=9 * UNIT).contains(value);
    let unmatched = |ours: &Counts, theirs: &Counts| {
        ours.weak > ours.weak_fraction + ours.spare && stated(theirs, ours) == 0
    };
    let changed_count = counts
        .iter()
        .any(|(v, (s, t))| small_count(v) && unmatched(s, t))
        && counts
            .iter()
            .any(|(v, (s, t))| small_count(v) && unmatched(t, s));
    // An ordinal is no article or pronoun, first included: 第一名 as "finished second", or
    // 一季度 as "the second quarter", is a rank changed, where each side ranks by a small
    // ordinal the other side does not state at all.
    let small_rank = |value: &Value| (UNIT..=9 * UNIT).contains(value);
    let unranked = |ours: &Counts, theirs: &Counts| ours.ordinal > 0 && stated(theirs, ours) == 0;
    let changed_rank = counts
        .iter()
        .any(|(v, (s, t))| small_rank(v) && unranked(s, t))
        && counts
            .iter()
            .any(|(v, (s, t))| small_rank(v) && unranked(t, s));
    // So is a fraction: 三分之一 as "a quarter" is a fraction changed, though "a quarter" is
    // loose (it is also three months).
    let small_part = |value: &Value| (UNIT..=10 * UNIT).contains(value);
    let unparted = |ours: &Counts, theirs: &Counts| ours.fraction > 0 && stated(theirs, ours) == 0;
    let changed_fraction = counts
        .iter()
        .any(|(v, (s, t))| small_part(v) && unparted(s, t))
        && counts
            .iter()
            .any(|(v, (s, t))| small_part(v) && unparted(t, s));
    // A fraction word's parts are left out of the counts shown where they stand for nothing the
    // other side states ("half a year" does not state the 1 of 1个星期).
    // Nor are spare readings, of a numeral read another way.
    let shown = |ours: &Counts, theirs: &Counts| {
        let count = if theirs.strong + theirs.weak == 0 {
            ours.strong + ours.weak
        } else {
            stated(ours, theirs)
        };
        count.saturating_sub(ours.spare)
    };
    counts
        .into_iter()
        .filter(|(v, (s, t))| {
            s.strong > stated(t, s)
                || t.strong > stated(s, t)
                || (changed_count && small_count(v) && (unmatched(s, t) || unmatched(t, s)))
                || (changed_rank && small_rank(v) && (unranked(s, t) || unranked(t, s)))
                || (changed_fraction && small_part(v) && (unparted(s, t) || unparted(t, s)))
        })
        .map(|(value, (s, t))| Mismatch {
            value,
            in_source: shown(&s, &t),
            in_target: shown(&t, &s),
        })
        .collect()
}

/// The loose numbers of `ours` whose value `theirs` states nowhere, strongly or loosely:
/// weak readings, but for a fraction word's parts and for one (an article, a pronoun or an
/// adverb as much as a number). Where a number of the other side is missing, such a number
/// is likely what stands in its place: 八月 as "the ninth lunar month" lacks 8 and has "ninth".
/// A further reading of a numeral of `theirs` (the 9 of 911 read as September 11) states
/// nothing here.
pub fn loose_numbers_only_in(ours: &[Number], theirs: &[Number]) -> Vec<Number> {
    let theirs = as_written(theirs);
    ours.iter()
        .filter(|n| n.strength == Strength::Weak && n.kind != Kind::Fraction && n.value != UNIT)
        .filter(|n| !theirs.iter().any(|t| t.value == n.value))
        .copied()
        .collect()
}

/// The loose numbers of the source that the target's numbers of `values` likely render, where
/// the target states those values and the source does not: for each such target number, the
/// loose number of the source of the same kind that the target states nowhere (but for one,
/// and a fraction word's parts, as [`loose_numbers_only_in`]), the nearest in its text (by
/// place relative to the length of each text). 五级 as "level 4" lacks no strong number of
/// the source, and 五 is what "4" stands in place of. Each source number once, in source order.
pub fn loose_sources_of(
    source: &[Number],
    source_text: &str,
    target: &[Number],
    target_text: &str,
    values: &[Value],
) -> Vec<Number> {
    let loose = loose_numbers_only_in(source, target);
    // Where a number stands in its text, scaled by the other text's length: n.start / len of
    // one side against the other's, without division.
    let place = |n: &Number, other_len: usize| n.start as u128 * other_len as u128;
    let (source_len, target_len) = (source_text.len(), target_text.len());
    let mut chosen: Vec<Number> = Vec::new();
    for t in as_written(target)
        .iter()
        .filter(|t| t.strength == Strength::Strong && values.contains(&t.value))
    {
        let at = place(t, source_len);
        let nearest = loose
            .iter()
            .filter(|s| s.kind == t.kind)
            .min_by_key(|s| (place(s, target_len).abs_diff(at), s.start));
        if let Some(&s) = nearest {
            if !chosen
                .iter()
                .any(|c| c.start == s.start && c.value == s.value)
            {
                chosen.push(s);
            }
        }
    }
    chosen.sort_by_key(|n| n.start);
    chosen
}

/// A value that both sides state, as a percentage on one side and as percentage points on the
/// other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitMismatch {
    /// The value.
    pub value: Value,
    /// Its unit in the source.
    pub in_source: Kind,
    /// Its unit in the target.
    pub in_target: Kind,
}

impl Kind {
    /// The unit's name in a message.
    pub fn unit_name(self) -> &'static str {
        match self {
            Kind::Plain => "a number",
            Kind::Percent => "percent",
            Kind::PercentagePoint => "percentage points",
            Kind::Ordinal => "an ordinal",
            Kind::PercentOff => "percent off",
            Kind::PercentPaid => "percent of the price",
            Kind::Fraction => "a fraction",
        }
    }
}

/// Compares the units of percentages: a value the source states in percentage points more
/// often than the target, which the target states as a percentage more often than the source
/// (or the other way round), changed its unit. A value without its unit on either side
/// ("points", "basis points", a bare number) is never compared, so a correct translation is
/// not reported, and values that differ are left to [`compare`]. Sorted by value.
pub fn compare_units(source: &[Number], target: &[Number]) -> Vec<UnitMismatch> {
    // value → [source percent, source points, target percent, target points]
    let mut counts: BTreeMap<Value, [usize; 4]> = BTreeMap::new();
    for (side, numbers) in [(0, source), (2, target)] {
        for n in numbers {
            let slot = match n.kind {
                Kind::Percent | Kind::PercentOff | Kind::PercentPaid => side,
                Kind::PercentagePoint => side + 1,
                Kind::Plain | Kind::Ordinal | Kind::Fraction => continue,
            };
            counts.entry(n.value).or_default()[slot] += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(value, [s_pc, s_pp, t_pc, t_pp])| {
            let (in_source, in_target) = if s_pp > t_pp && t_pc > s_pc {
                (Kind::PercentagePoint, Kind::Percent)
            } else if s_pc > t_pc && t_pp > s_pp {
                (Kind::Percent, Kind::PercentagePoint)
            } else {
                return None;
            };
            Some(UnitMismatch {
                value,
                in_source,
                in_target,
            })
        })
        .collect()
}

/// The numbers as written, without the further readings of a numeral (the 17 of 下午5点):
/// a date or an era is the numeral's as written.
fn as_written(numbers: &[Number]) -> Vec<Number> {
    numbers
        .iter()
        .filter(|n| n.reading.is_none_or(|r| r.choice == 0))
        .copied()
        .collect()
}

/// A day of a month, read from a date that names both (`3月5日`, "March 5", "5 March").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthDay {
    /// The month, 1 to 12.
    pub month: i64,
    /// The day, 1 to 31.
    pub day: i64,
    /// Its bytes in the text read.
    pub start: usize,
    /// End of its bytes.
    pub end: usize,
}

impl MonthDay {
    /// The date as an English reader writes it: "March 5".
    pub fn name(&self) -> String {
        format!("{} {}", MONTHS[(self.month - 1) as usize], self.day)
    }
}

fn month_day(month: Value, day: Value, start: usize, end: usize) -> Option<MonthDay> {
    let whole = |v: Value| (v % UNIT == 0).then_some(v / UNIT);
    let (month, day) = (whole(month)?, whole(day)?);
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(MonthDay {
        month: month as i64,
        day: day as i64,
        start,
        end,
    })
}

/// The dates of Chinese text that name a month and its day (`3月5日`, `三月五日`, `3月5号`),
/// from its numbers as [`chinese_numbers`] reads them; a month or a day alone is no such date.
pub fn chinese_dates(text: &str, numbers: &[Number]) -> Vec<MonthDay> {
    as_written(numbers)
        .windows(2)
        .filter(|w| w[0].strength == Strength::Strong && w[1].strength == Strength::Strong)
        .filter(|w| text.get(w[0].end..w[1].start) == Some("月"))
        .filter(|w| text[w[1].end..].starts_with(['日', '号', '號']))
        .filter_map(|w| month_day(w[0].value, w[1].value, w[0].start, w[1].end))
        .collect()
}

/// The dates of English text that name a month and its day, in either order ("March 5",
/// "Jan. 17", "March 5th", "5 March", "5th of March"); a month ending a longer name ("the Long
/// March 5 rocket") is none.
pub fn english_dates(text: &str) -> Vec<MonthDay> {
    let tokens = english_tokens(text);
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let Token::Word(w, start, end) = *t else {
            continue;
        };
        let Some(month) = month(w) else {
            continue;
        };
        if !w.starts_with(|c: char| c.is_uppercase()) || month_in_name(text, &tokens, i) {
            continue;
        }
        let day_after = match tokens.get(i + 1) {
            Some(&Token::Arabic(v, s, e, _))
                if matches!(&text[end..s], " " | ". " | "\u{a0}")
                    && !text[e..].starts_with(':') =>
            {
                month_day(month * UNIT, v.value(), start, e)
            }
            _ => None,
        };
        // "5th of March": the day is before the "of".
        let of_before = matches!(i.checked_sub(1).map(|k| &tokens[k]), Some(Token::Word(w, ..)) if w.eq_ignore_ascii_case("of"));
        let day_before = || match i.checked_sub(1 + usize::from(of_before)).map(|k| &tokens[k]) {
            Some(&Token::Arabic(v, s, e, _))
                // "1-5 March", "1 to 5 March": the day is the range's, not the second's.
                if matches!(&text[e..start], " " | " of " | "\u{a0}")
                    && !text[..s].trim_end().ends_with([':', '.', '-', '–', '—', '/'])
                    && !ends_with_ignoring_case(text[..s].trim_end(), " to") =>
            {
                month_day(month * UNIT, v.value(), s, end)
            }
            _ => None,
        };
        out.extend(day_after.or_else(day_before));
    }
    out
}

/// Dates that name a month and its day, compared as pairs where the numbers alone agree
/// loosely: 3月5日 as "May 3" states 3 and 5 all the same. Only where both sides hold such
/// dates, as many of them, so that a date written otherwise ("2024-03-05", "the 5th") or
/// left out is never a mismatch here. Returns the dates each side has that the other lacks.
pub fn compare_dates(
    source: &[MonthDay],
    target: &[MonthDay],
) -> Option<(Vec<MonthDay>, Vec<MonthDay>)> {
    if source.is_empty() || source.len() != target.len() {
        return None;
    }
    let key = |d: &MonthDay| (d.month, d.day);
    let only_in = |ours: &[MonthDay], theirs: &[MonthDay]| -> Vec<MonthDay> {
        let mut left: Vec<(i64, i64)> = theirs.iter().map(key).collect();
        ours.iter()
            .filter(|d| match left.iter().position(|k| *k == key(d)) {
                Some(p) => {
                    left.swap_remove(p);
                    false
                }
                None => true,
            })
            .copied()
            .collect()
    };
    let (in_source, in_target) = (only_in(source, target), only_in(target, source));
    (!in_source.is_empty()).then_some((in_source, in_target))
}

/// The era a year is counted in: 公元前 or "BC", 公元 or "AD".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    /// Before the common era: 公元前, "BC", "BCE".
    BeforeCommon,
    /// The common era: 公元, "AD", "CE".
    Common,
}

impl Era {
    /// The era's name in a message.
    pub fn name(self) -> &'static str {
        match self {
            Era::BeforeCommon => "BC",
            Era::Common => "AD",
        }
    }
}

/// A number whose era the text names: 公元前221年, "221 BC", "AD 221", "the 5th century BC".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InEra {
    /// The year's (or century's) value.
    pub value: Value,
    /// Its era.
    pub era: Era,
    /// Its bytes in the text read.
    pub start: usize,
    /// End of its bytes.
    pub end: usize,
}

/// Gives the era of one number of a range to the other, where only one names it: "221–206
/// BC", "AD 25–220", 公元前221年至前206年 (前 alone is read only there: elsewhere 前 is
/// "before", "the top", 前3年 "the three years before").
fn spread_eras(
    text: &str,
    numbers: &[Number],
    eras: &mut [Option<Era>],
    range_mark: impl Fn(&str) -> bool,
) {
    for k in 1..numbers.len() {
        let Some(between) = text.get(numbers[k - 1].end..numbers[k].start) else {
            continue;
        };
        if !range_mark(between.trim()) {
            continue;
        }
        match (eras[k - 1], eras[k]) {
            (Some(era), None) => eras[k] = Some(era),
            (None, Some(era)) => eras[k - 1] = Some(era),
            _ => {}
        }
    }
}

/// The numbers of Chinese text whose era it names: after 公元前 or 西元前 (BC), 公元 or 西元
/// (AD); [`chinese_numbers`] reads the numbers.
pub fn chinese_eras(text: &str, numbers: &[Number]) -> Vec<InEra> {
    let numbers = &as_written(numbers);
    let mut eras: Vec<Option<Era>> = numbers
        .iter()
        .map(|n| {
            let before = text[..n.start].trim_end();
            if before.ends_with("公元前") || before.ends_with("西元前") {
                Some(Era::BeforeCommon)
            } else if before.ends_with("公元") || before.ends_with("西元") {
                Some(Era::Common)
            } else {
                None
            }
        })
        .collect();
    // 公元前221年至前206年: the second year's 前 repeats the era.
    spread_eras(text, numbers, &mut eras, |between| {
        let between = between.strip_prefix('年').unwrap_or(between);
        matches!(
            between,
            "至前" | "到前" | "—前" | "–前" | "-前" | "~前" | "～前" | "－前"
        )
    });
    with_eras(numbers, &eras)
}

/// The numbers of English text whose era it names: before "BC", "BCE", "B.C.", "AD", "CE"
/// (and so on), also after "century" or "millennium" ("the 5th century BC"), or after "AD"
/// ("AD 221"). Lower-case "ad" and "ce" are words, not eras.
pub fn english_eras(text: &str, numbers: &[Number]) -> Vec<InEra> {
    let numbers = &as_written(numbers);
    const AFTER: [(&str, Era); 8] = [
        ("B.C.E.", Era::BeforeCommon),
        ("BCE", Era::BeforeCommon),
        ("B.C.", Era::BeforeCommon),
        ("BC", Era::BeforeCommon),
        ("A.D.", Era::Common),
        ("AD", Era::Common),
        ("C.E.", Era::Common),
        ("CE", Era::Common),
    ];
    let era_word = |rest: &str| {
        AFTER.iter().find_map(|&(word, era)| {
            let after = rest.strip_prefix(word)?;
            // "B.C." may end a sentence; "BC" must end its word ("BCG" is none).
            let ends = word.ends_with('.') || !after.starts_with(|c: char| c.is_alphanumeric());
            ends.then_some(era)
        })
    };
    let mut eras: Vec<Option<Era>> = numbers
        .iter()
        .map(|n| {
            let mut rest = text[n.end..].trim_start_matches([' ', '\u{a0}']);
            for unit in ["century", "centuries", "millennium", "millennia"] {
                if let Some(r) = rest.strip_prefix(unit) {
                    rest = r.trim_start_matches([' ', '\u{a0}']);
                    break;
                }
            }
            let before = text[..n.start].trim_end_matches([' ', '\u{a0}']);
            let era_before = ["AD", "A.D."].iter().any(|w| {
                before
                    .strip_suffix(w)
                    .is_some_and(|b| !b.ends_with(|c: char| c.is_alphanumeric()))
            });
            era_word(rest).or(era_before.then_some(Era::Common))
        })
        .collect();
    spread_eras(text, numbers, &mut eras, |between| {
        matches!(
            between.to_ascii_lowercase().as_str(),
            "-" | "–" | "—" | "to" | "and" | "or"
        )
    });
    with_eras(numbers, &eras)
}

fn with_eras(numbers: &[Number], eras: &[Option<Era>]) -> Vec<InEra> {
    numbers
        .iter()
        .zip(eras)
        .filter_map(|(n, era)| {
            era.map(|era| InEra {
                value: n.value,
                era,
                start: n.start,
                end: n.end,
            })
        })
        .collect()
}

/// A value that both sides state with an era, in another era on each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EraMismatch {
    /// The value.
    pub value: Value,
    /// Its era in the source.
    pub in_source: Era,
    /// Its era in the target.
    pub in_target: Era,
}

/// Compares the eras of years as [`compare_units`] compares units: a value the source states
/// BC more often than the target, which the target states AD more often than the source (or
/// the other way round), changed its era. A year without its era on either side (公元前221年
/// as "221") is not compared: the era may be clear from the text around it. Sorted by value.
pub fn compare_eras(source: &[InEra], target: &[InEra]) -> Vec<EraMismatch> {
    // value → [source BC, source AD, target BC, target AD]
    let mut counts: BTreeMap<Value, [usize; 4]> = BTreeMap::new();
    for (side, years) in [(0, source), (2, target)] {
        for y in years {
            let slot = side + usize::from(y.era == Era::Common);
            counts.entry(y.value).or_default()[slot] += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(value, [s_bc, s_ad, t_bc, t_ad])| {
            let (in_source, in_target) = if s_bc > t_bc && t_ad > s_ad {
                (Era::BeforeCommon, Era::Common)
            } else if s_ad > t_ad && t_bc > s_bc {
                (Era::Common, Era::BeforeCommon)
            } else {
                return None;
            };
            Some(EraMismatch {
                value,
                in_source,
                in_target,
            })
        })
        .collect()
}

/// Adds `added`, other readings of the text between their `start` and `end` (a day's month
/// carried over a range), as weak plain numbers, keeping `numbers` in order.
fn add_weak_readings(numbers: &mut Vec<Number>, added: Vec<(Value, usize, usize)>) {
    if added.is_empty() {
        return;
    }
    numbers.extend(added.into_iter().map(|(value, start, end)| Number {
        value,
        strength: Strength::Weak,
        start,
        end,
        kind: Kind::Plain,
        reading: None,
    }));
    numbers.sort_by_key(|n| (n.start, n.value));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values of the numbers as written (further readings of a numeral aside).
    fn values(numbers: &[Number], strength: Strength) -> Vec<String> {
        as_written(numbers)
            .iter()
            .filter(|n| n.strength == strength)
            .map(|n| display_value(n.value))
            .collect()
    }

    #[track_caller]
    fn zh(text: &str, strong: &[&str]) {
        let got = chinese_numbers(text);
        assert_eq!(values(&got, Strength::Strong), strong, "{text}");
    }

    #[track_caller]
    fn en(text: &str, strong: &[&str]) {
        let got = english_numbers(text);
        assert_eq!(values(&got, Strength::Strong), strong, "{text}");
    }

    #[track_caller]
    fn quantity_mismatches(zh: &str, en: &str) -> Vec<String> {
        let (mut source, mut target) = (chinese_numbers(zh), english_numbers(en));
        compare_quantities(zh, &mut source, en, &mut target);
        compare(&source, &target)
            .iter()
            .map(|m| format!("{}:{}/{}", display_value(m.value), m.in_source, m.in_target))
            .collect()
    }

    #[track_caller]
    fn quantities_agree(pairs: &[(&str, &str)]) {
        for (zh, en) in pairs {
            assert_eq!(
                quantity_mismatches(zh, en),
                Vec::<String>::new(),
                "{zh} / {en}"
            );
        }
    }

    #[track_caller]
    fn quantities_differ(pairs: &[(&str, &str)]) {
        for (zh, en) in pairs {
            assert_ne!(
                quantity_mismatches(zh, en),
                Vec::<String>::new(),
                "{zh} / {en}"
            );
        }
    }

    #[test]
    fn an_si_prefix_scales_the_quantity_on_either_side() {
        quantities_agree(&[
            ("探明储量1.2亿吨。", "Proven reserves are 120 Mt."),
            ("铜金属量650万吨。", "Contained copper is 6.5 Mt."),
            ("年产量12万吨。", "Annual output is 120 kt."),
            ("装机容量120万千瓦。", "Installed capacity is 1.2 GW."),
            ("装机容量120万千瓦。", "Installed capacity is 1,200 MW."),
            (
                "装机容量120万千瓦。",
                "Installed capacity is 1.2 million kW.",
            ),
            (
                "装机容量120万千瓦。",
                "Installed capacity is 1.2 million kilowatts.",
            ),
            ("装机容量120万kW。", "Installed capacity is 1.2 GW."),
            ("黄金资源量320万盎司。", "Gold resources are 3.2 Moz."),
            ("寒武纪距今约5.4亿年。", "The Cambrian began about 540 Ma."),
            ("库容1200万立方米。", "The capacity is 12 Mm³."),
            ("发电量30亿千瓦时。", "Output was 3 TWh."),
            ("面积8平方公里。", "The area is 8 km²."),
            ("面积8平方公里。", "The area is 8 square kilometres."),
            ("全长5公里。", "It is 5 km long."),
            ("全长5公里。", "It is 5,000 m long."),
            ("全长5公里。", "It is 5 kilometres long."),
            ("装机2000千瓦。", "Capacity is 2 MW."),
            ("管径50毫米。", "The pipe is 5 cm wide."),
            (
                "探明储量1.2亿吨。",
                "Proven reserves are 120 million tonnes.",
            ),
            // A spelling not read as a prefixed unit keeps the number as written.
            ("全长5公里。", "It is 5 klicks long."),
            ("风速35节。", "Winds of 35 kt."),
        ]);
        // A prefix changed is a quantity changed; so is a number changed beside a prefix.
        quantities_differ(&[
            ("装机容量120万千瓦。", "Installed capacity is 1.2 kW."),
            ("年产量12万吨。", "Annual output is 12 kt."),
            ("全长5公里。", "It is 50 km long."),
            ("探明储量1.2亿吨。", "Proven reserves are 12 Mt."),
            ("装机容量120万千瓦。", "Installed capacity is 1.2 MW."),
            ("工作质量为5200千克。", "Operating mass is 5,200,000 kg."),
        ]);
    }

    #[test]
    fn a_letter_that_is_no_unit_symbol_scales_nothing() {
        // A grade, a phase, a molar "M", a word: as written only.
        for text in [
            "an M7 earthquake",
            "Phase k 3",
            "a 7 M solution",
            "7 Mega Drive",
            "7 mt of steel",
            "35 kts",
            "$5m",
            "5 millionaires",
            "3 kms",
        ] {
            let numbers = english_numbers(text);
            assert!(
                numbers.iter().all(|n| quantity(text, n).is_none()),
                "{text}: {numbers:?}"
            );
        }
        // 千 before a word that starts with a unit's character is a thousand.
        let numbers = chinese_numbers("5千欧元");
        assert!(
            numbers.iter().all(|n| quantity("5千欧元", n).is_none()),
            "{numbers:?}"
        );
    }

    #[test]
    fn a_power_glued_to_a_unit_is_part_of_it() {
        quantities_agree(&[
            ("浓度为8微克/立方米。", "The concentration was 8 ug/m3."),
            ("面积为8平方公里。", "The area is 8 km2."),
            ("库容为8万立方米。", "The capacity is 80,000 m3."),
            (
                "二氧化氮浓度40微克/立方米。",
                "The nitrogen dioxide concentration was 40 μg/m³.",
            ),
            ("库容为8万m3。", "The capacity is 80,000 cubic metres."),
            ("面积5平方厘米。", "The area was 5 cm²."),
            ("体积5立方分米。", "The volume was 5 dm3."),
        ]);
        // A digit after a name, a code or a chemical formula is the text's, and so is one
        // after a unit that is not glued to it or goes on as a longer number.
        for (text, strong) in [
            ("the BMW M3", vec!["3"]),
            ("A3 paper", vec!["3"]),
            ("PM2.5", vec!["2.5"]),
            ("room m23", vec!["23"]),
            ("8 m 3 times", vec!["8", "3"]),
            ("m3x", vec!["3"]),
            ("SO2", vec!["2"]),
        ] {
            let got: Vec<String> = as_written(&english_numbers(text))
                .iter()
                .filter(|n| n.strength == Strength::Strong)
                .map(|n| display_value(n.value))
                .collect();
            assert_eq!(got, strong, "{text}");
        }
    }

    #[test]
    fn a_bracketed_restatement_in_another_unit_is_not_required() {
        quantities_agree(&[
            ("最高气温38℃。", "The high was 38 °C (100 °F)."),
            ("风速每小时120公里。", "Wind speed was 120 km/h (75 mph)."),
            ("降雨量50毫米。", "Rainfall was 50 mm (2 in)."),
            ("海拔5200米。", "Elevation 5,200 m (17,060 ft)."),
            ("票价35元。", "Tickets cost RMB 35 (US$5)."),
            (
                "唐贞观十九年，玄奘回到长安。",
                "In the 19th year of Zhenguan (645), Xuanzang returned to Chang'an.",
            ),
            (
                "清乾隆二十年，清军平定准噶尔。",
                "In the 20th year of the Qianlong reign (1755), Qing troops pacified Dzungaria.",
            ),
            // The source states the conversion too: the bracket stands for it.
            ("最高气温38℃（100℉）。", "The high was 38 °C (100 °F)."),
        ]);
        // Real errors in brackets are still caught: the same unit, a bare number after a
        // quantity, a bracket not right after one, a restated number that is not a year.
        quantities_differ(&[
            ("降雨量50毫米。", "Rainfall was 50 mm (2 mm)."),
            ("全长5公里。", "It is 5 km (3)."),
            (
                "最高气温38℃。",
                "The high was 38 °C at noon on the coast (100 °F).",
            ),
            ("最高气温38℃。", "The high (100 °F) was 38 °C."),
            (
                "唐贞观十九年。",
                "In the 19th year of Zhenguan (645 monks).",
            ),
            ("共有5个站点。", "There were 5 stations (7)."),
        ]);
    }

    #[test]
    fn huge_numbers_saturate_and_never_wrap() {
        for text in [
            "九千万亿成",
            "九千万亿分之一决赛",
            "九千万亿世纪九十年代",
            "增加了九千万亿亿亿亿亿倍",
            "千分之九千万亿亿亿亿亿",
            "9999999999999999999999999999999999999‰",
        ] {
            let numbers = chinese_numbers(text);
            assert!(numbers.iter().all(|n| n.value >= 0), "{text}: {numbers:?}");
        }
    }

    #[test]
    fn long_digit_strings_compare_exactly_and_show_every_digit() {
        // Identity card and certificate numbers of 15 to 18 digits, two digits transposed.
        let transposed = [
            ("证书编号：102131202300123", "No. 102131202300132"),
            ("证书编号：1021342023001234", "No. 1021342023001243"),
            ("学位证书编号：10213420230012345", "No. 10213420230012354"),
            (
                "身份证号：110105200001011234",
                "ID card No. 110105200001011243",
            ),
        ];
        for (zh, en) in transposed {
            let source = zh.split('：').nth(1).unwrap();
            let target = en.rsplit(' ').next().unwrap();
            assert_eq!(
                mismatches(zh, en),
                [format!("{source}:1/0"), format!("{target}:0/1")],
                "{zh} / {en}"
            );
            assert_eq!(
                mismatches(zh, &format!("No. {source}")),
                Vec::<String>::new()
            );
        }
        // Longer runs still compare digit by digit, read in pieces of thirty digits.
        let forty = "1234567890123456789012345678901234567890";
        let changed = "1234567890123456789012345678901234567809";
        zh(forty, &["123456789012345678901234567890", "1234567890"]);
        assert_eq!(mismatches(forty, forty), Vec::<String>::new());
        assert_eq!(
            mismatches(forty, changed),
            ["1234567809:0/1", "1234567890:1/0"]
        );
        // Decimals are exact to the thousandth, rounded half up; a value shows as written.
        zh("3.14159", &["3.142"]);
        zh("1.0005", &["1.001"]);
        zh("0.9996", &["1"]);
        zh("１２.５", &["12.5"]);
        en("1,234,567.891 yuan", &["1234567.891"]);
        en("1.2 billion", &["1200000000"]);
        assert_eq!(display_value(-250), "-0.25");
        assert_eq!(display_value(-20_000), "-20");
        assert_eq!(display_value(3_500), "3.5");
        // Decimals are kept until a multiplier has scaled them.
        assert_eq!(
            mismatches(
                "1993.03万人失去住所",
                "19.9303 million people lost their homes"
            ),
            Vec::<String>::new()
        );
        zh("1.23456万", &["12345.6"]);
        en("0.0012345 million", &["1234.5"]);
        en("0.00123456 million", &["1234.56"]);
        en(
            "0.123456789012345678901234567890123456789 trillion",
            &["123456789012.346"],
        );
        // Values of the same digits in another place still differ.
        assert_eq!(mismatches("3.5万", "35,000"), Vec::<String>::new());
        assert_eq!(mismatches("增长1.25%", "up 1.250%"), Vec::<String>::new());
        assert_eq!(
            mismatches("增长1.25%", "up 12.5%"),
            ["1.25:1/0", "12.5:0/1"]
        );
    }

    #[test]
    fn printf_argument_indexes_are_no_numbers() {
        en("%1$s files in total", &[]);
        en("%2$d of %1$d files, 30% done", &["30"]);
        zh("共 %1$s 个文件，3个", &["3"]);
        // A number after a percent sign without a dollar is read.
        en("up 5% to 20", &["5", "20"]);
    }

    #[test]
    fn chinese_numerals() {
        let cases: &[(&str, &[&str])] = &[
            ("第十八次全国代表大会", &["18"]),
            ("十五届", &["15"]),
            ("最后一届", &[]),
            ("二〇二三年", &["2023"]),
            ("一九四九年", &["1949"]),
            ("一千五百名职工", &["1500"]),
            ("3.5万人", &["35000"]),
            ("1.2亿元", &["120000000"]),
            ("10月20日", &["10", "20"]),
            ("百分之三十", &["30"]),
            ("百分之三点五", &["3.5"]),
            ("增长30%", &["30"]),
            ("1,234,567.89元", &["1234567.89"]),
            ("三万二千", &["32000"]),
            ("二十来年", &[]),
            ("五月", &["5"]),
            ("十几个人", &[]),
            ("十足", &[]),
            ("大卫&#183;约翰", &[]),
            ("九十九", &["99"]),
            ("十万亿", &["10000000000000"]),
            ("两千", &["2000"]),
            // A last digit after a unit counts in the unit below; after a zero, in ones.
            ("一百五十人", &["150"]),
            ("一百五", &["150"]),
            ("一百零五", &["105"]),
            ("两万五", &["25000"]),
            ("一万二千", &["12000"]),
            ("一千零五", &["1005"]),
            ("三万五千", &["35000"]),
            ("一亿二", &["120000000"]),
            // Arabic digits and units, on with the number; full-width digits.
            ("1万2千人", &["12000"]),
            ("3亿5000万元", &["350000000"]),
            ("共有３０００名医生", &["3000"]),
            ("增长２０％", &["20"]),
            ("３.５万人", &["35000"]),
            // Words, not numbers.
            ("十分重要", &[]),
            ("四周数十位高手", &[]),
            ("五六月份", &[]),
            ("七八万", &[]),
            ("二十七八岁", &[]),
            ("几十年", &[]),
            ("乱七八糟", &[]),
            ("一个好人", &[]),
            ("统一", &[]),
            ("千万不要", &[]),
            // Round amounts without a leading digit, where an amount is counted.
            ("投资千万元", &["10000000"]),
            ("奖金百万元", &["1000000"]),
            ("千亿元", &["100000000000"]),
            ("百万人口", &["1000000"]),
            ("千万别去", &[]),
            ("百亿补贴", &[]),
            ("数百万元", &[]),
            // A short year range reads as in English; a month after a hyphen stays a month.
            ("2023/24赛季", &["2023", "2024"]),
            ("2023-24赛季", &["2023", "2024"]),
            // Race times; zero minutes of a whole hour; a score keeps its zero.
            ("跑出9秒83", &["9.83"]),
            ("1分23秒45", &["1", "23.45"]),
            ("10秒钟", &["10"]),
            ("北京时间20:00开始", &["20"]),
            ("以3:0获胜", &["3", "0"]),
            // A count and a half.
            ("两个半小时", &["2.5"]),
            ("三年半", &["3.5"]),
            ("2019年半年报", &["2019"]),
            ("两个半岛", &[]),
            // 千 before a unit is its prefix kilo, not a thousand; 兆, 毫 and 微 are prefixes.
            ("工作质量为5200千克", &["5200"]),
            ("额定功率为75千瓦", &["75"]),
            ("最大速度为40千米/小时", &["40"]),
            ("额定电压为10千伏", &["10"]),
            ("胎压为230千帕", &["230"]),
            ("耗电100千瓦时", &["100"]),
            ("频率为2.4千兆赫", &["2.4"]),
            ("电阻为10千欧", &["10"]),
            ("航程3万千米", &["30000"]),
            ("装机百万千瓦", &["1000000"]),
            ("压力为5兆帕", &["5"]),
            ("厚3毫米", &["3"]),
            // 千 before anything else multiplies: people, money, 万, a word starting with a
            // unit's character; a smaller unit after a larger one goes on with the number.
            ("5千人", &["5000"]),
            ("3千元", &["3000"]),
            ("5千万元", &["50000000"]),
            ("5千欧元", &["5000"]),
            ("3千卡车", &["3000"]),
            ("1万2千米", &["12000"]),
            // Chinese numerals before 千 and a unit: a kilo or a thousand, both weak.
            ("五千米", &[]),
        ];
        for (text, strong) in cases {
            zh(text, strong);
        }
        let got = chinese_numbers("男子五千米，一千克");
        assert_eq!(values(&got, Strength::Weak), ["5", "5000", "1", "1000"]);
    }

    #[test]
    fn weak_chinese_numerals() {
        let got = chinese_numbers("一个好人和三个工会");
        assert_eq!(values(&got, Strength::Weak), ["1", "3"]);
        let got = chinese_numbers("第一次");
        assert_eq!(values(&got, Strength::Weak), ["1"]);
        // 四周 "all around", 八方 "all directions": no numbers.
        assert!(chinese_numbers("四周，四面八方").is_empty());
        let got = chinese_numbers("七八万，二十七八岁，五六月");
        assert_eq!(
            values(&got, Strength::Weak),
            ["70000", "80000", "27", "28", "5", "6"]
        );
        // Approximations and one-character numerals may match, need not.
        let got = chinese_numbers("二十来年，十几个，一天，上百人");
        assert_eq!(values(&got, Strength::Weak), ["20", "10", "1", "100"]);
        // 成 counts tenths (八成 is also "probably": as loose as any one character), except
        // in words (一成不变 "unchanging", 成员 "member").
        let got = chinese_numbers("近三成，一成不变，七八成，十成员国");
        assert_eq!(values(&got, Strength::Weak), ["30", "1", "70", "80", "10"]);
        // A round amount alone may be an amount or a word; one and a half is as loose as one.
        let got = chinese_numbers("百亿补贴，百万富翁，一个半月");
        assert_eq!(
            values(&got, Strength::Weak),
            ["10000000000", "1000000", "1.5"]
        );
        // Decades: the years of their century, or two digits.
        let got = chinese_numbers("上世纪90年代");
        assert_eq!(values(&got, Strength::Weak), ["90", "1990"]);
        let got = chinese_numbers("二十世纪九十年代");
        assert_eq!(values(&got, Strength::Weak), ["20", "90", "1990"]);
        let got = chinese_numbers("20年代");
        assert_eq!(values(&got, Strength::Weak), ["20", "1920", "2020"]);
        // A fraction before 决赛 names a round, with the teams it leaves.
        let got = chinese_numbers("1/4决赛");
        assert_eq!(values(&got, Strength::Weak), ["1", "8", "4"]);
        let got = chinese_numbers("四分之一决赛");
        assert_eq!(values(&got, Strength::Weak), ["4", "8", "1"]);
        assert_eq!(
            values(&chinese_numbers("1/4决赛"), Strength::Strong),
            Vec::<String>::new()
        );
    }

    #[test]
    fn english_numerals() {
        let cases: &[(&str, &[&str])] = &[
            ("the 18th National Congress", &["18"]),
            ("the eighteenth congress", &["18"]),
            ("the 15th session", &["15"]),
            ("in 2023", &["2023"]),
            ("1,500 workers", &["1500"]),
            ("one thousand five hundred workers", &["1500"]),
            ("35,000 people", &["35000"]),
            ("35 thousand people", &["35000"]),
            ("120 million yuan", &["120000000"]),
            ("1.2 billion", &["1200000000"]),
            ("on October 20", &["10", "20"]),
            ("on 20 October", &["20", "10"]),
            ("30%", &["30"]),
            ("30 percent", &["30"]),
            ("thirty percent", &["30"]),
            ("twenty-five", &["25"]),
            ("ninety-nine", &["99"]),
            ("3.5 per cent", &["3.5"]),
            ("a hundred", &[]),
            ("one hundred", &["100"]),
            ("David&#183;John", &[]),
            ("one hundred and five", &["105"]),
            ("two hundred twenty-five", &["225"]),
            ("one two", &[]),
            // Not numbers.
            ("you may go", &[]),
            ("the one who came", &[]),
            ("version2", &["2"]),
            ("1,23", &["1", "23"]),
            // Multi-byte text right after digits.
            ("1’s data", &["1"]),
            ("2—3", &["2", "3"]),
            ("5€", &["5"]),
            // A month ending a longer capitalised name is no month, a number next to it
            // included; a capitalised word starting the sentence is no name.
            ("the spirit of the Long March", &[]),
            ("the Prague Spring and the Long March lives on", &[]),
            ("the Long March 5 rocket", &["5"]),
            ("the Long March-7 rocket", &["7"]),
            ("Long March-5B", &["5"]),
            ("launched on March 7", &["3", "7"]),
            ("launched Tuesday, March 7", &["3", "7"]),
            ("launched on Tuesday March 7", &["3", "7"]),
            ("Last March exports rose", &["3"]),
            ("It rose. Last March it fell", &["3"]),
            ("exports rose in March", &["3"]),
            ("the January-March period", &["1", "3"]),
            // "tn" is a trillion in an amount of money only.
            ("$3.2tn", &["3200000000000"]),
            ("3.2tn yuan", &["3200000000000"]),
            ("3.2tn", &["3.2"]),
            // Clock times: minutes apart from the hour; a pm hour is weak (12- or 24-hour).
            ("at 7.30pm", &["30"]),
            ("at 2:30 pm", &["30"]),
            ("at 8 p.m.", &[]),
            ("at 9 am", &["9"]),
            ("at 20:00", &["20"]),
            ("7.30 metres", &["7.3"]),
            // A half of the year.
            ("in H1", &[]),
            ("in Q3", &["3"]),
            ("rose tenfold", &["10"]),
            ("a twentyfold increase", &["20"]),
            ("a 19-fold increase", &["19"]),
            ("the centenary", &[]),
        ];
        for (text, strong) in cases {
            en(text, strong);
        }
        // An anniversary counts its years, a "-fold" word its number; look-alikes do not.
        let got = english_numbers("the Two Centenary Goals, a bicentennial, centenarians");
        assert_eq!(values(&got, Strength::Weak), ["2", "100", "200", "100"]);
        let got = english_numbers("twofold, two-fold, a hundredfold rise");
        assert_eq!(values(&got, Strength::Weak), ["2", "2", "100"]);
        for text in [
            "a manifold, scaffolding, unfold, the billfold",
            "the centre, a century, centennialism",
        ] {
            assert!(english_numbers(text).is_empty(), "{text}");
        }
        let got = english_numbers("one of the three");
        assert_eq!(values(&got, Strength::Weak), ["1", "3"]);
        let got = english_numbers("a hundred men");
        assert_eq!(values(&got, Strength::Weak), ["100"]);
        let got = english_numbers("at 7.30pm, 8 pm or 20:00");
        assert_eq!(values(&got, Strength::Weak), ["7", "19", "8", "20", "0"]);
    }

    fn kinds(numbers: &[Number]) -> Vec<(String, Kind)> {
        as_written(numbers)
            .iter()
            .map(|n| (display_value(n.value), n.kind))
            .collect()
    }

    #[test]
    fn percentages_and_percentage_points() {
        use Kind::*;
        let zh_cases: &[(&str, &[(&str, Kind)])] = &[
            ("增长30%", &[("30", Percent)]),
            ("增长３０％", &[("30", Percent)]),
            ("百分之三十", &[("30", Percent)]),
            ("下降0.4个百分点", &[("0.4", PercentagePoint)]),
            ("下降0.4百分点", &[("0.4", PercentagePoint)]),
            ("下降零点四个百分点", &[("0.4", PercentagePoint)]),
            // Per mille and per ten thousand are percentages of a tenth and a hundredth;
            // 三千分之一 is a fraction. 三成 is tenths, 点 an index's points, 基点 basis points.
            ("千分之三", &[("0.3", Percent)]),
            ("千分之3", &[("0.3", Percent)]),
            ("坡度3‰", &[("0.3", Percent)]),
            ("万分之五", &[("0.05", Percent)]),
            ("萬分之零点五", &[("0.005", Percent)]),
            ("5‱", &[("0.05", Percent)]),
            ("三千分之一", &[("3000", Fraction), ("1", Fraction)]),
            ("报3500点", &[("3500", Plain)]),
            ("25个基点", &[("25", Plain)]),
        ];
        for (text, expected) in zh_cases {
            let expected: Vec<(String, Kind)> =
                expected.iter().map(|&(v, k)| (v.to_string(), k)).collect();
            assert_eq!(kinds(&chinese_numbers(text)), expected, "{text}");
        }
        let en_cases: &[(&str, &[(&str, Kind)])] = &[
            ("up 30%", &[("30", Percent)]),
            ("up 30 percent", &[("30", Percent)]),
            ("up thirty per cent", &[("30", Percent)]),
            ("down 0.4 percentage points", &[("0.4", PercentagePoint)]),
            ("a 0.4-percentage-point drop", &[("0.4", PercentagePoint)]),
            ("down 0.4pp", &[("0.4", PercentagePoint)]),
            ("down 0.4 ppt", &[("0.4", PercentagePoint)]),
            // "half" is also the fraction 1/2, whose parts name no unit.
            (
                "half a percentage point",
                &[("0.5", PercentagePoint), ("1", Fraction), ("2", Fraction)],
            ),
            // Points alone may be an index's; basis points are another unit; a word that
            // only starts like a unit is none.
            ("down 0.4 points", &[("0.4", Plain)]),
            ("25 basis points", &[("25", Plain)]),
            ("a slope of 3‰", &[("0.3", Percent)]),
            ("3 per mille", &[("0.3", Percent)]),
            ("5‱", &[("0.05", Percent)]),
            ("30 percentages", &[("30", Plain)]),
            ("30 pps", &[("30", Plain)]),
        ];
        for (text, expected) in en_cases {
            let expected: Vec<(String, Kind)> =
                expected.iter().map(|&(v, k)| (v.to_string(), k)).collect();
            assert_eq!(kinds(&english_numbers(text)), expected, "{text}");
        }
        let units = |zh: &str, en: &str| -> Vec<(String, Kind, Kind)> {
            compare_units(&chinese_numbers(zh), &english_numbers(en))
                .into_iter()
                .map(|u| (display_value(u.value), u.in_source, u.in_target))
                .collect()
        };
        assert_eq!(
            units("下降0.4个百分点", "down 0.4%"),
            [("0.4".to_string(), PercentagePoint, Percent)]
        );
        assert_eq!(
            units("下调0.5%", "by 0.5 percentage points"),
            [("0.5".to_string(), Percent, PercentagePoint)]
        );
        // Only a value both sides state is compared, and only where both name a unit.
        assert!(units("下降0.4个百分点", "down 0.4 points").is_empty());
        assert!(units("下降0.4个百分点", "down 0.3%").is_empty());
        assert!(units("下降0.4", "down 0.4%").is_empty());
        assert!(units("增长0.4%，提高0.4个百分点", "up 0.4%, 0.4 pp higher").is_empty());
    }

    #[test]
    fn month_and_day() {
        let zh_dates = |text: &str| -> Vec<(i64, i64)> {
            chinese_dates(text, &chinese_numbers(text))
                .iter()
                .map(|d| (d.month, d.day))
                .collect()
        };
        assert_eq!(zh_dates("2024年3月5日"), [(3, 5)]);
        assert_eq!(zh_dates("三月五日"), [(3, 5)]);
        assert_eq!(zh_dates("3月5号"), [(3, 5)]);
        assert_eq!(zh_dates("5月1日至5日"), [(5, 1)]);
        // A month or a day alone, a month's count, no real date, an approximation.
        assert!(zh_dates("3月份").is_empty());
        assert!(zh_dates("5日").is_empty());
        assert!(zh_dates("3个月5日").is_empty());
        assert!(zh_dates("13月5日").is_empty());
        assert!(zh_dates("五六月五日").is_empty());
        let en_dates = |text: &str| -> Vec<(i64, i64)> {
            english_dates(text)
                .iter()
                .map(|d| (d.month, d.day))
                .collect()
        };
        assert_eq!(en_dates("on March 5, 2024"), [(3, 5)]);
        assert_eq!(en_dates("on 5 March 2024"), [(3, 5)]);
        assert_eq!(en_dates("on Jan. 17"), [(1, 17)]);
        assert_eq!(en_dates("on the 5th of March"), [(3, 5)]);
        assert_eq!(en_dates("May 3."), [(5, 3)]);
        assert_eq!(en_dates("May 1-5"), [(5, 1)]);
        assert_eq!(en_dates("from 1-5 March"), Vec::<(i64, i64)>::new());
        assert_eq!(en_dates("from 1 to 5 March"), Vec::<(i64, i64)>::new());
        // No day beside it, a verb, a name, a year, a time.
        assert!(en_dates("in March 2024").is_empty());
        assert!(en_dates("you may 3 times").is_empty());
        assert!(en_dates("the Long March 5 rocket").is_empty());
        assert!(en_dates("March 5:30").is_empty());
        assert!(en_dates("in March").is_empty());
        let swapped = |zh: &str, en: &str| {
            compare_dates(&chinese_dates(zh, &chinese_numbers(zh)), &english_dates(en))
                .map(|(s, t)| (s[0].name(), t[0].name()))
        };
        assert_eq!(
            swapped("3月5日", "May 3"),
            Some(("March 5".to_string(), "May 3".to_string()))
        );
        assert_eq!(swapped("3月5日", "March 5"), None);
        assert_eq!(swapped("3月5日", "5 March"), None);
        // Not as many dates on each side: left to the loose numbers.
        assert_eq!(swapped("3月5日和6日", "March 5 and March 6"), None);
        assert_eq!(swapped("3月5日", "2024-03-05"), None);
    }

    #[test]
    fn ordinals() {
        let ranks = |numbers: Vec<Number>| -> Vec<String> {
            numbers
                .iter()
                .filter(|n| n.kind == Kind::Ordinal)
                .map(|n| display_value(n.value))
                .collect()
        };
        let zh_cases: &[(&str, &[&str])] = &[
            ("第一名", &["1"]),
            ("第十八次", &["18"]),
            ("一季度", &["1"]),
            ("四季度", &["4"]),
            ("首次登台", &["1"]),
            ("首届亚运会", &["1"]),
            // Counts, not ranks.
            ("前三季度", &[]),
            ("三个季度", &[]),
            ("一名", &[]),
            ("首先", &[]),
            ("首都", &[]),
        ];
        for (text, expected) in zh_cases {
            assert_eq!(ranks(chinese_numbers(text)), *expected, "{text}");
        }
        let en_cases: &[(&str, &[&str])] = &[
            ("he finished second", &["2"]),
            ("China ranked first", &["1"]),
            ("the first Asian Games", &["1"]),
            ("its second quarter", &["2"]),
            ("China's third", &["3"]),
            ("won second place", &["2"]),
            ("the 18th congress", &["18"]),
            ("for the first time", &["1"]),
            // An adverb, a unit of time.
            ("First, he spoke", &[]),
            ("at first", &[]),
            ("he first spoke", &[]),
            ("wait a second", &[]),
            ("one second later", &[]),
            ("first-quarter growth", &[]),
            // A label's rank: a capitalised ordinal before a capitalised word, or a
            // capitalised cardinal after a capitalised word that names something.
            ("First Semester", &["1"]),
            ("the Second World War", &["2"]),
            ("Semester Two Grades", &["2"]),
            ("Chapter Three: Methods", &["3"]),
            ("World War Two", &["2"]),
            ("Phase One", &["1"]),
            ("Chapter Twenty-Two", &["22"]),
            // Counts: after a function word, in lower case, or before a comma.
            ("In Two Weeks", &[]),
            ("The Three Kingdoms", &[]),
            ("Top Five Tips", &[]),
            ("All Four Seasons", &[]),
            ("semester two", &[]),
            ("first semester grades", &[]),
            ("First, Semester", &[]),
            ("in May Two thousand", &[]),
        ];
        for (text, expected) in en_cases {
            assert_eq!(ranks(english_numbers(text)), *expected, "{text}");
        }
        // One is compared as a rank, not as an article or a pronoun.
        assert_eq!(mismatches("第一名", "finished second"), ["1:1/0", "2:0/1"]);
        assert_eq!(mismatches("第二学期", "First Semester"), ["1:0/1", "2:1/0"]);
        assert_eq!(
            mismatches("第一学期成绩", "Semester Two Grades"),
            ["1:1/0", "2:0/1"]
        );
        for (zh, en) in [
            ("第一学期", "First Semester"),
            ("第二学期", "Second Semester"),
            ("第二学期", "Semester Two"),
            ("第一学期成绩", "Semester One Grades"),
            ("第二次世界大战", "World War Two"),
            ("第二天", "First, we rested."),
        ] {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
        assert_eq!(mismatches("第二", "ranked first"), ["1:0/1", "2:1/0"]);
        assert_eq!(
            mismatches("一个好人", "the second man"),
            Vec::<String>::new()
        );
        assert_eq!(mismatches("第二天", "one day"), Vec::<String>::new());
    }

    #[test]
    fn ten_thousand_is_as_loose_as_a_thousand() {
        // The English of a unit Chinese writes in one character, alone, is weak.
        for text in [
            "Cave of Ten Thousand Buddhas",
            "ten thousand li long",
            "a hundred million people",
            "Thousand Buddha Caves",
        ] {
            en(text, &[]);
        }
        // With a numeral of its own, it is a number.
        en("eleven thousand", &["11000"]);
        en("one hundred million", &["100000000"]);
        en("ten thousand and a half", &["10000.5"]);
        en("twenty thousand", &["20000"]);
        en("10,000 Buddhas", &["10000"]);
        for (zh, en) in [
            ("万佛洞", "Cave of Ten Thousand Buddhas"),
            ("万寿山", "Hill of Ten Thousand Longevities"),
            ("千佛洞", "Thousand Buddha Caves"),
            ("一万人", "ten thousand people"),
            ("一亿人", "a hundred million people"),
        ] {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
        assert_eq!(mismatches("两万人", "ten thousand people"), ["20000:1/0"]);
        assert_eq!(
            mismatches("万佛洞", "Cave of 10,000 Buddhas"),
            ["10000:0/1"]
        );
        assert_eq!(
            mismatches("万佛洞", "Cave of Eleven Thousand Buddhas"),
            ["11000:0/1"]
        );
    }

    #[test]
    fn eras_are_read_where_the_text_names_them() {
        let zh_eras = |text: &str| -> Vec<(String, Era)> {
            chinese_eras(text, &chinese_numbers(text))
                .iter()
                .map(|y| (display_value(y.value), y.era))
                .collect()
        };
        let en_eras = |text: &str| -> Vec<(String, Era)> {
            english_eras(text, &english_numbers(text))
                .iter()
                .map(|y| (display_value(y.value), y.era))
                .collect()
        };
        use Era::*;
        let y = |v: &str, era: Era| (v.to_string(), era);
        assert_eq!(
            zh_eras("秦始皇于公元前221年统一中国"),
            [y("221", BeforeCommon)]
        );
        assert_eq!(zh_eras("公元221年，刘备称帝"), [y("221", Common)]);
        assert_eq!(zh_eras("孔子卒于公元前5世纪"), [y("5", BeforeCommon)]);
        assert_eq!(zh_eras("西元 1949 年"), [y("1949", Common)]);
        assert_eq!(
            zh_eras("秦朝（公元前221年至前206年）"),
            [y("221", BeforeCommon), y("206", BeforeCommon)]
        );
        // 前 alone is no era; nor is a year without one.
        assert_eq!(zh_eras("前3年增长了221%"), []);
        assert_eq!(zh_eras("221年"), []);
        assert_eq!(
            en_eras("in 221 BC and 220 BCE, 219 B.C."),
            [
                y("221", BeforeCommon),
                y("220", BeforeCommon),
                y("219", BeforeCommon)
            ]
        );
        assert_eq!(
            en_eras("in AD 221, 222 AD, 223 CE and A.D. 224"),
            [
                y("221", Common),
                y("222", Common),
                y("223", Common),
                y("224", Common)
            ]
        );
        assert_eq!(en_eras("the 5th century BC"), [y("5", BeforeCommon)]);
        assert_eq!(en_eras("the fifth century AD"), [y("5", Common)]);
        assert_eq!(
            en_eras("the Qin (221–206 BC) and the Han (AD 25 to 220)"),
            [
                y("221", BeforeCommon),
                y("206", BeforeCommon),
                y("25", Common),
                y("220", Common)
            ]
        );
        // Words and codes are no eras.
        assert_eq!(
            en_eras("221 ads, 5 ce, 3 BCG vaccines, 20 ADC, BAD 221"),
            []
        );
    }

    #[track_caller]
    fn era_mismatches(zh: &str, en: &str) -> Vec<String> {
        let (source, target) = (chinese_numbers(zh), english_numbers(en));
        compare_eras(&chinese_eras(zh, &source), &english_eras(en, &target))
            .iter()
            .map(|m| {
                let v = display_value(m.value);
                format!("{v}:{}/{}", m.in_source.name(), m.in_target.name())
            })
            .collect()
    }

    #[test]
    fn eras_are_compared_where_both_sides_name_them() {
        assert_eq!(
            era_mismatches(
                "秦始皇于公元前221年统一中国。",
                "Qin Shi Huang unified China in 221 AD."
            ),
            ["221:BC/AD"]
        );
        assert_eq!(
            era_mismatches(
                "公元221年，刘备称帝。",
                "In 221 BC, Liu Bei declared himself emperor."
            ),
            ["221:AD/BC"]
        );
        assert_eq!(
            era_mismatches(
                "孔子卒于公元前5世纪。",
                "Confucius died in the 5th century AD."
            ),
            ["5:BC/AD"]
        );
        for (zh, en) in [
            (
                "秦始皇于公元前221年统一中国。",
                "Qin Shi Huang unified China in 221 BC.",
            ),
            (
                "公元221年，刘备称帝。",
                "In AD 221, Liu Bei declared himself emperor.",
            ),
            (
                "公元221年，刘备称帝。",
                "In 221 CE, Liu Bei declared himself emperor.",
            ),
            // An era on one side only is not compared.
            (
                "秦始皇于公元前221年统一中国。",
                "Qin Shi Huang unified China in 221.",
            ),
            (
                "秦始皇于221年统一中国。",
                "Qin Shi Huang unified China in 221 BC.",
            ),
            // Another value is a number changed, not an era.
            ("公元前221年", "222 AD"),
        ] {
            assert_eq!(era_mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
    }

    #[test]
    fn twice_and_thrice_count_times() {
        assert_eq!(
            mismatches(
                "该生获国家奖学金三次。",
                "The student received the scholarship twice."
            ),
            ["2:0/1", "3:1/0"]
        );
        assert_eq!(mismatches("获奖两次", "won it thrice"), ["2:1/0", "3:0/1"]);
        for (zh, en) in [
            ("获奖两次", "won it twice"),
            ("获奖三次", "won it thrice"),
            ("获奖三次", "won it three times"),
            ("获奖一次", "won it once"),
            ("差不多1个多星期一冲", "charged about once a week"),
            ("价格是原来的两倍", "twice the price"),
            ("我曾经去过", "I once went there"),
        ] {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
        let got = english_numbers("once, twice, thrice");
        assert_eq!(values(&got, Strength::Weak), ["1", "2", "3"]);
    }

    #[test]
    fn digit_runs_name_dates_and_numbers() {
        let agree = [
            (
                "双方坚持九二共识。",
                "Both sides adhere to the 1992 Consensus.",
            ),
            (
                "双方坚持九二共识。",
                "Both sides adhere to the '92 Consensus.",
            ),
            ("双方坚持九二共识。", "Both sides adhere to the consensus."),
            ("九一八事变", "the September 18 Incident"),
            ("九一八事变", "the Mukden Incident"),
            ("八一建军节", "August 1 Army Day"),
            (
                "七七事变爆发于1937年。",
                "The July 7 Incident broke out in 1937.",
            ),
            ("三八线附近", "near the 38th parallel"),
            ("三八妇女节", "Women's Day, March 8"),
            ("五四运动", "the May 4th Movement"),
            ("五四运动", "the May Fourth Movement"),
            ("一二八事变", "the January 28 Incident"),
            ("九二年", "in 1992"),
            ("九二年", "in '92"),
            ("一九四九年", "in 1949"),
            // Two digits one apart are a range as before, and 两 is no digit of a name.
            ("五六月份", "in May or June"),
            ("五六天", "five or six days"),
            ("三两天", "two or three days"),
        ];
        for (zh, en) in agree {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
        let differ: [(&str, &str, &[&str]); 9] = [
            ("九一八事变", "the September 19 Incident", &["19:0/1"]),
            ("九一八事变", "the August 18 Incident", &["8:0/1"]),
            ("七七事变", "the July 8 Incident", &["8:0/1"]),
            ("五四运动", "the May 5th Movement", &["5:0/2"]),
            ("三八线附近", "near the 39th parallel", &["39:0/1"]),
            (
                "双方坚持九二共识。",
                "They adhere to the 1993 Consensus.",
                &["1993:0/1"],
            ),
            ("九二年", "in 1993", &["92:1/0", "1993:0/1"]),
            ("五六天", "seven days", &["5:1/0", "6:1/0", "7:0/1"]),
            ("四五个人", "45 people", &["45:0/1"]),
        ];
        for (zh, en, expected) in differ {
            assert_eq!(mismatches(zh, en), expected, "{zh} / {en}");
        }
        // Loose: a name need not be stated; a year before 年 must.
        zh("九一八事变，三八线", &[]);
        zh("九二年", &["92"]);
    }

    #[test]
    fn dotted_month_and_day_names() {
        for (zh, en) in [
            ("一二·九运动", "the December 9th Movement"),
            ("一二·九运动", "the December Ninth Movement"),
            ("九·一八事变", "the September 18 Incident"),
            ("五·一劳动节", "May 1 Labour Day"),
            ("十二·九运动", "the December 9 Movement"),
        ] {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
        assert_eq!(
            mismatches("一二·九运动", "the December 19th Movement"),
            ["19:0/1"]
        );
        assert_eq!(
            mismatches("一二·九运动", "the November 9th Movement"),
            ["11:0/1"]
        );
        // No month and day: a name's dot between numbers that are none (三·十三), a word.
        let got = chinese_numbers("十三·四十");
        assert_eq!(values(&got, Strength::Weak), Vec::<String>::new());
        assert_eq!(values(&got, Strength::Strong), ["13", "40"]);
    }

    #[test]
    fn full_width_points_and_commas_of_full_width_digits() {
        zh("四川发生６．８级地震。", &["6.8"]);
        zh("降雨量１２．５毫米。", &["12.5"]);
        zh("共１，２００人，１２，３４５元。", &["1200", "12345"]);
        // The ideographic full stop and comma are never a number's; nor are a full-width point
        // and comma beside ASCII digits (texts that end sentences with ．), nor a comma before
        // other than three digits.
        zh("共有６。８人。", &["6", "8"]);
        zh("共有6．8人。", &["6", "8"]);
        zh("分别为1，200和3。", &["1", "200", "3"]);
        zh("分别为１，２和３，１２３４。", &["1", "2", "3", "1234"]);
        zh("共１、２００人。", &["1", "200"]);
        assert_eq!(
            mismatches("四川发生６．８级地震。", "A magnitude 6.8 earthquake."),
            Vec::<String>::new()
        );
        assert_eq!(
            mismatches("四川发生６．８级地震。", "A magnitude 6.9 earthquake."),
            ["6.8:1/0", "6.9:0/1"]
        );
    }

    #[test]
    fn roman_numerals_are_read_in_their_standard_form() {
        for numeral in [
            "I", "II", "III", "IV", "IX", "XIV", "XL", "MCMXC", "MMXXIV", "C", "D",
        ] {
            assert!(is_roman_numeral(numeral), "{numeral}");
        }
        for word in [
            "", "IIII", "VV", "IC", "IL", "DID", "MIXX", "ii", "XIVI", "A",
        ] {
            assert!(!is_roman_numeral(word), "{word}");
        }
    }

    #[test]
    fn roman_numerals_are_loose_numbers() {
        let agree = [
            ("启动Ⅳ级应急响应。", "launched a level-4 emergency response"),
            ("启动Ⅱ级应急响应。", "A level 2 emergency response"),
            ("启动Ⅳ级应急响应。", "a level IV emergency response"),
            ("启动Ⅳ级应急响应。", "an emergency response"),
            ("启动IV级应急响应。", "a level 4 emergency response"),
            ("ⅻ级", "force 12"),
            ("Ⅻ级台风", "a force 12 typhoon"),
            ("第ⅩⅣ章", "Chapter 14"),
            ("Ⅱ型糖尿病", "type 2 diabetes"),
        ];
        for (zh, en) in agree {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
        assert_eq!(
            mismatches("启动Ⅳ级应急响应。", "a level-3 emergency response"),
            ["3:0/1"]
        );
        assert_eq!(
            mismatches("启动IV级应急响应。", "a level 5 emergency response"),
            ["5:0/1"]
        );
        let read = |text: &str| -> Vec<String> {
            chinese_numbers(text)
                .iter()
                .map(|n| display_value(n.value))
                .collect()
        };
        assert_eq!(read("Ⅳ级，ⅩⅣ，Ⅻ，XL，IX级"), ["4", "14", "12", "9"]);
        // Letters of a name or a code, other capitals, and ill-formed numerals are none.
        for text in [
            "HIV感染",
            "XML文件",
            "C语言",
            "IIII级",
            "VX级",
            "ⅠⅩⅠ",
            "ix级",
        ] {
            assert_eq!(read(text), Vec::<String>::new(), "{text}");
        }
        assert_eq!(read("X射线，V8发动机"), ["10", "8"]);
    }

    #[test]
    fn enclosed_numerals_are_their_numbers() {
        zh("步骤①中，温度为60℃。", &["1", "60"]);
        zh(
            "⑶将滤饼干燥；⒋包装；⑳；㉑；㊿；❶；➓；⓫",
            &["3", "4", "20", "21", "50", "1", "10", "11"],
        );
        zh("㈢和㊁", &["3", "2"]);
        en("Step ① and ⑵", &["1", "2"]);
        // Roman numerals are loose (English keeps them as letters); ©, ® and ℃ are no numbers.
        zh("Ⅱ型糖尿病", &[]);
        zh("©2023®", &["2023"]);
        let agree = [
            (
                "步骤①中，温度为60℃。",
                "In step (1), the temperature is 60°C.",
            ),
            (
                "步骤②：将混合物过滤。",
                "Step (2): the mixture is filtered.",
            ),
            (
                "⑶将滤饼在80℃下干燥。",
                "(3) The filter cake is dried at 80°C.",
            ),
            ("⒋将产物包装。", "4. The product is packaged."),
            ("㈠总则", "(1) General provisions"),
            ("Ⅱ型糖尿病", "type II diabetes"),
        ];
        for (zh, en) in agree {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
        assert_eq!(
            mismatches(
                "步骤②：将混合物过滤。",
                "Step (3): the mixture is filtered."
            ),
            ["2:1/0", "3:0/1"]
        );
        assert_eq!(mismatches("步骤②：过滤。", "Step: filter."), ["2:1/0"]);
    }

    #[test]
    fn e_notation_states_its_base_ten() {
        en("The rate constant is 2.5E4.", &["2.5", "10", "4"]);
        en(
            "It is 1.2e-5 cm/s, 3E8 m/s and 6.02e+23.",
            &["1.2", "10", "5", "3", "10", "8", "6.02", "10", "23"],
        );
        zh("速率常数为2.5E4。", &["2.5", "10", "4"]);
        // Codes and words are no E-notation.
        for text in [
            "Model A5E4",
            "at 0x1E5",
            "route 25E4",
            "2.5Ex",
            "1.5E1234",
            "version 1.2e4b",
        ] {
            assert!(
                !english_numbers(text).iter().any(|n| n.value == 10 * UNIT),
                "{text}"
            );
        }
        let agree = [
            (
                "所述反应的速率常数为2.5×10⁴。",
                "The rate constant of the reaction is 2.5E4.",
            ),
            (
                "扩散系数为1.2×10⁻⁵cm²/s。",
                "The diffusion coefficient is 1.2e-5 cm2/s.",
            ),
            (
                "扩散系数为1.2×10⁻⁵cm²/s。",
                "The diffusion coefficient is 1.2 × 10^-5 cm2/s.",
            ),
            ("速率常数为2.5E4。", "The rate constant is 2.5 × 10⁴."),
        ];
        for (zh, en) in agree {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
        assert_eq!(
            mismatches("速率常数为2.5×10⁴。", "The rate constant is 2.5E5."),
            ["4:1/0", "5:0/1"]
        );
        assert_eq!(
            mismatches("速率常数为2.5×10⁴。", "The rate constant is 2.5 4."),
            ["10:1/0"]
        );
    }

    #[test]
    fn superscript_and_subscript_digits() {
        // An exponent after a digit is strong; a symbol's digits after a letter are weak, but
        // for a power of a unit of length, part of the unit (cm²).
        zh("1×10⁶个细胞", &["1", "10", "6"]);
        zh("浓度为10⁻¹²", &["10", "12"]);
        en("1 × 10⁶ cells", &["1", "10", "6"]);
        en("2 × 10^6 cells", &["2", "10", "6"]);
        let got = chinese_numbers("CO₂，5 cm²，IC₅₀，H₂O");
        assert_eq!(values(&got, Strength::Weak), ["2", "50", "2"]);
        let got = english_numbers("CO₂, 5 cm², IC₅₀ and a note¹");
        assert_eq!(values(&got, Strength::Weak), ["2", "50", "1"]);
        assert_eq!(values(&got, Strength::Strong), ["5"]);
        // A superscript next to a subscript is two numbers; neither joins an ASCII digit.
        en("x²₃", &[]);
        assert_eq!(values(&english_numbers("x²₃"), Strength::Weak), ["2", "3"]);
        en("10²5", &["10", "2", "5"]);
        // Read alike on both sides.
        let agree = [
            (
                "每管加入2×10⁶个细胞。",
                "Each tube received 2 × 10^6 cells.",
            ),
            (
                "每管加入2×10^6个细胞。",
                "Each tube received 2 × 10⁶ cells.",
            ),
            ("CO₂浓度为5%。", "CO2 was 5%."),
            ("CO2浓度为5%。", "CO₂ was 5%."),
            ("CO₂浓度为5%。", "Carbon dioxide was 5%."),
            ("面积为5 cm²。", "The area was 5 cm2."),
            ("面积为5平方厘米。", "The area was 5 cm²."),
            ("IC₅₀为3 μmol/L。", "The IC50 was 3 µM."),
        ];
        for (zh, en) in agree {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
        assert_eq!(
            mismatches(
                "每孔接种1×10⁶个细胞。",
                "Each well was seeded with 1 × 10⁵ cells."
            ),
            ["5:0/1", "6:1/0"]
        );
        assert_eq!(
            mismatches(
                "每孔接种1×10⁶个细胞。",
                "Each well was seeded with 1 × 10^5 cells."
            ),
            ["5:0/1", "6:1/0"]
        );
        // A unit's power is the unit's: a power changed is a unit changed, which is not
        // compared as a number (as "5 cm" for 5平方厘米 is not).
        assert_eq!(
            mismatches("面积为5 cm²。", "The area was 5 cm3."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn discounts() {
        use Kind::*;
        let read = |text: &str| -> Vec<(String, Kind)> {
            chinese_numbers(text)
                .iter()
                .map(|n| (display_value(n.value), n.kind))
                .collect()
        };
        // Both readings, smaller value first (as read: by position, then value).
        let off_paid = |off: &str, paid: &str| {
            let mut readings = vec![
                (off.to_string(), PercentOff),
                (paid.to_string(), PercentPaid),
            ];
            readings.sort_by_key(|(v, _)| v.parse::<f64>().map_or(0, |v| (v * 10.0) as i64));
            readings
        };
        for (text, off, paid) in [
            ("全场打八折", "20", "80"),
            ("限时5折", "50", "50"),
            ("会员专享九五折", "5", "95"),
            ("打6.5折", "35", "65"),
            ("全场85折", "15", "85"),
            ("六点五折", "35", "65"),
            ("两折起", "80", "20"),
        ] {
            assert_eq!(read(text), off_paid(off, paid), "{text}");
            assert!(values(&chinese_numbers(text), Strength::Strong).is_empty());
        }
        assert_eq!(read("第2件半价")[1], ("50".to_string(), PercentOff));
        // Words with 折, a range, a numeral before 折 that is no discount.
        assert_eq!(read("三折叠屏手机"), [("3".to_string(), Plain)]);
        assert_eq!(
            read("一波三折"),
            [("1".to_string(), Plain), ("3".to_string(), Plain)]
        );
        assert_eq!(
            read("七八折"),
            [("7".to_string(), Plain), ("8".to_string(), Plain)]
        );
        assert!(read("打折，折扣").is_empty());
        // English: a percentage off or saved, and one of the price.
        let en_kinds = |text: &str| kinds(&english_numbers(text));
        for text in [
            "20% off everything",
            "a 20 percent discount",
            "Members save 20%",
            "save up to 20%",
            "a discount of 20%",
        ] {
            assert_eq!(en_kinds(text), [("20".to_string(), PercentOff)], "{text}");
        }
        for text in [
            "at 20% of the price",
            "20% offshore",
            "saved 20%",
            "a 20% rise",
        ] {
            assert_eq!(en_kinds(text), [("20".to_string(), Percent)], "{text}");
        }
        let agree = [
            ("全场打八折", "20% off everything"),
            ("全场打八折", "everything at 80% of the price"),
            ("限时5折", "50% off for a limited time"),
            ("全场7折", "30% off storewide"),
            ("会员专享九五折", "Members save 5%"),
            ("打6.5折", "35% off"),
            ("第2件半价", "50% off the 2nd item"),
            ("第2件半价", "the 2nd item at half price"),
            ("优惠20%", "20% off"),
        ];
        for (zh, en) in agree {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
        assert_eq!(mismatches("会员5折", "Members get 5% off"), ["5:0/1"]);
        assert_eq!(
            mismatches("会员打九五折", "Members get 95% off"),
            ["95:0/1"]
        );
        assert_eq!(mismatches("全场打八折", "80% off everything"), ["80:0/1"]);
        assert_eq!(mismatches("全场打八折", "10% off everything"), ["10:0/1"]);
    }

    #[test]
    fn five_year_plans() {
        let read = |text: &str| -> Vec<(String, Strength, Kind)> {
            chinese_numbers(text)
                .iter()
                .map(|n| (display_value(n.value), n.strength, n.kind))
                .collect()
        };
        let plan = |v: &str| vec![(v.to_string(), Strength::Strong, Kind::Ordinal)];
        for (text, ordinal) in [
            ("“十四五”规划", "14"),
            ("“十三五”时期", "13"),
            ("「十一五」", "11"),
            ("十二五期间", "12"),
            ("十三五末", "13"),
            ("“十五”计划", "10"),
            ("九五计划", "9"),
            ("“八五”期间", "8"),
        ] {
            assert_eq!(read(text), plan(ordinal), "{text}");
        }
        // Numbers as before: a range, fifteen, the fifteenth, a quoted range without a plan word.
        let weak = |v: &str| (v.to_string(), Strength::Weak, Kind::Plain);
        assert_eq!(read("十四五岁"), [weak("14"), weak("15")]);
        assert_eq!(read("四五个人"), [weak("4"), weak("5")]);
        assert_eq!(read("“四五”运动"), [weak("4"), weak("5")]);
        assert_eq!(
            read("十五个计划"),
            [("15".to_string(), Strength::Strong, Kind::Plain)]
        );
        assert_eq!(
            read("第十五期间"),
            [("15".to_string(), Strength::Strong, Kind::Ordinal)]
        );
        assert_eq!(
            mismatches("“十三五”规划", "the 13th Five-Year Plan"),
            Vec::<String>::new()
        );
        assert_eq!(
            mismatches("九五计划", "the Ninth Five-Year Plan"),
            Vec::<String>::new()
        );
        assert_eq!(
            mismatches("“十四五”规划", "the 15th Five-Year Plan"),
            ["14:1/0", "15:0/1"]
        );
    }

    #[test]
    fn signs() {
        let zh_cases: &[(&str, &[&str])] = &[
            ("工作温度下限为-20℃", &["-20"]),
            ("在零下30℃以下不得起动", &["-30"]),
            ("零下三十度", &["-30"]),
            ("温度为负5度", &["-5"]),
            ("范围（-20～50℃）", &["-20", "50"]),
            ("工作温度-20℃", &["-20"]),
            ("工作温度-20～+50℃", &["-20", "50"]),
            ("降至－5℃", &["-5"]),
            ("−40℃", &["-40"]),
            ("温度: -3.5", &["-3.5"]),
            // Hyphens: ranges, dates, codes, names; a tolerance; a percentage keeps its value.
            ("10-20个", &["10", "20"]),
            ("3-4 mm", &["3", "4"]),
            ("10 -20", &["10", "20"]),
            ("一 -2000年", &["2000"]),
            ("M10-1.25螺栓", &["10", "1.25"]),
            ("2024-05-01", &["2024", "5", "1"]),
            ("零件号2210-05", &["2210", "5"]),
            ("碘-131", &["131"]),
            ("歼-20战机", &["20"]),
            ("IL-6水平", &["6"]),
            ("公差±0.5mm", &["0.5"]),
            ("正负5", &["5"]),
            ("5%-10%", &["5", "10"]),
            ("同比增长-5%", &["5"]),
        ];
        for (text, strong) in zh_cases {
            zh(text, strong);
        }
        // 零下 is a sign, no zero.
        assert!(values(&chinese_numbers("零下30℃，零下的气温"), Strength::Weak).is_empty());
        let en_cases: &[(&str, &[&str])] = &[
            ("must not exceed -90 °C", &["-90"]),
            ("−20 °C", &["-20"]),
            ("temperatures of -20 to -10 °C", &["-20", "-10"]),
            ("minus 20 degrees", &["-20"]),
            ("minus twenty degrees", &["-20"]),
            ("a negative 3", &["-3"]),
            ("20 degrees below zero", &["-20"]),
            ("20 °C below zero", &["-20"]),
            ("twenty below zero", &["-20"]),
            // A difference, codes and names, ranges, a tolerance, "below" something else.
            ("10 minus 3", &["10", "3"]),
            ("ten minus 3", &["10", "3"]),
            ("IL-6, COVID-19, F-22, UTC-5", &["6", "19", "22", "5"]),
            ("pages 10-20", &["10", "20"]),
            ("+/-0.5 mm", &["0.5"]),
            ("20 degrees below the limit", &["20"]),
            ("down -5%", &["5"]),
        ];
        for (text, strong) in en_cases {
            en(text, strong);
        }
        assert_eq!(
            mismatches(
                "工作温度下限为-20℃。",
                "The minimum operating temperature is 20 °C."
            ),
            ["-20:1/0", "20:0/1"]
        );
        assert_eq!(
            mismatches("冷却液温度不得超过90℃。", "It must not exceed -90 °C."),
            ["-90:0/1", "90:1/0"]
        );
        for (zh, en) in [
            ("在零下30℃以下不得起动", "Do not start below -30 °C"),
            ("在零下30℃以下不得起动", "Do not start below minus 30 °C"),
            (
                "在零下30℃以下不得起动",
                "Do not start at 30 degrees below zero or colder",
            ),
            ("工作温度-20～50℃", "operating temperature −20 to 50 °C"),
            ("IL-6水平升高", "IL-6 levels rose"),
            ("歼-20战机", "the J-20 fighter"),
        ] {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
    }

    #[test]
    fn fractions() {
        let parts = |text: &str| -> Vec<String> {
            english_numbers(text)
                .iter()
                .filter(|n| n.kind == Kind::Fraction)
                .map(|n| display_value(n.value))
                .collect()
        };
        for (text, expected) in [
            ("Turn a further quarter turn.", &["1", "4"][..]),
            ("a quarter of the staff", &["1", "4"]),
            ("another quarter-turn", &["1", "4"]),
            ("three quarters of them", &["4"]),
            ("3 quarters", &["4"]),
            ("half of them", &["1", "2"]),
            ("one half", &["2"]),
            ("two thirds", &["3"]),
            ("two-fifths", &["5"]),
            ("a third of the votes", &["1", "3"]),
            ("cut by a fifth.", &["1", "5"]),
            ("one tenth of", &["10"]),
            // Periods, districts, ranks, time; "half a million" is a number.
            ("the first quarter", &[]),
            ("in the 3rd quarter", &[]),
            ("last quarter", &[]),
            ("the French Quarter", &[]),
            ("headquarters", &[]),
            ("a third time", &[]),
            ("the third of May", &[]),
            ("ten seconds", &[]),
            ("half a million", &[]),
            ("two and a half", &[]),
        ] {
            assert_eq!(parts(text), expected, "{text}");
        }
        // 分之 marks a fraction's numbers; 百分之 a percentage.
        let zh_kinds = |text: &str| kinds(&chinese_numbers(text));
        assert_eq!(
            zh_kinds("四分之一"),
            [
                ("4".to_string(), Kind::Fraction),
                ("1".to_string(), Kind::Fraction)
            ]
        );
        assert_eq!(zh_kinds("百分之三十"), [("30".to_string(), Kind::Percent)]);
        for (zh, en) in [
            ("再拧四分之一圈。", "Turn a further quarter turn."),
            ("再拧1/4圈。", "Turn a further quarter turn."),
            ("四分之三的员工", "three quarters of the staff"),
            ("二分之一", "half"),
            ("拧1/2圈", "turn it half a turn"),
            ("三分之一的选票", "a third of the votes"),
            ("三分之二的选票", "two thirds of the votes"),
            ("一季度增长5%", "growth was 5% in the first quarter"),
            // A fraction word's parts count nothing: a count left out stays loose.
            ("三个工会中有一半", "half of the unions"),
        ] {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
        assert_eq!(mismatches("三分之一", "a quarter"), ["3:1/0", "4:0/1"]);
        // A fraction word stands only for a fraction: not for the 1 of 1个星期, nor the 2 of 两米.
        assert_eq!(
            mismatches(
                "用了半年，差不多1个星期一冲",
                "used it for half a year, charged weekly"
            ),
            ["1:2/0"]
        );
        assert_eq!(mismatches("两米", "six and half feet"), ["2:1/0", "6:0/1"]);
        assert_eq!(
            mismatches("再拧四分之一圈", "Turn a further 1/3 turn"),
            ["3:0/1", "4:1/0"]
        );
        assert_eq!(
            mismatches("一季度增长5%", "growth was 5% in the second quarter"),
            ["1:1/0", "2:0/1"]
        );
    }

    #[track_caller]
    fn mismatches(zh: &str, en: &str) -> Vec<String> {
        let (mut source, mut target) = (chinese_numbers(zh), english_numbers(en));
        align_versions(zh, &mut source, en, &mut target);
        compare(&source, &target)
            .iter()
            .map(|m| format!("{}:{}/{}", display_value(m.value), m.in_source, m.in_target))
            .collect()
    }

    #[test]
    fn comparisons() {
        let agree: &[(&str, &str)] = &[
            ("第十八次全国代表大会", "the 18th National Congress"),
            ("十五届", "the 15th"),
            ("3.5万名职工", "35,000 workers"),
            ("1.2亿元", "120 million yuan"),
            ("10月20日", "October 20"),
            ("10月20日", "20 October"),
            ("百分之三十", "30%"),
            ("百分之三十", "30 percent"),
            ("三个工会", "3 unions"),
            ("三个工会", "three unions"),
            ("三个工会", "the unions"),
            ("一个好人", "a good man"),
            ("二〇二三年", "2023"),
            ("一千五百", "1,500"),
            ("二十来年", "twenty-odd years"),
            ("二十来年", "for years"),
            ("上百人", "a hundred people"),
            ("七八万", "70,000 to 80,000"),
            ("七八万", "seventy to eighty thousand"),
            ("两三百万", "two or three million"),
            ("二十七八岁", "27 or 28 years old"),
            ("五六月份", "in May or June"),
            ("五六月份", "in early summer"),
            ("第一", "the best"),
            ("一百人", "a hundred people"),
            (
                "实现“两个一百年”奋斗目标",
                "achieve the Two Centenary Goals",
            ),
            ("建党一百周年", "the Party's centennial"),
            ("升高2倍", "rose twofold"),
            ("升高10倍", "rose tenfold"),
            ("升高十倍", "rose ten-fold"),
            ("额定功率为75千瓦", "Rated power is 75 kW"),
            ("前轮胎压为230千帕", "Front tire pressure is 230 kPa"),
            ("男子五千米", "the men's 5000m"),
            ("跑了五千米", "ran 5 km"),
            ("投资3千元", "an investment of 3,000 yuan"),
        ];
        for (zh, en) in agree {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
        let differ: &[(&str, &str, &[&str])] = &[
            ("第十八次", "the 19th", &["18:1/0", "19:0/1"]),
            ("3.5万", "3,500", &["3500:0/1", "35000:1/0"]),
            ("10月20日", "October 21", &["20:1/0", "21:0/1"]),
            ("百分之三十", "13%", &["13:0/1", "30:1/0"]),
            ("2023年和2023年", "2023", &["2023:2/1"]),
            ("三个工会", "4 unions", &["4:0/1"]),
            ("建国两百周年", "the centenary", &["200:1/0"]),
            ("升高10倍", "rose twelvefold", &["10:1/0", "12:0/1"]),
            (
                "工作质量为5200千克",
                "Operating mass is 520 kg",
                &["520:0/1", "5200:1/0"],
            ),
            ("跑了五千米", "ran 6 km", &["6:0/1"]),
        ];
        for (zh, en, expected) in differ {
            assert_eq!(mismatches(zh, en), *expected, "{zh} / {en}");
        }
    }

    #[test]
    fn a_magnitude_alone_before_an_amount_is_a_unit_of_account() {
        #[track_caller]
        fn weak(text: &str, expected: &[&str]) {
            let got = chinese_numbers(text);
            assert_eq!(values(&got, Strength::Weak), expected, "{text}");
            assert_eq!(
                values(&got, Strength::Strong),
                Vec::<String>::new(),
                "{text}"
            );
        }
        weak("单位：万元", &["10000"]);
        weak("单位：亿元", &["100000000"]);
        weak("单位：人民币萬元", &["10000"]);
        weak("营业收入（万元）", &["10000"]);
        weak("单位：万亿元", &["1000000000000"]);
        weak("单位：千港元", &["1000"]);
        weak("单位：千美元", &["1000"]);
        weak("每百元营业收入", &["100"]);
        weak("每万人口", &["10000"]);
        // A name or a word, a kilo, a magnitude of a number or an approximation: no unit.
        for text in [
            "万佛洞",
            "千方百计",
            "万万不可",
            "每千克",
            "千米赛跑",
            "数万元",
            "几万元",
            "亿万富翁",
            "万一",
        ] {
            weak(text, &[]);
        }
        zh("3.5万元", &["35000"]);
        zh("5 万元", &["5"]);
        assert!(!values(&chinese_numbers("10多万元"), Strength::Weak).contains(&"10000".into()));
        // An approximation before a magnitude counts in it, loosely.
        weak("10多万元", &["100000"]);
        weak("3000余万元", &["30000000"]);
        weak("二十多万人", &["200000"]);
        weak("十几亿元", &["1000000000"]);
        zh("一亿二千万元", &["120000000"]);
        zh("百万元", &["1000000"]);
        // A table's unit in English: the number it states, or none.
        for (zh, en) in [
            ("单位：万元", "Unit: RMB 10,000"),
            ("单位：亿元", "Unit: RMB 100 million"),
            ("营业收入（万元）", "Operating income (RMB 10,000)"),
            ("单位：万元", "Unit: RMB ten thousand yuan"),
            ("单位：万元", "Unit: RMB in ten thousands"),
            ("单位：万元", "Unit: RMB"),
            ("单位：千元", "Unit: RMB'000"),
            ("单位：千元", "Unit: RMB thousand"),
            ("单位：千港元", "Unit: HK$'000"),
            ("人民币千元", "RMB’000"),
            ("单位：百万元", "RMB'000,000"),
        ] {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
        for (zh, en, expected) in [
            ("单位：万元", "Unit: RMB 1,000", &["1000:0/1"]),
            ("单位：万元", "Unit: RMB'000", &["1000:0/1"]),
            ("单位：亿元", "Unit: RMB 10,000", &["10000:0/1"]),
            ("万佛洞", "Cave of 10,000 Buddhas", &["10000:0/1"]),
        ] {
            assert_eq!(mismatches(zh, en), expected, "{zh} / {en}");
        }
    }

    #[test]
    fn zeros_after_a_currency_are_its_thousands() {
        en("Unit: RMB'000", &["1000"]);
        en("Unit: HK$'000", &["1000"]);
        en("US$’000", &["1000"]);
        en("SGD'000", &["1000"]);
        en("Rmb'000", &["1000"]);
        en("RMB'000,000", &["1000000"]);
        en("RMB'000000", &["1000000"]);
        en("(RMB'000, except per share data)", &["1000"]);
        en("Unit: RMB'000.", &["1000"]);
        // Zeros that go on are a number, and an apostrophe after anything but a currency is
        // no unit.
        en("RMB'0001", &["1"]);
        en("RMB'0000", &["0"]);
        en("Ward'000", &["0"]);
        en("rock'000", &["0"]);
        // The signs of other currencies take a multiplier as "$" does.
        en("₹5m", &["5000000"]);
    }

    #[test]
    fn a_multiplier_in_the_plural_after_a_number_counts_in_units() {
        let got = english_numbers("in ten thousands");
        assert_eq!(values(&got, Strength::Strong), Vec::<String>::new());
        assert_eq!(values(&got, Strength::Weak), ["10000"]);
        let got = english_numbers("RMB in hundred millions");
        assert_eq!(values(&got, Strength::Weak), ["100000000"]);
        en("ten thousand", &[]);
        en("ten", &["10"]);
        en("thousands of people", &[]);
        en("tens of thousands", &[]);
        en("twenty thousand", &["20000"]);
    }

    #[track_caller]
    fn all_agree(pairs: &[(&str, &str)]) {
        for (zh, en) in pairs {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
    }

    #[track_caller]
    fn all_differ(cases: &[(&str, &str, &[&str])]) {
        for (zh, en, expected) in cases {
            assert_eq!(mismatches(zh, en), *expected, "{zh} / {en}");
        }
    }

    #[test]
    fn zhi_yi_is_one_of_and_fen_zhi_a_fraction() {
        // 之一 is "one of", as loose as any 一; after 分之 a numeral is a fraction's or a
        // percentage's, surely a number.
        zh("有下列情形之一的，用人单位可以解除劳动合同。", &[]);
        zh("这是原因之一。", &[]);
        zh("原因之二是成本。", &[]);
        zh("三分之一的职工", &["3", "1"]);
        zh("增长百分之五", &["5"]);
        all_agree(&[
            (
                "有下列情形之一的，用人单位可以解除劳动合同。",
                "The employer may terminate the labour contract in any of the following circumstances.",
            ),
            ("这是原因之一。", "This is a reason."),
            ("全场为之一静", "The audience went silent"),
        ]);
        all_differ(&[
            (
                "三分之一的职工",
                "a quarter of the workers",
                &["3:1/0", "4:0/1"],
            ),
            ("增长百分之五", "up 6%", &["5:1/0", "6:0/1"]),
            ("二分之一", "one third", &["2:1/0", "3:0/1"]),
        ]);
    }

    #[test]
    fn a_chinese_afternoon_hour_is_also_its_24_hour_hour() {
        all_agree(&[
            ("截港时间为下午5点。", "The CY cut-off is 17:00."),
            ("截港时间为晚8时。", "The CY cut-off is 20:00."),
            ("截港时间为下午5点30分。", "The CY cut-off is 17:30."),
            ("截港时间为下午5点。", "The CY cut-off is 5 pm."),
            ("截港时间为17:00。", "The CY cut-off is 5 pm."),
            ("傍晚6点出发", "leaves at 18:00"),
            ("晚上8点到10点", "from 20:00 to 22:00"),
            ("中午1点", "at 13:00"),
            ("中午12点", "at 12:00"),
            ("下午3点至5点", "from 15:00 to 17:00"),
            ("下午3点30分至5点", "from 15:30 to 17:00"),
            ("上午9点", "at 09:00"),
            // A time in Chinese numerals is an hour and its minutes; 点半 is half past.
            ("下午五点三十分开会", "the meeting is at 17:30"),
            ("下午三点五十二分三十八秒", "15:52:38"),
            ("下午5点半", "at 5:30 pm"),
            ("下午5点半", "at 17:30"),
            ("增长三点五", "grew 3.5"),
        ]);
        all_differ(&[
            // Another hour, and an hour lost: the pm hour is one of its readings.
            (
                "截港时间为下午5点。",
                "The CY cut-off is 18:00.",
                &["5:1/0", "18:0/1"],
            ),
            (
                "截港时间为下午5点。",
                "The CY cut-off is at closing time.",
                &["5:1/0"],
            ),
            // A morning hour, and 晚 after a degree adverb ("at the latest"), are no pm.
            ("上午9点", "at 21:00", &["9:1/0", "21:0/1"]),
            ("最晚5点", "by 17:00 at the latest", &["5:1/0", "17:0/1"]),
            (
                "下午五点三十分开会",
                "the meeting is at 17:45",
                &["30:1/0", "45:0/1"],
            ),
        ]);
        zh("五点三十分", &["30"]);
        zh("得了九点五分", &["9.5"]);
        zh("五点零五分", &["5"]);
    }

    #[test]
    fn a_multiple_is_its_times_or_its_percentage() {
        all_agree(&[
            (
                "按不低于工资的1.5倍支付加班费。",
                "at least 150% of the wage",
            ),
            ("休息日加班按2倍工资支付。", "paid at 200% of the wage"),
            ("按2倍工资支付", "paid at twice the wage"),
            ("按2倍工资支付", "paid at double the wage"),
            ("按1.5倍工资支付", "paid at time and a half"),
            ("按3倍工资支付", "paid at triple the wage"),
            ("按3倍工资支付", "paid at three times the wage"),
            ("按3倍工资支付", "paid threefold"),
            ("增长1.5倍", "grew one and a half times"),
            ("升高2倍", "rose twofold"),
            ("2至3倍", "200% to 300%"),
            ("2至3倍", "2 to 3 times"),
            // After a verb of increase, N times more or N times as much.
            ("建筑面积可增加1.0倍。", "the floor area may be doubled."),
            (
                "建筑面积可增加1倍。",
                "the floor area may be increased by 100%.",
            ),
            (
                "建筑面积可增加1倍。",
                "the floor area may be increased by one time.",
            ),
            ("产量增加了2倍", "output tripled"),
            ("产量增加了2倍", "output doubled"),
            ("产量增加了2倍", "output rose by 200%"),
            ("产量增加了2倍", "output rose by 100%"),
            ("提高3倍", "a fourfold rise"),
            // 双倍 is double: 2x, x2, ×2.
            ("双倍经验卡", "2x EXP Card"),
            ("首充双倍", "First top-up bonus x2"),
            ("首充双倍", "First top-up bonus ×2"),
            ("双倍经验卡", "Double EXP Card"),
        ]);
        all_differ(&[
            (
                "按工资的3倍支付。",
                "It is paid at double the wage.",
                &["3:1/0"],
            ),
            (
                "每月支付三倍的工资。",
                "pay double wages each month.",
                &["2:0/1", "3:1/0"],
            ),
            ("按2倍支付", "paid at 300%", &["2:1/0", "300:0/1"]),
            ("按2倍支付", "paid at the normal rate", &["2:1/0"]),
            ("按2倍支付", "paid at time and a half", &["2:1/0"]),
            ("增加1倍", "tripled", &["1:1/0"]),
            ("升高10倍", "rose twelvefold", &["10:1/0", "12:0/1"]),
        ]);
        // The readings beside the numeral as written: N×100%, and after an increase N+1 and
        // (N−1)×100%.
        let readings = |text: &str| -> Vec<(String, u8)> {
            chinese_numbers(text)
                .iter()
                .filter_map(|n| n.reading.map(|r| (display_value(n.value), r.choice)))
                .collect()
        };
        assert_eq!(readings("2倍"), [("2".into(), 0), ("200".into(), 1)]);
        assert_eq!(
            readings("增加2倍"),
            [
                ("2".into(), 0),
                ("3".into(), 2),
                ("100".into(), 3),
                ("200".into(), 1)
            ]
        );
        // 倍数 is "a multiple", counting nothing.
        assert_eq!(readings("3倍数"), []);
        assert_eq!(readings("成倍增长"), []);
        let got = english_numbers("doubled, tripling, treble, quadruples");
        assert_eq!(values(&got, Strength::Weak), ["2", "3", "3", "4"]);
        for text in ["double-tap", "double-check it", "doubt", "doubleton"] {
            assert!(english_numbers(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn per_mille_and_per_ten_thousand_are_percentages() {
        all_agree(&[
            (
                "出卖人按日计算向买受人支付已付房价款万分之五的违约金。",
                "The Seller shall pay liquidated damages of 0.05% of the price paid per day.",
            ),
            (
                "违约金按日千分之一计算。",
                "Liquidated damages accrue at 0.1% per day.",
            ),
            (
                "屋面排水坡度不应小于3‰。",
                "The roof slope shall not be less than 0.3%.",
            ),
            ("坡度3‰", "a slope of 3‰"),
            ("坡度3‰", "a slope of 3 per mille"),
            ("坡度千分之三", "a slope of 3‰"),
            ("坡度为3～5‰", "a slope of 0.3%-0.5%"),
            ("坡度为千分之三至五", "a slope of 0.3% to 0.5%"),
            ("出生率为千分之十二", "a birth rate of 12 per thousand"),
            ("出生率为千分之十二", "a birth rate of 12 per 1,000"),
            ("每千人3人", "3 per thousand"),
            ("手续费为万分之五", "a fee of 5 basis points"),
            ("下调25个基点", "cut by 25 basis points"),
            ("三千分之一", "1/3000"),
        ]);
        all_differ(&[
            (
                "违约金按日千分之一计算。",
                "accrue at 1% per day.",
                &["0.1:1/0", "1:0/1"],
            ),
            ("手续费为万分之五", "a fee of 5%", &["0.05:1/0", "5:0/1"]),
            ("坡度3‰", "a slope of 3%", &["0.3:1/0", "3:0/1"]),
            (
                "出生率为千分之十二",
                "a birth rate of 13 per thousand",
                &["1.2:1/0", "13:0/1"],
            ),
        ]);
    }

    #[test]
    fn basis_points_in_every_written_form_are_hundredths_of_a_point() {
        all_agree(&[
            ("下调0.5个百分点", "lowered by 50 basis points"),
            ("降准0.5个百分点", "a 50bp RRR cut"),
            ("降准0.5个百分点", "a cut of 50 bps"),
            ("降准0.25个百分点", "a 25-bp cut"),
            ("降准0.5个百分点", "a 50-basis-point RRR cut"),
            ("降准0.25个百分点", "a 25 basis-point cut"),
            ("降准0.25个百分点", "a 25 BP cut"),
            // As written, too: 25个基点 counts basis points.
            ("下调25个基点", "a 25bp cut"),
            // "bps" is also bits per second, which reads as written.
            ("速率为50比特每秒", "a rate of 50 bps"),
        ]);
        all_differ(&[
            ("降准0.5个百分点", "a 25bp cut", &["0.5:1/0", "25:0/1"]),
            // Letters that only start like the unit are none: "bpm" is beats per minute.
            ("降准0.5个百分点", "50 bpm", &["0.5:1/0", "50:0/1"]),
            ("降准0.5个百分点", "50 basis", &["0.5:1/0", "50:0/1"]),
        ]);
    }

    #[test]
    fn a_fraction_of_a_point_is_its_value() {
        all_agree(&[
            ("降准0.5个百分点", "a cut of half a percentage point"),
            ("降准0.5个百分点", "a cut of half of a percentage point"),
            (
                "降准0.25个百分点",
                "a cut of a quarter of a percentage point",
            ),
            (
                "降准0.75个百分点",
                "a cut of three quarters of a percentage point",
            ),
            ("利率上调0.25个百分点", "rates rose by a quarter point"),
            ("利率上调0.25个百分点", "a quarter-point rise"),
            ("上涨0.25%", "up a quarter of a percent"),
        ]);
        all_differ(&[
            (
                "降准0.5个百分点",
                "a cut of a quarter of a percentage point",
                &["0.5:1/0"],
            ),
            (
                "降准0.25个百分点",
                "a cut of three quarters of a percentage point",
                &["0.25:1/0"],
            ),
            // A quarter of something else states no value.
            ("降准0.25个百分点", "a cut of a quarter", &["0.25:1/0"]),
            ("降准0.25个百分点", "in the first quarter", &["0.25:1/0"]),
        ]);
        let units = |zh: &str, en: &str| -> Vec<(String, Kind, Kind)> {
            compare_units(&chinese_numbers(zh), &english_numbers(en))
                .into_iter()
                .map(|u| (display_value(u.value), u.in_source, u.in_target))
                .collect()
        };
        assert_eq!(
            units("下降0.25个百分点", "down a quarter of a percent"),
            [("0.25".to_string(), Kind::PercentagePoint, Kind::Percent)]
        );
    }

    #[test]
    fn thousands_grouped_by_an_ordinary_space() {
        en("45 000 m³/s", &["45000"]);
        en("RMB 30 000 per year", &["30000"]);
        en("1 234 567 people", &["1234567"]);
        en("12 345.6 tonnes", &["12345.6"]);
        zh("流量为45 000立方米每秒", &["45000"]);
        // Not a group: a lead of four digits, or one after other digits; a group of four
        // digits or of two; a lead starting with 0; two spaces.
        en("in 2019 300 people", &["2019", "300"]);
        en("in 2019 300 000 people", &["2019", "300", "0"]);
        en("Table 2 3 100", &["2", "3", "100"]);
        en("1 2345 and 12 34", &["1", "2345", "12", "34"]);
        en("0 123", &["0", "123"]);
        en("45  000", &["45", "0"]);
        en("1.5 000", &["1.5", "0"]);
        all_agree(&[
            (
                "三峡水库入库流量45000立方米每秒。",
                "The inflow of the Three Gorges Reservoir was 45 000 m³/s.",
            ),
            (
                "学费为每学年人民币3万元。",
                "The tuition fee is RMB 30 000 per academic year.",
            ),
            ("流量为45 000立方米每秒", "a flow of 45,000 m³/s"),
            // Two numbers side by side read as written where the other side states them.
            ("表3列出100个样本。", "Table 3 100 samples are listed."),
            ("101室和102室", "rooms 101 102"),
        ]);
        all_differ(&[
            (
                "流量为46000立方米每秒",
                "a flow of 45 000 m³/s",
                &["45000:0/1", "46000:1/0"],
            ),
            (
                "表3列出100个样本。",
                "Table 3 200 samples",
                &["100:1/0", "3200:0/1"],
            ),
        ]);
    }

    #[test]
    fn a_month_and_day_spelled_as_a_decimal_is_a_date() {
        all_agree(&[
            ("11月11日零点开抢", "Deals go live at midnight on 11.11"),
            ("618年中大促", "6.18 mid-year sale"),
            ("双十一预售开启", "11.11 pre-sales start now"),
            ("双11预售开启", "11.11 pre-sales start now"),
            ("双11预售开启", "Double 11 pre-sales start now"),
            ("双十二", "12/12"),
            ("1111购物节", "the 11.11 shopping festival"),
            ("版本1.12发布", "version 1.12 released"),
        ]);
        all_differ(&[
            // Another day, an amount, a count: no date.
            (
                "11月12日零点开抢",
                "at midnight on 11.11",
                &["11.11:0/1", "12:1/0"],
            ),
            ("价格618元", "price 6.18", &["6.18:0/1", "618:1/0"]),
            ("共1205人", "12.05 people", &["12.05:0/1", "1205:1/0"]),
            ("碘-131", "iodine 1.31", &["1.31:0/1", "131:1/0"]),
            // A reading stated in part is none: 911 stays as written.
            ("快打911！", "call nine - one - one!", &["911:1/0"]),
            // The 11 of 双十一 lost is counted once, not once per reading.
            (
                "双十一预售开启",
                "Singles Day pre-sales start now",
                &["11:1/0"],
            ),
        ]);
        // A decimal of one decimal place, a clock time, an amount or a version is no date.
        for text in [
            "1.5 times",
            "at 7.30pm",
            "$6.18",
            "v1.12",
            "1.12.3",
            "6.18%",
        ] {
            assert!(
                english_numbers(text).iter().all(|n| n.reading.is_none()),
                "{text}"
            );
        }
    }

    #[test]
    fn versions_compare_by_their_digit_groups() {
        all_agree(&[
            ("请升级至5.10.2或更高版本。", "Upgrade to 5.10.2 or later."),
            (
                "受影响版本：2.4.1至2.4.9。",
                "Affected versions: 2.4.1 through 2.4.9.",
            ),
            ("修复版本为2.10。", "The fix is in 2.10."),
            ("修复版本为2.1。", "The fix is in 2.1."),
            ("修复版本为2.1。", "Fixed in v2.1."),
            ("2.1版发布", "Version 2.1 released"),
            ("版本2.0发布", "Version 2 released"),
            ("版本号：3.2", "ver. 3.2"),
            (
                "服务器地址为192.168.1.10。",
                "Server address: 192.168.1.10.",
            ),
            // A decimal is a quantity: 1.50 is 1.5, a version word or not elsewhere.
            ("价格为1.50元", "The price is 1.5 yuan"),
            ("增长2.10倍", "grew by 2.1 times"),
            // A dotted date is left to the date readers.
            ("会议于2024.5.1举行。", "The meeting was held on 2024.5.1."),
        ]);
        all_differ(&[
            (
                "请升级至5.10.2或更高版本。",
                "Upgrade to 5.1.2 or later.",
                &["5.1.2:0/1", "5.10.2:1/0"],
            ),
            (
                "修复版本为2.10。",
                "The fix is in 2.1.",
                &["2.1:0/1", "2.10:1/0"],
            ),
            (
                "修复版本为2.1。",
                "The fix is in v2.10.",
                &["2.1:1/0", "2.10:0/1"],
            ),
            (
                "受影响版本：2.4.1至2.4.9。",
                "Affected versions: 2.4.1 through 2.4.8.",
                &["2.4.8:0/1", "2.4.9:1/0"],
            ),
            (
                "服务器地址为192.168.1.10。",
                "Server address: 192.168.1.1.",
                &["192.168.1.1:0/1", "192.168.1.10:1/0"],
            ),
        ]);
        // "v" ending a word marks no version, nor a number word.
        for text in ["dev2.10", "2.10 kg", "conversion 2.10"] {
            assert!(
                english_numbers(text).iter().all(|n| n.value < VERSION_TAG),
                "{text}"
            );
        }
    }

    #[test]
    fn a_k_after_a_currency_code_or_in_a_range_of_money_is_a_thousand() {
        all_agree(&[
            ("月薪8千元至1.2万元", "Monthly salary RMB 8k–12k"),
            ("月薪1.2万元", "Monthly salary: RMB 12K"),
            ("月薪8000元", "Monthly salary: RMB 8K"),
            ("月薪8000元", "Monthly salary: RMB8k"),
            ("月薪8千至1.2万元", "8k to 12k yuan a month"),
            ("月薪8千至1.2万元", "USD 8k - 12k"),
            ("预算25万美元", "a budget of $250k"),
            // A k glued to a count is a thousand of it too, money or not (a verb before it
            // makes no currency of it, and reads no differently).
            ("赢了3000", "He won 3k"),
            ("8千至1.2万", "8k–12k"),
        ]);
        all_differ(&[
            // Not money: a resolution, a size in kilobytes, a verb before the amount, a
            // currency name in small letters before it, and a range with no money in it.
            (
                "支持4K分辨率",
                "Supports 4000 resolution",
                &["4:1/0", "4000:0/1"],
            ),
            ("支持4K分辨率", "Supports UHD 4K", &[]),
            (
                "文件大小8000字节",
                "File size: 8 kB",
                &["8:0/1", "8000:1/0"],
            ),
            // An amount changed is still reported.
            (
                "月薪8000元",
                "Monthly salary: RMB 9K",
                &["8000:1/0", "9000:0/1"],
            ),
        ]);
    }
}
