//! Who calls whom, as far as "reached only from `main`" needs it.
//!
//! A rule sees one file. Whether a fn runs once for the process (a task it
//! spawns is a process-lifetime worker) or on the main thread (a blocking
//! call in it stalls no runtime worker) depends on every caller in the
//! crate, which only the driver sees. Each file contributes a
//! [`CallSummary`]: its entry points and, for every call or mention of a
//! name, where it happens. The driver combines the summaries of a crate
//! with [`reached_from_main`].
//!
//! Precision first, in the direction that keeps findings: fns are matched
//! by name only, so every call of any fn or method with the same name counts
//! as a caller (a call that is not the right one can only keep a finding);
//! a name mentioned other than as a callee (`spawn(run)`, `.map(handle)`, a
//! macro leaklint cannot read) makes its callers unknown; a fn with no
//! caller is reached from nowhere. Test code calls nothing.

use std::collections::{BTreeMap, BTreeSet};

use syn::visit::Visit;
use syn::Expr;

use super::{imports, scope, FileContext, Node};
use crate::macros::MacroBody;

/// What one file says about calls (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallSummary {
    /// Entry points: `main` at the top of the file or a `#[…::main]` fn,
    /// with whether it runs a current-thread runtime.
    pub mains: Vec<(String, bool)>,
    /// Every call, by the callee's last name.
    pub calls: Vec<CallSite>,
    /// Names mentioned other than as a callee.
    pub opaque: BTreeSet<String>,
}

/// One call of a fn or method by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallSite {
    /// The last segment of the callee's path, or the method name.
    pub callee: String,
    /// Where the call is.
    pub caller: Caller,
    /// Whether it runs at most once per run of the caller: not in a loop,
    /// nor in a closure other than one given to a spawn or `block_on`.
    pub once: bool,
    /// Which thread it runs on, relative to its caller.
    pub thread: SiteThread,
}

/// The code a call is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    /// A fn or method, by name.
    Fn(String),
    /// A static's initializer (`static`, `lazy_static!`, `thread_local!`).
    Static,
    /// Anything else (a const, a trait's default method…).
    Unknown,
}

/// The thread a call runs on, relative to its caller's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteThread {
    /// The caller's thread.
    Caller,
    /// A thread blocking on its own runtime: the call is in the future given
    /// to `block_on` from sync code.
    Main,
    /// A runtime worker: the call is in a spawned task or a closure whose
    /// runner is unknown.
    Worker,
}

impl<'a> FileContext<'a> {
    /// This file's [`CallSummary`].
    pub fn call_summary(&self) -> CallSummary {
        let mut summary = CallSummary::default();
        for item in &self.file.items {
            if let syn::Item::Fn(f) = item {
                if (f.sig.ident == "main" || scope::has_main_attr(&f.attrs))
                    && !self.in_test_code(self.span_of(&f.sig.ident))
                {
                    summary.mains.push((
                        imports::unraw(&f.sig.ident),
                        scope::main_is_current_thread(&f.attrs) || builds_current_thread(&f.block),
                    ));
                }
            }
        }
        self.walk_exprs(|expr, ancestors| {
            if self.in_test_code(self.span_of(expr)) {
                return;
            }
            match expr {
                Expr::Call(call) => {
                    if let Expr::Path(p) = &*call.func {
                        if let Some(last) = p.path.segments.last() {
                            summary.calls.push(self.call_site(
                                imports::unraw(&last.ident),
                                expr,
                                ancestors,
                            ));
                        }
                    }
                }
                Expr::MethodCall(m) => {
                    summary
                        .calls
                        .push(self.call_site(imports::unraw(&m.method), expr, ancestors));
                }
                Expr::Path(p) => {
                    let is_callee = matches!(ancestors.last(),
                        Some(Node::Expr(Expr::Call(c))) if std::ptr::eq(&*c.func, expr));
                    if !is_callee {
                        if let Some(last) = p.path.segments.last() {
                            summary.opaque.insert(imports::unraw(&last.ident));
                        }
                    }
                }
                _ => {}
            }
        });
        // Macros leaklint does not parse may call anything they name.
        let mut unread = UnreadMacros {
            ctx: self,
            names: &mut summary.opaque,
        };
        unread.visit_file(self.file);
        summary
    }

    fn call_site<'v>(&self, callee: String, expr: &'v Expr, ancestors: &[Node<'v>]) -> CallSite {
        let mut once = true;
        let mut thread = SiteThread::Caller;
        let mut child: Node<'v> = Node::Expr(expr);
        for node in ancestors.iter().rev() {
            match node {
                Node::Expr(Expr::Loop(_) | Expr::While(_)) => once = false,
                Node::Expr(Expr::ForLoop(f)) if !matches!(child, Node::Expr(c) if std::ptr::eq(c, &*f.expr)) => {
                    once = false
                }
                Node::Expr(call @ (Expr::Call(_) | Expr::MethodCall(_))) => {
                    if let Some(name) = runner_of_argument(call, child) {
                        if name == "block_on" {
                            if thread == SiteThread::Caller {
                                thread = SiteThread::Main;
                            }
                        } else if name.contains("spawn") {
                            // A spawned task or thread runs its code once,
                            // elsewhere than its caller's thread.
                            if thread == SiteThread::Caller {
                                thread = SiteThread::Worker;
                            }
                        } else if runs_closure_once(call) {
                            // `Lazy::new(|| …)`, `get_or_init(|| …)`: once,
                            // on whichever thread gets there first.
                            if thread == SiteThread::Caller {
                                thread = SiteThread::Worker;
                            }
                        } else if matches!(child, Node::Expr(Expr::Closure(_))) {
                            // A closure given to anything else may run any
                            // number of times, anywhere.
                            once = false;
                            if thread == SiteThread::Caller {
                                thread = SiteThread::Worker;
                            }
                        }
                    }
                }
                // A closure given to a call is judged by that call; one bound
                // to a name or returned runs when someone decides.
                Node::Expr(Expr::Closure(_))
                    if !matches!(ancestors_parent_is_call(ancestors, node), Some(true)) =>
                {
                    once = false;
                    if thread == SiteThread::Caller {
                        thread = SiteThread::Worker;
                    }
                }
                Node::ItemFn(f) => {
                    return CallSite {
                        callee,
                        caller: Caller::Fn(imports::unraw(&f.sig.ident)),
                        once,
                        thread,
                    }
                }
                Node::ImplFn(f) => {
                    return CallSite {
                        callee,
                        caller: Caller::Fn(imports::unraw(&f.sig.ident)),
                        once,
                        thread,
                    }
                }
                Node::Static(_) => {
                    return CallSite {
                        callee,
                        caller: Caller::Static,
                        once,
                        thread,
                    }
                }
                Node::Macro(m)
                    if m.path
                        .segments
                        .last()
                        .is_some_and(|s| s.ident == "lazy_static" || s.ident == "thread_local") =>
                {
                    return CallSite {
                        callee,
                        caller: Caller::Static,
                        once,
                        thread,
                    }
                }
                Node::TraitFn(_) | Node::Const(_) => break,
                _ => {}
            }
            child = *node;
        }
        CallSite {
            callee,
            caller: Caller::Unknown,
            once,
            thread,
        }
    }
}

/// Whether the closure `node` is directly an argument of a call (then that
/// call decides how it runs).
fn ancestors_parent_is_call(ancestors: &[Node<'_>], node: &Node<'_>) -> Option<bool> {
    let index = ancestors.iter().position(
        |n| matches!((n, node), (Node::Expr(a), Node::Expr(b)) if std::ptr::eq(*a, *b)),
    )?;
    let parent = index.checked_sub(1).map(|i| ancestors[i])?;
    Some(match (parent, node) {
        (Node::Expr(Expr::Call(c)), Node::Expr(e)) => c.args.iter().any(|a| std::ptr::eq(a, *e)),
        (Node::Expr(Expr::MethodCall(m)), Node::Expr(e)) => {
            m.args.iter().any(|a| std::ptr::eq(a, *e))
        }
        _ => false,
    })
}

/// The last name of the call `call` when `child` is one of its arguments.
fn runner_of_argument(call: &Expr, child: Node<'_>) -> Option<String> {
    let Node::Expr(child) = child else {
        return None;
    };
    match call {
        Expr::Call(c) if c.args.iter().any(|a| std::ptr::eq(a, child)) => match &*c.func {
            Expr::Path(p) => p.path.segments.last().map(|s| imports::unraw(&s.ident)),
            _ => None,
        },
        Expr::MethodCall(m) if m.args.iter().any(|a| std::ptr::eq(a, child)) => {
            Some(imports::unraw(&m.method))
        }
        _ => None,
    }
}

/// Whether `call` runs the closure it is given at most once: a lazy
/// value's constructor or a once-cell's initializer.
fn runs_closure_once(call: &Expr) -> bool {
    match call {
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => {
                let names: Vec<String> = p
                    .path
                    .segments
                    .iter()
                    .map(|s| s.ident.to_string())
                    .collect();
                matches!(
                    names.as_slice(),
                    [.., ty, new] if new == "new" && matches!(ty.as_str(), "Lazy" | "LazyLock" | "LazyCell")
                )
            }
            _ => false,
        },
        Expr::MethodCall(m) => {
            let name = m.method.to_string();
            name.starts_with("get_or_init")
                || name.starts_with("get_or_try_init")
                || name.starts_with("call_once")
        }
        _ => false,
    }
}

/// Whether a fn body builds a current-thread runtime (whose only worker is
/// the thread that blocks on it).
fn builds_current_thread(block: &syn::Block) -> bool {
    struct Finder(bool);
    impl<'v> Visit<'v> for Finder {
        fn visit_ident(&mut self, i: &'v proc_macro2::Ident) {
            self.0 |= i == "new_current_thread";
        }
        fn visit_macro(&mut self, m: &'v syn::Macro) {
            self.0 |= m.tokens.to_string().contains("new_current_thread");
        }
    }
    let mut f = Finder(false);
    f.visit_block(block);
    f.0
}

/// Collects the identifiers in macros whose bodies were not parsed.
struct UnreadMacros<'c, 'a, 'n> {
    ctx: &'c FileContext<'a>,
    names: &'n mut BTreeSet<String>,
}

impl<'v> Visit<'v> for UnreadMacros<'_, '_, '_> {
    fn visit_macro(&mut self, mac: &'v syn::Macro) {
        match self.ctx.macro_body(mac) {
            MacroBody::Tokens => collect_idents(mac.tokens.clone(), self.names),
            _ => self.ctx.visit_macro_body(mac, self),
        }
    }
}

fn collect_idents(tokens: proc_macro2::TokenStream, names: &mut BTreeSet<String>) {
    for token in tokens {
        match token {
            proc_macro2::TokenTree::Ident(i) => {
                names.insert(i.to_string().trim_start_matches("r#").to_string());
            }
            proc_macro2::TokenTree::Group(g) => collect_idents(g.stream(), names),
            _ => {}
        }
    }
}

/// The fns (by name) of a crate that are reached only from `main`:
/// `(once, main_thread)`, the names reached as [`crate::ReachKind::Once`]
/// and as [`crate::ReachKind::MainThread`].
pub fn reached_from_main<'s>(
    summaries: impl IntoIterator<Item = &'s CallSummary> + Clone,
) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut sites: BTreeMap<&str, Vec<&CallSite>> = BTreeMap::new();
    let mut opaque: BTreeSet<&str> = BTreeSet::new();
    let mut once: BTreeSet<String> = BTreeSet::new();
    let mut main_thread: BTreeSet<String> = BTreeSet::new();
    for summary in summaries.clone() {
        for site in &summary.calls {
            sites.entry(site.callee.as_str()).or_default().push(site);
        }
        opaque.extend(summary.opaque.iter().map(String::as_str));
        for (name, current_thread) in &summary.mains {
            once.insert(name.clone());
            if !*current_thread {
                main_thread.insert(name.clone());
            }
        }
    }
    // A `main` that something calls is not only an entry point.
    once.retain(|m| !sites.contains_key(m.as_str()));
    main_thread.retain(|m| !sites.contains_key(m.as_str()));
    let grow = |set: &mut BTreeSet<String>, ok: &dyn Fn(&CallSite, &BTreeSet<String>) -> bool| loop {
        let add: Vec<String> = sites
            .iter()
            .filter(|(name, calls)| {
                !set.contains(**name)
                    && !opaque.contains(**name)
                    && calls.iter().all(|site| ok(site, set))
            })
            .map(|(name, _)| name.to_string())
            .collect();
        if add.is_empty() {
            break;
        }
        set.extend(add);
    };
    grow(&mut once, &|site, set| {
        site.once
            && match &site.caller {
                Caller::Fn(f) => set.contains(f),
                Caller::Static => true,
                Caller::Unknown => false,
            }
    });
    grow(&mut main_thread, &|site, set| match site.thread {
        SiteThread::Main => true,
        SiteThread::Worker => false,
        SiteThread::Caller => matches!(&site.caller, Caller::Fn(f) if set.contains(f)),
    });
    (once, main_thread)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reached(sources: &[&str]) -> (BTreeSet<String>, BTreeSet<String>) {
        let files: Vec<syn::File> = sources
            .iter()
            .map(|s| syn::parse_file(s).unwrap())
            .collect();
        let summaries: Vec<CallSummary> = files
            .iter()
            .zip(sources)
            .map(|(f, s)| FileContext::new(f, s).call_summary())
            .collect();
        reached_from_main(&summaries)
    }

    fn set(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn chains_through_files_calls_and_awaits() {
        let (once, main_thread) = reached(&[
            "#[tokio::main] async fn main() { commands::run(args()).await; }",
            "pub async fn run(a: Args) { let s = Services::new(&a).await; s.start(); }",
            "impl Services { pub async fn new(a: &Args) -> Self { setup() } fn start(&self) {} }",
        ]);
        for name in ["run", "new", "start", "setup", "args"] {
            assert!(once.contains(name), "{name}: {once:?}");
            assert!(main_thread.contains(name), "{name}: {main_thread:?}");
        }
    }

    #[test]
    fn loops_closures_spawns_and_other_callers_break_the_chain() {
        let (once, main_thread) = reached(&["fn main() {
                loop { in_loop(); }
                items.iter().map(|i| in_closure(i));
                tokio::spawn(async { in_task().await });
                std::thread::spawn(|| in_thread());
                rt.block_on(async { on_runtime().await });
                also_elsewhere();
                recursive();
                let f = as_value;
            }
             fn other() { also_elsewhere(); }
             fn recursive() { recursive() }
             fn as_value() {}
             fn no_caller() {}"]);
        // Names of other crates' fns (`spawn`, `map`) are harmless members.
        for name in ["in_task", "in_thread", "main", "on_runtime"] {
            assert!(once.contains(name), "{name}: {once:?}");
        }
        for name in [
            "in_loop",
            "in_closure",
            "also_elsewhere",
            "recursive",
            "as_value",
            "no_caller",
        ] {
            assert!(!once.contains(name), "{name}: {once:?}");
        }
        for name in ["main", "on_runtime"] {
            assert!(main_thread.contains(name), "{name}: {main_thread:?}");
        }
        // A loop on the main thread is still on the main thread.
        assert!(main_thread.contains("in_loop"));
        for name in ["in_task", "in_thread", "in_closure", "also_elsewhere"] {
            assert!(!main_thread.contains(name), "{name}: {main_thread:?}");
        }
    }

    #[test]
    fn current_thread_mains_do_not_make_main_thread_code() {
        let (once, main_thread) = reached(&[
            "#[tokio::main(flavor = \"current_thread\")] async fn main() { serve().await }",
        ]);
        assert_eq!(once, set(&["main", "serve"]));
        assert!(main_thread.is_empty());
    }

    #[test]
    fn tests_call_nothing_and_unread_macros_hide_callers() {
        let (once, _) = reached(&["fn main() { start(); hidden(); }
             #[test] fn t() { start(); }
             fn elsewhere() { my_macro!(hidden); }"]);
        assert!(once.contains("start"));
        assert!(!once.contains("hidden"));
    }

    #[test]
    fn statics_are_process_lifetime_roots() {
        let (once, main_thread) =
            reached(&["static RT: Lazy<Runtime> = Lazy::new(|| build_runtime());"]);
        assert!(once.contains("build_runtime"), "{once:?}");
        assert!(!main_thread.contains("build_runtime"));
    }
}
