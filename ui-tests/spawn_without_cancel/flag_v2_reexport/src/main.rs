async fn handle() {
    // Through the re-exports: flagged, with a note at the loop in worker.rs.
    tokio::spawn(app::pump()); //~ spawn_without_cancel
    tokio::spawn(app::run_pump()); //~ spawn_without_cancel
    // Near miss: `app::tick` is another crate's fn, re-exported.
    tokio::spawn(app::tick());
}

#[tokio::main]
async fn main() {
    loop {
        handle().await;
    }
}
