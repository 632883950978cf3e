use proc_macro2::TokenTree;
use syn::visit::Visit;
use syn::{Expr, Stmt};

use crate::macros::{self, MacroBody};
use crate::{FileContext, Finding, LintOptions};

crate::declare_lint! {
    /// ### What it does
    /// Flags an endless loop (`loop { … }` or `while true { … }` that nothing
    /// leaves) whose only waiting is a non-blocking poll — `try_recv()`,
    /// `try_lock()`, `try_read()`, `try_write()`, `try_send()`,
    /// `try_acquire()`, or a `select!` with a `default` / `else` branch — when
    /// a path on which the poll found nothing comes back to the start of the
    /// loop without waiting: without an `.await` of anything else, a sleep
    /// (`tokio::time::sleep`, `std::thread::sleep`), `yield_now()`, a blocking
    /// `recv()` / `recv_timeout()`, `park()` or a condvar `wait`.
    ///
    /// Whether every repeating path waits is decided by following the paths
    /// through the loop body: `if` / `else`, `match` arms, `continue`,
    /// nested loops and `break`s out of them, `return` and calls that never
    /// return (`panic!`, `std::process::exit`). A path on which the poll
    /// succeeded (an `Ok(..)` / `Some(..)` arm, the body of
    /// `if let Ok(x) = rx.try_recv()`, a ready `select!` branch) is doing
    /// work, not spinning, and needs no wait.
    ///
    /// ### Why is this bad
    /// When there is nothing to receive, lock or send, the loop turns around
    /// at once and polls again: it keeps a core at 100 % doing nothing, and in
    /// an async task it also starves the other tasks of its worker thread.
    /// It is Go's `for { select { …; default: } }`.
    ///
    /// ### Known problems
    /// The analysis is syntactic. The spec says a loop is flagged when "no
    /// path that repeats" waits; leaklint reads this as the paths on which the
    /// poll found nothing, since those are the ones that spin when idle: a
    /// loop that handles a message without waiting and sleeps (or yields,
    /// parks, blocks on `recv()`) when the queue is empty is not flagged,
    /// while a loop whose `Err(Empty) => continue` skips the sleep at the end
    /// of the body is. A poll's result counts as success only when matched
    /// by `Ok(..)` / `Some(..)` (`if let`, `let … else`, `while let`, `match`
    /// arms) and as failure by `Err(_)` / `Err(e)` / `None`; a result that
    /// is ignored (`let _ = tx.try_send(x);`) or matched otherwise may have
    /// found nothing. A success path is taken to be doing work also for
    /// `try_lock` / `try_acquire`, whose next poll may succeed again at once
    /// (a loop that takes and drops a free permit without waiting is missed).
    /// Any `.await` counts as a
    /// wait, and so does any call whose name is `sleep`, `yield_now`, `park`,
    /// `park_timeout` or `block_on`, and any method call named `recv`,
    /// `recv_timeout`, `recv_deadline`, `blocking_recv`, `park`,
    /// `park_timeout`, `wait`, `wait_timeout`, `wait_while`,
    /// `wait_timeout_while`, `join`, `select`, `ready`, or a blocking I/O or
    /// blocking-primitive call (`read`, `read_exact`, `read_line`,
    /// `read_to_end`, `read_to_string`, `recv_from`, `accept`, `poll`,
    /// `blocking_send`, `blocking_lock`): without types, a loop that blocks
    /// on a socket between polls cannot be told from one that spins, and
    /// leaklint prefers silence (`RwLock::read` is mistaken for a wait). A macro leaklint cannot parse is taken to wait when its
    /// tokens mention `await` or one of those names. A `select!` with an
    /// `else` branch counts as a poll: tokio runs `else` at once when every
    /// branch is disabled, so the loop spins once its sources are closed.
    /// Code in closures and async blocks that are not awaited in the loop is
    /// not part of the loop's paths.
    ///
    /// ### Example
    /// ```rust,ignore
    /// loop {
    ///     match rx.try_recv() {
    ///         Ok(event) => handle(event),
    ///         Err(_) => continue,
    ///     }
    /// }
    /// ```
    ///
    /// ### Use instead
    /// ```rust,ignore
    /// while let Some(event) = rx.recv().await {
    ///     handle(event);
    /// }
    /// ```
    pub BUSY_POLL_LOOP,
    name: "busy_poll_loop",
    level: Warn,
    summary: "an endless loop only polls with try_* or select!-default and spins a core",
    trigger_words: &[
        "try_recv",
        "try_lock",
        "try_read",
        "try_write",
        "try_send",
        "try_acquire",
        "select",
        "select_biased",
    ],
    // An endless loop is spelled `loop` or `while true`.
    requires: &[&["loop", "while"]],
    check: check,
}

const HELP: &str = "wait for the value instead of polling for it (`rx.recv().await`, `lock().await`), or sleep / yield on the path that found nothing";

/// Non-blocking polls.
const POLL_METHODS: &[&str] = &[
    "try_recv",
    "try_lock",
    "try_read",
    "try_write",
    "try_send",
    "try_acquire",
];

/// Method calls that block or wait.
const WAIT_METHODS: &[&str] = &[
    "recv",
    "recv_timeout",
    "recv_deadline",
    "blocking_recv",
    "park",
    "park_timeout",
    "wait",
    "wait_timeout",
    "wait_timeout_ms",
    "wait_while",
    "wait_timeout_while",
    "join",
    "select",
    "select_timeout",
    "ready",
    "ready_timeout",
    // Blocking I/O and blocking forms of async primitives also wait.
    "blocking_send",
    "blocking_lock",
    "read",
    "read_exact",
    "read_line",
    "read_to_end",
    "read_to_string",
    "recv_from",
    "accept",
    "poll",
];

/// Last path segments of calls that wait (`std::thread::sleep`, `tokio::task::yield_now`, …).
const WAIT_FNS: &[&str] = &[
    "sleep",
    "sleep_ms",
    "yield_now",
    "park",
    "park_timeout",
    "block_on",
];

/// Calls that never return.
const DIVERGING_FNS: &[&str] = &["std::process::exit", "std::process::abort"];

/// Macros that never return.
const DIVERGING_MACROS: &[&str] = &["panic", "unreachable", "todo", "unimplemented"];

/// A path state: reaching this point without having waited, and not yet polled.
const FRESH: u8 = 1;
/// A path state: reaching this point without having waited, after a poll.
const POLLED: u8 = 2;

fn check(ctx: &FileContext<'_>, _options: &LintOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    ctx.walk_exprs(|expr, _| {
        let (label, body, keyword) = match expr {
            Expr::Loop(l) => (l.label.as_ref(), &l.body, l.loop_token.span),
            Expr::While(w) => (w.label.as_ref(), &w.body, w.while_token.span),
            _ => return,
        };
        if !ctx.is_endless_loop(expr) {
            return;
        }
        let mut paths = Paths {
            ctx,
            frames: vec![Frame {
                label: label.map(|l| l.name.ident.to_string()),
                is_loop: true,
                continues: 0,
                breaks: 0,
            }],
        };
        let end = paths.block(&body.stmts, FRESH);
        let repeats = end | paths.frames[0].continues;
        if repeats & POLLED == 0 {
            return;
        }
        let Some(poll) = first_poll(ctx, body) else {
            return;
        };
        findings.push(
            Finding::new(
                BUSY_POLL_LOOP.name,
                ctx.span(poll),
                "this loop only polls without waiting and spins a core",
            )
            .note(
                ctx.span(keyword),
                "this loop never ends, and a path on which the poll found nothing comes back here without waiting",
            )
            .help(HELP),
        );
    });
    findings
}

/// A loop or labelled block the paths are inside, and the path states that
/// reach its `continue`s and `break`s.
struct Frame {
    label: Option<String>,
    is_loop: bool,
    continues: u8,
    breaks: u8,
}

/// Follows the paths through a loop body, tracking which of [`FRESH`] and
/// [`POLLED`] (both "not yet waited") can reach each point. A wait turns a
/// path off (state 0); a poll turns [`FRESH`] into [`POLLED`].
struct Paths<'c, 'a> {
    ctx: &'c FileContext<'a>,
    frames: Vec<Frame>,
}

fn polled(states: u8) -> u8 {
    if states & FRESH != 0 {
        (states & !FRESH) | POLLED
    } else {
        states
    }
}

impl Paths<'_, '_> {
    fn block(&mut self, stmts: &[Stmt], mut states: u8) -> u8 {
        for stmt in stmts {
            if states == 0 {
                return 0;
            }
            states = match stmt {
                Stmt::Local(local) => match &local.init {
                    Some(init) => {
                        let after = self.expr(&init.expr, states);
                        match &init.diverge {
                            Some((_, diverge)) => {
                                // The `else` of a let-else never falls through.
                                let (matched, unmatched) =
                                    split_on_pattern(&init.expr, &local.pat, after);
                                self.expr(diverge, unmatched);
                                matched
                            }
                            None => after,
                        }
                    }
                    None => states,
                },
                Stmt::Item(_) => states,
                Stmt::Expr(e, _) => self.expr(e, states),
                Stmt::Macro(m) => self.mac(&m.mac, states),
            };
        }
        states
    }

    /// The frame a `break` / `continue` with this label targets; `None` when
    /// it leaves the analysed loop altogether.
    fn target(&self, label: Option<&syn::Lifetime>) -> Option<usize> {
        match label {
            Some(l) => {
                let name = l.ident.to_string();
                self.frames
                    .iter()
                    .rposition(|f| f.label.as_deref() == Some(name.as_str()))
            }
            None => self.frames.iter().rposition(|f| f.is_loop),
        }
    }

    /// Runs a nested loop: `head` evaluates what runs before each iteration
    /// (a `while` condition, nothing for `loop`), `body` the iteration. The
    /// states leaving it are those at `head` when it stops (for `while` /
    /// `for`) plus those reaching its `break`s.
    fn nested_loop(
        &mut self,
        label: Option<&syn::Label>,
        states: u8,
        exits_at_head: bool,
        mut head: impl FnMut(&mut Self, u8) -> u8,
        mut body: impl FnMut(&mut Self, u8) -> u8,
    ) -> u8 {
        self.frames.push(Frame {
            label: label.map(|l| l.name.ident.to_string()),
            is_loop: true,
            continues: 0,
            breaks: 0,
        });
        let mut entry = states;
        let mut at_head;
        loop {
            at_head = head(self, entry);
            let end = body(self, at_head);
            let next = entry | end | self.frames.last().map_or(0, |f| f.continues);
            if next == entry {
                break;
            }
            entry = next;
        }
        let frame = self.frames.pop().expect("pushed above");
        frame.breaks | if exits_at_head { at_head } else { 0 }
    }

    fn exprs<'e>(&mut self, exprs: impl IntoIterator<Item = &'e Expr>, mut states: u8) -> u8 {
        for e in exprs {
            states = self.expr(e, states);
        }
        states
    }

    fn expr(&mut self, e: &Expr, states: u8) -> u8 {
        if states == 0 {
            return 0;
        }
        match e {
            Expr::Await(a) => {
                let after = self.expr(&a.base, states);
                if is_poll_call(strip(&a.base)) {
                    after
                } else {
                    0
                }
            }
            Expr::MethodCall(m) => {
                let mut after = self.expr(&m.receiver, states);
                after = self.exprs(&m.args, after);
                let method = m.method.to_string();
                if POLL_METHODS.contains(&method.as_str()) {
                    polled(after)
                } else if WAIT_METHODS.contains(&method.as_str()) {
                    0
                } else {
                    after
                }
            }
            Expr::Call(c) => {
                let callee = self.expr(&c.func, states);
                let after = self.exprs(&c.args, callee);
                if self.ctx.callee_is(&c.func, DIVERGING_FNS) {
                    return 0;
                }
                match &*c.func {
                    Expr::Path(p)
                        if p.path
                            .segments
                            .last()
                            .is_some_and(|s| WAIT_FNS.contains(&s.ident.to_string().as_str())) =>
                    {
                        0
                    }
                    _ => after,
                }
            }
            Expr::Macro(m) => self.mac(&m.mac, states),
            Expr::Block(b) => match &b.label {
                Some(label) => {
                    self.frames.push(Frame {
                        label: Some(label.name.ident.to_string()),
                        is_loop: false,
                        continues: 0,
                        breaks: 0,
                    });
                    let end = self.block(&b.block.stmts, states);
                    let frame = self.frames.pop().expect("pushed above");
                    end | frame.breaks
                }
                None => self.block(&b.block.stmts, states),
            },
            Expr::Unsafe(u) => self.block(&u.block.stmts, states),
            Expr::If(i) => {
                let after_cond = self.expr(&i.cond, states);
                let (into_then, into_else) = match &*i.cond {
                    Expr::Let(l) => split_on_pattern(&l.expr, &l.pat, after_cond),
                    _ => (after_cond, after_cond),
                };
                let then = self.block(&i.then_branch.stmts, into_then);
                let otherwise = match &i.else_branch {
                    Some((_, e)) => self.expr(e, into_else),
                    None => into_else,
                };
                then | otherwise
            }
            Expr::Let(l) => self.expr(&l.expr, states),
            Expr::Match(m) => {
                let after = self.expr(&m.expr, states);
                let mut out = 0;
                for arm in &m.arms {
                    let (into_arm, _) = split_on_pattern(&m.expr, &arm.pat, after);
                    let guarded = match &arm.guard {
                        Some((_, g)) => self.expr(g, into_arm),
                        None => into_arm,
                    };
                    out |= self.expr(&arm.body, guarded);
                }
                out
            }
            Expr::Loop(l) => self.nested_loop(
                l.label.as_ref(),
                states,
                false,
                |_, s| s,
                |p, s| p.block(&l.body.stmts, s),
            ),
            // `while let Ok(x) = rx.try_recv() { … }` drains: its body runs
            // only on success, and it leaves when the poll finds nothing.
            Expr::While(w)
                if matches!(&*w.cond, Expr::Let(l)
                    if pattern_outcome(&l.pat) == Outcome::Success
                        && is_poll_call(unwrap_poll(&l.expr))) =>
            {
                self.expr(&w.cond, states)
            }
            Expr::While(w) => self.nested_loop(
                w.label.as_ref(),
                states,
                true,
                |p, s| p.expr(&w.cond, s),
                |p, s| p.block(&w.body.stmts, s),
            ),
            Expr::ForLoop(f) => {
                let after = self.expr(&f.expr, states);
                self.nested_loop(
                    f.label.as_ref(),
                    after,
                    true,
                    |_, s| s,
                    |p, s| p.block(&f.body.stmts, s),
                )
            }
            Expr::Break(b) => {
                let after = match &b.expr {
                    Some(v) => self.expr(v, states),
                    None => states,
                };
                if let Some(i) = self.target(b.label.as_ref()) {
                    self.frames[i].breaks |= after;
                }
                0
            }
            Expr::Continue(c) => {
                if let Some(i) = self.target(c.label.as_ref()) {
                    self.frames[i].continues |= states;
                }
                0
            }
            Expr::Return(r) => {
                if let Some(v) = &r.expr {
                    self.expr(v, states);
                }
                0
            }
            // Not run where they are written.
            Expr::Closure(_) | Expr::Async(_) => states,
            other => {
                let mut children = Children(Vec::new());
                children.visit_expr_children(other);
                self.exprs(children.0, states)
            }
        }
    }

    fn mac(&mut self, mac: &syn::Macro, states: u8) -> u8 {
        let name = macro_name(mac);
        if DIVERGING_MACROS.contains(&name.as_str()) {
            return 0;
        }
        match self.ctx.macro_body(mac) {
            MacroBody::Select(select) => {
                if !select_has_default(mac) {
                    // The select! itself awaits its branches.
                    return 0;
                }
                let after = polled(states);
                let mut out = 0;
                // A branch runs when its future was ready: that is
                // progress, not spinning. Only the default path found nothing.
                for branch in &select.branches {
                    out |= self.expr(&branch.handler, 0);
                }
                for e in &select.else_branches {
                    out |= self.expr(e, after);
                }
                out
            }
            MacroBody::Exprs(exprs) => self.exprs(exprs, states),
            MacroBody::Stmts(stmts) => self.block(stmts, states),
            MacroBody::Statics(_) => states,
            MacroBody::Tokens => {
                let mut tokens = Vec::new();
                macros::flat_tokens(&mac.tokens, &mut tokens);
                let waits = tokens.iter().any(|t| match t {
                    TokenTree::Ident(i) => {
                        let s = i.to_string();
                        s == "await"
                            || WAIT_METHODS.contains(&s.as_str())
                            || WAIT_FNS.contains(&s.as_str())
                    }
                    _ => false,
                });
                if waits {
                    0
                } else {
                    states
                }
            }
        }
    }
}

/// The direct sub-expressions of an expression, in source order.
struct Children<'e>(Vec<&'e Expr>);

impl<'e> Children<'e> {
    fn visit_expr_children(&mut self, e: &'e Expr) {
        syn::visit::visit_expr(self, e);
    }
}

impl<'e> Visit<'e> for Children<'e> {
    fn visit_expr(&mut self, e: &'e Expr) {
        self.0.push(e);
    }

    fn visit_item(&mut self, _: &'e syn::Item) {}
}

fn macro_name(mac: &syn::Macro) -> String {
    mac.path
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default()
}

/// Whether a `select!` has a `default =>` (futures) or `else =>` (tokio) branch.
fn select_has_default(mac: &syn::Macro) -> bool {
    let tokens: Vec<TokenTree> = mac.tokens.clone().into_iter().collect();
    tokens.windows(3).any(|w| match (&w[0], &w[1], &w[2]) {
        (TokenTree::Ident(i), TokenTree::Punct(eq), TokenTree::Punct(gt)) => {
            (i == "default" || i == "else") && eq.as_char() == '=' && gt.as_char() == '>'
        }
        _ => false,
    })
}

fn strip(e: &Expr) -> &Expr {
    match e {
        Expr::Paren(p) => strip(&p.expr),
        other => other,
    }
}

/// A poll call, seen through parentheses and an `.await` (`tx.try_send(x)` of
/// some crates is async).
fn unwrap_poll(e: &Expr) -> &Expr {
    match strip(e) {
        Expr::Await(a) => strip(&a.base),
        other => other,
    }
}

/// What matching a poll's result against a pattern says about the poll.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Outcome {
    /// `Ok(..)` / `Some(..)`: the poll got something.
    Success,
    /// `Err(_)` / `Err(e)` / `None`: the poll found nothing (any error).
    Failure,
    /// Anything else (a binding, `_`, a specific error variant).
    Unknown,
}

fn pattern_outcome(pat: &syn::Pat) -> Outcome {
    match pat {
        syn::Pat::Paren(p) => pattern_outcome(&p.pat),
        syn::Pat::TupleStruct(t) => {
            let last = t.path.segments.last().map(|s| s.ident.to_string());
            match last.as_deref() {
                Some("Ok" | "Some") => Outcome::Success,
                Some("Err")
                    if t.elems.len() == 1
                        && matches!(&t.elems[0], syn::Pat::Wild(_) | syn::Pat::Ident(_)) =>
                {
                    Outcome::Failure
                }
                _ => Outcome::Unknown,
            }
        }
        syn::Pat::Ident(i) if i.ident == "None" && i.subpat.is_none() => Outcome::Failure,
        syn::Pat::Path(p) if p.path.is_ident("None") => Outcome::Failure,
        syn::Pat::Or(o) => {
            let mut cases = o.cases.iter().map(pattern_outcome);
            let first = cases.next().unwrap_or(Outcome::Unknown);
            if cases.all(|c| c == first) {
                first
            } else {
                Outcome::Unknown
            }
        }
        _ => Outcome::Unknown,
    }
}

/// The path states entering the code that runs when `scrutinee` matches
/// `pat`, and when it does not. When the scrutinee is a poll, the code
/// that runs on a successful poll is making progress, not spinning: it
/// counts as waited (state 0). Otherwise both get `states`.
fn split_on_pattern(scrutinee: &Expr, pat: &syn::Pat, states: u8) -> (u8, u8) {
    if !is_poll_call(unwrap_poll(scrutinee)) {
        return (states, states);
    }
    match pattern_outcome(pat) {
        Outcome::Success => (0, states),
        Outcome::Failure => (states, 0),
        Outcome::Unknown => (states, states),
    }
}

fn is_poll_call(e: &Expr) -> bool {
    matches!(e, Expr::MethodCall(m) if POLL_METHODS.contains(&m.method.to_string().as_str()))
}

/// The span of the first poll written in a loop body (a polling method
/// call, or a `select!` with a default branch), outside closures and
/// async blocks.
fn first_poll(ctx: &FileContext<'_>, body: &syn::Block) -> Option<proc_macro2::Span> {
    struct Finder<'c, 'a> {
        ctx: &'c FileContext<'a>,
        found: Option<proc_macro2::Span>,
    }
    impl<'ast> Visit<'ast> for Finder<'_, '_> {
        fn visit_expr(&mut self, e: &'ast Expr) {
            if self.found.is_some() {
                return;
            }
            if is_poll_call(e) {
                self.found = Some(syn::spanned::Spanned::span(e));
                return;
            }
            syn::visit::visit_expr(self, e);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if self.found.is_some() {
                return;
            }
            let ctx = self.ctx;
            if matches!(ctx.macro_body(mac), MacroBody::Select(_)) && select_has_default(mac) {
                self.found = Some(syn::spanned::Spanned::span(mac));
                return;
            }
            ctx.visit_macro_body(mac, self);
        }
    }
    let mut finder = Finder { ctx, found: None };
    finder.visit_block(body);
    finder.found
}

#[cfg(test)]
mod tests {
    #[test]
    fn ui_inputs() {
        crate::ui_inputs::assert_counts(
            &super::BUSY_POLL_LOOP,
            &[
                ("flag_try_recv.rs", 4),
                ("flag_locks_and_sends.rs", 3),
                ("flag_select_default.rs", 2),
                ("ok_waits.rs", 0),
                ("ok_loops_end.rs", 0),
                ("flag_audit_idle_spins.rs", 6),
                ("ok_audit_waits_when_empty.rs", 0),
            ],
        );
    }
}
