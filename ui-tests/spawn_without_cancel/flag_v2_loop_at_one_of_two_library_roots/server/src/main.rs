async fn on_connect() {
    // `ingest::run` loops forever: flagged.
    tokio::spawn(ingest::run()); //~ spawn_without_cancel
    // `jobs::run` returns: not flagged.
    tokio::spawn(jobs::run());
}

#[tokio::main]
async fn main() {
    loop {
        on_connect().await;
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
    }
}
