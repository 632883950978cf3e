//! Finding the files to lint.
//!
//! Directories are walked with the `ignore` crate: `.gitignore`, `.ignore`
//! and `.git/info/exclude` are honoured (also outside a git repository),
//! hidden files and directories are skipped, and so is every cargo target
//! directory (a directory named `target` holding cargo's `CACHEDIR.TAG`,
//! `.rustc_info.json` or build layout; see [`is_cargo_target_dir`]) below a
//! given path. Only `*.rs` files are taken from directories;
//! a file named on the command line is always linted, whatever its name and
//! whether or not it is ignored.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

/// A file to lint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Where to read it.
    pub path: PathBuf,
    /// How to show it: as discovered, `/`-separated, without a leading `./`.
    pub display: String,
    /// Whether it is test code by where it lies: a directory named `tests`,
    /// `benches`, `examples` or `fuzz` below the linted root (or in the path
    /// named on the command line), a package's test, bench or example
    /// target, or a test-support package (see [`crate::packages`]).
    pub test_code: bool,
    /// Whether its package is a command-line tool by its name (see
    /// [`crate::packages::is_command_line_tool_name`]).
    pub command_line_tool: bool,
    /// Whether its package builds a WebAssembly module (see
    /// [`crate::packages::PackageNames::is_wasm_module`]).
    pub wasm_module: bool,
}

/// Directories whose files are test, bench, example or fuzz code. Not
/// `bench` or `benchmarks`: such a directory may hold a CLI's `bench`
/// subcommand or a server that shows benchmark results, which run in
/// production; a benchmark tool there is a package known by its name
/// ([`crate::packages::is_test_support_name`]).
pub const TEST_DIRS: &[&str] = &["tests", "benches", "examples", "fuzz"];

/// Whether a directory of `relative` (a path below the linted root, or as
/// named on the command line) is a test directory. The file name itself
/// does not count.
pub fn in_test_dir(relative: &Path) -> bool {
    let mut components: Vec<_> = relative.components().collect();
    components.pop();
    components.iter().any(|c| match c {
        std::path::Component::Normal(name) => {
            TEST_DIRS.iter().any(|d| std::ffi::OsStr::new(d) == *name)
        }
        _ => false,
    })
}

/// What discovery found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// The files to lint, deduplicated and sorted by displayed path.
    pub files: Vec<SourceFile>,
    /// Parts of the tree that could not be walked (an unreadable directory,
    /// a broken ignore file), as (displayed path, message). They are reported
    /// like unreadable files; the rest of the tree is still linted.
    pub problems: Vec<(String, String)>,
}

/// Why discovery failed; the tool cannot do its job (exit status 2).
#[derive(Debug)]
pub enum DiscoverError {
    /// A path given on the command line does not exist.
    NotFound(PathBuf),
}

impl fmt::Display for DiscoverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiscoverError::NotFound(path) => write!(
                f,
                "path not found: {} (give existing files or directories to lint)",
                path.display()
            ),
        }
    }
}

impl std::error::Error for DiscoverError {}

/// The path as shown to the user: `/`-separated, with leading `./` removed.
pub fn display_path(path: &Path) -> String {
    let mut s = path.to_string_lossy().into_owned();
    if std::path::MAIN_SEPARATOR != '/' {
        s = s.replace(std::path::MAIN_SEPARATOR, "/");
    }
    let mut rest = s.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r.trim_start_matches('/');
    }
    if rest.is_empty() {
        ".".to_string()
    } else {
        rest.to_string()
    }
}

/// The files to lint under `paths` (the current directory when empty).
pub fn discover(paths: &[PathBuf]) -> Result<Discovery, DiscoverError> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };

    // (path, test_code)
    let mut found: Vec<(PathBuf, bool)> = Vec::new();
    let mut problems = Vec::new();
    // Whether two of the found paths may name the same file: several roots
    // may overlap, and a symbolic link may lead to a file found anyway. One
    // walk without links never finds a file twice.
    let mut may_repeat = paths.len() > 1;
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|_| DiscoverError::NotFound(path.clone()))?;
        if meta.is_dir() {
            may_repeat |= walk(path, &mut found, &mut problems);
        } else if meta.is_file() {
            found.push((path.clone(), in_test_dir(&named_relative(path))));
        } else {
            // A FIFO would block the read forever; a device or socket is no source.
            problems.push((display_path(path), NOT_A_FILE.to_string()));
        }
    }

    let mut seen = HashSet::new();
    let mut files: Vec<SourceFile> = found
        .into_iter()
        .filter(|(p, _)| {
            // Resolving every path costs a system call per path component.
            !may_repeat || seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
        })
        .map(|(path, test_code)| SourceFile {
            display: display_path(&path),
            path,
            test_code,
            command_line_tool: false,
            wasm_module: false,
        })
        .collect();
    files.sort_by(|a, b| a.display.cmp(&b.display));
    problems.sort();
    problems.dedup();
    Ok(Discovery { files, problems })
}

/// A file named on the command line, as a path whose directories may say it
/// is test code: relative to the working directory when it lies inside it,
/// else as given.
pub fn named_relative(path: &Path) -> PathBuf {
    if path.is_relative() {
        return path.to_path_buf();
    }
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}

/// Adds the Rust files under `root` to `found` (with whether they lie in a
/// test directory below `root`); whether one of them is a symbolic link.
fn walk(
    root: &Path,
    found: &mut Vec<(PathBuf, bool)>,
    problems: &mut Vec<(String, String)>,
) -> bool {
    let mut links = false;
    let walker = WalkBuilder::new(root)
        .require_git(false)
        .hidden(true)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(|entry| {
            !(entry.depth() > 0
                && entry.file_name() == "target"
                && entry.file_type().is_some_and(|t| t.is_dir())
                && is_cargo_target_dir(entry.path()))
        })
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(walk_problem(root, e));
                continue;
            }
        };
        let is_rs = entry.path().extension().is_some_and(|e| e == "rs");
        let file_type = entry.file_type();
        let test_code = || in_test_dir(entry.path().strip_prefix(root).unwrap_or(entry.path()));
        if is_rs && file_type.is_some_and(|t| t.is_file()) {
            let test_code = test_code();
            found.push((entry.into_path(), test_code));
        } else if is_rs && file_type.is_some_and(|t| t.is_symlink()) {
            links = true;
            let test_code = test_code();
            symlink(entry.into_path(), test_code, found, problems);
        } else if is_rs && file_type.is_some_and(|t| !t.is_dir()) {
            problems.push((display_path(entry.path()), NOT_A_FILE.to_string()));
        }
    }
    links
}

/// Whether `dir` is a cargo target directory: cargo writes a `CACHEDIR.TAG`
/// and a `.rustc_info.json` into it, and builds into `debug/` or `release/`
/// (with a `.fingerprint/` directory). A source directory that happens to be
/// named `target` (`src/target/mod.rs`) has none of these.
pub fn is_cargo_target_dir(dir: &Path) -> bool {
    dir.join("CACHEDIR.TAG").is_file()
        || dir.join(".rustc_info.json").is_file()
        || ["debug", "release"]
            .iter()
            .any(|p| dir.join(p).join(".fingerprint").is_dir())
}

/// Whether the file at `path` is inside a cargo target directory: one of
/// the directories of the path as written is named `target` and is one.
/// Walking never enters such a directory; this applies the same rule to
/// files named on the command line.
pub fn in_cargo_target_dir(path: &Path) -> bool {
    path.ancestors()
        .skip(1)
        .any(|dir| dir.file_name().is_some_and(|n| n == "target") && is_cargo_target_dir(dir))
}

/// Why a FIFO, socket or device is not read (a FIFO would block forever).
const NOT_A_FILE: &str =
    "not a regular file (a FIFO, socket or device): skipped; name Rust source files or directories";

/// A symbolic link named `*.rs` met while walking (links are not followed
/// into directories): linted if it leads to a regular file, otherwise
/// reported, so that a broken or looping link is never silently skipped.
fn symlink(
    path: PathBuf,
    test_code: bool,
    found: &mut Vec<(PathBuf, bool)>,
    problems: &mut Vec<(String, String)>,
) {
    match std::fs::metadata(&path) {
        Ok(meta) if meta.is_file() => found.push((path, test_code)),
        Ok(_) => {}
        Err(e) => problems.push((
            display_path(&path),
            format!("broken or looping symbolic link: {e}; fix or remove the link"),
        )),
    }
}

/// The path an `ignore` error is about (or `root`), and its message.
fn walk_problem(root: &Path, error: ignore::Error) -> (String, String) {
    fn path_of(e: &ignore::Error) -> Option<&Path> {
        match e {
            ignore::Error::WithPath { path, .. } => Some(path),
            ignore::Error::WithLineNumber { err, .. } | ignore::Error::WithDepth { err, .. } => {
                path_of(err)
            }
            ignore::Error::Partial(errs) => errs.first().and_then(path_of),
            _ => None,
        }
    }
    let path = path_of(&error).unwrap_or(root);
    (display_path(path), format!("cannot walk: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_strips_dot_slash() {
        assert_eq!(display_path(Path::new("./src/lib.rs")), "src/lib.rs");
        assert_eq!(display_path(Path::new(".//src/lib.rs")), "src/lib.rs");
        assert_eq!(display_path(Path::new("../x/lib.rs")), "../x/lib.rs");
        assert_eq!(display_path(Path::new("/abs/lib.rs")), "/abs/lib.rs");
        assert_eq!(display_path(Path::new(".")), ".");
    }

    #[test]
    fn test_dirs() {
        for yes in [
            "tests/it.rs",
            "crates/a/tests/common/mod.rs",
            "benches/b.rs",
            "examples/e/main.rs",
            "fuzz/fuzz_targets/f.rs",
        ] {
            assert!(in_test_dir(Path::new(yes)), "{yes}");
        }
        for no in [
            "src/tests.rs",
            "src/lib.rs",
            "src/testing/mod.rs",
            "tests.rs",
            "src/workbench/mod.rs",
            "src/bench.rs",
            // Not in the list of test directories: a `bench` directory
            // may hold a production subcommand or a benchmark dashboard
            // server. A benchmark package there is known by its name
            // (`iggy-bench`, see `packages`).
            "core/bench/dashboard/server/src/handlers.rs",
            "benchmarks/load/src/main.rs",
            "src/commands/bench/mod.rs",
        ] {
            assert!(!in_test_dir(Path::new(no)), "{no}");
        }
    }
}
