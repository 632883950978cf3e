//! A file's `mod a;` declarations, read from its tokens without parsing it.
//!
//! The crate pass needs every module file's declarations to build the
//! module tree (which files are the crate, which are test code), but it
//! parses only the files a finding needs ([`crate::callers`]): parsing all
//! of them cost five times the lint itself on a library corpus. This scan
//! gives what [`leaklint_lints::context::modules::module_decls`] gives on
//! the parsed file, reading attributes the same way
//! ([`modules::declaration`], [`modules::inline_module`]).
//!
//! It follows module-level items and inline modules; every other brace
//! (fn bodies, `impl`s, `macro_rules!`) is skipped whole, as the parser's
//! reading skips them (rustc rejects `mod a;` there). A macro invoked in
//! item position whose body says `mod` (`cfg_if! { … mod unix; … }`,
//! tokio's `cfg_rt! { mod runtime; }`) may declare modules as the parser
//! reads it: the scan gives up ([`None`]) and the caller parses the file.
//!
//! The same walk reads what the file's items tell other files about names
//! ([`FileItems`]): its `pub use` items (`pub use tokio::spawn;` in
//! `util.rs` makes `crate::util::spawn` tokio's) and, at its top, its
//! `#[macro_use] extern crate …;` items.

use leaklint_lints::context::modules::{self, InlineMod, ModDecl};
use syn::parse::Parser;

use crate::lexer::{self, Token, TokenKind};

/// What a file's module-level items tell the crate (see the module
/// documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileItems {
    /// Its out-of-line module declarations, in source order.
    pub decls: Vec<ModDecl>,
    /// The names its `pub use` items (any `pub` visibility) bind and, in
    /// a file that declares a module file outside tests, its other `use`
    /// items' too: a child module sees its parent's imports (`use super::*;`,
    /// `super::mpsc::channel()`), and code that compiles names a private
    /// import only from where it is visible.
    pub reexports: Vec<PubUse>,
    /// The crates named by `#[macro_use] extern crate …;` at its top.
    pub macro_use: Vec<String>,
}

/// One name a `pub use` item binds: `pub use a::{b as c};` inside `mod m
/// { … }` binds `c` in module `m` (of the file) to `a::b`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PubUse {
    /// The inline modules around the item, outermost first.
    pub inline_parents: Vec<String>,
    /// The name it binds.
    pub name: String,
    /// The path it names, as written (`::tokio::spawn` keeps its `::`).
    pub target: String,
    /// Whether the `use` is `pub` (any visibility); a private one binds the
    /// name for the module and its children only.
    pub public: bool,
}

/// Every out-of-line module declaration of `text`, in source order, or
/// `None` when only the parser can tell (see the module documentation).
pub fn module_decls(text: &str) -> Option<Vec<ModDecl>> {
    file_items(text).map(|items| items.decls)
}

/// What `text`'s module-level items tell the crate, or `None` when only the
/// parser can tell its module declarations (see the module documentation).
pub fn file_items(text: &str) -> Option<FileItems> {
    let has = |word: &[u8]| memchr::memmem::find(text.as_bytes(), word).is_some();
    if !has(b"mod") && !has(b"pub") && !has(b"extern") {
        return Some(FileItems::default());
    }
    let mut scan = Scan {
        text,
        tokens: lexer::tokens(text),
        line: Lines::default(),
        items: FileItems::default(),
    };
    scan.run()?;
    scan.items.keep_private_uses_for_children();
    Some(scan.items)
}

impl FileItems {
    /// Keeps, of the private `use`s, those that may name an item a rule
    /// knows (or its module), in a file that declares a module file outside
    /// tests: no other file sees the others, or they cannot lead to a call
    /// a rule flags (a crate's roots import many, and a run holds every
    /// crate's names).
    fn keep_private_uses_for_children(&mut self) {
        let children = self.decls.iter().any(|d| !d.test);
        self.reexports.retain(|u| {
            u.public || (children && leaklint_lints::context::paths::may_name_rule_item(&u.target))
        });
    }
}

/// What [`file_items`] reads in a parsed file (when the scan gave up).
pub fn file_items_of(file: &syn::File) -> FileItems {
    let mut items = FileItems {
        decls: modules::module_decls(file),
        ..FileItems::default()
    };
    // A file that is test code (`#![cfg(test)]`) re-exports nothing that
    // runs.
    let test_file = modules::inline_module(String::new(), &file.attrs).1;
    fn walk(items: &[syn::Item], parents: &mut Vec<String>, out: &mut FileItems, test: bool) {
        for item in items {
            match item {
                syn::Item::Use(u) if !test => {
                    let prefix = if u.leading_colon.is_some() { "::" } else { "" };
                    let public = !matches!(u.vis, syn::Visibility::Inherited);
                    out.reexports
                        .extend(use_names(&u.tree, prefix, parents, public));
                }
                syn::Item::ExternCrate(e)
                    if parents.is_empty()
                        && e.attrs.iter().any(|a| a.path().is_ident("macro_use")) =>
                {
                    out.macro_use
                        .push(leaklint_lints::context::imports::unraw(&e.ident));
                }
                syn::Item::Mod(m) => {
                    if let Some((_, content)) = &m.content {
                        let name = leaklint_lints::context::imports::unraw(&m.ident);
                        if modules::inline_module(name.clone(), &m.attrs).1 {
                            continue;
                        }
                        parents.push(name);
                        walk(content, parents, out, test);
                        parents.pop();
                    }
                }
                _ => {}
            }
        }
    }
    walk(&file.items, &mut Vec::new(), &mut items, test_file);
    items.keep_private_uses_for_children();
    items
}

/// The names a `use` tree binds, as [`PubUse`]s (globs bind none that can
/// be told here).
fn use_names(tree: &syn::UseTree, prefix: &str, parents: &[String], public: bool) -> Vec<PubUse> {
    let (names, _globs) = leaklint_lints::context::imports::use_tree_names(tree);
    names
        .into_iter()
        .map(|(name, target)| PubUse {
            inline_parents: parents.to_vec(),
            name,
            target: format!("{prefix}{target}"),
            public,
        })
        .collect()
}

/// What a brace opened: an inline module (its name and attributes, and
/// whether it is test code) or anything else.
enum Frame {
    Module(Option<InlineMod>, bool),
    Other,
}

struct Scan<'a> {
    text: &'a str,
    tokens: lexer::Tokens<'a>,
    line: Lines,
    items: FileItems,
}

impl Scan<'_> {
    fn run(&mut self) -> Option<()> {
        let mut decls = Vec::new();
        // The file is the outermost module.
        let mut frames = vec![Frame::Module(None, false)];
        // The outer attributes since the last item ended (source ranges).
        let mut attrs: Vec<std::ops::Range<usize>> = Vec::new();
        // The token before (`None` after an attribute or a skipped group).
        let mut previous: Option<Token> = None;
        while let Some(token) = self.tokens.next_non_trivia() {
            let at_module_level = matches!(frames.last(), Some(Frame::Module(..)));
            if !at_module_level {
                // Inside a fn body, an `impl`, a `macro_rules!`: only braces count.
                if token.is_punct(self.text, b'{') {
                    frames.push(Frame::Other);
                } else if token.is_punct(self.text, b'}') {
                    frames.pop();
                    attrs.clear();
                }
                previous = Some(token);
                continue;
            }
            if token.is_punct(self.text, b'#') {
                let inner = self.peek_is_punct(b'!');
                if inner {
                    self.tokens.next_non_trivia();
                }
                let open = self.tokens.next_non_trivia()?;
                if !open.is_punct(self.text, b'[') {
                    return None;
                }
                let end = self.tokens.skip_group()?.end;
                if inner {
                    // `#![cfg(test)]` makes the file or the inline module
                    // around it test code.
                    let parsed = parse_attrs(&self.text[token.start..end], true)?;
                    if let Some(Frame::Module(_, test)) = frames.last_mut() {
                        *test |= modules::inline_module(String::new(), &parsed).1;
                    }
                } else {
                    attrs.push(token.start..end);
                }
                previous = None;
                continue;
            }
            if token.kind == TokenKind::Ident && &self.text[token.range()] == "pub" {
                // `pub`, `pub(crate)`, `pub(in path)`: then maybe `use`.
                if self.peek_is_punct(b'(') {
                    self.tokens.next_non_trivia();
                    self.tokens.skip_group()?;
                }
                let next = self.tokens.clone().next_non_trivia();
                if next
                    .is_some_and(|t| t.kind == TokenKind::Ident && &self.text[t.range()] == "use")
                {
                    self.tokens.next_non_trivia();
                    self.use_item(&frames, true)?;
                    attrs.clear();
                    previous = None;
                    continue;
                }
                previous = Some(token);
                continue;
            }
            if token.kind == TokenKind::Ident && &self.text[token.range()] == "use" {
                self.use_item(&frames, false)?;
                attrs.clear();
                previous = None;
                continue;
            }
            if token.kind == TokenKind::Ident
                && &self.text[token.range()] == "extern"
                && frames.len() == 1
            {
                let mut ahead = self.tokens.clone();
                let is_crate = ahead.next_non_trivia().is_some_and(|t| {
                    t.kind == TokenKind::Ident && &self.text[t.range()] == "crate"
                });
                if is_crate {
                    let name = ahead
                        .next_non_trivia()
                        .and_then(|t| t.ident_name(self.text));
                    if let Some(name) = name {
                        let outer = self.outer_attrs(&attrs)?;
                        if outer.iter().any(|a| a.path().is_ident("macro_use")) {
                            self.items.macro_use.push(name.to_string());
                        }
                    }
                }
            }
            if token.kind == TokenKind::Ident && &self.text[token.range()] == "mod" {
                let name_token = self.tokens.next_non_trivia()?;
                let name = name_token.ident_name(self.text)?.to_string();
                let after = self.tokens.next_non_trivia()?;
                let outer = self.outer_attrs(&attrs)?;
                attrs.clear();
                let test = frames.iter().any(|f| matches!(f, Frame::Module(_, true)));
                if after.is_punct(self.text, b';') {
                    let parents = frames
                        .iter()
                        .filter_map(|f| match f {
                            Frame::Module(Some(m), _) => Some(m.clone()),
                            _ => None,
                        })
                        .collect();
                    let line = self.line.at(self.text, token.start);
                    decls.push(modules::declaration(parents, name, &outer, test, line));
                } else if after.is_punct(self.text, b'{') {
                    let (inline, inline_test) = modules::inline_module(name, &outer);
                    frames.push(Frame::Module(Some(inline), inline_test));
                } else {
                    return None;
                }
                previous = Some(after);
                continue;
            }
            if token.is_punct(self.text, b'!')
                && previous.is_some_and(|p| p.kind == TokenKind::Ident)
            {
                // `name!(…)` in item position: its body may declare modules.
                if self.peek_is_open() {
                    let open = self.tokens.next_non_trivia()?;
                    let end = self.tokens.skip_group()?.end;
                    let body = &self.text[open.end..end];
                    if lexer::tokens(body)
                        .any(|t| t.kind == TokenKind::Ident && &body[t.range()] == "mod")
                    {
                        return None;
                    }
                    attrs.clear();
                    previous = None;
                    continue;
                }
            }
            if token.is_punct(self.text, b'{') {
                frames.push(Frame::Other);
            } else if token.is_punct(self.text, b'}') {
                frames.pop();
                if frames.is_empty() {
                    // An unbalanced `}`: the parser will say what is wrong.
                    return None;
                }
                attrs.clear();
            } else if token.is_punct(self.text, b';') {
                attrs.clear();
            }
            previous = Some(token);
        }
        self.items.decls = decls;
        (frames.len() == 1).then_some(())
    }

    /// Reads the rest of a `use` item whose `use` was just read (after a
    /// `pub` visibility when `public`), inside the inline modules `frames`
    /// give: the names it binds.
    fn use_item(&mut self, frames: &[Frame], public: bool) -> Option<()> {
        let start = self.tokens.clone().next_non_trivia()?.start;
        let mut depth = 0usize;
        let end = loop {
            let t = self.tokens.next_non_trivia()?;
            if t.kind != TokenKind::Punct {
                continue;
            }
            match self.text.as_bytes()[t.start] {
                b'{' => depth += 1,
                b'}' => depth = depth.checked_sub(1)?,
                b';' if depth == 0 => break t.start,
                _ => {}
            }
        };
        let written = self.text[start..end].trim();
        let (prefix, tree) = match written.strip_prefix("::") {
            Some(rest) => ("::", rest),
            None => ("", written),
        };
        // A tree that does not parse binds nothing this scan can tell.
        if let Ok(tree) = syn::parse_str::<syn::UseTree>(tree) {
            let mut parents = Vec::new();
            for frame in frames {
                match frame {
                    Frame::Module(Some(m), false) => parents.push(m.name.clone()),
                    Frame::Module(None, false) => {}
                    // Test code tells the crate nothing.
                    _ => return Some(()),
                }
            }
            self.items
                .reexports
                .extend(use_names(&tree, prefix, &parents, public));
        }
        Some(())
    }

    /// Whether the next token that is not trivia is the punctuation `c`.
    fn peek_is_punct(&self, c: u8) -> bool {
        self.tokens
            .clone()
            .next_non_trivia()
            .is_some_and(|t| t.is_punct(self.text, c))
    }

    /// Whether the next token that is not trivia opens a group.
    fn peek_is_open(&self) -> bool {
        self.tokens.clone().next_non_trivia().is_some_and(|t| {
            t.kind == TokenKind::Punct && b"({[".contains(&self.text.as_bytes()[t.start])
        })
    }

    /// The outer attributes at these ranges, parsed.
    fn outer_attrs(&self, ranges: &[std::ops::Range<usize>]) -> Option<Vec<syn::Attribute>> {
        let mut all = Vec::new();
        for range in ranges {
            all.extend(parse_attrs(&self.text[range.clone()], false)?);
        }
        Some(all)
    }
}

/// The attributes of `text` (`#[…]`, or `#![…]` when `inner`); `None` when
/// it does not parse (the caller then leaves it to the parser).
fn parse_attrs(text: &str, inner: bool) -> Option<Vec<syn::Attribute>> {
    let parser = match inner {
        true => syn::Attribute::parse_inner,
        false => syn::Attribute::parse_outer,
    };
    parser.parse_str(text).ok()
}

/// Line numbers of byte offsets read in increasing order.
#[derive(Default)]
struct Lines {
    byte: usize,
    line: usize,
}

impl Lines {
    /// The 1-based line of byte `at`, which is not before the last asked.
    fn at(&mut self, text: &str, at: usize) -> usize {
        self.line += memchr::memchr_iter(b'\n', &text.as_bytes()[self.byte..at]).count();
        self.byte = at;
        self.line + 1
    }
}
