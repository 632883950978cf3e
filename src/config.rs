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
    /// Files whose delimiters (`(`, `[`, `{`) nest deeper than this are not
    /// parsed; they are reported as `nesting too deep` errors instead.
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

/// How deep delimiters may nest before a file is refused: chosen so that a
/// debug build survives with a wide margin; see
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
        self.lints.iter().filter(|l| l.level != Level::Allow)
    }
}

impl Default for Config {
    /// Every registered rule at its default level.
    fn default() -> Config {
        Config::with_lints(LINTS)
    }
}
