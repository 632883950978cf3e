//! The crate model's files: targets discovered from `Cargo.toml` and module
//! trees followed from their roots, built in temporary directories with the
//! real loader (read, parse with syn, list the `mod` declarations). Broken
//! and adversarial trees must give error entries, never a hang or a panic.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use leaklint::crate_tree::{
    module_tree, read_package, ModuleTree, Package, TargetKind, MAX_DEPTH, MAX_FILES,
};
use leaklint_lints::context::modules::{module_decls, ModDecl};

/// A package in a temporary directory.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new(manifest: &str) -> Fixture {
        let fixture = Fixture {
            dir: tempfile::tempdir().unwrap(),
        };
        fixture.write("Cargo.toml", manifest);
        fixture
    }

    fn package(files: &[(&str, &str)]) -> Fixture {
        let fixture = Fixture::new("[package]\nname = \"demo-pkg\"\nedition = \"2021\"\n");
        for (path, text) in files {
            fixture.write(path, text);
        }
        fixture
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.root().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn read(&self) -> Package {
        read_package(&self.root().join("Cargo.toml")).unwrap()
    }

    /// The tree and how many times each file was loaded.
    fn tree(&self) -> (ModuleTree, HashMap<PathBuf, usize>) {
        tree_of(&self.read())
    }

    fn rel(&self, path: &Path) -> String {
        path.strip_prefix(self.root())
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned()
    }

    /// `(file, module path, test)` for each file of target `target`.
    fn files(&self, tree: &ModuleTree, target: usize) -> Vec<(String, String, bool)> {
        tree.files
            .iter()
            .filter(|f| f.target == target)
            .map(|f| (self.rel(&f.path), f.module.join("::"), f.test))
            .collect()
    }

    fn errors(&self, tree: &ModuleTree) -> Vec<(String, String)> {
        tree.errors
            .iter()
            .map(|(p, m)| (self.rel(p), m.replace(&*self.root().to_string_lossy(), "")))
            .collect()
    }
}

fn real_loader(path: &Path) -> Result<Vec<ModDecl>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let file = syn::parse_file(&text).map_err(|e| format!("cannot parse: {e}"))?;
    Ok(module_decls(&file))
}

fn tree_of(package: &Package) -> (ModuleTree, HashMap<PathBuf, usize>) {
    let mut loads: HashMap<PathBuf, usize> = HashMap::new();
    let tree = module_tree(package, &mut |path: &Path| {
        *loads.entry(path.to_path_buf()).or_default() += 1;
        real_loader(path)
    });
    (tree, loads)
}

fn row(file: &str, module: &str, test: bool) -> (String, String, bool) {
    (file.to_string(), module.to_string(), test)
}

#[test]
fn modules_follow_the_2018_layout() {
    let fx = Fixture::package(&[
        (
            "src/lib.rs",
            "mod a;\npub mod b;\nmod inline {\n    mod c;\n}\n",
        ),
        ("src/a.rs", "mod x;\n"),
        ("src/a/x.rs", ""),
        ("src/b/mod.rs", "mod y;\nmod z { mod deep; }\n"),
        ("src/b/y.rs", ""),
        ("src/b/z/deep.rs", ""),
        ("src/inline/c.rs", "mod d;\n"),
        ("src/inline/c/d.rs", ""),
    ]);
    let (tree, loads) = fx.tree();
    assert_eq!(fx.errors(&tree), []);
    assert_eq!(
        fx.files(&tree, 0),
        [
            row("src/lib.rs", "", false),
            row("src/a.rs", "a", false),
            row("src/a/x.rs", "a::x", false),
            row("src/b/mod.rs", "b", false),
            row("src/b/y.rs", "b::y", false),
            row("src/b/z/deep.rs", "b::z::deep", false),
            row("src/inline/c.rs", "inline::c", false),
            row("src/inline/c/d.rs", "inline::c::d", false),
        ]
    );
    assert!(loads.values().all(|&n| n == 1), "{loads:?}");
}

#[test]
fn path_attributes_as_rustc_reads_them() {
    let fx = Fixture::package(&[
        (
            "src/lib.rs",
            "mod a;\n#[path = \"dir\"]\nmod d {\n    mod e;\n}\n#[path = \"elsewhere/thing.rs\"]\nmod thing;\n",
        ),
        // In a non-mod.rs file, `#[path]` is relative to the file's own
        // directory, but inside an inline module it starts from `a/`.
        (
            "src/a.rs",
            "#[path = \"p.rs\"]\nmod q;\nmod i {\n    #[path = \"o.rs\"]\n    mod o;\n}\n",
        ),
        ("src/p.rs", ""),
        ("src/a/i/o.rs", ""),
        ("src/dir/e.rs", ""),
        // A file loaded through `#[path]` is a mod.rs file for its own `mod`s.
        ("src/elsewhere/thing.rs", "mod sub;\n"),
        ("src/elsewhere/sub.rs", ""),
    ]);
    let (tree, _) = fx.tree();
    assert_eq!(fx.errors(&tree), []);
    assert_eq!(
        fx.files(&tree, 0),
        [
            row("src/lib.rs", "", false),
            row("src/a.rs", "a", false),
            row("src/p.rs", "a::q", false),
            row("src/a/i/o.rs", "a::i::o", false),
            row("src/dir/e.rs", "d::e", false),
            row("src/elsewhere/thing.rs", "thing", false),
            row("src/elsewhere/sub.rs", "thing::sub", false),
        ]
    );
}

#[test]
fn cfg_attr_paths_are_files_the_module_may_be() {
    let fx = Fixture::package(&[
        (
            "src/lib.rs",
            "#[cfg_attr(unix, path = \"sel/epoll.rs\")]\n\
             #[cfg_attr(windows, path = \"sel/iocp.rs\")]\n\
             mod selector;\n\
             #[cfg_attr(test, path = \"mock.rs\")]\n\
             mod net;\n\
             #[cfg_attr(unix, path = \"gone.rs\")]\n\
             mod missing;\n",
        ),
        ("src/sel/epoll.rs", "mod inner;\n"),
        ("src/sel/inner.rs", ""),
        ("src/net.rs", ""),
        ("src/mock.rs", ""),
    ]);
    let (tree, _) = fx.tree();
    assert_eq!(
        fx.files(&tree, 0),
        [
            row("src/lib.rs", "", false),
            row("src/sel/epoll.rs", "selector", false),
            row("src/sel/inner.rs", "selector::inner", false),
            row("src/net.rs", "net", false),
            row("src/mock.rs", "net", true),
        ]
    );
    let errors = fx.errors(&tree);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].1.starts_with("line 7: `mod missing;`: neither"),
        "{errors:?}"
    );
}

#[test]
fn cfg_test_marks_the_whole_subtree() {
    let fx = Fixture::package(&[
        (
            "src/lib.rs",
            "mod prod;\n#[cfg(test)]\nmod tests;\n#[cfg(any(test, feature = \"x\"))]\nmod support;\n",
        ),
        ("src/prod.rs", ""),
        ("src/tests.rs", "mod helpers;\n"),
        ("src/tests/helpers.rs", ""),
        ("src/support.rs", "#![cfg(test)]\nmod inner;\n"),
        ("src/support/inner.rs", ""),
    ]);
    let (tree, _) = fx.tree();
    assert_eq!(fx.errors(&tree), []);
    assert_eq!(
        fx.files(&tree, 0),
        [
            row("src/lib.rs", "", false),
            row("src/prod.rs", "prod", false),
            row("src/tests.rs", "tests", true),
            row("src/tests/helpers.rs", "tests::helpers", true),
            // The file itself is test code through its own `#![cfg(test)]`
            // (the per-file scope sees that); what it declares is marked here.
            row("src/support.rs", "support", false),
            row("src/support/inner.rs", "support::inner", true),
        ]
    );
}

#[test]
fn targets_as_cargo_discovers_them() {
    let fx = Fixture::package(&[
        ("src/lib.rs", ""),
        ("src/main.rs", ""),
        ("src/bin/tool.rs", ""),
        ("src/bin/multi/main.rs", ""),
        ("src/bin/notes.txt", ""),
        ("examples/demo.rs", ""),
        ("tests/it.rs", ""),
        ("tests/suite/main.rs", ""),
        ("benches/speed.rs", ""),
        ("build.rs", ""),
    ]);
    let pkg = fx.read();
    assert_eq!(pkg.name, "demo-pkg");
    assert_eq!(pkg.lib_name.as_deref(), Some("demo_pkg"));
    let targets: Vec<(TargetKind, &str, String, bool)> = pkg
        .targets
        .iter()
        .map(|t| (t.kind, t.name.as_str(), fx.rel(&t.root), t.test))
        .collect();
    assert_eq!(
        targets,
        [
            (TargetKind::Lib, "demo_pkg", "src/lib.rs".into(), false),
            (TargetKind::Bin, "demo-pkg", "src/main.rs".into(), false),
            (
                TargetKind::Bin,
                "multi",
                "src/bin/multi/main.rs".into(),
                false
            ),
            (TargetKind::Bin, "tool", "src/bin/tool.rs".into(), false),
            (TargetKind::Example, "demo", "examples/demo.rs".into(), true),
            (TargetKind::Test, "it", "tests/it.rs".into(), true),
            (
                TargetKind::Test,
                "suite",
                "tests/suite/main.rs".into(),
                true
            ),
            (TargetKind::Bench, "speed", "benches/speed.rs".into(), true),
            (TargetKind::BuildScript, "build", "build.rs".into(), false),
        ]
    );
    // Every file of a test target is test code.
    let (tree, _) = tree_of(&pkg);
    let test_files: Vec<String> = tree
        .files
        .iter()
        .filter(|f| f.test)
        .map(|f| fx.rel(&f.path))
        .collect();
    assert_eq!(
        test_files,
        [
            "examples/demo.rs",
            "tests/it.rs",
            "tests/suite/main.rs",
            "benches/speed.rs"
        ]
    );
}

#[test]
fn declared_targets_and_switches() {
    let fx = Fixture::new(
        "[package]\nname = \"app\"\nedition = \"2021\"\nautobins = false\nbuild = \"tools/gen.rs\"\n\
         autotests = false\n\
         [lib]\nname = \"core_api\"\npath = \"lib/api.rs\"\n\
         [[bin]]\nname = \"server\"\npath = \"cmd/server.rs\"\n\
         [[bin]]\nname = \"tool\"\n\
         [[example]]\nname = \"demo\"\n",
    );
    for file in [
        "lib/api.rs",
        "cmd/server.rs",
        "src/main.rs",
        "src/bin/tool.rs",
        "src/bin/other.rs",
        "src/lib.rs",
        "examples/demo/main.rs",
        "examples/more.rs",
        "tests/ignored.rs",
        "tools/gen.rs",
        "build.rs",
    ] {
        fx.write(file, "");
    }
    let pkg = fx.read();
    assert_eq!(pkg.lib_name.as_deref(), Some("core_api"));
    let targets: Vec<(TargetKind, &str, String)> = pkg
        .targets
        .iter()
        .map(|t| (t.kind, t.name.as_str(), fx.rel(&t.root)))
        .collect();
    assert_eq!(
        targets,
        [
            (TargetKind::Lib, "core_api", "lib/api.rs".into()),
            (TargetKind::Bin, "server", "cmd/server.rs".into()),
            (TargetKind::Bin, "tool", "src/bin/tool.rs".into()),
            (TargetKind::Example, "demo", "examples/demo/main.rs".into()),
            (TargetKind::Example, "more", "examples/more.rs".into()),
            (TargetKind::BuildScript, "build", "tools/gen.rs".into()),
        ]
    );
}

#[test]
fn edition_2015_turns_off_discovery_of_a_declared_kind() {
    let fx = Fixture::new(
        "[package]\nname = \"old\"\nbuild = false\n[[bin]]\nname = \"only\"\npath = \"src/only.rs\"\n",
    );
    for file in ["src/only.rs", "src/main.rs", "src/bin/x.rs", "build.rs"] {
        fx.write(file, "");
    }
    let pkg = fx.read();
    assert_eq!(pkg.lib_name, None);
    let names: Vec<&str> = pkg.targets.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["only"]);
}

#[test]
fn a_virtual_manifest_or_a_broken_one_is_an_error() {
    let fx = Fixture::new("[workspace]\nmembers = []\n");
    assert!(read_package(&fx.root().join("Cargo.toml"))
        .unwrap_err()
        .contains("no [package] table"));
    let fx = Fixture::new("[package\nname = ");
    assert!(read_package(&fx.root().join("Cargo.toml"))
        .unwrap_err()
        .contains("cannot parse"));
    assert!(read_package(&fx.root().join("missing/Cargo.toml"))
        .unwrap_err()
        .contains("cannot read"));
}

#[test]
fn a_file_reached_from_two_targets_is_listed_once_per_target_and_loaded_once() {
    let fx = Fixture::package(&[
        ("src/lib.rs", "pub mod shared;\n"),
        ("src/main.rs", "mod shared;\nfn main() {}\n"),
        ("src/shared.rs", ""),
    ]);
    let (tree, loads) = fx.tree();
    assert_eq!(fx.files(&tree, 0)[1], row("src/shared.rs", "shared", false));
    assert_eq!(fx.files(&tree, 1)[1], row("src/shared.rs", "shared", false));
    assert_eq!(loads.len(), 3);
    assert!(loads.values().all(|&n| n == 1), "{loads:?}");
}

/// A file reached through linked directories and through its real one is
/// one file (loaded once), and a link to a directory is followed.
#[cfg(unix)]
#[test]
fn a_file_reached_through_a_linked_directory_is_one_file() {
    let fx = Fixture::package(&[
        (
            "src/lib.rs",
            "mod b;\n#[path = \"linked/y.rs\"]\nmod again;\nmod via;\n",
        ),
        ("src/b/mod.rs", "mod y;\n"),
        ("src/b/y.rs", ""),
    ]);
    std::os::unix::fs::symlink("b", fx.root().join("src/linked")).unwrap();
    std::os::unix::fs::symlink("b", fx.root().join("src/via")).unwrap();
    let (tree, loads) = fx.tree();
    assert!(tree.errors.is_empty(), "{:?}", tree.errors);
    let y_loads: usize = loads
        .iter()
        .filter(|(p, _)| p.ends_with("y.rs"))
        .map(|(_, n)| n)
        .sum();
    assert_eq!(y_loads, 1, "{loads:?}");
    let files = fx.files(&tree, 0);
    // `via` is the linked directory's `mod.rs`; its `y` is b's.
    assert!(
        files.contains(&row("src/via/mod.rs", "via", false)),
        "{files:?}"
    );
    assert!(
        files.contains(&row("src/linked/y.rs", "again", false)),
        "{files:?}"
    );
    assert!(
        files.contains(&row("src/via/y.rs", "via::y", false)),
        "{files:?}"
    );
}

#[test]
fn path_cycles_are_cut_with_an_error() {
    let fx = Fixture::package(&[
        (
            "src/lib.rs",
            "#[path = \"lib.rs\"]\nmod me;\nmod a;\n#[path = \"twice.rs\"]\nmod one;\n#[path = \"twice.rs\"]\nmod two;\n",
        ),
        ("src/a.rs", "#[path = \"b.rs\"]\nmod b;\n"),
        ("src/b.rs", "#[path = \"a.rs\"]\nmod back;\n"),
        ("src/twice.rs", ""),
    ]);
    let (tree, loads) = fx.tree();
    assert_eq!(
        fx.files(&tree, 0),
        [
            row("src/lib.rs", "", false),
            row("src/a.rs", "a", false),
            row("src/b.rs", "a::b", false),
            // Not a cycle: rustc compiles the file as two modules.
            row("src/twice.rs", "one", false),
            row("src/twice.rs", "two", false),
        ]
    );
    let errors = fx.errors(&tree);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0].0, "src/lib.rs");
    assert!(
        errors[0]
            .1
            .starts_with("line 2: `#[path = \"lib.rs\"] mod me;`")
            && errors[0].1.contains("module cycle"),
        "{errors:?}"
    );
    assert_eq!(errors[1].0, "src/b.rs");
    assert!(errors[1].1.contains("module cycle"), "{errors:?}");
    assert!(loads.values().all(|&n| n == 1), "{loads:?}");
}

#[test]
fn missing_files_name_the_file_and_the_mod_line() {
    let fx = Fixture::package(&[
        (
            "src/lib.rs",
            "mod here;\n\nmod gone;\n#[path = \"nowhere.rs\"]\nmod lost;\n",
        ),
        ("src/here.rs", "mod deeper_gone;\n"),
    ]);
    let (tree, _) = fx.tree();
    assert_eq!(tree.files.len(), 2);
    assert_eq!(
        fx.errors(&tree),
        [
            (
                "src/here.rs".to_string(),
                "line 1: `mod deeper_gone;`: neither /src/here/deeper_gone.rs nor \
                 /src/here/deeper_gone/mod.rs exists"
                    .to_string()
            ),
            (
                "src/lib.rs".to_string(),
                "line 3: `mod gone;`: neither /src/gone.rs nor /src/gone/mod.rs exists".to_string()
            ),
            (
                "src/lib.rs".to_string(),
                "line 5: `#[path = \"nowhere.rs\"] mod lost;`: /src/nowhere.rs does not exist"
                    .to_string()
            ),
        ]
    );
}

#[test]
fn a_module_path_that_is_a_directory() {
    let fx = Fixture::package(&[
        (
            "src/lib.rs",
            "mod d;\n#[path = \"folder\"]\nmod e;\nmod f;\n",
        ),
        ("src/d.rs/keep", ""),
        ("src/folder/x.rs", ""),
        // `f.rs` is a directory but `f/mod.rs` is a file: that one is used.
        ("src/f.rs/keep", ""),
        ("src/f/mod.rs", ""),
    ]);
    let (tree, _) = fx.tree();
    assert_eq!(
        fx.files(&tree, 0),
        [
            row("src/lib.rs", "", false),
            row("src/f/mod.rs", "f", false)
        ]
    );
    let errors = fx.errors(&tree);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].1.contains("/src/d.rs is a directory"),
        "{errors:?}"
    );
    assert!(
        errors[1].1.contains("/src/folder is a directory"),
        "{errors:?}"
    );
}

#[test]
fn a_module_file_at_both_places_is_an_error() {
    let fx = Fixture::package(&[
        ("src/lib.rs", "mod m;\n"),
        ("src/m.rs", ""),
        ("src/m/mod.rs", ""),
    ]);
    let (tree, _) = fx.tree();
    assert_eq!(tree.files.len(), 1);
    assert!(fx.errors(&tree)[0].1.contains("both"));
}

#[test]
fn path_attributes_do_not_leave_the_package() {
    let fx = Fixture::package(&[
        (
            "src/lib.rs",
            "#[path = \"../../outside.rs\"]\nmod up;\n#[path = \"/etc/hostname\"]\nmod absolute;\n\
             #[path = \"../src/inside.rs\"]\nmod fine;\n#[path = \"../..\"]\nmod dir {\n    mod escape;\n}\n",
        ),
        ("src/inside.rs", ""),
    ]);
    let (tree, loads) = fx.tree();
    assert_eq!(
        fx.files(&tree, 0),
        [
            row("src/lib.rs", "", false),
            row("src/inside.rs", "fine", false)
        ]
    );
    let errors = fx.errors(&tree);
    assert_eq!(errors.len(), 3, "{errors:?}");
    for ((file, message), line) in errors.iter().zip([2, 4, 9]) {
        assert_eq!(file, "src/lib.rs");
        assert!(message.starts_with(&format!("line {line}: ")), "{errors:?}");
        assert!(
            message.ends_with("is outside the package; not followed"),
            "{errors:?}"
        );
    }
    assert_eq!(loads.len(), 2, "{loads:?}");
}

#[test]
fn unreadable_and_unparsable_files_are_errors_and_the_walk_goes_on() {
    let fx = Fixture::package(&[
        ("src/lib.rs", "mod broken;\nmod ok;\n"),
        ("src/broken.rs", "fn (\n"),
        ("src/ok.rs", "mod leaf;\n"),
        ("src/ok/leaf.rs", ""),
    ]);
    let (tree, _) = fx.tree();
    assert_eq!(tree.files.len(), 4);
    let errors = fx.errors(&tree);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].0, "src/broken.rs");
    assert!(errors[0].1.starts_with("cannot parse"));
}

#[test]
fn a_missing_target_root_is_an_error() {
    let fx = Fixture::new(
        "[package]\nname = \"p\"\nedition = \"2021\"\n[[bin]]\nname = \"x\"\npath = \"src/x.rs\"\n[lib]\npath = \"src/dir\"\n",
    );
    fx.write("src/dir/keep", "");
    let (tree, _) = fx.tree();
    assert!(tree.files.is_empty());
    assert_eq!(
        fx.errors(&tree),
        [
            (
                "src/dir".to_string(),
                "the root file of target `p` is a directory".to_string()
            ),
            (
                "src/x.rs".to_string(),
                "the root file of target `x` does not exist".to_string()
            ),
        ]
    );
}

#[test]
fn ten_thousand_modules_are_each_loaded_once() {
    let mut lib = String::new();
    let fx = Fixture::package(&[]);
    for i in 0..100 {
        lib.push_str(&format!("mod g{i};\n"));
        let mut group = String::new();
        for j in 0..99 {
            group.push_str(&format!("pub mod m{j};\n"));
            fx.write(&format!("src/g{i}/m{j}.rs"), "fn f() {}\n");
        }
        fx.write(&format!("src/g{i}.rs"), &group);
    }
    fx.write("src/lib.rs", &lib);
    let (tree, loads) = fx.tree();
    assert_eq!(fx.errors(&tree), []);
    assert_eq!(tree.files.len(), 1 + 100 + 100 * 99);
    assert_eq!(loads.len(), tree.files.len());
    assert!(loads.values().all(|&n| n == 1));
    let last = tree.files.last().unwrap();
    assert_eq!(last.module, ["g99", "m98"]);
}

#[test]
fn a_chain_deeper_than_the_cap_stops_with_an_error() {
    let fx = Fixture::package(&[("src/lib.rs", "mod m;\n")]);
    let mut dir = String::from("src");
    for _ in 0..MAX_DEPTH + 20 {
        fx.write(&format!("{dir}/m.rs"), "mod m;\n");
        dir.push_str("/m");
    }
    let (tree, _) = fx.tree();
    assert_eq!(tree.files.len(), MAX_DEPTH + 1);
    let errors = fx.errors(&tree);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].1.contains("files deep"), "{errors:?}");
}

#[test]
fn an_exponential_tree_of_path_attributes_is_capped() {
    // Each level includes the next file twice: 2^30 modules if followed.
    let fx = Fixture::package(&[(
        "src/lib.rs",
        "#[path = \"l0.rs\"] mod a;\n#[path = \"l0.rs\"] mod b;\n",
    )]);
    for level in 0..30 {
        let next = level + 1;
        fx.write(
            &format!("src/l{level}.rs"),
            &format!("#[path = \"l{next}.rs\"] mod a;\n#[path = \"l{next}.rs\"] mod b;\n"),
        );
    }
    fx.write("src/l30.rs", "");
    let (tree, loads) = fx.tree();
    assert_eq!(tree.files.len(), MAX_FILES);
    let errors = fx.errors(&tree);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].1.contains("more than"), "{errors:?}");
    assert!(loads.values().all(|&n| n == 1));
}

#[cfg(unix)]
#[test]
fn non_utf8_names() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let outer = tempfile::tempdir().unwrap();
    let dir = outer.path().join(OsStr::from_bytes(b"pkg-\xff\xfe"));
    let write = |path: &str, text: &str| {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "Cargo.toml",
        "[package]\nname = \"odd\"\nedition = \"2021\"\n",
    );
    write("src/lib.rs", "mod a;\n");
    write("src/a.rs", "");
    write("src/main.rs", "fn main() {}\n");
    // A binary whose name is not UTF-8: Cargo cannot name it and skips it.
    std::fs::write(dir.join("src/bin").join(OsStr::from_bytes(b"\xff.rs")), "")
        .or_else(|_| {
            std::fs::create_dir_all(dir.join("src/bin"))?;
            std::fs::write(dir.join("src/bin").join(OsStr::from_bytes(b"\xff.rs")), "")
        })
        .unwrap();
    let pkg = read_package(&dir.join("Cargo.toml")).unwrap();
    let names: Vec<&str> = pkg.targets.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["odd", "odd"]);
    let (tree, _) = tree_of(&pkg);
    assert_eq!(tree.errors, []);
    assert_eq!(tree.files.len(), 3);
    assert_eq!(tree.files[1].path, dir.join("src/a.rs"));
}

#[test]
fn dependencies_are_the_packages_the_targets_may_use() {
    let fx = Fixture::new(
        "[package]\nname = \"svc\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\
         [dependencies]\ncore = { path = \"../core\" }\nstore = { package = \"acme-store\", path = \"../store\" }\n\
         engine.workspace = true\n\
         [build-dependencies]\ncodegen = { path = \"../codegen\" }\n\
         [dev-dependencies]\nharness = { path = \"../harness\" }\n\
         [target.'cfg(unix)'.dependencies]\nunix-io = { path = \"../unix-io\" }\n",
    );
    fx.write("src/lib.rs", "");
    let package = fx.read();
    let names: Vec<&str> = package.dependencies.iter().map(String::as_str).collect();
    assert_eq!(
        names,
        ["acme-store", "codegen", "core", "engine", "unix-io"]
    );

    fx.write(
        "ws/Cargo.toml",
        "[workspace]\nmembers = []\n[workspace.dependencies]\n\
         engine = { path = \"core\", package = \"acme-core\" }\ntokio = \"1\"\n",
    );
    let renames = leaklint::crate_tree::workspace_renames(&fx.root().join("ws/Cargo.toml"));
    assert_eq!(
        renames,
        HashMap::from([("engine".to_string(), "acme-core".to_string())])
    );
    assert!(leaklint::crate_tree::workspace_renames(&fx.root().join("missing.toml")).is_empty());
}
