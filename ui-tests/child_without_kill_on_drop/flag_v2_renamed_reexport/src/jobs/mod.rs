pub mod git;
pub mod lint;
