//! Splitting a batch of documents into shards checked by separate processes or machines.
//!
//! A document belongs to shard `K` of `N` when the FNV-1a hash of its display path (the path as
//! reports name it, with `\` read as `/`) is `K - 1` modulo `N`. FNV-1a is fixed by its
//! specification, so the split is the same on every platform, run and build; Rust's standard
//! hasher is randomly seeded per process and would scatter a file over several shards.

use std::fmt;
use std::str::FromStr;

/// One shard of a batch: `index` of `count`, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    count: u64,
}

impl Shard {
    /// Shard `index` (1-based) of `count`; `None` unless `1 <= index <= count`.
    pub fn new(index: u64, count: u64) -> Option<Self> {
        (index >= 1 && index <= count).then_some(Shard { index, count })
    }

    /// The 1-based shard number.
    pub fn index(&self) -> u64 {
        self.index
    }

    /// How many shards the batch is split into.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Whether the document shown as `display` belongs to this shard.
    pub fn contains(&self, display: &str) -> bool {
        shard_of(display, self.count) == self.index
    }
}

/// The 1-based shard of `count` that the document shown as `display` belongs to.
pub fn shard_of(display: &str, count: u64) -> u64 {
    let hash = fnv1a64(display.bytes().map(|b| if b == b'\\' { b'/' } else { b }));
    hash % count.max(1) + 1
}

/// 64-bit FNV-1a (Fowler–Noll–Vo) of `bytes`.
pub fn fnv1a64(bytes: impl IntoIterator<Item = u8>) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.into_iter().fold(OFFSET_BASIS, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(PRIME)
    })
}

impl FromStr for Shard {
    type Err = String;

    /// Parses `K/N`, as in `--shard 2/8`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let usage = || format!("{s:?} is not K/N with 1 <= K <= N (for example 2/8)");
        let (k, n) = s.split_once('/').ok_or_else(usage)?;
        let k: u64 = k.trim().parse().map_err(|_| usage())?;
        let n: u64 = n.trim().parse().map_err(|_| usage())?;
        Shard::new(k, n).ok_or_else(usage)
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_vectors() {
        // Test vectors of the FNV reference implementation.
        assert_eq!(fnv1a64(*b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(*b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(*b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn parses_k_of_n_and_rejects_the_rest() {
        assert_eq!("2/8".parse::<Shard>(), Ok(Shard::new(2, 8).unwrap()));
        assert_eq!("1/1".parse::<Shard>().unwrap().to_string(), "1/1");
        for bad in ["0/3", "4/3", "3", "a/3", "1/0", "", "1/3/4", "-1/3"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn every_document_is_in_exactly_one_shard() {
        let names: Vec<String> = (0..500).map(|i| format!("docs/part{i}/file.txt")).collect();
        let n = 7;
        let mut sizes = vec![0usize; n as usize];
        for name in &names {
            let owners: Vec<u64> = (1..=n)
                .filter(|&k| Shard::new(k, n).unwrap().contains(name))
                .collect();
            assert_eq!(owners.len(), 1, "{name}");
            sizes[owners[0] as usize - 1] += 1;
        }
        // The hash spreads them: no shard is empty or holds more than twice its share.
        assert!(
            sizes.iter().all(|&s| s > 0 && s < 2 * 500 / n as usize),
            "{sizes:?}"
        );
    }

    #[test]
    fn the_split_is_fixed_and_ignores_the_path_separator() {
        // Fixed values: a change here moves files between shards of existing CI jobs.
        assert_eq!(shard_of("docs/a.txt", 4), 1);
        assert_eq!(shard_of("batch/d0/f00.txt", 4), 4);
        assert_eq!(shard_of("docs\\a.txt", 4), shard_of("docs/a.txt", 4));
        assert_eq!(shard_of("anything", 1), 1);
    }
}
