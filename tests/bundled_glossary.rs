//! The bundled default glossary: its required content, and what it flags and must not flag.

use termcheck::check::Checker;
use termcheck::glossary::{bundled_glossaries, Glossary, Status};
use termcheck::matcher::TermMatcher;
use termcheck::rules::RuleSet;

fn bundled() -> Glossary {
    Glossary::load(&bundled_glossaries()).expect("bundled glossary is valid")
}

/// (concept id, found text) of every finding in `text`.
fn findings(glossary: &Glossary, text: &str) -> Vec<(String, String)> {
    let matcher = TermMatcher::new(glossary);
    let checker = Checker::new(glossary, &matcher, RuleSet::all());
    checker
        .check_str(text)
        .into_iter()
        .map(|f| (f.concept, f.found))
        .collect()
}

fn concept_with_source<'a>(g: &'a Glossary, source: &str) -> &'a termcheck::glossary::Concept {
    g.concepts
        .iter()
        .find(|c| c.source.iter().any(|s| s == source))
        .unwrap_or_else(|| panic!("no concept with source {source}"))
}

#[test]
fn has_the_required_concepts_with_sources_and_notes() {
    let g = bundled();
    assert!(g.concepts.len() >= 40, "{} concepts", g.concepts.len());
    for c in &g.concepts {
        assert!(!c.source.is_empty(), "{} has no source term", c.id);
        assert!(!c.note.is_empty(), "{} has no note citing its source", c.id);
    }
    for (source, preferred) in [
        ("上海市总工会", "Shanghai Federation of Trade Unions"),
        ("中华全国总工会", "All-China Federation of Trade Unions"),
        (
            "中国工会第十八次全国代表大会",
            "18th National Congress of Chinese Trade Unions",
        ),
        ("党组", "Leading Party Members' Group"),
        ("全过程人民民主", "whole-process people's democracy"),
        (
            "全面从严治党",
            "full and rigorous governance over the Party",
        ),
        ("中工网", "Workercn"),
        ("微信号", "WeChat account"),
        ("抖音", "Douyin"),
        ("责任编辑", "Editor"),
        ("工人日报", "Workers' Daily"),
        ("劳动报", "Labor Daily"),
    ] {
        assert_eq!(
            concept_with_source(&g, source).preferred(),
            preferred,
            "{source}"
        );
    }
    for source in [
        "市总工会第十五届委员会",
        "上海市人大常委会",
        "上海市人大常委会副主任",
        "扫码关注",
        "职工",
        "劳模",
        "工匠",
        "直属单位",
        "新就业形态劳动者",
    ] {
        concept_with_source(&g, source);
    }
    let has_variant = |source: &str, variant: &str| {
        concept_with_source(&g, source)
            .renderings
            .iter()
            .any(|r| !r.status.is_approved() && r.text == variant)
    };
    assert!(has_variant("上海市总工会", "Municipal General Assembly"));
    assert!(has_variant("中工网", "China Industrial Network"));
    assert!(has_variant("中工网", "CAMCE"));
    assert!(has_variant("微信号", "Microsignal"));
    assert!(has_variant("责任编辑", "Editor in charge"));
    let forbidden_general_assembly = g.concepts.iter().any(|c| {
        c.renderings.iter().any(|r| {
            r.status == Status::Forbidden && r.text.eq_ignore_ascii_case("General Assembly")
        })
    });
    assert!(
        !forbidden_general_assembly,
        "the UN General Assembly is real"
    );
}

#[test]
fn flags_machine_translation_errors_in_any_typography() {
    let g = bundled();
    let found = findings(
        &g,
        "THE MUNICIPAL GENERAL ASSEMBLY MET. Source: China Industrial Network. \
         Follow our Microsignal. Editor in charge: Li. The 18th National Congress of China’s \
         Trade Unions closed.",
    );
    let ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "shanghai-ftu",
            "workercn",
            "wechat-account",
            "editor",
            "national-congress-18th"
        ]
    );
}

#[test]
fn does_not_flag_correct_english_that_looks_alike() {
    let g = bundled();
    for text in [
        "The United Nations General Assembly adopted the resolution.",
        "Trade unions at all levels should study the documents.",
        "The Guangdong Federation of Trade Unions sent a delegation.",
        "The 18th CPC National Congress was held in 2012.",
        "The All-China Federation of Trade Unions' plan was published by Workers’ Daily.",
        "The SHANGHAI FEDERATION OF TRADE UNIONS held its meeting.",
        "Sales trebled after the campaign; the video signal was weak.",
        "The editor in chief resigned.",
        "The general assembly of members approved the budget.",
    ] {
        assert_eq!(findings(&g, text), Vec::<(String, String)>::new(), "{text}");
    }
}
