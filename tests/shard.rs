//! `--shard K/N` + `leaklint merge` reproduce an unsharded run: always on a
//! generated tree, and on a corpus when `LEAKLINT_CORPUS` names one.

mod common;
use common::leaklint;
use std::path::Path;
use std::process::Output;

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A SARIF log as a value. Everything, fingerprints and the notes'
/// `relatedLocations` included, must survive a merge.
fn sarif(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Shards `target` (relative to `dir`) N ways for each N, merges, and
/// compares with the unsharded run.
fn assert_shards_merge(dir: &Path, target: &str, counts: &[u64]) {
    let full = leaklint(dir, &["--format", "json", "--threads", "2", target]);
    let full_json = text(&full.stdout);
    let full_human = text(&leaklint(dir, &["--threads", "2", target]).stdout);
    let full_sarif = sarif(&leaklint(
        dir,
        &["--format", "sarif", "--threads", "2", target],
    ));
    let reports = tempfile::tempdir().unwrap();
    for &n in counts {
        let mut names = Vec::new();
        let mut scanned = Vec::new();
        for k in 1..=n {
            let shard = format!("{k}/{n}");
            let out = leaklint(
                dir,
                &[
                    "--format",
                    "json",
                    "--threads",
                    "2",
                    "--shard",
                    &shard,
                    target,
                ],
            );
            let name = reports.path().join(format!("{k}-of-{n}.json"));
            std::fs::write(&name, &out.stdout).unwrap();
            let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            scanned.push(value["files_scanned"].as_u64().unwrap());
            names.push(name.to_str().unwrap().to_string());
        }
        let mut args = vec!["merge".to_string()];
        args.extend(names.iter().cloned());
        let mut json_args = args.clone();
        json_args.extend(["--format".to_string(), "json".to_string()]);
        let json_args: Vec<&str> = json_args.iter().map(String::as_str).collect();
        let merged = leaklint(dir, &json_args);
        assert_eq!(
            text(&merged.stdout),
            full_json,
            "merged JSON of {n} shards differs"
        );
        assert_eq!(merged.status.code(), full.status.code());
        if n > 1 {
            // The partition really splits the tree.
            assert!(
                scanned.iter().filter(|&&s| s > 0).count() > 1,
                "{scanned:?}"
            );
        }

        let mut sarif_args = args.clone();
        sarif_args.extend(["--format".to_string(), "sarif".to_string()]);
        let sarif_args: Vec<&str> = sarif_args.iter().map(String::as_str).collect();
        assert_eq!(
            sarif(&leaklint(dir, &sarif_args)),
            full_sarif,
            "merged SARIF of {n} shards differs"
        );

        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let human = text(&leaklint(dir, &args).stdout);
        // Notes keep their locations (JSON version 2): the same output.
        assert_eq!(
            human, full_human,
            "merged human output of {n} shards differs"
        );
    }
}

#[test]
fn shards_merge_to_the_unsharded_report() {
    let dir = tempfile::tempdir().unwrap();
    let leaky = "fn f() {\n    tokio::spawn(async {\n        loop { tick().await; }\n    });\n}\n";
    for i in 0..24 {
        let sub = dir.path().join(format!("crate{}/src", i % 4));
        std::fs::create_dir_all(&sub).unwrap();
        let text = match i % 3 {
            0 => leaky.to_string(),
            1 => "fn spawn_nothing() {}\n".to_string(),
            _ => format!("fn f{i}( {{\n"),
        };
        std::fs::write(sub.join(format!("m{i}.rs")), text).unwrap();
    }
    assert_shards_merge(dir.path(), ".", &[1, 2, 3, 5]);
}

#[test]
fn a_path_named_merge_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("merge")).unwrap();
    std::fs::write(
        dir.path().join("merge/a.rs"),
        "fn f() { tokio::spawn(async { loop { tick().await; } }); }\n",
    )
    .unwrap();
    for args in [&["./merge"][..], &["--", "merge"]] {
        let out = leaklint(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(text(&out.stdout).contains("merge/a.rs:1:10"), "{args:?}");
    }
    // As the first argument, `merge` is the command.
    let out = leaklint(dir.path(), &["merge"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("REPORTS"));
}

#[test]
fn merge_rejects_what_is_not_a_report() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.json"), "{\"not\": 1}").unwrap();
    let out = leaklint(dir.path(), &["merge", "x.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("x.json is not a leaklint JSON report"));
    let out = leaklint(dir.path(), &["merge", "missing.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read report missing.json"));
}

#[test]
fn shards_merge_over_the_corpus() {
    let Some(root) = std::env::var_os("LEAKLINT_CORPUS") else {
        eprintln!("note: LEAKLINT_CORPUS is not set; skipping the corpus shard/merge test");
        return;
    };
    let root = Path::new(&root);
    if !root.is_dir() {
        eprintln!("note: LEAKLINT_CORPUS is not a directory; skipping");
        return;
    }
    let parent = root.parent().unwrap_or(Path::new("/"));
    let name = root.file_name().unwrap().to_str().unwrap();
    assert_shards_merge(parent, name, &[3]);
}

/// Writes the `--shard K/N --format json` report of `dir` for each K in
/// `ks` to `out/K.json`, returning the file names.
fn shard_reports(dir: &Path, out: &Path, n: u64, ks: &[u64], extra: &[&str]) -> Vec<String> {
    ks.iter()
        .map(|k| {
            let shard = format!("{k}/{n}");
            let mut args = vec!["--format", "json", "--shard", &shard];
            args.extend_from_slice(extra);
            let report = leaklint(dir, &args);
            let name = out.join(format!("{k}-{}.json", extra.len()));
            std::fs::write(&name, &report.stdout).unwrap();
            name.to_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn shard_reports_carry_k_n_and_a_run_id() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..8 {
        std::fs::write(
            dir.path().join(format!("m{i}.rs")),
            format!("fn f{i}() {{}}\n"),
        )
        .unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let names = shard_reports(dir.path(), out.path(), 3, &[1, 2, 3], &[]);
    let shards: Vec<serde_json::Value> = names
        .iter()
        .map(|n| {
            serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(n).unwrap()).unwrap()
                ["shard"]
                .clone()
        })
        .collect();
    for (i, shard) in shards.iter().enumerate() {
        assert_eq!(shard["k"], i as u64 + 1);
        assert_eq!(shard["n"], 3);
        assert!(
            shard["run"].as_str().is_some_and(|r| !r.is_empty()),
            "{shard}"
        );
        assert_eq!(shard["run"], shards[0]["run"], "one run, one id");
    }
    // Another configuration, another run.
    let other = shard_reports(dir.path(), out.path(), 3, &[1], &["-D", "all"]);
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&other[0]).unwrap()).unwrap();
    assert_ne!(value["shard"]["run"], shards[0]["run"]);
    // An unsharded run has no `shard`.
    let full = leaklint(dir.path(), &["--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&full.stdout).unwrap();
    assert!(value.get("shard").is_none());
}

#[test]
fn merge_refuses_duplicates_mixed_runs_and_missing_shards() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..8 {
        std::fs::write(
            dir.path().join(format!("m{i}.rs")),
            "fn f() { tokio::spawn(async { loop { tick().await; } }); }\n",
        )
        .unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let run = shard_reports(dir.path(), out.path(), 2, &[1, 2], &[]);
    let merge = |reports: &[&str], extra: &[&str]| {
        let mut args = vec!["merge", "--format", "json"];
        args.extend_from_slice(reports);
        args.extend_from_slice(extra);
        leaklint(dir.path(), &args)
    };
    // All shards once: fine.
    let ok = merge(&[&run[0], &run[1]], &[]);
    assert_eq!(ok.status.code(), Some(1), "{}", text(&ok.stderr));
    let merged: serde_json::Value = serde_json::from_slice(&ok.stdout).unwrap();
    assert_eq!(merged["files_scanned"], 8);
    assert_eq!(merged["diagnostics"].as_array().unwrap().len(), 8);

    // A shard twice would double its counts.
    let twice = merge(&[&run[0], &run[0], &run[1]], &[]);
    assert_eq!(twice.status.code(), Some(2));
    assert!(
        text(&twice.stderr).contains("shard 1/2 is given twice"),
        "{}",
        text(&twice.stderr)
    );
    assert!(twice.stdout.is_empty());
    // Even with --allow-partial.
    let twice = merge(&[&run[0], &run[0]], &["--allow-partial"]);
    assert_eq!(twice.status.code(), Some(2));

    // A missing shard would go unnoticed.
    let missing = merge(&[&run[0]], &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        text(&missing.stderr).contains("missing shard 2/2"),
        "{}",
        text(&missing.stderr)
    );
    let partial = merge(&[&run[0]], &["--allow-partial"]);
    assert_eq!(partial.status.code(), Some(1), "{}", text(&partial.stderr));

    // Shards of another run (other rule levels).
    let other = shard_reports(
        dir.path(),
        out.path(),
        2,
        &[2],
        &["-D", "spawn-without-cancel"],
    );
    let mixed = merge(&[&run[0], &other[0]], &[]);
    assert_eq!(mixed.status.code(), Some(2));
    assert!(
        text(&mixed.stderr).contains("different runs"),
        "{}",
        text(&mixed.stderr)
    );

    // A report without shard information (an unsharded run).
    let full = out.path().join("full.json");
    std::fs::write(&full, leaklint(dir.path(), &["--format", "json"]).stdout).unwrap();
    let full = full.to_str().unwrap();
    let unsharded = merge(&[full], &[]);
    assert_eq!(unsharded.status.code(), Some(2));
    assert!(text(&unsharded.stderr).contains("no `shard` information"));
    assert_eq!(merge(&[full], &["--allow-partial"]).status.code(), Some(1));
}

/// Copies the directory `from` into `to`, recursively.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn shards_of_multi_file_crates_merge_to_the_unsharded_report() {
    // Findings whose notes point into other files of their crate, and a
    // file that `#[cfg(test)] mod` makes test code: each shard reads the
    // whole crate, so a sharded run still equals an unsharded one.
    let dir = tempfile::tempdir().unwrap();
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui-tests");
    for case in [
        "spawn_without_cancel/flag_v2_method_in_other_file",
        "spawn_without_cancel/flag_v2_field_never_stopped",
        "spawn_without_cancel/ok_v2_cfg_test_module",
        "timer_never_dropped/flag_v2_timer_in_other_file",
    ] {
        copy_dir(&cases.join(case), &dir.path().join(case.replace('/', "-")));
    }
    assert_shards_merge(dir.path(), ".", &[1, 2, 3]);
}
