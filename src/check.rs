//! Checking one document: blocks → normalized text → matches → findings.

use std::borrow::Cow;
use std::io::Read;
use std::ops::Range;

use crate::code_text;
use crate::consistency::uncompared;
use crate::consistency::{
    inconsistencies, Around, Capitals, ConsistencyScope, DocumentTally, Majorities, Occurrence,
    OccurrenceStatus, RenderingCounts, TalliedText,
};
use crate::excerpt::surroundings;
use crate::finding::Finding;
use crate::findings::{report_order, Findings, SpillBudget, DEFAULT_BUDGET};
use crate::fuzzy::{Damage, FuzzyIndex, GarbledMatch, WordCache};
use crate::glossary::{Glossary, Status};
use crate::inflection::in_number;
use crate::input::blocks::{BlockReader, BlockSizes, ReadError, TextBlock};
use crate::location::{union_of_spans, LocationTracker, TextEncoding};
use crate::markdown::{
    emphasis_delimiters, in_code, is_reference_padding, unemphasised, with_references_decoded,
    without_delimiters, CodeFinder, Markup,
};
use crate::matcher::{TermMatch, TermMatcher};
use crate::mention::mentioned;
use crate::normalize::{normalize, normalize_key};
use crate::rules::{Rule, RuleSet};
use crate::segment::FormatError;
use crate::suppress::{allowed_around, directives, is_suppressed, Allowances, Suppression};

/// The result of checking one document.
#[derive(Debug)]
pub enum Outcome {
    /// The document was checked.
    Checked(DocumentReport),
    /// The document looked like binary data and was skipped.
    SkippedBinary,
}

/// What one document holds.
#[derive(Debug, Default)]
pub struct DocumentReport {
    /// Findings, in report order.
    pub findings: Findings,
    /// Every rendering of a concept found, in order (kept only when asked for).
    pub occurrences: Vec<Occurrence>,
    /// The lines that `termcheck: ignore` comments silence.
    pub suppressions: Vec<Suppression>,
    /// The rule of its format's specification the document breaks, though it was read and
    /// checked (see [`FormatError::nonconforming`]).
    pub nonconforming: Option<FormatError>,
}

/// Checks documents against one compiled glossary; shared read-only across threads.
#[derive(Debug)]
pub struct Checker<'g> {
    glossary: &'g Glossary,
    matcher: &'g TermMatcher,
    fuzzy: Option<&'g FuzzyIndex>,
    rules: RuleSet,
    sizes: BlockSizes,
    scope: ConsistencyScope,
    keep_occurrences: bool,
    allowances: Allowances,
    kept_text_limit: usize,
    spill: SpillBudget,
}

/// Opens a document again from its start, for a second read (see [`Checker::check_reopenable`]).
pub type Reopen<'r> = dyn Fn() -> std::io::Result<Box<dyn Read + Send + 'r>> + 'r;

impl<'g> Checker<'g> {
    /// A checker running `rules` with `glossary`, compiled as `matcher`. Garbled terms need
    /// [`Checker::with_fuzzy`].
    pub fn new(glossary: &'g Glossary, matcher: &'g TermMatcher, rules: RuleSet) -> Self {
        Checker {
            glossary,
            matcher,
            fuzzy: None,
            rules,
            sizes: BlockSizes::for_longest_term(matcher.longest_pattern()),
            scope: ConsistencyScope::Document,
            keep_occurrences: false,
            allowances: Allowances::new(glossary),
            kept_text_limit: KEPT_TEXT_LIMIT,
            spill: SpillBudget::new(DEFAULT_BUDGET),
        }
    }

    /// Looks for garbled terms with `index` (when the rule is selected).
    pub fn with_fuzzy(mut self, index: &'g FuzzyIndex) -> Self {
        self.fuzzy = Some(index);
        self
    }

    /// Sets the consistency scope; `keep_occurrences` returns every occurrence with the
    /// findings (for batch consistency and the distribution report).
    pub fn with_consistency(mut self, scope: ConsistencyScope, keep_occurrences: bool) -> Self {
        self.scope = scope;
        self.keep_occurrences = keep_occurrences;
        self
    }

    /// Uses smaller blocks than the default (tests put block boundaries inside terms).
    pub fn with_block_sizes(mut self, sizes: BlockSizes) -> Self {
        self.sizes = sizes;
        self
    }

    /// Tallies the occurrences of at most `bytes` of a document's text for `inconsistent-term`
    /// before counting them only for a second read, and keeps at most that much text for
    /// their contexts when the document cannot be read again (default 64 MiB; tests make it
    /// small to exercise huge documents).
    pub fn with_kept_text_limit(mut self, bytes: usize) -> Self {
        self.kept_text_limit = bytes;
        self
    }

    /// Keeps the findings of documents within `budget` (shared with every checker and store
    /// given it), spilling the rest to temporary files; the default is a budget of
    /// [`DEFAULT_BUDGET`] of its own.
    pub fn with_spill_budget(mut self, budget: SpillBudget) -> Self {
        self.spill = budget;
        self
    }

    /// The budget findings are kept within.
    pub fn spill_budget(&self) -> &SpillBudget {
        &self.spill
    }

    /// An empty report whose findings are kept within the budget.
    pub fn new_report(&self) -> DocumentReport {
        DocumentReport {
            findings: Findings::with_budget(&self.spill),
            ..DocumentReport::default()
        }
    }

    /// Whether checking needs the occurrences of concepts (to return them, or for
    /// `inconsistent-term`).
    pub fn wants_occurrences(&self) -> bool {
        self.keep_occurrences || self.rules.contains(Rule::InconsistentTerm)
    }

    /// Whether a document longer than the text kept for `inconsistent-term` is read a second
    /// time when it can be (see [`Checker::check_reopenable`]): only the document's own
    /// consistency reads its occurrences.
    pub fn may_read_twice(&self) -> bool {
        !self.keep_occurrences
            && self.scope == ConsistencyScope::Document
            && self.rules.contains(Rule::InconsistentTerm)
    }

    /// Checks a whole document read from `reader`. With `skip_binary`, a document whose start
    /// holds NUL bytes is skipped instead of checked.
    pub fn check_reader(&self, reader: impl Read, skip_binary: bool) -> Result<Outcome, ReadError> {
        self.check_reader_with(
            reader,
            skip_binary,
            Markup::Plain,
            &mut WordCache::default(),
        )
    }

    /// [`Checker::check_reader`] for a document in `markup` (whose code is not checked), with
    /// the glossary lookups of words kept in `words` from one document to the next (one cache
    /// per worker; it never changes what is found).
    pub fn check_reader_with(
        &self,
        reader: impl Read,
        skip_binary: bool,
        markup: Markup,
        words: &mut WordCache,
    ) -> Result<Outcome, ReadError> {
        self.check_document(reader, skip_binary, markup, words, None)
    }

    /// [`Checker::check_reader_with`] for a document that `reopen` can read again from its
    /// start (a file, not standard input). A document longer than the text kept for the
    /// contexts of `inconsistent-term` is then read twice: the first read counts the renderings
    /// of each concept, the second reports the minority ones with their contexts, so memory
    /// does not grow with the occurrences. The report is the same as with one read.
    pub fn check_reopenable(
        &self,
        reader: impl Read,
        skip_binary: bool,
        markup: Markup,
        words: &mut WordCache,
        reopen: &Reopen<'_>,
    ) -> Result<Outcome, ReadError> {
        self.check_document(reader, skip_binary, markup, words, Some(reopen))
    }

    fn check_document(
        &self,
        reader: impl Read,
        skip_binary: bool,
        markup: Markup,
        words: &mut WordCache,
        reopen: Option<&Reopen<'_>>,
    ) -> Result<Outcome, ReadError> {
        let blocks = BlockReader::new(reader, self.sizes)?;
        if skip_binary && blocks.looks_binary() {
            return Ok(Outcome::SkippedBinary);
        }
        words.start_document();
        Ok(Outcome::Checked(
            self.check_blocks(blocks, words, markup, true, reopen)?,
        ))
    }

    /// Checks one piece of a larger document, such as the target text of a translation unit:
    /// findings, and every occurrence (with its context) when consistency needs them, but no
    /// document-wide consistency, which the caller computes over all pieces together. Positions
    /// are in `text` (byte offsets are offsets into it).
    pub fn check_fragment(&self, text: &str, words: &mut WordCache) -> DocumentReport {
        if text.len() <= self.sizes.block {
            // One block, as the block reader would make it, without its read buffer: segments
            // are many and short. (Its text is taken as is: no byte-order mark to detect.)
            let block = TextBlock {
                text: text.to_string(),
                before: String::new(),
                report_until: text.len(),
                offset: 0,
                start: LocationTracker::new(TextEncoding::Utf8, 0),
            };
            let mut doc = DocumentReport::default();
            let mut state = DocumentState::new(words, self.kept_text_limit, None);
            self.check_block(&block, &mut state, &mut doc);
            if self.wants_occurrences() {
                state.keep_block(block.before, block.text, block.start, &mut doc.occurrences);
            }
            state.resolve_all(&mut doc.occurrences);
            doc.findings.finish();
            return doc;
        }
        let checked = BlockReader::new(text.as_bytes(), self.sizes)
            .and_then(|blocks| self.check_blocks(blocks, words, Markup::Plain, false, None));
        match checked {
            Ok(doc) => doc,
            Err(e) => unreachable!("text in memory is valid UTF-8: {e}"),
        }
    }

    /// The glossary checked against.
    pub fn glossary(&self) -> &'g Glossary {
        self.glossary
    }

    /// The rules run.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Over what text renderings must agree.
    pub fn consistency_scope(&self) -> ConsistencyScope {
        self.scope
    }

    /// Whether every occurrence is returned with the findings.
    pub fn keeps_occurrences(&self) -> bool {
        self.keep_occurrences
    }

    fn check_blocks<R: Read>(
        &self,
        mut blocks: BlockReader<R>,
        words: &mut WordCache,
        markup: Markup,
        whole_document: bool,
        reopen: Option<&Reopen<'_>>,
    ) -> Result<DocumentReport, ReadError> {
        let mut doc = if whole_document {
            self.new_report()
        } else {
            DocumentReport::default()
        };
        // Counting renderings instead of keeping occurrences needs a second read, and only
        // document consistency can be reported from counts.
        let counting = (whole_document && self.may_read_twice())
            .then_some(reopen)
            .flatten()
            .map(|_| self.glossary);
        let mut state = DocumentState::new(words, self.kept_text_limit, counting);
        state.code = markup.code_finder();
        // Only the document's own consistency reads its occurrences: they are tallied.
        if whole_document && self.may_read_twice() {
            state.tally = Some((DocumentTally::default(), self.glossary));
        }
        while let Some(block) = blocks.next_block()? {
            doc.suppressions
                .extend(directives(&block.text, block.report_until, &block.start));
            self.check_block(&block, &mut state, &mut doc);
            if self.wants_occurrences() {
                state.keep_block(block.before, block.text, block.start, &mut doc.occurrences);
            }
        }
        if !whole_document {
            state.resolve_all(&mut doc.occurrences);
            doc.findings.finish();
            return Ok(doc);
        }
        if state.counting_in_tally {
            let (tally, _) = state.tally.take().expect("counting in the tally");
            state.counts = Some(tally.into_counts());
        }
        if let Some(counts) = state.counts.take() {
            let reopen = reopen.expect("counting needs a second read");
            let again = reopen().map_err(ReadError::Io)?;
            self.report_inconsistencies(again, &counts, markup, state.words, &mut doc.findings)?;
        } else if let Some((tally, _)) = &mut state.tally {
            // With a second read at hand the blocks were not kept: they are read again, and
            // only if an occurrence departs from its majority.
            let found = match reopen.filter(|_| state.counting.is_some()) {
                Some(reopen) => {
                    let mut again = ReadAgain::new(reopen, self.sizes);
                    tally.inconsistencies(self.glossary, "document", &mut again)
                }
                None => tally.inconsistencies(self.glossary, "document", &mut state.blocks),
            };
            doc.findings.extend(found.map_err(ReadError::Io)?);
        } else if self.scope == ConsistencyScope::Document
            && self.rules.contains(Rule::InconsistentTerm)
        {
            let refs: Vec<&Occurrence> = doc.occurrences.iter().collect();
            let found = inconsistencies(self.glossary, &refs, "document", &|o| state.around(o));
            doc.findings.extend(found.into_iter().map(|(_, f)| f));
        }
        // Spilled findings are read again only when something could silence them.
        if !(self.allowances.is_empty() && doc.suppressions.is_empty()) {
            let suppressions = &doc.suppressions;
            doc.findings
                .retain(|f| !self.allowances.allows(f) && !is_suppressed(f, suppressions));
        }
        if self.keep_occurrences {
            state.resolve_all(&mut doc.occurrences);
        } else {
            doc.occurrences = Vec::new();
        }
        doc.findings.finish();
        Ok(doc)
    }

    /// The second read of a document whose renderings were counted: checks it again and
    /// reports each occurrence that departs from its concept's majority, with its context
    /// taken from the block being checked. Nothing else of this read is kept.
    fn report_inconsistencies(
        &self,
        reader: impl Read,
        counts: &RenderingCounts,
        markup: Markup,
        words: &mut WordCache,
        found: &mut Findings,
    ) -> Result<(), ReadError> {
        let majorities = counts.majorities(self.glossary);
        if majorities.is_empty() {
            return Ok(());
        }
        let mut blocks = BlockReader::new(reader, self.sizes)?;
        words.start_document();
        let mut state = DocumentState::new(words, self.kept_text_limit, None);
        state.code = markup.code_finder();
        state.majorities = Some(&majorities);
        let mut seen = 0;
        while let Some(block) = blocks.next_block()? {
            let mut scratch = DocumentReport::default();
            self.check_block(&block, &mut state, &mut scratch);
            let text = block.text.as_str();
            let mut around = |o: &Occurrence| match &o.around {
                Around::Ready(c, e) => (c.clone(), e.clone()),
                Around::Deferred { span, .. } => surroundings(&block.before, text, span.clone()),
            };
            for o in &scratch.occurrences {
                found.extend(majorities.finding(self.glossary, o, "document", &mut around));
            }
            seen += scratch.occurrences.len();
        }
        seen += state.counted_only;
        if seen != counts.seen() {
            return Err(ReadError::Io(std::io::Error::other(
                "the file changed while it was being checked",
            )));
        }
        Ok(())
    }

    /// Checks text held in memory and returns its findings.
    pub fn check_str(&self, text: &str) -> Vec<Finding> {
        match self.check_reader(text.as_bytes(), false) {
            Ok(Outcome::Checked(doc)) => doc.findings.into_vec(),
            Ok(Outcome::SkippedBinary) => unreachable!("binary files are only skipped when asked"),
            Err(e) => unreachable!("text in memory is valid UTF-8: {e}"),
        }
    }

    fn check_block(
        &self,
        block: &TextBlock,
        state: &mut DocumentState<'_>,
        doc: &mut DocumentReport,
    ) {
        let text = block.text.as_str();
        let code = match &mut state.code {
            Some(finder) => finder.code_in(text, block.report_until),
            None => Vec::new(),
        };
        // Markdown emphasis inside a term ("the **Mo Gao** Caves") is read as a space, as
        // markup is in the bilingual formats; positions and the text as written are unchanged.
        let unemphasised = state.code.is_some().then(|| {
            let delimiters = emphasis_delimiters(text, &code);
            (!delimiters.is_empty()).then(|| without_delimiters(text, &delimiters))
        });
        let read_as = unemphasised.flatten();
        // And its character references decoded (`&rsquo;`, `&nbsp;`), as CommonMark decodes
        // them, padded to their length: offsets are still those of `text`.
        let decoded = state
            .code
            .is_some()
            .then(|| with_references_decoded(read_as.as_deref().unwrap_or(text), &code));
        let read_as = decoded.flatten().or(read_as);
        let read_as = read_as.as_deref().unwrap_or(text);
        let norm = normalize(read_as, true);
        let (mut exact, garbled) = match self.fuzzy {
            Some(index) if self.rules.contains(Rule::GarbledTerm) || self.wants_occurrences() => {
                let until = (block.report_until < text.len())
                    .then(|| norm.normalized_offset(block.report_until));
                state.words.count_until(until);
                // The exact matches are found in the same pass over the words.
                let mut fed = self.matcher.fed_by_words(&norm, read_as);
                let found = index.find(&norm, read_as, &mut fed, state.words);
                let exact = fed.finish();
                let concepts_of = |m: &TermMatch| -> Vec<usize> {
                    self.matcher.uses(m, read_as).map(|u| u.concept).collect()
                };
                let piece_of_approved = |m: &TermMatch, g: &GarbledMatch| -> bool {
                    let approved = &self.glossary.concepts[g.concept].renderings[g.rendering];
                    let approved = normalize_key(&approved.text, true);
                    self.matcher
                        .uses(m, read_as)
                        .filter(|u| !u.status.is_approved())
                        .any(|u| {
                            let banned = &self.glossary.concepts[u.concept].renderings[u.rendering];
                            piece_of(&normalize_key(&banned.text, true), &approved)
                        })
                };
                // A garbled window that is a run of its rendering's words, fewer than all
                // ("Xinhua News" of "Xinhua News Agency"): the rendering cut short.
                let cut_short = |g: &GarbledMatch| -> bool {
                    let approved = &self.glossary.concepts[g.concept].renderings[g.rendering];
                    let approved = normalize_key(&approved.text, true);
                    piece_of(
                        &normalize_key(&norm.text[g.normalized.clone()], true),
                        &approved,
                    )
                };
                let garbled =
                    clear_of_exact(found, &exact, &concepts_of, &piece_of_approved, &cut_short);
                (exact, garbled)
            }
            _ => (self.matcher.find(&norm, read_as), Vec::new()),
        };
        // A garbled term wins a partial overlap with an approved rendering, as deprecated and
        // forbidden ones do; and a deprecated or forbidden rendering inside it (see
        // `clear_of_exact`), the only banned ones left to overlap it.
        if !garbled.is_empty() {
            let mut covered = Covered::new(garbled.iter().map(|g| g.normalized.clone()));
            exact.retain(|m| !covered.overlaps(&m.normalized));
        }
        let mut events: Vec<(Range<usize>, Event)> =
            Vec::with_capacity(exact.len() + garbled.len());
        for m in exact {
            // A case-sensitive rendering in wrong capitals is a garbled term.
            let event = match self.matcher.case_slip(&m) {
                Some((concept, rendering)) => Event::Garbled(GarbledMatch {
                    normalized: m.normalized.clone(),
                    concept,
                    rendering,
                    score: 1.0,
                    damage: Damage::Capitals,
                    literal: 1.0,
                    number: None,
                }),
                None => Event::Exact(m),
            };
            let span = match &event {
                Event::Exact(m) => m.original.clone(),
                Event::Garbled(g) => norm.original_span(g.normalized.clone(), text),
            };
            events.push((span, event));
        }
        for g in garbled {
            events.push((
                norm.original_span(g.normalized.clone(), text),
                Event::Garbled(g),
            ));
        }
        // At one position the longer event first: a garbled term swallows an approved
        // rendering that starts it.
        events.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
        // Garbled terms swallow the approved matches inside them.
        let mut swallowed_until = 0;
        let mut tracker = block.start.clone();
        let mut walked = 0;
        for (span, event) in events {
            if span.start >= block.report_until {
                break;
            }
            if block.offset + (span.start as u64) < state.covered_until
                || span.start < swallowed_until
                || in_machine_text(read_as, &span)
                || in_code(&code, &span)
            {
                continue;
            }
            state.covered_until = block.offset + span.end as u64;
            match &event {
                Event::Garbled(_) => swallowed_until = span.end,
                // Most matches are approved renderings: with no occurrences to record, they
                // only cover their span.
                Event::Exact(m) if !self.wants_occurrences() && self.matcher.only_approved(m) => {
                    continue
                }
                // On a second read, an approved rendering of a concept found in one variant
                // only cannot depart from a majority: it is counted, not built.
                Event::Exact(m)
                    if state.majorities.is_some_and(|majorities| {
                        self.matcher.only_approved(m)
                            && self
                                .matcher
                                .uses(m, read_as)
                                .all(|u| !majorities.has_majority(u.concept))
                    }) =>
                {
                    state.counted_only += self.matcher.uses(m, read_as).count();
                    continue;
                }
                // Tallied, an approved rendering is only counted: where it is, is worked out
                // if it turns out to depart from its concept's majority.
                Event::Exact(m) if state.tally.is_some() && self.matcher.only_approved(m) => {
                    let (tally, glossary) = state.tally.as_mut().expect("tallying");
                    let found = &read_as[span.clone()];
                    // (See `Occurrences::record`.)
                    let mut add = |concept: usize, rendering: usize, status| {
                        let listed = &glossary.concepts[concept].renderings[rendering].text;
                        let capitals = Capitals::at(read_as, &span, listed);
                        if capitals == Capitals::InALongerName
                            || uncompared(glossary, (concept, rendering), read_as, &span)
                        {
                            return tally.add_uncompared();
                        }
                        let at = (state.blocks_seen, span.clone());
                        let status = OccurrenceStatus::Listed(status);
                        tally.add(glossary, (concept, rendering), status, found, at, capitals);
                    };
                    match self.matcher.only_use(m) {
                        Some((concept, rendering, status)) => add(concept, rendering, status),
                        None => {
                            for term in self.matcher.uses(m, read_as) {
                                add(term.concept, term.rendering, term.status);
                            }
                        }
                    }
                    continue;
                }
                Event::Exact(_) => {}
            }
            tracker.advance(&text[walked..span.start]);
            walked = span.start;
            let mut place = Place::new(
                &block.before,
                (text, read_as),
                span,
                &tracker,
                state.deferring.then_some(state.blocks_seen),
            );
            let mut occurrences = match &mut state.tally {
                Some((tally, _)) => Occurrences::Tallied(tally),
                None => Occurrences::Kept(&mut doc.occurrences),
            };
            match event {
                Event::Exact(m) => {
                    self.exact_event(&m, &mut place, &mut doc.findings, &mut occurrences)
                }
                Event::Garbled(g) => {
                    self.garbled_event(&g, &mut place, &mut doc.findings, &mut occurrences)
                }
            }
        }
        if let Some((tally, glossary)) = &mut state.tally {
            tally.end_block(glossary, state.blocks_seen, text);
        }
    }

    fn exact_event(
        &self,
        m: &TermMatch,
        place: &mut Place<'_>,
        findings: &mut Findings,
        occurrences: &mut Occurrences<'_>,
    ) {
        for term in self.matcher.uses(m, place.read) {
            let concept = &self.glossary.concepts[term.concept];
            if self.wants_occurrences() {
                let status = OccurrenceStatus::Listed(term.status);
                let rendering = &concept.renderings[term.rendering].text;
                let form = |p: &Place<'_>| Occurrence::surface_form(p.read_found(), rendering);
                let ids = (term.concept, term.rendering);
                occurrences.record(self.glossary, place, ids, status, form);
            }
            let rule = match term.status {
                Status::Forbidden => Rule::ForbiddenTerm,
                Status::Deprecated => Rule::DeprecatedTerm,
                Status::Preferred | Status::Admitted => continue,
            };
            if !self.rules.contains(rule) {
                continue;
            }
            // A banned rendering given as another name of the concept beside an approved one,
            // or quoted as a word, is talked about, not used (see `mentioned`); one inside an
            // accepted phrase is accepted with it.
            if mentioned(
                self.glossary,
                (term.concept, term.rendering),
                place.read,
                &place.span,
            ) || allowed_around(concept, place.read, &place.span)
            {
                continue;
            }
            let shown = place.shown();
            let listed = &concept.renderings[term.rendering].text;
            // The preferred rendering in the text's number and spelling (see `correction`).
            let expected =
                crate::fix::correction(concept, listed, place.read_found(), term.inflected);
            let message = match term.inflected {
                Some(number) => {
                    format!(
                        "\"{shown}\" is a {} rendering of {} (\"{}\" in the {}); use \"{expected}\"",
                        term.status.as_str(),
                        concept.label(),
                        concept.renderings[term.rendering].text,
                        number.as_str(),
                    )
                }
                None => format!(
                    "\"{shown}\" is a {} rendering of {}; use \"{expected}\"",
                    term.status.as_str(),
                    concept.label(),
                ),
            };
            findings.push(place.finding(rule, concept, &expected, message, None));
        }
    }

    fn garbled_event(
        &self,
        g: &GarbledMatch,
        place: &mut Place<'_>,
        findings: &mut Findings,
        occurrences: &mut Occurrences<'_>,
    ) {
        let concept = &self.glossary.concepts[g.concept];
        let target = &concept.renderings[g.rendering].text;
        // Another spelling of an approved rendering is that rendering, in another surface form.
        let spelling = g.damage == Damage::OtherSpelling;
        if self.wants_occurrences() {
            let status = if spelling {
                OccurrenceStatus::Listed(concept.renderings[g.rendering].status)
            } else {
                OccurrenceStatus::Garbled
            };
            let form = |p: &Place<'_>| {
                if spelling {
                    Occurrence::surface_form(p.read_found(), target)
                } else {
                    Some(p.shown())
                }
            };
            occurrences.record(self.glossary, place, (g.concept, g.rendering), status, form);
        }
        if spelling
            || !self.rules.contains(Rule::GarbledTerm)
            || allowed_around(concept, place.read, &place.span)
        {
            return;
        }
        // The rendering in the number the text wrote its head in, where it can be put in it.
        let expected = g
            .number
            .and_then(|number| in_number(target, number))
            .map_or(Cow::Borrowed(target.as_str()), Cow::Owned);
        let message = format!(
            "\"{}\" looks like a garbled \"{expected}\" ({}: {}; similarity {:.2})",
            place.shown(),
            concept.label(),
            g.damage.describe(),
            g.score
        );
        findings.push(place.finding(
            Rule::GarbledTerm,
            concept,
            &expected,
            message,
            Some(g.score),
        ));
    }
}

/// Most bytes of block text kept per document so that the context of occurrences is
/// extracted only for the few that turn out to be minority renderings.
const KEPT_TEXT_LIMIT: usize = 64 << 20;

/// Per-document state carried from block to block.
struct DocumentState<'w> {
    /// Matches found again in the overlap of the next block are skipped by this offset.
    covered_until: u64,
    /// Word lookups for garbled terms, reused across the document (and documents).
    words: &'w mut WordCache,
    /// Occurrences point into kept blocks instead of extracting their context now.
    deferring: bool,
    /// The blocks seen so far, while deferring (none for a tally that can read the document
    /// again: see [`ReadAgain`]).
    blocks: KeptBlocks,
    /// Bytes of text seen while deferring.
    kept_bytes: usize,
    /// Most bytes of text deferred.
    kept_limit: usize,
    /// Blocks checked so far (the number of the next one).
    blocks_seen: usize,
    /// Past the kept text, with a second read to come: occurrences are only counted, here
    /// or (`counting_in_tally`) by the tally.
    counts: Option<RenderingCounts>,
    counting_in_tally: bool,
    /// On the second read: the concepts' majorities, and the occurrences of concepts without
    /// one, counted only.
    majorities: Option<&'w Majorities>,
    counted_only: usize,
    /// The glossary, when the document may switch to counting.
    counting: Option<&'w Glossary>,
    /// The occurrences tallied instead of kept (see [`DocumentTally`]), while the blocks
    /// their contexts are in are kept; and the glossary.
    tally: Option<(DocumentTally, &'w Glossary)>,
    /// Finds the code of a Markdown document, which is not checked.
    code: Option<CodeFinder>,
}

impl<'w> DocumentState<'w> {
    fn new(words: &'w mut WordCache, kept_limit: usize, counting: Option<&'w Glossary>) -> Self {
        DocumentState {
            covered_until: 0,
            words,
            deferring: true,
            blocks: KeptBlocks::default(),
            kept_bytes: 0,
            kept_limit,
            blocks_seen: 0,
            counts: None,
            counting_in_tally: false,
            majorities: None,
            counted_only: 0,
            counting,
            tally: None,
            code: None,
        }
    }

    /// Keeps a block's text for deferred contexts. Past the limit, either counts the
    /// occurrences (and from then on counts each block's occurrences and drops them) when a
    /// second read will report them, or extracts every deferred context and stops deferring;
    /// either way the kept text stays bounded on huge documents.
    fn keep_block(
        &mut self,
        before: String,
        text: String,
        start: LocationTracker,
        occurrences: &mut Vec<Occurrence>,
    ) {
        self.blocks_seen += 1;
        if self.counting_in_tally {
            return;
        }
        if let Some(counts) = &mut self.counts {
            let glossary = self.counting.expect("counting has a glossary");
            for o in occurrences.drain(..) {
                counts.add(glossary, &o);
            }
            return;
        }
        if !self.deferring {
            return;
        }
        self.kept_bytes += before.len() + text.len();
        // Tallied occurrences of a document that can be read again are placed from that
        // read: the text is not kept.
        if self.tally.is_none() || self.counting.is_none() {
            self.blocks.push(&before, &text, start);
        }
        if self.kept_bytes > self.kept_limit {
            // Tallied occurrences go on as those of a document without a tally would.
            if let Some((mut tally, glossary)) = self.tally.take() {
                if self.counting.is_some() {
                    // The tally goes on counting, as cheaply as before, without the places
                    // of the occurrences: the second read finds them.
                    tally.count_only();
                    self.tally = Some((tally, glossary));
                    self.counting_in_tally = true;
                    self.blocks = KeptBlocks::default();
                    return;
                }
                *occurrences = tally
                    .into_occurrences(glossary, &mut self.blocks)
                    .expect("kept blocks are in memory");
            }
            if let Some(glossary) = self.counting {
                let mut counts = RenderingCounts::default();
                for o in occurrences.drain(..) {
                    counts.add(glossary, &o);
                }
                *occurrences = Vec::new();
                self.counts = Some(counts);
            } else {
                self.resolve_all(occurrences);
                self.deferring = false;
            }
            self.blocks = KeptBlocks::default();
        }
    }

    fn around(&self, o: &Occurrence) -> (String, crate::finding::Excerpt) {
        match &o.around {
            Around::Ready(c, e) => (c.clone(), e.clone()),
            Around::Deferred { block, span } => {
                let (before, text) = self.blocks.get(*block);
                surroundings(before, text, span.clone())
            }
        }
    }

    fn resolve_all(&self, occurrences: &mut [Occurrence]) {
        for o in occurrences {
            if matches!(o.around, Around::Deferred { .. }) {
                let (c, e) = self.around(o);
                o.around = Around::Ready(c, e);
            }
        }
    }
}

/// The text of a document's blocks, one after another in one buffer: kept in blocks of their
/// own, they would take fresh memory from the allocator for each block's working buffers,
/// which a freed block would otherwise hand back.
#[derive(Debug, Default)]
struct KeptBlocks {
    text: String,
    /// Per block: where the text before it (see [`TextBlock::before`]) and its text lie.
    blocks: Vec<[Range<usize>; 2]>,
    /// Per block: where its text starts in the document.
    starts: Vec<LocationTracker>,
}

impl KeptBlocks {
    fn push(&mut self, before: &str, text: &str, start: LocationTracker) {
        let from = self.text.len();
        self.text.push_str(before);
        let middle = self.text.len();
        self.text.push_str(text);
        self.blocks.push([from..middle, middle..self.text.len()]);
        self.starts.push(start);
    }

    /// Block `block`: the text before it and its text.
    fn get(&self, block: usize) -> (&str, &str) {
        let [before, text] = &self.blocks[block];
        (&self.text[before.clone()], &self.text[text.clone()])
    }
}

impl TalliedText for KeptBlocks {
    fn block(&mut self, block: usize) -> std::io::Result<(&str, &str, &LocationTracker)> {
        let (before, text) = self.get(block);
        Ok((before, text, &self.starts[block]))
    }
}

/// The blocks of a document read again, one after another, for the tallied occurrences that
/// depart from their majorities (see [`TalliedText`]); the document is opened on first use.
struct ReadAgain<'a, 'r> {
    reopen: &'a Reopen<'r>,
    sizes: BlockSizes,
    blocks: Option<BlockReader<Box<dyn Read + Send + 'r>>>,
    /// The block read last, and its number.
    current: Option<(usize, TextBlock)>,
}

impl<'a, 'r> ReadAgain<'a, 'r> {
    fn new(reopen: &'a Reopen<'r>, sizes: BlockSizes) -> Self {
        ReadAgain {
            reopen,
            sizes,
            blocks: None,
            current: None,
        }
    }
}

impl TalliedText for ReadAgain<'_, '_> {
    fn block(&mut self, block: usize) -> std::io::Result<(&str, &str, &LocationTracker)> {
        let changed = || std::io::Error::other("the file changed while it was being checked");
        let as_io = |e: ReadError| match e {
            ReadError::Io(e) => e,
            _ => changed(),
        };
        if self.blocks.is_none() {
            let reader = (self.reopen)()?;
            self.blocks = Some(BlockReader::new(reader, self.sizes).map_err(as_io)?);
        }
        let blocks = self.blocks.as_mut().expect("opened");
        loop {
            match &self.current {
                Some((n, _)) if *n == block => break,
                Some((n, _)) if *n > block => {
                    unreachable!("blocks are asked for in the document's order")
                }
                _ => {}
            }
            let next = self.current.as_ref().map_or(0, |(n, _)| n + 1);
            let read = blocks.next_block().map_err(as_io)?.ok_or_else(changed)?;
            self.current = Some((next, read));
        }
        let (_, b) = self.current.as_ref().expect("read");
        Ok((&b.before, &b.text, &b.start))
    }
}

enum Event {
    Exact(TermMatch),
    Garbled(GarbledMatch),
}

/// Where the occurrences of a block go.
enum Occurrences<'a> {
    /// Kept whole, in order.
    Kept(&'a mut Vec<Occurrence>),
    /// Tallied for the document's consistency.
    Tallied(&'a mut DocumentTally),
}

impl Occurrences<'_> {
    /// Records an occurrence of concept and rendering `ids` at `place`; `form` gives its
    /// surface form (see [`Occurrence::form`]) when it is kept whole.
    fn record(
        &mut self,
        glossary: &Glossary,
        place: &mut Place<'_>,
        ids: (usize, usize),
        status: OccurrenceStatus,
        form: impl FnOnce(&Place<'_>) -> Option<String>,
    ) {
        // A term glossed in brackets or given an alias names its concept twice at once, and
        // inside a longer name or numbered, another entity: none is compared. The capitals of
        // a Title Case headline say nothing of the term's spelling, as an ALL CAPS one's do
        // not: its words are compared, its capitals not.
        let approved = matches!(status, OccurrenceStatus::Listed(s) if s.is_approved());
        let listed = &glossary.concepts[ids.0].renderings[ids.1].text;
        let capitals = Capitals::at(place.read, &place.span, listed);
        let uncompared = approved
            && (capitals == Capitals::InALongerName
                || uncompared(glossary, ids, place.read, &place.span));
        match self {
            Occurrences::Kept(kept) => {
                let form = if uncompared { None } else { form(place) };
                kept.push(place.occurrence(ids.0, ids.1, status, (form, capitals)));
            }
            Occurrences::Tallied(tally) if uncompared => tally.add_uncompared(),
            Occurrences::Tallied(tally) => {
                let block = place
                    .deferred_block
                    .expect("occurrences are tallied only while blocks are kept");
                tally.add(
                    glossary,
                    ids,
                    status,
                    place.read_found(),
                    (block, place.span.clone()),
                    capitals,
                );
            }
        }
    }
}

/// A found span with its position, context and excerpt, computed once on first use.
struct Place<'t> {
    /// The text before the block (see [`TextBlock::before`]).
    before: &'t str,
    /// The block's text as written, and as read (Markdown's emphasis markers made spaces, its
    /// character references decoded; the same offsets).
    text: &'t str,
    read: &'t str,
    span: Range<usize>,
    start: crate::location::Location,
    end: crate::location::Location,
    around: Option<(String, crate::finding::Excerpt)>,
    /// The number of the block being checked, when occurrences defer their context.
    deferred_block: Option<usize>,
}

impl<'t> Place<'t> {
    fn new(
        before: &'t str,
        (text, read): (&'t str, &'t str),
        span: Range<usize>,
        at: &LocationTracker,
        deferred_block: Option<usize>,
    ) -> Self {
        let mut end = at.clone();
        end.advance(&text[span.clone()]);
        Place {
            before,
            text,
            read,
            start: at.location(),
            end: end.location(),
            span,
            around: None,
            deferred_block,
        }
    }

    fn found(&self) -> &'t str {
        &self.text[self.span.clone()]
    }

    /// The found text as read (see [`Place::read`]).
    fn read_found(&self) -> &'t str {
        &self.read[self.span.clone()]
    }

    /// The found text on one line, as read.
    fn shown(&self) -> String {
        let read: String;
        let found = match self.read_found() {
            f if f.contains(is_reference_padding) && f != self.found() => {
                read = f.chars().filter(|&c| !is_reference_padding(c)).collect();
                &read
            }
            f => f,
        };
        unemphasised(found)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn around(&mut self) -> (String, crate::finding::Excerpt) {
        self.around
            .get_or_insert_with(|| surroundings(self.before, self.text, self.span.clone()))
            .clone()
    }

    fn finding(
        &mut self,
        rule: Rule,
        concept: &crate::glossary::Concept,
        expected: &str,
        message: String,
        score: Option<f64>,
    ) -> Finding {
        let (context, excerpt) = self.around();
        Finding {
            rule,
            severity: rule.info().severity,
            concept: concept.id.clone(),
            found: self.found().to_string(),
            expected: expected.to_string(),
            message,
            note: concept.note.clone(),
            context,
            start: self.start,
            end: self.end,
            excerpt,
            score,
            unit: None,
        }
    }

    fn occurrence(
        &mut self,
        concept: usize,
        rendering: usize,
        status: OccurrenceStatus,
        (form, capitals): (Option<String>, Capitals),
    ) -> Occurrence {
        let around = match self.deferred_block {
            Some(block) => Around::Deferred {
                block,
                span: self.span.clone(),
            },
            None => {
                let (context, excerpt) = self.around();
                Around::Ready(context, excerpt)
            }
        };
        Occurrence {
            concept,
            rendering,
            status,
            form,
            capitals,
            found: self.found().to_string(),
            start: self.start,
            end: self.end,
            around,
            unit: None,
        }
    }
}

/// Keeps the garbled matches that do not clash with exact ones: a garbled match may overlap
/// approved renderings of other concepts but not a correct rendering of its own concept (that
/// is the term with words around it), nor lie inside any exact match, nor overlap a deprecated
/// or forbidden one, unless that lies wholly inside it and its words are a piece of the
/// approved rendering (`piece_of_approved`, see [`piece_of`]): the garbled window is then the
/// approved term damaged around its banned piece, and the longer term is the one a translator
/// needs. "over the air update" is the approved "over-the-air update" with its hyphens lost,
/// whatever concept bans its words "air update"; "Ministry of Industry and Information
/// Techology" is the approved rendering misspelt after its own banned start. Corrected whole,
/// each is right; the banned part alone would be corrected into "over the over-the-air update"
/// or "… Technology Techology". An approved rendering of the garbled term's own concept
/// inside it hides a window that only cuts the longer rendering short (`cut_short`: "Xinhua
/// News" is "Xinhua" and a word), not one that drops or replaces a word inside it, the
/// longer rendering's words going on after the gap: "State Grid Corporation China" and
/// "State Grid Corporation for China" are "State Grid Corporation of China" garbled, whatever
/// "State Grid" is admitted. A banned rendering that is no piece of the approved one is
/// evidence of its own, surer than a near-miss around it: "the serio CONTROLED driver" holds a
/// forbidden "CONTROLED", not a garbled "controller driver"; nor is the whole approved
/// rendering in a banned spelling a piece of it ("device device-objects").
fn clear_of_exact(
    garbled: Vec<GarbledMatch>,
    exact: &[TermMatch],
    concepts_of: &dyn Fn(&TermMatch) -> Vec<usize>,
    piece_of_approved: &dyn Fn(&TermMatch, &GarbledMatch) -> bool,
    cut_short: &dyn Fn(&GarbledMatch) -> bool,
) -> Vec<GarbledMatch> {
    // The exact matches are sorted and do not overlap (see `select_matches`), so their ends
    // are sorted too, and those overlapping a span are the run between two binary searches:
    // a block has tens of thousands of them, and every garbled term was compared with each.
    debug_assert!(exact
        .windows(2)
        .all(|w| w[0].normalized.end <= w[1].normalized.start));
    garbled
        .into_iter()
        .filter(|g| {
            let span = &g.normalized;
            let first = exact.partition_point(|m| m.normalized.end <= span.start);
            let mut overlapping = exact[first..]
                .iter()
                .take_while(|m| m.normalized.start < span.end);
            overlapping.all(|m| {
                let e = &m.normalized;
                let overlaps = e.start < span.end && span.start < e.end;
                let inside_exact = e.start <= span.start && span.end <= e.end;
                // An approved rendering of the same concept inside a garbled form of a longer
                // one ("Xinhua" in "Xinhua News Agencv") is part of the damage, unless the only
                // damage is the longer one cut short: "Xinhua News" is "Xinhua" and a word.
                let part_of_damage = !inside_exact
                    && (g.damage != Damage::MissingWord
                        || !concepts_of(m).contains(&g.concept)
                        || !cut_short(g));
                let banned_inside = !m.approved
                    && span.start <= e.start
                    && e.end <= span.end
                    && e.len() < span.len()
                    && piece_of_approved(m, g);
                !overlaps || (m.approved && part_of_damage) || banned_inside
            })
        })
        .collect()
}

/// Whether the words of `banned` (normalized, case-folded; a hyphen parts words) are a run of
/// the words of `approved`, fewer than all: "air update" of "over-the-air update", not "party
/// china" of "communist party of china", "read call" of "read system call", nor
/// "device-objects" of "device objects".
fn piece_of(banned: &str, approved: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split([' ', '-'])
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (banned, approved) = (words(banned), words(approved));
    !banned.is_empty()
        && banned.len() < approved.len()
        && approved
            .windows(banned.len())
            .any(|w| w == banned.as_slice())
}

/// Spans (garbled terms) merged into sorted, disjoint runs, asked in turn whether each of a
/// sorted list of matches overlaps one: a block has tens of thousands of matches, and each
/// was compared with every garbled term.
struct Covered {
    runs: Vec<Range<usize>>,
    /// The first run that ends after the last span asked about.
    next: usize,
}

impl Covered {
    fn new(spans: impl Iterator<Item = Range<usize>>) -> Covered {
        Covered {
            runs: union_of_spans(spans.collect()),
            next: 0,
        }
    }

    /// Whether `span` shares a byte with a covered run. Spans are asked about in order of
    /// start and of end (as matches that do not overlap are).
    fn overlaps(&mut self, span: &Range<usize>) -> bool {
        let runs = &self.runs;
        while runs.get(self.next).is_some_and(|run| run.end <= span.start) {
            self.next += 1;
        }
        runs.get(self.next).is_some_and(|run| run.start < span.end)
    }
}

/// Whether the span lies in a web address or e-mail address, which is not prose: a term in
/// "www.workercn.cn" is not a rendering choice. Only the address itself counts, not the
/// punctuation or words written against it ("[Trade Union](https://…)", "Union<a@b.org>").
pub(crate) fn in_address(text: &str, span: &Range<usize>) -> bool {
    in_address_in_chunk(text, span, code_text::chunk_around(text, span))
}

/// [`in_address`], the span's chunk (see [`code_text::chunk_around`]) given.
fn in_address_in_chunk(text: &str, span: &Range<usize>, chunk: Range<usize>) -> bool {
    let start = chunk.start;
    let chunk = &text[chunk];
    // Most chunks hold no address: they are asked first, as cheaply as before.
    let bytes = chunk.as_bytes();
    let www = memchr::memchr_iter(b'.', bytes)
        .any(|dot| dot >= 3 && bytes[dot - 3..dot].eq_ignore_ascii_case(b"www"));
    let scheme = memchr::memchr(b':', bytes).is_some() && chunk.contains("://");
    if !www && !scheme && memchr::memchr(b'@', bytes).is_none() {
        return false;
    }
    addresses_in(chunk)
        .into_iter()
        .any(|a| start + a.start < span.end && span.start < start + a.end)
}

/// Whether the span lies in an address or in code written in running text (see
/// [`code_text`]): not prose, whatever terms it holds.
fn in_machine_text(text: &str, span: &Range<usize>) -> bool {
    let chunk = code_text::chunk_around(text, span);
    in_address_in_chunk(text, span, chunk.clone()) || code_text::in_code_in_chunk(text, span, chunk)
}

/// The web and e-mail addresses in `chunk`, a run of text without whitespace.
fn addresses_in(chunk: &str) -> Vec<Range<usize>> {
    let bytes = chunk.as_bytes();
    let mut found = Vec::new();
    // A web address: a scheme and "://", or "www." after no letter or digit, up to a character
    // no address holds or a parenthesis it did not open.
    let web_starts = chunk.match_indices("://").map(|(at, _)| {
        let scheme = bytes[..at]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric() || b"+.-".contains(b))
            .count();
        (at - scheme, at + 3)
    });
    let www_starts = (0..bytes.len().saturating_sub(3))
        .filter(|&at| {
            bytes[at..at + 4].eq_ignore_ascii_case(b"www.")
                && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
        })
        .map(|at| (at, at + 4));
    for (from, body) in web_starts.chain(www_starts) {
        let mut depth = 0usize;
        let len = chunk[body..]
            .char_indices()
            .find(|&(_, c)| match c {
                '(' => {
                    depth += 1;
                    false
                }
                ')' if depth > 0 => {
                    depth -= 1;
                    false
                }
                ')' | ']' | '<' | '>' | '"' | '\'' | '`' => true,
                _ => !c.is_ascii_graphic(),
            })
            .map_or(chunk.len() - body, |(i, _)| i);
        found.push(from..body + len);
    }
    // An e-mail address: the name and the domain either side of an "@".
    let name_byte = |b: &u8| b.is_ascii_alphanumeric() || b"._%+-".contains(b);
    let domain_byte = |b: &u8| b.is_ascii_alphanumeric() || b".-".contains(b);
    for at in memchr::memchr_iter(b'@', bytes) {
        let name = bytes[..at]
            .iter()
            .rev()
            .take_while(|b| name_byte(b))
            .count();
        let domain = bytes[at + 1..]
            .iter()
            .take_while(|b| domain_byte(b))
            .count();
        if name > 0 && domain > 0 {
            found.push(at - name..at + 1 + domain);
        }
    }
    found
}

/// Sorts findings by position, then rule, then concept.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(report_order);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_in_a_web_or_mail_address_is_in_an_address() {
        let at = |text: &str, term: &str| {
            let start = text.find(term).expect("term in text");
            in_address(text, &(start..start + term.len()))
        };
        assert!(at(
            "see https://example.org/trade-union/ now",
            "trade-union"
        ));
        assert!(at("visit WWW.Trade-Union.org\u{3000}today", "Trade-Union"));
        assert!(at("write to union@example.org", "union"));
        assert!(!at("the trade union met", "trade union"));
        assert!(!at("the www team met the union", "union"));
        assert!(!at("the union.\u{3000}www.example.org", "union"));
        assert!(!at("écrivez www.example.org", "écrivez"));
        // Words written against an address are not in it.
        let link = "see [the trade union](https://example.org/a) now";
        assert!(!at(link, "trade union"));
        assert!(at(link, "example"));
        assert!(!at("the Trade Union(http://x.org) met", "Trade Union"));
        assert!(!at("Trade Union,www.x.org", "Trade Union"));
        assert!(!at("[union](mailto:a@b.org)", "union"));
        assert!(!at("Union<a@b.org>", "Union"));
        assert!(at("<union@b.org>", "union"));
        assert!(at("(https://w.org/Trade_(union)).", "union"));
        assert!(!at("(https://w.org/a)union", "union"));
    }

    #[test]
    fn covered_runs_answer_as_a_comparison_with_every_span_does() {
        // Overlapping, nested, touching and empty spans, given out of order.
        let spans = [
            20..25,
            3..6,
            5..9,
            30..30,
            12..14,
            9..10,
            13..13,
            40..52,
            44..46,
        ];
        let overlaps_any = |m: &Range<usize>| {
            spans
                .iter()
                .any(|g| !(g.end <= m.start || m.end <= g.start))
        };
        // Every list of consecutive, non-overlapping matches of one length over the range,
        // as a block's exact matches are: sorted by start and by end.
        for width in 1..6 {
            for offset in 0..width {
                let matches: Vec<Range<usize>> = (0..60)
                    .map(|i| offset + i * width..offset + (i + 1) * width)
                    .collect();
                let mut covered = Covered::new(spans.iter().cloned());
                for m in &matches {
                    assert_eq!(covered.overlaps(m), overlaps_any(m), "{m:?}, width {width}");
                }
            }
        }
    }

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

    /// Blocks cut inside long lines (no paragraph break to cut at): a finding just after a
    /// cut still gets the context and excerpt it has in the whole document.
    #[test]
    fn findings_near_a_block_start_keep_their_context() {
        let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").unwrap();
        let matcher = TermMatcher::new(&glossary);
        let checker = Checker::new(&glossary, &matcher, RuleSet::all());
        let mut text = String::new();
        for i in 0..400 {
            // Sentences of varying length, a line break now and then but never a blank line.
            let filler = "and the delegates of the district ".repeat(i % 7);
            let end = if i % 5 == 0 { ".\n" } else { ". " };
            text.push_str(&format!(
                "Item {i} {filler}met the Municipal General Assembly in the hall{end}"
            ));
        }
        let expected = checker.check_str(&text);
        assert_eq!(expected.len(), 400);
        for block in [9_600, 12_345, 20_000] {
            let sizes = BlockSizes {
                block,
                overlap: 1_200,
            };
            let got = Checker::new(&glossary, &matcher, RuleSet::all())
                .with_block_sizes(sizes)
                .check_str(&text);
            assert_eq!(got, expected, "block size {block}");
        }
    }

    /// A document longer than the kept text, read twice (renderings counted, then the
    /// minority ones reported), gives the same findings as one read tallying its occurrences
    /// or keeping every one whole, and as one read that cannot be repeated (standard input).
    #[test]
    fn a_second_read_reports_the_same_inconsistencies() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,admitted,forbidden\n\
             m,model worker,labour hero,labour model\n\
             f,Federation of Trade Unions,trade union federation,\n\
             c,collective contract,,\n\
             l,labour contract,,\n",
            "g.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        let fuzzy = FuzzyIndex::new(&glossary, crate::fuzzy::DEFAULT_THRESHOLD);
        let mut text = String::new();
        for i in 0..200 {
            let (m, f) = match i % 7 {
                0 => ("labour hero", "trade union federation"),
                3 => ("Model Worker", "Federation of Trade Unions"),
                5 => ("labour model", "Federation of Trade Unions"),
                _ => ("model worker", "Federation of Trade Unions"),
            };
            // The minority renderings of `f` come first, so the majority is clear only late.
            let f = if i < 40 { "trade union federation" } else { f };
            let sep = if i % 3 == 0 { "\n\n" } else { " " };
            // `c` is written one way throughout: on a second read its occurrences are only
            // counted, and the count must still agree with the first read's.
            text.push_str(&format!(
                "Item {i}: a {m} of the {f} spoke of the collective contract.{sep}"
            ));
            // Capitals of a heading, of a headline in capitals, of a longer name and of a
            // defined term, each judged alike by every path: the headings in another
            // rendering depart from the majority; the defined term and the generic noun's
            // small letters do not compete.
            text.push_str(match i % 9 {
                0 => "\n\nLabour Hero\n\n",
                1 => "\n\nMODEL WORKER\n\n",
                2 => "This Labour Contract (the \"Contract\") binds. ",
                4 => "The Labour Contract Law applies to this Labour Contract. ",
                6 => "A labour contract is signed. ",
                _ => "",
            });
        }
        let sizes = BlockSizes {
            block: 150,
            overlap: 64,
        };
        let checker = || {
            Checker::new(&glossary, &matcher, RuleSet::all())
                .with_fuzzy(&fuzzy)
                .with_block_sizes(sizes)
        };
        let expected = checker().check_str(&text);
        let inconsistent = expected
            .iter()
            .filter(|f| f.rule == Rule::InconsistentTerm)
            .count();
        assert!(inconsistent >= 60, "{inconsistent}");
        let of = |found: &str| expected.iter().filter(|f| f.found == found).count();
        assert_eq!(of("Labour Hero"), 23);
        assert_eq!(of("MODEL WORKER"), 0);
        assert!(expected.iter().all(|f| f.concept != "l"));
        // The occurrences tallied (the default) and kept whole give the same findings.
        let kept_whole = checker()
            .with_consistency(ConsistencyScope::Document, true)
            .check_str(&text);
        assert_eq!(kept_whole, expected, "occurrences kept whole");
        let findings = |outcome: Result<Outcome, ReadError>| match outcome {
            Ok(Outcome::Checked(doc)) => doc.findings.into_vec(),
            _ => unreachable!(),
        };
        let bytes = text.as_bytes();
        let reopen = || Ok(Box::new(bytes) as Box<dyn Read + Send>);
        // Past the limit, a document is counted and read again; within it, one that can be
        // read again keeps no text, and its departing occurrences are placed from that read.
        for limit in [0, 1000, 5000, usize::MAX] {
            let small = checker().with_kept_text_limit(limit);
            let once = small.check_reader(bytes, false);
            assert_eq!(findings(once), expected, "one read, limit {limit}");
            let twice = small.check_reopenable(
                bytes,
                false,
                Markup::Plain,
                &mut WordCache::default(),
                &reopen,
            );
            assert_eq!(findings(twice), expected, "two reads, limit {limit}");
            // Standard input, read again from the copy made while it was read.
            let file = tempfile::tempfile().unwrap();
            let (copied, copy) = crate::input::copy::Copied::new(bytes, file).unwrap();
            let reopen_copy = || copy.open().map(|f| Box::new(f) as Box<dyn Read + Send>);
            let from_copy = small.check_reopenable(
                copied,
                false,
                Markup::Plain,
                &mut WordCache::default(),
                &reopen_copy,
            );
            assert_eq!(
                findings(from_copy),
                expected,
                "copied stream, limit {limit}"
            );
        }
        // A document that changed between the reads is an error, not a wrong report.
        let other = text.replace("labour hero", "somebody");
        let other = other.as_bytes();
        let reopen_other = || Ok(Box::new(other) as Box<dyn Read + Send>);
        for limit in [0, usize::MAX] {
            let changed = checker().with_kept_text_limit(limit).check_reopenable(
                bytes,
                false,
                Markup::Plain,
                &mut WordCache::default(),
                &reopen_other,
            );
            assert!(matches!(changed, Err(ReadError::Io(_))), "limit {limit}");
        }
        // A document whose renderings all agree is read once.
        let agreeing = text
            .replace("labour hero", "model worker")
            .replace("Labour Hero", "Model Worker")
            .replace("labour model", "model worker")
            .replace("Model Worker", "model worker")
            .replace("union federation", "Federation of Trade Unions");
        let reads = std::cell::Cell::new(0);
        let reopen_counted = || {
            reads.set(reads.get() + 1);
            Ok(Box::new(agreeing.as_bytes()) as Box<dyn Read + Send>)
        };
        let once = checker().check_reopenable(
            agreeing.as_bytes(),
            false,
            Markup::Plain,
            &mut WordCache::default(),
            &reopen_counted,
        );
        assert!(findings(once)
            .iter()
            .all(|f| f.rule != Rule::InconsistentTerm));
        assert_eq!(reads.get(), 0);
        // Cut short, too.
        let cut = &bytes[..bytes.len() / 2];
        let reopen_cut = || Ok(Box::new(cut) as Box<dyn Read + Send>);
        let changed = checker().check_reopenable(
            bytes,
            false,
            Markup::Plain,
            &mut WordCache::default(),
            &reopen_cut,
        );
        assert!(matches!(changed, Err(ReadError::Io(_))), "cut short");
    }

    /// A Markdown document's code is skipped, and its terms read through emphasis, alike
    /// whatever its blocks, and on each read: one read keeping its occurrences, two reads
    /// counting them first.
    #[test]
    fn markdown_code_is_skipped_on_every_read_path() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,admitted,forbidden\n\
             m,model worker,labour hero,labour model\n",
            "g.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        let fuzzy = FuzzyIndex::new(&glossary, crate::fuzzy::DEFAULT_THRESHOLD);
        let mut text = String::new();
        for i in 0..120 {
            text.push_str(match i % 6 {
                0 => "A labour hero spoke; `labour model` is a key.\n\n",
                1 => "```\nlabour hero = labour model\n\nlabour hero\n```\n",
                2 => "The labour model and the `labour hero` met.\n",
                3 => "A *labour* model and a labour _hero_ spoke; so did a **model** worker.\n\n",
                _ => "Each model worker spoke.\n\n",
            });
        }
        let code: Vec<Range<usize>> = CodeFinder::default().code_in(&text, text.len());
        let findings = |outcome: Result<Outcome, ReadError>| match outcome {
            Ok(Outcome::Checked(doc)) => doc.findings.into_vec(),
            _ => unreachable!(),
        };
        let bytes = text.as_bytes();
        let reopen = || Ok(Box::new(bytes) as Box<dyn Read + Send>);
        let checker = |block: usize| {
            Checker::new(&glossary, &matcher, RuleSet::all())
                .with_fuzzy(&fuzzy)
                .with_block_sizes(BlockSizes { block, overlap: 64 })
        };
        let check = |checker: &Checker<'_>, markup| {
            findings(checker.check_reader_with(bytes, false, markup, &mut WordCache::default()))
        };
        let expected = check(&checker(1 << 20), Markup::Markdown);
        let rules = |rule| expected.iter().filter(|f| f.rule == rule).count();
        // Outside code, each six items hold two "labour hero" (inconsistent with three "model
        // worker") and two "labour model" (forbidden), one of each with emphasis inside.
        assert_eq!(rules(Rule::ForbiddenTerm), 40);
        assert_eq!(rules(Rule::InconsistentTerm), 40);
        assert!(expected.iter().all(|f| !in_code(
            &code,
            &(f.start.byte_offset as usize..f.end.byte_offset as usize)
        )));
        let plain = check(&checker(1 << 20), Markup::Plain);
        // As plain text, the "labour model" in code is found too, and the one with emphasis
        // inside is not: three per six items.
        let plain_forbidden = plain.iter().filter(|f| f.rule == Rule::ForbiddenTerm);
        assert_eq!(plain_forbidden.count(), 60);
        for block in [150, 400, 1 << 20] {
            let small = checker(block);
            assert_eq!(check(&small, Markup::Markdown), expected, "block {block}");
            for limit in [0, 1000, usize::MAX] {
                let limited = checker(block).with_kept_text_limit(limit);
                let twice = limited.check_reopenable(
                    bytes,
                    false,
                    Markup::Markdown,
                    &mut WordCache::default(),
                    &reopen,
                );
                assert_eq!(findings(twice), expected, "block {block}, limit {limit}");
            }
        }
    }

    /// The tally compares a spelling by its length and ends, and a long one whole: two
    /// spellings of a long rendering that differ only in the middle, or only near the end,
    /// are two variants, as they are to occurrences kept whole.
    #[test]
    fn tallied_spellings_of_a_long_rendering_that_differ_in_the_middle_are_told_apart() {
        let glossary = Glossary::from_csv_text(
            "id,preferred\n\
             s,Shanghai Municipal Federation of Trade Unions\n\
             f,Federation of Trade Unions\n",
            "g.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        let checker = Checker::new(&glossary, &matcher, RuleSet::all());
        // The long rendering's odd spelling differs in its 20th byte, the short one's in its
        // 21st: past the first 16 bytes, before the last 16 of the long one.
        let text = "The Shanghai Municipal Federation of Trade Unions met. \
                    The Shanghai Municipal Federation of Trade Unions spoke. \
                    The Shanghai Municipal federation of Trade Unions agreed. \
                    A Federation of Trade Unions, a Federation of Trade Unions, \
                    and a Federation of Trade unions.";
        let inconsistent = |findings: Vec<Finding>| -> Vec<String> {
            findings
                .into_iter()
                .filter(|f| f.rule == Rule::InconsistentTerm)
                .map(|f| f.found)
                .collect()
        };
        let tallied = inconsistent(checker.check_str(text));
        assert_eq!(
            tallied,
            [
                "Shanghai Municipal federation of Trade Unions",
                "Federation of Trade unions"
            ]
        );
        let kept_whole = checker
            .with_consistency(ConsistencyScope::Document, true)
            .check_str(text);
        assert_eq!(inconsistent(kept_whole), tallied);
    }

    /// The line and column of a tallied occurrence are worked out only once it turns out to
    /// depart from the majority: across block boundaries, CRLF line ends and characters of
    /// several bytes they are where an occurrence kept whole puts them.
    #[test]
    fn tallied_departures_are_placed_as_occurrences_kept_whole() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,admitted\nm,model worker,labour hero\n",
            "g.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        let fuzzy = FuzzyIndex::new(&glossary, crate::fuzzy::DEFAULT_THRESHOLD);
        let mut text = String::new();
        for i in 0..60 {
            let m = if i % 4 == 1 {
                "labour hero"
            } else {
                "model worker"
            };
            let pad = "é—".repeat(i % 5);
            let end = if i % 2 == 0 { "\r\n" } else { "\n\n" };
            text.push_str(&format!("{pad}Line {i} names a {m}, said 中文 {pad}.{end}"));
        }
        let sizes = BlockSizes {
            block: 120,
            overlap: 48,
        };
        let checker = || {
            Checker::new(&glossary, &matcher, RuleSet::all())
                .with_fuzzy(&fuzzy)
                .with_block_sizes(sizes)
        };
        let tallied = checker().check_str(&text);
        let departing: Vec<_> = tallied
            .iter()
            .filter(|f| f.rule == Rule::InconsistentTerm)
            .collect();
        assert_eq!(departing.len(), 15);
        assert!(departing.iter().all(|f| f.found == "labour hero"));
        // Two lines of text take three line ends (CRLF is one): item 2k + 1 is on line 3k + 2.
        let lines: Vec<u64> = departing.iter().map(|f| f.start.line).collect();
        assert_eq!(lines[..3], [2, 8, 14]);
        let kept_whole = checker()
            .with_consistency(ConsistencyScope::Document, true)
            .check_str(&text);
        assert_eq!(kept_whole, tallied);
    }

    /// Spellings of a rendering that differ past their 16th byte, or only in capitals inside
    /// the term, are variants of their own when tallied, as when every occurrence is kept.
    #[test]
    fn tallied_spellings_long_and_short_are_told_apart_as_when_kept_whole() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,admitted\n\
             f,federation of trade unions,trade union federation\n\
             w,work safety,labour safety\n",
            "g.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        let forms = [
            ("federation of trade unions", 6),
            ("work safety", 5),
            ("federation of Trade Unions", 2),
            ("work Safety", 2),
            ("federation of trade Unions", 1),
            ("trade union federation", 1),
            ("labour safety", 1),
        ];
        let mut text = String::new();
        for round in 0..6 {
            for (form, times) in forms {
                if round < times {
                    text.push_str(&format!("Round {round} is about the {form} here.\n"));
                }
            }
        }
        let checker = || Checker::new(&glossary, &matcher, RuleSet::all());
        let tallied = checker().check_str(&text);
        let departing: Vec<&str> = tallied
            .iter()
            .filter(|f| f.rule == Rule::InconsistentTerm)
            .map(|f| f.found.as_str())
            .collect();
        let mut expected = vec![
            "work Safety",
            "federation of Trade Unions",
            "federation of trade Unions",
            "trade union federation",
            "labour safety",
        ];
        expected.extend(["work Safety", "federation of Trade Unions"]);
        let mut sorted = departing.clone();
        sorted.sort_unstable();
        expected.sort_unstable();
        assert_eq!(sorted, expected);
        let kept_whole = checker()
            .with_consistency(ConsistencyScope::Document, true)
            .check_str(&text);
        assert_eq!(kept_whole, tallied);
    }

    /// Renderings of closed-class words only ("the", "this", "he") say nothing of a concept:
    /// they are not compared, though other renderings of the same glossary are.
    #[test]
    fn renderings_of_function_words_are_not_compared_for_consistency() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,admitted\n\
             de,the,this|of\n\
             he,he,his\n\
             clan,Ning Clan,Ning family\n\
             up,pick-up truck,pickup\n",
            "g.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        let checker = || Checker::new(&glossary, &matcher, RuleSet::all());
        let text = "The Ning Clan met. This was the Ning Clan. He said his Ning family of old \
                    left. A pick-up truck, a pick-up truck and a pickup.";
        for keep in [false, true] {
            let found: Vec<(String, String)> = checker()
                .with_consistency(ConsistencyScope::Document, keep)
                .check_str(text)
                .into_iter()
                .filter(|f| f.rule == Rule::InconsistentTerm)
                .map(|f| (f.concept, f.found))
                .collect();
            let expected = [("clan", "Ning family"), ("up", "pickup")];
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(c, f)| (c.to_string(), f.to_string()))
                .collect();
            assert_eq!(found, expected, "occurrences kept whole: {keep}");
        }
    }

    #[test]
    fn wide_whitespace_before_a_term_is_no_address() {
        // U+3000 (three bytes) and U+00A0 (two) before a term: no panic, the term is found.
        let glossary = Glossary::from_csv_text(
            "id,preferred,forbidden\nm,model worker,labour model\n",
            "g.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        let checker = Checker::new(&glossary, &matcher, RuleSet::all());
        for text in ["a\u{3000}labour model", "a\u{a0}labour model here"] {
            let found = checker.check_str(text);
            assert_eq!(found.len(), 1, "{text:?}");
            assert_eq!(found[0].found, "labour model");
        }
    }

    /// A garbled term is corrected whole over a deprecated or forbidden rendering inside it
    /// whose words are a piece of the approved rendering, of its own concept or another's; the
    /// banned rendering written alone, followed by other words, or no piece of the approved
    /// rendering, is still banned.
    /// An approved short form inside a garbled window of its concept's longer rendering hides
    /// it only where the window cuts the longer one short ("State Grid Corporation" is "State
    /// Grid" and a word); a word dropped or replaced inside it is damage.
    #[test]
    fn an_approved_short_form_hides_only_a_longer_rendering_cut_short() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,admitted\n\
             sgcc,State Grid Corporation of China,State Grid|SGCC\n\
             xinhua,Xinhua News Agency,Xinhua\n",
            "g.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        let fuzzy = FuzzyIndex::new(&glossary, crate::fuzzy::DEFAULT_THRESHOLD);
        let checker = Checker::new(&glossary, &matcher, RuleSet::all()).with_fuzzy(&fuzzy);
        let found = |text: &str| rules_found_expected(&checker, text);
        let sgcc = "State Grid Corporation of China";
        for (text, garbled) in [
            (
                "The State Grid Corporation China invested more.",
                "State Grid Corporation China",
            ),
            (
                "The State Grid Corporation for China invested more.",
                "State Grid Corporation for China",
            ),
        ] {
            assert_eq!(
                found(text),
                [(Rule::GarbledTerm, garbled.to_string(), sgcc.to_string())],
                "{text}"
            );
        }
        for text in [
            "The State Grid Corporation invested more.",
            "State Grid invested more.",
            "The Xinhua News reported it.",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
    }

    #[test]
    fn a_garbled_term_wins_over_a_banned_rendering_inside_it() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,forbidden\n\
             miit,Ministry of Industry and Information Technology,Ministry of Industry and Information\n\
             sftu,Shanghai Federation of Trade Unions,Federation of Trade Unions\n\
             other,Information Office,\n\
             e2e,end-to-end encryption,end encryption\n\
             ota,over-the-air update,\n\
             wireless,wireless update,air update\n\
             cpc,Communist Party of China,\n\
             pc,party of China,Party China\n\
             controlled,controlled,CONTROLED\n\
             controller,controller driver,\n\
             objects,device objects,device-objects\n",
            "g.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        let fuzzy = FuzzyIndex::new(&glossary, crate::fuzzy::DEFAULT_THRESHOLD);
        let checker = Checker::new(&glossary, &matcher, RuleSet::all()).with_fuzzy(&fuzzy);
        let found = |text: &str| rules_found_expected(&checker, text);
        #[track_caller]
        fn one(got: Vec<(Rule, String, String)>, rule: Rule, found: &str, expected: &str) {
            assert_eq!(
                got,
                [(rule, found.to_string(), expected.to_string())],
                "{found}"
            );
        }
        let garbled = Rule::GarbledTerm;
        let forbidden = Rule::ForbiddenTerm;
        // The banned rendering of its own concept starts or ends the approved one.
        let miit = "Ministry of Industry and Information Technology";
        one(
            found("The Ministry of Industry and Information Techology met."),
            garbled,
            "Ministry of Industry and Information Techology",
            miit,
        );
        one(
            found("The Shanghia Federation of Trade Unions met."),
            garbled,
            "Shanghia Federation of Trade Unions",
            "Shanghai Federation of Trade Unions",
        );
        // Its own, inside a compound whose hyphens are lost.
        one(
            found("Messages use end to end encryption by default."),
            garbled,
            "end to end encryption",
            "end-to-end encryption",
        );
        // Another concept's, inside a term whose hyphens are lost or a word dropped.
        one(
            found("The over the air update takes 20 minutes."),
            garbled,
            "over the air update",
            "over-the-air update",
        );
        // A banned rendering that is no run of the approved rendering's words is evidence of
        // its own: "Party China" is no piece of "Communist Party of China", "CONTROLED" none
        // of "controller driver", and "device-objects" is the whole of "device objects".
        one(
            found("Workers celebrated the founding of the Communist Party China with songs."),
            forbidden,
            "Party China",
            "party of China",
        );
        one(
            found("It goes to the serio CONTROLED driver at once."),
            forbidden,
            "CONTROLED",
            "controlled",
        );
        one(
            found("Tests whether a device device-objects supports it."),
            forbidden,
            "device-objects",
            "device objects",
        );
        // The banned renderings that are really there.
        one(
            found("The Ministry of Industry and Information said so."),
            forbidden,
            "Ministry of Industry and Information",
            miit,
        );
        one(
            found("The air update takes 20 minutes."),
            forbidden,
            "air update",
            "wireless update",
        );
        one(
            found("Messages use end encryption by default."),
            forbidden,
            "end encryption",
            "end-to-end encryption",
        );
        one(
            found("The Party China said so."),
            forbidden,
            "Party China",
            "party of China",
        );
    }

    /// Each finding of `checker` on `text` as its rule, found text and suggestion.
    fn rules_found_expected(checker: &Checker, text: &str) -> Vec<(Rule, String, String)> {
        checker
            .check_str(text)
            .into_iter()
            .map(|f| (f.rule, f.found.clone(), f.expected.clone()))
            .collect()
    }

    /// A case-sensitive rendering in wrong capitals is a garbled term suggesting the rendering
    /// as listed, with garbled terms on or off; capitals of its setting are not, nor a form
    /// two case-sensitive concepts tell apart.
    #[test]
    fn a_case_sensitive_term_in_wrong_capitals_is_garbled() {
        let glossary = Glossary::from_csv_text(
            "id,preferred,admitted,forbidden,case\n\
             gnb,gNB,gNodeB,GNB,sensitive\n\
             milliwatt,mW,,,sensitive\n\
             megawatt,MW,,,sensitive\n\
             kwh,kWh,,,sensitive\n",
            "g.csv",
        )
        .unwrap();
        let matcher = TermMatcher::new(&glossary);
        let fuzzy = FuzzyIndex::new(&glossary, crate::fuzzy::DEFAULT_THRESHOLD);
        let with_fuzzy = Checker::new(&glossary, &matcher, RuleSet::all()).with_fuzzy(&fuzzy);
        let exact_only = Checker::new(&glossary, &matcher, RuleSet::all());
        for checker in [&with_fuzzy, &exact_only] {
            let found = |text: &str| rules_found_expected(checker, text);
            let garbled = |found: &str, expected: &str| {
                (Rule::GarbledTerm, found.to_string(), expected.to_string())
            };
            assert_eq!(
                found("The gnb sends the SSB; the Gnb and the GNb, the Gnodeb and 5 Kwh."),
                [
                    garbled("gnb", "gNB"),
                    garbled("Gnb", "gNB"),
                    garbled("GNb", "gNB"),
                    garbled("Gnodeb", "gNodeB"),
                    garbled("Kwh", "kWh"),
                ]
            );
            let finding = &checker.check_str("The gnb.")[0];
            assert!(
                finding
                    .message
                    .contains("wrong capitals of a case-sensitive term"),
                "{}",
                finding.message
            );
            // The listed forbidden form is forbidden; the rest is right, the setting's or
            // either of two units.
            assert_eq!(
                found("The GNB, the gNB, the gNodeB: 5 kWh, 5 mW, 5 MW, 5 mw, 5 Mw."),
                [(Rule::ForbiddenTerm, "GNB".to_string(), "gNB".to_string())]
            );
            assert_eq!(found("KWh USED BY THE GNODEB, IN KWH"), []);
        }
    }

    /// The same with garbled terms and consistency on: a near-miss cut by a block boundary is
    /// still found once, at the same place, and so is every rendering consistency counts.
    #[test]
    fn block_boundaries_inside_garbled_terms_change_nothing() {
        let glossary = Glossary::from_csv_text(GLOSSARY, "g.csv").unwrap();
        let matcher = TermMatcher::new(&glossary);
        let fuzzy = FuzzyIndex::new(&glossary, crate::fuzzy::DEFAULT_THRESHOLD);
        let checker = Checker::new(&glossary, &matcher, RuleSet::all()).with_fuzzy(&fuzzy);
        let mut text = String::new();
        // Each slip once: a spelling a document repeats is a word of its own, not a slip.
        let word = "Federation";
        for i in 0..20 {
            let at = 1 + i % 9;
            let slip = if i < 10 {
                format!("{}{}", &word[..at], &word[at + 1..])
            } else {
                format!("{}{}", &word[..at], &word[at - 1..])
            };
            let sep = if i % 3 == 0 { "\n\n" } else { " " };
            text.push_str(&format!(
                "Item {i}: the Shanghai {slip} of Trade\nUnions and Workercn and the \
                 Shanghai Trade Union.{sep}"
            ));
        }
        let expected = checker.check_str(&text);
        let garbled = expected
            .iter()
            .filter(|f| f.rule == Rule::GarbledTerm)
            .count();
        assert!(garbled >= 15, "{:?}", summary(&expected));
        for block in [97, 128, 150, 233] {
            let small = Checker::new(&glossary, &matcher, RuleSet::all())
                .with_fuzzy(&fuzzy)
                .with_block_sizes(BlockSizes { block, overlap: 64 });
            let got = small.check_str(&text);
            assert_eq!(summary(&got), summary(&expected), "block size {block}");
        }
    }
}
