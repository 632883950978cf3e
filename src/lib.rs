//! leaklint's driver: command line, file discovery, the parallel engine and
//! the reporters. The rules themselves live in the `leaklint-lints` crate.
//!
//! The pipeline runs in one direction:
//! [`discover`] → [`engine`] (read, pre-scan [`nesting`], parse, lint) →
//! [`outcome::Report`] → [`report`] (human or JSON).

pub mod cli;
pub mod config;
pub mod discover;
pub mod engine;
pub mod merge;
pub mod nesting;
pub mod outcome;
pub mod prefilter;
pub mod report;
pub mod shard;
pub mod text;
pub mod timings;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use leaklint_lints::{find_lint, LINTS};

pub use crate::cli::Cli;
pub use crate::config::Config;
pub use crate::engine::lint_source;
pub use crate::outcome::{Diagnostic, FileError, FileResult, Report};
pub use crate::timings::Timings;

/// How a run ended, as an exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Nothing found (or `--exit-zero`): exit status 0.
    Clean = 0,
    /// Findings or file errors: exit status 1.
    Found = 1,
    /// leaklint could not do its job: exit status 2.
    Failure = 2,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        ExitCode::from(status as u8)
    }
}

/// Runs leaklint with command-line `args` (the first is the program name),
/// printing to stdout and stderr.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    if merge::is_merge(&args) {
        return merge::run(args).into();
    }
    match Cli::try_parse_from(args) {
        Ok(cli) => execute(&cli).into(),
        Err(e) => {
            // clap prints help and version (exit 0) and usage errors (exit 2).
            let _ = e.print();
            ExitCode::from(e.exit_code().clamp(0, 255) as u8)
        }
    }
}

/// Carries out a parsed command line.
pub fn execute(cli: &Cli) -> Status {
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();

    if cli.list_rules {
        let _ = stdout.write_all(list_rules().as_bytes());
        return Status::Clean;
    }
    if let Some(name) = &cli.explain {
        return match find_lint(name) {
            Some(lint) => {
                let _ = stdout.write_all(lint.explain().as_bytes());
                Status::Clean
            }
            None => {
                let _ = writeln!(stderr, "error: {}", unknown_rule(name));
                Status::Failure
            }
        };
    }

    let run_start = Instant::now();
    let config = Config::default();
    let timings = cli.timings.then(|| Timings::new(&config));
    let discovery = match discover::discover(&cli.paths) {
        Ok(discovery) => discovery,
        Err(e) => {
            let _ = writeln!(stderr, "error: {e}");
            return Status::Failure;
        }
    };
    let mut discovery = discovery;
    if let Some(shard) = &cli.shard {
        shard.apply(&mut discovery);
    }
    if let Some(t) = &timings {
        t.lap(timings::Phase::Discover, run_start);
    }
    let options = engine::RunOptions {
        threads: cli.threads,
        prefilter: !cli.no_prefilter,
    };
    let report = match engine::lint_all_with(&discovery, &config, &options, timings.as_ref()) {
        Ok(report) => report,
        Err(e) => {
            let _ = writeln!(stderr, "error: cannot start worker threads: {e}");
            return Status::Failure;
        }
    };

    let report_start = Instant::now();
    match cli.format {
        cli::Format::Json => {
            let _ = stdout.write_all(report::json::render(&report).as_bytes());
        }
        cli::Format::Human => {
            let color = match cli.color {
                cli::ColorChoice::Always => true,
                cli::ColorChoice::Never => false,
                cli::ColorChoice::Auto => color_by_default(&std::io::stderr()),
            };
            let _ = stderr.write_all(report::human::render(&report, color).as_bytes());
            let _ = writeln!(stderr, "{}", report::human::summary(&report));
        }
    }
    if let Some(t) = &timings {
        let _ = stdout.flush();
        t.lap(timings::Phase::Report, report_start);
        let _ = stderr.write_all(t.render(run_start.elapsed()).as_bytes());
    }

    if report.is_clean() || cli.exit_zero {
        Status::Clean
    } else {
        Status::Found
    }
}

/// Whether `--color auto` colours output written to `stream`: only on a
/// terminal, and not when `NO_COLOR` is set or `TERM` is `dumb`.
fn color_by_default(stream: &impl IsTerminal) -> bool {
    stream.is_terminal()
        && std::env::var_os("NO_COLOR").map_or(true, |v| v.is_empty())
        && std::env::var_os("TERM").map_or(true, |t| t != "dumb")
}

/// The `--list-rules` text: one line per rule with its default level and summary.
pub fn list_rules() -> String {
    let width = LINTS.iter().map(|l| l.name.len()).max().unwrap_or(0);
    LINTS
        .iter()
        .map(|l| {
            format!(
                "{:width$}  {:5}  {}\n",
                l.name,
                l.default_level.as_str(),
                l.summary
            )
        })
        .collect()
}

/// The message for an `--explain` of a rule that does not exist.
pub fn unknown_rule(name: &str) -> String {
    let names: Vec<&str> = LINTS.iter().map(|l| l.name).collect();
    format!(
        "unknown rule `{name}`; the rules are: {} (see --list-rules)",
        names.join(", ")
    )
}
