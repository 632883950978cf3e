//! "Can this future be dropped before it completes?" — code that runs inside
//! the future given to `tokio::time::timeout(…)` or inside a `select!`
//! branch future, where losing the race drops the future mid-flight.

use syn::spanned::Spanned;
use syn::Expr;

use super::{FileContext, Node};
use crate::macros::MacroBody;
use crate::LintOptions;

use super::paths::DEADLINE_TIMERS;
pub use super::paths::TIMEOUT_CALLS;

/// What can drop a future before it completes.
#[derive(Debug, Clone, Copy)]
pub enum Race<'v> {
    /// The future is the last argument of this `timeout(…)` / `timeout_at(…)` call.
    Timeout(&'v syn::ExprCall),
    /// The future is a branch future of this `select!` invocation.
    Select(&'v syn::Macro),
}

impl Race<'_> {
    /// Where the race starts: its `timeout` path or its `select!` path.
    pub fn start(&self) -> proc_macro2::LineColumn {
        let first = match self {
            Race::Timeout(call) => call.func.span(),
            Race::Select(mac) => mac.path.span(),
        };
        first.start()
    }
}

impl<'a> FileContext<'a> {
    /// The innermost timeout call or `select!` whose raced future contains
    /// the expression with the given ancestors (the expression is part of
    /// the future, syntactically, in the same fn, or of a future bound to a
    /// name that the fn races by value: `let fut = cmd.status();
    /// timeout(d, fut)`). A spawn call in between ends the search: a
    /// spawned task is not dropped with the future.
    pub fn enclosing_race<'v>(
        &'v self,
        expr: &'v Expr,
        ancestors: &[Node<'v>],
        options: &LintOptions,
    ) -> Option<Race<'v>> {
        let mut child: &'v Expr = expr;
        // Whether `child` is the output of an `.await` or `?` around `expr`,
        // not a future that holds it.
        let mut output = false;
        for (i, node) in ancestors.iter().enumerate().rev() {
            match node {
                Node::Expr(parent) => {
                    // An async block is a future again, whatever it awaits.
                    output = match parent {
                        Expr::Async(_) => false,
                        Expr::Await(_) | Expr::Try(_) => true,
                        _ => output,
                    };
                    if let Expr::Call(call) = parent {
                        if self.callee_is(&call.func, TIMEOUT_CALLS)
                            && call.args.last().is_some_and(|a| std::ptr::eq(a, child))
                        {
                            return Some(Race::Timeout(call));
                        }
                    }
                    if self.spawn_call(parent, &ancestors[..i], options).is_some() {
                        return None;
                    }
                    child = parent;
                }
                Node::Macro(mac) => {
                    if let MacroBody::Select(select) = self.macro_body(mac) {
                        if select
                            .branches
                            .iter()
                            .any(|b| std::ptr::eq(&b.future, child))
                        {
                            return Some(Race::Select(mac));
                        }
                    }
                }
                // `let fut = cmd.status(); timeout(d, fut).await`: the
                // bound future is raced where its name is given by value.
                Node::Local(local) => {
                    let whole_init =
                        (local.init.as_ref()).is_some_and(|i| std::ptr::eq(&*i.expr, child));
                    let name = super::bindings::pat_ident(&local.pat);
                    if let (true, Some(name)) = (whole_init && !output, name) {
                        if let Some(race) = self.race_of_bound_future(name, &ancestors[..i]) {
                            return Some(race);
                        }
                    }
                }
                node if node.is_item() => return None,
                _ => {}
            }
        }
        None
    }

    /// The timeout call or `select!` of the fn around `ancestors` that
    /// races the future bound to `name`, given by value (`timeout(d, fut)`,
    /// `_ = fut => …`).
    fn race_of_bound_future<'v>(
        &'v self,
        name: &syn::Ident,
        ancestors: &[Node<'v>],
    ) -> Option<Race<'v>> {
        struct Finder<'v, 'n> {
            ctx: &'v FileContext<'v>,
            name: &'n syn::Ident,
            found: Option<Race<'v>>,
        }
        impl<'v> Finder<'v, '_> {
            fn names_it(&self, e: &Expr) -> bool {
                matches!(e, Expr::Path(p) if p.qself.is_none() && p.path.is_ident(self.name))
            }
        }
        impl<'v> syn::visit::Visit<'v> for Finder<'v, '_> {
            fn visit_expr_call(&mut self, call: &'v syn::ExprCall) {
                if self.found.is_none()
                    && self.ctx.callee_is(&call.func, TIMEOUT_CALLS)
                    && call.args.last().is_some_and(|a| self.names_it(a))
                {
                    self.found = Some(Race::Timeout(call));
                }
                syn::visit::visit_expr_call(self, call);
            }
            fn visit_macro(&mut self, mac: &'v syn::Macro) {
                if let MacroBody::Select(select) = self.ctx.macro_body(mac) {
                    if self.found.is_none()
                        && select.branches.iter().any(|b| self.names_it(&b.future))
                    {
                        self.found = Some(Race::Select(mac));
                    }
                }
                self.ctx.visit_macro_body(mac, self);
            }
            // A closure or a nested fn is not this fn's code.
            fn visit_expr_closure(&mut self, _: &'v syn::ExprClosure) {}
            fn visit_item(&mut self, _: &'v syn::Item) {}
        }
        let body = super::threads::enclosing_fn_body(ancestors)?;
        let mut finder = Finder {
            ctx: self,
            name,
            found: None,
        };
        syn::visit::Visit::visit_block(&mut finder, body);
        finder.found
    }

    /// Whether the expression with the given ancestors is bounded in time
    /// by the race around it: it is part of the future given to
    /// `timeout(…)`, or of a `select!` branch raced against a one-shot
    /// timer (`_ = sleep(d) => return Err(Timeout)`).
    pub fn under_deadline<'v>(
        &'v self,
        expr: &'v Expr,
        ancestors: &[Node<'v>],
        options: &LintOptions,
    ) -> bool {
        match self.enclosing_race(expr, ancestors, options) {
            Some(Race::Timeout(_)) => true,
            Some(Race::Select(mac)) => match self.macro_body(mac) {
                MacroBody::Select(select) => select
                    .branches
                    .iter()
                    .any(|b| self.is_deadline_timer(&b.future)),
                _ => false,
            },
            None => false,
        }
    }

    /// A one-shot timer made in the branch: `sleep(d)`, `sleep_until(t)`, ….
    fn is_deadline_timer(&self, future: &Expr) -> bool {
        match future {
            Expr::Call(call) => self.callee_is(&call.func, DEADLINE_TIMERS),
            Expr::Paren(p) => self.is_deadline_timer(&p.expr),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `judge` says of each `target()` call of `body`, in order.
    fn at_targets<T>(
        body: &str,
        judge: impl Fn(&FileContext<'_>, &Expr, &[Node<'_>]) -> T,
    ) -> Vec<T> {
        let src = format!("use tokio::time::{{sleep, timeout}}; async fn f() {{ {body} }}");
        let file = syn::parse_file(&src).unwrap();
        let ctx = FileContext::new(&file, &src);
        let mut out = Vec::new();
        ctx.walk_exprs(|expr, ancestors| {
            if ctx.is_call_to(expr, &["target"]) {
                out.push(judge(&ctx, expr, ancestors));
            }
        });
        out
    }

    /// What races each `target()` call of `body`, in order.
    fn races(body: &str) -> Vec<&'static str> {
        at_targets(body, |ctx, expr, ancestors| {
            match ctx.enclosing_race(expr, ancestors, &LintOptions::default()) {
                Some(Race::Timeout(_)) => "timeout",
                Some(Race::Select(_)) => "select",
                None => "none",
            }
        })
    }

    #[test]
    fn finds_timeouts_and_select_branches() {
        assert_eq!(races("timeout(d, target()).await;"), ["timeout"]);
        assert_eq!(
            races("timeout(d, async { target().await }).await;"),
            ["timeout"]
        );
        assert_eq!(races("timeout(target(), f()).await;"), ["none"]);
        // A future bound to a name, then raced by value.
        assert_eq!(
            races("let fut = target(); timeout(d, fut).await;"),
            ["timeout"]
        );
        assert_eq!(
            races("let fut = target(); tokio::select! { _ = fut => {}, _ = sleep(d) => {} }"),
            ["select"]
        );
        assert_eq!(races("let fut = target(); fut.await;"), ["none"]);
        assert_eq!(
            races("let fut = target(); timeout(d, other).await;"),
            ["none"]
        );
        assert_eq!(
            races("let fut = target()?; timeout(d, fut).await;"),
            ["none"]
        );
        assert_eq!(
            races("let out = target().await; timeout(d, out).await;"),
            ["none"]
        );
        assert_eq!(
            races("let fut = async { target().await? }; timeout(d, fut).await;"),
            ["timeout"]
        );
        assert_eq!(
            races("tokio::select! { _ = target() => {}, _ = g() => { target(); } }"),
            ["select", "none"]
        );
        assert_eq!(
            races("timeout(d, async { tokio::spawn(async { target() }) }).await;"),
            ["none"]
        );
        assert_eq!(races("target().await;"), ["none"]);
    }

    /// Whether each `target()` call of `body` is under a deadline.
    fn deadlines(body: &str) -> Vec<bool> {
        at_targets(body, |ctx, expr, ancestors| {
            ctx.under_deadline(expr, ancestors, &LintOptions::default())
        })
    }

    #[test]
    fn a_select_branch_raced_against_a_sleep_is_under_a_deadline() {
        assert_eq!(deadlines("timeout(d, target()).await;"), [true]);
        assert_eq!(
            deadlines("tokio::select! { r = target() => r, _ = sleep(d) => return }"),
            [true]
        );
        assert_eq!(
            deadlines(
                "tokio::select! { r = target() => r, _ = (tokio::time::sleep_until(t)) => return }"
            ),
            [true]
        );
        // Raced only against cancellation, or against a sleep made elsewhere.
        assert_eq!(
            deadlines("tokio::select! { r = target() => r, _ = token.cancelled() => return }"),
            [false]
        );
        assert_eq!(
            deadlines("tokio::select! { r = target() => r, _ = &mut sleeper => return }"),
            [false]
        );
        // The handler of the sleep branch is not raced.
        assert_eq!(
            deadlines("tokio::select! { _ = g() => {}, _ = sleep(d) => { target().await; } }"),
            [false]
        );
    }
}
