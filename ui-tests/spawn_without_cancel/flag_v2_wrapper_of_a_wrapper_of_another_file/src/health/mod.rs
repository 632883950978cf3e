use std::future::Future;

pub fn background<F: Future<Output = ()> + Send + 'static>(fut: F) {
    crate::detach(fut);
}

pub fn quietly<F: Future<Output = ()> + Send + 'static>(fut: F) {
    background(fut)
}

/// Not a spawn wrapper: the future it hands on is run inline.
pub async fn checked<F: Future<Output = ()>>(fut: F) {
    crate::run_inline(fut).await;
}
