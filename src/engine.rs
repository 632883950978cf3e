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
use std::panic::{self, AssertUnwindSafe};

use leaklint_lints::{run_lint, FileContext};
use rayon::prelude::*;

use crate::config::Config;
use crate::discover::{Discovery, SourceFile};
use crate::nesting;
use crate::outcome::{Diagnostic, FileError, FileResult, Report};
use crate::text::{line_column, line_column_bytes, strip_bom};

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

/// Lints every discovered file in parallel and collects the outcome.
///
/// `threads` is the size of the worker pool; `None` (or `Some(0)`) uses
/// `RAYON_NUM_THREADS` if set, else one thread per CPU.
pub fn lint_all(
    discovery: &Discovery,
    config: &Config,
    threads: Option<usize>,
) -> Result<Report, rayon::ThreadPoolBuildError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .stack_size(WORKER_STACK_SIZE)
        .thread_name(|i| format!("leaklint-worker-{i}"))
        .build()?;
    let results: Vec<FileResult> = pool.install(|| {
        discovery
            .files
            .par_iter()
            .with_max_len(1)
            .map(|file| lint_file(file, config))
            .collect()
    });
    let problems = discovery.problems.iter().map(|(path, message)| {
        let mut result = FileResult::new(path.clone());
        result.errors.push(FileError::new(message.clone()));
        result
    });
    Ok(Report::new(
        discovery.files.len(),
        results.into_iter().chain(problems),
    ))
}

/// Reads and lints one file on the current thread, which must have a stack
/// of [`WORKER_STACK_SIZE`].
fn lint_file(file: &SourceFile, config: &Config) -> FileResult {
    let bytes = match std::fs::read(&file.path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let mut result = FileResult::new(file.display.clone());
            result
                .errors
                .push(FileError::new(format!("cannot read file: {e}")));
            return result;
        }
    };
    match std::str::from_utf8(&bytes) {
        Ok(text) => lint_text(&file.display, text, config),
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
    }
}

/// Lints `text` as the contents of the file displayed as `path`, on a fresh
/// thread with a [`WORKER_STACK_SIZE`] stack. A leading byte-order mark is
/// ignored. This is the whole per-file pipeline without the file system; the
/// UI tests use it.
pub fn lint_source(path: &str, text: &str, config: &Config) -> FileResult {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("leaklint-worker".to_string())
            .stack_size(WORKER_STACK_SIZE)
            .spawn_scoped(scope, || lint_text(path, text, config))
            .expect("cannot start a worker thread")
            .join()
            .expect("the worker thread panicked outside of catch_unwind")
    })
}

/// The per-file pipeline on the current thread, which must have a stack of
/// [`WORKER_STACK_SIZE`] (deep code overflows smaller stacks and aborts the
/// process). Prefer [`lint_source`].
pub fn lint_text(path: &str, text: &str, config: &Config) -> FileResult {
    let text = strip_bom(text);
    let mut result = FileResult::new(path);

    let nesting = nesting::scan(text, config.max_nesting);
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

    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        crate::fault::inject(text);
        analyse(text, config, &mut result.diagnostics, &mut result.errors)
    }));
    // Every span of this file has been converted to positions and the tree is
    // gone: free proc-macro2's record of the file's text.
    proc_macro2::extra::invalidate_current_thread_spans();
    if let Err(payload) = outcome {
        result.errors.push(FileError::new(format!(
            "internal error: panicked while analysing the file: {} \
             (this is a bug in leaklint; please report it with the file)",
            panic_message(&*payload)
        )));
    }
    let complete = result.errors.is_empty();
    let suppressed = panic::catch_unwind(AssertUnwindSafe(|| {
        crate::suppress::apply(text, &mut result.diagnostics, complete, config)
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

/// Parses `text`, builds its context once and runs every enabled rule, each
/// under its own `catch_unwind` so one rule's panic keeps the others' findings.
fn analyse(
    text: &str,
    config: &Config,
    diagnostics: &mut Vec<Diagnostic>,
    errors: &mut Vec<FileError>,
) {
    let file = match syn::parse_file(text) {
        Ok(file) => file,
        Err(e) => {
            let start = e.span().start();
            let mut message = e.to_string();
            if message == "cannot parse string into token stream" {
                // proc-macro2's lexer error says nothing more; say what it means.
                message = "cannot tokenize the file: a delimiter is not closed or not opened, \
                           or a string, character literal or block comment is not terminated"
                    .to_string();
            }
            errors.push(if message.starts_with("unexpected end of input") {
                // syn points such errors at the call site (the start of the
                // file); the end of the file is where the input ran out.
                let (line, column) = line_column(text, text.len());
                FileError::at(message, line, column)
            } else if start.line == 0 {
                FileError::new(message)
            } else {
                FileError::at(message, start.line, start.column + 1)
            });
            return;
        }
    };
    let ctx = FileContext::new(&file, text);
    for enabled in config.enabled() {
        let lint = &enabled.lint;
        match panic::catch_unwind(AssertUnwindSafe(|| run_lint(lint, &ctx, &config.options))) {
            Ok(findings) => diagnostics.extend(findings.into_iter().map(|finding| Diagnostic {
                level: enabled.level,
                finding,
            })),
            Err(payload) => errors.push(FileError::new(format!(
                "internal error: lint `{}` panicked: {} \
                 (this is a bug in leaklint; please report it with the file)",
                lint.name,
                panic_message(&*payload)
            ))),
        }
    }
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
