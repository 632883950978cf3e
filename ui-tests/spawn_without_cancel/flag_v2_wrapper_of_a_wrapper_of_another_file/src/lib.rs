//! A spawn wrapper (`detach`) and, in another file, wrappers of it named
//! otherwise (`background`, `quietly`).

pub mod health;
pub mod upstream;

use std::future::Future;

pub fn detach<F: Future<Output = ()> + Send + 'static>(fut: F) {
    tokio::spawn(fut);
}

/// Not a spawn wrapper: it runs the future to its end.
pub async fn run_inline<F: Future<Output = ()>>(fut: F) {
    fut.await;
}
