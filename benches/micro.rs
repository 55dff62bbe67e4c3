//! criterion micro-benchmarks of the hot paths on generated text (no external data):
//! normalization, exact matching, garbled-term candidate search, and building the compiled
//! glossary. `cargo bench --bench micro`; `cargo clippy --all-targets` only compiles them.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use termcheck::fuzzy::{FuzzyIndex, WordCache, DEFAULT_THRESHOLD};
use termcheck::glossary::Glossary;
use termcheck::matcher::TermMatcher;
use termcheck::normalize::normalize;

const SYLLABLES: &[&str] = &[
    "ker", "nel", "dev", "ice", "mod", "ule", "net", "work", "file", "sys", "tem", "buf", "fer",
    "con", "fig", "lock", "time", "stamp", "port", "dri", "ver", "page", "map", "queue",
];
const FILLER: &[&str] = &[
    "the", "a", "of", "to", "and", "is", "in", "that", "for", "when", "each", "returns", "value",
    "called", "with", "this", "be", "may", "which", "not",
];

/// A small deterministic generator (xorshift), so runs compare the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

fn word(rng: &mut Rng) -> String {
    (0..2 + rng.next() % 2)
        .map(|_| rng.pick(SYLLABLES))
        .collect()
}

/// `n` concepts: a two-word approved form and a closed-compound forbidden variant.
fn glossary(n: usize) -> (Glossary, Vec<(String, String)>) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut csv = String::from("id,preferred,forbidden\n");
    let mut terms = Vec::new();
    let mut seen = std::collections::HashSet::new();
    while terms.len() < n {
        let (a, b) = (word(&mut rng), word(&mut rng));
        let closed = format!("{a}{b}");
        if !seen.insert(closed.clone()) {
            continue;
        }
        csv.push_str(&format!("c{},{a} {b},{closed}\n", terms.len()));
        terms.push((format!("{a} {b}"), closed));
    }
    let glossary = Glossary::from_csv_text(&csv, "bench.csv").expect("generated glossary is valid");
    (glossary, terms)
}

/// About `bytes` of prose: filler words, glossary terms approved, forbidden and misspelt.
fn text(terms: &[(String, String)], bytes: usize) -> String {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut out = String::with_capacity(bytes + 100);
    while out.len() < bytes {
        for _ in 0..12 {
            out.push_str(rng.pick(FILLER));
            out.push(' ');
        }
        let (approved, forbidden) = &terms[rng.next() % terms.len()];
        match rng.next() % 4 {
            0 => out.push_str(forbidden),
            1 => {
                // One letter dropped: a garbled-term candidate.
                let at = 1 + rng.next() % (approved.len() - 2);
                if approved.is_char_boundary(at) && approved.as_bytes()[at] != b' ' {
                    out.push_str(&approved[..at]);
                    out.push_str(&approved[at + 1..]);
                } else {
                    out.push_str(approved);
                }
            }
            _ => out.push_str(approved),
        }
        out.push_str(if rng.next().is_multiple_of(8) {
            ".\n\n"
        } else {
            ". "
        });
    }
    out
}

fn benches(c: &mut Criterion) {
    let (glossary, terms) = glossary(1_000);
    let sample = text(&terms, 256 * 1024);
    let matcher = TermMatcher::new(&glossary);
    let fuzzy = FuzzyIndex::new(&glossary, DEFAULT_THRESHOLD);
    let norm = normalize(&sample, true);

    let mut group = c.benchmark_group("256KiB_1000_concepts");
    group.throughput(Throughput::Bytes(sample.len() as u64));
    group.sample_size(20);
    group.bench_function("normalize", |b| {
        b.iter(|| normalize(black_box(&sample), true))
    });
    group.bench_function("exact_match", |b| {
        b.iter(|| matcher.find(black_box(&norm), &sample))
    });
    group.bench_function("garbled_candidates", |b| {
        b.iter_batched_ref(
            WordCache::default,
            |words| {
                words.start_document();
                let mut fed = matcher.fed_by_words(&norm, &sample);
                fuzzy.find(black_box(&norm), &sample, &mut fed, words)
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();

    let mut group = c.benchmark_group("compile_1000_concepts");
    group.sample_size(10);
    group.bench_function("term_matcher", |b| {
        b.iter(|| TermMatcher::new(black_box(&glossary)))
    });
    group.bench_function("fuzzy_index", |b| {
        b.iter(|| FuzzyIndex::new(black_box(&glossary), DEFAULT_THRESHOLD))
    });
    group.finish();
}

criterion_group!(micro, benches);
criterion_main!(micro);
