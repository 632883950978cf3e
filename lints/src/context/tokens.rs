//! "What does this mention of a cancellation token do with it?": one walk
//! up the mention's ancestors, shared by `cancel_token_never_cancelled`
//! (which follows the locals and the calls of its own file further) and
//! the fn summaries (which say whether a fn may fire a token it is given,
//! [`super::follow::FnFacts::fires_param`]).

use super::bindings::pat_ident;
use super::paths::{
    CANCELLING_FUTURE_METHODS, CANCELLING_TOKEN_METHODS, FORMAT_MACROS, TOKEN_DERIVING_METHODS,
    TOKEN_OBSERVING_METHODS,
};
use super::{BindingId, FileContext, Node};

/// What a mention of a token does with it. A derived token (`token.clone()`,
/// `token.child_token()`, a reference) is the token.
#[derive(Debug, Clone, Copy)]
pub enum TokenMention<'v> {
    /// Waits on it, tests it, formats it, drops it, or only names it in a
    /// statement (`token;`): it stays unfired.
    Harmless,
    /// Binds it whole to this local (`let t = token.clone();`), which the
    /// code after the `let` may use.
    Bound(BindingId),
    /// Hands it to a call, as argument `index` (not counting a method's
    /// receiver): `call` is the call or method call, at `ancestors[at]`.
    /// What the callee does with it is the caller's question.
    Argument {
        call: &'v syn::Expr,
        index: usize,
        at: usize,
    },
    /// Fires it (`cancel`, `drop_guard`), or anything that might: a method
    /// not understood, storing or returning it, a macro that is not a
    /// formatting one.
    MayFire,
}

impl FileContext<'_> {
    /// What the mention `expr` of a token (with its ancestors, outermost
    /// first) does with it.
    pub fn token_mention<'v>(
        &self,
        expr: &'v syn::Expr,
        ancestors: &[Node<'v>],
    ) -> TokenMention<'v> {
        let mut current = expr;
        // Its place in a tuple a `let` binds by a tuple pattern (`let (a,
        // b) = (t.clone(), t.clone());`).
        let mut in_tuple: Option<usize> = None;
        for (at, node) in ancestors.iter().enumerate().rev() {
            if in_tuple.is_some() && !matches!(node, Node::Local(_)) {
                return TokenMention::MayFire;
            }
            match node {
                Node::Expr(parent) => match parent {
                    syn::Expr::Tuple(t) => {
                        match t.elems.iter().position(|e| std::ptr::eq(e, current)) {
                            Some(index) => {
                                in_tuple = Some(index);
                                current = parent;
                            }
                            None => return TokenMention::MayFire,
                        }
                    }
                    syn::Expr::Paren(_) | syn::Expr::Reference(_) => current = parent,
                    syn::Expr::MethodCall(m) if std::ptr::eq(&*m.receiver, current) => {
                        let method = m.method.to_string();
                        let method = method.as_str();
                        if TOKEN_DERIVING_METHODS.contains(&method) && m.args.is_empty() {
                            current = parent;
                        } else if TOKEN_OBSERVING_METHODS.contains(&method)
                            || CANCELLING_TOKEN_METHODS.contains(&method)
                        {
                            return TokenMention::Harmless;
                        } else {
                            // `cancel`, `drop_guard`, or a method not understood.
                            return TokenMention::MayFire;
                        }
                    }
                    // `fut.with_cancellation_token(&token)` waits on it.
                    syn::Expr::MethodCall(m)
                        if CANCELLING_FUTURE_METHODS.iter().any(|c| m.method == c) =>
                    {
                        return TokenMention::Harmless;
                    }
                    syn::Expr::MethodCall(m) => return argument(&m.args, current, parent, at),
                    syn::Expr::Call(c) if self.callee_is(&c.func, &["std::mem::drop"]) => {
                        return TokenMention::Harmless;
                    }
                    syn::Expr::Call(c) => return argument(&c.args, current, parent, at),
                    _ => return TokenMention::MayFire,
                },
                Node::Local(local) => {
                    let whole = (local.init.as_ref())
                        .is_some_and(|i| i.diverge.is_none() && std::ptr::eq(&*i.expr, current));
                    let pat = match (in_tuple, &local.pat, current) {
                        (None, pat, _) => pat,
                        (Some(index), syn::Pat::Tuple(p), syn::Expr::Tuple(t))
                            if p.elems.len() == t.elems.len() =>
                        {
                            &p.elems[index]
                        }
                        _ => return TokenMention::MayFire,
                    };
                    let bound = pat_ident(pat).and_then(|n| self.binding_of_pat(n));
                    return match (whole, pat, bound) {
                        (true, syn::Pat::Wild(_), _) => TokenMention::Harmless,
                        (true, _, Some(binding))
                            if self.stmts_after(&ancestors[..at]).is_some() =>
                        {
                            TokenMention::Bound(binding)
                        }
                        _ => TokenMention::MayFire,
                    };
                }
                // `token;`, `token.cancelled().await;` reach here only whole.
                Node::Stmt(syn::Stmt::Expr(_, Some(_))) => return TokenMention::Harmless,
                Node::Macro(mac) => {
                    let name = mac.path.segments.last().map(|s| s.ident.to_string());
                    return match name.is_some_and(|n| FORMAT_MACROS.contains(&n.as_str())) {
                        true => TokenMention::Harmless,
                        false => TokenMention::MayFire,
                    };
                }
                _ => return TokenMention::MayFire,
            }
        }
        TokenMention::MayFire
    }
}

/// The token `current` as one of the `args` of the call `call` (at
/// `ancestors[at]`); anything else there (the callee itself) may fire it.
fn argument<'v>(
    args: &syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>,
    current: &syn::Expr,
    call: &'v syn::Expr,
    at: usize,
) -> TokenMention<'v> {
    match args.iter().position(|a| std::ptr::eq(a, current)) {
        Some(index) => TokenMention::Argument { call, index, at },
        None => TokenMention::MayFire,
    }
}
