//! Configuration: `termcheck.toml`, and the policy it sets over findings.
//!
//! The file is strict: an unknown key, a misspelt rule id or a value of the wrong type is an
//! error with its line and column, never a silently ignored setting. The same [`Config`]
//! struct holds the merged result of file and command line (`termcheck config show` prints
//! it), so the two can never disagree about what a setting means.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::{Deserialize, Serialize};

use crate::error::FileError;
use crate::finding::{Finding, Severity};
use crate::location::Location;
use crate::rules::{Rule, RULES};
use crate::run::RunReport;

/// The file name looked for in the current directory and its parents.
pub const FILE_NAME: &str = "termcheck.toml";

/// Everything a configuration file (or, merged, the command line) can set.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Glossary files; relative paths are relative to the configuration file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossaries: Vec<PathBuf>,
    /// Also use the bundled glossary when `glossaries` is not empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_glossary: Option<bool>,
    /// Files to check in directories (globs; replace the default [`crate::input::DEFAULT_INCLUDE`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    /// Files and directories to skip in directories (globs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// The lowest severity that makes the exit status 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<SeverityName>,
    /// Minimum similarity (0–1) of a garbled term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub garbled_threshold: Option<f64>,
    /// Over what text renderings must agree.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consistency: Option<Scope>,
    /// Concept ids whose findings are never reported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore_concepts: Vec<String>,
    /// Severity (or `off`) per rule.
    #[serde(default, skip_serializing_if = "RuleLevels::is_empty")]
    pub rules: RuleLevels,
    /// Settings for the files matching some globs; later overrides win.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<Override>,
}

/// Rule severities or `off` for the files matching `paths`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Override {
    /// Globs, relative to the configuration file's directory.
    pub paths: Vec<String>,
    /// Severity (or `off`) per rule in these files.
    #[serde(default, skip_serializing_if = "RuleLevels::is_empty")]
    pub rules: RuleLevels,
    /// Concepts never reported in these files.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore_concepts: Vec<String>,
}

/// One field per rule id, so a misspelt id is an unknown key with a position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleLevels {
    /// `forbidden-term`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forbidden_term: Option<Level>,
    /// `deprecated-term`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deprecated_term: Option<Level>,
    /// `garbled-term`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub garbled_term: Option<Level>,
    /// `inconsistent-term`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inconsistent_term: Option<Level>,
    /// `missing-term`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing_term: Option<Level>,
    /// `untranslated`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub untranslated: Option<Level>,
    /// `number-mismatch`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_mismatch: Option<Level>,
    /// `inconsistent-segment`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inconsistent_segment: Option<Level>,
}

impl RuleLevels {
    fn is_empty(&self) -> bool {
        *self == RuleLevels::default()
    }

    /// The level set for `rule`, if any.
    pub fn get(&self, rule: Rule) -> Option<Level> {
        match rule {
            Rule::ForbiddenTerm => self.forbidden_term,
            Rule::DeprecatedTerm => self.deprecated_term,
            Rule::GarbledTerm => self.garbled_term,
            Rule::InconsistentTerm => self.inconsistent_term,
            Rule::MissingTerm => self.missing_term,
            Rule::Untranslated => self.untranslated,
            Rule::NumberMismatch => self.number_mismatch,
            Rule::InconsistentSegment => self.inconsistent_segment,
        }
    }

    /// Sets the level of `rule`.
    pub fn set(&mut self, rule: Rule, level: Level) {
        let slot = match rule {
            Rule::ForbiddenTerm => &mut self.forbidden_term,
            Rule::DeprecatedTerm => &mut self.deprecated_term,
            Rule::GarbledTerm => &mut self.garbled_term,
            Rule::InconsistentTerm => &mut self.inconsistent_term,
            Rule::MissingTerm => &mut self.missing_term,
            Rule::Untranslated => &mut self.untranslated,
            Rule::NumberMismatch => &mut self.number_mismatch,
            Rule::InconsistentSegment => &mut self.inconsistent_segment,
        };
        *slot = Some(level);
    }
}

/// A rule's severity, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Report as errors.
    Error,
    /// Report as warnings.
    Warning,
    /// Report as infos.
    Info,
    /// Do not report.
    Off,
}

impl Level {
    /// The severity findings get, or `None` for `off`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }

    /// The level naming `severity`.
    pub fn of(severity: Severity) -> Level {
        match severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Info,
        }
    }
}

/// A severity as the configuration writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SeverityName {
    /// `error`.
    Error,
    /// `warning`.
    Warning,
    /// `info`.
    Info,
}

impl SeverityName {
    /// The severity.
    pub fn severity(self) -> Severity {
        match self {
            SeverityName::Error => Severity::Error,
            SeverityName::Warning => Severity::Warning,
            SeverityName::Info => Severity::Info,
        }
    }
}

/// `consistency`: per document or across the batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Each document on its own.
    Document,
    /// All documents of a run together.
    Batch,
}

/// A configuration file read from disk.
#[derive(Debug, Clone)]
pub struct LoadedConfig {
    /// The file.
    pub path: PathBuf,
    /// What it says, with relative glossary paths resolved against its directory.
    pub config: Config,
}

impl LoadedConfig {
    /// The directory the file is in (override globs are relative to it).
    pub fn dir(&self) -> &Path {
        match self.path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        }
    }
}

/// Looks for [`FILE_NAME`] in `start` and its parents.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Reads and validates a configuration file.
pub fn load(path: &Path) -> Result<LoadedConfig, FileError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| FileError::new(&name, e.to_string()))?;
    let mut config = parse(&text, &name)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    for g in &mut config.glossaries {
        if g.is_relative() {
            *g = clean(&dir.join(&*g));
        }
    }
    Ok(LoadedConfig {
        path: path.to_path_buf(),
        config,
    })
}

/// `./x` → `x`: paths shown in reports read as the user would write them.
fn clean(path: &Path) -> PathBuf {
    path.strip_prefix(".")
        .map_or(path.to_path_buf(), Path::to_path_buf)
}

/// Parses configuration text; errors name `path`, line and column.
pub fn parse(text: &str, path: &str) -> Result<Config, FileError> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let message = e.message().trim().to_string();
        match e.span() {
            Some(span) => FileError::at(path, location_of(text, span.start), message),
            None => FileError::new(path, message),
        }
    })?;
    if let Some(t) = config.garbled_threshold {
        if !(0.0..=1.0).contains(&t) {
            return Err(FileError::new(
                path,
                format!("garbled-threshold: {t} is not between 0 and 1"),
            ));
        }
    }
    for (i, o) in config.overrides.iter().enumerate() {
        if o.paths.is_empty() {
            return Err(FileError::new(
                path,
                format!("overrides[{i}]: `paths` is empty"),
            ));
        }
        globs(&o.paths).map_err(|e| FileError::new(path, format!("overrides[{i}]: {e}")))?;
    }
    for g in config.include.iter().chain(&config.exclude) {
        Glob::new(g).map_err(|e| FileError::new(path, format!("invalid glob {g:?}: {e}")))?;
    }
    Ok(config)
}

fn location_of(text: &str, offset: usize) -> Location {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Location {
        line: before.matches('\n').count() as u64 + 1,
        column: before[line_start..].chars().count() as u64 + 1,
        byte_offset: offset as u64,
    }
}

fn globs(patterns: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        builder.add(Glob::new(p).map_err(|e| format!("invalid glob {p:?}: {e}"))?);
    }
    builder.build().map_err(|e| e.to_string())
}

impl Config {
    /// This configuration with every unset value filled with its default, as `config show`
    /// prints it.
    pub fn with_defaults(mut self) -> Config {
        self.fail_on.get_or_insert(SeverityName::Warning);
        self.garbled_threshold
            .get_or_insert(crate::fuzzy::DEFAULT_THRESHOLD);
        self.consistency.get_or_insert(Scope::Document);
        self.default_glossary.get_or_insert(false);
        for info in RULES {
            if self.rules.get(info.rule).is_none() {
                self.rules.set(info.rule, Level::of(info.severity));
            }
        }
        self
    }

    /// The rules the file turns off everywhere.
    pub fn rules_off(&self) -> Vec<Rule> {
        RULES
            .iter()
            .filter(|i| self.rules.get(i.rule) == Some(Level::Off))
            .map(|i| i.rule)
            .collect()
    }

    /// The policy over findings: severities, rules off and concepts ignored, per path.
    /// Override globs match paths relative to `base` (the configuration file's directory).
    pub fn policy(&self, base: &Path) -> Policy {
        Policy {
            rules: self.rules,
            ignore_concepts: self.ignore_concepts.clone(),
            overrides: self
                .overrides
                .iter()
                .map(|o| {
                    (
                        globs(&o.paths).expect("validated when parsed"),
                        o.rules,
                        o.ignore_concepts.clone(),
                    )
                })
                .collect(),
            base: base.canonicalize().unwrap_or_else(|_| base.to_path_buf()),
        }
    }
}

/// What a configuration says about each finding.
#[derive(Debug, Clone)]
pub struct Policy {
    rules: RuleLevels,
    ignore_concepts: Vec<String>,
    overrides: Vec<(GlobSet, RuleLevels, Vec<String>)>,
    base: PathBuf,
}

impl Policy {
    /// Applies the policy: sets each finding's severity, drops findings of rules that are off
    /// and of ignored concepts. Paths are those of the report (relative to the current
    /// directory or absolute).
    pub fn apply(&self, run: &mut RunReport) {
        for file in &mut run.files {
            let relative = self.relative(&file.path);
            let applying: Vec<&(GlobSet, RuleLevels, Vec<String>)> = self
                .overrides
                .iter()
                .filter(|(set, _, _)| relative.as_deref().is_some_and(|p| set.is_match(p)))
                .collect();
            file.findings.retain_mut(|f| {
                self.decide(f, &applying).is_some_and(|s| {
                    f.severity = s;
                    true
                })
            });
        }
    }

    fn decide(
        &self,
        f: &Finding,
        applying: &[&(GlobSet, RuleLevels, Vec<String>)],
    ) -> Option<Severity> {
        let ignored = |list: &[String]| list.contains(&f.concept);
        if ignored(&self.ignore_concepts) || applying.iter().any(|(_, _, c)| ignored(c)) {
            return None;
        }
        let mut level = self.rules.get(f.rule);
        for (_, rules, _) in applying {
            level = rules.get(f.rule).or(level);
        }
        match level {
            None => Some(f.severity),
            Some(l) => l.severity(),
        }
    }

    fn relative(&self, shown: &str) -> Option<PathBuf> {
        if shown == "<stdin>" {
            return None;
        }
        let path = Path::new(shown);
        let absolute = path
            .canonicalize()
            .unwrap_or_else(|_| std::env::current_dir().unwrap_or_default().join(path));
        Some(
            absolute
                .strip_prefix(&self.base)
                .map_or(path.to_path_buf(), Path::to_path_buf),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_errors_with_positions() {
        let err = parse("fail-on = \"error\"\nfail_on = \"x\"\n", "t.toml").unwrap_err();
        let l = err.location.expect("a position");
        assert_eq!((l.line, l.column), (2, 1), "{err}");
        assert!(err.message.contains("fail_on"), "{err}");
        let err = parse("[rules]\nforbiden-term = \"off\"\n", "t.toml").unwrap_err();
        assert_eq!(err.location.unwrap().line, 2, "{err}");
        let err = parse("[rules]\nforbidden-term = \"loud\"\n", "t.toml").unwrap_err();
        assert_eq!(err.location.unwrap().line, 2, "{err}");
        let err = parse("[[overrides]]\npaths = [\"a/**\"]\nignore = 1\n", "t.toml").unwrap_err();
        assert_eq!(err.location.unwrap().line, 3, "{err}");
        assert!(parse("garbled-threshold = 1.5\n", "t.toml").is_err());
        assert!(parse("[[overrides]]\npaths = [\"a/[\"]\n", "t.toml").is_err());
    }

    #[test]
    fn every_rule_has_a_key() {
        for info in RULES {
            let text = format!("[rules]\n{} = \"off\"\n", info.id);
            let config = parse(&text, "t.toml").unwrap();
            assert_eq!(config.rules_off(), vec![info.rule], "{}", info.id);
        }
    }

    #[test]
    fn defaults_fill_what_is_unset_and_round_trip() {
        let config = parse(
            "fail-on = \"error\"\n[rules]\ngarbled-term = \"off\"\n",
            "t.toml",
        )
        .unwrap()
        .with_defaults();
        assert_eq!(config.fail_on, Some(SeverityName::Error));
        assert_eq!(config.rules.garbled_term, Some(Level::Off));
        assert_eq!(config.rules.forbidden_term, Some(Level::Error));
        let shown = toml::to_string(&config).unwrap();
        assert_eq!(parse(&shown, "shown.toml").unwrap(), config, "{shown}");
    }
}
