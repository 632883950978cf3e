//! leaklint's driver: command line, file discovery, the parallel engine and
//! the reporters. The rules themselves live in the `leaklint-lints` crate.
//!
//! The pipeline runs in one direction:
//! [`discover`] → [`engine`] (read, pre-scan [`nesting`], parse, lint) →
//! [`outcome::Report`] → [`report`] (human or JSON).

pub mod also;
pub mod baseline;
pub mod cargo_workspace;
pub mod cli;
pub mod code;
pub mod config;
pub mod config_file;
pub mod discover;
pub mod engine;
pub mod fault;
pub mod fingerprint;
pub mod merge;
pub mod nesting;
pub mod outcome;
pub mod pipeline;
pub mod prefilter;
pub mod report;
pub mod rules;
pub mod settings;
pub mod shard;
pub mod suggest;
pub mod suppress;
pub mod text;
pub mod timings;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

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
    match Cli::parse_args(args) {
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
        return match rules::find(name) {
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
    let timings = cli.timings.then(|| Timings::new(&Config::default()));
    let also = match &cli.also {
        None => None,
        Some(_) if cli.format != cli::Format::CargoJson => {
            let _ = writeln!(
                stderr,
                "error: --also needs --format cargo-json (its output is passed through as is)"
            );
            return Status::Failure;
        }
        Some(command) => match also::start(command) {
            Ok(also) => Some(also),
            Err(message) => {
                let _ = writeln!(stderr, "error: {message}");
                return Status::Failure;
            }
        },
    };
    let report = match pipeline::lint(cli, timings.as_ref()) {
        Ok(report) => report,
        Err(pipeline::Failure(message)) => {
            let _ = writeln!(stderr, "error: {message}");
            return Status::Failure;
        }
    };

    if let Some(path) = &cli.write_baseline {
        return match baseline::write(&report, path) {
            Ok(n) => {
                let _ = writeln!(
                    stderr,
                    "wrote {} to {}; use it with --baseline {}",
                    if n == 1 {
                        "1 finding".to_string()
                    } else {
                        format!("{n} findings")
                    },
                    path.display(),
                    path.display()
                );
                Status::Clean
            }
            Err(message) => {
                let _ = writeln!(stderr, "error: {message}");
                Status::Failure
            }
        };
    }
    let mut report = report;
    if let Some(path) = &cli.baseline {
        match baseline::read(path) {
            Ok(recorded) => {
                let stale = baseline::apply(&mut report, &recorded);
                if stale > 0 {
                    let _ = writeln!(
                        stderr,
                        "note: {stale} baseline {} in {} no longer {} any finding; \
                         prune with --write-baseline {}",
                        if stale == 1 { "entry" } else { "entries" },
                        path.display(),
                        if stale == 1 { "matches" } else { "match" },
                        path.display()
                    );
                }
            }
            Err(message) => {
                let _ = writeln!(stderr, "error: {message}");
                return Status::Failure;
            }
        }
    }

    let report_start = Instant::now();
    match cli.format {
        cli::Format::Json => {
            let _ = stdout.write_all(report::json::render(&report).as_bytes());
        }
        cli::Format::Sarif => {
            let _ = stdout.write_all(report::sarif::render(&report).as_bytes());
        }
        cli::Format::Github => {
            let _ = stdout.write_all(report::github::render(&report).as_bytes());
        }
        cli::Format::CargoJson => {
            let _ = stdout.write_all(report::cargo_json::render(&report).as_bytes());
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

    let mut other_failed = false;
    if let Some(also) = also {
        let command = also.command().to_string();
        match also.finish() {
            Ok((output, success)) => {
                let _ = stdout.write_all(&output);
                if !success {
                    let _ = writeln!(stderr, "note: `{command}` exited unsuccessfully");
                    other_failed = true;
                }
            }
            Err(message) => {
                let _ = writeln!(stderr, "error: {message}");
                return Status::Failure;
            }
        }
    }

    if (report.is_clean() && !other_failed) || cli.exit_zero {
        Status::Clean
    } else {
        Status::Found
    }
}

/// Whether `--color auto` colours output written to `stream`: only on a
/// terminal, and not when `NO_COLOR` is set or `TERM` is `dumb`.
fn color_by_default(stream: &impl IsTerminal) -> bool {
    stream.is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

/// The `--list-rules` text: one line per rule with its default level and summary.
pub fn list_rules() -> String {
    let width = rules::all().map(|l| l.name.len()).max().unwrap_or(0);
    rules::all()
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
    let names = rules::names();
    format!(
        "unknown rule `{name}`{} (see --list-rules)",
        suggest::hint(name, &names)
    )
}
