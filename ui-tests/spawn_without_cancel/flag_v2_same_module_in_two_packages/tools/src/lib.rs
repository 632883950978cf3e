mod util;
pub mod jobs;
