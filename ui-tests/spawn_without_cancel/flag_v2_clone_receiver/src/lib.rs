//! A method called on a clone (`x.clone().run()`, `let this = self.clone()`,
//! `Arc::clone(&x)`) is the method of the cloned value's type.
mod cache;
mod other;

pub use cache::Cache;
