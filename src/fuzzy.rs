//! Garbled terms: near-misses of approved renderings, found through an index, not by comparing
//! every window of text with every term.
//!
//! Every word of an approved rendering gets a weight from how few concepts use it (inverse
//! document frequency over the glossary): "Shanghai" and "Federation" say which concept
//! "Shanghai Federation of Trade Unions" is, "of" and "trade" do not. The words that weigh
//! most in a rendering are its *identity* words. Words of the text are looked up exactly, by
//! lemma (a lost or added plural) and by a one-edit deletion index (typos); only where two
//! words of one rendering, one of them an identity word, appear close together (or a single-word
//! rendering is near-missed) is a window of text compared with that rendering. A window is a
//! garbled term when it keeps every identity word, replaces no word of the rendering with a
//! different content word (that is another entity: "Guangdong Federation of Trade Unions"), and
//! scores above the threshold, while not being any rendering the glossary lists.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use crate::glossary::Glossary;
use crate::normalize::{is_word_char, normalize_key, Normalized};
use crate::tokens::{tokenize, Token};

/// Default minimum similarity for a garbled term.
pub const DEFAULT_THRESHOLD: f64 = 0.8;

/// How far apart (in words) two words of one rendering may be in the text to propose it.
const PAIR_REACH: usize = 3;
/// A word weighing at least this share of the heaviest word of its rendering is an identity word.
const IDENTITY_SHARE: f32 = 0.75;
/// Words shorter than this are compared exactly (no typo tolerance: "of" is not "or").
const MIN_FUZZY_LEN: usize = 4;

/// How a word of the text relates to a word of the glossary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Likeness {
    Same,
    /// Same lemma, different number ("union" for "unions").
    Inflected,
    /// One insertion, deletion, substitution or transposition away.
    Typo,
}

impl Likeness {
    fn similarity(self) -> f32 {
        match self {
            Likeness::Same => 1.0,
            Likeness::Inflected => 0.9,
            Likeness::Typo => 0.8,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordMatch {
    word: u32,
    likeness: Likeness,
}

#[derive(Debug, Clone)]
struct RenderingWord {
    word: u32,
    possessive: bool,
    hyphenated: bool,
    identity: bool,
    has_digit: bool,
}

#[derive(Debug, Clone)]
struct IndexedRendering {
    concept: usize,
    rendering: usize,
    words: Vec<RenderingWord>,
    /// Word positions, heaviest first (the order in which words are aligned).
    by_weight: Vec<usize>,
    /// The normalized rendering, to skip its exact occurrences quickly.
    key: String,
    /// Written without capitals: a common noun, whose head may inflect ("a model worker").
    common_noun: bool,
}

/// The glossary's approved renderings, indexed for near-miss search. Built once per run.
#[derive(Debug)]
pub struct FuzzyIndex {
    vocabulary: HashMap<String, u32>,
    weights: Vec<f32>,
    by_lemma: HashMap<String, Vec<u32>>,
    /// Each word (of at least [`MIN_FUZZY_LEN`] characters, without digits) and every string one
    /// deletion away from it, to the words it stands for.
    by_deletion: HashMap<String, Vec<u32>>,
    words: Vec<String>,
    renderings: Vec<IndexedRendering>,
    /// Pairs of words (one an identity word) to the renderings holding both.
    by_pair: HashMap<(u32, u32), Vec<u32>>,
    /// Single-word renderings by their word.
    by_single: HashMap<u32, Vec<u32>>,
    /// Per word: every rendering holding it is a common noun without hyphens, so only a
    /// misspelled or split word nearby can make a garbled form of it.
    needs_damage: Vec<bool>,
    /// Most words in a rendering.
    longest: usize,
    threshold: f64,
}

/// A near-miss found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct GarbledMatch {
    /// Byte span in the normalized text.
    pub normalized: Range<usize>,
    /// Index of the concept in the glossary.
    pub concept: usize,
    /// Index of the approved rendering it misses, in the concept.
    pub rendering: usize,
    /// Similarity in 0..=1.
    pub score: f64,
}

impl FuzzyIndex {
    /// Indexes the approved renderings of `glossary`; `threshold` is the minimum similarity.
    pub fn new(glossary: &Glossary, threshold: f64) -> Self {
        let mut index = FuzzyIndex {
            vocabulary: HashMap::default(),
            weights: Vec::new(),
            by_lemma: HashMap::default(),
            by_deletion: HashMap::default(),
            words: Vec::new(),
            renderings: Vec::new(),
            by_pair: HashMap::default(),
            by_single: HashMap::default(),
            needs_damage: Vec::new(),
            longest: 0,
            threshold,
        };
        // Document frequency of a word: how many concepts use it in an approved rendering.
        let mut concepts_using: Vec<u32> = Vec::new();
        let mut tokenized: Vec<(usize, usize, String, Vec<Token>)> = Vec::new();
        for (ci, concept) in glossary.concepts.iter().enumerate() {
            let mut seen: HashSet<u32> = HashSet::default();
            for (ri, r) in concept.renderings.iter().enumerate() {
                if !r.status.is_approved() {
                    continue;
                }
                let key = normalize_key(&r.text, true);
                let tokens = tokenize(&key);
                for t in &tokens {
                    let id = index.intern(t.word(&key));
                    if seen.insert(id) {
                        if concepts_using.len() <= id as usize {
                            concepts_using.resize(id as usize + 1, 0);
                        }
                        concepts_using[id as usize] += 1;
                    }
                }
                tokenized.push((ci, ri, key, tokens));
            }
        }
        let n = glossary.concepts.len().max(1) as f32;
        index.weights = concepts_using
            .iter()
            .map(|&df| ((n + 1.0) / (df as f32 + 0.5)).ln().max(0.1))
            .collect();
        for (ci, ri, key, tokens) in tokenized {
            if tokens.is_empty() {
                continue;
            }
            let heaviest = tokens
                .iter()
                .map(|t| index.weights[index.vocabulary[t.word(&key)] as usize])
                .fold(0.0f32, f32::max);
            let words: Vec<RenderingWord> = tokens
                .iter()
                .map(|t| {
                    let word = index.vocabulary[t.word(&key)];
                    let has_digit = t.word(&key).chars().any(|c| c.is_numeric());
                    RenderingWord {
                        word,
                        possessive: t.possessive,
                        hyphenated: t.hyphenated,
                        identity: has_digit
                            || index.weights[word as usize] >= IDENTITY_SHARE * heaviest,
                        has_digit,
                    }
                })
                .collect();
            let text = &glossary.concepts[ci].renderings[ri].text;
            let id = index.renderings.len() as u32;
            if words.len() == 1 {
                index.by_single.entry(words[0].word).or_default().push(id);
            } else {
                let mut pairs: Vec<(u32, u32)> = Vec::new();
                for a in words.iter().filter(|w| w.identity) {
                    for b in &words {
                        if a.word != b.word {
                            pairs.push((a.word.min(b.word), a.word.max(b.word)));
                        }
                    }
                }
                pairs.sort_unstable();
                pairs.dedup();
                for pair in pairs {
                    index.by_pair.entry(pair).or_default().push(id);
                }
            }
            let mut by_weight: Vec<usize> = (0..words.len()).collect();
            by_weight.sort_by(|&a, &b| {
                index.weights[words[b].word as usize]
                    .total_cmp(&index.weights[words[a].word as usize])
            });
            index.renderings.push(IndexedRendering {
                concept: ci,
                rendering: ri,
                by_weight,
                key: key.clone(),
                words,
                common_noun: !text.chars().any(char::is_uppercase),
            });
        }
        index.needs_damage = vec![true; index.words.len()];
        for r in &index.renderings {
            index.longest = index.longest.max(r.words.len());
            let fixed_form = !r.common_noun || r.words.iter().any(|w| w.hyphenated);
            if fixed_form {
                for w in &r.words {
                    index.needs_damage[w.word as usize] = false;
                }
            }
        }
        for (id, word) in index.words.clone().iter().enumerate() {
            let id = id as u32;
            index.by_lemma.entry(lemma(word)).or_default().push(id);
            if fuzzy_eligible(word) {
                for key in std::iter::once(word.clone()).chain(deletions(word)) {
                    let ids = index.by_deletion.entry(key).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
        }
        index
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.vocabulary.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.to_string());
        self.vocabulary.insert(word.to_string(), id);
        id
    }

    /// Every near-miss of an approved rendering in `norm`. `listed` says whether a normalized
    /// text is a rendering the glossary lists (those are never garbled). `cache` remembers
    /// lookups of words across calls for one document.
    pub fn find(
        &self,
        norm: &Normalized,
        listed: &dyn Fn(&str) -> bool,
        cache: &mut WordCache,
    ) -> Vec<GarbledMatch> {
        if self.renderings.is_empty() {
            return Vec::new();
        }
        let text = norm.text.as_str();
        let tokens = self.merge_split_words(text, tokenize(text));
        for t in &tokens {
            match cache.counts.get_mut(t.text.as_ref()) {
                Some(n) => *n += 1,
                None => {
                    cache.counts.insert(t.text.to_string(), 1);
                }
            }
        }
        let mut matches = Matches {
            flat: Vec::with_capacity(tokens.len()),
            ranges: Vec::with_capacity(tokens.len()),
        };
        for t in &tokens {
            let start = matches.flat.len();
            self.lookup_into(&t.text, cache, &mut matches.flat);
            // A typo is rare: a word the document writes as often as (or more often than) the
            // glossary word it resembles is a word of its own ("used", "user").
            let n = cache.count(&t.text);
            let mut kept = start;
            for k in start..matches.flat.len() {
                let m = matches.flat[k];
                if m.likeness != Likeness::Typo
                    || n <= 2
                    || n * 4 <= cache.count(&self.words[m.word as usize])
                {
                    matches.flat[kept] = m;
                    kept += 1;
                }
            }
            matches.flat.truncate(kept);
            matches.ranges.push(start as u32..kept as u32);
        }
        // Damage a common noun can show: a misspelled word or a word written apart. Counting
        // the words showing it lets most candidate windows be skipped without a comparison.
        let mut damaged_before: Vec<u32> = Vec::with_capacity(tokens.len() + 1);
        damaged_before.push(0);
        for (i, t) in tokens.iter().enumerate() {
            let damaged = t.merged || matches.of(i).iter().any(|m| m.likeness == Likeness::Typo);
            damaged_before.push(damaged_before[i] + u32::from(damaged));
        }
        let mut tried: HashSet<(u32, usize)> = HashSet::default();
        let mut found: Vec<GarbledMatch> = Vec::new();
        let mut consider = |rendering: u32, seed: usize, found: &mut Vec<GarbledMatch>| {
            let r = &self.renderings[rendering as usize];
            if r.common_noun && !r.words.iter().any(|w| w.hyphenated) {
                let from = seed.saturating_sub(r.words.len());
                let to = (seed + r.words.len() + 1).min(tokens.len());
                if damaged_before[to] == damaged_before[from] {
                    return;
                }
            }
            if tried.insert((rendering, seed)) {
                if let Some(m) = self.verify(rendering, seed, &tokens, &matches, text, listed) {
                    found.push(m);
                }
            }
        };
        let reach = self.longest + PAIR_REACH;
        for i in 0..tokens.len() {
            let damage_near = {
                let to = (i + reach + 1).min(tokens.len());
                damaged_before[to] != damaged_before[i.saturating_sub(reach)]
            };
            for a in matches.of(i) {
                if !damage_near && self.needs_damage[a.word as usize] {
                    continue;
                }
                let near_miss = a.likeness != Likeness::Same || tokens[i].merged;
                if near_miss {
                    for &r in self.by_single.get(&a.word).into_iter().flatten() {
                        consider(r, i, &mut found);
                    }
                }
                for j in i + 1..tokens.len().min(i + 1 + PAIR_REACH) {
                    for b in matches.of(j) {
                        let key = (a.word.min(b.word), a.word.max(b.word));
                        for &r in self.by_pair.get(&key).into_iter().flatten() {
                            consider(r, i, &mut found);
                        }
                    }
                }
            }
        }
        select(found)
    }

    /// Joins two neighbouring words whose concatenation is a glossary word ("we chat" →
    /// "wechat"), so that broken spacing and hyphenation are seen.
    fn merge_split_words<'t>(&self, text: &'t str, tokens: Vec<Token>) -> Vec<TextWord<'t>> {
        let mut out: Vec<TextWord> = Vec::with_capacity(tokens.len());
        let mut i = 0;
        let mut joined = String::new();
        while i < tokens.len() {
            let t = &tokens[i];
            if let Some(next) = tokens.get(i + 1) {
                if !t.possessive {
                    joined.clear();
                    joined.push_str(t.word(text));
                    joined.push_str(next.word(text));
                    let known_alone = self.vocabulary.contains_key(t.word(text))
                        && self.vocabulary.contains_key(next.word(text));
                    if !known_alone && self.vocabulary.contains_key(joined.as_str()) {
                        out.push(TextWord {
                            text: Cow::Owned(joined.clone()),
                            span: t.span.start..next.span.end,
                            word_end: next.word.end,
                            possessive: next.possessive,
                            hyphenated: t.hyphenated,
                            merged: true,
                        });
                        i += 2;
                        continue;
                    }
                }
            }
            out.push(TextWord {
                text: Cow::Borrowed(t.word(text)),
                span: t.span.clone(),
                word_end: t.word.end,
                possessive: t.possessive,
                hyphenated: t.hyphenated,
                merged: false,
            });
            i += 1;
        }
        out
    }

    /// Appends the glossary words a word of the text stands for: itself, another number of
    /// it, or a word one typo away.
    fn lookup_into(&self, word: &str, cache: &mut WordCache, out: &mut Vec<WordMatch>) {
        if let Some(&id) = self.vocabulary.get(word) {
            out.push(WordMatch {
                word: id,
                likeness: Likeness::Same,
            });
            return;
        }
        if let Some(hit) = cache.lookups.get(word) {
            out.extend_from_slice(hit);
            return;
        }
        let mut found: Vec<WordMatch> = Vec::new();
        for &id in self.by_lemma.get(&lemma(word)).into_iter().flatten() {
            found.push(WordMatch {
                word: id,
                likeness: Likeness::Inflected,
            });
        }
        if found.is_empty() && fuzzy_eligible(word) {
            let mut candidates: Vec<u32> = Vec::new();
            for key in std::iter::once(word.to_string()).chain(deletions(word)) {
                for &id in self.by_deletion.get(&key).into_iter().flatten() {
                    if !candidates.contains(&id) {
                        candidates.push(id);
                    }
                }
            }
            candidates.sort_unstable();
            for id in candidates {
                if strsim::osa_distance(word, &self.words[id as usize]) == 1 {
                    found.push(WordMatch {
                        word: id,
                        likeness: Likeness::Typo,
                    });
                }
            }
        }
        out.extend_from_slice(&found);
        cache.lookups.insert(word.to_string(), found);
    }

    /// Compares the windows of text around word `seed` with rendering `rendering`; returns
    /// the best window if it is a garbled form of the rendering.
    fn verify(
        &self,
        rendering: u32,
        seed: usize,
        tokens: &[TextWord],
        matches: &Matches,
        text: &str,
        listed: &dyn Fn(&str) -> bool,
    ) -> Option<GarbledMatch> {
        let r = &self.renderings[rendering as usize];
        let n = r.words.len();
        // The rendering itself, written exactly, starting near the seed: nothing to compare.
        for token in &tokens[seed.saturating_sub(n)..=seed] {
            let at = token.span.start;
            let ends_word = || {
                text[at + r.key.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_word_char(c))
            };
            if text[at..].starts_with(r.key.as_str()) && ends_word() {
                return None;
            }
        }
        let mut best: Option<(f32, Range<usize>, Vec<Option<usize>>)> = None;
        let first_start = seed.saturating_sub(n);
        for start in first_start..=seed {
            for len in n.saturating_sub(1).max(1)..=n + 1 {
                let end = start + len;
                if end > tokens.len() || end <= seed {
                    continue;
                }
                let Some((score, alignment)) = self.align(r, start..end, tokens, matches) else {
                    continue;
                };
                let better = match &best {
                    None => true,
                    Some((s, span, _)) => score > *s || (score == *s && len < span.len()),
                };
                if better {
                    best = Some((score, start..end, alignment));
                }
            }
        }
        let (score, window, alignment) = best?;
        if f64::from(score) < self.threshold {
            return None;
        }
        if !self.differs(r, &window, &alignment, tokens) {
            return None;
        }
        let last = &tokens[window.end - 1];
        let last_rendering_word = alignment
            .iter()
            .position(|&w| w == Some(window.end - 1))
            .map(|k| &r.words[k]);
        // A possessive after the term is grammar, not damage, unless the rendering has one.
        let end = match last_rendering_word {
            Some(w) if w.possessive => last.span.end,
            _ => last.word_end,
        };
        let span = tokens[window.start].span.start..end;
        if listed(&text[span.clone()])
            || listed(&text[tokens[window.start].span.start..last.span.end])
        {
            return None;
        }
        Some(GarbledMatch {
            normalized: span,
            concept: r.concept,
            rendering: r.rendering,
            score: (f64::from(score) * 100.0).round() / 100.0,
        })
    }

    /// Scores a window of words against a rendering; `None` when it cannot be a garbled form
    /// of it (an identity word or a number is missing, a content word is replaced, the window
    /// starts or ends with a word that is not part of the term). The alignment gives, for each
    /// word of the rendering, the window word matched to it.
    fn align(
        &self,
        r: &IndexedRendering,
        window: Range<usize>,
        tokens: &[TextWord],
        matches: &Matches,
    ) -> Option<(f32, Vec<Option<usize>>)> {
        let mut used = vec![false; window.len()];
        let mut alignment: Vec<Option<usize>> = vec![None; r.words.len()];
        let mut matched = 0.0f32;
        let mut total = 0.0f32;
        for &k in &r.by_weight {
            let rw = &r.words[k];
            let weight = self.weights[rw.word as usize];
            total += weight;
            let mut best: Option<(usize, f32)> = None;
            for (offset, ti) in window.clone().enumerate() {
                if used[offset] {
                    continue;
                }
                let Some(m) = matches.of(ti).iter().find(|m| m.word == rw.word) else {
                    continue;
                };
                if rw.has_digit && m.likeness != Likeness::Same {
                    continue;
                }
                let mut sim = m.likeness.similarity();
                if r.common_noun && m.likeness == Likeness::Inflected {
                    sim = 1.0; // grammar, see `differs`
                }
                let grammatical_possessive =
                    r.common_noun || (offset + 1 == window.len() && !rw.possessive);
                if tokens[ti].possessive != rw.possessive && !grammatical_possessive {
                    sim -= 0.1;
                }
                // Prefer the word in the rendering's own position among equals.
                let in_place = offset == k;
                if best.is_none_or(|(_, s)| sim > s || (sim == s && in_place)) {
                    best = Some((offset, sim));
                }
            }
            match best {
                Some((offset, sim)) => {
                    used[offset] = true;
                    alignment[k] = Some(window.start + offset);
                    matched += weight * sim;
                }
                None if rw.identity => return None,
                None => {}
            }
        }
        let missing: Vec<usize> = (0..r.words.len())
            .filter(|&k| alignment[k].is_none())
            .collect();
        let extra: Vec<usize> = (0..window.len()).filter(|&o| !used[o]).collect();
        // Common nouns are ordinary English: "maximum battery temperature" is not a garbled
        // "maximum temperature", nor "register shift" a garbled "shift register". Only names
        // have a fixed wording whose dropped, added or swapped words are damage.
        if r.common_noun {
            let in_order = alignment
                .iter()
                .enumerate()
                .all(|(k, a)| *a == Some(window.start + k));
            if !missing.is_empty() || !extra.is_empty() || !in_order {
                return None;
            }
        }
        if !missing.is_empty() && r.words.len() < 3 {
            return None;
        }
        if !used[0] || !used[window.len() - 1] {
            return None;
        }
        // The window's edge words must be the rendering's own edges or content words: a
        // function word next to the term ("the 18th National Congress…") is not part of it.
        for (edge, rendering_edge) in [(window.start, 0), (window.end - 1, r.words.len() - 1)] {
            let k = alignment
                .iter()
                .position(|&a| a == Some(edge))
                .expect("edge words are used");
            if k != rendering_edge && self.words[r.words[k].word as usize].chars().count() <= 3 {
                return None;
            }
        }
        // A rendering word replaced by another word is another entity, unless both are
        // short function words ("of" for "for").
        let short = |s: &str| s.chars().count() <= 3;
        if !missing.is_empty() && !extra.is_empty() {
            let all_short = missing
                .iter()
                .all(|&k| short(&self.words[r.words[k].word as usize]))
                && extra.iter().all(|&o| short(&tokens[window.start + o].text));
            if !all_short {
                return None;
            }
        }
        let lightest = r
            .words
            .iter()
            .map(|w| self.weights[w.word as usize])
            .fold(f32::MAX, f32::min);
        total += extra.len() as f32 * 0.5 * lightest;
        Some((matched / total, alignment))
    }

    /// Whether a window aligned with a rendering differs from it in a way that makes it a
    /// garbled form, not the rendering itself nor grammar. Names have a fixed form: any change
    /// is damage. Common nouns are English phrases: inflection, possessives and a hyphen in a
    /// compound modifier ("base-address register") are grammar; a misspelled word, a dropped
    /// hyphen of the glossary's form, or a closed compound split apart are damage.
    fn differs(
        &self,
        r: &IndexedRendering,
        window: &Range<usize>,
        alignment: &[Option<usize>],
        tokens: &[TextWord],
    ) -> bool {
        let n = r.words.len();
        if window.len() != n || alignment.iter().any(Option::is_none) {
            return true; // a word dropped or added (names only, see `align`)
        }
        for (k, rw) in r.words.iter().enumerate() {
            let ti = alignment[k].expect("all aligned");
            let t = &tokens[ti];
            if ti != window.start + k {
                return true; // words swapped (names only)
            }
            let glossary_word = &self.words[rw.word as usize];
            let misspelled = t.text != *glossary_word && lemma(&t.text) != lemma(glossary_word);
            if misspelled || t.merged {
                return true;
            }
            let inflected = t.text != *glossary_word;
            let hyphen_dropped = k > 0 && rw.hyphenated && !t.hyphenated;
            let hyphen_added = k > 0 && !rw.hyphenated && t.hyphenated;
            let possessive_differs = if k + 1 < n {
                t.possessive != rw.possessive
            } else {
                rw.possessive && !t.possessive
            };
            if r.common_noun {
                if hyphen_dropped {
                    return true;
                }
            } else if inflected || hyphen_dropped || hyphen_added || possessive_differs {
                return true;
            }
        }
        false
    }
}

/// The glossary words each word of a text stands for, in one allocation.
struct Matches {
    flat: Vec<WordMatch>,
    ranges: Vec<Range<u32>>,
}

impl Matches {
    fn of(&self, token: usize) -> &[WordMatch] {
        let r = &self.ranges[token];
        &self.flat[r.start as usize..r.end as usize]
    }
}

/// A word of the text prepared for comparison.
#[derive(Debug, Clone)]
struct TextWord<'t> {
    text: Cow<'t, str>,
    span: Range<usize>,
    word_end: usize,
    possessive: bool,
    hyphenated: bool,
    /// Made of two words of the text written apart.
    merged: bool,
}

/// What one document has taught about its words: glossary lookups already made, and how often
/// each word occurs (a word the text uses often is a word, not a typo of a glossary word).
#[derive(Debug, Default)]
pub struct WordCache {
    lookups: HashMap<String, Vec<WordMatch>>,
    counts: HashMap<String, u32>,
}

impl WordCache {
    fn count(&self, word: &str) -> u32 {
        self.counts.get(word).copied().unwrap_or(0)
    }
}

/// Of overlapping near-misses, the highest score wins, then the longest, then the leftmost.
fn select(mut found: Vec<GarbledMatch>) -> Vec<GarbledMatch> {
    found.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.normalized.len().cmp(&a.normalized.len()))
            .then(a.normalized.start.cmp(&b.normalized.start))
            .then(a.concept.cmp(&b.concept))
    });
    let mut kept: Vec<GarbledMatch> = Vec::new();
    for m in found {
        if kept.iter().all(|k| {
            k.normalized.end <= m.normalized.start || m.normalized.end <= k.normalized.start
        }) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.normalized.start);
    kept
}

/// The word without a plural ending, so that "unions" and "union", "chairmen" and "chairman",
/// "competitions" and "competition" compare equal.
pub(crate) fn lemma(word: &str) -> String {
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        return format!("{}y", &word[..n - 3]);
    }
    if n > 3 && word.ends_with("men") {
        return format!("{}man", &word[..n - 3]);
    }
    if n > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return word[..n - 1].to_string();
    }
    word.to_string()
}

fn fuzzy_eligible(word: &str) -> bool {
    word.chars().count() >= MIN_FUZZY_LEN && !word.chars().any(|c| c.is_numeric())
}

/// Every string one character deletion away from `word`.
fn deletions(word: &str) -> impl Iterator<Item = String> + '_ {
    word.char_indices().map(move |(i, c)| {
        let mut s = String::with_capacity(word.len());
        s.push_str(&word[..i]);
        s.push_str(&word[i + c.len_utf8()..]);
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::TermMatcher;
    use crate::normalize::normalize;

    const GLOSSARY: &str = "\
id,preferred,admitted,deprecated,forbidden,case
shanghai-ftu,Shanghai Federation of Trade Unions,,,Municipal General Assembly,
acftu,All-China Federation of Trade Unions,,,,
district-ftu,district federation of trade unions,,,,
congress-18,18th National Congress of Chinese Trade Unions,,,,
npc-sc,Standing Committee of the Shanghai Municipal People's Congress,,,,
lpmg,Leading Party Members' Group,,,,
wechat,WeChat account,,,Microsignal,
model-workers,model workers,model worker,,,
workers-daily,Workers' Daily,,Workers Daily,,
grassroots,grassroots trade unions,,,,
douyin,Douyin,,,,
tfa,two-factor authentication,,,,
memory,memory space,,,,
";

    /// (found text, concept id) of every garbled term in `text`.
    #[track_caller]
    fn garbled(text: &str) -> Vec<(String, String)> {
        let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").unwrap();
        let exact = TermMatcher::new(&glossary);
        let index = FuzzyIndex::new(&glossary, DEFAULT_THRESHOLD);
        let norm = normalize(text, true);
        let listed = |k: &str| exact.is_listed(k);
        index
            .find(&norm, &listed, &mut WordCache::default())
            .into_iter()
            .map(|m| {
                let span = norm.original_span(m.normalized.clone(), text);
                (
                    text[span].to_string(),
                    glossary.concepts[m.concept].id.clone(),
                )
            })
            .collect()
    }

    fn g(found: &str, concept: &str) -> Vec<(String, String)> {
        vec![(found.to_string(), concept.to_string())]
    }

    #[test]
    fn character_damage() {
        assert_eq!(
            garbled("the Shanghai Federaton of Trade Unions said"),
            g("Shanghai Federaton of Trade Unions", "shanghai-ftu")
        );
        assert_eq!(
            garbled("the Leading Party Memebrs' Group met"),
            g("Leading Party Memebrs' Group", "lpmg")
        );
        assert_eq!(
            garbled("the Standnig Committee of the Shanghai Municipal People's Congress"),
            g(
                "Standnig Committee of the Shanghai Municipal People's Congress",
                "npc-sc"
            )
        );
        assert_eq!(garbled("on Douyni today"), g("Douyni", "douyin"));
    }

    #[test]
    fn morphology() {
        assert_eq!(
            garbled("the Leading Party Member Group met"),
            g("Leading Party Member Group", "lpmg")
        );
        assert_eq!(
            garbled("the All-China Federations of Trade Unions"),
            g("All-China Federations of Trade Unions", "acftu")
        );
        assert_eq!(
            garbled("the Standing Committees of the Shanghai Municipal People's Congress"),
            g(
                "Standing Committees of the Shanghai Municipal People's Congress",
                "npc-sc"
            )
        );
    }

    #[test]
    fn word_damage() {
        assert_eq!(
            garbled("the Shanghai Federation of the Trade Unions"),
            g("Shanghai Federation of the Trade Unions", "shanghai-ftu")
        );
        assert_eq!(
            garbled("the Shanghai Trade Unions Federation"),
            g("Shanghai Trade Unions Federation", "shanghai-ftu")
        );
        assert_eq!(
            garbled("the All-China Federation Trade Unions"),
            g("All-China Federation Trade Unions", "acftu")
        );
        assert_eq!(
            garbled("the All China Federation of Trade Unions"),
            g("All China Federation of Trade Unions", "acftu")
        );
        assert_eq!(
            garbled("follow our We Chat account"),
            g("We Chat account", "wechat")
        );
        assert_eq!(
            garbled("the Shanghai Federation of Trade-Unions"),
            g("Shanghai Federation of Trade-Unions", "shanghai-ftu")
        );
        assert_eq!(
            garbled("enable two factor authentication now"),
            g("two factor authentication", "tfa")
        );
    }

    #[test]
    fn different_entities_and_generic_phrases_are_not_garbled() {
        for text in [
            "the Guangdong Federation of Trade Unions",
            "the 16th National Congress of Chinese Trade Unions",
            "the 20th National Congress of the CPC",
            "trade unions at all levels",
            "a federation of trade unions at county level",
            "the Standing Committee of the Beijing Municipal People's Congress",
            "the Shanghai Federation of Industry and Commerce",
            // Common nouns are English phrases: modifiers, order, hyphens of compound
            // modifiers, plurals and possessives are grammar.
            "ten grassroots trade-unions",
            "the memory-space layout",
            "more memory spaces",
            "the memory's space",
            "the space of memory",
            "the memory address space",
        ] {
            assert_eq!(garbled(text), vec![], "{text}");
        }
    }

    #[test]
    fn correct_and_listed_forms_are_not_garbled() {
        for text in [
            "a model worker spoke",
            "the model workers spoke",
            "the Shanghai Federation of Trade Unions said",
            "the SHANGHAI FEDERATION OF TRADE UNIONS said",
            "the Workers Daily reported",
            "the Workers' Daily reported",
            "the Shanghai Federation of Trade Unions' plan",
            "our WeChat account",
        ] {
            assert_eq!(garbled(text), vec![], "{text}");
        }
    }

    #[test]
    fn lemmas() {
        assert_eq!(lemma("unions"), "union");
        assert_eq!(lemma("chairmen"), "chairman");
        assert_eq!(lemma("committees"), "committee");
        assert_eq!(lemma("bodies"), "body");
        assert_eq!(lemma("congress"), "congress");
        assert_eq!(lemma("status"), "status");
    }
}
