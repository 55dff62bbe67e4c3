//! The offset map: every normalized range maps back to a span on character boundaries of the
//! original text, in order, and normalizing that span gives back the normalized range.
#![no_main]

use libfuzzer_sys::fuzz_target;
use termcheck::normalize::normalize;

fuzz_target!(|data: (bool, &str)| {
    let (fold, original) = data;
    let normalized = normalize(original, fold);
    let text = &normalized.text;
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let mut previous = 0;
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(text.len());
        if text[start..end].trim().is_empty() {
            continue;
        }
        let span = normalized.original_span(start..end, original);
        assert!(original.is_char_boundary(span.start) && original.is_char_boundary(span.end));
        assert!(span.start < span.end && span.start >= previous.min(span.start));
        previous = span.start;
    }
    // Whole words: the span of the normalized text's first word, normalized alone, is that word.
    if let Some(word) = text.split(' ').find(|w| !w.is_empty()) {
        let at = text.find(word).unwrap();
        let span = normalized.original_span(at..at + word.len(), original);
        let again = normalize(&original[span], fold);
        assert!(
            again.text.contains(word),
            "{word:?} not in {:?}",
            again.text
        );
    }
});
