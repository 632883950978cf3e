pub mod feed;
pub mod poll;
