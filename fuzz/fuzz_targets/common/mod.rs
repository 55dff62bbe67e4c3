//! What every segment reader's fuzz target checks: a reader never panics, and every location
//! its segments' offset maps give lies within the input, at a valid line and column, and (for
//! UTF-8 input) on a character boundary of it.
#![allow(dead_code)]

use termcheck::location::Location;
use termcheck::segment::{MappedText, SegmentResult};

/// Checks one location against the input.
pub fn check_location(l: Location, data: &[u8], utf8: Option<&str>) {
    assert!(l.line >= 1 && l.column >= 1, "{l:?}");
    let at = l.byte_offset as usize;
    assert!(
        at <= data.len(),
        "{l:?} past the end ({} bytes)",
        data.len()
    );
    if let Some(text) = utf8 {
        assert!(text.is_char_boundary(at), "{l:?} inside a character");
    }
}

/// Checks the offset map of `text` at its end and at up to 64 character boundaries spread over
/// it (each lookup walks its piece, so all of them would be quadratic in a long text).
pub fn check_mapped(text: &MappedText, data: &[u8], utf8: Option<&str>) {
    check_location(text.start(), data, utf8);
    let plain = text.text();
    let step = (plain.len() / 64).max(1);
    let mut next = 0;
    let boundaries = plain.char_indices().map(|(i, _)| i).filter(move |&i| {
        let take = i >= next;
        if take {
            next = i + step;
        }
        take
    });
    for i in boundaries.chain(std::iter::once(plain.len())) {
        check_location(text.location(i), data, utf8);
        check_location(text.end_location(i), data, utf8);
        if i > 0 {
            let (start, end) = text.span(0..i);
            assert!(
                start.byte_offset <= end.byte_offset,
                "{start:?} after {end:?}"
            );
        }
    }
}

/// Reads every segment (up to the first error) and checks its locations. `utf8` is the input
/// as text when it is UTF-8 and read as UTF-8 (character boundaries are then checked).
pub fn check_segments(
    segments: impl IntoIterator<Item = SegmentResult>,
    data: &[u8],
    utf8: Option<&str>,
) {
    for segment in segments {
        let Ok(segment) = segment else {
            if let Err(e) = segment {
                if let Some(l) = e.location {
                    assert!(l.byte_offset as usize <= data.len(), "{e:?}");
                }
            }
            return;
        };
        check_location(segment.location, data, utf8);
        for text in [&segment.source, &segment.target].into_iter().flatten() {
            check_mapped(text, data, utf8);
        }
    }
}

/// `data` as text when it is valid UTF-8 (with or without a byte-order mark) and `read_as_utf8`.
pub fn utf8(data: &[u8], read_as_utf8: bool) -> Option<&str> {
    std::str::from_utf8(data).ok().filter(|_| read_as_utf8)
}
