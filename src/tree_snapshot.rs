//! A crate's module trees kept in the summary cache ([`crate::cache`]):
//! the crate scan (`crate_load::LazyCrate::read_trees`) takes them from it
//! when its walk is the last one's, instead of walking every `mod`
//! declaration and building the crate's names again (a warm run in tokio
//! spent 5 ms on that, before the engine could filter the linted file).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use foldhash::HashMap as FastHashMap;
use leaklint_lints::context::crate_names::CrateNames;

use crate::cache::FileStamp;
use crate::crate_load::ScannedFile;

/// A crate's module trees and what the crate scan derived from them (the
/// fields of [`LazyCrate`](crate::crate_load::LazyCrate) that
/// `LazyCrate::read_trees` sets), cached under the digest of its walk ([`walk_digest`]): the walked files'
/// paths and what the scan read in each (`mod` declarations, re-exports,
/// wrappers, blocking words), its manifests' texts and the options. The
/// trees depend on nothing else but the entries of the directories they
/// listed and the files they read outside the walk, which the snapshot
/// records and [`TreeSnapshot::still_holds`] checks: an edit that changes
/// no `mod` declaration or re-export (most edits) keeps it.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct TreeSnapshot {
    /// The directories listed, with their stamps (`None`: missing).
    dirs: Vec<(PathBuf, Option<FileStamp>)>,
    /// The files read outside the walk, with the digest of what the scan
    /// read in them.
    outside: Vec<(PathBuf, u128)>,
    /// The files named below that the walk did not find: file `n + i` of
    /// a walk of `n` files (in path order) is `others[i]`.
    others: Vec<PathBuf>,
    members: Vec<(u32, String)>,
    test_files: Vec<u32>,
    complete: bool,
    broken: Vec<u32>,
    counts: Option<(usize, usize)>,
    blocking_files: Vec<u32>,
    unsettled: (Vec<String>, Vec<u32>),
    units: Vec<(u32, Vec<usize>)>,
    units_of_libraries: Libraries,
    library_of: Vec<(u32, String)>,
    /// [`CratePlaces`](crate::crate_load::CratePlaces): each package's
    /// names, and each file's module path and package.
    #[allow(clippy::type_complexity)]
    places: Option<(Vec<CrateNames>, Vec<(u32, Vec<String>, usize)>)>,
    spawn_wrappers: BTreeSet<String>,
}

/// A [`TreeSnapshot`] as the crate holds it, files named by path: each
/// field but the first two is the `LazyCrate` field of its name.
pub(crate) struct Trees {
    pub(crate) dirs: Vec<(PathBuf, Option<FileStamp>)>,
    pub(crate) outside: Vec<(PathBuf, u128)>,
    pub(crate) members: BTreeMap<PathBuf, String>,
    pub(crate) test_files: BTreeSet<PathBuf>,
    pub(crate) complete: bool,
    pub(crate) broken: BTreeSet<PathBuf>,
    pub(crate) counts: Option<(usize, usize)>,
    pub(crate) blocking_files: Vec<PathBuf>,
    pub(crate) unsettled: (Vec<String>, Vec<PathBuf>),
    pub(crate) units: BTreeMap<PathBuf, BTreeSet<usize>>,
    pub(crate) units_of_libraries: Libraries,
    pub(crate) library_of: HashMap<PathBuf, String>,
    /// [`CratePlaces`](crate::crate_load::CratePlaces): each package's
    /// names, and each file's module path and package.
    #[allow(clippy::type_complexity)]
    pub(crate) places: Option<(Vec<CrateNames>, Vec<(PathBuf, Vec<String>, usize)>)>,
    pub(crate) spawn_wrappers: BTreeSet<String>,
}

/// The crate's compilation units and the names of its libraries: the
/// `LazyCrate` fields of these names, kept alike in a snapshot.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Libraries {
    pub(crate) library_units: BTreeSet<usize>,
    pub(crate) library_callers: BTreeMap<usize, BTreeSet<usize>>,
    pub(crate) libraries: BTreeSet<String>,
    pub(crate) library_paths: BTreeSet<String>,
    pub(crate) unnamed_roots: BTreeSet<String>,
    pub(crate) library_roots: BTreeSet<String>,
    pub(crate) library_unit_of: BTreeMap<String, usize>,
    pub(crate) unit_count: usize,
}

impl Trees {
    /// The snapshot of these trees, in a walk that found `walked` (in path
    /// order): files are numbered, not spelled.
    pub(crate) fn encode(self, walked: &[PathBuf]) -> TreeSnapshot {
        let mut index: FastHashMap<&Path, u32> = FastHashMap::default();
        for (i, path) in walked.iter().enumerate() {
            index.insert(path, i as u32);
        }
        let mut others: Vec<PathBuf> = Vec::new();
        let mut id = |path: &Path| -> u32 {
            if let Some(&i) = index.get(path) {
                return i;
            }
            others.push(path.to_path_buf());
            (walked.len() + others.len() - 1) as u32
        };
        let members = (self.members.into_iter())
            .map(|(p, m)| (id(&p), m))
            .collect();
        let test_files = self.test_files.iter().map(|p| id(p)).collect();
        let broken = self.broken.iter().map(|p| id(p)).collect();
        let blocking_files = self.blocking_files.iter().map(|p| id(p)).collect();
        let (aliases, unsettled) = self.unsettled;
        let unsettled = (aliases, unsettled.iter().map(|p| id(p)).collect());
        let units = (self.units.into_iter())
            .map(|(p, u)| (id(&p), u.into_iter().collect()))
            .collect();
        let library_of = (self.library_of.into_iter())
            .map(|(p, l)| (id(&p), l))
            .collect();
        let places = self.places.map(|(names, modules)| {
            let modules = (modules.into_iter())
                .map(|(p, module, package)| (id(&p), module, package))
                .collect();
            (names, modules)
        });
        TreeSnapshot {
            dirs: self.dirs,
            outside: self.outside,
            others,
            members,
            test_files,
            complete: self.complete,
            broken,
            counts: self.counts,
            blocking_files,
            unsettled,
            units,
            units_of_libraries: self.units_of_libraries,
            library_of,
            places,
            spawn_wrappers: self.spawn_wrappers,
        }
    }
}

impl TreeSnapshot {
    /// The trees of this snapshot, in a walk that found `walked` (in path
    /// order, the walk it was taken in: its digest says so).
    pub(crate) fn decode(self, walked: &[PathBuf]) -> Trees {
        let others = self.others;
        let path = |i: u32| -> PathBuf {
            let i = i as usize;
            match walked.get(i) {
                Some(path) => path.clone(),
                None => others.get(i - walked.len()).cloned().unwrap_or_default(),
            }
        };
        Trees {
            dirs: self.dirs,
            outside: self.outside,
            members: (self.members.into_iter())
                .map(|(i, m)| (path(i), m))
                .collect(),
            test_files: self.test_files.into_iter().map(path).collect(),
            complete: self.complete,
            broken: self.broken.into_iter().map(path).collect(),
            counts: self.counts,
            blocking_files: self.blocking_files.into_iter().map(path).collect(),
            unsettled: (
                self.unsettled.0,
                self.unsettled.1.into_iter().map(path).collect(),
            ),
            units: (self.units.into_iter())
                .map(|(i, u)| (path(i), u.into_iter().collect()))
                .collect(),
            units_of_libraries: self.units_of_libraries,
            library_of: (self.library_of.into_iter())
                .map(|(i, l)| (path(i), l))
                .collect(),
            places: self.places.map(|(names, modules)| {
                let modules = (modules.into_iter())
                    .map(|(i, module, package)| (path(i), module, package))
                    .collect();
                (names, modules)
            }),
            spawn_wrappers: self.spawn_wrappers,
        }
    }

    /// Whether the directories the trees listed are as they were (their
    /// stamps, settled by `now`), and the files read outside the walk say
    /// what they said (`scanned`: what the crate scan reads in a file).
    pub(crate) fn still_holds(
        &self,
        now: std::time::SystemTime,
        scanned: &dyn Fn(&Path) -> Option<ScannedFile>,
    ) -> bool {
        let dir_holds =
            |(dir, stamp): &(PathBuf, Option<FileStamp>)| dir_stamp(dir, now) == Some(*stamp);
        let file_holds = |(path, digest): &(PathBuf, u128)| {
            scanned(path).is_some_and(|scanned| scanned_digest(&scanned) == *digest)
        };
        self.dirs.iter().all(dir_holds) && self.outside.iter().all(file_holds)
    }
}

/// The stamp of the directory `dir` as a snapshot records it: `Some(None)`
/// when it is missing, `None` when it cannot be trusted (changed in the
/// last two seconds, or unreadable).
pub(crate) fn dir_stamp(dir: &Path, now: std::time::SystemTime) -> Option<Option<FileStamp>> {
    match std::fs::metadata(dir) {
        Ok(meta) => Some(Some(FileStamp::of_dir(&meta, now)?)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(None),
        Err(_) => None,
    }
}

/// The digest of a crate's walk under which its trees are cached (see
/// [`TreeSnapshot`]); `None` when a walked file could not be read.
pub(crate) fn walk_digest(
    scans: &FastHashMap<PathBuf, Option<ScannedFile>>,
    manifests: &[PathBuf],
    test_packages: &[String],
    renames: &HashMap<String, String>,
) -> Option<(u128, Vec<PathBuf>)> {
    use xxhash_rust::xxh3::Xxh3;
    let mut hasher = Xxh3::new();
    let mut field = |bytes: &[u8]| {
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    let mut files: Vec<(&PathBuf, &Option<ScannedFile>)> = scans.iter().collect();
    files.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (path, scanned) in &files {
        field(path.as_os_str().as_encoded_bytes());
        field(&scanned_digest(scanned.as_ref()?).to_le_bytes());
    }
    field(b"manifests");
    for manifest in manifests {
        field(manifest.as_os_str().as_encoded_bytes());
        field(&std::fs::read(manifest).ok()?);
    }
    field(b"test packages");
    for name in test_packages {
        field(name.as_bytes());
    }
    let mut renames: Vec<_> = renames.iter().collect();
    renames.sort();
    field(b"renames");
    for (from, to) in renames {
        field(from.as_bytes());
        field(to.as_bytes());
    }
    let files = files.into_iter().map(|(path, _)| path.clone()).collect();
    Some((hasher.digest128(), files))
}

/// The digest of what the crate scan read in a file.
pub(crate) fn scanned_digest(scanned: &ScannedFile) -> u128 {
    postcard::to_allocvec(scanned).map_or(0, |bytes| xxhash_rust::xxh3::xxh3_128(&bytes))
}
