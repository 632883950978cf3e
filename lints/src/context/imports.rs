//! Resolution of paths through a file's `use` items.
//!
//! leaklint sees one file at a time, so resolution is file-wide rather than
//! per module: every `use` anywhere in the file counts, and a name defined
//! locally anywhere in the file (a fn, struct, module, …) shadows an import of
//! the same name. Where that leaves a name ambiguous (two imports disagree, or
//! more than one glob could provide it), the name does not resolve and rules
//! stay silent.

use std::collections::{HashMap, HashSet};

use syn::visit::Visit;

/// What the file's `use` items and local items say about names.
#[derive(Debug, Default)]
pub struct Imports {
    /// Local name → the full path it stands for (`None`: ambiguous).
    names: HashMap<String, Option<String>>,
    /// Prefixes imported with `*` (`tokio::task` for `use tokio::task::*`).
    globs: Vec<String>,
    /// Names of items defined in this file (fns, types, modules, consts, …).
    local_items: HashSet<String>,
}

impl Imports {
    /// Collects every `use` and item name in `file`.
    pub fn collect(file: &syn::File) -> Imports {
        let mut collector = Collector {
            imports: Imports::default(),
        };
        collector.visit_file(file);
        collector.imports
    }

    /// The full path `path` stands for, `::`-separated and normalised (see
    /// [`normalize`]), or `None` when it cannot be told.
    ///
    /// A path that starts at a local item resolves to `crate::…`, so it never
    /// matches an external path.
    pub fn resolve(&self, path: &syn::Path) -> Option<String> {
        let segments: Vec<String> = path.segments.iter().map(|s| unraw(&s.ident)).collect();
        self.resolve_segments(&segments, path.leading_colon.is_some())
    }

    /// As [`Imports::resolve`], for already split segments.
    pub fn resolve_segments(&self, segments: &[String], leading_colon: bool) -> Option<String> {
        let (first, rest) = segments.split_first()?;
        let joined = |head: &str| {
            let mut s = head.to_string();
            for r in rest {
                s.push_str("::");
                s.push_str(r);
            }
            s
        };
        if leading_colon {
            return Some(normalize(&joined(first)));
        }
        match first.as_str() {
            "crate" | "self" | "super" | "Self" => return Some(joined(first)),
            _ => {}
        }
        if self.local_items.contains(first) {
            return Some(joined(&format!("crate::{first}")));
        }
        if let Some(target) = self.names.get(first) {
            return target.as_ref().map(|t| normalize(&joined(t)));
        }
        if let Some(p) = prelude(first) {
            // `Box::leak`, `Vec::with_capacity`: prelude types with a path after them.
            return Some(joined(p));
        }
        if rest.is_empty() {
            return match self.globs.as_slice() {
                [] => Some(first.clone()),
                [only] => Some(normalize(&format!("{only}::{first}"))),
                _ => None,
            };
        }
        Some(normalize(&joined(first)))
    }

    /// Whether `name` is defined by an item of this file.
    pub fn is_local_item(&self, name: &str) -> bool {
        self.local_items.contains(name)
    }

    fn add_name(&mut self, name: String, target: String) {
        let target = normalize(&target);
        match self.names.get(&name) {
            Some(Some(existing)) if *existing != target => {
                self.names.insert(name, None);
            }
            Some(_) => {}
            None => {
                self.names.insert(name, Some(target));
            }
        }
    }
}

/// Names in Rust's prelude that rules care about, and their full paths.
const PRELUDE: &[(&str, &str)] = &[
    ("drop", "std::mem::drop"),
    ("Box", "std::boxed::Box"),
    ("Vec", "std::vec::Vec"),
    ("String", "std::string::String"),
];

/// The full path of a prelude name.
fn prelude(name: &str) -> Option<&'static str> {
    PRELUDE.iter().find(|(n, _)| *n == name).map(|(_, p)| *p)
}

/// The crate prefixes [`normalize`] rewrites, and what it writes instead.
const RENAMES: &[(&str, &str)] = &[
    ("core::", "std::"),
    ("alloc::", "std::"),
    ("futures_util::", "futures::"),
    ("futures_channel::", "futures::channel::"),
    ("futures_executor::", "futures::executor::"),
    ("crossbeam_channel::", "crossbeam::channel::"),
];

/// The crate prefixes [`normalize`] rewrites, and what it writes instead
/// (`crossbeam_channel::` becomes `crossbeam::channel::`).
pub fn crate_renames() -> impl Iterator<Item = (&'static str, &'static str)> {
    RENAMES.iter().copied()
}

/// Whether the prelude's full paths hold the neighbouring segments
/// `owner::last` (`mem::drop` for `drop`).
pub fn prelude_writes_pair(owner: &str, last: &str) -> bool {
    PRELUDE.iter().any(|(_, path)| {
        let segments: Vec<&str> = path.split("::").collect();
        segments.windows(2).any(|w| w == [owner, last])
    })
}

/// Makes equivalent crate paths compare equal: `core::` and `alloc::` become
/// `std::`, the futures sub-crates become their `futures::` re-exports and
/// `crossbeam_channel::` becomes `crossbeam::channel::`.
pub fn normalize(path: &str) -> String {
    for (from, to) in RENAMES {
        if let Some(rest) = path.strip_prefix(from) {
            return format!("{to}{rest}");
        }
    }
    path.to_string()
}

/// An identifier's text without a `r#` prefix.
pub fn unraw(ident: &syn::Ident) -> String {
    let s = ident.to_string();
    match s.strip_prefix("r#") {
        Some(rest) => rest.to_string(),
        None => s,
    }
}

struct Collector {
    imports: Imports,
}

impl Collector {
    fn use_tree(&mut self, prefix: &str, tree: &syn::UseTree) {
        let join = |name: &str| {
            if prefix.is_empty() {
                name.to_string()
            } else {
                format!("{prefix}::{name}")
            }
        };
        match tree {
            syn::UseTree::Path(p) => self.use_tree(&join(&unraw(&p.ident)), &p.tree),
            syn::UseTree::Name(n) => {
                let name = unraw(&n.ident);
                if name == "self" {
                    if let Some(last) = prefix.rsplit("::").next() {
                        self.imports.add_name(last.to_string(), prefix.to_string());
                    }
                } else {
                    self.imports.add_name(name.clone(), join(&name));
                }
            }
            syn::UseTree::Rename(r) => {
                let name = unraw(&r.ident);
                let target = if name == "self" {
                    prefix.to_string()
                } else {
                    join(&name)
                };
                let alias = unraw(&r.rename);
                if alias != "_" {
                    self.imports.add_name(alias, target);
                }
            }
            syn::UseTree::Glob(_) => {
                if !prefix.is_empty() {
                    self.imports.globs.push(normalize(prefix));
                }
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t);
                }
            }
        }
    }

    fn local(&mut self, ident: &syn::Ident) {
        self.imports.local_items.insert(unraw(ident));
    }
}

impl<'ast> Visit<'ast> for Collector {
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree("", &u.tree);
    }

    fn visit_item_extern_crate(&mut self, e: &'ast syn::ItemExternCrate) {
        let name = unraw(&e.ident);
        if let Some((_, alias)) = &e.rename {
            self.imports.add_name(unraw(alias), name);
        }
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.local(&f.sig.ident);
        syn::visit::visit_item_fn(self, f);
    }

    fn visit_item_struct(&mut self, i: &'ast syn::ItemStruct) {
        self.local(&i.ident);
    }

    fn visit_item_enum(&mut self, i: &'ast syn::ItemEnum) {
        self.local(&i.ident);
    }

    fn visit_item_union(&mut self, i: &'ast syn::ItemUnion) {
        self.local(&i.ident);
    }

    fn visit_item_trait(&mut self, i: &'ast syn::ItemTrait) {
        self.local(&i.ident);
        syn::visit::visit_item_trait(self, i);
    }

    fn visit_item_type(&mut self, i: &'ast syn::ItemType) {
        self.local(&i.ident);
    }

    fn visit_item_const(&mut self, i: &'ast syn::ItemConst) {
        self.local(&i.ident);
        syn::visit::visit_item_const(self, i);
    }

    fn visit_item_static(&mut self, i: &'ast syn::ItemStatic) {
        self.local(&i.ident);
        syn::visit::visit_item_static(self, i);
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        self.local(&m.ident);
        syn::visit::visit_item_mod(self, m);
    }

    fn visit_item_macro(&mut self, m: &'ast syn::ItemMacro) {
        // `macro_rules! spawn { … }` defines a local macro named `spawn`.
        if let Some(ident) = &m.ident {
            self.local(ident);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(src: &str, path: &str) -> Option<String> {
        let file = syn::parse_file(src).unwrap();
        let path: syn::Path = syn::parse_str(path).unwrap();
        Imports::collect(&file).resolve(&path)
    }

    #[test]
    fn renames_groups_self_and_leading_colons() {
        let src = "use tokio::{self as tk, task::{self, spawn as go}}; use ::std::sync::mpsc;";
        assert_eq!(resolve(src, "go").as_deref(), Some("tokio::task::spawn"));
        assert_eq!(
            resolve(src, "task::spawn").as_deref(),
            Some("tokio::task::spawn")
        );
        assert_eq!(resolve(src, "tk::spawn").as_deref(), Some("tokio::spawn"));
        assert_eq!(
            resolve(src, "mpsc::channel").as_deref(),
            Some("std::sync::mpsc::channel")
        );
        assert_eq!(
            resolve(src, "::tokio::spawn").as_deref(),
            Some("tokio::spawn")
        );
        assert_eq!(
            resolve(src, "tokio::spawn").as_deref(),
            Some("tokio::spawn")
        );
    }

    #[test]
    fn local_items_shadow_imports() {
        let src = "use tokio::spawn; fn spawn() {}";
        assert_eq!(resolve(src, "spawn").as_deref(), Some("crate::spawn"));
    }

    #[test]
    fn globs_resolve_only_when_unambiguous() {
        assert_eq!(
            resolve("use tokio::task::*;", "spawn").as_deref(),
            Some("tokio::task::spawn")
        );
        assert_eq!(resolve("use tokio::task::*; use smol::*;", "spawn"), None);
        assert_eq!(resolve("use a::x; mod m { use b::x; }", "x"), None);
    }

    #[test]
    fn normalises_sub_crates() {
        assert_eq!(
            resolve("use futures_util::future;", "future::abortable").as_deref(),
            Some("futures::future::abortable")
        );
        assert_eq!(
            resolve("", "core::mem::forget").as_deref(),
            Some("std::mem::forget")
        );
        assert_eq!(resolve("", "drop").as_deref(), Some("std::mem::drop"));
        assert_eq!(
            resolve("", "Box::leak").as_deref(),
            Some("std::boxed::Box::leak")
        );
        assert_eq!(
            resolve("struct Box; ", "Box::leak").as_deref(),
            Some("crate::Box::leak")
        );
    }
}
