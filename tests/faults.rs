//! Faults around the linting: the file system, a panicking rule, a closed
//! output pipe. None of them may stop the run or lose another file's findings.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use leaklint::{discover, engine, Config};
use serde_json::Value;

const LEAK: &str = "fn start() {\n    tokio::spawn(async { loop { work().await; } });\n}\n";

fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_leaklint"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("RAYON_NUM_THREADS")
        .env_remove(leaklint::fault::INJECT_PANIC_VAR);
    cmd
}

fn code(out: &Output) -> i32 {
    out.status
        .code()
        .unwrap_or_else(|| panic!("killed by a signal: {:?}", out.status))
}

/// Runs with `--format json` and returns the exit code and the one document.
fn json(cmd: &mut Command) -> (i32, Value) {
    let out = cmd.output().expect("run leaklint");
    let value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not one JSON document ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (code(&out), value)
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

fn diagnostic_files(value: &Value) -> Vec<&str> {
    value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect()
}

fn errors(value: &Value) -> Vec<(&str, &str)> {
    value["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["file"].as_str().unwrap(), e["message"].as_str().unwrap()))
        .collect()
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.rs", LEAK);
    write(dir.path(), "secret.rs", LEAK);
    let secret = dir.path().join("secret.rs");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&secret).is_ok() {
        // Running as root: mode 000 is still readable. On Linux a file that
        // exists but fails to read stands in for it: /proc/self/mem at offset 0.
        if !Path::new("/proc/self/mem").exists() {
            eprintln!(
                "note: skipping unreadable_file_is_an_error: running as root \
                 (mode 000 is readable) and no /proc/self/mem"
            );
            return;
        }
        std::fs::remove_file(&secret).unwrap();
        std::os::unix::fs::symlink("/proc/self/mem", &secret).unwrap();
        eprintln!("note: running as root: /proc/self/mem stands in for a mode-000 file");
    }
    let (status, value) = json(&mut command(dir.path(), &["--format", "json"]));
    assert_eq!(status, 1);
    assert_eq!(diagnostic_files(&value), ["a.rs"]);
    let errors = errors(&value);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].0, "secret.rs");
    assert!(
        errors[0].1.starts_with("cannot read file: "),
        "{}",
        errors[0].1
    );
}

#[test]
fn a_directory_named_like_a_source_file_is_walked_not_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "x.rs/inner.rs", LEAK);
    let (status, value) = json(&mut command(dir.path(), &["--format", "json"]));
    assert_eq!(status, 1);
    assert_eq!(diagnostic_files(&value), ["x.rs/inner.rs"]);
    assert_eq!(errors(&value), []);
    // Named on the command line, too.
    let (status, value) = json(&mut command(dir.path(), &["--format", "json", "x.rs"]));
    assert_eq!(status, 1);
    assert_eq!(diagnostic_files(&value), ["x.rs/inner.rs"]);
}

#[cfg(unix)]
#[test]
fn broken_and_looping_symlinks_are_reported_and_good_ones_linted() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "real/a.rs", LEAK);
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    symlink("../real/a.rs", src.join("linked.rs")).unwrap();
    symlink("nowhere.rs", src.join("broken.rs")).unwrap();
    symlink("loop_b.rs", src.join("loop_a.rs")).unwrap();
    symlink("loop_a.rs", src.join("loop_b.rs")).unwrap();
    symlink("..", src.join("up")).unwrap(); // a directory loop: not followed
    let (status, value) = json(&mut command(dir.path(), &["--format", "json", "src"]));
    assert_eq!(status, 1);
    assert_eq!(diagnostic_files(&value), ["src/linked.rs"]);
    let errors = errors(&value);
    let files: Vec<&str> = errors.iter().map(|e| e.0).collect();
    assert_eq!(files, ["src/broken.rs", "src/loop_a.rs", "src/loop_b.rs"]);
    for (_, message) in errors {
        assert!(
            message.starts_with("broken or looping symbolic link"),
            "{message}"
        );
    }
}

#[test]
fn a_file_deleted_between_discovery_and_reading_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.rs", LEAK);
    write(dir.path(), "gone.rs", LEAK);
    let discovery = discover::discover(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(discovery.files.len(), 2);
    std::fs::remove_file(dir.path().join("gone.rs")).unwrap();
    let report = engine::lint_all(&discovery, &Config::default(), Some(2)).unwrap();
    assert_eq!(report.files_scanned, 2);
    assert_eq!(report.files.len(), 2);
    let gone = report
        .files
        .iter()
        .find(|f| f.path.ends_with("gone.rs"))
        .unwrap();
    assert!(gone.diagnostics.is_empty());
    assert!(gone.errors[0].message.starts_with("cannot read file: "));
    let a = report
        .files
        .iter()
        .find(|f| f.path.ends_with("a.rs"))
        .unwrap();
    assert_eq!(a.diagnostics.len(), 1);
}

#[cfg(unix)]
#[test]
fn a_fifo_argument_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.rs", LEAK);
    let status = Command::new("mkfifo")
        .arg(dir.path().join("pipe.rs"))
        .status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("note: skipping a_fifo_argument_does_not_hang: mkfifo is not available");
        return;
    }
    // Named on the command line, met while walking a directory, or both:
    // reported once, and the run goes on.
    for args in [
        &["--format", "json", "pipe.rs", "a.rs"][..],
        &["--format", "json", "."],
        &["--format", "json", "pipe.rs", "."],
    ] {
        let (status, value) = json(&mut command(dir.path(), args));
        assert_eq!(status, 1);
        assert_eq!(diagnostic_files(&value), ["a.rs"]);
        let errors = errors(&value);
        assert_eq!(errors.len(), 1, "{args:?}: {errors:?}");
        assert_eq!(errors[0].0, "pipe.rs");
        assert!(
            errors[0].1.starts_with("not a regular file"),
            "{}",
            errors[0].1
        );
    }
}

#[test]
fn a_panicking_rule_loses_only_its_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.rs", LEAK);
    write(dir.path(), "b.rs", format!("// BOOM\n{LEAK}"));
    write(dir.path(), "c.rs", LEAK);
    write(dir.path(), "d.rs", b"fn main() {}\n// \xff\n");
    let (status, value) = json(
        command(dir.path(), &["--format", "json"]).env(leaklint::fault::INJECT_PANIC_VAR, "BOOM"),
    );
    assert_eq!(status, 1);
    assert_eq!(value["files_scanned"], 4);
    assert_eq!(diagnostic_files(&value), ["a.rs", "c.rs"]);
    let errors = errors(&value);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0].0, "b.rs");
    assert!(
        errors[0]
            .1
            .starts_with("internal error: panicked while analysing the file: injected fault"),
        "{}",
        errors[0].1
    );
    assert_eq!(errors[1].0, "d.rs");

    // The same in human output: the others' findings are all there.
    let out = command(dir.path(), &["--color", "never"])
        .env(leaklint::fault::INJECT_PANIC_VAR, "BOOM")
        .output()
        .unwrap();
    assert_eq!(code(&out), 1);
    let stderr = String::from_utf8(out.stdout).unwrap();
    assert!(stderr.contains("--> a.rs:2:5"), "{stderr}");
    assert!(stderr.contains("--> c.rs:2:5"), "{stderr}");
    assert!(stderr.contains("error: b.rs: internal error"), "{stderr}");
    assert!(
        stderr.ends_with("2 findings in 2 files (4 files scanned, 2 errors)\n"),
        "{stderr}"
    );
}

/// `leaklint … | head -1`: the reader goes away after one line.
#[test]
fn a_closed_stdout_pipe_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        write(dir.path(), &format!("f{i:03}.rs"), LEAK);
    }
    for args in [&["--format", "json"][..], &["--list-rules"][..]] {
        let mut child = command(dir.path(), args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert!(!line.is_empty());
        // The read end is closed here, before leaklint has written it all.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8(out.stderr.clone()).unwrap();
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        let status = code(&out);
        assert!(status == 0 || status == 1, "{args:?}: {status}");
    }
}
