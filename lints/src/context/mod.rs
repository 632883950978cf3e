//! Per-file analysis shared by every rule.
//!
//! [`FileContext`] is built once per file and holds what more than one rule
//! needs: import resolution per module ([`imports`]), the parsed bodies of well-known
//! macros ([`crate::macros`]), the file's fns, consts and statics by name, and the
//! shared queries in the submodules: the one way to look at every
//! expression under a node, parsed macro bodies included ([`visit`]'s
//! `for_each_expr`), a walk that knows every expression's
//! ancestors ([`ancestry`]), the paths through a piece of code for a rule's
//! own abstract states ([`flow`]), "which `let`, parameter or pattern does
//! this name refer to, and where is that binding used" ([`scopes`]), builder
//! chains followed through bindings ([`chains`]),
//! "is this loop endless / does it observe cancellation" ([`loops`]), and
//! "is this a spawn call, what is its task body, is its handle kept, does
//! it run once for the process" ([`spawn`]), "does this async code run on
//! the main thread or on a runtime worker" ([`threads`]), "is this test
//! code, is this an entry point" ([`scope`]), "who calls whom" for the driver's
//! crate-wide check of findings that depend on their fn's callers
//! ([`entry`]), the `mod a;` declarations the driver builds a crate's
//! module tree from ([`modules`]). A rule that needs to remember a node
//! keys it by [`keys`]' identities (a token only that node owns), never by
//! its address, byte offset or text. "Which library call is this" is answered
//! by the one table of well-known paths, [`paths`] (spawn calls, timers,
//! channels, guards, future and cancellation wrappers, blocking calls, HTTP
//! clients), which the pre-filter's triggers are derived from too.

pub mod ancestry;
pub mod bindings;
pub mod chains;
pub mod consts;
pub mod crate_names;
pub mod entry;
pub mod flow;
pub mod follow;
pub mod imports;
pub mod keys;
pub mod loops;
pub mod modules;
pub mod paths;
pub mod races;
pub mod scope;
pub mod scopes;
pub mod spawn;
pub mod threads;
pub mod tokens;
pub mod visit;
pub mod waits;

use std::collections::HashMap;

use syn::spanned::Spanned;
use syn::visit::Visit;

use crate::macros::{self, MacroBody};
use crate::{Position, Span};

pub use ancestry::Node;
pub use imports::Imports;
pub use keys::{block_key, expr_key, macro_key, ExprKey};
pub use scopes::{BindingId, Scopes, TokenPos};

/// A fn or method defined in this file.
#[derive(Debug, Clone, Copy)]
pub struct LocalFn<'a> {
    /// Its signature.
    pub sig: &'a syn::Signature,
    /// Its body.
    pub block: &'a syn::Block,
    /// Whether it is a method of an `impl` or trait (callable as `Self::f` / `self.f`).
    pub is_method: bool,
    /// The `Self` type of the `impl` it is a method of.
    pub self_ty: Option<&'a syn::Type>,
    /// The generics of the `impl` it is a method of.
    pub impl_generics: Option<&'a syn::Generics>,
}

/// Everything the rules know about one file, computed once.
pub struct FileContext<'a> {
    /// The parsed file.
    pub file: &'a syn::File,
    /// The file's text (without a byte-order mark).
    pub source: &'a str,
    /// What the file's `use` items say about names.
    pub imports: Imports,
    /// Scopes, bindings and the references of every local name.
    scopes: Scopes,
    line_starts: Vec<usize>,
    /// Whether the file is all ASCII: then a column (in characters) is a
    /// byte offset in its line, with no need to walk the line.
    ascii: bool,
    macro_bodies: HashMap<TokenPos, MacroBody>,
    fns: HashMap<String, Vec<LocalFn<'a>>>,
    consts: HashMap<String, Vec<ConstItem<'a>>>,
    structs: HashMap<String, Vec<&'a syn::ItemStruct>>,
    enums: HashMap<String, Vec<&'a syn::ItemEnum>>,
    statics: HashMap<String, Vec<StaticType<'a>>>,
    has_out_of_line_mod: bool,
    /// Test items (see [`scope`]); the whole file when it is `#![cfg(test)]`.
    test_spans: Vec<Span>,
    /// Returned for macros that were not parsed.
    unparsed: MacroBody,
    /// The names the file's crate's libraries go by (see
    /// [`FileContext::set_crate_libraries`]).
    crate_libraries: Vec<String>,
    /// The fns of the file's crate that may be spawn wrappers named
    /// otherwise than `spawn…` (see [`FileContext::set_spawn_wrappers`]).
    spawn_wrappers: std::sync::Arc<std::collections::BTreeSet<String>>,
    /// The names of the sync fns of the file's crate that may block, if
    /// known (see [`FileContext::set_blocking_helpers`]).
    blocking_helpers: Option<std::sync::Arc<std::collections::BTreeSet<String>>>,
    /// The crates whose macros `#[macro_use] extern crate …;` brings into
    /// this file: its own such items, and its crate root's.
    macro_use: Vec<String>,
}

impl<'a> FileContext<'a> {
    /// Analyses `file`, parsed from `source`, as a crate of its own.
    pub fn new(file: &'a syn::File, source: &'a str) -> FileContext<'a> {
        FileContext::new_in_crate(file, source, None)
    }

    /// Analyses `file`, parsed from `source`, with what its crate says of
    /// names (`None`: the file is its own crate): paths into the crate that
    /// another file re-exports from another crate resolve to that crate's
    /// item, and `#[macro_use]` crates of the root lend their macros.
    pub fn new_in_crate(
        file: &'a syn::File,
        source: &'a str,
        krate: Option<crate_names::InCrate>,
    ) -> FileContext<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        let mut items = ItemCollector::default();
        items.visit_file(file);
        let mut macro_use = macro_use_crates(file);
        if let Some(k) = &krate {
            macro_use.extend(k.names.macro_use.iter().cloned());
            macro_use.sort();
            macro_use.dedup();
        }
        let mut imports = Imports::collect(file);
        imports.set_crate(krate);
        let scopes = Scopes::build(file, &imports, &|mac| {
            items.macro_bodies.get(&macro_key(mac))
        });
        let mut ctx = FileContext {
            file,
            source,
            imports,
            scopes,
            line_starts,
            ascii: source.is_ascii(),
            macro_bodies: items.macro_bodies,
            fns: items.fns,
            consts: items.consts,
            structs: items.structs,
            enums: items.enums,
            statics: items.statics,
            has_out_of_line_mod: items.has_out_of_line_mod,
            test_spans: Vec::new(),
            unparsed: MacroBody::Tokens,
            crate_libraries: Vec::new(),
            spawn_wrappers: std::sync::Arc::default(),
            blocking_helpers: None,
            macro_use,
        };
        ctx.test_spans = if scope::file_is_test(file) {
            let end = Position {
                line: usize::MAX,
                column: usize::MAX,
                byte: usize::MAX,
            };
            vec![Span {
                start: Position::default(),
                end,
            }]
        } else {
            scope::test_item_spans(file)
                .into_iter()
                .map(|s| ctx.span(s))
                .collect()
        };
        ctx
    }

    /// Tells the context the names its crate's libraries go by, which a
    /// file alone cannot tell from other crates' names: in a binary,
    /// `app::backoff()` calls a fn of the package's library `app`. The
    /// driver sets them when the crate is known.
    pub fn set_crate_libraries(&mut self, names: &[String]) {
        self.crate_libraries = names.to_vec();
    }

    /// Tells the context the names of its crate's fns that may be spawn
    /// wrappers although their names do not say `spawn` (`fn detach(fut:
    /// F) { tokio::spawn(fut); }`, found by the driver in the crate's
    /// text): a call of one is then asked about as a call whose name says
    /// `spawn` is ([`FileContext::call_may_spawn`]).
    pub fn set_spawn_wrappers(
        &mut self,
        names: std::sync::Arc<std::collections::BTreeSet<String>>,
    ) {
        self.spawn_wrappers = names;
    }

    /// Whether `name` is one of the crate's fns that may be spawn wrappers
    /// named otherwise than `spawn…` ([`FileContext::set_spawn_wrappers`]).
    pub fn is_spawn_wrapper_name(&self, name: &str) -> bool {
        self.spawn_wrappers.contains(name)
    }

    /// Whether the fn or method `call` calls may start a task or thread
    /// with what it is given, by its name: it says `spawn` (`spawn_named`,
    /// `.spawn(…)`), or the crate has a fn of that name that hands a
    /// parameter to a spawn call; for a fn, as written or as its `use`
    /// names it (`use util::fire_and_forget as go;` then `go(…)`). The
    /// crate pass decides whether it does.
    pub fn call_may_spawn(&self, call: &syn::Expr) -> bool {
        let by_name = |name: &str| name.contains("spawn") || self.spawn_wrappers.contains(name);
        match call {
            syn::Expr::Call(c) => match &*c.func {
                syn::Expr::Path(p) => {
                    p.path
                        .segments
                        .last()
                        .is_some_and(|s| by_name(&s.ident.to_string()))
                        || (self.resolve(&p.path).as_deref())
                            .and_then(|r| r.rsplit("::").next())
                            .is_some_and(by_name)
                }
                _ => false,
            },
            syn::Expr::MethodCall(m) => by_name(&m.method.to_string()),
            _ => false,
        }
    }

    /// Tells the context the names of its crate's sync fns that may block
    /// (`None`: any fn may), which the driver finds before the rules run:
    /// a call of a crate fn by another name cannot block through it, and
    /// is not offered to the crate pass as one that may.
    pub fn set_blocking_helpers(
        &mut self,
        names: Option<std::sync::Arc<std::collections::BTreeSet<String>>>,
    ) {
        self.blocking_helpers = names;
    }

    /// Whether a call of a crate fn or method named `name` may be of a
    /// sync fn of the crate that blocks (see
    /// [`FileContext::set_blocking_helpers`]).
    pub fn may_call_blocking_helper(&self, name: &str) -> bool {
        self.blocking_helpers
            .as_ref()
            .is_none_or(|names| names.contains(name))
    }

    /// The crates whose macros `#[macro_use] extern crate …;` brings into
    /// this file: written in it, or at its crate root (another file).
    pub fn macro_use_crates(&self) -> &[String] {
        &self.macro_use
    }

    /// Whether `span` starts inside test code (see [`scope`]): a `#[test]`
    /// fn, a `#[cfg(test)]` module, a file that is `#![cfg(test)]`…
    pub fn in_test_code(&self, span: Span) -> bool {
        self.starts_in_test_code(span.start.byte)
    }

    /// Whether the byte offset `start` is inside test code.
    fn starts_in_test_code(&self, start: usize) -> bool {
        self.test_spans
            .iter()
            .any(|t| t.start.byte <= start && start < t.end.byte)
    }

    /// Whether `expr` starts inside test code ([`Self::in_test_code`]),
    /// found from its first token (see [`Self::call_span`] for why).
    pub fn expr_in_test_code(&self, expr: &syn::Expr) -> bool {
        self.starts_in_test_code(self.position(first_token(expr).start()).byte)
    }

    /// The spans of the file's test code (see [`Self::in_test_code`]).
    pub fn test_spans(&self) -> &[Span] {
        &self.test_spans
    }

    /// Converts a proc-macro2 span into a [`Span`].
    pub fn span(&self, span: proc_macro2::Span) -> Span {
        Span {
            start: self.position(span.start()),
            end: self.position(span.end()),
        }
    }

    /// The [`Span`] of a syntax node, from its first to its last token.
    pub fn span_of<T: Spanned + ?Sized>(&self, node: &T) -> Span {
        self.span(node.span())
    }

    /// The [`Span`] of a call or method call, the same as [`Self::span_of`]
    /// gives, found from its leftmost token and its `)` instead of by
    /// printing the whole call to tokens (which is what syn's `Spanned`
    /// does, and costs as much as the call's arguments are long).
    pub fn call_span(&self, expr: &syn::Expr) -> Span {
        let close = match expr {
            syn::Expr::Call(c) => c.paren_token.span.close(),
            syn::Expr::MethodCall(m) => m.paren_token.span.close(),
            other => return self.span_of(other),
        };
        match first_token(expr).join(close) {
            Some(joined) => self.span(joined),
            None => self.span_of(expr),
        }
    }

    /// The [`Span`] of a fn item, the same as [`Self::span_of`] gives,
    /// from its first and last tokens (see [`Self::call_span`] for why).
    pub fn item_fn_span(&self, f: &syn::ItemFn) -> Span {
        self.span_to_block(fn_start(&f.attrs, &f.vis, None, &f.sig), &f.block)
    }

    /// [`Self::item_fn_span`] of a method or associated fn.
    pub fn impl_fn_span(&self, f: &syn::ImplItemFn) -> Span {
        let start = fn_start(&f.attrs, &f.vis, f.defaultness.as_ref(), &f.sig);
        self.span_to_block(start, &f.block)
    }

    /// From `start` to the closing brace of `block`.
    fn span_to_block(&self, start: proc_macro2::Span, block: &syn::Block) -> Span {
        Span {
            start: self.position(start.start()),
            end: self.position(block.brace_token.span.close().end()),
        }
    }

    /// Whether `item` starts inside test code ([`Self::in_test_code`]),
    /// found from a token of its head: test code is made of whole items,
    /// so an item's name is in it exactly when the item's start is.
    pub fn item_in_test_code(&self, item: &syn::Item) -> bool {
        use syn::Item;
        let head = match item {
            Item::Fn(f) => f.sig.ident.span(),
            Item::Mod(m) => m.ident.span(),
            Item::Impl(i) => i.impl_token.span,
            Item::Struct(s) => s.ident.span(),
            Item::Enum(e) => e.ident.span(),
            Item::Trait(t) => t.ident.span(),
            Item::Const(c) => c.ident.span(),
            Item::Static(s) => s.ident.span(),
            Item::Type(t) => t.ident.span(),
            Item::Use(u) => u.use_token.span,
            other => other.span(),
        };
        self.starts_in_test_code(self.position(head.start()).byte)
    }

    /// `span` without the outer attributes it starts with: syn's span of
    /// an expression or statement includes them (`#[cfg(unix)]
    /// tokio::spawn(…)` starts at `#`), a finding points at the code, so
    /// that a suppression comment at the end of the spawn's line applies.
    pub fn without_outer_attributes(&self, span: Span) -> Span {
        let text = self.source.get(span.start.byte..span.end.byte);
        let Some(text) = text.filter(|t| t.starts_with("#[") || t.starts_with("# ")) else {
            return span;
        };
        let Ok(tokens) = text.parse::<proc_macro2::TokenStream>() else {
            return span;
        };
        use proc_macro2::{Delimiter, TokenTree};
        let mut tokens = tokens.into_iter().peekable();
        let mut code = None;
        while let Some(token) = tokens.next() {
            let is_hash = matches!(&token, TokenTree::Punct(p) if p.as_char() == '#');
            let attribute = is_hash
                && matches!(tokens.peek(),
                    Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Bracket);
            if attribute {
                tokens.next();
                continue;
            }
            code = Some(token.span().byte_range().start);
            break;
        }
        match code {
            Some(offset) if offset > 0 && offset < text.len() => Span {
                start: self.position_of_byte(span.start.byte + offset),
                end: span.end,
            },
            _ => span,
        }
    }

    /// The [`Position`] of the byte offset `byte` of the file, which must
    /// be on a character boundary.
    fn position_of_byte(&self, byte: usize) -> Position {
        let line = self.line_starts.partition_point(|&start| start <= byte);
        let line_start = self.line_starts[line - 1];
        Position {
            line,
            column: self.source[line_start..byte].chars().count() + 1,
            byte,
        }
    }

    /// A span from the start of `first` to the end of `last`.
    pub fn span_between<A: Spanned + ?Sized, B: Spanned + ?Sized>(
        &self,
        first: &A,
        last: &B,
    ) -> Span {
        Span {
            start: self.span_of(first).start,
            end: self.span_of(last).end,
        }
    }

    fn position(&self, lc: proc_macro2::LineColumn) -> Position {
        let line_start = self
            .line_starts
            .get(lc.line.saturating_sub(1))
            .copied()
            .unwrap_or(self.source.len());
        let line_text = &self.source[line_start..];
        let byte = if self.ascii {
            line_start + lc.column.min(line_text.len())
        } else {
            line_start
                + line_text
                    .char_indices()
                    .nth(lc.column)
                    .map(|(i, _)| i)
                    .unwrap_or(line_text.len())
        };
        Position {
            line: lc.line,
            column: lc.column + 1,
            byte,
        }
    }

    /// The resolved full path of `path` (see [`Imports::resolve`]).
    pub fn resolve(&self, path: &syn::Path) -> Option<String> {
        self.imports.resolve(path)
    }

    /// Whether the type `path` names belongs to a crate whose items the
    /// rules know (`async_channel::Receiver`, or `mpsc::Receiver` after
    /// `use tokio::sync::mpsc;`).
    pub fn names_known_foreign_type(&self, path: &syn::Path) -> bool {
        self.resolve(path)
            .is_some_and(|full| paths::in_rule_crate(&full))
    }

    /// Whether the type `path` names belongs to another crate: one whose
    /// items the rules know (`async_channel::Receiver`, or `mpsc::Receiver`
    /// after `use tokio::sync::mpsc;`), or a crate the path names by its
    /// first segment (`reqwest::Client::new()`, `-> remote::Client`), which
    /// is neither the linted crate, nor one of its libraries, nor a name the
    /// file binds. It is none of the linted crate's types, even when the
    /// crate has a type of the same name, so its methods are not the
    /// crate's fns. A path that reaches another crate only through imports
    /// is left to the rule crates: the imports of a file alone do not
    /// always tell a module of the crate from another crate (a module a
    /// glob brings, a re-export of another file).
    pub fn names_foreign_type(&self, path: &syn::Path) -> bool {
        let Some(full) = self.resolve(path) else {
            return false;
        };
        let (Some((head, _)), Some(first)) = (full.split_once("::"), path.segments.first()) else {
            return false;
        };
        // A library of the workspace named as a crate the rules know is
        // the workspace's: a package called `tokio_util`, or `core` (whose
        // paths read as std's).
        let std_named = |l: &String| matches!(l.as_str(), "core" | "alloc" | "std");
        if self
            .crate_libraries
            .iter()
            .any(|l| l == head || head == "std" && std_named(l))
        {
            return false;
        }
        if paths::in_rule_crate(&full) {
            return true;
        }
        // Crates are named in snake case: `Default::default`, `T::new`
        // (a type parameter), `Self::run` start at no crate.
        let a_crate = head.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
            && !matches!(head, "crate" | "self" | "super");
        // `::remote::Client`; or `remote::Client` as written, where no glob
        // of the crate's modules may bring a module of that name.
        let written_from_the_crate_name = path.leading_colon.is_some()
            || (imports::unraw(&first.ident) == head
                && !self.imports.crate_glob_at(first.ident.span()));
        a_crate && written_from_the_crate_name
    }

    /// The name of the item `path` names, after a renaming `use` is applied
    /// (`nap` after `use std::thread::sleep as nap;` is `sleep`): for rules
    /// that know calls by their last segment.
    pub fn resolved_name(&self, path: &syn::Path) -> Option<String> {
        let written = path.segments.last()?.ident.to_string();
        let full = self.resolve(path);
        let resolved = full.as_deref().and_then(|p| p.rsplit("::").next());
        Some(resolved.map_or(written, str::to_string))
    }

    /// Whether `path` resolves to one of `targets` (full, normalised paths).
    pub fn path_is(&self, path: &syn::Path, targets: &[&str]) -> bool {
        self.may_resolve_to(path, targets.iter().copied())
            && self
                .resolve(path)
                .is_some_and(|p| targets.contains(&p.as_str()))
    }

    /// [`may_resolve_to`], or the path's last segment is a name the crate
    /// re-exports under another name (`crate::prelude::queue` for
    /// crossbeam's `unbounded`).
    pub fn may_resolve_to<'t>(
        &self,
        path: &syn::Path,
        targets: impl Iterator<Item = &'t str>,
    ) -> bool {
        may_resolve_to(path, targets)
            || path
                .segments
                .last()
                .is_some_and(|last| self.imports.is_crate_alias(&last.ident))
    }

    /// Whether `expr` is a call whose callee resolves to one of `targets`.
    pub fn is_call_to(&self, expr: &syn::Expr, targets: &[&str]) -> bool {
        match expr {
            syn::Expr::Call(call) => self.callee_is(&call.func, targets),
            _ => false,
        }
    }

    /// Whether a callee expression is a path resolving to one of `targets`.
    pub fn callee_is(&self, func: &syn::Expr, targets: &[&str]) -> bool {
        match func {
            syn::Expr::Path(p) if p.qself.is_none() => self.path_is(&p.path, targets),
            _ => false,
        }
    }

    /// The index of the future argument that a call of `func` cancels from
    /// outside, if `func` resolves to one of the [`paths::CANCELLING_CALLS`]
    /// (`timeout(d, fut)`, `abortable(fut)`).
    pub fn cancelled_argument(&self, func: &syn::Expr) -> Option<usize> {
        match func {
            syn::Expr::Path(p)
                if p.qself.is_none()
                    && self.may_resolve_to(
                        &p.path,
                        paths::CANCELLING_CALLS.iter().map(|(p, _)| *p),
                    ) =>
            {
                paths::cancelled_argument(&self.resolve(&p.path)?)
            }
            _ => None,
        }
    }

    /// The understood body of a macro invocation of this file (or of a
    /// macro nested in one), or [`MacroBody::Tokens`] if it was not parsed.
    pub fn macro_body(&self, mac: &syn::Macro) -> &MacroBody {
        self.macro_bodies
            .get(&macro_key(mac))
            .unwrap_or(&self.unparsed)
    }

    /// Visits the parsed body of `mac` with `visitor`, as if it were
    /// ordinary code at the macro's place. Call it from `visit_macro`.
    pub fn visit_macro_body<'v, V: Visit<'v> + ?Sized>(
        &'v self,
        mac: &syn::Macro,
        visitor: &mut V,
    ) {
        match self.macro_body(mac) {
            MacroBody::Select(select) => {
                for branch in &select.branches {
                    visitor.visit_pat(&branch.pat);
                    visitor.visit_expr(&branch.future);
                    if let Some(cond) = &branch.condition {
                        visitor.visit_expr(cond);
                    }
                    visitor.visit_expr(&branch.handler);
                }
                for e in &select.else_branches {
                    visitor.visit_expr(e);
                }
            }
            MacroBody::Exprs(exprs) => exprs.iter().for_each(|e| visitor.visit_expr(e)),
            MacroBody::Stmts(stmts) => stmts.iter().for_each(|s| visitor.visit_stmt(s)),
            MacroBody::Statics(decls) => decls.iter().for_each(|d| visitor.visit_expr(&d.init)),
            MacroBody::Tokens => {}
        }
    }

    /// The fns and methods of this file named `name`.
    pub fn local_fns(&self, name: &str) -> &[LocalFn<'a>] {
        self.fns.get(name).map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// The methods (of `impl` blocks, and trait methods with a default
    /// body) defined in this file.
    pub fn local_methods(&self) -> impl Iterator<Item = &LocalFn<'a>> {
        self.fns.values().flatten().filter(|f| f.is_method)
    }

    /// The free fn named `name` if exactly one is defined in this file.
    pub fn local_fn(&self, name: &str) -> Option<LocalFn<'a>> {
        let mut free = self.local_fns(name).iter().filter(|f| !f.is_method);
        match (free.next(), free.next()) {
            (Some(f), None) => Some(*f),
            _ => None,
        }
    }

    /// The method named `name` if exactly one is defined in this file.
    pub fn local_method(&self, name: &str) -> Option<LocalFn<'a>> {
        let mut methods = self.local_fns(name).iter().filter(|f| f.is_method);
        match (methods.next(), methods.next()) {
            (Some(f), None) => Some(*f),
            _ => None,
        }
    }

    /// The `Self` type of the `impl` that `method` is defined in.
    pub fn method_self_ty(&self, method: &syn::ImplItemFn) -> Option<&'a syn::Type> {
        self.local_fns(&imports::unraw(&method.sig.ident))
            .iter()
            .find(|f| std::ptr::eq(f.sig, &method.sig))
            .and_then(|f| f.self_ty)
    }

    /// Whether `name` is a type parameter of the fn the place whose
    /// ancestors are given is in, or of its `impl` (`T` in `fn run<T:
    /// Job>(job: T)`): a value of that type may be of any type.
    pub fn names_type_param(&self, ancestors: &[Node<'_>], name: &str) -> bool {
        ancestors.iter().any(|n| match n {
            Node::ItemFn(f) => self.declares_type_param(&f.sig, name),
            Node::TraitFn(f) => self.declares_type_param(&f.sig, name),
            Node::ImplFn(f) => self.declares_type_param(&f.sig, name),
            _ => false,
        })
    }

    /// Whether `name` is a type parameter of the fn with signature `sig` (a
    /// fn of this file), or of the `impl` it is a method of.
    pub fn declares_type_param(&self, sig: &syn::Signature, name: &str) -> bool {
        let declares = |g: &syn::Generics| g.type_params().any(|p| p.ident == name);
        declares(&sig.generics)
            || (self.local_fns(&imports::unraw(&sig.ident)).iter())
                .find(|l| std::ptr::eq(l.sig, sig))
                .and_then(|l| l.impl_generics)
                .is_some_and(declares)
    }

    /// The name of the `Self` type (its last path segment) of the method
    /// the place whose ancestors are given is in; `None` in a free fn.
    pub fn self_type_at(&self, ancestors: &[Node<'_>]) -> Option<String> {
        let method = ancestors.iter().rev().find_map(|n| match n {
            Node::ImplFn(f) => Some(Some(*f)),
            Node::ItemFn(_) | Node::TraitFn(_) => Some(None),
            _ => None,
        })??;
        impl_type_name(self.method_self_ty(method)?)
    }

    /// The declared type of field `field` of the one struct of this file
    /// named as the `Self` of the method the ancestors are in (`self.tick`
    /// in `impl Limiter`).
    pub fn self_field_type(
        &self,
        ancestors: &[Node<'_>],
        field: &syn::Ident,
    ) -> Option<&'a syn::Type> {
        self.struct_field_type(&self.self_type_at(ancestors)?, field)
    }

    /// The declared type of field `field` of the one struct of this file
    /// named `name`.
    fn struct_field_type(&self, name: &str, field: &syn::Ident) -> Option<&'a syn::Type> {
        let [item] = self.structs_named(name) else {
            return None;
        };
        item.fields
            .iter()
            .find(|f| f.ident.as_ref() == Some(field))
            .map(|f| &f.ty)
    }

    /// The declared type of the field `base.field`, where `base` is `self`
    /// (see [`Self::self_field_type`]) or a name declared with the type of
    /// one struct of this file, also behind `&`, `Arc`, `Box` or `Rc`
    /// (`srv.admin` in `fn run_admin(srv: &Server)`).
    pub fn field_access_type(
        &self,
        base: &syn::Expr,
        field: &syn::Ident,
        ancestors: &[Node<'_>],
    ) -> Option<&'a syn::Type> {
        let syn::Expr::Path(p) = base else {
            return None;
        };
        let ident = p.path.get_ident()?;
        if ident == "self" {
            return self.self_field_type(ancestors, field);
        }
        let declared = self.declared_type(ident, ancestors)?;
        self.struct_field_type(&impl_type_name(peel_type(declared, POINTERS))?, field)
    }

    /// The structs named `name` defined anywhere in this file (in any
    /// module, or inside a fn body).
    pub fn structs_named(&self, name: &str) -> &[&'a syn::ItemStruct] {
        self.structs.get(name).map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// The enums named `name` defined anywhere in this file (in any module,
    /// or inside a fn body).
    pub fn enums_named(&self, name: &str) -> &[&'a syn::ItemEnum] {
        self.enums.get(name).map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// The declared type of the `static` named `name` in this file (also one
    /// declared in a fn body or in `lazy_static!` / `thread_local!`), if
    /// exactly one is.
    pub fn static_type(&self, name: &str) -> Option<&syn::Type> {
        match self.statics.get(name).map(Vec::as_slice) {
            Some([StaticType::InFile(ty)]) => Some(ty),
            Some([StaticType::Copied(ty)]) => Some(ty),
            _ => None,
        }
    }

    /// Whether the file declares a module in another file (`mod name;`),
    /// whose items this file cannot see.
    pub fn has_out_of_line_mod(&self) -> bool {
        self.has_out_of_line_mod
    }

    /// The initialiser of the `const` item of this file that `path` names,
    /// resolved per module (`BUF_SIZE` after `use limits::BUF_SIZE`,
    /// `limits::BUF_SIZE`, `self::N`, `Type::N` for an associated const,
    /// `Self::N` when one `impl` of the file defines `N`); `None` when it is
    /// not one const of this file.
    pub fn const_value(&self, path: &syn::Path) -> Option<&'a syn::Expr> {
        let name = imports::unraw(&path.segments.last()?.ident);
        let candidates = self.consts.get(&name)?;
        let only = |mut found: Vec<&ConstItem<'a>>| match found.len() {
            1 => found.pop().map(|c| c.value),
            _ => None,
        };
        if path.segments.len() == 2 && path.segments[0].ident == "Self" {
            // The `impl` the path is written in.
            let at = path.segments[0].ident.span().start();
            return only(
                candidates
                    .iter()
                    .filter(|c| c.owner.is_some_and(|o| o.body.0 <= at && at < o.body.1))
                    .collect(),
            );
        }
        // An import of an inline module's item resolves without `crate::`
        // (`use limits::BUF_SIZE`): the file's own paths are compared without it.
        let target = self.resolve(path)?;
        let target = match target.strip_prefix("crate::") {
            Some(rest) => rest,
            // A name no module around it declares.
            None if !target.contains("::") => return None,
            None => &target,
        };
        only(
            candidates
                .iter()
                .filter(|c| {
                    self.const_path(c)
                        .is_some_and(|p| p.strip_prefix("crate::").unwrap_or(&p) == target)
                })
                .collect(),
        )
    }

    /// The integer consts of the file's top level (not of an inline module
    /// or an `impl`) whose value the file alone gives, by name.
    pub fn top_level_consts(&self) -> Vec<entry::ConstFact> {
        let mut found: Vec<entry::ConstFact> = self
            .consts
            .values()
            .flatten()
            .filter(|c| c.owner.is_none())
            .filter(|c| {
                self.const_path(c)
                    .is_some_and(|p| p.matches("::").count() == 1)
            })
            .filter_map(|c| {
                Some(entry::ConstFact {
                    name: imports::unraw(c.ident),
                    value: self.const_eval(c.value)?,
                    at: self.span_of(c.ident),
                })
            })
            .collect();
        found.sort_by_key(|c| c.at.start.byte);
        found
    }

    /// The const of another module of the crate that a length names, as
    /// (module, name), when this file cannot tell its value: `BUF_SIZE`
    /// after `use crate::limits::BUF_SIZE;`, `limits::BUF_SIZE` with `mod
    /// limits;`, `crate::limits::BUF_SIZE`, `super::limits::BUF_SIZE`. The
    /// module is its last segment, as the crate's summaries name theirs.
    pub fn crate_const(&self, len: &syn::Expr) -> Option<(String, String)> {
        let syn::Expr::Path(p) = len else { return None };
        if p.qself.is_some() || self.const_eval(len).is_some() {
            return None;
        }
        let resolved = self.resolve(&p.path)?;
        let [first, .., module, name] = resolved.split("::").collect::<Vec<_>>()[..] else {
            return None;
        };
        let is_const_name =
            name.starts_with(char::is_uppercase) && !name.chars().any(char::is_lowercase);
        // `super::limits::N` at a module file's top names a module of
        // another file too, and so does `app::limits::N` in a binary of the
        // package whose library is `app`.
        let into_crate =
            matches!(first, "crate" | "super") || self.crate_libraries.iter().any(|l| l == first);
        (into_crate && !matches!(module, "crate" | "super" | "self") && is_const_name)
            .then(|| (module.to_string(), name.to_string()))
    }

    /// The full path a const of this file is named by (as
    /// [`FileContext::resolve`] writes it).
    fn const_path(&self, c: &ConstItem<'_>) -> Option<String> {
        match c.owner {
            None => self.resolve(&syn::Path::from(c.ident.clone())),
            Some(owner) => {
                let ty = self.resolve(&syn::Path::from(owner.ty.clone()))?;
                Some(format!("{ty}::{}", imports::unraw(c.ident)))
            }
        }
    }
}

/// A span that starts where `expr`'s first token does (for most
/// expressions its first token itself: the start of a path, a keyword, an
/// opening delimiter), without printing the expression to tokens as syn's
/// `Spanned` does, which costs as much as the expression is long. An
/// expression with attributes, and the rare kinds not listed, are printed.
fn first_token(expr: &syn::Expr) -> proc_macro2::Span {
    use syn::Expr;
    let label = |l: &Option<syn::Label>| l.as_ref().map(|l| l.name.apostrophe);
    match expr {
        Expr::Call(c) if c.attrs.is_empty() => first_token(&c.func),
        Expr::MethodCall(m) if m.attrs.is_empty() => first_token(&m.receiver),
        Expr::Field(f) if f.attrs.is_empty() => first_token(&f.base),
        Expr::Await(a) if a.attrs.is_empty() => first_token(&a.base),
        Expr::Try(t) if t.attrs.is_empty() => first_token(&t.expr),
        Expr::Index(i) if i.attrs.is_empty() => first_token(&i.expr),
        Expr::Binary(b) if b.attrs.is_empty() => first_token(&b.left),
        Expr::Assign(a) if a.attrs.is_empty() => first_token(&a.left),
        Expr::Cast(c) if c.attrs.is_empty() => first_token(&c.expr),
        Expr::Range(r) if r.attrs.is_empty() => match (&r.start, &r.limits) {
            (Some(start), _) => first_token(start),
            (None, syn::RangeLimits::HalfOpen(dots)) => dots.spans[0],
            (None, syn::RangeLimits::Closed(dots)) => dots.spans[0],
        },
        Expr::Paren(p) if p.attrs.is_empty() => p.paren_token.span.open(),
        Expr::Tuple(t) if t.attrs.is_empty() => t.paren_token.span.open(),
        Expr::Array(a) if a.attrs.is_empty() => a.bracket_token.span.open(),
        Expr::Repeat(r) if r.attrs.is_empty() => r.bracket_token.span.open(),
        Expr::Path(p) if p.attrs.is_empty() => path_start(p.qself.as_ref(), &p.path, expr),
        Expr::Struct(s) if s.attrs.is_empty() => path_start(s.qself.as_ref(), &s.path, expr),
        Expr::Macro(m) if m.attrs.is_empty() => path_start(None, &m.mac.path, expr),
        Expr::Lit(l) if l.attrs.is_empty() => l.lit.span(),
        Expr::Block(b) if b.attrs.is_empty() => {
            label(&b.label).unwrap_or_else(|| b.block.brace_token.span.open())
        }
        Expr::Loop(l) if l.attrs.is_empty() => label(&l.label).unwrap_or(l.loop_token.span),
        Expr::While(w) if w.attrs.is_empty() => label(&w.label).unwrap_or(w.while_token.span),
        Expr::ForLoop(f) if f.attrs.is_empty() => label(&f.label).unwrap_or(f.for_token.span),
        Expr::If(i) if i.attrs.is_empty() => i.if_token.span,
        Expr::Match(m) if m.attrs.is_empty() => m.match_token.span,
        Expr::Async(a) if a.attrs.is_empty() => a.async_token.span,
        Expr::Unsafe(u) if u.attrs.is_empty() => u.unsafe_token.span,
        Expr::Const(c) if c.attrs.is_empty() => c.const_token.span,
        Expr::Let(l) if l.attrs.is_empty() => l.let_token.span,
        Expr::Return(r) if r.attrs.is_empty() => r.return_token.span,
        Expr::Break(b) if b.attrs.is_empty() => b.break_token.span,
        Expr::Continue(c) if c.attrs.is_empty() => c.continue_token.span,
        Expr::Reference(r) if r.attrs.is_empty() => r.and_token.spans[0],
        Expr::Closure(c) if c.attrs.is_empty() => {
            let modifiers = [
                c.lifetimes.as_ref().map(|l| l.for_token.span),
                c.constness.as_ref().map(|t| t.span),
                c.movability.as_ref().map(|t| t.span),
                c.asyncness.as_ref().map(|t| t.span),
                c.capture.as_ref().map(|t| t.span),
            ];
            modifiers
                .into_iter()
                .flatten()
                .next()
                .unwrap_or(c.or1_token.spans[0])
        }
        other => other.span(),
    }
}

/// The span of a fn's first token: its first outer attribute, else its
/// visibility, `default`, qualifiers or `fn`.
fn fn_start(
    attrs: &[syn::Attribute],
    vis: &syn::Visibility,
    defaultness: Option<&syn::token::Default>,
    sig: &syn::Signature,
) -> proc_macro2::Span {
    if let Some(attr) = attrs
        .iter()
        .find(|a| matches!(a.style, syn::AttrStyle::Outer))
    {
        return attr.pound_token.span;
    }
    let vis = match vis {
        syn::Visibility::Public(p) => Some(p.span),
        syn::Visibility::Restricted(r) => Some(r.pub_token.span),
        syn::Visibility::Inherited => None,
    };
    let qualifiers = [
        vis,
        defaultness.map(|d| d.span),
        sig.constness.as_ref().map(|t| t.span),
        sig.asyncness.as_ref().map(|t| t.span),
        sig.unsafety.as_ref().map(|t| t.span),
        sig.abi.as_ref().map(|a| a.extern_token.span),
    ];
    qualifiers
        .into_iter()
        .flatten()
        .next()
        .unwrap_or(sig.fn_token.span)
}

/// The span of a path expression's first token.
fn path_start(qself: Option<&syn::QSelf>, path: &syn::Path, expr: &syn::Expr) -> proc_macro2::Span {
    if let Some(qself) = qself {
        return qself.lt_token.spans[0];
    }
    match (&path.leading_colon, path.segments.first()) {
        (Some(colon), _) => colon.spans[0],
        (None, Some(segment)) => segment.ident.span(),
        (None, None) => expr.span(),
    }
}

/// A static's declared type: borrowed from the file, or copied out of the
/// parsed body of a macro (which the context owns, so it cannot lend it to
/// its own table).
enum StaticType<'a> {
    InFile(&'a syn::Type),
    Copied(Box<syn::Type>),
}

impl StaticType<'_> {
    /// A copy of `ty`, spans kept. syn is built without `Clone` for its
    /// trees, so the copy is parsed back from the type's tokens; statics
    /// declared in macros are few.
    fn copied(ty: &syn::Type) -> Option<StaticType<'static>> {
        use quote::ToTokens;
        syn::parse2(ty.to_token_stream())
            .ok()
            .map(|ty| StaticType::Copied(Box::new(ty)))
    }
}

/// A `const` item of the file.
#[derive(Debug, Clone, Copy)]
struct ConstItem<'a> {
    /// Its name, where it is defined.
    ident: &'a syn::Ident,
    /// Its initialiser.
    value: &'a syn::Expr,
    /// For an associated const, the `impl` it is in.
    owner: Option<ConstOwner<'a>>,
}

/// The `impl` an associated const is in.
#[derive(Debug, Clone, Copy)]
struct ConstOwner<'a> {
    /// The last segment of the `impl`'s type.
    ty: &'a syn::Ident,
    /// Where the `impl`'s body starts and ends.
    body: (proc_macro2::LineColumn, proc_macro2::LineColumn),
}

/// Collects fns, consts, structs, statics and macro bodies in one pass over the file.
#[derive(Default)]
struct ItemCollector<'a> {
    fns: HashMap<String, Vec<LocalFn<'a>>>,
    structs: HashMap<String, Vec<&'a syn::ItemStruct>>,
    enums: HashMap<String, Vec<&'a syn::ItemEnum>>,
    /// The declared types of statics by name. Those declared inside a macro
    /// (`lazy_static!`, a `static` in a `select!` branch) are copied out of
    /// its parsed body, which [`FileContext`] keeps elsewhere.
    statics: HashMap<String, Vec<StaticType<'a>>>,
    has_out_of_line_mod: bool,
    /// The `impl`s being visited, innermost last (a fn nested in a method
    /// starts afresh: it has no `Self` of the outer `impl`).
    impls: Vec<&'a syn::ItemImpl>,
    consts: HashMap<String, Vec<ConstItem<'a>>>,
    macro_bodies: HashMap<TokenPos, MacroBody>,
}

impl<'a> ItemCollector<'a> {
    fn add_const(
        &mut self,
        ident: &'a syn::Ident,
        value: &'a syn::Expr,
        owner: Option<ConstOwner<'a>>,
    ) {
        self.consts
            .entry(imports::unraw(ident))
            .or_default()
            .push(ConstItem {
                ident,
                value,
                owner,
            });
    }

    fn add_fn(
        &mut self,
        sig: &'a syn::Signature,
        block: &'a syn::Block,
        is_method: bool,
        impl_item: Option<&'a syn::ItemImpl>,
    ) {
        self.fns
            .entry(imports::unraw(&sig.ident))
            .or_default()
            .push(LocalFn {
                sig,
                block,
                is_method,
                self_ty: impl_item.map(|i| &*i.self_ty),
                impl_generics: impl_item.map(|i| &i.generics),
            });
    }
}

impl<'a> Visit<'a> for ItemCollector<'a> {
    fn visit_item_fn(&mut self, f: &'a syn::ItemFn) {
        // A fn nested in a method has no `Self` of its own `impl`.
        let outer = std::mem::take(&mut self.impls);
        self.add_fn(&f.sig, &f.block, false, None);
        syn::visit::visit_item_fn(self, f);
        self.impls = outer;
    }

    fn visit_item_impl(&mut self, i: &'a syn::ItemImpl) {
        self.impls.push(i);
        syn::visit::visit_item_impl(self, i);
        self.impls.pop();
    }

    fn visit_item_struct(&mut self, s: &'a syn::ItemStruct) {
        self.structs
            .entry(imports::unraw(&s.ident))
            .or_default()
            .push(s);
        syn::visit::visit_item_struct(self, s);
    }

    fn visit_item_enum(&mut self, e: &'a syn::ItemEnum) {
        self.enums
            .entry(imports::unraw(&e.ident))
            .or_default()
            .push(e);
        syn::visit::visit_item_enum(self, e);
    }

    fn visit_item_static(&mut self, s: &'a syn::ItemStatic) {
        self.statics
            .entry(imports::unraw(&s.ident))
            .or_default()
            .push(StaticType::InFile(&s.ty));
        syn::visit::visit_item_static(self, s);
    }

    fn visit_item_mod(&mut self, m: &'a syn::ItemMod) {
        self.has_out_of_line_mod |= m.content.is_none();
        syn::visit::visit_item_mod(self, m);
    }

    fn visit_impl_item_fn(&mut self, f: &'a syn::ImplItemFn) {
        let impl_item = self.impls.last().copied();
        self.add_fn(&f.sig, &f.block, true, impl_item);
        syn::visit::visit_impl_item_fn(self, f);
    }

    fn visit_trait_item_fn(&mut self, f: &'a syn::TraitItemFn) {
        if let Some(block) = &f.default {
            self.add_fn(&f.sig, block, true, None);
        }
        syn::visit::visit_trait_item_fn(self, f);
    }

    fn visit_item_const(&mut self, c: &'a syn::ItemConst) {
        self.add_const(&c.ident, &c.expr, None);
        syn::visit::visit_item_const(self, c);
    }

    fn visit_impl_item_const(&mut self, c: &'a syn::ImplItemConst) {
        let owner = self.impls.last().and_then(|i| match &*i.self_ty {
            syn::Type::Path(t) if t.qself.is_none() => {
                let body = i.brace_token.span;
                let ident = &t.path.segments.last()?.ident;
                Some(ConstOwner {
                    ty: ident,
                    body: (body.open().start(), body.close().end()),
                })
            }
            _ => None,
        });
        self.add_const(&c.ident, &c.expr, owner);
        syn::visit::visit_impl_item_const(self, c);
    }

    fn visit_macro(&mut self, mac: &'a syn::Macro) {
        let mut nested = MacroCollector {
            bodies: &mut self.macro_bodies,
            statics: &mut self.statics,
        };
        nested.collect(mac);
    }
}

/// Parses a macro body and, recursively, the macros inside it; records the
/// statics declared in them.
struct MacroCollector<'m, 'a> {
    bodies: &'m mut HashMap<TokenPos, MacroBody>,
    statics: &'m mut HashMap<String, Vec<StaticType<'a>>>,
}

impl MacroCollector<'_, '_> {
    fn add_static(&mut self, ident: &syn::Ident, ty: &syn::Type) {
        self.statics
            .entry(imports::unraw(ident))
            .or_default()
            .extend(StaticType::copied(ty));
    }

    fn collect(&mut self, mac: &syn::Macro) {
        let body = macros::parse_body(mac);
        if let MacroBody::Statics(decls) = &body {
            decls.iter().for_each(|d| self.add_static(&d.ident, &d.ty));
        }
        let mut inner = MacroVisitor { collector: self };
        match &body {
            MacroBody::Select(select) => {
                for branch in &select.branches {
                    inner.visit_pat(&branch.pat);
                    inner.visit_expr(&branch.future);
                    if let Some(cond) = &branch.condition {
                        inner.visit_expr(cond);
                    }
                    inner.visit_expr(&branch.handler);
                }
                select
                    .else_branches
                    .iter()
                    .for_each(|e| inner.visit_expr(e));
            }
            MacroBody::Exprs(exprs) => exprs.iter().for_each(|e| inner.visit_expr(e)),
            MacroBody::Stmts(stmts) => stmts.iter().for_each(|s| inner.visit_stmt(s)),
            MacroBody::Statics(decls) => decls.iter().for_each(|d| inner.visit_expr(&d.init)),
            MacroBody::Tokens => {}
        }
        self.bodies.insert(macro_key(mac), body);
    }
}

struct MacroVisitor<'c, 'm, 'a> {
    collector: &'c mut MacroCollector<'m, 'a>,
}

impl<'ast> Visit<'ast> for MacroVisitor<'_, '_, '_> {
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.collector.collect(mac);
    }

    fn visit_item_static(&mut self, s: &'ast syn::ItemStatic) {
        self.collector.add_static(&s.ident, &s.ty);
        syn::visit::visit_item_static(self, s);
    }
}

/// The owning pointers a value is reached through (`Arc<Server>`).
pub const POINTERS: &[&str] = &["Arc", "Rc", "Box"];

/// `ty` with references and the listed one-argument wrappers peeled.
pub fn peel_type<'t>(mut ty: &'t syn::Type, wrappers: &[&str]) -> &'t syn::Type {
    for _ in 0..8 {
        match ty {
            syn::Type::Reference(r) => ty = &r.elem,
            syn::Type::Paren(p) => ty = &p.elem,
            syn::Type::Group(g) => ty = &g.elem,
            syn::Type::Path(p) => {
                let Some(last) = p.path.segments.last() else {
                    break;
                };
                if !wrappers.contains(&last.ident.to_string().as_str()) {
                    break;
                }
                let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                    break;
                };
                let Some(inner) = args.args.iter().find_map(|a| match a {
                    syn::GenericArgument::Type(t) => Some(t),
                    _ => None,
                }) else {
                    break;
                };
                ty = inner;
            }
            _ => break,
        }
    }
    ty
}

/// The name an `impl`'s `Self` type goes by: its last path segment
/// (`impl crate::net::Worker` is `Worker`'s).
pub fn impl_type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => {
            p.path.segments.last().map(|s| imports::unraw(&s.ident))
        }
        _ => None,
    }
}

/// Whether `path` may resolve to one of `targets` (full paths), by a look
/// that costs far less than resolving it: a path of two or more segments
/// ends in the name it is written with, whatever its first segment stands
/// for, so when no target ends in that name no import makes the path one of
/// them. (A single name may be renamed by its import: it may be anything.)
/// Rules ask about every call, so this comes before [`FileContext::resolve`].
pub fn may_resolve_to<'t>(path: &syn::Path, mut targets: impl Iterator<Item = &'t str>) -> bool {
    match path.segments.last() {
        Some(last) if path.segments.len() > 1 => {
            targets.any(|t| last.ident == paths::last_segment(t))
        }
        _ => true,
    }
}

/// The crates the top-level `#[macro_use] extern crate …;` items of `file`
/// name.
fn macro_use_crates(file: &syn::File) -> Vec<String> {
    file.items
        .iter()
        .filter_map(|item| match item {
            syn::Item::ExternCrate(e) if e.attrs.iter().any(|a| a.path().is_ident("macro_use")) => {
                Some(imports::unraw(&e.ident))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::ToTokens;

    #[test]
    fn the_cheap_look_before_resolving_keeps_every_possible_path() {
        let may = |path: &str, targets: &[&str]| {
            let path: syn::Path = syn::parse_str(path).unwrap();
            may_resolve_to(&path, targets.iter().copied())
        };
        // Its last segment is what a path is written with, whatever the first stands for.
        assert!(may("tk::spawn", &["tokio::spawn"]));
        assert!(may(
            "task::spawn",
            &["tokio::time::sleep", "tokio::task::spawn"]
        ));
        assert!(!may("tk::go", &["tokio::spawn"]));
        // A single name may be renamed by its import.
        assert!(may("go", &["tokio::spawn"]));
        // `path_is` agrees with resolving.
        let src =
            "use tokio as tk; use tokio::spawn as go; fn f() { tk::spawn(a); go(b); tk::go(c); }";
        let file = syn::parse_file(src).unwrap();
        let ctx = FileContext::new(&file, src);
        let mut seen = Vec::new();
        ctx.walk_exprs(|e, _| {
            if let syn::Expr::Call(c) = e {
                seen.push(ctx.callee_is(&c.func, &["tokio::spawn"]));
            }
        });
        assert_eq!(seen, [true, true, false]);
    }

    /// The declared type of each static named in `names`, as text (`-` for none).
    fn static_types(src: &str, names: &[&str]) -> Vec<String> {
        let file = syn::parse_file(src).unwrap();
        let ctx = FileContext::new(&file, src);
        names
            .iter()
            .map(|n| match ctx.static_type(n) {
                Some(ty) => ty.to_token_stream().to_string().replace(' ', ""),
                None => "-".to_string(),
            })
            .collect()
    }

    #[test]
    fn statics_are_found_in_items_fn_bodies_and_macros() {
        let src = "static A: Lazy<Runtime> = Lazy::new(build);\n\
                   fn f() { static B: OnceCell<Handle> = OnceCell::new(); }\n\
                   lazy_static! { static ref C: Runtime = build(); }\n\
                   mod m { thread_local! { static D: Cell<u8> = Cell::new(0); } }\n\
                   async fn g() { tokio::select! { _ = a() => { static E: u8 = 1; } } }\n\
                   lazy_static! { static ref F: u8 = { static G: u16 = 2; G as u8 }; }";
        assert_eq!(
            static_types(src, &["A", "B", "C", "D", "E", "F", "G", "H"]),
            [
                "Lazy<Runtime>",
                "OnceCell<Handle>",
                "Runtime",
                "Cell<u8>",
                "u8",
                "u8",
                "u16",
                "-"
            ]
        );
    }

    #[test]
    fn fn_spans_and_item_heads_agree_with_syn() {
        let src = "#[cfg(test)] mod t { fn a() {} } /// d\n#[inline] pub fn b() {} \
                   pub(crate) async unsafe fn c() {} const fn d() {} extern \"C\" fn e() {} \
                   impl S { #[test] fn f() { #![allow(x)] } pub fn g(&self) {} \
                   default fn h() {} async fn i() {} } fn j() { #![allow(y)] 1 }";
        let file = syn::parse_file(src).unwrap();
        let ctx = FileContext::new(&file, src);
        let mut fns = 0;
        for item in &file.items {
            assert_eq!(
                ctx.item_in_test_code(item),
                ctx.in_test_code(ctx.span_of(item))
            );
            match item {
                syn::Item::Fn(f) => {
                    fns += 1;
                    assert_eq!(ctx.item_fn_span(f), ctx.span_of(f), "{}", f.sig.ident);
                }
                syn::Item::Impl(i) => {
                    for item in &i.items {
                        if let syn::ImplItem::Fn(f) = item {
                            fns += 1;
                            assert_eq!(ctx.impl_fn_span(f), ctx.span_of(f), "{}", f.sig.ident);
                        }
                    }
                }
                _ => {}
            }
        }
        assert_eq!(fns, 9);
        assert!(ctx.item_in_test_code(&file.items[0]));
    }

    #[test]
    fn first_tokens_start_where_syn_prints_expressions() {
        let src = "fn f() { let v = [1, 2]; let w = [0; 3]; let t = (a, b); x = y + z; \
                   let r = ..n; let q = a..=b; let s = ..=c; let c = p as u8; \
                   'outer: loop { break 'outer; } 'b: { 1 } while c { continue; } \
                   'l: for i in 0..n {} if a { b } else { c }; match m { _ => () }; \
                   let f = async move { 1 }; let g = move |x| x; let h = |y| y; \
                   let k = async || 1; let u = unsafe { p() }; let n = const { 1 }; \
                   let o = &mut a; let d = *p; let e = !q; let i = -j; \
                   let l = <T as U>::V; let m = ::a::b; let s = S { a: 1 }; \
                   let mm = vec![1]; let z = \"s\"; #[allow(x)] w(); a.b[0].c?.d().await; \
                   if let Some(x) = y {}; return 1; }";
        let file = syn::parse_file(src).unwrap();
        let ctx = FileContext::new(&file, src);
        let mut exprs = 0;
        ctx.walk_exprs(|e, _| {
            exprs += 1;
            assert_eq!(
                ctx.position(first_token(e).start()),
                ctx.span_of(e).start,
                "{}",
                e.to_token_stream()
            );
        });
        assert!(exprs > 80, "{exprs}");
    }

    #[test]
    fn call_spans_are_the_spans_syn_prints() {
        let src = "fn f() { a.b(c(d)).e()?.g[0].h(); ::x::y(1).await; (p).q(); \
                   \"s\".len(); vec![1].iter().map(|x| x.z()).count(); Foo { a }.run(); \
                   <T as U>::v(); #[allow(x)] w(); self.k.l(m, n) }";
        let file = syn::parse_file(src).unwrap();
        let ctx = FileContext::new(&file, src);
        let mut calls = 0;
        ctx.walk_exprs(|e, _| {
            if matches!(e, syn::Expr::Call(_) | syn::Expr::MethodCall(_)) {
                calls += 1;
                assert_eq!(ctx.call_span(e), ctx.span_of(e), "{}", e.to_token_stream());
            }
        });
        assert_eq!(calls, 15);
    }

    #[test]
    fn a_name_declared_twice_has_no_single_type() {
        let src = "static A: u8 = 1;\nmod m { lazy_static! { static ref A: u16 = 2; } }\n\
                   static r#B: u8 = 1;";
        assert_eq!(static_types(src, &["A", "B"]), ["-", "u8"]);
    }
}
