// Current-thread runtimes that run no task but the one they block on: the
// thread blocking on them is the main thread, and a blocking call there
// stalls only the command the user waits for. Each is left alone: a
// `#[tokio::main(flavor = "current_thread")]` main, a sync fn building its
// own runtime (in `bin/restore.rs`), and the async fns they reach through
// `.await`.
mod archive;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let config = std::fs::read_to_string("backup.toml")?;
    archive::run(&config).await
}
