//! Integration tests of the `leaklint` binary: exit codes, formats, discovery,
//! file errors, ordering and deeply nested input.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

mod common;
use common::assert_contract_shape;

/// Runs leaklint with `--no-prefilter`: these tests check how every file is
/// read, parsed and reported, including files without any rule's trigger
/// word (which the default pre-filter does not parse; see tests/prefilter.rs).
fn leaklint(dir: &Path, args: &[&str]) -> Output {
    common::leaklint(dir, &[&["--no-prefilter"], args].concat())
}

fn code(out: &Output) -> i32 {
    out.status
        .code()
        .unwrap_or_else(|| panic!("leaklint was killed by a signal: {:?}", out.status))
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn write(dir: &Path, path: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

fn json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = leaklint(dir, &all);
    let value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(&out), stderr(&out)));
    (code(&out), value)
}

const GOOD: &str = "fn main() {\n    println!(\"hello\");\n}\n";
const BAD_SYNTAX: &str = "fn main() {\n    let x = ;\n}\n";

#[test]
fn version_and_help() {
    let dir = tempfile::tempdir().unwrap();
    let out = leaklint(dir.path(), &["--version"]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        stdout(&out),
        format!("leaklint {}\n", env!("CARGO_PKG_VERSION"))
    );

    let out = leaklint(dir.path(), &["--help"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("Exit status"));
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = leaklint(dir.path(), &["--no-such-flag"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--no-such-flag"));
    let out = leaklint(dir.path(), &["--format", "xml"]);
    assert_eq!(code(&out), 2);
    let out = leaklint(dir.path(), &["--threads", "many"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn list_rules() {
    let dir = tempfile::tempdir().unwrap();
    let out = leaklint(dir.path(), &["--list-rules"]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), leaklint::rules::all().count());
    for lint in leaklint::rules::all() {
        let line = text
            .lines()
            .find(|l| l.starts_with(lint.name))
            .unwrap_or_else(|| panic!("{} not listed", lint.name));
        assert!(line.contains(lint.default_level.as_str()), "{line}");
        assert!(line.ends_with(lint.summary), "{line}");
    }
    assert!(text.contains("spawn_without_cancel"));
}

#[test]
fn explain() {
    let dir = tempfile::tempdir().unwrap();
    let out = leaklint(dir.path(), &["--explain", "spawn_without_cancel"]);
    assert_eq!(code(&out), 0);
    let lint = leaklint_lints::find_lint("spawn_without_cancel").unwrap();
    let text = stdout(&out);
    // A header with the rule's summary, default level, options and page, then its documentation.
    assert!(text.ends_with(&lint.explain()), "{text}");
    let header = &text[..text.len() - lint.explain().len()];
    assert!(
        header.starts_with(&format!("spawn_without_cancel: {}\n", lint.summary)),
        "{header}"
    );
    assert!(header.contains("Default level: warn\n"), "{header}");
    assert!(header.contains("  spawn_functions = []"), "{header}");
    assert!(
        header.contains("  process_lifetime = \"ignore\""),
        "{header}"
    );
    assert!(
        header.contains("/docs/rules/spawn_without_cancel.md\n"),
        "{header}"
    );
    // Hyphens, as clippy and ruff spell rules on the command line.
    let out = leaklint(dir.path(), &["--explain", "spawn-without-cancel"]);
    assert_eq!(code(&out), 0);
    assert_eq!(stdout(&out), text);
    // A rule without options says nothing about options.
    let out = leaklint(dir.path(), &["--explain", "busy_poll_loop"]);
    assert!(!stdout(&out).contains("Options"), "{}", stdout(&out));

    let out = leaklint(dir.path(), &["--explain", "no_such_rule"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("unknown rule `no_such_rule`"), "{err}");
    assert!(err.contains("spawn_without_cancel"), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn clean_directory_exits_0_with_summary() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/main.rs", GOOD);
    write(dir.path(), "src/lib.rs", "\u{feff}pub fn f() {}\n");
    let out = leaklint(dir.path(), &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // Like ruff's and eslint's, the summary is on stdout; stderr is for
    // leaklint's own trouble.
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "0 findings in 0 files (2 files scanned, 0 errors)\n"
    );
}

#[test]
fn missing_path_exits_2_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.rs", GOOD);
    let out = leaklint(dir.path(), &["a.rs", "no/such/dir"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("path not found: no/such/dir"), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn json_shape_with_errors_and_no_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.rs", GOOD);
    write(dir.path(), "bad.rs", BAD_SYNTAX);
    let out = leaklint(dir.path(), &["--format", "json"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert_contract_shape(&text);
    assert!(stderr(&out).is_empty(), "json mode prints no summary");
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["files_scanned"], 2);
    assert_eq!(value["diagnostics"], serde_json::json!([]));
    assert_eq!(value["errors"].as_array().unwrap().len(), 1);
}

#[test]
fn unreadable_and_unparseable_files_are_errors_and_others_are_linted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a_good.rs", GOOD);
    write(dir.path(), "b_syntax.rs", BAD_SYNTAX);
    write(dir.path(), "c_latin1.rs", b"fn main() {}\n// caf\xe9\n");
    write(dir.path(), "d_good.rs", GOOD);
    write(
        dir.path(),
        "e_unclosed.rs",
        "fn main() {\n    let v = vec![1, 2;\n}\n",
    );
    write(
        dir.path(),
        "f_truncated.rs",
        "/// A doc comment and nothing to document\n",
    );
    let (status, value) = json(dir.path(), &[]);
    assert_eq!(status, 1);
    assert_eq!(value["files_scanned"], 6);
    let errors = value["errors"].as_array().unwrap();
    let files: Vec<&str> = errors.iter().map(|e| e["file"].as_str().unwrap()).collect();
    assert_eq!(
        files,
        [
            "b_syntax.rs",
            "c_latin1.rs",
            "e_unclosed.rs",
            "f_truncated.rs"
        ]
    );

    assert_eq!(errors[0]["message"], "expected an expression");
    assert_eq!(
        (&errors[0]["line"], &errors[0]["column"]),
        (&2.into(), &13.into())
    );

    assert!(errors[1]["message"]
        .as_str()
        .unwrap()
        .contains("not valid UTF-8"));
    assert_eq!(
        (&errors[1]["line"], &errors[1]["column"]),
        (&2.into(), &7.into())
    );

    assert!(errors[2]["message"]
        .as_str()
        .unwrap()
        .starts_with("cannot tokenize the file"));
    assert!(errors[2]["line"].is_u64(), "{}", errors[2]);

    // Running out of input is reported where the input ends.
    assert!(errors[3]["message"]
        .as_str()
        .unwrap()
        .starts_with("unexpected end of input"));
    assert_eq!(
        (&errors[3]["line"], &errors[3]["column"]),
        (&2.into(), &1.into())
    );

    // The human form of the same errors.
    let out = leaklint(dir.path(), &["--color", "never"]);
    assert_eq!(code(&out), 1);
    let err = stdout(&out);
    assert!(
        err.contains("error: b_syntax.rs:2:13: expected an expression\n"),
        "{err}"
    );
    assert!(err.ends_with("0 findings in 0 files (6 files scanned, 4 errors)\n"));
}

#[test]
fn exit_zero_overrides_findings_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad.rs", BAD_SYNTAX);
    let out = leaklint(dir.path(), &["--exit-zero"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("1 error"));
    // but not a failure to run
    let out = leaklint(dir.path(), &["--exit-zero", "missing.rs"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn color_only_when_asked_or_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad.rs", BAD_SYNTAX);
    // stdout is a pipe here, so `auto` means no colour.
    for (args, coloured) in [
        (&[][..], false),
        (&["--color", "never"][..], false),
        (&["--color", "always"][..], true),
    ] {
        let out = leaklint(dir.path(), args);
        assert_eq!(stdout(&out).contains('\u{1b}'), coloured, "{args:?}");
    }
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..24 {
        let contents = match i % 4 {
            0 => BAD_SYNTAX.to_string(),
            1 => format!("fn f{i}() {{\n    let x = ({i};\n}}\n"),
            _ => format!("fn f{i}() {{ tokio::spawn(async {{ loop {{}} }}); }}\n"),
        };
        write(dir.path(), &format!("m{}/file{i}.rs", i % 3), contents);
    }
    let run = |threads: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_leaklint"))
            .args(["--no-prefilter", "--format", "json", "."])
            .current_dir(dir.path())
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert_eq!(code(&out), 1);
        out.stdout
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("4"));
    let out = leaklint(dir.path(), &["--format", "json", "--threads", "3"]);
    assert_eq!(one, out.stdout);

    let value: Value = serde_json::from_slice(&one).unwrap();
    assert_eq!(value["files_scanned"], 24);
    let files: Vec<&str> = value["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert_eq!(files.len(), 12);
    // Findings too, not only errors, and they are in the compared output.
    assert_eq!(value["diagnostics"].as_array().unwrap().len(), 12);

    // The human format, and the default thread count (one per CPU).
    let human = |threads: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_leaklint"));
        cmd.args(["--color", "always", "."]).current_dir(dir.path());
        match threads {
            Some(n) => cmd.env("RAYON_NUM_THREADS", n),
            None => cmd.env_remove("RAYON_NUM_THREADS"),
        };
        let out = cmd.output().unwrap();
        assert_eq!(code(&out), 1);
        out.stdout
    };
    let one = human(Some("1"));
    assert_eq!(one, human(None));
    assert_eq!(one, human(Some("3")));
    assert_eq!(leaklint(dir.path(), &["--format", "json"]).stdout, run("1"));
}

#[test]
fn discovery_honours_ignore_files_and_skips_target_and_hidden() {
    // A temporary directory is not a git repository: .gitignore must apply anyway.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), ".gitignore", "ignored.rs\ngenerated/\n");
    write(dir.path(), "sub/.ignore", "local_ignored.rs\n");
    write(dir.path(), "src/lib.rs", GOOD);
    write(dir.path(), "sub/kept.rs", GOOD);
    // Each of these would be an error if it were linted.
    write(dir.path(), "ignored.rs", BAD_SYNTAX);
    write(dir.path(), "generated/gen.rs", BAD_SYNTAX);
    write(dir.path(), "sub/local_ignored.rs", BAD_SYNTAX);
    // A cargo target directory (cargo writes CACHEDIR.TAG into it).
    write(
        dir.path(),
        "target/CACHEDIR.TAG",
        "Signature: 8a477f597d28d172789f06886806bc55\n",
    );
    write(dir.path(), "target/debug/build.rs", BAD_SYNTAX);
    write(dir.path(), "sub/target/.rustc_info.json", "{}");
    write(dir.path(), "sub/target/x.rs", BAD_SYNTAX);
    write(dir.path(), "lib/target/release/.fingerprint/a/x", "");
    write(dir.path(), "lib/target/y.rs", BAD_SYNTAX);
    // A source directory that happens to be named `target` is linted.
    write(dir.path(), "src/target/mod.rs", GOOD);
    write(dir.path(), ".hidden/h.rs", BAD_SYNTAX);
    write(dir.path(), "notes.txt", BAD_SYNTAX);
    write(dir.path(), "src/lib.rs.orig", BAD_SYNTAX);

    let (status, value) = json(dir.path(), &[]);
    assert_eq!(status, 0, "{value}");
    assert_eq!(value["files_scanned"], 3);

    // An explicitly named file is linted even when ignored or not `.rs`,
    // but not inside a cargo target directory: walking and naming agree
    // (pre-commit names files, CI walks).
    let (status, value) = json(
        dir.path(),
        &[
            "ignored.rs",
            "notes.txt",
            "target/debug/build.rs",
            "src/target/mod.rs",
        ],
    );
    assert_eq!(status, 1);
    assert_eq!(value["files_scanned"], 3);
    let files: Vec<&str> = value["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["ignored.rs", "notes.txt"]);
    let out = leaklint(dir.path(), &["target/debug/build.rs"]);
    assert_eq!(code(&out), 0);
    let err = stderr(&out);
    assert!(
        err.contains("note: skipped 1 file inside cargo target directories"),
        "{err}"
    );
    assert!(
        err.contains("warning: no Rust files found in target/debug/build.rs"),
        "{err}"
    );
}

#[test]
fn paths_are_displayed_as_given_and_deduplicated() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/bad.rs", BAD_SYNTAX);
    let (_, value) = json(dir.path(), &["."]);
    assert_eq!(value["errors"][0]["file"], "src/bad.rs");
    let (_, value) = json(dir.path(), &["./src"]);
    assert_eq!(value["errors"][0]["file"], "src/bad.rs");
    let (_, value) = json(dir.path(), &["src", "src/bad.rs", "."]);
    assert_eq!(value["files_scanned"], 1);
    assert_eq!(value["errors"].as_array().unwrap().len(), 1);
    let (_, value) = json(&dir.path().join("src"), &["../src"]);
    assert_eq!(value["errors"][0]["file"], "../src/bad.rs");
    // A link to a file the walk finds anyway is that file.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("src/bad.rs", dir.path().join("link.rs")).unwrap();
        let (_, value) = json(dir.path(), &["."]);
        assert_eq!(value["files_scanned"], 1);
    }
}

fn nested_parens(depth: usize) -> String {
    format!(
        "fn main() {{\n    let _x = {}1{};\n}}\n",
        "(".repeat(depth),
        ")".repeat(depth)
    )
}

#[test]
fn twenty_thousand_nested_parens_do_not_crash() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "deep.rs", nested_parens(20_000));
    write(dir.path(), "ok.rs", GOOD);
    let (status, value) = json(dir.path(), &[]);
    assert_eq!(value["files_scanned"], 2);
    // Either linted, or refused with a clear error; never a crash.
    match value["errors"].as_array().unwrap().as_slice() {
        [] => assert_eq!(status, 0),
        [e] => {
            assert_eq!(status, 1);
            assert_eq!(e["file"], "deep.rs");
            let message = e["message"].as_str().unwrap();
            assert!(
                message.starts_with("nesting too deep (20001 levels"),
                "{message}"
            );
        }
        more => panic!("unexpected errors {more:?}"),
    }
}

#[test]
fn two_hundred_thousand_nested_parens_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "deeper.rs", nested_parens(200_000));
    write(dir.path(), "ok.rs", GOOD);
    let (status, value) = json(dir.path(), &[]);
    assert_eq!(status, 1);
    assert_eq!(value["files_scanned"], 2);
    let errors = value["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["file"], "deeper.rs");
    let message = errors[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("nesting too deep (200001 levels; leaklint handles up to "),
        "{message}"
    );
    assert_eq!(errors[0]["line"], 2);
}

#[test]
fn two_hundred_thousand_term_flat_sum_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    let sum = format!(
        "fn main() {{\n    let _x = 1{};\n}}\n",
        " + 1".repeat(199_999)
    );
    write(dir.path(), "sum.rs", sum);
    let (status, value) = json(dir.path(), &[]);
    assert_eq!(value["errors"], serde_json::json!([]));
    assert_eq!(value["files_scanned"], 1);
    assert_eq!(status, 0);
}

#[test]

fn diagnostics_have_the_contract_shape() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "src/main.rs",
        "fn start(){ tokio::spawn(async { loop { work().await; } }); }\n",
    );
    let out = leaklint(dir.path(), &["--format", "json"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert_contract_shape(&text);
    let value: Value = serde_json::from_str(&text).unwrap();
    let diagnostics = value["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty(), "{text}");
    assert_eq!(diagnostics[0]["rule"], "spawn_without_cancel");
    assert_eq!(diagnostics[0]["file"], "src/main.rs");
    assert_eq!(diagnostics[0]["severity"], "warning");
}

const LEAK: &str = "fn start() {\n    tokio::spawn(async {\n        loop {\n            work().await;\n        }\n    });\n}\n";

#[test]
fn clippy_style_levels_warnings_and_all() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.rs", LEAK);
    write(
        dir.path(),
        "b.rs",
        "// leaklint: allow(busy_poll_loop)\nfn b() {}\n",
    );
    let severities = |args: &[&str]| -> Vec<(String, String)> {
        let (_, value) = json(dir.path(), args);
        value["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["rule"].as_str().unwrap().to_string(),
                    d["severity"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let pair = |r: &str, s: &str| (r.to_string(), s.to_string());
    assert_eq!(
        severities(&[]),
        [
            pair("spawn_without_cancel", "warning"),
            pair("unused_suppression", "warning")
        ]
    );
    // -D warnings: every warning is an error, wherever it stands.
    assert_eq!(
        severities(&["-D", "warnings"]),
        [
            pair("spawn_without_cancel", "error"),
            pair("unused_suppression", "error")
        ]
    );
    assert_eq!(
        severities(&["-D", "warnings", "-W", "unused-suppression"]),
        [
            pair("spawn_without_cancel", "error"),
            pair("unused_suppression", "error")
        ]
    );
    // ... but a rule turned off stays off.
    assert_eq!(
        severities(&["-D", "warnings", "-A", "unused_suppression"]),
        [pair("spawn_without_cancel", "error")]
    );
    // -A all, then one rule back on.
    assert!(severities(&["-A", "all"]).is_empty());
    assert_eq!(
        severities(&["-A", "all", "-W", "spawn_without_cancel"]),
        [pair("spawn_without_cancel", "warning")]
    );
    // -W all turns on the rules that are off by default too.
    let (_, value) = json(dir.path(), &["-W", "all"]);
    let rules: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"suppression_without_reason"), "{rules:?}");
    // -D all (every rule, those off by default too), then one rule down.
    assert_eq!(
        severities(&["-D", "all", "-W", "unused_suppression"]),
        [
            pair("spawn_without_cancel", "error"),
            pair("suppression_without_reason", "error"),
            pair("unused_suppression", "warning")
        ]
    );
}

#[test]
fn fail_on_error_passes_warnings_and_fails_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.rs", LEAK);
    // Default: any finding fails, as ruff and pre-commit expect.
    assert_eq!(code(&leaklint(dir.path(), &[])), 1);
    assert_eq!(code(&leaklint(dir.path(), &["--fail-on", "warning"])), 1);
    // --fail-on error: warnings are shown but pass, as with clippy.
    let out = leaklint(dir.path(), &["--fail-on", "error"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("warning[spawn_without_cancel]"));
    assert_eq!(
        code(&leaklint(
            dir.path(),
            &["--fail-on", "error", "-D", "warnings"]
        )),
        1
    );
    assert_eq!(
        code(&leaklint(
            dir.path(),
            &["--fail-on", "error", "-D", "spawn-without-cancel"]
        )),
        1
    );
    // A file that cannot be checked always fails.
    write(dir.path(), "bad.rs", BAD_SYNTAX);
    assert_eq!(
        code(&leaklint(dir.path(), &["--fail-on", "error", "-A", "all"])),
        1
    );
    assert_eq!(code(&leaklint(dir.path(), &["--fail-on", "fatal"])), 2);
}

#[test]
fn human_findings_and_summary_on_stdout_with_an_explain_note() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.rs", LEAK);
    let out = leaklint(dir.path(), &["--color", "never"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("warning[spawn_without_cancel]: "),
        "{text}"
    );
    assert!(
        text.contains("  = note: see `leaklint --explain spawn_without_cancel`\n"),
        "{text}"
    );
    assert!(text.ends_with("1 finding in 1 file (1 file scanned, 0 errors)\n"));
    // --statistics: counts instead of findings.
    let out = leaklint(dir.path(), &["--statistics"]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stdout(&out),
        "1  spawn_without_cancel  warning\n1 finding in 1 file (1 file scanned, 0 errors)\n"
    );
}

#[test]
fn no_rust_files_is_a_warning_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "docs/readme.md", "# nothing\n");
    let out = leaklint(dir.path(), &["docs"]);
    assert_eq!(code(&out), 0);
    assert_eq!(stderr(&out), "warning: no Rust files found in docs\n");
    assert_eq!(
        stdout(&out),
        "0 findings in 0 files (0 files scanned, 0 errors)\n"
    );
    // Everything excluded by the configuration: said so.
    write(dir.path(), "src/a.rs", LEAK);
    write(dir.path(), "leaklint.toml", "include = [\"lib/\"]\n");
    let out = leaklint(dir.path(), &[]);
    assert_eq!(code(&out), 0);
    assert!(
        stderr(&out).contains(
            "warning: no Rust files found in . (1 left out by the configuration's include/exclude"
        ),
        "{}",
        stderr(&out)
    );
    // JSON output stays clean; the warning is on stderr.
    let (status, value) = json(dir.path(), &["docs"]);
    assert_eq!(status, 0);
    assert_eq!(value["files_scanned"], 0);
}

#[test]
fn a_manifest_that_is_not_toml_is_named_in_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    // A task whose endless loop is in another file: only the crate model
    // sees it. The manifest's inline table is not closed.
    write(dir.path(), "Cargo.toml", common::BROKEN_MANIFEST);
    write(
        dir.path(),
        "src/lib.rs",
        "mod worker;\npub fn start() {\n    tokio::spawn(async move { worker::run().await });\n}\n",
    );
    write(
        dir.path(),
        "src/worker.rs",
        "pub async fn run() {\n    loop {\n        tick().await;\n    }\n}\nasync fn tick() {}\n",
    );
    let out = leaklint(dir.path(), &["--format", "json", "--no-cache", "."]);
    common::assert_broken_manifest_warning(&stderr(&out));
    // Every file is still linted, each on its own.
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["files_scanned"], 2);
    // Fixed, the warning goes and the crate model follows the call.
    write(dir.path(), "Cargo.toml", common::mended_manifest());
    let out = leaklint(dir.path(), &["--format", "json", "--no-cache", "."]);
    assert_eq!(stderr(&out), "");
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["diagnostics"].as_array().unwrap().len(), 1);
}
