use std::collections::{BTreeMap, HashSet};

use crate::context::paths::{self, DEFAULT_GUARD_FUNCTIONS, DEFER_FNS, DEFER_MACROS, VALUE_GUARDS};
use crate::Triggers;
use syn::parse::{ParseStream, Parser};
use syn::visit::Visit;
use syn::{Expr, Lit, Pat, Token, Type};

use crate::context::bindings::{pat_ident, success_payload};
use crate::context::scopes::{span_within, unwrapping_match};
use crate::context::{expr_key, ExprKey, Node, TokenPos};
use crate::macros::MacroBody;
use crate::{FileContext, Finding, LintOptions};

crate::declare_lint! {
    /// ### What it does
    /// Flags a defer construct (a scope guard) whose closure or body mentions
    /// a local binding that is known, from the source alone, to hold at least
    /// `large_value_bytes` bytes (default 4096).
    ///
    /// Defer constructs are scopeguard's `defer!`, `guard`, `guard_on_success`,
    /// `guard_on_unwind` and `ScopeGuard::with_strategy`, `defer::defer(…)`
    /// (and the `defer` crate's `defer!`), `defer_lite::defer!`, and calls whose
    /// callee ends with one of the `guard_functions` option's paths (default
    /// `OnDrop::new`, `Defer::new`, `DropGuard::new`, `CallOnDrop::new`,
    /// `on_drop`), resolved through the file's `use` items.
    ///
    /// A binding is large when it is initialised by (or typed as) an array
    /// `[x; N]` / `[T; N]`, by `vec![x; N]`, `Vec::with_capacity(N)`,
    /// `String::with_capacity(N)`, `BytesMut::with_capacity(N)` or
    /// `Box::new([x; N])`, with `N` a literal, a constant expression
    /// (`64 * 1024`, `1 << 20`) or a `const` of the crate, and the total size
    /// reaches the threshold; or when it holds a whole input: the result of
    /// `std::fs::read` / `read_to_string` or `tokio::fs::read` /
    /// `read_to_string` (through `?`, `.await`, `.unwrap()`, `.expect(…)`,
    /// `.map_err(…)` and anyhow's or eyre's `.context(…)`, or kept by `let
    /// Ok(bytes) = std::fs::read(p) else { … };` or by a `match` whose only
    /// arm that yields a value is `Ok(bytes) => bytes`, the others
    /// returning or breaking), or a buffer passed as
    /// `&mut buf` to `.read_to_end(…)` / `.read_to_string(…)`.
    ///
    /// ### Why is this bad
    /// A guard runs at the end of the scope, and whatever its closure captures
    /// stays alive until then, borrowed or moved; a `move` closure even copies
    /// an array into the guard. A buffer that was meant to be dropped after a
    /// few lines then lives as long as the whole function: in a long-running
    /// handler or a loop body that is memory held for nothing. It is Go's
    /// `defer` closure that retains a big object.
    ///
    /// ### Known problems
    /// leaklint has no types: sizes come from syntax only. Element sizes are
    /// known for primitive types and suffixed literals (`usize`/`isize` count 8
    /// bytes); an unsuffixed integer literal counts 4 bytes and an unsuffixed
    /// float 8, even where Rust would infer another type. An array whose
    /// element size is not known (`[Slot::EMPTY; 4096]`) is not reported;
    /// the elements of `vec!`, `with_capacity` and `Box::new([x; N])` whose
    /// size is not known count 1 byte each. A type annotation (`[u8; N]`,
    /// `Vec<u64>`, `Box<[u64; N]>`) takes precedence over the initialiser.
    /// A length that is not a literal, a constant expression or a `const` of
    /// this file, or whose arithmetic overflows, is unknown and the binding is
    /// not reported. Consts are resolved per module: through an import or a
    /// path into an inline module, `self::`, `crate::`, `Type::N`, `Self::N`
    /// of the `impl` it is written in; a nested module's own const shadows
    /// its parent's. A length that is exactly a const of another file of the
    /// crate (`BUF_SIZE` after `use crate::limits::BUF_SIZE`,
    /// `crate::limits::BUF_SIZE`, `super::limits::BUF_SIZE`, or in a binary
    /// `app::limits::BUF_SIZE` through the package's library `app`) is read from the
    /// top level of the file of that module (`limits.rs`) when exactly one
    /// module of that name defines it, and a note points there; the message
    /// names it (`` `buf` (`BUF_SIZE` bytes) ``); so is one multiplied by
    /// a constant expression (`2 * BUF_SIZE`: `` (2 × `BUF_SIZE` bytes) ``).
    /// Such a const inside an
    /// inline module or an `impl` of that file, one in other arithmetic
    /// (`BUF_SIZE / 2`, `BUF_SIZE + HEADER`), or a file outside any crate,
    /// leaves the length unknown.
    ///
    /// Only bindings made by a `let` with a plain name are followed, and only
    /// their mentions inside a closure written in the guard call (or in the
    /// `defer!` body; the name of a macro's named argument, tracing's
    /// `info!(scratch = len, …)` field or `format!("{n}", n = count)`, is a
    /// label, not a mention): a closure stored in a variable first and then handed to
    /// the guard, or a reference to the buffer taken in another binding
    /// (`let view = &buf[..];`), is not followed. For the guard functions of
    /// `guard_functions`, every argument that is a closure is the guard's
    /// closure and every other argument is a value the guard owns; a binding
    /// passed as the guard's own value (`guard(buf, …)`, `guard(&mut buf, …)`)
    /// is never reported for that guard. Whole-input buffers are reported
    /// without a byte count. When one guard captures several large bindings,
    /// it is reported once, for the first one it mentions; the others get
    /// notes. A `defer!` whose body leaklint cannot parse is not analysed.
    /// A guard call whose guard is dropped at once (`let _ = guard(…);` or a
    /// bare `guard(…);` statement) keeps nothing alive and is not reported.
    /// `tokio::fs::read` / `read_to_string` hold the input only once awaited
    /// (`let fut = tokio::fs::read(p);` is a future, not the data).
    ///
    /// ### Example
    /// ```rust,ignore
    /// let mut buf = vec![0u8; 1 << 20];
    /// let n = socket.read(&mut buf).await?;
    /// defer! {
    ///     metrics::histogram!("frame_bytes").record(buf.len() as f64);
    /// }
    /// process(&buf[..n]).await?; // … and buf lives until the end of the scope
    /// ```
    ///
    /// ### Use instead
    /// ```rust,ignore
    /// let mut buf = vec![0u8; 1 << 20];
    /// let n = socket.read(&mut buf).await?;
    /// let len = buf.len();
    /// defer! {
    ///     metrics::histogram!("frame_bytes").record(len as f64);
    /// }
    /// process(&buf[..n]).await?;
    /// ```
    pub DEFER_CAPTURES_LARGE_VALUE,
    name: "defer_captures_large_value",
    level: Warn,
    summary: "a scope guard's closure keeps a large buffer alive until the end of the scope",
    triggers: triggers,
    check: check,
}

/// A defer macro, or a call of a guard function (configured
/// `guard_functions` are added by the pre-filter).
fn triggers() -> Triggers {
    let macros: Vec<&str> = DEFER_MACROS
        .iter()
        .map(|m| paths::last_segment(m))
        .collect();
    let mut words = paths::macro_calls(&macros);
    words.dedup();
    words.extend(paths::spelled(&[
        DEFER_FNS,
        VALUE_GUARDS,
        DEFAULT_GUARD_FUNCTIONS,
    ]));
    Triggers::new(words)
}

const HELP: &str =
    "compute what the guard needs before it (`let len = buf.len();`) and capture that instead";

/// What is known about a large binding's size.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Size {
    /// At least this many bytes.
    Bytes(u64),
    /// Whatever a whole-input read returned (the read named).
    WholeInput(&'static str),
    /// `per_unit` bytes times a const of another module of the crate
    /// (module, name): the crate pass reads its value.
    CrateConst {
        per_unit: u64,
        module: String,
        name: String,
    },
}

impl Size {
    fn describe(&self) -> String {
        match self {
            Size::Bytes(n) => format!("{n} bytes"),
            Size::WholeInput(read) => format!("the whole input of `{read}`"),
            Size::CrateConst {
                per_unit: 1, name, ..
            } => format!("`{name}` bytes"),
            Size::CrateConst { per_unit, name, .. } => format!("{per_unit} × `{name}` bytes"),
        }
    }
}

/// One large binding mentioned inside one defer construct.
struct Hit {
    name: String,
    size: Size,
    mention: proc_macro2::Span,
    definition: proc_macro2::Span,
}

/// A defer construct found in a binding's scope.
struct Construct {
    /// The whole construct (macro invocation or guard call).
    span: proc_macro2::Span,
    /// The code the guard runs (closures, the `defer!` body).
    bodies: Vec<proc_macro2::Span>,
    /// Names handed to the guard as its own value.
    owned: Vec<TokenPos>,
}

fn check(ctx: &FileContext<'_>, options: &LintOptions) -> Vec<Finding> {
    let macro_use: Vec<String> = (ctx.macro_use_crates().iter())
        .filter(|name| is_defer_crate(name))
        .cloned()
        .collect();
    let mut finder = ConstructFinder {
        ctx,
        options,
        macro_use: &macro_use,
        constructs: Vec::new(),
        read_targets: Vec::new(),
        discarded: HashSet::new(),
    };
    finder.visit_file(ctx.file);
    let ConstructFinder {
        constructs,
        read_targets,
        ..
    } = finder;
    if constructs.is_empty() {
        return Vec::new();
    }
    let mut seen: HashSet<crate::context::BindingId> = HashSet::new();
    // By construct (its index), so a guard capturing several large
    // bindings is reported once.
    let mut hits: BTreeMap<usize, Vec<Hit>> = BTreeMap::new();
    ctx.walk_exprs(|_, ancestors| {
        let [.., Node::Block(_), Node::Stmt(_), Node::Local(local)] = ancestors else {
            return;
        };
        let Some(ident) = pat_ident(&local.pat).or_else(|| success_payload(&local.pat)) else {
            return;
        };
        let Some(binding) = ctx.binding_of_pat(ident) else {
            return;
        };
        if !seen.insert(binding) || ctx.stmts_after(ancestors).is_none() {
            return;
        }
        let name = crate::context::imports::unraw(ident);
        // Mentions of this binding (not of a shadowing one): looking for
        // them in the constructs' bodies found file-wide keeps only the
        // constructs in this binding's scope.
        let mentions: Vec<proc_macro2::Span> =
            ctx.references(binding).iter().map(|m| m.span).collect();
        let mentioned = |name: &TokenPos| mentions.iter().any(|m| m.start() == *name);
        let defined_at = ident.span();
        let inside = |c: &Construct, span: proc_macro2::Span| {
            c.bodies.iter().any(|body| span_within(span, *body))
        };
        let captured: Vec<(usize, proc_macro2::Span)> = constructs
            .iter()
            .enumerate()
            // A binding made inside the guard's closure is not kept alive by it.
            .filter(|(_, c)| !inside(c, defined_at))
            .filter(|(_, c)| !c.owned.iter().any(&mentioned))
            .filter_map(|(i, c)| {
                let span = mentions.iter().find(|m| inside(c, **m))?;
                Some((i, *span))
            })
            .collect();
        if captured.is_empty() {
            return;
        }
        let size = match known_size(ctx, local) {
            Some(n) if n >= options.large_value_bytes => Size::Bytes(n),
            _ => match whole_input_read(ctx, local) {
                Some(read) => Size::WholeInput(read),
                None => {
                    let read = read_targets.iter().find(|(name, _)| mentioned(name));
                    match (read, crate_const_size(ctx, local)) {
                        (Some((_, method)), _) => Size::WholeInput(method),
                        (None, Some((per_unit, (module, name)))) => Size::CrateConst {
                            per_unit,
                            module,
                            name,
                        },
                        (None, None) => return,
                    }
                }
            },
        };
        for (construct, mention) in captured {
            hits.entry(construct).or_default().push(Hit {
                name: name.clone(),
                size: size.clone(),
                mention,
                definition: ident.span(),
            });
        }
    });
    let mut findings: Vec<Finding> = hits
        .into_iter()
        .map(|(construct, mut found)| {
            let span = constructs[construct].span;
            found.sort_by_key(|h| h.mention.start());
            let first = &found[0];
            let mut finding = Finding::new(
                DEFER_CAPTURES_LARGE_VALUE.name,
                ctx.span(span),
                format!(
                    "`{}` ({}) is kept alive by this guard until the end of the scope",
                    first.name,
                    first.size.describe()
                ),
            );
            for hit in &found {
                finding = finding
                    .note(
                        ctx.span(hit.mention),
                        format!("`{}` is captured here", hit.name),
                    )
                    .note(
                        ctx.span(hit.definition),
                        format!("`{}` holds {}", hit.name, hit.size.describe()),
                    );
            }
            let finding = finding.help(HELP);
            // Only lengths named by consts of other modules: the crate pass
            // tells whether the first makes its binding large.
            let pending = found
                .iter()
                .all(|h| matches!(h.size, Size::CrateConst { .. }));
            match &found[0].size {
                Size::CrateConst {
                    per_unit,
                    module,
                    name,
                } if pending => finding.waits_for_crate(options.call_depth, |f| {
                    f.large_const = Some(crate::LargeConst {
                        binding: found[0].name.clone(),
                        module: module.clone(),
                        name: name.clone(),
                        per_unit: *per_unit,
                        at_least: options.large_value_bytes,
                    });
                }),
                _ => finding,
            }
        })
        .collect();
    findings.sort_by_key(|f| (f.span.start.byte, f.span.end.byte));
    findings
}

/// Whether the crate `name` exports one of the known `defer!` macros.
fn is_defer_crate(name: &str) -> bool {
    DEFER_MACROS
        .iter()
        .any(|m| m.strip_suffix("::defer") == Some(name))
}

/// Finds the file's defer constructs and the `&mut buf` arguments of its
/// whole-input reads.
struct ConstructFinder<'c, 'a> {
    ctx: &'c FileContext<'a>,
    options: &'c LintOptions,
    macro_use: &'c [String],
    constructs: Vec<Construct>,
    /// The buffer's name, and the read method.
    read_targets: Vec<(TokenPos, &'static str)>,
    /// Guard calls whose guard is dropped at once (`let _ = guard(…);`, `guard(…);`).
    discarded: HashSet<ExprKey>,
}

impl ConstructFinder<'_, '_> {
    fn is_defer_macro(&self, mac: &syn::Macro) -> bool {
        match self.ctx.resolve(&mac.path) {
            Some(path) if DEFER_MACROS.contains(&path.as_str()) => true,
            Some(path) => path == "defer" && !self.macro_use.is_empty(),
            None => false,
        }
    }

    /// The construct a call makes, if it is a guard call.
    fn guard_call(&self, call: &syn::ExprCall) -> Option<Construct> {
        let Expr::Path(func) = strip(&call.func) else {
            return None;
        };
        if func.qself.is_some() {
            return None;
        }
        let resolved = self.ctx.resolve(&func.path);
        let args: Vec<&Expr> = call.args.iter().collect();
        let (closures, values): (Vec<&Expr>, Vec<&Expr>) = match resolved.as_deref() {
            Some(p) if VALUE_GUARDS.contains(&p) => match args.as_slice() {
                [value, closure] => (vec![*closure], vec![*value]),
                _ => return None,
            },
            Some(p) if DEFER_FNS.contains(&p) => (args, Vec::new()),
            _ if self.is_guard_function(&func.path, resolved.as_deref()) => {
                args.into_iter().partition(|a| closure_of(a).is_some())
            }
            _ => return None,
        };
        let bodies = closures
            .into_iter()
            .filter_map(closure_of)
            .map(syn::spanned::Spanned::span)
            .collect();
        let owned = values
            .into_iter()
            .filter_map(owned_name)
            .map(|ident| ident.span().start())
            .collect();
        Some(Construct {
            span: syn::spanned::Spanned::span(call),
            bodies,
            owned,
        })
    }

    /// Whether the callee's last path segments (as written or resolved) are
    /// one of the `guard_functions`.
    fn is_guard_function(&self, path: &syn::Path, resolved: Option<&str>) -> bool {
        let written: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        let resolved: Vec<&str> = resolved
            .map(|r| r.split("::").collect())
            .unwrap_or_default();
        self.options.guard_functions.iter().any(|g| {
            let wanted: Vec<&str> = g.split("::").filter(|s| !s.is_empty()).collect();
            !wanted.is_empty()
                && (written.len() >= wanted.len()
                    && written[written.len() - wanted.len()..]
                        .iter()
                        .zip(&wanted)
                        .all(|(a, b)| a == b)
                    || resolved.ends_with(&wanted))
        })
    }
}

impl<'v> Visit<'v> for ConstructFinder<'_, '_> {
    fn visit_stmt(&mut self, stmt: &'v syn::Stmt) {
        let dropped_at_once = match stmt {
            syn::Stmt::Local(l) if matches!(l.pat, Pat::Wild(_)) => {
                l.init.as_ref().map(|i| &*i.expr)
            }
            syn::Stmt::Expr(e, Some(_)) => Some(e),
            _ => None,
        };
        if let Some(call @ Expr::Call(_)) = dropped_at_once.map(strip) {
            self.discarded.insert(expr_key(call));
        }
        syn::visit::visit_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'v Expr) {
        if let Expr::Call(call) = expr {
            if !self.discarded.contains(&expr_key(expr)) {
                if let Some(construct) = self.guard_call(call) {
                    self.constructs.push(construct);
                }
            }
        }
        syn::visit::visit_expr(self, expr);
    }

    fn visit_expr_method_call(&mut self, m: &'v syn::ExprMethodCall) {
        let read = if m.method == "read_to_end" {
            Some("read_to_end")
        } else if m.method == "read_to_string" {
            Some("read_to_string")
        } else {
            None
        };
        if let (Some(read), [arg]) = (read, m.args.iter().collect::<Vec<_>>().as_slice()) {
            if let Expr::Reference(r) = strip(arg) {
                if let (Some(_), Some(ident)) = (&r.mutability, simple_name(&r.expr)) {
                    self.read_targets.push((ident.span().start(), read));
                }
            }
        }
        syn::visit::visit_expr_method_call(self, m);
    }

    fn visit_macro(&mut self, mac: &'v syn::Macro) {
        if self.is_defer_macro(mac) {
            if let MacroBody::Stmts(_) = self.ctx.macro_body(mac) {
                self.constructs.push(Construct {
                    span: syn::spanned::Spanned::span(mac),
                    bodies: vec![mac.delimiter.span().join()],
                    owned: Vec::new(),
                });
            }
        }
        let ctx = self.ctx;
        ctx.visit_macro_body(mac, self);
    }
}

/// `expr` without parentheses and invisible groups.
fn strip(expr: &Expr) -> &Expr {
    match expr {
        Expr::Paren(p) => strip(&p.expr),
        Expr::Group(g) => strip(&g.expr),
        other => other,
    }
}

/// The closure an argument is, if it is one.
fn closure_of(expr: &Expr) -> Option<&syn::ExprClosure> {
    match strip(expr) {
        Expr::Closure(c) => Some(c),
        _ => None,
    }
}

/// The name of a plain local path expression (`buf`).
fn simple_name(expr: &Expr) -> Option<&syn::Ident> {
    match strip(expr) {
        Expr::Path(p) if p.qself.is_none() => p.path.get_ident(),
        _ => None,
    }
}

/// The binding a guard's value argument hands over: `buf`, `&buf`, `&mut buf`.
fn owned_name(expr: &Expr) -> Option<&syn::Ident> {
    match strip(expr) {
        Expr::Reference(r) => simple_name(&r.expr),
        other => simple_name(other),
    }
}

/// The size of a primitive type named `name`, in bytes.
fn primitive_size(name: &str) -> Option<u64> {
    Some(match name {
        "u8" | "i8" | "bool" => 1,
        "u16" | "i16" => 2,
        "u32" | "i32" | "f32" | "char" => 4,
        "u64" | "i64" | "f64" | "usize" | "isize" => 8,
        "u128" | "i128" => 16,
        _ => return None,
    })
}

impl FileContext<'_> {
    /// The size of a type, if it is a primitive or an array of known size.
    fn type_size(&self, ty: &Type) -> Option<u64> {
        match ty {
            Type::Path(p) if p.qself.is_none() => primitive_size(&p.path.get_ident()?.to_string()),
            Type::Array(a) => self
                .type_size(&a.elem)?
                .checked_mul(self.const_eval(&a.len)?),
            Type::Paren(p) => self.type_size(&p.elem),
            Type::Group(g) => self.type_size(&g.elem),
            _ => None,
        }
    }

    /// The size of an element expression, if its type shows (a suffixed
    /// literal, `true`, a char, a nested `[x; N]`, a cast to a primitive).
    fn element_size(&self, expr: &Expr) -> Option<u64> {
        match strip(expr) {
            Expr::Lit(lit) => match &lit.lit {
                Lit::Int(i) => match i.suffix() {
                    "" => Some(4),
                    s => primitive_size(s),
                },
                Lit::Float(f) => match f.suffix() {
                    "" => Some(8),
                    s => primitive_size(s),
                },
                Lit::Bool(_) | Lit::Byte(_) => Some(1),
                Lit::Char(_) => Some(4),
                _ => None,
            },
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => self.element_size(&u.expr),
            Expr::Cast(c) => self.type_size(&c.ty),
            Expr::Repeat(r) => self.repeat_size(r, None),
            _ => None,
        }
    }

    /// `N × size_of(x)` for `[x; N]`, the element size taken from `elem`
    /// when given, else from `x`.
    fn repeat_size(&self, r: &syn::ExprRepeat, elem: Option<u64>) -> Option<u64> {
        let elem = elem.or_else(|| self.element_size(&r.expr))?;
        elem.checked_mul(self.const_eval(&r.len)?)
    }
}

/// The type argument of a written type `Outer<T>` whose last segment is `outer`.
fn type_arg<'t>(ty: Option<&'t Type>, outer: &str) -> Option<&'t Type> {
    let Some(Type::Path(p)) = ty else {
        return None;
    };
    let last = p.path.segments.last()?;
    if last.ident != outer {
        return None;
    }
    match &last.arguments {
        syn::PathArguments::AngleBracketed(a) => a.args.iter().find_map(|g| match g {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        }),
        _ => None,
    }
}

/// The annotated type of a `let`, if any.
fn local_type(local: &syn::Local) -> Option<&Type> {
    match &local.pat {
        Pat::Type(t) => Some(&t.ty),
        _ => None,
    }
}

/// For a binding whose length is a const of another module of the crate
/// ([`FileContext::crate_const`]), the bytes per unit of that const, and
/// the const: `[0u8; BUF_SIZE]`, a `[T; N]` type, `vec![x; N]`,
/// `Box::new([x; N])`,
/// `Vec`/`String`/`BytesMut::with_capacity(N)` (elements of unknown size
/// count 1 byte each, as for other lengths).
fn crate_const_size(ctx: &FileContext<'_>, local: &syn::Local) -> Option<(u64, (String, String))> {
    let ty = local_type(local);
    if let Some(Type::Array(a)) = ty {
        let (factor, named) = scaled_crate_const(ctx, strip(&a.len))?;
        return Some((ctx.type_size(&a.elem)?.checked_mul(factor)?, named));
    }
    match strip(&local.init.as_ref()?.expr) {
        Expr::Repeat(r) => {
            let (factor, named) = scaled_crate_const(ctx, strip(&r.len))?;
            Some((ctx.element_size(&r.expr)?.checked_mul(factor)?, named))
        }
        Expr::Macro(m) if is_vec_macro(ctx, &m.mac) => {
            let (elem, len) = vec_repeat(&m.mac)?;
            let per_unit = vec_macro_element_size(ctx, ty, &elem);
            let (factor, named) = scaled_crate_const(ctx, strip(&len))?;
            Some((per_unit.checked_mul(factor)?, named))
        }
        Expr::Call(call) if call.args.len() == 1 => {
            let Expr::Path(func) = strip(&call.func) else {
                return None;
            };
            let resolved = ctx.resolve(&func.path)?;
            // `Box::new([x; N])`: the array's elements, as for a bare array.
            if matches!(resolved.as_str(), "Box::new" | "std::boxed::Box::new") {
                let Expr::Repeat(r) = strip(&call.args[0]) else {
                    return None;
                };
                let (factor, named) = scaled_crate_const(ctx, strip(&r.len))?;
                let per_unit = ctx.element_size(&r.expr).unwrap_or(1);
                return Some((per_unit.checked_mul(factor)?, named));
            }
            let per_unit = capacity_unit(ctx, &resolved, &func.path, ty)?;
            let (factor, named) = scaled_crate_const(ctx, strip(&call.args[0]))?;
            Some((per_unit.checked_mul(factor)?, named))
        }
        _ => None,
    }
}

/// The const of another module of the crate that a length names
/// ([`FileContext::crate_const`]), and the factor it is multiplied by: 1
/// for `BUF_SIZE`, 2 for `2 * BUF_SIZE` or `BUF_SIZE * 2` (the other
/// operand a constant expression of this file).
fn scaled_crate_const(ctx: &FileContext<'_>, len: &Expr) -> Option<(u64, (String, String))> {
    if let Some(named) = ctx.crate_const(len) {
        return Some((1, named));
    }
    let Expr::Binary(b) = len else {
        return None;
    };
    if !matches!(b.op, syn::BinOp::Mul(_)) {
        return None;
    }
    let (left, right) = (strip(&b.left), strip(&b.right));
    match (ctx.const_eval(left), ctx.const_eval(right)) {
        (Some(factor), None) => Some((factor, ctx.crate_const(right)?)),
        (None, Some(factor)) => Some((factor, ctx.crate_const(left)?)),
        _ => None,
    }
}

/// The bytes per unit of capacity of a `with_capacity` call of `path`,
/// which resolves to `resolved` (`Vec`'s element size, 1 for `String` and
/// `BytesMut`), for a `let` typed `ty`; `None` for any other call.
fn capacity_unit(
    ctx: &FileContext<'_>,
    resolved: &str,
    path: &syn::Path,
    ty: Option<&Type>,
) -> Option<u64> {
    match resolved {
        "Vec::with_capacity" | "std::vec::Vec::with_capacity" => {
            Some(vec_element_size(ctx, path, ty))
        }
        "String::with_capacity"
        | "std::string::String::with_capacity"
        | "BytesMut::with_capacity"
        | "bytes::BytesMut::with_capacity"
        | "bytes::buf::BytesMut::with_capacity" => Some(1),
        _ => None,
    }
}

/// The element size of `Vec::with_capacity` called as `path` (its
/// turbofish, `Vec::<u32>::with_capacity`) for a `let` typed `ty`: 1 byte
/// when neither says.
fn vec_element_size(ctx: &FileContext<'_>, path: &syn::Path, ty: Option<&Type>) -> u64 {
    let turbofish = path
        .segments
        .iter()
        .rev()
        .nth(1)
        .and_then(|s| match &s.arguments {
            syn::PathArguments::AngleBracketed(a) => a.args.iter().find_map(|g| match g {
                syn::GenericArgument::Type(t) => ctx.type_size(t),
                _ => None,
            }),
            _ => None,
        });
    turbofish
        .or_else(|| type_arg(ty, "Vec").and_then(|t| ctx.type_size(t)))
        .unwrap_or(1)
}

/// The element size of `vec![elem; N]` for a `let` typed `ty`: the type's,
/// else the element's, else 1 byte.
fn vec_macro_element_size(ctx: &FileContext<'_>, ty: Option<&Type>, elem: &Expr) -> u64 {
    type_arg(ty, "Vec")
        .and_then(|t| ctx.type_size(t))
        .or_else(|| ctx.element_size(elem))
        .unwrap_or(1)
}

/// The size a `let` binding is known to have, from its type or initialiser.
fn known_size(ctx: &FileContext<'_>, local: &syn::Local) -> Option<u64> {
    let ty = local_type(local);
    if let Some(size) = ty.and_then(|t| ctx.type_size(t)) {
        return Some(size);
    }
    let init = strip(&local.init.as_ref()?.expr);
    match init {
        Expr::Repeat(r) => ctx.repeat_size(r, None),
        Expr::Macro(m) if is_vec_macro(ctx, &m.mac) => {
            let (elem, len) = vec_repeat(&m.mac)?;
            vec_macro_element_size(ctx, ty, &elem).checked_mul(ctx.const_eval(&len)?)
        }
        Expr::Call(call) => {
            let Expr::Path(func) = strip(&call.func) else {
                return None;
            };
            let resolved = ctx.resolve(&func.path)?;
            let arg = match call.args.first() {
                Some(a) if call.args.len() == 1 => a,
                _ => return None,
            };
            if !matches!(resolved.as_str(), "Box::new" | "std::boxed::Box::new") {
                let unit = capacity_unit(ctx, &resolved, &func.path, ty)?;
                return unit.checked_mul(ctx.const_eval(arg)?);
            }
            let Expr::Repeat(r) = strip(arg) else {
                return None;
            };
            if let Some(size) = type_arg(ty, "Box").and_then(|t| ctx.type_size(t)) {
                return Some(size);
            }
            let elem = ctx.element_size(&r.expr).unwrap_or(1);
            ctx.repeat_size(r, Some(elem))
        }
        _ => None,
    }
}

/// Whether `mac` is the standard `vec!`.
fn is_vec_macro(ctx: &FileContext<'_>, mac: &syn::Macro) -> bool {
    let segments: Vec<String> = mac
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    match segments.as_slice() {
        [v] => v == "vec" && !ctx.imports.is_local_item("vec"),
        [krate, v] => v == "vec" && matches!(krate.as_str(), "std" | "alloc"),
        _ => false,
    }
}

/// The element and length of `vec![x; N]`.
fn vec_repeat(mac: &syn::Macro) -> Option<(Expr, Expr)> {
    let parser = |input: ParseStream| {
        let elem: Expr = input.parse()?;
        input.parse::<Token![;]>()?;
        let len: Expr = input.parse()?;
        Ok((elem, len))
    };
    parser.parse2(mac.tokens.clone()).ok()
}

/// The whole-input read a `let` is initialised by (`std::fs::read(p)?`,
/// `tokio::fs::read_to_string(p).await.unwrap()`, …).
fn whole_input_read(ctx: &FileContext<'_>, local: &syn::Local) -> Option<&'static str> {
    let mut init = &*local.init.as_ref()?.expr;
    let mut awaited = false;
    loop {
        init = match strip(init) {
            Expr::Try(t) => &t.expr,
            Expr::Await(a) => {
                awaited = true;
                &a.base
            }
            // What keeps the bytes read: unwrapping, and the error
            // adapters of std, anyhow and eyre (`.context("read")?`).
            // `match read(p) { Ok(d) => d, Err(e) => return … }`: the
            // one arm that yields a value keeps the bytes.
            Expr::Match(m) => match unwrapping_match(m) {
                Some(scrutinee) => scrutinee,
                None => break,
            },
            Expr::MethodCall(m)
                if matches!(
                    m.method.to_string().as_str(),
                    "unwrap"
                        | "expect"
                        | "unwrap_or_default"
                        | "unwrap_or_else"
                        | "map_err"
                        | "context"
                        | "with_context"
                        | "wrap_err"
                        | "wrap_err_with"
                ) =>
            {
                &m.receiver
            }
            _ => break,
        };
    }
    let Expr::Call(call) = strip(init) else {
        return None;
    };
    const READS: &[&str] = &[
        "std::fs::read",
        "std::fs::read_to_string",
        "tokio::fs::read",
        "tokio::fs::read_to_string",
    ];
    let Expr::Path(func) = strip(&call.func) else {
        return None;
    };
    let resolved = ctx.resolve(&func.path)?;
    let read = READS.iter().find(|r| **r == resolved).copied()?;
    // tokio's reads return a future: the data exists only once it is awaited.
    (awaited == read.starts_with("tokio::")).then_some(read)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_with(src: &str, options: &LintOptions) -> Vec<Finding> {
        let file = syn::parse_file(src).unwrap();
        let ctx = FileContext::new(&file, src);
        check(&ctx, options)
    }

    fn run(src: &str) -> Vec<Finding> {
        run_with(src, &LintOptions::default())
    }

    #[test]
    fn message_notes_and_help() {
        let src = "use scopeguard::defer;\n\
                   fn f(log: &Log) {\n\
                   let buf = vec![0u8; 1 << 20];\n\
                   defer! { log.bytes(buf.len()); }\n\
                   }\n";
        let found = run(src);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(
            f.message,
            "`buf` (1048576 bytes) is kept alive by this guard until the end of the scope"
        );
        assert_eq!((f.span.start.line, f.span.start.column), (4, 1));
        assert_eq!(
            &src[f.span.start.byte..f.span.end.byte],
            "defer! { log.bytes(buf.len()); }"
        );
        let notes: Vec<(usize, &str)> = f
            .notes
            .iter()
            .map(|n| (n.span.unwrap().start.line, n.message.as_str()))
            .collect();
        assert_eq!(
            notes,
            vec![
                (4, "`buf` is captured here"),
                (3, "`buf` holds 1048576 bytes")
            ]
        );
        assert_eq!(f.help.as_deref(), Some(HELP));
    }

    #[test]
    fn threshold_is_inclusive_and_configurable() {
        let src = "use scopeguard::guard;\n\
                   fn f(c: Conn) { let b = [0u8; 4096]; let _g = guard(c, |c| c.close(b[0])); }";
        assert_eq!(run(src).len(), 1);
        let higher = LintOptions {
            large_value_bytes: 4097,
            ..LintOptions::default()
        };
        assert!(run_with(src, &higher).is_empty());
    }

    #[test]
    fn guard_functions_option() {
        let src =
            "fn f(log: &Log) { let b = [0u8; 8192]; let _g = util::Finally::new(|| log.b(b[0])); }";
        assert!(run(src).is_empty());
        let options = LintOptions {
            guard_functions: vec!["Finally::new".to_string()],
            ..LintOptions::default()
        };
        assert_eq!(run_with(src, &options).len(), 1);
    }
}
