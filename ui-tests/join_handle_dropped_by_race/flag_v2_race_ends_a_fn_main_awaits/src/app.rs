#[derive(Default)]
pub struct Config;

async fn http_server() {
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}

async fn grpc_server() {
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}

pub async fn run(_cfg: Config) {
    let http = tokio::spawn(http_server());
    let grpc = tokio::spawn(grpc_server());
    tokio::select! {
        _ = http => tracing::error!("http server exited"),
        _ = grpc => tracing::error!("grpc server exited"),
    }
}

pub struct Server;

impl Server {
    // `main` waits for more after it returns: the loser runs on meanwhile.
    pub async fn serve(self) {
        let http = tokio::spawn(http_server());
        tokio::select! {
            _ = http => {} //~ join_handle_dropped_by_race
            _ = tokio::signal::ctrl_c() => {}
        }
    }

    // Its caller, `shutdown_after`, returns right after it, and `main`
    // right after that.
    pub async fn serve_last(self) {
        let grpc = tokio::spawn(grpc_server());
        tokio::select! {
            _ = grpc => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    }
}

pub async fn shutdown_after(server: Server) {
    tracing::info!("serving");
    server.serve_last().await;
    tracing::info!("stopped");
}

pub async fn run_then_flush() {
    let http = tokio::spawn(http_server());
    tokio::select! {
        _ = http => {} //~ join_handle_dropped_by_race
        _ = tokio::signal::ctrl_c() => {}
    }
    flush().await;
}

pub async fn on_reload() {
    let grpc = tokio::spawn(grpc_server());
    tokio::select! {
        _ = grpc => {} //~ join_handle_dropped_by_race
        _ = tokio::signal::ctrl_c() => {}
    }
}

// A timeout says the task should end by then: this one never does.
pub async fn warm_up() {
    let warmer = tokio::spawn(http_server());
    let _ = tokio::time::timeout(std::time::Duration::from_secs(5), warmer).await; //~ join_handle_dropped_by_race
}

// The runtime's shutdown waits for a blocking task's thread.
pub async fn watch_disk() {
    let watcher = tokio::task::spawn_blocking(|| loop {
        std::thread::sleep(std::time::Duration::from_secs(1));
    });
    tokio::select! {
        _ = watcher => {} //~ join_handle_dropped_by_race
        _ = tokio::signal::ctrl_c() => {}
    }
}

async fn flush() {}
