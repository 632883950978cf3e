//! The GitHub Actions format: one workflow command per finding,
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=leaklint (rule)::message`,
//! escaped like `@actions/core` does. Notes and help follow the message on
//! lines of their own; a note that points into another file starts with
//! that file's `path:line:column`.
//!
//! GitHub shows only about ten annotations of each kind per step, so errors
//! (rules at `deny`, and files that could not be checked) come first, then
//! warnings, and a final plain summary line counts everything.

use crate::outcome::Report;

/// Escapes a command's message: `%`, CR and LF.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property: as [`escape_data`], plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The report as workflow commands and a summary line.
pub fn render(report: &Report) -> String {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for file in &report.files {
        for d in &file.diagnostics {
            let f = &d.finding;
            let (start, end) = (f.span.start, f.span.end);
            let mut props = vec![
                format!("file={}", escape_property(&file.path)),
                format!("line={}", start.line),
            ];
            // Columns only make sense to GitHub on a single line.
            if start.line == end.line {
                props.push(format!("col={}", start.column));
                props.push(format!("endLine={}", end.line));
                props.push(format!("endColumn={}", end.column));
            } else {
                props.push(format!("endLine={}", end.line));
            }
            props.push(format!(
                "title={}",
                escape_property(&format!("leaklint ({})", f.rule))
            ));
            let mut message = f.message.clone();
            for note in &f.notes {
                // The annotation sits in the finding's file: a note that
                // points into another file says where.
                match (note.span, note.file.as_deref().filter(|&p| p != file.path)) {
                    (Some(s), Some(other)) => message.push_str(&format!(
                        "\nnote: {other}:{}:{}: {}",
                        s.start.line, s.start.column, note.message
                    )),
                    _ => message.push_str(&format!("\nnote: {}", note.message)),
                }
            }
            if let Some(help) = &f.help {
                message.push_str(&format!("\nhelp: {help}"));
            }
            let kind = d.severity();
            let line = format!("::{kind} {}::{}\n", props.join(","), escape_data(&message));
            if kind == "error" {
                errors.push(line);
            } else {
                warnings.push(line);
            }
        }
        for e in &file.errors {
            let mut props = vec![format!("file={}", escape_property(&file.path))];
            if let (Some(line), Some(col)) = (e.line, e.column) {
                props.push(format!("line={line}"));
                props.push(format!("col={col}"));
            }
            props.push(format!(
                "title={}",
                escape_property("leaklint: file not checked")
            ));
            errors.push(format!(
                "::error {}::{}\n",
                props.join(","),
                escape_data(&e.message)
            ));
        }
    }
    let denied = errors.len() - report.error_count();
    let mut out: String = errors.into_iter().chain(warnings).collect();
    out.push_str(&format!(
        "leaklint: {} error(s) and {} warning(s) in {} file(s), {} file(s) could not be checked, \
         {} file(s) scanned (GitHub shows only the first annotations of each kind; all are listed above)\n",
        denied,
        report.diagnostic_count() - denied,
        report.files_with_diagnostics(),
        report.files.iter().filter(|f| !f.errors.is_empty()).count(),
        report.files_scanned,
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_toolkit() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
