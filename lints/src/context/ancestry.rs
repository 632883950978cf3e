//! A walk over every expression of a file that knows each one's ancestors.
//!
//! Rules often need to know where a value goes: is this call an expression
//! statement, the initialiser of a `let`, an argument, the tail of a fn?
//! [`FileContext::walk_exprs`] answers that by handing each expression
//! together with the chain of syntax nodes above it, innermost last. Parsed
//! macro bodies are walked as if their code stood at the macro's place.

use syn::visit::Visit;

use super::FileContext;

/// A syntax node above an expression.
#[derive(Debug, Clone, Copy)]
pub enum Node<'v> {
    /// A free fn.
    ItemFn(&'v syn::ItemFn),
    /// A method in an `impl`.
    ImplFn(&'v syn::ImplItemFn),
    /// A provided method in a trait.
    TraitFn(&'v syn::TraitItemFn),
    /// A `static` item.
    Static(&'v syn::ItemStatic),
    /// A `const` item.
    Const(&'v syn::ItemConst),
    /// A block.
    Block(&'v syn::Block),
    /// A statement.
    Stmt(&'v syn::Stmt),
    /// A `let` statement.
    Local(&'v syn::Local),
    /// An expression.
    Expr(&'v syn::Expr),
    /// A `match` arm.
    Arm(&'v syn::Arm),
    /// A macro invocation whose parsed body is being walked.
    Macro(&'v syn::Macro),
}

impl Node<'_> {
    /// Whether this node is an item (a fn, method, `static` or `const`): the
    /// boundary past which an expression's surroundings stop mattering.
    pub fn is_item(&self) -> bool {
        matches!(
            self,
            Node::ItemFn(_) | Node::ImplFn(_) | Node::TraitFn(_) | Node::Static(_) | Node::Const(_)
        )
    }
}

impl<'a> FileContext<'a> {
    /// Calls `f` on every expression of the file (including those inside
    /// parsed macro bodies) with its ancestors, outermost first.
    pub fn walk_exprs<'v>(&'v self, mut f: impl FnMut(&'v syn::Expr, &[Node<'v>])) {
        let mut walker = Walker {
            ctx: self,
            stack: Vec::new(),
            f: &mut f,
        };
        walker.visit_file(self.file);
    }

    /// As [`Self::walk_exprs`], over the expressions of `block` only, with
    /// their ancestors from `block` down (the block itself first).
    pub fn walk_exprs_in<'v>(
        &'v self,
        block: &'v syn::Block,
        mut f: impl FnMut(&'v syn::Expr, &[Node<'v>]),
    ) {
        let mut walker = Walker {
            ctx: self,
            stack: Vec::new(),
            f: &mut f,
        };
        walker.visit_block(block);
    }
}

struct Walker<'v, 'a, 'f> {
    ctx: &'v FileContext<'a>,
    stack: Vec<Node<'v>>,
    f: &'f mut dyn FnMut(&'v syn::Expr, &[Node<'v>]),
}

impl<'v> Walker<'v, '_, '_> {
    fn with(&mut self, node: Node<'v>, walk: impl FnOnce(&mut Self)) {
        self.stack.push(node);
        walk(self);
        self.stack.pop();
    }
}

impl<'v> Visit<'v> for Walker<'v, '_, '_> {
    fn visit_item_fn(&mut self, i: &'v syn::ItemFn) {
        self.with(Node::ItemFn(i), |w| syn::visit::visit_item_fn(w, i));
    }

    fn visit_impl_item_fn(&mut self, i: &'v syn::ImplItemFn) {
        self.with(Node::ImplFn(i), |w| syn::visit::visit_impl_item_fn(w, i));
    }

    fn visit_trait_item_fn(&mut self, i: &'v syn::TraitItemFn) {
        self.with(Node::TraitFn(i), |w| syn::visit::visit_trait_item_fn(w, i));
    }

    fn visit_item_static(&mut self, i: &'v syn::ItemStatic) {
        self.with(Node::Static(i), |w| syn::visit::visit_item_static(w, i));
    }

    fn visit_item_const(&mut self, i: &'v syn::ItemConst) {
        self.with(Node::Const(i), |w| syn::visit::visit_item_const(w, i));
    }

    fn visit_block(&mut self, b: &'v syn::Block) {
        self.with(Node::Block(b), |w| syn::visit::visit_block(w, b));
    }

    fn visit_stmt(&mut self, s: &'v syn::Stmt) {
        self.with(Node::Stmt(s), |w| syn::visit::visit_stmt(w, s));
    }

    fn visit_local(&mut self, l: &'v syn::Local) {
        self.with(Node::Local(l), |w| syn::visit::visit_local(w, l));
    }

    fn visit_arm(&mut self, a: &'v syn::Arm) {
        self.with(Node::Arm(a), |w| syn::visit::visit_arm(w, a));
    }

    fn visit_expr(&mut self, e: &'v syn::Expr) {
        (self.f)(e, &self.stack);
        self.with(Node::Expr(e), |w| syn::visit::visit_expr(w, e));
    }

    fn visit_macro(&mut self, m: &'v syn::Macro) {
        let ctx = self.ctx;
        self.with(Node::Macro(m), |w| ctx.visit_macro_body(m, w));
    }
}

/// The innermost fn-like owner of an expression's ancestors: the
/// signature of the fn or method the expression is in, if any.
pub fn enclosing_fn_sig<'v>(ancestors: &[Node<'v>]) -> Option<&'v syn::Signature> {
    ancestors.iter().rev().find_map(|n| match n {
        Node::ItemFn(f) => Some(&f.sig),
        Node::ImplFn(f) => Some(&f.sig),
        Node::TraitFn(f) => Some(&f.sig),
        _ => None,
    })
}
