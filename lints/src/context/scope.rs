//! Which code is linted, and which code runs for the life of the process.
//!
//! * **Test code** is skipped by default: items carrying `#[test]`,
//!   `#[bench]` or any attribute whose last segment is `test` (`#[tokio::test]`,
//!   `#[sqlx::test]`) or names another framework's test (`rstest`,
//!   `test_case`), and items (or a whole file, through an
//!   inner `#![cfg(…)]`) whose `cfg` requires `test`: `test` itself, or `test`
//!   anywhere in an `all(…)`; inside a fn, statements, match arms and
//!   struct-literal fields under such a `cfg` too, and the branch an `if`
//!   opens only in tests (`if cfg!(test)`, a failpoint stubbed `false`).
//!   `any(test, …)` also compiles outside tests and is not test code;
//!   neither is `not(test)`. A module's name does not make it test code
//!   (`pub mod testing;` may be a fake server shipped to the crate's
//!   users): only its attributes do.
//! * **Entry points**: `main` at the top of a file, or any fn carrying an
//!   attribute whose last segment is `main` (`#[tokio::main]`,
//!   `#[actix_web::main]`). What such a fn starts lives as long as the
//!   process; what it blocks on blocks the main thread, not a runtime worker
//!   (unless the runtime is current-thread, where the main thread is the only
//!   worker).

use std::collections::{BTreeMap, BTreeSet};

use syn::spanned::Spanned;
use syn::visit::Visit;

/// Whether `attrs` make their item test code.
pub fn is_test_item(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(is_test_attr)
}

/// Whether one attribute makes its item test code: `#[test]`, `#[bench]`,
/// `#[…::test]`, one of the [`TEST_ATTRIBUTES`] (`#[rstest]`), or a
/// `#[cfg(…)]` that requires `test`.
pub fn is_test_attr(attr: &syn::Attribute) -> bool {
    let path = attr.path();
    let Some(last) = path.segments.last() else {
        return false;
    };
    let last = last.ident.to_string();
    if path.segments.len() == 1 && last == "cfg" {
        return cfg_predicate(attr).is_some_and(|m| cfg_requires_test(&m));
    }
    matches!(last.as_str(), "test" | "bench") || TEST_ATTRIBUTES.contains(&last.as_str())
}

/// Attributes of test frameworks whose last segment is not `test`: each
/// turns its fn into one or more tests (`#[rstest]`, test-case's
/// `#[test_case(1 ; "one")]` and `#[test_matrix(…)]`, `#[wasm_bindgen_test]`,
/// `#[quickcheck]`).
const TEST_ATTRIBUTES: &[&str] = &[
    "rstest",
    "test_case",
    "test_matrix",
    "wasm_bindgen_test",
    "quickcheck",
];

/// The predicate of a `#[cfg(…)]` attribute (`None` for any other
/// attribute, or one that does not parse).
fn cfg_predicate(attr: &syn::Attribute) -> Option<syn::Meta> {
    match &attr.meta {
        syn::Meta::List(list) if list.path.is_ident("cfg") => list.parse_args().ok(),
        _ => None,
    }
}

/// Whether a `cfg` predicate holds only when `leaf` does: a predicate
/// `leaf` accepts, or an `all(…)` with one among its arguments. `any(…)`
/// does not, whatever else it lists.
fn cfg_requires(predicate: &syn::Meta, leaf: &dyn Fn(&syn::Meta) -> bool) -> bool {
    leaf(predicate)
        || matches!(predicate, syn::Meta::List(list) if list.path.is_ident("all")
            && list
                .parse_args_with(
                    syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
                )
                .is_ok_and(|args| args.iter().any(|a| cfg_requires(a, leaf))))
}

/// Whether a `cfg` predicate holds only when compiling tests: `test`, a
/// feature of a test suite or of fault injection (`feature = "e2e_tests"`,
/// `feature = "failpoints"`, see [`is_test_suite_feature`]), or an `all(…)`
/// with such a predicate among its arguments. `any(test, …)` does not,
/// whatever else it lists.
pub fn cfg_requires_test(predicate: &syn::Meta) -> bool {
    cfg_requires(predicate, &|leaf| match leaf {
        syn::Meta::Path(p) => p.is_ident("test"),
        syn::Meta::NameValue(nv) if nv.path.is_ident("feature") => matches!(
            &nv.value,
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(name), .. })
                if is_test_suite_feature(&name.value())
        ),
        _ => false,
    })
}

/// Whether a fn named `name` exists for tests by its name: one ending in
/// `_for_test`, `_for_tests` or `_for_testing` (`null_for_testing`,
/// `new_for_tests`), the convention for constructors and helpers that
/// tests of other modules or crates call (they cannot be `#[cfg(test)]`).
pub fn is_test_fn_name(name: &str) -> bool {
    let name = name.strip_prefix("r#").unwrap_or(name);
    ["_for_test", "_for_tests", "_for_testing"]
        .iter()
        .any(|suffix| {
            name.strip_suffix(suffix)
                .is_some_and(|rest| !rest.is_empty())
        })
}

/// Whether a package named `name` is a benchmark by its name:
/// `bench`, `benches`, `benchmark`, `benchmarks`, or a name ending in
/// `bench` or `benchmark` (`pagebench`, `scan_bench`: the load generators
/// of a service's workspace).
/// Not `workbench`, a word of its own.
pub fn is_bench_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let singular = (name.strip_suffix("es").filter(|n| n.ends_with("bench")))
        .or_else(|| name.strip_suffix('s').filter(|n| n.ends_with("benchmark")))
        .unwrap_or(&name);
    (singular.ends_with("bench") || singular.ends_with("benchmark"))
        && !singular.ends_with("workbench")
}

/// Whether a cargo feature named `name` turns on code that only a test
/// suite runs: a feature named for one (`e2e_tests`, `integration-test`,
/// `load_testing`, `testsuite`: a name ending in `_` or `-` and `test`,
/// `tests`, `testing` or `testsuite`), as tensorzero's client declares its
/// end-to-end fixtures under `cfg(feature = "e2e_tests")`; or a feature
/// that injects faults in tests: `failpoints` (the `fail` crate's
/// convention), `failpoint`, `fail_points`, `failure_injection`,
/// `fault_injection` (readyset's controller heartbeat). Features named
/// otherwise for tests (`test`, `testing`, `test-util`, `mocks`) are not:
/// they name utilities that any build may turn on, as under `any(test, …)`.
pub fn is_test_suite_feature(name: &str) -> bool {
    let name = name.replace('-', "_");
    [
        "testsuite",
        "failpoints",
        "failpoint",
        "fail_points",
        "failure_injection",
        "fault_injection",
    ]
    .contains(&name.as_str())
        || ["_test", "_tests", "_testing", "_testsuite"]
            .iter()
            .any(|suffix| {
                name.strip_suffix(suffix)
                    .is_some_and(|rest| !rest.is_empty())
            })
}

/// Whether the whole file is test code (an inner `#![cfg(test)]`).
pub fn file_is_test(file: &syn::File) -> bool {
    file.attrs
        .iter()
        .any(|a| matches!(a.style, syn::AttrStyle::Inner(_)) && is_test_attr(a))
}

/// By block, what each of its statements does (see
/// [`crate::FileContext::ends_its_fn_with`]).
pub type BlockWaits = std::collections::HashMap<*const syn::Block, Vec<StmtWait>>;

/// What a statement does, for whether the code before it ends its fn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StmtWait {
    /// It waits: awaits, or blocks on a future.
    Waits,
    /// It returns from the fn, waiting for nothing.
    Returns,
    /// Neither.
    Neither,
}

impl crate::FileContext<'_> {
    /// Whether the code whose ancestors are `ancestors` (a race, a call)
    /// ends the fn it is in: in no loop or closure of it, and nothing after
    /// its statement waits (awaits, or blocks on a future), so the fn
    /// returns right after it. `Some(true)` when that fn is `main` (or a
    /// `#[…::main]` fn): the program ends there. `None` when it does not
    /// end its fn: more work waited for follows (or it runs again).
    pub fn ends_its_fn(&self, ancestors: &[crate::context::Node<'_>]) -> Option<bool> {
        self.ends_its_fn_with(ancestors, &mut BlockWaits::new())
    }

    /// [`Self::ends_its_fn`], with what the statements of each block asked
    /// about so far do (`waits`), for many questions about one file.
    pub fn ends_its_fn_with(
        &self,
        ancestors: &[crate::context::Node<'_>],
        waits: &mut BlockWaits,
    ) -> Option<bool> {
        use crate::context::Node;
        use syn::Expr;
        let at = ancestors.iter().rposition(|n| n.is_item())?;
        let (body, is_main) = match ancestors[at] {
            Node::ItemFn(f) => (&*f.block, self.is_entry_point(f)),
            Node::ImplFn(f) => (&f.block, false),
            _ => return None,
        };
        let inside = &ancestors[at + 1..];
        let in_loop = inside.iter().any(|n| {
            matches!(
                n,
                Node::Expr(Expr::Loop(_) | Expr::While(_) | Expr::ForLoop(_) | Expr::Closure(_))
            )
        });
        if in_loop {
            return None;
        }
        // The statements it is in, each with its block, outermost first.
        let mut block = body;
        let mut levels = Vec::new();
        for node in inside {
            match node {
                Node::Block(b) => block = b,
                Node::Stmt(stmt) => levels.push((block, *stmt)),
                _ => {}
            }
        }
        // From the innermost out, the statements after it: one that waits
        // first keeps the fn running; a `return` first ends it.
        for (block, stmt) in levels.into_iter().rev() {
            let index = block.stmts.iter().position(|s| std::ptr::eq(s, stmt))?;
            let kinds = (waits.entry(std::ptr::from_ref(block)))
                .or_insert_with(|| block.stmts.iter().map(|s| self.stmt_wait(s)).collect());
            for kind in &kinds[index + 1..] {
                match kind {
                    StmtWait::Waits => return None,
                    StmtWait::Returns => return Some(is_main),
                    StmtWait::Neither => {}
                }
            }
        }
        Some(is_main)
    }

    /// What `stmt` does for [`Self::ends_its_fn`]: waits (awaits, or blocks
    /// on a future; not in a closure, an async block or a nested item,
    /// whose code runs elsewhere), or else returns (a `return` statement).
    fn stmt_wait(&self, stmt: &syn::Stmt) -> StmtWait {
        use syn::Expr;
        let waits = self.any_expr_now(stmt, |e| match e {
            Expr::Await(_) => true,
            Expr::MethodCall(m) => m.method == "block_on",
            Expr::Call(c) => matches!(&*c.func, Expr::Path(p)
                if p.path.segments.last().is_some_and(|s| s.ident == "block_on")),
            _ => false,
        });
        match (waits, stmt) {
            (true, _) => StmtWait::Waits,
            (false, syn::Stmt::Expr(Expr::Return(_), _)) => StmtWait::Returns,
            _ => StmtWait::Neither,
        }
    }

    /// Whether `f` is an entry point: a fn with an attribute whose last
    /// segment is `main` (`#[tokio::main]`), or `main` at the top of the
    /// file in the form a program's `main` can take: not `async` and
    /// without parameters (`pub async fn main(args: Args)` in a module file
    /// is a subcommand's fn, which rustc would refuse as `main`).
    pub fn is_entry_point(&self, f: &syn::ItemFn) -> bool {
        has_main_attr(&f.attrs)
            || (f.sig.ident == "main"
                && f.sig.asyncness.is_none()
                && f.sig.inputs.is_empty()
                && self
                    .file
                    .items
                    .iter()
                    .any(|item| matches!(item, syn::Item::Fn(g) if std::ptr::eq(g, f))))
    }
}

/// Whether `attrs` carry an entry-point attribute (`#[tokio::main]`, `#[main]`…).
pub fn has_main_attr(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(is_main_attr)
}

/// `#[tokio::main]`, `#[actix_web::main]`, … (the last segment is `main`),
/// and `#[fluvio_future::main_async]`, which builds its runtime the same way.
pub fn is_main_attr(attr: &syn::Attribute) -> bool {
    attr.path()
        .segments
        .last()
        .is_some_and(|s| s.ident == "main" || s.ident == "main_async")
}

/// Whether `attrs` pick a current-thread runtime for their entry point
/// (`#[tokio::main(flavor = "current_thread")]`), where the main thread is
/// the runtime's only worker.
pub fn main_is_current_thread(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        is_main_attr(a)
            && matches!(&a.meta, syn::Meta::List(list)
                if list.tokens.to_string().replace(' ', "").contains("flavor=\"current_thread\""))
    })
}

/// The spans of the file's test items, outermost only (items nested in
/// blocks included). Findings that start inside one are dropped unless tests
/// are linted.
pub fn test_item_spans(file: &syn::File) -> Vec<proc_macro2::Span> {
    let mut finder = MarkedItems {
        spans: Vec::new(),
        marked_by: is_test_attr,
        fn_named: is_test_fn_name,
        test_guards: Some(false_stubs(file)),
    };
    finder.visit_file(file);
    finder.spans
}

/// The names of the file's free fns whose every definition outside test
/// code is the literal `false`: a failpoint's stub for production builds
/// (`#[cfg(not(test))] fn should_fail(_: &str) -> bool { false }` beside
/// its `#[cfg(test)]` twin). A branch that only such a call opens runs in
/// tests only.
fn false_stubs(file: &syn::File) -> BTreeSet<String> {
    #[derive(Default)]
    struct Stubs {
        in_test: bool,
        /// Each name, and whether every definition seen is `false`.
        seen: BTreeMap<String, bool>,
    }
    impl<'a> Visit<'a> for Stubs {
        fn visit_item_mod(&mut self, m: &'a syn::ItemMod) {
            let outer = self.in_test;
            self.in_test |= is_test_item(&m.attrs);
            syn::visit::visit_item_mod(self, m);
            self.in_test = outer;
        }
        fn visit_item_fn(&mut self, f: &'a syn::ItemFn) {
            if self.in_test || is_test_item(&f.attrs) {
                return;
            }
            let is_false = matches!(&f.block.stmts[..], [syn::Stmt::Expr(syn::Expr::Lit(lit), None)]
                if matches!(lit.lit, syn::Lit::Bool(ref b) if !b.value));
            *self.seen.entry(f.sig.ident.to_string()).or_insert(true) &= is_false;
        }
    }
    let mut stubs = Stubs::default();
    stubs.visit_file(file);
    (stubs.seen.into_iter())
        .filter_map(|(name, stub)| stub.then_some(name))
        .collect()
}

/// Whether an `if`'s condition holds only in tests: `cfg!(test)` (or a
/// `cfg!` that requires `test` or a feature for tests), a call of one of
/// `stubs` (see [`false_stubs`]), or such a condition `&&` another.
fn holds_only_in_tests(cond: &syn::Expr, stubs: &BTreeSet<String>) -> bool {
    match cond {
        syn::Expr::Paren(p) => holds_only_in_tests(&p.expr, stubs),
        syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            holds_only_in_tests(&b.left, stubs) || holds_only_in_tests(&b.right, stubs)
        }
        syn::Expr::Macro(m) if m.mac.path.is_ident("cfg") => m
            .mac
            .parse_body::<syn::Meta>()
            .is_ok_and(|predicate| cfg_requires_test(&predicate)),
        syn::Expr::Call(c) => matches!(&*c.func, syn::Expr::Path(p)
            if p.qself.is_none() && p.path.get_ident().is_some_and(|i| stubs.contains(&i.to_string()))),
        _ => false,
    }
}

/// The spans of the file's items built only for WebAssembly
/// (`#[cfg(target_arch = "wasm32")]`, `#[cfg(target_family = "wasm")]`, or
/// an `all(…)` with one), outermost only. There the platform's `fetch`
/// bounds requests and reqwest's wasm client has no timeout to set.
pub fn wasm_only_item_spans(file: &syn::File) -> Vec<proc_macro2::Span> {
    let mut finder = MarkedItems {
        spans: Vec::new(),
        marked_by: is_wasm_only_attr,
        fn_named: |_| false,
        test_guards: None,
    };
    finder.visit_file(file);
    finder.spans
}

/// Whether the file's inner attributes build it for WebAssembly only
/// (`#![cfg(target_arch = "wasm32")]`).
pub fn file_is_wasm_only(file: &syn::File) -> bool {
    file.attrs.iter().any(is_wasm_only_attr)
}

/// Whether one attribute builds its item for WebAssembly only:
/// `target_arch = "wasm32"` (or `"wasm64"`), `target_family = "wasm"`, or
/// an `all(…)` with one.
fn is_wasm_only_attr(attr: &syn::Attribute) -> bool {
    cfg_predicate(attr).is_some_and(|predicate| {
        cfg_requires(&predicate, &|leaf| match leaf {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(value),
                    ..
                }) => {
                    (nv.path.is_ident("target_arch") && value.value().starts_with("wasm"))
                        || (nv.path.is_ident("target_family") && value.value() == "wasm")
                }
                _ => false,
            },
            _ => false,
        })
    })
}

/// Finds the outermost items an attribute marks (test code, wasm-only code).
struct MarkedItems {
    spans: Vec<proc_macro2::Span>,
    /// Whether an attribute marks its item.
    marked_by: fn(&syn::Attribute) -> bool,
    /// Whether a fn's name marks it.
    fn_named: fn(&str) -> bool,
    /// For test code: the file's failpoint stubs (see [`false_stubs`]);
    /// the branch an `if` opens only in tests is test code too.
    test_guards: Option<BTreeSet<String>>,
}

impl MarkedItems {
    /// Records the item if `attrs` mark it, or its name (`fn_name`, for a
    /// fn); `last` is its last token.
    fn check(
        &mut self,
        attrs: &[syn::Attribute],
        last: Option<proc_macro2::Span>,
        item: &dyn Spanned,
        fn_name: Option<&syn::Ident>,
    ) -> bool {
        let named = fn_name.is_some_and(|name| (self.fn_named)(&name.to_string()));
        if named || attrs.iter().any(self.marked_by) {
            self.spans.push(extent(attrs, last, item));
            true
        } else {
            false
        }
    }
}

/// The span of an item from its first outer attribute (a test item has one)
/// to `last`, its last token. syn's `Spanned` finds the two by printing the
/// whole item to tokens, which costs as much as a `mod tests` is long; it is
/// the fallback when there is no outer attribute.
fn extent(
    attrs: &[syn::Attribute],
    last: Option<proc_macro2::Span>,
    item: &dyn Spanned,
) -> proc_macro2::Span {
    let first = attrs
        .iter()
        .find(|a| matches!(a.style, syn::AttrStyle::Outer))
        .map(|a| a.pound_token.span);
    match (first, last) {
        (Some(first), Some(last)) => first.join(last).unwrap_or_else(|| item.span()),
        _ => item.span(),
    }
}

/// The attributes and the last token of an item of the kinds that can be test code.
fn item_parts(item: &syn::Item) -> (&[syn::Attribute], Option<proc_macro2::Span>) {
    use syn::Item;
    match item {
        Item::Fn(i) => (&i.attrs, Some(i.block.brace_token.span.close())),
        Item::Impl(i) => (&i.attrs, Some(i.brace_token.span.close())),
        Item::Mod(i) => {
            let last = match &i.content {
                Some((brace, _)) => Some(brace.span.close()),
                None => i.semi.as_ref().map(|s| s.span),
            };
            (&i.attrs, last)
        }
        Item::Const(i) => (&i.attrs, Some(i.semi_token.span)),
        Item::Static(i) => (&i.attrs, Some(i.semi_token.span)),
        Item::Struct(i) => {
            let last = match (&i.semi_token, &i.fields) {
                (Some(semi), _) => Some(semi.span),
                (None, syn::Fields::Named(named)) => Some(named.brace_token.span.close()),
                (None, _) => None,
            };
            (&i.attrs, last)
        }
        Item::Enum(i) => (&i.attrs, Some(i.brace_token.span.close())),
        Item::Trait(i) => (&i.attrs, Some(i.brace_token.span.close())),
        Item::Use(i) => (&i.attrs, Some(i.semi_token.span)),
        Item::Macro(i) => {
            let last = match &i.semi_token {
                Some(semi) => semi.span,
                None => i.mac.delimiter.span().close(),
            };
            (&i.attrs, Some(last))
        }
        _ => (&[], None),
    }
}

impl<'a> Visit<'a> for MarkedItems {
    fn visit_item(&mut self, item: &'a syn::Item) {
        let (attrs, last) = item_parts(item);
        if let syn::Item::Mod(m) = item {
            // An inline module whose inner attributes mark it
            // (`#![cfg(test)]`).
            let inner_marked = m.content.is_some()
                && m.attrs
                    .iter()
                    .any(|a| matches!(a.style, syn::AttrStyle::Inner(_)) && (self.marked_by)(a));
            if inner_marked {
                self.spans.push(extent(attrs, last, item));
                return;
            }
        }
        let fn_name = match item {
            syn::Item::Fn(f) => Some(&f.sig.ident),
            _ => None,
        };
        if !self.check(attrs, last, item, fn_name) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_impl_item(&mut self, item: &'a syn::ImplItem) {
        let (attrs, last, fn_name): (&[syn::Attribute], _, _) = match item {
            syn::ImplItem::Fn(i) => (
                &i.attrs,
                Some(i.block.brace_token.span.close()),
                Some(&i.sig.ident),
            ),
            syn::ImplItem::Const(i) => (&i.attrs, Some(i.semi_token.span), None),
            _ => (&[], None, None),
        };
        if !self.check(attrs, last, item, fn_name) {
            syn::visit::visit_impl_item(self, item);
        }
    }

    fn visit_trait_item(&mut self, item: &'a syn::TraitItem) {
        let (attrs, last, fn_name): (&[syn::Attribute], _, _) = match item {
            syn::TraitItem::Fn(i) => {
                let last = match (&i.default, &i.semi_token) {
                    (Some(block), _) => Some(block.brace_token.span.close()),
                    (None, Some(semi)) => Some(semi.span),
                    (None, None) => None,
                };
                (&i.attrs, last, Some(&i.sig.ident))
            }
            syn::TraitItem::Const(i) => (&i.attrs, Some(i.semi_token.span), None),
            _ => (&[], None, None),
        };
        if !self.check(attrs, last, item, fn_name) {
            syn::visit::visit_trait_item(self, item);
        }
    }

    // Inside a fn, `#[cfg(test)]` can also mark a statement (`#[cfg(test)]
    // std::thread::sleep(d);`, `#[cfg(feature = "failpoints")] if … { … }`),
    // a match arm or a field of a struct literal: that code is built only
    // for tests too.
    fn visit_stmt(&mut self, stmt: &'a syn::Stmt) {
        let attrs: &[syn::Attribute] = match stmt {
            syn::Stmt::Local(local) => &local.attrs,
            syn::Stmt::Macro(mac) => &mac.attrs,
            syn::Stmt::Expr(expr, _) => expr_attrs(expr),
            syn::Stmt::Item(_) => &[],
        };
        if !self.check(attrs, None, stmt, None) {
            syn::visit::visit_stmt(self, stmt);
        }
    }

    fn visit_expr_if(&mut self, e: &'a syn::ExprIf) {
        if !self.check(&e.attrs, None, e, None) {
            match &self.test_guards {
                Some(stubs) if holds_only_in_tests(&e.cond, stubs) => {
                    self.spans.push(e.then_branch.span());
                    if let Some((_, other)) = &e.else_branch {
                        self.visit_expr(other);
                    }
                }
                _ => syn::visit::visit_expr_if(self, e),
            }
        }
    }

    fn visit_arm(&mut self, arm: &'a syn::Arm) {
        if !self.check(&arm.attrs, None, arm, None) {
            syn::visit::visit_arm(self, arm);
        }
    }

    fn visit_field_value(&mut self, field: &'a syn::FieldValue) {
        if !self.check(&field.attrs, None, field, None) {
            syn::visit::visit_field_value(self, field);
        }
    }
}

/// The outer attributes of an expression (those written before an
/// expression statement belong to its expression).
fn expr_attrs(expr: &syn::Expr) -> &[syn::Attribute] {
    use syn::Expr;
    match expr {
        Expr::Array(e) => &e.attrs,
        Expr::Assign(e) => &e.attrs,
        Expr::Async(e) => &e.attrs,
        Expr::Await(e) => &e.attrs,
        Expr::Binary(e) => &e.attrs,
        Expr::Block(e) => &e.attrs,
        Expr::Break(e) => &e.attrs,
        Expr::Call(e) => &e.attrs,
        Expr::Cast(e) => &e.attrs,
        Expr::Closure(e) => &e.attrs,
        Expr::Const(e) => &e.attrs,
        Expr::Continue(e) => &e.attrs,
        Expr::Field(e) => &e.attrs,
        Expr::ForLoop(e) => &e.attrs,
        Expr::Group(e) => &e.attrs,
        Expr::If(e) => &e.attrs,
        Expr::Index(e) => &e.attrs,
        Expr::Infer(e) => &e.attrs,
        Expr::Let(e) => &e.attrs,
        Expr::Lit(e) => &e.attrs,
        Expr::Loop(e) => &e.attrs,
        Expr::Macro(e) => &e.attrs,
        Expr::Match(e) => &e.attrs,
        Expr::MethodCall(e) => &e.attrs,
        Expr::Paren(e) => &e.attrs,
        Expr::Path(e) => &e.attrs,
        Expr::Range(e) => &e.attrs,
        Expr::RawAddr(e) => &e.attrs,
        Expr::Reference(e) => &e.attrs,
        Expr::Repeat(e) => &e.attrs,
        Expr::Return(e) => &e.attrs,
        Expr::Struct(e) => &e.attrs,
        Expr::Try(e) => &e.attrs,
        Expr::TryBlock(e) => &e.attrs,
        Expr::Tuple(e) => &e.attrs,
        Expr::Unary(e) => &e.attrs,
        Expr::Unsafe(e) => &e.attrs,
        Expr::While(e) => &e.attrs,
        Expr::Yield(e) => &e.attrs,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(src: &str) -> syn::Attribute {
        let item: syn::ItemFn = syn::parse_str(&format!("{src} fn f() {{}}")).unwrap();
        item.attrs.into_iter().next().unwrap()
    }

    #[test]
    fn test_attributes() {
        for yes in [
            "#[test]",
            "#[bench]",
            "#[tokio::test]",
            "#[tokio::test(flavor = \"multi_thread\")]",
            "#[sqlx::test]",
            "#[test_log::test]",
            "#[rstest]",
            "#[test_case(1 ; \"one\")]",
            "#[test_case::test_case(2)]",
            "#[test_matrix([1, 2])]",
            "#[wasm_bindgen_test]",
            "#[quickcheck]",
            "#[cfg(test)]",
            "#[cfg(all(feature = \"x\", test))]",
            "#[cfg(all(unix, all(test, feature = \"y\")))]",
            "#[cfg(feature = \"e2e_tests\")]",
            "#[cfg(feature = \"integration-testsuite\")]",
            "#[cfg(feature = \"testsuite\")]",
            "#[cfg(all(unix, feature = \"integration-test\"))]",
            "#[cfg(feature = \"failpoints\")]",
            "#[cfg(all(unix, feature = \"fail_points\"))]",
            "#[cfg(feature = \"failure_injection\")]",
            "#[cfg(feature = \"fault-injection\")]",
        ] {
            assert!(is_test_attr(&attr(yes)), "{yes}");
        }
        for no in [
            "#[cfg(any(test, feature = \"testing\"))]",
            // Features named for test utilities compile into any build
            // that turns them on, like `any(test, …)`.
            "#[cfg(feature = \"test\")]",
            "#[cfg(feature = \"tests\")]",
            "#[cfg(feature = \"test-util\")]",
            "#[cfg(feature = \"testing\")]",
            "#[cfg(feature = \"_tests\")]",
            "#[cfg(feature = \"mocks\")]",
            "#[cfg(feature = \"redis_mock\")]",
            "#[cfg(not(test))]",
            "#[cfg(feature = \"attestation\")]",
            "#[cfg(feature = \"latest\")]",
            "#[cfg(feature = \"testnet\")]",
            "#[cfg(feature = \"mockall\")]",
            "#[cfg(feature = \"fakeroot\")]",
            "#[cfg(feature = \"failover\")]",
            "#[cfg(feature = \"no-failpoints\")]",
            "#[cfg(not(feature = \"testing\"))]",
            "#[cfg(any(unix, feature = \"test-util\"))]",
            "#[cfg(unix)]",
            "#[inline]",
            "#[tokio::main]",
            "#[testing]",
            "#[test_cases_loaded]",
            "#[serial_test::serial]",
        ] {
            assert!(!is_test_attr(&attr(no)), "{no}");
        }
    }

    #[test]
    fn test_fn_names() {
        for yes in [
            "null_for_testing",
            "new_for_tests",
            "r#open_for_test",
            "a_for_testing",
        ] {
            assert!(is_test_fn_name(yes), "{yes}");
        }
        for no in [
            "for_testing",
            "_for_testing_x",
            "wait_for_tester",
            "run_tests",
            "testing",
        ] {
            assert!(!is_test_fn_name(no), "{no}");
        }
        let file: syn::File = syn::parse_str(
            "fn null_for_testing() {}\n\
             impl A { pub fn new_for_tests() {} fn new() {} }\n\
             trait H { fn settle_for_testing(&self) { loop {} } fn settle(&self); }\n\
             fn run() {}",
        )
        .unwrap();
        assert_eq!(test_item_spans(&file).len(), 3);
    }

    #[test]
    fn a_module_is_test_code_by_its_attributes_not_its_name() {
        // `pub mod testing;` may be a fake server that the crate ships to
        // its users; only `cfg(test)` (or a test attribute) says tests.
        let file: syn::File = syn::parse_str(
            "pub mod testing { fn a() {} }\n\
             mod tests { fn b() {} }\n\
             mod test_utils { fn c() {} }\n\
             #[cfg(any(test, feature = \"test-util\"))] pub mod test_util { fn d() {} }\n\
             #[cfg(test)] mod unit { fn e() {} }\n\
             mod inner { #![cfg(test)] fn f() {} }",
        )
        .unwrap();
        let lines: Vec<usize> = (test_item_spans(&file).iter())
            .map(|span| span.start().line)
            .collect();
        assert_eq!(lines, [5, 6]);
    }

    #[test]
    fn main_attributes() {
        let item: syn::ItemFn =
            syn::parse_str("#[tokio::main(flavor = \"current_thread\")] async fn main() {}")
                .unwrap();
        assert!(has_main_attr(&item.attrs));
        assert!(main_is_current_thread(&item.attrs));
        let item: syn::ItemFn = syn::parse_str("#[actix_web::main] async fn main() {}").unwrap();
        assert!(has_main_attr(&item.attrs));
        assert!(!main_is_current_thread(&item.attrs));
    }

    #[test]
    fn test_item_spans_run_from_the_first_outer_attribute_to_the_last_token() {
        let src = "/// doc\n#[cfg(test)]\nmod a { fn x() {} }\n\
                   #[test] fn b() { 1; }\n\
                   #[cfg(test)] struct C { f: u8 }\n\
                   #[cfg(test)] struct D(u8);\n\
                   #[cfg(test)] const E: u8 = 1;\n\
                   #[cfg(test)] use f::g;\n\
                   #[cfg(test)] m! { x }\n\
                   #[cfg(test)] m!(y);\n\
                   #[cfg(test)] mod h;\n\
                   mod i { #![cfg(test)] }\n\
                   impl J { #[test] fn k() {} #[cfg(test)] const L: u8 = 2; }\n\
                   trait M { #[cfg(test)] fn n(); #[cfg(test)] fn o() {} }";
        let file: syn::File = syn::parse_str(src).unwrap();
        let found: Vec<_> = test_item_spans(&file)
            .iter()
            .map(|s| {
                (
                    (s.start().line, s.start().column),
                    (s.end().line, s.end().column),
                )
            })
            .collect();
        // What syn's `Spanned` (printing each item) gives.
        struct Printed(Vec<((usize, usize), (usize, usize))>);
        impl<'a> Visit<'a> for Printed {
            fn visit_item(&mut self, i: &'a syn::Item) {
                let s = i.span();
                self.0.push((
                    (s.start().line, s.start().column),
                    (s.end().line, s.end().column),
                ));
            }
            fn visit_impl_item(&mut self, i: &'a syn::ImplItem) {
                let s = i.span();
                self.0.push((
                    (s.start().line, s.start().column),
                    (s.end().line, s.end().column),
                ));
            }
            fn visit_trait_item(&mut self, i: &'a syn::TraitItem) {
                let s = i.span();
                self.0.push((
                    (s.start().line, s.start().column),
                    (s.end().line, s.end().column),
                ));
            }
        }
        let mut printed = Printed(Vec::new());
        for item in &file.items {
            match item {
                syn::Item::Impl(i) => i.items.iter().for_each(|x| printed.visit_impl_item(x)),
                syn::Item::Trait(t) => t.items.iter().for_each(|x| printed.visit_trait_item(x)),
                other => printed.visit_item(other),
            }
        }
        assert_eq!(found.len(), 14);
        assert_eq!(found, printed.0);
    }

    #[test]
    fn test_items_outermost() {
        let file: syn::File = syn::parse_str(
            "fn prod() {}\n#[cfg(test)] mod tests { #[test] fn t() {} }\n#[tokio::test] async fn t2() {}\nmod m { #![cfg(test)] fn x() {} }",
        )
        .unwrap();
        assert_eq!(test_item_spans(&file).len(), 3);
        let file: syn::File = syn::parse_str("#![cfg(test)]\nfn a() {}").unwrap();
        assert!(file_is_test(&file));
    }
}
