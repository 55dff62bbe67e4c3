//! Stable identities for findings and content hashes for glossaries.
//!
//! A finding's fingerprint must survive edits elsewhere in the file: a line inserted above it
//! moves its line number, so the line is not part of it. It is built from what the finding *is*
//! — its rule, concept, the text found and the sentence around it, both normalized — and, to
//! tell identical findings in one file apart, how many identical ones come before it. SARIF
//! viewers (`partialFingerprints`), the JSON reports and baselines (version 2, with the file
//! beside it) use it to recognise a finding they have seen: it is the one fingerprint of a
//! finding. Version 1 baselines had their own FNV-1a scheme, still read by [`crate::baseline`].
//!
//! Every function here is pure: same input, same output, on every platform and version of
//! termcheck that keeps [`FINGERPRINT_VERSION`].

use std::collections::HashMap;

use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::finding::Finding;

/// Name of the fingerprint scheme; changes whenever the fingerprint of a finding would.
pub const FINGERPRINT_VERSION: &str = "termcheck/v1";

/// Lower-case hexadecimal SHA-256 of `bytes` (glossary content hashes).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Text as the fingerprint sees it: NFKC, lower case, curly quotes straightened, every run of
/// whitespace one space, trimmed. Reflowing a paragraph or retyping a quote keeps the finding.
pub fn normalize_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfkc().flat_map(char::to_lowercase) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
            other => other,
        });
    }
    out
}

/// What identifies a finding apart from its position: rule id, concept id, normalized found
/// text and normalized context. Findings with the same key in one file differ only by their
/// occurrence index.
pub fn finding_key(finding: &Finding) -> String {
    // U+001F (unit separator) cannot occur in normalized text of a finding's fields, which
    // holds no control characters, so the parts never run into each other.
    [
        finding.rule.id(),
        finding.concept.as_str(),
        &normalize_text(&finding.found),
        &normalize_text(&finding.context),
    ]
    .join("\u{1f}")
}

/// The fingerprint of the finding with `key` (see [`finding_key`]) that is the
/// `occurrence`-th (0-based) with that key in its file: 32 hex digits (128 bits of SHA-256).
pub fn fingerprint(key: &str, occurrence: usize) -> String {
    let mut hasher = Sha256::new();
    hasher.update(FINGERPRINT_VERSION.as_bytes());
    hasher.update([0x1f]);
    hasher.update(key.as_bytes());
    hasher.update([0x1f]);
    hasher.update(occurrence.to_string().as_bytes());
    hex(&hasher.finalize()[..16])
}

/// The fingerprints of one file's findings, in the order given (report order: by position),
/// numbering the occurrences of each key from 0.
pub fn file_fingerprints<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Vec<String> {
    let mut numbering = FileFingerprints::default();
    findings.into_iter().map(|f| numbering.next(f)).collect()
}

/// [`file_fingerprints`] one finding at a time, for reports that stream their findings.
///
/// It remembers a 128-bit digest of each key seen (not the key), so that numbering the
/// occurrences of a file with many findings takes a few dozen bytes per distinct finding.
#[derive(Debug, Default)]
pub struct FileFingerprints {
    seen: HashMap<[u8; 16], usize>,
}

impl FileFingerprints {
    /// The fingerprint of `finding`, the next finding of the file in report order.
    pub fn next(&mut self, finding: &Finding) -> String {
        let key = finding_key(finding);
        let digest: [u8; 16] = Sha256::digest(key.as_bytes())[..16]
            .try_into()
            .expect("16 bytes");
        let n = self.seen.entry(digest).or_insert(0);
        let print = fingerprint(&key, *n);
        *n += 1;
        print
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use crate::location::Location;
    use crate::rules::Rule;

    fn finding(found: &str, context: &str, line: u64) -> Finding {
        let at = |line, column| Location {
            line,
            column,
            byte_offset: line * 100 + column,
        };
        Finding {
            rule: Rule::ForbiddenTerm,
            severity: Severity::Error,
            concept: "workercn".into(),
            found: found.into(),
            expected: "Workercn".into(),
            message: "m".into(),
            note: String::new(),
            context: context.into(),
            start: at(line, 3),
            end: at(line, 8),
            excerpt: Default::default(),
            score: None,
            unit: None,
        }
    }

    #[test]
    fn sha256_of_known_input() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn normalization_folds_case_space_quotes_and_width() {
        assert_eq!(
            normalize_text("  The\u{a0}CAMCE’s\n  site "),
            "the camce's site"
        );
        assert_eq!(normalize_text("ＣＡＭＣＥ"), "camce");
    }

    #[test]
    fn the_line_does_not_change_the_fingerprint_but_the_text_does() {
        let a = file_fingerprints([&finding("CAMCE", "The CAMCE site.", 2)]);
        let moved = file_fingerprints([&finding("CAMCE", "The  CAMCE\nsite.", 9)]);
        assert_eq!(a, moved);
        assert_eq!(a[0].len(), 32);
        let other = file_fingerprints([&finding("CAMCE", "Another CAMCE site.", 2)]);
        assert_ne!(a, other);
    }

    /// Baselines store fingerprints: a change to this value breaks every stored baseline, so it
    /// must come with a new [`FINGERPRINT_VERSION`].
    #[test]
    fn the_v1_scheme_is_pinned() {
        let f = finding("CAMCE", "The CAMCE site.", 2);
        assert_eq!(
            finding_key(&f),
            "forbidden-term\u{1f}workercn\u{1f}camce\u{1f}the camce site."
        );
        assert_eq!(
            file_fingerprints([&f])[0],
            "ab9b05705f276fe980958abff93d9a6f"
        );
    }

    #[test]
    fn identical_findings_in_a_file_are_told_apart_by_occurrence() {
        let f = finding("CAMCE", "The CAMCE site.", 2);
        let g = finding("CAMCE", "The CAMCE site.", 5);
        let prints = file_fingerprints([&f, &g]);
        assert_ne!(prints[0], prints[1]);
        assert_eq!(prints[0], file_fingerprints([&g])[0]);
    }
}
