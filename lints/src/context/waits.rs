//! "Does this call wait?": the calls that make a thread or task wait for
//! something (a sleep, a park, a blocking receive, a condvar, blocking I/O),
//! by name. `busy_poll_loop` asks it of the path back to a poll, in the
//! loop and in the crate's sync helpers ([`super::follow::FnFacts::waits`]).

use super::FileContext;
use syn::Expr;

/// Method calls that block or wait.
pub const WAIT_METHODS: &[&str] = &[
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

/// The methods of [`WAIT_METHODS`] that wait whatever their receiver is
/// (`join`, `read`, `select`, `poll` are also the names of calls that do
/// not: a string's `join`, a parser's `read`). A crate's helper is taken
/// for one that waits only by these ([`FileContext::block_surely_waits`]):
/// a guess there would silence a busy loop anywhere in the crate.
pub const SURE_WAIT_METHODS: &[&str] = &[
    "recv",
    "recv_timeout",
    "recv_deadline",
    "blocking_recv",
    "wait",
    "wait_timeout",
    "wait_timeout_ms",
    "wait_while",
    "wait_timeout_while",
];

/// Last path segments of calls that wait (`std::thread::sleep`, `tokio::task::yield_now`, …).
pub const WAIT_FNS: &[&str] = &[
    "sleep",
    "sleep_ms",
    "yield_now",
    "park",
    "park_timeout",
    "block_on",
];

/// Whether a call of the free fn `name` with `args` arguments waits: one of
/// [`WAIT_FNS`], or a `poll` with a timeout (crossterm's `event::poll(d)`,
/// `libc::poll(fds, n, ms)`, `nix::poll::poll(fds, t)` block up to it).
pub fn fn_waits(name: &str, args: usize) -> bool {
    WAIT_FNS.contains(&name) || (name == "poll" && args > 0)
}

impl FileContext<'_> {
    /// Whether `e` is a call that waits by its name: a free fn of
    /// [`fn_waits`] (resolved through imports) or a method of
    /// [`WAIT_METHODS`].
    pub fn call_waits(&self, e: &Expr) -> bool {
        match e {
            Expr::Call(c) => match &*c.func {
                Expr::Path(p) => self
                    .resolved_name(&p.path)
                    .is_some_and(|name| fn_waits(&name, c.args.len())),
                _ => false,
            },
            Expr::MethodCall(m) => WAIT_METHODS.contains(&m.method.to_string().as_str()),
            _ => false,
        }
    }

    /// Whether `block` makes a call that surely waits on some path: a free
    /// fn of [`fn_waits`] or a method of [`SURE_WAIT_METHODS`], outside the
    /// closures and async blocks in it (code that runs later, or
    /// elsewhere).
    pub fn block_surely_waits(&self, block: &syn::Block) -> bool {
        let surely = |e: &Expr| match e {
            Expr::MethodCall(m) => SURE_WAIT_METHODS.contains(&m.method.to_string().as_str()),
            _ => self.call_waits(e),
        };
        self.any_expr_now(block, surely)
    }
}
