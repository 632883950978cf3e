use crate::context::races::Race;
use crate::{FileContext, Finding, LintOptions};

crate::declare_lint! {
    /// ### What it does
    /// Flags a `tokio::process::Command` whose child is spawned or awaited
    /// (`.spawn()`, `.output()`, `.status()`, including
    /// `.spawn()?.wait_with_output()`) inside the future given to
    /// `tokio::time::timeout(…)` / `timeout_at(…)` or inside a `select!`
    /// branch future, when neither the builder chain nor the binding the
    /// builder came from (in the same function) sets `.kill_on_drop(true)`.
    ///
    /// ### Why is this bad
    /// tokio does not kill a child process when its `Child` (or the
    /// `output()` / `status()` future holding it) is dropped: `kill_on_drop`
    /// defaults to `false`. When the timeout elapses, or another `select!`
    /// branch wins, the future is dropped and the process keeps running,
    /// unwatched and never reaped. It is Go's `exec.CommandContext` without
    /// the kill: every timed-out call leaves a process behind.
    ///
    /// ### Known problems
    /// leaklint has no types: the builder must be visibly created by
    /// `tokio::process::Command::new(…)` (resolved through the file's `use`
    /// items) in the same function, either in the chain itself or in a
    /// `let` binding the chain starts from (`let mut cmd = Command::new(…);
    /// cmd.arg(…); … timeout(d, cmd.output())`); any call on that binding in
    /// the function counts, wherever it is. A builder returned by another
    /// function, taken as a parameter or from a field, lent out with
    /// `&mut cmd`, or reassigned from an unknown value, is not judged.
    /// `kill_on_drop(false)` counts as missing; `kill_on_drop(flag)` with a
    /// non-literal argument counts as set. Only the call written inside the
    /// raced future is judged: a child spawned before the timeout and only
    /// waited on inside it (`timeout(d, child.wait())`) is not reported, nor
    /// is an `output()` future bound to a name first and raced later.
    /// A spawn call between the timeout and the command (a task spawned
    /// inside the future) ends the search: that task is not dropped.
    ///
    /// ### Example
    /// ```rust,ignore
    /// let mut cmd = tokio::process::Command::new("ffmpeg");
    /// cmd.arg("-i").arg(&input);
    /// let out = tokio::time::timeout(Duration::from_secs(30), cmd.output()).await??;
    /// ```
    ///
    /// ### Use instead
    /// ```rust,ignore
    /// let mut cmd = tokio::process::Command::new("ffmpeg");
    /// cmd.arg("-i").arg(&input).kill_on_drop(true);
    /// let out = tokio::time::timeout(Duration::from_secs(30), cmd.output()).await??;
    /// ```
    pub CHILD_WITHOUT_KILL_ON_DROP,
    name: "child_without_kill_on_drop",
    level: Warn,
    summary: "a tokio child process raced by a timeout or select! keeps running when the future is dropped",
    trigger_words: &["Command"],
    check: check,
}

const HELP: &str =
    "call `.kill_on_drop(true)` on the `Command` so the child is killed when the future is dropped";

/// The methods that start the child.
const CHILD_METHODS: &[&str] = &["spawn", "output", "status"];

fn check(ctx: &FileContext<'_>, options: &LintOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    ctx.walk_exprs(|expr, ancestors| {
        let syn::Expr::MethodCall(call) = expr else { return };
        if !call.args.is_empty() || !CHILD_METHODS.iter().any(|m| call.method == m) {
            return;
        }
        let Some(race) = ctx.enclosing_race(expr, ancestors, options) else { return };
        let Some(builder) =
            ctx.builder_origin(&call.receiver, ancestors, &["tokio::process::Command::new"])
        else {
            return;
        };
        let mut disabled = None;
        for kill in builder.calls_named("kill_on_drop") {
            match kill.args.first() {
                Some(syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Bool(b), .. })) if !b.value => {
                    disabled = Some(kill);
                }
                _ => return,
            }
        }
        let (message, race_span, race_note) = match race {
            Race::Timeout(t) => (
                "child process started inside a `timeout(…)` without `kill_on_drop(true)` keeps running when the timeout drops it",
                ctx.span_of(t),
                "when this timeout elapses the future is dropped, and the child with it, but the process is not killed",
            ),
            Race::Select(m) => (
                "child process started in a `select!` branch without `kill_on_drop(true)` keeps running when another branch wins",
                ctx.span_of(m),
                "when another branch of this `select!` completes first the future is dropped, but the process is not killed",
            ),
        };
        let mut finding = Finding::new(CHILD_WITHOUT_KILL_ON_DROP.name, ctx.span_of(expr), message)
            .note(race_span, race_note);
        finding = match disabled {
            Some(kill) => finding.note(ctx.span_of(kill), "`kill_on_drop(false)` is tokio's default: the child outlives its handle"),
            None => finding.note(
                ctx.span_of(builder.constructor),
                "the `Command` is built here without `.kill_on_drop(true)` (tokio's default is `false`)",
            ),
        };
        findings.push(finding.help(HELP));
    });
    findings
}
