//! `--show-settings [PATH]`: the configuration that applies to PATH, as a
//! TOML document whose comments say where each value comes from.

use std::fmt::Write as _;
use std::path::Path;

use crate::cli::Cli;
use crate::config_file::FileSettings;
use crate::pipeline::{self, Failure};
use crate::settings::{self, Resolver};

/// The text `--show-settings PATH` prints.
pub fn show_settings(cli: &Cli, path: &Path) -> Result<String, Failure> {
    let overrides = pipeline::overrides(cli);
    overrides.validate().map_err(Failure::new)?;
    let mut resolver = Resolver::new(cli.config.as_deref(), cli.no_config)?;
    let is_dir = path.is_dir();
    let index = if is_dir {
        resolver.resolve_dir(path)?
    } else {
        resolver.resolve(path)?
    };
    let layers = match index {
        Some(i) => resolver.layers(i, path, is_dir),
        None => Vec::new(),
    };
    let (config, origins) = settings::effective_layers(&layers, &overrides);

    let shown = crate::discover::display_path(path);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Settings for {shown}{}",
        if is_dir {
            " (files directly in it)"
        } else {
            ""
        }
    );
    if cli.no_config {
        let _ = writeln!(out, "# Configuration files: none (--no-config)");
    } else if layers.is_empty() {
        let _ = writeln!(
            out,
            "# Configuration files: none found in {shown} or above (defaults)"
        );
    } else {
        let _ = writeln!(out, "# Configuration files, lowest precedence first:");
        for (settings, matched) in &layers {
            let _ = writeln!(out, "#   {}{}", settings.describe(), how(settings));
            for &i in matched {
                let o = &settings.overrides[i];
                let _ = writeln!(
                    out,
                    "#     [[overrides]] at line {} (files = [\"{}\"]) applies",
                    o.line,
                    o.globs.join("\", \"")
                );
            }
        }
    }
    if !is_dir {
        if let Some(i) = index {
            if resolver.excludes(i, path) {
                let _ = writeln!(
                    out,
                    "# {shown} is left out by include/exclude when found by walking a directory \
                     (named on the command line, it is linted unless --force-exclude)"
                );
            }
        }
        if crate::discover::in_cargo_target_dir(path) {
            let _ = writeln!(
                out,
                "# {shown} is inside a cargo target directory: not linted"
            );
        }
    }
    out.push('\n');

    let line = |out: &mut String, key: &str, value: String, origin_key: &str| {
        let origin = origins
            .get(origin_key)
            .map_or("default", String::as_str)
            .to_string();
        let _ = writeln!(out, "{:<48} # {origin}", format!("{key} = {value}"));
    };
    line(
        &mut out,
        "include_tests",
        config.include_tests.to_string(),
        "include_tests",
    );
    line(
        &mut out,
        "require_reason",
        config.require_reason.to_string(),
        "require_reason",
    );
    line(
        &mut out,
        "max_file_bytes",
        config.max_file_bytes.to_string(),
        "max_file_bytes",
    );
    line(
        &mut out,
        "test_packages",
        list(&config.test_packages),
        "test_packages",
    );
    line(&mut out, "cache", config.cache.to_string(), "cache");

    out.push_str("\n[rules]\n");
    for l in &config.lints {
        let key = format!("rules.{}", l.lint.name);
        line(
            &mut out,
            l.lint.name,
            format!("\"{}\"", l.level.as_str()),
            &key,
        );
    }

    out.push_str("\n[options]\n");
    let defaults = leaklint_lints::LintOptions::default();
    line(
        &mut out,
        "large_value_bytes",
        config.options.large_value_bytes.to_string(),
        "options.large_value_bytes",
    );
    line(
        &mut out,
        "spawn_functions",
        list(&config.options.spawn_functions[defaults.spawn_functions.len()..]),
        "options.spawn_functions",
    );
    line(
        &mut out,
        "guard_functions",
        list(&config.options.guard_functions[defaults.guard_functions.len()..]),
        "options.guard_functions",
    );
    let report_or_ignore = |report: bool| match report {
        true => "\"report\"".to_string(),
        false => "\"ignore\"".to_string(),
    };
    line(
        &mut out,
        "process_lifetime",
        report_or_ignore(config.options.report_process_lifetime),
        "options.process_lifetime",
    );
    line(
        &mut out,
        "helper_file_io",
        report_or_ignore(config.options.report_helper_file_io),
        "options.helper_file_io",
    );
    line(
        &mut out,
        "call_depth",
        config.options.call_depth.to_string(),
        "options.call_depth",
    );
    let _ = writeln!(
        out,
        "# spawn_functions and guard_functions are added to the built-in ones ({})",
        defaults.guard_functions.join(", ")
    );
    Ok(out)
}

/// Why a table is in the chain, after its name.
fn how(settings: &FileSettings) -> &'static str {
    match settings.table {
        crate::config_file::Table::Workspace => " (the workspace's table)",
        _ => "",
    }
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
    format!("[{}]", quoted.join(", "))
}
