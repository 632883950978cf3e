//! UI tests: every `ui-tests/<rule>/<case>.rs` is linted with all rules at
//! their default levels, and the human output (no colour, the path as
//! `ui-tests/<rule>/<case>.rs`) is compared with `<case>.stderr` beside it.
//!
//! One exception: a rule that is off by default (`allow`, such as
//! `spawn_in_loop_unbounded`) runs at `warn` for the cases in its own
//! directory, so that its hits and near-misses are tested as a user who
//! turns it on (`-W rule`) would see them. In every other directory it
//! stays off, as it is for a user who does not.
//!
//! The expected output is the rendered diagnostics and file errors followed
//! by the summary line; a case with no finding and no error expects an empty
//! `.stderr` file (which must exist: it asserts silence).
//!
//! Each case also says inline which findings it expects: a line with a
//! finding ends with `//~ rule_name` (one name per finding that starts on
//! that line), and no other line has one. The findings must match these
//! comments exactly; a `flag_*` case expects at least one finding of its
//! directory's rule, an `ok_*` case none.
//!
//! `BLESS=1 cargo test --test ui` rewrites the `.stderr` files from the
//! current output (never the `//~` comments, which say what is meant).
//! Every mismatching case is reported, not just the first.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use leaklint::report::human;
use leaklint::{lint_source, Config, Report};
use leaklint_lints::Level;

/// The output of one case (its expected-output text) and its findings as
/// (line, rule), sorted.
fn actual_output(display: &str, text: &str, config: &Config) -> (String, Vec<(usize, String)>) {
    let result = lint_source(display, text, config);
    let mut findings: Vec<(usize, String)> = result
        .diagnostics
        .iter()
        .map(|d| (d.finding.span.start.line, d.finding.rule.to_string()))
        .collect();
    findings.sort();
    let report = Report::new(1, [result]);
    if report.is_clean() {
        return (String::new(), findings);
    }
    let mut out = human::render(&report, false);
    out.push_str(&human::summary(&report));
    out.push('\n');
    (out, findings)
}

/// The findings a case expects, from its `//~ rule_name …` comments, as
/// (line, rule), sorted.
fn expected_findings(text: &str) -> Vec<(usize, String)> {
    let mut expected = common::marked_findings(text);
    expected.sort();
    expected
}

/// What differs between the expected and the actual findings of a case;
/// empty when they are the same.
fn findings_mismatch(
    case: &str,
    rule: &str,
    expected: &[(usize, String)],
    actual: &[(usize, String)],
) -> Vec<String> {
    let mut problems = Vec::new();
    let (mut missing, mut unexpected) = (expected.to_vec(), Vec::new());
    for found in actual {
        match missing.iter().position(|e| e == found) {
            Some(i) => {
                missing.remove(i);
            }
            None => unexpected.push(found),
        }
    }
    for (line, r) in missing {
        problems.push(format!(
            "line {line}: `//~ {r}` expects a finding that is not there"
        ));
    }
    for (line, r) in unexpected {
        problems.push(format!("line {line}: a finding of {r} without `//~ {r}`"));
    }
    let own = expected.iter().filter(|(_, r)| r == rule).count();
    if case.starts_with("flag_") && own == 0 {
        problems.push(format!("a flag_ case expects no finding of {rule}"));
    }
    if case.starts_with("ok_") && own > 0 {
        problems.push(format!("an ok_ case expects {own} finding(s) of {rule}"));
    }
    problems
}

/// The configuration for the cases of directory `rule`: every rule at its
/// default level, except `rule` itself, which runs at `warn` when it is off
/// by default.
fn config_for(rule: &str) -> Config {
    let mut config = Config::default();
    for l in &mut config.lints {
        if l.lint.name == rule && l.level == Level::Allow {
            l.level = Level::Warn;
        }
    }
    config
}

/// Every `ui-tests/*/*.rs`, sorted.
fn cases(root: &Path) -> Vec<PathBuf> {
    let mut cases = Vec::new();
    for dir in std::fs::read_dir(root).expect("ui-tests/ exists") {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "rs" || e == "stderr") {
                cases.push(file);
            }
        }
    }
    cases.sort();
    cases
}

/// A line diff: `-` expected, `+` actual, ` ` common (longest common subsequence).
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            let _ = writeln!(out, "  {}", a[i]);
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            let _ = writeln!(out, "- {}", a[i]);
            i += 1;
        } else {
            let _ = writeln!(out, "+ {}", b[j]);
            j += 1;
        }
    }
    out
}

#[test]
fn ui() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("ui-tests");
    let bless = std::env::var_os("BLESS").is_some_and(|v| !v.is_empty() && v != "0");
    let mut failures = Vec::new();
    let mut checked = 0;

    for path in cases(&root) {
        let display = path
            .strip_prefix(manifest)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let expected_path = path.with_extension("stderr");
        if path.extension().is_some_and(|e| e == "stderr") {
            if !path.with_extension("rs").exists() {
                failures.push(format!("{display}: no `.rs` case beside it; delete it"));
            }
            continue;
        }
        checked += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let rule = path
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy();
        let (actual, findings) = actual_output(&display, &text, &config_for(&rule));
        let case = path.file_name().unwrap().to_string_lossy();
        for problem in findings_mismatch(&case, &rule, &expected_findings(&text), &findings) {
            failures.push(format!("{display}: {problem}"));
        }
        if bless {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Err(_) => failures.push(format!(
                "{display}: {} is missing; run `BLESS=1 cargo test --test ui` to create it.\n\
                 actual output:\n{actual}",
                expected_path.file_name().unwrap().to_string_lossy()
            )),
            Ok(expected) if expected != actual => failures.push(format!(
                "{display}: output differs (- expected, + actual):\n{}",
                diff(&expected, &actual)
            )),
            Ok(_) => {}
        }
    }

    assert!(
        checked > 0,
        "no UI test cases found under {}",
        root.display()
    );
    if !failures.is_empty() {
        panic!(
            "{} of {checked} UI tests failed (rerun with BLESS=1 to accept the new output):\n\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

#[test]
fn inline_expectations_are_read_and_compared() {
    let text = "fn f() {\n    spawn(x); //~ a a\n    g(); // why //~ b\n}\n";
    let expected = expected_findings(text);
    let pair = |n: usize, r: &str| (n, r.to_string());
    assert_eq!(expected, [pair(2, "a"), pair(2, "a"), pair(3, "b")]);
    assert!(findings_mismatch("flag_x.rs", "a", &expected, &expected).is_empty());
    let one_a = [pair(2, "a"), pair(3, "b")];
    assert_eq!(
        findings_mismatch("flag_x.rs", "a", &expected, &one_a).len(),
        1
    );
    let moved = [pair(2, "a"), pair(2, "a"), pair(4, "b")];
    assert_eq!(
        findings_mismatch("flag_x.rs", "a", &expected, &moved).len(),
        2
    );
    assert_eq!(
        findings_mismatch("ok_x.rs", "a", &expected, &expected).len(),
        1
    );
    assert_eq!(findings_mismatch("flag_x.rs", "c", &[], &[]).len(), 1);
}

#[test]
fn diff_marks_changed_lines() {
    assert_eq!(diff("a\nb\nc\n", "a\nx\nc\n"), "  a\n- b\n+ x\n  c\n");
    assert_eq!(diff("", "a\n"), "+ a\n");
}
