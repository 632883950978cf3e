//! One lint run from a parsed command line to a [`Report`]: configuration
//! per file, include/exclude, the engine (once per distinct configuration),
//! or standard input.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::PathBuf;

use crate::cli::Cli;
use crate::config::Config;
use crate::discover::{self, display_path, Discovery, SourceFile};
use crate::engine;
use crate::outcome::Report;
use crate::packages::{self, PackageNames};
use crate::settings::{self, Overrides, Resolver};
use crate::timings::{self, Timings};

/// Why a run could not produce a report (exit status 2).
#[derive(Debug)]
pub struct Failure(pub String);

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
    }
}

/// Lints what the command line asks for, adding phase times to `timings`.
pub fn lint(cli: &Cli, timings: Option<&Timings>) -> Result<Report, Failure> {
    let start = std::time::Instant::now();
    let overrides = overrides(cli);
    overrides.validate().map_err(Failure)?;
    let mut resolver =
        Resolver::new(cli.config.as_deref(), cli.no_config).map_err(|e| Failure(e.to_string()))?;

    if cli.stdin {
        return lint_stdin(cli, &overrides, &mut resolver);
    }

    let mut discovery = discover::discover(&cli.paths).map_err(|e| Failure(e.to_string()))?;
    if let Some(shard) = &cli.shard {
        shard.apply(&mut discovery);
    }
    let explicit: HashSet<PathBuf> = cli.paths.iter().filter(|p| !p.is_dir()).cloned().collect();

    // Group the files by configuration; drop excluded ones.
    let mut groups: BTreeMap<Option<usize>, Discovery> = BTreeMap::new();
    for file in discovery.files {
        let index = resolver
            .resolve(&file.path)
            .map_err(|e| Failure(e.to_string()))?;
        if let Some(i) = index {
            let applies = cli.force_exclude || !explicit.contains(&file.path);
            if applies && settings::is_excluded(&resolver.loaded()[i], &file.path) {
                continue;
            }
        }
        groups.entry(index).or_default().files.push(file);
    }

    if let Some(t) = timings {
        t.lap(timings::Phase::Discover, start);
    }
    let options = engine::RunOptions {
        threads: cli.threads,
        prefilter: !cli.no_prefilter,
    };
    let mut report = Report::default();
    let problems = discovery.problems;
    let mut packages = PackageNames::default();
    for (index, group) in &mut groups {
        let config = settings::effective(index.map(|i| &resolver.loaded()[i]), &overrides);
        if !config.include_tests {
            mark_test_support(&mut group.files, &config, &mut packages);
        }
        report.absorb(run_engine(group, &config, &options, timings)?);
    }
    let problems = Discovery {
        files: Vec::new(),
        problems,
    };
    let config = settings::effective(None, &overrides);
    report.absorb(run_engine(&problems, &config, &options, timings)?);
    Ok(report)
}

/// Marks the files of test-support packages as test code.
fn mark_test_support(files: &mut [SourceFile], config: &Config, packages: &mut PackageNames) {
    for file in files.iter_mut().filter(|f| !f.test_code) {
        if let Some(name) = packages.package_of(&file.path) {
            file.test_code =
                packages::is_test_support_name(&name) || config.test_packages.contains(&name);
        }
    }
}

fn run_engine(
    discovery: &Discovery,
    config: &Config,
    options: &engine::RunOptions,
    timings: Option<&Timings>,
) -> Result<Report, Failure> {
    engine::lint_all_with(discovery, config, options, timings)
        .map_err(|e| Failure(format!("cannot start worker threads: {e}")))
}

/// `--stdin --stdin-filename PATH`: the text on standard input, linted as PATH.
fn lint_stdin(
    cli: &Cli,
    overrides: &Overrides,
    resolver: &mut Resolver,
) -> Result<Report, Failure> {
    let path = cli
        .stdin_filename
        .clone()
        .ok_or_else(|| Failure("--stdin needs --stdin-filename PATH".to_string()))?;
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| Failure(format!("cannot read standard input: {e}")))?;
    let index = resolver
        .resolve(&path)
        .map_err(|e| Failure(e.to_string()))?;
    let settings = index.map(|i| &resolver.loaded()[i]);
    if cli.force_exclude && settings.is_some_and(|s| settings::is_excluded(s, &path)) {
        return Ok(Report::new(0, []));
    }
    let config = settings::effective(settings, overrides);
    let display = display_path(&path);
    let mut file = [SourceFile {
        test_code: discover::in_test_dir(&discover::named_relative(&path)),
        path: path.clone(),
        display: display.clone(),
    }];
    if !config.include_tests {
        mark_test_support(&mut file, &config, &mut PackageNames::default());
        if file[0].test_code {
            let skipped = crate::outcome::FileResult::skipped(display, crate::outcome::Skip::Test);
            return Ok(Report::new(1, [skipped]));
        }
    }
    let result = match String::from_utf8(bytes) {
        Ok(text) => engine::lint_source(&display, &text, &config),
        Err(_) => {
            let mut result = crate::outcome::FileResult::new(display);
            result.errors.push(crate::outcome::FileError::new(
                "standard input is not valid UTF-8; leaklint reads UTF-8 Rust source only",
            ));
            result
        }
    };
    Ok(Report::new(1, [result]))
}
