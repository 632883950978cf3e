//! Which rules run, at which level, with which options, and which files
//! are linted at all (test code, size limit, test-support packages).
//!
//! [`crate::settings`] fills this struct from configuration files and the
//! command line; the engine only ever reads it.

use leaklint_lints::{Level, Lint, LintOptions, LINTS};

/// A rule together with the level it runs at.
#[derive(Debug, Clone, Copy)]
pub struct EnabledLint {
    /// The rule.
    pub lint: Lint,
    /// Its level: `Warn` findings are warnings, `Deny` findings are errors,
    /// `Allow` means the rule does not run.
    pub level: Level,
}

/// Everything the engine needs to know about what to check.
#[derive(Debug, Clone)]
pub struct Config {
    /// Every known rule and its level, in registry order.
    pub lints: Vec<EnabledLint>,
    /// Options read by the rules.
    pub options: LintOptions,
    /// Files that nest deeper than this (delimiters `(`, `[`, `{`, plus the
    /// chains the parser recurses into without one, see [`crate::nesting`])
    /// are not parsed; they are reported as `nesting too deep` errors instead.
    pub max_nesting: usize,
    /// Lint test code too (`include_tests`, `--include-tests`): `#[test]`
    /// fns, `#[cfg(test)]` modules and the like. Off by default.
    pub include_tests: bool,
    /// Files larger than this are skipped (reported in `skipped`), as
    /// generated files are.
    pub max_file_bytes: u64,
    /// Names of packages that are test support (`test_packages`), besides
    /// those named so (see [`crate::packages`]).
    pub test_packages: Vec<String>,
    /// Suppressions must give a reason (`require_reason`, `--require-reason`):
    /// `suppression_without_reason` is on.
    pub require_reason: bool,
    /// Keep the summaries of a crate's files in its `.leaklint_cache/`
    /// (`cache`; off with `--no-cache`): see [`crate::cache`].
    pub cache: bool,
}

/// The default of [`Config::max_file_bytes`]: 4 MiB. Hand-written Rust files
/// are far smaller; larger ones are generated bindings or data.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// How deep code may nest (see [`Config::max_nesting`]) before a file is
/// refused: chosen so that a debug build survives with a wide margin; see
/// [`crate::engine::WORKER_STACK_SIZE`] for the measurements.
pub const DEFAULT_MAX_NESTING: usize = 5_000;

impl Config {
    /// Every rule of `lints` at its default level, with default options.
    pub fn with_lints(lints: &[Lint]) -> Config {
        Config {
            lints: lints
                .iter()
                .map(|&lint| EnabledLint {
                    lint,
                    level: lint.default_level,
                })
                .collect(),
            options: LintOptions::default(),
            max_nesting: DEFAULT_MAX_NESTING,
            include_tests: false,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            test_packages: Vec::new(),
            require_reason: false,
            cache: true,
        }
    }

    /// The rules that run (level other than `allow`).
    pub fn enabled(&self) -> impl Iterator<Item = &EnabledLint> {
        self.enabled_ids().map(|(_, l)| l)
    }

    /// The rules that run, each with its id.
    pub fn enabled_ids(&self) -> impl Iterator<Item = (RuleId, &EnabledLint)> {
        self.lints
            .iter()
            .enumerate()
            .filter(|(_, l)| l.level != Level::Allow)
            .map(|(i, l)| (RuleId(i), l))
    }
}

/// A rule of a [`Config`]: its place in [`Config::lints`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RuleId(usize);

/// A set of rules of a [`Config`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleSet {
    /// Bit `i % 64` of word `i / 64` is set when rule `i` is in the set.
    words: Vec<u64>,
}

impl RuleSet {
    /// The empty set.
    pub fn new() -> RuleSet {
        RuleSet::default()
    }

    /// Adds `rule`.
    pub fn insert(&mut self, rule: RuleId) {
        let (word, bit) = (rule.0 / 64, rule.0 % 64);
        if self.words.len() <= word {
            self.words.resize(word + 1, 0);
        }
        self.words[word] |= 1 << bit;
    }

    /// Whether `rule` is in the set.
    pub fn contains(&self, rule: RuleId) -> bool {
        self.words
            .get(rule.0 / 64)
            .is_some_and(|w| w & (1 << (rule.0 % 64)) != 0)
    }

    /// Whether the set has no rule.
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }
}

impl FromIterator<RuleId> for RuleSet {
    fn from_iter<I: IntoIterator<Item = RuleId>>(rules: I) -> RuleSet {
        let mut set = RuleSet::new();
        rules.into_iter().for_each(|r| set.insert(r));
        set
    }
}

impl Default for Config {
    /// Every registered rule at its default level.
    fn default() -> Config {
        Config::with_lints(LINTS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enabled_rules_keep_their_ids_and_sets_hold_them() {
        let mut config = Config::default();
        config.lints[1].level = Level::Allow;
        let ids: Vec<RuleId> = config.enabled_ids().map(|(id, _)| id).collect();
        assert!(!ids.contains(&RuleId(1)));
        assert!(ids.contains(&RuleId(0)) && ids.contains(&RuleId(2)));
        let set: RuleSet = [RuleId(2), RuleId(70)].into_iter().collect();
        assert!(set.contains(RuleId(2)) && set.contains(RuleId(70)));
        assert!(!set.contains(RuleId(0)) && !set.contains(RuleId(1)));
        assert!(!set.is_empty());
        assert!(RuleSet::new().is_empty());
    }
}
