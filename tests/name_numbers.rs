//! How many things a name names, through the built binary: a plural head before coordinated
//! identifiers ("Phases II and III") or before a count of its owners ("of both districts")
//! names several, and `fix` leaves it; and a case-sensitive rendering in mixed case as a
//! whole ("e-CNY", "digital RMB") written in small letters is its capitals lost.

mod common;

use common::{check_findings as findings, scratch, termcheck_in};

fn garbled(found: &str, expected: &str) -> (String, String, String) {
    ("garbled-term".into(), found.into(), expected.into())
}

const PHASES: &str = "id,preferred,admitted,case\n\
                      phase-2,Phase II,Phase 2,name\n\
                      phase-3,Phase III,Phase 3,name\n";

#[test]
fn a_plural_before_coordinated_roman_numerals_is_left_alone_by_check_and_fix() {
    let text = "Owners in Phases II and III should collect their keys.\n";
    assert_eq!(findings(PHASES, text), []);
    let dir = scratch(&[("g.csv", PHASES.as_bytes()), ("t.txt", text.as_bytes())]);
    let run = termcheck_in(dir.path(), &["fix", "-g", "g.csv", "--diff", "t.txt"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("Phase II and III"), "{}", run.stdout);
    assert_eq!(
        findings(PHASES, "Phases II will open in May.\n"),
        [garbled("Phases II", "Phase II")]
    );
}

#[test]
fn a_plural_name_before_a_count_of_its_owners_names_several() {
    let glossary = "id,preferred,case\narb,Labour Dispute Arbitration Commission,name\n";
    assert_eq!(
        findings(
            glossary,
            "The Labour Dispute Arbitration Commissions of both districts met on Monday.\n"
        ),
        []
    );
    assert_eq!(
        findings(
            glossary,
            "The Labour Dispute Arbitration Commissions of the district met on Monday.\n"
        ),
        [garbled(
            "Labour Dispute Arbitration Commissions",
            "Labour Dispute Arbitration Commission"
        )]
    );
}

#[test]
fn a_sensitive_rendering_in_mixed_case_as_a_whole_in_small_letters_is_garbled() {
    let glossary = "id,preferred,admitted,case\necny,e-CNY,digital RMB,sensitive\n";
    assert_eq!(
        findings(
            glossary,
            "Your e-cny wallet.\nPay with digital rmb.\nOpen your E-cny wallet.\n"
        ),
        [
            garbled("e-cny", "e-CNY"),
            garbled("digital rmb", "digital RMB"),
            garbled("E-cny", "e-CNY"),
        ]
    );
    assert_eq!(
        findings(
            glossary,
            "Your e-CNY wallet.\nPAY WITH DIGITAL RMB.\nE-CNY.\nPay in digital Rmb.\n"
        ),
        []
    );
}
