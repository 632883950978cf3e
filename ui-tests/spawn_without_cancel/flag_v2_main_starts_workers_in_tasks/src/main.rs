// `main` starts its workers from tasks it spawns. A task whose handle is
// dropped runs its future once, for the life of the process: the workers it
// starts are process-lifetime, as if `main` started them. A task whose
// handle `main` keeps to stop it on shutdown is another matter: a worker it
// starts outlives it.
mod stats;
mod gossip;
mod supervisor;

#[tokio::main]
async fn main() {
    // Detached: `stats::start` runs once, for the process.
    tokio::spawn(async move {
        stats::start().await;
    });
    // A detached thread runs its closure once too.
    std::thread::spawn(|| stats::start_sampler());
    // Kept and aborted on shutdown: the gossip loop would outlive it.
    let server = tokio::spawn(async move { gossip::serve().await });
    // A closure a supervisor may call again: one more loop per restart.
    supervisor::spawn_restarting(|| async { stats::start_exporter().await });
    tokio::signal::ctrl_c().await.unwrap();
    server.abort();
}
