use crate::context::paths::{
    self, BARRIER_NEW, BARRIER_TYPES, BLOCKING_CHANNELS as CHANNELS, BLOCKING_DNS_CALLS,
    BLOCKING_FS_CALLS, BLOCKING_NET_CALLS, BLOCKING_RECEIVER_TYPES, BLOCKING_SLEEPS,
    BLOCKING_TREE_REMOVALS, BLOCK_ON_CALLS, BLOCK_ON_RUNTIMES as RUNTIMES, COMMAND_NEW,
    CONDVAR_NEW, CONDVAR_TYPES, FILE_OPENS, FILE_TYPES, LISTENER_BIND, LISTENER_TYPES,
    OPEN_OPTIONS, PROCESS_TYPES, THREAD_BUILDERS as THREAD_BUILDER, THREAD_HANDLE_TYPES,
    THREAD_SPAWNS as THREAD_SPAWN, TOKIO_RUNTIME_MODULE, TO_SOCKET_ADDRS,
};
use crate::Triggers;
use std::cell::OnceCell;
use std::collections::HashMap;

use syn::visit::Visit;
use syn::{Expr, Pat};

use crate::context::ancestry::enclosing_fn_sig;
use crate::context::bindings::pat_ident;
use crate::context::chains::path_ident;
use crate::context::imports::normalize;
use crate::context::scopes::BindingKind;
use crate::context::threads::{async_context, enclosing_fn_body, thread_of, Thread};
use crate::context::Node;
use crate::{FileContext, Finding, Follow, LintOptions};

crate::declare_lint! {
    /// ### What it does
    /// Flags calls that can wait for a long or unbounded time when they are
    /// written inside an `async fn`, an async block or an async closure (and
    /// not inside a plain closure nested in it, such as the one given to
    /// `spawn_blocking` or `std::thread::spawn`):
    ///
    /// * `std::thread::sleep`, and `block_on` (`futures::executor::block_on`
    ///   and the other executors' free `block_on`, `Handle::current().block_on(…)`,
    ///   `Runtime::block_on`);
    /// * reading and writing files: `std::fs::read`, `read_to_string`, `write`,
    ///   `copy`, `remove_dir_all`, `File::open`, `File::create`,
    ///   `OpenOptions::new()….open(…)`, and `.read_to_end(…)`,
    ///   `.read_to_string(…)`, `.write_all(…)` on a `std::fs::File`;
    /// * the network: `std::net::TcpStream::connect` / `connect_timeout`,
    ///   `.accept()` and `.incoming()` of a `std::net::TcpListener` (not
    ///   in a fn that may put a socket in non-blocking mode:
    ///   `set_nonblocking(true)`, or a value leaklint cannot tell;
    ///   `set_nonblocking(false)` keeps it blocking), and
    ///   `.to_socket_addrs()` (a DNS lookup);
    /// * processes: `.output()`, `.status()`, `.wait()` and
    ///   `.wait_with_output()` of a `std::process::Command` or `Child`;
    /// * synchronisation: `.recv()` on a `std::sync::mpsc`,
    ///   `crossbeam_channel` or `flume` receiver, `Condvar::wait…`,
    ///   `Barrier::wait`, and `.join()` of a `std::thread` handle;
    /// * tokio's blocking forms, known by their names: `.blocking_recv()`,
    ///   `.blocking_send(…)`, `.blocking_lock()`, `.blocking_read()`,
    ///   `.blocking_write()`. In async code these do not block, they panic
    ///   ("Cannot block the current thread from within a runtime"), so they
    ///   are reported in `main`'s own future too, where blocking calls are
    ///   not.
    ///
    /// File-system calls that do not wait for anything worth a thread
    /// (`metadata`, `create_dir_all`, `remove_file`, `rename`, `read_dir`,
    /// `canonicalize`, …) and `bind` are not reported.
    ///
    /// Code that runs on the main thread rather than on a runtime worker is
    /// not reported either: the body of `main` or of a `#[tokio::main]` /
    /// `#[actix_web::main]` fn, async blocks in it that are not spawned, the
    /// futures it makes while iterating over values it holds and awaits
    /// right there (`join_all(paths.iter().map(|p| load(p)))`,
    /// `stream::iter(v).map(|x| async { … }).buffer_unordered(n)`), and
    /// the async block a sync fn hands to `block_on`
    /// (`runtime.block_on(async { … })`, or a wrapper named after it:
    /// `fluvio_future::task::run_block_on(…)`). An async block that a sync
    /// fn makes for its caller to await (`fn run(&self) -> BoxFuture<'_,
    /// ()> { Box::pin(async move { … }) }`) runs where that caller awaits
    /// it, as an async fn's body does. A future bound to a name and
    /// then spawned (`let fut = work(); tokio::spawn(fut)`) runs on a
    /// worker, and so does a closure kept for later: a request handler, or
    /// one mapped over a stream of requests. A `#[tokio::main]` fn or method
    /// other than `main` is such a sync fn: it builds a runtime and blocks on
    /// its body on the thread that called it. A blocking call there holds up
    /// only that thread. Under `#[tokio::main(flavor = "current_thread")]`
    /// the main thread is the runtime's only worker, and every blocking
    /// call there is reported; when a sync fn builds its runtime with
    /// `Builder::new_current_thread()`, the calling thread is that
    /// runtime's only worker: those calls are reported when the future it
    /// blocks on spawns a task (a spawn call in it, or in the fns it
    /// calls), which the blocking call would stall (see Known problems).
    /// A `block_on` written in an async fn (itself reported) runs its
    /// future on the thread that runs the fn, a worker: what that future
    /// blocks on is reported too, unless the fn is main-thread code.
    ///
    /// ### Why is this bad
    /// An async runtime runs many tasks on a few worker threads. A blocking
    /// call parks the worker: every other task scheduled on it stalls until
    /// the call returns, timers fire late, and with enough such calls the
    /// whole runtime stops making progress. A peer that never answers, a
    /// child process that never exits or a sender that never sends parks
    /// the worker for good. `block_on` inside a runtime panics (tokio) or
    /// deadlocks (single-threaded executors).
    ///
    /// ### Known problems
    /// On a current-thread runtime that a sync fn builds and blocks on, and
    /// whose future spawns no task, a blocking
    /// call stalls nothing but the work the user waits for, so it is left
    /// alone as on the main thread (under `#[tokio::main(flavor =
    /// "current_thread")]`, which says the main thread is the runtime's
    /// worker, every blocking call is reported, as written): a command-line tool that runs one
    /// command per `block_on` (`match cmd { Start => rt.block_on(start()),
    /// Stop => rt.block_on(stop()) }`) is judged command by command, and
    /// only the commands that spawn keep their findings. Judged on ten
    /// service workspaces, every blocking call in such a tool's commands
    /// was noise to its maintainers. A spawn is found as helpers are (in
    /// the fn, or in the fns it calls up to 4 calls deep, each resolved to
    /// one fn of the crate), so a task spawned behind a call leaklint
    /// cannot resolve (a method on a value of unknown type, another
    /// crate's fn such as a server's `serve`) is not seen, and the runtime
    /// is taken for one without tasks. A task that ends before the fn
    /// spawning it returns is not such a spawn (one on a `JoinSet` the fn
    /// makes and keeps, whose drop aborts it, or one whose handle the fn
    /// binds and waits for, by `.await`, `join!` or `join(…)`, lending it
    /// at most: a tool's parallel steps, a database connection's
    /// driver): that fn, and what it calls, runs beside the task and keeps
    /// its findings, while the command's other steps do not. An early
    /// return (`?`) between the spawn and the `.await`, or an `.await` in
    /// only one branch, detaches the task, which leaklint does not weigh. Without the crate model (a file
    /// with no `Cargo.toml` above it, `--stdin`), the file is its crate.
    ///
    /// A blocking call in the closure of an iterator adapter
    /// (`paths.iter().map(|p| fs::read(p))`) runs on the worker too, but a
    /// plain closure nested in async code is left alone as a whole (it may be
    /// handed to another thread), so it is not reported.
    ///
    /// leaklint has no types. Free calls are recognised by their resolved
    /// path. A method call is judged only when leaklint can see what its
    /// receiver is: a value made in the same function (`let listener =
    /// TcpListener::bind(…)?`, `let (tx, rx) = crossbeam_channel::unbounded()`,
    /// `let child = Command::new(…).spawn()?`, `let handle =
    /// std::thread::spawn(…)`, `let rt = Runtime::new()?`, also unwrapped
    /// by a pattern: `if let Ok(mut f) = File::open(p)`, `let Ok(mut c) =
    /// cmd.spawn() else { … }`, a `match` arm `Ok(l) =>`), a `let`,
    /// parameter, struct field or static of the file whose written type is
    /// the std type (`child: std::process::Child`, `cond: Condvar`, `rx:
    /// mpsc::Receiver<Job>`, `worker: Option<thread::JoinHandle<()>>`,
    /// `static READY_CV: Condvar`, through `&`, `Arc`,
    /// `Box`, `Option`, `Mutex`, `LazyLock`; `self.child` is the field of the impl's
    /// struct, `x.child` any struct's field of the file by that name).
    /// Receivers from anywhere else (another fn's
    /// result, a collection) are not judged, nor is anything awaited.
    /// `.to_socket_addrs()` is reported only where the file imports std's
    /// `ToSocketAddrs`, and not on an IP address written in the code
    /// (`"127.0.0.1:8080"`, `format!("0.0.0.0:{port}")`, `("::1", port)`,
    /// `(Ipv4Addr::LOCALHOST, port)`, or a `let` of one): std parses it
    /// without a DNS lookup. Nor on a value that is an address already: a
    /// `let`, parameter or field written `SocketAddr` / `SocketAddrV4` /
    /// `SocketAddrV6`, one made in place (`SocketAddr::new(ip, port)`), or
    /// an `(ip, port)` pair whose `ip` is written `IpAddr` / `Ipv4Addr` /
    /// `Ipv6Addr`. A host name written as a literal is still reported, and
    /// so is a string made from an address elsewhere (`addr.to_string()`
    /// handed over as a `&str`): its origin is not traced.
    ///
    /// Calls inside a plain closure are not reported even when the closure
    /// runs right away (`paths.iter().map(|p| std::fs::read(p))`). A call in
    /// async code of a sync fn of the crate that makes one of these calls
    /// other than reading or writing files (itself, or through sync fns it calls, up to
    /// `call_depth` (4) calls deep) is reported at the call, with a note at
    /// the blocking call in the helper. The helper is found as
    /// `spawn_without_cancel` finds a task's callees: only when exactly one
    /// fn of the crate can be it (a method on a value of unknown type is
    /// never guessed; one on what a fn of the crate returns is known by the
    /// type that fn declares: `db::global().settle()`), and its blocking calls count only outside closures
    /// and async blocks: a sync fn that returns `async move {
    /// rx.recv().await }` waits in nothing itself (the call in the block
    /// is judged where it is, as async code). A type of another crate is
    /// known as such only for the crates the rules name (`std`, `tokio`,
    /// `async_channel`, …): a field typed `other_dep::Receiver` is taken for
    /// the crate's `Receiver` when the crate has one.
    /// A helper called several times by one fn is reported at its first
    /// call there that is not main-thread code: one fix covers them all.
    /// A call in a task the fn spawns runs on a worker whatever calls the
    /// fn, so it is preferred to a call the crate may find on the main
    /// thread (`cut` awaited by `main` runs `git(…)` itself, then spawns a
    /// task that runs it again: the task's call is reported). A fn on the
    /// main thread of a multi-thread runtime stays main-thread code while
    /// it waits for tasks it spawned: they run on the workers, not beside
    /// it on its thread.
    ///
    /// Reading and writing files through a helper is not reported by
    /// default, by choice: only calls that can wait for a long or unbounded
    /// time whatever the data count there (a sleep, `block_on`, the
    /// network, a child process, a channel `recv`, a `Condvar` or `Barrier`
    /// wait, a thread `join`, and `remove_dir_all`, which takes as long as
    /// the tree is large). Judged on ten real service apps, the helper
    /// findings were nearly all a sync fn reading a small config, key or
    /// `/proc` file or writing a few hundred bytes, and none was worth
    /// acting on. Measured again on 29 applications with main-thread code
    /// left alone, following file I/O through helpers added 71 findings, of
    /// which a maintainer would act on 7 (a certificate re-read per TLS
    /// connection, whole task logs read per request), 27 were debatable
    /// and 37 noise (start-up and configuration loading, CLI commands,
    /// caches filled once). A helper that reads a large file on every
    /// request is therefore missed. File I/O written in the async code
    /// itself is still reported. A sleep in a helper is reported even when
    /// the callers pass a zero duration.
    ///
    /// `helper_file_io = "report"` (in `[options]`) reports file I/O
    /// through helpers too, where the async code may run per request: an
    /// async fn that nothing in the crate calls (an API, a handler passed
    /// by name), one called in a loop, in a closure or by a spawned task,
    /// and a helper call in a loop. An async fn that each of its callers
    /// awaits once, as one step of its own work (`Server::new(cfg).await`
    /// loading a certificate), is start-up or configuration as far as the
    /// crate shows and is left alone, as is main-thread code, unless one of
    /// those callers runs many times itself: a task started per
    /// connection (spawned in a loop), a fn called in a loop, or a request
    /// handler, known by what it takes (a `Request<B>`, actix's
    /// `HttpRequest` or `web::Data<T>`, an extractor such as axum's
    /// `State<S>`, `Path<T>`, `Json<T>`) or by being an async fn handed by
    /// name to code the crate does not show (`get(download)`). Only the
    /// callers' own calls count, one level up: a fn two awaits below a
    /// handler is taken for a step of the handler's work. Each async fn
    /// gets one such finding, at its first helper call (one fix moves its
    /// file work off the worker). On ten service apps this reported 43
    /// more findings, of which a maintainer would act on 3 (a tree removed
    /// per tenant attach, a whole source file hashed per compile request),
    /// 1 was debatable and 39 noise (certificates and keys re-read after a
    /// change, tiny credential files, dev tooling), hence off by default.
    /// Measured again on 41 applications, with file I/O reported only
    /// where the async code is shown to run many times (per request, per
    /// connection, per loop turn): 76 findings, 5 worth acting on (uploads
    /// written per request, certificates re-read per TLS connection, a WAL
    /// replayed on a serving runtime), 8 debatable, 63 noise (small
    /// metadata written per admin request, start-up through constructors,
    /// `/proc` and cgroup files, command-line tools): the default stays.
    ///
    /// A sync helper called through a re-export (`pub use
    /// crate::store::load;` in `api`, then `api::load()`), also one that
    /// renames it (`pub use util::wait as wait_now;`, then
    /// `api::wait_now(d)`), is followed as `spawn_without_cancel` follows
    /// calls; and for "reached only from
    /// `main`", a call through a re-export counts as no caller of the fn (so
    /// an async fn that only `main` reaches that way is reported). A
    /// call from a binary of its package's library by the library's name
    /// (`app::setup().await`, `app::backoff()`, `backoff()` after `use
    /// app::backoff`) is read as a call of the library root's fn, as
    /// `crate::backoff()` is: `main` reaching a fn that way counts, and a
    /// sync helper of the library called that way is followed. So is a call
    /// through the name a package's manifest gives another package of the
    /// workspace (`foo = { package = "bar-core", path = "…" }`, in its own
    /// table or inherited from `[workspace.dependencies]`): `foo::util::pause()`
    /// in that package is `bar_core::util::pause()`.
    ///
    /// An `async fn` reached from `main` only through calls and awaits (a
    /// CLI's command handler, start-up code `main` awaits before serving)
    /// runs on the main thread too and is not reported: leaklint reads every
    /// Rust file of the workspace for its callers (of the binary, for a fn
    /// of a binary: no other crate can call it; of its package and those
    /// that depend on it, for a fn of a library), matching calls by name as
    /// `spawn_without_cancel` describes, each target's fns its own (a
    /// binary's `cache::load`, which `main` awaits, is not its library's
    /// `cache::load`; a same-named method called on a
    /// value of unknown type, a fn passed as a value or named in an
    /// unreadable macro, or a file that does not parse and spells its name
    /// or that of a fn that may call it keeps the finding).
    /// Calls within a cycle run on the thread the cycle is entered on: a
    /// subcommand that awaits a nested command's `process` on a value of
    /// unknown type (`Some(next) => next.process().await`) calls every
    /// `process` of the crate, its own dispatcher's too, and when `main` is
    /// the only way into that cycle, all of it is main-thread code. A
    /// struct literal or unit struct receiver (`CurrentOpt {}.process()`,
    /// `ShutdownOpt.process()`) calls its own type's method only.
    /// A fn handed by name to a fn of the crate that calls that parameter
    /// itself (`init_protocol("ftp", init_ftp)` whose body awaits `init()`,
    /// `retry::with_backoff(5, register)` calling `f()` in its loop) is
    /// called there, on the caller's thread; one the receiving fn calls in
    /// a closure, an async block or a spawned future, or keeps, is not
    /// known to run there. So with a closure handed that way
    /// (`with_backoff(3, || load_config())`): its calls run where the fn
    /// calls it; handed to a fn that spawns it, keeps it, or is not the
    /// crate's, they keep the finding.
    /// Start-up code reached some other way (a thread of its own, a server's
    /// `start` called by a framework) is still reported; suppress it with a
    /// reason.
    ///
    /// A command-line tool's handlers are often called by code a macro
    /// generates (`#[cling(run = "run_view")]`) or through a trait object,
    /// which leaklint cannot follow. So in a package that is a command-line
    /// tool by its name (`cli`, a name ending in `-cli` or `_cli`, or a cargo
    /// subcommand `cargo-…`), every async fn (and async block a sync fn
    /// returns, as a command's boxed future) counts as main-thread code: the
    /// tool runs one command for a user who waits for it. A call inside an
    /// async block the tool spawns is still reported; it runs beside the
    /// command. One in an async fn that a task runs
    /// (`tokio::spawn(watch_loop())`) is not, even under a current-thread
    /// runtime whose command spawns tasks: name such a tool otherwise, or
    /// move the loop into the spawned block.
    /// A command-line tool named otherwise keeps its findings where
    /// leaklint cannot see `main` reach the handler. An async block in `main` handed to a fn of the crate that
    /// spawns it is a spawned task (`tasks::spawn_named("warm", async { …
    /// })`, `tasks::detach(async { … })`, the latter when a fn of the crate
    /// named `detach` hands a parameter to a spawn call, or to such a fn of
    /// its own file); handed to a fn that hands it to a wrapper of another
    /// file, both named otherwise, it is taken for main-thread code, and so
    /// are the async fns that only such a block awaits. An async fn whose
    /// call `main` hands to a wrapper named otherwise (`boot::launch("warm",
    /// warm_cache(cfg))`, or `async move { warm_cache(cfg).await }` given to
    /// it) counts as reached from `main` by a plain call, so a blocking call
    /// in it is taken for main-thread code: the callers' summaries are read
    /// file by file and know wrappers by the name `spawn…` only. A
    /// runtime's flavour is known
    /// only when it is built in the same fn, or by a fn of the same file
    /// that returns it (`fn runtime() -> io::Result<Runtime>`): a
    /// current-thread runtime made in another file or passed in is taken
    /// for a multi-threaded one, also in a fn that builds a current-thread
    /// runtime for other work (`rt.block_on(…)` on a parameter `rt`).
    ///
    /// A file opened and then read in the same async fn gets two findings,
    /// one at the `open` and one at the read; both lines change in the fix.
    /// An `open` is reported even when every read of the file goes through
    /// `block_in_place` or `spawn_blocking` elsewhere: opening a local file
    /// rarely waits long, so suppress it with a reason there.
    /// `recv_timeout`, `try_recv`, iterating a receiver (`for msg in rx`,
    /// `rx.iter()`), `File::create_new`, reads through a `BufReader`, joins
    /// of scoped threads and the `std::os::unix::net` sockets are not
    /// reported.
    ///
    /// ### Example
    /// ```rust,ignore
    /// async fn load(path: &Path) -> io::Result<Config> {
    ///     let text = std::fs::read_to_string(path)?;
    ///     std::thread::sleep(Duration::from_millis(50));
    ///     let out = std::process::Command::new("git").arg("rev-parse").output()?;
    ///     parse(&text, &out.stdout)
    /// }
    /// ```
    ///
    /// ### Use instead
    /// ```rust,ignore
    /// async fn load(path: &Path) -> io::Result<Config> {
    ///     let text = tokio::fs::read_to_string(path).await?;
    ///     tokio::time::sleep(Duration::from_millis(50)).await;
    ///     let out = tokio::process::Command::new("git").arg("rev-parse").output().await?;
    ///     parse(&text, &out.stdout)
    /// }
    /// ```
    pub BLOCKING_CALL_IN_ASYNC,
    name: "blocking_call_in_async",
    level: Warn,
    summary: "a call that can wait (std::thread::sleep, std::fs reads and writes, std::net, std::process, a sync channel recv, Condvar/Barrier wait, thread join, block_on, tokio's blocking_recv/blocking_lock) inside async code",
    triggers: triggers,
    check: check,
}

/// A blocking call's name (the last segment of a free call, a method), in
/// async code, and the path that tells the call or its receiver: the free
/// call itself, the constructor or type of the receiver, a blocking
/// channel's constructor with `recv`, a thread spawn with `join`, or tokio's
/// runtime module with `block_on`.
fn triggers() -> Triggers {
    let free_calls: Vec<&[&str]> = FREE_CALLS.iter().map(|(paths, _)| *paths).collect();
    let mut words = paths::last_segments(&free_calls);
    for (method, _) in METHODS {
        if !words.iter().any(|w| w == method) {
            words.push(method.to_string());
        }
    }
    let mut receivers = paths::spelled(&free_calls);
    receivers.extend(paths::spelled(&[
        FILE_OPENS,
        OPEN_OPTIONS,
        FILE_TYPES,
        LISTENER_BIND,
        LISTENER_TYPES,
        COMMAND_NEW,
        PROCESS_TYPES,
        CONDVAR_NEW,
        CONDVAR_TYPES,
        BARRIER_NEW,
        BARRIER_TYPES,
        &[TO_SOCKET_ADDRS],
    ]));
    receivers.extend(
        METHODS
            .iter()
            .filter(|(method, _)| is_tokio_blocking_form(method))
            .map(|(method, _)| method.to_string()),
    );
    receivers.extend(paths::and_each(
        &paths::spelled(&[CHANNELS, BLOCKING_RECEIVER_TYPES]),
        &["recv"],
    ));
    receivers.extend(paths::and_each(
        &paths::spelled(&[THREAD_SPAWN, THREAD_BUILDER, THREAD_HANDLE_TYPES]),
        &["join"],
    ));
    receivers.extend(paths::and_each(
        &paths::spelled_entries(TOKIO_RUNTIME_MODULE),
        &["block_on"],
    ));
    Triggers::new(words)
        .requiring(["async"])
        .requiring(receivers)
}

/// The kinds of blocking calls, each with its fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Sleep,
    Fs,
    /// `remove_dir_all`: file work that takes as long as the tree is large.
    TreeRemoval,
    Net,
    Dns,
    Process,
    Recv,
    SyncWait,
    Join,
    BlockOn,
    /// tokio's `blocking_recv`, `blocking_lock`…: inside async code it
    /// does not block, it panics.
    Panics,
}

impl Kind {
    /// Whether a call of this kind in a sync helper makes a call of the
    /// helper from async code worth reporting: it can wait long whatever
    /// the size of the data (a sleep, a peer, a child process, another
    /// thread, a tree of any size to remove). File I/O in a helper is
    /// nearly always a small read or write (a config or key file), so only
    /// file I/O written in the async code itself is reported (unless
    /// `helper_file_io = "report"`).
    fn waits_unbounded(self) -> bool {
        !matches!(self, Kind::Fs)
    }

    fn help(self) -> &'static str {
        match self {
            Kind::Sleep => "use `tokio::time::sleep(…).await` instead",
            Kind::Fs | Kind::TreeRemoval => "use `tokio::fs`, or move the file work into `tokio::task::spawn_blocking`",
            Kind::Net => "use `tokio::net`, or move the socket work into `tokio::task::spawn_blocking`",
            Kind::Dns => "use `tokio::net::lookup_host(…).await`, or resolve inside `tokio::task::spawn_blocking`",
            Kind::Process => "use `tokio::process::Command` and `.await` it, or wait inside `tokio::task::spawn_blocking`",
            Kind::Recv => "use an async channel (`tokio::sync::mpsc`, flume's `recv_async`) and `.await` it, or receive inside `tokio::task::spawn_blocking`",
            Kind::SyncWait => "use `tokio::sync::Notify` / `tokio::sync::Barrier` and `.await` it, or wait inside `tokio::task::spawn_blocking`",
            Kind::Join => "run the work with `tokio::task::spawn_blocking` and `.await` its handle, or join inside `spawn_blocking`",
            Kind::BlockOn => "`.await` the future instead of blocking on it",
            Kind::Panics => "`.await` the async form (`recv().await`, `lock().await`, `read().await`, `send(v).await`); keep the `blocking_` form for threads outside the runtime",
        }
    }
}

/// Free functions that wait, by resolved path, with their kind.
const FREE_CALLS: &[(&[&str], Kind)] = &[
    (BLOCKING_SLEEPS, Kind::Sleep),
    (BLOCKING_FS_CALLS, Kind::Fs),
    (BLOCKING_TREE_REMOVALS, Kind::TreeRemoval),
    (BLOCKING_NET_CALLS, Kind::Net),
    (BLOCKING_DNS_CALLS, Kind::Dns),
    (BLOCK_ON_CALLS, Kind::BlockOn),
];
/// Methods that wait, with the number of arguments they take (`None`: at
/// least one). Each is judged by what its receiver is (see `method_call`).
const METHODS: &[(&str, Option<usize>)] = &[
    ("block_on", Some(1)),
    ("open", Some(1)),
    ("read_to_end", Some(1)),
    ("read_to_string", Some(1)),
    ("write_all", Some(1)),
    ("accept", Some(0)),
    ("incoming", Some(0)),
    ("to_socket_addrs", Some(0)),
    ("output", Some(0)),
    ("status", Some(0)),
    ("wait", Some(0)),
    ("wait_with_output", Some(0)),
    ("recv", Some(0)),
    ("join", Some(0)),
    ("wait", Some(1)),
    ("wait_while", None),
    ("wait_timeout", None),
    ("wait_timeout_while", None),
    ("wait_timeout_ms", None),
    ("wait_for", None),
    ("wait_until", None),
    ("wait_while_for", None),
    ("wait_while_until", None),
    ("blocking_recv", Some(0)),
    ("blocking_lock", Some(0)),
    ("blocking_read", Some(0)),
    ("blocking_write", Some(0)),
    ("blocking_send", Some(1)),
];

/// Whether a method of [`METHODS`] is one of tokio's blocking forms of its
/// async primitives (`blocking_recv` of `mpsc` / `oneshot` / `broadcast`
/// receivers, `blocking_lock` of `Mutex`, …). No other crate names a method
/// so: they are known by name.
fn is_tokio_blocking_form(method: &str) -> bool {
    method.starts_with("blocking_")
}

/// Methods that hand on the same value (or a guard, reference or clone of
/// it) on the way to the call judged.
const PASS_THROUGH: &[&str] = &[
    "clone",
    "unwrap",
    "expect",
    "as_ref",
    "as_mut",
    "borrow",
    "borrow_mut",
    "lock",
    "read",
    "write",
    "get_mut",
    "take",
    "by_ref",
    "unwrap_or_else",
];
/// Constructors that wrap a value without changing what its methods do.
const WRAPPERS: &[&str] = &[
    "Arc::new",
    "Rc::new",
    "Box::new",
    "Mutex::new",
    "RwLock::new",
    "RefCell::new",
    "Arc::clone",
    "Rc::clone",
];
/// The types of a runtime whose `block_on` blocks, as a parameter or a
/// field is written with them.
const RUNTIME_TYPES: &[&str] = &["tokio::runtime::Runtime", "tokio::runtime::Handle"];
/// Generic types seen through when a written type is checked.
const WRAPPER_TYPES: &[&str] = &[
    "Arc", "Rc", "Box", "Option", "Mutex", "RwLock", "RefCell", "Lazy", "LazyLock",
];

fn check(ctx: &FileContext<'_>, options: &LintOptions) -> Vec<Finding> {
    let rule = Rule {
        ctx,
        fields: OnceCell::new(),
        std_to_socket_addrs: OnceCell::new(),
    };
    let mut findings = Vec::new();
    let mut helpers_seen = std::collections::HashMap::new();
    ctx.walk_exprs(|expr, ancestors| {
        // Only calls can block; the async context is looked up for them
        // alone (it walks the ancestors).
        if !matches!(expr, Expr::Call(_) | Expr::MethodCall(_)) {
            return;
        }
        let Some(context) = async_context(ancestors) else {
            return;
        };
        let Some((kind, what)) = rule.blocking_call(expr, ancestors) else {
            // A call of a sync fn of the crate that blocks, which only the
            // crate can tell (see `Finding::follow`), when the driver does
            // not already know that no fn of that name blocks.
            let name = ctx.crate_call_name(expr, ancestors);
            if let Some(name) = name.filter(|n| ctx.may_call_blocking_helper(n)) {
                // One finding per helper and calling fn: one fix (calling
                // it on the blocking pool, or making it async) covers them.
                let caller = enclosing_fn_sig(ancestors).map(|s| s.ident.span().start());
                // The callee as written: its path, or the receiver's name and the method.
                let callee = match expr {
                    Expr::Call(c) => match &*c.func {
                        Expr::Path(p) => ctx.resolve(&p.path),
                        _ => None,
                    },
                    Expr::MethodCall(m) => match &*m.receiver {
                        Expr::Path(p) => p.path.get_ident().map(|r| format!("{r}.{name}")),
                        Expr::Field(f) => match (&*f.base, &f.member) {
                            (Expr::Path(p), syn::Member::Named(field)) => p
                                .path
                                .get_ident()
                                .map(|r| format!("{r}.{field}.{name}")),
                            _ => None,
                        },
                        _ => None,
                    },
                    _ => None,
                };
                // A call on the main thread is not one of them (`main`
                // calls it, then a task it spawns does).
                let thread = thread_of(ctx, ancestors, context.index);
                // A call in test code (a failpoint's branch) does not stand
                // for the others: its finding goes with the test code.
                let in_test = ctx.expr_in_test_code(expr);
                if matches!(thread, Thread::Main) {
                    return;
                }
                // A call that runs on a worker whatever the crate says (in
                // a task the fn spawns) stands for them better than one
                // the crate may find on the main thread: it replaces it.
                let on_worker = thread.main_if_only_from().is_none();
                let key = (caller, callee, in_test);
                let replace = match helpers_seen.get(&key) {
                    None => None,
                    Some(&(at, false)) if on_worker => Some(at),
                    Some(_) => return,
                };
                let finding = Finding::new(
                    BLOCKING_CALL_IN_ASYNC.name,
                    ctx.span_of(expr),
                    format!("`{name}` blocks the runtime's worker thread: it makes a blocking call"),
                )
                .note(ctx.span(context.token), context.note)
                .help("call it inside `tokio::task::spawn_blocking`, or make the blocking call inside it async");
                let finding = Finding {
                    follow: Some(Follow {
                        blocking_in_callee: Some(ctx.span_of(expr)),
                        depth: options.call_depth,
                        helper_file_io_reported: options.report_helper_file_io,
                        ..Follow::default()
                    }),
                    ..finding
                };
                let finding = match thread.main_if_only_from() {
                    Some((function, kind)) => finding.moot_if_reached(function.to_string(), kind),
                    None => finding,
                };
                match replace {
                    Some(at) => findings[at] = finding,
                    None => findings.push(finding),
                }
                helpers_seen.insert(key, (replace.unwrap_or(findings.len() - 1), on_worker));
            }
            return;
        };
        if kind == Kind::Panics {
            // On any thread that runs a tokio runtime's future, `main`'s
            // too: tokio refuses to block it.
            findings.push(
                Finding::new(
                    BLOCKING_CALL_IN_ASYNC.name,
                    ctx.span_of(expr),
                    format!("tokio's `{what}` inside async code panics: tokio does not let a thread that runs async code block"),
                )
                .note(ctx.span(context.token), context.note)
                .help(kind.help()),
            );
            return;
        }
        let thread = thread_of(ctx, ancestors, context.index);
        if matches!(thread, Thread::Main) {
            return;
        }
        let moot_if = thread.main_if_only_from().map(|(f, kind)| (f.to_string(), kind));
        let mut finding = Finding::new(
            BLOCKING_CALL_IN_ASYNC.name,
            ctx.span_of(expr),
            format!("blocking call `{what}` inside async code blocks the runtime's worker thread"),
        )
        .note(ctx.span(context.token), context.note);
        if let Thread::OnlyWorker { runtime, .. } = thread {
            finding = finding.note(
                ctx.span(runtime),
                "this runtime is current-thread: the main thread is its only worker, so the call stalls every task",
            );
        }
        let finding = finding.help(kind.help());
        findings.push(match moot_if {
            Some((function, kind)) => finding.moot_if_reached(function, kind),
            None => finding,
        });
    });
    findings
}

/// Whether `file` brings std's `ToSocketAddrs` into scope (a `use` of it,
/// renamed or as `_`, or a glob of `std::net`).
fn std_to_socket_addrs_imported(file: &syn::File) -> bool {
    struct Uses {
        found: bool,
    }
    fn walk(tree: &syn::UseTree, prefix: &mut Vec<String>, found: &mut bool) {
        let here = |last: &str, prefix: &[String]| {
            let mut p = prefix.to_vec();
            p.push(last.to_string());
            normalize(&p.join("::"))
        };
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                walk(&p.tree, prefix, found);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                *found |= here(&n.ident.to_string(), prefix) == TO_SOCKET_ADDRS;
            }
            syn::UseTree::Rename(r) => {
                *found |= here(&r.ident.to_string(), prefix) == TO_SOCKET_ADDRS;
            }
            syn::UseTree::Glob(_) => {
                *found |= normalize(&prefix.join("::")) == "std::net";
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    walk(t, prefix, found);
                }
            }
        }
    }
    impl<'v> Visit<'v> for Uses {
        fn visit_item_use(&mut self, u: &'v syn::ItemUse) {
            walk(&u.tree, &mut Vec::new(), &mut self.found);
        }
    }
    let mut uses = Uses { found: false };
    uses.visit_file(file);
    uses.found
}

/// The per-file state of one run of the rule.
struct Rule<'v, 'a> {
    ctx: &'v FileContext<'a>,
    /// The types of the named fields of the file's structs, by field name.
    fields: OnceCell<HashMap<String, Vec<&'v syn::Type>>>,
    /// Whether the file brings std's `ToSocketAddrs` into scope.
    std_to_socket_addrs: OnceCell<bool>,
}

/// Where a method call's receiver came from.
enum Origin<'v> {
    /// A call made it: the call, the methods applied on the way (outermost
    /// first), and the position taken out of the tuple it returned
    /// (`let (tx, rx) = channel()`).
    Call {
        call: &'v syn::ExprCall,
        methods: Vec<&'v syn::Ident>,
        part: Option<usize>,
    },
    /// Its type is written: a typed `let`, a parameter or a struct field.
    Typed {
        types: Vec<&'v syn::Type>,
        methods: Vec<&'v syn::Ident>,
        part: Option<usize>,
    },
}

impl Origin<'_> {
    fn methods(&self) -> &[&syn::Ident] {
        match self {
            Origin::Call { methods, .. } | Origin::Typed { methods, .. } => methods,
        }
    }

    /// Whether every method on the way hands on the same value.
    fn passes_through(&self) -> bool {
        self.methods()
            .iter()
            .all(|m| PASS_THROUGH.iter().any(|p| m == p))
    }

    fn has_method(&self, name: &str) -> bool {
        self.methods().iter().any(|m| *m == name)
    }
}

impl<'v> Rule<'v, '_> {
    /// Whether `expr` is a blocking call, with its kind and how to name it.
    fn blocking_call(&self, expr: &'v Expr, ancestors: &[Node<'v>]) -> Option<(Kind, String)> {
        match expr {
            Expr::Call(call) => {
                let Expr::Path(p) = &*call.func else {
                    return None;
                };
                if p.qself.is_some() {
                    return None;
                }
                let resolved = self.ctx.resolve(&p.path)?;
                let kind = FREE_CALLS
                    .iter()
                    .find(|(paths, _)| paths.contains(&resolved.as_str()))
                    .map(|(_, k)| *k)?;
                if kind == Kind::Dns
                    && call
                        .args
                        .first()
                        .is_some_and(|a| self.names_ip_literal(a, ancestors, 0))
                {
                    return None;
                }
                Some((kind, resolved))
            }
            Expr::MethodCall(m) => self.method_call(m, ancestors),
            _ => None,
        }
    }

    fn method_call(
        &self,
        m: &'v syn::ExprMethodCall,
        ancestors: &[Node<'v>],
    ) -> Option<(Kind, String)> {
        let method = m.method.to_string();
        let arity_ok = METHODS.iter().any(|(name, args)| {
            *name == method && args.map_or(!m.args.is_empty(), |n| n == m.args.len())
        });
        if !arity_ok {
            return None;
        }
        // The std calls return no future: an awaited call is some async API.
        if matches!(ancestors.last(), Some(Node::Expr(Expr::Await(_)))) {
            return None;
        }
        if method == "block_on" {
            return self.runtime_block_on(m, ancestors);
        }
        if is_tokio_blocking_form(&method) {
            return Some((Kind::Panics, method));
        }
        if method == "to_socket_addrs" {
            if self.names_ip_literal(&m.receiver, ancestors, 0) {
                return None;
            }
            return self.std_to_socket_addrs_in_scope().then(|| {
                (
                    Kind::Dns,
                    "std::net::ToSocketAddrs::to_socket_addrs".to_string(),
                )
            });
        }
        let origin = self.origin(&m.receiver, ancestors, 0)?;
        match (method.as_str(), m.args.len()) {
            ("open", 1) => {
                self.made_by(&origin, OPEN_OPTIONS, None)?;
                Some((Kind::Fs, "std::fs::OpenOptions::open".to_string()))
            }
            ("read_to_end" | "read_to_string" | "write_all", 1) => {
                // Only a file held in a binding: `File::open(p)?.read_to_end(…)`
                // is reported at its `open`.
                path_ident(strip_refs(&m.receiver))?;
                let is_file = (self.made_by(&origin, FILE_OPENS, None).is_some()
                    && origin.passes_through())
                    || (self.made_by(&origin, OPEN_OPTIONS, None).is_some()
                        && origin.has_method("open"))
                    || self.typed_as(&origin, FILE_TYPES);
                is_file.then(|| (Kind::Fs, format!("std::fs::File::{method}")))
            }
            ("accept" | "incoming", 0) => {
                let is_listener = (self.made_by(&origin, LISTENER_BIND, None).is_some()
                    && origin.passes_through())
                    || self.typed_as(&origin, LISTENER_TYPES);
                if !is_listener || self.fn_sets_nonblocking(ancestors) {
                    return None;
                }
                Some((Kind::Net, format!("std::net::TcpListener::{method}")))
            }
            ("output" | "status" | "wait" | "wait_with_output", 0)
                if self.made_by(&origin, COMMAND_NEW, None).is_some()
                    || self.written_as(&origin, PROCESS_TYPES) =>
            {
                let owner = if matches!(method.as_str(), "output" | "status") {
                    "Command"
                } else {
                    "Child"
                };
                Some((Kind::Process, format!("std::process::{owner}::{method}")))
            }
            ("wait", 0) => {
                let is_barrier = (self.made_by(&origin, BARRIER_NEW, None).is_some()
                    && origin.passes_through())
                    || self.typed_as(&origin, BARRIER_TYPES);
                is_barrier.then(|| (Kind::SyncWait, "std::sync::Barrier::wait".to_string()))
            }
            ("recv", 0) => {
                // Made here (`let (tx, rx) = mpsc::channel();`), or a `let`,
                // parameter or field written as such a receiver.
                let made = match self.made_by(&origin, CHANNELS, Some(1)) {
                    Some(made) => made,
                    None if self.typed_as(&origin, BLOCKING_RECEIVER_TYPES) => {
                        self.written_types(&origin).into_iter().next()??
                    }
                    None => return None,
                };
                if !origin.passes_through() {
                    return None;
                }
                let krate = match made.split("::").next() {
                    Some("crossbeam") => "crossbeam_channel",
                    Some("flume") => "flume",
                    _ => "std::sync::mpsc",
                };
                Some((Kind::Recv, format!("{krate}::Receiver::recv")))
            }
            ("join", 0) => {
                let is_thread = (self.made_by(&origin, THREAD_SPAWN, None).is_some()
                    && origin.passes_through())
                    || (self.made_by(&origin, THREAD_BUILDER, None).is_some()
                        && origin.has_method("spawn"))
                    || self.typed_as(&origin, THREAD_HANDLE_TYPES);
                is_thread.then(|| (Kind::Join, "std::thread::JoinHandle::join".to_string()))
            }
            (wait, _) if wait.starts_with("wait") && !m.args.is_empty() => {
                let made = self.made_by(&origin, CONDVAR_NEW, None);
                let is_condvar = (made.is_some() && origin.passes_through())
                    || self.typed_as(&origin, CONDVAR_TYPES);
                is_condvar.then(|| (Kind::SyncWait, format!("Condvar::{method}")))
            }
            _ => None,
        }
    }

    /// Whether the address given to `to_socket_addrs` is an IP address
    /// written in the code, which std parses without asking the resolver:
    /// a string literal (`"127.0.0.1:8080"`), a `format!` whose host part
    /// is one (`format!("0.0.0.0:{port}")`), an `(ip, port)` tuple whose ip
    /// is such a literal or an `Ipv4Addr` / `Ipv6Addr` / `IpAddr` made in
    /// place (`Ipv4Addr::LOCALHOST`, `IpAddr::V4(…)`), or a `let` of one of
    /// these. A host name, even a literal one, still goes to the resolver.
    fn names_ip_literal(&self, addr: &'v Expr, ancestors: &[Node<'v>], depth: usize) -> bool {
        match strip_refs(addr) {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => host_is_ip(&s.value()),
            Expr::Macro(m) if m.mac.path.is_ident("format") => {
                formatted_literal(&m.mac).is_some_and(|text| host_is_ip(&text))
            }
            Expr::Tuple(t) if t.elems.len() == 2 => match strip_refs(&t.elems[0]) {
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => s.value().parse::<std::net::IpAddr>().is_ok(),
                ip => names_ip_value(ip) || self.declared_as(ip, ancestors, IP_ADDR_TYPES),
            },
            // A socket address is one already (`addr: SocketAddr`,
            // `SocketAddr::new(ip, port)`): std returns it as it is.
            e if self.declared_as(e, ancestors, SOCKET_ADDR_TYPES) => true,
            Expr::Call(c) if matches!(&*c.func, Expr::Path(p) if names_socket_addr_constructor(&p.path)) => {
                true
            }
            Expr::Path(p) if depth < 2 => {
                let Some(name) = p.path.get_ident() else {
                    return false;
                };
                match self.lookup(name, ancestors) {
                    Some(Binding::Let(local, at)) => local.init.as_ref().is_some_and(|init| {
                        init.diverge.is_none() && self.names_ip_literal(&init.expr, &at, depth + 1)
                    }),
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// Whether `e` is a name (a `let`, parameter or field, through `&`)
    /// whose written type is one of `types`.
    fn declared_as(&self, e: &'v Expr, ancestors: &[Node<'v>], types: &[&str]) -> bool {
        self.origin(e, ancestors, 0)
            .is_some_and(|origin| self.typed_as(&origin, types))
    }

    /// `.block_on(…)` on a tokio runtime or handle made in the same fn, or
    /// on a parameter or a field typed as one.
    fn runtime_block_on(
        &self,
        m: &'v syn::ExprMethodCall,
        ancestors: &[Node<'v>],
    ) -> Option<(Kind, String)> {
        let ctx = self.ctx;
        let owner = match ctx.builder_origin(&m.receiver, ancestors, RUNTIMES) {
            Some(b) => {
                let Expr::Path(p) = &*b.constructor.func else {
                    return None;
                };
                ctx.resolve(&p.path)?
            }
            None => (self.runtime_param_type(&m.receiver, ancestors))
                .or_else(|| self.runtime_field_type(&m.receiver))?,
        };
        let owner = if owner.contains("Handle") {
            "Handle"
        } else {
            "Runtime"
        };
        Some((Kind::BlockOn, format!("{owner}::block_on")))
    }

    /// For a receiver that is a parameter of the enclosing fn typed (through
    /// references, `Arc` or `Rc`) as a tokio `Runtime` or `Handle`: that type's path.
    fn runtime_param_type(&self, receiver: &Expr, ancestors: &[Node<'v>]) -> Option<String> {
        let ty = match self.lookup(path_ident(receiver)?, ancestors)? {
            Binding::Param(ty) => ty,
            Binding::Let(..) => return None,
        };
        let resolved = self.written_type(ty, &["Arc", "Rc"])?;
        RUNTIME_TYPES
            .contains(&resolved.as_str())
            .then_some(resolved)
    }

    /// For a receiver that is a named field (`self.rt`) which every struct
    /// of the file with a field of that name types (through references,
    /// `Arc` or `Rc`) as the same tokio `Runtime` or `Handle`: that type's
    /// path.
    fn runtime_field_type(&self, receiver: &Expr) -> Option<String> {
        let Expr::Field(f) = receiver else {
            return None;
        };
        let syn::Member::Named(name) = &f.member else {
            return None;
        };
        let mut types = (self.field_types(&name.to_string()).into_iter())
            .map(|ty| self.written_type(ty, &["Arc", "Rc"]));
        let first = types.next()??;
        (RUNTIME_TYPES.contains(&first.as_str()) && types.all(|t| t.as_ref() == Some(&first)))
            .then_some(first)
    }

    /// The resolved path of the constructor that made the receiver, when it
    /// is one of `constructors` and the receiver is the tuple position
    /// `part` of its result (or the whole result for `None`).
    fn made_by(
        &self,
        origin: &Origin<'v>,
        constructors: &[&str],
        part: Option<usize>,
    ) -> Option<String> {
        let Origin::Call {
            call, part: got, ..
        } = origin
        else {
            return None;
        };
        if *got != part {
            return None;
        }
        let Expr::Path(p) = &*call.func else {
            return None;
        };
        if p.qself.is_some() {
            return None;
        }
        let resolved = self.ctx.resolve(&p.path)?;
        constructors
            .contains(&resolved.as_str())
            .then_some(resolved)
    }

    /// Whether the receiver's written type is one of `types` (through
    /// references and the `WRAPPER_TYPES`), and only methods that hand on
    /// the same value were applied to it.
    fn typed_as(&self, origin: &Origin<'v>, types: &[&str]) -> bool {
        origin.passes_through() && self.written_as(origin, types)
    }

    /// Whether the written type the receiver came from is one of `types`,
    /// whatever methods were applied to it since (a `Command` typed so,
    /// then configured and spawned: its `Child`).
    fn written_as(&self, origin: &Origin<'v>, types: &[&str]) -> bool {
        let written = self.written_types(origin);
        !written.is_empty()
            && written
                .iter()
                .all(|t| t.as_ref().is_some_and(|t| types.contains(&t.as_str())))
    }

    /// The resolved paths of the types the receiver was written with
    /// (`None` for one that does not resolve), when it came from written
    /// types; else none.
    fn written_types(&self, origin: &Origin<'v>) -> Vec<Option<String>> {
        let Origin::Typed {
            types: written,
            part,
            ..
        } = origin
        else {
            return Vec::new();
        };
        (written.iter())
            .map(|ty| {
                let ty = match part {
                    Some(i) => tuple_part(ty, *i)?,
                    None => ty,
                };
                self.written_type(ty, WRAPPER_TYPES)
            })
            .collect()
    }

    /// The resolved path of a written type, seen through references,
    /// parentheses and the generic `wrappers` (by last segment).
    fn written_type(&self, ty: &syn::Type, wrappers: &[&str]) -> Option<String> {
        match ty {
            syn::Type::Reference(r) => self.written_type(&r.elem, wrappers),
            syn::Type::Paren(p) => self.written_type(&p.elem, wrappers),
            syn::Type::Group(g) => self.written_type(&g.elem, wrappers),
            syn::Type::Path(p) if p.qself.is_none() => {
                let last = p.path.segments.last()?;
                if wrappers.iter().any(|w| last.ident == w) {
                    if let syn::PathArguments::AngleBracketed(args) = &last.arguments {
                        if let Some(syn::GenericArgument::Type(inner)) = args.args.first() {
                            return self.written_type(inner, wrappers);
                        }
                    }
                }
                self.ctx.resolve(&p.path)
            }
            _ => None,
        }
    }

    /// Follows a receiver back to the call that made it or to its written
    /// type: through method chains, `?`, `&`, `*`, the `WRAPPERS`, `let`
    /// bindings of the same fn (also one position of a tuple pattern
    /// `let (a, b) = …`), parameters and struct fields.
    fn origin(&self, expr: &'v Expr, ancestors: &[Node<'v>], depth: usize) -> Option<Origin<'v>> {
        let mut methods = Vec::new();
        self.origin_of(expr, ancestors, None, &mut methods, depth)
    }

    fn origin_of(
        &self,
        expr: &'v Expr,
        ancestors: &[Node<'v>],
        part: Option<usize>,
        methods: &mut Vec<&'v syn::Ident>,
        depth: usize,
    ) -> Option<Origin<'v>> {
        if depth > 8 {
            return None;
        }
        let mut e = expr;
        loop {
            match e {
                Expr::Paren(p) => e = &p.expr,
                Expr::Group(g) => e = &g.expr,
                Expr::Reference(r) => e = &r.expr,
                Expr::Try(t) => e = &t.expr,
                Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => e = &u.expr,
                Expr::MethodCall(m) => {
                    methods.push(&m.method);
                    e = &m.receiver;
                }
                _ => break,
            }
        }
        match e {
            Expr::Call(call) => {
                if call.args.len() == 1 && self.callee_ends_with(&call.func, WRAPPERS) {
                    return self.origin_of(&call.args[0], ancestors, part, methods, depth + 1);
                }
                Some(Origin::Call {
                    call,
                    methods: std::mem::take(methods),
                    part,
                })
            }
            Expr::Tuple(t) => {
                let elem = t.elems.iter().nth(part?)?;
                self.origin_of(elem, ancestors, None, methods, depth + 1)
            }
            // `match File::create(p) { Ok(f) => f, Err(_) => return }`.
            Expr::Match(m) => {
                let unwrapped = crate::context::scopes::unwrapping_match(m)?;
                self.origin_of(unwrapped, ancestors, part, methods, depth + 1)
            }
            Expr::Field(f) => match &f.member {
                syn::Member::Unnamed(i) if part.is_none() => self.origin_of(
                    &f.base,
                    ancestors,
                    Some(i.index as usize),
                    methods,
                    depth + 1,
                ),
                syn::Member::Named(name) => Some(Origin::Typed {
                    // `self.child` in `impl Worker`: the field `Worker`
                    // declares, not every struct's field of the name.
                    types: match &*f.base {
                        Expr::Path(p) if p.path.is_ident("self") => {
                            match self.ctx.self_field_type(ancestors, name) {
                                Some(ty) => vec![ty],
                                None => self.field_types(&name.to_string()),
                            }
                        }
                        _ => self.field_types(&name.to_string()),
                    },
                    methods: std::mem::take(methods),
                    part,
                }),
                _ => None,
            },
            Expr::Path(p) if p.qself.is_none() => {
                let name = p.path.get_ident()?;
                // `if let Ok(mut f) = File::open(p)`, `let Ok(c) = cmd.spawn()
                // else { … }`, a `match` arm `Ok(l) =>`: what it unwraps.
                if let Some(wrapped) = self.ctx.unwrapped_from(name, ancestors) {
                    return match part {
                        None => self.origin_of(wrapped, ancestors, None, methods, depth + 1),
                        Some(_) => None,
                    };
                }
                // `READY.wait(guard)` on a `static READY: Condvar` of this
                // file: the type the static declares.
                if self.ctx.binding_of_use(name).is_none() {
                    let ty = self
                        .ctx
                        .static_type(&crate::context::imports::unraw(name))?;
                    return Some(Origin::Typed {
                        types: vec![ty],
                        methods: std::mem::take(methods),
                        part,
                    });
                }
                match self.lookup(name, ancestors)? {
                    Binding::Param(ty) => Some(Origin::Typed {
                        types: vec![ty],
                        methods: std::mem::take(methods),
                        part,
                    }),
                    Binding::Let(local, at) => {
                        let (pat, ty) = match &local.pat {
                            Pat::Type(t) => (&*t.pat, Some(&*t.ty)),
                            other => (other, None),
                        };
                        let position = match pat {
                            Pat::Tuple(t) if part.is_none() => Some(
                                t.elems
                                    .iter()
                                    .position(|p| pat_ident(p).is_some_and(|i| i == name))?,
                            ),
                            Pat::Ident(i) if i.subpat.is_none() => part,
                            _ => return None,
                        };
                        if let Some(ty) = ty {
                            return Some(Origin::Typed {
                                types: vec![ty],
                                methods: std::mem::take(methods),
                                part: position,
                            });
                        }
                        let init = local.init.as_ref()?;
                        if init.diverge.is_some() {
                            return None;
                        }
                        self.origin_of(&init.expr, &at, position, methods, depth + 1)
                    }
                }
            }
            _ => None,
        }
    }

    fn callee_ends_with(&self, func: &Expr, tails: &[&str]) -> bool {
        let Expr::Path(p) = func else {
            return false;
        };
        let segments: Vec<String> = p
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        let Some(tail) = segments
            .len()
            .checked_sub(2)
            .map(|i| segments[i..].join("::"))
        else {
            return false;
        };
        tails.contains(&tail.as_str())
    }

    /// What the written name `ident` is bound by at the expression whose
    /// ancestors are given (see [`crate::context::scopes`]): a `let` (with
    /// the ancestors of that `let`), or a parameter of the fn that is the
    /// whole pattern (`name: T`). `None` when a closure parameter or another
    /// pattern (`for`, `match`, `if let`) binds it, or it is not a local.
    fn lookup(&self, ident: &syn::Ident, ancestors: &[Node<'v>]) -> Option<Binding<'v>> {
        let id = self.ctx.binding_of_use(ident)?;
        let binding = self.ctx.scopes().binding(id);
        match binding.kind {
            BindingKind::Let => {
                let at = self.ctx.let_of(id, ancestors)?;
                let mut chain = ancestors[..=at.depth].to_vec();
                chain.push(Node::Stmt(at.stmt));
                chain.push(Node::Local(at.local));
                Some(Binding::Let(at.local, chain))
            }
            BindingKind::Param if binding.whole_pattern => {
                let defined_at = binding.span.start();
                enclosing_fn_sig(ancestors)?
                    .inputs
                    .iter()
                    .find_map(|arg| match arg {
                        syn::FnArg::Typed(t)
                            if pat_ident(&t.pat)
                                .is_some_and(|p| p.span().start() == defined_at) =>
                        {
                            Some(Binding::Param(&t.ty))
                        }
                        _ => None,
                    })
            }
            _ => None,
        }
    }

    /// The written types of the named fields called `name` in the file's
    /// structs (empty when no struct has one).
    fn field_types(&self, name: &str) -> Vec<&'v syn::Type> {
        let fields = self.fields.get_or_init(|| {
            struct Fields<'v> {
                map: HashMap<String, Vec<&'v syn::Type>>,
            }
            impl<'v> Visit<'v> for Fields<'v> {
                fn visit_field(&mut self, f: &'v syn::Field) {
                    if let Some(ident) = &f.ident {
                        self.map.entry(ident.to_string()).or_default().push(&f.ty);
                    }
                }
                fn visit_expr(&mut self, _: &'v Expr) {}
            }
            let mut v = Fields {
                map: HashMap::new(),
            };
            v.visit_file(self.ctx.file);
            v.map
        });
        fields.get(name).cloned().unwrap_or_default()
    }

    /// Whether the file brings std's `ToSocketAddrs` into scope (a `use` of
    /// it, renamed or as `_`, or a glob of `std::net`).
    fn std_to_socket_addrs_in_scope(&self) -> bool {
        *self
            .std_to_socket_addrs
            .get_or_init(|| std_to_socket_addrs_imported(self.ctx.file))
    }

    /// Whether the innermost fn around the ancestors may put a socket in
    /// non-blocking mode anywhere (`listener.set_nonblocking(true)`, or a
    /// value leaklint cannot tell): then its `accept()` returns at once.
    /// `set_nonblocking(false)` (the line after tokio's `into_std()`)
    /// keeps it blocking.
    fn fn_sets_nonblocking(&self, ancestors: &[Node<'v>]) -> bool {
        let Some(body) = enclosing_fn_body(ancestors) else {
            return false;
        };
        self.ctx.any_expr(body, |e| {
            matches!(e, Expr::MethodCall(m) if m.method == "set_nonblocking"
                && !matches!(m.args.first(), Some(Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Bool(b), ..
                })) if !b.value))
        })
    }
}

/// What a name is bound by (see [`Rule::lookup`]).
enum Binding<'v> {
    Let(&'v syn::Local, Vec<Node<'v>>),
    Param(&'v syn::Type),
}

/// The type at position `i` of a tuple type, seen through references and
/// the `WRAPPER_TYPES`.
fn tuple_part(ty: &syn::Type, i: usize) -> Option<&syn::Type> {
    match ty {
        syn::Type::Tuple(t) => t.elems.iter().nth(i),
        syn::Type::Reference(r) => tuple_part(&r.elem, i),
        syn::Type::Paren(p) => tuple_part(&p.elem, i),
        syn::Type::Path(p) => {
            let last = p.path.segments.last()?;
            if !WRAPPER_TYPES.iter().any(|w| last.ident == w) {
                return None;
            }
            match &last.arguments {
                syn::PathArguments::AngleBracketed(args) => match args.args.first()? {
                    syn::GenericArgument::Type(inner) => tuple_part(inner, i),
                    _ => None,
                },
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether the host part of `host:port` (before the last `:`, without the
/// brackets of `[v6]`) is an IP address.
fn host_is_ip(address: &str) -> bool {
    let Some((host, _port)) = address.rsplit_once(':') else {
        return false;
    };
    let host = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    host.parse::<std::net::IpAddr>().is_ok()
}

/// Whether `e` makes an `Ipv4Addr`, `Ipv6Addr` or `IpAddr` in place: one of
/// their constants or a call of one of their associated fns or variants.
/// std's socket address types: `to_socket_addrs` on one asks no resolver.
const SOCKET_ADDR_TYPES: &[&str] = &[
    "std::net::SocketAddr",
    "std::net::SocketAddrV4",
    "std::net::SocketAddrV6",
];
/// std's IP address types.
const IP_ADDR_TYPES: &[&str] = &[
    "std::net::IpAddr",
    "std::net::Ipv4Addr",
    "std::net::Ipv6Addr",
];

/// Whether `path` names a constructor of a socket address
/// (`SocketAddr::new`, `SocketAddrV4::from`, …), by its last two segments.
fn names_socket_addr_constructor(path: &syn::Path) -> bool {
    let segments = &path.segments;
    segments.len() >= 2
        && ["SocketAddr", "SocketAddrV4", "SocketAddrV6"]
            .iter()
            .any(|ty| segments[segments.len() - 2].ident == ty)
        && ["new", "from"]
            .iter()
            .any(|f| segments[segments.len() - 1].ident == f)
}

fn names_ip_value(e: &Expr) -> bool {
    let path = match e {
        Expr::Path(p) => &p.path,
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => &p.path,
            _ => return false,
        },
        _ => return false,
    };
    let segments = &path.segments;
    segments.len() >= 2
        && ["Ipv4Addr", "Ipv6Addr", "IpAddr"]
            .iter()
            .any(|ty| segments[segments.len() - 2].ident == ty)
}

/// The text a `format!` makes when its arguments are literals: each
/// placeholder (`{}`, `{0}`, `{name}`, with or without a format spec) is
/// replaced by its string or integer literal argument, or by `\0` when the
/// argument is anything else (a captured variable, an expression), so that
/// an unknown part never reads as an address.
fn formatted_literal(mac: &syn::Macro) -> Option<String> {
    let crate::macros::MacroBody::Exprs(exprs) = crate::macros::parse_body(mac) else {
        return None;
    };
    let (template, args) = exprs.split_first()?;
    let Expr::Lit(syn::ExprLit {
        lit: syn::Lit::Str(template),
        ..
    }) = template
    else {
        return None;
    };
    let literal_text = |e: &Expr| match e {
        Expr::Lit(syn::ExprLit { lit, .. }) => match lit {
            syn::Lit::Str(s) => Some(s.value()),
            syn::Lit::Int(i) => Some(i.base10_digits().to_string()),
            _ => None,
        },
        _ => None,
    };
    let arg = |reference: &str, next: &mut usize| -> Option<String> {
        let expr = if reference.is_empty() {
            *next += 1;
            args.get(*next - 1)?
        } else if let Ok(index) = reference.parse::<usize>() {
            args.get(index)?
        } else {
            args.iter().find_map(|a| match a {
                Expr::Assign(assign) => match &*assign.left {
                    Expr::Path(p) if p.path.is_ident(reference) => Some(&*assign.right),
                    _ => None,
                },
                _ => None,
            })?
        };
        literal_text(expr)
    };
    let template = template.value();
    let mut out = String::new();
    let mut next = 0;
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let placeholder: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let reference = placeholder.split(':').next().unwrap_or("").trim();
                out.push_str(&arg(reference, &mut next).unwrap_or_else(|| "\0".to_string()));
            }
            other => out.push(other),
        }
    }
    Some(out)
}

fn strip_refs(e: &Expr) -> &Expr {
    match e {
        Expr::Reference(r) => strip_refs(&r.expr),
        Expr::Paren(p) => strip_refs(&p.expr),
        other => other,
    }
}

/// The blocking calls a sync fn makes itself (not in a closure, an async
/// block or a nested item), with how to name them and whether they can
/// wait long whatever the data (see [`Kind::waits_unbounded`]; file I/O
/// cannot): what a call of that fn from async code blocks on (see
/// [`crate::context::follow`]).
pub(crate) fn sync_blocking_calls(ctx: &FileContext<'_>) -> Vec<(crate::Span, String, bool)> {
    let rule = Rule {
        ctx,
        fields: OnceCell::new(),
        std_to_socket_addrs: OnceCell::new(),
    };
    let mut found = Vec::new();
    ctx.walk_exprs(|expr, ancestors| {
        if !matches!(expr, Expr::Call(_) | Expr::MethodCall(_)) {
            return;
        }
        // The innermost fn-like owner must be a sync fn.
        let owner = ancestors.iter().rev().find(|n| {
            matches!(
                n,
                Node::ItemFn(_)
                    | Node::ImplFn(_)
                    | Node::TraitFn(_)
                    | Node::Static(_)
                    | Node::Const(_)
                    | Node::Expr(Expr::Closure(_) | Expr::Async(_))
            )
        });
        let sync_fn = match owner {
            Some(Node::ItemFn(f)) => f.sig.asyncness.is_none(),
            Some(Node::ImplFn(f)) => f.sig.asyncness.is_none(),
            _ => false,
        };
        // A statement built only for tests (`#[cfg(feature = "failpoints")]
        // std::thread::sleep(d);`) in a fn that is not.
        if !sync_fn || ctx.expr_in_test_code(expr) {
            return;
        }
        if let Some((kind, what)) = rule.blocking_call(expr, ancestors) {
            found.push((ctx.span_of(expr), what, kind.waits_unbounded()));
        }
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of the calls of crate fns offered to the crate pass as
    /// helpers that may block, in `src`.
    fn helper_calls(src: &str, blocking: Option<&[&str]>) -> Vec<usize> {
        let file = syn::parse_file(src).expect("test source parses");
        let mut ctx = FileContext::new(&file, src);
        let names =
            blocking.map(|n| std::sync::Arc::new(n.iter().map(|s| s.to_string()).collect()));
        ctx.set_blocking_helpers(names);
        check(&ctx, &LintOptions::default())
            .iter()
            .filter(|f| {
                f.follow
                    .as_ref()
                    .is_some_and(|f| f.blocking_in_callee.is_some())
            })
            .map(|f| f.span.start.line)
            .collect()
    }

    #[test]
    fn only_calls_of_fns_that_may_block_wait_for_the_crate() {
        let src =
            "async fn handle(store: Store) {\n    load();\n    render();\n    store.flush();\n}\n";
        // Nothing known of the crate: any call of a crate fn may block.
        assert_eq!(helper_calls(src, None), [2, 3, 4]);
        assert_eq!(helper_calls(src, Some(&["load", "flush"])), [2, 4]);
        assert_eq!(helper_calls(src, Some(&[])), Vec::<usize>::new());
    }

    fn formatted(src: &str) -> Option<String> {
        let mac: syn::Macro = syn::parse_str(src).expect("a macro");
        formatted_literal(&mac)
    }

    #[test]
    fn format_placeholders_take_literal_arguments_only() {
        assert_eq!(
            formatted(r#"format!("{}:{}", "10.0.0.1", 80)"#).as_deref(),
            Some("10.0.0.1:80")
        );
        assert_eq!(
            formatted(r#"format!("{1}:{0}", 80, "::1")"#).as_deref(),
            Some("::1:80")
        );
        assert_eq!(
            formatted(r#"format!("{ip}:{p}", ip = "1.2.3.4", p = port)"#).as_deref(),
            Some("1.2.3.4:\0")
        );
        assert_eq!(
            formatted(r#"format!("{host}:{{x}}")"#).as_deref(),
            Some("\0:{x}")
        );
        assert_eq!(
            formatted(r#"format!("{:>8}:1", "a")"#).as_deref(),
            Some("a:1")
        );
        assert_eq!(formatted("format!(TEMPLATE, 1)"), None);
    }

    #[test]
    fn only_an_ip_host_skips_the_resolver() {
        assert!(host_is_ip("127.0.0.1:8080"));
        assert!(host_is_ip("[::1]:443"));
        assert!(host_is_ip("0.0.0.0:\0"));
        assert!(!host_is_ip("localhost:80"));
        assert!(!host_is_ip("\0:80"));
        assert!(!host_is_ip("127.0.0.1"));
    }
}
