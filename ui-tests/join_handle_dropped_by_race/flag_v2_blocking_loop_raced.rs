// A `spawn_blocking` closure that loops forever, its handle raced by value:
// the race drops the handle, and the thread of the blocking pool goes on.
use std::io::Write;
use std::sync::mpsc::Receiver;
use std::time::Duration;

pub async fn export_for(samples: Receiver<Vec<u8>>, mut dev: std::fs::File, budget: Duration) {
    let writer = tokio::task::spawn_blocking(move || loop {
        if let Ok(s) = samples.recv_timeout(Duration::from_millis(100)) {
            let _ = dev.write_all(&s);
        }
    });
    if tokio::time::timeout(budget, writer).await.is_err() { //~ join_handle_dropped_by_race
        eprintln!("export budget exceeded");
    }
}

pub async fn export_until(samples: Receiver<Vec<u8>>, mut dev: std::fs::File, stop: tokio::sync::oneshot::Receiver<()>) {
    let writer = tokio::task::spawn_blocking(move || loop {
        if let Ok(s) = samples.recv_timeout(Duration::from_millis(100)) {
            let _ = dev.write_all(&s);
        }
    });
    tokio::select! {
        _ = writer => {} //~ join_handle_dropped_by_race
        _ = stop => {}
    }
}
