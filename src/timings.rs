//! `--timings`: where a run spends its time.
//!
//! Each phase's time is summed over all worker threads (so with two threads
//! the per-file phases can add up to twice the wall time). Counters are
//! atomics, added to once per file and phase, so measuring costs a few
//! clock reads per file.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::config::Config;

/// A fixed phase of the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Walking the paths for files.
    Discover = 0,
    /// Reading files and checking they are UTF-8.
    Read,
    /// The trigger-word search.
    Prefilter,
    /// The nesting pre-scan.
    Nesting,
    /// `syn::parse_file`.
    Parse,
    /// Parsing a file no rule looks at, for its grammar errors alone.
    SyntaxCheck,
    /// Building the `FileContext` (imports, macro bodies, …).
    Context,
    /// The file's call summary, for findings that wait for their crate.
    Summary,
    /// Dropping syntax trees and freeing span records.
    Drop,
    /// Finding each crate's sync fns that may block, before the engine
    /// (wall time: its parsing is in parallel).
    CrateBlocking,
    /// Deciding the findings that wait for their crate (wall time).
    CratePass,
    /// Rendering and printing the report.
    Report,
}

const PHASES: [(Phase, &str); 12] = [
    (Phase::Discover, "discover"),
    (Phase::Read, "read"),
    (Phase::Prefilter, "pre-filter"),
    (Phase::Nesting, "nesting pre-scan"),
    (Phase::Parse, "parse"),
    (Phase::SyntaxCheck, "syntax check"),
    (Phase::Context, "context"),
    (Phase::Summary, "call summary"),
    (Phase::Drop, "drop trees"),
    (Phase::CrateBlocking, "crate: blocking fns"),
    (Phase::CratePass, "crate pass"),
    (Phase::Report, "report"),
];

/// Time spent per phase and per rule, plus file counts.
#[derive(Debug)]
pub struct Timings {
    phases: [AtomicU64; PHASES.len()],
    rules: Vec<(&'static str, AtomicU64)>,
    files_read: AtomicU64,
    files_parsed: AtomicU64,
    bytes_read: AtomicU64,
}

impl Timings {
    /// Empty counters for the rules of `config` (in registry order).
    pub fn new(config: &Config) -> Timings {
        Timings {
            phases: Default::default(),
            rules: config
                .lints
                .iter()
                .map(|l| (l.lint.name, AtomicU64::new(0)))
                .collect(),
            files_read: AtomicU64::new(0),
            files_parsed: AtomicU64::new(0),
            bytes_read: AtomicU64::new(0),
        }
    }

    /// Adds `time` to `phase`.
    pub fn add(&self, phase: Phase, time: Duration) {
        self.phases[phase as usize].fetch_add(nanos(time), Ordering::Relaxed);
    }

    /// Adds the time since `start` to `phase` and returns now.
    pub fn lap(&self, phase: Phase, start: Instant) -> Instant {
        let now = Instant::now();
        self.add(phase, now - start);
        now
    }

    /// Adds `time` to the rule named `rule`.
    pub fn add_rule(&self, rule: &str, time: Duration) {
        if let Some((_, counter)) = self.rules.iter().find(|(name, _)| *name == rule) {
            counter.fetch_add(nanos(time), Ordering::Relaxed);
        }
    }

    /// Counts a file read, of `bytes` bytes.
    pub fn count_read(&self, bytes: usize) {
        self.files_read.fetch_add(1, Ordering::Relaxed);
        self.bytes_read.fetch_add(bytes as u64, Ordering::Relaxed);
    }

    /// Counts a file that was parsed.
    pub fn count_parsed(&self) {
        self.files_parsed.fetch_add(1, Ordering::Relaxed);
    }

    /// How many files were parsed.
    pub fn files_parsed(&self) -> u64 {
        self.files_parsed.load(Ordering::Relaxed)
    }

    /// The table printed by `--timings`, with `wall` the run's wall time.
    pub fn render(&self, wall: Duration) -> String {
        let mut rows: Vec<(String, u64)> = PHASES
            .iter()
            .map(|(phase, name)| {
                (
                    name.to_string(),
                    self.phases[*phase as usize].load(Ordering::Relaxed),
                )
            })
            .collect();
        rows.extend(
            self.rules
                .iter()
                .map(|(name, t)| (format!("rule {name}"), t.load(Ordering::Relaxed))),
        );
        let total: u64 = rows.iter().map(|(_, t)| t).sum();
        let width = rows.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
        let mut out = String::from("timings (summed over threads):\n");
        for (name, t) in &rows {
            let pct = if total == 0 {
                0.0
            } else {
                *t as f64 * 100.0 / total as f64
            };
            let _ = writeln!(out, "  {name:width$}  {:>10.3} ms  {pct:5.1}%", ms(*t));
        }
        let _ = writeln!(out, "  {:width$}  {:>10.3} ms", "total", ms(total));
        let _ = writeln!(
            out,
            "  wall time {:.3} ms; {} files read ({:.1} MiB), {} parsed",
            wall.as_secs_f64() * 1e3,
            self.files_read.load(Ordering::Relaxed),
            self.bytes_read.load(Ordering::Relaxed) as f64 / (1024.0 * 1024.0),
            self.files_parsed.load(Ordering::Relaxed),
        );
        out
    }
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

fn ms(nanos: u64) -> f64 {
    nanos as f64 / 1e6
}
