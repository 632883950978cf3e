//! Test-support packages: a package whose whole code is test code.
//!
//! A file belongs to the package of the nearest `Cargo.toml` above it that
//! has a `[package]` table. That package is test support when its name ends
//! in `test`, `tests`, `testing`, `test-utils`, `test-util`,
//! `test-helpers`, `test-support`, `fake`, `fakes`, `mock`, `mocks`, `e2e`,
//! `bench`, `benches`, `benchmark`, `benchmarks`, `logictest(s)` or
//! `sqllogictest(s)` (after a `-` or `_`, or
//! as the whole name: `acme-test-utils`, `integration_tests`, `sozu-e2e`,
//! `docs_rs_test_fakes`, `iggy-bench`, but not `latest`, `matrix-e2ee` or
//! `workbench`) or
//! is `integration`, when the configuration
//! lists it in `test_packages`, or when the other members of its workspace
//! depend on it only as a dev-dependency (an integration-test harness; a
//! package with a binary is a program tests run, not a harness).
//!
//! The same lookups give the crate whose callers [`crate::callers`] reads:
//! a file's workspace, else its package.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::cargo_workspace::with_manifest;

/// Name endings that make a package test support.
/// (`e2e`: a workspace's end-to-end test package, `acme-e2e`; `bench`: a
/// benchmark tool, `iggy-bench`; `fake(s)` and `mock(s)`: stand-ins that
/// tests put in place of real services, `acme-test-fakes`,
/// `acme-registry-mock`; `logictest(s)`: the runner of a database's SQL
/// logic tests, `acme-logictest`.)
const TEST_SUFFIXES: &[&str] = &[
    "test",
    "tests",
    "testing",
    "test-utils",
    "test-util",
    "test-helpers",
    "test-support",
    "fake",
    "fakes",
    "mock",
    "mocks",
    "e2e",
    "bench",
    "benches",
    "benchmark",
    "benchmarks",
    "fuzz",
    "logictest",
    "logictests",
    "sqllogictest",
    "sqllogictests",
];

/// Name beginnings that make a package test support: `tests-integration`,
/// `tests-fuzz` (a workspace's test packages grouped by name). Not `test-`:
/// `test-data-gen` may well be a tool of its own.
const TEST_PREFIXES: &[&str] = &["tests"];

/// Whole names that make a package test support: the integration test
/// package of a workspace (`integration-tests` ends in `-tests` anyway), and
/// `xtask`, cargo's convention for the workspace's development automation
/// (`cargo xtask dist`), which never runs in the service.
const TEST_NAMES: &[&str] = &["integration", "xtask"];

/// Whether a package named `name` is test support by its name.
pub fn is_test_support_name(name: &str) -> bool {
    let name = name.replace('_', "-");
    TEST_NAMES.contains(&name.as_str())
        || TEST_SUFFIXES
            .iter()
            .any(|suffix| name == *suffix || name.ends_with(&format!("-{suffix}")))
        || TEST_PREFIXES
            .iter()
            .any(|prefix| name.starts_with(&format!("{prefix}-")))
        || leaklint_lints::context::scope::is_bench_name(&name)
}

/// Whether a package named `name` is a command-line tool by its name: `cli`,
/// a name ending in `-cli` or `_cli` (`acme-cli`), or a cargo subcommand
/// (`cargo-acme`). Such a program runs one command at a time for a user who
/// waits for it; see `blocking_call_in_async`.
pub fn is_command_line_tool_name(name: &str) -> bool {
    let name = name.replace('_', "-");
    name == "cli" || name.ends_with("-cli") || name.starts_with("cargo-")
}

/// The package names of directories, looked up once each.
#[derive(Debug, Default)]
pub struct PackageNames {
    /// Directory → the package whose `Cargo.toml` is in it or above it, if
    /// any: that manifest's directory and the package's name.
    by_dir: HashMap<PathBuf, Option<(PathBuf, String)>>,
    /// Workspace manifest → its members used only as dev-dependencies.
    dev_only: HashMap<PathBuf, BTreeSet<String>>,
    /// Directory → the workspace manifest above it, if any.
    workspace_of: HashMap<PathBuf, Option<PathBuf>>,
    /// Package directory → whether it builds a WebAssembly module.
    wasm_modules: HashMap<PathBuf, bool>,
    /// Manifests (`Cargo.toml`) met while looking for a file's package
    /// that cannot be read as TOML, with why: their packages are not
    /// known, so their files are linted as if outside any crate.
    broken_manifests: BTreeMap<PathBuf, String>,
    /// Package directory (as in `by_dir`) → its build script, relative to
    /// it: `build.rs`, or the path its `build = "…"` key names (`None`:
    /// `build = false`).
    build_scripts: HashMap<PathBuf, Option<PathBuf>>,
}

impl PackageNames {
    /// The manifests met so far that cannot be read as TOML, with why.
    pub fn broken_manifests(&self) -> &BTreeMap<PathBuf, String> {
        &self.broken_manifests
    }

    /// Whether the package `file` belongs to is test support by name, by
    /// `listed` (the configuration's `test_packages`), or because its
    /// workspace uses it only as a dev-dependency.
    pub fn is_test_support(&mut self, file: &Path, listed: &[String]) -> bool {
        let Some(name) = self.package_of(file) else {
            return false;
        };
        if is_test_support_name(&name) || listed.contains(&name) {
            return true;
        }
        let Some(workspace) = std::fs::canonicalize(file)
            .ok()
            .and_then(|f| f.parent().map(Path::to_path_buf))
            .and_then(|dir| self.workspace_of_dir(&dir))
        else {
            return false;
        };
        self.dev_only
            .entry(workspace.clone())
            .or_insert_with(|| dev_only_members(&workspace))
            .contains(&name)
    }

    /// Whether the package `file` belongs to is a command-line tool by its
    /// name ([`is_command_line_tool_name`]).
    pub fn is_command_line_tool(&mut self, file: &Path) -> bool {
        self.package_of(file)
            .is_some_and(|name| is_command_line_tool_name(&name))
    }

    /// Whether the package `file` belongs to builds a WebAssembly module: its
    /// library is a `cdylib` and it depends on `wasm-bindgen` (or its
    /// `-futures`, `js-sys`, `web-sys`) or on Cloudflare's `worker`. Such a
    /// package's code runs in a browser or a Worker, not on a server's
    /// runtime.
    pub fn is_wasm_module(&mut self, file: &Path) -> bool {
        let Some((root, _)) = self.package_of_file(file) else {
            return false;
        };
        *(self.wasm_modules.entry(root)).or_insert_with_key(|root| {
            with_manifest(&root.join("Cargo.toml"), builds_a_wasm_module).unwrap_or(false)
        })
    }

    /// Whether `file` lies in its package's `tests/`, `benches/` or
    /// `examples/` directory: Cargo's test, bench and example targets,
    /// whatever directory the run was started from or named (`leaklint
    /// tests/` lints test code as much as `leaklint .` does). A package's
    /// build script (`build.rs` beside its `Cargo.toml`, or the file its
    /// `build = "…"` key names) counts too: it runs
    /// once, in `cargo build`, never in the service, so a download there
    /// without a timeout can stall a build but leaks nothing at run time.
    pub fn in_test_target(&mut self, file: &Path) -> bool {
        let Some((root, _)) = self.package_of_file(file) else {
            return false;
        };
        let relative = match file.strip_prefix(&root) {
            Ok(relative) => relative.to_path_buf(),
            Err(_) => {
                let (Ok(file), Ok(root)) =
                    (std::fs::canonicalize(file), std::fs::canonicalize(&root))
                else {
                    return false;
                };
                match file.strip_prefix(&root) {
                    Ok(relative) => relative.to_path_buf(),
                    Err(_) => return false,
                }
            }
        };
        let build_script = self.build_scripts.get(&root).and_then(Option::as_deref);
        if build_script == Some(relative.as_path()) {
            return true;
        }
        let mut components = relative.components();
        let first = components.next();
        components.next().is_some()
            && matches!(first, Some(std::path::Component::Normal(d))
                if ["tests", "benches", "examples"].iter().any(|t| d == *t))
    }

    /// The name of the package `file` belongs to, if a `Cargo.toml` with a
    /// `[package]` table is found above it.
    pub fn package_of(&mut self, file: &Path) -> Option<String> {
        self.package_of_file(file).map(|(_, name)| name)
    }

    /// The directory and name of the package `file` belongs to.
    fn package_of_file(&mut self, file: &Path) -> Option<(PathBuf, String)> {
        let dir = file.parent()?;
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        self.package_of_dir(dir)
    }

    /// The directory whose Rust files make up `file`'s crate for the check
    /// of its fns' callers: its workspace's root, else its package's.
    pub fn crate_root(&mut self, file: &Path) -> Option<PathBuf> {
        let dir = std::fs::canonicalize(file).ok()?.parent()?.to_path_buf();
        match self.workspace_of_dir(&dir) {
            Some(manifest) => manifest.parent().map(Path::to_path_buf),
            None => self.package_of_dir(&dir).map(|(root, _)| root),
        }
    }

    /// The nearest `Cargo.toml` in `dir` (absolute) or above with a
    /// `[workspace]` table; each directory's manifest is read once.
    fn workspace_of_dir(&mut self, dir: &Path) -> Option<PathBuf> {
        if let Some(known) = self.workspace_of.get(dir) {
            return known.clone();
        }
        let manifest = dir.join("Cargo.toml");
        let found = if std::fs::read_to_string(&manifest)
            .is_ok_and(|t| t.lines().any(|l| l.trim() == "[workspace]"))
        {
            Some(manifest)
        } else {
            dir.parent().and_then(|p| self.workspace_of_dir(p))
        };
        self.workspace_of.insert(dir.to_path_buf(), found.clone());
        found
    }

    fn package_of_dir(&mut self, dir: &Path) -> Option<(PathBuf, String)> {
        if let Some(known) = self.by_dir.get(dir) {
            return known.clone();
        }
        let manifest = dir.join("Cargo.toml");
        let package = match read_package(&manifest) {
            Ok(Some((name, build_script))) => {
                self.build_scripts.insert(dir.to_path_buf(), build_script);
                Some((dir.to_path_buf(), name))
            }
            found => {
                if let Err(why) = found {
                    let manifest = std::fs::canonicalize(&manifest).unwrap_or(manifest);
                    self.broken_manifests.insert(manifest, why);
                }
                // `Path::parent` of a relative path ends at ""; go on from the
                // absolute path so that a package above the working directory
                // is found too.
                let parent = match dir.parent() {
                    Some(p) if !p.as_os_str().is_empty() => Some(p.to_path_buf()),
                    _ => std::fs::canonicalize(dir)
                        .ok()
                        .and_then(|abs| abs.parent().map(Path::to_path_buf)),
                };
                parent.and_then(|p| self.package_of_dir(&p))
            }
        };
        self.by_dir.insert(dir.to_path_buf(), package.clone());
        package
    }
}

/// The members of the workspace at `manifest` that the other members use
/// only as a dev-dependency: an integration-test harness. Not a package
/// with a binary that only test packages (by name) use: that is the
/// program they test (a service's `-cli` that its `integration-tests`
/// dev-depend on, a server its `-benchmarks` start), where a harness is
/// used by the tests of the service's own packages.
fn dev_only_members(manifest: &Path) -> BTreeSet<String> {
    let mut notes = Vec::new();
    let Ok(dirs) = crate::cargo_workspace::selected_packages(manifest, true, &mut notes) else {
        return BTreeSet::new();
    };
    // Per member: its manifest, its name and the names it depends on.
    let mut members: Vec<(PathBuf, Dependencies)> = Vec::new();
    for dir in dirs {
        let manifest = dir.join("Cargo.toml");
        // An unreadable or malformed member says nothing.
        if let Ok(deps) = with_manifest(&manifest, dependencies_of_member) {
            members.push((manifest, deps));
        }
    }
    let normal: BTreeSet<&String> = members.iter().flat_map(|(_, m)| &m.normal).collect();
    let dev: BTreeSet<&String> = members.iter().flat_map(|(_, m)| &m.dev).collect();
    // Whether only test packages use `name`.
    let tested_by_tests_only = |name: &String| {
        (members.iter())
            .filter(|(_, m)| m.dev.contains(name))
            .all(|(_, m)| m.name.as_deref().is_some_and(is_test_support_name))
    };
    // Its targets are read only for the few members the rest leaves.
    let program = |manifest: &Path| {
        crate::crate_tree::read_package(manifest)
            .is_ok_and(|p| (p.targets.iter()).any(|t| t.kind == crate::crate_tree::TargetKind::Bin))
    };
    (members.iter())
        .filter_map(|(manifest, m)| Some((manifest, m.name.as_ref()?)))
        .filter(|(_, name)| dev.contains(name) && !normal.contains(name))
        .filter(|(manifest, name)| !(tested_by_tests_only(name) && program(manifest)))
        .map(|(_, name)| name.clone())
        .collect()
}

/// What one member's manifest says about dependencies.
struct Dependencies {
    /// Its `package.name`.
    name: Option<String>,
    /// The packages it depends on (normal and build dependencies).
    normal: BTreeSet<String>,
    /// Its dev-dependencies.
    dev: BTreeSet<String>,
}

/// The package name of a member's manifest `doc`, and the packages it
/// depends on.
fn dependencies_of_member(doc: &toml::de::DeTable<'_>) -> Dependencies {
    Dependencies {
        name: doc
            .get("package")
            .and_then(|p| p.get_ref().as_table())
            .and_then(|p| p.get("name"))
            .and_then(|n| n.get_ref().as_str())
            .map(str::to_string),
        normal: crate::cargo_workspace::dependency_names(doc, false),
        dev: crate::cargo_workspace::dependency_names(doc, true),
    }
}

/// Crates a WebAssembly module depends on to talk to its host.
const WASM_HOST_CRATES: &[&str] = &[
    "wasm-bindgen",
    "wasm-bindgen-futures",
    "js-sys",
    "web-sys",
    "worker",
];

/// Whether a manifest builds a WebAssembly module (see
/// [`PackageNames::is_wasm_module`]).
fn builds_a_wasm_module(doc: &toml::de::DeTable<'_>) -> bool {
    let cdylib = (doc.get("lib"))
        .and_then(|l| l.get_ref().as_table())
        .and_then(|l| l.get("crate-type"))
        .and_then(|t| t.get_ref().as_array())
        .is_some_and(|types| types.iter().any(|t| t.get_ref().as_str() == Some("cdylib")));
    cdylib
        && crate::cargo_workspace::dependency_names(doc, false)
            .iter()
            .any(|d| WASM_HOST_CRATES.contains(&d.as_str()))
}

/// The name of the package whose manifest is at `path`, and its build
/// script relative to its directory (`build.rs` unless its `build` key
/// says otherwise; `None` for `build = false`): `Ok(None)` when there is no
/// such file or it has no `[package]` name, `Err` (why) when it is there
/// but cannot be read as TOML.
fn read_package(path: &Path) -> Result<Option<(String, Option<PathBuf>)>, String> {
    let read = |doc: &toml::de::DeTable<'_>| -> Option<(String, Option<PathBuf>)> {
        let package = crate::cargo_workspace::table(doc.get("package"))?;
        let name = package.get("name")?.get_ref().as_str()?.to_string();
        let build_script = crate::crate_tree::declared_build_script(package)
            .unwrap_or_else(|| Some(PathBuf::from("build.rs")));
        Some((name, build_script))
    };
    match std::fs::read_to_string(path) {
        Ok(text) => {
            crate::manifests::with_toml(&text, read).map_err(|e| e.message().trim_end().to_string())
        }
        Err(_) => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cdylib_talking_to_a_wasm_host_is_a_wasm_module() {
        let builds = |text: &str| crate::manifests::with_toml(text, builds_a_wasm_module).unwrap();
        let worker = "[package]\nname = \"edge\"\n[lib]\ncrate-type = [\"cdylib\", \"rlib\"]\n[dependencies]\nworker = \"0.7\"\n";
        assert!(builds(worker));
        let bindgen = "[lib]\ncrate-type = [\"cdylib\"]\n[target.'cfg(target_arch = \"wasm32\")'.dependencies]\nwasm-bindgen = \"0.2\"\n";
        assert!(builds(bindgen));
        // A native plugin, and a library that only uses wasm-bindgen.
        let native = "[lib]\ncrate-type = [\"cdylib\"]\n[dependencies]\nreqwest = \"0.12\"\n";
        assert!(!builds(native));
        let rlib = "[lib]\ncrate-type = [\"rlib\"]\n[dependencies]\nwasm-bindgen = \"0.2\"\n";
        assert!(!builds(rlib));
        let dev_only =
            "[lib]\ncrate-type = [\"cdylib\"]\n[dev-dependencies]\nwasm-bindgen = \"0.2\"\n";
        assert!(!builds(dev_only));
    }

    #[test]
    fn names() {
        for yes in [
            "acme-test",
            "acme_tests",
            "acme-testing",
            "acme-test-utils",
            "acme_test_utils",
            "acme-test-support",
            "acme-test-util",
            "acme_test_helpers",
            "docs_rs_test_fakes",
            "acme-mocks",
            "pacquet-registry-mock",
            "acme_fake",
            "tests",
            "test-utils",
            "integration",
            "e2e",
            "sozu-e2e",
            "acme_e2e",
            "iggy-bench",
            "acme_benches",
            "acme-benchmark",
            "benchmarks",
            "xtask",
            "tests-fuzz",
            "pagebench",
            "tests_integration",
            "acme-fuzz",
            "readyset-logictest",
            "acme_sqllogictest",
            "sqllogictests",
        ] {
            assert!(is_test_support_name(yes), "{yes}");
        }
        for no in [
            "latest",
            "contest",
            "acme",
            "testify",
            "test-data-gen",
            "attest",
            "matrix-e2ee",
            "e2e-encryption",
            "workbench",
            "bench-dashboard-server",
            "mockall",
            "hammock",
            "mock-server",
            "fakeserver",
            "fuzzy-matcher",
            "testsuite-runner",
            "logictest-parser",
        ] {
            assert!(!is_test_support_name(no), "{no}");
        }
    }

    #[test]
    fn command_line_tools_by_name() {
        for yes in ["cli", "acme-cli", "acme_cli", "cargo-acme"] {
            assert!(is_command_line_tool_name(yes), "{yes}");
        }
        for no in ["client", "clippy", "acme-client", "cli-core", "cargo"] {
            assert!(!is_command_line_tool_name(no), "{no}");
        }
    }

    #[test]
    fn nearest_manifest_with_a_package() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("Cargo.toml"), "[workspace]\nmembers = [\"*\"]\n").unwrap();
        std::fs::create_dir_all(root.join("fixtures-test-utils/src/deep")).unwrap();
        std::fs::write(
            root.join("fixtures-test-utils/Cargo.toml"),
            "[package]\nname = \"fixtures-test-utils\"\n",
        )
        .unwrap();
        let mut names = PackageNames::default();
        let file = root.join("fixtures-test-utils/src/deep/a.rs");
        assert_eq!(
            names.package_of(&file).as_deref(),
            Some("fixtures-test-utils")
        );
        assert_eq!(names.package_of(&root.join("b.rs")), None);
    }

    #[test]
    fn members_used_only_as_dev_dependencies() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |path: &str, text: &str| {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n");
        write(
            "crates/server/Cargo.toml",
            "[package]\nname = \"server\"\n[dependencies]\ncore = { path = \"../core\" }\n\
             [dev-dependencies]\nharness = { path = \"../harness\" }\ncore = { path = \"../core\" }\n",
        );
        write("crates/core/Cargo.toml", "[package]\nname = \"core\"\n");
        write(
            "crates/harness/Cargo.toml",
            "[package]\nname = \"harness\"\n[dependencies]\ncore = { path = \"../core\" }\n",
        );
        for (file, _) in [
            ("crates/server/src/main.rs", ()),
            ("crates/core/src/lib.rs", ()),
            ("crates/harness/src/lib.rs", ()),
        ] {
            write(file, "");
        }
        // A program the integration tests run: no harness.
        write(
            "crates/acme-cli/Cargo.toml",
            "[package]\nname = \"acme-cli\"\n",
        );
        write("crates/acme-cli/src/main.rs", "");
        write(
            "crates/it/Cargo.toml",
            "[package]\nname = \"acme-integration-tests\"\n[dev-dependencies]\nacme-cli = { path = \"../acme-cli\" }\n",
        );
        write("crates/it/src/lib.rs", "");
        // A harness with a binary of its own, that the server's tests use.
        write(
            "crates/cluster-runner/Cargo.toml",
            "[package]\nname = \"cluster-runner\"\n",
        );
        write("crates/cluster-runner/src/main.rs", "");
        write(
            "crates/gateway/Cargo.toml",
            "[package]\nname = \"gateway\"\n[dev-dependencies]\ncluster-runner = { path = \"../cluster-runner\" }\n",
        );
        write("crates/gateway/src/lib.rs", "");
        let mut names = PackageNames::default();
        assert!(!names.is_test_support(&root.join("crates/acme-cli/src/main.rs"), &[]));
        assert!(names.is_test_support(&root.join("crates/cluster-runner/src/main.rs"), &[]));
        assert!(names.is_test_support(&root.join("crates/harness/src/lib.rs"), &[]));
        assert!(!names.is_test_support(&root.join("crates/core/src/lib.rs"), &[]));
        assert!(!names.is_test_support(&root.join("crates/server/src/main.rs"), &[]));
        assert!(names.is_test_support(
            &root.join("crates/server/src/main.rs"),
            &["server".to_string()]
        ));
    }
}
