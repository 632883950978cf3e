//! Following a value back through `let` bindings.
//!
//! [`FileContext::binding_init`] answers "what was `name` initialised
//! with". A rule that follows a value through several bindings
//! (`let t = interval(d); let s = IntervalStream::new(t);`) also needs to
//! know *where* that `let` is, so that the next name is looked up from
//! there and not from the first use: [`FileContext::binding_site`] returns
//! the initialiser together with the ancestor chain of the `let`, ready to
//! be passed to the next lookup.

use syn::{Expr, Pat, Stmt};

use super::bindings::pat_binds;
use super::{FileContext, Node};

/// A `let name = init;` statement found from a use of `name`.
#[derive(Debug, Clone)]
pub struct BindingSite<'v> {
    /// The initialiser.
    pub init: &'v Expr,
    /// The `let` statement.
    pub local: &'v syn::Local,
    /// The ancestors of the initialiser: the chain of the use cut at the
    /// block that holds the `let`, then the `let`'s statement and the `let`.
    pub ancestors: Vec<Node<'v>>,
}

impl<'a> FileContext<'a> {
    /// The closest `let name = …;` in scope at the expression whose
    /// ancestors are given: statements before it in each enclosing block,
    /// searched outwards, never past the innermost enclosing fn (a nested
    /// fn cannot see its parent's locals). Returns `None` when the name is
    /// not bound by a `let`, or is bound by a pattern other than a plain
    /// name (`let (a, b) = …`), or by a `let` without an initialiser.
    pub fn binding_site<'v>(&self, name: &str, ancestors: &[Node<'v>]) -> Option<BindingSite<'v>> {
        for (i, node) in ancestors.iter().enumerate().rev() {
            let block = match node {
                Node::Block(block) => *block,
                Node::ItemFn(_) | Node::ImplFn(_) | Node::TraitFn(_) => return None,
                _ => continue,
            };
            let Some(Node::Stmt(stmt)) = ancestors.get(i + 1) else {
                continue;
            };
            let Some(index) = block.stmts.iter().position(|s| std::ptr::eq(s, *stmt)) else {
                continue;
            };
            for s in block.stmts[..index].iter().rev() {
                let Stmt::Local(local) = s else { continue };
                if !pat_binds(&local.pat, name) {
                    continue;
                }
                let simple = match &local.pat {
                    Pat::Ident(p) => p.subpat.is_none(),
                    Pat::Type(t) => matches!(&*t.pat, Pat::Ident(p) if p.subpat.is_none()),
                    _ => false,
                };
                let init = local.init.as_ref().filter(|_| simple)?;
                let mut chain = ancestors[..=i].to_vec();
                chain.push(Node::Stmt(s));
                chain.push(Node::Local(local));
                return Some(BindingSite {
                    init: &init.expr,
                    local,
                    ancestors: chain,
                });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The initialiser found for the last mention of `name` in `body`, as source text.
    fn init_of(body: &str, name: &str) -> Option<String> {
        let src = format!("fn f() {{ {body} }}");
        let file = syn::parse_file(&src).unwrap();
        let ctx = FileContext::new(&file, &src);
        let mut found = None;
        ctx.walk_exprs(|e, ancestors| {
            if matches!(e, Expr::Path(p) if p.path.is_ident(name)) {
                found = Some(ctx.binding_site(name, ancestors));
            }
        });
        found
            .flatten()
            .map(|s| quote::ToTokens::to_token_stream(s.init).to_string())
    }

    #[test]
    fn follows_shadowing_chains_from_the_let() {
        let src = "fn f() { let t = a(); let t = wrap(t); use_it(t); }";
        let file = syn::parse_file(src).unwrap();
        let ctx = FileContext::new(&file, src);
        let mut inits = Vec::new();
        ctx.walk_exprs(|e, ancestors| {
            if let Expr::Call(c) = e {
                if matches!(&*c.func, Expr::Path(p) if p.path.is_ident("use_it")) {
                    let first = ctx.binding_site("t", ancestors).unwrap();
                    let Expr::Call(wrap) = first.init else {
                        panic!()
                    };
                    let _ = &wrap.args[0];
                    let second = ctx.binding_site("t", &first.ancestors).unwrap();
                    inits.push(quote::ToTokens::to_token_stream(first.init).to_string());
                    inits.push(quote::ToTokens::to_token_stream(second.init).to_string());
                }
            }
        });
        assert_eq!(inits, vec!["wrap (t)", "a ()"]);
    }

    #[test]
    fn plain_names_only_and_not_past_fns() {
        assert_eq!(init_of("let x = 1; g(x);", "x").as_deref(), Some("1"));
        assert_eq!(
            init_of("let mut x: u8 = 1; g(x);", "x").as_deref(),
            Some("1")
        );
        assert_eq!(init_of("let (x, y) = p; g(x);", "x"), None);
        assert_eq!(init_of("let x = 1; fn h() { g(x); }", "x"), None);
        assert_eq!(
            init_of("let x = 1; let c = async move { g(x) };", "x").as_deref(),
            Some("1")
        );
    }
}
