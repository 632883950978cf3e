//! "Can this future be dropped before it completes?" — code that runs inside
//! the future given to `tokio::time::timeout(…)` or inside a `select!`
//! branch future, where losing the race drops the future mid-flight.

use syn::Expr;

use super::{FileContext, Node};
use crate::macros::MacroBody;
use crate::LintOptions;

pub use super::paths::TIMEOUT_CALLS;

/// What can drop a future before it completes.
#[derive(Debug, Clone, Copy)]
pub enum Race<'v> {
    /// The future is the last argument of this `timeout(…)` / `timeout_at(…)` call.
    Timeout(&'v syn::ExprCall),
    /// The future is a branch future of this `select!` invocation.
    Select(&'v syn::Macro),
}

impl<'a> FileContext<'a> {
    /// The innermost timeout call or `select!` whose raced future contains
    /// the expression with the given ancestors (the expression is part of
    /// the future, syntactically, in the same fn). A spawn call in between
    /// ends the search: a spawned task is not dropped with the future.
    pub fn enclosing_race<'v>(
        &'v self,
        expr: &'v Expr,
        ancestors: &[Node<'v>],
        options: &LintOptions,
    ) -> Option<Race<'v>> {
        let mut child: &'v Expr = expr;
        for (i, node) in ancestors.iter().enumerate().rev() {
            match node {
                Node::Expr(parent) => {
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
                node if node.is_item() => return None,
                _ => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What races each `target()` call of `body`, in order.
    fn races(body: &str) -> Vec<&'static str> {
        let src = format!("use tokio::time::timeout; async fn f() {{ {body} }}");
        let file = syn::parse_file(&src).unwrap();
        let ctx = FileContext::new(&file, &src);
        let mut out = Vec::new();
        ctx.walk_exprs(|expr, ancestors| {
            if ctx.is_call_to(expr, &["target"]) {
                out.push(
                    match ctx.enclosing_race(expr, ancestors, &LintOptions::default()) {
                        Some(Race::Timeout(_)) => "timeout",
                        Some(Race::Select(_)) => "select",
                        None => "none",
                    },
                );
            }
        });
        out
    }

    #[test]
    fn finds_timeouts_and_select_branches() {
        assert_eq!(races("timeout(d, target()).await;"), ["timeout"]);
        assert_eq!(
            races("timeout(d, async { target().await }).await;"),
            ["timeout"]
        );
        assert_eq!(races("timeout(target(), f()).await;"), ["none"]);
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
}
