use std::collections::HashSet;

use crate::context::paths::{self, SELECT_MACROS, TIMEOUT_CALLS, TOKIO_COMMAND_NEW};
use crate::Triggers;
use syn::visit::Visit;
use syn::Expr;

use crate::context::bindings::pat_ident;
use crate::context::chains::{method_chain, path_ident};
use crate::context::races::Race;
use crate::context::Node;
use crate::{FileContext, Finding, LintOptions};

crate::declare_lint! {
    /// ### What it does
    /// Flags a `tokio::process::Command` whose child is spawned or awaited
    /// (`.spawn()`, `.output()`, `.status()`, including
    /// `.spawn()?.wait_with_output()`) inside the future given to
    /// `tokio::time::timeout(…)` / `timeout_at(…)` or inside a `select!`
    /// branch future (written there, or bound to a name first and given by
    /// value: `let run = cmd.status(); timeout(d, run)`), when neither the
    /// builder chain nor the binding the builder came from (in the same
    /// function) sets `.kill_on_drop(true)`.
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
    /// `&mut cmd`, or reassigned from an unknown value, is not judged; nor
    /// is a `timeout(…)` around a call of a fn of the crate that runs the
    /// command (`timeout(d, run_git(args))`): the fn is not followed.
    /// `kill_on_drop(false)` counts as missing; `kill_on_drop(flag)` with a
    /// non-literal argument counts as set. A child spawned before the race
    /// (`let mut child = cmd.spawn()?;`, also taken out of the spawn's
    /// `Result` by `let Ok(child) = cmd.spawn() else { … }` or a `match`
    /// whose error arm leaves) and awaited inside it is reported
    /// at its `.spawn()` call: always for `child.wait_with_output()` (the
    /// child moves into the future, nothing is left to kill), and for
    /// `child.wait()` only when the function calls neither `child.kill()` nor
    /// `child.start_kill()` from the race on (an explicit kill on the
    /// timeout path, in the losing branch, in the `Err` arm or after the
    /// race, is taken as handling it; a kill written before the race, on
    /// another path, is not) and never moves the child on: stored (`self.child =
    /// Some(child)`), returned, or handed to a call other than `drop`, it
    /// outlives the race with an owner that may kill it (a sidecar started,
    /// raced against its port opening, and kept for a later `stop()`).
    /// Nor is a `child.wait()` raced in a `loop` whose losing side stays in
    /// the loop (a ticker's `select!` branch that only logs, the `Err` arm
    /// of `match timeout(d, child.wait()).await`): losing drops the wait,
    /// which borrows the child, and the next turn waits again. It is
    /// reported when a losing side may leave the loop (`return`, `break`,
    /// `?`), and when the timeout's result is used otherwise than by a
    /// `match` or `if let Ok(…)` around it.
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
    triggers: triggers,
    check: check,
}

/// tokio's `Command::new`, raced in a timeout or a `select!` branch.
fn triggers() -> Triggers {
    let mut races = paths::spelled(&[TIMEOUT_CALLS]);
    races.extend(paths::macro_calls(SELECT_MACROS));
    Triggers::new(paths::spelled(&[TOKIO_COMMAND_NEW]))
        .requiring(paths::crate_names(&[TOKIO_COMMAND_NEW]))
        .requiring(races)
}

const HELP: &str =
    "call `.kill_on_drop(true)` on the `Command` so the child is killed when the future is dropped";

/// The methods that start the child.
const CHILD_METHODS: &[&str] = &["spawn", "output", "status"];

/// `Child` methods that wait for it; `wait_with_output` takes the child by value.
const WAIT_METHODS: &[&str] = &["wait", "wait_with_output"];

/// Methods that kill a child explicitly.
const KILL_METHODS: &[&str] = &["kill", "start_kill"];

fn check(ctx: &FileContext<'_>, options: &LintOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut reported = HashSet::new();
    ctx.walk_exprs(|expr, ancestors| {
        let syn::Expr::MethodCall(call) = expr else { return };
        if !call.args.is_empty() {
            return;
        }
        let Some(race) = ctx.enclosing_race(expr, ancestors, options) else { return };
        // The call that starts the child, and the wait on it when that is
        // what is raced (`let child = cmd.spawn()?; timeout(d, child.wait())`).
        let (start, waited) = if CHILD_METHODS.iter().any(|m| call.method == m) {
            (call, None)
        } else if WAIT_METHODS.iter().any(|m| call.method == m) {
            let Some(spawn) = spawned_child(ctx, call, ancestors, &race) else { return };
            if call.method == "wait" && waits_again_after_losing(ctx, &race, expr, ancestors) {
                return;
            }
            (spawn, Some(call))
        } else {
            return;
        };
        let Some(builder) =
            ctx.builder_origin(&start.receiver, ancestors, TOKIO_COMMAND_NEW)
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
        let span = ctx.span_of(start);
        if !reported.insert(span) {
            return;
        }
        let verb = if waited.is_some() { "awaited" } else { "started" };
        let (message, race_span, race_note) = match race {
            Race::Timeout(t) => (
                format!("child process {verb} inside a `timeout(…)` without `kill_on_drop(true)` keeps running when the timeout drops it"),
                ctx.span_of(&t.func),
                "when this timeout elapses the future is dropped, and the child with it, but the process is not killed",
            ),
            Race::Select(m) => (
                format!("child process {verb} in a `select!` branch without `kill_on_drop(true)` keeps running when another branch wins"),
                ctx.span_between(&m.path, &m.bang_token),
                "when another branch of this `select!` completes first the future is dropped, but the process is not killed",
            ),
        };
        let mut finding = Finding::new(CHILD_WITHOUT_KILL_ON_DROP.name, span, message)
            .note(race_span, race_note);
        if let Some(wait) = waited {
            finding = finding.note(ctx.span_of(wait), "the child is awaited here, inside the raced future");
        }
        finding = match disabled {
            Some(kill) => finding.note(
                crate::Span {
                    start: ctx.span(kill.method.span()).start,
                    end: ctx.span(kill.paren_token.span.close()).end,
                },
                "`kill_on_drop(false)` is tokio's default: the child outlives its handle",
            ),
            None => finding.note(
                ctx.span_of(builder.constructor),
                "the `Command` is built here without `.kill_on_drop(true)` (tokio's default is `false`)",
            ),
        };
        findings.push(finding.help(HELP));
    });
    findings
}

/// For `child.wait()` / `child.wait_with_output()`: the `.spawn()` call that
/// `child` was bound from in the same fn (`let mut child = cmd.spawn()?;`).
/// `None` when the child is killed explicitly from the race on (the
/// author handles the timeout path: in the losing branch, in the `Err` arm,
/// after it) and it is only borrowed by the wait. A kill before the race
/// (on a fatal line of the child's output) does not handle it.
fn spawned_child<'v>(
    ctx: &'v FileContext<'_>,
    wait: &'v syn::ExprMethodCall,
    ancestors: &[Node<'v>],
    race: &Race<'_>,
) -> Option<&'v syn::ExprMethodCall> {
    let child = path_ident(&wait.receiver)?;
    // `let child = …;`, or the success of a `let Ok(child) = … else`, an
    // `if let Ok(child) = …` or a `match` arm `Ok(child) =>`.
    let mut init = match ctx.let_binding(child, ancestors) {
        Some(local) if pat_ident(&local.pat).is_some() => &*local.init.as_ref()?.expr,
        _ => ctx.unwrapped_from(child, ancestors)?,
    };
    let spawn = loop {
        match init {
            syn::Expr::Try(t) => init = &t.expr,
            syn::Expr::Paren(p) => init = &p.expr,
            // `match cmd.spawn() { Ok(c) => c, Err(e) => return … }`
            syn::Expr::Match(m) => init = crate::context::scopes::unwrapping_match(m)?,
            syn::Expr::MethodCall(m) if m.method == "unwrap" || m.method == "expect" => {
                init = &m.receiver
            }
            syn::Expr::MethodCall(m) if m.method == "spawn" && m.args.is_empty() => break m,
            _ => return None,
        }
    };
    if wait.method == "wait" {
        let body = crate::context::threads::enclosing_fn_body(ancestors)?;
        let mut finder = KillFinder {
            ctx,
            child: ctx.binding_of_use(child)?,
            kills_from: race.start(),
            found: false,
        };
        finder.visit_block(body);
        if finder.found {
            return None;
        }
    }
    Some(spawn)
}

/// Whether a `child.wait()` raced in a `loop` is waited for again when it
/// loses: the race is in the loop's body (in the same fn), and whatever
/// runs when the other side wins stays in the loop (`select!` with a
/// ticker whose branch only logs; `match timeout(d, child.wait()).await`
/// whose `Err` arm only logs). The wait borrows the child, so losing drops
/// the wait, not the child, and the next turn waits again: a progress
/// loop around a long job. A losing side that may leave the loop
/// (`return`, `break`, `?`) drops the child with the process running.
fn waits_again_after_losing<'v>(
    ctx: &FileContext<'_>,
    race: &Race<'v>,
    wait: &'v Expr,
    ancestors: &[Node<'v>],
) -> bool {
    let at = ancestors.iter().rposition(|n| match (n, race) {
        (Node::Expr(Expr::Call(c)), Race::Timeout(t)) => std::ptr::eq(c, *t),
        (Node::Macro(m), Race::Select(r)) => std::ptr::eq(*m, *r),
        _ => false,
    });
    let Some(at) = at else { return false };
    // The loop around the race, in the same fn and task.
    let in_loop = ancestors[..at].iter().rev().find_map(|n| match n {
        Node::Expr(Expr::Loop(_)) => Some(true),
        Node::Expr(Expr::Closure(_) | Expr::Async(_) | Expr::While(_) | Expr::ForLoop(_))
        | Node::ItemFn(_)
        | Node::ImplFn(_)
        | Node::TraitFn(_) => Some(false),
        _ => None,
    });
    if in_loop != Some(true) {
        return false;
    }
    match race {
        Race::Select(mac) => {
            let crate::macros::MacroBody::Select(select) = ctx.macro_body(mac) else {
                return false;
            };
            let holds_wait = |future: &Expr| {
                std::ptr::eq(wait, future)
                    || (ancestors.iter())
                        .any(|n| matches!(n, Node::Expr(e) if std::ptr::eq(*e, future)))
            };
            let losers = (select.branches.iter())
                .filter(|b| !holds_wait(&b.future))
                .map(|b| &b.handler);
            !losers
                .chain(&select.else_branches)
                .any(|h| ctx.may_leave_loop(h))
        }
        // `match timeout(d, child.wait()).await { Ok(s) => …, Err(_) => … }`
        // or `if let Ok(s) = timeout(…).await { … } else { … }`.
        Race::Timeout(_) => {
            let (Some(Node::Expr(awaited @ Expr::Await(_))), Some(Node::Expr(outer))) = (
                ancestors.get(at.wrapping_sub(1)),
                ancestors.get(at.wrapping_sub(2)),
            ) else {
                return false;
            };
            let is_ok =
                |p: &syn::Pat| matches!(p, syn::Pat::TupleStruct(t) if t.path.is_ident("Ok"));
            match outer {
                Expr::Match(m) if std::ptr::eq(&*m.expr, *awaited) => m
                    .arms
                    .iter()
                    .filter(|arm| !is_ok(&arm.pat))
                    .all(|arm| !ctx.may_leave_loop(&arm.body)),
                Expr::Let(l) if std::ptr::eq(&*l.expr, *awaited) && is_ok(&l.pat) => {
                    match ancestors.get(at.wrapping_sub(3)) {
                        Some(Node::Expr(Expr::If(i))) if std::ptr::eq(&*i.cond, *outer) => i
                            .else_branch
                            .as_ref()
                            .is_none_or(|(_, e)| !ctx.may_leave_loop(e)),
                        _ => false,
                    }
                }
                _ => false,
            }
        }
    }
}

/// Finds `child.kill()` / `child.start_kill()` in a fn body, macros
/// included, or the child moved on as a value: stored (`self.child =
/// Some(child)`, `Sidecar { child }`), returned or handed to a call other
/// than `drop`, whose receiver then owns the process (a sidecar started and
/// kept for a later `stop()`).
struct KillFinder<'c, 'a> {
    ctx: &'c FileContext<'a>,
    child: crate::context::BindingId,
    /// Where the race starts: only a kill from there on handles it.
    kills_from: proc_macro2::LineColumn,
    found: bool,
}

impl KillFinder<'_, '_> {
    /// Whether `e` is the child itself, as a value (`Some(child)` and the
    /// like are calls, seen by `visit_expr_call`).
    fn is_child(&self, e: &Expr) -> bool {
        matches!(e, Expr::Path(p) if p.path.get_ident().is_some())
            && self.ctx.binding_of_expr(e) == Some(self.child)
    }
}

impl<'ast> Visit<'ast> for KillFinder<'_, '_> {
    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        if KILL_METHODS.iter().any(|k| m.method == k)
            && m.method.span().start() >= self.kills_from
            && self.ctx.binding_of_expr(method_chain(&m.receiver).root) == Some(self.child)
        {
            self.found = true;
        }
        self.found |= m.args.iter().any(|a| self.is_child(a));
        syn::visit::visit_expr_method_call(self, m);
    }

    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        if !self.ctx.callee_is(&c.func, &["std::mem::drop"]) {
            self.found |= c.args.iter().any(|a| self.is_child(a));
        }
        syn::visit::visit_expr_call(self, c);
    }

    fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
        self.found |= self.is_child(&a.right);
        syn::visit::visit_expr_assign(self, a);
    }

    fn visit_expr_struct(&mut self, s: &'ast syn::ExprStruct) {
        self.found |= s.fields.iter().any(|f| self.is_child(&f.expr));
        syn::visit::visit_expr_struct(self, s);
    }

    fn visit_expr_return(&mut self, r: &'ast syn::ExprReturn) {
        self.found |= r.expr.as_deref().is_some_and(|e| self.is_child(e));
        syn::visit::visit_expr_return(self, r);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.ctx.visit_macro_body(mac, self);
    }
}
