//! `cargo leaklint`: which directories to lint, read from `Cargo.toml`
//! files alone (no build, no `cargo metadata`), and the subcommand itself.
//!
//! Cargo runs `cargo-leaklint leaklint ARGS…` for `cargo leaklint ARGS…`.
//! Without paths, the nearest `Cargo.toml` above the working directory (or
//! `--manifest-path`) picks what is linted:
//!
//! * at a workspace root (a `[workspace]` table), or with `--workspace`:
//!   every member of the workspace: `members` (globs expanded, each match
//!   with a `Cargo.toml`), less what `exclude` names (a member listed
//!   without a glob stays), the root package if the root is one, and path
//!   dependencies inside the workspace directory, as cargo counts them;
//! * in a member's directory: that package;
//! * in a package without a workspace: that package.
//!
//! A package is its directory without the packages nested in it (cargo
//! packages them separately): `cargo leaklint` at the root of a package that
//! holds `fuzz/` or an excluded crate does not lint them. Everything else is
//! plain `leaklint` with the same flags; paths given on the command line are
//! linted as given.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use toml::de::{DeTable, DeValue};

use crate::{Cli, Status};

/// The flags `cargo leaklint` adds to leaklint's.
const CARGO_HELP: &str = "\
Lint the current package, or every member of its workspace, with leaklint.

Usage: cargo leaklint [--workspace] [--manifest-path PATH] [OPTIONS] [PATHS]...

Without PATHS: at a workspace root, or with --workspace, every workspace
member (read from Cargo.toml: `members` globs less `exclude`, the root
package, path dependencies); in a package's directory, that package. Nested
packages that are not selected (an excluded member, fuzz/) are not linted.
Nothing is built. With PATHS, exactly those are linted.

cargo leaklint options:
      --workspace             Lint every member of the workspace, also from a member's directory
      --manifest-path <PATH>  The Cargo.toml to start from [default: the nearest one above the
                              working directory]

leaklint options (the same as `leaklint`'s):
";

/// The `cargo-leaklint` program: `args` as the process received them.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let mut args: Vec<OsString> = args.into_iter().collect();
    // Cargo passes the subcommand's name first.
    if args.get(1).is_some_and(|a| a == "leaklint") {
        args.remove(1);
    }
    if crate::merge::is_merge(&args) {
        return crate::run(args);
    }
    let (args, own) = match split_cargo_flags(args) {
        Ok(split) => split,
        Err(message) => return fail(&message),
    };
    let mut cli = match Cli::parse_args(&args) {
        Ok(cli) => cli,
        Err(e) => {
            if e.kind() == clap::error::ErrorKind::DisplayHelp {
                print!("{CARGO_HELP}");
            }
            let _ = e.print();
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    let lints_code =
        !(cli.stdin || cli.list_rules || cli.explain.is_some() || cli.show_settings.is_some());
    if !cli.paths.is_empty() || !lints_code {
        if own.workspace || own.manifest_path.is_some() {
            return fail(
                "--workspace and --manifest-path choose what to lint; give them or PATHS, not both",
            );
        }
        return crate::execute(&cli).into();
    }

    let selection = match std::env::current_dir()
        .map_err(|e| format!("cannot read the working directory: {e}"))
        .and_then(|cwd| select_paths(&cwd, own.manifest_path.as_deref(), own.workspace))
    {
        Ok(selection) => selection,
        Err(message) => return fail(&message),
    };
    let mut stderr = std::io::stderr().lock();
    for note in &selection.notes {
        let _ = writeln!(stderr, "note: {note}");
    }
    drop(stderr);
    cli.paths = selection.paths;
    // Nothing was named by the user: the configuration's excludes apply to
    // every path, also the files listed beside a nested package.
    cli.force_exclude = true;
    crate::execute(&cli).into()
}

fn fail(message: &str) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "error: {message}");
    Status::Failure.into()
}

/// `--workspace` and `--manifest-path`, taken out of the arguments.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct CargoFlags {
    /// `--workspace`: every member, also from a member's directory.
    pub workspace: bool,
    /// `--manifest-path PATH`.
    pub manifest_path: Option<PathBuf>,
}

/// Splits `cargo leaklint`'s own flags from leaklint's (up to a `--`).
pub fn split_cargo_flags(args: Vec<OsString>) -> Result<(Vec<OsString>, CargoFlags), String> {
    let mut own = CargoFlags::default();
    let mut rest = Vec::with_capacity(args.len());
    let mut iter = args.into_iter();
    while let Some(arg) = iter.next() {
        if arg == "--" {
            rest.push(arg);
            rest.extend(iter.by_ref());
            break;
        }
        if arg == "--workspace" {
            own.workspace = true;
        } else if arg == "--manifest-path" {
            let path = iter
                .next()
                .ok_or("--manifest-path needs a value: the path of a Cargo.toml")?;
            own.manifest_path = Some(PathBuf::from(path));
        } else if let Some(path) = arg
            .to_str()
            .and_then(|a| a.strip_prefix("--manifest-path="))
        {
            own.manifest_path = Some(PathBuf::from(path));
        } else {
            rest.push(arg);
        }
    }
    Ok((rest, own))
}

/// What `cargo leaklint` lints.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Directories (and, beside nested packages, files) relative to the
    /// working directory when they are inside it.
    pub paths: Vec<PathBuf>,
    /// Things worth saying on stderr (a member without a `Cargo.toml`).
    pub notes: Vec<String>,
}

/// The paths to lint from `cwd`: `manifest` (or the nearest `Cargo.toml`)
/// and its workspace.
pub fn select_paths(
    cwd: &Path,
    manifest: Option<&Path>,
    workspace: bool,
) -> Result<Selection, String> {
    let cwd = canonical(cwd)?;
    let manifest = match manifest {
        Some(path) => {
            let path = cwd.join(path);
            if path.file_name().is_none_or(|n| n != "Cargo.toml") || !path.is_file() {
                return Err(format!(
                    "--manifest-path {}: not a Cargo.toml file",
                    path.display()
                ));
            }
            canonical(&path)?
        }
        None => find_manifest(&cwd)?,
    };
    let mut notes = Vec::new();
    let dirs = selected_packages(&manifest, workspace, &mut notes)?;
    let mut paths = Vec::new();
    for dir in &dirs {
        let nested = nested_packages(dir);
        cover(dir, &nested, &mut paths);
    }
    let paths = paths.iter().map(|p| relative_to(&cwd, p)).collect();
    Ok(Selection { paths, notes })
}

/// The nearest `Cargo.toml` in `dir` or above.
pub fn find_manifest(dir: &Path) -> Result<PathBuf, String> {
    dir.ancestors()
        .map(|d| d.join("Cargo.toml"))
        .find(|m| m.is_file())
        .ok_or_else(|| {
            format!(
                "could not find `Cargo.toml` in `{}` or any parent directory \
                 (run cargo leaklint in a package, or give the paths to lint)",
                dir.display()
            )
        })
}

/// The directories of the packages to lint for `manifest`.
pub fn selected_packages(
    manifest: &Path,
    workspace: bool,
    notes: &mut Vec<String>,
) -> Result<Vec<PathBuf>, String> {
    let current = Manifest::read(manifest)?;
    if current.workspace.is_some() {
        return members(&current, notes);
    }
    if !current.is_package {
        return Err(format!(
            "{} has neither a [package] nor a [workspace] table",
            manifest.display()
        ));
    }
    match workspace_root(&current)? {
        Some(root) if workspace => members(&root, notes),
        _ => Ok(vec![current.dir]),
    }
}

/// What `cargo leaklint` needs from one `Cargo.toml`.
#[derive(Debug, Clone)]
struct Manifest {
    /// Its directory (canonical).
    dir: PathBuf,
    /// Whether it has a `[package]` table.
    is_package: bool,
    /// Its `[workspace]` table, if any.
    workspace: Option<Workspace>,
    /// `package.workspace`: the path of the workspace root's directory.
    workspace_path: Option<String>,
    /// The `path` of every dependency (all dependency tables, also per target).
    path_deps: Vec<String>,
}

#[derive(Debug, Clone, Default)]
struct Workspace {
    members: Vec<String>,
    exclude: Vec<String>,
}

/// Reads and parses the `Cargo.toml` at `path` and gives its top-level
/// table to `read`; an unreadable or malformed manifest is an error naming it.
pub(crate) fn with_manifest<T>(
    path: &Path,
    read: impl FnOnce(&DeTable<'_>) -> T,
) -> Result<T, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    crate::manifests::with_toml(&text, read).map_err(|e| {
        format!(
            "cannot parse {}: {}",
            path.display(),
            e.message().trim_end()
        )
    })
}

impl Manifest {
    fn read(path: &Path) -> Result<Manifest, String> {
        with_manifest(path, |doc| Manifest::from_doc(path, doc))
    }

    fn from_doc(path: &Path, doc: &DeTable<'_>) -> Manifest {
        let package = table(doc.get("package"));
        let workspace = table(doc.get("workspace")).map(|w| Workspace {
            members: strings(w.get("members")),
            exclude: strings(w.get("exclude")),
        });
        let workspace_path = package
            .as_ref()
            .and_then(|p| p.get("workspace"))
            .and_then(|v| v.get_ref().as_str().map(str::to_string));
        let mut path_deps = Vec::new();
        for (_, deps) in dependency_tables(doc) {
            for (_, dep) in deps.iter() {
                if let Some(path) = dep
                    .get_ref()
                    .as_table()
                    .and_then(|d| d.get("path"))
                    .and_then(|p| p.get_ref().as_str())
                {
                    path_deps.push(path.to_string());
                }
            }
        }
        Manifest {
            dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
            is_package: package.is_some(),
            workspace,
            workspace_path,
            path_deps,
        }
    }
}

/// The table under a key, if the value is one.
pub(crate) fn table<'a, 'b>(
    value: Option<&'a toml::Spanned<DeValue<'b>>>,
) -> Option<&'a DeTable<'b>> {
    value.and_then(|v| v.get_ref().as_table())
}

/// The kinds of a manifest's dependency tables.
const DEPENDENCY_KINDS: [&str; 3] = ["dependencies", "build-dependencies", "dev-dependencies"];

/// A manifest's dependency tables, each with its kind (`dependencies`,
/// `build-dependencies` or `dev-dependencies`): the top-level ones, then
/// those of `[target.'cfg(…)'.…]` sections.
pub(crate) fn dependency_tables<'a, 'b>(
    doc: &'a DeTable<'b>,
) -> Vec<(&'static str, &'a DeTable<'b>)> {
    let mut tables = Vec::new();
    for kind in DEPENDENCY_KINDS {
        tables.extend(table(doc.get(kind)).map(|t| (kind, t)));
    }
    if let Some(targets) = table(doc.get("target")) {
        for (_, target) in targets.iter() {
            if let Some(target) = target.get_ref().as_table() {
                for kind in DEPENDENCY_KINDS {
                    tables.extend(table(target.get(kind)).map(|t| (kind, t)));
                }
            }
        }
    }
    tables
}

/// The packages a manifest depends on, by package name (see
/// [`dependency_package`]): its dev-dependencies when `dev`, else its
/// normal and build dependencies; per platform too.
pub(crate) fn dependency_names(doc: &DeTable<'_>, dev: bool) -> BTreeSet<String> {
    (dependency_entries(doc, dev).map(|(_, package)| package)).collect()
}

/// The dependencies of a manifest (normal and build ones, per platform
/// too) that it renames: `(key, package)` for `key = { package =
/// "package", … }`. Its code calls the package's library by the key.
pub(crate) fn renamed_dependencies(doc: &DeTable<'_>) -> Vec<(String, String)> {
    (dependency_entries(doc, false))
        .filter(|(key, package)| key != package)
        .collect()
}

/// The entries of a manifest's dependency tables as `(key, package)` (see
/// [`dependency_package`]): its dev-dependencies when `dev`, else its
/// normal and build dependencies; per platform too.
fn dependency_entries<'d>(
    doc: &'d DeTable<'_>,
    dev: bool,
) -> impl Iterator<Item = (String, String)> + 'd {
    (dependency_tables(doc).into_iter())
        .filter(move |(kind, _)| (*kind == "dev-dependencies") == dev)
        .flat_map(|(_, table)| table.iter())
        .map(|(key, value)| {
            let key = key.get_ref();
            (key.to_string(), dependency_package(key, value))
        })
}

/// The package a dependency entry `key = value` names: its `package` key
/// (`alias = { package = "real-name", … }`), else the key itself.
pub(crate) fn dependency_package(key: &str, value: &toml::Spanned<DeValue<'_>>) -> String {
    value
        .get_ref()
        .as_table()
        .and_then(|t| t.get("package"))
        .and_then(|p| p.get_ref().as_str())
        .map_or_else(|| key.to_string(), str::to_string)
}

/// The strings of an array value (others are ignored: cargo reports them).
pub(crate) fn strings(value: Option<&toml::Spanned<DeValue<'_>>>) -> Vec<String> {
    value
        .and_then(|v| v.get_ref().as_array())
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i.get_ref().as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The workspace `package` belongs to: `package.workspace`, else the
/// nearest manifest above it with a `[workspace]` that has it as a member.
fn workspace_root(package: &Manifest) -> Result<Option<Manifest>, String> {
    if let Some(path) = &package.workspace_path {
        let manifest = canonical(&package.dir.join(path).join("Cargo.toml"))?;
        return Ok(Some(Manifest::read(&manifest)?));
    }
    for dir in package.dir.ancestors().skip(1) {
        let manifest = dir.join("Cargo.toml");
        if !manifest.is_file() {
            continue;
        }
        let Ok(candidate) = Manifest::read(&manifest) else {
            continue;
        };
        if candidate.workspace.is_some()
            && members(&candidate, &mut Vec::new()).is_ok_and(|m| m.contains(&package.dir))
        {
            return Ok(Some(candidate));
        }
    }
    Ok(None)
}

/// Every member of the workspace whose root is `root`, sorted.
fn members(root: &Manifest, notes: &mut Vec<String>) -> Result<Vec<PathBuf>, String> {
    let keys = root.workspace.clone().unwrap_or_default();
    let excluded: Vec<PathBuf> = keys
        .exclude
        .iter()
        .map(|e| normalize(&root.dir.join(e)))
        .collect();
    let is_excluded = |dir: &Path| excluded.iter().any(|e| dir.starts_with(e));
    let mut found = BTreeSet::new();
    if root.is_package {
        found.insert(root.dir.clone());
    }
    for pattern in &keys.members {
        if is_glob(pattern) {
            for dir in expand_glob(&root.dir, pattern) {
                if dir.join("Cargo.toml").is_file() && !is_excluded(&dir) {
                    found.insert(dir);
                }
            }
        } else {
            let dir = normalize(&root.dir.join(pattern));
            if dir.join("Cargo.toml").is_file() {
                found.insert(dir);
            } else {
                notes.push(format!(
                    "workspace member `{pattern}` has no Cargo.toml ({}); skipped",
                    dir.display()
                ));
            }
        }
    }
    // Path dependencies inside the workspace directory are members too.
    let mut queue: Vec<PathBuf> = found.iter().cloned().collect();
    while let Some(dir) = queue.pop() {
        let manifest = if dir == root.dir {
            root.clone()
        } else {
            match Manifest::read(&dir.join("Cargo.toml")) {
                Ok(m) => m,
                Err(e) => {
                    notes.push(format!("{e}; its path dependencies are not linted"));
                    continue;
                }
            }
        };
        for dep in &manifest.path_deps {
            let dep = normalize(&dir.join(dep));
            if dep.starts_with(&root.dir)
                && !is_excluded(&dep)
                && dep.join("Cargo.toml").is_file()
                && found.insert(dep.clone())
            {
                queue.push(dep);
            }
        }
    }
    if found.is_empty() {
        return Err(format!(
            "the workspace at {} has no members to lint",
            root.dir.join("Cargo.toml").display()
        ));
    }
    Ok(found.into_iter().collect())
}

fn is_glob(pattern: &str) -> bool {
    pattern.contains(['*', '?', '['])
}

/// The directories under `base` matching `pattern` (`*`, `?`, `[…]` within
/// one component, `**` for any number of directories), sorted.
fn expand_glob(base: &Path, pattern: &str) -> Vec<PathBuf> {
    let parts: Vec<&str> = pattern
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let mut out = BTreeSet::new();
    expand_from(&normalize(base), &parts, &mut out);
    out.into_iter().collect()
}

fn expand_from(dir: &Path, parts: &[&str], out: &mut BTreeSet<PathBuf>) {
    let Some((first, rest)) = parts.split_first() else {
        if dir.is_dir() {
            out.insert(dir.to_path_buf());
        }
        return;
    };
    if *first == "**" {
        expand_from(dir, rest, out);
        for sub in subdirectories(dir) {
            expand_from(&sub, parts, out);
        }
    } else if is_glob(first) {
        for sub in subdirectories(dir) {
            let name = sub.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !name.starts_with('.') && wildcard(first.as_bytes(), name.as_bytes()) {
                expand_from(&sub, rest, out);
            }
        }
    } else {
        expand_from(&normalize(&dir.join(first)), rest, out);
    }
}

fn subdirectories(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    dirs.sort();
    dirs
}

/// Whether `name` matches the one-component glob `pattern`.
fn wildcard(pattern: &[u8], name: &[u8]) -> bool {
    match pattern.split_first() {
        None => name.is_empty(),
        Some((b'*', rest)) => (0..=name.len()).any(|i| wildcard(rest, &name[i..])),
        Some((b'?', rest)) => !name.is_empty() && wildcard(rest, &name[1..]),
        Some((b'[', rest)) => {
            let Some(close) = rest.iter().skip(1).position(|&b| b == b']').map(|i| i + 1) else {
                return name.first() == Some(&b'[') && wildcard(rest, &name[1..]);
            };
            let (class, after) = (&rest[..close], &rest[close + 1..]);
            let (negated, class) = match class.split_first() {
                Some((b'!' | b'^', c)) => (true, c),
                _ => (false, class),
            };
            let Some(&c) = name.first() else {
                return false;
            };
            let mut hit = false;
            let mut i = 0;
            while i < class.len() {
                if i + 2 < class.len() && class[i + 1] == b'-' {
                    hit |= class[i] <= c && c <= class[i + 2];
                    i += 3;
                } else {
                    hit |= class[i] == c;
                    i += 1;
                }
            }
            hit != negated && wildcard(after, &name[1..])
        }
        Some((&b, rest)) => name.first() == Some(&b) && wildcard(rest, &name[1..]),
    }
}

/// The package directories strictly below `dir` (a `Cargo.toml` in a
/// directory the walk reaches: hidden, ignored and cargo target directories
/// are not walked).
fn nested_packages(dir: &Path) -> Vec<PathBuf> {
    let walker = ignore::WalkBuilder::new(dir)
        .require_git(false)
        .hidden(true)
        .filter_entry(|e| {
            !(e.depth() > 0
                && e.file_type().is_some_and(|t| t.is_dir())
                && (e.path().join("CACHEDIR.TAG").is_file()
                    || (e.file_name() == "target"
                        && e.path()
                            .parent()
                            .is_some_and(|p| p.join("Cargo.toml").is_file()))))
        })
        .build();
    walker
        .flatten()
        .filter(|e| e.depth() > 1 && e.file_name() == "Cargo.toml")
        .filter_map(|e| e.path().parent().map(Path::to_path_buf))
        .collect()
}

/// Adds to `out` what covers `dir` without the directories in `nested`:
/// `dir` itself when nothing is nested in it, else its entries (Rust files
/// and directories, not hidden ones), splitting those that hold a nested
/// package in turn.
fn cover(dir: &Path, nested: &[PathBuf], out: &mut Vec<PathBuf>) {
    if !nested.iter().any(|n| n.starts_with(dir)) {
        out.push(dir.to_path_buf());
        return;
    }
    if nested.iter().any(|n| n == dir) {
        return;
    }
    let mut entries: Vec<(PathBuf, bool)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
        .collect();
    entries.sort();
    for (path, is_dir) in entries {
        if is_dir {
            if path.join("CACHEDIR.TAG").is_file() {
                continue;
            }
            cover(&path, nested, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn canonical(path: &Path) -> Result<PathBuf, String> {
    std::fs::canonicalize(path).map_err(|e| format!("cannot resolve {}: {e}", path.display()))
}

/// `path` with `.` and `..` components resolved lexically (then through
/// the file system when it exists, for symbolic links).
fn normalize(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to `base` when it is inside it (`.` for `base` itself),
/// with `..` steps when they share an ancestor below the root, else as is.
fn relative_to(base: &Path, path: &Path) -> PathBuf {
    if let Ok(rest) = path.strip_prefix(base) {
        return if rest.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            rest.to_path_buf()
        };
    }
    let common = base
        .ancestors()
        .skip(1)
        .find(|a| path.starts_with(a))
        .filter(|a| a.parent().is_some());
    match common {
        Some(common) => {
            let ups = base
                .strip_prefix(common)
                .map_or(0, |r| r.components().count());
            let mut out: PathBuf = std::iter::repeat_n("..", ups).collect();
            let rest = path.strip_prefix(common).unwrap_or(path);
            if !rest.as_os_str().is_empty() {
                out.push(rest);
            }
            out
        }
        None => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_match_one_component() {
        assert!(wildcard(b"*", b"core"));
        assert!(wildcard(b"leak*", b"leaklint"));
        assert!(!wildcard(b"leak*", b"lint"));
        assert!(wildcard(b"a?c", b"abc"));
        assert!(!wildcard(b"a?c", b"ac"));
        assert!(wildcard(b"[ab]x", b"bx"));
        assert!(!wildcard(b"[!ab]x", b"bx"));
        assert!(wildcard(b"v[0-9]", b"v7"));
    }

    #[test]
    fn relative_paths() {
        let base = Path::new("/w/crates/a");
        assert_eq!(relative_to(base, Path::new("/w/crates/a")), Path::new("."));
        assert_eq!(
            relative_to(base, Path::new("/w/crates/a/src")),
            Path::new("src")
        );
        assert_eq!(
            relative_to(base, Path::new("/w/crates/b")),
            Path::new("../b")
        );
        assert_eq!(relative_to(base, Path::new("/w")), Path::new("../.."));
        assert_eq!(relative_to(base, Path::new("/x/y")), Path::new("/x/y"));
    }

    #[test]
    fn cargo_flags_are_taken_out() {
        let args = [
            "cargo-leaklint",
            "--workspace",
            "-D",
            "all",
            "--manifest-path=x/Cargo.toml",
        ]
        .map(OsString::from)
        .to_vec();
        let (rest, own) = split_cargo_flags(args).unwrap();
        assert_eq!(rest, ["cargo-leaklint", "-D", "all"].map(OsString::from));
        assert!(own.workspace);
        assert_eq!(own.manifest_path, Some(PathBuf::from("x/Cargo.toml")));
        let (rest, own) = split_cargo_flags(
            ["cargo-leaklint", "--", "--workspace"]
                .map(OsString::from)
                .to_vec(),
        )
        .unwrap();
        assert_eq!(rest.len(), 3);
        assert!(!own.workspace);
    }
}
