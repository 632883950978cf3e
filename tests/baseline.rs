//! Baselines: recorded findings stay quiet across unrelated edits, new ones
//! are reported, stale entries are counted.

mod common;
use common::leaklint;
use std::path::Path;

fn lines(dir: &Path, args: &[&str]) -> (i32, Vec<u64>, String) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = leaklint(dir, &all);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lines = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    (
        out.status.code().unwrap(),
        lines,
        String::from_utf8(out.stderr).unwrap(),
    )
}

const LEAK: &str = "    tokio::spawn(async { loop { work().await; } });\n";

#[test]
fn baseline_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let file = d.join("x.rs");
    std::fs::write(&file, format!("fn a() {{\n{LEAK}{LEAK}}}\n")).unwrap();
    let out = leaklint(d, &["--write-baseline", "leaklint-baseline.json", "x.rs"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrote 2 findings"));
    let base = ["--baseline", "leaklint-baseline.json", "x.rs"];
    assert_eq!(lines(d, &base).0, 0);

    // Unrelated edits above, re-indentation and reformatting: still known.
    let moved = format!(
        "use std::io;\n\n// a comment\nfn a() {{\n      tokio::spawn(async {{\n loop {{ work().await; }}\n }});\n{LEAK}}}\n"
    );
    std::fs::write(&file, moved).unwrap();
    let (code, found, err) = lines(d, &base);
    assert_eq!((code, found.len()), (0, 0), "{err}");

    // A third, identical finding is new (occurrence index 2).
    let more = format!("fn a() {{\n{LEAK}{LEAK}{LEAK}}}\n");
    std::fs::write(&file, more).unwrap();
    let (code, found, _) = lines(d, &base);
    assert_eq!((code, found), (1, vec![4]));

    // Fixed findings leave stale entries, which are counted.
    std::fs::write(&file, format!("fn a() {{\n{LEAK}}}\n")).unwrap();
    let (code, found, err) = lines(d, &base);
    assert_eq!((code, found.len()), (0, 0));
    assert!(
        err.contains("1 baseline entry in leaklint-baseline.json no longer matches any finding"),
        "{err}"
    );

    std::fs::write(d.join("bad.json"), "[]").unwrap();
    let out = leaklint(d, &["--baseline", "bad.json", "x.rs"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a leaklint baseline"));
}
