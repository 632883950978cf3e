//! The out-of-line modules a file declares (`mod a;`), as plain data.
//!
//! The driver builds a crate's module tree from these: which file each
//! `mod a;` loads depends on the inline modules around it and on
//! `#[path = "…"]` attributes (on the declaration and on those inline
//! modules), and a module compiled only under `cfg(test)` makes its file,
//! and everything below it, test code. This module only reads the syntax;
//! where the files are is the driver's business.
//!
//! Declarations inside macro invocations in item position count too when
//! the macro's body is a list of items: `cfg_if! { if #[cfg(…)] { mod a; }
//! else { … } }` (a branch is test code when its own `cfg` requires `test`)
//! and the feature-gating wrappers crates define for themselves (tokio's
//! `cfg_rt! { mod runtime; }`, reqwest's `if_hyper! { … }`), which put a
//! `cfg` on each item and pass it on. Declarations inside fn bodies do not
//! count: rustc rejects `mod a;` there.

use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};

use super::scope::{cfg_requires_test, file_is_test, is_test_item};

/// One `mod name;` declaration.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ModDecl {
    /// The inline modules (`mod a { … }`) around the declaration, outermost
    /// first.
    pub inline_parents: Vec<InlineMod>,
    /// The declared module's name, without a raw prefix (`type` for
    /// `mod r#type;`).
    pub name: String,
    /// The value of its `#[path = "…"]` attribute, if any.
    pub path: Option<String>,
    /// The paths of its `#[cfg_attr(predicate, path = "…")]` attributes:
    /// files the module is under some `cfg` (mio picks its selector per
    /// platform that way). Which `cfg` holds is not known here.
    pub cfg_paths: Vec<CfgPath>,
    /// Whether the module is compiled only under `cfg(test)`: its own
    /// attributes, an enclosing inline module's, a `cfg_if!` branch's, or
    /// the whole file's (`#![cfg(test)]`) require `test`.
    pub test: bool,
    /// The line of its `mod` keyword (1-based).
    pub line: usize,
}

/// A `#[cfg_attr(predicate, path = "…")]` of a declaration.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CfgPath {
    /// The path.
    pub path: String,
    /// Whether the predicate requires `test` (a mock module under tests).
    pub test: bool,
}

/// An inline module around a declaration.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InlineMod {
    /// Its name, without a raw prefix.
    pub name: String,
    /// The value of its `#[path = "…"]` attribute, if any: for rustc it is
    /// the directory of the `mod x;` declarations inside it.
    pub path: Option<String>,
}

/// Every out-of-line module declaration of `file`, in source order.
pub fn module_decls(file: &syn::File) -> Vec<ModDecl> {
    let mut walk = Walk {
        parents: Vec::new(),
        decls: Vec::new(),
    };
    walk.items(&file.items, file_is_test(file));
    walk.decls
}

struct Walk {
    parents: Vec<InlineMod>,
    decls: Vec<ModDecl>,
}

impl Walk {
    fn items(&mut self, items: &[syn::Item], test: bool) {
        for item in items {
            match item {
                syn::Item::Mod(m) => self.module(m, test),
                syn::Item::Macro(m) if is_cfg_if(&m.mac) => {
                    for (branch_test, items) in cfg_if_branches(&m.mac) {
                        self.items(&items, test || branch_test);
                    }
                }
                // An invocation, not a `macro_rules!` definition.
                syn::Item::Macro(m) if m.ident.is_none() => {
                    if let Ok((inner_test, items)) = parse_items.parse2(m.mac.tokens.clone()) {
                        self.items(&items, test || inner_test || is_test_item(&m.attrs));
                    }
                }
                _ => {}
            }
        }
    }

    fn module(&mut self, m: &syn::ItemMod, test: bool) {
        let name = m.ident.unraw().to_string();
        let path = path_attr(&m.attrs);
        let test = test || is_test_item(&m.attrs);
        match &m.content {
            None => self.decls.push(declaration(
                self.parents.clone(),
                name,
                &m.attrs,
                test,
                m.mod_token.span.start().line,
            )),
            Some((_, items)) => {
                self.parents.push(InlineMod { name, path });
                // `is_test_item` also saw the inner `#![cfg(test)]`: syn keeps
                // inner attributes of an inline module in `attrs`.
                self.items(items, test);
                self.parents.pop();
            }
        }
    }
}

/// The declaration `mod name;` with these attributes, inside the inline
/// modules `inline_parents`, on line `line`; `test` if something around it
/// already makes it test code. Shared with the driver's lexical scan of
/// declarations, so both read attributes alike.
pub fn declaration(
    inline_parents: Vec<InlineMod>,
    name: String,
    attrs: &[syn::Attribute],
    test: bool,
    line: usize,
) -> ModDecl {
    let test = test || is_test_item(attrs);
    ModDecl {
        inline_parents,
        name,
        path: path_attr(attrs),
        cfg_paths: cfg_paths(attrs),
        test,
        line,
    }
}

/// The inline module `mod name { … }` with these attributes (inner ones
/// included): what it is to the declarations inside it, and whether it
/// makes them test code.
pub fn inline_module(name: String, attrs: &[syn::Attribute]) -> (InlineMod, bool) {
    let test = is_test_item(attrs);
    (
        InlineMod {
            name,
            path: path_attr(attrs),
        },
        test,
    )
}

/// A list of items, after inner attributes (hyper's `cfg_feature! {
/// #![feature = "server"] pub mod server; }`): whether those require
/// `test`, and the items. A macro body that is not such a list fails.
fn parse_items(input: ParseStream) -> syn::Result<(bool, Vec<syn::Item>)> {
    let inner = input.call(syn::Attribute::parse_inner)?;
    let mut items = Vec::new();
    while !input.is_empty() {
        items.push(input.parse()?);
    }
    Ok((is_test_item(&inner), items))
}

/// The `path = "…"` of each `#[cfg_attr(predicate, …, path = "…", …)]`.
fn cfg_paths(attrs: &[syn::Attribute]) -> Vec<CfgPath> {
    let mut found = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("cfg_attr")) {
        let Ok(args) = attr.parse_args_with(
            syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
        ) else {
            continue;
        };
        let mut args = args.iter();
        let Some(predicate) = args.next() else {
            continue;
        };
        for arg in args {
            if let Some(path) = path_value(arg) {
                found.push(CfgPath {
                    path,
                    test: cfg_requires_test(predicate),
                });
            }
        }
    }
    found
}

/// The string of a `#[path = "…"]` attribute.
fn path_attr(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find_map(|a| path_value(&a.meta))
}

/// The string of `path = "…"`.
fn path_value(meta: &syn::Meta) -> Option<String> {
    match meta {
        syn::Meta::NameValue(nv) if nv.path.is_ident("path") => match &nv.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Some(s.value()),
            _ => None,
        },
        _ => None,
    }
}

fn is_cfg_if(mac: &syn::Macro) -> bool {
    mac.path
        .segments
        .last()
        .is_some_and(|s| s.ident == "cfg_if")
}

/// The branches of a `cfg_if!` body: whether each branch's `cfg` requires
/// `test` (an `else` branch never does), and its items. A body that does not
/// parse gives no branches.
fn cfg_if_branches(mac: &syn::Macro) -> Vec<(bool, Vec<syn::Item>)> {
    let parser = |input: ParseStream| {
        let mut branches = Vec::new();
        while !input.is_empty() {
            // `if #[cfg(pred)] { items }`, then `else if …` or `else { items }`.
            let test = if input.peek(syn::Token![if]) {
                input.parse::<syn::Token![if]>()?;
                let attrs = input.call(syn::Attribute::parse_outer)?;
                attrs.iter().any(|a| {
                    a.path().is_ident("cfg")
                        && a.parse_args::<syn::Meta>()
                            .is_ok_and(|m| cfg_requires_test(&m))
                })
            } else {
                false
            };
            let body;
            syn::braced!(body in input);
            branches.push((test, parse_items(&body)?.1));
            if input.peek(syn::Token![else]) {
                input.parse::<syn::Token![else]>()?;
            }
        }
        Ok(branches)
    };
    parser.parse2(mac.tokens.clone()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decls(src: &str) -> Vec<ModDecl> {
        module_decls(&syn::parse_file(src).unwrap())
    }

    fn names(decls: &[ModDecl]) -> Vec<&str> {
        decls.iter().map(|d| d.name.as_str()).collect()
    }

    #[test]
    fn out_of_line_modules_in_order() {
        let found = decls("mod a;\npub mod b;\nmod c { fn f() {} }\npub(crate) mod r#type;\n");
        assert_eq!(names(&found), ["a", "b", "type"]);
        assert_eq!(found[0].line, 1);
        assert_eq!(found[2].line, 4);
        assert!(found.iter().all(|d| d.inline_parents.is_empty()));
        assert!(found.iter().all(|d| !d.test && d.path.is_none()));
    }

    #[test]
    fn inline_parents_and_their_paths() {
        let found = decls(
            "mod a {\n    mod b;\n    #[path = \"dir\"]\n    mod c {\n        #[path = \"x.rs\"]\n        mod d;\n    }\n}\n",
        );
        assert_eq!(names(&found), ["b", "d"]);
        assert_eq!(
            found[0].inline_parents,
            [InlineMod {
                name: "a".into(),
                path: None
            }]
        );
        assert_eq!(
            found[1].inline_parents,
            [
                InlineMod {
                    name: "a".into(),
                    path: None
                },
                InlineMod {
                    name: "c".into(),
                    path: Some("dir".into())
                }
            ]
        );
        assert_eq!(found[1].path.as_deref(), Some("x.rs"));
        assert_eq!(found[1].line, 6);
    }

    #[test]
    fn cfg_test_on_the_declaration_or_around_it() {
        let found = decls(
            "#[cfg(test)] mod t1;\n\
             #[cfg(all(test, feature = \"x\"))] mod t2;\n\
             #[cfg(test)] mod inline { mod t3; }\n\
             mod inner_cfg { #![cfg(test)] mod t4; }\n\
             #[cfg(any(test, feature = \"x\"))] mod p1;\n\
             #[cfg(not(test))] mod p2;\n\
             #[cfg(feature = \"latest\")] mod p3;\n\
             #[cfg_attr(test, path = \"mock.rs\")] mod p4;\n\
             #[cfg(feature = \"e2e_tests\")] mod t5;\n\
             #[cfg(feature = \"test-util\")] mod p5;\n\
             mod test_helpers;\n\
             mod speed_test;\n",
        );
        let test: Vec<(&str, bool)> = found.iter().map(|d| (d.name.as_str(), d.test)).collect();
        assert_eq!(
            test,
            [
                ("t1", true),
                ("t2", true),
                ("t3", true),
                ("t4", true),
                ("p1", false),
                ("p2", false),
                ("p3", false),
                ("p4", false),
                ("t5", true),
                // A feature for test utilities, and a module's name, do
                // not make it test code.
                ("p5", false),
                ("test_helpers", false),
                ("speed_test", false),
            ]
        );
        // `cfg_attr` is not evaluated: its path is one the module may have.
        assert_eq!(found[7].path, None);
        assert_eq!(
            found[7].cfg_paths,
            [CfgPath {
                path: "mock.rs".into(),
                test: true
            }]
        );
    }

    #[test]
    fn a_test_file_makes_every_declaration_test_code() {
        let found = decls("#![cfg(test)]\nmod a;\nmod b { mod c; }\n");
        assert_eq!(names(&found), ["a", "c"]);
        assert!(found.iter().all(|d| d.test));
    }

    #[test]
    fn cfg_if_branches_declare_modules() {
        let found = decls(
            "cfg_if::cfg_if! {\n\
                 if #[cfg(unix)] { mod unix; pub use unix::*; }\n\
                 else if #[cfg(test)] { mod mock; }\n\
                 else { #[path = \"other.rs\"] mod fallback; }\n\
             }\n\
             cfg_if! { this is not a cfg_if body }\n",
        );
        let seen: Vec<(&str, bool, Option<&str>)> = found
            .iter()
            .map(|d| (d.name.as_str(), d.test, d.path.as_deref()))
            .collect();
        assert_eq!(
            seen,
            [
                ("unix", false, None),
                ("mock", true, None),
                ("fallback", false, Some("other.rs"))
            ]
        );
    }

    #[test]
    fn feature_gating_macros_declare_modules() {
        let found = decls(
            "cfg_rt! {\n    pub mod runtime;\n    mod task { mod join; }\n}\n\
             #[cfg(test)]\nwrap! { mod gated; }\n\
             lazy_static! { static ref X: u8 = 1; }\n\
             info!(\"mod not_a_module;\");\n",
        );
        let seen: Vec<(&str, bool, usize)> = found
            .iter()
            .map(|d| (d.name.as_str(), d.test, d.line))
            .collect();
        assert_eq!(
            seen,
            [
                ("runtime", false, 2),
                ("join", false, 3),
                ("gated", true, 6)
            ]
        );
        assert_eq!(found[1].inline_parents[0].name, "task");
    }

    #[test]
    fn cfg_attr_paths_are_alternatives() {
        let found = decls(
            "#[cfg_attr(target_os = \"linux\", path = \"sel/epoll.rs\")]\n\
             #[cfg_attr(any(unix, windows), inline, path = \"sel/poll.rs\")]\n\
             #[cfg_attr(unix, allow(dead_code))]\n\
             mod selector;\n",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, None);
        let paths: Vec<(&str, bool)> = found[0]
            .cfg_paths
            .iter()
            .map(|p| (p.path.as_str(), p.test))
            .collect();
        assert_eq!(paths, [("sel/epoll.rs", false), ("sel/poll.rs", false)]);
    }

    #[test]
    fn inner_attributes_of_a_macro_body() {
        let found = decls(
            "cfg_feature! {\n    #![feature = \"server\"]\n    pub mod server;\n}\n\
             gate! { #![cfg(test)] mod fixtures; }\n",
        );
        let seen: Vec<(&str, bool)> = found.iter().map(|d| (d.name.as_str(), d.test)).collect();
        assert_eq!(seen, [("server", false), ("fixtures", true)]);
    }

    #[test]
    fn declarations_in_fn_bodies_and_macro_definitions_are_not_modules() {
        let found = decls(
            "fn f() { mod x { } }\nmacro_rules! m { () => { mod y; } }\nmacro_rules! n { mod w; }\nmod z;\n",
        );
        assert_eq!(names(&found), ["z"]);
    }

    #[test]
    fn path_attribute_forms() {
        let found = decls(
            "#[path = \"a/b.rs\"] mod one;\n#[path(\"nope\")] mod two;\n#[doc = \"x\"] mod three;\n",
        );
        let paths: Vec<Option<&str>> = found.iter().map(|d| d.path.as_deref()).collect();
        assert_eq!(paths, [Some("a/b.rs"), None, None]);
    }
}
