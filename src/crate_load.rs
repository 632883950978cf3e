//! The files of one crate, parsed only as its findings need them.
//!
//! The crate pass ([`crate::callers`]) decides a finding with the fns it
//! reaches (its callees, `call_depth` calls deep) and the fns that reach it
//! (its callers, up to `main`). Every call names its callee, so a file that
//! may define or call a fn spells the fn's name: a lexical search of the
//! crate's files for the names a finding needs finds every file the
//! decision can depend on, and only those are parsed. On a library corpus
//! that is a few files per crate instead of all of them.
//!
//! [`LazyCrate::scan`] reads every file once, lexically, for its `mod`
//! declarations ([`crate::mod_scan`]): the module trees say which files are
//! the crate, what module each is, and which are test code. Then
//! [`LazyCrate::load_callees`], [`LazyCrate::load_mentions`] and
//! [`LazyCrate::load_callers`] parse what the names lead to; a word found in
//! a comment or string only makes a file parsed for nothing. Summaries go
//! through the crate's summary cache ([`crate::cache`]).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use aho_corasick::AhoCorasick;
use leaklint_lints::context::entry::{
    field_type, reexported_fn, CallSite, CallSummary, Callee, Caller, MAX_REEXPORTS,
};
use leaklint_lints::context::modules::ModDecl;
use rayon::prelude::*;
// Maps hashed once or more per file of a crate (see `crate_tree`).
use foldhash::{HashMap as FastHashMap, HashSet as FastHashSet};

use crate::cache::{FileRecord, FileStamp, SummaryCache};
use crate::callers::{module_name, package_files, summary, summary_of_text};
use crate::crate_names::{spells_word, NamesBuilder};
use crate::crate_tree::TargetKind;
use crate::mod_scan::{FileItems, PubUse};
use crate::name_search::{NameSearch, Spelling};
use crate::spawn_wrappers::SpawnWrappers;
use crate::tree_snapshot::{
    dir_stamp, scanned_digest, walk_digest, Libraries, TreeSnapshot, Trees,
};
use crate::word_filter::WordFilter;
use leaklint_lints::context::crate_names::{CrateNames, InCrate};

/// A crate whose files are parsed on demand (see the module documentation).
pub struct LazyCrate {
    /// The files of its module trees that are not test code, by canonical
    /// path, with the name of the module each is. Sorted: file indices
    /// derived from it are stable.
    members: BTreeMap<PathBuf, String>,
    /// Files that `#[cfg(test)] mod …;` makes test code.
    pub test_files: BTreeSet<PathBuf>,
    /// Summaries made so far (`None`: the file cannot be read or parsed).
    loaded: BTreeMap<PathBuf, Option<CallSummary>>,
    /// The fns of `loaded` by name (the last segment of their key): the
    /// file's place in `loaded_order` and the fn's index in its `fns`. A
    /// call is looked up among the fns of its name, not all of the crate's.
    fns_by_name: HashMap<String, Vec<(usize, usize)>>,
    /// The files of `loaded` with a summary, in the order loaded.
    loaded_order: Vec<PathBuf>,
    /// Linted files that no tree reaches, with their summaries.
    pub alone: HashMap<PathBuf, CallSummary>,
    /// Whether the trees were read and every search for callers could be
    /// made: else "reached only from `main`" cannot be decided.
    complete: bool,
    /// The files of the trees that could not be read or parsed (so far).
    broken: BTreeSet<PathBuf>,
    /// Those of `broken` whose text or module declarations could not be
    /// read: they may call anything, and declare modules leaklint does not
    /// know of, so "reached only from `main`" cannot be decided for the
    /// fns of the units they may call ([`LazyCrate::complete_within`]).
    /// The others were scanned but not parsed: each may call the fns whose
    /// names it spells ([`LazyCrate::unparsed_within`]).
    unscanned: BTreeSet<PathBuf>,
    /// Names whose possible callers' files are loaded.
    mentioned: BTreeSet<String>,
    /// `(name, module)` of free fns whose possible re-exporters' files
    /// are loaded ([`LazyCrate::reexported`]).
    reexporters_loaded: BTreeSet<(String, String)>,
    /// Fns whose possible definitions' files are loaded.
    defined: BTreeSet<Want>,
    /// Fns whose possible callers' files, by a resolvable call, are loaded.
    called: BTreeSet<Want>,
    /// Structs whose possible definitions' files are loaded.
    structs: BTreeSet<String>,
    max_nesting: usize,
    cache: SummaryCache,
    /// The files' texts, as many as the run's budget for kept text allows.
    texts: FastHashMap<PathBuf, Arc<str>>,
    /// Whether summaries go through the crate's cache.
    cached: bool,
    /// The run's budget for kept text, to which `texts` returns its bytes
    /// when the crate is dropped.
    budget: Arc<AtomicUsize>,
    /// How many files of the trees spell a blocking call, and how many say
    /// `async` (`None`: one cannot be read).
    counts: Option<(usize, usize)>,
    /// The files of the trees that spell a blocking call (with
    /// `unsettled`, once settled: see [`LazyCrate::settle_blocking_files`]).
    blocking_files: Vec<PathBuf>,
    /// The names under which the crate re-exports a blocking call (`pub use
    /// std::thread::sleep as pause;`), and the files of the trees, in path
    /// order, that spell no blocking call but may say one of those names.
    unsettled: (Vec<String>, Vec<PathBuf>),
    /// What the cache knows of files' texts (read or not).
    indexed: FastHashMap<PathBuf, Indexed>,
    /// The compilation units (targets of the packages, numbered in the
    /// order read) whose trees reach each file.
    units: BTreeMap<PathBuf, BTreeSet<usize>>,
    /// The units that are libraries: other units may call their fns.
    library_units: BTreeSet<usize>,
    /// Per library unit, the units that may call its fns: its package's
    /// targets and those of the packages that depend on it, directly or
    /// through others. A library missing here may be called from any unit.
    library_callers: HashMap<usize, BTreeSet<usize>>,
    /// The names of the packages' libraries that no module is named: a
    /// path through one (`app::serve()`) is a path into the crate.
    libraries: BTreeSet<String>,
    /// The names of all the packages' libraries: a module path below one
    /// (`app::util::pause()`) is a path into the crate.
    library_paths: BTreeSet<String>,
    /// The names of [`LazyCrate::libraries`] whose root is not named by
    /// them (see `library_of`): a path through one is read as one from the
    /// crate root (`crate::serve()`).
    unnamed_roots: BTreeSet<String>,
    /// The library names that name a crate root (the values of
    /// `library_of`).
    library_roots: BTreeSet<String>,
    /// The unit of each library, by its name (one that two packages'
    /// libraries share is left out).
    library_unit_of: BTreeMap<String, usize>,
    /// The files of a library (of its tree alone) whose crate root is
    /// named by the library's name (see [`CallSummary::name_crate_root`]),
    /// with that name.
    library_of: HashMap<PathBuf, String>,
    unit_count: usize,
    /// What the crate's items say of names and where its files are; `None`
    /// when nothing in it changes how a path resolves.
    places: Option<CratePlaces>,
    /// Its fns that may be spawn wrappers named otherwise than `spawn…`
    /// ([`crate::spawn_wrappers`]).
    spawn_wrappers: Arc<SpawnWrappers>,
}

/// Each package's [`CrateNames`] (its re-exports of other crates' items,
/// its `#[macro_use]` crates) and the module path and package of each file
/// of the trees that is not test code (the first tree's, when several reach
/// it): the [`InCrate`] of any file, kept after the crate itself is
/// dropped. Names are the package's: `crate::x` in one package of a
/// workspace is not another's.
#[derive(Debug, Clone)]
pub struct CratePlaces {
    names: Arc<Vec<Arc<CrateNames>>>,
    modules: Arc<HashMap<PathBuf, ModulePlace>>,
}

/// A file's module path and the index of its package in
/// [`CratePlaces::names`].
type ModulePlace = (Arc<[String]>, usize);

impl CratePlaces {
    /// The place of the file at `path` (as linted: made canonical when the
    /// trees do not know it as given).
    pub fn in_crate(&self, path: &Path) -> Option<InCrate> {
        self.in_tree(path)
            .or_else(|| self.in_tree(&crate::callers::canonical(path)))
    }

    /// The place of the file at `path`, a path of the trees.
    fn in_tree(&self, path: &Path) -> Option<InCrate> {
        let (module, package) = self.modules.get(path)?;
        Some(InCrate {
            names: Arc::clone(self.names.get(*package)?),
            module: Arc::clone(module),
        })
    }

    /// Every package's names.
    fn names(&self) -> impl Iterator<Item = &CrateNames> {
        self.names.iter().map(|n| &**n)
    }
}

/// A loaded fn that a call may resolve to: its place in
/// [`LazyCrate::fns_by_name`], its file's summary and its facts.
type WantedFn<'a> = (
    (usize, usize),
    &'a CallSummary,
    &'a leaklint_lints::context::follow::FnFacts,
);

/// Adds the fns of `summary` (of the file at `path`) to `fns_by_name`
/// (see [`LazyCrate::fns_by_name`]).
fn index_fns(
    fns_by_name: &mut HashMap<String, Vec<(usize, usize)>>,
    loaded_order: &mut Vec<PathBuf>,
    path: &Path,
    summary: &CallSummary,
) {
    let place = loaded_order.len();
    for (i, facts) in summary.fns.iter().enumerate() {
        let name = last_segment(&facts.key).to_string();
        fns_by_name.entry(name).or_default().push((place, i));
    }
    loaded_order.push(path.to_path_buf());
}

/// A file of the walk: its path, what the scan read in it (`None`: it
/// cannot be read), its text if kept, what the cache knows of its text.
type ReadFile = (
    PathBuf,
    Option<ScannedFile>,
    Option<Arc<str>>,
    Option<Indexed>,
);

/// What a run with a cache knows of a file's text, read or not: its
/// digest (which finds its cached summary) and the words it spells.
struct Indexed {
    digest: u128,
    words: WordFilter,
}

/// The names under which `summary`'s re-exports rename fns whose names
/// `renamed` accepts (`settle` for `pub use util::pause as settle;`).
fn renaming_aliases<'s>(
    summary: &'s CallSummary,
    renamed: impl Fn(&str) -> bool + 's,
) -> impl Iterator<Item = &'s String> + 's {
    (summary.reexports.iter())
        .filter(move |(alias, path)| path.last().is_some_and(|l| l != alias && renamed(l)))
        .map(|(alias, _)| alias)
}

/// What the crate scan reads in a file's text.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct ScannedFile {
    /// Its `mod` declarations (`None`: it cannot be parsed).
    decls: Option<Vec<ModDecl>>,
    /// The names its `pub use` items bind.
    reexports: Vec<PubUse>,
    /// The crates its `#[macro_use] extern crate` items name.
    macro_use: Vec<String>,
    /// Whether it spells a blocking call ([`BLOCKING_WORDS`]).
    spells_blocking_call: bool,
    /// Whether it says `async`.
    says_async: bool,
    /// Its fns that may be spawn wrappers ([`crate::spawn_wrappers`]).
    spawn_wrappers: Vec<String>,
    /// Its fns that hand a future or closure parameter to a call of
    /// another name, with that name ([`crate::spawn_wrappers::scan`]).
    spawn_forwarders: Vec<(String, String)>,
}

/// Text one piece of which a file that makes a blocking call worth
/// reporting through a helper spells (`fs::read`, `File::open`,
/// `thread::sleep`, `Command::new`, `mpsc`, `block_on`, `to_socket_addrs`,
/// …): a crate with none of them has no sync helper that blocks.
/// Over-approximate by design: it only saves parsing files of crates that
/// cannot block.
pub const BLOCKING_WORDS: &[&str] = &[
    "fs::",
    "File",
    "OpenOptions",
    "thread::sleep",
    "thread::{",
    "sleep_ms",
    "TcpStream",
    "TcpListener",
    "to_socket_addrs",
    "Command::new",
    "process::{",
    "process::Child",
    "process::Command",
    "mpsc",
    "crossbeam",
    "flume",
    "Condvar",
    "Barrier",
    "block_on",
    "thread::spawn",
    "thread::Builder",
    "thread::JoinHandle",
    "thread::ScopedJoinHandle",
    "blocking_recv",
    "blocking_lock",
    "blocking_read",
    "blocking_write",
    "blocking_send",
];

/// Whether `text` spells a blocking call ([`BLOCKING_WORDS`]).
pub fn spells_blocking_call(text: &[u8]) -> bool {
    static WORDS: std::sync::LazyLock<Option<AhoCorasick>> =
        std::sync::LazyLock::new(|| AhoCorasick::new(BLOCKING_WORDS).ok());
    WORDS.as_ref().is_none_or(|w| w.is_match(text))
}

/// Whether `text` says `async` as a word (not inside a longer identifier:
/// `ppasync`, `IAsyncResult`, `asyncresult` in generated bindings say
/// nothing of async code).
pub fn says_async(text: &[u8]) -> bool {
    use crate::lexer::is_ascii_ident_byte;
    memchr::memmem::find_iter(text, b"async").any(|at| {
        let before = at.checked_sub(1).map(|i| text[i]);
        let after = text.get(at + b"async".len()).copied();
        !before.is_some_and(is_ascii_ident_byte) && !after.is_some_and(is_ascii_ident_byte)
    })
}

/// The most text of the crates of a run kept in memory while they are
/// searched for names (beyond it, files are read again for each search).
pub const MAX_KEPT_TEXT_BYTES: usize = 4 << 20;

/// The names of a crate's sync fns that may block (see
/// [`LazyCrate::blocking_fns`]): async code that spells none of them calls
/// no helper that blocks, so `blocking_call_in_async` need not parse it for
/// helpers.
#[derive(Debug)]
pub struct BlockingFns {
    /// The names; `None`: any name (the crate could not be read).
    names: Option<Arc<BTreeSet<String>>>,
    /// The same, to look for.
    words: Option<NameSearch>,
    /// The names the crate's libraries go by (see [`LazyCrate::libraries`]):
    /// a call through one (`app::backoff()` in a binary) may be of a helper.
    libraries: Vec<String>,
}

impl PartialEq for BlockingFns {
    fn eq(&self, other: &BlockingFns) -> bool {
        self.names == other.names && self.libraries == other.libraries
    }
}

impl Eq for BlockingFns {}

impl BlockingFns {
    /// Of these names (`None`: of any name).
    pub fn new(names: Option<&BTreeSet<String>>) -> BlockingFns {
        let words = names.and_then(|n| NameSearch::new(&n.iter().collect::<Vec<_>>()));
        BlockingFns {
            names: words.as_ref().and(names.cloned().map(Arc::new)),
            words,
            libraries: Vec::new(),
        }
    }

    /// The same, in a crate whose libraries go by `libraries`.
    pub fn in_crate_with_libraries(mut self, libraries: &BTreeSet<String>) -> BlockingFns {
        self.libraries = libraries.iter().cloned().collect();
        self
    }

    /// The names the crate's libraries go by.
    pub fn libraries(&self) -> &[String] {
        &self.libraries
    }

    /// The names (`None`: any name).
    pub fn names(&self) -> Option<&Arc<BTreeSet<String>>> {
        self.names.as_ref()
    }

    /// Whether `text` may call one of them: it spells one as a word.
    pub fn spelled_in(&self, text: &str) -> bool {
        let Some(words) = &self.words else {
            return true;
        };
        words.any_spelled(text.as_bytes(), Spelling::Mention)
    }
}

/// Whether a file is wanted, given the indices of the names it spells, its
/// text and its module.
type Fits<'a> = dyn Fn(&BTreeSet<usize>, &[u8], &str) -> bool + Sync + 'a;

/// A fn a call may resolve to, as the crate index looks it up: by name,
/// and, for `Type::name` and `module::name`, in the `impl`s of that type
/// or in that module (a file that defines it is that module or spells the
/// type's or inline module's name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Want {
    name: String,
    scope: Option<String>,
}

impl Want {
    /// The fn of these facts: a method by its `Self` type, a free fn by
    /// name alone (a `use` brings it in unqualified).
    fn defined_by(facts: &leaklint_lints::context::follow::FnFacts) -> Want {
        let scope = match facts.key.rsplit_once("::") {
            Some((owner, _)) if facts.is_method => Some(last_segment(owner).to_string()),
            _ => None,
        };
        Want {
            name: last_segment(&facts.key).to_string(),
            scope,
        }
    }

    /// Whether the fn of `facts` may be this one, as the crate index
    /// resolves calls: a free fn for a name alone, else a fn of the scope
    /// (a module's free fn, a type's method).
    fn is(&self, facts: &leaklint_lints::context::follow::FnFacts) -> bool {
        let (owner, name) = facts.key.rsplit_once("::").unwrap_or(("", &facts.key));
        name == self.name
            && match &self.scope {
                None => !facts.is_method,
                Some(scope) => last_segment(owner) == scope,
            }
    }

    /// The fn's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What the call `callee`, made in module `module`, may resolve to;
    /// `None` for a method on a receiver of unknown type, which the crate
    /// index never resolves.
    pub fn of(callee: &Callee, module: &str) -> Option<Want> {
        let (name, scope) = match callee {
            // Resolved with the struct's file ([`LazyCrate::want_of`]).
            Callee::Method(_) | Callee::Field { .. } | Callee::Returned { .. } => return None,
            Callee::Free(Some(m), name) if m == "super" => (name, None),
            Callee::Free(Some(m), name) if m == "self" => (name, Some(module)),
            Callee::Free(Some(m), name) => (name, Some(m.as_str())),
            Callee::Free(None, name) => (name, None),
            Callee::Assoc(key) => match key.rsplit_once("::") {
                Some((owner, name)) => (&name.to_string(), Some(last_segment(owner))),
                None => (key, None),
            },
        };
        Some(Want {
            name: name.to_string(),
            scope: scope.map(str::to_string),
        })
    }
}

impl LazyCrate {
    /// The crate at `root` (a workspace or package directory): its module
    /// trees, read lexically. With `cached`, summaries go through the
    /// crate's cache. Texts are kept while `budget` (bytes) lasts. The
    /// packages named in `test_packages` (the configuration's) are test
    /// code, as test-support packages found by name or use are.
    pub fn scan(
        root: &Path,
        max_nesting: usize,
        cached: bool,
        budget: &Arc<AtomicUsize>,
        test_packages: &[String],
    ) -> LazyCrate {
        let cache = match cached {
            true => SummaryCache::open(root, max_nesting),
            false => SummaryCache::disabled(),
        };
        let mut krate = LazyCrate {
            members: BTreeMap::new(),
            test_files: BTreeSet::new(),
            loaded: BTreeMap::new(),
            fns_by_name: HashMap::new(),
            loaded_order: Vec::new(),
            alone: HashMap::new(),
            complete: false,
            broken: BTreeSet::new(),
            unscanned: BTreeSet::new(),
            mentioned: BTreeSet::new(),
            reexporters_loaded: BTreeSet::new(),
            defined: BTreeSet::new(),
            called: BTreeSet::new(),
            structs: BTreeSet::new(),
            max_nesting,
            cache,
            texts: FastHashMap::default(),
            cached,
            budget: Arc::clone(budget),
            counts: None,
            blocking_files: Vec::new(),
            unsettled: (Vec::new(), Vec::new()),
            indexed: FastHashMap::default(),
            units: BTreeMap::new(),
            library_units: BTreeSet::new(),
            library_callers: HashMap::new(),
            libraries: BTreeSet::new(),
            library_paths: BTreeSet::new(),
            unnamed_roots: BTreeSet::new(),
            library_roots: BTreeSet::new(),
            library_unit_of: BTreeMap::new(),
            library_of: HashMap::new(),
            unit_count: 0,
            places: None,
            spawn_wrappers: Arc::new(SpawnWrappers::new([])),
        };
        if let Some((files, manifests)) = package_files(root) {
            let renames = crate::crate_tree::workspace_renames(&root.join("Cargo.toml"));
            krate.read_trees(&files, &manifests, test_packages, &renames);
        }
        krate
    }

    /// Whether summaries go through the crate's cache.
    pub fn is_cached(&self) -> bool {
        self.cached
    }

    /// Adds the summaries the engine made of linted files (by canonical
    /// path): they replace any made from the disk (the text from standard
    /// input may differ). A file no module tree reaches is its own crate
    /// ([`LazyCrate::alone`]).
    pub fn add_known(&mut self, known: HashMap<PathBuf, CallSummary>) {
        for (path, summary) in known {
            match self.members.get(&path) {
                // Made with the module its path names; a `#[path]` file's
                // module is named by its `mod` (read again when needed).
                Some(module) if *module == summary.module => {
                    self.insert_loaded(path, Some(summary));
                }
                // A library's root, which the engine calls `crate`.
                Some(module)
                    if summary.module == "crate" && self.library_of.get(&path) == Some(module) =>
                {
                    self.insert_loaded(path, Some(summary));
                }
                Some(_) => {}
                None => {
                    self.alone.insert(path, summary);
                }
            }
        }
    }

    /// How many files of the trees spell a blocking call
    /// ([`BLOCKING_WORDS`]), and how many say `async`; `None` if one cannot
    /// be read.
    pub fn file_counts(&mut self) -> Option<(usize, usize)> {
        self.settle_blocking_files();
        self.counts
    }

    /// Adds to the blocking files those that say a name under which the
    /// crate re-exports a blocking call (`pub use std::thread::sleep;` in
    /// `sys.rs`): they may make that call without spelling it.
    fn settle_blocking_files(&mut self) {
        let (aliases, unsettled) = std::mem::take(&mut self.unsettled);
        if unsettled.is_empty() {
            return;
        }
        // The words the cache knows a file spells rule most files out
        // unread (a warm run in tokio read 226 texts for `sleep` alone).
        let says_alias = |path: &Path| {
            (self.indexed.get(path))
                .is_none_or(|known| aliases.iter().any(|a| known.words.may_spell(a)))
                && (self.texts.get(path).cloned())
                    .or_else(|| read_text(path))
                    .is_some_and(|t| aliases.iter().any(|a| spells_word(t.as_bytes(), a)))
        };
        let found: Vec<PathBuf> = unsettled.into_iter().filter(|p| says_alias(p)).collect();
        if found.is_empty() {
            return;
        }
        if let Some((blocking, _)) = &mut self.counts {
            *blocking += found.len();
        }
        self.blocking_files.extend(found);
        self.blocking_files.sort();
    }

    /// Reads the module trees of the packages of `manifests`, whose files
    /// are among `files` (or in directories the walk leaves out).
    fn read_trees(
        &mut self,
        files: &[PathBuf],
        manifests: &[PathBuf],
        test_packages: &[String],
        renames: &HashMap<String, String>,
    ) {
        let max_nesting = self.max_nesting;
        let cache = &self.cache;
        // The texts are searched for names several times: kept up to a
        // budget, read again beyond it.
        let budget = &self.budget;
        let now = std::time::SystemTime::now();
        let read: Vec<ReadFile> = files
            .par_iter()
            .map(|f| {
                let (scanned, text, indexed) = recall_or_scan(f, now, max_nesting, cache);
                let kept = text.filter(|t| {
                    budget
                        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                            left.checked_sub(t.len())
                        })
                        .is_ok()
                });
                // The walk starts at the canonical root and follows no
                // links: its paths are canonical already.
                (f.clone(), scanned, kept, indexed)
            })
            .collect();
        let walked: FastHashSet<PathBuf> = read.iter().map(|(p, _, _, _)| p.clone()).collect();
        let mut scans: FastHashMap<PathBuf, Option<ScannedFile>> = FastHashMap::default();
        for (path, scanned, text, indexed) in read {
            if let Some(text) = text {
                self.texts.insert(path.clone(), text);
            }
            if let Some(indexed) = indexed {
                self.indexed.insert(path.clone(), indexed);
            }
            scans.insert(path, scanned);
        }
        // A warm run whose walk found the files, manifests and `mod`
        // declarations of the last one takes its trees from the cache.
        let walk = (self.cache.is_enabled())
            .then(|| walk_digest(&scans, manifests, test_packages, renames))
            .flatten();
        let stored = (walk.as_ref()).and_then(|(w, _)| self.cache.stored_trees::<TreeSnapshot>(*w));
        let scanned = |path: &Path| recall_or_scan(path, now, max_nesting, cache).0;
        match stored.filter(|s| s.still_holds(now, &scanned)) {
            Some(snapshot) => {
                let walked_files = walk.map(|(_, files)| files).unwrap_or_default();
                self.restore(snapshot, &walked_files);
            }
            None => {
                let snapshot =
                    self.build_trees(&walked, scans, manifests, test_packages, renames, now);
                if let (Some((walk, files)), Some(snapshot)) = (walk, snapshot) {
                    self.cache.store_trees(walk, &snapshot.encode(&files));
                }
            }
        }
        self.keep_module_summaries();
        // Only the files of the trees are searched: the others' texts go
        // back to the budget.
        let (members, mut freed) = (&self.members, 0);
        self.texts.retain(|path, text| {
            let member = members.contains_key(path);
            freed += (!member as usize) * text.len();
            member
        });
        self.budget.fetch_add(freed, Ordering::Relaxed);
    }

    /// Reads the module trees of the packages of `manifests` from the
    /// walked files' `scans` (see [`LazyCrate::read_trees`]), and what the
    /// cache needs to take them from it next time (`None`: they depend on
    /// something it cannot check).
    fn build_trees(
        &mut self,
        walked: &FastHashSet<PathBuf>,
        mut scans: FastHashMap<PathBuf, Option<ScannedFile>>,
        manifests: &[PathBuf],
        test_packages: &[String],
        renames: &HashMap<String, String>,
        now: std::time::SystemTime,
    ) -> Option<Trees> {
        let max_nesting = self.max_nesting;
        let cache = &self.cache;
        // What else than the walk the trees depend on: the directories
        // listed, the files read outside the walk, whether every answer
        // came from those.
        let mut listed_dirs: Vec<PathBuf> = Vec::new();
        // Each as asked, with its path in `scans`.
        let mut outside: Vec<(PathBuf, PathBuf)> = Vec::new();
        let mut exact = scans.values().all(Option::is_some);
        let mut counts = Some((0, 0));
        // Module files that cannot be read or parsed.
        let mut unreadable: Vec<PathBuf> = Vec::new();
        let mut dirs: FastHashMap<PathBuf, PathBuf> = FastHashMap::default();
        // File → the name of the module it is (the last segment of its
        // module path; `crate` for a root) and whether it is test code.
        let mut members: BTreeMap<PathBuf, (String, bool)> = BTreeMap::new();
        let mut libraries: BTreeSet<String> = BTreeSet::new();
        // A library's unit → its name, unless two packages' libraries share it.
        let mut library_names: BTreeMap<usize, String> = BTreeMap::new();
        let mut named_twice: BTreeSet<String> = BTreeSet::new();
        // Per package read, its names and its library's name.
        let mut names: Vec<(NamesBuilder, Option<String>)> = Vec::new();
        let mut module_paths: HashMap<PathBuf, ModulePlace> = HashMap::new();
        let mut packages = crate::packages::PackageNames::default();
        // Per package read: its name, its first unit, its units' count, its
        // library's unit and the packages it depends on.
        let mut dependencies: Vec<PackageUnits> = Vec::new();
        // Per package read: the names it calls renamed dependencies by,
        // with their packages (see `CrateNames::dependency_aliases`).
        let mut renamed: Vec<Vec<(String, String)>> = Vec::new();
        for manifest in manifests {
            let Ok(mut package) = crate::crate_tree::read_package(manifest) else {
                continue;
            };
            // A test-support package (a harness, a mock, a benchmark, one
            // the configuration lists) is test code as a whole: it calls
            // nothing that runs in production.
            if packages.is_test_support(manifest, test_packages) {
                package.targets.iter_mut().for_each(|t| t.test = true);
            }
            let package_index = names.len();
            names.push((NamesBuilder::default(), package.lib_name.clone()));
            // Inherited from the workspace's table (`foo.workspace = true`)
            // or renamed in its own (`foo = { package = "bar-core", … }`).
            let inherited = (package.dependencies.iter())
                .filter_map(|d| Some((d.clone(), renames.get(d)?.clone())));
            renamed.push(
                (package.renamed_dependencies.iter().cloned())
                    .chain(inherited)
                    .collect(),
            );
            // Examples, tests and benches call nothing that runs in
            // production. Those in a test directory are test code by their
            // path; the tree of one declared elsewhere (`[[example]] path =
            // "demo/gc.rs"`) is read to mark its files test code.
            let dir = package.dir.clone();
            package.targets.retain(|t| {
                !t.test
                    || !crate::discover::in_test_dir(t.root.strip_prefix(&dir).unwrap_or(&t.root))
            });
            // A module file in a directory the walk leaves out (`src/tests/`)
            // is read when the tree reaches it.
            let mut load = |path: &Path| {
                let key = walked_or_canonical(path, walked, &mut dirs);
                if !walked.contains(&key) {
                    outside.push((path.to_path_buf(), key.clone()));
                }
                let found = scans
                    .entry(key.clone())
                    .or_insert_with(|| recall_or_scan(path, now, max_nesting, cache).0);
                match found.as_ref().and_then(|s| s.decls.as_ref()) {
                    Some(decls) => Ok(decls.clone()),
                    None if path.is_file() => {
                        unreadable.push(key);
                        Err("cannot be read or parsed".to_string())
                    }
                    None => Err("not found".to_string()),
                }
            };
            let mut tree = crate::crate_tree::module_tree(&package, &mut load);
            exact &= tree.exact;
            listed_dirs.append(&mut tree.listed_dirs);
            if let Some(name) = &package.lib_name {
                if !libraries.insert(name.clone()) {
                    named_twice.insert(name.clone());
                }
                if let Some(lib) = package
                    .targets
                    .iter()
                    .position(|t| t.kind == TargetKind::Lib)
                {
                    library_names.insert(self.unit_count + lib, name.clone());
                }
            }
            // A module file that is missing (a build-script output, another
            // platform's file) calls nothing; one that cannot be read or
            // parsed might: the loader notes that (`unreadable`).
            for file in tree.files {
                let name = file
                    .module
                    .last()
                    .cloned()
                    .unwrap_or_else(|| "crate".to_string());
                let path = walked_or_canonical(&file.path, walked, &mut dirs);
                if !file.test {
                    if let Some(scanned) = scans.get(&path).and_then(Option::as_ref) {
                        names[package_index].0.add_file(
                            &file.module,
                            &scanned.reexports,
                            &scanned.macro_use,
                        );
                    }
                    module_paths
                        .entry(path.clone())
                        .or_insert_with(|| (file.module.clone().into(), package_index));
                }
                let unit = self.unit_count + file.target;
                if package.targets[file.target].kind == TargetKind::Lib {
                    self.library_units.insert(unit);
                }
                self.units.entry(path.clone()).or_default().insert(unit);
                let entry = members.entry(path).or_insert((name, true));
                // Test code only if it is test code everywhere it appears.
                entry.1 &= file.test;
            }
            dependencies.push(PackageUnits {
                name: package.name.clone(),
                units: self.unit_count..self.unit_count + package.targets.len(),
                library: (package.targets.iter())
                    .position(|t| t.kind == TargetKind::Lib)
                    .map(|lib| self.unit_count + lib),
                dependencies: std::mem::take(&mut package.dependencies),
            });
            self.unit_count += package.targets.len();
        }
        self.library_callers = library_callers(&dependencies, renames);
        for (alias, library) in dependency_aliases(&dependencies, &library_names, &renamed) {
            names[alias.0].0.add_dependency_alias(alias.1, library);
        }
        // A library's files (reached by no other tree) name its root by the
        // library's name; calls through the other libraries' names are read
        // as calls of the crate root, as before. A module of the same name
        // (`common::infra` beside the library `infra`) shares its keys, as
        // two same-named modules do.
        for (path, units) in &self.units {
            let [unit] = units.iter().collect::<Vec<_>>()[..] else {
                continue;
            };
            let Some(name) = library_names.get(unit) else {
                continue;
            };
            if !named_twice.contains(name) {
                self.library_of.insert(path.clone(), name.clone());
            }
        }
        self.library_unit_of = (library_names.iter())
            .filter(|(_, name)| !named_twice.contains(*name))
            .map(|(unit, name)| (name.clone(), *unit))
            .collect();
        // Paths below a library's name (`app::util::pause`) are paths into
        // the crate, whatever its modules are named.
        self.library_paths = libraries.clone();
        // In a package's binary, its library's name (`app::util::x`) is a
        // path into the package.
        let names: Vec<Arc<CrateNames>> = (names.into_iter())
            .map(|(n, lib)| Arc::new(n.finish(&lib.into_iter().collect())))
            .collect();
        self.places = names.iter().any(|n| !n.is_empty()).then(|| CratePlaces {
            names: Arc::new(names),
            modules: Arc::new(module_paths),
        });
        libraries.retain(|l| !members.values().any(|(module, _)| module == l));
        self.library_roots = self.library_of.values().cloned().collect();
        self.unnamed_roots = libraries.difference(&self.library_roots).cloned().collect();
        self.libraries = libraries;
        // A file that says a name under which the crate re-exports a
        // blocking call (`pub use std::thread::sleep;` in `sys.rs`) may make
        // that call without spelling it.
        let aliases: Vec<String> = (self.places.iter())
            .flat_map(|p| p.names())
            .flat_map(crate::crate_names::blocking_aliases)
            .collect();
        // Which files say such a name is asked when the blocking fns are
        // (`settle_blocking_files`), not to delay the names the engine
        // waits for.
        let mut unsettled: Vec<PathBuf> = Vec::new();
        let mut wrappers: BTreeSet<String> = BTreeSet::new();
        // `(fn, called name)` of fns that hand a task to a call.
        let mut forwarders: BTreeSet<(String, String)> = BTreeSet::new();
        // `(original, alias)` of the `use … as …` items of the trees.
        let mut renames: BTreeSet<(String, String)> = BTreeSet::new();
        for (path, (mut name, test)) in members {
            if name == "crate" {
                if let Some(library) = self.library_of.get(&path) {
                    name = library.clone();
                }
            }
            if test {
                self.test_files.insert(path);
                continue;
            }
            let scanned = scans.get(&path).and_then(Option::as_ref);
            if scanned.is_none_or(|s| s.decls.is_none()) {
                self.broken.insert(path.clone());
                self.unscanned.insert(path.clone());
            }
            if let Some(s) = scanned {
                wrappers.extend(s.spawn_wrappers.iter().cloned());
                forwarders.extend(s.spawn_forwarders.iter().cloned());
                renames.extend((s.reexports.iter()).filter_map(|u| {
                    let original = u.target.rsplit("::").next()?;
                    (original != u.name).then(|| (original.to_string(), u.name.clone()))
                }));
            }
            let blocks = scanned.is_some_and(|s| s.spells_blocking_call);
            if blocks {
                self.blocking_files.push(path.clone());
            } else if scanned.is_some() && !aliases.is_empty() {
                unsettled.push(path.clone());
            }
            counts = match (counts, scanned) {
                (Some((blocking, any_async)), Some(s)) => Some((
                    blocking + blocks as usize,
                    any_async + s.says_async as usize,
                )),
                _ => None,
            };
            self.members.insert(path, name);
        }
        self.counts = counts;
        self.unsettled = (aliases, unsettled);
        self.complete = true;
        self.broken.extend(unreadable.iter().cloned());
        self.unscanned.extend(unreadable);
        // A fn that hands its task to a wrapper of another file
        // (`health::background` calling `crate::detach(f)`) may be one too,
        // up to four deep as the rules follow them; the crate pass decides.
        for _ in 0..4 {
            let more: Vec<String> = (forwarders.iter())
                .filter(|(f, callee)| wrappers.contains(callee) && !wrappers.contains(f))
                .map(|(f, _)| f.clone())
                .collect();
            if more.is_empty() {
                break;
            }
            wrappers.extend(more);
        }
        // A wrapper imported or re-exported under another name (`pub use
        // bg::detach as background;`) is called by that name, in files that
        // may spell neither the wrapper's name nor `spawn`.
        for _ in 0..crate::spawn_wrappers::MAX_RENAMES {
            let aliases: Vec<String> = (renames.iter())
                .filter(|(original, alias)| {
                    (original.contains("spawn") || wrappers.contains(original))
                        && !wrappers.contains(alias)
                        && alias != "_"
                })
                .map(|(_, alias)| alias.clone())
                .collect();
            if aliases.is_empty() {
                break;
            }
            wrappers.extend(aliases);
        }
        self.spawn_wrappers = Arc::new(
            SpawnWrappers::new(wrappers.iter().cloned())
                .in_crate_with_libraries(&self.library_paths),
        );
        if !exact {
            return None;
        }
        let dirs = (listed_dirs.into_iter())
            .map(|dir| {
                let stamp = dir_stamp(&dir, now)?;
                Some((dir, stamp))
            })
            .collect::<Option<Vec<_>>>()?;
        let outside = (outside.into_iter())
            .map(|(path, key)| {
                let scanned = scans.get(&key)?.as_ref()?;
                Some((path, scanned_digest(scanned)))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Trees {
            dirs,
            outside,
            members: self.members.clone(),
            test_files: self.test_files.clone(),
            complete: self.complete,
            broken: self.unscanned.clone(),
            counts: self.counts,
            blocking_files: self.blocking_files.clone(),
            unsettled: self.unsettled.clone(),
            units: self.units.clone(),
            units_of_libraries: Libraries {
                library_units: self.library_units.clone(),
                library_callers: (self.library_callers.iter())
                    .map(|(unit, callers)| (*unit, callers.clone()))
                    .collect(),
                libraries: self.libraries.clone(),
                library_paths: self.library_paths.clone(),
                unnamed_roots: self.unnamed_roots.clone(),
                library_roots: self.library_roots.clone(),
                library_unit_of: self.library_unit_of.clone(),
                unit_count: self.unit_count,
            },
            library_of: self.library_of.clone(),
            places: self.places.as_ref().map(|places| {
                let names = places.names.iter().map(|n| (**n).clone()).collect();
                let modules = (places.modules.iter())
                    .map(|(path, (module, package))| (path.clone(), module.to_vec(), *package))
                    .collect();
                (names, modules)
            }),
            spawn_wrappers: wrappers,
        })
    }

    /// Takes the module trees, and what the crate scan derived from them,
    /// from a snapshot of an earlier run whose walk was this one's.
    fn restore(&mut self, snapshot: TreeSnapshot, walked_files: &[PathBuf]) {
        let snapshot = snapshot.decode(walked_files);
        self.members = snapshot.members;
        self.test_files = snapshot.test_files;
        self.complete = snapshot.complete;
        self.broken = snapshot.broken.clone();
        self.unscanned = snapshot.broken;
        self.counts = snapshot.counts;
        self.blocking_files = snapshot.blocking_files;
        self.unsettled = snapshot.unsettled;
        self.units = snapshot.units;
        let libraries = snapshot.units_of_libraries;
        self.library_units = libraries.library_units;
        self.library_callers = libraries.library_callers.into_iter().collect();
        self.libraries = libraries.libraries;
        self.library_paths = libraries.library_paths;
        self.unnamed_roots = libraries.unnamed_roots;
        self.library_roots = libraries.library_roots;
        self.library_unit_of = libraries.library_unit_of;
        self.library_of = snapshot.library_of;
        self.unit_count = libraries.unit_count;
        self.places = snapshot.places.map(|(names, modules)| CratePlaces {
            names: Arc::new(names.into_iter().map(Arc::new).collect()),
            modules: Arc::new(
                (modules.into_iter())
                    .map(|(path, module, package)| (path, (module.into(), package)))
                    .collect(),
            ),
        });
        self.spawn_wrappers = Arc::new(
            SpawnWrappers::new(snapshot.spawn_wrappers)
                .in_crate_with_libraries(&self.library_paths),
        );
    }

    /// Keeps in the cache the summaries of the trees' files under the
    /// names of the crate that matter: the scan kept each under its
    /// module's name alone.
    fn keep_module_summaries(&self) {
        let Some(places) = &self.places else {
            return;
        };
        for path in places.modules.keys() {
            if let (Some(known), Some(name), Some(krate)) = (
                self.indexed.get(path),
                self.members.get(path),
                places.in_tree(path),
            ) {
                let key = crate::cache::module_key(name, Some(&krate), &self.spawn_wrappers);
                self.cache.keep(known.digest, &key);
            }
        }
    }

    /// The fns of the trees that may be spawn wrappers named otherwise
    /// than `spawn…`.
    pub fn spawn_wrappers(&self) -> &Arc<SpawnWrappers> {
        &self.spawn_wrappers
    }

    /// How many files the trees have (not test code).
    pub fn file_count(&self) -> usize {
        self.members.len()
    }

    /// The compilation units whose files' fns may call the fns of the file
    /// at `path`: the units its trees reach it from and, for a library's
    /// file, the targets of its package and of the packages that depend on
    /// it (a binary's fns are called only by the binary; a library's only
    /// by what uses it). `None` (any file of the crate) for a file no tree
    /// reaches or a library whose dependents are not known.
    pub fn caller_units(&self, path: &Path) -> Option<BTreeSet<usize>> {
        let units = self.units.get(path)?;
        let mut callers = units.clone();
        for unit in units.iter().filter(|u| self.library_units.contains(u)) {
            callers.extend(self.library_callers.get(unit)?);
        }
        Some(callers)
    }

    /// The unit of each library of the crate, by the library's name (one
    /// that two packages' libraries share is left out).
    pub fn library_units_by_name(&self) -> HashMap<String, usize> {
        (self.library_unit_of.iter())
            .map(|(name, unit)| (name.clone(), *unit))
            .collect()
    }

    /// The compilation units whose trees reach the file at `path` (`None`
    /// for a file no tree reaches).
    pub fn units_of(&self, path: &Path) -> Option<&BTreeSet<usize>> {
        self.units.get(path)
    }

    /// Whether a tree of one of `units` reaches the file at `path`.
    pub fn in_units(&self, path: &Path, units: &BTreeSet<usize>) -> bool {
        self.units
            .get(path)
            .is_some_and(|of| !of.is_disjoint(units))
    }

    /// The files of the trees (not test code) that a target other than a
    /// library reaches: only they can call a library by its name.
    pub fn outside_libraries(&self) -> impl Iterator<Item = &Path> {
        (self.units.iter())
            .filter(|(path, units)| {
                self.members.contains_key(*path)
                    && units.iter().any(|u| !self.library_units.contains(u))
            })
            .map(|(path, _)| path.as_path())
    }

    /// Whether `path` is a file of the trees (not test code).
    pub fn is_member(&self, path: &Path) -> bool {
        self.members.contains_key(path)
    }

    /// Whether every file the decisions so far depend on was read.
    pub fn complete(&self) -> bool {
        self.complete && self.broken.is_empty()
    }

    /// Whether every file that may call the fns of the units `scope` (all
    /// of the crate's files, for `None`) was read and its modules known: a
    /// file whose `mod` items cannot be read may call anything (a file that
    /// cannot be parsed in another package's binary, or in a library
    /// `scope` does not use, calls none of them).
    pub fn complete_within(&self, scope: Option<&BTreeSet<usize>>) -> bool {
        self.complete && !self.unscanned.iter().any(|path| self.within(path, scope))
    }

    /// The files that may call the fns of the units `scope` (all of the
    /// crate's files, for `None`) that were scanned but cannot be parsed:
    /// each may call the fns whose names it spells.
    pub fn unparsed_within(&self, scope: Option<&BTreeSet<usize>>) -> Vec<&PathBuf> {
        (self.broken.iter())
            .filter(|path| !self.unscanned.contains(*path) && self.within(path, scope))
            .collect()
    }

    /// Whether the file at `path` may call the fns of the units `scope`:
    /// a file of a unit outside it (another package's binary, a library
    /// `scope` does not use) calls none of them.
    fn within(&self, path: &Path, scope: Option<&BTreeSet<usize>>) -> bool {
        !matches!((scope, self.units.get(path)),
            (Some(scope), Some(units)) if units.is_disjoint(scope))
    }

    /// The files of the trees found so far that cannot be read or parsed.
    pub fn broken(&self) -> &BTreeSet<PathBuf> {
        &self.broken
    }

    /// Whether the trees were read and every search for callers could be
    /// made, whatever files could not be parsed (see
    /// [`LazyCrate::complete_within`]).
    pub fn searchable(&self) -> bool {
        self.complete
    }

    /// Notes the summary `made` of the file at `path`: `None` when it
    /// cannot be read or parsed.
    fn note_made(&mut self, path: &Path, made: &Option<CallSummary>) {
        if made.is_none() {
            self.broken.insert(path.to_path_buf());
        }
    }

    /// The names of the packages' libraries that no module is named, by
    /// which a binary calls its library (`app::serve()`).
    pub fn libraries(&self) -> &BTreeSet<String> {
        &self.libraries
    }

    /// Keeps the summary made of `path` (`None`: it cannot be read or
    /// parsed), with its paths through the crate's libraries read.
    fn insert_loaded(&mut self, path: PathBuf, mut made: Option<CallSummary>) {
        if let Some(summary) = &mut made {
            summary.read_library_paths(&self.library_paths, &self.unnamed_roots);
            if let Some(library) = self.library_of.get(&path) {
                summary.name_crate_root(library);
            }
        }
        match self.loaded.contains_key(&path) {
            // Replaced (files are loaded once, so rarely): index them all again.
            true => {
                self.loaded.insert(path, made);
                self.fns_by_name.clear();
                self.loaded_order.clear();
                for (path, summary) in &self.loaded {
                    if let Some(summary) = summary {
                        index_fns(&mut self.fns_by_name, &mut self.loaded_order, path, summary);
                    }
                }
            }
            false => {
                if let Some(summary) = &made {
                    index_fns(
                        &mut self.fns_by_name,
                        &mut self.loaded_order,
                        &path,
                        summary,
                    );
                }
                self.loaded.insert(path, made);
            }
        }
    }

    /// The loaded fns that may be `want` (see [`Want::is`]): their place
    /// in [`LazyCrate::fns_by_name`], their files' summaries and their
    /// facts, in the order loaded.
    fn fns_wanted<'a>(&'a self, want: &'a Want) -> impl Iterator<Item = WantedFn<'a>> + 'a {
        self.fns_by_name
            .get(&want.name)
            .into_iter()
            .flatten()
            .filter_map(|&(place, i)| {
                let summary = self.loaded.get(&self.loaded_order[place])?.as_ref()?;
                let facts = summary.fns.get(i)?;
                want.is(facts).then_some(((place, i), summary, facts))
            })
    }

    /// The loaded files' summaries, in path order.
    pub fn summaries(&self) -> impl Iterator<Item = (&PathBuf, &CallSummary)> + Clone {
        self.loaded
            .iter()
            .filter_map(|(p, s)| s.as_ref().map(|s| (p, s)))
    }

    /// The summary of `path`, parsing it if needed.
    pub fn summary_of(&mut self, path: &Path) -> Option<&CallSummary> {
        if !self.loaded.contains_key(path) {
            let module = self.members.get(path)?.clone();
            let krate = self.in_crate(path);
            let wrappers = &self.spawn_wrappers;
            let (max_nesting, cache) = (self.max_nesting, &self.cache);
            let made = summary(path, &module, krate.as_ref(), wrappers, max_nesting, cache);
            self.note_made(path, &made);
            self.insert_loaded(path.to_path_buf(), made);
        }
        self.loaded.get(path)?.as_ref()
    }

    /// Loads the files that may define the fns of `wants` and, from
    /// there, the fns those call, `depth` calls deep.
    pub fn load_callees(&mut self, wants: BTreeSet<Want>, depth: usize) {
        let mut frontier = wants;
        let mut seen: BTreeSet<Want> = BTreeSet::new();
        for _ in 0..=depth {
            frontier.retain(|w| seen.insert(w.clone()));
            if frontier.is_empty() {
                break;
            }
            self.load_unasked(&frontier, Spelling::Definition);
            // A free fn may be re-exported (`pub use worker::run;`): the
            // fns the re-exports name are wanted too, in the same round.
            let targets = self.reexport_targets(&frontier, &mut seen);
            frontier.extend(targets);
            // The calls the fns of the frontier make, each fn once (two
            // wants may name it).
            let mut calls: Vec<(Callee, String)> = Vec::new();
            let mut sites: HashMap<usize, HashMap<(usize, usize), &CallSite>> = HashMap::new();
            let mut done: HashSet<(usize, usize)> = HashSet::new();
            for want in &frontier {
                for (at, summary, facts) in self.fns_wanted(want) {
                    if !done.insert(at) {
                        continue;
                    }
                    let sites = sites.entry(at.0).or_insert_with(|| sites_by_span(summary));
                    for call in &facts.calls {
                        if let Some(site) = sites.get(&(call.start.byte, call.end.byte)) {
                            calls.push((site.callee.clone(), summary.module.clone()));
                        }
                    }
                }
            }
            frontier = self.wants_of(&calls).into_iter().flatten().collect();
        }
    }

    /// The fns that the free fns of `wants` may be re-exports of: the
    /// files of a want's module (of the crate root, for a name alone) that
    /// spell its name are loaded, and each `pub use` of theirs that
    /// re-exports it names a fn (see [`CallSummary::reexports`]).
    fn reexported(&mut self, wants: &BTreeSet<Want>) -> BTreeSet<Want> {
        let free: Vec<(&str, &str)> = wants
            .iter()
            .filter(|w| {
                w.scope
                    .as_deref()
                    .is_none_or(|s| s.starts_with(char::is_lowercase))
            })
            .map(|w| (w.name.as_str(), w.scope.as_deref().unwrap_or("crate")))
            .collect();
        if free.is_empty() {
            return BTreeSet::new();
        }
        // The files that may re-export a fn asked about before are loaded
        // already (a crate pass asks about the same makers call after call).
        let unasked: Vec<(&str, &str)> = (free.iter().copied())
            .filter(|&(n, m)| (self.reexporters_loaded).insert((n.to_string(), m.to_string())))
            .collect();
        if !unasked.is_empty() {
            let names: Vec<String> = unasked.iter().map(|(n, _)| n.to_string()).collect();
            let modules: BTreeSet<String> = unasked.iter().map(|(_, m)| m.to_string()).collect();
            // A name alone may be re-exported by any crate root, a
            // library's named by the library.
            let roots = match modules.contains("crate") {
                true => self.library_roots.clone(),
                false => BTreeSet::new(),
            };
            self.load_spelling(&names, Spelling::Mention, &|_, _, module| {
                modules.contains(module) || roots.contains(module)
            });
        }
        let mut targets = BTreeSet::new();
        for summary in self.loaded.values().flatten() {
            for (name, path) in &summary.reexports {
                let of_module =
                    |m: &str| m == summary.module || (m == "crate" && summary.crate_root);
                if !free.iter().any(|(n, m)| n == name && of_module(m)) {
                    continue;
                }
                let Some((scope, name)) = reexported_fn(path, Some(&summary.module)) else {
                    continue;
                };
                targets.insert(Want {
                    name: name.to_string(),
                    scope: scope.map(str::to_string),
                });
            }
        }
        targets
    }

    /// What each of `calls` (a callee and the module of the call) may
    /// resolve to, as [`LazyCrate::want_of`] says; the files those need are
    /// loaded together, in one read of the crate.
    pub fn wants_of(&mut self, calls: &[(Callee, String)]) -> Vec<Option<Want>> {
        let mut owners: BTreeSet<String> = BTreeSet::new();
        let mut makers: BTreeSet<Want> = BTreeSet::new();
        for (callee, module) in calls {
            match callee {
                Callee::Field { owner, .. } => {
                    owners.insert(owner.clone());
                }
                Callee::Returned { call, .. } => makers.extend(Want::of(call, module)),
                _ => {}
            }
        }
        self.load_struct_definitions(owners);
        self.load_unasked(&makers, Spelling::Definition);
        calls
            .iter()
            .map(|(callee, module)| self.want_of(callee, module))
            .collect()
    }

    /// What the call `callee`, made in module `module`, may resolve to (see
    /// [`Want::of`]); for a method of a struct's field, the type the
    /// crate's struct declares the field with, from the files that define
    /// the struct (loaded here): `None` when that is not one type.
    pub fn want_of(&mut self, callee: &Callee, module: &str) -> Option<Want> {
        let (ty, method) = match callee {
            Callee::Field {
                owner,
                fields,
                method,
            } => (self.field_path_type(owner, fields)?, method),
            Callee::Returned { call, method } => {
                // The type the fn `call` calls declares it returns, from the
                // files that may define it; `call` may itself be a method
                // called on what another call returns
                // (`Worker::builder().build().run()`).
                let made_by = self.want_of(call, module)?;
                let named = BTreeSet::from([made_by]);
                self.load_unasked(&named, Spelling::Definition);
                // Not defined where the path says: a re-export of it
                // (`use crate::make;` of a root's `pub use
                // crate::inner::make;`).
                let makers = match named.iter().any(|w| self.fns_wanted(w).next().is_some()) {
                    true => named,
                    false => self.reexport_targets(&named, &mut named.clone()),
                };
                let types: BTreeSet<&str> = (makers.iter())
                    .flat_map(|made_by| self.fns_wanted(made_by))
                    .map(|(_, _, facts)| facts.returns.as_deref())
                    .collect::<Option<_>>()?;
                let [ty] = types.into_iter().collect::<Vec<_>>()[..] else {
                    return None;
                };
                (ty.to_string(), method)
            }
            _ => return Want::of(callee, module),
        };
        Some(Want {
            name: method.clone(),
            scope: Some(ty),
        })
    }

    /// The fns that re-exports of the free fns of `wants` name (`pub use
    /// worker::run;`), re-export after re-export, at most [`MAX_REEXPORTS`]
    /// deep; each is new to `seen` (and added to it), and the files that
    /// may define it are loaded.
    fn reexport_targets(
        &mut self,
        wants: &BTreeSet<Want>,
        seen: &mut BTreeSet<Want>,
    ) -> BTreeSet<Want> {
        let mut found = BTreeSet::new();
        let mut round = wants.clone();
        for _ in 0..MAX_REEXPORTS {
            let targets: BTreeSet<Want> = (self.reexported(&round).into_iter())
                .filter(|w| seen.insert(w.clone()))
                .collect();
            if targets.is_empty() {
                break;
            }
            self.load_unasked(&targets, Spelling::Definition);
            found.extend(targets.iter().cloned());
            round = targets;
        }
        found
    }

    /// The names of the sync fns of the crate that may block: they make a
    /// blocking call, or call such a fn, `depth` calls deep. A file that
    /// makes a blocking call spells one of [`BLOCKING_WORDS`] (the scan
    /// noted which do); one that calls `Type::name` (or `self.name()` in
    /// `impl Type`) spells `Type`.
    pub fn blocking_fns(&mut self, depth: usize) -> BTreeSet<String> {
        self.settle_blocking_files();
        let mut blocking: BTreeSet<Want> = BTreeSet::new();
        match self.counts {
            Some(_) => {
                // The cache knows the blocking fns of unchanged files: only
                // the others are loaded (and their fns cached). Files loaded
                // already are read below, with the rest of `loaded`.
                let mut load: Vec<(PathBuf, Option<(u128, String)>)> = Vec::new();
                for path in &self.blocking_files {
                    if self.loaded.contains_key(path) {
                        continue;
                    }
                    let known = match (self.indexed.get(path), self.members.get(path)) {
                        (Some(indexed), Some(module)) => {
                            let krate = self.in_crate(path);
                            let wrappers = &self.spawn_wrappers;
                            let key = crate::cache::module_key(module, krate.as_ref(), wrappers);
                            Some((indexed.digest, key))
                        }
                        _ => None,
                    };
                    let stored = known.as_ref().and_then(|(digest, module)| {
                        self.cache.stored_blocking_fns::<Vec<Want>>(*digest, module)
                    });
                    match stored {
                        Some(wants) => blocking.extend(wants),
                        None => load.push((path.clone(), known)),
                    }
                }
                self.load_files(load.iter().map(|(path, _)| path.clone()).collect());
                for (path, known) in &load {
                    if let (Some(Some(summary)), Some((digest, module))) =
                        (self.loaded.get(path), known)
                    {
                        self.cache
                            .store_blocking_fns(*digest, module, &blocking_defs(summary));
                    }
                }
            }
            // A file could not be read: search those that could.
            None => {
                let words: Vec<String> = BLOCKING_WORDS.iter().map(|w| w.to_string()).collect();
                self.load_spelling(&words, Spelling::Anywhere, &|_, _, _| true);
            }
        }
        for summary in self.loaded.values().flatten() {
            blocking.extend(blocking_defs(summary));
        }
        let mut frontier = blocking.clone();
        for _ in 1..depth {
            if frontier.is_empty() {
                break;
            }
            self.load_unasked(&frontier, Spelling::Mention);
            let names: BTreeSet<&str> = frontier.iter().map(|w| w.name.as_str()).collect();
            let mut next = BTreeSet::new();
            for summary in self.loaded.values().flatten() {
                let sites = sites_by_span(summary);
                for facts in &summary.fns {
                    if facts.is_async {
                        continue;
                    }
                    let calls_blocking = facts.calls.iter().any(|c| {
                        sites
                            .get(&(c.start.byte, c.end.byte))
                            .is_some_and(|s| names.contains(s.callee.name()))
                    });
                    let want = Want::defined_by(facts);
                    if calls_blocking && !blocking.contains(&want) {
                        next.insert(want);
                    }
                }
                // A re-export that renames one (`pub use util::pause as
                // settle;`): its callers call it by the new name.
                for alias in renaming_aliases(summary, |name| names.contains(name)) {
                    let want = Want {
                        name: alias.clone(),
                        scope: None,
                    };
                    if !blocking.contains(&want) {
                        next.insert(want);
                    }
                }
            }
            blocking.extend(next.iter().cloned());
            frontier = next;
        }
        blocking.into_iter().map(|w| w.name).collect()
    }

    /// Loads the files that spell any of `names` (a field's readers).
    pub fn load_mentions(&mut self, names: BTreeSet<String>) {
        let new: Vec<String> = names
            .into_iter()
            .filter(|n| !self.mentioned.contains(n))
            .collect();
        self.load_spelling(&new, Spelling::Mention, &|_, _, _| true);
        // A file that may define the fn spells its name.
        self.defined.extend(new.iter().map(|name| Want {
            name: name.clone(),
            scope: None,
        }));
        self.mentioned.extend(new);
    }

    /// Loads the files that may call the fns named `names`, and those that
    /// may call their callers, `levels` levels up (`None`: up to the fns
    /// nothing calls).
    pub fn load_callers(
        &mut self,
        names: BTreeSet<String>,
        levels: Option<usize>,
    ) -> BTreeSet<String> {
        let mut frontier = names;
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut level = 0;
        loop {
            frontier.retain(|n| seen.insert(n.clone()));
            if frontier.is_empty() || levels.is_some_and(|l| level > l) {
                break;
            }
            self.load_mentions(frontier.clone());
            self.load_libraries_called(&frontier);
            let mut next = BTreeSet::new();
            for summary in self.loaded.values().flatten() {
                for site in &summary.calls {
                    if !frontier.contains(site.callee.name()) {
                        continue;
                    }
                    if let Caller::Fn(key) = &site.caller {
                        next.insert(last_segment(key).to_string());
                    }
                }
                // In a closure handed to a fn: that fn decides where the
                // closure runs.
                for closure in &summary.closure_calls {
                    let called = summary.calls.get(closure.call);
                    if called.is_some_and(|site| frontier.contains(site.callee.name())) {
                        next.insert(closure.higher.name().to_string());
                    }
                }
                // A fn handed by name to another (`init_protocol("ftp",
                // init_ftp)`): the fn it is handed to decides whether it
                // is called there, and the fn handing it is its caller.
                for value in &summary.fn_values {
                    if !frontier.contains(value.site.callee.name()) {
                        continue;
                    }
                    next.insert(value.higher.name().to_string());
                    if let Caller::Fn(key) = &value.site.caller {
                        next.insert(last_segment(key).to_string());
                    }
                }
                // A re-export that renames a fn (`pub use heartbeat::start
                // as start_heartbeat;`): its callers spell the new name.
                next.extend(renaming_aliases(summary, |name| frontier.contains(name)).cloned());
                // A `macro_rules!` that calls `$ty::name`: its invocations
                // name the types, wherever they are.
                for (mac, method) in &summary.macro_methods {
                    if frontier.contains(method) {
                        next.insert(mac.clone());
                    }
                }
            }
            frontier = next;
            level += 1;
        }
        seen
    }

    /// Loads the roots of the libraries through which the loaded files call
    /// fns named `names` (`cronkit::start()`): the root says whether it
    /// re-exports a module's fn of the name (`pub use heartbeat::*;`), which
    /// its text need not spell.
    fn load_libraries_called(&mut self, names: &BTreeSet<String>) {
        let libraries: BTreeSet<&str> = (self.loaded.values().flatten())
            .flat_map(|s| &s.calls)
            .filter_map(|site| match &site.callee {
                Callee::Free(Some(module), name) if names.contains(name) => Some(module.as_str()),
                _ => None,
            })
            .filter(|module| self.library_roots.contains(*module))
            .collect();
        let roots: Vec<PathBuf> = (self.library_of.iter())
            .filter(|(path, name)| {
                libraries.contains(name.as_str()) && !self.loaded.contains_key(*path)
            })
            .map(|(path, _)| path.clone())
            .collect();
        if !roots.is_empty() {
            self.load_files(roots);
        }
    }

    /// The type the chain of fields `fields` of a value of type `owner`
    /// ends in, from the files that define each struct on the way (loaded
    /// here): `None` when a hop is not one type.
    fn field_path_type(&mut self, owner: &str, fields: &[String]) -> Option<String> {
        let mut ty = owner.to_string();
        for field in fields {
            self.load_struct_definitions([ty.clone()].into());
            let structs = self.summaries().flat_map(|(_, s)| &s.struct_fields);
            ty = field_type(structs, &ty, field)?.0.to_string();
        }
        Some(ty)
    }

    /// Loads the definitions of the structs whose fields' methods named in
    /// `methods` the loaded files call (`services.cluster.start()`, and
    /// each struct on the way of `self.inner.cluster.start()`), so that
    /// such a call is known for a call of the field's type's method.
    pub fn load_field_owners(&mut self, methods: &BTreeSet<String>) {
        let chains: BTreeSet<(String, Vec<String>)> = self
            .loaded
            .values()
            .flatten()
            .flat_map(|s| &s.calls)
            .filter_map(|site| match &site.callee {
                Callee::Field {
                    owner,
                    fields,
                    method,
                } if methods.contains(method) => Some((owner.clone(), fields.clone())),
                _ => None,
            })
            .collect();
        // The first hops of all together, in one read of the crate.
        self.load_struct_definitions(chains.iter().map(|(owner, _)| owner.clone()).collect());
        // Then each struct further on the way (resolving a chain loads the
        // definitions of every struct a field of it is read from).
        for (owner, fields) in chains.iter().filter(|(_, fields)| fields.len() > 1) {
            self.field_path_type(owner, fields);
        }
    }

    /// Loads every file that may define one of the structs `owners` not
    /// loaded before (see [`LazyCrate::structs_loaded`]).
    fn load_struct_definitions(&mut self, owners: BTreeSet<String>) {
        let new: Vec<String> = owners
            .into_iter()
            .filter(|o| self.structs.insert(o.clone()))
            .collect();
        self.load_spelling(&new, Spelling::StructDefinition, &|_, _, _| true);
    }

    /// The structs every possible definition of which is loaded.
    pub fn structs_loaded(&self) -> &BTreeSet<String> {
        &self.structs
    }

    /// [`LazyCrate::load_scoped`] for the `wants` not asked for before with
    /// this spelling (as definitions, or as callees of a resolvable call).
    fn load_unasked(&mut self, wants: &BTreeSet<Want>, spelling: Spelling) {
        let asked = match spelling {
            Spelling::Definition => &mut self.defined,
            _ => &mut self.called,
        };
        let new: Vec<Want> = wants
            .iter()
            .filter(|w| asked.insert((*w).clone()))
            .cloned()
            .collect();
        self.load_scoped(&new, spelling);
    }

    /// Parses the files that spell one of `wants` as `spelling` says and,
    /// for a scoped one, are its module or spell its scope.
    fn load_scoped(&mut self, wants: &[Want], spelling: Spelling) {
        let names: Vec<String> = wants
            .iter()
            .map(|w| w.name.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let scopes: Vec<String> = wants
            .iter()
            .filter_map(|w| w.scope.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let scope_words = NameSearch::new(&scopes);
        // For each want, its name's and scope's pattern indices.
        let indexed: Vec<(usize, Option<usize>)> = wants
            .iter()
            .map(|w| {
                let name = names.binary_search(&w.name).unwrap_or(usize::MAX);
                let scope = w.scope.as_ref().and_then(|s| scopes.binary_search(s).ok());
                (name, scope)
            })
            .collect();
        // `crate::name` in a file of two targets' trees may be a library's
        // root, named by the library.
        let roots = match scopes.iter().any(|s| s == "crate") {
            true => self.library_roots.clone(),
            false => BTreeSet::new(),
        };
        let fits = |defined: &BTreeSet<usize>, text: &[u8], module: &str| {
            let mut mentioned: Option<BTreeSet<usize>> = None;
            indexed.iter().any(|&(name, scope)| {
                if !defined.contains(&name) {
                    return false;
                }
                let Some(scope) = scope else {
                    return true;
                };
                if scopes[scope] == module || (scopes[scope] == "crate" && roots.contains(module)) {
                    return true;
                }
                let Some(words) = &scope_words else {
                    return true;
                };
                mentioned
                    .get_or_insert_with(|| words.spelled(text, Spelling::Mention))
                    .contains(&scope)
            })
        };
        self.load_spelling(&names, spelling, &fits);
    }

    /// Parses the files of the trees, not yet loaded, that spell some of
    /// `names` as `spelling` says and for which `fits` holds (given the
    /// indices of the names spelled, the text and the module).
    fn load_spelling(&mut self, names: &[String], spelling: Spelling, fits: &Fits<'_>) {
        if names.is_empty() {
            return;
        }
        let Some(words) = NameSearch::new(names) else {
            self.complete = false;
            return;
        };
        let candidates: Vec<(&PathBuf, &String)> = self
            .members
            .iter()
            .filter(|(p, _)| !self.loaded.contains_key(*p))
            .collect();
        let (max_nesting, cache, texts) = (self.max_nesting, &self.cache, &self.texts);
        let (indexed, wrappers) = (&self.indexed, &*self.spawn_wrappers);
        let in_crate = |path: &Path| self.in_crate(path);
        let found: Vec<(PathBuf, Option<Option<CallSummary>>)> = candidates
            .par_iter()
            .filter_map(|(path, module)| {
                // The words the cache knows a file spells rule most files
                // out unread (a name that is not one word rules out none).
                let known = indexed.get(*path);
                let may_spell = |known: &Indexed| names.iter().any(|n| known.words.may_spell(n));
                if !matches!(spelling, Spelling::Anywhere) && known.is_some_and(|k| !may_spell(k)) {
                    return None;
                }
                let text = match texts.get(*path) {
                    Some(text) => text.clone(),
                    // Unreadable (or not UTF-8): it may call anything.
                    None => match read_text(path) {
                        Some(text) => text,
                        None => return Some(((*path).clone(), None)),
                    },
                };
                let matched = words.spelled(text.as_bytes(), spelling);
                (!matched.is_empty() && fits(&matched, text.as_bytes(), module)).then(|| {
                    let krate = in_crate(path);
                    let krate = krate.as_ref();
                    let made = summary_of_text(&text, module, krate, wrappers, max_nesting, cache);
                    ((*path).clone(), Some(made))
                })
            })
            .collect();
        for (path, made) in found {
            match made {
                Some(made) => {
                    self.note_made(&path, &made);
                    self.insert_loaded(path, made);
                }
                None => {
                    self.broken.insert(path);
                }
            }
        }
    }

    /// Parses the files of `paths` (files of the trees) not yet loaded.
    fn load_files(&mut self, paths: Vec<PathBuf>) {
        let (max_nesting, cache, members) = (self.max_nesting, &self.cache, &self.members);
        let (loaded, wrappers) = (&self.loaded, &*self.spawn_wrappers);
        let made: Vec<(PathBuf, Option<CallSummary>)> = paths
            .into_par_iter()
            .filter(|p| !loaded.contains_key(p))
            .filter_map(|p| {
                let module = members.get(&p)?;
                let krate = self.in_crate(&p);
                let stored = || {
                    let known = self.indexed.get(&p)?;
                    let key = crate::cache::module_key(module, krate.as_ref(), wrappers);
                    cache.stored_summary(known.digest, &key)
                };
                let krate = krate.as_ref();
                let made = match self.texts.get(&p) {
                    Some(text) => {
                        summary_of_text(text, module, krate, wrappers, max_nesting, cache)
                    }
                    None => match stored() {
                        Some(made) => made,
                        None => summary(&p, module, krate, wrappers, max_nesting, cache),
                    },
                };
                Some((p, made))
            })
            .collect();
        for (path, made) in made {
            self.note_made(&path, &made);
            self.insert_loaded(path, made);
        }
    }

    /// What the crate says of names and where its files are
    /// ([`CratePlaces`]), or `None` when nothing in it changes how a path
    /// resolves.
    pub fn places(&self) -> Option<CratePlaces> {
        self.places.clone()
    }

    /// The place in the crate of its file at `path` (see [`InCrate`]):
    /// `None` when nothing in the crate changes how a path resolves, or the
    /// file is not in its trees.
    pub fn in_crate(&self, path: &Path) -> Option<InCrate> {
        self.places.as_ref()?.in_tree(path)
    }

    /// Writes the summaries made to the crate's cache.
    pub fn save(mut self) {
        std::mem::replace(&mut self.cache, SummaryCache::disabled()).save();
    }
}

impl Drop for LazyCrate {
    /// Gives the kept texts' bytes back to the run's budget.
    fn drop(&mut self) {
        let kept: usize = self.texts.values().map(|t| t.len()).sum();
        self.budget.fetch_add(kept, Ordering::Relaxed);
    }
}

/// `path` as the walk found it, when it did (its paths are canonical), else
/// made canonical (a `#[path]` with `..`, a file outside the walk), with
/// `dirs` memoizing canonical directories.
fn walked_or_canonical(
    path: &Path,
    walked: &FastHashSet<PathBuf>,
    dirs: &mut FastHashMap<PathBuf, PathBuf>,
) -> PathBuf {
    match walked.contains(path) {
        true => path.to_path_buf(),
        false => crate::crate_tree::canonical_file(path, dirs),
    }
}

/// The text of the file at `path` without its byte-order mark, if it can
/// be read as UTF-8.
fn read_text(path: &Path) -> Option<Arc<str>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(Arc::from(crate::text::strip_bom(&text)))
}

/// What the scan reads in the file at `path` (`None`: it cannot be read),
/// its text if it was read, and what the cache knows of its text: recalled
/// from the cache when the file's stamp is the one recorded (then the file
/// is not read), else scanned (and recorded, with a cache). `now` is when
/// the run started looking at files.
fn recall_or_scan(
    path: &Path,
    now: std::time::SystemTime,
    max_nesting: usize,
    cache: &SummaryCache,
) -> (Option<ScannedFile>, Option<Arc<str>>, Option<Indexed>) {
    let stamp = match cache.is_enabled() {
        true => std::fs::metadata(path)
            .ok()
            .and_then(|m| FileStamp::of(&m, now)),
        false => None,
    };
    if let Some(record) = stamp.and_then(|s| cache.file_record(path, s)) {
        cache.keep(record.digest, &module_name(path));
        let indexed = Indexed {
            digest: record.digest,
            words: record.words,
        };
        return (Some(record.scanned), None, Some(indexed));
    }
    let Some(text) = read_text(path) else {
        return (None, None, None);
    };
    let (scanned, indexed) = scan(path, &text, max_nesting, cache);
    if let (Some(stamp), Some(known)) = (stamp, &indexed) {
        let record = FileRecord {
            stamp,
            digest: known.digest,
            scanned: scanned.clone(),
            words: known.words.clone(),
        };
        cache.record_file(path, &record);
    }
    (Some(scanned), Some(text), indexed)
}

/// What the scan reads in the file at `path` whose text is `text`, and
/// (with a cache) what the cache is to know of the text; through `cache`,
/// which also keeps the file's summary (as the module its path names) when
/// this run does not need it.
fn scan(
    path: &Path,
    text: &str,
    max_nesting: usize,
    cache: &SummaryCache,
) -> (ScannedFile, Option<Indexed>) {
    let compute = || {
        let items = scan_items(text, max_nesting);
        let (reexports, macro_use) = match &items {
            Some(items) => (items.reexports.clone(), items.macro_use.clone()),
            None => (Vec::new(), Vec::new()),
        };
        // A bug in the scan must not cost the run: the file then names no
        // wrapper (its callers are read as before).
        let (spawn_wrappers, spawn_forwarders) =
            std::panic::catch_unwind(|| crate::spawn_wrappers::scan(text)).unwrap_or_default();
        ScannedFile {
            decls: items.map(|i| i.decls),
            reexports,
            macro_use,
            spells_blocking_call: spells_blocking_call(text.as_bytes()),
            says_async: says_async(text.as_bytes()),
            spawn_wrappers,
            spawn_forwarders,
        }
    };
    if !cache.is_enabled() {
        return (compute(), None);
    }
    let digest = crate::cache::digest(text);
    cache.keep(digest, &module_name(path));
    let indexed = Indexed {
        digest,
        words: WordFilter::of(text.as_bytes()),
    };
    (cache.scanned(digest, compute), Some(indexed))
}

/// What a file's module-level items tell the crate (its `mod`
/// declarations, its `pub use` items) from its text: lexically, or by the
/// parser where only it can tell.
fn scan_items(text: &str, max_nesting: usize) -> Option<FileItems> {
    // A bug in the scan must not cost the run: the file then reads as one
    // that cannot be parsed (nothing is decided as moot through it).
    let scanned = std::panic::catch_unwind(|| crate::mod_scan::file_items(text));
    proc_macro2::extra::invalidate_current_thread_spans();
    match scanned {
        Ok(Some(decls)) => return Some(decls),
        Ok(None) => {}
        Err(_) => return None,
    }
    // A macro in item position that may declare modules: the parser decides.
    let parsed = match crate::nesting::scan(text, max_nesting).first_too_deep {
        Some(_) => None,
        None => std::panic::catch_unwind(|| {
            let file = syn::parse_file(&crate::code::without_line_doc_comments(text)).ok()?;
            Some(crate::mod_scan::file_items_of(&file))
        })
        .ok()
        .flatten(),
    };
    proc_macro2::extra::invalidate_current_thread_spans();
    // A file that cannot be parsed (a line half typed in an editor) and
    // never says `mod` declares no module: its tree is known, and it is
    // read as one that may call the fns whose names it spells. What its
    // `pub use` items bind is not known; a call through one of them is
    // not resolved.
    parsed.or_else(|| {
        (!crate::crate_names::spells_word(text.as_bytes(), "mod")).then(FileItems::default)
    })
}

/// A file's call sites by the byte range of the call expression.
pub fn sites_by_span(summary: &CallSummary) -> HashMap<(usize, usize), &CallSite> {
    summary
        .calls
        .iter()
        .map(|c| ((c.span.start.byte, c.span.end.byte), c))
        .collect()
}

/// The sync fns of a file that make a blocking call themselves.
fn blocking_defs(summary: &CallSummary) -> Vec<Want> {
    summary
        .fns
        .iter()
        .filter(|facts| {
            !facts.is_async && (facts.blocking.is_some() || facts.blocking_file_io.is_some())
        })
        .map(Want::defined_by)
        .collect()
}

/// One package of a crate's trees, for [`library_callers`].
struct PackageUnits {
    name: String,
    /// Its targets' units.
    units: std::ops::Range<usize>,
    /// Its library's unit, if it has a library.
    library: Option<usize>,
    /// The packages it depends on (see `Package::dependencies`).
    dependencies: BTreeSet<String>,
}

/// Per library unit of `packages`, the units that may call its fns: its
/// own package's and those of every package that depends on it, directly
/// or through others. A dependency is matched by package name (`-` and `_`
/// alike), through the workspace's `renames` when inherited; a name two
/// packages share is a dependency on both.
fn library_callers(
    packages: &[PackageUnits],
    renames: &HashMap<String, String>,
) -> HashMap<usize, BTreeSet<usize>> {
    let normal = |name: &str| name.replace('_', "-");
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, package) in packages.iter().enumerate() {
        by_name.entry(normal(&package.name)).or_default().push(i);
    }
    // Package → the packages that depend on it directly.
    let mut dependents: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); packages.len()];
    for (j, package) in packages.iter().enumerate() {
        for dependency in &package.dependencies {
            let renamed = renames.get(dependency);
            for name in std::iter::once(dependency).chain(renamed) {
                for &i in by_name.get(&normal(name)).into_iter().flatten() {
                    if i != j {
                        dependents[i].insert(j);
                    }
                }
            }
        }
    }
    let mut callers = HashMap::new();
    for (i, package) in packages.iter().enumerate() {
        let Some(library) = package.library else {
            continue;
        };
        let mut seen = BTreeSet::from([i]);
        let mut todo = vec![i];
        while let Some(k) = todo.pop() {
            for &j in &dependents[k] {
                if seen.insert(j) {
                    todo.push(j);
                }
            }
        }
        let units = seen
            .iter()
            .flat_map(|&k| packages[k].units.clone())
            .collect();
        callers.insert(library, units);
    }
    callers
}

/// Per package of `packages` (by index), the names its code calls the
/// libraries of other packages by where its manifest renames them
/// (`renamed`: `(key, package)`), with each library's own name (`libraries`:
/// by unit): `((package, alias), library)`. A package named twice, or a
/// rename that keeps the library's name, gives none.
fn dependency_aliases(
    packages: &[PackageUnits],
    libraries: &BTreeMap<usize, String>,
    renamed: &[Vec<(String, String)>],
) -> Vec<((usize, String), String)> {
    let normal = |name: &str| name.replace('-', "_");
    let mut library_of: HashMap<String, Option<&String>> = HashMap::new();
    for package in packages {
        let library = package.library.and_then(|unit| libraries.get(&unit));
        library_of
            .entry(normal(&package.name))
            .and_modify(|twice| *twice = None)
            .or_insert(library);
    }
    let mut aliases = Vec::new();
    for (index, renames) in renamed.iter().enumerate() {
        for (key, package) in renames {
            let (alias, Some(Some(library))) = (normal(key), library_of.get(&normal(package)))
            else {
                continue;
            };
            if alias != **library {
                aliases.push(((index, alias), (*library).clone()));
            }
        }
    }
    aliases
}

/// The last `::` segment of a fn key: its name.
pub fn last_segment(key: &str) -> &str {
    key.rsplit("::").next().unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(
        name: &str,
        units: std::ops::Range<usize>,
        lib: bool,
        deps: &[&str],
    ) -> PackageUnits {
        PackageUnits {
            name: name.to_string(),
            library: lib.then_some(units.start),
            units,
            dependencies: deps.iter().map(|d| d.to_string()).collect(),
        }
    }

    #[test]
    fn renamed_dependencies_name_the_library() {
        let packages = [
            package("bar-core", 0..1, true, &[]),
            package("app", 1..2, true, &["bar-core"]),
            package("twin", 2..3, true, &[]),
            package("twin", 3..4, true, &[]),
        ];
        let libraries = BTreeMap::from([
            (0, "bar_core".to_string()),
            (1, "app".to_string()),
            (2, "twin".to_string()),
            (3, "twin".to_string()),
        ]);
        let renamed = [
            vec![],
            vec![
                ("foo".to_string(), "bar-core".to_string()),
                // Renamed to the library's own name: no alias.
                ("bar_core".to_string(), "bar-core".to_string()),
                // Two packages of the name: which one is not known.
                ("t".to_string(), "twin".to_string()),
                // Not a package of the workspace.
                ("hyper0".to_string(), "hyper".to_string()),
            ],
            vec![],
            vec![],
        ];
        assert_eq!(
            dependency_aliases(&packages, &libraries, &renamed),
            [((1, "foo".to_string()), "bar_core".to_string())]
        );
    }

    #[test]
    fn a_library_is_called_by_its_package_and_what_depends_on_it() {
        // core ← store ← api (through store), tool ← nothing; report apart.
        let packages = [
            package("core", 0..1, true, &[]),
            package("acme_store", 1..3, true, &["core"]),
            package("api", 3..5, false, &["db"]),
            package("report", 5..7, true, &["serde"]),
            package("core", 7..8, true, &[]),
        ];
        let renames = HashMap::from([("db".to_string(), "acme-store".to_string())]);
        let callers = library_callers(&packages, &renames);
        let units = |lib: usize| callers[&lib].iter().copied().collect::<Vec<_>>();
        // Two packages named `core`: a dependency on the name is on both.
        assert_eq!(units(0), [0, 1, 2, 3, 4]);
        assert_eq!(units(7), [1, 2, 3, 4, 7]);
        assert_eq!(units(1), [1, 2, 3, 4]);
        assert_eq!(units(5), [5, 6]);
        assert!(!callers.contains_key(&3));
    }
}
