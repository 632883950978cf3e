//! The summary cache (`.leaklint_cache/` at the root of a crate whose other
//! files a finding needs): a run that uses it prints exactly what a run
//! without it prints, whatever state the cache is in.

mod common;

use std::path::Path;
use std::process::Output;

use common::leaklint;

const CACHE: &str = ".leaklint_cache";
const FILE: &str = ".leaklint_cache/summaries.bin";

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A scratch directory holding a package named `name`, its own workspace.
fn package_dir(name: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "Cargo.toml",
        &format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n"),
    );
    tmp
}

/// A crate whose findings need its other files: two task bodies (in two
/// files) that call a method whose loop is two files away, spawned by fns
/// that `main` calls in a loop.
fn crate_dir() -> tempfile::TempDir {
    let tmp = package_dir("app");
    let d = tmp.path();
    write(
        d,
        "src/main.rs",
        "mod api;\nmod storage;\nmod worker;\n\nuse worker::Worker;\n\n\
         async fn reload(config: String) {\n    let worker = Worker::new(config);\n    \
         tokio::spawn(async move {\n        worker.run().await;\n    });\n}\n\n\
         #[tokio::main]\nasync fn main() {\n    loop {\n        reload(String::new()).await;\n        \
         api::serve(String::new());\n    }\n}\n",
    );
    write(
        d,
        "src/worker.rs",
        "mod poll;\n\npub struct Worker {\n    config: String,\n}\n\nimpl Worker {\n    \
         pub fn new(config: String) -> Worker {\n        Worker { config }\n    }\n\n    \
         pub async fn run(&self) {\n        poll::poll_forever(&self.config).await;\n    }\n}\n",
    );
    write(d, "src/worker/poll.rs", POLL_LOOPS);
    write(
        d,
        "src/api.rs",
        "use crate::worker::Worker;\n\npub fn serve(config: String) {\n    \
         let worker = Worker::new(config);\n    tokio::spawn(async move {\n        \
         worker.run().await;\n    });\n}\n",
    );
    write(
        d,
        "src/storage.rs",
        "pub fn load(id: u64) -> u64 {\n    id + 1\n}\n",
    );
    tmp
}

const POLL_LOOPS: &str =
    "use std::time::Duration;\n\npub async fn poll_forever(config: &str) {\n    \
     loop {\n        tokio::time::sleep(Duration::from_secs(1)).await;\n        \
     println!(\"{config}\");\n    }\n}\n";

const POLL_RETURNS: &str =
    "use std::time::Duration;\n\npub async fn poll_forever(config: &str) {\n    \
     tokio::time::sleep(Duration::from_secs(1)).await;\n    println!(\"{config}\");\n}\n";

/// The linted files: the two whose findings need the rest of the crate.
const LINTED: [&str; 2] = ["src/main.rs", "src/api.rs"];

fn run(dir: &Path, extra: &[&str]) -> Output {
    let mut args = extra.to_vec();
    args.extend(LINTED);
    leaklint(dir, &args)
}

/// stdout and exit status, which must not depend on the cache.
fn seen(out: &Output) -> (String, Option<i32>) {
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout.clone()).unwrap(),
        out.status.code(),
    )
}

#[test]
fn a_warm_run_prints_what_a_cold_run_and_an_uncached_run_print() {
    let tmp = crate_dir();
    let d = tmp.path();
    for format in ["human", "json"] {
        let _ = std::fs::remove_dir_all(d.join(CACHE));
        let uncached = seen(&run(d, &["--no-cache", "--format", format]));
        assert!(!d.join(CACHE).exists(), "--no-cache wrote a cache");
        assert!(
            uncached.0.contains("spawn_without_cancel"),
            "{}",
            uncached.0
        );
        assert!(uncached.0.contains("api.rs"), "{}", uncached.0);
        assert!(uncached.0.contains("poll.rs"), "{}", uncached.0);

        let cold = seen(&run(d, &["--format", format]));
        assert!(d.join(FILE).is_file(), "the cold run wrote the cache");
        let warm = seen(&run(d, &["--format", format]));
        assert_eq!(cold, uncached, "{format}: cold");
        assert_eq!(warm, uncached, "{format}: warm");
    }
    let tag = std::fs::read_to_string(d.join(CACHE).join("CACHEDIR.TAG")).unwrap();
    assert!(tag.starts_with("Signature: 8a477f597d28d172789f06886806bc55"));
    let ignore = std::fs::read_to_string(d.join(CACHE).join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
}

#[test]
fn a_warm_run_writes_nothing() {
    let tmp = crate_dir();
    let d = tmp.path();
    run(d, &[]);
    let file = d.join(FILE);
    let written = std::fs::read(&file).unwrap();
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(50));
    run(d, &[]);
    assert_eq!(std::fs::read(&file).unwrap(), written);
    assert_eq!(
        std::fs::metadata(&file).unwrap().modified().unwrap(),
        modified
    );
}

#[test]
fn editing_a_callee_file_changes_the_next_run() {
    let tmp = crate_dir();
    let d = tmp.path();
    write(d, "src/worker/poll.rs", POLL_RETURNS);
    let before = seen(&run(d, &[]));
    assert!(!before.0.contains("spawn_without_cancel"), "{}", before.0);

    // The loop is added in another file than the linted ones.
    write(d, "src/worker/poll.rs", POLL_LOOPS);
    let after = seen(&run(d, &[]));
    assert!(after.0.contains("spawn_without_cancel"), "{}", after.0);
    assert_eq!(after, seen(&run(d, &["--no-cache"])));

    write(d, "src/worker/poll.rs", POLL_RETURNS);
    assert_eq!(seen(&run(d, &[])), before);
}

/// A run trusts what the cache recorded of a file whose size, times and
/// inode are unchanged (its `mod` declarations, the words it spells),
/// without reading it; a file rewritten to the same size with its
/// modification time set back still has a new status-change time, and is
/// read again. (Files changed in the last two seconds are always read,
/// hence the waits.)
#[test]
fn a_file_rewritten_with_its_old_size_and_modification_time_is_read_again() {
    let tmp = crate_dir();
    let d = tmp.path();
    let worker = d.join("src/worker.rs");
    let text = std::fs::read_to_string(&worker).unwrap();
    // `poll` becomes test code: the loop is no longer the task's.
    let (before, after) = ("mod poll;", "#[cfg(test)] mod poll;");
    let padded = format!("{before}{}", " ".repeat(after.len() - before.len()));
    std::fs::write(&worker, text.replacen(before, &padded, 1)).unwrap();
    let settle = || std::thread::sleep(std::time::Duration::from_millis(2100));
    settle();
    let cold = seen(&run(d, &[]));
    assert!(cold.0.contains("poll.rs"), "{}", cold.0);
    assert_eq!(seen(&run(d, &[])), cold, "warm");

    let modified = std::fs::metadata(&worker).unwrap().modified().unwrap();
    let rewritten = text.replacen(before, after, 1);
    assert_eq!(rewritten.len(), text.len() + after.len() - before.len());
    std::fs::write(&worker, &rewritten).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&worker)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    settle();
    let now = seen(&run(d, &[]));
    assert!(!now.0.contains("poll.rs"), "{}", now.0);
    assert_eq!(now, seen(&run(d, &["--no-cache"])));
}

#[test]
fn editing_a_caller_changes_what_is_reached_only_from_main() {
    let tmp = crate_dir();
    let d = tmp.path();
    let looped = seen(&run(d, &[]));
    assert!(looped.0.contains("src/main.rs:9"), "{}", looped.0);
    // `main` calls `reload` once: its task lives as long as the process.
    let main = std::fs::read_to_string(d.join("src/main.rs")).unwrap();
    let once = main.replace(
        "    loop {\n        reload(String::new()).await;\n",
        "    reload(String::new()).await;\n    loop {\n",
    );
    assert_ne!(once, main);
    write(d, "src/main.rs", &once);
    let after = seen(&run(d, &[]));
    assert!(!after.0.contains("src/main.rs:9"), "{}", after.0);
    assert_eq!(after, seen(&run(d, &["--no-cache"])));
    write(d, "src/main.rs", &main);
    assert_eq!(seen(&run(d, &[])), looped);
}

#[test]
fn a_damaged_or_foreign_cache_is_rebuilt_and_never_trusted() {
    let tmp = crate_dir();
    let d = tmp.path();
    let expected = seen(&run(d, &["--no-cache"]));
    run(d, &[]);
    let good = std::fs::read(d.join(FILE)).unwrap();
    assert!(good.len() > 64);

    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0xff;
    // Still decodes, but says something else: only the checksum tells.
    let mut renamed = good.clone();
    let at = renamed
        .windows(12)
        .position(|w| w == b"poll_forever")
        .expect("the cache holds fn names");
    renamed[at] = b'q';
    let mut foreign = good.clone();
    foreign[8] ^= 1; // the stamp: another build or other settings
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("garbage", b"\x00garbage\xff".repeat(100)),
        ("truncated", good[..good.len() - 7].to_vec()),
        ("header only", good[..40].to_vec()),
        ("empty", Vec::new()),
        ("a byte flipped", flipped),
        ("a name changed", renamed),
        ("appended", [good.as_slice(), b"more"].concat()),
        ("foreign stamp", foreign),
    ];
    for (what, bytes) in damaged {
        std::fs::write(d.join(FILE), &bytes).unwrap();
        assert_eq!(seen(&run(d, &[])), expected, "{what}");
        assert_eq!(
            std::fs::read(d.join(FILE)).unwrap(),
            good,
            "{what}: rebuilt"
        );
    }
}

#[test]
fn concurrent_runs_on_one_crate_agree() {
    let tmp = crate_dir();
    let d = tmp.path();
    let expected = seen(&run(d, &["--no-cache"]));
    for round in 0..4 {
        if round % 2 == 0 {
            let _ = std::fs::remove_dir_all(d.join(CACHE));
        }
        let children: Vec<_> = (0..3)
            .map(|_| {
                let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_leaklint"));
                command
                    .args(LINTED)
                    .current_dir(d)
                    .env("NO_COLOR", "1")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped());
                command.spawn().unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert_eq!(seen(&out), expected, "round {round}");
        }
        assert_eq!(seen(&run(d, &[])), expected, "after round {round}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(d.join(CACHE))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn an_unwritable_cache_is_no_cache() {
    let tmp = crate_dir();
    let d = tmp.path();
    let expected = seen(&run(d, &["--no-cache"]));

    // A file where the directory would be: nothing can be written.
    std::fs::write(d.join(CACHE), "not a directory").unwrap();
    assert_eq!(seen(&run(d, &[])), expected);
    assert_eq!(
        std::fs::read_to_string(d.join(CACHE)).unwrap(),
        "not a directory"
    );
    std::fs::remove_file(d.join(CACHE)).unwrap();

    // A read-only directory (root may write there anyway: then it is used).
    run(d, &[]);
    std::fs::write(d.join(FILE), b"stale").unwrap();
    set_read_only(&d.join(CACHE), true);
    let out = seen(&run(d, &[]));
    set_read_only(&d.join(CACHE), false);
    assert_eq!(out, expected);
}

#[cfg(unix)]
fn set_read_only(dir: &Path, read_only: bool) {
    use std::os::unix::fs::PermissionsExt;
    let mode = if read_only { 0o555 } else { 0o755 };
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(not(unix))]
fn set_read_only(dir: &Path, read_only: bool) {
    let mut permissions = std::fs::metadata(dir).unwrap().permissions();
    permissions.set_readonly(read_only);
    std::fs::set_permissions(dir, permissions).unwrap();
}

#[test]
fn no_cache_flag_environment_and_configuration_write_nothing() {
    let tmp = crate_dir();
    let d = tmp.path();
    let expected = seen(&run(d, &["--no-cache"]));
    assert!(!d.join(CACHE).exists());

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_leaklint"))
        .args(LINTED)
        .current_dir(d)
        .env("NO_COLOR", "1")
        .env("LEAKLINT_NO_CACHE", "1")
        .output()
        .unwrap();
    assert_eq!(seen(&out), expected);
    assert!(!d.join(CACHE).exists(), "LEAKLINT_NO_CACHE wrote a cache");

    write(d, "leaklint.toml", "cache = false\n");
    assert_eq!(seen(&run(d, &[])), expected);
    assert!(!d.join(CACHE).exists(), "cache = false wrote a cache");

    let settings = leaklint(d, &["--show-settings", "src/main.rs"]);
    let text = String::from_utf8(settings.stdout).unwrap();
    let line = text.lines().find(|l| l.starts_with("cache = ")).unwrap();
    assert!(
        line.starts_with("cache = false") && line.ends_with("leaklint.toml:1"),
        "{line}"
    );
    let settings = leaklint(
        d,
        &[
            "--no-config",
            "--no-cache",
            "--show-settings",
            "src/main.rs",
        ],
    );
    let text = String::from_utf8(settings.stdout).unwrap();
    let line = text.lines().find(|l| l.starts_with("cache = ")).unwrap();
    assert!(line.ends_with("# --no-cache"), "{line}");
}

#[test]
fn a_lone_file_gets_no_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(
        d,
        "lone.rs",
        "async fn run() {\n    loop {\n        tokio::task::yield_now().await;\n    }\n}\n\n\
         async fn start() {\n    tokio::spawn(async { run().await });\n}\n",
    );
    let out = seen(&leaklint(d, &["lone.rs"]));
    assert!(out.0.contains("spawn_without_cancel"), "{}", out.0);
    assert!(!d.join(CACHE).exists());
}

#[test]
fn output_is_the_same_for_any_thread_count_with_and_without_cache() {
    let tmp = crate_dir();
    let d = tmp.path();
    // More files, so that threads share the work.
    for i in 0..12 {
        write(
            d,
            &format!("src/extra{i}.rs"),
            &format!(
                "pub async fn spin{i}() {{\n    loop {{\n        tokio::task::yield_now().await;\n    }}\n}}\n\n\
                 pub fn start{i}() {{\n    tokio::spawn(async {{ spin{i}().await }});\n    \
                 tokio::spawn(async {{ crate::worker::Worker::new(String::new()).run().await }});\n}}\n"
            ),
        );
    }
    // Settled files and directories: the cached runs record the files
    // and keep the module trees, and the later ones take them from the
    // cache.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let reference = seen(&leaklint(d, &["--threads", "1", "--no-cache", "."]));
    assert!(
        reference.0.matches("spawn_without_cancel").count() > 12,
        "{}",
        reference.0
    );
    for (threads, args) in [
        ("1", &["--threads", "2", "--no-cache", "."][..]),
        ("2", &["--threads", "2", "--no-cache", "."]),
        ("1", &["--threads", "1", "."]),
        ("2", &["--threads", "2", "."]),
        ("2", &["--threads", "1", "."]),
        ("1", &["--threads", "2", "."]),
    ] {
        // RAYON_NUM_THREADS: the crate pass's threads.
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_leaklint"))
            .args(args)
            .current_dir(d)
            .env("NO_COLOR", "1")
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert_eq!(seen(&out), reference, "{threads} {args:?}");
    }
}

/// A warm run knows a crate's blocking fns from the cache (without reading
/// the summaries of the files that spell a blocking call): it reports a
/// blocking helper as a cold run does, writes nothing, and sees an edit
/// that makes the helper stop blocking.
#[test]
fn a_blocking_helper_is_found_alike_cold_warm_and_after_an_edit() {
    let tmp = package_dir("svc");
    let d = tmp.path();
    write(
        d,
        "src/lib.rs",
        "mod pause;\n\npub async fn handle() {\n    pause::wait_a_bit();\n}\n",
    );
    const BLOCKS: &str = "pub fn wait_a_bit() {\n    \
         std::thread::sleep(std::time::Duration::from_secs(1));\n}\n";
    write(d, "src/pause.rs", BLOCKS);
    // Files changed in the last two seconds are never recorded.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let lint = |extra: &[&str]| {
        let mut args = extra.to_vec();
        args.push("src/lib.rs");
        seen(&leaklint(d, &args))
    };
    let uncached = lint(&["--no-cache"]);
    assert!(uncached.0.contains("`wait_a_bit` blocks"), "{}", uncached.0);
    assert_eq!(lint(&[]), uncached, "cold");
    assert_eq!(lint(&[]), uncached, "warm");
    // (The second run may still record what the first one parsed.)
    let written = std::fs::read(d.join(FILE)).unwrap();
    assert_eq!(lint(&[]), uncached, "warm again");
    assert_eq!(
        std::fs::read(d.join(FILE)).unwrap(),
        written,
        "a warm run wrote"
    );

    write(d, "src/pause.rs", "pub fn wait_a_bit() {}\n");
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let edited = lint(&[]);
    assert!(!edited.0.contains("wait_a_bit"), "{}", edited.0);
    assert_eq!(edited, lint(&["--no-cache"]));
    write(d, "src/pause.rs", BLOCKS);
    std::thread::sleep(std::time::Duration::from_millis(2100));
    assert_eq!(lint(&[]), uncached, "blocking again");
}

/// A path through a re-export of another file resolves to the item it
/// re-exports, cold and warm, and no longer once the re-export is gone:
/// what a file's summary says depends on the crate's re-exports too.
#[test]
fn editing_a_reexport_changes_the_next_run() {
    let tmp = package_dir("ticker");
    let d = tmp.path();
    write(
        d,
        "src/lib.rs",
        "pub mod rt;\npub mod worker;\n\npub fn start() {\n    tokio::spawn(worker::run());\n}\n",
    );
    write(d, "src/rt.rs", "pub use tokio::time::interval as every;\n");
    write(
        d,
        "src/worker.rs",
        "pub async fn run() {\n    let mut t = crate::rt::every(std::time::Duration::from_secs(1));\n    \
         loop {\n        t.tick().await;\n    }\n}\n",
    );
    let run = |extra: &[&str]| {
        let mut args = extra.to_vec();
        args.push(".");
        seen(&leaklint(d, &args))
    };
    let cold = run(&[]);
    assert!(cold.0.contains("timer_never_dropped"), "{}", cold.0);
    assert_eq!(run(&[]), cold);
    assert_eq!(run(&["--no-cache"]), cold);

    // `every` is now the crate's own fn: no timer.
    write(
        d,
        "src/rt.rs",
        "pub fn every(_: std::time::Duration) -> u8 {\n    0\n}\n",
    );
    let edited = run(&[]);
    assert!(!edited.0.contains("timer_never_dropped"), "{}", edited.0);
    assert!(edited.0.contains("spawn_without_cancel"), "{}", edited.0);
    assert_eq!(run(&["--no-cache"]), edited);
}

/// A caller's summary depends on the crate's spawn wrappers named
/// otherwise than `spawn…`: when an edit of another file makes `detach` one,
/// the summary of the file that calls it (unchanged) is made again, and the
/// timer its task pins is found, as without the cache.
#[test]
fn a_fn_of_another_file_becoming_a_spawn_wrapper_changes_the_next_run() {
    let tmp = package_dir("wrapped");
    let d = tmp.path();
    write(
        d,
        "src/lib.rs",
        "mod metrics;\nmod tasks;\n\npub fn start() {\n    \
         tasks::detach(\"report\", metrics::report_forever());\n}\n",
    );
    write(
        d,
        "src/metrics.rs",
        "pub async fn report_forever() {\n    \
         let mut every = tokio::time::interval(std::time::Duration::from_secs(60));\n    \
         loop {\n        every.tick().await;\n    }\n}\n",
    );
    let keeps = "pub fn detach<F>(label: &str, fut: F) -> (String, F) {\n    \
                 (label.to_string(), fut)\n}\n";
    let spawns = "pub fn detach<F>(label: &str, fut: F)\nwhere\n    \
                  F: std::future::Future<Output = ()> + Send + 'static,\n{\n    \
                  let _ = label;\n    tokio::spawn(fut);\n}\n";
    write(d, "src/tasks.rs", keeps);
    // Only the file with the timer is linted: its finding needs the
    // summary of `lib.rs`, which the cache keeps.
    let run = |extra: &[&str]| {
        let mut args = extra.to_vec();
        args.push("src/metrics.rs");
        seen(&leaklint(d, &args))
    };
    let before = run(&[]);
    assert!(!before.0.contains("timer_never_dropped"), "{}", before.0);
    assert_eq!(run(&[]), before);

    write(d, "src/tasks.rs", spawns);
    let after = run(&[]);
    assert!(after.0.contains("timer_never_dropped"), "{}", after.0);
    assert_eq!(run(&[]), after);
    assert_eq!(run(&["--no-cache"]), after);

    write(d, "src/tasks.rs", keeps);
    assert_eq!(run(&[]), before);
}

/// A file that `#[cfg(test)] mod tests;` declares is counted with the test
/// files whatever it holds: alike cold, warm and uncached, with findings
/// in it (a call of a helper of the crate that may block) or not.
#[test]
fn a_test_module_file_is_counted_alike_cold_warm_and_uncached() {
    let tmp = package_dir("svc");
    let d = tmp.path();
    write(
        d,
        "src/lib.rs",
        "pub mod clock;\n\n#[cfg(test)]\nmod tests;\n\n\
         pub async fn tick() {\n    clock::pause();\n}\n",
    );
    write(
        d,
        "src/clock.rs",
        "pub fn pause() {\n    std::thread::sleep(std::time::Duration::from_millis(1));\n}\n\n\
         pub fn now() -> u64 {\n    0\n}\n",
    );
    write(
        d,
        "src/tests.rs",
        "use crate::clock;\n\nasync fn waits() {\n    clock::pause();\n    clock::now();\n}\n\n\
         async fn quiet() {\n    let _ = clock::now();\n}\n",
    );
    let json = |extra: &[&str]| {
        let mut args = vec!["--format", "json"];
        args.extend(extra);
        args.push(".");
        seen(&leaklint(d, &args)).0
    };
    let uncached = json(&["--no-cache"]);
    assert!(uncached.contains("\"test_files\": 1"), "{uncached}");
    assert!(uncached.contains("blocking_call_in_async"), "{uncached}");
    assert!(!uncached.contains("tests.rs"), "{uncached}");
    for threads in ["1", "2"] {
        let _ = std::fs::remove_dir_all(d.join(CACHE));
        assert_eq!(
            json(&["--threads", threads]),
            uncached,
            "cold, {threads} threads"
        );
        assert_eq!(
            json(&["--threads", threads]),
            uncached,
            "warm, {threads} threads"
        );
    }
}

/// A settled warm run takes the crate's module trees from the cache when
/// its walk found the files, manifests and `mod` declarations of the last
/// run. The trees also depend on what the walk does not see: a module file
/// the project's `.gitignore` hides (generated code), which appears, or
/// changes its own `mod` declarations. Each run prints what a run without
/// the cache prints. (Files and directories changed in the last two
/// seconds are never trusted, hence the waits.)
#[test]
fn module_trees_taken_from_the_cache_follow_files_the_walk_does_not_see() {
    let tmp = package_dir("gen");
    let d = tmp.path();
    write(d, ".gitignore", "src/generated.rs\nsrc/generated/\n");
    write(
        d,
        "src/lib.rs",
        "mod generated;\n\npub fn start() {\n    tokio::spawn(async { generated::run().await });\n}\n",
    );
    let settle = || std::thread::sleep(std::time::Duration::from_millis(2100));
    let run = |extra: &[&str]| {
        let mut args = extra.to_vec();
        args.push("src/lib.rs");
        seen(&leaklint(d, &args))
    };
    let check = |expect_finding: bool| {
        settle();
        let (first, second) = (run(&[]), run(&[]));
        assert_eq!(
            first.0.contains("spawn_without_cancel"),
            expect_finding,
            "{}",
            first.0
        );
        assert_eq!(second, first, "warm");
        assert_eq!(run(&["--no-cache"]), first, "uncached");
    };
    // No module file yet: the call resolves to nothing.
    check(false);
    // The generated file appears, beside the walk: its loop is the task's
    // (the file beside it is no module yet).
    write(
        d,
        "src/generated.rs",
        "pub async fn run() {\n    loop {\n        tokio::task::yield_now().await;\n    }\n}\n",
    );
    write(
        d,
        "src/generated/inner.rs",
        "pub async fn spin() {\n    loop {\n        tokio::task::yield_now().await;\n    }\n}\n",
    );
    check(true);
    // It now declares that file its module, where the loop went: no
    // directory changes, only the file the walk does not see.
    write(
        d,
        "src/generated.rs",
        "mod inner;\n\npub async fn run() {\n    inner::spin().await;\n}\n",
    );
    check(true);
    // The loop leaves: the task ends.
    write(d, "src/generated/inner.rs", "pub async fn spin() {}\n");
    check(false);
}
