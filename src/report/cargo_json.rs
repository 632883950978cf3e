//! rustc's diagnostic JSON, one object per line: what `cargo check
//! --message-format=json` carries in its `compiler-message`s and what
//! rust-analyzer's `check.overrideCommand` reads.
//!
//! A finding becomes a diagnostic with `code.code = "leaklint::RULE"`, a
//! primary span (1-based lines and character columns, byte offsets, the
//! lines' text with the highlighted range), secondary spans for notes that
//! point at code in the finding's file, `children` for the other notes (a
//! note that points into another file is a child with its own span there,
//! as rustc's `span_note`s are) and the help, and
//! `rendered` with the human text. A file that could not be checked is an
//! error diagnostic without a code.

use serde_json::{json, Value};

use super::sources::Sources;
use crate::outcome::{Diagnostic, FileResult, Report};

/// The report as one JSON object per line.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let mut sources = Sources::new(report);
    for file in &report.files {
        for d in &file.diagnostics {
            out.push_str(&to_diagnostic(file, d, &mut sources).to_string());
            out.push('\n');
        }
        for e in &file.errors {
            let spans = match (e.line, e.column) {
                (Some(line), Some(column)) => {
                    let byte = error_byte(&mut sources, &file.path, line, column);
                    vec![json!({
                        "file_name": file.path,
                        "byte_start": byte, "byte_end": byte,
                        "line_start": line, "line_end": line,
                        "column_start": column, "column_end": column,
                        "is_primary": true, "text": [], "label": null,
                        "suggested_replacement": null, "suggestion_applicability": null,
                        "expansion": null,
                    })]
                }
                _ => Vec::new(),
            };
            let rendered = match (e.line, e.column) {
                (Some(l), Some(c)) => format!("error: {}:{l}:{c}: {}\n", file.path, e.message),
                _ => format!("error: {}: {}\n", file.path, e.message),
            };
            let value = json!({
                "$message_type": "diagnostic",
                "message": format!("leaklint could not check this file: {}", e.message),
                "code": null,
                "level": "error",
                "spans": spans,
                "children": [],
                "rendered": rendered,
            });
            out.push_str(&value.to_string());
            out.push('\n');
        }
    }
    out
}

fn to_diagnostic<'a>(file: &'a FileResult, d: &'a Diagnostic, sources: &mut Sources<'a>) -> Value {
    let f = &d.finding;
    let source = file.source.as_deref().unwrap_or("");
    let mut spans = vec![span(&file.path, source, f.span, true, None)];
    let mut children = Vec::new();
    for note in &f.notes {
        match (note.span, note.file.as_deref().filter(|&p| p != file.path)) {
            (Some(s), None) => spans.push(span(&file.path, source, s, false, Some(&note.message))),
            // rustc's `span_note`: a child with its own primary span, which
            // rust-analyzer shows as related information in that file.
            (Some(s), Some(other)) => {
                let text = sources.other(other).map_or("", |id| sources.text(id));
                let mut note_child = child("note", &note.message);
                note_child["spans"] = json!([span(other, text, s, true, None)]);
                children.push(note_child);
            }
            (None, _) => children.push(child("note", &note.message)),
        }
    }
    if let Some(help) = &f.help {
        children.push(child("help", help));
    }
    json!({
        "$message_type": "diagnostic",
        "message": f.message,
        "code": { "code": format!("leaklint::{}", f.rule), "explanation": null },
        "level": d.severity(),
        "spans": spans,
        "children": children,
        "rendered": super::human::render_diagnostic(sources, file, d),
    })
}

/// The byte offset of an error's place in the file at `path`, read through
/// `sources`; 0 when the file cannot be read as text (not UTF-8, gone).
fn error_byte<'a>(sources: &mut Sources<'a>, path: &'a str, line: usize, column: usize) -> usize {
    (sources.other(path))
        .and_then(|id| crate::text::byte_offset(sources.text(id), line, column))
        .unwrap_or(0)
}

fn child(level: &str, message: &str) -> Value {
    json!({
        "message": message, "code": null, "level": level,
        "spans": [], "children": [], "rendered": null,
    })
}

fn span(
    path: &str,
    source: &str,
    s: leaklint_lints::Span,
    primary: bool,
    label: Option<&str>,
) -> Value {
    // The text of every line the span touches, with the highlighted part.
    let lines: Vec<&str> = source.lines().collect();
    let text: Vec<Value> = (s.start.line..=s.end.line.max(s.start.line))
        .filter_map(|n| lines.get(n.checked_sub(1)?).map(|t| (n, *t)))
        .map(|(n, t)| {
            let t = t.strip_suffix('\r').unwrap_or(t);
            let start = if n == s.start.line { s.start.column } else { 1 };
            let end = if n == s.end.line {
                s.end.column
            } else {
                t.chars().count() + 1
            };
            json!({ "text": t, "highlight_start": start, "highlight_end": end })
        })
        .collect();
    json!({
        "file_name": path,
        "byte_start": s.start.byte,
        "byte_end": s.end.byte,
        "line_start": s.start.line,
        "line_end": s.end.line,
        "column_start": s.start.column,
        "column_end": s.end.column,
        "is_primary": primary,
        "text": text,
        "label": label,
        "suggested_replacement": null,
        "suggestion_applicability": null,
        "expansion": null,
    })
}
