//! Which thread async code runs on: a runtime worker shared with other
//! tasks, or the main thread (`main`, a `#[tokio::main]` fn, a future given
//! to `block_on` from sync code), which runs nothing else. Rules use it to
//! leave alone what only holds up `main` (a blocking call, a one-shot
//! request of a command-line client), as [`Thread::MainIfOnlyFrom`] hands
//! the question to the crate's callers when the answer lies there.

use syn::visit::Visit;
use syn::Expr;

use crate::context::bindings::pat_ident;
use crate::context::paths::CURRENT_THREAD_RUNTIME;
use crate::context::scope::{self, has_main_attr, main_is_current_thread};
use crate::context::scopes::BindingKind;
use crate::context::Node;
use crate::FileContext;

/// Which thread the async context at `ancestors[index]` runs on: the
/// main thread for `main` (or a `#[…::main]` fn or method) itself, an
/// async block in it that is not spawned, or an async block handed to
/// `block_on` from sync code, unless a current-thread runtime makes the
/// main thread its only worker; a runtime worker otherwise.
pub fn thread_of<'v>(ctx: &'v FileContext<'_>, ancestors: &[Node<'v>], index: usize) -> Thread {
    for i in (0..=index).rev() {
        let child = ancestors.get(i + 1);
        match ancestors[i] {
            Node::ItemFn(f) if ctx.is_entry_point(f) => {
                return entry_thread(ctx, &f.sig, &f.attrs, &f.block)
            }
            Node::ItemFn(f) => return main_if_only_from(&f.sig),
            // A `#[tokio::main]` method is a sync fn that builds a
            // runtime and blocks on its body: the body runs on the
            // calling thread, as under `block_on`, not on a worker.
            Node::ImplFn(f) if has_main_attr(&f.attrs) => {
                return entry_thread(ctx, &f.sig, &f.attrs, &f.block)
            }
            Node::ImplFn(f) => return main_if_only_from(&f.sig),
            Node::TraitFn(_) | Node::Static(_) | Node::Const(_) => return Thread::Worker,
            _ if i == index => {}
            // A plain closure runs whenever its holder calls it, unless it
            // is an adapter's of an iteration driven right here.
            Node::Expr(closure @ Expr::Closure(c)) if c.asyncness.is_none() => {
                let in_iteration = i.checked_sub(1).is_some_and(|p| {
                    matches!(ancestors[p], Node::Expr(call @ Expr::MethodCall(m))
                        if m.args.iter().any(|a| std::ptr::eq(a, closure))
                            && closure_runs_in_iteration(call))
                });
                if !in_iteration {
                    return Thread::Worker;
                }
            }
            Node::Expr(call @ (Expr::Call(_) | Expr::MethodCall(_))) => {
                let Some(Node::Expr(arg)) = child else {
                    continue;
                };
                let Some(callee) = callee_name(call, arg) else {
                    continue;
                };
                if ctx.call_may_spawn(call) {
                    return Thread::Worker;
                }
                if is_block_on_name(&callee) {
                    // Inside async code the `block_on` itself is reported.
                    if async_context(&ancestors[..i]).is_some() {
                        return Thread::Worker;
                    }
                    // A runtime handed in as a parameter is not one this
                    // fn builds: of unknown flavour, it is taken as any
                    // runtime's `block_on` is.
                    let runtime = enclosing_fn_body(&ancestors[..i])
                        .and_then(|body| current_thread_runtime_in(ctx, body))
                        .filter(|_| !blocks_on_a_parameter(ctx, call));
                    let function = crate::context::ancestry::enclosing_fn_sig(&ancestors[..i])
                        .map(|sig| crate::context::imports::unraw(&sig.ident));
                    return match (runtime, function) {
                        (Some(runtime), Some(function)) => Thread::OnlyWorker {
                            runtime,
                            built_in: Some(function),
                        },
                        (Some(_), None) => Thread::Worker,
                        (None, _) => Thread::Main,
                    };
                }
            }
            // `let server = async { … }; tokio::spawn(server);`
            Node::Local(local) if bound_value_is_spawned(ctx, local, &ancestors[..i]) => {
                return Thread::Worker;
            }
            _ => {}
        }
    }
    Thread::Worker
}

/// Whether `call` is `rt.block_on(…)` on a parameter `rt` of the fn around
/// it (`fn run(&mut self, rt: Runtime, …)`): the runtime was built by the
/// caller.
pub fn blocks_on_a_parameter(ctx: &FileContext<'_>, call: &Expr) -> bool {
    let Expr::MethodCall(m) = call else {
        return false;
    };
    let receiver = match &*m.receiver {
        Expr::Reference(r) => &*r.expr,
        Expr::Paren(p) => &*p.expr,
        other => other,
    };
    ctx.binding_of_expr(receiver).is_some_and(|id| {
        let binding = ctx.scopes().binding(id);
        binding.kind == BindingKind::Param && binding.whole_pattern
    })
}

/// The thread the body of an entry point (`main`, or a fn or method
/// with a `#[…::main]` attribute) runs on: the thread that called it,
/// unless a current-thread runtime makes that thread its only worker.
fn entry_thread<'v>(
    ctx: &'v FileContext<'_>,
    sig: &syn::Signature,
    attrs: &[syn::Attribute],
    body: &'v syn::Block,
) -> Thread {
    if main_is_current_thread(attrs) {
        let attr = attrs.iter().find(|a| scope::is_main_attr(a));
        let runtime = attr.map_or(sig.ident.span(), syn::spanned::Spanned::span);
        return Thread::OnlyWorker {
            runtime,
            built_in: None,
        };
    }
    match current_thread_runtime_in(ctx, body) {
        Some(runtime) => Thread::OnlyWorker {
            runtime,
            built_in: Some(crate::context::imports::unraw(&sig.ident)),
        },
        None => Thread::Main,
    }
}

/// Where `body` builds a current-thread tokio runtime, if it does.
fn current_thread_runtime_in<'v>(
    ctx: &'v FileContext<'_>,
    body: &'v syn::Block,
) -> Option<proc_macro2::Span> {
    struct Finder<'v, 'a> {
        ctx: &'v FileContext<'a>,
        found: Option<proc_macro2::Span>,
    }
    impl<'v> Visit<'v> for Finder<'v, '_> {
        fn visit_expr_call(&mut self, c: &'v syn::ExprCall) {
            if self.found.is_none()
                && (self.ctx.callee_is(&c.func, &[CURRENT_THREAD_RUNTIME])
                    || makes_current_thread_runtime(self.ctx, &c.func))
            {
                self.found = Some(syn::spanned::Spanned::span(c));
            }
            syn::visit::visit_expr_call(self, c);
        }
        fn visit_macro(&mut self, mac: &'v syn::Macro) {
            self.ctx.visit_macro_body(mac, self);
        }
    }
    let mut f = Finder { ctx, found: None };
    f.visit_block(body);
    f.found
}

/// Whether `func` calls a fn of this file that returns a runtime it builds
/// current-thread (`fn runtime() -> Runtime { Builder::new_current_thread()…
/// }`), one call deep.
pub fn makes_current_thread_runtime(ctx: &FileContext<'_>, func: &Expr) -> bool {
    ctx.called_local_fn(func).is_some_and(|f| {
        let returns_runtime = match &f.sig.output {
            syn::ReturnType::Type(_, ty) => {
                let mut names = RuntimeNamed(false);
                names.visit_type(ty);
                names.0
            }
            syn::ReturnType::Default => false,
        };
        returns_runtime && spells_current_thread(f.block)
    })
}

/// Whether a type names `Runtime` (`Runtime`, `io::Result<Runtime>`).
struct RuntimeNamed(bool);

impl<'v> Visit<'v> for RuntimeNamed {
    fn visit_path_segment(&mut self, s: &'v syn::PathSegment) {
        self.0 |= s.ident == "Runtime";
        syn::visit::visit_path_segment(self, s);
    }
}

/// Whether `block` spells `new_current_thread` (in code or a macro's
/// tokens): it builds a current-thread runtime, as far as words tell.
pub fn spells_current_thread(block: &syn::Block) -> bool {
    struct Finder(bool);
    impl<'v> Visit<'v> for Finder {
        fn visit_ident(&mut self, i: &'v proc_macro2::Ident) {
            self.0 |= i == "new_current_thread";
        }
        fn visit_macro(&mut self, m: &'v syn::Macro) {
            self.0 |= m.tokens.to_string().contains("new_current_thread");
        }
    }
    let mut f = Finder(false);
    f.visit_block(block);
    f.0
}

/// The thread the body of an async fn (not `main`) runs on, or an async
/// block of a sync fn that neither spawns nor blocks on it (`fn run(&self)
/// -> BoxFuture<'_, ()> { Box::pin(async move { … }) }`, which its caller
/// awaits): the main thread when every caller in the crate is main-thread
/// code, which the driver checks.
fn main_if_only_from(sig: &syn::Signature) -> Thread {
    Thread::MainIfOnlyFrom(crate::context::imports::unraw(&sig.ident))
}

/// The thread an async context runs on (see [`thread_of`]).
#[derive(Debug, Clone)]
pub enum Thread {
    /// A runtime worker, shared with other tasks.
    Worker,
    /// The main thread (or one that blocks on its own runtime), which runs
    /// no other task.
    Main,
    /// The main thread as the only worker of a current-thread runtime, built
    /// or chosen at `runtime`: it stalls the runtime's other tasks. When
    /// the fn named `built_in` builds the runtime, that holds unless the
    /// crate shows that what it runs spawns none (then it is the main
    /// thread; the driver checks); `None` for one an attribute asks for
    /// (`#[tokio::main(flavor = "current_thread")]`), which is a worker as
    /// written.
    OnlyWorker {
        runtime: proc_macro2::Span,
        built_in: Option<String>,
    },
    /// The body of the named async fn: the main thread if every caller in
    /// the crate is main-thread code, a worker otherwise.
    MainIfOnlyFrom(String),
}

impl Thread {
    /// The fn whose callers the crate pass reads to tell whether this is
    /// the main thread after all, and how it must be reached, if any: the
    /// async fn's callers (`ReachKind::MainThread`), or whether the fn
    /// that builds the current-thread runtime spawns nothing on it
    /// (`ReachKind::QuietRuntime`: who calls that fn does not matter).
    pub fn main_if_only_from(&self) -> Option<(&str, crate::ReachKind)> {
        match self {
            Thread::MainIfOnlyFrom(function) => Some((function, crate::ReachKind::MainThread)),
            Thread::OnlyWorker { built_in, .. } => {
                Some((built_in.as_deref()?, crate::ReachKind::QuietRuntime))
            }
            Thread::Worker | Thread::Main => None,
        }
    }
}

/// The last segment of the fn or method that `call` calls, when `arg` is
/// one of its arguments (not its receiver or callee).
fn callee_name(call: &Expr, arg: &Expr) -> Option<String> {
    match call {
        Expr::Call(c) if c.args.iter().any(|a| std::ptr::eq(a, arg)) => match &*c.func {
            Expr::Path(p) => Some(p.path.segments.last()?.ident.to_string()),
            _ => None,
        },
        Expr::MethodCall(m) if m.args.iter().any(|a| std::ptr::eq(a, arg)) => {
            Some(m.method.to_string())
        }
        _ => None,
    }
}

/// Whether a closure given to `call` as an argument runs where its caller
/// runs, during the iteration `call` is part of: an adapter (`map`,
/// `then`, `for_each`, …) of a chain that starts at an in-memory iteration
/// (`paths.iter()`, `into_iter()`, a range, `stream::iter(…)`). The
/// futures such a closure makes are polled by whatever consumes the chain
/// (`join_all(paths.iter().map(|p| load(p))).await` in `main`), so they
/// are not tasks of their own. A closure given to anything else (a router's
/// `get(|| async { … })`, a stream of requests) may run anywhere, later.
pub fn closure_runs_in_iteration(call: &Expr) -> bool {
    let Expr::MethodCall(m) = call else {
        return false;
    };
    if !ITERATION_ADAPTERS.contains(&m.method.to_string().as_str()) {
        return false;
    }
    let mut receiver = &*m.receiver;
    loop {
        match receiver {
            Expr::MethodCall(inner) => {
                let method = inner.method.to_string();
                if ITERATION_SOURCES.contains(&method.as_str()) {
                    return true;
                }
                if !ITERATION_ADAPTERS.contains(&method.as_str()) {
                    return false;
                }
                receiver = &inner.receiver;
            }
            Expr::Range(_) => return true,
            Expr::Paren(p) => receiver = &p.expr,
            // `stream::iter(v)`, `futures::stream::iter(v)`, `iter(v)`.
            Expr::Call(c) => {
                return matches!(&*c.func, Expr::Path(p)
                    if p.path.segments.last().is_some_and(|s| s.ident == "iter"))
            }
            _ => return false,
        }
    }
}

/// Methods that start an iteration over values already in hand.
const ITERATION_SOURCES: &[&str] = &[
    "iter",
    "into_iter",
    "iter_mut",
    "drain",
    "chunks",
    "windows",
    "keys",
    "values",
    "values_mut",
    "into_values",
    "into_keys",
];

/// Iterator and stream adapters and consumers that call their closure as
/// the chain is driven.
const ITERATION_ADAPTERS: &[&str] = &[
    "map",
    "then",
    "filter",
    "filter_map",
    "flat_map",
    "for_each",
    "try_for_each",
    "for_each_concurrent",
    "try_for_each_concurrent",
    "and_then",
    "map_ok",
    "inspect",
    "enumerate",
    "zip",
    "take",
    "skip",
    "chain",
    "cloned",
    "copied",
    "rev",
    "peekable",
    "fold",
    "try_fold",
    "any",
    "all",
    "find_map",
];

/// Whether a fn or method of this name runs the future it is given to
/// completion on the calling thread: `block_on`, and the wrappers runtimes
/// and projects name after it (`fluvio_future::task::run_block_on`,
/// `block_on_local`).
pub fn is_block_on_name(name: &str) -> bool {
    name == "block_on" || name.ends_with("_block_on") || name.starts_with("block_on_")
}

/// Whether the value a `let name = …;` binds (the `let` is among or just
/// below `ancestors`) is handed to a spawn call after it: `let server =
/// async { … }; tokio::spawn(server);`, `let fut = work(); spawn(fut)`.
pub fn bound_value_is_spawned(
    ctx: &FileContext<'_>,
    local: &syn::Local,
    ancestors: &[Node<'_>],
) -> bool {
    pat_ident(&local.pat).is_some_and(|name| {
        ctx.stmts_after(ancestors)
            .is_some_and(|after| spawns_name(ctx, after, &name.to_string()))
    })
}

/// Whether `stmts` (those after a `let name = …;`) hand `name` on, as
/// the future to run, to a call whose name contains `spawn`: the name
/// itself, through what does not change what runs (`Box::pin(fut)`,
/// `fut.instrument(span)`), or awaited in an async block or closure
/// (`spawn(async move { fut.await })`). A value only used by the task
/// (`spawn_reopener(rx.clone())`, `spawn(async move { rx.changed().await
/// })`) was made on the caller's thread.
fn spawns_name(ctx: &FileContext<'_>, stmts: &[syn::Stmt], name: &str) -> bool {
    let is_name = |e: &Expr| matches!(e, Expr::Path(p) if p.path.is_ident(name));
    let as_future = |e: &Expr| is_name(super::spawn::without_future_wrappers(ctx, e));
    let mentions = |e: &Expr| match e {
        Expr::Async(_) | Expr::Closure(_) => {
            ctx.any_expr(e, |e| matches!(e, Expr::Await(a) if as_future(&a.base)))
        }
        e => as_future(e),
    };
    stmts.iter().any(|stmt| {
        ctx.any_expr(stmt, |e| {
            let (callee, args) = match e {
                Expr::Call(c) => match &*c.func {
                    Expr::Path(p) => (p.path.segments.last().map(|s| s.ident.to_string()), &c.args),
                    _ => return false,
                },
                Expr::MethodCall(m) => (Some(m.method.to_string()), &m.args),
                _ => return false,
            };
            callee.is_some_and(|c| c.contains("spawn")) && args.iter().any(mentions)
        })
    })
}

/// The body of the innermost fn the ancestors are in.
pub fn enclosing_fn_body<'v>(ancestors: &[Node<'v>]) -> Option<&'v syn::Block> {
    ancestors.iter().rev().find_map(|n| match n {
        Node::ItemFn(f) => Some(&*f.block),
        Node::ImplFn(f) => Some(&f.block),
        Node::TraitFn(f) => f.default.as_ref(),
        _ => None,
    })
}

/// The async fn, block or closure an expression runs in.
pub struct AsyncContext {
    /// Its position in the ancestors.
    pub index: usize,
    /// The `async` keyword, to point at.
    pub token: proc_macro2::Span,
    /// What it is ("inside this async fn"), for a note at `token`.
    pub note: &'static str,
}

/// The async fn, block or closure an expression runs in; `None` when the
/// innermost fn-like owner is not async.
pub fn async_context(ancestors: &[Node<'_>]) -> Option<AsyncContext> {
    for (index, node) in ancestors.iter().enumerate().rev() {
        let (token, note): (Option<&syn::token::Async>, &'static str) = match node {
            Node::Expr(Expr::Closure(c)) => (c.asyncness.as_ref(), "inside this async closure"),
            Node::Expr(Expr::Async(a)) => (Some(&a.async_token), "inside this async block"),
            Node::ItemFn(f) => (f.sig.asyncness.as_ref(), "inside this async fn"),
            Node::ImplFn(f) => (f.sig.asyncness.as_ref(), "inside this async fn"),
            Node::TraitFn(f) => (f.sig.asyncness.as_ref(), "inside this async fn"),
            Node::Static(_) | Node::Const(_) => return None,
            _ => continue,
        };
        return token.map(|t| AsyncContext {
            index,
            token: t.span,
            note,
        });
    }
    None
}
