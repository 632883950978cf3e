//! The out-of-line modules a file declares (`mod a;`), as plain data.
//!
//! The driver builds a crate's module tree from these: which file each
//! `mod a;` loads depends on the inline modules around it and on
//! `#[path = "…"]` attributes (on the declaration and on those inline
//! modules), and a module compiled only under `cfg(test)` makes its file,
//! and everything below it, test code. This module only reads the syntax;
//! where the files are is the driver's business.
//!
//! Declarations inside `cfg_if! { if #[cfg(…)] { mod a; } else { … } }` count
//! too (a common way to pick a platform module); a branch is test code when
//! its own `cfg` requires `test`. Declarations inside fn bodies do not: rustc
//! rejects `mod a;` there.

use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};

use super::scope::{cfg_requires_test, file_is_test, is_test_item};

/// One `mod name;` declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModDecl {
    /// The inline modules (`mod a { … }`) around the declaration, outermost
    /// first.
    pub inline_parents: Vec<InlineMod>,
    /// The declared module's name, without a raw prefix (`type` for
    /// `mod r#type;`).
    pub name: String,
    /// The value of its `#[path = "…"]` attribute, if any.
    pub path: Option<String>,
    /// Whether the module is compiled only under `cfg(test)`: its own
    /// attributes, an enclosing inline module's, a `cfg_if!` branch's, or
    /// the whole file's (`#![cfg(test)]`) require `test`.
    pub test: bool,
    /// The line of its `mod` keyword (1-based).
    pub line: usize,
}

/// An inline module around a declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
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
                _ => {}
            }
        }
    }

    fn module(&mut self, m: &syn::ItemMod, test: bool) {
        let name = m.ident.unraw().to_string();
        let path = path_attr(&m.attrs);
        let test = test || is_test_item(&m.attrs);
        match &m.content {
            None => self.decls.push(ModDecl {
                inline_parents: self.parents.clone(),
                name,
                path,
                test,
                line: m.mod_token.span.start().line,
            }),
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

/// The string of a `#[path = "…"]` attribute.
fn path_attr(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find_map(|a| match &a.meta {
        syn::Meta::NameValue(nv) if nv.path.is_ident("path") => match &nv.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Some(s.value()),
            _ => None,
        },
        _ => None,
    })
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
            let mut items = Vec::new();
            while !body.is_empty() {
                items.push(body.parse::<syn::Item>()?);
            }
            branches.push((test, items));
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
             #[cfg(feature = \"test\")] mod p3;\n\
             #[cfg_attr(test, path = \"mock.rs\")] mod p4;\n",
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
            ]
        );
        // `cfg_attr` is not evaluated: no path is taken from it.
        assert_eq!(found[7].path, None);
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
    fn declarations_in_fn_bodies_and_other_macros_are_not_modules() {
        let found = decls("fn f() { mod x { } }\nmacro_rules! m { () => { mod y; } }\nmod z;\n");
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
