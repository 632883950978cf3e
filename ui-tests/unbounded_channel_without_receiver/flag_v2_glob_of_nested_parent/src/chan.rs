pub use crossbeam_channel::unbounded;
