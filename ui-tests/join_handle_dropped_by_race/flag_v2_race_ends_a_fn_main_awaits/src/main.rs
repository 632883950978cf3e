mod app;

#[tokio::main]
async fn main() {
    let cfg = app::Config::default();
    tokio::spawn(app::on_reload());
    app::run_then_flush().await;
    app::warm_up().await;
    app::watch_disk().await;
    app::Server.serve().await;
    if std::env::args().any(|a| a == "--final") {
        app::shutdown_after(app::Server).await;
        return;
    }
    app::run(cfg).await
}
