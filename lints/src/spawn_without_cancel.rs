use crate::context::paths;
use crate::context::spawn::{Handle, SpawnKind, WrapperCall};
use crate::Triggers;
use crate::{FileContext, Finding, Follow, LintOptions, ReachKind};

crate::declare_lint! {
    /// ### What it does
    /// Flags a spawned task whose body runs an endless loop (`loop { … }` or
    /// `while true { … }` with no `break`, `return`, `?`, `bail!` or
    /// `ensure!` that leaves it) that never observes cancellation, when the
    /// task's `JoinHandle` is thrown away. Also flags such a loop in
    /// `std::thread::spawn` / `thread::Builder::spawn` whatever happens to the
    /// handle, because a thread cannot be cancelled from outside.
    ///
    /// Spawn calls are `tokio::spawn`, `tokio::task::{spawn, spawn_local,
    /// spawn_blocking}`, `.spawn(…)` on a tokio `Runtime`, runtime `Builder`,
    /// `Handle::current()` or `TaskTracker` (a tracker waits for its tasks but
    /// never cancels them; made by `TaskTracker::new()`, or a parameter,
    /// typed `let` or field of `self` declared `TaskTracker`, through `&`,
    /// `Arc`, `Rc`, `Box`), `async_std::task::{spawn, spawn_local}`,
    /// `actix_rt::spawn` (also as `actix_web::rt::spawn`),
    /// `smol::spawn(…).detach()` (also `let task = smol::spawn(…);` then
    /// `task.detach();`), `std::thread::spawn`,
    /// `std::thread::Builder::spawn`, and the paths in the `spawn_functions`
    /// option, resolved through the file's `use` items. `.spawn(…)` also
    /// counts on the result of a fn of the same file declared to return a
    /// `Runtime` or `Handle` (`fn runtime() -> &'static Runtime`,
    /// `self.handle().spawn(…)`), and on a static of such a type
    /// (`static RT: Lazy<Runtime>`), and on the result of a fn of another
    /// file of the crate that returns a runtime its caller does not own
    /// (`rt::runtime().spawn(…)`, also through a `let`: `let rt =
    /// rt::runtime(); rt.spawn(…)`; the fn declared `-> &'static Runtime`
    /// or `-> Handle`; a `Runtime` returned by value is dropped with its
    /// tasks by the caller). `JoinSet::spawn` and `smol::spawn`
    /// without `.detach()` are not spawn calls: their tasks are cancelled
    /// when the set or the `Task` is dropped. Nor is a task spawned inside
    /// the future a fn hands to `block_on` of a runtime that fn builds
    /// (`let rt = Builder::new_multi_thread().build()?; rt.block_on(async {
    /// tokio::spawn(…); … })`): it runs on that runtime, which cancels it
    /// when it is dropped; unless it is spawned in a loop of that future
    /// (`while let Some(u) = rx.recv().await { tokio::spawn(…) }`; a `for`
    /// over a range with an end or a configured list starts a pool once): one task per turn
    /// piles up for as long as the runtime runs. Nor is a task spawned on a runtime the fn makes
    /// and then returns or stores: its owner drops the runtime, and its
    /// tasks with it; one the fn leaks (`std::mem::forget(rt)`,
    /// `Box::leak(Box::new(rt))`) is never dropped, so its tasks are judged.
    ///
    /// Tasks and threads that run for the life of the process are left
    /// alone: one started in the body of `main` (a sync fn named `main`
    /// without parameters at the top of the file, or any fn marked
    /// `#[tokio::main]`, `#[actix_web::main]` or
    /// another `#[….::main]`), also inside a closure or async block there, or
    /// in the initialiser of a static (`Lazy::new`, `LazyLock::new`,
    /// `lazy_static!`, `thread_local!`, a `get_or_init` closure on a static,
    /// or the fn a lazy static or a static's cell is given by name:
    /// `Lazy::new(Bus::create)`, `HANDLER.get_or_init(Broadcaster::create)`).
    /// One started inside a loop in `main` (or in the closure given to a
    /// stream's `for_each`) is still reported: it is started again on every
    /// turn. A `for` over a range with an end (`for _ in 0..workers`), or
    /// over a list held in a field or written out (`for peer in
    /// cfg.peers.clone()`, `for shard in &self.shards`, `for n in [1, 2]`;
    /// not a field named like a receiver, `rx`, `…_rx`, `events`), is not
    /// such a loop: it starts a pool of workers once. Set `process_lifetime = "report"` in the
    /// `[options]` of the configuration to report these too (for projects
    /// that want every task stoppable for a graceful shutdown).
    ///
    /// ### Why is this bad
    /// Nothing can stop the task: it lives until the process exits, keeps
    /// everything it captured alive, and keeps working during shutdown. It is
    /// Go's goroutine that never reads `ctx.Done()`.
    ///
    /// ### Known problems
    /// leaklint reads source, not types.
    /// * The task body is the async block or closure given to the spawn
    ///   (also when the argument is a block `{ let a = …; async move { … } }`:
    ///   its last expression), or the fn whose call *is* the argument
    ///   (`spawn(run(rx))`). The calls it makes are followed into the fns of
    ///   the crate, in any file, up to `call_depth` (4) calls below the task
    ///   body (when the body is the fn a call argument calls, that fn is
    ///   level 0), each fn
    ///   once: `spawn(async move { worker.run().await })` is reported when
    ///   `run`, or a fn `run` calls, loops forever, with a note per call. A
    ///   call is followed only when exactly one fn of the crate can be it: a
    ///   free fn by its module path (`super::` at a file's top: the file
    ///   that declares this one's `mod`), by the `use` of a crate path that
    ///   brings it or its module in (`use crate::a::pump;`, `use crate::a as
    ///   aa; aa::pump()`, `use app::a::pump;` in a binary of the library
    ///   `app`), as an item of the (inline) module the call is in, or else
    ///   by a name no other free fn of the crate has. A name or module that
    ///   a `use` (or the one glob in scope) brings in from another crate is
    ///   not the crate's (`use metrics::flush; flush()`), unless a glob of
    ///   the crate's own modules (`use super::*`) is in scope too. A method through `self`, `Self::`, `Type::`, a
    ///   variable whose `let` (`Type::new(…)`, a struct literal, a typed
    ///   `let`, a call of a crate fn or method whose declared return type
    ///   names the type, also a chain of up to three such calls
    ///   (`make_builder().build()?`, or the same through `let`s), through
    ///   `Option`/`Result`, `?`, `.await`,
    ///   `.unwrap()`, or a pattern that unwraps it: `if let Ok(v) = …`,
    ///   `let Some(v) = … else`, a `match` arm `Ok(v) =>`) or parameter type
    ///   names its type, a variable a pattern binds to a field of an enum
    ///   variant the file defines (`Command::Update(opt) =>
    ///   opt.process().await` beside `enum Command { Update(UpdateOpt), …
    ///   }`, a command-line tool's dispatch; `Self::Update(opt)` in the
    ///   enum's own `impl`; the file's only enum of the name, in any of its
    ///   modules), or a field whose struct
    ///   declares its type (`self.worker.run()` with `worker: Arc<Worker>`,
    ///   in any file), also through a clone of any of these
    ///   (`sc.clone().sweep()`, `let this = self.clone();`,
    ///   `Arc::clone(&worker)`, a `let` of another such local) or of a
    ///   value wrapped by `Arc::new`, `Rc::new` or `Box::new`
    ///   (`let w = Arc::new(Worker::new());`). A method
    ///   on a value of unknown type (`handle.get().run()`, a field of a
    ///   trait-object or generic type, a field that structs of the same
    ///   name declare with different types, a type of a crate whose items
    ///   the rules know, such as `std`, `tokio` or `async_channel`:
    ///   `rx: async_channel::Receiver<()>` is not the crate's `Receiver`),
    ///   a fn passed as a value, a trait method implemented by several types
    ///   called on a value whose type is not known,
    ///   or a crate file that does not parse is not followed, and the task is
    ///   not reported. A trait's provided method that the type's `impl` of the
    ///   trait does not define is followed (`impl Worker for Compactor {}`,
    ///   then `compactor.run_forever()` runs `Worker::run_forever`'s one
    ///   body), when exactly one trait the crate implements for the type
    ///   provides it and the trait is defined in a file that also names the
    ///   type (beside its impls, or in the file of the call). Calls raced in a `select!` against a cancellation signal
    ///   or wrapped by `timeout(…)` are not followed.
    /// * A spawn wrapper, a fn of the crate that hands one of its parameters
    ///   to a spawn call and drops the handle (`fn spawn_named(name: &str,
    ///   fut: F) { tokio::spawn(fut); }`, or `let h = tokio::spawn(fut);`
    ///   with `h` only logged or dropped), counts as a spawn call when its
    ///   argument is an async block or closure written at the call, or a
    ///   call that makes the future (`spawn_named("hb", heartbeat(conn))`,
    ///   `spawn_with(move || heartbeat(conn))`, `detach(heartbeat(conn))`,
    ///   followed into the fn as a task body is; a future
    ///   written in place is taken over a call for another argument,
    ///   `spawn_named(id.to_string(), async { … })`; of several calls, the
    ///   last), and the call
    ///   resolves to it as above (a free fn, a method on `self`, or a
    ///   method whose name says `spawn`, or is that of a fn of the crate
    ///   that spawns a parameter, on a variable or a field of known
    ///   type: `self.tasks.spawn(…)`): the
    ///   finding is at the call, with a note at the spawn inside the
    ///   wrapper. Its spawn may be `.spawn(…)` on the runtime a fn of
    ///   another file returns when that runtime is shared, as for a spawn
    ///   call (`rt::runtime().spawn(fut)`). The wrapper may be a fn of
    ///   another package of the workspace, called through its library's
    ///   name (`common::task::spawn_named(…)`, or `detach(…)` after `use
    ///   common::task::detach;`). The
    ///   wrapper may wrap its parameter in what does not change
    ///   what runs (`tokio::spawn(fut.instrument(span))`, `Box::pin(fut)`,
    ///   `async move { fut.await }`), or hand it to another wrapper
    ///   (`spawn_outer` calling `spawn_inner(fut)`, up to four deep, also as
    ///   its body's tail: `fn background(f: F) { detach(f) }`). A file
    ///   is read for such calls only when its code spells `spawn`, also
    ///   inside a longer name (`spawn_named`, `spawn_task`), or the name of
    ///   a fn of the crate that hands one of its parameters to a spawn call
    ///   (`detach` for `fn detach(fut: F) { tokio::spawn(fut); }`), or to
    ///   such a fn of its own file, or the name a `use … as …` of the crate
    ///   gives one of these (`pub use rt::spawn_detached as detach;`, `pub
    ///   use bg::detach as background;`), or of a fn whose signature takes a
    ///   future or closure and that hands it on to such a fn of another
    ///   file (`fn background(f: F) { crate::detach(f); }` in `health.rs`).
    /// * The crate is the workspace (or package) around the file, as its
    ///   module trees say: each target's root and the `mod` files below it
    ///   (`#[path]` included; examples, tests and benches aside). A file no
    ///   `mod` declares, or with no `Cargo.toml` above it, is its own crate.
    ///   A file that `#[cfg(test)] mod x;` declares is test code. A call is
    ///   known by its last module and name: when two packages of a
    ///   workspace both have a fn `util::pause`, `crate::util::pause()` is
    ///   the one its package can use (its own, or that of a package it
    ///   depends on when it has none), and the fn of its own target when it
    ///   can use both; a file in no known target's tree leaves it ambiguous,
    ///   and it is not followed. A path that names a library of the
    ///   workspace (`store_core::util::pause()`, or `core_util::pause()`
    ///   after `use store_core::util as core_util;`) is that library's fn
    ///   only, also under the name a package's manifest gives it (`core = {
    ///   package = "store-core", … }`, or inherited from
    ///   `[workspace.dependencies]`: `core::util::pause()`). For "reached only from `main`" too, each target's fns are
    ///   its own: a binary's `jobs::start` (in `jobs.rs` or an inline `mod
    ///   jobs { … }`), which its `main` calls, is not its library's
    ///   `jobs::start`, which stays reported when nothing else calls it,
    ///   and the other way round for `app::jobs::start()`; a path of a
    ///   module the target does not have (`crate::reporter::start()` or
    ///   `jobs::start()` after `use app::*;`) may name any package's. A
    ///   library's root is the
    ///   exception: its module is the library's name, so the `init` at the
    ///   roots of two libraries of a workspace stay apart (`jobs::init()`
    ///   from the binary, `crate::init()` inside `jobs`), unless a file
    ///   belongs to the trees of two targets (then `crate::init()` is read
    ///   as a call of either root). A module named like a library
    ///   (`common::jobs` beside the library `jobs`) shares its name: a fn
    ///   both define is ambiguous. A method is known by its type's name:
    ///   with two types of one name in two modules (`grpc::Client`,
    ///   `http::Client`), a call inside one's own file (`self.keep_warm()`,
    ///   `Self::new(e).keep_warm()`) is that type's, and so is one from a
    ///   third file where the value is made with a path that names the
    ///   module (`use crate::grpc::Client;` then `Client::new(e)`,
    ///   `grpc::Client::new(e)`, `crate::grpc::Client { … }`, a parameter
    ///   `c: Arc<grpc::Client>`, through clones; also through a library of
    ///   the workspace, `common::grpc::Client::new()`): the method of the
    ///   type that module's file defines, and an associated fn called by
    ///   such a path (`common::settings::Config::load()`) is that type's. A
    ///   type named through a library of the workspace (`use
    ///   base::poll::Poller;`, a field or a return type `base::poll::Poller`)
    ///   is that library's, never a type of the same name of the caller's
    ///   own package; one named by another crate's path (`remote::Client::new()`,
    ///   a field, parameter or return type `remote::Client`) is none of the
    ///   crate's, though the crate has a `Client`. Another crate's type
    ///   imported under a new name (`use remote::Client as Remote;`) is
    ///   still taken for the crate's type of that name, when the crate has
    ///   one: a file's imports alone do not always tell a module of the
    ///   crate from another crate. Known another way (a field's type,
    ///   what a fn returns) the call is ambiguous and not followed. A free fn called
    ///   through a re-export (`pub use worker::pump;` at the top of
    ///   `lib.rs`, then `app::pump()` or `crate::pump()`) is followed to the
    ///   fn the re-export names, when the module re-exports that name from
    ///   one path (a glob `pub use worker::*;`, a re-export through
    ///   `super::` or inside an inline module is not followed).
    /// * A worker started from a fn that only `main` reaches (`Services::new`
    ///   called once by a CLI command that `main` awaits) lives as long as the
    ///   process too and is not reported: leaklint reads every Rust file of
    ///   the workspace (or package) for the callers of that fn (for a fn of
    ///   a binary, only the files of that binary: no other crate can call
    ///   it, so a same-named method called in another binary of the
    ///   workspace does not count; for a fn of a library, only the files of
    ///   its package and of the packages that depend on it, directly or
    ///   through others, as their `[dependencies]` and
    ///   `[build-dependencies]` say). It matches
    ///   calls by name, resolving what it can (`module::f`, `Type::f`,
    ///   `self.f()`, a receiver made by `let x = Type::f(…)` or typed as a
    ///   parameter, a struct's field by the type the struct declares it
    ///   with, `services.cluster.start()`, a `let this = Self { … }`): any
    ///   call that may be the fn counts as a caller (of two types of one
    ///   name in two modules, a call on a value made with a path that names
    ///   the module, as above, counts only for that module's type), so a
    ///   same-named method
    ///   called on a value of unknown type anywhere (`x.start()` in a loop)
    ///   keeps the finding, unless it passes other arguments than the fn
    ///   takes (`x.start(id, None)` is no call of `start(&self)`: Rust has
    ///   no overloads)
    ///   (a method called on what std's iterator makers return,
    ///   `v.iter().map(f).collect()`, is an iterator's), as does a fn passed as a
    ///   value, or named in a macro leaklint cannot read. A file that does
    ///   not parse (a half-typed line in an editor) may call the fns whose
    ///   names it spells, or that a fn whose name it spells may call: it
    ///   keeps their findings, not the others' (one whose `mod` items
    ///   cannot be read keeps every finding it may call into). A fn handed by name to a fn of the crate
    ///   that calls that parameter itself, outside closures, async blocks
    ///   and spawns (`startup::run_once(start_metrics)` whose body awaits
    ///   `start()`), is called there: once when that call is in no loop and
    ///   the handing call runs once. The chain from `main` may pass through
    ///   a `block_on` (a sync fn running its own runtime), also one in a
    ///   thread started only to run it (`thread::spawn(move || rt.block_on(
    ///   jobs::init()))` in `main`: that future is the thread's whole work,
    ///   and runs once, as `main` does), and through a task or thread
    ///   that such code spawns and detaches (`tokio::spawn(async {
    ///   stats::start().await });` in `main`, with its handle dropped): that
    ///   task runs once and nothing can stop it, so the workers it starts
    ///   last as long. This goes beyond the chain of plain calls and
    ///   awaits the rule's definition gives: judged on 35 service
    ///   workspaces, each of the 15 findings it removes was a worker
    ///   started once for the process (openobserve's jobs, pgcat's stats
    ///   collector). A task whose handle is kept (aborted on shutdown,
    ///   awaited, spawned on a `JoinSet`) does not carry the chain: a
    ///   worker started by a fn only it reaches outlives it and is
    ///   reported (a server task's pool collector), and so does a closure
    ///   handed to a crate's own spawning fn, which may call it again. It may not pass through a loop or another closure (a fn called on
    ///   every turn of `for _ in 0..n` runs `n` times: its tasks are
    ///   reported, though `n` tasks spawned in such a `for` by a fn called
    ///   once are a pool started once). A fn that never
    ///   returns a value (`-> !`, `-> Infallible`, `-> Result<Infallible,
    ///   E>`: a server's `start` that serves until the process ends or
    ///   fails) runs for the rest of the process, so a worker it starts
    ///   outside a loop is process-lifetime too, whoever calls it. Calls
    ///   through the library's re-exports count: a rename (`pub use
    ///   heartbeat::start as start_heartbeat;`, then
    ///   `app::start_heartbeat()`, also of a module's own re-export: `pub
    ///   use services::spawn as start;` with `pub use self::pump::spawn;` in
    ///   `services`), a glob at the library's root, the `pub
    ///   use` of an inline module at a file's top (`pub mod prelude { … }`),
    ///   and an import that renames the fn in the binary. A re-export in a
    ///   module nested deeper is not followed: the fn has no caller leaklint
    ///   can see there, and its worker is reported. Linting from
    ///   standard input reads the other files from disk. A fn named `main`
    ///   inside a module is not the program's `main`, nor is an `async fn
    ///   main` without a runtime attribute or a `main` with parameters (a
    ///   subcommand's `cli::main(args)`). A sync `pub fn main()` at the top
    ///   of a module file is still taken for the program's: a file read
    ///   alone cannot tell a module file from a crate root. When the crate
    ///   shows a caller that runs many times, the finding names it, so
    ///   that its reader need not search for it: notes on a call in a loop
    ///   or in a closure that may run many times (a task spawned per
    ///   connection), or on a call made by a request handler, then on each
    ///   call from there down to the fn that spawns (four at most, the
    ///   shortest such chain). A fn that the crate shows no caller of (a
    ///   library's public fn) gets no such note.
    /// * A library's public fn is judged by the callers in sight too: when
    ///   the only ones are its own package's binaries (a demo
    ///   `src/bin/ws_demo.rs` whose `main` calls `InfoClient::subscribe`),
    ///   its workers are taken for the process's, though the users of a
    ///   published library call it from code leaklint never reads, and may
    ///   drop the client while its tasks run on. For such a library set
    ///   `process_lifetime = "report"`.
    /// * A loop that leaves only through `std::process::exit`, `abort` or
    ///   `panic!` counts as endless. In a macro call, a `?` or `%` right
    ///   after `=`, `,` or `(` is tracing's formatting sigil
    ///   (`error!(error = ?e, …)`, `info!(%addr)`), not the try operator; a
    ///   macro body leaklint cannot parse that contains `break`, `return` or a
    ///   try `?` is assumed to leave the loop, and so are `bail!`, `ensure!`
    ///   and `return_…!` macros. A `macro_rules!` macro of the crate defined
    ///   in another file, whose call parses as an expression
    ///   (`leave_if_closed!(conn)` expanding to `return`), is read as that
    ///   expression: a loop it leaves is taken for endless.
    /// * Cancellation is recognised by shape: `.cancelled()`,
    ///   `.is_cancelled()`, or `.recv()` / `.changed()` / `.notified()` /
    ///   `.closed()` / `.wait_for(…)` / `.load(…)` (and, for threads polling a
    ///   std receiver, `.try_recv()` / `.recv_timeout(…)`) on a value whose
    ///   name mentions shutdown, cancel, stop, quit, exit, term, kill or
    ///   close; a `select!` branch racing such a value, `.wait()` on one
    ///   (`self.shutdown.wait()`), or a call of a fn or method so named
    ///   (`shutdown_signal()`, `subsys.on_shutdown_requested()`); or
    ///   `tokio::signal::ctrl_c()`. A loop
    ///   inside the future given to `run_until_cancelled` /
    ///   `run_until_cancelled_owned`, `with_cancellation_token`,
    ///   `tokio::time::timeout` or `futures::future::abortable`, or raced in a
    ///   `select!` (or `futures::future::select(work, stop_rx)`) against such
    ///   a signal, is cancellable, also when the
    ///   future is bound to a name first (`let work = async { loop { … } };`
    ///   then `_ = &mut work =>` beside `_ = token.cancelled() =>`, or
    ///   `timeout(d, work)`). A badly named
    ///   signal (`rx.recv()` on a shutdown channel called `rx`) is missed, and
    ///   a name that merely contains one of those words (`determine_tx`) is
    ///   taken for a signal.
    /// * A handle passed to `drop(…)` counts as discarded, and so does one
    ///   that is only looked at (`h.id()` in a log line, `h.is_finished()`)
    ///   and never awaited, aborted, stored or passed on. One stored in a
    ///   struct field (`self.task = Some(spawn(…))`, `self.tasks.push(…)`, a
    ///   struct literal, also through a `let` whose only use is that store,
    ///   through a local collection that starts empty, is only added to and
    ///   is then stored (`workers.push(spawn(…)); Self { workers }`,
    ///   `Self { tasks: vec![reader, writer] }`), and through the lock that
    ///   guards the field: `self.tasks.lock().await.insert(id, h)`, also
    ///   through a local holding that guard or a `&mut` of the field: `let
    ///   mut tasks = self.tasks.lock().await; … tasks.insert(id, h)`)
    ///   counts as discarded when no file of the crate reads that field other
    ///   than to store into it or ask about it (`push`, `insert`,
    ///   `is_some`, `is_finished`, `contains_key`, a `retain` whose closure
    ///   only asks `is_finished()`, a chain through `as_ref`, `iter`,
    ///   `values`, `keys` or `filter` to such a question:
    ///   `.as_ref().is_some_and(|t| !t.is_finished())`,
    ///   `.iter().filter(…).count()`, …, also through the lock that
    ///   guards the field: `self.tasks.lock().await.iter().filter(…)
    ///   .count()`, a `match` or `if let` on a
    ///   borrow of the field whose bindings are only asked about, a local
    ///   holding its guard whose every use stores or asks (`let tasks =
    ///   self.tasks.lock().await; tasks.len()`, `let g =
    ///   self.task.lock().await; g.as_ref().is_some_and(|h|
    ///   !h.is_finished())`), a guard tried or read the same way
    ///   (`self.task.read().unwrap().as_ref().is_some_and(…)`, `match
    ///   self.task.try_lock() { Ok(g) => g.as_ref().is_some_and(…), … }`): `match
    ///   &self.task { Some(t) => !t.is_finished(), None => false }`, and
    ///   a map's keys, which are not its handles:
    ///   `self.subs.keys().cloned().collect()`, also through its lock:
    ///   `self.subs.read().unwrap().keys()`), or to take
    ///   handles out and drop them at once (`self.task.take();`, `let _ =
    ///   self.tasks.remove(&id);`, `drop(self.tasks.pop())`,
    ///   `self.tasks.clear();`, which detach the tasks as well, and a
    ///   `match` or `if let` on such a call whose bindings are only asked
    ///   about or dropped: `if let Some(p) = self.poller.take() {
    ///   drop(p); }`): then
    ///   dropping the owner detaches
    ///   the task. Any other read (`.take()`, `.abort()`, `.await`, a `Drop`
    ///   impl, a destructuring pattern, a view bound to a name) counts as
    ///   stopping it when it may be a read of that struct's field:
    ///   `self.task` in a method of another `impl` (another struct with a
    ///   field of the same name) does not count, nor does one in a file
    ///   that defines a struct of the same name as the owner's when the
    ///   owner's file defines its own (`grpc::Client`'s `Drop` stops
    ///   nothing of `http::Client`'s), nor one in an `impl` of a type the
    ///   file imports from another module (`use crate::rss::Poller; impl
    ///   Drop for Poller` stops `rss::Poller`'s task, not `atom::Poller`'s);
    ///   `x.task` on a value of
    ///   unknown type does, but only in a package that can use the struct
    ///   (its own, or one that depends on it): in a workspace, a read in a
    ///   package that does not depend on the owner's is of another struct.
    ///   A file of the crate that cannot be parsed (half-typed in an
    ///   editor) and spells the field's name may read it: no finding then.
    ///   A store into a field of a local that the `let` says the struct of
    ///   (`let mut this = Self { … }; this.reaper = Some(spawn(…))`, or `let
    ///   pool: Pool = …;`) is a store into that struct's field.
    ///   For threads a note adds that a stop flag or a
    ///   shutdown channel is the way to end the loop, since a thread cannot be
    ///   aborted; for `spawn_blocking` the help says the same, since aborting
    ///   its handle does not stop a closure that is already running.
    ///
    /// ### Example
    /// ```rust,ignore
    /// tokio::spawn(async move {
    ///     loop {
    ///         flush_metrics(&registry).await;
    ///         tokio::time::sleep(Duration::from_secs(10)).await;
    ///     }
    /// });
    /// ```
    ///
    /// ### Use instead
    /// ```rust,ignore
    /// let token = shutdown.child_token();
    /// tokio::spawn(async move {
    ///     loop {
    ///         tokio::select! {
    ///             _ = token.cancelled() => break,
    ///             _ = tokio::time::sleep(Duration::from_secs(10)) => flush_metrics(&registry).await,
    ///         }
    ///     }
    /// });
    /// ```
    pub SPAWN_WITHOUT_CANCEL,
    name: "spawn_without_cancel",
    level: Warn,
    summary: "a detached task or thread loops forever and nothing can cancel it",
    // The endless loop may be in a fn of another file that the task calls.
    triggers: triggers,
    check: check,
}

/// A spawn call, and the `loop` / `while` an endless loop is spelled with.
fn triggers() -> Triggers {
    let mut spawns = paths::spawn_words();
    spawns.extend(paths::spawn_wrapper_words());
    Triggers::new(spawns)
}

const HELP: &str = "observe a CancellationToken (`token.cancelled()`) in the loop, or keep the JoinHandle and abort it on shutdown";
/// A `spawn_blocking` closure cannot be aborted once it runs: only a flag
/// the loop checks stops it.
/// A thread cannot be stopped from outside at all.
const HELP_THREAD: &str = "give the loop a stop flag (an `AtomicBool`, or a shutdown channel it checks each turn), set it on shutdown and join the thread";
const HELP_BLOCKING: &str = "give the loop a stop flag (an `AtomicBool`, or a CancellationToken checked with `is_cancelled()`) and set it on shutdown: a blocking closure cannot be aborted once it runs";

fn check(ctx: &FileContext<'_>, options: &LintOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    ctx.walk_exprs(|expr, ancestors| {
        // A spawn call; or `.spawn(…)` on what a fn of another file returns,
        // a spawn call if the crate says that is a shared runtime.
        let (spawn, runtime_of) = match ctx.spawn_call(expr, ancestors, options) {
            Some(spawn) => (spawn, None),
            None => match ctx.spawn_on_crate_runtime(expr, ancestors) {
                Some((spawn, call)) => {
                    // `pool.spawn(fut)` may as well be a spawn wrapper of
                    // the crate's `Pool`: the crate keeps the one that holds.
                    if let Some(finding) = wrapper_call(ctx, expr, ancestors, options) {
                        findings.push(finding);
                    }
                    (spawn, Some(call))
                }
                None => {
                    if let Some(finding) = wrapper_call(ctx, expr, ancestors, options) {
                        findings.push(finding);
                    }
                    return;
                }
            },
        };
        // A task started once for the whole process is not a leak; one
        // started once per call of a fn is not either when every caller in
        // the crate is such code, which the driver checks.
        let Some(moot_if) = ctx.task_moot_if(spawn.expr, ancestors, options) else {
            return;
        };
        let Some(task) = ctx.task_body(spawn.arg, ancestors) else { return };
        let shape = ctx.task_shape_of(&task);
        // The loop is in the task body, or perhaps in a fn it calls: the
        // driver follows the calls across the crate and keeps the finding
        // only if one reaches such a loop (adding a note per call).
        let endless = shape.loops.iter().find(|l| !l.wrapped && !l.observes_cancellation);
        let mut follow = Follow { depth: task.follow_depth(options.call_depth), runtime_of, ..Follow::default() };
        if endless.is_none() {
            if shape.calls.is_empty() {
                return;
            }
            follow.loop_in_callees = Some(shape.calls);
        }
        let loop_note = "this loop never ends and observes no cancellation";
        let with_loop = |finding: Finding| match endless {
            Some(l) => finding.note(ctx.span(l.keyword), loop_note),
            None => finding,
        };
        let finding = match spawn.kind {
            SpawnKind::Thread => with_loop(Finding::new(SPAWN_WITHOUT_CANCEL.name, ctx.span_of(spawn.expr), "spawned thread loops forever and nothing can stop it"))
                .note_plain("a thread cannot be cancelled from outside: keeping its JoinHandle does not stop it")
                .help(HELP_THREAD),
            SpawnKind::Task | SpawnKind::Blocking => {
                if let Some(runtime) = spawn.runtime {
                    if ctx.runtime_is_owned(runtime, ancestors) {
                        return;
                    }
                } else if spawn.kind == SpawnKind::Task && ctx.spawned_inside_local_runtime(ancestors) {
                    return;
                }
                let (at, note) = match ctx.handle_disposition(spawn.expr, ancestors) {
                    _ if spawn.detached => (ctx.span(method_name_span(spawn.expr)), "`.detach()` gives up the task's handle".to_string()),
                    Handle::Kept => {
                        // Stored in a field: kept only if something in the
                        // crate reads the field to stop the task.
                        let Some((field, at)) = ctx.stored_in_field(spawn.expr, ancestors) else { return };
                        let note = match spawn.kind {
                            SpawnKind::Blocking => format!("the JoinHandle is stored in field `{}`, which nothing awaits or hands on: dropping its owner detaches the task (a blocking closure cannot be aborted: give its loop a stop flag)", field.name),
                            _ => format!("the JoinHandle is stored in field `{}`, which nothing aborts, awaits or hands on: dropping its owner detaches the task", field.name),
                        };
                        follow.stored_in_field = Some(field);
                        (ctx.span(at), note)
                    }
                    Handle::Discarded { at, note } => (ctx.span(at), note.to_string()),
                };
                let help = match spawn.kind {
                    SpawnKind::Blocking => HELP_BLOCKING,
                    _ => HELP,
                };
                with_loop(Finding::new(SPAWN_WITHOUT_CANCEL.name, ctx.span_of(spawn.expr), "spawned task loops forever and nothing can cancel it"))
                    .note(at, note)
                    .help(help)
            }
        };
        let waits = follow.loop_in_callees.is_some()
            || follow.stored_in_field.is_some()
            || follow.runtime_of.is_some();
        let finding = if waits { Finding { follow: Some(follow), ..finding } } else { finding };
        findings.push(match moot_if {
            Some(function) => finding.moot_if_reached(function, ReachKind::Once),
            None => finding,
        });
    });
    findings
}

/// A call of a fn of the crate that may be a spawn wrapper (it spawns its
/// parameter and drops the handle: `spawn_named("ticker", async move { loop
/// { … } })`), given a task body that loops forever, or calls fns that may:
/// the crate pass keeps the finding when the callee is such a wrapper.
fn wrapper_call<'v>(
    ctx: &'v FileContext<'_>,
    expr: &'v syn::Expr,
    ancestors: &[crate::context::Node<'v>],
    options: &LintOptions,
) -> Option<Finding> {
    let WrapperCall { name, index, arg } = ctx.spawn_wrapper_call(expr, ancestors)?;
    let moot_if = ctx.task_moot_if(expr, ancestors, options)?;
    let task = ctx.task_body(arg, ancestors)?;
    let shape = ctx.task_shape_of(&task);
    let endless = shape
        .loops
        .iter()
        .find(|l| !l.wrapped && !l.observes_cancellation);
    let mut follow = Follow {
        depth: task.follow_depth(options.call_depth),
        spawn_wrapper: Some((ctx.span_of(expr), index)),
        ..Follow::default()
    };
    // A plain closure that makes no future is a thread's body (or a
    // blocking task's): only a flag it checks stops it.
    let thread = matches!(arg, syn::Expr::Closure(c) if c.asyncness.is_none()
        && !matches!(&*c.body, syn::Expr::Async(_) | syn::Expr::Call(_) | syn::Expr::MethodCall(_)));
    let (message, help) = match thread {
        true => (
            format!("`{name}` starts a thread that loops forever and nothing can stop it"),
            HELP_BLOCKING,
        ),
        false => (
            format!("`{name}` spawns a task that loops forever and nothing can cancel it"),
            HELP,
        ),
    };
    let mut finding = Finding::new(SPAWN_WITHOUT_CANCEL.name, ctx.span_of(expr), message);
    match endless {
        Some(l) => {
            finding = finding.note(
                ctx.span(l.keyword),
                "this loop never ends and observes no cancellation",
            )
        }
        None if shape.calls.is_empty() => return None,
        None => follow.loop_in_callees = Some(shape.calls),
    }
    let finding = Finding {
        follow: Some(follow),
        ..finding.help(help)
    };
    Some(match moot_if {
        Some(function) => finding.moot_if_reached(function, ReachKind::Once),
        None => finding,
    })
}

/// The span of a method call's name (`detach` in `….detach()`).
fn method_name_span(expr: &syn::Expr) -> proc_macro2::Span {
    match expr {
        syn::Expr::MethodCall(m) => m.method.span(),
        other => syn::spanned::Spanned::span(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of this rule's findings in `src` under `options`.
    fn lines(src: &str, options: &LintOptions) -> Vec<usize> {
        let file = syn::parse_file(src).expect("ui test parses");
        let ctx = FileContext::new(&file, src);
        check(&ctx, options)
            .iter()
            .map(|f| f.span.start.line)
            .collect()
    }

    #[test]
    fn process_lifetime_is_reported_on_request() {
        let src = include_str!("../../ui-tests/spawn_without_cancel/ok_process_lifetime.rs");
        assert_eq!(lines(src, &LintOptions::default()), Vec::<usize>::new());
        let report = LintOptions {
            report_process_lifetime: true,
            ..LintOptions::default()
        };
        // The Lazy, LazyLock, lazy_static! and get_or_init threads, the
        // worker of `main`, the one started from a closure in `main`, and
        // the pool of workers and threads started by `for` over ranges.
        assert_eq!(lines(src, &report), vec![11, 21, 33, 46, 60, 69, 92, 99]);
    }

    #[test]
    fn main_must_be_at_the_top_of_the_file() {
        let src = "mod cli {\n    pub fn main() {\n        std::thread::spawn(|| loop { tick(); });\n    }\n}\n\
                   fn main() {\n    std::thread::spawn(|| loop { tick(); });\n    fn helper() {\n        std::thread::spawn(|| loop { tick(); });\n    }\n}\n";
        assert_eq!(lines(src, &LintOptions::default()), vec![3, 9]);
    }
}
