// Channel constructors re-exported by other modules of the crate are the
// constructors they re-export, wherever they are called from.
pub mod events;
pub mod util;

pub mod prelude {
    pub use crossbeam_channel::unbounded as queue;
}

// A re-export of a re-export of the crate.
pub use util::unbounded as chan;
