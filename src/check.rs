//! Checking one document: blocks → normalized text → matches → findings.

use std::io::Read;

use crate::excerpt::{context, line_excerpt};
use crate::finding::Finding;
use crate::glossary::{Glossary, Status};
use crate::input::blocks::{BlockReader, BlockSizes, ReadError, TextBlock};
use crate::matcher::TermMatcher;
use crate::normalize::normalize;
use crate::rules::{Rule, RuleSet};

/// The result of checking one document.
#[derive(Debug)]
pub enum Outcome {
    /// The document was checked; these are its findings, sorted by position.
    Checked(Vec<Finding>),
    /// The document looked like binary data and was skipped.
    SkippedBinary,
}

/// Checks documents against one compiled glossary; shared read-only across threads.
#[derive(Debug)]
pub struct Checker<'g> {
    glossary: &'g Glossary,
    matcher: &'g TermMatcher,
    rules: RuleSet,
    sizes: BlockSizes,
}

impl<'g> Checker<'g> {
    /// A checker running `rules` with `glossary`, compiled as `matcher`.
    pub fn new(glossary: &'g Glossary, matcher: &'g TermMatcher, rules: RuleSet) -> Self {
        Checker {
            glossary,
            matcher,
            rules,
            sizes: BlockSizes::for_longest_term(matcher.longest_pattern()),
        }
    }

    /// Uses smaller blocks than the default (tests put block boundaries inside terms).
    pub fn with_block_sizes(mut self, sizes: BlockSizes) -> Self {
        self.sizes = sizes;
        self
    }

    /// Checks a whole document read from `reader`. With `skip_binary`, a document whose start
    /// holds NUL bytes is skipped instead of checked.
    pub fn check_reader(&self, reader: impl Read, skip_binary: bool) -> Result<Outcome, ReadError> {
        let mut blocks = BlockReader::new(reader, self.sizes)?;
        if skip_binary && blocks.looks_binary() {
            return Ok(Outcome::SkippedBinary);
        }
        let mut findings = Vec::new();
        // Matches found again in the overlap of the next block are skipped by this offset.
        let mut covered_until = 0u64;
        while let Some(block) = blocks.next_block()? {
            self.check_block(&block, &mut covered_until, &mut findings);
        }
        findings.sort_by(|a, b| {
            (a.start.byte_offset, a.rule, &a.concept).cmp(&(
                b.start.byte_offset,
                b.rule,
                &b.concept,
            ))
        });
        Ok(Outcome::Checked(findings))
    }

    /// Checks text held in memory.
    pub fn check_str(&self, text: &str) -> Vec<Finding> {
        match self.check_reader(text.as_bytes(), false) {
            Ok(Outcome::Checked(findings)) => findings,
            Ok(Outcome::SkippedBinary) => unreachable!("binary files are only skipped when asked"),
            Err(e) => unreachable!("text in memory is valid UTF-8: {e}"),
        }
    }

    fn check_block(&self, block: &TextBlock, covered_until: &mut u64, out: &mut Vec<Finding>) {
        let text = block.text.as_str();
        let norm = normalize(text, true);
        let mut tracker = block.start.clone();
        let mut walked = 0;
        for m in self.matcher.find(&norm, text) {
            if m.original.start >= block.report_until {
                break;
            }
            if block.offset + (m.original.start as u64) < *covered_until {
                continue;
            }
            *covered_until = block.offset + m.original.end as u64;
            for term in self.matcher.uses(&m, text) {
                let Some(rule) = exact_rule(term.status) else {
                    continue;
                };
                if !self.rules.contains(rule) {
                    continue;
                }
                tracker.advance(&text[walked..m.original.start]);
                walked = m.original.start;
                let mut end = tracker.clone();
                end.advance(&text[m.original.clone()]);
                let concept = &self.glossary.concepts[term.concept];
                let found = &text[m.original.clone()];
                let shown = found.split_whitespace().collect::<Vec<_>>().join(" ");
                let message = match term.status {
                    Status::Forbidden => format!(
                        "\"{shown}\" is a forbidden rendering of {}; use \"{}\"",
                        concept.label(),
                        concept.preferred()
                    ),
                    _ => format!(
                        "\"{shown}\" is a deprecated rendering of {}; use \"{}\"",
                        concept.label(),
                        concept.preferred()
                    ),
                };
                out.push(Finding {
                    rule,
                    severity: rule.info().severity,
                    concept: concept.id.clone(),
                    found: found.to_string(),
                    expected: concept.preferred().to_string(),
                    message,
                    note: concept.note.clone(),
                    context: context(text, m.original.clone()),
                    start: tracker.location(),
                    end: end.location(),
                    excerpt: line_excerpt(text, m.original.clone()),
                });
            }
        }
    }
}

/// The exact-form rule that reports a rendering of this status, if any.
fn exact_rule(status: Status) -> Option<Rule> {
    match status {
        Status::Forbidden => Some(Rule::ForbiddenTerm),
        Status::Deprecated => Some(Rule::DeprecatedTerm),
        Status::Preferred | Status::Admitted => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLOSSARY: &str = "\
id,preferred,deprecated,forbidden
ftu,Shanghai Federation of Trade Unions,Shanghai Trade Union,Municipal General Assembly
web,Workercn,,China Industrial Network
";

    fn summary(findings: &[Finding]) -> Vec<(u64, u64, u64, String)> {
        findings
            .iter()
            .map(|f| {
                (
                    f.start.line,
                    f.start.column,
                    f.start.byte_offset,
                    f.found.clone(),
                )
            })
            .collect()
    }

    /// Findings must not depend on where blocks are cut, even when cuts fall inside terms,
    /// inside long lines without paragraph breaks, and between CR and LF.
    #[test]
    fn block_boundaries_inside_terms_change_nothing() {
        let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").unwrap();
        let matcher = TermMatcher::new(&glossary);
        let checker = Checker::new(&glossary, &matcher, RuleSet::all());
        let mut text = String::new();
        for i in 0..60 {
            let sep = match i % 4 {
                0 => "\n\n",
                1 => " ",
                2 => "\r\n",
                _ => " 上海 ",
            };
            text.push_str(&format!(
                "Item {i}: the Municipal General\nAssembly and China Industrial Network and the \
                 Shanghai Federation of Trade Unions.{sep}"
            ));
        }
        let expected = checker.check_str(&text);
        assert_eq!(expected.len(), 120);
        for block in [97, 128, 150, 233, 400] {
            let small = Checker::new(&glossary, &matcher, RuleSet::all())
                .with_block_sizes(BlockSizes { block, overlap: 64 });
            let got = small.check_str(&text);
            assert_eq!(summary(&got), summary(&expected), "block size {block}");
        }
    }
}
