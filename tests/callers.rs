//! Findings that are moot once every caller in the workspace is known: a
//! task started by a fn reached only from `main` lives as long as the
//! process, a blocking call in an async fn awaited only by `main` runs on the
//! main thread. Anything else in the chain (a loop, a spawned task, a caller
//! leaklint cannot read) keeps the finding.

mod common;

use std::path::Path;

use common::leaklint;
use serde_json::Value;

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// (file, line, rule) of every finding of `leaklint --format json ARGS`.
fn findings(dir: &Path, args: &[&str]) -> Vec<(String, u64, String)> {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = leaklint(dir, &all);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Declares `app/src/<name>.rs` as a module of the app (a file no `mod`
/// declares is not part of the crate).
fn add_module(dir: &Path, name: &str) {
    let main = dir.join("app/src/main.rs");
    let text = std::fs::read_to_string(&main).unwrap();
    std::fs::write(main, format!("mod {name};\n{text}")).unwrap();
}

fn f(file: &str, line: u64, rule: &str) -> (String, u64, String) {
    (file.to_string(), line, rule.to_string())
}

/// A service workspace: a binary whose `main` builds the services once and
/// runs a CLI command, and a library whose workers are started from there.
fn workspace(dir: &Path) {
    write(
        dir,
        "Cargo.toml",
        "[workspace]\nmembers = [\"app\", \"core\"]\n",
    );
    write(
        dir,
        "app/Cargo.toml",
        "[package]\nname = \"app\"\n[dependencies]\ncore = { path = \"../core\" }\n",
    );
    write(
        dir,
        "app/src/main.rs",
        "mod commands;
mod handlers;
mod reload;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let services = core::Services::new().await;
    services.start_cleaner();
    commands::setup::command().await?;
    tokio::spawn(async move { handlers::handle().await });
    loop {
        reload::rebuild();
        wait_for_reload().await;
    }
}
",
    );
    write(dir, "app/src/commands.rs", "pub mod setup;\n");
    write(
        dir,
        "app/src/commands/setup.rs",
        "pub async fn command() -> anyhow::Result<()> {
    let text = std::fs::read_to_string(\"setup.toml\")?;
    apply(&text);
    Ok(())
}
",
    );
    write(
        dir,
        "app/src/handlers.rs",
        "pub async fn handle() {
    let text = std::fs::read_to_string(\"request.json\").unwrap();
    respond(text).await;
}
",
    );
    write(
        dir,
        "app/src/reload.rs",
        "pub fn rebuild() {
    tokio::spawn(async { loop { refresh().await; } });
}
",
    );
    write(dir, "core/Cargo.toml", "[package]\nname = \"core\"\n");
    write(
        dir,
        "core/src/lib.rs",
        "pub struct Services;

impl Services {
    pub async fn new() -> Services {
        tokio::spawn(async { loop { vacuum().await; } });
        Services
    }

    pub fn start_cleaner(&self) {
        tokio::spawn(async { loop { clean().await; } });
    }
}

pub fn orphan() {
    tokio::spawn(async { loop { tick().await; } });
}
",
    );
}

#[test]
fn findings_reached_only_from_main_are_dropped() {
    let dir = tempfile::tempdir().unwrap();
    workspace(dir.path());
    assert_eq!(
        findings(dir.path(), &[]),
        [
            // Read in a task spawned by main: a runtime worker.
            f("app/src/handlers.rs", 2, "blocking_call_in_async"),
            // Started on every turn of main's reload loop.
            f("app/src/reload.rs", 2, "spawn_without_cancel"),
            // No caller: nothing says it runs once.
            f("core/src/lib.rs", 15, "spawn_without_cancel"),
        ]
    );
    // Linting one file still reads the workspace for its callers.
    assert_eq!(findings(dir.path(), &["core/src/lib.rs"]).len(), 1);
    assert_eq!(findings(dir.path(), &["app/src/commands/setup.rs"]), []);
}

#[test]
fn process_lifetime_report_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    workspace(dir.path());
    write(
        dir.path(),
        "leaklint.toml",
        "[options]\nprocess_lifetime = \"report\"\n",
    );
    let found = findings(dir.path(), &[]);
    assert!(
        found.contains(&f("core/src/lib.rs", 5, "spawn_without_cancel")),
        "{found:?}"
    );
    assert!(
        found.contains(&f("core/src/lib.rs", 10, "spawn_without_cancel")),
        "{found:?}"
    );
    // Main-thread code is not a worker either way.
    assert!(!found
        .iter()
        .any(|(file, _, _)| file == "app/src/commands/setup.rs"));
}

#[test]
fn an_unseen_caller_keeps_the_findings() {
    // Another caller in a loop, or a file leaklint cannot parse that names
    // the fns (and so could hold one), keeps their findings.
    let dir = tempfile::tempdir().unwrap();
    workspace(dir.path());
    write(
        dir.path(),
        "app/src/pool.rs",
        "fn refill() { loop { let _ = core::Services::new(); } }\n",
    );
    add_module(dir.path(), "pool");
    let found = findings(dir.path(), &[]);
    assert!(
        found.contains(&f("core/src/lib.rs", 5, "spawn_without_cancel")),
        "{found:?}"
    );
    assert!(
        !found.contains(&f("core/src/lib.rs", 10, "spawn_without_cancel")),
        "{found:?}"
    );

    // A file that cannot be parsed and names the fns could call them.
    let dir = tempfile::tempdir().unwrap();
    workspace(dir.path());
    write(
        dir.path(),
        "app/src/broken.rs",
        "fn half( { core::Services::new(); commands::setup::command();\n",
    );
    add_module(dir.path(), "broken");
    let found = findings(dir.path(), &[]);
    assert!(
        found.contains(&f("core/src/lib.rs", 5, "spawn_without_cancel")),
        "{found:?}"
    );
    assert!(
        found.contains(&f("app/src/commands/setup.rs", 2, "blocking_call_in_async")),
        "{found:?}"
    );

    // One that never names them cannot: the crate is read as far as the
    // findings need, by the names they depend on.
    let dir = tempfile::tempdir().unwrap();
    workspace(dir.path());
    write(dir.path(), "app/src/broken.rs", "fn half( {\n");
    add_module(dir.path(), "broken");
    let found = findings(dir.path(), &[]);
    assert!(
        !found.contains(&f("core/src/lib.rs", 5, "spawn_without_cancel")),
        "{found:?}"
    );
    assert!(
        !found.contains(&f("app/src/commands/setup.rs", 2, "blocking_call_in_async")),
        "{found:?}"
    );
}

/// Which of the workspace's three findings that `main` alone may make moot
/// (`Services::new`'s task, `start_cleaner`'s task, the setup command's
/// blocking read) are reported.
fn main_only_findings_kept(dir: &Path) -> [bool; 3] {
    let found = findings(dir, &[]);
    [
        f("core/src/lib.rs", 5, "spawn_without_cancel"),
        f("core/src/lib.rs", 10, "spawn_without_cancel"),
        f("app/src/commands/setup.rs", 2, "blocking_call_in_async"),
    ]
    .map(|finding| found.contains(&finding))
}

#[test]
fn a_file_that_does_not_tokenize_may_call_only_what_it_names() {
    // In an editor a half-typed line leaves a file that does not even
    // tokenize: it may call `Services::new`, which it names, not the fns
    // only `main` calls.
    let dir = tempfile::tempdir().unwrap();
    workspace(dir.path());
    write(
        dir.path(),
        "app/src/broken.rs",
        "fn half( { let _ = core::Services::new();\n",
    );
    add_module(dir.path(), "broken");
    assert_eq!(main_only_findings_kept(dir.path()), [true, false, false]);
    // Naming a fn that calls them (here `main`, in a loop) may call them.
    write(
        dir.path(),
        "app/src/broken.rs",
        "fn half( { loop { main(); }\n",
    );
    assert_eq!(main_only_findings_kept(dir.path()), [true, true, true]);
}

#[test]
fn a_half_typed_pub_item_declares_no_module() {
    // `pub` could begin a `pub mod` or a `pub use` the lexical scan cannot
    // read past the error; a file that never says `mod` declares no module
    // whatever the rest is, so it still may call only what it names.
    let dir = tempfile::tempdir().unwrap();
    workspace(dir.path());
    write(
        dir.path(),
        "app/src/broken.rs",
        "pub fn half( {\n    let _ = core::Services::new();\n",
    );
    add_module(dir.path(), "broken");
    assert_eq!(main_only_findings_kept(dir.path()), [true, false, false]);
    // One that says `mod` may declare modules nothing else reveals: any of
    // them may call anything.
    write(
        dir.path(),
        "app/src/broken.rs",
        "pub mod more;\npub fn half( {\n",
    );
    assert_eq!(main_only_findings_kept(dir.path()), [true, true, true]);
}

#[test]
fn a_broken_file_keeps_only_the_findings_it_could_call_into() {
    // A library file that cannot be parsed may call the library's fns, not
    // the binary's: `main`'s own start-up code is still decided.
    let dir = tempfile::tempdir().unwrap();
    workspace(dir.path());
    write(
        dir.path(),
        "core/src/lib.rs",
        &format!(
            "mod broken;\n{}",
            std::fs::read_to_string(dir.path().join("core/src/lib.rs")).unwrap()
        ),
    );
    write(
        dir.path(),
        "core/src/broken.rs",
        "fn half() -> { Services::new(); commands::setup::command(); }\n",
    );
    let found = findings(dir.path(), &[]);
    assert!(
        found.contains(&f("core/src/lib.rs", 6, "spawn_without_cancel")),
        "{found:?}"
    );
    assert!(
        !found.contains(&f("app/src/commands/setup.rs", 2, "blocking_call_in_async")),
        "{found:?}"
    );
    // The file that kept them is reported, though no rule needed it parsed
    // (it tokenizes: only parsing finds the error).
    let out = leaklint(dir.path(), &["--format", "json"]);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = value["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["file"], "core/src/broken.rs");
    assert_eq!(errors[0]["line"], 1);
    // As a run that parses every file says.
    let out = leaklint(dir.path(), &["--format", "json", "--no-prefilter"]);
    let unfiltered: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(unfiltered["errors"], value["errors"]);
}

#[test]
fn a_fn_called_through_a_value_or_an_unread_macro_keeps_its_finding() {
    let dir = tempfile::tempdir().unwrap();
    workspace(dir.path());
    write(
        dir.path(),
        "app/src/retry.rs",
        "fn later() { retry!(core::orphan); run_each(reload::rebuild); }\n",
    );
    add_module(dir.path(), "retry");
    write(
        dir.path(),
        "core/src/extra.rs",
        "pub fn boot() { tokio::spawn(async { loop { tick().await; } }); }\nfn wire() { register(boot); }\n",
    );
    write(
        dir.path(),
        "app/src/main2.rs",
        "fn start_all() { core::extra::boot(); }\n",
    );
    let found = findings(dir.path(), &[]);
    assert!(
        found.contains(&f("core/src/extra.rs", 1, "spawn_without_cancel")),
        "{found:?}"
    );
}

#[test]
fn a_file_no_module_declares_is_not_part_of_the_crate() {
    // `pool.rs` calls `Services::new` in a loop, but no `mod pool;` makes it
    // part of the app: it is never compiled, so `new` is still reached from
    // `main` only.
    let dir = tempfile::tempdir().unwrap();
    workspace(dir.path());
    write(
        dir.path(),
        "app/src/pool.rs",
        "fn refill() { loop { let _ = core::Services::new(); } }\n",
    );
    let found = findings(dir.path(), &[]);
    assert!(
        !found.contains(&f("core/src/lib.rs", 5, "spawn_without_cancel")),
        "{found:?}"
    );
}

/// A crate with many async files and one file that blocks: its blocking
/// fns are found before the engine runs, and async code is read for helper
/// calls only where it names one. Linting the whole crate or one file gives
/// the same finding.
#[test]
fn blocking_helpers_are_found_before_the_files_that_call_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "Cargo.toml", "[package]\nname = \"svc\"\n");
    write(
        root,
        "src/main.rs",
        "mod store;\nmod a;\nmod b;\nmod c;\nmod d;\n\nfn main() {}\n",
    );
    write(
        root,
        "src/store.rs",
        "pub fn load_slow() -> u8 {\n    wait_for_peer()\n}\n\nfn wait_for_peer() -> u8 {\n    std::thread::sleep(std::time::Duration::from_secs(1));\n    0\n}\n\npub fn quick() -> u8 {\n    1\n}\n",
    );
    write(
        root,
        "src/a.rs",
        "pub async fn handle() -> u8 {\n    crate::store::load_slow()\n}\n",
    );
    write(
        root,
        "src/b.rs",
        "pub async fn other() -> u8 {\n    crate::store::quick()\n}\n",
    );
    write(root, "src/c.rs", "pub async fn c() {}\n");
    write(root, "src/d.rs", "pub async fn d() {}\n");
    let whole = findings(root, &["--no-cache", "."]);
    assert_eq!(whole, [f("src/a.rs", 2, "blocking_call_in_async")]);
    let one = findings(root, &["--no-cache", "src/a.rs"]);
    assert_eq!(one, whole);
    let cached = findings(root, &["src/a.rs"]);
    assert_eq!(cached, whole);
    assert!(findings(root, &["src/b.rs"]).is_empty());
}

/// Files of one crate linted under different configurations (a nearer
/// `leaklint.toml` turns `blocking_call_in_async` off in one directory):
/// where it is off the crate's blocking helpers are not looked for, and
/// the files where it is on, linted in the same run, still find them
/// (whichever configuration comes first).
#[test]
fn blocking_helpers_are_found_where_the_rule_is_on_beside_files_where_it_is_off() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "Cargo.toml", "[package]\nname = \"svc\"\n");
    write(
        root,
        "src/main.rs",
        "mod store;\nmod api;\nmod jobs;\n\nfn main() {}\n",
    );
    write(
        root,
        "src/store.rs",
        "pub fn load_slow() -> u8 {\n    std::thread::sleep(std::time::Duration::from_secs(1));\n    0\n}\n",
    );
    let calls = "pub async fn handle() -> u8 {\n    crate::store::load_slow()\n}\n";
    for module in ["api", "jobs"] {
        write(root, &format!("src/{module}/mod.rs"), "pub mod handler;\n");
        write(root, &format!("src/{module}/handler.rs"), calls);
    }
    // Each directory's files are linted as a group of their own, in the
    // order of their configurations: the root's first. The rule is off for
    // the first group, then on; and the other way round.
    let rule = |level: &str| format!("[rules]\nblocking_call_in_async = \"{level}\"\n");
    for (first, then, found_in) in [("allow", "warn", "api"), ("warn", "allow", "jobs")] {
        write(root, "leaklint.toml", &rule(first));
        write(root, "src/api/leaklint.toml", &rule(then));
        let found = findings(root, &["--no-cache", "."]);
        let expected = [f(
            &format!("src/{found_in}/handler.rs"),
            2,
            "blocking_call_in_async",
        )];
        assert_eq!(found, expected, "{first} then {then}");
        assert_eq!(findings(root, &["."]), found, "cached, {first} then {then}");
    }
}

/// A timer that `ticks.rs` returns to a loop of `window.rs`, whose task a
/// spawn wrapper of `spawn.rs` starts from `pipeline.rs`: linting only the
/// timer's file, the crate pass reads the callers and the wrapper itself
/// (whether `detach` spawns its parameter decides whether the task runs
/// detached).
#[test]
fn a_timer_returned_to_a_task_started_by_a_wrapper_is_found_from_its_own_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "Cargo.toml",
        "[package]\nname = \"sp\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    write(
        d,
        "src/lib.rs",
        "pub mod pipeline;\npub mod spawn;\npub mod ticks;\npub mod window;\n",
    );
    write(
        d,
        "src/spawn.rs",
        "pub fn detach<F: std::future::Future<Output = ()> + Send + 'static>(name: &str, fut: F) {\n    tokio::spawn(fut);\n}\n",
    );
    write(
        d,
        "src/ticks.rs",
        "use tokio::time::{interval, Interval};\npub fn every(d: std::time::Duration) -> Interval {\n    interval(d)\n}\n",
    );
    write(
        d,
        "src/window.rs",
        "pub async fn run() {\n    let mut tick = crate::ticks::every(std::time::Duration::from_secs(5));\n    loop {\n        tick.tick().await;\n    }\n}\n",
    );
    write(
        d,
        "src/pipeline.rs",
        "pub fn start() {\n    crate::spawn::detach(\"window\", async { crate::window::run().await });\n}\n",
    );
    assert_eq!(
        findings(d, &["--no-cache", "src/ticks.rs"]),
        [f("src/ticks.rs", 3, "timer_never_dropped")]
    );
    // A fn that does not spawn what it is given starts no task.
    write(
        d,
        "src/spawn.rs",
        "pub fn detach<F: std::future::Future<Output = ()> + Send + 'static>(name: &str, fut: F) {\n    drop(fut);\n}\n",
    );
    assert_eq!(findings(d, &["--no-cache", "src/ticks.rs"]), []);
}

/// A client whose heartbeat task's handle is stored in a field, and a
/// `Drop` in `teardown.rs` (given as `teardown`) that may abort it.
fn client_with_teardown(dir: &Path, teardown: &str) {
    write(
        dir,
        "Cargo.toml",
        "[package]\nname = \"client\"\nversion = \"0.1.0\"\n",
    );
    write(
        dir,
        "src/lib.rs",
        "mod teardown;

pub struct Client {
    pub(crate) heartbeat: Option<tokio::task::JoinHandle<()>>,
}

impl Client {
    pub fn connect() -> Client {
        let h = tokio::spawn(async move {
            loop {
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        });
        Client { heartbeat: Some(h) }
    }
}
",
    );
    write(dir, "src/teardown.rs", teardown);
}

#[test]
fn a_file_that_does_not_parse_may_read_the_fields_it_names() {
    const DROP: &str = "impl Drop for crate::Client {
    fn drop(&mut self) {
        if let Some(h) = self.heartbeat.take() {
            h.abort();
        }
    }
}
";
    let dir = tempfile::tempdir().unwrap();
    // The `Drop` aborts the task: nothing to report.
    client_with_teardown(dir.path(), DROP);
    assert_eq!(findings(dir.path(), &[]), []);
    // Half-typed elsewhere in the file that holds it: it may still abort
    // it, whether the whole package or `lib.rs` alone is linted.
    client_with_teardown(dir.path(), &format!("{DROP}fn half() {{ let x = ; }}\n"));
    assert_eq!(findings(dir.path(), &[]), []);
    assert_eq!(findings(dir.path(), &["src/lib.rs"]), []);
    // A file that cannot be parsed and never names the field cannot read it.
    client_with_teardown(dir.path(), "fn half() { let x = ; }\n");
    assert_eq!(
        findings(dir.path(), &["src/lib.rs"]),
        [f("src/lib.rs", 9, "spawn_without_cancel")]
    );
}
