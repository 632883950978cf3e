use proc_macro2::Span;
use syn::{Expr, Pat, Stmt};

use crate::context::bindings::{Mention, MentionKind};
use crate::context::Node;
use crate::macros::MacroBody;
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
    ///    a use: none of them sends).
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
    /// followed. A receiver used anywhere after the `let` counts as read,
    /// even if that use only parks it elsewhere: a receiver stored in a
    /// struct field (`Self { tx, rx }`) is not reported, even when nothing
    /// in the file ever reads that field (RULES.md counts a struct field
    /// initialiser as a use). In case 3, "after" is source order: a use written
    /// later in the function than the first `drop(rx)`, even when that drop
    /// is conditional (`if !enabled { drop(rx) }`). A channel created inside
    /// a macro body is checked against the rest of that body and the
    /// statements after the macro. A receiver bound to a name and never used
    /// is flagged even when the sender is `_`, and in tests too. Assigning
    /// to the receiver's name (`rx = other;`) counts as a use. Constructors
    /// not listed above (`smol::channel::unbounded`, futures 0.1's
    /// `futures::sync::mpsc::unbounded`) are not recognised.
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
    trigger_words: &["unbounded_channel", "unbounded", "unbounded_async", "channel"],
    // The crates the constructors resolve to.
    requires: &[&[
        "tokio", "futures", "futures_channel", "futures_util", "std", "crossbeam",
        "crossbeam_channel", "flume", "async_channel", "async_std", "kanal",
    ]],
    check: check,
}

const HELP: &str =
    "read from the receiver, or use a bounded channel so a missing reader is noticed";

/// Resolved paths of the unbounded channel constructors.
const CONSTRUCTORS: &[&str] = &[
    "tokio::sync::mpsc::unbounded_channel",
    "futures::channel::mpsc::unbounded",
    "std::sync::mpsc::channel",
    "crossbeam::channel::unbounded",
    "flume::unbounded",
    "async_channel::unbounded",
    "async_std::channel::unbounded",
    "kanal::unbounded",
    "kanal::unbounded_async",
];

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
    let mentions: Vec<Mention<'_>> = scopes
        .iter()
        .flat_map(|rest| ctx.mentions_in_stmts(rest, &receiver_name))
        .collect();
    let binding = ctx.span_of(receiver);
    if mentions.is_empty() {
        return Some(finding("unbounded channel whose receiver is never read").note(
            binding,
            format!("the receiver `{receiver_name}` is bound here and never used again: every send succeeds and the queue grows without bound"),
        ));
    }
    if mentions.iter().all(|m| m.kind == MentionKind::Drop) {
        let sender = match sender {
            Pat::Ident(p) if p.subpat.is_none() => p.ident.to_string(),
            _ => return None,
        };
        let first_drop = mentions
            .iter()
            .map(|m| m.span)
            .min_by_key(|s| position(*s))?;
        let sender_used_later = scopes
            .iter()
            .flat_map(|rest| ctx.mentions_in_stmts(rest, &sender))
            .any(|m| sends_or_moves(&m) && position(m.span) > position(first_drop));
        if !sender_used_later {
            return None;
        }
        return Some(
            finding("unbounded channel whose receiver is dropped while the sender is still in use")
                .note(binding, format!("the receiver `{receiver_name}` is bound here"))
                .note(ctx.span(first_drop), format!("the receiver is dropped here, but `{sender}` is used after this point: every later send fails")),
        );
    }
    None
}

/// The sender and receiver patterns of `(tx, rx)`, `(tx, mut rx)` or `(tx, rx): (S, R)`.
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

/// The ancestors down to the innermost statement (dropping the expressions
/// between that statement and a macro invocation).
fn before_stmt<'n, 'v>(ancestors: &'n [Node<'v>]) -> Option<&'n [Node<'v>]> {
    let at = ancestors.iter().rposition(|n| matches!(n, Node::Stmt(_)))?;
    Some(&ancestors[..=at])
}

/// Whether a mention of the sender can still send: anything but
/// `drop(tx)`, `tx.closed()` and `tx.is_closed()` (waiting for, or asking
/// about, the receiver being gone is what a deliberate close looks like).
fn sends_or_moves(mention: &Mention<'_>) -> bool {
    match mention.kind {
        MentionKind::Drop => false,
        MentionKind::MethodReceiver => !mention
            .method
            .is_some_and(|m| m == "closed" || m == "is_closed"),
        MentionKind::Other => true,
    }
}

/// A comparable source position of a span's start.
fn position(span: Span) -> (usize, usize) {
    let start = span.start();
    (start.line, start.column)
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
        let stored = "struct Bus { tx: S, rx: R } impl Bus { fn new() -> Self { let (tx, rx) = flume::unbounded(); Self { tx, rx } } }";
        assert!(findings(stored).is_empty());
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
