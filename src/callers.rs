//! The crate pass: findings decided with every file of their crate.
//!
//! A rule sees one file. Some findings depend on the rest of the crate, and
//! rules mark them:
//!
//! * [`leaklint_lints::Finding::follow`]: the task's endless loop is in a fn
//!   the task calls (maybe in another file), its handle sits in a struct
//!   field that some method may stop, a sync helper called from async code
//!   may block. The finding holds when the crate shows it, and gets a note
//!   per call followed ([`leaklint_lints::context::follow`]).
//! * [`leaklint_lints::Finding::moot_if`]: a task spawned by `Services::new`
//!   is a process-lifetime worker when `new` is called once, from `main`; a
//!   blocking read in an async fn awaited only by `main` runs on the main
//!   thread. Such findings are dropped ([`leaklint_lints::context::entry`]).
//!
//! The crate is the workspace of the finding's file (the nearest
//! `Cargo.toml` with a `[workspace]` above it, else with a `[package]`): a
//! service's library crates are called by its binary. Its files are those of
//! its packages' module trees ([`crate::crate_tree`]: every target root and
//! the `mod` files below it; examples, tests and benches aside). The trees
//! also say which files `#[cfg(test)] mod …;` makes test code: those files'
//! findings are dropped, so every package with a finding is read. A file with
//! no `Cargo.toml` above it, or that no tree reaches, is its own crate.
//!
//! Each file is parsed once (a linted file's summary comes from the engine's
//! parse), and its summary is cached by its text in the crate's
//! `.leaklint_cache/` ([`crate::cache`]). If a file of the crate cannot be read or parsed, or a tree is
//! broken, nothing is dropped as moot (an unseen caller could run the fn in
//! a loop), and calls into the unread file are not followed.

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
use crate::outcome::{FileResult, Report};
use crate::packages::PackageNames;

/// A package larger than this many files is not read (its findings stay).
const MAX_PACKAGE_FILES: usize = 20_000;

/// A file of the crate larger than this is not read (as the engine skips
/// files over the default `max_file_bytes`): generated code or data.
const MAX_FILE_BYTES: u64 = 4 << 20;

/// Decides every finding of `report` that waits for its crate (see the
/// module documentation). `paths` maps a file as displayed to where it can
/// be read; a crate with a file of `uncached` (as displayed: its
/// configuration says `cache = false`, or `--no-cache`) is read without the
/// summary cache.
pub fn resolve_crate_findings(
    report: &mut Report,
    paths: &HashMap<String, PathBuf>,
    max_nesting: usize,
    uncached: &HashSet<String>,
) {
    // Crate root → the files with findings.
    let mut crates: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
    let mut packages = PackageNames::default();
    for i in 0..report.files.len() {
        let file = &report.files[i];
        if file.diagnostics.is_empty() {
            continue;
        }
        match paths.get(&file.path).and_then(|p| packages.crate_root(p)) {
            Some(root) => crates.entry(root).or_default().push(i),
            None => resolve_alone(&mut report.files[i]),
        }
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
                    resolve_in_crate(report, paths, &root, &files, max_nesting, cached, &pool);
                }
            }
            Err(_) => {
                for i in crates.into_values().flatten() {
                    resolve_alone(&mut report.files[i]);
                }
            }
        }
    }
    report
        .files
        .retain(|f| !f.diagnostics.is_empty() || !f.errors.is_empty());
}

/// Decides the waiting findings of one file with that file alone for its
/// crate (its own summary, made by the engine's parse).
pub fn resolve_alone(result: &mut FileResult) {
    let Some(summary) = result.summary.take() else {
        // Nothing waits (the engine keeps a summary when something does).
        return;
    };
    let summaries = [*summary];
    let (once, main_thread) = entry::reached_from_main(summaries.iter());
    let reach = Reach {
        complete: true,
        once,
        main_thread,
    };
    let index = CrateIndex::new(summaries.iter().collect());
    decide(result, &index, 0, &summaries[0], &reach, &|_| None);
}

/// What the crate says about fns reached from `main`.
struct Reach {
    /// Whether every file of the crate was read: only then can "reached
    /// only from `main`" be decided.
    complete: bool,
    /// The fns (by key) reached from `main` once.
    once: BTreeSet<String>,
    /// The fns (by key) reached from `main` on the main thread.
    main_thread: BTreeSet<String>,
}

/// Decides the waiting findings of `result`, file `me` of `index` with
/// summary `summary`; `display` names another file of the index.
fn decide(
    result: &mut FileResult,
    index: &CrateIndex<'_>,
    me: usize,
    summary: &CallSummary,
    reach: &Reach,
    display: &dyn Fn(usize) -> Option<String>,
) {
    result.diagnostics.retain_mut(|d| {
        if let Some(follow) = d.finding.follow.take() {
            match index.decide(me, &follow, d.finding.span.start.byte) {
                Some(hops) => add_hops(&mut d.finding, hops, |f| {
                    if f == me {
                        None
                    } else {
                        display(f)
                    }
                }),
                None => return false,
            }
        }
        let Some(moot) = &d.finding.moot_if else {
            return true;
        };
        if !reach.complete {
            return true;
        }
        // The fn the finding is in, as the crate knows it.
        let Some(key) = entry::fn_at(summary, d.finding.span.start.byte) else {
            return true;
        };
        if key.rsplit("::").next() != Some(moot.function.as_str()) {
            return true;
        }
        !match moot.kind {
            ReachKind::Once => reach.once.contains(key),
            ReachKind::MainThread => reach.main_thread.contains(key),
        }
    });
}

/// Decides the waiting findings of `files` (indices into `report.files`),
/// which are in the crate at `root`, and drops the findings of those that
/// the crate's module tree makes test code.
fn resolve_in_crate(
    report: &mut Report,
    paths: &HashMap<String, PathBuf>,
    root: &Path,
    files: &[usize],
    max_nesting: usize,
    cached: bool,
    pool: &rayon::ThreadPool,
) {
    // The linted files' own summaries are the ones their findings were made
    // with (and the text from standard input may differ from the disk's).
    let mut known: HashMap<PathBuf, CallSummary> = HashMap::new();
    let mut linted: Vec<(usize, PathBuf)> = Vec::new();
    for &i in files {
        let key = paths
            .get(&report.files[i].path)
            .map_or_else(|| PathBuf::from(&report.files[i].path), |p| canonical(p));
        if let Some(summary) = report.files[i].summary.take() {
            known.insert(key.clone(), *summary);
        }
        linted.push((i, key));
    }
    let mut crate_calls = CrateCalls::read(root, known, max_nesting, cached, pool);
    // Other files are shown relative to the working directory, as the
    // linted ones are when linted by a relative path.
    let cwd = std::env::current_dir().and_then(std::fs::canonicalize).ok();
    let display_of = |p: &Path| match cwd.as_deref().and_then(|c| p.strip_prefix(c).ok()) {
        Some(relative) => display_path(relative),
        None => display_path(p),
    };
    let mut displays: BTreeMap<PathBuf, String> = crate_calls
        .summaries
        .keys()
        .map(|p| (p.clone(), display_of(p)))
        .collect();
    let mut own: Vec<(usize, PathBuf)> = Vec::new();
    for (i, key) in linted {
        if crate_calls.test_files.contains(&key) && !report.files[i].include_tests {
            // `#[cfg(test)] mod …;` made it test code.
            let file = &mut report.files[i];
            file.diagnostics.clear();
            file.errors.clear();
            report.test_files += 1;
        } else if let Some(display) = displays.get_mut(&key) {
            *display = report.files[i].path.clone();
            own.push((i, key));
        } else if let Some(summary) = crate_calls.alone.remove(&key) {
            // No module tree of the crate reaches it: its own crate.
            report.files[i].summary = Some(Box::new(summary));
            resolve_alone(&mut report.files[i]);
        }
    }
    let order: Vec<&PathBuf> = crate_calls.summaries.keys().collect();
    let index = CrateIndex::new(crate_calls.summaries.values().collect());
    let names: Vec<&str> = displays.values().map(String::as_str).collect();
    let display = |f: usize| names.get(f).map(|s| s.to_string());
    for (i, key) in own {
        let Some(me) = order.iter().position(|p| **p == key) else {
            continue;
        };
        let summary = &crate_calls.summaries[&key];
        decide(
            &mut report.files[i],
            &index,
            me,
            summary,
            &crate_calls.reach,
            &display,
        );
    }
}

/// Text one piece of which a file that makes a blocking call the rules
/// know spells (`std::fs::read`, `use std::fs::{…}`, `thread::sleep`,
/// `Command::new`, `mpsc`, `block_on`, …): a crate with none of them has
/// no sync helper that blocks. Over-approximate by design: it only saves
/// parsing files of crates that cannot block.
const BLOCKING_WORDS: &[&str] = &[
    "fs::read",
    "fs::write",
    "fs::copy",
    "fs::remove_dir_all",
    "fs::File",
    "fs::OpenOptions",
    "fs::{",
    "File::open",
    "File::create",
    "OpenOptions",
    "thread::sleep",
    "sleep_ms",
    "TcpStream",
    "TcpListener",
    "to_socket_addrs",
    "Command::new",
    "process::{",
    "mpsc",
    "crossbeam",
    "flume",
    "Condvar",
    "Barrier",
    "block_on",
    "thread::spawn",
    "thread::Builder",
];

/// Marks the files whose crate (see the module documentation) has a file
/// that may make a blocking call ([`BLOCKING_WORDS`]): in them, a call of a
/// sync helper of the crate from async code may block, so
/// `blocking_call_in_async` runs on their async code.
pub fn mark_crates_with_blocking_calls(
    files: &mut [crate::discover::SourceFile],
    packages: &mut PackageNames,
) {
    let words = aho_corasick::AhoCorasick::new(BLOCKING_WORDS).ok();
    let mut by_root: HashMap<PathBuf, bool> = HashMap::new();
    let may_block = |f: &Path| match &words {
        Some(words) => std::fs::read(f).is_ok_and(|bytes| words.is_match(&bytes)),
        None => true,
    };
    for file in files.iter_mut() {
        let Some(root) = packages.crate_root(&file.path) else {
            // Its own crate.
            file.crate_blocks = may_block(&file.path);
            continue;
        };
        file.crate_blocks = *by_root.entry(root).or_insert_with_key(|root| {
            let Some((files, _)) = package_files(root) else {
                return true;
            };
            files.iter().any(|f| may_block(f))
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
    /// The summary of each file of the crate's module trees (test code
    /// aside), by canonical path; sorted, so that indices are stable.
    summaries: BTreeMap<PathBuf, CallSummary>,
    /// Linted files that no tree reaches, with their summaries.
    alone: HashMap<PathBuf, CallSummary>,
    /// Files that `#[cfg(test)] mod …;` makes test code.
    test_files: BTreeSet<PathBuf>,
    /// Which fns `main` reaches.
    reach: Reach,
}

impl CrateCalls {
    /// Reads the crate at `root` (a workspace or package directory): the
    /// module trees of its packages, as much of them as can be read and
    /// parsed. `known` are the summaries the engine made of linted files;
    /// with `cached`, the others go through the crate's summary cache.
    fn read(
        root: &Path,
        known: HashMap<PathBuf, CallSummary>,
        max_nesting: usize,
        cached: bool,
        pool: &rayon::ThreadPool,
    ) -> CrateCalls {
        let mut calls = CrateCalls {
            summaries: BTreeMap::new(),
            alone: HashMap::new(),
            test_files: BTreeSet::new(),
            reach: Reach {
                complete: false,
                once: BTreeSet::new(),
                main_thread: BTreeSet::new(),
            },
        };
        let cache = match cached {
            true => SummaryCache::open(root, max_nesting),
            false => SummaryCache::disabled(),
        };
        match package_files(root) {
            Some((files, manifests)) => {
                pool.install(|| calls.read_trees(&files, &manifests, known, max_nesting, &cache));
            }
            None => calls.alone = known,
        }
        // Not memoised by the cache: the linted files' summaries come from
        // the engine, not through it.
        if calls.reach.complete {
            (calls.reach.once, calls.reach.main_thread) =
                entry::reached_from_main(calls.summaries.values());
        }
        cache.save();
        calls
    }

    /// Reads the module trees of the packages of `manifests`, whose files
    /// are among `files` (or in directories the walk leaves out).
    fn read_trees(
        &mut self,
        files: &[PathBuf],
        manifests: &[PathBuf],
        mut known: HashMap<PathBuf, CallSummary>,
        max_nesting: usize,
        cache: &SummaryCache,
    ) {
        // Every file is parsed once, in parallel, under the name its path
        // gives its module; the trees then say which files belong.
        let mut parsed: HashMap<PathBuf, Option<CallSummary>> = files
            .par_iter()
            .map(|f| {
                let key = canonical(f);
                match known.get(&key) {
                    Some(summary) => (key, Some(summary.clone())),
                    None => (key, summary(f, &module_name(f), max_nesting, cache)),
                }
            })
            .collect();
        let mut complete = true;
        let mut unreadable = false;
        // File → the name of the module it is (the last segment of its
        // module path; `crate` for a root) and whether it is test code.
        let mut members: BTreeMap<PathBuf, (String, bool)> = BTreeMap::new();
        for manifest in manifests {
            let Ok(mut package) = crate::crate_tree::read_package(manifest) else {
                continue;
            };
            // Examples, tests and benches call nothing that runs in production.
            package.targets.retain(|t| !t.test);
            // A module file in a directory the walk leaves out (`src/tests/`)
            // is parsed when the tree reaches it.
            let mut load = |path: &Path| {
                let found = parsed
                    .entry(canonical(path))
                    .or_insert_with(|| summary(path, &module_name(path), max_nesting, cache));
                match found {
                    Some(summary) => Ok(summary.modules.clone()),
                    None if path.is_file() => {
                        unreadable = true;
                        Err("cannot be read or parsed".to_string())
                    }
                    None => Err("not found".to_string()),
                }
            };
            let tree = crate::crate_tree::module_tree(&package, &mut load);
            // A module file that is missing (a build-script output, another
            // platform's file) calls nothing; one that cannot be read or
            // parsed might: the loader notes that (`unreadable`).
            for file in tree.files {
                let name = file
                    .module
                    .last()
                    .cloned()
                    .unwrap_or_else(|| "crate".to_string());
                let entry = members.entry(canonical(&file.path)).or_insert((name, true));
                // Test code only if it is test code everywhere it appears.
                entry.1 &= file.test;
            }
        }
        for (path, (name, test)) in members {
            if test {
                self.test_files.insert(path);
                continue;
            }
            let summary = match parsed.get(&path) {
                Some(Some(s)) if s.module == name => Some(s.clone()),
                // A `#[path]` file: its module is named by its `mod`.
                Some(Some(_)) => summary(&path, &name, max_nesting, cache),
                _ => None,
            };
            known.remove(&path);
            match summary {
                Some(s) => {
                    self.summaries.insert(path, s);
                }
                None => complete = false,
            }
        }
        self.alone = known;
        self.reach.complete = complete && !unreadable;
    }
}

/// `path` made absolute and free of links, or as given when it cannot be.
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// One file's calls, or `None` if it cannot be read, parsed or analysed.
fn summary(
    path: &Path,
    module: &str,
    max_nesting: usize,
    cache: &SummaryCache,
) -> Option<CallSummary> {
    if std::fs::metadata(path).ok()?.len() > MAX_FILE_BYTES {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let text = crate::text::strip_bom(&text);
    cache.summary(text, module, || compute_summary(text, module, max_nesting))
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

/// The Rust files of the workspace or package at `root` (not in a test
/// directory, whose files are rarely modules of a library or binary, nor
/// in a target directory), and its `Cargo.toml` files.
fn package_files(root: &Path) -> Option<(Vec<PathBuf>, Vec<PathBuf>)> {
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
    let mut manifests = Vec::new();
    for entry in walker {
        let entry = entry.ok()?;
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        if entry.file_name() == "Cargo.toml" {
            manifests.push(entry.into_path());
        } else if entry.path().extension().is_some_and(|e| e == "rs") {
            files.push(entry.into_path());
            if files.len() > MAX_PACKAGE_FILES {
                return None;
            }
        }
    }
    Some((files, manifests))
}
