pub use crate::util::wait as wait_now;
