pub mod rt;
pub mod task;
