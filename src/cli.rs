//! The command line.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// leaklint: find resource leaks in async Rust (tasks nothing can stop,
/// timers never dropped, unbounded channels nobody reads, guards pinning big
/// buffers), from source alone.
#[derive(Debug, Parser)]
#[command(
    name = "leaklint",
    version,
    after_help = "Exit status: 0 nothing found, 1 findings or files that could not be checked, \
                  2 leaklint could not do its job (bad arguments, path not found).\n\
                  Human output goes to stderr; --format json prints one object on stdout.\n\
                  `leaklint merge A.json B.json …` combines the JSON reports of --shard runs \
                  (see `leaklint merge --help`); to lint a path named `merge`, write `./merge`."
)]
pub struct Cli {
    /// Files and directories to lint [default: .]. Directories are walked
    /// for `*.rs` files, honouring .gitignore and skipping hidden and
    /// `target` directories; a file named here is always linted.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print every rule with its default level and summary, then exit.
    #[arg(long)]
    pub list_rules: bool,

    /// Print the documentation of RULE, then exit.
    #[arg(long, value_name = "RULE")]
    pub explain: Option<String>,

    /// Exit with status 0 even when there are findings or file errors.
    #[arg(long)]
    pub exit_zero: bool,

    /// Number of worker threads [default: RAYON_NUM_THREADS, else one per CPU].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Parse every file, even those in which no enabled rule can find
    /// anything (by default such files are counted but not parsed, so their
    /// syntax errors are not reported).
    #[arg(long)]
    pub no_prefilter: bool,

    /// Print the time spent in each phase and each rule (summed over
    /// threads) to stderr.
    #[arg(long)]
    pub timings: bool,

    /// Lint only shard K of N (1 <= K <= N): a deterministic partition of
    /// the files by a hash of their path; combine the shards' `--format
    /// json` reports with `leaklint merge`.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::shard::Shard>,
}

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with source snippets, on stderr.
    Human,
    /// One JSON object (format version 1) on stdout.
    Json,
}

/// Whether human output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stderr is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}
