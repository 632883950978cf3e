//! Reading one configuration file: `leaklint.toml`, `.leaklint.toml`, or the
//! `[package.metadata.leaklint]` / `[workspace.metadata.leaklint]` table of a
//! `Cargo.toml`.
//!
//! ```toml
//! include = ["src/", "crates/"]      # gitignore syntax, relative to this file
//! exclude = ["generated/", "*_pb.rs"]
//! require_reason = true              # suppressions must say why
//! include_tests = true               # lint test, bench and example code too
//! max_file_bytes = 8388608           # larger files are skipped (default 4 MiB)
//! test_packages = ["acme-fixtures"]  # workspace packages that are test support
//!
//! [rules]                            # allow | warn | deny
//! spawn_without_cancel = "deny"
//!
//! [options]
//! large_value_bytes = 8192
//! spawn_functions = ["my_rt::spawn_detached"]
//! guard_functions = ["Cleanup::new"]
//! process_lifetime = "report"        # also report tasks started from `main`
//! ```
//!
//! Every key is checked: an unknown key, an unknown rule or a bad value is a
//! [`ConfigError`] naming the file, the line and the key, with the closest
//! valid name.

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
    "include",
    "exclude",
    "require_reason",
    "include_tests",
    "max_file_bytes",
    "test_packages",
    "rules",
    "options",
];
/// The keys allowed in `[options]`.
pub const OPTION_KEYS: &[&str] = &[
    "large_value_bytes",
    "spawn_functions",
    "guard_functions",
    "process_lifetime",
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

/// What one configuration file says.
#[derive(Debug, Clone)]
pub struct FileSettings {
    /// The configuration file.
    pub path: PathBuf,
    /// Its directory: `include` and `exclude` are relative to it.
    pub root: PathBuf,
    /// Rule levels from `[rules]`, in file order.
    pub levels: Vec<(&'static str, Level)>,
    /// `options.large_value_bytes`.
    pub large_value_bytes: Option<u64>,
    /// `options.spawn_functions`: added to the built-in spawn functions.
    pub spawn_functions: Vec<String>,
    /// `options.guard_functions`: added to the built-in guard functions.
    pub guard_functions: Vec<String>,
    /// `include`: when present, only matching files are linted.
    pub include: Option<Gitignore>,
    /// `exclude`: matching files are not linted.
    pub exclude: Option<Gitignore>,
    /// `require_reason`: like `--require-reason`.
    pub require_reason: bool,
    /// `include_tests`: like `--include-tests`.
    pub include_tests: bool,
    /// `max_file_bytes`: larger files are skipped.
    pub max_file_bytes: Option<u64>,
    /// `test_packages`: names of workspace packages that are test support.
    pub test_packages: Vec<String>,
    /// `options.process_lifetime = "report"`: report process-lifetime tasks too.
    pub report_process_lifetime: Option<bool>,
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

/// Reads and checks the configuration file at `path`. A `Cargo.toml`
/// without a leaklint table gives `Ok(None)`.
pub fn load(path: &Path) -> Result<Option<FileSettings>, ConfigError> {
    let shown = shown(path);
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        file: shown.clone(),
        line: None,
        message: format!("cannot read configuration file: {e}"),
    })?;
    parse(path, &text)
}

/// Checks the text of the configuration file at `path` (see [`load`]).
pub fn parse(path: &Path, text: &str) -> Result<Option<FileSettings>, ConfigError> {
    let cargo = is_cargo_toml(path);
    let err = |span: Option<Range<usize>>, message: String| ConfigError {
        file: shown(path),
        line: span.map(|s| line_column(text, s.start).0),
        message,
    };
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
    let (table, prefix) = if cargo {
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
        match (nested("package"), nested("workspace")) {
            (Some(t), _) => (t, "package.metadata.leaklint."),
            (None, Some(t)) => (t, "workspace.metadata.leaklint."),
            (None, None) => return Ok(None),
        }
    } else {
        // Borrow the whole document as the table.
        return check_table(path, doc.get_ref(), "", &err).map(Some);
    };
    match table.get_ref().as_table() {
        Some(t) => check_table(path, t, prefix, &err).map(Some),
        None => Err(err(
            Some(table.span()),
            format!("`{}` must be a table", prefix.trim_end_matches('.')),
        )),
    }
}

type ErrFn<'a> = dyn Fn(Option<Range<usize>>, String) -> ConfigError + 'a;

/// A positive integer value (a number of bytes).
fn positive_integer(
    value: &Spanned<DeValue<'_>>,
    full: &str,
    err: &ErrFn<'_>,
) -> Result<u64, ConfigError> {
    value
        .get_ref()
        .as_integer()
        .and_then(|i| u64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok())
        .filter(|&n| n > 0)
        .ok_or_else(|| {
            err(
                Some(value.span()),
                format!("`{full}` must be a positive integer (bytes)"),
            )
        })
}

fn check_table(
    path: &Path,
    table: &DeTable<'_>,
    prefix: &str,
    err: &ErrFn<'_>,
) -> Result<FileSettings, ConfigError> {
    let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut settings = FileSettings {
        path: path.to_path_buf(),
        root: root.clone(),
        levels: Vec::new(),
        large_value_bytes: None,
        spawn_functions: Vec::new(),
        guard_functions: Vec::new(),
        include: None,
        exclude: None,
        require_reason: false,
        include_tests: false,
        max_file_bytes: None,
        test_packages: Vec::new(),
        report_process_lifetime: None,
    };
    for (key, value) in sorted(table) {
        let name = key.get_ref().as_ref();
        let span = Some(key.span());
        match name {
            "include" | "exclude" => {
                let globs = string_list(value, &format!("{prefix}{name}"), err)?;
                let mut builder = GitignoreBuilder::new(&root);
                for (glob, glob_span) in globs {
                    builder.add_line(None, &glob).map_err(|e| {
                        err(
                            Some(glob_span),
                            format!("`{prefix}{name}`: invalid glob `{glob}`: {e}"),
                        )
                    })?;
                }
                let matcher = builder
                    .build()
                    .map_err(|e| err(span, format!("`{prefix}{name}`: {e}")))?;
                if name == "include" {
                    settings.include = Some(matcher);
                } else {
                    settings.exclude = Some(matcher);
                }
            }
            "require_reason" | "include_tests" => match value.get_ref().as_bool() {
                Some(b) if name == "require_reason" => settings.require_reason = b,
                Some(b) => settings.include_tests = b,
                None => {
                    return Err(err(
                        Some(value.span()),
                        format!("`{prefix}{name}` must be `true` or `false`"),
                    ))
                }
            },
            "max_file_bytes" => {
                settings.max_file_bytes =
                    Some(positive_integer(value, &format!("{prefix}{name}"), err)?)
            }
            "test_packages" => {
                let list = string_list(value, &format!("{prefix}{name}"), err)?;
                settings.test_packages = list.into_iter().map(|(s, _)| s).collect();
            }
            "rules" => {
                let rules = sub_table(value, &format!("{prefix}rules"), err)?;
                let names = rules::names();
                for (rule, level) in sorted(rules) {
                    let rule_name = rule.get_ref().as_ref();
                    let Some(lint) = rules::find(rule_name) else {
                        return Err(err(
                            Some(rule.span()),
                            format!(
                                "unknown rule `{rule_name}` in `{prefix}rules`{}",
                                hint(rule_name, &names)
                            ),
                        ));
                    };
                    let parsed = level.get_ref().as_str().and_then(Level::parse);
                    let Some(parsed) = parsed else {
                        let got = level.get_ref().as_str().unwrap_or("");
                        return Err(err(
                            Some(level.span()),
                            format!(
                                "`{prefix}rules.{rule_name}` must be \"allow\", \"warn\" or \"deny\"{}",
                                if got.is_empty() {
                                    String::new()
                                } else {
                                    hint(got, &["allow", "warn", "deny"])
                                }
                            ),
                        ));
                    };
                    settings.levels.push((lint.name, parsed));
                }
            }
            "options" => {
                let options = sub_table(value, &format!("{prefix}options"), err)?;
                for (option, value) in sorted(options) {
                    let option_name = option.get_ref().as_ref();
                    let full = format!("{prefix}options.{option_name}");
                    match option_name {
                        "large_value_bytes" => {
                            settings.large_value_bytes = Some(positive_integer(value, &full, err)?)
                        }
                        "process_lifetime" => {
                            settings.report_process_lifetime =
                                match value.get_ref().as_str() {
                                    Some("report") => Some(true),
                                    Some("ignore") => Some(false),
                                    _ => {
                                        return Err(err(
                                            Some(value.span()),
                                            format!("`{full}` must be \"ignore\" (the default: tasks started once from `main` or a static are not leaks) or \"report\""),
                                        ))
                                    }
                                }
                        }
                        "spawn_functions" | "guard_functions" => {
                            let list = string_list(value, &full, err)?;
                            let list = list.into_iter().map(|(s, _)| s).collect();
                            if option_name == "spawn_functions" {
                                settings.spawn_functions = list;
                            } else {
                                settings.guard_functions = list;
                            }
                        }
                        _ => {
                            return Err(err(
                                Some(option.span()),
                                format!(
                                    "unknown option `{full}`{}",
                                    hint(option_name, OPTION_KEYS)
                                ),
                            ))
                        }
                    }
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
