//! The pre-commit hooks for real: a throwaway git repository uses this
//! checkout (at its HEAD commit) as a hook repository; committing a leaky
//! file fails with the finding, committing the fixed file passes. Both hooks
//! of `.pre-commit-hooks.yaml` go through it: `leaklint` (pre-commit builds
//! leaklint) and `leaklint-system` (the installed binary: this build's
//! `leaklint`, put on `PATH`).
//!
//! Skipped with a note when `pre-commit` is not installed (`.ci/run`
//! installs it) or this checkout is not a git repository. The hook's build
//! (`cargo install`, done by pre-commit) is cached in
//! `target/pre-commit-home`, keyed by the commit. Its cargo target
//! directory, `target/pre-commit-cargo`, is kept across commits, and its
//! release profile is made quick (no optimisation, no debug info): the
//! test checks how the hook is built and run, not how fast the result is,
//! and a cold optimised build costs minutes of CI on two cores.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(dir: &Path, program: &str, args: &[&str], home: &Path) -> Output {
    // The directory of this build's `leaklint` first, for `leaklint-system`.
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_leaklint")).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(bin_dir.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        .env("PRE_COMMIT_HOME", home)
        .env("CARGO_TARGET_DIR", home.with_file_name("pre-commit-cargo"))
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        // The user's global git configuration (hooksPath, signing…) stays out.
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"))
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn pre_commit_round_trip() {
    for hook in ["leaklint", "leaklint-system"] {
        round_trip(hook);
    }
}

fn round_trip(hook: &str) {
    let checkout = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let home = checkout.join("target/pre-commit-home");
    if Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!(
            "note: pre-commit is not installed; skipping the hook round trip (.ci/run installs it)"
        );
        return;
    }
    let rev = run(&checkout, "git", &["rev-parse", "HEAD"], &home);
    if !rev.status.success() {
        eprintln!("note: this checkout is not a git repository; skipping the hook round trip");
        return;
    }
    let rev = String::from_utf8(rev.stdout).unwrap().trim().to_string();

    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let git = |args: &[&str]| run(d, "git", args, &home);
    assert!(git(&["init", "-q"]).status.success());
    git(&["config", "user.name", "leaklint test"]);
    git(&["config", "user.email", "test@example.invalid"]);
    git(&["config", "commit.gpgsign", "false"]);
    std::fs::write(
        d.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: {hook}\n",
            checkout.display()
        ),
    )
    .unwrap();
    let install = run(d, "pre-commit", &["install"], &home);
    assert!(install.status.success(), "{}", text(&install));

    std::fs::create_dir_all(d.join("src")).unwrap();
    std::fs::write(
        d.join("src/lib.rs"),
        "pub fn start() {\n    tokio::spawn(async {\n        loop {\n            tick().await;\n        }\n    });\n}\n",
    )
    .unwrap();
    git(&["add", "."]);
    let bad = git(&["commit", "-m", "leaky"]);
    let output = text(&bad);
    assert!(
        !bad.status.success(),
        "{hook}: the leaky commit passed:\n{output}"
    );
    assert!(output.contains("spawn_without_cancel"), "{output}");
    assert!(output.contains("src/lib.rs:2:5"), "{output}");

    std::fs::write(
        d.join("src/lib.rs"),
        "pub fn start() -> tokio::task::JoinHandle<()> {\n    tokio::spawn(async {\n        loop {\n            tick().await;\n        }\n    })\n}\n",
    )
    .unwrap();
    git(&["add", "."]);
    let good = git(&["commit", "-m", "fixed"]);
    assert!(
        good.status.success(),
        "{hook}: the fixed commit failed:\n{}",
        text(&good)
    );
}
