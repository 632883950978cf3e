use syn::visit::Visit;
use syn::{Expr, Stmt};

use crate::context::bindings::pat_ident;
use crate::context::loops::names_in;
use crate::context::spawn::{Handle, SpawnKind, TaskBody};
use crate::context::Node;
use crate::macros::MacroBody;
use crate::{FileContext, Finding, LintOptions};

crate::declare_lint! {
    /// ### What it does
    /// Flags a spawn call inside an endless loop (`loop { … }` / `while true
    /// { … }` that nothing leaves) or an accept loop (a loop that awaits
    /// `listener.accept()` or `incoming.next()`, including `while let Ok(..)
    /// = listener.accept().await`, an `accept()` raced as a `select!` branch,
    /// and `for stream in listener.incoming()`) when the loop has no
    /// concurrency bound: no `Semaphore` `acquire*` / `try_acquire*`, no
    /// permit moved into the task, no length check of a `JoinSet` (or of any
    /// collection of tasks), no `buffer_unordered` / `for_each_concurrent`.
    /// Keeping the handles (`handles.push(tokio::spawn(…))`) is not a bound.
    ///
    /// ### Why is this bad
    /// Every connection or every turn starts a task, and nothing waits for
    /// the old ones before starting new ones. Under load, or when the tasks
    /// stall on a slow peer, the number of tasks, their memory and their file
    /// descriptors grow without limit until the process runs out of one of
    /// them (the Go version of this incident: a goroutine count climbing from
    /// 1,200 to 18,500).
    ///
    /// ### Known problems
    /// The check is syntactic and only the innermost loop around the spawn
    /// counts: a spawn in a `for` or `while let … recv()` loop nested in an
    /// accept loop is not flagged. Any method or fn whose name starts with
    /// `acquire` or `try_acquire` anywhere in the loop (also inside the
    /// spawned task, or in the body of a task fn of this file) counts as a
    /// permit, as does any name containing `permit` mentioned in the spawn's
    /// argument. A comparison anywhere in the loop with `.len()`,
    /// `.available_permits()`, an atomic `.load(…)`, or a method, field or
    /// variable whose name speaks of a count of running work (`count`,
    /// `connections`, `active`, `inflight`, `running`, `num_`, as in
    /// `endpoint.open_connections() >= limit`) counts as a length check.
    /// Awaiting (or `join()`ing) the handle in the same iteration runs one
    /// task at a time and is a bound. An accept loop is recognised by an
    /// awaited or `select!`-raced `.accept()`, an awaited `.next()` on a
    /// value whose name contains `incoming` or `listener`, a non-awaited
    /// `.accept()` on a value whose name contains `listener`, or a `for` over
    /// `….incoming()`; any other `for` loop runs a known number of turns and
    /// is left alone. Spawns inside closures in the loop are not considered.
    /// A `loop` that receives from a channel on every turn
    /// (`loop { let job = rx.recv().await.unwrap(); tokio::spawn(…); }`) is an
    /// endless loop in the spec's vocabulary and is flagged, unlike
    /// `while let Some(job) = rx.recv().await`, which ends with the channel.
    ///
    /// ### Example
    /// ```rust,ignore
    /// loop {
    ///     let (socket, _) = listener.accept().await?;
    ///     tokio::spawn(async move { serve(socket).await });
    /// }
    /// ```
    ///
    /// ### Use instead
    /// ```rust,ignore
    /// let limit = Arc::new(Semaphore::new(1024));
    /// loop {
    ///     let permit = limit.clone().acquire_owned().await?;
    ///     let (socket, _) = listener.accept().await?;
    ///     tokio::spawn(async move {
    ///         serve(socket).await;
    ///         drop(permit);
    ///     });
    /// }
    /// ```
    pub SPAWN_IN_LOOP_UNBOUNDED,
    name: "spawn_in_loop_unbounded",
    level: Warn,
    summary: "an accept loop or endless loop spawns tasks with no limit on how many run at once",
    trigger_words: &["spawn", "spawn_local", "spawn_blocking"],
    // An endless loop (`loop`, `while true`) or an accept loop (`while let …
    // accept()`, `for … in listener.incoming()`).
    requires: &[&["loop", "while", "incoming"]],
    check: check,
}

const HELP: &str = "acquire a `Semaphore` permit before spawning (`let permit = sem.clone().acquire_owned().await?`) and move it into the task, or keep the tasks in a `JoinSet` and `join_next().await` when `set.len()` reaches a limit";

/// Stream adapters that bound how many futures run at once.
const BOUNDING_ADAPTERS: &[&str] = &[
    "buffer_unordered",
    "buffered",
    "for_each_concurrent",
    "try_for_each_concurrent",
    "try_buffer_unordered",
    "try_buffered",
];

/// Methods whose result, compared, is a count of running work.
const COUNT_METHODS: &[&str] = &["len", "available_permits", "load"];

/// Words that mark a method, field or variable as a count of running work
/// (`open_connections()`, `self.active`, `in_flight`), matched inside names.
const COUNT_WORDS: &[&str] = &[
    "count",
    "connections",
    "active",
    "inflight",
    "in_flight",
    "running",
    "num_",
];

fn check(ctx: &FileContext<'_>, options: &LintOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    ctx.walk_exprs(|expr, ancestors| {
        let Some(spawn) = ctx.spawn_call(expr, ancestors, options) else { return };
        let Some((loop_expr, keyword, accept)) = innermost_loop(ctx, ancestors) else { return };
        if !accept && !ctx.is_endless_loop(loop_expr) {
            return;
        }
        if has_bound(ctx, loop_expr) || moves_permit(spawn.arg) || task_acquires(ctx, spawn.arg, ancestors) {
            return;
        }
        if handle_awaited(ctx, expr, ancestors) {
            return;
        }
        let what = if spawn.kind == SpawnKind::Thread { "thread" } else { "task" };
        let (message, loop_note) = if accept {
            (
                format!("a {what} is spawned for every accepted connection with no limit on how many run at once"),
                "this loop accepts connections for as long as they come",
            )
        } else {
            (
                format!("a {what} is spawned on every turn of an endless loop with no limit on how many run at once"),
                "this loop never ends",
            )
        };
        let mut finding = Finding::new(SPAWN_IN_LOOP_UNBOUNDED.name, ctx.span_of(spawn.expr), message)
            .note(ctx.span(keyword), loop_note);
        if matches!(ctx.handle_disposition(expr, ancestors), Handle::Kept) {
            finding = finding.note_plain(format!("keeping the JoinHandle does not limit how many {what}s run at once"));
        }
        findings.push(finding.help(HELP));
    });
    findings
}

/// The innermost loop around an expression in the same body (not across a
/// closure, async block or item), its keyword, and whether it is an accept loop.
fn innermost_loop<'v>(
    ctx: &FileContext<'_>,
    ancestors: &[Node<'v>],
) -> Option<(&'v Expr, proc_macro2::Span, bool)> {
    for node in ancestors.iter().rev() {
        match node {
            Node::Expr(e) => {
                let keyword = match e {
                    Expr::Closure(_) | Expr::Async(_) => return None,
                    Expr::Loop(l) => l.loop_token.span,
                    Expr::While(w) => w.while_token.span,
                    Expr::ForLoop(f) => f.for_token.span,
                    _ => continue,
                };
                return Some((e, keyword, is_accept_loop(ctx, e)));
            }
            node if node.is_item() => return None,
            _ => {}
        }
    }
    None
}

/// Whether a loop accepts connections: it awaits (or races in a `select!`)
/// `.accept()` / `incoming.next()`, or iterates `listener.incoming()`.
fn is_accept_loop(ctx: &FileContext<'_>, loop_expr: &Expr) -> bool {
    let mut finder = AcceptFinder { ctx, found: false };
    match loop_expr {
        Expr::Loop(l) => finder.visit_block(&l.body),
        Expr::While(w) => {
            finder.visit_expr(&w.cond);
            finder.visit_block(&w.body);
        }
        // A `for` loop runs a known number of turns unless it iterates a
        // listener's endless `incoming()`.
        Expr::ForLoop(f) => {
            return matches!(strip(&f.expr), Expr::MethodCall(m) if m.method == "incoming" && m.args.is_empty())
        }
        _ => {}
    }
    finder.found
}

fn strip(e: &Expr) -> &Expr {
    match e {
        Expr::Paren(p) => strip(&p.expr),
        Expr::Reference(r) => strip(&r.expr),
        other => other,
    }
}

fn names_listener(receiver: &Expr, words: &[&str]) -> bool {
    names_in(receiver).iter().any(|n| {
        let lower = n.to_ascii_lowercase();
        words.iter().any(|w| lower.contains(w))
    })
}

/// An `accept()` / `incoming.next()` future (awaited or raced).
fn is_accept_future(e: &Expr) -> bool {
    match strip(e) {
        Expr::MethodCall(m) if m.args.is_empty() => {
            m.method == "accept"
                || (m.method == "next" && names_listener(&m.receiver, &["incoming", "listener"]))
        }
        _ => false,
    }
}

struct AcceptFinder<'c, 'a> {
    ctx: &'c FileContext<'a>,
    found: bool,
}

impl<'ast> Visit<'ast> for AcceptFinder<'_, '_> {
    fn visit_expr(&mut self, e: &'ast Expr) {
        if self.found {
            return;
        }
        match e {
            Expr::Await(a) if is_accept_future(&a.base) => {
                self.found = true;
                return;
            }
            // A blocking std accept: `listener.accept()`.
            Expr::MethodCall(m)
                if m.method == "accept"
                    && m.args.is_empty()
                    && names_listener(&m.receiver, &["listener"]) =>
            {
                self.found = true;
                return;
            }
            _ => {}
        }
        syn::visit::visit_expr(self, e);
    }

    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}

    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}

    fn visit_item(&mut self, _: &'ast syn::Item) {}

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let ctx = self.ctx;
        if let MacroBody::Select(select) = ctx.macro_body(mac) {
            if select.branches.iter().any(|b| is_accept_future(&b.future)) {
                self.found = true;
                return;
            }
        }
        ctx.visit_macro_body(mac, self);
    }
}

/// Whether the loop bounds its concurrency: a permit acquired, a count compared, a bounding adapter.
fn has_bound(ctx: &FileContext<'_>, loop_expr: &Expr) -> bool {
    struct BoundFinder<'c, 'a> {
        ctx: &'c FileContext<'a>,
        found: bool,
    }
    impl<'ast> Visit<'ast> for BoundFinder<'_, '_> {
        fn visit_expr(&mut self, e: &'ast Expr) {
            if self.found {
                return;
            }
            match e {
                Expr::MethodCall(m) => {
                    let method = m.method.to_string();
                    if is_acquire(&method) || BOUNDING_ADAPTERS.contains(&method.as_str()) {
                        self.found = true;
                        return;
                    }
                }
                Expr::Call(c) => {
                    if let Expr::Path(p) = &*c.func {
                        if p.path
                            .segments
                            .last()
                            .is_some_and(|s| is_acquire(&s.ident.to_string()))
                        {
                            self.found = true;
                            return;
                        }
                    }
                }
                Expr::Binary(b)
                    if is_comparison(&b.op) && (is_count(&b.left) || is_count(&b.right)) =>
                {
                    self.found = true;
                    return;
                }
                _ => {}
            }
            syn::visit::visit_expr(self, e);
        }

        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            let ctx = self.ctx;
            ctx.visit_macro_body(mac, self);
        }
    }
    let mut finder = BoundFinder { ctx, found: false };
    finder.visit_expr(loop_expr);
    finder.found
}

fn is_acquire(name: &str) -> bool {
    name.starts_with("acquire") || name.starts_with("try_acquire")
}

fn is_comparison(op: &syn::BinOp) -> bool {
    matches!(
        op,
        syn::BinOp::Lt(_)
            | syn::BinOp::Le(_)
            | syn::BinOp::Gt(_)
            | syn::BinOp::Ge(_)
            | syn::BinOp::Eq(_)
            | syn::BinOp::Ne(_)
    )
}

fn is_count(e: &Expr) -> bool {
    let counts = |name: String| {
        let lower = name.to_ascii_lowercase();
        COUNT_WORDS.iter().any(|w| lower.contains(w))
    };
    match strip(e) {
        Expr::MethodCall(m) => {
            COUNT_METHODS.contains(&m.method.to_string().as_str()) || counts(m.method.to_string())
        }
        Expr::Field(f) => matches!(&f.member, syn::Member::Named(n) if counts(n.to_string())),
        Expr::Path(p) => p
            .path
            .segments
            .last()
            .is_some_and(|s| counts(s.ident.to_string())),
        _ => false,
    }
}

/// Whether a name containing `permit` is moved into the task.
fn moves_permit(arg: &Expr) -> bool {
    names_in(arg)
        .iter()
        .any(|n| n.to_ascii_lowercase().contains("permit"))
}

/// Whether the task body is a fn of this file that acquires a permit itself.
fn task_acquires<'v>(ctx: &'v FileContext<'_>, arg: &'v Expr, ancestors: &[Node<'v>]) -> bool {
    let Some(task) = ctx.task_body(arg, ancestors) else {
        return false;
    };
    let TaskBody::Fn(block) = task.body else {
        return false;
    };
    let mut found = false;
    struct Acquires<'f>(&'f mut bool);
    impl<'ast> Visit<'ast> for Acquires<'_> {
        fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
            if is_acquire(&m.method.to_string()) {
                *self.0 = true;
            }
            syn::visit::visit_expr_method_call(self, m);
        }
    }
    Acquires(&mut found).visit_block(block);
    found
}

/// Whether the spawned task is awaited (or its thread joined) in the same
/// iteration: `spawn(…).await`, or `let h = spawn(…); … h.await`.
fn handle_awaited(ctx: &FileContext<'_>, expr: &Expr, ancestors: &[Node<'_>]) -> bool {
    let mut current = expr;
    for (i, node) in ancestors.iter().enumerate().rev() {
        match node {
            Node::Expr(Expr::Await(_)) => return true,
            Node::Expr(Expr::MethodCall(m))
                if std::ptr::eq(&*m.receiver, current) && m.method == "join" =>
            {
                return true
            }
            Node::Expr(p @ (Expr::Paren(_) | Expr::Try(_))) => current = p,
            Node::Expr(p @ Expr::MethodCall(m))
                if std::ptr::eq(&*m.receiver, current)
                    && (m.method == "unwrap" || m.method == "expect") =>
            {
                current = p
            }
            Node::Local(local) => {
                let Some(name) = pat_ident(&local.pat) else {
                    return false;
                };
                let Some(rest) = ctx.stmts_after(&ancestors[..i]) else {
                    return false;
                };
                return ctx
                    .mentions_in_stmts(rest, &name.to_string())
                    .iter()
                    .any(|m| {
                        let end = ctx.span(m.span).end.byte;
                        let after = ctx.source.get(end..).unwrap_or("").trim_start();
                        after.starts_with(".await") || after.starts_with(".join()")
                    });
            }
            Node::Stmt(Stmt::Expr(..)) => return false,
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn ui_inputs() {
        crate::ui_inputs::assert_counts(
            &super::SPAWN_IN_LOOP_UNBOUNDED,
            &[
                ("flag_accept_loops.rs", 7),
                ("flag_threads_and_endless.rs", 4),
                ("ok_bounded.rs", 0),
                ("ok_loops_that_end.rs", 0),
                ("flag_audit_service.rs", 6),
                ("ok_audit_service.rs", 0),
            ],
        );
    }
}
