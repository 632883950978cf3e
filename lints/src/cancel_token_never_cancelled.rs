use std::collections::{HashMap, HashSet};

use crate::context::paths::{
    self, CANCELLATION_TOKEN_CONSTRUCTORS as CONSTRUCTORS, CANCELLING_FUTURE_METHODS,
    TRANSPARENT_FUTURE_CALLS, TRANSPARENT_FUTURE_METHODS,
};
use crate::Triggers;
use syn::Expr;

use crate::context::bindings::pat_ident;
use crate::context::scopes::{TokenPos, UseSite};
use crate::context::spawn::TaskBody;
use crate::context::tokens::TokenMention;
use crate::context::Node;
use crate::context::{expr_key, BindingId, ExprKey};
use crate::{FileContext, Finding, LintOptions, Span};

crate::declare_lint! {
    /// ### What it does
    /// Flags a `tokio_util::sync::CancellationToken::new()` bound to a local
    /// name when the token (or a clone of it) reaches a spawned task or a
    /// spawned fn call, and nothing can ever fire it: neither the token nor
    /// any clone is `.cancel()`ed, turned into a `drop_guard()` /
    /// `drop_guard_ref()`, returned, stored in a struct field or a
    /// collection, or passed to a function other than the spawned one.
    ///
    /// The token is followed through clones (`let t = token.clone();`,
    /// `token.child_token()`), moves into `async move` blocks and closures,
    /// and calls of fns and `self` methods defined in the same file that
    /// receive it (their parameter is followed in turn). So are fns of
    /// other files of the crate that it is handed to: a spawned call
    /// (`tokio::spawn(worker::watch(token.clone()))`), a call a task awaits
    /// (`tokio::spawn(async move { worker::watch(t).await })`), or any
    /// other call (`exec.run(&token).await` in a fn the task runs, where
    /// `exec: Arc<Executor>`; `registry::log(&token)` before the spawn).
    /// Each must be a fn the crate pass finds: one it cannot find (of
    /// another crate, or a method called on a value whose type it cannot
    /// tell) may fire the token, and there is no finding. A fn that may
    /// fire the parameter it is handed (declared `CancellationToken`, also
    /// behind `&`, `Arc`, `Rc` or `Box`) can cancel the token: then there
    /// is no finding either. A parameter whose type may hold a token that
    /// leaklint does not follow (a generic `T`, `impl Trait`,
    /// `Option<CancellationToken>`) is taken to fire it, whatever the fn
    /// does with it. It may fire it unless every use of the parameter,
    /// and of the locals bound to a clone of it, only waits on it, tests
    /// it, formats it or drops it: `.cancel()`, a drop guard, handing it
    /// to another fn (`fire(&token)`), storing or returning it all count. A
    /// child of the parameter (`shutdown.child_token()`), whatever is done
    /// with it, cannot cancel it: a fn that hands its own tasks children of
    /// the token does not fire it.
    ///
    /// A task spawned with `.spawn(…)` on the runtime a fn of another file
    /// returns (`rt::background().spawn(run(token.clone()))`, also through
    /// a `let`: `let rt = rt::background(); rt.spawn(…)`) counts when
    /// that fn returns a runtime its caller does not own (`-> &'static
    /// Runtime`, `-> Handle`), as `spawn_without_cancel` reads it; not one
    /// returned by value (dropping it ends its tasks), nor a value of
    /// another type with a `spawn` method.
    ///
    /// ### Why is this bad
    /// The tasks wait on `token.cancelled()` for a signal nobody can send:
    /// on shutdown they keep running, or the shutdown hangs waiting for them.
    /// It is the Rust form of what `go vet`'s `lostcancel` check reports: a
    /// cancel function that is never called.
    ///
    /// ### Known problems
    /// leaklint reads one file at a time and has no types; where it cannot
    /// follow the token it stays silent. There is no finding when the token:
    ///
    /// * is passed to a fn leaklint cannot find (see above), stored
    ///   anywhere, wrapped in another value (`Some(token)`,
    ///   `Arc::new(token)`, even when only that value is waited on), used
    ///   by a macro leaklint cannot parse, or used in any other way it does
    ///   not understand (it is assumed to be cancelled somewhere);
    /// * is only moved into a future that is not spawned (`select(fut, …)`):
    ///   it reaches no task. A future written in place (an async block or
    ///   closure) and handed to a spawn wrapper (a fn of the crate, maybe in
    ///   another file, that spawns its parameter and drops the handle:
    ///   `spawn_named("worker", async move { … })`) is spawned, and so is
    ///   a call given to one (`spawn_named("w", worker(token))`,
    ///   `detach(worker(token))`); a future handed to it by name is not
    ///   followed, nor one handed to a fn that hands it to a wrapper of
    ///   another file, both named otherwise (`fn outer(f: F) { detach(f)
    ///   }`);
    /// * is made inside a spawned task and used only there (tested, logged,
    ///   handed to a fn the task awaits in place): it lives and dies with
    ///   that task, which it does not reach by being used in it. Handed to
    ///   a spawn of its own inside the task, it reaches that spawn's task;
    /// * was made by `child_token()`: its parent can still cancel it;
    /// * is cloned with `Clone::clone(&token)`, bound by a pattern other than
    ///   a plain name (or a tuple of them bound to a tuple: `let (r, w) =
    ///   (t.clone(), t.clone());` is followed), or passed to a method
    ///   called on a receiver whose type neither the file nor the crate
    ///   says (`this.watch(token)` where `this` is a value a fn of another
    ///   crate returns): these are not followed. A receiver made with
    ///   `T::new(…)` or `T { … }`, a local or parameter declared `T`
    ///   (`executor: Arc<Executor>`), or a field its struct declares `T`,
    ///   calls `T`'s method;
    /// * is passed to a fn of this file that never mentions its parameter (a
    ///   stub, a `todo!()` body): that counts as handing it to a function,
    ///   which may cancel it. A fn that does use the parameter is followed.
    ///
    /// A root token whose `child_token()` reaches a task is followed like a
    /// clone, and cancelling that child counts as cancelling the root.
    /// Passing the token to `drop(…)` or to a formatting macro (`println!`,
    /// `tracing::info!`, …) neither fires nor stores it: the token is still
    /// flagged.
    ///
    /// ### Example
    /// ```rust,ignore
    /// let token = CancellationToken::new();
    /// let worker = token.clone();
    /// tokio::spawn(async move {
    ///     tokio::select! {
    ///         _ = worker.cancelled() => {}
    ///         _ = serve(listener) => {}
    ///     }
    /// });
    /// tokio::signal::ctrl_c().await?;
    /// // the token is never cancelled: the server task never hears of shutdown
    /// ```
    ///
    /// ### Use instead
    /// ```rust,ignore
    /// let token = CancellationToken::new();
    /// let worker = token.clone();
    /// let server = tokio::spawn(async move {
    ///     tokio::select! {
    ///         _ = worker.cancelled() => {}
    ///         _ = serve(listener) => {}
    ///     }
    /// });
    /// tokio::signal::ctrl_c().await?;
    /// token.cancel();
    /// server.await?;
    /// ```
    pub CANCEL_TOKEN_NEVER_CANCELLED,
    name: "cancel_token_never_cancelled",
    level: Warn,
    summary: "a CancellationToken handed to spawned tasks is never cancelled",
    triggers: triggers,
    check: check,
}

/// A token's constructor (the spawn it reaches may be a call of a spawn
/// wrapper of the crate, whose name need not say `spawn`).
fn triggers() -> Triggers {
    Triggers::new(paths::spelled(&[CONSTRUCTORS]))
}

const HELP: &str = "call `token.cancel()` on shutdown (or keep a `token.drop_guard()`), so the tasks waiting on it can stop";

/// How many names (the token, its clones, the parameters it is passed to)
/// the search follows before giving up (silently).
const MAX_BINDINGS: usize = 64;

fn check(ctx: &FileContext<'_>, options: &LintOptions) -> Vec<Finding> {
    // Task bodies that are async blocks or closures (also reached through a
    // `let fut = async move { … }; spawn(fut)` binding), with their spawn
    // call, or the call of a fn that may be a spawn wrapper.
    let mut task_bodies: HashMap<ExprKey, Spawned> = HashMap::new();
    let mut tokens = Vec::new();
    // Every name of a local written as an expression, with its ancestors:
    // the uses of the token, its clones and the parameters it is passed to
    // are classified from here, without walking the file again.
    let mut uses: HashMap<TokenPos, (&Expr, Vec<Node<'_>>)> = HashMap::new();
    // A spawn's future whose spawn only the crate can confirm: its async
    // block or closure, or a call given as it (`spawn_named("w",
    // watch(token))`: the call is the task).
    let add_task_body = |task_bodies: &mut HashMap<ExprKey, Spawned>,
                         arg: &Expr,
                         ancestors: &[Node<'_>],
                         spawned: Spawned| {
        match ctx.task_body(arg, ancestors).map(|t| t.body) {
            Some(TaskBody::Expr(body)) => {
                task_bodies.insert(expr_key(body), spawned);
            }
            _ if matches!(arg, Expr::Call(_) | Expr::MethodCall(_)) => {
                task_bodies.insert(expr_key(arg), spawned);
            }
            _ => {}
        }
    };
    ctx.walk_exprs(|expr, ancestors| {
        if let Some(spawn) = ctx.spawn_call(expr, ancestors, options) {
            if let Some(task) = ctx.task_body(spawn.arg, ancestors) {
                if let TaskBody::Expr(body) = task.body {
                    let spawn = syn::spanned::Spanned::span(spawn.expr);
                    task_bodies.insert(expr_key(body), Spawned::by(spawn));
                }
            }
        } else if let Some(call) = ctx.spawn_wrapper_call(expr, ancestors) {
            // Maybe a spawn on a runtime instead (see below).
            let runtime_of = ctx.spawn_on_crate_runtime(expr, ancestors);
            let spawn = Spawned {
                spawn: syn::spanned::Spanned::span(expr),
                wrapper: Some((ctx.span_of(expr), call.index)),
                runtime_of: runtime_of.map(|(_, call)| call),
            };
            add_task_body(&mut task_bodies, call.arg, ancestors, spawn);
        } else if let Some((spawn, runtime_of)) = ctx.spawn_on_crate_runtime(expr, ancestors) {
            // `rt::runtime().spawn(…)`: a spawn if the crate says `runtime`
            // returns a runtime its caller does not own.
            let spawned = Spawned {
                spawn: syn::spanned::Spanned::span(expr),
                wrapper: None,
                runtime_of: Some(runtime_of),
            };
            add_task_body(&mut task_bodies, spawn.arg, ancestors, spawned);
        }
        if let Expr::Path(p) = expr {
            if let Some(ident) = p.path.get_ident() {
                if ctx.binding_of_use(ident).is_some() {
                    uses.insert(ident.span().start(), (expr, ancestors.to_vec()));
                }
            }
        }
        if !ctx.is_call_to(expr, CONSTRUCTORS) {
            return;
        }
        let Some((Node::Local(local), before)) = ancestors.split_last() else {
            return;
        };
        if !local
            .init
            .as_ref()
            .is_some_and(|i| std::ptr::eq(&*i.expr, expr))
        {
            return;
        }
        let Some(binding) = pat_ident(&local.pat).and_then(|i| ctx.binding_of_pat(i)) else {
            return;
        };
        if ctx.stmts_after(before).is_none() {
            return;
        }
        tokens.push((expr, binding));
    });

    let mut findings = Vec::new();
    for (ctor, binding) in tokens {
        let mut search = Search {
            ctx,
            options,
            task_bodies: &task_bodies,
            uses: &uses,
            pending: vec![binding],
            seen: HashSet::from([binding]),
            reached: None,
            escapes: false,
            spawned_calls: Vec::new(),
            handed_calls: Vec::new(),
        };
        if let Some(spawned) = search.run() {
            let finding = Finding::new(
                CANCEL_TOKEN_NEVER_CANCELLED.name,
                ctx.span_of(ctor),
                "this CancellationToken reaches a spawned task but is never cancelled",
            )
            .note(ctx.span(spawned.spawn), "the token reaches this spawned task")
            .note_plain(
                "no clone of it is cancelled, turned into a drop guard, returned, stored or passed on",
            )
            .help(HELP);
            // It holds if the called fn is a spawn wrapper, or returns a
            // runtime that outlives its caller (a call that may be either,
            // `pool().spawn(…)`, is offered both ways: the crate keeps the
            // one that holds)…
            let mut offered = Vec::new();
            if let Some(call) = spawned.wrapper {
                offered.push(finding.clone().waits_for_crate(options.call_depth, |f| {
                    f.spawn_wrapper = Some(call);
                }));
            }
            if let Some(call) = spawned.runtime_of {
                offered.push(finding.clone().waits_for_crate(options.call_depth, |f| {
                    f.runtime_of = Some(call);
                }));
            }
            if offered.is_empty() {
                offered.push(finding);
            }
            // …and unless a spawned fn of the crate it is handed to fires it.
            let waits = !search.spawned_calls.is_empty() || !search.handed_calls.is_empty();
            for finding in offered {
                findings.push(match waits {
                    false => finding,
                    true => finding.waits_for_crate(options.call_depth, |f| {
                        f.token_fired_by = search.spawned_calls.clone();
                        f.token_handed_to = search.handed_calls.clone();
                    }),
                });
            }
        }
    }
    findings
}

/// How a call the token is handed to is spawned.
#[derive(Clone, Copy)]
enum SpawnedCall {
    /// It is the spawn's future: `spawn(worker::run(token))`.
    Directly,
    /// A spawned async block awaits it as its one statement:
    /// `spawn(async move { worker::run(token).await })`.
    InBlock,
}

/// The spawn a task body is given to.
#[derive(Clone, Copy)]
struct Spawned {
    /// The spawn call (or the call of a fn that may be a spawn wrapper).
    spawn: proc_macro2::Span,
    /// For a call of a fn that may be a spawn wrapper, the call and the
    /// index of the task body among its arguments: the crate pass decides.
    wrapper: Option<(Span, usize)>,
    /// For `.spawn(…)` on what a fn of another file returns
    /// (`rt::runtime().spawn(…)`), that call: the crate pass decides
    /// whether the runtime outlives its caller.
    runtime_of: Option<Span>,
}

impl Spawned {
    /// A spawn call.
    fn by(spawn: proc_macro2::Span) -> Spawned {
        Spawned {
            spawn,
            wrapper: None,
            runtime_of: None,
        }
    }

    /// Whether it is a spawn only if the crate says so.
    fn uncertain(&self) -> bool {
        self.wrapper.is_some() || self.runtime_of.is_some()
    }
}

/// What one mention of the token does with it.
enum Use {
    /// Waits on it, tests it, formats it, drops it, or hands it to the spawned call.
    Neutral,
    /// Fires it, stores it, returns it, passes it on, or something not understood.
    Escapes,
}

/// The state of the search for one token: the bindings still to be
/// followed (the token, its clones, and parameters it is passed to).
struct Search<'s, 'a, 'v> {
    ctx: &'s FileContext<'a>,
    options: &'s LintOptions,
    task_bodies: &'s HashMap<ExprKey, Spawned>,
    uses: &'s HashMap<TokenPos, (&'v Expr, Vec<Node<'v>>)>,
    pending: Vec<BindingId>,
    seen: HashSet<BindingId>,
    /// The spawn reached, with the position of the mention that reaches it.
    reached: Option<(TokenPos, Spawned)>,
    escapes: bool,
    /// The spawned calls of fns not of this file that the token is handed
    /// to (the call, the argument's index): the crate pass reads them.
    spawned_calls: Vec<(crate::Span, usize)>,
    /// The other calls of fns not of this file that the token is handed
    /// to, with the token's argument: each must be a fn of the crate, which
    /// the crate pass finds, that leaves it unfired.
    handed_calls: Vec<(crate::Span, usize)>,
}

impl<'s, 'a, 'v> Search<'s, 'a, 'v> {
    /// The spawn the token reaches, if it reaches one and can never be
    /// fired (the one reached by the first mention in the file; a spawn
    /// call rather than one that only the crate can confirm).
    fn run(&mut self) -> Option<Spawned> {
        while let Some(binding) = self.pending.pop() {
            for reference in self.ctx.references(binding) {
                match reference.site {
                    // `{token:?}`: formatting is harmless.
                    UseSite::FormatString => continue,
                    // A macro leaklint cannot parse: not understood.
                    UseSite::MacroTokens => return None,
                    UseSite::Path => {}
                }
                let at = reference.span.start();
                let (expr, ancestors) = self.uses.get(&at)?;
                let bound_at = self.ctx.scopes().binding(binding).span;
                if let Some(spawn) = self.spawn_reached(expr, ancestors, bound_at) {
                    let rank = |(at, s): (TokenPos, Spawned)| (s.uncertain(), at);
                    if self
                        .reached
                        .is_none_or(|first| rank((at, spawn)) < rank(first))
                    {
                        self.reached = Some((at, spawn));
                    }
                }
                if let Use::Escapes = self.classify(expr, ancestors) {
                    return None;
                }
                if self.escapes {
                    return None;
                }
            }
        }
        self.reached.map(|(_, spawn)| spawn)
    }

    /// Adds a new name for the token.
    fn follow(&mut self, binding: BindingId) {
        if self.seen.insert(binding) {
            if self.seen.len() > MAX_BINDINGS {
                self.escapes = true;
            }
            self.pending.push(binding);
        }
    }

    /// Follows the token into parameter `index` of a fn of this file.
    fn follow_param(
        &mut self,
        f: crate::context::LocalFn<'_>,
        index: usize,
        skip_receiver: bool,
    ) -> Use {
        let mut inputs = f
            .sig
            .inputs
            .iter()
            .filter(|a| !skip_receiver || matches!(a, syn::FnArg::Typed(_)));
        let Some(syn::FnArg::Typed(param)) = inputs.nth(index) else {
            return Use::Escapes;
        };
        let Some(binding) = pat_ident(&param.pat).and_then(|i| self.ctx.binding_of_pat(i)) else {
            return Use::Escapes;
        };
        if self.ctx.references(binding).is_empty() {
            // A fn that ignores the token (a stub, `todo!()`) tells nothing
            // about what the real one does with it: as for an unknown fn.
            return Use::Escapes;
        }
        self.follow(binding);
        Use::Neutral
    }

    /// The spawn whose task the mention `expr` is in, if any, between the
    /// mention and the name's binding at `bound_at`: a token made inside a
    /// task (`spawn(async move { let t = CancellationToken::new(); … })`)
    /// does not reach that task by being used in it, only by being handed
    /// to a spawn of its own.
    fn spawn_reached(
        &self,
        expr: &Expr,
        ancestors: &[Node<'_>],
        bound_at: proc_macro2::Span,
    ) -> Option<Spawned> {
        let mut child = expr;
        for (i, node) in ancestors.iter().enumerate().rev() {
            let Node::Expr(e) = node else { continue };
            if binds_inside(e, bound_at) {
                return None;
            }
            if let Some(spawned) = self.task_bodies.get(&expr_key(e)) {
                return Some(*spawned);
            }
            let spawn = self
                .ctx
                .spawn_of_argument(e, &ancestors[..i], child, self.options);
            if let Some(spawn) = spawn {
                return Some(Spawned::by(syn::spanned::Spanned::span(spawn.expr)));
            }
            child = e;
        }
        None
    }

    /// The token handed, as argument `arg`, to the call `call` (at
    /// `ancestors[index]`) that no fn of this file answers for: neutral
    /// when that call is spawned (noted for the crate pass, which reads
    /// whether its fn fires the token), else it escapes.
    fn handed_to_call(
        &mut self,
        call: &Expr,
        ancestors: &[Node<'_>],
        index: usize,
        arg: usize,
    ) -> Use {
        let calls = match self.is_spawned_call(call, ancestors, index) {
            Some(SpawnedCall::Directly) => &mut self.spawned_calls,
            Some(SpawnedCall::InBlock) => &mut self.handed_calls,
            // A fn the crate may define: it must not fire the token.
            None if may_be_crate_fn(self.ctx, call) => &mut self.handed_calls,
            None => return Use::Escapes,
        };
        calls.push((self.ctx.call_span(call), arg));
        Use::Neutral
    }

    /// Whether the call `call` (at `ancestors[index]`) is the future handed
    /// to a spawn call, itself or awaited by a spawned async block.
    fn is_spawned_call(
        &self,
        call: &Expr,
        ancestors: &[Node<'_>],
        index: usize,
    ) -> Option<SpawnedCall> {
        let mut in_block = false;
        let mut current = call;
        let how = |in_block: bool| match in_block {
            false => SpawnedCall::Directly,
            true => SpawnedCall::InBlock,
        };
        for i in (0..index).rev() {
            // The call given to a spawn wrapper (or the tail of a closure given to one).
            if self.task_bodies.contains_key(&expr_key(current)) {
                return Some(how(in_block));
            }
            let parent = match ancestors[i] {
                Node::Expr(parent) => parent,
                // The only statement of an async block that awaits the call
                // (`spawn(async move { run(token).await })`): the block is
                // the call's future.
                Node::Stmt(_) => continue,
                Node::Block(b) if b.stmts.len() == 1 => continue,
                _ => return None,
            };
            // `spawn(run(token))`, `smol::spawn(run(token)).detach()`. (A
            // spawn call given something else is no wrapper below.)
            let options = self.options;
            if (self
                .ctx
                .spawn_of_argument(parent, &ancestors[..i], current, options))
            .is_some()
            {
                return Some(how(in_block));
            }
            let wraps = match parent {
                Expr::Paren(_) => true,
                Expr::Await(a) => std::ptr::eq(&*a.base, current),
                Expr::Try(t) => std::ptr::eq(&*t.expr, current),
                Expr::Async(a) => {
                    in_block = true;
                    a.block.stmts.len() == 1
                }
                Expr::MethodCall(m) => {
                    std::ptr::eq(&*m.receiver, current)
                        && (TRANSPARENT_FUTURE_METHODS.iter())
                            .chain(CANCELLING_FUTURE_METHODS)
                            .any(|w| m.method == w)
                }
                Expr::Call(c) => {
                    c.args.len() == 1
                        && std::ptr::eq(&c.args[0], current)
                        && self.ctx.callee_is(&c.func, TRANSPARENT_FUTURE_CALLS)
                }
                _ => false,
            };
            if !wraps {
                return None;
            }
            current = parent;
        }
        None
    }

    /// What the mention `expr` (a path naming the token) does with it: a
    /// local bound to it is followed, and so is a call it is handed to
    /// when a fn of this file answers for it or the call is spawned.
    fn classify(&mut self, expr: &Expr, ancestors: &[Node<'_>]) -> Use {
        match self.ctx.token_mention(expr, ancestors) {
            TokenMention::Harmless => Use::Neutral,
            TokenMention::Bound(binding) => {
                self.follow(binding);
                Use::Neutral
            }
            TokenMention::MayFire => Use::Escapes,
            TokenMention::Argument { call, index, at } => match call {
                Expr::MethodCall(m) => {
                    let is_self = matches!(&*m.receiver, Expr::Path(p) if p.path.is_ident("self"));
                    let method = self.ctx.local_method(&m.method.to_string());
                    // `executor.run(token)` on a value of the type this
                    // file's one `run` is a method of.
                    let of_its_type = |f: &crate::context::LocalFn<'_>| {
                        let own = f.self_ty.and_then(crate::context::impl_type_name);
                        own.is_some() && own == self.ctx.receiver_type(&m.receiver, ancestors)
                    };
                    if let Some(f) = method.filter(|f| is_self || of_its_type(f)) {
                        return self.follow_param(f, index, true);
                    }
                    self.handed_to_call(call, ancestors, at, index)
                }
                Expr::Call(c) => match self.local_callee(&c.func) {
                    Some((f, skip)) => self.follow_param(f, index, skip),
                    None => self.handed_to_call(call, ancestors, at, index),
                },
                _ => Use::Escapes,
            },
        }
    }

    /// The fn of this file a call's callee names, and whether its receiver
    /// parameter is skipped when counting arguments.
    fn local_callee(&self, func: &Expr) -> Option<(crate::context::LocalFn<'a>, bool)> {
        Some((self.ctx.called_local_fn(func)?, false))
    }
}

/// Whether `call` may call a fn of the crate that the crate pass can find
/// (a path into the crate, or a method on a receiver whose type it may
/// know), awaited or not.
fn may_be_crate_fn(ctx: &FileContext<'_>, call: &Expr) -> bool {
    match call {
        Expr::Call(c) => {
            matches!(&*c.func, Expr::Path(p) if p.qself.is_none() && ctx.crate_path_name(&p.path).is_some())
        }
        Expr::MethodCall(m) => crate::context::follow::receiver_type_may_be_known(&m.receiver),
        _ => false,
    }
}

/// Whether the async block, closure or block `e` (a task body, a closure's
/// body, or a future a spawn is given) holds the binding at `bound_at`: a
/// name bound inside it lives and dies with it. Other expressions hold no
/// binding of their own that a spawn could be given.
fn binds_inside(e: &Expr, bound_at: proc_macro2::Span) -> bool {
    let body = match e {
        Expr::Async(a) => a.block.brace_token.span.join(),
        Expr::Block(b) => b.block.brace_token.span.join(),
        Expr::Closure(c) => syn::spanned::Spanned::span(c),
        _ => return false,
    };
    crate::context::scopes::span_within(bound_at, body)
}

#[cfg(test)]
mod tests {}
