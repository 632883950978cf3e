//! Following a task into the fns it calls, across the crate.
//!
//! The most common spawn in real code is `spawn(async move {
//! worker.run().await })`: the loop that never ends is in `run`, maybe in
//! another file. A rule sees one file, so it marks such a finding with
//! [`crate::Follow`] ("holds if one of these calls reaches an endless loop",
//! "holds if nothing reads the field the handle is stored in"), and the
//! driver decides with the [`CrateIndex`] of the crate: every file's
//! [`CallSummary`] (who calls whom, see [`super::entry`]) with, per fn, the
//! [`FnFacts`] computed here from the file's own model.
//!
//! Precision first: a call is followed only when it resolves to exactly one
//! fn of the crate — a free fn by its module (`worker::run`, `self::`,
//! `crate::`) or, called bare, by a name only one free fn of the crate has;
//! `Type::f` / `Self::f` / `self.f()` / a receiver whose type its `let` or
//! parameter says, by the one method `f` of an `impl Type`. A method called
//! on a receiver of unknown type is never guessed (`run`, `len`, `build`
//! are everywhere), and neither is a name two fns share.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use syn::visit::Visit;

use super::entry::{CallSite, CallSummary, Callee};
use super::tokens::TokenMention;
use super::BindingId;
use super::FileContext;
use crate::macros::{self, MacroBody};
use crate::{Follow, Span};

/// What one fn of a file does, as far as a task running it is concerned.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FnFacts {
    /// Its key, as in [`CallSummary::defs`] (`module::name`, `Type::name`).
    pub key: String,
    /// Its name, where a note can point.
    pub name: Span,
    /// Whether it is a method or associated fn of an `impl`.
    pub is_method: bool,
    /// Whether it is an `async fn`.
    pub is_async: bool,
    /// Whether it takes `self` (a method, callable as `x.name(…)`).
    pub takes_self: bool,
    /// How many parameters it takes besides `self`.
    pub params: usize,
    /// Its first endless loop that observes no cancellation and that no
    /// cancellation wraps (the `loop` / `while` keyword).
    pub endless_loop: Option<Span>,
    /// The calls it makes that run as part of it (not in closures, nested
    /// items or spawned tasks) and that no cancellation wraps.
    pub calls: Vec<Span>,
    /// Those of [`FnFacts::calls`] written in an async block of the fn:
    /// they run in async code when the block's future is polled, so a
    /// sync fn does not block in them.
    pub deferred_calls: Vec<Span>,
    /// For a sync fn, its first blocking call (not in a closure) that can
    /// wait long whatever the data, with how to name it (see
    /// `blocking_call_in_async`).
    pub blocking: Option<(Span, String)>,
    /// For a sync fn, its first file I/O call (not in a closure), with how
    /// to name it: a call of the fn blocks on it only as long as the data
    /// takes to read or write.
    pub blocking_file_io: Option<(Span, String)>,
    /// A spawn wrapper: the fn hands its parameter at this index (counting
    /// neither `self` nor the receiver) to a spawn call whose handle it
    /// drops, at that span.
    pub spawns_param: Option<(usize, Span)>,
    /// For a spawn wrapper whose spawn is `.spawn(…)` on what a fn of
    /// another file returns (`rt::runtime().spawn(fut)`): that call. The
    /// fn is a spawn wrapper only if the called fn returns a runtime its
    /// caller does not own ([`FnFacts::shares_runtime`]).
    #[serde(default)]
    pub spawns_param_on: Option<Span>,
    /// `(parameter, call, argument)`: the fn hands its parameter at that
    /// index to the call at that span, as the argument at that index (a
    /// wrapper that calls another wrapper).
    pub forwards_param: Vec<(usize, Span, usize)>,
    /// The type it declares it returns, through `Option`, `Result`, `&`,
    /// `Arc`, `Box`, `Rc` (`Self`: its `impl`'s type), when that names a
    /// type: a variable bound to its result has that type.
    pub returns: Option<String>,
    /// The library of the workspace whose path names the type it returns
    /// (`base` for `-> base::poll::Poller`): that library's type, not one
    /// of the same name of the fn's own package.
    #[serde(default)]
    pub returns_library: Option<String>,
    /// Whether it returns a tokio runtime that its caller does not own: a
    /// `Handle`, or a `Runtime` behind a reference, `Arc`, `Rc`, `Box`
    /// (`fn runtime() -> &'static Runtime`). A task spawned on its result
    /// outlives the caller; one spawned on a `Runtime` returned by value
    /// ends when the caller drops it.
    pub shares_runtime: bool,
    /// Whether it is declared to return a socket listener (`->
    /// io::Result<TcpListener>`): a loop accepting from what it returns is
    /// an accept loop.
    pub returns_listener: bool,
    /// The parameters (by index, without `self`) that are cancellation
    /// tokens the fn may fire: `token.cancel()`, `token.drop_guard()` or
    /// `token.drop_guard_ref()` on the parameter or on a clone of it
    /// (`let t = token.clone(); t.cancel()`), or anything else that is not
    /// surely harmless (see [`token_use`]): handing it to a fn, storing it,
    /// returning it. A token handed to such a fn can be cancelled. A
    /// parameter declared `&CancellationToken` (or through `Arc`, `Rc`,
    /// `Box`) is a token too; one whose type may hold a token that is not
    /// followed (a generic `T`, `impl Trait`, `Option<CancellationToken>`)
    /// may fire it.
    pub fires_param: Vec<usize>,
    /// Whether it spawns a task onto a runtime (see [`spawns_a_task`])
    /// that may outlive it: a current-thread runtime that runs it has
    /// other tasks to stall, after it returns too.
    pub spawns_task: bool,
    /// Whether it spawns a task that ends before it returns (see
    /// [`FileContext::spawn_joined_in`]): while it runs, the runtime has
    /// other tasks; after it, none of these.
    pub spawns_joined_task: bool,
    /// The parameters (by index, without `self`) that its first endless
    /// loop observing no cancellation polls ([`polls`]), with that loop's
    /// keyword: a timer handed to the fn by a detached task is pinned by
    /// the task (`timer_never_dropped`).
    pub polls_param: Vec<(usize, Span)>,
    /// The values its calls return that a `let` binds and its first
    /// endless loop observing no cancellation polls (`let mut tick =
    /// ticker::every(d); loop { tick.tick().await; … }`): a timer that a
    /// fn of the crate makes and returns there is pinned by the loop
    /// (`timer_never_dropped`).
    #[serde(default)]
    pub polls_returned: Vec<PolledResult>,
    /// Whether its body makes a call that surely waits (a sleep, a park, a
    /// blocking receive, a condvar wait: [`super::waits`]) outside closures
    /// and async blocks: a busy loop whose path back calls it waits there.
    pub waits: bool,
    /// Whether it is an async fn that takes what a web framework hands a
    /// request handler ([`is_request_param`]): it runs once per request.
    #[serde(default)]
    pub handles_requests: bool,
}

/// A value a call returns, bound by a `let` and polled by an endless loop
/// that observes no cancellation (see [`FnFacts::polls_returned`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PolledResult {
    /// The call.
    pub call: Span,
    /// The loop's keyword.
    pub in_loop: Span,
    /// The loop's first mention of the value that polls it.
    pub poll: Span,
}

/// Calls whose value owns their only argument, as far as polling it goes:
/// the value polled is the argument's (`IntervalStream::new(every(d))`).
const OWNING_CALLS: &[&str] = &[
    "std::boxed::Box::new",
    "std::boxed::Box::pin",
    "tokio_stream::wrappers::IntervalStream::new",
];

/// Methods whose value is their receiver's, as far as polling it goes
/// (`every(d).unwrap()`, `stream.fuse()`).
const OWNING_METHODS: &[&str] = &[
    "unwrap",
    "expect",
    "fuse",
    "boxed",
    "boxed_local",
    "peekable",
];

impl FnFacts {
    /// Its name without its module or type, as notes say it (`run`).
    pub fn short_name(&self) -> &str {
        super::paths::last_segment(&self.key)
    }
}

/// Methods of a timer that only read it: a call of one does not poll it.
pub const NON_POLL_METHODS: &[&str] = &[
    "period",
    "missed_tick_behavior",
    "set_missed_tick_behavior",
    "deadline",
    "is_elapsed",
    "is_terminated",
];

/// Whether a mention of a binding polls what it holds: anything but
/// `drop(…)` and a timer's read-only accessors ([`NON_POLL_METHODS`]).
pub fn polls(mention: &super::scopes::Reference) -> bool {
    use super::scopes::MentionKind;
    match mention.kind {
        MentionKind::Drop => false,
        MentionKind::MethodReceiver => !mention
            .method
            .as_ref()
            .is_some_and(|m| NON_POLL_METHODS.contains(&m.to_string().as_str())),
        MentionKind::Other => true,
    }
}

/// Whether `expr` hands a future to a spawn call, which makes it a task
/// of a runtime: `tokio::spawn(fut)`, `set.spawn(fut)`, `handle.spawn(fut)`,
/// `spawn_local(fut)`, `Builder::new().name(n).spawn(fut)`. Read by its
/// shape, so any runtime's counts: a call whose name starts with `spawn`,
/// given an argument that is not a closure. A closure is a thread's or the
/// blocking pool's work (`thread::spawn(|| …)`, `spawn_blocking(|| …)`),
/// and a child process's `cmd.spawn()` takes none.
pub fn spawns_a_task(expr: &syn::Expr) -> bool {
    spawn_shape(expr, None)
}

/// [`spawns_a_task`], with the path of a fn called read through `ctx`'s
/// imports when given (`go(fut)` after `use tokio::spawn as go;`).
fn spawn_shape(expr: &syn::Expr, ctx: Option<&FileContext<'_>>) -> bool {
    let (path, first, method) = match expr {
        syn::Expr::Call(c) => match &*c.func {
            syn::Expr::Path(p) => {
                let written = || {
                    p.path
                        .segments
                        .iter()
                        .map(|s| s.ident.to_string())
                        .collect()
                };
                let path: Vec<String> = match ctx.and_then(|ctx| ctx.resolve(&p.path)) {
                    Some(resolved) => resolved.split("::").map(str::to_string).collect(),
                    None => written(),
                };
                (path, c.args.first(), None)
            }
            _ => return false,
        },
        syn::Expr::MethodCall(m) => (Vec::new(), m.args.first(), Some(m.method.to_string())),
        _ => return false,
    };
    let Some(name) = method.as_ref().or(path.last()) else {
        return false;
    };
    let thread = path.iter().any(|s| s == "thread");
    name.starts_with("spawn")
        && !name.contains("blocking")
        && !thread
        && first.is_some_and(|a| !matches!(a, syn::Expr::Closure(c) if c.asyncness.is_none()))
}

/// Methods of a `JoinSet` that leave its tasks in it (unlike
/// `detach_all`, or moving the set away): dropping the set aborts them.
const JOIN_SET_KEEPING_METHODS: &[&str] = &[
    "spawn",
    "spawn_local",
    "spawn_on",
    "spawn_local_on",
    "spawn_blocking",
    "spawn_blocking_on",
    "join_next",
    "join_next_with_id",
    "try_join_next",
    "try_join_next_with_id",
    "join_all",
    "abort_all",
    "shutdown",
    "len",
    "is_empty",
];

/// Macros that wait for every future they are given (`tokio::join!(a,
/// b)`).
const JOIN_MACROS: &[&str] = &["join", "try_join"];

/// Whether a call of `func` makes a future that waits for each of its
/// arguments (`futures::future::join(a, b)`, `try_join3(…)`,
/// `join_all(handles)`): by the name it ends in.
fn joins_its_arguments(func: &syn::Expr) -> bool {
    let syn::Expr::Path(p) = func else {
        return false;
    };
    let Some(last) = p.path.segments.last() else {
        return false;
    };
    let name = last.ident.to_string();
    let name = name.strip_prefix("try_").unwrap_or(&name);
    name == "join_all"
        || (name.strip_prefix("join")).is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
}

/// The macro invocations of `block`, as statements or expressions (not in
/// nested items).
fn macros_of(block: &syn::Block) -> Vec<&syn::Macro> {
    struct Macros<'ast>(Vec<&'ast syn::Macro>);
    impl<'ast> Visit<'ast> for Macros<'ast> {
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            self.0.push(mac);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut macros = Macros(Vec::new());
    macros.visit_block(block);
    macros.0
}

/// The `let` statements of `block`, in blocks, closures and async blocks
/// inside it too (not in nested items, nor in unparsed macro bodies).
fn locals_of(block: &syn::Block) -> Vec<&syn::Local> {
    struct Locals<'ast>(Vec<&'ast syn::Local>);
    impl<'ast> Visit<'ast> for Locals<'ast> {
        fn visit_local(&mut self, local: &'ast syn::Local) {
            self.0.push(local);
            syn::visit::visit_local(self, local);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut locals = Locals(Vec::new());
    locals.visit_block(block);
    locals.0
}

/// Whether a parameter of type `ty` is what a web framework hands a request
/// handler: a request (`Request<Body>`, tonic's `Request<Ping>`, actix's
/// `HttpRequest`) or an extractor (axum's `State<S>`, `Path<T>`, `Json<T>`,
/// `Query<T>`, `Form<T>`, `Extension<T>`, `TypedHeader<T>`,
/// `ConnectInfo<T>`, `Multipart`, `WebSocketUpgrade`; actix's
/// `web::Data<T>`, `web::Payload`; rocket's `&State<T>`). The generic ones
/// count only with their type argument: `Path` alone is `std::path::Path`,
/// `State` alone any crate's own state type.
fn is_request_param(ty: &syn::Type) -> bool {
    let ty = match ty {
        syn::Type::Reference(r) => &*r.elem,
        ty => ty,
    };
    let syn::Type::Path(path) = ty else {
        return false;
    };
    let segments: Vec<&syn::PathSegment> = path.path.segments.iter().collect();
    let Some((last, before)) = segments.split_last() else {
        return false;
    };
    let generic = matches!(last.arguments, syn::PathArguments::AngleBracketed(_));
    let under_web = before.last().is_some_and(|s| s.ident == "web");
    match last.ident.to_string().as_str() {
        "HttpRequest" | "Multipart" | "WebSocketUpgrade" => true,
        "Payload" => under_web,
        "Data" => under_web && generic,
        "Request" | "State" | "Path" | "Json" | "Query" | "Form" | "Extension" | "TypedHeader"
        | "ConnectInfo" => generic,
        _ => false,
    }
}

/// The parameters of `sig` other than `self`, in order (indexed as
/// [`FnFacts`] counts them).
/// What a parameter's declared type says of a cancellation token handed
/// to it (see [`FnFacts::fires_param`]).
enum TokenParam {
    /// A token, by value or through `&`, `Arc`, `Rc`, `Box`: followed.
    Token,
    /// A type that may hold one but is not followed: a generic parameter of
    /// the fn, `impl Trait`, a type that names the token among its
    /// arguments (`Option<CancellationToken>`).
    MayHold,
    /// Any other type, which cannot take a token.
    No,
}

fn token_param(sig: &syn::Signature, ty: &syn::Type) -> TokenParam {
    let names_token = |p: &syn::TypePath| {
        p.path
            .segments
            .last()
            .is_some_and(|s| s.ident == "CancellationToken")
    };
    let inner = super::peel_type(ty, super::POINTERS);
    match inner {
        syn::Type::Path(p) if p.qself.is_none() && names_token(p) => TokenParam::Token,
        syn::Type::ImplTrait(_) | syn::Type::TraitObject(_) | syn::Type::Infer(_) => {
            TokenParam::MayHold
        }
        syn::Type::Path(p) => {
            let generic = p.path.get_ident().is_some_and(|ident| {
                (sig.generics.params.iter())
                    .any(|g| matches!(g, syn::GenericParam::Type(t) if t.ident == *ident))
            });
            let mentions_token = quote::ToTokens::to_token_stream(p)
                .into_iter()
                .any(|t| matches!(t, proc_macro2::TokenTree::Ident(i) if i == "CancellationToken"));
            match generic || mentions_token {
                true => TokenParam::MayHold,
                false => TokenParam::No,
            }
        }
        _ => TokenParam::No,
    }
}

fn typed_params(sig: &syn::Signature) -> impl Iterator<Item = &syn::PatType> {
    sig.inputs.iter().filter_map(|input| match input {
        syn::FnArg::Typed(t) => Some(t),
        syn::FnArg::Receiver(_) => None,
    })
}

impl FileContext<'_> {
    /// The [`FnFacts`] of the fn `key` with this signature and body.
    pub(crate) fn fn_facts(
        &self,
        key: String,
        sig: &syn::Signature,
        block: &syn::Block,
        is_method: bool,
    ) -> FnFacts {
        let shape = self.task_shape_of_block(block, false);
        let (returns, returns_library) = match &sig.output {
            syn::ReturnType::Type(_, ty) => {
                let self_type = is_method
                    .then(|| key.rsplit_once("::").map(|(owner, _)| owner))
                    .flatten()
                    .map(super::paths::last_segment);
                match returned_type(self, ty, self_type) {
                    Some((name, library)) => (Some(name), library),
                    None => (None, None),
                }
            }
            syn::ReturnType::Default => (None, None),
        };
        let endless = (shape.loops.iter()).find(|l| !l.wrapped && !l.observes_cancellation);
        let polls_param = endless.map_or_else(Vec::new, |l| self.params_polled_in(sig, l));
        let polls_returned =
            endless.map_or_else(Vec::new, |l| self.returned_values_polled_in(block, l));
        let (spawns_task, spawns_joined_task) = self.task_spawns(block);
        FnFacts {
            key,
            name: self.span_of(&sig.ident),
            is_method,
            is_async: sig.asyncness.is_some(),
            takes_self: sig.receiver().is_some(),
            params: sig.inputs.len() - usize::from(sig.receiver().is_some()),
            endless_loop: endless.map(|l| self.span(l.keyword)),
            calls: shape.calls,
            deferred_calls: shape.deferred,
            blocking: None,
            blocking_file_io: None,
            spawns_param: None,
            spawns_param_on: None,
            forwards_param: Vec::new(),
            returns,
            returns_library,
            shares_runtime: super::spawn::returns_shared_runtime(sig),
            returns_listener: super::spawn::returns_listener(sig),
            fires_param: self.fired_token_params(sig, block),
            spawns_task,
            spawns_joined_task,
            polls_param,
            polls_returned,
            waits: sig.asyncness.is_none() && self.block_surely_waits(block),
            handles_requests: sig.asyncness.is_some()
                && typed_params(sig).any(|p| is_request_param(&p.ty)),
        }
    }

    /// Whether the fn body `block` spawns a task that may outlive it
    /// ([`FnFacts::spawns_task`]), and whether it spawns one that cannot
    /// ([`FnFacts::spawns_joined_task`]).
    fn task_spawns(&self, block: &syn::Block) -> (bool, bool) {
        let mut joined = false;
        let escapes = self.any_expr(block, |e| {
            if !spawn_shape(e, Some(self)) {
                return false;
            }
            let ends_here = self.spawn_joined_in(e, block);
            joined |= ends_here;
            !ends_here
        });
        (escapes, joined)
    }

    /// Whether the task of `spawn` (a spawn call in the fn body `block`)
    /// ends before the fn returns: it is spawned on a `JoinSet` that the
    /// fn makes and keeps to itself (dropping the set aborts its tasks), or
    /// its handle is bound by a `let` and awaited, and otherwise only
    /// aborted or looked at (`let conn = tokio::spawn(conn); … conn.await`).
    /// A CLI's parallel steps and a connection's driver are such tasks.
    pub fn spawn_joined_in(&self, spawn: &syn::Expr, block: &syn::Block) -> bool {
        use super::scopes::MentionKind;
        let locals = locals_of(block);
        let local_of = |id| self.local_binding(&locals, id);
        // `set.spawn(…)` on `let mut set = JoinSet::new();` of this fn,
        // only ever the receiver of the set's methods.
        if let syn::Expr::MethodCall(m) = spawn {
            let set = super::chains::path_ident(&m.receiver).and_then(|i| self.binding_of_use(i));
            if let Some(set) = set {
                let made_here = local_of(set)
                    .and_then(|local| local.init.as_ref())
                    .is_some_and(|init| matches!(&*init.expr, syn::Expr::Call(c) if self.callee_is(&c.func, super::paths::JOIN_SET_CONSTRUCTORS)));
                let keeps_its_tasks = |r: &super::scopes::Reference| {
                    r.kind == MentionKind::MethodReceiver
                        && (r.method.as_ref())
                            .is_some_and(|m| JOIN_SET_KEEPING_METHODS.iter().any(|k| m == k))
                };
                return made_here && self.references(set).iter().all(keeps_its_tasks);
            }
        }
        // `let handle = spawn(…);`, then `handle.await`.
        let Some(local) = locals.iter().find(|local| {
            local.init.as_ref().is_some_and(|init| {
                let mut value = &*init.expr;
                while let syn::Expr::Try(t) = value {
                    value = &t.expr;
                }
                std::ptr::eq(value, spawn)
            })
        }) else {
            return false;
        };
        let Some(handle) =
            super::bindings::pat_ident(&local.pat).and_then(|i| self.binding_of_pat(i))
        else {
            return false;
        };
        let is_handle = |e: &syn::Expr| {
            super::chains::path_ident(e).and_then(|i| self.binding_of_use(i)) == Some(handle)
        };
        // Mentions that wait for the task (`handle.await`, `join!(a,
        // handle)`, `join(a, handle).await`), and shared borrows
        // (`log(&handle)`), which can neither drop nor detach it.
        let (mut joins, mut borrows) = (0, 0);
        self.for_each_expr(block, |e| {
            match e {
                syn::Expr::Await(a) => joins += usize::from(is_handle(&a.base)),
                syn::Expr::Reference(r) if r.mutability.is_none() => {
                    borrows += usize::from(is_handle(&r.expr))
                }
                syn::Expr::Call(c) if joins_its_arguments(&c.func) => {
                    joins += c.args.iter().filter(|a| is_handle(a)).count()
                }
                _ => {}
            }
            std::ops::ControlFlow::<()>::Continue(())
        });
        for mac in macros_of(block) {
            let joining = (mac.path.segments.last())
                .is_some_and(|s| JOIN_MACROS.iter().any(|j| s.ident == j));
            if let (true, MacroBody::Exprs(exprs)) = (joining, self.macro_body(mac)) {
                joins += exprs.iter().filter(|e| is_handle(e)).count();
            }
        }
        let references = self.references(handle);
        let others = (references.iter())
            .filter(|r| r.kind != MentionKind::MethodReceiver)
            .count();
        let only_stops_or_looks = references.iter().all(|r| {
            r.kind != MentionKind::MethodReceiver
                || super::spawn::only_inspects(r)
                || r.method.as_ref().is_some_and(|m| m == "abort")
        });
        joins > 0 && others == joins + borrows && only_stops_or_looks
    }

    /// [`FnFacts::polls_param`]: the parameters of the fn with `sig` that
    /// the loop `endless` of its body polls.
    fn params_polled_in(
        &self,
        sig: &syn::Signature,
        endless: &super::loops::LoopSite<'_>,
    ) -> Vec<(usize, Span)> {
        let within = syn::spanned::Spanned::span(endless.expr);
        let mut polled = Vec::new();
        for (index, param) in typed_params(sig).enumerate() {
            let syn::Pat::Ident(name) = &*param.pat else {
                continue;
            };
            let polls_it = (self.references_of_pat(&name.ident).iter())
                .any(|r| super::scopes::span_within(r.span, within) && polls(r));
            if polls_it {
                polled.push((index, self.span(endless.keyword)));
            }
        }
        polled
    }

    /// The `let` of `locals` that introduces the binding `id` by a plain
    /// name.
    fn local_binding<'l>(
        &self,
        locals: &[&'l syn::Local],
        id: BindingId,
    ) -> Option<&'l syn::Local> {
        locals.iter().copied().find(|local| {
            super::bindings::pat_ident(&local.pat)
                .is_some_and(|name| self.binding_of_pat(name) == Some(id))
        })
    }

    /// [`FnFacts::polls_returned`]: the calls of `body` whose value a `let`
    /// before the endless loop `endless` binds and that loop polls (through
    /// `?`, `.await`, `.unwrap()`, `Box::pin`, `IntervalStream::new`, and
    /// `let`s that rebind it).
    pub(crate) fn returned_values_polled_in(
        &self,
        body: &syn::Block,
        endless: &super::loops::LoopSite<'_>,
    ) -> Vec<PolledResult> {
        let within = syn::spanned::Spanned::span(endless.expr);
        let loop_start = self.span_of(endless.expr).start.byte;
        let locals = locals_of(body);
        let mut found = Vec::new();
        for local in &locals {
            let (Some(name), Some(init)) = (super::bindings::pat_ident(&local.pat), &local.init)
            else {
                continue;
            };
            if self.span_of(&*init.expr).end.byte > loop_start {
                continue;
            }
            let Some(id) = self.binding_of_pat(name) else {
                continue;
            };
            // A mention that awaits or lends the value before a method
            // call on it, as `timer_never_dropped` reads a poll.
            let Some(poll) = (self.references(id).iter())
                .filter(|r| super::scopes::span_within(r.span, within) && polls(r))
                .min_by_key(|r| r.kind == super::scopes::MentionKind::MethodReceiver)
            else {
                continue;
            };
            if let Some(call) = self.call_making(&init.expr, &locals, 0) {
                found.push(PolledResult {
                    call: self.call_span(call),
                    in_loop: self.span(endless.keyword),
                    poll: self.span(poll.span),
                });
            }
        }
        found
    }

    /// The call whose returned value `value` is (see
    /// [`FileContext::returned_values_polled_in`]); `locals` are the `let`s
    /// of the body, through which a name is followed.
    fn call_making<'e>(
        &self,
        value: &'e syn::Expr,
        locals: &[&'e syn::Local],
        depth: usize,
    ) -> Option<&'e syn::Expr> {
        if depth > 8 {
            return None;
        }
        let next = |e: &'e syn::Expr| self.call_making(e, locals, depth + 1);
        match value {
            syn::Expr::Paren(p) => next(&p.expr),
            syn::Expr::Group(g) => next(&g.expr),
            syn::Expr::Try(t) => next(&t.expr),
            syn::Expr::Await(a) => next(&a.base),
            syn::Expr::MethodCall(m) if OWNING_METHODS.iter().any(|o| m.method == o) => {
                next(&m.receiver)
            }
            syn::Expr::Call(c) if c.args.len() == 1 && self.callee_is(&c.func, OWNING_CALLS) => {
                next(&c.args[0])
            }
            syn::Expr::Call(c) if matches!(&*c.func, syn::Expr::Path(_)) => Some(value),
            syn::Expr::MethodCall(_) => Some(value),
            syn::Expr::Path(p) => {
                let id = self.binding_of_use(p.path.get_ident()?)?;
                next(&self.local_binding(locals, id)?.init.as_ref()?.expr)
            }
            _ => None,
        }
    }

    /// The parameters (by index, without `self`) that the fn with this
    /// signature and body calls itself, on its own thread: `init()` /
    /// `init().await` outside any closure, async block or spawn, with
    /// whether that call runs at most once (in no loop). A fn handed to it
    /// by name (`init_protocol("ftp", init_ftp)`) is called there
    /// ([`super::entry::FnValueArg`]).
    pub(crate) fn called_params(
        &self,
        sig: &syn::Signature,
        block: &syn::Block,
    ) -> Vec<(usize, bool)> {
        let params: HashMap<BindingId, usize> = (typed_params(sig).enumerate())
            .filter_map(|(index, param)| match &*param.pat {
                syn::Pat::Ident(name) => Some((self.binding_of_pat(&name.ident)?, index)),
                _ => None,
            })
            .collect();
        if params.is_empty() {
            return Vec::new();
        }
        // Per parameter: how many calls, and whether one is in a loop.
        let mut called: BTreeMap<usize, (usize, bool)> = BTreeMap::new();
        let mut elsewhere: BTreeSet<usize> = BTreeSet::new();
        self.walk_exprs_in(block, |expr, ancestors| {
            let syn::Expr::Call(call) = expr else { return };
            let syn::Expr::Path(p) = &*call.func else {
                return;
            };
            let Some(&index) = (p.path.get_ident())
                .and_then(|id| self.binding_of_use(id))
                .and_then(|b| params.get(&b))
            else {
                return;
            };
            // In a closure, an async block or a spawned future it may run
            // on another thread, later, or never.
            let deferred = (ancestors.iter()).any(|n| match n {
                super::Node::Expr(e @ (syn::Expr::Call(_) | syn::Expr::MethodCall(_))) => {
                    spawn_shape(e, Some(self))
                }
                super::Node::Expr(syn::Expr::Closure(_) | syn::Expr::Async(_)) => true,
                _ => false,
            });
            if deferred {
                elsewhere.insert(index);
                return;
            }
            // As a call's `once` says: any loop, a counted `for` too.
            let repeats = (ancestors.iter().enumerate())
                .any(|(i, n)| super::loops::runs_again(n, ancestors.get(i + 1)));
            let (count, in_loop) = called.entry(index).or_default();
            *count += 1;
            *in_loop |= repeats;
        });
        (called.into_iter())
            .filter(|(index, _)| !elsewhere.contains(index))
            .map(|(index, (count, in_loop))| (index, count == 1 && !in_loop))
            .collect()
    }

    /// [`FnFacts::fires_param`] of the fn with this signature and body.
    fn fired_token_params(&self, sig: &syn::Signature, block: &syn::Block) -> Vec<usize> {
        let mut tokens: HashMap<BindingId, usize> = HashMap::new();
        // Parameters that may hold a token but are not followed (a generic
        // `T`, `impl Trait`, `Option<CancellationToken>`): they may fire it.
        let mut fired: BTreeSet<usize> = BTreeSet::new();
        for (index, param) in typed_params(sig).enumerate() {
            match token_param(sig, &param.ty) {
                TokenParam::Token => match &*param.pat {
                    syn::Pat::Ident(name) => match self.binding_of_pat(&name.ident) {
                        Some(binding) => {
                            tokens.insert(binding, index);
                        }
                        None => {
                            fired.insert(index);
                        }
                    },
                    _ => {
                        fired.insert(index);
                    }
                },
                TokenParam::MayHold => {
                    fired.insert(index);
                }
                TokenParam::No => {}
            }
        }
        if tokens.is_empty() {
            return fired.into_iter().collect();
        }
        // A use the walk does not see (in a macro leaklint cannot parse)
        // may fire the token.
        for (&binding, &index) in &tokens {
            let unseen = (self.references(binding).iter())
                .any(|r| matches!(r.site, super::scopes::UseSite::MacroTokens));
            if unseen {
                fired.insert(index);
            }
        }
        // Mentions are met in order, so a local is bound (and its parameter
        // known) before its own mentions.
        self.walk_exprs_in(block, |expr, ancestors| {
            let syn::Expr::Path(p) = expr else { return };
            let Some(ident) = p.path.get_ident() else {
                return;
            };
            let Some(param) = self
                .binding_of_use(ident)
                .and_then(|b| tokens.get(&b).copied())
            else {
                return;
            };
            // A child token (`shutdown.child_token()`), whatever is done
            // with it, cannot cancel its parent.
            let child = matches!(ancestors.last(), Some(super::Node::Expr(syn::Expr::MethodCall(m)))
                if std::ptr::eq(&*m.receiver, expr) && m.method == "child_token");
            if child {
                return;
            }
            // Only what surely leaves the token unfired is harmless: a
            // caller that hands its token to this fn keeps its finding
            // only then.
            match self.token_mention(expr, ancestors) {
                TokenMention::Harmless => {}
                TokenMention::Bound(alias) => {
                    tokens.insert(alias, param);
                }
                TokenMention::Argument { .. } | TokenMention::MayFire => {
                    fired.insert(param);
                }
            }
        });
        fired.into_iter().collect()
    }

    /// The spawns of this file whose handle is dropped, in one walk:
    /// * `wrappers`: those that spawn one of their fn's own parameters
    ///   (`fn spawn_named(name: &str, fut: F) { tokio::spawn(fut); }`), each
    ///   with the parameter's index (without `self`);
    /// * `detached`: those not for the life of the process (threads count
    ///   whatever their handle), each with the calls its task body makes
    ///   outside cancellation wrappers.
    pub fn dropped_spawns(&self) -> DroppedSpawns {
        let options = crate::LintOptions::default();
        let mut found = DroppedSpawns::default();
        self.walk_exprs(|expr, ancestors| {
            // A spawn call; or `.spawn(…)` on what a fn of another file
            // returns, one if the crate pass finds that a shared runtime.
            let found_spawn = match self.spawn_call(expr, ancestors, &options) {
                Some(spawn) => Some((spawn, None)),
                None => self
                    .spawn_on_crate_runtime(expr, ancestors)
                    .map(|(spawn, call)| (spawn, Some(call))),
            };
            let Some((spawn, runtime_of)) = found_spawn else {
                // A call of a spawn wrapper (`spawn_named("hb", heartbeat(conn))`):
                // a detached task when the crate pass confirms the wrapper.
                if let Some(task) = self.wrapper_task(expr, ancestors) {
                    found.detached.push(task);
                }
                // A fn that hands its parameter to another fn, which may
                // be a spawn wrapper (`spawn_inner(fut)`).
                found
                    .forwards
                    .extend(self.forwarded_params(expr, ancestors));
                return;
            };
            if self.expr_in_test_code(expr) {
                return;
            }
            let discarded = spawn.detached
                || matches!(
                    self.handle_disposition(spawn.expr, ancestors),
                    super::spawn::Handle::Discarded { .. }
                );
            let at = self.call_span(spawn.expr);
            if discarded {
                let param = super::ancestry::enclosing_fn_sig(ancestors)
                    .and_then(|sig| self.param_spawned(spawn.arg, sig, ancestors));
                if let Some(index) = param {
                    found.wrappers.push((at, index, runtime_of));
                }
            }
            // A handle stored in a field detaches the task unless something
            // in the crate reads the field to stop it (the crate pass asks).
            let stored_in_field = match discarded {
                true => None,
                false => self
                    .stored_in_field(spawn.expr, ancestors)
                    .map(|(field, _)| field),
            };
            let detached = discarded
                || spawn.kind == super::spawn::SpawnKind::Thread
                || stored_in_field.is_some();
            if !detached {
                return;
            }
            let lifetime = self.lifetime(spawn.expr, ancestors);
            if let Some(task) = self.task_body(spawn.arg, ancestors) {
                let shape = self.task_shape_of(&task);
                if !shape.calls.is_empty() {
                    found.detached.push(DetachedTask {
                        spawn: at,
                        polls_returned: self.task_polls_returned(&task, &shape),
                        calls: shape.calls,
                        wrapper: None,
                        depth_offset: task.follow_depth(0),
                        once_per_call: matches!(lifetime, super::spawn::Lifetime::PerCallOf(_)),
                        stored_in_field,
                        for_the_process: lifetime == super::spawn::Lifetime::Process,
                        runtime_of,
                    });
                }
            }
        });
        found
    }

    /// For a call (not awaited) of a fn that may be one of the crate's, for
    /// each parameter of the fn around it that it is given (or its call, or
    /// a `let` bound to either): the call, that parameter's index and the
    /// argument's index (neither counting `self` or the receiver).
    fn forwarded_params<'v>(
        &'v self,
        expr: &'v syn::Expr,
        ancestors: &[super::Node<'v>],
    ) -> Vec<(Span, usize, usize)> {
        let args = match expr {
            syn::Expr::Call(c) => &c.args,
            syn::Expr::MethodCall(m) => &m.args,
            _ => return Vec::new(),
        };
        let Some(sig) = super::ancestry::enclosing_fn_sig(ancestors) else {
            return Vec::new();
        };
        // Every parameter handed on: `spawn_named(name, fut)` hands on the
        // name too, and the crate pass asks for the future's.
        let forwarded: Vec<(usize, usize)> = args
            .iter()
            .enumerate()
            .filter_map(|(j, a)| Some((j, self.param_spawned(a, sig, ancestors)?)))
            .collect();
        if forwarded.is_empty() || self.crate_call_name(expr, ancestors).is_none() {
            return Vec::new();
        }
        let at = self.call_span(expr);
        forwarded
            .into_iter()
            .map(|(arg, param)| (at, param, arg))
            .collect()
    }

    /// The task a call of a fn that may be a spawn wrapper detaches, when it
    /// makes calls (marked when it is for the life of the process, as a
    /// spawn's is).
    fn wrapper_task<'v>(
        &'v self,
        expr: &'v syn::Expr,
        ancestors: &[super::Node<'v>],
    ) -> Option<DetachedTask> {
        let call = self.spawn_wrapper_call(expr, ancestors)?;
        let lifetime = self.lifetime(expr, ancestors);
        if self.expr_in_test_code(expr) {
            return None;
        }
        let task = self.task_body(call.arg, ancestors)?;
        let shape = self.task_shape_of(&task);
        let at = self.call_span(expr);
        (!shape.calls.is_empty()).then(|| DetachedTask {
            spawn: at,
            polls_returned: self.task_polls_returned(&task, &shape),
            calls: shape.calls,
            wrapper: Some((at, call.index)),
            depth_offset: task.follow_depth(0),
            once_per_call: matches!(lifetime, super::spawn::Lifetime::PerCallOf(_)),
            stored_in_field: None,
            for_the_process: lifetime == super::spawn::Lifetime::Process,
            runtime_of: None,
        })
    }

    /// [`DetachedTask::polls_returned`] of `task`, whose shape is `shape`:
    /// for an async block or closure body, or the body of the fn of this
    /// file called to make the task (a fn of the crate that the task calls
    /// has its own [`FnFacts::polls_returned`]).
    fn task_polls_returned(
        &self,
        task: &super::spawn::Task<'_>,
        shape: &super::loops::TaskShape<'_>,
    ) -> Vec<PolledResult> {
        let block = match task.body {
            super::spawn::TaskBody::Fn(block) => block,
            super::spawn::TaskBody::Expr(mut body) => loop {
                body = match body {
                    syn::Expr::Async(a) => break &a.block,
                    syn::Expr::Block(b) => break &b.block,
                    syn::Expr::Closure(c) => &c.body,
                    _ => return Vec::new(),
                };
            },
            super::spawn::TaskBody::Call(_) => return Vec::new(),
        };
        (shape.loops.iter())
            .find(|l| !l.wrapped && !l.observes_cancellation)
            .map_or_else(Vec::new, |l| self.returned_values_polled_in(block, l))
    }

    /// The index (without `self`) of the parameter of `sig` that `arg` is:
    /// the parameter itself, its call (`f()`), or a `let` bound to either,
    /// also through wrappers that do not change what runs
    /// (`fut.instrument(span)`, `Box::pin(fut)`, `async move { fut.await }`).
    fn param_spawned<'v>(
        &'v self,
        arg: &'v syn::Expr,
        sig: &syn::Signature,
        ancestors: &[super::Node<'v>],
    ) -> Option<usize> {
        let mut e = arg;
        let mut followed = false;
        loop {
            e = match e {
                syn::Expr::Paren(p) => &p.expr,
                syn::Expr::Call(c) if c.args.is_empty() => &c.func,
                // Wrappers that do not change what runs: `fut.instrument(span)`,
                // `Box::pin(fut)`, `async move { fut.await }`.
                syn::Expr::MethodCall(m)
                    if super::paths::TRANSPARENT_FUTURE_METHODS
                        .iter()
                        .any(|t| m.method == t) =>
                {
                    &m.receiver
                }
                syn::Expr::Call(c)
                    if c.args.len() == 1
                        && self.callee_is(&c.func, super::paths::TRANSPARENT_FUTURE_CALLS) =>
                {
                    &c.args[0]
                }
                syn::Expr::Async(a) => match a.block.stmts.as_slice() {
                    [syn::Stmt::Expr(syn::Expr::Await(w), _)] => &w.base,
                    _ => return None,
                },
                syn::Expr::Path(p) => {
                    let ident = p.path.get_ident()?;
                    let index = typed_params(sig)
                        .position(|t| matches!(&*t.pat, syn::Pat::Ident(i) if i.ident == *ident));
                    if index.is_some() || followed {
                        return index;
                    }
                    followed = true;
                    self.binding_init(ident, ancestors)?
                }
                _ => return None,
            };
        }
    }

    /// The name of the fn a call calls, when it may be a fn of the crate
    /// that the crate pass can follow: not awaited (an async fn's body is
    /// checked where it is), a path into the crate (`crate::`, `self::`,
    /// `super::`, `Self::`, an item of this file, a name no `use` brings
    /// in, a path through one of the crate's libraries by its name, see
    /// [`FileContext::set_crate_libraries`]) or a method called on `self`,
    /// on a variable, or on a field of either (`self.store.get()`).
    pub fn crate_call_name(
        &self,
        expr: &syn::Expr,
        ancestors: &[super::Node<'_>],
    ) -> Option<String> {
        if matches!(
            ancestors.last(),
            Some(super::Node::Expr(syn::Expr::Await(_)))
        ) {
            return None;
        }
        match expr {
            syn::Expr::Call(call) => match &*call.func {
                syn::Expr::Path(p) if p.qself.is_none() => self.crate_path_name(&p.path),
                _ => None,
            },
            syn::Expr::MethodCall(m) => {
                receiver_type_may_be_known(&m.receiver).then(|| m.method.to_string())
            }
            _ => None,
        }
    }

    /// The name of the fn `path` calls when it may be a fn of the crate
    /// (see [`FileContext::crate_call_name`]).
    pub fn crate_path_name(&self, path: &syn::Path) -> Option<String> {
        let resolved = self.resolve(path)?;
        let through_library = |library: &String| {
            resolved
                .strip_prefix(library.as_str())
                .is_some_and(|rest| rest.starts_with("::"))
        };
        // A path no import names, whose first segment a glob of the
        // crate's own modules may bring in (`backoff::pause()` after `use
        // super::*;`, `backoff` a module of the parent).
        let through_crate_glob = || {
            let written = (path.segments.iter())
                .map(|s| super::imports::unraw(&s.ident))
                .collect::<Vec<_>>()
                .join("::");
            resolved == written && (self.imports).crate_glob_at(path.segments[0].ident.span())
        };
        let in_crate = ["crate::", "self::", "super::", "Self::"]
            .iter()
            .any(|prefix| resolved.starts_with(prefix))
            || !resolved.contains("::")
            || self.crate_libraries.iter().any(through_library)
            || through_crate_glob();
        in_crate.then(|| {
            resolved
                .rsplit("::")
                .next()
                .unwrap_or(&resolved)
                .to_string()
        })
    }

    /// The struct fields this file reads other than to store into them
    /// (see [`FieldReads`]); test code aside.
    pub fn field_reads(&self) -> FieldReadSets {
        let mut reads = FieldReads {
            ctx: self,
            asked_locals: std::cell::OnceCell::new(),
            names: BTreeSet::new(),
            self_type: None,
            self_module: None,
            timed_starts: HashSet::new(),
            other_reads: BTreeSet::new(),
            param_types: Vec::new(),
        };
        reads.visit_file(self.file);
        let only_timed_requests = reads
            .names
            .difference(&reads.other_reads)
            .cloned()
            .collect();
        FieldReadSets {
            read: reads.names,
            only_timed_requests,
        }
    }
}

/// The struct fields a file reads (see [`FileContext::field_reads`]).
#[derive(Debug, Default)]
pub struct FieldReadSets {
    /// Every field read other than to store into it.
    pub read: BTreeSet<FieldOf>,
    /// Those whose every read starts a request with its own timeout: the
    /// field is the receiver of a request method
    /// ([`super::paths::REQWEST_REQUEST_METHODS`]) whose method chain sets
    /// `.timeout(…)` (`self.client.get(url).timeout(d).send()`), or that
    /// is bound to a local that gets one before it is sent (`let mut req =
    /// self.client.get(url);`, then `req = req.timeout(d);`).
    pub only_timed_requests: BTreeSet<FieldOf>,
}

/// The field a request with its own timeout starts from, if the method
/// chain ending in `m` is one: `self.client.get(url).timeout(d).send()`
/// (or any part of it that holds `.timeout(…)`) starts from `self.client`.
fn timed_request_start(m: &syn::ExprMethodCall) -> Option<&syn::ExprField> {
    let mut timed = false;
    let mut call = m;
    loop {
        timed |= call.method == "timeout";
        let receiver = match &*call.receiver {
            syn::Expr::Paren(p) => &*p.expr,
            other => other,
        };
        match receiver {
            syn::Expr::Field(f)
                if timed
                    && super::paths::REQWEST_REQUEST_METHODS
                        .iter()
                        .any(|r| call.method == r) =>
            {
                return Some(f)
            }
            syn::Expr::MethodCall(inner) => call = inner,
            _ => return None,
        }
    }
}

/// The field a request bound to `local` (a statement of `block`) starts
/// from, when the local gets its own timeout before it is sent (see
/// [`FileContext::local_request_timed`]): `let mut req =
/// self.client.get(url);`, then `req.timeout(d).send()`.
fn bound_timed_request_start<'v>(
    ctx: &FileContext<'_>,
    local: &'v syn::Local,
    block: &'v syn::Block,
) -> Option<&'v syn::ExprField> {
    let chain = super::chains::method_chain(&local.init.as_ref()?.expr);
    let (syn::Expr::Field(field), Some(first)) = (chain.root, chain.calls.last()) else {
        return None;
    };
    let starts = (super::paths::REQWEST_REQUEST_METHODS.iter()).any(|r| first.method == r);
    (starts && ctx.local_request_timed(local, block)).then_some(field)
}

/// A struct field: of the struct `owner` when the code says which
/// (`self.task` in `impl Worker`, `Worker { task, .. }`), else of a value
/// of unknown type (any struct's field of that name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct FieldOf {
    pub owner: Option<String>,
    pub name: String,
    /// For a read in an `impl` of a type this file imports from another
    /// module of the crate (`use crate::rss::Poller; impl Drop for Poller`):
    /// that module's name. The read is of that module's struct only.
    #[serde(default)]
    pub owner_module: Option<String>,
}

impl FieldOf {
    /// Whether a read of `read` may read this field: same name, and the
    /// same struct unless either does not say.
    pub fn may_be_read_by(&self, read: &FieldOf) -> bool {
        self.name == read.name
            && match (&self.owner, &read.owner) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

/// Collects field names read anywhere: `self.task.abort()`,
/// `if let Some(h) = self.task.take()`, `let Self { task, .. } = self`.
/// Not reads: the left of an assignment (`self.task = Some(spawn(…))`),
/// a take or removal whose result is dropped at once (`self.task.take();`,
/// see [`DROPPING`]),
/// and a receiver of a method that only stores or asks
/// (`self.tasks.push(…)`, `.insert(…)`, `.is_some()`, `.is_finished()`,
/// `.retain(|t| !t.is_finished())`, `.as_ref().is_some_and(|t|
/// !t.is_finished())`, `.iter().filter(…).count()`).
/// Any other mention may stop the task, so it counts.
pub struct FieldReads<'c, 'a> {
    ctx: &'c FileContext<'a>,
    /// Where a local is written as the base of a chain that only asks
    /// about its handles (see [`AskedLocals`]), found when first asked:
    /// most files lend no field to a local.
    asked_locals: std::cell::OnceCell<HashSet<super::scopes::TokenPos>>,
    names: BTreeSet<FieldOf>,
    /// The `Self` type of the `impl` being visited.
    self_type: Option<String>,
    /// The module of the crate that type is imported from, when this
    /// file does not define it (see [`FieldOf::owner_module`]).
    self_module: Option<String>,
    /// The field accesses that start a request with its own timeout
    /// ([`timed_request_start`]).
    timed_starts: HashSet<*const syn::ExprField>,
    /// The fields of `names` read other than as such a start.
    other_reads: BTreeSet<FieldOf>,
    /// The parameters of the fn being visited whose declared type names
    /// a type (`mirror: &Mirror`): the owner of their fields.
    param_types: Vec<(super::scopes::BindingId, String)>,
}

/// Whether the closures given to `retain` only ask about the handles
/// (`tasks.retain(|t| !t.is_finished())`): they neither abort nor await
/// one, so the handles dropped are those of finished tasks.
fn only_asks(args: &syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>) -> bool {
    struct Stops(bool);
    impl<'v> Visit<'v> for Stops {
        fn visit_expr_method_call(&mut self, m: &'v syn::ExprMethodCall) {
            self.0 |= m.method != "is_finished";
            syn::visit::visit_expr_method_call(self, m);
        }
        fn visit_expr_await(&mut self, _: &'v syn::ExprAwait) {
            self.0 = true;
        }
        fn visit_expr_call(&mut self, c: &'v syn::ExprCall) {
            self.0 = true;
            syn::visit::visit_expr_call(self, c);
        }
        fn visit_macro(&mut self, _: &'v syn::Macro) {
            self.0 = true;
        }
    }
    let mut stops = Stops(false);
    args.iter().for_each(|a| stops.visit_expr(a));
    !stops.0
}

/// Methods on a field that store a handle or ask about it without stopping it.
const NOT_STOPPING: &[&str] = &[
    "push",
    "push_back",
    "push_front",
    "insert",
    "extend",
    "is_some",
    "is_none",
    "is_finished",
    "id",
    "is_empty",
    "len",
    "contains_key",
    "contains",
];

/// Methods that take handles out of a field (or drop them in place): when
/// what they return is dropped at once (`self.task.take();`, `let _ =
/// self.tasks.remove(&id);`, `drop(self.tasks.pop())`,
/// `self.tasks.clear();`), the handles are dropped and their tasks run on.
const DROPPING: &[&str] = &["take", "remove", "pop", "clear", "drain", "truncate"];

/// The method call on a field (through a guard: `self.tasks.lock().await`)
/// of a [`DROPPING`] method, if `e` is one.
fn dropping_call(e: &syn::Expr) -> Option<&syn::ExprMethodCall> {
    match e {
        syn::Expr::Paren(p) => dropping_call(&p.expr),
        syn::Expr::MethodCall(m)
            if DROPPING.iter().any(|d| m.method == d)
                && matches!(through_guard(&m.receiver), syn::Expr::Field(_)) =>
        {
            Some(m)
        }
        _ => None,
    }
}

/// Methods that end a chain from a field by asking about its handles:
/// what they return holds no handle when their closures only ask
/// (`self.task.as_ref().is_some_and(|t| !t.is_finished())`).
const ASKING_ENDS: &[&str] = &[
    "is_some",
    "is_none",
    "is_some_and",
    "is_none_or",
    "is_finished",
    "is_empty",
    "len",
    "count",
    "any",
    "all",
    "map",
    "map_or",
    "contains",
    "contains_key",
];

/// Methods between a field and an [`ASKING_ENDS`] method that only look at
/// its handles (`self.tasks.iter().filter(|t| !t.is_finished()).count()`).
const VIEWS: &[&str] = &["as_ref", "iter", "values", "keys", "filter"];

/// Methods of [`DROPPING`] that give back the handles they take out: asked
/// about at once (`self.tasks.remove(&id).is_some()`), the handles are
/// dropped with the answer.
const TAKING_OUT: &[&str] = &["take", "remove", "pop"];

/// The method calls of a chain that only asks about the handles of a field
/// (see [`ASKING_ENDS`]), outermost first, and the field; `None` for any
/// other call.
fn asking_chain(m: &syn::ExprMethodCall) -> Option<(Vec<&syn::ExprMethodCall>, &syn::Expr)> {
    asking_chain_of(m).filter(|(_, base)| matches!(base, syn::Expr::Field(_)))
}

/// [`asking_chain`] whatever the chain starts from (a field, a local, …),
/// through the lock that guards it
/// (`self.tasks.lock().await.iter().filter(…).count()`).
fn asking_chain_of(m: &syn::ExprMethodCall) -> Option<(Vec<&syn::ExprMethodCall>, &syn::Expr)> {
    if !ASKING_ENDS.iter().any(|a| m.method == a) || !only_asks(&m.args) {
        return None;
    }
    let mut chain = vec![m];
    let mut receiver = &*m.receiver;
    loop {
        match receiver {
            // `self.tasks.remove(&id).is_some()`: taken out, asked about,
            // then dropped at once.
            syn::Expr::MethodCall(inner)
                if (VIEWS.iter().chain(TAKING_OUT)).any(|v| inner.method == v)
                    && only_asks(&inner.args) =>
            {
                chain.push(inner);
                receiver = &inner.receiver;
            }
            syn::Expr::Field(_) => return Some((chain, receiver)),
            other => return Some((chain, through_guard(other))),
        }
    }
}

/// Where a local is the start of a chain that only asks about the handles
/// it holds (`guard.as_ref().is_some_and(|h| !h.is_finished())`): a guard
/// of a field used only so reads no handle out of it.
struct AskedLocals(HashSet<super::scopes::TokenPos>);

impl<'v> Visit<'v> for AskedLocals {
    fn visit_expr_method_call(&mut self, m: &'v syn::ExprMethodCall) {
        if let Some((_, syn::Expr::Path(p))) = asking_chain_of(m) {
            if let Some(ident) = p.path.get_ident() {
                self.0.insert(ident.span().start());
            }
        }
        syn::visit::visit_expr_method_call(self, m);
    }
}

/// Methods that lend what a field holds: a lock's guard, a `RefCell`'s
/// borrow, an `Option`'s or `Result`'s value.
const GUARDS: &[&str] = &[
    "lock",
    "write",
    "borrow_mut",
    "get_mut",
    "as_mut",
    "unwrap",
    "expect",
];

/// The field a local's initialiser lends, when it lends one: a lock guard
/// of it (`self.tasks.lock().await`, `self.tasks.write().unwrap()`) or a
/// reference to it (`&mut self.tasks`). A copy of the field's value
/// (`self.tasks.clone()`) lends nothing.
pub fn lent_field(init: &syn::Expr) -> Option<&syn::Expr> {
    let (lent, by_reference) = match init {
        syn::Expr::Reference(r) => (&*r.expr, true),
        _ => (init, false),
    };
    let field = through_guard(lent);
    if std::ptr::eq(field, lent) && !by_reference {
        return None;
    }
    matches!(field, syn::Expr::Field(_)).then_some(field)
}

/// Methods without arguments that lend what a field holds: a lock's guard
/// tried (`try_lock()`), a read guard (`read()`, `try_read()`), a
/// `RefCell`'s shared borrow.
const ARGLESS_GUARDS: &[&str] = &["try_lock", "read", "try_read", "try_write", "borrow"];

/// The expression under a chain that lends what it holds:
/// `self.tasks.lock().await` and `*self.task.lock().unwrap()` are
/// `self.tasks` and `self.task`.
pub fn through_guard(mut e: &syn::Expr) -> &syn::Expr {
    loop {
        e = match e {
            syn::Expr::MethodCall(m)
                if GUARDS.iter().any(|g| m.method == g)
                    || (m.args.is_empty() && ARGLESS_GUARDS.iter().any(|g| m.method == g)) =>
            {
                &m.receiver
            }
            syn::Expr::Await(a) => &a.base,
            syn::Expr::Try(t) => &t.expr,
            syn::Expr::Paren(p) => &p.expr,
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => &u.expr,
            _ => return e,
        }
    }
}

impl FieldReads<'_, '_> {
    /// Whether the mention `r` of a local starts a chain that only asks
    /// about the handles it holds (see [`AskedLocals`]).
    fn only_asked_about(&self, r: &super::scopes::Reference) -> bool {
        let asked = self.asked_locals.get_or_init(|| {
            let mut bases = AskedLocals(HashSet::new());
            bases.visit_file(self.ctx.file);
            bases.0
        });
        asked.contains(&r.span.start())
    }

    /// The module of the crate a type is imported from (`rss` for `Poller`
    /// after `use crate::rss::Poller;`), when this file defines no struct
    /// of that name.
    fn imported_from(&self, ty: &syn::Type) -> Option<String> {
        let syn::Type::Path(p) = ty else {
            return None;
        };
        let name = super::imports::unraw(&p.path.segments.last()?.ident);
        if !self.ctx.structs_named(&name).is_empty() {
            return None;
        }
        let full = self.ctx.resolve(&p.path)?;
        let (module, _) = super::entry::module_and_name(full.strip_prefix("crate::")?);
        module.map(str::to_string)
    }

    /// Notes a read of `field` of a value of type `owner`, if known.
    fn read(&mut self, owner: Option<String>, field: String, on_self: bool) {
        let owner_module = self.self_module.clone().filter(|_| on_self);
        let field = FieldOf {
            owner,
            name: field,
            owner_module,
        };
        self.other_reads.insert(field.clone());
        self.names.insert(field);
    }

    /// Makes the typed parameters of `sig` those of the fn being visited;
    /// returns the outer fn's. A parameter typed with a type parameter (of
    /// the fn or its `impl`) is left out: it may hold any struct.
    fn enter_fn(&mut self, sig: &syn::Signature) -> Vec<(super::scopes::BindingId, String)> {
        let params = typed_params(sig)
            .filter_map(|t| {
                let syn::Pat::Ident(i) = &*t.pat else {
                    return None;
                };
                let ty = super::entry::type_name(self.ctx, &t.ty)
                    .filter(|ty| !self.ctx.declares_type_param(sig, ty))?;
                Some((self.ctx.binding_of_pat(&i.ident)?, ty))
            })
            .collect();
        std::mem::replace(&mut self.param_types, params)
    }

    /// The type a parameter of the fn being visited is declared with, if
    /// `e` names one (`mirror` in `mirror.client`).
    fn param_type(&self, e: &syn::Expr) -> Option<String> {
        let id = self.ctx.binding_of_expr(e)?;
        let (_, ty) = self.param_types.iter().find(|(b, _)| *b == id)?;
        Some(ty.clone())
    }

    /// The field a `match` or `if let` only looks at the handles of:
    /// `scrutinee` borrows it (`&self.task`, `self.task.as_ref()`) and every
    /// name `pats` bind is only asked about (`Some(t) => !t.is_finished()`),
    /// so nothing there aborts, awaits or takes a handle.
    fn viewed_field<'e>(
        &self,
        scrutinee: &'e syn::Expr,
        pats: &[&syn::Pat],
    ) -> Option<&'e syn::Expr> {
        let field = match scrutinee {
            syn::Expr::Reference(r) => &*r.expr,
            syn::Expr::MethodCall(m) if m.method == "as_ref" && m.args.is_empty() => &*m.receiver,
            // A guard of the field (`match self.task.try_lock() { Ok(g) => … }`).
            other => lent_field(other)?,
        };
        if !matches!(field, syn::Expr::Field(_)) {
            return None;
        }
        let mut only_asked = true;
        for pat in pats {
            super::scopes::for_each_pattern_ident(pat, |ident| {
                only_asked &= (self.ctx.references_of_pat(ident).iter())
                    .all(|r| super::spawn::only_inspects(r) || self.only_asked_about(r));
            });
        }
        only_asked.then_some(field)
    }

    /// The field a `match` or `if let` takes the handles out of only to
    /// drop them: `scrutinee` is a [`DROPPING`] call on it
    /// (`self.poller.take()`), and every name `pats` bind is only asked
    /// about or passed to `drop(…)` (`if let Some(p) = self.poller.take() {
    /// drop(p); }`), so the task runs on.
    fn taken_to_drop<'e>(
        &self,
        scrutinee: &'e syn::Expr,
        pats: &[&syn::Pat],
    ) -> Option<&'e syn::ExprMethodCall> {
        let call = dropping_call(scrutinee)?;
        let mut only_dropped = true;
        for pat in pats {
            super::scopes::for_each_pattern_ident(pat, |ident| {
                only_dropped &= (self.ctx.references_of_pat(ident).iter()).all(|r| {
                    r.kind == super::scopes::MentionKind::Drop || super::spawn::only_inspects(r)
                });
            });
        }
        only_dropped.then_some(call)
    }

    /// For the scrutinee of a `match` or `if let` that stops no handle of
    /// the field it reads ([`Self::viewed_field`], [`Self::taken_to_drop`]):
    /// visits what it reads besides that field and returns `true`.
    fn visit_scrutinee_of_no_stop(&mut self, scrutinee: &syn::Expr, pats: &[&syn::Pat]) -> bool {
        if let Some(field) = self.viewed_field(scrutinee, pats) {
            self.visit_field_base(field);
        } else if let Some(call) = self.taken_to_drop(scrutinee, pats) {
            self.visit_field_base(&call.receiver);
            call.args.iter().for_each(|a| self.visit_expr(a));
        } else {
            return false;
        }
        true
    }

    fn visit_field_base(&mut self, e: &syn::Expr) {
        match through_guard(e) {
            syn::Expr::Field(f) => self.visit_expr(&f.base),
            other => self.visit_expr(other),
        }
    }
}

impl<'v> Visit<'v> for FieldReads<'_, '_> {
    fn visit_item(&mut self, i: &'v syn::Item) {
        if !self.ctx.item_in_test_code(i) {
            syn::visit::visit_item(self, i);
        }
    }

    fn visit_impl_item_fn(&mut self, f: &'v syn::ImplItemFn) {
        if !self.ctx.in_test_code(self.ctx.span_of(&f.sig.ident)) {
            let outer = self.enter_fn(&f.sig);
            syn::visit::visit_impl_item_fn(self, f);
            self.param_types = outer;
        }
    }

    fn visit_item_fn(&mut self, f: &'v syn::ItemFn) {
        let outer = self.enter_fn(&f.sig);
        syn::visit::visit_item_fn(self, f);
        self.param_types = outer;
    }

    fn visit_item_impl(&mut self, i: &'v syn::ItemImpl) {
        let outer = std::mem::replace(&mut self.self_type, super::impl_type_name(&i.self_ty));
        let module = self.imported_from(&i.self_ty);
        let outer_module = std::mem::replace(&mut self.self_module, module);
        syn::visit::visit_item_impl(self, i);
        self.self_type = outer;
        self.self_module = outer_module;
    }

    fn visit_expr_field(&mut self, f: &'v syn::ExprField) {
        if let syn::Member::Named(n) = &f.member {
            let on_self = matches!(&*f.base, syn::Expr::Path(p) if p.path.is_ident("self"));
            let owner = if on_self {
                self.self_type.clone()
            } else {
                self.param_type(&f.base)
            };
            let field = super::imports::unraw(n);
            if self.timed_starts.contains(&std::ptr::from_ref(f)) {
                self.names.insert(FieldOf {
                    owner,
                    name: field,
                    owner_module: None,
                });
            } else {
                self.read(owner, field, on_self);
            }
        }
        syn::visit::visit_expr_field(self, f);
    }

    fn visit_expr_assign(&mut self, a: &'v syn::ExprAssign) {
        self.visit_field_base(&a.left);
        self.visit_expr(&a.right);
    }

    fn visit_stmt(&mut self, s: &'v syn::Stmt) {
        // What a statement drops at once: its value (`expr;`, `let _ =
        // expr;`), or the argument of `drop(…)`.
        let dropped = match s {
            syn::Stmt::Expr(e, Some(_)) => match e {
                syn::Expr::Call(c)
                    if c.args.len() == 1
                        && matches!(&*c.func, syn::Expr::Path(p) if p.path.is_ident("drop")) =>
                {
                    Some(&c.args[0])
                }
                e => Some(e),
            },
            syn::Stmt::Local(l) if matches!(l.pat, syn::Pat::Wild(_)) => l
                .init
                .as_ref()
                .filter(|i| i.diverge.is_none())
                .map(|i| &*i.expr),
            _ => None,
        };
        if let Some(m) = dropped.and_then(dropping_call) {
            self.visit_field_base(&m.receiver);
            m.args.iter().for_each(|a| self.visit_expr(a));
            return;
        }
        syn::visit::visit_stmt(self, s);
    }

    fn visit_block(&mut self, b: &'v syn::Block) {
        for stmt in &b.stmts {
            if let syn::Stmt::Local(local) = stmt {
                if let Some(start) = bound_timed_request_start(self.ctx, local, b) {
                    self.timed_starts.insert(std::ptr::from_ref(start));
                }
            }
        }
        syn::visit::visit_block(self, b);
    }

    fn visit_expr_method_call(&mut self, m: &'v syn::ExprMethodCall) {
        if let Some(start) = timed_request_start(m) {
            self.timed_starts.insert(std::ptr::from_ref(start));
        }
        if let Some((chain, field)) = asking_chain(m) {
            self.visit_field_base(field);
            chain
                .iter()
                .flat_map(|c| &c.args)
                .for_each(|a| self.visit_expr(a));
            return;
        }
        let method = m.method.to_string();
        // A map's keys are not its handles (`self.subs.keys().cloned()`,
        // also through its lock: `self.subs.read().unwrap().keys()`):
        // nothing after them can stop a task.
        if method == "keys"
            && m.args.is_empty()
            && matches!(through_guard(&m.receiver), syn::Expr::Field(_))
        {
            self.visit_field_base(&m.receiver);
            return;
        }
        if NOT_STOPPING.contains(&method.as_str())
            || (matches!(method.as_str(), "retain" | "retain_mut") && only_asks(&m.args))
        {
            self.visit_field_base(&m.receiver);
            m.args.iter().for_each(|a| self.visit_expr(a));
        } else {
            syn::visit::visit_expr_method_call(self, m);
        }
    }

    fn visit_local(&mut self, l: &'v syn::Local) {
        // `let mut tasks = self.tasks.lock().await;` whose every use only
        // stores or asks (`tasks.insert(k, h)`, `tasks.contains_key(k)`):
        // the guard reads no handle out.
        let lent = l.init.as_ref().filter(|i| i.diverge.is_none());
        if let (syn::Pat::Ident(ident), Some(field)) =
            (&l.pat, lent.and_then(|i| lent_field(&i.expr)))
        {
            let uses = self.ctx.references_of_pat(&ident.ident);
            let only_stores_or_asks = uses.iter().all(|r| {
                self.only_asked_about(r)
                    || r.kind == super::scopes::MentionKind::MethodReceiver
                        && r.method
                            .as_ref()
                            .is_some_and(|m| NOT_STOPPING.iter().any(|n| m == n))
            });
            if only_stores_or_asks {
                self.visit_field_base(field);
                return;
            }
        }
        syn::visit::visit_local(self, l);
    }

    fn visit_expr_match(&mut self, m: &'v syn::ExprMatch) {
        let pats: Vec<&syn::Pat> = m.arms.iter().map(|a| &a.pat).collect();
        if self.visit_scrutinee_of_no_stop(&m.expr, &pats) {
            for arm in &m.arms {
                if let Some((_, guard)) = &arm.guard {
                    self.visit_expr(guard);
                }
                self.visit_expr(&arm.body);
            }
            return;
        }
        syn::visit::visit_expr_match(self, m);
    }

    fn visit_expr_let(&mut self, l: &'v syn::ExprLet) {
        if self.visit_scrutinee_of_no_stop(&l.expr, &[&l.pat]) {
            return;
        }
        syn::visit::visit_expr_let(self, l);
    }

    fn visit_pat_struct(&mut self, p: &'v syn::PatStruct) {
        let on_self = p.path.is_ident("Self");
        let owner = match p.path.segments.last() {
            Some(s) if s.ident == "Self" => self.self_type.clone(),
            Some(s) => Some(super::imports::unraw(&s.ident)),
            None => None,
        };
        for field in &p.fields {
            if let syn::Member::Named(n) = &field.member {
                self.read(owner.clone(), super::imports::unraw(n), on_self);
            }
        }
        syn::visit::visit_pat_struct(self, p);
    }

    fn visit_macro(&mut self, mac: &'v syn::Macro) {
        match self.ctx.macro_body(mac) {
            // A macro leaklint cannot read reads every `.name` it spells.
            MacroBody::Tokens => {
                let mut tokens = Vec::new();
                macros::flat_tokens(&mac.tokens, &mut tokens);
                for pair in tokens.windows(2) {
                    if let (proc_macro2::TokenTree::Punct(p), proc_macro2::TokenTree::Ident(i)) =
                        (&pair[0], &pair[1])
                    {
                        if p.as_char() == '.' {
                            self.read(None, i.to_string(), false);
                        }
                    }
                }
            }
            _ => self.ctx.visit_macro_body(mac, self),
        }
    }
}

/// What [`FileContext::dropped_spawns`] finds.
#[derive(Debug, Default)]
pub struct DroppedSpawns {
    /// Spawn wrappers: the spawn, the index of the parameter it spawns,
    /// and the call that returns the runtime it spawns on when the crate
    /// must say whether that is a shared runtime (`rt::runtime().spawn(fut)`).
    pub wrappers: Vec<(Span, usize, Option<Span>)>,
    /// Detached tasks.
    pub detached: Vec<DetachedTask>,
    /// Calls that hand on a parameter of the fn around them: the call, the
    /// parameter's index, the argument's index.
    pub forwards: Vec<(Span, usize, usize)>,
}

/// A task spawned with its handle dropped, not for the life of the process.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DetachedTask {
    /// The spawn call (or the call of a spawn wrapper).
    pub spawn: Span,
    /// The calls its task body makes outside cancellation wrappers.
    pub calls: Vec<Span>,
    /// For the call of a fn that may be a spawn wrapper: that call and the
    /// index of the argument it is given the task in. The task is detached
    /// only if the fn is a spawn wrapper of that parameter.
    pub wrapper: Option<(Span, usize)>,
    /// How many more calls than `call_depth` to follow (see
    /// [`super::spawn::Task::follow_depth`]).
    pub depth_offset: usize,
    /// Whether it runs once per call of its fn (not in a loop): its task
    /// is for the life of the process when only `main` reaches that fn.
    pub once_per_call: bool,
    /// The field its handle is stored in: the task is detached only if
    /// nothing in the crate reads the field (to abort or await it).
    pub stored_in_field: Option<FieldOf>,
    /// Whether it is started for the life of the process (in `main`, a
    /// static's initializer): it counts only for findings whose
    /// configuration reports such tasks (`process_lifetime = "report"`).
    pub for_the_process: bool,
    /// The values its body's calls return that its first endless loop
    /// observing no cancellation polls (see [`FnFacts::polls_returned`]).
    #[serde(default)]
    pub polls_returned: Vec<PolledResult>,
    /// For `.spawn(…)` on what a fn of another file returns
    /// (`rt::runtime().spawn(…)`): that call. The task is detached only if
    /// the fn returns a runtime its caller does not own.
    #[serde(default)]
    pub runtime_of: Option<Span>,
}

/// The spawn whose detached task reaches a fn (see
/// [`CrateIndex::detached_reach`]).
#[derive(Debug, Clone, Copy)]
struct Reached {
    /// The file of the spawn, and the spawn call.
    file: usize,
    spawn: Span,
    /// How many calls below the task body the fn is.
    calls: usize,
    /// [`DetachedTask::once_per_call`] of the spawn.
    once_per_call: bool,
    /// Whether its handle is stored in a field (that nothing reads).
    stored: bool,
}

impl Reached {
    /// The hop at this spawn, whose task runs the fn `name`.
    fn hop(&self, name: &str) -> Hop {
        Hop {
            file: self.file,
            span: self.spawn,
            message: format!(
                "this task, whose JoinHandle {}, runs `{name}`",
                handle_fate(self.stored)
            ),
        }
    }
}

/// One step from a task body towards its endless loop: a note in `file`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    /// The file, as an index into the files given to [`CrateIndex::new`].
    pub file: usize,
    /// Where the note points.
    pub span: Span,
    /// What it says.
    pub message: String,
}

/// A finding's [`Follow`] that holds (see [`CrateIndex::decide`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The hops to add to its notes.
    pub hops: Vec<Hop>,
    /// It is a call of a sync helper that blocks only on file I/O (held
    /// because `helper_file_io = "report"`).
    pub helper_file_io: bool,
    /// The keys of the fns that spawn the detached tasks it depends on,
    /// when each spawns its task once per call: the tasks are for the life
    /// of the process when only `main` reaches every one of them. Empty
    /// when it depends on no task, when one is not spawned once per call,
    /// or when `process_lifetime = "report"`.
    pub spawners: Vec<String>,
    /// Per key of `spawners`, the hop that names the task that fn spawns
    /// (see [`crate::MainReach::task_notes`]).
    pub task_hops: Vec<(String, Hop)>,
}

/// What happens to the `JoinHandle` of a detached task, as a note says it.
fn handle_fate(stored: bool) -> &'static str {
    match stored {
        true => "is stored in a field nothing reads",
        false => "is dropped",
    }
}

/// How many spawn wrappers that hand their parameter on to another are
/// followed before the one that spawns it.
const MAX_WRAPPER_CHAIN: usize = 4;

/// A fn of the crate: its file and its index in that file's `fns`.
type FnId = (usize, usize);

/// The fns of a crate and the calls between them (see the module documentation).
pub struct CrateIndex<'s> {
    files: Vec<&'s CallSummary>,
    by_key: HashMap<&'s str, Vec<FnId>>,
    free_by_name: HashMap<&'s str, Vec<FnId>>,
    calls_at: Vec<HashMap<(usize, usize), &'s CallSite>>,
    /// Per file, the compilation units whose trees reach it (see
    /// [`CrateIndex::with_units`]); empty when not known.
    units: Vec<Option<BTreeSet<usize>>>,
    /// The unit of each library of the crate, by the library's name (see
    /// [`CrateIndex::with_libraries`]).
    library_units: HashMap<String, usize>,
    /// Per file, the units whose code may use its items: its own and those
    /// of the packages that depend on its library; empty when not known.
    user_units: Vec<Option<BTreeSet<usize>>>,
    /// Module → the names its files re-export (`pub use`), with the paths
    /// they name.
    reexports: HashMap<&'s str, Vec<(&'s str, &'s [String])>>,
    /// Name → the paths any module re-exports it from.
    reexported_anywhere: HashMap<&'s str, BTreeSet<&'s [String]>>,
    /// The fns that tasks spawned with their handle dropped run, with
    /// every spawn (file and span) that reaches each, the one with the
    /// fewest calls first; computed on demand, without the tasks started
    /// for the life of the process and with them.
    detached_reach: [std::sync::OnceLock<HashMap<FnId, Vec<Reached>>>; 2],
    /// Type → the traits some file implements for it (last segments).
    traits_of: HashMap<&'s str, BTreeSet<&'s str>>,
    /// Whether a file of the crate that cannot be read or parsed may spell
    /// a name (see [`CrateIndex::with_unparsed`]).
    unparsed_spells: Option<&'s UnparsedSpells<'s>>,
}

/// Whether a file of the crate that cannot be read or parsed (so that no
/// summary says what it holds) spells a name: it may then read a field of
/// that name, or define a fn of it.
pub type UnparsedSpells<'a> = dyn Fn(&str) -> bool + Sync + 'a;

impl<'s> CrateIndex<'s> {
    /// The facts of the fn `id`.
    fn facts(&self, id: FnId) -> &'s FnFacts {
        &self.files[id.0].fns[id.1]
    }

    /// The index of a crate made of these files' summaries.
    pub fn new(files: Vec<&'s CallSummary>) -> CrateIndex<'s> {
        let mut by_key: HashMap<&str, Vec<FnId>> = HashMap::new();
        let mut free_by_name: HashMap<&str, Vec<FnId>> = HashMap::new();
        let mut calls_at = Vec::with_capacity(files.len());
        let mut reexports: HashMap<&str, Vec<(&str, &[String])>> = HashMap::new();
        let mut traits_of: HashMap<&str, BTreeSet<&str>> = HashMap::new();
        for (f, summary) in files.iter().enumerate() {
            for (ty, tr) in &summary.trait_impls {
                traits_of
                    .entry(ty.as_str())
                    .or_default()
                    .insert(tr.as_str());
            }
            reexports
                .entry(summary.module.as_str())
                .or_default()
                .extend(
                    summary
                        .reexports
                        .iter()
                        .map(|(name, path)| (name.as_str(), path.as_slice())),
                );
            for (i, facts) in summary.fns.iter().enumerate() {
                by_key.entry(facts.key.as_str()).or_default().push((f, i));
                if !facts.is_method {
                    let name = facts.short_name();
                    free_by_name.entry(name).or_default().push((f, i));
                }
            }
            calls_at.push(
                summary
                    .calls
                    .iter()
                    .map(|c| ((c.span.start.byte, c.span.end.byte), c))
                    .collect(),
            );
        }
        let mut reexported_anywhere: HashMap<&str, BTreeSet<&[String]>> = HashMap::new();
        for &(name, path) in reexports.values().flatten() {
            reexported_anywhere.entry(name).or_default().insert(path);
        }
        CrateIndex {
            files,
            by_key,
            free_by_name,
            calls_at,
            units: Vec::new(),
            library_units: HashMap::new(),
            user_units: Vec::new(),
            unparsed_spells: None,
            reexports,
            reexported_anywhere,
            detached_reach: Default::default(),
            traits_of,
        }
    }

    /// The methods `ty::method` (`Compactor::run_forever`) may be: those of
    /// its `impl`s, else the one provided method of that name among the
    /// traits the crate implements for `ty` (`Worker::run_forever`, when
    /// `impl Worker for Compactor` does not define it). Two traits that
    /// both provide it: none.
    fn methods_of(&self, ty: &str, method: &str) -> Option<&[FnId]> {
        if let Some(own) = self.by_key.get(format!("{ty}::{method}").as_str()) {
            return Some(own);
        }
        let mut provided = (self.traits_of.get(ty)?.iter())
            .filter_map(|tr| self.by_key.get(format!("{tr}::{method}").as_str()));
        match (provided.next(), provided.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }

    /// The fn a free fn's path (`module::name`, or `name` alone with
    /// `module` `None`) names through a re-export, when the crate defines
    /// none of that key: the module's files re-export the name (`pub use
    /// worker::run;` in `lib.rs` for `crate::run`) from one path, which is
    /// resolved in turn, at most [`super::entry::MAX_REEXPORTS`] re-exports deep. A name
    /// alone may be re-exported by any module, but by one path only. Of
    /// the fns of the path's key in several packages of the workspace, the
    /// one `file` (which calls it) can see is meant.
    fn through_reexport(
        &self,
        file: usize,
        module: Option<&str>,
        name: &str,
        depth: usize,
    ) -> Option<FnId> {
        if depth >= super::entry::MAX_REEXPORTS {
            return None;
        }
        let targets: BTreeSet<&[String]> = match module {
            Some(module) => (self.reexports.get(module)?.iter())
                .filter(|(n, _)| *n == name)
                .map(|(_, path)| *path)
                .collect(),
            None => self.reexported_anywhere.get(name)?.clone(),
        };
        let [path] = targets.into_iter().collect::<Vec<_>>()[..] else {
            return None;
        };
        let (target_module, last) = super::entry::reexported_fn(path, module)?;
        let candidates = match target_module {
            Some(m) => self.by_key.get(format!("{m}::{last}").as_str()),
            None => self.free_by_name.get(last),
        };
        match candidates.map(Vec::as_slice) {
            Some(candidates) => self.the_one_visible(candidates, file),
            None => self.through_reexport(file, target_module, last, depth + 1),
        }
    }

    /// The fn the call at `call` in `file` calls, when exactly one fn of the
    /// crate can be it.
    fn callee(&self, file: usize, call: Span) -> Option<FnId> {
        let site = self.calls_at[file].get(&(call.start.byte, call.end.byte))?;
        if let (Some(library), Callee::Assoc(key)) = (&site.type_library, &site.callee) {
            let module = site.type_module.as_deref();
            return self.method_in_library(key, module, library);
        }
        if let (Some(module), Callee::Assoc(key)) = (&site.type_module, &site.callee) {
            if let Some(found) = self.method_of_module_type(key, module, file) {
                return Some(found);
            }
        }
        if let Some(library) = &site.library {
            return self.resolve_in_library(file, &site.callee, library);
        }
        self.resolve(file, &site.callee)
    }

    /// The method `key` (`Client::keep_warm`) of the type of its name that
    /// module `module` defines, for a call in `file`, when the crate has
    /// methods of that key in several modules' files: the one of that
    /// module's file (as [`Self::the_one_visible`] picks among packages).
    fn method_of_module_type(&self, key: &str, module: &str, file: usize) -> Option<FnId> {
        let candidates = self.by_key.get(key)?;
        if candidates.len() < 2 {
            return None;
        }
        let of_module: Vec<FnId> = (candidates.iter().copied())
            .filter(|c| self.files[c.0].module == module)
            .collect();
        match of_module.is_empty() {
            true => None,
            false => self.the_one_visible(&of_module, file),
        }
    }

    /// The method `key` (`Poller::run`) of the type of its name that library
    /// `library` of the workspace defines (in its module `module`, when
    /// known), for a call on a type named through that library (`use
    /// base::poll::Poller;`): never the method of a type of the same name
    /// in the caller's own package. `None` when the library defines none
    /// (a trait's method, one reached through `Deref`).
    fn method_in_library(&self, key: &str, module: Option<&str>, library: &str) -> Option<FnId> {
        let unit = self.library_units.get(library)?;
        let (ty, method) = key.rsplit_once("::")?;
        let in_library: Vec<FnId> = (self.methods_of(ty, method)?.iter().copied())
            .filter(|c| matches!(self.units.get(c.0), Some(Some(units)) if units.contains(unit)))
            .collect();
        // The path may name the module through a re-export (`cmd::Opts`
        // for the type of `cmd/download.rs`): the module picks among the
        // library's types only when one of them is its.
        let of_module: Vec<FnId> = (in_library.iter().copied())
            .filter(|c| module.is_some_and(|m| self.files[c.0].module == m))
            .collect();
        match (&of_module[..], &in_library[..]) {
            ([only], _) | ([], [only]) => Some(*only),
            _ => None,
        }
    }

    /// [`Self::resolve`] for a call whose path names a module of the
    /// crate's library `library` (`store_core::util::pause()`): of the fns
    /// its module defines by the name, the one in that library's tree (not
    /// the caller's own `util::pause`). When the module defines none, the
    /// path may go through a re-export, resolved as other paths are.
    fn resolve_in_library(&self, file: usize, callee: &Callee, library: &str) -> Option<FnId> {
        let (Callee::Free(Some(module), name), Some(unit)) =
            (callee, self.library_units.get(library))
        else {
            return self.resolve(file, callee);
        };
        let Some(candidates) = self.by_key.get(format!("{module}::{name}").as_str()) else {
            return self.resolve(file, callee);
        };
        let in_library: Vec<FnId> = (candidates.iter().copied())
            .filter(|c| matches!(self.units.get(c.0), Some(Some(units)) if units.contains(unit)))
            .collect();
        match in_library[..] {
            [only] => Some(only),
            _ => None,
        }
    }

    /// The fn `callee`, called in `file`, calls, when exactly one fn of the
    /// crate can be it.
    fn resolve(&self, file: usize, callee: &Callee) -> Option<FnId> {
        let candidates = match callee {
            // `super::backoff()` at a file's top: a free fn of the file that
            // declares this file's module (`mod net;`), else of any file.
            Callee::Free(Some(module), name) if module == "super" => {
                let all = self.free_by_name.get(name.as_str())?;
                let me = self.files[file].module.as_str();
                let declares_me = |f: usize| {
                    self.files[f]
                        .modules
                        .iter()
                        .any(|m| m.name == me && m.inline_parents.is_empty())
                };
                let at_top = |c: &FnId| {
                    let summary = self.files[c.0];
                    summary.fns[c.1].key == format!("{}::{name}", summary.module)
                };
                let parents: Vec<FnId> = (all.iter().copied())
                    .filter(|c| declares_me(c.0) && at_top(c))
                    .collect();
                return match parents.as_slice() {
                    [only] => Some(*only),
                    [] => match all.as_slice() {
                        [only] => Some(*only),
                        _ => None,
                    },
                    _ => None,
                };
            }
            Callee::Free(Some(module), name) if module == "self" => {
                let key = format!("{}::{name}", self.files[file].module);
                self.by_key.get(key.as_str())
            }
            // A file alone is its own crate: `crate::` is that file.
            Callee::Free(Some(module), name) if module == "crate" && self.files.len() == 1 => {
                let key = format!("{}::{name}", self.files[file].module);
                self.by_key.get(key.as_str())
            }
            Callee::Free(Some(module), name) => {
                match self.by_key.get(format!("{module}::{name}").as_str()) {
                    Some(candidates) => Some(candidates),
                    // In a file of two targets' trees, `crate::` is either
                    // root, a library's named by the library.
                    None if module == "crate" => match self.root_fns(name).as_slice() {
                        [] => return self.through_reexport(file, Some(module), name, 0),
                        roots => return self.the_one_visible(roots, file),
                    },
                    None => return self.through_reexport(file, Some(module), name, 0),
                }
            }
            Callee::Free(None, name) => match self.free_by_name.get(name.as_str()) {
                Some(candidates) => Some(candidates),
                None => return self.through_reexport(file, None, name, 0),
            },
            // Two types of one name in two modules (`grpc::Client`,
            // `http::Client`): a file that defines the method in its own
            // `impl` names its own type (the name is that type wherever the
            // file writes it).
            Callee::Assoc(key) => {
                let candidates = match key.rsplit_once("::") {
                    Some((ty, method)) => self.methods_of(ty, method)?,
                    None => self.by_key.get(key.as_str())?,
                };
                return self.one_of(candidates, file);
            }
            Callee::Method(_) => None,
            Callee::Field {
                owner,
                fields,
                method,
            } => {
                let structs = || self.files.iter().flat_map(|s| &s.struct_fields);
                let (ty, home) = super::entry::field_path_type(structs, owner, fields, |_| true)?;
                let key = format!("{ty}::{method}");
                if let Some(library) = home.library {
                    return self.method_in_library(&key, home.module, library);
                }
                if let Some(found) =
                    (home.module).and_then(|module| self.method_of_module_type(&key, module, file))
                {
                    return Some(found);
                }
                return self.the_one_visible(self.methods_of(ty, method)?, file);
            }
            // The type is named where the fn that returns it is.
            Callee::Returned { call, method } => {
                let made_by = self.resolve(file, call)?;
                let facts = &self.files[made_by.0].fns[made_by.1];
                let ty = facts.returns.as_ref()?;
                if let Some(library) = &facts.returns_library {
                    return self.method_in_library(&format!("{ty}::{method}"), None, library);
                }
                let candidates = self.methods_of(ty, method)?;
                return self.one_of(candidates, made_by.0);
            }
        }?;
        self.the_one_visible(candidates, file)
    }

    /// The one fn of `candidates` that a call in `file` can mean: the only
    /// candidate; else the only one whose file `file` may use the items of
    /// (two packages of a workspace that each have `util::refresh`, neither
    /// depending on the other); else the only one of those in `file`'s own
    /// compilation unit (its own `util::refresh`, not a dependency's).
    fn the_one_visible(&self, candidates: &[FnId], file: usize) -> Option<FnId> {
        if let [only] = candidates {
            return Some(*only);
        }
        let visible: Vec<FnId> = (candidates.iter().copied())
            .filter(|c| self.may_use_items_of(file, c.0))
            .collect();
        if let [only] = visible[..] {
            return Some(only);
        }
        let own_unit = |c: &&FnId| match (self.units.get(file), self.units.get(c.0)) {
            (Some(Some(mine)), Some(Some(its))) => !mine.is_disjoint(its),
            _ => false,
        };
        match visible.iter().filter(own_unit).collect::<Vec<_>>()[..] {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// The one fn of `candidates` (methods of a type by its name), or the
    /// one of them defined in `file`, whose `impl` names that type where
    /// `file` names it.
    fn one_of(&self, candidates: &[FnId], file: usize) -> Option<FnId> {
        let mut own = candidates.iter().filter(|c| c.0 == file);
        match (candidates, own.next(), own.next()) {
            ([only], _, _) | (_, Some(only), None) => Some(*only),
            (_, None, _) => self.the_one_visible(candidates, file),
            _ => None,
        }
    }

    /// The free fns named `name` at the top of a crate root.
    fn root_fns(&self, name: &str) -> Vec<FnId> {
        (self.free_by_name.get(name).into_iter().flatten().copied())
            .filter(|&(f, i)| {
                let summary = self.files[f];
                summary.crate_root && summary.fns[i].key == format!("{}::{name}", summary.module)
            })
            .collect()
    }

    /// The fn the call at `call` in `file` calls, unless a search has been
    /// there with as many levels left (`depth`): nothing new is below it.
    /// The searches through calls explore each fn so, once per depth.
    fn unexplored_callee(
        &self,
        file: usize,
        call: Span,
        depth: usize,
        explored: &mut HashMap<FnId, usize>,
    ) -> Option<FnId> {
        let target = self.callee(file, call)?;
        if explored.get(&target).is_some_and(|&d| d >= depth) {
            return None;
        }
        explored.insert(target, depth);
        Some(target)
    }

    /// The chain from one of `calls` (made by a task body in `file`) to an
    /// endless loop that observes no cancellation, at most `depth` calls
    /// deep, each fn at most once: one hop per call, then the loop.
    pub fn endless_loop_via(&self, file: usize, calls: &[Span], depth: usize) -> Option<Vec<Hop>> {
        let mut explored: HashMap<FnId, usize> = HashMap::new();
        self.search(file, calls, depth, &mut explored)
    }

    fn search(
        &self,
        file: usize,
        calls: &[Span],
        depth: usize,
        explored: &mut HashMap<FnId, usize>,
    ) -> Option<Vec<Hop>> {
        if depth == 0 {
            return None;
        }
        for &call in calls {
            let Some(target) = self.unexplored_callee(file, call, depth, explored) else {
                continue;
            };
            let facts = self.facts(target);
            let name = facts.short_name();
            let hop = Hop {
                file,
                span: call,
                message: format!("`{name}` is called here"),
            };
            if let Some(at) = facts.endless_loop {
                return Some(vec![
                    hop,
                    Hop {
                        file: target.0,
                        span: at,
                        message: format!(
                            "this loop in `{name}` never ends and observes no cancellation"
                        ),
                    },
                ]);
            }
            if let Some(mut rest) = self.search(target.0, &facts.calls, depth - 1, explored) {
                rest.insert(0, hop);
                return Some(rest);
            }
        }
        None
    }

    /// Whether the call at `call` in `file` spawns a task
    /// ([`FnFacts::spawns_task`]): the fn it calls does, or one that fn
    /// calls, at most `depth` calls deep, each hop resolved to one fn of
    /// the crate as in the other searches (a call leaklint cannot resolve
    /// spawns nothing it knows of).
    pub fn spawns_via(&self, file: usize, call: Span, depth: usize) -> bool {
        self.spawn_search(file, &[call], depth, &mut HashMap::new())
    }

    fn spawn_search(
        &self,
        file: usize,
        calls: &[Span],
        depth: usize,
        explored: &mut HashMap<FnId, usize>,
    ) -> bool {
        if depth == 0 {
            return false;
        }
        calls.iter().any(|&call| {
            let Some(target) = self.unexplored_callee(file, call, depth, explored) else {
                return false;
            };
            let facts = self.facts(target);
            facts.spawns_task || self.spawn_search(target.0, &facts.calls, depth - 1, explored)
        })
    }

    /// Whether the call at `call` in `file` is of a sync fn of the crate
    /// that waits ([`FnFacts::waits`]) or blocks, or that calls (at most
    /// `depth` calls deep, not in its closures) one that does.
    fn waits_via(
        &self,
        file: usize,
        call: Span,
        depth: usize,
        explored: &mut HashMap<FnId, usize>,
    ) -> bool {
        if depth == 0 {
            return false;
        }
        let Some(target) = self.unexplored_callee(file, call, depth, explored) else {
            return false;
        };
        let facts = self.facts(target);
        if facts.is_async {
            return false;
        }
        facts.waits
            || facts.blocking.is_some()
            || (facts.calls.iter())
                .filter(|c| !facts.deferred_calls.contains(c))
                .any(|&inner| self.waits_via(target.0, inner, depth - 1, explored))
    }

    /// Tells the index which compilation units each file belongs to
    /// (`units`) and which units may use its items (`user_units`), in the
    /// order of the files given to [`CrateIndex::new`]: a field is then read
    /// only by files that can see it. Without this every file may read
    /// every field.
    pub fn with_units(
        mut self,
        units: Vec<Option<BTreeSet<usize>>>,
        user_units: Vec<Option<BTreeSet<usize>>>,
    ) -> Self {
        self.units = units;
        self.user_units = user_units;
        self
    }

    /// Tells the index the unit of each library of the crate, by the
    /// library's name: a call whose path names a library's module
    /// (`store_core::util::pause()`) is then of a fn of that library only.
    pub fn with_libraries(mut self, library_units: HashMap<String, usize>) -> Self {
        self.library_units = library_units;
        self
    }

    /// Tells the index which names the crate's files that cannot be read
    /// or parsed may spell: a decision that holds because nothing reads a
    /// field, or no fn found fires a token or waits, does not hold when
    /// such a file spells that field's or fn's name.
    pub fn with_unparsed(mut self, spells: &'s UnparsedSpells<'s>) -> Self {
        self.unparsed_spells = Some(spells);
        self
    }

    /// Whether a file that cannot be read or parsed may spell `name`.
    fn unparsed_may_spell(&self, name: &str) -> bool {
        self.unparsed_spells.is_some_and(|spells| spells(name))
    }

    /// Whether the call at `call` in `file` may call a fn that no summary
    /// holds: none is found, and a file that cannot be parsed spells its
    /// name.
    fn may_call_unparsed(&self, file: usize, call: Span) -> bool {
        self.unparsed_spells.is_some()
            && self.callee(file, call).is_none()
            && (self.calls_at[file].get(&(call.start.byte, call.end.byte)))
                .is_some_and(|site| self.unparsed_may_spell(site.callee.name()))
    }

    /// Whether code of the file `reader` may use the items of `file`: it
    /// is in one of the units that may (`watch`'s struct is read by `watch`
    /// and the packages that depend on it, not by the rest of the
    /// workspace). Unknown units: it may.
    fn may_use_items_of(&self, reader: usize, file: usize) -> bool {
        match (self.units.get(reader), self.user_units.get(file)) {
            (Some(Some(units)), Some(Some(users))) => !units.is_disjoint(users),
            _ => true,
        }
    }

    /// The reads in the file `reader` that may be of `field`, stored in
    /// `file`. Two structs of one name in two files (`grpc::Client`,
    /// `http::Client`): a read in a file that defines one of them is of
    /// its own, not of the one `file` defines. A file that cannot use
    /// `file`'s items reads none of its fields.
    fn reads_of<'f>(
        &'f self,
        field: &'f FieldOf,
        file: usize,
        reader: usize,
    ) -> impl Iterator<Item = &'s FieldOf> + 'f {
        let visible = self.may_use_items_of(reader, file);
        (self.files[reader].field_reads.iter()).filter(move |read| {
            visible
                && field.may_be_read_by(read)
                && (read.owner_module.as_ref()).is_none_or(|m| *m == self.files[file].module)
                && !self.reads_its_own_struct(field, read, reader, file)
        })
    }

    /// Whether some file of the crate may read `field`, stored in `file`
    /// (see [`FieldReads`] and [`CrateIndex::reads_of`]).
    pub fn field_is_read(&self, field: &FieldOf, file: usize) -> bool {
        (0..self.files.len()).any(|reader| self.reads_of(field, file, reader).next().is_some())
    }

    /// Whether `read`, in the file `reader`, is of a struct of the same
    /// name as `field`'s but another one: both files define a struct of
    /// that name, and they are two files.
    fn reads_its_own_struct(
        &self,
        field: &FieldOf,
        read: &FieldOf,
        reader: usize,
        file: usize,
    ) -> bool {
        let (Some(owner), Some(_)) = (&field.owner, &read.owner) else {
            return false;
        };
        reader != file
            && self.files[reader].structs.contains(owner)
            && self.files[file].structs.contains(owner)
    }

    /// Whether the crate reads `field`, and every read that may be of it
    /// starts a request with its own timeout: an HTTP client kept there
    /// sends no request without one.
    pub fn field_only_starts_timed_requests(&self, field: &FieldOf, file: usize) -> bool {
        self.field_is_read(field, file) && self.reads_start_timed_requests(field, file, |_| true)
    }

    /// Whether every read of `field` (stored in `file`) whose struct is
    /// known by its type (`self.inner` in its `impl`, `gh.inner` on a
    /// parameter `gh: &GitHub`) starts a request with its own timeout.
    /// Reads on values of unknown type (`x.client`) are not counted: the
    /// field's own file shows the wrapper times every request it makes,
    /// and a field named `client` is read on many other structs.
    pub fn typed_reads_start_timed_requests(&self, field: &FieldOf, file: usize) -> bool {
        self.reads_start_timed_requests(field, file, |read| read.owner.is_some())
    }

    /// Whether every read of `field` (stored in `file`) that `counts`
    /// starts a request with its own timeout.
    fn reads_start_timed_requests(
        &self,
        field: &FieldOf,
        file: usize,
        counts: impl Fn(&FieldOf) -> bool,
    ) -> bool {
        (0..self.files.len()).all(|reader| {
            let timed = &self.files[reader].timed_request_reads;
            self.reads_of(field, file, reader)
                .filter(|read| counts(read))
                .all(|read| timed.contains(read))
        })
    }

    /// The chain from the call at `call` in `file` (in async code) to a
    /// blocking call: the callee is a sync fn of the crate that blocks, or
    /// calls (at most `depth` calls deep) a sync fn that does. The call
    /// itself is the finding's: the hops start inside the callee.
    /// A chain to a call that can wait long whatever the data is preferred;
    /// the `bool` says the chain ends at file I/O, found only when there
    /// is none.
    pub fn blocking_via(&self, file: usize, call: Span, depth: usize) -> Option<(Vec<Hop>, bool)> {
        if let Some(hops) = self.blocking_search(file, call, depth, false, &mut HashMap::new()) {
            return Some((hops, false));
        }
        let hops = self.blocking_search(file, call, depth, true, &mut HashMap::new())?;
        Some((hops, true))
    }

    /// Whether the call at `call` in `file` may run more than once per run
    /// of its fn: it is in a loop or a closure.
    pub fn call_repeats(&self, file: usize, call: Span) -> bool {
        (self.calls_at[file].get(&(call.start.byte, call.end.byte))).is_some_and(|site| !site.once)
    }

    fn blocking_search(
        &self,
        file: usize,
        call: Span,
        depth: usize,
        file_io: bool,
        explored: &mut HashMap<FnId, usize>,
    ) -> Option<Vec<Hop>> {
        if depth == 0 {
            return None;
        }
        let target = self.unexplored_callee(file, call, depth, explored)?;
        let facts = self.facts(target);
        if facts.is_async {
            return None;
        }
        let name = facts.short_name();
        let blocking = match file_io {
            false => &facts.blocking,
            true => &facts.blocking_file_io,
        };
        if let Some((at, what)) = blocking {
            return Some(vec![Hop {
                file: target.0,
                span: *at,
                message: format!("`{name}` blocks here: `{what}`"),
            }]);
        }
        let runs_now = |call: &&Span| !facts.deferred_calls.contains(call);
        for &inner in facts.calls.iter().filter(runs_now) {
            if let Some(mut rest) =
                self.blocking_search(target.0, inner, depth - 1, file_io, explored)
            {
                let callee =
                    (self.callee(target.0, inner)).map_or("", |t| self.facts(t).short_name());
                rest.insert(
                    0,
                    Hop {
                        file: target.0,
                        span: inner,
                        message: format!("`{name}` calls `{callee}` here"),
                    },
                );
                return Some(rest);
            }
        }
        None
    }

    /// The spawn inside the wrapper that the call at `call` in `file` calls,
    /// when that fn spawns its parameter `arg` and drops the handle: a hop
    /// in the wrapper's file.
    pub fn wrapper_spawn(&self, file: usize, call: Span, arg: usize) -> Option<Hop> {
        self.wrapper_spawn_within(file, call, arg, MAX_WRAPPER_CHAIN)
    }

    /// [`CrateIndex::wrapper_spawn`], through at most `hops` wrappers that
    /// hand their parameter to another (`spawn_outer` → `spawn_inner`).
    fn wrapper_spawn_within(
        &self,
        file: usize,
        call: Span,
        arg: usize,
        hops: usize,
    ) -> Option<Hop> {
        let target = self.callee(file, call)?;
        let facts = self.facts(target);
        let on_shared_runtime = || {
            (facts.spawns_param_on).is_none_or(|call| self.shared_runtime(target.0, call).is_some())
        };
        if let Some((_, at)) = (facts.spawns_param)
            .filter(|(index, _)| *index == arg)
            .filter(|_| on_shared_runtime())
        {
            let name = facts.short_name();
            return Some(Hop {
                file: target.0,
                span: at,
                message: format!("`{name}` spawns its argument here and drops the JoinHandle"),
            });
        }
        if hops == 0 {
            return None;
        }
        facts
            .forwards_param
            .iter()
            .filter(|(param, _, _)| *param == arg)
            .find_map(|&(_, inner, inner_arg)| {
                self.wrapper_spawn_within(target.0, inner, inner_arg, hops - 1)
            })
    }

    /// The hop to the fn the call at `call` (in `file`) calls, when it
    /// returns a runtime its caller does not own (see
    /// [`FnFacts::shares_runtime`]).
    pub fn shared_runtime(&self, file: usize, call: Span) -> Option<Hop> {
        let target = self.callee(file, call)?;
        let facts = self.facts(target);
        let name = facts.short_name();
        facts.shares_runtime.then(|| Hop {
            file: target.0,
            span: facts.name,
            message: format!(
                "`{name}` returns a runtime that outlives its caller: the task runs on it"
            ),
        })
    }

    /// The hop to the fn the call at `call` (in `file`) calls, when it is
    /// declared to return a socket listener ([`FnFacts::returns_listener`]).
    pub fn returned_listener(&self, file: usize, call: Span) -> Option<Hop> {
        let target = self.callee(file, call)?;
        let facts = self.facts(target);
        facts.returns_listener.then(|| Hop {
            file: target.0,
            span: facts.name,
            message: format!(
                "`{}` returns the listener the loop accepts from",
                facts.short_name()
            ),
        })
    }

    /// The fns run by tasks spawned with their handle dropped, at most
    /// `depth` calls below the task body: for each, the spawn that reaches
    /// it with the fewest calls.
    fn detached_reach(&self, depth: usize, for_the_process: bool) -> &HashMap<FnId, Vec<Reached>> {
        self.detached_reach[usize::from(for_the_process)].get_or_init(|| {
            let mut reached: HashMap<FnId, Vec<Reached>> = HashMap::new();
            for (file, summary) in self.files.iter().enumerate() {
                let tasks = summary.detached_tasks.iter();
                for task in tasks.filter(|t| self.detaches(file, t, for_the_process)) {
                    let spawn = &task.spawn;
                    // Breadth first, so each fn keeps this task's shortest chain.
                    let mut seen: HashSet<FnId> = HashSet::new();
                    let mut frontier: Vec<(usize, Span)> =
                        task.calls.iter().map(|c| (file, *c)).collect();
                    for level in 1..=depth.saturating_add(task.depth_offset) {
                        let mut next = Vec::new();
                        for (f, call) in frontier {
                            let Some(target) = self.callee(f, call) else {
                                continue;
                            };
                            if !seen.insert(target) {
                                continue;
                            }
                            let by = Reached {
                                file,
                                spawn: *spawn,
                                calls: level,
                                once_per_call: task.once_per_call,
                                stored: task.stored_in_field.is_some(),
                            };
                            reached.entry(target).or_default().push(by);
                            let facts = self.facts(target);
                            next.extend(facts.calls.iter().map(|c| (target.0, *c)));
                        }
                        frontier = next;
                    }
                }
            }
            // Stable: of two spawns as near, the first in the crate's order.
            for spawns in reached.values_mut() {
                spawns.sort_by_key(|r| r.calls);
            }
            reached
        })
    }

    /// Whether `task`, spawned in `file`, runs detached: a spawn wrapper's
    /// call only if the fn is one, a handle stored in a field only if
    /// nothing reads the field, a task for the life of the process only
    /// when `for_the_process`.
    fn detaches(&self, file: usize, task: &DetachedTask, for_the_process: bool) -> bool {
        (for_the_process || !task.for_the_process)
            && task
                .wrapper
                .is_none_or(|(call, arg)| self.wrapper_spawn(file, call, arg).is_some())
            && (task.runtime_of).is_none_or(|call| self.shared_runtime(file, call).is_some())
            && !(task.stored_in_field.as_ref()).is_some_and(|f| self.field_is_read(f, file))
    }

    /// For a timer that the fn of `file` whose body holds byte `at` makes
    /// and returns ([`Follow::timer_returned`]): the first caller in the
    /// crate that binds it and polls it in an endless loop observing no
    /// cancellation, in the body of a detached task or in a fn such a task
    /// runs, as hops (the call, the loop, the poll, the spawn); with the
    /// keys of the fns that spawn every such task once per call (empty
    /// when one does not: see [`CrateIndex::detached_task_spawners`]).
    fn returned_timer_pinned(
        &self,
        file: usize,
        at: usize,
        depth: usize,
        for_the_process: bool,
    ) -> Option<(Vec<Hop>, Vec<&str>)> {
        let helper = (file, super::entry::def_at(self.files[file], at)?);
        let name = self.facts(helper).short_name();
        let mut hops: Option<Vec<Hop>> = None;
        // The fn spawning each task once per call (`None`: one is not).
        let mut spawners: Vec<Option<&str>> = Vec::new();
        let pinned_at = |f: usize, polled: &PolledResult, in_fn: Option<&str>| {
            let in_loop = match in_fn {
                Some(name) => {
                    format!("this loop in `{name}` never ends and observes no cancellation")
                }
                None => "this loop never ends and observes no cancellation".to_string(),
            };
            vec![
                Hop {
                    file: f,
                    span: polled.call,
                    message: format!("`{name}` returns the timer here"),
                },
                Hop {
                    file: f,
                    span: polled.in_loop,
                    message: in_loop,
                },
                Hop {
                    file: f,
                    span: polled.poll,
                    message: "the timer is polled here, on every turn of the loop".to_string(),
                },
            ]
        };
        let reach = self.detached_reach(depth, for_the_process);
        for (f, summary) in self.files.iter().enumerate() {
            for task in &summary.detached_tasks {
                let polls =
                    (task.polls_returned.iter()).find(|p| self.callee(f, p.call) == Some(helper));
                let Some(polled) = polls else { continue };
                if !self.detaches(f, task, for_the_process) {
                    continue;
                }
                let spawner = task.once_per_call.then(|| self.spawning_fn(f, task.spawn));
                spawners.push(spawner.flatten());
                hops.get_or_insert_with(|| {
                    let mut hops = pinned_at(f, polled, None);
                    hops.push(Hop {
                        file: f,
                        span: task.spawn,
                        message: format!(
                            "this task, whose JoinHandle {}, runs the loop",
                            handle_fate(task.stored_in_field.is_some())
                        ),
                    });
                    hops
                });
            }
            for (index, facts) in summary.fns.iter().enumerate() {
                let polls =
                    (facts.polls_returned.iter()).find(|p| self.callee(f, p.call) == Some(helper));
                let Some(polled) = polls else { continue };
                let Some(by) = reach.get(&(f, index)).and_then(|r| r.first()) else {
                    continue;
                };
                let keys = self.detached_task_spawners(f, facts.name.start.byte, depth);
                match keys.is_empty() {
                    true => spawners.push(None),
                    false => spawners.extend(keys.into_iter().map(Some)),
                }
                hops.get_or_insert_with(|| {
                    let caller = facts.short_name();
                    let mut hops = pinned_at(f, polled, Some(caller));
                    hops.push(by.hop(caller));
                    hops
                });
            }
        }
        let mut keys: Vec<&str> = Vec::new();
        for spawner in spawners {
            match spawner {
                Some(key) if !keys.contains(&key) => keys.push(key),
                Some(_) => {}
                None => return Some((hops?, Vec::new())),
            }
        }
        Some((hops?, keys))
    }

    /// The key of the fn of `file` whose body holds the spawn call `spawn`.
    fn spawning_fn(&self, file: usize, spawn: Span) -> Option<&str> {
        let summary = self.files[file];
        let index = super::entry::def_at(summary, spawn.start.byte)?;
        Some(summary.fns.get(index)?.key.as_str())
    }

    /// The spawn whose detached task runs the fn of `file` whose body holds
    /// byte `at`: a hop at that spawn. Tasks started for the life of the
    /// process count when `for_the_process` says so.
    fn detached_task_running(
        &self,
        file: usize,
        at: usize,
        depth: usize,
        for_the_process: bool,
    ) -> Option<Hop> {
        let index = super::entry::def_at(self.files[file], at)?;
        let name = self.files[file].fns.get(index)?.short_name();
        let reach = self.detached_reach(depth, for_the_process);
        Some(reach.get(&(file, index))?.first()?.hop(name))
    }

    /// For a finding that [`Follow::reached_by_detached_task`] keeps, in
    /// the fn of `file` whose body holds byte `at`: the keys of the fns
    /// that spawn the tasks running it, when each spawns its task once per
    /// call (empty when one does not, or is not known). Only `main` reaching
    /// every one of them makes the tasks ones for the life of the process.
    ///
    /// [`Follow::reached_by_detached_task`]: crate::Follow::reached_by_detached_task
    fn detached_task_spawners(&self, file: usize, at: usize, depth: usize) -> Vec<&str> {
        (self.detached_task_spawns(file, at, depth).into_iter())
            .map(|(key, _)| key)
            .collect()
    }

    /// [`Self::detached_task_spawners`], each with the hop at its nearest
    /// spawn of such a task (as [`Self::detached_task_running`] names the
    /// nearest of all), which says the task runs that fn.
    fn detached_task_spawns(&self, file: usize, at: usize, depth: usize) -> Vec<(&str, Hop)> {
        let spawns = || -> Option<Vec<(&str, Hop)>> {
            let index = super::entry::def_at(self.files[file], at)?;
            let name = self.files[file].fns.get(index)?.short_name();
            let mut spawns: Vec<(&str, Hop)> = Vec::new();
            for by in self.detached_reach(depth, false).get(&(file, index))? {
                if !by.once_per_call {
                    return None;
                }
                let key = self.spawning_fn(by.file, by.spawn)?;
                if !spawns.iter().any(|(k, _)| *k == key) {
                    spawns.push((key, by.hop(name)));
                }
            }
            Some(spawns)
        };
        spawns().unwrap_or_default()
    }

    /// The hop to the const a length names, when the crate has exactly one
    /// such const in that module and it makes the binding large.
    fn large_const(&self, large: &crate::LargeConst) -> Option<Hop> {
        let mut found = self.files.iter().enumerate().flat_map(|(file, summary)| {
            let module = match large.module.as_str() {
                // The root of the finding's crate may be named by its library.
                "crate" => summary.crate_root,
                m => summary.module == m,
            };
            module
                .then_some(summary.consts.iter().filter(|c| c.name == large.name))
                .into_iter()
                .flatten()
                .map(move |c| (file, c))
        });
        let (file, konst) = found.next()?;
        if found.next().is_some() {
            return None;
        }
        let bytes = konst.value.checked_mul(large.per_unit)?;
        (bytes >= large.at_least).then(|| Hop {
            file,
            span: konst.at,
            message: format!(
                "`{}` is {}: `{}` holds {bytes} bytes",
                large.name, konst.value, large.binding
            ),
        })
    }

    /// Decides a finding's [`Follow`] for a finding in `file`: `None` when it
    /// does not hold, else what holds it.
    pub fn decide(&self, file: usize, follow: &Follow, at: usize) -> Option<Decision> {
        if let Some(call) = follow.blocking_in_callee {
            let (hops, file_io) = self.blocking_via(file, call, follow.depth)?;
            // A helper that blocks only on file I/O counts when asked for.
            return (!file_io || follow.helper_file_io_reported).then_some(Decision {
                hops,
                helper_file_io: file_io,
                spawners: Vec::new(),
                task_hops: Vec::new(),
            });
        }
        let owned = |keys: Vec<&str>| match follow.process_lifetime_reported {
            true => Vec::new(),
            false => keys.into_iter().map(str::to_string).collect(),
        };
        if follow.timer_returned {
            let for_the_process = follow.process_lifetime_reported;
            let (hops, spawners) =
                self.returned_timer_pinned(file, at, follow.depth, for_the_process)?;
            return Some(Decision {
                hops,
                helper_file_io: false,
                spawners: owned(spawners),
                task_hops: Vec::new(),
            });
        }
        let hops = self.decide_hops(file, follow, at)?;
        let spawns = match follow.reached_by_detached_task && !follow.process_lifetime_reported {
            true => self.detached_task_spawns(file, at, follow.depth),
            false => Vec::new(),
        };
        // Which task a note names matters only when there are several.
        let task_hops = match spawns.len() > 1 {
            true => (spawns.iter())
                .map(|(key, hop)| (key.to_string(), hop.clone()))
                .collect(),
            false => Vec::new(),
        };
        let spawners = owned(spawns.into_iter().map(|(key, _)| key).collect());
        Some(Decision {
            hops,
            helper_file_io: false,
            spawners,
            task_hops,
        })
    }

    /// The loop of the fn called at `call` (in `file`) that polls the
    /// parameter its argument `arg` is given to (see
    /// [`crate::Follow::timer_polled_by`]), as a hop; `None` when the fn is
    /// not found or has no such loop.
    fn timer_polled_by(
        &self,
        file: usize,
        call: Span,
        arg: usize,
        method_syntax: bool,
    ) -> Option<Hop> {
        let target = self.callee(file, call)?;
        let facts = self.facts(target);
        // `Type::run(x, tick)` passes `self` first.
        let param = match method_syntax || !facts.takes_self {
            true => arg,
            false => arg.checked_sub(1)?,
        };
        let &(_, at) = facts.polls_param.iter().find(|(p, _)| *p == param)?;
        let name = facts.short_name();
        Some(Hop {
            file: target.0,
            span: at,
            message: format!(
                "`{name}` polls the timer in this loop, which never ends and observes no cancellation"
            ),
        })
    }

    /// [`CrateIndex::decide`] for a finding that is not a call of a helper:
    /// the hops to add to its notes.
    fn decide_hops(&self, file: usize, follow: &Follow, at: usize) -> Option<Vec<Hop>> {
        if follow.reached_by_detached_task {
            let for_the_process = follow.process_lifetime_reported;
            return self
                .detached_task_running(file, at, follow.depth, for_the_process)
                .map(|hop| vec![hop]);
        }
        // A file that cannot be parsed and spells the field may read it.
        if let Some(field) = &follow.stored_in_field {
            if self.field_is_read(field, file) || self.unparsed_may_spell(&field.name) {
                return None;
            }
        }
        if let Some(field) = &follow.client_in_field {
            if self.field_only_starts_timed_requests(field, file)
                || self.unparsed_may_spell(&field.name)
            {
                return None;
            }
        }
        if let Some(field) = &follow.client_in_wrapper_field {
            if self.typed_reads_start_timed_requests(field, file)
                || self.unparsed_may_spell(&field.name)
            {
                return None;
            }
        }
        if let Some(large) = &follow.large_const {
            return self.large_const(large).map(|hop| vec![hop]);
        }
        // A token handed to a fn of the crate that fires it can be cancelled
        // (or to one a file that cannot be parsed may define).
        let fired = |&(call, arg): &(Span, usize)| {
            self.may_call_unparsed(file, call)
                || self
                    .callee(file, call)
                    .is_some_and(|t| self.facts(t).fires_param.contains(&arg))
        };
        if follow.token_fired_by.iter().any(fired) {
            return None;
        }
        let not_fired = |&(call, arg): &(Span, usize)| {
            self.callee(file, call)
                .is_some_and(|t| !self.facts(t).fires_param.contains(&arg))
        };
        if !follow.token_handed_to.iter().all(not_fired) {
            return None;
        }
        // A busy loop whose path back calls a fn of the crate that waits.
        let waits = |&call: &Span| {
            self.may_call_unparsed(file, call)
                || self.waits_via(file, call, follow.depth, &mut HashMap::new())
        };
        if follow.poll_waits_in.iter().any(waits) {
            return None;
        }
        let mut hops = Vec::new();
        if let Some((call, arg, method_syntax)) = follow.timer_polled_by {
            hops.push(self.timer_polled_by(file, call, arg, method_syntax)?);
        }
        if let Some(call) = follow.runtime_of {
            hops.push(self.shared_runtime(file, call)?);
        }
        if let Some(call) = follow.listener_from {
            hops.push(self.returned_listener(file, call)?);
        }
        if let Some((call, arg)) = follow.spawn_wrapper {
            hops.push(self.wrapper_spawn(file, call, arg)?);
        }
        if let Some(calls) = &follow.loop_in_callees {
            hops.extend(self.endless_loop_via(file, calls, follow.depth)?);
        }
        Some(hops)
    }
}

/// Whether `e` is a receiver whose type the crate pass may know: a
/// variable (or `self`), a field of one (`self.store`, `app.store`), or the
/// value a call of a fn by its path returns (`db::global()`,
/// `Store::open(p)?`, `pool().unwrap()`), which is what the fn declares.
pub fn receiver_type_may_be_known(e: &syn::Expr) -> bool {
    let named = |e: &syn::Expr| matches!(e, syn::Expr::Path(p) if p.path.get_ident().is_some());
    let mut e = e;
    loop {
        match e {
            syn::Expr::Try(t) => e = &t.expr,
            syn::Expr::Paren(p) => e = &p.expr,
            syn::Expr::MethodCall(m)
                if m.method == "unwrap" || (m.method == "expect" && m.args.len() == 1) =>
            {
                e = &m.receiver;
            }
            _ => break,
        }
    }
    named(e)
        || matches!(e, syn::Expr::Field(f) if named(&f.base))
        || matches!(e, syn::Expr::Call(c) if matches!(&*c.func, syn::Expr::Path(p) if p.qself.is_none()))
}

/// The type `ty` names as a return type: through `Option`, `Result`
/// (their first argument), `&`, `Arc`, `Box`, `Rc`; `Self` is `self_type`.
/// With the library of the workspace whose path names it (see
/// [`FileContext::type_home_of_path`]).
fn returned_type(
    ctx: &FileContext<'_>,
    ty: &syn::Type,
    self_type: Option<&str>,
) -> Option<(String, Option<String>)> {
    match ty {
        syn::Type::Reference(r) => returned_type(ctx, &r.elem, self_type),
        syn::Type::Paren(p) => returned_type(ctx, &p.elem, self_type),
        syn::Type::Path(p) if p.qself.is_none() => {
            let last = p.path.segments.last()?;
            let name = super::imports::unraw(&last.ident);
            match name.as_str() {
                "Option" | "Result" | "Arc" | "Box" | "Rc" => match &last.arguments {
                    syn::PathArguments::AngleBracketed(args) => {
                        args.args.iter().find_map(|a| match a {
                            syn::GenericArgument::Type(t) => returned_type(ctx, t, self_type),
                            _ => None,
                        })
                    }
                    _ => None,
                },
                "Self" => self_type.map(|t| (t.to_string(), None)),
                _ if ctx.names_foreign_type(&p.path) => None,
                _ => name.starts_with(char::is_uppercase).then(|| {
                    let library = ctx.type_home_of_path(&p.path, 0).library;
                    (name, library)
                }),
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::spawns_a_task;

    #[test]
    fn a_task_is_a_future_handed_to_a_spawn_call() {
        let spawns = |src: &str| spawns_a_task(&syn::parse_str(src).unwrap());
        for task in [
            "tokio::spawn(serve(conn))",
            "set.spawn(async move { run().await })",
            "handle.spawn(worker.run())",
            "tokio::task::spawn_local(fut)",
            "Builder::new().name(\"hb\").spawn(heartbeat())",
            "smol::spawn(async {})",
        ] {
            assert!(spawns(task), "{task}");
        }
        for other in [
            "std::thread::spawn(|| work())",
            "thread::spawn(worker)",
            "tokio::task::spawn_blocking(|| read())",
            "rt.spawn_blocking(move || read())",
            "Command::new(\"ls\").spawn()",
            "rayon::spawn(move || sum())",
            "respawn(x)",
        ] {
            assert!(!spawns(other), "{other}");
        }
    }
}
