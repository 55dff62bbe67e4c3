//! Dates and times as Chinese notices write them, and as their translations do, through the
//! source rules: a date with dots or run together, noon and midnight, and the month and year
//! that the second date of a Chinese range leaves out. Each table has look-alikes that must
//! still be reported.

mod common;

use common::source_rule_findings;

const GLOSSARY: &str = "source,preferred\n生产日期,production date\n";

/// The number-mismatch messages of the source rules on one segment.
fn number_mismatches(source: &str, target: &str) -> Vec<String> {
    source_rule_findings(GLOSSARY, source, target)
        .into_iter()
        .filter(|f| f.rule.to_string() == "number-mismatch")
        .map(|f| f.message)
        .collect()
}

#[track_caller]
fn agree(pairs: &[(&str, &str)]) {
    for (zh, en) in pairs {
        assert_eq!(
            number_mismatches(zh, en),
            Vec::<String>::new(),
            "{zh} / {en}"
        );
    }
}

#[track_caller]
fn differ(pairs: &[(&str, &str)]) {
    for (zh, en) in pairs {
        assert_ne!(
            number_mismatches(zh, en),
            Vec::<String>::new(),
            "{zh} / {en}"
        );
    }
}

#[test]
fn a_date_written_with_dots_is_its_year_month_and_day() {
    agree(&[
        ("生产日期：2023年3月15日", "Production date: 2023.3.15"),
        ("生产日期：2023年3月15日", "Production date: 2023.03.15"),
        ("生产日期：2023年3月15日", "Production date: 15.3.2023"),
        ("生产日期：2023年3月15日", "Production date: 15.03.2023."),
        ("生产日期：2023.3.15", "Production date: March 15, 2023"),
        ("生产日期：2023.03.15", "Production date: 2023-03-15"),
        ("生产日期：2023年3月15日", "Production date: 2023/3/15"),
        ("生产日期：2023年3月15日", "Production date: 2023-03-15"),
        // A decimal or a version of two groups stays one.
        ("版本2023.3", "version 2023.3"),
        ("产量为2023.3吨", "output was 2023.3 tonnes"),
        ("版本2023.3.15", "v2023.3.15"),
    ]);
    differ(&[
        ("生产日期：2023年3月15日", "Production date: 2023.3.16"),
        ("生产日期：2023年3月15日", "Production date: 2023.5.15"),
        ("生产日期：2023年3月15日", "Production date: 2024.03.15"),
        ("生产日期：2023年3月15日", "Production date: 16.3.2023"),
        // A version is compared by its groups, not as a date.
        ("版本2023.3.15", "v2023.3.16"),
        ("产量为2023.3吨", "output was 2023.4 tonnes"),
    ]);
}

#[test]
fn noon_and_midnight_are_the_hours_they_name() {
    agree(&[
        (
            "三级应急响应已于7月15日12时解除。",
            "The Level III emergency response was lifted at noon on July 15.",
        ),
        (
            "已于7月15日12时解除。",
            "It was lifted at 12 noon on July 15.",
        ),
        (
            "已于7月15日12时解除。",
            "It was lifted at midday on July 15.",
        ),
        (
            "已于7月15日12时解除。",
            "It was lifted at 12:00 on July 15.",
        ),
        (
            "已于7月16日0时解除。",
            "It was lifted at midnight on July 16.",
        ),
        ("已于7月16日0时解除。", "It was lifted at 0:00 on July 16."),
        (
            "已于7月16日0时解除。",
            "It was lifted at 12 midnight on July 16.",
        ),
        (
            "已于7月16日0时解除。",
            "It was lifted at 12 a.m. on July 16.",
        ),
        ("于7月16日24时结束。", "It ended at midnight on July 16."),
        ("于7月16日24时结束。", "It ended at 24:00 on July 16."),
        (
            "于7月11日22时启动。",
            "It was launched at 10 p.m. on July 11.",
        ),
        ("正午开始。", "It begins at 12:00."),
        ("午夜开始。", "It begins at 0:00."),
        ("中午12点开始。", "It begins at 12 noon."),
    ]);
    differ(&[
        // Noon is no midnight, nor any other hour.
        (
            "已于7月15日12时解除。",
            "It was lifted at midnight on July 15.",
        ),
        (
            "已于7月15日12时解除。",
            "It was lifted at 12 midnight on July 15.",
        ),
        ("已于7月16日0时解除。", "It was lifted at noon on July 16."),
        ("已于7月15日13时解除。", "It was lifted at noon on July 15."),
        (
            "已于7月15日11时解除。",
            "It was lifted at midnight on July 15.",
        ),
        // "afternoon" names no hour.
        (
            "已于7月15日12时解除。",
            "It was lifted in the afternoon of July 15.",
        ),
        ("中午1点开始。", "It begins at noon."),
    ]);
}

#[test]
fn the_second_date_of_a_range_shares_the_month_and_year_of_the_first() {
    agree(&[
        (
            "7月12日8时至13日8时，长江流域降雨50毫米。",
            "From 8 a.m. on July 12 to 8 a.m. on July 13, 50 mm of rain fell in the basin.",
        ),
        (
            "7月12日至14日，长江流域累计降雨120毫米。",
            "From July 12 to July 14, 120 mm of rain fell in the basin.",
        ),
        ("7月12日至14日降雨。", "Rain fell from July 12 to 14."),
        ("7月12日—14日降雨。", "Rain fell on 12–14 July."),
        ("7月12日、13日降雨。", "Rain fell on July 12 and July 13."),
        (
            "2023年7月12日至8月3日降雨。",
            "Rain fell from July 12, 2023 to August 3, 2023.",
        ),
        (
            "2023年7月12日至8月3日降雨。",
            "Rain fell from July 12 to August 3, 2023.",
        ),
        // The mirror: English names the month once, Chinese twice.
        ("7月12日至7月14日降雨。", "Rain fell from July 12 to 14."),
        ("7月12日至7月14日降雨。", "Rain fell on July 12-14."),
        ("7月12日至7月14日降雨。", "Rain fell on 12 to 14 July."),
    ]);
    differ(&[
        // A day or a month changed is still one.
        ("7月12日至13日降雨。", "Rain fell from July 12 to July 14."),
        (
            "7月12日至13日降雨。",
            "Rain fell from July 12 to August 13.",
        ),
        (
            "2023年7月12日至8月3日降雨。",
            "Rain fell from July 12, 2023 to August 3, 2024.",
        ),
        // No range: the month is not carried to a day of another sentence.
        (
            "7月12日降雨。13日天晴。",
            "Rain fell on July 12. It was fine on July 13.",
        ),
        ("7月12日至7月14日降雨。", "Rain fell from July 12 to 15."),
        // "12 to 14" days of no month: the 7 of 7月 is still wanted.
        ("7月12日至7月14日降雨。", "Rain fell from the 12th to 14."),
    ]);
}

#[test]
fn eight_digits_of_a_calendar_date_are_that_date_where_the_other_side_states_it() {
    agree(&[
        ("生产日期：2023年3月15日", "Production date: 20230315"),
        ("生产日期：20230315", "Production date: March 15, 2023"),
        ("生产日期：2024年2月29日", "Production date: 20240229"),
        // A batch number is a number, whether or not its digits make a date.
        ("批号20230315", "Batch 20230315"),
        ("批号20231345", "Batch 20231345"),
        (
            "批号20230316，生产日期2023年3月15日",
            "Batch 20230316, production date March 15, 2023",
        ),
    ]);
    differ(&[
        ("生产日期：2023年3月15日", "Production date: 20230316"),
        ("生产日期：2023年3月15日", "Production date: 20240315"),
        // No date of the calendar: 2023 has no February 29.
        ("生产日期：2023年2月29日", "Production date: 20230229"),
        ("批号20230315", "Batch 20230316"),
    ]);
}
