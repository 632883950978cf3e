//! The summary cache: `.leaklint_cache/` at the root of a crate.
//!
//! Deciding a finding that waits for the crate ([`crate::callers`]) needs
//! the [`CallSummary`] of every Rust file of its workspace or package, and
//! computing one means parsing the file. Linting one staged file inside a
//! large crate would parse the whole crate on every run; instead each
//! file's summary is kept, keyed by a hash of what it is computed from, in
//! `.leaklint_cache/summaries.bin` at the root the crate pass reads (ruff's
//! `.ruff_cache` approach). A lone file (no `Cargo.toml` above it) is its
//! own crate and is not cached: it is parsed once per run anyway, and a
//! cache directory next to it would litter whatever directory it is in.
//!
//! **Key.** An entry's key is a 128-bit xxh3 hash of the file's module
//! name (see [`crate::callers::module_name`]) and its text's hash
//! ([`digest`]). Everything
//! else a summary depends on is the same for the whole file and is stamped
//! in its header: [`SCHEMA`], leaklint's version, `max_nesting`, and the
//! size and modification time of the running executable, so that a rebuilt
//! leaklint (whose analysis may have changed without a version bump) never
//! trusts summaries made by another build. A file written with another
//! stamp is ignored and rewritten.
//!
//! Summaries are keyed by the text, so finding one means reading the file.
//! A warm run need not: for each file whose size, modification and
//! status-change times and inode are those a run saw (its [`FileStamp`]),
//! the cache holds a [`FileRecord`] (the text's hash, the `mod`
//! declarations and blocking words the crate scan found in it, and a
//! [`WordFilter`] of the words it spells), keyed by the file's path. The
//! crate scan then reads only the files whose stamp changed, and the
//! search for the files that spell a name reads only those whose filter
//! says they may. A file changed in the last two seconds is always read and
//! not recorded (two writes within a timestamp's resolution could leave
//! the same stamp).
//!
//! **Module trees.** A crate's module trees, and the names and places the
//! crate scan derives from them (`tree_snapshot::TreeSnapshot`), are kept too,
//! keyed by a digest of its walk: every walked file's path and what the
//! scan read in it (its `mod` declarations, re-exports, spawn wrappers,
//! blocking words), the manifests' texts and the options. An edit that
//! changes none of those (most edits) keeps them. What else the trees
//! read is checked on every use: the stamps of the directories they
//! listed (an entry added, removed or renamed changes them) and what the
//! scan reads in the module files outside the walk (generated code a
//! `.gitignore` hides). Trees that followed a link or met a directory
//! they could not list, or read a directory changed in the last two
//! seconds, are not kept.
//!
//! **One file per crate**, not one per source file: a warm run reads one
//! file instead of opening hundreds (measured in BENCHMARKS.md), and
//! pruning is free: each write keeps exactly the entries this run used, so
//! entries of deleted or edited files disappear and the file stays as large
//! as the crate's summaries. A run in which every entry was found and used
//! writes nothing.
//!
//! **Safety.** The cache is an optimisation and is never trusted:
//! * the header carries the payload's length and xxh3 checksum; a file that
//!   is truncated, has garbage appended or differs in one byte is treated as
//!   empty, and an entry that does not deserialize (exactly, to its end) is
//!   recomputed;
//! * writes go to a temporary file in the cache directory, renamed over
//!   `summaries.bin`: concurrent runs see the old file or the new one,
//!   never half of one (the last writer wins; both wrote correct entries);
//! * any I/O error (a read-only or full disk, a cache path that is a file)
//!   means no cache for that crate, silently: the output is the same.
//!
//! The directory holds a `CACHEDIR.TAG` (backup tools skip it) and a
//! `.gitignore` of `*` (git ignores it without configuration).

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use crate::crate_load::ScannedFile;
use crate::spawn_wrappers::SpawnWrappers;
use crate::word_filter::WordFilter;
use leaklint_lints::context::crate_names::InCrate;
use leaklint_lints::context::entry::CallSummary;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_128, xxh3_64, Xxh3};

/// The name of the cache directory at the root of a crate.
pub const DIR_NAME: &str = ".leaklint_cache";

/// The cache file in [`DIR_NAME`].
const FILE_NAME: &str = "summaries.bin";

/// The version of the cache's layout and of the summary types it stores;
/// bump it when either changes (a new leaklint build is told apart anyway,
/// see the module documentation, so this is a second line of defence).
pub const SCHEMA: u32 = 112;

/// The first bytes of a cache file.
const MAGIC: &[u8; 8] = b"LLCACHE\0";

/// Header: magic, stamp (u64), payload length (u64), payload checksum (u64).
const HEADER_LEN: usize = MAGIC.len() + 3 * 8;

/// Temporary files older than this are left over by a killed run: removed.
const STALE_TEMP: Duration = Duration::from_secs(3600);

/// The contents of `CACHEDIR.TAG` (see <https://bford.info/cachedir/>).
const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by leaklint.\n\
# For information about cache directory tags see https://bford.info/cachedir/\n";

/// An entry's key: see the module documentation.
type Key = u128;

/// The module name under which what the crate scan reads in a file is
/// cached: not a Rust identifier, so never a real module's.
const SCAN: &str = "<scan>";

/// What [`blocking_key`] puts before a module's name: the blocking fns of
/// a file are kept apart from its summary.
const BLOCKING: &str = "<blocking>";

/// The module name under which a crate's module trees are cached (see
/// [`SummaryCache::stored_trees`]).
const TREES: &str = "<trees>";

/// What [`record_key`] hashes before a path: keys of records and of
/// summaries never meet.
const RECORD: &str = "<file>";

/// How recently a file may have changed for its [`FileStamp`] to be
/// trusted: a file written twice within the resolution of its file
/// system's timestamps could keep its stamp (git's "racy clean" case).
const RACY: Duration = Duration::from_secs(2);

/// What a file's metadata says about its text: its size, modification and
/// status-change times and inode. When all are unchanged the text is taken
/// as unchanged (git's index makes the same bet); any write changes the
/// status-change time, which no tool sets back. (Off Unix there is no
/// status-change time or inode: size and modification time alone.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    len: u64,
    modified: (i64, i64),
    changed: (i64, i64),
    inode: u64,
}

impl FileStamp {
    /// The stamp of a file whose metadata is `meta`, if its times are at
    /// two seconds older than `now` (a file changed more recently is
    /// read: its stamp could stay the same through another write).
    pub fn of(meta: &fs::Metadata, now: SystemTime) -> Option<FileStamp> {
        FileStamp::of_entry(meta, meta.is_file(), now)
    }

    /// The stamp of a directory whose metadata is `meta`, if its times are
    /// settled as [`FileStamp::of`] requires: they change when an entry is
    /// added, removed or renamed in it.
    pub fn of_dir(meta: &fs::Metadata, now: SystemTime) -> Option<FileStamp> {
        FileStamp::of_entry(meta, meta.is_dir(), now)
    }

    /// The stamp of an entry of the kind asked for (`kind`), if settled.
    fn of_entry(meta: &fs::Metadata, kind: bool, now: SystemTime) -> Option<FileStamp> {
        let newest_trusted = now.checked_sub(RACY)?;
        let settled = |t: SystemTime| t <= newest_trusted;
        if !kind || !settled(meta.modified().ok()?) {
            return None;
        }
        FileStamp::of_settled(meta, &settled)
    }

    #[cfg(unix)]
    fn of_settled(meta: &fs::Metadata, settled: &dyn Fn(SystemTime) -> bool) -> Option<FileStamp> {
        use std::os::unix::fs::MetadataExt;
        let changed = SystemTime::UNIX_EPOCH
            .checked_add(Duration::new(u64::try_from(meta.ctime()).ok()?, 0))?;
        settled(changed).then_some(FileStamp {
            len: meta.len(),
            modified: (meta.mtime(), meta.mtime_nsec()),
            changed: (meta.ctime(), meta.ctime_nsec()),
            inode: meta.ino(),
        })
    }

    #[cfg(not(unix))]
    fn of_settled(meta: &fs::Metadata, _: &dyn Fn(SystemTime) -> bool) -> Option<FileStamp> {
        let since = meta
            .modified()
            .ok()?
            .duration_since(SystemTime::UNIX_EPOCH)
            .ok()?;
        Some(FileStamp {
            len: meta.len(),
            modified: (since.as_secs() as i64, i64::from(since.subsec_nanos())),
            changed: (0, 0),
            inode: 0,
        })
    }
}

/// What the cache knows of a file whose [`FileStamp`] is unchanged, so
/// that a warm run need not read it: its text's [`digest`] (which finds
/// its summary), what the crate scan read in it, and the words it spells.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileRecord {
    pub stamp: FileStamp,
    pub digest: u128,
    pub scanned: ScannedFile,
    pub words: WordFilter,
}

/// Where the bytes of an entry used by this run are.
enum Entry {
    /// In the file read at the start, at this range.
    Stored(Range<usize>),
    /// Computed by this run.
    Fresh(Vec<u8>),
}

/// The summaries of one crate's files, read from its cache file, and those
/// used or computed by this run (written back by [`SummaryCache::save`]).
/// [`SummaryCache::summary`] may be called from many threads at once.
pub struct SummaryCache {
    /// The cache directory; `None`: no cache.
    dir: Option<PathBuf>,
    /// The header's stamp for this build and settings.
    stamp: u64,
    /// The cache file as read (empty if absent or not valid).
    bytes: Vec<u8>,
    /// The entries of `bytes`, by key.
    stored: HashMap<Key, Range<usize>>,
    /// The entries this run used or computed, by key.
    used: Mutex<BTreeMap<Key, Entry>>,
    /// Whether the file on disk needs rewriting: an entry was computed, or
    /// a stored one did not deserialize.
    changed: AtomicBool,
}

impl SummaryCache {
    /// No cache: every summary is computed.
    pub fn disabled() -> SummaryCache {
        SummaryCache {
            dir: None,
            stamp: 0,
            bytes: Vec::new(),
            stored: HashMap::new(),
            used: Mutex::new(BTreeMap::new()),
            changed: AtomicBool::new(false),
        }
    }

    /// The cache of the crate at directory `root`, for summaries computed
    /// with `max_nesting`. A missing, unreadable or invalid cache file
    /// reads as empty.
    pub fn open(root: &Path, max_nesting: usize) -> SummaryCache {
        let dir = root.join(DIR_NAME);
        let stamp = stamp(max_nesting);
        let bytes = fs::read(dir.join(FILE_NAME)).unwrap_or_default();
        let (bytes, stored) = match entries(&bytes, stamp) {
            Some(stored) => (bytes, stored),
            None => (Vec::new(), HashMap::new()),
        };
        SummaryCache {
            dir: Some(dir),
            stamp,
            bytes,
            stored,
            used: Mutex::new(BTreeMap::new()),
            changed: AtomicBool::new(false),
        }
    }

    /// The summary of the file whose text is `text` and whose module is
    /// `module`: the cached one, else `compute()`'s (then cached). `None`
    /// (a file that does not parse) is cached too.
    pub fn summary(
        &self,
        text: &str,
        module: &str,
        compute: impl FnOnce() -> Option<CallSummary>,
    ) -> Option<CallSummary> {
        if self.dir.is_none() {
            return compute();
        }
        self.cached(key(digest(text), module), compute)
    }

    /// The cached summary of the file whose text's [`digest`] is `digest`,
    /// as module `module`, if there is one (`Some(None)`: a file that does
    /// not parse).
    pub fn stored_summary(&self, digest: u128, module: &str) -> Option<Option<CallSummary>> {
        self.stored_value(key(digest, module))
    }

    /// The cached sync fns of the file whose text's [`digest`] is `digest`,
    /// as module `module`, that make a blocking call (see
    /// `LazyCrate::blocking_fns`): a warm run finds a crate's blocking fns
    /// without decoding the summaries of every file that spells a
    /// blocking call, most of which define none.
    pub fn stored_blocking_fns<T: DeserializeOwned>(
        &self,
        digest: u128,
        module: &str,
    ) -> Option<T> {
        self.stored_value(blocking_key(digest, module))
    }

    /// Caches [`SummaryCache::stored_blocking_fns`] of a file.
    pub fn store_blocking_fns<T: Serialize>(&self, digest: u128, module: &str, value: &T) {
        self.store_value(blocking_key(digest, module), value);
    }

    /// What the crate scan reads in the file whose text's [`digest`] is
    /// `digest` (its `mod` declarations, the words it spells): the cached value, else
    /// `compute()`'s (then cached). The crate pass scans every file on
    /// every run; a warm cache saves lexing and searching them.
    pub fn scanned(&self, digest: u128, compute: impl FnOnce() -> ScannedFile) -> ScannedFile {
        if self.dir.is_none() {
            return compute();
        }
        self.cached(key(digest, SCAN), compute)
    }

    /// Whether entries are read and kept (not [`SummaryCache::disabled`]).
    pub fn is_enabled(&self) -> bool {
        self.dir.is_some()
    }

    /// The record of the file at `path` if its stamp is still `stamp`.
    pub fn file_record(&self, path: &Path, stamp: FileStamp) -> Option<FileRecord> {
        self.stored_value(record_key(path))
            .filter(|record: &FileRecord| record.stamp == stamp)
    }

    /// Records what this run read in the file at `path` (see
    /// [`FileRecord`]).
    pub fn record_file(&self, path: &Path, record: &FileRecord) {
        self.store_value(record_key(path), record);
    }

    /// The stored module trees of a crate whose walk hashed to `walk` (see
    /// `LazyCrate::read_trees`), if they decode.
    pub fn stored_trees<T: DeserializeOwned>(&self, walk: u128) -> Option<T> {
        self.stored_value(key(walk, TREES))
    }

    /// Caches [`SummaryCache::stored_trees`].
    pub fn store_trees<T: Serialize>(&self, walk: u128, value: &T) {
        self.store_value(key(walk, TREES), value);
    }

    /// Keeps the summary of the file whose text's [`digest`] is `digest`
    /// as module `module` in the cache file, if it is there (and its
    /// blocking fns), though this run did not need it: the crate pass parses only the files its
    /// findings lead to, so an entry unused by one run is not stale.
    pub fn keep(&self, digest: u128, module: &str) {
        for key in [key(digest, module), blocking_key(digest, module)] {
            if let Some(range) = self.stored.get(&key) {
                if let Ok(mut used) = self.used.lock() {
                    used.entry(key).or_insert(Entry::Stored(range.clone()));
                }
            }
        }
    }

    /// Stores `value` as the entry `key`, computed by this run (nothing
    /// without a cache, or if it cannot be encoded).
    fn store_value<T: Serialize>(&self, key: Key, value: &T) {
        if self.dir.is_none() {
            return;
        }
        if let Ok(encoded) = postcard::to_allocvec(value) {
            self.use_entry(key, Entry::Fresh(encoded));
            self.changed.store(true, Ordering::Relaxed);
        }
    }

    /// The stored value of the entry `key`, if it decodes (then kept).
    fn stored_value<T: DeserializeOwned>(&self, key: Key) -> Option<T> {
        let range = self.stored.get(&key)?;
        let value = decode(&self.bytes[range.clone()])?;
        self.use_entry(key, Entry::Stored(range.clone()));
        Some(value)
    }

    /// The value of the entry `key`, else `compute()`'s (then cached).
    fn cached<T: Serialize + DeserializeOwned>(&self, key: Key, compute: impl FnOnce() -> T) -> T {
        if let Some(value) = self.stored_value(key) {
            return value;
        }
        let value = compute();
        // If it cannot be encoded, it is not cached (and a stored entry for
        // it is pruned on save).
        if let Ok(encoded) = postcard::to_allocvec(&value) {
            self.use_entry(key, Entry::Fresh(encoded));
        }
        self.changed.store(true, Ordering::Relaxed);
        value
    }

    fn use_entry(&self, key: Key, entry: Entry) {
        if let Ok(mut used) = self.used.lock() {
            used.insert(key, entry);
        }
    }

    /// Writes the entries this run used back, when they differ from the
    /// file read: some were computed, or some stored ones were not used
    /// (their files changed or are gone). Errors are ignored.
    pub fn save(self) {
        let Some(dir) = &self.dir else { return };
        let Ok(used) = self.used.into_inner() else {
            return;
        };
        if !self.changed.load(Ordering::Relaxed) && used.len() == self.stored.len() {
            return;
        }
        let mut payload = Vec::new();
        for (key, entry) in &used {
            let bytes = match entry {
                Entry::Stored(range) => &self.bytes[range.clone()],
                Entry::Fresh(bytes) => bytes.as_slice(),
            };
            let Ok(len) = u32::try_from(bytes.len()) else {
                continue;
            };
            payload.extend_from_slice(&key.to_le_bytes());
            payload.extend_from_slice(&len.to_le_bytes());
            payload.extend_from_slice(bytes);
        }
        let _ = write(dir, self.stamp, &payload);
    }
}

/// The header stamp: everything a summary depends on besides its file's
/// module and text (see the module documentation).
fn stamp(max_nesting: usize) -> u64 {
    let mut hasher = Xxh3::new();
    hasher.update(MAGIC);
    hasher.update(&SCHEMA.to_le_bytes());
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(&[0]);
    hasher.update(&(max_nesting as u64).to_le_bytes());
    let exe = std::env::current_exe().and_then(fs::metadata);
    if let Ok(meta) = exe {
        hasher.update(&meta.len().to_le_bytes());
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        hasher.update(&modified.to_le_bytes());
    }
    hasher.digest()
}

/// The hash of a file's text by which its entries are found.
pub fn digest(text: &str) -> u128 {
    xxh3_128(text.as_bytes())
}

/// The key of the entry of the file whose text's [`digest`] is `digest`,
/// as module `module`.
/// The key of a file's blocking fns (see [`SummaryCache::stored_blocking_fns`]).
fn blocking_key(digest: u128, module: &str) -> Key {
    key(digest, &format!("{BLOCKING}{module}"))
}

fn key(digest: u128, module: &str) -> Key {
    let mut hasher = Xxh3::new();
    hasher.update(&(module.len() as u64).to_le_bytes());
    hasher.update(module.as_bytes());
    hasher.update(&digest.to_le_bytes());
    hasher.digest128()
}

/// What a file's summary is cached under beside its text: its module's
/// name, what its crate says of names (see [`InCrate`]) when that can
/// change how its paths resolve, the crate's spawn wrappers named
/// otherwise than `spawn…` (a call of one starts a task in the summary),
/// and the names of its packages' libraries (through which a call may be
/// of a wrapper of another package).
pub fn module_key(module: &str, krate: Option<&InCrate>, wrappers: &SpawnWrappers) -> String {
    let (names, libraries) = (wrappers.names(), wrappers.libraries());
    if krate.is_none() && names.is_empty() && libraries.is_empty() {
        return module.to_string();
    }
    let mut hasher = Xxh3::new();
    if let Some(krate) = krate {
        hasher.update(&krate.names.digest.to_le_bytes());
        for part in krate.module.iter() {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
    }
    if !names.is_empty() {
        hasher.update(b"\0wrappers");
        for name in names.iter() {
            hasher.update(&(name.len() as u64).to_le_bytes());
            hasher.update(name.as_bytes());
        }
    }
    // Calls through the crate's libraries' names may be of its wrappers.
    if !libraries.is_empty() {
        hasher.update(b"\0libraries");
        for name in libraries {
            hasher.update(&(name.len() as u64).to_le_bytes());
            hasher.update(name.as_bytes());
        }
    }
    format!("{module}\n{:032x}", hasher.digest128())
}

/// The key of the [`FileRecord`] of the file at `path`.
fn record_key(path: &Path) -> Key {
    let mut hasher = Xxh3::new();
    hasher.update(RECORD.as_bytes());
    hasher.update(path.as_os_str().as_encoded_bytes());
    hasher.digest128()
}

/// A stored entry's value, if its bytes are exactly one encoded `T`.
fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    match postcard::take_from_bytes::<T>(bytes) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

/// The entries of a cache file, if its header matches `stamp` and its
/// payload its length and checksum.
fn entries(file: &[u8], stamp: u64) -> Option<HashMap<Key, Range<usize>>> {
    let (header, payload) = file.split_at_checked(HEADER_LEN)?;
    let (magic, numbers) = header.split_at(MAGIC.len());
    let number = |i: usize| u64::from_le_bytes(numbers[i * 8..i * 8 + 8].try_into().unwrap());
    if magic != MAGIC || number(0) != stamp || number(1) != payload.len() as u64 {
        return None;
    }
    if number(2) != xxh3_64(payload) {
        return None;
    }
    let mut entries = HashMap::new();
    let mut at = HEADER_LEN;
    while at < file.len() {
        let key = Key::from_le_bytes(file.get(at..at + 16)?.try_into().ok()?);
        let len = u32::from_le_bytes(file.get(at + 16..at + 20)?.try_into().ok()?) as usize;
        let start = at + 20;
        file.get(start..start + len)?;
        entries.insert(key, start..start + len);
        at = start + len;
    }
    Some(entries)
}

/// Writes a cache file of `payload` into `dir` (created, with its tag and
/// `.gitignore`, if missing): to a temporary file, then renamed over the
/// cache file.
fn write(dir: &Path, stamp: u64, payload: &[u8]) -> std::io::Result<()> {
    if !dir.is_dir() {
        fs::create_dir_all(dir)?;
    }
    let tag = dir.join("CACHEDIR.TAG");
    if !tag.is_file() {
        fs::write(&tag, CACHEDIR_TAG)?;
        fs::write(dir.join(".gitignore"), "# Created by leaklint.\n*\n")?;
    }
    remove_stale_temporaries(dir);
    let unique = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let temp = dir.join(format!("{FILE_NAME}.{}.{unique}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(MAGIC)?;
        file.write_all(&stamp.to_le_bytes())?;
        file.write_all(&(payload.len() as u64).to_le_bytes())?;
        file.write_all(&xxh3_64(payload).to_le_bytes())?;
        file.write_all(payload)?;
        drop(file);
        fs::rename(&temp, dir.join(FILE_NAME))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Removes temporary files that a killed run left behind (those of running
/// runs are younger than [`STALE_TEMP`]).
fn remove_stale_temporaries(dir: &Path) {
    let Ok(read) = fs::read_dir(dir) else { return };
    let now = SystemTime::now();
    for entry in read.flatten() {
        let name = entry.file_name();
        if !name.to_string_lossy().ends_with(".tmp") {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > STALE_TEMP);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some_summary(module: &str) -> Option<CallSummary> {
        Some(CallSummary {
            module: module.to_string(),
            ..CallSummary::default()
        })
    }

    fn some_record(stamp: FileStamp, digest: u128) -> FileRecord {
        FileRecord {
            stamp,
            digest,
            scanned: crate::crate_load::ScannedFile::default(),
            words: WordFilter::of(b"fn run() {}"),
        }
    }

    #[test]
    fn a_file_changed_in_the_last_seconds_has_no_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.rs");
        fs::write(&path, "fn a() {}").unwrap();
        let meta = fs::metadata(&path).unwrap();
        assert_eq!(FileStamp::of(&meta, SystemTime::now()), None);
        let later = SystemTime::now() + RACY + Duration::from_millis(100);
        assert!(FileStamp::of(&meta, later).is_some());
        // A directory has none.
        let meta = fs::metadata(dir.path()).unwrap();
        assert_eq!(FileStamp::of(&meta, later), None);
    }

    #[test]
    fn a_record_is_found_by_path_and_stamp_and_survives_a_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.rs");
        fs::write(&path, "fn a() {}").unwrap();
        let later = SystemTime::now() + RACY + Duration::from_millis(100);
        let stamp = FileStamp::of(&fs::metadata(&path).unwrap(), later).unwrap();
        let cache = SummaryCache::open(dir.path(), 10);
        assert!(cache.file_record(&path, stamp).is_none());
        cache.record_file(&path, &some_record(stamp, 7));
        cache.save();

        let cache = SummaryCache::open(dir.path(), 10);
        let found = cache.file_record(&path, stamp).expect("recorded");
        assert_eq!(found.digest, 7);
        assert!(found.words.may_spell("run"));
        // Another stamp (the file was written since) or path: not found.
        let other = FileStamp {
            len: stamp.len + 1,
            ..stamp
        };
        assert!(cache.file_record(&path, other).is_none());
        assert!(cache.file_record(&dir.path().join("b.rs"), stamp).is_none());
        // A summary is found by the digest of its text.
        cache.summary("fn a() {}", "a", || some_summary("a"));
        assert_eq!(
            cache.stored_summary(digest("fn a() {}"), "a"),
            None,
            "computed by this run, not stored yet"
        );
        cache.save();
        let cache = SummaryCache::open(dir.path(), 10);
        assert_eq!(
            cache.stored_summary(digest("fn a() {}"), "a"),
            Some(some_summary("a"))
        );
        assert_eq!(cache.stored_summary(digest("fn a() {}"), "b"), None);
        // The record was used by the run that found it: it was kept.
        assert!(cache.file_record(&path, stamp).is_some());
    }

    #[test]
    fn an_entry_is_found_by_text_and_module_and_survives_a_save() {
        let dir = tempfile::tempdir().unwrap();
        let cache = SummaryCache::open(dir.path(), 10);
        let computed = cache.summary("fn a() {}", "a", || some_summary("a"));
        assert_eq!(computed, some_summary("a"));
        cache.save();
        let cache = SummaryCache::open(dir.path(), 10);
        assert_eq!(
            cache.summary("fn a() {}", "a", || panic!("computed again")),
            some_summary("a")
        );
        // Another module or text is another entry; other settings another file.
        assert_eq!(cache.summary("fn a() {}", "b", || None), None);
        assert_eq!(cache.summary("fn a() { }", "a", || None), None);
        let other = SummaryCache::open(dir.path(), 11);
        assert_eq!(other.summary("fn a() {}", "a", || None), None);
    }

    #[test]
    fn unused_entries_are_pruned_and_an_unchanged_cache_is_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let cache = SummaryCache::open(dir.path(), 10);
        cache.summary("a", "a", || some_summary("a"));
        cache.summary("b", "b", || some_summary("b"));
        cache.save();
        let file = dir.path().join(DIR_NAME).join(FILE_NAME);
        let both = fs::read(&file).unwrap();

        let cache = SummaryCache::open(dir.path(), 10);
        cache.summary("a", "a", || unreachable!());
        cache.summary("b", "b", || unreachable!());
        fs::remove_file(&file).unwrap();
        cache.save();
        assert!(!file.exists(), "nothing changed: not written");

        fs::write(&file, &both).unwrap();
        let cache = SummaryCache::open(dir.path(), 10);
        cache.summary("a", "a", || unreachable!());
        cache.save();
        let cache = SummaryCache::open(dir.path(), 10);
        assert_eq!(cache.stored.len(), 1);
        assert_eq!(cache.summary("b", "b", || None), None);
    }

    #[test]
    fn a_damaged_file_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let cache = SummaryCache::open(dir.path(), 10);
        cache.summary("a", "a", || some_summary("a"));
        cache.save();
        let file = dir.path().join(DIR_NAME).join(FILE_NAME);
        let good = fs::read(&file).unwrap();
        let stamp = stamp(10);
        assert_eq!(entries(&good, stamp).map(|e| e.len()), Some(1));
        for cut in 0..good.len() {
            assert!(entries(&good[..cut], stamp).is_none(), "truncated at {cut}");
        }
        for i in 0..good.len() {
            let mut bad = good.clone();
            bad[i] ^= 0x40;
            assert!(entries(&bad, stamp).is_none(), "byte {i} flipped");
        }
        let mut longer = good.clone();
        longer.push(0);
        assert!(entries(&longer, stamp).is_none());
    }

    #[test]
    fn a_stored_entry_that_does_not_decode_is_recomputed_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let cache_dir = dir.path().join(DIR_NAME);
        let mut payload = key(digest("a"), "a").to_le_bytes().to_vec();
        payload.extend_from_slice(&3u32.to_le_bytes());
        payload.extend_from_slice(b"\xff\xff\xff");
        write(&cache_dir, stamp(10), &payload).unwrap();
        let cache = SummaryCache::open(dir.path(), 10);
        assert_eq!(cache.stored.len(), 1, "the file itself is valid");
        assert_eq!(
            cache.summary("a", "a", || some_summary("a")),
            some_summary("a")
        );
        cache.save();
        let cache = SummaryCache::open(dir.path(), 10);
        assert_eq!(
            cache.summary("a", "a", || panic!("computed again")),
            some_summary("a")
        );
    }

    #[test]
    fn an_entry_that_does_not_decode_exactly_is_recomputed() {
        let encoded = postcard::to_allocvec(&some_summary("a")).unwrap();
        assert_eq!(decode(&encoded), Some(some_summary("a")));
        assert_eq!(
            decode::<Option<CallSummary>>(&encoded[..encoded.len() - 1]),
            None
        );
        let mut longer = encoded.clone();
        longer.push(0);
        assert_eq!(decode::<Option<CallSummary>>(&longer), None);
    }
}
