//! Spawn calls (the calls of [`super::paths`]' spawn tables, a configured
//! `spawn_functions` path, `.spawn(…)` on a runtime, handle, tracker or thread
//! builder), their task bodies (the async block, closure or fn of this file
//! that the task runs), what happens to their handles (kept by someone who
//! can stop or join the task, or dropped), and whether a spawn runs once for
//! the life of the process (`main`, a static's initializer).

use super::follow::FieldOf;
use syn::visit::Visit;
use syn::{Expr, Stmt};

use super::bindings::{pat_ident, MentionKind};
use super::paths::{
    BLOCKING_SPAWNS, CANCELLING_FUTURE_METHODS, CANCELLING_TOKEN_METHODS, HANDLE_CONSTRUCTORS,
    LEAKING_CALLS, RUNTIME_CONSTRUCTORS, SMOL_SPAWNS, TASK_SPAWNS, THREAD_BUILDERS, THREAD_SPAWNS,
    TRACKER_CONSTRUCTORS, TRANSPARENT_FUTURE_CALLS, TRANSPARENT_FUTURE_METHODS,
};
use super::{imports, peel_type, scope, FileContext, Node};
use crate::LintOptions;

/// What a spawn call starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpawnKind {
    /// An async task (tokio, async-std, actix, smol, a runtime or tracker).
    Task,
    /// A closure on tokio's blocking pool (`spawn_blocking`).
    Blocking,
    /// An OS thread (`std::thread::spawn`, `thread::Builder::spawn`).
    Thread,
}

/// A recognised spawn call.
#[derive(Debug, Clone, Copy)]
pub struct SpawnCall<'v> {
    /// The whole spawn expression (for `smol::spawn(f).detach()`, the `detach` call).
    pub expr: &'v Expr,
    /// What it starts.
    pub kind: SpawnKind,
    /// The future or closure handed to it.
    pub arg: &'v Expr,
    /// `smol::spawn(…).detach()`: the task is detached by the call itself.
    pub detached: bool,
    /// The runtime binding it was spawned on, when the same function creates that runtime.
    pub runtime: Option<&'v syn::Ident>,
}

/// The code a spawned task runs.
#[derive(Debug, Clone, Copy)]
pub enum TaskBody<'v> {
    /// An async block or a closure body.
    Expr(&'v Expr),
    /// The body of a fn of this file called to make the future.
    Fn(&'v syn::Block),
    /// A call of a fn or method this file does not define (`worker.run()`,
    /// `server::serve(listener)`): its body is elsewhere in the crate, if
    /// anywhere.
    Call(&'v Expr),
}

/// A task body and whether cancellation wraps the whole of it
/// (`spawn(fut.with_cancellation_token(t))`, `spawn(timeout(d, fut))`, …).
#[derive(Debug, Clone, Copy)]
pub struct Task<'v> {
    /// The code.
    pub body: TaskBody<'v>,
    /// Whether it is wrapped in cancellation.
    pub wrapped: bool,
}

impl Task<'_> {
    /// How many calls deep to follow the task's calls so as to read fns
    /// `call_depth` levels below its body: one more when the body is a fn
    /// the spawn's argument calls in another file (`spawn(worker::run())`:
    /// following that call reaches the body, level 0).
    pub fn follow_depth(&self, call_depth: usize) -> usize {
        match self.body {
            TaskBody::Call(_) => call_depth.saturating_add(1),
            TaskBody::Expr(_) | TaskBody::Fn(_) => call_depth,
        }
    }
}

/// How often code runs, as far as its file can tell (see
/// [`FileContext::lifetime`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lifetime {
    /// Once for the life of the process (`main`, a static's initializer).
    Process,
    /// Perhaps many times (in a loop), or unknown.
    Repeated,
    /// Once per call of the named fn of this file; whether that fn runs once
    /// for the process depends on its callers in the crate.
    PerCallOf(String),
}

/// What happens to a spawn call's `JoinHandle`.
#[derive(Debug, Clone, Copy)]
pub enum Handle {
    /// Awaited, aborted, stored, returned, passed on: someone can stop or join the task.
    Kept,
    /// Dropped: the task is detached.
    Discarded {
        /// Where it is dropped.
        at: proc_macro2::Span,
        /// A note saying how.
        note: &'static str,
    },
}

impl<'a> FileContext<'a> {
    /// The spawn call that gives `child` (an argument of `parent`, whose
    /// ancestors are given) its task: `parent` itself (`tokio::spawn(child)`),
    /// or, for `smol::spawn(child)`, the `.detach()` around it.
    pub fn spawn_of_argument<'v>(
        &'v self,
        parent: &'v Expr,
        ancestors: &[Node<'v>],
        child: &Expr,
        options: &LintOptions,
    ) -> Option<SpawnCall<'v>> {
        let spawn = match self.spawn_call(parent, ancestors, options) {
            Some(spawn) => spawn,
            None => {
                let (Node::Expr(outer), rest) = ancestors.split_last()? else {
                    return None;
                };
                let spawn = self.spawn_call(outer, rest, options)?;
                if !spawn.detached {
                    return None;
                }
                spawn
            }
        };
        std::ptr::eq(spawn.arg, child).then_some(spawn)
    }

    /// Whether the task `expr` makes is bound whole to a local (`let task =
    /// smol::spawn(fut);`, whose ancestors are given) that is detached
    /// later (`task.detach();`).
    fn detached_later(&self, expr: &Expr, ancestors: &[Node<'_>]) -> bool {
        let Some(Node::Local(local)) = ancestors.last() else {
            return false;
        };
        let whole = (local.init.as_ref())
            .is_some_and(|i| std::ptr::eq(&*i.expr, expr) && i.diverge.is_none());
        let Some(id) = pat_ident(&local.pat)
            .filter(|_| whole)
            .and_then(|i| self.binding_of_pat(i))
        else {
            return false;
        };
        (self.references(id).iter()).any(|r| {
            r.kind == MentionKind::MethodReceiver
                && r.method.as_ref().is_some_and(|m| m == "detach")
        })
    }

    /// The spawn call `expr` is, if it is one.
    pub fn spawn_call<'v>(
        &'v self,
        expr: &'v Expr,
        ancestors: &[Node<'v>],
        options: &LintOptions,
    ) -> Option<SpawnCall<'v>> {
        match expr {
            Expr::Call(call) => {
                let Expr::Path(p) = &*call.func else {
                    return None;
                };
                if p.qself.is_some() || call.args.len() != 1 {
                    return None;
                }
                // `let task = smol::spawn(fut);`, then `task.detach();`.
                if self.callee_is(&call.func, SMOL_SPAWNS) && self.detached_later(expr, ancestors) {
                    return Some(SpawnCall {
                        expr,
                        kind: SpawnKind::Task,
                        arg: &call.args[0],
                        detached: true,
                        runtime: None,
                    });
                }
                let named = (TASK_SPAWNS
                    .iter()
                    .chain(BLOCKING_SPAWNS)
                    .chain(THREAD_SPAWNS))
                .copied()
                .chain(options.spawn_functions.iter().map(String::as_str));
                if !self.may_resolve_to(&p.path, named) {
                    return None;
                }
                let resolved = self.resolve(&p.path)?;
                let kind = if TASK_SPAWNS.contains(&resolved.as_str())
                    || is_configured(&resolved, &p.path, options)
                {
                    SpawnKind::Task
                } else if BLOCKING_SPAWNS.contains(&resolved.as_str()) {
                    SpawnKind::Blocking
                } else if THREAD_SPAWNS.contains(&resolved.as_str()) {
                    SpawnKind::Thread
                } else {
                    return None;
                };
                Some(SpawnCall {
                    expr,
                    kind,
                    arg: &call.args[0],
                    detached: false,
                    runtime: None,
                })
            }
            Expr::MethodCall(m) if m.method == "detach" && m.args.is_empty() => {
                let Expr::Call(call) = &*m.receiver else {
                    return None;
                };
                if call.args.len() != 1 || !self.callee_is(&call.func, SMOL_SPAWNS) {
                    return None;
                }
                Some(SpawnCall {
                    expr,
                    kind: SpawnKind::Task,
                    arg: &call.args[0],
                    detached: true,
                    runtime: None,
                })
            }
            Expr::MethodCall(m)
                if m.args.len() == 1 && (m.method == "spawn" || m.method == "spawn_blocking") =>
            {
                let blocking = m.method == "spawn_blocking";
                let (origin, runtime) = self.receiver_origin(&m.receiver, ancestors)?;
                let kind = match origin {
                    Origin::Runtime | Origin::Handle if blocking => SpawnKind::Blocking,
                    Origin::Runtime | Origin::Handle | Origin::Tracker if !blocking => {
                        SpawnKind::Task
                    }
                    Origin::ThreadBuilder if !blocking => SpawnKind::Thread,
                    _ => return None,
                };
                let runtime = if origin == Origin::Runtime {
                    runtime
                } else {
                    None
                };
                Some(SpawnCall {
                    expr,
                    kind,
                    arg: &m.args[0],
                    detached: false,
                    runtime,
                })
            }
            _ => None,
        }
    }

    /// Whether `call` starts an OS thread: `std::thread::spawn(…)`, or
    /// `.spawn(…)` on a `std::thread::Builder` (`ancestors` are the call's).
    pub fn starts_a_thread<'v>(&'v self, call: &'v Expr, ancestors: &[Node<'v>]) -> bool {
        match call {
            Expr::Call(c) => c.args.len() == 1 && self.callee_is(&c.func, THREAD_SPAWNS),
            Expr::MethodCall(m) if m.method == "spawn" && m.args.len() == 1 => matches!(
                self.receiver_origin(&m.receiver, ancestors),
                Some((Origin::ThreadBuilder, _))
            ),
            _ => false,
        }
    }

    /// Where the receiver of a `.spawn(…)` comes from, following one
    /// `let` binding in the enclosing fn.
    fn receiver_origin<'v>(
        &'v self,
        receiver: &'v Expr,
        ancestors: &[Node<'v>],
    ) -> Option<(Origin, Option<&'v syn::Ident>)> {
        let mut e = receiver;
        let mut binding = None;
        for _ in 0..32 {
            match e {
                Expr::MethodCall(m) if is_self(&m.receiver) => {
                    let f = self.local_method(&imports::unraw(&m.method))?;
                    return Some((runtime_return(f.sig)?, binding));
                }
                Expr::MethodCall(m) => e = &m.receiver,
                Expr::Try(t) => e = &t.expr,
                Expr::Paren(p) => e = &p.expr,
                Expr::Reference(r) => e = &r.expr,
                Expr::Call(c) => {
                    let origin = if self.callee_is(&c.func, RUNTIME_CONSTRUCTORS) {
                        Origin::Runtime
                    } else if self.callee_is(&c.func, HANDLE_CONSTRUCTORS) {
                        Origin::Handle
                    } else if self.callee_is(&c.func, TRACKER_CONSTRUCTORS) {
                        Origin::Tracker
                    } else if self.callee_is(&c.func, THREAD_BUILDERS) {
                        Origin::ThreadBuilder
                    } else {
                        runtime_return(self.called_local_fn(&c.func)?.sig)?
                    };
                    return Some((origin, binding));
                }
                // A parameter or typed `let` (`tracker: &TaskTracker`), or a
                // field of `self` typed so by its struct in this file.
                Expr::Path(p)
                    if p.path.get_ident().is_some_and(|ident| {
                        self.declared_type(ident, ancestors)
                            .is_some_and(|ty| self.is_task_tracker(ty))
                    }) =>
                {
                    return Some((Origin::Tracker, None));
                }
                Expr::Field(f)
                    if is_self(&f.base)
                        && matches!(&f.member, syn::Member::Named(field) if self
                            .self_field_type(ancestors, field)
                            .is_some_and(|ty| self.is_task_tracker(ty))) =>
                {
                    return Some((Origin::Tracker, None));
                }
                Expr::Path(p) if binding.is_none() => {
                    let ident = p.path.get_ident()?;
                    binding = Some(ident);
                    match self.binding_init(ident, ancestors) {
                        Some(init) => e = init,
                        // A static holding a runtime or handle: never dropped, never owned.
                        None => {
                            let ty = self.static_type(&imports::unraw(ident))?;
                            return is_runtime_type(peel_type(ty, CELL_TYPES))
                                .then_some((Origin::Handle, None));
                        }
                    }
                }
                _ => return None,
            }
        }
        None
    }

    /// Whether `ty` is tokio_util's `TaskTracker`, through `&`, `Arc`, `Rc`
    /// and `Box`.
    fn is_task_tracker(&self, ty: &syn::Type) -> bool {
        match peel_type(ty, super::POINTERS) {
            syn::Type::Path(p) if p.qself.is_none() => self
                .resolve(&p.path)
                .is_some_and(|path| path == "tokio_util::task::TaskTracker"),
            _ => false,
        }
    }

    /// The code a spawn call's argument runs: an async block, a closure, or
    /// a call of a fn or method defined in this file (`f(args)`,
    /// `Self::f(args)`, `self.f(args)`), seen through `.instrument(…)`-style
    /// wrappers and one `let fut = …;` binding.
    pub fn task_body<'v>(&'v self, arg: &'v Expr, ancestors: &[Node<'v>]) -> Option<Task<'v>> {
        let mut e = arg;
        let mut wrapped = false;
        let mut followed_binding = false;
        loop {
            match e {
                Expr::Async(_) => {
                    return Some(Task {
                        body: TaskBody::Expr(e),
                        wrapped,
                    })
                }
                Expr::Closure(c) => {
                    return Some(Task {
                        body: TaskBody::Expr(&c.body),
                        wrapped,
                    })
                }
                Expr::Paren(p) => e = &p.expr,
                Expr::Reference(r) => e = &r.expr,
                // `spawn({ let a = a.clone(); async move { … } })`: the block's tail.
                Expr::Block(b) if b.label.is_none() => e = block_tail(self, &b.block)?,
                Expr::MethodCall(m) => match m.method.to_string().as_str() {
                    name if TRANSPARENT_FUTURE_METHODS.contains(&name) => e = &m.receiver,
                    name if CANCELLING_FUTURE_METHODS.contains(&name) => {
                        wrapped = true;
                        e = &m.receiver;
                    }
                    name if CANCELLING_TOKEN_METHODS.contains(&name) && m.args.len() == 1 => {
                        wrapped = true;
                        e = &m.args[0];
                    }
                    name => {
                        let on_self =
                            matches!(&*m.receiver, Expr::Path(p) if p.path.is_ident("self"));
                        let body = match self.local_method(name) {
                            Some(f) if on_self => TaskBody::Fn(f.block),
                            _ => TaskBody::Call(e),
                        };
                        return Some(Task { body, wrapped });
                    }
                },
                Expr::Call(c) => {
                    if self.callee_is(&c.func, TRANSPARENT_FUTURE_CALLS) && c.args.len() == 1 {
                        e = &c.args[0];
                        continue;
                    }
                    if let Some(arg) = self.cancelled_argument(&c.func) {
                        wrapped = true;
                        e = c.args.iter().nth(arg)?;
                        continue;
                    }
                    let body = match self.called_local_fn(&c.func) {
                        Some(f) => TaskBody::Fn(f.block),
                        None => TaskBody::Call(e),
                    };
                    return Some(Task { body, wrapped });
                }
                Expr::Path(p) if !followed_binding => {
                    let ident = p.path.get_ident()?;
                    followed_binding = true;
                    e = self.binding_init(ident, ancestors)?;
                }
                _ => return None,
            }
        }
    }

    /// Whether `call` is a `get_or_init*` / `get_or_try_init*` call on a
    /// static of this file (`CONFIG.get_or_init(|| …)`): its closure is
    /// the static's initialiser, run once for the life of the process.
    pub fn initializes_a_static(&self, call: &Expr) -> bool {
        let Expr::MethodCall(m) = call else {
            return false;
        };
        if !is_once_init(&m.method.to_string()) {
            return false;
        }
        match &*m.receiver {
            Expr::Path(p) if p.qself.is_none() => p
                .path
                .get_ident()
                .is_some_and(|id| self.static_type(&imports::unraw(id)).is_some()),
            _ => false,
        }
    }

    /// Whether the callee expression `func` names a free fn of the crate
    /// that this file does not define (`backoff::pause` after `use
    /// crate::backoff;`, `crate::jobs::drive`): the crate pass may find it.
    pub fn names_fn_of_other_file(&self, func: &Expr) -> bool {
        let Expr::Path(p) = func else {
            return false;
        };
        if p.qself.is_some() || self.called_local_fn(func).is_some() {
            return false;
        }
        // Also through the name of a library of the crate
        // (`common::retry::pause(1)`) or a module a glob of the crate's own
        // modules brings in (`backoff::pause(1)` after `use super::*;`).
        self.resolve(&p.path).is_some_and(|r| {
            super::paths::of_own_crate(&r)
                || (r.contains("::") && self.crate_path_name(&p.path).is_some())
        })
    }

    /// The fn or method of this file that a callee expression names: `f`
    /// (an item of the file, not an import), `Self::f`, or a `crate::` /
    /// `self::` / `super::` path ending in a free fn defined here.
    pub fn called_local_fn(&self, func: &Expr) -> Option<super::LocalFn<'a>> {
        let Expr::Path(p) = func else { return None };
        if p.qself.is_some() {
            return None;
        }
        let last = imports::unraw(&p.path.segments.last()?.ident);
        match p.path.segments.len() {
            1 => {
                // An item of the module the call is in (or of its parent,
                // through `use super::*`), not an import, nor a local
                // (`let worker = || async { … }; spawn(worker())`), nor the
                // fn of a module inside it when the name is imported from
                // elsewhere (`use crate::queue::drain;` beside `mod inner
                // { fn drain() }`).
                let resolved = self.resolve(&p.path)?;
                if !resolved.starts_with("crate::")
                    || self.binding_of_use(&p.path.segments[0].ident).is_some()
                {
                    return None;
                }
                let f = self.local_fn(&last)?;
                (self.imports.item_path_at(&last, f.sig.ident.span()) == resolved).then_some(f)
            }
            2 if p.path.segments[0].ident == "Self" => self.local_method(&last),
            _ => {
                // `crate::jobs::run` or `jobs::run` names this file's `run`
                // only when it resolves to where that `run` is: in a module
                // file, `metrics::run()` is another file's `run` (the crate
                // pass follows it there).
                let resolved = self.resolve(&p.path)?;
                let f = self.local_fn(&last)?;
                (self.imports.item_path_at(&last, f.sig.ident.span()) == resolved).then_some(f)
            }
        }
    }

    /// Whether the expression whose ancestors are given runs once for the
    /// life of the process: it is in the body of `main` (a fn named `main`
    /// at the top of the file, or any fn with an attribute whose last
    /// segment is `main`, such as `#[tokio::main]`) or in the initialiser of
    /// a static (`static X: Lazy<…> = Lazy::new(…)`, `lazy_static!`,
    /// `thread_local!`, a `get_or_init*` / `get_or_try_init*` closure on a
    /// static), including inside closures and async blocks there, but not
    /// inside a loop (`loop`, `while`, the body of a `for`, the closure given
    /// to `for_each` / `for_each_concurrent` / `try_for_each…`), which may
    /// run it many times.
    pub fn is_process_lifetime<'v>(&'v self, expr: &'v Expr, ancestors: &[Node<'v>]) -> bool {
        matches!(self.lifetime(expr, ancestors), Lifetime::Process)
    }

    /// Whether a task started at `expr` is judged at all, and how: `None`
    /// when it runs once for the life of the process (left alone unless
    /// `process_lifetime = "report"`), else `Some` of the fn whose every
    /// call starts it when the crate's callers decide that (see
    /// `Finding::moot_if`).
    pub fn task_moot_if<'v>(
        &'v self,
        expr: &'v Expr,
        ancestors: &[Node<'v>],
        options: &LintOptions,
    ) -> Option<Option<String>> {
        match self.lifetime(expr, ancestors) {
            _ if options.report_process_lifetime => Some(None),
            Lifetime::Process => None,
            Lifetime::PerCallOf(function) => Some(Some(function)),
            Lifetime::Repeated => Some(None),
        }
    }

    /// How often the expression whose ancestors are given runs, as far as
    /// this file can tell (see [`Self::is_process_lifetime`]): once for the
    /// process, perhaps many times, or once per call of the fn it is in
    /// (not in a loop of that fn), which the crate's callers decide.
    pub fn lifetime<'v>(&'v self, expr: &'v Expr, ancestors: &[Node<'v>]) -> Lifetime {
        for (i, node) in ancestors.iter().enumerate().rev() {
            let child = ancestors.get(i + 1).copied().unwrap_or(Node::Expr(expr));
            match node {
                node if super::loops::repeats_on_every_turn(node, Some(&child)) => {
                    return Lifetime::Repeated;
                }
                Node::Expr(Expr::MethodCall(m))
                    if m.method.to_string().contains("for_each")
                        && !matches!(child, Node::Expr(c) if std::ptr::eq(c, &*m.receiver)) =>
                {
                    return Lifetime::Repeated;
                }
                Node::Expr(call @ Expr::MethodCall(m))
                    if !matches!(child, Node::Expr(c) if std::ptr::eq(c, &*m.receiver))
                        && self.initializes_a_static(call) =>
                {
                    return Lifetime::Process;
                }
                Node::Static(_) => return Lifetime::Process,
                Node::Macro(m)
                    if m.path
                        .segments
                        .last()
                        .is_some_and(|s| s.ident == "lazy_static" || s.ident == "thread_local") =>
                {
                    return Lifetime::Process;
                }
                Node::ItemFn(f) => {
                    return if self.is_entry_point(f) || never_returns(&f.sig) {
                        Lifetime::Process
                    } else {
                        Lifetime::PerCallOf(imports::unraw(&f.sig.ident))
                    };
                }
                Node::ImplFn(f) if scope::has_main_attr(&f.attrs) || never_returns(&f.sig) => {
                    return Lifetime::Process
                }
                Node::ImplFn(f) => return Lifetime::PerCallOf(imports::unraw(&f.sig.ident)),
                Node::TraitFn(_) | Node::Const(_) => return Lifetime::Repeated,
                _ => {}
            }
        }
        Lifetime::Repeated
    }

    /// The endless loops of a task (see [`FileContext::endless_loops_in`]).
    pub fn task_loops<'v>(&'v self, task: &Task<'v>) -> Vec<super::loops::LoopSite<'v>> {
        self.task_shape_of(task).loops
    }

    /// The endless loops of a task body and the calls it makes, where its
    /// loop may be instead (see [`FileContext::task_shape`]).
    pub fn task_shape_of<'v>(&'v self, task: &Task<'v>) -> super::loops::TaskShape<'v> {
        match task.body {
            TaskBody::Expr(e) => self.task_shape(e, task.wrapped),
            TaskBody::Fn(b) => self.task_shape_of_block(b, task.wrapped),
            TaskBody::Call(e) => super::loops::TaskShape {
                loops: Vec::new(),
                calls: if task.wrapped {
                    Vec::new()
                } else {
                    vec![self.call_span(e)]
                },
                deferred: Vec::new(),
            },
        }
    }

    /// What happens to the value of `expr` (a spawn call) given its ancestors.
    pub fn handle_disposition<'v>(&'v self, expr: &'v Expr, ancestors: &[Node<'v>]) -> Handle {
        let mut current = expr;
        for (i, node) in ancestors.iter().enumerate().rev() {
            match node {
                Node::Expr(parent) => match parent {
                    Expr::Try(_)
                    | Expr::Paren(_)
                    | Expr::If(_)
                    | Expr::Match(_)
                    | Expr::Block(_)
                    | Expr::Unsafe(_) => current = parent,
                    Expr::MethodCall(m)
                        if std::ptr::eq(&*m.receiver, current)
                            && (m.method == "unwrap" || m.method == "expect") =>
                    {
                        current = parent;
                    }
                    _ => return Handle::Kept,
                },
                Node::Stmt(Stmt::Expr(_, Some(semi))) => {
                    return Handle::Discarded {
                        at: semi.span,
                        note: "the JoinHandle is dropped here, detaching the task",
                    };
                }
                Node::Stmt(_) | Node::Block(_) | Node::Arm(_) => {}
                Node::Local(local) => {
                    let Some(ident) = pat_ident(&local.pat) else {
                        return match &local.pat {
                            syn::Pat::Wild(w) => Handle::Discarded {
                                at: w.underscore_token.span,
                                note: "`let _ =` drops the JoinHandle at once, detaching the task",
                            },
                            _ => Handle::Kept,
                        };
                    };
                    if self.stmts_after(&ancestors[..i]).is_none() {
                        return Handle::Kept;
                    }
                    let mentions = self.references_of_pat(ident);
                    if let Some(drop) = mentions.iter().find(|m| m.kind == MentionKind::Drop) {
                        if mentions.iter().all(|m| m.kind == MentionKind::Drop) {
                            return Handle::Discarded {
                                at: drop.span,
                                note: "the JoinHandle is dropped here, detaching the task",
                            };
                        }
                    }
                    if mentions.is_empty() {
                        return Handle::Discarded { at: ident.span(), note: "the JoinHandle is bound here but never used, so the task is detached" };
                    }
                    // `h.id()` in a log line, `h.is_finished()`: looking at
                    // the handle neither stops the task nor waits for it.
                    let only_inspected = |m: &super::bindings::Mention| {
                        m.kind == MentionKind::Drop || only_inspects(m)
                    };
                    if mentions.iter().all(only_inspected) {
                        return Handle::Discarded { at: ident.span(), note: "the JoinHandle is only looked at (`id()`, `is_finished()`), never awaited or aborted, so the task is detached" };
                    }
                    return Handle::Kept;
                }
                _ => return Handle::Kept,
            }
        }
        Handle::Kept
    }

    /// `.spawn(fut)` (or `.spawn_blocking(fut)`) on the result of a call of
    /// a fn this file does not define but the crate may
    /// (`rt::runtime().spawn(…)`): a spawn call when that fn returns a
    /// runtime its caller does not own, which the crate pass decides
    /// ([`crate::Follow::runtime_of`]). The spawn, and the receiver's call.
    pub fn spawn_on_crate_runtime<'v>(
        &self,
        expr: &'v Expr,
        ancestors: &[Node<'v>],
    ) -> Option<(SpawnCall<'v>, crate::Span)> {
        let Expr::MethodCall(m) = expr else {
            return None;
        };
        if m.args.len() != 1 || (m.method != "spawn" && m.method != "spawn_blocking") {
            return None;
        }
        // The call under `?`, parentheses and `&`, also through one `let`
        // (`let handle = rt::handle(); handle.spawn(…)`).
        let mut receiver = &*m.receiver;
        let mut followed_binding = false;
        let call = loop {
            match receiver {
                Expr::Try(t) => receiver = &t.expr,
                Expr::Paren(p) => receiver = &p.expr,
                Expr::Reference(r) => receiver = &r.expr,
                Expr::Call(call) => break call,
                Expr::Path(p) if !followed_binding => {
                    followed_binding = true;
                    receiver = self.binding_init(p.path.get_ident()?, ancestors)?;
                }
                _ => return None,
            }
        };
        // A fn of this file is decided here (see `spawn_call`).
        if self.called_local_fn(&call.func).is_some() {
            return None;
        }
        self.crate_call_name(receiver, ancestors)?;
        let kind = match m.method == "spawn" {
            true => SpawnKind::Task,
            false => SpawnKind::Blocking,
        };
        let spawn = SpawnCall {
            expr,
            kind,
            arg: &m.args[0],
            detached: false,
            runtime: None,
        };
        Some((spawn, self.span_of(receiver)))
    }

    /// A call of a fn of the crate that may be a spawn wrapper (one that
    /// spawns its parameter and drops the handle: `spawn_named("ticker",
    /// async move { … })`) given a future written in place, or made by a
    /// call when the fn may spawn by its name
    /// ([`FileContext::call_may_spawn`]): the crate pass decides whether
    /// the callee is one ([`crate::Follow::spawn_wrapper`]).
    pub fn spawn_wrapper_call<'v>(
        &self,
        expr: &'v Expr,
        ancestors: &[Node<'v>],
    ) -> Option<WrapperCall<'v>> {
        // A free fn, a method called on `self`, or a method that may spawn
        // by its name called on a variable or a field of either: the crate
        // pass resolves it by the receiver's type (a method on a value of
        // unknown type is never resolved). The name keeps
        // `rt.block_on(async { … })` and the like out, and the pre-filter
        // reads the file (it says `spawn` or a wrapper's name). A path whose last segment is capitalised
        // builds a value (`Ok(…)`, `Some(…)`, a tuple struct): no fn.
        let constructor = |f: &Expr| {
            matches!(f, Expr::Path(p) if p.path.segments.last().is_some_and(|s| {
                s.ident.to_string().starts_with(char::is_uppercase)
            }))
        };
        let says_spawn = self.call_may_spawn(expr);
        let args = match expr {
            Expr::Call(c) if !constructor(&c.func) => &c.args,
            Expr::MethodCall(m) if is_self(&m.receiver) => &m.args,
            Expr::MethodCall(m)
                if says_spawn && super::follow::receiver_type_may_be_known(&m.receiver) =>
            {
                &m.args
            }
            _ => return None,
        };
        // A future written in place (an async block, or a closure that
        // returns one) is a task body worth following; so is one made by a
        // call (`spawn_named("hb", hb_loop(conn))`, `spawn_with(move ||
        // hb_loop())`) when the fn's name says `spawn` or is one of the
        // crate's fns that spawn a parameter (`detach(hb_loop(conn))`):
        // `f(g(x))` is everywhere, and each would wait for the crate.
        let made_by_call = |e: &Expr| {
            says_spawn
                && match e {
                    Expr::Call(c) => !constructor(&c.func),
                    Expr::MethodCall(_) => true,
                    _ => false,
                }
        };
        // A future written in place wins over a call (`spawn_named(id.to_string(),
        // async { … })`); of several calls, the last is taken: the future
        // comes after the name or the options.
        // A plain closure is a thread's body when the fn may spawn by its
        // name (`run_detached("log", move || loop { … })` handing it to
        // `thread::Builder::spawn`).
        let in_place = |a: &Expr| match a {
            Expr::Async(_) => true,
            Expr::Closure(c) => {
                c.asyncness.is_some()
                    || matches!(&*c.body, Expr::Async(_))
                    || made_by_call(&c.body)
                    || says_spawn
            }
            _ => false,
        };
        // A block argument is judged by its tail (`detach({ let db =
        // db.clone(); async move { … } })`), as a spawn call's is.
        let tail = |mut a: &'v Expr| {
            while let Expr::Block(b) = a {
                match block_tail(self, &b.block) {
                    Some(t) if b.label.is_none() => a = t,
                    _ => break,
                }
            }
            a
        };
        let mut args = args.iter().enumerate();
        let (index, arg) = (args.clone().find(|(_, a)| in_place(tail(a))))
            .or_else(|| args.rfind(|(_, a)| made_by_call(tail(a))))?;
        let name = self.crate_call_name(expr, ancestors)?;
        Some(WrapperCall { name, index, arg })
    }

    /// The struct field a spawn call's handle is stored in, directly or in
    /// an `Option` or a collection: `self.task = Some(spawn(…))`,
    /// `self.tasks.push(spawn(…))`, `Worker { task: spawn(…), … }`. Such a
    /// handle is kept only if something reads the field to stop the task,
    /// which only the whole crate can tell.
    pub fn stored_in_field<'v>(
        &'v self,
        expr: &'v Expr,
        ancestors: &[Node<'v>],
    ) -> Option<(FieldOf, proc_macro2::Span)> {
        let self_type = self.self_type_at(ancestors);
        let mut current = expr;
        for (i, node) in ancestors.iter().enumerate().rev() {
            let parent = match node {
                Node::Expr(parent) => parent,
                // `let task = spawn(…); … self.task = Some(task);`
                Node::Local(local) => {
                    let ident = pat_ident(&local.pat)?;
                    let rest = self.stmts_after(&ancestors[..i])?;
                    // Into a field, or into a local collection then stored
                    // in one (`let h = spawn(…); tasks.push(h);` … `Self {
                    // tasks }`).
                    let stored = |target: &Expr| {
                        let outer = &ancestors[..i];
                        self.stored_field(target, outer, self_type.as_deref())
                            .or_else(|| {
                                self.collection_stored_in_field(target, outer, self_type.as_deref())
                                    .map(|(field, _)| field)
                            })
                    };
                    let stores =
                        field_stores(rest, &ident.to_string(), self_type.as_deref(), &stored);
                    let mentions = self.references_of_pat(ident).len();
                    return match stores.as_slice() {
                        [only] if mentions == 1 => Some(only.clone()),
                        _ => None,
                    };
                }
                Node::Stmt(Stmt::Local(_)) => continue,
                // The value of a block: `{ …; spawn(…) }`.
                Node::Stmt(Stmt::Expr(tail, None)) if std::ptr::eq(tail, current) => continue,
                Node::Block(block) if matches!(block.stmts.last(), Some(Stmt::Expr(tail, None)) if std::ptr::eq(tail, current)) => {
                    continue
                }
                _ => return None,
            };
            match parent {
                Expr::Paren(_) | Expr::Block(_) => current = parent,
                // `shards.iter().map(|s| spawn(…)).collect()`: each handle
                // goes into the collection `collect` makes.
                Expr::Closure(c) if std::ptr::eq(&*c.body, current) => {
                    let above = |n: usize| i.checked_sub(n).map(|j| ancestors[j]);
                    let (
                        Some(Node::Expr(map_call @ Expr::MethodCall(map))),
                        Some(Node::Expr(collect @ Expr::MethodCall(m))),
                    ) = (above(1), above(2))
                    else {
                        return None;
                    };
                    let closure_is_the_argument =
                        map.args.len() == 1 && std::ptr::eq(&map.args[0], *parent);
                    if map.method != "map"
                        || !closure_is_the_argument
                        || m.method != "collect"
                        || !std::ptr::eq(&*m.receiver, map_call)
                    {
                        return None;
                    }
                    return self.stored_in_field(collect, &ancestors[..i - 2]);
                }
                // `Some(spawn(…))`
                Expr::Call(c)
                    if c.args.len() == 1
                        && matches!(&*c.func, Expr::Path(p) if p.path.is_ident("Some")) =>
                {
                    current = parent;
                }
                Expr::Assign(a) if std::ptr::eq(&*a.right, current) => {
                    return (self.stored_field(&a.left, &ancestors[..i], self_type.as_deref()))
                        .map(|f| (f, field_name_span(&a.left).unwrap_or(a.eq_token.span)));
                }
                Expr::MethodCall(m)
                    if !std::ptr::eq(&*m.receiver, current) && adds_to_collection(&m.method) =>
                {
                    // `self.tasks.push(spawn(…))`, also through a guard
                    // local: `let mut tasks = self.tasks.lock().await; …
                    // tasks.insert(k, spawn(…))`
                    if let Some(f) =
                        self.stored_field(&m.receiver, &ancestors[..i], self_type.as_deref())
                    {
                        return Some((f, field_name_span(&m.receiver).unwrap_or(m.method.span())));
                    }
                    // `workers.push(spawn(…))` into a local collection that
                    // is then stored: `Self { workers }`.
                    return self.collection_stored_in_field(
                        &m.receiver,
                        &ancestors[..i],
                        self_type.as_deref(),
                    );
                }
                Expr::Struct(st) => {
                    return struct_literal_field(st, current, self_type.as_deref());
                }
                _ => return None,
            }
        }
        None
    }

    /// The field that storing into `target` (the left of `=`, or the
    /// receiver of `push`/`insert`) stores into, knowing the locals in scope
    /// at `ancestors`: a field of `self`, of a local built as a struct
    /// literal or declared with a type (`this.reaper` after `let mut this =
    /// Self { … };`: the field of that struct, not of any struct with a
    /// field so named), or the field a guard local lends
    /// ([`Self::guard_of_field`]).
    fn stored_field(
        &self,
        target: &Expr,
        ancestors: &[Node<'_>],
        self_type: Option<&str>,
    ) -> Option<FieldOf> {
        match field_of(target, self_type) {
            Some(mut field) => {
                if field.owner.is_none() {
                    field.owner = self.local_struct_type(target, ancestors, self_type);
                }
                Some(field)
            }
            None => self.guard_of_field(target, ancestors, self_type),
        }
    }

    /// The struct a field's base is, when the base is a local whose `let`
    /// says: `this` after `let mut this = Self { … };` or `let this: Pool =
    /// …;`.
    fn local_struct_type(
        &self,
        field: &Expr,
        ancestors: &[Node<'_>],
        self_type: Option<&str>,
    ) -> Option<String> {
        let Expr::Field(f) = super::follow::through_guard(field) else {
            return None;
        };
        let id = self.binding_of_expr(&f.base)?;
        let at = self.let_of(id, ancestors)?;
        if let syn::Pat::Type(typed) = &at.local.pat {
            return super::impl_type_name(peel_type(&typed.ty, super::POINTERS));
        }
        match &*at.local.init.as_ref()?.expr {
            Expr::Struct(literal) => struct_literal_type(literal, self_type),
            _ => None,
        }
    }

    /// The field a local names when it holds that field's lock guard or a
    /// reference to it (`let mut tasks = self.tasks.lock().await;`, `let
    /// tasks = &mut self.tasks;`): what is inserted through it is stored in
    /// the field. `ancestors` are those of a place where the local is in
    /// scope.
    fn guard_of_field(
        &self,
        local: &Expr,
        ancestors: &[Node<'_>],
        self_type: Option<&str>,
    ) -> Option<FieldOf> {
        let id = self.binding_of_expr(local)?;
        let at = self.let_of(id, ancestors)?;
        pat_ident(&at.local.pat)?;
        guarded_field(&at.local.init.as_ref()?.expr, self_type)
    }

    /// The field a local collection that handles are pushed into is stored
    /// in: `let mut workers = Vec::new(); … workers.push(spawn(…)); …
    /// Self { workers }`. Only when the collection starts empty, every
    /// other mention of it adds to it, and that one store is left.
    fn collection_stored_in_field<'v>(
        &'v self,
        collection: &Expr,
        ancestors: &[Node<'v>],
        self_type: Option<&str>,
    ) -> Option<(FieldOf, proc_macro2::Span)> {
        let id = self.binding_of_expr(collection)?;
        let at = self.let_of(id, ancestors)?;
        let ident = pat_ident(&at.local.pat)?;
        let init = &at.local.init.as_ref()?.expr;
        if !starts_empty(init) {
            return None;
        }
        let Node::Block(block) = ancestors[at.depth] else {
            return None;
        };
        let index = block.stmts.iter().position(|s| std::ptr::eq(s, at.stmt))?;
        let other_mentions = (self.references(id).iter())
            .filter(|r| {
                !(r.kind == MentionKind::MethodReceiver
                    && r.method.as_ref().is_some_and(adds_to_collection))
            })
            .count();
        let stored = |target: &Expr| field_of(target, self_type);
        let stores = field_stores(
            &block.stmts[index + 1..],
            &ident.to_string(),
            self_type,
            &stored,
        );
        match stores.as_slice() {
            [only] if other_mentions == 1 => Some(only.clone()),
            _ => None,
        }
    }

    /// Whether an ambient spawn (`tokio::spawn(…)`, whose ancestors are
    /// given) runs inside the future handed to `rt.block_on(…)` of a
    /// runtime `rt` that its fn creates (`let rt = Builder::new_multi_thread()
    /// …build()?`): the task runs on that runtime and is cancelled when the
    /// runtime is dropped, at the end of that fn or by whoever it is handed to.
    /// Not when the spawn is in a loop of that future (`while let Some(u) =
    /// rx.recv().await { tokio::spawn(…) }`): a task is started on every
    /// turn, and they pile up for as long as the runtime runs.
    pub fn spawned_inside_local_runtime<'v>(&'v self, ancestors: &[Node<'v>]) -> bool {
        let mut repeats = false;
        for (i, node) in ancestors.iter().enumerate().rev() {
            repeats |= super::loops::repeats_on_every_turn(node, ancestors.get(i + 1));
            match node {
                Node::Expr(Expr::MethodCall(m)) if m.method == "block_on" && m.args.len() == 1 => {
                    let inside = match ancestors.get(i + 1) {
                        Some(Node::Expr(child)) => std::ptr::eq(*child, &m.args[0]),
                        _ => false,
                    };
                    if inside {
                        return !repeats
                            && matches!(
                                self.receiver_origin(&m.receiver, &ancestors[..i]),
                                Some((Origin::Runtime, Some(_)))
                            );
                    }
                }
                node if node.is_item() => return false,
                _ => {}
            }
        }
        false
    }

    /// Whether the runtime bound to `runtime` is returned or stored after
    /// the statement whose ancestors are given: moved anywhere other than as
    /// a method receiver (returned, put in a struct, passed, dropped), so its
    /// tasks are cancelled when its owner drops it. A runtime leaked
    /// (`std::mem::forget(rt)`, `Box::leak(Box::new(rt))`) is never dropped:
    /// that mention owns nothing.
    pub fn runtime_is_owned<'v>(&'v self, runtime: &syn::Ident, ancestors: &[Node<'v>]) -> bool {
        let Some(id) = self.binding_of_use(runtime) else {
            return true;
        };
        let Some(after) = self.references_after(id, ancestors) else {
            return true;
        };
        let mut leaked = Vec::new();
        let leaks: Vec<&str> = LEAKING_CALLS.iter().map(|(path, _)| *path).collect();
        if let Some(body) = super::threads::enclosing_fn_body(ancestors) {
            self.any_expr(body, |e| {
                if let Expr::Call(call) = e {
                    if call.args.len() == 1 && self.callee_is(&call.func, &leaks) {
                        // `Box::leak(Box::new(rt))`: the runtime boxed in place.
                        let arg = match &call.args[0] {
                            Expr::Call(boxed) if boxed.args.len() == 1 => &boxed.args[0],
                            arg => arg,
                        };
                        leaked.extend(super::chains::path_ident(arg).map(|n| n.span().start()));
                    }
                }
                false
            });
        }
        after
            .iter()
            .any(|m| m.kind != MentionKind::MethodReceiver && !leaked.contains(&m.span.start()))
    }
}

/// Types that hold a value for a static (`static RT: Lazy<Runtime>`) or
/// share it; seen through when looking for a `Runtime` / `Handle`.
const CELL_TYPES: &[&str] = &[
    "Lazy",
    "LazyLock",
    "OnceLock",
    "OnceCell",
    "Option",
    "Arc",
    "Box",
    "ManuallyDrop",
    "Mutex",
    "RwLock",
];

/// The return wrappers peeled by `?`, `.unwrap()` or shared ownership.
const RETURN_WRAPPERS: &[&str] = &["Option", "Result", "Arc", "Rc", "Box"];

/// Whether a type's last segment is `Runtime` or `Handle`.
fn is_runtime_type(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p)
        if p.path.segments.last().is_some_and(|s| s.ident == "Runtime" || s.ident == "Handle"))
}

/// `e` without what does not change what a future runs: parentheses,
/// `&`, `.instrument(span)`-style methods, `Box::pin(…)`-style calls.
pub fn without_future_wrappers<'e>(ctx: &FileContext<'_>, mut e: &'e Expr) -> &'e Expr {
    loop {
        e = match e {
            Expr::Paren(p) => &p.expr,
            Expr::Reference(r) => &r.expr,
            Expr::MethodCall(m)
                if TRANSPARENT_FUTURE_METHODS.contains(&m.method.to_string().as_str()) =>
            {
                &m.receiver
            }
            Expr::Call(c)
                if c.args.len() == 1 && ctx.callee_is(&c.func, TRANSPARENT_FUTURE_CALLS) =>
            {
                &c.args[0]
            }
            other => return other,
        };
    }
}

/// Whether a type is a socket listener's (or the stream of its
/// connections'), through `&`, `Arc`, `Box`, `Rc` and smol's `Async`.
pub fn is_listener_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(r) => is_listener_type(&r.elem),
        syn::Type::Paren(p) => is_listener_type(&p.elem),
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            if ["Arc", "Box", "Rc", "Async"]
                .iter()
                .any(|w| last.ident == w)
            {
                let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                    return false;
                };
                return args
                    .args
                    .iter()
                    .any(|a| matches!(a, syn::GenericArgument::Type(t) if is_listener_type(t)));
            }
            super::paths::LISTENER_TYPE_NAMES
                .iter()
                .any(|t| last.ident == t)
        }
        _ => false,
    }
}

/// Whether a fn is declared to return a socket listener (also in a
/// `Result` or `Option`): `-> io::Result<TcpListener>`.
pub fn returns_listener(sig: &syn::Signature) -> bool {
    let syn::ReturnType::Type(_, ty) = &sig.output else {
        return false;
    };
    let mut ty = &**ty;
    if let syn::Type::Path(p) = ty {
        if let Some(last) = p.path.segments.last() {
            if last.ident == "Result" || last.ident == "Option" {
                if let syn::PathArguments::AngleBracketed(args) = &last.arguments {
                    if let Some(syn::GenericArgument::Type(t)) = args.args.first() {
                        ty = t;
                    }
                }
            }
        }
    }
    is_listener_type(ty)
}

/// Whether a fn with this signature returns a runtime its caller does not
/// own (a `Handle`, or a `Runtime` behind a reference or a shared pointer):
/// see [`super::follow::FnFacts::shares_runtime`].
pub(super) fn returns_shared_runtime(sig: &syn::Signature) -> bool {
    runtime_return(sig) == Some(Origin::Handle)
}

/// For a fn declared to return a `Runtime` or `Handle` (through `&`,
/// `Option`, `Result`, `Arc`, `Rc`, `Box`): the origin of its value. A
/// runtime returned by value is owned by the caller (dropping it cancels
/// its tasks); a shared or borrowed one is not.
fn runtime_return(sig: &syn::Signature) -> Option<Origin> {
    let syn::ReturnType::Type(_, ty) = &sig.output else {
        return None;
    };
    let inner = peel_type(ty, RETURN_WRAPPERS);
    if !is_runtime_type(inner) {
        return None;
    }
    let by_value = matches!(&**ty, syn::Type::Path(_))
        && matches!(peel_type(ty, &["Option", "Result"]), syn::Type::Path(p)
            if p.path.segments.last().is_some_and(|s| s.ident == "Runtime"));
    Some(if by_value {
        Origin::Runtime
    } else {
        Origin::Handle
    })
}

/// Methods of a `JoinHandle` that only look at it.
const INSPECTING_METHODS: &[&str] = &["id", "is_finished"];

/// Whether the mention of a handle only looks at it: it is the receiver of
/// one of the [`INSPECTING_METHODS`] (`h.is_finished()`, `h.id()`).
pub fn only_inspects(mention: &super::bindings::Mention) -> bool {
    mention.kind == MentionKind::MethodReceiver
        && (mention.method.as_ref())
            .is_some_and(|m| INSPECTING_METHODS.contains(&m.to_string().as_str()))
}

fn is_self(e: &Expr) -> bool {
    matches!(e, Expr::Path(p) if p.path.is_ident("self"))
}

/// `get_or_init`, `get_or_try_init`, `get_or_init_async`…
fn is_once_init(method: &str) -> bool {
    method.starts_with("get_or_init") || method.starts_with("get_or_try_init")
}

/// Whether `value` is the tail expression of `block` (its value).
pub fn ends_with(block: &syn::Block, value: &Expr) -> bool {
    matches!(block.stmts.last(), Some(Stmt::Expr(tail, None)) if std::ptr::eq(tail, value))
}

/// The value of a block: its tail expression, or the initialiser of the
/// `let` binding its tail names (`{ let fut = async move { … }; fut }`).
pub fn block_tail<'v>(ctx: &FileContext<'_>, block: &'v syn::Block) -> Option<&'v Expr> {
    let Some(Stmt::Expr(tail, None)) = block.stmts.last() else {
        return None;
    };
    let Some(id) = ctx.binding_of_expr(tail) else {
        return Some(tail);
    };
    let defines = |pat: &syn::Pat| {
        let mut found = false;
        super::scopes::for_each_pattern_ident(pat, |i| found |= ctx.binding_of_pat(i) == Some(id));
        found
    };
    for stmt in block.stmts.iter().rev().skip(1) {
        if let Stmt::Local(local) = stmt {
            if defines(&local.pat) {
                return match (pat_ident(&local.pat), &local.init) {
                    (Some(_), Some(init)) => Some(&init.expr),
                    _ => None,
                };
            }
        }
    }
    Some(tail)
}

/// What [`FileContext::spawn_wrapper_call`] finds: the called fn's name,
/// and the index (receiver aside) and expression of the future argument.
pub struct WrapperCall<'v> {
    pub name: String,
    pub index: usize,
    pub arg: &'v Expr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Runtime,
    Handle,
    Tracker,
    ThreadBuilder,
}

fn is_configured(resolved: &str, written: &syn::Path, options: &LintOptions) -> bool {
    if options.spawn_functions.is_empty() {
        return false;
    }
    let written: Vec<String> = written
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    let written = written.join("::");
    options.spawn_functions.iter().any(|f| {
        let f = f.trim_start_matches("::");
        f == resolved || f == written
    })
}

/// Whether a method adds its argument to a collection: `push`,
/// `push_back`, `insert`, `extend`.
fn adds_to_collection(method: &syn::Ident) -> bool {
    ["push", "push_back", "insert", "extend"]
        .iter()
        .any(|m| method == m)
}

/// The fields `rest` stores the binding `name` in: `self.task = name`,
/// `self.tasks.push(name)`, `Worker { task: Some(name), … }`, also inside
/// `vec![…]` or an array (`Self { tasks: vec![reader, writer] }`), and
/// through a local holding a field's lock guard (`tasks.insert(k, name)`
/// after `let mut tasks = self.tasks.lock().await;`, declared in `rest` or
/// before it). `stored` names the field a store target stores into, as the
/// locals declared before `rest` say (`stored_field`).
fn field_stores(
    rest: &[Stmt],
    name: &str,
    self_type: Option<&str>,
    stored: &dyn Fn(&Expr) -> Option<FieldOf>,
) -> Vec<(FieldOf, proc_macro2::Span)> {
    struct Stores<'n> {
        name: &'n str,
        self_type: Option<&'n str>,
        stored: &'n dyn Fn(&Expr) -> Option<FieldOf>,
        /// Guard locals declared in `rest`, by name.
        guards_in_rest: Vec<(String, FieldOf)>,
        found: Vec<(FieldOf, proc_macro2::Span)>,
    }
    impl Stores<'_> {
        /// The field storing into `target` stores into: a guard local of
        /// `rest`, or what `stored` says.
        fn field_of_target(&self, target: &Expr) -> Option<FieldOf> {
            let local = match target {
                Expr::Path(p) => p.path.get_ident().map(|i| i.to_string()),
                _ => None,
            };
            let in_rest =
                local.and_then(|name| (self.guards_in_rest.iter().rev()).find(|(n, _)| *n == name));
            match in_rest {
                Some((_, field)) => Some(field.clone()),
                None => (self.stored)(target),
            }
        }
    }
    impl Stores<'_> {
        fn is_name(&self, e: &Expr) -> bool {
            match e {
                Expr::Path(p) => p.path.is_ident(self.name),
                Expr::Paren(p) => self.is_name(&p.expr),
                Expr::Call(c)
                    if c.args.len() == 1
                        && matches!(&*c.func, Expr::Path(p) if p.path.is_ident("Some")) =>
                {
                    self.is_name(&c.args[0])
                }
                Expr::Array(a) => a.elems.iter().any(|e| self.is_name(e)),
                Expr::Macro(m) if m.mac.path.is_ident("vec") => m
                    .mac
                    .parse_body_with(
                        syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated,
                    )
                    .is_ok_and(|items| items.iter().any(|e| self.is_name(e))),
                _ => false,
            }
        }
    }
    impl<'v> Visit<'v> for Stores<'_> {
        fn visit_expr_assign(&mut self, a: &'v syn::ExprAssign) {
            if self.is_name(&a.right) {
                if let Some(f) = self.field_of_target(&a.left) {
                    self.found.push((f, a.eq_token.span));
                }
            }
            syn::visit::visit_expr_assign(self, a);
        }
        fn visit_expr_method_call(&mut self, m: &'v syn::ExprMethodCall) {
            if matches!(
                m.method.to_string().as_str(),
                "push" | "push_back" | "insert"
            ) && m.args.iter().any(|a| self.is_name(a))
            {
                if let Some(f) = self.field_of_target(&m.receiver) {
                    self.found.push((f, m.method.span()));
                }
            }
            syn::visit::visit_expr_method_call(self, m);
        }
        fn visit_local(&mut self, local: &'v syn::Local) {
            if let (Some(ident), Some(init)) = (pat_ident(&local.pat), &local.init) {
                if let Some(field) = guarded_field(&init.expr, self.self_type) {
                    self.guards_in_rest.push((ident.to_string(), field));
                }
            }
            syn::visit::visit_local(self, local);
        }
        fn visit_expr_struct(&mut self, s: &'v syn::ExprStruct) {
            for f in &s.fields {
                if let (true, syn::Member::Named(n)) = (self.is_name(&f.expr), &f.member) {
                    let owner = struct_literal_type(s, self.self_type);
                    self.found.push((
                        FieldOf {
                            owner,
                            name: imports::unraw(n),
                            owner_module: None,
                        },
                        n.span(),
                    ));
                }
            }
            syn::visit::visit_expr_struct(self, s);
        }
    }
    let mut stores = Stores {
        name,
        self_type,
        stored,
        guards_in_rest: Vec::new(),
        found: Vec::new(),
    };
    rest.iter().for_each(|s| stores.visit_stmt(s));
    stores.found
}

/// Whether a collection's initialiser makes an empty one: `Vec::new()`,
/// `Vec::with_capacity(n)`, `HashMap::default()`, `vec![]`.
fn starts_empty(init: &Expr) -> bool {
    match init {
        Expr::Call(c) => {
            matches!(&*c.func, Expr::Path(p) if p.path.segments.last().is_some_and(|s| {
                matches!(s.ident.to_string().as_str(), "new" | "with_capacity" | "default")
            }))
        }
        Expr::Macro(m) => m.mac.path.is_ident("vec") && m.mac.tokens.is_empty(),
        _ => false,
    }
}

/// The field `expr` names: `self.task` (of `self_type`, the `Self` of the
/// method it is in), `other.task`, `self.inner.task` (of a struct not
/// known), also through a lock guard: `self.tasks.lock().await`,
/// `*self.task.lock().unwrap()`.
fn field_of(expr: &Expr, self_type: Option<&str>) -> Option<FieldOf> {
    let Expr::Field(f) = super::follow::through_guard(expr) else {
        return None;
    };
    let syn::Member::Named(n) = &f.member else {
        return None;
    };
    let on_self = matches!(&*f.base, Expr::Path(p) if p.path.is_ident("self"));
    Some(FieldOf {
        owner: self_type.filter(|_| on_self).map(str::to_string),
        name: imports::unraw(n),
        owner_module: None,
    })
}

/// The field a local's initialiser lends (see [`super::follow::lent_field`]).
fn guarded_field(init: &Expr, self_type: Option<&str>) -> Option<FieldOf> {
    field_of(super::follow::lent_field(init)?, self_type)
}

/// The struct a struct literal builds (`Self` is `self_type`).
/// The named field whose value in the struct literal `literal` is `value`
/// (`Worker { task: value }`, `Self { client }`), with the field's name:
/// of the struct the literal names (`Self` is `self_type`; `None` when
/// that is not known).
pub fn struct_literal_field(
    literal: &syn::ExprStruct,
    value: &Expr,
    self_type: Option<&str>,
) -> Option<(FieldOf, proc_macro2::Span)> {
    let field = literal
        .fields
        .iter()
        .find(|f| std::ptr::eq(&f.expr, value))?;
    match &field.member {
        syn::Member::Named(n) => Some((
            FieldOf {
                owner: struct_literal_type(literal, self_type),
                name: imports::unraw(n),
                owner_module: None,
            },
            n.span(),
        )),
        syn::Member::Unnamed(_) => None,
    }
}

fn struct_literal_type(literal: &syn::ExprStruct, self_type: Option<&str>) -> Option<String> {
    let last = literal.path.segments.last()?;
    match last.ident == "Self" {
        true => self_type.map(str::to_string),
        false => Some(imports::unraw(&last.ident)),
    }
}

/// Whether a fn never returns a value (`-> !`, `-> Infallible`, `->
/// Result<Infallible, E>`: a server's `start` that serves until the process
/// ends or fails): what it spawns outside a loop cannot outlive it, since
/// it runs for the rest of the process (a failure ends the program).
fn never_returns(sig: &syn::Signature) -> bool {
    fn uninhabited(ty: &syn::Type) -> bool {
        match ty {
            syn::Type::Never(_) => true,
            syn::Type::Paren(p) => uninhabited(&p.elem),
            syn::Type::Path(p) => p
                .path
                .segments
                .last()
                .is_some_and(|s| s.ident == "Infallible"),
            _ => false,
        }
    }
    let syn::ReturnType::Type(_, ty) = &sig.output else {
        return false;
    };
    if uninhabited(ty) {
        return true;
    }
    let syn::Type::Path(p) = &**ty else {
        return false;
    };
    let Some(last) = p.path.segments.last().filter(|s| s.ident == "Result") else {
        return false;
    };
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return false;
    };
    matches!(args.args.first(), Some(syn::GenericArgument::Type(t)) if uninhabited(t))
}

/// Where the field's name is written in a field expression (`heartbeat` in
/// `c.heartbeat`, `tasks` in `self.tasks`): the note of a handle stored in
/// a field points at the field.
fn field_name_span(target: &Expr) -> Option<proc_macro2::Span> {
    match target {
        Expr::Field(f) => Some(match &f.member {
            syn::Member::Named(name) => name.span(),
            syn::Member::Unnamed(index) => index.span,
        }),
        _ => None,
    }
}
