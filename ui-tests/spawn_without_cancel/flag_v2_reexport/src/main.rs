async fn handle() {
    // Through the re-exports: flagged, with a note at the loop in worker.rs.
    tokio::spawn(app::pump());
    tokio::spawn(app::run_pump());
    // Near miss: `app::tick` is another crate's fn, re-exported.
    tokio::spawn(app::tick());
}

#[tokio::main]
async fn main() {
    loop {
        handle().await;
    }
}
