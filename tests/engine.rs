//! In-process tests of the engine and reporters with stand-in rules (the
//! real rules are tested by the UI tests): rule panics are contained,
//! findings carry their level, are sorted, and render in both formats.

use std::path::PathBuf;

use leaklint::config::EnabledLint;
use leaklint::discover::discover;
use leaklint::engine::lint_all;
use leaklint::report::{human, json};
use leaklint::{lint_source, Config, Report};
use leaklint_lints::{FileContext, Finding, Level, Lint, LintOptions, Triggers};
use syn::spanned::Spanned;

mod common;
use common::{assert_contract_shape, key_orders, DIAGNOSTIC_KEYS};

/// Flags every `fn` item, with a note at its name, a plain note and a help.
fn fn_items(ctx: &FileContext<'_>, _: &LintOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    for item in &ctx.file.items {
        if let syn::Item::Fn(f) = item {
            findings.push(
                Finding::new(
                    "fn_items",
                    ctx.span(f.span()),
                    format!("function `{}`", f.sig.ident),
                )
                .note(ctx.span(f.sig.ident.span()), "named here")
                .note_plain("a plain note")
                .help("rename it"),
            );
        }
    }
    findings
}

/// Flags the first item, under a name that sorts before `fn_items`.
fn first_item(ctx: &FileContext<'_>, _: &LintOptions) -> Vec<Finding> {
    ctx.file
        .items
        .first()
        .map(|item| Finding::new("a_first_item", ctx.span(item.span()), "first item"))
        .into_iter()
        .collect()
}

/// Panics on files that mention PANIC.
fn boom(ctx: &FileContext<'_>, _: &LintOptions) -> Vec<Finding> {
    if ctx.source.contains("PANIC") {
        panic!("boom on PANIC");
    }
    Vec::new()
}

fn lint(name: &'static str, check: fn(&FileContext<'_>, &LintOptions) -> Vec<Finding>) -> Lint {
    Lint {
        name,
        default_level: Level::Warn,
        summary: "test rule",
        doc: "test rule",
        triggers: Triggers::default,
        check,
    }
}

fn config(rules: &[(Lint, Level)]) -> Config {
    Config {
        lints: rules
            .iter()
            .map(|&(lint, level)| EnabledLint { lint, level })
            .collect(),
        ..Config::default()
    }
}

#[test]
fn a_panicking_rule_is_an_error_and_other_rules_still_report() {
    let config = config(&[
        (lint("boom", boom), Level::Warn),
        (lint("fn_items", fn_items), Level::Warn),
    ]);
    let result = lint_source("x.rs", "// PANIC\nfn main() {}\n", &config);
    assert_eq!(result.errors.len(), 1);
    let message = &result.errors[0].message;
    assert!(
        message.starts_with("internal error: lint `boom` panicked: boom on PANIC"),
        "{message}"
    );
    assert_eq!(result.diagnostics.len(), 1);
    assert_eq!(result.diagnostics[0].finding.message, "function `main`");
}

#[test]
fn a_panic_in_one_file_does_not_lose_other_files() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("a.rs", "fn a() {}\n"),
        ("b.rs", "// PANIC\nfn b() {}\n"),
        ("c.rs", "\n\nfn c() {}\n"),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let config = config(&[
        (lint("boom", boom), Level::Warn),
        (lint("fn_items", fn_items), Level::Warn),
    ]);
    let discovery = discover(&[dir.path().to_path_buf()]).unwrap();
    // One thread: every file goes through the same worker, so this also
    // checks that positions stay right after proc-macro2's span data of the
    // previous file was cleared.
    let report = lint_all(&discovery, &config, Some(1)).unwrap();
    assert_eq!(report.files_scanned, 3);
    assert_eq!(report.diagnostic_count(), 3);
    assert_eq!(report.error_count(), 1);
    let lines: Vec<(String, usize)> = report
        .files
        .iter()
        .flat_map(|f| {
            f.diagnostics.iter().map(|d| {
                let file = PathBuf::from(&f.path);
                let name = file.file_name().unwrap().to_string_lossy().into_owned();
                (name, d.finding.span.start.line)
            })
        })
        .collect();
    assert_eq!(
        lines,
        [("a.rs".into(), 1), ("b.rs".into(), 2), ("c.rs".into(), 3)]
    );
}

#[test]
fn levels_set_severity_and_allow_turns_a_rule_off() {
    let text = "fn main() {}\n";
    let warn = lint_source(
        "x.rs",
        text,
        &config(&[(lint("fn_items", fn_items), Level::Warn)]),
    );
    assert_eq!(warn.diagnostics[0].severity(), "warning");
    let deny = lint_source(
        "x.rs",
        text,
        &config(&[(lint("fn_items", fn_items), Level::Deny)]),
    );
    assert_eq!(deny.diagnostics[0].severity(), "error");
    let allow = lint_source(
        "x.rs",
        text,
        &config(&[(lint("fn_items", fn_items), Level::Allow)]),
    );
    assert!(allow.diagnostics.is_empty());
}

#[test]
fn findings_are_sorted_by_line_column_rule() {
    let config = config(&[
        (lint("fn_items", fn_items), Level::Warn),
        (lint("a_first_item", first_item), Level::Warn),
    ]);
    let result = lint_source("x.rs", "fn b() {}\nfn a() {}\n", &config);
    let order: Vec<(usize, &str)> = result
        .diagnostics
        .iter()
        .map(|d| (d.finding.span.start.line, d.finding.rule))
        .collect();
    assert_eq!(
        order,
        [(1, "a_first_item"), (1, "fn_items"), (2, "fn_items")]
    );
}

#[test]
fn human_rendering_of_a_finding() {
    let config = config(&[(lint("fn_items", fn_items), Level::Warn)]);
    let text = "\u{feff}// leading BOM and comment\nfn main() {\n    work();\n}\n";
    let report = Report::new(1, [lint_source("src/main.rs", text, &config)]);
    let out = human::render(&report, false);
    let expected = "\
warning[fn_items]: function `main`
  --> src/main.rs:2:1
  |
2 | / fn main() {
  |      ---- named here
3 | |     work();
4 | | }
  | |_^
  |
  = note: a plain note
  = help: rename it

";
    assert_eq!(out, expected, "got:\n{out}");
    assert_eq!(
        human::summary(&report),
        "1 finding in 1 file (1 file scanned, 0 errors)"
    );
    let coloured = human::render(&report, true);
    assert!(coloured.contains('\u{1b}'));
}

#[test]
fn json_rendering_of_findings() {
    let config = config(&[(lint("fn_items", fn_items), Level::Deny)]);
    let a = lint_source("b/a.rs", "fn  héllo() {}\n", &config);
    let b = lint_source("a/b.rs", "\n fn two() {\n}\n", &config);
    let report = Report::new(2, [a, b]);
    let text = json::render(&report);
    assert_contract_shape(&text);
    assert!(key_orders(&text)
        .iter()
        .any(|keys| keys == &DIAGNOSTIC_KEYS));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["files_scanned"], 2);
    let d = &value["diagnostics"];
    // sorted by file
    assert_eq!(d[0]["file"], "a/b.rs");
    assert_eq!(
        (
            &d[0]["line"],
            &d[0]["column"],
            &d[0]["end_line"],
            &d[0]["end_column"]
        ),
        (&2.into(), &2.into(), &3.into(), &2.into())
    );
    assert_eq!(d[1]["file"], "b/a.rs");
    assert_eq!(d[1]["message"], "function `héllo`");
    assert_eq!(d[1]["severity"], "error");
    assert_eq!(d[1]["rule"], "fn_items");
    // columns count characters: `}` is the 14th character, end is one past it
    assert_eq!(
        (&d[1]["column"], &d[1]["end_column"]),
        (&1.into(), &15.into())
    );
    // Notes carry their locations (JSON version 2); a plain note has none.
    assert_eq!(
        d[1]["notes"],
        serde_json::json!([
            {"message": "named here", "file": "b/a.rs", "line": 1, "column": 5, "end_line": 1, "end_column": 10},
            {"message": "a plain note"}
        ])
    );
    assert_eq!(d[1]["help"], "rename it");
}
