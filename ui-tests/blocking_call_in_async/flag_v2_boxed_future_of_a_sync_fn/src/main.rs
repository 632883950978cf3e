// An async block that a sync fn returns (`Box::pin(async move { … })`)
// runs where its caller awaits it, as an async fn's body does: on the main
// thread when only `main` awaits it, on a worker when a task does.
mod service;

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

type BoxFuture<'a> = Pin<Box<dyn Future<Output = ()> + Send + 'a>>;

fn load_settings() -> BoxFuture<'static> {
    Box::pin(async move {
        let _ = std::fs::read_to_string("settings.toml");
    })
}

fn pause() -> BoxFuture<'static> {
    Box::pin(async move {
        std::thread::sleep(Duration::from_millis(50)); //~ blocking_call_in_async
    })
}

#[tokio::main]
async fn main() {
    load_settings().await;
    pause().await;
    tokio::spawn(async move {
        loop {
            pause().await;
            service::tick().await;
        }
    });
}
