mod util;
pub mod cache;
