//! Identities of syntax nodes that do not depend on where the tree lives in
//! memory: the position of a token that belongs to that node alone, with
//! the node's kind.
//!
//! Every token of a file (and of a macro body, whose tokens keep their
//! spans when it is parsed) starts at its own place, so a token owned by
//! exactly one node names that node: the `(` of a call, the `.` of a method
//! call, the `loop` keyword, the `!` of a macro invocation. The kind is part
//! of the key because a few tokens open two nodes of different kinds (the
//! `{` of a block expression and of its block). This is the same choice
//! [`super::scopes`] makes for names ([`TokenPos`]). A key is cheap: it
//! never looks at the node's children.

use std::mem::Discriminant;

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::Expr;

use super::scopes::TokenPos;

/// The identity of an expression (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ExprKey {
    kind: Discriminant<Expr>,
    at: TokenPos,
}

/// The identity of `expr`.
pub fn expr_key(expr: &Expr) -> ExprKey {
    ExprKey {
        kind: std::mem::discriminant(expr),
        at: own_token(expr).start(),
    }
}

/// The identity of a macro invocation: where its `!` is.
pub fn macro_key(mac: &syn::Macro) -> TokenPos {
    mac.bang_token.span.start()
}

/// The identity of a block: where its `{` is.
pub fn block_key(block: &syn::Block) -> TokenPos {
    block.brace_token.span.open().start()
}

/// A token that belongs to `expr` and to none of its sub-expressions.
fn own_token(expr: &Expr) -> Span {
    match expr {
        Expr::Array(e) => e.bracket_token.span.open(),
        Expr::Assign(e) => e.eq_token.span,
        Expr::Async(e) => e.async_token.span,
        Expr::Await(e) => e.await_token.span,
        Expr::Binary(e) => e.op.span(),
        Expr::Block(e) => e.block.brace_token.span.open(),
        Expr::Break(e) => e.break_token.span,
        Expr::Call(e) => e.paren_token.span.open(),
        Expr::Cast(e) => e.as_token.span,
        Expr::Closure(e) => e.or1_token.span,
        Expr::Const(e) => e.const_token.span,
        Expr::Continue(e) => e.continue_token.span,
        Expr::Field(e) => e.dot_token.span,
        Expr::ForLoop(e) => e.for_token.span,
        Expr::Group(e) => e.group_token.span,
        Expr::If(e) => e.if_token.span,
        Expr::Index(e) => e.bracket_token.span.open(),
        Expr::Infer(e) => e.underscore_token.span,
        Expr::Let(e) => e.let_token.span,
        Expr::Lit(e) => e.lit.span(),
        Expr::Loop(e) => e.loop_token.span,
        Expr::Macro(e) => e.mac.bang_token.span,
        Expr::Match(e) => e.match_token.span,
        Expr::MethodCall(e) => e.dot_token.span,
        Expr::Paren(e) => e.paren_token.span.open(),
        Expr::Path(e) => match &e.qself {
            Some(q) => q.lt_token.span,
            None => e.path.span(),
        },
        Expr::Range(e) => e.limits.span(),
        Expr::RawAddr(e) => e.and_token.span,
        Expr::Reference(e) => e.and_token.span,
        Expr::Repeat(e) => e.bracket_token.span.open(),
        Expr::Return(e) => e.return_token.span,
        Expr::Struct(e) => e.brace_token.span.open(),
        Expr::Try(e) => e.question_token.span,
        Expr::TryBlock(e) => e.try_token.span,
        Expr::Tuple(e) => e.paren_token.span.open(),
        Expr::Unary(e) => e.op.span(),
        Expr::Unsafe(e) => e.unsafe_token.span,
        Expr::While(e) => e.while_token.span,
        Expr::Yield(e) => e.yield_token.span,
        // `Verbatim` tokens, and kinds a later syn adds: their first token.
        other => other.span(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use syn::visit::Visit;

    /// Every expression of `src`, with its key.
    fn keys(src: &str) -> Vec<ExprKey> {
        struct All(Vec<ExprKey>);
        impl<'a> Visit<'a> for All {
            fn visit_expr(&mut self, e: &'a Expr) {
                self.0.push(expr_key(e));
                syn::visit::visit_expr(self, e);
            }
        }
        let file = syn::parse_file(src).expect("parses");
        let mut all = All(Vec::new());
        all.visit_file(&file);
        all.0
    }

    #[test]
    fn nested_expressions_that_start_together_have_distinct_keys() {
        let all = keys(
            "fn f() { let _ = a.b().c().await?; let _ = { { x } }; \
             let _ = (((y))); let _ = -(-z); let _ = p.q.r; let _ = s[0][1]; \
             loop { while w { for i in v { 'l: loop {} } } } \
             let _ = async { async {} }; let _ = || || 1; let _ = m!(n!(1)); }",
        );
        let unique: HashSet<_> = all.iter().collect();
        assert_eq!(unique.len(), all.len());
    }

    #[test]
    fn the_same_node_always_has_the_same_key() {
        assert_eq!(keys("fn f() { g(h(1)) }"), keys("fn f() { g(h(1)) }"));
    }
}
