// The only spawn of this file is the call of a spawn wrapper of another
// file, whose name says `spawn` only inside a longer identifier.
mod tasks;

/// A loop handed to the wrapper: flagged, with a note at the wrapper's spawn.
pub fn start() {
    tasks::spawn_named("worker", async move { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    });
}

/// Near miss: `run_inline` awaits its argument, it spawns nothing.
pub async fn run_here() {
    tasks::run_inline(async move {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    })
    .await;
}
