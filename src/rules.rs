//! Every rule the user can name: the rules of `leaklint-lints` plus the
//! driver's own rules about suppression comments, which the engine reports
//! itself (their check functions find nothing).

use leaklint_lints::{declare_lint, FileContext, Finding, Lint, LintOptions, LINTS};

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
    // Only a file with a `leaklint:` directive can have a finding of this rule.
    trigger_words: &[crate::prefilter::SUPPRESSION_WORD],
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
    // Only a file with a `leaklint:` directive can have a finding of this rule.
    trigger_words: &[crate::prefilter::SUPPRESSION_WORD],
    check: nothing,
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

/// Looks a rule up by name among [`all`].
pub fn find(name: &str) -> Option<&'static Lint> {
    all().find(|l| l.name == name)
}
