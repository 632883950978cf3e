//! Scopes, bindings and references: which `let`, parameter or pattern a
//! written name refers to, resolved once per file.
//!
//! [`Scopes::build`] walks the file once (entering the parsed bodies of
//! macros, see [`crate::macros`]) and keeps a stack of lexical scopes:
//! modules (inline `mod` included), fns, blocks, closures, async blocks,
//! `match` arms, `if let` / `while let` conditions with their bodies, `for`
//! loops, `select!` branches and `join!` arms. Every name a pattern
//! introduces becomes a [`Binding`] (with a [`BindingId`]); every written
//! name that refers to one (`x`, `x.recv()`, `drop(x)`, `{x}` in a format
//! string, an `x` among the tokens of a macro that was not parsed) becomes a
//! [`Reference`] of that binding. Shadowing is decided here, and only here:
//!
//! * a `let` is visible from the next statement on (`let rx = rx;` reads the
//!   outer `rx`), and its `else` block does not see it;
//! * a pattern binds in its own scope only (a closure's parameters in its
//!   body, an arm's pattern in its guard and body, an `if let`'s in the
//!   `then` block and later parts of a `&&` chain, never in `else`);
//! * items (fns, consts, statics, modules, …) do not see the locals around
//!   them.
//!
//! Nothing here holds syntax nodes: a binding and a use are identified by
//! the position where their identifier token starts ([`TokenPos`]), which is
//! unambiguous for identifiers (one token per position), and the queries on
//! [`FileContext`] turn syntax nodes into ids.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::visit::Visit;
use syn::{Expr, Pat};

use super::{imports::Imports, FileContext, Node};
use crate::macros::MacroBody;

/// A scope of the file, an index into [`Scopes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScopeId(u32);

/// A binding of the file, an index into [`Scopes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BindingId(u32);

/// Where an identifier token starts (line from 1, column in characters from
/// 0): the key of a binding's or a use's name.
pub type TokenPos = proc_macro2::LineColumn;

/// What opens a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    /// The file, or an inline `mod`.
    Module,
    /// A fn or method: its parameters and body.
    Fn,
    /// Another item (`const`, `static`, `impl`, …): sees no locals.
    Item,
    /// A block `{ … }`.
    Block,
    /// A closure: its parameters and body.
    Closure,
    /// An `async { … }` block.
    AsyncBlock,
    /// A `match` arm: its pattern, guard and body.
    MatchArm,
    /// An `if` / `while` condition with the block it guards (`if let`).
    Condition,
    /// A `for` loop's pattern and body.
    ForLoop,
    /// A `select!` branch's pattern and handler.
    SelectArm,
    /// One future of a `join!`.
    JoinArm,
    /// The body of `defer! { … }` (run later, as a closure).
    MacroBody,
}

impl ScopeKind {
    /// Whether names bound outside this scope are invisible inside it.
    fn hides_outer_locals(self) -> bool {
        matches!(self, ScopeKind::Module | ScopeKind::Fn | ScopeKind::Item)
    }
}

/// One scope.
#[derive(Debug, Clone)]
pub struct Scope {
    /// What opens it.
    pub kind: ScopeKind,
    /// The enclosing scope (`None` for the file).
    pub parent: Option<ScopeId>,
}

/// What introduces a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BindingKind {
    /// A `let` statement.
    Let,
    /// A fn or method parameter (`self` included).
    Param,
    /// A closure parameter.
    ClosureParam,
    /// A `match` arm's pattern.
    MatchArm,
    /// An `if let` / `while let` (or a `let` in a `&&` chain).
    Condition,
    /// A `for` loop's pattern.
    For,
    /// A `select!` branch's pattern.
    SelectArm,
}

/// A name introduced by a pattern.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The name, without `r#`.
    pub name: String,
    /// What introduces it.
    pub kind: BindingKind,
    /// The scope it is visible in (from where it is introduced on).
    pub scope: ScopeId,
    /// The identifier in the pattern.
    pub span: Span,
    /// Whether the whole pattern is this name (`x`, `mut x`, `x: T`,
    /// `ref x`), not a part of a destructuring pattern.
    pub whole_pattern: bool,
    references: Vec<Reference>,
}

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

/// Where a reference is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UseSite {
    /// A path expression (`x`, also in a parsed macro body).
    Path,
    /// An inline format argument in a macro's string literal (`"{x}"`).
    FormatString,
    /// An identifier among the tokens of a macro whose body was not parsed.
    MacroTokens,
}

/// One use of a binding.
#[derive(Debug, Clone)]
pub struct Reference {
    /// Where the name is written (the string literal, for [`UseSite::FormatString`]).
    pub span: Span,
    /// How it is used.
    pub kind: MentionKind,
    /// The method name, for [`MentionKind::MethodReceiver`].
    pub method: Option<syn::Ident>,
    /// Where it is written.
    pub site: UseSite,
    /// The innermost scope it is in.
    pub scope: ScopeId,
}

/// The scopes, bindings and references of one file.
#[derive(Debug, Default)]
pub struct Scopes {
    scopes: Vec<Scope>,
    bindings: Vec<Binding>,
    /// Pattern identifier → the binding it introduces.
    defs: HashMap<TokenPos, BindingId>,
    /// Written name (a path expression or a macro token) → its binding.
    uses: HashMap<TokenPos, BindingId>,
}

impl Scopes {
    /// Resolves every name of `file`. `macro_body` gives the parsed body of
    /// a macro; `imports` tells whether a callee is `std::mem::drop`.
    pub fn build<'m>(
        file: &syn::File,
        imports: &Imports,
        macro_body: &dyn Fn(&syn::Macro) -> Option<&'m MacroBody>,
    ) -> Scopes {
        let mut builder = Builder {
            scopes: Scopes::default(),
            stack: Vec::new(),
            imports,
            macro_body,
        };
        builder.push(ScopeKind::Module);
        builder.visit_file(file);
        builder.pop();
        builder.scopes
    }

    /// The binding `id`.
    pub fn binding(&self, id: BindingId) -> &Binding {
        &self.bindings[id.0 as usize]
    }

    /// The uses of binding `id`, in source order.
    pub fn references(&self, id: BindingId) -> &[Reference] {
        &self.bindings[id.0 as usize].references
    }

    /// The scope `id`.
    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id.0 as usize]
    }

    /// The binding a pattern identifier introduces (`x` in `let x = …`).
    pub fn defined_by(&self, ident: &syn::Ident) -> Option<BindingId> {
        self.defs.get(&ident.span().start()).copied()
    }

    /// The binding a written name refers to (`x` in `f(x)`); `None` for a
    /// name that is not a local (an item, an import, a global).
    pub fn used_by(&self, ident: &syn::Ident) -> Option<BindingId> {
        self.uses.get(&ident.span().start()).copied()
    }

    /// Every binding, with its id.
    pub fn bindings(&self) -> impl Iterator<Item = (BindingId, &Binding)> {
        self.bindings
            .iter()
            .enumerate()
            .map(|(i, b)| (BindingId(i as u32), b))
    }
}

/// The single identifier an expression names (`x`, `(x)`), if it is one.
fn named_local(e: &Expr) -> Option<&syn::Ident> {
    match e {
        Expr::Path(p)
            if p.qself.is_none()
                && p.path.leading_colon.is_none()
                && p.path.segments.len() == 1 =>
        {
            let seg = &p.path.segments[0];
            seg.arguments.is_none().then_some(&seg.ident)
        }
        Expr::Paren(p) => named_local(&p.expr),
        _ => None,
    }
}

/// Whether `mac`'s last path segment is one of `names`.
fn is_macro(mac: &syn::Macro, names: &[&str]) -> bool {
    mac.path
        .segments
        .last()
        .is_some_and(|s| names.iter().any(|n| s.ident == n))
}

/// One open scope: its id and the names bound in it so far, in order.
struct Frame {
    id: ScopeId,
    kind: ScopeKind,
    names: Vec<(String, BindingId)>,
}

struct Builder<'i, 'm, 'f> {
    scopes: Scopes,
    stack: Vec<Frame>,
    imports: &'i Imports,
    macro_body: &'f dyn Fn(&syn::Macro) -> Option<&'m MacroBody>,
}

impl Builder<'_, '_, '_> {
    fn push(&mut self, kind: ScopeKind) {
        let id = ScopeId(self.scopes.scopes.len() as u32);
        self.scopes.scopes.push(Scope {
            kind,
            parent: self.stack.last().map(|f| f.id),
        });
        self.stack.push(Frame {
            id,
            kind,
            names: Vec::new(),
        });
    }

    fn pop(&mut self) {
        self.stack.pop();
    }

    fn within(&mut self, kind: ScopeKind, f: impl FnOnce(&mut Self)) {
        self.push(kind);
        f(self);
        self.pop();
    }

    fn current(&self) -> ScopeId {
        self.stack.last().map_or(ScopeId(0), |f| f.id)
    }

    /// The binding `name` refers to at this point of the walk.
    fn lookup(&self, name: &str) -> Option<BindingId> {
        for frame in self.stack.iter().rev() {
            if let Some((_, id)) = frame.names.iter().rev().find(|(n, _)| n == name) {
                return Some(*id);
            }
            if frame.kind.hides_outer_locals() {
                return None;
            }
        }
        None
    }

    /// Binds every name of `pat` in the current scope.
    fn bind(&mut self, pat: &Pat, kind: BindingKind) {
        let whole = match pat {
            Pat::Ident(p) => p.subpat.is_none(),
            Pat::Type(t) => matches!(&*t.pat, Pat::Ident(p) if p.subpat.is_none()),
            _ => false,
        };
        let mut idents = Vec::new();
        pattern_idents(pat, &mut idents);
        let mut bound: Vec<(String, BindingId)> = Vec::new();
        for ident in idents {
            let name = super::imports::unraw(ident);
            // The alternatives of an or-pattern (`Ok(x) | Err(x)`) bind one name.
            if let Some((_, id)) = bound.iter().find(|(n, _)| *n == name) {
                self.scopes.defs.insert(ident.span().start(), *id);
                continue;
            }
            let id = self.add_binding(ident, kind, whole);
            bound.push((name, id));
        }
    }

    fn add_binding(
        &mut self,
        ident: &syn::Ident,
        kind: BindingKind,
        whole_pattern: bool,
    ) -> BindingId {
        let id = BindingId(self.scopes.bindings.len() as u32);
        let name = super::imports::unraw(ident);
        self.scopes.bindings.push(Binding {
            name: name.clone(),
            kind,
            scope: self.current(),
            span: ident.span(),
            whole_pattern,
            references: Vec::new(),
        });
        self.scopes.defs.insert(ident.span().start(), id);
        if let Some(frame) = self.stack.last_mut() {
            frame.names.push((name, id));
        }
        id
    }

    /// Records a use of `ident` if it names a binding in scope.
    fn reference(
        &mut self,
        ident: &proc_macro2::Ident,
        kind: MentionKind,
        method: Option<&syn::Ident>,
        site: UseSite,
    ) -> bool {
        let name = super::imports::unraw(ident);
        let Some(id) = self.lookup(&name) else {
            return false;
        };
        self.scopes.uses.insert(ident.span().start(), id);
        self.push_reference(id, ident.span(), kind, method, site);
        true
    }

    fn push_reference(
        &mut self,
        id: BindingId,
        span: Span,
        kind: MentionKind,
        method: Option<&syn::Ident>,
        site: UseSite,
    ) {
        let scope = self.current();
        self.scopes.bindings[id.0 as usize]
            .references
            .push(Reference {
                span,
                kind,
                method: method.cloned(),
                site,
                scope,
            });
    }

    fn fn_body(&mut self, sig: &syn::Signature, body: Option<&syn::Block>) {
        self.within(ScopeKind::Fn, |b| {
            for input in &sig.inputs {
                match input {
                    syn::FnArg::Receiver(r) => {
                        let ident = syn::Ident::new("self", r.self_token.span);
                        b.add_binding(&ident, BindingKind::Param, true);
                    }
                    syn::FnArg::Typed(t) => b.bind(&t.pat, BindingKind::Param),
                }
            }
            if let Some(body) = body {
                b.visit_block(body);
            }
        });
    }

    /// Inline format arguments (`{name}`, `{name:?}`) in the string
    /// literals of a macro's tokens, and, when the body was not parsed,
    /// every identifier naming a binding. Tokens of nested macros
    /// (`name!(…)`) are left to the nested macro when the body is parsed.
    fn scan_tokens(&mut self, tokens: &TokenStream, unparsed: bool) {
        // `format!("{n}", n = count)`: the string's `{n}` is the named
        // argument, not a binding.
        let list: Vec<TokenTree> = tokens.clone().into_iter().collect();
        let named: Vec<String> = (list.windows(2))
            .filter_map(|pair| match pair {
                [TokenTree::Ident(name), TokenTree::Punct(eq)]
                    if eq.as_char() == '=' && eq.spacing() == proc_macro2::Spacing::Alone =>
                {
                    Some(name.to_string())
                }
                _ => None,
            })
            .collect();
        let mut previous_bang = false;
        for tt in list {
            let bang = matches!(&tt, TokenTree::Punct(p) if p.as_char() == '!');
            match &tt {
                TokenTree::Group(g) if unparsed || !previous_bang => {
                    self.scan_tokens(&g.stream(), unparsed)
                }
                TokenTree::Ident(i) if unparsed => {
                    self.reference(i, MentionKind::Other, None, UseSite::MacroTokens);
                }
                TokenTree::Literal(l) => {
                    let text = l.to_string();
                    for name in format_string_names(&text) {
                        if named.iter().any(|n| n == name) {
                            continue;
                        }
                        if let Some(id) = self.lookup(name) {
                            self.push_reference(
                                id,
                                l.span(),
                                MentionKind::Other,
                                None,
                                UseSite::FormatString,
                            );
                        }
                    }
                }
                _ => {}
            }
            previous_bang = bang;
        }
    }
}

/// The names a string literal's text uses as inline format arguments
/// (`{name}`, `{name:?}`; not `{{name}}`).
fn format_string_names(lit: &str) -> Vec<&str> {
    let mut names = Vec::new();
    if !lit.contains('{') {
        return names;
    }
    let bytes = lit.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'{' {
            i += 1;
            continue;
        }
        if bytes.get(i + 1) == Some(&b'{') {
            i += 2;
            continue;
        }
        let start = i + 1;
        let mut end = start;
        while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
            end += 1;
        }
        if end > start
            && !bytes[start].is_ascii_digit()
            && matches!(bytes.get(end), Some(b'}') | Some(b':'))
        {
            names.push(&lit[start..end]);
        }
        i = end.max(start);
    }
    names
}

/// The identifiers a pattern binds, in order (patterns' expressions, such
/// as a range's bounds, bind nothing).
fn pattern_idents<'p>(pat: &'p Pat, out: &mut Vec<&'p syn::Ident>) {
    for_each_pattern_ident(pat, |i| out.push(i));
}

/// Calls `f` on each identifier a pattern binds, in order.
pub fn for_each_pattern_ident<'p>(pat: &'p Pat, f: impl FnMut(&'p syn::Ident)) {
    struct Idents<F> {
        f: F,
    }
    impl<'p, F: FnMut(&'p syn::Ident)> Visit<'p> for Idents<F> {
        fn visit_pat_ident(&mut self, p: &'p syn::PatIdent) {
            (self.f)(&p.ident);
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_expr(&mut self, _: &'p Expr) {}
    }
    Idents { f }.visit_pat(pat);
}

impl<'ast> Visit<'ast> for Builder<'_, '_, '_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        match item {
            syn::Item::Fn(f) => self.fn_body(&f.sig, Some(&f.block)),
            syn::Item::Mod(m) => {
                if let Some((_, items)) = &m.content {
                    self.within(ScopeKind::Module, |b| {
                        items.iter().for_each(|i| b.visit_item(i))
                    });
                }
            }
            syn::Item::Macro(m) => self.within(ScopeKind::Item, |b| b.visit_macro(&m.mac)),
            _ => self.within(ScopeKind::Item, |b| syn::visit::visit_item(b, item)),
        }
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.fn_body(&f.sig, Some(&f.block));
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        self.fn_body(&f.sig, f.default.as_ref());
    }

    fn visit_block(&mut self, block: &'ast syn::Block) {
        self.within(ScopeKind::Block, |b| {
            block.stmts.iter().for_each(|s| b.visit_stmt(s))
        });
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        if let Some(init) = &local.init {
            self.visit_expr(&init.expr);
            if let Some((_, diverge)) = &init.diverge {
                self.visit_expr(diverge);
            }
        }
        self.bind(&local.pat, BindingKind::Let);
    }

    fn visit_pat(&mut self, _: &'ast Pat) {
        // Patterns are bound where they are met (`bind`); their expressions
        // are constants, never locals.
    }

    fn visit_expr(&mut self, e: &'ast Expr) {
        match e {
            Expr::Path(p) => {
                if let Some(ident) = named_local(e) {
                    self.reference(ident, MentionKind::Other, None, UseSite::Path);
                } else {
                    syn::visit::visit_expr_path(self, p);
                }
            }
            Expr::Call(call) => {
                let is_drop = call.args.len() == 1
                    && matches!(&*call.func, Expr::Path(p) if p.qself.is_none()
                        && self.imports.resolve(&p.path).as_deref() == Some("std::mem::drop"));
                if is_drop {
                    if let Some(ident) = named_local(&call.args[0]) {
                        if self.reference(ident, MentionKind::Drop, None, UseSite::Path) {
                            self.visit_expr(&call.func);
                            return;
                        }
                    }
                }
                syn::visit::visit_expr_call(self, call);
            }
            Expr::MethodCall(m) => {
                if let Some(ident) = named_local(&m.receiver) {
                    if self.reference(
                        ident,
                        MentionKind::MethodReceiver,
                        Some(&m.method),
                        UseSite::Path,
                    ) {
                        m.args.iter().for_each(|a| self.visit_expr(a));
                        return;
                    }
                }
                syn::visit::visit_expr_method_call(self, m);
            }
            Expr::Closure(c) => self.within(ScopeKind::Closure, |b| {
                c.inputs
                    .iter()
                    .for_each(|p| b.bind(p, BindingKind::ClosureParam));
                b.visit_expr(&c.body);
            }),
            Expr::Async(a) => self.within(ScopeKind::AsyncBlock, |b| b.visit_block(&a.block)),
            Expr::Match(m) => {
                self.visit_expr(&m.expr);
                for arm in &m.arms {
                    self.within(ScopeKind::MatchArm, |b| {
                        b.bind(&arm.pat, BindingKind::MatchArm);
                        if let Some((_, guard)) = &arm.guard {
                            b.visit_expr(guard);
                        }
                        b.visit_expr(&arm.body);
                    });
                }
            }
            Expr::If(i) => {
                self.within(ScopeKind::Condition, |b| {
                    b.visit_expr(&i.cond);
                    b.visit_block(&i.then_branch);
                });
                if let Some((_, e)) = &i.else_branch {
                    self.visit_expr(e);
                }
            }
            Expr::While(w) => self.within(ScopeKind::Condition, |b| {
                b.visit_expr(&w.cond);
                b.visit_block(&w.body);
            }),
            Expr::Let(l) => {
                self.visit_expr(&l.expr);
                self.bind(&l.pat, BindingKind::Condition);
            }
            Expr::ForLoop(f) => {
                self.visit_expr(&f.expr);
                self.within(ScopeKind::ForLoop, |b| {
                    b.bind(&f.pat, BindingKind::For);
                    b.visit_block(&f.body);
                });
            }
            _ => syn::visit::visit_expr(self, e),
        }
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let body = (self.macro_body)(mac);
        match body {
            Some(MacroBody::Select(select)) => {
                for branch in &select.branches {
                    self.visit_expr(&branch.future);
                    if let Some(cond) = &branch.condition {
                        self.visit_expr(cond);
                    }
                    self.within(ScopeKind::SelectArm, |b| {
                        b.bind(&branch.pat, BindingKind::SelectArm);
                        b.visit_expr(&branch.handler);
                    });
                }
                select.else_branches.iter().for_each(|e| self.visit_expr(e));
            }
            Some(MacroBody::Exprs(exprs)) => {
                let join = is_macro(mac, &["join", "try_join"]);
                // A named argument's name is a label, not a mention.
                for e in exprs.iter().map(crate::macros::argument_value) {
                    if join {
                        self.within(ScopeKind::JoinArm, |b| b.visit_expr(e));
                    } else {
                        self.visit_expr(e);
                    }
                }
            }
            // `defer! { … }` runs its body as a closure: its `let`s stay
            // inside. Other statement macros (`pin! { let x = …; }`) bind
            // into the enclosing scope, as their expansion does.
            Some(MacroBody::Stmts(stmts)) if is_macro(mac, &["defer"]) => self
                .within(ScopeKind::MacroBody, |b| {
                    stmts.iter().for_each(|s| b.visit_stmt(s))
                }),
            Some(MacroBody::Stmts(stmts)) => stmts.iter().for_each(|s| self.visit_stmt(s)),
            Some(MacroBody::Statics(decls)) => self.within(ScopeKind::Item, |b| {
                decls.iter().for_each(|d| b.visit_expr(&d.init))
            }),
            Some(MacroBody::Tokens) | None => {}
        }
        let parsed = !matches!(body, Some(MacroBody::Tokens) | None);
        self.scan_tokens(&mac.tokens, !parsed);
    }
}

impl<'a> FileContext<'a> {
    /// The binding a path expression (`x`, `(x)`) refers to.
    pub fn binding_of_expr(&self, expr: &Expr) -> Option<BindingId> {
        self.scopes.used_by(named_local(expr)?)
    }

    /// The binding a written name (`x` in `f(x)`) refers to.
    pub fn binding_of_use(&self, ident: &syn::Ident) -> Option<BindingId> {
        self.scopes.used_by(ident)
    }

    /// The binding a pattern's identifier introduces.
    pub fn binding_of_pat(&self, ident: &syn::Ident) -> Option<BindingId> {
        self.scopes.defined_by(ident)
    }

    /// The uses of the binding a pattern's identifier introduces (empty
    /// when `ident` introduces none).
    pub fn references_of_pat(&self, ident: &syn::Ident) -> &[Reference] {
        self.scopes
            .defined_by(ident)
            .map_or(&[], |id| self.scopes.references(id))
    }

    /// The uses of binding `id`.
    pub fn references(&self, id: BindingId) -> &[Reference] {
        self.scopes.references(id)
    }

    /// The references of binding `id` in the statements that follow the
    /// statement the place whose ancestors are given is in, within the
    /// innermost block (see [`Self::stmts_after`]); `None` when that place
    /// is not in a statement of a block.
    pub fn references_after<'v>(
        &'v self,
        id: BindingId,
        ancestors: &[Node<'v>],
    ) -> Option<Vec<&'v Reference>> {
        let rest = self.stmts_after(ancestors)?;
        let (Some(first), Some(last)) = (rest.first(), rest.last()) else {
            return Some(Vec::new());
        };
        let from = syn::spanned::Spanned::span(first).start();
        let to = syn::spanned::Spanned::span(last).end();
        Some(
            self.references(id)
                .iter()
                .filter(|r| (from..to).contains(&r.span.start()))
                .collect(),
        )
    }

    /// The scopes, bindings and references of the file.
    pub fn scopes(&self) -> &Scopes {
        &self.scopes
    }
}

/// Whether `span` starts inside `outer`.
pub fn span_within(span: Span, outer: Span) -> bool {
    let start = span.start();
    outer.start() <= start && start < outer.end()
}

/// A `let name = init;` statement that introduces a binding, found from a
/// place in the binding's scope.
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
    /// The `let` statement that introduces binding `id`, searched among the
    /// statements before the place whose ancestors are given (in enclosing
    /// blocks and block-like macro bodies).
    pub fn let_of<'v>(&'v self, id: BindingId, ancestors: &[Node<'v>]) -> Option<LetAt<'v>> {
        let binding = self.scopes.binding(id);
        if binding.kind != BindingKind::Let {
            return None;
        }
        let at = binding.span.start();
        let is_it = |s: &syn::Stmt| match s {
            syn::Stmt::Local(l) => {
                let mut idents = Vec::new();
                pattern_idents(&l.pat, &mut idents);
                idents.iter().any(|i| i.span().start() == at)
            }
            _ => false,
        };
        for (i, node) in ancestors.iter().enumerate().rev() {
            let stmts: &'v [syn::Stmt] = match node {
                Node::Block(block) => &block.stmts,
                Node::Macro(mac) => match self.macro_body(mac) {
                    MacroBody::Stmts(stmts) => stmts,
                    _ => continue,
                },
                _ => continue,
            };
            let Some(Node::Stmt(stmt)) = ancestors.get(i + 1) else {
                continue;
            };
            let Some(index) = stmts.iter().position(|s| std::ptr::eq(s, *stmt)) else {
                continue;
            };
            if let Some(s) = stmts[..index].iter().rev().find(|s| is_it(s)) {
                let syn::Stmt::Local(local) = s else {
                    unreachable!()
                };
                return Some(LetAt {
                    stmt: s,
                    local,
                    depth: i,
                });
            }
        }
        None
    }

    /// Whether the written name `ident` refers to a binding that the
    /// pattern `pat` introduces (`x` in the body of `while let Some(x) = …`).
    pub fn is_bound_by(&self, ident: &syn::Ident, pat: &Pat) -> bool {
        let Some(id) = self.binding_of_use(ident) else {
            return false;
        };
        let at = self.scopes.binding(id).span.start();
        let mut binds = false;
        for_each_pattern_ident(pat, |i| binds |= i.span().start() == at);
        binds
    }

    /// The `let` statement a written name refers to, if the name is a
    /// local introduced by a `let` that precedes the place whose ancestors
    /// are given.
    pub fn let_binding<'v>(
        &'v self,
        ident: &syn::Ident,
        ancestors: &[Node<'v>],
    ) -> Option<&'v syn::Local> {
        let id = self.binding_of_use(ident)?;
        self.let_of(id, ancestors).map(|l| l.local)
    }

    /// The `let name = init;` a written name refers to, when the whole
    /// pattern is the name and it has an initialiser: the initialiser and
    /// the ancestors to look further from. `None` for a name bound by a
    /// parameter or another pattern, or by a `let` without initialiser.
    pub fn binding_site<'v>(
        &'v self,
        ident: &syn::Ident,
        ancestors: &[Node<'v>],
    ) -> Option<BindingSite<'v>> {
        self.site_of(self.binding_of_use(ident)?, ancestors)
    }

    /// As [`Self::binding_site`], for binding `id` (in scope at the place
    /// whose ancestors are given).
    pub fn site_of<'v>(&'v self, id: BindingId, ancestors: &[Node<'v>]) -> Option<BindingSite<'v>> {
        if !self.scopes.binding(id).whole_pattern {
            return None;
        }
        let at = self.let_of(id, ancestors)?;
        let init = at.local.init.as_ref()?;
        let mut chain = ancestors[..=at.depth].to_vec();
        chain.push(Node::Stmt(at.stmt));
        chain.push(Node::Local(at.local));
        Some(BindingSite {
            init: &init.expr,
            local: at.local,
            ancestors: chain,
        })
    }

    /// The type the written name `ident` is declared with: `let x: T` (or
    /// `let x: T;`), or a parameter `x: T` of the fn it is in.
    pub fn declared_type<'v>(
        &'v self,
        ident: &syn::Ident,
        ancestors: &[Node<'v>],
    ) -> Option<&'v syn::Type> {
        let id = self.binding_of_use(ident)?;
        if let Some(at) = self.let_of(id, ancestors) {
            return match &at.local.pat {
                Pat::Type(t) if !matches!(&*t.ty, syn::Type::Infer(_)) => Some(&*t.ty),
                _ => None,
            };
        }
        let sig = super::ancestry::enclosing_fn_sig(ancestors)?;
        sig.inputs.iter().find_map(|input| match input {
            syn::FnArg::Typed(t) if matches!(&*t.pat, Pat::Ident(i) if self.binding_of_pat(&i.ident) == Some(id)) => {
                Some(&*t.ty)
            }
            // `State(state): State<AppState>`: an extractor's payload.
            syn::FnArg::Typed(t) => match newtype_payload(&t.pat, &t.ty) {
                Some((i, ty)) if self.binding_of_pat(i) == Some(id) => Some(ty),
                _ => None,
            },
            _ => None,
        })
    }

    /// The initialiser of the `let name = …;` a written name refers to (see
    /// [`Self::binding_site`]).
    pub fn binding_init<'v>(
        &'v self,
        ident: &syn::Ident,
        ancestors: &[Node<'v>],
    ) -> Option<&'v Expr> {
        self.binding_site(ident, ancestors).map(|s| s.init)
    }

    /// The value whose `Ok` / `Some` payload the written name `ident` is
    /// bound to, as `e?` would give it: `e` in `if let Ok(x) = e` (also in
    /// a `&&` chain), `while let Some(x) = e`, `let Ok(x) = e else { … }`
    /// and a `match e` arm `Ok(x) =>` (the usual shape of a fallible
    /// constructor's caller).
    pub fn unwrapped_from<'v>(
        &'v self,
        ident: &syn::Ident,
        ancestors: &[Node<'v>],
    ) -> Option<&'v Expr> {
        let id = self.binding_of_use(ident)?;
        // `Ok(x)`, `Some(mut x)`: the payload is the binding, whole.
        let binds_payload = |pat: &Pat| {
            super::bindings::success_payload(pat)
                .is_some_and(|p| self.binding_of_pat(p) == Some(id))
        };
        if let Some(at) = self.let_of(id, ancestors) {
            return match &at.local.init {
                Some(init) if binds_payload(&at.local.pat) => Some(&init.expr),
                _ => None,
            };
        }
        for (i, node) in ancestors.iter().enumerate().rev() {
            match node {
                Node::Expr(Expr::If(syn::ExprIf { cond, .. }))
                | Node::Expr(Expr::While(syn::ExprWhile { cond, .. })) => {
                    if let Some(value) = let_in_condition(cond, &binds_payload) {
                        return Some(value);
                    }
                }
                Node::Arm(arm) if binds_payload(&arm.pat) => {
                    return match ancestors[..i].last() {
                        Some(Node::Expr(Expr::Match(m))) => Some(&m.expr),
                        _ => None,
                    };
                }
                _ => {}
            }
        }
        None
    }

    /// The type of the written name `ident` when a pattern binds it to a
    /// field of an enum variant that this file defines: `cmd` in `match
    /// &self.command { Command::Update(cmd) => cmd.process().await, … }`
    /// (or `if let Command::Update(cmd) = …`) with `enum Command {
    /// Update(UpdateOpt), … }` here is an `UpdateOpt` (the dispatch of a
    /// command-line tool's subcommands). `Self::Update(cmd)` in `impl
    /// Command` too, and the enum may be in any module of the file, when
    /// it is the file's only enum of its name.
    pub fn variant_payload_type<'v>(
        &'v self,
        ident: &syn::Ident,
        ancestors: &[Node<'v>],
    ) -> Option<&'v syn::Type> {
        let id = self.binding_of_use(ident)?;
        let binding = self.scopes().binding(id);
        if !matches!(binding.kind, BindingKind::MatchArm | BindingKind::Condition) {
            return None;
        }
        // `Enum::Variant(a, x)`, seen through `&` and `|`: the variant and
        // the place of `x` among its fields.
        let field_of = |pat: &'v Pat| -> Option<(&'v syn::Path, usize)> {
            let Pat::TupleStruct(t) = without_refs(pat) else {
                return None;
            };
            let at = t.elems.iter().position(|e| {
                matches!(without_refs(e), Pat::Ident(i) if self.binding_of_pat(&i.ident) == Some(id))
            })?;
            Some((&t.path, at))
        };
        let (path, at) = ancestors.iter().rev().find_map(|node| match node {
            Node::Arm(arm) => match &arm.pat {
                Pat::Or(or) => or.cases.iter().find_map(field_of),
                pat => field_of(pat),
            },
            Node::Expr(Expr::If(syn::ExprIf { cond, .. }))
            | Node::Expr(Expr::While(syn::ExprWhile { cond, .. })) => lets_in_condition(cond)
                .into_iter()
                .find_map(|l| field_of(&l.pat)),
            _ => None,
        })?;
        let mut segments = path.segments.iter().rev();
        let (variant, enum_name) = (segments.next()?, segments.next()?);
        // `Self::Update(opt)` in the enum's own `impl`.
        let enum_name = match enum_name.ident == "Self" {
            true => self.self_type_at(ancestors)?,
            false => super::imports::unraw(&enum_name.ident),
        };
        // One enum of the name in the file, in any module: two would need
        // the path resolved to tell them apart.
        let [e] = self.enums_named(&enum_name) else {
            return None;
        };
        let v = e.variants.iter().find(|v| v.ident == variant.ident)?;
        match &v.fields {
            syn::Fields::Unnamed(f) => f.unnamed.iter().nth(at).map(|f| &f.ty),
            _ => None,
        }
    }
}

/// A pattern seen through `&` (`&Command::Update(opt)`, `&opt`).
fn without_refs(mut pat: &Pat) -> &Pat {
    while let Pat::Reference(r) = pat {
        pat = &r.pat;
    }
    pat
}

/// The `let`s of a condition, alone or in a `&&` chain (`if let P = e &&
/// let Q = f`), in order.
fn lets_in_condition(cond: &Expr) -> Vec<&syn::ExprLet> {
    match cond {
        Expr::Let(l) => vec![l],
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            let mut pats = lets_in_condition(&b.left);
            pats.extend(lets_in_condition(&b.right));
            pats
        }
        Expr::Paren(p) => lets_in_condition(&p.expr),
        _ => Vec::new(),
    }
}

/// What a `match` that unwraps its scrutinee yields: `match
/// File::create(p) { Ok(f) => f, Err(e) => return Err(e) }` is the
/// scrutinee's payload, when one arm binds it whole (`Ok(x)`, `Some(x)`)
/// and yields that name, and every other arm diverges (`return`, `break`,
/// `continue`, `panic!`, `unreachable!`, `todo!`, `bail!`,
/// `std::process::exit(…)`, or a block ending in one). `None` otherwise.
pub fn unwrapping_match(m: &syn::ExprMatch) -> Option<&Expr> {
    let mut yields = 0;
    for arm in &m.arms {
        let payload = super::bindings::success_payload(&arm.pat);
        let body = strip_block(&arm.body);
        let yields_payload = matches!((payload, body), (Some(name), Expr::Path(p)) if arm.guard.is_none() && p.path.is_ident(name));
        if yields_payload {
            yields += 1;
        } else if !diverges(body) {
            return None;
        }
    }
    (yields == 1).then_some(&*m.expr)
}

/// A block `{ e }` of one expression seen as `e`.
fn strip_block(e: &Expr) -> &Expr {
    match e {
        Expr::Block(b) if b.label.is_none() => match b.block.stmts.as_slice() {
            [syn::Stmt::Expr(inner, None)] => strip_block(inner),
            _ => e,
        },
        Expr::Paren(p) => strip_block(&p.expr),
        _ => e,
    }
}

/// Whether evaluating `e` never yields a value: it returns, breaks,
/// continues, panics or exits (also as the last statement of a block).
fn diverges(e: &Expr) -> bool {
    let diverging_macro = |mac: &syn::Macro| {
        (mac.path.segments.last()).is_some_and(|s| {
            matches!(
                s.ident.to_string().as_str(),
                "panic" | "unreachable" | "todo" | "unimplemented" | "bail"
            )
        })
    };
    match e {
        Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => true,
        Expr::Macro(m) => diverging_macro(&m.mac),
        Expr::Call(c) => matches!(&*c.func, Expr::Path(p)
            if p.path.segments.last().is_some_and(|s| s.ident == "exit")),
        Expr::Block(b) if b.label.is_none() => match b.block.stmts.last() {
            Some(syn::Stmt::Expr(last, _)) => diverges(last),
            Some(syn::Stmt::Macro(m)) => diverging_macro(&m.mac),
            _ => false,
        },
        _ => false,
    }
}

/// The value of the `let pat = value` in a condition (alone, or in a `&&`
/// chain) whose pattern `binds` accepts.
fn let_in_condition<'v>(cond: &'v Expr, binds: &dyn Fn(&Pat) -> bool) -> Option<&'v Expr> {
    (lets_in_condition(cond).into_iter())
        .find(|l| binds(&l.pat))
        .map(|l| &*l.expr)
}

/// A `let` statement found among a place's ancestors.
#[derive(Debug, Clone, Copy)]
pub struct LetAt<'v> {
    /// The statement.
    pub stmt: &'v syn::Stmt,
    /// The `let`.
    pub local: &'v syn::Local,
    /// The index, in the ancestors searched, of the block (or macro) that holds it.
    pub depth: usize,
}

/// The name a parameter pattern binds to the one field of a generic
/// wrapper, and that field's type: `State(state): State<AppState>`,
/// `Extension(db): Extension<Arc<Db>>`, `Json(body): Json<Order>` (a
/// tuple-struct pattern of one name whose path ends as the type's does,
/// and a type with exactly one type argument, the field it wraps).
fn newtype_payload<'p>(pat: &'p Pat, ty: &'p syn::Type) -> Option<(&'p syn::Ident, &'p syn::Type)> {
    let Pat::TupleStruct(tuple) = pat else {
        return None;
    };
    let [Pat::Ident(inner)] = tuple.elems.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    if inner.subpat.is_some() {
        return None;
    }
    let syn::Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if tuple.path.segments.last()?.ident != last.ident {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let mut types = args.args.iter().filter_map(|a| match a {
        syn::GenericArgument::Type(t) => Some(t),
        _ => None,
    });
    match (types.next(), types.next()) {
        (Some(t), None) => Some((&inner.ident, t)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Kinds of the references of the `let` of `name` that `body` starts with.
    fn uses(body: &str, name: &str) -> Vec<MentionKind> {
        let src = format!("fn f() {{ let {name} = 1; {body} }}");
        let file = syn::parse_file(&src).unwrap();
        let ctx = FileContext::new(&file, &src);
        let syn::Item::Fn(f) = &file.items[0] else {
            unreachable!()
        };
        let syn::Stmt::Local(local) = &f.block.stmts[0] else {
            unreachable!()
        };
        let Pat::Ident(p) = &local.pat else {
            unreachable!()
        };
        ctx.references_of_pat(&p.ident)
            .iter()
            .map(|m| m.kind)
            .collect()
    }

    #[test]
    fn finds_uses_and_kinds() {
        assert_eq!(uses("rx.recv();", "rx"), vec![MentionKind::MethodReceiver]);
        assert_eq!(uses("drop(rx);", "rx"), vec![MentionKind::Drop]);
        assert_eq!(uses("S { rx };", "rx"), vec![MentionKind::Other]);
        assert_eq!(
            uses("tokio::spawn(async move { rx.recv().await });", "rx"),
            vec![MentionKind::MethodReceiver]
        );
        assert_eq!(
            uses("println!(\"{rx:?}\");", "rx"),
            vec![MentionKind::Other]
        );
        assert_eq!(uses("println!(\"{{rx}}\");", "rx"), vec![]);
        assert_eq!(uses("my_macro!(a, b; rx);", "rx"), vec![MentionKind::Other]);
    }

    #[test]
    fn respects_shadowing() {
        assert!(uses("let rx = 2; rx.recv();", "rx").is_empty());
        assert_eq!(
            uses("let rx = rx; rx.recv();", "rx"),
            vec![MentionKind::Other]
        );
        assert!(uses("{ let rx = 2; rx.recv(); }", "rx").is_empty());
        assert!(uses("let f = |rx: u8| rx;", "rx").is_empty());
        assert!(uses("if let Some(rx) = x { rx.recv(); }", "rx").is_empty());
        assert_eq!(
            uses(
                "if let Some(rx) = x { rx.recv(); } else { rx.recv(); }",
                "rx"
            ),
            vec![MentionKind::MethodReceiver]
        );
        assert!(uses("match x { Some(rx) => rx.recv(), None => 0 };", "rx").is_empty());
        assert!(uses("fn g(rx: u8) -> u8 { rx }", "rx").is_empty());
        assert!(uses("const C: u8 = rx;", "rx").is_empty());
        assert_eq!(
            uses("{ let rx = 2; } rx.recv();", "rx"),
            vec![MentionKind::MethodReceiver]
        );
        assert!(uses("defer! { let rx = 2; rx.recv(); }", "rx").is_empty());
        assert_eq!(
            uses("defer! { rx.recv(); let rx = 2; rx.recv(); }", "rx"),
            vec![MentionKind::MethodReceiver]
        );
        assert!(uses(
            "tokio::select! { Some(rx) = other.recv() => rx.ack(), _ = t => {} }",
            "rx"
        )
        .is_empty());
        assert_eq!(
            uses(
                "tokio::select! { Some(rx) = rx.recv() => rx.ack(), _ = t => {} }",
                "rx"
            ),
            vec![MentionKind::MethodReceiver]
        );
        assert_eq!(
            uses("tokio::select! { m = x.recv() => { rx.push(m) } }", "rx"),
            vec![MentionKind::MethodReceiver]
        );
        assert!(uses("for rx in v { rx.recv(); }", "rx").is_empty());
        assert!(uses("while let Some(rx) = it.next() { rx.recv(); }", "rx").is_empty());
        assert!(uses("let Some(y) = rx else { return };", "rx").len() == 1);
    }

    #[test]
    fn let_else_block_does_not_see_its_binding() {
        let src = "fn f() { let Some(x) = g() else { x; return }; x; }";
        let file = syn::parse_file(src).unwrap();
        let ctx = FileContext::new(&file, src);
        let (id, b) = ctx.scopes().bindings().next().unwrap();
        assert_eq!(b.name, "x");
        assert_eq!(ctx.references(id).len(), 1);
    }

    #[test]
    fn scopes_nest_with_their_kinds() {
        let src = "mod m { fn f(a: u8) { let c = |b| async move { b }; } }";
        let file = syn::parse_file(src).unwrap();
        let ctx = FileContext::new(&file, src);
        let kinds: Vec<(String, BindingKind)> = ctx
            .scopes()
            .bindings()
            .map(|(_, b)| (b.name.clone(), b.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("a".into(), BindingKind::Param),
                ("b".into(), BindingKind::ClosureParam),
                ("c".into(), BindingKind::Let),
            ]
        );
        let (b_id, b) = ctx.scopes().bindings().nth(1).unwrap();
        assert_eq!(ctx.scopes().scope(b.scope).kind, ScopeKind::Closure);
        let use_scope = ctx.references(b_id)[0].scope;
        assert_eq!(ctx.scopes().scope(use_scope).kind, ScopeKind::Block);
        let mut chain = Vec::new();
        let mut s = Some(use_scope);
        while let Some(id) = s {
            chain.push(ctx.scopes().scope(id).kind);
            s = ctx.scopes().scope(id).parent;
        }
        assert_eq!(
            chain,
            vec![
                ScopeKind::Block,
                ScopeKind::AsyncBlock,
                ScopeKind::Closure,
                ScopeKind::Block,
                ScopeKind::Fn,
                ScopeKind::Module,
                ScopeKind::Module,
            ]
        );
    }

    #[test]
    fn format_string_names_skip_escapes_and_positions() {
        assert_eq!(
            format_string_names("\"{a} {b:?} {{c}} {0} {}\""),
            vec!["a", "b"]
        );
    }

    /// The initialiser found for the last mention of `name` in `body`, as source text.
    fn init_of(body: &str, name: &str) -> Option<String> {
        let src = format!("fn f() {{ {body} }}");
        let file = syn::parse_file(&src).unwrap();
        let ctx = FileContext::new(&file, &src);
        let mut found = None;
        ctx.walk_exprs(|e, ancestors| {
            if let Expr::Path(p) = e {
                if let Some(ident) = p.path.get_ident().filter(|i| *i == name) {
                    found = Some(ctx.binding_site(ident, ancestors));
                }
            }
        });
        found
            .flatten()
            .map(|s| quote::ToTokens::to_token_stream(s.init).to_string())
    }

    #[test]
    fn binding_sites_follow_scopes() {
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
        // A closure parameter named like an outer `let` is not that `let`.
        assert_eq!(init_of("let x = 1; let c = |x: u8| g(x);", "x"), None);
        assert_eq!(init_of("let x = 1; for x in v { g(x); }", "x"), None);
        assert_eq!(
            init_of("defer! { let x = 2; g(x); }", "x").as_deref(),
            Some("2")
        );
    }

    #[test]
    fn follows_shadowing_chains_from_the_let() {
        let src = "fn f() { let t = a(); let t = wrap(t); use_it(t); }";
        let file = syn::parse_file(src).unwrap();
        let ctx = FileContext::new(&file, src);
        let mut inits = Vec::new();
        ctx.walk_exprs(|e, ancestors| {
            let Expr::Call(c) = e else { return };
            if !matches!(&*c.func, Expr::Path(p) if p.path.is_ident("use_it")) {
                return;
            }
            let Expr::Path(arg) = &c.args[0] else {
                panic!()
            };
            let first = ctx
                .binding_site(arg.path.get_ident().unwrap(), ancestors)
                .unwrap();
            let Expr::Call(wrap) = first.init else {
                panic!()
            };
            let Expr::Path(inner) = &wrap.args[0] else {
                panic!()
            };
            let second = ctx
                .binding_site(inner.path.get_ident().unwrap(), &first.ancestors)
                .unwrap();
            inits.push(quote::ToTokens::to_token_stream(first.init).to_string());
            inits.push(quote::ToTokens::to_token_stream(second.init).to_string());
        });
        assert_eq!(inits, vec!["wrap (t)", "a ()"]);
    }

    #[test]
    fn is_bound_by_follows_shadowing_not_names() {
        // `it` is no local; the first `x.poll()` reads the `while let`'s
        // `x`, the second a `let x` that shadows it; `y` is a parameter.
        let src = "fn f(y: u8) { while let Some(x) = it.next() { x.poll(); let x = 1; x.poll(); y.poll(); } }";
        let file = syn::parse_file(src).unwrap();
        let ctx = FileContext::new(&file, src);
        let mut seen = Vec::new();
        ctx.walk_exprs(|e, ancestors| {
            let Expr::MethodCall(m) = e else { return };
            let Expr::Path(p) = &*m.receiver else { return };
            let pat = ancestors.iter().rev().find_map(|n| match n {
                Node::Expr(Expr::While(w)) => match &*w.cond {
                    Expr::Let(l) => Some(&*l.pat),
                    _ => None,
                },
                _ => None,
            });
            if let (Some(ident), Some(pat)) = (p.path.get_ident(), pat) {
                seen.push(ctx.is_bound_by(ident, pat));
            }
        });
        assert_eq!(seen, vec![false, true, false, false]);
    }
}
