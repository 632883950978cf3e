//! A package's crates as files: its targets (from `Cargo.toml`, as Cargo
//! discovers them) and, from each target's root, the tree of module files.
//!
//! This is plain data with no rule logic. [`read_package`] reads one
//! manifest; [`module_tree`] follows `mod a;` declarations (listed per file
//! by [`leaklint_lints::context::modules::module_decls`], through a loader
//! the caller supplies so that each file is parsed once for every purpose).
//!
//! Files are found as rustc finds them (Rust 2018):
//!
//! * `mod a;` in a crate root or a `mod.rs` loads `a.rs` or `a/mod.rs` beside
//!   it; in any other file `src/x.rs` it loads `src/x/a.rs` or
//!   `src/x/a/mod.rs`; an inline `mod b { mod a; }` adds `b/` to that.
//! * `#[path = "p"] mod a;` is relative to the declaring file's directory
//!   (inside inline modules, to the directory those modules give, with the
//!   non-`mod.rs` file's own name first). A file loaded through `#[path]`
//!   counts as a `mod.rs` file for its own declarations. `#[path = "d"]` on
//!   an inline module is the directory of the declarations inside it.
//! * `cfg` is not evaluated: a `#[cfg_attr(pred, path = "p")]` names a file
//!   the module may be, listed beside the one found without it (mio picks
//!   its selector per platform that way); with such a file, a missing
//!   default file is not an error.
//! * `#[cfg(test)] mod x;` makes `x`'s file and everything below it test code,
//!   as are all files of example, test and bench targets.
//!
//! A broken tree never stops the walk: a missing file, a module path that is
//! a directory, a `#[path]` that leads outside the package or back to one of
//! the file's own ancestors (rustc's "circular modules"), a tree deeper than
//! [`MAX_DEPTH`] files or larger than [`MAX_FILES`] files, each gives an
//! entry in [`ModuleTree::errors`] and the rest of the tree is still read.
//! A file may appear more than once: once per target that reaches it, and
//! once per module when two `#[path]`s of one target name it (rustc then
//! compiles it twice).

use std::collections::BTreeSet;

// The walk hashes paths several times per module file: foldhash costs a
// fraction of the standard SipHash (a warm run's walk of tokio took half the
// time) and is still seeded per process.
use foldhash::{HashMap, HashSet};
use std::ffi::OsString;
use std::fs::FileType;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

use leaklint_lints::context::modules::ModDecl;
use toml::de::DeTable;

use crate::cargo_workspace::{table, with_manifest};

/// The deepest chain of module files followed from a target's root (real
/// crates stay under 10).
pub const MAX_DEPTH: usize = 32;

/// The most module files listed for one package (all targets together;
/// the largest real crates have a few thousand). With [`MAX_DEPTH`] it
/// bounds the memory a hostile tree can take.
pub const MAX_FILES: usize = 50_000;

/// What a target builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetKind {
    /// The library (`src/lib.rs` or `[lib]`).
    Lib,
    /// A binary (`src/main.rs`, `src/bin/…`, `[[bin]]`).
    Bin,
    /// An example (`examples/…`, `[[example]]`): test code.
    Example,
    /// An integration test (`tests/…`, `[[test]]`): test code.
    Test,
    /// A benchmark (`benches/…`, `[[bench]]`): test code.
    Bench,
    /// The build script (`build.rs`, `package.build`).
    BuildScript,
}

/// One crate of a package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// What it builds.
    pub kind: TargetKind,
    /// Its name (the library's is [`Package::lib_name`]; the build script's
    /// is `build`).
    pub name: String,
    /// Its root file: the package's directory joined with the manifest's or
    /// the discovered path. It may not exist ([`module_tree`] says so).
    pub root: PathBuf,
    /// Whether all its code is test code (examples, tests, benches).
    pub test: bool,
}

/// A package: its directory, names and targets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// The directory of its `Cargo.toml` (as given: relative when the
    /// manifest path was).
    pub dir: PathBuf,
    /// `package.name`.
    pub name: String,
    /// The library's crate name when the package has a library (`[lib]
    /// name`, else the package name with `-` as `_`): binaries reach the
    /// library as `<lib_name>::…`.
    pub lib_name: Option<String>,
    /// Its targets: the library, binaries, examples, tests, benches, then
    /// the build script; declared ones in manifest order before discovered
    /// ones, which are sorted by path.
    pub targets: Vec<Target>,
    /// The packages its library, binaries and build script may use: its
    /// normal and build dependencies (also per platform), by package name;
    /// not dev-dependencies, which only tests, examples and benches use.
    /// An entry inherited from the workspace (`foo.workspace = true`) is
    /// listed by its key (see [`workspace_renames`]).
    pub dependencies: BTreeSet<String>,
    /// `(key, package)` of the dependencies it renames (`foo = { package =
    /// "bar-core", … }`): its code calls that package's library `foo`.
    pub renamed_dependencies: Vec<(String, String)>,
}

/// One module file of a target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleFile {
    /// The file (the package's directory joined with the path found, with
    /// `.` and `..` steps removed).
    pub path: PathBuf,
    /// Its target: an index into [`Package::targets`].
    pub target: usize,
    /// Its module path from the crate root (`["net", "worker"]`; empty for
    /// the root itself).
    pub module: Vec<String>,
    /// Whether it is test code: its target is, or a `mod` on the way to it
    /// requires `cfg(test)`.
    pub test: bool,
}

/// The module files of a package's targets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModuleTree {
    /// Every file reached, per target in target order, depth first in
    /// declaration order (a module's file before its submodules').
    pub files: Vec<ModuleFile>,
    /// What could not be followed: the file concerned (the declaring file,
    /// or a target root or file that could not be loaded) and why.
    pub errors: Vec<(PathBuf, String)>,
    /// The directories the walk listed (or found missing): with the
    /// declarations of the files it loaded, their entries are all the
    /// tree depends on, when [`ModuleTree::exact`].
    pub listed_dirs: Vec<PathBuf>,
    /// Whether the listings answered every question: no link was
    /// followed and no directory was left unlisted.
    pub exact: bool,
}

/// Reads the package of the `Cargo.toml` at `manifest` and discovers its
/// targets as Cargo does. A manifest without a `[package]` table (a virtual
/// workspace) is an error.
pub fn read_package(manifest: &Path) -> Result<Package, String> {
    let dir = manifest.parent().map(Path::to_path_buf).unwrap_or_default();
    with_manifest(manifest, |doc| package_from_doc(&dir, doc))?
        .ok_or_else(|| format!("{} has no [package] table", manifest.display()))
}

/// What the `build` key of a `[package]` table says of its build script,
/// relative to the package's directory: `None` without the key (Cargo
/// takes `build.rs` if there is one), `Some(None)` for `build = false`,
/// else the file it names (`build.rs` for `build = true`).
pub(crate) fn declared_build_script(package: &DeTable<'_>) -> Option<Option<PathBuf>> {
    let build = package.get("build")?.get_ref();
    Some(match (build.as_str(), build.as_bool()) {
        (Some(file), _) => Some(PathBuf::from(file)),
        (None, Some(false)) => None,
        _ => Some(PathBuf::from("build.rs")),
    })
}

fn package_from_doc(dir: &Path, doc: &DeTable<'_>) -> Option<Package> {
    let package = table(doc.get("package"))?;
    let name = str_value(package, "name")?.to_string();
    // No `edition` means 2015, where declaring one target of a kind turns
    // off discovery of that kind; an inherited edition is a later one.
    let edition_2015 = package
        .get("edition")
        .is_none_or(|e| e.get_ref().as_str() == Some("2015"));
    let auto = |key: &str| package.get(key).and_then(|v| v.get_ref().as_bool());

    let mut targets = Vec::new();
    let lib_table = table(doc.get("lib"));
    let lib_root = match lib_table {
        Some(lib) => Some(str_value(lib, "path").unwrap_or("src/lib.rs")),
        None if auto("autolib") != Some(false) && dir.join("src/lib.rs").is_file() => {
            Some("src/lib.rs")
        }
        None => None,
    };
    let lib_name = lib_root.map(|_| {
        lib_table
            .and_then(|lib| str_value(lib, "name"))
            .map_or_else(|| name.replace('-', "_"), str::to_string)
    });
    if let (Some(root), Some(lib_name)) = (lib_root, &lib_name) {
        targets.push(Target {
            kind: TargetKind::Lib,
            name: lib_name.clone(),
            root: dir.join(root),
            test: false,
        });
    }

    let kinds = [
        (TargetKind::Bin, "bin", "autobins", "src/bin"),
        (TargetKind::Example, "example", "autoexamples", "examples"),
        (TargetKind::Test, "test", "autotests", "tests"),
        (TargetKind::Bench, "bench", "autobenches", "benches"),
    ];
    for (kind, key, auto_key, folder) in kinds {
        let mut inferred = discover(&dir.join(folder));
        if kind == TargetKind::Bin && dir.join("src/main.rs").is_file() {
            inferred.insert(0, (name.clone(), dir.join("src/main.rs")));
        }
        let declared = declared_targets(doc, key, dir, folder, &inferred);
        let autodiscover = auto(auto_key).unwrap_or(!edition_2015 || declared.is_empty());
        let names: HashSet<&String> = declared.iter().map(|(n, _)| n).collect();
        let roots: HashSet<&PathBuf> = declared.iter().map(|(_, r)| r).collect();
        let discovered: Vec<(String, PathBuf)> = if autodiscover {
            inferred
                .iter()
                .filter(|(n, r)| !names.contains(n) && !roots.contains(r))
                .cloned()
                .collect()
        } else {
            Vec::new()
        };
        for (target_name, root) in declared.into_iter().chain(discovered) {
            targets.push(Target {
                kind,
                name: target_name,
                root,
                test: kind != TargetKind::Bin,
            });
        }
    }

    let build = match declared_build_script(package) {
        Some(declared) => declared.map(|p| dir.join(p)),
        None => Some(dir.join("build.rs")).filter(|p| p.is_file()),
    };
    if let Some(root) = build {
        targets.push(Target {
            kind: TargetKind::BuildScript,
            name: "build".to_string(),
            root,
            test: false,
        });
    }
    let dependencies = crate::cargo_workspace::dependency_names(doc, false);
    let renamed_dependencies = crate::cargo_workspace::renamed_dependencies(doc);
    Some(Package {
        dir: dir.to_path_buf(),
        name,
        lib_name,
        targets,
        dependencies,
        renamed_dependencies,
    })
}

/// The renamed entries of the `[workspace.dependencies]` of the manifest at
/// `path`: key → the package it names (`foo = { path = "…", package =
/// "foo-core" }`), for members that inherit `foo.workspace = true`. Empty
/// when the manifest cannot be read or has none.
pub fn workspace_renames(path: &Path) -> std::collections::HashMap<String, String> {
    let read = |doc: &DeTable<'_>| {
        let Some(deps) = table(doc.get("workspace")).and_then(|w| table(w.get("dependencies")))
        else {
            return std::collections::HashMap::new();
        };
        (deps.iter())
            .map(|(key, value)| {
                let key = key.get_ref().to_string();
                let package = crate::cargo_workspace::dependency_package(&key, value);
                (key, package)
            })
            .filter(|(key, package)| key != package)
            .collect()
    };
    with_manifest(path, read).unwrap_or_default()
}

fn str_value<'a>(t: &'a DeTable<'_>, key: &str) -> Option<&'a str> {
    t.get(key).and_then(|v| v.get_ref().as_str())
}

/// The targets Cargo discovers in `folder`: `name.rs` and `name/main.rs`,
/// sorted by path. Names that are not UTF-8 are skipped, as Cargo does.
fn discover(folder: &Path) -> Vec<(String, PathBuf)> {
    let mut found: Vec<(String, PathBuf)> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let path = entry.path();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if is_dir {
                let main = path.join("main.rs");
                let name = path.file_name()?.to_str()?.to_string();
                main.is_file().then_some((name, main))
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.file_stem()?.to_str()?.to_string();
                Some((name, path))
            } else {
                None
            }
        })
        .collect();
    found.sort_by(|a, b| a.1.cmp(&b.1));
    found
}

/// The `[[key]]` targets of the manifest, in order: their names and roots
/// (a missing `path` is the discovered target's of that name, else
/// `folder/name.rs` or `folder/name/main.rs`). Entries without a name are
/// skipped (Cargo rejects them).
fn declared_targets(
    doc: &DeTable<'_>,
    key: &str,
    dir: &Path,
    folder: &str,
    inferred: &[(String, PathBuf)],
) -> Vec<(String, PathBuf)> {
    let Some(entries) = doc.get(key).and_then(|v| v.get_ref().as_array()) else {
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|entry| {
            let entry = entry.get_ref().as_table()?;
            let name = str_value(entry, "name")?.to_string();
            let root = match str_value(entry, "path") {
                Some(path) => dir.join(path),
                None => inferred
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, r)| r.clone())
                    .unwrap_or_else(|| {
                        let nested = dir.join(folder).join(&name).join("main.rs");
                        if nested.is_file() {
                            nested
                        } else {
                            dir.join(folder).join(format!("{name}.rs"))
                        }
                    }),
            };
            Some((name, root))
        })
        .collect()
}

/// Loads a file's module declarations (the caller parses it).
pub type Loader<'a> = dyn FnMut(&Path) -> Result<Vec<ModDecl>, String> + 'a;

/// The module files of every target of `pkg`, found by following `mod`
/// declarations from each root; `load` gives a file's declarations and is
/// called at most once per file.
pub fn module_tree(pkg: &Package, load: &mut Loader<'_>) -> ModuleTree {
    let mut walk = Walk {
        package_dir: normalize(&pkg.dir),
        load,
        loaded: HashMap::default(),
        identities: HashMap::default(),
        listings: Listings::default(),
        tree: ModuleTree::default(),
        seen_errors: HashSet::default(),
        capped: false,
    };
    for (index, target) in pkg.targets.iter().enumerate() {
        walk.target(index, target);
    }
    let mut tree = walk.tree;
    tree.listed_dirs = walk.listings.read;
    tree.exact = !walk.listings.inexact;
    tree
}

/// A module file on the walk's current chain (the root, the file that
/// declared the next one, …).
struct Node {
    /// The file, normalised.
    path: PathBuf,
    /// What identifies the file on disk (its canonical path when it has one).
    identity: PathBuf,
    /// Its index in [`ModuleTree::files`].
    file: usize,
    test: bool,
    /// rustc's directory of the module: where its `mod a;` look, together
    /// with `relative`.
    dir: PathBuf,
    /// For a non-`mod.rs` file `x.rs`, `x`: its submodules are in `dir/x/`.
    relative: Option<String>,
    /// Its declarations, and how many of them the walk has followed.
    decls: Rc<[ModDecl]>,
    next: usize,
    /// The files of the last declaration followed still to visit (more
    /// than one when `cfg_attr` paths name several).
    pending: Vec<Child>,
}

/// Where a declaration leads, before the file is listed.
struct Child {
    path: PathBuf,
    identity: PathBuf,
    /// The names below the declaring file's module: inline modules, then
    /// the declared one.
    names: Vec<String>,
    test: bool,
    dir: PathBuf,
    relative: Option<String>,
}

struct Walk<'l, 'a> {
    package_dir: PathBuf,
    load: &'l mut Loader<'a>,
    /// Each file's declarations (or why it could not be loaded), by identity.
    loaded: HashMap<PathBuf, Result<Rc<[ModDecl]>, String>>,
    /// Normalised path → identity.
    identities: HashMap<PathBuf, PathBuf>,
    listings: Listings,
    tree: ModuleTree,
    seen_errors: HashSet<(PathBuf, String)>,
    capped: bool,
}

impl Walk<'_, '_> {
    fn error(&mut self, path: &Path, message: String) {
        if self
            .seen_errors
            .insert((path.to_path_buf(), message.clone()))
        {
            self.tree.errors.push((path.to_path_buf(), message));
        }
    }

    /// Walks one target's tree depth first; only the chain from the root to
    /// the current file is kept (it is also what the cycle check needs).
    fn target(&mut self, index: usize, target: &Target) {
        let root = normalize(&target.root);
        if !self.listings.is_file(&root) {
            let what = if root.is_dir() {
                "is a directory"
            } else {
                "does not exist"
            };
            self.error(
                &root,
                format!("the root file of target `{}` {what}", target.name),
            );
            return;
        }
        let mut chain: Vec<Node> = Vec::new();
        let mut next = Some(Child {
            identity: self.identity(&root),
            dir: root.parent().map(Path::to_path_buf).unwrap_or_default(),
            path: root,
            names: Vec::new(),
            test: target.test,
            relative: None,
        });
        loop {
            if let Some(child) = next.take() {
                if self.tree.files.len() >= MAX_FILES {
                    if !self.capped {
                        self.capped = true;
                        self.error(
                            &child.path,
                            format!(
                                "the package has more than {MAX_FILES} module files; \
                                 this one and the rest are not read"
                            ),
                        );
                    }
                    return;
                }
                let mut module = chain
                    .last()
                    .map(|parent| self.tree.files[parent.file].module.clone())
                    .unwrap_or_default();
                module.extend(child.names);
                let file = self.tree.files.len();
                self.tree.files.push(ModuleFile {
                    path: child.path.clone(),
                    target: index,
                    module,
                    test: child.test,
                });
                let decls = self.decls(&child.path, &child.identity);
                chain.push(Node {
                    path: child.path,
                    identity: child.identity,
                    file,
                    test: child.test,
                    dir: child.dir,
                    relative: child.relative,
                    decls: decls.unwrap_or_else(|| Rc::from([])),
                    next: 0,
                    pending: Vec::new(),
                });
            }
            let Some(current) = chain.last_mut() else {
                return;
            };
            if let Some(child) = current.pending.pop() {
                next = Some(child);
                continue;
            }
            let decls = Rc::clone(&current.decls);
            let Some(decl) = decls.get(current.next) else {
                chain.pop();
                continue;
            };
            current.next += 1;
            let mut children = self.children(&chain, decl);
            // `pending` is taken from the end: the first file first.
            children.reverse();
            if let Some(current) = chain.last_mut() {
                current.pending = children;
            }
        }
    }

    /// What identifies a file: its canonical path, else its normalised
    /// path; asked once per path.
    fn identity(&mut self, path: &Path) -> PathBuf {
        if let Some(known) = self.identities.get(path) {
            return known.clone();
        }
        let listed_file = self.listings.entry(path).is_some_and(|t| t.is_file());
        let identity = match (path.parent(), path.file_name()) {
            // A file that is no link is an entry of its canonical directory.
            (Some(dir), Some(name)) if listed_file && !dir.as_os_str().is_empty() => {
                self.canonical_dir(dir).join(name)
            }
            _ => canonical_file(path, &mut self.identities),
        };
        self.identities.insert(path.to_path_buf(), identity.clone());
        identity
    }

    /// The canonical path of the directory `dir` (itself if it has none):
    /// a directory that is no link is an entry of its parent's canonical
    /// path, so only the first directory asked about is resolved by the
    /// file system (each resolution costs a lookup per component).
    fn canonical_dir(&mut self, dir: &Path) -> PathBuf {
        if let Some(known) = self.identities.get(dir) {
            return known.clone();
        }
        let listed_dir = self.listings.entry(dir).is_some_and(|t| t.is_dir());
        let canonical = match (dir.parent(), dir.file_name()) {
            (Some(parent), Some(name)) if listed_dir && self.identities.contains_key(parent) => {
                self.canonical_dir(parent).join(name)
            }
            _ => std::fs::canonicalize(dir).unwrap_or_else(|_| dir.into()),
        };
        self.identities.insert(dir.to_path_buf(), canonical.clone());
        canonical
    }

    /// The declarations of a file, loaded once.
    fn decls(&mut self, path: &Path, identity: &Path) -> Option<Rc<[ModDecl]>> {
        if !self.loaded.contains_key(identity) {
            let result = (self.load)(path).map(Rc::from);
            if let Err(message) = &result {
                self.error(path, message.clone());
            }
            self.loaded.insert(identity.to_path_buf(), result);
        }
        self.loaded.get(identity)?.as_ref().ok().cloned()
    }

    /// The files `decl`, declared in the last file of `chain`, may load:
    /// the one rustc finds without a `cfg`, and those its `cfg_attr` paths
    /// name. What cannot be followed gets an error entry.
    fn children(&mut self, chain: &[Node], decl: &ModDecl) -> Vec<Child> {
        let Some(parent) = chain.last() else {
            return Vec::new();
        };
        let shown = shown_decl(decl);
        // The directory the inline modules around the declaration give.
        let mut dir = parent.dir.clone();
        let mut relative = parent.relative.clone();
        let mut names = Vec::with_capacity(decl.inline_parents.len() + 1);
        for inline in &decl.inline_parents {
            match &inline.path {
                Some(path) => {
                    dir = dir.join(path);
                    relative = None;
                }
                None => {
                    if let Some(name) = relative.take() {
                        dir.push(name);
                    }
                    dir.push(&inline.name);
                }
            }
            names.push(inline.name.clone());
        }
        names.push(decl.name.clone());

        let mut found = Vec::new();
        let primary = self.lookup(&dir, relative.as_deref(), decl, &shown);
        for alternative in &decl.cfg_paths {
            let path = normalize(&dir.join(&alternative.path));
            if !is_inside(&path, &self.package_dir) {
                self.error(&parent.path, outside(&shown, &path));
            } else if self.listings.is_file(&path) && !found.iter().any(|f: &Found| f.path == path)
            {
                // A file named for a `cfg` that is off need not exist.
                found.push(Found {
                    dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
                    path,
                    relative: None,
                    test: alternative.test,
                });
            }
        }
        match primary {
            Lookup::Found(file) => {
                if !found.iter().any(|f| f.path == file.path) {
                    found.insert(0, file);
                }
            }
            // Without a `cfg_attr` path that exists, the module has no file.
            Lookup::Missing(message) if found.is_empty() => self.error(&parent.path, message),
            Lookup::Missing(_) => {}
            Lookup::Refused(message) => self.error(&parent.path, message),
        }

        let mut children = Vec::with_capacity(found.len());
        for file in found {
            let identity = self.identity(&file.path);
            if chain.iter().any(|node| node.identity == identity) {
                self.error(
                    &parent.path,
                    format!(
                        "{shown}: {} is already one of this module's own ancestors \
                         (a module cycle); not followed",
                        file.path.display()
                    ),
                );
            } else if chain.len() > MAX_DEPTH {
                self.error(
                    &parent.path,
                    format!(
                        "{shown}: modules nested more than {MAX_DEPTH} files deep are not read"
                    ),
                );
            } else {
                children.push(Child {
                    path: file.path,
                    identity,
                    names: names.clone(),
                    test: parent.test || decl.test || file.test,
                    dir: file.dir,
                    relative: file.relative,
                });
            }
        }
        children
    }

    /// The file rustc loads for `decl` when no `cfg_attr` gives it a path:
    /// its `#[path]`, else `name.rs` or `name/mod.rs` in `dir` (below
    /// `relative` for a non-`mod.rs` file).
    fn lookup(
        &mut self,
        dir: &Path,
        relative: Option<&str>,
        decl: &ModDecl,
        shown: &str,
    ) -> Lookup {
        if let Some(attr) = &decl.path {
            let path = normalize(&dir.join(attr));
            if !is_inside(&path, &self.package_dir) {
                return Lookup::Refused(outside(shown, &path));
            }
            if !self.listings.is_file(&path) {
                let what = if path.is_dir() {
                    "is a directory"
                } else {
                    "does not exist"
                };
                return Lookup::Missing(format!("{shown}: {} {what}", path.display()));
            }
            return Lookup::Found(Found {
                dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
                path,
                relative: None,
                test: false,
            });
        }
        let dir = match relative {
            Some(name) => dir.join(name),
            None => dir.to_path_buf(),
        };
        let flat = normalize(&dir.join(format!("{}.rs", decl.name)));
        let nested = normalize(&dir.join(&decl.name).join("mod.rs"));
        // Only an inline module's `#[path]` can lead out here.
        if !is_inside(&flat, &self.package_dir) {
            return Lookup::Refused(outside(shown, &flat));
        }
        match (self.listings.is_file(&flat), self.listings.is_file(&nested)) {
            (true, false) => Lookup::Found(Found {
                path: flat,
                dir,
                relative: Some(decl.name.clone()),
                test: false,
            }),
            (false, true) => Lookup::Found(Found {
                path: nested,
                dir: dir.join(&decl.name),
                relative: None,
                test: false,
            }),
            (true, true) => Lookup::Refused(format!(
                "{shown}: both {} and {} exist, and rustc rejects the module",
                flat.display(),
                nested.display()
            )),
            (false, false) => {
                let directory = if flat.is_dir() {
                    format!(" ({} is a directory)", flat.display())
                } else {
                    String::new()
                };
                Lookup::Missing(format!(
                    "{shown}: neither {} nor {} exists{directory}",
                    flat.display(),
                    nested.display()
                ))
            }
        }
    }
}

/// A module file found for a declaration.
struct Found {
    path: PathBuf,
    /// rustc's directory and relative name for the file's own `mod`s.
    dir: PathBuf,
    relative: Option<String>,
    /// Whether the `cfg_attr` that names it requires `test`.
    test: bool,
}

/// What looking a declaration's file up gave.
enum Lookup {
    Found(Found),
    /// No file is there (not an error when a `cfg_attr` path names one).
    Missing(String),
    /// A file that is not followed: outside the package, or ambiguous.
    Refused(String),
}

fn outside(shown: &str, path: &Path) -> String {
    format!(
        "{shown}: {} is outside the package; not followed",
        path.display()
    )
}

/// The declaration as an error message names it: its line and its text.
fn shown_decl(decl: &ModDecl) -> String {
    let path = decl
        .path
        .as_ref()
        .map(|p| format!("#[path = {p:?}] "))
        .unwrap_or_default();
    format!("line {}: `{path}mod {};`", decl.line, decl.name)
}

/// `path` with `.` steps dropped and `..` steps applied lexically (a `..`
/// that would leave a relative path is kept).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                let can_pop = matches!(out.components().next_back(), Some(Component::Normal(_)));
                if can_pop {
                    out.pop();
                } else if !matches!(
                    out.components().next_back(),
                    Some(Component::RootDir | Component::Prefix(_))
                ) {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether the normalised `path` is inside the normalised directory `dir`.
fn is_inside(path: &Path, dir: &Path) -> bool {
    path.strip_prefix(dir)
        .is_ok_and(|rest| !matches!(rest.components().next(), Some(Component::ParentDir)))
}

/// The entries of directories, each listed once: the module walk asks
/// whether two candidate files exist for every `mod` declaration, and a
/// crate has far fewer directories than declarations (one `getdents` per
/// directory instead of a `stat` per question).
#[derive(Default)]
struct Listings {
    dirs: HashMap<PathBuf, Option<HashMap<OsString, FileType>>>,
    /// The directories listed (or found missing) through the file system,
    /// in the order asked.
    read: Vec<PathBuf>,
    /// Whether an answer came from elsewhere (a link followed, a
    /// directory that could not be listed).
    inexact: bool,
}

impl Listings {
    /// The type of the entry `path` (not following a link), if its
    /// directory's listing has it; `None` also when the directory cannot be
    /// listed.
    fn entry(&mut self, path: &Path) -> Option<FileType> {
        let (dir, name) = (directory(path)?, path.file_name()?);
        if !self.dirs.contains_key(dir) {
            let listing = self.list(dir);
            self.dirs.insert(dir.to_path_buf(), listing);
        }
        self.dirs.get(dir)?.as_ref()?.get(name).copied()
    }

    /// The entries of `dir` (`None`: it cannot be listed). A directory its
    /// parent's listing does not have has no entries, unread (a `mod` in
    /// `x.rs` looks in `x/`, which rarely exists).
    fn list(&mut self, dir: &Path) -> Option<HashMap<OsString, FileType>> {
        let parent = directory(dir).and_then(|p| self.dirs.get(p)?.as_ref());
        if parent.is_some_and(|p| dir.file_name().is_some_and(|n| !p.contains_key(n))) {
            return Some(HashMap::default());
        }
        self.read.push(dir.to_path_buf());
        let read = match std::fs::read_dir(dir) {
            Ok(read) => read,
            // No directory: no entries.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(HashMap::default()),
            Err(_) => {
                self.inexact = true;
                return None;
            }
        };
        read.map(|e| {
            e.ok()
                .and_then(|e| Some((e.file_name(), e.file_type().ok()?)))
        })
        .collect()
    }

    /// Whether `path` is a file (through a link too), as
    /// [`Path::is_file`] says.
    fn is_file(&mut self, path: &Path) -> bool {
        match self.entry(path) {
            Some(kind) if kind.is_symlink() => {
                self.inexact = true;
                path.is_file()
            }
            Some(kind) => kind.is_file(),
            // Not in its directory's listing: not there.
            None if self.listed(path) => false,
            None => {
                self.inexact = true;
                path.is_file()
            }
        }
    }

    /// Whether the directory of `path` could be listed.
    fn listed(&self, path: &Path) -> bool {
        directory(path)
            .and_then(|dir| self.dirs.get(dir))
            .is_some_and(Option::is_some)
    }
}

/// The directory `path` is an entry of (`.` for a bare name).
fn directory(path: &Path) -> Option<&Path> {
    let dir = path.parent()?;
    Some(match dir.as_os_str().is_empty() {
        true => Path::new("."),
        false => dir,
    })
}

/// The canonical path of the file at `path`, or `path` itself when it
/// cannot be made canonical (it does not exist). A file that is no link is
/// an entry of its canonical directory: directories are made canonical
/// once each, through `dirs` (a crate has far fewer directories than
/// files, and each costs a lookup per component of its path).
pub fn canonical_file(path: &Path, dirs: &mut HashMap<PathBuf, PathBuf>) -> PathBuf {
    let canonical_or_given =
        |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return path.to_path_buf();
    };
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name))
            if !meta.file_type().is_symlink() && !dir.as_os_str().is_empty() =>
        {
            dirs.entry(dir.to_path_buf())
                .or_insert_with(|| canonical_or_given(dir))
                .join(name)
        }
        _ => canonical_or_given(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing_paths() {
        assert_eq!(normalize(Path::new("a/./b/../c.rs")), Path::new("a/c.rs"));
        assert_eq!(normalize(Path::new("../x/../y")), Path::new("../y"));
        assert_eq!(normalize(Path::new("a/../../b")), Path::new("../b"));
        assert_eq!(normalize(Path::new("/../a")), Path::new("/a"));
    }

    #[test]
    fn inside_the_package() {
        assert!(is_inside(Path::new("p/src/a.rs"), Path::new("p")));
        assert!(!is_inside(Path::new("q/src/a.rs"), Path::new("p")));
        assert!(is_inside(Path::new("src/a.rs"), Path::new("")));
        assert!(!is_inside(Path::new("../a.rs"), Path::new("")));
        assert!(!is_inside(Path::new("/etc/a.rs"), Path::new("/w/p")));
    }
}
