// A program's `main` need not carry a runtime attribute: a sync `fn main`
// that builds its runtime is the entry point, and a worker it starts lives
// as long as the process.
use std::time::Duration;

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        tokio::spawn(async {
            loop {
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
        serve().await;
    });
}

async fn serve() {}
