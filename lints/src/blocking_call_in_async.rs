use syn::{Expr, Pat};

use crate::context::chains::path_ident;
use crate::context::Node;
use crate::{FileContext, Finding, LintOptions};

crate::declare_lint! {
    /// ### What it does
    /// Flags calls that block the thread when they are written inside an
    /// `async fn`, an async block or an async closure (and not inside a
    /// plain closure nested in it, such as the one given to
    /// `spawn_blocking`): `std::thread::sleep`, any `std::fs` function
    /// (`std::fs::read_to_string`, `File::open`, `OpenOptions::new()….open(…)`,
    /// …), `std::net::TcpStream::connect`, `std::net::TcpListener::bind` and
    /// its `.accept()`, `.recv()` on a receiver created by
    /// `std::sync::mpsc::channel` / `sync_channel` in the same function, and
    /// `block_on` (`futures::executor::block_on` and the other executors'
    /// free `block_on`, `Handle::current().block_on(…)`,
    /// `Runtime::block_on`).
    ///
    /// ### Why is this bad
    /// An async runtime runs many tasks on a few worker threads. A blocking
    /// call parks the worker: every other task scheduled on it stalls until
    /// the call returns, timers fire late, and with enough such calls the
    /// whole runtime stops making progress. `block_on` inside a runtime
    /// panics (tokio) or deadlocks (single-threaded executors).
    ///
    /// ### Known problems
    /// leaklint has no types. Calls are recognised by their resolved path;
    /// `.accept()`, `.recv()` and `.block_on(…)` only on a receiver visibly
    /// created in the same function (`let listener = TcpListener::bind(…)?`,
    /// `let (tx, rx) = mpsc::channel()`, `let rt = Runtime::new()?`,
    /// `Handle::current()`), plus `.block_on(…)` on a parameter of the fn
    /// typed `Runtime` / `Handle` (through `&`, `Arc`, `Rc`); other
    /// receivers from a parameter or a field are not judged, nor is an
    /// awaited `.recv().await`. Following the spec, a
    /// plain closure ends async context even when it is called right away
    /// (`iter().map(|p| std::fs::read(p))`), and an async block run by
    /// `block_on` in a sync fn is still async context. Constructors that do
    /// no I/O (`OpenOptions::new`, `DirBuilder::new`, `Permissions::…`,
    /// `File::from…`) are not reported; the `.open(…)` / `.create(…)` that
    /// ends their chain is. `recv_timeout` / `try_recv` are not reported.
    ///
    /// ### Example
    /// ```rust,ignore
    /// async fn load(path: &Path) -> io::Result<Config> {
    ///     let text = std::fs::read_to_string(path)?;
    ///     std::thread::sleep(Duration::from_millis(50));
    ///     parse(&text)
    /// }
    /// ```
    ///
    /// ### Use instead
    /// ```rust,ignore
    /// async fn load(path: &Path) -> io::Result<Config> {
    ///     let text = tokio::fs::read_to_string(path).await?;
    ///     tokio::time::sleep(Duration::from_millis(50)).await;
    ///     parse(&text)
    /// }
    /// ```
    pub BLOCKING_CALL_IN_ASYNC,
    name: "blocking_call_in_async",
    level: Warn,
    summary: "a blocking call (std::thread::sleep, std::fs, std::net, std mpsc recv, block_on) inside async code",
    trigger_words: &[
        "sleep", "fs", "connect", "connect_timeout", "bind", "accept", "recv", "block_on",
    ],
    requires: &[
        // Async context: an `async fn` or an `async` block.
        &["async"],
        // Two neighbouring segments of each resolved path (see
        // `Lint::trigger_words`): `std::thread::sleep`, `std::fs::…` (`core::`
        // and `alloc::` normalise to `std::`), `std::net::TcpStream` /
        // `TcpListener`, `std::sync::mpsc` with `.recv()`, the free
        // `block_on`s of `BLOCK_ON_CALLS`, and `.block_on(…)` on a tokio
        // runtime or handle (`RUNTIMES`, or a parameter typed by
        // `tokio::runtime::…`).
        &[
            "thread::sleep", "std::fs", "core::fs", "alloc::fs",
            "net::TcpStream", "net::TcpListener", "sync::mpsc+recv",
            "executor::block_on", "futures_executor::block_on", "future::block_on",
            "pollster::block_on", "task::block_on", "smol::block_on",
            "Runtime::block_on", "Handle::block_on", "block_on+tokio::runtime",
        ],
    ],
    check: check,
}

/// The kinds of blocking calls, each with its fix.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Sleep,
    Fs,
    Net,
    Recv,
    BlockOn,
}

impl Kind {
    fn help(self) -> &'static str {
        match self {
            Kind::Sleep => "use `tokio::time::sleep(…).await` instead",
            Kind::Fs => "use `tokio::fs`, or move the file work into `tokio::task::spawn_blocking`",
            Kind::Net => "use `tokio::net`, or move the socket work into `tokio::task::spawn_blocking`",
            Kind::Recv => "use `tokio::sync::mpsc` and `.recv().await`, or receive inside `tokio::task::spawn_blocking`",
            Kind::BlockOn => "`.await` the future instead of blocking on it",
        }
    }
}

const SLEEP: &[&str] = &["std::thread::sleep"];
const NET_CALLS: &[&str] = &[
    "std::net::TcpStream::connect",
    "std::net::TcpStream::connect_timeout",
    "std::net::TcpListener::bind",
    "std::net::TcpListener::accept",
];
const BLOCK_ON_CALLS: &[&str] = &[
    "futures::executor::block_on",
    "futures_lite::future::block_on",
    "pollster::block_on",
    "async_std::task::block_on",
    "smol::block_on",
    "tokio::runtime::Runtime::block_on",
    "tokio::runtime::Handle::block_on",
];
/// `std::fs` paths that do no I/O.
const FS_NO_IO: &[&str] = &[
    "std::fs::OpenOptions::new",
    "std::fs::DirBuilder::new",
    "std::fs::FileTimes::new",
    "std::fs::File::from",
    "std::fs::File::from_raw_fd",
    "std::fs::File::from_raw_handle",
];
/// Values whose `.block_on(…)` blocks the thread.
const RUNTIMES: &[&str] = &[
    "tokio::runtime::Handle::current",
    "tokio::runtime::Handle::try_current",
    "tokio::runtime::Runtime::new",
    "tokio::runtime::Builder::new_multi_thread",
    "tokio::runtime::Builder::new_current_thread",
];
const STD_CHANNELS: &[&str] = &["std::sync::mpsc::channel", "std::sync::mpsc::sync_channel"];

fn check(ctx: &FileContext<'_>, _options: &LintOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    ctx.walk_exprs(|expr, ancestors| {
        let Some((kind, what)) = blocking_call(ctx, expr, ancestors) else {
            return;
        };
        let Some(context) = async_context(ctx, ancestors) else {
            return;
        };
        findings.push(
            Finding::new(
                BLOCKING_CALL_IN_ASYNC.name,
                ctx.span_of(expr),
                format!(
                    "blocking call `{what}` inside async code blocks the runtime's worker thread"
                ),
            )
            .note(context.0, context.1)
            .help(kind.help()),
        );
    });
    findings
}

/// Whether `expr` is a blocking call, with its kind and how to name it.
fn blocking_call(
    ctx: &FileContext<'_>,
    expr: &Expr,
    ancestors: &[Node<'_>],
) -> Option<(Kind, String)> {
    match expr {
        Expr::Call(call) => {
            let Expr::Path(p) = &*call.func else {
                return None;
            };
            if p.qself.is_some() {
                return None;
            }
            let resolved = ctx.resolve(&p.path)?;
            let kind = if SLEEP.contains(&resolved.as_str()) {
                Kind::Sleep
            } else if NET_CALLS.contains(&resolved.as_str()) {
                Kind::Net
            } else if BLOCK_ON_CALLS.contains(&resolved.as_str()) {
                Kind::BlockOn
            } else if resolved.starts_with("std::fs::")
                && !FS_NO_IO.contains(&resolved.as_str())
                && !resolved.starts_with("std::fs::Permissions::")
            {
                Kind::Fs
            } else {
                return None;
            };
            Some((kind, resolved))
        }
        Expr::MethodCall(m) => {
            let method = m.method.to_string();
            match (method.as_str(), m.args.len()) {
                ("block_on", 1) => {
                    let owner = match ctx.builder_origin(&m.receiver, ancestors, RUNTIMES) {
                        Some(b) => ctx.resolve(path_of(&b.constructor.func)?)?,
                        None => runtime_param_type(ctx, &m.receiver, ancestors)?,
                    };
                    let owner = if owner.contains("Handle") {
                        "Handle"
                    } else {
                        "Runtime"
                    };
                    Some((Kind::BlockOn, format!("{owner}::block_on")))
                }
                ("accept", 0) => {
                    ctx.builder_origin(&m.receiver, ancestors, &["std::net::TcpListener::bind"])?;
                    Some((Kind::Net, "std::net::TcpListener::accept".to_string()))
                }
                ("open", 1) => {
                    ctx.builder_origin(&m.receiver, ancestors, &["std::fs::OpenOptions::new"])?;
                    Some((Kind::Fs, "std::fs::OpenOptions::open".to_string()))
                }
                ("create", 1) => {
                    ctx.builder_origin(&m.receiver, ancestors, &["std::fs::DirBuilder::new"])?;
                    Some((Kind::Fs, "std::fs::DirBuilder::create".to_string()))
                }
                ("recv", 0) => {
                    if matches!(ancestors.last(), Some(Node::Expr(Expr::Await(_)))) {
                        return None;
                    }
                    let name = path_ident(&m.receiver)?.to_string();
                    let local = ctx.let_binding(&name, ancestors)?;
                    let init = &local.init.as_ref()?.expr;
                    if !ctx.is_call_to(strip_try(init), STD_CHANNELS)
                        || !receiver_half_is(&local.pat, &name)
                    {
                        return None;
                    }
                    Some((Kind::Recv, "std::sync::mpsc::Receiver::recv".to_string()))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// For a receiver that is a parameter of the enclosing fn typed (through
/// references, `Arc` or `Rc`) as a tokio `Runtime` or `Handle`: that type's path.
fn runtime_param_type(
    ctx: &FileContext<'_>,
    receiver: &Expr,
    ancestors: &[Node<'_>],
) -> Option<String> {
    let name = path_ident(receiver)?;
    // A closure parameter or `let` of the same name hides the fn's parameter.
    if ctx.let_binding(&name.to_string(), ancestors).is_some()
        || ancestors.iter().any(|n| matches!(n, Node::Expr(Expr::Closure(c)) if c.inputs.iter().any(|p| crate::context::bindings::pat_binds(p, &name.to_string()))))
    {
        return None;
    }
    let sig = crate::context::ancestry::enclosing_fn_sig(ancestors)?;
    let ty = sig.inputs.iter().find_map(|arg| match arg {
        syn::FnArg::Typed(t)
            if crate::context::bindings::pat_ident(&t.pat).is_some_and(|i| i == name) =>
        {
            Some(&*t.ty)
        }
        _ => None,
    })?;
    let path = runtime_type(ctx, ty)?;
    Some(path)
}

fn runtime_type(ctx: &FileContext<'_>, ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Reference(r) => runtime_type(ctx, &r.elem),
        syn::Type::Paren(p) => runtime_type(ctx, &p.elem),
        syn::Type::Path(p) if p.qself.is_none() => {
            let resolved = ctx.resolve(&p.path)?;
            match resolved.as_str() {
                "tokio::runtime::Runtime" | "tokio::runtime::Handle" => Some(resolved),
                "std::sync::Arc" | "std::rc::Rc" | "Arc" | "Rc" => {
                    let syn::PathArguments::AngleBracketed(args) =
                        &p.path.segments.last()?.arguments
                    else {
                        return None;
                    };
                    match args.args.first()? {
                        syn::GenericArgument::Type(inner) => runtime_type(ctx, inner),
                        _ => None,
                    }
                }
                _ => None,
            }
        }
        _ => None,
    }
}

fn path_of(func: &Expr) -> Option<&syn::Path> {
    match func {
        Expr::Path(p) => Some(&p.path),
        _ => None,
    }
}

fn strip_try(e: &Expr) -> &Expr {
    match e {
        Expr::Try(t) => strip_try(&t.expr),
        Expr::Paren(p) => strip_try(&p.expr),
        other => other,
    }
}

/// Whether `pat` is `(tx, name)` (optionally `mut`, typed).
fn receiver_half_is(pat: &Pat, name: &str) -> bool {
    match pat {
        Pat::Type(t) => receiver_half_is(&t.pat, name),
        Pat::Tuple(t) if t.elems.len() == 2 => {
            crate::context::bindings::pat_ident(&t.elems[1]).is_some_and(|i| i == name)
        }
        _ => false,
    }
}

/// The async fn, block or closure an expression runs in, as a span to point
/// at and a note; `None` when the innermost fn-like owner is not async.
fn async_context(
    ctx: &FileContext<'_>,
    ancestors: &[Node<'_>],
) -> Option<(crate::Span, &'static str)> {
    for node in ancestors.iter().rev() {
        let (token, note): (Option<&syn::token::Async>, &'static str) = match node {
            Node::Expr(Expr::Closure(c)) => (c.asyncness.as_ref(), "inside this async closure"),
            Node::Expr(Expr::Async(a)) => (Some(&a.async_token), "inside this async block"),
            Node::ItemFn(f) => (f.sig.asyncness.as_ref(), "inside this async fn"),
            Node::ImplFn(f) => (f.sig.asyncness.as_ref(), "inside this async fn"),
            Node::TraitFn(f) => (f.sig.asyncness.as_ref(), "inside this async fn"),
            Node::Static(_) | Node::Const(_) => return None,
            _ => continue,
        };
        return token.map(|t| (ctx.span(t.span), note));
    }
    None
}

#[cfg(test)]
mod entry_tests {
    use super::*;

    #[test]
    fn every_call_has_its_requirement_entry() {
        let entries = BLOCKING_CALL_IN_ASYNC.requires[1];
        for path in SLEEP.iter().chain(NET_CALLS).chain(BLOCK_ON_CALLS) {
            let segments: Vec<&str> = path.split("::").collect();
            let pairs: Vec<String> = segments.windows(2).map(|w| w.join("::")).collect();
            assert!(
                pairs
                    .iter()
                    .any(|p| entries.iter().any(|e| e.split('+').any(|x| x == p))),
                "{path} has no entry"
            );
        }
        for runtime in RUNTIMES {
            assert!(runtime.starts_with("tokio::runtime::"), "{runtime}");
        }
    }
}
