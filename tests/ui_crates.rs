//! UI tests of whole crates: every `ui-tests/<rule>/<case>/` directory is a
//! small package (a `Cargo.toml` and its `src/`), linted as a user would
//! lint it (`leaklint ui-tests/<rule>/<case>`, every rule at its default
//! level, the directory's own rule at `warn` when it is off by default;
//! a case with its own `leaklint.toml` runs with it, e.g. to turn an option on).
//! The human output is compared with `expected.stderr` in the directory.
//! These are the cases a single file cannot show: a task whose loop is in
//! another module's file, a handle whose aborting `Drop` is elsewhere.
//!
//! A case whose Rust files mark findings with `//~ rule_name` (on the line
//! where a finding starts) must find exactly those.
//!
//! `BLESS=1 cargo test --test ui_crates` rewrites the `.stderr` files.

mod common;

use std::path::{Path, PathBuf};

use leaklint::report::human;
use leaklint::Cli;

/// Every `ui-tests/*/*/` directory with a `Cargo.toml`, sorted.
fn crate_cases(root: &Path) -> Vec<PathBuf> {
    let mut cases = Vec::new();
    for dir in std::fs::read_dir(root).expect("ui-tests/ exists") {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for case in std::fs::read_dir(&dir).unwrap() {
            let case = case.unwrap().path();
            if case.join("Cargo.toml").is_file() {
                cases.push(case);
            }
        }
    }
    cases.sort();
    cases
}

/// The expected-output text for the crate at `display` (relative to the
/// package root, which is the tests' working directory), and its findings
/// as (file, line, rule), sorted.
fn actual_output(display: &str, rule: &str) -> (String, Vec<(String, usize, String)>) {
    // No `.leaklint_cache/` in the repository's case directories. A case
    // with its own `leaklint.toml` runs with it (an option turned on),
    // every other with none.
    let own_config = Path::new(display).join("leaklint.toml");
    let mut args = vec!["leaklint".to_string(), "--no-cache".to_string()];
    match own_config.is_file() {
        true => args.extend(["--config".to_string(), own_config.display().to_string()]),
        false => args.push("--no-config".to_string()),
    }
    if leaklint_lints::find_lint(rule)
        .is_some_and(|l| l.default_level == leaklint_lints::Level::Allow)
    {
        args.push("-W".to_string());
        args.push(rule.to_string());
    }
    args.push(display.to_string());
    let cli = Cli::parse_args(&args).expect("valid arguments");
    let report = match leaklint::pipeline::lint(&cli, None) {
        Ok(report) => report,
        Err(failure) => return (format!("failure: {}\n", failure.0), Vec::new()),
    };
    let mut findings: Vec<(String, usize, String)> = (report.files.iter())
        .flat_map(|f| {
            (f.diagnostics.iter()).map(|d| {
                let line = d.finding.span.start.line;
                (f.path.clone(), line, d.finding.rule.to_string())
            })
        })
        .collect();
    findings.sort();
    if report.is_clean() {
        return (String::new(), findings);
    }
    let mut out = human::render(&report, false);
    out.push_str(&human::summary(&report));
    out.push('\n');
    (out, findings)
}

/// The findings the `//~ rule_name …` comments in the case's Rust files
/// expect, as (file as displayed, line, rule), sorted; `None` when no file
/// of the case has one (its expected output alone says what it finds).
fn expected_findings(case: &Path, display: &str) -> Option<Vec<(String, usize, String)>> {
    let mut expected = Vec::new();
    let mut stack = vec![case.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let shown = format!(
                "{display}/{}",
                path.strip_prefix(case)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            );
            let text = std::fs::read_to_string(&path).unwrap();
            for (line, rule) in common::marked_findings(&text) {
                expected.push((shown.clone(), line, rule));
            }
        }
    }
    expected.sort();
    (!expected.is_empty()).then_some(expected)
}

#[test]
fn ui_crates() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::set_current_dir(manifest).unwrap();
    let bless = std::env::var_os("BLESS").is_some_and(|v| !v.is_empty() && v != "0");
    let cases = crate_cases(&manifest.join("ui-tests"));
    assert!(!cases.is_empty(), "no crate cases under ui-tests/");
    let mut failures = Vec::new();
    for case in &cases {
        let display = case
            .strip_prefix(manifest)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let rule = case
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy();
        let (actual, findings) = actual_output(&display, &rule);
        if let Some(expected) = expected_findings(case, &display) {
            if expected != findings {
                failures.push(format!(
                    "{display}: the `//~` comments expect {expected:?}\nbut leaklint finds {findings:?}"
                ));
            }
        }
        let expected_path = case.join("expected.stderr");
        if bless {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Err(_) => failures.push(format!(
                "{display}: {} is missing; run `BLESS=1 cargo test --test ui_crates`.\nactual output:\n{actual}",
                expected_path.display()
            )),
            Ok(expected) if expected != actual => failures.push(format!(
                "{display}: output differs.\n--- expected\n{expected}\n--- actual\n{actual}"
            )),
            Ok(_) => {}
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {} crate UI tests failed (rerun with BLESS=1 to accept):\n\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n")
        );
    }
}
