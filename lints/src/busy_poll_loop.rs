use crate::context::paths::{self, POLL_METHODS, SELECT_MACROS};
use crate::Triggers;
use proc_macro2::TokenTree;
use syn::visit::Visit;
use syn::{Expr, Stmt};

use crate::context::ancestry::Node;
use crate::macros::{self, MacroBody};
use crate::{FileContext, Finding, LintOptions};

crate::declare_lint! {
    /// ### What it does
    /// Flags a loop (`loop`, `while cond`, `while let`) that polls without
    /// waiting — `try_recv()`, `try_lock()`, `try_read()`, `try_write()`,
    /// `try_send()`, `try_acquire()`, `now_or_never()`, or a `select!` with
    /// a `default` / `else` branch — when, after the poll found nothing
    /// (`Err(Empty)`, `Err(_)`, `None`, `false`, the default branch), a path
    /// goes round the loop and polls again without waiting on the way.
    /// Waiting means: an `.await` of something that waits for work, a sleep
    /// (`tokio::time::sleep`, `std::thread::sleep`), `yield_now()` (tokio or
    /// std), a blocking `recv()` / `recv_timeout()`, `park()` /
    /// `park_timeout()`, or a condvar `wait`. Taking an async lock
    /// (`.lock().await`, `.read().await`, `.write().await`) is not waiting:
    /// it returns at once when nobody holds the lock.
    ///
    /// The loop need not be endless: a worker that spins on `Err(Empty)` and
    /// returns on `Err(Disconnected)` keeps a core busy until its senders are
    /// gone. Every path from an empty poll back to the poll must wait; a
    /// sleep on another path (after a message was handled, say) does not
    /// help. Conditions are read by what they mean: in `if a && !wait()`
    /// the wait runs only when `a` holds, exactly as in two nested `if`s.
    ///
    /// Left alone: drains that stop when nothing is left
    /// (`while let Ok(x) = rx.try_recv()`, a `break` or `return` on
    /// `Err(Empty)`); a `for` (or a `while let Some(x) = it.next()`, or an
    /// index stepped by the loop) that tries each element once; a poll whose
    /// success leaves the loop (a stop check such as
    /// `if stop.try_recv().is_ok() { break }`) when other work runs between
    /// two polls; a spin with `std::hint::spin_loop()` outside async code (a
    /// spin lock on purpose, also with crossbeam's `Backoff::snooze()`).
    /// Taking the blocking form of the poll on the same value (`m.lock()`
    /// after `m.try_lock()` found it busy, `rx.recv()` after
    /// `rx.try_recv()`) waits; so does a `poll_*(cx)` readiness check in
    /// hand-written poll code. `Err(Lagged(_))` of a
    /// broadcast receiver is not an empty poll, and a `while running` loop
    /// whose empty path sets `running = false` ends there.
    ///
    /// The finding points at the poll that spins; a spin inside nested
    /// loops is reported once, at the innermost loop it goes round.
    ///
    /// ### Why is this bad
    /// When there is nothing to receive, lock or send, the loop turns around
    /// at once and polls again: it keeps a core at 100 % doing nothing, and in
    /// an async task it also starves the other tasks of its worker thread.
    /// It is Go's `for { select { …; default: } }`.
    ///
    /// ### Known problems
    /// leaklint reads the code, not its types. Whether a poll found something
    /// is known when its result is matched right away or through a name
    /// bound to it: `Ok(..)` / `Some(..)` got something, `Err(..)` / `None`
    /// found nothing, and `.is_ok()` / `.is_err()` / `.is_some()` /
    /// `.is_none()`, `?` and `.unwrap()` (the empty path leaves) are
    /// understood; a result used otherwise may be either.
    ///
    /// Other calls between two empty polls: a spin is still reported when
    /// the poll feeds the loop (a message it got is handled and the loop goes
    /// on), but not when the poll's success leaves the loop: then it is a
    /// stop check and the other call is taken to be the loop's work, so
    /// `loop { if stop.try_recv().is_ok() { break } drain_queue(); }` whose
    /// `drain_queue()` returns at once on an empty queue is missed. A call
    /// whose value only decides an `if`, `match` or `while`
    /// (`if !self.is_alive()`, `if let Some(job) = queue.pop_front()`) is a
    /// check, not work; nor is another poll. A poll whose result is dropped
    /// unlooked-at (`let _ = tap.try_send(frame);`) is reported only when
    /// nothing else runs between two polls: a best-effort send in a loop that
    /// does other work is not a spin.
    ///
    /// A loop that waits on only some of its empty paths is reported, also a
    /// hand-written backoff that spins a number of turns before it sleeps
    /// (`if idle > 1000 { sleep(d) }`): the turns before the sleep spin;
    /// suppress it with a reason where that is meant.
    ///
    /// Calls of fns are not followed: a helper that sleeps does not count as
    /// a wait, and one that polls does not count as a poll. A method named
    /// like a poll on `self` (`self.try_send(..)`) is the type's own and is
    /// not taken for one.
    ///
    /// Any `.await` other than of an async lock counts as a wait (a bounded
    /// `send(x).await` with room returns at once too), and so does any call
    /// whose name is `sleep`, `yield_now`, `park`, `park_timeout` or
    /// `block_on`, and any method call named `recv`, `recv_timeout`,
    /// `recv_deadline`, `blocking_recv`, `wait`, `wait_timeout`,
    /// `wait_while`, `wait_timeout_while`, `join`, `select`, `ready`, or a
    /// blocking I/O or blocking-primitive call (`read`, `read_exact`,
    /// `read_line`, `read_to_end`, `read_to_string`, `recv_from`, `accept`,
    /// `poll`, `blocking_send`, `blocking_lock`): without types, a loop that
    /// blocks on a socket between polls cannot be told from one that spins,
    /// and leaklint prefers silence (a std `RwLock::read` is taken for a
    /// wait). A macro leaklint cannot parse is taken to wait when its tokens
    /// mention `await` or one of those names.
    ///
    /// A `select!` with an `else` branch counts as a poll: tokio runs `else`
    /// at once when every branch is disabled, so the loop spins once its
    /// sources are closed. Code in closures and async blocks that are not
    /// awaited in the loop is not part of the loop's paths.
    ///
    /// ### Example
    /// ```rust,ignore
    /// std::thread::spawn(move || loop {
    ///     match rx.try_recv() {
    ///         Ok(job) => run(job),
    ///         Err(TryRecvError::Empty) => continue,
    ///         Err(TryRecvError::Disconnected) => return,
    ///     }
    /// });
    /// ```
    ///
    /// ### Use instead
    /// ```rust,ignore
    /// std::thread::spawn(move || {
    ///     // blocks until a job comes, ends when the senders are gone
    ///     while let Ok(job) = rx.recv() {
    ///         run(job);
    ///     }
    /// });
    /// ```
    pub BUSY_POLL_LOOP,
    name: "busy_poll_loop",
    level: Warn,
    summary: "a loop polls with try_*, now_or_never or select!-default and spins a core while nothing is ready",
    triggers: triggers,
    check: check,
}

/// A poll or a `select!`, in a `loop` / `while`.
fn triggers() -> Triggers {
    let mut words: Vec<String> = POLL_METHODS.iter().map(|m| m.to_string()).collect();
    words.extend(paths::macro_calls(SELECT_MACROS));
    Triggers::new(words).requiring(["loop", "while"])
}

const HELP: &str = "wait for the value instead of polling for it (`rx.recv().await`, `lock().await`), or sleep / yield on the path that found nothing";

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

/// Methods whose awaited future only takes an async lock: it is ready at
/// once when the lock is free, so awaiting it does not wait for work.
const ASYNC_LOCK_METHODS: &[&str] = &[
    "lock",
    "read",
    "write",
    "lock_owned",
    "read_owned",
    "write_owned",
];

/// Last path segments of a processor spin hint.
const SPIN_HINTS: &[&str] = &["spin_loop", "spin_loop_hint"];

/// Method calls that do no work of their own: reading a flag or a clock,
/// looking at a result. A loop that does only these between two polls that
/// found nothing is spinning.
const TRIVIAL_METHODS: &[&str] = &[
    "load",
    "store",
    "fetch_add",
    "fetch_sub",
    "elapsed",
    "clone",
    "len",
    "is_empty",
    "is_ok",
    "is_err",
    "is_some",
    "is_none",
    "ok",
    "err",
    "unwrap",
    "expect",
    "as_mut",
    "as_ref",
    "saturating_add",
    "wrapping_add",
    "checked_add",
];

/// Last path segments of fns that do no work of their own.
const TRIVIAL_FNS: &[&str] = &[
    "now",
    "from_millis",
    "from_micros",
    "from_secs",
    "from_nanos",
];

/// Outcome-preserving adapters of a poll's result (`rx.try_recv().ok()`).
const RESULT_ADAPTERS: &[&str] = &[
    "ok",
    "map",
    "map_err",
    "context",
    "with_context",
    "wrap_err",
];

/// Calls that never return.
const DIVERGING_FNS: &[&str] = &["std::process::exit", "std::process::abort"];

/// Macros that never return.
const DIVERGING_MACROS: &[&str] = &["panic", "unreachable", "todo", "unimplemented"];

// Path states. Each is a set of these bits, one per way of reaching a point
// of the loop; the analysis follows one poll at a time. "Came round" means
// the path has gone back to the head of a loop that can turn without end
// (`loop`, `while`), not only of a `for` that takes the next element.
/// Reached, whatever happened before (the loop's entry).
const REACHED: u8 = 1;
/// The followed poll found nothing, and since then nothing waited or worked.
const FAILED: u8 = 2;
/// The followed poll found nothing, nothing waited since, but other work ran.
const FAILED_WORKED: u8 = 4;
/// The followed poll got something (whatever happened since).
const GOT: u8 = 8;
/// [`FAILED`], and the path came round since.
const FAILED_ROUND: u8 = 16;
/// [`FAILED_WORKED`], and the path came round since.
const FAILED_WORKED_ROUND: u8 = 32;
/// [`GOT`], and the path came round since.
const GOT_ROUND: u8 = 64;
const FAILURE: u8 = FAILED | FAILED_WORKED | FAILED_ROUND | FAILED_WORKED_ROUND;
const SUCCESS: u8 = GOT | GOT_ROUND;

/// How many expressions one poll's analysis may visit: nested loops are
/// re-run until their states settle, so deeply nested loops cost more than
/// their size.
const BUDGET: usize = 200_000;

fn check(ctx: &FileContext<'_>, _options: &LintOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    ctx.walk_exprs(|expr, ancestors| {
        let (label, cond, body, keyword) = match expr {
            Expr::Loop(l) => (l.label.as_ref(), None, &l.body, l.loop_token.span),
            Expr::While(w) => (w.label.as_ref(), Some(&*w.cond), &w.body, w.while_token.span),
            _ => return,
        };
        let mut own = None;
        if let Some(Expr::Let(l)) = cond.map(strip) {
            if consumes_per_turn(&l.pat, &l.expr) {
                return;
            }
            own = Some(&*l.pat);
        }
        let in_async = in_async(ancestors);
        for (target, span) in polls_in(ctx, cond, body, own) {
            let mut paths = Paths {
                ctx,
                frames: vec![Frame {
                    label: label.map(|l| l.name.ident.to_string()),
                    is_loop: true,
                    continues: 0,
                    breaks: 0,
                }],
                target,
                in_async,
                result_names: Vec::new(),
                arrived: 0,
                inspected: false,
                budget: BUDGET,
                checking: false,
                exit_flag: exit_flag(cond),
                counterpart: counterpart(target_call(cond, body, target)),
            };
            paths.run_loop(cond, body);
            if paths.budget == 0 {
                // Too deep to follow: stay silent.
                continue;
            }
            let arrived = paths.arrived;
            // A failure comes back to the poll with nothing in between, or
            // the poll feeds the loop (a success comes back too) and a
            // failure comes back without waiting.
            let spins = arrived & FAILED_ROUND != 0
                || (paths.inspected
                    && arrived & FAILED_WORKED_ROUND != 0
                    && arrived & GOT_ROUND != 0);
            if spins {
                // A spin inside nested loops is reported once, at the
                // innermost loop it goes round (the walk meets outer loops
                // first).
                let span = ctx.span(span);
                findings.retain(|f: &Finding| f.span != span);
                findings.push(
                    Finding::new(
                        BUSY_POLL_LOOP.name,
                        span,
                        "this loop only polls without waiting and spins a core",
                    )
                    .note(
                        ctx.span(keyword),
                        "a path on which the poll found nothing comes back round this loop without waiting",
                    )
                    .help(HELP),
                );
                break;
            }
        }
    });
    findings
}

/// Whether a `while let` takes a new item each turn and stops when there is
/// none: a drain (`while let Ok(x) = rx.try_recv()`) or an iteration
/// (`while let Some(x) = it.next()`, `queue.pop_front()`). Such a loop is a
/// `for` in another shape: it does not spin on an idle source.
fn consumes_per_turn(pat: &syn::Pat, scrutinee: &Expr) -> bool {
    let outcome = pattern_outcomes(pat);
    if outcome.matched != ONLY_GOT {
        return false;
    }
    match unwrap_poll(scrutinee) {
        Expr::MethodCall(m) => {
            let name = m.method.to_string();
            POLL_METHODS.contains(&name.as_str())
                || matches!(
                    name.as_str(),
                    "next"
                        | "next_back"
                        | "pop"
                        | "pop_front"
                        | "pop_back"
                        | "pop_first"
                        | "pop_last"
                )
        }
        _ => false,
    }
}

/// The flag of a `while flag` / `while !flag` loop (a name or a field
/// path) and the value that stops it.
fn exit_flag(cond: Option<&Expr>) -> Option<(String, bool)> {
    match strip(cond?) {
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => {
            flag_name(&u.expr).map(|n| (n, true))
        }
        other => flag_name(other).map(|n| (n, false)),
    }
}

/// `rem`, `self.running`: a flag written as a name or a field path.
fn flag_name(e: &Expr) -> Option<String> {
    match strip(e) {
        Expr::Path(p) if p.qself.is_none() => p.path.get_ident().map(|i| i.to_string()),
        Expr::Field(f) => Some(format!(
            "{}.{}",
            flag_name(&f.base)?,
            tokens_of_member(&f.member)
        )),
        _ => None,
    }
}

fn tokens_of_member(m: &syn::Member) -> String {
    match m {
        syn::Member::Named(i) => i.to_string(),
        syn::Member::Unnamed(i) => i.index.to_string(),
    }
}

fn tokens(e: &Expr) -> String {
    quote::ToTokens::to_token_stream(strip(e)).to_string()
}

/// The followed poll's call, if it is a method call.
fn target_call<'e>(
    cond: Option<&'e Expr>,
    body: &'e syn::Block,
    target: usize,
) -> Option<&'e syn::ExprMethodCall> {
    struct Finder<'e> {
        target: usize,
        found: Option<&'e syn::ExprMethodCall>,
    }
    impl<'e> Visit<'e> for Finder<'e> {
        fn visit_expr(&mut self, e: &'e Expr) {
            if self.found.is_some() {
                return;
            }
            if let Expr::MethodCall(m) = e {
                if std::ptr::eq(e, self.target as *const Expr) {
                    self.found = Some(m);
                    return;
                }
            }
            syn::visit::visit_expr(self, e);
        }
    }
    let mut f = Finder {
        target,
        found: None,
    };
    if let Some(c) = cond {
        f.visit_expr(c);
    }
    f.visit_block(body);
    f.found
}

/// The blocking form of a poll and the value it is called on
/// (`("lock", "self . state")` for `self.state.try_lock()`).
fn counterpart(call: Option<&syn::ExprMethodCall>) -> Option<(&'static str, String)> {
    let call = call?;
    let blocking = match call.method.to_string().as_str() {
        "try_recv" => "recv",
        "try_lock" => "lock",
        "try_read" => "read",
        "try_write" => "write",
        "try_send" => "send",
        "try_acquire" => "acquire",
        _ => return None,
    };
    Some((blocking, tokens(&call.receiver)))
}

/// Whether a `while` condition takes the next item of a collection or
/// iterator (`while let Some(x) = it.next()`): like a `for`, the loop ends
/// when they run out.
fn iterates(cond: &Expr) -> bool {
    match strip(cond) {
        Expr::Let(l) => {
            consumes_per_turn(&l.pat, &l.expr)
                && !matches!(unwrap_poll(&l.expr), Expr::MethodCall(m)
                    if POLL_METHODS.contains(&m.method.to_string().as_str()))
        }
        _ => false,
    }
}

/// Whether the innermost fn, closure or block around the loop is async.
fn in_async(ancestors: &[Node<'_>]) -> bool {
    for node in ancestors.iter().rev() {
        match node {
            Node::Expr(Expr::Closure(c)) => return c.asyncness.is_some(),
            Node::Expr(Expr::Async(_)) => return true,
            Node::ItemFn(f) => return f.sig.asyncness.is_some(),
            Node::ImplFn(f) => return f.sig.asyncness.is_some(),
            Node::TraitFn(f) => return f.sig.asyncness.is_some(),
            Node::Static(_) | Node::Const(_) => return false,
            _ => {}
        }
    }
    false
}

/// A loop or labelled block the paths are inside, and the path states that
/// reach its `continue`s and `break`s.
struct Frame {
    label: Option<String>,
    is_loop: bool,
    continues: u8,
    breaks: u8,
}

/// Follows the paths through a loop, for one poll (`target`, the address of
/// its call expression or `select!` macro): where it found nothing or got
/// something, and whether that path comes back to the poll without waiting.
struct Paths<'c, 'a> {
    ctx: &'c FileContext<'a>,
    frames: Vec<Frame>,
    target: usize,
    in_async: bool,
    /// Names bound to the followed poll's result (`let r = rx.try_recv();`).
    result_names: Vec<String>,
    /// The path states that reach the followed poll.
    arrived: u8,
    /// Expressions left to visit before giving up on the loop.
    budget: usize,
    /// Whether the expression being followed decides a condition.
    checking: bool,
    /// Whether the poll's result is looked at (matched, tested), so that
    /// what the loop does with a success differs from an empty poll.
    inspected: bool,
    /// The flag a `while flag` / `while !flag` loop stops on, and the value
    /// that stops it: assigning it ends the path at the loop's head.
    exit_flag: Option<(String, bool)>,
    /// The blocking form of the followed poll on the same value
    /// (`m.lock()` for `m.try_lock()`): calling it waits for what the poll
    /// found missing.
    counterpart: Option<(&'static str, String)>,
}

/// What waiting does to path states: a failure has waited.
fn waited(states: u8) -> u8 {
    states & (REACHED | SUCCESS)
}

/// Moves the paths in `from` to `to`.
fn shift(states: u8, from: u8, to: u8) -> u8 {
    if states & from != 0 {
        (states & !from) | to
    } else {
        states
    }
}

/// What other work does to path states.
fn worked(states: u8) -> u8 {
    shift(
        shift(states, FAILED, FAILED_WORKED),
        FAILED_ROUND,
        FAILED_WORKED_ROUND,
    )
}

/// What going back to the head of a `loop` or `while` does to path states.
fn came_round(states: u8) -> u8 {
    let s = shift(states, FAILED, FAILED_ROUND);
    let s = shift(s, FAILED_WORKED, FAILED_WORKED_ROUND);
    shift(s, GOT, GOT_ROUND)
}

/// Keeps the states of the outcomes in `outcomes` (a set of [`GOT`] and
/// [`FAILED`]).
fn keep(states: u8, outcomes: u8) -> u8 {
    let mut s = states;
    if outcomes & GOT == 0 {
        s &= !SUCCESS;
    }
    if outcomes & FAILED == 0 {
        s &= !FAILURE;
    }
    s
}

const ONLY_GOT: u8 = GOT;
const ONLY_FAILED: u8 = FAILED;
const EITHER: u8 = GOT | FAILED;

impl Paths<'_, '_> {
    /// Runs the analysed loop until the states at its head are stable.
    fn run_loop(&mut self, cond: Option<&Expr>, body: &syn::Block) {
        let mut entry = REACHED;
        loop {
            let into_body = match cond {
                Some(c) => self.cond(c, entry).0,
                None => entry,
            };
            let end = self.block(&body.stmts, into_body);
            let next = entry | came_round(end | self.frames[0].continues);
            if next == entry {
                break;
            }
            entry = next;
        }
    }

    /// The followed poll: records what reaches it; after it, the poll found
    /// nothing or got something.
    fn poll(&mut self, states: u8) -> u8 {
        if states == 0 {
            return 0;
        }
        self.arrived |= states;
        GOT | FAILED
    }

    /// Whether an assignment sets the analysed `while` loop's flag to the
    /// value that stops it.
    fn ends_loop(&self, a: &syn::ExprAssign) -> bool {
        let Some((flag, stop)) = &self.exit_flag else {
            return false;
        };
        let value = match strip(&a.right) {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Bool(b),
                ..
            }) => b.value,
            _ => return false,
        };
        value == *stop && flag_name(&a.left).as_deref() == Some(flag.as_str())
    }

    /// Whether a method call is the blocking form of the followed poll on
    /// the same value.
    fn is_counterpart(&self, m: &syn::ExprMethodCall) -> bool {
        match &self.counterpart {
            Some((method, receiver)) => m.method == method && tokens(&m.receiver) == *receiver,
            None => false,
        }
    }

    fn is_target(&self, e: &Expr) -> bool {
        std::ptr::eq(e, self.target as *const Expr)
    }

    /// Whether `e` is the followed poll's result, seen through parentheses,
    /// `.await`, outcome-preserving adapters and a name bound to it.
    fn is_result(&self, e: &Expr) -> bool {
        let e = strip(e);
        if self.is_target(e) {
            return true;
        }
        match e {
            Expr::Await(a) => self.is_result(&a.base),
            // `let r = { let q = queue.lock(); q.try_recv() };`
            Expr::Block(b) if b.label.is_none() => match b.block.stmts.last() {
                Some(Stmt::Expr(tail, None)) => self.is_result(tail),
                _ => false,
            },
            Expr::MethodCall(m) if RESULT_ADAPTERS.contains(&m.method.to_string().as_str()) => {
                self.is_result(&m.receiver)
            }
            Expr::Path(p) if p.qself.is_none() => p
                .path
                .get_ident()
                .is_some_and(|i| self.result_names.iter().any(|n| i == n)),
            _ => false,
        }
    }

    /// The states entering the code that runs when `scrutinee` matches
    /// `pat`, and when it does not.
    fn split(&mut self, scrutinee: &Expr, pat: &syn::Pat, states: u8) -> (u8, u8) {
        if !self.is_result(scrutinee) {
            return (states, states);
        }
        let o = pattern_outcomes(pat);
        if o.matched != o.unmatched {
            self.inspected = true;
        }
        (keep(states, o.matched), keep(states, o.unmatched))
    }

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
                                    self.split(&init.expr, &local.pat, after);
                                self.expr(diverge, unmatched);
                                matched
                            }
                            None => {
                                if self.is_result(&init.expr) {
                                    if let syn::Pat::Ident(i) = &local.pat {
                                        self.result_names.push(i.ident.to_string());
                                    }
                                }
                                after
                            }
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
    fn target_frame(&self, label: Option<&syn::Lifetime>) -> Option<usize> {
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
    /// and returns the states going into the body and those leaving the
    /// loop there; `body` runs the iteration. The states leaving the loop
    /// are those leaving at its head plus those reaching its `break`s.
    fn nested_loop(
        &mut self,
        label: Option<&syn::Label>,
        bounded: bool,
        states: u8,
        mut head: impl FnMut(&mut Self, u8) -> (u8, u8),
        mut body: impl FnMut(&mut Self, u8) -> u8,
    ) -> u8 {
        self.frames.push(Frame {
            label: label.map(|l| l.name.ident.to_string()),
            is_loop: true,
            continues: 0,
            breaks: 0,
        });
        let mut entry = states;
        let mut exits;
        loop {
            let (into_body, out) = head(self, entry);
            exits = out;
            let end = body(self, into_body);
            let back = end | self.frames.last().map_or(0, |f| f.continues);
            let next = entry | if bounded { back } else { came_round(back) };
            if next == entry {
                break;
            }
            entry = next;
        }
        let frame = self.frames.pop().expect("pushed above");
        frame.breaks | exits
    }

    fn exprs<'e>(&mut self, exprs: impl IntoIterator<Item = &'e Expr>, mut states: u8) -> u8 {
        for e in exprs {
            states = self.expr(e, states);
        }
        states
    }

    /// A condition: the states when it is true and when it is false, with
    /// `&&`, `||` and `!` read as what they mean (`a && b` runs `b` only
    /// when `a` holds).
    fn cond(&mut self, e: &Expr, states: u8) -> (u8, u8) {
        if states == 0 {
            return (0, 0);
        }
        match e {
            Expr::Paren(p) => self.cond(&p.expr, states),
            Expr::Group(g) => self.cond(&g.expr, states),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => {
                let (t, f) = self.cond(&u.expr, states);
                (f, t)
            }
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                let (ta, fa) = self.cond(&b.left, states);
                let (tb, fb) = self.cond(&b.right, ta);
                (tb, fa | fb)
            }
            Expr::Binary(b) if matches!(b.op, syn::BinOp::Or(_)) => {
                let (ta, fa) = self.cond(&b.left, states);
                let (tb, fb) = self.cond(&b.right, fa);
                (ta | tb, fb)
            }
            Expr::Let(l) => {
                let after = self.checked(&l.expr, states);
                self.split(&l.expr, &l.pat, after)
            }
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Bool(b),
                ..
            }) => {
                if b.value {
                    (states, 0)
                } else {
                    (0, states)
                }
            }
            Expr::MethodCall(m) if m.args.is_empty() && self.is_result(&m.receiver) => {
                let after = self.checked(&m.receiver, states);
                match m.method.to_string().as_str() {
                    "is_ok" | "is_some" => {
                        self.inspected = true;
                        (keep(after, ONLY_GOT), keep(after, ONLY_FAILED))
                    }
                    "is_err" | "is_none" => {
                        self.inspected = true;
                        (keep(after, ONLY_FAILED), keep(after, ONLY_GOT))
                    }
                    _ => (after, after),
                }
            }
            other => {
                let after = self.checked(other, states);
                (after, after)
            }
        }
    }

    /// What other work does to path states; a call made to decide a
    /// condition (`if !self.is_alive()`, `match queue.pop()`) is a check,
    /// not work.
    fn work(&self, states: u8) -> u8 {
        if self.checking {
            states
        } else {
            worked(states)
        }
    }

    /// Evaluates an expression whose value decides a branch.
    fn checked(&mut self, e: &Expr, states: u8) -> u8 {
        let outer = std::mem::replace(&mut self.checking, true);
        let after = self.expr(e, states);
        self.checking = outer;
        after
    }

    /// A future that is built but not awaited here (the receiver of
    /// `now_or_never()`): its own call does not wait.
    fn future(&mut self, e: &Expr, states: u8) -> u8 {
        match strip(e) {
            Expr::MethodCall(m) if !self.is_target(strip(e)) => {
                let after = self.expr(&m.receiver, states);
                self.exprs(&m.args, after)
            }
            Expr::Call(c) => {
                let after = self.expr(&c.func, states);
                self.exprs(&c.args, after)
            }
            other => self.expr(other, states),
        }
    }

    fn expr(&mut self, e: &Expr, states: u8) -> u8 {
        if states == 0 || self.budget == 0 {
            return 0;
        }
        self.budget -= 1;
        match e {
            Expr::Await(a) => {
                let base = strip(&a.base);
                match base {
                    // `tx.try_send(x).await` of some crates: still a poll.
                    _ if self.is_result(base) => self.expr(base, states),
                    Expr::MethodCall(m)
                        if POLL_METHODS.contains(&m.method.to_string().as_str()) =>
                    {
                        self.expr(base, states)
                    }
                    // The lock the poll found busy: waiting for it is a wait.
                    Expr::MethodCall(m) if self.is_counterpart(m) => {
                        waited(self.future(base, states))
                    }
                    // An async lock is taken at once when it is free.
                    Expr::MethodCall(m)
                        if m.args.is_empty()
                            && ASYNC_LOCK_METHODS.contains(&m.method.to_string().as_str()) =>
                    {
                        let after = self.expr(&m.receiver, states);
                        self.work(after)
                    }
                    _ => waited(self.future(base, states)),
                }
            }
            Expr::MethodCall(m) => {
                let method = m.method.to_string();
                let mut after = if method == "now_or_never" {
                    self.future(&m.receiver, states)
                } else {
                    self.expr(&m.receiver, states)
                };
                after = self.exprs(&m.args, after);
                if self.is_target(e) {
                    return self.poll(after);
                }
                if matches!(method.as_str(), "unwrap" | "expect") && self.is_result(&m.receiver) {
                    // The path on which the poll found nothing panics.
                    self.inspected = true;
                    return keep(after, ONLY_GOT);
                }
                if matches!(method.as_str(), "unwrap" | "expect")
                    && matches!(strip(&m.receiver), Expr::Call(c)
                        if matches!(&*c.func, Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Err")))
                {
                    // `Err(e).unwrap()` panics.
                    return 0;
                }
                if self.is_counterpart(m) {
                    return waited(after);
                }
                if POLL_METHODS.contains(&method.as_str()) {
                    // Another poll is not work: it is what spins.
                    return after;
                }
                // crossbeam's `Backoff::snooze()`: spins, then yields the
                // thread; like a spin hint, on purpose outside async code.
                if method == "snooze" && m.args.is_empty() {
                    return if self.in_async { after } else { waited(after) };
                }
                if WAIT_METHODS.contains(&method.as_str())
                    // A readiness check of hand-written poll code: it
                    // registers a wake-up and the code returns `Pending`.
                    || (method.starts_with("poll_") && !m.args.is_empty())
                {
                    waited(after)
                } else if TRIVIAL_METHODS.contains(&method.as_str())
                    || RESULT_ADAPTERS.contains(&method.as_str())
                {
                    after
                } else {
                    self.work(after)
                }
            }
            Expr::Call(c) => {
                let callee = self.expr(&c.func, states);
                let after = self.exprs(&c.args, callee);
                if self.ctx.callee_is(&c.func, DIVERGING_FNS) {
                    return 0;
                }
                let last = match &*c.func {
                    Expr::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
                    _ => None,
                };
                match last.as_deref() {
                    Some(name) if WAIT_FNS.contains(&name) => waited(after),
                    // Spinning on purpose: a spin lock in a thread. In async
                    // code it starves the other tasks all the same.
                    Some(name) if SPIN_HINTS.contains(&name) => {
                        if self.in_async {
                            after
                        } else {
                            waited(after)
                        }
                    }
                    Some(name) if TRIVIAL_FNS.contains(&name) => after,
                    // Enum variants and tuple structs build a value.
                    Some(name) if name.starts_with(char::is_uppercase) => after,
                    _ => self.work(after),
                }
            }
            Expr::Try(t) => {
                let after = self.expr(&t.expr, states);
                if self.is_result(&t.expr) {
                    // The path on which the poll found nothing returns.
                    self.inspected = true;
                    keep(after, ONLY_GOT)
                } else {
                    after
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
                let (into_then, into_else) = self.cond(&i.cond, states);
                let then = self.block(&i.then_branch.stmts, into_then);
                let otherwise = match &i.else_branch {
                    Some((_, e)) => self.expr(e, into_else),
                    None => into_else,
                };
                then | otherwise
            }
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                let (t, f) = self.cond(e, states);
                t | f
            }
            Expr::Assign(a) if self.ends_loop(a) => {
                self.expr(&a.right, states);
                // The path stops at the loop's head (`running = false;`).
                0
            }
            Expr::Let(l) => self.expr(&l.expr, states),
            Expr::Match(m) => {
                let after = self.checked(&m.expr, states);
                let mut rest = after;
                let mut out = 0;
                for arm in &m.arms {
                    let (into_arm, unmatched) = self.split(&m.expr, &arm.pat, rest);
                    let (pass, fail) = match &arm.guard {
                        Some((_, g)) => self.cond(g, into_arm),
                        None => (into_arm, 0),
                    };
                    out |= self.expr(&arm.body, pass);
                    rest = unmatched | fail;
                }
                out
            }
            Expr::Loop(l) => self.nested_loop(
                l.label.as_ref(),
                false,
                states,
                |_, s| (s, 0),
                |p, s| p.block(&l.body.stmts, s),
            ),
            Expr::While(w) => self.nested_loop(
                w.label.as_ref(),
                iterates(&w.cond),
                states,
                |p, s| p.cond(&w.cond, s),
                |p, s| p.block(&w.body.stmts, s),
            ),
            Expr::ForLoop(f) => {
                let after = self.expr(&f.expr, states);
                self.nested_loop(
                    f.label.as_ref(),
                    true,
                    after,
                    |_, s| (s, s),
                    |p, s| p.block(&f.body.stmts, s),
                )
            }
            Expr::Break(b) => {
                let after = match &b.expr {
                    Some(v) => self.expr(v, states),
                    None => states,
                };
                if let Some(i) = self.target_frame(b.label.as_ref()) {
                    self.frames[i].breaks |= after;
                }
                0
            }
            Expr::Continue(c) => {
                if let Some(i) = self.target_frame(c.label.as_ref()) {
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
        if states == 0 {
            return 0;
        }
        let name = macro_name(mac);
        if DIVERGING_MACROS.contains(&name.as_str()) {
            return 0;
        }
        if LOG_MACROS.contains(&name.as_str()) {
            return match self.ctx.macro_body(mac) {
                MacroBody::Exprs(exprs) => self.exprs(exprs, states),
                _ => states,
            };
        }
        match self.ctx.macro_body(mac) {
            MacroBody::Select(select) => {
                let polls = select_has_default(mac);
                let (into_branch, into_else) =
                    if std::ptr::eq(mac, self.target as *const syn::Macro) {
                        // A branch runs when its future was ready: that is
                        // progress. Only the default path found nothing.
                        let after = self.poll(states);
                        (keep(after, ONLY_GOT), keep(after, ONLY_FAILED))
                    } else if polls {
                        // Another poll: not work, and not a wait.
                        (states, states)
                    } else {
                        // The select! itself awaits its branches.
                        let after = waited(states);
                        (after, after)
                    };
                let mut out = 0;
                for branch in &select.branches {
                    out |= self.expr(&branch.handler, into_branch);
                }
                for e in &select.else_branches {
                    out |= self.expr(e, into_else);
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
                    waited(states)
                } else {
                    self.work(states)
                }
            }
        }
    }
}

/// Macros that only log or format.
const LOG_MACROS: &[&str] = &[
    "trace",
    "debug",
    "info",
    "warn",
    "error",
    "log",
    "event",
    "println",
    "eprintln",
    "print",
    "eprint",
    "format",
    "write",
    "writeln",
    "assert",
    "debug_assert",
];

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
        Expr::Group(g) => strip(&g.expr),
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

/// Which outcomes of a poll (a set of [`GOT`] and [`FAILED`]) reach the
/// code that runs when its result matches a pattern, and when it does not.
struct Outcomes {
    matched: u8,
    unmatched: u8,
}

/// The last path segment of an enum-variant pattern (`TryRecvError::Lagged(_)`).
fn variant_name(pat: &syn::Pat) -> Option<String> {
    let path = match pat {
        syn::Pat::TupleStruct(t) => &t.path,
        syn::Pat::Path(p) => &p.path,
        syn::Pat::Struct(s) => &s.path,
        syn::Pat::Ident(i) => return Some(i.ident.to_string()),
        _ => return None,
    };
    path.segments.last().map(|s| s.ident.to_string())
}

/// Whether a pattern matches every value of its type.
fn irrefutable(pat: &syn::Pat) -> bool {
    match pat {
        syn::Pat::Wild(_) | syn::Pat::Rest(_) => true,
        syn::Pat::Ident(i) => {
            i.subpat.is_none() && !i.ident.to_string().starts_with(char::is_uppercase)
        }
        syn::Pat::Reference(r) => irrefutable(&r.pat),
        syn::Pat::Paren(p) => irrefutable(&p.pat),
        syn::Pat::Type(t) => irrefutable(&t.pat),
        syn::Pat::Tuple(t) => t.elems.iter().all(irrefutable),
        _ => false,
    }
}

fn pattern_outcomes(pat: &syn::Pat) -> Outcomes {
    let variant = |found: u8, elems: bool| {
        let other = EITHER & !found;
        Outcomes {
            matched: found,
            // `Ok(x)` leaves only failures; `Ok(Msg::Stop)` leaves both.
            unmatched: if elems { other } else { EITHER },
        }
    };
    match pat {
        syn::Pat::Paren(p) => pattern_outcomes(&p.pat),
        syn::Pat::TupleStruct(t) => {
            let last = t.path.segments.last().map(|s| s.ident.to_string());
            let all = t.elems.iter().all(irrefutable);
            match last.as_deref() {
                Some("Ok" | "Some") => variant(ONLY_GOT, all),
                // A broadcast receiver that lagged gets the oldest kept
                // message on its next poll: that is not an empty source.
                Some("Err")
                    if t.elems.len() == 1
                        && variant_name(&t.elems[0]).as_deref() == Some("Lagged") =>
                {
                    Outcomes {
                        matched: ONLY_GOT,
                        unmatched: EITHER,
                    }
                }
                Some("Err") => variant(ONLY_FAILED, all),
                _ => Outcomes {
                    matched: EITHER,
                    unmatched: EITHER,
                },
            }
        }
        syn::Pat::Ident(i) if i.ident == "None" && i.subpat.is_none() => variant(ONLY_FAILED, true),
        syn::Pat::Path(p) if p.path.is_ident("None") => variant(ONLY_FAILED, true),
        syn::Pat::Or(o) => {
            // A value matches when one case does, and is left when none does.
            let mut out = Outcomes {
                matched: 0,
                unmatched: EITHER,
            };
            for case in &o.cases {
                let c = pattern_outcomes(case);
                out.matched |= c.matched;
                out.unmatched &= c.unmatched;
            }
            out
        }
        p if irrefutable(p) => Outcomes {
            matched: EITHER,
            unmatched: 0,
        },
        _ => Outcomes {
            matched: EITHER,
            unmatched: EITHER,
        },
    }
}

/// The variable a method call's receiver starts from (`self.rx.try_recv()`
/// → `self`, `slots[i].try_lock()` → `slots`).
fn receiver_root(e: &Expr) -> Option<&syn::Ident> {
    match strip(e) {
        Expr::MethodCall(m) => receiver_root(&m.receiver),
        Expr::Field(f) => receiver_root(&f.base),
        Expr::Index(i) => receiver_root(&i.expr),
        Expr::Reference(r) => receiver_root(&r.expr),
        Expr::Unary(u) => receiver_root(&u.expr),
        Expr::Await(a) => receiver_root(&a.base),
        Expr::Try(t) => receiver_root(&t.expr),
        Expr::Path(p) if p.qself.is_none() => p.path.get_ident(),
        _ => None,
    }
}

/// The polls written in a loop (its condition, then its body), outside
/// closures and async blocks, in source order: the address that identifies
/// each (its call expression, or its `select!` macro) and its span. A poll
/// of a value the loop's own `while let` binds polls a new source each turn
/// and is left out.
fn polls_in(
    ctx: &FileContext<'_>,
    cond: Option<&Expr>,
    body: &syn::Block,
    own: Option<&syn::Pat>,
) -> Vec<(usize, proc_macro2::Span)> {
    struct Finder<'c, 'a, 'p> {
        ctx: &'c FileContext<'a>,
        own: Option<&'p syn::Pat>,
        stepped: Vec<String>,
        found: Vec<(usize, proc_macro2::Span)>,
    }
    impl<'ast> Visit<'ast> for Finder<'_, '_, '_> {
        fn visit_expr(&mut self, e: &'ast Expr) {
            if let Expr::MethodCall(m) = e {
                if POLL_METHODS.contains(&m.method.to_string().as_str()) {
                    let own = match (self.own, receiver_root(&m.receiver)) {
                        (Some(pat), Some(root)) => {
                            crate::context::bindings::pat_binds(pat, &root.to_string())
                        }
                        _ => false,
                    };
                    // `self.try_send(..)` is a method of the type being
                    // written, not a channel's or a lock's.
                    let of_self =
                        matches!(strip(&m.receiver), Expr::Path(p) if p.path.is_ident("self"));
                    if !own && !of_self && !indexed_by(&m.receiver, &self.stepped) {
                        self.found
                            .push((e as *const Expr as usize, syn::spanned::Spanned::span(e)));
                    }
                }
            }
            syn::visit::visit_expr(self, e);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            let ctx = self.ctx;
            if matches!(ctx.macro_body(mac), MacroBody::Select(_)) && select_has_default(mac) {
                self.found.push((
                    mac as *const syn::Macro as usize,
                    syn::spanned::Spanned::span(mac),
                ));
            }
            ctx.visit_macro_body(mac, self);
        }
    }
    let mut stepped = Steps(Vec::new());
    if let Some(c) = cond {
        stepped.visit_expr(c);
    }
    stepped.visit_block(body);
    let mut finder = Finder {
        ctx,
        own,
        stepped: stepped.0,
        found: Vec::new(),
    };
    if let Some(c) = cond {
        finder.visit_expr(c);
    }
    finder.visit_block(body);
    finder.found
}

/// The names a loop assigns to (`i += 1`, `cur = next`), outside closures.
struct Steps(Vec<String>);

impl<'ast> Visit<'ast> for Steps {
    fn visit_expr(&mut self, e: &'ast Expr) {
        let target = match e {
            Expr::Assign(a) => Some(&*a.left),
            Expr::Binary(b)
                if matches!(b.op, syn::BinOp::AddAssign(_) | syn::BinOp::SubAssign(_)) =>
            {
                Some(&*b.left)
            }
            _ => None,
        };
        if let Some(Expr::Path(p)) = target.map(strip) {
            if let Some(i) = p.path.get_ident() {
                self.0.push(i.to_string());
            }
        }
        syn::visit::visit_expr(self, e);
    }
    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// Whether a receiver indexes with a name the loop steps
/// (`slots[i].try_lock()` with `i += 1`): each turn polls another element.
fn indexed_by(receiver: &Expr, stepped: &[String]) -> bool {
    match strip(receiver) {
        Expr::MethodCall(m) => {
            indexed_by(&m.receiver, stepped)
                || (matches!(m.method.to_string().as_str(), "get" | "get_mut")
                    && m.args.iter().any(|a| mentions(a, stepped)))
        }
        Expr::Field(f) => indexed_by(&f.base, stepped),
        Expr::Reference(r) => indexed_by(&r.expr, stepped),
        Expr::Unary(u) => indexed_by(&u.expr, stepped),
        Expr::Index(i) => mentions(&i.index, stepped) || indexed_by(&i.expr, stepped),
        _ => false,
    }
}

fn mentions(e: &Expr, names: &[String]) -> bool {
    struct Finder<'n>(&'n [String], bool);
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_path(&mut self, p: &'ast syn::Path) {
            if let Some(i) = p.get_ident() {
                if self.0.iter().any(|n| i == n) {
                    self.1 = true;
                }
            }
        }
    }
    let mut f = Finder(names, false);
    f.visit_expr(e);
    f.1
}

#[cfg(test)]
mod tests {}
