//! A crate's [`CrateNames`], built from what the module scan read in each of
//! its files ([`crate::mod_scan::FileItems`]).
//!
//! Each `pub use` binds a name in its module; the names that lead to an item
//! of another crate (`pub use tokio::spawn;`, or through other re-exports
//! of the crate: `pub use crate::util::spawn;` at the root) are what a file
//! elsewhere in the crate can call through a crate path. A name bound to two
//! different items (`#[cfg(unix)] pub use …` beside `#[cfg(windows)] pub use
//! …`) is left out: which one holds is not known, and rules stay silent.

use std::collections::{BTreeMap, BTreeSet};

use leaklint_lints::context::crate_names::{relative_to_root, CrateNames};

use crate::mod_scan::PubUse;

/// How many re-exports of re-exports are followed.
const MAX_HOPS: usize = 8;

/// Collects the crate's re-exports file by file ([`NamesBuilder::add_file`]).
#[derive(Default)]
pub struct NamesBuilder {
    /// `crate::m::name` → the path it names from the crate root
    /// (`crate::…`) or of another crate; `None` when bound twice.
    bound: BTreeMap<String, Option<String>>,
    /// The modules of the crate (`crate`, `crate::net`, …): a `use` path
    /// that starts at one of them is a path into the crate.
    modules: BTreeSet<String>,
    macro_use: BTreeSet<String>,
    /// See [`CrateNames::dependency_aliases`].
    dependency_aliases: BTreeMap<String, String>,
}

impl NamesBuilder {
    /// Names `library` `alias` in the package's code (see
    /// [`CrateNames::dependency_aliases`]).
    pub fn add_dependency_alias(&mut self, alias: String, library: String) {
        self.dependency_aliases.insert(alias, library);
    }

    /// Adds what the file that is module `module` (empty: a crate root)
    /// re-exports and the crates it uses the macros of.
    pub fn add_file(&mut self, module: &[String], reexports: &[PubUse], macro_use: &[String]) {
        let path = module_path(module.iter());
        self.modules.insert(path.clone());
        if module.is_empty() {
            self.macro_use.extend(macro_use.iter().cloned());
        }
        for reexport in reexports {
            let mut scope = module.to_vec();
            scope.extend(reexport.inline_parents.iter().cloned());
            self.modules.insert(module_path(scope.iter()));
            let key = format!("{}::{}", module_path(scope.iter()), reexport.name);
            let Some(target) = from_root(&scope, &reexport.target) else {
                continue;
            };
            match self.bound.get(&key) {
                Some(Some(known)) if *known != target => {
                    self.bound.insert(key, None);
                }
                Some(_) => {}
                None => {
                    self.bound.insert(key, Some(target));
                }
            }
        }
    }

    /// The crate's names: every re-export that leads out of the crate,
    /// through at most [`MAX_HOPS`] re-exports of the crate.
    pub fn finish(self, libraries: &BTreeSet<String>) -> CrateNames {
        // A `use` path starting at a module of the crate is the crate's
        // (`pub use net::Client;` in the root, after `mod net;`).
        let modules = &self.modules;
        let into_crate = |target: &str, key: &str| -> Option<String> {
            if target.starts_with("crate::") {
                return Some(target.to_string());
            }
            let first = target.split("::").next()?;
            let scope = key.rsplit_once("::")?.0;
            let local = format!("{scope}::{first}");
            if modules.contains(&local) {
                return Some(format!("{scope}::{target}"));
            }
            if libraries.contains(first) {
                return Some(format!("crate{}", &target[first.len()..]));
            }
            None
        };
        let bound: BTreeMap<String, String> = self
            .bound
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), v.clone()?)))
            .collect();
        let mut reexports = BTreeMap::new();
        for (key, target) in &bound {
            let mut target = target.clone();
            let mut hops = 0;
            let resolved = loop {
                let Some(inner) = into_crate(&target, key) else {
                    break Some(target.trim_start_matches("::").to_string());
                };
                hops += 1;
                if hops > MAX_HOPS {
                    break None;
                }
                // The longest prefix of the path that the crate binds.
                let mut end = inner.len();
                let next = loop {
                    if let Some(bound) = bound.get(&inner[..end]) {
                        break Some(format!("{bound}{}", &inner[end..]));
                    }
                    match inner[..end].rfind("::") {
                        Some(at) if at > "crate".len() => end = at,
                        _ => break None,
                    }
                };
                match next {
                    Some(next) => target = next,
                    // An item of the crate itself.
                    None => break None,
                }
            };
            if let Some(resolved) = resolved {
                reexports.insert(key.clone(), resolved);
            }
        }
        CrateNames {
            reexports,
            macro_use: self.macro_use.into_iter().collect(),
            libraries: libraries.iter().cloned().collect(),
            dependency_aliases: self.dependency_aliases,
            aliases: Default::default(),
            digest: 0,
        }
        .with_aliases()
        .with_digest()
    }
}

/// Sets [`CrateNames::digest`].
trait WithDigest {
    fn with_digest(self) -> Self;
}

impl WithDigest for CrateNames {
    fn with_digest(mut self) -> CrateNames {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let mut add = |part: &str| {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        };
        for (from, to) in &self.reexports {
            add(from);
            add(to);
        }
        add("");
        self.macro_use.iter().for_each(|m| add(m));
        add("");
        self.libraries.iter().for_each(|l| add(l));
        add("");
        for (alias, library) in &self.dependency_aliases {
            add(alias);
            add(library);
        }
        self.digest = hasher.digest128();
        self
    }
}

/// Whether `text` spells `word` as a word (not inside a longer ASCII
/// identifier).
pub fn spells_word(text: &[u8], word: &str) -> bool {
    memchr::memmem::find_iter(text, word.as_bytes()).any(|at| {
        let before = at.checked_sub(1).map(|i| text[i]);
        let after = text.get(at + word.len()).copied();
        !before.is_some_and(crate::lexer::is_ascii_ident_byte)
            && !after.is_some_and(crate::lexer::is_ascii_ident_byte)
    })
}

/// The names `text` spells after `word::` (`new` for `AsyncCommand::new`),
/// each once, in order of appearance.
pub fn members_spelled<'t>(text: &'t [u8], word: &str) -> Vec<&'t str> {
    idents_after(text, word, |rest| rest.strip_prefix(b"::"))
}

/// The names `text` renames `word` to (`Cmd` for `AsyncCommand as Cmd`).
pub fn renames_of<'t>(text: &'t [u8], word: &str) -> Vec<&'t str> {
    idents_after(text, word, |rest| {
        let rest = rest.trim_ascii_start().strip_prefix(b"as")?;
        rest.first().filter(|b| b.is_ascii_whitespace())?;
        Some(rest.trim_ascii_start())
    })
}

/// The identifiers that follow `word` (not the end of a longer identifier)
/// and what `separator` strips from the text after it (`None`: not there),
/// each once, in order of appearance.
fn idents_after<'t>(
    text: &'t [u8],
    word: &str,
    separator: impl Fn(&'t [u8]) -> Option<&'t [u8]>,
) -> Vec<&'t str> {
    let mut found: Vec<&str> = Vec::new();
    for at in memchr::memmem::find_iter(text, word.as_bytes()) {
        let before = at.checked_sub(1).map(|i| text[i]);
        if before.is_some_and(crate::lexer::is_ascii_ident_byte) {
            continue;
        }
        let Some(rest) = separator(&text[at + word.len()..]) else {
            continue;
        };
        let len = (rest.iter())
            .take_while(|b| crate::lexer::is_ascii_ident_byte(**b))
            .count();
        // Identifiers are ASCII here: the bytes up to `len` are whole chars.
        let ident = std::str::from_utf8(&rest[..len]).unwrap_or_default();
        if !ident.is_empty() && !found.contains(&ident) {
            found.push(ident);
        }
    }
    found
}

/// The names (last segments) under which the crate re-exports an item of
/// another crate that spells a blocking call (`sleep` for `pub use
/// std::thread::sleep;`): a file that says one may call it.
pub fn blocking_aliases(names: &CrateNames) -> Vec<String> {
    let mut found: Vec<String> = (names.reexports.iter())
        .filter(|(_, to)| crate::crate_load::spells_blocking_call(to.as_bytes()))
        .map(|(from, _)| from.rsplit("::").next().unwrap_or(from).to_string())
        .collect();
    found.sort();
    found.dedup();
    found
}

/// `crate::a::b` for the module path `[a, b]`.
fn module_path<'a>(module: impl Iterator<Item = &'a String>) -> String {
    let mut path = String::from("crate");
    for segment in module {
        path.push_str("::");
        path.push_str(segment);
    }
    path
}

/// `target`, a `use` path written in module `scope`, with its `self::` and
/// `super::` made paths from the crate root; other paths as written
/// (`None`: it climbs above the root).
fn from_root(scope: &[String], target: &str) -> Option<String> {
    match target.split("::").next() {
        Some("self" | "super") => relative_to_root(scope, target),
        _ => Some(target.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reexport(parents: &[&str], name: &str, target: &str) -> PubUse {
        PubUse {
            inline_parents: parents.iter().map(|s| s.to_string()).collect(),
            name: name.to_string(),
            target: target.to_string(),
            public: true,
        }
    }

    fn module(path: &[&str]) -> Vec<String> {
        path.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn members_spelled_after_a_name_are_found_once_each() {
        let text = b"let a = AsyncCommand::new(x); MyAsyncCommand::other(); AsyncCommand::new(y);\nproc::AsyncCommand::output; AsyncCommand :: spaced; AsyncCommand";
        assert_eq!(members_spelled(text, "AsyncCommand"), ["new", "output"]);
        assert!(members_spelled(b"AsyncCommand::", "AsyncCommand").is_empty());
    }

    #[test]
    fn renames_of_a_name_are_found_once_each() {
        let text = b"use app::proc::{AsyncCommand as Cmd, other};\nuse x::AsyncCommand  as\n  Run;\nuse y::MyAsyncCommand as No; AsyncCommand as_ref; AsyncCommand as Cmd;";
        assert_eq!(renames_of(text, "AsyncCommand"), ["Cmd", "Run"]);
    }

    #[test]
    fn reexports_of_other_crates_items_are_kept_by_their_crate_path() {
        let mut b = NamesBuilder::default();
        b.add_file(
            &[],
            &[
                reexport(&["prelude"], "queue", "crossbeam_channel::unbounded"),
                reexport(&[], "spawn", "util::spawn"),
                reexport(&[], "Client", "net::Client"),
            ],
            &["scopeguard".to_string()],
        );
        b.add_file(
            &module(&["util"]),
            &[
                reexport(&[], "spawn", "::tokio::spawn"),
                reexport(&[], "mpsc", "tokio::sync::mpsc"),
                reexport(&[], "tick", "self::mpsc::unbounded_channel"),
            ],
            &[],
        );
        b.add_file(&module(&["net"]), &[], &[]);
        let names = b.finish(&BTreeSet::new());
        let get = |k: &str| names.reexports.get(k).map(String::as_str);
        assert_eq!(
            get("crate::prelude::queue"),
            Some("crossbeam_channel::unbounded")
        );
        assert_eq!(get("crate::util::spawn"), Some("tokio::spawn"));
        // Through a re-export of the crate.
        assert_eq!(get("crate::spawn"), Some("tokio::spawn"));
        assert_eq!(
            get("crate::util::tick"),
            Some("tokio::sync::mpsc::unbounded_channel")
        );
        // An item of the crate itself (`net::Client` is a struct of `net.rs`).
        assert_eq!(get("crate::Client"), None);
        assert_eq!(names.macro_use, vec!["scopeguard".to_string()]);
    }

    #[test]
    fn a_name_bound_twice_is_left_out() {
        let mut b = NamesBuilder::default();
        b.add_file(
            &module(&["sys"]),
            &[
                reexport(&[], "spawn", "tokio::spawn"),
                reexport(&[], "spawn", "async_std::task::spawn"),
                reexport(&[], "sleep", "tokio::time::sleep"),
                reexport(&[], "sleep", "tokio::time::sleep"),
            ],
            &[],
        );
        let names = b.finish(&BTreeSet::new());
        assert_eq!(names.reexports.get("crate::sys::spawn"), None);
        assert_eq!(
            names.reexports.get("crate::sys::sleep").map(String::as_str),
            Some("tokio::time::sleep")
        );
    }

    #[test]
    fn a_cycle_of_reexports_ends() {
        let mut b = NamesBuilder::default();
        b.add_file(
            &[],
            &[
                reexport(&[], "a", "crate::b"),
                reexport(&[], "b", "crate::a"),
            ],
            &[],
        );
        assert!(b.finish(&BTreeSet::new()).reexports.is_empty());
    }
}
