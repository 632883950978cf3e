//! The command line.

use std::path::PathBuf;

use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, ValueEnum};
use leaklint_lints::Level;

/// leaklint: find resource leaks in async Rust (tasks nothing can stop,
/// timers never dropped, unbounded channels nobody reads, guards pinning big
/// buffers), from source alone.
#[derive(Debug, Parser)]
#[command(
    name = "leaklint",
    version,
    after_help = "Exit status: 0 nothing found (or only warnings with --fail-on error), \
                  1 findings or files that could not be checked, \
                  2 leaklint could not do its job (bad arguments or configuration, path not found).\n\
                  Findings and the summary go to stdout; leaklint's own errors to stderr.\n\
                  Rule names may be written with hyphens (spawn-without-cancel).\n\
                  `leaklint merge A.json B.json …` combines the JSON reports of --shard runs \
                  (see `leaklint merge --help`); to lint a path named `merge`, write `./merge`."
)]
pub struct Cli {
    /// Files and directories to lint [default: .]. Directories are walked
    /// for `*.rs` files, honouring .gitignore and skipping hidden directories
    /// and cargo target directories; a file named here is linted unless it
    /// is inside a cargo target directory.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print every rule with its default level and summary (with --format
    /// json: a JSON array), then exit.
    #[arg(long)]
    pub list_rules: bool,

    /// Print the documentation of RULE (its name, default level, options
    /// and documentation), then exit.
    #[arg(long, value_name = "RULE")]
    pub explain: Option<String>,

    /// Print the configuration that applies to PATH [default: .] (every
    /// rule's level, every option) and where each value comes from, then exit.
    #[arg(long, value_name = "PATH", num_args = 0..=1, default_missing_value = ".")]
    pub show_settings: Option<PathBuf>,

    /// Exit with status 0 even when there are findings or file errors.
    #[arg(long)]
    pub exit_zero: bool,

    /// Which findings make the exit status 1: `warning` (any finding, as
    /// ruff and pre-commit expect) or `error` (only findings of rules at
    /// `deny`, as with clippy). Files that could not be checked always do.
    #[arg(long, value_enum, value_name = "LEVEL", default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,

    /// Print how many findings each rule has instead of the findings (with
    /// --format json: a JSON array).
    #[arg(long)]
    pub statistics: bool,

    /// Number of worker threads [default: RAYON_NUM_THREADS, else one per CPU].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Use this configuration file (and what it extends) for every path
    /// instead of looking for the nearest leaklint.toml, .leaklint.toml or
    /// Cargo.toml metadata.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore configuration files.
    #[arg(long)]
    pub no_config: bool,

    /// Turn RULE off (repeatable, comma-separated; later -A/-W/-D win;
    /// `all`: every rule; `warnings`: every warning).
    #[arg(short = 'A', value_name = "RULE", value_delimiter = ',', action = clap::ArgAction::Append)]
    pub allow: Vec<String>,

    /// Report RULE as a warning (repeatable, comma-separated; later -A/-W/-D
    /// win; `all`: every rule).
    #[arg(short = 'W', value_name = "RULE", value_delimiter = ',', action = clap::ArgAction::Append)]
    pub warn: Vec<String>,

    /// Report RULE as an error (repeatable, comma-separated; later -A/-W/-D
    /// win; `all`: every rule; `warnings`: every rule at warn, whatever the
    /// order, as with clippy's -D warnings).
    #[arg(short = 'D', value_name = "RULE", value_delimiter = ',', action = clap::ArgAction::Append)]
    pub deny: Vec<String>,

    /// Run only these rules (comma-separated); -A/-W/-D still apply after it.
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    pub select: Option<Vec<String>>,

    /// Apply the configuration's include/exclude to files named on the
    /// command line too (for pre-commit, which passes file names).
    #[arg(long)]
    pub force_exclude: bool,

    /// Report suppression comments that give no reason.
    #[arg(long)]
    pub require_reason: bool,

    /// Lint test, bench, example and fuzz code too (skipped by default):
    /// files under `tests/`, `benches/`, `examples/`, `fuzz/`, `#[test]` fns,
    /// `#[cfg(test)]` modules.
    #[arg(long)]
    pub include_tests: bool,

    /// Lint source read from standard input (requires --stdin-filename).
    #[arg(long, requires = "stdin_filename", conflicts_with = "paths")]
    pub stdin: bool,

    /// The path the standard input is reported under; its configuration
    /// applies, and its exclusions with --force-exclude (as for a file named
    /// on the command line).
    #[arg(long, value_name = "PATH", requires = "stdin")]
    pub stdin_filename: Option<PathBuf>,

    /// Record the current findings in FILE (a baseline) and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,

    /// Report only findings that are not in the baseline FILE.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// With --format cargo-json: also run CMD (through the shell) and pass
    /// its standard output through, e.g. 'cargo clippy --message-format=json'.
    #[arg(long, value_name = "CMD")]
    pub also: Option<String>,

    /// Run every enabled rule on every file, even those in which no rule
    /// can find anything (by default such files are only parsed for their
    /// grammar errors); the findings are the same, only slower: a check of
    /// the pre-filter.
    #[arg(long)]
    pub no_prefilter: bool,

    /// Do not read or write the summary cache (`.leaklint_cache/` at the
    /// root of a crate whose other files a finding needs); also
    /// `LEAKLINT_NO_CACHE=1` or `cache = false` in the configuration.
    #[arg(long)]
    pub no_cache: bool,

    /// Print the time spent in each phase and each rule (summed over
    /// threads) to stderr.
    #[arg(long)]
    pub timings: bool,

    /// Lint only shard K of N (1 <= K <= N): a deterministic partition of
    /// the files by a hash of their path; combine the shards' `--format
    /// json` reports with `leaklint merge`.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::shard::Shard>,

    /// -A/-W/-D in command-line order (filled by [`Cli::parse_args`]).
    #[arg(skip)]
    pub level_overrides: Vec<(Level, String)>,
}

impl Cli {
    /// Parses `args` like clap, also recording the order of -A/-W/-D.
    pub fn parse_args<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let matches = Cli::command().try_get_matches_from(args)?;
        let mut cli = Cli::from_arg_matches(&matches)?;
        cli.level_overrides = level_overrides(&matches);
        Ok(cli)
    }
}

/// -A/-W/-D values sorted by their position on the command line.
fn level_overrides(matches: &ArgMatches) -> Vec<(Level, String)> {
    let mut all = Vec::new();
    for (id, level) in [
        ("allow", Level::Allow),
        ("warn", Level::Warn),
        ("deny", Level::Deny),
    ] {
        if let (Some(values), Some(indices)) =
            (matches.get_many::<String>(id), matches.indices_of(id))
        {
            for (value, index) in values.zip(indices) {
                all.push((index, level, value.clone()));
            }
        }
    }
    all.sort_by_key(|&(index, _, _)| index);
    all.into_iter()
        .map(|(_, level, name)| (level, name))
        .collect()
}

/// Which findings fail a run (`--fail-on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Any finding: warnings and errors.
    Warning,
    /// Only errors: findings of rules at `deny`.
    Error,
}

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with source snippets, on stdout.
    Human,
    /// One JSON object (format version 2) on stdout.
    Json,
    /// SARIF 2.1.0 on stdout, for code-scanning uploads.
    Sarif,
    /// GitHub Actions workflow commands (annotations) on stdout.
    Github,
    /// rustc diagnostic JSON, one object per line on stdout (for rust-analyzer).
    CargoJson,
}

/// Whether human output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}
