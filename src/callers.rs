//! Findings that are moot once every caller in the crate is known.
//!
//! A rule sees one file. A task spawned by `Services::new` is a leak when
//! something can drop and re-create the services, and a process-lifetime
//! worker when `new` is called once, from `main`; a blocking read in an
//! async fn stalls a runtime worker, unless that fn is a CLI command
//! handler awaited by `main` on the main thread. Rules mark such findings
//! ([`leaklint_lints::Finding::moot_if`]); this pass reads every Rust file
//! of the finding's workspace (the nearest `Cargo.toml` with a `[workspace]`
//! above it, else with a `[package]`; test directories and target
//! directories aside; a file with neither is its own crate): a service's
//! library crates are called by its binary, which the rule of "every caller
//! in the crate" alone would not see. It collects who calls whom
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
use crate::packages::PackageNames;

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
    // Crate root (or the file itself) → the files with candidates.
    let mut crates: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
    let mut packages = PackageNames::default();
    for (i, file) in report.files.iter().enumerate() {
        if !file.diagnostics.iter().any(|d| d.finding.moot_if.is_some()) {
            continue;
        }
        let Some(path) = paths.get(&file.path) else {
            continue;
        };
        let root = packages.crate_root(path).unwrap_or_else(|| path.clone());
        crates.entry(root).or_default().push(i);
    }
    if crates.is_empty() {
        return;
    }
    // Parsing needs the engine's deep stacks; one pool serves every crate.
    let Ok(pool) = rayon::ThreadPoolBuilder::new()
        .stack_size(crate::engine::WORKER_STACK_SIZE)
        .build()
    else {
        return;
    };
    for (root, files) in crates {
        let Some(crate_calls) = CrateCalls::read(&root, max_nesting, &pool) else {
            continue;
        };
        for &i in &files {
            let Some(summary) = paths
                .get(&report.files[i].path)
                .and_then(|p| std::fs::canonicalize(p).ok())
                .and_then(|p| crate_calls.summaries.get(&p))
            else {
                continue;
            };
            report.files[i].diagnostics.retain(|d| {
                let Some(reach) = &d.finding.moot_if else {
                    return true;
                };
                // The fn the finding is in, as the crate knows it.
                let Some(key) = entry::fn_at(summary, d.finding.span.start.byte) else {
                    return true;
                };
                if key.rsplit("::").next() != Some(reach.function.as_str()) {
                    return true;
                }
                !match reach.kind {
                    ReachKind::Once => crate_calls.once.contains(key),
                    ReachKind::MainThread => crate_calls.main_thread.contains(key),
                }
            });
        }
    }
    report
        .files
        .retain(|f| !f.diagnostics.is_empty() || !f.errors.is_empty());
}

/// What a crate says about who calls whom.
struct CrateCalls {
    /// Each file's calls, by canonical path.
    summaries: HashMap<PathBuf, CallSummary>,
    /// The fns (by key) reached from `main` once.
    once: BTreeSet<String>,
    /// The fns (by key) reached from `main` on the main thread.
    main_thread: BTreeSet<String>,
}

impl CrateCalls {
    /// Reads the crate at `root` (a workspace or package directory, or one
    /// file); `None` when a file of it cannot be read or parsed.
    fn read(root: &Path, max_nesting: usize, pool: &rayon::ThreadPool) -> Option<CrateCalls> {
        let files = if root.is_file() {
            vec![root.to_path_buf()]
        } else {
            package_files(root)?
        };
        let summaries: Option<Vec<(PathBuf, CallSummary)>> = pool.install(|| {
            files
                .par_iter()
                .map(|f| Some((f.clone(), summary(f, max_nesting)?)))
                .collect()
        });
        let summaries: HashMap<PathBuf, CallSummary> = summaries?.into_iter().collect();
        let (once, main_thread) = entry::reached_from_main(summaries.values());
        Some(CrateCalls {
            summaries,
            once,
            main_thread,
        })
    }
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
        Some(FileContext::new(&file, text).call_summary(&module_name(path)))
    }));
    proc_macro2::extra::invalidate_current_thread_spans();
    result.ok().flatten()
}

/// The name of the module a file is, as its path says: its stem, its
/// directory's name for `mod.rs`, `crate` for a crate root (`lib.rs`,
/// `main.rs`, a file of `src/bin/`, `build.rs`).
fn module_name(path: &Path) -> String {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("crate");
    let parent = path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str());
    match (stem, parent) {
        ("lib" | "main" | "build", _) | (_, Some("bin")) => "crate".to_string(),
        ("mod", Some(dir)) => dir.to_string(),
        (stem, _) => stem.to_string(),
    }
}

/// The Rust files of the workspace or package at `root`: not in a test
/// directory (test code calls nothing) or a target directory.
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
            !(name == "target" || TEST_DIRS.iter().any(|d| name == *d))
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
