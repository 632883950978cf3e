// A race in `main`: when `main` returns the runtime shuts down and cancels
// the losing task, so nothing outlives the race for long.
#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = Config::load()?;
    let server = tokio::spawn(serve(config.clone()));
    let metrics = tokio::spawn(export_metrics(config));
    tokio::select! {
        res = server => res??,
        res = metrics => res??,
        _ = tokio::signal::ctrl_c() => {}
    }
    Ok(())
}
