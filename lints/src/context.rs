//! Per-file analysis shared by every rule.
use crate::{Position, Span};

/// Everything the rules know about one file, computed once.
pub struct FileContext<'a> {
    /// The parsed file.
    pub file: &'a syn::File,
    /// The file's text (without a byte-order mark).
    pub source: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> FileContext<'a> {
    /// Analyses `file`, parsed from `source`.
    pub fn new(file: &'a syn::File, source: &'a str) -> FileContext<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        FileContext {
            file,
            source,
            line_starts,
        }
    }

    /// Converts a proc-macro2 span into a [`Span`].
    pub fn span(&self, span: proc_macro2::Span) -> Span {
        Span {
            start: self.position(span.start()),
            end: self.position(span.end()),
        }
    }

    fn position(&self, lc: proc_macro2::LineColumn) -> Position {
        let line_start = self
            .line_starts
            .get(lc.line.saturating_sub(1))
            .copied()
            .unwrap_or(self.source.len());
        let line_text = &self.source[line_start..];
        let byte = line_start
            + line_text
                .char_indices()
                .nth(lc.column)
                .map(|(i, _)| i)
                .unwrap_or(line_text.len());
        Position {
            line: lc.line,
            column: lc.column + 1,
            byte,
        }
    }
}
