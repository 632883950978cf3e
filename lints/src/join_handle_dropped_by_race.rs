use crate::context::paths::{
    self, BLOCKING_SPAWNS, SELECT_ALL_FNS, SELECT_FNS, SELECT_MACROS, TIMEOUT_CALLS,
    TRANSPARENT_FUTURE_METHODS,
};
use crate::Triggers;
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::{Expr, Pat, Stmt};

use crate::context::bindings::pat_ident;
use crate::context::chains::path_ident;
use crate::context::scopes::for_each_pattern_ident;
use crate::context::spawn::{Lifetime, SpawnCall, SpawnKind};
use crate::context::BindingId;
use crate::context::Node;
use crate::macros::MacroBody;
use crate::{FileContext, Finding, LintOptions, ReachKind, Span};

crate::declare_lint! {
    /// ### What it does
    /// Flags the `JoinHandle` of a spawned task moved *by value* into a race
    /// that can drop it before the task ends:
    ///
    /// * a branch of `tokio::select!` / `futures::select!` written as the
    ///   handle itself (`_ = worker => …`, also `worker.fuse()`), or as an
    ///   async block that awaits it (`_ = async { worker.await } => …`);
    /// * an argument of `futures::future::select(a, b)` or an element of
    ///   `select_all(vec![a, b])`, when the losers the call hands back are
    ///   thrown away, or when the call is itself raced by value (a branch
    ///   of a `select!`, or awaited by an async block that is one: when
    ///   another branch wins, every handle it holds is dropped);
    /// * the future given to `tokio::time::timeout(d, worker)` when the task
    ///   runs a loop that never ends and never checks for cancellation.
    ///
    /// The handle is a name bound from a spawn call (`tokio::spawn`,
    /// `tokio::task::spawn_local`, `.spawn(…)` on a runtime, handle or
    /// `TaskTracker`, also on what a crate fn of another file returns when
    /// it declares a runtime its caller does not own (`fn runtime() ->
    /// &'static Runtime`), the `spawn_functions` option…) in the same
    /// function, or the spawn call itself.
    ///
    /// ### Why is this bad
    /// Dropping a `JoinHandle` does not stop its task: it detaches it. When
    /// another branch wins the race, or the timeout elapses, the handle is
    /// dropped and the task keeps running with nobody left to stop it or
    /// to see its result. The typical case is a WebSocket server that spawns
    /// a reader and a writer per client and races them "so that when one
    /// side stops, both stop": only the winner has stopped, and the other
    /// task stays alive for every client that ever disconnected.
    ///
    /// ### Known problems
    /// Racing a borrowed handle (`_ = &mut worker => …`,
    /// `timeout(d, &mut worker)`) is never reported, whether or not the code
    /// aborts it afterwards. A raced handle is also left alone when the same
    /// function calls `.abort()` on it, or on an `AbortHandle` bound from it
    /// before the race (`let ah = worker.abort_handle();`), in or after the
    /// statement that races it, or hands such an `AbortHandle` on without
    /// binding it (whoever holds it may abort). An abort in the handler of
    /// the handle's own `select!` branch does not count: that branch runs
    /// once its task has finished, so it stops no loser. One in the handler
    /// of another branch stops it only when that branch wins: every other
    /// branch (and an `else` / `default`) must abort it, or an abort must
    /// follow the `select!`. A handle wrapped so that dropping it cancels the task
    /// (`AbortOnDropHandle::new(…)`, a `JoinSet`, your own wrapper type) is
    /// not a `JoinHandle` here.
    ///
    /// A `select!` over handles is reported whatever the tasks do, even when
    /// the losing task would end on its own soon after (a writer whose
    /// channel closes once the reader is gone): nothing in the code says so.
    /// A race that ends `main` (or a `#[tokio::main]` fn: in no loop, and
    /// nothing after its statement awaits) is not reported unless
    /// `process_lifetime = "report"` is set: `main` returns right after it,
    /// and the runtime shuts down and cancels the loser. So is a
    /// `select!` (or `select(…)`, `select_all(…)`) that ends another fn (a
    /// free fn or a method) which, as far as the crate shows, only `main`
    /// reaches, once, through calls and awaits that each end their caller
    /// (`app::run(cfg).await` as `main`'s last awaited work, with the race
    /// at the end of `run`): that is the common shape of a service's
    /// `main`. Where `main` (or a fn on the way) waits for more after such
    /// a fn returns (`ctrl_c().await`, a shutdown step), the losers run on
    /// meanwhile: that race is reported, as one in `main` followed by more
    /// awaited work is. A `timeout(d,
    /// handle)` there is still reported: it says the task should have ended
    /// by then, and so is a `spawn_blocking` handle (the runtime's shutdown
    /// waits for its thread). A race in `main` followed by more awaited work is reported. Awaits inside a macro
    /// leaklint cannot parse are not seen. `timeout(d, worker)` is reported only when the
    /// task body has a loop that never ends and observes no cancellation,
    /// also in a fn of the crate it calls (`spawn(async move {
    /// run(rx).await })` with the loop inside `run`, maybe in another
    /// file), followed as `spawn_without_cancel` follows calls, with a note
    /// per call. A `spawn_blocking` handle is reported, in any race, only
    /// when its closure loops forever (one that ends finishes its work
    /// after the race); aborting does not stop it, so the help asks for a
    /// stop flag the loop checks. Threads' handles are not futures and are
    /// out of scope. For `select(a, b)` / `select_all(…)` the
    /// losers are taken as thrown away when the result is discarded, or the
    /// pattern it is matched against puts `_` (or a name never used) where
    /// the losers are. A result bound to a name is judged the same way when
    /// the name is only ever matched (`let res = select(a, b).await; match
    /// res { Either::Left(_) => …, Either::Right(_) => … }`); used any other
    /// way (returned, logged, passed on) it is not judged. A handle
    /// that reaches the race through a collection filled elsewhere
    /// (`select_all(handles)` over a `Vec` built by `push` or `collect`) is
    /// not followed.
    ///
    /// ### Example
    /// ```rust,ignore
    /// async fn handle_socket(socket: WebSocket, state: Arc<AppState>) {
    ///     let (sender, receiver) = socket.split();
    ///     let mut rx = state.tx.subscribe();
    ///     let send_task = tokio::spawn(forward_broadcasts(rx, sender));
    ///     let receive_task = tokio::spawn(read_messages(receiver, state.clone()));
    ///     // When one side stops, the other is detached and keeps running.
    ///     tokio::select! {
    ///         _ = send_task => {}
    ///         _ = receive_task => {}
    ///     }
    /// }
    /// ```
    ///
    /// ### Use instead
    /// ```rust,ignore
    /// async fn handle_socket(socket: WebSocket, state: Arc<AppState>) {
    ///     let (sender, receiver) = socket.split();
    ///     let mut rx = state.tx.subscribe();
    ///     let mut send_task = tokio::spawn(forward_broadcasts(rx, sender));
    ///     let mut receive_task = tokio::spawn(read_messages(receiver, state.clone()));
    ///     tokio::select! {
    ///         _ = &mut send_task => receive_task.abort(),
    ///         _ = &mut receive_task => send_task.abort(),
    ///     }
    /// }
    /// ```
    pub JOIN_HANDLE_DROPPED_BY_RACE,
    name: "join_handle_dropped_by_race",
    level: Warn,
    summary: "a JoinHandle moved into select!/timeout is dropped when it loses the race, and its task keeps running",
    triggers: triggers,
    check: check,
}

/// A race (`select!`, `select_biased!`, `select(…)`, `select_all(…)`,
/// `timeout(…)`), and the task spawn its handle comes from.
fn triggers() -> Triggers {
    let mut races = paths::macro_calls(SELECT_MACROS);
    races.extend(paths::spelled(&[SELECT_FNS, SELECT_ALL_FNS, TIMEOUT_CALLS]));
    let mut spawns = paths::task_spawn_words();
    spawns.extend(paths::last_segments(&[BLOCKING_SPAWNS]));
    Triggers::new(races).requiring(spawns)
}

const HELP: &str =
    "race `&mut handle` and abort it when another branch wins, or wrap it in `AbortOnDropHandle`";

/// For a `spawn_blocking` closure, which aborting does not stop.
const BLOCKING_HELP: &str = "give the blocking loop a stop flag (an `AtomicBool` or a channel it checks each turn) and set it when the race is lost: aborting does not stop a `spawn_blocking` closure";

/// Future adapters that keep the future they are called on, by value, and
/// change its output (besides the [`TRANSPARENT_FUTURE_METHODS`]).
const OUTPUT_ADAPTERS: &[&str] = &[
    "map",
    "map_ok",
    "map_err",
    "err_into",
    "ok_into",
    "inspect",
    "then",
    "unwrap_or_else",
];

/// What raced the handle.
#[derive(Debug, Clone, Copy)]
enum RaceKind<'v> {
    SelectMacro(&'v syn::Macro),
    SelectFn,
    SelectAll,
    Timeout,
}

/// A handle found in a race.
struct Raced<'v> {
    /// Where the race mentions it.
    at: Span,
    /// The spawn call it came from.
    spawn: SpawnCall<'v>,
    /// The ancestors of the spawn call (of its `let` when it was bound).
    spawn_ancestors: Vec<Node<'v>>,
    /// The bindings that held the handle on its way to the race.
    bindings: Vec<BindingId>,
    /// For `.spawn(…)` on what a fn of another file returns
    /// (`rt::runtime().spawn(…)`): that call. The crate pass says whether
    /// it is a runtime the task outlives its caller on.
    runtime_of: Option<Span>,
}

fn check(ctx: &FileContext<'_>, options: &LintOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    ctx.walk_exprs(|expr, ancestors| {
        // A branch future of a `select!`: the walk visits it with the macro as its parent.
        if let Some(Node::Macro(mac)) = ancestors.last() {
            if let MacroBody::Select(select) = ctx.macro_body(mac) {
                // A `select!` with a single branch has nothing for the handle to lose to.
                if select.branches.len() > 1
                    && select
                        .branches
                        .iter()
                        .any(|b| std::ptr::eq(&b.future, expr))
                {
                    let raced = raced_handles(ctx, expr, ancestors, options);
                    report(
                        ctx,
                        options,
                        RaceKind::SelectMacro(mac),
                        expr,
                        ancestors,
                        raced,
                        &mut findings,
                    );
                }
            }
        }
        let Expr::Call(call) = expr else { return };
        // A longer path names a race by its last segment (only a single
        // name can be a renamed import): skip resolving every other call.
        let Expr::Path(callee) = &*call.func else {
            return;
        };
        let Some(last) = callee.path.segments.last() else {
            return;
        };
        let race_call_name = [TIMEOUT_CALLS, SELECT_FNS, SELECT_ALL_FNS]
            .iter()
            .flat_map(|t| t.iter())
            .any(|p| last.ident == paths::last_segment(p));
        if callee.path.segments.len() > 1 && !race_call_name {
            return;
        }
        if ctx.callee_is(&call.func, TIMEOUT_CALLS) {
            let Some(fut) = call.args.last() else { return };
            let raced = raced_handles(ctx, fut, ancestors, options);
            report(
                ctx,
                options,
                RaceKind::Timeout,
                expr,
                ancestors,
                raced,
                &mut findings,
            );
        } else if let Some((kind, loser)) = select_kind(ctx, call) {
            if !losers_dropped(ctx, expr, ancestors, loser) {
                return;
            }
            let raced = (select_futures(ctx, call, ancestors).into_iter())
                .flat_map(|(future, anc)| raced_handles(ctx, future, &anc, options))
                .collect();
            report(ctx, options, kind, expr, ancestors, raced, &mut findings);
        }
    });
    // A `select(a, b)` whose losers are dropped, raced in a `select!` as a
    // whole, is found as both races: one finding per handle.
    let mut seen = std::collections::HashSet::new();
    findings.retain(|f| seen.insert(f.span));
    findings
}

/// Reports each raced handle that nothing aborts.
fn report<'v>(
    ctx: &'v FileContext<'_>,
    options: &LintOptions,
    kind: RaceKind<'v>,
    race: &'v Expr,
    ancestors: &[Node<'v>],
    raced: Vec<Raced<'v>>,
    findings: &mut Vec<Finding>,
) {
    if raced.is_empty() {
        return;
    }
    // A race that ends `main` ends the process; one that ends a fn which
    // only `main` reaches, once, is its tail as far as the crate shows
    // (`app::run(cfg).await` in `main`): the crate pass decides.
    let mut moot_if = None;
    if !options.report_process_lifetime {
        match ctx.ends_its_fn(ancestors) {
            Some(true) => return,
            // Not a `timeout(d, handle)`: it says the task should end by
            // then, and one that loops forever is a bug wherever it is.
            Some(false) if !matches!(kind, RaceKind::Timeout) => {
                if let Lifetime::PerCallOf(function) = ctx.lifetime(race, ancestors) {
                    moot_if = Some(function);
                }
            }
            _ => {}
        }
    }
    for handle in raced {
        // In a `select!`, the handler of the handle's own branch runs only
        // when its task has finished: an abort there stops no loser. The
        // other handlers are the paths on which it loses.
        let mut handlers = Handlers::default();
        if let RaceKind::SelectMacro(mac) = kind {
            if let MacroBody::Select(select) = ctx.macro_body(mac) {
                for b in &select.branches {
                    match ctx.span_of(&b.future).contains(handle.at) {
                        true => handlers.own = Some(ctx.span_of(&b.handler)),
                        false => handlers.losing.push(ctx.span_of(&b.handler)),
                    }
                }
                let others = select.else_branches.iter().map(|e| ctx.span_of(e));
                handlers.losing.extend(others);
            }
        }
        if aborted_around(ctx, &handle.bindings, race, ancestors, &handlers) {
            continue;
        }
        let mut loop_note = None;
        // The loop may be in a fn the task calls: the crate pass follows
        // the calls and keeps the finding only if one reaches such a loop.
        let mut loop_in_callees = None;
        // A blocking closure that ends on its own finishes its work after
        // the race: only one that loops forever is left running.
        let blocking = handle.spawn.kind == SpawnKind::Blocking;
        if matches!(kind, RaceKind::Timeout) || blocking {
            let Some(task) = ctx.task_body(handle.spawn.arg, &handle.spawn_ancestors) else {
                continue;
            };
            let shape = ctx.task_shape_of(&task);
            match shape
                .loops
                .iter()
                .find(|l| !l.wrapped && !l.observes_cancellation)
            {
                Some(endless) => loop_note = Some(endless.keyword),
                None if !shape.calls.is_empty() => {
                    loop_in_callees = Some((shape.calls, task.follow_depth(options.call_depth)))
                }
                None => continue,
            }
        }
        let message = match kind {
            RaceKind::SelectMacro(_) => "JoinHandle raced by value in `select!`: when another branch wins, the handle is dropped and its task keeps running",
            RaceKind::SelectFn => "JoinHandle moved into `select(…)` whose loser is thrown away: the losing task keeps running",
            RaceKind::SelectAll => "JoinHandle moved into `select_all(…)` whose losers are thrown away: the losing tasks keep running",
            RaceKind::Timeout => "JoinHandle moved into `timeout(…)`: when the timeout elapses, the handle is dropped and the task, which loops forever, keeps running",
        };
        let mut finding = Finding::new(JOIN_HANDLE_DROPPED_BY_RACE.name, handle.at, message);
        if ctx.span_of(handle.spawn.expr) != handle.at {
            finding = finding.note(
                ctx.span_of(handle.spawn.expr),
                "the task is spawned here; dropping its JoinHandle detaches it but does not stop it",
            );
        }
        if let RaceKind::SelectMacro(mac) = kind {
            finding = finding.note(
                ctx.span_between(&mac.path, &mac.bang_token),
                "this `select!` drops every losing branch's future when one branch completes",
            );
        }
        if let Some(keyword) = loop_note {
            finding = finding.note(
                ctx.span(keyword),
                "this loop of the task never ends and observes no cancellation",
            );
        }
        let finding = finding.help(if blocking { BLOCKING_HELP } else { HELP });
        let finding = match loop_in_callees {
            Some((calls, depth)) => finding.waits_for_crate(depth, |f| {
                f.loop_in_callees = Some(calls);
            }),
            None => finding,
        };
        let finding = match handle.runtime_of {
            Some(call) => finding.waits_for_crate(options.call_depth, |f| {
                f.runtime_of = Some(call);
            }),
            None => finding,
        };
        // A blocking task is not cancelled when the runtime shuts down:
        // one that loops forever holds up the process's exit.
        findings.push(match &moot_if {
            Some(function) if !blocking => {
                finding.moot_if_reached(function.clone(), ReachKind::AwaitedOnce)
            }
            _ => finding,
        });
    }
}

/// The future an expression races, seen through parentheses, `Box::pin(…)`
/// and adapters that keep it (`.fuse()`, `.map(…)`…); `None` for a borrow.
fn peel<'v>(ctx: &FileContext<'_>, mut e: &'v Expr) -> Option<&'v Expr> {
    loop {
        match e {
            Expr::Paren(p) => e = &p.expr,
            Expr::Group(g) => e = &g.expr,
            Expr::Reference(_) => return None,
            Expr::MethodCall(m)
                if TRANSPARENT_FUTURE_METHODS
                    .iter()
                    .chain(OUTPUT_ADAPTERS)
                    .any(|a| m.method == a) =>
            {
                e = &m.receiver
            }
            Expr::Call(c)
                if c.args.len() == 1 && ctx.callee_is(&c.func, &["std::boxed::Box::pin"]) =>
            {
                e = &c.args[0]
            }
            _ => return Some(e),
        }
    }
}

/// The handles a raced future holds by value: the future itself when it is
/// a handle, or the handles an async block awaits.
fn raced_handles<'v>(
    ctx: &'v FileContext<'_>,
    fut: &'v Expr,
    ancestors: &[Node<'v>],
    options: &LintOptions,
) -> Vec<Raced<'v>> {
    let mut out = Vec::new();
    let Some(peeled) = peel(ctx, fut) else {
        return out;
    };
    let at = match peeled {
        Expr::Async(_) => None,
        _ => Some(ctx.span_of(fut)),
    };
    follow(ctx, peeled, ancestors, options, at, Vec::new(), 0, &mut out);
    out
}

/// Follows `e` to the spawn call whose handle it is, through `let`
/// bindings of the same fn and the awaits of async blocks.
#[allow(clippy::too_many_arguments)]
fn follow<'v>(
    ctx: &'v FileContext<'_>,
    e: &'v Expr,
    ancestors: &[Node<'v>],
    options: &LintOptions,
    at: Option<Span>,
    mut bindings: Vec<BindingId>,
    depth: usize,
    out: &mut Vec<Raced<'v>>,
) {
    if depth > 4 {
        return;
    }
    let Some(e) = peel(ctx, e) else { return };
    match e {
        Expr::Async(block) => {
            for awaited in awaited_names(ctx, block) {
                let at = at.unwrap_or_else(|| ctx.span_of(awaited));
                follow(
                    ctx,
                    awaited,
                    ancestors,
                    options,
                    Some(at),
                    bindings.clone(),
                    depth + 1,
                    out,
                );
            }
        }
        // A `select(a, b)` / `select_all(…)` raced as a whole (a branch
        // future of a `select!`, an async block's awaited value): when it
        // loses, every handle it holds is dropped, its losers' fate aside.
        Expr::Call(call) if select_call(ctx, call) => {
            for (future, anc) in select_futures(ctx, call, ancestors) {
                let at = Some(ctx.span_of(future));
                follow(
                    ctx,
                    future,
                    &anc,
                    options,
                    at,
                    bindings.clone(),
                    depth + 1,
                    out,
                );
            }
        }
        Expr::Path(_) => {
            let Some(binding) = ctx.binding_of_expr(e) else {
                return;
            };
            let Some(site) = ctx.site_of(binding, ancestors) else {
                return;
            };
            if pinned_in_place(ctx, binding, ancestors) {
                return;
            }
            bindings.push(binding);
            follow(
                ctx,
                site.init,
                &site.ancestors,
                options,
                at,
                bindings,
                depth + 1,
                out,
            );
        }
        _ => {
            let (spawn, runtime_of) = match ctx.spawn_call(e, ancestors, options) {
                Some(spawn) => (spawn, None),
                None => match ctx.spawn_on_crate_runtime(e, ancestors) {
                    Some((spawn, call)) => (spawn, Some(call)),
                    None => return,
                },
            };
            if !matches!(spawn.kind, SpawnKind::Task | SpawnKind::Blocking) || spawn.detached {
                return;
            }
            out.push(Raced {
                at: at.unwrap_or_else(|| ctx.span_of(e)),
                spawn,
                spawn_ancestors: ancestors.to_vec(),
                bindings,
                runtime_of,
            });
        }
    }
}

/// Whether `binding` is pinned in place (`tokio::pin!(name)`, `futures::pin_mut!(name)`)
/// in the enclosing fn: racing it then races a `Pin<&mut _>`, a borrow.
fn pinned_in_place(ctx: &FileContext<'_>, binding: BindingId, ancestors: &[Node<'_>]) -> bool {
    struct Pins<'c, 'a> {
        ctx: &'c FileContext<'a>,
        binding: crate::context::BindingId,
        found: bool,
    }
    impl<'ast> Visit<'ast> for Pins<'_, '_> {
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            let is_pin = mac
                .path
                .segments
                .last()
                .is_some_and(|s| s.ident == "pin" || s.ident == "pin_mut");
            if is_pin
                && mac
                    .tokens
                    .clone()
                    .into_iter()
                    .any(|t| matches!(t, proc_macro2::TokenTree::Ident(i) if self.ctx.binding_of_use(&i) == Some(self.binding)))
            {
                self.found = true;
            }
        }
    }
    let Some(body) = crate::context::threads::enclosing_fn_body(ancestors) else {
        return false;
    };
    let mut pins = Pins {
        ctx,
        binding,
        found: false,
    };
    pins.visit_block(body);
    pins.found
}

/// The plain names an async block awaits by value (`name.await`,
/// `name.fuse().await`), outside closures and nested async blocks, and not
/// rebound by a `let` of the block.
fn awaited_names<'v>(ctx: &'v FileContext<'_>, block: &'v syn::ExprAsync) -> Vec<&'v Expr> {
    struct Awaits<'v, 'a> {
        ctx: &'v FileContext<'a>,
        found: Vec<&'v Expr>,
        /// The bindings made by the block's `let`s.
        lets: Vec<BindingId>,
    }
    impl<'v> Visit<'v> for Awaits<'v, '_> {
        fn visit_expr_await(&mut self, a: &'v syn::ExprAwait) {
            if let Some(base) = peel(self.ctx, &a.base) {
                let race = matches!(base, Expr::Call(c) if select_call(self.ctx, c));
                if path_ident(base).is_some() || race {
                    self.found.push(&a.base);
                    return;
                }
            }
            syn::visit::visit_expr_await(self, a);
        }
        fn visit_local(&mut self, l: &'v syn::Local) {
            for_each_pattern_ident(&l.pat, |i| self.lets.extend(self.ctx.binding_of_pat(i)));
            syn::visit::visit_local(self, l);
        }
        fn visit_expr_closure(&mut self, _: &'v syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'v syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'v syn::Item) {}
        fn visit_macro(&mut self, mac: &'v syn::Macro) {
            // A nested `select!` is a race of its own, reported there.
            if !matches!(self.ctx.macro_body(mac), MacroBody::Select(_)) {
                self.ctx.visit_macro_body(mac, self);
            }
        }
    }
    let mut awaits = Awaits {
        ctx,
        found: Vec::new(),
        lets: Vec::new(),
    };
    awaits.visit_block(&block.block);
    let lets = awaits.lets;
    awaits
        .found
        .into_iter()
        .filter(|e| {
            let binding = peel(ctx, e).and_then(|p| ctx.binding_of_expr(p));
            binding.is_none_or(|b| !lets.contains(&b))
        })
        .collect()
}

/// Which race `call` is, `select(a, b)` or `select_all(…)` of `futures`,
/// and where its output hands the losers back; `None` for anything else.
fn select_kind<'v>(ctx: &FileContext<'_>, call: &syn::ExprCall) -> Option<(RaceKind<'v>, Loser)> {
    if call.args.len() == 2 && ctx.callee_is(&call.func, SELECT_FNS) {
        Some((RaceKind::SelectFn, Loser::EitherSecond))
    } else if call.args.len() == 1 && ctx.callee_is(&call.func, SELECT_ALL_FNS) {
        Some((RaceKind::SelectAll, Loser::TupleThird))
    } else {
        None
    }
}

/// Whether `call` is `select(a, b)` or `select_all(…)` of `futures`.
fn select_call(ctx: &FileContext<'_>, call: &syn::ExprCall) -> bool {
    select_kind(ctx, call).is_some()
}

/// The futures a [`select_call`] races, each with the ancestors to resolve
/// it from.
fn select_futures<'v>(
    ctx: &'v FileContext<'_>,
    call: &'v syn::ExprCall,
    ancestors: &[Node<'v>],
) -> Vec<(&'v Expr, Vec<Node<'v>>)> {
    match call.args.len() {
        2 => call.args.iter().map(|a| (a, ancestors.to_vec())).collect(),
        _ => collection_elements(ctx, &call.args[0], ancestors),
    }
}

/// The elements of the collection given to `select_all(…)`: `vec![a, b]`,
/// `[a, b]`, or a name bound to one of these in the same fn; each with the
/// ancestors to resolve it from.
fn collection_elements<'v>(
    ctx: &'v FileContext<'_>,
    arg: &'v Expr,
    ancestors: &[Node<'v>],
) -> Vec<(&'v Expr, Vec<Node<'v>>)> {
    let mut e = arg;
    let mut anc = ancestors.to_vec();
    for _ in 0..4 {
        match e {
            Expr::Paren(p) => e = &p.expr,
            Expr::MethodCall(m) if m.method == "into_iter" && m.args.is_empty() => e = &m.receiver,
            Expr::Array(a) => return a.elems.iter().map(|x| (x, anc.clone())).collect(),
            Expr::Macro(m) if m.mac.path.is_ident("vec") => {
                return match ctx.macro_body(&m.mac) {
                    MacroBody::Exprs(exprs) => exprs.iter().map(|x| (x, anc.clone())).collect(),
                    _ => Vec::new(),
                };
            }
            Expr::Path(_) => {
                let Some(ident) = path_ident(e) else { break };
                let Some(site) = ctx.binding_site(ident, &anc) else {
                    break;
                };
                e = site.init;
                anc = site.ancestors;
            }
            _ => break,
        }
    }
    Vec::new()
}

/// Where the losers are in the output of a select function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Loser {
    /// `Either::Left((output, loser))` / `Either::Right((output, loser))`.
    EitherSecond,
    /// `(output, index, losers)`.
    TupleThird,
}

/// Whether the output of a `select(…)` / `select_all(…)` call is thrown
/// away with its losers: the awaited call is a statement, `let _ =`, or a
/// pattern (of a `let` or of every `match` arm) that puts `_` or an unused
/// name where the losers are. `false` when the output goes anywhere else.
fn losers_dropped<'v>(
    ctx: &'v FileContext<'_>,
    call: &'v Expr,
    ancestors: &[Node<'v>],
    loser: Loser,
) -> bool {
    let mut current = call;
    for (i, node) in ancestors.iter().enumerate().rev() {
        match node {
            Node::Expr(parent) => match parent {
                Expr::Await(_) | Expr::Try(_) | Expr::Paren(_) => current = parent,
                Expr::MethodCall(m)
                    if std::ptr::eq(&*m.receiver, current)
                        && (m.method == "unwrap" || m.method == "expect") =>
                {
                    current = parent
                }
                Expr::Match(m) if std::ptr::eq(&*m.expr, current) => {
                    return m
                        .arms
                        .iter()
                        .all(|arm| pattern_drops_losers(ctx, &arm.pat, loser));
                }
                _ => return false,
            },
            Node::Stmt(Stmt::Expr(_, Some(_))) => return true,
            Node::Local(local) => {
                let after = ctx.stmts_after(&ancestors[..i]);
                if let (Some(name), Some(after)) = (pat_ident(&local.pat), after) {
                    if !ctx.references_of_pat(name).is_empty() {
                        return only_matched_without_losers(ctx, name, after, loser);
                    }
                }
                return loser_unused(ctx, &local.pat, loser, |n| {
                    after.is_none() || !ctx.references_of_pat(n).is_empty()
                });
            }
            _ => return false,
        }
    }
    false
}

/// Whether the output bound to `name` is only ever matched (`match res {
/// … }`, `if let Either::Left(_) = res`) in `stmts`, by patterns that all
/// leave the losers unbound: then they are dropped as if it were matched
/// in place.
fn only_matched_without_losers(
    ctx: &FileContext<'_>,
    name: &syn::Ident,
    stmts: &[Stmt],
    loser: Loser,
) -> bool {
    struct Matches<'c, 'a> {
        ctx: &'c FileContext<'a>,
        id: BindingId,
        loser: Loser,
        /// Matches of the output, and whether each drops the losers.
        matched: usize,
        all_drop: bool,
    }
    impl Matches<'_, '_> {
        fn judge(&mut self, scrutinee: &Expr, pats: &[&Pat]) {
            if self.ctx.binding_of_expr(scrutinee) == Some(self.id) {
                self.matched += 1;
                self.all_drop &= pats
                    .iter()
                    .all(|p| pattern_drops_losers(self.ctx, p, self.loser));
            }
        }
    }
    impl<'v> Visit<'v> for Matches<'_, '_> {
        fn visit_expr_match(&mut self, m: &'v syn::ExprMatch) {
            let pats: Vec<&Pat> = m.arms.iter().map(|a| &a.pat).collect();
            self.judge(&m.expr, &pats);
            syn::visit::visit_expr_match(self, m);
        }
        fn visit_expr_let(&mut self, l: &'v syn::ExprLet) {
            self.judge(&l.expr, &[&l.pat]);
            syn::visit::visit_expr_let(self, l);
        }
    }
    let Some(id) = ctx.binding_of_pat(name) else {
        return false;
    };
    let mut matches = Matches {
        ctx,
        id,
        loser,
        matched: 0,
        all_drop: true,
    };
    stmts.iter().for_each(|s| matches.visit_stmt(s));
    matches.all_drop && matches.matched == ctx.references_of_pat(name).len()
}

/// Whether the pattern of a `match` arm or `if let` leaves the losers
/// unbound, or bound to a name nothing uses.
fn pattern_drops_losers(ctx: &FileContext<'_>, pat: &Pat, loser: Loser) -> bool {
    loser_unused(ctx, pat, loser, |n| !ctx.references_of_pat(n).is_empty())
}

/// Whether `pat` leaves the losers unbound (or bound to a name `used` says is not used).
fn loser_unused(
    ctx: &FileContext<'_>,
    pat: &Pat,
    loser: Loser,
    used: impl Fn(&syn::Ident) -> bool + Copy,
) -> bool {
    let _ = ctx;
    match pat {
        Pat::Wild(_) | Pat::Rest(_) => true,
        Pat::Ident(p) if p.subpat.is_none() => {
            p.ident.to_string().starts_with('_') || !used(&p.ident)
        }
        Pat::Type(t) => loser_unused(ctx, &t.pat, loser, used),
        Pat::Paren(p) => loser_unused(ctx, &p.pat, loser, used),
        Pat::Reference(_) => false,
        Pat::Or(o) => o.cases.iter().all(|c| loser_unused(ctx, c, loser, used)),
        Pat::Tuple(t) if loser == Loser::TupleThird => {
            if t.elems.iter().any(|e| matches!(e, Pat::Rest(_))) {
                // `(out, ..)` / `(out, _, ..)`: the losers are unbound unless named before the rest.
                let before: Vec<&Pat> = t
                    .elems
                    .iter()
                    .take_while(|e| !matches!(e, Pat::Rest(_)))
                    .collect();
                return before
                    .get(2)
                    .is_none_or(|p| loser_unused(ctx, p, loser, used));
            }
            t.elems
                .iter()
                .nth(2)
                .is_some_and(|p| loser_unused(ctx, p, loser, used))
        }
        Pat::TupleStruct(ts) if loser == Loser::EitherSecond => {
            let last = ts.path.segments.last().map(|s| s.ident.to_string());
            if !matches!(last.as_deref(), Some("Left" | "Right")) {
                return false;
            }
            match ts.elems.iter().collect::<Vec<_>>().as_slice() {
                [Pat::Wild(_) | Pat::Rest(_)] | [] => true,
                [Pat::Tuple(inner)] => match inner.elems.iter().collect::<Vec<_>>().as_slice() {
                    [Pat::Rest(_)] => true,
                    [_, second] => loser_unused(ctx, second, loser, used),
                    _ => false,
                },
                [single] => loser_unused(ctx, single, loser, used),
                _ => false,
            }
        }
        _ => false,
    }
}

/// The handlers of a `select!` that races a handle: that of the handle's
/// own branch, and those of the others (and of its `else` / `default`),
/// the paths on which the handle loses. Empty for other races.
#[derive(Default)]
struct Handlers {
    own: Option<Span>,
    losing: Vec<Span>,
}

/// Whether the fn aborts the raced task itself: `.abort()` called on one of
/// the handle's bindings after the race starts, or on an `AbortHandle`
/// taken from one before the race (`let ah = worker.abort_handle();` …
/// `ah.abort()`), or an `AbortHandle` taken and handed on (`guards.push(
/// worker.abort_handle())`: whoever holds it may abort). "Before" and
/// "after" are token order: where a use starts against where the statement
/// holding the race starts (a `select!`'s arms run after its race). An
/// abort in the handler of the `select!` branch that races the handle does
/// not count: it runs only once the task has finished. An abort in the
/// handler of another branch stops the loser on that branch's path only:
/// every losing branch must abort, or an abort must follow the race.
fn aborted_around<'v>(
    ctx: &'v FileContext<'_>,
    bindings: &[BindingId],
    race: &Expr,
    ancestors: &[Node<'v>],
    handlers: &Handlers,
) -> bool {
    let race_at = ancestors
        .iter()
        .rev()
        .find_map(|n| match n {
            Node::Stmt(s) => Some(s.span().start()),
            _ => None,
        })
        .unwrap_or_else(|| race.span().start());
    // The losing branches whose handler aborts it, and whether an abort
    // outside every handler (after the race) does.
    let mut branches_aborting = vec![false; handlers.losing.len()];
    let mut after_the_race = false;
    let mut aborted_after = |b: BindingId| {
        let aborts = ctx.references(b).iter().filter(|r| {
            r.method.as_ref().is_some_and(|m| m == "abort") && r.span.start() > race_at
        });
        for r in aborts {
            let at = ctx.span(r.span);
            if handlers.own.is_some_and(|h| h.contains(at)) {
                continue;
            }
            match handlers.losing.iter().position(|h| h.contains(at)) {
                Some(i) => branches_aborting[i] = true,
                None => after_the_race = true,
            }
        }
    };
    bindings.iter().for_each(|&b| aborted_after(b));
    let taken = bindings
        .iter()
        .flat_map(|&b| ctx.references(b))
        .filter(|r| {
            r.method.as_ref().is_some_and(|m| m == "abort_handle") && r.span.start() < race_at
        })
        .count();
    // The `let`s before the race (in the blocks around it) bound to an
    // `AbortHandle` of the raced handle: they must be aborted after the
    // race. One taken otherwise (handed on, stored) may be aborted by
    // whoever holds it.
    let mut bound = 0;
    for (i, node) in ancestors.iter().enumerate() {
        let stmts: &[Stmt] = match node {
            Node::Block(block) => &block.stmts,
            Node::Macro(mac) => match ctx.macro_body(mac) {
                MacroBody::Stmts(stmts) => stmts,
                _ => continue,
            },
            _ => continue,
        };
        let Some(Node::Stmt(race_stmt)) = ancestors.get(i + 1) else {
            continue;
        };
        for stmt in stmts.iter().take_while(|s| !std::ptr::eq(*s, *race_stmt)) {
            let Stmt::Local(local) = stmt else {
                continue;
            };
            let Some(Expr::MethodCall(m)) = local.init.as_ref().map(|i| &*i.expr) else {
                continue;
            };
            if m.method != "abort_handle"
                || !ctx
                    .binding_of_expr(&m.receiver)
                    .is_some_and(|b| bindings.contains(&b))
            {
                continue;
            }
            for_each_pattern_ident(&local.pat, |ident| {
                if let Some(id) = ctx.binding_of_pat(ident) {
                    bound += 1;
                    aborted_after(id);
                }
            });
        }
    }
    let every_losing_branch = !branches_aborting.is_empty() && branches_aborting.iter().all(|&a| a);
    after_the_race || every_losing_branch || bound < taken
}
