//! Reporters: turning a [`Report`](crate::outcome::Report) into text.
//!
//! * [`human`]: rustc-style diagnostics with source snippets, and a summary line.
//! * [`json`]: the stable JSON contract (version 1) of DESIGN.md.

pub mod human;
pub mod json;
