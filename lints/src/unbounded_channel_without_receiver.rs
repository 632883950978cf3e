use crate::context::paths::{self, UNBOUNDED_CHANNELS as CONSTRUCTORS};
use crate::Triggers;
use proc_macro2::{Span, TokenTree};
use syn::visit::Visit;
use syn::{Expr, Pat, Stmt};

use crate::context::bindings::{Mention, MentionKind};
use crate::context::scopes::span_within;
use crate::context::Node;
use crate::macros::{self, MacroBody};
use crate::{FileContext, Finding, LintOptions};

crate::declare_lint! {
    /// ### What it does
    /// Flags an unbounded channel whose receiver nobody reads. The channel is
    /// created with a tuple pattern, `let (tx, rx) = …;` (also `mut rx`, or
    /// with a type annotation), and the receiver half:
    ///
    /// 1. is the wildcard `_`, so it is dropped at once;
    /// 2. is bound to a name that is never used after the `let` (`_rx` is not
    ///    excused: it keeps the receiver alive);
    /// 3. is passed to `drop(…)` while the sender is still used after that
    ///    point (a later `drop(tx)`, `tx.closed()` or `tx.is_closed()` is not
    ///    a use: none of them sends), also when it was read before the drop;
    /// 4. is only stored into a field of a struct literal (`Self { rx, … }`)
    ///    of a struct defined in this file, and that field is never read
    ///    anywhere in the file (no `.rx`, no `Self { rx, .. }` pattern).
    ///
    /// Unbounded constructors are `tokio::sync::mpsc::unbounded_channel`,
    /// `futures::channel::mpsc::unbounded` (also via `futures_channel`),
    /// `std::sync::mpsc::channel()`, `crossbeam_channel::unbounded` /
    /// `crossbeam::channel::unbounded`, `flume::unbounded`,
    /// `async_channel::unbounded`, `async_std::channel::unbounded`,
    /// `kanal::unbounded` and `kanal::unbounded_async`, resolved through the
    /// file's `use` items: `use std::sync::mpsc; mpsc::channel()` is
    /// unbounded, `tokio::sync::mpsc::channel(8)` is bounded.
    ///
    /// A use of the receiver is any mention of its name after the `let`
    /// other than inside `drop(…)`: a method call, a move into a closure or
    /// async block, a struct field initialiser, a return, an argument, a
    /// mention in a macro whose body leaklint parses (or, in one it cannot
    /// parse, any token with its name). A later `let` of the same name ends
    /// the search.
    ///
    /// ### Why is this bad
    /// With the receiver parked where nobody reads it, every send succeeds
    /// and the queue grows until the process is killed for memory. With the
    /// receiver dropped, every send fails and the work behind it is silently
    /// lost. It is Go's send on a channel that nobody reads.
    ///
    /// ### Known problems
    /// leaklint reads one file at a time and has no types. A channel bound
    /// whole (`let pair = unbounded_channel();`) or returned directly is not
    /// followed. A constructor that a module of the crate re-exports
    /// (`pub use tokio::sync::mpsc::unbounded_channel;` in `chan.rs`, or
    /// `pub use crossbeam_channel::unbounded as queue;`) is that constructor
    /// wherever the crate calls it through the re-export
    /// (`crate::chan::unbounded_channel()`, `use crate::chan::queue;`); a
    /// name the crate binds to two items under different `cfg`s is neither.
    /// A receiver used anywhere after the `let` counts as read,
    /// even if that use only parks it elsewhere (except case 4). The field
    /// case is only reported for a private field of a struct defined in this
    /// file, without field attributes, on a struct without attributes other
    /// than doc comments, `allow`/`cfg` and derives of `Debug`, `Clone` or
    /// `Default`, in a file that declares no out-of-line `mod child;` (a
    /// child module could read the field); any `.name` access or struct
    /// pattern naming the field anywhere in the file, on any value, counts as
    /// a read. Only the receiver itself as the value of a named field counts
    /// for case 4 (not `Some(rx)`, not an enum variant `Self::On { rx }`, not
    /// a tuple struct). In case 3, "after" is source order: a use written
    /// later in the function than the first `drop(rx)`, even when that drop
    /// is conditional (`if !enabled { drop(rx) }`); a receiver mentioned
    /// after its first `drop` other than in another `drop` (`if c {
    /// drop(rx) } else { serve(rx) }`), or in another branch of the same
    /// `if`/`else` or `match` as the drop (`if audit { spawn(writer(rx)) }
    /// else { drop(rx) }`), is not judged by case 3. A receiver whose only
    /// mention is a `drop(rx)` after which the sender is not used is left
    /// alone, although no mention inside `drop(…)` is a read: the drop says
    /// the caller does not want what is sent (a completion channel that an
    /// API requires, closed at once so that sends fail fast), and nothing
    /// queues. A channel created inside
    /// a macro body is checked against the rest of that body and the
    /// statements after the macro. A receiver bound to a name and never used
    /// is flagged even when the sender is `_` (in test code only with
    /// `--include-tests`, as every rule). Assigning
    /// to the receiver's name (`rx = other;`) counts as a use. Constructors
    /// not listed above (`smol::channel::unbounded`, futures 0.1's
    /// `futures::sync::mpsc::unbounded`) are not recognised. A placeholder
    /// pair whose receiver is dropped at once (`let (tx, _) =
    /// unbounded_channel();` in a constructor) is not reported when its fn
    /// stores the sender in a field (`Self { tx, .. }`) that a method of the
    /// same file replaces (`self.tx = tx;`, `mem::replace(&mut self.tx,
    /// tx)`), as an `init()` does: sends before that fail on purpose. A
    /// replacement in another file is not seen, and the finding stays;
    /// suppress it with a reason.
    ///
    /// ### Example
    /// ```rust,ignore
    /// let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    /// tokio::spawn(async move {
    ///     while let Some(line) = lines.next().await {
    ///         let _ = tx.send(line);
    ///     }
    /// });
    /// ```
    ///
    /// ### Use instead
    /// ```rust,ignore
    /// let (tx, mut rx) = tokio::sync::mpsc::channel(1024);
    /// tokio::spawn(async move {
    ///     while let Some(line) = rx.recv().await {
    ///         shipper.ship(line).await;
    ///     }
    /// });
    /// ```
    pub UNBOUNDED_CHANNEL_WITHOUT_RECEIVER,
    name: "unbounded_channel_without_receiver",
    level: Warn,
    summary: "an unbounded channel's receiver is dropped or never read, so sends fail or the queue grows forever",
    triggers: triggers,
    check: check,
}

/// An unbounded channel's constructor, spelled with its owner (`mpsc::channel`).
fn triggers() -> Triggers {
    Triggers::new(paths::last_segments(&[CONSTRUCTORS])).requiring(paths::spelled(&[CONSTRUCTORS]))
}

const HELP: &str =
    "read from the receiver, or use a bounded channel so a missing reader is noticed";

fn check(ctx: &FileContext<'_>, _options: &LintOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    ctx.walk_exprs(|expr, ancestors| {
        if let Some(finding) = check_constructor(ctx, expr, ancestors) {
            findings.push(finding.help(HELP));
        }
    });
    findings
}

/// The finding for `expr` if it is an unbounded constructor bound by a
/// `let (tx, rx) = …;` whose receiver nobody reads.
fn check_constructor<'v>(
    ctx: &'v FileContext<'_>,
    expr: &'v Expr,
    ancestors: &[Node<'v>],
) -> Option<Finding> {
    let Expr::Call(call) = expr else { return None };
    if !ctx.callee_is(&call.func, CONSTRUCTORS) {
        return None;
    }
    // `std::sync::mpsc::channel` takes no argument; a call with one is not std's.
    if ctx.callee_is(&call.func, &["std::sync::mpsc::channel"]) && !call.args.is_empty() {
        return None;
    }
    let (Node::Local(local), outer) = ancestors.split_last()? else {
        return None;
    };
    if !local
        .init
        .as_ref()
        .is_some_and(|init| std::ptr::eq(&*init.expr, expr))
    {
        return None;
    }
    let (sender, receiver) = tuple_halves(&local.pat)?;
    let finding = |message: &str| {
        Finding::new(
            UNBOUNDED_CHANNEL_WITHOUT_RECEIVER.name,
            ctx.span_of(expr),
            message,
        )
    };
    let receiver_ident = match receiver {
        Pat::Wild(_) if placeholder_replaced_later(ctx, sender, outer) => return None,
        Pat::Wild(_) => {
            return Some(
                finding("unbounded channel whose receiver is dropped at once")
                    .note(ctx.span_of(receiver), "the receiver is discarded here: every send fails and the work behind it is lost"),
            );
        }
        Pat::Ident(p) if p.subpat.is_none() => &p.ident,
        _ => return None,
    };
    let scopes = scope_after(ctx, outer)?;
    let receiver_name = receiver_ident.to_string();
    let mentions = ctx.references_of_pat(receiver_ident);
    let binding = ctx.span_of(receiver);
    if mentions.is_empty() {
        return Some(finding("unbounded channel whose receiver is never read").note(
            binding,
            format!("the receiver `{receiver_name}` is bound here and never used again: every send succeeds and the queue grows without bound"),
        ));
    }
    // Dropped, whether or not it was read before (nothing reads it after).
    let first_drop = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Drop)
        .map(|m| m.span)
        .min_by_key(|s| s.start());
    if let Some(first_drop) = first_drop.filter(|d| {
        mentions
            .iter()
            .all(|m| m.kind == MentionKind::Drop || m.span.start() < d.start())
            // `if audit { spawn(writer(rx)) } else { drop(rx) }`: handed on
            // where it is not dropped.
            && !mentions.iter().any(|m| {
                m.kind != MentionKind::Drop
                    && scopes.iter().any(|stmts| on_other_branches(stmts, m.span, *d))
            })
    }) {
        let sender_ident = match sender {
            Pat::Ident(p) if p.subpat.is_none() => &p.ident,
            _ => return None,
        };
        let sender = sender_ident.to_string();
        let sender_used_later = ctx
            .references_of_pat(sender_ident)
            .iter()
            .any(|m| sends_or_moves(m) && m.span.start() > first_drop.start());
        if !sender_used_later {
            return None;
        }
        return Some(
            finding("unbounded channel whose receiver is dropped while the sender is still in use")
                .note(binding, format!("the receiver `{receiver_name}` is bound here"))
                .note(ctx.span(first_drop), format!("the receiver is dropped here, but `{sender}` is used after this point: every later send fails")),
        );
    }
    let field = unread_field(ctx, &scopes, &receiver_name, mentions, ancestors)?;
    Some(
        finding("unbounded channel whose receiver is stored in a field that nothing reads")
            .note(binding, format!("the receiver `{receiver_name}` is bound here and only stored in a struct field"))
            .note(
                ctx.span_of(&field.decl),
                format!("field `{}` is never read in this file: every send succeeds and the queue grows without bound", field.name),
            ),
    )
}

/// The sender and receiver patterns of `(tx, rx)`, `(tx, mut rx)` or `(tx, rx): (S, R)`.
/// Whether the sender `sender` (of a pair whose receiver is dropped at
/// once) is a placeholder: its fn stores it in a struct's field
/// (`Self { tx, .. }`, `Self { tx: sender }`), and some method of the file
/// replaces that field (`self.tx = tx;`, `mem::replace(&mut self.tx, tx)`)
/// with a channel that is read, as an `init()` does.
fn placeholder_replaced_later<'v>(
    ctx: &'v FileContext<'_>,
    sender: &Pat,
    ancestors: &[Node<'v>],
) -> bool {
    let Pat::Ident(sender) = sender else {
        return false;
    };
    let Some(body) = crate::context::threads::enclosing_fn_body(ancestors) else {
        return false;
    };
    let mut fields: Vec<String> = Vec::new();
    ctx.for_each_expr(body, |e| {
        if let Expr::Struct(s) = e {
            for f in &s.fields {
                let stores = matches!(&f.expr, Expr::Path(p) if p.path.is_ident(&sender.ident));
                if let (true, syn::Member::Named(name)) = (stores, &f.member) {
                    fields.push(name.to_string());
                }
            }
        }
        std::ops::ControlFlow::<()>::Continue(())
    });
    if fields.is_empty() {
        return false;
    }
    let is_own_field = |e: &Expr| {
        let e = match e {
            Expr::Reference(r) => &*r.expr,
            e => e,
        };
        matches!(e, Expr::Field(f)
            if matches!(&*f.base, Expr::Path(p) if p.path.is_ident("self"))
                && matches!(&f.member, syn::Member::Named(n) if fields.iter().any(|x| n == x)))
    };
    ctx.local_methods().any(|method| {
        ctx.any_expr(method.block, |e| match e {
            Expr::Assign(a) => is_own_field(&a.left),
            Expr::Call(c) => {
                matches!(&*c.func, Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "replace" || s.ident == "swap"))
                    && c.args.first().is_some_and(&is_own_field)
            }
            _ => false,
        })
    })
}

fn tuple_halves(pat: &Pat) -> Option<(&Pat, &Pat)> {
    match pat {
        Pat::Type(t) => tuple_halves(&t.pat),
        Pat::Paren(p) => tuple_halves(&p.pat),
        Pat::Tuple(t)
            if t.elems.len() == 2 && !t.elems.iter().any(|e| matches!(e, Pat::Rest(_))) =>
        {
            Some((&t.elems[0], &t.elems[1]))
        }
        _ => None,
    }
}

/// The statements where a binding made by the `let` whose ancestors
/// (without the `Local` itself) are given is in scope: the rest of its block;
/// for a `let` inside a parsed statement macro, the rest of the macro body
/// and, conservatively, the statements after the macro. `None` when the
/// scope cannot be told.
fn scope_after<'v>(ctx: &'v FileContext<'_>, ancestors: &[Node<'v>]) -> Option<Vec<&'v [Stmt]>> {
    if let Some(rest) = ctx.stmts_after(ancestors) {
        return Some(vec![rest]);
    }
    let [before @ .., Node::Macro(mac), Node::Stmt(stmt)] = ancestors else {
        return None;
    };
    let MacroBody::Stmts(body) = ctx.macro_body(mac) else {
        return None;
    };
    let index = body.iter().position(|s| std::ptr::eq(s, *stmt))?;
    let outer = scope_after(ctx, before_stmt(before)?)?;
    let mut scopes = vec![&body[index + 1..]];
    scopes.extend(outer);
    Some(scopes)
}

/// Whether `a` and `b` lie in different branches of one `if`/`else` or
/// `match` among `stmts`: no run reaches both.
fn on_other_branches(stmts: &[Stmt], a: Span, b: Span) -> bool {
    struct Branches {
        a: Span,
        b: Span,
        found: bool,
    }
    impl Branches {
        fn split(&self, branches: &[Span]) -> bool {
            let holds = |s: Span| branches.iter().position(|&outer| span_within(s, outer));
            matches!((holds(self.a), holds(self.b)), (Some(i), Some(j)) if i != j)
        }
    }
    impl<'v> Visit<'v> for Branches {
        fn visit_expr_if(&mut self, e: &'v syn::ExprIf) {
            if let Some((_, other)) = &e.else_branch {
                let branches = [
                    e.then_branch.brace_token.span.join(),
                    syn::spanned::Spanned::span(&**other),
                ];
                self.found |= self.split(&branches);
            }
            syn::visit::visit_expr_if(self, e);
        }
        fn visit_expr_match(&mut self, e: &'v syn::ExprMatch) {
            let arms: Vec<Span> = e
                .arms
                .iter()
                .map(|a| syn::spanned::Spanned::span(&a.body))
                .collect();
            self.found |= self.split(&arms);
            syn::visit::visit_expr_match(self, e);
        }
    }
    let mut branches = Branches { a, b, found: false };
    stmts.iter().for_each(|s| branches.visit_stmt(s));
    branches.found
}

/// The ancestors down to the innermost statement (dropping the expressions
/// between that statement and a macro invocation).
fn before_stmt<'n, 'v>(ancestors: &'n [Node<'v>]) -> Option<&'n [Node<'v>]> {
    let at = ancestors.iter().rposition(|n| matches!(n, Node::Stmt(_)))?;
    Some(&ancestors[..=at])
}

/// Whether a mention of the sender can still send: anything but
/// `drop(tx)`, `tx.closed()` and `tx.is_closed()` (waiting for, or asking
/// about, the receiver being gone is what a deliberate close looks like).
fn sends_or_moves(mention: &Mention) -> bool {
    match mention.kind {
        MentionKind::Drop => false,
        MentionKind::MethodReceiver => !mention
            .method
            .as_ref()
            .is_some_and(|m| m == "closed" || m == "is_closed"),
        MentionKind::Other => true,
    }
}

/// The struct field that a receiver is only ever stored into.
struct UnreadField<'a> {
    name: String,
    decl: &'a syn::Field,
}

/// When every mention of the receiver is the initialiser of a field of a
/// struct literal, and every such field is a private field (of a struct of
/// this file) that nothing in the file reads: the first such field.
fn unread_field<'a>(
    ctx: &FileContext<'a>,
    scopes: &[&[Stmt]],
    receiver: &str,
    mentions: &[Mention],
    ancestors: &[Node<'_>],
) -> Option<UnreadField<'a>> {
    let mut inits = FieldInits {
        ctx,
        name: receiver,
        found: Vec::new(),
    };
    for rest in scopes {
        rest.iter().for_each(|s| inits.visit_stmt(s));
    }
    let mut first = None;
    for mention in mentions {
        if mention.kind == MentionKind::Drop {
            continue;
        }
        let (strukt, member) = inits
            .found
            .iter()
            // The field's initialiser is the mention's own token.
            .find(|(at, _, _)| at.start() == mention.span.start())
            .map(|(_, s, m)| (s.clone(), m.clone()))?;
        let strukt = match strukt {
            StructName::SelfType => ctx.self_type_at(ancestors)?,
            StructName::Named(n) => n,
        };
        let field = private_field(ctx, &strukt, &member)?;
        if field_is_read(ctx, &member) {
            return None;
        }
        first.get_or_insert(UnreadField {
            name: member,
            decl: field,
        });
    }
    first
}

#[derive(Clone)]
enum StructName {
    SelfType,
    Named(String),
}

/// Struct literal fields initialised with exactly the name: `S { rx }`, `S { f: rx }`.
struct FieldInits<'c, 'a, 'n> {
    ctx: &'c FileContext<'a>,
    name: &'n str,
    found: Vec<(Span, StructName, String)>,
}

impl<'ast> Visit<'ast> for FieldInits<'_, '_, '_> {
    fn visit_expr_struct(&mut self, s: &'ast syn::ExprStruct) {
        let strukt = match (s.qself.is_none(), s.path.get_ident()) {
            (true, Some(i)) if i == "Self" => Some(StructName::SelfType),
            (true, Some(i))
                if self
                    .ctx
                    .resolve(&s.path)
                    .is_some_and(|r| r.starts_with("crate::")) =>
            {
                Some(StructName::Named(i.to_string()))
            }
            _ => None,
        };
        for field in &s.fields {
            let (Some(strukt), syn::Member::Named(member), Expr::Path(p)) =
                (&strukt, &field.member, &field.expr)
            else {
                continue;
            };
            if p.qself.is_none() && p.path.get_ident().is_some_and(|i| i == self.name) {
                self.found.push((
                    p.path.segments[0].ident.span(),
                    strukt.clone(),
                    member.to_string(),
                ));
            }
        }
        syn::visit::visit_expr_struct(self, s);
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.ctx.visit_macro_body(mac, self);
    }
}

/// The private named field `member` of the one struct named `strukt` in this
/// file, when nothing outside this file could read it.
fn private_field<'a>(ctx: &FileContext<'a>, strukt: &str, member: &str) -> Option<&'a syn::Field> {
    let ([item], false) = (ctx.structs_named(strukt), ctx.has_out_of_line_mod()) else {
        return None;
    };
    if !item.attrs.iter().all(harmless_struct_attr) {
        return None;
    }
    let syn::Fields::Named(fields) = &item.fields else {
        return None;
    };
    let field = fields
        .named
        .iter()
        .find(|f| f.ident.as_ref().is_some_and(|i| i == member))?;
    let private = matches!(field.vis, syn::Visibility::Inherited);
    let plain = field.attrs.iter().all(|a| a.path().is_ident("doc"));
    (private && plain).then_some(field)
}

/// Doc comments, `allow`/`cfg`, and derives that generate no field reader.
fn harmless_struct_attr(attr: &syn::Attribute) -> bool {
    let path = attr.path();
    if ["doc", "allow", "cfg", "expect", "warn"]
        .iter()
        .any(|n| path.is_ident(n))
    {
        return true;
    }
    if !path.is_ident("derive") {
        return false;
    }
    let mut only_std = true;
    let parsed = attr.parse_nested_meta(|meta| {
        let last = meta.path.segments.last().map(|s| s.ident.to_string());
        if !matches!(last.as_deref(), Some("Debug" | "Clone" | "Default")) {
            only_std = false;
        }
        Ok(())
    });
    parsed.is_ok() && only_std
}

/// Whether the file reads a field named `member` anywhere: `x.member`, or a
/// struct pattern naming it; in a macro leaklint cannot parse, `. member`.
fn field_is_read(ctx: &FileContext<'_>, member: &str) -> bool {
    struct Reads<'c, 'a, 'n> {
        ctx: &'c FileContext<'a>,
        member: &'n str,
        found: bool,
    }
    impl<'ast> Visit<'ast> for Reads<'_, '_, '_> {
        fn visit_expr_field(&mut self, f: &'ast syn::ExprField) {
            if matches!(&f.member, syn::Member::Named(i) if i == self.member) {
                self.found = true;
            }
            syn::visit::visit_expr_field(self, f);
        }
        fn visit_pat_struct(&mut self, p: &'ast syn::PatStruct) {
            if p.fields
                .iter()
                .any(|f| matches!(&f.member, syn::Member::Named(i) if i == self.member))
            {
                self.found = true;
            }
            syn::visit::visit_pat_struct(self, p);
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if matches!(self.ctx.macro_body(mac), MacroBody::Tokens) {
                let mut tokens = Vec::new();
                macros::flat_tokens(&mac.tokens, &mut tokens);
                let dot_member =
                    tokens.windows(2).any(|w| matches!((&w[0], &w[1]), (TokenTree::Punct(p), TokenTree::Ident(i)) if p.as_char() == '.' && i == self.member));
                self.found |= dot_member;
            } else {
                self.ctx.visit_macro_body(mac, self);
            }
        }
    }
    let mut reads = Reads {
        ctx,
        member,
        found: false,
    };
    reads.visit_file(ctx.file);
    reads.found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(src: &str) -> Vec<String> {
        let file = syn::parse_file(src).unwrap();
        let ctx = FileContext::new(&file, src);
        check(&ctx, &LintOptions::default())
            .into_iter()
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn cases() {
        let wild = "use tokio::sync::mpsc; fn f() { let (tx, _) = mpsc::unbounded_channel(); tx.send(1); }";
        assert_eq!(
            findings(wild),
            vec!["unbounded channel whose receiver is dropped at once"]
        );
        let unused = "fn f() { let (tx, _rx) = std::sync::mpsc::channel(); tx.send(1); }";
        assert_eq!(
            findings(unused),
            vec!["unbounded channel whose receiver is never read"]
        );
        let bounded =
            "use tokio::sync::mpsc; fn f() { let (tx, _rx) = mpsc::channel(8); tx.send(1); }";
        assert!(findings(bounded).is_empty());
        let dropped = "fn f() { let (tx, rx) = flume::unbounded(); drop(rx); tx.send(1); }";
        assert_eq!(findings(dropped).len(), 1);
        let both_dropped = "fn f() { let (tx, rx) = flume::unbounded(); tx.send(1); drop(rx); }";
        assert!(findings(both_dropped).is_empty());
        let used =
            "fn f() { let (tx, mut rx) = flume::unbounded(); spawn(async move { rx.recv() }); }";
        assert!(findings(used).is_empty());
    }

    #[test]
    fn unread_fields() {
        let src = "struct Bus { tx: S, rx: R } impl Bus { fn new() -> Self { let (tx, rx) = flume::unbounded(); Self { tx, rx } } }";
        assert_eq!(
            findings(src),
            vec!["unbounded channel whose receiver is stored in a field that nothing reads"]
        );
        let read = "struct Bus { tx: S, rx: R } impl Bus { fn new() -> Self { let (tx, rx) = flume::unbounded(); Self { tx, rx } } fn r(&self) { self.rx.recv(); } }";
        assert!(findings(read).is_empty());
        let public = "struct Bus { tx: S, pub rx: R } impl Bus { fn new() -> Self { let (tx, rx) = flume::unbounded(); Self { tx, rx } } }";
        assert!(findings(public).is_empty());
        let child = "mod wiring; struct Bus { tx: S, rx: R } impl Bus { fn new() -> Self { let (tx, rx) = flume::unbounded(); Self { tx, rx } } }";
        assert!(findings(child).is_empty());
        let pattern = "struct Bus { tx: S, rx: R } impl Bus { fn new() -> Self { let (tx, rx) = flume::unbounded(); Self { tx, rx } } fn into_rx(self) -> R { let Bus { rx, .. } = self; rx } }";
        assert!(findings(pattern).is_empty());
        let derived = "#[derive(Debug, Getters)] struct Bus { tx: S, rx: R } impl Bus { fn new() -> Self { let (tx, rx) = flume::unbounded(); Self { tx, rx } } }";
        assert!(findings(derived).is_empty());
        let unparsed_macro = "struct Bus { tx: S, rx: R } impl Bus { fn new() -> Self { let (tx, rx) = flume::unbounded(); Self { tx, rx } } } my_macro!(=> self.rx);";
        assert!(findings(unparsed_macro).is_empty());
        let variant = "enum Bus { On { rx: R } } fn new() -> Bus { let (tx, rx) = flume::unbounded(); keep(tx); Bus::On { rx } }";
        assert!(findings(variant).is_empty());
    }

    #[test]
    fn macro_bodies_and_closing() {
        let in_defer = "fn f() { defer! { let (tx, rx) = flume::unbounded(); tx.send(1); } }";
        assert_eq!(findings(in_defer).len(), 1);
        let read_in_defer =
            "fn f() { defer! { let (tx, rx) = flume::unbounded(); tx.send(1); rx.recv(); } }";
        assert!(findings(read_in_defer).is_empty());
        let closed = "async fn f() { let (tx, rx) = flume::unbounded::<u8>(); drop(rx); tx.closed().await; assert!(tx.is_closed()); }";
        assert!(findings(closed).is_empty());
        let std_with_arg =
            "use std::sync::mpsc::channel; fn f() { let (tx, _rx) = channel(4); tx.send(1); }";
        assert!(findings(std_with_arg).is_empty());
    }
}
