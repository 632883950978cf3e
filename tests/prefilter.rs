//! The pre-filter loses nothing: with and without it, the findings are
//! identical. Always over `ui-tests/` (every rule's hits and near misses)
//! and a generated tree; over a corpus of real crates when
//! `LEAKLINT_CORPUS` names one (e.g. `LEAKLINT_CORPUS=/tmp/corpus/top`).

use std::path::{Path, PathBuf};

use leaklint::callers::{mark_crates_with_blocking_calls, CrateBlocking};
use leaklint::discover::discover;
use leaklint::engine::{lint_all_with, RunOptions};
use leaklint::later::Later;
use leaklint::packages::PackageNames;
use leaklint::{Config, Report, Timings};

/// Lints `root` with and without the pre-filter and checks that the
/// findings are identical and that every error of the filtered run is in
/// the unfiltered one; returns (files scanned, files parsed with the filter).
fn assert_lossless(root: &Path) -> (usize, u64, Report) {
    let discovery = discover(&[root.to_path_buf()]).expect("the tree exists");
    // Every rule the CLI runs, the driver's suppression rules included.
    let lints: Vec<_> = leaklint::rules::all().copied().collect();
    let config = Config::with_lints(&lints);
    // What the crates say before the engine runs, as the CLI finds it: a
    // file may need it to be read (it calls a crate's spawn wrapper whose
    // name does not say `spawn`).
    let (mut names, mut spawn_wrappers, mut tests) = (Vec::new(), Vec::new(), Vec::new());
    let blocking = mark_crates_with_blocking_calls(
        &discovery.files,
        &mut PackageNames::default(),
        &config,
        &mut CrateBlocking::default(),
        &mut |found, wrappers, test_by_tree| {
            (names, spawn_wrappers, tests) = (found, wrappers, test_by_tree)
        },
    );
    let crates = leaklint::engine::CrateBlocking {
        names: Later::ready(names),
        spawn_wrappers: Later::ready(spawn_wrappers),
        test_by_tree: Later::ready(tests),
        blocking: Later::ready(blocking),
    };
    let run = |prefilter| {
        let timings = Timings::new(&config);
        let options = RunOptions {
            threads: Some(2),
            prefilter,
        };
        let report =
            lint_all_with(&discovery, &config, &options, Some(&timings), Some(&crates)).unwrap();
        (report, timings.files_parsed())
    };
    let (filtered, parsed) = run(true);
    let (full, parsed_all) = run(false);
    assert_eq!(filtered.files_scanned, full.files_scanned);
    // Without the filter every file is parsed, but test code and skipped
    // (generated, oversized) files, which are not linted at all.
    assert_eq!(
        parsed_all as usize,
        full.files_scanned - full.test_files - full.skipped.len()
    );

    let findings = |r: &Report| -> Vec<String> {
        r.files
            .iter()
            .flat_map(|f| {
                f.diagnostics
                    .iter()
                    .map(move |d| format!("{}: {:?}", f.path, d))
            })
            .collect()
    };
    let (with, without) = (findings(&filtered), findings(&full));
    if with != without {
        let missing: Vec<_> = without.iter().filter(|d| !with.contains(d)).collect();
        let extra: Vec<_> = with.iter().filter(|d| !without.contains(d)).collect();
        panic!(
            "the pre-filter changed the findings under {}:\nlost: {missing:#?}\ngained: {extra:#?}",
            root.display()
        );
    }
    // Files the filter keeps from the rules are still checked for grammar
    // errors: the errors are the full run's.
    let errors = |r: &Report| -> Vec<String> {
        (r.files.iter())
            .flat_map(|f| f.errors.iter().map(move |e| format!("{}: {e:?}", f.path)))
            .collect()
    };
    assert_eq!(errors(&filtered), errors(&full), "under {}", root.display());
    (full.files_scanned, parsed, filtered)
}

#[test]
fn lossless_over_the_ui_tests() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui-tests");
    let (scanned, _, _) = assert_lossless(&root);
    assert!(scanned > 0);
}

#[test]
fn lossless_and_selective_over_a_generated_tree() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        // Found through a rename: the word is only in the `use`.
        (
            "renamed.rs",
            "use tokio::spawn as go;\nfn f() { go(async { loop { tick().await; } }); }\n",
        ),
        (
            "plain.rs",
            "fn f() { tokio::spawn(async { loop { tick().await; } }); }\n",
        ),
        ("no_words.rs", "fn add(a: u8, b: u8) -> u8 { a + b }\n"),
        // Not parsed with the filter, but not made of tokens either: reported.
        ("broken_no_words.rs", "fn broken( {\n"),
        // No rule runs on it, but its grammar error is reported.
        ("ungrammatical_no_words.rs", "fn f() { let x = ; }\n"),
        (
            "suppressed.rs",
            "// leaklint: allow(spawn_without_cancel) reason\nfn f() {}\n",
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let (scanned, parsed, filtered) = assert_lossless(dir.path());
    assert_eq!(scanned, 6);
    let with_errors: Vec<&str> = filtered
        .files
        .iter()
        .filter(|f| !f.errors.is_empty())
        .map(|f| f.path.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(
        with_errors,
        ["broken_no_words.rs", "ungrammatical_no_words.rs"]
    );
    // renamed, plain and the file with a suppression comment.
    assert_eq!(parsed, 3);
}

/// Calls that rules resolve through every way a `use` can spell a path:
/// each file holds one finding, which the pre-filter must keep.
#[test]
fn lossless_over_the_ways_a_path_is_spelled() {
    const BUF: &str = "let buf = [0u8; 8192];";
    let files = [
        // timer_never_dropped: `time::sleep` / `time::interval` entries.
        ("t_group.rs", "use tokio::time::{interval, Duration};\nfn f() { std::mem::forget(interval(Duration::from_secs(1))); }\n".to_string()),
        ("t_module_rename.rs", "use tokio::time as t;\nfn f() { std::mem::forget(t::interval(d)); }\n".to_string()),
        ("t_glob.rs", "use tokio::time::*;\nfn f() { std::mem::forget(sleep(d)); }\n".to_string()),
        ("t_self_rename.rs", "use tokio::{time::{self as clock}};\nfn f() { std::mem::forget(clock::sleep(d)); }\n".to_string()),
        ("t_comment.rs", "fn f() { std::mem::forget(tokio::time /* why */ ::sleep(d)); }\n".to_string()),
        ("t_lines.rs", "fn f() {\n    std::mem::forget(tokio::time::\n        sleep(d));\n}\n".to_string()),
        // defer_captures_large_value: `defer!`, `scopeguard::guard`, `OnDrop::new`.
        ("d_macro_rename.rs", format!("use scopeguard::defer as later;\nfn f(log: &Log) {{ {BUF} later! {{ log.b(buf[0]); }} work(); }}\n")),
        ("d_group.rs", format!("use scopeguard::{{guard, ScopeGuard}};\nfn f(log: &Log) {{ {BUF} let _g = guard((), |_| log.b(buf[0])); work(); }}\n")),
        ("d_turbofish.rs", format!("fn f(log: &Log) {{ {BUF} let _g = util::OnDrop::<_>::new(|| log.b(buf[0])); work(); }}\n")),
        ("d_type_rename.rs", format!("use util::OnDrop as Finally;\nfn f(log: &Log) {{ {BUF} let _g = Finally::new(|| log.b(buf[0])); work(); }}\n")),
        // blocking_call_in_async: `std::fs`, `thread::sleep`, `net::TcpStream`, `block_on`.
        ("b_fs_rename.rs", "use std::{fs as filesystem};\nasync fn f() { filesystem::read(\"x\"); }\n".to_string()),
        ("b_thread_self.rs", "use std::thread::{self as th};\nasync fn f() { th::sleep(d); }\n".to_string()),
        ("b_net_group.rs", "use std::net::{SocketAddr, TcpStream};\nasync fn f() { TcpStream::connect(\"x\"); }\n".to_string()),
        ("b_runtime.rs", "async fn f() { let rt = tokio::runtime::Runtime::new().unwrap(); rt.block_on(async {}); }\n".to_string()),
        ("b_executor.rs", "use futures::executor;\nasync fn f() { executor::block_on(async {}); }\n".to_string()),
        ("b_raw.rs", "use std::{r#fs};\nasync fn f() { r#fs::read(\"x\"); }\n".to_string()),
        // … and the receivers it judges: `process::Command` / `Child`, a channel
        // crate with `recv`, `sync::Condvar`, `thread::spawn` with `join`,
        // `net::ToSocketAddrs`.
        ("b_process_group.rs", "use std::process::{Command, Stdio};\nasync fn f() { Command::new(\"x\").stdin(Stdio::null()).output(); }\n".to_string()),
        ("b_child_field.rs", "use std::process::Child;\nstruct W { c: Option<Child> }\nimpl W { async fn f(&mut self) { self.c.as_mut().unwrap().wait(); } }\n".to_string()),
        ("b_crossbeam_rename.rs", "use crossbeam_channel as cb;\nasync fn f() { let (_tx, rx) = cb::unbounded::<u8>(); rx.recv(); }\n".to_string()),
        ("b_crossbeam_path.rs", "async fn f() { let (_tx, rx) = crossbeam::channel::bounded::<u8>(1); rx.recv(); }\n".to_string()),
        ("b_condvar_group.rs", "use std::sync::{Arc, Condvar};\nasync fn f(c: Arc<Condvar>, g: G) { c.wait(g); }\n".to_string()),
        ("b_join.rs", "use std::thread::spawn as go;\nasync fn f() { let h = go(|| 1); h.join(); }\n".to_string()),
        ("b_dns_underscore.rs", "use std::net::ToSocketAddrs as _;\nasync fn f() { \"a:1\".to_socket_addrs(); }\n".to_string()),
        // join_handle_dropped_by_race: `select!`, `select`, `timeout` and a spawn call.
        ("j_spawn_rename.rs", "use tokio::spawn as go;\nasync fn f(mut c: C) { let a = go(x()); tokio::select! { _ = a => {}, _ = &mut c => {} } }\n".to_string()),
        ("j_select_group.rs", "use futures::future::{select, Either};\nasync fn f() { let a = tokio::spawn(x()); select(a, Box::pin(y())).await; }\n".to_string()),
        ("j_timeout_glob.rs", "use tokio::time::*;\nasync fn f() { let h = tokio::task::spawn_local(async { loop { tick().await; } }); let _ = timeout(d, h).await; }\n".to_string()),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let (scanned, parsed, filtered) = assert_lossless(dir.path());
    assert_eq!(scanned, files.len());
    assert_eq!(parsed as usize, files.len());
    for (name, _) in &files {
        // Where a finding may wait for the crate, the engine offers one per
        // way the crate may decide (a helper's call that may block as well
        // as the call itself): one place, however many offers.
        let found: std::collections::BTreeSet<_> = filtered
            .files
            .iter()
            .filter(|f| Path::new(&f.path).file_name() == Some(name.as_ref()))
            .flat_map(|f| &f.diagnostics)
            .map(|d| (d.finding.rule, d.finding.span.start.line))
            .collect();
        assert_eq!(found.len(), 1, "{name}");
    }
}

#[test]
fn lossless_over_the_corpus() {
    let Some(root) = std::env::var_os("LEAKLINT_CORPUS") else {
        eprintln!("note: LEAKLINT_CORPUS is not set; skipping the corpus pre-filter test");
        return;
    };
    let root = PathBuf::from(root);
    if !root.is_dir() {
        eprintln!(
            "note: LEAKLINT_CORPUS={} is not a directory; skipping",
            root.display()
        );
        return;
    }
    let (scanned, parsed, _) = assert_lossless(&root);
    eprintln!(
        "corpus {}: {scanned} files, {parsed} parsed with the pre-filter",
        root.display()
    );
}

/// A run over one file parses it while the pre-filter is built, and drops
/// the tree when no rule can find anything there: what it reports for the
/// file must be what a run over more files reports.
#[test]
fn one_file_runs_report_what_longer_runs_report() {
    let spawn = "fn f() { tokio::spawn(async { loop { tick().await; } }); }\n";
    let deep = |depth: usize| {
        format!(
            "fn h() {{ let _x = {}1{}; }}\n",
            "(".repeat(depth),
            ")".repeat(depth)
        )
    };
    let cases = [
        ("finding.rs", spawn.to_string(), 0),
        // No rule can find anything, but its grammar error is reported.
        (
            "ungrammatical_no_words.rs",
            "fn f() { let x = ; }\n".to_string(),
            1,
        ),
        // …but a file that is not made of tokens is reported.
        ("broken_no_words.rs", "fn broken( {\n".to_string(), 1),
        (
            "ungrammatical_words.rs",
            format!("{spawn}fn g() {{ let x = ; }}\n"),
            1,
        ),
        ("deep_no_words.rs", deep(20_001), 0),
        ("deep_words.rs", format!("{spawn}{}", deep(20_001)), 1),
    ];
    let lints: Vec<_> = leaklint::rules::all().copied().collect();
    let config = Config::with_lints(&lints);
    for (name, text, errors) in cases {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), &text).unwrap();
        std::fs::write(dir.path().join("other.rs"), "fn other() {}\n").unwrap();
        let run = |files: &[&str]| {
            let paths: Vec<PathBuf> = files.iter().map(|f| dir.path().join(f)).collect();
            let discovery = discover(&paths).unwrap();
            let options = RunOptions {
                threads: Some(2),
                prefilter: true,
            };
            let report = lint_all_with(&discovery, &config, &options, None, None).unwrap();
            let file = report.files.into_iter().find(|f| f.path.ends_with(name));
            file.map(|f| (format!("{:?}", f.diagnostics), format!("{:?}", f.errors)))
                .unwrap_or_default()
        };
        let alone = run(&[name]);
        assert_eq!(alone, run(&[name, "other.rs"]), "{name}");
        assert_eq!(
            alone.1.matches("message").count(),
            errors,
            "{name}: {}",
            alone.1
        );
        // Only the file that parses holds a finding.
        assert_eq!(
            alone.0.contains("spawn_without_cancel"),
            name == "finding.rs",
            "{name}: {}",
            alone.0
        );
    }
}

/// `async` counts as a word only: generated bindings full of `ppasync` and
/// `IAsyncResult` say nothing of async code and are not parsed for it.
#[test]
fn async_is_read_as_a_word() {
    use leaklint::crate_load::says_async;
    for text in [
        "async fn f() {}",
        "let f = async move {};",
        "x(async{})",
        "async",
    ] {
        assert!(says_async(text.as_bytes()), "{text}");
    }
    for text in [
        "fn f(ppasync: *mut u8) {}",
        "IAsyncResult",
        "asyncio",
        "_async",
        "no",
    ] {
        assert!(!says_async(text.as_bytes()), "{text}");
    }
}
