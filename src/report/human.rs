//! The human format: rustc-style diagnostics rendered by codespan-reporting.
//!
//! A finding is rendered as `warning[rule]: message` (or `error[rule]` for a
//! rule at `deny`), with the flagged code underlined, notes that point at
//! code as secondary labels (a note that points into another file shows
//! that file's code under its own `--> path:line:column` header, its text
//! read through [`Sources`]), notes without a location as `= note: …`, and
//! the help as `= help: …`; on the command line, a last
//! ``= note: see `leaklint --explain RULE` `` ([`render_explained`]). A file
//! that could not be checked is one line, `error: path:line:column: message`.

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::term::termcolor::{Ansi, Color, ColorSpec, NoColor, WriteColor};
use codespan_reporting::term::{self, Chars, Config};
use leaklint_lints::Span;

use super::sources::Sources;
use crate::outcome::{Diagnostic, FileError, FileResult, Report};

/// Renders every diagnostic and file error of `report`, with ANSI colours
/// when `color` is set. The summary line is separate: [`summary`]. Without
/// colour, trailing spaces are trimmed from every line.
pub fn render(report: &Report, color: bool) -> String {
    render_with(report, color, false)
}

/// [`render`], each finding ending with a `= note: see \`leaklint --explain
/// RULE\`` line (what the command line prints).
pub fn render_explained(report: &Report, color: bool) -> String {
    render_with(report, color, true)
}

fn render_with(report: &Report, color: bool, explain: bool) -> String {
    if color {
        let mut out = Ansi::new(Vec::new());
        write_report(&mut out, report, explain);
        String::from_utf8_lossy(&out.into_inner()).into_owned()
    } else {
        plain(|out| write_report(out, report, explain))
    }
}

/// One finding of `file`, as [`render`] shows it without colour: the
/// `rendered` text of the cargo-json format. Empty when the report carries
/// no text of `file`.
pub fn render_diagnostic<'a>(
    sources: &mut Sources<'a>,
    file: &'a FileResult,
    diagnostic: &'a Diagnostic,
) -> String {
    plain(|out| write_diagnostic(out, &config(), sources, file, diagnostic, false))
}

/// What `write` writes without colour, trailing spaces trimmed from every line.
fn plain(write: impl FnOnce(&mut NoColor<Vec<u8>>)) -> String {
    let mut out = NoColor::new(Vec::new());
    write(&mut out);
    let text = String::from_utf8_lossy(&out.into_inner()).into_owned();
    text.lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect()
}

/// The summary line, e.g. `2 findings in 1 file (3 files scanned, 0 errors)`,
/// saying how many files were skipped when some were:
/// `(40 files scanned, 0 errors; skipped: 12 test files, 1 generated or too large)`.
pub fn summary(report: &Report) -> String {
    let mut skipped = Vec::new();
    if report.test_files > 0 {
        skipped.push(format!(
            "{} (--include-tests lints them)",
            plural(report.test_files, "test file")
        ));
    }
    if !report.skipped.is_empty() {
        skipped.push(format!(
            "{} generated or too large (listed by --format json)",
            report.skipped.len()
        ));
    }
    let skipped = if skipped.is_empty() {
        String::new()
    } else {
        format!("; skipped: {}", skipped.join(", "))
    };
    format!(
        "{} in {} ({} scanned, {}{skipped})",
        plural(report.diagnostic_count(), "finding"),
        plural(report.files_with_diagnostics(), "file"),
        plural(report.files_scanned, "file"),
        plural(report.error_count(), "error"),
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `--statistics`: how many findings each rule has (at each severity),
/// most first, e.g. `  3  spawn_without_cancel  warning`; file errors are
/// counted on a line of their own.
pub fn statistics(report: &Report) -> String {
    let counts = counts(report);
    let width = counts
        .iter()
        .map(|c| c.2.to_string().len())
        .chain([report.error_count().to_string().len()])
        .max()
        .unwrap_or(1);
    let rule_width = counts.iter().map(|c| c.0.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (rule, severity, count) in &counts {
        out.push_str(&format!(
            "{count:>width$}  {rule:rule_width$}  {severity}\n"
        ));
    }
    if report.error_count() > 0 {
        out.push_str(&format!(
            "{:>width$}  files that could not be checked\n",
            report.error_count()
        ));
    }
    out
}

/// (rule, severity, count) for every rule with findings, most first, then by rule.
pub fn counts(report: &Report) -> Vec<(&'static str, &'static str, usize)> {
    let mut map = std::collections::BTreeMap::new();
    for file in &report.files {
        for d in &file.diagnostics {
            *map.entry((d.finding.rule, d.severity())).or_insert(0) += 1;
        }
    }
    let mut counts: Vec<_> = map.into_iter().map(|((r, s), n)| (r, s, n)).collect();
    counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)).then(a.1.cmp(b.1)));
    counts
}

/// rustc's look: ASCII, with multi-line spans closed by `|_^`.
fn config() -> Config {
    let mut chars = Chars::ascii();
    chars.multi_bottom_left = '|';
    chars.multi_bottom = '_';
    Config {
        chars,
        ..Config::default()
    }
}

fn write_report<W: WriteColor>(out: &mut W, report: &Report, explain: bool) {
    let config = config();
    let mut sources = Sources::new(report);
    for file in &report.files {
        for diagnostic in &file.diagnostics {
            write_diagnostic(out, &config, &mut sources, file, diagnostic, explain);
        }
        for error in &file.errors {
            write_error(out, &file.path, error);
        }
    }
}

fn write_diagnostic<'a, W: WriteColor>(
    out: &mut W,
    config: &Config,
    sources: &mut Sources<'a>,
    file: &'a FileResult,
    diagnostic: &'a Diagnostic,
    explain: bool,
) {
    let Some(own) = sources.own(file) else {
        return;
    };
    let mut rendered = to_codespan(diagnostic, &file.path, own, sources);
    if explain {
        rendered.notes.push(format!(
            "note: see `leaklint --explain {}`",
            diagnostic.finding.rule
        ));
    }
    // Writing to memory cannot fail, and the spans were clamped to their
    // files' text, so an error here is a bug in the reporter.
    term::emit_to_write_style(out, config, sources.files(), &rendered)
        .expect("rendering a diagnostic");
}

fn write_error<W: WriteColor>(out: &mut W, path: &str, error: &FileError) {
    let mut red = ColorSpec::new();
    red.set_fg(Some(Color::Red)).set_bold(true);
    // Writing to memory cannot fail.
    let _ = out.set_color(&red);
    let _ = write!(out, "error");
    let _ = out.reset();
    let _ = match (error.line, error.column) {
        (Some(line), Some(column)) => {
            writeln!(out, ": {path}:{line}:{column}: {}", error.message)
        }
        _ => writeln!(out, ": {path}: {}", error.message),
    };
}

/// The finding as a codespan diagnostic: the flagged code underlined in
/// its file (`own`), notes that point at code as secondary labels, in the
/// other file's own snippet (with its `--> path:line:col` header) for a note
/// that points into another file. A note whose file cannot be read becomes a
/// `= note: path:line:column: message` line.
fn to_codespan<'a>(
    diagnostic: &'a Diagnostic,
    path: &'a str,
    own: usize,
    sources: &mut Sources<'a>,
) -> CsDiagnostic<usize> {
    let finding = &diagnostic.finding;
    let base = match diagnostic.severity() {
        "error" => CsDiagnostic::error(),
        _ => CsDiagnostic::warning(),
    };
    let mut labels = vec![Label::primary(own, range(sources.text(own), finding.span))];
    let mut notes = Vec::new();
    for note in &finding.notes {
        let Some(span) = note.span else {
            notes.push(format!("note: {}", note.message));
            continue;
        };
        let file = note.file.as_deref().filter(|&f| f != path);
        let id = match file {
            None => Some(own),
            Some(other) => sources.other(other),
        };
        match id {
            Some(id) => labels.push(
                Label::secondary(id, range(sources.text(id), span)).with_message(&note.message),
            ),
            None => notes.push(format!(
                "note: {}:{}:{}: {}",
                file.unwrap_or(path),
                span.start.line,
                span.start.column,
                note.message
            )),
        }
    }
    if let Some(help) = &finding.help {
        notes.push(format!("help: {help}"));
    }
    base.with_code(finding.rule)
        .with_message(&finding.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// The byte range of `span`, clamped to `source` and to character boundaries.
fn range(source: &str, span: Span) -> std::ops::Range<usize> {
    let clamp = |mut b: usize| {
        b = b.min(source.len());
        while !source.is_char_boundary(b) {
            b -= 1;
        }
        b
    };
    let start = clamp(span.start.byte);
    let end = clamp(span.end.byte).max(start);
    start..end
}
