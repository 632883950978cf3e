pub mod work;

async fn tick() {
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
}

/// The loop a connection's task runs: flagged where the binary spawns it.
pub async fn pump() {
    loop {
        tick().await;
    }
}

/// Called once, from `main` (`app::start()`): a process-lifetime worker.
pub fn start() {
    tokio::spawn(async {
        loop {
            tick().await;
        }
    });
}

/// Called by every connection (`app::on_connect()` in a loop): flagged.
pub fn on_connect() {
    tokio::spawn(async { //~ spawn_without_cancel
        loop {
            tick().await;
        }
    });
}
