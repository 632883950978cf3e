pub mod handlers;
pub mod util;
