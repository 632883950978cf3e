use crate::context::paths::{self, POLL_METHODS, SELECT_MACROS};
use crate::Triggers;
use proc_macro2::TokenTree;
use syn::visit::Visit;
use syn::{Expr, Stmt};

use std::ops::ControlFlow;

use crate::context::ancestry::Node;
use crate::context::flow::{Analysis, Flow};
use crate::context::visit::Descend;
use crate::context::waits::{fn_waits, WAIT_FNS, WAIT_METHODS};
use crate::macros::{self, MacroBody};
use crate::{FileContext, Finding, LintOptions};

crate::declare_lint! {
    /// ### What it does
    /// Flags a loop (`loop`, `while cond`, `while let`) that polls without
    /// waiting — `try_recv()`, `try_lock()`, `try_read()`, `try_write()`,
    /// `try_send()`, `try_acquire()` (and their owned or several-permit
    /// forms: `try_acquire_owned()`, `try_acquire_many(n)`,
    /// `try_lock_owned()`, …), `now_or_never()`, or a `select!` with
    /// a `default` / `else` branch — when, after the poll found nothing
    /// (`Err(Empty)`, `Err(_)`, `None`, `false`, the default branch), a path
    /// goes round the loop and polls again without waiting on the way.
    /// Waiting means: an `.await` of something that waits for work, a sleep
    /// (`tokio::time::sleep`, `std::thread::sleep`), `yield_now()` (tokio or
    /// std), a blocking `recv()` / `recv_timeout()`, `park()` /
    /// `park_timeout()`, or a condvar `wait` (also written as a loop on its
    /// predicate, `while !*ready { ready = cv.wait(ready)?; }`, which waits
    /// as `wait_while` does: a `while` whose body waits on every turn is a
    /// wait, though it runs no turn when what it waits for has come). Taking an async lock
    /// (`.lock().await`, `.read().await`, `.write().await`) is not waiting:
    /// it returns at once when nobody holds the lock. Nor is an async sleep
    /// or yield that is not awaited (`let _ = tokio::time::sleep(d);` makes
    /// a future and drops it: the loop comes straight back).
    ///
    /// The loop need not be endless: a worker that spins on `Err(Empty)` and
    /// returns on `Err(Disconnected)` keeps a core busy until its senders are
    /// gone. Every path from an empty poll back to the poll must wait; a
    /// sleep on another path (after a message was handled, say) does not
    /// help. Conditions are read by what they mean: in `if a && !wait()`
    /// the wait runs only when `a` holds, exactly as in two nested `if`s.
    ///
    /// Left alone: drains that stop when nothing is left
    /// (`while let Ok(x) = rx.try_recv()`, a `break`, `return` or
    /// `bail!(…)` on `Err(Empty)`); a `for` (or a `while let Some(x) = it.next()`, or an
    /// index stepped by the loop) that tries each element once (a poll of
    /// the element, or of a value it picks: `locks[&id].try_lock()`), and
    /// likewise a clock sweep whose hand is an atomic counter or a name the
    /// loop reassigns (`let i = hand.fetch_add(1, Relaxed) % n;
    /// slots[i].try_write()`, also through `let slot = &slots[i];`); a
    /// `for` over a collection or a range with an end, which tries a known
    /// number of times (`for _ in 0..10 { m.try_lock() }`: a bounded retry,
    /// not a spin) — a `for` over `0..`, `repeat(…)` or `.cycle()` is a
    /// loop like `loop`; a poll whose
    /// success leaves the loop (a stop check such as
    /// `if stop.try_recv().is_ok() { break }`) when other work runs between
    /// two polls; a `try_send()` / `try_broadcast()` of a value made in the
    /// same turn (bound in the loop's body or by its `while let`): on a full
    /// channel the producer drops that value and makes a new one next turn
    /// (publish-or-skip), it does not come back for the same thing —
    /// retrying a value made before the loop, or a literal, is a poll; a
    /// `try_send()` whose path after finding the channel full takes an item
    /// off a channel (`rx.try_recv()`, `rx.recv()`) before trying again: a
    /// queue that drops its oldest entry makes the room it retries into
    /// (which channel is not checked, and such a loop's `try_recv` is no
    /// poll for work either); a
    /// spin with `std::hint::spin_loop()` outside async code (a
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
    /// understood, also through `.ok()`, `.map(…)`, `.and_then(…)` and
    /// `.filter(…)` (`m.try_lock().ok().and_then(|mut q| q.pop_front())`
    /// is `None` when the lock was busy or nothing was queued); so are a name bound to `.is_ok()` and its kin (`let got
    /// = rx.try_recv().is_ok(); if !got { sleep(d) }`), a name bound to a
    /// `match` on the result whose arms give `Some`/`None` (`let next =
    /// match q.try_lock() { Ok(mut q) => q.pop_front(), Err(_) => None };`),
    /// and a flag the loop resets each turn and sets when it got something
    /// (`let mut did_work = false;` … `did_work = true;` … `if !did_work {
    /// sleep(d) }`): where the flag says something was got, the turn made
    /// progress, whichever poll set it. So does a count the loop resets each
    /// turn and adds to only where a poll got something (`let mut got = 0;`
    /// … `Ok(m) => got += 1,` … `if got == 0 { pace().await }`), tested
    /// against zero; one also added to on an empty poll (`Err(Empty) =>
    /// open += 1`) says nothing of progress. A result used otherwise may be
    /// either.
    ///
    /// Other calls between two empty polls: a spin is still reported when
    /// the poll feeds the loop (a message it got is handled and the loop goes
    /// on), but not when the poll's success leaves the loop: then it is a
    /// stop check and the other call is taken to be the loop's work, so
    /// `loop { if stop.try_recv().is_ok() { break } drain_queue(); }` whose
    /// `drain_queue()` returns at once on an empty queue is missed. The
    /// same holds for a `select!`: `select! { i = inputs.next() =>
    /// ui.handle(i), default => ui.redraw() }` in a loop is reported, while
    /// `select! { _ = stop => break, default => work() }` is a stop check. A call
    /// whose value only decides an `if`, `match` or `while`
    /// (`if !self.is_alive()`, `if let Some(job) = queue.pop_front()`) is a
    /// check, not work; nor is another poll. A poll whose result is dropped
    /// unlooked-at (`let _ = tap.try_send(frame);`) is reported only when
    /// nothing else runs between two polls: a best-effort send in a loop that
    /// does other work is not a spin. A `while` loop that polls the value
    /// its condition asks to be non-empty (`while !rx.is_empty() { let _ =
    /// rx.try_recv(); }`, `while rx.len() > 0`) is a drain that ends with
    /// the last item, and is not reported, in a loop around it either.
    ///
    /// A loop that waits on only some of its empty paths is reported, also a
    /// hand-written backoff that spins a number of turns before it sleeps
    /// (`if idle > 1000 { sleep(d) }`): the turns before the sleep spin;
    /// suppress it with a reason where that is meant.
    ///
    /// A sync helper of the same file that sleeps, yields, parks or blocks
    /// on a receive (`Err(Empty) => backoff()`, `util::backoff()`,
    /// `self.pause()`, `pacer.pause()`) counts as a wait, through up to
    /// three calls, and so does a closure bound by a `let` in a block around
    /// the loop whose body does (`let pause = || thread::sleep(d);` then
    /// `Err(Empty) => pause()`). Helpers and closures are matched by name (a
    /// call that may be of one that waits is taken for a wait). A free fn of the crate in another
    /// file (`backoff::pause(n)` after `use crate::backoff;`, or of another
    /// package of the workspace: `common::retry::pause(n)`) is followed
    /// with the crate model, as `blocking_call_in_async` follows sync
    /// helpers: when it (or a fn it calls, up to `call_depth`) sleeps, parks,
    /// yields, blocks on a receive (`recv`, `recv_timeout`, …) or a condvar
    /// (`wait…`), or makes a blocking call, the loop waits. There a call is
    /// judged by names that always wait: a helper whose only wait-like call
    /// is a `join`, `read`, `select` or `poll` (a string's `join`) is not
    /// taken for a wait. So is a method of a type of
    /// the crate defined in another file, called on a variable or a field
    /// whose type the crate model knows (`self.pacer.pause()` with `pacer:
    /// Pacer`, `pacer.pause()` after `let pacer = Pacer::new()`); one on a
    /// value of unknown type (`waiter.idle()` on an `impl Waiter`) is not,
    /// so a loop whose only wait is such a call is reported. A helper that polls does not count as
    /// a poll. A method named
    /// like a poll on `self` (`self.try_send(..)`) is the type's own and is
    /// not taken for one.
    ///
    /// Any `.await` other than of an async lock counts as a wait (a bounded
    /// `send(x).await` with room returns at once too), and so does any call
    /// whose name is `sleep`, `yield_now`, `park`, `park_timeout` or
    /// `block_on` (also when imported under another name), a free fn `poll`
    /// given a timeout (crossterm's `event::poll(d)`), and any method call named `recv`, `recv_timeout`,
    /// `recv_deadline`, `blocking_recv`, `wait`, `wait_timeout`,
    /// `wait_while`, `wait_timeout_while`, `join`, `select`, `ready`, or a
    /// blocking I/O or blocking-primitive call (`read`, `read_exact`,
    /// `read_line`, `read_to_end`, `read_to_string`, `recv_from`, `accept`,
    /// `poll`, `blocking_send`, `blocking_lock`): without types, a loop that
    /// blocks on a socket between polls cannot be told from one that spins,
    /// and leaklint prefers silence (a std `RwLock::read` is taken for a
    /// wait). In async code, such a call whose future is wrapped for later
    /// (`let recv = sock.recv_from(&mut buf).fuse();`, `.boxed()`,
    /// `Box::pin(…)`, then polled by a `select!` with a `default`), or
    /// bound by a `let` of the loop's body that the `select!` races by
    /// name (`let next = rx.recv();`, then `Some(v) = next =>`), waits for
    /// nothing where it is built. A macro leaklint cannot parse is taken to wait when its tokens
    /// mention `await` or one of those names.
    ///
    /// A `select!` with an `else` branch counts as a poll: tokio runs `else`
    /// at once when every branch is disabled, so the loop spins once its
    /// sources are closed. When no branch can be disabled (every pattern is
    /// `_` or a name, as in `task = rx.recv() =>`, and none has an `if`
    /// precondition), the `else` never runs and the `select!` waits. Code in closures and async blocks that are not
    /// awaited in the loop is not part of the loop's paths. Awaiting another
    /// async lock than the one polled is no wait, but it is work: a loop
    /// whose poll leaves it on success (`if let Ok(g) = cache.try_lock() {
    /// …; break }`) and whose empty path only takes another lock
    /// (`*stats.lock().await += 1`) is read as a worker that checks a stop
    /// signal between jobs, and is not reported. Awaiting the very lock
    /// whose `try_lock()` just failed (`Err(_) => { let _g =
    /// state.lock().await; }`) is a wait: the lock was found held, so the
    /// await parks until its holder lets go, and that path does not spin.
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

/// A poll or a `select!`, in a `loop` / `while` / `for`.
fn triggers() -> Triggers {
    let mut words: Vec<String> = POLL_METHODS.iter().map(|m| m.to_string()).collect();
    words.extend(paths::macro_calls(SELECT_MACROS));
    Triggers::new(words).requiring(["loop", "while", "for"])
}

const HELP: &str = "wait for the value instead of polling for it (`rx.recv().await`, `lock().await`), or sleep / yield on the path that found nothing";

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
/// looking at a result, counting in a metric (`metrics`'
/// `counter!(…).increment(1)`, prometheus' `inc()`). A loop that does only
/// these between two polls that found nothing is spinning.
const TRIVIAL_METHODS: &[&str] = &[
    "load",
    "store",
    "fetch_add",
    "fetch_sub",
    "increment",
    "decrement",
    "inc",
    "inc_by",
    "dec",
    "dec_by",
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

/// Outcome-preserving adapters of a poll's result (`rx.try_recv().ok()`):
/// on the empty path (`Err`, `None`) they run nothing and stay empty.
/// `and_then` / `filter` may also empty a success (`m.try_lock().ok()
/// .and_then(|mut q| q.pop_front())`: locked, but nothing queued), which
/// comes round as an empty poll does.
const RESULT_ADAPTERS: &[&str] = &[
    "ok",
    "and_then",
    "filter",
    "flatten",
    "map",
    "map_err",
    "context",
    "with_context",
    "wrap_err",
];

/// Calls that never return.
const DIVERGING_FNS: &[&str] = &["std::process::exit", "std::process::abort"];

/// Macros that never come back: they panic, or (`bail!` of anyhow and eyre)
/// return from the fn.
const DIVERGING_MACROS: &[&str] = &["panic", "unreachable", "todo", "unimplemented", "bail"];

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

fn check(ctx: &FileContext<'_>, options: &LintOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    ctx.walk_exprs(|expr, ancestors| {
        let (label, cond, body, keyword) = match expr {
            Expr::Loop(l) => (l.label.as_ref(), None, &l.body, l.loop_token.span),
            Expr::While(w) => (w.label.as_ref(), Some(&*w.cond), &w.body, w.while_token.span),
            // A `for` that never runs out of items is a loop like `loop`
            // (`for _ in 0.. { rx.try_recv() }`). Over a collection or a
            // bounded range it tries a known number of times and ends.
            Expr::ForLoop(f) if crate::context::loops::iterates_forever(f) => {
                (f.label.as_ref(), None, &f.body, f.for_token.span)
            }
            _ => return,
        };
        // A `while let`'s binding is new each turn (`own`); an endless
        // `for`'s element is not: `0..` indexes the same slots again
        // (`slots[i % n]`), `.cycle()` repeats.
        let mut own = None;
        if let Some(Expr::Let(l)) = cond.map(strip) {
            if consumes_per_turn(&l.pat, &l.expr) {
                return;
            }
            own = Some(&*l.pat);
        }
        let in_async = in_async(ancestors);
        let mut polls = polls_in(ctx, cond, body, own);
        // Sends first: a loop whose send, finding the channel full, takes
        // an item off it to make room is a drop-oldest queue, whose `try_recv`
        // is no poll for work either.
        polls.sort_by_key(|(target, _)| !is_send(target));
        for (target, span) in polls {
            let target_call = match target {
                Poll::Call(Expr::MethodCall(m)) => Some(m),
                _ => None,
            };
            if drains_until_empty(cond, target_call) {
                continue;
            }
            let follow = |crate_calls_wait: bool| {
                let analysis = PollPaths {
                    target,
                    in_async,
                    result_names: Vec::new(),
                    derived: Vec::new(),
                    progress_flags: progress_flags(cond, body),
                    progress_counters: progress_counters(body),
                    arrived: 0,
                    inspected: false,
                    exit_flag: exit_flag(cond),
                    counterpart: counterpart(target_call),
                    sends: is_send(&target),
                    made_room: false,
                    crate_calls: Vec::new(),
                    crate_calls_wait,
                    waiting_closures: waiting_closures(ctx, ancestors),
                    raced_futures: match (in_async, target) {
                        (true, Poll::Select(mac)) => raced_futures(ctx, mac, body),
                        _ => Vec::new(),
                    },
                };
                let mut flow = Flow::new(ctx, analysis, BUDGET);
                flow.run_loop(label, cond, body, REACHED);
                (!flow.exhausted()).then_some(flow.analysis)
            };
            // Too deep to follow: stay silent.
            let Some(paths) = follow(false) else {
                continue;
            };
            let drops_oldest = paths.made_room;
            let mut spins = paths.spins();
            // Where the spin goes through a fn of the crate in another file,
            // the crate pass decides whether that fn waits.
            let mut waits_in = Vec::new();
            if spins && !paths.crate_calls.is_empty() {
                match follow(true) {
                    Some(optimistic) if !optimistic.spins() => {
                        waits_in = paths.crate_calls.iter().map(|s| ctx.span(*s)).collect();
                    }
                    Some(_) => {}
                    None => spins = false,
                }
            }
            if spins {
                // A spin inside nested loops is reported once, at the
                // innermost loop it goes round (the walk meets outer loops
                // first).
                let span = ctx.span(span);
                findings.retain(|f: &Finding| f.span != span);
                let finding = Finding::new(
                    BUSY_POLL_LOOP.name,
                    span,
                    "this loop only polls without waiting and spins a core",
                )
                .note(
                    ctx.span(keyword),
                    "a path on which the poll found nothing comes back round this loop without waiting",
                )
                .help(HELP);
                findings.push(match waits_in.is_empty() {
                    true => finding,
                    false => finding.waits_for_crate(options.call_depth, |f| {
                        f.poll_waits_in = waits_in;
                    }),
                });
                break;
            }
            if drops_oldest {
                break;
            }
        }
    });
    findings
}

impl PollPaths<'_> {
    /// Whether what reached the poll spins: a failure comes back to the
    /// poll with nothing in between, or the poll feeds the loop (a success
    /// comes back too) and a failure comes back without waiting.
    fn spins(&self) -> bool {
        let arrived = self.arrived;
        arrived & FAILED_ROUND != 0
            || (self.inspected && arrived & FAILED_WORKED_ROUND != 0 && arrived & GOT_ROUND != 0)
    }
}

/// Whether `m` may call a method of a type of the crate that this file does
/// not define: its receiver is a variable or a variable's field
/// (`self.pacer.pause()`, `pacer.pause()`), whose type the crate pass may
/// know, and no fn of this file has the name.
fn method_of_other_file(ctx: &FileContext<'_>, m: &syn::ExprMethodCall) -> bool {
    crate::context::follow::receiver_type_may_be_known(&m.receiver)
        && ctx
            .local_fns(&crate::context::imports::unraw(&m.method))
            .is_empty()
}

/// Whether a poll sends (`try_send`, `try_broadcast`).
fn is_send(target: &Poll<'_>) -> bool {
    matches!(target, Poll::Call(Expr::MethodCall(m))
        if matches!(m.method.to_string().as_str(), "try_send" | "try_broadcast"))
}

/// The outcomes of the followed poll on which `init` may be `Some`/`Ok`/
/// `true` and those on which it may be `None`/`Err`/`false`, when `init`
/// is derived from the poll's result: `.is_ok()` and its kin, or a `match`
/// on the result whose arms each give a value.
fn derived_outcomes(paths: &PollPaths<'_>, init: &Expr) -> Option<(u8, u8)> {
    match strip(init) {
        Expr::MethodCall(m) if m.args.is_empty() && paths.is_result(&m.receiver) => {
            match m.method.to_string().as_str() {
                "is_ok" | "is_some" => Some((ONLY_GOT, ONLY_FAILED)),
                "is_err" | "is_none" => Some((ONLY_FAILED, ONLY_GOT)),
                _ => None,
            }
        }
        Expr::Match(m) if paths.is_result(&m.expr) => {
            let (mut some, mut none) = (0, 0);
            for arm in &m.arms {
                let outcomes = pattern_outcomes(&arm.pat).matched;
                match value_class(&arm.body) {
                    ValueClass::Some => some |= outcomes,
                    ValueClass::None => none |= outcomes,
                    ValueClass::Diverges => {}
                    ValueClass::Unknown => {
                        some |= outcomes;
                        none |= outcomes;
                    }
                }
            }
            Some((some, none))
        }
        _ => None,
    }
}

/// What an arm's value is, read from its syntax.
enum ValueClass {
    Some,
    None,
    Diverges,
    Unknown,
}

fn value_class(e: &Expr) -> ValueClass {
    match strip(e) {
        Expr::Block(b) if b.label.is_none() => match b.block.stmts.last() {
            Some(Stmt::Expr(tail, None)) => value_class(tail),
            _ => ValueClass::Unknown,
        },
        Expr::Call(c) => match &*c.func {
            Expr::Path(p)
                if p.path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "Some" || s.ident == "Ok") =>
            {
                ValueClass::Some
            }
            Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Err") => {
                ValueClass::None
            }
            _ => ValueClass::Unknown,
        },
        Expr::Path(p) if p.path.is_ident("None") => ValueClass::None,
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Bool(b),
            ..
        }) => match b.value {
            true => ValueClass::Some,
            false => ValueClass::None,
        },
        Expr::Continue(_) | Expr::Break(_) | Expr::Return(_) => ValueClass::Diverges,
        _ => ValueClass::Unknown,
    }
}

/// The loop's progress flags, each with the value that says the turn got
/// something: local names reset on each turn (`let mut did_work = false;`
/// in its body, or a first `did_work = false;` in it) and set to the other
/// value later in it (`did_work = true;`; also `let mut idle = true;` …
/// `idle = false;`). A flag set once and never reset says nothing of the
/// current turn.
fn progress_flags(cond: Option<&Expr>, body: &syn::Block) -> Vec<(String, bool)> {
    #[derive(Default)]
    struct Flags {
        /// Each name's reset value: its `let` in the loop, else its first assignment.
        reset: Vec<(String, bool)>,
        /// Assignments of a bool literal, in source order.
        assigned: Vec<(String, bool)>,
    }
    impl<'ast> Visit<'ast> for Flags {
        fn visit_local(&mut self, local: &'ast syn::Local) {
            if let (syn::Pat::Ident(i), Some(init)) = (&local.pat, &local.init) {
                if let Some(value) = bool_literal(&init.expr) {
                    self.reset.push((i.ident.to_string(), value));
                }
            }
            syn::visit::visit_local(self, local);
        }
        fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
            if let Expr::Path(p) = strip(&a.left) {
                if let (Some(i), Some(value)) = (p.path.get_ident(), bool_literal(&a.right)) {
                    self.assigned.push((i.to_string(), value));
                }
            }
            syn::visit::visit_expr_assign(self, a);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    fn bool_literal(e: &Expr) -> Option<bool> {
        match strip(e) {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Bool(b),
                ..
            }) => Some(b.value),
            _ => None,
        }
    }
    let mut flags = Flags::default();
    if let Some(c) = cond {
        flags.visit_expr(c);
    }
    flags.visit_block(body);
    let mut out: Vec<(String, bool)> = Vec::new();
    for (name, _) in &flags.assigned {
        if out.iter().any(|(n, _)| n == name) {
            continue;
        }
        let reset = flags
            .reset
            .iter()
            .chain(&flags.assigned)
            .find(|(n, _)| n == name)
            .map(|(_, v)| *v);
        let Some(reset) = reset else { continue };
        if flags.assigned.iter().any(|(n, v)| n == name && *v != reset) {
            out.push((name.clone(), !reset));
        }
    }
    out
}

/// The loop's progress counters: local names set to `0` on each turn (`let
/// mut got = 0;` in its body) and added to only in the arms of a `match`
/// that got something (`Ok(_) => got += 1,`): a count of what the turn got,
/// tested against zero (`if got == 0 { pause().await }`). A count added to
/// anywhere else (`Err(Empty) => open += 1`) says nothing of progress.
fn progress_counters(body: &syn::Block) -> Vec<String> {
    #[derive(Default)]
    struct Counters {
        zeroed: Vec<String>,
        /// Added to in an arm that got something.
        on_success: Vec<String>,
        /// Added to anywhere else.
        elsewhere: Vec<String>,
        /// Whether the innermost `match` arm around is one that got something.
        in_success_arm: bool,
    }
    impl<'ast> Visit<'ast> for Counters {
        fn visit_local(&mut self, local: &'ast syn::Local) {
            if let (syn::Pat::Ident(i), Some(init)) = (&local.pat, &local.init) {
                if int_literal(&init.expr) == Some(0) {
                    self.zeroed.push(i.ident.to_string());
                }
            }
            syn::visit::visit_local(self, local);
        }
        fn visit_arm(&mut self, arm: &'ast syn::Arm) {
            let outer = self.in_success_arm;
            self.in_success_arm = pattern_outcomes(&arm.pat).matched == ONLY_GOT;
            syn::visit::visit_arm(self, arm);
            self.in_success_arm = outer;
        }
        fn visit_expr_binary(&mut self, b: &'ast syn::ExprBinary) {
            if let (syn::BinOp::AddAssign(_), Some(name)) = (&b.op, flag_name(&b.left)) {
                match self.in_success_arm {
                    true => self.on_success.push(name),
                    false => self.elsewhere.push(name),
                }
            }
            syn::visit::visit_expr_binary(self, b);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut counters = Counters::default();
    counters.visit_block(body);
    (counters.zeroed.into_iter())
        .filter(|name| counters.on_success.contains(name) && !counters.elsewhere.contains(name))
        .collect()
}

/// The value of an integer literal.
fn int_literal(e: &Expr) -> Option<u128> {
    match strip(e) {
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) => i.base10_parse().ok(),
        _ => None,
    }
}

/// Whether a loop's turn got something is what `e` tests, when it compares
/// one of `counters` with zero (`got == 0`: false; `got > 0`, `got != 0`,
/// `got >= 1`: true; either way round).
fn counter_test(counters: &[String], e: &Expr) -> Option<bool> {
    let Expr::Binary(b) = strip(e) else {
        return None;
    };
    let is_counter = |e: &Expr| flag_name(e).is_some_and(|n| counters.contains(&n));
    // The comparison as `counter <op> literal`: `<`, `==`, `>` and their
    // negations as the signs of `counter - literal` they accept.
    let (less, equal, greater) = match &b.op {
        syn::BinOp::Eq(_) => (false, true, false),
        syn::BinOp::Ne(_) => (true, false, true),
        syn::BinOp::Lt(_) => (true, false, false),
        syn::BinOp::Le(_) => (true, true, false),
        syn::BinOp::Gt(_) => (false, false, true),
        syn::BinOp::Ge(_) => (false, true, true),
        _ => return None,
    };
    let (accepts, literal) = match (is_counter(&b.left), is_counter(&b.right)) {
        (true, false) => ((less, equal, greater), int_literal(&b.right)?),
        (false, true) => ((greater, equal, less), int_literal(&b.left)?),
        _ => return None,
    };
    // Whether it accepts a count of `0`, and counts of more (all alike):
    // a test of zero.
    let (zero, more) = match literal {
        0 => (accepts.1, accepts.2),
        1 if accepts.1 == accepts.2 => (accepts.0, accepts.1),
        _ => return None,
    };
    match (zero, more) {
        (true, false) => Some(false),
        (false, true) => Some(true),
        _ => None,
    }
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
        "try_acquire_owned" => "acquire_owned",
        "try_acquire_many" => "acquire_many",
        "try_acquire_many_owned" => "acquire_many_owned",
        "try_lock_owned" => "lock_owned",
        "try_read_owned" => "read_owned",
        "try_write_owned" => "write_owned",
        _ => return None,
    };
    Some((blocking, tokens(&call.receiver)))
}

/// Whether a `while` loop drains what it polls until it is empty: its
/// condition asks that same value `!rx.is_empty()` (or `rx.len() > 0`,
/// `rx.len() != 0`), so the turn after the last item leaves the loop.
fn drains_until_empty(cond: Option<&Expr>, call: Option<&syn::ExprMethodCall>) -> bool {
    let (Some(cond), Some(call)) = (cond, call) else {
        return false;
    };
    nonempty_check(cond).is_some_and(|asked| asked == tokens(&call.receiver))
}

/// The value a `while` condition asks to be non-empty: `rx` in
/// `!rx.is_empty()`, `rx.len() > 0`, `rx.len() != 0`.
fn nonempty_check(cond: &Expr) -> Option<String> {
    let asked = |e: &Expr, method: &str| match strip(e) {
        Expr::MethodCall(m) if m.method == method && m.args.is_empty() => Some(tokens(&m.receiver)),
        _ => None,
    };
    let zero = |e: &Expr| matches!(strip(e), Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) if i.base10_digits() == "0");
    match strip(cond) {
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => asked(&u.expr, "is_empty"),
        Expr::Binary(b)
            if matches!(b.op, syn::BinOp::Gt(_) | syn::BinOp::Ne(_)) && zero(&b.right) =>
        {
            asked(&b.left, "len")
        }
        _ => None,
    }
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

/// A poll the analysis follows: a poll method call, or a `select!` with a
/// `default` / `else` branch.
#[derive(Clone, Copy)]
enum Poll<'e> {
    Call(&'e Expr),
    Select(&'e syn::Macro),
}

/// What `busy_poll_loop` follows through a loop ([`Flow`]), for one poll:
/// where it found nothing or got something, and whether that path comes
/// back to the poll without waiting.
struct PollPaths<'e> {
    target: Poll<'e>,
    in_async: bool,
    /// Names bound to the followed poll's result (`let r = rx.try_recv();`).
    result_names: Vec<String>,
    /// Names bound to a value derived from the poll's result, with the
    /// outcomes that may make it `Some`/`Ok`/`true` and those that may make
    /// it `None`/`Err`/`false` (`let got = rx.try_recv().is_ok();`, `let
    /// next = match rx.try_recv() { Ok(m) => Some(m), Err(_) => None };`).
    derived: Vec<Derived>,
    /// Local flags the loop sets to `true` when it got something and
    /// resets each turn (`let mut did_work = false;` … `did_work = true;`):
    /// a turn on which one is true made progress.
    progress_flags: Vec<(String, bool)>,
    /// Its counters of what a turn got, reset each turn (`let mut got = 0;`
    /// … `got += 1;` … `if got == 0 { pause().await }`): as progress flags.
    progress_counters: Vec<String>,
    /// The path states that reach the followed poll.
    arrived: u8,
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
    /// Whether the followed poll sends (`try_send`, `try_broadcast`): then
    /// taking an item off a channel on its path makes the room it found
    /// missing (a drop-oldest queue), which is no spin.
    sends: bool,
    /// Whether such a call was met on the poll's path.
    made_room: bool,
    /// Calls of fns of the crate in other files (`backoff::pause(n)`,
    /// `self.pacer.pause()`), which may wait: the crate pass says (see [`crate::Follow::poll_waits_in`]).
    crate_calls: Vec<proc_macro2::Span>,
    /// Whether those calls count as waits (the second reading).
    crate_calls_wait: bool,
    /// The closures bound in a block around the loop whose body waits
    /// (`let pause = || thread::sleep(d);`): calling one is a wait.
    waiting_closures: Vec<String>,
    /// In async code, the initialisers of the loop body's `let`s whose
    /// names the followed `select!` races (`let next = rx.recv();` then
    /// `Some(v) = next =>`): futures built for it, which wait for nothing
    /// where they are built.
    raced_futures: Vec<*const Expr>,
}

type Paths<'c, 'a, 'e> = Flow<'c, 'a, PollPaths<'e>>;

/// A name bound to a value derived from the followed poll's result.
struct Derived {
    name: String,
    /// The outcomes on which it may be `Some`/`Ok`/`true`.
    some: u8,
    /// The outcomes on which it may be `None`/`Err`/`false`.
    none: u8,
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

impl PollPaths<'_> {
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

    /// Whether a method call takes an item off a channel to make room for
    /// the followed send (`rx.try_recv()` after `tx.try_send(m)` found the
    /// channel full): the next turn's send finds that room.
    fn makes_room(&self, m: &syn::ExprMethodCall) -> bool {
        self.sends
            && m.args.is_empty()
            && matches!(m.method.to_string().as_str(), "try_recv" | "recv")
    }

    fn is_target(&self, e: &Expr) -> bool {
        matches!(self.target, Poll::Call(t) if std::ptr::eq(e, t))
    }

    fn is_target_select(&self, mac: &syn::Macro) -> bool {
        matches!(self.target, Poll::Select(t) if std::ptr::eq(mac, t))
    }

    /// The outcomes that may make the derived value `e` names `Some`
    /// and those that may make it `None`, if `e` names one.
    fn derived(&self, e: &Expr) -> Option<(u8, u8)> {
        let Expr::Path(p) = strip(e) else {
            return None;
        };
        let ident = p.path.get_ident()?;
        let d = self.derived.iter().rev().find(|d| ident == &d.name)?;
        Some((d.some, d.none))
    }

    /// The value that says the turn got something, if `e` names a
    /// progress flag of the loop.
    fn progress_flag(&self, e: &Expr) -> Option<bool> {
        let Expr::Path(p) = strip(e) else {
            return None;
        };
        let ident = p.path.get_ident()?;
        self.progress_flags
            .iter()
            .find(|(name, _)| ident == name)
            .map(|(_, value)| *value)
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
}

/// What other work does to path states; a call made to decide a condition
/// (`if !self.is_alive()`, `match queue.pop()`) is a check, not work.
fn work(flow: &Paths<'_, '_, '_>, states: u8) -> u8 {
    if flow.checking() {
        states
    } else {
        worked(states)
    }
}

/// Whether `func` names an async runtime's sleep or yield (`tokio::time::sleep`,
/// `async_std::task::yield_now`, …), resolved through imports: its call
/// makes a future, which waits only when awaited.
fn unawaited_async_wait(ctx: &FileContext<'_>, func: &Expr) -> bool {
    let Expr::Path(p) = func else { return false };
    let Some(resolved) = ctx.resolve(&p.path) else {
        return false;
    };
    let first = resolved.split("::").next().unwrap_or_default();
    let last = resolved.rsplit("::").next().unwrap_or_default();
    ASYNC_RUNTIMES.contains(&first) && ASYNC_WAITS.contains(&last)
}

/// Crates whose sleeps and yields are futures.
const ASYNC_RUNTIMES: &[&str] = &["tokio", "async_std", "smol", "async_io", "futures_timer"];
/// The async forms of [`fn_waits`]' names.
const ASYNC_WAITS: &[&str] = &["sleep", "sleep_until", "yield_now"];

/// A call `e` of a fn of the crate in another file, which may wait: noted
/// for the crate pass, and read as a wait or as work by the reading
/// ([`PollPaths::crate_calls_wait`]).
fn crate_call(flow: &mut Paths<'_, '_, '_>, e: &Expr, after: u8) -> u8 {
    flow.analysis
        .crate_calls
        .push(syn::spanned::Spanned::span(e));
    match flow.analysis.crate_calls_wait {
        true => waited(after),
        false => work(flow, after),
    }
}

/// Whether `c` is `Box::pin(fut)` in async code: a future built for later.
fn boxes_future(flow: &Paths<'_, '_, '_>, c: &syn::ExprCall) -> bool {
    flow.analysis.in_async
        && c.args.len() == 1
        && flow.ctx.callee_is(&c.func, &["std::boxed::Box::pin"])
}

/// Methods that wrap a future in async code (`fut.fuse()`, `fut.boxed()`):
/// their receiver is a future built for later, which does not wait here.
const FUTURE_ADAPTERS: &[&str] = &["fuse", "boxed", "boxed_local"];

/// A future that is built but not awaited here (the receiver of
/// `now_or_never()` or of a [`FUTURE_ADAPTERS`] method): its own call
/// does not wait.
fn future(flow: &mut Paths<'_, '_, '_>, e: &Expr, states: u8) -> u8 {
    match strip(e) {
        // `Box::pin(fut).fuse()`: still the same future.
        Expr::MethodCall(m)
            if flow.analysis.in_async
                && FUTURE_ADAPTERS.contains(&m.method.to_string().as_str()) =>
        {
            future(flow, &m.receiver, states)
        }
        Expr::Call(c) if boxes_future(flow, c) => future(flow, &c.args[0], states),
        Expr::MethodCall(m) if !flow.analysis.is_target(strip(e)) => {
            let after = flow.expr(&m.receiver, states);
            flow.exprs(&m.args, after)
        }
        Expr::Call(c) => {
            let after = flow.expr(&c.func, states);
            flow.exprs(&c.args, after)
        }
        other => flow.expr(other, states),
    }
}

/// The initialisers of the `let`s of `body` (at its top) that bind a
/// future the `select!` `mac` races by name (`next`, `&mut next`): see
/// [`PollPaths::raced_futures`].
fn raced_futures(ctx: &FileContext<'_>, mac: &syn::Macro, body: &syn::Block) -> Vec<*const Expr> {
    let MacroBody::Select(select) = ctx.macro_body(mac) else {
        return Vec::new();
    };
    let raced: Vec<String> = (select.branches.iter())
        .filter_map(|branch| match strip(&branch.future) {
            Expr::Reference(r) => flag_name(&r.expr),
            other => flag_name(other),
        })
        .collect();
    (body.stmts.iter())
        .filter_map(|stmt| match stmt {
            Stmt::Local(local) => {
                let name = crate::context::bindings::pat_ident(&local.pat)?;
                let init = local.init.as_ref().filter(|i| i.diverge.is_none())?;
                raced
                    .iter()
                    .any(|r| name == r)
                    .then_some(std::ptr::from_ref(&*init.expr))
            }
            _ => None,
        })
        .collect()
}

impl<'e> Analysis for PollPaths<'e> {
    fn expr(flow: &mut Paths<'_, '_, 'e>, e: &Expr, states: u8) -> Option<u8> {
        if flow.analysis.raced_futures.contains(&std::ptr::from_ref(e)) {
            return Some(future(flow, e, states));
        }
        Some(match e {
            Expr::Await(a) => {
                let base = strip(&a.base);
                match base {
                    // `tx.try_send(x).await` of some crates: still a poll.
                    _ if flow.analysis.is_result(base) => flow.expr(base, states),
                    Expr::MethodCall(m)
                        if POLL_METHODS.contains(&m.method.to_string().as_str()) =>
                    {
                        flow.expr(base, states)
                    }
                    // The lock the poll found busy: waiting for it is a wait.
                    Expr::MethodCall(m) if flow.analysis.is_counterpart(m) => {
                        waited(future(flow, base, states))
                    }
                    // An async lock is taken at once when it is free.
                    Expr::MethodCall(m)
                        if m.args.is_empty()
                            && ASYNC_LOCK_METHODS.contains(&m.method.to_string().as_str()) =>
                    {
                        let after = flow.expr(&m.receiver, states);
                        work(flow, after)
                    }
                    _ => waited(future(flow, base, states)),
                }
            }
            Expr::MethodCall(m) => {
                let method = m.method.to_string();
                // `sock.recv_from(&mut buf).fuse()` in async code makes a
                // future (for a `select!` to poll), it does not wait.
                let adapts_future =
                    flow.analysis.in_async && FUTURE_ADAPTERS.contains(&method.as_str());
                let mut after = if method == "now_or_never" || adapts_future {
                    future(flow, &m.receiver, states)
                } else {
                    flow.expr(&m.receiver, states)
                };
                after = flow.exprs(&m.args, after);
                let paths = &mut flow.analysis;
                if paths.is_target(e) {
                    return Some(paths.poll(after));
                }
                if matches!(method.as_str(), "unwrap" | "expect") && paths.is_result(&m.receiver) {
                    // The path on which the poll found nothing panics.
                    paths.inspected = true;
                    return Some(keep(after, ONLY_GOT));
                }
                if matches!(method.as_str(), "unwrap" | "expect")
                    && matches!(strip(&m.receiver), Expr::Call(c)
                        if matches!(&*c.func, Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Err")))
                {
                    // `Err(e).unwrap()` panics.
                    return Some(0);
                }
                if paths.is_counterpart(m) {
                    return Some(waited(after));
                }
                if paths.makes_room(m) {
                    paths.made_room = true;
                    return Some(waited(after));
                }
                if POLL_METHODS.contains(&method.as_str()) {
                    // Another poll is not work: it is what spins.
                    return Some(after);
                }
                // crossbeam's `Backoff::snooze()`: spins, then yields the
                // thread; like a spin hint, on purpose outside async code.
                if method == "snooze" && m.args.is_empty() {
                    return Some(if paths.in_async { after } else { waited(after) });
                }
                if WAIT_METHODS.contains(&method.as_str())
                    // A readiness check of hand-written poll code: it
                    // registers a wake-up and the code returns `Pending`.
                    || (method.starts_with("poll_") && !m.args.is_empty())
                    // `self.pause()`, `pacer.pause()`: a method of this file that sleeps.
                    || helper_named_waits(flow.ctx, &method, true, HELPER_DEPTH)
                {
                    waited(after)
                } else if TRIVIAL_METHODS.contains(&method.as_str())
                    || RESULT_ADAPTERS.contains(&method.as_str())
                {
                    after
                } else if method_of_other_file(flow.ctx, m) {
                    // `self.pacer.pause()`: a method the crate pass may
                    // find by the receiver's type, in another file.
                    crate_call(flow, e, after)
                } else {
                    work(flow, after)
                }
            }
            // `Box::pin(sock.recv_from(&mut buf))` in async code: a future
            // built for later, as with `FUTURE_ADAPTERS`.
            Expr::Call(c) if boxes_future(flow, c) => future(flow, &c.args[0], states),
            Expr::Call(c) => {
                let callee = flow.expr(&c.func, states);
                let after = flow.exprs(&c.args, callee);
                if flow.ctx.callee_is(&c.func, DIVERGING_FNS) {
                    return Some(0);
                }
                let last = match &*c.func {
                    Expr::Path(p) => flow.ctx.resolved_name(&p.path),
                    _ => None,
                };
                match last.as_deref() {
                    // `let _ = tokio::time::sleep(d);`: a future nobody
                    // awaits waits for nothing and does nothing (awaited, it
                    // is a wait), so it is no work that makes a poll a stop
                    // check either.
                    Some(_) if unawaited_async_wait(flow.ctx, &c.func) => after,
                    Some(name) if fn_waits(name, c.args.len()) => waited(after),
                    // Spinning on purpose: a spin lock in a thread. In async
                    // code it starves the other tasks all the same.
                    Some(name) if SPIN_HINTS.contains(&name) => {
                        if flow.analysis.in_async {
                            after
                        } else {
                            waited(after)
                        }
                    }
                    Some(name) if TRIVIAL_FNS.contains(&name) => after,
                    // Enum variants and tuple structs build a value.
                    Some(name) if name.starts_with(char::is_uppercase) => after,
                    // `pause()`, a local closure that sleeps.
                    Some(name)
                        if matches!(&*c.func, Expr::Path(p) if p.path.get_ident().is_some())
                            && flow.analysis.waiting_closures.iter().any(|w| w == name) =>
                    {
                        waited(after)
                    }
                    // `backoff()`, `util::backoff()`: a fn of this file that sleeps.
                    Some(name) if helper_named_waits(flow.ctx, name, false, HELPER_DEPTH) => {
                        waited(after)
                    }
                    // `backoff::pause(n)`: a fn of the crate in another file.
                    _ if flow.ctx.names_fn_of_other_file(&c.func) => crate_call(flow, e, after),
                    _ => work(flow, after),
                }
            }
            Expr::Try(t) => {
                let after = flow.expr(&t.expr, states);
                if flow.analysis.is_result(&t.expr) {
                    // The path on which the poll found nothing returns.
                    flow.analysis.inspected = true;
                    keep(after, ONLY_GOT)
                } else {
                    after
                }
            }
            // `while !*ready { ready = cv.wait(ready).unwrap(); }`: a wait
            // with a predicate, as `wait_while` is; it is skipped only when
            // what it waits for has come.
            Expr::While(w) if waits_every_turn(flow.ctx, &w.body) => {
                let (into_body, exits) = flow.cond(&w.cond, states);
                waited(into_body | exits)
            }
            Expr::Assign(a) if flow.analysis.ends_loop(a) => {
                flow.expr(&a.right, states);
                // The path stops at the loop's head (`running = false;`).
                0
            }
            _ => return None,
        })
    }

    /// A match on the poll's result keeps the outcomes its pattern admits.
    fn split(
        flow: &mut Paths<'_, '_, 'e>,
        scrutinee: &Expr,
        pat: &syn::Pat,
        states: u8,
    ) -> (u8, u8) {
        if let Some((some, none)) = flow.analysis.derived(scrutinee) {
            // `None` / `Err(_)` / `false` patterns match what may be empty.
            let o = pattern_outcomes(pat);
            let map = |outcomes: u8| {
                let mut out = 0;
                if outcomes & GOT != 0 {
                    out |= some;
                }
                if outcomes & FAILED != 0 {
                    out |= none;
                }
                out
            };
            let (matched, unmatched) = (map(o.matched), map(o.unmatched));
            flow.analysis.inspected = true;
            return (keep(states, matched), keep(states, unmatched));
        }
        if !flow.analysis.is_result(scrutinee) {
            return (states, states);
        }
        let o = pattern_outcomes(pat);
        if o.matched != o.unmatched {
            flow.analysis.inspected = true;
        }
        (keep(states, o.matched), keep(states, o.unmatched))
    }

    /// `r.is_ok()`, `r.is_none()` on the poll's result.
    fn cond(flow: &mut Paths<'_, '_, 'e>, e: &Expr, states: u8) -> Option<(u8, u8)> {
        if let Some((some, none)) = flow.analysis.derived(e) {
            flow.analysis.inspected = true;
            return Some((keep(states, some), keep(states, none)));
        }
        let counted = || counter_test(&flow.analysis.progress_counters, e);
        if let Some(progress) = flow.analysis.progress_flag(e).or_else(counted) {
            // Where the flag says something was got this turn, the loop
            // made progress: not a spin, as after a wait.
            return Some(match progress {
                true => (waited(states), states),
                false => (states, waited(states)),
            });
        }
        let Expr::MethodCall(m) = e else {
            return None;
        };
        if !m.args.is_empty() || !flow.analysis.is_result(&m.receiver) {
            return None;
        }
        let after = flow.checked(&m.receiver, states);
        Some(match m.method.to_string().as_str() {
            "is_ok" | "is_some" => {
                flow.analysis.inspected = true;
                (keep(after, ONLY_GOT), keep(after, ONLY_FAILED))
            }
            "is_err" | "is_none" => {
                flow.analysis.inspected = true;
                (keep(after, ONLY_FAILED), keep(after, ONLY_GOT))
            }
            _ => (after, after),
        })
    }

    /// `let r = rx.try_recv();`: `r` is the poll's result from now on.
    fn bind(flow: &mut Paths<'_, '_, 'e>, local: &syn::Local, init: &Expr) {
        let syn::Pat::Ident(i) = &local.pat else {
            return;
        };
        if flow.analysis.is_result(init) {
            flow.analysis.result_names.push(i.ident.to_string());
        } else if let Some((some, none)) = derived_outcomes(&flow.analysis, init) {
            flow.analysis.derived.push(Derived {
                name: i.ident.to_string(),
                some,
                none,
            });
        }
    }

    fn mac(flow: &mut Paths<'_, '_, 'e>, mac: &syn::Macro, states: u8) -> Option<u8> {
        let name = macro_name(mac);
        if DIVERGING_MACROS.contains(&name.as_str()) {
            return Some(0);
        }
        let ctx = flow.ctx;
        if LOG_MACROS.contains(&name.as_str()) {
            return Some(match ctx.macro_body(mac) {
                MacroBody::Exprs(exprs) => flow.exprs(exprs, states),
                _ => states,
            });
        }
        match ctx.macro_body(mac) {
            MacroBody::Select(select) => {
                let polls = select_polls(select);
                let (into_branch, into_else) = if flow.analysis.is_target_select(mac) {
                    // A branch runs when its future was ready: that is
                    // progress. Only the default path found nothing. The
                    // branches look at what came, so work on the default
                    // path is no wait (`default => ui.redraw()`).
                    flow.analysis.inspected = true;
                    let after = flow.analysis.poll(states);
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
                    out |= flow.expr(&branch.handler, into_branch);
                }
                for e in &select.else_branches {
                    out |= flow.expr(e, into_else);
                }
                Some(out)
            }
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
                Some(if waits {
                    waited(states)
                } else {
                    work(flow, states)
                })
            }
            MacroBody::Exprs(_) | MacroBody::Stmts(_) | MacroBody::Statics(_) => None,
        }
    }

    fn came_round(states: u8) -> u8 {
        came_round(states)
    }

    /// `while let Some(x) = it.next()` ends when the items run out, and
    /// `while !rx.is_empty()` when the queue does. (Whether the latter
    /// polls the value it asks is judged when that loop is analysed.)
    fn bounded_while(cond: &Expr) -> bool {
        iterates(cond) || nonempty_check(cond).is_some()
    }
}

/// Whether a statement of `body`, run on every turn (not in a branch), is
/// a wait: `ready = cv.wait(ready).unwrap();`, `thread::sleep(d);`,
/// `sleep(d).await;`.
fn waits_every_turn(ctx: &FileContext<'_>, body: &syn::Block) -> bool {
    fn is_wait(ctx: &FileContext<'_>, e: &Expr) -> bool {
        match e {
            Expr::Assign(a) => is_wait(ctx, &a.right),
            Expr::Try(t) => is_wait(ctx, &t.expr),
            Expr::Await(a) => is_wait(ctx, &a.base),
            Expr::Paren(p) => is_wait(ctx, &p.expr),
            Expr::MethodCall(m) if matches!(m.method.to_string().as_str(), "unwrap" | "expect") => {
                is_wait(ctx, &m.receiver)
            }
            _ => ctx.call_waits(e),
        }
    }
    body.stmts.iter().any(|stmt| match stmt {
        syn::Stmt::Expr(e, _) => is_wait(ctx, e),
        syn::Stmt::Local(l) => l.init.as_ref().is_some_and(|i| is_wait(ctx, &i.expr)),
        _ => false,
    })
}

/// The names of the closures bound by a `let` in a block around a loop
/// (`ancestors`) whose body waits, as a helper's does (see
/// [`helper_waits`]): `let pause = || std::thread::sleep(d);`. Matched by
/// name: a call that may be of one is taken for a wait (silence rather
/// than a guess).
fn waiting_closures(ctx: &FileContext<'_>, ancestors: &[Node<'_>]) -> Vec<String> {
    let waits = |e: &Expr| {
        ctx.call_waits(e)
            || match e {
                Expr::Call(c) => match &*c.func {
                    Expr::Path(p) => (ctx.resolved_name(&p.path))
                        .is_some_and(|name| helper_named_waits(ctx, &name, false, HELPER_DEPTH)),
                    _ => false,
                },
                Expr::MethodCall(m) => {
                    helper_named_waits(ctx, &m.method.to_string(), true, HELPER_DEPTH)
                }
                _ => false,
            }
    };
    let blocks = ancestors.iter().filter_map(|node| match node {
        Node::Block(block) => Some(*block),
        _ => None,
    });
    let locals = blocks
        .flat_map(|block| &block.stmts)
        .filter_map(|stmt| match stmt {
            Stmt::Local(local) => Some(local),
            _ => None,
        });
    locals
        .filter_map(|local| {
            let name = crate::context::bindings::pat_ident(&local.pat)?;
            let Expr::Closure(closure) = &*local.init.as_ref()?.expr else {
                return None;
            };
            let body_waits = closure.asyncness.is_none()
                && (waits(&closure.body) || ctx.any_expr_now(&*closure.body, waits));
            body_waits.then(|| name.to_string())
        })
        .collect()
}

/// How deep calls of this file's own helpers are followed to find a wait.
const HELPER_DEPTH: usize = 3;

/// Whether a fn (`method`: a method) of this file named `name` waits (see
/// [`helper_waits`]). Calls are matched by name: a call that may be of a
/// helper that waits is taken for a wait (silence rather than a guess).
fn helper_named_waits(ctx: &FileContext<'_>, name: &str, method: bool, depth: usize) -> bool {
    ctx.local_fns(name)
        .iter()
        .any(|f| f.is_method == method && helper_waits(ctx, *f, depth))
}

/// Whether the sync fn `f` of this file waits: its body (outside closures
/// and nested items) sleeps, yields, parks or blocks on a receive, or calls
/// a helper of this file that does. A wait on only some of its paths counts
/// (its paths are not followed: silence rather than a guess). An `async fn`
/// is not one: awaiting it is already a wait, calling it without `.await`
/// runs nothing.
fn helper_waits(ctx: &FileContext<'_>, f: crate::context::LocalFn<'_>, depth: usize) -> bool {
    if f.sig.asyncness.is_some() || depth == 0 {
        return false;
    }
    // A call of another helper of this file that waits, one level down.
    let deeper = |name: &str, method: bool| helper_named_waits(ctx, name, method, depth - 1);
    let waits = |e: &Expr| {
        ctx.call_waits(e)
            || match e {
                Expr::Call(c) => match &*c.func {
                    Expr::Path(p) => ctx
                        .resolved_name(&p.path)
                        .is_some_and(|name| deeper(&name, false)),
                    _ => false,
                },
                Expr::MethodCall(m) => deeper(&m.method.to_string(), true),
                _ => false,
            }
    };
    ctx.any_expr_now(f.block, waits)
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

fn macro_name(mac: &syn::Macro) -> String {
    mac.path
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default()
}

/// Whether a `select!` returns at once when nothing is ready: it has a
/// `default =>` branch (futures, crossbeam), or an `else =>` branch (tokio)
/// that can run. Tokio runs `else` only when every branch is disabled, by
/// its `if` precondition or by a pattern its output did not match: with
/// only irrefutable patterns (`_`, `task`) and no precondition, it never
/// runs.
fn select_polls(select: &crate::macros::Select) -> bool {
    let can_be_disabled =
        |b: &crate::macros::SelectBranch| b.condition.is_some() || !is_irrefutable(&b.pat);
    select.default_arm || (select.else_arm && select.branches.iter().any(can_be_disabled))
}

/// Whether `pat` matches every value: `_`, a binding, a tuple of such.
fn is_irrefutable(pat: &syn::Pat) -> bool {
    match pat {
        syn::Pat::Wild(_) => true,
        syn::Pat::Ident(i) => i.subpat.is_none(),
        syn::Pat::Tuple(t) => t.elems.iter().all(is_irrefutable),
        syn::Pat::Paren(p) => is_irrefutable(&p.pat),
        syn::Pat::Type(t) => is_irrefutable(&t.pat),
        _ => false,
    }
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

/// The polls written in a loop (its condition, then its body), outside
/// closures and async blocks, in source order, each with its span. A poll
/// of a value the loop's own `while let` binds polls a new source each turn
/// and is left out.
fn polls_in<'v>(
    ctx: &'v FileContext<'_>,
    cond: Option<&'v Expr>,
    body: &'v syn::Block,
    own: Option<&syn::Pat>,
) -> Vec<(Poll<'v>, proc_macro2::Span)> {
    struct Finder<'v, 'a, 'p> {
        ctx: &'v FileContext<'a>,
        own: Option<&'p syn::Pat>,
        body: &'v syn::Block,
        stepped: Vec<String>,
        found: Vec<(Poll<'v>, proc_macro2::Span)>,
    }
    impl<'v> Visit<'v> for Finder<'v, '_, '_> {
        fn visit_expr(&mut self, e: &'v Expr) {
            if let Expr::MethodCall(m) = e {
                if POLL_METHODS.contains(&m.method.to_string().as_str()) {
                    // The element of this turn, or a value picked by it
                    // (`locks[&id].try_lock()`): each is tried once.
                    let own = self
                        .own
                        .is_some_and(|pat| uses_a_binding_of(self.ctx, &m.receiver, pat));
                    // `self.try_send(..)` is a method of the type being
                    // written, not a channel's or a lock's.
                    let of_self =
                        matches!(strip(&m.receiver), Expr::Path(p) if p.path.is_ident("self"));
                    let fresh = sends_value_made_this_turn(self.ctx, m, self.body, self.own);
                    if !own && !of_self && !fresh && !indexed_by(&m.receiver, &self.stepped) {
                        self.found
                            .push((Poll::Call(e), syn::spanned::Spanned::span(e)));
                    }
                }
            }
            syn::visit::visit_expr(self, e);
        }
        fn visit_expr_closure(&mut self, _: &'v syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'v syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'v syn::Item) {}
        fn visit_macro(&mut self, mac: &'v syn::Macro) {
            let ctx = self.ctx;
            if matches!(ctx.macro_body(mac), MacroBody::Select(select) if select_polls(select)) {
                self.found
                    .push((Poll::Select(mac), syn::spanned::Spanned::span(mac)));
            }
            ctx.visit_macro_body(mac, self);
        }
    }
    let mut finder = Finder {
        ctx,
        own,
        body,
        stepped: stepped_names(ctx, cond, body),
        found: Vec::new(),
    };
    if let Some(c) = cond {
        finder.visit_expr(c);
    }
    finder.visit_block(body);
    finder.found
}

/// Whether `m` is a non-blocking send (`try_send`, `try_broadcast`) of a
/// value made in this turn of the loop: a name bound in the loop's body or
/// by its own `while let`. On a full channel that value is dropped
/// (publish-or-skip) and the next turn makes a new one, so the send is not
/// a poll that comes back for the same thing; retrying a value made before
/// the loop (or a literal) is.
fn sends_value_made_this_turn(
    ctx: &FileContext<'_>,
    m: &syn::ExprMethodCall,
    body: &syn::Block,
    own: Option<&syn::Pat>,
) -> bool {
    if !matches!(m.method.to_string().as_str(), "try_send" | "try_broadcast") {
        return false;
    }
    let Some(Expr::Path(p)) = m.args.first().map(strip) else {
        return false;
    };
    let Some(ident) = p.path.get_ident() else {
        return false;
    };
    if own.is_some_and(|pat| ctx.is_bound_by(ident, pat)) {
        return true;
    }
    let Some(id) = ctx.binding_of_use(ident) else {
        return false;
    };
    let at = ctx.scopes().binding(id).span.start();
    let (open, close) = (
        body.brace_token.span.open().start(),
        body.brace_token.span.close().end(),
    );
    (open.line, open.column) <= (at.line, at.column)
        && (at.line, at.column) <= (close.line, close.column)
}

/// The names a loop (its condition and body) assigns to (`i += 1`,
/// `cur = next`), outside closures.
fn stepped_names(ctx: &FileContext<'_>, cond: Option<&Expr>, body: &syn::Block) -> Vec<String> {
    let mut names = Vec::new();
    let mut step = |e: &Expr| {
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
                names.push(i.to_string());
            }
        }
        let descend = if matches!(e, Expr::Closure(_)) {
            Descend::No
        } else {
            Descend::Yes
        };
        ControlFlow::<(), _>::Continue(descend)
    };
    if let Some(c) = cond {
        ctx.for_each_expr(c, &mut step);
    }
    ctx.for_each_expr(body, &mut step);
    // A name the body binds afresh from a stepped one or from an atomic
    // counter is stepped too: the clock hand of a sweep (`let i =
    // hand.fetch_add(1, Relaxed) % n; let slot = &slots[i];`).
    struct Lets<'n> {
        names: &'n mut Vec<String>,
    }
    impl<'ast> Visit<'ast> for Lets<'_> {
        fn visit_local(&mut self, local: &'ast syn::Local) {
            if let (Some(init), syn::Pat::Ident(name)) = (&local.init, &local.pat) {
                if mentions(&init.expr, self.names) || steps_an_atomic(&init.expr) {
                    self.names.push(name.ident.to_string());
                }
            }
            syn::visit::visit_local(self, local);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    Lets { names: &mut names }.visit_block(body);
    names
}

/// Whether `e` advances an atomic counter (`hand.fetch_add(1, Relaxed)`),
/// which gives each turn of a loop another value.
fn steps_an_atomic(e: &Expr) -> bool {
    struct Finder(bool);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
            self.0 |= m.method == "fetch_add" || m.method == "fetch_sub";
            syn::visit::visit_expr_method_call(self, m);
        }
    }
    let mut finder = Finder(false);
    finder.visit_expr(e);
    finder.0
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
        // A name the loop points at another element each turn
        // (`slot = &slots[next];`, `let slot = &slots[i];`).
        Expr::Path(p) => p
            .path
            .get_ident()
            .is_some_and(|i| stepped.iter().any(|n| i == n)),
        _ => false,
    }
}

/// Whether `e` uses a name that `pat` binds.
fn uses_a_binding_of(ctx: &FileContext<'_>, e: &Expr, pat: &syn::Pat) -> bool {
    struct Finder<'c, 'a, 'p> {
        ctx: &'c FileContext<'a>,
        pat: &'p syn::Pat,
        found: bool,
    }
    impl<'ast> Visit<'ast> for Finder<'_, '_, '_> {
        fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
            if let Some(ident) = p.path.get_ident() {
                self.found |= self.ctx.is_bound_by(ident, self.pat);
            }
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            let ctx = self.ctx;
            ctx.visit_macro_body(mac, self);
        }
    }
    let mut finder = Finder {
        ctx,
        pat,
        found: false,
    };
    finder.visit_expr(e);
    finder.found
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
