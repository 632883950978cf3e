//! Adversarial input: leaklint must never crash and never lose a finding.
//!
//! Small cases run in-process through the library (`lint_source`, the whole
//! per-file pipeline) and every reporter; deep nesting and big files run the
//! real binary in a child process and assert a normal exit. Large inputs are
//! generated at test time.

mod common;
use common::leaklint;
use std::path::Path;

use leaklint::{lint_source, report, Config, FileResult, Report};
use serde_json::Value;

/// A real finding of `spawn_without_cancel`, 4 columns in on its line.
const LEAK: &str = "tokio::spawn(async { loop { work().await; } });";

fn lint(text: &str) -> FileResult {
    let result = lint_source("x.rs", text, &Config::default());
    // Every reporter must cope with whatever came out.
    let report = Report::new(1, [result.clone()]);
    let _ = report::human::render(&report, false);
    let _ = report::human::render(&report, true);
    let json = report::json::render(&report);
    serde_json::from_str::<Value>(&json).expect("the JSON reporter's output parses");
    serde_json::from_str::<Value>(&report::sarif::render(&report)).expect("SARIF parses");
    let _ = report::github::render(&report);
    for line in report::cargo_json::render(&report).lines() {
        serde_json::from_str::<Value>(line).expect("each cargo-json line parses");
    }
    for e in &result.errors {
        assert!(
            !e.message.contains("internal error"),
            "leaklint panicked on {text:?}: {}",
            e.message
        );
    }
    result
}

/// (line, column) of every `spawn_without_cancel` finding (the finding
/// [`LEAK`] plants; other rules may report other things in these inputs).
fn positions(result: &FileResult) -> Vec<(usize, usize)> {
    result
        .diagnostics
        .iter()
        .filter(|d| d.finding.rule == "spawn_without_cancel")
        .map(|d| (d.finding.span.start.line, d.finding.span.start.column))
        .collect()
}

/// `body` in a fn that is not `main` (a task started from `main` lives as
/// long as the process and is not reported).
fn in_fn(body: &str) -> String {
    format!("fn start() {{\n    {body}\n}}\n")
}

#[test]
fn empty_and_whitespace_files() {
    for text in ["", "\n", "\r\n", " \t ", "\u{feff}", "// only a comment"] {
        let r = lint(text);
        assert!(r.diagnostics.is_empty() && r.errors.is_empty(), "{text:?}");
    }
}

#[test]
fn bom_and_crlf_keep_positions() {
    let plain = lint(&in_fn(LEAK));
    assert_eq!(positions(&plain), [(2, 5)]);
    let bom = lint(&format!("\u{feff}{}", in_fn(LEAK)));
    assert_eq!(positions(&bom), [(2, 5)]);
    let crlf = lint(&in_fn(LEAK).replace('\n', "\r\n"));
    assert_eq!(positions(&crlf), [(2, 5)]);
    let end = |r: &FileResult| r.diagnostics[0].finding.span.end;
    assert_eq!(end(&crlf).column, end(&plain).column);
    assert_eq!(end(&crlf).column, 5 + LEAK.len() - 1);
}

#[test]
fn nul_byte_is_a_located_error() {
    let r = lint("fn main() {}\0\n");
    assert!(r.diagnostics.is_empty());
    assert_eq!(r.errors.len(), 1);
    assert_eq!((r.errors[0].line, r.errors[0].column), (Some(1), Some(13)));
    // A NUL inside a string literal is fine.
    let r = lint(&in_fn(&format!("let _s = \"a\0b\"; {LEAK}")));
    assert_eq!(r.errors, []);
    assert_eq!(r.diagnostics.len(), 1);
}

#[test]
fn multi_byte_characters_before_a_finding_keep_columns_right() {
    // Columns count characters: `ö`, `日本語` and the emoji are one column each.
    let r = lint(&in_fn(&format!("let ö = \"日本語🦀\"; {LEAK}")));
    assert_eq!(positions(&r), [(2, 21)]);
    let r = lint(&in_fn(&format!("/* ∀x∃y */ {LEAK}")));
    assert_eq!(positions(&r), [(2, 16)]);
    let r = lint(&format!("fn 函数() {{\n    let 名前 = 1; {LEAK}\n}}\n"));
    assert_eq!(positions(&r), [(2, 17)]);
}

#[test]
fn raw_strings_that_look_like_code_are_not_code() {
    let r = lint(&in_fn(&format!(
        "let _s = r#\"{LEAK} \" {{ ( [\"#; let _t = r##\"\"# }} ) ]\"##;"
    )));
    assert_eq!(r.errors, []);
    assert!(r.diagnostics.is_empty());
    // ... and code after them is still code.
    let r = lint(&in_fn(&format!("let _s = br#\"{LEAK}\"#; {LEAK}")));
    assert_eq!(positions(&r), [(2, 22 + LEAK.len())]);
}

#[test]
fn raw_identifiers() {
    let r = lint(&in_fn(
        "let r#async = 1; let r#type = r#async; tokio::spawn(async move { loop { r#fn(r#type).await; } });",
    ));
    assert_eq!(r.errors, []);
    assert_eq!(positions(&r), [(2, 44)]);
}

#[test]
fn inner_cfg_attributes_and_include_are_linted_as_written() {
    let r = lint(&format!(
        "#![cfg(feature = \"never\")]\n#![cfg_attr(test, allow(dead_code))]\ninclude!(\"gen.rs\");\ninclude!(concat!(env!(\"OUT_DIR\"), \"/x.rs\"));\n{}",
        in_fn(LEAK)
    ));
    assert_eq!(r.errors, []);
    assert_eq!(positions(&r), [(6, 5)]);
}

/// Every `tokio::select!` shape the tokio documentation shows.
const SELECT_SHAPES: &[&str] = &[
    "tokio::select! { _ = a() => {} }",
    "tokio::select! { v = a() => { println!(\"{v}\") } v = b() => println!(\"{v}\"), }",
    "tokio::select! { biased; _ = a() => {}, _ = b() => {} }",
    "tokio::select! { Some(v) = rx.recv() => {}, else => break, }",
    "tokio::select! { v = a(), if ready => {}, _ = &mut sleep => {} }",
    "tokio::select! { res = &mut fut, if !done => { done = true; } else => {} }",
    "tokio::select! { Ok((a, b)) = c => {}, Err(e) = d => return, }",
    "tokio::select! { _ = token.cancelled() => break, _ = tick.tick() => {} }",
    "tokio::select!(_ = a() => {});",
    "tokio::select![_ = a() => {}];",
    "futures::select! { x = a => {}, default => {}, complete => break }",
    "futures::select_biased! { x = a => {}, complete => {} }",
];

/// Malformed `select!` bodies: the macro parser must fail soft.
const MALFORMED_SELECTS: &[&str] = &[
    "tokio::select! {}",
    "tokio::select! { , }",
    "tokio::select! { biased; }",
    "tokio::select! { biased }",
    "tokio::select! { _ = => {} }",
    "tokio::select! { = a() => {} }",
    "tokio::select! { _ = a() {} }",
    "tokio::select! { _ = a() => }",
    "tokio::select! { _ = a() =>, }",
    "tokio::select! { _ = a(), if => {} }",
    "tokio::select! { else => }",
    "tokio::select! { else }",
    "tokio::select! { _ = a() => {} else => {} else => {} }",
    "tokio::select! { => => => }",
    "tokio::select! { _ = a() => {} ;;; }",
    "tokio::select! { 1 2 3 }",
    "tokio::select! { _ = a() => tokio::select! { else => } }",
    "select! { _ = a() => {} }",
    "tokio::select",
    "tokio::select! { _ = a() => {} } tokio::select! { biased; biased; }",
];

#[test]
fn select_shapes_documented_and_malformed_fail_soft() {
    for body in SELECT_SHAPES.iter().chain(MALFORMED_SELECTS) {
        let text = in_fn(&format!("loop {{ {body} }}\n    {LEAK}"));
        let r = lint(&text);
        assert_eq!(r.errors, [], "{body}");
        assert_eq!(positions(&r), [(3, 5)], "{body}");
        // The select itself inside a detached loop: no crash either way.
        let spawned = in_fn(&format!(
            "tokio::spawn(async move {{ loop {{ {body} }} }});"
        ));
        lint(&spawned);
    }
}

#[test]
fn a_syntax_error_at_every_position_of_a_real_file() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("ui-tests/spawn_without_cancel/flag_detached_loops.rs"),
    )
    .unwrap();
    assert!(!lint(&text).diagnostics.is_empty());
    let config = Config::default();
    let mut parsed = 0;
    for end in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
        let result = lint_source("x.rs", &text[..end], &config);
        for e in &result.errors {
            assert!(!e.message.contains("internal error"), "at {end}: {e:?}");
            assert!(e.line.is_some(), "a parse error has a position: {e:?}");
        }
        // Either it parsed or the error says where; never both silent.
        if result.errors.is_empty() {
            parsed += 1;
        }
        let report = Report::new(1, [result]);
        let _ = report::human::render(&report, false);
        serde_json::from_str::<Value>(&report::json::render(&report)).unwrap();
    }
    assert!(parsed > 0);
}

#[test]
fn a_one_megabyte_line() {
    let line = format!(
        "fn boot() {{ let _s = \"{}\"; {LEAK} }}\n",
        "x".repeat(1 << 20)
    );
    let r = lint(&line);
    assert_eq!(positions(&r), [(1, (1 << 20) + 26)]);
    let sum = format!("fn main() {{ let _x = 1{}; }}\n", " + 1".repeat(250_000));
    assert_eq!(lint(&sum).errors, []);
}

// ---- the real binary, in a child process ----------------------------------

/// Runs `--format json` on `dir` and checks the process exited normally
/// with one JSON document.
fn json(dir: &Path) -> (i32, Value) {
    json_with(dir, &[])
}

/// [`json`] with extra arguments.
fn json_with(dir: &Path, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["--format", "json", "."];
    args.extend_from_slice(extra);
    let out = leaklint(dir, &args);
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("killed by a signal: {:?}", out.status));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    (code, value)
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), contents).unwrap();
}

/// A file whose only purpose is a finding that must survive the others.
fn with_witness(dir: &Path) {
    write(dir, "witness.rs", in_fn(LEAK));
}

fn assert_witness(value: &Value) {
    let d = value["diagnostics"].as_array().unwrap();
    assert!(
        d.iter()
            .any(|d| d["file"] == "witness.rs" && d["rule"] == "spawn_without_cancel"),
        "{value:#}"
    );
}

const DEEP: usize = 100_000;

fn deep_cases() -> Vec<(&'static str, String)> {
    let n = DEEP;
    vec![
        (
            "parens.rs",
            format!(
                "fn main() {{ let _x = {}1{}; }}",
                "(".repeat(n),
                ")".repeat(n)
            ),
        ),
        (
            "blocks.rs",
            format!("fn main() {}{}", "{".repeat(n), "}".repeat(n)),
        ),
        (
            "closures.rs",
            format!("fn main() {{ let _f = {}1; }}", "|| ".repeat(n)),
        ),
        (
            "closures_with_params.rs",
            format!("fn main() {{ let _f = {}1; }}", "move |a, b| ".repeat(n)),
        ),
        (
            "types.rs",
            format!("type T = {}u8{};", "Option<".repeat(n), ">".repeat(n)),
        ),
        (
            "map_types.rs",
            format!("type T = {}u8{};", "HashMap<u8, ".repeat(n), ">".repeat(n)),
        ),
        ("ref_types.rs", format!("type T = {}u8;", "&'a ".repeat(n))),
        (
            "ptr_types.rs",
            format!("type T = {}u8;", "*const ".repeat(n)),
        ),
        (
            "fn_types.rs",
            format!("type T = {}u8;", "fn() -> ".repeat(n)),
        ),
        (
            "impl_types.rs",
            format!("fn f() -> {}u8 {{}}", "impl Fn() -> ".repeat(n)),
        ),
        (
            "macros.rs",
            format!("fn main() {{ {}1{}; }}", "m!(".repeat(n), ")".repeat(n)),
        ),
        (
            "macro_select.rs",
            format!(
                "fn main() {{ {}{} }}",
                "tokio::select! { _ = a() => ".repeat(n),
                "}".repeat(n)
            ),
        ),
        (
            "not.rs",
            format!("fn main() {{ let _x = {}true; }}", "!".repeat(n)),
        ),
        (
            "refs.rs",
            format!("fn main() {{ let _x = {}1; }}", "&".repeat(n)),
        ),
        (
            "neg.rs",
            format!("fn main() {{ let _x = {}1; }}", "- ".repeat(n)),
        ),
        (
            "deref.rs",
            format!("fn main() {{ let _x = {}x; }}", "* ".repeat(n)),
        ),
        (
            "modules.rs",
            format!("{}{}", "mod a { ".repeat(10_000), "}".repeat(10_000)),
        ),
    ]
}

#[test]
fn hundred_thousand_deep_nesting_exits_normally_and_keeps_other_findings() {
    for (name, text) in deep_cases() {
        let dir = tempfile::tempdir().unwrap();
        with_witness(dir.path());
        write(dir.path(), name, &text);
        // By default a file without any rule's trigger word is not parsed
        // (the pre-filter): still a normal exit.
        let (code, value) = json(dir.path());
        assert_eq!(code, 1, "{name}");
        assert_witness(&value);
        // Every file through the pre-scan and the parser.
        let (code, value) = json_with(dir.path(), &["--no-prefilter"]);
        assert_eq!(code, 1, "{name}");
        assert_witness(&value);
        let errors = value["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1, "{name}: {value:#}");
        assert_eq!(errors[0]["file"], name);
        let message = errors[0]["message"].as_str().unwrap();
        assert!(
            message.starts_with("nesting too deep ("),
            "{name}: {message}"
        );
    }
}

#[test]
fn deep_but_under_the_limit_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    with_witness(dir.path());
    let n = 2_000;
    write(
        dir.path(),
        "types.rs",
        format!("type T = {}u8{};", "Option<".repeat(n), ">".repeat(n)),
    );
    write(
        dir.path(),
        "closures.rs",
        format!("fn main() {{ let _f = {}1; }}", "|a| ".repeat(n)),
    );
    write(
        dir.path(),
        "not.rs",
        format!("fn main() {{ let _x = {}true; }}", "!".repeat(n)),
    );
    let (code, value) = json_with(dir.path(), &["--no-prefilter"]);
    assert_eq!(code, 1);
    assert_eq!(value["errors"], serde_json::json!([]));
    assert_witness(&value);
}

#[test]
fn a_fifty_megabyte_file() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!("// {}\n", "padding ".repeat(12));
    let lines = (50 << 20) / line.len();
    let mut text = line.repeat(lines);
    text.push_str(&in_fn(LEAK));
    assert!(text.len() >= 50 << 20);
    write(dir.path(), "big.rs", &text);
    // Over the default max_file_bytes (4 MiB): skipped, and said so.
    let (code, value) = json(dir.path());
    assert_eq!(code, 0);
    assert_eq!(value["files_scanned"], 1);
    assert_eq!(value["skipped"][0]["file"], "big.rs");
    let reason = value["skipped"][0]["reason"].as_str().unwrap();
    assert!(reason.starts_with("larger than max_file_bytes"), "{reason}");
    // Linted when the limit allows it.
    write(dir.path(), "leaklint.toml", "max_file_bytes = 104857600\n");
    let (code, value) = json(dir.path());
    assert_eq!(code, 1);
    assert_eq!(value["errors"], serde_json::json!([]));
    let d = &value["diagnostics"][0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(lines as u64 + 2), Some(5))
    );
}

#[test]
fn non_utf8_and_nul_files_are_errors_and_others_still_linted() {
    let dir = tempfile::tempdir().unwrap();
    with_witness(dir.path());
    write(dir.path(), "latin1.rs", b"fn main() {\n    // caf\xe9\n}\n");
    write(dir.path(), "binary.rs", [0u8, 159, 146, 150, 0, 255]);
    write(dir.path(), "nul.rs", b"fn main() {}\0\n");
    let (code, value) = json(dir.path());
    assert_eq!(code, 1);
    assert_witness(&value);
    let errors: Vec<(&str, Option<u64>, Option<u64>)> = value["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["file"].as_str().unwrap(),
                e["line"].as_u64(),
                e["column"].as_u64(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("binary.rs", Some(1), Some(2)),
            ("latin1.rs", Some(2), Some(11)),
            ("nul.rs", Some(1), Some(13)),
        ]
    );
}
