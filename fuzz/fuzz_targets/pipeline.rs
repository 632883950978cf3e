//! The whole per-file pipeline on arbitrary bytes: UTF-8 decoding, the
//! pre-filter (both of its matchers, which must agree), the nesting
//! pre-scan, parsing (doc comments blanked), the file context, every rule,
//! and every reporter (human with and without colour, the summary line,
//! JSON, SARIF, GitHub annotations, cargo-json).
//!
//! Run from the repository root: `RUSTC_BOOTSTRAP=1 cargo fuzz run pipeline`
//! (see README, "Fuzzing").

#![no_main]

use leaklint::{lint_source, report, Config, Report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = match std::str::from_utf8(data) {
        Ok(text) => text,
        Err(e) => {
            // What the engine reports for a file that is not UTF-8.
            let _ = leaklint::text::line_column_bytes(data, e.valid_up_to());
            return;
        }
    };
    let config = Config::default();
    // The pre-filter never panics, and both of its matchers agree.
    let many = leaklint::prefilter::Prefilter::new(&config).check(text);
    let one = leaklint::prefilter::Prefilter::for_one_file(&config).check(text);
    assert_eq!(many, one, "the pre-filter's matchers disagree");
    let _ = leaklint::code::without_line_doc_comments(text);
    // On a worker thread with leaklint's large stack, as in a real run.
    let result = lint_source("fuzz.rs", text, &config);
    let report = Report::new(1, [result]);

    let _ = report::human::render(&report, false);
    let _ = report::human::render(&report, true);
    let _ = report::human::summary(&report);
    let json = report::json::render(&report);
    // The JSON reporter always produces exactly one complete document.
    let value: serde_json::Value =
        serde_json::from_str(&json).expect("the JSON reporter produced invalid JSON");
    assert!(value.is_object());
    let sarif = report::sarif::render(&report);
    serde_json::from_str::<serde_json::Value>(&sarif)
        .expect("the SARIF reporter produced invalid JSON");
    let _ = report::github::render(&report);
    for line in report::cargo_json::render(&report).lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("cargo-json: a line is not JSON");
    }
});
