use std::collections::{BTreeSet, HashMap};
use std::ops::ControlFlow;

use crate::context::paths::{
    self, INTERVAL_STREAM, LEAKING_CALLS, TIMER_CONSTRUCTORS, TOKIO_INTERVALS,
};
use crate::Triggers;
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::Expr;

use crate::context::bindings::{pat_ident, MentionKind};
use crate::context::entry::{constructed_type, type_path_names};
use crate::context::follow::{polls, FieldOf, NON_POLL_METHODS};
use crate::context::scopes::{span_within, BindingKind};
use crate::context::spawn::{block_tail, ends_with, Handle, SpawnKind, TaskBody};
use crate::context::visit::Descend;
use crate::context::{expr_key, impl_type_name, BindingId, ExprKey, Node};
use crate::macros::MacroBody;
use crate::{FileContext, Finding, LintOptions, ReachKind, Span};

crate::declare_lint! {
    /// ### What it does
    /// Flags a timer that is never dropped. A timer is a call of
    /// `tokio::time::{interval, interval_at, sleep, sleep_until, timeout}`,
    /// `tokio_stream::wrappers::IntervalStream::new`,
    /// `async_io::Timer::{interval, after}`, `futures_timer::Delay::new` or
    /// `async_std::stream::interval` (resolved through the file's `use`
    /// items), and it is flagged when:
    ///
    /// 1. it (or the binding holding it) is passed to `std::mem::forget`,
    ///    `Box::leak`, `ManuallyDrop::new` or `Box::into_raw`;
    /// 2. it is created in a `static` initialiser, in `lazy_static!` or
    ///    `thread_local!`, or in the closure given to `Lazy::new`,
    ///    `LazyLock::new` or `OnceLock` / `OnceCell`'s `get_or_init`;
    /// 3. it is created in a spawned task before an endless loop of the
    ///    task (or created outside and moved into the task) and polled in
    ///    that loop, the loop observes no cancellation and the task's
    ///    `JoinHandle` is thrown away: the timer lives as long as a task that
    ///    never ends (the same spawn is reported by `spawn_without_cancel`;
    ///    this finding points at the timer it pins);
    /// 4. a tokio `interval(…)` / `interval_at(…)` is created inside an
    ///    endless loop and ticked in the same iteration (not in a loop of
    ///    its own inside that iteration, which serves one connection or
    ///    session with the same interval).
    ///
    /// Case 3 leaves alone a task that runs for the life of the process:
    /// one spawned in the body of `main` (or of a `#[tokio::main]`-style fn),
    /// also inside a closure or async block there but not inside a loop
    /// (a `for` over a range with an end or over a list in a field, a pool
    /// started once, is fine) or a
    /// `for_each` closure, or
    /// in a static's initialiser; its timer is meant to live as long as the
    /// program. So does a task that a fn of the crate spawns once per call
    /// when only `main` reaches that fn, also when the timer's loop is in
    /// another file (`init_state` → `tokio::spawn(worker.start_task())`).
    /// `process_lifetime = "report"` in the configuration's `[options]`
    /// reports these too.
    ///
    /// Each timer is reported once, at its constructor call, for the first
    /// case it matches.
    ///
    /// ### Why is this bad
    /// A timer keeps its slot in the runtime's timer wheel, and keeps waking
    /// its task, until it is dropped. A forgotten, static or task-pinned
    /// timer is never dropped: it is Go's `time.NewTicker` that is never
    /// stopped. An interval rebuilt on every iteration is the opposite
    /// mistake (Go's `time.After` in a loop): the first tick of a new
    /// tokio interval completes at once, so the loop never waits for the
    /// period it asked for.
    ///
    /// ### Known problems
    /// leaklint has no types, so it follows a timer by shape:
    /// * A timer is followed through `let` bindings (also shadowing ones),
    ///   `IntervalStream::new(…)`, `Box::new` / `Box::pin` / `Arc::new` /
    ///   `Rc::new` / `Mutex::new` / `RwLock::new` / `RefCell::new` /
    ///   `ManuallyDrop::new`, `pin!(…)`, struct and tuple literals, and the
    ///   stream/future adapters `fuse`, `boxed`, `boxed_local`, `map`,
    ///   `then`, `filter`, `filter_map`, `peekable`, and through the value of
    ///   a block, of either branch of an `if` and of every arm of a `match`
    ///   (`let mut t = { let mut i = interval(d); i.set_…(…); i };`), and
    ///   into a fn of this file that returns one it makes (`let mut t =
    ///   ticker();` with `fn ticker() -> Interval { interval(d) }`, by its
    ///   body's last expression or a `return`; reported at the helper's
    ///   constructor). A
    ///   helper of another file is not followed. A timer stored in a
    ///   struct field and polled through the field is followed in one shape
    ///   only (case 3): a task that is a method of a type of this file taking
    ///   `self` (`spawn(hb.run())` with `let hb = Heartbeat::new(p)`,
    ///   `spawn(Poller::new(w).run())`, or `hb.run().await;` as a statement
    ///   of the task's async block), whose endless loop polls
    ///   `self.field`; the timers that this file's literals of the type put
    ///   in that field (`Heartbeat { every: interval(d), … }`, `Self { tick,
    ///   … }`, or for a tuple struct polled as `self.0`, `Warmer(interval(d),
    ///   keys)`) are reported, whichever literal made the value spawned. A
    ///   timer moved out of `self` first (`let Refresher { every, .. } =
    ///   self;`) or ticked by a helper method (`self.next_beat().await`) is
    ///   not followed. The
    ///   spawn may be in another file (`tokio::spawn(async move {
    ///   hb.run().await })` in `lib.rs` for a `Heartbeat` of `worker.rs`):
    ///   the crate pass then looks for a detached task that runs the method,
    ///   as for a timer made in the loop's own fn; the literals must be in
    ///   the method's file.
    /// * `IntervalStream::new(t)` wrapping a timer created by another listed
    ///   constructor is the same timer: it is reported at the inner
    ///   constructor.
    /// * `smol::Timer` is the re-export of `async_io::Timer` and counts as it.
    ///   `tokio::time::timeout_at` is not in the list and is not reported.
    /// * Case 2: `get_or_init` / `get_or_try_init` are recognised by method
    ///   name, on a receiver that is not a field or a local: a `OnceCell`
    ///   or `OnceLock` field of a struct (`self.tick.get_or_init(…)`) dies
    ///   with the struct and drops the timer, so it is not reported (nor is
    ///   a local cell); a static, or a cell a call returns, is. A timer that is awaited where it is created
    ///   (`sleep(d).await` inside an initialiser) is finished there and is
    ///   not reported; any other timer created in an initialiser is, even
    ///   one that a `block_on` inside the initialiser finishes and drops.
    ///   Only the initialiser's own closure (or the future it returns,
    ///   tokio's `get_or_init(|| async { … })`) counts: a timer made in a
    ///   task the initialiser spawns, or in a closure it stores (a factory),
    ///   belongs to that task or closure and is not reported under this
    ///   case (a task spawned there is process-lifetime code for case 3).
    /// * Case 3: a timer counts as polled in the loop when the loop mentions
    ///   its binding other than in `drop(…)` or in `period()`,
    ///   `missed_tick_behavior()`, `set_missed_tick_behavior(…)`,
    ///   `deadline()`, `is_elapsed()` or `is_terminated()`. A timer handed to
    ///   a task fn of this file as an argument (`spawn(run(interval(d)))`) is
    ///   followed to the fn's parameter. Threads (`std::thread::spawn`) follow
    ///   the same handle rule as tasks here. Spawn calls, task bodies,
    ///   endless loops and cancellation are recognised as for
    ///   `spawn_without_cancel` (see its Known problems), and a task started
    ///   from a fn that only `main` reaches is left alone the same way (a
    ///   finding kept because a caller runs many times names that caller,
    ///   as there), and so is a task spawned by test code (it ends with the test), also
    ///   when the timer it pins is in production code.
    ///   The timer may also be created in a fn of the crate that the task
    ///   calls (`spawn(async move { poller.run().await })` with the interval
    ///   made before `run`'s loop): calls are followed as for
    ///   `spawn_without_cancel`, the finding is at the timer, with a note at
    ///   the spawn (in any file of the crate). So may a repeating timer
    ///   (an interval) that a fn of the crate builds and returns to the task
    ///   body, or to a fn the task runs, whose endless loop then polls it
    ///   (`let mut tick = ticker::every(period); loop { tick.tick().await;
    ///   … }` with `pub fn every(d: Duration) -> Interval` in `ticker.rs`):
    ///   the finding is at the constructor in the fn that returns it, with
    ///   notes at the call, the loop and the spawn, and needs that file to be
    ///   linted. The value is followed from the call through `?`, `.await`,
    ///   `.unwrap()`, `Box::pin`, `IntervalStream::new` and `let`s; a
    ///   returned `sleep` is not (it is done after one poll), nor is a
    ///   timer a task of the fn's own file already pins (reported for that
    ///   task). A timer made in an async task
    ///   body and handed (or lent: `&mut ticker`) to a fn of this file that
    ///   the body calls as one of its statements (`publish_every(iv).await;`)
    ///   is followed to the fn's parameter, and reported when that fn's
    ///   endless loop polls it. The same holds in a fn the task runs (the
    ///   task fn of `spawn(poll_source(src))`, or a fn of the crate its
    ///   calls reach): a timer it makes and hands or lends to a fn of its
    ///   own file as one of its statements (`pump(&src, &mut
    ///   every).await;`) is pinned by that fn's endless loop. So is an
    ///   interval handed (or lent) to a fn
    ///   of another file or to a method the crate model resolves (by the
    ///   receiver's type), as the task (`spawn(jobs::drive(tick, q))`) or
    ///   as a statement of its async block (`syncer.drive(&mut
    ///   tick).await;`): the finding holds when that fn's first endless
    ///   loop observing no cancellation polls the parameter. A timer that a
    ///   fn the task calls makes and hands to a fn of another file, or that
    ///   is handed on a second time (`s.run(&mut t)` lending it to
    ///   `self.inner(t)`), is not followed: only the task is reported. A
    ///   timer passed to a constructor (`Heartbeat::new(addr,
    ///   interval(d))`) and polled through the field it is stored in is not
    ///   followed either. Only a file
    ///   that also spells `interval` (or `interval_at`) is read for this
    ///   when it has no loop of its own, so a `sleep(…)` future handed that
    ///   way is not followed. A spawn wrapper
    ///   (a fn of the crate that spawns its parameter and drops the handle)
    ///   is a spawn call here too, also for the timers of the fns its task
    ///   calls (`spawn_named("c", async { compact().await })` with the
    ///   interval made in `compact`; `detach(compact())`, also with
    ///   `detach` named otherwise than `spawn…` and defined in another
    ///   file, and a wrapper whose spawn is `rt::runtime().spawn(fut)`),
    ///   and so is `.spawn(…)` on what a fn of
    ///   another file returns when that is a runtime its caller does not
    ///   own (`rt::runtime().spawn(…)`). A handle stored in a struct field is
    ///   kept only if something in the crate reads that field (to abort or
    ///   await it, in a `Drop` or any method), as for `spawn_without_cancel`
    ///   (a read that only asks whether the task still runs stops nothing).
    /// * Case 4 applies to tokio's `interval` / `interval_at` only (the
    ///   intervals of async-io and async-std wait a full period before their
    ///   first tick), in any endless loop that observes no cancellation,
    ///   spawned or not; the interval must be created in that loop's body
    ///   (not in a nested `for`/`while` loop or closure) and ticked
    ///   (`tick`, `poll_tick`, `next`, `poll_next`, `try_next`,
    ///   `select_next_some`) after its creation in the same block, directly
    ///   or through the binding that holds it (also as the value of a block,
    ///   branch or arm bound to it, and as a local such a block ends with:
    ///   `let mut t = { let mut i = interval(d); i.set_missed_tick_behavior(…);
    ///   i };`); an interval moved elsewhere
    ///   (pushed, passed to a fn, rebound) is not followed.
    ///
    /// ### Example
    /// ```rust,ignore
    /// let mut tick = tokio::time::interval(Duration::from_secs(10));
    /// tokio::spawn(async move {
    ///     loop {
    ///         tick.tick().await;
    ///         flush_metrics(&registry).await;
    ///     }
    /// });
    /// ```
    ///
    /// ### Use instead
    /// ```rust,ignore
    /// let mut tick = tokio::time::interval(Duration::from_secs(10));
    /// tokio::spawn(async move {
    ///     loop {
    ///         tokio::select! {
    ///             _ = token.cancelled() => break,
    ///             _ = tick.tick() => flush_metrics(&registry).await,
    ///         }
    ///     }
    /// });
    /// ```
    pub TIMER_NEVER_DROPPED,
    name: "timer_never_dropped",
    level: Warn,
    summary: "a timer is leaked, static, pinned by an endless detached task, or rebuilt on every loop iteration",
    triggers: triggers,
    check: check,
}

/// A timer constructor and the crate it resolves to, and one of the four
/// cases: a leak, a static or lazy initialiser, a spawned endless loop, an
/// interval built in an endless loop.
fn triggers() -> Triggers {
    let leaks: Vec<&str> = LEAKING_CALLS.iter().map(|(path, _)| *path).collect();
    let mut cases = paths::spelled(&[&leaks, LAZY_CONSTRUCTORS]);
    cases.push("static".to_string());
    cases.extend(paths::macro_calls(&["lazy_static", "thread_local"]));
    cases.extend(ONCE_INITS.iter().map(|m| m.to_string()));
    let mut spawns = paths::spawn_words();
    spawns.extend(paths::spawn_wrapper_words());
    cases.extend(paths::and_each(&spawns, &["loop", "while"]));
    // Any repeating timer: built in a loop (case 4: tokio's interval),
    // before the loop of a fn that a task of another file runs, handed by a
    // task to a fn of another file whose loop polls it, or returned to a
    // task's loop in another file (case 3).
    cases.extend(paths::spelled(&[REPEATING_TIMERS]));
    // A one-shot timer pinned before the loop of a fn that a task of
    // another file runs (`let d = sleep(t); tokio::pin!(d); loop { select!
    // { _ = &mut d => … } }`): a sleep is polled in place only pinned.
    let sleeps = paths::spelled(&[&["tokio::time::sleep", "tokio::time::sleep_until"]]);
    let pinned = paths::and_each(&sleeps, &["pin"]);
    cases.extend(paths::and_each(&pinned, &["loop", "while"]));
    Triggers::new(paths::spelled(&[TIMER_CONSTRUCTORS]))
        .requiring(paths::crate_names(&[TIMER_CONSTRUCTORS]))
        .requiring(cases)
}

/// Timers that fire again and again, which only an endless loop polls for
/// good: a task's loop in another file pins one built before it (case 3).
const REPEATING_TIMERS: &[&str] = &[
    "tokio::time::interval",
    "tokio::time::interval_at",
    "tokio_stream::wrappers::IntervalStream::new",
    "async_io::Timer::interval",
    "smol::Timer::interval",
    "async_std::stream::interval",
];

/// Calls whose result owns their only argument.
const OWNING_WRAPPERS: &[&str] = &[
    "std::boxed::Box::new",
    "std::boxed::Box::pin",
    "std::sync::Arc::new",
    "std::rc::Rc::new",
    "std::mem::ManuallyDrop::new",
    "std::sync::Mutex::new",
    "std::sync::RwLock::new",
    "std::cell::RefCell::new",
    "tokio::sync::Mutex::new",
    "tokio::sync::RwLock::new",
    "parking_lot::Mutex::new",
    "parking_lot::RwLock::new",
];

/// Methods whose result owns their receiver (future and stream adapters).
const ADAPTER_METHODS: &[&str] = &[
    "fuse",
    "boxed",
    "boxed_local",
    "map",
    "then",
    "filter",
    "filter_map",
    "peekable",
];

/// Methods that tick a timer or pull from its stream (case 4).
const TICK_METHODS: &[&str] = &[
    "tick",
    "poll_tick",
    "next",
    "poll_next",
    "try_next",
    "select_next_some",
];

/// Lazy cells whose closure's result lives in a static (last two segments).
const LAZY_CONSTRUCTORS: &[&str] = &["Lazy::new", "LazyLock::new", "LazyCell::new"];

/// Methods of `OnceLock` / `OnceCell` that store their closure's result.
const ONCE_INITS: &[&str] = &["get_or_init", "get_or_try_init"];

const HELP_OWNER: &str = "let the timer drop with its owner";

/// Whether the cell `receiver` names is a field of a value (`self.tick`,
/// `limiter.tick`, through `&`) or a local binding, rather than a static.
fn cell_has_an_owner(ctx: &FileContext<'_>, receiver: &Expr) -> bool {
    match receiver {
        Expr::Field(_) => true,
        Expr::Reference(r) => cell_has_an_owner(ctx, &r.expr),
        Expr::Paren(p) => cell_has_an_owner(ctx, &p.expr),
        Expr::Path(p) => p
            .path
            .get_ident()
            .is_some_and(|ident| ctx.binding_of_use(ident).is_some()),
        _ => false,
    }
}
const HELP_TASK: &str = "end the loop on cancellation so the interval is dropped";
const HELP_LOOP: &str = "create the interval once, before the loop";

/// Which numbered case of the rule (its documentation's list) a finding is;
/// lower cases win.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Case {
    Leaked = 1,
    Static = 2,
    PinnedByTask = 3,
    RebuiltInLoop = 4,
}

/// A detached spawn whose task runs a given endless loop.
struct SpawnSite<'v> {
    /// Where the handle is dropped, and how; `None` for the loop of a fn
    /// that the crate's detached tasks may run (the driver decides).
    handle: Option<(proc_macro2::Span, String)>,
    /// The struct field the handle is stored in: the finding holds when
    /// nothing in the crate reads it to stop the task (the crate pass).
    stored_in_field: Option<FieldOf>,
    /// The call whose result the task is spawned on, when that is a fn of
    /// another file: the finding holds when it returns a runtime its
    /// caller does not own (the crate pass).
    runtime_of: Option<Span>,
    /// A call of a fn that may be a spawn wrapper, and the index of the
    /// task's argument: the finding holds when it is one (the crate pass).
    wrapper: Option<(crate::Span, usize)>,
    /// For a task body that is a fn of this file: its parameter names and
    /// the arguments the spawn passes to them.
    params: Vec<(String, &'v Expr)>,
    /// The ancestors from which to follow those arguments.
    arg_ancestors: Vec<Node<'v>>,
    /// The fn whose every call starts the task, when that decides whether
    /// the task lives as long as the process (see `Finding::moot_if`),
    /// and the spawn, in that fn.
    moot_if: Option<(String, crate::Span)>,
    /// How many calls deep the driver looks for the task (`call_depth`).
    depth: usize,
    /// Whether the loop is in a fn that `loop_fn` calls, lending it what it
    /// polls: only the timers it is given count. The callee's own timers
    /// are its loop's, a call deeper (`call_depth` counts that call).
    given_only: bool,
    /// For a task body that is a method of this file taking `self`
    /// (`spawn(hb.run())`): the type whose fields `self.every.tick()` polls.
    self_type: Option<String>,
    /// For the loop of a fn that the crate's detached tasks may run
    /// (`handle` is `None`): the fn's name, where the crate pass looks for
    /// the tasks (the timer may be made in another fn: a struct's
    /// constructor, a helper that returns it).
    loop_fn: Option<crate::Span>,
}

/// What the walk of a file saw that case 3 reads for timers kept in
/// struct fields: every struct literal (with its ancestors) and every poll
/// of a field of `self` (`self.every.tick()`: field, span of the poll).
/// A tuple struct's fields are named by their index (`self.0`: `"0"`).
#[derive(Default)]
struct FieldTimers<'v> {
    literals: Vec<(&'v syn::ExprStruct, Vec<Node<'v>>)>,
    /// Calls that may build a tuple struct (`Warmer(interval(d), keys)`,
    /// `Self(…)`): a path whose last segment starts in upper case.
    tuple_literals: Vec<(&'v syn::ExprCall, Vec<Node<'v>>)>,
    polls: Vec<(String, proc_macro2::Span)>,
}

impl<'v> FieldTimers<'v> {
    fn see(&mut self, expr: &'v Expr, ancestors: &[Node<'v>]) {
        match expr {
            Expr::Struct(s) => self.literals.push((s, ancestors.to_vec())),
            Expr::Call(c) if tuple_constructor(c).is_some() => {
                self.tuple_literals.push((c, ancestors.to_vec()));
            }
            Expr::MethodCall(m) if !NON_POLL_METHODS.contains(&m.method.to_string().as_str()) => {
                if let Some(field) = self_field(&m.receiver) {
                    self.polls.push((field, m.span()));
                }
            }
            Expr::Await(a) => {
                if let Some(field) = self_field(&a.base) {
                    self.polls.push((field, a.span()));
                }
            }
            _ => {}
        }
    }

    /// The timers that struct literals of `ty` put in `field`: `Heartbeat {
    /// every: interval(d), .. }`, or `Self { .. }` in `impl Heartbeat`.
    fn timers_in(&self, ctx: &'v FileContext<'_>, ty: &str, field: &str) -> Vec<&'v Expr> {
        let mut timers = Vec::new();
        for (literal, ancestors) in &self.literals {
            let Some(named) = literal.path.segments.last().map(|s| s.ident.to_string()) else {
                continue;
            };
            let is_ty = named == ty
                || (named == "Self" && ctx.self_type_at(ancestors).as_deref() == Some(ty));
            if !is_ty {
                continue;
            }
            for f in &literal.fields {
                if member_name(&f.member) == field {
                    timer_origins(ctx, &f.expr, ancestors, 0, &mut timers);
                }
            }
        }
        let Ok(index) = field.parse::<usize>() else {
            return timers;
        };
        for (call, ancestors) in &self.tuple_literals {
            let is_ty = match tuple_constructor(call).as_deref() {
                Some("Self") => ctx.self_type_at(ancestors).as_deref() == Some(ty),
                named => named == Some(ty),
            };
            if let (true, Some(arg)) = (is_ty, call.args.iter().nth(index)) {
                timer_origins(ctx, arg, ancestors, 0, &mut timers);
            }
        }
        timers
    }
}

/// The type a call may build as a tuple struct (`Warmer(…)`, `Self(…)`):
/// the last segment of its path, when that starts in upper case (`Some`,
/// `Ok` and enum variants too, which name no struct with timer fields).
fn tuple_constructor(c: &syn::ExprCall) -> Option<String> {
    let Expr::Path(p) = &*c.func else { return None };
    let name = p.path.segments.last()?.ident.to_string();
    name.starts_with(char::is_uppercase).then_some(name)
}

/// A field's name: its identifier, or a tuple struct's index (`"0"`).
fn member_name(member: &syn::Member) -> String {
    match member {
        syn::Member::Named(name) => name.to_string(),
        syn::Member::Unnamed(index) => index.index.to_string(),
    }
}

/// The field of `self` that `e` is (`self.every`, `&mut self.every`,
/// `self.0`).
fn self_field(e: &Expr) -> Option<String> {
    match e {
        Expr::Paren(p) => self_field(&p.expr),
        Expr::Reference(r) => self_field(&r.expr),
        Expr::Field(f) => match &*f.base {
            Expr::Path(p) if p.path.is_ident("self") => Some(member_name(&f.member)),
            _ => None,
        },
        _ => None,
    }
}

/// For a task that is a method call on a value of a type of this file
/// (`spawn(hb.run())` with `let hb = Heartbeat::new(p)`,
/// `spawn(Poller::new(w).run())`), the method's body and the type: the
/// type is known from `Type::new(…)` / `Type::default()` or a literal,
/// directly or through the `let` that binds the receiver.
fn method_task_of_local_type<'v>(
    ctx: &'v FileContext<'_>,
    call: &'v Expr,
    ancestors: &[Node<'v>],
) -> Option<(&'v syn::Block, String)> {
    let Expr::MethodCall(m) = call else {
        return None;
    };
    let mut receiver: &Expr = &m.receiver;
    let mut from = ancestors.to_vec();
    let ty = loop {
        match receiver {
            Expr::Paren(p) => receiver = &p.expr,
            Expr::Struct(s) => break type_path_names(ctx, &s.path).pop()?,
            Expr::Call(c) => match &*c.func {
                Expr::Path(p) => break constructed_type(&type_path_names(ctx, &p.path))?,
                _ => return None,
            },
            Expr::Path(p) => {
                let site = ctx.binding_site(p.path.get_ident()?, &from)?;
                receiver = site.init;
                from = site.ancestors;
            }
            _ => return None,
        }
    };
    let name = m.method.to_string();
    let mut methods = (ctx.local_fns(&name).iter()).filter(|f| {
        f.sig.receiver().is_some()
            && f.self_ty.and_then(impl_type_name).as_deref() == Some(ty.as_str())
    });
    let method = methods.next()?;
    if methods.next().is_some() {
        return None;
    }
    Some((method.block, ty))
}

/// For a task body that is the block of a method of this file taking
/// `self`, the method's `Self` type.
fn task_self_type(ctx: &FileContext<'_>, block: &syn::Block) -> Option<String> {
    let f = (ctx.local_methods()).find(|f| std::ptr::eq(f.block, block))?;
    f.sig.receiver()?;
    impl_type_name(f.self_ty?)
}

/// Findings by timer constructor, keeping the lowest case per timer.
///
/// Within that case, a finding that holds whatever the crate says wins;
/// else every finding that holds only if the crate agrees is kept (one
/// task started once from `main`, another per connection: the crate pass
/// drops the first, and keeps one of those left).
#[derive(Default)]
struct Report {
    by_timer: HashMap<ExprKey, (Case, Vec<Finding>)>,
}

impl Report {
    fn add(&mut self, case: Case, timer: &Expr, finding: Finding) {
        let key = expr_key(timer);
        let holds = |f: &Finding| f.moot_if.is_none() && f.follow.is_none();
        match self.by_timer.get_mut(&key) {
            Some((existing, _)) if *existing < case => {}
            Some((existing, found)) if *existing == case => {
                if found.iter().any(holds) {
                    return;
                }
                if holds(&finding) {
                    *found = vec![finding];
                } else if !found.contains(&finding) {
                    found.push(finding);
                }
            }
            _ => {
                self.by_timer.insert(key, (case, vec![finding]));
            }
        }
    }

    /// The findings, in source order.
    fn findings(self) -> Vec<Finding> {
        let mut findings: Vec<Finding> = self.by_timer.into_values().flat_map(|(_, f)| f).collect();
        findings.sort_by_key(|f| (f.span.start.byte, f.span.end.byte));
        findings
    }
}

fn check(ctx: &FileContext<'_>, options: &LintOptions) -> Vec<Finding> {
    let mut report = Report::default();
    let mut pinning: HashMap<ExprKey, Vec<SpawnSite<'_>>> = HashMap::new();
    // Every loop with its ancestors and its place in the walk, for the
    // loops a detached task is found to run (perhaps before its spawn).
    let mut loops: HashMap<ExprKey, (usize, &Expr, Vec<Node<'_>>)> = HashMap::new();
    let mut field_timers = FieldTimers::default();
    ctx.walk_exprs(|expr, ancestors| {
        field_timers.see(expr, ancestors);
        if matches!(expr, Expr::Loop(_) | Expr::While(_) | Expr::ForLoop(_)) {
            let order = loops.len();
            loops.insert(expr_key(expr), (order, expr, ancestors.to_vec()));
        }
        if is_reported_constructor(ctx, expr, ancestors) {
            if let Some(finding) = static_timer(ctx, expr, ancestors) {
                report.add(Case::Static, expr, finding);
            }
            if let Some(finding) = rebuilt_interval(ctx, expr, ancestors) {
                report.add(Case::RebuiltInLoop, expr, finding);
            }
        }
        leaked_timers(ctx, expr, ancestors, &mut report);
        detached_loops(ctx, expr, ancestors, options, &mut pinning, &mut report);
    });
    fn_loops(ctx, options.call_depth, &mut pinning);
    let mut pinned: Vec<_> = pinning
        .iter()
        .filter_map(|(key, sites)| Some((loops.get(key)?, sites)))
        .collect();
    pinned.sort_by_key(|((order, _, _), _)| *order);
    for ((_, expr, ancestors), sites) in pinned {
        timers_pinned_by(
            ctx,
            expr,
            ancestors,
            sites,
            &field_timers,
            options,
            &mut report,
        );
    }
    timers_returned_to_callers(ctx, options, &mut report);
    report.findings()
}

/// Whether `expr` is a timer constructor call that is reported for itself:
/// not an `IntervalStream::new(t)` over a timer `t` built by another
/// constructor (that timer is reported instead).
fn is_reported_constructor<'v>(
    ctx: &'v FileContext<'_>,
    expr: &'v Expr,
    ancestors: &[Node<'v>],
) -> bool {
    let Expr::Call(call) = expr else { return false };
    if !ctx.callee_is(&call.func, TIMER_CONSTRUCTORS) {
        return false;
    }
    if ctx.callee_is(&call.func, INTERVAL_STREAM) && call.args.len() == 1 {
        let mut inner = Vec::new();
        timer_origins(ctx, &call.args[0], ancestors, 0, &mut inner);
        return inner.is_empty();
    }
    true
}

/// The timer constructor calls that `expr`'s value owns: following `let`
/// bindings, owning wrappers, adapters, `pin!`, struct and tuple literals.
fn timer_origins<'v>(
    ctx: &'v FileContext<'_>,
    expr: &'v Expr,
    ancestors: &[Node<'v>],
    depth: usize,
    out: &mut Vec<&'v Expr>,
) {
    if depth > 16 {
        return;
    }
    let follow =
        |e: &'v Expr, out: &mut Vec<&'v Expr>| timer_origins(ctx, e, ancestors, depth + 1, out);
    match expr {
        Expr::Paren(p) => follow(&p.expr, out),
        Expr::Group(g) => follow(&g.expr, out),
        Expr::Call(call) => {
            if ctx.callee_is(&call.func, INTERVAL_STREAM) && call.args.len() == 1 {
                let before = out.len();
                follow(&call.args[0], out);
                if out.len() == before {
                    out.push(expr);
                }
            } else if ctx.callee_is(&call.func, TIMER_CONSTRUCTORS) {
                out.push(expr);
            } else if call.args.len() == 1 && ctx.callee_is(&call.func, OWNING_WRAPPERS) {
                follow(&call.args[0], out);
            } else if let Some(helper) = ctx.called_local_fn(&call.func) {
                // A fn of this file that returns a timer it makes (`fn
                // ticker() -> Interval { interval(d) }`).
                returned_timer_origins(ctx, helper.block, depth + 1, out);
            }
        }
        Expr::MethodCall(m) if ADAPTER_METHODS.contains(&m.method.to_string().as_str()) => {
            follow(&m.receiver, out)
        }
        Expr::Macro(m) if m.mac.path.segments.last().is_some_and(|s| s.ident == "pin") => {
            if let MacroBody::Exprs(exprs) = ctx.macro_body(&m.mac) {
                if let [only] = exprs.as_slice() {
                    follow(only, out);
                }
            }
        }
        Expr::Struct(s) => s.fields.iter().for_each(|f| follow(&f.expr, out)),
        Expr::Tuple(t) => t.elems.iter().for_each(|e| follow(e, out)),
        // The value of a block, of either branch of an `if`, of any arm of a
        // `match`: `let mut iv = { let mut i = interval(d); i.set_…(…); i };`.
        Expr::Block(b) if b.label.is_none() => {
            if let Some(tail) = block_tail(ctx, &b.block) {
                follow(tail, out);
            }
        }
        Expr::If(i) => {
            if let Some(tail) = block_tail(ctx, &i.then_branch) {
                follow(tail, out);
            }
            if let Some((_, otherwise)) = &i.else_branch {
                follow(otherwise, out);
            }
        }
        Expr::Match(m) => m.arms.iter().for_each(|arm| follow(&arm.body, out)),
        Expr::Path(p) if p.qself.is_none() => {
            let Some(ident) = p.path.get_ident() else {
                return;
            };
            if let Some(site) = ctx.binding_site(ident, ancestors) {
                timer_origins(ctx, site.init, &site.ancestors, depth + 1, out);
            }
        }
        _ => {}
    }
}

/// The timer constructor calls whose value the fn body `block` returns:
/// by its last expression or by `return`.
fn returned_timer_origins<'v>(
    ctx: &'v FileContext<'_>,
    block: &'v syn::Block,
    depth: usize,
    out: &mut Vec<&'v Expr>,
) {
    let inside = [Node::Block(block)];
    if let Some(tail) = block_tail(ctx, block) {
        timer_origins(ctx, tail, &inside, depth, out);
    }
    ctx.for_each_expr(block, |e| {
        if let Expr::Return(syn::ExprReturn {
            expr: Some(value), ..
        }) = e
        {
            timer_origins(ctx, value, &inside, depth, out);
        }
        ControlFlow::<(), Descend>::Continue(Descend::unless_deferred(e))
    });
}

/// Case 3 for a timer that a fn of this file makes and returns (`pub fn
/// every(d: Duration) -> Interval { interval(d) }`): it holds when a
/// caller in the crate, in a detached task, binds it and polls it in an
/// endless loop (the crate pass looks; a caller in this file is also
/// followed by [`timer_origins`]). Only timers that fire again and again:
/// a returned `sleep` is done after one poll.
fn timers_returned_to_callers(ctx: &FileContext<'_>, options: &LintOptions, report: &mut Report) {
    struct Fns<'c, 'v, 'a> {
        ctx: &'v FileContext<'a>,
        options: &'c LintOptions,
        report: &'c mut Report,
    }
    impl<'v> Fns<'_, 'v, '_> {
        fn body(&mut self, sig: &'v syn::Signature, block: &'v syn::Block) {
            if matches!(sig.output, syn::ReturnType::Default)
                || self.ctx.in_test_code(self.ctx.span_of(&sig.ident))
            {
                return;
            }
            let mut timers = Vec::new();
            returned_timer_origins(self.ctx, block, 0, &mut timers);
            let repeating = |t: &&Expr| matches!(t, Expr::Call(c) if self.ctx.callee_is(&c.func, REPEATING_TIMERS));
            for timer in timers.into_iter().filter(repeating) {
                // A timer a task of this file pins is reported for that task.
                if self.report.by_timer.contains_key(&expr_key(timer)) {
                    continue;
                }
                let finding = Finding::new(
                    TIMER_NEVER_DROPPED.name,
                    self.ctx.span_of(timer),
                    "timer is pinned by a detached task that loops forever, so it is never dropped",
                )
                .help(HELP_TASK)
                .waits_for_crate(self.options.call_depth, |f| {
                    f.timer_returned = true;
                    f.process_lifetime_reported = self.options.report_process_lifetime;
                });
                self.report.add(Case::PinnedByTask, timer, finding);
            }
        }
    }
    impl<'v> Visit<'v> for Fns<'_, 'v, '_> {
        fn visit_item_fn(&mut self, f: &'v syn::ItemFn) {
            self.body(&f.sig, &f.block);
            syn::visit::visit_item_fn(self, f);
        }
        fn visit_impl_item_fn(&mut self, f: &'v syn::ImplItemFn) {
            self.body(&f.sig, &f.block);
            syn::visit::visit_impl_item_fn(self, f);
        }
    }
    Fns {
        ctx,
        options,
        report,
    }
    .visit_file(ctx.file);
}

/// Case 1: a leaking call whose argument owns timers.
fn leaked_timers<'v>(
    ctx: &'v FileContext<'_>,
    expr: &'v Expr,
    ancestors: &[Node<'v>],
    report: &mut Report,
) {
    let Expr::Call(call) = expr else { return };
    if call.args.len() != 1 {
        return;
    }
    let Some((_, how)) = LEAKING_CALLS
        .iter()
        .find(|(path, _)| ctx.callee_is(&call.func, &[path]))
    else {
        return;
    };
    let mut timers = Vec::new();
    timer_origins(ctx, &call.args[0], ancestors, 0, &mut timers);
    for timer in timers {
        report.add(
            Case::Leaked,
            timer,
            Finding::new(TIMER_NEVER_DROPPED.name, ctx.span_of(timer), "timer is leaked, so it is never dropped")
                .note(ctx.span_of(expr), format!("{how} leaks it here: it keeps its slot in the timer wheel for the life of the process"))
                .help(HELP_OWNER),
        );
    }
}

/// Case 2: a timer created in a static or a lazy initialiser.
fn static_timer<'v>(
    ctx: &'v FileContext<'_>,
    timer: &'v Expr,
    ancestors: &[Node<'v>],
) -> Option<Finding> {
    // A timer awaited where it is made is finished there, not stored.
    let mut child = timer;
    let mut awaited_checked = false;
    for (i, node) in ancestors.iter().enumerate().rev() {
        // A closure or async block inside the initializer (a task it spawns,
        // a factory it stores) makes the timer later, and owns it: only the
        // initializer's own closure argument runs as the initialiser.
        if let Node::Expr(Expr::Closure(_) | Expr::Async(_)) = node {
            // tokio's `get_or_init(|| async { … })`: the closure's own future.
            let mut at = i;
            while let (Some(Node::Expr(Expr::Closure(c))), Node::Expr(body @ Expr::Async(_))) =
                (at.checked_sub(1).map(|p| &ancestors[p]), &ancestors[at])
            {
                if !std::ptr::eq(&*c.body, *body) {
                    break;
                }
                at -= 1;
            }
            let Node::Expr(closure) = &ancestors[at] else {
                return None;
            };
            let is_argument = match at.checked_sub(1).map(|p| &ancestors[p]) {
                Some(Node::Expr(Expr::Call(call))) => {
                    is_lazy_init(ctx, &call.func)
                        && call.args.iter().any(|a| std::ptr::eq(a, *closure))
                }
                Some(Node::Expr(Expr::MethodCall(m))) => {
                    ONCE_INITS.contains(&m.method.to_string().as_str())
                        && m.args.iter().any(|a| std::ptr::eq(a, *closure))
                }
                _ => false,
            };
            if !is_argument {
                return None;
            }
        }
        let holder: Option<(Span, String)> = match node {
            Node::Static(s) => Some((
                ctx.span(s.ident.span()),
                format!("`static {}` keeps it until the process exits", s.ident),
            )),
            Node::Macro(m) => {
                let name = m
                    .path
                    .segments
                    .last()
                    .map(|s| s.ident.to_string())
                    .unwrap_or_default();
                (name == "lazy_static" || name == "thread_local").then(|| {
                    (
                        ctx.span_of(&m.path),
                        format!("`{name}!` keeps it until the process (or thread) exits"),
                    )
                })
            }
            Node::Expr(Expr::Call(call)) => is_lazy_init(ctx, &call.func).then(|| {
                (
                    ctx.span_of(&*call.func),
                    "this lazy initialiser stores it for the life of the process".to_string(),
                )
            }),
            // A cell that a struct or a local holds dies with its owner: the
            // timer is dropped with it (`self.tick.get_or_init(…)`).
            Node::Expr(Expr::MethodCall(m))
                if ONCE_INITS.contains(&m.method.to_string().as_str())
                    && !std::ptr::eq(&*m.receiver, child)
                    && !cell_has_an_owner(ctx, &m.receiver) =>
            {
                Some((
                    ctx.span(m.method.span()),
                    format!(
                        "`{}` stores it in the cell for the life of the cell",
                        m.method
                    ),
                ))
            }
            Node::ItemFn(_) | Node::ImplFn(_) | Node::TraitFn(_) | Node::Const(_) => return None,
            _ => None,
        };
        if let Some((at, note)) = holder {
            return Some(
                Finding::new(
                    TIMER_NEVER_DROPPED.name,
                    ctx.span_of(timer),
                    "timer is created in a static or lazy initialiser, so it is never dropped",
                )
                .note(at, note)
                .help(HELP_OWNER),
            );
        }
        if !awaited_checked {
            match node {
                Node::Expr(Expr::Paren(_)) => {}
                Node::Expr(Expr::Await(_)) => return None,
                _ => awaited_checked = true,
            }
        }
        if let Node::Expr(parent) = node {
            child = parent;
        }
    }
    None
}

/// Whether `func` makes a lazy value or runs a once-cell's initialiser
/// (`Lazy::new`, `LazyLock::new`, a free `get_or_init`).
fn is_lazy_init(ctx: &FileContext<'_>, func: &Expr) -> bool {
    resolved_tail(ctx, func, 2).is_some_and(|t| LAZY_CONSTRUCTORS.contains(&t.as_str()))
        || resolved_tail(ctx, func, 1).is_some_and(|t| ONCE_INITS.contains(&t.as_str()))
}

/// The last `n` segments of a callee path after resolution (`Lazy::new`).
fn resolved_tail(ctx: &FileContext<'_>, func: &Expr, n: usize) -> Option<String> {
    let Expr::Path(p) = func else { return None };
    if p.qself.is_some() {
        return None;
    }
    let resolved = ctx.resolve(&p.path)?;
    let segments: Vec<&str> = resolved.split("::").collect();
    (segments.len() >= n).then(|| segments[segments.len() - n..].join("::"))
}

/// Case 4: a tokio interval created in an endless loop's body and ticked
/// in the same iteration.
fn rebuilt_interval<'v>(
    ctx: &'v FileContext<'_>,
    timer: &'v Expr,
    ancestors: &[Node<'v>],
) -> Option<Finding> {
    let Expr::Call(call) = timer else { return None };
    if !ctx.callee_is(&call.func, TOKIO_INTERVALS) {
        return None;
    }
    let (loop_expr, keyword) = innermost_loop(timer, ancestors)?;
    if !ctx.is_endless_loop(loop_expr) || ctx.observes_cancellation(loop_expr) {
        return None;
    }
    let tick = tick_in_same_iteration(ctx, timer, ancestors)?;
    Some(
        Finding::new(TIMER_NEVER_DROPPED.name, ctx.span_of(timer), "interval is rebuilt on every iteration of an endless loop")
            .note(ctx.span(keyword), "this loop never ends, and builds a new interval on every iteration")
            .note(ctx.span(tick), "ticked here in the same iteration: the first tick of a new interval completes at once, so the loop never waits")
            .help(HELP_LOOP),
    )
}

/// The loop whose every iteration evaluates `expr`, if the closest one is
/// not behind a closure, async block or item; with its keyword's span.
fn innermost_loop<'v>(
    expr: &'v Expr,
    ancestors: &[Node<'v>],
) -> Option<(&'v Expr, proc_macro2::Span)> {
    let mut child = expr;
    for node in ancestors.iter().rev() {
        match node {
            Node::Expr(e) => {
                match e {
                    Expr::Loop(l) => return Some((e, l.loop_token.span)),
                    Expr::While(w) => return Some((e, w.while_token.span)),
                    // The iterable of a `for` is evaluated once, before its iterations.
                    Expr::ForLoop(f) if !std::ptr::eq(&*f.expr, child) => return None,
                    Expr::Closure(_) | Expr::Async(_) => return None,
                    _ => {}
                }
                child = e;
            }
            node if node.is_item() => return None,
            _ => {}
        }
    }
    None
}

/// Where a freshly built interval is ticked (`tick`, `next`, …) in the
/// block it is built in: directly (`interval(d).tick()`), through
/// `IntervalStream::new` / owning wrappers / adapters, or through the
/// binding it is stored in.
fn tick_in_same_iteration<'v>(
    ctx: &'v FileContext<'_>,
    timer: &'v Expr,
    ancestors: &[Node<'v>],
) -> Option<proc_macro2::Span> {
    let mut current = timer;
    let mut i = ancestors.len();
    while i > 0 {
        i -= 1;
        match &ancestors[i] {
            // The value of a block, a branch or an arm is the value of what
            // holds it (`let mut iv = { interval(d) };`).
            Node::Stmt(syn::Stmt::Expr(e, None)) if std::ptr::eq(e, current) => {}
            Node::Block(block) if ends_with(block, current) => {}
            Node::Arm(arm) if std::ptr::eq(&*arm.body, current) => {}
            Node::Expr(parent) => match parent {
                Expr::Paren(_) => current = parent,
                Expr::Block(b) if b.label.is_none() && ends_with(&b.block, current) => {
                    current = parent
                }
                Expr::If(i)
                    if ends_with(&i.then_branch, current)
                        || i.else_branch
                            .as_ref()
                            .is_some_and(|(_, e)| std::ptr::eq(&**e, current)) =>
                {
                    current = parent
                }
                Expr::Match(m) if m.arms.iter().any(|a| std::ptr::eq(&*a.body, current)) => {
                    current = parent
                }
                Expr::Call(c)
                    if c.args.len() == 1
                        && std::ptr::eq(&c.args[0], current)
                        && (ctx.callee_is(&c.func, INTERVAL_STREAM)
                            || ctx.callee_is(&c.func, OWNING_WRAPPERS)) =>
                {
                    current = parent
                }
                Expr::MethodCall(m) if std::ptr::eq(&*m.receiver, current) => {
                    let method = m.method.to_string();
                    if ADAPTER_METHODS.contains(&method.as_str()) {
                        current = parent;
                    } else if TICK_METHODS.contains(&method.as_str()) {
                        return Some(m.method.span());
                    } else {
                        return None;
                    }
                }
                _ => return None,
            },
            Node::Local(local) => {
                let ident = pat_ident(&local.pat)?;
                // A local the block ends with is the block's value: `let mut
                // t = { let mut i = interval(d); i.set_missed_tick_behavior(…);
                // i };` ticks `t`.
                if let (Some(Node::Stmt(_)), Some(Node::Block(block))) = (
                    ancestors.get(i.wrapping_sub(1)),
                    ancestors.get(i.wrapping_sub(2)),
                ) {
                    if let Some(syn::Stmt::Expr(tail @ Expr::Path(p), None)) = block.stmts.last() {
                        if p.qself.is_none() && p.path.is_ident(ident) {
                            current = tail;
                            i -= 1;
                            continue;
                        }
                    }
                }
                let after = ctx.stmts_after(&ancestors[..i])?;
                let tick = ctx
                    .references_of_pat(ident)
                    .iter()
                    .find(|m| {
                        m.kind == MentionKind::MethodReceiver
                            && m.method
                                .as_ref()
                                .is_some_and(|m| TICK_METHODS.contains(&m.to_string().as_str()))
                    })
                    .map(|m| m.span)?;
                // Ticked in a loop of its own (`loop { select! { _ =
                // iv.tick() => … } }`): the interval outlives many ticks
                // and is rebuilt only when that inner loop ends.
                let in_inner_loop = after.iter().any(|stmt| {
                    ctx.any_expr(stmt, |e| {
                        let body = match e {
                            Expr::Loop(l) => &l.body,
                            Expr::While(w) => &w.body,
                            Expr::ForLoop(f) => &f.body,
                            _ => return false,
                        };
                        span_within(tick, body.brace_token.span.join())
                    })
                });
                return (!in_inner_loop).then_some(tick);
            }
            _ => return None,
        }
    }
    None
}

/// Case 3, first half: a detached spawn whose task runs endless loops that
/// observe no cancellation; records the loops to look at.
fn detached_loops<'v>(
    ctx: &'v FileContext<'_>,
    expr: &'v Expr,
    ancestors: &[Node<'v>],
    options: &LintOptions,
    pinning: &mut HashMap<ExprKey, Vec<SpawnSite<'v>>>,
    report: &mut Report,
) {
    // A spawn call, `.spawn(…)` on what a fn of another file returns, or a
    // call of a fn of the crate that may be a spawn wrapper (for the last
    // two, the crate pass decides).
    let mut runtime_of = None;
    let (spawn, wrapper, arg) = match ctx.spawn_call(expr, ancestors, options) {
        Some(spawn) => {
            let arg = spawn.arg;
            (Some(spawn), None, arg)
        }
        None => match ctx.spawn_on_crate_runtime(expr, ancestors) {
            Some((spawn, call)) => {
                runtime_of = Some(call);
                let arg = spawn.arg;
                (Some(spawn), None, arg)
            }
            None => match ctx.spawn_wrapper_call(expr, ancestors) {
                Some(call) => (None, Some((ctx.span_of(expr), call.index)), call.arg),
                None => return,
            },
        },
    };
    // A test's task ends with the test: the timer it pins is reported for
    // production tasks only (as the crate summaries skip test code).
    if ctx.expr_in_test_code(expr) {
        return;
    }
    // As in spawn_without_cancel: a process-lifetime task pins its timer
    // for as long as it is needed.
    let Some(moot_if) = ctx.task_moot_if(expr, ancestors, options) else {
        return;
    };
    let Some(task) = ctx.task_body(arg, ancestors) else {
        return;
    };
    let loops: Vec<_> = ctx
        .task_loops(&task)
        .into_iter()
        .filter(|l| !l.wrapped && !l.observes_cancellation)
        .collect();
    let callees = match (task.body, task.wrapped) {
        (TaskBody::Expr(body), false) => {
            callees_of_statements(ctx, statements_run(expr, body, ancestors))
        }
        // A fn of this file (`spawn(poll_source(src))`) that lends a timer it
        // makes to a looping fn of this file: its statements run in the task.
        (TaskBody::Fn(block), false) => callees_of_statements(ctx, statements_of_block(block, &[])),
        _ => Vec::new(),
    };
    // A method of a type of this file, on a value of that type: its loops
    // may poll timers the type's fields hold.
    let method = match (task.body, task.wrapped) {
        (TaskBody::Call(call), false) => method_task_of_local_type(ctx, call, ancestors),
        _ => None,
    };
    let method_loops =
        (method.as_ref()).map_or_else(Vec::new, |(block, _)| endless_loops(ctx, block));
    let remote = match task.wrapped {
        false => calls_handed_timers(ctx, expr, task.body, ancestors),
        true => Vec::new(),
    };
    if loops.is_empty() && callees.is_empty() && method_loops.is_empty() && remote.is_empty() {
        return;
    }
    let mut stored_in_field = None;
    let handle = match &spawn {
        Some(spawn) => {
            if let Some(runtime) = spawn.runtime {
                if ctx.runtime_is_owned(runtime, ancestors) {
                    return;
                }
            } else if spawn.kind == SpawnKind::Task && ctx.spawned_inside_local_runtime(ancestors) {
                return;
            }
            if spawn.detached {
                let at = match spawn.expr {
                    Expr::MethodCall(m) => m.method.span(),
                    other => other.span(),
                };
                (at, "`.detach()` gives up the task's handle".to_string())
            } else {
                match ctx.handle_disposition(spawn.expr, ancestors) {
                    // Stored in a field: kept only if something in the crate
                    // reads the field to stop the task, as for
                    // `spawn_without_cancel`.
                    Handle::Kept => {
                        let Some((field, at)) = ctx.stored_in_field(spawn.expr, ancestors) else {
                            return;
                        };
                        let note = format!("the JoinHandle is stored in field `{}`, which nothing aborts, awaits or hands on: dropping its owner detaches the task", field.name);
                        stored_in_field = Some(field);
                        (at, note)
                    }
                    Handle::Discarded { at, note } => (at, note.to_string()),
                }
            }
        }
        None => (
            expr.span(),
            "this call hands the task to a fn of the crate that spawns it".to_string(),
        ),
    };
    let (params, arg_ancestors) = match task.body {
        TaskBody::Fn(block) => fn_task_params(ctx, arg, block, ancestors),
        TaskBody::Expr(_) | TaskBody::Call(_) => (Vec::new(), Vec::new()),
    };
    let self_type = match task.body {
        TaskBody::Fn(block) => task_self_type(ctx, block),
        _ => method.as_ref().map(|(_, ty)| ty.clone()),
    };
    let site = |params: Vec<(String, &'v Expr)>,
                arg_ancestors: Vec<Node<'v>>,
                self_type: Option<String>| SpawnSite {
        self_type,
        loop_fn: None,
        handle: Some(handle.clone()),
        stored_in_field: stored_in_field.clone(),
        runtime_of,
        wrapper,
        params,
        arg_ancestors,
        moot_if: moot_if.clone().map(|f| (f, ctx.call_span(expr))),
        depth: options.call_depth,
        given_only: false,
    };
    for l in loops {
        (pinning.entry(expr_key(l.expr)).or_default()).push(site(
            params.clone(),
            arg_ancestors.clone(),
            self_type.clone(),
        ));
    }
    for l in method_loops {
        (pinning.entry(expr_key(l.expr)).or_default()).push(site(
            Vec::new(),
            Vec::new(),
            self_type.clone(),
        ));
    }
    for callee in callees {
        for l in callee.loops {
            (pinning.entry(expr_key(l.expr)).or_default()).push(site(
                callee.params.clone(),
                callee.arg_ancestors.clone(),
                callee.self_type.clone(),
            ));
        }
    }
    for call in remote {
        let site = site(Vec::new(), Vec::new(), None);
        for (arg, timer) in call.timers {
            let finding = Finding::new(
                TIMER_NEVER_DROPPED.name,
                ctx.span_of(timer),
                "timer is pinned by a detached task that loops forever, so it is never dropped",
            )
            .note(
                ctx.span_of(call.call),
                "the task hands the timer to this fn of the crate, whose loop never ends and polls it",
            )
            .help(HELP_TASK)
            .waits_for_crate(options.call_depth, |f| {
                f.timer_polled_by = Some((ctx.call_span(call.call), arg, call.method_syntax));
            });
            report.add(
                Case::PinnedByTask,
                timer,
                with_site(ctx, finding, &site, options),
            );
        }
    }
}

/// A call of a fn of the crate in another file, given timers: the task
/// itself (`spawn(jobs::drive(tick, queue))`) or a statement of the task's
/// async block (`jobs::drive(tick, queue).await;`, `syncer.drive(&mut
/// tick).await;`). Whether the fn's endless loop polls them is for the
/// crate pass ([`crate::Follow::timer_polled_by`]).
struct CallHandedTimers<'v> {
    call: &'v Expr,
    /// Written as a method call (the receiver is not an argument).
    method_syntax: bool,
    /// The timers the arguments hold, by the argument's index.
    timers: Vec<(usize, &'v Expr)>,
}

/// The [`CallHandedTimers`] of the task `body` spawned by `spawn`.
fn calls_handed_timers<'v>(
    ctx: &'v FileContext<'_>,
    spawn: &'v Expr,
    body: TaskBody<'v>,
    ancestors: &[Node<'v>],
) -> Vec<CallHandedTimers<'v>> {
    let mut at_spawn = ancestors.to_vec();
    at_spawn.push(Node::Expr(spawn));
    let calls: Vec<(&'v Expr, Vec<Node<'v>>)> = match body {
        TaskBody::Call(call) => vec![(call, at_spawn)],
        TaskBody::Expr(body) => statements_run(spawn, body, ancestors),
        TaskBody::Fn(_) => Vec::new(),
    };
    let mut found = Vec::new();
    for (call, within) in calls {
        let (args, method_syntax) = match call {
            Expr::Call(c) if ctx.names_fn_of_other_file(&c.func) => (&c.args, false),
            // A method, of this file or another: the crate pass finds it
            // by the receiver's type.
            Expr::MethodCall(m)
                if crate::context::follow::receiver_type_may_be_known(&m.receiver) =>
            {
                (&m.args, true)
            }
            _ => continue,
        };
        let mut timers = Vec::new();
        for (index, arg) in args.iter().enumerate() {
            // A timer lent (`drive(&mut tick)`) is as pinned as one given.
            let arg = match arg {
                Expr::Reference(r) => &*r.expr,
                other => other,
            };
            let mut held = Vec::new();
            timer_origins(ctx, arg, &within, 0, &mut held);
            timers.extend(held.into_iter().map(|t| (index, t)));
        }
        if !timers.is_empty() {
            found.push(CallHandedTimers {
                call,
                method_syntax,
                timers,
            });
        }
    }
    found
}

/// The endless loops of a fn's body that observe no cancellation (as a
/// task's body, see [`FileContext::task_shape_of_block`]).
fn endless_loops<'v>(
    ctx: &'v FileContext<'_>,
    block: &'v syn::Block,
) -> Vec<crate::context::loops::LoopSite<'v>> {
    (ctx.task_shape_of_block(block, false).loops.into_iter())
        .filter(|l| !l.wrapped && !l.observes_cancellation)
        .collect()
}

/// A fn of this file that a task body calls as one of its statements
/// (`publish_every(iv).await;`), with the endless loops of the fn (observing
/// no cancellation) and the body's values it is given: a timer made in the
/// task and handed to a fn that polls it in such a loop is pinned by the
/// task as one polled in the body's own loop.
///
/// A method of a type of this file called on a value of that type
/// (`hb.run().await;`) counts too: its loops may poll the value's fields.
struct CalleeGivenValues<'v> {
    loops: Vec<crate::context::loops::LoopSite<'v>>,
    params: Vec<(String, &'v Expr)>,
    arg_ancestors: Vec<Node<'v>>,
    /// For a method: the type whose fields its loops may poll.
    self_type: Option<String>,
}

/// What each statement of the async block `body` (spawned by `spawn`,
/// whose ancestors are given) runs, with its ancestors: `work(x).await?;`
/// and `let r = work(x).await;` run `work(x)`. Empty for another body.
fn statements_run<'v>(
    spawn: &'v Expr,
    body: &'v Expr,
    ancestors: &[Node<'v>],
) -> Vec<(&'v Expr, Vec<Node<'v>>)> {
    let Expr::Async(block) = body else {
        return Vec::new();
    };
    let mut within = ancestors.to_vec();
    within.extend([Node::Expr(spawn), Node::Expr(body)]);
    statements_of_block(&block.block, &within)
}

/// What each statement of `block` (below `ancestors`) runs, as
/// [`statements_run`] says.
fn statements_of_block<'v>(
    block: &'v syn::Block,
    ancestors: &[Node<'v>],
) -> Vec<(&'v Expr, Vec<Node<'v>>)> {
    let mut run = Vec::new();
    for stmt in &block.stmts {
        let mut e = match stmt {
            syn::Stmt::Expr(e, _) => e,
            syn::Stmt::Local(l) => match &l.init {
                Some(init) => &*init.expr,
                None => continue,
            },
            _ => continue,
        };
        while let Expr::Await(syn::ExprAwait { base: inner, .. })
        | Expr::Try(syn::ExprTry { expr: inner, .. })
        | Expr::Paren(syn::ExprParen { expr: inner, .. }) = e
        {
            e = inner;
        }
        let mut within = ancestors.to_vec();
        within.extend([Node::Block(block), Node::Stmt(stmt)]);
        run.push((e, within));
    }
    run
}

/// The [`CalleeGivenValues`] of statements (see [`statements_run`]).
fn callees_of_statements<'v>(
    ctx: &'v FileContext<'_>,
    statements: Vec<(&'v Expr, Vec<Node<'v>>)>,
) -> Vec<CalleeGivenValues<'v>> {
    let mut found = Vec::new();
    for (e, arg_ancestors) in statements {
        if let Some((method, ty)) = method_task_of_local_type(ctx, e, &arg_ancestors) {
            let loops = endless_loops(ctx, method);
            if !loops.is_empty() {
                found.push(CalleeGivenValues {
                    loops,
                    params: Vec::new(),
                    arg_ancestors: Vec::new(),
                    self_type: Some(ty),
                });
            }
            continue;
        }
        let Expr::Call(call) = e else {
            continue;
        };
        let Expr::Path(path) = &*call.func else {
            continue;
        };
        if path.path.get_ident().is_none() {
            continue;
        }
        let Some(f) = ctx.called_local_fn(&call.func) else {
            continue;
        };
        let loops = endless_loops(ctx, f.block);
        if loops.is_empty() {
            continue;
        }
        // A timer lent (`heartbeat(&mut ticker)`) is as pinned as one given.
        let lent = |arg: &'v Expr| match arg {
            Expr::Reference(r) => &*r.expr,
            other => other,
        };
        let params = params_given(f.sig, call.args.iter().map(lent), false);
        found.push(CalleeGivenValues {
            loops,
            params,
            arg_ancestors,
            self_type: None,
        });
    }
    found
}

/// Case 3 through calls: the endless loops (observing no cancellation) of
/// the file's fns, which a detached task elsewhere in the crate may run;
/// the driver keeps a timer they pin only when one does.
fn fn_loops<'v>(
    ctx: &'v FileContext<'_>,
    depth: usize,
    pinning: &mut HashMap<ExprKey, Vec<SpawnSite<'v>>>,
) {
    struct Fns<'c, 'v, 'a> {
        ctx: &'v FileContext<'a>,
        depth: usize,
        pinning: &'c mut HashMap<ExprKey, Vec<SpawnSite<'v>>>,
        /// The `Self` type of the `impl` being visited.
        self_type: Option<String>,
    }
    impl<'v> Fns<'_, 'v, '_> {
        /// `self_type`: for a method taking `self`, its `Self` type;
        /// `loop_fn`: the fn's name (see [`SpawnSite::loop_fn`]).
        /// `fn_node`: the fn as an ancestor of its body's statements.
        fn body(
            &mut self,
            fn_node: Node<'v>,
            block: &'v syn::Block,
            self_type: Option<String>,
            loop_fn: Option<crate::Span>,
        ) {
            let site = |params, arg_ancestors, self_type, given_only| SpawnSite {
                handle: None,
                stored_in_field: None,
                runtime_of: None,
                wrapper: None,
                params,
                arg_ancestors,
                moot_if: None,
                depth: self.depth,
                given_only,
                self_type,
                loop_fn,
            };
            for l in endless_loops(self.ctx, block) {
                self.pinning.entry(expr_key(l.expr)).or_default().push(site(
                    Vec::new(),
                    Vec::new(),
                    self_type.clone(),
                    false,
                ));
            }
            // A fn of this file it calls as a statement, whose endless loop
            // polls what it is given (`pump(&src, &mut every).await;`): the
            // timers this fn makes for it are pinned as by a loop of its own.
            let statements = statements_of_block(block, &[fn_node]);
            for callee in callees_of_statements(self.ctx, statements) {
                if callee.self_type.is_some() {
                    continue;
                }
                for l in callee.loops {
                    self.pinning.entry(expr_key(l.expr)).or_default().push(site(
                        callee.params.clone(),
                        callee.arg_ancestors.clone(),
                        None,
                        true,
                    ));
                }
            }
        }
    }
    impl<'v> Visit<'v> for Fns<'_, 'v, '_> {
        fn visit_item_fn(&mut self, f: &'v syn::ItemFn) {
            // The name stands for the fn: only where a span starts matters.
            let name = self.ctx.span_of(&f.sig.ident);
            if !self.ctx.in_test_code(name) {
                self.body(Node::ItemFn(f), &f.block, None, Some(name));
                syn::visit::visit_item_fn(self, f);
            }
        }
        fn visit_item_impl(&mut self, i: &'v syn::ItemImpl) {
            let outer = std::mem::replace(&mut self.self_type, impl_type_name(&i.self_ty));
            syn::visit::visit_item_impl(self, i);
            self.self_type = outer;
        }
        fn visit_impl_item_fn(&mut self, f: &'v syn::ImplItemFn) {
            let name = self.ctx.span_of(&f.sig.ident);
            if !self.ctx.in_test_code(name) {
                let self_type = f.sig.receiver().and(self.self_type.clone());
                self.body(Node::ImplFn(f), &f.block, self_type, Some(name));
                syn::visit::visit_impl_item_fn(self, f);
            }
        }
    }
    Fns {
        ctx,
        depth,
        pinning,
        self_type: None,
    }
    .visit_file(ctx.file);
}

/// For a task that is a call of a fn of this file (`spawn(run(a, b))`),
/// the fn's parameter names paired with the call's arguments, and the
/// ancestors from which those arguments are followed.
fn fn_task_params<'v>(
    ctx: &'v FileContext<'_>,
    arg: &'v Expr,
    block: &'v syn::Block,
    ancestors: &[Node<'v>],
) -> (Vec<(String, &'v Expr)>, Vec<Node<'v>>) {
    let mut e = arg;
    let mut from = ancestors.to_vec();
    for _ in 0..16 {
        match e {
            Expr::Paren(p) => e = &p.expr,
            Expr::MethodCall(m)
                if matches!(
                    m.method.to_string().as_str(),
                    "instrument"
                        | "in_current_span"
                        | "boxed"
                        | "boxed_local"
                        | "fuse"
                        | "with_cancellation_token"
                        | "with_cancellation_token_owned"
                ) =>
            {
                e = &m.receiver
            }
            Expr::Call(c)
                if ctx.callee_is(&c.func, &["std::boxed::Box::pin"]) && c.args.len() == 1 =>
            {
                e = &c.args[0]
            }
            Expr::Path(p) => {
                let Some(ident) = p.path.get_ident() else {
                    break;
                };
                let Some(site) = ctx.binding_site(ident, &from) else {
                    break;
                };
                e = site.init;
                from = site.ancestors;
            }
            _ => break,
        }
    }
    let (name, args, skip_receiver): (String, Vec<&'v Expr>, bool) = match e {
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => match p.path.segments.last() {
                Some(seg) => (seg.ident.to_string(), c.args.iter().collect(), false),
                None => return (Vec::new(), Vec::new()),
            },
            _ => return (Vec::new(), Vec::new()),
        },
        Expr::MethodCall(m) => (m.method.to_string(), m.args.iter().collect(), true),
        _ => return (Vec::new(), Vec::new()),
    };
    let Some(f) = ctx
        .local_fns(&name)
        .iter()
        .find(|f| std::ptr::eq(f.block, block))
    else {
        return (Vec::new(), Vec::new());
    };
    (params_given(f.sig, args, skip_receiver), from)
}

/// A call's arguments paired with the names of the parameters of the fn
/// with signature `sig` they are given to (`skip_receiver`: the call is a
/// method call, whose receiver is not among `args`); parameters bound by
/// a pattern other than a name are left out.
fn params_given<'v>(
    sig: &syn::Signature,
    args: impl IntoIterator<Item = &'v Expr>,
    skip_receiver: bool,
) -> Vec<(String, &'v Expr)> {
    let inputs =
        (sig.inputs.iter()).filter(|i| !(skip_receiver && matches!(i, syn::FnArg::Receiver(_))));
    inputs
        .zip(args)
        .filter_map(|(input, arg)| match input {
            syn::FnArg::Typed(t) => pat_ident(&t.pat).map(|i| (i.to_string(), arg)),
            syn::FnArg::Receiver(_) => None,
        })
        .collect()
}

/// Case 3, second half: the timers bound before `loop_expr` (in the task or
/// moved into it) that the loop polls, and for a task that is a method
/// taking `self`, the timers its struct's literals put in the fields the
/// loop polls (`self.every.tick()` with `Heartbeat { every: interval(d), … }`).
fn timers_pinned_by<'v>(
    ctx: &'v FileContext<'_>,
    loop_expr: &'v Expr,
    ancestors: &[Node<'v>],
    sites: &[SpawnSite<'v>],
    field_timers: &FieldTimers<'v>,
    options: &LintOptions,
    report: &mut Report,
) {
    let keyword = match loop_expr {
        Expr::Loop(l) => l.loop_token.span,
        Expr::While(w) => w.while_token.span,
        other => other.span(),
    };
    let loop_span = loop_expr.span();
    let mut pinned: Vec<(&'v Expr, proc_macro2::Span, &SpawnSite<'v>)> = Vec::new();
    for site in sites {
        let Some(ty) = &site.self_type else {
            continue;
        };
        let mut fields_seen = BTreeSet::new();
        for (field, poll) in &field_timers.polls {
            if span_within(*poll, loop_span) && fields_seen.insert(field) {
                for timer in field_timers.timers_in(ctx, ty, field) {
                    pinned.push((timer, *poll, site));
                }
            }
        }
    }
    for (name, id) in bindings_in_loop(ctx, loop_expr) {
        // A mention that awaits or lends the timer (`_ = &mut deadline`)
        // before a method call on it (`deadline.as_mut().reset(…)`).
        let Some(poll) = ctx
            .references(id)
            .iter()
            .filter(|r| span_within(r.span, loop_span) && polls(r))
            .min_by_key(|r| r.kind == MentionKind::MethodReceiver)
        else {
            continue;
        };
        let is_param = ctx.scopes().binding(id).kind == BindingKind::Param;
        for site in sites {
            let mut timers = Vec::new();
            if let Some(binding) = ctx.site_of(id, ancestors) {
                if site.given_only {
                    continue;
                }
                timer_origins(ctx, binding.init, &binding.ancestors, 0, &mut timers);
            } else if let Some((_, arg)) = site.params.iter().find(|(p, _)| is_param && *p == name)
            {
                timer_origins(ctx, arg, &site.arg_ancestors, 0, &mut timers);
            }
            pinned.extend(timers.into_iter().map(|timer| (timer, poll.span, site)));
        }
    }
    for (timer, poll, site) in pinned {
        let finding = Finding::new(
            TIMER_NEVER_DROPPED.name,
            ctx.span_of(timer),
            "timer is pinned by a detached task that loops forever, so it is never dropped",
        )
        .note(
            ctx.span(keyword),
            "this loop never ends and observes no cancellation",
        )
        .note(
            ctx.span(poll),
            "the timer is polled here, on every turn of the loop",
        )
        .help(HELP_TASK);
        report.add(
            Case::PinnedByTask,
            timer,
            with_site(ctx, finding, site, options),
        );
    }
}

/// A case 3 finding with what its spawn site still needs: the note where
/// the handle is dropped, and the conditions the crate pass checks.
fn with_site(
    ctx: &FileContext<'_>,
    finding: Finding,
    site: &SpawnSite<'_>,
    options: &LintOptions,
) -> Finding {
    let finding = match &site.handle {
        Some((at, note)) => finding.note(ctx.span(*at), note.clone()),
        // The task that runs this fn is found across the crate.
        None => finding.waits_for_crate(site.depth, |f| {
            f.reached_by_detached_task = true;
            f.task_runs_fn_at = site.loop_fn;
            f.process_lifetime_reported = options.report_process_lifetime;
        }),
    };
    let finding = match site.wrapper {
        Some(call) => finding.waits_for_crate(site.depth, |f| f.spawn_wrapper = Some(call)),
        None => finding,
    };
    let finding = match &site.stored_in_field {
        Some(field) => finding.waits_for_crate(site.depth, |f| {
            f.stored_in_field = Some(field.clone());
        }),
        None => finding,
    };
    let finding = match site.runtime_of {
        Some(call) => finding.waits_for_crate(site.depth, |f| f.runtime_of = Some(call)),
        None => finding,
    };
    match &site.moot_if {
        Some((function, spawn)) => {
            finding.moot_if_reached_at(function.clone(), ReachKind::Once, *spawn)
        }
        None => finding,
    }
}

/// The single-segment names mentioned in an expression, in parsed macro
/// bodies too, sorted.
fn bindings_in_loop<'v>(ctx: &'v FileContext<'_>, expr: &'v Expr) -> BTreeSet<(String, BindingId)> {
    struct Names<'c, 'a> {
        ctx: &'c FileContext<'a>,
        names: BTreeSet<(String, BindingId)>,
    }
    impl<'ast> Visit<'ast> for Names<'_, '_> {
        fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
            if let Some(ident) = p.path.get_ident() {
                if let Some(id) = self.ctx.binding_of_use(ident) {
                    self.names.insert((ident.to_string(), id));
                }
            }
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            let ctx = self.ctx;
            ctx.visit_macro_body(mac, self);
        }
    }
    let mut names = Names {
        ctx,
        names: BTreeSet::new(),
    };
    names.visit_expr(expr);
    names.names
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (line, column, help) of this rule's findings in `src`.
    /// The findings the file alone proves (those that wait for the crate's
    /// callers are decided by the driver; the UI tests cover them).
    fn findings(src: &str) -> Vec<(usize, usize, String)> {
        let file = syn::parse_file(src).expect("ui test parses");
        let ctx = FileContext::new(&file, src);
        check(&ctx, &LintOptions::default())
            .into_iter()
            .filter(|f| f.follow.is_none())
            .map(|f| {
                (
                    f.span.start.line,
                    f.span.start.column,
                    f.help.unwrap_or_default(),
                )
            })
            .collect()
    }

    fn at(expected: &[(usize, usize)], help: &str) -> Vec<(usize, usize, String)> {
        expected
            .iter()
            .map(|&(l, c)| (l, c, help.to_string()))
            .collect()
    }

    macro_rules! ui {
        ($name:literal) => {
            include_str!(concat!("../../ui-tests/timer_never_dropped/", $name, ".rs"))
        };
    }

    #[test]
    fn case_1_leaked() {
        assert_eq!(
            findings(ui!("flag_leaked")),
            at(
                &[(14, 20), (20, 24), (24, 21), (31, 23), (36, 28)],
                HELP_OWNER
            )
        );
        assert_eq!(findings(ui!("ok_leaked")), vec![]);
    }

    #[test]
    fn case_2_statics() {
        assert_eq!(
            findings(ui!("flag_statics")),
            at(
                &[(12, 29), (15, 44), (19, 40), (23, 54), (28, 40), (35, 44)],
                HELP_OWNER
            )
        );
        assert_eq!(findings(ui!("ok_statics")), vec![]);
    }

    #[test]
    fn case_3_pinned_by_task() {
        assert_eq!(
            findings(ui!("flag_task_pinned")),
            at(
                &[(23, 27), (35, 24), (46, 17), (60, 30), (76, 39), (89, 45)],
                HELP_TASK
            )
        );
        assert_eq!(
            findings(ui!("flag_task_runtimes")),
            at(&[(17, 25), (27, 19), (40, 18)], HELP_TASK)
        );
        assert_eq!(
            findings(ui!("flag_task_pinned_v2")),
            at(&[(13, 32), (27, 25), (45, 29)], HELP_TASK)
        );
        // `start_background`'s task is for the life of the process only if
        // the crate says `main` alone calls it: the driver drops this one.
        assert_eq!(
            findings(ui!("ok_process_lifetime")),
            at(&[(38, 21)], HELP_TASK)
        );
        assert_eq!(findings(ui!("ok_task_pinned")), vec![]);
        assert_eq!(findings(ui!("ok_timer_not_pinned")), vec![]);
    }

    #[test]
    fn case_4_rebuilt_in_loop() {
        assert_eq!(
            findings(ui!("flag_rebuilt_in_loop")),
            at(
                &[(16, 27), (27, 13), (35, 27), (43, 45), (53, 29)],
                HELP_LOOP
            )
        );
        assert_eq!(findings(ui!("ok_rebuilt_in_loop")), vec![]);
    }

    #[test]
    fn process_lifetime_is_reported_on_request() {
        let src = ui!("ok_process_lifetime");
        let file = syn::parse_file(src).expect("ui test parses");
        let ctx = FileContext::new(&file, src);
        let report = LintOptions {
            report_process_lifetime: true,
            ..LintOptions::default()
        };
        let lines: Vec<usize> = check(&ctx, &report)
            .iter()
            .map(|f| f.span.start.line)
            .collect();
        assert_eq!(lines, vec![12, 24, 38]);
    }

    #[test]
    fn one_finding_per_timer_lowest_case_first() {
        // Leaked (1) and in a lazy initialiser (2): reported once, as case 1.
        let src = "use tokio::time::interval; use once_cell::sync::Lazy;\n\
                   static T: Lazy<()> = Lazy::new(|| std::mem::forget(interval(D)));";
        assert_eq!(findings(src), at(&[(2, 52)], HELP_OWNER));
        // Created before an inner endless loop (3) and inside an outer one (4).
        let src = "use tokio::time::interval;\nfn f() { tokio::spawn(async move { loop {\n\
                   let mut t = interval(D);\nloop { t.tick().await; } } }); }";
        assert_eq!(findings(src), at(&[(3, 13)], HELP_TASK));
    }

    #[test]
    fn unresolved_names_are_not_timers() {
        let src =
            "fn f() { std::mem::forget(interval(D)); loop { let mut t = interval(D); t.tick(); } }";
        assert_eq!(findings(src), vec![]);
    }
}
