//! The parallel engine: read, pre-scan, parse, analyse and lint every file.
//!
//! Each file is one rayon task on a dedicated pool whose threads have very
//! large stacks ([`WORKER_STACK_SIZE`]), because syn's parser and every
//! visitor or destructor of a syntax tree recurse once per nesting level
//! (and once per term of a flat `a + b + c …` chain). Everything about a file
//! happens on its worker: the tree is built, linted and dropped there, and
//! proc-macro2's per-thread source map is cleared afterwards, so memory does
//! not grow with the number of files.
//!
//! A file that cannot be read, is not UTF-8, does not parse, nests deeper
//! than [`Config::max_nesting`], or makes a rule panic becomes a
//! [`FileError`]; the other files are unaffected.

use std::any::Any;
use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Instant;

use std::path::Path;

use leaklint_lints::{run_lint, FileContext, ReachKind, Span};
use rayon::prelude::*;

use crate::code;
use crate::config::{Config, RuleId, RuleSet};
use crate::crate_load::BlockingFns;
use crate::discover::{Discovery, SourceFile};
use crate::later::Later;
use crate::nesting;
use crate::outcome::{Diagnostic, FileError, FileResult, PackedSummary, Report, Skip};
use crate::prefilter::Prefilter;
use crate::spawn_wrappers::{self, SpawnWrappers};
use crate::text::{line_column, line_column_bytes, strip_bom};
use crate::timings::{Phase, Timings};
use leaklint_lints::context::crate_names::InCrate;

/// Stack size of a worker thread: 1 GiB of address space, of which only what
/// deep code actually touches is ever backed by memory.
///
/// Measured with `tests/stack_budget.rs` (parse, analyse, lint and drop one
/// file; bytes of stack per nesting level):
///
/// | construct                   | debug    | release |
/// |-----------------------------|----------|---------|
/// | `((( … )))`, `[[[ … ]]]`    | 12–13 KiB| 2.7 KiB |
/// | `{{{ … }}}`, `f(f(f( … )))` | 14–19 KiB| 3.9–4.2 KiB |
/// | nested `if`, closures, `async` blocks | 22–27 KiB | 5.3–6.2 KiB |
/// | `Option<Option<…>>` (counted by the pre-scan as a chain) | 45 KiB | 5.8 KiB |
/// | flat `1 + 1 + …`, `x.f().f()…`, `else if` chains | ≤ 0.2 KiB | ≤ 0.1 KiB |
///
/// A 200,000-term flat sum uses 25 MiB (debug) / 12.5 MiB (release). At
/// [`crate::config::DEFAULT_MAX_NESTING`] (5,000) levels the worst counted
/// construct uses about 135 MiB in a debug build, so the rules (which visit
/// the tree recursively too) have over 850 MiB left. The refusal limit is
/// far beyond hand-written code (tens of levels) and generated code seen in
/// practice (hundreds).
pub const WORKER_STACK_SIZE: usize = 1 << 30;

/// Lints every discovered file in parallel and collects the outcome,
/// parsing every file (no pre-filter) and measuring nothing.
///
/// `threads` is the size of the worker pool; `None` (or `Some(0)`) uses
/// `RAYON_NUM_THREADS` if set, else one thread per CPU.
pub fn lint_all(
    discovery: &Discovery,
    config: &Config,
    threads: Option<usize>,
) -> Result<Report, rayon::ThreadPoolBuildError> {
    let options = RunOptions {
        threads,
        prefilter: false,
    };
    lint_all_with(discovery, config, &options, None, None)
}

/// How [`lint_all_with`] runs, beyond what to check.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// Size of the worker pool; `None` (or `Some(0)`) uses
    /// `RAYON_NUM_THREADS` if set, else one thread per CPU.
    pub threads: Option<usize>,
    /// Skip files in which no enabled rule can find anything (see
    /// [`crate::prefilter`]); `--no-prefilter` clears it.
    pub prefilter: bool,
}

/// Per-run helpers of the per-file pipeline: the pre-filter (built on first
/// use, once per run), the timing counters and the sync fns of each file's
/// crate that may block. The default uses none of them.
#[derive(Debug, Default, Clone, Copy)]
pub struct Probe<'a> {
    /// The run's pre-filter, built from the config by the first file that needs it.
    pub prefilter: Option<&'a OnceLock<Prefilter>>,
    /// Where to add the time of each phase.
    pub timings: Option<&'a Timings>,
    /// For each file of the run, in order, the sync fns of its crate that
    /// may block ([`crate::callers::mark_crates_with_blocking_calls`]),
    /// maybe still being found: a file waits for them only when its verdict
    /// depends on them. `None`: no file's crate has any.
    pub crate_blocking: Option<&'a CrateBlocking>,
    /// Parse before the pre-filter's verdict, while another thread builds
    /// the pre-filter (a run over one file): the tree is dropped when the
    /// verdict says no rule can find anything.
    pub parse_early: bool,
}

/// What [`Probe::crate_blocking`] holds: per file of the run, what the
/// crate pre-pass found of its crate, maybe still being found.
#[derive(Debug)]
pub struct CrateBlocking {
    /// The file's place in its crate when the crate's items change how its
    /// paths resolve (see [`InCrate`]): known once the crates' module trees
    /// are read, before their blocking fns.
    pub names: Later<Vec<Option<InCrate>>>,
    /// The fns of its crate that may be spawn wrappers named otherwise
    /// than `spawn…` ([`crate::spawn_wrappers`]), known with `names`.
    pub spawn_wrappers: Later<Vec<Option<Arc<SpawnWrappers>>>>,
    /// Whether its crate's module tree declares it under `#[cfg(test)]`
    /// (`#[cfg(test)] mod tests;`), known with `names`: test code.
    pub test_by_tree: Later<Vec<bool>>,
    /// The sync fns of its crate that may block, if any.
    pub blocking: Later<Vec<Option<Arc<BlockingFns>>>>,
}

/// Files at least this large are analysed one at a time: a syntax tree
/// takes about 15 times its file's size, so two multi-megabyte generated
/// files parsed at once would set the run's peak memory.
pub const LARGE_FILE_BYTES: usize = 2 << 20;

/// Held while a large file is analysed.
pub(crate) static LARGE_FILE: Mutex<()> = Mutex::new(());

/// Lints every discovered file in parallel with the pre-filter and timings
/// of the caller's choosing.
pub fn lint_all_with(
    discovery: &Discovery,
    config: &Config,
    options: &RunOptions,
    timings: Option<&Timings>,
    crate_blocking: Option<&CrateBlocking>,
) -> Result<Report, rayon::ThreadPoolBuildError> {
    let prefilter = OnceLock::new();
    let one_file_filtered = options.prefilter && discovery.files.len() == 1;
    let probe = Probe {
        prefilter: options.prefilter.then_some(&prefilter),
        timings,
        crate_blocking,
        parse_early: one_file_filtered,
    };
    let keep =
        |r: &FileResult| r.skip.is_some() || !r.diagnostics.is_empty() || !r.errors.is_empty();
    if discovery.files.len() <= 1 {
        // One file (a pre-commit hook, an editor): a single worker thread is
        // all it needs, without a pool's start-up and shutdown, and a
        // pre-filter quick to build, built here while the worker reads and
        // parses the file (`Probe::parse_early`).
        let results: Vec<FileResult> = std::thread::scope(|scope| {
            let worker = std::thread::Builder::new()
                .name("leaklint-worker".to_string())
                .stack_size(WORKER_STACK_SIZE)
                .spawn_scoped(scope, || {
                    discovery
                        .files
                        .iter()
                        .enumerate()
                        .map(|(i, file)| lint_file(file, i, config, probe))
                        .filter(keep)
                        .collect()
                })
                .expect("cannot start a worker thread");
            if one_file_filtered {
                let start = Instant::now();
                prefilter.get_or_init(|| Prefilter::for_one_file(config));
                if let Some(t) = timings {
                    t.lap(Phase::Prefilter, start);
                }
            }
            worker
                .join()
                .expect("the worker thread panicked outside of catch_unwind")
        });
        return Ok(report_with_problems(discovery, results));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.unwrap_or(0))
        .stack_size(WORKER_STACK_SIZE)
        .thread_name(|i| format!("leaklint-worker-{i}"))
        .build()?;
    let results: Vec<FileResult> = pool.install(|| {
        discovery
            .files
            .par_iter()
            .enumerate()
            .with_max_len(1)
            .map(|(i, file)| lint_file(file, i, config, probe))
            // Clean files are dropped at once rather than collected.
            .filter(keep)
            .collect()
    });
    Ok(report_with_problems(discovery, results))
}

/// The report of a run: the files' results plus the discovery's problems.
fn report_with_problems(discovery: &Discovery, results: Vec<FileResult>) -> Report {
    let problems = discovery.problems.iter().map(|(path, message)| {
        let mut result = FileResult::new(path.clone());
        result.errors.push(FileError::new(message.clone()));
        result
    });
    Report::new(discovery.files.len(), results.into_iter().chain(problems))
}

/// Reads and lints one file, the run's `index`th, on the current thread,
/// which must have a stack of [`WORKER_STACK_SIZE`].
fn lint_file(file: &SourceFile, index: usize, config: &Config, probe: Probe<'_>) -> FileResult {
    if file.test_code && !config.include_tests {
        return FileResult::skipped(file.display.clone(), Skip::Test);
    }
    // A file its crate's module tree makes test code, when the trees are
    // read already (else it is asked again once the file is linted).
    if !config.include_tests && test_by_tree(probe.crate_blocking, index, false) {
        return FileResult::skipped(file.display.clone(), Skip::Test);
    }
    let start = Instant::now();
    // A larger file is generated code or data: parsing it would take seconds
    // and hundreds of megabytes for nothing a maintainer would act on. Its
    // size comes from the open file, which is then read (as `fs::read` does).
    let read = std::fs::File::open(&file.path).and_then(|mut f| {
        let len = f.metadata()?.len();
        if len > config.max_file_bytes {
            return Ok(Err(len));
        }
        let mut bytes = Vec::with_capacity(len as usize);
        std::io::Read::read_to_end(&mut f, &mut bytes)?;
        Ok(Ok(bytes))
    });
    if let Some(t) = probe.timings {
        t.lap(Phase::Read, start);
    }
    let bytes = match read {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(len)) => {
            return FileResult::skipped(
                file.display.clone(),
                Skip::Other(format!(
                    "larger than max_file_bytes ({len} > {} bytes)",
                    config.max_file_bytes
                )),
            );
        }
        Err(e) => {
            let mut result = FileResult::new(file.display.clone());
            result
                .errors
                .push(FileError::new(format!("cannot read file: {e}")));
            return result;
        }
    };
    if let Some(t) = probe.timings {
        t.count_read(bytes.len());
    }
    let start = Instant::now();
    let utf8 = std::str::from_utf8(&bytes);
    if let Some(t) = probe.timings {
        t.lap(Phase::Read, start);
    }
    // Asked only when the file's verdict depends on it: the crate's
    // pre-pass may still be running.
    let helpers = OnceCell::new();
    let helpers = || {
        *helpers.get_or_init(|| {
            let (Ok(text), Some(later)) = (utf8.as_ref(), probe.crate_blocking) else {
                return Helpers::default();
            };
            match later.blocking.get() {
                Some(by_file) => match by_file.get(index).and_then(Option::as_deref) {
                    Some(fns) => Helpers {
                        may_block: helpers_may_block(text, Some(fns)),
                        libraries: fns.libraries(),
                        names: fns.names(),
                    },
                    None => Helpers::default(),
                },
                // The pre-pass panicked (the run reports it): any fn.
                None => Helpers {
                    may_block: crate::crate_load::says_async(text.as_bytes()),
                    libraries: &[],
                    names: None,
                },
            }
        })
    };
    // Asked when a verdict may depend on them (the crates' module trees
    // may still be being read).
    let crates = probe.crate_blocking;
    let place = || file_entry(crates.map(|c| &c.names), index);
    let wrappers = || file_entry(crates.map(|c| &c.spawn_wrappers), index).map(|w| &**w);
    let crate_of = CrateOf {
        helpers: &helpers,
        place: &place,
        spawn_wrappers: &wrappers,
    };
    let mut result = match utf8 {
        Ok(text) if text.len() >= LARGE_FILE_BYTES => {
            let _one_at_a_time = LARGE_FILE.lock().unwrap_or_else(|e| e.into_inner());
            lint_text_in_crate(&file.display, text, config, probe, crate_of)
        }
        Ok(text) => lint_text_in_crate(&file.display, text, config, probe, crate_of),
        Err(e) => {
            let mut result = FileResult::new(file.display.clone());
            let (line, column) = line_column_bytes(&bytes, e.valid_up_to());
            result.errors.push(FileError::at(
                "file is not valid UTF-8; leaklint reads UTF-8 Rust source only",
                line,
                column,
            ));
            result
        }
    };
    if !helpers().may_block {
        // No fn of its crate that blocks is named here: no call of a crate
        // helper can block.
        result.diagnostics.retain(|d| {
            d.finding
                .follow
                .as_ref()
                .is_none_or(|f| f.blocking_in_callee.is_none())
        });
        if !result
            .diagnostics
            .iter()
            .any(|d| d.finding.waits_on_crate())
        {
            result.summary = None;
        }
    }
    drop_findings_its_package_rules_out(file, &mut result);
    // Asked last, not to wait for the module trees before linting: a file
    // that `#[cfg(test)] mod x;` declares is counted with the test files
    // whatever it holds (with findings or not, from the cache or not).
    if !config.include_tests && test_by_tree(crates, index, true) {
        return FileResult::skipped(file.display.clone(), Skip::Test);
    }
    result
}

/// Whether the pre-pass found the run's `index`th file declared under
/// `#[cfg(test)]` by its crate's module tree; `wait`: for the pre-pass to
/// have read the trees, else only if it has.
fn test_by_tree(crates: Option<&CrateBlocking>, index: usize, wait: bool) -> bool {
    let Some(crates) = crates else {
        return false;
    };
    let tests = match wait {
        true => crates.test_by_tree.get(),
        false => crates.test_by_tree.try_get(),
    };
    tests.and_then(|t| t.get(index)).copied().unwrap_or(false)
}

/// Drops the findings that `file`'s package rules out: those of a
/// command-line tool that hold only off the main thread, and the HTTP
/// client findings of a WebAssembly module (see the two fns below).
pub fn drop_findings_its_package_rules_out(file: &SourceFile, result: &mut FileResult) {
    if file.command_line_tool {
        drop_main_thread_findings_of_a_tool(result);
    }
    if file.wasm_module {
        drop_client_timeout_findings_of_a_wasm_module(result);
    }
}

/// Drops the findings of a command-line tool's file that hold only off the
/// main thread: a tool runs a command for a user who waits for it, so its
/// async fns are main-thread code whoever calls them (a dispatcher a macro
/// generates, a trait object). That drops a `blocking_call_in_async`
/// finding that is main-thread code if only `main` reaches its fn. A call
/// in a task it spawns stalls other work and stays.
fn drop_main_thread_findings_of_a_tool(result: &mut FileResult) {
    result.diagnostics.retain(|d| {
        let kind = d.finding.moot_if.as_ref().map(|m| m.kind);
        d.finding.rule != "blocking_call_in_async" || kind != Some(ReachKind::MainThread)
    });
}

/// Drops the `http_client_without_timeout` findings of a file of a package
/// built as a WebAssembly module: reqwest's wasm `ClientBuilder` has no
/// `timeout` to set (a request's own `.timeout(…)` is the bound there), and
/// the host (a browser, a Cloudflare Worker) bounds the fetch.
fn drop_client_timeout_findings_of_a_wasm_module(result: &mut FileResult) {
    (result.diagnostics).retain(|d| d.finding.rule != "http_client_without_timeout");
}

/// The id of `blocking_call_in_async`, if enabled.
pub(crate) fn blocking_rule(config: &Config) -> Option<RuleId> {
    config
        .enabled_ids()
        .find(|(_, l)| l.lint.name == "blocking_call_in_async")
        .map(|(id, _)| id)
}

/// What a file's crate says of the sync fns its async code may call.
#[derive(Debug, Clone, Copy, Default)]
struct Helpers<'a> {
    /// Whether one may block: see [`helpers_may_block`].
    may_block: bool,
    /// The names the crate's libraries go by: a call through one
    /// (`app::backoff()` in a binary) may be of such a fn.
    libraries: &'a [String],
    /// The names of the fns that may block (`None`: any name).
    names: Option<&'a Arc<BTreeSet<String>>>,
}

/// The entry of the run's `index`th file in what the crate pre-pass sends,
/// waiting for it; `None` when the pre-pass panicked (the run reports it).
fn file_entry<T>(later: Option<&Later<Vec<Option<T>>>>, index: usize) -> Option<&T> {
    later?.get()?.get(index)?.as_ref()
}

/// What a file's crate says, each part asked only when a verdict needs it
/// (the crate's pre-pass may still be running).
#[derive(Clone, Copy)]
struct CrateOf<'a, 'h> {
    /// The sync fns its async code may call.
    helpers: &'a dyn Fn() -> Helpers<'h>,
    /// The file's place in its crate (see [`InCrate`]).
    place: &'a dyn Fn() -> Option<&'h InCrate>,
    /// The crate's fns that may be spawn wrappers named otherwise than
    /// `spawn…`; `None` also for a file that is its own crate (its own
    /// text says).
    spawn_wrappers: &'a dyn Fn() -> Option<&'h SpawnWrappers>,
}

impl<'h> CrateOf<'_, 'h> {
    fn helpers(&self) -> Helpers<'h> {
        (self.helpers)()
    }

    fn place(&self) -> Option<&'h InCrate> {
        (self.place)()
    }

    fn spawn_wrappers(&self) -> Option<&'h SpawnWrappers> {
        (self.spawn_wrappers)()
    }
}

/// A file that is its own crate, or whose crate says nothing.
const NO_CRATE: CrateOf<'static, 'static> = CrateOf {
    helpers: &Helpers::default,
    place: &|| None,
    spawn_wrappers: &|| None,
};

/// Whether async code in `text` may call a sync fn of its crate that
/// blocks: it says `async` and names one of `crate_blocking`.
fn helpers_may_block(text: &str, crate_blocking: Option<&BlockingFns>) -> bool {
    crate_blocking
        .is_some_and(|b| crate::crate_load::says_async(text.as_bytes()) && b.spelled_in(text))
}

/// Lints `text` as the contents of the file displayed as `path`, on a fresh
/// thread with a [`WORKER_STACK_SIZE`] stack. A leading byte-order mark is
/// ignored. This is the whole per-file pipeline without the file system; the
/// UI tests use it.
pub fn lint_source(path: &str, text: &str, config: &Config) -> FileResult {
    lint_source_in(path, text, config, true)
}

/// [`lint_source`], with the file alone as its crate (`alone`: the
/// findings that wait for the crate are decided within the file) or not
/// (they wait for [`crate::callers::resolve_crate_findings`]).
pub(crate) fn lint_source_in(path: &str, text: &str, config: &Config, alone: bool) -> FileResult {
    lint_source_placed(path, text, config, alone, None, None)
}

/// [`lint_source_in`] for a file whose place in its crate is `place` (see
/// [`InCrate`]).
pub(crate) fn lint_source_placed(
    path: &str,
    text: &str,
    config: &Config,
    alone: bool,
    place: Option<&InCrate>,
    spawn_wrappers: Option<&SpawnWrappers>,
) -> FileResult {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("leaklint-worker".to_string())
            .stack_size(WORKER_STACK_SIZE)
            .spawn_scoped(scope, || {
                let probe = Probe::default();
                let crate_of = CrateOf {
                    helpers: &Helpers::default,
                    place: &|| place,
                    spawn_wrappers: &|| spawn_wrappers,
                };
                let mut result = lint_text_in_crate(path, text, config, probe, crate_of);
                if alone {
                    crate::callers::resolve_alone(&mut result);
                }
                result
            })
            .expect("cannot start a worker thread")
            .join()
            .expect("the worker thread panicked outside of catch_unwind")
    })
}

/// The per-file pipeline on the current thread, which must have a stack of
/// [`WORKER_STACK_SIZE`] (deep code overflows smaller stacks and aborts the
/// process). Prefer [`lint_source`].
pub fn lint_text(path: &str, text: &str, config: &Config) -> FileResult {
    lint_text_probed(path, text, config, Probe::default())
}

/// [`lint_text`] with a pre-filter and timings: when the probe has a
/// pre-filter and no rule can find anything in `text`, no rule runs on the
/// file: it is only checked lexically ([`code::token_error`], made in the
/// pre-filter's pass over the text: a delimiter not closed, a literal not
/// terminated, in a truncated or half-merged file) and, when it tokenizes,
/// parsed for its grammar errors, the tree dropped unread.
pub fn lint_text_probed(path: &str, text: &str, config: &Config, probe: Probe<'_>) -> FileResult {
    lint_text_in_crate(path, text, config, probe, NO_CRATE)
}

/// [`lint_text_probed`] for a file whose async code may name a sync fn of
/// its crate that may block (`helpers().may_block`, see
/// [`helpers_may_block`]): `blocking_call_in_async` then runs on it even
/// when the file itself names no blocking call, since that helper may
/// block. `helpers` is asked only when no other rule needs the parse, or
/// after the parse, so that the crate's pre-pass can run meanwhile.
fn lint_text_in_crate<'h>(
    path: &str,
    text: &str,
    config: &Config,
    probe: Probe<'_>,
    crate_of: CrateOf<'_, 'h>,
) -> FileResult {
    let text = strip_bom(text);
    if let Some(marker) = generated_marker(text) {
        return FileResult::skipped(
            path,
            Skip::Other(format!("generated (`{marker}` in its first 5 lines)")),
        );
    }
    if !config.include_tests && whole_file_is_test(text) {
        return FileResult::skipped(path, Skip::Test);
    }
    let mut result = FileResult::new(path);
    result.include_tests = config.include_tests;
    let mut rules_to_run: Option<RuleSet> = None;

    // The nesting check always comes before a parse (a deep file would
    // overflow the parser's stack).
    let scan_nesting = || {
        let start = Instant::now();
        let nesting = nesting::scan(text, config.max_nesting);
        if let Some(t) = probe.timings {
            t.lap(Phase::Nesting, start);
        }
        nesting
    };
    let mut nesting = None;
    let mut parsed = None;
    if probe.parse_early {
        let scanned = scan_nesting();
        if scanned.first_too_deep.is_none() {
            // A parser panic is reported by the parse inside `catch_unwind` below.
            parsed = panic::catch_unwind(AssertUnwindSafe(|| parse(text, probe.timings))).ok();
        }
        nesting = Some(scanned);
    }

    if let Some(prefilter) = probe.prefilter {
        let start = Instant::now();
        let prefilter = prefilter.get_or_init(|| Prefilter::new(config));
        let mut verdict = prefilter.check(text);
        // A name the crate re-exports from another crate (`queue` for
        // `pub use crossbeam_channel::unbounded as queue;` in another
        // file) is read as the path it stands for.
        // A call of one of the crate's spawn wrappers named otherwise
        // (`bg::detach(async { … })`) is a spawn call the file need not
        // spell: it is read as if it said `spawn`.
        if verdict.rules.is_some() {
            let stands_for = crate_of.place().and_then(|n| reexported_spellings(n, text));
            let calls_wrapper = (crate_of.spawn_wrappers()).is_some_and(|w| w.spelled_in(text));
            if stands_for.is_some() || calls_wrapper {
                let mut with = text.to_string();
                with.push_str(stands_for.as_deref().unwrap_or_default());
                if calls_wrapper {
                    with.push_str("\nspawn\n");
                }
                verdict.rules = prefilter.check(&with).rules;
            }
        }
        // Only the rules that can find something here run on the file (and
        // `blocking_call_in_async` when a crate helper may block, asked
        // after the parse when another rule needs it anyway).
        rules_to_run = verdict.rules;
        let may_match = match &rules_to_run {
            None => true,
            Some(rules) if !rules.is_empty() => true,
            Some(_) => crate_of.helpers().may_block && blocking_rule(config).is_some(),
        };
        if let Some(t) = probe.timings {
            t.lap(Phase::Prefilter, start);
        }
        if !may_match {
            let start = Instant::now();
            if let Some((at, why)) = verdict.token_error {
                let (line, column) = line_column(text, at);
                let message = format!("cannot tokenize the file: {why}");
                result.errors.push(FileError::at(message, line, column));
            }
            if let Some(t) = probe.timings {
                t.lap(Phase::Prefilter, start);
            }
            if result.errors.is_empty() {
                // No rule looks at the file, but a grammar error in it is
                // still reported: nothing is skipped silently.
                let parsed = match parsed.take() {
                    Some(parsed) => Some(parsed),
                    None => syntax_checked(text, config, probe.timings),
                };
                if let Some(Err(e)) = &parsed {
                    result.errors.push(parse_error(text, e));
                }
            }
            // A tree parsed early (or to check the file) is dropped unread,
            // and its spans with it.
            if parsed.take().is_some() {
                proc_macro2::extra::invalidate_current_thread_spans();
            }
            return result;
        }
    }

    let nesting = nesting.unwrap_or_else(scan_nesting);
    if let Some(at) = nesting.first_too_deep {
        let (line, column) = line_column(text, at);
        result.errors.push(FileError::at(
            format!(
                "nesting too deep ({} levels; leaklint handles up to {}): \
                 this file was not checked",
                nesting.max_depth, config.max_nesting
            ),
            line,
            column,
        ));
        return result;
    }

    let mut test_code = Vec::new();
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        crate::fault::inject(text);
        let parsed = parsed.unwrap_or_else(|| parse(text, probe.timings));
        analyse(
            parsed,
            path,
            text,
            config,
            rules_to_run.as_ref(),
            probe.timings,
            &mut result.diagnostics,
            &mut result.errors,
            &mut test_code,
            &mut result.summary,
            crate_of,
        )
    }));
    // Every span of this file has been converted to positions and the tree is
    // gone: free proc-macro2's record of the file's text.
    let start = Instant::now();
    proc_macro2::extra::invalidate_current_thread_spans();
    if let Some(t) = probe.timings {
        t.lap(Phase::Drop, start);
    }
    if let Err(payload) = outcome {
        result.errors.push(FileError::new(format!(
            "internal error: panicked while analysing the file: {} \
             (this is a bug in leaklint; please report it with the file)",
            panic_message(&*payload)
        )));
    }
    let complete = result.errors.is_empty();
    let suppressed = panic::catch_unwind(AssertUnwindSafe(|| {
        crate::suppress::apply(
            text,
            &mut result.diagnostics,
            &mut result.pending_suppressions,
            complete,
            config,
            &test_code,
        )
    }));
    if let Err(payload) = suppressed {
        result.errors.push(FileError::new(format!(
            "internal error: panicked while applying suppressions: {} \
             (this is a bug in leaklint; please report it with the file)",
            panic_message(&*payload)
        )));
    }
    if !result.diagnostics.is_empty() {
        result.source = Some(text.to_string());
    }
    result.sort();
    result
}

/// `use` items that spell what the names of `text` that its crate
/// re-exports from other crates stand for (`use crossbeam_channel::unbounded;`
/// for a file that says `queue`, `pub use crossbeam_channel::unbounded as
/// queue;` being in another file), or `None` when it says none: with them the
/// pre-filter sees the paths the file's calls resolve to. A `#[macro_use]`
/// crate lends its macros by their own names, which the pre-filter reads
/// already. A renamed type's paths are spelled under its own name too
/// (`tokio::process::Command::new` for `AsyncCommand::new`, `pub use
/// tokio::process::Command as AsyncCommand;` being in another file).
fn reexported_spellings(krate: &InCrate, text: &str) -> Option<String> {
    let mut uses = String::new();
    for (from, to) in &krate.names.reexports {
        let name = from.rsplit("::").next().unwrap_or(from);
        if crate::crate_names::spells_word(text.as_bytes(), name) {
            uses.push_str("\nuse ");
            uses.push_str(to);
            uses.push(';');
            if to.rsplit("::").next() != Some(name) {
                // Under the name, or a file's own rename of it (`use
                // app::proc::AsyncCommand as Cmd;` then `Cmd::new`).
                let renames = crate::crate_names::renames_of(text.as_bytes(), name);
                let members = std::iter::once(name)
                    .chain(renames)
                    .flat_map(|n| crate::crate_names::members_spelled(text.as_bytes(), n));
                for member in members {
                    uses.push('\n');
                    uses.push_str(to);
                    uses.push_str("::");
                    uses.push_str(member);
                    uses.push(';');
                }
            }
        }
    }
    (!uses.is_empty()).then_some(uses)
}

/// Whether an inner `#![cfg(test)]` (or another cfg that requires `test`)
/// makes all of `text` test code: the file is then skipped and counted with
/// the test files, as a file under `tests/` is.
fn whole_file_is_test(text: &str) -> bool {
    code::leading_inner_attributes(text)
        .and_then(|attrs| syn::parse_file(attrs).ok())
        .is_some_and(|file| leaklint_lints::context::scope::file_is_test(&file))
}

/// Parses `text` (for [`analyse`]).
fn parse(text: &str, timings: Option<&Timings>) -> syn::Result<syn::File> {
    let start = Instant::now();
    // Positions are unchanged (see `code::without_line_doc_comments`), so the
    // tree's spans point into `text`.
    let parsed = syn::parse_file(&code::without_line_doc_comments(text));
    if let Some(t) = timings {
        t.lap(Phase::Parse, start);
        t.count_parsed();
    }
    parsed
}

/// `text` parsed only to tell whether it parses, for a file no rule looks
/// at; `None` when it is too deeply nested to parse (that is no grammar
/// error, and nothing is checked there) or the parser panics.
fn syntax_checked(
    text: &str,
    config: &Config,
    timings: Option<&Timings>,
) -> Option<syn::Result<syn::File>> {
    if nesting::scan(text, config.max_nesting)
        .first_too_deep
        .is_some()
    {
        return None;
    }
    let start = Instant::now();
    let parsed = panic::catch_unwind(AssertUnwindSafe(|| {
        syn::parse_file(&code::without_line_doc_comments(text))
    }));
    if let Some(t) = timings {
        t.lap(Phase::SyntaxCheck, start);
    }
    parsed.ok()
}

/// The error to report for `text`, which `syn` could not parse (`e`), at
/// the place it names.
pub(crate) fn parse_error(text: &str, e: &syn::Error) -> FileError {
    let start = e.span().start();
    let mut message = e.to_string();
    if message == "cannot parse string into token stream" {
        // proc-macro2's lexer error says nothing more: find where and why.
        if let Some((at, why)) = code::token_error(text) {
            let (line, column) = line_column(text, at);
            return FileError::at(format!("cannot tokenize the file: {why}"), line, column);
        }
        message = "cannot tokenize the file: a delimiter is not closed or not opened, \
                   or a string, character literal or block comment is not terminated"
            .to_string();
    }
    if message.starts_with("unexpected end of input") {
        // syn points such errors at the call site (the start of the file);
        // the end of the file is where the input ran out.
        let (line, column) = line_column(text, text.len());
        FileError::at(message, line, column)
    } else if start.line == 0 {
        FileError::new(message)
    } else {
        FileError::at(message, start.line, start.column + 1)
    }
}

/// Builds the context of the parsed `text` once and runs every enabled rule (or,
/// with a pre-filter, those `rules_to_run` says can find something here),
/// each under its own `catch_unwind` so one rule's panic keeps the others'
/// findings.
#[allow(clippy::too_many_arguments)]
fn analyse<'h>(
    parsed: syn::Result<syn::File>,
    path: &str,
    text: &str,
    config: &Config,
    rules_to_run: Option<&RuleSet>,
    timings: Option<&Timings>,
    diagnostics: &mut Vec<Diagnostic>,
    errors: &mut Vec<FileError>,
    test_code: &mut Vec<Span>,
    summary: &mut Option<PackedSummary>,
    crate_of: CrateOf<'_, 'h>,
) {
    let file = match parsed {
        Ok(file) => file,
        Err(e) => {
            errors.push(parse_error(text, &e));
            return;
        }
    };
    let start = Instant::now();
    let mut ctx = FileContext::new_in_crate(&file, text, crate_of.place().cloned());
    // A call of a spawn wrapper named otherwise is a spawn call, while the
    // rules run and in the file's summary (below), as in the summaries of
    // the files the crate pass parses itself.
    let wrappers = match crate_of.spawn_wrappers() {
        Some(wrappers) => Arc::clone(wrappers.names()),
        None => spawn_wrappers::named_otherwise(spawn_wrappers::wrapper_names(text)),
    };
    ctx.set_spawn_wrappers(wrappers);
    if !config.include_tests {
        test_code.extend_from_slice(ctx.test_spans());
    }
    if let Some(t) = timings {
        t.lap(Phase::Context, start);
    }
    let blocking = blocking_rule(config);
    // The names the package's libraries go by, and those of the other
    // packages of the crate, through which it calls their fns
    // (`common::spawn_named(…)`).
    let crate_libraries =
        spawn_wrappers::crate_libraries(crate_of.place(), crate_of.spawn_wrappers());
    for (id, enabled) in config.enabled_ids() {
        let is_blocking = Some(id) == blocking;
        if rules_to_run.is_some_and(|run| !run.contains(id))
            && (!is_blocking || !crate_of.helpers().may_block)
        {
            continue;
        }
        // The rules follow calls through the crate's library names (a
        // binary's `app::util::spawn_named(…)`, a helper's call), and only
        // while they run: the file's summary reads the file alone, as the
        // crate pass reads files it parses itself, and keeps such paths for
        // the crate pass to read (`CallSummary::read_library_paths`).
        let libraries = match is_blocking {
            true if crate_of.helpers().may_block => crate_of.helpers().libraries,
            true => &[],
            false => &crate_libraries,
        };
        ctx.set_crate_libraries(libraries);
        if is_blocking {
            ctx.set_blocking_helpers(crate_of.helpers().names.cloned());
        }
        let lint = &enabled.lint;
        let start = Instant::now();
        let outcome =
            panic::catch_unwind(AssertUnwindSafe(|| run_lint(lint, &ctx, &config.options)));
        ctx.set_crate_libraries(&[]);
        ctx.set_blocking_helpers(None);
        if let Some(t) = timings {
            t.add_rule(lint.name, start.elapsed());
        }
        match outcome {
            Ok(findings) => diagnostics.extend(
                findings
                    .into_iter()
                    // Test code is skipped unless asked for.
                    .filter(|f| config.include_tests || !ctx.in_test_code(f.span))
                    .map(|finding| Diagnostic {
                        level: enabled.level,
                        finding,
                    }),
            ),
            Err(payload) => errors.push(FileError::new(format!(
                "internal error: lint `{}` panicked: {} \
                 (this is a bug in leaklint; please report it with the file)",
                lint.name,
                panic_message(&*payload)
            ))),
        }
    }
    // A finding that waits for the crate needs what this file says about
    // calls, from this parse.
    if diagnostics.iter().any(|d| d.finding.waits_on_crate()) {
        let start = Instant::now();
        // As the crate pass makes summaries (`callers::compute_summary`).
        ctx.set_crate_libraries(&crate_libraries);
        *summary = Some(PackedSummary::pack(
            ctx.call_summary(&crate::callers::module_name(Path::new(path))),
        ));
        if let Some(t) = timings {
            t.lap(Phase::Summary, start);
        }
    }
    let start = Instant::now();
    drop(ctx);
    drop(file);
    if let Some(t) = timings {
        t.lap(Phase::Drop, start);
    }
}

/// The marker that says `text` is generated code, if one of its first 5
/// lines has one: `@generated` (the convention of rustfmt, prost, cargo)
/// or `DO NOT EDIT`.
fn generated_marker(text: &str) -> Option<&'static str> {
    text.lines().take(5).find_map(|line| {
        ["@generated", "DO NOT EDIT"]
            .into_iter()
            .find(|m| line.contains(m))
    })
}

/// The message of a panic payload.
fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(no message)".to_string()
    }
}
