//! Suppression comments: where they apply, unused and unknown-rule
//! directives (also over findings the crate decides), and --require-reason.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn run(dir: &Path, args: &[&str]) -> (i32, Vec<(String, usize, String)>) {
    let out = Command::new(env!("CARGO_BIN_EXE_leaklint"))
        .args(["--format", "json"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap() as usize,
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (out.status.code().unwrap(), list)
}

fn leak(prefix: &str) -> String {
    format!("{prefix}tokio::spawn(async {{ loop {{ work().await; }} }});\n")
}

fn lint_text(text: &str, args: &[&str]) -> (i32, Vec<(String, usize, String)>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.rs"), text).unwrap();
    let mut all = args.to_vec();
    all.push("x.rs");
    run(dir.path(), &all)
}

fn rules(found: &[(String, usize, String)]) -> Vec<(&str, usize)> {
    found.iter().map(|(r, l, _)| (r.as_str(), *l)).collect()
}

#[test]
fn same_line_and_line_above() {
    let text = format!(
        "fn a() {{\n    // leaklint: allow(spawn_without_cancel) serves forever by design\n    {}}}\nfn b() {{\n    {}}}\nfn c() {{\n    {}}}\n",
        leak(""),
        leak("").trim_end().to_string() + " // leaklint: allow(spawn_without_cancel) same line\n",
        leak(""),
    );
    let (code, found) = lint_text(&text, &[]);
    assert_eq!(code, 1);
    assert_eq!(rules(&found), [("spawn_without_cancel", 9)]);
}

#[test]
fn a_spawn_under_attributes_starts_at_the_spawn() {
    // The finding starts at `tokio::spawn`, not at its `#[cfg]`: a
    // directive at the end of the spawn's line applies, and one above the
    // attributes applies through them; one above a line of code does not.
    let text = format!(
        "fn a() {{\n    #[cfg(unix)]\n    {}}}\n\
         fn b() {{\n    #[cfg(unix)]\n    {}}}\n\
         fn c() {{\n    // leaklint: allow(spawn_without_cancel) a daemon\n    #[cfg(unix)]\n    #[allow(unused)]\n    {}}}\n\
         fn d() {{\n    // leaklint: allow(spawn_without_cancel) a daemon\n    let x = 1;\n    {}}}\n",
        leak(""),
        leak("").trim_end().to_string() + " // leaklint: allow(spawn_without_cancel) same line\n",
        leak(""),
        leak(""),
    );
    let (_, found) = lint_text(&text, &[]);
    assert_eq!(
        rules(&found),
        [
            ("spawn_without_cancel", 3),
            ("unused_suppression", 16),
            ("spawn_without_cancel", 18)
        ]
    );
}

#[test]
fn a_directive_after_attributes_applies_below_them() {
    // `#[allow(unused_must_use)] // leaklint: allow(…)`: the attributes
    // belong to the statement below, and so does the comment.
    let text = format!(
        "fn a() {{\n    #[allow(unused_must_use)] // leaklint: allow(spawn_without_cancel) process-wide\n    {}}}\n\
         fn b() {{\n    #[cfg(unix)] #[allow(x)] // leaklint: allow(spawn_without_cancel) process-wide\n    #[allow(y)]\n    {}}}\n",
        leak(""),
        leak(""),
    );
    let (_, found) = lint_text(&text, &[]);
    assert_eq!(rules(&found), []);
    // A `]` in an attribute's string does not end it, and an attribute
    // written over several lines is passed over whole; a comment line
    // between the directive and the code stops it.
    let text = format!(
        "fn a() {{\n    #[cfg(feature = \"]\")] // leaklint: allow(spawn_without_cancel) legacy\n    {}}}\n\
         fn b() {{\n    // leaklint: allow(spawn_without_cancel) legacy\n    #[cfg(all(\n        unix,\n        feature = \"a]\"\n    ))]\n    {}}}\n\
         fn c() {{\n    // leaklint: allow(spawn_without_cancel) legacy\n    // the reaper\n    {}}}\n",
        leak(""),
        leak(""),
        leak(""),
    );
    let (_, found) = lint_text(&text, &[]);
    assert_eq!(
        rules(&found),
        [("unused_suppression", 14), ("spawn_without_cancel", 16)]
    );
}

#[test]
fn trailing_directive_does_not_reach_the_next_line() {
    let text = format!(
        "fn a() {{\n    let x = 1; // leaklint: allow(spawn_without_cancel) no\n    {}}}\n",
        leak("")
    );
    let (_, found) = lint_text(&text, &[]);
    assert_eq!(
        rules(&found),
        [("unused_suppression", 2), ("spawn_without_cancel", 3)]
    );
}

#[test]
fn file_wide() {
    let text = format!(
        "fn a() {{\n    {}}}\n// leaklint: allow-file(spawn_without_cancel) a daemon\nfn b() {{\n    {}}}\n",
        leak(""),
        leak("")
    );
    let (code, found) = lint_text(&text, &[]);
    assert_eq!((code, found.len()), (0, 0), "{found:?}");
}

#[test]
fn unused_and_unknown_directives_are_reported() {
    let text = "// leaklint: allow(spawn_without_cancel) stale\nfn a() {}\n// leaklint: allow(spawn_without_cancle) typo\nfn b() {}\n// leaklint: allow spawn_without_cancel\nfn c() {}\n// leaklint needs no allow here: this is prose\n";
    let (code, found) = lint_text(text, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        rules(&found),
        [
            ("unused_suppression", 1),
            ("unused_suppression", 3),
            ("unused_suppression", 5)
        ]
    );
    assert!(found[0].2.contains("suppresses nothing"), "{found:?}");
    assert!(
        found[1].2.contains("unknown rule `spawn_without_cancle`")
            && found[1].2.contains("did you mean `spawn_without_cancel`?"),
        "{found:?}"
    );
    assert!(found[2].2.contains("malformed"), "{found:?}");
    // It is a rule like the others: it can be turned off.
    let (code, found) = lint_text(text, &["-A", "unused_suppression"]);
    assert_eq!((code, found.len()), (0, 0));
    // A rule that did not run does not make its directives unused.
    let (_, found) = lint_text(text, &["-A", "spawn_without_cancel"]);
    assert_eq!(
        rules(&found),
        [("unused_suppression", 3), ("unused_suppression", 5)]
    );
}

#[test]
fn require_reason() {
    let text = format!(
        "fn a() {{\n    // leaklint: allow(spawn_without_cancel)\n    {}}}\n",
        leak("")
    );
    let (code, found) = lint_text(&text, &[]);
    assert_eq!((code, found.len()), (0, 0));
    let (code, found) = lint_text(&text, &["--require-reason"]);
    assert_eq!(code, 1);
    assert_eq!(rules(&found), [("suppression_without_reason", 2)]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.rs"), &text).unwrap();
    std::fs::write(dir.path().join("leaklint.toml"), "require_reason = true\n").unwrap();
    assert_eq!(run(dir.path(), &[]).1.len(), 1);
}

/// A finding that waits for the crate (the task calls a fn of another
/// file) is suppressed only if the crate says it holds; a directive over
/// one that does not hold (the callee ends, or only `main` starts the
/// task) suppresses nothing and is reported as unused, also with the cache.
#[test]
fn suppressions_of_findings_the_crate_decides() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("src")).unwrap();
    std::fs::write(
        d.join("Cargo.toml"),
        "[package]\nname = \"relay\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    )
    .unwrap();
    std::fs::write(
        d.join("src/main.rs"),
        "mod pump;\n\
         #[tokio::main]\n\
         async fn main() {\n\
         \x20   // leaklint: allow(spawn_without_cancel) runs for the process\n\
         \x20   tokio::spawn(async { pump::forever().await });\n\
         \x20   start();\n\
         }\n\
         pub fn start() {\n\
         \x20   // leaklint: allow(spawn_without_cancel) the relay lives as long as the server\n\
         \x20   tokio::spawn(async { pump::forever().await });\n\
         \x20   // leaklint: allow(spawn_without_cancel) stale: drain ends now\n\
         \x20   tokio::spawn(async { pump::drain().await });\n\
         }\n\
         pub fn restart() {\n\
         \x20   start();\n\
         }\n",
    )
    .unwrap();
    std::fs::write(
        d.join("src/pump.rs"),
        "pub async fn forever() {\n    loop {\n        tick().await;\n    }\n}\n\
         pub async fn drain() {\n    for _ in 0..3 {\n        tick().await;\n    }\n}\n\
         async fn tick() {}\n",
    )
    .unwrap();
    let expected = [("unused_suppression", 4), ("unused_suppression", 11)];
    for args in [&["--no-cache"][..], &[][..], &[][..]] {
        let (code, found) = run(d, args);
        assert_eq!(rules(&found), expected, "{args:?}: {found:?}");
        assert!(
            found[1].2.contains("allow(spawn_without_cancel)"),
            "{found:?}"
        );
        assert_eq!(code, 1);
    }
    // Without `restart`, only `main` starts the relay: its finding is moot,
    // and the directive over it suppresses nothing either.
    let main_rs = std::fs::read_to_string(d.join("src/main.rs")).unwrap();
    let without_restart = main_rs.replace("pub fn restart() {\n    start();\n}\n", "");
    assert_ne!(main_rs, without_restart);
    std::fs::write(d.join("src/main.rs"), without_restart).unwrap();
    let expected = [
        ("unused_suppression", 4),
        ("unused_suppression", 9),
        ("unused_suppression", 11),
    ];
    for args in [&["--no-cache"][..], &[][..]] {
        let (_, found) = run(d, args);
        assert_eq!(rules(&found), expected, "{args:?}: {found:?}");
    }
}
