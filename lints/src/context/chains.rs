//! Builder chains followed through local bindings.
//!
//! Several rules ask the same question about a value made by a builder
//! (`tokio::process::Command`, `reqwest::ClientBuilder`, `ureq` requests):
//! *which methods were called on it before it was used here?* The answer is
//! spread over a method chain (`Command::new("x").arg(y).kill_on_drop(true)`)
//! and over the bindings the chain went through in the same function
//! (`let mut cmd = Command::new("x"); cmd.arg(y); … cmd.output()`), each
//! name resolved by the file's scopes ([`super::scopes`]).
//!
//! [`FileContext::builder_origin`] follows a receiver back to its
//! constructor call and collects every method call applied to the builder:
//! those in the chains themselves, in the initialisers of the bindings it
//! went through, and in statements of the same function on those bindings
//! (`cmd.kill_on_drop(true);`, `builder = builder.timeout(d);`), also
//! through an `if` or `match` whose every branch goes on with the same
//! binding (`let b = match p { Some(p) => b.proxy(p), None => b };`). When the
//! builder comes from elsewhere (a parameter, a field, another fn's result),
//! or a binding is reassigned from something unknown, or lent out
//! (`configure(&mut cmd)`), the origin is unknown and `None` is returned.

use syn::visit::Visit;
use syn::{Expr, Pat};

use super::scopes::{MentionKind, UseSite};
use super::{BindingId, FileContext, Node};

/// A method chain `root.a(..).b(..)?.c(..)`.
#[derive(Debug, Clone)]
pub struct MethodChain<'v> {
    /// What the first method is called on (a call, a path, …), seen through
    /// parentheses, references and `?`.
    pub root: &'v Expr,
    /// The method calls, outermost (last called) first.
    pub calls: Vec<&'v syn::ExprMethodCall>,
}

/// The values an `if` / `else` or a `match` yields, one per branch or arm
/// that does not leave (`return`, `break`, `continue`): each branch's last
/// expression. `None` for anything else, or a branch without a value.
fn branch_values(e: &Expr) -> Option<Vec<&Expr>> {
    fn value_of<'e>(e: &'e Expr, out: &mut Vec<&'e Expr>) -> Option<()> {
        match e {
            Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => Some(()),
            Expr::Block(b) if b.label.is_none() => value_of(block_value(&b.block)?, out),
            Expr::If(i) => {
                value_of(block_value(&i.then_branch)?, out)?;
                value_of(&i.else_branch.as_ref()?.1, out)
            }
            Expr::Match(m) => m.arms.iter().try_for_each(|a| value_of(&a.body, out)),
            Expr::Paren(p) => value_of(&p.expr, out),
            other => {
                out.push(other);
                Some(())
            }
        }
    }
    fn block_value(b: &syn::Block) -> Option<&Expr> {
        match b.stmts.last()? {
            syn::Stmt::Expr(e, None) => Some(e),
            // `{ return Err(e); }`
            syn::Stmt::Expr(e @ (Expr::Return(_) | Expr::Break(_) | Expr::Continue(_)), _) => {
                Some(e)
            }
            _ => None,
        }
    }
    if !matches!(e, Expr::If(_) | Expr::Match(_)) {
        return None;
    }
    let mut values = Vec::new();
    value_of(e, &mut values)?;
    Some(values)
}

/// Splits `expr` into its method chain, looking through `( )`, `&`, `&mut`,
/// `*` and `?` (not through `.await`: an await makes a new value).
pub fn method_chain(expr: &Expr) -> MethodChain<'_> {
    let mut calls = Vec::new();
    let mut e = expr;
    loop {
        match e {
            Expr::MethodCall(m) => {
                calls.push(m);
                e = &m.receiver;
            }
            Expr::Paren(p) => e = &p.expr,
            Expr::Reference(r) => e = &r.expr,
            Expr::Try(t) => e = &t.expr,
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => e = &u.expr,
            _ => return MethodChain { root: e, calls },
        }
    }
}

/// The single identifier a path expression consists of (`cmd`), if it is one.
pub fn path_ident(expr: &Expr) -> Option<&syn::Ident> {
    match expr {
        Expr::Path(p) if p.qself.is_none() => p.path.get_ident(),
        Expr::Paren(p) => path_ident(&p.expr),
        _ => None,
    }
}

/// A builder followed back to its constructor.
#[derive(Debug, Clone)]
pub struct Builder<'v> {
    /// The constructor call (`Command::new("ls")`, `Client::builder()`).
    pub constructor: &'v syn::ExprCall,
    /// Every method call applied to the builder in this function, in no
    /// particular order.
    pub calls: Vec<&'v syn::ExprMethodCall>,
    /// The local bindings the builder went through, innermost use first.
    pub bindings: Vec<&'v syn::Ident>,
}

impl Builder<'_> {
    /// The calls of method `name`.
    pub fn calls_named<'s>(
        &'s self,
        name: &'s str,
    ) -> impl Iterator<Item = &'s syn::ExprMethodCall> + 's {
        self.calls.iter().copied().filter(move |m| m.method == name)
    }
}

impl<'a> FileContext<'a> {
    /// Follows `expr` (a builder, or the receiver of a method that consumes
    /// one) back to a constructor call resolving to one of `constructors`,
    /// through method chains and `let name = …;` bindings (see
    /// [`FileContext::binding_site`]), and collects the methods applied to
    /// it (see the module docs). `None` when the origin is not such a
    /// constructor or cannot be told.
    pub fn builder_origin<'v>(
        &'v self,
        expr: &'v Expr,
        ancestors: &[Node<'v>],
        constructors: &[&str],
    ) -> Option<Builder<'v>> {
        let mut from = ancestors.to_vec();
        let mut calls = Vec::new();
        let mut bindings: Vec<&'v syn::Ident> = Vec::new();
        let mut ids: Vec<BindingId> = Vec::new();
        let mut e = expr;
        let constructor = loop {
            let chain = method_chain(e);
            calls.extend(chain.calls);
            match chain.root {
                Expr::Call(c) if self.callee_is(&c.func, constructors) => break c,
                root => {
                    // `let b = if insecure { Client::builder().danger(…) } else
                    // { Client::builder() };`: every branch starts a builder,
                    // reported at the first; what any branch sets counts.
                    let values = branch_values(root);
                    if let Some(values) = &values {
                        let chains: Vec<_> = values.iter().map(|v| method_chain(v)).collect();
                        let starts: Option<Vec<&'v syn::ExprCall>> = (chains.iter())
                            .map(|chain| match chain.root {
                                Expr::Call(c) if self.callee_is(&c.func, constructors) => Some(c),
                                _ => None,
                            })
                            .collect();
                        if let Some(first) = starts.and_then(|s| s.first().copied()) {
                            calls.extend(chains.into_iter().flat_map(|chain| chain.calls));
                            break first;
                        }
                    }
                    // `let b = match proxy { Some(p) => b.proxy(p), None => b };`:
                    // every branch goes on with the same builder.
                    let ident = match values {
                        Some(values) => {
                            let mut name: Option<&syn::Ident> = None;
                            for value in values {
                                let chain = method_chain(value);
                                let ident = path_ident(chain.root)?;
                                if name.is_some_and(|n| n != ident) {
                                    return None;
                                }
                                name = Some(ident);
                                calls.extend(chain.calls);
                            }
                            name?
                        }
                        None => path_ident(root)?,
                    };
                    if bindings.len() >= 16 {
                        return None;
                    }
                    let site = self.binding_site(ident, &from)?;
                    if site
                        .local
                        .init
                        .as_ref()
                        .is_some_and(|i| i.diverge.is_some())
                    {
                        return None;
                    }
                    ids.push(self.binding_of_use(ident)?);
                    bindings.push(ident);
                    e = site.init;
                    from = site.ancestors;
                }
            }
        };
        if !bindings.is_empty() {
            let body = enclosing_body(ancestors)?;
            let mut finder = UsesOnNames {
                ctx: self,
                bindings: &ids,
                calls: Vec::new(),
                unknown: false,
                reassigned: 0,
            };
            finder.visit_block(body);
            if finder.unknown {
                return None;
            }
            calls.extend(finder.calls);
        }
        Some(Builder {
            constructor,
            calls,
            bindings,
        })
    }

    /// Whether the request builder bound whole to the local `id` (`let mut
    /// req = client.post(url).json(&body);`) gets its own `.timeout(…)` in
    /// `body` (the block that holds the binding): a method chain on the name
    /// sets it (`req.timeout(d).send()`, or `req = req.timeout(d);`, also
    /// under a condition), and the name is only ever the receiver of a
    /// method or reassigned from a chain on itself (`req =
    /// req.bearer_auth(t);`), never handed on, lent out or replaced.
    fn bound_request_timed<'v>(&'v self, id: BindingId, body: &'v syn::Block) -> bool {
        let mut finder = UsesOnNames {
            ctx: self,
            bindings: &[id],
            calls: Vec::new(),
            unknown: false,
            reassigned: 0,
        };
        finder.visit_block(body);
        let mentions = self.scopes.references(id);
        let receivers = (mentions.iter())
            .filter(|r| r.site == UseSite::Path && r.kind == MentionKind::MethodReceiver)
            .count();
        !finder.unknown
            && finder.calls.iter().any(|c| c.method == "timeout")
            && receivers + finder.reassigned == mentions.len()
    }

    /// Whether `local` (`let mut req = client.post(url).json(&body);`, in
    /// `body`) binds a request builder, not the future of a sent request,
    /// to a name that gets its own `.timeout(…)` (see
    /// [`FileContext::bound_request_timed`]).
    pub fn local_request_timed<'v>(&'v self, local: &'v syn::Local, body: &'v syn::Block) -> bool {
        let Some(init) = local.init.as_ref().filter(|i| i.diverge.is_none()) else {
            return false;
        };
        let sent = method_chain(&init.expr)
            .calls
            .iter()
            .any(|c| c.method == "send");
        let id = super::bindings::pat_ident(&local.pat).and_then(|i| self.binding_of_pat(i));
        !sent && id.is_some_and(|id| self.bound_request_timed(id, body))
    }
}

/// The body of the innermost fn the ancestors are in (or the outermost
/// block when they are in no fn).
fn enclosing_body<'v>(ancestors: &[Node<'v>]) -> Option<&'v syn::Block> {
    super::threads::enclosing_fn_body(ancestors).or_else(|| {
        ancestors.iter().find_map(|n| match n {
            Node::Block(b) => Some(*b),
            _ => None,
        })
    })
}

/// Collects method chains rooted at one of `bindings`, and notices when one
/// of them is reassigned from elsewhere or lent out mutably.
struct UsesOnNames<'v, 'a, 'n> {
    ctx: &'v FileContext<'a>,
    bindings: &'n [BindingId],
    calls: Vec<&'v syn::ExprMethodCall>,
    unknown: bool,
    /// How many times one of them is reassigned from a chain on one of
    /// them (`builder = builder.timeout(d);`).
    reassigned: usize,
}

impl UsesOnNames<'_, '_, '_> {
    fn is_name(&self, e: &Expr) -> bool {
        self.ctx
            .binding_of_expr(e)
            .is_some_and(|b| self.bindings.contains(&b))
    }
}

impl<'v> Visit<'v> for UsesOnNames<'v, '_, '_> {
    fn visit_expr(&mut self, e: &'v Expr) {
        match e {
            Expr::MethodCall(_) => {
                let chain = method_chain(e);
                if self.is_name(chain.root) {
                    self.calls.extend(chain.calls.iter().copied());
                }
            }
            Expr::Assign(a) if self.is_name(&a.left) => {
                // `b = b.proxy(p);`, also through an `if` or `match` whose
                // every branch goes on with one of them (`b = match proxy {
                // Some(p) => b.proxy(p), None => b };`).
                let on_names = match branch_values(&a.right) {
                    Some(values) => (values.iter()).all(|v| self.is_name(method_chain(v).root)),
                    None => self.is_name(method_chain(&a.right).root),
                };
                match on_names {
                    true => self.reassigned += 1,
                    false => self.unknown = true,
                }
            }
            Expr::Reference(r) if r.mutability.is_some() && self.is_name(&r.expr) => {
                // `configure(&mut cmd)`: whatever it does is out of sight.
                self.unknown = true;
            }
            _ => {}
        }
        syn::visit::visit_expr(self, e);
    }

    fn visit_expr_method_call(&mut self, m: &'v syn::ExprMethodCall) {
        // `&mut cmd` as a receiver is not a loan to unknown code.
        if let Expr::Reference(r) = &*m.receiver {
            if self.is_name(&r.expr) {
                m.args.iter().for_each(|a| self.visit_expr(a));
                return;
            }
        }
        syn::visit::visit_expr_method_call(self, m);
    }

    fn visit_item(&mut self, _: &'v syn::Item) {}

    fn visit_pat(&mut self, _: &'v Pat) {}

    fn visit_macro(&mut self, mac: &'v syn::Macro) {
        self.ctx.visit_macro_body(mac, self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The methods collected for the receiver of the first `.done()` call in `body`.
    fn origin(body: &str) -> Option<Vec<String>> {
        let src = format!("use tokio::process::Command; fn f(p: Command) {{ {body} }}");
        let file = syn::parse_file(&src).unwrap();
        let ctx = FileContext::new(&file, &src);
        let mut result = None;
        ctx.walk_exprs(|expr, ancestors| {
            if let Expr::MethodCall(m) = expr {
                if m.method == "done" && result.is_none() {
                    result = Some(
                        ctx.builder_origin(
                            &m.receiver,
                            ancestors,
                            &["tokio::process::Command::new"],
                        )
                        .map(|b| {
                            let mut names: Vec<String> =
                                b.calls.iter().map(|c| c.method.to_string()).collect();
                            names.sort();
                            names.dedup();
                            names
                        }),
                    );
                }
            }
        });
        result.flatten()
    }

    #[test]
    fn follows_chains_and_bindings() {
        assert_eq!(
            origin("Command::new(\"a\").arg(1).kill_on_drop(true).done();"),
            Some(vec!["arg".into(), "kill_on_drop".into()])
        );
        assert_eq!(
            origin("let mut c = Command::new(\"a\"); c.arg(1); c.kill_on_drop(true); c.done();"),
            Some(vec!["arg".into(), "done".into(), "kill_on_drop".into()])
        );
        assert_eq!(
            origin("let mut b = Command::new(\"a\"); let c = b.arg(1); (&mut *c).done();"),
            Some(vec!["arg".into(), "done".into()])
        );
        assert_eq!(
            origin("let c = Command::new(\"a\"); let c = c.env_clear(); c.done();"),
            Some(vec!["done".into(), "env_clear".into()])
        );
    }

    #[test]
    fn unknown_origins_are_none() {
        assert_eq!(origin("p.done();"), None);
        assert_eq!(origin("let c = make(); c.done();"), None);
        assert_eq!(
            origin("let mut c = Command::new(\"a\"); setup(&mut c); c.done();"),
            None
        );
        assert_eq!(
            origin("let mut c = Command::new(\"a\"); c = other(); c.done();"),
            None
        );
        assert_eq!(
            origin("let c = Command::new(\"a\"); let g = |c: Command| c.done();"),
            None
        );
        assert_eq!(origin("std::process::Command::new(\"a\").done();"), None);
    }
}
