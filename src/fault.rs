//! Fault injection for tests of fault isolation.
//!
//! When the environment variable [`INJECT_PANIC_VAR`] is set to a non-empty
//! marker, analysing a file whose text contains the marker panics, as a
//! buggy rule would. The integration tests use it to prove that such a panic
//! is reported as that file's error while every other file is still linted.
//! Unset (always, in normal use), it costs one cached environment lookup.

use std::sync::OnceLock;

/// The environment variable holding the marker.
pub const INJECT_PANIC_VAR: &str = "LEAKLINT_INJECT_PANIC";

/// Panics if fault injection is on and `text` contains the marker.
pub fn inject(text: &str) {
    static MARKER: OnceLock<Option<String>> = OnceLock::new();
    let marker = MARKER.get_or_init(|| {
        std::env::var(INJECT_PANIC_VAR)
            .ok()
            .filter(|m| !m.is_empty())
    });
    if let Some(marker) = marker {
        if text.contains(marker.as_str()) {
            panic!("injected fault ({INJECT_PANIC_VAR})");
        }
    }
}
