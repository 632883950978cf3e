pub mod jobs;
pub mod proc;
