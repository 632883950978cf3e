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
//! could be the one that runs the fn in a loop. Each file's summary is
//! cached by its text in the crate's `.leaklint_cache/` ([`crate::cache`]).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use leaklint_lints::context::entry::{self, CallSummary};
use leaklint_lints::context::follow::{CrateIndex, Hop};
use leaklint_lints::{FileContext, Finding, Note, ReachKind};
use rayon::prelude::*;

use crate::cache::SummaryCache;
use crate::discover::display_path;
use crate::discover::TEST_DIRS;
use crate::outcome::{Diagnostic, FileResult, Report};
use crate::packages::PackageNames;

/// A package larger than this many files is not read (its findings stay).
const MAX_PACKAGE_FILES: usize = 20_000;

/// Decides every finding of `report` that waits for the crate: drops the
/// findings that are moot because their fn is reached only from `main`,
/// and keeps a finding with a [`Follow`] only when the crate shows it
/// holds, with a note per call followed (see the module documentation).
/// `paths` maps a file as displayed to where it can be read; a crate with
/// a file of `uncached` (as displayed: its configuration says `cache =
/// false`, or `--no-cache`) is read without the summary cache.
pub fn resolve_crate_findings(
    report: &mut Report,
    paths: &HashMap<String, PathBuf>,
    max_nesting: usize,
    uncached: &HashSet<String>,
) {
    // Crate root (or the file itself) → the files with candidates.
    let mut crates: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
    let mut packages = PackageNames::default();
    let mut alone = Vec::new();
    for (i, file) in report.files.iter().enumerate() {
        if !file.diagnostics.iter().any(waits_for_crate) {
            continue;
        }
        let Some(path) = paths.get(&file.path) else {
            alone.push(i);
            continue;
        };
        let root = packages.crate_root(path).unwrap_or_else(|| path.clone());
        crates.entry(root).or_default().push(i);
    }
    for i in alone {
        resolve_alone(&mut report.files[i]);
    }
    if !crates.is_empty() {
        // Parsing needs the engine's deep stacks; one pool serves every crate.
        match rayon::ThreadPoolBuilder::new()
            .stack_size(crate::engine::WORKER_STACK_SIZE)
            .build()
        {
            Ok(pool) => {
                for (root, files) in crates {
                    let cached = !files
                        .iter()
                        .any(|&i| uncached.contains(&report.files[i].path));
                    let crate_calls = CrateCalls::read(&root, max_nesting, cached, &pool);
                    resolve_in_crate(report, paths, &files, crate_calls);
                }
            }
            Err(_) => {
                for (_, files) in crates {
                    for i in files {
                        resolve_alone(&mut report.files[i]);
                    }
                }
            }
        }
    }
    report
        .files
        .retain(|f| !f.diagnostics.is_empty() || !f.errors.is_empty() || f.skip.is_some());
}

/// Whether a diagnostic's verdict depends on the rest of its crate.
fn waits_for_crate(d: &Diagnostic) -> bool {
    d.finding.moot_if.is_some() || d.finding.follow.is_some()
}

/// Decides the waiting findings of one file with only that file for the
/// crate: `main`-only reachability is not decided (the finding stays), a
/// [`Follow`] is decided within the file.
pub fn resolve_alone(result: &mut FileResult) {
    let summary = result.summary.take();
    let index = summary.as_deref().map(|s| CrateIndex::new(vec![s]));
    result.diagnostics.retain_mut(|d| {
        let Some(follow) = d.finding.follow.take() else {
            return true;
        };
        let Some(index) = &index else {
            return false;
        };
        match index.decide(0, &follow) {
            Some(hops) => {
                add_hops(&mut d.finding, hops, |_| None);
                true
            }
            None => false,
        }
    });
}

/// Decides the waiting findings of `files` (indices into `report.files`),
/// which are in the crate read as `crate_calls`.
fn resolve_in_crate(
    report: &mut Report,
    paths: &HashMap<String, PathBuf>,
    files: &[usize],
    mut crate_calls: CrateCalls,
) {
    // Other files are shown relative to the working directory, as the
    // linted ones are when linted by a relative path.
    let cwd = std::env::current_dir().and_then(std::fs::canonicalize).ok();
    let display_of = |p: &Path| match cwd.as_deref().and_then(|c| p.strip_prefix(c).ok()) {
        Some(relative) => display_path(relative),
        None => display_path(p),
    };
    // A linted file's own summary is the one its findings were made with
    // (the text from standard input may differ from the disk's).
    let mut summaries: BTreeMap<PathBuf, (String, CallSummary)> =
        std::mem::take(&mut crate_calls.summaries)
            .into_iter()
            .map(|(p, s)| (display_of(&p), p, s))
            .map(|(display, p, s)| (p, (display, s)))
            .collect();
    let mut own: Vec<(usize, PathBuf)> = Vec::new();
    for &i in files {
        let display = report.files[i].path.clone();
        let key = paths
            .get(&display)
            .and_then(|p| std::fs::canonicalize(p).ok())
            .unwrap_or_else(|| PathBuf::from(&display));
        match report.files[i].summary.take() {
            Some(summary) => {
                summaries.insert(key.clone(), (display, *summary));
            }
            None => {
                if let Some(entry) = summaries.get_mut(&key) {
                    entry.0 = display;
                }
            }
        }
        own.push((i, key));
    }
    let order: Vec<&PathBuf> = summaries.keys().collect();
    let index = CrateIndex::new(summaries.values().map(|(_, s)| s).collect());
    let displays: Vec<&str> = summaries.values().map(|(d, _)| d.as_str()).collect();
    for (i, key) in own {
        let me = order.iter().position(|p| **p == key);
        let summary = me.map(|m| &summaries[order[m]].1);
        report.files[i].diagnostics.retain_mut(|d| {
            if let Some(follow) = d.finding.follow.take() {
                let Some(me) = me else { return false };
                match index.decide(me, &follow) {
                    Some(hops) => add_hops(&mut d.finding, hops, |f| {
                        (f != me).then(|| displays[f].to_string())
                    }),
                    None => return false,
                }
            }
            let Some(reach) = &d.finding.moot_if else {
                return true;
            };
            if !crate_calls.complete {
                return true;
            }
            // The fn the finding is in, as the crate knows it.
            let Some(key) = summary.and_then(|s| entry::fn_at(s, d.finding.span.start.byte)) else {
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

/// Puts the notes of a followed chain first in `finding`'s notes; `other`
/// names a hop's file when it is not the finding's.
fn add_hops(finding: &mut Finding, hops: Vec<Hop>, other: impl Fn(usize) -> Option<String>) {
    let notes = hops.into_iter().map(|hop| Note {
        span: Some(hop.span),
        message: hop.message,
        file: other(hop.file),
    });
    finding.notes.splice(0..0, notes);
}

/// What a crate says about who calls whom.
struct CrateCalls {
    /// Each file's calls, by canonical path.
    summaries: HashMap<PathBuf, CallSummary>,
    /// Whether every file of the crate was read and parsed: only then can
    /// "reached only from `main`" be decided.
    complete: bool,
    /// The fns (by key) reached from `main` once.
    once: BTreeSet<String>,
    /// The fns (by key) reached from `main` on the main thread.
    main_thread: BTreeSet<String>,
}

impl CrateCalls {
    /// Reads the crate at `root` (a workspace or package directory, or one
    /// file), as much of it as can be read and parsed; with `cached`, the
    /// summaries of a directory's files go through its cache.
    fn read(root: &Path, max_nesting: usize, cached: bool, pool: &rayon::ThreadPool) -> CrateCalls {
        // Walked from its canonical path (links are not followed), every
        // file's path is canonical: no per-file `canonicalize`.
        let root = &std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let files = if root.is_file() {
            Some(vec![root.to_path_buf()])
        } else {
            package_files(root)
        };
        let Some(files) = files else {
            return CrateCalls {
                summaries: HashMap::new(),
                complete: false,
                once: BTreeSet::new(),
                main_thread: BTreeSet::new(),
            };
        };
        let cache = match cached && root.is_dir() {
            true => SummaryCache::open(root, max_nesting),
            false => SummaryCache::disabled(),
        };
        let read: Vec<(PathBuf, Option<CallSummary>)> = pool.install(|| {
            files
                .par_iter()
                .map(|f| (f.clone(), summary(f, max_nesting, &cache)))
                .collect()
        });
        let complete = read.iter().all(|(_, s)| s.is_some());
        let summaries: HashMap<PathBuf, CallSummary> = read
            .into_iter()
            .filter_map(|(p, s)| Some((p, s?)))
            .collect();
        let (once, main_thread) = if complete {
            cache.crate_wide(|| entry::reached_from_main(summaries.values()))
        } else {
            (BTreeSet::new(), BTreeSet::new())
        };
        cache.save();
        CrateCalls {
            summaries,
            complete,
            once,
            main_thread,
        }
    }
}

thread_local! {
    /// The text of the file being summarised: one buffer per thread, reused,
    /// because a warm crate pass reads hundreds of files only to hash them.
    static TEXT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// One file's calls, or `None` if it cannot be read, parsed or analysed.
fn summary(path: &Path, max_nesting: usize, cache: &SummaryCache) -> Option<CallSummary> {
    TEXT.with_borrow_mut(|bytes| {
        bytes.clear();
        std::fs::File::open(path)
            .and_then(|mut file| std::io::Read::read_to_end(&mut file, bytes))
            .ok()?;
        let text = crate::text::strip_bom(std::str::from_utf8(bytes).ok()?);
        let module = module_name(path);
        cache.summary(text, &module, || {
            compute_summary(text, &module, max_nesting)
        })
    })
}

/// The calls of the file whose text is `text`, the module `module`.
fn compute_summary(text: &str, module: &str, max_nesting: usize) -> Option<CallSummary> {
    if crate::nesting::scan(text, max_nesting)
        .first_too_deep
        .is_some()
    {
        return None;
    }
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let file = syn::parse_file(&crate::code::without_line_doc_comments(text)).ok()?;
        Some(FileContext::new(&file, text).call_summary(module))
    }));
    proc_macro2::extra::invalidate_current_thread_spans();
    result.ok().flatten()
}

/// The name of the module a file is, as its path says: its stem, its
/// directory's name for `mod.rs`, `crate` for a crate root (`lib.rs`,
/// `main.rs`, a file of `src/bin/`, `build.rs`).
pub fn module_name(path: &Path) -> String {
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
