//! The rules of leaklint.
//!
//! A rule ([`Lint`]) is a pure function from a parsed file ([`FileContext`])
//! and its options ([`LintOptions`]) to [`Finding`]s. It does no I/O and keeps
//! no global state. Every rule lives in a file of its own, declared here
//! by its `mod` line and listed once in [`LINTS`] (with its UI tests in
//! `ui-tests/<rule>/`, that is all a new rule touches; see the README).
//!
//! Analyses that more than one rule needs (import resolution, macro bodies,
//! spawn calls, endless loops, cancellation, binding uses) live in
//! [`context`] and are computed once per file; the library paths rules
//! recognise, and from which their pre-filter [`Triggers`] are derived, are
//! in one table, [`context::paths`].

pub mod context;
pub mod macros;

mod blocking_call_in_async;
mod busy_poll_loop;
mod cancel_token_never_cancelled;
mod child_without_kill_on_drop;
mod defer_captures_large_value;
mod http_client_without_timeout;
mod join_handle_dropped_by_race;
mod spawn_in_loop_unbounded;
mod spawn_without_cancel;
mod timer_never_dropped;
mod unbounded_channel_without_receiver;

pub use context::FileContext;

/// How seriously a finding is taken: `allow` turns the rule off, `warn`
/// reports it, `deny` reports it as an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// The rule does not run.
    Allow,
    /// Findings are warnings.
    Warn,
    /// Findings are errors.
    Deny,
}

impl Level {
    /// The name used in configuration files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }

    /// Parses `allow`, `warn` or `deny`.
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "allow" => Some(Level::Allow),
            "warn" => Some(Level::Warn),
            "deny" => Some(Level::Deny),
            _ => None,
        }
    }
}

/// A rule: its metadata and its check function.
///
/// Rules are declared with [`declare_lint!`], which takes the rule's doc
/// comment as its `--explain` text.
#[derive(Debug, Clone, Copy)]
pub struct Lint {
    /// The rule's name, `snake_case`, as used in configuration and suppressions.
    pub name: &'static str,
    /// The level the rule runs at when nothing configures it.
    pub default_level: Level,
    /// One line saying what the rule finds (for `--list-rules`).
    pub summary: &'static str,
    /// The rule's documentation in clippy's form, as written in its doc comment.
    pub doc: &'static str,
    /// What must occur in a file's code for the rule to find anything
    /// there, derived from the rule's tables of [`context::paths`]; the
    /// driver's pre-filter skips the files that lack it.
    pub triggers: fn() -> Triggers,
    /// The check itself.
    pub check: fn(&FileContext<'_>, &LintOptions) -> Vec<Finding>,
}

impl Lint {
    /// The documentation with the one leading space of each doc-comment line removed.
    pub fn explain(&self) -> String {
        let mut out = String::with_capacity(self.doc.len());
        for line in self.doc.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }
}

/// Declares a rule: its doc comment (kept as the `--explain` text), its
/// constant name and its metadata.
#[macro_export]
macro_rules! declare_lint {
    (
        $(#[doc = $doc:literal])*
        $vis:vis $NAME:ident,
        name: $name:literal,
        level: $level:ident,
        summary: $summary:literal,
        triggers: $triggers:expr,
        check: $check:path $(,)?
    ) => {
        $(#[doc = $doc])*
        $vis const $NAME: $crate::Lint = $crate::Lint {
            name: $name,
            default_level: $crate::Level::$level,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
            triggers: $triggers,
            check: $check,
        };
    };
}

/// The words a rule needs in a file's code (outside comments and string
/// literals) to find anything there. Used by the driver's pre-filter, so
/// they must never miss a case.
///
/// Every entry is one or more parts joined by `+` (all must occur), each
/// part a word, `A::B` (the word `A` followed by `::B`: two neighbouring
/// segments of a resolved path, spelled together at the call or in the
/// `use` it came through, see [`context::paths::spelled_entries`]) or `m!`
/// (the word `m` followed by `!`: a macro call). A rename keeps the original
/// name in its `use`, so the words are complete; the pre-filter also lets a
/// rename (`A as …`), a `use` group naming `B` (`A::{B, …}`) or a glob
/// (`A::*`) through (see its documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Triggers {
    /// Entries one of which must be met: the calls the rule can flag. Empty
    /// for a rule that can fire anywhere.
    pub words: Vec<String>,
    /// Further lists, each of which must have an entry met too (the crate a
    /// resolved path starts with, the `loop` an endless-loop rule needs, the
    /// `async` an async-context rule needs). An entry naming the word
    /// `spawn` also stands for each configured `spawn_functions` path; a
    /// list holding a default guard function holds the configured
    /// `guard_functions` too.
    pub requires: Vec<Vec<String>>,
}

impl Triggers {
    /// Triggers met where one of `words` is.
    pub fn new<S: Into<String>>(words: impl IntoIterator<Item = S>) -> Triggers {
        Triggers {
            words: words.into_iter().map(Into::into).collect(),
            requires: Vec::new(),
        }
    }

    /// These triggers, needing an entry of `list` as well.
    pub fn requiring<S: Into<String>>(mut self, list: impl IntoIterator<Item = S>) -> Triggers {
        self.requires
            .push(list.into_iter().map(Into::into).collect());
        self
    }
}

/// Every rule leaklint has, in the order `--list-rules` shows them.
pub const LINTS: &[Lint] = &[
    spawn_without_cancel::SPAWN_WITHOUT_CANCEL,
    timer_never_dropped::TIMER_NEVER_DROPPED,
    unbounded_channel_without_receiver::UNBOUNDED_CHANNEL_WITHOUT_RECEIVER,
    defer_captures_large_value::DEFER_CAPTURES_LARGE_VALUE,
    cancel_token_never_cancelled::CANCEL_TOKEN_NEVER_CANCELLED,
    busy_poll_loop::BUSY_POLL_LOOP,
    spawn_in_loop_unbounded::SPAWN_IN_LOOP_UNBOUNDED,
    child_without_kill_on_drop::CHILD_WITHOUT_KILL_ON_DROP,
    http_client_without_timeout::HTTP_CLIENT_WITHOUT_TIMEOUT,
    blocking_call_in_async::BLOCKING_CALL_IN_ASYNC,
    join_handle_dropped_by_race::JOIN_HANDLE_DROPPED_BY_RACE,
];

/// Looks a rule up by name.
pub fn find_lint(name: &str) -> Option<&'static Lint> {
    LINTS.iter().find(|l| l.name == name)
}

/// Options that rules read. The defaults are the documented ones; the
/// driver fills them from configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintOptions {
    /// Extra paths that count as spawn calls (`spawn_functions`), e.g. `my_rt::spawn_detached`.
    pub spawn_functions: Vec<String>,
    /// Last path segments of calls that count as defer constructs (`guard_functions`).
    pub guard_functions: Vec<String>,
    /// Size in bytes from which a binding is large (`large_value_bytes`), inclusive.
    pub large_value_bytes: u64,
    /// Report tasks that live as long as the process too (started from
    /// `main` or a static's initializer): `process_lifetime = "report"`.
    pub report_process_lifetime: bool,
    /// How many calls deep a task body is followed into the crate's fns
    /// (`call_depth`): a fn the task body calls is level 1.
    pub call_depth: usize,
    /// Report a call in async code of a sync helper that blocks only on
    /// file I/O: `helper_file_io = "report"`.
    pub report_helper_file_io: bool,
}

impl Default for LintOptions {
    fn default() -> Self {
        LintOptions {
            spawn_functions: Vec::new(),
            guard_functions: context::paths::DEFAULT_GUARD_FUNCTIONS
                .iter()
                .map(|s| s.to_string())
                .collect(),
            large_value_bytes: 4096,
            report_process_lifetime: false,
            call_depth: 4,
            report_helper_file_io: false,
        }
    }
}

/// A position in a file: 1-based line, 1-based column counted in characters,
/// and the byte offset into the source.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// 0-based byte offset into the file's text.
    pub byte: usize,
}

/// A range of source text; `end` is exclusive.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    /// First character of the range.
    pub start: Position,
    /// One past the last character of the range.
    pub end: Position,
}

impl Span {
    /// Whether `inner` lies within this range.
    pub fn contains(&self, inner: Span) -> bool {
        self.start.byte <= inner.start.byte && inner.end.byte <= self.end.byte
    }
}

/// A secondary remark attached to a finding, optionally pointing at code,
/// in the finding's own file or in another file of the crate (a call
/// followed into a fn defined elsewhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The file `span` points into, as displayed (the form of the driver's
    /// `FileResult::path`); `None` for the finding's own file.
    pub file: Option<String>,
    /// Where the note points, if anywhere.
    pub span: Option<Span>,
    /// What it says.
    pub message: String,
}

/// One problem found by one rule in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule's name.
    pub rule: &'static str,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The flagged construct.
    pub span: Span,
    /// Secondary remarks, in order.
    pub notes: Vec<Note>,
    /// How to fix it.
    pub help: Option<String>,
    /// Set when the finding does not hold if a fn of this file runs only as
    /// part of `main`: a rule sees one file, the driver sees every caller in
    /// the crate and drops the finding then (see [`context::entry`]).
    pub moot_if: Option<MainReach>,
    /// Set when the finding holds only if code in other fns of the crate
    /// does what it needs (a loop in a fn the task calls, no method that
    /// stops a stored handle): a rule sees one file, the driver resolves
    /// calls across the crate and keeps or drops the finding (see
    /// [`context::follow`]).
    pub follow: Option<Follow>,
    /// Set by the driver on a call of a helper that blocks only on file
    /// I/O: one such finding per async fn or block is kept (the first),
    /// since moving its file work off the worker is one fix.
    pub one_per_async_fn: bool,
}

/// What a finding needs from the rest of the crate to hold (see
/// [`Finding::follow`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Follow {
    /// The task's endless loop is not in its own body: the finding holds
    /// when one of these calls, made by the task body, reaches a fn with an
    /// endless loop that observes no cancellation. `None`: the loop is
    /// already found.
    pub loop_in_callees: Option<Vec<Span>>,
    /// The task's handle is stored in this struct field: the finding holds
    /// when nothing in the crate reads the field to stop the task.
    pub stored_in_field: Option<context::follow::FieldOf>,
    /// An HTTP client is stored in this struct field: the finding holds
    /// unless the crate reads the field, and every read starts a request
    /// that sets its own `.timeout(…)`
    /// ([`context::follow::FieldReadSets::only_timed_requests`]).
    pub client_in_field: Option<context::follow::FieldOf>,
    /// An HTTP client is kept in this field of an API wrapper whose file
    /// starts only timed requests with it, and other files may read the
    /// field (`pub(crate)`): the finding holds when a read elsewhere of
    /// that struct's field, known by its type, does anything else
    /// ([`context::follow::CrateIndex::typed_reads_start_timed_requests`]).
    pub client_in_wrapper_field: Option<context::follow::FieldOf>,
    /// A call in async code of a fn that may be a sync fn of the crate: the
    /// finding holds when that fn (or one it calls) makes a blocking call.
    pub blocking_in_callee: Option<Span>,
    /// A call whose argument at this index (without the receiver) is a
    /// task body: the finding holds when the called fn is a spawn wrapper,
    /// which spawns that parameter and drops the handle.
    pub spawn_wrapper: Option<(Span, usize)>,
    /// The call whose result the task is spawned on (`rt::runtime().spawn(…)`):
    /// the finding holds when it calls a fn of the crate that returns a
    /// runtime its caller does not own (`-> &'static Runtime`, `-> Handle`).
    pub runtime_of: Option<Span>,
    /// The call that made the listener a loop accepts connections from
    /// (`let listener = net::bind_admin(addr).await?;`): the finding holds
    /// when it calls a fn of the crate declared to return a socket
    /// listener ([`context::follow::FnFacts::returns_listener`]).
    pub listener_from: Option<Span>,
    /// The finding is in a fn that loops forever: it holds when a task
    /// whose handle is dropped runs that fn (its body calls it, at most
    /// `depth` calls deep). A task spawned once per call of its fn is
    /// for the life of the process when only `main` reaches that fn, as a
    /// task spawned in the finding's own file is, unless
    /// `process_lifetime_reported`.
    pub reached_by_detached_task: bool,
    /// For [`Follow::reached_by_detached_task`]: a place in the fn the task
    /// must run, when that may not be the fn holding the finding (a timer
    /// made by a struct's constructor or by a helper that returns it,
    /// polled by another fn's endless loop: the task must run that fn).
    pub task_runs_fn_at: Option<Span>,
    /// `process_lifetime = "report"`: tasks for the life of the process
    /// are reported too.
    pub process_lifetime_reported: bool,
    /// Calls, each with the index of an argument (without the receiver)
    /// that is a cancellation token: the finding holds unless one of them
    /// calls a fn of the crate that fires that parameter
    /// ([`context::follow::FnFacts::fires_param`]).
    pub token_fired_by: Vec<(Span, usize)>,
    /// The same for the other calls of fns not of the file that the token
    /// is handed to: awaited by a spawned async block as its one statement
    /// (`spawn(async move { worker::run(t).await })`), or anywhere else
    /// (`exec.run(&t).await` in a fn the task runs). The finding holds
    /// only when each is a call of a fn of the crate that does not fire
    /// that parameter (a fn leaklint cannot find may).
    pub token_handed_to: Vec<(Span, usize)>,
    /// Calls of fns of the crate on a busy loop's path back to its poll:
    /// the finding holds unless one of them blocks (sleeps, parks, waits on
    /// a receive), which makes the loop wait.
    pub poll_waits_in: Vec<Span>,
    /// A large binding whose length is a const of another module of the
    /// crate: the finding holds when that const makes it large.
    pub large_const: Option<LargeConst>,
    /// A timer handed by a task body to a call: the call, the argument's
    /// index (without the receiver) and whether it is written as a method
    /// call (`x.drive(&mut tick)`). The finding holds when the call is of
    /// a fn of the crate whose endless loop, observing no cancellation,
    /// polls that parameter ([`context::follow::FnFacts::polls_param`]).
    pub timer_polled_by: Option<(Span, usize, bool)>,
    /// The finding is a timer that the fn holding it makes and returns
    /// (`fn every(d) -> Interval { interval(d) }`): it holds when a caller
    /// in the crate binds the value and polls it in an endless loop that
    /// observes no cancellation, in the body of a task whose handle is
    /// dropped or in a fn such a task runs
    /// ([`context::follow::FnFacts::polls_returned`]).
    pub timer_returned: bool,
    /// How many calls deep to follow (the `call_depth` option).
    pub depth: usize,
    /// `helper_file_io = "report"`: a helper that blocks only on file I/O
    /// counts for [`Follow::blocking_in_callee`].
    pub helper_file_io_reported: bool,
}

impl Follow {
    /// Where the fn the crate pass asks about for `finding_span` (the
    /// finding's own span) is: the fn a detached task must run
    /// ([`Follow::task_runs_fn_at`]) when the finding names one, else the
    /// fn holding the finding.
    pub fn asked_at(&self, finding_span: Span) -> Span {
        match self.reached_by_detached_task {
            true => self.task_runs_fn_at.unwrap_or(finding_span),
            false => finding_span,
        }
    }
}

/// A length named by a const of another module (see
/// [`Follow::large_const`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LargeConst {
    /// The binding the guard keeps alive.
    pub binding: String,
    /// The module that defines the const (its last segment).
    pub module: String,
    /// The const's name.
    pub name: String,
    /// Bytes per unit of the const.
    pub per_unit: u64,
    /// The size from which the binding is large.
    pub at_least: u64,
}

/// A condition on the callers of a fn, checked across the crate: the fn is
/// reached only from `main` (or a static's initializer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MainReach {
    /// The fn, by name.
    pub function: String,
    /// How it must be reached.
    pub kind: ReachKind,
    /// The fns' keys in the crate when they are not the fn the finding is
    /// in: the fns that spawn the tasks found across the crate (see
    /// [`Follow::reached_by_detached_task`]). The finding is moot when
    /// `main` reaches every one.
    pub keys: Vec<String>,
    /// A place in the fn, in the finding's file, when it is not the fn the
    /// finding is in: the spawn of the task that pins a timer made in a fn
    /// the task runs.
    pub at: Option<Span>,
    /// Per key of `keys`, the note that names the task that fn spawns. The
    /// finding's notes name one task; when `main` alone reaches its
    /// spawner but not another key, the finding holds by that other task,
    /// whose note replaces it.
    pub task_notes: Vec<(String, Note)>,
}

/// How a fn must be reached from `main` for a finding in it to be moot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReachKind {
    /// Once for the life of the process: through plain calls and awaits,
    /// the `block_on`s and thread closures of such code and the tasks it
    /// spawns and detaches, never in a loop or another closure. A task it
    /// starts is process-lifetime.
    Once,
    /// Once, as the end of `main`'s own work: through plain calls and
    /// awaits only, never in a spawned task, each call the last work its
    /// caller waits for (after it returns, `main` ends).
    AwaitedOnce,
    /// On the main thread (or a thread blocking on its own runtime):
    /// through calls and awaits, never through a spawned task. A blocking
    /// call in it stalls no runtime worker.
    MainThread,
    /// On the main thread, or awaited by the crate's other code as one step
    /// of it: the fn has callers, and each calls it plainly (or blocks on
    /// it from sync code), at most once per run of the caller (not in a
    /// loop, a closure or a spawned task), and none of them runs many
    /// times itself (a request handler, a task per connection: see
    /// `entry::Reached::repeated`).
    /// File I/O through a sync helper there is part of a larger operation
    /// (start-up, loading a configuration), not work repeated per request,
    /// as far as the crate shows.
    MainThreadOrAwaited,
    /// The fn builds a current-thread runtime and blocks on it, and no
    /// future it blocks on spawns a task: the runtime runs nothing but
    /// that future, so a blocking call in it stalls no other task. Where
    /// the fn itself runs does not matter (its caller's thread blocks on
    /// the runtime either way).
    QuietRuntime,
}

impl Finding {
    /// A finding of `rule` at `span`.
    pub fn new(rule: &'static str, span: Span, message: impl Into<String>) -> Finding {
        Finding {
            rule,
            message: message.into(),
            span,
            notes: Vec::new(),
            help: None,
            moot_if: None,
            follow: None,
            one_per_async_fn: false,
        }
    }

    /// Makes the finding wait for the crate pass, with what `set` writes in
    /// its [`Follow`] (the one it has, else an empty one going `depth` calls
    /// deep): `finding.waits_for_crate(depth, |f| f.spawn_wrapper = Some(call))`.
    pub fn waits_for_crate(mut self, depth: usize, set: impl FnOnce(&mut Follow)) -> Finding {
        set(self.follow.get_or_insert_with(|| Follow {
            depth,
            ..Follow::default()
        }));
        self
    }

    /// Whether the crate pass decides the finding: it has a [`Follow`] to
    /// resolve, or is moot when its fn is reached from `main` in some way.
    pub fn waits_on_crate(&self) -> bool {
        self.follow.is_some() || self.moot_if.is_some()
    }

    /// Marks the finding as moot if `function` is reached from `main` as
    /// `kind` says (see [`Finding::moot_if`]).
    pub fn moot_if_reached(mut self, function: impl Into<String>, kind: ReachKind) -> Finding {
        self.moot_if = Some(MainReach {
            function: function.into(),
            kind,
            keys: Vec::new(),
            at: None,
            task_notes: Vec::new(),
        });
        self
    }

    /// As [`Finding::moot_if_reached`], for the fn of this file around
    /// `at` rather than the one the finding is in.
    pub fn moot_if_reached_at(
        self,
        function: impl Into<String>,
        kind: ReachKind,
        at: Span,
    ) -> Finding {
        let mut finding = self.moot_if_reached(function, kind);
        if let Some(moot) = &mut finding.moot_if {
            moot.at = Some(at);
        }
        finding
    }

    /// Adds a note pointing at `span` in the finding's own file.
    pub fn note(mut self, span: Span, message: impl Into<String>) -> Finding {
        self.notes.push(Note {
            file: None,
            span: Some(span),
            message: message.into(),
        });
        self
    }

    /// Adds a note pointing at `span` in `file` (as displayed), another file
    /// of the crate than the finding's.
    pub fn note_in(
        mut self,
        file: impl Into<String>,
        span: Span,
        message: impl Into<String>,
    ) -> Finding {
        self.notes.push(Note {
            file: Some(file.into()),
            span: Some(span),
            message: message.into(),
        });
        self
    }

    /// Adds a note without a location.
    pub fn note_plain(mut self, message: impl Into<String>) -> Finding {
        self.notes.push(Note {
            file: None,
            span: None,
            message: message.into(),
        });
        self
    }

    /// Sets the help text.
    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }
}

/// Runs `lint` over a file, returning its findings.
pub fn run_lint(lint: &Lint, ctx: &FileContext<'_>, options: &LintOptions) -> Vec<Finding> {
    let mut findings = (lint.check)(ctx, options);
    for finding in &mut findings {
        finding.span = ctx.without_outer_attributes(finding.span);
        for note in &mut finding.notes {
            if let (None, Some(span)) = (&note.file, note.span.as_mut()) {
                *span = ctx.without_outer_attributes(*span);
            }
        }
    }
    findings
}
