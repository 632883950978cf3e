// `std::process::Command` is clippy's `zombie_processes` business, not this rule's.
use std::process::Command;
use std::time::Duration;

pub async fn blocking_probe() -> bool {
    tokio::time::timeout(Duration::from_secs(1), async {
        Command::new("true").status().map(|s| s.success()).unwrap_or(false) //~ blocking_call_in_async
    })
    .await
    .unwrap_or(false)
}

pub async fn spawned_in_select(rx: &mut tokio::sync::mpsc::Receiver<()>) {
    tokio::select! {
        _ = async { Command::new("sync").output() } => {} //~ blocking_call_in_async
        _ = rx.recv() => {}
    }
}
