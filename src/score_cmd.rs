//! `termcheck score`: reads the inputs, runs the library's scorers, prints the tallies.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::cli::{MetricArg, ScoreArgs, ScoreFormatArg};
use termcheck::bilingual_rules::SourceRules;
use termcheck::check::Checker;
use termcheck::error::FileError;
use termcheck::formats::{read_segments, FormatOptions, SNIFF_LEN};
use termcheck::fuzzy::FuzzyIndex;
use termcheck::glossary::{bundled_glossaries, Glossary, GlossarySource};
use termcheck::matcher::TermMatcher;
use termcheck::paired::read_lines;
use termcheck::rules::RuleSet;
use termcheck::score::termcheck::TermcheckScorer;
use termcheck::score::wmt25::{self, Entry};
use termcheck::score::{
    entries_from_glossary, glossary_from_entries, parse_term_line, Aligned, DocumentScore, Tally,
};
use termcheck::segment::{FormatError, Segment};
use termcheck::zh::source_terms::SourceTermMatcher;

/// One line of the report: a file, or the whole run.
#[derive(Debug, Serialize)]
struct ScoreRow {
    /// `file` or `overall`.
    scope: &'static str,
    /// The file scored (empty for the overall row).
    file: String,
    occurrences: usize,
    correct: usize,
    wrong: usize,
    missing: usize,
    /// Counted (document, term) pairs.
    counted: usize,
    /// Sum of their scores: add these and `counted` over runs to micro-average.
    score_sum: f64,
    /// `score_sum / counted`; empty (null) when nothing is counted.
    rate: Option<f64>,
}

impl ScoreRow {
    fn new(scope: &'static str, file: String, t: &Tally) -> Self {
        ScoreRow {
            scope,
            file,
            occurrences: t.occurrences,
            correct: t.correct,
            wrong: t.wrong,
            missing: t.missing,
            counted: t.counted,
            score_sum: t.score_sum,
            rate: t.rate(),
        }
    }
}

#[derive(Debug, Serialize)]
struct JsonReport<'a> {
    metric: &'static str,
    files: &'a [ScoreRow],
    overall: &'a ScoreRow,
}

/// A compiled glossary with everything the termcheck metric needs.
struct Compiled {
    glossary: Glossary,
    matcher: TermMatcher,
    fuzzy: FuzzyIndex,
    source_terms: SourceTermMatcher,
    entries: Vec<Entry>,
}

impl Compiled {
    fn new(glossary: Glossary, threshold: f64) -> Self {
        let matcher = TermMatcher::new(&glossary);
        let fuzzy = FuzzyIndex::new(&glossary, threshold);
        let source_terms = SourceTermMatcher::new(&glossary);
        let entries = entries_from_glossary(&glossary);
        Compiled {
            glossary,
            matcher,
            fuzzy,
            source_terms,
            entries,
        }
    }

    fn score(
        &self,
        metric: MetricArg,
        entries: &[Entry],
        segments: &[Aligned<'_>],
    ) -> DocumentScore {
        match metric {
            MetricArg::Wmt25 => wmt25::score(entries, segments),
            MetricArg::Termcheck => {
                let checker = Checker::new(&self.glossary, &self.matcher, RuleSet::all())
                    .with_fuzzy(&self.fuzzy);
                let rules = SourceRules::new(
                    &self.glossary,
                    &self.matcher,
                    &self.source_terms,
                    RuleSet::all(),
                );
                TermcheckScorer::new(&self.glossary, &checker, &rules).score(segments)
            }
        }
    }
}

fn read_terms(path: &Path) -> Result<Vec<Vec<Entry>>, Vec<FileError>> {
    let name = path.display().to_string();
    let lines = read_lines(path).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match parse_term_line(line) {
            Ok(entries) => out.push(entries),
            Err(e) => errors.push(FileError::new(
                &name,
                format!("line {}: not a term dictionary: {e}", i + 1),
            )),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Runs `termcheck score`; returns the exit code.
pub fn score(args: &ScoreArgs) -> u8 {
    let n = args.paths.len();
    let usage = |m: &str| {
        eprintln!("termcheck: error: {m}");
        2
    };
    if !args.source.is_empty() && args.source.len() != n {
        return usage("give one --source per FILE, in the same order, or none (bilingual files)");
    }
    if !args.reference.is_empty() && args.reference.len() != n {
        return usage("give one --reference per FILE, in the same order, or none");
    }
    if !args.terms.is_empty() && args.terms.len() != n {
        return usage("give one --terms per FILE, in the same order, or none");
    }
    if !args.terms.is_empty() && !args.glossary.is_empty() {
        return usage("--terms replaces glossaries: give one or the other");
    }
    if args.metric == MetricArg::Wmt25 && args.reference.is_empty() {
        return usage("--metric wmt25 counts only terms the reference renders: give --reference");
    }
    let shared = if args.terms.is_empty() {
        let mut sources: Vec<GlossarySource> = Vec::new();
        if args.glossary.is_empty() || args.default_glossary {
            sources.extend(bundled_glossaries());
        }
        sources.extend(args.glossary.iter().cloned().map(GlossarySource::File));
        match Glossary::load(&sources) {
            Ok(g) if g.concepts.iter().all(|c| c.source.is_empty()) => {
                return usage(
                    "the glossaries list no source terms: scoring needs their `source` column",
                )
            }
            Ok(g) => Some(Compiled::new(g, args.garbled_threshold)),
            Err(errors) => return report_errors(&errors),
        }
    } else {
        None
    };

    let mut rows = Vec::new();
    let mut overall = Tally::default();
    let mut errors: Vec<FileError> = Vec::new();
    for i in 0..n {
        match score_file(args, i, shared.as_ref()) {
            Ok(tally) => {
                overall.add(&tally);
                rows.push(ScoreRow::new(
                    "file",
                    args.paths[i].display().to_string(),
                    &tally,
                ));
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if !errors.is_empty() {
        return report_errors(&errors);
    }
    let overall = ScoreRow::new("overall", String::new(), &overall);
    let metric = match args.metric {
        MetricArg::Termcheck => "termcheck",
        MetricArg::Wmt25 => "wmt25",
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = write(&mut out, args.format, metric, &rows, &overall).and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("termcheck: error: cannot write the scores: {e}");
            2
        }
        _ => 0,
    }
}

fn report_errors(errors: &[FileError]) -> u8 {
    for e in errors {
        eprintln!("termcheck: error: {e}");
    }
    2
}

/// The segments of a bilingual input: paired with `source` line by line, or in the format its
/// extension or first bytes say.
fn read_input(path: &Path, source: Option<&Path>) -> Result<Vec<Segment>, Vec<FileError>> {
    let name = path.display().to_string();
    let failed = |e: std::io::Error| vec![FileError::new(&name, e.to_string())];
    let options = FormatOptions {
        source_file: source.map(Path::to_path_buf),
        ..FormatOptions::default()
    };
    // Opened once, its first bytes read again from memory: a named pipe cannot be reopened.
    let mut file = std::fs::File::open(path).map_err(failed)?;
    let mut head = Vec::with_capacity(SNIFF_LEN);
    (&mut file)
        .take(SNIFF_LEN as u64)
        .read_to_end(&mut head)
        .map_err(failed)?;
    let format = options.format_of(Some(path), &head);
    if !format.is_bilingual() {
        return Err(vec![FileError::new(
            &name,
            "is plain text without a source: give its line-aligned source with --source, or a bilingual file (XLIFF, TMX, PO, TSV, JSON Lines)",
        )]);
    }
    // A score is computed over whole, conforming files only: a file that breaks a rule of its
    // format is an error here, even where `check` checks it all the same.
    let whole = std::io::Cursor::new(head).chain(file);
    read_segments(format, Box::new(whole), &name, &options)
        .and_then(|segments| segments.collect::<Result<Vec<_>, _>>())
        .map_err(|e| {
            let e = FormatError {
                nonconforming: false,
                ..e
            };
            vec![e.in_file(&name)]
        })
}

fn score_file(
    args: &ScoreArgs,
    i: usize,
    shared: Option<&Compiled>,
) -> Result<Tally, Vec<FileError>> {
    let path: &PathBuf = &args.paths[i];
    let source = args.source.get(i).map(PathBuf::as_path);
    let segments = read_input(path, source)?;
    let texts: Vec<(&str, &str)> = segments
        .iter()
        .map(|s| {
            (
                s.source.as_ref().map_or("", |m| m.text()),
                s.target.as_ref().map_or("", |m| m.text()),
            )
        })
        .collect();
    // The reference is in the input's format: plain lines beside a paired file, the targets of
    // a file of the same format (XLIFF, TMX, PO, TSV, JSON Lines) otherwise.
    let references = match args.reference.get(i) {
        Some(r) => {
            let lines: Vec<String> = if source.is_some() {
                read_lines(r).map_err(|e| vec![e])?
            } else {
                read_input(r, None)?
                    .iter()
                    .map(|s| {
                        s.target
                            .as_ref()
                            .map_or(String::new(), |t| t.text().to_string())
                    })
                    .collect()
            };
            if lines.len() != texts.len() {
                return Err(vec![FileError::new(
                    r.display().to_string(),
                    format!(
                        "has {} segments but {} has {}: the reference must be aligned with it",
                        lines.len(),
                        path.display(),
                        texts.len()
                    ),
                )]);
            }
            Some(lines)
        }
        None => None,
    };
    let aligned: Vec<Aligned<'_>> = texts
        .iter()
        .enumerate()
        .map(|(k, &(source, output))| Aligned {
            source,
            output,
            reference: references.as_ref().map(|r| r[k].as_str()),
        })
        .collect();
    let mut tally = Tally::default();
    match (args.terms.get(i), shared) {
        (Some(terms), _) => {
            let dictionaries = read_terms(terms)?;
            if dictionaries.len() != aligned.len() {
                return Err(vec![FileError::new(
                    terms.display().to_string(),
                    format!(
                        "has {} lines but {} has {}: the files must be line-aligned",
                        dictionaries.len(),
                        path.display(),
                        aligned.len()
                    ),
                )]);
            }
            for (entries, segment) in dictionaries.iter().zip(&aligned) {
                let compiled = match args.metric {
                    MetricArg::Termcheck => Some(Compiled::new(
                        glossary_from_entries(entries, &terms.display().to_string()),
                        args.garbled_threshold,
                    )),
                    MetricArg::Wmt25 => None,
                };
                let doc = match &compiled {
                    Some(c) => c.score(args.metric, entries, std::slice::from_ref(segment)),
                    None => wmt25::score(entries, std::slice::from_ref(segment)),
                };
                tally.add(&doc.tally);
            }
        }
        (None, Some(compiled)) => {
            if args.per_line {
                for segment in &aligned {
                    let doc = compiled.score(
                        args.metric,
                        &compiled.entries,
                        std::slice::from_ref(segment),
                    );
                    tally.add(&doc.tally);
                }
            } else {
                tally = compiled
                    .score(args.metric, &compiled.entries, &aligned)
                    .tally;
            }
        }
        (None, None) => unreachable!("a glossary is loaded when no --terms is given"),
    }
    Ok(tally)
}

fn write(
    out: &mut dyn Write,
    format: ScoreFormatArg,
    metric: &'static str,
    rows: &[ScoreRow],
    overall: &ScoreRow,
) -> io::Result<()> {
    match format {
        ScoreFormatArg::Text => {
            let line = |out: &mut dyn Write, name: &str, r: &ScoreRow| {
                let rate = r
                    .rate
                    .map_or("n/a".to_string(), |x| format!("{:.2}%", 100.0 * x));
                writeln!(
                    out,
                    "{name}: {} source-term occurrences: {} correct, {} wrong, {} missing; term success rate {rate} ({} counted pairs)",
                    r.occurrences, r.correct, r.wrong, r.missing, r.counted
                )
            };
            for r in rows {
                line(out, &r.file, r)?;
            }
            line(out, &format!("overall ({metric})"), overall)
        }
        ScoreFormatArg::Csv => {
            let mut w = csv::Writer::from_writer(out);
            for r in rows.iter().chain(std::iter::once(overall)) {
                w.serialize(r)?;
            }
            w.flush()
        }
        ScoreFormatArg::Json => {
            let report = JsonReport {
                metric,
                files: rows,
                overall,
            };
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)
        }
    }
}
