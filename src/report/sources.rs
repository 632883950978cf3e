//! The text of the files a report's findings and notes point into, for the
//! reporters that show code (`human`, the `rendered` text and span lines of
//! `cargo-json`).
//!
//! A finding's own file travels in the report ([`FileResult::source`]); a
//! note may point into another file of the crate, whose text is taken from
//! the report when that file has findings too, or else read from disk the
//! first time it is needed (its path as displayed, so relative to the
//! working directory) and kept for the rest of the rendering. A file that
//! cannot be read (deleted since the run, not UTF-8) has no text: the
//! reporters then give the note's location in words.

use std::borrow::Cow;
use std::collections::HashMap;

use codespan_reporting::files::SimpleFiles;

use crate::outcome::{FileResult, Report};
use crate::text::strip_bom;

/// The files a rendering has needed so far, by displayed path, as
/// codespan-reporting files (the ids its labels refer to).
pub struct Sources<'a> {
    files: SimpleFiles<&'a str, Cow<'a, str>>,
    /// The id of every path asked for; `None` when it has no text.
    ids: HashMap<&'a str, Option<usize>>,
    /// The text the report itself carries, by path.
    in_report: HashMap<&'a str, &'a str>,
}

impl<'a> Sources<'a> {
    /// The sources of `report`'s files; nothing is read yet.
    pub fn new(report: &'a Report) -> Sources<'a> {
        let in_report = report
            .files
            .iter()
            .filter_map(|f| Some((f.path.as_str(), f.source.as_deref()?)))
            .collect();
        Sources {
            files: SimpleFiles::new(),
            ids: HashMap::new(),
            in_report,
        }
    }

    /// The id of `file`'s own text, as the report carries it: a file
    /// without it is not read from disk (its findings are not shown).
    pub fn own(&mut self, file: &'a FileResult) -> Option<usize> {
        let source = file.source.as_deref()?;
        let path = file.path.as_str();
        if let Some(&Some(id)) = self.ids.get(path) {
            // The very text the report carries for `file` (not a copy read
            // from disk, nor another entry of the same path).
            if std::ptr::eq(self.text(id), source) {
                return Some(id);
            }
        }
        let id = self.files.add(path, Cow::Borrowed(source));
        self.ids.insert(path, Some(id));
        Some(id)
    }

    /// The id of the text of `path`, a file a note points into: from the
    /// report, or read from disk once; `None` when it cannot be read.
    pub fn other(&mut self, path: &'a str) -> Option<usize> {
        if let Some(&id) = self.ids.get(path) {
            return id;
        }
        let text = match self.in_report.get(path) {
            Some(&text) => Some(Cow::Borrowed(text)),
            None => std::fs::read_to_string(path)
                .ok()
                .map(|t| Cow::Owned(strip_bom(&t).to_string())),
        };
        let id = text.map(|t| self.files.add(path, t));
        self.ids.insert(path, id);
        id
    }

    /// The files added so far, for codespan-reporting.
    pub fn files(&self) -> &SimpleFiles<&'a str, Cow<'a, str>> {
        &self.files
    }

    /// The text of the file with `id`.
    pub fn text(&self, id: usize) -> &str {
        self.files
            .get(id)
            .map(|f| f.source().as_ref())
            .expect("an id handed out by this cache")
    }
}
