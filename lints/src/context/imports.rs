//! Resolution of paths through the `use` items of the module they are in.
//!
//! Each module of a file (the file itself and every inline `mod`) has its
//! own `use` items and items. A path resolves in the module where it is
//! written: an item of that module shadows an import of the same name, an
//! item or import of a nested module does not reach its parent, and a
//! nested module sees its parent's names only through `super::…` or
//! `use super::*`. `self::`, `super::` and `use` targets that start with
//! them are followed through the file's modules. `use` items and items in a
//! block (a fn body, any `{ … }`) count in that block only: the block is a
//! scope of its module that sees the module's names too, and whose `self::`
//! and `super::` are the module's. Where a name stays ambiguous
//! (two imports of one module disagree, or more than one glob could provide
//! it), the name does not resolve and rules stay silent; except that when
//! every such glob is of a module the rules know and only one of them holds
//! a path the rules know, the name is that path (rustc rejects a name two
//! globs provide). A capitalised first
//! segment not declared anywhere (`File::open` after `use std::fs::*`) is a
//! type from the one glob of another crate in scope, unless a `self::` or
//! `super::` glob could bring in a type of that name from the crate itself.

use std::collections::{HashMap, HashSet};

use proc_macro2::LineColumn;
use syn::visit::Visit;

use super::crate_names::InCrate;

/// What the `use` items and items of one module (or block) say about names.
#[derive(Debug, Default)]
struct Module {
    /// The enclosing module or block (`None` for the file).
    parent: Option<usize>,
    /// A block with `use` items or items of its own: names it does not
    /// declare are looked up in its parent.
    block: bool,
    /// The module's path from the file (`["schedule"]` for `mod schedule`).
    path: Vec<String>,
    /// Where its body starts and ends (`None`: the whole file).
    range: Option<(LineColumn, LineColumn)>,
    /// Local name → the path it stands for as written in the `use` (`None`: ambiguous).
    names: HashMap<String, Option<String>>,
    /// Prefixes imported with `*` (`tokio::task` for `use tokio::task::*`,
    /// `super` for `use super::*`).
    globs: Vec<String>,
    /// Names of items defined in this module (fns, types, modules, consts, …).
    local_items: HashSet<String>,
    /// Those of `local_items` that only a `mod` item defines: a `use` of a
    /// fn of the same name (`mod offload; use offload::offload;`) binds the
    /// name in the value namespace, where the module is not.
    modules_only: HashSet<String>,
    /// Its inline modules by name (the first, when `cfg`s repeat one).
    children: HashMap<String, usize>,
}

impl Module {
    /// The path, from the top of the file, of this module's item `name`
    /// (`crate::schedule::tick` for `fn tick` in `mod schedule`).
    fn item_path(&self, name: &str) -> String {
        let mut path = String::from("crate");
        for segment in self.path.iter().map(String::as_str).chain([name]) {
            path.push_str("::");
            path.push_str(segment);
        }
        path
    }
}

/// Which glob could provide a name.
enum GlobLookup {
    None,
    One(String),
    /// Several could: these.
    Ambiguous(Vec<String>),
}

/// What `first` (then `rest`) stands for when several `globs` could provide
/// it: rustc rejects a name that two globs provide, so when every glob is
/// of a module the rules know items of and exactly one of them gives a
/// path the rules know to exist (`use tokio::sync::mpsc::*; use
/// tokio::time::*;` then `sleep(d)`: `tokio::time::sleep`), the name comes
/// from that one. `None` otherwise: with a glob of any other module
/// (`use my_channels::*;`), whose names leaklint does not know, the name
/// stays unresolved.
fn known_through_one(globs: &[String], first: &str, rest: &[String]) -> Option<String> {
    if !globs.iter().all(|g| super::paths::is_rule_module(g)) {
        return None;
    }
    let mut known = globs
        .iter()
        .map(|g| normalize(&join(&format!("{g}::{first}"), rest)))
        .filter(|p| super::paths::is_rule_path(p));
    let only = known.next()?;
    known.next().is_none().then_some(only)
}

/// What the file's `use` items and items say about names, per module.
#[derive(Debug)]
pub struct Imports {
    /// The file's modules, outer before inner; the file itself first.
    modules: Vec<Module>,
    /// Names of `macro_rules!` macros of the file: visible in the modules
    /// nested in theirs too, so they count everywhere.
    local_macros: HashSet<String>,
    /// Names of items defined in any module of the file.
    all_items: HashSet<String>,
    /// The modules and blocks other than the file, ordered by where their
    /// body starts: a position's innermost module is found by a binary
    /// search instead of a look at every module (files with many inline
    /// modules or item-holding blocks resolve many paths).
    by_start: Vec<(LineColumn, usize)>,
    /// The file's crate, when known: a path into the crate that a
    /// re-export of another file leads out of resolves to the item it
    /// re-exports (see [`InCrate`]).
    krate: Option<InCrate>,
}

impl Default for Imports {
    fn default() -> Imports {
        Imports {
            modules: vec![Module::default()],
            local_macros: HashSet::new(),
            all_items: HashSet::new(),
            by_start: Vec::new(),
            krate: None,
        }
    }
}

/// How deep `use` targets are followed through `self::` / `super::`.
const MAX_DEPTH: usize = 8;

impl Imports {
    /// Collects every `use` and item name in `file`, per module.
    pub fn collect(file: &syn::File) -> Imports {
        let mut collector = Collector {
            imports: Imports::default(),
            current: 0,
        };
        collector.visit_file(file);
        let mut imports = collector.imports;
        imports.by_start = (imports.modules.iter().enumerate())
            .filter_map(|(i, m)| Some((m.range?.0, i)))
            .collect();
        imports.by_start.sort_unstable();
        imports.all_items = (imports.modules.iter())
            .flat_map(|m| m.local_items.iter().cloned())
            .collect();
        imports
    }

    /// The full path `path` stands for in the module where it is written,
    /// `::`-separated and normalised (see [`normalize`]), or `None` when it
    /// cannot be told.
    ///
    /// A path that starts at a local item resolves to `crate::…` (with the
    /// path of the item's inline module), so it never matches an external
    /// path.
    pub fn resolve(&self, path: &syn::Path) -> Option<String> {
        let segments: Vec<String> = path.segments.iter().map(|s| unraw(&s.ident)).collect();
        let module = path
            .segments
            .first()
            .map_or(0, |s| self.module_at(s.ident.span().start()));
        let resolved = self.resolve_in(module, &segments, path.leading_colon.is_some(), 0);
        self.through_crate(resolved)
    }

    /// As [`Imports::resolve`], for already split segments written in the
    /// file's top module.
    pub fn resolve_segments(&self, segments: &[String], leading_colon: bool) -> Option<String> {
        self.through_crate(self.resolve_in(0, segments, leading_colon, 0))
    }

    /// Tells the file's place in its crate (see [`InCrate`]).
    pub fn set_crate(&mut self, krate: Option<InCrate>) {
        self.krate = krate
            .filter(|k| !k.names.reexports.is_empty() || !k.names.dependency_aliases.is_empty());
    }

    /// Whether `name` is the last segment of a crate path that a re-export
    /// renames (see [`super::crate_names::CrateNames::aliases`]).
    pub fn is_crate_alias(&self, name: &syn::Ident) -> bool {
        self.krate
            .as_ref()
            .is_some_and(|k| !k.names.aliases.is_empty() && k.names.aliases.contains(&unraw(name)))
    }

    /// `resolved`, or the item of another crate it stands for when it is a
    /// path into the crate that a re-export in another file leads out of.
    fn through_crate(&self, resolved: Option<String>) -> Option<String> {
        let (Some(krate), Some(path)) = (&self.krate, &resolved) else {
            return resolved;
        };
        let top = &self.modules[0];
        let top_items = |name: &str| top.local_items.contains(name);
        krate
            .resolve(path, top_items)
            .map(|p| normalize(&p))
            .or(resolved)
    }

    /// The path, from the top of the file, of an item named `name` defined
    /// at `at` (`crate::schedule::tick` for `fn tick` in `mod schedule`):
    /// what [`Imports::resolve`] gives for a path that names it.
    pub fn item_path_at(&self, name: &str, at: proc_macro2::Span) -> String {
        self.modules[self.module_of(self.module_at(at.start()))].item_path(name)
    }

    /// Whether `name` is defined by an item of this file (in any module).
    pub fn is_local_item(&self, name: &str) -> bool {
        self.local_macros.contains(name) || self.all_items.contains(name)
    }

    /// Whether `name`, written at `at`, names an item of the module it is
    /// written in (or of a block around it there, or a `macro_rules!`
    /// macro of the file).
    pub fn is_local_item_at(&self, name: &str, at: proc_macro2::Span) -> bool {
        self.local_macros.contains(name)
            || self
                .scopes_from(self.module_at(at.start()))
                .any(|s| self.modules[s].local_items.contains(name))
    }

    /// Whether a glob of the crate's own modules (`use super::*`, `use
    /// crate::a::*`, `use self::a::*`) is in scope at `at`.
    pub fn crate_glob_at(&self, at: proc_macro2::Span) -> bool {
        self.scopes_from(self.module_at(at.start())).any(|s| {
            self.modules[s].globs.iter().any(|g| {
                is_relative(g)
                    || g == "crate"
                    || g.starts_with("crate::")
                    || self.starts_at_local_item(s, g)
            })
        })
    }

    /// Whether the name at `at` is in the file's own module (not an inline
    /// module of it) and that module globs its parent's names (`use
    /// super::*;` at the top of `worker.rs`): a name the file does not
    /// declare may then be the parent module's, in another file.
    pub fn file_super_glob_at(&self, at: proc_macro2::Span) -> bool {
        self.module_of(self.module_at(at.start())) == 0
            && self.modules[0].globs.iter().any(|g| g == "super")
    }

    /// `scope`, then the blocks around it, up to the module they are in.
    fn scopes_from(&self, scope: usize) -> impl Iterator<Item = usize> + '_ {
        let mut next = Some(scope);
        std::iter::from_fn(move || {
            let current = next?;
            next = match self.modules[current].block {
                true => self.modules[current].parent,
                false => None,
            };
            Some(current)
        })
    }

    /// The module `scope` is (or is a block of).
    fn module_of(&self, scope: usize) -> usize {
        self.scopes_from(scope).last().unwrap_or(scope)
    }

    /// The innermost module whose body holds position `at`.
    fn module_at(&self, at: LineColumn) -> usize {
        // Bodies nest or are disjoint, so the innermost one holding `at` is
        // the last to start at or before it, or one around that.
        let starts_before = self.by_start.partition_point(|(start, _)| *start <= at);
        let Some(&(_, mut module)) = starts_before
            .checked_sub(1)
            .and_then(|i| self.by_start.get(i))
        else {
            return 0;
        };
        loop {
            let m = &self.modules[module];
            match m.range {
                Some((start, end)) if !(start <= at && at < end) => match m.parent {
                    Some(parent) => module = parent,
                    None => return 0,
                },
                _ => return module,
            }
        }
    }

    fn resolve_in(
        &self,
        scope: usize,
        segments: &[String],
        leading_colon: bool,
        depth: usize,
    ) -> Option<String> {
        let module = self.module_of(scope);
        let (first, rest) = segments.split_first()?;
        let joined = |head: &str| join(head, rest);
        if leading_colon {
            return Some(normalize(&joined(first)));
        }
        if depth > MAX_DEPTH {
            return None;
        }
        match first.as_str() {
            // `crate::rt::spawn` with `mod rt { pub use tokio::spawn; }`
            // written in this file: a file whose top holds an inline
            // module of that name is (nearly always) the crate's root, so
            // the path goes through the module's `use` items.
            "crate"
                if rest.len() > 1
                    && self.modules[0].children.contains_key(&rest[0])
                    && depth < MAX_DEPTH =>
            {
                return match self.declared(0, rest, depth + 1) {
                    Some(found) => found,
                    None => Some(joined(first)),
                };
            }
            "crate" | "Self" => return Some(joined(first)),
            "self" | "super" => {
                let target = if first == "self" {
                    Some(module)
                } else {
                    self.modules[module].parent
                };
                // `super::` from the file's top reaches a module of another file.
                let Some(target) = target else {
                    return Some(joined(first));
                };
                if rest.first().is_some_and(|r| r == "super") {
                    return self.resolve_in(target, rest, false, depth + 1);
                }
                return match self.declared(target, rest, depth + 1) {
                    Some(found) => found,
                    None => Some(joined(first)),
                };
            }
            _ => {}
        }
        // The innermost block that declares the name, else the module.
        for s in self.scopes_from(scope) {
            if let Some(found) = self.declared(s, segments, depth) {
                return found;
            }
        }
        if let Some(p) = prelude(first) {
            // `Box::leak`, `Vec::with_capacity`: prelude types with a path after them.
            return Some(joined(p));
        }
        match self.through_external_glob(scope, depth) {
            // `use std::fs::*;` then `read(p)`: `std::fs::read`.
            lookup if rest.is_empty() => {
                return match lookup {
                    GlobLookup::None => Some(first.clone()),
                    GlobLookup::One(only) => Some(normalize(&format!("{only}::{first}"))),
                    GlobLookup::Ambiguous(globs) => known_through_one(&globs, first, rest),
                }
            }
            // `use crate::prelude::*;` then `mpsc::unbounded_channel()`,
            // where the crate's `prelude` re-exports `tokio::sync::mpsc`:
            // through that re-export (see `through_crate`).
            GlobLookup::One(only)
                if only.starts_with("crate::")
                    && self.krate.as_ref().is_some_and(|k| {
                        (k.names.reexports).contains_key(&format!("{only}::{first}"))
                    }) =>
            {
                return Some(join(&format!("{only}::{first}"), rest));
            }
            // `use std::fs::*;` then `File::open(p)`: a type (its name
            // capitalised, as rustc's naming lint expects) from the one
            // external glob in scope, when no glob of the crate's own
            // modules could provide it instead.
            GlobLookup::One(only)
                if first.starts_with(|c: char| c.is_ascii_uppercase())
                    && !self.relative_glob_in_scope(scope) =>
            {
                return Some(normalize(&format!("{only}::{}", joined(first))));
            }
            GlobLookup::Ambiguous(globs)
                if first.starts_with(|c: char| c.is_ascii_uppercase())
                    && !self.relative_glob_in_scope(scope) =>
            {
                return known_through_one(&globs, first, rest);
            }
            _ => {}
        }
        Some(normalize(&joined(first)))
    }

    /// What `segments` resolve to through the names `module` declares (its
    /// items, its imports, its `self::`/`super::` globs): `None` when the
    /// module declares no such name, `Some(None)` when it is ambiguous.
    fn declared(&self, module: usize, segments: &[String], depth: usize) -> Option<Option<String>> {
        let (first, rest) = segments.split_first()?;
        let m = &self.modules[module];
        if !rest.is_empty() {
            // A path into an inline module of this one: resolved there.
            let child = m.children.get(first).copied();
            if let Some(child) = child.filter(|_| depth < MAX_DEPTH) {
                if let Some(found) = self.declared(child, rest, depth + 1) {
                    return Some(found);
                }
            }
        }
        // A single name imported beside a module of that name is the
        // import (`offload(…)` after `use offload::offload;`).
        let imported_over_module =
            rest.is_empty() && m.modules_only.contains(first) && m.names.contains_key(first);
        if !imported_over_module
            && (m.local_items.contains(first) || self.local_macros.contains(first))
        {
            return Some(Some(join(&m.item_path(first), rest)));
        }
        if let Some(target) = m
            .names
            .get(first)
            .filter(|t| rest.is_empty() || !names_no_module(t))
        {
            let Some(target) = target else {
                return Some(None);
            };
            let mut full: Vec<String> = target.split("::").map(str::to_string).collect();
            full.extend(rest.iter().cloned());
            // `use fluvio_hub_util as hubutil; use hubutil::HubAccess;`: the
            // import's path starts at another import of the module.
            let head = full[0].as_str();
            let through_import = head != first.as_str()
                && (m.names.get(head)).is_some_and(|t| t.as_deref().is_some_and(|t| t != head));
            if is_relative(target) || self.starts_at_local_item(module, target) || through_import {
                return Some(self.resolve_in(module, &full, false, depth + 1));
            }
            return Some(Some(normalize(&full.join("::"))));
        }
        if depth < MAX_DEPTH {
            // `use super::*`: the parent's names. (Other relative globs are
            // not followed.)
            for glob in m.globs.iter().filter(|g| is_relative(g)) {
                let target = match glob.as_str() {
                    "super" => self.modules[self.module_of(module)].parent,
                    _ => None,
                };
                if let Some(parent) = target {
                    if let Some(found) = self.declared(parent, segments, depth + 1) {
                        return Some(found);
                    }
                }
            }
        }
        self.through_crate_glob(module, segments).map(Some)
    }

    /// What `segments` stand for through a glob, written in the file's own
    /// module, of a module in another file (`use super::*;` at the top of
    /// `worker.rs`, `use super::util::*;`): the crate's names for that
    /// module (its imports and re-exports of other crates' items).
    fn through_crate_glob(&self, module: usize, segments: &[String]) -> Option<String> {
        let krate = self.krate.as_ref()?;
        if self.module_of(module) != 0 {
            return None;
        }
        let m = &self.modules[module];
        m.globs.iter().find_map(|glob| {
            let first = glob.split("::").nth(1);
            let leaves_file = glob == "super"
                || glob.starts_with("super::")
                || (glob.starts_with("self::")
                    && first.is_some_and(|f| !self.modules[0].children.contains_key(f)));
            if !leaves_file {
                return None;
            }
            let root = super::crate_names::relative_to_root(&krate.module, glob)?;
            (krate.names.through_reexports(&join(&root, segments))).map(|p| normalize(&p))
        })
    }

    /// Which glob in scope, other than `self::`/`super::` ones, could
    /// provide a name not declared here (`use std::fs::*` for `read`); a
    /// glob of a module declared here counts as the path it resolves to.
    fn through_external_glob(&self, scope: usize, depth: usize) -> GlobLookup {
        let external: Vec<String> = self
            .scopes_from(scope)
            .flat_map(|s| self.modules[s].globs.iter().map(move |g| (s, g)))
            .filter(|(_, g)| !is_relative(g))
            .filter_map(|(s, g)| match self.starts_at_local_item(s, g) {
                true if depth >= MAX_DEPTH => None,
                true => {
                    let segments: Vec<String> = g.split("::").map(str::to_string).collect();
                    self.resolve_in(s, &segments, false, depth + 1)
                }
                false => Some(g.clone()),
            })
            .collect();
        match external.as_slice() {
            [] => GlobLookup::None,
            [only] => GlobLookup::One(only.clone()),
            _ => GlobLookup::Ambiguous(external),
        }
    }

    /// Whether a `self::`/`super::` glob (`use super::*`) is in scope: it
    /// may bring in a type of the same name from the crate's own modules.
    fn relative_glob_in_scope(&self, scope: usize) -> bool {
        self.scopes_from(scope)
            .any(|s| self.modules[s].globs.iter().any(|g| is_relative(g)))
    }

    /// Whether the `use` target `target`, written in `scope`, starts at an
    /// item declared there or in its module (`use util::pause;` after `mod
    /// util;`): since the 2018 edition such a path is relative to the
    /// module, as `self::util::pause` is.
    fn starts_at_local_item(&self, scope: usize, target: &str) -> bool {
        let first = target.split("::").next().unwrap_or(target);
        !matches!(first, "crate" | "self" | "super" | "Self")
            && self
                .scopes_from(scope)
                .any(|s| self.modules[s].local_items.contains(first))
    }

    fn add_name(&mut self, module: usize, name: String, target: String) {
        let target = normalize(&target);
        let names = &mut self.modules[module].names;
        match names.get(&name) {
            Some(Some(existing)) if *existing != target => {
                names.insert(name, None);
            }
            Some(_) => {}
            None => {
                names.insert(name, Some(target));
            }
        }
    }
}

/// Whether an import of `target` (as written in the `use`, `None` when
/// ambiguous) brings in a well-known fn or macro that shares its name with
/// a crate: Rust keeps modules apart from fns and macros, so `use
/// scopeguard::defer;` (the macro) leaves `defer::defer(…)` the `defer`
/// crate's fn.
fn names_no_module(target: &Option<String>) -> bool {
    target.as_deref().is_some_and(|t| {
        let t = normalize(t);
        super::paths::DEFER_MACROS
            .iter()
            .chain(super::paths::DEFER_FNS)
            .any(|p| *p == t)
    })
}

/// What a `use` tree brings in: each name it binds with the path it names,
/// as written (`use a::{b, c as d, self}` binds `b` to `a::b`, `d` to
/// `a::c` and `a` to `a`; `as _` binds nothing), and the prefix of each
/// glob (`a` for `use a::*`, normalised; a bare `*` has none).
pub fn use_tree_names(tree: &syn::UseTree) -> (Vec<(String, String)>, Vec<String>) {
    fn walk(prefix: &str, tree: &syn::UseTree, out: &mut (Vec<(String, String)>, Vec<String>)) {
        let join = |name: &str| {
            if prefix.is_empty() {
                name.to_string()
            } else {
                format!("{prefix}::{name}")
            }
        };
        match tree {
            syn::UseTree::Path(p) => walk(&join(&unraw(&p.ident)), &p.tree, out),
            syn::UseTree::Name(n) => {
                let name = unraw(&n.ident);
                if name == "self" {
                    if let Some(last) = prefix.rsplit("::").next() {
                        out.0.push((last.to_string(), prefix.to_string()));
                    }
                } else {
                    out.0.push((name.clone(), join(&name)));
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
                    out.0.push((alias, target));
                }
            }
            syn::UseTree::Glob(_) => {
                if !prefix.is_empty() {
                    out.1.push(normalize(prefix));
                }
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    walk(prefix, t, out);
                }
            }
        }
    }
    let mut out = (Vec::new(), Vec::new());
    walk("", tree, &mut out);
    out
}

/// `head::rest[0]::rest[1]…`.
fn join(head: &str, rest: &[String]) -> String {
    let mut s = head.to_string();
    for r in rest {
        s.push_str("::");
        s.push_str(r);
    }
    s
}

/// Whether a `use` target is relative to the module (`self::…`, `super::…`).
fn is_relative(target: &str) -> bool {
    target == "self"
        || target == "super"
        || target.starts_with("self::")
        || target.starts_with("super::")
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
    // actix-web's `rt` is actix-rt, whose `time` and `task` are tokio's.
    ("actix_web::rt::time::", "tokio::time::"),
    ("actix_web::rt::task::", "tokio::task::"),
    ("actix_web::rt::", "actix_rt::"),
    ("actix_rt::time::", "tokio::time::"),
    ("actix_rt::task::", "tokio::task::"),
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
/// `std::`, the futures sub-crates become their `futures::` re-exports,
/// `crossbeam_channel::` becomes `crossbeam::channel::`, and actix's
/// re-exports (`actix_web::rt::spawn`, `actix_rt::time::interval`) the
/// paths they re-export.
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
    /// The module being collected.
    current: usize,
}

impl Collector {
    fn use_tree(&mut self, tree: &syn::UseTree) {
        let module = self.current;
        let (names, globs) = use_tree_names(tree);
        for (name, target) in names {
            self.imports.add_name(module, name, target);
        }
        self.imports.modules[module].globs.extend(globs);
    }

    fn local(&mut self, ident: &syn::Ident) {
        let module = &mut self.imports.modules[self.current];
        module.modules_only.remove(&unraw(ident));
        module.local_items.insert(unraw(ident));
    }
}

impl<'ast> Visit<'ast> for Collector {
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&u.tree);
    }

    fn visit_item_extern_crate(&mut self, e: &'ast syn::ItemExternCrate) {
        let name = unraw(&e.ident);
        if let Some((_, alias)) = &e.rename {
            self.imports.add_name(self.current, unraw(alias), name);
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
        let module = &mut self.imports.modules[self.current];
        if module.local_items.insert(unraw(&m.ident)) {
            module.modules_only.insert(unraw(&m.ident));
        }
        let Some((brace, items)) = &m.content else {
            return;
        };
        let span = brace.span.join();
        let parent = self.current;
        let mut path = self.imports.modules[parent].path.clone();
        path.push(unraw(&m.ident));
        self.imports.modules.push(Module {
            parent: Some(parent),
            path,
            range: Some((span.start(), span.end())),
            ..Module::default()
        });
        let child = self.imports.modules.len() - 1;
        (self.imports.modules[parent].children)
            .entry(unraw(&m.ident))
            .or_insert(child);
        self.current = child;
        items.iter().for_each(|i| self.visit_item(i));
        self.current = parent;
    }

    fn visit_block(&mut self, b: &'ast syn::Block) {
        // A block with items of its own is a scope of its own.
        if !b.stmts.iter().any(|s| matches!(s, syn::Stmt::Item(_))) {
            syn::visit::visit_block(self, b);
            return;
        }
        let span = b.brace_token.span.join();
        let parent = self.current;
        let path = self.imports.modules[parent].path.clone();
        self.imports.modules.push(Module {
            parent: Some(parent),
            block: true,
            path,
            range: Some((span.start(), span.end())),
            ..Module::default()
        });
        self.current = self.imports.modules.len() - 1;
        syn::visit::visit_block(self, b);
        self.current = parent;
    }

    fn visit_item_macro(&mut self, m: &'ast syn::ItemMacro) {
        // `macro_rules! spawn { … }` defines a local macro named `spawn`.
        if let Some(ident) = &m.ident {
            self.imports.local_macros.insert(unraw(ident));
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
    fn a_use_may_start_at_a_module_declared_beside_it() {
        let src = "mod util; mod jobs { pub fn tick() {} } use util::pause; \
                   use jobs::tick as t; use tokio::time::sleep; \
                   fn f() { use util::*; wait(); } fn g() { wait(); }";
        assert_eq!(resolve(src, "pause").as_deref(), Some("crate::util::pause"));
        assert_eq!(resolve(src, "t").as_deref(), Some("crate::jobs::tick"));
        assert_eq!(resolve(src, "sleep").as_deref(), Some("tokio::time::sleep"));
        assert_eq!(calls(src, "wait"), some(&["crate::util::wait", "wait"]));
        // Only a module of the same module: a parent's needs `super::`.
        let src = "mod util; mod api { use util::pause; fn h() { pause(); } }";
        assert_eq!(calls(src, "pause"), some(&["util::pause"]));
    }

    #[test]
    fn local_items_shadow_imports() {
        let src = "use tokio::spawn; fn spawn() {}";
        assert_eq!(resolve(src, "spawn").as_deref(), Some("crate::spawn"));
        // A module is in another namespace than the fn imported by its name.
        let src = "mod offload; use offload::offload;";
        assert_eq!(
            resolve(src, "offload").as_deref(),
            Some("crate::offload::offload")
        );
        assert_eq!(
            resolve(src, "offload::run").as_deref(),
            Some("crate::offload::run")
        );
        let src = "mod offload; use crate::offload::offload;";
        assert_eq!(
            resolve(src, "offload").as_deref(),
            Some("crate::offload::offload")
        );
    }

    #[test]
    fn globs_resolve_only_when_unambiguous() {
        assert_eq!(
            resolve("use tokio::task::*;", "spawn").as_deref(),
            Some("tokio::task::spawn")
        );
        assert_eq!(resolve("use tokio::task::*; use smol::*;", "spawn"), None);
        assert_eq!(resolve("use a::x; use b::x;", "x"), None);
        // rustc rejects a name two globs provide: the one glob that gives
        // a path the rules know is where it comes from.
        let two = "use tokio::sync::mpsc::*; use tokio::time::*;";
        assert_eq!(resolve(two, "sleep").as_deref(), Some("tokio::time::sleep"));
        assert_eq!(
            resolve(two, "unbounded_channel").as_deref(),
            Some("tokio::sync::mpsc::unbounded_channel")
        );
        assert_eq!(resolve(two, "send_all"), None);
        assert_eq!(
            resolve("use std::fs::*; use tokio::time::*;", "File::open").as_deref(),
            Some("std::fs::File::open")
        );
        let both = "use std::process::*; use tokio::process::*;";
        assert_eq!(resolve(both, "Command::new"), None);
    }

    /// What each written `name(…)` call of `src` resolves to, in order.
    fn calls(src: &str, name: &str) -> Vec<Option<String>> {
        let file = syn::parse_file(src).unwrap();
        let imports = Imports::collect(&file);
        let mut found = Vec::new();
        struct Calls<'i, 'n, 'f> {
            imports: &'i Imports,
            name: &'n str,
            found: &'f mut Vec<Option<String>>,
        }
        impl<'ast> Visit<'ast> for Calls<'_, '_, '_> {
            fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
                if let syn::Expr::Path(p) = &*c.func {
                    if p.path.segments.last().is_some_and(|s| s.ident == self.name) {
                        self.found.push(self.imports.resolve(&p.path));
                    }
                }
                syn::visit::visit_expr_call(self, c);
            }
        }
        Calls {
            imports: &imports,
            name,
            found: &mut found,
        }
        .visit_file(&file);
        found
    }

    fn some(paths: &[&str]) -> Vec<Option<String>> {
        paths.iter().map(|p| Some(p.to_string())).collect()
    }

    #[test]
    fn an_item_of_a_nested_module_does_not_shadow_its_parent() {
        let src = "use tokio::time::interval;
            mod schedule { pub fn interval(d: u64) {} fn inner() { interval(1); } }
            fn f() { interval(d); schedule::interval(1); self::interval(d); }";
        assert_eq!(
            calls(src, "interval"),
            some(&[
                "crate::schedule::interval",
                "tokio::time::interval",
                "crate::schedule::interval",
                "tokio::time::interval",
            ])
        );
    }

    #[test]
    fn nested_modules_see_their_parent_through_super() {
        let src = "use tokio::time::interval;
            mod a { fn f() { interval(d); } }
            mod b { use super::*; fn f() { interval(d); } }
            mod c { use super::interval; fn f() { interval(d); } }
            mod d { fn f() { super::interval(d); } mod e { fn g() { super::super::interval(d); } } }
            mod g { use self::inner::tick as interval; mod inner { pub use tokio::time::interval as tick; } fn f() { interval(d); } }";
        assert_eq!(
            calls(src, "interval"),
            vec![
                Some("interval".to_string()),
                Some("tokio::time::interval".to_string()),
                Some("tokio::time::interval".to_string()),
                Some("tokio::time::interval".to_string()),
                Some("tokio::time::interval".to_string()),
                Some("tokio::time::interval".to_string()),
            ]
        );
    }

    #[test]
    fn a_block_has_its_own_imports_and_sees_its_module() {
        // A `use` in one fn body does not reach another fn.
        let src = "fn other() { use defer::defer; defer(|| ()); } \
                   fn f() { defer::defer(|| ()); }";
        assert_eq!(calls(src, "defer"), some(&["defer::defer", "defer::defer"]));
        // A block's import shadows the module's there, and only there.
        let src = "use a::x; fn f() { use b::x; x(); { x(); } } fn g() { x(); }";
        assert_eq!(calls(src, "x"), some(&["b::x", "b::x", "a::x"]));
        // A block without imports of the name sees the module's.
        let src = "use tokio::time::interval; fn f() { use std::mem; interval(d); mem::drop(1); }";
        assert_eq!(calls(src, "interval"), some(&["tokio::time::interval"]));
        // An item of a block is the block's: it shadows an import there only.
        let src = "use tokio::spawn; fn f() { fn spawn() {} spawn(); } fn g() { spawn(); }";
        assert_eq!(calls(src, "spawn"), some(&["crate::spawn", "tokio::spawn"]));
        // `self::` and `super::` in a block are the module's.
        let src = "mod m { use tokio::time::interval as tick; \
                   fn f() { use std::mem; self::tick(d); super::helper(); } } fn helper() {}";
        assert_eq!(calls(src, "tick"), some(&["tokio::time::interval"]));
        assert_eq!(calls(src, "helper"), some(&["crate::helper"]));
    }

    #[test]
    fn a_macro_or_fn_import_does_not_name_a_module() {
        // `defer` the macro and `defer` the crate live in different namespaces.
        let src = "use scopeguard::defer; fn f() { defer::defer(|| ()); }";
        assert_eq!(calls(src, "defer"), some(&["defer::defer"]));
        let src = "use defer::defer; fn f() { defer(|| ()); defer::defer(|| ()); }";
        assert_eq!(calls(src, "defer"), some(&["defer::defer", "defer::defer"]));
        // A module import still names a module.
        let src = "use tokio::time; fn f() { time::interval(d); }";
        assert_eq!(calls(src, "interval"), some(&["tokio::time::interval"]));
    }

    #[test]
    fn each_module_has_its_own_imports() {
        let src = "use a::x; mod m { use b::x; fn f() { x(); } } fn g() { x(); }";
        assert_eq!(calls(src, "x"), some(&["b::x", "a::x"]));
        let src = "use tokio::spawn; mod m { use super::*; fn spawn() {} fn f() { spawn(); } }";
        assert_eq!(calls(src, "spawn"), some(&["crate::m::spawn"]));
    }

    #[test]
    fn a_path_after_a_nested_module_or_block_resolves_around_it() {
        // Found by where bodies start: the last body to start before the
        // call may have ended, and then its parents are asked.
        let src = "use a::x;
            mod m { use b::x; mod n { use c::x; fn f() { x(); } } fn g() { x(); }
                    fn h() { fn inner() {} x(); } fn k() { x(); } }
            fn f() { x(); }
            mod p { fn f() { { use d::x; x(); } x(); } }";
        assert_eq!(
            calls(src, "x"),
            some(&["c::x", "b::x", "b::x", "b::x", "a::x", "d::x", "x"])
        );
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
        assert_eq!(
            resolve("use actix_web::rt;", "rt::spawn").as_deref(),
            Some("actix_rt::spawn")
        );
        assert_eq!(
            resolve("use actix_web::rt::time;", "time::interval").as_deref(),
            Some("tokio::time::interval")
        );
        assert_eq!(
            resolve("", "actix_rt::task::spawn_blocking").as_deref(),
            Some("tokio::task::spawn_blocking")
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
