//! Small questions about patterns and statements around a binding.
//!
//! Which binding a name refers to, and where a binding is used, is
//! answered once for the file by [`super::scopes`]; this module keeps the
//! pattern helpers and "what follows this statement".

use syn::{Pat, Stmt};

use super::{FileContext, Node};

pub use super::scopes::{MentionKind, Reference as Mention};

impl<'a> FileContext<'a> {
    /// The statements that follow the statement an expression is in, within
    /// the innermost enclosing block: the scope left for a binding made by
    /// that statement. `None` when the statement is not directly in a block
    /// (e.g. inside a macro body).
    pub fn stmts_after<'v>(&self, ancestors: &[Node<'v>]) -> Option<&'v [Stmt]> {
        let (block_at, block) = ancestors
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, n)| match n {
                Node::Block(b) => Some((i, *b)),
                _ => None,
            })?;
        let Some(Node::Stmt(stmt)) = ancestors.get(block_at + 1) else {
            return None;
        };
        // A statement of a macro body (`defer! { let x = …; }`) sits below
        // the block's statement: its scope is not the rest of that block.
        if ancestors[block_at + 2..]
            .iter()
            .any(|n| matches!(n, Node::Stmt(_)))
        {
            return None;
        }
        let index = block.stmts.iter().position(|s| std::ptr::eq(s, *stmt))?;
        Some(&block.stmts[index + 1..])
    }
}

/// The name bound by a simple pattern (`x`, `mut x`, `x: T`, `ref x`).
pub fn pat_ident(pat: &Pat) -> Option<&syn::Ident> {
    match pat {
        Pat::Ident(p) if p.subpat.is_none() => Some(&p.ident),
        Pat::Type(t) => pat_ident(&t.pat),
        _ => None,
    }
}

/// The name a pattern binds the whole success payload to: `x` in `Ok(x)`
/// or `Some(mut x)` (what `let Ok(x) = … else { … }`, `if let Some(x) =
/// …` or a match arm keeps).
pub fn success_payload(pat: &Pat) -> Option<&syn::Ident> {
    let Pat::TupleStruct(t) = pat else {
        return None;
    };
    let wraps = (t.path.segments.last()).is_some_and(|s| s.ident == "Ok" || s.ident == "Some");
    match t.elems.iter().collect::<Vec<_>>()[..] {
        [elem] if wraps => pat_ident(elem),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stmts_after_is_none_inside_macro_statements() {
        let src = "fn f() { let a = 1; defer! { let b = g(); h(); } let c = 2; }";
        let file = syn::parse_file(src).unwrap();
        let ctx = FileContext::new(&file, src);
        let mut seen = Vec::new();
        ctx.walk_exprs(|e, ancestors| {
            if let syn::Expr::Call(c) = e {
                let callee = quote::ToTokens::to_token_stream(&c.func).to_string();
                seen.push((callee, ctx.stmts_after(ancestors).map(|r| r.len())));
            }
        });
        assert_eq!(seen, vec![("g".to_string(), None), ("h".to_string(), None)]);
    }
}
