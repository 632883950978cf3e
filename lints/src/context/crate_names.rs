//! What the rest of its crate says about the names a file uses.
//!
//! A file is parsed alone, but a path into its crate may stand for an item
//! of another crate: `pub use crossbeam_channel::unbounded;` in `util.rs`
//! makes `crate::util::unbounded()` (or `use crate::util::unbounded;` then
//! `unbounded()`) the crossbeam constructor, and `#[macro_use] extern crate
//! scopeguard;` at the crate root brings `defer!` into every module. The
//! driver reads the crate's re-exports lexically (its module scan) and hands
//! each file [`InCrate`]: the crate's [`CrateNames`] and the file's own
//! module path, with which [`super::Imports`] resolves such paths.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The crate-wide facts about names (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct CrateNames {
    /// The crate paths that stand for items of other crates, by their path
    /// from the crate root (`crate::util::unbounded` →
    /// `crossbeam_channel::unbounded`; `crate::util::mpsc` →
    /// `tokio::sync::mpsc`, so that `crate::util::mpsc::unbounded_channel`
    /// is tokio's).
    pub reexports: BTreeMap<String, String>,
    /// The crates whose macros `#[macro_use] extern crate …;` at a crate
    /// root brings into every module.
    pub macro_use: Vec<String>,
    /// The names of the package's libraries: in a binary, `app::util::x`
    /// is `crate::util::x` of the library.
    pub libraries: Vec<String>,
    /// The names under which the package depends on other packages of the
    /// workspace, renamed in its manifest (`foo = { package = "bar-core",
    /// … }`), each with the library's own name (`foo` → `bar_core`): a
    /// path through one is a path through that library.
    #[serde(default)]
    pub dependency_aliases: BTreeMap<String, String>,
    /// The last segments of [`CrateNames::reexports`]' keys that differ
    /// from their target's (`queue` for `pub use crossbeam_channel::unbounded
    /// as queue;`): a path written with one may stand for a name it does
    /// not spell.
    pub aliases: BTreeSet<String>,
    /// A digest of the fields above (set by the driver), with which caches
    /// keyed by a file's text tell one crate's names from another's.
    pub digest: u128,
}

impl CrateNames {
    /// Fills [`CrateNames::aliases`] from the re-exports.
    pub fn with_aliases(mut self) -> CrateNames {
        let last = |p: &str| p.rsplit("::").next().unwrap_or(p).to_string();
        self.aliases = (self.reexports.iter())
            .filter(|(from, to)| last(from) != last(to))
            .map(|(from, _)| last(from))
            .collect();
        self
    }

    /// Whether these facts can change how any path resolves.
    pub fn is_empty(&self) -> bool {
        self.reexports.is_empty() && self.macro_use.is_empty() && self.dependency_aliases.is_empty()
    }

    /// The item of another crate that the crate path `path` (from the crate
    /// root: `crate::util::mpsc::unbounded_channel`) stands for, through
    /// the longest re-exported prefix.
    pub fn through_reexports(&self, path: &str) -> Option<String> {
        let mut end = path.len();
        loop {
            let prefix = &path[..end];
            if let Some(target) = self.reexports.get(prefix) {
                return Some(format!("{target}{}", &path[end..]));
            }
            end = prefix.rfind("::")?;
            if end <= "crate".len() {
                return None;
            }
        }
    }
}

/// A file's place in its crate: the crate's [`CrateNames`] and the module
/// path of the file (`["net", "worker"]` for `src/net/worker.rs`; empty for
/// a crate root).
#[derive(Debug, Clone)]
pub struct InCrate {
    pub names: Arc<CrateNames>,
    pub module: Arc<[String]>,
}

impl InCrate {
    /// The item of another crate that `resolved` (a path as
    /// [`super::Imports`] resolves it within the file) stands for, if it is
    /// a path into the crate that a re-export leads out of. `top_items`
    /// says whether a name is an item of the file's own top module: in a
    /// file that is not the crate root, `crate::x` made from such an item
    /// names the file's item, not the root's.
    pub fn resolve(&self, resolved: &str, top_items: impl Fn(&str) -> bool) -> Option<String> {
        let names = &self.names;
        let (first, rest) = resolved.split_once("::").unwrap_or((resolved, ""));
        // A dependency the manifest renames: the library by its own name.
        if let Some(library) = names.dependency_aliases.get(first) {
            return Some(match rest {
                "" => library.clone(),
                rest => format!("{library}::{rest}"),
            });
        }
        if names.reexports.is_empty() || rest.is_empty() {
            return None;
        }
        let from_root = match first {
            "crate" => {
                let next = rest.split("::").next().unwrap_or(rest);
                if !self.module.is_empty() && top_items(next) {
                    return None;
                }
                format!("crate::{rest}")
            }
            // A relative path the file could not follow: it leaves the file.
            "self" | "super" => self.path_from_root(resolved)?,
            library if names.libraries.iter().any(|l| l == library) => format!("crate::{rest}"),
            _ => return None,
        };
        names.through_reexports(&from_root)
    }

    /// The path from the crate root of the relative path `path`
    /// (`self::…`, `super::super::…`) written at the top of this file.
    fn path_from_root(&self, path: &str) -> Option<String> {
        relative_to_root(&self.module, path)
    }
}

/// The path from the crate root (`crate::…`) of `path`, a path that starts
/// with `self::` or `super::` written in the module `module` (its path from
/// the root, empty for the root); `None` when it climbs above the root.
pub fn relative_to_root(module: &[String], path: &str) -> Option<String> {
    let mut module: Vec<&str> = module.iter().map(String::as_str).collect();
    let mut segments = path.split("::").peekable();
    if segments.peek() == Some(&"self") {
        segments.next();
    }
    while segments.peek() == Some(&"super") {
        segments.next();
        module.pop()?;
    }
    let mut out = String::from("crate");
    for segment in module.into_iter().chain(segments) {
        out.push_str("::");
        out.push_str(segment);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_crate(module: &[&str], reexports: &[(&str, &str)]) -> InCrate {
        InCrate {
            names: Arc::new(CrateNames {
                reexports: reexports
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
                macro_use: Vec::new(),
                libraries: vec!["app".to_string()],
                dependency_aliases: BTreeMap::new(),
                aliases: BTreeSet::new(),
                digest: 0,
            }),
            module: module
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .into(),
        }
    }

    #[test]
    fn crate_paths_lead_out_through_reexports() {
        let krate = in_crate(
            &["net", "worker"],
            &[
                ("crate::util::unbounded", "crossbeam_channel::unbounded"),
                ("crate::util::mpsc", "tokio::sync::mpsc"),
                ("crate::net::rt", "tokio::runtime"),
            ],
        );
        let none = |_: &str| false;
        let r = |p: &str| krate.resolve(p, none);
        assert_eq!(
            r("crate::util::unbounded").as_deref(),
            Some("crossbeam_channel::unbounded")
        );
        assert_eq!(
            r("crate::util::mpsc::unbounded_channel").as_deref(),
            Some("tokio::sync::mpsc::unbounded_channel")
        );
        assert_eq!(
            r("super::rt::Handle").as_deref(),
            Some("tokio::runtime::Handle")
        );
        assert_eq!(
            r("app::util::unbounded").as_deref(),
            Some("crossbeam_channel::unbounded")
        );
        assert_eq!(r("crate::util::other"), None);
        assert_eq!(r("crate::util"), None);
        assert_eq!(r("tokio::spawn"), None);
        // Above the crate root: nothing.
        assert_eq!(r("super::super::super::x"), None);
    }

    #[test]
    fn an_item_of_a_module_file_is_not_the_roots() {
        let krate = in_crate(&["jobs"], &[("crate::spawn", "tokio::spawn")]);
        // `fn spawn` in `jobs.rs` resolves to `crate::spawn` within the file.
        assert_eq!(krate.resolve("crate::spawn", |n| n == "spawn"), None);
        assert_eq!(
            krate.resolve("crate::spawn", |_| false).as_deref(),
            Some("tokio::spawn")
        );
        // At the root, `crate::x` is the root's.
        let root = in_crate(&[], &[("crate::spawn", "tokio::spawn")]);
        assert_eq!(
            root.resolve("crate::spawn", |_| true).as_deref(),
            Some("tokio::spawn")
        );
    }
}
