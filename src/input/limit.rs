//! The largest input termcheck reads (`--max-file-size`), so that a stray multi-gigabyte file
//! or an endless stream is an error naming it, not a run that never ends.

use std::fmt;
use std::io::{self, Read};

/// The default limit: 1 GiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 1 << 30;

/// Parses a size: a number of bytes, or a number with `K`, `M`, `G` or `T` (binary multiples:
/// `1M` is 1,048,576 bytes; `KiB`, `MB`… are read the same way).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("{s:?} is not a size (bytes, or a number with K, M, G or T)"))?;
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        "T" | "TB" | "TIB" => 40,
        _ => return Err(format!("{s:?}: unknown unit (use K, M, G or T)")),
    };
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("{s:?} is too large"))
}

/// A size for people: exact binary multiples as `100 MiB`, anything else in bytes.
pub fn format_size(bytes: u64) -> String {
    for (shift, unit) in [(40, "TiB"), (30, "GiB"), (20, "MiB"), (10, "KiB")] {
        if bytes >= 1 << shift && bytes.is_multiple_of(1 << shift) {
            return format!("{} {unit}", bytes >> shift);
        }
    }
    format!("{bytes} bytes")
}

/// An input larger than the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge {
    /// Its size when known (a file); `None` for a stream stopped at the limit.
    pub size: Option<u64>,
    /// The limit.
    pub limit: u64,
}

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let limit = with_bytes(self.limit);
        match self.size {
            Some(size) => write!(
                f,
                "{} is larger than --max-file-size {limit}",
                with_bytes(size)
            ),
            None => write!(f, "more than --max-file-size {limit} read; stopped reading"),
        }
    }
}

/// `1 GiB (1073741824 bytes)`, or `1500 bytes`.
fn with_bytes(bytes: u64) -> String {
    let human = format_size(bytes);
    if human.ends_with(" bytes") {
        human
    } else {
        format!("{human} ({bytes} bytes)")
    }
}

impl std::error::Error for TooLarge {}

/// Checks a file's size (from its metadata) against `limit`.
pub fn check_size(size: u64, limit: u64) -> Result<(), TooLarge> {
    if size > limit {
        Err(TooLarge {
            size: Some(size),
            limit,
        })
    } else {
        Ok(())
    }
}

/// A reader that fails with [`TooLarge`] once more than `limit` bytes come through: standard
/// input, and files that grow while read.
#[derive(Debug)]
pub struct Limited<R> {
    inner: R,
    left: u64,
    limit: u64,
}

impl<R> Limited<R> {
    /// Wraps `inner`.
    pub fn new(inner: R, limit: u64) -> Self {
        Limited {
            inner,
            left: limit,
            limit,
        }
    }
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // One byte more than allowed tells "exactly the limit" from "past it".
        let room = usize::try_from(self.left.saturating_add(1)).unwrap_or(usize::MAX);
        let len = buf.len().min(room);
        let n = self.inner.read(&mut buf[..len])?;
        if n as u64 > self.left {
            return Err(io::Error::other(TooLarge {
                size: None,
                limit: self.limit,
            }));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_size("1024"), Ok(1024));
        assert_eq!(parse_size("100M"), Ok(100 << 20));
        assert_eq!(parse_size("2G"), Ok(2 << 30));
        assert_eq!(parse_size("3KiB"), Ok(3 << 10));
        assert_eq!(parse_size("1 T"), Ok(1 << 40));
        assert!(parse_size("M").is_err());
        assert!(parse_size("10X").is_err());
        assert!(parse_size("99999999999999999999").is_err());
        assert!(parse_size("99999999999T").is_err());
        assert_eq!(format_size(1 << 30), "1 GiB");
        assert_eq!(format_size(1500), "1500 bytes");
    }

    #[test]
    fn the_limited_reader_allows_exactly_the_limit() {
        let mut out = Vec::new();
        Limited::new(&b"abcd"[..], 4).read_to_end(&mut out).unwrap();
        assert_eq!(out, b"abcd");
        let err = Limited::new(&b"abcde"[..], 4)
            .read_to_end(&mut Vec::new())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "more than --max-file-size 4 bytes read; stopped reading"
        );
    }
}
