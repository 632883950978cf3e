// Names re-exported by the crate that are not another crate's unbounded
// constructor, or whose meaning cannot be told: no finding.
pub mod chan;
pub mod platform;
pub mod services;
pub mod through_glob;

// A re-export of the crate's own bounded wrapper.
pub use chan::unbounded as wrapped;

pub use crossbeam_channel::unbounded;
