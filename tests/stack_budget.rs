//! Measures how much stack the per-file pipeline uses on deep code, to size
//! `engine::WORKER_STACK_SIZE` and `config::DEFAULT_MAX_NESTING`.
//!
//! Not part of the normal test run (it prints numbers, it asserts nothing
//! about them). Run it in both profiles:
//!
//! ```text
//! cargo test --test stack_budget -- --ignored --nocapture
//! cargo test --release --test stack_budget -- --ignored --nocapture
//! ```
//!
//! It lints generated files on a thread with a 1 GiB stack and reads how much
//! of that stack was touched (the stack mapping's resident size in
//! `/proc/self/smaps`, so Linux only).

use leaklint::engine::{lint_text, WORKER_STACK_SIZE};
use leaklint::Config;

/// Resident size in bytes of the memory mapping that contains `addr`.
fn resident_size_of_mapping(addr: usize) -> Option<usize> {
    let smaps = std::fs::read_to_string("/proc/self/smaps").ok()?;
    let mut in_mapping = false;
    for line in smaps.lines() {
        let first = line.split_whitespace().next().unwrap_or("");
        if let Some((lo, hi)) = first.split_once('-') {
            if let (Ok(lo), Ok(hi)) = (usize::from_str_radix(lo, 16), usize::from_str_radix(hi, 16))
            {
                in_mapping = lo <= addr && addr < hi;
                continue;
            }
        }
        if in_mapping {
            if let Some(kb) = line.strip_prefix("Rss:") {
                let kb: usize = kb.trim().trim_end_matches("kB").trim().parse().ok()?;
                return Some(kb * 1024);
            }
        }
    }
    None
}

/// Stack bytes touched while linting `text`, and whether it had errors.
fn stack_used(text: String) -> (usize, Vec<String>) {
    std::thread::Builder::new()
        .stack_size(WORKER_STACK_SIZE)
        .spawn(move || {
            let config = Config {
                max_nesting: usize::MAX,
                ..Config::default()
            };
            let result = lint_text("measure.rs", &text, &config);
            let marker = 0u8;
            let used = resident_size_of_mapping(&marker as *const u8 as usize).unwrap_or(0);
            (used, result.errors.into_iter().map(|e| e.message).collect())
        })
        .unwrap()
        .join()
        .unwrap()
}

fn nested(open: &str, close: &str, depth: usize) -> String {
    format!(
        "fn main() {{ let _x = {}1{}; }}\n",
        open.repeat(depth),
        close.repeat(depth)
    )
}

#[test]
#[ignore = "measurement, run by hand"]
fn measure_stack_per_level() {
    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    type Generator = Box<dyn Fn(usize) -> String>;
    let cases: Vec<(&str, Generator)> = vec![
        ("parens (((1)))", Box::new(|n| nested("(", ")", n))),
        ("arrays [[[1]]]", Box::new(|n| nested("[", "]", n))),
        ("blocks {{{1}}}", Box::new(|n| nested("{", "}", n))),
        ("calls f(f(f(1)))", Box::new(|n| nested("f(", ")", n))),
        ("closures (|| (|| 1))", Box::new(|n| nested("(|| ", ")", n))),
        (
            "ifs if a { if a { 1 } }",
            Box::new(|n| nested("if a { ", " }", n)),
        ),
        (
            "async blocks",
            Box::new(|n| nested("async move { ", " }", n)),
        ),
        // Not counted by the pre-scan (no delimiters nest):
        (
            "generics Option<Option<u8>>",
            Box::new(|n| format!("type T = {}u8{};\n", "Option<".repeat(n), ">".repeat(n))),
        ),
        ("unary !!!!x", Box::new(|n| nested(&"!".repeat(n), "", 1))),
        (
            "else-if chain",
            Box::new(|n| format!("fn main() {{ if a {{}} {} }}\n", "else if a {} ".repeat(n))),
        ),
        (
            "method chain x.f().f()",
            Box::new(|n| format!("fn main() {{ x{}; }}\n", ".f()".repeat(n))),
        ),
        (
            "flat sum 1 + 1 + …",
            Box::new(|n| format!("fn main() {{ let _x = 1{}; }}\n", " + 1".repeat(n))),
        ),
    ];
    for (name, make) in &cases {
        let (base, _) = stack_used(make(10));
        for depth in [1_000, 5_000] {
            let (used, errors) = stack_used(make(depth));
            println!(
                "{profile}: {name:24} depth {depth:>6}: {:>8} KiB stack, {:>6} bytes/level, errors {errors:?}",
                used / 1024,
                used.saturating_sub(base) / depth,
            );
        }
    }
    let (used, errors) = stack_used(cases.last().unwrap().1(200_000));
    println!(
        "{profile}: flat sum of 200000 terms: {} KiB stack, errors {errors:?}",
        used / 1024
    );
}
