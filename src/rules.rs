//! Every rule the user can name: the rules of `leaklint-lints` plus the
//! driver's own rules about suppression comments, which the engine reports
//! itself (their check functions find nothing).

use leaklint_lints::{declare_lint, FileContext, Finding, Lint, LintOptions, Triggers, LINTS};

fn nothing(_: &FileContext<'_>, _: &LintOptions) -> Vec<Finding> {
    Vec::new()
}

declare_lint! {
    /// ### What it does
    /// Reports a `// leaklint: allow(…)` or `// leaklint: allow-file(…)`
    /// directive that suppresses nothing, or that names a rule that does not
    /// exist.
    ///
    /// ### Why is this bad
    /// A suppression outlives the finding it was written for: once the code
    /// is fixed or moved, the stale comment would silently hide the next,
    /// unrelated finding on that line.
    ///
    /// ### Known problems
    /// Directives for rules that did not run (turned off with `allow`, or not
    /// in `--select`) and directives in files that could not be parsed are
    /// not reported.
    ///
    /// ### Example
    /// ```rust
    /// // leaklint: allow(spawn_without_cancel) the loop below was removed
    /// let x = 1;
    /// ```
    ///
    /// ### Use instead
    /// Delete the directive, or fix the rule name.
    pub UNUSED_SUPPRESSION,
    name: "unused_suppression",
    level: Warn,
    summary: "a `leaklint: allow` directive that suppresses nothing or names an unknown rule",
    triggers: suppression_comment,
    check: nothing,
}

declare_lint! {
    /// ### What it does
    /// Reports a suppression directive that gives no reason after its rule
    /// list. Off by default; `--require-reason` (or `require_reason = true`
    /// in the configuration) turns it on.
    ///
    /// ### Why is this bad
    /// A suppression without a reason cannot be reviewed: nobody can tell
    /// whether the leak was judged harmless or just silenced.
    ///
    /// ### Known problems
    /// Any text counts as a reason.
    ///
    /// ### Example
    /// ```rust
    /// // leaklint: allow(spawn_without_cancel)
    /// ```
    ///
    /// ### Use instead
    /// ```rust
    /// // leaklint: allow(spawn_without_cancel) runs for the life of the process by design
    /// ```
    pub SUPPRESSION_WITHOUT_REASON,
    name: "suppression_without_reason",
    level: Allow,
    summary: "a `leaklint: allow` directive without a reason (with --require-reason)",
    triggers: suppression_comment,
    check: nothing,
}

/// The word of a suppression comment: only a file with a `leaklint:`
/// directive can have a finding of the driver's rules.
fn suppression_comment() -> Triggers {
    Triggers::new([crate::prefilter::SUPPRESSION_WORD])
}

/// The driver's own rules.
pub const DRIVER_LINTS: &[Lint] = &[UNUSED_SUPPRESSION, SUPPRESSION_WITHOUT_REASON];

/// Every rule: the registry of `leaklint-lints`, then the driver's rules.
pub fn all() -> impl Iterator<Item = &'static Lint> {
    LINTS.iter().chain(DRIVER_LINTS.iter())
}

/// Every rule's name.
pub fn names() -> Vec<&'static str> {
    all().map(|l| l.name).collect()
}

/// Looks a rule up by name among [`all`]; `spawn-without-cancel` (ruff's
/// and clippy's command-line spelling) names `spawn_without_cancel`.
pub fn find(name: &str) -> Option<&'static Lint> {
    let name = canonical(name);
    all().find(|l| l.name == name)
}

/// A rule name with hyphens written as underscores.
pub fn canonical(name: &str) -> std::borrow::Cow<'_, str> {
    if name.contains('-') {
        std::borrow::Cow::Owned(name.replace('-', "_"))
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

/// The repository leaklint's documentation lives in: the package's
/// `repository` in Cargo.toml, or leaklint's home.
pub fn repository() -> &'static str {
    let configured = env!("CARGO_PKG_REPOSITORY").trim_end_matches('/');
    if configured.is_empty() {
        "https://github.com/leaklint/leaklint"
    } else {
        configured
    }
}

/// The web page of a rule's documentation (`docs/rules/RULE.md` in the repository).
pub fn url(lint: &Lint) -> String {
    url_of(lint.name)
}

/// The web page of the documentation of the rule named `name`.
pub fn url_of(name: &str) -> String {
    format!("{}/blob/main/docs/rules/{name}.md", repository())
}

/// Where a rule's documentation page is, relative to the repository root.
pub fn doc_path(lint: &Lint) -> String {
    format!("docs/rules/{}.md", lint.name)
}

/// A configuration option and the rules that read it.
#[derive(Debug, Clone, Copy)]
pub struct RuleOption {
    /// The key under `[options]`.
    pub key: &'static str,
    /// Its type and default, as written in a configuration file.
    pub default: &'static str,
    /// What it changes.
    pub meaning: &'static str,
    /// The rules that read it.
    pub rules: &'static [&'static str],
}

/// Every `[options]` key, with the rules that read it.
pub const OPTIONS: &[RuleOption] = &[
    RuleOption {
        key: "spawn_functions",
        default: "[]",
        meaning:
            "more calls that spawn tasks (paths, matched as written or resolved through `use`)",
        rules: &[
            "spawn_without_cancel",
            "spawn_in_loop_unbounded",
            "timer_never_dropped",
            "cancel_token_never_cancelled",
            "join_handle_dropped_by_race",
        ],
    },
    RuleOption {
        key: "call_depth",
        default: "4",
        meaning: "how many calls deep a task body is followed into the crate's fns",
        rules: &[
            "spawn_without_cancel",
            "timer_never_dropped",
            "blocking_call_in_async",
        ],
    },
    RuleOption {
        key: "process_lifetime",
        default: "\"ignore\"",
        meaning: "\"report\" also reports tasks started once from `main` or a static's initializer",
        rules: &[
            "spawn_without_cancel",
            "timer_never_dropped",
            "join_handle_dropped_by_race",
        ],
    },
    RuleOption {
        key: "helper_file_io",
        default: "\"ignore\"",
        meaning:
            "\"report\" also reports async code calling a sync helper that blocks only on file I/O",
        rules: &["blocking_call_in_async"],
    },
    RuleOption {
        key: "guard_functions",
        default: "[]",
        meaning: "more calls that build drop guards (matched by their last path segments)",
        rules: &["defer_captures_large_value"],
    },
    RuleOption {
        key: "large_value_bytes",
        default: "4096",
        meaning: "the size in bytes (inclusive) from which a captured value is large",
        rules: &["defer_captures_large_value"],
    },
];

/// The options a rule reads.
pub fn options_of(lint: &Lint) -> impl Iterator<Item = &'static RuleOption> + '_ {
    OPTIONS.iter().filter(|o| o.rules.contains(&lint.name))
}

/// The page `docs/rules/RULE.md`: the rule's summary, default level,
/// options and suppression, then its documentation with headings one
/// level up. Generated from the doc comment; `tests/docs.rs` checks the
/// files (`BLESS=1 cargo test --test docs` rewrites them).
pub fn doc_page(lint: &Lint) -> String {
    let mut out = format!(
        "# `{name}`\n\n<!-- generated from the rule's doc comment by tests/docs.rs; \
         BLESS=1 cargo test --test docs -->\n\n{summary}.\n\n\
         * Default level: `{level}` (change it with `-A`/`-W`/`-D {name}` or \
         `[rules] {name} = \"deny\"` in `leaklint.toml`)\n",
        name = lint.name,
        summary = capitalised(lint.summary),
        level = lint.default_level.as_str(),
    );
    let options: Vec<_> = options_of(lint).collect();
    if !options.is_empty() {
        out.push_str("* Options (`[options]` in `leaklint.toml`):\n");
        for o in options {
            out.push_str(&format!("  * `{} = {}`: {}\n", o.key, o.default, o.meaning));
        }
    }
    if !DRIVER_LINTS.iter().any(|l| l.name == lint.name) {
        out.push_str(&format!(
            "* Suppress one finding: `// leaklint: allow({}) reason`\n",
            lint.name
        ));
    }
    out.push_str(&format!(
        "* On the command line: `leaklint --explain {}`\n\n",
        lint.name
    ));
    let mut in_code = false;
    for line in lint.explain().lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        }
        match line.strip_prefix("### ") {
            Some(heading) if !in_code => out.push_str(&format!("## {heading}\n")),
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// `docs/rules/README.md`: every rule with its default level and summary.
pub fn doc_index() -> String {
    let mut out = String::from(
        "# leaklint rules\n\n<!-- generated by tests/docs.rs; BLESS=1 cargo test --test docs -->\n\n\
         | rule | default | finds |\n|---|---|---|\n",
    );
    for lint in all() {
        out.push_str(&format!(
            "| [`{0}`]({0}.md) | {1} | {2} |\n",
            lint.name,
            lint.default_level.as_str(),
            lint.summary
        ));
    }
    out
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The `--explain` text: the rule's name and summary, default level,
/// options and documentation page, then its documentation.
pub fn explain(lint: &Lint) -> String {
    let mut out = format!(
        "{}: {}\n\nDefault level: {}\n",
        lint.name,
        lint.summary,
        lint.default_level.as_str()
    );
    let options: Vec<_> = options_of(lint).collect();
    if !options.is_empty() {
        out.push_str("Options ([options] in leaklint.toml):\n");
        for o in options {
            out.push_str(&format!("  {} = {}: {}\n", o.key, o.default, o.meaning));
        }
    }
    out.push_str(&format!("Documentation: {}\n\n", url(lint)));
    out.push_str(&lint.explain());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_name_existing_rules() {
        for option in OPTIONS {
            for rule in option.rules {
                assert!(find(rule).is_some(), "{} names {rule}", option.key);
            }
            assert!(
                crate::config_file::OPTION_KEYS.contains(&option.key),
                "{}",
                option.key
            );
        }
        for key in crate::config_file::OPTION_KEYS {
            assert!(OPTIONS.iter().any(|o| o.key == *key), "{key} undocumented");
        }
    }

    #[test]
    fn hyphens_name_rules() {
        assert_eq!(
            find("spawn-without-cancel").map(|l| l.name),
            Some("spawn_without_cancel")
        );
        assert!(find("spawn-without-cancle").is_none());
    }
}
