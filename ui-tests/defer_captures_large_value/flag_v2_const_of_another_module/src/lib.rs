//! A length named by a const of another module of the crate is that
//! const's value.
pub mod limits;
mod work;
