//! From configuration files and command-line overrides to the [`Config`] of
//! each linted file.
//!
//! The configuration of a file is the nearest one found by walking up from
//! the file's directory: in each directory `leaklint.toml`, then
//! `.leaklint.toml`, then a `Cargo.toml` with a `[package.metadata.leaklint]`
//! or `[workspace.metadata.leaklint]` table. The nearest wins; files are not
//! merged. `--config PATH` uses one file for everything, `--no-config` none.
//! Command-line levels apply on top: `--select` first, then `-A`/`-W`/`-D`
//! in the order given.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use leaklint_lints::{Level, Lint};

use crate::config::Config;
use crate::config_file::{self, ConfigError, FileSettings};
use crate::rules;
use crate::suggest::hint;

/// The names of configuration files, in the order they are looked for in a directory.
pub const CONFIG_NAMES: &[&str] = &["leaklint.toml", ".leaklint.toml", "Cargo.toml"];

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
}

impl Overrides {
    /// Checks that every rule named exists; the error suggests the closest name.
    pub fn validate(&self) -> Result<(), String> {
        let names = rules::names();
        let named =
            self.select
                .iter()
                .flatten()
                .map(|n| ("--select", n))
                .chain(self.levels.iter().map(|(level, n)| {
                    let flag = match level {
                        Level::Allow => "-A",
                        Level::Warn => "-W",
                        Level::Deny => "-D",
                    };
                    (flag, n)
                }));
        for (flag, name) in named {
            if rules::find(name).is_none() {
                return Err(format!(
                    "unknown rule `{name}` given to {flag}{} (see --list-rules)",
                    hint(name, &names)
                ));
            }
        }
        Ok(())
    }
}

/// The configuration of a file: settings from its configuration file (if
/// any) with `overrides` applied.
pub fn effective(settings: Option<&FileSettings>, overrides: &Overrides) -> Config {
    let all: Vec<Lint> = rules::all().copied().collect();
    let mut config = Config::with_lints(&all);
    let set = |config: &mut Config, name: &str, level: Level| {
        if let Some(l) = config.lints.iter_mut().find(|l| l.lint.name == name) {
            l.level = level;
        }
    };
    let mut require_reason = overrides.require_reason;
    if let Some(s) = settings {
        for &(name, level) in &s.levels {
            set(&mut config, name, level);
        }
        if let Some(n) = s.large_value_bytes {
            config.options.large_value_bytes = n;
        }
        config
            .options
            .spawn_functions
            .extend(s.spawn_functions.iter().cloned());
        config
            .options
            .guard_functions
            .extend(s.guard_functions.iter().cloned());
        require_reason |= s.require_reason;
        config.include_tests |= s.include_tests;
        if let Some(n) = s.max_file_bytes {
            config.max_file_bytes = n;
        }
        config.test_packages.extend(s.test_packages.iter().cloned());
        if let Some(report) = s.report_process_lifetime {
            config.options.report_process_lifetime = report;
        }
    }
    config.include_tests |= overrides.include_tests;
    if require_reason {
        let name = rules::SUPPRESSION_WITHOUT_REASON.name;
        if config
            .lints
            .iter()
            .any(|l| l.lint.name == name && l.level == Level::Allow)
        {
            set(&mut config, name, Level::Warn);
        }
    }
    if let Some(select) = &overrides.select {
        for l in &mut config.lints {
            if !select.iter().any(|s| s == l.lint.name) {
                l.level = Level::Allow;
            } else if l.level == Level::Allow {
                l.level = match l.lint.default_level {
                    Level::Allow => Level::Warn,
                    level => level,
                };
            }
        }
    }
    for (level, name) in &overrides.levels {
        set(&mut config, name, *level);
    }
    config
}

/// Finds and caches the configuration file of each linted path.
#[derive(Debug, Default)]
pub struct Resolver {
    /// `--no-config`.
    no_config: bool,
    /// Every configuration file loaded so far.
    loaded: Vec<FileSettings>,
    /// `--config`: the index of the file used for everything.
    explicit: Option<usize>,
    /// Directory → the index of its nearest configuration, if any.
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
            let settings = config_file::load(path)?;
            let mut settings = settings.ok_or_else(|| ConfigError {
                file: crate::discover::display_path(path),
                line: None,
                message: "no [package.metadata.leaklint] or [workspace.metadata.leaklint] \
                          table in this Cargo.toml"
                    .to_string(),
            })?;
            settings.root = absolute.parent().map(Path::to_path_buf).unwrap_or_default();
            resolver.loaded.push(settings);
            resolver.explicit = Some(0);
        }
        Ok(resolver)
    }

    /// Every configuration file loaded, indexed by what [`Resolver::resolve`] returns.
    pub fn loaded(&self) -> &[FileSettings] {
        &self.loaded
    }

    /// The index of the configuration that applies to the file at `path`
    /// (which need not exist), or `None` when there is none.
    pub fn resolve(&mut self, path: &Path) -> Result<Option<usize>, ConfigError> {
        if self.no_config {
            return Ok(None);
        }
        if self.explicit.is_some() {
            return Ok(self.explicit);
        }
        let file = absolute(path);
        let mut visited = Vec::new();
        let mut found = None;
        for dir in file.ancestors().skip(1) {
            if let Some(&cached) = self.by_dir.get(dir) {
                found = cached;
                break;
            }
            visited.push(dir.to_path_buf());
            if let Some(index) = self.load_in(dir)? {
                found = Some(index);
                break;
            }
        }
        for dir in visited {
            self.by_dir.insert(dir, found);
        }
        Ok(found)
    }

    fn load_in(&mut self, dir: &Path) -> Result<Option<usize>, ConfigError> {
        for name in CONFIG_NAMES {
            let candidate = dir.join(name);
            if !candidate.is_file() {
                continue;
            }
            if let Some(settings) = config_file::load(&candidate)? {
                self.loaded.push(settings);
                return Ok(Some(self.loaded.len() - 1));
            }
        }
        Ok(None)
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
