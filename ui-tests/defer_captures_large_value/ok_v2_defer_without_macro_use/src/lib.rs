// `scopeguard` is declared without `#[macro_use]`: a `defer!` elsewhere is
// the crate's own macro, not scopeguard's.
extern crate scopeguard;

#[macro_use]
mod macros;
pub mod ingest;
