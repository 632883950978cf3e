/// Near miss: the daemon's reporter runs for the life of the process, and
/// its start-up backoff blocks only `main`.
#[tokio::main]
async fn main() {
    core2::start_daemon_reporter();
    core2::util::wait_backoff(1);
    tokio::signal::ctrl_c().await.ok();
}
