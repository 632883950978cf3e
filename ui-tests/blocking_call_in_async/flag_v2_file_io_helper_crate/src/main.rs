mod config;
mod handlers;
mod jobs;
mod per_request;
mod reload;
mod startup;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    // Start-up: only `main` reaches `config::load` this way.
    let cfg = config::load("app.toml")?;
    let (tx, rx) = tokio::sync::mpsc::channel(64);
    let reloader = tokio::spawn(reload::watch_config());
    let worker = tokio::spawn(jobs::run(rx));
    tx.send(cfg.addr).await.ok();
    drop(tx);
    worker.await.ok();
    reloader.abort();
    Ok(())
}
