//! The JSON format: exactly DESIGN.md's contract, version 2.
//!
//! One object on stdout. The structs below are declared in the contract's
//! field order, which serde keeps. `help` is `null` when a finding has none.
//! An error without a location (an unreadable file, a panicking rule) has
//! `"line": null, "column": null`: the keys are always present.
//!
//! Version 2 (version 1 plus locations and skipped files): each note is an
//! object `{message, file, line, column, end_line, end_column}` (the location
//! keys are absent for a note without a location); `test_files` counts the
//! files skipped as test code; `skipped` lists `{file, reason}` for the
//! generated and oversized files that were not linted.

use serde::Serialize;

use crate::outcome::Report;

/// The version of the JSON format.
pub const FORMAT_VERSION: u32 = 2;

/// The whole output object.
#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    /// Always [`FORMAT_VERSION`].
    pub version: u32,
    /// Which tool produced the report.
    pub tool: JsonTool,
    /// How many files were checked, including those with errors and those
    /// skipped.
    pub files_scanned: usize,
    /// How many files were skipped as test code.
    pub test_files: usize,
    /// Every finding, sorted by (file, line, column, rule).
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
    /// Every file that could not be (fully) checked, sorted by file.
    pub errors: Vec<JsonError<'a>>,
    /// Every file not linted because it is generated or too large, sorted.
    pub skipped: Vec<JsonSkipped<'a>>,
}

/// One skipped file.
#[derive(Debug, Serialize)]
pub struct JsonSkipped<'a> {
    /// The file, as displayed.
    pub file: &'a str,
    /// Why it was not linted.
    pub reason: &'a str,
}

/// One note of a finding.
#[derive(Debug, Serialize)]
pub struct JsonNote<'a> {
    /// What it says.
    pub message: &'a str,
    /// Where it points: the file, as displayed (absent without a location);
    /// another file than the finding's when the note follows a call there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<&'a str>,
    /// 1-based line of the start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column (characters) of the start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// 1-based line of the end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_line: Option<usize>,
    /// 1-based column (characters) just past the end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_column: Option<usize>,
}

/// The `tool` object.
#[derive(Debug, Serialize)]
pub struct JsonTool {
    /// `"leaklint"`.
    pub name: &'static str,
    /// The crate version.
    pub version: &'static str,
}

/// One finding.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    /// The rule's name.
    pub rule: &'a str,
    /// `"warning"` or `"error"`.
    pub severity: &'static str,
    /// What is wrong.
    pub message: &'a str,
    /// The file, as displayed.
    pub file: &'a str,
    /// 1-based line of the start of the flagged construct.
    pub line: usize,
    /// 1-based column (characters) of its start.
    pub column: usize,
    /// 1-based line of its end.
    pub end_line: usize,
    /// 1-based column (characters) just past its end.
    pub end_column: usize,
    /// The notes, in order.
    pub notes: Vec<JsonNote<'a>>,
    /// How to fix it, if the rule says.
    pub help: Option<&'a str>,
    /// The rule's documentation page (`docs/rules/RULE.md` in the repository).
    pub url: String,
}

/// One file error.
#[derive(Debug, Serialize)]
pub struct JsonError<'a> {
    /// The file, as displayed.
    pub file: &'a str,
    /// What went wrong.
    pub message: &'a str,
    /// 1-based line, or `null`.
    pub line: Option<usize>,
    /// 1-based column (characters), or `null`.
    pub column: Option<usize>,
}

/// The report as the contract's object.
pub fn to_json(report: &Report) -> JsonReport<'_> {
    let mut diagnostics = Vec::new();
    let mut errors = Vec::new();
    for file in &report.files {
        for d in &file.diagnostics {
            let f = &d.finding;
            diagnostics.push(JsonDiagnostic {
                rule: f.rule,
                severity: d.severity(),
                message: &f.message,
                file: &file.path,
                line: f.span.start.line,
                column: f.span.start.column,
                end_line: f.span.end.line,
                end_column: f.span.end.column,
                notes: f
                    .notes
                    .iter()
                    .map(|n| JsonNote {
                        message: &n.message,
                        file: n.span.map(|_| n.file.as_deref().unwrap_or(&file.path)),
                        line: n.span.map(|s| s.start.line),
                        column: n.span.map(|s| s.start.column),
                        end_line: n.span.map(|s| s.end.line),
                        end_column: n.span.map(|s| s.end.column),
                    })
                    .collect(),
                help: f.help.as_deref(),
                url: crate::rules::url_of(f.rule),
            });
        }
        for e in &file.errors {
            errors.push(JsonError {
                file: &file.path,
                message: &e.message,
                line: e.line,
                column: e.column,
            });
        }
    }
    JsonReport {
        version: FORMAT_VERSION,
        tool: JsonTool {
            name: "leaklint",
            version: env!("CARGO_PKG_VERSION"),
        },
        files_scanned: report.files_scanned,
        test_files: report.test_files,
        diagnostics,
        errors,
        skipped: report
            .skipped
            .iter()
            .map(|s| JsonSkipped {
                file: &s.file,
                reason: &s.reason,
            })
            .collect(),
    }
}

/// The report as pretty-printed JSON text, with a final newline.
pub fn render(report: &Report) -> String {
    let mut text =
        serde_json::to_string_pretty(&to_json(report)).expect("serialising plain data to JSON");
    text.push('\n');
    text
}
