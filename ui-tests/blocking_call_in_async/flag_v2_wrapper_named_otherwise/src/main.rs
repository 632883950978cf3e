mod tasks;

use std::time::Duration;

use tasks::detach as background;

#[tokio::main]
async fn main() {
    // A task on a runtime worker: `detach` starts one.
    tasks::detach(async {
        std::thread::sleep(Duration::from_secs(2)); //~ blocking_call_in_async
        tracing::info!("cache warm");
    });
    // The same under another name.
    background(async {
        std::thread::sleep(Duration::from_secs(2)); //~ blocking_call_in_async
    });
    // Near-miss: `main`'s own body runs on the main thread.
    std::thread::sleep(Duration::from_millis(10));
    // Near-miss: `inline` runs the future where it is, on the main thread.
    tasks::inline(async {
        std::thread::sleep(Duration::from_millis(10));
    })
    .await;
}
