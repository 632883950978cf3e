//! Endless loops, and whether cancellation is observed in them or wraps them.
//!
//! * An **endless loop** is `loop { … }` or `while true { … }` with no
//!   `break` that leaves it and no `return` or `?` inside it. Code in
//!   closures, async blocks and nested items does not count: their `return`
//!   does not leave the loop. A labelled `break`/`continue` naming a label
//!   outside the loop leaves it. `bail!`, `ensure!`, `try!` and `return_…!`
//!   macros leave it like `return`. A macro body leaklint cannot parse that
//!   contains `break`, `return` or a try `?` is taken to leave the loop
//!   (prefer silence to a false alarm); a `?` / `%` in prefix position
//!   (tracing's `error = ?e`, `%addr`) is a formatting sigil, not a try.
//!   `std::process::exit`, `abort` and `panic!` do not end a loop.
//! * **Cancellation is observed** in a loop when it contains `.cancelled()`,
//!   `.is_cancelled()`, or `.changed()` / `.recv()` / `.try_recv()` /
//!   `.recv_timeout(…)` / `.notified()` / `.closed()` / `.wait_for(…)` /
//!   `.load(…)` on a value whose name
//!   mentions shutdown, cancel, stop, quit, exit, term, kill or close, or a
//!   `select!` branch whose future is such a value or a call of a fn so
//!   named (`shutdown_signal()`), or `tokio::signal::ctrl_c()`.
//! * A loop is **wrapped** by cancellation when it sits in the future given
//!   to `token.run_until_cancelled(…)` / `run_until_cancelled_owned(…)`, in
//!   `fut.with_cancellation_token(…)` (`_owned`), in the future argument of
//!   `tokio::time::timeout(…)` / `timeout_at(…)`,
//!   `futures::future::abortable(…)` / `Abortable::new(…)` (the tables of
//!   [`super::paths`]), or in a `select!` branch future raced against a
//!   cancellation branch; a future bound by a `let` to a name given there
//!   (`let work = async { loop { … } };` … `_ = &mut work =>`) is wrapped
//!   where the `let` writes it.

use std::ops::ControlFlow;

use proc_macro2::TokenTree;
use syn::visit::Visit;
use syn::Expr;

use super::paths::{
    CANCELLING_FUTURE_METHODS, CANCELLING_TOKEN_METHODS, TOKEN_OBSERVING_METHODS as TOKEN_METHODS,
};
use super::FileContext;
use crate::macros::{self, MacroBody};

/// Words that mark a value as a shutdown signal (matched case-insensitively inside names).
pub const SHUTDOWN_WORDS: &[&str] = &[
    "shutdown", "cancel", "stop", "quit", "exit", "term", "kill", "close",
];

/// Methods whose await, on a shutdown-named value, observes cancellation
/// (`try_recv` / `recv_timeout`: how a thread polls a shutdown receiver).
const SIGNAL_METHODS: &[&str] = &[
    "changed",
    "recv",
    "recv_async",
    "try_recv",
    "recv_timeout",
    "notified",
    "closed",
    "wait_for",
    "load",
];

/// An endless loop found in a task body.
#[derive(Debug, Clone, Copy)]
pub struct LoopSite<'v> {
    /// The loop expression.
    pub expr: &'v Expr,
    /// The `loop` / `while` keyword, where a note can point.
    pub keyword: proc_macro2::Span,
    /// Whether cancellation wraps the loop from outside.
    pub wrapped: bool,
    /// Whether the loop observes cancellation itself.
    pub observes_cancellation: bool,
}

/// What a task body runs: its endless loops and the calls it makes.
#[derive(Debug, Clone, Default)]
pub struct TaskShape<'v> {
    /// Its endless loops, outermost first.
    pub loops: Vec<LoopSite<'v>>,
    /// The calls it makes that no cancellation wraps (a loop in one of
    /// them belongs to the task), in source order.
    pub calls: Vec<crate::Span>,
    /// Those of [`TaskShape::calls`] written in an async block nested in
    /// the body: they run when that future is polled, in async code, not
    /// while the body itself runs (a sync fn returning `async move {
    /// rx.recv().await }` does not wait in `recv`).
    pub deferred: Vec<crate::Span>,
}

/// Whether `node`, an ancestor of `child` (the node below it on the way
/// down, `None` when that is not known), may run `child` more than once:
/// the body or condition of a `loop` or `while`, or the body of a `for`
/// (its iterable is evaluated once).
pub fn runs_again(node: &super::Node<'_>, child: Option<&super::Node<'_>>) -> bool {
    match node {
        super::Node::Expr(Expr::Loop(_) | Expr::While(_)) => true,
        super::Node::Expr(Expr::ForLoop(f)) => {
            !matches!(child, Some(super::Node::Expr(c)) if std::ptr::eq(*c, &*f.expr))
        }
        _ => false,
    }
}

/// Whether `node`, an ancestor of `child`, runs `child` again on every turn
/// of a loop ([`runs_again`]), unless it is the body of a `for` that
/// counts through a range with an end: a pool of `n` workers is started
/// once.
pub fn repeats_on_every_turn(node: &super::Node<'_>, child: Option<&super::Node<'_>>) -> bool {
    runs_again(node, child)
        && !matches!(node, super::Node::Expr(Expr::ForLoop(f))
            if counts_a_range(f) || walks_a_configured_list(f))
}

/// Whether a `for` walks a list held in a struct's field or written out
/// (`for peer in cfg.peers.clone()`, `for shard in &self.shards`, `for
/// name in ["a", "b"]`): a known number of turns, as over a range, not
/// one per event. A field named like a channel's receiver (`self.rx.iter()`
/// blocks for every message) is not such a list.
pub fn walks_a_configured_list(f: &syn::ExprForLoop) -> bool {
    let mut e = iterable(f);
    loop {
        e = match e {
            Expr::Reference(r) => &r.expr,
            Expr::Paren(p) => &p.expr,
            Expr::MethodCall(m)
                if m.args.is_empty()
                    && matches!(
                        m.method.to_string().as_str(),
                        "clone"
                            | "iter"
                            | "into_iter"
                            | "keys"
                            | "values"
                            | "cloned"
                            | "copied"
                            | "enumerate"
                    ) =>
            {
                &m.receiver
            }
            Expr::Array(_) => return true,
            Expr::Field(field) => {
                let syn::Member::Named(name) = &field.member else {
                    return false;
                };
                let name = name.to_string();
                let receiver_like = ["rx", "receiver", "inbox", "incoming", "events", "stream"]
                    .iter()
                    .any(|r| name == *r || name.ends_with(&format!("_{r}")));
                return !receiver_like;
            }
            _ => return false,
        };
    }
}

/// Whether a `for` counts through a range with an end (`for _ in
/// 0..workers`, `1..=n`): it runs a known number of turns once, as a pool of
/// workers is started, rather than on every event as `loop`, `while` and a
/// `for` over a stream or a listener do. `0..` has no end.
pub fn counts_a_range(f: &syn::ExprForLoop) -> bool {
    matches!(iterable(f), syn::Expr::Range(r) if r.end.is_some())
}

/// Whether a `for` never runs out of items: over `0..` (a range without
/// end), `std::iter::repeat(…)` / `repeat_with(…)`, or `….cycle()`.
pub fn iterates_forever(f: &syn::ExprForLoop) -> bool {
    match iterable(f) {
        syn::Expr::Range(r) => r.end.is_none(),
        syn::Expr::Call(c) => matches!(&*c.func, syn::Expr::Path(p)
            if p.path.segments.last().is_some_and(|s| s.ident == "repeat" || s.ident == "repeat_with")),
        syn::Expr::MethodCall(m) => m.method == "cycle",
        _ => false,
    }
}

/// What a `for` iterates over, without parentheses.
fn iterable(f: &syn::ExprForLoop) -> &syn::Expr {
    let mut iterable = &*f.expr;
    while let syn::Expr::Paren(p) = iterable {
        iterable = &p.expr;
    }
    iterable
}

/// Whether `name` contains one of the [`SHUTDOWN_WORDS`].
pub fn is_shutdown_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SHUTDOWN_WORDS.iter().any(|w| lower.contains(w))
}

impl<'a> FileContext<'a> {
    /// Whether `expr` is an endless loop: `loop` or `while true` that nothing leaves.
    pub fn is_endless_loop(&self, expr: &Expr) -> bool {
        let (label, body) = match expr {
            Expr::Loop(l) => (l.label.as_ref(), &l.body),
            Expr::While(w) if is_true(&w.cond) => (w.label.as_ref(), &w.body),
            _ => return false,
        };
        let mut exits = ExitFinder::new(self, label.map(|l| l.name.ident.to_string()));
        exits.visit_block(body);
        !exits.exits
    }

    /// Whether running `expr`, a piece of a loop's body, may leave that
    /// loop: a `break` of it, a `return`, a `?`, a returning macro
    /// (`bail!`), or a labelled `break` / `continue` of an outer loop.
    pub fn may_leave_loop(&self, expr: &Expr) -> bool {
        let mut exits = ExitFinder::new(self, None);
        exits.visit_expr(expr);
        exits.exits
    }

    /// Whether `expr` (typically a loop) observes cancellation anywhere inside it.
    pub fn observes_cancellation(&self, expr: &Expr) -> bool {
        let mut finder = SignalFinder {
            ctx: self,
            found: false,
        };
        finder.visit_expr(expr);
        finder.found
    }

    /// Whether `expr` is itself a cancellation signal: an await (or a
    /// future, as in a `select!` branch) of one of the signals above.
    pub fn is_cancellation_signal(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Await(a) => self.is_cancellation_signal(&a.base),
            Expr::Paren(p) => self.is_cancellation_signal(&p.expr),
            Expr::Reference(r) => self.is_cancellation_signal(&r.expr),
            Expr::MethodCall(m)
                if matches!(
                    m.method.to_string().as_str(),
                    "fuse" | "boxed" | "boxed_local"
                ) && m.args.is_empty() =>
            {
                self.is_cancellation_signal(&m.receiver)
            }
            Expr::Call(c)
                if c.args.len() == 1 && self.callee_is(&c.func, &["std::boxed::Box::pin"]) =>
            {
                self.is_cancellation_signal(&c.args[0])
            }
            Expr::MethodCall(m) => {
                let method = m.method.to_string();
                TOKEN_METHODS.contains(&method.as_str())
                    // `subsys.on_shutdown_requested()`, `shutdown.wait()`.
                    || names_a_shutdown_wait(&method)
                    || ((SIGNAL_METHODS.contains(&method.as_str()) || method == "wait")
                        && self
                            .names_in(&m.receiver)
                            .iter()
                            .any(|n| is_shutdown_name(n)))
            }
            Expr::Call(c) => {
                self.callee_is(&c.func, &["tokio::signal::ctrl_c"])
                    || matches!(&*c.func, Expr::Path(p) if p.path.segments.last().is_some_and(|s| is_shutdown_name(&s.ident.to_string())))
            }
            Expr::Path(p) => p
                .path
                .segments
                .last()
                .is_some_and(|s| is_shutdown_name(&s.ident.to_string())),
            Expr::Field(f) => {
                matches!(&f.member, syn::Member::Named(n) if is_shutdown_name(&n.to_string()))
            }
            _ => false,
        }
    }

    /// The endless loops that run as part of a task body (not inside
    /// closures, nested items or nested spawned tasks), outermost first, each
    /// with whether cancellation wraps it and whether it observes it.
    pub fn endless_loops_in<'v>(&'v self, body: &'v Expr, wrapped: bool) -> Vec<LoopSite<'v>> {
        self.task_shape(body, wrapped).loops
    }

    /// The endless loops of a task body (as [`FileContext::endless_loops_in`])
    /// and the calls it makes outside cancellation wrappers, closures,
    /// nested items and nested spawned tasks: where its loop may be when it
    /// is not in the body itself.
    pub fn task_shape<'v>(&'v self, body: &'v Expr, wrapped: bool) -> TaskShape<'v> {
        LoopFinder::run(self, wrapped, |finder| match body {
            // The task's own async block is the body, not a future in it.
            Expr::Async(task) => finder.visit_block(&task.block),
            _ => finder.visit_expr(body),
        })
    }

    /// As [`FileContext::endless_loops_in`], for a fn body.
    pub fn endless_loops_in_block<'v>(
        &'v self,
        body: &'v syn::Block,
        wrapped: bool,
    ) -> Vec<LoopSite<'v>> {
        self.task_shape_of_block(body, wrapped).loops
    }

    /// As [`FileContext::task_shape`], for a fn body.
    pub fn task_shape_of_block<'v>(&'v self, body: &'v syn::Block, wrapped: bool) -> TaskShape<'v> {
        LoopFinder::run(self, wrapped, |finder| finder.visit_block(body))
    }
}

impl FileContext<'_> {
    /// Every name an expression mentions: path segments, fields, method and
    /// macro names, the field names of struct literals; inside parsed macro
    /// bodies (a `select!` branch) too. Binding patterns are not mentions.
    pub fn names_in(&self, expr: &Expr) -> Vec<String> {
        let mut names = Vec::new();
        let path = |p: &syn::Path, names: &mut Vec<String>| {
            names.extend(p.segments.iter().map(|s| s.ident.to_string()))
        };
        self.for_each_expr(expr, |e| {
            match e {
                Expr::Path(p) => path(&p.path, &mut names),
                Expr::Field(f) => {
                    if let syn::Member::Named(n) = &f.member {
                        names.push(n.to_string());
                    }
                }
                Expr::MethodCall(m) => names.push(m.method.to_string()),
                Expr::Macro(m) => path(&m.mac.path, &mut names),
                Expr::Struct(s) => {
                    path(&s.path, &mut names);
                    names.extend(s.fields.iter().filter_map(|f| match &f.member {
                        syn::Member::Named(n) => Some(n.to_string()),
                        syn::Member::Unnamed(_) => None,
                    }));
                }
                _ => {}
            }
            ControlFlow::<()>::Continue(())
        });
        names
    }
}

/// Whether a macro of this name returns from the enclosing fn: anyhow's and
/// eyre's `bail!` / `ensure!`, the old `try!`, and `return_…!` helpers
/// (`return_err!`, `return_if_err!`).
fn is_returning_macro(name: &str) -> bool {
    matches!(name, "bail" | "ensure" | "try" | "r#try") || name.starts_with("return_")
}

/// Whether a method's name says it waits for shutdown: one of its words
/// (`on_shutdown_requested`, `wait_until_stopped`) is one, not merely a
/// part of one (`low_watermark` says `term`).
fn names_a_shutdown_wait(method: &str) -> bool {
    const WORDS: &[&str] = &[
        "shutdown",
        "cancel",
        "cancelled",
        "canceled",
        "stop",
        "stopped",
        "terminate",
        "terminated",
        "quit",
        "exit",
    ];
    method.split('_').any(|word| WORDS.contains(&word))
}

fn is_true(cond: &Expr) -> bool {
    match cond {
        Expr::Lit(l) => matches!(&l.lit, syn::Lit::Bool(b) if b.value),
        Expr::Paren(p) => is_true(&p.expr),
        _ => false,
    }
}

/// Finds a way out of a loop body.
struct ExitFinder<'c, 'a> {
    ctx: &'c FileContext<'a>,
    own_label: Option<String>,
    inner_labels: Vec<String>,
    /// How many loops nested in the body we are inside.
    depth: usize,
    exits: bool,
}

impl<'c, 'a> ExitFinder<'c, 'a> {
    /// A finder for the body of the loop labelled `own_label`, if any.
    fn new(ctx: &'c FileContext<'a>, own_label: Option<String>) -> Self {
        ExitFinder {
            ctx,
            own_label,
            inner_labels: Vec::new(),
            depth: 0,
            exits: false,
        }
    }

    fn leaves(&self, label: Option<&syn::Lifetime>, is_break: bool) -> bool {
        match label {
            None => is_break && self.depth == 0,
            Some(l) => {
                let name = l.ident.to_string();
                if self.inner_labels.contains(&name) {
                    false
                } else if self.own_label.as_deref() == Some(name.as_str()) {
                    is_break
                } else {
                    true
                }
            }
        }
    }

    fn nested(&mut self, label: Option<&syn::Label>, walk: impl FnOnce(&mut Self)) {
        if let Some(l) = label {
            self.inner_labels.push(l.name.ident.to_string());
        }
        self.depth += 1;
        walk(self);
        self.depth -= 1;
        if label.is_some() {
            self.inner_labels.pop();
        }
    }
}

impl<'ast> Visit<'ast> for ExitFinder<'_, '_> {
    fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
        if self.leaves(b.label.as_ref(), true) {
            self.exits = true;
        }
        syn::visit::visit_expr_break(self, b);
    }

    fn visit_expr_continue(&mut self, c: &'ast syn::ExprContinue) {
        if self.leaves(c.label.as_ref(), false) {
            self.exits = true;
        }
    }

    fn visit_expr_return(&mut self, _: &'ast syn::ExprReturn) {
        self.exits = true;
    }

    fn visit_expr_try(&mut self, _: &'ast syn::ExprTry) {
        self.exits = true;
    }

    fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
        self.nested(l.label.as_ref(), |s| s.visit_block(&l.body));
    }

    fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
        self.visit_expr(&w.cond);
        self.nested(w.label.as_ref(), |s| s.visit_block(&w.body));
    }

    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        self.visit_expr(&f.expr);
        self.nested(f.label.as_ref(), |s| s.visit_block(&f.body));
    }

    fn visit_expr_block(&mut self, b: &'ast syn::ExprBlock) {
        // A labelled block can be left with `break 'label`, which stays inside the loop.
        if let Some(l) = &b.label {
            self.inner_labels.push(l.name.ident.to_string());
            self.visit_block(&b.block);
            self.inner_labels.pop();
        } else {
            self.visit_block(&b.block);
        }
    }

    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}

    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}

    fn visit_item(&mut self, _: &'ast syn::Item) {}

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if mac
            .path
            .segments
            .last()
            .is_some_and(|s| is_returning_macro(&s.ident.to_string()))
        {
            self.exits = true;
        } else if matches!(self.ctx.macro_body(mac), MacroBody::Tokens) {
            let mut tokens = Vec::new();
            macros::flat_tokens(&mac.tokens, &mut tokens);
            self.exits |= macros::has_try_operator(&mac.tokens)
                || tokens
                    .iter()
                    .any(|t| matches!(t, TokenTree::Ident(i) if i == "break" || i == "return"));
        } else {
            let ctx = self.ctx;
            ctx.visit_macro_body(mac, self);
        }
    }
}

/// Looks for any sign that cancellation is observed.
struct SignalFinder<'c, 'a> {
    ctx: &'c FileContext<'a>,
    found: bool,
}

impl<'ast> Visit<'ast> for SignalFinder<'_, '_> {
    fn visit_expr(&mut self, e: &'ast Expr) {
        if self.found {
            return;
        }
        if matches!(e, Expr::MethodCall(_) | Expr::Call(_)) && self.ctx.is_cancellation_signal(e) {
            // A call of a fn merely named `stop…` is not a signal outside a
            // select! branch; only method signals and ctrl_c count here.
            let counts = match e {
                Expr::Call(c) => self.ctx.callee_is(&c.func, &["tokio::signal::ctrl_c"]),
                _ => true,
            };
            if counts {
                self.found = true;
                return;
            }
        }
        syn::visit::visit_expr(self, e);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let ctx = self.ctx;
        match ctx.macro_body(mac) {
            MacroBody::Select(select) => {
                if select
                    .branches
                    .iter()
                    .any(|b| ctx.is_cancellation_signal(&b.future))
                {
                    self.found = true;
                    return;
                }
                ctx.visit_macro_body(mac, self);
            }
            MacroBody::Tokens => {
                let mut tokens = Vec::new();
                macros::flat_tokens(&mac.tokens, &mut tokens);
                self.found |= tokens_observe_cancellation(&tokens);
            }
            _ => ctx.visit_macro_body(mac, self),
        }
    }
}

/// Token-level version of the signal test, for macro bodies that did not parse.
fn tokens_observe_cancellation(tokens: &[TokenTree]) -> bool {
    tokens.iter().enumerate().any(|(i, t)| {
        let TokenTree::Ident(ident) = t else {
            return false;
        };
        let s = ident.to_string();
        if TOKEN_METHODS.contains(&s.as_str()) {
            return true;
        }
        if SIGNAL_METHODS.contains(&s.as_str()) && i >= 2 {
            if let (TokenTree::Punct(dot), TokenTree::Ident(recv)) =
                (&tokens[i - 1], &tokens[i - 2])
            {
                return dot.as_char() == '.' && is_shutdown_name(&recv.to_string());
            }
        }
        false
    })
}

/// Collects the endless loops of a task body with their wrapping state.
struct LoopFinder<'v, 'a> {
    ctx: &'v FileContext<'a>,
    wrapped: bool,
    found: Vec<LoopSite<'v>>,
    calls: Vec<crate::Span>,
    deferred: Vec<crate::Span>,
    /// How many async blocks nested in the body the walk is inside.
    in_async: usize,
    /// Names given as the future a cancellation wraps (`_ = &mut work =>`
    /// in a `select!` with a cancellation branch, `timeout(d, warm)`,
    /// `token.run_until_cancelled(fut)`): the future a `let` binds to such
    /// a name is wrapped where it is written.
    wrapped_names: Vec<String>,
}

impl<'v> LoopFinder<'v, '_> {
    /// Walks a body with `walk`; when a name bound earlier is what a
    /// cancellation wraps, walks it again knowing the name.
    fn run<'a>(
        ctx: &'v FileContext<'a>,
        wrapped: bool,
        walk: impl Fn(&mut LoopFinder<'v, 'a>),
    ) -> TaskShape<'v> {
        let mut finder = LoopFinder {
            ctx,
            wrapped,
            found: Vec::new(),
            calls: Vec::new(),
            deferred: Vec::new(),
            in_async: 0,
            wrapped_names: Vec::new(),
        };
        walk(&mut finder);
        if !finder.wrapped_names.is_empty() {
            finder.found.clear();
            finder.calls.clear();
            finder.deferred.clear();
            finder.wrapped = wrapped;
            walk(&mut finder);
        }
        TaskShape {
            loops: finder.found,
            calls: finder.calls,
            deferred: finder.deferred,
        }
    }

    fn wrapped(&mut self, walk: impl FnOnce(&mut Self)) {
        let before = self.wrapped;
        self.wrapped = true;
        walk(self);
        self.wrapped = before;
    }

    /// For a call of `futures::future::select(a, b)` one of whose two
    /// futures is a cancellation signal, the place of the other.
    fn raced_against_a_signal(&self, call: &syn::ExprCall) -> Option<usize> {
        let Expr::Path(p) = &*call.func else {
            return None;
        };
        if p.qself.is_some() || !self.ctx.path_is(&p.path, super::paths::SELECT_FNS) {
            return None;
        }
        let [a, b] = [call.args.first()?, call.args.get(1)?];
        match (
            self.ctx.is_cancellation_signal(a),
            self.ctx.is_cancellation_signal(b),
        ) {
            (false, true) => Some(0),
            (true, false) => Some(1),
            _ => None,
        }
    }

    /// Walks a future that a cancellation wraps, noting the name it is
    /// when it is one (seen through `&mut`, parentheses, `.fuse()`).
    fn wrapped_future(&mut self, future: &'v Expr) {
        if let Some(name) = future_name(future) {
            if !self.wrapped_names.contains(&name) {
                self.wrapped_names.push(name);
            }
        }
        self.wrapped(|s| s.visit_expr(future));
    }
}

/// The local name a future expression is, seen through `&mut`, parentheses,
/// `.fuse()`, `.as_mut()` and `Box::pin(…)`-free forms (`&mut work`,
/// `work.fuse()`).
fn future_name(e: &Expr) -> Option<String> {
    match e {
        Expr::Paren(p) => future_name(&p.expr),
        Expr::Reference(r) => future_name(&r.expr),
        Expr::MethodCall(m)
            if m.args.is_empty() && matches!(m.method.to_string().as_str(), "fuse" | "as_mut") =>
        {
            future_name(&m.receiver)
        }
        Expr::Path(p) if p.qself.is_none() => p.path.get_ident().map(|i| i.to_string()),
        _ => None,
    }
}

impl<'v> Visit<'v> for LoopFinder<'v, '_> {
    fn visit_expr(&mut self, e: &'v Expr) {
        if matches!(e, Expr::Call(_) | Expr::MethodCall(_)) && !self.wrapped {
            let call = self.ctx.call_span(e);
            self.calls.push(call);
            if self.in_async > 0 {
                self.deferred.push(call);
            }
        }
        let keyword = match e {
            Expr::Loop(l) => Some(l.loop_token.span),
            Expr::While(w) => Some(w.while_token.span),
            _ => None,
        };
        if let Some(keyword) = keyword {
            if self.ctx.is_endless_loop(e) {
                self.found.push(LoopSite {
                    expr: e,
                    keyword,
                    wrapped: self.wrapped,
                    observes_cancellation: self.ctx.observes_cancellation(e),
                });
            }
        }
        syn::visit::visit_expr(self, e);
    }

    fn visit_expr_call(&mut self, call: &'v syn::ExprCall) {
        if let Expr::Path(p) = &*call.func {
            let last = p
                .path
                .segments
                .last()
                .map(|s| s.ident.to_string())
                .unwrap_or_default();
            // A nested spawned task is a task of its own, also one handed
            // to a spawn wrapper named otherwise (`background(async { … })`),
            // or to either under a renaming import (`use tokio::spawn as
            // go;`).
            let spawns =
                |name: &str| name.starts_with("spawn") || self.ctx.is_spawn_wrapper_name(name);
            if spawns(&last) || self.ctx.resolved_name(&p.path).is_some_and(|n| spawns(&n)) {
                return;
            }
        }
        // `timeout(d, work)`, or `futures::future::select(work, stop_rx)`:
        // a race whose other future is a cancellation signal wraps this
        // one, as in `select!`.
        let wrapped =
            (self.ctx.cancelled_argument(&call.func)).or_else(|| self.raced_against_a_signal(call));
        if let Some(future) = wrapped {
            self.visit_expr(&call.func);
            for (i, arg) in call.args.iter().enumerate() {
                if i == future {
                    self.wrapped_future(arg);
                } else {
                    self.visit_expr(arg);
                }
            }
            return;
        }
        syn::visit::visit_expr_call(self, call);
    }

    fn visit_expr_method_call(&mut self, m: &'v syn::ExprMethodCall) {
        let method = m.method.to_string();
        if method.starts_with("spawn") || self.ctx.is_spawn_wrapper_name(&method) {
            self.visit_expr(&m.receiver);
            return;
        }
        match method.as_str() {
            name if CANCELLING_TOKEN_METHODS.contains(&name) => {
                self.visit_expr(&m.receiver);
                m.args.iter().for_each(|a| self.wrapped_future(a));
            }
            name if CANCELLING_FUTURE_METHODS.contains(&name) => {
                self.wrapped_future(&m.receiver);
                m.args.iter().for_each(|a| self.visit_expr(a));
            }
            _ => syn::visit::visit_expr_method_call(self, m),
        }
    }

    /// `let work = async { loop { … } };` raced later against a
    /// cancellation (`_ = &mut work =>`): the loop is wrapped.
    fn visit_local(&mut self, local: &'v syn::Local) {
        let bound = match &local.pat {
            syn::Pat::Ident(i) => Some(i.ident.to_string()),
            _ => None,
        };
        match (&local.init, bound) {
            (Some(init), Some(name)) if self.wrapped_names.contains(&name) => {
                self.wrapped(|s| s.visit_expr(&init.expr));
                if let Some((_, diverge)) = &init.diverge {
                    self.visit_expr(diverge);
                }
            }
            _ => syn::visit::visit_local(self, local),
        }
    }

    fn visit_expr_closure(&mut self, _: &'v syn::ExprClosure) {}

    fn visit_expr_async(&mut self, block: &'v syn::ExprAsync) {
        self.in_async += 1;
        syn::visit::visit_expr_async(self, block);
        self.in_async -= 1;
    }

    fn visit_item(&mut self, _: &'v syn::Item) {}

    fn visit_macro(&mut self, mac: &'v syn::Macro) {
        let ctx = self.ctx;
        match ctx.macro_body(mac) {
            MacroBody::Select(select) => {
                let cancel_branch = select
                    .branches
                    .iter()
                    .any(|b| ctx.is_cancellation_signal(&b.future));
                for branch in &select.branches {
                    if cancel_branch {
                        self.wrapped_future(&branch.future);
                    } else {
                        self.visit_expr(&branch.future);
                    }
                    self.visit_expr(&branch.handler);
                }
                select.else_branches.iter().for_each(|e| self.visit_expr(e));
            }
            MacroBody::Exprs(exprs) => exprs.iter().for_each(|e| self.visit_expr(e)),
            MacroBody::Stmts(stmts) => stmts.iter().for_each(|s| self.visit_stmt(s)),
            MacroBody::Statics(_) | MacroBody::Tokens => {}
        }
    }
}
