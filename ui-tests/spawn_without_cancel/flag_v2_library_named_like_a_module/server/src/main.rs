#[tokio::main]
async fn main() {
    // Once, for the life of the process: `jobs`' workers are not leaks.
    jobs::init().await;
    // On every reconnect: each turn starts another `ingest` worker.
    loop {
        ingest::init().await;
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
    }
}
