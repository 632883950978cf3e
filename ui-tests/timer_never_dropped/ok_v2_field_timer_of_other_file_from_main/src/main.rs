// A timer kept in a field of a struct of another file, pinned by a task
// that only `main` starts: the task lives as long as the process, as the
// timer does by design.
mod beat;

#[tokio::main]
async fn main() {
    let hb = beat::Heartbeat::new("peer".to_string());
    tokio::spawn(hb.run());
    tokio::signal::ctrl_c().await.unwrap();
}
