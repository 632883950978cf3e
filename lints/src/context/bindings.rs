//! "Is this name used after this point?" — mentions of a local binding,
//! aware of shadowing, closures and macro bodies.

use proc_macro2::TokenTree;
use syn::visit::Visit;
use syn::{Expr, Pat, Stmt};

use super::{FileContext, Node};
use crate::macros::{self, MacroBody};

/// How a binding is mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// `drop(name)`.
    Drop,
    /// `name.method(…)`: the binding is the receiver of a method call.
    MethodReceiver,
    /// Any other mention: moved, passed, returned, awaited, stored, …
    Other,
}

/// One mention of a binding.
#[derive(Debug, Clone, Copy)]
pub struct Mention<'v> {
    /// Where the name is written.
    pub span: proc_macro2::Span,
    /// How it is used.
    pub kind: MentionKind,
    /// The method name, for [`MentionKind::MethodReceiver`].
    pub method: Option<&'v syn::Ident>,
}

impl<'a> FileContext<'a> {
    /// Mentions of `name` in `stmts` (the statements after a binding's
    /// `let`, say), stopping where a new `let` shadows it.
    pub fn mentions_in_stmts<'v>(&'v self, stmts: &'v [Stmt], name: &str) -> Vec<Mention<'v>> {
        let mut finder = MentionFinder {
            ctx: self,
            name,
            found: Vec::new(),
        };
        finder.stmts(stmts);
        finder.found
    }

    /// Mentions of `name` in one expression.
    pub fn mentions_in_expr<'v>(&'v self, expr: &'v Expr, name: &str) -> Vec<Mention<'v>> {
        let mut finder = MentionFinder {
            ctx: self,
            name,
            found: Vec::new(),
        };
        finder.visit_expr(expr);
        finder.found
    }

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

    /// The initialiser of the closest `let name = …;` that is in scope at
    /// the expression whose ancestors are given (searching enclosing blocks
    /// outwards, statements before the expression only).
    pub fn binding_init<'v>(&self, name: &str, ancestors: &[Node<'v>]) -> Option<&'v Expr> {
        for (i, node) in ancestors.iter().enumerate().rev() {
            let Node::Block(block) = node else { continue };
            let Some(Node::Stmt(stmt)) = ancestors.get(i + 1) else {
                continue;
            };
            let Some(index) = block.stmts.iter().position(|s| std::ptr::eq(s, *stmt)) else {
                continue;
            };
            for s in block.stmts[..index].iter().rev() {
                if let Stmt::Local(local) = s {
                    if pat_binds(&local.pat, name) {
                        return match (&local.pat, &local.init) {
                            (Pat::Ident(_), Some(init)) => Some(&init.expr),
                            (Pat::Type(t), Some(init)) if matches!(&*t.pat, Pat::Ident(_)) => {
                                Some(&init.expr)
                            }
                            _ => None,
                        };
                    }
                }
            }
        }
        None
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

/// Whether `pat` binds `name` anywhere inside it.
pub fn pat_binds(pat: &Pat, name: &str) -> bool {
    struct Binds<'n> {
        name: &'n str,
        found: bool,
    }
    impl<'ast> Visit<'ast> for Binds<'_> {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            if p.ident == self.name {
                self.found = true;
            }
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_expr(&mut self, _: &'ast Expr) {}
    }
    let mut b = Binds { name, found: false };
    b.visit_pat(pat);
    b.found
}

/// Whether a string literal's text uses `name` as an inline format argument (`{name}`, `{name:?}`).
fn format_string_mentions(lit: &str, name: &str) -> bool {
    let mut rest = lit;
    while let Some(i) = rest.find('{') {
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix(name) {
            if after.starts_with('}') || after.starts_with(':') {
                return true;
            }
        }
    }
    false
}

struct MentionFinder<'v, 'a, 'n> {
    ctx: &'v FileContext<'a>,
    name: &'n str,
    found: Vec<Mention<'v>>,
}

impl<'v> MentionFinder<'v, '_, '_> {
    fn is_name(&self, e: &Expr) -> Option<proc_macro2::Span> {
        match e {
            Expr::Path(p)
                if p.qself.is_none()
                    && p.path.leading_colon.is_none()
                    && p.path.segments.len() == 1 =>
            {
                let seg = &p.path.segments[0];
                (seg.ident == self.name && seg.arguments.is_none()).then(|| seg.ident.span())
            }
            Expr::Paren(p) => self.is_name(&p.expr),
            _ => None,
        }
    }

    /// Walks statements in order; a `let` that rebinds the name ends the scan.
    fn stmts(&mut self, stmts: &'v [Stmt]) {
        for stmt in stmts {
            match stmt {
                Stmt::Local(local) => {
                    if let Some(init) = &local.init {
                        self.visit_expr(&init.expr);
                        if let Some((_, diverge)) = &init.diverge {
                            self.visit_expr(diverge);
                        }
                    }
                    if pat_binds(&local.pat, self.name) {
                        return;
                    }
                }
                Stmt::Item(_) => {}
                Stmt::Expr(e, _) => self.visit_expr(e),
                Stmt::Macro(m) => self.visit_macro(&m.mac),
            }
        }
    }

    fn token_scan(&mut self, mac: &syn::Macro, idents_too: bool) {
        let mut tokens = Vec::new();
        macros::flat_tokens(&mac.tokens, &mut tokens);
        for tt in tokens {
            match tt {
                TokenTree::Ident(i) if idents_too && i == self.name => {
                    self.found.push(Mention {
                        span: i.span(),
                        kind: MentionKind::Other,
                        method: None,
                    });
                }
                TokenTree::Literal(l) if format_string_mentions(&l.to_string(), self.name) => {
                    self.found.push(Mention {
                        span: l.span(),
                        kind: MentionKind::Other,
                        method: None,
                    });
                }
                _ => {}
            }
        }
    }
}

impl<'v> Visit<'v> for MentionFinder<'v, '_, '_> {
    fn visit_expr(&mut self, e: &'v Expr) {
        if let Some(span) = self.is_name(e) {
            self.found.push(Mention {
                span,
                kind: MentionKind::Other,
                method: None,
            });
            return;
        }
        syn::visit::visit_expr(self, e);
    }

    fn visit_expr_call(&mut self, call: &'v syn::ExprCall) {
        if call.args.len() == 1 && self.ctx.callee_is(&call.func, &["std::mem::drop"]) {
            if let Some(span) = self.is_name(&call.args[0]) {
                self.found.push(Mention {
                    span,
                    kind: MentionKind::Drop,
                    method: None,
                });
                return;
            }
        }
        syn::visit::visit_expr_call(self, call);
    }

    fn visit_expr_method_call(&mut self, m: &'v syn::ExprMethodCall) {
        if let Some(span) = self.is_name(&m.receiver) {
            self.found.push(Mention {
                span,
                kind: MentionKind::MethodReceiver,
                method: Some(&m.method),
            });
            m.args.iter().for_each(|a| self.visit_expr(a));
            return;
        }
        syn::visit::visit_expr_method_call(self, m);
    }

    fn visit_block(&mut self, b: &'v syn::Block) {
        self.stmts(&b.stmts);
    }

    fn visit_expr_closure(&mut self, c: &'v syn::ExprClosure) {
        if !c.inputs.iter().any(|p| pat_binds(p, self.name)) {
            self.visit_expr(&c.body);
        }
    }

    fn visit_arm(&mut self, arm: &'v syn::Arm) {
        if !pat_binds(&arm.pat, self.name) {
            if let Some((_, guard)) = &arm.guard {
                self.visit_expr(guard);
            }
            self.visit_expr(&arm.body);
        }
    }

    fn visit_expr_for_loop(&mut self, f: &'v syn::ExprForLoop) {
        self.visit_expr(&f.expr);
        if !pat_binds(&f.pat, self.name) {
            self.visit_block(&f.body);
        }
    }

    fn visit_expr_if(&mut self, i: &'v syn::ExprIf) {
        self.visit_expr(&i.cond);
        if !let_chain_binds(&i.cond, self.name) {
            self.visit_block(&i.then_branch);
        }
        if let Some((_, e)) = &i.else_branch {
            self.visit_expr(e);
        }
    }

    fn visit_expr_while(&mut self, w: &'v syn::ExprWhile) {
        self.visit_expr(&w.cond);
        if !let_chain_binds(&w.cond, self.name) {
            self.visit_block(&w.body);
        }
    }

    fn visit_expr_let(&mut self, l: &'v syn::ExprLet) {
        self.visit_expr(&l.expr);
    }

    fn visit_item(&mut self, _: &'v syn::Item) {}

    fn visit_macro(&mut self, mac: &'v syn::Macro) {
        let body = self.ctx.macro_body(mac);
        let parsed = !matches!(body, MacroBody::Tokens);
        match body {
            // A `let` in a block-like body shadows the name for the rest of it.
            MacroBody::Stmts(stmts) => self.stmts(stmts),
            // A branch pattern binds for its handler only.
            MacroBody::Select(select) => {
                for branch in &select.branches {
                    self.visit_expr(&branch.future);
                    if let Some(cond) = &branch.condition {
                        self.visit_expr(cond);
                    }
                    if !pat_binds(&branch.pat, self.name) {
                        self.visit_expr(&branch.handler);
                    }
                }
                select.else_branches.iter().for_each(|e| self.visit_expr(e));
            }
            _ => self.ctx.visit_macro_body(mac, self),
        }
        // Inline format arguments (`{name}`) hide in string literals; an
        // unparsed body may mention the name anywhere.
        self.token_scan(mac, !parsed);
    }
}

/// Whether a condition (`let` or a `&&` chain of them) binds `name`.
fn let_chain_binds(cond: &Expr, name: &str) -> bool {
    match cond {
        Expr::Let(l) => pat_binds(&l.pat, name),
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            let_chain_binds(&b.left, name) || let_chain_binds(&b.right, name)
        }
        Expr::Paren(p) => let_chain_binds(&p.expr, name),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(body: &str, name: &str) -> Vec<MentionKind> {
        let src = format!("fn f() {{ let {name} = 1; {body} }}");
        let file = syn::parse_file(&src).unwrap();
        let ctx = FileContext::new(&file, &src);
        let syn::Item::Fn(f) = &file.items[0] else {
            unreachable!()
        };
        ctx.mentions_in_stmts(&f.block.stmts[1..], name)
            .iter()
            .map(|m| m.kind)
            .collect()
    }

    #[test]
    fn finds_uses_and_kinds() {
        assert_eq!(
            mentions("rx.recv();", "rx"),
            vec![MentionKind::MethodReceiver]
        );
        assert_eq!(mentions("drop(rx);", "rx"), vec![MentionKind::Drop]);
        assert_eq!(mentions("S { rx };", "rx"), vec![MentionKind::Other]);
        assert_eq!(
            mentions("tokio::spawn(async move { rx.recv().await });", "rx"),
            vec![MentionKind::MethodReceiver]
        );
        assert_eq!(
            mentions("println!(\"{rx:?}\");", "rx"),
            vec![MentionKind::Other]
        );
        assert_eq!(
            mentions("my_macro!(a, b; rx);", "rx"),
            vec![MentionKind::Other]
        );
    }

    #[test]
    fn respects_shadowing() {
        assert!(mentions("let rx = 2; rx.recv();", "rx").is_empty());
        assert_eq!(
            mentions("let rx = rx; rx.recv();", "rx"),
            vec![MentionKind::Other]
        );
        assert!(mentions("{ let rx = 2; rx.recv(); }", "rx").is_empty());
        assert!(mentions("let f = |rx: u8| rx;", "rx").is_empty());
        assert!(mentions("if let Some(rx) = x { rx.recv(); }", "rx").is_empty());
        assert!(mentions("match x { Some(rx) => rx.recv(), None => 0 };", "rx").is_empty());
        assert!(mentions("fn g(rx: u8) -> u8 { rx }", "rx").is_empty());
        assert_eq!(
            mentions("{ let rx = 2; } rx.recv();", "rx"),
            vec![MentionKind::MethodReceiver]
        );
        assert!(mentions("defer! { let rx = 2; rx.recv(); }", "rx").is_empty());
        assert_eq!(
            mentions("defer! { rx.recv(); let rx = 2; rx.recv(); }", "rx"),
            vec![MentionKind::MethodReceiver]
        );
        assert!(mentions(
            "tokio::select! { Some(rx) = other.recv() => rx.ack(), _ = t => {} }",
            "rx"
        )
        .is_empty());
        assert_eq!(
            mentions(
                "tokio::select! { Some(rx) = rx.recv() => rx.ack(), _ = t => {} }",
                "rx"
            ),
            vec![MentionKind::MethodReceiver]
        );
        assert_eq!(
            mentions("tokio::select! { m = x.recv() => { rx.push(m) } }", "rx"),
            vec![MentionKind::MethodReceiver]
        );
    }

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
