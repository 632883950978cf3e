//! One lint run from a parsed command line to a [`Report`]: configuration
//! per file, include/exclude, the engine (once per distinct configuration),
//! or standard input.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;
use std::path::PathBuf;

use crate::callers;
use crate::cli::Cli;
use crate::config::Config;
use crate::discover::{self, display_path, Discovery, SourceFile};
use crate::engine;
use crate::later::Later;
use crate::outcome::Report;
use crate::packages::PackageNames;
use crate::settings::{self, Overrides, Resolver};
use crate::timings::{self, Timings};

/// Why a run could not produce a report (exit status 2): the message and,
/// for a bad configuration file, the file (as displayed) and line.
#[derive(Debug)]
pub struct Failure(pub String, pub Option<(String, usize)>);

impl Failure {
    /// A failure without a location.
    pub fn new(message: impl Into<String>) -> Failure {
        Failure(message.into(), None)
    }
}

impl From<crate::config_file::ConfigError> for Failure {
    fn from(e: crate::config_file::ConfigError) -> Failure {
        let location = Some((e.file.clone(), e.line.unwrap_or(1)));
        Failure(e.to_string(), location)
    }
}

/// What a run found besides its report.
#[derive(Debug, Default, Clone)]
pub struct RunInfo {
    /// How many files discovery found (before `--shard` and exclusions).
    pub discovered: usize,
    /// How many of them the configuration's `include`/`exclude` left out.
    pub excluded: usize,
    /// Files named on the command line that are inside a cargo target directory.
    pub in_target: usize,
    /// With `--shard`: an id shared by the shards of one run (a hash of the
    /// discovered files, the configuration files and the command line's
    /// rule levels).
    pub run_id: Option<String>,
    /// The `Cargo.toml` files above the linted files that cannot be read
    /// as TOML, with why: their packages' files were linted without the
    /// crate model (see `PackageNames::broken_manifests`).
    pub broken_manifests: BTreeMap<PathBuf, String>,
}

/// The command line's rule overrides.
pub fn overrides(cli: &Cli) -> Overrides {
    let mut levels = cli.level_overrides.clone();
    if levels.is_empty() {
        // Built without Cli::parse_args: the order of -A/-W/-D is unknown.
        let flat = [
            (leaklint_lints::Level::Allow, &cli.allow),
            (leaklint_lints::Level::Warn, &cli.warn),
            (leaklint_lints::Level::Deny, &cli.deny),
        ];
        for (level, names) in flat {
            levels.extend(names.iter().map(|n| (level, n.clone())));
        }
    }
    Overrides {
        select: cli.select.clone(),
        levels,
        require_reason: cli.require_reason,
        include_tests: cli.include_tests,
        no_cache: if cli.no_cache {
            Some("--no-cache")
        } else if std::env::var_os("LEAKLINT_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0") {
            Some("LEAKLINT_NO_CACHE")
        } else {
            None
        },
    }
}

/// Lints what the command line asks for, adding phase times to `timings`.
pub fn lint(cli: &Cli, timings: Option<&Timings>) -> Result<Report, Failure> {
    lint_with_info(cli, timings).map(|(report, _)| report)
}

/// [`lint`], also saying what discovery and configuration left out.
pub fn lint_with_info(cli: &Cli, timings: Option<&Timings>) -> Result<(Report, RunInfo), Failure> {
    let start = std::time::Instant::now();
    let overrides = overrides(cli);
    overrides.validate().map_err(Failure::new)?;
    let mut resolver = Resolver::new(cli.config.as_deref(), cli.no_config)?;

    if cli.stdin {
        let mut packages = PackageNames::default();
        let report = lint_stdin(cli, &overrides, &mut resolver, &mut packages)?;
        let info = RunInfo {
            broken_manifests: packages.broken_manifests().clone(),
            ..RunInfo::default()
        };
        return Ok((report, info));
    }

    let mut discovery = discover::discover(&cli.paths).map_err(|e| Failure::new(e.to_string()))?;
    let mut info = RunInfo {
        discovered: discovery.files.len(),
        ..RunInfo::default()
    };
    let before = discovery.files.len();
    discovery
        .files
        .retain(|f| !discover::in_cargo_target_dir(&f.path));
    info.in_target = before - discovery.files.len();
    let explicit: HashSet<PathBuf> = cli.paths.iter().filter(|p| !p.is_dir()).cloned().collect();

    // Resolve every file's configuration (before sharding, so that every
    // shard computes the same run id), dropping excluded files.
    let mut resolved = Vec::with_capacity(discovery.files.len());
    for file in std::mem::take(&mut discovery.files) {
        let index = resolver.resolve(&file.path)?;
        if let Some(i) = index {
            let applies = cli.force_exclude || !explicit.contains(&file.path);
            if applies && resolver.excludes(i, &file.path) {
                info.excluded += 1;
                continue;
            }
        }
        resolved.push((file, index));
    }
    if let Some(shard) = &cli.shard {
        info.run_id = Some(run_id(cli, &resolver, &resolved, &discovery));
        resolved.retain(|(f, _)| shard.contains(&f.display));
        shard.apply(&mut discovery);
    }

    // Group the files by configuration.
    type Key = Option<(usize, Vec<Vec<usize>>)>;
    let mut groups: BTreeMap<Key, Discovery> = BTreeMap::new();
    for (file, index) in resolved {
        let key = index.map(|i| resolver.group_key(i, &file.path));
        groups.entry(key).or_default().files.push(file);
    }

    if let Some(t) = timings {
        t.lap(timings::Phase::Discover, start);
    }
    let options = engine::RunOptions {
        threads: cli.threads,
        prefilter: !cli.no_prefilter,
    };
    let mut report = Report::default();
    let mut uncached = HashSet::new();
    let problems = discovery.problems;
    let mut packages = PackageNames::default();
    let mut crate_blocking = callers::CrateBlocking::default();
    let paths: HashMap<String, PathBuf> = groups
        .values()
        .flat_map(|g| &g.files)
        .map(|f| (f.display.clone(), f.path.clone()))
        .collect();
    for (key, group) in &mut groups {
        let config = match key {
            Some((index, _)) => {
                let first = &group.files[0].path;
                let layers = resolver.layers(*index, first, false);
                settings::effective_layers(&layers, &overrides).0
            }
            None => settings::effective(None, &overrides),
        };
        mark_packages(&mut group.files, &config, &mut packages);
        if !config.cache {
            uncached.extend(group.files.iter().map(|f| f.display.clone()));
        }
        let group = &*group;
        let find_blocking =
            |packages: &mut PackageNames,
             before: &mut callers::CrateBlocking,
             names_found: &mut callers::NamesFound<'_>| {
                let start = std::time::Instant::now();
                let found = callers::mark_crates_with_blocking_calls(
                    &group.files,
                    packages,
                    &config,
                    before,
                    names_found,
                );
                if let Some(t) = timings {
                    t.lap(timings::Phase::CrateBlocking, start);
                }
                found
            };
        let engine_report = if group.files.len() <= callers::MAX_FILES_TO_HOLD_CRATES {
            // A small run (an editor's, a commit hook's) is mostly the
            // pre-pass's walk of the crate: the engine reads, parses and
            // lints the files meanwhile, and waits for the pre-pass only
            // when a verdict needs it.
            std::thread::scope(|scope| {
                let (names, names_sender) = Later::channel();
                let (spawn_wrappers, wrappers_sender) = Later::channel();
                let (test_by_tree, tests_sender) = Later::channel();
                let (blocking, sender) = Later::channel();
                let (packages, before) = (&mut packages, &mut crate_blocking);
                let pre_pass = scope.spawn(move || {
                    // A panic drops the senders unsent: the engine goes on,
                    // and the panic is raised once it is done.
                    let mut names_found = |names, wrappers, tests| {
                        let _ = names_sender.send(names);
                        let _ = wrappers_sender.send(wrappers);
                        let _ = tests_sender.send(tests);
                    };
                    let _ = sender.send(find_blocking(packages, before, &mut names_found));
                });
                let found = engine::CrateBlocking {
                    names,
                    spawn_wrappers,
                    test_by_tree,
                    blocking,
                };
                let report = run_engine(group, &config, &options, timings, Some(&found));
                if let Err(panic) = pre_pass.join() {
                    std::panic::resume_unwind(panic);
                }
                report
            })
        } else {
            let (mut names, mut spawn_wrappers, mut tests) = (Vec::new(), Vec::new(), Vec::new());
            let blocking = find_blocking(
                &mut packages,
                &mut crate_blocking,
                &mut |found, wrappers, test_by_tree| {
                    (names, spawn_wrappers, tests) = (found, wrappers, test_by_tree)
                },
            );
            let found = engine::CrateBlocking {
                names: Later::ready(names),
                spawn_wrappers: Later::ready(spawn_wrappers),
                test_by_tree: Later::ready(tests),
                blocking: Later::ready(blocking),
            };
            run_engine(group, &config, &options, timings, Some(&found))
        };
        report.absorb(engine_report?);
    }
    info.broken_manifests = packages.broken_manifests().clone();
    let problems = Discovery {
        files: Vec::new(),
        problems,
    };
    let config = settings::effective(None, &overrides);
    report.absorb(run_engine(&problems, &config, &options, timings, None)?);
    let start = std::time::Instant::now();
    callers::resolve_crate_findings(
        &mut report,
        &paths,
        config.max_nesting,
        &uncached,
        crate_blocking,
    );
    if let Some(t) = timings {
        t.lap(timings::Phase::CratePass, start);
    }
    Ok((report, info))
}

/// The id of a sharded run: a hash of every discovered file (before
/// sharding) with its configuration chain, the configuration files' text,
/// and the command line's rule settings. Every shard of one run computes
/// the same id; a shard of another run (other files, other configuration,
/// other flags) does not.
fn run_id(
    cli: &Cli,
    resolver: &Resolver,
    resolved: &[(crate::discover::SourceFile, Option<usize>)],
    discovery: &Discovery,
) -> String {
    let mut text = String::new();
    for (file, index) in resolved {
        text.push_str(&format!("{}\t{index:?}\n", file.display));
    }
    for (path, message) in &discovery.problems {
        text.push_str(&format!("{path}\t{message}\n"));
    }
    for settings in resolver.loaded() {
        text.push_str(&settings.path.to_string_lossy());
        text.push('\n');
        text.push_str(&std::fs::read_to_string(&settings.path).unwrap_or_default());
    }
    text.push_str(&format!(
        "{:?}{:?}{:?}{}{}{}",
        cli.select,
        overrides(cli).levels,
        cli.shard.map(|s| s.count),
        cli.require_reason,
        cli.include_tests,
        cli.no_prefilter
    ));
    format!("{:016x}", crate::shard::fnv1a64(text.as_bytes()))
}

/// Marks the files of test-support packages, and of a package's test,
/// bench and example targets, as test code (unless tests are linted), and
/// those of command-line tools and WebAssembly modules as such.
fn mark_packages(files: &mut [SourceFile], config: &Config, packages: &mut PackageNames) {
    for file in files.iter_mut() {
        if !config.include_tests && !file.test_code {
            file.test_code = packages.in_test_target(&file.path)
                || packages.is_test_support(&file.path, &config.test_packages);
        }
        file.command_line_tool = packages.is_command_line_tool(&file.path);
        file.wasm_module = packages.is_wasm_module(&file.path);
    }
}

fn run_engine(
    discovery: &Discovery,
    config: &Config,
    options: &engine::RunOptions,
    timings: Option<&Timings>,
    crate_blocking: Option<&engine::CrateBlocking>,
) -> Result<Report, Failure> {
    engine::lint_all_with(discovery, config, options, timings, crate_blocking)
        .map_err(|e| Failure::new(format!("cannot start worker threads: {e}")))
}

/// `--stdin --stdin-filename PATH`: the text on standard input, linted as
/// PATH (`packages` reads the manifests around it).
fn lint_stdin(
    cli: &Cli,
    overrides: &Overrides,
    resolver: &mut Resolver,
    packages: &mut PackageNames,
) -> Result<Report, Failure> {
    let path = cli
        .stdin_filename
        .clone()
        .ok_or_else(|| Failure::new("--stdin needs --stdin-filename PATH".to_string()))?;
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::new(format!("cannot read standard input: {e}")))?;
    let index = resolver.resolve(&path)?;
    if cli.force_exclude && index.is_some_and(|i| resolver.excludes(i, &path)) {
        return Ok(Report::new(0, []));
    }
    let config = match index {
        Some(i) => settings::effective_layers(&resolver.layers(i, &path, false), overrides).0,
        None => settings::effective(None, overrides),
    };
    let display = display_path(&path);
    let mut file = [SourceFile {
        test_code: discover::in_test_dir(&discover::named_relative(&path)),
        path: path.clone(),
        display: display.clone(),
        command_line_tool: false,
        wasm_module: false,
    }];
    mark_packages(&mut file, &config, packages);
    if !config.include_tests && file[0].test_code {
        let skipped = crate::outcome::FileResult::skipped(display, crate::outcome::Skip::Test);
        return Ok(Report::new(1, [skipped]));
    }
    // What the rest of its crate says of names, as for the file on disk.
    let mut before = callers::CrateBlocking::default();
    let (place, wrappers) = callers::place_in_crate(
        &path,
        config.max_nesting,
        config.cache,
        &config.test_packages,
        &mut before,
    );
    let mut result = match String::from_utf8(bytes) {
        Ok(text) => engine::lint_source_placed(
            &display,
            &text,
            &config,
            false,
            place.as_ref(),
            wrappers.as_deref(),
        ),
        Err(_) => {
            let mut result = crate::outcome::FileResult::new(display);
            result.errors.push(crate::outcome::FileError::new(
                "standard input is not valid UTF-8; leaklint reads UTF-8 Rust source only",
            ));
            result
        }
    };
    engine::drop_findings_its_package_rules_out(&file[0], &mut result);
    let mut report = Report::new(1, [result]);
    let uncached = match config.cache {
        true => HashSet::new(),
        false => HashSet::from([display_path(&path)]),
    };
    let paths = HashMap::from([(display_path(&path), path)]);
    callers::resolve_crate_findings(&mut report, &paths, config.max_nesting, &uncached, before);
    Ok(report)
}
