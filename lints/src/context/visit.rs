//! The one way to look at every expression under a node:
//! [`FileContext::for_each_expr`].
//!
//! Modelled on clippy_utils' `for_each_expr`: a closure is called on every
//! expression, outermost first. It returns [`ControlFlow::Break`] to stop the
//! walk with a value, or [`ControlFlow::Continue`] with `()` (look inside)
//! or a [`Descend`] (look inside or not: a rule skips a closure or an async
//! block, code that runs later, by answering [`Descend::No`] for it).
//!
//! Two things are always the same, so that no rule gets them wrong:
//!
//! * **Parsed macro bodies are entered** (`select!` branches, `join!`
//!   arguments, `vec!` and `println!` arguments, `defer!` bodies: see
//!   [`crate::macros`]), as if their code stood at the macro's place. A body
//!   that did not parse stays unseen; a rule that must not miss anything in
//!   one scans [`FileContext::macro_body`]'s tokens itself.
//! * **Nested items are not entered** by [`FileContext::for_each_expr`]: a
//!   `fn`, `impl`, `mod` or `const` declared inside a block is code of its own.
//!   [`FileContext::for_each_expr_with_items`] enters them too.

use std::ops::ControlFlow;

use syn::visit::Visit;
use syn::{Block, Expr, Stmt};

use super::FileContext;

/// Whether the walk looks inside the expression it was just given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Descend {
    /// Walk the expression's children.
    Yes,
    /// Skip them (the walk goes on with the expression's siblings).
    No,
}

impl Descend {
    /// [`Descend::No`] for a closure or an async block, whose code runs
    /// later (when called or awaited) rather than where it is written.
    pub fn unless_deferred(e: &Expr) -> Descend {
        match e {
            Expr::Closure(_) | Expr::Async(_) => Descend::No,
            _ => Descend::Yes,
        }
    }
}

/// What a [`FileContext::for_each_expr`] callback continues with: `()`
/// (always descend) or a [`Descend`].
pub trait Continue {
    /// Whether to walk the children of the expression just seen.
    fn descend(&self) -> bool;
}

impl Continue for () {
    fn descend(&self) -> bool {
        true
    }
}

impl Continue for Descend {
    fn descend(&self) -> bool {
        matches!(self, Descend::Yes)
    }
}

/// A syntax node whose expressions can be walked.
pub trait Visitable<'v> {
    /// Hands the node to `visitor`.
    fn visit_with<V: Visit<'v>>(self, visitor: &mut V);
}

impl<'v> Visitable<'v> for &'v Expr {
    fn visit_with<V: Visit<'v>>(self, visitor: &mut V) {
        visitor.visit_expr(self);
    }
}

impl<'v> Visitable<'v> for &'v Block {
    fn visit_with<V: Visit<'v>>(self, visitor: &mut V) {
        visitor.visit_block(self);
    }
}

impl<'v> Visitable<'v> for &'v Stmt {
    fn visit_with<V: Visit<'v>>(self, visitor: &mut V) {
        visitor.visit_stmt(self);
    }
}

impl<'v> Visitable<'v> for &'v [Stmt] {
    fn visit_with<V: Visit<'v>>(self, visitor: &mut V) {
        self.iter().for_each(|s| visitor.visit_stmt(s));
    }
}

impl<'a> FileContext<'a> {
    /// Calls `f` on every expression of `node`, outermost first, entering
    /// parsed macro bodies but not nested items, until `f` breaks; returns
    /// the value it broke with. See the [module docs](self).
    pub fn for_each_expr<'v, B, C: Continue>(
        &'v self,
        node: impl Visitable<'v>,
        f: impl FnMut(&'v Expr) -> ControlFlow<B, C>,
    ) -> Option<B> {
        self.walk(node, false, f)
    }

    /// As [`FileContext::for_each_expr`], also entering the items (fns,
    /// `impl`s, modules, consts) declared inside `node`.
    pub fn for_each_expr_with_items<'v, B, C: Continue>(
        &'v self,
        node: impl Visitable<'v>,
        f: impl FnMut(&'v Expr) -> ControlFlow<B, C>,
    ) -> Option<B> {
        self.walk(node, true, f)
    }

    /// Whether `pred` holds for any expression of `node` (walked as by
    /// [`FileContext::for_each_expr`], closures and async blocks included).
    pub fn any_expr<'v>(
        &'v self,
        node: impl Visitable<'v>,
        mut pred: impl FnMut(&'v Expr) -> bool,
    ) -> bool {
        self.for_each_expr(node, |e| {
            if pred(e) {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .is_some()
    }

    /// Whether `pred` holds for any expression of `node` that runs when
    /// `node` does: closures and async blocks in it, whose code runs later
    /// or elsewhere, are not entered ([`Descend::unless_deferred`]).
    pub fn any_expr_now<'v>(
        &'v self,
        node: impl Visitable<'v>,
        mut pred: impl FnMut(&'v Expr) -> bool,
    ) -> bool {
        self.for_each_expr(node, |e| match pred(e) {
            true => ControlFlow::Break(()),
            false => ControlFlow::Continue(Descend::unless_deferred(e)),
        })
        .is_some()
    }

    fn walk<'v, B, C: Continue>(
        &'v self,
        node: impl Visitable<'v>,
        items: bool,
        f: impl FnMut(&'v Expr) -> ControlFlow<B, C>,
    ) -> Option<B> {
        let mut walker = Walker {
            ctx: self,
            items,
            f,
            done: None,
        };
        node.visit_with(&mut walker);
        walker.done
    }
}

struct Walker<'v, 'a, F, B> {
    ctx: &'v FileContext<'a>,
    items: bool,
    f: F,
    done: Option<B>,
}

impl<'v, B, C, F> Visit<'v> for Walker<'v, '_, F, B>
where
    C: Continue,
    F: FnMut(&'v Expr) -> ControlFlow<B, C>,
{
    fn visit_expr(&mut self, e: &'v Expr) {
        if self.done.is_some() {
            return;
        }
        match (self.f)(e) {
            ControlFlow::Break(b) => self.done = Some(b),
            ControlFlow::Continue(c) if c.descend() => syn::visit::visit_expr(self, e),
            ControlFlow::Continue(_) => {}
        }
    }

    fn visit_stmt(&mut self, s: &'v Stmt) {
        if self.done.is_none() {
            syn::visit::visit_stmt(self, s);
        }
    }

    fn visit_item(&mut self, i: &'v syn::Item) {
        if self.items && self.done.is_none() {
            syn::visit::visit_item(self, i);
        }
    }

    fn visit_macro(&mut self, mac: &'v syn::Macro) {
        if self.done.is_none() {
            let ctx = self.ctx;
            ctx.visit_macro_body(mac, self);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_ctx(src: &str, test: impl FnOnce(&FileContext<'_>, &syn::Block)) {
        let file: syn::File = syn::parse_str(src).unwrap();
        let ctx = FileContext::new(&file, src);
        let syn::Item::Fn(f) = &file.items[0] else {
            panic!("expected a fn first")
        };
        test(&ctx, &f.block);
    }

    fn calls(ctx: &FileContext<'_>, block: &Block, descend: fn(&Expr) -> Descend) -> Vec<String> {
        let mut out = Vec::new();
        ctx.for_each_expr(block, |e| {
            if let Expr::Call(c) = e {
                if let Expr::Path(p) = &*c.func {
                    out.push(p.path.segments.last().unwrap().ident.to_string());
                }
            }
            ControlFlow::<(), _>::Continue(descend(e))
        });
        out
    }

    #[test]
    fn enters_parsed_macro_bodies_in_order() {
        with_ctx(
            "fn f() { a(); tokio::select! { _ = b() => c(), x = d() => { println!(\"{}\", e()) } } g(); }",
            |ctx, block| {
                assert_eq!(
                    calls(ctx, block, |_| Descend::Yes),
                    ["a", "b", "c", "d", "e", "g"]
                );
            },
        );
    }

    #[test]
    fn skips_what_the_callback_declines_and_nested_items() {
        with_ctx(
            "fn f() { a(async { b() }); let c = || d(); fn inner() { e() } g(); }",
            |ctx, block| {
                assert_eq!(calls(ctx, block, Descend::unless_deferred), ["a", "g"]);
                assert_eq!(calls(ctx, block, |_| Descend::Yes), ["a", "b", "d", "g"]);
                let mut all = Vec::new();
                ctx.for_each_expr_with_items(block, |e| {
                    if let Expr::Call(_) = e {
                        all.push(());
                    }
                    ControlFlow::<()>::Continue(())
                });
                assert_eq!(all.len(), 5);
            },
        );
    }

    #[test]
    fn stops_at_the_first_break() {
        with_ctx("fn f() { a(1); join!(b(2), c(3)); d(4); }", |ctx, block| {
            let mut seen = 0;
            let found = ctx.for_each_expr(block, |e| {
                seen += 1;
                match e {
                    Expr::Lit(l) if quote_lit(l) == "2" => ControlFlow::Break("two"),
                    _ => ControlFlow::Continue(()),
                }
            });
            assert_eq!(found, Some("two"));
            // a(1), a, 1, then the statement macro's b(2), b, 2: nothing after.
            assert_eq!(seen, 6);
            assert!(ctx.any_expr(block, |e| matches!(e, Expr::Lit(l) if quote_lit(l) == "3")));
            assert!(!ctx.any_expr(block, |e| matches!(e, Expr::Lit(l) if quote_lit(l) == "5")));
        });
    }

    fn quote_lit(l: &syn::ExprLit) -> String {
        match &l.lit {
            syn::Lit::Int(i) => i.base10_digits().to_string(),
            _ => String::new(),
        }
    }
}
