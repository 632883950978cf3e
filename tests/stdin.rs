//! `--stdin --stdin-filename PATH`: the path's configuration, exclusions and
//! suppressions apply; the file need not exist.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

mod common;

fn run_stdin(dir: &Path, args: &[&str], input: &str) -> (i32, Value) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_leaklint"))
        .args(["--format", "json", "--stdin"])
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap(),
        serde_json::from_slice(&out.stdout).unwrap(),
    )
}

const LEAK: &str = "fn a() {\n    tokio::spawn(async { loop { work().await; } });\n}\n";

#[test]
fn stdin_is_reported_under_its_filename_with_its_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("svc/src")).unwrap();
    std::fs::write(
        d.join("svc/leaklint.toml"),
        "exclude = [\"gen/\"]\n[rules]\nspawn_without_cancel = \"deny\"\n",
    )
    .unwrap();
    let (code, v) = run_stdin(d, &["--stdin-filename", "svc/src/new.rs"], LEAK);
    assert_eq!(code, 1);
    assert_eq!(v["files_scanned"], 1);
    let diag = &v["diagnostics"][0];
    assert_eq!(diag["file"], "svc/src/new.rs");
    assert_eq!(diag["severity"], "error");
    assert_eq!(diag["line"], 2);

    let suppressed = format!("// leaklint: allow-file(spawn_without_cancel) test\n{LEAK}");
    let (code, v) = run_stdin(d, &["--stdin-filename", "svc/src/new.rs"], &suppressed);
    assert_eq!((code, v["diagnostics"].as_array().unwrap().len()), (0, 0));

    let (code, v) = run_stdin(
        d,
        &["--force-exclude", "--stdin-filename", "svc/gen/x.rs"],
        LEAK,
    );
    assert_eq!((code, v["files_scanned"].as_u64()), (0, Some(0)));
}

#[test]
fn stdin_needs_a_filename() {
    let out = Command::new(env!("CARGO_BIN_EXE_leaklint"))
        .arg("--stdin")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--stdin-filename"));
}

/// A command-line tool's file read from standard input is judged as the
/// same file on disk is: its handlers' blocking calls are main-thread code.
#[test]
fn a_command_line_tools_file_is_judged_alike_on_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("src")).unwrap();
    std::fs::write(
        d.join("Cargo.toml"),
        "[package]\nname = \"acme-cli\"\nversion = \"0.1.0\"\n",
    )
    .unwrap();
    let handler = "pub async fn run_view(p: std::path::PathBuf) {\n    \
                   let _ = std::fs::read_to_string(&p);\n    \
                   tokio::spawn(async move { std::thread::sleep(std::time::Duration::from_secs(1)); });\n}\n";
    std::fs::write(d.join("src/view.rs"), handler).unwrap();
    let (_, v) = run_stdin(d, &["--stdin-filename", "src/view.rs"], handler);
    let lines: Vec<u64> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["line"].as_u64().unwrap())
        .collect();
    // Only the sleep in the spawned task: the read is the command's own.
    assert_eq!(lines, vec![3]);
    let disk = Command::new(env!("CARGO_BIN_EXE_leaklint"))
        .args(["--format", "json", "src/view.rs"])
        .current_dir(d)
        .output()
        .unwrap();
    let disk: Value = serde_json::from_slice(&disk.stdout).unwrap();
    assert_eq!(disk["diagnostics"], v["diagnostics"]);
}

/// A file read from standard input resolves its paths through its crate's
/// re-exports, as the same file on disk does (an editor's buffer: the text
/// differs from the disk's).
#[test]
fn a_path_through_a_reexport_of_another_file_resolves_on_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("src")).unwrap();
    std::fs::write(
        d.join("Cargo.toml"),
        "[package]\nname = \"bus\"\nversion = \"0.1.0\"\n",
    )
    .unwrap();
    std::fs::write(d.join("src/lib.rs"), "pub mod chan;\npub mod events;\n").unwrap();
    std::fs::write(
        d.join("src/chan.rs"),
        "pub use crossbeam_channel::unbounded;\n",
    )
    .unwrap();
    let events = "pub fn bus() -> crossbeam_channel::Sender<u8> {\n    \
                  let (tx, _rx) = crate::chan::unbounded();\n    tx\n}\n";
    std::fs::write(d.join("src/events.rs"), "pub fn bus() {}\n").unwrap();
    let (_, v) = run_stdin(d, &["--stdin-filename", "src/events.rs"], events);
    let found: Vec<(String, u64)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["rule"].as_str().unwrap().to_string(),
                x["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [("unbounded_channel_without_receiver".to_string(), 2)]
    );
    std::fs::write(d.join("src/events.rs"), events).unwrap();
    let disk = Command::new(env!("CARGO_BIN_EXE_leaklint"))
        .args(["--format", "json", "src/events.rs"])
        .current_dir(d)
        .output()
        .unwrap();
    let disk: Value = serde_json::from_slice(&disk.stdout).unwrap();
    assert_eq!(disk["diagnostics"], v["diagnostics"]);
}

/// The crate pass of a file from standard input reads its crate as the
/// file's configuration says: a package listed in `test_packages` calls
/// nothing, so `import` stays main-thread code.
#[test]
fn stdin_reads_its_crate_with_the_listed_test_packages() {
    let case = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("ui-tests/blocking_call_in_async/flag_v2_listed_test_packages");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for file in [
        "Cargo.toml",
        "tool/Cargo.toml",
        "tool/src/lib.rs",
        "tool/src/main.rs",
        "tool/src/commands.rs",
        "replay/Cargo.toml",
        "replay/src/main.rs",
        "admin/Cargo.toml",
        "admin/src/lib.rs",
    ] {
        std::fs::create_dir_all(d.join(file).parent().unwrap()).unwrap();
        std::fs::copy(case.join(file), d.join(file)).unwrap();
    }
    let commands = std::fs::read_to_string(case.join("tool/src/commands.rs")).unwrap();
    let args = ["--no-cache", "--stdin-filename", "tool/src/commands.rs"];
    let lines = |v: &Value| -> Vec<u64> {
        let found = v["diagnostics"].as_array().unwrap();
        found.iter().map(|d| d["line"].as_u64().unwrap()).collect()
    };
    // Unlisted, `replay` spawns `import`: both async fns are flagged.
    let (_, v) = run_stdin(d, &args, &commands);
    assert_eq!(lines(&v), [9, 15]);
    std::fs::copy(case.join("leaklint.toml"), d.join("leaklint.toml")).unwrap();
    let (_, v) = run_stdin(d, &args, &commands);
    assert_eq!(lines(&v), [15]);
}

#[test]
fn a_manifest_that_is_not_toml_is_named_in_a_warning_on_stdin() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Cargo.toml"), common::BROKEN_MANIFEST).unwrap();
    std::fs::create_dir_all(dir.path().join("src")).unwrap();
    std::fs::write(dir.path().join("src/lib.rs"), "pub fn start() {}\n").unwrap();
    let run = || {
        let mut child = Command::new(env!("CARGO_BIN_EXE_leaklint"))
            .args(["--format", "json", "--no-cache", "--stdin"])
            .args(["--stdin-filename", "src/lib.rs"])
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        (child.stdin.take().unwrap())
            .write_all(LEAK.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run();
    common::assert_broken_manifest_warning(&String::from_utf8(out.stderr).unwrap());
    // The text is still linted.
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["diagnostics"].as_array().unwrap().len(), 1);
    // Fixed, the warning goes.
    std::fs::write(dir.path().join("Cargo.toml"), common::mended_manifest()).unwrap();
    assert_eq!(String::from_utf8(run().stderr).unwrap(), "");
}
