//! Findings that are moot once every caller in the crate is known.
//!
//! A rule sees one file. A task spawned by `Services::new` is a leak when
//! something can drop and re-create the services, and a process-lifetime
//! worker when `new` is called once, from `main`; a blocking read in an
//! async fn stalls a runtime worker, unless that fn is a CLI command
//! handler awaited by `main` on the main thread. Rules mark such findings
//! ([`leaklint_lints::Finding::moot_if`]); this pass reads every Rust file
//! of the finding's package (the nearest `Cargo.toml` with a `[package]`
//! above it, its nested packages and test directories aside; a file with no
//! package is its own crate), collects who calls whom
//! ([`leaklint_lints::context::entry`]) and drops the findings whose fn is
//! reached only from `main`.
//!
//! Only packages with such a finding are read. If any of their files cannot
//! be read or parsed, nothing in that package is dropped: an unseen caller
//! could be the one that runs the fn in a loop.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use leaklint_lints::context::entry::{self, CallSummary};
use leaklint_lints::{FileContext, ReachKind};
use rayon::prelude::*;

use crate::discover::TEST_DIRS;
use crate::outcome::Report;

/// A package larger than this many files is not read (its findings stay).
const MAX_PACKAGE_FILES: usize = 20_000;

/// Drops the findings of `report` that are moot because their fn is
/// reached only from `main` (see the module documentation). `paths` maps a
/// file as displayed to where it can be read.
pub fn drop_moot_findings(
    report: &mut Report,
    paths: &HashMap<String, PathBuf>,
    max_nesting: usize,
) {
    // Package root (or the file itself) → the files with candidates.
    let mut crates: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
    for (i, file) in report.files.iter().enumerate() {
        if !file.diagnostics.iter().any(|d| d.finding.moot_if.is_some()) {
            continue;
        }
        let Some(path) = paths.get(&file.path) else {
            continue;
        };
        let root = package_root(path).unwrap_or_else(|| path.clone());
        crates.entry(root).or_default().push(i);
    }
    for (root, files) in crates {
        let Some((once, main_thread)) = reached_from_main(&root, max_nesting) else {
            continue;
        };
        for &i in &files {
            report.files[i]
                .diagnostics
                .retain(|d| match &d.finding.moot_if {
                    Some(reach) => !match reach.kind {
                        ReachKind::Once => once.contains(&reach.function),
                        ReachKind::MainThread => main_thread.contains(&reach.function),
                    },
                    None => true,
                });
        }
    }
    report
        .files
        .retain(|f| !f.diagnostics.is_empty() || !f.errors.is_empty());
}

/// The directory of the nearest `Cargo.toml` above `file` with a
/// `[package]` table.
fn package_root(file: &Path) -> Option<PathBuf> {
    let absolute = std::fs::canonicalize(file).ok()?;
    absolute
        .ancestors()
        .skip(1)
        .find(|dir| {
            std::fs::read_to_string(dir.join("Cargo.toml"))
                .is_ok_and(|text| text.lines().any(|l| l.trim() == "[package]"))
        })
        .map(Path::to_path_buf)
}

/// The fns of the crate at `root` (a package directory, or one file)
/// reached from `main` once and on the main thread; `None` when a file of
/// it cannot be read or parsed.
fn reached_from_main(
    root: &Path,
    max_nesting: usize,
) -> Option<(BTreeSet<String>, BTreeSet<String>)> {
    let files = if root.is_file() {
        vec![root.to_path_buf()]
    } else {
        package_files(root)?
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .stack_size(crate::engine::WORKER_STACK_SIZE)
        .build()
        .ok()?;
    let summaries: Option<Vec<CallSummary>> =
        pool.install(|| files.par_iter().map(|f| summary(f, max_nesting)).collect());
    Some(entry::reached_from_main(&summaries?))
}

/// One file's calls, or `None` if it cannot be read, parsed or analysed.
fn summary(path: &Path, max_nesting: usize) -> Option<CallSummary> {
    let text = std::fs::read_to_string(path).ok()?;
    let text = crate::text::strip_bom(&text);
    if crate::nesting::scan(text, max_nesting)
        .first_too_deep
        .is_some()
    {
        return None;
    }
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let file = syn::parse_file(&crate::code::without_line_doc_comments(text)).ok()?;
        Some(FileContext::new(&file, text).call_summary())
    }));
    proc_macro2::extra::invalidate_current_thread_spans();
    result.ok().flatten()
}

/// The Rust files of the package at `root`: not in a nested package, a
/// test directory (test code calls nothing) or a cargo target directory.
fn package_files(root: &Path) -> Option<Vec<PathBuf>> {
    let root_owned = root.to_path_buf();
    let walker = WalkBuilder::new(root)
        .require_git(false)
        .hidden(true)
        .filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            if !is_dir || entry.path() == root_owned {
                return true;
            }
            let name = entry.file_name();
            !(name == "target"
                || entry.path().join("Cargo.toml").is_file()
                || TEST_DIRS.iter().any(|d| name == *d))
        })
        .build();
    let mut files = Vec::new();
    for entry in walker {
        let entry = entry.ok()?;
        if entry.file_type().is_some_and(|t| t.is_file())
            && entry.path().extension().is_some_and(|e| e == "rs")
        {
            files.push(entry.into_path());
            if files.len() > MAX_PACKAGE_FILES {
                return None;
            }
        }
    }
    Some(files)
}
