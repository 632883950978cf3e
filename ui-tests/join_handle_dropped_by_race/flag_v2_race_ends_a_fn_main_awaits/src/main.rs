mod app;

#[tokio::main]
async fn main() {
    let cfg = app::Config::default();
    tokio::spawn(app::on_reload());
    app::run_then_flush().await;
    app::warm_up().await;
    app::watch_disk().await;
    app::Server.serve().await;
    app::run(cfg).await
}
