use crate::context::races::Race;
use crate::{FileContext, Finding, LintOptions};

crate::declare_lint! {
    /// ### What it does
    /// Flags HTTP clients and requests that have no overall timeout:
    /// `reqwest::Client::new()` (and `Client::default()`), a
    /// `reqwest::Client::builder()` / `reqwest::ClientBuilder::new()` chain
    /// ending in `.build()` with no `.timeout(…)` in it, `reqwest::get(…)`
    /// (it uses a default client), `ureq::agent()`, and a `ureq::get(…)`
    /// (or `post`, `put`, `delete`, `head`, `patch`, `request`) request sent
    /// without a `.timeout…(…)` call on it. Builder chains are followed
    /// through `let` bindings of the same function
    /// (`let mut b = Client::builder(); b = b.user_agent(ua); b.build()`).
    ///
    /// ### Why is this bad
    /// reqwest's async client has no default timeout, and ureq's agent has
    /// no overall one: a peer that accepts the connection and then stalls
    /// holds the request, and the task or thread awaiting it, forever. It is
    /// Go's `http.Client{}` without `Timeout`. `connect_timeout` and
    /// `read_timeout` alone do not bound a response that trickles in.
    ///
    /// ### Known problems
    /// leaklint has no types: a client built by another function, a builder
    /// taken as a parameter, lent out (`&mut builder`) or reassigned from an
    /// unknown value is not judged, and any `.timeout(…)` call on the
    /// builder's bindings anywhere in the function counts, even in a branch
    /// (`if let Some(t) = cfg.timeout { b = b.timeout(t) }`). Per-request
    /// timeouts (`client.get(url).timeout(d)`) do not excuse a client built
    /// without one: other requests on it are unbounded. `reqwest::get(…)`
    /// written directly inside the future given to `tokio::time::timeout(…)`
    /// is bounded and not reported. `reqwest::blocking` (30 s default) is
    /// left alone. For ureq, any method whose name starts with `timeout`
    /// counts (`timeout`, `timeout_read`, ureq 3's `timeout_global`), and a
    /// request is only judged when it is sent (`.call()`, `.send…(…)`) in the
    /// same function; `ureq::AgentBuilder` chains are not judged.
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
    pub HTTP_CLIENT_WITHOUT_TIMEOUT,
    name: "http_client_without_timeout",
    level: Warn,
    summary: "an HTTP client or request has no overall timeout, so a stalled peer hangs it forever",
    trigger_words: &[
        "Client", "ClientBuilder", "get", "agent", "post", "put", "delete", "head",
        "patch", "request",
    ],
    // The crates the constructors resolve to.
    requires: &[&["reqwest", "ureq"]],
    check: check,
}

const CLIENT_NEW: &[&str] = &["reqwest::Client::new", "reqwest::Client::default"];
const CLIENT_BUILDERS: &[&str] = &["reqwest::Client::builder", "reqwest::ClientBuilder::new"];
const REQWEST_GET: &[&str] = &["reqwest::get"];
const UREQ_AGENT: &[&str] = &["ureq::agent"];
const UREQ_REQUESTS: &[&str] = &[
    "ureq::get",
    "ureq::post",
    "ureq::put",
    "ureq::delete",
    "ureq::head",
    "ureq::patch",
    "ureq::request",
];
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

const REQWEST_HELP: &str =
    "build the client with `reqwest::Client::builder().timeout(…)` so every request is bounded";
const UREQ_HELP: &str = "give the agent or the request a timeout (`AgentBuilder::timeout(…)` / `.timeout(…)` in ureq 2, `timeout_global` in ureq 3)";

fn check(ctx: &FileContext<'_>, options: &LintOptions) -> Vec<Finding> {
    let name = HTTP_CLIENT_WITHOUT_TIMEOUT.name;
    let mut findings = Vec::new();
    ctx.walk_exprs(|expr, ancestors| match expr {
        syn::Expr::Call(call) if call.args.is_empty() && ctx.callee_is(&call.func, CLIENT_NEW) => {
            findings.push(
                Finding::new(name, ctx.span_of(expr), "reqwest client created without a timeout")
                    .note_plain("reqwest's async client has no default timeout: a stalled server holds a request forever")
                    .help(REQWEST_HELP),
            );
        }
        syn::Expr::Call(call) if call.args.len() == 1 && ctx.callee_is(&call.func, REQWEST_GET) => {
            if let Some(Race::Timeout(_)) = ctx.enclosing_race(expr, ancestors, options) {
                return;
            }
            findings.push(
                Finding::new(name, ctx.span_of(expr), "`reqwest::get` sends the request with a default client that has no timeout")
                    .note_plain("a stalled server holds this request, and the task awaiting it, forever")
                    .help("send it with a client built with `.timeout(…)`, or wrap it in `tokio::time::timeout`"),
            );
        }
        syn::Expr::Call(call) if call.args.is_empty() && ctx.callee_is(&call.func, UREQ_AGENT) => {
            findings.push(
                Finding::new(name, ctx.span_of(expr), "`ureq::agent()` creates an agent without an overall timeout")
                    .note_plain("requests on this agent can hang forever on a stalled server")
                    .help(UREQ_HELP),
            );
        }
        syn::Expr::MethodCall(m) if m.method == "build" && m.args.is_empty() => {
            let Some(builder) = ctx.builder_origin(&m.receiver, ancestors, CLIENT_BUILDERS) else {
                return;
            };
            if builder.calls_named("timeout").next().is_some() {
                return;
            }
            let mut finding = Finding::new(name, ctx.span_of(expr), "reqwest client built without `.timeout(…)`");
            if !builder.bindings.is_empty() {
                finding = finding.note(ctx.span_of(builder.constructor), "the builder starts here; no `.timeout(…)` is set on it in this function");
            }
            let partial = builder
                .calls
                .iter()
                .find(|c| c.method == "connect_timeout" || c.method == "read_timeout");
            finding = match partial {
                Some(c) if c.method == "connect_timeout" => finding.note(
                    ctx.span(c.method.span()),
                    "`connect_timeout` only bounds connecting: a server that accepts and then stalls holds the request forever",
                ),
                Some(c) => finding.note(
                    ctx.span(c.method.span()),
                    "`read_timeout` bounds each read, not the whole request: a server that trickles its response holds it forever",
                ),
                None => finding.note_plain("reqwest's async client has no default timeout: a stalled server holds a request forever"),
            };
            findings.push(finding.help("add `.timeout(…)` to the builder"));
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
    });
    findings
}
