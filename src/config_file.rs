//! Reading one configuration file: `leaklint.toml`, `.leaklint.toml`, or the
//! `[package.metadata.leaklint]` / `[workspace.metadata.leaklint]` table of a
//! `Cargo.toml`.
//!
//! ```toml
//! extend = "../leaklint.toml"        # inherit (see crate::settings)
//! include = ["src/", "crates/"]      # gitignore syntax, relative to this file
//! exclude = ["generated/", "*_pb.rs"]
//! require_reason = true              # suppressions must say why
//! include_tests = true               # lint test, bench and example code too
//! max_file_bytes = 8388608           # larger files are skipped (default 4 MiB)
//! test_packages = ["acme-fixtures"]  # workspace packages that are test support
//! cache = false                      # no .leaklint_cache/ (like --no-cache)
//!
//! [rules]                            # allow | warn | deny
//! spawn_without_cancel = "deny"
//!
//! [options]
//! large_value_bytes = 8192
//! spawn_functions = ["my_rt::spawn_detached"]
//! guard_functions = ["Cleanup::new"]
//! process_lifetime = "report"        # also report tasks started from `main`
//! call_depth = 2                     # follow a task at most 2 calls deep (default 4)
//! helper_file_io = "report"          # also report file I/O through sync helpers
//!
//! [[overrides]]                      # for the files these globs match
//! files = ["src/bin/"]
//! rules.spawn_without_cancel = "warn"
//! ```
//!
//! In `[package.metadata.leaklint]`, `inherit = false` stops a member crate
//! inheriting the workspace's table. Rule names may be written with hyphens.
//! The values of each table are kept with the line that set them
//! ([`Values::lines`]), for `--show-settings`.
//!
//! Every key is checked: an unknown key, an unknown rule or a bad value is a
//! [`ConfigError`] naming the file, the line and the key, with the closest
//! valid name.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use leaklint_lints::Level;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::discover::display_path;
use crate::rules;
use crate::suggest::hint;
use crate::text::line_column;

/// The keys allowed at the top of the leaklint table.
pub const TOP_KEYS: &[&str] = &[
    "extend",
    "inherit",
    "include",
    "exclude",
    "require_reason",
    "include_tests",
    "max_file_bytes",
    "test_packages",
    "cache",
    "rules",
    "options",
    "overrides",
];
/// The keys allowed in an `[[overrides]]` entry.
pub const OVERRIDE_KEYS: &[&str] = &[
    "files",
    "require_reason",
    "include_tests",
    "max_file_bytes",
    "rules",
    "options",
];
/// The keys allowed in `[options]`.
pub const OPTION_KEYS: &[&str] = &[
    "large_value_bytes",
    "spawn_functions",
    "guard_functions",
    "process_lifetime",
    "call_depth",
    "helper_file_io",
];

/// A configuration file that cannot be used; leaklint exits with status 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file, as displayed.
    pub file: String,
    /// 1-based line of the problem, when known.
    pub line: Option<usize>,
    /// What is wrong and what would be right.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Which table of a file configures leaklint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    /// The whole of `leaklint.toml` / `.leaklint.toml`.
    File,
    /// `[package.metadata.leaklint]` of a `Cargo.toml`.
    Package,
    /// `[workspace.metadata.leaklint]` of a `Cargo.toml`.
    Workspace,
}

impl Table {
    /// The table's name with a trailing dot (`""` for a whole file), as keys are shown.
    pub fn prefix(self) -> &'static str {
        match self {
            Table::File => "",
            Table::Package => "package.metadata.leaklint.",
            Table::Workspace => "workspace.metadata.leaklint.",
        }
    }
}

/// The values one table (the top of a configuration, or one `[[overrides]]`
/// entry) sets; `None` (or absent from `levels`) means not set there.
#[derive(Debug, Clone, Default)]
pub struct Values {
    /// Rule levels from `[rules]`, in file order.
    pub levels: Vec<(&'static str, Level)>,
    /// `options.large_value_bytes`.
    pub large_value_bytes: Option<u64>,
    /// `options.spawn_functions`: added to the built-in spawn functions.
    pub spawn_functions: Option<Vec<String>>,
    /// `options.guard_functions`: added to the built-in guard functions.
    pub guard_functions: Option<Vec<String>>,
    /// `options.process_lifetime`: `Some(true)` for `"report"`.
    pub report_process_lifetime: Option<bool>,
    /// `options.call_depth`.
    pub call_depth: Option<usize>,
    /// `options.helper_file_io`: `Some(true)` for `"report"`.
    pub report_helper_file_io: Option<bool>,
    /// `require_reason`: like `--require-reason`.
    pub require_reason: Option<bool>,
    /// `include_tests`: like `--include-tests`.
    pub include_tests: Option<bool>,
    /// `max_file_bytes`: larger files are skipped.
    pub max_file_bytes: Option<u64>,
    /// `test_packages`: names of workspace packages that are test support.
    pub test_packages: Option<Vec<String>>,
    /// `cache`: `Some(false)` is like `--no-cache` (top of a table only).
    pub cache: Option<bool>,
    /// The line each set key is on, by its name (`rules.RULE`,
    /// `options.KEY`, or the key), for `--show-settings`.
    pub lines: BTreeMap<String, usize>,
}

/// One `[[overrides]]` entry: settings for the files its globs match.
#[derive(Debug, Clone)]
pub struct Override {
    /// The globs of `files`, as written.
    pub globs: Vec<String>,
    /// The matcher of `files` (gitignore syntax, relative to the file's directory).
    pub files: Gitignore,
    /// The line of the entry's `files` key.
    pub line: usize,
    /// What it sets.
    pub values: Values,
}

/// What one configuration file (or one table of a `Cargo.toml`) says.
#[derive(Debug, Clone)]
pub struct FileSettings {
    /// The configuration file.
    pub path: PathBuf,
    /// Which table of it.
    pub table: Table,
    /// Its directory: `include`, `exclude`, `extend` and override globs are relative to it.
    pub root: PathBuf,
    /// The values set at the top of the table.
    pub values: Values,
    /// `include`: when present, only matching files are linted.
    pub include: Option<Gitignore>,
    /// `exclude`: matching files are not linted.
    pub exclude: Option<Gitignore>,
    /// `extend`: the configuration this one inherits from (as written, and its line).
    pub extend: Option<(PathBuf, usize)>,
    /// `inherit` (package tables only): whether the workspace's table is
    /// inherited (default true).
    pub inherit: bool,
    /// `[[overrides]]`, in file order.
    pub overrides: Vec<Override>,
}

impl FileSettings {
    /// How the file and table are named in messages: `Cargo.toml
    /// [package.metadata.leaklint]` or `leaklint.toml`.
    pub fn describe(&self) -> String {
        let shown = shown(&self.path);
        match self.table {
            Table::File => shown,
            table => format!("{shown} [{}]", table.prefix().trim_end_matches('.')),
        }
    }
}

/// How a configuration file is named in messages: relative to the working
/// directory when it is inside it.
pub fn shown(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| std::fs::canonicalize(cwd).ok())
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
    display_path(relative.as_deref().unwrap_or(path))
}

/// Whether `path` names a `Cargo.toml` (whose leaklint table is nested).
pub fn is_cargo_toml(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "Cargo.toml")
}

fn read(path: &Path) -> Result<String, ConfigError> {
    std::fs::read_to_string(path).map_err(|e| ConfigError {
        file: shown(path),
        line: None,
        message: format!("cannot read configuration file: {e}"),
    })
}

/// Reads and checks the configuration file at `path`: the whole file, or
/// the package table of a `Cargo.toml` if it has one, else its workspace
/// table. A `Cargo.toml` without a leaklint table gives `Ok(None)`.
pub fn load(path: &Path) -> Result<Option<FileSettings>, ConfigError> {
    parse(path, &read(path)?)
}

/// Reads one table of the configuration file at `path` (`Ok(None)` when it
/// has no such table).
pub fn load_table(path: &Path, table: Table) -> Result<Option<FileSettings>, ConfigError> {
    parse_table(path, &read(path)?, Some(table))
}

/// Whether the `Cargo.toml` at `path` is a workspace root (has `[workspace]`).
pub fn is_workspace_root(path: &Path) -> bool {
    crate::cargo_workspace::with_manifest(path, |doc| doc.contains_key("workspace"))
        .unwrap_or(false)
}

/// Checks the text of the configuration file at `path` (see [`load`]).
pub fn parse(path: &Path, text: &str) -> Result<Option<FileSettings>, ConfigError> {
    parse_table(path, text, None)
}

/// Checks one table (or, with `None`, the table [`load`] picks) of the
/// configuration file at `path` whose text is `text`.
pub fn parse_table(
    path: &Path,
    text: &str,
    which: Option<Table>,
) -> Result<Option<FileSettings>, ConfigError> {
    let cargo = is_cargo_toml(path);
    let err = |span: Option<Range<usize>>, message: String| ConfigError {
        file: shown(path),
        line: span.map(|s| line_column(text, s.start).0),
        message,
    };
    let line_of = |span: Range<usize>| line_column(text, span.start).0;
    if cargo && !text.contains("leaklint") {
        // No `[package.metadata.leaklint]` or `[workspace.metadata.leaklint]`
        // can be there (and a broken Cargo.toml that does not configure
        // leaklint is cargo's business): no need to parse it.
        return Ok(None);
    }
    let doc = match DeTable::parse(text) {
        Ok(doc) => doc,
        // A broken Cargo.toml that does not configure leaklint is cargo's business.
        Err(_) if cargo && !text.contains("leaklint") => return Ok(None),
        Err(e) => {
            return Err(err(
                e.span(),
                format!("invalid TOML: {}", e.message().trim_end()),
            ))
        }
    };
    if !cargo {
        // Borrow the whole document as the table.
        return check_table(path, Table::File, doc.get_ref(), &err, &line_of).map(Some);
    }
    let nested = |outer: &str| -> Option<&Spanned<DeValue<'_>>> {
        doc.get_ref()
            .get(outer)?
            .get_ref()
            .as_table()?
            .get("metadata")?
            .get_ref()
            .as_table()?
            .get("leaklint")
    };
    let (table, kind) = match (which, nested("package"), nested("workspace")) {
        (Some(Table::Package) | None, Some(t), _) => (t, Table::Package),
        (Some(Table::Workspace) | None, _, Some(t)) => (t, Table::Workspace),
        _ => return Ok(None),
    };
    match table.get_ref().as_table() {
        Some(t) => check_table(path, kind, t, &err, &line_of).map(Some),
        None => Err(err(
            Some(table.span()),
            format!("`{}` must be a table", kind.prefix().trim_end_matches('.')),
        )),
    }
}

type ErrFn<'a> = dyn Fn(Option<Range<usize>>, String) -> ConfigError + 'a;
type LineFn<'a> = dyn Fn(Range<usize>) -> usize + 'a;

/// A positive integer value; `what` says what it counts, for the error
/// (`"a number of bytes"`).
fn positive_integer(
    value: &Spanned<DeValue<'_>>,
    full: &str,
    what: &str,
    err: &ErrFn<'_>,
) -> Result<u64, ConfigError> {
    unsigned_integer(value).filter(|&n| n > 0).ok_or_else(|| {
        err(
            Some(value.span()),
            format!("`{full}` must be a positive integer ({what})"),
        )
    })
}

/// A non-negative integer value as TOML writes it (`4`, `1_000`, `0x10`).
fn unsigned_integer(value: &Spanned<DeValue<'_>>) -> Option<u64> {
    let i = value.get_ref().as_integer()?;
    u64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok()
}

/// `call_depth`: how many calls deep a rule follows a task or a helper.
const CALL_DEPTH_RANGE: std::ops::RangeInclusive<u64> = 1..=16;

/// `"report"` (true) or `"ignore"` (false, the default, which `ignored`
/// explains in the error).
fn report_or_ignore(
    value: &Spanned<DeValue<'_>>,
    full: &str,
    ignored: &str,
    err: &ErrFn<'_>,
) -> Result<bool, ConfigError> {
    match value.get_ref().as_str() {
        Some("report") => Ok(true),
        Some("ignore") => Ok(false),
        _ => Err(err(
            Some(value.span()),
            format!("`{full}` must be \"ignore\" (the default: {ignored}) or \"report\""),
        )),
    }
}

fn boolean(value: &Spanned<DeValue<'_>>, full: &str, err: &ErrFn<'_>) -> Result<bool, ConfigError> {
    value.get_ref().as_bool().ok_or_else(|| {
        err(
            Some(value.span()),
            format!("`{full}` must be `true` or `false`"),
        )
    })
}

/// Reads a key shared by the top of a table and `[[overrides]]` entries
/// into `values`; `false` when `name` is not such a key.
fn shared_key(
    values: &mut Values,
    name: &str,
    value: &Spanned<DeValue<'_>>,
    prefix: &str,
    err: &ErrFn<'_>,
    line_of: &LineFn<'_>,
    key_line: usize,
) -> Result<bool, ConfigError> {
    let full = format!("{prefix}{name}");
    match name {
        "require_reason" => values.require_reason = Some(boolean(value, &full, err)?),
        "include_tests" => values.include_tests = Some(boolean(value, &full, err)?),
        "max_file_bytes" => {
            values.max_file_bytes = Some(positive_integer(value, &full, "a number of bytes", err)?)
        }
        "rules" => {
            let rules = sub_table(value, &full, err)?;
            let names = rules::names();
            for (rule, level) in sorted(rules) {
                let rule_name = rule.get_ref().as_ref();
                let Some(lint) = rules::find(rule_name) else {
                    return Err(err(
                        Some(rule.span()),
                        format!(
                            "unknown rule `{rule_name}` in `{full}`{}",
                            hint(&rules::canonical(rule_name), &names)
                        ),
                    ));
                };
                let parsed = level.get_ref().as_str().and_then(Level::parse);
                let Some(parsed) = parsed else {
                    let got = level.get_ref().as_str().unwrap_or("");
                    return Err(err(
                        Some(level.span()),
                        format!(
                            "`{full}.{rule_name}` must be \"allow\", \"warn\" or \"deny\"{}",
                            if got.is_empty() {
                                String::new()
                            } else {
                                hint(got, &["allow", "warn", "deny"])
                            }
                        ),
                    ));
                };
                values.levels.retain(|(n, _)| *n != lint.name);
                values.levels.push((lint.name, parsed));
                values
                    .lines
                    .insert(format!("rules.{}", lint.name), line_of(rule.span()));
            }
            return Ok(true);
        }
        "options" => {
            let options = sub_table(value, &full, err)?;
            for (option, value) in sorted(options) {
                let option_name = option.get_ref().as_ref();
                let full = format!("{full}.{option_name}");
                match option_name {
                    "large_value_bytes" => {
                        values.large_value_bytes =
                            Some(positive_integer(value, &full, "a number of bytes", err)?)
                    }
                    "call_depth" => {
                        let out_of_range = || {
                            err(
                                Some(value.span()),
                                format!(
                                    "`{full}` must be an integer from {} to {} (how many calls deep a task or a helper is followed; deeper costs time and finds nothing a maintainer would act on)",
                                    CALL_DEPTH_RANGE.start(),
                                    CALL_DEPTH_RANGE.end()
                                ),
                            )
                        };
                        let depth = unsigned_integer(value)
                            .filter(|d| CALL_DEPTH_RANGE.contains(d))
                            .ok_or_else(out_of_range)?;
                        values.call_depth = Some(depth as usize);
                    }
                    "process_lifetime" => {
                        values.report_process_lifetime = Some(report_or_ignore(
                            value,
                            &full,
                            "tasks started once from `main` or a static are not leaks",
                            err,
                        )?)
                    }
                    "helper_file_io" => {
                        values.report_helper_file_io = Some(report_or_ignore(
                            value,
                            &full,
                            "file I/O through a sync helper is not reported",
                            err,
                        )?)
                    }
                    "spawn_functions" | "guard_functions" => {
                        let list = string_list(value, &full, err)?;
                        let list = list.into_iter().map(|(s, _)| s).collect();
                        if option_name == "spawn_functions" {
                            values.spawn_functions = Some(list);
                        } else {
                            values.guard_functions = Some(list);
                        }
                    }
                    _ => {
                        return Err(err(
                            Some(option.span()),
                            format!("unknown option `{full}`{}", hint(option_name, OPTION_KEYS)),
                        ))
                    }
                }
                values
                    .lines
                    .insert(format!("options.{option_name}"), line_of(option.span()));
            }
            return Ok(true);
        }
        _ => return Ok(false),
    }
    values.lines.insert(name.to_string(), key_line);
    Ok(true)
}

fn check_table(
    path: &Path,
    kind: Table,
    table: &DeTable<'_>,
    err: &ErrFn<'_>,
    line_of: &LineFn<'_>,
) -> Result<FileSettings, ConfigError> {
    let prefix = kind.prefix();
    let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut settings = FileSettings {
        path: path.to_path_buf(),
        table: kind,
        root: root.clone(),
        values: Values::default(),
        include: None,
        exclude: None,
        extend: None,
        inherit: true,
        overrides: Vec::new(),
    };
    for (key, value) in sorted(table) {
        let name = key.get_ref().as_ref();
        let span = Some(key.span());
        let key_line = line_of(key.span());
        if shared_key(
            &mut settings.values,
            name,
            value,
            prefix,
            err,
            line_of,
            key_line,
        )? {
            continue;
        }
        match name {
            "include" | "exclude" => {
                let matcher = globs(&root, value, &format!("{prefix}{name}"), err)?.1;
                if name == "include" {
                    settings.include = Some(matcher);
                } else {
                    settings.exclude = Some(matcher);
                }
                settings.values.lines.insert(name.to_string(), key_line);
            }
            "test_packages" => {
                let list = string_list(value, &format!("{prefix}{name}"), err)?;
                settings.values.test_packages = Some(list.into_iter().map(|(s, _)| s).collect());
                settings.values.lines.insert(name.to_string(), key_line);
            }
            "cache" => {
                settings.values.cache = Some(boolean(value, &format!("{prefix}{name}"), err)?);
                settings.values.lines.insert(name.to_string(), key_line);
            }
            "extend" => {
                let target = value.get_ref().as_str().ok_or_else(|| {
                    err(
                        Some(value.span()),
                        format!("`{prefix}extend` must be a path (relative to this file), e.g. \"../leaklint.toml\""),
                    )
                })?;
                settings.extend = Some((PathBuf::from(target), key_line));
            }
            "inherit" => {
                if kind != Table::Package {
                    return Err(err(
                        span,
                        format!("`{prefix}inherit` belongs in [package.metadata.leaklint] (a member crate's table); use `extend` to inherit elsewhere"),
                    ));
                }
                settings.inherit = boolean(value, &format!("{prefix}inherit"), err)?;
            }
            "overrides" => {
                let bad = || {
                    err(
                        Some(value.span()),
                        format!("`{prefix}overrides` must be an array of tables: write [[{prefix}overrides]]"),
                    )
                };
                let array = value.get_ref().as_array().ok_or_else(bad)?;
                for (i, entry) in array.iter().enumerate() {
                    let entry_table = entry.get_ref().as_table().ok_or_else(bad)?;
                    settings.overrides.push(check_override(
                        &root,
                        entry_table,
                        entry.span(),
                        &format!("{prefix}overrides[{i}]."),
                        err,
                        line_of,
                    )?);
                }
            }
            _ => {
                return Err(err(
                    span,
                    format!("unknown key `{prefix}{name}`{}", hint(name, TOP_KEYS)),
                ))
            }
        }
    }
    Ok(settings)
}

fn check_override(
    root: &Path,
    table: &DeTable<'_>,
    span: Range<usize>,
    prefix: &str,
    err: &ErrFn<'_>,
    line_of: &LineFn<'_>,
) -> Result<Override, ConfigError> {
    let mut values = Values::default();
    let mut files = None;
    for (key, value) in sorted(table) {
        let name = key.get_ref().as_ref();
        let key_line = line_of(key.span());
        if name == "files" {
            let (list, matcher) = globs(root, value, &format!("{prefix}files"), err)?;
            if list.is_empty() {
                return Err(err(
                    Some(value.span()),
                    format!("`{prefix}files` is empty: give the globs of the files this override is for"),
                ));
            }
            files = Some((list, matcher, key_line));
            continue;
        }
        if !shared_key(&mut values, name, value, prefix, err, line_of, key_line)? {
            let more = if TOP_KEYS.contains(&name) {
                " (an override sets rule levels, options, include_tests, require_reason and max_file_bytes)"
            } else {
                ""
            };
            return Err(err(
                Some(key.span()),
                format!(
                    "unknown key `{prefix}{name}`{}{more}",
                    hint(name, OVERRIDE_KEYS)
                ),
            ));
        }
    }
    let (globs, files, line) = files.ok_or_else(|| {
        err(
            Some(span.clone()),
            format!("`{}` has no `files`: give the globs of the files it is for, e.g. files = [\"tests/\"]", prefix.trim_end_matches('.')),
        )
    })?;
    Ok(Override {
        globs,
        files,
        line,
        values,
    })
}

/// A list of gitignore-syntax globs relative to `root`, and their matcher.
fn globs(
    root: &Path,
    value: &Spanned<DeValue<'_>>,
    full: &str,
    err: &ErrFn<'_>,
) -> Result<(Vec<String>, Gitignore), ConfigError> {
    let list = string_list(value, full, err)?;
    let mut builder = GitignoreBuilder::new(root);
    for (glob, glob_span) in &list {
        builder.add_line(None, glob).map_err(|e| {
            err(
                Some(glob_span.clone()),
                format!("`{full}`: invalid glob `{glob}`: {e}"),
            )
        })?;
    }
    let matcher = builder
        .build()
        .map_err(|e| err(Some(value.span()), format!("`{full}`: {e}")))?;
    Ok((list.into_iter().map(|(s, _)| s).collect(), matcher))
}

/// The entries of `table` in the order they appear in the file, so the
/// first problem reported is the first in the file.
fn sorted<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(
    &'t Spanned<std::borrow::Cow<'i, str>>,
    &'t Spanned<DeValue<'i>>,
)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

fn sub_table<'t, 'i>(
    value: &'t Spanned<DeValue<'i>>,
    key: &str,
    err: &ErrFn<'_>,
) -> Result<&'t DeTable<'i>, ConfigError> {
    value
        .get_ref()
        .as_table()
        .ok_or_else(|| err(Some(value.span()), format!("`{key}` must be a table")))
}

fn string_list(
    value: &Spanned<DeValue<'_>>,
    key: &str,
    err: &ErrFn<'_>,
) -> Result<Vec<(String, Range<usize>)>, ConfigError> {
    let bad = || {
        err(
            Some(value.span()),
            format!("`{key}` must be an array of strings"),
        )
    };
    let array = value.get_ref().as_array().ok_or_else(bad)?;
    array
        .iter()
        .map(|item| match item.get_ref().as_str() {
            Some(s) => Ok((s.to_string(), item.span())),
            None => Err(err(
                Some(item.span()),
                format!("`{key}` must be an array of strings"),
            )),
        })
        .collect()
}
