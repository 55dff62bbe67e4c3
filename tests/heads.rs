//! The word that carries a term's number (its head) and the numbers English makes of it,
//! through the built binary: a preposition ends the head ("earnings per share"), an adjective
//! after a plural noun leaves the noun the head ("accounts payable"), a capital before words
//! of no English makes a name ("Nilaparvata lugens"), and an uncountable noun has no plural
//! ("user equipments").

mod common;

use common::{check_findings as findings, scratch, termcheck_in};

/// Asserts that each of `garbled` is found as a garbled term with the expected rendering
/// given, and that nothing is found in any of `clean`.
#[track_caller]
fn assert_heads(glossary: &str, garbled: &[(&str, &str, &str)], clean: &[&str]) {
    for &(text, found, expected) in garbled {
        assert_eq!(
            findings(glossary, text),
            [(
                "garbled-term".to_string(),
                found.to_string(),
                expected.to_string()
            )],
            "{text}"
        );
    }
    for text in clean {
        assert_eq!(findings(glossary, text), [], "{text}");
    }
}

#[test]
fn the_noun_before_per_carries_the_number() {
    let glossary = "id,preferred\neps,earnings per share\ndps,dividend per share\n";
    assert_heads(
        glossary,
        &[
            (
                "Earnings per shares were RMB 1.2.",
                "Earnings per shares",
                "earnings per share",
            ),
            (
                "Dividend per shares rose.",
                "Dividend per shares",
                "dividend per share",
            ),
        ],
        &[
            "Earnings per share were RMB 1.2.",
            "Dividends per share rose.",
            "The dividend per share rose.",
        ],
    );
}

#[test]
fn a_correction_is_never_a_rendering_the_glossary_bans() {
    // The preferred rendering in the singular is the forbidden one: the correction keeps the
    // number as listed, and `fix` writes no "earnings per shares".
    let glossary = "id,preferred,forbidden\neps,earnings per share,earning per share\n";
    assert_heads(
        glossary,
        &[(
            "The earning per shares fell.",
            "earning per shares",
            "earnings per share",
        )],
        &[],
    );
    let dir = scratch(&[
        ("g.csv", glossary.as_bytes()),
        ("t.txt", b"The earning per shares fell.\n"),
    ]);
    let run = termcheck_in(dir.path(), &["fix", "-g", "g.csv", "--diff", "t.txt"], b"");
    assert_ne!(run.code, 2, "{}", run.stderr);
    assert!(!run.stdout.contains("per shares"), "{}", run.stdout);
    assert!(
        !run.stdout.contains("+The earning per share"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_adjective_after_a_plural_noun_takes_no_plural() {
    let glossary = "id,preferred\nap,accounts payable\nar,accounts receivable\nst,sales tax\n";
    assert_heads(
        glossary,
        &[
            (
                "Accounts payables were RMB 300 million.",
                "Accounts payables",
                "accounts payable",
            ),
            (
                "Accounts receivables were RMB 500 million.",
                "Accounts receivables",
                "accounts receivable",
            ),
        ],
        &[
            "Accounts payable were RMB 300 million.",
            "Each account receivable is reviewed.",
            // A noun after a plural noun is its head.
            "Sales taxes rose.",
        ],
    );
}

#[test]
fn a_scientific_name_is_no_common_noun_to_inflect() {
    let glossary = "id,preferred,admitted\n\
        bph,brown planthopper,Nilaparvata lugens\n\
        faw,fall armyworm,Spodoptera frugiperda\n\
        tea,tea plant,Camellia sinensis\n\
        goji,goji berry,Lycium barbarum\n\
        petri,Petri dish,\n\
        bunsen,Bunsen burners,\n";
    assert_heads(
        glossary,
        &[
            (
                "Nilaparvata lugen resists imidacloprid.",
                "Nilaparvata lugen",
                "Nilaparvata lugens",
            ),
            (
                "Spodoptera frugiperdas were trapped.",
                "Spodoptera frugiperdas",
                "Spodoptera frugiperda",
            ),
            (
                "Camellia sinensi is grown here.",
                "Camellia sinensi",
                "Camellia sinensis",
            ),
            (
                "Lycium barbarums fruit.",
                "Lycium barbarums",
                "Lycium barbarum",
            ),
        ],
        &[
            "Nilaparvata lugens resists imidacloprid.",
            // A capitalised word before an English noun makes a common noun.
            "Three Petri dishes were used.",
            "A Bunsen burner was lit.",
        ],
    );
}

#[test]
fn a_garbled_name_is_not_counted_as_the_name() {
    let glossary = "id,preferred,admitted\nbph,brown planthopper,Nilaparvata lugens\n";
    let text = "Nilaparvata lugen resists imidacloprid. Nilaparvata lugen spreads.\n\
                The pest Nilaparvata lugens and the brown planthopper.\n";
    for (rule, found, expected) in findings(glossary, text) {
        assert_ne!(expected, "Nilaparvata lugen", "{rule} {found}");
        if rule != "garbled-term" {
            assert_ne!(found, "Nilaparvata lugen", "{rule} {expected}");
        }
    }
}

#[test]
fn the_plural_of_an_uncountable_noun_is_garbled() {
    let glossary = "id,preferred,admitted\nue,user equipment,UE\nhx,heat exchanger,\n\
        asf,African swine fever,ASF\nmi,myocardial infarction,MI\n";
    assert_heads(
        glossary,
        &[(
            "Resources are allocated to user equipments in both links.",
            "user equipments",
            "user equipment",
        )],
        &[
            "Resources are allocated to the user equipment.",
            "Two heat exchangers failed.",
            // A countable noun whose plural the dictionary lacks.
            "Two myocardial infarctions were recorded.",
            // "fevers" is an English word: the plural of a disease's name is not told apart
            // from that of a countable noun.
            "African swine fevers spread.",
            // A spelling the document writes often is its own.
            "The user equipments attach. Two user equipments detach. All user equipments idle.",
        ],
    );
}

/// The head names what a term is: another form of it is another thing ("Minister of
/// Finance", the person, is no garbled "Ministry of Finance", the body), where another form of
/// a modifier of a name's head, the name's other words exact, is the same thing written wrong.
#[test]
fn another_form_of_the_head_is_another_thing_and_of_a_modifier_a_slip() {
    let glossary = "id,preferred,case\n\
                    mof,Ministry of Finance,name\n\
                    nfra,National Financial Regulatory Administration,name\n\
                    gwl,guaranteed water level,\n";
    assert_heads(
        glossary,
        &[(
            "The National Finance Regulatory Administration spoke.",
            "National Finance Regulatory Administration",
            "National Financial Regulatory Administration",
        )],
        &[
            "Minister of Finance Lan Fo'an attended the meeting.",
            // A common noun's modifiers vary in English ("higher-level interface"): only a
            // name fixes them.
            "The guarantee water level is 45.0 metres.",
            "The National Financial Regulatory Administrator spoke.",
            "The guaranteed water levels were raised.",
        ],
    );
}
