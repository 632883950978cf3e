// A race in `main` is left alone only when it ends `main`: in a loop, or
// followed by more awaited work, the loser runs on meanwhile.
use std::time::Duration;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let reader = tokio::spawn(read_loop());
    let writer = tokio::spawn(write_loop());
    tokio::select! {
        _ = reader => {} //~ join_handle_dropped_by_race
        _ = writer => {} //~ join_handle_dropped_by_race
    }
    // The loser is still running while main drains and flushes.
    flush().await;
    for round in 0..3 {
        let probe = tokio::spawn(probe(round));
        tokio::select! {
            _ = probe => {} //~ join_handle_dropped_by_race
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
        }
    }
    // Near miss: the last race of main; the runtime stops the loser when main returns.
    let server = tokio::spawn(read_loop());
    let metrics = tokio::spawn(write_loop());
    tokio::select! {
        _ = server => {}
        _ = metrics => {}
    }
    Ok(())
}

async fn read_loop() {}
async fn write_loop() {}
async fn flush() {}
async fn probe(_round: u32) {}
