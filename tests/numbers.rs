//! Numbers of a Chinese source and an English target through the public API: tables of pairs
//! that must agree and pairs that must not, and a robustness run over generated text (no panic,
//! spans on character boundaries) for numbers, script folding and the source-aware rules.

mod common;

use common::source_rule_findings;
use termcheck::bilingual_rules::SourceRules;
use termcheck::check::Checker;
use termcheck::glossary::Glossary;
use termcheck::matcher::TermMatcher;
use termcheck::rules::RuleSet;
use termcheck::zh::numbers::{
    chinese_dates, chinese_numbers, compare, compare_dates, compare_units, english_dates,
    english_numbers,
};
use termcheck::zh::script::fold;
use termcheck::zh::source_terms::SourceTermMatcher;

#[track_caller]
fn agree(zh: &str, en: &str) -> bool {
    let (source, target) = (chinese_numbers(zh), english_numbers(en));
    compare(&source, &target).is_empty()
        && compare_units(&source, &target).is_empty()
        && compare_dates(&chinese_dates(zh, &source), &english_dates(en)).is_none()
}

#[test]
fn pairs_that_agree() {
    let cases = [
        (
            "上海市总工会第十五届委员会",
            "the 15th Committee of the Shanghai Federation of Trade Unions",
        ),
        (
            "第十八次全国代表大会于2023年10月9日开幕",
            "the 18th National Congress opened on October 9, 2023",
        ),
        ("全市共有3.5万名劳模", "the city has 35,000 model workers"),
        ("投入资金1.2亿元", "120 million yuan was invested"),
        ("投入资金1.2亿元", "RMB 0.12 billion was invested"),
        ("增长百分之三十", "up 30 percent"),
        ("增长百分之三十", "up 30%"),
        ("增长30%", "a thirty per cent rise"),
        ("一千五百名职工", "one thousand five hundred workers"),
        ("二十一名代表", "twenty-one deputies"),
        ("二十一名代表", "21 deputies"),
        ("两天的培训班", "the two-day training course"),
        ("两天的培训班", "the training course"),
        ("十月十九日", "19 October"),
        ("二〇二三年", "in 2023"),
        ("他是一个好人", "he was a good man"),
        // A last digit after a unit counts in the unit below; digits and units go on.
        ("一百五十人", "150 people"),
        ("一百五", "150"),
        ("两万五千元", "25,000 yuan"),
        ("两万五", "25,000"),
        ("一万二", "12,000"),
        ("1万2千人", "12,000 people"),
        // Full-width digits, on either side.
        ("共有３０００名医生", "there are 3,000 doctors"),
        ("共有3000名医生", "there are ３０００ doctors"),
        ("增长２０％", "up 20%"),
        // Small counts in words: loose, unless both sides state one the other does not.
        ("三个工会", "three unions"),
        ("三个工会", "the unions"),
        ("他是一个好人", "he was a good man and two others agreed"),
        ("四周都是人", "nine people stood around"),
        // English forms of journalism: halves, dozens, abbreviated multipliers, thin spaces,
        // short year ranges.
        ("50万人", "half a million people"),
        ("250万", "two and a half million"),
        ("三千五", "three and a half thousand"),
        ("增长1.5倍", "grew one and a half times"),
        ("下降0.5个百分点", "fell half a percentage point"),
        ("十二家公司", "a dozen companies"),
        ("二十四家公司", "two dozen companies"),
        ("1000亿元", "100bn yuan"),
        ("2.5亿美元", "$250m"),
        ("4.5亿元", "450 mln yuan"),
        ("250万元", "2.5m yuan"),
        ("250万美元", "2.5m dollars"),
        ("250米长的桥", "a 250m bridge"),
        ("1318公里", "1\u{2009}318 km"),
        ("2023—2025年", "in 2023-25"),
        ("2019至2020财年", "the 2019/20 fiscal year"),
        ("2001年5月", "2001-05"),
        // A range's unit applies to both ends.
        ("单价为5至8万元", "the unit price is 50,000 to 80,000 yuan"),
        ("3—5亿元", "300 to 500 million yuan"),
        // Round amounts without a leading digit; 千万 as "by all means" is no number.
        ("投资千万元", "an investment of 10 million yuan"),
        ("奖金百万元", "a prize of one million yuan"),
        ("百亿补贴", "10-billion-yuan subsidies"),
        ("百亿补贴", "huge subsidies"),
        ("千亿元", "100 billion yuan"),
        ("千万不要迟到", "by all means do not be late"),
        ("百万富翁", "a millionaire"),
        // Short year ranges, read alike on both sides.
        ("2023/24赛季", "the 2023/24 season"),
        ("2023-24赛季", "the 2023-24 season"),
        // 成 is tenths.
        ("近三成的股票上涨", "Nearly 30% of the stocks rose"),
        ("化肥价格下降了一成", "fertilizer prices fell by 10%"),
        ("一成不变", "unchanging"),
        ("八成是他", "it was probably him"),
        // Race times, a count and a half.
        ("跑出9秒83", "ran 9.83 seconds"),
        ("1分23秒45", "1:23.45"),
        ("两个半小时", "two and a half hours"),
        ("三个半小时", "3.5 hours"),
        ("一个半月", "a month and a half"),
        ("两个半岛", "two peninsulas"),
        // Trillions abbreviated.
        ("3.2万亿美元", "$3.2tn"),
        ("3.2万亿美元", "US$3.2tn"),
        // Clock times, 12- and 24-hour.
        ("晚7时30分", "at 7.30pm"),
        ("晚7时30分", "at 7:30 pm"),
        ("北京时间20:00", "8 pm Beijing time"),
        ("北京时间20:00", "8 p.m. Beijing time"),
        ("14时30分", "2:30 pm"),
        ("14时30分", "14:30"),
        // Decades, rounds named by a fraction, halves of the year.
        ("上世纪90年代以来", "since the 1990s"),
        ("九十年代", "the '90s"),
        ("1/4决赛", "the quarterfinals"),
        ("四分之一决赛", "the quarter-finals"),
        ("1/8决赛", "the round of 16"),
        ("上半年增长5%", "growth was 5% in H1"),
        // Percentages and percentage points, each in its own unit; "points" alone and
        // basis points name no unit to compare.
        ("下降0.4个百分点", "down 0.4 percentage points"),
        ("下降0.4个百分点", "down 0.4 percentage point"),
        ("下降0.4个百分点", "a 0.4-percentage-point drop"),
        ("下降0.4个百分点", "down 0.4pp"),
        ("下降0.4个百分点", "down 0.4 points"),
        ("下降0.4百分点", "down 0.4 ppt"),
        ("下调0.5%", "cut by 0.5 percent"),
        ("下调0.5%", "cut by 0.5 per cent"),
        ("下调百分之零点五", "cut by 0.5%"),
        ("降息25个基点", "a cut of 25 basis points"),
        (
            "指数上涨0.4%，至3500点",
            "the index rose 0.4% to 3,500 points",
        ),
        (
            "增长0.4%，增速提高0.4个百分点",
            "up 0.4%, 0.4 percentage points faster",
        ),
        // Ranks first and second; "first" as an adverb and "second" as a unit of time rank
        // nothing; 首次 ranks first.
        ("他获得第一名", "he finished first"),
        (
            "第一届亚运会于1951年举行",
            "the first Asian Games were held in 1951",
        ),
        (
            "第一届亚运会于1951年举行",
            "the 1st Asian Games were held in 1951",
        ),
        ("一季度增长5.3%", "growth was 5.3% in the first quarter"),
        ("一季度增长5.3%", "first-quarter growth was 5.3%"),
        ("二季度增长4.7%", "growth was 4.7% in the second quarter"),
        (
            "前三季度增长5.2%",
            "growth was 5.2% in the first three quarters",
        ),
        ("比赛进入第二节", "the game entered the second quarter"),
        ("第二天他首先发言", "the next day he spoke first"),
        ("第二天他首先发言", "First, he spoke the next day"),
        ("第三天他等了片刻", "on the third day he waited a second"),
        (
            "第二天，他首次登台",
            "the next day, he took the stage for the first time",
        ),
        ("第一财经报道", "Yicai reported"),
        // Dates as month and day, in either order; a date written otherwise, or not as many
        // dates, is left to the numbers.
        ("3月5日开幕", "opens on March 5"),
        ("3月5日开幕", "opens on 5 March"),
        ("3月5日开幕", "opens on March 5th"),
        ("3月5日开幕", "opens on the 5th of March"),
        ("三月五日开幕", "opens on March 5."),
        ("2024年3月5日", "on March 5, 2024"),
        ("2024年3月5日", "on 5 March 2024"),
        ("2024年3月5日", "on 2024-03-05"),
        ("1月17日发布数据", "released data on Jan. 17"),
        ("5月1日至5日休市", "closed from May 1 to 5"),
        ("5月1日至5日休市", "closed May 1-5"),
        ("3月1日至5日", "from 1-5 March"),
        ("3月1日至5日", "from 1 to 5 March"),
        ("3月5日和5月3日", "on March 5 and on May 3"),
        // A five-year plan's short name is its ordinal; 十四五岁 is a range as before.
        (
            "“十三五”规划圆满收官。",
            "The 13th Five-Year Plan was successfully completed.",
        ),
        (
            "“十二五”时期经济快速增长。",
            "The economy grew rapidly during the 12th Five-Year Plan period.",
        ),
        ("他只有十四五岁", "he was only fourteen or fifteen"),
        ("他只有十四五岁", "he was only 15"),
        // Words that carry a number, and superscript and subscript digits.
        (
            "实现“两个一百年”奋斗目标",
            "achieve the Two Centenary Goals",
        ),
        ("IL-6水平升高2倍。", "IL-6 levels rose twofold."),
        ("TNF-α升高10倍。", "TNF-α rose tenfold."),
        (
            "每管加入2×10⁶个细胞。",
            "Each tube received 2 × 10^6 cells.",
        ),
        ("CO₂浓度为5%。", "CO2 was 5%."),
        ("面积为100平方米", "an area of 100 m²"),
        // A discount, as the share off or the share paid.
        ("全场打八折", "20% off everything"),
        ("全场打八折", "everything at 80% of the price"),
        ("会员专享九五折", "Members save 5%"),
        ("打6.5折", "35% off"),
        ("第2件半价", "50% off the 2nd item"),
        // 千 before a unit is the prefix kilo; before anything else, a thousand.
        ("工作质量为5200千克。", "Operating mass is 5200 kg."),
        ("最大速度为40千米/小时。", "Maximum speed is 40 km/h."),
        ("额定电压为10千伏。", "Rated voltage is 10 kV."),
        ("工作频率为2.4千兆赫。", "It operates at 2.4 GHz."),
        ("共5千人参加。", "5,000 people took part."),
        ("他获得男子五千米冠军。", "He won the men's 5000m."),
        // A sign, as a minus, 零下 or words; hyphens in ranges, dates and codes are no signs.
        (
            "工作温度下限为-20℃。",
            "The minimum operating temperature is -20 °C.",
        ),
        (
            "在零下30℃以下不得起动。",
            "Do not start the machine below −30 °C.",
        ),
        (
            "在零下30℃以下不得起动。",
            "Do not start it at 30 degrees below zero.",
        ),
        (
            "工作温度-20～50℃。",
            "Operating temperature: minus 20 to 50 °C.",
        ),
        ("使用M10-1.25螺栓。", "Use M10-1.25 bolts."),
        ("于2024-05-01生效。", "Effective 2024-05-01."),
        ("零件号2210-05。", "Part number 2210-05."),
        ("拧紧3-4圈。", "Tighten 3-4 turns."),
        ("碘-131", "iodine-131"),
        ("同比增长-5%。", "Down 5% year on year."),
        // Fraction words state their fraction: "a quarter" is 1/4, "half" 1/2.
        ("再拧四分之一圈。", "Turn a further quarter turn."),
        ("再拧1/4圈。", "Tighten a further quarter turn."),
        ("约三分之一的用户", "about a third of users"),
        ("二分之一", "one half"),
        ("拧1/2圈", "turn it half a turn"),
        ("一季度增长5%", "growth was 5% in the first quarter"),
    ];
    for (zh, en) in cases {
        assert!(
            agree(zh, en),
            "{zh} / {en}: {:?}",
            compare(&chinese_numbers(zh), &english_numbers(en))
        );
    }
}

#[test]
fn pairs_that_differ() {
    let cases = [
        ("第十八次全国代表大会", "the 19th National Congress"),
        ("第十八次全国代表大会", "the eighth National Congress"),
        ("3.5万名劳模", "3,500 model workers"),
        ("1.2亿元", "1.2 million yuan"),
        ("百分之三十", "13 percent"),
        ("十月十九日", "October 20"),
        ("十月十九日", "September 19"),
        ("二〇二三年", "in 2022"),
        ("一千五百名职工", "1,005 workers"),
        ("三个工会", "5 unions"),
        // A small count changed, in words on both sides.
        ("三个工会", "four unions"),
        ("七家医院", "nine hospitals"),
        ("五个大字闪闪发光", "four words glow brightly"),
        ("一百五", "105"),
        ("两万五", "20,005"),
        ("一百零五", "150"),
        ("共有３０００名医生", "there are 300 doctors"),
        ("250万", "two and a half thousand"),
        ("十二家公司", "two dozen companies"),
        ("2.5亿美元", "25m dollars"),
        ("2023—2025年", "in 2023-24"),
        ("奖金千万元", "a prize of 20 million yuan"),
        ("千亿元", "10 billion yuan"),
        ("2023/24赛季", "the 2023/25 season"),
        ("近三成的股票上涨", "Nearly 40% of the stocks rose"),
        ("化肥价格下降了一成", "fertilizer prices fell by 20%"),
        ("跑出9秒83", "ran 9.38 seconds"),
        ("两个半小时", "two hours"),
        ("两个半小时", "3.5 hours"),
        ("3.2万亿美元", "$2.3tn"),
        ("晚7时30分", "at 7.45pm"),
        ("北京时间20:00", "9 pm Beijing time"),
        ("14时30分", "3:30 pm"),
        ("上世纪90年代以来", "since the 1980s"),
        ("1/8决赛", "the round of 32"),
        ("上半年增长5%", "growth was 5% in Q3"),
        // A percentage turned into percentage points, or points into a percentage.
        ("下降0.4个百分点", "down 0.4%"),
        ("下降0.4个百分点", "down 0.4 percent"),
        ("下降0.4百分点", "down 0.4 per cent"),
        ("下调0.5%", "cut by 0.5 percentage points"),
        ("下调百分之零点五", "cut by 0.5pp"),
        (
            "PMI为49.0%，比上月下降0.4个百分点",
            "the PMI was 49.0%, down 0.4% from the previous month",
        ),
        ("增长0.4%，增速提高0.4个百分点", "up 0.4%, 0.4% faster"),
        // A rank changed, first included.
        ("他获得第一名", "he finished second"),
        ("他获得第一名", "he won second place"),
        ("中国队排名第二", "China ranked first"),
        ("中国队排名第二", "China's first"),
        (
            "第一届亚运会于1951年举行",
            "the second Asian Games were held in 1951",
        ),
        ("一季度增长5.3%", "growth was 5.3% in the second quarter"),
        ("他首次获得冠军", "he won the title for the second time"),
        // Month and day swapped.
        ("3月5日开幕", "opens on May 3"),
        ("3月5日开幕", "opens on 3 May"),
        ("2024年3月5日", "May 3, 2024"),
        (
            "决赛将于3月5日晚7时30分打响",
            "the final kicks off at 7:30 pm on May 3",
        ),
        ("3月5日和5月3日", "on March 5 and on March 5"),
        (
            "“十四五”规划中期评估",
            "a mid-term review of the 15th Five-Year Plan",
        ),
        ("“十三五”规划", "the 14th Five-Year Plan"),
        (
            "每孔接种1×10⁶个细胞。",
            "Each well was seeded with 1 × 10⁵ cells.",
        ),
        ("升高10倍", "rose twelvefold"),
        ("会员5折", "Members get 5% off"),
        ("会员打九五折", "Members get 95% off"),
        ("工作质量为5200千克。", "Operating mass is 5,200,000 kg."),
        ("共5千人参加。", "5 people took part."),
        (
            "工作温度下限为-20℃。",
            "The minimum operating temperature is 20 °C.",
        ),
        (
            "在零下30℃以下不得起动。",
            "Do not start the machine below 30 °C.",
        ),
        (
            "冷却液温度不得超过90℃。",
            "The coolant temperature must not exceed -90 °C.",
        ),
        (
            "工作温度为-20℃。",
            "The operating temperature is 20 degrees.",
        ),
        ("约三分之一的用户", "about a quarter of users"),
        ("再拧四分之一圈。", "Turn a further 1/3 turn."),
    ];
    for (zh, en) in cases {
        assert!(!agree(zh, en), "{zh} / {en} should differ");
    }
}

/// A small deterministic generator (xorshift), so the run is the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn text(&mut self, pool: &[&str], len: usize) -> String {
        (0..len)
            .map(|_| pool[(self.next() % pool.len() as u64) as usize])
            .collect()
    }
}

const POOL: &[&str] = &[
    "一",
    "二",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "〇",
    "零",
    "点",
    "第",
    "月",
    "日",
    "年",
    "几",
    "多",
    "工會",
    "工会",
    "总",
    "劳模",
    "之",
    "百分之",
    "1",
    "2",
    ".",
    ",",
    "%",
    "&#",
    ";",
    " ",
    "’",
    "é",
    "\u{301}",
    "ｆ",
    "１",
    "th",
    "st",
    "one",
    "hundred",
    "million",
    "May",
    "-",
    "\n",
    "\r\n",
    "union",
    "model worker",
    "labour model",
    "😀",
    "\u{200b}",
    "\u{3000}",
    "⁶",
    "⁻",
    "₂",
    "五",
    "折",
    "半价",
    "“",
    "”",
    "规划",
    "fold",
    "% off",
    "save ",
    "centenary",
];

#[test]
fn generated_text_never_panics_and_spans_stay_on_character_boundaries() {
    let glossary = Glossary::from_csv_text(
        "id,source,preferred,forbidden\n\
         union,工会|總工會,trade union,\n\
         model,劳模,model worker,labour model\n",
        "g.csv",
    )
    .unwrap();
    let matcher = TermMatcher::new(&glossary);
    let source_terms = SourceTermMatcher::new(&glossary);
    let checker = Checker::new(&glossary, &matcher, RuleSet::all());
    let rules = SourceRules::new(&glossary, &matcher, &source_terms, RuleSet::all());
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for round in 0..3000 {
        let len = (rng.next() % 24) as usize;
        let zh = rng.text(POOL, len);
        let en = rng.text(POOL, len);
        for n in chinese_numbers(&zh) {
            assert!(
                zh.is_char_boundary(n.start) && zh.is_char_boundary(n.end),
                "{round}: {zh:?}"
            );
        }
        for n in english_numbers(&en) {
            assert!(
                en.is_char_boundary(n.start) && en.is_char_boundary(n.end),
                "{round}: {en:?}"
            );
        }
        let folded = fold(&zh);
        for m in source_terms.find(&zh) {
            assert!(zh.is_char_boundary(m.span.start) && zh.is_char_boundary(m.span.end));
            assert!(m.span.start < m.span.end, "{round}: {zh:?}");
        }
        assert!(folded.text.len() <= zh.len() * 3 + 3);
        let mut findings = checker.check_str(&en);
        rules.check_segment(&zh, &en, &mut findings);
        for f in &findings {
            let (s, e) = (f.start.byte_offset as usize, f.end.byte_offset as usize);
            assert!(
                s <= e && en.is_char_boundary(s) && en.is_char_boundary(e),
                "{round}: {zh:?} / {en:?}: {f:?}"
            );
        }
    }
}

/// The source-aware findings on one segment.
fn segment_findings(glossary: &str, source: &str, target: &str) -> Vec<(String, String)> {
    let glossary = Glossary::from_csv_text(glossary, "g.csv").expect("glossary");
    let matcher = TermMatcher::new(&glossary);
    let source_terms = SourceTermMatcher::new(&glossary);
    let rules = SourceRules::new(&glossary, &matcher, &source_terms, RuleSet::all());
    let mut findings = Checker::new(&glossary, &matcher, RuleSet::all())
        .check_fragment(target, &mut termcheck::fuzzy::WordCache::default())
        .findings
        .into_vec();
    rules.check_segment(source, target, &mut findings);
    findings
        .into_iter()
        .map(|f| (f.rule.to_string(), f.message))
        .collect()
}

/// [`segment_findings`] as "rule: message" lines.
fn segment_messages(glossary: &str, source: &str, target: &str) -> Vec<String> {
    segment_findings(glossary, source, target)
        .into_iter()
        .map(|(rule, message)| format!("{rule}: {message}"))
        .collect()
}

#[test]
fn a_number_in_a_terms_english_name_or_in_chinese_left_in_the_target_is_no_mismatch() {
    let glossary = "id,source,preferred,admitted\npm,细颗粒物,fine particulate matter,PM2.5\n\
                    model,劳模,model workers,model worker\n";
    let rules = |source: &str, target: &str| {
        segment_findings(glossary, source, target)
            .into_iter()
            .map(|(rule, _)| rule)
            .collect::<Vec<_>>()
    };
    // The admitted "PM2.5" renders 细颗粒物: its 2.5 is the name's.
    assert!(rules("细颗粒物浓度下降", "PM2.5 concentrations fell").is_empty());
    // A 2.5 the source states is still to be rendered.
    assert_eq!(
        rules("细颗粒物浓度下降2.5", "PM2.5 concentrations fell"),
        ["number-mismatch"]
    );
    // The name written in the source beside its term holds the name's number there too.
    for target in [
        "The average concentration of fine particulate matter (PM2.5) was 35.",
        "The average concentration of fine particulate matter was 35.",
        "The average PM2.5 concentration was 35.",
    ] {
        assert!(
            rules("细颗粒物（PM2.5）平均浓度为35。", target).is_empty(),
            "{target}"
        );
    }
    // Where the target does not render the term, the source's name is its text's.
    assert_eq!(
        rules(
            "细颗粒物（PM2.5）平均浓度为35。",
            "The average concentration was 35."
        ),
        ["missing-term", "number-mismatch"]
    );
    // The value beside the name is still compared.
    assert_eq!(
        rules(
            "细颗粒物（PM2.5）平均浓度为35。",
            "The average concentration of fine particulate matter (PM2.5) was 36."
        ),
        ["number-mismatch"]
    );
    // Chinese left in the target is untranslated, once: its numbers read as Chinese, and a
    // term left in it is not missing too.
    assert_eq!(
        rules("单价为10万元。", "The unit price is 10万 yuan."),
        ["untranslated"]
    );
    assert_eq!(rules("多位劳模参加", "多位劳模 attended"), ["untranslated"]);
    assert_eq!(
        rules("单价为10万元。", "The unit price is 20万 yuan."),
        ["untranslated", "number-mismatch"]
    );
}

#[test]
fn a_month_in_an_approved_name_is_no_number_unless_the_source_term_states_it() {
    let glossary = "id,source,preferred,admitted\ncz5,长征五号,Long March 5,Long March-5\n\
                    longmarch,长征,Long March,\n";
    let rules = |source: &str, target: &str| segment_messages(glossary, source, target);
    // "March" in the approved names is the name's; the 5 of "Long March 5" is 五's.
    for (source, target) in [
        ("长征精神永存。", "The spirit of the Long March lives on."),
        (
            "长征五号运载火箭发射成功。",
            "The Long March 5 carrier rocket was launched.",
        ),
        (
            "长征五号运载火箭发射成功。",
            "The Long March-5 carrier rocket was launched.",
        ),
        (
            "长征五号于3月3日发射。",
            "Long March 5 was launched on March 3.",
        ),
    ] {
        assert_eq!(rules(source, target), Vec::<String>::new(), "{target}");
    }
    // A number changed inside a name, or a month outside it, is still compared.
    let found = rules(
        "长征五号运载火箭发射成功。",
        "The Long March 7 carrier rocket was launched.",
    );
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("number-mismatch") && f.contains("7 (0×")),
        "{found:?}"
    );
    let found = rules(
        "长征五号于3月3日发射。",
        "Long March 5 was launched on May 3.",
    );
    assert!(
        found.iter().any(|f| f.starts_with("number-mismatch")),
        "{found:?}"
    );
}

#[test]
fn a_number_in_a_source_term_that_its_approved_rendering_does_not_state_is_the_terms() {
    let glossary = "id,source,preferred,admitted\n\
                    singles,双十一|双11,Singles' Day,Double 11\n\
                    fyp14,十四五规划,14th Five-Year Plan,\n";
    let rules = |source: &str, target: &str| segment_messages(glossary, source, target);
    // The approved name without a number renders the term, 11 and all; the one with the
    // number states it.
    for (source, target) in [
        ("双十一大促", "Singles' Day Mega Sale"),
        (
            "双11全场包邮",
            "Free shipping on everything for Singles' Day",
        ),
        ("双11狂欢节", "Double 11 Shopping Festival"),
        ("双十一当天11点开抢", "The Singles' Day sale opens at 11 am"),
        (
            "十四五规划中期评估",
            "a mid-term review of the 14th Five-Year Plan",
        ),
    ] {
        assert_eq!(rules(source, target), Vec::<String>::new(), "{target}");
    }
    // A number of the text beside the term, a name that is no approved rendering, and the
    // source term's number changed in the target are still compared.
    for (source, target) in [
        ("双十一当天11点开抢", "The Singles' Day sale opens at noon"),
        ("双十一大促", "Double 12 Mega Sale"),
        (
            "十四五规划中期评估",
            "a mid-term review of the 15th Five-Year Plan",
        ),
    ] {
        let found = rules(source, target);
        assert!(
            found.iter().any(|f| f.starts_with("number-mismatch")),
            "{target}: {found:?}"
        );
    }
}

#[test]
fn a_years_era_changed_is_a_number_mismatch_at_the_targets_year() {
    let glossary = "id,source,preferred\nqin,秦始皇,Qin Shi Huang\n";
    let findings = |source: &str, target: &str| source_rule_findings(glossary, source, target);
    let found = findings(
        "秦始皇于公元前221年统一中国。",
        "Qin Shi Huang unified China in 221 AD.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule.to_string(), "number-mismatch");
    assert_eq!(
        found[0].message,
        "numbers differ: 221 (BC in the source, AD in the target)"
    );
    assert_eq!(found[0].found, "221");
    assert!(findings(
        "秦始皇于公元前221年统一中国。",
        "Qin Shi Huang unified China in 221 BC."
    )
    .is_empty());
    assert!(findings(
        "秦始皇于公元前221年统一中国。",
        "Qin Shi Huang unified China in 221."
    )
    .is_empty());
}

#[test]
fn a_source_number_changed_into_a_loose_one_is_named_and_pointed_at() {
    let findings = |source: &str, target: &str| {
        source_rule_findings("id,source,preferred\nx,占位,placeholder\n", source, target)
            .into_iter()
            .map(|f| (f.found, f.start.byte_offset, f.message))
            .collect::<Vec<_>>()
    };
    let target = "The Mid-Autumn Festival falls on the 15th day of the ninth lunar month.";
    assert_eq!(
        findings("中秋节在农历八月十五。", target),
        [(
            "ninth".to_string(),
            target.find("ninth").unwrap() as u64,
            "numbers differ: 8 (1× in the source, 0× in the target), 9 as \"ninth\" \
             (0× in the source, 1× in the target)"
                .to_string()
        )]
    );
    // A number the target states strongly is pointed at, and no loose one is named.
    let target = "The festival falls on the 15th day of the ninth lunar month, 10 days later.";
    let found = findings("中秋节在农历八月十五。", target);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "10");
    assert!(!found[0].2.contains("ninth"), "{found:?}");
    // One is an article or a pronoun as much as a number: not named, nothing pointed at.
    let found = findings("增长8%。", "It is one of the fastest.");
    assert_eq!(
        found,
        [(
            String::new(),
            0,
            "numbers differ: 8 (1× in the source, 0× in the target)".to_string()
        )]
    );
}

#[test]
fn a_loose_source_number_a_target_number_stands_in_place_of_is_named() {
    let findings = |source: &str, target: &str| {
        source_rule_findings("id,source,preferred\nx,占位,placeholder\n", source, target)
            .into_iter()
            .filter(|f| f.rule.to_string() == "number-mismatch")
            .map(|f| (f.found, f.message))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        findings(
            "申请者须通过汉语水平考试五级。",
            "Applicants must pass HSK level 4."
        ),
        [(
            "4".to_string(),
            "numbers differ: 4 (0× in the source, 1× in the target), 5 as \"五\" \
             (1× in the source, 0× in the target)"
                .to_string()
        )]
    );
    // Of several, the one nearest in the text: "4" at the start stands for 三, not 五.
    assert_eq!(
        findings("三个学院和五个系", "4 colleges and their departments"),
        [(
            "4".to_string(),
            "numbers differ: 4 (0× in the source, 1× in the target), 3 as \"三\" \
             (1× in the source, 0× in the target)"
                .to_string()
        )]
    );
    // Each target number names its own.
    assert_eq!(
        findings("三个学院和五个系", "2 colleges and 6 departments")[0].1,
        "numbers differ: 2 (0× in the source, 1× in the target), 6 (0× in the source, 1× in \
         the target), 3 as \"三\" (1× in the source, 0× in the target), 5 as \"五\" (1× in the \
         source, 0× in the target)"
    );
    // Not named: a number of another kind (a count for a rank), one (an article as much as a
    // number), a number the target states elsewhere.
    for (source, target) in [
        ("三个工会", "the 2nd union"),
        ("一个学生", "2 students"),
        ("三个学院", "three colleges, 4 departments"),
    ] {
        let found = findings(source, target);
        assert_eq!(found.len(), 1, "{source} / {target}");
        assert!(!found[0].1.contains("in the source, 0×"), "{found:?}");
    }
}
