//! The GitHub Action (`action.yml`): its steps are `scripts/action.sh`,
//! run here with a fake GitHub environment (`GITHUB_OUTPUT`, the `INPUT_*`
//! variables the action sets) against `demo/`, with this build's leaklint on
//! `PATH`; the install step with stand-ins for `cargo` and `cargo-binstall`
//! that record how they were called.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn checkout() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `PATH` with `first` in front of the system directories only (so a
/// leaklint installed on this machine does not interfere).
fn path_with(first: &[&Path]) -> std::ffi::OsString {
    let mut dirs: Vec<PathBuf> = first.iter().map(|p| p.to_path_buf()).collect();
    dirs.extend(["/usr/local/bin", "/usr/bin", "/bin"].map(PathBuf::from));
    std::env::join_paths(dirs).unwrap()
}

fn leaklint_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_leaklint"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn action(step: &str, env: &[(&str, &str)], path: &std::ffi::OsString, out: &Path) -> Output {
    let mut cmd = Command::new("bash");
    cmd.arg(checkout().join("scripts/action.sh"))
        .arg(step)
        .current_dir(checkout())
        .env_clear()
        .env("PATH", path)
        .env("HOME", std::env::var_os("HOME").unwrap_or_default())
        .env("GITHUB_OUTPUT", out)
        // `demo/` is in this repository: no `.leaklint_cache/` at its root.
        .env("LEAKLINT_NO_CACHE", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("bash runs")
}

fn outputs(file: &Path) -> String {
    std::fs::read_to_string(file).unwrap_or_default()
}

#[test]
fn annotations_on_the_demo() {
    let tmp = tempfile::tempdir().unwrap();
    let out_file = tmp.path().join("github_output");
    let path = path_with(&[&leaklint_dir()]);

    let out = action(
        "run",
        &[("INPUT_PATHS", "demo/"), ("INPUT_FORMAT", "github")],
        &path,
        &out_file,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        stdout.contains("::warning file=demo/leaky/src/metrics.rs,line=22,"),
        "{stdout}"
    );
    assert!(!stdout.contains("demo/fixed"), "{stdout}");
    assert_eq!(outputs(&out_file), "exit-code=1\n");

    // The fixed twin passes; more paths and arguments are split on spaces.
    let out = action(
        "run",
        &[
            ("INPUT_PATHS", "demo/fixed  demo/fixed/src"),
            ("INPUT_ARGS", "-D spawn_without_cancel --threads 1"),
        ],
        &path,
        &out_file,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(outputs(&out_file).ends_with("exit-code=0\n"));

    // Arguments reach leaklint: a denied rule is an error annotation.
    let out = action(
        "run",
        &[
            ("INPUT_PATHS", "demo/leaky/src/metrics.rs"),
            ("INPUT_ARGS", "-D spawn_without_cancel"),
        ],
        &path,
        &out_file,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("::error file=demo/leaky/src/metrics.rs"));
}

#[test]
fn sarif_for_code_scanning() {
    let tmp = tempfile::tempdir().unwrap();
    let out_file = tmp.path().join("github_output");
    let sarif = tmp.path().join("leaklint.sarif");
    let path = path_with(&[&leaklint_dir()]);
    let env = [
        ("INPUT_PATHS", "demo/"),
        ("INPUT_FORMAT", "sarif"),
        ("INPUT_SARIF_FILE", sarif.to_str().unwrap()),
    ];
    let out = action("run", &env, &path, &out_file);
    // Findings do not fail the step: the upload step comes next.
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        outputs(&out_file),
        format!("exit-code=1\nsarif-file={}\n", sarif.display())
    );
    let log: serde_json::Value = serde_json::from_slice(&std::fs::read(&sarif).unwrap()).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    assert!(results.iter().all(
        |r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .starts_with("demo/leaky/")
    ));

    // leaklint failing (exit 2) fails the step, with an error annotation.
    let mut bad = env.to_vec();
    bad.push(("INPUT_ARGS", "-D no_such_rule"));
    let out = action("run", &bad, &path, &out_file);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("::error title=leaklint::"));

    let out = action("run", &[("INPUT_FORMAT", "xml")], &path, &out_file);
    assert_eq!(out.status.code(), Some(2));
}

/// A stand-in program that appends its name and arguments to `log`;
/// `cargo` also "installs" a leaklint that prints version 0.1.0.
fn fake(bin: &Path, name: &str, log: &Path) {
    let script = format!(
        "#!/bin/sh\necho \"{name} $*\" >> '{log}'\ncat > '{bin}/leaklint' <<'X'\n#!/bin/sh\necho \"leaklint 0.1.0\"\nX\nchmod +x '{bin}/leaklint'\n",
        log = log.display(),
        bin = bin.display()
    );
    let file = bin.join(name);
    std::fs::write(&file, script).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn install_step() {
    let tmp = tempfile::tempdir().unwrap();
    let out_file = tmp.path().join("github_output");

    // A leaklint on PATH is used as is.
    let path = path_with(&[&leaklint_dir()]);
    let out = action("install", &[], &path, &out_file);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("is installed"));

    // Without one: cargo install --locked, with the version asked for.
    let bin = tmp.path().join("bin1");
    std::fs::create_dir(&bin).unwrap();
    let log = tmp.path().join("log1");
    fake(&bin, "cargo", &log);
    let path = path_with(&[&bin]);
    let out = action("install", &[("INPUT_VERSION", "0.1.0")], &path, &out_file);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        "cargo install --locked leaklint --version 0.1.0\n"
    );
    // Now installed at that version: nothing more to do.
    let out = action("install", &[("INPUT_VERSION", "0.1.0")], &path, &out_file);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&log).unwrap().lines().count(), 1);

    // With cargo-binstall: a pre-built binary.
    let bin = tmp.path().join("bin2");
    std::fs::create_dir(&bin).unwrap();
    let log = tmp.path().join("log2");
    fake(&bin, "cargo", &log);
    fake(&bin, "cargo-binstall", &log);
    let path = path_with(&[&bin]);
    let out = action("install", &[], &path, &out_file);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        "cargo binstall --no-confirm --locked leaklint\n"
    );
}

#[test]
fn action_yml_runs_the_script_with_its_inputs() {
    let yml = std::fs::read_to_string(checkout().join("action.yml")).unwrap();
    assert!(yml.contains("using: composite"));
    for step in ["install", "run"] {
        assert!(
            yml.contains(&format!(
                "run: bash \"$GITHUB_ACTION_PATH/scripts/action.sh\" {step}"
            )),
            "{step}"
        );
    }
    let script = std::fs::read_to_string(checkout().join("scripts/action.sh")).unwrap();
    for input in ["paths", "args", "format", "sarif-file", "version"] {
        let var = format!("INPUT_{}", input.to_uppercase().replace('-', "_"));
        assert!(yml.contains(&format!("\n  {input}:\n")), "input {input}");
        assert!(
            yml.contains(&format!("{var}: ${{{{ inputs.{input} }}}}")),
            "{var}"
        );
        assert!(script.contains(&var), "{var} in the script");
    }
}
