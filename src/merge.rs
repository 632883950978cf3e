//! `leaklint merge A.json B.json …`: one report from the JSON reports of
//! `--shard K/N` runs.
//!
//! The merged report is the sum of the shards: `files_scanned` adds up, and
//! diagnostics and errors are sorted as an unsharded run sorts them (every
//! file belongs to one shard, so a file's own order is kept). With
//! `--format json` the output is byte for byte what an unsharded run prints.
//!
//! `--format human` and `--format sarif` read each flagged file again
//! (paths are relative to the directory the shards ran in) to show its code
//! and to fingerprint the flagged text; notes keep their locations and the
//! files they point into (read too, to show their code), so the output is
//! identical to an unsharded run's.
//!
//! The reports must be the shards of one run, each once and all of them:
//! every shard's report carries `shard: {k, n, run}`, and `merge` refuses a
//! shard given twice, shards of different runs (the run id differs when the
//! files, the configuration or the flags do), and missing shards or reports
//! without shard information unless `--allow-partial`.
//!
//! The command line: `merge` is recognised only as the very first argument.
//! To lint a file or directory named `merge`, write `leaklint ./merge` (or
//! `leaklint -- merge`).

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, ValueEnum};
use leaklint_lints::{find_lint, Finding, Level, Note, Position, Span};
use serde::Deserialize;

use crate::outcome::{Diagnostic, FileError, FileResult, Report, Skipped};
use crate::report;
use crate::text::strip_bom;
use crate::Status;

/// Combine the JSON reports of `leaklint --shard K/N --format json` runs into
/// one report, identical to an unsharded run's.
#[derive(Debug, Parser)]
#[command(name = "leaklint merge", version)]
pub struct MergeCli {
    /// The shards' JSON reports.
    #[arg(value_name = "REPORTS", required = true)]
    pub reports: Vec<PathBuf>,

    /// Output format of the merged report.
    #[arg(long, value_enum, default_value_t = MergeFormat::Human)]
    pub format: MergeFormat,

    /// Exit with status 0 even when there are findings or file errors.
    #[arg(long)]
    pub exit_zero: bool,

    /// Merge even when shards are missing (or a report carries no shard
    /// information); the result then covers only part of the files.
    #[arg(long)]
    pub allow_partial: bool,
}

/// How the merged report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MergeFormat {
    /// rustc-style diagnostics on stdout (code re-read from disk).
    Human,
    /// One JSON object (format version 2) on stdout.
    Json,
    /// SARIF 2.1.0 on stdout (fingerprints from the code re-read from disk).
    Sarif,
}

/// Whether `args` (program name first) call the `merge` command.
pub fn is_merge(args: &[OsString]) -> bool {
    args.get(1).is_some_and(|a| a == "merge")
}

/// Runs `leaklint merge` with `args` (program name first, then `merge`).
pub fn run(args: Vec<OsString>) -> Status {
    let args = std::iter::once(OsString::from("leaklint merge")).chain(args.into_iter().skip(2));
    let cli = match MergeCli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.exit_code() == 0 {
                Status::Clean
            } else {
                Status::Failure
            };
        }
    };
    let mut stderr = std::io::stderr().lock();
    let mut report = match merge_files_checked(&cli.reports, cli.allow_partial) {
        Ok(report) => report,
        Err(e) => {
            let _ = writeln!(stderr, "error: {e}");
            return Status::Failure;
        }
    };
    match cli.format {
        MergeFormat::Json => {
            let _ = std::io::stdout().write_all(report::json::render(&report).as_bytes());
        }
        MergeFormat::Sarif => {
            attach_sources(&mut report, Path::new("."));
            let _ = std::io::stdout().write_all(report::sarif::render(&report).as_bytes());
        }
        MergeFormat::Human => {
            attach_sources(&mut report, Path::new("."));
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(report::human::render_explained(&report, false).as_bytes());
            let _ = writeln!(stdout, "{}", report::human::summary(&report));
        }
    }
    if report.is_clean() || cli.exit_zero {
        Status::Clean
    } else {
        Status::Found
    }
}

#[derive(Debug, Deserialize)]
struct InReport {
    version: u32,
    files_scanned: usize,
    test_files: usize,
    diagnostics: Vec<InDiagnostic>,
    errors: Vec<InError>,
    skipped: Vec<InSkipped>,
}

#[derive(Debug, Deserialize)]
struct InSkipped {
    file: String,
    reason: String,
}

#[derive(Debug, Deserialize)]
struct InNote {
    message: String,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
}

#[derive(Debug, Deserialize)]
struct InDiagnostic {
    rule: String,
    severity: String,
    message: String,
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    notes: Vec<InNote>,
    help: Option<String>,
}

#[derive(Debug, Deserialize)]
struct InError {
    file: String,
    message: String,
    line: Option<usize>,
    column: Option<usize>,
}

/// The `shard` object of a report, if it has one.
#[derive(Debug, Deserialize)]
struct ShardOnly {
    #[allow(dead_code)]
    version: u32,
    shard: Option<crate::shard::ShardInfo>,
}

/// Checks that the reports are the shards of one run, each once, all of
/// them (missing ones and reports without shard information are allowed
/// with `allow_partial`).
pub fn check_shards(reports: &[(String, String)], allow_partial: bool) -> Result<(), String> {
    let mut seen: Vec<(&str, crate::shard::ShardInfo)> = Vec::new();
    for (name, text) in reports {
        // A report that is not JSON at all is reported by the merge itself.
        let Ok(ShardOnly { shard, .. }) = serde_json::from_str::<ShardOnly>(text) else {
            continue;
        };
        let Some(shard) = shard else {
            if allow_partial {
                continue;
            }
            return Err(format!(
                "{name} has no `shard` information: give the reports of                  `leaklint --shard K/N --format json` runs (or --allow-partial)"
            ));
        };
        if let Some((other, first)) = seen.first() {
            if first.run != shard.run || first.n != shard.n {
                return Err(format!(
                    "{name} (shard {}/{} of run {}) and {other} (shard {}/{} of run {})                      come from different runs (other files, configuration or flags);                      merge the shards of one run",
                    shard.k, shard.n, shard.run, first.k, first.n, first.run
                ));
            }
        }
        if let Some((other, _)) = seen.iter().find(|(_, s)| s.k == shard.k) {
            return Err(format!(
                "shard {}/{} is given twice ({other} and {name}); each shard must be merged once",
                shard.k, shard.n
            ));
        }
        seen.push((name, shard));
    }
    if let Some((_, first)) = seen.first() {
        let missing: Vec<String> = (1..=first.n)
            .filter(|k| !seen.iter().any(|(_, s)| s.k == *k))
            .map(|k| format!("{k}/{}", first.n))
            .collect();
        if !missing.is_empty() && !allow_partial {
            return Err(format!(
                "missing {} {}: the merged report would leave their files out                  (give every shard, or --allow-partial)",
                if missing.len() == 1 { "shard" } else { "shards" },
                missing.join(", ")
            ));
        }
    }
    Ok(())
}

/// Reads the JSON reports at `paths`, checks that they are the shards of
/// one run ([`check_shards`]) and merges them.
pub fn merge_files_checked(paths: &[PathBuf], allow_partial: bool) -> Result<Report, String> {
    let mut texts = Vec::with_capacity(paths.len());
    for path in paths {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read report {}: {e}", path.display()))?;
        texts.push((path.display().to_string(), text));
    }
    check_shards(&texts, allow_partial)?;
    merge_texts(
        texts
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_str())),
    )
}

/// Reads and merges the JSON reports at `paths`.
pub fn merge_files(paths: &[PathBuf]) -> Result<Report, String> {
    let mut texts = Vec::with_capacity(paths.len());
    for path in paths {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read report {}: {e}", path.display()))?;
        texts.push((path.display().to_string(), text));
    }
    merge_texts(
        texts
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_str())),
    )
}

/// Merges JSON reports given as (name for messages, text).
pub fn merge_texts<'a>(
    reports: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Report, String> {
    let mut files: BTreeMap<String, FileResult> = BTreeMap::new();
    let mut scanned = 0;
    let mut test_files = 0;
    let mut skipped = Vec::new();
    for (name, text) in reports {
        let report: InReport = serde_json::from_str(text).map_err(|e| {
            format!("{name} is not a leaklint JSON report ({e}); give the output of `leaklint --format json`")
        })?;
        if report.version != report::json::FORMAT_VERSION {
            return Err(format!(
                "{name} is a version {} report; this leaklint reads version {}",
                report.version,
                report::json::FORMAT_VERSION
            ));
        }
        scanned += report.files_scanned;
        test_files += report.test_files;
        skipped.extend(report.skipped.into_iter().map(|s| Skipped {
            file: s.file,
            reason: s.reason,
        }));
        for d in report.diagnostics {
            let entry = files
                .entry(d.file.clone())
                .or_insert_with(|| FileResult::new(d.file.clone()));
            entry.diagnostics.push(to_diagnostic(d));
        }
        for e in report.errors {
            let entry = files
                .entry(e.file.clone())
                .or_insert_with(|| FileResult::new(e.file.clone()));
            entry.errors.push(FileError {
                message: e.message,
                line: e.line,
                column: e.column,
            });
        }
    }
    let mut merged = Report::new(scanned, files.into_values());
    merged.test_files = test_files;
    skipped.sort();
    merged.skipped = skipped;
    Ok(merged)
}

fn to_diagnostic(d: InDiagnostic) -> Diagnostic {
    // Rule names are `&'static str`; a rule this build does not know (a
    // report from another version) keeps its name for the life of the process.
    let rule = find_lint(&d.rule)
        .map(|l| l.name)
        .unwrap_or_else(|| Box::leak(d.rule.into_boxed_str()));
    let position = |line, column| Position {
        line,
        column,
        byte: 0,
    };
    Diagnostic {
        level: if d.severity == "error" {
            Level::Deny
        } else {
            Level::Warn
        },
        finding: Finding {
            rule,
            message: d.message,
            span: Span {
                start: position(d.line, d.column),
                end: position(d.end_line, d.end_column),
            },
            notes: d
                .notes
                .into_iter()
                .map(|n| {
                    let span = match (n.line, n.column, n.end_line, n.end_column) {
                        (Some(line), Some(column), Some(end_line), Some(end_column)) => {
                            Some(Span {
                                start: position(line, column),
                                end: position(end_line, end_column),
                            })
                        }
                        _ => None,
                    };
                    Note {
                        // The JSON names the finding's own file too; a note
                        // of the finding's file has none, as the run made it.
                        file: n.file.filter(|f| span.is_some() && *f != d.file),
                        span,
                        message: n.message,
                    }
                })
                .collect(),
            help: d.help,
            moot_if: None,
            follow: None,
            one_per_async_fn: false,
        },
    }
}

/// Reads the source of every file with diagnostics, and of every other
/// file their notes point into (paths relative to `base`), and sets the
/// byte offsets of their spans, so the human format can show the code. An
/// unreadable file with diagnostics is shown without code; a note into an
/// unreadable file keeps only its line and column.
pub fn attach_sources(report: &mut Report, base: &Path) {
    let mut others: BTreeMap<String, Option<LineStarts>> = BTreeMap::new();
    for file in &mut report.files {
        if file.diagnostics.is_empty() {
            continue;
        }
        let text = std::fs::read_to_string(base.join(&file.path)).unwrap_or_default();
        let own = LineStarts::new(strip_bom(&text).to_string());
        for d in &mut file.diagnostics {
            own.set_byte(&mut d.finding.span.start);
            own.set_byte(&mut d.finding.span.end);
            for note in &mut d.finding.notes {
                let Some(span) = note.span.as_mut() else {
                    continue;
                };
                let lines = match &note.file {
                    None => Some(&own),
                    Some(other) => others
                        .entry(other.clone())
                        .or_insert_with(|| {
                            let text = std::fs::read_to_string(base.join(other)).ok()?;
                            Some(LineStarts::new(strip_bom(&text).to_string()))
                        })
                        .as_ref(),
                };
                if let Some(lines) = lines {
                    lines.set_byte(&mut span.start);
                    lines.set_byte(&mut span.end);
                }
            }
        }
        file.source = Some(own.text);
    }
}

/// A file's text and the byte offset of each of its lines.
struct LineStarts {
    text: String,
    starts: Vec<usize>,
}

impl LineStarts {
    fn new(text: String) -> LineStarts {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineStarts { text, starts }
    }

    /// Sets `p.byte` from its line and column (past the end: the text's length).
    fn set_byte(&self, p: &mut Position) {
        let text = &self.text;
        let Some(&start) = self.starts.get(p.line.saturating_sub(1)) else {
            p.byte = text.len();
            return;
        };
        p.byte = text[start..]
            .char_indices()
            .nth(p.column.saturating_sub(1))
            .map_or(text.len(), |(i, _)| start + i);
    }
}
