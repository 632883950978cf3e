// v2 near-misses of blocking through a sync helper: nothing here is flagged.
use std::time::Duration;

fn read_config(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// A sync helper that does not block.
fn parse(text: &str) -> usize {
    text.len()
}

/// A helper whose blocking work is handed to a thread of its own.
fn warm_cache() {
    std::thread::spawn(|| {
        std::thread::sleep(Duration::from_secs(1));
    });
}

/// The blocking helper is called on the blocking pool.
pub async fn load() -> String {
    let text = tokio::task::spawn_blocking(|| read_config("/etc/app.toml")).await.unwrap();
    warm_cache();
    let _ = parse(&text);
    text
}

/// Called from sync code only.
pub fn load_sync() -> String {
    read_config("/etc/app.toml")
}

/// An async helper is checked where its own blocking call is, not where it is
/// awaited.
async fn fetch() -> String {
    tokio::fs::read_to_string("/etc/app.toml").await.unwrap_or_default()
}

pub async fn handler() -> String {
    fetch().await
}

/// A method called on a value of unknown type is never guessed.
pub async fn unknown(x: &dyn std::any::Any) -> usize {
    let _ = x;
    let s = String::new();
    s.len()
}

/// `main`'s own thread may block.
fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let _ = read_config("/etc/app.toml");
    });
}
