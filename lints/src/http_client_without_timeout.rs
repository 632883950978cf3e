use crate::context::bindings::pat_ident;
use crate::context::chains::{method_chain, path_ident};
use crate::context::follow::FieldOf;
use crate::context::paths::{
    self, REQWEST_CLIENT_BUILDERS as CLIENT_BUILDERS, REQWEST_CLIENT_NEW as CLIENT_NEW,
    REQWEST_GET, REQWEST_REQUEST_METHODS as REQUEST_METHODS, UREQ_AGENT, UREQ_REQUESTS,
};
use crate::context::spawn;
use crate::context::threads::enclosing_fn_body;
use crate::context::{scope, Node, TokenPos};
use crate::Triggers;
use crate::{FileContext, Finding, Follow, LintOptions, Span};
use std::collections::HashMap;

crate::declare_lint! {
    /// ### What it does
    /// Flags HTTP clients and requests that nothing bounds in time:
    /// `reqwest::Client::new()` (and `Client::default()`, and `Client::new`
    /// given by name to a lazy value, a cell or any other call that makes
    /// the client with it: `Lazy::new(Client::new)`,
    /// `CELL.get_or_init(Client::new)`, `map.entry(k).or_insert_with(Client::new)`), a
    /// `reqwest::Client::builder()` / `reqwest::ClientBuilder::new()` (or
    /// `::default()`) chain
    /// ending in `.build()` with neither `.timeout(…)` nor `.read_timeout(…)`
    /// in it, `reqwest::get(…)` (it uses a default client), `ureq::agent()`,
    /// and a `ureq::get(…)` (or `post`, `put`, `delete`, `head`, `patch`,
    /// `request`) request sent without a `.timeout…(…)` call on it. Builder
    /// chains are followed through `let` bindings of the same function
    /// (`let mut b = Client::builder(); b = b.user_agent(ua); b.build()`),
    /// also through an `if` or `match` whose every branch goes on with the
    /// same builder (`let b = match proxy { Some(p) => b.proxy(p), None =>
    /// b };`, or `b = match …` on a `let mut b`), or whose every branch starts one (`let b = if insecure {
    /// Client::builder().danger_accept_invalid_certs(true) } else {
    /// Client::builder() };`: reported at the first, and what any branch
    /// sets counts);
    /// such a chain is reported where it starts (`Client::builder()`), with
    /// a note at the `.build()` that makes the client. A chain written as
    /// one expression is reported whole, from `Client::builder()` to
    /// `.build()`.
    ///
    /// A client that stays inside one function and whose every request sets
    /// its own timeout (`client.get(url).timeout(d).send()`, or the request
    /// sent inside `tokio::time::timeout(…)` or in a `select!` branch raced
    /// against a `sleep(…)` branch, also when its future is first bound:
    /// `let req = client.get(url).send();` then `timeout(d, req)`) is left
    /// alone, as is a temporary used once that way
    /// (`Client::new().get(url).timeout(d).send()`). So is `Client::new()`
    /// as the fallback of a builder that sets a timeout
    /// (`builder().timeout(d).build().unwrap_or_else(|_| Client::new())`):
    /// `build()` fails only when the TLS backend cannot start, and
    /// `Client::new()` then panics as well, so the untimed client never
    /// sends a request. Code built only for WebAssembly
    /// (`#[cfg(target_arch = "wasm32")]`, `#[cfg(target_family = "wasm")]`,
    /// on the item or on the file) is left alone: there requests go
    /// through the platform's `fetch`, and reqwest's wasm client has no
    /// timeout to set.
    ///
    /// ### Why is this bad
    /// reqwest's async client has no default timeout, and ureq's agent has
    /// no overall one: a peer that accepts the connection and then stalls
    /// holds the request, and the task or thread awaiting it, forever. It is
    /// Go's `http.Client{}` without `Timeout`. `connect_timeout` alone does
    /// not help: it bounds connecting, not a response that never comes.
    /// `read_timeout` does: it bounds every read, so a stalled peer is
    /// noticed, and it is the right bound for a client that streams long
    /// downloads, where a total `timeout` would cut a healthy transfer.
    ///
    /// ### Known problems
    /// A client built by another function, a builder taken as a parameter,
    /// lent out (`&mut builder`) or reassigned from an unknown value is not
    /// judged, and any `.timeout(…)` / `.read_timeout(…)` call on the
    /// builder's bindings anywhere in the function counts, even in a branch
    /// (`if let Some(t) = cfg.timeout { b = b.timeout(t) }`).
    /// WebAssembly-only code is known by the `cfg` on the item or on the
    /// file (`#![cfg(target_arch = "wasm32")]`), or by its package: one
    /// whose library is a `cdylib` and that depends on `wasm-bindgen`
    /// (`-futures`, `js-sys`, `web-sys`) or Cloudflare's `worker` is built
    /// as a WebAssembly module, and its clients are left alone (reqwest's
    /// wasm `ClientBuilder` has no `timeout`: give each request its own
    /// `.timeout(…)`, reqwest 0.12.24 and later). Judged on 38 service
    /// workspaces, the 4 clients of such packages (tailcall's Cloudflare
    /// and wasm builds) were noise. Not by one on the `mod`
    /// declaration in the parent (`#[cfg(target_arch = "wasm32")] mod
    /// web;`): the clients of such a module file are reported; put the
    /// `cfg` inside the file too, or suppress them with a reason.
    ///
    /// Per-request timeouts excuse a client only when all of its requests are
    /// in sight: it is bound with `let` (also as the value of an `if`'s
    /// branches, of a `match` whose arms pass on `Ok(c) => c` or leave, or
    /// by `let Ok(c) = … else { … }`) and, after that, only ever used as
    /// `client.get(…)` (or `post`, `put`, `patch`, `delete`, `head`,
    /// `request`) with `.timeout(…)` written in that same chain, or sent
    /// inside the future given to `tokio::time::timeout(…)` or a `select!`
    /// branch raced against a one-shot timer made in its own branch
    /// (`_ = sleep(d) => …`; a pinned sleep made earlier, `&mut deadline`,
    /// is not recognised), including inside closures and async blocks of
    /// the function. Only the part inside the race is bounded: a body read
    /// after it is not, and in a fn that streams a body (`.bytes_stream()`,
    /// `.chunk()`) such a race excuses nothing. A request future bound with
    /// `let req = ….send();` is judged where it is awaited. A request
    /// builder bound to a local (`let mut req = client.post(url).json(&b);`)
    /// counts when a chain on the local sets `.timeout(…)` (`req.timeout(d)
    /// .send()`, or `req = req.timeout(d);`, even in a branch: `if let
    /// Some(t) = timeout { req = req.timeout(t) }` is a deliberate choice)
    /// and the local is only ever a method's receiver or reassigned from a
    /// chain on itself; handed on (`send_with_retry(req)`) or replaced, it
    /// counts as untimed. `client.execute(request)` counts when `request`
    /// was built with its own timeout (`let request =
    /// client.get(url).timeout(d).build()?;`). Aliases (`let c = &client;`,
    /// `let c = client.clone();`) are followed. It is still reported when
    /// any request lacks one, when it executes a request built elsewhere
    /// (`client.execute(req)` of a parameter), and when the client leaves the function:
    /// returned, stored in a struct or collection, passed to a function
    /// (also as `&client`), or cloned, since code out of sight may then send
    /// requests without a timeout.
    ///
    /// One exception: an API wrapper that bounds every request itself. A
    /// client made in a method of `impl S` that sends no untimed request
    /// there is left alone when `S` (the one struct of the file so named)
    /// has exactly one field declared `reqwest::Client` and every mention
    /// of that field in the file starts a request whose chain sets
    /// `.timeout(…)` (`fn prepare(&self, …) -> RequestBuilder {
    /// self.inner.request(m, url).timeout(self.request_timeout) }`). When
    /// other files may read the field (it is `pub` or `pub(crate)`, or the
    /// file declares a module file, `mod child;`), their reads of it decide
    /// too: a read on a value known to be an `S` (`gh.inner` on a parameter
    /// `gh: &GitHub`) that sends an untimed request keeps the finding; a
    /// read of a field of that name on a value of unknown type
    /// (`other.client`) is taken to be another struct's. Any other mention
    /// in the file (`.clone()`, handing it on), a second client field, or
    /// a client made outside `impl S` keeps the finding.
    ///
    /// Across the crate, a client written into a struct literal's field
    /// (`Api { client: Client::new(), … }`, or `let client = …; Api {
    /// client }` with every other use a timed request) is left alone when
    /// the crate reads that field and every read that may be of it starts a
    /// request whose chain sets `.timeout(…)` (`self.client.get(url)
    /// .timeout(d)`, or a request bound to a local that gets one, as above),
    /// wherever it is. A read through a value whose type is
    /// not known (`x.client` on a local a call returned; `self` and typed
    /// parameters are known) may be of any struct's field of that name and
    /// keeps the finding, as does a field nothing reads. Only the packages
    /// that can use the struct are searched: its own and those that depend
    /// on it (in a workspace, another service's `conn.client.get(url)
    /// .send()` is not a read of this field). While a file of the crate
    /// that spells the field's name cannot be parsed, its reads are not
    /// known and the client is left alone.
    ///
    /// `reqwest::get(…)` written directly inside the future given to
    /// `tokio::time::timeout(…)`, or in a `select!` branch raced against
    /// `sleep(…)`, is bounded and not reported.
    ///
    /// A request sent once on the main thread (in `main`, or in a fn only
    /// `main` reaches, a command-line client's one call) is reported like
    /// any other: whoever runs the program sees it stall, but a health
    /// check or a start-up call to a metadata endpoint that hangs keeps the
    /// program from ever finishing (`timeout` in a container's health
    /// check kills it, but only after its own deadline).
    /// `reqwest::blocking` (30 s default) is left alone. For ureq, any method
    /// whose name starts with `timeout` counts (`timeout`, `timeout_read`,
    /// ureq 3's `timeout_global`), and a request is only judged when it is
    /// sent (`.call()`, `.send…(…)`) in the same function;
    /// `ureq::AgentBuilder` chains are not judged. A `ureq::agent()` that
    /// stays in its fn is judged like a local reqwest client: left alone
    /// when every request sent on it sets `.timeout(…)`.
    ///
    /// ### Example
    /// ```rust,ignore
    /// let client = reqwest::Client::builder()
    ///     .user_agent("indexer/1.0")
    ///     .connect_timeout(Duration::from_secs(5))
    ///     .build()?;
    /// ```
    ///
    /// ### Use instead
    /// ```rust,ignore
    /// let client = reqwest::Client::builder()
    ///     .user_agent("indexer/1.0")
    ///     .connect_timeout(Duration::from_secs(5))
    ///     .timeout(Duration::from_secs(30))
    ///     .build()?;
    /// ```
    /// For a client that streams large downloads, bound each read instead:
    /// `.read_timeout(Duration::from_secs(30))`.
    pub HTTP_CLIENT_WITHOUT_TIMEOUT,
    name: "http_client_without_timeout",
    level: Warn,
    summary: "an HTTP client or request has no overall timeout, so a stalled peer hangs it forever",
    triggers: triggers,
    check: check,
}

/// A client constructor or a request on a default client, and the crate it
/// resolves to.
fn triggers() -> Triggers {
    let calls = [
        CLIENT_NEW,
        CLIENT_BUILDERS,
        REQWEST_GET,
        UREQ_AGENT,
        UREQ_REQUESTS,
    ];
    Triggers::new(paths::spelled(&calls)).requiring(paths::crate_names(&calls))
}

/// Methods that send a ureq request.
const UREQ_SENDS: &[&str] = &[
    "call",
    "send",
    "send_string",
    "send_json",
    "send_form",
    "send_bytes",
    "send_empty",
];
/// Builder methods that bound a stalled response: the whole request, or each read.
const CLIENT_BOUNDS: &[&str] = &["timeout", "read_timeout"];
/// Methods of a reqwest `Client` that start a request builder.
/// Methods that unwrap the `Result` of `.build()` into the client.
const UNWRAPS: &[&str] = &["unwrap", "expect", "context", "with_context", "map_err"];

const REQWEST_HELP: &str =
    "build the client with `reqwest::Client::builder().timeout(…)` so every request is bounded";
const BUILDER_HELP: &str =
    "add `.timeout(…)` to the builder (or `.read_timeout(…)` for a client that streams long downloads)";
const UREQ_HELP: &str = "give the agent or the request a timeout (`AgentBuilder::timeout(…)` / `.timeout(…)` in ureq 2, `timeout_global` in ureq 3)";

/// How one mention of a local client is used.
#[derive(Debug, Clone)]
enum Use {
    /// Bound to another local name (`let c = &client;`, `let c =
    /// client.clone();`), with its mentions.
    Alias {
        name: String,
        mentions: Vec<TokenPos>,
    },
    /// A request sent into a local binding (`let req =
    /// client.get(url).send();`), with its mentions.
    RequestFuture {
        name: String,
        mentions: Vec<TokenPos>,
    },
    /// A request built from it with `.timeout(…)` in its chain, or
    /// awaited under a deadline.
    Timed,
    /// A request without one (or a call that sends a request built
    /// elsewhere).
    Untimed(Span),
    /// Stored in a field of a struct literal (`Api { client }`): requests
    /// made through the field elsewhere in the crate decide.
    Stored(FieldOf, Span),
    /// The client leaves the function's sight: returned, stored, passed, cloned.
    Escapes(Span),
}

fn check(ctx: &FileContext<'_>, options: &LintOptions) -> Vec<Finding> {
    let name = HTTP_CLIENT_WITHOUT_TIMEOUT.name;
    let mut findings = Vec::new();
    let mut local_clients = LocalClients::default();
    let report = |finding: Finding,
                  expr: &syn::Expr,
                  ancestors: &[Node<'_>],
                  findings: &mut Vec<Finding>,
                  local_clients: &mut LocalClients| {
        match client_destination(ctx, expr, ancestors, options) {
            Destination::TimedRequest => {}
            Destination::UntimedRequest => findings.push(finding),
            Destination::Local { name, mentions } => {
                let wrapper = kept_in_timed_field(ctx, ancestors);
                let client = local_clients.add(finding, wrapper);
                local_clients.follow(client, Followed::Client, name, mentions, 0);
            }
            Destination::BoundRequest { name, mentions } => {
                let client = local_clients.add(finding, None);
                local_clients.follow(client, Followed::RequestFuture, name, mentions, 0);
            }
            Destination::Field(field) => match kept_in_timed_field(ctx, ancestors) {
                Some(wrapper) => findings.extend(wrapper.holds(finding)),
                None => findings.push(kept_unless_timed_through(finding, field)),
            },
            Destination::Other => match kept_in_timed_field(ctx, ancestors) {
                Some(wrapper) => findings.extend(wrapper.holds(finding)),
                None => findings.push(finding),
            },
        }
    };
    ctx.walk_exprs(|expr, ancestors| {
        local_clients.visit(ctx, expr, ancestors, options);
        match expr {
        syn::Expr::Call(call) if call.args.is_empty() && ctx.callee_is(&call.func, CLIENT_NEW) => {
            if fallback_of_timed_builder(ctx, expr, ancestors) {
                return;
            }
            let finding = Finding::new(name, ctx.span_of(expr), "reqwest client created without a timeout")
                .note_plain("reqwest's async client has no default timeout: a stalled server holds a request forever")
                .help(REQWEST_HELP);
            report(finding, expr, ancestors, &mut findings, &mut local_clients);
        }
        // `static C: Lazy<Client> = Lazy::new(Client::new);`, `CELL.get_or_init(Client::new)`,
        // `clients.entry(k).or_insert_with(Client::new)`.
        syn::Expr::Call(_) | syn::Expr::MethodCall(_) if lazy_client_new(ctx, expr).is_some() => {
            let Some(client_new) = lazy_client_new(ctx, expr) else {
                return;
            };
            let finding = Finding::new(name, ctx.span_of(client_new), "reqwest client created without a timeout")
                .note_plain("reqwest's async client has no default timeout: a stalled server holds a request forever")
                .help(REQWEST_HELP);
            report(finding, expr, ancestors, &mut findings, &mut local_clients);
        }
        syn::Expr::Call(call) if call.args.len() == 1 && ctx.callee_is(&call.func, REQWEST_GET) => {
            if bounded_by_deadline(ctx, expr, ancestors, options) {
                return;
            }
            let finding = Finding::new(name, ctx.span_of(expr), "`reqwest::get` sends the request with a default client that has no timeout")
                .note_plain("a stalled server holds this request, and the task awaiting it, forever")
                .help("send it with a client built with `.timeout(…)`, or wrap it in `tokio::time::timeout`");
            findings.push(finding);
        }
        syn::Expr::Call(call) if call.args.is_empty() && ctx.callee_is(&call.func, UREQ_AGENT) => {
            let finding = Finding::new(name, ctx.span_of(expr), "`ureq::agent()` creates an agent without an overall timeout")
                .note_plain("requests on this agent can hang forever on a stalled server")
                .help(UREQ_HELP);
            report(finding, expr, ancestors, &mut findings, &mut local_clients);
        }
        syn::Expr::MethodCall(m) if m.method == "build" && m.args.is_empty() => {
            let Some(builder) = ctx.builder_origin(&m.receiver, ancestors, CLIENT_BUILDERS) else {
                return;
            };
            if CLIENT_BOUNDS.iter().any(|b| builder.calls_named(b).next().is_some()) {
                return;
            }
            let message = "reqwest client built without `.timeout(…)` or `.read_timeout(…)`";
            let mut finding = match builder.bindings.is_empty() {
                true => Finding::new(name, ctx.span_of(expr), message),
                // A chain through `let`s is reported where it starts.
                false => Finding::new(name, ctx.span_of(builder.constructor), message).note(
                    ctx.span_of(expr),
                    "the client is built here; no `.timeout(…)` is set on its builder in this function",
                ),
            };
            finding = match builder.calls_named("connect_timeout").next() {
                Some(c) => finding.note(
                    ctx.span(c.method.span()),
                    "`connect_timeout` only bounds connecting: a server that accepts and then stalls holds the request forever",
                ),
                None => finding.note_plain("reqwest's async client has no default timeout: a stalled server holds a request forever"),
            };
            report(finding.help(BUILDER_HELP), expr, ancestors, &mut findings, &mut local_clients);
        }
        syn::Expr::MethodCall(m) if UREQ_SENDS.iter().any(|s| m.method == s) => {
            let Some(builder) = ctx.builder_origin(&m.receiver, ancestors, UREQ_REQUESTS) else {
                return;
            };
            if builder.calls.iter().any(|c| c.method.to_string().starts_with("timeout")) {
                return;
            }
            findings.push(
                Finding::new(name, ctx.span_of(builder.constructor), "ureq request sent without a timeout")
                    .note(ctx.span(m.method.span()), "sent here; nothing bounds how long it can take")
                    .help(UREQ_HELP),
            );
        }
        _ => {}
        }
    });
    local_clients.judge(&mut findings);
    without_wasm_only_code(ctx, findings)
}

/// `Client::new` given by name to a call: a lazy value's constructor
/// (`Lazy::new(Client::new)`, `LazyLock::new(…)`), a cell's
/// `get_or_init(…)`, an entry's `or_insert_with(…)`, an option's
/// `unwrap_or_else(…)`. It runs there, as `Client::new()` would.
fn lazy_client_new<'e>(ctx: &FileContext<'_>, expr: &'e syn::Expr) -> Option<&'e syn::Expr> {
    let args = match expr {
        syn::Expr::Call(call) => &call.args,
        syn::Expr::MethodCall(m) => &m.args,
        _ => return None,
    };
    args.iter()
        .find(|f| matches!(f, syn::Expr::Path(_)) && ctx.callee_is(f, CLIENT_NEW))
}

/// `findings` but those in code built only for WebAssembly, where requests
/// go through the platform's `fetch` and reqwest's client has no timeout
/// to set.
fn without_wasm_only_code(ctx: &FileContext<'_>, mut findings: Vec<Finding>) -> Vec<Finding> {
    if findings.is_empty() {
        return findings;
    }
    if scope::file_is_wasm_only(ctx.file) {
        return Vec::new();
    }
    let wasm_only: Vec<Span> = scope::wasm_only_item_spans(ctx.file)
        .into_iter()
        .map(|s| ctx.span(s))
        .collect();
    findings.retain(|f| {
        !wasm_only
            .iter()
            .any(|w| w.start.byte <= f.span.start.byte && f.span.start.byte < w.end.byte)
    });
    findings
}

/// Whether `new` (a `Client::new()`) is only the fallback of a builder that
/// sets a timeout: `builder().timeout(d).build().unwrap_or_else(|_|
/// Client::new())`, or `.unwrap_or(Client::new())`. `build()` fails only
/// when the TLS backend or the resolver cannot start, and `Client::new()`
/// then panics as well: the untimed client never serves a request.
fn fallback_of_timed_builder<'v>(
    ctx: &FileContext<'v>,
    new: &syn::Expr,
    ancestors: &[Node<'v>],
) -> bool {
    let mut child = new;
    for (i, node) in ancestors.iter().enumerate().rev() {
        match node {
            Node::Expr(e @ syn::Expr::Closure(c)) if std::ptr::eq(&*c.body, child) => child = e,
            Node::Expr(e @ syn::Expr::Paren(_)) => child = e,
            // `|_| { Client::new() }`: the block's value.
            Node::Stmt(syn::Stmt::Expr(tail, None)) if std::ptr::eq(tail, child) => {}
            Node::Block(b) if spawn::ends_with(b, child) => {}
            Node::Expr(e @ syn::Expr::Block(b)) if spawn::ends_with(&b.block, child) => child = e,
            Node::Expr(syn::Expr::MethodCall(m))
                if matches!(
                    m.method.to_string().as_str(),
                    "unwrap_or_else" | "unwrap_or"
                ) && m.args.iter().any(|a| std::ptr::eq(a, child)) =>
            {
                let syn::Expr::MethodCall(build) = &*m.receiver else {
                    return false;
                };
                if build.method != "build" {
                    return false;
                }
                return ctx
                    .builder_origin(&build.receiver, &ancestors[..i], CLIENT_BUILDERS)
                    .is_some_and(|b| {
                        CLIENT_BOUNDS
                            .iter()
                            .any(|n| b.calls_named(n).next().is_some())
                    });
            }
            _ => return false,
        }
    }
    false
}

/// Where a new client goes.
enum Destination {
    /// Straight into a request with its own `.timeout(…)`
    /// (`Client::new().get(url).timeout(d).send()`).
    TimedRequest,
    /// Straight into a request without one (`Client::new().get(url).send()`).
    UntimedRequest,
    /// Into a request whose future is bound to a local name (`let req =
    /// Client::new().get(url).send();`), with its later mentions: where it
    /// is awaited decides.
    BoundRequest {
        name: String,
        mentions: Vec<TokenPos>,
    },
    /// Into a local binding (`let client = …;`), with its later mentions.
    Local {
        name: String,
        mentions: Vec<TokenPos>,
    },
    /// Into a field of a struct literal (`Api { client: Client::new() }`).
    Field(FieldOf),
    /// Anywhere else: returned, stored, passed on.
    Other,
}

/// `finding`, made to hold only if some read of `field` in the crate does
/// anything but start a request with its own `.timeout(…)`, or none does.
fn kept_unless_timed_through(mut finding: Finding, field: FieldOf) -> Finding {
    finding.follow = Some(Follow {
        client_in_field: Some(field),
        ..Follow::default()
    });
    finding
}

/// The field `value` is written into when it is a field's value in the
/// struct literal `parent` (`Api { client: value }`, `Self { client }`) of
/// a struct it can name (`Self`: the `impl`'s type).
fn struct_literal_field(
    ctx: &FileContext<'_>,
    value: &syn::Expr,
    parent: Option<&Node<'_>>,
    ancestors: &[Node<'_>],
) -> Option<FieldOf> {
    let Some(Node::Expr(syn::Expr::Struct(literal))) = parent else {
        return None;
    };
    let self_type = ctx.self_type_at(ancestors);
    let (field, _) = spawn::struct_literal_field(literal, value, self_type.as_deref())?;
    field.owner.is_some().then_some(field)
}

/// Follows a client-making expression (`Client::new()`, `builder.build()`)
/// up through `?`, `.unwrap()`/`.expect(…)` and parentheses to where the
/// client goes.
fn client_destination<'v>(
    ctx: &'v FileContext<'_>,
    expr: &'v syn::Expr,
    ancestors: &[Node<'v>],
    options: &LintOptions,
) -> Destination {
    let mut current = expr;
    // The block whose value `current` is (its tail), on the way up to the
    // `if`, `match` or block expression that yields it.
    let mut tail_of: Option<&syn::Block> = None;
    for node in ancestors.iter().rev() {
        match node {
            Node::Expr(e @ (syn::Expr::Try(_) | syn::Expr::Paren(_))) => current = e,
            // A client a branch yields is the value of its `if` or `match`
            // (`let c = if tls { builder…build()? } else { Client::new() };`).
            Node::Stmt(syn::Stmt::Expr(e, None)) if std::ptr::eq(e, current) => {}
            Node::Block(b) if matches!(b.stmts.last(), Some(syn::Stmt::Expr(e, None)) if std::ptr::eq(e, current)) =>
            {
                tail_of = Some(b);
            }
            Node::Expr(e @ syn::Expr::Block(block))
                if tail_of.is_some_and(|b| std::ptr::eq(b, &block.block)) =>
            {
                (current, tail_of) = (e, None);
            }
            Node::Expr(e @ syn::Expr::If(i))
                if tail_of.is_some_and(|b| std::ptr::eq(b, &i.then_branch))
                    || (i.else_branch.as_ref())
                        .is_some_and(|(_, x)| std::ptr::eq(&**x, current)) =>
            {
                (current, tail_of) = (e, None);
            }
            Node::Arm(arm) if std::ptr::eq(&*arm.body, current) => {}
            Node::Expr(e @ syn::Expr::Match(m))
                if m.arms.iter().any(|a| std::ptr::eq(&*a.body, current))
                    || (std::ptr::eq(&*m.expr, current) && yields_the_success(m)) =>
            {
                current = e;
            }
            Node::Expr(e @ syn::Expr::MethodCall(m))
                if std::ptr::eq(&*m.receiver, current) && UNWRAPS.iter().any(|u| m.method == u) =>
            {
                current = e;
            }
            Node::Expr(e @ syn::Expr::MethodCall(m))
                if std::ptr::eq(&*m.receiver, current)
                    && REQUEST_METHODS.iter().any(|r| m.method == r) =>
            {
                let below = ancestors_below(ancestors, e);
                return if request_timed(ctx, e, below)
                    || bounded_by_deadline(ctx, expr, ancestors, options)
                {
                    Destination::TimedRequest
                } else if let Some((name, mentions)) = bound_request_future(ctx, e, below) {
                    Destination::BoundRequest { name, mentions }
                } else {
                    Destination::UntimedRequest
                };
            }
            Node::Local(local) => {
                return match bound_name(ctx, local, current, ancestors) {
                    Some((name, mentions)) => Destination::Local { name, mentions },
                    None => Destination::Other,
                };
            }
            parent @ Node::Expr(syn::Expr::Struct(_)) => {
                return match struct_literal_field(ctx, current, Some(parent), ancestors) {
                    Some(field) => Destination::Field(field),
                    None => Destination::Other,
                };
            }
            _ => return Destination::Other,
        }
    }
    Destination::Other
}

/// Whether a `match` on a client's `Result` yields the client itself:
/// every arm either passes on the value its pattern binds (`Ok(c) => c`)
/// or leaves (`Err(_) => return …`).
fn yields_the_success(m: &syn::ExprMatch) -> bool {
    let passes_on = |arm: &syn::Arm| {
        let syn::Pat::TupleStruct(t) = &arm.pat else {
            return false;
        };
        let (Some(inner), 1) = (t.elems.first(), t.elems.len()) else {
            return false;
        };
        let (Some(bound), syn::Expr::Path(body)) = (pat_ident(inner), &*arm.body) else {
            return false;
        };
        arm.guard.is_none() && body.path.is_ident(bound)
    };
    let leaves = |arm: &syn::Arm| {
        matches!(
            &*arm.body,
            syn::Expr::Return(_) | syn::Expr::Break(_) | syn::Expr::Continue(_)
        ) || matches!(&*arm.body, syn::Expr::Block(b)
            if matches!(b.block.stmts.last(), Some(syn::Stmt::Expr(syn::Expr::Return(_), _))))
    };
    m.arms.iter().filter(|a| passes_on(a)).count() == 1
        && m.arms.iter().all(|a| passes_on(a) || leaves(a))
}

/// When `value` is the whole initialiser of `local`, a plain `let name =
/// value;` (or `let Ok(name) = value else { … };`): the name and its later
/// mentions. `ancestors` are those of something inside the initialiser.
fn bound_name(
    ctx: &FileContext<'_>,
    local: &syn::Local,
    value: &syn::Expr,
    ancestors: &[Node<'_>],
) -> Option<(String, Vec<TokenPos>)> {
    let init = local.init.as_ref()?;
    let ident = match (&local.pat, &init.diverge) {
        (pat, None) => pat_ident(pat)?,
        // `let Ok(client) = builder.build() else { return … };`
        (syn::Pat::TupleStruct(t), Some(_)) if t.elems.len() == 1 => pat_ident(t.elems.first()?)?,
        _ => return None,
    };
    if !std::ptr::eq(&*init.expr, value) {
        return None;
    }
    ctx.stmts_after(ancestors)?;
    let name = crate::context::imports::unraw(ident);
    let mentions = ctx
        .references_of_pat(ident)
        .iter()
        .map(|m| m.span.start())
        .collect();
    Some((name, mentions))
}

/// The ancestors of `expr`, given the ancestors of something inside it.
fn ancestors_below<'a, 'v>(ancestors: &'a [Node<'v>], expr: &syn::Expr) -> &'a [Node<'v>] {
    let at = ancestors
        .iter()
        .rposition(|n| matches!(n, Node::Expr(e) if std::ptr::eq(*e, expr)))
        .unwrap_or(0);
    &ancestors[..at]
}

/// The field of the API wrapper a client made in a method of `impl S`
/// (whose ancestors are given) is kept in, when, as far as this file shows,
/// the wrapper bounds every request itself: `S`, the one struct of this
/// file so named, has exactly one field declared `reqwest::Client`, and
/// every mention of that field in the file (but `self.field` in impls of
/// other types) starts a request (`.get(…)`, `.request(…)`, …) whose chain
/// sets `.timeout(…)`, as a `fn prepare(&self, …) -> RequestBuilder` does.
/// A mention that does anything else (`.clone()`, handing it on) keeps the
/// finding. Whether other files may read the field too is in the answer.
fn kept_in_timed_field(ctx: &FileContext<'_>, ancestors: &[Node<'_>]) -> Option<WrapperField> {
    let owner = ctx.self_type_at(ancestors)?;
    let [item] = ctx.structs_named(&owner) else {
        return None;
    };
    let mut clients = item.fields.iter().filter(|f| {
        matches!(&f.ty, syn::Type::Path(p) if p.qself.is_none()
            && ctx.resolve(&p.path).as_deref() == Some("reqwest::Client"))
    });
    let (Some(field), None) = (clients.next(), clients.next()) else {
        return None;
    };
    // Only this file can read a private field, unless a module file it
    // declares does: a `pub(crate)` field, or a child module, may send
    // untimed requests out of sight.
    let private = matches!(field.vis, syn::Visibility::Inherited) && !ctx.has_out_of_line_mod();
    let field = field.ident.as_ref()?;
    let (mut timed, mut other) = (0usize, 0usize);
    ctx.walk_exprs(|expr, ancestors| {
        let syn::Expr::Field(access) = expr else {
            return;
        };
        if !matches!(&access.member, syn::Member::Named(m) if m == field) {
            return;
        }
        let on_self = matches!(&*access.base, syn::Expr::Path(p) if p.path.is_ident("self"));
        if on_self && ctx.self_type_at(ancestors).as_deref() != Some(owner.as_str()) {
            return;
        }
        let request = match ancestors.last() {
            Some(Node::Expr(e @ syn::Expr::MethodCall(m)))
                if std::ptr::eq(&*m.receiver, expr)
                    && REQUEST_METHODS.iter().any(|r| m.method == r) =>
            {
                Some(*e)
            }
            _ => None,
        };
        match request {
            Some(e) if request_timed(ctx, e, ancestors_below(ancestors, e)) => timed += 1,
            _ => other += 1,
        }
    });
    (timed > 0 && other == 0).then(|| match private {
        true => WrapperField::Private,
        false => WrapperField::Visible(FieldOf {
            owner: Some(owner),
            name: field.to_string(),
            owner_module: None,
        }),
    })
}

/// The field of an API wrapper that bounds every request it makes with the
/// client kept there (see [`kept_in_timed_field`]).
#[derive(Debug, Clone)]
enum WrapperField {
    /// Only the wrapper's file can read it.
    Private,
    /// Other files may read it too (`pub(crate)`, or a module file the
    /// wrapper's file declares): the crate's reads of it decide.
    Visible(FieldOf),
}

impl WrapperField {
    /// `finding` for a client kept in this field: none when only the
    /// wrapper's file can read it; else made to hold only if a read in
    /// another file, on a value known to be the wrapper, does anything but
    /// start a request with its own `.timeout(…)`.
    fn holds(self, mut finding: Finding) -> Option<Finding> {
        let WrapperField::Visible(field) = self else {
            return None;
        };
        finding.follow = Some(Follow {
            client_in_wrapper_field: Some(field),
            ..Follow::default()
        });
        Some(finding)
    }
}

/// Whether the request builder started by `start` (`client.get(url)`,
/// whose ancestors are given) gets `.timeout(…)`: in the method chain built
/// on it, or, when that chain is bound to a local (`let mut req =
/// client.post(url).json(&body);`), on the local before it is sent (see
/// [`FileContext::local_request_timed`]).
fn request_timed(ctx: &FileContext<'_>, start: &syn::Expr, ancestors: &[Node<'_>]) -> bool {
    let mut current = start;
    for node in ancestors.iter().rev() {
        match node {
            Node::Expr(e @ syn::Expr::Paren(_)) => current = e,
            Node::Expr(e @ syn::Expr::MethodCall(m)) if std::ptr::eq(&*m.receiver, current) => {
                if m.method == "timeout" {
                    return true;
                }
                current = e;
            }
            Node::Local(local) => {
                let whole = (local.init.as_ref()).is_some_and(|i| std::ptr::eq(&*i.expr, current));
                return whole
                    && enclosing_fn_body(ancestors)
                        .is_some_and(|body| ctx.local_request_timed(local, body));
            }
            _ => break,
        }
    }
    false
}

/// Whether `request` (the argument of `client.execute(…)`) is a request
/// built with its own `.timeout(…)`: `client.get(url).timeout(d).build()?`,
/// written there or bound to the local it names.
fn built_request_timed(ctx: &FileContext<'_>, request: &syn::Expr, ancestors: &[Node<'_>]) -> bool {
    let built = match path_ident(request) {
        Some(name) => match ctx.binding_site(name, ancestors) {
            Some(site)
                if site
                    .local
                    .init
                    .as_ref()
                    .is_some_and(|i| i.diverge.is_none()) =>
            {
                site.init
            }
            _ => return false,
        },
        None => request,
    };
    let chain = method_chain(built);
    chain.calls.iter().any(|c| c.method == "build")
        && chain.calls.iter().any(|c| c.method == "timeout")
}

/// Whether a request sent at `expr` is bounded by the race around it (a
/// `timeout(…)`, a `select!` against `sleep(…)`), in a fn that does not
/// stream a response body (`.bytes_stream()`, `.chunk()`): there the
/// deadline bounds the headers, and the body read after it has no bound.
fn bounded_by_deadline<'v>(
    ctx: &'v FileContext<'_>,
    expr: &'v syn::Expr,
    ancestors: &[Node<'v>],
    options: &LintOptions,
) -> bool {
    ctx.under_deadline(expr, ancestors, options) && !streams_a_body(ctx, ancestors)
}

/// Whether the fn around (given by `ancestors`) streams a response body.
fn streams_a_body(ctx: &FileContext<'_>, ancestors: &[Node<'_>]) -> bool {
    enclosing_fn_body(ancestors).is_some_and(|body| {
        ctx.any_expr(body, |e| {
            matches!(e, syn::Expr::MethodCall(m) if m.method == "bytes_stream" || m.method == "chunk")
        })
    })
}

/// When the request started by `start` (`client.get(url)`, whose
/// ancestors are given) is sent into a plain `let name = ….send();`: the
/// name and its later mentions. The future is bounded where it is awaited
/// (`timeout(d, req)`, a `select!` branch raced against `sleep(d)`).
fn bound_request_future(
    ctx: &FileContext<'_>,
    start: &syn::Expr,
    ancestors: &[Node<'_>],
) -> Option<(String, Vec<TokenPos>)> {
    let mut current = start;
    for node in ancestors.iter().rev() {
        match node {
            Node::Expr(e @ syn::Expr::MethodCall(m)) if std::ptr::eq(&*m.receiver, current) => {
                current = e;
            }
            Node::Local(local) => {
                let syn::Expr::MethodCall(send) = current else {
                    return None;
                };
                if send.method != "send" {
                    return None;
                }
                return bound_name(ctx, local, current, ancestors);
            }
            _ => return None,
        }
    }
    None
}

/// How a mention of a local client (`client`, the path expression whose
/// ancestors are given) uses it.
fn classify_use<'v>(
    ctx: &'v FileContext<'_>,
    mention: &'v syn::Expr,
    ancestors: &[Node<'v>],
    options: &LintOptions,
) -> Use {
    let mut current = mention;
    let mut above = ancestors.len();
    while let Some(Node::Expr(e)) = above.checked_sub(1).map(|i| ancestors[i]) {
        match e {
            syn::Expr::Paren(_) => current = e,
            syn::Expr::Reference(r) if r.mutability.is_none() => current = e,
            _ => break,
        }
        above -= 1;
    }
    match above.checked_sub(1).map(|i| ancestors[i]) {
        Some(Node::Expr(e @ syn::Expr::MethodCall(m))) if std::ptr::eq(&*m.receiver, current) => {
            let below = &ancestors[..above - 1];
            let untimed = || Use::Untimed(ctx.span_of(e));
            if REQUEST_METHODS.iter().any(|r| m.method == r) {
                if request_timed(ctx, e, below)
                    || bounded_by_deadline(ctx, mention, ancestors, options)
                {
                    Use::Timed
                } else if let Some((name, mentions)) = bound_request_future(ctx, e, below) {
                    Use::RequestFuture { name, mentions }
                } else {
                    untimed()
                }
            } else if m.method == "clone" {
                match below.last() {
                    Some(Node::Local(local)) => alias(ctx, local, e, below),
                    _ => None,
                }
                .unwrap_or_else(|| Use::Escapes(ctx.span_of(e)))
            } else if m.method == "execute"
                && m.args.len() == 1
                && built_request_timed(ctx, &m.args[0], ancestors)
            {
                // `client.execute(request)` of a request built here with its
                // own timeout.
                Use::Timed
            } else {
                // `client.execute(request)`: a request built elsewhere.
                untimed()
            }
        }
        Some(Node::Local(local)) => {
            // `let c = &client;`, `let c = client;`
            alias(ctx, local, current, &ancestors[..above])
                .unwrap_or_else(|| Use::Escapes(ctx.span_of(current)))
        }
        // `Api { client }`: moved into the struct's field.
        parent @ Some(Node::Expr(syn::Expr::Struct(_))) if std::ptr::eq(current, mention) => {
            match struct_literal_field(ctx, current, parent.as_ref(), ancestors) {
                Some(field) => Use::Stored(field, ctx.span_of(current)),
                None => Use::Escapes(ctx.span_of(current)),
            }
        }
        _ => Use::Escapes(ctx.span_of(current)),
    }
}

fn alias(
    ctx: &FileContext<'_>,
    local: &syn::Local,
    value: &syn::Expr,
    ancestors: &[Node<'_>],
) -> Option<Use> {
    bound_name(ctx, local, value, ancestors).map(|(name, mentions)| Use::Alias { name, mentions })
}

/// How many times aliases of a client (`let c = &client;`) are followed.
const MAX_ALIAS_DEPTH: usize = 4;

/// The clients bound to local names, each reported unless every mention
/// of its name (and of its aliases) is a request with its own
/// `.timeout(…)`. Mentions are judged as the one walk of the file reaches
/// them: every mention of a name comes after its `let`.
#[derive(Default)]
struct LocalClients {
    /// A finding per client.
    findings: Vec<Finding>,
    /// The names followed: the clients' and their aliases'.
    tracked: Vec<Tracked>,
    /// Mention → the followed names it is a mention of.
    wanted: HashMap<TokenPos, Vec<usize>>,
    /// Per client: its judged uses, with the alias depth and walk order
    /// (the uses of an alias are listed after those of the name it aliases).
    uses: Vec<Vec<(usize, usize, Use)>>,
    /// Per client: some use could not be judged (a mention the walk does
    /// not see, as an inline format argument or in an unparsed macro, or
    /// aliases too deep).
    unknown: Vec<bool>,
    /// How many expressions the walk has passed.
    walked: usize,
    /// Per client: the field of the wrapper of this file it would be
    /// stored in, when that wrapper bounds every request itself.
    wrappers: Vec<Option<WrapperField>>,
}

/// What a followed name holds.
#[derive(Clone, Copy, PartialEq)]
enum Followed {
    /// The client, or an alias of it.
    Client,
    /// The future of one request sent with it.
    RequestFuture,
}

/// A name a client, or a request sent with it, is bound to.
struct Tracked {
    client: usize,
    followed: Followed,
    name: String,
    /// How many aliases away from the client's own binding.
    depth: usize,
    /// How many of its mentions the walk has not reached yet.
    unseen: usize,
}

impl LocalClients {
    /// A client, reported by `finding` unless its uses excuse it;
    /// `wrapper`: the field of a wrapper of this file that bounds every
    /// request, which would hold it (see [`kept_in_timed_field`]). Its
    /// names are then given to [`Self::follow`].
    fn add(&mut self, finding: Finding, wrapper: Option<WrapperField>) -> usize {
        let client = self.findings.len();
        self.findings.push(finding);
        self.wrappers.push(wrapper);
        self.uses.push(Vec::new());
        self.unknown.push(false);
        client
    }

    /// Judges the `mentions` of `name`, which holds `followed` of `client`.
    fn follow(
        &mut self,
        client: usize,
        followed: Followed,
        name: String,
        mentions: Vec<TokenPos>,
        depth: usize,
    ) {
        if depth > MAX_ALIAS_DEPTH {
            self.unknown[client] = true;
            return;
        }
        let index = self.tracked.len();
        self.tracked.push(Tracked {
            client,
            followed,
            name,
            depth,
            unseen: mentions.len(),
        });
        for m in mentions {
            self.wanted.entry(m).or_default().push(index);
        }
    }

    /// Judges `expr` if it is a mention of a followed name.
    fn visit<'v>(
        &mut self,
        ctx: &'v FileContext<'_>,
        expr: &'v syn::Expr,
        ancestors: &[Node<'v>],
        options: &LintOptions,
    ) {
        self.walked += 1;
        let syn::Expr::Path(p) = expr else { return };
        let Some(ident) = p.path.get_ident().filter(|_| p.qself.is_none()) else {
            return;
        };
        let Some(followed) = self.wanted.remove(&ident.span().start()) else {
            return;
        };
        for index in followed {
            let t = &mut self.tracked[index];
            if *ident != t.name {
                continue;
            }
            t.unseen -= 1;
            let (client, depth) = (t.client, t.depth);
            let used = match t.followed {
                Followed::Client => classify_use(ctx, expr, ancestors, options),
                Followed::RequestFuture if bounded_by_deadline(ctx, expr, ancestors, options) => {
                    Use::Timed
                }
                Followed::RequestFuture => Use::Untimed(ctx.span_of(expr)),
            };
            match used {
                Use::Alias { name, mentions } => {
                    self.follow(client, Followed::Client, name, mentions, depth + 1);
                }
                Use::RequestFuture { name, mentions } => {
                    self.follow(client, Followed::RequestFuture, name, mentions, depth + 1);
                }
                other => self.uses[client].push((depth, self.walked, other)),
            }
        }
    }

    /// Reports the clients some use of which is not a timed request.
    fn judge(self, findings: &mut Vec<Finding>) {
        let mut unknown = self.unknown;
        for t in self.tracked.iter().filter(|t| t.unseen > 0) {
            unknown[t.client] = true;
        }
        let clients = self.findings.into_iter().zip(self.uses).zip(unknown);
        for (((mut finding, mut uses), unknown), wrapper) in clients.zip(self.wrappers) {
            uses.sort_by_key(|(depth, order, _)| (*depth, *order));
            let timed = uses
                .iter()
                .filter(|(_, _, u)| matches!(u, Use::Timed))
                .count();
            if !unknown && timed == uses.len() {
                continue;
            }
            // Every request here is timed, and the client leaves only for
            // the wrapper that times every request it makes.
            let untimed_here = uses.iter().any(|(_, _, u)| matches!(u, Use::Untimed(..)));
            if let (Some(wrapper), false, false) = (wrapper, unknown, untimed_here) {
                findings.extend(wrapper.holds(finding));
                continue;
            }
            // Every request here is timed, and the client leaves only into
            // one struct field: the crate's requests through it decide.
            let mut fields = uses.iter().filter_map(|(_, _, u)| match u {
                Use::Stored(field, _) => Some(field),
                _ => None,
            });
            if let (Some(field), false) = (fields.next(), unknown) {
                let elsewhere = |u: &Use| {
                    !matches!(u, Use::Timed) && !matches!(u, Use::Stored(f, _) if f == field)
                };
                if !uses.iter().any(|(_, _, u)| elsewhere(u)) {
                    finding = kept_unless_timed_through(finding, field.clone());
                }
            }
            if timed > 0 {
                for (_, _, u) in &uses {
                    finding = match *u {
                        Use::Untimed(span) => finding.note(span, "this request sets no `.timeout(…)` of its own"),
                        Use::Escapes(span) | Use::Stored(_, span) => finding.note(
                            span,
                            "the client leaves this function here, so requests made with it elsewhere are not bounded by the per-request timeouts",
                        ),
                        Use::Timed | Use::Alias { .. } | Use::RequestFuture { .. } => finding,
                    };
                }
            }
            findings.push(finding);
        }
    }
}
