use std::future::Future;
use std::pin::Pin;

pub struct Thumbnails;

// A service's `call`, which the framework calls per request: nothing in the
// crate calls it from `main`.
impl Thumbnails {
    pub fn call(&mut self, path: String) -> Pin<Box<dyn Future<Output = Vec<u8>> + Send>> {
        Box::pin(async move { std::fs::read(path).unwrap_or_default() }) //~ blocking_call_in_async
    }
}

pub async fn tick() {}
