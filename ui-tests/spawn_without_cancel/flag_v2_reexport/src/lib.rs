// The library re-exports its fns at its root.
mod ticker;
mod worker;

pub use self::worker::pump as run_pump;
pub use worker::pump;
// Another crate's `tick`, not `ticker::tick`.
pub use clock_crate::tick;
