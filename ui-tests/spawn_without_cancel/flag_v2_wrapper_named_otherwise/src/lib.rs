mod bg;
mod probe;
pub mod watch;
