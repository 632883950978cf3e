use crate::{FileContext, Finding, LintOptions};

crate::declare_lint! {
    /// ### What it does
    /// WIP
    pub SPAWN_WITHOUT_CANCEL,
    name: "spawn_without_cancel",
    level: Warn,
    summary: "a detached task loops forever and nothing can cancel it",
    trigger_words: &["spawn"],
    check: check,
}

fn check(_ctx: &FileContext<'_>, _options: &LintOptions) -> Vec<Finding> {
    Vec::new()
}
