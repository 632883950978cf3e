//! Who calls whom, as far as "reached only from `main`" needs it.
//!
//! A rule sees one file. Whether a fn runs once for the process (a task it
//! spawns is a process-lifetime worker) or on the main thread (a blocking
//! call in it stalls no runtime worker) depends on every caller in the
//! crate, which only the driver sees. Each file contributes a
//! [`CallSummary`]: its entry points and, for every call or mention of a
//! name, where it happens. The driver combines the summaries of a crate
//! with [`reached_from_main`].
//!
//! Precision first, in the direction that keeps findings. A fn is known by
//! its key: `name` for a free fn, `Type::name` for a method or associated
//! fn of `impl Type`. Its callers are every call that may be it, types and
//! modules unresolved: `name(…)` and `module::name(…)` for a free fn (but
//! `name(…)` in a file that defines a fn `name` at its top is that fn);
//! `Type::name(…)`, `Self::name(…)` and `self.name()` in `impl Type`,
//! `make().name()` where every crate fn `make` may be declares it returns a
//! `Type`, and any `x.name()` on a receiver of unknown type, for a method; a
//! call that passes other arguments than the fn takes is not it
//! ([`Arguments`]). A call that is not the right one can only keep a
//! finding. A name mentioned other than as a callee (`spawn(run)`,
//! `.map(handle)`, a macro leaklint cannot read) makes its callers unknown;
//! a fn with no caller is reached from nowhere. Test code calls nothing.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use syn::visit::Visit;
use syn::Expr;

use super::spawn::{Handle, SpawnKind};
use super::{imports, scope, threads, FileContext, Node, TokenPos};
use crate::macros::MacroBody;

/// What one file says about calls (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CallSummary {
    /// Entry points: `main` at the top of the file or a `#[…::main]` fn,
    /// with the runtime its thread runs.
    pub mains: Vec<(String, MainRuntime)>,
    /// Every fn and method of the file (test code aside), by key, with the
    /// byte range of its item.
    pub defs: Vec<(String, std::ops::Range<usize>)>,
    /// Every call.
    pub calls: Vec<CallSite>,
    /// Fns mentioned other than as a callee: `name` (a free fn, or a name
    /// in an unread macro), `module::name` (a free fn of the file's own
    /// module, by key), `Type::name`, or `*::name` (`Self::name`: a method
    /// of some type).
    pub opaque: BTreeSet<String>,
    /// `(macro, method)`: a `macro_rules!` of this file calls `$ty::method`.
    pub macro_methods: Vec<(String, String)>,
    /// `(macro, types)`: the invocations of a macro name these types, or
    /// stand in an `impl` of them, or (for a `macro_rules!` of this file)
    /// its body does; one entry per macro, sorted.
    pub macro_types: Vec<(String, BTreeSet<String>)>,
    /// The module the file is, as given to [`FileContext::call_summary`].
    pub module: String,
    /// What each fn of `defs` does, in the same order (see [`super::follow`]).
    pub fns: Vec<super::follow::FnFacts>,
    /// Struct fields read other than to store into them (see
    /// [`super::follow::FieldReads`]).
    pub field_reads: BTreeSet<super::follow::FieldOf>,
    /// Those of `field_reads` whose every read in the file starts a request
    /// that sets its own `.timeout(…)` (`self.client.get(url).timeout(d)`).
    pub timed_request_reads: BTreeSet<super::follow::FieldOf>,
    /// The file's `mod x;` declarations, for the crate's module tree.
    pub modules: Vec<super::modules::ModDecl>,
    /// `(name, path)`: the names its top-level `pub use` items re-export
    /// (`pub use worker::run;` is `("run", ["worker", "run"])`; globs
    /// aside), through which the crate index resolves `module::name`.
    pub reexports: Vec<(String, Vec<String>)>,
    /// `(module, name, path)`: the same for the `pub use` items of the
    /// file's top-level inline modules (`pub mod prelude { pub use
    /// crate::worker::run; }`), through which a caller's `prelude::run()`
    /// calls `worker::run`.
    pub module_reexports: Vec<(String, String, Vec<String>)>,
    /// Tasks spawned with their handle dropped (not for the life of the
    /// process): the spawn, and the calls its task body makes.
    pub detached_tasks: Vec<super::follow::DetachedTask>,
    /// The named fields of the file's structs whose type names a type
    /// (through `&`, `Arc`, `Box`, `Rc`), for [`Callee::Field`].
    pub struct_fields: Vec<FieldDecl>,
    /// The integer `const` items of the file's top level whose value it
    /// can compute, for lengths written with them in other files.
    pub consts: Vec<ConstFact>,
    /// Whether the file is a crate root: its module is `crate`, or the
    /// library's name [`CallSummary::name_crate_root`] gave it.
    pub crate_root: bool,
    /// `(type, trait)`: the file's `impl Trait for Type` items, by last
    /// segments; a method of the type that the impl does not define may be
    /// the trait's provided one (keyed `Trait::method`).
    pub trait_impls: Vec<(String, String)>,
    /// The names of the file's structs (test code aside): a field read in
    /// a file that defines a struct of that name reads its own struct's.
    pub structs: BTreeSet<String>,
    /// Fns handed by name to a call of a fn (`init_protocol("ftp",
    /// init_ftp)`), which may call them: decided with the crate, by what the
    /// called fn does with that parameter ([`reached_from_main`]).
    pub fn_values: Vec<FnValueArg>,
    /// Calls made in a closure handed to a call of a fn
    /// (`retry::with_backoff(3, || load_config())`), whose thread and
    /// caller in [`CallSummary::calls`] are as if that fn called the
    /// closure in place. That holds only when it calls that parameter
    /// itself (decided with the crate, [`reached_from_main`]); else the
    /// call runs on another thread, as in any closure handed to a call.
    pub closure_calls: Vec<ClosureCall>,
    /// `(fn, parameter, once)`: the parameters each fn of
    /// [`CallSummary::fns`] (by index) calls itself, on its own thread, and
    /// whether at most once (see [`FileContext::called_params`]).
    pub param_calls: Vec<(usize, usize, bool)>,
}

/// A call in a closure handed to a call of a fn (see
/// [`CallSummary::closure_calls`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ClosureCall {
    /// The call, by its index in [`CallSummary::calls`].
    pub call: usize,
    /// The fn the closure is handed to.
    pub higher: Callee,
    /// The closure's place among that call's arguments.
    pub index: usize,
}

/// A fn handed by name as an argument of a call (see
/// [`CallSummary::fn_values`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FnValueArg {
    /// The handed fn as if called where the call is (its callee, caller,
    /// thread and whether it runs once).
    pub site: CallSite,
    /// The fn it is handed to.
    pub higher: Callee,
    /// Its position among that call's arguments.
    pub index: usize,
    /// How [`CallSummary::opaque`] would name it: it is a mention of
    /// unknown use unless the fn it is handed to calls that parameter.
    pub mention: Vec<String>,
}

/// The runtime an entry point's thread runs (see [`CallSummary::mains`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MainRuntime {
    /// A multi-threaded one: the thread is the main thread, no worker.
    MultiThread,
    /// A current-thread one its body builds: the thread is its only
    /// worker, and the main thread when what it runs spawns no task
    /// ([`quiet_current_thread_runtimes`]).
    CurrentThread,
    /// A current-thread one its attribute asks for (`#[tokio::main(flavor
    /// = "current_thread")]`): the thread is its worker, as written,
    /// whatever it spawns.
    CurrentThreadByAttribute,
}

/// An integer `const` item of a file (see [`CallSummary::consts`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ConstFact {
    /// Its name.
    pub name: String,
    /// Its value.
    pub value: u64,
    /// Its name where it is defined.
    pub at: crate::Span,
}

/// A named field of a struct, declared with a type (see
/// [`CallSummary::struct_fields`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldDecl {
    /// The struct, by name.
    pub owner: String,
    /// The field.
    pub field: String,
    /// The type's name (its last segment: `Client` for `Arc<grpc::Client>`).
    pub ty: String,
    /// The module of the crate that defines the type, when the declaration
    /// names it (`grpc` for `Arc<grpc::Client>` after `use crate::grpc;`,
    /// or for `Client` after `use crate::grpc::Client;`): of two types of
    /// one name in two modules, the field holds that module's.
    pub module: Option<String>,
    /// The library of the workspace whose path the declaration names the
    /// type by (`base` for `base::poll::Poller`, or for `Poller` after
    /// `use base::poll::Poller;`): the field holds that library's type, not
    /// a type of the same name of the struct's own package.
    #[serde(default)]
    pub library: Option<String>,
}

/// Where the crate defines a type, as far as the path that names it tells
/// (see [`FileContext::type_home_of_path`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeHome<S> {
    /// Its module, by the module's last segment (`grpc` for
    /// `crate::net::grpc::Client`).
    pub module: Option<S>,
    /// The library of the workspace the path goes through (`base` for
    /// `base::poll::Poller`).
    pub library: Option<S>,
}

impl<S> Default for TypeHome<S> {
    fn default() -> Self {
        TypeHome {
            module: None,
            library: None,
        }
    }
}

/// The type `owner`'s `field` is declared with among `fields`, when that is
/// one type (same-named structs in other modules may declare it
/// differently), with the module of the crate that defines it, and the
/// library whose path names it, when every declaration names the same one.
pub fn field_type<'s>(
    fields: impl IntoIterator<Item = &'s FieldDecl>,
    owner: &str,
    field: &str,
) -> Option<(&'s str, TypeHome<&'s str>)> {
    let mut found: Option<(&str, TypeHome<&'s str>)> = None;
    for decl in fields {
        if decl.owner == owner && decl.field == field {
            let home = TypeHome {
                module: decl.module.as_deref(),
                library: decl.library.as_deref(),
            };
            match found {
                None => found = Some((&decl.ty, home)),
                Some((ty, known)) if ty == decl.ty => {
                    let module = known.module.filter(|_| known.module == home.module);
                    let library = known.library.filter(|_| known.library == home.library);
                    found = Some((ty, TypeHome { module, library }));
                }
                Some(_) => return None,
            }
        }
    }
    found
}

/// The type the chain of fields `path` from a value of type `owner` ends
/// in (`owner.a.b`: `b`'s declared type in the struct `a` is declared
/// with), each hop as [`field_type`] finds it among `fields()`, with the
/// last hop's module; `None` when a struct on the way is not `known` (its
/// definitions are not all among `fields()`).
pub fn field_path_type<'s, I>(
    fields: impl Fn() -> I,
    owner: &str,
    path: &[String],
    known: impl Fn(&str) -> bool,
) -> Option<(&'s str, TypeHome<&'s str>)>
where
    I: IntoIterator<Item = &'s FieldDecl>,
{
    let (first, rest) = path.split_first()?;
    let mut found = field_type(fields(), known(owner).then_some(owner)?, first)?;
    for field in rest {
        found = field_type(fields(), known(found.0).then_some(found.0)?, field)?;
    }
    Some(found)
}

/// One call of a fn or method.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CallSite {
    /// What may be called.
    pub callee: Callee,
    /// Where the call is.
    pub caller: Caller,
    /// Whether it runs at most once per run of the caller: not in a loop,
    /// nor in a closure other than one given to a spawn or `block_on`, nor
    /// in a spawned task.
    pub once: bool,
    /// Whether it runs at most once per run of the caller, in a task or
    /// thread the caller spawns and detaches (see
    /// `FileContext::detached_spawn_runs_once`): once for the process when
    /// the caller is, though not on its thread nor as a step of its work.
    #[serde(default)]
    pub once_in_detached_task: bool,
    /// Whether it may run many times per run of the caller: in a loop, or
    /// in a closure that may be called many times (handed to an iterator
    /// adapter, a router, or any call other than a spawn, `block_on` or a
    /// once-initialiser). A spawn alone does not make its task's calls
    /// repeat; a loop around the spawn does (a task per connection).
    #[serde(default)]
    pub repeats: bool,
    /// Whether it runs once (`once`) and ends its caller: nothing after its
    /// statement waits ([`FileContext::ends_its_fn`]), so the caller
    /// returns right after it.
    #[serde(default)]
    pub ends_caller: bool,
    /// Which thread it runs on, relative to its caller.
    pub thread: SiteThread,
    /// The call expression.
    pub span: crate::Span,
    /// How it passes its arguments, which the fn it calls must take
    /// (`None`: not known).
    pub arguments: Option<Arguments>,
    /// The library of the crate whose module the call's path names
    /// (`store_core` in `store_core::util::pause()`): the fn is that
    /// library's, not another package's `util::pause` (see
    /// [`CallSummary::read_library_paths`]).
    #[serde(default)]
    pub library: Option<String>,
    /// For a method called on a value whose type an import names (`use
    /// crate::grpc::Client; let c = Client::new(…); c.keep_warm()`), the
    /// module of the crate that import leads to (`grpc`): of two types of
    /// one name in two modules, the method is that module's type's.
    #[serde(default)]
    pub type_module: Option<String>,
    /// For a method or associated fn of a type whose path goes through a
    /// library of the workspace (`use base::poll::Poller;` then
    /// `Poller::new()`), that library: the fn is that library's type's,
    /// not one of a type of the same name in the caller's own package.
    #[serde(default)]
    pub type_library: Option<String>,
}

/// How a call passes its arguments. Rust has neither overloads nor default
/// arguments, so a call can only be a fn that takes exactly these: `x.start(a,
/// b, c)` is no call of a `start(&self)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Arguments {
    /// `x.name(…)`, whose receiver is the fn's `self`.
    pub method_syntax: bool,
    /// The arguments in the parentheses (the receiver of `x.name(…)` aside).
    pub count: usize,
}

impl Arguments {
    /// Whether a fn with this signature can take them: `x.name(a)` needs a
    /// `self` and one parameter more; `T::name(x, a)` a `self` and one, or
    /// two parameters; `name(a)` one.
    pub fn fit(self, takes_self: bool, params: usize) -> bool {
        if self.method_syntax {
            takes_self && self.count == params
        } else {
            self.count == params + usize::from(takes_self)
        }
    }
}

/// The names the `pub use` items of `items` re-export, with the paths
/// they name (see [`CallSummary::reexports`]).
fn reexports(items: &[syn::Item]) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for item in items {
        if let syn::Item::Use(u) = item {
            if !matches!(u.vis, syn::Visibility::Inherited) {
                let (names, _globs) = imports::use_tree_names(&u.tree);
                out.extend(names.into_iter().map(|(name, target)| {
                    (name, target.split("::").map(str::to_string).collect())
                }));
            }
        }
    }
    out
}

/// The re-exports of the top-level inline modules of `file` (see
/// [`CallSummary::module_reexports`]).
fn module_reexports(file: &syn::File) -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    for item in &file.items {
        if let syn::Item::Mod(syn::ItemMod {
            ident,
            content: Some((_, items)),
            ..
        }) = item
        {
            let module = imports::unraw(ident);
            for (name, path) in reexports(items) {
                out.push((module.clone(), name, path));
            }
        }
    }
    out
}

/// How many re-exports deep a call is followed (`pub use` of a `pub use`…),
/// by the crate index and by the crate loader alike.
pub const MAX_REEXPORTS: usize = 4;

/// Whether `module::name` is the fn `name` of module `owner`: the module
/// itself, or one that re-exports the name from it, at most
/// [`MAX_REEXPORTS`] re-exports deep.
fn reexports_lead_to(
    reexports: &BTreeSet<Reexport<'_>>,
    module: &str,
    name: &str,
    owner: &str,
) -> bool {
    let mut modules = vec![module];
    for _ in 0..=MAX_REEXPORTS {
        if modules.contains(&owner) {
            return true;
        }
        modules = (reexports.iter())
            .filter(|(from, n, _)| *n == name && modules.contains(from))
            .filter_map(|(_, _, to)| *to)
            .collect();
        if modules.is_empty() {
            return false;
        }
    }
    false
}

/// The fn a re-export names, from its path (see
/// [`CallSummary::reexports`]): the module the path names last (`self::`
/// is `self_module`, the re-exporting one; `None` for a path of one
/// segment) and the fn's name. `None` through `super::`, which cannot be
/// told from the path alone.
pub fn reexported_fn<'p>(
    path: &'p [String],
    self_module: Option<&'p str>,
) -> Option<(Option<&'p str>, &'p str)> {
    let (last, before) = path.split_last()?;
    let module = match before.last().map(String::as_str) {
        None => None,
        Some("super") => return None,
        Some("self") => self_module,
        Some(m) => Some(m),
    };
    Some((module, last))
}

/// A module or key read in the namespace of compilation unit `unit` (see
/// [`CallSummary::in_namespace`]): `#3>jobs::start`, which no path
/// written in Rust can name.
pub fn namespaced(unit: &str, key: &str) -> String {
    format!("#{unit}>{key}")
}

/// A key without the namespace [`namespaced`] gave it, if any.
pub fn without_namespace(key: &str) -> &str {
    (key.strip_prefix('#').and_then(|k| k.split_once('>'))).map_or(key, |(_, key)| key)
}

/// What a call may call.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Callee {
    /// `name(…)` (no module: `None`) or `module::name(…)`: a free fn, with
    /// the module the path names last.
    Free(Option<String>, String),
    /// `Type::name(…)` (`Self` and `self` resolved in an `impl`): key `Type::name`.
    Assoc(String),
    /// `x.name(…)` on a receiver of unknown type: any method `name`.
    Method(String),
    /// `x.field.name(…)`, where `x` is of type `owner` (`self` in an `impl
    /// owner`, or a local or parameter of that type) and the struct is not
    /// in this file: the method `name` of the type the crate's `struct
    /// owner` declares `field` with. `fields` is the chain of fields from
    /// `owner` (`self.inner.prober.run()`: `["inner", "prober"]`), each
    /// hop's type the struct the next is a field of.
    Field {
        owner: String,
        fields: Vec<String>,
        method: String,
    },
    /// `x.name(…)`, where `x` is bound to what the call `call` returns
    /// (through `?`, `.await`, `.unwrap()`, `.expect(…)`): the method
    /// `name` of the type the fn `call` calls declares it returns.
    Returned { call: Box<Callee>, method: String },
}

/// The call of `method` on the chain of fields `fields` of a value of type
/// `owner`. The hops through structs of this file (`own_fields`) are
/// resolved here, with the module of the type the last one is declared
/// with when the declaration names it; the rest is left to the crate
/// ([`Callee::Field`]). A field this file's struct does not type makes the
/// receiver unknown.
fn field_call(
    own_fields: &[FieldDecl],
    mut owner: String,
    fields: Vec<String>,
    method: String,
) -> (Callee, TypeHome<String>) {
    let mut fields = fields.into_iter().peekable();
    let mut found = TypeHome::default();
    while let Some(field) = fields.next_if(|_| own_fields.iter().any(|d| d.owner == owner)) {
        match field_type(own_fields, &owner, &field) {
            Some((ty, home)) => {
                owner = ty.to_string();
                found = TypeHome {
                    module: home.module.map(str::to_string),
                    library: home.library.map(str::to_string),
                };
            }
            None => return (Callee::Method(method), TypeHome::default()),
        }
    }
    match fields.peek() {
        None => (Callee::Assoc(format!("{owner}::{method}")), found),
        Some(_) => {
            let callee = Callee::Field {
                owner,
                fields: fields.collect(),
                method,
            };
            (callee, TypeHome::default())
        }
    }
}

/// The module that keys the fn of this file `path` names (see `Defs`):
/// the innermost inline module it resolves into (`shadow::backoff` for a
/// bare `backoff()` in `mod shadow`, which defines its own), or
/// `file_module` for the file's top; `None` when `path` names no item of
/// this file.
fn local_fn_module(ctx: &FileContext<'_>, path: &syn::Path, file_module: &str) -> Option<String> {
    let full = ctx.resolve(path)?;
    let (module, _) = module_and_name(full.strip_prefix("crate::")?);
    Some(module.unwrap_or(file_module).to_string())
}

/// The crate fn a bare name names through a `use` of a path into the crate
/// (`use crate::a::pump;`, `use super::a::pump as apump;`): the last module
/// and the fn's own name.
fn imported_free_fn(ctx: &FileContext<'_>, path: &syn::Path) -> Option<Callee> {
    crate_fn_of(&ctx.resolve(path)?)
}

/// The crate fn a resolved path (`crate::a::pump`, `super::pump`) names:
/// its last module and name. `None` for a path that does not start in the
/// crate.
fn crate_fn_of(full: &str) -> Option<Callee> {
    let (head, rest) = full.split_once("::")?;
    if !matches!(head, "crate" | "super" | "self") {
        return None;
    }
    let (module, name) = module_and_name(rest);
    Some(Callee::Free(
        Some(module.unwrap_or(head).to_string()),
        name.to_string(),
    ))
}

/// The free fn a call's path (`names`, as written: a module path, or a
/// name not defined here) calls:
/// * into the crate through a `use` (`use crate::a::pump; pump()`, `use
///   crate::a as aa; aa::pump()`): the last module and the name;
/// * through a `use` of another crate's path (`use other::pump;`, `use
///   other::util; util::pause()`): that crate's name joined to the last
///   module (`other::util`), which keys no fn of the crate unless `other`
///   is one of its libraries (see [`CallSummary::read_library_paths`]);
/// * a bare name no `use` names (a glob's, maybe one of the crate's): any
///   free fn so named (module `None`);
/// * a path no `use` changes (`util::pause()`, `tokio::spawn()`): its last
///   module and name.
fn path_callee(
    ctx: &FileContext<'_>,
    path: &syn::Path,
    names: &[String],
    file_modules: &BTreeSet<String>,
) -> Callee {
    let name = names.last().cloned().unwrap_or_default();
    let as_written = || match names {
        // `store_core::util::pause()`: a module of another crate (one of
        // this crate's libraries, maybe), not this crate's `util`.
        [first, .., module, _]
            if names.len() > 2 && names_another_crate(ctx, path, first, file_modules) =>
        {
            Callee::Free(Some(format!("{first}::{module}")), name.clone())
        }
        [.., module, _] => Callee::Free(Some(module.clone()), name.clone()),
        _ => Callee::Free(None, name.clone()),
    };
    let Some(full) = ctx.resolve(path) else {
        return as_written();
    };
    if let Some(callee) = crate_fn_of(&full) {
        return callee;
    }
    // `use super::*;` at the top of this file: the parent module's fn of
    // that name if it has one, else as a bare name (see `resolve`'s
    // `super::`).
    if names.len() == 1
        && full == name
        && ctx
            .imports
            .file_super_glob_at(path.segments[0].ident.span())
    {
        return Callee::Free(Some("super".to_string()), name);
    }
    if full == names.join("::") {
        return as_written();
    }
    // A bare name an outside glob may bring in, when a glob of the crate's
    // own modules (`use super::*`) may too.
    if names.len() == 1 && ctx.imports.crate_glob_at(path.segments[0].ident.span()) {
        return as_written();
    }
    // The fn's own name: the import may rename it (`use other::run as
    // run_other;`).
    match full.split("::").collect::<Vec<_>>().as_slice() {
        [head, own] => Callee::Free(Some(head.to_string()), own.to_string()),
        [head, .., module, own] => Callee::Free(Some(format!("{head}::{module}")), own.to_string()),
        _ => as_written(),
    }
}

/// Whether `first`, the first segment of `path` as written (no `use`
/// names it), names another crate: not `crate`, `self` or `super`, nor a
/// module this file declares (`file_modules`), nor a name a glob of the
/// crate's own modules may bring in.
fn names_another_crate(
    ctx: &FileContext<'_>,
    path: &syn::Path,
    first: &str,
    file_modules: &BTreeSet<String>,
) -> bool {
    !matches!(first, "crate" | "self" | "super" | "Self")
        && first.starts_with(char::is_lowercase)
        && !file_modules.contains(first)
        && !ctx.imports.crate_glob_at(path.segments[0].ident.span())
}

/// The names of the modules `file` declares, at any depth.
fn declared_modules(file: &syn::File) -> BTreeSet<String> {
    struct Mods(BTreeSet<String>);
    impl<'v> Visit<'v> for Mods {
        fn visit_item_mod(&mut self, m: &'v syn::ItemMod) {
            self.0.insert(imports::unraw(&m.ident));
            syn::visit::visit_item_mod(self, m);
        }
    }
    let mut mods = Mods(BTreeSet::new());
    mods.visit_file(file);
    mods.0
}

/// `a::b::name` as its last module and name (`(Some("b"), "name")`);
/// `name` alone has no module.
pub(crate) fn module_and_name(path: &str) -> (Option<&str>, &str) {
    match path.rsplit_once("::") {
        Some((modules, name)) => (modules.rsplit("::").next(), name),
        None => (None, path),
    }
}

/// How many method calls on returned values a [`Callee::Returned`] chain
/// may hold: `make().build().run()` is two.
const MAX_RETURNED_DEPTH: usize = 3;

impl Callee {
    /// The name of the fn it may call (the last segment of its path).
    pub fn name(&self) -> &str {
        match self {
            Callee::Free(_, name) | Callee::Method(name) => name,
            Callee::Field { method, .. } | Callee::Returned { method, .. } => method,
            Callee::Assoc(key) => super::paths::last_segment(key),
        }
    }

    /// The method `name` called on what `inner` returns, when `inner` is a
    /// call the crate can resolve (a free fn, an associated fn, or such a
    /// method chain, a few calls deep: `let b = make_builder(); let i =
    /// b.build()?; i.run()`).
    fn returned(inner: &Callee, name: &str) -> Option<Callee> {
        let resolvable = matches!(
            inner,
            Callee::Free(..) | Callee::Assoc(_) | Callee::Returned { .. }
        );
        (resolvable && inner.returned_depth() < MAX_RETURNED_DEPTH).then(|| Callee::Returned {
            call: Box::new(inner.clone()),
            method: name.to_string(),
        })
    }

    /// The number of [`Callee::Returned`] levels in this callee.
    fn returned_depth(&self) -> usize {
        match self {
            Callee::Returned { call, .. } => 1 + call.returned_depth(),
            _ => 0,
        }
    }

    /// A module read through another crate's name (`app::util`, see
    /// [`path_callee`]) as the module of this crate it is, when that crate
    /// is one of `libraries`.
    fn read_library_modules(&mut self, libraries: &BTreeSet<String>) {
        match self {
            Callee::Free(Some(module), _) => {
                if let Some((head, last)) = module.split_once("::") {
                    if libraries.contains(head) {
                        *module = last.to_string();
                    }
                }
            }
            Callee::Returned { call, .. } => call.read_library_modules(libraries),
            _ => {}
        }
    }

    /// Reads the path of a free fn call through a module `from` accepts as
    /// one through `to` (also the call a method is called on the result
    /// of): `app::serve()` as `crate::serve()`, or the reverse.
    fn read_module_as(&mut self, from: &dyn Fn(&str) -> bool, to: &str) {
        match self {
            Callee::Free(Some(module), _) if from(module) => *module = to.to_string(),
            Callee::Returned { call, .. } => call.read_module_as(from, to),
            _ => {}
        }
    }

    /// Reads the module of a free fn call's path, when `which` accepts it,
    /// in the namespace `ns` (see [`CallSummary::in_namespace`]); also the
    /// call a method is called on the result of.
    fn read_module_in(&mut self, which: &dyn Fn(&str) -> bool, ns: &str) {
        match self {
            Callee::Free(Some(module), _) if which(module) => *module = namespaced(ns, module),
            Callee::Returned { call, .. } => call.read_module_in(which, ns),
            _ => {}
        }
    }
}

impl CallSummary {
    /// Reads the calls through the crate's libraries by their names. A
    /// module path below one (`use app::util::pause;`, read as
    /// `app::util`) is the path of that module in the crate (`util`). A
    /// library's own fns (`app::serve()` in a binary of the package whose
    /// library is `app`) are the crate root's fns (`crate::serve()`), as
    /// every other path into the crate root is read, when the library is
    /// one of `unnamed_roots`: the library names of the crate's packages
    /// that no module of the crate is named.
    pub fn read_library_paths(
        &mut self,
        libraries: &BTreeSet<String>,
        unnamed_roots: &BTreeSet<String>,
    ) {
        for site in &mut self.calls {
            if let Callee::Free(Some(module), _) = &site.callee {
                if let Some((head, _)) = module.split_once("::") {
                    if libraries.contains(head) {
                        site.library = Some(head.to_string());
                    }
                }
            }
            site.callee.read_library_modules(libraries);
            if !unnamed_roots.is_empty() {
                site.callee
                    .read_module_as(&|m| unnamed_roots.contains(m), "crate");
            }
        }
    }

    /// Gives `rename` every key of this file's fns: their definitions,
    /// `main`s, the fns its calls are in, the fns it hands by name, and
    /// those it cannot follow.
    fn rename_keys(&mut self, rename: &dyn Fn(&mut String)) {
        self.defs.iter_mut().for_each(|(key, _)| rename(key));
        self.fns.iter_mut().for_each(|facts| rename(&mut facts.key));
        self.mains.iter_mut().for_each(|(key, _)| rename(key));
        for site in &mut self.calls {
            if let Caller::Fn(key) = &mut site.caller {
                rename(key);
            }
        }
        for value in &mut self.fn_values {
            if let Caller::Fn(key) = &mut value.site.caller {
                rename(key);
            }
            value.mention.iter_mut().for_each(rename);
        }
        self.opaque = std::mem::take(&mut self.opaque)
            .into_iter()
            .map(|mut key| {
                rename(&mut key);
                key
            })
            .collect();
    }

    /// The free fns of this file that belong to its unit's modules rather
    /// than to the crate root, as `(module, key)`: all of them in a module
    /// file, those of its inline modules (`mod jobs { … }`) in a root,
    /// whose own fns are named by its library or `crate`.
    pub fn unit_module_fns(&self) -> impl Iterator<Item = (&str, &str)> {
        let root = self.crate_root.then_some(self.module.as_str());
        (self.defs.iter().map(|(key, _)| key.as_str()))
            .chain(self.fns.iter().map(|f| f.key.as_str()))
            .filter_map(move |key| {
                let (owner, _) = key.rsplit_once("::")?;
                (!owner.starts_with(char::is_uppercase) && Some(owner) != root)
                    .then_some((owner, key))
            })
    }

    /// Reads this file's free fns, and the calls that name modules, in a
    /// namespace of their own, for deciding what `main` reaches over
    /// several packages. Keys carry no package: without this, a binary's
    /// own `jobs::start` and its library's `jobs::start` are one fn, and a
    /// call of either is a call of both.
    ///
    /// `own` is the namespace of this file's compilation unit (`None`: the
    /// unit of the file being decided, read as it is); `of_library` gives
    /// the namespace of a library's unit by the library's name (`None`:
    /// read as it is); `unit_has_module` tells the modules of this file's
    /// unit other than its root (whose keys, named by the library, are
    /// distinct without a namespace). A call whose path names a library
    /// (`app::jobs::start()`) goes to that library's namespace; a path of
    /// a module of this unit, to this file's.
    pub fn in_namespace(
        &mut self,
        own: Option<&str>,
        of_library: &dyn Fn(&str) -> Option<String>,
        unit_has_module: &dyn Fn(&str) -> bool,
    ) {
        // A path this unit cannot tell apart (`crate::`, a library root's
        // name, a module imported from elsewhere under a glob) is read as
        // before, a path of any unit.
        let global = |m: &str| matches!(m, "crate" | "self" | "super") || !unit_has_module(m);
        if let Some(ns) = own {
            // A root's own fns keep their keys (its module is the
            // library's name, or `crate` in a binary); those of its inline
            // modules (`mod jobs { … }` in `main.rs`) are the unit's.
            let own_keys: BTreeSet<String> = self
                .unit_module_fns()
                .map(|(_, key)| key.to_string())
                .collect();
            let rename = |key: &mut String| {
                if own_keys.contains(key.as_str()) {
                    *key = namespaced(ns, key);
                }
            };
            if !self.crate_root {
                self.module = namespaced(ns, &self.module);
            }
            self.rename_keys(&rename);
        }
        // A path through a library's name names a module of that library
        // (`app::search::init()` is read as `search::init`, see
        // [`Self::read_library_paths`]), even one named as another
        // library is; any other path, a module of this file's unit unless
        // it names a library's root.
        let place = |callee: &mut Callee, library: &Option<String>| match library {
            Some(library) => {
                if let Some(ns) = of_library(library) {
                    callee.read_module_in(&|_| true, &ns);
                }
            }
            None => {
                if let Some(ns) = own {
                    callee.read_module_in(&|m| !global(m), ns);
                }
            }
        };
        for site in &mut self.calls {
            place(&mut site.callee, &site.library);
        }
        for value in &mut self.fn_values {
            place(&mut value.site.callee, &value.site.library);
            place(&mut value.higher, &None);
        }
        for closure in &mut self.closure_calls {
            place(&mut closure.higher, &None);
        }
        if let Some(ns) = own {
            let module_paths = self.module_reexports.iter_mut().map(|(_, _, p)| p);
            for path in (self.reexports.iter_mut().map(|(_, p)| p)).chain(module_paths) {
                if let [.., module, _] = path.as_mut_slice() {
                    if !global(module) {
                        *module = namespaced(ns, module);
                    }
                }
            }
            for (module, _, _) in &mut self.module_reexports {
                *module = namespaced(ns, module);
            }
        }
    }

    /// Names the crate root by `library`, the name of the library this
    /// file belongs to: the root's keys (`crate::init`) become
    /// `library::init`, and every path through `crate::` (`crate::init()`)
    /// names it so, as other packages' calls of it do (`app::init()`).
    /// The same-named fns at the roots of a workspace's libraries (`init`,
    /// `run`) are then told apart.
    pub fn name_crate_root(&mut self, library: &str) {
        if self.module == "crate" || self.module == library {
            let renamed = |key: &mut String| {
                if let Some(rest) = key.strip_prefix("crate::") {
                    *key = format!("{library}::{rest}");
                }
            };
            self.module = library.to_string();
            self.crate_root = true;
            self.rename_keys(&renamed);
        }
        for site in &mut self.calls {
            site.callee.read_module_as(&|m| m == "crate", library);
        }
        for value in &mut self.fn_values {
            value.site.callee.read_module_as(&|m| m == "crate", library);
            value.higher.read_module_as(&|m| m == "crate", library);
        }
        for closure in &mut self.closure_calls {
            closure.higher.read_module_as(&|m| m == "crate", library);
        }
        // `pub use crate::run as start;`: the module before the name.
        let module_paths = self.module_reexports.iter_mut().map(|(_, _, p)| p);
        for path in self
            .reexports
            .iter_mut()
            .map(|(_, p)| p)
            .chain(module_paths)
        {
            if let [.., module, _] = path.as_mut_slice() {
                if module == "crate" {
                    *module = library.to_string();
                }
            }
        }
    }
}

/// The code a call is in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Caller {
    /// A fn or method, by key.
    Fn(String),
    /// A static's initializer (`static`, `lazy_static!`, `thread_local!`).
    Static,
    /// Anything else (a const, a trait's default method…).
    Unknown,
}

/// The thread a call runs on, relative to its caller's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SiteThread {
    /// The caller's thread.
    Caller,
    /// A thread blocking on its own runtime: the call is in the future given
    /// to `block_on` from sync code.
    Main,
    /// A runtime worker: the call is in a spawned task or a closure whose
    /// runner is unknown.
    Worker,
    /// A thread blocking on a current-thread runtime, whose only worker it
    /// is: the call is in the future given to `block_on` there, or in a
    /// `#[tokio::main(flavor = "current_thread")]` method. It stalls the
    /// runtime's other tasks, if that future spawns any; otherwise it is
    /// the main thread (see [`reached_from_main`]).
    OnlyWorker,
}

impl<'a> FileContext<'a> {
    /// This file's [`CallSummary`]; `module` is the name of the module the
    /// file is (its stem, or its directory's name for `mod.rs`; `crate` for
    /// a crate root), which keys its free fns (`module::name`).
    pub fn call_summary(&self, module: &str) -> CallSummary {
        let mut summary = CallSummary::default();
        for item in &self.file.items {
            if let syn::Item::Fn(f) = item {
                if self.is_entry_point(f) && !self.in_test_code(self.span_of(&f.sig.ident)) {
                    let runtime = if scope::main_is_current_thread(&f.attrs) {
                        MainRuntime::CurrentThreadByAttribute
                    } else if builds_current_thread(self, &f.block) {
                        MainRuntime::CurrentThread
                    } else {
                        MainRuntime::MultiThread
                    };
                    summary.mains.push((imports::unraw(&f.sig.ident), runtime));
                }
            }
        }
        summary.module = module.to_string();
        summary.crate_root = module == "crate";
        summary.modules = super::modules::module_decls(self.file);
        summary.reexports = reexports(&self.file.items);
        summary.module_reexports = module_reexports(self.file);
        let spawns = self.dropped_spawns();
        summary.detached_tasks = spawns.detached;
        summary.consts = self.top_level_consts();
        let reads = self.field_reads();
        summary.field_reads = reads.read;
        summary.timed_request_reads = reads.only_timed_requests;
        let mut defs = Defs {
            ctx: self,
            module: module.to_string(),
            impl_type: None,
            method_types: HashMap::new(),
            fn_keys: HashMap::new(),
            defs: &mut summary.defs,
            facts: &mut summary.fns,
            param_calls: &mut summary.param_calls,
            struct_fields: &mut summary.struct_fields,
            trait_impls: &mut summary.trait_impls,
            structs: &mut summary.structs,
        };
        defs.visit_file(self.file);
        let method_types = defs.method_types;
        let fn_keys = defs.fn_keys;
        // A field of a struct defined here is resolved here.
        let own_fields = &summary.struct_fields;
        // Mains are free fns of the crate root.
        for (name, _) in &mut summary.mains {
            *name = format!("{module}::{name}");
        }
        let impl_type_of = |ancestors: &[Node<'_>]| -> Option<String> {
            ancestors
                .iter()
                .rev()
                .find_map(|n| match n {
                    // A trait's provided method: `self` is any type of the
                    // trait, and `self.f()` the trait's `f`.
                    Node::ImplFn(f) => method_types.get(&fn_pos(&f.sig)).cloned(),
                    Node::TraitFn(f) => Some(
                        method_types
                            .get(&fn_pos(&f.sig))
                            .cloned()
                            .unwrap_or_default(),
                    ),
                    Node::ItemFn(_) => Some(String::new()),
                    _ => None,
                })
                .filter(|t| !t.is_empty())
        };
        // A bare `name()` calls this module's own `name` when it has one
        // (an import of the same name would not compile).
        let own_free: BTreeSet<String> = fn_keys
            .values()
            .filter_map(|k| k.strip_prefix(&format!("{module}::")).map(str::to_string))
            .collect();
        let fn_key_of =
            |f: &syn::ItemFn| -> Option<String> { fn_keys.get(&fn_pos(&f.sig)).cloned() };
        let inline_modules: Vec<std::ops::Range<usize>> = self
            .file
            .items
            .iter()
            .filter_map(|item| match item {
                // Its braces, not `span_of(m)`, which prints the module.
                syn::Item::Mod(syn::ItemMod {
                    content: Some((brace, _)),
                    ..
                }) => {
                    let span = self.span(brace.span.join());
                    Some(span.start.byte..span.end.byte)
                }
                _ => None,
            })
            .collect();
        let in_inline_module = |byte: usize| inline_modules.iter().any(|m| m.contains(&byte));
        // The names each fn binds (parameters, `let`s, patterns), by the fn's
        // position: a mention of one is a variable, not a fn value.
        let mut bound_names: HashMap<super::scopes::TokenPos, BTreeSet<String>> = HashMap::new();
        // Each call's callee by the call's span: a `let` bound to a call's
        // result is walked before the variable's uses.
        let mut callee_at: HashMap<(usize, usize), Callee> = HashMap::new();
        // Method calls on the value of a call the walk has not met yet (its
        // receiver): the call's index in `summary.calls`, the inner call.
        let mut on_inner_call: Option<(usize, usize)> = None;
        let mut on_inner_calls: Vec<(usize, (usize, usize))> = Vec::new();
        // What the statements of each block do (`CallSite::ends_caller`).
        let mut block_waits = scope::BlockWaits::new();
        // Calls in a closure handed to a call of a path: the call's index in
        // `summary.calls`, and where the closure is handed.
        let mut handed_closures: Vec<(usize, HandedClosure)> = Vec::new();
        let file_modules = declared_modules(self.file);
        self.walk_exprs(|expr, ancestors| {
            if self.expr_in_test_code(expr) {
                return;
            }
            // The fn a path names, as a callee.
            let mut callee_of_path = |p: &syn::ExprPath| -> Option<Callee> {
                let names = type_path_names(self, &p.path);
                match names.as_slice() {
                    [.., ty, name] if ty == "Self" => Some(match impl_type_of(ancestors) {
                        Some(t) => Callee::Assoc(format!("{t}::{name}")),
                        None => Callee::Method(name.clone()),
                    }),
                    // `reqwest::Client::new()`: no fn of the crate's, even
                    // when the crate has a `Client` type.
                    [.., ty, _]
                        if ty.starts_with(char::is_uppercase)
                            && self.names_foreign_type(&p.path) =>
                    {
                        None
                    }
                    [.., ty, name] if ty.starts_with(char::is_uppercase) => {
                        Some(Callee::Assoc(format!("{ty}::{name}")))
                    }
                    // `super::backoff()` in an inline module: a fn of this file.
                    [first, .., name]
                        if (first == "super" || first == "self")
                            && in_inline_module(self.span_of(p).start.byte) =>
                    {
                        local_fn_module(self, &p.path, module)
                            .map(|m| Callee::Free(Some(m), name.clone()))
                    }
                    [.., _, _] => Some(path_callee(self, &p.path, &names, &file_modules)),
                    // A closure or fn pointer held by a variable.
                    [name] if bound_in_enclosing_fn(self, ancestors, name, &mut bound_names) => {
                        None
                    }
                    // This module's own fn, unless an inline
                    // module imports the name from elsewhere.
                    [name] if own_free.contains(name) => {
                        match local_fn_module(self, &p.path, module) {
                            Some(m) => Some(Callee::Free(Some(m), name.clone())),
                            None => Some(path_callee(self, &p.path, &names, &file_modules)),
                        }
                    }
                    // `use crate::a::pump; pump()`: the module the import names.
                    [_] => Some(path_callee(self, &p.path, &names, &file_modules)),
                    [] => None,
                }
            };
            let mut type_home = TypeHome::default();
            let callee = match expr {
                // `Lazy::new(Bus::create)` calls `Bus::create` there, once.
                Expr::Call(call) => match once_initializer_fn(call).unwrap_or(&*call.func) {
                    Expr::Path(p) if p.qself.is_none() => {
                        let callee = callee_of_path(p);
                        if matches!(callee, Some(Callee::Assoc(_))) {
                            type_home = self.type_home_of_path(&p.path, 1);
                        }
                        callee
                    }
                    _ => None,
                },
                // `v.iter().map(f).collect()`: std's, no fn of the crate.
                Expr::MethodCall(m) if is_std_iterator(&m.receiver) => None,
                // A method of another crate's type (`let u =
                // url::Url::parse(s)?; u.join(p)`) is no fn of the crate's,
                // not even one of unknown type.
                Expr::MethodCall(m) if self.receiver_type_is_foreign(&m.receiver, ancestors) => {
                    None
                }
                Expr::MethodCall(m) => {
                    let name = imports::unraw(&m.method);
                    // `x.clone().run()` calls what `x.run()` calls.
                    let receiver = without_clones(&m.receiver);
                    let on_self = matches!(receiver, Expr::Path(p) if p.path.is_ident("self"));
                    let self_type = impl_type_of(ancestors);
                    Some(match &self_type {
                        Some(t) if on_self => Callee::Assoc(format!("{t}::{name}")),
                        _ => match self.receiver_type(receiver, ancestors) {
                            // `let this = Self { … }; this.start()`.
                            Some(t) if t == "Self" => match &self_type {
                                Some(t) => Callee::Assoc(format!("{t}::{name}")),
                                None => Callee::Method(name),
                            },
                            Some(t) => {
                                type_home = self.receiver_type_home(receiver, ancestors);
                                Callee::Assoc(format!("{t}::{name}"))
                            }
                            None => {
                                match self.field_receiver(receiver, ancestors, self_type.as_deref())
                                {
                                    Some((owner, fields)) => {
                                        let (callee, home) =
                                            field_call(own_fields, owner, fields, name);
                                        type_home = home;
                                        callee
                                    }
                                    None => match self.returned_receiver(receiver, ancestors) {
                                        Some(call) => match callee_at.get(&call) {
                                            Some(inner) => Callee::returned(inner, &name)
                                                .unwrap_or(Callee::Method(name)),
                                            // A call in the receiver
                                            // (`make().build()`) is walked
                                            // after this one: decided below.
                                            None => {
                                                on_inner_call = Some(call);
                                                Callee::Method(name)
                                            }
                                        },
                                        None => Callee::Method(name),
                                    },
                                }
                            }
                        },
                    })
                }
                // `HANDLER.get_or_init(Broadcaster::create)` on a static calls
                // `Broadcaster::create` there, once.
                Expr::Path(p)
                    if p.qself.is_none()
                        && matches!(ancestors.last(), Some(Node::Expr(call @ Expr::MethodCall(m)))
                            if m.args.len() == 1 && self.initializes_a_static(call)) =>
                {
                    callee_of_path(p)
                }
                Expr::Path(p) => {
                    // `init_protocol("ftp", init_ftp)`: handed to a call of a
                    // fn the crate may define, which may call it.
                    let handed = match ancestors.split_last() {
                        Some((Node::Expr(call @ Expr::Call(c)), outer)) if p.qself.is_none() => {
                            let index = c.args.iter().position(|a| std::ptr::eq(a, expr));
                            let higher = match &*c.func {
                                Expr::Path(f) if f.qself.is_none() => callee_of_path(f),
                                _ => None,
                            };
                            // Fns are named in snake case: `Some(x)`,
                            // `Ok(CONFIG)`, `Wrapper(Variant)` hand no fn.
                            let higher = higher.filter(|h| {
                                matches!(h, Callee::Free(..) | Callee::Assoc(_))
                                    && names_a_fn(h.name())
                            });
                            match (index, higher) {
                                (Some(index), Some(higher)) => callee_of_path(p)
                                    .filter(|value| names_a_fn(value.name()))
                                    .map(|value| (value, higher, index, call, outer)),
                                _ => None,
                            }
                        }
                        _ => None,
                    };
                    let is_callee = matches!(ancestors.last(),
                        Some(Node::Expr(Expr::Call(c))) if std::ptr::eq(&*c.func, expr)
                            || once_initializer_fn(c).is_some_and(|f| std::ptr::eq(f, expr)));
                    let local = p.path.get_ident().is_some_and(|id| {
                        bound_in_enclosing_fn(
                            self,
                            ancestors,
                            &imports::unraw(id),
                            &mut bound_names,
                        )
                    });
                    if !is_callee && !local {
                        let mut mention: Vec<String> = Vec::new();
                        let names = type_path_names(self, &p.path);
                        match names.as_slice() {
                            [.., ty, name] if ty == "Self" => {
                                mention.push(match impl_type_of(ancestors) {
                                    Some(t) => format!("{t}::{name}"),
                                    None => format!("*::{name}"),
                                });
                            }
                            [.., ty, name] if ty.starts_with(char::is_uppercase) => {
                                mention.push(format!("{ty}::{name}"));
                            }
                            // `get(handler)` where this file's module
                            // defines `handler`: that fn (an import of the
                            // same name would not compile), unless an inline
                            // module, which may have its own, holds it.
                            [name]
                                if own_free.contains(name)
                                    && !in_inline_module(self.span_of(p).start.byte) =>
                            {
                                mention.push(format!("{module}::{name}"));
                            }
                            [.., name] => {
                                // Through a renamed import, the fn itself.
                                if let Some(Callee::Free(_, imported)) =
                                    imported_free_fn(self, &p.path)
                                {
                                    mention.push(imported);
                                }
                                mention.push(name.clone());
                            }
                            [] => {}
                        }
                        match handed {
                            Some((value, higher, index, call, outer)) => {
                                // Handed inside a closure that is itself
                                // handed on: not followed.
                                let (mut site, closure) =
                                    self.call_site(value, call, outer, &impl_type_of, &fn_key_of);
                                if closure.is_some() {
                                    site.thread = SiteThread::Worker;
                                }
                                // What it is called with is not known here.
                                site.arguments = None;
                                summary.fn_values.push(FnValueArg {
                                    site,
                                    higher,
                                    index,
                                    mention,
                                });
                            }
                            None => summary.opaque.extend(mention),
                        }
                    }
                    None
                }
                _ => None,
            };
            if let Some(callee) = callee {
                let (mut site, handed) =
                    self.call_site(callee, expr, ancestors, &impl_type_of, &fn_key_of);
                site.type_module = type_home.module;
                site.type_library = type_home.library;
                site.ends_caller =
                    site.once && self.ends_its_fn_with(ancestors, &mut block_waits).is_some();
                if let Some(handed) = handed {
                    handed_closures.push((summary.calls.len(), handed));
                }
                // Only these are looked up (a method called on what they return).
                if matches!(
                    site.callee,
                    Callee::Free(..) | Callee::Assoc(_) | Callee::Returned { .. }
                ) {
                    callee_at.insert(
                        (site.span.start.byte, site.span.end.byte),
                        site.callee.clone(),
                    );
                }
                if let Some(call) = on_inner_call.take() {
                    on_inner_calls.push((summary.calls.len(), call));
                }
                summary.calls.push(site);
            }
        });
        // A closure handed to a call of a fn the crate may define: that
        // fn decides where it runs; handed to anything else, it runs on
        // another thread as far as leaklint knows.
        for (index, (call, argument)) in handed_closures {
            let site = &mut summary.calls[index];
            match callee_at.get(&call) {
                Some(higher @ (Callee::Free(..) | Callee::Assoc(_)))
                    if names_a_fn(higher.name()) =>
                {
                    summary.closure_calls.push(ClosureCall {
                        call: index,
                        higher: higher.clone(),
                        index: argument,
                    });
                }
                _ => site.thread = SiteThread::Worker,
            }
        }
        // Methods called on a call's value at once (`make().build().run()`):
        // the walk meets the outer call first, so they are decided now,
        // innermost first, and then those on a local bound to one (`let i =
        // make().build(); i.run()`): one round per level.
        for _ in 0..MAX_RETURNED_DEPTH {
            let mut decided = false;
            for &(index, call) in on_inner_calls.iter().rev() {
                let site = &mut summary.calls[index];
                let Callee::Method(name) = &site.callee else {
                    continue;
                };
                let Some(callee) =
                    (callee_at.get(&call)).and_then(|inner| Callee::returned(inner, name))
                else {
                    continue;
                };
                callee_at.insert((site.span.start.byte, site.span.end.byte), callee.clone());
                site.callee = callee;
                decided = true;
            }
            if !decided {
                break;
            }
        }
        // A sync fn's blocking calls, each given to the innermost fn
        // around it.
        for (at, what, unbounded) in crate::blocking_call_in_async::sync_blocking_calls(self) {
            if let Some(facts) =
                def_at(&summary, at.start.byte).and_then(|i| summary.fns.get_mut(i))
            {
                match unbounded {
                    true => facts.blocking.get_or_insert((at, what)),
                    false => facts.blocking_file_io.get_or_insert((at, what)),
                };
            }
        }
        // Parameters handed on to other fns, which may be spawn wrappers.
        for (at, param, arg) in spawns.forwards {
            if let Some(facts) =
                def_at(&summary, at.start.byte).and_then(|i| summary.fns.get_mut(i))
            {
                facts.forwards_param.push((param, at, arg));
            }
        }
        // Spawn wrappers: each spawned parameter given to the fn around it.
        for (at, index, runtime_of) in spawns.wrappers {
            if let Some(facts) =
                def_at(&summary, at.start.byte).and_then(|i| summary.fns.get_mut(i))
            {
                if facts.spawns_param.is_none() {
                    facts.spawns_param = Some((index, at));
                    facts.spawns_param_on = runtime_of;
                }
            }
        }
        // Macros leaklint does not parse may call anything they name.
        let mut unread = UnreadMacros {
            ctx: self,
            summary: &mut summary,
            impl_types: Vec::new(),
            macro_types: BTreeMap::new(),
            modules_deep: 0,
        };
        unread.visit_file(self.file);
        summary.macro_types = unread.macro_types.into_iter().collect();
        summary
    }

    /// The type of a method call's receiver when the fn says it: `T::new(…)`
    /// itself, a variable
    /// bound by `let x = T::f(…)` (through `?`, `.await`, `.unwrap()`,
    /// `.expect(…)`, `.clone()`) or `let x = T { … }`, or a parameter typed
    /// `T`, `&T`, `Arc<T>`, `Box<T>` or `Rc<T>` (its last segment).
    /// The span (bytes) of the call whose result the variable `receiver`
    /// is bound to (through `?`, `.await`, `.unwrap()`, `.expect(…)`,
    /// parentheses).
    fn returned_receiver<'v>(
        &self,
        receiver: &Expr,
        ancestors: &[Node<'v>],
    ) -> Option<(usize, usize)> {
        // A call's value used at once: `make_builder().build()`,
        // `make().await?.run()`.
        let direct = peeled(receiver, &["unwrap", "expect"]);
        if matches!(direct, Expr::Call(_) | Expr::MethodCall(_)) {
            let span = self.call_span(direct);
            return Some((span.start.byte, span.end.byte));
        }
        // Through locals that share the value: `let e2 = e.clone();`,
        // `Arc::clone(&e)`, `Arc::new(make(…))`.
        let mut expr = receiver;
        for _ in 0..MAX_SHARED_HOPS {
            let Expr::Path(p) = expr else {
                return None;
            };
            let ident = p.path.get_ident()?;
            let init = peeled(
                self.binding_init(ident, ancestors)
                    .or_else(|| self.unwrapped_from(ident, ancestors))?,
                &["unwrap", "expect", "clone"],
            );
            let init = shared_value(init);
            match init {
                Expr::Call(_) | Expr::MethodCall(_) => {
                    let span = self.call_span(init);
                    return Some((span.start.byte, span.end.byte));
                }
                _ => expr = init,
            }
        }
        None
    }

    /// `(owner, fields)` when `receiver` is a chain of fields of a value of
    /// a known type: `self.a.b` in `impl owner`, `x.a` with `x` typed as
    /// [`Self::receiver_type`] finds, or a local bound to either (through
    /// `.clone()`, `Arc::clone(&…)`, `.as_ref()`, `?`, `.await`,
    /// `.unwrap()`, `.expect(…)`; `let inner = self.inner.clone();
    /// inner.prober.run()` is `self.inner.prober`). `fields` starts at
    /// `owner`.
    fn field_receiver<'v>(
        &self,
        receiver: &Expr,
        ancestors: &[Node<'v>],
        self_type: Option<&str>,
    ) -> Option<(String, Vec<String>)> {
        // A local bound to a local bound to …: a few hops, then unknown.
        const MAX_LOCALS: usize = 4;
        let mut fields = Vec::new();
        let mut locals = 0;
        let mut expr = receiver;
        let owner = loop {
            match expr {
                Expr::Path(p) if p.path.is_ident("self") => match fields.is_empty() {
                    true => return None,
                    false => break self_type?.to_string(),
                },
                Expr::Path(p) => {
                    let ident = p.path.get_ident()?;
                    // `let this = self.clone(); this.inner.run()`: the
                    // local's type owns the fields seen so far.
                    if !fields.is_empty() {
                        if let Some(t) = self.receiver_type(expr, ancestors) {
                            break if t == "Self" {
                                self_type?.to_string()
                            } else {
                                t
                            };
                        }
                    }
                    if locals == MAX_LOCALS {
                        return None;
                    }
                    locals += 1;
                    expr = self.binding_init(ident, ancestors)?;
                }
                _ => match without_clones(peeled(expr, &["unwrap", "expect", "clone", "as_ref"])) {
                    Expr::Field(f) => {
                        let syn::Member::Named(field) = &f.member else {
                            return None;
                        };
                        fields.push(imports::unraw(field));
                        expr = &f.base;
                    }
                    // `Pool::new(…).inner.run()`.
                    base if !fields.is_empty() && !matches!(base, Expr::Path(_)) => {
                        match self.receiver_type(base, ancestors)? {
                            t if t == "Self" => break self_type?.to_string(),
                            t => break t,
                        }
                    }
                    // `inner.clone()`: the local `inner`.
                    path @ Expr::Path(_) => expr = path,
                    _ => return None,
                },
            }
        };
        fields.reverse();
        Some((owner, fields))
    }

    /// Where the crate defines the type of `receiver` (see
    /// [`Self::type_home_of_path`]), when the value is made where the type
    /// is written by a path into the crate: module `grpc` for a local bound
    /// to `Client::new(…)` after `use crate::grpc::Client;`, to
    /// `grpc::Client::new(…)` after `use crate::grpc;`, or to
    /// `crate::grpc::Client { … }`; also through clones, `Arc::new`,
    /// `.unwrap()`, and a typed `let` or parameter. Nothing for a type of
    /// the file itself, or one named otherwise.
    fn receiver_type_home<'v>(
        &'v self,
        receiver: &'v Expr,
        ancestors: &[Node<'v>],
    ) -> TypeHome<String> {
        match self.receiver_type_path(receiver, ancestors) {
            Some((path, constructor)) => self.type_home_of_path(path, usize::from(constructor)),
            None => TypeHome::default(),
        }
    }

    /// Whether the value `receiver` is of another crate's type, as the path
    /// its type is written with where the value is made says (see
    /// [`FileContext::names_foreign_type`]).
    fn receiver_type_is_foreign<'v>(&'v self, receiver: &'v Expr, ancestors: &[Node<'v>]) -> bool {
        (self.receiver_type_path(without_clones(receiver), ancestors))
            .is_some_and(|(path, _)| self.names_foreign_type(path))
    }

    /// Where the crate defines the type `path` names, after `after`
    /// segments (a constructor, an associated fn: `grpc::Client::new(e)`
    /// after `use crate::grpc;`, `Config::load()` after `use
    /// common::settings::Config;`) are taken off its end:
    /// * its module, by its last segment, as the crate's summaries name
    ///   modules (`crate::net::grpc::Client` → `grpc`), through an import, a
    ///   module this file declares (`grpc::Client` beside `mod grpc;`), or a
    ///   path through one of the crate's libraries (`common::grpc::Client`);
    ///   none for a type of this file or a path through `self`/`super`;
    /// * the library of the workspace the path goes through (`common`).
    ///
    /// Nothing for a path into another crate. Of two types of one name,
    /// the fn is the one of that module's, and that library's, type.
    pub(crate) fn type_home_of_path(&self, path: &syn::Path, after: usize) -> TypeHome<String> {
        let Some(first) = path.segments.first().map(|s| &s.ident) else {
            return TypeHome::default();
        };
        if first == "self" || first == "super" {
            return TypeHome::default();
        }
        let written: Vec<String> = path
            .segments
            .iter()
            .map(|s| imports::unraw(&s.ident))
            .collect();
        let local = first != "crate" && (self.imports).is_local_item_at(&written[0], first.span());
        let mut library = None;
        let segments: Vec<String> = match local {
            // A module this file declares (the type's module file, or an
            // inline module whose fns are the file's): as written.
            true => written,
            false => {
                let Some(resolved) = self.resolve(path) else {
                    return TypeHome::default();
                };
                let Some((head, rest)) = resolved.split_once("::") else {
                    return TypeHome::default();
                };
                if self.crate_libraries.iter().any(|l| l == head) {
                    library = Some(head.to_string());
                } else if head != "crate" {
                    return TypeHome::default();
                }
                rest.split("::").map(str::to_string).collect()
            }
        };
        // Less the fn (or constructor), then the type: the module path.
        let module = match segments.len().checked_sub(1 + after) {
            Some(modules) => match &segments[..modules] {
                [] => None,
                [.., module] if matches!(module.as_str(), "self" | "super") => None,
                [.., module] => Some(module.clone()),
            },
            None => None,
        };
        TypeHome { module, library }
    }

    /// The path `receiver`'s type is written with where its value is made,
    /// and whether it ends in a constructor (`Client::new`) (see
    /// [`Self::receiver_type_module`]).
    fn receiver_type_path<'v>(
        &'v self,
        receiver: &'v Expr,
        ancestors: &[Node<'v>],
    ) -> Option<(&'v syn::Path, bool)> {
        let mut expr = without_clones(receiver);
        for _ in 0..MAX_LOCAL_HOPS {
            match expr {
                Expr::Call(c)
                    if c.args.len() == 1
                        && is_pointer_fn(&c.func, "new", &["Arc", "Rc", "Box"]) =>
                {
                    expr = without_clones(&c.args[0]);
                }
                // `T::new(…)`: a constructor by convention returns `T`.
                Expr::Call(c) => {
                    let Expr::Path(p) = &*c.func else {
                        return None;
                    };
                    constructed_type(&segment_names(&p.path))?;
                    return Some((&p.path, true));
                }
                Expr::Struct(s) => return Some((&s.path, false)),
                Expr::Paren(inner) => expr = &inner.expr,
                Expr::Path(p) => {
                    let ident = p.path.get_ident().filter(|i| *i != "self")?;
                    if let Some(declared) = self.declared_type(ident, ancestors) {
                        return match super::peel_type(declared, super::POINTERS) {
                            syn::Type::Path(t) if t.qself.is_none() => Some((&t.path, false)),
                            _ => None,
                        };
                    }
                    let init = self.binding_init(ident, ancestors)?;
                    expr = without_clones(peeled(init, &["unwrap", "expect", "clone"]));
                }
                _ => return None,
            }
        }
        None
    }

    /// The type of `receiver` (its last segment) when the file says it:
    /// made with `T::new(…)` or `T { … }`, a local or parameter declared
    /// with it (through `&`, `Arc`, `Box`, `Rc`), a clone of such a value.
    pub(crate) fn receiver_type<'v>(
        &self,
        receiver: &Expr,
        ancestors: &[Node<'v>],
    ) -> Option<String> {
        self.receiver_type_within(receiver, ancestors, 0)
    }

    /// [`Self::receiver_type`], `hops` locals away from the receiver.
    fn receiver_type_within<'v>(
        &self,
        receiver: &Expr,
        ancestors: &[Node<'v>],
        hops: usize,
    ) -> Option<String> {
        // `T::new(…).start()`: a constructor by convention returns `T`.
        if let Expr::Call(c) = receiver {
            return match &*c.func {
                Expr::Path(p) if !self.names_foreign_type(&p.path) => {
                    constructed_type(&type_path_names(self, &p.path))
                }
                _ => None,
            };
        }
        let Expr::Path(p) = receiver else {
            // `HelpOpt {}.process()`: a struct literal's type.
            return match receiver {
                Expr::Struct(_) => self.value_type(receiver, ancestors, hops),
                Expr::Paren(inner) => self.receiver_type_within(&inner.expr, ancestors, hops),
                _ => None,
            };
        };
        // `ShutdownOpt.process()`: a unit struct (not `Mode::Fast`, a
        // variant, nor a constant).
        if p.qself.is_none() && !p.path.segments.is_empty() {
            let names = type_path_names(self, &p.path);
            if names
                .last()
                .is_some_and(|n| n.starts_with(char::is_uppercase))
            {
                let variant =
                    names.len() > 1 && names[names.len() - 2].starts_with(char::is_uppercase);
                return match variant {
                    true => None,
                    false => self.value_type(receiver, ancestors, hops),
                };
            }
        }
        let ident = p.path.get_ident()?;
        // `let x: T = …;` (or `let x: T;`), a parameter `x: T`.
        // `Command::Update(opt) => opt.process()`, `Update(UpdateOpt)` here.
        let declared = (self.declared_type(ident, ancestors))
            .or_else(|| self.variant_payload_type(ident, ancestors));
        if let Some(declared) = declared {
            return type_name(self, declared).filter(|t| !self.names_type_param(ancestors, t));
        }
        let init = self
            .binding_init(ident, ancestors)
            .or_else(|| self.unwrapped_from(ident, ancestors))?;
        self.value_type(
            without_clones(peeled(init, &["unwrap", "expect", "clone"])),
            ancestors,
            hops,
        )
    }

    /// The type of the value a `let` is initialised with, for
    /// [`Self::receiver_type_within`].
    fn value_type<'v>(&self, init: &Expr, ancestors: &[Node<'v>], hops: usize) -> Option<String> {
        let path = match init {
            // `let this = self.clone();`: the `impl`'s type.
            Expr::Path(p) if p.path.is_ident("self") => return Some("Self".to_string()),
            // `let sc = this.clone();` (or `Arc::clone(&this)`): `this`'s
            // type. Its name is resolved where the `let` writes it, so
            // `let this = this.clone();` reaches the outer `this`.
            Expr::Path(p)
                if hops < MAX_LOCAL_HOPS
                    && p.path.get_ident().is_some_and(|i| {
                        i != "self" && imports::unraw(i).starts_with(char::is_lowercase)
                    }) =>
            {
                return self.receiver_type_within(init, ancestors, hops + 1);
            }
            // `let w = Arc::new(Worker::new());`: methods reach through
            // `Arc`, `Rc` and `Box`.
            Expr::Call(c)
                if c.args.len() == 1
                    && hops < MAX_LOCAL_HOPS
                    && is_pointer_fn(&c.func, "new", &["Arc", "Rc", "Box"]) =>
            {
                return self.value_type(without_clones(&c.args[0]), ancestors, hops + 1);
            }
            Expr::Call(c) => match &*c.func {
                Expr::Path(p) => &p.path,
                _ => return None,
            },
            // Another crate's type has none of the crate's methods.
            Expr::Struct(s) if self.names_foreign_type(&s.path) => return None,
            Expr::Struct(s) => return type_path_names(self, &s.path).pop(),
            Expr::Path(p) if self.names_foreign_type(&p.path) => return None,
            // A unit struct (`let w = Worker;`); `None` is no type.
            Expr::Path(p) if p.qself.is_none() => {
                let name = type_path_names(self, &p.path).pop()?;
                let camel =
                    name.starts_with(char::is_uppercase) && name.chars().any(char::is_lowercase);
                return (camel && name != "None").then_some(name);
            }
            _ => return None,
        };
        // What another fn returns is what it declares
        // (`Callee::Returned`).
        if self.names_foreign_type(path) {
            return None;
        }
        constructed_type(&type_path_names(self, path))
    }

    fn call_site<'v>(
        &self,
        callee: Callee,
        expr: &'v Expr,
        ancestors: &[Node<'v>],
        impl_type_of: &dyn Fn(&[Node<'_>]) -> Option<String>,
        fn_key_of: &dyn Fn(&syn::ItemFn) -> Option<String>,
    ) -> (CallSite, Option<HandedClosure>) {
        let mut once = true;
        let mut repeats = false;
        // The call a closure around this one is handed to, by its span,
        // with the closure's place among the arguments.
        let mut handed: Option<HandedClosure> = None;
        let mut thread = SiteThread::Caller;
        let mut blocks_on = false;
        let mut blocks_on_parameter = false;
        // Whether a closure or an async block lies between the `block_on`
        // and the fn: the future then runs where that code does, not
        // where the fn's own body runs.
        let mut block_on_nested = false;
        let mut caller = Caller::Unknown;
        let mut in_detached_task = false;
        let mut child: Node<'v> = Node::Expr(expr);
        for (i, node) in ancestors.iter().enumerate().rev() {
            if blocks_on && matches!(node, Node::Expr(Expr::Closure(_) | Expr::Async(_))) {
                block_on_nested = true;
            }
            match node {
                node if super::loops::runs_again(node, Some(&child)) => {
                    once = false;
                    repeats = true;
                }
                // `let fut = work(); tokio::spawn(fut);`: the future runs
                // where it is spawned, not on its caller's thread.
                Node::Local(local)
                    if thread == SiteThread::Caller
                        && local
                            .init
                            .as_ref()
                            .is_some_and(|i| std::ptr::eq(&*i.expr, expr))
                        && threads::bound_value_is_spawned(self, local, ancestors) =>
                {
                    thread = SiteThread::Worker;
                    once = false;
                }
                Node::Expr(call @ (Expr::Call(_) | Expr::MethodCall(_))) => {
                    if let Some(name) = runner_of_argument(call, child) {
                        if threads::is_block_on_name(&name) {
                            if thread == SiteThread::Caller {
                                thread = SiteThread::Main;
                                blocks_on = true;
                                // On a runtime the caller built: of unknown
                                // flavour, whatever this fn builds.
                                blocks_on_parameter = threads::blocks_on_a_parameter(self, call);
                            }
                        } else if name.contains("spawn") {
                            // A thread started to block on a runtime of its
                            // own (`thread::spawn(move || rt.block_on(run()))`)
                            // runs that future once, as `main` would: it is
                            // the runtime's root, the thread's whole work.
                            if thread == SiteThread::Main
                                && self.starts_a_thread(call, &ancestors[..i])
                            {
                                child = *node;
                                continue;
                            }
                            // Any other spawned task or thread runs its code
                            // elsewhere than its caller's thread. `once` is
                            // for plain calls and awaits; the process-lifetime
                            // chain also passes through a task the caller
                            // detaches, which runs once.
                            if thread == SiteThread::Caller {
                                thread = SiteThread::Worker;
                            }
                            match self.detached_spawn_runs_once(call, child, &ancestors[..i]) {
                                true => in_detached_task = true,
                                false => once = false,
                            }
                        } else if runs_closure_once(call) {
                            // `Lazy::new(|| …)`, `get_or_init(|| …)`: once,
                            // on whichever thread gets there first.
                            if thread == SiteThread::Caller {
                                thread = SiteThread::Worker;
                            }
                            // On a static, it initialises the static.
                            if self.initializes_a_static(call) {
                                caller = Caller::Static;
                                break;
                            }
                        } else if matches!(child, Node::Expr(Expr::Closure(_))) {
                            // A closure given to anything else may run any
                            // number of times; anywhere, unless it is an
                            // adapter's of an iteration driven right here
                            // (`join_all(paths.iter().map(|p| load(p)))`).
                            once = false;
                            repeats = true;
                            if thread == SiteThread::Caller
                                && !threads::closure_runs_in_iteration(call)
                            {
                                // Handed to a call of a path (a fn the
                                // crate may define): the caller's thread
                                // if that fn calls it itself, decided with
                                // the crate; for now as if it did.
                                match closure_argument(call, child) {
                                    Some(index) if handed.is_none() => {
                                        let span = self.call_span(call);
                                        handed = Some(((span.start.byte, span.end.byte), index));
                                    }
                                    _ => thread = SiteThread::Worker,
                                }
                            }
                        }
                    }
                }
                // A closure given to a call is judged by that call; one bound
                // to a name or returned runs when someone decides.
                Node::Expr(Expr::Closure(_))
                    if !matches!(ancestors_parent_is_call(ancestors, node), Some(true)) =>
                {
                    once = false;
                    repeats = true;
                    if thread == SiteThread::Caller {
                        thread = SiteThread::Worker;
                    }
                }
                Node::ItemFn(f) => {
                    // A current-thread runtime's only worker is the thread
                    // that blocks on it: its other tasks stall with it.
                    if blocks_on {
                        thread = self.block_on_thread(
                            &f.sig,
                            &f.block,
                            blocks_on_parameter,
                            block_on_nested,
                        );
                    }
                    caller = fn_key_of(f).map_or(Caller::Unknown, Caller::Fn);
                    break;
                }
                Node::ImplFn(f) => {
                    if blocks_on {
                        thread = self.block_on_thread(
                            &f.sig,
                            &f.block,
                            blocks_on_parameter,
                            block_on_nested,
                        );
                    }
                    // A `#[tokio::main]` method builds a runtime and blocks
                    // on its body, as `block_on` does, on its caller's thread.
                    if thread == SiteThread::Caller && scope::has_main_attr(&f.attrs) {
                        thread = if scope::main_is_current_thread(&f.attrs) {
                            // The attribute says the main thread is the
                            // runtime's worker: so it is, whatever it spawns.
                            SiteThread::Worker
                        } else if builds_current_thread(self, &f.block) {
                            SiteThread::OnlyWorker
                        } else {
                            SiteThread::Main
                        };
                    }
                    let name = imports::unraw(&f.sig.ident);
                    caller = match impl_type_of(ancestors) {
                        Some(t) => Caller::Fn(format!("{t}::{name}")),
                        None => Caller::Unknown,
                    };
                    break;
                }
                Node::Static(_) => {
                    caller = Caller::Static;
                    break;
                }
                Node::Macro(m)
                    if m.path
                        .segments
                        .last()
                        .is_some_and(|s| s.ident == "lazy_static" || s.ident == "thread_local") =>
                {
                    caller = Caller::Static;
                    break;
                }
                Node::TraitFn(_) | Node::Const(_) => break,
                _ => {}
            }
            child = *node;
        }
        let arguments = match expr {
            Expr::MethodCall(m) => Some(Arguments {
                method_syntax: true,
                count: m.args.len(),
            }),
            // `Lazy::new(Bus::create)` calls `Bus::create()`.
            Expr::Call(c) if once_initializer_fn(c).is_some() => Some(Arguments {
                method_syntax: false,
                count: 0,
            }),
            Expr::Call(c) => Some(Arguments {
                method_syntax: false,
                count: c.args.len(),
            }),
            _ => None,
        };
        let site = CallSite {
            callee,
            caller,
            once: once && !in_detached_task,
            once_in_detached_task: once && in_detached_task,
            repeats,
            ends_caller: false,
            thread,
            span: self.call_span(expr),
            arguments,
            library: None,
            type_module: None,
            type_library: None,
        };
        (site, handed)
    }
}

/// Where a closure is handed (see [`CallSummary::closure_calls`]): the span of
/// the call (start and end byte), and the closure's place among its
/// arguments.
type HandedClosure = ((usize, usize), usize);

/// Whether `name` may name a fn: fns are named in snake case, unlike
/// constants, statics, types and enum variants.
fn names_a_fn(name: &str) -> bool {
    name.starts_with(|c: char| c.is_lowercase() || c == '_')
}

/// The place of the closure `child` among the arguments of `call`, a call
/// of a path (`f(1, || …)`).
fn closure_argument(call: &Expr, child: Node<'_>) -> Option<usize> {
    let (Expr::Call(c), Node::Expr(closure)) = (call, child) else {
        return None;
    };
    if !matches!(&*c.func, Expr::Path(p) if p.qself.is_none()) {
        return None;
    }
    c.args.iter().position(|a| std::ptr::eq(a, closure))
}

/// A path's segments as names (raw identifiers unprefixed).
pub(crate) fn segment_names(path: &syn::Path) -> Vec<String> {
    path.segments
        .iter()
        .map(|s| imports::unraw(&s.ident))
        .collect()
}

/// A path's segments as names (as [`segment_names`]), with a type that a
/// `use` imports under another name called by its own: after `use
/// crate::batch::BatchWorker as Worker;`, `Worker::new` is
/// `BatchWorker::new`, as the `impl` that defines it writes it. Methods are
/// keyed by their type's name, so the alias would name another type of the
/// crate called `Worker`, or none.
pub(crate) fn type_path_names(ctx: &FileContext<'_>, path: &syn::Path) -> Vec<String> {
    let mut names = segment_names(path);
    if let (Some(first), Some(name)) = (path.segments.first(), names.first_mut()) {
        if name.starts_with(char::is_uppercase) && path.leading_colon.is_none() {
            if let Some(original) = renamed_type(ctx, &first.ident) {
                *name = original;
            }
        }
    }
    names
}

/// The name a type imported as `alias` has where it is defined (`use
/// a::BatchWorker as Worker;`: `BatchWorker` for `Worker`), when the import
/// renames it.
fn renamed_type(ctx: &FileContext<'_>, alias: &syn::Ident) -> Option<String> {
    let full = ctx.resolve(&syn::Path::from(alias.clone()))?;
    let original = full.rsplit("::").next()?;
    (original != imports::unraw(alias) && original.starts_with(char::is_uppercase))
        .then(|| original.to_string())
}

/// How many `let`s from one local to another [`FileContext::receiver_type`]
/// follows (`let a = b.clone(); let c = a;`).
const MAX_LOCAL_HOPS: usize = 4;

/// `x` for `x.clone()`, `Arc::clone(&x)`, `Rc::clone(&x)`, `(x)` and `&x`:
/// the same value's type, as far as the methods called on it go (they
/// reach through `Arc` and `Rc`).
pub(super) fn without_clones(mut expr: &Expr) -> &Expr {
    loop {
        expr = match expr {
            Expr::Paren(p) => &p.expr,
            Expr::Reference(r) => &r.expr,
            Expr::MethodCall(m) if m.method == "clone" && m.args.is_empty() => &m.receiver,
            Expr::Call(c)
                if c.args.len() == 1
                    && is_pointer_fn(&c.func, "clone", &["Arc", "Rc", "Clone"]) =>
            {
                &c.args[0]
            }
            _ => return expr,
        };
    }
}

/// Whether `func` is a path ending in `Type::name` for one of `types`
/// (`Arc::new`, `std::rc::Rc::clone`).
fn is_pointer_fn(func: &Expr, name: &str, types: &[&str]) -> bool {
    let Expr::Path(p) = func else { return false };
    let names = segment_names(&p.path);
    matches!(names.as_slice(), [.., ty, f] if f == name && types.contains(&ty.as_str()))
}

/// `expr` without what keeps a value's type: `?`, `.await`, parentheses,
/// `&`, and calls of the `methods` (`.unwrap()`, `.clone()`…).
/// How many locals a receiver's value is followed through (`let b =
/// a.clone(); let c = Arc::clone(&b);`).
const MAX_SHARED_HOPS: usize = 4;

/// The value a shared pointer is made from or cloned from: `x` for
/// `Arc::new(x)`, `Rc::new(x)`, `Box::new(x)`, `Arc::clone(&x)`,
/// `Rc::clone(&x)` (peeled as [`peeled`] does); `expr` itself otherwise.
fn shared_value(expr: &Expr) -> &Expr {
    let Expr::Call(c) = expr else {
        return expr;
    };
    let Expr::Path(p) = &*c.func else {
        return expr;
    };
    let names = segment_names(&p.path);
    match (&names[..], c.args.len()) {
        ([.., ty, f], 1)
            if matches!(ty.as_str(), "Arc" | "Rc" | "Box")
                && matches!(f.as_str(), "new" | "clone") =>
        {
            peeled(&c.args[0], &["unwrap", "expect", "clone"])
        }
        _ => expr,
    }
}

/// `expr` without `?`, `.await`, parentheses, `&` and calls of `methods`
/// around it. With `unwrap` among `methods` (the value inside a `Result`),
/// also without the adapters that keep the value and change only the error
/// or the wrapper, of one argument: `make().await.map_err(internal)?`,
/// `.context("…")?`, `.ok_or(e)?` are `make()`'s value.
fn peeled<'e>(mut expr: &'e Expr, methods: &[&str]) -> &'e Expr {
    let through_results = methods.contains(&"unwrap");
    loop {
        expr = match expr {
            Expr::Try(t) => &t.expr,
            Expr::Await(a) => &a.base,
            Expr::Paren(p) => &p.expr,
            Expr::Reference(r) => &r.expr,
            Expr::MethodCall(m) if methods.contains(&m.method.to_string().as_str()) => &m.receiver,
            Expr::MethodCall(m)
                if through_results
                    && m.args.len() == 1
                    && VALUE_KEEPING_ADAPTERS.contains(&m.method.to_string().as_str()) =>
            {
                &m.receiver
            }
            _ => return expr,
        };
    }
}

/// Methods of `Result` and `Option` (and of `anyhow`'s, `eyre`'s and
/// `snafu`'s extension traits) that keep the success value and change only
/// the error (see [`peeled`]).
const VALUE_KEEPING_ADAPTERS: &[&str] = &[
    "map_err",
    "context",
    "with_context",
    "wrap_err",
    "wrap_err_with",
    "ok_or",
    "ok_or_else",
];

/// The type `T` a call of the path `names` returns when it is `T::new` (by
/// convention) or `T::default` (by the `Default` trait).
pub(crate) fn constructed_type(names: &[String]) -> Option<String> {
    match names {
        [.., ty, ctor]
            if ty != "Self"
                && ty.starts_with(char::is_uppercase)
                && matches!(ctor.as_str(), "new" | "default") =>
        {
            Some(ty.clone())
        }
        _ => None,
    }
}

/// Methods of std's iterators that make one (`v.iter()`, `it.map(f)`): a
/// method called on what they return (`v.iter().map(f).collect()`) is an
/// iterator's, never a method of the crate's (`Collector::collect`).
const ITERATOR_MAKERS: &[&str] = &[
    "iter",
    "iter_mut",
    "into_iter",
    "drain",
    "map",
    "filter",
    "filter_map",
    "flat_map",
    "flatten",
    "cloned",
    "copied",
    "chain",
    "zip",
    "enumerate",
    "skip",
    "take",
    "rev",
    "peekable",
    "take_while",
    "skip_while",
    "step_by",
    "inspect",
    "split",
    "split_whitespace",
    "lines",
    "chars",
    "bytes",
    "keys",
    "values",
    "values_mut",
    "into_keys",
    "into_values",
    "char_indices",
    "rsplit",
    "splitn",
    "fuse",
    "scan",
    "map_while",
    "windows",
    "chunks",
];

/// Whether `receiver` is an iterator made by one of [`ITERATOR_MAKERS`].
fn is_std_iterator(receiver: &Expr) -> bool {
    match receiver {
        Expr::Paren(p) => is_std_iterator(&p.expr),
        Expr::MethodCall(m) => ITERATOR_MAKERS.iter().any(|n| m.method == n),
        _ => false,
    }
}

/// The last segment of a type, through `&`, `Arc<…>`, `Box<…>`, `Rc<…>`.
pub(crate) fn type_name(ctx: &FileContext<'_>, ty: &syn::Type) -> Option<String> {
    named_type(ctx, pointee_path(ctx, ty)?)
}

/// The last segment of the type `path` names, when it may be one of the
/// crate's (named in upper case, of no crate the rules know).
fn named_type(ctx: &FileContext<'_>, path: &syn::Path) -> Option<String> {
    if ctx.names_known_foreign_type(path) {
        return None;
    }
    let name = type_path_names(ctx, path).pop()?;
    if !name.starts_with(char::is_uppercase) {
        return None;
    }
    // Another crate's type (`sysinfo::System`) goes by its full path,
    // which keys none of the crate's methods: a method called on a value
    // of it is none of the crate's fns (not a method of unknown type, which
    // may be any of them).
    match ctx.names_foreign_type(path) {
        true => ctx.resolve(path),
        false => Some(name),
    }
}

/// The path of the type `ty` holds a value of, through `&`, parentheses
/// and `Arc`, `Box`, `Rc` (`grpc::Client` in `Arc<grpc::Client>`).
fn pointee_path<'t>(ctx: &FileContext<'_>, ty: &'t syn::Type) -> Option<&'t syn::Path> {
    match ty {
        syn::Type::Reference(r) => pointee_path(ctx, &r.elem),
        syn::Type::Paren(p) => pointee_path(ctx, &p.elem),
        syn::Type::Path(p) if p.qself.is_none() => {
            let last = p.path.segments.last()?;
            let name = type_path_names(ctx, &p.path).pop()?;
            if !matches!(name.as_str(), "Arc" | "Box" | "Rc") {
                return Some(&p.path);
            }
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                return None;
            };
            args.args.iter().find_map(|a| match a {
                syn::GenericArgument::Type(t) => pointee_path(ctx, t),
                _ => None,
            })
        }
        _ => None,
    }
}

/// Whether the innermost fn around `ancestors` binds `name` as a variable
/// (a parameter, a `let`, a pattern); `cache` keeps each fn's names.
fn bound_in_enclosing_fn(
    ctx: &FileContext<'_>,
    ancestors: &[Node<'_>],
    name: &str,
    cache: &mut HashMap<super::scopes::TokenPos, BTreeSet<String>>,
) -> bool {
    struct Bound<'c, 'a>(&'c FileContext<'a>, BTreeSet<String>);
    impl<'v> Visit<'v> for Bound<'_, '_> {
        fn visit_pat_ident(&mut self, p: &'v syn::PatIdent) {
            self.1.insert(imports::unraw(&p.ident));
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_item(&mut self, _: &'v syn::Item) {}
        fn visit_macro(&mut self, m: &'v syn::Macro) {
            let ctx = self.0;
            ctx.visit_macro_body(m, self);
        }
    }
    let Some((id, sig, block)) = ancestors.iter().rev().find_map(|n| match n {
        // A fn is known by its `fn` token (see `keys`).
        Node::ItemFn(f) => Some((f.sig.fn_token.span.start(), &f.sig, &*f.block)),
        Node::ImplFn(f) => Some((f.sig.fn_token.span.start(), &f.sig, &f.block)),
        _ => None,
    }) else {
        return false;
    };
    let names = cache.entry(id).or_insert_with(|| {
        let mut bound = Bound(ctx, BTreeSet::new());
        bound.visit_signature(sig);
        bound.visit_block(block);
        bound.1
    });
    names.contains(name)
}

/// Whether the closure `node` is directly an argument of a call (then that
/// call decides how it runs).
fn ancestors_parent_is_call(ancestors: &[Node<'_>], node: &Node<'_>) -> Option<bool> {
    let index = ancestors.iter().position(
        |n| matches!((n, node), (Node::Expr(a), Node::Expr(b)) if std::ptr::eq(*a, *b)),
    )?;
    let parent = index.checked_sub(1).map(|i| ancestors[i])?;
    Some(match (parent, node) {
        (Node::Expr(Expr::Call(c)), Node::Expr(e)) => c.args.iter().any(|a| std::ptr::eq(a, *e)),
        (Node::Expr(Expr::MethodCall(m)), Node::Expr(e)) => {
            m.args.iter().any(|a| std::ptr::eq(a, *e))
        }
        _ => false,
    })
}

/// The last name of the call `call` when `child` is one of its arguments.
fn runner_of_argument(call: &Expr, child: Node<'_>) -> Option<String> {
    let Node::Expr(child) = child else {
        return None;
    };
    match call {
        Expr::Call(c) if c.args.iter().any(|a| std::ptr::eq(a, child)) => match &*c.func {
            Expr::Path(p) => p.path.segments.last().map(|s| imports::unraw(&s.ident)),
            _ => None,
        },
        Expr::MethodCall(m) if m.args.iter().any(|a| std::ptr::eq(a, child)) => {
            Some(imports::unraw(&m.method))
        }
        _ => None,
    }
}

/// The fn a lazy value's constructor is given by name (`Bus::create` in
/// `Lazy::new(Bus::create)`): it runs once, there, as a call of it would.
pub fn once_initializer_fn(call: &syn::ExprCall) -> Option<&Expr> {
    // Asked of every call the summary walks: no allocation.
    let arg = match call.args.len() {
        1 => &call.args[0],
        _ => return None,
    };
    let by_name = matches!(arg, Expr::Path(p) if p.qself.is_none());
    (by_name && is_lazy_constructor(&call.func)).then_some(arg)
}

/// `Lazy::new`, `LazyLock::new`, `LazyCell::new` (by their last segments).
fn is_lazy_constructor(func: &Expr) -> bool {
    let Expr::Path(p) = func else {
        return false;
    };
    let mut last = p.path.segments.iter().rev();
    last.next().is_some_and(|s| s.ident == "new")
        && last
            .next()
            .is_some_and(|s| s.ident == "Lazy" || s.ident == "LazyLock" || s.ident == "LazyCell")
}

/// Whether `call` runs the closure it is given at most once: a lazy
/// value's constructor or a once-cell's initializer.
fn runs_closure_once(call: &Expr) -> bool {
    match call {
        Expr::Call(c) => is_lazy_constructor(&c.func),
        Expr::MethodCall(m) => {
            let name = m.method.to_string();
            name.starts_with("get_or_init")
                || name.starts_with("get_or_try_init")
                || name.starts_with("call_once")
        }
        _ => false,
    }
}

impl FileContext<'_> {
    /// Whether the spawn `call` detaches a task or thread that runs its
    /// argument `child` at most once per run of its caller, so that the
    /// process-lifetime chain goes on through it (`fn main() {
    /// tokio::spawn(async { Collector::start().await }); … }`: a worker
    /// `start` spawns lasts as long as the task around it, which nothing
    /// can stop either). A future can be polled to completion only once;
    /// a thread or the blocking pool calls its closure once. The spawn
    /// must be one the rules know (`tokio::spawn`, a runtime's or handle's
    /// `spawn`, `std::thread::spawn`): a `JoinSet` keeps its tasks, and a
    /// crate's own spawning fn may call a closure again (a supervisor's
    /// `spawn_restarting(|| …)`). A task whose handle is kept (aborted on
    /// shutdown, awaited) is not one either: the caller may stop it, and
    /// what it spawned would outlive that.
    fn detached_spawn_runs_once<'v>(
        &'v self,
        call: &'v Expr,
        child: Node<'v>,
        ancestors: &[Node<'v>],
    ) -> bool {
        // A spawn the rules know to detach (not a `JoinSet`'s, whose set
        // keeps the task, nor a wrapper's, which may do anything).
        let Some(spawn) = self.spawn_call(call, ancestors, &crate::LintOptions::default()) else {
            return false;
        };
        let runs_once = !matches!(child, Node::Expr(Expr::Closure(_)))
            || matches!(spawn.kind, SpawnKind::Thread | SpawnKind::Blocking);
        runs_once
            && matches!(
                self.handle_disposition(call, ancestors),
                Handle::Discarded { .. }
            )
    }

    /// The thread of a call in the future that the fn with `sig` and `body`
    /// gives to `block_on`: the main thread, unless the fn builds a
    /// current-thread runtime, whose only worker that thread is (an async
    /// fn's `block_on` blocks a worker already). `on_parameter`: the
    /// runtime blocked on is a parameter, built by the caller. `nested`:
    /// the `block_on` is inside a closure or async block of the fn. One
    /// written in an async fn's own body runs the future on the thread
    /// that runs the fn, a runtime worker unless the fn is main-thread
    /// code itself: its caller's.
    fn block_on_thread(
        &self,
        sig: &syn::Signature,
        body: &syn::Block,
        on_parameter: bool,
        nested: bool,
    ) -> SiteThread {
        let builds = !on_parameter && builds_current_thread(self, body);
        match (builds, sig.asyncness.is_some()) {
            (false, true) if !nested => SiteThread::Caller,
            (false, _) => SiteThread::Main,
            (true, false) => SiteThread::OnlyWorker,
            (true, true) => SiteThread::Worker,
        }
    }
}

/// Whether `block` builds a current-thread runtime: it spells
/// `new_current_thread`, or calls a fn of this file that returns one.
fn builds_current_thread(ctx: &FileContext<'_>, block: &syn::Block) -> bool {
    threads::spells_current_thread(block)
        || ctx.any_expr(
            block,
            |e| matches!(e, Expr::Call(c) if threads::makes_current_thread_runtime(ctx, &c.func)),
        )
}

/// Collects the fns and methods of a file with their keys, and the type of
/// every method's `impl`.
struct Defs<'c, 'a, 'd> {
    ctx: &'c FileContext<'a>,
    /// The module being visited (inline `mod`s nest).
    module: String,
    impl_type: Option<String>,
    /// A method's `Self` type, by the method's `fn` token.
    method_types: HashMap<TokenPos, String>,
    /// A free fn's key, by its `fn` token.
    fn_keys: HashMap<TokenPos, String>,
    defs: &'d mut Vec<(String, std::ops::Range<usize>)>,
    facts: &'d mut Vec<super::follow::FnFacts>,
    param_calls: &'d mut Vec<(usize, usize, bool)>,
    struct_fields: &'d mut Vec<FieldDecl>,
    trait_impls: &'d mut Vec<(String, String)>,
    structs: &'d mut BTreeSet<String>,
}

impl Defs<'_, '_, '_> {
    /// Adds the facts of a fn of the file, and the parameters it calls.
    fn add_fn(&mut self, key: String, sig: &syn::Signature, block: &syn::Block, is_method: bool) {
        let fn_index = self.facts.len();
        self.facts
            .push(self.ctx.fn_facts(key, sig, block, is_method));
        (self.param_calls).extend(
            (self.ctx.called_params(sig, block).into_iter())
                .map(|(param, once)| (fn_index, param, once)),
        );
    }
}

impl<'v> Visit<'v> for Defs<'_, '_, '_> {
    fn visit_item_impl(&mut self, i: &'v syn::ItemImpl) {
        let self_type = super::impl_type_name(&i.self_ty);
        if let (Some(ty), Some((_, path, _))) = (&self_type, &i.trait_) {
            if let Some(last) = path.segments.last() {
                if !self.ctx.in_test_code(self.ctx.span_of(&i.self_ty)) {
                    self.trait_impls
                        .push((ty.clone(), imports::unraw(&last.ident)));
                }
            }
        }
        let outer = std::mem::replace(&mut self.impl_type, self_type);
        syn::visit::visit_item_impl(self, i);
        self.impl_type = outer;
    }

    /// A trait's provided methods are keyed by the trait's name
    /// (`Worker::run_forever`).
    fn visit_item_trait(&mut self, t: &'v syn::ItemTrait) {
        let outer = self.impl_type.replace(imports::unraw(&t.ident));
        syn::visit::visit_item_trait(self, t);
        self.impl_type = outer;
    }

    fn visit_trait_item_fn(&mut self, f: &'v syn::TraitItemFn) {
        if let (Some(trait_name), Some(block)) = (self.impl_type.clone(), &f.default) {
            let key = format!("{trait_name}::{}", imports::unraw(&f.sig.ident));
            let span = self.ctx.span_of(f);
            if !self.ctx.in_test_code(span) {
                self.add_fn(key.clone(), &f.sig, block, true);
                self.defs.push((key, span.start.byte..span.end.byte));
            }
            self.method_types.insert(fn_pos(&f.sig), trait_name.clone());
        }
        syn::visit::visit_trait_item_fn(self, f);
    }

    fn visit_item_struct(&mut self, s: &'v syn::ItemStruct) {
        if !self.ctx.in_test_code(self.ctx.span_of(&s.ident)) {
            let owner = imports::unraw(&s.ident);
            self.structs.insert(owner.clone());
            // A field typed with a type parameter may hold any type.
            let generic = |ty: &String| s.generics.type_params().any(|p| p.ident == ty);
            for field in &s.fields {
                let path = pointee_path(self.ctx, &field.ty);
                let ty = path
                    .and_then(|p| named_type(self.ctx, p))
                    .filter(|ty| !generic(ty));
                if let (Some(name), Some(path), Some(ty)) = (&field.ident, path, ty) {
                    let home = self.ctx.type_home_of_path(path, 0);
                    self.struct_fields.push(FieldDecl {
                        owner: owner.clone(),
                        field: imports::unraw(name),
                        ty,
                        module: home.module,
                        library: home.library,
                    });
                }
            }
        }
        syn::visit::visit_item_struct(self, s);
    }

    fn visit_item_mod(&mut self, m: &'v syn::ItemMod) {
        let outer = std::mem::replace(&mut self.module, imports::unraw(&m.ident));
        syn::visit::visit_item_mod(self, m);
        self.module = outer;
    }

    fn visit_item_fn(&mut self, f: &'v syn::ItemFn) {
        let span = self.ctx.item_fn_span(f);
        let key = format!("{}::{}", self.module, imports::unraw(&f.sig.ident));
        if !self.ctx.in_test_code(span) {
            self.defs
                .push((key.clone(), span.start.byte..span.end.byte));
            self.add_fn(key.clone(), &f.sig, &f.block, false);
        }
        self.fn_keys.insert(fn_pos(&f.sig), key);
        // A fn inside a fn is no method of the outer impl.
        let outer = self.impl_type.take();
        syn::visit::visit_item_fn(self, f);
        self.impl_type = outer;
    }

    fn visit_impl_item_fn(&mut self, f: &'v syn::ImplItemFn) {
        if let Some(ty) = self.impl_type.clone() {
            let key = format!("{ty}::{}", imports::unraw(&f.sig.ident));
            let span = self.ctx.impl_fn_span(f);
            if !self.ctx.in_test_code(span) {
                self.add_fn(key.clone(), &f.sig, &f.block, true);
                self.defs.push((key, span.start.byte..span.end.byte));
            }
            self.method_types.insert(fn_pos(&f.sig), ty.clone());
        }
        syn::visit::visit_impl_item_fn(self, f);
    }
}

/// A fn's identity in this file: where its `fn` token starts (one token,
/// one fn).
fn fn_pos(sig: &syn::Signature) -> TokenPos {
    sig.fn_token.span.start()
}

/// Collects the identifiers in macros whose bodies were not parsed.
struct UnreadMacros<'c, 'a, 'n> {
    ctx: &'c FileContext<'a>,
    summary: &'n mut CallSummary,
    /// The `Self` types of the `impl`s being visited, innermost last.
    impl_types: Vec<Option<String>>,
    /// [`CallSummary::macro_types`], one entry per macro.
    macro_types: BTreeMap<String, BTreeSet<String>>,
    /// How many inline modules deep the visit is.
    modules_deep: usize,
}

impl<'v> Visit<'v> for UnreadMacros<'_, '_, '_> {
    // A fn re-exported under another name in a nested inline module (`mod
    // a { pub mod b { pub use crate::daemon::run as run_daemon; } }`) is
    // called by that name elsewhere, which the crate does not follow back.
    // One the file's top or its top inline modules re-export is followed
    // ([`CallSummary::reexports`], [`CallSummary::module_reexports`]). A
    // private rename is called in this module only, where calls resolve
    // through the import to the fn itself.
    fn visit_item_use(&mut self, u: &'v syn::ItemUse) {
        if !matches!(u.vis, syn::Visibility::Inherited) && self.modules_deep > 1 {
            syn::visit::visit_item_use(self, u);
        }
    }

    fn visit_item_mod(&mut self, m: &'v syn::ItemMod) {
        self.modules_deep += 1;
        syn::visit::visit_item_mod(self, m);
        self.modules_deep -= 1;
    }

    fn visit_use_rename(&mut self, r: &'v syn::UseRename) {
        let name = imports::unraw(&r.ident);
        self.summary.opaque.insert(format!("*::{name}"));
        self.summary.opaque.insert(name);
    }

    fn visit_item_impl(&mut self, i: &'v syn::ItemImpl) {
        self.impl_types.push(super::impl_type_name(&i.self_ty));
        syn::visit::visit_item_impl(self, i);
        self.impl_types.pop();
    }

    // `macro_rules! m { … $ty::name(…) … }` calls `T::name` for the types
    // its invocations name, which the crate's invocations of `m!` say;
    // `Self::name` there is a method of the type of an `impl` the body
    // writes (`impl From<u64> for $ty`, `impl Slot`) or of the `impl` an
    // invocation stands in: the types the body names count as named by
    // its invocations.
    fn visit_item_macro(&mut self, item: &'v syn::ItemMacro) {
        match &item.ident {
            Some(name) if item.mac.path.is_ident("macro_rules") => {
                let mut generic = BTreeSet::new();
                collect_idents(
                    item.mac.tokens.clone(),
                    &mut self.summary.opaque,
                    &mut generic,
                    true,
                );
                let name = imports::unraw(name);
                let mut body_types = BTreeSet::new();
                upper_case_idents(item.mac.tokens.clone(), &mut body_types);
                body_types.remove("Self");
                if !body_types.is_empty() {
                    (self.macro_types.entry(name.clone()).or_default()).extend(body_types);
                }
                self.summary
                    .macro_methods
                    .extend(generic.into_iter().map(|m| (name.clone(), m)));
            }
            _ => syn::visit::visit_item_macro(self, item),
        }
    }

    fn visit_macro(&mut self, mac: &'v syn::Macro) {
        if let Some(name) = mac.path.segments.last() {
            let mut types = BTreeSet::new();
            upper_case_idents(mac.tokens.clone(), &mut types);
            // Invoked in an `impl`: its `Self`.
            types.extend(self.impl_types.last().cloned().flatten());
            if !types.is_empty() {
                (self
                    .macro_types
                    .entry(imports::unraw(&name.ident))
                    .or_default())
                .extend(types);
            }
        }
        match self.ctx.macro_body(mac) {
            MacroBody::Tokens => {
                let mut generic = BTreeSet::new();
                collect_idents(
                    mac.tokens.clone(),
                    &mut self.summary.opaque,
                    &mut generic,
                    false,
                );
                // Outside `macro_rules!`, `$` means nothing: any method.
                self.summary
                    .opaque
                    .extend(generic.into_iter().map(|m| format!("*::{m}")));
            }
            _ => self.ctx.visit_macro_body(mac, self),
        }
    }
}

/// The identifiers that start with an upper-case letter (type names).
fn upper_case_idents(tokens: proc_macro2::TokenStream, found: &mut BTreeSet<String>) {
    for token in tokens {
        match token {
            proc_macro2::TokenTree::Ident(i) => {
                let name = i.to_string();
                if name.starts_with(char::is_uppercase) {
                    found.insert(name);
                }
            }
            proc_macro2::TokenTree::Group(g) => upper_case_idents(g.stream(), found),
            _ => {}
        }
    }
}

/// Whether the bare name at `i` in a macro's tokens may name a fn: it is
/// called (`name(…)`) or stands alone as a value (`f(name)`, `x = name;`),
/// not a binding (`let start = …`), a field or a type position.
fn bare_name_may_be_fn(tokens: &[proc_macro2::TokenTree], i: usize) -> bool {
    use proc_macro2::{Delimiter, TokenTree};
    let prev = i.checked_sub(1).map(|j| &tokens[j]);
    let next = tokens.get(i + 1);
    if matches!(next, Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis) {
        return true;
    }
    let value_before = match prev {
        None => true,
        Some(TokenTree::Punct(p)) => matches!(p.as_char(), ',' | '=' | '(' | '&'),
        Some(TokenTree::Ident(id)) => id == "return" || id == "move",
        _ => false,
    };
    let value_after = match next {
        None => true,
        Some(TokenTree::Punct(p)) => matches!(p.as_char(), ',' | ';' | ')'),
        Some(TokenTree::Group(g)) => g.delimiter() == Delimiter::None,
        _ => false,
    };
    value_before && value_after
}

/// The fns an unread macro may call, from its tokens: `Type::name` after an
/// upper-case type, `*::name` (any method) after `Self::` or in a method
/// call `.name(…)` (not a field `.name`), and `name` (a free fn) where it
/// may be one ([`bare_name_may_be_fn`]), into `names`; the `name`s of
/// `$ty::name` (a macro variable's type) into `generic`, and those of
/// `Self::name` too when `self_generic` (in a `macro_rules!` body, `Self`
/// is the type of wherever it expands).
fn collect_idents(
    tokens: proc_macro2::TokenStream,
    names: &mut BTreeSet<String>,
    generic: &mut BTreeSet<String>,
    self_generic: bool,
) {
    use proc_macro2::TokenTree;
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Ident(ident) => {
                let name = ident.to_string().trim_start_matches("r#").to_string();
                let punct = |k: usize| match i.checked_sub(k).map(|j| &tokens[j]) {
                    Some(TokenTree::Punct(p)) => Some(p.as_char()),
                    _ => None,
                };
                let owner = match i.checked_sub(3).map(|j| &tokens[j]) {
                    Some(TokenTree::Ident(o)) => Some(o.to_string()),
                    _ => None,
                };
                let after_path = punct(1) == Some(':') && punct(2) == Some(':');
                if punct(1) == Some('.') {
                    // `x.name(…)` or `x.name::<T>(…)`; `x.name` alone is a
                    // field (a method is no value).
                    let called = match tokens.get(i + 1) {
                        Some(TokenTree::Group(g)) => {
                            g.delimiter() == proc_macro2::Delimiter::Parenthesis
                        }
                        Some(TokenTree::Punct(p)) => p.as_char() == ':',
                        _ => false,
                    };
                    if called {
                        names.insert(format!("*::{name}"));
                    }
                } else if after_path {
                    match owner {
                        Some(_) if punct(4) == Some('$') => generic.insert(name),
                        Some(o) if o == "Self" && self_generic => generic.insert(name),
                        Some(o) if o == "Self" => names.insert(format!("*::{name}")),
                        Some(o) if o.starts_with(char::is_uppercase) => {
                            names.insert(format!("{o}::{name}"))
                        }
                        Some(_) => names.insert(name),
                        // `$ty::name`: any type's.
                        None => names.insert(format!("*::{name}")),
                    };
                } else if bare_name_may_be_fn(&tokens, i) {
                    names.insert(name);
                }
            }
            TokenTree::Group(g) => collect_idents(g.stream(), names, generic, self_generic),
            _ => {}
        }
    }
}

/// How the fns of a crate are reached (see [`reached_from_main`]), by key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reached {
    /// Reached only from `main`, once ([`crate::ReachKind::Once`]).
    pub once: BTreeSet<String>,
    /// Reached only from `main`, once, through plain calls and awaits that
    /// each end their caller ([`crate::ReachKind::AwaitedOnce`]).
    pub awaited_once: BTreeSet<String>,
    /// Reached only from `main`, on the main thread
    /// ([`crate::ReachKind::MainThread`]).
    pub main_thread: BTreeSet<String>,
    /// Called by fns of the crate, each call plain (or the future a sync
    /// caller blocks on) and at most once per run of its caller, never in
    /// a spawned task: one step of the caller's work (see
    /// [`crate::ReachKind::MainThreadOrAwaited`]).
    pub awaited: BTreeSet<String>,
    /// Run many times per run of the process, as far as the crate shows: a
    /// request handler (it takes a request or an extractor, or it is an
    /// async fn handed by name to code the crate does not show), a fn
    /// called in a loop or in a closure that may run many times, and the
    /// fns such a fn calls directly: a fn it awaits once is not start-up
    /// ([`crate::ReachKind::MainThreadOrAwaited`]).
    pub repeated: BTreeSet<String>,
    /// Sync fns that block on a current-thread runtime of their own whose
    /// futures spawn no task ([`crate::ReachKind::QuietRuntime`]).
    pub quiet_runtimes: BTreeSet<String>,
    /// For fns not in `once` that the crate shows to run many times, the
    /// calls that show it: from a call in a loop, or in a request handler,
    /// down to the fn (at most [`MAX_REPEAT_HOPS`] calls). A finding kept
    /// because its fn is not start-up code names them, so that its reader
    /// need not search for the caller that makes it so.
    pub repeat_paths: BTreeMap<String, Vec<RepeatHop>>,
}

/// The most calls [`Reached::repeat_paths`] follows down from a fn that
/// runs many times: as many as a task body is followed by default.
pub const MAX_REPEAT_HOPS: usize = 4;

/// One call on a [`Reached::repeat_paths`] path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatHop {
    /// The summary whose file has the call, by its place among those
    /// [`reached_from_main`] was given.
    pub file: usize,
    /// The call.
    pub span: crate::Span,
    /// The fn called and the fn calling, as a reader knows them
    /// (`Services::new`, `handle`).
    pub callee: String,
    pub caller: String,
    /// Why the call may run many times.
    pub why: RepeatWhy,
}

/// Why a [`RepeatHop`]'s call may run many times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepeatWhy {
    /// It is in a loop, or in a closure that may run many times.
    Loop,
    /// Its caller takes a request or an extractor.
    Handler,
    /// Its caller is an async fn handed by name to code the crate does not
    /// show (a router).
    Handed,
    /// Its caller is the callee of the hop before.
    Caller,
}

impl RepeatHop {
    /// What the hop's note says.
    pub fn message(&self) -> String {
        let (callee, caller) = (&self.callee, &self.caller);
        match self.why {
            RepeatWhy::Loop => {
                format!("`{callee}` is called here, in a loop or a closure that may run many times")
            }
            RepeatWhy::Handler => {
                format!("`{callee}` is called here, by `{caller}`, which handles requests")
            }
            RepeatWhy::Handed => format!(
                "`{callee}` is called here, by `{caller}`, which is handed by name to code that \
                 may call it many times"
            ),
            RepeatWhy::Caller => {
                format!("`{callee}` is called here, by `{caller}`, so it too may run many times")
            }
        }
    }
}

/// A fn's key as its reader knows the fn: `Type::name` for a method,
/// `name` for a free fn, without the namespace of its unit or module.
fn shown_fn(key: &str) -> String {
    let key = whole_key(without_namespace(key));
    let mut parts = key.rsplit("::");
    let name = parts.next().unwrap_or(key);
    match parts.next() {
        Some(owner) if owner.starts_with(char::is_uppercase) => format!("{owner}::{name}"),
        _ => name.to_string(),
    }
}

/// By a fn's name, the names of the fns of a crate that may call it (see
/// [`CallerNames::possible_callers`]).
#[derive(Debug, Default)]
pub struct CallerNames {
    callers: HashMap<String, BTreeSet<String>>,
}

impl CallerNames {
    /// The callers the calls of `summaries` show, by name alone (a call of
    /// any fn of a name counts), with the names re-exports give fns and
    /// the macros of the crate that call them. A fn mentioned other than as
    /// a callee (handed by name, or in a macro leaklint cannot read) may be
    /// called by any fn of the file that mentions it.
    pub fn of<'s>(summaries: impl IntoIterator<Item = &'s CallSummary>) -> CallerNames {
        use super::paths::last_segment;
        let mut names = CallerNames::default();
        let mut add = |callee: &str, caller: &str| {
            (names.callers.entry(callee.to_string()).or_default()).insert(caller.to_string());
        };
        for s in summaries {
            let sites = (s.calls.iter()).chain(s.fn_values.iter().map(|v| &v.site));
            for site in sites {
                if let Caller::Fn(key) = &site.caller {
                    add(site.callee.name(), last_segment(key));
                }
            }
            for mention in &s.opaque {
                for (key, _) in &s.defs {
                    add(last_segment(mention), last_segment(key));
                }
            }
            let reexports = (s.reexports.iter().map(|(name, path)| (name, path))).chain(
                s.module_reexports
                    .iter()
                    .map(|(_, name, path)| (name, path)),
            );
            for (name, path) in reexports {
                if let Some(original) = path.last() {
                    add(original, name);
                }
            }
            for (mac, method) in &s.macro_methods {
                add(method, mac);
            }
        }
        names
    }

    /// The names of the fns that may call a fn named one of `names`,
    /// directly or through other fns, `names` included. A file that cannot
    /// be parsed may call one of `names`, as far as the crate can tell,
    /// only if it spells one of these.
    pub fn possible_callers(&self, names: impl IntoIterator<Item = String>) -> BTreeSet<String> {
        let mut found: BTreeSet<String> = BTreeSet::new();
        let mut pending: Vec<String> = names.into_iter().collect();
        while let Some(name) = pending.pop() {
            if let Some(of) = self.callers.get(&name) {
                pending.extend(of.iter().filter(|c| !found.contains(*c)).cloned());
            }
            found.insert(name);
        }
        found
    }
}

/// The fns of a crate that are reached only from `main`, and those only
/// awaited as one step of other fns ([`Reached`]). `structs_known` says
/// which structs have every definition among `summaries` (`None`: all of
/// them): a method of such a struct's field (`services.cluster.start()`)
/// is a method of the field's declared type, when the crate has methods of
/// it.
pub fn reached_from_main<'s>(
    summaries: impl IntoIterator<Item = &'s CallSummary> + Clone,
    structs_known: Option<&BTreeSet<String>>,
) -> Reached {
    // Free fns by name, with the module their path names (if any) and
    // whether the call names a fn its own file defines at its top
    // (`run()` or `crate::run()` in a `main.rs` that has a `fn run`):
    // then it is that fn, whatever other modules define.
    let mut free: BTreeMap<&str, Vec<FreeCall<'_>>> = BTreeMap::new();
    // The modules of the crate roots named by their library (`app`): a
    // path through one names the root's fn of that name, or else may name
    // a re-export of any module's fn, as one through `crate::` may.
    let roots: BTreeSet<&str> = (summaries.clone().into_iter())
        .filter(|s| s.crate_root)
        .map(|s| s.module.as_str())
        .collect();
    // `(module, name, module of the fn)`: a module's re-exports of free fns
    // (`pub use reporter::start;` in `db`), through which `db::start()`
    // calls `reporter::start`.
    // `(re-exporting module, name, path)`, the file's own and its inline
    // modules' (`prelude::start()`).
    let all_reexports: Vec<(&str, &String, &Vec<String>)> = (summaries.clone().into_iter())
        .flat_map(|s| {
            let own = (s.reexports.iter()).map(move |(name, path)| (s.module.as_str(), name, path));
            let inline =
                (s.module_reexports.iter()).map(|(m, name, path)| (m.as_str(), name, path));
            own.chain(inline)
        })
        .collect();
    // By the fn's own name, the re-exports that rename it (`pub use
    // heartbeat::start as start_heartbeat;` in the library root), as
    // `(module, alias, module of the fn)`: `cronkit::start_heartbeat()`
    // calls `heartbeat::start`.
    let mut reexports: BTreeSet<Reexport<'_>> = BTreeSet::new();
    let mut renamed: BTreeMap<&str, Vec<Reexport<'_>>> = BTreeMap::new();
    for (reexporter, name, path) in all_reexports {
        let Some((module, original)) = reexported_fn(path, Some(reexporter)) else {
            continue;
        };
        reexports.insert((reexporter, name.as_str(), module));
        if original != name {
            (renamed.entry(original).or_default()).push((reexporter, name.as_str(), module));
        }
    }
    let mut assoc: BTreeMap<String, Vec<&CallSite>> = BTreeMap::new();
    let mut methods: BTreeMap<&str, Vec<&CallSite>> = BTreeMap::new();
    let mut opaque: BTreeSet<&str> = BTreeSet::new();
    let mut once: BTreeSet<String> = BTreeSet::new();
    let mut main_thread: BTreeSet<String> = BTreeSet::new();
    // The crate's fns, the types it has methods of, and its structs' fields.
    let keys: BTreeSet<&str> = summaries
        .clone()
        .into_iter()
        .flat_map(|s| &s.defs)
        .map(|(key, _)| key.as_str())
        .collect();
    // What each fn takes (same-named fns of several modules: each).
    let mut signatures: BTreeMap<&str, Vec<(bool, usize)>> = BTreeMap::new();
    for facts in summaries.clone().into_iter().flat_map(|s| &s.fns) {
        signatures
            .entry(facts.key.as_str())
            .or_default()
            .push((facts.takes_self, facts.params));
    }
    let types_with_methods: BTreeSet<&str> = keys
        .iter()
        .filter_map(|key| key.rsplit_once("::").map(|(owner, _)| owner))
        .filter(|owner| owner.starts_with(char::is_uppercase))
        .collect();
    let struct_fields: Vec<&FieldDecl> = summaries
        .clone()
        .into_iter()
        .flat_map(|s| &s.struct_fields)
        .collect();
    // With the module of the crate the last field's declaration names.
    let field_owner_type = |owner: &String, fields: &[String]| -> Option<(&str, TypeHome<&str>)> {
        // Every struct on the way is one whose definitions are loaded.
        let known = |ty: &str| structs_known.is_none_or(|known| known.contains(ty));
        field_path_type(|| struct_fields.iter().copied(), owner, fields, known)
            .filter(|(ty, _)| types_with_methods.contains(ty))
    };
    let field_type_of =
        |owner: &String, fields: &[String]| field_owner_type(owner, fields).map(|(ty, _)| ty);
    // The module of the type of the field a call's receiver is, where its
    // declaration names one: as `CallSite::type_module` of other calls.
    let mut field_modules: HashMap<*const CallSite, &str> = HashMap::new();
    let fns = FnIndex::new(summaries.clone().into_iter().flat_map(|s| &s.fns));
    // A fn handed by name to a fn of the crate that calls that parameter
    // itself (`init_protocol("ftp", init_ftp)` awaiting `init()`) is called
    // there, on the thread of the call that hands it; handed anywhere else,
    // it is a mention of unknown use.
    // The parameters each fn calls itself, by the fn's facts.
    let mut param_calls: HashMap<*const super::follow::FnFacts, Vec<(usize, bool)>> =
        HashMap::new();
    for summary in summaries.clone() {
        for &(f, param, once) in &summary.param_calls {
            if let Some(facts) = summary.fns.get(f) {
                (param_calls.entry(std::ptr::from_ref(facts)).or_default()).push((param, once));
            }
        }
    }
    let calls_handed =
        |higher: &Callee, index: usize| calls_handed_fn(higher, index, &fns, &param_calls);
    let mut handed: Vec<(usize, &CallSummary, CallSite)> = Vec::new();
    for (file, summary) in summaries.clone().into_iter().enumerate() {
        for value in &summary.fn_values {
            match calls_handed(&value.higher, value.index) {
                Some(once) => {
                    let mut site = value.site.clone();
                    site.once &= once;
                    site.repeats |= !once;
                    handed.push((file, summary, site));
                }
                None => opaque.extend(value.mention.iter().map(String::as_str)),
            }
        }
    }
    // A call in a closure handed to a fn that does not call it itself runs
    // on another thread, as far as leaklint knows.
    for (file, summary) in summaries.clone().into_iter().enumerate() {
        for closure in &summary.closure_calls {
            let Some(site) = summary.calls.get(closure.call) else {
                continue;
            };
            let mut site = site.clone();
            if calls_handed(&closure.higher, closure.index).is_none() {
                site.thread = SiteThread::Worker;
            }
            handed.push((file, summary, site));
        }
    }
    let all_sites = (summaries.clone().into_iter().enumerate())
        .flat_map(|(file, s)| {
            (s.calls.iter().enumerate())
                .filter(|(i, _)| !s.closure_calls.iter().any(|c| c.call == *i))
                .map(move |(_, c)| (file, s, c))
        })
        .chain(handed.iter().map(|(file, s, site)| (*file, *s, site)));
    // The file of each call, by its summary's place among `summaries`.
    let mut site_files: HashMap<*const CallSite, usize> = HashMap::new();
    for (file, summary, site) in all_sites {
        site_files.insert(std::ptr::from_ref(site), file);
        {
            match &site.callee {
                Callee::Free(m, n) => {
                    let module = summary.module.as_str();
                    let own = m.as_deref().is_none_or(|m| {
                        m == module || m == "self" || (m == "crate" && summary.crate_root)
                    }) && (summary.defs.iter()).any(|(k, _)| {
                        k.strip_suffix(n.as_str())
                            .and_then(|k| k.strip_suffix("::"))
                            .is_some_and(|k| k == module)
                    });
                    let own = own.then_some(module);
                    free.entry(n).or_default().push((m.as_deref(), own, site))
                }
                Callee::Assoc(k) => assoc.entry(k.clone()).or_default().push(site),
                Callee::Field {
                    owner,
                    fields,
                    method,
                } => match field_owner_type(owner, fields) {
                    Some((ty, home)) => {
                        if let Some(module) = home.module {
                            field_modules.insert(std::ptr::from_ref(site), module);
                        }
                        (assoc.entry(format!("{ty}::{method}")).or_default()).push(site);
                    }
                    None => methods.entry(method).or_default().push(site),
                },
                // A method on a receiver of unknown type counts as a call
                // of any method of the name.
                // On what a crate fn returns: a method of the type it
                // declares, when the crate has methods of that type.
                Callee::Returned { call, method } => {
                    match call_returns(call, &fns, &field_type_of)
                        .filter(|ty| types_with_methods.contains(ty))
                    {
                        Some(ty) => assoc
                            .entry(format!("{ty}::{method}"))
                            .or_default()
                            .push(site),
                        None => methods.entry(method).or_default().push(site),
                    }
                }
                Callee::Method(n) => methods.entry(n).or_default().push(site),
            }
        }
    }
    for summary in summaries.clone() {
        opaque.extend(summary.opaque.iter().map(String::as_str));
    }
    // What the crate's `macro_rules!` call on the types their invocations name.
    let mut invoked_with: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for summary in summaries.clone() {
        for (mac, types) in &summary.macro_types {
            invoked_with
                .entry(mac.as_str())
                .or_default()
                .extend(types.iter().map(String::as_str));
        }
    }
    let mut generic_calls: BTreeSet<String> = BTreeSet::new();
    for summary in summaries.clone() {
        for (mac, method) in &summary.macro_methods {
            for ty in invoked_with.get(mac.as_str()).into_iter().flatten() {
                generic_calls.insert(format!("{ty}::{method}"));
            }
        }
    }
    opaque.extend(generic_calls.iter().map(String::as_str));
    for summary in summaries.clone() {
        for (name, runtime) in &summary.mains {
            once.insert(name.clone());
            if *runtime == MainRuntime::MultiThread {
                main_thread.insert(name.clone());
            }
        }
    }
    // A `main` that something calls is not only an entry point.
    // (`cli::main()` is another module's `main`.)
    let called = |key: &String| {
        let (module, name) = key.rsplit_once("::").unwrap_or(("", key));
        free.get(name).is_some_and(|sites| {
            sites.iter().any(|(m, _, _)| {
                m.is_none_or(|m| m == module || matches!(m, "crate" | "self" | "super"))
            })
        })
    };
    once.retain(|m| !called(m));
    main_thread.retain(|m| !called(m));
    // Whether the fn of `key` is mentioned by its path other than as a
    // callee (handed by name to something the crate does not show calling
    // it, or named in an unreadable macro).
    let mentioned = |key: &str| {
        let name = key.rsplit("::").next().unwrap_or(key);
        let owner = key.rsplit_once("::").map_or("", |(owner, _)| owner);
        opaque.contains(key) || (!owner.starts_with(char::is_uppercase) && opaque.contains(name))
    };
    // …or, for a method, as `Self::name` where leaklint cannot tell the
    // type (a trait's default body): either way it may be called from
    // anywhere.
    let hidden = |key: &str| {
        let name = key.rsplit("::").next().unwrap_or(key);
        let owner = key.rsplit_once("::").map_or("", |(owner, _)| owner);
        mentioned(key)
            || (owner.starts_with(char::is_uppercase)
                && opaque.contains(format!("*::{name}").as_str()))
    };
    // Every call that may be the fn of `key`.
    let callers = |key: &str| -> Option<Vec<&CallSite>> {
        let name = key.rsplit("::").next().unwrap_or(key);
        let owner = key.rsplit_once("::").map_or("", |(owner, _)| owner);
        let method = owner.starts_with(char::is_uppercase);
        if hidden(key) {
            return None;
        }
        let mut sites = Vec::new();
        if method {
            sites.extend(assoc.get(key).into_iter().flatten());
            sites.extend(methods.get(name).into_iter().flatten());
        } else {
            // `name()`, `owner::name()`, or a path whose module leaklint
            // cannot tell apart (`self::`, `super::`, `crate::`, a library's
            // name).
            sites.extend(
                free.get(name)
                    .into_iter()
                    .flatten()
                    .filter(|(module, own, _)| {
                        if let Some(own) = own {
                            return *own == owner;
                        }
                        module.is_none_or(|m| {
                            m == owner
                                || matches!(m, "self" | "super" | "crate")
                                // A library root's own fn of the name is the one.
                                || (roots.contains(m) && !keys.contains(format!("{m}::{name}").as_str()))
                                || reexports.contains(&(m, name, Some(owner)))
                                || reexports.contains(&(m, name, None))
                        })
                    })
                    .map(|(_, _, site)| *site),
            );
            // `alias()` or `module::alias()`, the fn renamed by a re-export,
            // also of a module that re-exports it in turn (`pub use
            // services::spawn as start;` with `pub use self::pump::spawn;`
            // in `services`).
            for (reexporter, alias, of) in renamed.get(name).into_iter().flatten() {
                if of.is_some_and(|of| !reexports_lead_to(&reexports, of, name, owner)) {
                    continue;
                }
                sites.extend(
                    (free.get(alias).into_iter().flatten())
                        .filter(|(module, own, _)| {
                            own.is_none()
                                && module.is_none_or(|m| {
                                    m == *reexporter
                                        || matches!(m, "self" | "super" | "crate")
                                        || roots.contains(m)
                                })
                        })
                        .map(|(_, _, site)| *site),
                );
            }
        }
        // A call that passes other arguments than the fn takes is not it.
        sites.retain(|site| {
            site.arguments.is_none_or(|args| {
                signatures
                    .get(key)
                    .is_none_or(|sigs| sigs.iter().any(|&(s, n)| args.fit(s, n)))
            })
        });
        (!sites.is_empty()).then_some(sites)
    };
    // A method key (`Client::start`) that types of several modules define
    // names several fns: each is decided on its own, as `module@key`
    // ([`split_key`]), with the calls that may be its (a call whose
    // receiver's type an import names, `type_module`, is the method of
    // that module's type; any other may be any of them). The key itself
    // stands for all of them: a call made in one counts as made in the set
    // only when every one of them is in it.
    let mut modules_of_key: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for summary in summaries.clone() {
        for (key, _) in &summary.defs {
            let owner = key.rsplit_once("::").map_or("", |(owner, _)| owner);
            if owner.starts_with(char::is_uppercase) {
                (modules_of_key.entry(key.as_str()).or_default()).insert(summary.module.as_str());
            }
        }
    }
    modules_of_key.retain(|_, modules| modules.len() > 1);
    let mut all_callers: Vec<(String, Vec<&CallSite>)> = Vec::new();
    for key in &keys {
        let Some(sites) = callers(key) else {
            continue;
        };
        let Some(modules) = modules_of_key.get(key) else {
            all_callers.push((key.to_string(), sites));
            continue;
        };
        let of_module = |site: &CallSite, module: &str| {
            let type_module = (site.type_module.as_deref())
                .or_else(|| field_modules.get(&std::ptr::from_ref(site)).copied());
            type_module.is_none_or(|m| m == module || !modules.contains(m))
        };
        for module in modules {
            let sites: Vec<&CallSite> = (sites.iter().copied())
                .filter(|site| of_module(site, module))
                .collect();
            if !sites.is_empty() {
                all_callers.push((split_key(module, key), sites));
            }
        }
    }
    // Adds or removes a split key's own key (see above) as its fns are all
    // in `set` or not; whether it is in.
    let settle_whole = |set: &mut BTreeSet<String>, key: &str, modules: &BTreeSet<&str>| {
        let all = modules.iter().all(|m| set.contains(&split_key(m, key)));
        match all {
            true => set.insert(key.to_string()),
            false => set.remove(key),
        };
        all
    };
    let settle_split = |set: &mut BTreeSet<String>| {
        for (key, modules) in &modules_of_key {
            settle_whole(set, key, modules);
        }
    };
    // A current-thread runtime whose future spawns no task runs nothing
    // else: the thread blocking on it is the main thread.
    let files: Vec<&CallSummary> = summaries.clone().into_iter().collect();
    let quiet = quiet_current_thread_runtimes(&files, &called);
    // The multi-thread `main`s, before the quiet runtimes join them.
    let mut below_multi_thread = main_thread.clone();
    let quiet_runtimes = quiet.fns.clone();
    main_thread.extend(quiet.fns);
    // A fn whose tasks end before it returns runs beside them: not on a
    // quiet thread, nor are the fns it calls (as far as they are its).
    let beside_its_tasks: BTreeSet<&str> = (fns.by_key.values().flatten())
        .filter(|f| f.spawns_joined_task)
        .map(|f| f.key.as_str())
        .collect();
    // The fns (by their place in `all_callers`) each fn calls: a fn's
    // joining a set depends on the set only through its callers, so only
    // these may join once it has.
    let mut callees_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (_, sites)) in all_callers.iter().enumerate() {
        for site in sites {
            if let Caller::Fn(f) = &site.caller {
                callees_of.entry(f.as_str()).or_default().push(i);
            }
        }
    }
    // Adds to `set` the fns that `joins` (given a fn's key, its call sites
    // and the set so far) lets in, until it lets in no more. Every test
    // only gains from a larger set, so the order of the tests does not
    // change the result: each fn is tested once, and again whenever one of
    // its callers joins.
    let extend_while = |set: &mut BTreeSet<String>, joins: &JoinTest<'_>| {
        settle_split(set);
        let mut queued = vec![true; all_callers.len()];
        let mut pending: Vec<usize> = (0..all_callers.len()).rev().collect();
        while let Some(i) = pending.pop() {
            queued[i] = false;
            let (key, sites) = &all_callers[i];
            if set.contains(key) || !joins(key, sites, set) {
                continue;
            }
            set.insert(key.clone());
            // The calls made in it are made in the set once the key they
            // name is: a split key's, when all its fns are.
            let caller = whole_key(key);
            if let Some(modules) = modules_of_key.get(caller) {
                if !settle_whole(set, caller, modules) {
                    continue;
                }
            }
            for &callee in callees_of.get(caller).into_iter().flatten() {
                if !std::mem::replace(&mut queued[callee], true) {
                    pending.push(callee);
                }
            }
        }
    };
    // The fns each of whose callers is in `set` (or becomes so) and calls
    // them so that `ok` holds, added to `set`: at the least fixpoint, as
    // a fn called by itself or in a cycle is not run only once.
    let grow = |set: &mut BTreeSet<String>,
                excluded: &BTreeSet<&str>,
                ok: &dyn Fn(&CallSite, &BTreeSet<String>) -> bool| {
        extend_while(set, &|key, sites, set| {
            !excluded.contains(whole_key(key)) && sites.iter().all(|site| ok(site, set))
        });
    };
    // The same at the greatest fixpoint among the fns `set` reaches: calls
    // within a cycle (a fn calling itself, two `process` methods calling
    // each other through a receiver of unknown type) run on the thread the
    // cycle is entered on, so a cycle entered only from `set` joins it.
    let settle = |set: &mut BTreeSet<String>,
                  excluded: &BTreeSet<&str>,
                  ok: &dyn Fn(&CallSite, &BTreeSet<String>) -> bool| {
        let roots = set.clone();
        // Every fn reached from `set` through a call that `ok` allows.
        extend_while(set, &|key, sites, set| {
            !excluded.contains(whole_key(key)) && sites.iter().any(|site| ok(site, set))
        });
        // Less those with a call that `ok` does not allow, until none has.
        loop {
            let remove: Vec<String> = (all_callers.iter())
                .filter(|(key, sites)| {
                    set.contains(key)
                        && !roots.contains(key)
                        && sites.iter().any(|site| !ok(site, set))
                })
                .map(|(key, _)| key.clone())
                .collect();
            if remove.is_empty() {
                break;
            }
            for key in remove {
                set.remove(&key);
            }
            settle_split(set);
        }
    };
    let from = |site: &CallSite, set: &BTreeSet<String>| match &site.caller {
        Caller::Fn(f) => set.contains(f),
        Caller::Static => true,
        Caller::Unknown => false,
    };
    // Through plain calls and awaits only, each the last work its caller
    // waits for: the end of `main`'s own work.
    let mut awaited_once = once.clone();
    grow(&mut awaited_once, &BTreeSet::new(), &|site, set| {
        site.once && site.ends_caller && from(site, set)
    });
    // The process-lifetime fns: also through the tasks such code detaches.
    grow(&mut once, &BTreeSet::new(), &|site, set| {
        (site.once || site.once_in_detached_task) && from(site, set)
    });
    // Whether a call runs on the main thread when its caller does (`set`),
    // a quiet current-thread runtime's thread counting when `quiet_too`.
    let on_main_thread =
        |site: &CallSite, set: &BTreeSet<String>, quiet_too: bool| match site.thread {
            SiteThread::Main => true,
            SiteThread::OnlyWorker => quiet_too && quiet.sites.contains(&std::ptr::from_ref(site)),
            SiteThread::Worker => false,
            SiteThread::Caller => matches!(&site.caller, Caller::Fn(f) if set.contains(f)),
        };
    // Below a multi-thread runtime's `block_on` (`#[tokio::main]`), a fn
    // that waits for its own tasks still runs on the main thread: they run
    // on the workers, beside it, and its blocking stalls none of them.
    settle(&mut below_multi_thread, &BTreeSet::new(), &|site, set| {
        on_main_thread(site, set, false)
    });
    // Below a quiet current-thread runtime, such a fn shares the thread
    // with its tasks.
    settle(&mut main_thread, &beside_its_tasks, &|site, set| {
        on_main_thread(site, set, true)
    });
    main_thread.extend(below_multi_thread);
    let awaited = (all_callers.iter())
        .filter(|(_, sites)| {
            sites.iter().all(|site| {
                site.once
                    && !matches!(site.thread, SiteThread::Worker | SiteThread::OnlyWorker)
                    && matches!(site.caller, Caller::Fn(_))
            })
        })
        .map(|(key, _)| key.clone())
        .collect();
    // Run many times: a request handler (by what it takes, or an async fn
    // handed by name where the crate does not show what calls it: to a
    // router), or called in a loop or a closure that may run many times.
    // Evidence, not doubt: only calls that name the fn (not a method of the
    // name on a receiver of unknown type) count.
    let handed_async = |key: &&&str| mentioned(key) && fns.by_key(key).iter().any(|f| f.is_async);
    let mut repeated: BTreeSet<String> = (keys.iter().filter(handed_async))
        .map(|key| key.to_string())
        .collect();
    let handlers = (fns.by_key.values().flatten()).filter(|f| f.handles_requests);
    repeated.extend(handlers.map(|f| f.key.clone()));
    // The calls of a method on a receiver of unknown type, which count as
    // calls of every method of the name.
    let by_name_only: HashSet<*const CallSite> = (methods.values().flatten())
        .map(|site| std::ptr::from_ref(*site))
        .collect();
    let named = |site: &&&CallSite| !by_name_only.contains(&std::ptr::from_ref(**site));
    for (key, sites) in &all_callers {
        let runs_again = |site: &&CallSite| site.repeats && !matches!(site.caller, Caller::Static);
        if sites.iter().filter(named).any(runs_again) {
            repeated.insert(key.clone());
        }
    }
    // One call further: an async fn such a fn calls (a handler's service
    // call, a connection task's steps). Further down, a fn is as likely a
    // step of start-up that a handler also happens to reach.
    let callees: Vec<String> = (all_callers.iter())
        .filter(|(key, sites)| {
            !repeated.contains(key)
                && (sites.iter().filter(named))
                    .any(|site| matches!(&site.caller, Caller::Fn(f) if repeated.contains(f)))
        })
        .map(|(key, _)| key.clone())
        .collect();
    repeated.extend(callees);
    // The calls that show a fn to run many times, shortest first: a call
    // in a loop, or by a request handler, then down the calls made once.
    let root_why = |caller: &str| {
        let facts = fns.by_key(caller);
        if facts.iter().any(|f| f.handles_requests) {
            Some(RepeatWhy::Handler)
        } else if handed_async(&&caller) {
            Some(RepeatWhy::Handed)
        } else {
            None
        }
    };
    let hop = |site: &CallSite, callee: &str, caller: &str, why| RepeatHop {
        file: site_files
            .get(&std::ptr::from_ref(site))
            .copied()
            .unwrap_or(0),
        span: site.span,
        callee: shown_fn(callee),
        caller: shown_fn(caller),
        why,
    };
    let mut repeat_paths: BTreeMap<String, Vec<RepeatHop>> = BTreeMap::new();
    let mut frontier: Vec<&str> = Vec::new();
    for (key, sites) in &all_callers {
        if once.contains(key) {
            continue;
        }
        let first = sites.iter().filter(named).find_map(|site| {
            let Caller::Fn(caller) = &site.caller else {
                return None;
            };
            let why = match site.repeats {
                true => RepeatWhy::Loop,
                false => root_why(caller)?,
            };
            Some(hop(site, key, caller, why))
        });
        if let Some(first) = first {
            repeat_paths.insert(key.clone(), vec![first]);
            frontier.push(key);
        }
    }
    for _ in 1..MAX_REPEAT_HOPS {
        let mut next: Vec<&str> = Vec::new();
        for caller in frontier {
            let whole = whole_key(caller);
            for &i in callees_of.get(whole).into_iter().flatten() {
                let (key, sites) = &all_callers[i];
                if once.contains(key) || repeat_paths.contains_key(key) {
                    continue;
                }
                let from_caller =
                    |site: &&&CallSite| matches!(&site.caller, Caller::Fn(f) if f == whole);
                let Some(site) = sites.iter().filter(named).find(from_caller) else {
                    continue;
                };
                let mut path = repeat_paths[caller].clone();
                path.push(hop(site, key, whole, RepeatWhy::Caller));
                repeat_paths.insert(key.clone(), path);
                next.push(key);
            }
        }
        frontier = next;
    }
    Reached {
        once,
        awaited_once,
        main_thread,
        awaited,
        repeated,
        quiet_runtimes,
        repeat_paths,
    }
}

/// The key by which [`reached_from_main`] names the method `key` of the type
/// that module `module` defines, when types of several modules define
/// methods of that key (`grpc@Client::start`): [`Reached`]'s sets name it
/// so, and hold `key` itself when they hold every such method.
pub fn split_key(module: &str, key: &str) -> String {
    format!("{module}@{key}")
}

/// The key a [`split_key`] splits, or `key` itself.
fn whole_key(key: &str) -> &str {
    key.split_once('@').map_or(key, |(_, whole)| whole)
}

/// Whether a fn, by its key and its call sites, joins a set of fns (see
/// [`reached_from_main`]).
type JoinTest<'s> = dyn Fn(&str, &[&CallSite], &BTreeSet<String>) -> bool + 's;

/// Whether every fn of the crate that `higher` may be calls its parameter
/// `index` itself (`param_calls`, by the fn's facts; see
/// [`CallSummary::param_calls`]), and whether each calls it at most once;
/// `None` when some may not, or no fn of the crate is it.
fn calls_handed_fn(
    higher: &Callee,
    index: usize,
    fns: &FnIndex<'_>,
    param_calls: &HashMap<*const super::follow::FnFacts, Vec<(usize, bool)>>,
) -> Option<bool> {
    let candidates = path_callee_fns(higher, fns)?;
    if candidates.is_empty() {
        return None;
    }
    let mut once = true;
    for &f in candidates {
        let called = param_calls.get(&std::ptr::from_ref(f))?;
        let (_, each_once) = called.iter().find(|(i, _)| *i == index)?;
        once &= each_once;
    }
    Some(once)
}

/// A re-export of a free fn, for [`reached_from_main`]: the re-exporting
/// module, the name it gives, and the module of the fn (`None`: a path of
/// one segment).
type Reexport<'s> = (&'s str, &'s str, Option<&'s str>);

/// A call of a free fn, for [`reached_from_main`]: the module its path
/// names (if any), the module of its file when it names that file's own fn
/// (`run()` in a `main.rs` with a `fn run`), and the call.
type FreeCall<'s> = (Option<&'s str>, Option<&'s str>, &'s CallSite);

/// The type a call returns: the one every crate fn it may call declares
/// ([`super::follow::FnFacts::returns`]), when they agree. `field_type_of`
/// gives the type of a field of the crate's structs, by owner.
fn call_returns<'a>(
    callee: &Callee,
    fns: &FnIndex<'a>,
    field_type_of: &dyn Fn(&String, &[String]) -> Option<&'a str>,
) -> Option<&'a str> {
    let key = match callee {
        Callee::Assoc(_) | Callee::Free(..) => {
            return declared_return(path_callee_fns(callee, fns)?);
        }
        Callee::Field {
            owner,
            fields,
            method,
        } => format!("{}::{method}", field_type_of(owner, fields)?),
        Callee::Returned { call, method } => {
            format!("{}::{method}", call_returns(call, fns, field_type_of)?)
        }
        Callee::Method(_) => return None,
    };
    declared_return(fns.by_key(&key))
}

/// A crate's fns by key and its free fns by name, each in the order
/// given: [`reached_from_main`] asks which fns a call may be for every call
/// of the crate.
struct FnIndex<'a> {
    by_key: HashMap<&'a str, Vec<&'a super::follow::FnFacts>>,
    free_by_name: HashMap<&'a str, Vec<&'a super::follow::FnFacts>>,
}

impl<'a> FnIndex<'a> {
    fn new(fns: impl IntoIterator<Item = &'a super::follow::FnFacts>) -> FnIndex<'a> {
        let mut index = FnIndex {
            by_key: HashMap::new(),
            free_by_name: HashMap::new(),
        };
        for facts in fns {
            index.by_key.entry(&facts.key).or_default().push(facts);
            if !facts.is_method {
                (index.free_by_name.entry(facts.short_name()).or_default()).push(facts);
            }
        }
        index
    }

    /// The fns whose key is `key`.
    fn by_key(&self, key: &str) -> &[&'a super::follow::FnFacts] {
        self.by_key.get(key).map_or(&[], Vec::as_slice)
    }
}

/// The fns of `fns` a call of a path may be: an associated fn by its key,
/// a free fn by `module::name` when the path names its module, else any
/// free fn of the name. `None` for a method call or a field's method.
fn path_callee_fns<'i, 'a>(
    callee: &Callee,
    fns: &'i FnIndex<'a>,
) -> Option<&'i [&'a super::follow::FnFacts]> {
    Some(match callee {
        Callee::Assoc(key) => fns.by_key(key),
        Callee::Free(Some(module), name)
            if !matches!(module.as_str(), "crate" | "self" | "super") =>
        {
            fns.by_key(&format!("{module}::{name}"))
        }
        // A free fn of any module.
        Callee::Free(_, name) => (fns.free_by_name.get(name.as_str())).map_or(&[], Vec::as_slice),
        _ => return None,
    })
}

/// The return type every fn of `fns` declares, when there is at least one
/// and each declares the same.
fn declared_return<'a>(fns: &[&'a super::follow::FnFacts]) -> Option<&'a str> {
    let mut found = None;
    for facts in fns {
        match (found, facts.returns.as_deref()) {
            (None, Some(ty)) => found = Some(ty),
            (Some(t), Some(ty)) if t == ty => {}
            _ => return None,
        }
    }
    found
}

/// The threads blocking on a current-thread runtime that runs no task but
/// the future they block on (see [`quiet_current_thread_runtimes`]).
struct QuietRuntimes {
    /// The calls in such futures (`rt.block_on(stop())`): main-thread
    /// calls.
    sites: std::collections::HashSet<*const CallSite>,
    /// The fns that are such threads as a whole: a current-thread `main`,
    /// and a sync fn each of whose `block_on`s on its own current-thread
    /// runtime is quiet.
    fns: BTreeSet<String>,
}

/// A current-thread runtime's only worker is the thread that blocks on it,
/// so a blocking call there stalls the runtime's other tasks: when there
/// are any. Where the future it blocks on spawns none (a command-line tool
/// running one command per `block_on`), that thread is the main thread, as
/// any other `block_on`'s. A spawn is one in the fn, or in the fns it calls
/// ([`super::follow::CrateIndex::spawns_via`], `call_depth` calls deep, each
/// resolved to one fn of `files`). `called` says whether a `main` is called
/// (then it is no entry point).
fn quiet_current_thread_runtimes(
    files: &[&CallSummary],
    called: &dyn Fn(&String) -> bool,
) -> QuietRuntimes {
    let index = super::follow::CrateIndex::new(files.to_vec());
    let depth = crate::LintOptions::default().call_depth;
    let mut quiet = QuietRuntimes {
        sites: std::collections::HashSet::new(),
        fns: BTreeSet::new(),
    };
    for (file, summary) in files.iter().enumerate() {
        // Fns blocking on a current-thread runtime, by whether every such
        // call of theirs spawns nothing.
        let mut blockers: BTreeMap<&str, bool> = BTreeMap::new();
        for site in &summary.calls {
            let (SiteThread::OnlyWorker, Caller::Fn(f)) = (site.thread, &site.caller) else {
                continue;
            };
            // The fn it is in, of this file: several binaries' `main`s
            // share a key.
            let in_fn = def_at(summary, site.span.start.byte).map(|i| &summary.fns[i]);
            let spawns_nothing = in_fn
                .is_some_and(|facts| !facts.spawns_task && !facts.spawns_joined_task)
                && !index.spawns_via(file, site.span, depth);
            if spawns_nothing {
                quiet.sites.insert(std::ptr::from_ref(site));
            }
            *blockers.entry(f.as_str()).or_insert(true) &= spawns_nothing;
        }
        // A `main` that builds its current-thread runtime (one that asks
        // for it by attribute is its worker as written).
        for (name, _) in (summary.mains.iter()).filter(|(_, r)| *r == MainRuntime::CurrentThread) {
            let Some(facts) = summary.fns.iter().find(|f| &f.key == name) else {
                continue;
            };
            let spawns_nothing = !facts.spawns_task
                && !facts.spawns_joined_task
                && !(facts.calls.iter()).any(|&c| index.spawns_via(file, c, depth))
                && blockers.get(name.as_str()).is_none_or(|q| *q);
            if !called(name) && spawns_nothing {
                quiet.fns.insert(name.clone());
            }
        }
        for (name, spawns_nothing) in blockers {
            if spawns_nothing && !summary.mains.iter().any(|(m, _)| m == name) {
                quiet.fns.insert(name.to_string());
            }
        }
    }
    quiet
}

/// The key of the innermost fn of `summary` whose item contains `byte`.
pub fn fn_at(summary: &CallSummary, byte: usize) -> Option<&str> {
    def_at(summary, byte).map(|i| summary.defs[i].0.as_str())
}

/// The index in `defs` (and `fns`, which follow the same order) of the
/// innermost fn whose item holds `byte`.
pub fn def_at(summary: &CallSummary, byte: usize) -> Option<usize> {
    summary
        .defs
        .iter()
        .enumerate()
        .filter(|(_, (_, range))| range.contains(&byte))
        .min_by_key(|(_, (_, range))| range.len())
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys reached from `main`, for files given as (module, source).
    fn reached_in(files: &[(&str, &str)]) -> (BTreeSet<String>, BTreeSet<String>) {
        let reached = reached_in_full(files);
        (reached.once, reached.main_thread)
    }

    /// [`reached_from_main`] for files given as (module, source).
    fn reached_in_full(files: &[(&str, &str)]) -> Reached {
        let parsed: Vec<syn::File> = files
            .iter()
            .map(|(_, s)| syn::parse_file(s).unwrap())
            .collect();
        let summaries: Vec<CallSummary> = parsed
            .iter()
            .zip(files)
            .map(|(f, (module, s))| FileContext::new(f, s).call_summary(module))
            .collect();
        reached_from_main(&summaries, None)
    }

    #[test]
    fn awaited_once_by_every_caller() {
        let reached = reached_in_full(&[(
            "crate",
            "pub async fn serve() { let s = Server::new().await; boot().await; }
             impl Server { async fn new() -> Server { Server } }
             async fn boot() {}
             async fn step() {}
             async fn per_item() {}
             async fn task() {}
             pub async fn handler() {}
             pub async fn all(v: Vec<u8>) {
                 step().await;
                 for _ in v { per_item().await; }
                 tokio::spawn(task());
             }
             pub fn cli() { rt().block_on(step()); }
             fn rt() {}",
        )]);
        let awaited: Vec<&str> = reached.awaited.iter().map(String::as_str).collect();
        // `handler` has no caller, `per_item` runs in a loop, `task` in a
        // spawned task; `step` is awaited once by `all` and blocked on once.
        assert_eq!(
            awaited,
            ["Server::new", "crate::boot", "crate::rt", "crate::step"]
        );
    }

    #[test]
    fn repeated_by_handlers_loops_and_one_call_below() {
        let reached = reached_in_full(&[(
            "crate",
            "pub async fn accept(l: Listener) {
                 loop { let s = l.accept().await; tokio::spawn(conn(s)); }
             }
             async fn conn(s: Sock) { step().await; w.poll().await; }
             async fn step() { deeper().await; }
             async fn deeper() {}
             pub async fn show(State(st): State<App>) { load().await; }
             async fn load() {}
             async fn routed() {}
             pub fn router() -> Router { Router::new().route(\"/\", get(routed)) }
             pub async fn serve() { boot().await; }
             async fn boot() {}
             pub async fn open(dir: &Path) { boot().await; }
             impl Worker { async fn poll(&self) {} }
             pub async fn items(v: Vec<u8>) { for _ in v { item().await; } }
             async fn item() {}",
        )]);
        let repeated: Vec<&str> = reached.repeated.iter().map(String::as_str).collect();
        // `conn` per connection, `show` takes an extractor, `routed` is
        // handed to the router, `item` runs in a loop; `step`, `load` one
        // call below. Not `deeper` (two calls below), `boot` (start-up:
        // `&Path` is no extractor), nor `poll` (called by `conn` on a value
        // of unknown type: any `poll` of the crate may be meant).
        assert_eq!(
            repeated,
            [
                "crate::conn",
                "crate::item",
                "crate::load",
                "crate::routed",
                "crate::show",
                "crate::step"
            ]
        );
    }

    #[test]
    fn repeat_paths_name_the_calls_from_a_loop_or_a_handler() {
        let reached = reached_in_full(&[(
            "crate",
            "#[tokio::main]
             async fn main() { boot(); accept(l).await; }
             fn boot() { pool(); }
             pub async fn accept(l: Listener) {
                 loop { let s = l.accept().await; tokio::spawn(conn(s)); }
             }
             async fn conn(s: Sock) { step().await; w.poll().await; retry(); }
             async fn step() { a(); }
             fn a() { b(); }
             fn b() { c(); }
             fn c() { d(); }
             fn d() {}
             fn retry() { for _ in 0..3 { pool(); } }
             fn pool() {}
             pub async fn show(State(st): State<App>) { load(); }
             fn load() {}
             async fn routed() { load_routed(); }
             fn load_routed() {}
             pub fn router() -> Router { Router::new().route(\"/\", get(routed)) }
             impl Worker { async fn poll(&self) { e(); } }
             fn e() {}",
        )]);
        let paths = |key: &str| -> Vec<(String, RepeatWhy)> {
            let path = reached.repeat_paths.get(key).into_iter().flatten();
            path.map(|hop| (format!("{} by {}", hop.callee, hop.caller), hop.why))
                .collect()
        };
        use RepeatWhy::*;
        assert_eq!(paths("crate::conn"), [("conn by accept".into(), Loop)]);
        // Four calls below the loop at most.
        assert_eq!(
            paths("crate::b"),
            [
                ("conn by accept".into(), Loop),
                ("step by conn".into(), Caller),
                ("a by step".into(), Caller),
                ("b by a".into(), Caller),
            ]
        );
        assert_eq!(paths("crate::c"), []);
        // The shortest: `pool` is called in `retry`'s loop, not only below
        // `conn`; `boot`'s call of it from `main` shows nothing.
        assert_eq!(paths("crate::pool"), [("pool by retry".into(), Loop)]);
        assert_eq!(paths("crate::load"), [("load by show".into(), Handler)]);
        assert_eq!(
            paths("crate::load_routed"),
            [("load_routed by routed".into(), Handed)]
        );
        // `poll` is called on a value of unknown type: no evidence.
        assert_eq!(paths("Worker::poll"), []);
        assert_eq!(paths("crate::e"), []);
        // Start-up code has none.
        assert_eq!(paths("crate::boot"), []);
    }

    #[test]
    fn awaited_once_at_the_end_of_main() {
        let reached = reached_in_full(&[(
            "crate",
            "#[tokio::main]
             async fn main() {
                 first().await;
                 if is_final() {
                     on_final().await;
                     return;
                 }
                 last().await
             }
             async fn first() {}
             async fn on_final() { tracing::info!(\"bye\"); inner().await; tracing::info!(\"done\"); }
             async fn inner() {}
             async fn last() { middle().await; after().await; }
             async fn middle() {}
             async fn after() {}
             fn is_final() -> bool { true }",
        )]);
        let at_end: Vec<&str> = reached.awaited_once.iter().map(String::as_str).collect();
        // `first` and `middle` are followed by more awaited work, and so
        // is `is_final`, called in the `if` that `last().await` follows.
        assert_eq!(
            at_end,
            [
                "crate::after",
                "crate::inner",
                "crate::last",
                "crate::main",
                "crate::on_final"
            ]
        );
    }

    /// [`reached_in`] for one crate root file.
    fn reached(source: &str) -> (BTreeSet<String>, BTreeSet<String>) {
        reached_in(&[("crate", source)])
    }

    #[test]
    fn chains_through_files_calls_and_awaits() {
        let (once, main_thread) = reached_in(&[
            (
                "crate",
                "#[tokio::main] async fn main() { commands::run(args()).await; } fn args() {}",
            ),
            (
                "commands",
                "pub async fn run(a: Args) { let s = Services::new(&a).await; s.start(); }",
            ),
            (
                "services",
                "impl Services {
                    pub async fn new(a: &Args) -> Self { Self::setup(); setup() }
                    fn start(&self) { self.go() }
                    fn setup() {}
                    fn go(&self) {}
                 }
                 fn setup() {}
                 impl Other { fn new() -> Self { Other } }
                 fn elsewhere() { loop { Other::new(); } }",
            ),
        ]);
        for key in [
            "crate::main",
            "crate::args",
            "commands::run",
            "Services::new",
            "Services::start",
            "Services::setup",
            "Services::go",
            "services::setup",
        ] {
            assert!(once.contains(key), "{key}: {once:?}");
            assert!(main_thread.contains(key), "{key}: {main_thread:?}");
        }
        assert!(!once.contains("Other::new"));
    }

    #[test]
    fn a_thread_blocking_on_its_own_runtime_runs_its_future_once() {
        let reached = reached_in_full(&[(
            "crate",
            "fn main() {
                 std::thread::spawn(move || {
                     let rt = tokio::runtime::Runtime::new().unwrap();
                     rt.block_on(async { jobs().await });
                 });
                 std::thread::Builder::new().name(n).spawn(move || rt().block_on(named())).unwrap();
                 std::thread::spawn(move || plain());
                 for _ in 0..4 { std::thread::spawn(move || rt().block_on(per_turn())); }
                 tokio::spawn(async { rt().block_on(in_task()) });
                 let kept = std::thread::spawn(move || joined());
                 kept.join().unwrap();
             }
             async fn jobs() {}
             async fn named() {}
             fn plain() {}
             async fn per_turn() {}
             async fn in_task() {}
             fn joined() {}",
        )]);
        let once = &reached.once;
        assert!(once.contains("crate::jobs"), "{once:?}");
        assert!(once.contains("crate::named"), "{once:?}");
        // A detached thread or task runs once too, though not as a step of
        // `main`'s own work.
        for key in ["crate::plain", "crate::in_task"] {
            assert!(once.contains(key), "{key}: {once:?}");
            assert!(
                !reached.awaited_once.contains(key),
                "{key}: {:?}",
                reached.awaited_once
            );
        }
        // On every turn of a loop, or in a thread `main` keeps to join.
        for key in ["crate::per_turn", "crate::joined"] {
            assert!(!once.contains(key), "{key}: {once:?}");
        }
    }

    #[test]
    fn a_call_with_other_arguments_than_the_fn_takes_is_not_a_caller() {
        let (once, _) = reached(
            "fn main() { let c = Cluster::new(); c.start(); Cluster::stop(&c, 1); go(1); }
             impl Cluster {
                 fn new() -> Self { Cluster }
                 fn start(&self) {}
                 fn stop(&self, code: u8) {}
             }
             fn go(n: u8) {}
             fn busy() { loop { pick().start(1, 2); pick().stop(); go(); go(1, 2); Cluster::stop(&x); } }",
        );
        for key in ["Cluster::start", "Cluster::stop", "crate::go"] {
            assert!(once.contains(key), "{key}: {once:?}");
        }
        // The same calls with the arguments the fns take may be them.
        let (once, _) = reached(
            "fn main() { let c = Cluster::new(); c.start(); go(1); }
             impl Cluster { fn new() -> Self { Cluster } fn start(&self) {} }
             fn go(n: u8) {}
             fn busy() { loop { pick().start(); go(2); } }",
        );
        assert!(!once.contains("Cluster::start"), "{once:?}");
        assert!(!once.contains("crate::go"), "{once:?}");
        // Method syntax needs a `self`: `x.new()` is no call of `new()`.
        let (once, _) = reached(
            "fn main() { Cluster::new(); }
             impl Cluster { fn new() -> Self { Cluster } }
             fn busy() { loop { pick().new(); } }",
        );
        assert!(once.contains("Cluster::new"), "{once:?}");
    }

    #[test]
    fn a_fn_named_as_a_value_by_its_own_module_hides_only_itself() {
        let (once, _) = reached_in(&[
            (
                "crate",
                "fn main() { cmd::list(); api::list(); cmd::other(); }",
            ),
            ("cmd", "pub fn list() {} pub fn other() {}"),
            ("api", "pub fn routes() { get(list) } fn list() {}"),
            (
                "web",
                "mod handlers { fn routes() { get(other) } } fn other() {}",
            ),
        ]);
        assert!(once.contains("cmd::list"), "{once:?}");
        assert!(!once.contains("api::list"), "{once:?}");
        // In an inline module a bare name may be any `other`.
        assert!(!once.contains("cmd::other"), "{once:?}");
    }

    #[test]
    fn a_method_of_a_self_literal_is_its_impls() {
        let file = syn::parse_file(
            "impl Client { fn new() -> Self { let this = Self { id: 1 }; this.start(); this } }",
        )
        .unwrap();
        let summary = FileContext::new(&file, "").call_summary("crate");
        let callees: Vec<&Callee> = summary.calls.iter().map(|c| &c.callee).collect();
        assert_eq!(callees, [&Callee::Assoc("Client::start".to_string())]);
    }

    #[test]
    fn same_named_fns_of_other_modules_are_told_apart_by_path() {
        let (once, _) = reached_in(&[
            (
                "crate",
                "mod commands; fn main() { commands::run::command(); commands::setup::command(); }",
            ),
            ("run", "pub fn command() {}"),
            // `setup` ends by running the server: `run::command` has two
            // callers, both reached once.
            ("setup", "pub fn command() { super::run::command() }"),
            (
                "other",
                "pub fn command() {} fn busy() { loop { command() } }",
            ),
        ]);
        assert!(once.contains("setup::command"), "{once:?}");
        // `super::run::command()` names a module leaklint does not resolve.
        assert!(once.contains("run::command"), "{once:?}");
        // A bare `command()` may be any of them, and it runs in a loop.
        assert!(!once.contains("other::command"), "{once:?}");
    }

    #[test]
    fn a_tokio_main_method_blocks_on_its_body_on_the_callers_thread() {
        let (_, main_thread) = reached(
            "fn main() { Server::start(); std::thread::spawn(|| Server::serve()); }
             impl Server {
                 fn start() { Self::start_with_bind() }
                 #[tokio::main(flavor = \"multi_thread\")]
                 async fn start_with_bind() { Store::open().await; }
                 #[tokio::main]
                 async fn serve() { Store::serve().await; }
                 #[tokio::main(flavor = \"current_thread\")]
                 async fn single() { Store::single().await; }
                 #[tokio::main(flavor = \"current_thread\")]
                 async fn busy() { tokio::spawn(tick()); Store::busy().await; }
             }
             impl Store {
                 async fn open() {} async fn serve() {} async fn single() {} async fn busy() {}
             }",
        );
        // Its body runs on the thread that called it, whichever that is:
        // a worker calling it would panic (a runtime inside a runtime).
        for key in ["Store::open", "Store::serve"] {
            assert!(main_thread.contains(key), "{key}: {main_thread:?}");
        }
        // The attribute says the thread is a current-thread runtime's
        // only worker: it is, whatever it spawns.
        assert!(!main_thread.contains("Store::single"), "{main_thread:?}");
        assert!(!main_thread.contains("Store::busy"), "{main_thread:?}");
    }

    #[test]
    fn loops_closures_and_other_callers_break_the_chain() {
        let (once, main_thread) = reached(
            "fn main() {
                loop { in_loop(); }
                items.iter().map(|i| in_closure(i));
                tokio::spawn(async { in_task().await });
                std::thread::spawn(|| in_thread());
                rt.block_on(async { on_runtime().await });
                current_thread_runtime();
                also_elsewhere();
                recursive();
                let f = as_value;
             }
             fn other() { also_elsewhere(); }
             fn recursive() { recursive() }
             fn as_value() {}
             fn no_caller() {}
             fn in_loop() {} fn in_closure() {} fn in_task() {} fn in_thread() {}
             fn on_runtime() {} fn also_elsewhere() {}
             fn current_thread_runtime() {
                 let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
                 rt.block_on(async { on_its_own_runtime().await });
             }
             fn on_its_own_runtime() { tokio::spawn(tick()); }",
        );
        let key = |n: &str| format!("crate::{n}");
        // A current-thread runtime's only worker runs the tasks spawned
        // on it too.
        assert!(once.contains(&key("on_its_own_runtime")), "{once:?}");
        assert!(
            !main_thread.contains(&key("on_its_own_runtime")),
            "{main_thread:?}"
        );
        // A task or thread `main` spawns and detaches runs once.
        for name in ["main", "on_runtime", "in_task", "in_thread"] {
            assert!(once.contains(&key(name)), "{name}: {once:?}");
        }
        for name in [
            "in_loop",
            "in_closure",
            "also_elsewhere",
            "recursive",
            "as_value",
            "no_caller",
        ] {
            assert!(!once.contains(&key(name)), "{name}: {once:?}");
        }
        // A loop on the main thread is still on the main thread.
        for name in ["main", "on_runtime", "in_loop"] {
            assert!(main_thread.contains(&key(name)), "{name}: {main_thread:?}");
        }
        for name in ["in_task", "in_thread", "in_closure", "also_elsewhere"] {
            assert!(!main_thread.contains(&key(name)), "{name}: {main_thread:?}");
        }
    }

    #[test]
    fn current_thread_mains_make_main_thread_code_only_without_tasks() {
        // Its thread is the runtime's only worker: a task spawned on the
        // way (here two calls deep) runs there too.
        let (once, main_thread) = reached(
            "#[tokio::main(flavor = \"current_thread\")] async fn main() { serve().await }
             async fn serve() { listen().await }
             async fn listen() { tokio::spawn(heartbeat()); }
             async fn heartbeat() {}",
        );
        assert!(once.contains("crate::serve"));
        assert!(main_thread.is_empty(), "{main_thread:?}");
        // Said by the attribute, the main thread is the runtime's worker
        // even with no task but the one it blocks on.
        let (_, main_thread) = reached(
            "#[tokio::main(flavor = \"current_thread\")] async fn main() { serve().await }
             async fn serve() { std::thread::spawn(|| work()); }
             fn work() {}",
        );
        assert!(main_thread.is_empty(), "{main_thread:?}");
        // Built by a sync `main` with no task but the one it blocks on:
        // the main thread.
        let (_, main_thread) = reached(
            "fn main() {
                 let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
                 rt.block_on(serve())
             }
             async fn serve() { std::thread::spawn(|| work()); }
             fn work() {}",
        );
        assert!(main_thread.contains("crate::serve"), "{main_thread:?}");
        // A sync fn's `block_on`s, each judged by what it spawns.
        let (_, main_thread) = reached(
            "fn main() {
                 let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
                 match cmd() {
                     1 => rt.block_on(start()),
                     _ => rt.block_on(stop()),
                 }
             }
             async fn start() { let mut set = JoinSet::new(); set.spawn(run()); }
             async fn stop() {}
             async fn run() {}",
        );
        assert!(main_thread.contains("crate::stop"), "{main_thread:?}");
        for key in ["crate::main", "crate::start", "crate::run"] {
            assert!(!main_thread.contains(key), "{key}: {main_thread:?}");
        }
        // Tasks that end before the fn spawning them returns (a `JoinSet`
        // of its own, a handle it awaits): that fn runs beside them, what
        // runs after it does not.
        let (_, main_thread) = reached(
            "fn main() {
                 let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
                 rt.block_on(command());
             }
             async fn command() { start().await; migrate().await; stop().await; }
             async fn start() {
                 let mut set = tokio::task::JoinSet::new();
                 set.spawn(run());
                 while set.join_next().await.is_some() { settle() }
             }
             async fn migrate() { let driver = tokio::spawn(run()); driver.await.unwrap(); }
             async fn stop() {}
             async fn run() {}
             fn settle() {}",
        );
        for key in ["crate::main", "crate::command", "crate::stop"] {
            assert!(main_thread.contains(key), "{key}: {main_thread:?}");
        }
        for key in [
            "crate::start",
            "crate::migrate",
            "crate::run",
            "crate::settle",
        ] {
            assert!(!main_thread.contains(key), "{key}: {main_thread:?}");
        }
        // A command whose `start` spawns as `spawner` says, then `stop`s:
        // which of its fns are on the main thread.
        let command_with = |spawner: &str| {
            let (_, main_thread) = reached(&format!(
                "fn main() {{
                     let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
                     rt.block_on(command());
                 }}
                 async fn command() {{ start().await; stop().await; }}
                 async fn start() {{ {spawner} }}
                 async fn stop() {{}}
                 async fn run() {{}}
                 async fn ready() {{}}
                 fn look<T>(_: &T) {{}}
                 fn keep<T>(_: T) {{}}"
            ));
            main_thread
        };
        // Handles waited for together, or lent while the fn waits for them.
        for spawner in [
            "let a = tokio::spawn(run()); let b = tokio::spawn(run()); tokio::join!(a, b);",
            "let a = tokio::spawn(run()); let _ = futures::future::try_join(a, ready()).await;",
            "let h = tokio::spawn(run()); look(&h); h.await.unwrap();",
        ] {
            let main_thread = command_with(spawner);
            assert!(
                main_thread.contains("crate::stop"),
                "{spawner}: {main_thread:?}"
            );
            assert!(
                !main_thread.contains("crate::start"),
                "{spawner}: {main_thread:?}"
            );
        }
        // A set whose tasks are detached, a handle moved away: they outlive
        // the fn.
        for spawner in [
            "let mut set = tokio::task::JoinSet::new(); set.spawn(run()); set.detach_all();",
            "let h = tokio::spawn(run()); keep(h);",
        ] {
            let main_thread = command_with(spawner);
            assert!(
                !main_thread.contains("crate::stop"),
                "{spawner}: {main_thread:?}"
            );
        }
    }

    #[test]
    fn tests_renames_and_unread_macros_hide_nothing() {
        let (once, _) = reached(
            "fn main() { start(); hidden(); renamed(); more(); }
             #[test] fn t() { start(); }
             fn elsewhere() { my_macro!(hidden); my_macro!(x.poll(), Pool::get(), $t::make()); }
             macro_rules! build { ($t:ty) => { $t::build() } }
             fn twice() { loop { build!(Maker); } }
             mod m { use super::renamed as again; fn busy() { loop { again() } } }
             fn start() { Pool::new(); Pool::get(); Conn::poll(); Maker::make(); }
             fn hidden() {} fn renamed() {}
             impl Pool { fn new() {} fn get() {} }
             impl Conn { fn poll() {} }
             impl Maker { fn make() {} fn build() {} }
             impl Other { fn build() {} }
             fn more() { Other::build(); Maker::build(); }",
        );
        assert!(once.contains("crate::start"));
        assert!(!once.contains("crate::hidden"));
        assert!(!once.contains("crate::renamed"));
        // What an unread macro may call: `Pool::get`, any `poll`, any `make`.
        assert!(once.contains("Pool::new"), "{once:?}");
        for key in ["Pool::get", "Conn::poll", "Maker::make"] {
            assert!(!once.contains(key), "{key}: {once:?}");
        }
        // `build!(Maker)` calls `Maker::build` in a loop; no invocation
        // names `Other`.
        assert!(!once.contains("Maker::build"), "{once:?}");
        assert!(once.contains("Other::build"), "{once:?}");
        // `x.start()` on an unknown receiver may be any method `start`.
        let (once, _) = reached(
            "fn main() { Server::start(&s); }
             impl Server { fn start(&self) {} }
             fn other() { loop { pick().start(); } }",
        );
        assert!(!once.contains("Server::start"), "{once:?}");
    }

    #[test]
    fn receivers_typed_by_their_let_or_parameter() {
        let (once, _) = reached(
            "#[tokio::main] async fn main() {
                let cluster = Cluster::new(&cfg).await?;
                cluster.start();
                serve(&worker);
             }
             fn serve(w: &Arc<Worker>) { w.run(); }
             fn elsewhere(pool: Pool) { loop { pool.start(); pool.run(); } }
             impl Cluster { async fn new(c: &Cfg) -> Result<Self> { todo!() } fn start(&self) {} }
             impl Worker { fn run(&self) {} }
             impl Pool { fn start(&self) {} fn run(&self) {} }",
        );
        for key in ["Cluster::new", "Cluster::start", "Worker::run"] {
            assert!(once.contains(key), "{key}: {once:?}");
        }
        assert!(!once.contains("Pool::start"));
    }

    #[test]
    fn statics_are_process_lifetime_roots() {
        let (once, main_thread) = reached(
            "static RT: Lazy<Runtime> = Lazy::new(|| build_runtime());
             fn build_runtime() -> Runtime { todo!() }",
        );
        assert!(once.contains("crate::build_runtime"), "{once:?}");
        assert!(!main_thread.contains("crate::build_runtime"));
    }

    #[test]
    fn a_static_cells_initializer_given_by_name_is_a_root() {
        let (once, _) = reached(
            "static BUS: OnceLock<Bus> = OnceLock::new();
             struct Bus;
             impl Bus { fn create() -> Bus { Bus } }
             fn create_sink() -> Sink { Sink }
             struct Hub { sink: OnceLock<Sink> }
             pub fn bus() -> &'static Bus { BUS.get_or_init(Bus::create) }
             impl Hub { fn sink(&self) -> &Sink { self.sink.get_or_init(create_sink) } }",
        );
        assert!(once.contains("Bus::create"), "{once:?}");
        // A cell in a field is set once per owner, not once per process.
        assert!(!once.contains("crate::create_sink"), "{once:?}");
    }
}
