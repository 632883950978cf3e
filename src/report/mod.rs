//! Reporters: turning a [`Report`](crate::outcome::Report) into text.
//!
//! * [`human`]: rustc-style diagnostics with source snippets, and a summary line.
//! * [`json`]: the stable JSON contract (version 2) of DESIGN.md.
//! * [`sarif`]: SARIF 2.1.0 for code scanning.
//! * [`github`]: GitHub Actions workflow commands.
//! * [`cargo_json`]: rustc diagnostic JSON lines for rust-analyzer.
//!
//! [`sources`] gives the reporters that show code the text of the files
//! notes point into.

pub mod cargo_json;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod sources;
