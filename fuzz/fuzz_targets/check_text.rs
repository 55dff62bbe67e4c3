//! The whole `check` pipeline on arbitrary bytes with the bundled glossary and every rule:
//! never a panic; every finding's byte span lies inside the input, on character boundaries of
//! UTF-8 input, and holds the text reported as found; blocks of twice the overlap change nothing.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use termcheck::check::{Checker, Outcome};
use termcheck::fuzzy::{FuzzyIndex, DEFAULT_THRESHOLD};
use termcheck::glossary::{bundled_glossaries, Glossary};
use termcheck::input::blocks::BlockSizes;
use termcheck::matcher::TermMatcher;
use termcheck::rules::RuleSet;

struct Compiled {
    glossary: Glossary,
    matcher: TermMatcher,
    fuzzy: FuzzyIndex,
}

fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let glossary = Glossary::load(&bundled_glossaries()).expect("bundled glossary is valid");
        let matcher = TermMatcher::new(&glossary);
        let fuzzy = FuzzyIndex::new(&glossary, DEFAULT_THRESHOLD);
        Compiled {
            glossary,
            matcher,
            fuzzy,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let c = compiled();
    let checker = Checker::new(&c.glossary, &c.matcher, RuleSet::all()).with_fuzzy(&c.fuzzy);
    let Ok(Outcome::Checked(doc)) = checker.check_reader(data, false) else {
        return;
    };
    let plain_utf8 = std::str::from_utf8(data)
        .ok()
        .filter(|t| !t.starts_with('\u{FEFF}'));
    for f in &doc.findings {
        let (start, end) = (f.start.byte_offset as usize, f.end.byte_offset as usize);
        assert!(start <= end && end <= data.len(), "{f:?}");
        if let Some(text) = plain_utf8 {
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            if f.rule != termcheck::rules::Rule::InconsistentTerm {
                assert_eq!(&text[start..end], f.found, "{f:?}");
            }
        }
    }
    // The smallest blocks the checker allows for this glossary: the overlap it needs, twice.
    let overlap = BlockSizes::for_longest_term(c.matcher.longest_pattern()).overlap;
    let small = BlockSizes {
        block: 2 * overlap,
        overlap,
    };
    let blocked = checker.with_block_sizes(small).check_reader(data, false);
    if let Ok(Outcome::Checked(other)) = blocked {
        let key = |f: &termcheck::finding::Finding| (f.rule, f.start, f.end, f.found.clone());
        let a: Vec<_> = doc.findings.iter().map(|f| key(&f)).collect();
        let b: Vec<_> = other.findings.iter().map(|f| key(&f)).collect();
        assert_eq!(a, b, "findings depend on block size");
    }
});
