use crate::context::paths;
use crate::Triggers;
use syn::visit::Visit;
use syn::{Expr, Stmt};

use crate::context::ancestry::enclosing_fn_sig;
use crate::context::bindings::pat_ident;
use crate::context::spawn::{is_listener_type, returns_listener, Handle, SpawnKind, TaskBody};
use crate::context::Node;
use crate::macros::MacroBody;
use crate::{FileContext, Finding, LintOptions, Span};

crate::declare_lint! {
    /// ### What it does
    /// **Off by default**: turn it on with `-W spawn_in_loop_unbounded` on
    /// the command line or `spawn_in_loop_unbounded = "warn"` under `[rules]`
    /// in `leaklint.toml`, for servers that face untrusted load.
    ///
    /// Flags a spawn call inside an endless loop (`loop { … }` / `while true
    /// { … }` that nothing leaves) or an accept loop on a socket listener
    /// (a loop that awaits `listener.accept()` or `incoming.next()`,
    /// including `while let Ok(..) = listener.accept().await`, an `accept()`
    /// raced as a `select!` branch, and `for stream in listener.incoming()`)
    /// when the loop has no concurrency bound: no `Semaphore` `acquire*` /
    /// `try_acquire*`, no permit moved into the task, no length check of a
    /// `JoinSet` (or of any collection of tasks), no `buffer_unordered` /
    /// `for_each_concurrent`. Keeping the handles
    /// (`handles.push(tokio::spawn(…))`) is not a bound, and neither is a
    /// `JoinSet`: `set.spawn(…)` in an accept loop, on a set made by
    /// `JoinSet::new()` in the same function or kept in a field declared as
    /// a `JoinSet` (`self.tasks.spawn(…)`), is flagged too unless
    /// `set.len()` is checked.
    ///
    /// ### Why is this bad
    /// Every connection or every turn starts a task, and nothing waits for
    /// the old ones before starting new ones. Under load, or when the tasks
    /// stall on a slow peer, the number of tasks, their memory and their file
    /// descriptors grow without limit until the process runs out of one of
    /// them (the Go version of this incident: a goroutine count climbing from
    /// 1,200 to 18,500). One task per connection is also how most Rust
    /// servers are written, which is why the rule is opt-in: it is for the
    /// servers where an attacker, not a load balancer, decides how many
    /// connections arrive.
    ///
    /// ### Known problems
    /// An accept loop is recognised only on a value known to be a socket
    /// listener: one bound in the same function from `TcpListener::bind` /
    /// `UnixListener::bind` (tokio, async-std, std, smol, also smol's
    /// `Async::<TcpListener>::bind`) or from a quinn `Endpoint` constructor
    /// (also through `?`, `.await`, `.unwrap()`, a `match` on the result,
    /// `let Ok(listener) = … else`, `Arc::new`, its `incoming()` stream, or
    /// tokio-stream's `TcpListenerStream::new`), or from a fn of the
    /// crate (called by its name or a path, `net::listen(…)`, or a method
    /// called on `self`; in another file too, found as
    /// `spawn_without_cancel` finds a task's callees) declared to return
    /// one (also in a `Result` or `Option`), or a parameter, `let` or
    /// field whose type's last segment is `TcpListener`,
    /// `UnixListener`, `Endpoint`, `TcpListenerStream` or
    /// `UnixListenerStream` (through `&`, `Arc`, `Box`, `Rc`, `Async`);
    /// for a field, one of `self` or of a parameter or `let` declared with
    /// the struct's type (`srv.admin` in `fn run_admin(srv: &Server)`), of
    /// a struct defined in the same file. A
    /// listener made by a value of unknown type (`let listener =
    /// cfg.listener().await?`), a field
    /// of a struct defined in another file (`self.public` in an `impl
    /// Server` whose `struct Server` is in `server.rs`), a generic acceptor (`listener: A`) or a
    /// merge of several listeners' streams is not known and its loop is not
    /// judged, unless the loop is endless anyway. `accept()` on anything
    /// else — an h2 or h3 connection, whose `accept()` yields the request
    /// streams of one connection, bounded by its settings, or a job queue —
    /// is not an accept loop.
    ///
    /// A spawn wrapper (a fn of the crate, maybe in another file, that
    /// spawns its parameter and drops the handle) called with a future
    /// written in place (`spawn_named("conn", async move { … })`), or made
    /// by a call (`detach(handle(socket))`), is a spawn call;
    /// one given a future by name (a variable) is not followed, and a file
    /// is read for such calls only when its code spells `spawn` (also
    /// inside a longer name: `spawn_named`) or the name of a fn of the
    /// crate that spawns one of its parameters (or hands it to such a fn of
    /// its own file): a wrapper of a wrapper of another file, both named
    /// otherwise, is seen only in files that spell one of these.
    ///
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
    /// task at a time and is a bound. A `JoinSet` is only judged in accept
    /// loops, and only when it is made by `JoinSet::new()` in the same
    /// function or is a field declared as one (of a struct of the same
    /// file, as for listeners). Any `for` loop other than over a listener's `incoming()`
    /// runs a known number of turns and is left alone. Spawns inside
    /// closures in the loop are not considered. A `loop` that receives from
    /// a channel on every turn (`loop { let job = rx.recv().await.unwrap();
    /// tokio::spawn(…); }`) is an endless loop and is flagged, unlike
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
    level: Allow,
    summary: "an accept loop or endless loop spawns tasks with no limit on how many run at once",
    triggers: triggers,
    check: check,
}

/// A spawn call, and an endless loop (`loop`, `while true`) or an accept loop
/// (`while let … accept()`, `for … in listener.incoming()`).
fn triggers() -> Triggers {
    let mut spawns = paths::spawn_words();
    spawns.extend(paths::spawn_wrapper_words());
    Triggers::new(spawns).requiring(["loop", "while", "incoming"])
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
        // A call of a fn that may be a spawn wrapper (which spawns its
        // argument and drops the handle) counts if the crate says it is one.
        let mut wrapper = None;
        let (spawn_expr, arg, what) = if let Some(spawn) = ctx.spawn_call(expr, ancestors, options) {
            let what = if spawn.kind == SpawnKind::Thread { "thread" } else { "task" };
            (spawn.expr, spawn.arg, what)
        } else if let Some(arg) = join_set_spawn(ctx, expr, ancestors) {
            (expr, arg, "JoinSet task")
        } else if let Some(call) = ctx.spawn_wrapper_call(expr, ancestors) {
            wrapper = Some((ctx.span_of(expr), call.index));
            (expr, call.arg, "task")
        } else {
            return;
        };
        let join_set = what == "JoinSet task";
        let Some((loop_expr, keyword, accepts)) = innermost_loop(ctx, ancestors) else { return };
        let endless = ctx.is_endless_loop(loop_expr);
        // A listener made by a fn of another file makes an accept loop when
        // the crate says that fn returns one; an endless loop is one to
        // judge anyway.
        let (accept, listener_from) = match accepts {
            Listener::Yes => (true, None),
            Listener::IfReturnedBy(call) if join_set || !endless => (true, Some(call)),
            _ => (false, None),
        };
        // A JoinSet is only an unbounded store of tasks when connections
        // keep coming; an endless loop that spawns into one is left to the
        // code that drains it.
        if !accept && (join_set || !endless) {
            return;
        }
        if has_bound(ctx, loop_expr) || moves_permit(ctx, arg) || task_acquires(ctx, arg, ancestors)
        {
            return;
        }
        if !join_set && wrapper.is_none() && handle_awaited(ctx, expr, ancestors) {
            return;
        }
        let (message, loop_note) = if join_set {
            (
                "a task is added to a `JoinSet` for every accepted connection with no limit on how many run at once".to_string(),
                "this loop accepts connections for as long as they come",
            )
        } else if accept {
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
        let mut finding = Finding::new(SPAWN_IN_LOOP_UNBOUNDED.name, ctx.span_of(spawn_expr), message)
            .note(ctx.span(keyword), loop_note);
        if join_set {
            finding = finding.note_plain("a `JoinSet` keeps every task it holds running; it limits nothing unless `set.len()` is checked before spawning");
        } else if wrapper.is_none() && matches!(ctx.handle_disposition(expr, ancestors), Handle::Kept) {
            finding = finding.note_plain(format!("keeping the JoinHandle does not limit how many {what}s run at once"));
        }
        let finding = finding.help(HELP);
        // It holds if the called fn is a spawn wrapper, and the fn that
        // made the listener returns one.
        findings.push(match (wrapper, listener_from) {
            (None, None) => finding,
            _ => finding.waits_for_crate(options.call_depth, |f| {
                f.spawn_wrapper = wrapper;
                f.listener_from = listener_from;
            }),
        });
    });
    findings
}

/// `set.spawn(fut)` (or `spawn_local`, `spawn_blocking`) on a binding of the
/// same fn made by `JoinSet::new()`, or on a field declared as a `JoinSet`
/// (`self.tasks.spawn(fut)`): its argument.
fn join_set_spawn<'v>(
    ctx: &FileContext<'_>,
    expr: &'v Expr,
    ancestors: &[Node<'_>],
) -> Option<&'v Expr> {
    let Expr::MethodCall(m) = expr else {
        return None;
    };
    if m.args.len() != 1
        || !["spawn", "spawn_local", "spawn_blocking"]
            .iter()
            .any(|s| m.method == s)
    {
        return None;
    }
    if let Expr::Field(f) = strip(&m.receiver) {
        let syn::Member::Named(field) = &f.member else {
            return None;
        };
        let declared = ctx.field_access_type(&f.base, field, ancestors)?;
        let ty = crate::context::peel_type(declared, crate::context::POINTERS);
        let syn::Type::Path(p) = ty else {
            return None;
        };
        return (p.path.segments.last()?.ident == "JoinSet").then_some(&m.args[0]);
    }
    let name = crate::context::chains::path_ident(strip(&m.receiver))?;
    let init = peel(ctx.binding_init(name, ancestors)?);
    match init {
        Expr::Call(c) if ctx.callee_is(&c.func, paths::JOIN_SET_CONSTRUCTORS) => Some(&m.args[0]),
        _ => None,
    }
}

/// The innermost loop around an expression in the same body (not across a
/// closure, async block or item), its keyword, and what it accepts
/// connections from ([`accept_loop`]).
fn innermost_loop<'v>(
    ctx: &FileContext<'_>,
    ancestors: &[Node<'v>],
) -> Option<(&'v Expr, proc_macro2::Span, Listener)> {
    for (i, node) in ancestors.iter().enumerate().rev() {
        match node {
            Node::Expr(e) => {
                let keyword = match e {
                    Expr::Closure(_) | Expr::Async(_) => return None,
                    Expr::Loop(l) => l.loop_token.span,
                    Expr::While(w) => w.while_token.span,
                    Expr::ForLoop(f) => f.for_token.span,
                    _ => continue,
                };
                return Some((e, keyword, accept_loop(ctx, e, &ancestors[..i])));
            }
            node if node.is_item() => return None,
            _ => {}
        }
    }
    None
}

/// What a loop accepts connections from: it awaits (or races in a
/// `select!`) `.accept()` / `.next()` on a listener, or iterates a
/// listener's `incoming()` ([`Listener::No`]: it is no accept loop).
/// `ancestors` are the loop's.
fn accept_loop(ctx: &FileContext<'_>, loop_expr: &Expr, ancestors: &[Node<'_>]) -> Listener {
    let mut finder = AcceptFinder {
        ctx,
        ancestors,
        found: Listener::No,
    };
    match loop_expr {
        Expr::Loop(l) => finder.visit_block(&l.body),
        Expr::While(w) => {
            finder.visit_expr(&w.cond);
            finder.visit_block(&w.body);
        }
        // A `for` loop runs a known number of turns unless it iterates a
        // listener's endless `incoming()`.
        Expr::ForLoop(f) => {
            return match strip(&f.expr) {
                Expr::MethodCall(m) if m.method == "incoming" && m.args.is_empty() => {
                    listener(ctx, &m.receiver, ancestors, 0)
                }
                _ => Listener::No,
            }
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

/// Sees through what turns a constructor's result into the value: `?`,
/// `.await`, `.unwrap()`, `.expect(…)`, anyhow's `.context(…)`, parentheses.
fn peel(e: &Expr) -> &Expr {
    match e {
        Expr::Paren(p) => peel(&p.expr),
        Expr::Try(t) => peel(&t.expr),
        Expr::Await(a) => peel(&a.base),
        Expr::MethodCall(m)
            if ["unwrap", "expect", "context", "with_context", "map_err"]
                .iter()
                .any(|u| m.method == u) =>
        {
            peel(&m.receiver)
        }
        other => other,
    }
}

/// Crates whose `TcpListener::bind` / `UnixListener::bind` make a listener.
const LISTENER_CRATES: &[&str] = &["tokio", "async_std", "std", "smol", "async_net"];

/// Whether a call makes a listener: `TcpListener::bind(…)` /
/// `UnixListener::bind(…)` of tokio, async-std, std or smol, a quinn
/// `Endpoint`, or tokio-stream's wrapper around a known listener.
fn is_listener_constructor(
    ctx: &FileContext<'_>,
    call: &syn::ExprCall,
    ancestors: &[Node<'_>],
    depth: usize,
) -> bool {
    let Expr::Path(p) = &*call.func else {
        return false;
    };
    let Some(resolved) = ctx.resolve(&p.path) else {
        return false;
    };
    let segments: Vec<&str> = resolved.split("::").collect();
    // smol / async-io: `Async::<TcpListener>::bind(addr)`.
    if let [.., owner, last] = p.path.segments.iter().collect::<Vec<_>>().as_slice() {
        if owner.ident == "Async" && last.ident == "bind" {
            let syn::PathArguments::AngleBracketed(args) = &owner.arguments else {
                return false;
            };
            return matches!(segments.first(), Some(&("smol" | "async_io")))
                && args
                    .args
                    .iter()
                    .any(|a| matches!(a, syn::GenericArgument::Type(t) if is_listener_type(t)));
        }
    }
    match segments.as_slice() {
        [.., "quinn", "Endpoint", _] => true,
        [first, .., "TcpListener" | "UnixListener", "bind" | "from_std"] => {
            LISTENER_CRATES.contains(first)
        }
        ["tokio_stream", .., "TcpListenerStream" | "UnixListenerStream", "new"] => {
            call.args.len() == 1 && is_listener(ctx, &call.args[0], ancestors, depth + 1)
        }
        _ => false,
    }
}

/// What leaklint knows of a value as a socket listener (or the stream of
/// its connections).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listener {
    /// Not one, or not known to be one.
    No,
    /// One.
    Yes,
    /// One when the fn of the crate that the call at this span calls (in
    /// another file: `net::bind_admin(addr).await?`) is declared to return
    /// one, which the crate pass tells.
    IfReturnedBy(Span),
}

/// Whether `receiver` is known to be a socket listener (see [`listener`]).
fn is_listener(
    ctx: &FileContext<'_>,
    receiver: &Expr,
    ancestors: &[Node<'_>],
    depth: usize,
) -> bool {
    listener(ctx, receiver, ancestors, depth) == Listener::Yes
}

/// Whether `receiver` is a socket listener (or the stream of its
/// connections): a binding of the same fn made by a listener constructor
/// (or typed as a listener), a parameter of a listener type, a `self` field
/// of a listener type, or `listener.incoming()` of one; or made by a call
/// of a fn of the crate this file does not define, which may return one.
fn listener(
    ctx: &FileContext<'_>,
    receiver: &Expr,
    ancestors: &[Node<'_>],
    depth: usize,
) -> Listener {
    if depth > 8 {
        return Listener::No;
    }
    let known = |yes: bool| if yes { Listener::Yes } else { Listener::No };
    let made = peel(strip(receiver));
    match made {
        // `Arc::new(listener)`
        Expr::Call(c)
            if c.args.len() == 1
                && ctx.callee_is(
                    &c.func,
                    &[
                        "std::sync::Arc::new",
                        "std::boxed::Box::new",
                        "std::rc::Rc::new",
                    ],
                ) =>
        {
            listener(ctx, &c.args[0], ancestors, depth + 1)
        }
        Expr::Call(c) => {
            if is_listener_constructor(ctx, c, ancestors, depth) {
                return Listener::Yes;
            }
            if let Some(f) = ctx.called_local_fn(&c.func) {
                return known(returns_listener(f.sig));
            }
            match &*c.func {
                Expr::Path(p) if p.qself.is_none() && ctx.crate_path_name(&p.path).is_some() => {
                    Listener::IfReturnedBy(ctx.call_span(made))
                }
                _ => Listener::No,
            }
        }
        // `self.create_listener(port).await?`
        Expr::MethodCall(m) if matches!(&*m.receiver, Expr::Path(p) if p.path.is_ident("self")) => {
            match ctx.local_method(&m.method.to_string()) {
                Some(f) => known(returns_listener(f.sig)),
                None => Listener::IfReturnedBy(ctx.call_span(made)),
            }
        }
        // `match TcpListener::bind(addr).await { Ok(l) => l, Err(e) => exit(…) }`
        Expr::Match(m) => listener(ctx, &m.expr, ancestors, depth + 1),
        Expr::MethodCall(m) if m.method == "incoming" && m.args.is_empty() => {
            listener(ctx, &m.receiver, ancestors, depth + 1)
        }
        // `self.listener`, `srv.admin` (a parameter of a struct type).
        Expr::Field(f) => match &f.member {
            syn::Member::Named(field) => known(
                ctx.field_access_type(&f.base, field, ancestors)
                    .is_some_and(is_listener_type),
            ),
            syn::Member::Unnamed(_) => Listener::No,
        },
        Expr::Path(p) => {
            let Some(ident) = p.path.get_ident() else {
                return Listener::No;
            };
            let Some(binding) = ctx.binding_of_use(ident) else {
                return Listener::No;
            };
            let is_it = |i: &syn::Ident| ctx.binding_of_pat(i) == Some(binding);
            if let Some(local) = ctx.let_binding(ident, ancestors) {
                // `let Ok(listener) = TcpListener::bind(addr).await else { … };`
                if let (syn::Pat::TupleStruct(t), Some(init)) = (&local.pat, &local.init) {
                    if t.elems.len() != 1 || !pat_ident(&t.elems[0]).is_some_and(is_it) {
                        return Listener::No;
                    }
                    return listener(ctx, &init.expr, ancestors, depth + 1);
                }
                let Some(site) = ctx.binding_site(ident, ancestors) else {
                    return Listener::No;
                };
                if let syn::Pat::Type(t) = &site.local.pat {
                    if is_listener_type(&t.ty) {
                        return Listener::Yes;
                    }
                }
                if site.local.init.as_ref().is_none_or(|i| i.diverge.is_some()) {
                    return Listener::No;
                }
                return listener(ctx, site.init, &site.ancestors, depth + 1);
            }
            known(enclosing_fn_sig(ancestors).is_some_and(|sig| {
                sig.inputs.iter().any(|input| match input {
                    syn::FnArg::Typed(t) => {
                        pat_ident(&t.pat).is_some_and(is_it) && is_listener_type(&t.ty)
                    }
                    syn::FnArg::Receiver(_) => false,
                })
            }))
        }
        _ => Listener::No,
    }
}

struct AcceptFinder<'c, 'a, 'n, 'v> {
    ctx: &'c FileContext<'a>,
    /// The loop's ancestors, where the listener's binding is looked up.
    ancestors: &'n [Node<'v>],
    /// What the loop accepts from: a known listener wins over one a fn of
    /// another file may make.
    found: Listener,
}

impl AcceptFinder<'_, '_, '_, '_> {
    /// An `accept()` / `next()` future on a listener (awaited or raced).
    fn accept_future(&self, e: &Expr) -> Listener {
        match strip(e) {
            Expr::MethodCall(m)
                if m.args.is_empty() && (m.method == "accept" || m.method == "next") =>
            {
                listener(self.ctx, &m.receiver, self.ancestors, 0)
            }
            _ => Listener::No,
        }
    }

    /// Records that the loop accepts from `from`; whether it is known.
    fn found(&mut self, from: Listener) -> bool {
        match from {
            Listener::Yes => self.found = Listener::Yes,
            Listener::IfReturnedBy(_) if self.found == Listener::No => self.found = from,
            _ => {}
        }
        self.found == Listener::Yes
    }
}

impl<'ast> Visit<'ast> for AcceptFinder<'_, '_, '_, '_> {
    fn visit_expr(&mut self, e: &'ast Expr) {
        if self.found == Listener::Yes {
            return;
        }
        let accepts = match e {
            Expr::Await(a) => self.accept_future(&a.base),
            // A blocking std accept: `listener.accept()`.
            Expr::MethodCall(m) if m.method == "accept" && m.args.is_empty() => {
                listener(self.ctx, &m.receiver, self.ancestors, 0)
            }
            _ => Listener::No,
        };
        if self.found(accepts) {
            return;
        }
        syn::visit::visit_expr(self, e);
    }

    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}

    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}

    fn visit_item(&mut self, _: &'ast syn::Item) {}

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let ctx = self.ctx;
        if let MacroBody::Select(select) = ctx.macro_body(mac) {
            for branch in &select.branches {
                if self.found(self.accept_future(&branch.future)) {
                    return;
                }
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
fn moves_permit(ctx: &FileContext<'_>, arg: &Expr) -> bool {
    ctx.names_in(arg)
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
    ctx.any_expr(
        block,
        |e| matches!(e, Expr::MethodCall(m) if is_acquire(&m.method.to_string())),
    )
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
                return awaits_handle(ctx, rest, name);
            }
            Node::Stmt(Stmt::Expr(..)) => return false,
            _ => return false,
        }
    }
    false
}

/// Whether `stmts` await the handle that the pattern `name` binds
/// (`name.await`, `name.join()`; not a later binding of the same name).
fn awaits_handle(ctx: &FileContext<'_>, stmts: &[Stmt], name: &syn::Ident) -> bool {
    let Some(handle) = ctx.binding_of_pat(name) else {
        return false;
    };
    let is_handle = |e: &Expr| {
        matches!(strip(e), Expr::Path(p) if p.path.get_ident()
            .is_some_and(|i| ctx.binding_of_use(i) == Some(handle)))
    };
    stmts.iter().any(|stmt| {
        ctx.any_expr(stmt, |e| match e {
            Expr::Await(a) => is_handle(&a.base),
            Expr::MethodCall(m) => {
                m.method == "join" && m.args.is_empty() && is_handle(&m.receiver)
            }
            _ => false,
        })
    })
}
