// `#[macro_use]` at the crate root lends `defer!` to every module, and a
// re-exported `guard` is scopeguard's wherever it is called.
#[macro_use]
extern crate scopeguard;

pub mod ingest;
pub mod util;
