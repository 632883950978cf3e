//! What a run produced: the data the engine hands to the reporters.

use leaklint_lints::context::entry::CallSummary;
use leaklint_lints::{Finding, Level, Span};

/// A finding with the level its rule ran at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// `Warn` or `Deny` (rules at `Allow` do not run).
    pub level: Level,
    /// What the rule found.
    pub finding: Finding,
}

impl Diagnostic {
    /// `"error"` for a denied rule, `"warning"` otherwise.
    pub fn severity(&self) -> &'static str {
        match self.level {
            Level::Deny => "error",
            Level::Warn | Level::Allow => "warning",
        }
    }
}

/// A file that could not be (fully) checked: unreadable, not UTF-8, not
/// parseable, nested too deep, or a rule panicked on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// What went wrong, and what to do about it where there is something to do.
    pub message: String,
    /// 1-based line of the problem, when it has a location.
    pub line: Option<usize>,
    /// 1-based column (in characters) of the problem, when it has a location.
    pub column: Option<usize>,
}

impl FileError {
    /// An error without a location.
    pub fn new(message: impl Into<String>) -> FileError {
        FileError {
            message: message.into(),
            line: None,
            column: None,
        }
    }

    /// An error at `line`:`column` (both 1-based).
    pub fn at(message: impl Into<String>, line: usize, column: usize) -> FileError {
        FileError {
            message: message.into(),
            line: Some(line),
            column: Some(column),
        }
    }
}

/// Why a file was not linted. Skipping is never silent: the report counts
/// test files and lists the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// Test, bench, example or fuzz code (a `tests/` directory, a
    /// test-support package): counted in `test_files`.
    Test,
    /// Listed in `skipped` with this reason (generated, too large).
    Other(String),
}

/// Everything found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileResult {
    /// The file as displayed (see [`crate::discover::SourceFile::display`]).
    pub path: String,
    /// The file's text without its byte-order mark; kept only when there are
    /// diagnostics to render against it.
    pub source: Option<String>,
    /// Findings, sorted by (line, column, rule).
    pub diagnostics: Vec<Diagnostic>,
    /// Problems checking the file.
    pub errors: Vec<FileError>,
    /// Set when the file was deliberately not linted.
    pub skip: Option<Skip>,
    /// What the file says about calls, kept while a finding of it waits
    /// for the crate (see [`leaklint_lints::Finding::follow`]).
    pub summary: Option<PackedSummary>,
    /// Whether test code was linted in this file (`include_tests`): then
    /// the crate's `#[cfg(test)] mod …;` does not make it test code either.
    pub include_tests: bool,
    /// Suppressions of findings that wait for the crate, settled once the
    /// crate has decided them ([`crate::suppress::settle`]).
    pub pending_suppressions: Vec<PendingSuppression>,
}

/// A suppression comment's rule that applies to findings which wait for
/// the crate: whether it suppresses anything is known only once the crate
/// has decided whether they hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingSuppression {
    /// The findings it applies to, by rule and span: those that hold are
    /// suppressed.
    pub findings: Vec<(&'static str, Span)>,
    /// What to report when none of them holds (`None`: the rule suppressed
    /// another finding, or its unused suppressions are not reported).
    pub unused: Option<Diagnostic>,
}

/// A file's [`CallSummary`] kept encoded while its findings wait for the
/// crate pass: a run over many crates holds hundreds of them until the
/// end, and encoded they take a fraction of the memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackedSummary(Result<Box<[u8]>, Box<CallSummary>>);

impl PackedSummary {
    /// Keeps `summary` (encoded, when it can be).
    pub fn pack(summary: CallSummary) -> PackedSummary {
        PackedSummary(match postcard::to_allocvec(&summary) {
            Ok(bytes) => Ok(bytes.into_boxed_slice()),
            Err(_) => Err(Box::new(summary)),
        })
    }

    /// The summary kept.
    pub fn unpack(self) -> CallSummary {
        match self.0 {
            Ok(bytes) => postcard::from_bytes(&bytes)
                .expect("a summary decodes from the bytes it was encoded to"),
            Err(summary) => *summary,
        }
    }
}

impl FileResult {
    /// An empty result for `path`.
    pub fn new(path: impl Into<String>) -> FileResult {
        FileResult {
            path: path.into(),
            source: None,
            diagnostics: Vec::new(),
            errors: Vec::new(),
            skip: None,
            summary: None,
            include_tests: false,
            pending_suppressions: Vec::new(),
        }
    }

    /// A result for `path`, which was not linted because of `skip`.
    pub fn skipped(path: impl Into<String>, skip: Skip) -> FileResult {
        FileResult {
            skip: Some(skip),
            ..FileResult::new(path)
        }
    }

    /// Sorts the diagnostics by (line, column, rule); stable, so a rule's
    /// own order breaks ties.
    pub fn sort(&mut self) {
        self.diagnostics.sort_by(|a, b| {
            let (a, b) = (&a.finding, &b.finding);
            (a.span.start.line, a.span.start.column, a.rule).cmp(&(
                b.span.start.line,
                b.span.start.column,
                b.rule,
            ))
        });
    }
}

/// A file that was not linted, and why (generated, too large).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Skipped {
    /// The file, as displayed.
    pub file: String,
    /// Why it was not linted.
    pub reason: String,
}

/// The outcome of a whole run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// How many files were checked (including those that had errors, and
    /// those skipped as test code, generated or too large).
    pub files_scanned: usize,
    /// One entry per file that has diagnostics or errors, sorted by path;
    /// clean files are left out.
    pub files: Vec<FileResult>,
    /// Files not linted because they are generated or too large, sorted.
    pub skipped: Vec<Skipped>,
    /// How many files were not linted because they are test code.
    pub test_files: usize,
}

impl Report {
    /// Builds a report from per-file results, dropping clean files and
    /// sorting the rest by path, and each file's diagnostics by position.
    /// Skipped files are counted (test code) or listed (the others).
    pub fn new(files_scanned: usize, results: impl IntoIterator<Item = FileResult>) -> Report {
        let mut skipped = Vec::new();
        let mut test_files = 0;
        let mut files: Vec<FileResult> = results
            .into_iter()
            .filter(|r| match &r.skip {
                Some(Skip::Test) => {
                    test_files += 1;
                    false
                }
                Some(Skip::Other(reason)) => {
                    skipped.push(Skipped {
                        file: r.path.clone(),
                        reason: reason.clone(),
                    });
                    false
                }
                None => !r.diagnostics.is_empty() || !r.errors.is_empty(),
            })
            .map(|mut r| {
                r.sort();
                r
            })
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        skipped.sort();
        Report {
            files_scanned,
            files,
            skipped,
            test_files,
        }
    }

    /// Adds `other`'s files, skipped files and counts to this report.
    pub fn absorb(&mut self, other: Report) {
        let files_scanned = self.files_scanned + other.files_scanned;
        let test_files = self.test_files + other.test_files;
        let mut skipped = std::mem::take(&mut self.skipped);
        skipped.extend(other.skipped);
        skipped.sort();
        let mut files = std::mem::take(&mut self.files);
        files.extend(other.files);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        *self = Report {
            files_scanned,
            files,
            skipped,
            test_files,
        };
    }

    /// Total number of diagnostics.
    pub fn diagnostic_count(&self) -> usize {
        self.files.iter().map(|f| f.diagnostics.len()).sum()
    }

    /// Number of files with at least one diagnostic.
    pub fn files_with_diagnostics(&self) -> usize {
        self.files
            .iter()
            .filter(|f| !f.diagnostics.is_empty())
            .count()
    }

    /// Total number of file errors.
    pub fn error_count(&self) -> usize {
        self.files.iter().map(|f| f.errors.len()).sum()
    }

    /// Whether nothing was found and nothing went wrong.
    pub fn is_clean(&self) -> bool {
        self.diagnostic_count() == 0 && self.error_count() == 0
    }
}
