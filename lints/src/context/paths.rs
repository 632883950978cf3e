//! Well-known paths: every library API that a rule or a shared analysis
//! recognises, in one place.
//!
//! Free functions, constructors and types are named by the full path that
//! [`FileContext::resolve`](super::FileContext::resolve) returns for them
//! (after import normalisation: `core::` is `std::`, `crossbeam_channel::`
//! is `crossbeam::channel::`, …); methods and macros by their name.
//!
//! The driver's pre-filter does not keep lists of its own: each rule's
//! [`Triggers`](crate::Triggers) are derived from these tables with
//! [`spelled_entries`] and [`last_segment`], so a path added here is both
//! recognised by the rules and kept by the pre-filter.

// ---------------------------------------------------------------------------
// Spawning tasks and threads

/// Free functions that spawn a task whose handle detaches on drop.
pub const TASK_SPAWNS: &[&str] = &[
    "tokio::spawn",
    "tokio::task::spawn",
    "tokio::task::spawn_local",
    "async_std::task::spawn",
    "async_std::task::spawn_local",
    "actix_rt::spawn",
];

/// Free functions that run a closure on the blocking pool.
pub const BLOCKING_SPAWNS: &[&str] = &["tokio::task::spawn_blocking"];

/// Free functions that start an OS thread.
pub const THREAD_SPAWNS: &[&str] = &["std::thread::spawn"];

/// smol's spawn: a spawn call only when `.detach()`ed (a smol `Task`
/// cancels on drop).
pub const SMOL_SPAWNS: &[&str] = &["smol::spawn"];

/// Methods that spawn on a runtime, handle, tracker or thread builder
/// (`rt.spawn(fut)`, `handle.spawn_blocking(f)`).
pub const SPAWN_METHODS: &[&str] = &["spawn", "spawn_blocking"];

/// Constructors of tokio runtimes, whose `.spawn(…)` is a spawn call.
pub const RUNTIME_CONSTRUCTORS: &[&str] = &[
    "tokio::runtime::Runtime::new",
    "tokio::runtime::Builder::new_multi_thread",
    "tokio::runtime::Builder::new_current_thread",
];

/// The current-thread runtime builder: its `block_on` runs on the caller's thread.
pub const CURRENT_THREAD_RUNTIME: &str = "tokio::runtime::Builder::new_current_thread";

/// Constructors of handles to the running runtime.
pub const HANDLE_CONSTRUCTORS: &[&str] = &["tokio::runtime::Handle::current"];

/// Constructors of task trackers (a tracker does not cancel its tasks).
pub const TRACKER_CONSTRUCTORS: &[&str] = &["tokio_util::task::TaskTracker::new"];

/// Constructors of thread builders.
pub const THREAD_BUILDERS: &[&str] = &["std::thread::Builder::new"];

/// Constructors of tokio `JoinSet`s (a set aborts its tasks on drop).
pub const JOIN_SET_CONSTRUCTORS: &[&str] =
    &["tokio::task::JoinSet::new", "tokio::task::JoinSet::default"];

// ---------------------------------------------------------------------------
// Futures: wrappers that run the same future, and cancellation around one

/// Methods on a future that return a future running the same code (a span,
/// a box, a fuse): seen through when asking what a spawned future runs.
pub const TRANSPARENT_FUTURE_METHODS: &[&str] = &[
    "instrument",
    "in_current_span",
    "boxed",
    "boxed_local",
    "fuse",
];

/// Calls whose only argument is the future they return, boxed or pinned.
pub const TRANSPARENT_FUTURE_CALLS: &[&str] = &["std::boxed::Box::pin"];

/// Calls that cancel the future given as one of their arguments from
/// outside, with the index of that argument: a deadline, or an abort handle.
pub const CANCELLING_CALLS: &[(&str, usize)] = &[
    ("tokio::time::timeout", 1),
    ("tokio::time::timeout_at", 1),
    ("futures::future::abortable", 0),
    ("futures::future::Abortable::new", 0),
];

/// Methods on a future that cancel it when a token fires
/// (`fut.with_cancellation_token(&token)`).
pub const CANCELLING_FUTURE_METHODS: &[&str] =
    &["with_cancellation_token", "with_cancellation_token_owned"];

/// Methods of a token that cancel the future given as their argument
/// (`token.run_until_cancelled(fut)`).
pub const CANCELLING_TOKEN_METHODS: &[&str] = &["run_until_cancelled", "run_until_cancelled_owned"];

/// Methods that observe a `CancellationToken`, whatever its name.
pub const TOKEN_OBSERVING_METHODS: &[&str] = &["cancelled", "cancelled_owned", "is_cancelled"];

/// Methods of a `CancellationToken` whose result is the token again (or
/// a token it cancels).
pub const TOKEN_DERIVING_METHODS: &[&str] = &["clone", "child_token"];

/// Macros that only format their arguments.
pub const FORMAT_MACROS: &[&str] = &[
    "println",
    "print",
    "eprintln",
    "eprint",
    "format",
    "write",
    "writeln",
    "format_args",
    "panic",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "dbg",
    "trace",
    "debug",
    "info",
    "warn",
    "error",
    "event",
];

/// Constructors of tokio-util's `CancellationToken`.
pub const CANCELLATION_TOKEN_CONSTRUCTORS: &[&str] = &["tokio_util::sync::CancellationToken::new"];

/// The index of the future argument of `path` if it is one of the
/// [`CANCELLING_CALLS`].
pub fn cancelled_argument(path: &str) -> Option<usize> {
    CANCELLING_CALLS
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, arg)| *arg)
}

// ---------------------------------------------------------------------------
// Races

/// Timeouts racing their last argument against a deadline.
pub const TIMEOUT_CALLS: &[&str] = &["tokio::time::timeout", "tokio::time::timeout_at"];

/// One-shot timers: raced in a `select!` branch (`_ = sleep(d) => …`),
/// they put a deadline on the other branches.
pub const DEADLINE_TIMERS: &[&str] = &[
    "tokio::time::sleep",
    "tokio::time::sleep_until",
    "async_io::Timer::after",
    "smol::Timer::after",
    "futures_timer::Delay::new",
];

/// `futures::future::select`: the loser comes back in `Either::{Left, Right}((output, loser))`.
pub const SELECT_FNS: &[&str] = &["futures::future::select"];

/// `futures::future::select_all`: the losers come back as the third element of the tuple.
pub const SELECT_ALL_FNS: &[&str] = &["futures::future::select_all"];

/// Macros racing their branches (`tokio::select!`, `futures::select!`,
/// `futures::select_biased!`), by name.
pub const SELECT_MACROS: &[&str] = &["select", "select_biased"];

// ---------------------------------------------------------------------------
// Timers

/// Every timer constructor.
pub const TIMER_CONSTRUCTORS: &[&str] = &[
    "tokio::time::interval",
    "tokio::time::interval_at",
    "tokio::time::sleep",
    "tokio::time::sleep_until",
    "tokio::time::timeout",
    "tokio_stream::wrappers::IntervalStream::new",
    "async_io::Timer::interval",
    "async_io::Timer::after",
    "smol::Timer::interval",
    "smol::Timer::after",
    "futures_timer::Delay::new",
    "async_std::stream::interval",
];

/// The stream adapter over an interval: the same timer as its argument.
pub const INTERVAL_STREAM: &[&str] = &["tokio_stream::wrappers::IntervalStream::new"];

/// Intervals whose first tick completes at once.
pub const TOKIO_INTERVALS: &[&str] = &["tokio::time::interval", "tokio::time::interval_at"];

/// Calls that leak their argument (it is never dropped), with how a note
/// names them.
pub const LEAKING_CALLS: &[(&str, &str)] = &[
    ("std::mem::forget", "`mem::forget`"),
    ("std::boxed::Box::leak", "`Box::leak`"),
    ("std::mem::ManuallyDrop::new", "`ManuallyDrop::new`"),
    ("std::boxed::Box::into_raw", "`Box::into_raw`"),
];

// ---------------------------------------------------------------------------
// Channels

/// Constructors of unbounded channels, returning `(sender, receiver)`.
pub const UNBOUNDED_CHANNELS: &[&str] = &[
    "tokio::sync::mpsc::unbounded_channel",
    "futures::channel::mpsc::unbounded",
    "std::sync::mpsc::channel",
    "crossbeam::channel::unbounded",
    "flume::unbounded",
    "async_channel::unbounded",
    "async_std::channel::unbounded",
    "kanal::unbounded",
    "kanal::unbounded_async",
];

/// Constructors of channels whose receiver's `recv()` blocks the thread.
pub const BLOCKING_CHANNELS: &[&str] = &[
    "std::sync::mpsc::channel",
    "std::sync::mpsc::sync_channel",
    "crossbeam::channel::unbounded",
    "crossbeam::channel::bounded",
    "flume::unbounded",
    "flume::bounded",
];

/// The receivers of [`BLOCKING_CHANNELS`], as types are written.
pub const BLOCKING_RECEIVER_TYPES: &[&str] = &[
    "std::sync::mpsc::Receiver",
    "crossbeam::channel::Receiver",
    "flume::Receiver",
];

/// A thread's handle, as its type is written.
pub const THREAD_HANDLE_TYPES: &[&str] =
    &["std::thread::JoinHandle", "std::thread::ScopedJoinHandle"];

// ---------------------------------------------------------------------------
// Guards: code run when a value drops

/// Macros that run their body at the end of the scope.
pub const DEFER_MACROS: &[&str] = &["scopeguard::defer", "defer_lite::defer", "defer::defer"];

/// Functions that run their closure argument when the returned guard drops.
pub const DEFER_FNS: &[&str] = &["defer::defer"];

/// Guard functions taking `(value, closure)`.
pub const VALUE_GUARDS: &[&str] = &[
    "scopeguard::guard",
    "scopeguard::guard_on_success",
    "scopeguard::guard_on_unwind",
    "scopeguard::ScopeGuard::with_strategy",
];

/// The default `guard_functions`: callees ending with one of these paths
/// run their closure arguments when the guard drops.
pub const DEFAULT_GUARD_FUNCTIONS: &[&str] = &[
    "OnDrop::new",
    "Defer::new",
    "DropGuard::new",
    "CallOnDrop::new",
    "on_drop",
];

// ---------------------------------------------------------------------------
// Blocking calls (std and the executors' `block_on`)

/// Free functions that put the thread to sleep.
pub const BLOCKING_SLEEPS: &[&str] = &["std::thread::sleep", "std::thread::sleep_ms"];

/// Free functions that do file I/O.
pub const BLOCKING_FS_CALLS: &[&str] = &[
    "std::fs::read",
    "std::fs::read_to_string",
    "std::fs::write",
    "std::fs::copy",
    "std::fs::File::open",
    "std::fs::File::create",
];

/// Free functions that remove a directory tree: as slow as the tree is large.
pub const BLOCKING_TREE_REMOVALS: &[&str] = &["std::fs::remove_dir_all"];

/// Free functions that connect a socket.
pub const BLOCKING_NET_CALLS: &[&str] = &[
    "std::net::TcpStream::connect",
    "std::net::TcpStream::connect_timeout",
];

/// Free functions that resolve a host name.
pub const BLOCKING_DNS_CALLS: &[&str] = &["std::net::ToSocketAddrs::to_socket_addrs"];

/// Free functions that run a future to completion on the calling thread.
pub const BLOCK_ON_CALLS: &[&str] = &[
    "futures::executor::block_on",
    "futures_lite::future::block_on",
    "pollster::block_on",
    "async_std::task::block_on",
    "smol::block_on",
    "tokio::runtime::Runtime::block_on",
    "tokio::runtime::Handle::block_on",
];

/// Constructors of the tokio runtimes and handles whose `.block_on(…)`
/// blocks the thread: the [`RUNTIME_CONSTRUCTORS`] and the handles.
pub const BLOCK_ON_RUNTIMES: &[&str] = &[
    "tokio::runtime::Handle::current",
    "tokio::runtime::Handle::try_current",
    "tokio::runtime::Runtime::new",
    "tokio::runtime::Builder::new_multi_thread",
    "tokio::runtime::Builder::new_current_thread",
];

/// The module of tokio's runtimes: a parameter typed by one of its types
/// can block on a future.
pub const TOKIO_RUNTIME_MODULE: &str = "tokio::runtime";

/// Opening a file.
pub const FILE_OPENS: &[&str] = &["std::fs::File::open", "std::fs::File::create"];
/// Options that open a file.
pub const OPEN_OPTIONS: &[&str] = &["std::fs::OpenOptions::new", "std::fs::File::options"];
/// A file.
pub const FILE_TYPES: &[&str] = &["std::fs::File"];
/// Binding a std listener.
pub const LISTENER_BIND: &[&str] = &["std::net::TcpListener::bind"];
/// A std listener.
pub const LISTENER_TYPES: &[&str] = &["std::net::TcpListener"];

/// Types (last path segment) of socket listeners and of the streams of
/// connections they yield, of any crate (`spawn_in_loop_unbounded`'s
/// accept loops).
pub const LISTENER_TYPE_NAMES: &[&str] = &[
    "TcpListener",
    "UnixListener",
    "Endpoint",
    "TcpListenerStream",
    "UnixListenerStream",
];
/// A std process command.
pub const COMMAND_NEW: &[&str] = &["std::process::Command::new"];
/// std's process types.
pub const PROCESS_TYPES: &[&str] = &["std::process::Command", "std::process::Child"];
/// Condition variables.
pub const CONDVAR_NEW: &[&str] = &[
    "std::sync::Condvar::new",
    "std::sync::Condvar::default",
    "parking_lot::Condvar::new",
    "parking_lot::Condvar::default",
];
/// Condition variable types.
pub const CONDVAR_TYPES: &[&str] = &["std::sync::Condvar", "parking_lot::Condvar"];
/// Barriers.
pub const BARRIER_NEW: &[&str] = &["std::sync::Barrier::new"];
/// Barrier types.
pub const BARRIER_TYPES: &[&str] = &["std::sync::Barrier"];
/// The trait whose `to_socket_addrs` resolves host names.
pub const TO_SOCKET_ADDRS: &str = "std::net::ToSocketAddrs";

// ---------------------------------------------------------------------------
// HTTP clients

/// A reqwest client with default settings (no timeout).
pub const REQWEST_CLIENT_NEW: &[&str] = &["reqwest::Client::new", "reqwest::Client::default"];
/// A reqwest client builder.
pub const REQWEST_CLIENT_BUILDERS: &[&str] = &[
    "reqwest::Client::builder",
    "reqwest::ClientBuilder::new",
    "reqwest::ClientBuilder::default",
];
/// A request sent with reqwest's default client.
pub const REQWEST_GET: &[&str] = &["reqwest::get"];
/// The methods of a reqwest client that start a request builder
/// (`client.get(url)`), on which `.timeout(…)` bounds that one request.
pub const REQWEST_REQUEST_METHODS: &[&str] =
    &["get", "post", "put", "patch", "delete", "head", "request"];
/// A ureq agent with default settings.
pub const UREQ_AGENT: &[&str] = &["ureq::agent"];
/// A ureq request on the default agent.
pub const UREQ_REQUESTS: &[&str] = &[
    "ureq::get",
    "ureq::post",
    "ureq::put",
    "ureq::delete",
    "ureq::head",
    "ureq::patch",
    "ureq::request",
];

// ---------------------------------------------------------------------------
// Child processes

/// tokio's process command.
pub const TOKIO_COMMAND_NEW: &[&str] = &["tokio::process::Command::new"];

// ---------------------------------------------------------------------------
// Polls

/// Methods that poll without waiting.
pub const POLL_METHODS: &[&str] = &[
    "try_recv",
    "try_lock",
    "try_read",
    "try_write",
    "try_send",
    "try_acquire",
    // The same polls, owned or for several permits.
    "try_acquire_owned",
    "try_acquire_many",
    "try_acquire_many_owned",
    "try_lock_owned",
    "try_read_owned",
    "try_write_owned",
    "now_or_never",
];

// ---------------------------------------------------------------------------
// Pre-filter entries

/// The last segment of a path (`spawn` for `tokio::spawn`).
pub fn last_segment(path: &str) -> &str {
    path.rsplit("::").next().unwrap_or(path)
}

/// The crate a path starts with (`tokio` for `tokio::spawn`).
/// The crates whose items the rules' paths name (a test keeps it whole).
const RULE_CRATES: &[&str] = &[
    "actix_rt",
    "async_channel",
    "async_io",
    "async_std",
    "crossbeam",
    "defer",
    "defer_lite",
    "flume",
    "futures",
    "futures_lite",
    "futures_timer",
    "kanal",
    "parking_lot",
    "pollster",
    "reqwest",
    "scopeguard",
    "smol",
    "std",
    "tokio",
    "tokio_stream",
    "tokio_util",
    "ureq",
];

/// Whether `path` may name an item a rule knows, or a module holding one:
/// it starts with one of the crates the rules' paths name, or with a
/// crate written as one (`core` is `std`, `futures_util` is `futures`,
/// `actix_web::rt` is `actix_rt`; see [`normalize`](super::imports::normalize)).
pub fn in_rule_crate(path: &str) -> bool {
    let path = path.trim_start_matches("::");
    let normalized = super::imports::normalize(&format!("{path}::"));
    RULE_CRATES.contains(&crate_name(&normalized))
}

/// Whether `path` may name an item a rule knows or a module on the way to
/// one: it is [`in_rule_crate`] (or a path of the crate itself, which may
/// name a re-export) and its last segment is a segment of one of the
/// rules' paths (`mpsc`, `unbounded_channel`, `Command`; not `Arc` or
/// `HashMap`).
pub fn may_name_rule_item(path: &str) -> bool {
    static SEGMENTS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let segments = SEGMENTS.get_or_init(|| {
        (rule_paths().flat_map(|l| l.split("::")))
            .filter(|s| !s.is_empty())
            .collect()
    });
    // A path of the crate itself (`crate::chan::unbounded`) may name a
    // re-export of such an item.
    (in_rule_crate(path) || of_own_crate(path))
        && segments.contains(last_segment(path.trim_end_matches("::")))
}

/// Whether `path` (as [`normalize`](super::imports::normalize) writes it)
/// is one of the rules' paths: an item the rules know to exist
/// (`tokio::time::sleep`, `std::fs::File::open`).
pub fn is_rule_path(path: &str) -> bool {
    static PATHS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    PATHS.get_or_init(|| rule_paths().collect()).contains(path)
}

/// Whether `module` (normalised) holds one of the rules' paths
/// (`tokio::time` for `tokio::time::sleep`).
pub fn is_rule_module(module: &str) -> bool {
    static MODULES: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let modules = MODULES.get_or_init(|| {
        rule_paths()
            .filter_map(|p| p.rsplit_once("::").map(|(module, _)| module))
            .collect()
    });
    modules.contains(module)
}

/// The rules' paths: this file's string literals (before its tests) that
/// have a `::` in them.
fn rule_paths() -> impl Iterator<Item = &'static str> {
    let source = include_str!("paths.rs");
    let code = &source[..source.find("#[cfg(test)]").unwrap_or(source.len())];
    (code.split('"').skip(1).step_by(2)).filter(|l| l.contains("::"))
}

/// Whether `path` is a path of the crate itself: it starts at `crate::`,
/// `super::` or `self::` (as a path resolved within a file does when the
/// file cannot follow it further).
pub fn of_own_crate(path: &str) -> bool {
    ["crate::", "super::", "self::"]
        .iter()
        .any(|own| path.trim_start_matches("::").starts_with(own))
}

pub fn crate_name(path: &str) -> &str {
    path.split("::").next().unwrap_or(path)
}

/// The pre-filter entries one of which a file spells wherever one of its
/// calls resolves to `path` (see [`Triggers`](crate::Triggers)): the path's
/// last two segments `A::B`, spelled together at the call or in the `use`
/// it came through. Where import normalisation writes the owner `A`
/// (`crossbeam::channel::unbounded` from `crossbeam_channel::unbounded`,
/// `std::fs` from `core::fs`), the spellings it starts from are entries
/// too; where it or the prelude may write the whole pair (`std::mem::drop`
/// from `drop`), the entry is the last segment alone. A one-segment path is
/// its own entry.
pub fn spelled_entries(path: &str) -> Vec<String> {
    let segments: Vec<&str> = path
        .split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let [.., owner, last] = segments.as_slice() else {
        return segments.iter().map(|s| s.to_string()).collect();
    };
    let owner_at = segments.len() - 2;
    let mut entries = vec![format!("{owner}::{last}")];
    for (from, to) in super::imports::crate_renames() {
        let written: Vec<&str> = to.split("::").filter(|s| !s.is_empty()).collect();
        if !segments.starts_with(&written) || written.len() <= owner_at {
            continue;
        }
        if written.len() > owner_at + 1 {
            return vec![last.to_string()];
        }
        let source = from
            .trim_end_matches("::")
            .rsplit("::")
            .next()
            .unwrap_or(from);
        let entry = format!("{source}::{last}");
        if !entries.contains(&entry) {
            entries.push(entry);
        }
    }
    if super::imports::prelude_writes_pair(owner, last) {
        return vec![last.to_string()];
    }
    entries
}

/// The [`spelled_entries`] of every path of `tables`, without repeats.
pub fn spelled(tables: &[&[&str]]) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    for entry in tables
        .iter()
        .flat_map(|t| t.iter())
        .flat_map(|p| spelled_entries(p))
    {
        if !entries.contains(&entry) {
            entries.push(entry);
        }
    }
    entries
}

/// The last segment of every path of `tables`, without repeats.
pub fn last_segments(tables: &[&[&str]]) -> Vec<String> {
    names(
        tables
            .iter()
            .flat_map(|t| t.iter())
            .map(|p| last_segment(p)),
    )
}

/// The crate of every path of `tables`, without repeats.
pub fn crate_names(tables: &[&[&str]]) -> Vec<String> {
    names(tables.iter().flat_map(|t| t.iter()).map(|p| crate_name(p)))
}

/// `name!` for every macro name: a macro call.
pub fn macro_calls(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| format!("{n}!")).collect()
}

/// Every name `spawn` words: the last segments of the spawn calls (their
/// free functions and methods), which configured `spawn_functions` stand
/// in for.
pub fn spawn_words() -> Vec<String> {
    last_segments(&[
        TASK_SPAWNS,
        BLOCKING_SPAWNS,
        THREAD_SPAWNS,
        SMOL_SPAWNS,
        SPAWN_METHODS,
    ])
}

/// The pre-filter's entries for the call of a spawn wrapper of the crate
/// (see [`crate::Follow::spawn_wrapper`]): its name is the crate's own, and
/// is taken to say `spawn` (`spawn_named`, `tasks::spawn_task`) — `~` lets
/// the word be part of a longer identifier.
pub fn spawn_wrapper_words() -> Vec<String> {
    vec!["~spawn".to_string()]
}

/// The names of the spawn calls that start async tasks (no blocking
/// closure, no thread).
pub fn task_spawn_words() -> Vec<String> {
    last_segments(&[TASK_SPAWNS, SMOL_SPAWNS, &["spawn"]])
}

/// Each entry joined with each of `others` by `+` (both must occur).
pub fn and_each(entries: &[String], others: &[&str]) -> Vec<String> {
    entries
        .iter()
        .flat_map(|e| others.iter().map(move |o| format!("{e}+{o}")))
        .collect()
}

fn names<'p>(names: impl Iterator<Item = &'p str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        if !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelled_entries_are_the_last_two_segments_a_file_writes() {
        assert_eq!(spelled_entries("tokio::time::interval"), ["time::interval"]);
        assert_eq!(spelled_entries("reqwest::get"), ["reqwest::get"]);
        // actix's re-exports of actix-rt and tokio spell `rt::spawn`.
        assert_eq!(
            spelled_entries("actix_rt::spawn"),
            ["actix_rt::spawn", "rt::spawn"]
        );
        assert_eq!(spelled_entries("on_drop"), ["on_drop"]);
        // Normalisation writes `channel` for `crossbeam_channel::`.
        assert_eq!(
            spelled_entries("crossbeam::channel::unbounded"),
            ["channel::unbounded", "crossbeam_channel::unbounded"]
        );
        assert_eq!(
            spelled_entries("futures::executor::block_on"),
            ["executor::block_on", "futures_executor::block_on"]
        );
        // The prelude writes `mem::drop` for `drop`.
        assert_eq!(spelled_entries("std::mem::drop"), ["drop"]);
        assert_eq!(spelled_entries("std::mem::forget"), ["mem::forget"]);
        assert_eq!(
            spelled_entries("std::fs"),
            ["std::fs", "core::fs", "alloc::fs"]
        );
        // `channel` is written by normalisation only under `crossbeam::`.
        assert_eq!(
            spelled_entries("async_std::channel::unbounded"),
            ["channel::unbounded"]
        );
        assert_eq!(
            spelled_entries("futures::on_exit"),
            ["futures::on_exit", "futures_util::on_exit"]
        );
        assert!(spelled_entries("::").is_empty());
    }

    #[test]
    fn rule_crates_hold_every_crate_the_paths_name() {
        let source = include_str!("paths.rs");
        let code = &source[..source.find("#[cfg(test)]").unwrap()];
        for literal in code.split('"').skip(1).step_by(2) {
            let Some((first, _)) = literal.split_once("::") else {
                continue;
            };
            // Paths start with a crate; a guard type's methods (`OnDrop::new`) with the type.
            if first.starts_with(|c: char| c.is_ascii_lowercase()) {
                assert!(
                    in_rule_crate(literal),
                    "{literal}: add `{first}` to RULE_CRATES"
                );
            }
        }
        for written in [
            "core::time",
            "alloc::sync",
            "futures_util::stream",
            "crossbeam_channel",
            "actix_web::rt::spawn",
            "::tokio::spawn",
        ] {
            assert!(in_rule_crate(written), "{written}");
        }
        for other in ["serde::Deserialize", "crate::util", "actix_web::web"] {
            assert!(!in_rule_crate(other), "{other}");
        }
        for known in [
            "tokio::sync::mpsc",
            "std::thread",
            "std::thread::sleep",
            "tokio::process::Command",
            "crossbeam_channel::unbounded",
            "crate::chan::unbounded",
            "super::mpsc",
        ] {
            assert!(may_name_rule_item(known), "{known}");
        }
        for other in [
            "std::sync::Arc",
            "std::collections::HashMap",
            "serde::Deserialize",
            "crate::config::Settings",
        ] {
            assert!(!may_name_rule_item(other), "{other}");
        }
    }

    #[test]
    fn block_on_runtimes_are_in_the_runtime_module() {
        for path in BLOCK_ON_RUNTIMES {
            assert!(
                path.starts_with(&format!("{TOKIO_RUNTIME_MODULE}::")),
                "{path}"
            );
        }
    }

    #[test]
    fn cancelling_calls_name_their_future_argument() {
        assert_eq!(cancelled_argument("tokio::time::timeout"), Some(1));
        assert_eq!(
            cancelled_argument("futures::future::Abortable::new"),
            Some(0)
        );
        assert_eq!(cancelled_argument("tokio::time::sleep"), None);
    }
}
