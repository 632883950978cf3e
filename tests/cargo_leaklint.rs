//! `cargo leaklint`: the `cargo-leaklint` binary, run directly (as cargo
//! runs it: `cargo-leaklint leaklint ARGS…`) and through the real `cargo`,
//! on throwaway packages and workspaces.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const LEAKY: &str = "pub fn start() {\n    tokio::spawn(async {\n        loop {\n            tick().await;\n        }\n    });\n}\n";
const CLEAN: &str = "pub fn start() -> tokio::task::JoinHandle<()> {\n    tokio::spawn(async {\n        loop {\n            tick().await;\n        }\n    })\n}\n";

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn package(dir: &Path, name: &str, extra: &str, lib: &str) {
    write(
        &dir.join("Cargo.toml"),
        &format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n{extra}"),
    );
    write(&dir.join("src/lib.rs"), lib);
}

/// A virtual workspace: `crates/*` less `crates/legacy`, a path dependency
/// outside `members`, a `crates/notes` directory without a Cargo.toml, and
/// a clean member.
fn workspace(root: &Path) {
    write(
        &root.join("Cargo.toml"),
        "[workspace]\nmembers = [\"crates/*\"]\nexclude = [\"crates/legacy\"]\nresolver = \"2\"\n",
    );
    package(
        &root.join("crates/app"),
        "app",
        "\n[dependencies]\nshared = { path = \"../../shared\" }\nserde = \"1\"\n",
        LEAKY,
    );
    package(&root.join("crates/core"), "core-lib", "", LEAKY);
    package(&root.join("crates/tidy"), "tidy", "", CLEAN);
    package(&root.join("crates/legacy"), "legacy", "", LEAKY);
    package(&root.join("shared"), "shared", "", LEAKY);
    write(&root.join("crates/notes/scratch.rs"), LEAKY);
}

fn cargo_leaklint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-leaklint"))
        .arg("leaklint")
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_LOG")
        .output()
        .expect("cargo-leaklint runs")
}

/// The files with findings in a `--format json` run, and the exit status.
fn flagged(out: &Output) -> (BTreeSet<String>, i32) {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}):\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let files = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap().to_string())
        .collect();
    (files, out.status.code().unwrap())
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn workspace_root_lints_every_member_and_no_excluded_one() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path();
    workspace(ws);
    let (files, code) = flagged(&cargo_leaklint(ws, &["--format", "json"]));
    assert_eq!(
        files,
        set(&[
            "crates/app/src/lib.rs",
            "crates/core/src/lib.rs",
            "shared/src/lib.rs"
        ])
    );
    assert_eq!(code, 1);

    // leaklint's flags work the same: a level, --exit-zero.
    let out = cargo_leaklint(ws, &["--format", "json", "-A", "spawn_without_cancel"]);
    assert_eq!(flagged(&out), (BTreeSet::new(), 0));
    let out = cargo_leaklint(ws, &["--format", "json", "--exit-zero"]);
    assert_eq!(flagged(&out).1, 0);
    // README's example.
    let out = cargo_leaklint(ws, &["-D", "spawn_without_cancel", "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("::error file=crates/app/src/lib.rs,line=2,"),
        "{stdout}"
    );
}

#[test]
fn member_directory_lints_that_member_and_workspace_flag_all() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path();
    workspace(ws);
    let app = ws.join("crates/app");
    let (files, code) = flagged(&cargo_leaklint(&app, &["--format", "json"]));
    assert_eq!(files, set(&["src/lib.rs"]));
    assert_eq!(code, 1);
    // From a subdirectory of the member: the whole member, as cargo does.
    let (files, _) = flagged(&cargo_leaklint(&app.join("src"), &["--format", "json"]));
    assert_eq!(files, set(&["../src/lib.rs"]));

    let (files, _) = flagged(&cargo_leaklint(&app, &["--workspace", "--format", "json"]));
    assert_eq!(
        files,
        set(&[
            "../../shared/src/lib.rs",
            "../core/src/lib.rs",
            "src/lib.rs"
        ])
    );

    // A clean member exits 0.
    let out = cargo_leaklint(&ws.join("crates/tidy"), &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    // The excluded crate is a package of its own, outside the workspace.
    let (files, _) = flagged(&cargo_leaklint(
        &ws.join("crates/legacy"),
        &["--format", "json"],
    ));
    assert_eq!(files, set(&["src/lib.rs"]));
}

#[test]
fn manifest_path_and_explicit_paths() {
    let tmp = tempfile::tempdir().unwrap();
    workspace(&tmp.path().join("ws"));
    let (files, _) = flagged(&cargo_leaklint(
        tmp.path(),
        &["--manifest-path", "ws/Cargo.toml", "--format", "json"],
    ));
    assert_eq!(
        files,
        set(&[
            "ws/crates/app/src/lib.rs",
            "ws/crates/core/src/lib.rs",
            "ws/shared/src/lib.rs"
        ])
    );

    // Paths on the command line are linted as given, like leaklint does.
    let ws = tmp.path().join("ws");
    let (files, _) = flagged(&cargo_leaklint(&ws, &["--format", "json", "crates/legacy"]));
    assert_eq!(files, set(&["crates/legacy/src/lib.rs"]));
    let out = cargo_leaklint(&ws, &["--workspace", "crates/legacy"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not both"));

    let out = cargo_leaklint(&ws, &["--manifest-path", "nope/Cargo.toml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn package_without_workspace_skips_nested_packages() {
    let tmp = tempfile::tempdir().unwrap();
    let solo = tmp.path();
    package(solo, "solo", "", CLEAN);
    write(&solo.join("build.rs"), LEAKY);
    write(&solo.join("src/net/mod.rs"), LEAKY);
    // A nested package of its own (like fuzz/), and a cargo target directory.
    package(&solo.join("tools/gen"), "gen", "", LEAKY);
    write(&solo.join("tools/run.rs"), LEAKY);
    write(
        &solo.join("target/CACHEDIR.TAG"),
        "Signature: 8a477f597d28d172789f06886806bc55\n",
    );
    write(&solo.join("target/debug/build/out.rs"), LEAKY);
    let (files, code) = flagged(&cargo_leaklint(solo, &["--format", "json"]));
    // The build script is found, and skipped: it runs in `cargo build`.
    assert_eq!(files, set(&["src/net/mod.rs", "tools/run.rs"]));
    assert_eq!(code, 1);
    let (files, _) = flagged(&cargo_leaklint(
        solo,
        &["--format", "json", "--include-tests"],
    ));
    assert_eq!(files, set(&["build.rs", "src/net/mod.rs", "tools/run.rs"]));
}

#[test]
fn exit_codes_outside_a_package_and_on_bad_flags() {
    let tmp = tempfile::tempdir().unwrap();
    let out = cargo_leaklint(tmp.path(), &[]);
    if tmp
        .path()
        .ancestors()
        .any(|d| d.join("Cargo.toml").is_file())
    {
        return; // the temporary directory is inside a package here
    }
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("could not find `Cargo.toml`"),
        "{out:?}"
    );

    package(tmp.path(), "p", "", CLEAN);
    let out = cargo_leaklint(tmp.path(), &["--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    let out = cargo_leaklint(tmp.path(), &["-D", "no_such_rule"]);
    assert_eq!(out.status.code(), Some(2));
    let out = cargo_leaklint(tmp.path(), &["--manifest-path"]);
    assert_eq!(out.status.code(), Some(2));

    // Commands that lint nothing pass through to leaklint.
    let out = cargo_leaklint(tmp.path(), &["--show-settings"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Settings for"));
    let out = cargo_leaklint(tmp.path(), &["--list-rules"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("spawn_without_cancel"));

    let help = cargo_leaklint(tmp.path(), &["--help"]);
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("Usage: cargo leaklint"), "{help}");
    assert!(help.contains("--format"), "{help}");
}

/// `cargo leaklint` through cargo itself, which finds `cargo-leaklint` on
/// `PATH` and passes `leaklint` as the first argument.
#[test]
fn through_cargo() {
    let bin_dir = PathBuf::from(env!("CARGO_BIN_EXE_cargo-leaklint"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path();
    workspace(ws);
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let run = |dir: &Path, args: &[&str]| {
        Command::new(&cargo)
            .arg("leaklint")
            .args(args)
            .current_dir(dir)
            .env("PATH", &path)
            .output()
            .expect("cargo runs")
    };
    let out = run(ws, &["--format", "json"]);
    let (files, code) = flagged(&out);
    assert_eq!(files.len(), 3, "{files:?}");
    assert_eq!(code, 1);
    let out = run(&ws.join("crates/tidy"), &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = run(ws, &["--version"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
}
