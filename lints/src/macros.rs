//! Parsing the bodies of well-known macros into syntax trees.
//!
//! syn leaves a macro invocation's body as tokens. Rules need to see inside
//! `tokio::select!` branches, `join!` arguments, `defer!` bodies, the
//! initialisers of `lazy_static!` and `thread_local!`, and the arguments of
//! the many macros that take comma-separated expressions (`vec!`,
//! `println!`, `assert!`, `tracing::info!` …). Bodies are parsed by the
//! macro's last path segment; a body that does not parse is left as tokens
//! and rules fall back to a token scan ([`MacroBody::Tokens`]). Parsing never
//! fails loudly: a malformed body is simply not understood.
//!
//! tracing's field syntax (`error!(error = ?e, "…")`, `info!(%addr)`) puts
//! a `?` or `%` in *prefix* position (after `=`, `,` or `(`, or first in the
//! body): a formatting sigil, not the try operator. A body that does not
//! parse as written is parsed again without those sigils, and
//! [`has_try_operator`] ignores them in a token scan.

use proc_macro2::{TokenStream, TokenTree};
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr, Pat, Stmt, Token};

/// The understood body of one macro invocation.
#[derive(Debug)]
pub enum MacroBody {
    /// `tokio::select!` / `futures::select!` / `select_biased!` /
    /// `crossbeam_channel::select!`.
    Select(Select),
    /// Comma-separated expressions (`join!`, `vec!`, `println!`, …).
    Exprs(Vec<Expr>),
    /// Statements (`defer! { … }`, `pin! { let x = …; }`, block-like macros).
    Stmts(Vec<Stmt>),
    /// `static` declarations (`lazy_static!`, `thread_local!`).
    Statics(Vec<StaticDecl>),
    /// A body that could not be parsed; rules may scan its tokens.
    Tokens,
}

/// A parsed `select!`.
#[derive(Debug)]
pub struct Select {
    /// The branches in order.
    pub branches: Vec<SelectBranch>,
    /// The body of the `else` (tokio), `default` / `complete` (futures) or
    /// `default` / `default(timeout)` (crossbeam) branch.
    pub else_branches: Vec<Expr>,
    /// Whether it has a `default =>` branch (futures, crossbeam without a
    /// timeout): it runs at once when no branch is ready.
    pub default_arm: bool,
    /// Whether it has tokio's `else =>` branch: it runs when every branch
    /// is disabled.
    pub else_arm: bool,
}

/// One `pattern = future, if condition => handler` branch of a `select!`.
#[derive(Debug)]
pub struct SelectBranch {
    /// The pattern the output is matched against.
    pub pat: Pat,
    /// The future raced in this branch. A crossbeam operation is read as
    /// the blocking call it stands for: `recv(rx) -> m` as `rx.recv()`,
    /// `send(tx, v) -> r` as `tx.send(v)`.
    pub future: Expr,
    /// The precondition (`, if cond`), tokio only.
    pub condition: Option<Expr>,
    /// What runs when this branch wins.
    pub handler: Expr,
}

/// One `static NAME: Type = init;` of `lazy_static!` / `thread_local!`.
#[derive(Debug)]
pub struct StaticDecl {
    /// The static's name.
    pub ident: syn::Ident,
    /// Its declared type.
    pub ty: syn::Type,
    /// Its initialiser.
    pub init: Expr,
}

/// Parses `mac`'s body according to the macro's name. Never panics.
pub fn parse_body(mac: &syn::Macro) -> MacroBody {
    let name = match mac.path.segments.last() {
        Some(seg) => seg.ident.to_string(),
        None => return MacroBody::Tokens,
    };
    let tokens = mac.tokens.clone();
    let parsed = match name.as_str() {
        "select" | "select_biased" => parse_select(tokens.clone()).map(MacroBody::Select),
        "lazy_static" | "thread_local" => parse_statics(tokens.clone()).map(MacroBody::Statics),
        "defer" => parse_stmts(tokens.clone()).map(MacroBody::Stmts),
        _ => None,
    };
    if let Some(body) = parsed {
        return body;
    }
    if let Some(exprs) = parse_exprs(tokens.clone()) {
        return MacroBody::Exprs(exprs);
    }
    // `matches!(expr, Ok(r) if r.is_success())`: a pattern that is no
    // expression, or a guard.
    if matches!(
        name.as_str(),
        "matches" | "assert_matches" | "debug_assert_matches"
    ) {
        if let Some(exprs) = parse_matches(tokens.clone()) {
            return MacroBody::Exprs(exprs);
        }
    }
    if let Some(stmts) = parse_stmts(tokens.clone()) {
        return MacroBody::Stmts(stmts);
    }
    // tracing's `field = ?value` / `%value`: the sigils only pick a formatter.
    if has_format_sigil(&tokens) {
        if let Some(exprs) = parse_exprs(strip_format_sigils(tokens)) {
            return MacroBody::Exprs(exprs);
        }
    }
    MacroBody::Tokens
}

/// Whether the token at `i` of a token list is in prefix position: first,
/// or right after `=`, `,` or `;` (a group's opening delimiter starts a new list).
fn in_prefix_position(tokens: &[TokenTree], i: usize) -> bool {
    match i.checked_sub(1).map(|p| &tokens[p]) {
        None => true,
        Some(TokenTree::Punct(p)) => matches!(p.as_char(), '=' | ',' | ';'),
        Some(_) => false,
    }
}

/// Whether a token is a `?` or `%` formatting sigil in prefix position.
fn is_format_sigil(tokens: &[TokenTree], i: usize) -> bool {
    matches!(&tokens[i], TokenTree::Punct(p) if matches!(p.as_char(), '?' | '%'))
        && in_prefix_position(tokens, i)
}

fn has_format_sigil(tokens: &TokenStream) -> bool {
    let list: Vec<TokenTree> = tokens.clone().into_iter().collect();
    (0..list.len()).any(|i| match &list[i] {
        TokenTree::Group(g) => has_format_sigil(&g.stream()),
        _ => is_format_sigil(&list, i),
    })
}

/// `tokens` without the `?` / `%` formatting sigils in prefix position.
fn strip_format_sigils(tokens: TokenStream) -> TokenStream {
    let list: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = TokenStream::new();
    for (i, tt) in list.iter().enumerate() {
        match tt {
            TokenTree::Group(g) => {
                let mut group =
                    proc_macro2::Group::new(g.delimiter(), strip_format_sigils(g.stream()));
                group.set_span(g.span());
                out.extend([TokenTree::Group(group)]);
            }
            _ if is_format_sigil(&list, i) => {}
            other => out.extend([other.clone()]),
        }
    }
    out
}

/// Whether unparsed macro tokens hold a `?` try operator: a `?` that is not
/// a formatting sigil in prefix position (`error = ?e`, `(?e)`).
pub fn has_try_operator(tokens: &TokenStream) -> bool {
    let list: Vec<TokenTree> = tokens.clone().into_iter().collect();
    (0..list.len()).any(|i| match &list[i] {
        TokenTree::Group(g) => has_try_operator(&g.stream()),
        TokenTree::Punct(p) => p.as_char() == '?' && !in_prefix_position(&list, i),
        _ => false,
    })
}

fn parse_exprs(tokens: TokenStream) -> Option<Vec<Expr>> {
    if tokens.is_empty() {
        return Some(Vec::new());
    }
    // `info!(target: "x", …)`, `write!(f, …)`: a leading `name:` is tolerated.
    let parser = |input: ParseStream| {
        if input.peek(syn::Ident) && input.peek2(Token![:]) && !input.peek2(Token![::]) {
            input.parse::<syn::Ident>()?;
            input.parse::<Token![:]>()?;
        }
        Punctuated::<Expr, Token![,]>::parse_terminated(input)
    };
    parser.parse2(tokens).ok().map(|p| p.into_iter().collect())
}

/// What a macro argument evaluates: the value of a named argument (tracing's
/// `info!(scratch = len, …)` field, `format!("{n}", n = count)`), whose name
/// is a label and mentions no binding; any other argument as written.
pub fn argument_value(arg: &Expr) -> &Expr {
    match arg {
        Expr::Assign(named) if is_field_name(&named.left) => &named.right,
        other => other,
    }
}

/// Whether `e` is a name a macro gives an argument: `a`, or tracing's
/// dotted field names (`http.status = code`).
fn is_field_name(e: &Expr) -> bool {
    match e {
        Expr::Path(p) => p.qself.is_none() && p.path.get_ident().is_some(),
        Expr::Field(f) => matches!(f.member, syn::Member::Named(_)) && is_field_name(&f.base),
        _ => false,
    }
}

/// `matches!(scrutinee, pattern if guard, message…)`: the scrutinee, the
/// guard and the message's expressions (the pattern binds, it runs nothing).
fn parse_matches(tokens: TokenStream) -> Option<Vec<Expr>> {
    let parser = |input: ParseStream| {
        let mut exprs = vec![input.parse::<Expr>()?];
        input.parse::<Token![,]>()?;
        Pat::parse_multi_with_leading_vert(input)?;
        if input.parse::<Option<Token![if]>>()?.is_some() {
            exprs.push(input.parse::<Expr>()?);
        }
        if input.parse::<Option<Token![,]>>()?.is_some() {
            exprs.extend(Punctuated::<Expr, Token![,]>::parse_terminated(input)?);
        }
        Ok(exprs)
    };
    parser.parse2(tokens).ok()
}

fn parse_stmts(tokens: TokenStream) -> Option<Vec<Stmt>> {
    syn::Block::parse_within.parse2(tokens).ok()
}

fn parse_statics(tokens: TokenStream) -> Option<Vec<StaticDecl>> {
    let parser = |input: ParseStream| {
        let mut decls = Vec::new();
        while !input.is_empty() {
            input.call(syn::Attribute::parse_outer)?;
            input.parse::<syn::Visibility>()?;
            input.parse::<Token![static]>()?;
            if input.peek(Token![ref]) {
                input.parse::<Token![ref]>()?;
            }
            let ident: syn::Ident = input.parse()?;
            input.parse::<Token![:]>()?;
            let ty: syn::Type = input.parse()?;
            input.parse::<Token![=]>()?;
            // thread_local!'s `const { … }` initialisers.
            if input.peek(Token![const]) && input.peek2(syn::token::Brace) {
                input.parse::<Token![const]>()?;
            }
            let init: Expr = input.parse()?;
            decls.push(StaticDecl { ident, ty, init });
            if input.peek(Token![;]) {
                input.parse::<Token![;]>()?;
            }
        }
        Ok(decls)
    };
    parser.parse2(tokens).ok()
}

fn parse_select(tokens: TokenStream) -> Option<Select> {
    let parser = |input: ParseStream| {
        let mut select = Select {
            branches: Vec::new(),
            else_branches: Vec::new(),
            default_arm: false,
            else_arm: false,
        };
        // tokio's `biased;`
        if input.peek(syn::Ident) && input.peek2(Token![;]) {
            let ident: syn::Ident = input.parse()?;
            if ident != "biased" {
                return Err(syn::Error::new(ident.span(), "expected `biased`"));
            }
            input.parse::<Token![;]>()?;
        }
        while !input.is_empty() {
            let is_else = input.peek(Token![else]) || input.peek(Token![default]);
            let is_complete = input.peek(syn::Ident) && input.peek2(Token![=>]) && {
                let fork = input.fork();
                fork.parse::<syn::Ident>()
                    .map(|i| i == "complete")
                    .unwrap_or(false)
            };
            if is_else || is_complete {
                if input.peek(Token![else]) {
                    input.parse::<Token![else]>()?;
                    select.else_arm = true;
                } else if input.peek(Token![default]) {
                    input.parse::<Token![default]>()?;
                    // crossbeam's `default(timeout) =>` runs after waiting.
                    if input.peek(syn::token::Paren) {
                        let content;
                        syn::parenthesized!(content in input);
                        content.parse::<Expr>()?;
                    } else {
                        select.default_arm = true;
                    }
                } else {
                    input.parse::<syn::Ident>()?;
                }
                input.parse::<Token![=>]>()?;
                select.else_branches.push(parse_handler(input)?);
                continue;
            }
            if let Some(future) = crossbeam_operation(input)? {
                let pat = Pat::parse_multi_with_leading_vert(input)?;
                input.parse::<Token![=>]>()?;
                let handler = parse_handler(input)?;
                select.branches.push(SelectBranch {
                    pat,
                    future,
                    condition: None,
                    handler,
                });
                continue;
            }
            let pat = Pat::parse_multi_with_leading_vert(input)?;
            input.parse::<Token![=]>()?;
            let future = input.call(Expr::parse_without_eager_brace)?;
            let condition = if input.peek(Token![,]) && input.peek2(Token![if]) {
                input.parse::<Token![,]>()?;
                input.parse::<Token![if]>()?;
                Some(input.call(Expr::parse_without_eager_brace)?)
            } else {
                None
            };
            input.parse::<Token![=>]>()?;
            let handler = parse_handler(input)?;
            select.branches.push(SelectBranch {
                pat,
                future,
                condition,
                handler,
            });
        }
        Ok(select)
    };
    parser.parse2(tokens).ok()
}

/// crossbeam's `recv(rx) ->` / `send(tx, v) ->`, read as the call
/// `rx.recv()` / `tx.send(v)`; `None` (nothing consumed) for any other branch.
fn crossbeam_operation(input: ParseStream) -> syn::Result<Option<Expr>> {
    let fork = input.fork();
    let is_operation = fork
        .parse::<syn::Ident>()
        .is_ok_and(|op| op == "recv" || op == "send")
        && fork.peek(syn::token::Paren)
        && {
            let _content;
            syn::parenthesized!(_content in fork);
            fork.peek(Token![->])
        };
    if !is_operation {
        return Ok(None);
    }
    let method: syn::Ident = input.parse()?;
    let content;
    let paren_token = syn::parenthesized!(content in input);
    let mut args = Punctuated::<Expr, Token![,]>::parse_terminated(&content)?.into_iter();
    let receiver = args
        .next()
        .ok_or_else(|| syn::Error::new(method.span(), "expected a channel"))?;
    input.parse::<Token![->]>()?;
    Ok(Some(Expr::MethodCall(syn::ExprMethodCall {
        attrs: Vec::new(),
        receiver: Box::new(receiver),
        dot_token: Token![.](method.span()),
        method,
        turbofish: None,
        paren_token,
        args: args.collect(),
    })))
}

/// A branch handler: a block (optionally followed by `,`) or an expression followed by `,` or the end.
fn parse_handler(input: ParseStream) -> syn::Result<Expr> {
    let handler: Expr = if input.peek(syn::token::Brace) {
        Expr::Block(input.parse()?)
    } else {
        input.parse()?
    };
    if input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
    } else if !input.is_empty() && !matches!(handler, Expr::Block(_)) {
        return Err(input.error("expected `,` after a select! branch"));
    }
    Ok(handler)
}

/// Every token of `tokens`, flattened through groups, in order.
pub fn flat_tokens(tokens: &TokenStream, out: &mut Vec<TokenTree>) {
    for tt in tokens.clone() {
        match tt {
            TokenTree::Group(g) => flat_tokens(&g.stream(), out),
            other => out.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::ToTokens;

    fn mac(src: &str) -> syn::Macro {
        syn::parse_str(src).unwrap()
    }

    #[test]
    fn tokio_select_with_biased_conditions_and_else() {
        let body = parse_body(&mac(
            "tokio::select! { biased; _ = token.cancelled() => break, Some(x) = rx.recv(), if open => { handle(x) } else => {} }",
        ));
        let MacroBody::Select(s) = body else {
            panic!("not a select: {body:?}")
        };
        assert_eq!(s.branches.len(), 2);
        assert!(s.branches[1].condition.is_some());
        assert_eq!(s.else_branches.len(), 1);
    }

    #[test]
    fn futures_select_with_default_and_complete() {
        let body = parse_body(&mac(
            "futures::select! { x = a.next() => x, default => (), complete => break, }",
        ));
        let MacroBody::Select(s) = body else {
            panic!("not a select: {body:?}")
        };
        assert_eq!(s.branches.len(), 1);
        assert_eq!(s.else_branches.len(), 2);
    }

    #[test]
    fn malformed_bodies_fail_soft() {
        assert!(matches!(
            parse_body(&mac("tokio::select! { _ = => }")),
            MacroBody::Tokens
        ));
    }

    #[test]
    fn crossbeam_select_reads_operations_as_calls() {
        let body = parse_body(&mac(
            "crossbeam_channel::select! { recv(rx) -> m => f(m), send(tx, 1) -> r => { g(r) } default => {} }",
        ));
        let MacroBody::Select(s) = body else {
            panic!("not a select: {body:?}")
        };
        assert_eq!(s.branches.len(), 2);
        let call = |b: &SelectBranch| match &b.future {
            Expr::MethodCall(m) => (m.method.to_string(), m.args.len()),
            other => panic!("not a call: {other:?}"),
        };
        assert_eq!(call(&s.branches[0]), ("recv".into(), 0));
        assert_eq!(call(&s.branches[1]), ("send".into(), 1));
        assert_eq!(s.else_branches.len(), 1);
        let timed = parse_body(&mac(
            "select! { recv(rx) -> m => f(m), default(Duration::from_millis(5)) => g(), }",
        ));
        assert!(matches!(timed, MacroBody::Select(s) if s.else_branches.len() == 1));
        assert!(matches!(
            parse_body(&mac("select! { recv() -> m => f(m) }")),
            MacroBody::Tokens
        ));
    }

    #[test]
    fn named_arguments_are_their_values() {
        let MacroBody::Exprs(args) =
            parse_body(&mac("info!(scratch = len, http.status = ?code, \"done\")"))
        else {
            panic!("parsed as expressions");
        };
        let written: Vec<String> = args
            .iter()
            .map(|a| argument_value(a).to_token_stream().to_string())
            .collect();
        assert_eq!(written, ["len", "code", "\"done\""]);
    }

    #[test]
    fn tracing_sigils_are_not_try_operators() {
        let body = parse_body(&mac(
            "tracing::error!(error = ?e, peer = %addr, \"heartbeat failed\")",
        ));
        assert!(matches!(body, MacroBody::Exprs(v) if v.len() == 3));
        // A guard, a pattern that is no expression, a message.
        for (source, exprs) in [
            (
                "matches!(client.get(u).send().await, Ok(r) if r.status().is_success())",
                2,
            ),
            ("matches!(x, ref y @ 1..=5)", 1),
            ("assert_matches!(f(), Some(v) if v > 1, \"got {}\", v)", 4),
        ] {
            assert!(
                matches!(parse_body(&mac(source)), MacroBody::Exprs(v) if v.len() == exprs),
                "{source}"
            );
        }
        // Only these macros' bodies are read so.
        assert!(matches!(
            parse_body(&mac("other!(x, Ok(r) if r)")),
            MacroBody::Tokens
        ));
        assert!(
            matches!(parse_body(&mac("info!(?state, %addr)")), MacroBody::Exprs(v) if v.len() == 2)
        );
        let tokens = |s: &str| mac(s).tokens;
        assert!(!has_try_operator(&tokens("m!(error = ?e, \"x\")")));
        assert!(!has_try_operator(&tokens("m!(?e, (%a))")));
        assert!(!has_try_operator(&tokens("m!{ field = ?e; other }")));
        assert!(has_try_operator(&tokens("m!(x = f()?, \"x\")")));
        assert!(has_try_operator(&tokens("m!(f(a)?)")));
        assert!(has_try_operator(&tokens("m!{ let a = b?; }")));
    }

    #[test]
    fn statics_exprs_and_stmts() {
        assert!(
            matches!(parse_body(&mac("lazy_static! { static ref T: u8 = 1; pub static ref U: u8 = 2; }")), MacroBody::Statics(v) if v.len() == 2)
        );
        assert!(
            matches!(parse_body(&mac("thread_local! { static T: u8 = const { 1 }; }")), MacroBody::Statics(v) if v.len() == 1)
        );
        assert!(
            matches!(parse_body(&mac("info!(target: \"x\", \"{}\", a)")), MacroBody::Exprs(v) if v.len() == 3)
        );
        assert!(
            matches!(parse_body(&mac("defer! { println!(\"{}\", buf.len()); }")), MacroBody::Stmts(v) if v.len() == 1)
        );
    }
}
