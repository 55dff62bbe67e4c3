//! The findings of one document, in report order, in bounded memory.
//!
//! A run may find more than fits in memory (700,000 findings of a 2 GB file take about 1 GB),
//! so a [`Findings`] store keeps findings in memory only up to a [`SpillBudget`] shared by every
//! store of the run, on every worker thread. Past it, a store sorts what it holds and writes it
//! as one *run* to an anonymous temporary file (no name on disk, so nothing is left behind even
//! if termcheck is killed); [`Findings::iter`] then merges the runs and what is still in memory,
//! k-way, back into report order. The order is exactly that of sorting every finding at once
//! with [`report_order`] (a stable sort: equal findings stay in the order they were added), so
//! a report is byte for byte the same whether or not anything was spilled.
//!
//! Spilled findings are written in a compact binary form (see [`encode`]): lengths and numbers
//! as LEB128 varints, text as UTF-8, the score as its IEEE 754 bits, so that reading back gives
//! the very same finding (a decimal float would not always round-trip).

use std::borrow::Cow;
use std::cmp::Ordering as CmpOrdering;
use std::collections::BinaryHeap;
use std::fmt;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};

use crate::finding::{Excerpt, Finding, Severity};
use crate::location::Location;
use crate::rules::RULES;

/// What the findings of a run may take in memory by default, across all documents and threads:
/// 64 MiB, about 45,000 findings.
pub const DEFAULT_BUDGET: usize = 64 << 20;

/// Spilled findings are written in pieces of about this size, each read back whole: the memory
/// a merge takes per run.
const EXTENT: usize = 256 << 10;

/// The order of a report within one file: by position, then rule, then concept.
pub fn report_order(a: &Finding, b: &Finding) -> CmpOrdering {
    (a.start.byte_offset, a.rule, &a.concept).cmp(&(b.start.byte_offset, b.rule, &b.concept))
}

/// How much memory the findings of a run may take before they are spilled to temporary files,
/// and where those go. Cloning gives another handle on the same budget.
#[derive(Clone)]
pub struct SpillBudget {
    inner: Arc<BudgetInner>,
}

struct BudgetInner {
    limit: usize,
    held: AtomicUsize,
    dir: Option<PathBuf>,
    /// The file spilled runs go to, while any run is alive: when the last one is dropped the
    /// file is closed and its space returned, and the next spill makes a new one.
    file: Mutex<Weak<SpillFile>>,
    /// The first failure to spill; findings then stay in memory.
    error: Mutex<Option<String>>,
}

impl fmt::Debug for SpillBudget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SpillBudget")
            .field("limit", &self.inner.limit)
            .field("held", &self.held())
            .field("dir", &self.inner.dir)
            .finish()
    }
}

impl SpillBudget {
    /// A budget of `limit` bytes (as [`Finding::memory_estimate`] counts them), spilling to the
    /// system's temporary directory (`TMPDIR` on Unix).
    pub fn new(limit: usize) -> Self {
        SpillBudget {
            inner: Arc::new(BudgetInner {
                limit,
                held: AtomicUsize::new(0),
                dir: None,
                file: Mutex::new(Weak::new()),
                error: Mutex::new(None),
            }),
        }
    }

    /// A budget of `limit` bytes spilling to temporary files in `dir`.
    pub fn in_dir(limit: usize, dir: &Path) -> Self {
        let mut budget = SpillBudget::new(limit);
        Arc::get_mut(&mut budget.inner)
            .expect("a new budget has one handle")
            .dir = Some(dir.to_path_buf());
        budget
    }

    /// The budget in bytes.
    pub fn limit(&self) -> usize {
        self.inner.limit
    }

    /// Bytes of findings held in memory now, by every store of this budget.
    pub fn held(&self) -> usize {
        self.inner.held.load(Ordering::Relaxed)
    }

    /// Whether a temporary file holds spilled findings now.
    pub fn has_spill_file(&self) -> bool {
        lock(&self.inner.file).strong_count() > 0
    }

    /// Why spilling failed, if it ever did (findings were then kept in memory: the report is
    /// the same, only memory was not bounded).
    pub fn spill_error(&self) -> Option<String> {
        lock(&self.inner.error).clone()
    }

    fn add(&self, bytes: usize) {
        self.inner.held.fetch_add(bytes, Ordering::Relaxed);
    }

    fn sub(&self, bytes: usize) {
        self.inner.held.fetch_sub(bytes, Ordering::Relaxed);
    }

    fn spill_file(&self) -> io::Result<Arc<SpillFile>> {
        let mut slot = lock(&self.inner.file);
        if let Some(file) = slot.upgrade() {
            return Ok(file);
        }
        let file = match &self.inner.dir {
            Some(dir) => tempfile::tempfile_in(dir)?,
            None => tempfile::tempfile()?,
        };
        let file = Arc::new(SpillFile {
            file: Mutex::new((file, 0)),
        });
        *slot = Arc::downgrade(&file);
        Ok(file)
    }

    fn failed(&self, e: &io::Error) {
        lock(&self.inner.error).get_or_insert_with(|| e.to_string());
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic elsewhere cannot leave these in a state worse than before it.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// An anonymous temporary file and its length; pieces are appended under the lock.
struct SpillFile {
    file: Mutex<(File, u64)>,
}

impl SpillFile {
    fn append(&self, bytes: &[u8]) -> io::Result<u64> {
        let mut guard = lock(&self.file);
        let (file, len) = &mut *guard;
        let at = *len;
        file.seek(SeekFrom::Start(at))?;
        file.write_all(bytes)?;
        *len += bytes.len() as u64;
        Ok(at)
    }

    fn read(&self, at: u64, buf: &mut [u8]) -> io::Result<()> {
        let mut guard = lock(&self.file);
        let (file, _) = &mut *guard;
        file.seek(SeekFrom::Start(at))?;
        file.read_exact(buf)
    }
}

/// Sorted findings in a spill file, as pieces of whole records.
#[derive(Clone)]
struct Run {
    file: Arc<SpillFile>,
    /// (offset, length) of each piece, in order.
    extents: Vec<(u64, usize)>,
    count: usize,
}

impl Run {
    fn write(budget: &SpillBudget, findings: &[Finding]) -> io::Result<Run> {
        let file = budget.spill_file()?;
        let mut run = Run {
            file,
            extents: Vec::new(),
            count: findings.len(),
        };
        let mut writer = RunWriter::default();
        for f in findings {
            writer.push(&mut run, f)?;
        }
        writer.flush(&mut run)?;
        Ok(run)
    }

    fn reader(&self) -> RunReader<'_> {
        RunReader {
            run: self,
            next_extent: 0,
            buf: Vec::new(),
            pos: 0,
        }
    }
}

/// Encodes records into a piece and appends it to the run's file when full.
#[derive(Default)]
struct RunWriter {
    buf: Vec<u8>,
}

impl RunWriter {
    fn push(&mut self, run: &mut Run, f: &Finding) -> io::Result<()> {
        let start = self.buf.len();
        self.buf.extend_from_slice(&[0; 4]);
        encode(f, &mut self.buf);
        let len = u32::try_from(self.buf.len() - start - 4)
            .map_err(|_| io::Error::other("a finding too large to spill"))?;
        self.buf[start..start + 4].copy_from_slice(&len.to_le_bytes());
        if self.buf.len() >= EXTENT {
            self.flush(run)?;
        }
        Ok(())
    }

    fn push_raw(&mut self, run: &mut Run, record: &[u8]) -> io::Result<()> {
        self.buf
            .extend_from_slice(&(record.len() as u32).to_le_bytes());
        self.buf.extend_from_slice(record);
        if self.buf.len() >= EXTENT {
            self.flush(run)?;
        }
        Ok(())
    }

    fn flush(&mut self, run: &mut Run) -> io::Result<()> {
        if !self.buf.is_empty() {
            let at = run.file.append(&self.buf)?;
            run.extents.push((at, self.buf.len()));
            self.buf.clear();
        }
        Ok(())
    }
}

/// Reads a run's records back, one piece in memory at a time.
struct RunReader<'r> {
    run: &'r Run,
    next_extent: usize,
    buf: Vec<u8>,
    pos: usize,
}

impl RunReader<'_> {
    /// The next record's bytes (without its length).
    fn next_record(&mut self) -> io::Result<Option<&[u8]>> {
        if self.pos == self.buf.len() {
            let Some(&(at, len)) = self.run.extents.get(self.next_extent) else {
                return Ok(None);
            };
            self.next_extent += 1;
            self.buf.resize(len, 0);
            self.run.file.read(at, &mut self.buf)?;
            self.pos = 0;
        }
        let rest = &self.buf[self.pos..];
        let len = rest
            .get(..4)
            .map(|b| u32::from_le_bytes(b.try_into().expect("4 bytes")) as usize)
            .filter(|&len| len <= rest.len() - 4)
            .ok_or_else(|| corrupt("a record cut short"))?;
        let start = self.pos + 4;
        self.pos = start + len;
        Ok(Some(&self.buf[start..start + len]))
    }
}

fn corrupt(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("spilled findings unreadable: {what}"),
    )
}

/// The findings of one document (or one run's worth of them), iterated in report order.
///
/// Findings are added in any order with [`Findings::push`]; [`Findings::iter`] always yields
/// them sorted by [`report_order`], equal ones in the order they were added. With a
/// [`SpillBudget`], what exceeds it goes to a temporary file; without one
/// ([`Findings::default`]) everything stays in memory.
pub struct Findings {
    kept: Vec<Finding>,
    /// Whether `kept` is in report order.
    unsorted: bool,
    /// Bytes `kept` takes, as counted in the budget.
    kept_bytes: usize,
    /// Spilled runs, oldest first; each sorted.
    runs: Vec<Run>,
    spilled: usize,
    budget: Option<SpillBudget>,
}

impl Default for Findings {
    fn default() -> Self {
        Findings::empty(None)
    }
}

impl fmt::Debug for Findings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.runs.is_empty() {
            return f.debug_list().entries(&self.kept).finish();
        }
        f.debug_struct("Findings")
            .field("in_memory", &self.kept.len())
            .field("spilled", &self.spilled)
            .field("runs", &self.runs.len())
            .finish()
    }
}

impl Clone for Findings {
    fn clone(&self) -> Self {
        if let Some(budget) = &self.budget {
            budget.add(self.kept_bytes);
        }
        Findings {
            kept: self.kept.clone(),
            unsorted: self.unsorted,
            kept_bytes: self.kept_bytes,
            runs: self.runs.clone(),
            spilled: self.spilled,
            budget: self.budget.clone(),
        }
    }
}

impl Drop for Findings {
    fn drop(&mut self) {
        if let Some(budget) = &self.budget {
            budget.sub(self.kept_bytes);
        }
    }
}

impl PartialEq for Findings {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl From<Vec<Finding>> for Findings {
    fn from(kept: Vec<Finding>) -> Self {
        let mut findings = Findings::default();
        findings.extend(kept);
        findings
    }
}

impl Extend<Finding> for Findings {
    fn extend<I: IntoIterator<Item = Finding>>(&mut self, iter: I) {
        for f in iter {
            self.push(f);
        }
    }
}

impl FromIterator<Finding> for Findings {
    fn from_iter<I: IntoIterator<Item = Finding>>(iter: I) -> Self {
        let mut findings = Findings::default();
        findings.extend(iter);
        findings
    }
}

impl<'a> IntoIterator for &'a Findings {
    type Item = Cow<'a, Finding>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl Findings {
    /// An empty store that spills past `budget`.
    pub fn with_budget(budget: &SpillBudget) -> Self {
        Findings::empty(Some(budget.clone()))
    }

    fn empty(budget: Option<SpillBudget>) -> Self {
        Findings {
            kept: Vec::new(),
            unsorted: false,
            kept_bytes: 0,
            runs: Vec::new(),
            spilled: 0,
            budget,
        }
    }

    /// How many findings it holds.
    pub fn len(&self) -> usize {
        self.kept.len() + self.spilled
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many of them are in temporary files rather than in memory.
    pub fn spilled(&self) -> usize {
        self.spilled
    }

    /// Bytes the findings held in memory take ([`Finding::memory_estimate`]).
    pub fn memory_estimate(&self) -> usize {
        self.kept_bytes
    }

    /// Adds a finding; spills this store's findings when the budget is exceeded and this store
    /// holds a fair share of it (a sixteenth), so that stores do not spill a few at a time.
    pub fn push(&mut self, finding: Finding) {
        if let Some(last) = self.kept.last() {
            self.unsorted |= report_order(&finding, last) == CmpOrdering::Less;
        }
        let bytes = finding.memory_estimate();
        self.kept_bytes += bytes;
        self.kept.push(finding);
        if let Some(budget) = &self.budget {
            budget.add(bytes);
            if budget.held() > budget.limit() && self.kept_bytes >= budget.limit() / 16 {
                self.spill();
            }
        }
    }

    /// Puts what is in memory in report order, and spills it when the run's findings in memory
    /// take more than half the budget: call it when a document is done, so that the findings
    /// of many finished documents together stay within the budget.
    pub fn finish(&mut self) {
        self.sort_kept();
        if let Some(budget) = &self.budget {
            if budget.held() > budget.limit() / 2 && !self.kept.is_empty() {
                self.spill();
            }
        }
    }

    fn sort_kept(&mut self) {
        if self.unsorted {
            self.kept.sort_by(report_order);
            self.unsorted = false;
        }
    }

    /// Writes what is in memory as a run; on failure keeps it in memory (the report is the
    /// same) and notes the error in the budget.
    fn spill(&mut self) {
        let Some(budget) = self.budget.clone() else {
            return;
        };
        self.sort_kept();
        match Run::write(&budget, &self.kept) {
            Ok(run) => {
                self.spilled += run.count;
                self.runs.push(run);
                budget.sub(self.kept_bytes);
                self.kept_bytes = 0;
                self.kept = Vec::new();
            }
            Err(e) => budget.failed(&e),
        }
    }

    /// Every finding, in report order. Can be called again; each call reads spilled runs anew.
    ///
    /// # Panics
    ///
    /// If a temporary file written by this run cannot be read back (an I/O error of the
    /// machine, as with memory that cannot be had).
    pub fn iter(&self) -> Iter<'_> {
        self.merge(false)
    }

    /// The merge of [`Findings::iter`]; with `keep_records`, each spilled finding comes with
    /// the bytes it was read from.
    fn merge(&self, keep_records: bool) -> Iter<'_> {
        let kept = if self.unsorted {
            let mut order: Vec<usize> = (0..self.kept.len()).collect();
            order.sort_by(|&a, &b| report_order(&self.kept[a], &self.kept[b]));
            Kept::Permuted(order.into_iter())
        } else {
            Kept::Sorted(self.kept.iter())
        };
        let mut iter = Iter {
            kept_source: kept,
            kept: &self.kept,
            kept_head: None,
            runs: self.runs.iter().map(Run::reader).collect(),
            heads: BinaryHeap::new(),
            left: self.len(),
            keep_records,
        };
        for i in 0..iter.runs.len() {
            if let Some(head) = iter.read_run(i, 0) {
                iter.heads.push(head);
            }
        }
        iter.kept_head = iter.next_kept();
        iter
    }

    /// All the findings, in report order, in memory.
    pub fn to_vec(&self) -> Vec<Finding> {
        self.iter().map(Cow::into_owned).collect()
    }

    /// All the findings, in report order, in memory.
    pub fn into_vec(mut self) -> Vec<Finding> {
        if self.runs.is_empty() {
            self.sort_kept();
            if let Some(budget) = &self.budget {
                budget.sub(self.kept_bytes);
            }
            self.kept_bytes = 0;
            return std::mem::take(&mut self.kept);
        }
        self.to_vec()
    }

    /// Removes every finding.
    pub fn clear(&mut self) {
        // The old value's drop gives its bytes back to the budget.
        *self = Findings::empty(self.budget.clone());
    }

    /// Keeps the findings for which `keep` is true, calling it once per finding, in report
    /// order.
    pub fn retain(&mut self, mut keep: impl FnMut(&Finding) -> bool) {
        self.retain_mut(|f| keep(f));
    }

    /// Keeps the findings for which `keep` is true, calling it once per finding in report
    /// order; it may change them, but not their position, rule or concept (the order).
    /// A spilled run is written again only from its first finding that changed.
    ///
    /// # Panics
    ///
    /// As [`Findings::iter`], or if writing a changed run fails.
    pub fn retain_mut(&mut self, mut keep: impl FnMut(&mut Finding) -> bool) {
        if self.runs.is_empty() {
            self.sort_kept();
            let budget = self.budget.clone();
            let mut bytes = 0;
            self.kept.retain_mut(|f| {
                let kept = keep(f);
                if kept {
                    bytes += f.memory_estimate();
                }
                kept
            });
            if let Some(budget) = budget {
                budget.sub(self.kept_bytes);
                budget.add(bytes);
            }
            self.kept_bytes = bytes;
            return;
        }
        // Spilled: every finding in report order, each source rewritten as it is visited.
        // Calls to `keep` must follow report order (a baseline filters by position in the
        // report), so the merge drives them.
        let old = std::mem::take(self);
        let budget = old.budget.clone();
        let mut rewritten: Vec<Option<Rewrite>> = old.runs.iter().map(|_| None).collect();
        let mut kept = Vec::new();
        {
            let mut iter = old.merge(true);
            while let Some((source, record, finding)) = iter.next_with_source() {
                let mut finding = finding.into_owned();
                let keep_it = keep(&mut finding);
                match source {
                    Source::Kept => {
                        if keep_it {
                            kept.push(finding);
                        }
                    }
                    Source::Run(i, index) => {
                        let run = &old.runs[i];
                        let same = keep_it && {
                            let mut scratch = Vec::new();
                            encode(&finding, &mut scratch);
                            scratch == record
                        };
                        let entry = &mut rewritten[i];
                        match entry {
                            // Unchanged so far: the run stays as it is.
                            None if same => {}
                            None => {
                                // The first change: copy the unchanged records before it.
                                let mut rw = Rewrite::new(run);
                                let mut reader = run.reader();
                                for _ in 0..index {
                                    let r =
                                        reader.next_record().unwrap_or_else(|e| rewrite_failed(&e));
                                    let r = r.expect("records before the current one");
                                    rw.writer
                                        .push_raw(&mut rw.run, r)
                                        .unwrap_or_else(|e| rewrite_failed(&e));
                                    rw.run.count += 1;
                                }
                                if keep_it {
                                    rw.push(&finding).unwrap_or_else(|e| rewrite_failed(&e));
                                }
                                *entry = Some(rw);
                            }
                            Some(rw) => {
                                if keep_it {
                                    rw.push(&finding).unwrap_or_else(|e| rewrite_failed(&e));
                                }
                            }
                        }
                    }
                }
            }
        }
        let mut runs = Vec::new();
        for (run, rewrite) in old.runs.iter().zip(rewritten) {
            match rewrite {
                None => runs.push(run.clone()),
                Some(mut rw) => {
                    rw.writer
                        .flush(&mut rw.run)
                        .unwrap_or_else(|e| rewrite_failed(&e));
                    if rw.run.count > 0 {
                        runs.push(rw.run);
                    }
                }
            }
        }
        drop(old);
        let mut new = Findings::empty(budget.clone());
        new.spilled = runs.iter().map(|r| r.count).sum();
        new.runs = runs;
        for f in kept {
            // Kept as they were: in memory, in order, counted again in the budget.
            let bytes = f.memory_estimate();
            new.kept_bytes += bytes;
            if let Some(budget) = &budget {
                budget.add(bytes);
            }
            new.kept.push(f);
        }
        *self = new;
    }
}

fn rewrite_failed(e: &io::Error) -> ! {
    panic!("termcheck: cannot write spilled findings again: {e}")
}

/// A run being written again.
struct Rewrite {
    run: Run,
    writer: RunWriter,
}

impl Rewrite {
    fn new(old: &Run) -> Self {
        Rewrite {
            run: Run {
                file: Arc::clone(&old.file),
                extents: Vec::new(),
                count: 0,
            },
            writer: RunWriter::default(),
        }
    }

    fn push(&mut self, f: &Finding) -> io::Result<()> {
        self.run.count += 1;
        self.writer.push(&mut self.run, f)
    }
}

enum Kept<'a> {
    Sorted(std::slice::Iter<'a, Finding>),
    Permuted(std::vec::IntoIter<usize>),
}

#[derive(Clone, Copy)]
enum Source {
    Kept,
    /// Run `.0`, its record number `.1`.
    Run(usize, usize),
}

/// The findings of a [`Findings`] store in report order: a k-way merge of its spilled runs
/// and what it holds in memory (borrowed; spilled ones are owned).
pub struct Iter<'a> {
    kept_source: Kept<'a>,
    kept: &'a [Finding],
    kept_head: Option<&'a Finding>,
    runs: Vec<RunReader<'a>>,
    /// The next finding of each run not yet done.
    heads: BinaryHeap<Head>,
    left: usize,
    keep_records: bool,
}

impl<'a> Iter<'a> {
    fn next_kept(&mut self) -> Option<&'a Finding> {
        match &mut self.kept_source {
            Kept::Sorted(it) => it.next(),
            Kept::Permuted(it) => it.next().map(|i| &self.kept[i]),
        }
    }

    fn read_run(&mut self, run: usize, index: usize) -> Option<Head> {
        let reader = &mut self.runs[run];
        let bytes = reader
            .next_record()
            .unwrap_or_else(|e| panic!("termcheck: cannot read spilled findings back: {e}"))?;
        let finding = decode(bytes)
            .unwrap_or_else(|e| panic!("termcheck: cannot read spilled findings back: {e}"));
        // Only a rewrite compares records; a report needs the finding alone.
        let record = if self.keep_records {
            bytes.to_vec()
        } else {
            Vec::new()
        };
        Some(Head {
            finding,
            record,
            run,
            index,
        })
    }

    /// The next finding, where it came from and (for a run) its record bytes.
    fn next_with_source(&mut self) -> Option<(Source, Vec<u8>, Cow<'a, Finding>)> {
        // Earlier runs win ties, and memory (the latest findings) comes last: a stable merge.
        let from_kept = match (self.heads.peek(), self.kept_head) {
            (None, None) => return None,
            (None, Some(_)) => true,
            (Some(_), None) => false,
            (Some(head), Some(k)) => report_order(k, &head.finding) == CmpOrdering::Less,
        };
        self.left -= 1;
        if from_kept {
            let f = self.kept_head.take().expect("a kept finding");
            self.kept_head = self.next_kept();
            return Some((Source::Kept, Vec::new(), Cow::Borrowed(f)));
        }
        let head = self.heads.pop().expect("a head");
        if let Some(next) = self.read_run(head.run, head.index + 1) {
            self.heads.push(next);
        }
        Some((
            Source::Run(head.run, head.index),
            head.record,
            Cow::Owned(head.finding),
        ))
    }
}

/// The next finding of a run, in the merge's heap.
struct Head {
    finding: Finding,
    record: Vec<u8>,
    run: usize,
    /// Its number in the run.
    index: usize,
}

impl Head {
    fn order(&self, other: &Head) -> CmpOrdering {
        report_order(&self.finding, &other.finding).then(self.run.cmp(&other.run))
    }
}

impl PartialEq for Head {
    fn eq(&self, other: &Head) -> bool {
        self.order(other) == CmpOrdering::Equal
    }
}

impl Eq for Head {}

impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Head) -> Option<CmpOrdering> {
        Some(self.cmp(other))
    }
}

impl Ord for Head {
    /// Reversed: the heap's greatest is the first in report order.
    fn cmp(&self, other: &Head) -> CmpOrdering {
        other.order(self)
    }
}

impl<'a> Iterator for Iter<'a> {
    type Item = Cow<'a, Finding>;

    fn next(&mut self) -> Option<Cow<'a, Finding>> {
        self.next_with_source().map(|(_, _, f)| f)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Iter<'_> {}

/// Appends the record of `finding` to `out`.
///
/// Every field is named (by destructuring), so a field added to [`Finding`] does not compile
/// until it is encoded here and decoded in [`decode`].
pub fn encode(finding: &Finding, out: &mut Vec<u8>) {
    let Finding {
        rule,
        severity,
        concept,
        found,
        expected,
        message,
        note,
        context,
        start,
        end,
        excerpt:
            Excerpt {
                text: excerpt,
                highlight_start,
                highlight_width,
            },
        score,
        unit,
    } = finding;
    let rule = RULES
        .iter()
        .position(|r| r.rule == *rule)
        .expect("every rule is in the table");
    out.push(rule as u8);
    out.push(match severity {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    });
    for s in [concept, found, expected, message, note, context, excerpt] {
        put_str(out, s);
    }
    for l in [start, end] {
        put_varint(out, l.line);
        put_varint(out, l.column);
        put_varint(out, l.byte_offset);
    }
    put_varint(out, *highlight_start as u64);
    put_varint(out, *highlight_width as u64);
    match score {
        None => out.push(0),
        Some(s) => {
            out.push(1);
            out.extend_from_slice(&s.to_bits().to_le_bytes());
        }
    }
    match unit {
        None => out.push(0),
        Some(u) => {
            out.push(1);
            put_str(out, u);
        }
    }
}

/// The finding whose record [`encode`] wrote.
pub fn decode(bytes: &[u8]) -> io::Result<Finding> {
    let mut r = Decoder { bytes };
    let rule = RULES
        .get(usize::from(r.byte()?))
        .ok_or_else(|| corrupt("a rule out of range"))?
        .rule;
    let severity = match r.byte()? {
        0 => Severity::Info,
        1 => Severity::Warning,
        2 => Severity::Error,
        _ => return Err(corrupt("a severity out of range")),
    };
    let concept = r.string()?;
    let found = r.string()?;
    let expected = r.string()?;
    let message = r.string()?;
    let note = r.string()?;
    let context = r.string()?;
    let excerpt = r.string()?;
    let start = r.location()?;
    let end = r.location()?;
    let highlight_start = r.usize()?;
    let highlight_width = r.usize()?;
    let score = match r.byte()? {
        0 => None,
        1 => Some(f64::from_bits(u64::from_le_bytes(
            r.take(8)?.try_into().expect("8 bytes"),
        ))),
        _ => return Err(corrupt("a score tag out of range")),
    };
    let unit = match r.byte()? {
        0 => None,
        1 => Some(r.string()?),
        _ => return Err(corrupt("a unit tag out of range")),
    };
    if !r.bytes.is_empty() {
        return Err(corrupt("bytes after a record"));
    }
    Ok(Finding {
        rule,
        severity,
        concept,
        found,
        expected,
        message,
        note,
        context,
        start,
        end,
        excerpt: Excerpt {
            text: excerpt,
            highlight_start,
            highlight_width,
        },
        score,
        unit,
    })
}

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

struct Decoder<'b> {
    bytes: &'b [u8],
}

impl<'b> Decoder<'b> {
    fn take(&mut self, n: usize) -> io::Result<&'b [u8]> {
        if n > self.bytes.len() {
            return Err(corrupt("a record cut short"));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn byte(&mut self) -> io::Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn varint(&mut self) -> io::Result<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(corrupt("a number too long"))
    }

    fn usize(&mut self) -> io::Result<usize> {
        usize::try_from(self.varint()?).map_err(|_| corrupt("a number too large"))
    }

    fn string(&mut self) -> io::Result<String> {
        let n = self.usize()?;
        let bytes = self.take(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| corrupt("text that is not UTF-8"))
    }

    fn location(&mut self) -> io::Result<Location> {
        Ok(Location {
            line: self.varint()?,
            column: self.varint()?,
            byte_offset: self.varint()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;

    fn finding(offset: u64, rule: Rule, concept: &str, tag: usize) -> Finding {
        let at = |byte_offset| Location {
            line: byte_offset / 80 + 1,
            column: byte_offset % 80 + 1,
            byte_offset,
        };
        Finding {
            rule,
            severity: Severity::Warning,
            concept: concept.into(),
            found: format!("found «{tag}»"),
            expected: "Workercn".into(),
            message: format!("message {tag}: 上海 “quoted”"),
            note: if tag.is_multiple_of(3) {
                String::new()
            } else {
                "a note".into()
            },
            context: "x".repeat(tag % 50),
            start: at(offset),
            end: at(offset + 7),
            excerpt: Excerpt {
                text: format!("line {tag}"),
                highlight_start: tag % 7,
                highlight_width: 1 + tag % 5,
            },
            score: tag.is_multiple_of(2).then(|| 0.1 + tag as f64 / 3.0),
            unit: tag.is_multiple_of(4).then(|| format!("u{tag}")),
        }
    }

    /// Findings in a scrambled order with many equal keys (same offset, rule and concept), so
    /// that a merge that is not stable would show.
    fn scrambled(n: usize) -> Vec<Finding> {
        let rules = [
            Rule::ForbiddenTerm,
            Rule::GarbledTerm,
            Rule::InconsistentTerm,
        ];
        (0..n)
            .map(|i| {
                let offset = ((i * 7919) % 97) as u64 * 10;
                let concept = ["ftu", "web"][(i / 5) % 2];
                finding(offset, rules[i % 3], concept, i)
            })
            .collect()
    }

    fn sorted(mut v: Vec<Finding>) -> Vec<Finding> {
        v.sort_by(report_order);
        v
    }

    #[test]
    fn records_read_back_as_the_same_finding() {
        for (i, f) in scrambled(40).into_iter().enumerate() {
            let mut f = f;
            if i == 5 {
                f.score = Some(f64::from_bits(0x3fe5_5555_5555_5556));
            }
            let mut bytes = Vec::new();
            encode(&f, &mut bytes);
            assert_eq!(decode(&bytes).unwrap(), f);
            assert!(decode(&bytes[..bytes.len() - 1]).is_err(), "cut short");
        }
    }

    #[test]
    fn a_store_over_budget_spills_and_iterates_in_stable_report_order() {
        let dir = tempfile::tempdir().unwrap();
        let all = scrambled(500);
        let budget = SpillBudget::in_dir(20_000, dir.path());
        let mut store = Findings::with_budget(&budget);
        store.extend(all.clone());
        assert!(store.spilled() > 0 && store.runs.len() > 3, "{store:?}");
        assert!(budget.has_spill_file());
        assert_eq!(store.len(), 500);
        let expected = sorted(all.clone());
        assert_eq!(store.to_vec(), expected);
        assert_eq!(store.to_vec(), expected, "iterated twice");
        assert_eq!(store.iter().len(), 500);
        store.finish();
        assert_eq!(store.to_vec(), expected);
        let in_memory: Findings = all.into_iter().collect();
        assert_eq!(in_memory.spilled(), 0);
        assert_eq!(in_memory, store);
        assert!(budget.held() <= budget.limit());
        drop(store);
        assert_eq!(budget.held(), 0);
        assert!(!budget.has_spill_file(), "the file goes with the last run");
    }

    #[test]
    fn retain_mut_on_spilled_findings_is_retain_mut_in_memory() {
        let all = scrambled(300);
        let budget = SpillBudget::new(15_000);
        let mut store = Findings::with_budget(&budget);
        store.extend(all.clone());
        assert!(store.spilled() > 0);
        let mut expected = sorted(all);
        let mut calls = Vec::new();
        let edit = |n: usize, f: &mut Finding| {
            if n % 10 == 3 {
                f.severity = Severity::Error;
            }
            !n.is_multiple_of(7)
        };
        let mut n = 0;
        expected.retain_mut(|f| {
            n += 1;
            edit(n, f)
        });
        let mut n = 0;
        store.retain_mut(|f| {
            n += 1;
            calls.push(f.message.clone());
            edit(n, f)
        });
        assert_eq!(store.to_vec(), expected);
        assert_eq!(store.len(), expected.len());
        // Nothing changed: nothing is written again.
        let runs_before: Vec<Vec<(u64, usize)>> =
            store.runs.iter().map(|r| r.extents.clone()).collect();
        store.retain(|_| true);
        let runs_after: Vec<Vec<(u64, usize)>> =
            store.runs.iter().map(|r| r.extents.clone()).collect();
        assert_eq!(runs_before, runs_after);
        assert_eq!(store.to_vec(), expected);
        store.clear();
        assert!(store.is_empty());
        assert_eq!(budget.held(), 0);
        assert!(!budget.has_spill_file());
    }

    /// Many documents in parallel, each finished as it is done: the findings kept in memory
    /// stay within the budget (plus what a worker adds before it spills), and the rest are on
    /// disk.
    #[test]
    fn many_stores_on_many_threads_share_one_budget() {
        use rayon::prelude::*;
        let budget = SpillBudget::new(40_000);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let stores: Vec<Findings> = pool.install(|| {
            (0..64)
                .into_par_iter()
                .map(|i| {
                    let mut store = Findings::with_budget(&budget);
                    store.extend(scrambled(20 + i % 7));
                    store.finish();
                    store
                })
                .collect()
        });
        let in_memory: usize = stores.iter().map(Findings::memory_estimate).sum();
        assert_eq!(in_memory, budget.held());
        assert!(in_memory <= budget.limit(), "{in_memory} held");
        assert!(stores.iter().any(|s| s.spilled() > 0));
        for (i, store) in stores.iter().enumerate() {
            assert_eq!(store.to_vec(), sorted(scrambled(20 + i % 7)));
        }
        drop(stores);
        assert_eq!(budget.held(), 0);
        assert!(!budget.has_spill_file());
    }

    /// The spill file has no name: nothing of it is in the directory while it is open, and
    /// once the findings are dropped no descriptor of this process refers to it.
    #[test]
    fn spill_files_leave_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let budget = SpillBudget::in_dir(5_000, dir.path());
        let mut store = Findings::with_budget(&budget);
        store.extend(scrambled(200));
        assert!(store.spilled() > 0);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        #[cfg(target_os = "linux")]
        assert!(
            open_in(dir.path()) > 0,
            "an anonymous file in the directory is open"
        );
        drop(store);
        assert!(!budget.has_spill_file());
        #[cfg(target_os = "linux")]
        assert_eq!(open_in(dir.path()), 0);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    /// Descriptors of this process open on files in `dir` (deleted ones included).
    #[cfg(target_os = "linux")]
    pub(crate) fn open_in(dir: &Path) -> usize {
        let dir = dir.canonicalize().unwrap();
        std::fs::read_dir("/proc/self/fd")
            .unwrap()
            .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
            .filter(|target| target.starts_with(&dir))
            .count()
    }

    #[test]
    fn a_spill_that_fails_keeps_the_findings_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("no such directory");
        let budget = SpillBudget::in_dir(5_000, &gone);
        let mut store = Findings::with_budget(&budget);
        store.extend(scrambled(100));
        assert_eq!(store.spilled(), 0);
        assert!(budget.spill_error().is_some());
        assert_eq!(store.to_vec(), sorted(scrambled(100)));
    }
}
