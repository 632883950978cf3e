//! leaklint's driver: command line, file discovery, the parallel engine and
//! the reporters. The rules themselves live in the `leaklint-lints` crate.
//!
//! The pipeline runs in one direction:
//! [`discover`] (and [`packages`]: which files are test code) → [`engine`]
//! (read, skip generated and oversized files, skip files no rule could flag
//! ([`prefilter`]), pre-scan [`nesting`], parse, lint, apply suppression
//! comments ([`suppress`])) → [`callers`] (drop findings whose fn only
//! `main` reaches, from the whole workspace's calls) → [`outcome::Report`] →
//! [`report`] (human, JSON, SARIF, GitHub annotations, cargo-json). The
//! stages that read the text before or instead of the parser read it through
//! one [`lexer`].

pub mod allocator;
pub mod also;
pub mod baseline;
pub mod cache;
pub mod callers;
pub mod cargo_workspace;
pub mod cli;
pub mod code;
pub mod config;
pub mod config_file;
pub mod crate_load;
pub mod crate_names;
pub mod crate_tree;
pub mod discover;
pub mod engine;
pub mod exit;
pub mod fault;
pub mod fingerprint;
pub mod later;
pub mod lexer;
pub mod manifests;
pub mod merge;
pub mod mod_scan;
pub mod name_search;
pub mod nesting;
pub mod outcome;
pub mod packages;
pub mod pipeline;
pub mod prefilter;
pub mod report;
pub mod rules;
pub mod settings;
pub mod shard;
pub mod show;
pub mod spawn_wrappers;
pub mod suggest;
pub mod suppress;
pub mod text;
pub mod timings;
pub mod tree_snapshot;
pub mod word_filter;

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
    /// Nothing found (or only warnings with `--fail-on error`, or
    /// `--exit-zero`): exit status 0.
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
    ExitCode::from(run_status(args))
}

/// [`run`], with the exit status as a number (for [`exit::exit_now`]).
pub fn run_status<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    if merge::is_merge(&args) {
        return merge::run(args) as u8;
    }
    match Cli::parse_args(args.iter().cloned()) {
        Ok(cli) => execute(&cli) as u8,
        Err(e) => {
            // clap prints help and version (exit 0) and usage errors (exit 2).
            let _ = e.print();
            if e.exit_code() != 0 {
                usage_error_for_editors(&args, &e);
            }
            e.exit_code().clamp(0, 255) as u8
        }
    }
}

/// A command line that does not parse, under an editor (`--format
/// cargo-json`): the error as one diagnostic on stdout, and the `--also`
/// command run and passed through all the same, so that its diagnostics
/// are not lost with leaklint's.
fn usage_error_for_editors(args: &[OsString], error: &clap::Error) {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let value_of = |flag: &str| {
        let prefix = format!("{flag}=");
        args.iter().enumerate().find_map(|(i, a)| {
            if a == flag {
                args.get(i + 1).cloned()
            } else {
                a.strip_prefix(&prefix).map(str::to_string)
            }
        })
    };
    if value_of("--format").as_deref() != Some("cargo-json") {
        return;
    }
    let message = error
        .render()
        .to_string()
        .lines()
        .next()
        .unwrap_or("invalid arguments")
        .trim_start_matches("error: ")
        .to_string();
    let mut stdout = std::io::stdout().lock();
    let failure = pipeline::Failure::new(format!("invalid arguments: {message}"));
    let _ = stdout.write_all(also::failure_diagnostic(&failure).as_bytes());
    if let Some(command) = value_of("--also") {
        if let Ok(Ok((output, _))) = also::start(&command).map(also::Also::finish) {
            let _ = stdout.write_all(&output);
        }
    }
}

/// Carries out a parsed command line.
pub fn execute(cli: &Cli) -> Status {
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();

    if cli.list_rules {
        return match cli.format {
            cli::Format::Human => {
                let _ = stdout.write_all(list_rules().as_bytes());
                Status::Clean
            }
            cli::Format::Json => {
                let _ = stdout.write_all(list_rules_json().as_bytes());
                Status::Clean
            }
            other => {
                let _ = writeln!(
                    stderr,
                    "error: --list-rules prints text or, with --format json, JSON; not --format {}",
                    format_name(other)
                );
                Status::Failure
            }
        };
    }
    if let Some(name) = &cli.explain {
        return match rules::find(name) {
            Some(lint) => {
                let _ = stdout.write_all(rules::explain(lint).as_bytes());
                Status::Clean
            }
            None => {
                let _ = writeln!(stderr, "error: {}", unknown_rule(name));
                Status::Failure
            }
        };
    }
    if let Some(path) = &cli.show_settings {
        return match show::show_settings(cli, path) {
            Ok(text) => {
                let _ = stdout.write_all(text.as_bytes());
                Status::Clean
            }
            Err(pipeline::Failure(message, _)) => {
                let _ = writeln!(stderr, "error: {message}");
                Status::Failure
            }
        };
    }
    if cli.statistics && !matches!(cli.format, cli::Format::Human | cli::Format::Json) {
        let _ = writeln!(
            stderr,
            "error: --statistics prints text or, with --format json, JSON; not --format {}",
            format_name(cli.format)
        );
        return Status::Failure;
    }

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
                let failure = pipeline::Failure::new(message);
                let _ = stdout.write_all(also::failure_diagnostic(&failure).as_bytes());
                return Status::Failure;
            }
        },
    };

    let mut status = match lint_and_report(cli, &mut stdout, &mut stderr) {
        Ok(status) => status,
        Err(failure) => {
            let _ = writeln!(stderr, "error: {}", failure.0);
            if cli.format == cli::Format::CargoJson {
                // rust-analyzer shows this next to the other command's
                // diagnostics rather than losing both.
                let _ = stdout.write_all(also::failure_diagnostic(&failure).as_bytes());
            }
            Status::Failure
        }
    };

    if let Some(also) = also {
        let command = also.command().to_string();
        match also.finish() {
            Ok((output, success)) => {
                let _ = stdout.write_all(&output);
                if !success {
                    let _ = writeln!(stderr, "note: `{command}` exited unsuccessfully");
                    if status == Status::Clean && !cli.exit_zero {
                        status = Status::Found;
                    }
                }
            }
            Err(message) => {
                let _ = writeln!(stderr, "error: {message}");
                return Status::Failure;
            }
        }
    }
    status
}

/// Lints, prints the report and says how the run ended; a failure is
/// returned for the caller to print.
fn lint_and_report(
    cli: &Cli,
    stdout: &mut impl Write,
    stderr: &mut impl Write,
) -> Result<Status, pipeline::Failure> {
    let run_start = Instant::now();
    let timings = cli.timings.then(|| Timings::new(&Config::default()));
    let (report, info) = pipeline::lint_with_info(cli, timings.as_ref())?;

    if !cli.stdin {
        warn_if_nothing_linted(cli, &info, stderr);
    }
    for (manifest, why) in &info.broken_manifests {
        let _ = writeln!(
            stderr,
            "warning: cannot read {} as TOML ({why}): the files of its package were linted \
             one at a time, without following calls across them; fix the manifest",
            discover::display_path(manifest)
        );
    }

    if let Some(path) = &cli.write_baseline {
        let n = baseline::write(&report, path).map_err(pipeline::Failure::new)?;
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
        return Ok(Status::Clean);
    }
    let mut report = report;
    if let Some(path) = &cli.baseline {
        let recorded = baseline::read(path).map_err(pipeline::Failure::new)?;
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

    let report_start = Instant::now();
    let shard = match (&cli.shard, &info.run_id) {
        (Some(shard), Some(run)) => Some(shard::ShardInfo {
            k: shard.index,
            n: shard.count,
            run: run.clone(),
        }),
        _ => None,
    };
    match cli.format {
        cli::Format::Json if cli.statistics => {
            let _ = stdout.write_all(statistics_json(&report).as_bytes());
        }
        cli::Format::Json => {
            let text = match &shard {
                Some(shard) => shard::render_json(&report, shard),
                None => report::json::render(&report),
            };
            let _ = stdout.write_all(text.as_bytes());
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
                cli::ColorChoice::Auto => color_by_default(&std::io::stdout()),
            };
            if cli.statistics {
                let _ = stdout.write_all(report::human::statistics(&report).as_bytes());
            } else {
                let _ =
                    stdout.write_all(report::human::render_explained(&report, color).as_bytes());
            }
            let _ = writeln!(stdout, "{}", report::human::summary(&report));
        }
    }
    if let Some(t) = &timings {
        let _ = stdout.flush();
        t.lap(timings::Phase::Report, report_start);
        let _ = stderr.write_all(t.render(run_start.elapsed()).as_bytes());
    }
    Ok(status_of(&report, cli))
}

/// The exit status of a report under `--fail-on` and `--exit-zero`.
pub fn status_of(report: &Report, cli: &Cli) -> Status {
    let failing = match cli.fail_on {
        cli::FailOn::Warning => report.diagnostic_count(),
        cli::FailOn::Error => report
            .files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| d.level == leaklint_lints::Level::Deny)
            .count(),
    };
    if cli.exit_zero || (failing == 0 && report.error_count() == 0) {
        Status::Clean
    } else {
        Status::Found
    }
}

/// Warns on stderr when no Rust file was left to lint: a typo in a path, a
/// directory without Rust code, or an `include` that matches nothing
/// should not pass silently.
fn warn_if_nothing_linted(cli: &Cli, info: &pipeline::RunInfo, stderr: &mut impl Write) {
    if info.in_target > 0 {
        let _ = writeln!(
            stderr,
            "note: skipped {} inside cargo target directories",
            if info.in_target == 1 {
                "1 file".to_string()
            } else {
                format!("{} files", info.in_target)
            }
        );
    }
    if info.discovered > info.excluded + info.in_target {
        return;
    }
    let paths = if cli.paths.is_empty() {
        ".".to_string()
    } else {
        cli.paths
            .iter()
            .map(|p| discover::display_path(p))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let why = if info.excluded > 0 {
        format!(
            " ({} left out by the configuration's include/exclude; see --show-settings)",
            info.excluded
        )
    } else {
        String::new()
    };
    let _ = writeln!(stderr, "warning: no Rust files found in {paths}{why}");
}

/// The `--statistics --format json` array: `[{"rule", "severity", "count"}]`.
pub fn statistics_json(report: &Report) -> String {
    let counts: Vec<serde_json::Value> = report::human::counts(report)
        .into_iter()
        .map(|(rule, severity, count)| {
            serde_json::json!({ "rule": rule, "severity": severity, "count": count })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&counts).expect("serialising plain data to JSON");
    text.push('\n');
    text
}

fn format_name(format: cli::Format) -> &'static str {
    match format {
        cli::Format::Human => "human",
        cli::Format::Json => "json",
        cli::Format::Sarif => "sarif",
        cli::Format::Github => "github",
        cli::Format::CargoJson => "cargo-json",
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

/// The `--list-rules --format json` array: every rule's name, default
/// level, summary, options and documentation page.
pub fn list_rules_json() -> String {
    #[derive(serde::Serialize)]
    struct Rule {
        name: &'static str,
        default_level: &'static str,
        summary: &'static str,
        options: Vec<&'static str>,
        url: String,
    }
    let list: Vec<Rule> = rules::all()
        .map(|l| Rule {
            name: l.name,
            default_level: l.default_level.as_str(),
            summary: l.summary,
            options: rules::options_of(l).map(|o| o.key).collect(),
            url: rules::url(l),
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&list).expect("serialising plain data to JSON");
    text.push('\n');
    text
}

/// The message for an `--explain` of a rule that does not exist.
pub fn unknown_rule(name: &str) -> String {
    let names = rules::names();
    format!(
        "unknown rule `{name}`{} (see --list-rules)",
        suggest::hint(&rules::canonical(name), &names)
    )
}
