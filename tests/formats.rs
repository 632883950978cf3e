//! The machine formats, checked with their consumers' own parsers: SARIF
//! with the `serde-sarif` types and the official SARIF 2.1.0 JSON schema
//! (tests/data/sarif-schema-2.1.0.json), cargo-json with `cargo_metadata`'s
//! rustc diagnostic types, GitHub workflow commands against the toolkit's
//! escaping rules.

mod common;
use common::leaklint;
use std::path::Path;

use serde_json::Value;

fn write(dir: &Path, path: &str, contents: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

/// A project with a warning, a denied finding (with a multi-byte character
/// before it on its line), an unused suppression and a file that does not parse.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "src/a.rs",
        "fn a() {\n    tokio::spawn(async { loop { work().await; } });\n}\n",
    );
    write(
        d,
        "src/b/deny.rs",
        "// leaklint: allow-file(spawn_without_cancel)\nfn b() {}\n",
    );
    write(
        d,
        "src/c.rs",
        "fn c() {\n    /* é */ tokio::spawn(async {\n        loop { work().await; }\n    });\n}\n",
    );
    write(d, "src/broken.rs", "fn x( {\n");
    write(d, "src/c/leaklint.toml", "");
    dir
}

#[test]
fn sarif_is_valid_for_the_schema_and_the_sarif_types() {
    let dir = project();
    let out = leaklint(dir.path(), &["--format", "sarif", "src"]);
    assert_eq!(out.status.code(), Some(1));
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();

    let schema: Value = serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "schema violations: {errors:#?}");
    let typed: serde_sarif::sarif::Sarif = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(typed.runs.len(), 1);

    assert_eq!(value["version"], "2.1.0");
    assert!(value["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &value["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "leaklint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(driver["informationUri"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), leaklint::rules::all().count());
    for rule in rules {
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(!rule[key]["text"].as_str().unwrap().is_empty(), "{rule}");
        }
        assert!(rule["defaultConfiguration"]["level"].is_string());
        // The rule's page in the repository, generated from its doc comment.
        let help_uri = rule["helpUri"].as_str().unwrap();
        assert!(help_uri.starts_with("https://"), "{help_uri}");
        assert!(
            help_uri.ends_with(&format!("/docs/rules/{}.md", rule["id"].as_str().unwrap())),
            "{help_uri}"
        );
    }
    let results = run["results"].as_array().unwrap();
    let summary: Vec<(String, String, u64, u64, u64, u64)> = results
        .iter()
        .map(|r| {
            let index = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], r["ruleId"]);
            assert!(r["partialFingerprints"]["primaryLocationLineHash"].is_string());
            assert_eq!(r["locations"].as_array().unwrap().len(), 1);
            let loc = &r["locations"][0]["physicalLocation"];
            let region = &loc["region"];
            (
                loc["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                r["ruleId"].as_str().unwrap().to_string(),
                region["startLine"].as_u64().unwrap(),
                region["startColumn"].as_u64().unwrap(),
                region["endLine"].as_u64().unwrap(),
                region["endColumn"].as_u64().unwrap(),
            )
        })
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        summary,
        vec![
            (s("src/a.rs"), s("spawn_without_cancel"), 2, 5, 2, 51),
            (s("src/b/deny.rs"), s("unused_suppression"), 1, 1, 1, 46),
            // `/* é */ ` is 8 characters (9 bytes): the call starts at column 13.
            (s("src/c.rs"), s("spawn_without_cancel"), 2, 13, 4, 7),
        ]
    );
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "src/broken.rs"
    );

    // Absolute and ./ paths still give repo-relative URIs.
    let abs = dir.path().canonicalize().unwrap().join("src/a.rs");
    for arg in [abs.to_str().unwrap(), "./src/a.rs"] {
        let out = leaklint(dir.path(), &["--format", "sarif", arg]);
        let value: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            value["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
                ["uri"],
            "src/a.rs"
        );
    }
}

#[test]
fn sarif_says_the_notes_that_point_nowhere_in_the_message() {
    // A thread's finding says, without a place, that its handle cannot stop
    // it: the SARIF result says it in its message, as the human output does.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.rs",
        "fn start() {\n    std::thread::spawn(|| loop { poll(); });\n}\n",
    );
    let out = leaklint(dir.path(), &["--format", "sarif", "t.rs"]);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = value["runs"][0]["results"][0]["message"]["text"]
        .as_str()
        .unwrap()
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(
        lines[0],
        "spawned thread loops forever and nothing can stop it"
    );
    assert!(
        lines[1].starts_with("note: a thread cannot be cancelled from outside"),
        "{text}"
    );
    assert!(
        lines[2].starts_with("help: give the loop a stop flag"),
        "{text}"
    );
}

#[test]
fn cargo_json_parses_as_rustc_diagnostics() {
    let dir = project();
    let out = leaklint(
        dir.path(),
        &[
            "--format",
            "cargo-json",
            "-D",
            "spawn_without_cancel",
            "src",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let diagnostics: Vec<cargo_metadata::diagnostic::Diagnostic> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(diagnostics.len(), 4);
    let c = &diagnostics[3];
    assert_eq!(
        c.code.as_ref().unwrap().code,
        "leaklint::spawn_without_cancel"
    );
    assert_eq!(c.level, cargo_metadata::diagnostic::DiagnosticLevel::Error);
    let primary = c.spans.iter().find(|s| s.is_primary).unwrap();
    assert_eq!(primary.file_name, "src/c.rs");
    assert_eq!(
        (
            primary.line_start,
            primary.column_start,
            primary.line_end,
            primary.column_end
        ),
        (2, 13, 4, 7)
    );
    let source = std::fs::read_to_string(dir.path().join("src/c.rs")).unwrap();
    assert!(
        source[primary.byte_start as usize..primary.byte_end as usize].starts_with("tokio::spawn(")
    );
    assert_eq!(primary.text[0].text, "    /* é */ tokio::spawn(async {");
    assert_eq!(primary.text[0].highlight_start, 13);
    assert_eq!(primary.text.len(), 3);
    assert!(c
        .children
        .iter()
        .any(|ch| ch.level == cargo_metadata::diagnostic::DiagnosticLevel::Help));
    let rendered = c.rendered.as_deref().unwrap();
    assert!(
        rendered.starts_with("error[spawn_without_cancel]"),
        "{rendered}"
    );
    assert!(rendered.contains("src/c.rs:2:13"), "{rendered}");
    // The unparseable file is an error diagnostic too, at the byte of the
    // line and column it names.
    assert!(diagnostics[2].message.contains("could not check"));
    let at = &diagnostics[2].spans[0];
    assert_eq!(at.file_name, "src/broken.rs");
    let broken = std::fs::read_to_string(dir.path().join("src/broken.rs")).unwrap();
    let line_start: usize = (broken.lines().take(at.line_start - 1))
        .map(|l| l.len() + 1)
        .sum();
    assert_eq!(at.byte_start as usize, line_start + at.column_start - 1);
    assert_eq!(at.byte_end, at.byte_start);
}

#[test]
fn also_passes_the_other_tools_lines_through() {
    let dir = project();
    let other = r#"{"reason":"build-finished","success":true}"#;
    let out = leaklint(
        dir.path(),
        &[
            "--format",
            "cargo-json",
            "--also",
            &format!("echo '{other}'"),
            "src/a.rs",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines.contains(&other));
    let message: cargo_metadata::Message = serde_json::from_str(other).unwrap();
    assert!(matches!(message, cargo_metadata::Message::BuildFinished(_)));

    // A failing other tool makes the run fail; --also needs cargo-json.
    let out = leaklint(
        dir.path(),
        &["--format", "cargo-json", "--also", "exit 3", "src/b"],
    );
    assert_eq!(out.status.code(), Some(1));
    let out = leaklint(dir.path(), &["--also", "true", "src/b"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn github_annotations_errors_first_escaped_with_summary() {
    let dir = project();
    let out = leaklint(
        dir.path(),
        &["--format", "github", "-D", "unused_suppression", "src"],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(lines[0].starts_with("::error file=src/b/deny.rs,line=1,col=1,endLine=1,endColumn=46,title=leaklint (unused_suppression)::"), "{text}");
    assert!(
        lines[1].starts_with("::error file=src/broken.rs,line=1,col="),
        "{text}"
    );
    assert!(lines[2].starts_with("::warning file=src/a.rs,line=2,col=5,endLine=2,endColumn=51,title=leaklint (spawn_without_cancel)::spawned task"), "{text}");
    // A multi-line span has no columns; notes and help are %0A-separated.
    assert!(
        lines[3].starts_with("::warning file=src/c.rs,line=2,endLine=4,title="),
        "{text}"
    );
    assert!(lines[3].contains("%0Ahelp: "), "{text}");
    assert!(lines[4].starts_with("leaklint: 1 error(s) and 2 warning(s) in 3 file(s), 1 file(s) could not be checked, 4 file(s) scanned"), "{text}");
    for line in &lines[..4] {
        let (_, message) = line.split_once("::").unwrap().1.split_once("::").unwrap();
        assert!(!message.contains('\n') && !message.contains('\r'));
    }
}

#[test]
fn also_reports_leaklints_own_failure_and_keeps_the_other_output() {
    let dir = project();
    // A typo in the configuration must not make clippy's diagnostics vanish.
    write(
        dir.path(),
        "leaklint.toml",
        "[rules]\nspawn_without_cancle = \"deny\"\n",
    );
    let other = r#"{"reason":"build-finished","success":true}"#;
    let out = leaklint(
        dir.path(),
        &[
            "--format",
            "cargo-json",
            "--also",
            &format!("echo '{other}'"),
            "src/a.rs",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(lines[1], other);
    // One rustc-style diagnostic, at the configuration's line, parsed by
    // cargo_metadata's types as rust-analyzer parses it.
    let diagnostic: cargo_metadata::diagnostic::Diagnostic =
        serde_json::from_str(lines[0]).unwrap();
    assert_eq!(
        diagnostic.level,
        cargo_metadata::diagnostic::DiagnosticLevel::Error
    );
    assert!(
        diagnostic
            .message
            .contains("unknown rule `spawn_without_cancle`"),
        "{}",
        diagnostic.message
    );
    assert_eq!(diagnostic.spans.len(), 1);
    assert_eq!(diagnostic.spans[0].file_name, "leaklint.toml");
    assert_eq!(diagnostic.spans[0].line_start, 2);
    // The error is on stderr too.
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `spawn_without_cancel`"));

    // A command line that does not parse: the same, clippy's output kept.
    let out = leaklint(
        dir.path(),
        &[
            "--format",
            "cargo-json",
            "--also",
            &format!("echo '{other}'"),
            "--no-such-flag",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(lines[1], other);
    let diagnostic: cargo_metadata::diagnostic::Diagnostic =
        serde_json::from_str(lines[0]).unwrap();
    assert!(
        diagnostic.message.contains("--no-such-flag"),
        "{}",
        diagnostic.message
    );

    // Without --also, cargo-json still carries the failure.
    let out = leaklint(dir.path(), &["--format", "cargo-json", "src/a.rs"]);
    assert_eq!(out.status.code(), Some(2));
    let diagnostic: cargo_metadata::diagnostic::Diagnostic =
        serde_json::from_slice(&out.stdout).unwrap();
    assert!(diagnostic.message.starts_with("leaklint could not run: "));
}

#[test]
fn list_rules_and_statistics_as_json() {
    let dir = project();
    let out = leaklint(dir.path(), &["--list-rules", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), leaklint::rules::all().count());
    for (entry, lint) in list.iter().zip(leaklint::rules::all()) {
        assert_eq!(entry["name"], lint.name);
        assert_eq!(entry["default_level"], lint.default_level.as_str());
        assert_eq!(entry["summary"], lint.summary);
        assert!(entry["options"].is_array());
        assert_eq!(entry["url"], leaklint::rules::url(lint));
    }
    let spawn = &list[0];
    assert_eq!(spawn["name"], "spawn_without_cancel");
    assert_eq!(
        spawn["options"],
        serde_json::json!(["spawn_functions", "call_depth", "process_lifetime"])
    );
    // Formats that cannot list rules say so instead of printing text.
    let out = leaklint(dir.path(), &["--list-rules", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());

    // --statistics: a count per rule (and severity).
    let out = leaklint(dir.path(), &["--statistics", "--format", "json", "src"]);
    assert_eq!(out.status.code(), Some(1));
    let counts: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        counts,
        serde_json::json!([
            { "rule": "spawn_without_cancel", "severity": "warning", "count": 2 },
            { "rule": "unused_suppression", "severity": "warning", "count": 1 },
        ])
    );
    let out = leaklint(
        dir.path(),
        &["--statistics", "src", "-D", "unused-suppression"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "2  spawn_without_cancel  warning\n\
         1  unused_suppression    error\n\
         1  files that could not be checked\n\
         3 findings in 3 files (4 files scanned, 1 error)\n"
    );
    let out = leaklint(dir.path(), &["--statistics", "--format", "github", "src"]);
    assert_eq!(out.status.code(), Some(2));
}
