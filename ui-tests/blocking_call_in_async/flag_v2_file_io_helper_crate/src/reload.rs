use std::time::Duration;

use crate::config;

// Spawned by `main`: a task on a runtime worker, reading the file on every
// turn.
pub async fn watch_config() {
    let mut tick = tokio::time::interval(Duration::from_secs(30));
    for _ in 0..100 {
        tick.tick().await;
        if let Ok(cfg) = config::load("app.toml") { //~ blocking_call_in_async
            println!("reloaded {}", cfg.addr);
        }
    }
}
