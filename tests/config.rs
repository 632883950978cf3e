//! Configuration files, command-line rule overrides and include/exclude.

mod common;
use common::leaklint;
use std::path::Path;

use serde_json::Value;

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
        ("[options]\nlarge_value_bytes = \"big\"\n", "leaklint.toml:2: `options.large_value_bytes` must be a positive integer (a number of bytes)"),
        ("[options]\ncall_depth = 0\n", "leaklint.toml:2: `options.call_depth` must be an integer from 1 to 16 (how many calls deep"),
        ("[options]\ncall_depth = \"four\"\n", "leaklint.toml:2: `options.call_depth` must be an integer from 1 to 16"),
        ("[options]\ncall_depth = 17\n", "leaklint.toml:2: `options.call_depth` must be an integer from 1 to 16"),
        ("[options]\nspawn_function = []\n", "leaklint.toml:2: unknown option `options.spawn_function`; did you mean `spawn_functions`?"),
        ("[options]\nhelper_file_io = true\n", "leaklint.toml:2: `options.helper_file_io` must be \"ignore\" (the default: file I/O through a sync helper is not reported) or \"report\""),
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

const TIMER_LEAK: &str = "async fn pump() {\n    loop {\n        let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));\n        tick.tick().await;\n    }\n}\n";

#[test]
fn overrides_set_levels_and_options_for_matching_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "leaklint.toml",
        r#"[rules]
spawn_without_cancel = "deny"

[[overrides]]
files = ["tools/", "*_gen.rs"]
rules = { spawn-without-cancel = "allow" }

[[overrides]]
files = ["/src/rt/**"]
rules.spawn_without_cancel = "warn"
options.spawn_functions = ["my_rt::spawn_detached"]
"#,
    );
    for file in ["src/a.rs", "tools/b.rs", "src/c_gen.rs", "src/rt/d.rs"] {
        write(d, file, LEAK);
    }
    write(d, "src/custom.rs", CUSTOM_LEAK);
    write(d, "src/rt/custom.rs", CUSTOM_LEAK);
    let (code, found) = findings(d, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        found,
        vec![
            f("src/a.rs", "spawn_without_cancel", "error"),
            f("src/rt/custom.rs", "spawn_without_cancel", "warning"),
            f("src/rt/d.rs", "spawn_without_cancel", "warning"),
        ]
    );
    // The command line still wins.
    let (_, found) = findings(d, &["-D", "all"]);
    assert_eq!(found.len(), 5, "{found:?}");
    assert!(found.iter().all(|x| x.2 == "error"));

    // An override needs `files`, and takes only what can vary per file.
    for (text, expected) in [
        (
            "[[overrides]]\nrules.spawn_without_cancel = \"allow\"\n",
            "leaklint.toml:1: `overrides[0]` has no `files`",
        ),
        (
            "[[overrides]]\nfiles = [\"a/\"]\nexclude = [\"b\"]\n",
            "leaklint.toml:3: unknown key `overrides[0].exclude`",
        ),
        (
            "[[overrides]]\nfiles = []\n",
            "leaklint.toml:2: `overrides[0].files` is empty",
        ),
        (
            "overrides = 3\n",
            "leaklint.toml:1: `overrides` must be an array of tables",
        ),
    ] {
        write(d, "leaklint.toml", text);
        let err = error_of(d, &[]);
        assert!(err.contains(expected), "for {text:?}:\n{err}");
    }
}

#[test]
fn overrides_carry_include_tests_and_max_file_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "leaklint.toml",
        "[[overrides]]\nfiles = [\"src/test_support/\"]\ninclude_tests = true\nmax_file_bytes = 100\n",
    );
    write(d, "src/a.rs", LEAK);
    write(d, "src/test_support/b.rs", LEAK);
    let out = leaklint(d, &["--show-settings", "src/test_support/b.rs"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("include_tests = true")
            && text.contains("leaklint.toml:3 ([[overrides]] files = [\"src/test_support/\"])"),
        "{text}"
    );
    assert!(text.contains("max_file_bytes = 100 "), "{text}");
    let out = leaklint(d, &["--show-settings", "src/a.rs"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("include_tests = false"), "{text}");
    assert!(text.contains("max_file_bytes = 4194304 "), "{text}");

    // Test code is linted where an override says so, and only there.
    write(
        d,
        "leaklint.toml",
        "[[overrides]]\nfiles = [\"/tests/\"]\ninclude_tests = true\n",
    );
    std::fs::remove_dir_all(d.join("src/test_support")).unwrap();
    write(d, "tests/it.rs", LEAK);
    write(d, "benches/b.rs", LEAK);
    let (_, found) = findings(d, &[]);
    assert_eq!(
        found,
        vec![
            f("src/a.rs", "spawn_without_cancel", "warning"),
            f("tests/it.rs", "spawn_without_cancel", "warning"),
        ]
    );
}

#[test]
fn extend_inherits_a_parent_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "shared/base.toml",
        "exclude = [\"generated/\"]\n\n[rules]\nspawn_without_cancel = \"deny\"\ntimer_never_dropped = \"deny\"\n\n[options]\nspawn_functions = [\"my_rt::spawn_detached\"]\n",
    );
    write(
        d,
        "app/leaklint.toml",
        "extend = \"../shared/base.toml\"\n\n[rules]\ntimer_never_dropped = \"warn\"\n",
    );
    write(d, "app/src/a.rs", LEAK);
    write(d, "app/src/custom.rs", CUSTOM_LEAK);
    write(d, "app/src/timer.rs", TIMER_LEAK);
    // The parent's exclude is relative to the parent's directory.
    write(d, "app/generated/g.rs", LEAK);
    let (_, found) = findings(d, &["app"]);
    assert_eq!(
        found,
        vec![
            f("app/generated/g.rs", "spawn_without_cancel", "error"),
            f("app/src/a.rs", "spawn_without_cancel", "error"),
            f("app/src/custom.rs", "spawn_without_cancel", "error"),
            f("app/src/timer.rs", "timer_never_dropped", "warning"),
        ]
    );
    // --show-settings says where each value comes from.
    let out = leaklint(d, &["--show-settings", "app/src/a.rs"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let line = |key: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{key} = ")))
            .unwrap_or_else(|| panic!("no {key} in\n{text}"))
            .to_string()
    };
    assert!(
        text.contains("#   shared/base.toml\n#   app/leaklint.toml\n"),
        "{text}"
    );
    assert!(
        line("spawn_without_cancel").contains("\"deny\"")
            && line("spawn_without_cancel").ends_with("# shared/base.toml:4"),
        "{text}"
    );
    assert!(
        line("timer_never_dropped").ends_with("# app/leaklint.toml:4"),
        "{text}"
    );
    assert!(line("busy_poll_loop").ends_with("# default"), "{text}");
    assert!(
        line("spawn_functions").contains("[\"my_rt::spawn_detached\"]"),
        "{text}"
    );
    let out = leaklint(
        d,
        &["--show-settings", "app/src/a.rs", "-A", "busy-poll-loop"],
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("busy_poll_loop = \"allow\""), "{text}");
    assert!(text.contains("# -A busy_poll_loop"), "{text}");

    // A missing parent and a cycle are errors.
    write(d, "app/leaklint.toml", "extend = \"../nope.toml\"\n");
    let err = error_of(d, &["app"]);
    assert!(
        err.contains("app/leaklint.toml:1: `extend`: no file ../nope.toml"),
        "{err}"
    );
    write(d, "app/leaklint.toml", "extend = \"../shared/base.toml\"\n");
    write(d, "shared/base.toml", "extend = \"../app/leaklint.toml\"\n");
    let err = error_of(d, &["app"]);
    assert!(err.contains("goes round in a circle"), "{err}");
}

#[test]
fn member_crates_inherit_the_workspace_table_unless_they_opt_out() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\n\n[workspace.metadata.leaklint]\nexclude = [\"fixtures/\"]\n\n[workspace.metadata.leaklint.rules]\nspawn_without_cancel = \"deny\"\ntimer_never_dropped = \"allow\"\n",
    );
    // Sets one rule: the workspace's other settings still apply.
    write(
        d,
        "crates/a/Cargo.toml",
        "[package]\nname = \"a\"\n\n[package.metadata.leaklint.rules]\ntimer_never_dropped = \"deny\"\n",
    );
    // Opts out: only its own table.
    write(
        d,
        "crates/b/Cargo.toml",
        "[package]\nname = \"b\"\n\n[package.metadata.leaklint]\ninherit = false\n",
    );
    // No table: the workspace's.
    write(d, "crates/c/Cargo.toml", "[package]\nname = \"c\"\n");
    for krate in ["a", "b", "c"] {
        write(d, &format!("crates/{krate}/src/leak.rs"), LEAK);
        write(d, &format!("crates/{krate}/src/timer.rs"), TIMER_LEAK);
    }
    write(d, "fixtures/f.rs", LEAK);
    let (_, found) = findings(d, &[]);
    assert_eq!(
        found,
        vec![
            f("crates/a/src/leak.rs", "spawn_without_cancel", "error"),
            f("crates/a/src/timer.rs", "timer_never_dropped", "error"),
            f("crates/b/src/leak.rs", "spawn_without_cancel", "warning"),
            f("crates/b/src/timer.rs", "timer_never_dropped", "warning"),
            f("crates/c/src/leak.rs", "spawn_without_cancel", "error"),
        ]
    );
    let out = leaklint(d, &["--show-settings", "crates/a/src/leak.rs"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("#   Cargo.toml [workspace.metadata.leaklint] (the workspace's table)\n#   crates/a/Cargo.toml [package.metadata.leaklint]\n"),
        "{text}"
    );
    // `inherit` belongs in a package table.
    write(d, "leaklint.toml", "inherit = false\n");
    let err = error_of(d, &[]);
    assert!(
        err.contains("`inherit` belongs in [package.metadata.leaklint]"),
        "{err}"
    );
}

#[test]
fn two_configurations_in_one_directory_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "leaklint.toml",
        "[rules]\nspawn_without_cancel = \"deny\"\n",
    );
    write(
        d,
        ".leaklint.toml",
        "[rules]\nspawn_without_cancel = \"allow\"\n",
    );
    write(d, "src/a.rs", LEAK);
    let err = error_of(d, &[]);
    assert!(
        err.contains(
            "two leaklint configurations in one directory: leaklint.toml and .leaklint.toml"
        ),
        "{err}"
    );
    let err = error_of(d, &["--show-settings"]);
    assert!(err.contains("two leaklint configurations"), "{err}");
    // A Cargo.toml without a leaklint table is no configuration.
    std::fs::remove_file(d.join(".leaklint.toml")).unwrap();
    write(d, "Cargo.toml", "[package]\nname = \"x\"\n");
    assert_eq!(findings(d, &[]).0, 1);
    write(
        d,
        "Cargo.toml",
        "[package]\nname = \"x\"\n[package.metadata.leaklint]\nrequire_reason = true\n",
    );
    let err = error_of(d, &[]);
    assert!(
        err.contains("leaklint.toml and Cargo.toml [package.metadata.leaklint]"),
        "{err}"
    );
}

#[test]
fn hyphenated_rule_names_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "leaklint.toml",
        "[rules]\nspawn-without-cancel = \"deny\"\n",
    );
    write(d, "a.rs", LEAK);
    write(
        d,
        "b.rs",
        &format!("// leaklint: allow-file(spawn-without-cancel) started once at boot\n{LEAK}"),
    );
    let (_, found) = findings(d, &[]);
    assert_eq!(found, vec![f("a.rs", "spawn_without_cancel", "error")]);
    let (_, found) = findings(d, &["-W", "spawn-without-cancel"]);
    assert_eq!(found, vec![f("a.rs", "spawn_without_cancel", "warning")]);
    let (_, found) = findings(d, &["--select", "unused-suppression"]);
    assert!(found.is_empty());
    let err = error_of(d, &["-D", "spawn-without-cancle"]);
    assert!(
        err.contains("did you mean `spawn_without_cancel`?"),
        "{err}"
    );
}

#[test]
fn show_settings_without_configuration_shows_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = leaklint(d, &["--show-settings"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(
            "# Settings for . (files directly in it)\n# Configuration files: none found"
        ),
        "{text}"
    );
    for lint in leaklint::rules::all() {
        assert!(
            text.contains(&format!(
                "{} = \"{}\"",
                lint.name,
                lint.default_level.as_str()
            )),
            "{text}"
        );
    }
    // Every option, with its default.
    for option in [
        "large_value_bytes = 4096",
        "process_lifetime = \"ignore\"",
        "helper_file_io = \"ignore\"",
        "call_depth = 4",
    ] {
        assert!(text.contains(option), "{option} in\n{text}");
    }
    // The output is TOML.
    toml::de::DeTable::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    // Written in any base TOML allows, as the other integer options are.
    for written in ["2", "0x2", "0b10"] {
        let config = format!("[options]\ncall_depth = {written}\n");
        std::fs::write(d.join("leaklint.toml"), config).unwrap();
        let text = String::from_utf8(leaklint(d, &["--show-settings"]).stdout).unwrap();
        assert!(
            text.lines()
                .any(|l| l.starts_with("call_depth = 2 ") && l.ends_with("# leaklint.toml:2")),
            "{written}: {text}"
        );
    }
    std::fs::remove_file(d.join("leaklint.toml")).unwrap();
    let out = leaklint(
        d,
        &[
            "--show-settings",
            "x.rs",
            "--require-reason",
            "-D",
            "warnings",
        ],
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("require_reason = true"), "{text}");
    assert!(
        text.contains("suppression_without_reason = \"deny\""),
        "{text}"
    );
    assert!(text.contains("# -D warnings"), "{text}");
}
