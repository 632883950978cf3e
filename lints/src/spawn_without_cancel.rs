use crate::context::spawn::{Handle, SpawnKind};
use crate::{FileContext, Finding, LintOptions};

crate::declare_lint! {
    /// ### What it does
    /// Flags a spawned task whose body runs an endless loop (`loop { … }` or
    /// `while true { … }` with no `break`, `return` or `?`) that never observes
    /// cancellation, when the task's `JoinHandle` is thrown away. Also flags
    /// such a loop in `std::thread::spawn` / `thread::Builder::spawn` whatever
    /// happens to the handle, because a thread cannot be cancelled from outside.
    ///
    /// Spawn calls are `tokio::spawn`, `tokio::task::{spawn, spawn_local,
    /// spawn_blocking}`, `.spawn(…)` on a tokio `Runtime`, runtime `Builder`,
    /// `Handle::current()` or `TaskTracker`, `async_std::task::{spawn,
    /// spawn_local}`, `actix_rt::spawn`, `smol::spawn(…).detach()`,
    /// `std::thread::spawn`, `std::thread::Builder::spawn`, and the paths in the
    /// `spawn_functions` option, resolved through the file's `use` items.
    ///
    /// ### Why is this bad
    /// Nothing can stop the task: it lives until the process exits, keeps
    /// everything it captured alive, and keeps working during shutdown. It is
    /// Go's goroutine that never reads `ctx.Done()`.
    ///
    /// ### Known problems
    /// leaklint reads one file at a time and has no types. A task body that is
    /// a call of a fn defined in another file is not analysed. The task body
    /// is what RULES.md calls so: the async block or closure given to the
    /// spawn, or the fn of this file whose call *is* the argument
    /// (`spawn(run(rx))`); an async block that awaits such a fn
    /// (`spawn(async move { run(rx).await })`) is analysed as written, so a
    /// loop inside `run` is not reported for it. Cancellation is
    /// recognised by shape: `.cancelled()`, `.is_cancelled()`, or `.recv()` /
    /// `.changed()` / `.notified()` / `.closed()` / `.wait_for()` / `.load()`
    /// (and, for threads polling a std receiver, `.try_recv()` /
    /// `.recv_timeout()`) on a value whose name mentions shutdown, cancel,
    /// stop, quit, exit, term, kill or close; a `select!` branch racing such a value or a call of a fn
    /// so named (`shutdown_signal()`); or `tokio::signal::ctrl_c()`. A loop
    /// inside the future given to `run_until_cancelled`,
    /// `with_cancellation_token`, `tokio::time::timeout` or
    /// `futures::future::abortable`, or raced in a `select!` against such a
    /// signal, is cancellable. A handle passed to `drop(…)` counts as
    /// discarded. For threads a note adds that a stop flag or a shutdown
    /// channel is the way to end the loop, since a thread cannot be aborted. A macro leaklint cannot parse that contains `break`,
    /// `return` or `?` is assumed to leave the loop.
    ///
    /// ### Example
    /// ```rust,ignore
    /// tokio::spawn(async move {
    ///     loop {
    ///         flush_metrics(&registry).await;
    ///         tokio::time::sleep(Duration::from_secs(10)).await;
    ///     }
    /// });
    /// ```
    ///
    /// ### Use instead
    /// ```rust,ignore
    /// let token = shutdown.child_token();
    /// tokio::spawn(async move {
    ///     loop {
    ///         tokio::select! {
    ///             _ = token.cancelled() => break,
    ///             _ = tokio::time::sleep(Duration::from_secs(10)) => flush_metrics(&registry).await,
    ///         }
    ///     }
    /// });
    /// ```
    pub SPAWN_WITHOUT_CANCEL,
    name: "spawn_without_cancel",
    level: Warn,
    summary: "a detached task or thread loops forever and nothing can cancel it",
    trigger_words: &["spawn", "spawn_local", "spawn_blocking"],
    // An endless loop is spelled `loop` or `while true`.
    requires: &[&["loop", "while"]],
    check: check,
}

const HELP: &str = "observe a CancellationToken (`token.cancelled()`) in the loop, or keep the JoinHandle and abort it on shutdown";

fn check(ctx: &FileContext<'_>, options: &LintOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    ctx.walk_exprs(|expr, ancestors| {
        let Some(spawn) = ctx.spawn_call(expr, ancestors, options) else { return };
        if !options.report_process_lifetime && ctx.is_process_lifetime(spawn.expr, ancestors) {
            return;
        }
        let Some(task) = ctx.task_body(spawn.arg, ancestors) else { return };
        let Some(endless) = ctx.task_loops(&task).into_iter().find(|l| !l.wrapped && !l.observes_cancellation) else { return };
        let loop_note = "this loop never ends and observes no cancellation";
        let finding = match spawn.kind {
            SpawnKind::Thread => Finding::new(SPAWN_WITHOUT_CANCEL.name, ctx.span_of(spawn.expr), "spawned thread loops forever and nothing can stop it")
                .note(ctx.span(endless.keyword), loop_note)
                .note_plain("a thread cannot be cancelled from outside: keeping its JoinHandle does not stop it; observe a stop flag or a shutdown channel in the loop")
                .help(HELP),
            SpawnKind::Task | SpawnKind::Blocking => {
                if let Some(runtime) = spawn.runtime {
                    if ctx.runtime_is_owned(runtime, ancestors) {
                        return;
                    }
                }
                let (at, note) = match ctx.handle_disposition(spawn.expr, ancestors) {
                    _ if spawn.detached => (method_name_span(spawn.expr), "`.detach()` gives up the task's handle"),
                    Handle::Kept => return,
                    Handle::Discarded { at, note } => (at, note),
                };
                Finding::new(SPAWN_WITHOUT_CANCEL.name, ctx.span_of(spawn.expr), "spawned task loops forever and nothing can cancel it")
                    .note(ctx.span(endless.keyword), loop_note)
                    .note(ctx.span(at), note)
                    .help(HELP)
            }
        };
        findings.push(finding);
    });
    findings
}

/// The span of a method call's name (`detach` in `….detach()`).
fn method_name_span(expr: &syn::Expr) -> proc_macro2::Span {
    match expr {
        syn::Expr::MethodCall(m) => m.method.span(),
        other => syn::spanned::Spanned::span(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of this rule's findings in `src` under `options`.
    fn lines(src: &str, options: &LintOptions) -> Vec<usize> {
        let file = syn::parse_file(src).expect("ui test parses");
        let ctx = FileContext::new(&file, src);
        check(&ctx, options).iter().map(|f| f.span.start.line).collect()
    }

    #[test]
    fn process_lifetime_is_reported_on_request() {
        let src = include_str!("../../ui-tests/spawn_without_cancel/ok_process_lifetime.rs");
        assert_eq!(lines(src, &LintOptions::default()), Vec::<usize>::new());
        let report = LintOptions {
            report_process_lifetime: true,
            ..LintOptions::default()
        };
        // The Lazy, LazyLock, lazy_static! and get_or_init threads, the
        // worker of `main` and the one started from a closure in `main`.
        assert_eq!(lines(src, &report), vec![11, 21, 33, 46, 60, 69]);
    }

    #[test]
    fn main_must_be_at_the_top_of_the_file() {
        let src = "mod cli {\n    pub fn main() {\n        std::thread::spawn(|| loop { tick(); });\n    }\n}\n\
                   fn main() {\n    std::thread::spawn(|| loop { tick(); });\n    fn helper() {\n        std::thread::spawn(|| loop { tick(); });\n    }\n}\n";
        assert_eq!(lines(src, &LintOptions::default()), vec![3, 9]);
    }
}
