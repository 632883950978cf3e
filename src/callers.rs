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
//! the `mod` files below it; examples, tests and benches aside), read
//! lexically for their `mod` declarations. The trees also say which files
//! `#[cfg(test)] mod …;` makes test code: those files' findings are
//! dropped. A file with no `Cargo.toml` above it, or that no tree reaches,
//! is its own crate.
//!
//! Files are parsed only as the findings need them ([`crate::crate_load`]):
//! those that may define the fns a task calls (by the names it calls), those
//! that name a field, those that may call a fn (by its name, up to the fns
//! nothing calls) for "reached only from `main`", and for blocking helpers
//! the files that make a blocking call and their callers' files. A linted
//! file's summary comes from the engine's parse; others are cached by their
//! text in the crate's `.leaklint_cache/` ([`crate::cache`]). If a file the
//! decision needs cannot be read, or its `mod` items cannot be, or a tree is
//! broken, nothing that file may call is dropped as moot (an unseen caller
//! could run the fn in a loop); one that cannot be parsed keeps the findings
//! of the fns it may call, by the names it spells. Calls into the unread
//! file are not followed, and a linted file so found gets the error that
//! says why, if the engine gave it none ([`report_unparsed`]).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;

use ignore::WalkBuilder;
use leaklint_lints::context::crate_names::{CrateNames, InCrate};
use leaklint_lints::context::entry::{self, CallSummary, Callee, Caller, MainRuntime, SiteThread};
use leaklint_lints::context::follow::{CrateIndex, Decision, Hop};
use leaklint_lints::{FileContext, Finding, MainReach, Note, ReachKind};
use rayon::prelude::*;

use crate::cache::SummaryCache;
use crate::crate_load::{self, last_segment, BlockingFns, CratePlaces, LazyCrate, Want};
use crate::crate_names::spells_word;
use crate::discover::display_path;
use crate::discover::TEST_DIRS;
use crate::outcome::{FileResult, PackedSummary, Report};
use crate::packages::PackageNames;
use crate::spawn_wrappers::SpawnWrappers;

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
    mut before: CrateBlocking,
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
                // Crates are independent: each is decided on its own files,
                // taken out of the report and put back.
                let mut jobs = Vec::new();
                for (root, files) in crates {
                    let cached = !files
                        .iter()
                        .any(|&i| uncached.contains(&report.files[i].path));
                    let held = before.held(&root, cached);
                    let results: Vec<FileResult> = files
                        .iter()
                        .map(|&i| {
                            std::mem::replace(&mut report.files[i], FileResult::new(String::new()))
                        })
                        .collect();
                    jobs.push((root, files, cached, held, results));
                }
                let (budget, blocking) = (before.budget(), &before.blocking);
                let listed = &before.test_packages;
                let done: Vec<Outcome> = pool.install(|| {
                    jobs.into_par_iter()
                        .map(|(root, files, cached, held, mut results)| {
                            let krate = held.unwrap_or_else(|| {
                                let test_packages =
                                    listed.get(&root).map_or(&[][..], Vec::as_slice);
                                LazyCrate::scan(&root, max_nesting, cached, &budget, test_packages)
                            });
                            let known = blocking.get(&root);
                            let (tests, broken) =
                                resolve_in_crate(&mut results, paths, krate, known);
                            (files, results, tests, broken)
                        })
                        .collect()
                });
                let mut broken = BTreeSet::new();
                for (files, results, tests, mut unparsed) in done {
                    for (i, result) in files.into_iter().zip(results) {
                        report.files[i] = result;
                    }
                    report.test_files += tests;
                    broken.append(&mut unparsed);
                }
                if !broken.is_empty() {
                    pool.install(|| report_unparsed(report, paths, &broken));
                }
            }
            Err(_) => {
                for i in crates.into_values().flatten() {
                    resolve_alone(&mut report.files[i]);
                }
            }
        }
    }
    // The caches of crates scanned before the engine and needed by no
    // finding keep what their scan read.
    before.save();
    report.files.iter_mut().for_each(crate::suppress::settle);
    report
        .files
        .retain(|f| !f.diagnostics.is_empty() || !f.errors.is_empty());
}

/// Decides the waiting findings of one file with that file alone for its
/// crate (its own summary, made by the engine's parse).
pub fn resolve_alone(result: &mut FileResult) {
    if let Some(summary) = result.summary.take() {
        let summaries = [summary.unpack()];
        let reach = Reach {
            complete: true,
            reached: entry::reached_from_main(summaries.iter(), None),
            unparsed: Unparsed::default(),
            callers: entry::CallerNames::default(),
            files: Vec::new(),
        };
        let index = CrateIndex::new(summaries.iter().collect());
        decide(result, &index, 0, &summaries[0], &reach, &|_| None);
    }
    // Else nothing waits (the engine keeps a summary when something does).
    crate::suppress::settle(result);
}

/// What the crate says about fns reached from `main`.
struct Reach {
    /// Whether every file of the crate was read, but for files that cannot
    /// be parsed and whose modules are known: only then can "reached only
    /// from `main`" be decided.
    complete: bool,
    /// How the crate's fns are reached.
    reached: entry::Reached,
    /// The files that may call the fns but cannot be parsed (their modules
    /// known): such a file may call a fn whose name, or the name of a fn
    /// that may call it, it spells.
    unparsed: Unparsed,
    /// The callers of the fns, by name, in the summaries `reached` was read
    /// from (when `unparsed` has files).
    callers: entry::CallerNames,
    /// The files of those summaries, in their order (the places
    /// [`entry::RepeatHop::file`] names); empty for one file alone.
    files: Vec<PathBuf>,
}

impl Reach {
    /// Whether a file that cannot be parsed may call one of the fns named
    /// `names` (or a fn that calls one): then how they are reached cannot
    /// be told.
    fn unparsed_may_call(&self, names: impl IntoIterator<Item = String>) -> bool {
        if self.unparsed.is_empty() {
            return false;
        }
        let names = self.callers.possible_callers(names);
        names.iter().any(|name| self.unparsed.spells(name))
    }
}

/// The texts of files of a crate that cannot be parsed (`None`: nor read
/// now), whose items nothing summarises: such a file may read a field, call
/// or define a fn, whose name it spells (one not read, any).
#[derive(Default)]
struct Unparsed(Vec<Option<Vec<u8>>>);

impl Unparsed {
    /// The files at `paths`, read now.
    fn read<'p>(paths: impl IntoIterator<Item = &'p PathBuf>) -> Unparsed {
        Unparsed(paths.into_iter().map(|p| std::fs::read(p).ok()).collect())
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether one of the files may spell `name`.
    fn spells(&self, name: &str) -> bool {
        (self.0.iter()).any(|text| text.as_ref().is_none_or(|t| spells_word(t, name)))
    }
}

/// Decides the [`Follow`](leaklint_lints::Follow) of the waiting findings
/// of `result`, file `me` of `index`; `display` names another file of the
/// index. Findings that do not hold are dropped.
fn decide_follow(
    result: &mut FileResult,
    index: &CrateIndex<'_>,
    me: usize,
    display: &dyn Fn(usize) -> Option<String>,
) {
    result.diagnostics.retain_mut(|d| {
        let Some(follow) = d.finding.follow.take() else {
            return true;
        };
        let at = follow.asked_at(d.finding.span).start.byte;
        match index.decide(me, &follow, at) {
            Some(Decision {
                hops,
                helper_file_io,
                spawners,
                task_hops,
            }) => {
                // A helper that blocks only on file I/O, called once per run
                // of its async fn: not where that fn is a step of other code
                // that awaits it once.
                let called_once =
                    (follow.blocking_in_callee).is_some_and(|c| !index.call_repeats(me, c));
                d.finding.one_per_async_fn = helper_file_io;
                if helper_file_io && called_once {
                    if let Some(moot) = d.finding.moot_if.as_mut() {
                        if moot.kind == ReachKind::MainThread {
                            moot.kind = ReachKind::MainThreadOrAwaited;
                        }
                    }
                }
                // Tasks found across the crate, each spawned once per call
                // of its fn: moot when only `main` reaches every such fn.
                let other = |f| if f == me { None } else { display(f) };
                if let Some(first) = spawners.first() {
                    let task_notes = (task_hops.into_iter())
                        .map(|(key, hop)| (key, hop_note(hop, other)))
                        .collect();
                    d.finding.moot_if = Some(MainReach {
                        function: last_segment(first).to_string(),
                        kind: ReachKind::Once,
                        keys: spawners.clone(),
                        at: None,
                        task_notes,
                    });
                }
                add_hops(&mut d.finding, hops, other);
                true
            }
            None => false,
        }
    });
}

/// Loads the fns that current-thread runtimes run on the thread blocking on
/// them, `depth` calls deep (at least the default `call_depth`): the calls
/// in the futures given to their `block_on` and in `main`s that build one
/// (an attribute's current-thread runtime is judged as written).
/// Whether any of those spawns a task decides whether that thread is the
/// main thread ([`entry::reached_from_main`]).
fn load_current_thread_futures(krate: &mut LazyCrate, depth: usize) {
    let mut roots: Vec<(Callee, String)> = Vec::new();
    for (_, summary) in krate.summaries() {
        let mains: Vec<&str> = (summary.mains.iter())
            .filter(|(_, runtime)| *runtime == MainRuntime::CurrentThread)
            .map(|(key, _)| key.as_str())
            .collect();
        for site in &summary.calls {
            let in_main = matches!(&site.caller, Caller::Fn(f) if mains.contains(&f.as_str()));
            if in_main || site.thread == SiteThread::OnlyWorker {
                roots.push((site.callee.clone(), summary.module.clone()));
            }
        }
    }
    if roots.is_empty() {
        return;
    }
    let wants = krate.wants_of(&roots).into_iter().flatten().collect();
    let depth = depth.max(leaklint_lints::LintOptions::default().call_depth);
    krate.load_callees(wants, depth);
}

/// Drops the findings of `result` (whose summary is `summary`) that the
/// crate makes moot: they are in a fn reached only from `main` as their
/// [`MainReach`](leaklint_lints::MainReach) says. A finding kept because
/// its fn runs many times gets notes on the calls that show it; `display`
/// names their files (by their place in `reach.files`) when they are not
/// the finding's.
fn decide_moot(
    result: &mut FileResult,
    summary: &CallSummary,
    reach: &Reach,
    display: &dyn Fn(usize) -> Option<String>,
) {
    result.diagnostics.retain_mut(|d| {
        let Some(moot) = &d.finding.moot_if else {
            return true;
        };
        if !reach.complete {
            return true;
        }
        let names = std::iter::once(moot.function.clone())
            .chain(moot.keys.iter().map(|k| last_segment(k).to_string()));
        if reach.unparsed_may_call(names) {
            return true;
        }
        // The fn the finding is in, as the crate knows it, unless the
        // finding names others.
        let keys: Vec<&str> = match moot.keys.is_empty() {
            false => moot.keys.iter().map(String::as_str).collect(),
            true => {
                let at = moot.at.unwrap_or(d.finding.span);
                let Some(key) = entry::fn_at(summary, at.start.byte) else {
                    return true;
                };
                if last_segment(key) != moot.function {
                    return true;
                }
                vec![key]
            }
        };
        let r = &reach.reached;
        // The fn's own file (for the fn the finding is in), whose key may
        // be split by its module (see `find_reached`).
        let own = moot.keys.is_empty().then_some(summary.module.as_str());
        let contains = |set: &BTreeSet<String>, key: &str| {
            let entries = set.iter().map(|k| (k, ()));
            find_reached(key, own, |k| set.contains(k).then_some(()), entries).is_some()
        };
        let reached = |key: &str| match moot.kind {
            ReachKind::Once => contains(&r.once, key),
            ReachKind::AwaitedOnce => contains(&r.awaited_once, key),
            ReachKind::MainThread => contains(&r.main_thread, key),
            ReachKind::MainThreadOrAwaited => {
                contains(&r.main_thread, key)
                    || (contains(&r.awaited, key) && !contains(&r.repeated, key))
            }
            ReachKind::QuietRuntime => contains(&r.quiet_runtimes, key),
        };
        if keys.iter().all(|k| reached(k)) {
            return false;
        }
        // Why it is not start-up code, where the crate shows it (a thread
        // is no such reason).
        let paths = &r.repeat_paths;
        let repeats = |key: &&str| find_reached(key, own, |k| paths.get(k), paths);
        let by_repeats = !matches!(moot.kind, ReachKind::MainThread | ReachKind::QuietRuntime);
        let path = (keys.iter().filter(|k| by_repeats && !reached(k))).find_map(repeats);
        if let Some(path) = path {
            let notes = path.iter().map(|hop| Note {
                file: display(hop.file),
                span: Some(hop.span),
                message: hop.message(),
            });
            d.finding.notes.extend(notes);
        }
        // Held by a task `main` does not start once: name that one.
        let tasks = &moot.task_notes;
        let main_only =
            (tasks.iter()).find(|(key, note)| reached(key) && d.finding.notes.contains(note));
        let holding = tasks.iter().find(|(key, _)| !reached(key));
        if let (Some((_, shown)), Some((_, instead))) = (main_only, holding) {
            let (shown, instead) = (shown.clone(), instead.clone());
            for note in d.finding.notes.iter_mut().filter(|n| **n == shown) {
                *note = instead.clone();
            }
        }
        true
    });
}

/// What [`entry::Reached`]'s set or map holds for the fn `key` (`get`
/// looks one key up; `entries` are all of them). The fns of other files
/// are named without the namespace their unit may be read in (see
/// `unit_summaries`): any of the crate's fns of the key will do, as a call
/// of either did before. The fn a finding is in (`own`: its file's
/// module), a method of this file's type whose name types of other modules
/// share, is named by its module too (see `entry::split_key`).
fn find_reached<'a, T>(
    key: &str,
    own: Option<&str>,
    get: impl Fn(&str) -> Option<T>,
    entries: impl IntoIterator<Item = (&'a String, T)>,
) -> Option<T> {
    get(key).or_else(|| match own {
        Some(module) => get(&entry::split_key(module, key)),
        None => (entries.into_iter())
            .find_map(|(k, value)| (entry::without_namespace(k) == key).then_some(value)),
    })
}

/// Decides every waiting finding of `result` with its own summary for the
/// whole crate.
fn decide(
    result: &mut FileResult,
    index: &CrateIndex<'_>,
    me: usize,
    summary: &CallSummary,
    reach: &Reach,
    display: &dyn Fn(usize) -> Option<String>,
) {
    decide_follow(result, index, me, display);
    decide_moot(result, summary, reach, display);
    drop_repeats(result);
}

/// Keeps one finding of a rule per span: a rule may offer several that
/// each hold only if the crate agrees (a timer pinned by two tasks, one
/// started once from `main`), and more than one may hold.
///
/// Calls of sync helpers that block only on file I/O count once per async
/// fn or block (the first), in a loop or not: moving that code's file work
/// to `spawn_blocking` or `tokio::fs` is one fix, and a fn that reads a
/// credential, a key and a certificate through three helpers is one
/// finding, not three.
fn drop_repeats(result: &mut FileResult) {
    let mut seen = HashSet::new();
    let mut file_io_in = HashSet::new();
    result.diagnostics.retain(|d| {
        // The async fn or block, by where the finding's last note ("inside
        // this async fn") points: two `new`s of one file are two fns.
        let file_io_fn =
            (d.finding.one_per_async_fn).then(|| d.finding.notes.last().and_then(|n| n.span));
        seen.insert((d.finding.rule, d.finding.span))
            && file_io_fn.is_none_or(|f| file_io_in.insert(f))
    });
}

/// What deciding one crate's findings gives back: the files with findings
/// (their indices in the report, and the results), the count of files made
/// test code, and the files that could not be read or parsed.
type Outcome = (Vec<usize>, Vec<FileResult>, usize, BTreeSet<PathBuf>);

/// Gives each linted file of `broken` (files the crate pass could not read
/// or parse) the error that says why, unless it has one: the engine reports
/// a file that cannot be parsed, but not one too deeply nested to parse
/// that no rule looks at, and a file may change between the engine's read
/// and the crate pass's.
fn report_unparsed(
    report: &mut Report,
    paths: &HashMap<String, PathBuf>,
    broken: &BTreeSet<PathBuf>,
) {
    let names: HashSet<&std::ffi::OsStr> = broken.iter().filter_map(|p| p.file_name()).collect();
    let skipped: HashSet<&str> = report.skipped.iter().map(|s| s.file.as_str()).collect();
    let reported: HashSet<&str> = (report.files.iter())
        .filter(|f| !f.errors.is_empty())
        .map(|f| f.path.as_str())
        .collect();
    let mut found: Vec<(String, crate::outcome::FileError)> = Vec::new();
    for (display, path) in paths {
        let named = path.file_name().is_some_and(|n| names.contains(n));
        let known = skipped.contains(display.as_str()) || reported.contains(display.as_str());
        if !named || known || !broken.contains(&canonical(path)) {
            continue;
        }
        let error = match std::fs::read_to_string(path) {
            Err(e) => crate::outcome::FileError::new(format!("cannot read file: {e}")),
            Ok(text) => {
                let text = crate::text::strip_bom(&text);
                match syn::parse_file(text) {
                    Ok(_) => continue,
                    Err(e) => crate::engine::parse_error(text, &e),
                }
            }
        };
        found.push((display.clone(), error));
    }
    proc_macro2::extra::invalidate_current_thread_spans();
    for (display, error) in found {
        match report.files.iter_mut().find(|f| f.path == display) {
            Some(file) if !file.errors.is_empty() => {}
            Some(file) => file.errors.push(error),
            None => {
                let mut file = FileResult::new(display);
                file.errors.push(error);
                report.files.push(file);
            }
        }
    }
    report.files.sort_by(|a, b| a.path.cmp(&b.path));
}

/// Decides the waiting findings of `results` (linted files of one crate),
/// which are in the crate at `root`, and drops the findings of those that
/// the crate's module tree makes test code. Only the files the findings
/// lead to are parsed ([`LazyCrate`]). Gives the count of files made test
/// code, and the files of the crate that could not be read or parsed.
fn resolve_in_crate(
    results: &mut [FileResult],
    paths: &HashMap<String, PathBuf>,
    mut krate: LazyCrate,
    known_blocking: Option<&(Option<usize>, Option<Arc<BlockingFns>>)>,
) -> (usize, BTreeSet<PathBuf>) {
    // The linted files' own summaries are the ones their findings were made
    // with (and the text from standard input may differ from the disk's).
    let mut known: HashMap<PathBuf, CallSummary> = HashMap::new();
    let mut linted: Vec<(usize, PathBuf)> = Vec::new();
    let mut test_files = 0;
    for (i, result) in results.iter_mut().enumerate() {
        let key = paths
            .get(&result.path)
            .map_or_else(|| PathBuf::from(&result.path), |p| canonical(p));
        if let Some(summary) = result.summary.take() {
            known.insert(key.clone(), summary.unpack());
        }
        linted.push((i, key));
    }
    krate.add_known(known);
    let mut own: Vec<(usize, PathBuf)> = Vec::new();
    for (i, key) in linted {
        if krate.test_files.contains(&key) && !results[i].include_tests {
            // `#[cfg(test)] mod …;` made it test code.
            let file = &mut results[i];
            file.diagnostics.clear();
            file.errors.clear();
            test_files += 1;
        } else if krate.is_member(&key) {
            if krate.summary_of(&key).is_some() {
                own.push((i, key));
            }
        } else if let Some(summary) = krate.alone.remove(&key) {
            // No module tree of the crate reaches it: its own crate.
            results[i].summary = Some(PackedSummary::pack(summary));
            resolve_alone(&mut results[i]);
        }
    }
    if own.is_empty() {
        let broken = krate.broken().clone();
        krate.save();
        return (test_files, broken);
    }
    // What the followed findings need: the fns they call, the readers of
    // fields, the callers of fns that detached tasks may run.
    let mut callees: BTreeSet<Want> = BTreeSet::new();
    let mut fields: BTreeSet<String> = BTreeSet::new();
    let mut run_by_tasks: BTreeSet<String> = BTreeSet::new();
    // Fns returning a timer that a caller's loop may pin.
    let mut returning_timers: BTreeSet<String> = BTreeSet::new();
    let depth = own
        .iter()
        .flat_map(|(i, _)| &results[*i].diagnostics)
        .filter_map(|d| d.finding.follow.as_ref())
        .map(|f| f.depth)
        .max()
        .unwrap_or(0);
    // A call of a helper blocks only through fns named as a blocking fn or
    // a caller of one: the calls of other names need no file read.
    let waits_on_helpers = own.iter().any(|(i, _)| {
        results[*i].diagnostics.iter().any(|d| {
            d.finding
                .follow
                .as_ref()
                .is_some_and(|f| f.blocking_in_callee.is_some())
        })
    });
    let blocking_fns = match (waits_on_helpers, known_blocking) {
        (false, _) => BTreeSet::new(),
        // Found before the engine ran, with the same depth.
        (true, Some((d, None))) if *d == Some(depth) => BTreeSet::new(),
        (true, Some((d, Some(fns)))) if *d == Some(depth) && fns.names().is_some() => {
            fns.names().map(|n| (**n).clone()).unwrap_or_default()
        }
        (true, _) => krate.blocking_fns(depth),
    };
    // The calls the findings follow (callee, module of the call), and for
    // each whether only a blocking fn matters.
    let mut followed: Vec<(Callee, String)> = Vec::new();
    let mut only_blocking: Vec<bool> = Vec::new();
    for (i, key) in &own {
        let Some(summary) = krate.summary_of(key) else {
            continue;
        };
        let sites = crate_load::sites_by_span(summary);
        let mut name_at = |span: &leaklint_lints::Span, blocking: bool| {
            if let Some(site) = sites.get(&(span.start.byte, span.end.byte)) {
                followed.push((site.callee.clone(), summary.module.clone()));
                only_blocking.push(blocking);
            }
        };
        for d in &results[*i].diagnostics {
            let Some(follow) = &d.finding.follow else {
                continue;
            };
            follow
                .loop_in_callees
                .iter()
                .flatten()
                .for_each(|s| name_at(s, false));
            follow
                .blocking_in_callee
                .iter()
                .for_each(|s| name_at(s, true));
            follow
                .spawn_wrapper
                .iter()
                .for_each(|(s, _)| name_at(s, false));
            follow.runtime_of.iter().for_each(|s| name_at(s, false));
            follow.listener_from.iter().for_each(|s| name_at(s, false));
            (follow.token_fired_by.iter())
                .chain(&follow.token_handed_to)
                .for_each(|(s, _)| name_at(s, false));
            follow.poll_waits_in.iter().for_each(|s| name_at(s, false));
            (follow.timer_polled_by.iter()).for_each(|(s, _, _)| name_at(s, false));
            fields.extend(follow.stored_in_field.iter().map(|f| f.name.clone()));
            fields.extend(
                (follow.client_in_field.iter())
                    .chain(&follow.client_in_wrapper_field)
                    .map(|f| f.name.clone()),
            );
            // The files that may define a const a length names spell it.
            fields.extend(follow.large_const.iter().map(|c| c.name.clone()));
            if follow.reached_by_detached_task {
                let at = follow.asked_at(d.finding.span);
                if let Some(key) = entry::fn_at(summary, at.start.byte) {
                    run_by_tasks.insert(last_segment(key).to_string());
                }
            }
            if follow.timer_returned {
                if let Some(key) = entry::fn_at(summary, d.finding.span.start.byte) {
                    returning_timers.insert(last_segment(key).to_string());
                }
            }
        }
    }
    for (want, blocking) in krate.wants_of(&followed).into_iter().zip(only_blocking) {
        if !blocking
            || want
                .as_ref()
                .is_some_and(|w| blocking_fns.contains(w.name()))
        {
            callees.extend(want);
        }
    }
    krate.load_callees(callees, depth);
    krate.load_mentions(fields);
    let waits_on_tasks = !run_by_tasks.is_empty() || !returning_timers.is_empty();
    krate.load_callers(run_by_tasks, Some(depth + 1));
    // The callers that keep the timer, and a task running them: one call
    // further from the spawn than a fn a task runs.
    krate.load_callers(returning_timers, Some(depth + 2));
    if waits_on_tasks {
        // A task whose handle is stored in a field runs detached unless
        // something reads that field: load its readers.
        let task_fields: BTreeSet<String> = krate
            .summaries()
            .flat_map(|(_, s)| &s.detached_tasks)
            .filter_map(|t| t.stored_in_field.as_ref())
            .map(|f| f.name.clone())
            .collect();
        krate.load_mentions(task_fields);
        // A task started through a call of a fn that may be a spawn
        // wrapper runs detached only if the fn is one: load the fns called.
        let wrappers: Vec<(Callee, String)> = krate
            .summaries()
            .flat_map(|(_, s)| {
                let sites = crate_load::sites_by_span(s);
                (s.detached_tasks.iter())
                    .filter_map(|t| t.wrapper)
                    .filter_map(move |(call, _)| {
                        sites.get(&(call.start.byte, call.end.byte)).copied()
                    })
                    .map(|site| (site.callee.clone(), s.module.clone()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let wants = krate.wants_of(&wrappers).into_iter().flatten().collect();
        krate.load_callees(wants, depth);
    }
    let names = FileNames::new(results, &own);
    decide_follow_in(results, &own, &krate, &names);
    // Findings moot when only `main` reaches their fn: load every possible
    // caller, up to the fns nothing calls.
    let mut moot_fns: BTreeSet<String> = BTreeSet::new();
    for (i, _) in &own {
        for d in &results[*i].diagnostics {
            if let Some(moot) = &d.finding.moot_if {
                moot_fns.insert(moot.function.clone());
                moot_fns.extend(moot.keys.iter().map(|k| last_segment(k).to_string()));
            }
        }
    }
    if !moot_fns.is_empty() && krate.searchable() {
        let callers_of = krate.load_callers(moot_fns, None);
        krate.load_field_owners(&callers_of);
        load_current_thread_futures(&mut krate, depth);
        // What `main` reaches, over the files whose fns may call a file's
        // (a binary's own units; a library's package and its dependents'):
        // once per set of units, for the files with findings it decides.
        // Keyed by the file's own units too: the fns of the other units
        // are read in namespaces of their own (see `unit_summaries`).
        type ReachKey = (Option<BTreeSet<usize>>, Option<BTreeSet<usize>>);
        let mut reaches: BTreeMap<ReachKey, Reach> = BTreeMap::new();
        for (i, key) in &own {
            let diagnostics = &results[*i].diagnostics;
            if !diagnostics.iter().any(|d| d.finding.moot_if.is_some()) {
                continue;
            }
            let scope = krate.caller_units(key);
            let units = krate.units_of(key).cloned();
            let reach = reaches
                .entry((units, scope))
                .or_insert_with_key(|(units, scope)| {
                    // A file whose modules cannot be read, among those
                    // that may call the file's fns, may call any of them.
                    if !krate.complete_within(scope.as_ref()) {
                        return Reach {
                            complete: false,
                            reached: Default::default(),
                            unparsed: Unparsed::default(),
                            callers: Default::default(),
                            files: Vec::new(),
                        };
                    }
                    let unparsed = Unparsed::read(krate.unparsed_within(scope.as_ref()));
                    let loaded = unit_summaries(&krate, units.as_ref(), scope.as_ref());
                    let summaries = || loaded.iter().map(|(_, s)| &**s);
                    Reach {
                        complete: true,
                        reached: entry::reached_from_main(
                            summaries(),
                            Some(krate.structs_loaded()),
                        ),
                        callers: match unparsed.is_empty() {
                            true => Default::default(),
                            false => entry::CallerNames::of(summaries()),
                        },
                        unparsed,
                        files: loaded.iter().map(|(p, _)| (*p).clone()).collect(),
                    }
                });
            if let Some(summary) = krate.summary_of(key) {
                let files = &reach.files;
                let display = |f: usize| {
                    let path = files.get(f)?;
                    (path != key).then(|| names.name(path))
                };
                decide_moot(&mut results[*i], summary, reach, &display);
            }
        }
    }

    for (i, _) in &own {
        drop_repeats(&mut results[*i]);
    }
    let broken = krate.broken().clone();
    krate.save();
    (test_files, broken)
}

/// The loaded summaries of the files of `scope` (all, for `None`), those
/// of units other than `own` read in a namespace of their unit
/// ([`CallSummary::in_namespace`]), and those of `own` that name another
/// unit's library read so: two packages' `jobs::start` are then two fns,
/// and a call of a module its unit has, through no library's name, is a
/// call of its own unit's.
fn unit_summaries<'k>(
    krate: &'k LazyCrate,
    own: Option<&BTreeSet<usize>>,
    scope: Option<&BTreeSet<usize>>,
) -> Vec<(&'k PathBuf, std::borrow::Cow<'k, CallSummary>)> {
    use std::borrow::Cow;
    let in_scope = (krate.summaries()).filter(|(p, _)| scope.is_none_or(|u| krate.in_units(p, u)));
    let Some(own) = own else {
        return in_scope.map(|(p, s)| (p, Cow::Borrowed(s))).collect();
    };
    let namespace = |unit: usize| unit.to_string();
    let by_library = krate.library_units_by_name();
    let of_library = |library: &str| {
        let unit = *by_library.get(library)?;
        (!own.contains(&unit)).then(|| namespace(unit))
    };
    // The unit a file is read in: the first of its units, when none is
    // `own`.
    let unit_of = |path: &Path| {
        let units = krate.units_of(path)?;
        units.is_disjoint(own).then(|| units.first().copied())?
    };
    // The modules of each unit: its files' (but the root's, named by its
    // library or `crate`) and their inline modules' (by the free fns'
    // keys).
    let mut modules: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for (path, summary) in in_scope.clone() {
        if let Some(unit) = unit_of(path) {
            let of_unit = modules.entry(unit).or_default();
            if !summary.crate_root {
                of_unit.insert(summary.module.as_str());
            }
            of_unit.extend(summary.unit_module_fns().map(|(module, _)| module));
        }
    }
    // A file of `own` that names another unit's library (a binary's
    // `app::jobs::start()`) calls into that unit's namespace.
    let names_other_library = |summary: &CallSummary| {
        (summary.calls.iter())
            .chain(summary.fn_values.iter().map(|v| &v.site))
            .any(|site| site.library.as_deref().and_then(of_library).is_some())
    };
    in_scope
        .map(|(path, summary)| match unit_of(path) {
            Some(unit) => {
                let mut summary = summary.clone();
                let has_module = |m: &str| modules.get(&unit).is_some_and(|of| of.contains(m));
                summary.in_namespace(Some(&namespace(unit)), &of_library, &has_module);
                (path, Cow::Owned(summary))
            }
            None if names_other_library(summary) => {
                let mut summary = summary.clone();
                summary.in_namespace(None, &of_library, &|_| false);
                (path, Cow::Owned(summary))
            }
            None => (path, Cow::Borrowed(summary)),
        })
        .collect()
}

/// Decides the followed findings of each of `own` (index into
/// `results`, path) with the index of the crate's loaded files, which
/// their notes name as `names` says.
fn decide_follow_in(
    results: &mut [FileResult],
    own: &[(usize, PathBuf)],
    krate: &LazyCrate,
    names: &FileNames,
) {
    let order: Vec<(&PathBuf, &CallSummary)> = krate.summaries().collect();
    let names: Vec<String> = order.iter().map(|(p, _)| names.name(p)).collect();
    // A field is read only where its struct can be seen: in its package
    // and those that depend on it, not in the rest of the workspace.
    let (units, user_units) = (order.iter())
        .map(|(p, _)| (krate.units_of(p).cloned(), krate.caller_units(p)))
        .unzip();
    // A file that cannot be parsed may read a field or define a fn whose
    // name it spells.
    let unparsed = Unparsed::read(krate.broken());
    let spells = |name: &str| unparsed.spells(name);
    let mut index = CrateIndex::new(order.iter().map(|(_, s)| *s).collect())
        .with_units(units, user_units)
        .with_libraries(krate.library_units_by_name());
    if !unparsed.is_empty() {
        index = index.with_unparsed(&spells);
    }
    let display = |f: usize| names.get(f).cloned();
    for (i, key) in own {
        let Some(me) = order.iter().position(|(p, _)| *p == key) else {
            continue;
        };
        decide_follow(&mut results[*i], &index, me, &display);
    }
}

/// How the notes of a crate's findings name its files: as the linted files
/// are spelled (`/abs/src/lib.rs` beside `/abs/src/a.rs`, `src/lib.rs`
/// beside `src/a.rs`), else relative to the working directory, and a
/// linted file as its findings name it.
struct FileNames {
    /// A directory (canonical) and how the linted files spell it (see
    /// [`spelling_base`]).
    spelled: Option<(PathBuf, PathBuf)>,
    cwd: Option<PathBuf>,
    /// The linted files (canonical), as their findings name them.
    linted: HashMap<PathBuf, String>,
}

impl FileNames {
    /// For the findings of `own` (index into `results`, canonical path).
    fn new(results: &[FileResult], own: &[(usize, PathBuf)]) -> FileNames {
        let spelled =
            (own.iter()).find_map(|(i, key)| spelling_base(key, Path::new(&results[*i].path)));
        let cwd = std::env::current_dir().and_then(std::fs::canonicalize).ok();
        let linted = (own.iter())
            .map(|(i, key)| (key.clone(), results[*i].path.clone()))
            .collect();
        FileNames {
            spelled,
            cwd,
            linted,
        }
    }

    /// The name of the file at `path` (canonical).
    fn name(&self, path: &Path) -> String {
        if let Some(name) = self.linted.get(path) {
            return name.clone();
        }
        let as_linted = (self.spelled.as_ref())
            .and_then(|(root, shown)| Some(shown.join(path.strip_prefix(root).ok()?)));
        let relative = (self.cwd.as_deref()).and_then(|c| path.strip_prefix(c).ok());
        match (as_linted, relative) {
            (Some(path), _) => display_path(&path),
            (None, Some(relative)) => display_path(relative),
            (None, None) => display_path(path),
        }
    }
}

/// How a linted file's path (`key`, canonical) is spelled in its findings
/// (`shown`): the highest directory above `key` whose part of the path
/// `shown` ends with, and what `shown` writes for that directory
/// (`("/abs", "")` for `src/a.rs`, `("/abs", "/abs")` for `/abs/src/a.rs`).
fn spelling_base(key: &Path, shown: &Path) -> Option<(PathBuf, PathBuf)> {
    let mut found = None;
    for dir in key.ancestors().skip(1) {
        let Ok(rest) = key.strip_prefix(dir) else {
            break;
        };
        if rest.as_os_str().is_empty() || !shown.ends_with(rest) {
            break;
        }
        let prefix: PathBuf = {
            let keep = shown.components().count() - rest.components().count();
            shown.components().take(keep).collect()
        };
        found = Some((dir.to_path_buf(), prefix));
    }
    found
}

/// Told, per linted file in order, its place in its crate and its crate's
/// spawn wrappers named otherwise, as soon as the module trees are read
/// (see [`mark_crates_with_blocking_calls`]).
pub type NamesFound<'a> =
    dyn FnMut(Vec<Option<InCrate>>, Vec<Option<Arc<SpawnWrappers>>>, Vec<bool>) + 'a;

/// The sync fns of each file's crate (see the module documentation) that
/// may block, `call_depth` calls deep, in the order of `files` (linted
/// with `config`): in async code that calls one of them, a call of that
/// helper may block, so `blocking_call_in_async` runs on it. A crate none
/// of whose files spells a blocking call ([`crate_load::BLOCKING_WORDS`])
/// has none; otherwise the files that do, and their callers' files, are
/// parsed (through the summary cache when `config.cache`). The packages
/// `config.test_packages` lists are test code in the crate, here and in
/// the crate pass.
pub fn mark_crates_with_blocking_calls(
    files: &[crate::discover::SourceFile],
    packages: &mut PackageNames,
    config: &crate::config::Config,
    before: &mut CrateBlocking,
    names_found: &mut NamesFound<'_>,
) -> Vec<Option<Arc<BlockingFns>>> {
    let (max_nesting, depth, cached) =
        (config.max_nesting, config.options.call_depth, config.cache);
    // With `blocking_call_in_async` off, the crates are scanned (for their
    // names, spawn wrappers and test files) but their blocking fns, most of
    // this pass's parsing, are not looked for.
    let find_blocking = crate::engine::blocking_rule(config).is_some();
    let blocking_fns = |krate: &mut LazyCrate| match find_blocking {
        true => crate_blocking_fns(krate, depth),
        false => None,
    };
    let may_block =
        |f: &Path| std::fs::read(f).is_ok_and(|bytes| crate_load::spells_blocking_call(&bytes));
    // A run over a few files (an editor's, a commit hook's) keeps the
    // crates it scans for the crate pass: their walk and reads are most of
    // its time. A larger one lets them go, not to hold them all in memory.
    let hold = files.len() <= MAX_FILES_TO_HOLD_CRATES;
    // Each file's crate root; the crates not known yet are found in
    // parallel (they are independent).
    let roots: Vec<Option<PathBuf>> = files.iter().map(|f| packages.crate_root(&f.path)).collect();
    before.list_test_packages(roots.iter().flatten(), &config.test_packages);
    let new_roots: BTreeSet<&PathBuf> = roots
        .iter()
        .flatten()
        .filter(|r| {
            (before.blocking.get(*r)).is_none_or(|(d, _)| find_blocking && *d != Some(depth))
        })
        .collect();
    let jobs: Vec<(PathBuf, Option<LazyCrate>)> = new_roots
        .into_iter()
        .map(|r| (r.clone(), before.held(r, cached)))
        .collect();
    // The linted files of each crate: those its module tree does not reach
    // are their own crates (see `orphans` below).
    let mut linted_by_root: HashMap<&PathBuf, Vec<&Path>> = HashMap::new();
    for (file, root) in files.iter().zip(&roots) {
        if let Some(root) = root {
            linted_by_root.entry(root).or_default().push(&file.path);
        }
    }
    let budget = before.budget();
    // Parsing needs the engine's deep stacks (a pool only when there is a
    // crate to read: a single file of no crate starts no threads).
    let pool = (!jobs.is_empty())
        .then(|| {
            rayon::ThreadPoolBuilder::new()
                .stack_size(crate::engine::WORKER_STACK_SIZE)
                .build()
                .ok()
        })
        .flatten();
    // A run over a few files learns the names of its crates as soon as
    // their module trees are read, before their blocking fns (its engine
    // runs meanwhile and may be waiting for them). A larger run finds
    // each crate's blocking fns as it scans it, and lets the crate go at
    // once, not to hold them all in memory.
    let listed = &before.test_packages;
    let scanned: Vec<ScannedCrate> = match pool.as_ref() {
        Some(pool) => pool.install(|| {
            jobs.into_par_iter()
                .map(|(root, held)| {
                    let mut krate = held.unwrap_or_else(|| {
                        let test_packages = listed.get(&root).map_or(&[][..], Vec::as_slice);
                        LazyCrate::scan(&root, max_nesting, cached, &budget, test_packages)
                    });
                    // The tree's paths are canonical: most linted paths
                    // are already, the others are made so (a system call).
                    let in_tree = |p: &Path| krate.is_member(p) || krate.test_files.contains(p);
                    let orphans = (linted_by_root.get(&root).into_iter().flatten())
                        .filter(|p| !((p.is_absolute() && in_tree(p)) || in_tree(&canonical(p))))
                        .map(|p| p.to_path_buf())
                        .collect();
                    let places = krate.places();
                    let libraries_only = match places {
                        Some(_) => None,
                        None => libraries_only(&krate).map(|place| {
                            let paths = krate.outside_libraries().map(Path::to_path_buf);
                            (place, paths.collect())
                        }),
                    };
                    let (test_files, spawn_wrappers) =
                        (krate.test_files.clone(), Arc::clone(krate.spawn_wrappers()));
                    // A large run lets each crate go as soon as it is
                    // scanned, writing its cache: not to hold every
                    // crate's word filters at once.
                    let kept = match hold {
                        true => Kept::Held(Box::new(krate)),
                        false => {
                            let blocking = blocking_fns(&mut krate);
                            krate.save();
                            Kept::LetGo(blocking)
                        }
                    };
                    ScannedCrate {
                        root,
                        kept,
                        orphans,
                        places,
                        test_files,
                        spawn_wrappers,
                        libraries_only,
                    }
                })
                .collect()
        }),
        None => Vec::new(),
    };
    for scan in &scanned {
        let root = &scan.root;
        before.orphans.extend(scan.orphans.iter().cloned());
        before.tree_tests.extend(scan.test_files.iter().cloned());
        (before.spawn_wrappers).insert(root.clone(), Arc::clone(&scan.spawn_wrappers));
        if let Some(places) = &scan.places {
            before.places.insert(root.clone(), places.clone());
        }
        if let Some((place, paths)) = &scan.libraries_only {
            for path in paths {
                before.libraries_only.insert(path.clone(), place.clone());
            }
        }
    }
    let (places, wrappers) = (files.iter().zip(&roots))
        .map(|(file, root)| {
            let Some(root) = root else {
                return (None, None);
            };
            let place = match before.places.get(root) {
                Some(places) => places.in_crate(&file.path),
                None => (before.libraries_only.get(&file.path))
                    .or_else(|| before.libraries_only.get(&canonical(&file.path)))
                    .cloned(),
            };
            // A file no tree reaches is its own crate: the engine reads its
            // wrappers from its own text.
            let wrappers = match before.orphans.contains(&file.path) {
                true => None,
                false => before.spawn_wrappers.get(root).cloned(),
            };
            (place, wrappers)
        })
        .unzip();
    // A file that `#[cfg(test)] mod x;` declares is test code whatever it
    // holds: the engine counts it with the test files, as it does a file
    // under `tests/` (the trees' paths are canonical).
    let tree_tests = &before.tree_tests;
    let tests = (files.iter().zip(&roots))
        .map(|(file, root)| {
            root.is_some()
                && !tree_tests.is_empty()
                && (tree_tests.contains(&file.path) || tree_tests.contains(&canonical(&file.path)))
        })
        .collect();
    names_found(places, wrappers, tests);
    let found: Vec<(PathBuf, Option<Arc<BlockingFns>>, Option<LazyCrate>)> = match pool.as_ref() {
        Some(pool) => pool.install(|| {
            scanned
                .into_par_iter()
                .map(|scan| match scan.kept {
                    Kept::LetGo(blocking) => (scan.root, blocking, None),
                    Kept::Held(mut krate) => {
                        let blocking = blocking_fns(&mut krate);
                        (scan.root, blocking, Some(*krate))
                    }
                })
                .collect()
        }),
        None => Vec::new(),
    };
    for (root, blocking, krate) in found {
        if let Some(krate) = krate {
            before.hold_or_release(root.clone(), krate, hold);
        }
        before
            .blocking
            .insert(root, (find_blocking.then_some(depth), blocking));
    }
    files
        .iter()
        .zip(roots)
        .map(|(file, root)| match root {
            // A file its crate's module tree does not reach is its own
            // crate: its own fns are the helpers it may call.
            Some(_) if before.orphans.contains(&file.path) => {
                may_block(&file.path).then(|| Arc::new(BlockingFns::new(None)))
            }
            Some(root) => match before.blocking.get(&root) {
                Some((_, blocking)) => blocking.clone(),
                // No pool to find them: any.
                None => Some(Arc::new(BlockingFns::new(None))),
            },
            // Its own crate: any call may be of one of its blocking fns.
            None => may_block(&file.path).then(|| Arc::new(BlockingFns::new(None))),
        })
        .collect()
}

/// The place in its crate of the file at `path` (see [`InCrate`]), for a
/// file linted alone (standard input): its crate is scanned, and kept in
/// `before` for the crate pass.
pub fn place_in_crate(
    path: &Path,
    max_nesting: usize,
    cached: bool,
    test_packages: &[String],
    before: &mut CrateBlocking,
) -> (Option<InCrate>, Option<Arc<SpawnWrappers>>) {
    let Some(root) = PackageNames::default().crate_root(path) else {
        return (None, None);
    };
    before.list_test_packages([&root], test_packages);
    let budget = before.budget();
    let krate = before
        .held(&root, cached)
        .unwrap_or_else(|| LazyCrate::scan(&root, max_nesting, cached, &budget, test_packages));
    let place = match krate.places() {
        Some(places) => places.in_crate(path),
        None => {
            let canonical = canonical(path);
            (krate.outside_libraries())
                .any(|p| p == path || p == canonical)
                .then(|| libraries_only(&krate))
                .flatten()
        }
    };
    let wrappers = Some(Arc::clone(krate.spawn_wrappers()));
    before.hold_or_release(root, krate, true);
    (place, wrappers)
}

/// The place, in `krate`, of a file that a target other than a library
/// reaches, when nothing in the crate changes how a path resolves but its
/// packages have libraries: it says only the names they go by, through
/// which a binary calls its library (`app::util::spawn_named(…)`, see
/// `FileContext::set_crate_libraries`). `None` without libraries.
fn libraries_only(krate: &LazyCrate) -> Option<InCrate> {
    let libraries = krate.libraries();
    (!libraries.is_empty()).then(|| InCrate {
        names: Arc::new(CrateNames {
            libraries: libraries.iter().cloned().collect(),
            ..CrateNames::default()
        }),
        module: Arc::from([]),
    })
}

/// The sync fns of `krate` that may block, `depth` calls deep (`None`:
/// none; names `None`: any, when finding them costs more than parsing
/// every async file, or the crate cannot be read).
fn crate_blocking_fns(krate: &mut LazyCrate, depth: usize) -> Option<Arc<BlockingFns>> {
    let libraries = krate.libraries().clone();
    let of = |names: Option<&BTreeSet<String>>| {
        Some(Arc::new(
            BlockingFns::new(names).in_crate_with_libraries(&libraries),
        ))
    };
    let any = || of(None);
    // How many files spell a blocking call, and how many say `async`.
    let Some((blocking_files, async_files)) = krate.file_counts() else {
        return any();
    };
    if blocking_files == 0 {
        return None;
    }
    // Finding the names parses the blocking files and their callers';
    // without them every async file is parsed for helper calls. Both are
    // exact: take the cheaper.
    if async_files <= 2 * blocking_files {
        return any();
    }
    let names = krate.blocking_fns(depth);
    match krate.complete() {
        true if names.is_empty() => None,
        true => of(Some(&names)),
        false => any(),
    }
}

/// What the run learnt of each crate before the engine ran, for the crate
/// pass: per crate root, the sync fns that may block as
/// [`mark_crates_with_blocking_calls`] found them (with the `call_depth`
/// used), so that the crate pass need not find them again, and the crates
/// it scanned, so that the crate pass need not walk and read them again.
pub struct CrateBlocking {
    /// Per crate root, the `call_depth` its blocking fns were found with
    /// (`None`: not looked for, `blocking_call_in_async` being off) and
    /// those fns.
    pub blocking: HashMap<PathBuf, (Option<usize>, Option<Arc<BlockingFns>>)>,
    /// Per crate root, what its items say of names and where its files
    /// are, when that changes how some path resolves.
    pub places: HashMap<PathBuf, CratePlaces>,
    /// In crates without such places whose packages have libraries: the
    /// place of each file a target other than a library reaches (see
    /// [`libraries_only`]), by its path in the trees.
    libraries_only: HashMap<PathBuf, InCrate>,
    /// Per crate root, its fns that may be spawn wrappers named otherwise
    /// than `spawn…` ([`crate::spawn_wrappers`]).
    spawn_wrappers: HashMap<PathBuf, Arc<SpawnWrappers>>,
    /// The linted files (as the run names them) that no module tree of
    /// their crate reaches: each is its own crate.
    orphans: HashSet<PathBuf>,
    /// The files (canonical paths) that the scanned crates' module trees
    /// declare under `#[cfg(test)]`.
    tree_tests: HashSet<PathBuf>,
    scanned: HashMap<PathBuf, LazyCrate>,
    /// The bytes of text the scanned crates may still keep.
    budget: Arc<AtomicUsize>,
    /// How many files the crates in `scanned` have between them.
    held_files: usize,
    /// Per crate root, the packages the configuration of its first linted
    /// files lists as test support (`test_packages`): the crate pass reads
    /// the crate as the pre-pass did.
    test_packages: HashMap<PathBuf, Vec<String>>,
}

/// What the blocking-fn pre-pass keeps of a crate it scanned (see
/// [`mark_crates_with_blocking_calls`]).
struct ScannedCrate {
    root: PathBuf,
    kept: Kept,
    /// The linted files its module trees do not reach.
    orphans: Vec<PathBuf>,
    places: Option<CratePlaces>,
    /// The files its trees declare under `#[cfg(test)]`.
    test_files: BTreeSet<PathBuf>,
    spawn_wrappers: Arc<SpawnWrappers>,
    /// Without places: the place of each file a target other than a
    /// library reaches ([`libraries_only`]).
    libraries_only: Option<(InCrate, Vec<PathBuf>)>,
}

/// What the pre-pass keeps of a scanned crate itself.
enum Kept {
    /// The crate, held for the crate pass (a run over a few files).
    Held(Box<LazyCrate>),
    /// Its blocking fns, found before the crate was let go.
    LetGo(Option<Arc<BlockingFns>>),
}

/// The most files a run may lint and keep the crates it scans before the
/// engine for the crate pass (see [`mark_crates_with_blocking_calls`]).
pub(crate) const MAX_FILES_TO_HOLD_CRATES: usize = 64;

/// The most files the crates held between the blocking-fn pre-pass and
/// the crate pass may have between them.
const MAX_HELD_FILES: usize = 4096;

impl Default for CrateBlocking {
    fn default() -> CrateBlocking {
        CrateBlocking {
            blocking: HashMap::new(),
            places: HashMap::new(),
            libraries_only: HashMap::new(),
            spawn_wrappers: HashMap::new(),
            orphans: HashSet::new(),
            tree_tests: HashSet::new(),
            scanned: HashMap::new(),
            budget: Arc::new(AtomicUsize::new(crate_load::MAX_KEPT_TEXT_BYTES)),
            held_files: 0,
            test_packages: HashMap::new(),
        }
    }
}

impl CrateBlocking {
    /// Records `listed` as the test packages of each of `roots` not seen
    /// before.
    fn list_test_packages<'a>(
        &mut self,
        roots: impl IntoIterator<Item = &'a PathBuf>,
        listed: &[String],
    ) {
        for root in roots {
            self.test_packages
                .entry(root.clone())
                .or_insert_with(|| listed.to_vec());
        }
    }

    /// Keeps the crate at `root` for the crate pass if `hold` and the
    /// crates held stay under [`MAX_HELD_FILES`]; else writes its cache and
    /// drops it.
    fn hold_or_release(&mut self, root: PathBuf, krate: LazyCrate, hold: bool) {
        let files = krate.file_count();
        if hold && self.held_files + files <= MAX_HELD_FILES {
            self.held_files += files;
            if let Some(replaced) = self.scanned.insert(root, krate) {
                replaced.save();
            }
        } else {
            krate.save();
        }
    }

    /// The crate at `root` as scanned before the engine, if held (and
    /// scanned with the same `cached`).
    fn held(&mut self, root: &Path, cached: bool) -> Option<LazyCrate> {
        let krate = self.scanned.remove(root)?;
        self.held_files = self.held_files.saturating_sub(krate.file_count());
        if krate.is_cached() == cached {
            return Some(krate);
        }
        krate.save();
        None
    }

    /// The run's budget for kept text.
    fn budget(&self) -> Arc<AtomicUsize> {
        Arc::clone(&self.budget)
    }

    /// Writes the caches of the crates still held.
    fn save(self) {
        for (_, krate) in self.scanned {
            krate.save();
        }
    }
}

/// Puts the notes of a followed chain first in `finding`'s notes; `other`
/// names a hop's file when it is not the finding's.
fn add_hops(finding: &mut Finding, hops: Vec<Hop>, other: impl Fn(usize) -> Option<String>) {
    let notes: Vec<Note> = hops.into_iter().map(|hop| hop_note(hop, &other)).collect();
    finding.notes.splice(0..0, notes);
}

/// The note of `hop`; `other` names its file when it is not the finding's.
fn hop_note(hop: Hop, other: impl Fn(usize) -> Option<String>) -> Note {
    Note {
        span: Some(hop.span),
        message: hop.message,
        file: other(hop.file),
    }
}

/// `path` made absolute and free of links, or as given when it cannot be.
pub(crate) fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// One file's calls, or `None` if it cannot be read, parsed or analysed;
/// `krate` is the file's place in its crate (see [`InCrate`]), `wrappers`
/// the crate's spawn wrappers named otherwise than `spawn…`.
pub(crate) fn summary(
    path: &Path,
    module: &str,
    krate: Option<&InCrate>,
    wrappers: &SpawnWrappers,
    max_nesting: usize,
    cache: &SummaryCache,
) -> Option<CallSummary> {
    if std::fs::metadata(path).ok()?.len() > MAX_FILE_BYTES {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let text = crate::text::strip_bom(&text);
    summary_of_text(text, module, krate, wrappers, max_nesting, cache)
}

/// [`summary`] of a file already read (`text`, without its byte-order
/// mark).
pub(crate) fn summary_of_text(
    text: &str,
    module: &str,
    krate: Option<&InCrate>,
    wrappers: &SpawnWrappers,
    max_nesting: usize,
    cache: &SummaryCache,
) -> Option<CallSummary> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return None;
    }
    let key = crate::cache::module_key(module, krate, wrappers);
    cache.summary(text, &key, || {
        // As in the engine: two large files parsed at once set the peak.
        let _one_at_a_time = (text.len() >= crate::engine::LARGE_FILE_BYTES).then(|| {
            crate::engine::LARGE_FILE
                .lock()
                .unwrap_or_else(|e| e.into_inner())
        });
        compute_summary(text, module, krate, wrappers, max_nesting)
    })
}

/// The calls of the file whose text is `text`, the module `module`.
/// A call of one of `wrappers` is a spawn call, as it is while the rules
/// run (`detach("w", win.run(rx))` starts a task the crate pass follows).
fn compute_summary(
    text: &str,
    module: &str,
    krate: Option<&InCrate>,
    wrappers: &SpawnWrappers,
    max_nesting: usize,
) -> Option<CallSummary> {
    if crate::nesting::scan(text, max_nesting)
        .first_too_deep
        .is_some()
    {
        return None;
    }
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let file = syn::parse_file(&crate::code::without_line_doc_comments(text)).ok()?;
        let mut ctx = FileContext::new_in_crate(&file, text, krate.cloned());
        ctx.set_spawn_wrappers(Arc::clone(wrappers.names()));
        ctx.set_crate_libraries(&crate::spawn_wrappers::crate_libraries(
            krate,
            Some(wrappers),
        ));
        Some(ctx.call_summary(module))
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
pub(crate) fn package_files(root: &Path) -> Option<(Vec<PathBuf>, Vec<PathBuf>)> {
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
