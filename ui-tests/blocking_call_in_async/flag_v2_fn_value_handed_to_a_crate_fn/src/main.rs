mod retry;
mod startup;

use std::time::Duration;

// Near miss: handed by name to `retry::with_backoff`, which awaits it on
// `main`'s thread.
async fn register_node() -> std::io::Result<()> {
    std::thread::sleep(Duration::from_millis(100));
    Ok(())
}

// Near miss: handed to `startup::init_protocol`, which awaits it once.
async fn init_ftp() -> std::io::Result<()> {
    let _config = std::fs::read_to_string("/etc/ftp.toml")?;
    Ok(())
}

// Flagged: `retry::detach` spawns what it is handed.
async fn compact() {
    std::thread::sleep(Duration::from_secs(1)); //~ blocking_call_in_async
}

// Flagged: `retry::remember` keeps the fn; who calls it is not known.
async fn reload() {
    std::thread::sleep(Duration::from_secs(1)); //~ blocking_call_in_async
}

// Flagged: handed to a fn of another crate.
async fn report() {
    std::thread::sleep(Duration::from_secs(1)); //~ blocking_call_in_async
}

// Near miss: called in a closure handed to `retry::with_backoff`, which
// calls it on `main`'s thread.
async fn load_config() -> std::io::Result<String> {
    std::fs::read_to_string("/etc/bootstrap.toml")
}

// Flagged: called in a closure handed to `retry::detach_with`, which
// spawns what the closure returns.
async fn vacuum(_table: &'static str) {
    std::thread::sleep(Duration::from_secs(1)); //~ blocking_call_in_async
}

// Flagged: called in a closure handed to a fn of another crate.
async fn flush() {
    std::thread::sleep(Duration::from_secs(1)); //~ blocking_call_in_async
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let _config = retry::with_backoff(3, || load_config()).await?;
    retry::detach_with(|| vacuum("events"));
    telemetry::on_shutdown(|| flush());
    retry::with_backoff(5, register_node).await?;
    startup::init_protocol("ftp", init_ftp).await?;
    retry::detach(compact);
    retry::remember(reload);
    telemetry::every_minute(report);
    Ok(())
}
