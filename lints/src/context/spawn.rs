//! Spawn calls, their task bodies and what happens to their handles
//! (RULES.md: "spawn call", "task body", "handle kept").

use syn::{Expr, Stmt};

use super::bindings::{pat_ident, MentionKind};
use super::{FileContext, Node};
use crate::LintOptions;

/// Free functions that spawn a task whose handle detaches on drop.
const TASK_SPAWNS: &[&str] = &[
    "tokio::spawn",
    "tokio::task::spawn",
    "tokio::task::spawn_local",
    "async_std::task::spawn",
    "async_std::task::spawn_local",
    "actix_rt::spawn",
];

/// Free functions that run a closure on the blocking pool.
const BLOCKING_SPAWNS: &[&str] = &["tokio::task::spawn_blocking"];

/// Free functions that start an OS thread.
const THREAD_SPAWNS: &[&str] = &["std::thread::spawn"];

/// Constructors of values whose `.spawn(…)` is a spawn call.
const RUNTIME_CONSTRUCTORS: &[&str] = &[
    "tokio::runtime::Runtime::new",
    "tokio::runtime::Builder::new_multi_thread",
    "tokio::runtime::Builder::new_current_thread",
];
const HANDLE_CONSTRUCTORS: &[&str] = &["tokio::runtime::Handle::current"];
const TRACKER_CONSTRUCTORS: &[&str] = &["tokio_util::task::TaskTracker::new"];
const THREAD_BUILDERS: &[&str] = &["std::thread::Builder::new"];

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
    /// The spawn call `expr` is, if it is one (see RULES.md's vocabulary).
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
                if call.args.len() != 1 || !self.callee_is(&call.func, &["smol::spawn"]) {
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
                        return None;
                    };
                    return Some((origin, binding));
                }
                Expr::Path(p) if binding.is_none() => {
                    let ident = p.path.get_ident()?;
                    binding = Some(ident);
                    e = self.binding_init(&ident.to_string(), ancestors)?;
                }
                _ => return None,
            }
        }
        None
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
                Expr::MethodCall(m) => match m.method.to_string().as_str() {
                    "instrument" | "in_current_span" | "boxed" | "boxed_local" | "fuse" => {
                        e = &m.receiver
                    }
                    "with_cancellation_token" | "with_cancellation_token_owned" => {
                        wrapped = true;
                        e = &m.receiver;
                    }
                    name => {
                        let Expr::Path(p) = &*m.receiver else {
                            return None;
                        };
                        if !p.path.is_ident("self") {
                            return None;
                        }
                        let f = self.local_method(name)?;
                        return Some(Task {
                            body: TaskBody::Fn(f.block),
                            wrapped,
                        });
                    }
                },
                Expr::Call(c) => {
                    let Expr::Path(p) = &*c.func else { return None };
                    if self.callee_is(&c.func, &["std::boxed::Box::pin"]) && c.args.len() == 1 {
                        e = &c.args[0];
                        continue;
                    }
                    if self.callee_is(
                        &c.func,
                        &["tokio::time::timeout", "futures::future::abortable"],
                    ) {
                        wrapped = true;
                        e = c.args.last()?;
                        continue;
                    }
                    let last = p.path.segments.last()?.ident.to_string();
                    let f = match p.path.segments.len() {
                        1 => self.local_fn(&last)?,
                        _ if p.path.segments[0].ident == "Self" && p.path.segments.len() == 2 => {
                            self.local_method(&last)?
                        }
                        _ => {
                            let resolved = self.resolve(&p.path)?;
                            if !(resolved.starts_with("crate::")
                                || resolved.starts_with("self::")
                                || resolved.starts_with("super::"))
                            {
                                return None;
                            }
                            self.local_fn(&last)?
                        }
                    };
                    if p.path.segments.len() == 1 && !self.imports.is_local_item(&last) {
                        return None;
                    }
                    return Some(Task {
                        body: TaskBody::Fn(f.block),
                        wrapped,
                    });
                }
                Expr::Path(p) if !followed_binding => {
                    let ident = p.path.get_ident()?;
                    followed_binding = true;
                    e = self.binding_init(&ident.to_string(), ancestors)?;
                }
                _ => return None,
            }
        }
    }

    /// The endless loops of a task (see [`FileContext::endless_loops_in`]).
    pub fn task_loops<'v>(&'v self, task: &Task<'v>) -> Vec<super::loops::LoopSite<'v>> {
        match task.body {
            TaskBody::Expr(e) => self.endless_loops_in(e, task.wrapped),
            TaskBody::Fn(b) => self.endless_loops_in_block(b, task.wrapped),
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
                    let Some(rest) = self.stmts_after(&ancestors[..i]) else {
                        return Handle::Kept;
                    };
                    let mentions = self.mentions_in_stmts(rest, &ident.to_string());
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
                    return Handle::Kept;
                }
                _ => return Handle::Kept,
            }
        }
        Handle::Kept
    }

    /// Whether the runtime bound to `runtime` is returned or stored after
    /// the statement whose ancestors are given: moved anywhere other than as
    /// a method receiver (returned, put in a struct, passed, dropped), so its
    /// tasks are cancelled when its owner drops it.
    pub fn runtime_is_owned<'v>(&'v self, runtime: &syn::Ident, ancestors: &[Node<'v>]) -> bool {
        let Some(rest) = self.stmts_after(ancestors) else {
            return true;
        };
        self.mentions_in_stmts(rest, &runtime.to_string())
            .iter()
            .any(|m| m.kind != MentionKind::MethodReceiver)
    }
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
