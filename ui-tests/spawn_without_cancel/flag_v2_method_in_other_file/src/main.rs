// The task body calls a method whose loop is in another file, two calls
// deep: `Worker::run` (worker.rs) calls `poll_forever` (worker/poll.rs).
mod worker;

use worker::Worker;

async fn reload(config: String) {
    let worker = Worker::new(config);
    tokio::spawn(async move { //~ spawn_without_cancel
        worker.run().await;
    });
}

#[tokio::main]
async fn main() {
    loop {
        reload(String::new()).await;
    }
}
