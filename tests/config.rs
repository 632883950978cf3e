//! Configuration files, command-line rule overrides and include/exclude.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn leaklint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leaklint"))
        .args(args)
        .current_dir(dir)
        .env_remove("RAYON_NUM_THREADS")
        .output()
        .expect("run leaklint")
}

fn write(dir: &Path, path: &str, contents: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

/// (exit code, [(file, rule, severity)]) of a JSON run.
fn findings(dir: &Path, args: &[&str]) -> (i32, Vec<(String, String, String)>) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = leaklint(dir, &all);
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    let list = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (out.status.code().unwrap(), list)
}

fn error_of(dir: &Path, args: &[&str]) -> String {
    let out = leaklint(dir, args);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    String::from_utf8(out.stderr).unwrap()
}

const LEAK: &str = "fn start() {\n    tokio::spawn(async {\n        loop {\n            work().await;\n        }\n    });\n}\n";
const CUSTOM_LEAK: &str = "fn start() {\n    my_rt::spawn_detached(async {\n        loop {\n            work().await;\n        }\n    });\n}\n";

fn f(file: &str, rule: &str, severity: &str) -> (String, String, String) {
    (file.to_string(), rule.to_string(), severity.to_string())
}

#[test]
fn nearest_configuration_wins_without_merging() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "leaklint.toml",
        "[rules]\nspawn_without_cancel = \"deny\"\n",
    );
    write(d, "a/leak.rs", LEAK);
    // Nearer, and says nothing about the rule: its default level applies.
    write(d, "b/.leaklint.toml", "exclude = []\n");
    write(d, "b/leak.rs", LEAK);
    write(
        d,
        "c/Cargo.toml",
        "[package]\nname = \"c\"\n\n[package.metadata.leaklint.rules]\nspawn_without_cancel = \"allow\"\n",
    );
    write(d, "c/leak.rs", LEAK);
    // A Cargo.toml without a leaklint table does not count: a/ is configured by the root.
    write(d, "a/Cargo.toml", "[package]\nname = \"a\"\n");
    let (code, found) = findings(d, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        found,
        vec![
            f("a/leak.rs", "spawn_without_cancel", "error"),
            f("b/leak.rs", "spawn_without_cancel", "warning"),
        ]
    );

    // --no-config ignores them all; --config uses one for everything.
    let (_, found) = findings(d, &["--no-config"]);
    assert_eq!(found.len(), 3);
    assert!(found.iter().all(|x| x.2 == "warning"));
    let (_, found) = findings(d, &["--config", "c/Cargo.toml"]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn workspace_metadata_and_rule_options() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "Cargo.toml",
        "[workspace]\nmembers = []\n\n[workspace.metadata.leaklint.options]\nspawn_functions = [\"my_rt::spawn_detached\"]\nlarge_value_bytes = 1_024\nguard_functions = [\"Cleanup::new\"]\n",
    );
    write(d, "src/custom.rs", CUSTOM_LEAK);
    let (_, found) = findings(d, &[]);
    assert_eq!(
        found,
        vec![f("src/custom.rs", "spawn_without_cancel", "warning")]
    );
    let (_, found) = findings(d, &["--no-config"]);
    assert!(found.is_empty());
}

#[test]
fn command_line_levels_later_wins_and_select() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "leak.rs", LEAK);
    let rule = "spawn_without_cancel";
    let (_, found) = findings(d, &["-D", rule]);
    assert_eq!(found[0].2, "error");
    let (code, found) = findings(d, &["-D", rule, "-A", rule]);
    assert_eq!((code, found.len()), (0, 0));
    let (_, found) = findings(d, &["-A", rule, "-W", "unused_suppression", "-D", rule]);
    assert_eq!(found[0].2, "error");
    // --select runs only the rules named.
    let (_, found) = findings(d, &["--select", "unused_suppression"]);
    assert!(found.is_empty());
    let (_, found) = findings(d, &["--select", &format!("unused_suppression,{rule}")]);
    assert_eq!(found.len(), 1);
    // A rule turned off in the configuration runs again when selected.
    write(
        d,
        "leaklint.toml",
        "[rules]\nspawn_without_cancel = \"allow\"\n",
    );
    assert!(findings(d, &[]).1.is_empty());
    assert_eq!(findings(d, &["--select", rule]).1.len(), 1);
}

#[test]
fn unknown_rule_on_the_command_line_suggests() {
    let dir = tempfile::tempdir().unwrap();
    let err = error_of(dir.path(), &["-D", "spawn_without_cancle"]);
    assert!(
        err.contains("unknown rule `spawn_without_cancle` given to -D"),
        "{err}"
    );
    assert!(
        err.contains("did you mean `spawn_without_cancel`?"),
        "{err}"
    );
    let err = error_of(dir.path(), &["--select", "nothing_like_it_at_all"]);
    assert!(err.contains("expected one of:"), "{err}");
}

#[test]
fn config_errors_name_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "x.rs", "fn main() {}\n");
    let cases: &[(&str, &str)] = &[
        ("include = []\nexlude = [\"a\"]\n", "leaklint.toml:2: unknown key `exlude`; did you mean `exclude`?"),
        ("[rules]\n\nspawn_without_cancle = \"deny\"\n", "leaklint.toml:3: unknown rule `spawn_without_cancle` in `rules`; did you mean `spawn_without_cancel`?"),
        ("[rules]\nspawn_without_cancel = \"dney\"\n", "leaklint.toml:2: `rules.spawn_without_cancel` must be \"allow\", \"warn\" or \"deny\"; did you mean `deny`?"),
        ("[options]\nlarge_value_bytes = \"big\"\n", "leaklint.toml:2: `options.large_value_bytes` must be a positive integer (bytes)"),
        ("[options]\nspawn_function = []\n", "leaklint.toml:2: unknown option `options.spawn_function`; did you mean `spawn_functions`?"),
        ("exclude = \"target\"\n", "leaklint.toml:1: `exclude` must be an array of strings"),
        ("require_reason = 1\n", "leaklint.toml:1: `require_reason` must be `true` or `false`"),
        ("[rules\n", "leaklint.toml:1: invalid TOML"),
    ];
    for (text, expected) in cases {
        write(d, "leaklint.toml", text);
        let err = error_of(d, &[]);
        assert!(err.contains(expected), "for {text:?}:\n{err}");
    }
    std::fs::remove_file(d.join("leaklint.toml")).unwrap();
    write(
        d,
        "Cargo.toml",
        "[package]\nname = \"x\"\n[package.metadata.leaklint]\nincludes = []\n",
    );
    let err = error_of(d, &[]);
    assert!(
        err.contains("Cargo.toml:4: unknown key `package.metadata.leaklint.includes`; did you mean `include`?"),
        "{err}"
    );
    let err = error_of(d, &["--config", "nope.toml"]);
    assert!(
        err.contains("nope.toml: cannot read configuration file"),
        "{err}"
    );
}

#[test]
fn include_exclude_and_force_exclude() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "leaklint.toml",
        "include = [\"src/\", \"tools/*.rs\"]\nexclude = [\"generated/\", \"*_pb.rs\", \"!keep_pb.rs\"]\n",
    );
    for file in [
        "src/a.rs",
        "src/generated/b.rs",
        "src/c_pb.rs",
        "src/keep_pb.rs",
        "tools/t.rs",
        "tools/deep/u.rs",
        "other/o.rs",
    ] {
        write(d, file, LEAK);
    }
    let files =
        |args: &[&str]| -> Vec<String> { findings(d, args).1.into_iter().map(|x| x.0).collect() };
    assert_eq!(files(&[]), ["src/a.rs", "src/keep_pb.rs", "tools/t.rs"]);
    // Named files are linted unless --force-exclude.
    assert_eq!(
        files(&["src/c_pb.rs", "other/o.rs"]),
        ["other/o.rs", "src/c_pb.rs"]
    );
    assert!(files(&["--force-exclude", "src/c_pb.rs", "other/o.rs"]).is_empty());
    assert_eq!(files(&["--force-exclude", "src/a.rs"]), ["src/a.rs"]);
}
