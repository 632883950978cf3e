//! From configuration files and command-line overrides to the [`Config`] of
//! each linted file.
//!
//! The configuration of a file is the nearest one found by walking up from
//! the file's directory: in each directory `leaklint.toml`, `.leaklint.toml`
//! or a `Cargo.toml` with a `[package.metadata.leaklint]` or
//! `[workspace.metadata.leaklint]` table (two of them in one directory are
//! an error). That configuration is the end of a *chain* of layers, lowest
//! precedence first:
//!
//! * the configuration it names with `extend = "path"` (and so on, first);
//! * for a member crate's `[package.metadata.leaklint]`, the workspace
//!   root's `[workspace.metadata.leaklint]` (with its own `extend`s), unless
//!   the package table says `inherit = false`;
//! * the configuration itself.
//!
//! Each layer is applied in order: first the values at the top of its table,
//! then those of its `[[overrides]]` entries whose `files` match the file.
//! A key set by a later layer replaces the earlier value; `[rules]` and
//! `[options]` are merged key by key. Command-line levels apply on top:
//! `--select` first, then `-A`/`-W`/`-D` in the order given (`all` names
//! every rule), then `-D warnings` / `-A warnings`.
//! `--config PATH` starts the chain at PATH for everything, `--no-config`
//! uses none.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use leaklint_lints::{Level, Lint};

use crate::config::Config;
use crate::config_file::{self, ConfigError, FileSettings, Table, Values};
use crate::rules;
use crate::suggest::hint;

/// The names of configuration files, in the order they are looked for in a directory.
pub const CONFIG_NAMES: &[&str] = &["leaklint.toml", ".leaklint.toml", "Cargo.toml"];

/// The name that stands for every rule in `-A`/`-W`/`-D` (clippy's spelling).
pub const ALL: &str = "all";
/// The name that stands for every warning in `-D`/`-A`/`-W` (`-D warnings`:
/// every rule at `warn` or above is denied; `-A warnings` silences warnings).
pub const WARNINGS: &str = "warnings";

/// What the command line says about rules, on top of configuration files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `--select`: only these rules run.
    pub select: Option<Vec<String>>,
    /// `-A`, `-W`, `-D` in command-line order; later ones win.
    pub levels: Vec<(Level, String)>,
    /// `--require-reason`.
    pub require_reason: bool,
    /// `--include-tests`.
    pub include_tests: bool,
    /// `--no-cache` (or `LEAKLINT_NO_CACHE`): what turned the cache off.
    pub no_cache: Option<&'static str>,
}

impl Overrides {
    /// Checks that every rule named exists; the error suggests the closest name.
    pub fn validate(&self) -> Result<(), String> {
        let names = rules::names();
        let flag_of = |level: &Level| match level {
            Level::Allow => "-A",
            Level::Warn => "-W",
            Level::Deny => "-D",
        };
        let named = self
            .select
            .iter()
            .flatten()
            .map(|n| ("--select", n))
            .chain(self.levels.iter().map(|(level, n)| (flag_of(level), n)));
        for (flag, name) in named {
            let group = flag != "--select" && (name == ALL || name == WARNINGS);
            if !group && rules::find(name).is_none() {
                let groups = if flag == "--select" {
                    ""
                } else {
                    "; `all` names every rule and `warnings` every warning"
                };
                return Err(format!(
                    "unknown rule `{name}` given to {flag}{} (see --list-rules{groups})",
                    hint(&rules::canonical(name), &names)
                ));
            }
        }
        Ok(())
    }
}

/// Where each effective value came from, by key (`rules.RULE`,
/// `options.KEY`, or the key): a configuration file and line, or the
/// command line. Keys at their default are absent.
pub type Origins = BTreeMap<String, String>;

/// A layer of a chain with the `[[overrides]]` entries of it that apply.
type Layer<'a> = (&'a FileSettings, Vec<usize>);

/// The configuration of a file: settings from its configuration file (if
/// any, without the layers it inherits) with `overrides` applied.
pub fn effective(settings: Option<&FileSettings>, overrides: &Overrides) -> Config {
    let layers: Vec<Layer<'_>> = settings.into_iter().map(|s| (s, Vec::new())).collect();
    effective_layers(&layers, overrides).0
}

/// The configuration given by `layers` (lowest precedence first, each with
/// the indices of its overrides that apply) and the command line, and where
/// each value came from.
pub fn effective_layers(layers: &[Layer<'_>], overrides: &Overrides) -> (Config, Origins) {
    let all: Vec<Lint> = rules::all().copied().collect();
    let mut config = Config::with_lints(&all);
    let mut origins = Origins::new();
    let mut require_reason = false;
    for (settings, matched) in layers {
        let file = config_file::shown(&settings.path);
        apply(
            &mut config,
            &mut origins,
            &mut require_reason,
            &settings.values,
            &|line| format!("{file}:{line}"),
        );
        for &i in matched {
            let o = &settings.overrides[i];
            let globs = o.globs.join("\", \"");
            apply(
                &mut config,
                &mut origins,
                &mut require_reason,
                &o.values,
                &|line| format!("{file}:{line} ([[overrides]] files = [\"{globs}\"])"),
            );
        }
    }
    if overrides.require_reason {
        require_reason = true;
        origins.insert("require_reason".into(), "--require-reason".into());
    }
    if overrides.include_tests {
        config.include_tests = true;
        origins.insert("include_tests".into(), "--include-tests".into());
    }
    if let Some(origin) = overrides.no_cache {
        config.cache = false;
        origins.insert("cache".into(), origin.into());
    }
    config.require_reason = require_reason;
    if require_reason {
        let name = rules::SUPPRESSION_WITHOUT_REASON.name;
        if level_of(&config, name) == Level::Allow {
            set(&mut config, name, Level::Warn);
            origins.insert(format!("rules.{name}"), "require_reason".into());
        }
    }
    if let Some(select) = &overrides.select {
        for l in &mut config.lints {
            let key = format!("rules.{}", l.lint.name);
            if !select.iter().any(|s| rules::canonical(s) == l.lint.name) {
                if l.level != Level::Allow {
                    origins.insert(key, "not in --select".into());
                }
                l.level = Level::Allow;
            } else if l.level == Level::Allow {
                l.level = match l.lint.default_level {
                    Level::Allow => Level::Warn,
                    level => level,
                };
                origins.insert(key, "--select".into());
            }
        }
    }
    let flag = |level: Level| match level {
        Level::Allow => "-A",
        Level::Warn => "-W",
        Level::Deny => "-D",
    };
    let mut warnings = None;
    for (level, name) in &overrides.levels {
        if name == WARNINGS {
            warnings = Some(*level);
        } else if name == ALL {
            for l in &mut config.lints {
                l.level = *level;
                origins.insert(
                    format!("rules.{}", l.lint.name),
                    format!("{} all", flag(*level)),
                );
            }
        } else if let Some(lint) = rules::find(name) {
            set(&mut config, lint.name, *level);
            origins.insert(
                format!("rules.{}", lint.name),
                format!("{} {}", flag(*level), lint.name),
            );
        }
    }
    if let Some(level @ (Level::Deny | Level::Allow)) = warnings {
        for l in &mut config.lints {
            if l.level == Level::Warn {
                l.level = level;
                origins.insert(
                    format!("rules.{}", l.lint.name),
                    format!("{} warnings", flag(level)),
                );
            }
        }
    }
    (config, origins)
}

fn set(config: &mut Config, name: &str, level: Level) {
    if let Some(l) = config.lints.iter_mut().find(|l| l.lint.name == name) {
        l.level = level;
    }
}

fn level_of(config: &Config, name: &str) -> Level {
    config
        .lints
        .iter()
        .find(|l| l.lint.name == name)
        .map_or(Level::Allow, |l| l.level)
}

/// Applies the values one table sets.
fn apply(
    config: &mut Config,
    origins: &mut Origins,
    require_reason: &mut bool,
    values: &Values,
    origin: &dyn Fn(usize) -> String,
) {
    let mut note = |key: &str| {
        if let Some(&line) = values.lines.get(key) {
            origins.insert(key.to_string(), origin(line));
        }
    };
    for &(name, level) in &values.levels {
        set(config, name, level);
        note(&format!("rules.{name}"));
    }
    let defaults = leaklint_lints::LintOptions::default();
    if let Some(n) = values.large_value_bytes {
        config.options.large_value_bytes = n;
        note("options.large_value_bytes");
    }
    if let Some(list) = &values.spawn_functions {
        config.options.spawn_functions = defaults.spawn_functions.clone();
        config.options.spawn_functions.extend(list.iter().cloned());
        note("options.spawn_functions");
    }
    if let Some(list) = &values.guard_functions {
        config.options.guard_functions = defaults.guard_functions.clone();
        config.options.guard_functions.extend(list.iter().cloned());
        note("options.guard_functions");
    }
    if let Some(depth) = values.call_depth {
        config.options.call_depth = depth;
        note("options.call_depth");
    }
    if let Some(report) = values.report_process_lifetime {
        config.options.report_process_lifetime = report;
        note("options.process_lifetime");
    }
    if let Some(report) = values.report_helper_file_io {
        config.options.report_helper_file_io = report;
        note("options.helper_file_io");
    }
    if let Some(b) = values.require_reason {
        *require_reason = b;
        note("require_reason");
    }
    if let Some(b) = values.include_tests {
        config.include_tests = b;
        note("include_tests");
    }
    if let Some(n) = values.max_file_bytes {
        config.max_file_bytes = n;
        note("max_file_bytes");
    }
    if let Some(list) = &values.test_packages {
        config.test_packages = list.clone();
        note("test_packages");
    }
    if let Some(b) = values.cache {
        config.cache = b;
        note("cache");
    }
}

/// A configuration chain: indices into [`Resolver::loaded`], lowest precedence first.
pub type Chain = Vec<usize>;

/// Finds and caches the configuration chain of each linted path.
#[derive(Debug, Default)]
pub struct Resolver {
    /// `--no-config`.
    no_config: bool,
    /// Every configuration table loaded so far.
    loaded: Vec<FileSettings>,
    /// (absolute path, table) → index in `loaded`.
    by_file: HashMap<(PathBuf, Table), usize>,
    /// Every chain built so far, indexed by what [`Resolver::resolve`] returns.
    chains: Vec<Chain>,
    /// `--config`: the index of the chain used for everything.
    explicit: Option<usize>,
    /// Directory → the index of its nearest configuration's chain, if any.
    by_dir: HashMap<PathBuf, Option<usize>>,
}

impl Resolver {
    /// A resolver honouring `--config PATH` (loaded now) and `--no-config`.
    pub fn new(config: Option<&Path>, no_config: bool) -> Result<Resolver, ConfigError> {
        let mut resolver = Resolver {
            no_config,
            ..Resolver::default()
        };
        if let Some(path) = config {
            let absolute = absolute(path);
            let table = if config_file::is_cargo_toml(path) {
                None
            } else {
                Some(Table::File)
            };
            let index = resolver
                .load(&absolute, table)?
                .ok_or_else(|| ConfigError {
                    file: crate::discover::display_path(path),
                    line: None,
                    message: "no [package.metadata.leaklint] or [workspace.metadata.leaklint] \
                          table in this Cargo.toml"
                        .to_string(),
                })?;
            let chain = resolver.chain_of(index)?;
            resolver.explicit = Some(chain);
        }
        Ok(resolver)
    }

    /// Every configuration table loaded.
    pub fn loaded(&self) -> &[FileSettings] {
        &self.loaded
    }

    /// The tables of chain `index` (as returned by [`Resolver::resolve`]),
    /// lowest precedence first.
    pub fn chain(&self, index: usize) -> Vec<&FileSettings> {
        self.chains[index]
            .iter()
            .map(|&i| &self.loaded[i])
            .collect()
    }

    /// The index of the configuration chain that applies to the file at
    /// `path` (which need not exist), or `None` when there is none.
    pub fn resolve(&mut self, path: &Path) -> Result<Option<usize>, ConfigError> {
        if self.no_config {
            return Ok(None);
        }
        if self.explicit.is_some() {
            return Ok(self.explicit);
        }
        let file = absolute(path);
        match file.parent() {
            Some(dir) => self.resolve_absolute_dir(dir),
            None => Ok(None),
        }
    }

    /// The index of the configuration chain that applies to the files in
    /// directory `dir`.
    pub fn resolve_dir(&mut self, dir: &Path) -> Result<Option<usize>, ConfigError> {
        if self.no_config {
            return Ok(None);
        }
        if self.explicit.is_some() {
            return Ok(self.explicit);
        }
        self.resolve_absolute_dir(&absolute(dir))
    }

    fn resolve_absolute_dir(&mut self, dir: &Path) -> Result<Option<usize>, ConfigError> {
        let mut visited = Vec::new();
        let mut found = None;
        for dir in dir.ancestors() {
            if let Some(&cached) = self.by_dir.get(dir) {
                found = cached;
                break;
            }
            visited.push(dir.to_path_buf());
            if let Some(index) = self.load_in(dir)? {
                found = Some(self.chain_of(index)?);
                break;
            }
        }
        for dir in visited {
            self.by_dir.insert(dir, found);
        }
        Ok(found)
    }

    /// The configuration in `dir`, if any; two of them are an error.
    fn load_in(&mut self, dir: &Path) -> Result<Option<usize>, ConfigError> {
        let mut found: Option<usize> = None;
        for name in CONFIG_NAMES {
            let candidate = dir.join(name);
            if !candidate.is_file() {
                continue;
            }
            let table = if config_file::is_cargo_toml(&candidate) {
                None
            } else {
                Some(Table::File)
            };
            if let Some(index) = self.load(&candidate, table)? {
                if let Some(first) = found {
                    let first = &self.loaded[first];
                    return Err(ConfigError {
                        file: config_file::shown(&candidate),
                        line: None,
                        message: format!(
                            "two leaklint configurations in one directory: {} and {}; \
                             leaklint would use only the first: merge them into one \
                             (or make one `extend` a file elsewhere)",
                            first.describe(),
                            self.loaded[index].describe()
                        ),
                    });
                }
                found = Some(index);
            }
        }
        Ok(found)
    }

    /// Loads (once) the table of the configuration file at the absolute
    /// path `path` (`None`: the one [`config_file::load`] picks).
    fn load(&mut self, path: &Path, table: Option<Table>) -> Result<Option<usize>, ConfigError> {
        if let Some(table) = table {
            if let Some(&index) = self.by_file.get(&(path.to_path_buf(), table)) {
                return Ok(Some(index));
            }
        }
        let settings = match table {
            Some(table) => config_file::load_table(path, table)?,
            None => config_file::load(path)?,
        };
        let Some(mut settings) = settings else {
            return Ok(None);
        };
        let key = (path.to_path_buf(), settings.table);
        if let Some(&index) = self.by_file.get(&key) {
            return Ok(Some(index));
        }
        if settings.root.as_os_str().is_empty() {
            settings.root = PathBuf::from(".");
        }
        settings.root = absolute(&settings.root);
        // Globs were built against the root as written; rebuild is not
        // needed because `is_excluded` and overrides strip this root.
        self.loaded.push(settings);
        self.by_file.insert(key, self.loaded.len() - 1);
        Ok(Some(self.loaded.len() - 1))
    }

    /// The chain ending in loaded table `index`, registered once.
    fn chain_of(&mut self, index: usize) -> Result<usize, ConfigError> {
        let mut chain = Vec::new();
        self.build_chain(index, &mut chain, &mut Vec::new())?;
        if let Some(i) = self.chains.iter().position(|c| *c == chain) {
            return Ok(i);
        }
        self.chains.push(chain);
        Ok(self.chains.len() - 1)
    }

    fn build_chain(
        &mut self,
        index: usize,
        chain: &mut Chain,
        stack: &mut Vec<usize>,
    ) -> Result<(), ConfigError> {
        if stack.contains(&index) {
            let settings = &self.loaded[index];
            return Err(ConfigError {
                file: config_file::shown(&settings.path),
                line: settings.extend.as_ref().map(|e| e.1),
                message: "`extend` goes round in a circle back to this file".to_string(),
            });
        }
        stack.push(index);
        let settings = self.loaded[index].clone();
        // The workspace's table comes first for a member crate.
        if settings.table == Table::Package && settings.inherit {
            if let Some(ws) = self.workspace_of(&settings.path)? {
                if !chain.contains(&ws) && !stack.contains(&ws) {
                    self.build_chain(ws, chain, stack)?;
                }
            }
        }
        if let Some((target, line)) = &settings.extend {
            let path = absolute(&settings.root.join(target));
            if !path.is_file() {
                return Err(ConfigError {
                    file: config_file::shown(&settings.path),
                    line: Some(*line),
                    message: format!(
                        "`extend`: no file {} (the path is relative to this file's directory)",
                        crate::discover::display_path(target)
                    ),
                });
            }
            let table = if config_file::is_cargo_toml(&path) {
                None
            } else {
                Some(Table::File)
            };
            let parent = self.load(&path, table)?.ok_or_else(|| ConfigError {
                file: config_file::shown(&settings.path),
                line: Some(*line),
                message: format!(
                    "`extend`: {} has no [package.metadata.leaklint] or \
                     [workspace.metadata.leaklint] table",
                    crate::discover::display_path(target)
                ),
            })?;
            self.build_chain(parent, chain, stack)?;
        }
        stack.pop();
        if !chain.contains(&index) {
            chain.push(index);
        }
        Ok(())
    }

    /// The workspace table a package's `Cargo.toml` at `path` inherits: the
    /// `[workspace.metadata.leaklint]` of the same file, or of the nearest
    /// `Cargo.toml` above it that has a `[workspace]`.
    fn workspace_of(&mut self, path: &Path) -> Result<Option<usize>, ConfigError> {
        let Some(dir) = path.parent() else {
            return Ok(None);
        };
        for dir in dir.ancestors() {
            let candidate = dir.join("Cargo.toml");
            if candidate.is_file() && config_file::is_workspace_root(&candidate) {
                return self.load(&candidate, Some(Table::Workspace));
            }
        }
        Ok(None)
    }

    /// Whether chain `index` leaves the file at `path` out (see [`is_excluded`]).
    pub fn excludes(&self, index: usize, path: &Path) -> bool {
        let chain = self.chain(index);
        let include = chain.iter().rev().find(|s| s.include.is_some());
        let exclude = chain.iter().rev().find(|s| s.exclude.is_some());
        let file = absolute(path);
        let hit = |s: &FileSettings, m: &ignore::gitignore::Gitignore| {
            file.strip_prefix(&s.root)
                .is_ok_and(|rel| m.matched_path_or_any_parents(rel, false).is_ignore())
        };
        if let Some(s) = exclude {
            if hit(s, s.exclude.as_ref().unwrap()) {
                return true;
            }
        }
        if let Some(s) = include {
            let inside = file.strip_prefix(&s.root).is_ok();
            if inside && !hit(s, s.include.as_ref().unwrap()) {
                return true;
            }
        }
        false
    }

    /// The layers of chain `index` for the file (or, with `is_dir`,
    /// directory) at `path`: each table with its `[[overrides]]` entries
    /// whose `files` match.
    pub fn layers(&self, index: usize, path: &Path, is_dir: bool) -> Vec<Layer<'_>> {
        let file = absolute(path);
        self.chain(index)
            .into_iter()
            .map(|s| {
                let matched = match file.strip_prefix(&s.root) {
                    Ok(rel) => s
                        .overrides
                        .iter()
                        .enumerate()
                        .filter(|(_, o)| {
                            o.files.matched_path_or_any_parents(rel, is_dir).is_ignore()
                        })
                        .map(|(i, _)| i)
                        .collect(),
                    Err(_) => Vec::new(),
                };
                (s, matched)
            })
            .collect()
    }

    /// A key telling files with the same layers apart: the chain and,
    /// for each table of it, the overrides that apply.
    pub fn group_key(&self, index: usize, path: &Path) -> (usize, Vec<Vec<usize>>) {
        if self.chains[index]
            .iter()
            .all(|&i| self.loaded[i].overrides.is_empty())
        {
            return (index, Vec::new());
        }
        let layers = self.layers(index, path, false);
        (index, layers.into_iter().map(|(_, m)| m).collect())
    }
}

/// Whether `settings` leave the file at `path` out: it matches `exclude`,
/// or there is an `include` and it does not match it. Paths outside the
/// configuration's directory match neither.
pub fn is_excluded(settings: &FileSettings, path: &Path) -> bool {
    let file = absolute(path);
    let Ok(relative) = file.strip_prefix(&settings.root) else {
        return false;
    };
    if let Some(exclude) = &settings.exclude {
        if exclude
            .matched_path_or_any_parents(relative, false)
            .is_ignore()
        {
            return true;
        }
    }
    if let Some(include) = &settings.include {
        if !include
            .matched_path_or_any_parents(relative, false)
            .is_ignore()
        {
            return true;
        }
    }
    false
}

/// `path` made absolute and free of `.` and `..` (through the file system
/// where it exists, lexically where it does not).
pub fn absolute(path: &Path) -> PathBuf {
    if let Ok(canonical) = std::fs::canonicalize(path) {
        return canonical;
    }
    let joined = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    // The parent may exist even when the file does not: resolve it for
    // symlinked directories such as macOS's /tmp.
    match (out.parent(), out.file_name()) {
        (Some(parent), Some(name)) => match std::fs::canonicalize(parent) {
            Ok(parent) => parent.join(name),
            Err(_) => out,
        },
        _ => out,
    }
}
