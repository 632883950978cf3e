//! The crate model on arbitrary multi-file crates: the input is split into
//! up to six files at lines `//@ <name>` (the first part is `src/lib.rs`; a
//! name may hold `/`, `..` or be a directory's, which the module tree must
//! survive), written into a fresh package with a `Cargo.toml`, and linted
//! as a directory: discovery, the engine, the module tree (`mod`, `#[path]`
//! cycles and escapes, missing files), the function summaries, following
//! calls across files, the summary cache (on, then off: the reports must be
//! equal) and every reporter, notes into other files included.
//!
//! Run from the repository root: `RUSTC_BOOTSTRAP=1 cargo fuzz run crate_model`.

#![no_main]

use leaklint::{report, Cli};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let root = dir.path();
    let _ = std::fs::create_dir_all(root.join("src"));
    let _ = std::fs::write(
        root.join("Cargo.toml"),
        "[package]\nname = \"fuzzed\"\nversion = \"0.1.0\"\nedition = \"2021\"\n[workspace]\n",
    );
    let mut name = "lib.rs".to_string();
    let mut body = String::new();
    let mut files = Vec::new();
    for line in text.split_inclusive('\n') {
        match line.strip_prefix("//@ ") {
            Some(next) if files.len() < 5 => {
                files.push((std::mem::take(&mut name), std::mem::take(&mut body)));
                name = next.trim().to_string();
            }
            _ => body.push_str(line),
        }
    }
    files.push((name, body));
    for (name, body) in files {
        // Only names inside the package: the fuzzer must not write elsewhere.
        if name.is_empty() || name.starts_with('/') || name.split('/').any(|p| p == "..") {
            continue;
        }
        let path = root.join("src").join(&name);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(path, body);
    }
    let run = |extra: &[&str]| {
        let mut args = vec!["leaklint", "--no-config", "--threads", "1"];
        args.extend_from_slice(extra);
        let root = root.to_string_lossy().into_owned();
        args.push(&root);
        let cli = Cli::parse_args(&args).expect("valid arguments");
        leaklint::pipeline::lint(&cli, None).map(|r| report::json::render(&r))
    };
    let cached = run(&[]);
    let uncached = run(&["--no-cache"]);
    let (Ok(cached), Ok(uncached)) = (cached, uncached) else {
        return;
    };
    assert_eq!(cached, uncached, "the summary cache changed the report");
    serde_json::from_str::<serde_json::Value>(&cached).expect("invalid JSON");
});
