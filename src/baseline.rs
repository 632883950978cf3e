//! Baselines: record today's findings, then report only new ones.
//!
//! A baseline is a JSON file listing each finding as (rule, file,
//! fingerprint); the fingerprint ([`crate::fingerprint`]) hashes the flagged
//! source text without whitespace plus an occurrence index, so findings
//! keep matching when unrelated code moves them to other lines.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::fingerprint;
use crate::outcome::Report;

/// The version of the baseline file format.
pub const BASELINE_VERSION: u32 = 1;

/// A baseline file.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Baseline {
    /// Always [`BASELINE_VERSION`].
    pub version: u32,
    /// The recorded findings, in report order.
    pub findings: Vec<Entry>,
}

/// One recorded finding.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub struct Entry {
    /// The rule.
    pub rule: String,
    /// The file, as displayed.
    pub file: String,
    /// The finding's fingerprint.
    pub fingerprint: String,
}

/// The baseline of every diagnostic in `report`.
pub fn of_report(report: &Report) -> Baseline {
    let mut findings = Vec::new();
    for file in &report.files {
        for (d, print) in file.diagnostics.iter().zip(fingerprint::of_file(file)) {
            findings.push(Entry {
                rule: d.finding.rule.to_string(),
                file: file.path.clone(),
                fingerprint: print,
            });
        }
    }
    Baseline {
        version: BASELINE_VERSION,
        findings,
    }
}

/// Writes the baseline of `report` to `path`; returns how many findings it holds.
pub fn write(report: &Report, path: &Path) -> Result<usize, String> {
    let baseline = of_report(report);
    let mut text = serde_json::to_string_pretty(&baseline).expect("serialising plain data");
    text.push('\n');
    std::fs::write(path, text)
        .map_err(|e| format!("cannot write baseline {}: {e}", path.display()))?;
    Ok(baseline.findings.len())
}

/// Reads the baseline at `path`.
pub fn read(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
    let baseline: Baseline = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}: not a leaklint baseline ({e}); create one with --write-baseline",
            path.display()
        )
    })?;
    if baseline.version != BASELINE_VERSION {
        return Err(format!(
            "{}: baseline version {} is not supported (expected {BASELINE_VERSION})",
            path.display(),
            baseline.version
        ));
    }
    Ok(baseline)
}

/// Removes from `report` the diagnostics recorded in `baseline`; returns how
/// many baseline entries matched nothing (stale entries to prune).
pub fn apply(report: &mut Report, baseline: &Baseline) -> usize {
    let mut remaining: HashMap<&Entry, usize> = HashMap::new();
    for entry in &baseline.findings {
        *remaining.entry(entry).or_default() += 1;
    }
    for file in &mut report.files {
        let prints = fingerprint::of_file(file);
        let mut prints = prints.into_iter();
        let path = file.path.clone();
        file.diagnostics.retain(|d| {
            let entry = Entry {
                rule: d.finding.rule.to_string(),
                file: path.clone(),
                fingerprint: prints.next().unwrap_or_default(),
            };
            match remaining.get_mut(&entry) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
    }
    let files = std::mem::take(&mut report.files);
    *report = Report::new(report.files_scanned, files);
    remaining.values().sum()
}
