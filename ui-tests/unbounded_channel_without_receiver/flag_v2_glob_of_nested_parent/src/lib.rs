// Module files below a `mod.rs` see that file's private imports through
// `use super::*;`: crossbeam's constructor imported directly, or through
// the crate's own re-export of it.
mod chan;
mod metrics;
mod telemetry;
